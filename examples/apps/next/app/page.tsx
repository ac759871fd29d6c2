import { Questionnaire } from './questionnaire';

export default function Page() {
  return (
    <main>
      <h1>twitch-triage in Next.js</h1>
      <Questionnaire />
    </main>
  );
}
