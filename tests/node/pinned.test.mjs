// The npm entry modules pin what they load (docs/SAFETY.md H19): a copy of
// the package with one file changed (the wasm, a language pack's text, code
// appended to a pack) is refused on import, in Node (every file, the packs
// read as data) and in a browser (the wasm, by fetch's integrity), and no
// code in a pack runs. The untouched copy works, so the refusals are the
// changes', not the copy's.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';

import { serve } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'twitch-triage-pinned-'));
after(() => rmSync(work, { recursive: true, force: true }));

const tamperings = {
  untouched: () => {},
  'the wasm (one byte of its data changed)': (dir) => {
    const file = join(dir, 'twitch_triage_bg.wasm');
    const wasm = readFileSync(file);
    wasm[wasm.length - 100] ^= 1;
    writeFileSync(file, wasm);
  },
  'a language pack (its emergency level made to say "look after this at home")': (dir) => {
    const file = join(dir, 'lang', 'en.js');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Get help now', 'You can look after this at home'));
  },
  'code appended to a language pack': (dir) => {
    const file = join(dir, 'lang', 'en.js');
    writeFileSync(file, `${readFileSync(file, 'utf8')}globalThis.__pwned = true;\n`);
  },
};

/** A copy of dist/ with `tamper` applied. */
function copy(name, tamper) {
  const dir = join(work, name.replace(/\W+/g, '-'));
  cpSync(dist, dir, { recursive: true });
  tamper(dir);
  return dir;
}

for (const [what, tamper] of Object.entries(tamperings)) {
  test(`Node entry, ${what}: ${what === 'untouched' ? 'works' : 'refused on import, nothing in it runs'}`, async () => {
    const dir = copy(`node-${what}`, tamper);
    const load = import(pathToFileURL(join(dir, 'entry', 'en.node.js')).href);
    if (what === 'untouched') {
      const { classify } = await load;
      assert.equal(classify({ chest_pain: true }).triage, 'emergency');
      return;
    }
    await assert.rejects(load, /is not the file this package was built with/);
    assert.equal(globalThis.__pwned, undefined, 'the pack was not run');
  });
}

test('browser entry: a changed wasm is refused on import (fetch with its digest); the untouched copy works', async () => {
  const dirs = {
    untouched: copy('browser-untouched', tamperings.untouched),
    tampered: copy('browser-wasm', tamperings['the wasm (one byte of its data changed)']),
  };
  const browser = await launch();
  try {
    for (const [name, dir] of Object.entries(dirs)) {
      writeFileSync(join(dir, 'page.html'), '<!doctype html><meta charset="utf-8"><title>npm entry</title>');
      const server = await serve({ dir });
      try {
        const page = await browser.newPage();
        await page.goto(`${server.url}/page.html`);
        const outcome = await page.evaluate(() =>
          import('/index.js').then(
            (m) => m.classify({ chest_pain: true }).triage,
            (e) => `refused: ${e.message}`,
          ),
        );
        if (name === 'untouched') assert.equal(outcome, 'emergency');
        else assert.match(outcome, /^refused: .*(integrity|digest|Failed to fetch)/i);
        await page.close();
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
});
