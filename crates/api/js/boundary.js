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
// The code: US, the number of keys, then a record `key US value` per key
// read, each after an RS; a value is `t`, `f`
// (booleans), `z` (null, undefined), `n<whole number>`, `x` (any other
// number), `s<string>`, `o` (anything else: never a valid answer) or `l`
// followed by its items separated by GS.
// Keys and strings never keep those three separators: a text holding one
// cannot be a valid id anyway, so it is replaced and stays invalid.
//
// Only as much is read as the core can check: the first `keys` keys'
// values, `list` items of a list, `text` UTF-16 units of a key or a string
// (src/wasm.rs passes these limits, made from the core's, on every call).
// The rest is refused by the core anyway, and never copied into wasm
// memory, which would keep the size it grew to (SAFETY H25).
//
// Every object and array made here, and every one handed to the host, has
// only its own data properties (object literals, JSON.parse, Array.from on
// a null-prototype array-like): a setter that a host page put on
// Object.prototype, even for "0", cannot intercept them (SAFETY H23).
// Built-ins are taken when this module loads.

const { defineProperties } = Object;
const { from: arrayFrom } = Array;
const { parse } = JSON;

// An own, enumerable, writable data property, as an assignment would make
// on an object with no setter in its prototypes.
const data = (value) => ({ __proto__: null, value, writable: true, enumerable: true, configurable: true });

/** The error thrown for every refused input. */
export class TwitchTriageError extends Error {
  constructor(kind, key, expected, message) {
    super(message);
    defineProperties(this, {
      __proto__: null,
      name: data('TwitchTriageError'),
      /** Machine-readable: unknown_finding, wrong_type, out_of_range, ... */
      kind: data(kind),
      /** The offending finding id, question id or argument name. */
      key: data(key),
      /** What was expected, in words. */
      expected: data(expected),
    });
  }
}

export function makeError(kind, key, expected, message) {
  return new TwitchTriageError(kind, key, expected, message);
}

/** JSON text from Rust (`knowledge()`, `answers()`) as objects and arrays. */
export function fromJson(text) {
  return parse(text);
}

/**
 * An array of `length` items, item `i` being `item(i)`: what the build puts
 * in wasm-bindgen's glue in place of its array filled by push()
 * (scripts/build.mjs, ownArrays).
 */
export function ownArray(length, item) {
  return arrayFrom({ __proto__: null, length }, (_, i) => item(i));
}

// Results are built here as object literals, one call per object rather than
// one per property. A literal defines its properties: a setter that a host
// page put on Object.prototype cannot intercept them.
export const makeExplanation = (id, name, level, score, reasons) => ({ id, name, level, score, reasons });
export const makeRule = (id, level, because) => ({ id, level, because });
export const makeAssessment = (triage, explanations, rules, unanswered, complete, advice, second_is_the_emergency) => ({
  triage,
  explanations,
  rules,
  unanswered,
  complete,
  advice,
  second_is_the_emergency,
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

// Reads o[k]; if host code throws, says which key it was.
function read(o, k) {
  try {
    return o[k];
  } catch (cause) {
    throw { __proto__: null, twitchTriageKey: String(k), cause };
  }
}

const RS = '\x1e';
const US = '\x1f';
const GS = '\x1d';
const SEPARATORS = /[\x1d-\x1f]/g;
/** At most `units` UTF-16 units of a string. */
const cut = (v, units) => (v.length > units ? v.slice(0, units) : v);
/** A key or string for the code: cut, without the separators. */
const text = (v, units) => cut(v, units).replace(SEPARATORS, '\ufffd');

/** A string argument (a question id), cut; anything else is undefined. */
export function textOf(v, units) {
  return typeof v === 'string' ? cut(v, units) : undefined;
}

/** The key whose value threw (see `read`), cut; else undefined. */
export function thrownKey(thrown, units) {
  const key = thrown !== null && typeof thrown === 'object' && Object.hasOwn(thrown, 'twitchTriageKey') ? thrown.twitchTriageKey : undefined;
  return typeof key === 'string' ? cut(key, units) : undefined;
}

/** The message of an Error that host code threw, cut; else undefined. */
export function thrownMessage(thrown, units) {
  const cause = thrown !== null && typeof thrown === 'object' && Object.hasOwn(thrown, 'twitchTriageKey') ? thrown.cause : thrown;
  const message = cause instanceof Error ? Reflect.get(cause, 'message') : undefined;
  return typeof message === 'string' ? cut(message, units) : undefined;
}

function primitive(v, units) {
  switch (typeof v) {
    case 'string':
      return 's' + text(v, units);
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

function value(v, list, units) {
  if (!Array.isArray(v)) return primitive(v, units);
  const n = Math.min(v.length, list);
  let out = 'l';
  for (let i = 0; i < n; i++) {
    const x = read(v, i);
    out += (i > 0 ? GS : '') + (Array.isArray(x) ? 'o' : primitive(x, units));
  }
  return out;
}

/** An answer, as code. */
export function answerCode(v, list, units) {
  return value(v, list, units);
}

/**
 * A findings map as code, or undefined when it is not an object at all.
 * `ids` are the finding ids: when every key is one, the values are sent in
 * that order without their keys (`#` then one record per id, empty when
 * absent), so nothing has to be looked up by name. `keys`, `list` and
 * `units` are how much is read (see the top of this file).
 *
 * A `Map` is read by its entries (it is a map of answers, and
 * serde-wasm-bindgen reads Maps as maps too). Any other built-in object
 * (a Promise, a Set, a Date, a typed array, ...) has no answers as own
 * keys: read as an object it would be an empty map, a result for no
 * answers at all without a word. It comes back as GS and its type's name,
 * which no other code starts with (keys never keep GS).
 */
export function findingsCode(o, ids, keys, list, units) {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return undefined;
  const tag = Object.prototype.toString.call(o).slice(8, -1);
  if (tag === 'Map') o = Object.fromEntries(o);
  else if (tag !== 'Object') return GS + text(tag, 40);
  const names = Object.keys(o);
  if (names.length <= ids.length) {
    let found = 0;
    let out = '#';
    for (let i = 0; i < ids.length; i++) {
      if (i > 0) out += RS;
      if (Object.hasOwn(o, ids[i])) {
        found++;
        out += value(read(o, ids[i]), list, units);
      }
    }
    if (found === names.length) return out;
  }
  return keyedCode(o, names, keys, list, units);
}

// Any key: the number of keys, then `key US value` records for the first
// `keys` keys, in the caller's order (the core counts the rest, and refuses
// them: there are more keys than findings).
function keyedCode(o, names, keys, list, units) {
  const n = Math.min(names.length, keys);
  let out = US + names.length;
  for (let i = 0; i < n; i++) {
    let code;
    try {
      code = value(read(o, names[i]), list, units);
    } catch (e) {
      // Say which key, cut like any key (the code is cut too).
      const cause = e !== null && typeof e === 'object' && Object.hasOwn(e, 'twitchTriageKey') ? e.cause : e;
      throw { __proto__: null, twitchTriageKey: cut(names[i], units), cause };
    }
    out += RS + text(names[i], units) + US + code;
  }
  return out;
}
