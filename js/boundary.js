// The JavaScript side of the WebAssembly boundary (a wasm-bindgen snippet).
//
// Values from the host page are untrusted: a getter or a Proxy trap can run
// code and throw. These functions copy them into plain data (own enumerable
// string keys, primitives and arrays of primitives) before Rust reads them
// with serde-wasm-bindgen, so no host code runs while Rust holds any state.
// Every function here is imported with `catch`: whatever the host code throws
// becomes a TwitchTriageError. The checking itself happens in Rust.

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

// Longer strings are cut (they are refused anyway: no id is this long).
const MAX_STRING = 1000;
// Longer lists are cut one past the limit Rust enforces, so Rust still sees them as too long.
const MAX_LIST = 33;
// Values are copied for this many keys; the rest keep their key (so they are counted) but not their value.
const MAX_KEYS = 57;

// Reads o[k]; if host code throws, says which key it was.
function read(o, k) {
  try {
    return o[k];
  } catch (cause) {
    throw { twitchTriageKey: String(k), cause };
  }
}

function primitive(v) {
  switch (typeof v) {
    case 'string':
      return v.length > MAX_STRING ? v.slice(0, MAX_STRING + 1) : v;
    case 'number':
    case 'boolean':
      return v;
    case 'undefined':
      return null;
    default:
      // null stays null; objects, functions, symbols and bigints are never an
      // answer: an empty object makes Rust report the wrong type.
      return v === null ? null : {};
  }
}

/** An answer: a primitive, or an array of primitives. */
export function plainValue(v) {
  if (!Array.isArray(v)) return primitive(v);
  const n = Math.min(v.length, MAX_LIST);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = read(v, i);
    out[i] = Array.isArray(x) ? {} : primitive(x);
  }
  return out;
}

/** A findings map: a plain object whose values are answers. Anything else is returned as is, for Rust to refuse. */
export function plainFindings(o) {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return undefined;
  const keys = Object.keys(o);
  // No prototype: a key such as "__proto__" stays an ordinary key.
  const out = Object.create(null);
  for (let i = 0; i < keys.length; i++) {
    if (i >= MAX_KEYS) {
      out[keys[i]] = null;
      continue;
    }
    const v = read(o, keys[i]);
    try {
      out[keys[i]] = plainValue(v);
    } catch (e) {
      throw e && e.twitchTriageKey !== undefined ? { twitchTriageKey: keys[i], cause: e.cause } : { twitchTriageKey: keys[i], cause: e };
    }
  }
  return out;
}
