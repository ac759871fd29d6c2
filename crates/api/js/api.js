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
// forge, and every method first checks that `this` has one (SAFETY H24).

import { classify, knowledge, Interview as WasmInterview } from './twitch_triage.js';
import { TwitchTriageError } from './boundary.js';

export { classify, knowledge, TwitchTriageError };

// wasm-bindgen's constructor stores the address with `this.__wbg_ptr = ...`:
// a setter for `__wbg_ptr` that a host page put on Object.prototype would
// get the address and the object itself (and so wasm-bindgen's class). Made
// through this subclass, whose prototype has its own writable
// `__wbg_ptr`, the assignment stops there and defines the object's own.
class Guarded extends WasmInterview {}
Object.defineProperty(Guarded.prototype, '__wbg_ptr', { __proto__: null, value: 0, writable: true });

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
  /** How many of its methods are running (a host getter can call back in). */
  #running = 0;
  /** Freed while a method ran: freed for good when the last one returns. */
  #freeLater = false;

  constructor(options) {
    this.#inner = new Guarded(options);
  }

  /** The wasm-bindgen Interview of `self`, if it is an Interview not yet freed; else throws. */
  static #of(self, method) {
    const isObject = typeof self === 'object' ? self !== null : typeof self === 'function';
    if (!isObject || !(#inner in self)) throw notAnInterview(method);
    const inner = self.#inner;
    if (inner === null) throw freed();
    return inner;
  }

  /** `call` on the wasm-bindgen Interview of `self`, for its method `method`. */
  static #call(self, method, call) {
    const inner = Interview.#of(self, method);
    self.#running++;
    try {
      return call(inner);
    } finally {
      if (--self.#running === 0 && self.#freeLater) {
        self.#freeLater = false;
        inner.free();
      }
    }
  }

  next() {
    return Interview.#call(this, 'next', (inner) => inner.next());
  }

  answer(questionId, value) {
    return Interview.#call(this, 'answer', (inner) => inner.answer(questionId, value));
  }

  back() {
    return Interview.#call(this, 'back', (inner) => inner.back());
  }

  result() {
    return Interview.#call(this, 'result', (inner) => inner.result());
  }

  answers() {
    return Interview.#call(this, 'answers', (inner) => inner.answers());
  }

  free() {
    const inner = Interview.#of(this, 'free');
    this.#inner = null;
    // From a host getter that one of its methods is reading (wasm-bindgen
    // cannot drop it while borrowed): once that method returns.
    if (this.#running > 0) this.#freeLater = true;
    else inner.free();
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
