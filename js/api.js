// The npm package's API (dist/api.js), which every entry module exports
// once it has started the WebAssembly module: classify, knowledge and
// TwitchTriageError as they come from the wasm-bindgen glue and
// js/boundary.js, and Interview, wrapped.
//
// wasm-bindgen's own Interview class keeps the address of its Rust state in
// a public property (`__wbg_ptr`) and trusts `this`: a method called on a
// plain object holding another Interview's address, or on a copy of a freed
// Interview whose memory had been given to a new one, read and changed that
// other person's interview. This Interview keeps the wasm-bindgen object in
// a private field, which nothing outside this class can read, copy or
// forge, and every method first checks that `this` has one (SAFETY H19).

import { classify, knowledge, Interview as WasmInterview } from './twitch_triage.js';
import { TwitchTriageError } from './boundary.js';

export { classify, knowledge, TwitchTriageError };

const freed = () =>
  new TwitchTriageError(
    'freed',
    'interview',
    'an Interview that has not been freed',
    'this Interview has been freed (free() was called); make a new one with new Interview()',
  );

const notAnInterview = (method) =>
  new TwitchTriageError(
    'not_an_interview',
    'this',
    'an Interview made by new Interview()',
    `Interview.prototype.${method} was called on something that is not an Interview (such as a copy of one): call it on an Interview made by new Interview()`,
  );

/** One person's interview (see api.d.ts). */
export class Interview {
  /** The wasm-bindgen Interview; null once freed. */
  #inner;

  constructor(options) {
    this.#inner = new WasmInterview(options);
  }

  /** The wasm-bindgen Interview of `self`, if it is an Interview not yet freed; else throws. */
  static #of(self, method) {
    const isObject = typeof self === 'object' ? self !== null : typeof self === 'function';
    if (!isObject || !(#inner in self)) throw notAnInterview(method);
    const inner = self.#inner;
    if (inner === null) throw freed();
    return inner;
  }

  next() {
    return Interview.#of(this, 'next').next();
  }

  answer(questionId, value) {
    return Interview.#of(this, 'answer').answer(questionId, value);
  }

  back() {
    return Interview.#of(this, 'back').back();
  }

  result() {
    return Interview.#of(this, 'result').result();
  }

  answers() {
    return Interview.#of(this, 'answers').answers();
  }

  free() {
    const inner = Interview.#of(this, 'free');
    inner.free();
    this.#inner = null;
  }

  static {
    // `using interview = new Interview()` frees it at the end of the block.
    if (typeof Symbol.dispose === 'symbol') {
      Object.defineProperty(Interview.prototype, Symbol.dispose, {
        __proto__: null,
        value: Interview.prototype.free,
        writable: true,
        configurable: true,
      });
    }
  }
}
