// React 19 JSX types for <twitch-triage>. Add once, anywhere in the app:
//   import type {} from 'twitch-triage/react';
// React 19 sets a custom element's known properties (emergencyNumber,
// shareResult, shareAnswers) as properties, and a prop `on<event-name>` as a
// listener of that event (`ontwitch-triage-complete`).

import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { TwitchTriageCompleteDetail, TwitchTriageElement } from './element.js';

export interface TwitchTriageProps extends DetailedHTMLProps<HTMLAttributes<TwitchTriageElement>, TwitchTriageElement> {
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
  'ontwitch-triage-start'?: (event: CustomEvent<Record<string, never>>) => void;
  'ontwitch-triage-complete'?: (event: CustomEvent<TwitchTriageCompleteDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'twitch-triage': TwitchTriageProps;
    }
  }
}
