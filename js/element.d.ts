// Importing 'twitch-triage/element' defines the <twitch-triage> custom element
// (where there is no DOM, server-side rendering in Node say, it does nothing).
//
// Attributes: lang (en), emergency-number (default 112), share-answers
// (include the answers in the complete event).
// Events (bubbling, composed): twitch-triage-start, twitch-triage-complete.

import type { ExplanationId, Findings, Triage } from './index.js';

export interface TwitchTriageCompleteDetail {
  triage: Triage;
  explanations: ExplanationId[];
  /** Only when the element has the share-answers attribute. */
  answers?: Findings;
}

declare global {
  interface HTMLElementTagNameMap {
    'twitch-triage': HTMLElement;
  }
  interface HTMLElementEventMap {
    'twitch-triage-start': CustomEvent<Record<string, never>>;
    'twitch-triage-complete': CustomEvent<TwitchTriageCompleteDetail>;
  }
}

/** Bytes of WebAssembly memory the elements of this page use (0 before they start). */
export declare function memoryBytes(): number;
