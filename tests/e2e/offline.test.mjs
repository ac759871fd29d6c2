// The private page offline (www/app.html, www/sw.js; SAFETY H27), in
// Chromium under the strict CSP (with manifest-src 'self' for its manifest):
// after one visit it opens and runs with the network off (the browser's own
// offline emulation), an interview completes, and the only things stored
// are the page's own files; a new version replaces the old one whole (its
// own cache, the old one deleted, never a mix); the demo page registers
// nothing.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { serve, STRICT_CSP } from '../../scripts/serve.mjs';
import { CHEST_PAIN, inspectable, launch, root } from './helpers.mjs';

const CSP = `${STRICT_CSP}; manifest-src 'self'`;
// A copy of www/ whose files the test can change (a new version).
const site = mkdtempSync(join(tmpdir(), 'twitch-triage-offline-'));
let server;
let browser;
before(async () => {
  cpSync(join(root, 'www'), site, { recursive: true, filter: (f) => !f.includes('vite-example') });
  server = await serve({ dir: site, headers: () => ({ 'content-security-policy': CSP }) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

/** The page's caches: their names and every URL in them (paths). */
const stored = (page) =>
  page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
    return out;
  });

/** Waits (15 s at most) until `check` (async, run in the page) is true: waitForFunction does not await a promise. */
async function until(page, check, arg) {
  for (const start = Date.now(); !(await page.evaluate(check, arg)); ) {
    if (Date.now() - start > 15000) throw new Error(`timed out waiting for ${check}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens app.html and waits until its worker controls it with its files cached. */
async function visit(page) {
  await page.goto(`${server.url}/app.html`);
  await until(page, async () => {
    const keys = await caches.keys();
    return !!navigator.serviceWorker.controller && keys.length === 1 && (await (await caches.open(keys[0])).keys()).length === 11;
  });
}

test('after one visit the private page opens and runs offline, and stores only its own files', async () => {
  const context = await browser.newContext({ locale: 'en' });
  await inspectable(context);
  try {
    const page = await context.newPage();
    await visit(page);
    const caches = await stored(page);
    const names = Object.keys(caches);
    assert.equal(names.length, 1, `one cache: ${names}`);
    assert.deepEqual(caches[names[0]], [
      '/app.html', '/app.js', '/app.webmanifest', '/demo.css', '/favicon.svg',
      '/twitch-triage/element.js', '/twitch-triage/lang/en.txt', '/twitch-triage/lang/es.txt',
      '/twitch-triage/lang/zh-Hant.txt', '/twitch-triage/twitch_triage_element_bg.wasm',
      '/twitch-triage/twitch_triage_fhir.wasm',
    ]);
    await context.setOffline(true);
    await page.reload();
    const w = page.locator('twitch-triage');
    await w.locator('form').waitFor();
    await w.locator(CHEST_PAIN).check();
    await w.locator('button[type=submit]').click();
    await w.locator('[data-action=result]').click();
    await w.locator('.actions').waitFor();
    assert.equal(await w.locator('.banner h2').textContent(), 'Get help now', 'a whole (early) interview offline');
    // The file for a doctor, offline: the export's module comes from the copy.
    const [download] = await Promise.all([page.waitForEvent('download'), w.locator('[data-action=download]').click()]);
    assert.equal(JSON.parse(readFileSync(await download.path(), 'utf8')).resourceType, 'Bundle', 'the file for a doctor, offline');
    assert.deepEqual(await stored(page), caches, 'nothing stored but the files: no answer');
    const kept = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
    assert.deepEqual(kept, { local: 0, session: 0, cookie: '' });
  } finally {
    await context.close();
  }
});

test('a new version replaces the old one whole: its own cache, the old one deleted', async () => {
  const context = await browser.newContext({ locale: 'en' });
  await inspectable(context);
  const element = join(site, 'twitch-triage', 'element.js');
  const integrity = join(site, 'twitch-triage', 'integrity.json');
  const original = { element: readFileSync(element), integrity: readFileSync(integrity) };
  try {
    const page = await context.newPage();
    await visit(page);
    const before = Object.keys(await stored(page));
    // A new version of the package: element.js changes, and with it its digest.
    writeFileSync(element, `${original.element}\n// a new version\n`);
    const files = JSON.parse(original.integrity);
    files['element.js'] = 'sha384-a-new-version';
    writeFileSync(integrity, JSON.stringify(files));
    await page.reload();
    await until(
      page,
      async (old) => {
        const keys = await caches.keys();
        return keys.length === 1 && keys[0] !== old && (await (await caches.open(keys[0])).keys()).length === 11;
      },
      before[0],
    );
    const after = await stored(page);
    assert.notDeepEqual(Object.keys(after), before, 'a new cache');
    await page.reload();
    const served = await page.evaluate(async () => (await (await fetch('twitch-triage/element.js')).text()).endsWith('// a new version\n'));
    assert.ok(served, 'the new version is served');
    await context.setOffline(true);
    await page.reload();
    await page.locator('twitch-triage form').waitFor();
  } finally {
    writeFileSync(element, original.element);
    writeFileSync(integrity, original.integrity);
    await context.close();
  }
});

test('the demo page registers no worker and stores nothing', async () => {
  const context = await browser.newContext({ locale: 'en' });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => performance.getEntriesByName('twitch-triage-ready').length > 0);
    const seen = await page.evaluate(async () => ({ workers: (await navigator.serviceWorker.getRegistrations()).length, caches: (await caches.keys()).length }));
    assert.deepEqual(seen, { workers: 0, caches: 0 });
  } finally {
    await context.close();
  }
});
