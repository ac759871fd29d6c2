// A real consumer of the package: `npm pack`, install the tarball into a
// fresh project without network, import it from Node, and build a minimal
// Vite 7 app that imports it. The build must succeed and contain the wasm.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { serve } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
let work;
let tarball;
let app;

function sh(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'twitch-triage-consumer-'));
  const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', work], root));
  tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  console.log(`packed ${packed[0].filename}: ${files.length} files, ${packed[0].size} bytes`);
  assert.ok(files.includes('dist/twitch_triage_bg.wasm'), 'the tarball ships the wasm');
  assert.ok(files.includes('dist/index.d.ts'));
  assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('target/')), 'only dist/ is shipped');

  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }, null, 2));
  // --offline: the tarball has no dependencies, so nothing may be fetched.
  sh('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], app);
});

after(() => rmSync(work, { recursive: true, force: true }));

test('the installed package imports from Node with no init call', () => {
  writeFileSync(
    join(app, 'check.mjs'),
    `import { classify, Interview, TwitchTriageError } from 'twitch-triage';
const r = classify({ age: 34, movement: 'flicker', body_areas: ['eyelid'] });
const iv = new Interview();
let error = '';
try { classify({ age: 500 }); } catch (e) { error = e instanceof TwitchTriageError ? e.kind : 'other'; }
console.log(JSON.stringify({ first: r.explanations[0].id, question: iv.next().id, error }));
`,
  );
  const out = JSON.parse(sh('node', ['check.mjs'], app));
  assert.deepEqual(out, { first: 'eyelid_twitch', question: 'emergency_signs', error: 'out_of_range' });
});

test('a Vite 7 app that imports the package builds, with the wasm in the bundle, and runs', async () => {
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consumer</title></head>
<body><p id="out">loading</p><script type="module" src="/main.js"></script></body></html>`,
  );
  writeFileSync(
    join(app, 'main.js'),
    `import { classify } from 'twitch-triage';
document.getElementById('out').textContent = classify({ age: 30, movement: 'flicker' }).explanations[0].name;
`,
  );
  const log = sh('node', [vite, 'build', '--logLevel', 'info'], app);
  console.log(log.trim().split('\n').slice(-6).join('\n'));
  const assets = readdirSync(join(app, 'dist', 'assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm asset in ${assets}`);
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(app, 'dist', 'assets', f), 'utf8')).join('\n');
  assert.ok(js.includes(wasm[0]), 'the bundle refers to the wasm asset');
  assert.equal(readFileSync(join(app, 'dist', 'assets', wasm[0])).subarray(0, 4).toString('hex'), '0061736d', 'a real wasm file');

  // And the built app really runs: the bundler kept the module's instantiation.
  const server = await serve({ dir: join(app, 'dist') });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url + '/');
    await page.waitForFunction(() => document.getElementById('out').textContent !== 'loading', null, { timeout: 10000 });
    assert.deepEqual(errors, []);
    assert.equal(await page.textContent('#out'), 'Harmless everyday twitching');
  } finally {
    await browser.close();
    await server.close();
  }
});
