// The npm package on a hostile host page (issue 32, item 6): what a page's
// own scripts can do to the API's objects, to an Interview and to the
// module's memory. Run against the built package (dist/), like
// package.test.mjs.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { classify, Interview, knowledge, TwitchTriageError } from 'twitch-triage';
// The wasm-bindgen glue the package's entry modules load (the same module:
// the same file): its init function returns the instance they made, and so
// its linear memory, as bench/pages/memory-api.js reads it in a browser.
import { initSync } from '../../dist/twitch_triage.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const memory = initSync().memory;
const MB = 1024 * 1024;

/** The error `call` throws, checked to be a TwitchTriageError of `kind`. */
function thrown(call, kind, what = kind) {
  let error;
  assert.throws(call, (e) => {
    error = e;
    assert.ok(e instanceof TwitchTriageError, `${what}: ${e}`);
    assert.equal(e.kind, kind, `${what}: ${e.message}`);
    return true;
  });
  return error;
}

// ------------------------------------------------------------ prototypes

/** Every property name and array index in a value, recursively. */
function names(value, out = new Set()) {
  if (value === null || typeof value !== 'object') return out;
  for (const k of Object.keys(value)) {
    out.add(k);
    names(value[k], out);
  }
  return out;
}

/** Everything the API hands out, made the same way each time. */
function everything() {
  const interview = new Interview({ lang: 'es' });
  interview.answer('emergency_signs', ['chest_pain']);
  interview.answer('age', 52);
  interview.answer('body_areas', ['eyelid', 'face']);
  const error = (call) => {
    try {
      call();
    } catch (e) {
      return { own: Object.getOwnPropertyNames(e).sort(), name: e.name, kind: e.kind, key: e.key, expected: e.expected, message: e.message };
    }
    return 'no error';
  };
  const out = {
    classify: classify({ age: 30, weakness: true, movement: 'flicker', body_areas: ['eyelid'], medicines: ['lithium'] }),
    next: interview.next(),
    result: interview.result(),
    answers: interview.answers(),
    knowledge: knowledge({ lang: 'zh-Hant' }),
    error: error(() => classify({ age: 300 })),
    freed: error(() => {
      const iv = new Interview();
      iv.free();
      iv.next();
    }),
  };
  interview.free();
  return out;
}

test('setters a host page puts on Object.prototype, for any name or index, intercept nothing the API returns', () => {
  // Found by review: answers() and knowledge() were built by setting
  // properties, so a setter for `chest_pain` made that answer vanish from
  // answers(); arrays were filled by push(), which a setter for "0", "1", ...
  // intercepts as well (classify's explanations came back empty).
  const clean = everything();
  // `__wbg_ptr`: where wasm-bindgen's own Interview stores its address.
  const trapped = new Set([...names(clean), 'chest_pain', 'name', 'kind', 'key', 'expected', 'lang', '__wbg_ptr']);
  for (let i = 0; i < 100; i++) trapped.add(String(i));
  const intercepted = new Set(); // not an array: its push would meet the setters too
  for (const k of trapped) {
    // (A descriptor without a prototype: once `value` or `get` is planted,
    // a plain literal would inherit it.)
    Object.defineProperty(Object.prototype, k, {
      __proto__: null,
      configurable: true,
      set() {
        intercepted.add(k);
      },
    });
  }
  let underTraps;
  try {
    underTraps = everything();
  } finally {
    for (const k of trapped) delete Object.prototype[k];
  }
  assert.deepEqual([...intercepted], [], 'no setter on Object.prototype ran');
  assert.deepEqual(underTraps, clean);
  assert.equal(underTraps.answers.chest_pain, true);
  assert.ok(underTraps.classify.explanations.length >= 3);
});

test('a getter or a value a host page puts on Object.prototype does not change what the API returns', () => {
  // Inherited properties must not leak into results either (a result object
  // is read with `in` or destructuring by the caller).
  const clean = everything();
  const planted = ['get', 'set', 'value', 'writable', 'enumerable', 'configurable', 'toJSON', 'chest_pain', 'finding', 'hint', 'options'];
  for (const k of planted) Object.defineProperty(Object.prototype, k, { __proto__: null, configurable: true, writable: true, value: () => 'planted' });
  let underPlants;
  try {
    underPlants = everything();
  } finally {
    for (const k of planted) delete Object.prototype[k];
  }
  assert.deepEqual(underPlants, clean);
});

// ------------------------------------------------------------- Interview

test('an Interview keeps its memory address to itself', () => {
  const iv = new Interview();
  assert.deepEqual(Reflect.ownKeys(iv), [], 'no own property at all');
  assert.equal('__wbg_ptr' in iv, false);
  assert.ok(iv instanceof Interview);
  iv.free();
});

test('an Interview method called on anything but an Interview throws not_an_interview and touches no interview', () => {
  // Found by review: a method called on a plain object with another
  // Interview's address, or on a copy of a freed Interview whose address had
  // been given to someone else's, read and changed that other interview.
  const victim = new Interview();
  victim.answer('emergency_signs', ['chest_pain']);
  const before = victim.answers();
  const stolen = victim.__wbg_ptr;
  const freed = new Interview();
  const copy = Object.assign(Object.create(Interview.prototype), freed);
  freed.free();
  const reused = new Interview(); // may get the freed one's memory
  const { next } = victim;
  const strangers = [
    ['a plain object with an address', { __wbg_ptr: stolen }],
    ['a copy of a freed Interview', copy],
    ['Object.create(Interview.prototype)', Object.create(Interview.prototype)],
    ['a Proxy of an Interview', new Proxy(victim, {})],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a function', () => {}],
  ];
  const calls = [
    ['next', []],
    ['answer', ['age', 30]],
    ['back', []],
    ['result', []],
    ['answers', []],
    ['free', []],
  ];
  for (const [what, stranger] of strangers) {
    for (const [method, args] of calls) {
      const e = thrown(() => Interview.prototype[method].apply(stranger, args), 'not_an_interview', `${method} on ${what}`);
      assert.equal(e.key, 'this');
      assert.equal(e.message, `Interview.prototype.${method} was called on something that is not an Interview (such as a copy of one): call it on an Interview made by new Interview()`);
    }
  }
  thrown(() => next(), 'not_an_interview', 'a method taken off its Interview');
  assert.deepEqual(victim.answers(), before, 'the other interview is unchanged');
  assert.equal(reused.next().id, 'emergency_signs', 'the new interview is unchanged');
  victim.free();
  reused.free();
});

test('an Interview is freed by free() or Symbol.dispose, then says so; subclasses work', () => {
  const iv = new Interview();
  iv[Symbol.dispose]();
  const e = thrown(() => iv.next(), 'freed');
  assert.equal(e.key, 'interview');
  assert.equal(e.message, 'this Interview has been freed (free() was called); make a new one with new Interview()');
  thrown(() => iv.free(), 'freed', 'free again');
  class Mine extends Interview {
    firstQuestion() {
      return this.next().id;
    }
  }
  const mine = new Mine({ lang: 'es' });
  assert.ok(mine instanceof Interview);
  assert.equal(mine.firstQuestion(), 'emergency_signs');
  mine.free();
});

test('an Interview freed by host code while one of its methods reads an answer is freed once that method returns', () => {
  // A getter of the answer frees the interview: wasm-bindgen cannot drop it
  // while the answer holds it, and threw a plain Error "attempted to take
  // ownership of Rust value while it was borrowed" into the getter.
  const iv = new Interview();
  let inside = 'not called';
  const answer = new Proxy([], {
    get(target, k) {
      if (k === 'length') {
        try {
          iv.free();
          inside = 'freed';
        } catch (e) {
          inside = `${e.name}: ${e.message}`;
        }
      }
      return Reflect.get(target, k);
    },
  });
  iv.answer('emergency_signs', answer);
  assert.equal(inside, 'freed');
  thrown(() => iv.next(), 'freed', 'after the answer returned');
  thrown(() => iv.free(), 'freed', 'free again');
  assert.equal(new Interview().next().id, 'emergency_signs');
});

test('the types name the error kinds the package throws', () => {
  const types = readFileSync(`${root}crates/api/js/api.d.ts`, 'utf8');
  for (const kind of ['freed', 'not_an_interview']) assert.ok(types.includes(`| '${kind}'`), kind);
});

// ---------------------------------------------------------------- limits

/**
 * Runs `call` three times, each expected to throw `kind`; returns the first
 * error and how much the memory grew over the three, in bytes.
 */
function growth(call, kind) {
  const start = memory.buffer.byteLength;
  const error = thrown(call, kind);
  thrown(call, kind);
  thrown(call, kind);
  return { error, grew: memory.buffer.byteLength - start };
}

test('input past the limits is cut before it reaches wasm memory: the memory stays flat', () => {
  // Found by review: 200,000 keys of 1,000 characters each took the
  // module's memory to 245 MB, and WebAssembly memory never shrinks.
  const huge = {};
  for (let i = 0; i < 200000; i++) huge[String(i).padStart(1000, 'k')] = true;
  const long = 'x'.repeat(50 * MB);
  const getter = {};
  Object.defineProperty(getter, 'fever', { enumerable: true, get() { throw new Error(long); } });
  const iv = new Interview();
  classify({ age: 30 });
  const cases = [
    ['200,000 keys of 1,000 characters', () => classify(huge), 'too_large'],
    ['the same as options', () => classify({}, huge), 'unknown_option'],
    ['the same for an Interview', () => new Interview(huge), 'unknown_option'],
    ['a 50 MB key', () => classify({ [long]: true }), 'unknown_finding'],
    ['a 50 MB value', () => classify({ movement: long }), 'too_large'],
    ['a list of 50 MB values', () => classify({ body_areas: [long, long, long] }), 'wrong_type'],
    ['a 50 MB question id', () => iv.answer(long, true), 'unknown_question'],
    ['a 50 MB answer', () => iv.answer('movement', long), 'too_large'],
    ['a 50 MB error message from a getter', () => classify(getter), 'wrong_type'],
  ];
  const errors = {};
  for (const [what, call, kind] of cases) {
    const { error, grew } = growth(call, kind);
    errors[what] = error;
    assert.ok(grew < MB, `${what}: memory grew by ${(grew / MB).toFixed(1)} MB`);
  }
  // The errors are the core's, as before the cut.
  const tooMany = errors['200,000 keys of 1,000 characters'];
  assert.equal(tooMany.key, 'findings');
  assert.equal(tooMany.message, `"findings": expected at most ${knowledge().findings.length} answers, one per finding; got 200000`);
  assert.equal(errors['the same as options'].key, `${'k'.repeat(64)}…`);
  assert.ok(errors['a 50 MB question id'].message.startsWith(`unknown question "${'x'.repeat(64)}…": expected one of `));
  assert.ok(errors['a 50 MB error message from a getter'].message.includes(`(reading it threw: ${'x'.repeat(200)})`));
  assert.equal(iv.next().id, 'emergency_signs', 'the interview is untouched');
  iv.free();
});

test('the limits the JavaScript side cuts at agree with the core', () => {
  // The JavaScript side reads no more than the core can check, and no less:
  // at each limit of src/findings.rs the error is the core's own.
  const source = readFileSync(`${root}src/findings.rs`, 'utf8');
  const limit = (name) => Number(source.match(new RegExp(`pub const ${name}: usize = (\\d+);`))[1]);
  const MAX_STRING = limit('MAX_STRING');
  const MAX_LIST = limit('MAX_LIST');
  const MAX_KEYS = knowledge().findings.length; // FINDING_COUNT
  assert.ok(MAX_STRING > 0 && MAX_LIST > 0 && MAX_KEYS > 50);

  // Lists: MAX_LIST items are read, one more is too many.
  assert.equal(typeof classify({ body_areas: new Array(MAX_LIST).fill('eyelid') }).triage, 'string');
  thrown(() => classify({ body_areas: new Array(MAX_LIST + 1).fill('eyelid') }), 'too_large', 'a list one over');
  // Strings: MAX_STRING bytes are an unknown value, one more is too long.
  thrown(() => classify({ movement: 'x'.repeat(MAX_STRING) }), 'unknown_value', 'a string at the limit');
  thrown(() => classify({ movement: 'x'.repeat(MAX_STRING + 1) }), 'too_large', 'a string one over');
  // Keys: the error quotes the first 64 characters of an unknown key, whole
  // (also characters outside the BMP, two UTF-16 units each).
  for (const c of ['k', '\u{1F600}']) {
    const e = thrown(() => classify({ [c.repeat(500)]: true }), 'unknown_finding', `a long key of ${c}`);
    assert.equal(e.key, `${c.repeat(64)}…`);
  }
  // Keys: the values of the first MAX_KEYS + 1 keys are read (the entries the
  // core keeps, as for JSON); past those, only the count matters.
  const keyed = (getterAt) => {
    const o = {};
    for (let i = 0; i < MAX_KEYS + 5; i++) {
      if (i === getterAt) Object.defineProperty(o, `k${i}`, { enumerable: true, get() { throw new Error('read'); } });
      else o[`k${i}`] = true;
    }
    return o;
  };
  thrown(() => classify(keyed(MAX_KEYS)), 'wrong_type', 'a getter among the entries kept');
  const e = thrown(() => classify(keyed(MAX_KEYS + 1)), 'too_large', 'a getter past them');
  assert.ok(e.message.includes(`at most ${MAX_KEYS} answers`) && e.message.includes(`got ${MAX_KEYS + 5}`), e.message);
});

test('a key that starts with # is an unknown finding, like any other', () => {
  // Found while bounding the code: a code starting with # is the one for
  // finding ids in order, and a caller's key starting with # was read as one
  // (a wrong_type for age).
  for (const key of ['#', '#age', '#\x1e']) {
    const e = thrown(() => classify({ [key]: 30 }), 'unknown_finding', JSON.stringify(key));
    assert.equal(e.key, key.replace('\x1e', '\ufffd'));
  }
  thrown(() => classify({}, { '#lang': 'es' }), 'unknown_option', 'an option starting with #');
});

test('the boundary copies no limit by hand: it reads them from the wasm', () => {
  const boundary = readFileSync(`${root}crates/api/js/boundary.js`, 'utf8');
  assert.doesNotMatch(boundary, /const MAX_\w+ = \d/);
});

// ------------------------------------------------------------- allocator

/**
 * Many interviews alive at once, made, answered (well and badly), taken back
 * and freed in a random order: a workout for the allocator. Returns what
 * each interview ended with, in the order they were freed.
 */
function workout(seed, interviews) {
  let state = seed;
  const rnd = (n) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % n;
  const pick = (list) => list[rnd(list.length)];
  const questions = knowledge().questions;
  const answerFor = (q) => {
    const values = (q.options ?? []).map((o) => o.value);
    switch (rnd(12) === 0 ? 'junk' : q.kind) {
      case 'yesno':
        return pick([true, false, null]);
      case 'number':
        return rnd(140);
      case 'one':
        return pick([...values, null]);
      case 'many':
      case 'checklist':
        return values.filter(() => rnd(3) === 0);
      default:
        return pick(['x'.repeat(rnd(300)), [1, 2], { a: 1 }, NaN, values.concat(values)]);
    }
  };
  const pool = new Array(48).fill(null);
  const ended = [];
  let made = 0;
  while (made < interviews || pool.some(Boolean)) {
    const slot = rnd(pool.length);
    const iv = pool[slot];
    if (!iv) {
      if (made < interviews) {
        pool[slot] = new Interview({ lang: pick(['en', 'es', 'zh-Hant']) });
        made++;
      }
      continue;
    }
    const q = rnd(8) === 0 ? pick(questions) : iv.next();
    if (q === null || rnd(30) === 0) {
      const r = iv.result();
      ended.push(JSON.stringify([iv.answers(), r.triage, r.explanations.map((e) => [e.id, e.score]), r.advice.length]));
      iv.free();
      pool[slot] = null;
    } else if (rnd(10) === 0) {
      iv.back();
    } else {
      try {
        iv.answer(q.id, answerFor(q));
      } catch (e) {
        assert.ok(e instanceof TwitchTriageError, String(e));
      }
    }
  }
  return ended;
}

test('thousands of interviews made and freed in a random order: the same results each time, and flat memory', () => {
  const first = workout(2026, 1000);
  const after = memory.buffer.byteLength;
  const again = workout(2026, 1000);
  assert.equal(first.length, 1000);
  assert.deepEqual(again, first, 'the same answers give the same results on a heap the first run left behind');
  assert.equal(memory.buffer.byteLength, after, 'the second run needed no more memory than the first');
});
