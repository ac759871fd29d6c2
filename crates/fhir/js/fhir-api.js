// twitch-triage/fhir (dist/fhir-api.js, re-exported by the entries
// dist/fhir.js and dist/fhir.node.js, which start the module): the FHIR R4
// export, made on the device by the export's own WebAssembly module
// (crates/fhir), the one the element loads for "Download for your doctor".
// Requests and answers cross as JSON text: what comes back is made by
// JSON.parse, so a host page's setters on Object.prototype see nothing
// (SAFETY H23); errors are TwitchTriageErrors, as the main API's.

import { TwitchTriageError } from './boundary.js';

const { parse, stringify } = JSON;
const { fromEntries } = Object;

// The module's exports (memory, input, install, run, output, output_len).
let x;

/** The longest request or resource read, in UTF-16 units (as the module's limit, 1 MB). */
const MAX_TEXT = 1 << 20;

function put(text) {
  const bytes = new TextEncoder().encode(text);
  // (input() first: it may grow the memory, which replaces its buffer.)
  const at = x.input(bytes.length);
  new Uint8Array(x.memory.buffer, at, bytes.length).set(bytes);
}

function output() {
  return new TextDecoder().decode(new Uint8Array(x.memory.buffer, x.output(), x.output_len()));
}

const fail = (kind, key, expected) =>
  new TwitchTriageError(kind, key, expected, `${key}: expected ${expected}`);

/** Starts the module `exports` with the language packs `packs` (the entries call it). */
export function start(exports, packs) {
  x = exports;
  for (const pack of packs) {
    put(pack);
    if (!x.install()) throw new Error('twitch-triage/fhir: a language pack is not of this version; reinstall the package');
  }
}

function run(op, request) {
  if (request.length > MAX_TEXT) throw fail('too_large', 'fhir', 'at most 1 MB of FHIR JSON');
  put(request);
  const ok = x.run(op);
  const out = parse(output());
  if (!ok) throw new TwitchTriageError(out.kind, out.key, out.expected, out.message);
  return out;
}

// An options object, as JSON: only its own plain data, read once.
function options(o, allowed) {
  if (o === undefined || o === null) return {};
  if (typeof o !== 'object') throw fail('not_an_object', 'options', 'an options object such as { lang: "en" }');
  const out = {};
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) throw fail('unknown_option', k, allowed.join(', '));
    const v = o[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out;
}

function json(v, key, expected) {
  try {
    const t = stringify(v);
    if (typeof t === 'string') return t;
  } catch {}
  throw fail('not_an_object', key, expected);
}

const lang = (o) => {
  if (o.lang !== undefined && typeof o.lang !== 'string') throw fail('unsupported_language', 'lang', 'one of "en", "es", "zh-Hant"');
  return o.lang ?? 'en';
};

/** The knowledge base as a FHIR R4 Questionnaire, with texts in `options.lang`. */
export function questionnaire(opts) {
  const o = options(opts, ['lang']);
  return run(1, stringify({ lang: lang(o) }));
}

/**
 * Answers (as `classify` takes them, an object or a Map; `null` is "Not
 * sure") and their result as a FHIR R4 QuestionnaireResponse, or with
 * `bundle: true` a Bundle holding the Questionnaire too.
 */
export function toFhir(answers, opts) {
  const o = options(opts, ['lang', 'authored', 'bundle']);
  if (o.authored !== undefined && typeof o.authored !== 'string') throw fail('wrong_type', 'authored', 'a FHIR dateTime string such as "2026-12-06T15:30:00Z"');
  if (o.bundle !== undefined && typeof o.bundle !== 'boolean') throw fail('wrong_type', 'bundle', 'true or false');
  const expected = 'an object mapping finding ids to answers, such as { age: 30, movement: "flicker" }';
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) throw fail('not_an_object', 'findings', expected);
  const a = answers instanceof Map ? fromEntries(answers) : answers;
  const request = `{"lang":${stringify(lang(o))},"authored":${stringify(o.authored ?? new Date().toISOString())},"bundle":${o.bundle === true},"answers":${json(a, 'findings', expected)}}`;
  return run(2, request);
}

/**
 * The answers of a QuestionnaireResponse that `toFhir` made (or of a Bundle
 * holding one), as an object or as JSON text: `classify` gives them the
 * same result.
 */
export function fromFhir(resource) {
  const expected = 'a FHIR QuestionnaireResponse or Bundle, as an object or as JSON text';
  const text = typeof resource === 'string' ? resource : resource !== null && typeof resource === 'object' ? json(resource, 'fhir', expected) : undefined;
  if (text === undefined) throw fail('not_a_response', 'fhir', expected);
  return run(3, text);
}
