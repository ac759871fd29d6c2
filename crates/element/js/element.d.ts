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
  interface HTMLElementEventMap {
    'twitch-triage-start': CustomEvent<Record<string, never>>;
    'twitch-triage-complete': CustomEvent<TwitchTriageCompleteDetail>;
  }
}

/** Bytes of WebAssembly memory the elements of this page use (0 before they start). */
export declare function memoryBytes(): number;
