// React 19 JSX types for <twitch-triage>. Add once, anywhere in the app:
//   import type {} from 'twitch-triage/react';
// React 19 sets a custom element's known properties (emergencyNumber,
// shareResult, shareAnswers) as properties, and a prop `on<event-name>` as a
// listener of that event (`ontwitch-triage-complete`).

import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { TwitchTriageAttributes, TwitchTriageElement, TwitchTriageEvents } from './element.js';

export interface TwitchTriageProps
  extends DetailedHTMLProps<HTMLAttributes<TwitchTriageElement>, TwitchTriageElement>,
    TwitchTriageAttributes {
  'ontwitch-triage-start'?: (event: TwitchTriageEvents['twitch-triage-start']) => void;
  'ontwitch-triage-complete'?: (event: TwitchTriageEvents['twitch-triage-complete']) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'twitch-triage': TwitchTriageProps;
    }
  }
}
