// What a host page learns of the element, and what it can change (issue 32;
// docs/SAFETY.md H18-H20), in Debian's Chromium under the strict CSP:
// - a session recorder (rrweb, the library behind several replay products)
//   recording a whole interview, with its default and its strictest
//   settings, on the element as shipped (closed shadow root) and on one whose
//   root a page script opened: the recording holds none of the interview's
//   texts, answers, age or result;
// - the page's own listeners, in capture and bubble phase: nothing from
//   inside the element, and a completion event with nothing in it;
// - files changed after element.js (a tampered wasm, a tampered language
//   pack, code appended to a pack): each refused, the readable fallback with
//   the emergency advice shown, never a result;
// - a load that stalls, a page whose built-ins are broken: never a blank or
//   stuck box.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { serve, STRICT_CSP } from '../../scripts/serve.mjs';
import { inspectable, launch, NONE, open, root, screenshot } from './helpers.mjs';

const { knowledge } = await import(join(root, 'dist', 'node.js'));

let server;
let browser;
before(async () => {
  server = await serve({
    dirs: [join(root, 'www'), join(root, 'tests', 'e2e', 'pages'), join(root, 'node_modules', 'rrweb', 'dist')],
    headers: () => ({ 'content-security-policy': STRICT_CSP }),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every text the element can show, in English: none may reach the host. */
function interviewTexts() {
  const k = knowledge({ lang: 'en' });
  const out = [];
  for (const q of k.questions) out.push(q.text, q.hint, ...(q.options ?? []).map((o) => o.label));
  for (const l of k.levels) out.push(l.title, l.action);
  for (const e of k.explanations) out.push(e.name, e.summary);
  for (const r of k.rules) out.push(r.advice);
  out.push(...Object.values(k.texts));
  return [...new Set(out.filter((t) => t && t.length >= 6))];
}
const TEXTS = interviewTexts();
// The answers' and the results' ids (the finding, value, explanation and level ids).
function interviewIds() {
  const k = knowledge({ lang: 'en' });
  return [
    ...k.findings.flatMap((f) => [f.id, ...(f.values ?? []).map((v) => v.value)]),
    ...k.explanations.map((e) => e.id),
    ...k.levels.map((l) => l.id),
  ].filter((id) => id.length >= 5);
}
const IDS = interviewIds();
const AGE = '47';

/** Every string in a recording (tags, attributes, texts, input values, CSS). */
function strings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** Asserts that none of the interview's texts, ids or the typed age is among `seen`. */
function assertLearnsNothing(seen, what) {
  const found = [];
  for (const s of seen) {
    if (s === AGE) found.push(`the age ${AGE}`);
    for (const t of TEXTS) if (s.includes(t)) found.push(`text "${t}"`);
    for (const id of IDS) if (new RegExp(`(^|[^\\w-])${id}($|[^\\w-])`).test(s)) found.push(`id ${id} in "${s.slice(0, 80)}"`);
  }
  assert.deepEqual([...new Set(found)], [], `${what}: the host learned`);
}


/** The page's own listeners, in capture and bubble phase, on every event a person's answers could travel in. */
async function listen(context) {
  await context.addInitScript(() => {
    window.__heard = [];
    const types = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'submit', 'focusin', 'focusout', 'paste', 'copy', 'twitch-triage-start', 'twitch-triage-complete'];
    for (const capture of [true, false]) {
      for (const type of types) {
        document.addEventListener(
          type,
          (e) =>
            window.__heard.push({
              phase: capture ? 'capture' : 'bubble',
              type,
              path: e.composedPath().map((n) => n.localName ?? n.nodeName ?? 'window'),
              label: e.target?.labels?.[0]?.textContent ?? null,
              value: e.target?.value ?? null,
              data: e.data ?? null,
              detail: e.detail === undefined ? null : JSON.stringify(e.detail),
            }),
          { capture },
        );
      }
    }
  });
}

/**
 * An emergency, with the keyboard only, on a closed shadow root that the test
 * cannot look into: Tab to the first sign, tick it, Tab past the other signs
 * and "None of these" to Continue, Enter; then Shift+Tab from the new
 * heading to "See my result now", Enter.
 */
async function emergencyByKeyboard(page) {
  const signs = knowledge({ lang: 'en' }).questions[0].options.length;
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  for (let i = 0; i < signs; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__heard?.some((e) => e.type === 'twitch-triage-complete'));
}

/** A whole interview through an open root: "None of these", the age, then the first answer of each question. */
async function interview(page) {
  const w = page.locator('twitch-triage');
  await w.locator('form').waitFor();
  for (let n = 0; n < 25 && !(await w.locator('.actions').count()); n++) {
    if (await w.locator('input.number').count()) await w.locator('input.number').fill(AGE);
    else if (await w.locator('input[type=checkbox]').count()) await w.locator(NONE).check();
    else await w.locator('input[type=radio]').first().check();
    await w.locator('button[type=submit]').click();
    await w.locator('h2').first().waitFor();
  }
  assert.ok(await w.locator('.actions').count(), 'the result');
}

describe('a session recorder on the host page records nothing of the interview', () => {
  // recorded.html starts rrweb in its head (tests/e2e/pages/recorder.js).
  for (const [settings, query] of [
    ['default settings', ''],
    ['strictest masking', '?strict'],
  ]) {
    test(`rrweb, ${settings}, the element as shipped (closed shadow root)`, async () => {
      const context = await browser.newContext({ locale: 'en' });
      try {
        await listen(context);
        const page = await context.newPage();
        await page.goto(`${server.url}/recorded.html${query}`);
        await page.waitForFunction(() => performance.getEntriesByName('twitch-triage-ready').length > 0);
        assert.equal(await page.evaluate(() => document.querySelector('twitch-triage').shadowRoot), null, 'the shadow root is closed');
        await emergencyByKeyboard(page);
        const recording = await page.evaluate(() => window.__recording);
        assert.ok(recording.length > 2, 'rrweb recorded the page');
        assert.ok(strings(recording).includes('twitch-triage'), 'rrweb recorded the page, the element included');
        assertLearnsNothing(strings(recording), `rrweb (${settings}, closed root)`);
      } finally {
        await context.close();
      }
    });

    test(`rrweb, ${settings}, a shadow root a page script opened: the block markers hold`, async () => {
      // As a page script that runs before element.js can (or Microsoft
      // Clarity, which hooks attachShadow): the recorder sees into the root.
      const context = await browser.newContext({ locale: 'en' });
      try {
        await inspectable(context);
        const page = await context.newPage();
        await page.goto(`${server.url}/recorded.html${query}`);
        await interview(page);
        await screenshot(page, `privacy-recorded-${settings.replace(/ /g, '-')}`);
        const recording = await page.evaluate(() => window.__recording);
        const seen = strings(recording);
        // rrweb saw into the root: the element's box, blocked (a placeholder
        // of the same size: rrweb keeps its size as rr_width, rr_height).
        const box = JSON.stringify(recording).match(/\{[^{}]*"class":"rr-block[^"]*"[^{}]*\}/);
        assert.ok(box && /rr_width/.test(box[0]), `rrweb recorded the box as a placeholder: ${box?.[0]}`);
        assertLearnsNothing(seen, `rrweb (${settings}, open root)`);
      } finally {
        await context.close();
      }
    });
  }
});

test(`the page's listeners learn nothing by default: no event from inside, a completion event with nothing in it`, async () => {
  const context = await browser.newContext({ locale: 'en' });
  try {
    await listen(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/host.html`);
    await page.waitForFunction(() => performance.getEntriesByName('twitch-triage-ready').length > 0);
    await emergencyByKeyboard(page);
    // (The first Tab is pressed on the page's body, before focus enters the element.)
    const heard = (await page.evaluate(() => window.__heard)).filter((e) => e.path[0] === 'twitch-triage');
    const bubbled = heard.filter((e) => e.phase === 'bubble');
    // Focus moving in and out is left to bubble (a host's focus trap needs
    // it); it says only that the element has focus.
    assert.deepEqual(
      [...new Set(bubbled.map((e) => e.type))].sort(),
      ['focusin', 'focusout', 'twitch-triage-complete', 'twitch-triage-start'],
      'bubbling listeners hear no key, click or input from inside the element',
    );
    assert.equal(bubbled.find((e) => e.type === 'twitch-triage-complete').detail, '{}', 'the completion event carries nothing unless the host asks');
    // Capture-phase listeners run before the element can stop anything:
    // they see that keys were pressed on the element, never where inside.
    for (const e of heard) {
      assert.equal(e.label, null);
      assert.ok(e.value === null || e.value === undefined, `${e.type}: no value`);
    }
  } finally {
    await context.close();
  }
});

describe('nothing loaded after element.js can change what the element says', () => {
  const overlay = mkdtempSync(join(tmpdir(), 'twitch-triage-tampered-'));
  const pkg = join(root, 'www', 'twitch-triage');
  after(() => rmSync(overlay, { recursive: true, force: true }));

  // Each tampering, as a copy of the package with one file changed.
  const tamperings = {
    'a tampered wasm (the default number 112 made 113)': (dir) => {
      const file = join(dir, 'twitch_triage_element_bg.wasm');
      const wasm = readFileSync(file);
      // (Where the compiler put it among the strings: not next to a digit.)
      const at = wasm.toString('latin1').search(/(?<![0-9])112(?![0-9])/);
      assert.ok(at > 0, 'the default number is in the wasm');
      wasm[at + '11'.length] = '3'.charCodeAt(0);
      writeFileSync(file, wasm);
    },
    'a tampered language pack (the emergency level says "look after this at home")': (dir) => {
      const file = join(dir, 'lang', 'en.txt');
      const pack = readFileSync(file, 'utf8');
      assert.ok(pack.includes('Get help now'));
      writeFileSync(file, pack.replace('Get help now', 'You can look after this at home'));
    },
    'code appended to a language pack (its module, lang/en.js, and its text)': (dir) => {
      for (const pack of ['en.js', 'en.txt']) {
        const file = join(dir, 'lang', pack);
        writeFileSync(file, `${readFileSync(file, 'utf8')}\nwindow.__pwned = true;\n`);
      }
    },
  };
  for (const [what, tamper] of Object.entries(tamperings)) {
    test(`${what}: refused, the readable fallback with the emergency advice`, async () => {
      const dir = join(overlay, what.replace(/\W+/g, '-'));
      cpSync(pkg, join(dir, 'twitch-triage'), { recursive: true });
      tamper(join(dir, 'twitch-triage'));
      const tampered = await serve({
        dirs: [dir, join(root, 'www'), join(root, 'tests', 'e2e', 'pages')],
        headers: () => ({ 'content-security-policy': STRICT_CSP }),
      });
      const { context, page } = await open(browser, `${tampered.url}/host.html`);
      try {
        await page.waitForFunction(() => /could not start/.test(document.querySelector('twitch-triage').shadowRoot?.textContent ?? ''));
        const text = await page.locator('twitch-triage').evaluate((el) => el.shadowRoot.textContent);
        assert.match(text, /call 112 now/, 'the emergency advice, with the right number');
        assert.equal(await page.locator('twitch-triage form').count(), 0, 'no question');
        assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing in the pack ran');
      } finally {
        await context.close();
        await tampered.close();
      }
    });
  }
});

test('the emergency advice shows from the first paint; a stalled load says so and recovers when it completes', async () => {
  const context = await browser.newContext({ locale: 'en' });
  try {
    await inspectable(context);
    const page = await context.newPage();
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/twitch_triage_element_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/host.html`);
    const w = page.locator('twitch-triage');
    await w.locator('[part=container]', { hasText: 'Loading' }).waitFor();
    assert.match(await w.locator('[part=container]').textContent(), /call 112 now/, 'while loading');
    const start = Date.now();
    await w.locator('[part=container]', { hasText: 'taking longer than usual' }).waitFor({ timeout: 10000 });
    console.log(`stalled screen after ${Date.now() - start} ms more`);
    assert.match(await w.locator('[part=container]').textContent(), /call 112 now/, 'while stalled');
    release();
    await w.locator('form').waitFor();
    assert.equal(await w.locator('.progress').textContent(), 'Question 1', 'recovered');
  } finally {
    await context.close();
  }
});

test('a page whose built-ins are broken still gets the element, with the emergency advice', async () => {
  const context = await browser.newContext({ locale: 'en' });
  try {
    await inspectable(context);
    await context.addInitScript(() => {
      const broken = () => {
        throw new Error('broken by the page');
      };
      Array.prototype.map = broken;
      String.prototype.split = broken;
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/host.html`);
    await page.waitForFunction(() => !!customElements.get('twitch-triage'));
    await page.locator('twitch-triage [part=container]').waitFor();
    const w = page.locator('twitch-triage [part=container]');
    await page.waitForFunction(() => /call 112 now/.test(document.querySelector('twitch-triage').shadowRoot?.textContent ?? ''));
    await screenshot(page, 'privacy-broken-builtins');
    assert.ok(await w.isVisible());
  } finally {
    await context.close();
  }
});
