// Type-checked with `tsc -p tests/types` against the built package's
// declarations (dist/index.d.ts, through the package's own name). The lines
// marked as expected errors prove the types are real: were anything `any`,
// those markers would be unused and tsc would fail.

import {
  classify,
  Interview,
  knowledge,
  TwitchTriageError,
  type Assessment,
  type Findings,
  type FindingId,
  type Question,
  type Triage,
  type ExplanationId,
  type RuleId,
} from 'twitch-triage';

const findings: Findings = {
  age: 34,
  movement: 'flicker',
  body_areas: ['eyelid'],
  stimulants: true,
  course: null,
};
const result: Assessment = classify(findings, { lang: 'en' });
const level: Triage = result.triage;
const first: ExplanationId = result.explanations[0].id;
const score: number = result.explanations[0].score;
const reasons: FindingId[] = result.explanations[0].reasons;
const rule: RuleId | undefined = result.rules[0]?.id;
const open: FindingId[] = result.unanswered;
const done: boolean = result.complete;
const advice: string[] = result.advice;
const emergencyCauseSecond: boolean = result.second_is_the_emergency;

const fromMap: Assessment = classify(new Map<FindingId, Findings[FindingId]>([['age', 34], ['movement', 'flicker']]));
// @ts-expect-error: not a finding
classify(new Map([['twitchiness', true]]));
// @ts-expect-error: age is a number
classify({ age: 'thirty' });
// @ts-expect-error: not a movement value
classify({ movement: 'wiggle' });
// @ts-expect-error: not a finding
classify({ twitchiness: true });
// @ts-expect-error: not a supported language
classify({}, { lang: 'fr' });
// @ts-expect-error: a triage level is one of four strings
const wrongLevel: Triage = 'soon';

const iv = new Interview({ lang: 'en' });
const q: Question | null = iv.next();
if (q !== null) {
  if (q.id === 'age') {
    const kind: 'number' = q.kind;
    iv.answer(q.id, 40);
  } else if (q.kind === 'checklist') {
    const values: string[] = (q.options ?? []).map((o) => o.value);
  }
}
iv.answer('emergency_signs', ['chest_pain']);
iv.answer('movement', 'jerk');
iv.answer('movement', null);
iv.answer('medicine_changed', false);
iv.answer('body_areas', ['eyelid', 'face']);
// @ts-expect-error: chest pain is not in the strength checklist
iv.answer('strength', ['chest_pain']);
// @ts-expect-error: age takes a number
iv.answer('age', '40');
// @ts-expect-error: not a question
iv.answer('where', []);
const undone: boolean = iv.back();
const answers: Findings = iv.answers();
const later: Assessment = iv.result();
iv.free();

try {
  classify({});
} catch (e) {
  if (e instanceof TwitchTriageError) {
    const kind: 'unknown_finding' | 'wrong_type' | 'out_of_range' | string = e.kind;
    const key: string = e.key;
    const expected: string = e.expected;
  }
}

const k = knowledge({ lang: 'en' });
const titles: string[] = k.levels.map((l) => l.title);
const ids: FindingId[] = k.findings.map((f) => f.id);

// The one-language entries have the same types.
import { classify as classifyEs, Interview as InterviewZh } from 'twitch-triage/es';
const inSpanish: Assessment = classifyEs(findings);
const zh = new InterviewZh({ lang: 'zh-Hant' });
// @ts-expect-error: not a language
classifyEs(findings, { lang: 'fr' });
const unknownOption: TwitchTriageError['kind'] = 'unknown_option';
const freed: TwitchTriageError['kind'] = 'freed';
const notAnInterview: TwitchTriageError['kind'] = 'not_an_interview';
// @ts-expect-error: an object with the same methods is not an Interview (its state is private)
const forged: Interview = { next: iv.next, answer: iv.answer, back: iv.back, result: iv.result, answers: iv.answers, free: iv.free };

// The element: its properties and events are typed.
import { type TwitchTriageElement } from 'twitch-triage/element';
const el: TwitchTriageElement = document.createElement('twitch-triage');
el.emergencyNumber = '911';
el.shareAnswers = true;
// @ts-expect-error: a boolean property
el.shareAnswers = 'yes';
el.shareResult = true;
el.addEventListener('twitch-triage-complete', (e) => {
  // Only with share-result or share-answers: possibly absent.
  // @ts-expect-error: the level may be absent
  const always: Triage = e.detail.triage;
  const triage: Triage | undefined = e.detail.triage;
  const shared: Findings | undefined = e.detail.answers;
});

// twitch-triage/fhir: the FHIR R4 export.
import { fromFhir, questionnaire, toFhir } from 'twitch-triage/fhir';
import type { FhirBundle, FhirQuestionnaire, FhirQuestionnaireResponse } from 'twitch-triage/fhir';

const fq: FhirQuestionnaire = questionnaire({ lang: 'es' });
const fqVersion: string = fq.version;
const fr: FhirQuestionnaireResponse = toFhir({ age: 40, movement: 'flicker', chest_pain: null }, { authored: '2026-12-06' });
const frStatus: 'completed' | 'in-progress' = fr.status;
const fb: FhirBundle = toFhir({ age: 40 }, { bundle: true });
const fbResponse: FhirQuestionnaireResponse = fb.entry[1].resource;
const back = fromFhir(fr);
const backAge: number | null | undefined = back.age;
// @ts-expect-error: not a finding
toFhir({ shoe_size: 9 });
// @ts-expect-error: not an option
toFhir({}, { langue: 'es' });
void [fqVersion, frStatus, fbResponse, backAge];
