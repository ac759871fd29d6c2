// "Download for your doctor" (issue 35, docs/FHIR.md) in Debian's Chromium,
// on the demo page under the strict CSP: a whole interview by keyboard, then
// the download. The file is a valid FHIR R4 Bundle (the official R4 JSON
// schema, tests/node/fhir-schema.mjs) whose response reads back (the npm
// package's fromFhir, then classify) to the level on screen. Loading the
// element fetched nothing of the export; the download fetched only the
// export's own module, from the page's origin, and sent nothing: no other
// request, no CSP violation, no cookie, nothing stored. A changed export
// module is refused by its digest, and the person is told.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { classify } from 'twitch-triage';
import { fromFhir } from 'twitch-triage/fhir';

import { assertValid } from '../node/fhir-schema.mjs';
import { serve, STRICT_CSP } from '../../scripts/serve.mjs';
import { assertNoEgress, caseById, interviewByKeyboard, open, root, screenshot, settle, siteAndBrowser } from './helpers.mjs';

const env = siteAndBrowser();

const path = (u) => new URL(u).pathname;

for (const [id, lang] of [
  ['dev-18', 'en'],
  ['dev-04', 'es'],
]) {
  test(`${id} (${lang}): the file for a doctor is valid FHIR, made on the device, and reads back to the result shown`, async () => {
    const c = caseById(id);
    const { context, page, log } = await open(env.browser, `${env.server.url}/`);
    try {
      await page.locator('twitch-triage form').waitFor();
      await page.evaluate((l) => document.querySelector('twitch-triage').setAttribute('lang', l), lang);
      await page.locator('twitch-triage [part=container]').and(page.locator(`[lang=${lang}]`)).waitFor();
      const baseline = await settle(page, log);
      assert.ok(!log.requests.some((u) => u.includes('fhir')), 'the element loads nothing of the export before it is asked for');
      const shown = await interviewByKeyboard(page, c);
      await settle(page, log);
      const before = log.requests.length;
      const w = page.locator('twitch-triage');
      assert.match(await w.locator('.actions .hint').textContent(), /FHIR/);
      const [download] = await Promise.all([page.waitForEvent('download'), w.locator('[data-action=download]').click()]);
      assert.match(download.suggestedFilename(), /^twitch-triage-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
      const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
      await screenshot(page, `download-${lang}`);
      assertValid(file, `${id} (${lang}): the downloaded Bundle`);
      const [q, r] = file.entry.map((e) => e.resource);
      assert.equal(q.resourceType, 'Questionnaire');
      assert.equal(r.resourceType, 'QuestionnaireResponse');
      assert.equal(r.language, lang);
      assert.ok(Math.abs(Date.parse(r.authored) - Date.now()) < 10 * 60_000, `authored now: ${r.authored}`);
      const back = classify(fromFhir(file), { lang });
      assert.equal(back.triage, shown.triage, `${id}: the file's answers give the level on screen`);
      const level = r.item.find((i) => i.linkId === 'assessment').item.find((i) => i.linkId === 'assessment.level');
      assert.equal(level.answer[0].valueCoding.code, shown.triage, `${id}: the file's result is the one on screen`);
      // Fetched: the export's module alone, from the page's origin (the
      // download itself is a Blob made on the device: no request).
      const fetched = log.requests.slice(before).filter((u) => !u.startsWith('blob:'));
      assert.deepEqual(fetched.map(path), ['/twitch-triage/twitch_triage_fhir.wasm']);
      assert.ok(fetched.every((u) => u.startsWith(env.server.url)));
      assert.equal(await w.locator('.actions .status').textContent(), '', 'no failure said');
      // Nothing else: no CSP violation, no cookie, nothing stored.
      log.requests.length = baseline;
      await assertNoEgress(context, page, log, baseline, `${id} (${lang}) download`);
    } finally {
      await context.close();
    }
  });
}

test('a changed export module is refused by its digest, the person is told, and nothing is saved', async () => {
  // A copy of www/ whose export module differs by one byte.
  const dir = mkdtempSync(join(tmpdir(), 'twitch-triage-fhir-'));
  cpSync(join(root, 'www'), dir, { recursive: true });
  const wasm = join(dir, 'twitch-triage', 'twitch_triage_fhir.wasm');
  const bytes = readFileSync(wasm);
  bytes[bytes.length - 1] ^= 1;
  writeFileSync(wasm, bytes);
  const server = await serve({ dirs: [dir], headers: () => ({ 'content-security-policy': STRICT_CSP }) });
  try {
    const { context, page } = await open(env.browser, `${server.url}/`);
    try {
      await interviewByKeyboard(page, caseById('dev-18'));
      let saved = false;
      page.on('download', () => (saved = true));
      await page.locator('twitch-triage [data-action=download]').click();
      await page.locator('twitch-triage .actions .status', { hasText: 'could not be made' }).waitFor();
      assert.equal(saved, false);
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
