// The printed summary, for a clinic (issue 35): interviews run to their
// result in English, Spanish and Chinese on the demo pages (routine, urgent
// and emergency results; one on a dark-coloured screen, one on a long
// article), then printed as the element's Print button prints them, in
// Debian's Chromium:
// - a picture of the print preview at A4 size (test-results/print/);
// - a real PDF on A4 paper (page.pdf, also in test-results/print/) that
//   must be exactly one page;
// - the printed text must carry the date, the questionnaire's version
//   (KB_VERSION, read from the built element), the level and its reason,
//   every answer the result screen shows and the disclaimer; no control
//   (button, back link), nothing of the host page and no pale text is
//   printed; and the page is as it was once printed.
// A long interview (as many boxes ticked as it takes) is printed too, and
// its pages counted.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { artifacts, caseById, elementState, open, option, questions, root, settle, siteAndBrowser, wanted } from './helpers.mjs';

const env = siteAndBrowser();
const { Interview, knowledge } = await import(join(root, 'dist', 'node.js'));

// The knowledge base's version, as the build put it into the element (never
// a literal here): the package's version, "+kb." and 8 hex digits.
const PACKAGE_VERSION = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const KB_VERSION = readFileSync(join(root, 'dist', 'twitch_triage_element_bg.wasm'))
  .toString('latin1')
  .match(/\d+\.\d+\.\d+\+kb\.[0-9a-f]{8}/)?.[0];

// A UI text as kb/ui.toml has it (a TOML basic string on one line).
const UI = readFileSync(join(root, 'kb', 'ui.toml'), 'utf8');
const ui = (key, lang) => JSON.parse(UI.match(new RegExp(`^${key}\\.${lang} = (".*")$`, 'm'))[1]);

// What the printer gets: A4, with margins as Chromium's print dialog has
// them by default (0.4 inch).
const A4 = { format: 'A4', margin: { top: '0.4in', right: '0.4in', bottom: '0.4in', left: '0.4in' } };
// The same page on screen, in CSS pixels (96 per inch): 210 x 297 mm less the margins.
const A4_PREVIEW = { width: Math.round((210 / 25.4 - 0.8) * 96), height: Math.round((297 / 25.4 - 0.8) * 96) };

/** The number of pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
function pdfPages(pdf) {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/** The API's form of an answer as `wanted` gives it for the screen. */
function apiAnswer(q, v) {
  switch (q.kind) {
    case 'checklist':
    case 'many':
      return v.filter((x) => x !== 'none');
    case 'yesno':
      return v === 'yes';
    case 'number':
      return v === '' ? null : Number(v);
    default:
      return v === '?' ? null : v;
  }
}

/**
 * Runs the interview on the page with clicks, answering each question shown
 * with `answerOf(question)` (as `wanted` gives it), to the result. Returns
 * the answers given, in the API's form, in the order asked.
 */
async function interview(page, answerOf) {
  const w = page.locator('twitch-triage');
  const given = [];
  for (let n = 0; n < 30; n++) {
    const s = await elementState(page);
    if (s.triage) return given;
    assert.ok(s.question, 'a question or the result is shown');
    const q = questions.get(s.question);
    const a = answerOf(q);
    assert.ok(a !== undefined, `an answer to ${q.id}`);
    if (q.kind === 'number') await w.locator('input.number').fill(a);
    else for (const v of [a].flat()) await w.locator(option(q, v)).check();
    given.push([q.id, apiAnswer(q, a)]);
    // (The element renders the next screen in the click's handler.)
    await w.locator('button[type=submit]').click();
    assert.equal(await w.locator('.error-summary').count(), 0, `the answer to ${q.id} was taken`);
  }
  throw new Error('no result after 30 questions');
}

/**
 * Presses the element's Print button, then sets the page up again as the
 * element had set it up when it called the browser's `print()` (its
 * document stylesheet that leaves only the element, and its marker),
 * caught by a stand-in for `print()`: headless Chromium's own would keep
 * the page "being printed", and page.pdf() prints the page as it is.
 */
async function pressPrint(page) {
  await page.evaluate(() => {
    window.print = () => {
      window.__printing = {
        sheets: [...document.adoptedStyleSheets],
        marked: [...document.querySelectorAll('[data-twitch-triage-printing]')],
      };
    };
  });
  const own = await page.evaluate(() => document.adoptedStyleSheets.length);
  await page.locator('twitch-triage [data-action=print]').click();
  // Once printed, the page is as it was: its own print prints it all.
  const after = await page.evaluate(() => ({
    sheets: document.adoptedStyleSheets.length,
    marked: document.querySelectorAll('[data-twitch-triage-printing]').length,
  }));
  assert.deepEqual(after, { sheets: own, marked: 0 }, 'after printing, the page has its own style sheets back, and no marker');
  const marked = await page.evaluate(() => {
    const p = window.__printing;
    if (!p) return -1;
    document.adoptedStyleSheets = p.sheets;
    for (const e of p.marked) e.setAttribute('data-twitch-triage-printing', '');
    return p.marked.length;
  });
  assert.equal(marked, 1, 'print() was called, with the element marked for printing');
  await page.emulateMedia({ media: 'print' });
}

/** What is printed of the element (its text, as laid out for print), and what is printed that should not be. */
function printed(page) {
  return page.evaluate(() => {
    const r = document.querySelector('twitch-triage').shadowRoot;
    const shown = (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    return {
      text: r.querySelector('.tt').innerText,
      controls: [...r.querySelectorAll('button, textarea, input, [role=status]')]
        .filter(shown)
        .map((e) => `<${e.localName} ${e.className}> ${e.textContent}`),
      // Text in a light colour (a dark theme's), which paper would lose.
      pale: [...r.querySelectorAll('.tt *')]
        .filter((e) => shown(e) && [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
        .filter((e) => Math.max(...getComputedStyle(e).color.match(/\d+/g).slice(0, 3).map(Number)) > 0x70)
        .map((e) => `<${e.localName} ${e.className}> ${getComputedStyle(e).color}`),
      // Anything of the host page around the element.
      page: [...document.body.querySelectorAll('*')]
        .filter((e) => e.localName !== 'twitch-triage' && !e.closest('twitch-triage') && !e.contains(document.querySelector('twitch-triage')))
        .filter(shown)
        .map((e) => e.localName),
    };
  });
}

/**
 * Prints the result shown on `page`: a picture of the print preview at A4
 * size, the PDF, and the checks every printed summary must pass. Returns the
 * number of pages.
 */
async function printAndCheck(page, lang, given, name) {
  const w = page.locator('twitch-triage');
  // What the result screen shows, and what the core says about it.
  const shown = await page.evaluate(() => {
    const r = document.querySelector('twitch-triage').shadowRoot;
    const all = (sel) => [...r.querySelectorAll(sel)].map((e) => e.textContent);
    return { questions: all('.answers dt'), answers: all('.answers dd'), disclaimer: all('.disclaimer')[0] };
  });
  const iv = new Interview({ lang });
  for (const [id, v] of given) iv.answer(id, v);
  const result = iv.result();
  iv.free();
  assert.equal((await elementState(page)).triage, result.triage, 'the element and the API agree');
  assert.equal(shown.answers.length, given.length, 'every answer is on the result screen');
  const k = knowledge({ lang });
  const level = k.levels.find((l) => l.id === result.triage);
  // The level's reason, as the result screen gives it: the advice of the
  // rules that set it (each says why), or the first explanation, whose
  // usual level it is.
  const rules = result.rules.filter((r) => r.level === result.triage).map((r) => k.rules.find((x) => x.id === r.id).advice);
  const reason = rules.length ? rules : [result.explanations[0].name];
  if (!rules.length) assert.equal(result.explanations[0].level, result.triage, 'no rule: the first explanation set the level');

  const today = () => page.evaluate((l) => new Date().toLocaleDateString(l, { dateStyle: 'long' }), lang);
  const before = await today();
  await pressPrint(page);

  // (a) The print preview at A4 size.
  const size = page.viewportSize();
  await page.setViewportSize(A4_PREVIEW);
  const dir = join(artifacts, 'print');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  const height = await page.evaluate(() => document.querySelector('twitch-triage').getBoundingClientRect().height);
  console.log(`${name}: the printed summary is ${Math.round(height)} px high, ${Math.round((100 * height) / A4_PREVIEW.height)}% of an A4 page`);
  // (b) A real PDF on A4 paper.
  const pdf = await page.pdf(A4);
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  const pages = pdfPages(pdf);
  // (c) What is printed.
  const p = await printed(page);
  const dates = [before, await today()];
  const sep = ui('label_separator', lang);
  const want = {
    title: ui('summary_title', lang),
    date: dates.map((d) => `${ui('date', lang)}${sep}${d}`),
    version: `${ui('version', lang)}${sep}${KB_VERSION}`,
    level: level.title,
    disclaimer: ui('disclaimer', lang),
  };
  const text = p.text.replace(/\s+/g, ' ');
  const has = (s) => text.includes(s.replace(/\s+/g, ' '));
  assert.ok(has(want.title), `the title (${name}): ${text}`);
  assert.ok(want.date.some(has), `the date, ${want.date[0]} (${name}): ${text}`);
  assert.ok(has(want.version), `the version, ${want.version} (${name}): ${text}`);
  assert.ok(has(want.level), `the level, ${want.level} (${name}): ${text}`);
  if (result.triage === 'emergency') {
    const call = ui('call_now', lang).replace('{number}', '112');
    assert.ok(has(call), `the number to call, ${call} (${name}): ${text}`);
  }
  for (const r of reason) assert.ok(has(r), `the level's reason, ${r} (${name}): ${text}`);
  shown.questions.forEach((q, i) => {
    assert.ok(has(q), `the question ${q} (${name})`);
    assert.ok(has(shown.answers[i]), `the answer to ${q}: ${shown.answers[i]} (${name})`);
  });
  assert.equal(shown.disclaimer, want.disclaimer);
  assert.ok(has(want.disclaimer), `the disclaimer (${name}): ${text}`);
  assert.deepEqual(p.controls, [], `no control is printed (${name})`);
  assert.deepEqual(p.pale, [], `all text is dark on the white paper (${name})`);
  assert.deepEqual(p.page, [], `nothing of the host page is printed (${name})`);
  // On screen, the printed header stays hidden: the result screen is as it was.
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(size);
  assert.equal(await w.locator('.print-head').isVisible(), false, 'the printed header is not on screen');
  return pages;
}

test('the knowledge base version is in the built element', () => {
  assert.ok(KB_VERSION, 'a version in twitch_triage_element_bg.wasm');
  assert.ok(KB_VERSION.startsWith(`${PACKAGE_VERSION}+kb.`), `${KB_VERSION} is the package's version ${PACKAGE_VERSION} and the kb's fingerprint`);
});

test('the PDF page count counts page objects, not the page tree', () => {
  const pdf = (n) => Buffer.from(`<< /Type /Pages /Count ${n} >>${'<< /Type /Page /Parent 1 0 R >>'.repeat(n)}<</Type/Page>>`, 'latin1');
  assert.equal(pdfPages(pdf(1)), 2);
  assert.equal(pdfPages(pdf(3)), 4);
  assert.equal(pdfPages(Buffer.from('<< /Type /Pages /Count 0 >>')), 0);
});

// A typical interview: a routine result (stress, twitches in three places
// for weeks) in English and Spanish; an urgent one (a rule sets the level)
// in Chinese, on a screen in dark colours. And an emergency in Spanish, the
// longest language, whose early result leaves many questions open.
const typical = [
  ['dev-17', 'en', '/'],
  ['dev-17', 'es', '/lang-es.html'],
  ['dev-34', 'zh-Hant', '/lang-zh.html', 'dark'],
  ['dev-31', 'es', '/lang-es.html'],
];
for (const [id, lang, path, colorScheme = 'light'] of typical) {
  test(`${caseById(id).expect.triage} result, printed on one A4 page (${id}, ${lang}): ${caseById(id).story}`, async () => {
    const { context, page, log } = await open(env.browser, env.server.url + path, { colorScheme });
    try {
      await page.locator('twitch-triage form').waitFor();
      await settle(page, log);
      const c = caseById(id);
      const given = await interview(page, (q) => wanted(c, q));
      const pages = await printAndCheck(page, lang, given, `${id}-${lang}`);
      console.log(`${id} (${lang}): ${given.length} answers, printed on ${pages} A4 page(s)`);
      assert.equal(pages, 1, `${id} (${lang}): one A4 page`);
    } finally {
      await context.close();
    }
  });
}

test('on a long health article, only the summary is printed: one page, no blank pages after it', async () => {
  const { context, page, log } = await open(env.browser, `${env.server.url}/article.html`);
  try {
    await page.locator('twitch-triage form').waitFor();
    await settle(page, log);
    // The article goes on for pages after the questionnaire.
    await page.evaluate(() => {
      const article = document.querySelector('article');
      for (let i = 0; i < 120; i++) {
        const p = document.createElement('p');
        p.textContent = `Paragraph ${i + 1} of the article: most twitches are harmless and settle by themselves.`;
        article.append(p);
      }
    });
    const c = caseById('dev-18');
    const given = await interview(page, (q) => wanted(c, q));
    const pages = await printAndCheck(page, 'en', given, 'dev-18-en-article');
    console.log(`dev-18 (en) on a long article: ${given.length} answers, printed on ${pages} A4 page(s)`);
    assert.equal(pages, 1, 'one A4 page, with no blank pages of the hidden article after it');
  } finally {
    await context.close();
  }
});

/**
 * A long interview: as many boxes ticked as the interview takes without an
 * emergency result (which would end the questions early), yes to every
 * yes-or-no question that leaves it so, the first of each single choice.
 * Worked out on the npm API's interview, which asks the element's
 * questions in the same order; returns the answers by question, as
 * `wanted` gives them for the screen.
 */
function longInterview() {
  const iv = new Interview({ lang: 'en' });
  const emergency = (id, a) => {
    iv.answer(id, a);
    const e = iv.result().triage === 'emergency';
    iv.back();
    return e;
  };
  const answers = new Map();
  for (let q = iv.next(); q; q = iv.next()) {
    let a;
    let screen;
    if (q.kind === 'checklist' || q.kind === 'many') {
      // Every option, less the fewest (from the first) that make it an emergency.
      a = q.options.map((o) => o.value);
      while (a.length && emergency(q.id, a)) a = a.slice(1);
      screen = a.length ? a : ['none'];
    } else if (q.kind === 'number') {
      [a, screen] = [45, '45'];
    } else if (q.kind === 'yesno') {
      a = !emergency(q.id, true);
      screen = a ? 'yes' : 'no';
    } else {
      [a, screen] = [q.options[0].value, q.options[0].value];
    }
    iv.answer(q.id, a);
    answers.set(q.id, screen);
  }
  iv.free();
  return answers;
}

test('a long interview, as many boxes ticked as it takes: everything printed; its pages counted', async () => {
  const { context, page, log } = await open(env.browser, `${env.server.url}/`);
  try {
    await page.locator('twitch-triage form').waitFor();
    await settle(page, log);
    const answers = longInterview();
    const given = await interview(page, (q) => answers.get(q.id));
    const ticked = [...answers.values()].filter(Array.isArray).flat().filter((v) => v !== 'none').length;
    const pages = await printAndCheck(page, 'en', given, 'long-en');
    console.log(`long interview (en): ${given.length} answers, ${ticked} boxes ticked, printed on ${pages} A4 page(s)`);
    assert.ok(given.length >= 12 && ticked >= 25, `a long interview: ${given.length} answers, ${ticked} ticked`);
    assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  } finally {
    await context.close();
  }
});
