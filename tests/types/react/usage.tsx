// Type-checked with `tsc -p tests/types/react` (React 19's types) against the
// built package's declarations: <twitch-triage> in JSX with its attributes,
// properties and events. The expected errors prove the types are real.

import type {} from 'twitch-triage/react';
import type { TwitchTriageCompleteDetail } from 'twitch-triage/element';

export function Questionnaire({ onResult }: { onResult: (level: string | undefined) => void }) {
  return (
    <twitch-triage
      lang="es-MX"
      emergencyNumber="911"
      share-result
      ontwitch-triage-complete={(e) => {
        const detail: TwitchTriageCompleteDetail = e.detail;
        onResult(detail.triage);
      }}
    />
  );
}

export const attributes = <twitch-triage emergency-number="112" share-answers="" shadow-root="open" />;

// @ts-expect-error: the shadow root is open or left closed, never "closed" by name
export const wrongMode = <twitch-triage shadow-root="closed" />;

// @ts-expect-error: the number is a string
export const wrongNumber = <twitch-triage emergencyNumber={112} />;

// @ts-expect-error: the complete event's detail has no "level"
export const wrongDetail = <twitch-triage ontwitch-triage-complete={(e) => e.detail.level} />;
