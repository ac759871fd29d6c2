// Time from "Continue" to the next question painted: the interaction a
// person feels. Whole interviews (the spec's 38 worked cases, answered as
// the simulated person of tests/e2e answers them) on the article page in
// Debian's Chromium, clicking "Continue" with the mouse. For each click:
// from the click event's timestamp to the first frame painted after the new
// screen is in place (a requestAnimationFrame, then a task: the standard
// "next paint" measure). Median and p95, written into BENCHMARKS.md
// between its interaction markers. Part of `npm run bench`;
// `node bench/interaction.mjs --quick` runs 5 interviews and prints only.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from '../scripts/serve.mjs';
import { writeSection } from './markers.mjs';
import { launch } from '../tests/node/browser.mjs';
import { inspectable, option, questions, vignettes, wanted, widgetState } from '../tests/e2e/helpers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const cases = quick ? vignettes.slice(0, 5) : vignettes;

const server = await serve({ dirs: [join(root, 'www')] });
const browser = await launch();
const samples = [];
try {
  const context = await browser.newContext({ locale: 'en', viewport: { width: 1280, height: 900 } });
  // (The bench reads the screen, so the page's shadow roots are opened.)
  await inspectable(context);
  await context.addInitScript(() => {
    // The time of each click on "Continue", and of the next paint after the
    // screen it leads to.
    window.__paints = [];
    document.addEventListener(
      'click',
      (e) => {
        const start = e.timeStamp;
        const root = document.querySelector('twitch-triage')?.shadowRoot;
        if (!root || !e.composedPath().some((n) => n.dataset?.action === 'continue')) return;
        const before = root.querySelector('h2');
        new MutationObserver((_, observer) => {
          if (root.querySelector('h2') === before) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => window.__paints.push(performance.now() - start)));
        }).observe(root, { childList: true, subtree: true });
      },
      true,
    );
  });
  const page = await context.newPage();
  for (const c of cases) {
    await page.goto(`${server.url}/article.html`);
    const w = page.locator('twitch-triage');
    await w.locator('form').waitFor();
    for (let n = 0; n < 25; n++) {
      const s = await widgetState(page);
      if (s.triage) break;
      const q = questions.get(s.question);
      const answer = wanted(c, q);
      if (q.kind === 'number') await w.locator('input.number').fill(answer);
      else for (const v of Array.isArray(answer) ? answer : [answer]) await w.locator(option(q, v)).check();
      const count = await page.evaluate(() => window.__paints.length);
      await w.locator('[data-action=continue]').click();
      await page.waitForFunction((k) => window.__paints.length > k, count);
    }
    samples.push(...(await page.evaluate(() => window.__paints.splice(0))));
  }
} finally {
  await browser.close();
  await server.close();
}

samples.sort((a, b) => a - b);
const at = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
const ms = (x) => `${x.toFixed(1)} ms`;
const chromium = (await import('node:child_process')).execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const text =
  `${chromium}, the article page at 1280 px, ${cases.length} whole interviews (the spec's worked cases), ${samples.length} clicks on "Continue". Measured ${new Date().toISOString().slice(0, 10)}.\n\n` +
  `| from "Continue" to the next question painted | median | p95 | max |\n|---|---|---|---|\n| | ${ms(at(0.5))} | ${ms(at(0.95))} | ${ms(samples.at(-1))} |\n`;
console.log(text);
if (!quick) writeSection('interaction', text);
