// Tests of the built npm package (dist/, via the package's own name), run
// with `node --test`. The expected results come from the Rust core itself
// (xtask/src/classify_json.rs, `cargo xtask classify-json`), so JS and Rust are compared case by case.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { classify, Interview, knowledge, TwitchTriageError } from 'twitch-triage';

import { withBeyondSpec } from './vignettes.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const vignettesPath = process.env.TWITCH_TRIAGE_VIGNETTES ?? `${root}tests/vignettes/dev.json`;
// With the answers the cases' stories give to what is asked beyond the spec.
const vignettes = withBeyondSpec(JSON.parse(readFileSync(vignettesPath, 'utf8')));

function rustResults() {
  const bin = `${root}target/release/xtask`;
  const input = JSON.stringify(vignettes);
  if (existsSync(bin)) return JSON.parse(execFileSync(bin, ['classify-json'], { input, maxBuffer: 1 << 26 }));
  return JSON.parse(execFileSync('cargo', ['xtask', 'classify-json'], { cwd: root, input, maxBuffer: 1 << 26 }));
}
const expected = new Map(rustResults().map((r) => [r.id, r]));

/** Deep equality, with scores compared to 1e-9 (libm differs in the last bits). */
function sameAssessment(actual, wanted, what) {
  const strip = (a) => ({ ...a, explanations: a.explanations.map((e) => ({ ...e, score: 0 })) });
  assert.deepEqual(strip(actual), strip(wanted), what);
  actual.explanations.forEach((e, i) => assert.ok(Math.abs(e.score - wanted.explanations[i].score) < 1e-9, `${what}: score of ${e.id}`));
}

test('classify gives the same result as the Rust core on every vignette', () => {
  let triage = 0;
  let first = 0;
  for (const c of vignettes) {
    const a = classify(c.findings);
    sameAssessment(a, expected.get(c.id).classify, c.id);
    triage += a.triage === c.expect.triage;
    first += c.expect.top.includes(a.explanations[0].id);
  }
  console.log(`npm package classify: triage ${triage}/${vignettes.length}, first place ${first}/${vignettes.length}`);
  assert.equal(triage, vignettes.length);
});

/** The simulated person of the spec, answering a question object from next(). */
function simulatedAnswer(findings, q) {
  if (q.kind === 'checklist') return q.options.map((o) => o.value).filter((v) => findings[v] === true);
  const v = findings[q.finding];
  if (q.kind === 'yesno') return v === true;
  if (q.kind === 'many') return v ?? [];
  return v ?? null;
}

test('a full simulated interview through the JS Interview matches the Rust core', () => {
  for (const c of vignettes) {
    const iv = new Interview({ lang: 'en' });
    const asked = [];
    for (let q = iv.next(); q !== null; q = iv.next()) {
      assert.ok(asked.length < 30, `${c.id}: does not stop`);
      asked.push(q.id);
      assert.equal(typeof q.text, 'string');
      iv.answer(q.id, simulatedAnswer(c.findings, q));
    }
    const want = expected.get(c.id).interview;
    assert.deepEqual(asked, want.questions, `${c.id}: questions`);
    sameAssessment(iv.result(), want.result, `${c.id}: result`);
    assert.deepEqual(iv.answers(), want.answers, `${c.id}: answers`);
    assert.equal(iv.result().triage, c.expect.triage, c.id);
    iv.free();
  }
});

test('results are plain objects and arrays', () => {
  const a = classify({ age: 30 });
  assert.equal(Object.getPrototypeOf(a), Object.prototype);
  assert.ok(Array.isArray(a.explanations) && Array.isArray(a.rules) && Array.isArray(a.advice));
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
  const k = knowledge();
  assert.equal(k.lang, 'en');
  assert.equal(k.levels.length, 4);
  assert.equal(k.questions.length, new Set(k.questions.map((q) => q.id)).size);
  assert.ok(k.findings.find((f) => f.id === 'age').max === 120);
});

test('an emergency led by an urgent cause says its own cause is second (rule C1, yields_to)', () => {
  // A woman of 75 who could not pass urine last night wakes shaking all over
  // (t7-38's shape): E12 names the nerve root, an infection leads.
  const all = { age: 75, bladder_bowel_or_saddle: true, body_areas: ['arm_or_hand', 'leg_or_foot', 'trunk', 'face'],
    distribution: 'whole_body', movement: 'shaking', duration: 'hours', when: ['at_rest', 'any_time'] };
  const a = classify(all);
  assert.equal(a.triage, 'emergency');
  assert.deepEqual(a.explanations.slice(0, 2).map((e) => e.id), ['infection_rigors', 'nerve_irritation']);
  assert.equal(a.second_is_the_emergency, true);
  // The same emergency whose own cause leads: false.
  const b = classify({ ...all, movement: 'flicker', distribution: 'one_spot', body_areas: ['leg_or_foot'] });
  assert.equal(b.triage, 'emergency');
  assert.equal(b.explanations[0].id, 'nerve_irritation');
  assert.equal(b.second_is_the_emergency, false);
  assert.equal(classify({ age: 30, movement: 'flicker' }).second_is_the_emergency, false);
});

test('setters a host page put on Object.prototype cannot intercept results', () => {
  const trapped = ['triage', 'id', 'reasons', 'because', 'advice', 'kind', 'options', 'value'];
  for (const k of trapped) {
    Object.defineProperty(Object.prototype, k, { configurable: true, set() { throw new Error(`intercepted ${k}`); } });
  }
  try {
    const a = classify({ age: 30, weakness: true, movement: 'flicker' });
    assert.ok(Object.hasOwn(a, 'triage') && Object.hasOwn(a.explanations[0], 'id') && Object.hasOwn(a.rules[0], 'because'));
    assert.deepEqual(Object.keys(a), ['triage', 'explanations', 'rules', 'unanswered', 'complete', 'advice', 'second_is_the_emergency']);
    assert.deepEqual(Object.keys(a.explanations[0]), ['id', 'name', 'level', 'score', 'reasons']);
    const q = new Interview().next();
    assert.ok(Object.hasOwn(q, 'id') && Object.hasOwn(q, 'kind'));
  } finally {
    for (const k of trapped) delete Object.prototype[k];
  }
});

const getterThrows = {};
Object.defineProperty(getterThrows, 'fever', { enumerable: true, get() { throw new Error('getter exploded'); } });
const tenThousandKeys = Object.fromEntries(Array.from({ length: 10000 }, (_, i) => [`k${i}`, true]));

// [name, input, expected kind, expected key, a word the message must contain]
const hostile = [
  ['undefined', undefined, 'not_an_object', 'findings', 'object'],
  ['null', null, 'not_an_object', 'findings', 'object'],
  ['a number', 42, 'not_an_object', 'findings', 'object'],
  ['a string', 'age=30', 'not_an_object', 'findings', 'object'],
  ['an array', [['age', 30]], 'not_an_object', 'findings', 'object'],
  ['a function', () => 1, 'not_an_object', 'findings', 'object'],
  // Built-in objects have no answers as own keys: read as objects, each
  // would be an empty map, and a result for no answers at all.
  ['a Promise (an async result not awaited)', Promise.resolve({ weakness: true }), 'not_an_object', 'findings', '(got: Promise)'],
  ['a Set', new Set(['weakness']), 'not_an_object', 'findings', '(got: Set)'],
  ['a Date', new Date(), 'not_an_object', 'findings', '(got: Date)'],
  ['a boxed string', new String('age=30'), 'not_an_object', 'findings', '(got: String)'],
  ['nested junk', { age: { a: [1, { b: [2] }] } }, 'wrong_type', 'age', 'whole number'],
  ['an unknown id', { twitchiness: true }, 'unknown_finding', 'twitchiness', 'finding id'],
  ['a wrong type', { weakness: 'yes' }, 'wrong_type', 'weakness', 'true, false or null'],
  ['NaN', { age: NaN }, 'out_of_range', 'age', 'from 0 to 120'],
  ['Infinity', { age: Infinity }, 'out_of_range', 'age', 'from 0 to 120'],
  ['a fraction', { age: 30.5 }, 'out_of_range', 'age', 'whole number'],
  ['a 1 MB string', { movement: 'x'.repeat(1 << 20) }, 'too_large', 'movement', 'flicker'],
  ['10,000 keys', tenThousandKeys, 'too_large', 'findings', '10000'],
  ['a __proto__ key', JSON.parse('{"__proto__": {"age": 30}}'), 'unknown_finding', '__proto__', 'finding id'],
  ['a constructor key', { constructor: true }, 'unknown_finding', 'constructor', 'finding id'],
  ['a getter that throws', getterThrows, 'wrong_type', 'fever', 'getter exploded'],
  ['a Proxy that throws', new Proxy({}, { ownKeys() { throw new Error('trap'); } }), 'wrong_type', 'findings', 'trap'],
  ['a nested list', { medicines: [['lithium']] }, 'wrong_type', 'medicines', 'lithium'],
  ['an unknown set member', { medicines: ['aspirin'] }, 'unknown_value', 'medicines', 'antidepressant'],
  ['a huge list', { body_areas: new Array(1e6).fill('eyelid') }, 'too_large', 'body_areas', 'eyelid'],
  ['a bigint', { age: 30n }, 'wrong_type', 'age', 'whole number'],
  ['a symbol', { fever: Symbol('hot') }, 'wrong_type', 'fever', 'true, false'],
  ['a Date', { age: new Date() }, 'wrong_type', 'age', 'whole number'],
];

for (const [name, input, kind, key, word] of hostile) {
  test(`hostile input to classify: ${name}`, () => {
    assert.throws(
      () => classify(input),
      (e) => {
        assert.ok(e instanceof TwitchTriageError, `${name}: ${e}`);
        assert.ok(e instanceof Error);
        assert.equal(e.name, 'TwitchTriageError');
        assert.equal(e.kind, kind, `${name}: ${e.message}`);
        assert.equal(e.key, key, `${name}: ${e.message}`);
        assert.ok(e.message.includes(word), `${name}: message "${e.message}" should mention ${word}`);
        assert.ok(e.message.length < 600, `${name}: message is short`);
        return true;
      },
    );
    // The module keeps working.
    assert.equal(classify({ age: 30, movement: 'flicker' }).explanations.length >= 3, true);
  });
}

test('a Map of answers is read like an object: findings, and options', () => {
  const answers = { age: 50, movement: 'flicker', weakness: true, body_areas: ['arm_or_hand'] };
  const fromMap = classify(new Map(Object.entries(answers)));
  assert.deepEqual(fromMap, classify(answers));
  assert.equal(fromMap.triage, 'urgent', 'weakness in the Map counts (rule U1)');
  assert.deepEqual(classify(new Map(Object.entries(answers)), new Map([['lang', 'es']])), classify(answers, { lang: 'es' }));
  assert.equal(new Interview(new Map([['lang', 'es']])).next().text, new Interview({ lang: 'es' }).next().text);
  // The same checks as for an object.
  assert.throws(() => classify(new Map([['weakness', 'yes']])), (e) => e.kind === 'wrong_type' && e.key === 'weakness');
  assert.throws(() => classify(new Map([['twitchiness', true]])), (e) => e.kind === 'unknown_finding' && e.key === 'twitchiness');
  assert.throws(() => new Interview(new Map([['lang', 'fr']])), (e) => e.kind === 'unsupported_language');
  assert.throws(() => new Interview(new Set(['es'])), (e) => e.kind === 'not_an_object' && e.key === 'options' && e.message.includes('(got: Set)'));
});

test('a changed answer that makes a follow-up irrelevant forgets it; back brings it back', () => {
  // A custom interface with "change" links re-answers earlier questions.
  const iv = new Interview();
  iv.answer('body_areas', ['eyelid', 'face']);
  iv.answer('eye_and_mouth', true);
  iv.answer('body_areas', ['arm_or_hand']);
  assert.equal('eye_and_mouth_together' in iv.answers(), false);
  assert.equal(iv.back(), true);
  assert.deepEqual(iv.answers(), { body_areas: ['eyelid', 'face'], eye_and_mouth_together: true });
  iv.free();
});

test('hostile options and answers; the interview keeps its answers', () => {
  assert.throws(() => new Interview({ lang: 'fr' }), (e) => e instanceof TwitchTriageError && e.kind === 'unsupported_language' && /en/.test(e.message));
  assert.throws(() => new Interview('en'), (e) => e.kind === 'not_an_object' && e.key === 'options');
  assert.throws(() => classify({}, { lang: 42 }), (e) => e.kind === 'unsupported_language');
  // A misspelt option is refused, not ignored: it would give English silently.
  for (const [call, options, key] of [
    [(o) => new Interview(o), { language: 'es' }, 'language'],
    [(o) => classify({}, o), { lang: 'es', Lang: 'zh-Hant' }, 'Lang'],
    [(o) => knowledge(o), { lnag: 'es' }, 'lnag'],
    [(o) => classify({}, o), { age: 30 }, 'age'],
  ]) {
    assert.throws(() => call(options), (e) => e instanceof TwitchTriageError && e.kind === 'unknown_option' && e.key === key
      && e.message === `unknown option "${key}": expected lang, the only option`, JSON.stringify(options));
  }
  assert.equal(classify({}, {}).triage, classify({}).triage, 'no options at all is fine');
  assert.equal(knowledge({ lang: null }).lang, 'en');
  assert.equal(knowledge({ lang: 'es' }).lang, 'es');
  const iv = new Interview();
  iv.answer('emergency_signs', []);
  iv.answer('age', 52);
  const kept = iv.answers();
  const next = iv.next();
  const badAnswers = [
    ['unknown_question', 42, true],
    ['unknown_question', undefined, true],
    ['unknown_question', 'where', ['eyelid']],
    ['wrong_answer_shape', 'movement', ['flicker']],
    ['unknown_value', 'movement', 'wiggle'],
    ['out_of_range', 'age', 500],
    ['out_of_range', 'age', NaN],
    ['wrong_answer_shape', 'age', '52'],
    ['wrong_answer_shape', 'body_areas', null],
    ['unknown_value', 'strength', ['fever']],
    ['wrong_answer_shape', 'strength', { weakness: true }],
    ['too_large', 'medicines', new Array(100).fill('lithium')],
    ['wrong_type', 'strength', new Proxy([], { get() { throw new Error('trap'); } })],
  ];
  for (const [kind, id, value] of badAnswers) {
    assert.throws(() => iv.answer(id, value), (e) => e instanceof TwitchTriageError && e.kind === kind, `${kind} ${String(id)}`);
    assert.deepEqual(iv.answers(), kept);
    assert.deepEqual(iv.next(), next);
  }
  iv.answer('body_areas', ['eyelid']);
  assert.deepEqual(iv.answers().body_areas, ['eyelid']);
  assert.equal(iv.back(), true);
  assert.deepEqual(iv.answers(), kept);
});

test('an Interview used after free() says so; other interviews carry on', () => {
  const other = new Interview();
  other.answer('emergency_signs', []);
  const iv = new Interview();
  iv.answer('emergency_signs', []);
  iv.free();
  for (const [name, call] of [
    ['next', () => iv.next()],
    ['answer', () => iv.answer('age', 40)],
    ['back', () => iv.back()],
    ['result', () => iv.result()],
    ['answers', () => iv.answers()],
    ['free again', () => iv.free()],
  ]) {
    assert.throws(call, (e) => e instanceof TwitchTriageError && e.kind === 'freed' && e.key === 'interview'
      && e.message === 'this Interview has been freed (free() was called); make a new one with new Interview()', name);
  }
  assert.equal(other.next().id, 'age', 'another interview keeps its answers');
  assert.equal(new Interview().next().id, 'emergency_signs');
  assert.equal(classify({ age: 30 }).triage, 'routine');
});

test('a thousand random junk values never trap the module', () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const atoms = [null, undefined, true, false, 0, -1, 1.5, 121, NaN, '', 'flicker', 'eyelid', 'x'.repeat(70), [], ['eyelid'], [1], {}, [[]], Symbol.iterator];
  const ids = knowledge().findings.map((f) => f.id).concat(['nope', '__proto__', 'toString']);
  const qids = knowledge().questions.map((q) => q.id).concat(['nope']);
  const iv = new Interview();
  for (let i = 0; i < 1000; i++) {
    const f = {};
    for (let j = Math.floor(rnd() * 4); j > 0; j--) f[pick(ids)] = pick(atoms);
    try {
      classify(f);
    } catch (e) {
      assert.ok(e instanceof TwitchTriageError, String(e));
    }
    try {
      iv.answer(pick(qids), pick(atoms));
    } catch (e) {
      assert.ok(e instanceof TwitchTriageError, String(e));
    }
    if (rnd() < 0.2) iv.back();
    iv.next();
    iv.result();
  }
});

test('the shipped JavaScript never builds HTML from strings or evaluates code', () => {
  const entries = readdirSync(join(root, 'dist', 'entry')).map((f) => `entry/${f}`);
  assert.equal(entries.length, 6, 'a browser and a Node entry per language');
  const files = ['index.js', 'node.js', 'element.js', 'embed.js', 'twitch_triage.js', ...entries];
  const snippets = readdirSync(join(root, 'dist', 'snippets'), { recursive: true }).filter((f) => String(f).endsWith('.js'));
  for (const f of [...files, ...snippets.map((s) => `snippets/${s}`)]) {
    const code = readFileSync(join(root, 'dist', f), 'utf8');
    for (const bad of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'Function(', 'localStorage', 'sessionStorage', 'indexedDB', 'document.cookie', 'XMLHttpRequest', 'WebSocket', 'sendBeacon']) {
      assert.ok(!code.includes(bad), `${f} contains ${bad}`);
    }
  }
  // The only fetches are of the package's own files.
  for (const f of ['index.js', 'element.js', ...entries]) {
    const code = readFileSync(join(root, 'dist', f), 'utf8');
    for (const m of code.matchAll(/fetch\(([^)]{0,80})/g)) assert.ok(!/https?:/.test(m[1]), `${f}: ${m[0]}`);
  }
});

test('each language pack is a module holding one string literal and nothing else, and the same pack as text', async () => {
  const dir = join(root, 'dist', 'lang');
  const files = readdirSync(dir).sort();
  assert.deepEqual(files, ['en.js', 'en.txt', 'es.js', 'es.txt', 'zh-Hant.js', 'zh-Hant.txt']);
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    // One default export of a double-quoted string literal: data, no code.
    assert.match(source, /^export default "(?:[^"\\\n]|\\.)*";\n$/, `${file} is one string literal`);
    const { default: pack } = await import(join(dir, file));
    assert.equal(typeof pack, 'string');
    assert.ok(pack.startsWith(`twitch-triage texts 2 ${file.slice(0, -3)} `), `${file} is the ${file.slice(0, -3)} pack`);
    // The element fetches the pack itself, as text.
    assert.equal(readFileSync(join(dir, file.replace(/\.js$/, '.txt')), 'utf8'), pack, `${file} and its .txt hold the same pack`);
  }
});
