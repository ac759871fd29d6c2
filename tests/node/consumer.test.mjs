// A real consumer of the package: `npm pack`, install the tarball into a
// fresh project without network, import it from Node, and build minimal
// apps that import the API and the element with Vite 7, webpack 5, esbuild
// and Rollup 4. The builds must succeed, contain the wasm, and run in
// Chromium.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { integrity } from '../../scripts/build.mjs';
import { serve, STRICT_CSP } from '../../scripts/serve.mjs';
import { caseById, interviewByKeyboard } from '../e2e/helpers.mjs';
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

/**
 * Serves a built app, opens it in Chromium, waits for `ready` (a function
 * run in the page), checks that no script error happened, then runs `check`.
 */
async function openBuilt(dist, ready, check, headers = () => ({})) {
  const server = await serve({ dir: dist, headers });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url + '/');
    await page.waitForFunction(ready, null, { timeout: 10000 });
    assert.deepEqual(errors, []);
    await check(page, server);
  } finally {
    await browser.close();
    await server.close();
  }
}

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

test('CommonJS code can require() the installed package (Node 20.19 or later)', () => {
  // The Node entries are ES modules without top-level await, which Node's
  // require() of ES modules loads; the types and the classes are the same.
  writeFileSync(
    join(app, 'check.cjs'),
    `const { classify, Interview, TwitchTriageError } = require('twitch-triage');
const es = require('twitch-triage/es');
let error = '';
try { classify({ weakness: 'yes' }); } catch (e) { error = e instanceof TwitchTriageError ? e.kind + ' ' + e.key : 'other'; }
console.log(JSON.stringify({
  triage: classify({ weakness: true }).triage,
  question: new Interview({ lang: 'es' }).next().text,
  error,
  shared: es.classify === classify,
}));
`,
  );
  const out = JSON.parse(sh('node', ['check.cjs'], app));
  assert.deepEqual(out, {
    triage: 'urgent',
    question: 'Primero: ¿tiene ahora alguno de estos problemas, o lo ha tenido hoy?',
    error: 'wrong_type weakness',
    shared: true,
  });
});

test('the element entry imports in Node, as in server-side rendering: it defines nothing, loads nothing and throws nothing', () => {
  writeFileSync(
    join(app, 'check-ssr.mjs'),
    `const element = await import('twitch-triage/element');
console.log(JSON.stringify({ exports: Object.keys(element), memory: element.memoryBytes(), dom: typeof globalThis.customElements }));
`,
  );
  const out = JSON.parse(sh('node', ['check-ssr.mjs'], app));
  assert.deepEqual(out, { exports: ['memoryBytes'], memory: 0, dom: 'undefined' });
});

test('one language only: twitch-triage/es from Node, its default language, and a second entry', () => {
  writeFileSync(
    join(app, 'check-es.mjs'),
    `import { classify, Interview, knowledge, TwitchTriageError } from 'twitch-triage/es';
const f = { age: 34, movement: 'flicker', body_areas: ['eyelid'] };
const out = { name: classify(f).explanations[0].name, question: new Interview().next().text, lang: knowledge().lang };
try { classify(f, { lang: 'en' }); } catch (e) { out.error = [e instanceof TwitchTriageError, e.kind, e.key, e.message]; }
const en = await import('twitch-triage/en');
out.same = en.classify === classify;
out.en = classify(f, { lang: 'en' }).explanations[0].name;
out.stillEs = classify(f).explanations[0].name;
console.log(JSON.stringify(out));
`,
  );
  const out = JSON.parse(sh('node', ['check-es.mjs'], app));
  assert.equal(out.name, 'Temblor del párpado');
  assert.equal(out.question, 'Primero: ¿tiene ahora alguno de estos problemas, o lo ha tenido hoy?');
  assert.equal(out.lang, 'es');
  assert.deepEqual(out.error.slice(0, 3), [true, 'unsupported_language', 'lang']);
  assert.match(out.error[3], /loaded \(es\).*"twitch-triage\/en"/);
  assert.equal(out.same, true, 'both entries share one module');
  assert.equal(out.en, 'Eyelid twitching');
  assert.equal(out.stillEs, 'Temblor del párpado', 'the first entry\'s language stays the default');
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
  await openBuilt(
    join(app, 'dist'),
    () => document.getElementById('out').textContent !== 'loading',
    async (page) => assert.equal(await page.textContent('#out'), 'Harmless everyday twitching'),
  );
});

test('a Vite 7 app that imports twitch-triage/en bundles the English texts only', async () => {
  const one = join(work, 'one');
  mkdirSync(one);
  writeFileSync(join(one, 'package.json'), JSON.stringify({ name: 'consumer-one', private: true, type: 'module' }, null, 2));
  sh('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], one);
  writeFileSync(
    join(one, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>one language</title></head>
<body><p id="out">loading</p><script type="module" src="/main.js"></script></body></html>`,
  );
  writeFileSync(
    join(one, 'main.js'),
    `import { classify } from 'twitch-triage/en';
document.getElementById('out').textContent = classify({ age: 30, movement: 'flicker' }).explanations[0].name;
`,
  );
  sh('node', [vite, 'build', '--logLevel', 'warn'], one);
  const assets = readdirSync(join(one, 'dist', 'assets'));
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(one, 'dist', 'assets', f), 'utf8')).join('\n');
  assert.ok(js.includes('twitch-triage texts 2 en '), 'the English pack is in the bundle');
  for (const l of ['es', 'zh-Hant']) assert.ok(!js.includes(`twitch-triage texts 2 ${l} `), `the ${l} pack is not`);
  const all = readdirSync(join(app, 'dist', 'assets')).filter((f) => f.endsWith('.js'));
  const allBytes = all.reduce((t, f) => t + readFileSync(join(app, 'dist', 'assets', f)).length, 0);
  console.log(`bundle JS: ${(js.length / 1024).toFixed(1)} KB with twitch-triage/en, ${(allBytes / 1024).toFixed(1)} KB with every language`);
  assert.ok(js.length < allBytes / 2, 'well under half the JavaScript of the every-language bundle');
  await openBuilt(
    join(one, 'dist'),
    () => document.getElementById('out').textContent !== 'loading',
    async (page) => assert.equal(await page.textContent('#out'), 'Harmless everyday twitching'),
  );
});

test('a Vite 7 app that imports the element builds, and the element starts in the page language under the strict CSP', async () => {
  // The element finds its wasm and its language packs (modules of one string)
  // through `new URL(..., import.meta.url)`, which the bundler must follow.
  const dir = join(app, 'element');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>element consumer</title></head>
<body><twitch-triage shadow-root="open"></twitch-triage><script type="module" src="/main.js"></script></body></html>`,
  );
  writeFileSync(join(dir, 'main.js'), `import 'twitch-triage/element';\n`);
  sh('node', [vite, 'build', '--logLevel', 'warn'], dir);
  const assets = readdirSync(join(dir, 'dist', 'assets'));
  // The element's wasm, and the FHIR export's, which it loads only for "Download for your doctor".
  assert.deepEqual(assets.filter((f) => f.endsWith('.wasm')).map((f) => f.split('-')[0]).sort(), ['twitch_triage_element_bg', 'twitch_triage_fhir'], `the two wasm assets in ${assets}`);

  await openBuilt(
    join(dir, 'dist'),
    () => performance.getEntriesByName('twitch-triage-ready').length > 0,
    async (page, server) => {
      // (shadow-root="open": the host opted into a root its scripts can read.)
      const heading = await page.evaluate(() => document.querySelector('twitch-triage').shadowRoot.querySelector('h2').textContent);
      assert.match(heading, /¿/, `a Spanish first question: ${heading}`);
      // Only the Spanish pack was loaded, from the app's own assets.
      const packs = server.requests.map((r) => r.path).filter((p) => /\/(en|es|zh-Hant)-[\w-]+\.txt$/.test(p));
      assert.equal(packs.length, 1, `one language pack: ${packs}`);
      assert.match(packs[0], /\/assets\/es-/);
      assert.ok(!server.requests.some((r) => r.path.includes('fhir')), 'the FHIR export is not loaded with the element');
    },
    () => ({ 'content-security-policy': STRICT_CSP }),
  );
});

test('the Vite 7 dev server with the README\'s one line (optimizeDeps.exclude) serves an app whose element starts', async () => {
  // Vite's dev server pre-bundles dependencies into .vite/deps/, where the
  // element's `new URL('./…', import.meta.url)` no longer finds its files.
  const dir = join(app, 'element-dev');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>dev</title></head>
<body><twitch-triage shadow-root="open"></twitch-triage><script type="module" src="/main.js"></script></body></html>`,
  );
  writeFileSync(join(dir, 'main.js'), `import 'twitch-triage/element';\n`);
  const start = async (config) => {
    writeFileSync(join(dir, 'vite.config.js'), config);
    const { spawn } = await import('node:child_process');
    const port = 41000 + Math.floor(Math.random() * 2000);
    // (NO_COLOR: under CI=true Vite colours its output, and "Local:" is split by escapes.)
    const child = spawn('node', [vite, '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--force'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    await new Promise((ready, fail) => {
      const timer = setTimeout(() => {
        child.kill();
        fail(new Error('the Vite dev server did not start in 30 s'));
      }, 30000);
      child.stdout.on('data', (d) => /Local/.test(d) && (clearTimeout(timer), ready()));
      child.on('exit', (code) => fail(new Error(`vite exited ${code}`)));
    });
    return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
  };
  const browser = await launch();
  try {
    for (const [config, works] of [
      ['export default {};\n', false],
      ["export default { optimizeDeps: { exclude: ['twitch-triage'] } };\n", true],
    ]) {
      const server = await start(config);
      try {
        const page = await browser.newPage();
        await page.goto(server.url);
        const started = await page
          .waitForFunction(() => document.querySelector('twitch-triage')?.shadowRoot?.querySelector('form h2'), null, { timeout: 15000 })
          .then(() => true, () => false);
        console.log(`vite dev, ${config.trim()}: ${started ? 'the element started' : 'the element did not start'}`);
        assert.equal(started, works, config);
        await page.close();
      } finally {
        server.stop();
      }
    }
  } finally {
    await browser.close();
  }
});

/** A page that loads `script` and shows the element in Spanish, its root open for the check. */
function elementPage(dir, script) {
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>element consumer</title></head>
<body><twitch-triage shadow-root="open"></twitch-triage><script type="module" src="${script}"></script></body></html>`,
  );
}

/** The element in `dir` starts in Spanish (its texts and its wasm found), under the strict CSP. */
async function assertElementStarts(dir, what) {
  await openBuilt(
    dir,
    () => performance.getEntriesByName('twitch-triage-ready').length > 0,
    async (page) => {
      const heading = await page.evaluate(() => document.querySelector('twitch-triage').shadowRoot.querySelector('h2').textContent);
      assert.match(heading, /¿/, `${what}: a Spanish first question: ${heading}`);
    },
    () => ({ 'content-security-policy': STRICT_CSP }),
  );
}

test('webpack 5 bundles an app that imports the element with no configuration: the wasm and the packs are emitted, and it starts', async () => {
  const dir = join(app, 'element-webpack');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src', 'index.js'), `import 'twitch-triage/element';\n`);
  const webpack = join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  // webpack's defaults, with only where to write.
  writeFileSync(join(dir, 'webpack.config.js'), `export default { mode: 'production', output: { path: ${JSON.stringify(join(dir, 'dist'))}, filename: 'main.js' } };\n`);
  sh('node', [webpack, 'build', '--no-stats'], dir);
  const emitted = readdirSync(join(dir, 'dist'));
  assert.equal(emitted.filter((f) => f.endsWith('.wasm')).length, 2, `the element's and the FHIR export's wasm emitted: ${emitted}`);
  assert.equal(emitted.filter((f) => f.endsWith('.txt')).length, 3, `the packs emitted: ${emitted}`);
  elementPage(join(dir, 'dist'), '/main.js');
  await assertElementStarts(join(dir, 'dist'), 'webpack');
});

test('esbuild bundles an app that imports the element, with the README\'s copy step for the wasm and the packs', async () => {
  const dir = join(app, 'element-esbuild');
  mkdirSync(join(dir, 'out'), { recursive: true });
  writeFileSync(join(dir, 'main.js'), `import 'twitch-triage/element';\n`);
  const { buildSync } = await import('esbuild');
  buildSync({ entryPoints: [join(dir, 'main.js')], bundle: true, format: 'esm', outfile: join(dir, 'out', 'main.js'), absWorkingDir: dir, logLevel: 'error' });
  // The copy step (esbuild emits no assets): the files element.js loads, next to the bundle.
  const pkg = join(app, 'node_modules', 'twitch-triage', 'dist');
  for (const f of ['twitch_triage_element_bg.wasm', 'twitch_triage_fhir.wasm']) cpSync(join(pkg, f), join(dir, 'out', f));
  cpSync(join(pkg, 'lang'), join(dir, 'out', 'lang'), { recursive: true });
  elementPage(join(dir, 'out'), '/main.js');
  await assertElementStarts(join(dir, 'out'), 'esbuild');
});

/**
 * Bundles `dir`/main.js with Rollup's JavaScript API (the project's own
 * install, as for esbuild) into `dir`/`out`, resolving the package from
 * `dir` with @rollup/plugin-node-resolve, and with the README's one plugin
 * for the files the package references by `new URL('./…', import.meta.url)`
 * when `assets`. Returns the files written, relative to `out`, and Rollup's
 * warnings.
 */
async function rollupBuild(dir, out, assets) {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const { importMetaAssets } = await import('@web/rollup-plugin-import-meta-assets');
  const warnings = [];
  const bundle = await rollup({
    input: join(dir, 'main.js'),
    plugins: [nodeResolve(), ...(assets ? [importMetaAssets()] : [])],
    onwarn: (w) => warnings.push(`${w.code}: ${w.message}`),
  });
  const { output } = await bundle.write({ dir: join(dir, out), format: 'es', entryFileNames: 'main.js' });
  await bundle.close();
  return { files: output.map((o) => o.fileName).sort(), warnings };
}

/** Each of `files` (relative to `dir`) by its SHA-384 digest, as an SRI value. */
const byDigest = (dir, files) => new Map(files.map((f) => [integrity(join(dir, f)), f]));

test('Rollup 4 with the README\'s one plugin (@web/rollup-plugin-import-meta-assets) bundles the element: the wasm and the packs are emitted unchanged, and an interview runs to the result', async () => {
  const started = performance.now();
  const dir = join(app, 'element-rollup');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.js'), `import 'twitch-triage/element';\n`);
  // Rollup alone emits no asset: the element would fetch files that are not there.
  const bare = await rollupBuild(dir, 'bare', false);
  assert.deepEqual(bare.files, ['main.js'], 'without the plugin, only the script');

  const { files, warnings } = await rollupBuild(dir, 'out', true);
  assert.deepEqual(warnings, [], 'no warning');
  const out = join(dir, 'out');
  // Every file element.js pins (its wasm, the FHIR export's and the three
  // packs) is emitted byte for byte: its digest is the one element.js checks.
  const pinned = JSON.parse(readFileSync(join(app, 'node_modules', 'twitch-triage', 'dist', 'integrity.json'), 'utf8'));
  delete pinned['element.js'];
  const emitted = byDigest(out, files.filter((f) => f !== 'main.js'));
  for (const [file, digest] of Object.entries(pinned)) assert.ok(emitted.has(digest), `${file} emitted unchanged: ${files}`);
  assert.equal(emitted.size, Object.keys(pinned).length, `nothing else emitted: ${files}`);
  const asset = (file) => emitted.get(pinned[file]);

  elementPage(out, '/main.js');
  await openBuilt(
    out,
    () => performance.getEntriesByName('twitch-triage-ready').length > 0,
    async (page, server) => {
      // dev-18: 33, one calf twitches on and off for two days, nothing else.
      const c = caseById('dev-18');
      const result = await interviewByKeyboard(page, c);
      assert.equal(result.triage, c.expect.triage, 'the level on screen');
      // "Download for your doctor": the FHIR export's wasm, loaded only now.
      const w = page.locator('twitch-triage');
      const [download] = await Promise.all([page.waitForEvent('download'), w.locator('[data-action=download]').click()]);
      assert.equal(JSON.parse(readFileSync(await download.path(), 'utf8')).resourceType, 'Bundle', 'the file for a doctor');
      // What was loaded: the emitted files, fetched against their digests
      // (a file that differed would have been refused: no interview).
      const loaded = server.requests.map((r) => r.path.slice(1)).filter((p) => p.startsWith('assets/'));
      assert.deepEqual(loaded.sort(), [asset('lang/es.txt'), asset('twitch_triage_element_bg.wasm'), asset('twitch_triage_fhir.wasm')].sort(), 'the Spanish pack and the two wasm files');
    },
    () => ({ 'content-security-policy': STRICT_CSP }),
  );
  console.log(`Rollup, the element: ${((performance.now() - started) / 1000).toFixed(1)} s`);
});

test('Rollup 4 bundles the npm API (import { classify, Interview } from \'twitch-triage\'), the wasm emitted unchanged, and it runs', async () => {
  const started = performance.now();
  const dir = join(app, 'api-rollup');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'main.js'),
    `import { classify, Interview } from 'twitch-triage';
const iv = new Interview({ lang: 'es' });
const r = classify({ age: 34, movement: 'flicker', body_areas: ['eyelid'] });
document.getElementById('out').textContent = JSON.stringify({ first: r.explanations[0].id, question: iv.next().text });
`,
  );
  const { files, warnings } = await rollupBuild(dir, 'out', true);
  assert.deepEqual(warnings, [], 'no warning');
  const out = join(dir, 'out');
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm emitted: ${files}`);
  assert.equal(integrity(join(out, wasm[0])), integrity(join(app, 'node_modules', 'twitch-triage', 'dist', 'twitch_triage_bg.wasm')), 'the wasm unchanged (index.js checks its digest)');
  const js = readFileSync(join(out, 'main.js'), 'utf8');
  for (const l of ['en', 'es', 'zh-Hant']) assert.ok(js.includes(`twitch-triage texts 2 ${l} `), `the ${l} pack is in the bundle`);
  writeFileSync(
    join(out, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>api consumer</title></head>
<body><p id="out">loading</p><script type="module" src="/main.js"></script></body></html>`,
  );
  await openBuilt(
    out,
    () => document.getElementById('out').textContent !== 'loading',
    async (page, server) => {
      assert.deepEqual(JSON.parse(await page.textContent('#out')), {
        first: 'eyelid_twitch',
        question: 'Primero: ¿tiene ahora alguno de estos problemas, o lo ha tenido hoy?',
      });
      assert.ok(server.requests.some((r) => r.path === `/${wasm[0]}`), 'the emitted wasm was loaded');
    },
    () => ({ 'content-security-policy': STRICT_CSP }),
  );
  console.log(`Rollup, the npm API: ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
