// dist/custom-elements.json (the Custom Elements Manifest that editors and
// framework tools read, generated from the JSDoc of the element's class:
// scripts/manifest.mjs, tests/node/manifest.test.mjs) says what the element
// really has, in Chromium: its
// attributes (the observed ones and shadow-root), its properties, the parts
// it renders (collected over a question with an error, an early emergency
// result and a shared one), its custom properties and events (found in the
// shipped element.js and wasm).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { CHEST_PAIN, open, root, siteAndBrowser } from './helpers.mjs';

const manifest = JSON.parse(readFileSync(join(root, 'dist', 'custom-elements.json'), 'utf8'));
const element = manifest.modules[0].declarations[0];
const names = (list) => list.map((x) => x.name).sort();

const env = siteAndBrowser();

test('the manifest lists the attributes, properties and parts the element has', async () => {
  const { context, page } = await open(env.browser, `${env.server.url}/host.html`);
  try {
    const w = page.locator('twitch-triage');
    await w.locator('form').waitFor();
    const defined = await page.evaluate(() => {
      const C = customElements.get('twitch-triage');
      return {
        observed: C.observedAttributes,
        properties: Object.getOwnPropertyNames(C.prototype).filter((p) => Object.getOwnPropertyDescriptor(C.prototype, p).set),
      };
    });
    assert.deepEqual(names(element.attributes), [...defined.observed, 'shadow-root'].sort(), 'attributes');
    assert.deepEqual(element.members.map((m) => m.name).sort(), defined.properties.sort(), 'properties');
    for (const m of element.members) assert.ok(defined.observed.includes(m.attribute), `${m.name} reflects ${m.attribute}`);

    const parts = new Set();
    const collect = async () => {
      for (const p of await w.locator('[part]').evaluateAll((l) => l.map((e) => e.getAttribute('part')))) parts.add(p);
    };
    await page.evaluate(() => document.querySelector('twitch-triage').setAttribute('share-result', ''));
    await w.locator('button[type=submit]').click();
    await w.locator('.error-summary').waitFor();
    await collect();
    await w.locator(CHEST_PAIN).check();
    await w.locator('button[type=submit]').click();
    await collect();
    await w.locator('[data-action=result]').click();
    await w.locator('.actions').waitFor();
    await collect();
    assert.deepEqual(names(element.cssParts), [...parts].sort(), 'parts');
  } finally {
    await context.close();
  }
});

test('the manifest lists the custom properties and events the shipped files use', () => {
  const shipped = ['element.js', 'twitch_triage_element_bg.wasm'].map((f) => readFileSync(join(root, 'dist', f)).toString('latin1')).join('\n');
  const found = (pattern) => [...new Set(shipped.match(pattern))].sort();
  assert.deepEqual(names(element.cssProperties), found(/--twitch-triage-[a-z-]+[a-z]/g), 'custom properties');
  assert.deepEqual(names(element.events), found(/twitch-triage-(start|complete)/g), 'events');
});
