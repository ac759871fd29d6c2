// Hostile host pages, in Debian's Chromium: aggressive global CSS, the script
// twice, ten elements, removing and re-adding (see element.test.mjs for those
// two), a right-to-left page in another language, WebAssembly blocked by the
// page's CSP, the .wasm file missing, and JavaScript disabled. Where the
// element cannot start, it must show a readable fallback (what it is, that
// it could not start, the emergency advice), never a blank box; elsewhere it
// must work and look right (screenshots in test-results/screenshots/).

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { serve, STRICT_CSP } from '../../scripts/serve.mjs';
import {
  assertAccessible, assertNoEgress, caseById, CHEST_PAIN, launch, NONE, open, root, screenshot, settle,
  elementState, interviewByKeyboard,
} from './helpers.mjs';

const NO_WASM_CSP = STRICT_CSP.replace(" 'wasm-unsafe-eval'", '');
let server;
let browser;
let temp;

before(async () => {
  // Pages built from one template: the package as shipped, or a copy of it
  // whose .wasm file is missing.
  temp = mkdtempSync(join(tmpdir(), 'twitch-triage-hostile-'));
  const template = readFileSync(join(root, 'tests', 'e2e', 'pages', 'fallback.html'), 'utf8');
  writeFileSync(join(temp, 'blocked.html'), template.replace('PACKAGE', '/twitch-triage'));
  writeFileSync(join(temp, 'nojs.html'), template.replace('PACKAGE', '/twitch-triage'));
  writeFileSync(join(temp, 'missing.html'), template.replace('PACKAGE', '/missing-pkg'));
  // A right-to-left page in a language the element has no texts for.
  const rtl = template.replace('<html lang="en">', '<html lang="ar" dir="rtl">');
  writeFileSync(join(temp, 'rtl.html'), rtl.replace('PACKAGE', '/twitch-triage'));
  writeFileSync(join(temp, 'rtl-missing.html'), rtl.replace('PACKAGE', '/missing-pkg'));
  cpSync(join(root, 'www', 'twitch-triage'), join(temp, 'missing-pkg'), { recursive: true });
  rmSync(join(temp, 'missing-pkg', 'twitch_triage_element_bg.wasm'));
  server = await serve({
    dirs: [join(root, 'www'), join(root, 'tests', 'e2e', 'pages'), temp],
    headers: (path) => ({ 'content-security-policy': path === '/blocked.html' ? NO_WASM_CSP : STRICT_CSP }),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(temp, { recursive: true, force: true });
});

test('aggressive global CSS: the element still works and looks right', async () => {
  for (const width of [360, 1280]) {
    const { context, page, log } = await open(browser, `${server.url}/hostile-css.html`, { width });
    try {
      await page.locator('twitch-triage form').waitFor();
      const baseline = await settle(page, log);
      // The page's styles do not reach inside: readable sizes and colours.
      const style = await page.evaluate(() => {
        const root = document.querySelector('twitch-triage').shadowRoot;
        const cs = getComputedStyle(root.querySelector('h2'));
        const box = getComputedStyle(root.querySelector('.tt'));
        return { size: parseFloat(getComputedStyle(root.querySelector('.tt')).fontSize), color: cs.color, background: box.backgroundColor, transform: cs.textTransform, checkbox: root.querySelector('input').getBoundingClientRect().width };
      });
      assert.ok(style.size >= 16 && style.size <= 24, `font size ${style.size}px`);
      assert.notEqual(style.color, 'rgb(255, 0, 255)');
      assert.notEqual(style.background, 'rgb(0, 255, 0)');
      assert.equal(style.transform, 'none');
      assert.ok(style.checkbox >= 24, `touch target ${style.checkbox}px`);
      await screenshot(page, `hostile-css-question-${width}`);
      const c = caseById('dev-18');
      assert.equal((await interviewByKeyboard(page, c)).triage, c.expect.triage);
      await screenshot(page, `hostile-css-result-${width}`);
      await assertNoEgress(context, page, log, baseline, 'hostile CSS');
    } finally {
      await context.close();
    }
  }
});

test('ten elements on one page are independent', async () => {
  const { context, page, log } = await open(browser, `${server.url}/ten.html`);
  try {
    for (let i = 0; i < 10; i++) await page.locator(`#w${i} form`).waitFor();
    const baseline = await settle(page, log);
    await page.locator(`#w7 ${CHEST_PAIN}`).check();
    await page.locator('#w7 button[type=submit]').click();
    await page.locator(`#w3 ${NONE}`).check();
    await page.locator('#w3 button[type=submit]').click();
    const states = await Promise.all([...Array(10).keys()].map((i) => elementState(page, `#w${i}`)));
    assert.equal(states[3].question, 'age');
    assert.ok(await page.locator('#w7 .banner.l0').isVisible());
    for (const i of [0, 1, 2, 4, 5, 6, 8, 9]) assert.equal(states[i].question, 'emergency_signs', `#w${i} untouched`);
    assert.equal(await page.locator('#w6 .progress').textContent(), 'Pregunta 1');
    assert.equal(await page.locator('#w8 .progress').textContent(), '第 1 題');
    await screenshot(page, 'ten-elements');
    await assertAccessible(page, 'ten elements');
    await assertNoEgress(context, page, log, baseline, 'ten elements');
  } finally {
    await context.close();
  }
});

/** The fallback a page shows when the element cannot start. */
async function assertFallback(page, what, { byElement = true } = {}) {
  const text = byElement
    ? await page.locator('twitch-triage').evaluate((el) => el.shadowRoot?.textContent ?? '')
    : await page.locator('twitch-triage').innerText();
  assert.match(text, /twitching/i, `${what}: says what the tool is`);
  assert.match(text, /could not start|needs\s+JavaScript/i, `${what}: says it could not start`);
  assert.match(text, /call 999 now/, `${what}: gives the emergency advice with the page's number`);
  // The element itself, or (without JavaScript) the page's content inside it.
  const shown = byElement ? page.locator('twitch-triage') : page.locator('twitch-triage > p');
  assert.ok(await shown.isVisible(), `${what}: not a blank box`);
  const box = await shown.boundingBox();
  assert.ok(box.height >= 16 && box.width > 200, `${what}: has a readable size (${box.width}x${box.height}px)`);
}

test('WebAssembly blocked by the page CSP: a readable fallback', async () => {
  const { context, page } = await open(browser, `${server.url}/blocked.html`);
  try {
    await page.waitForFunction(() => /could not start/.test(document.querySelector('twitch-triage').shadowRoot?.textContent ?? ''));
    await assertFallback(page, 'no wasm-unsafe-eval');
    await screenshot(page, 'fallback-wasm-blocked');
    await assertAccessible(page, 'the fallback');
  } finally {
    await context.close();
  }
});

test('the .wasm file missing (404): a readable fallback', async () => {
  const { context, page, log } = await open(browser, `${server.url}/missing.html`);
  try {
    await page.waitForFunction(() => /could not start/.test(document.querySelector('twitch-triage').shadowRoot?.textContent ?? ''));
    assert.ok(log.requests.some((u) => u.endsWith('/missing-pkg/twitch_triage_element_bg.wasm')), 'it tried the file');
    await assertFallback(page, 'wasm 404');
    await screenshot(page, 'fallback-wasm-404');
  } finally {
    await context.close();
  }
});

test('on a right-to-left page in another language, the element and its fallback keep their own language and direction', async () => {
  // What a screen reader and the layout go by: the container's lang and
  // direction, and where the heading's text starts.
  const layout = (page) =>
    page.locator('twitch-triage').evaluate((el) => {
      const box = el.shadowRoot.querySelector('[part=container]');
      const first = box.querySelector('h2') ?? box.firstElementChild;
      const range = document.createRange();
      range.selectNodeContents(first);
      // The left edge of the block the text is set in (the fallback's
      // title is inline, in the container).
      const block = getComputedStyle(first).display === 'inline' ? box : first;
      const cs = getComputedStyle(block);
      const left = block.getBoundingClientRect().left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft);
      return {
        lang: box.lang,
        direction: getComputedStyle(first).direction,
        indent: Math.round(range.getBoundingClientRect().left - left),
      };
    });
  const { context, page } = await open(browser, `${server.url}/rtl.html`, { width: 1280 });
  try {
    await page.locator('twitch-triage form').waitFor();
    // The page is Arabic, which it has no texts for: English, left to right.
    assert.deepEqual(await layout(page), { lang: 'en', direction: 'ltr', indent: 0 });
    await assertAccessible(page, 'on a right-to-left page');
    await screenshot(page, 'rtl-page-question');
    await page.locator('twitch-triage').evaluate((el) => el.setAttribute('lang', 'zh-Hant'));
    await page.locator('twitch-triage h2', { hasText: '現在' }).waitFor();
    assert.deepEqual(await layout(page), { lang: 'zh-Hant', direction: 'ltr', indent: 0 });
  } finally {
    await context.close();
  }
  const fallback = await open(browser, `${server.url}/rtl-missing.html`, { width: 1280 });
  try {
    await fallback.page.waitForFunction(() => /could not start/.test(document.querySelector('twitch-triage').shadowRoot?.textContent ?? ''));
    assert.deepEqual(await layout(fallback.page), { lang: 'en', direction: 'ltr', indent: 0 });
  } finally {
    await fallback.context.close();
  }
});

test('JavaScript disabled: the page\'s fallback content is shown', async () => {
  const { context, page } = await open(browser, `${server.url}/nojs.html`, { javaScriptEnabled: false });
  try {
    await assertFallback(page, 'JavaScript disabled', { byElement: false });
    await screenshot(page, 'fallback-no-javascript');
  } finally {
    await context.close();
  }
});
