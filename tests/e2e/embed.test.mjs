// The private embed (README, "Private embed (iframe)"; SAFETY H22), in
// Debian's Chromium: dist/embed.html served from one origin
// (http://127.0.0.1:A, with only the headers the README lists), shown by the
// README's own snippet on a host page of another origin (http://localhost:B,
// under a strict CSP), whose recorder (pages/embed-recorder.js) writes down
// everything the host's scripts can see. The interview runs in the frame
// with real clicks and keys, driven through the DevTools protocol, which
// sees into the frame and its closed shadow root (the host page's scripts
// cannot).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { serve } from '../../scripts/serve.mjs';
import { launch, root } from './helpers.mjs';

const { knowledge } = await import(join(root, 'dist', 'node.js'));

// The snippet exactly as documented, and the embed page's own policy.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const SNIPPET = readme.slice(readme.indexOf('## Private embed (iframe)')).match(/```html\n([\s\S]*?)```/)[1];
const DOCUMENTED_SRC = SNIPPET.match(/src="([^"]*)"/)[1];
const SANDBOX = SNIPPET.match(/sandbox="([^"]*)"/)[1];
const SCRIPT = SNIPPET.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
// The bounds the snippet keeps the frame's height within.
const [LOW, HIGH] = SCRIPT.match(/Math\.min\(Math\.max\(Math\.ceil\(e\.data\), (\d+)\), (\d+)\)/).slice(1).map(Number);
const EMBED_CSP = readFileSync(join(root, 'dist', 'embed.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
// The files the README says need Access-Control-Allow-Origin: * (and no others get it).
const CORS = /^\/twitch-triage\/(element\.js|twitch_triage_element_bg\.wasm|twitch_triage_fhir\.wasm|lang\/[\w-]+\.txt)$/;

let assets;
let host;
let browser;
let temp;

before(async () => {
  temp = mkdtempSync(join(tmpdir(), 'twitch-triage-embed-'));
  assets = await serve({
    dir: join(root, 'www'),
    headers: (path) => ({
      ...(CORS.test(path) ? { 'access-control-allow-origin': '*' } : {}),
      // The page's policy as a header too, with frame-ancestors: only the host may frame it.
      ...(path === '/twitch-triage/embed.html' ? { 'content-security-policy': `${EMBED_CSP}; frame-ancestors ${host.url}` } : {}),
    }),
  });
  // The host page: strict, with the snippet's script allowed by its hash.
  const hash = createHash('sha256').update(SCRIPT).digest('base64');
  host = await serve({
    dirs: [temp, join(root, 'tests', 'e2e', 'pages')],
    headers: () => ({
      // (tel: too: else Chromium replaces the frame with an error page when the call link is followed.)
      'content-security-policy': `default-src 'none'; script-src 'self' 'sha256-${hash}'; frame-src http://127.0.0.1:* tel:`,
    }),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await assets?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** A host page with the README's snippet, its query and sandbox changed if asked. */
function hostPage(name, { query, sandbox = SANDBOX, allow = 'clipboard-write', port = assets.port }) {
  const src = `http://127.0.0.1:${port}/twitch-triage/embed.html?${query.replaceAll('&', '&amp;')}`;
  const snippet = SNIPPET.replace(DOCUMENTED_SRC, src)
    .replace(`sandbox="${SANDBOX}"`, `sandbox="${sandbox}"`)
    .replace('allow="clipboard-write"', `allow="${allow}"`);
  const template = readFileSync(join(root, 'tests', 'e2e', 'pages', 'embed-host.html'), 'utf8');
  writeFileSync(join(temp, name), template.replace('SNIPPET', snippet));
  return `${host.url}/${name}`;
}

// Nodes of the DevTools protocol's DOM tree.
function* walk(n) {
  yield n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) yield* walk(c);
}
const attr = (n, name) => {
  const a = n?.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return null;
};
const text = (n) => (n ? [...walk(n)].filter((x) => x.nodeType === 3).map((x) => x.nodeValue).join('') : '');

/**
 * Opens the host page and its frame. Returns the page, the frame, what the
 * frame said in its console, and a driver: `screen()` reads what the element
 * shows (in its closed shadow root), `click(node)` clicks it with the mouse,
 * as a person would.
 */
async function open(url, { grant = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1600 }, locale: 'en' });
  if (grant) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url });
  const page = await context.newPage();
  const log = { console: [], requests: [], errors: [] };
  page.on('console', (m) => log.console.push({ url: m.location().url ?? '', text: m.text() }));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  // (The frame's origin: 127.0.0.1, the host's: localhost.)
  const frame = page.frames().find((f) => f.url().startsWith('http://127.0.0.1:'));
  const cdp = await context.newCDPSession(frame);
  const navigations = [];
  cdp.on('Page.frameRequestedNavigation', (e) => navigations.push(e.url));
  await cdp.send('Page.enable');

  async function screen() {
    const { root: doc } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const shadow = [...walk(doc)].find((n) => n.nodeName === 'TWITCH-TRIAGE')?.shadowRoots?.[0];
    const nodes = shadow ? [...walk(shadow)] : [];
    const label = (input) => nodes.find((n) => n.nodeName === 'LABEL' && attr(n, 'for') === attr(input, 'id'));
    const inputs = (type) => nodes.filter((n) => n.nodeName === 'INPUT' && attr(n, 'type') === type).map(label);
    return {
      closed: shadow?.shadowRootType === 'closed',
      key: `${text(nodes.find((n) => attr(n, 'part') === 'progress'))}|${text(nodes.find((n) => n.nodeName === 'H2'))}`,
      heading: text(nodes.find((n) => n.nodeName === 'H2')),
      text: text(shadow),
      checkboxes: inputs('checkbox'),
      radios: inputs('radio'),
      number: nodes.find((n) => n.nodeName === 'INPUT' && attr(n, 'class')?.includes('number')),
      action: (a) => nodes.find((n) => attr(n, 'data-action') === a),
      call: nodes.find((n) => n.nodeName === 'A' && attr(n, 'href')?.startsWith('tel:')),
    };
  }
  // The frame's height as its page has it, and as the host set it.
  const heights = async () => ({
    content: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
    frame: await page.evaluate(() => Number(document.querySelector('iframe').height)),
  });
  async function click(node) {
    // The host has sized the frame to the element (so the point is inside it).
    for (let i = 0; i < 100; i++) {
      const h = await heights();
      if (h.frame === Math.min(Math.max(h.content, LOW), HIGH)) break;
      await page.waitForTimeout(20);
    }
    const { quads } = await cdp.send('DOM.getContentQuads', { backendNodeId: node.backendNodeId });
    const [q] = quads;
    const x = (q[0] + q[2] + q[4] + q[6]) / 4;
    const y = (q[1] + q[3] + q[5] + q[7]) / 4;
    // The frame does not scroll (it is as tall as the element): the host
    // page does, if need be, and also when the element moves the focus to
    // a new heading (from the frame's process, a moment later): wait until
    // the frame stays put.
    let origin;
    for (let i = 0; i < 20; i++) {
      const at = await page.evaluate(async (y) => {
        const f = document.querySelector('iframe');
        const top = f.getBoundingClientRect().top + f.clientTop;
        if (top + y < 50 || top + y > innerHeight - 50) scrollTo(0, scrollY + top + y - innerHeight / 2);
        await new Promise(requestAnimationFrame);
        await new Promise(requestAnimationFrame);
        const r = f.getBoundingClientRect();
        return { x: r.left + f.clientLeft, y: r.top + f.clientTop, height: f.clientHeight };
      }, y);
      if (origin && at.x === origin.x && at.y === origin.y && at.height === origin.height) break;
      origin = at;
    }
    assert.ok(y > 0 && y < origin.height, `the point (${y}) is inside the frame (${origin.height} px)`);
    await page.mouse.click(origin.x + x, origin.y + y);
  }
  // Waits until what the element shows passes `test` (5 s at most).
  async function until(test, what) {
    for (let i = 0; i < 250; i++) {
      const s = await screen();
      if (test(s)) return s;
      await page.waitForTimeout(20);
    }
    throw new Error(`${what}; it shows: ${(await screen()).text}`);
  }
  const next = (before) => until((s) => s.key !== before.key, `still on "${before.key}"`);
  // Answers every question to the result: on the first, the first option
  // if `emergency` (an emergency sign), else "None of these"; then "None of
  // these" or the first option, and an age of 34 typed and sent with Enter
  // (implicit submission, which a sandbox without allow-forms must not stop).
  async function interview({ emergency }) {
    let s = await until((s) => s.checkboxes.length, 'the first question is not shown');
    for (let n = 0; n < 60 && !s.action('copy'); n++) {
      const before = s;
      if (s.number) {
        await click(s.number);
        await page.keyboard.type('34');
        await page.keyboard.press('Enter');
      } else {
        await click(s.checkboxes.length ? s.checkboxes[n === 0 && emergency ? 0 : s.checkboxes.length - 1] : s.radios[0]);
        await click(s.action('continue'));
      }
      s = await next(before);
    }
    assert.ok(s.action('copy'), 'the interview reached the result screen');
    return s;
  }
  // What the host page saw, and what its scripts get when they try to read the frame.
  const seen = () =>
    page.evaluate(() => {
      const f = document.querySelector('iframe');
      let read;
      try {
        read = f.contentWindow.document.documentElement.outerHTML;
      } catch (e) {
        read = e.name;
      }
      return { ...window.__host, contentDocument: f.contentDocument, read };
    });
  return { context, page, frame, log, navigations, screen, click, until, next, interview, heights, seen };
}

/** The host saw only heights (and `expectResult`, if given); nothing of what happened in the frame. */
async function assertHostSawOnlyHeights(o, what, expectResult) {
  const seen = await o.seen();
  assert.deepEqual(seen.events, [], `${what}: no click, key, input or event of the element reached the host page`);
  // Only that the focus left the host page's own window, into the frame.
  assert.deepEqual([...new Set(seen.focus)], ['blur capture window', 'blur bubble window'], `${what}: focus changes`);
  assert.ok(seen.messages.every((m) => m.fromFrame && m.origin === 'null'), `${what}: every message came from the frame`);
  const heights = seen.messages.filter((m) => typeof m.data === 'number');
  const others = seen.messages.filter((m) => typeof m.data !== 'number').map((m) => m.data);
  assert.ok(heights.length >= 5 && heights.every((m) => Number.isInteger(m.data) && m.data > 0), `${what}: heights`);
  assert.deepEqual(others, expectResult ? [expectResult] : [], `${what}: no message but heights${expectResult ? ' and the result' : ''}`);
  // The host page changed nothing but the frame's height (a replay tool's MutationObserver).
  assert.deepEqual([...new Set(seen.mutations)], ['attributes iframe height'], `${what}: changes to the host page`);
  assert.deepEqual(seen.violations, [], `${what}: CSP violations on the host page`);
  // Its scripts cannot read the frame.
  assert.equal(seen.contentDocument, null, `${what}: contentDocument`);
  assert.equal(seen.read, 'SecurityError', `${what}: contentWindow.document`);
  // The frame is as tall as its page, which the last height said.
  const h = await o.heights();
  assert.equal(h.frame, h.content, `${what}: the frame's height`);
  assert.equal(heights.at(-1).data, h.content, `${what}: the last height sent`);
  return seen;
}

/** Nothing went wrong in either page, and nothing was fetched from a third origin. */
function assertClean(o, what, lang, allowedConsole = [], extra = []) {
  const origins = [host.url, `http://127.0.0.1:${assets.port}`];
  const elsewhere = o.log.requests.filter((u) => !origins.some((origin) => u.startsWith(`${origin}/`)) && !u.startsWith('tel:'));
  assert.deepEqual(elsewhere, [], `${what}: requests to another origin`);
  // The frame loads its page, its script, the element, its wasm and one
  // language's texts, and `extra` (the FHIR export's module, once the file
  // for a doctor is asked for); nothing more.
  const loaded = o.log.requests.filter((u) => u.startsWith(`${origins[1]}/`)).map((u) => new URL(u).pathname);
  assert.deepEqual(
    [...new Set(loaded)].sort(),
    ['embed.html', 'embed.js', 'element.js', `lang/${lang}.txt`, 'twitch_triage_element_bg.wasm', ...extra].map((f) => `/twitch-triage/${f}`).sort(),
    `${what}: what the frame loaded`,
  );
  assert.deepEqual(o.log.errors, [], `${what}: page errors`);
  // (Chromium asks the host for /favicon.ico, which it does not have.)
  const said = o.log.console.filter((m) => !m.url.endsWith('/favicon.ico') && !allowedConsole.some((r) => r.test(m.text)));
  assert.deepEqual(said, [], `${what}: console messages`);
}

test('the documented embed: a whole interview in the frame, copy, print, the file for a doctor and the call link; the host page sees only heights', async () => {
  const o = await open(hostPage('host-default.html', { query: 'lang=en&emergency-number=911' }), { grant: true });
  const { page, frame, screen, click, until, next } = o;
  try {
    assert.equal(await frame.evaluate(() => origin), 'null', 'the frame has an opaque origin');
    // The recorder does hear what happens on the host page itself (then it starts afresh).
    await page.click('h1');
    assert.ok((await o.seen()).events.includes('click capture h1'), 'the recorder hears a click on the host page');
    await page.evaluate(() => (window.__host.events = []));
    const result = await o.interview({ emergency: false });
    assert.ok(result.closed, 'the shadow root stays closed');
    assert.equal(result.heading, 'You can look after this at home');
    assert.doesNotMatch(result.text, /website receives/, 'nothing is shared, and nothing says so');
    // Copy: allowed by allow="clipboard-write".
    await click(result.action('copy'));
    let s = await until((s) => s.text.includes('The summary is copied'), 'copying did not say it was done');
    // (Read by the test through the host page, which it let read the clipboard.)
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(
      copied,
      /^Twitching: summary for a doctor \(not a diagnosis\)\nQuestionnaire version: \d+\.\d+\.\d+\+kb\.[0-9a-f]{8}\n+Result: You can look after this at home/,
    );
    // Print: allowed by allow-modals (headless Chromium starts printing: beforeprint).
    await frame.evaluate(() => addEventListener('beforeprint', () => (window.printed = true)));
    await click(s.action('print'));
    assert.equal(await frame.evaluate(() => window.printed), true, 'print() ran');
    // Download for your doctor: allowed by allow-downloads; the export's
    // module comes from the frame's server (CORS), the file from a Blob.
    const [download] = await Promise.all([page.waitForEvent('download'), click(s.action('download'))]);
    assert.match(download.suggestedFilename(), /^twitch-triage-.*\.fhir\.json$/);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(file.resourceType, 'Bundle');
    assert.equal(file.entry[1].resource.resourceType, 'QuestionnaireResponse');
    // (The button re-renders the result screen: read it again.)
    s = await until((s) => s.action('restart'), 'the result screen after the download');
    // The call link, on the next screen after an emergency sign: the frame
    // asks to navigate to tel:911, and allow-top-navigation-to-custom-protocols
    // lets it (Chromium hands it to the system, which headless has nothing
    // for); the questionnaire stays in the frame. Last, as the handing over
    // takes the focus away from the page.
    await click(s.action('restart'));
    s = await next(s);
    await click(s.checkboxes[0]);
    await click(s.action('continue'));
    s = await next(s);
    assert.equal(attr(s.call, 'href'), 'tel:911');
    await click(s.call);
    for (let i = 0; i < 50 && !o.navigations.length; i++) await page.waitForTimeout(20);
    assert.deepEqual(o.navigations, ['tel:911'], 'the frame asked for tel:911');
    await page.waitForTimeout(200);
    assert.match(frame.url(), /\/twitch-triage\/embed\.html\?/, 'the frame still shows the questionnaire');
    assert.equal((await screen()).key, s.key);
    await assertHostSawOnlyHeights(o, 'the documented embed');
    assertClean(o, 'the documented embed', 'en', [], ['twitch_triage_fhir.wasm']);
  } finally {
    await o.context.close();
  }
});

test('share-result, with only allow-scripts: the result is posted and the person told; copy, print and the call link say why they do not work', async () => {
  const o = await open(hostPage('host-share.html', { query: 'lang=es&emergency-number=911&share-result', sandbox: 'allow-scripts', allow: '' }));
  const { page, frame, screen, click, until } = o;
  try {
    const result = await o.interview({ emergency: true });
    assert.equal(result.heading, 'Busque ayuda ahora');
    assert.match(result.text, /Este sitio web recibe su resultado/, 'the person is told that the site receives the result');
    // Copying is refused by the permissions policy: the element says so and shows the summary.
    await click(result.action('copy'));
    const s = await until((s) => s.text.includes('No se pudo copiar aquí'), 'copying did not say it failed');
    await frame.evaluate(() => addEventListener('beforeprint', () => (window.printed = true)));
    await click(s.action('print'));
    assert.equal(await frame.evaluate(() => window.printed), undefined, 'print() is ignored');
    await click(s.call);
    for (let i = 0; i < 50 && !o.navigations.length; i++) await page.waitForTimeout(20);
    await page.waitForTimeout(200);
    assert.equal((await screen()).key, s.key, 'the questionnaire stays');
    // Chromium's reasons, in the frame's console.
    const reasons = [
      /Permissions policy violation: The Clipboard API has been blocked/,
      /Ignored call to 'print\(\)'. The document is sandboxed, and the 'allow-modals' keyword is not set/,
      /Navigation to external protocol blocked by sandbox, because it doesn't contain any of: 'allow-top-navigation-to-custom-protocols'/,
    ];
    for (const r of reasons) assert.ok(o.log.console.some((m) => r.test(m.text)), `the console says ${r}`);
    // The result posted once, as the element shows it (its level and first explanation).
    const { explanations } = knowledge({ lang: 'es' });
    const seen = await o.seen();
    const posted = seen.messages.filter((m) => typeof m.data !== 'number').map((m) => m.data);
    assert.equal(posted.length, 1, 'one result posted');
    const [detail] = posted;
    assert.deepEqual(Object.keys(detail).sort(), ['explanations', 'triage'], 'the result, not the answers');
    assert.equal(detail.triage, 'emergency');
    assert.ok(detail.explanations.length > 0 && detail.explanations.every((id) => explanations.some((e) => e.id === id)));
    assert.ok(result.text.includes(explanations.find((e) => e.id === detail.explanations[0]).name), 'the first explanation posted is the one shown');
    await assertHostSawOnlyHeights(o, 'share-result', detail);
    assertClean(o, 'share-result', 'es', reasons);
    // The snippet takes only numbers, only from the frame, and keeps them within bounds.
    const height = () => page.evaluate(() => document.querySelector('iframe').height);
    await frame.evaluate(() => parent.postMessage(1e9, '*'));
    await page.waitForFunction((h) => document.querySelector('iframe').height === String(h), HIGH);
    await frame.evaluate(() => [' 300', Infinity, NaN, { height: 300 }, [300]].forEach((m) => parent.postMessage(m, '*')));
    await page.evaluate(() => postMessage(300, '*'));
    await page.waitForTimeout(100);
    assert.equal(await height(), String(HIGH), 'what is not a number from the frame is ignored');
    await frame.evaluate(() => parent.postMessage(-5, '*'));
    await page.waitForFunction((h) => document.querySelector('iframe').height === String(h), LOW);
  } finally {
    await o.context.close();
  }
});

test('without the CORS headers the README asks for, the frame still shows the emergency advice with the number, and its height', async () => {
  const bare = await serve({ dir: join(root, 'www') });
  const o = await open(hostPage('host-no-cors.html', { query: 'lang=en&emergency-number=911', port: bare.port }));
  try {
    const { page, frame } = o;
    // element.js is refused (a module from another origin, without CORS);
    // embed.js, a classic script, still puts the number in and sends the height.
    for (let i = 0; i < 100 && !(await page.evaluate(() => window.__host.messages.length)); i++) await page.waitForTimeout(20);
    assert.equal(await frame.evaluate(() => customElements.get('twitch-triage')), undefined, 'the element is not defined');
    const shown = await frame.locator('twitch-triage').innerText();
    assert.match(shown, /Questionnaire about muscle twitching \(it needs JavaScript\)\. If you have chest pain, .* call 911 now\./s);
    const seen = await o.seen();
    assert.deepEqual(seen.events, []);
    assert.ok(seen.messages.length > 0 && seen.messages.every((m) => m.fromFrame && typeof m.data === 'number'), 'heights only');
    assert.ok(o.log.console.some((m) => /blocked by CORS policy/.test(m.text)), 'the console says why');
  } finally {
    await o.context.close();
    await bare.close();
  }
});
