// The example apps (examples/apps/) as a new user would run them: the
// package packed once, installed with React, Vue, Svelte, Next.js, Angular,
// webpack and esbuild into one shared npm workspace (a temporary copy of
// examples/apps/, each app's `twitch-triage` pointed at the tarball), and
// each app's own npm scripts run: its dev server, started and stopped here,
// and its production build (which type-checks where the app has types:
// tsc, vue-tsc, svelte-check, next build, ng build), served as it would be.
// In Chromium, each runs an interview to the result in Spanish, switched to
// English halfway, with the number 911 the app set as a property, and shows
// the level its handler got from the completion event; no page error.
// The framework declarations are checked here too: vue-tsc and svelte-check
// on a file each of right and wrong uses (tests/apps/types/).
//
//   node --test tests/apps/     (after `npm run build`; about 5 minutes on 2 cores,
//                               1.5 of them the install)
//
// TWITCH_TRIAGE_APPS_DIR=<dir> keeps the install in <dir> and reuses it while
// the tarball, the apps' package.json files and this file are the same (for
// working on the apps; CI installs afresh).

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { serve } from '../../scripts/serve.mjs';
import { caseById, elementState, inspectable, launch, option, questions, wanted } from '../e2e/helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const examples = join(root, 'examples', 'apps');

/**
 * What browsers download from a Next.js build: the wasm and the packs, and
 * no path of the machine that built it (a bundler that resolved
 * import.meta.url at build time would write file:///…/element.js there).
 */
function nextBuilt(dir) {
  const files = walk(join(dir, '.next', 'static'));
  // (A content hash may hold '-': Turbopack's did once the wasm changed.)
  const wasm = files.filter((f) => f.endsWith('.wasm')).map((f) => relative(join(dir, '.next', 'static'), f));
  assert.equal(wasm.filter((f) => /twitch_triage_element_bg[.-][\w-]+\.wasm$/.test(f)).length, 1, `the element's wasm is emitted: ${wasm}`);
  assert.equal(wasm.filter((f) => /twitch_triage_fhir[.-][\w-]+\.wasm$/.test(f)).length, 1, `the FHIR export's wasm is emitted: ${wasm}`);
  assert.equal(files.filter((f) => f.endsWith('.txt')).length, 3, 'the three packs are emitted');
  for (const f of files) {
    const text = readFileSync(f, 'latin1');
    for (const path of [ws, pathToFileURL(ws).href, encodeURIComponent(ws)]) assert.ok(!text.includes(path), `${relative(dir, f)} names the build's folder (${path})`);
  }
}

// Each app: its folder, how its dev server takes a port, and where its
// production build is (a folder to serve, or `start`: a server of its own).
const APPS = [
  { name: 'react', dev: (port) => ['run', 'dev', '--', '--port', port, '--strictPort', '--host', '127.0.0.1'], dist: 'dist' },
  { name: 'vue', dev: (port) => ['run', 'dev', '--', '--port', port, '--strictPort', '--host', '127.0.0.1'], dist: 'dist' },
  { name: 'svelte', dev: (port) => ['run', 'dev', '--', '--port', port, '--strictPort', '--host', '127.0.0.1'], dist: 'dist' },
  {
    name: 'next',
    dev: (port) => ['run', 'dev', '--', '--port', port, '--hostname', '127.0.0.1'],
    start: (port) => ['run', 'start', '--', '--port', port, '--hostname', '127.0.0.1'],
    built: nextBuilt,
  },
  // The same app with webpack instead of Turbopack (both ship with Next.js 16).
  {
    name: 'next --webpack',
    dir: 'next',
    dev: (port) => ['run', 'dev', '--', '--webpack', '--port', port, '--hostname', '127.0.0.1'],
    build: ['run', 'build', '--', '--webpack'],
    start: (port) => ['run', 'start', '--', '--port', port, '--hostname', '127.0.0.1'],
    built: nextBuilt,
  },
  // angular.json copies the element's files from node_modules/twitch-triage/dist,
  // where a standalone app has them; in this workspace npm hoists the package
  // to the workspace's node_modules, so the app's own node_modules links to it.
  { name: 'angular', dev: (port) => ['run', 'start', '--', '--port', port, '--host', '127.0.0.1'], dist: join('dist', 'browser'), linked: true },
  { name: 'webpack', dev: (port) => ['run', 'dev', '--', '--port', port, '--host', '127.0.0.1'], dist: 'dist' },
  { name: 'esbuild', dev: (port) => ['run', 'dev'], env: (port) => ({ PORT: port }), dist: 'public' },
];

// Quiet, colourless tools (under CI=true Vite colours its output), no
// telemetry or update checks.
const ENV = {
  ...process.env,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  NEXT_TELEMETRY_DISABLED: '1',
  NG_CLI_ANALYTICS: 'false',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);
const timings = [];
const timed = async (what, run) => {
  const since = Date.now();
  try {
    return await run();
  } finally {
    timings.push(`${what}: ${seconds(since)} s`);
  }
};

function sh(cmd, args, cwd, env = ENV) {
  try {
    return execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (e) {
    throw new Error(`${cmd} ${args.join(' ')} in ${cwd} failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/** Every file below `dir`. */
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

// What installs and builds make in an app's folder.
const MADE = ['node_modules', 'dist', '.next', '.angular', join('public', 'build'), 'next-env.d.ts'];

/** The apps' files into `to`, where no earlier build's output is left. */
function copyApps(to) {
  for (const app of APPS) for (const m of MADE.slice(1)) rmSync(join(to, app.dir ?? app.name, m), { recursive: true, force: true });
  const made = (f) => {
    const [, ...inApp] = relative(examples, f).split(sep);
    return f.split(sep).includes('node_modules') || MADE.some((m) => inApp.join(sep) === m) || relative(examples, f) === 'package-lock.json';
  };
  cpSync(examples, to, { recursive: true, filter: (f) => !made(f) });
}

let work;
let ws;

before(async () => {
  work = process.env.TWITCH_TRIAGE_APPS_DIR ?? mkdtempSync(join(tmpdir(), 'twitch-triage-apps-'));
  mkdirSync(work, { recursive: true });
  const [packed] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', work], root));
  const tarball = join(work, packed.filename);
  ws = join(work, 'apps');
  const packages = [...new Set(APPS.map((a) => join(a.dir ?? a.name, 'package.json')))];
  const stamp = createHash('sha256')
    .update(readFileSync(tarball))
    .update(packages.concat('package.json').map((p) => readFileSync(join(examples, p), 'utf8')).join('\n'))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex');
  const stampFile = join(ws, 'node_modules', '.twitch-triage-apps-stamp');
  const fresh = !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp;
  if (fresh) rmSync(ws, { recursive: true, force: true });
  copyApps(ws);
  // Each app's twitch-triage is the tarball (the apps say ^0.1.0, as a user's would).
  for (const p of packages) {
    const file = join(ws, p);
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    pkg.dependencies['twitch-triage'] = `file:${relative(dirname(file), tarball)}`;
    writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
  }
  cpSync(join(root, 'tests', 'apps', 'types'), join(ws, 'types'), { recursive: true });
  if (fresh) {
    await timed('npm install (one workspace, every app)', async () => sh('npm', ['install', '--no-audit', '--no-fund'], ws));
    writeFileSync(stampFile, stamp);
  }
  for (const app of APPS.filter((a) => a.linked)) {
    const link = join(ws, app.name, 'node_modules', 'twitch-triage');
    mkdirSync(dirname(link), { recursive: true });
    rmSync(link, { force: true });
    symlinkSync(relative(dirname(link), join(ws, 'node_modules', 'twitch-triage')), link);
  }
});

after(() => {
  console.log(`timings:\n  ${timings.join('\n  ')}`);
  if (!process.env.TWITCH_TRIAGE_APPS_DIR) rmSync(work, { recursive: true, force: true });
});

/** A free TCP port on localhost. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(String(port)));
    });
  });
}

/**
 * Starts `npm <args>` in `cwd` in a process group of its own, and waits (at
 * most `limit` seconds) until it answers on `port` with 200. Resolves to
 * its URL and `stop`, which ends the whole group and waits for it to exit.
 */
async function server(args, cwd, port, { env = {}, limit = 120 } = {}) {
  const child = spawn('npm', args, { cwd, env: { ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  let gone = false;
  exited.then(() => (gone = true));
  const stop = async () => {
    if (!gone) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const late = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }, 5000);
      await exited;
      clearTimeout(late);
    }
  };
  const url = `http://127.0.0.1:${port}/`;
  const until = Date.now() + limit * 1000;
  for (;;) {
    if (gone) throw new Error(`npm ${args.join(' ')} exited (${await exited}):\n${output}`);
    if (Date.now() > until) {
      await stop();
      throw new Error(`npm ${args.join(' ')} did not answer at ${url} within ${limit} s:\n${output}`);
    }
    const ok = await fetch(url, { signal: AbortSignal.timeout(60000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// dev-18: 33, one calf twitches on and off for two days, nothing else.
const CASE = caseById('dev-18');
const SWITCH_AFTER = 3;

/**
 * Opens the app at `url` and runs the interview of CASE to its result:
 * in Spanish (the app's lang), switched to English with the app's language
 * choice after SWITCH_AFTER questions. Checks what the app's bindings did.
 */
async function interview(url, what) {
  const context = await browser.newContext({ locale: 'en', viewport: { width: 1280, height: 900 } });
  // The element's root is closed; the test opens it to read the screen.
  await inspectable(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The element's own reports (a file it could not load, a value it could
  // not use) are errors; every console message and failed request is said
  // when something fails.
  const said = [];
  page.on('console', (m) => {
    if (!['warning', 'error'].includes(m.type())) return;
    said.push(`${m.type()}: ${m.text()}`);
    if (m.text().startsWith('<twitch-triage>')) errors.push(m.text());
  });
  page.on('response', (r) => r.status() >= 400 && said.push(`${r.status()} ${r.url()}`));
  page.on('requestfailed', (r) => said.push(`${r.failure()?.errorText} ${r.url()}`));
  try {
    await page.goto(url);
    const w = page.locator('twitch-triage');
    // The first screens of a dev server are compiled on request (Next, Angular).
    await w
      .locator('form h2')
      .waitFor({ timeout: 60000 })
      .catch((e) => {
        throw new Error(`${what}: the element did not start (${e.message})\n${errors.concat(said).join('\n')}`);
      });
    assert.equal(await w.locator('.progress').textContent(), 'Pregunta 1', `${what}: lang="es" from the app`);
    // (A server-rendered app sets the property once it is hydrated, which in
    // a dev server may be after the element's first screen.)
    await w.locator('.emergency-line', { hasText: '911' }).waitFor({ timeout: 15000 }).catch(() => {});
    const line = await w.locator('.emergency-line').textContent();
    assert.match(line, /llame ahora al 911\./, `${what}: emergencyNumber 911 from the app (${line})`);
    let asked = 0;
    for (let n = 0; n < 30; n++) {
      const s = await elementState(page);
      if (s.triage) break;
      assert.ok(s.question && !s.question.startsWith('unknown'), `${what}: a question or the result (${s.question})`);
      if (asked === SWITCH_AFTER) {
        await page.locator('#lang').selectOption('en');
        await page.waitForFunction(() => /^Question /.test(document.querySelector('twitch-triage').shadowRoot.querySelector('.progress')?.textContent));
      }
      const q = questions.get(s.question);
      const heading = await w.locator('form h2').textContent();
      const answer = wanted(CASE, q);
      if (q.kind === 'number') await w.locator('input.number').fill(answer);
      else for (const v of [answer].flat()) await w.locator(option(q, v)).check();
      await w.locator('button[type=submit]').click();
      asked++;
      await page.waitForFunction(
        (h) => {
          const r = document.querySelector('twitch-triage').shadowRoot;
          return r.querySelector('.actions') || r.querySelector('form h2')?.textContent !== h;
        },
        heading,
      );
    }
    const result = await elementState(page);
    assert.equal(result.triage, CASE.expect.triage, `${what}: the level on screen`);
    assert.match(await w.locator('.banner h2').textContent(), /^[A-Z]/, `${what}: the result in English`);
    await page.locator('#result', { hasText: 'Result:' }).waitFor({ timeout: 5000 });
    assert.equal(await page.locator('#result').textContent(), `Result: ${CASE.expect.triage}`, `${what}: the app's handler got the level`);
    // "Download for your doctor": the FHIR export's wasm, the one file loaded
    // only now, was emitted (or copied) too.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), w.locator('[data-action=download]').click()]).catch((e) => {
      throw new Error(`${what}: no file for a doctor (${e.message})\n${errors.concat(said).join('\n')}`);
    });
    const bundle = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(bundle.resourceType, 'Bundle', `${what}: the file for a doctor`);
    assert.deepEqual(errors, [], `${what}: page errors`);
    return asked;
  } finally {
    await context.close();
  }
}

for (const app of APPS) {
  describe(app.name, () => {
    const dir = () => join(ws, app.dir ?? app.name);

    test(`${app.name}: the dev server`, async () => {
      const port = await freePort();
      const since = Date.now();
      const dev = await server(app.dev(port), dir(), port, { env: app.env?.(port) });
      const up = seconds(since);
      try {
        const asked = await interview(dev.url, `${app.name} dev`);
        timings.push(`${app.name} dev: ${seconds(since)} s (server up in ${up} s, ${asked} questions)`);
      } finally {
        await dev.stop();
      }
    });

    test(`${app.name}: the production build`, async () => {
      const since = Date.now();
      sh('npm', app.build ?? ['run', 'build'], dir());
      const built = seconds(since);
      app.built?.(dir());
      let url;
      let stop;
      if (app.start) {
        const port = await freePort();
        ({ url, stop } = await server(app.start(port), dir(), port));
      } else {
        const s = await serve({ dir: join(dir(), app.dist) });
        url = s.url + '/';
        stop = () => s.close();
      }
      try {
        await interview(url, `${app.name} build`);
        timings.push(`${app.name} build: ${seconds(since)} s (built in ${built} s)`);
      } finally {
        await stop();
      }
    });
  });
}

describe('types', () => {
  // Each file uses the element rightly and wrongly; every wrong use is
  // marked as an expected error, which fails the check when it is not one.
  const bin = (name) => join(ws, 'node_modules', '.bin', name);

  test('vue-tsc (strict, strictTemplates): twitch-triage/vue types <twitch-triage> in a template and rejects its wrong uses', () => {
    const since = Date.now();
    sh(bin('vue-tsc'), ['-p', 'tsconfig.json'], join(ws, 'types', 'vue'));
    timings.push(`vue-tsc: ${seconds(since)} s`);
  });

  test('svelte-check (strict): twitch-triage/svelte types <twitch-triage> in markup and rejects its wrong uses', () => {
    const since = Date.now();
    sh(bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'machine'], join(ws, 'types', 'svelte'));
    timings.push(`svelte-check: ${seconds(since)} s`);
  });
});
