// Importing 'twitch-triage/element' defines the <twitch-triage> custom element
// (where there is no DOM, server-side rendering in Node say, it does nothing).
//
// Attributes: lang (en), emergency-number (default: the number for the region
// of the element's, the page's or the browser's language tag, else 112),
// share-result (the complete event carries the level and the explanations),
// share-answers (and the answers), shadow-root="open" (a shadow root the
// page's scripts can read; closed otherwise), each of the first four also as
// a property (lang, emergencyNumber, shareResult, shareAnswers). With
// share-result, share-answers or shadow-root="open", every screen tells the
// person what this site receives.
// Events (bubbling, composed): twitch-triage-start, twitch-triage-complete.

import type { ExplanationId, Findings, Triage } from './index.js';

/**
 * The complete event's detail: empty unless the host asked (share-result or
 * share-answers).
 */
export interface TwitchTriageCompleteDetail {
  /** Only with share-result or share-answers. */
  triage?: Triage;
  /** Only with share-result or share-answers. */
  explanations?: ExplanationId[];
  /** Only when the element has the share-answers attribute. */
  answers?: Findings;
}

/**
 * What a template may set on <twitch-triage>: its attributes, and the
 * properties that set them. The framework declarations (twitch-triage/react,
 * twitch-triage/vue, twitch-triage/svelte) build on it.
 */
export interface TwitchTriageAttributes {
  /** en, es or zh-Hant (a region may follow: es-MX); else the page's language. */
  lang?: string;
  /** The number to call in an emergency (digits, spaces and + * # -). */
  'emergency-number'?: string;
  emergencyNumber?: string;
  /** The complete event carries the level and the explanations; the person is told. */
  'share-result'?: boolean | '';
  shareResult?: boolean;
  /** The complete event carries the answers too; the person is told. */
  'share-answers'?: boolean | '';
  shareAnswers?: boolean;
  /** A shadow root the page's scripts can read (closed otherwise); the person is told. */
  'shadow-root'?: 'open';
}

/** The element's events, by name, as its listeners receive them. */
export interface TwitchTriageEvents {
  'twitch-triage-start': CustomEvent<Record<string, never>>;
  'twitch-triage-complete': CustomEvent<TwitchTriageCompleteDetail>;
}

/** <twitch-triage>: each attribute also has a property that sets it. */
export interface TwitchTriageElement extends HTMLElement {
  /** The emergency-number attribute; when it is absent, the number shown: the
   * one for the region of a language tag (911 for es-MX), else '112'. */
  emergencyNumber: string;
  /** The share-result attribute. */
  shareResult: boolean;
  /** The share-answers attribute. */
  shareAnswers: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'twitch-triage': TwitchTriageElement;
  }
  interface HTMLElementEventMap extends TwitchTriageEvents {}
}

/** Bytes of WebAssembly memory the elements of this page use (0 before they start). */
export declare function memoryBytes(): number;
