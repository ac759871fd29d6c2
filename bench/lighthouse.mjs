// Lighthouse 12.2 on the demo page and the article page, mobile and desktop,
// served as a site would serve them (gzip, scripts/serve.mjs), in Debian's
// Chromium: the four category scores and every scored audit that is not
// perfect, written into BENCHMARKS.md between its lighthouse markers.
// Part of `npm run bench`; `node bench/lighthouse.mjs --quick` prints only.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { serve } from '../scripts/serve.mjs';
import { writeSection } from './markers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lighthouse = join(root, 'node_modules', '.bin', 'lighthouse');
const version = JSON.parse(readFileSync(join(root, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
const quick = process.argv.includes('--quick');
const FLAGS = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

const server = await serve({ dir: join(root, 'www') });
const out = mkdtempSync(join(tmpdir(), 'twitch-triage-lighthouse-'));
const rows = [];
try {
  for (const [name, path] of [
    ['demo page', '/'],
    ['article page', '/article.html'],
  ]) {
    for (const form of ['mobile', 'desktop']) {
      const report = join(out, 'report.json');
      // (Not execFileSync: the server runs in this process and must answer.)
      await promisify(execFile)(
        lighthouse,
        [`${server.url}${path}`, '--quiet', `--chrome-flags=${FLAGS}`, '--output=json', `--output-path=${report}`, ...(form === 'desktop' ? ['--preset=desktop'] : [])],
        { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, timeout: 240_000 },
      );
      const r = JSON.parse(readFileSync(report, 'utf8'));
      const score = (id) => Math.round(r.categories[id].score * 100);
      const below = Object.entries(r.audits)
        .filter(([, a]) => a.score !== null && a.score < 1 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode))
        .map(([id, a]) => `${id} ${a.displayValue ?? a.score}`);
      const metric = (id) => r.audits[id].displayValue;
      rows.push(
        `| ${name} | ${form} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} | ` +
          `${metric('first-contentful-paint')}, ${metric('largest-contentful-paint')}, CLS ${metric('cumulative-layout-shift')} | ${below.join('; ') || 'none'} |`,
      );
    }
  }
} finally {
  await server.close();
  rmSync(out, { recursive: true, force: true });
}

const table =
  `Lighthouse ${version}, Debian's Chromium, the pages served with gzip by scripts/serve.mjs. Measured ${new Date().toISOString().slice(0, 10)}.\n\n` +
  '| page | form factor | performance | accessibility | best practices | SEO | FCP, LCP, CLS | scored audits below 1 |\n|---|---|---|---|---|---|---|---|\n' +
  `${rows.join('\n')}\n`;
console.log(table);
if (!quick) writeSection('lighthouse', table);
