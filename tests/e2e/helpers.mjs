// Shared by the end-to-end tests: the served site, Chromium with the
// checks every page must pass (no CSP violations, no requests after load, no
// cookies or storage), a keyboard-only driver for the element, axe, and
// screenshots kept as test artifacts in test-results/.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { after, before } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { serve, STRICT_CSP } from '../../scripts/serve.mjs';
import { launch } from '../node/browser.mjs';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const artifacts = join(root, 'test-results');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const vignettes = JSON.parse(
  readFileSync(process.env.TWITCH_TRIAGE_VIGNETTES ?? join(root, 'tests', 'vignettes', 'dev.json'), 'utf8'),
);
export const caseById = (id) => vignettes.find((c) => c.id === id);

const { knowledge } = await import(join(root, 'dist', 'node.js'));
export const questions = new Map(knowledge().questions.map((q) => [q.id, q]));
// Every language's texts: the screen carries no ids (SAFETY H18), so a test
// tells the question, the level and the explanation by their words.
const everyLanguage = ['en', 'es', 'zh-Hant'].map((lang) => knowledge({ lang }));
const byText = (list) => Object.fromEntries(everyLanguage.flatMap(list));
const QUESTION_BY_TEXT = byText((k) => k.questions.map((q) => [q.text, q.id]));
const LEVEL_BY_TITLE = byText((k) => k.levels.map((l) => [l.title, l.id]));
const EXPLANATION_BY_NAME = byText((k) => k.explanations.map((e) => [e.name, e.id]));

/**
 * The place on the screen of answer `v` ("yes", "no", "?", "none" or an
 * option's value) of question `q` (an id or a knowledge() question): an
 * option's value is its place, never the id.
 */
export function place(q, v) {
  const question = typeof q === 'string' ? questions.get(q) : q;
  const values = question.options?.map((o) => o.value) ?? ['yes', 'no'];
  const at = values.indexOf(v);
  if (at >= 0) return String(at);
  if (v === '?' || v === 'none') return String(values.length);
  throw new Error(`no answer ${v} to ${question.id}`);
}
/** The selector of answer `v` of question `q` (see `place`). */
export const option = (q, v) => `input[value="${place(q, v)}"]`;
/** "None of these": the last box. */
export const NONE = '.item:last-child input[type=checkbox]';
export const CHEST_PAIN = option('emergency_signs', 'chest_pain');

/**
 * Test pages' shadow roots are opened for inspection (Playwright's locators
 * pierce open roots only): an init script, run before the page's own, makes
 * every attachShadow open. The element's default, closed, is tested on its
 * own in tests/e2e/privacy.test.mjs. (A host script that runs before
 * element.js can do the same: docs/SAFETY.md H18 says so.)
 */
export async function inspectable(pageOrContext) {
  await pageOrContext.addInitScript(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      return attach.call(this, { ...init, mode: 'open' });
    };
  });
}

/** The demo site (www/) and the test pages, under the strict CSP. */
export function site({ csp = STRICT_CSP, status } = {}) {
  return serve({
    dirs: [join(root, 'www'), join(root, 'tests', 'e2e', 'pages')],
    headers: () => (csp ? { 'content-security-policy': csp } : {}),
    status,
  });
}

/**
 * Opens a page in a fresh context and records what the checks need:
 * requests, CSP violations (from the page's own securitypolicyviolation
 * events and the console), page errors.
 */
export async function open(browser, url, { colorScheme = 'light', width = 1280, javaScriptEnabled = true, inspect = true, shifts = false } = {}) {
  // A language with no region: the element's default number is then 112
  // (tests/e2e/element.test.mjs checks the regional default on its own).
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, javaScriptEnabled, locale: 'en' });
  if (inspect) await inspectable(context);
  // The page's cumulative layout shift (shifts not caused by input), from its first paint.
  if (shifts)
    await context.addInitScript(() => {
      window.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__layoutShift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
  const page = await context.newPage();
  const log = { requests: [], violations: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('console', (m) => {
    if (/Content Security Policy|Trusted Type/i.test(m.text())) log.violations.push(m.text());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, log };
}

/** After the page and the element have loaded: nothing more may be requested. */
export async function settle(page, log) {
  await page.waitForLoadState('networkidle');
  return log.requests.length;
}

/** No request after load, no CSP violation, no cookie, nothing stored. */
export async function assertNoEgress(context, page, log, baseline, what) {
  assert.deepEqual(log.requests.slice(baseline), [], `${what}: requests after load`);
  const violations = log.violations.concat(await page.evaluate(() => window.__violations));
  assert.deepEqual(violations, [], `${what}: CSP violations`);
  assert.deepEqual(log.errors, [], `${what}: page errors`);
  assert.deepEqual(await context.cookies(), [], `${what}: cookies`);
  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
  assert.deepEqual(stored, { cookie: '', local: 0, session: 0, indexedDB: 0, caches: 0, workers: 0 }, `${what}: storage`);
}

/** axe with the WCAG 2.0/2.1/2.2 A and AA tags: no violation. */
export async function assertAccessible(page, what) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `axe on ${what}`);
}

/**
 * WCAG 1.4.10 (reflow): at 320 CSS px wide the page, with the element on it,
 * does not scroll sideways. Leaves the page at 1280 px.
 */
export async function assertReflows(page, what) {
  await page.setViewportSize({ width: 320, height: 900 });
  const wide = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    // What sticks out (a <pre> that scrolls inside itself does not count).
    out: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5 && !e.closest('pre'))
      .map((e) => `<${e.localName}${e.className ? ` class="${e.className}"` : ''}>`),
  }));
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.ok(wide.page <= 320, `${what}: ${wide.page} px wide at 320 px (sticking out: ${wide.out.join(', ')})`);
}

export async function screenshot(page, name) {
  const dir = join(artifacts, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Screenshots at 360 and 1280 px wide, light and dark. */
export async function screenshots(page, name) {
  for (const width of [360, 1280]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, `${name}-${width}-${scheme}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

/** What the simulated person answers to question `q` (the spec's rules). */
export function wanted(c, q) {
  const f = c.findings;
  switch (q.kind) {
    case 'checklist': {
      const ticked = q.options.map((o) => o.value).filter((v) => f[v] === true);
      return ticked.length ? ticked : ['none'];
    }
    case 'many':
      return f[q.finding]?.length ? f[q.finding] : ['none'];
    case 'yesno':
      return f[q.finding] === true ? 'yes' : 'no';
    case 'number':
      return f[q.finding] === undefined ? '' : String(f[q.finding]);
    default:
      return f[q.finding] ?? '?';
  }
}

/**
 * Run in the page (Playwright's evaluate, WebDriver's executeScript): the
 * focused element, inside the focused <twitch-triage> through its shadow
 * root. `host` is the focused element of the page (its tag name), `text`
 * the focused element's text when it is inside the element (a heading's).
 */
export function focusedInPage() {
  const host = document.activeElement;
  const inside = host?.shadowRoot?.activeElement;
  const el = inside ?? host;
  return {
    host: host?.localName ?? '',
    tag: el?.tagName ?? '',
    type: el?.type ?? '',
    value: el?.value ?? '',
    checked: !!el?.checked,
    text: inside?.textContent ?? '',
  };
}

/** The focused element inside the focused <twitch-triage> (through its shadow root), as `focusedInPage` gives it. */
export const focused = (page) => page.evaluate(focusedInPage);

/**
 * What the element's texts name: `seen` holds the question's heading, the
 * banner's heading, the first explanation's heading (null when not shown),
 * the first heading and whether the result's actions are there; the answer
 * has the question's id, the result's level and first explanation, told by
 * their words (the screen has no ids), and the heading.
 */
export function named(seen) {
  // "Most likely: <name>" in every language: the name after the separator.
  const name = seen.explanation && Object.keys(EXPLANATION_BY_NAME).find((n) => seen.explanation.endsWith(n));
  return {
    question: seen.question === null ? null : (QUESTION_BY_TEXT[seen.question] ?? `unknown: ${seen.question}`),
    triage: seen.result ? (LEVEL_BY_TITLE[seen.triage] ?? `unknown: ${seen.triage}`) : null,
    explanation: name ? EXPLANATION_BY_NAME[name] : null,
    heading: seen.heading,
  };
}

/** What the element shows, as `named` gives it (read through its open shadow root). */
export async function elementState(page, host = 'twitch-triage') {
  const seen = await page.evaluate((sel) => {
    const root = document.querySelector(sel)?.shadowRoot;
    return {
      question: root?.querySelector('form h2')?.textContent ?? null,
      triage: root?.querySelector('.banner h2')?.textContent ?? null,
      explanation: root?.querySelector('.explanations h3')?.textContent ?? null,
      heading: root?.querySelector('h2')?.textContent ?? null,
      result: !!root?.querySelector('.actions'),
    };
  }, host);
  return named(seen);
}

/**
 * Answers question `q` (shown now) with the keyboard only: Tab through the
 * controls, Space to tick, arrow keys to choose a radio, typing for numbers,
 * Enter on "Continue". `answer` is as `wanted` gives it (ids, "none", "?").
 * `keyboard` is what presses the keys, whichever the driver:
 * `press(key)` with Playwright's names ("Tab", "Space", "ArrowDown",
 * "Enter", "Control+A"), `type(text)`, and `focused()` as `focusedInPage`
 * gives it (`pageKeyboard` for Playwright's page; tests/browsers/ has one
 * for WebDriver).
 */
export async function answerWithKeys(keyboard, answer, q) {
  const given = Array.isArray(answer) ? answer : [answer];
  const want = q && q.kind !== 'number' ? given.map((v) => place(q, v)) : given;
  for (let i = 0; i < 40; i++) {
    await keyboard.press('Tab');
    const a = await keyboard.focused();
    if (a.tag === 'INPUT' && a.type === 'checkbox') {
      if (want.includes(a.value) !== a.checked) await keyboard.press('Space');
    } else if (a.tag === 'INPUT' && a.type === 'radio') {
      for (let k = 0; k < 12 && (await keyboard.focused()).value !== want[0]; k++) await keyboard.press('ArrowDown');
      const b = await keyboard.focused();
      assert.equal(b.value, want[0], 'the wanted radio is reachable with the arrow keys');
      if (!b.checked) await keyboard.press('Space');
    } else if (a.tag === 'INPUT') {
      await keyboard.press('Control+A');
      await keyboard.type(want[0]);
    } else if (a.tag === 'BUTTON' && a.type === 'submit') {
      await keyboard.press('Enter');
      return;
    }
  }
  const last = await keyboard.focused();
  throw new Error(`Continue was not reached with Tab (focus on <${last.host}>, ${last.tag} ${last.type})`);
}

/** Playwright's keyboard on `page`, for `answerWithKeys`. */
export const pageKeyboard = (page) => ({
  press: (key) => page.keyboard.press(key),
  type: (text) => page.keyboard.type(text),
  focused: () => focused(page),
});

/** `answerWithKeys` on a Playwright page. */
export const answerWithKeyboard = (page, answer, q) => answerWithKeys(pageKeyboard(page), answer, q);

/**
 * Runs worked case `c` to the result with the keyboard only (each question
 * answered as `wanted` gives it); returns what the result screen shows.
 * Fails after 25 questions.
 */
export async function interviewByKeyboard(page, c) {
  await page.locator('twitch-triage form').waitFor();
  for (let n = 0; n < 25; n++) {
    const s = await elementState(page);
    if (s.triage) return s;
    await answerWithKeyboard(page, wanted(c, questions.get(s.question)), questions.get(s.question));
    await page.locator('twitch-triage h2').first().waitFor();
  }
  throw new Error(`${c.id}: no result after 25 questions`);
}

/**
 * The colour on screen at one CSS pixel of the page (document coordinates),
 * as [r, g, b]: a 1x1 screenshot of the full page, its PNG decoded here
 * (for one pixel every PNG filter leaves the bytes as they are).
 */
export async function pixel(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 }, fullPage: true, scale: 'css' });
  assert.equal(png.readUInt32BE(16), 1, 'a one-pixel screenshot');
  const idat = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const row = inflateSync(Buffer.concat(idat));
  return [row[1], row[2], row[3]];
}

/**
 * The demo site and Chromium for a test file: started before its tests,
 * closed after them. Read `.server` and `.browser` inside the tests.
 */
export function siteAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await site();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export { launch };
