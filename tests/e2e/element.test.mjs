// End-to-end tests of <twitch-triage> in Debian's Chromium (playwright-core),
// against the demo site served on localhost under the strict CSP:
//   default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
//   connect-src 'self'; img-src 'self'; require-trusted-types-for 'script'
// Three whole interviews with the keyboard only (a self-care, an urgent and an
// emergency case from the vignettes), axe on every screen, no sideways
// scrolling at 320 px wide (WCAG reflow), no requests after load, no CSP
// violations, no cookies or storage, and screenshots.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  answerWithKeyboard, assertAccessible, assertNoEgress, assertReflows, caseById, CHEST_PAIN, inspectable, launch, NONE, open, place, questions,
  screenshot, pixel, screenshots, settle, site, wanted, elementState,
} from './helpers.mjs';

let server;
let browser;

before(async () => {
  server = await site();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const interviews = [
  ['dev-18', 'self_care'],
  ['dev-34', 'urgent'],
  ['dev-31', 'emergency'],
];
// English on the demo page; Spanish from the page's lang; Traditional Chinese
// from the element's own lang attribute.
const languages = [
  ['en', '/', 'Question 1'],
  ['es', '/lang-es.html', 'Pregunta 1'],
  ['zh-Hant', '/lang-zh.html', '第 1 題'],
];

// The error bar (GOV.UK) runs beside the whole question, from the top of its
// heading: a fieldset draws its border from the middle of its legend, which
// had left the heading's top half without it.
async function assertErrorBar(page, what) {
  const at = await page.evaluate(() => {
    const r = document.querySelector('twitch-triage').shadowRoot;
    const group = r.querySelector('.has-error');
    const heading = group.querySelector('h2').getBoundingClientRect();
    const box = group.getBoundingClientRect();
    return {
      x: Math.round(scrollX + box.left + 2),
      top: Math.round(scrollY + heading.top + 2),
      bottom: Math.round(scrollY + box.bottom - 3),
      color: getComputedStyle(group).borderInlineStartColor.match(/\d+/g).map(Number),
    };
  });
  for (const y of [at.top, at.bottom]) {
    const seen = await pixel(page, at.x, y);
    assert.ok(seen.every((c, i) => Math.abs(c - at.color[i]) <= 8), `the error bar at y=${y} (${what}): ${seen} on screen, ${at.color} wanted`);
  }
}

for (const [lang, path, firstProgress] of languages) {
  describe(`keyboard-only interviews (${lang})`, () => {
    for (const [id, kind] of interviews) {
      test(`${id} (${kind}, ${lang}): ${caseById(id).story}`, async () => {
        const c = caseById(id);
        const { context, page, log } = await open(browser, server.url + path);
        try {
          await page.locator('twitch-triage form').waitFor();
          const baseline = await settle(page, log);
          assert.equal(await page.locator('twitch-triage .progress').textContent(), firstProgress, 'the right language');
          await assertAccessible(page, `${id} ${lang}: the first question`);
          if (id === 'dev-18') {
            await assertReflows(page, `the first question (${lang})`);
            await screenshots(page, `question-${lang}`);
            // Continue with nothing chosen: the error summary (keyboard: Tab to Continue, Enter).
            await answerWithKeyboard(page, []);
            assert.ok(await page.locator('twitch-triage .error-summary').isVisible());
            await assertAccessible(page, `the error summary (${lang})`);
            await screenshot(page, `error-summary-${lang}-1280-light`);
            await assertErrorBar(page, `${lang}, 1280px`);
            // On a phone the message wraps: its lines start where the
            // summary's heading starts (a button would centre them), and
            // there is no bullet left behind on the last line (GOV.UK).
            const size = page.viewportSize();
            await page.setViewportSize({ width: 320, height: 800 });
            const layout = await page.evaluate(() => {
              const r = document.querySelector('twitch-triage').shadowRoot;
              const link = r.querySelector('.error-summary [data-action=fix]');
              const range = document.createRange();
              range.selectNodeContents(link);
              const lines = [...range.getClientRects()].map((l) => Math.round(l.left));
              return {
                heading: Math.round(r.querySelector('.error-summary h2').getBoundingClientRect().left),
                lines,
                bullet: getComputedStyle(r.querySelector('.error-summary li')).listStyleType,
              };
            });
            assert.ok(layout.lines.length >= 2, `the message wraps at 320px (${lang}): ${JSON.stringify(layout)}`);
            for (const left of layout.lines) assert.ok(Math.abs(left - layout.heading) <= 1, `each line starts under the heading (${lang}): ${JSON.stringify(layout)}`);
            assert.equal(layout.bullet, 'none');
            await assertErrorBar(page, `${lang}, 320px`);
            await screenshot(page, `error-summary-${lang}-320-light`);
            await page.setViewportSize(size);
          }
          const asked = [];
          for (let n = 0; n < 25; n++) {
            const s = await elementState(page);
            if (s.triage) break;
            assert.ok(s.question, `${id}: a question or the result is shown`);
            if (asked.at(-1) !== s.question) asked.push(s.question);
            await answerWithKeyboard(page, wanted(c, questions.get(s.question)), questions.get(s.question));
            await page.locator('twitch-triage h2').first().waitFor();
            const after = await elementState(page);
            if (!after.triage) await assertAccessible(page, `${id} ${lang}: question ${after.question}`);
          }
          const result = await elementState(page);
          console.log(`${id} (${lang}): ${asked.length} questions by keyboard -> ${result.triage}, ${result.explanation}`);
          assert.equal(result.triage, c.expect.triage, `${id}: banner level`);
          assert.ok(c.expect.top.includes(result.explanation), `${id}: first explanation ${result.explanation}`);
          await assertAccessible(page, `${id} ${lang}: the result (light)`);
          await page.emulateMedia({ colorScheme: 'dark' });
          await assertAccessible(page, `${id} ${lang}: the result (dark)`);
          await page.emulateMedia({ colorScheme: 'light' });
          await assertReflows(page, `${id} ${lang}: the result`);
          await screenshots(page, `result-${kind}-${lang}`);
          await assertNoEgress(context, page, log, baseline, `${id} ${lang}`);
        } finally {
          await context.close();
        }
      });
    }
  });
}

test('switching lang on a live element re-renders the screen and keeps the answers', async () => {
  const { context, page, log } = await open(browser, `${server.url}/`);
  try {
    const w = page.locator('twitch-triage');
    await w.locator('form').waitFor();
    const baseline = await settle(page, log);
    await w.locator(NONE).check();
    await w.locator('button[type=submit]').click();
    await w.locator('input.number').fill('33');
    await w.locator('button[type=submit]').click();
    assert.equal((await elementState(page)).question, 'body_areas');
    await page.evaluate(() => document.querySelector('twitch-triage').setAttribute('lang', 'es'));
    await w.locator('h2', { hasText: '¿En qué parte del cuerpo nota las contracciones?' }).waitFor();
    assert.equal(await w.locator('.progress').textContent(), 'Pregunta 3');
    await w.locator('[data-action=back]').click();
    assert.equal(await w.locator('input.number').inputValue(), '33', 'the answer survives the switch');
    await page.evaluate(() => document.querySelector('twitch-triage').setAttribute('lang', 'zh-Hant'));
    await w.locator('h2', { hasText: '您幾歲？' }).waitFor();
    await assertAccessible(page, 'after switching to zh-Hant');
    // Only the new language's texts were loaded (modules), from the same origin.
    const fetched = log.requests.slice(baseline);
    assert.deepEqual(fetched.map((u) => new URL(u).pathname), ['/twitch-triage/lang/es.txt', '/twitch-triage/lang/zh-Hant.txt']);
    assert.ok(fetched.every((u) => u.startsWith(server.url)));
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations, [], "script-src 'self' allows the texts' modules");
  } finally {
    await context.close();
  }
});

test(`the page's own language changing (a single-page app's switcher): the elements that follow it switch, answers kept`, async () => {
  const { context, page, log } = await open(browser, `${server.url}/`);
  try {
    const w = page.locator('twitch-triage').first();
    await w.locator('form').waitFor();
    const baseline = await settle(page, log);
    await w.locator(NONE).check();
    await w.locator('button[type=submit]').click();
    await w.locator('input.number').fill('33');
    // A second element with its own lang: it keeps it.
    await page.evaluate(() => {
      const el = document.createElement('twitch-triage');
      el.id = 'own';
      el.setAttribute('lang', 'en');
      document.querySelector('main').append(el);
    });
    const own = page.locator('#own');
    await own.locator('form').waitFor();
    // A lang set elsewhere in the page (not on its ancestors) leaves the
    // element as it is: the same nodes, the typed text and the focus kept.
    await w.locator('input.number').focus();
    const same = await page.evaluate(async () => {
      const field = document.querySelector('twitch-triage').shadowRoot.querySelector('input.number');
      document.querySelector('main p').setAttribute('lang', 'fr');
      await new Promise((done) => setTimeout(done, 200));
      const root = document.querySelector('twitch-triage').shadowRoot;
      return root.querySelector('input.number') === field && root.activeElement === field;
    });
    assert.ok(same, 'not rebuilt by an unrelated lang');
    await page.evaluate(() => (document.documentElement.lang = 'es'));
    await w.locator('h2', { hasText: '¿Qué edad tiene?' }).waitFor();
    assert.equal(await w.locator('input.number').inputValue(), '33', 'what was typed stays');
    assert.equal(await w.locator('[part=container]').getAttribute('lang'), 'es');
    // A nearer lang, on the body, wins over the page's.
    await page.evaluate(() => document.body.setAttribute('lang', 'zh-Hant'));
    await w.locator('h2', { hasText: '您幾歲？' }).waitFor();
    assert.equal(await own.locator('h2').textContent(), 'First, do you have any of these now, or have you had them today?', 'an element with its own lang keeps it');
    // Removed and added back, it still follows the page, answers kept.
    await page.evaluate(() => {
      const el = document.querySelector('twitch-triage');
      el.remove();
      document.body.removeAttribute('lang');
      document.documentElement.lang = 'en';
      document.querySelector('main').prepend(el);
      document.documentElement.lang = 'es';
    });
    await w.locator('h2', { hasText: '¿Qué edad tiene?' }).waitFor();
    await w.locator('[data-action=back]').click();
    assert.deepEqual(await w.locator('input:checked').evaluateAll((l) => l.map((i) => i.value)), [place('emergency_signs', 'none')], 'the answers stay');
    const fetched = log.requests.slice(baseline).map((u) => new URL(u).pathname);
    assert.deepEqual(fetched, ['/twitch-triage/lang/es.txt', '/twitch-triage/lang/zh-Hant.txt'], 'only the new languages\' texts, from the same origin');
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});

test('what is ticked or typed but not yet sent survives a host changing an attribute', async () => {
  const { context, page } = await open(browser, `${server.url}/`);
  try {
    const w = page.locator('twitch-triage');
    await w.locator('form').waitFor();
    const setAttr = (name, value) => page.evaluate(([n, v]) => document.querySelector('twitch-triage').setAttribute(n, v), [name, value]);
    // A checklist: two boxes ticked, then the page switches language.
    const boxes = w.locator('input[type=checkbox]');
    const ticked = [await boxes.nth(0).getAttribute('value'), await boxes.nth(2).getAttribute('value')];
    for (const v of ticked) await w.locator(`input[value="${v}"]`).check();
    await setAttr('lang', 'es');
    await w.locator('.progress', { hasText: 'Pregunta 1' }).waitFor();
    const checked = () => w.locator('input:checked').evaluateAll((l) => l.map((i) => i.value));
    assert.deepEqual(await checked(), ticked, 'the ticks survive the language switch');
    // Untick everything, tick "none of these": that survives too.
    await w.locator(NONE).check();
    await setAttr('emergency-number', '999');
    await w.locator(`${NONE}:checked`).waitFor();
    assert.deepEqual(await checked(), [place('emergency_signs', 'none')]);
    await w.locator('button[type=submit]').click();
    // A number typed but not sent: one that is not a valid age yet stays
    // as typed, with no error before "Continue"; then a valid one.
    await w.locator('input.number').fill('4l');
    await setAttr('lang', 'en');
    await w.locator('.progress', { hasText: 'Question 2' }).waitFor();
    assert.equal(await w.locator('input.number').inputValue(), '4l', 'what was typed survives, even if not valid yet');
    assert.equal(await w.locator('.error-message, [aria-invalid]').count(), 0, 'no error before "Continue"');
    await w.locator('input.number').fill('41');
    await setAttr('emergency-number', '112');
    await w.locator('.emergency-line', { hasText: '112' }).waitFor();
    assert.equal(await w.locator('input.number').inputValue(), '41', 'the typed age survives');
    await w.locator('button[type=submit]').click();
    // A radio choice on a one-of question.
    await w.locator('input[type=checkbox]').first().check();
    await w.locator('button[type=submit]').click();
    const radio = w.locator('input[type=radio]').nth(1);
    await radio.waitFor();
    const value = await radio.getAttribute('value');
    await radio.check();
    await setAttr('lang', 'zh-Hant');
    await w.locator('.progress', { hasText: '第 4 題' }).waitFor();
    assert.deepEqual(await checked(), [value], 'the chosen option survives');
    // And the answers sent: back to the age.
    await w.locator('[data-action=back]').click();
    await w.locator('[data-action=back]').click();
    assert.equal(await w.locator('input.number').inputValue(), '41');
    // Forward again: the checklist shows its earlier tick; unticked and not
    // sent, it stays unticked (not the earlier answer) after a change.
    await w.locator('button[type=submit]').click();
    await w.locator('input[type=checkbox]:checked').waitFor();
    await w.locator('input[type=checkbox]:checked').uncheck();
    await setAttr('lang', 'es');
    await w.locator('.progress', { hasText: 'Pregunta 3' }).waitFor();
    assert.deepEqual(await checked(), [], 'an untick survives');
  } finally {
    await context.close();
  }
});

test('the result screen: copy summary, print styles, start again', async () => {
  const { context, page, log } = await open(browser, `${server.url}/`);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.locator('twitch-triage form').waitFor();
    const baseline = await settle(page, log);
    const w = page.locator('twitch-triage');
    await w.locator(CHEST_PAIN).check();
    await w.locator('button[type=submit]').click();
    await w.locator('[data-action=result]').click();
    assert.equal((await elementState(page)).triage, 'emergency');
    assert.equal(await w.locator('.call').getAttribute('href'), 'tel:112');
    await w.locator('[data-action=copy]').click();
    await w.locator('.status', { hasText: 'copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^Twitching: summary for a doctor \(not a diagnosis\)/);
    assert.match(copied, /Chest pain or pressure/);
    assert.match(copied, /Call 112 now/);
    // Print: the controls are hidden, the summary stays.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await w.locator('[part=actions]').isVisible(), false);
    assert.equal(await w.locator('.emergency-line').isVisible(), false);
    assert.equal(await w.locator('[part=banner]').isVisible(), true);
    assert.equal(await w.locator('[part=answers]').isVisible(), true);
    await screenshot(page, 'print-1280');
    await page.emulateMedia({ media: 'screen' });
    // Forced colours drop backgrounds: the banner and the call button keep a
    // visible border in a system colour, so they still stand out as a box
    // and a button.
    const borders = () =>
      page.evaluate(() =>
        ['.banner', '.call'].map((sel) => {
          const cs = getComputedStyle(document.querySelector('twitch-triage').shadowRoot.querySelector(sel));
          return `${sel} ${cs.borderTopStyle} ${parseFloat(cs.borderTopWidth) >= 2}`;
        }),
      );
    assert.deepEqual(await borders(), ['.banner none false', '.call none false'], 'no border in normal colours');
    await page.emulateMedia({ forcedColors: 'active' });
    assert.deepEqual(await borders(), ['.banner solid true', '.call solid true'], 'a border in forced colours');
    await screenshot(page, 'result-forced-colors-1280');
    await page.emulateMedia({ forcedColors: 'none' });
    await w.locator('[data-action=restart]').click();
    assert.equal((await elementState(page)).question, 'emergency_signs');
    await assertNoEgress(context, page, log, baseline, 'copy and print');
  } finally {
    await context.close();
  }
});

test('events bubble out of the shadow root; the result only with share-result, the answers only with share-answers', async () => {
  const { context, page } = await open(browser, `${server.url}/`);
  try {
    await page.locator('twitch-triage form').waitFor();
    await page.evaluate(() => {
      window.__events = [];
      for (const name of ['twitch-triage-start', 'twitch-triage-complete'])
        document.addEventListener(name, (e) => window.__events.push({ name, detail: e.detail, composed: e.composed }));
    });
    const w = page.locator('twitch-triage');
    const finish = async () => {
      await w.locator(CHEST_PAIN).check();
      await w.locator('button[type=submit]').click();
      await w.locator('[data-action=result]').click();
    };
    await finish();
    let events = await page.evaluate(() => window.__events);
    assert.deepEqual(events.map((e) => e.name), ['twitch-triage-start', 'twitch-triage-complete']);
    assert.ok(events.every((e) => e.composed));
    assert.deepEqual(events[1].detail, {}, 'nothing about the result unless the host asks (SAFETY H20)');
    assert.equal(await w.locator('[part=shared]').count(), 0, 'and nothing said about sharing');
    await page.evaluate(() => {
      window.__events = [];
      document.querySelector('twitch-triage').setAttribute('share-result', '');
    });
    await w.locator('[part=shared]', { hasText: 'This website receives your result' }).waitFor();
    await w.locator('[data-action=restart]').click();
    await finish();
    events = await page.evaluate(() => window.__events);
    assert.equal(events.at(-1).detail.triage, 'emergency');
    assert.ok(Array.isArray(events.at(-1).detail.explanations));
    assert.equal('answers' in events.at(-1).detail, false, 'no answers unless share-answers');
    await page.evaluate(() => {
      window.__events = [];
      document.querySelector('twitch-triage').setAttribute('share-answers', '');
    });
    await w.locator('[part=shared]', { hasText: 'This website can see your answers' }).waitFor();
    await w.locator('[data-action=restart]').click();
    await finish();
    events = await page.evaluate(() => window.__events);
    assert.equal(events.at(-1).detail.answers.chest_pain, true);
    assert.equal(events.at(-1).detail.answers.jaw_stiffness, false);
  } finally {
    await context.close();
  }
});

test(`a host's listener of the element's events may change its attributes: the element shows them`, async () => {
  // The listeners run while the element is rendering; what they set must not
  // be lost (a stale emergency number on an emergency result).
  const { context, page } = await open(browser, `${server.url}/`);
  try {
    const w = page.locator('twitch-triage');
    await w.locator('form').waitFor();
    await page.evaluate(() => {
      document.addEventListener('twitch-triage-start', (e) => e.target.setAttribute('lang', 'es'));
      document.addEventListener('twitch-triage-complete', (e) => e.target.setAttribute('emergency-number', '999'));
    });
    await w.locator(CHEST_PAIN).check();
    await w.locator('button[type=submit]').click();
    await w.locator('[data-action=result]').waitFor();
    await w.locator('h2', { hasText: '¿Qué edad tiene?' }).waitFor();
    await w.locator('[data-action=result]').click();
    await page.waitForFunction(() => document.querySelector('twitch-triage').getAttribute('emergency-number') === '999');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    assert.match(await w.locator('.emergency-line').textContent(), /llame ahora al 999\./);
    assert.match(await w.locator('.banner').textContent(), /Llame ahora al 999/);
    assert.doesNotMatch(await w.locator('.banner').textContent(), /112/);
  } finally {
    await context.close();
  }
});

test(`dark colours follow the host page's colour scheme, as the browser's own controls do`, async () => {
  // The person's settings ask for dark. several.html declares no colour
  // scheme (a light-only page): the element stays light there, instead of
  // a dark box on a white page. A page that supports dark (the demo page's
  // `color-scheme: light dark`) gets dark colours; a host can pin light.
  const { context, page } = await open(browser, `${server.url}/several.html`, { colorScheme: 'dark' });
  try {
    await page.locator('#a form').waitFor();
    const colours = () =>
      page.evaluate(() => {
        const r = document.querySelector('#a').shadowRoot;
        const box = getComputedStyle(r.querySelector('.tt'));
        return { background: box.backgroundColor, text: box.color, checkbox: getComputedStyle(r.querySelector('input')).colorScheme };
      });
    const light = { background: 'rgb(255, 255, 255)', text: 'rgb(11, 12, 12)' };
    const dark = { background: 'rgb(22, 23, 24)', text: 'rgb(243, 242, 241)' };
    assert.deepEqual({ ...(await colours()), checkbox: undefined }, { ...light, checkbox: undefined }, 'light on a light-only page');
    // (CSSOM, which the strict CSP allows, as a host's stylesheet would.)
    await page.evaluate(() => { document.documentElement.style.colorScheme = 'light dark'; });
    const c = await colours();
    assert.deepEqual({ background: c.background, text: c.text }, dark, 'dark on a page that supports it');
    assert.equal(c.checkbox, 'light dark', "the options' controls follow too");
    await assertAccessible(page, 'dark colours on a page that supports them');
    await page.evaluate(() => { document.querySelector('#a').style.colorScheme = 'light'; });
    const pinned = await colours();
    assert.deepEqual({ background: pinned.background, text: pinned.text }, light, 'a host can pin light');
  } finally {
    await context.close();
  }
});

test('several elements on one page work independently; the script twice is harmless', async () => {
  const { context, page, log } = await open(browser, `${server.url}/several.html`);
  try {
    for (const id of ['a', 'b', 'c']) await page.locator(`#${id} form`).waitFor();
    const baseline = await settle(page, log);
    await page.locator(`#a ${NONE}`).check();
    await page.locator('#a button[type=submit]').click();
    await page.locator(`#b ${CHEST_PAIN}`).check();
    await page.locator('#b button[type=submit]').click();
    assert.equal((await elementState(page, '#a')).question, 'age');
    assert.ok((await page.locator('#b .banner.l0').textContent()).includes('999'));
    assert.equal((await elementState(page, '#c')).question, 'emergency_signs');
    assert.ok((await page.locator('#c .emergency-line').textContent()).includes('911'));
    await assertAccessible(page, 'several elements');
    await assertNoEgress(context, page, log, baseline, 'several elements');
  } finally {
    await context.close();
  }
});

test("a host's mistake in an attribute is said in the console; the element still works", async () => {
  // The page is in Spanish; the element asks for French (no texts) and a
  // number with words in it.
  const { context, page, log } = await open(browser, `${server.url}/mistakes.html`);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  try {
    const w = page.locator('#w');
    await w.locator('form').waitFor();
    await settle(page, log);
    // Warnings given before the listener above was added are in the page's
    // console too: reload with it in place.
    warnings.length = 0;
    log.requests.length = 0;
    await page.reload({ waitUntil: 'load' });
    await w.locator('form').waitFor();
    await settle(page, log);
    assert.equal(await w.locator('.progress').textContent(), 'Pregunta 1', "the page's language, not French");
    assert.ok((await w.locator('.emergency-line').textContent()).includes('112'), 'the default number');
    assert.deepEqual(
      warnings.sort(),
      [
        '<twitch-triage>: emergency-number="911 (US)" is not a number to call (digits, spaces and + * # - only, at most 16, at least one digit); it shows 112 instead (the number for the region of the page\'s or the browser\'s language, else 112).',
        '<twitch-triage>: lang="fr" is not a language it has texts for (en, es, zh-Hant); it uses the page\'s language, else the browser\'s, else English.',
      ],
    );
    // Only the texts it shows were loaded: the script looks for the language
    // in the same order as the module.
    const packs = log.requests.filter((u) => u.includes('/lang/')).map((u) => u.split('/').pop());
    assert.deepEqual(packs, ['es.txt']);
    // Mended on the live element: no new warning, the right number.
    warnings.length = 0;
    await page.evaluate(() => document.getElementById('w').setAttribute('emergency-number', '911'));
    assert.ok((await w.locator('.emergency-line').textContent()).includes('911'));
    await page.evaluate(() => document.getElementById('w').setAttribute('lang', 'en-US'));
    await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.progress')?.textContent === 'Question 1');
    assert.deepEqual(warnings, []);
  } finally {
    await context.close();
  }
});

/**
 * Holds the responses for `url` back (as on a slow network) until the
 * returned function is called; then `respond(route)` answers (the real file
 * unless told otherwise).
 */
async function holdBack(page, url, respond = (route) => route.continue()) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await respond(route);
  });
  return release;
}

test('lang set while the first texts load: the element starts in that language', async () => {
  // A host's language switcher sets lang while the page language's texts are
  // still on their way (held here, as on a slow network). The element must
  // start in the new language, not in one whose texts it does not have.
  const context = await browser.newContext({ locale: 'en' });
  await inspectable(context);
  const page = await context.newPage();
  const release = await holdBack(page, '**/twitch-triage/lang/es.txt');
  const packs = [];
  page.on('request', (r) => r.url().includes('/lang/') && packs.push(r.url().split('/').pop()));
  try {
    await page.goto(`${server.url}/lang-es.html`, { waitUntil: 'domcontentloaded' });
    // The module is running (it has picked Spanish and is waiting for its texts).
    await page.waitForFunction(async () => (await import('/twitch-triage/element.js')).memoryBytes() > 0);
    await page.evaluate(() => document.querySelector('twitch-triage').setAttribute('lang', 'zh-Hant'));
    release();
    const w = page.locator('twitch-triage');
    await w.locator('form').waitFor();
    assert.equal(await w.locator('.progress').textContent(), '第 1 題');
    assert.ok((await w.locator('.emergency-line').textContent()).includes('112'));
    assert.deepEqual(packs.sort(), ['es.txt', 'zh-Hant.txt']);
  } finally {
    await context.close();
  }
});

test('lang set in the last moment before the element starts: it starts in that language', async () => {
  // The same switch, landing right after the element's last look at its
  // language, before its first screen. The element used to check the
  // language, then start one microtask later: a host's change in between
  // (its own promise chain, say) found no element to tell, and the element
  // started in the old language and stayed there. Here, just before the real
  // pack is let through, the page makes the element's next reading of its
  // lang attribute (that check: nothing else reads it while the pack loads)
  // queue the change as a microtask.
  const context = await browser.newContext({ locale: 'en' });
  await inspectable(context);
  const page = await context.newPage();
  const release = await holdBack(page, '**/twitch-triage/lang/es.txt', async (route) => {
    await page.evaluate(() => {
      const el = document.querySelector('twitch-triage');
      const read = el.getAttribute;
      el.getAttribute = function (name) {
        if (name === 'lang') {
          delete el.getAttribute;
          queueMicrotask(() => el.setAttribute('lang', 'zh-Hant'));
        }
        return read.call(this, name);
      };
    });
    await route.continue();
  });
  try {
    await page.goto(`${server.url}/lang-es.html`, { waitUntil: 'domcontentloaded' });
    // The module is running: only the texts are missing.
    await page.waitForFunction(async () => (await import('/twitch-triage/element.js')).memoryBytes() > 0);
    release();
    const w = page.locator('twitch-triage');
    await w.locator('form').waitFor();
    await page.waitForFunction(() => document.querySelector('twitch-triage').getAttribute('lang') === 'zh-Hant');
    await page.waitForFunction(() => document.querySelector('twitch-triage').shadowRoot.querySelector('.progress')?.textContent === '第 1 題', null, { timeout: 5000 })
      .catch(() => {});
    assert.equal(await w.locator('.progress').textContent(), '第 1 題');
  } finally {
    await context.close();
  }
});

test('a language whose texts cannot be loaded: the element keeps the one it shows, and says so', async () => {
  // A Spanish page; the host switches to Traditional Chinese, but neither that
  // pack nor English (the usual fallback) can be loaded.
  const { context, page } = await open(browser, `${server.url}/lang-es.html`);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  try {
    const w = page.locator('twitch-triage');
    await w.locator('form').waitFor();
    await w.locator(NONE).check();
    await w.locator('button[type=submit]').click();
    await page.route(/\/lang\/(zh-Hant|en)\.txt$/, (route) => route.abort());
    const failed = new Promise((resolve) => page.on('requestfailed', (r) => r.url().endsWith('/en.txt') && resolve()));
    // The element renders its screen again once the fallback has failed too.
    await page.evaluate(() => {
      window.__rendered = false;
      new MutationObserver(() => (window.__rendered = true)).observe(document.querySelector('twitch-triage').shadowRoot, { childList: true, subtree: true });
      document.querySelector('twitch-triage').setAttribute('lang', 'zh-Hant');
    });
    await failed;
    await page.waitForFunction(() => window.__rendered);
    assert.equal(await w.locator('.progress').textContent(), 'Pregunta 2', 'still Spanish, not blank');
    assert.match(await w.locator('.emergency-line').textContent(), /llame ahora al 112/);
    assert.deepEqual(
      warnings.map((t) => t.replace(/\(lang\/([\w-]+)\.txt\) could not be used \(.*\);/, '(lang/$1.txt) could not be used (...);')),
      [
        '<twitch-triage>: the zh-Hant texts (lang/zh-Hant.txt) could not be used (...); it shows another language.',
        '<twitch-triage>: the en texts (lang/en.txt) could not be used (...); it shows another language.',
      ],
    );
  } finally {
    await context.close();
  }
});

test('each attribute has a property that sets it, also when set before the element is defined', async () => {
  // As Shoelace's components: a framework or a script may set
  // `emergencyNumber` and `shareAnswers` instead of the attributes. The
  // script is async, so a property can be set before the element is defined:
  // hold element.js back until the page has set one.
  const context = await browser.newContext({ locale: 'en' });
  await inspectable(context);
  const page = await context.newPage();
  const release = await holdBack(page, '**/twitch-triage/element.js');
  try {
    await page.goto(`${server.url}/`, { waitUntil: 'domcontentloaded' });
    const early = await page.evaluate(() => {
      const el = document.querySelector('twitch-triage');
      el.emergencyNumber = '911';
      el.shareAnswers = true;
      return { defined: !!customElements.get('twitch-triage'), attribute: el.getAttribute('emergency-number') };
    });
    assert.deepEqual(early, { defined: false, attribute: null }, 'set before the element was defined');
    release();
    const w = page.locator('twitch-triage');
    await w.locator('form').waitFor();
    const state = () =>
      page.evaluate(() => {
        const el = document.querySelector('twitch-triage');
        return {
          number: el.emergencyNumber,
          attribute: el.getAttribute('emergency-number'),
          share: el.shareAnswers,
          shareAttribute: el.hasAttribute('share-answers'),
          own: Object.hasOwn(el, 'emergencyNumber') || Object.hasOwn(el, 'shareAnswers'),
        };
      });
    assert.deepEqual(await state(), { number: '911', attribute: '911', share: true, shareAttribute: true, own: false });
    assert.match(await w.locator('.emergency-line').textContent(), /call 911 now/);
    // On the live element: the property sets the attribute, and the element shows it.
    await page.evaluate(() => {
      const el = document.querySelector('twitch-triage');
      el.emergencyNumber = '999';
      el.shareAnswers = false;
    });
    assert.deepEqual(await state(), { number: '999', attribute: '999', share: false, shareAttribute: false, own: false });
    assert.match(await w.locator('.emergency-line').textContent(), /call 999 now/);
    await page.evaluate(() => { document.querySelector('twitch-triage').emergencyNumber = null; });
    assert.deepEqual(await state(), { number: '112', attribute: null, share: false, shareAttribute: false, own: false });
    assert.match(await w.locator('.emergency-line').textContent(), /call 112 now/);
  } finally {
    await context.close();
  }
});

test('removing the element and adding it back keeps the interview', async () => {
  const { context, page } = await open(browser, `${server.url}/move.html`);
  try {
    const w = page.locator('#w');
    await w.locator('form').waitFor();
    await w.locator(NONE).check();
    await w.locator('button[type=submit]').click();
    await w.locator('input.number').fill('41');
    await w.locator('button[type=submit]').click();
    const before = await elementState(page, '#w');
    await page.evaluate(() => {
      const el = document.getElementById('w');
      el.remove();
      document.getElementById('second').append(el);
    });
    assert.deepEqual(await elementState(page, '#w'), before);
    await w.locator('[data-action=back]').click();
    assert.equal(await w.locator('input.number').inputValue(), '41', 'the earlier answer is still there');
  } finally {
    await context.close();
  }
});

test('the themed article page and the Vite example work under the strict CSP', async () => {
  for (const [path, ready] of [
    ['/article.html', 'twitch-triage form'],
    ['/vite-example/dist/', '#app form'],
  ]) {
    for (const scheme of ['light', 'dark']) {
      const { context, page, log } = await open(browser, server.url + path, { colorScheme: scheme });
      try {
        await page.locator(ready).waitFor();
        const baseline = await settle(page, log);
        await assertAccessible(page, `${path} (${scheme})`);
        await assertReflows(page, path);
        await screenshot(page, `${path.replace(/\W+/g, '-').replace(/^-|-$/g, '')}-${scheme}`);
        if (path.startsWith('/vite')) {
          // Its own interface, driven by the package's Interview.
          // On a phone, an option's text that wraps stays beside its box
          // (every line starts right of it), not under it.
          const size = page.viewportSize();
          await page.setViewportSize({ width: 360, height: 800 });
          const options = await page.locator('#app label').evaluateAll((labels) => labels.map((l) => {
            const box = l.querySelector('input').getBoundingClientRect();
            const r = document.createRange();
            r.selectNodeContents(l.lastChild);
            const rects = [...r.getClientRects()];
            return { text: l.textContent, lines: rects.length, left: Math.min(...rects.map((c) => c.left)), boxRight: box.right };
          }));
          await page.setViewportSize(size);
          assert.ok(options.some((o) => o.lines > 1), 'some option wraps at 360 px');
          for (const o of options) assert.ok(o.left >= o.boxRight, `"${o.text}" starts at ${o.left} px, left of its box's edge at ${o.boxRight} px`);
          await page.locator('#app input[type=checkbox]').nth(1).check();
          await page.locator('#app button[type=submit]').click();
          await page.locator('#app legend', { hasText: 'How old are you?' }).waitFor();
          // The age field looks like a text field, not a tick box: the
          // boxes' size once applied to every input, and it was 1.4rem square.
          const field = await page.locator('#app input[name=answer]').boundingBox();
          assert.ok(field.width >= 2 * field.height, `the age field is ${field.width} x ${field.height} px`);
          // An empty age is refused with the package's message, twice in a
          // row without piling up, and is never taken as 0 (a baby under one).
          for (let i = 0; i < 2; i++) await page.locator('#app button[type=submit]').click();
          assert.match(await page.locator('#app [role=alert]').textContent(), /"age": expected a whole number/);
          assert.equal(await page.locator('#app [role=alert]').count(), 1);
          await page.locator('#app input[name=answer]').fill('41');
          await page.locator('#app button[type=submit]').click();
          await page.locator('#app legend', { hasText: 'Where is the twitching?' }).waitFor();
          // To the end: nothing ticked, the first choice, "Not sure" never.
          for (let i = 0; i < 30 && !(await page.locator('#app section').count()); i++) {
            const radio = page.locator('#app input[type=radio]');
            if (await radio.count()) await radio.first().check();
            await page.locator('#app button[type=submit]').click();
          }
          // The result says the level in words and that it is not a diagnosis.
          await page.locator('#app section h2').waitFor();
          assert.match(await page.locator('#app section h2').textContent(), /^(Get help now|Get medical advice today|See a doctor soon|You can look after this at home)$/);
          assert.match(await page.locator('#app section').textContent(), /This is not a diagnosis/);
        }
        await assertNoEgress(context, page, log, baseline, path);
      } finally {
        await context.close();
      }
    }
  }
});

test('with no emergency-number, the number is the one for the region of the browser\'s language, also in the fallback', async () => {
  // es-MX: 911 (kb/emergency_numbers.toml); en-GB: 999. The module's screens
  // and the fallback shown when the module cannot start (js/element.js,
  // with its copy of the table) say the same number.
  for (const [locale, number] of [['es-MX', '911'], ['en-GB', '999']]) {
    const context = await browser.newContext({ locale });
    await inspectable(context);
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      const w = page.locator('twitch-triage');
      await w.locator('form').waitFor();
      assert.ok((await w.locator('.emergency-line').textContent()).includes(number), `${locale}: the element`);
      const broken = await context.newPage();
      await broken.route('**/twitch-triage/twitch_triage_element_bg.wasm', (route) => route.fulfill({ status: 404 }));
      await broken.goto(`${server.url}/`, { waitUntil: 'load' });
      const fallback = broken.locator('twitch-triage [role=status]');
      await fallback.filter({ hasText: number }).waitFor();
      assert.ok(!(await fallback.textContent()).includes('112'), `${locale}: the fallback`);
    } finally {
      await context.close();
    }
  }
});

test('no layout shift as the element loads (CLS 0 on the demo and article pages, phone and desktop)', async () => {
  // The page holds the element's space before element.js defines it
  // (twitch-triage:not(:defined) in demo.css, as the README says), and the
  // loading screen holds a screen's height: the content below never jumps.
  for (const path of ['/', '/article.html']) {
    for (const width of [360, 1280]) {
      const { context, page } = await open(browser, `${server.url}${path}`, { width, inspect: false, shifts: true });
      try {
        await page.waitForFunction(() => performance.getEntriesByName('twitch-triage-ready').length > 0);
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const cls = await page.evaluate(() => window.__layoutShift);
        console.log(`CLS ${path} at ${width} px: ${cls.toFixed(4)}`);
        assert.ok(cls < 0.001, `${path} at ${width} px: cumulative layout shift ${cls}`);
      } finally {
        await context.close();
      }
    }
  }
});
