// <twitch-triage> typed in markup (svelte-check): attributes, properties, events.
import type {} from 'twitch-triage/svelte';
