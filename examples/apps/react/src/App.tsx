// <twitch-triage> in React 19: an attribute (lang), a property
// (emergencyNumber: React 19 sets a custom element's known properties as
// properties) and the completion event as an `on<event>` prop.
import { useState } from 'react';
import 'twitch-triage/element';
import type {} from 'twitch-triage/react';
import type { Triage } from 'twitch-triage';

export function App() {
  const [lang, setLang] = useState('es');
  const [level, setLevel] = useState<Triage | undefined>();
  return (
    <main>
      <h1>twitch-triage in React</h1>
      <label>
        Language{' '}
        <select id="lang" value={lang} onChange={(e) => setLang(e.target.value)}>
          <option value="en">English</option>
          <option value="es">Español</option>
        </select>
      </label>
      <twitch-triage
        lang={lang}
        emergencyNumber="911"
        share-result
        ontwitch-triage-complete={(e) => setLevel(e.detail.triage)}
      />
      <p id="result" role="status">{level ? `Result: ${level}` : ''}</p>
    </main>
  );
}
