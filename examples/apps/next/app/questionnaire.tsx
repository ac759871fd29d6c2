'use client';
// <twitch-triage> in a client component. The page is rendered on the server
// and hydrated, and React's hydration can drop a custom element's properties
// and listeners (facebook/react#35446): so the attribute (lang) is a prop,
// while the property (emergencyNumber) and the completion listener are set
// in an effect on a ref. Importing the element on the server defines
// nothing and loads nothing; in the browser it defines <twitch-triage>.
import { useEffect, useRef, useState } from 'react';
import 'twitch-triage/element';
import type {} from 'twitch-triage/react';
import type { Triage } from 'twitch-triage';
import type { TwitchTriageElement } from 'twitch-triage/element';

export function Questionnaire() {
  const ref = useRef<TwitchTriageElement>(null);
  const [lang, setLang] = useState('es');
  const [level, setLevel] = useState<Triage | undefined>();

  useEffect(() => {
    const el = ref.current!;
    el.emergencyNumber = '911';
    const done = (e: HTMLElementEventMap['twitch-triage-complete']) => setLevel(e.detail.triage);
    el.addEventListener('twitch-triage-complete', done);
    return () => el.removeEventListener('twitch-triage-complete', done);
  }, []);

  return (
    <>
      <label>
        Language{' '}
        <select id="lang" value={lang} onChange={(e) => setLang(e.target.value)}>
          <option value="en">English</option>
          <option value="es">Español</option>
        </select>
      </label>
      <twitch-triage ref={ref} lang={lang} share-result />
      <p id="result" role="status">{level ? `Result: ${level}` : ''}</p>
    </>
  );
}
