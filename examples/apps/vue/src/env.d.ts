// <twitch-triage> typed in templates (vue-tsc): attributes, properties, events.
import type {} from 'twitch-triage/vue';
