// The benchmark: every figure measured in one run, printed as one table and
// written into BENCHMARKS.md. Run it with `npm run bench` (which builds the
// package first).
//
//   - classify through the npm package in Node, per call (median, p99);
//   - the peers on the same cases: json-rules-engine with rules generated
//     from the knowledge base, and a plain-JavaScript port (bench/peer.mjs);
//   - native Rust (divan): classify, and a whole interview;
//   - start-up in headless Chromium: navigation to the first question
//     rendered and focusable, and to the frame that paints it, median of
//     20 loads (each in a new context, started once the browser is idle),
//     next to a blank page;
//   - WebAssembly linear memory over 1,000 interviews in one page;
//   - the size of every shipped file, raw, gzip and brotli.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve, STRICT_CSP } from '../scripts/serve.mjs';
import { elementSizes, sizes } from '../scripts/build.mjs';
import { ELEMENT_BUDGET_GZIP } from '../scripts/dist.mjs';
import { inspectable } from '../tests/e2e/helpers.mjs';
import { launch } from '../tests/node/browser.mjs';
import { withBeyondSpec } from '../tests/node/vignettes.mjs';
import { plainJs, rulesEngine } from './peer.mjs';
import { writeSection } from './markers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const rows = [];
const row = (group, what, figure, note = '') => {
  rows.push({ group, what, figure, note });
  console.log(`  ${what}: ${figure}${note ? ` (${note})` : ''}`);
};
const us = (x) => `${x.toFixed(2)} µs`;
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p25: at(0.25), p75: at(0.75), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length, n: s.length };
}

// With the answers their stories give to what the questionnaire asks beyond
// the spec, as the tests read them: without them our result is "not fully
// screened" (R9), and the peers, whose rules are two-valued, disagree.
const cases = withBeyondSpec(JSON.parse(readFileSync(join(root, 'tests', 'vignettes', 'dev.json'), 'utf8')));
const model = JSON.parse(execFileSync('cargo', ['xtask', 'model'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 }));

// ------------------------------------------------------------------ Node
console.log('\nclassify in Node, per call');
const { classify } = await import(join(root, 'dist', 'node.js'));
const engine = rulesEngine(model);
const plain = plainJs(model);

// The peers must give the same answers before their speed means anything.
let agree = 0;
for (const c of cases) {
  const ours = classify(c.findings);
  const a = await engine(c.findings);
  const b = plain(c.findings);
  const same = (p) => p.triage === ours.triage && p.explanations[0] === ours.explanations[0].id;
  if (same(a) && same(b)) agree++;
  else console.log(`  peers disagree on ${c.id}: ours ${ours.triage}/${ours.explanations[0].id}, engine ${a.triage}/${a.explanations[0]}, plain ${b.triage}/${b.explanations[0]}`);
}

// Per-call times, appended to `t`.
function timeSync(fn, rounds, t) {
  for (let r = 0; r < rounds; r++)
    for (const c of cases) {
      const t0 = process.hrtime.bigint();
      fn(c.findings);
      t.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
}
async function timeAsync(fn, rounds, t) {
  for (let r = 0; r < rounds; r++)
    for (const c of cases) {
      const t0 = process.hrtime.bigint();
      await fn(c.findings);
      t.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
}
// Warm-up, then the three in turn, in blocks: a drift of the machine's speed
// during the run (this machine's can change by half within minutes) then
// moves all three alike instead of one of them, and the ratio is also given
// block by block.
for (let r = 0; r < 20; r++) for (const c of cases) classify(c.findings), plain(c.findings);
for (let r = 0; r < 10; r++) for (const c of cases) await engine(c.findings);
const blocks = 5;
const rounds = quick ? 10 : 100; // per block
const perCall = { ours: [], jre: [], js: [] };
const blockRatios = [];
for (let b = 0; b < blocks; b++) {
  const [o, j] = [perCall.ours.length, perCall.jre.length];
  timeSync(classify, rounds, perCall.ours);
  await timeAsync(engine, rounds / 5, perCall.jre);
  timeSync(plain, rounds, perCall.js);
  blockRatios.push(stats(perCall.jre.slice(j)).median / stats(perCall.ours.slice(o)).median);
}
const ours = stats(perCall.ours);
const jre = stats(perCall.jre);
const js = stats(perCall.js);
const blockRatio = stats(blockRatios);
row('Speed (Node 20, per call, 38 vignettes)', 'classify, npm package (wasm, boundary included)', `median ${us(ours.median)}, p99 ${us(ours.p99)}`, `${ours.n} calls; goal p99 < 50 µs`);
row('Speed (Node 20, per call, 38 vignettes)', 'peer: json-rules-engine + JS scoring', `median ${us(jre.median)}, p99 ${us(jre.p99)}`, `${jre.n} calls; ${(jre.median / ours.median).toFixed(1)}x slower than classify (median; block by block ${Math.min(...blockRatios).toFixed(1)}x to ${Math.max(...blockRatios).toFixed(1)}x, median ${blockRatio.median.toFixed(1)}x), goal >= 20x`);
row('Speed (Node 20, per call, 38 vignettes)', 'peer: plain JavaScript port', `median ${us(js.median)}, p99 ${us(js.p99)}`, `${js.n} calls; ratio to classify ${(js.median / ours.median).toFixed(2)} (median)`);
row('Speed (Node 20, per call, 38 vignettes)', 'peers agree with classify', `${agree}/${cases.length}`, 'same triage and first explanation');

// ------------------------------------------------------------------ native
console.log('\nnative Rust (divan)');
const divan = execFileSync('cargo', ['bench', '--quiet', '--profile', 'speed', '--bench', 'core'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
// Each divan sample is a whole pass over the vignettes; the table gives the
// time per vignette (the pass divided by their number).
const perCase = (text) => {
  const [, n, unit] = text.match(/^([\d.]+)\s*(ns|µs|ms|s)$/);
  return (Number(n) * { ns: 1e-3, µs: 1, ms: 1e3, s: 1e6 }[unit]) / cases.length;
};
for (const [name, label] of [
  ['classify_all', 'classify (native)'],
  ['interview_all', 'whole interview, next/answer to the end (native)'],
]) {
  const line = divan.split('\n').find((l) => l.includes(name));
  const cols = line.split('│').map((x) => x.trim());
  const fastest = perCase(cols[0].replace(/.*\s(\S+\s\S+)$/, '$1'));
  row('Speed (native Rust, divan)', label, `median ${us(perCase(cols[2]))} per vignette`,
    `each sample a pass over the ${cases.length} vignettes; fastest pass ${us(fastest)}, mean ${us(perCase(cols[3]))} per vignette`);
}

// ------------------------------------------------------------------ browser
console.log('\nheadless Chromium');
const server = await serve({
  dirs: [join(root, 'www'), join(root, 'bench', 'pages'), join(root, 'tests')],
  headers: () => ({ 'content-security-policy': STRICT_CSP }),
});
const browser = await launch();
// Chromium sets up each new window (one fresh context per load, so that every
// load is a first visit) with work of its own: a trace shows the omnibox
// popup's WebUI loading over 400 chrome:// resources, and the browser's
// processes keep both cores busy for 0.6-0.8 s. A person's browser did that
// long before they opened the page, and the page competed with it for the
// two cores (a blank page's load event took 49-58 ms instead of about 30).
// So each load starts once the browser's processes are idle: less than 5 ms
// of CPU in 100 ms (at most 5 s).
const browserCdp = await browser.newBrowserCDPSession();
const cpuSeconds = async () => (await browserCdp.send('SystemInfo.getProcessInfo')).processInfo.reduce((t, p) => t + p.cpuTime, 0);
const settled = [];
async function untilIdle() {
  const started = Date.now();
  let last = await cpuSeconds();
  while (Date.now() - started < 5000) {
    await new Promise((done) => setTimeout(done, 100));
    const now = await cpuSeconds();
    if (now - last < 0.005) break;
    last = now;
  }
  settled.push(Date.now() - started);
}
try {
  const loads = 20;
  // The demo page, and for context the same element alone on a bare page and
  // an empty module script (what any element loaded as a module costs here).
  const pages = { blank: 'blank.html', floor: 'floor.html', bare: 'bare.html', demo: '' };
  const t = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
  const demoLoad = [];
  // Where the demo page's time goes: when each file the element needs has
  // arrived (Resource Timing), against the first question being ready.
  const arrived = { 'element.js': [], 'twitch_triage_element_bg.wasm': [], 'en.txt': [] };
  // "Ready" is when the first question is in the element's shadow root; a
  // person sees it once the browser has painted the next frame. The harness
  // (not the page) marks that: it wraps performance.mark so that the element's
  // ready mark requests an animation frame at once, and the task queued from
  // that frame's callback runs after the frame's style, layout and paint.
  const painted = { demo: [], bare: [] };
  const PAINTED = () => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      if (name === 'twitch-triage-ready') requestAnimationFrame(() => setTimeout(() => mark('bench-painted')));
      return mark(name, ...rest);
    };
  };
  for (let i = 0; i < loads; i++) {
    for (const [name, path] of Object.entries(pages)) {
      const context = await browser.newContext();
      if (name in painted) await context.addInitScript(PAINTED);
      // The demo page's element keeps its shadow root closed (SAFETY H18): open
      // it for the harness, to reach the input.
      if (name === 'demo') await inspectable(context);
      const p = await context.newPage();
      await untilIdle();
      // Left alone until it has loaded and painted: the driver's own scripts
      // (injected when it first evaluates anything) would otherwise compete
      // with the page's first frames on the main thread.
      await p.goto(`${server.url}/${path}`, { waitUntil: 'commit' });
      await new Promise((done) => setTimeout(done, 500));
      await p.waitForLoadState('load');
      if (name === 'blank') {
        t.blank.push(await p.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
      } else {
        await p.waitForFunction(() => performance.getEntriesByName('twitch-triage-ready').length > 0);
        const r = await p.evaluate(() => {
          const el = document.querySelector('twitch-triage');
          const input = el?.shadowRoot.querySelector('form input');
          input?.focus();
          return {
            ready: performance.getEntriesByName('twitch-triage-ready')[0].startTime,
            load: performance.getEntriesByType('navigation')[0].loadEventEnd,
            focusable: !el || el.shadowRoot.activeElement === input,
            arrived: Object.fromEntries(performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), e.responseEnd])),
          };
        });
        if (!r.focusable) throw new Error('the first question is not focusable');
        t[name].push(r.ready);
        if (name in painted) {
          await p.waitForFunction(() => performance.getEntriesByName('bench-painted').length > 0);
          painted[name].push(await p.evaluate(() => performance.getEntriesByName('bench-painted')[0].startTime));
        }
        if (name === 'demo') {
          demoLoad.push(r.load);
          for (const [file, at] of Object.entries(arrived)) at.push(r.arrived[file] ?? NaN);
        }
      }
      await context.close();
    }
  }
  const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, stats(v).median]));
  const S = 'Start-up (headless Chromium, localhost, strict CSP)';
  row(S, 'blank page: load event', ms(m.blank), `median of ${loads}; each load in a new browser context, started once the browser was idle (median wait ${ms(stats(settled).median)} after opening the page)`);
  row(S, 'demo page: first question rendered and focusable', ms(m.demo), `median of ${loads}; the page's own load event at ${ms(stats(demoLoad).median)}`);
  row(S, 'difference (demo page - blank page)', ms(m.demo - m.blank), 'goal <= 50 ms');
  // The same difference taken within each round (the pages load one after
  // the other), which the machine's drift between rounds does not move.
  const minusBlank = (times) => stats(times.map((d, i) => d - t.blank[i]));
  const paired = minusBlank(t.demo);
  row(S, 'difference, paired (median over rounds of demo - blank)', ms(paired.median), `p25 ${ms(paired.p25)}, p75 ${ms(paired.p75)}`);
  const shown = stats(painted.demo).median;
  row(S, 'demo page: first question painted (the frame after ready)', `${ms(shown)} (+${ms(shown - m.blank)})`, `median of ${loads}; paired +${ms(minusBlank(painted.demo).median)}`);
  row(
    S,
    'demo page: when the element\'s files have arrived',
    Object.entries(arrived).map(([file, at]) => `${file} ${ms(stats(at).median)}`).join(', '),
    `medians; then the module runs, the wasm is instantiated, the texts installed and the first question rendered (ready at ${ms(m.demo)})`,
  );
  const bareShown = stats(painted.bare).median;
  row(S, 'for context: the element alone on a bare page', `${ms(m.bare)} (+${ms(m.bare - m.blank)})`, `first question rendered and focusable; painted at ${ms(bareShown)} (+${ms(bareShown - m.blank)})`);
  row(S, 'for context: an empty module script', `${ms(m.floor)} (+${ms(m.floor - m.blank)})`, 'the least any element loaded as a module costs on this machine');

  for (const [page, label] of [
    ['memory-api.html', 'npm package: 1,000 interviews (new Interview ... free())'],
    ['memory-element.html', 'element: 1,000 interviews on its screens, "Start again" between'],
  ]) {
    const context = await browser.newContext();
    const p = await context.newPage();
    const t0 = Date.now();
    const errors = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(`${server.url}/${page}`);
    const done = await p.waitForFunction(() => window.__memory, null, { timeout: 600000, polling: 500 }).catch((e) => e);
    if (done instanceof Error) {
      row('Memory (WebAssembly linear memory, one page)', label, 'failed', `${errors.join('; ') || done.message}`.slice(0, 200));
      await context.close();
      continue;
    }
    const m = await p.evaluate(() => window.__memory);
    const growth = m[1000] - m[10];
    row(
      'Memory (WebAssembly linear memory, one page)',
      label,
      `after 1: ${kb(m[1])}, 10: ${kb(m[10])}, 100: ${kb(m[100])}, 500: ${kb(m[500])}, 1,000: ${kb(m[1000])}`,
      `growth after the first 10: ${kb(growth)}; ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// ------------------------------------------------------------------ size
console.log('\nsizes');
const s = sizes(join(root, 'dist'));
for (const f of s.rows.filter((r) => !r.file.endsWith('.d.ts'))) {
  row('Size (dist/, every shipped file)', f.file, `${kb(f.raw)} raw, ${kb(f.gzip)} gzip, ${kb(f.brotli)} brotli`);
}
const e = elementSizes(s.rows);
row('Size (dist/, every shipped file)', 'element code: wasm + JS + CSS, every language supported, no texts', `${kb(e.code.gzip)} gzip, ${kb(e.code.brotli)} brotli`, 'the texts come as one language pack per page (below)');
row('Size (dist/, every shipped file)', 'element as a page loads it (wasm + JS + CSS + largest language pack)', `${kb(e.page.gzip)} gzip, ${kb(e.page.brotli)} brotli`, `goal <= 45 KB gzip; CI fails over ${ELEMENT_BUDGET_GZIP / 1024} KB`);
row('Size (dist/, every shipped file)', 'element with all three languages', `${kb(e.all.gzip)} gzip`, 'languages load on demand, one per page');
const sum = (list, k) => list.reduce((t, r) => t + r[k], 0);
row('Size (dist/, every shipped file)', 'total of dist/ (without .d.ts)', `${kb(sum(s.rows.filter((r) => !r.file.endsWith('.d.ts')), 'raw'))} raw, ${kb(sum(s.rows.filter((r) => !r.file.endsWith('.d.ts')), 'gzip'))} gzip`);

// ------------------------------------------------------------------ table
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const rustc = execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim();
// (Debian's chromium wrapper script prints a harmless shell warning on stderr.)
const chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const header = `Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; Node ${process.version}; ${rustc}; ${chromium}.`;
let table = '| group | measure | figure | note |\n|---|---|---|---|\n';
for (const r of rows) table += `| ${r.group} | ${r.what} | ${r.figure} | ${r.note} |\n`;
console.log(`\n${header}\n\n${table}`);

if (!quick) writeSection('bench', `${header} Measured ${new Date().toISOString().slice(0, 10)}.\n\n${table}`);
