// The JavaScript side of the WebAssembly boundary (a wasm-bindgen snippet).
//
// Values from the host page are untrusted: a getter or a Proxy trap can run
// code and throw. These functions read them once (own enumerable string keys,
// primitives and arrays of primitives) and hand Rust one compact string, so
// no host code runs while Rust holds any state and the boundary is crossed
// once rather than several times per key. Every function here is imported
// with `catch`: whatever the host code throws becomes a TwitchTriageError.
// The checking itself happens in Rust (src/wasm.rs decodes, src/findings.rs
// checks).
//
// The code: records `key US value` separated by RS; a value is `t`, `f`
// (booleans), `z` (null, undefined), `n<whole number>`, `x` (any other
// number), `s<string>`, `o` (anything else: never a valid answer) or `l`
// followed by its items separated by GS.
// Keys and strings never keep those three separators: a text holding one
// cannot be a valid id anyway, so it is replaced and stays invalid.

/** The error thrown for every refused input. */
export class TwitchTriageError extends Error {
  constructor(kind, key, expected, message) {
    super(message);
    this.name = 'TwitchTriageError';
    /** Machine-readable: unknown_finding, wrong_type, out_of_range, ... */
    this.kind = kind;
    /** The offending finding id, question id or argument name. */
    this.key = key;
    /** What was expected, in words. */
    this.expected = expected;
  }
}

export function makeError(kind, key, expected, message) {
  return new TwitchTriageError(kind, key, expected, message);
}

// Errors thrown by wasm-bindgen's generated code rather than ours (the build
// routes them here). The one a caller can cause is a method of an Interview
// called after its free().
export function internalError(message) {
  return message === 'null pointer passed to rust'
    ? new TwitchTriageError(
        'freed',
        'interview',
        'an Interview that has not been freed',
        'this Interview has been freed (free() was called); make a new one with new Interview()',
      )
    : new Error(message);
}

// Results are built here as object literals, one call per object rather than
// one per property. A literal defines its properties: a setter that a host
// page put on Object.prototype cannot intercept them.
export const makeExplanation = (id, name, level, score, reasons) => ({ id, name, level, score, reasons });
export const makeRule = (id, level, because) => ({ id, level, because });
export const makeAssessment = (triage, explanations, rules, unanswered, complete, advice) => ({
  triage,
  explanations,
  rules,
  unanswered,
  complete,
  advice,
});
export const makeOption = (value, label) => ({ value, label });
// `finding`, `hint` and `options` only when the question has them.
export const makeQuestion = (id, kind, finding, text, hint, options) => ({
  id,
  kind,
  ...(finding === undefined ? null : { finding }),
  text,
  ...(hint === undefined ? null : { hint }),
  ...(options === undefined ? null : { options }),
});

// Longer strings are cut (they are refused anyway: no id is this long).
const MAX_STRING = 1000;
// Longer lists are cut one past the limit Rust enforces, so Rust still sees them as too long.
const MAX_LIST = 33;
// Values are read for this many keys; the rest keep their key (so they are counted) but not their value.
const MAX_KEYS = 57;

// Reads o[k]; if host code throws, says which key it was.
function read(o, k) {
  try {
    return o[k];
  } catch (cause) {
    throw { twitchTriageKey: String(k), cause };
  }
}

const RS = '\x1e';
const US = '\x1f';
const GS = '\x1d';
const SEPARATORS = /[\x1d-\x1f]/g;
const text = (v) => (v.length > MAX_STRING ? v.slice(0, MAX_STRING + 1) : v).replace(SEPARATORS, '\ufffd');

function primitive(v) {
  switch (typeof v) {
    case 'string':
      return 's' + text(v);
    case 'number':
      // Only whole numbers can be valid (an age): others, NaN and Infinity
      // are sent as "a number that is not a whole number".
      return Number.isSafeInteger(v) ? 'n' + v : 'x';
    case 'boolean':
      return v ? 't' : 'f';
    case 'undefined':
      return 'z';
    default:
      // null is "not sure"; objects, functions, symbols and bigints are never an answer.
      return v === null ? 'z' : 'o';
  }
}

function value(v) {
  if (!Array.isArray(v)) return primitive(v);
  const n = Math.min(v.length, MAX_LIST);
  let out = 'l';
  for (let i = 0; i < n; i++) {
    const x = read(v, i);
    out += (i > 0 ? GS : '') + (Array.isArray(x) ? 'o' : primitive(x));
  }
  return out;
}

/** An answer, as code. */
export function answerCode(v) {
  return value(v);
}

/**
 * A findings map as code, or undefined when it is not an object at all.
 * `ids` are the finding ids: when every key is one, the values are sent in
 * that order without their keys (`#` then one record per id, empty when
 * absent), so nothing has to be looked up by name.
 *
 * A `Map` is read by its entries (it is a map of answers, and
 * serde-wasm-bindgen reads Maps as maps too). Any other built-in object
 * (a Promise, a Set, a Date, a typed array, ...) has no answers as own
 * keys: read as an object it would be an empty map, a result for no
 * answers at all without a word. It comes back as GS and its type's name,
 * which no other code starts with (keys never keep GS).
 */
export function findingsCode(o, ids) {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return undefined;
  const tag = Object.prototype.toString.call(o).slice(8, -1);
  if (tag === 'Map') o = Object.fromEntries(o);
  else if (tag !== 'Object') return GS + text(tag.slice(0, 40));
  const keys = Object.keys(o);
  if (keys.length <= ids.length) {
    let found = 0;
    let out = '#';
    for (let i = 0; i < ids.length; i++) {
      if (i > 0) out += RS;
      if (Object.hasOwn(o, ids[i])) {
        found++;
        out += value(read(o, ids[i]));
      }
    }
    if (found === keys.length) return out;
  }
  return keyedCode(o, keys);
}

// Any key: `key US value` records, in the caller's order.
function keyedCode(o, keys) {
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    let code = 'z';
    if (i < MAX_KEYS) {
      const v = read(o, keys[i]);
      try {
        code = value(v);
      } catch (e) {
        throw e && e.twitchTriageKey !== undefined ? { twitchTriageKey: keys[i], cause: e.cause } : { twitchTriageKey: keys[i], cause: e };
      }
    }
    out += (i > 0 ? RS : '') + text(keys[i]) + US + code;
  }
  return out;
}
