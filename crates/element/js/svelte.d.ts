// Svelte 5 markup types for <twitch-triage> (svelte-check). Add once, anywhere in the app:
//   import type {} from 'twitch-triage/svelte';
// Svelte sets a custom element's known properties (emergencyNumber,
// shareResult, shareAnswers) as properties and the others as attributes, and
// `ontwitch-triage-complete={handler}` (or `on:twitch-triage-complete`, in a
// component in Svelte 4's syntax) listens to the event.

import type { HTMLAttributes } from 'svelte/elements';
import type { TwitchTriageAttributes, TwitchTriageElement, TwitchTriageEvents } from './element.js';

/** A listener of event `K`, with the element as its currentTarget. */
type Handler<K extends keyof TwitchTriageEvents> = (event: TwitchTriageEvents[K] & { currentTarget: EventTarget & TwitchTriageElement }) => unknown;

/** The element's attributes, properties and events, and every HTML element's attributes. */
export interface TwitchTriageSvelteAttributes extends HTMLAttributes<TwitchTriageElement>, TwitchTriageAttributes {
  lang?: string;
  'ontwitch-triage-start'?: Handler<'twitch-triage-start'>;
  'ontwitch-triage-complete'?: Handler<'twitch-triage-complete'>;
  'on:twitch-triage-start'?: Handler<'twitch-triage-start'>;
  'on:twitch-triage-complete'?: Handler<'twitch-triage-complete'>;
}

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'twitch-triage': TwitchTriageSvelteAttributes;
  }
}
