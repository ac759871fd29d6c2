// <twitch-triage> in the two other browser engines, driven with WebDriver
// (selenium-webdriver): Debian's Firefox ESR, headless, through geckodriver,
// and WebKitGTK's MiniBrowser through WebKitWebDriver, in Xvfb (MiniBrowser
// has no headless mode). Both get the built demo page (www/) under the strict
// CSP, as tests/e2e/ gives it to Chromium, and in each:
//   - the emergency line is on the first screen;
//   - two whole interviews from the vignettes (a self-care and an urgent
//     case) reach the result by clicks, with the case's level and first
//     explanation;
//   - the urgent one again with the keyboard alone, as a keyboard user
//     would: from the page, Tab into the element, Tab to each option, Space
//     to tick a box, the arrow keys to choose a radio, digits for the age,
//     Tab to "Continue", Enter (tests/e2e/helpers.mjs's `answerWithKeys`,
//     the same steps as the Chromium tests', here through WebDriver's
//     Perform Actions, whose keys go to whatever has focus: nothing is
//     clicked and no key is sent to a located element);
//   - in every interview, the emergency line is shown on every screen; the
//     first question leaves the focus on the page, and each answer moves it
//     to the new screen's heading inside the element (the question's, then
//     the result's level), as crates/element/tests/element.rs checks in
//     Chromium: read through the shadow root (document.activeElement is the
//     host, and so is what WebDriver's Get Active Element returns);
//   - `lang` switched to Spanish on a live element re-renders it, answers kept;
//   - nothing went wrong on the page (errors, CSP violations, failed loads,
//     the element's console errors and warnings).
// The clicks go through the element's shadow root with WebDriver's commands
// (Get Element Shadow Root, Find Element From Shadow Root, Element Click,
// Element Send Keys, Get Element Property). Each browser's time is printed,
// and each interview's.
//
// Tab reaches every control in both without a setting. Firefox on Linux tabs
// to buttons, boxes and radios (its pref accessibility.tabfocus is 7, every
// element, except on macOS, where the system's Full Keyboard Access rules
// unless the pref is set). So does WebKitGTK: its
// EventHandler::tabsToAllFormControls always answers true (WebCore's
// page/gtk/EventHandlerGtk.cpp); what Safari's "Press Tab to highlight each
// item" changes is the Mac port's keyboard mode, and WebKitGTK's nearest
// setting, enable-tabs-to-links (MiniBrowser's --enable-tabs-to-links,
// default true), is about links only: the interview passes with it false
// too (checked by hand), since every control it uses is a form control.
// Both move the checked radio with the arrow keys, as Chromium does.
//
// The shadow root is closed by default, and WebKitWebDriver 2.50 answers
// "no such shadow root" for a closed root (geckodriver reaches it). WebDriver
// has no init script, so the server puts one classic script, pages/record.js,
// first in the demo page's <head>: it opens every shadow root as
// tests/e2e/helpers.mjs's `inspectable` does, and records the page's errors
// from before the element loads. Otherwise the page is www/index.html as
// built. (shadow-root="open" on a test page would change what the person
// sees: the element then tells them the website can read it.)

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Browser, Builder, By, Capabilities, error, Key } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';

import { serve, STRICT_CSP } from '../../scripts/serve.mjs';
import { answerWithKeys, artifacts, caseById, focusedInPage, named, option, place, questions, root, wanted } from '../e2e/helpers.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const { knowledge } = await import(join(root, 'dist', 'node.js'));
// The element's own rules for its default emergency number (element.js is built from these).
const NUMBERS = (await import(join(root, 'crates', 'element', 'js', 'emergency-numbers.js'))).default;
const { regionNumber, DEFAULT_NUMBER } = await import(join(root, 'crates', 'element', 'js', 'resolve.js'));
const spanish = knowledge({ lang: 'es' });

// A self-care and an urgent case (tests/vignettes/dev.json), by clicks; the
// urgent one again by keyboard (it has boxes to tick, radios and the age).
const INTERVIEWS = [
  ['dev-18', 'clicks'],
  ['dev-34', 'clicks'],
  ['dev-34', 'keyboard'],
];

/** A program on PATH, with its full path (so that Selenium never looks for, or downloads, one). */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this one
    }
  }
  throw new Error(`${name} is not installed (scripts/setup --test installs it)`);
}

function installed(path) {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`${path} is not installed (scripts/setup --test installs it)`);
  }
  return path;
}

const withoutLocale = (env) => Object.fromEntries(Object.entries(env).filter(([k]) => !/^(LANGUAGE|LC_)/.test(k)));

const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer().once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

/** Headless Firefox ESR through geckodriver, with English (no region) as its language. */
async function startFirefox() {
  const options = new firefox.Options()
    .setBinary(installed(FIREFOX))
    .addArguments('-headless')
    .setPreference('intl.accept_languages', 'en');
  const driver = await new Builder()
    .forBrowser(Browser.FIREFOX)
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(onPath('geckodriver')))
    .build();
  return { driver, stop: () => driver.quit() };
}

/**
 * MiniBrowser through WebKitWebDriver, both in their own Xvfb (xvfb-run -a
 * picks a free display), in a process group of their own that `stop` ends.
 */
async function startWebKit() {
  installed(WEBKIT_DRIVER);
  installed(MINIBROWSER);
  const port = await freePort();
  const child = spawn(onPath('xvfb-run'), ['-a', '-s', '-screen 0 1280x1024x24', WEBKIT_DRIVER, `--port=${port}`], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    // WebKitGTK takes its language from the locale (C.UTF-8 would make it
    // "C"): US English, so that the element's default number is the one for
    // the browser's region (the page's lang names none), where Firefox's
    // "en" gives the default of all, 112.
    env: { ...withoutLocale(process.env), LANG: 'en_US.UTF-8' },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let exited = null;
  child.once('exit', (code, signal) => (exited = `exited (${code ?? signal})`));
  const stopDriver = () => {
    if (exited === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  const server = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (exited !== null) throw new Error(`WebKitWebDriver under xvfb-run ${exited}: ${stderr.trim()}`);
    try {
      if ((await (await fetch(`${server}/status`)).json()).value?.ready) break;
    } catch {
      // not listening yet
    }
    if (waited > 20000) {
      stopDriver();
      throw new Error(`WebKitWebDriver did not answer on ${server} within 20 s: ${stderr.trim()}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  try {
    const driver = await new Builder()
      .usingServer(server)
      .withCapabilities(
        new Capabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        }),
      )
      .build();
    return {
      driver,
      stop: async () => {
        try {
          await driver.quit();
        } finally {
          stopDriver();
        }
      },
    };
  } catch (e) {
    stopDriver();
    throw new Error(`${e.message}\n${stderr.trim()}`);
  }
}

const BROWSERS = [
  ['Firefox ESR', startFirefox],
  ['WebKit', startWebKit],
];

// The demo page with pages/record.js first in its <head>, and the rest of www/.
let server;
let scratch;
const timings = [];

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'twitch-triage-browsers-'));
  const page = readFileSync(join(root, 'www', 'index.html'), 'utf8');
  const recorded = page.replace('<meta charset="utf-8">', '$&\n  <script src="/record.js"></script>');
  assert.notEqual(recorded, page, 'the demo page has <meta charset="utf-8"> to put the script after');
  writeFileSync(join(scratch, 'index.html'), recorded);
  server = await serve({
    dirs: [scratch, join(root, 'www'), join(root, 'tests', 'browsers', 'pages')],
    headers: () => ({ 'content-security-policy': STRICT_CSP }),
  });
});

after(async () => {
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  for (const [name, phases] of timings)
    console.log(`${name}: ${Object.entries(phases).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
});

/** The element's shadow root, once the element has made it and shows something. */
async function shadowOf(driver) {
  let root = null;
  await driver.wait(
    async () => {
      const [host] = await driver.findElements(By.css('twitch-triage'));
      root = host ? await host.getShadowRoot().catch(() => null) : null;
      return root && (await root.findElements(By.css('[part=container]'))).length > 0;
    },
    15000,
    'the element shows nothing (no shadow root with its container)',
  );
  return root;
}

/**
 * `f` of the first element `css` finds in `shadow`, or null when there is
 * none; found again if the element re-rendered between finding and `f`
 * (the loading screen gives way to the first question at any moment).
 */
async function read(shadow, css, f) {
  for (let tries = 1; ; tries++) {
    const [found] = await shadow.findElements(By.css(css));
    try {
      return found ? await f(found) : null;
    } catch (e) {
      if (!(e instanceof error.StaleElementReferenceError) || tries === 3) throw e;
    }
  }
}

/** The textContent of the first element `css` finds in `shadow`, or null. */
const text = (shadow, css) => read(shadow, css, (e) => e.getProperty('textContent'));

/** Clicks the first element `css` finds in `shadow` (unless `unlessSelected` and it is selected). */
async function click(shadow, css, { unlessSelected = false } = {}) {
  const done = await read(shadow, css, async (e) => {
    if (!(unlessSelected && (await e.isSelected()))) await e.click();
    return true;
  });
  assert.ok(done, `nothing to click: ${css}`);
}

/** What the element shows, as tests/e2e/helpers.mjs's `named` tells it, and the progress line. */
async function screen(shadow) {
  const seen = {
    question: await text(shadow, 'form h2'),
    triage: await text(shadow, '.banner h2'),
    explanation: await text(shadow, '.explanations h3'),
    heading: await text(shadow, 'h2'),
    result: (await shadow.findElements(By.css('.actions'))).length > 0,
  };
  return { ...named(seen), progress: await text(shadow, '.progress') };
}

/** Answers question `q` with `given` (as `wanted` gives it): clicks, or typing, then Continue. */
async function answer(shadow, q, given) {
  if (q.kind === 'number') {
    const field = await shadow.findElement(By.css('input.number'));
    await field.clear();
    await field.sendKeys(given);
  } else {
    for (const v of [given].flat()) await click(shadow, option(q, v), { unlessSelected: true });
  }
  await click(shadow, 'button[type=submit]');
}

const KEYS = { Tab: Key.TAB, Space: Key.SPACE, Enter: Key.ENTER, ArrowDown: Key.ARROW_DOWN, Control: Key.CONTROL };

/**
 * WebDriver's keyboard, for tests/e2e/helpers.mjs's `answerWithKeys`: each
 * key (Playwright's names, "Control+A" held together) is a Perform Actions
 * key sequence, which goes to whatever has focus; no element is located.
 */
function webDriverKeyboard(driver) {
  return {
    async press(combo) {
      const keys = combo.split('+').map((k) => KEYS[k] ?? k.toLowerCase());
      const key = keys.pop();
      let actions = driver.actions();
      for (const held of keys) actions = actions.keyDown(held);
      actions = actions.sendKeys(key);
      for (const held of keys.reverse()) actions = actions.keyUp(held);
      await actions.perform();
    },
    type: (text) => driver.actions().sendKeys(text).perform(),
    focused: () => driver.executeScript(focusedInPage),
  };
}

/** How each question is answered: by clicks (and typing into the age field), or by the keyboard alone. */
const ANSWER_BY = {
  clicks: (driver, shadow, q, given) => answer(shadow, q, given),
  keyboard: (driver, shadow, q, given) => answerWithKeys(webDriverKeyboard(driver), given, q),
};

/**
 * The focus is on the heading of the screen shown (the question's, or the
 * result's level), inside the element: where the element moves it after
 * each answer, as crates/element/tests/element.rs checks in Chromium.
 */
async function assertFocusOnHeading(driver, shadow, s, what) {
  const f = await driver.executeScript(focusedInPage);
  const heading = await text(shadow, s.triage ? '.banner h2' : 'form h2');
  assert.deepEqual({ host: f.host, tag: f.tag, text: f.text }, { host: 'twitch-triage', tag: 'H2', text: heading }, `${what}: the focus`);
}

/** Waits until the screen is no longer the one whose progress line was `progress`. */
async function next(driver, shadow, progress, what) {
  try {
    await driver.wait(
      async () => (await shadow.findElements(By.css('.actions'))).length > 0 || (await text(shadow, '.progress')) !== progress,
      10000,
    );
  } catch {
    throw new Error(`${what}: still on "${progress}" (${(await text(shadow, '.error-summary')) ?? 'no error shown'})`);
  }
}

/**
 * The emergency advice in what `css` finds (the emergency line; on the
 * loading screen, the whole box): shown, with the number the element's
 * rules give for the browser's languages.
 */
async function assertEmergencyLine(driver, shadow, css, wording, what) {
  const seen = await read(shadow, css, async (e) => ({ shown: await e.isDisplayed(), text: await e.getProperty('textContent') }));
  assert.ok(seen?.shown, `${what}: the emergency advice is shown (${css})`);
  // The page's lang (en) names no region: then the browser's languages, then 112.
  const languages = await driver.executeScript('return navigator.languages');
  const number = languages.map((tag) => regionNumber(tag, NUMBERS)).find(Boolean) ?? DEFAULT_NUMBER;
  assert.match(seen.text, wording(number), `${what}: the emergency advice (browser languages ${languages})`);
}

/** Waits for the first question; if the element shows its failure screen instead, says what it and the page said. */
async function firstQuestion(driver, shadow) {
  await driver.wait(async () => (await shadow.findElements(By.css('form, .failed'))).length > 0, 15000, 'neither the first question nor the failure screen');
  if ((await shadow.findElements(By.css('form'))).length === 0) {
    const problems = await driver.executeScript('return window.__problems');
    assert.fail(`the element could not start: "${await text(shadow, '[part=container]')}"; the page: ${JSON.stringify(problems)}`);
  }
}

/** Nothing went wrong on the page (pages/record.js's list). */
async function assertNoProblems(driver, what) {
  assert.deepEqual(await driver.executeScript('return window.__problems'), [], `${what}: errors on the page`);
}

const english = (n) => new RegExp(`call ${n} now`);
const castilian = (n) => new RegExp(`llame ahora al ${n}`);

for (const [name, start] of BROWSERS) {
  describe(name, () => {
    let browser;
    const phases = {};
    const timed = async (phase, f) => {
      const t = performance.now();
      try {
        return await f();
      } finally {
        phases[phase] = (phases[phase] ?? 0) + performance.now() - t;
      }
    };
    // Screenshots in test-results/screenshots/ (firefox-*, webkit-*).
    const shoot = async (label) => {
      const png = await browser?.driver.takeScreenshot().catch(() => null);
      if (!png) return;
      const dir = join(artifacts, 'screenshots');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name.split(' ')[0].toLowerCase()}-${label}.png`), png, 'base64');
    };
    // One when a test fails, to see why.
    const keep = async (label, f) => {
      try {
        await f();
      } catch (e) {
        await shoot(`${label}-failed`);
        throw e;
      }
    };

    before(async () => {
      const t = performance.now();
      browser = await timed('start', start);
      await browser.driver.manage().window().setRect({ width: 1280, height: 900 });
      const caps = await browser.driver.getCapabilities();
      console.log(`${name}: ${caps.get('browserName')} ${caps.get('browserVersion')}, session in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    });
    after(async () => {
      await timed('quit', () => browser?.stop());
      phases.total = Object.values(phases).reduce((a, b) => a + b, 0);
      timings.push([name, phases]);
    });

    for (const [id, by] of INTERVIEWS) {
      const c = caseById(id);
      const label = by === 'clicks' ? id : `${id}-${by}`;
      test(`${id} (${c.expect.triage}) by ${by}: ${c.story}`, () =>
        keep(label, () =>
          timed(label, async () => {
            const { driver } = browser;
            await driver.get(`${server.url}/`);
            const shadow = await shadowOf(driver);
            // On the first screen the element shows (loading, or already the
            // first question), before any answer.
            const first = (await shadow.findElements(By.css('.emergency-line'))).length ? '.emergency-line' : '[part=container]';
            await assertEmergencyLine(driver, shadow, first, english, `${id}, the first screen (${first})`);
            await firstQuestion(driver, shadow);
            assert.equal(await text(shadow, '.progress'), 'Question 1');
            // The first screen leaves the focus where it was (the page's).
            assert.equal((await driver.executeScript(focusedInPage)).host, 'body', `${id}: the focus before any answer`);
            const asked = [];
            const t = performance.now();
            for (let n = 0; n < 30; n++) {
              const s = await screen(shadow);
              await assertEmergencyLine(driver, shadow, '.emergency-line', english, `${id}, ${s.question ?? 'the result'}`);
              if (s.triage) break;
              assert.ok(s.question && !s.question.startsWith('unknown'), `${id}: a question or the result is shown (${s.question})`);
              asked.push(s.question);
              const q = questions.get(s.question);
              await ANSWER_BY[by](driver, shadow, q, wanted(c, q));
              await next(driver, shadow, s.progress, `${id}: ${s.question}`);
              await assertFocusOnHeading(driver, shadow, await screen(shadow), `${id}, after ${s.question}`);
            }
            const seconds = ((performance.now() - t) / 1000).toFixed(1);
            const result = await screen(shadow);
            console.log(`${name}, ${id} by ${by}: ${asked.length} questions -> ${result.triage}, ${result.explanation} in ${seconds} s`);
            assert.equal(result.triage, c.expect.triage, `${id}: the level shown`);
            assert.ok(c.expect.top.includes(result.explanation), `${id}: the first explanation shown, ${result.explanation}, is one of ${c.expect.top}`);
            await shoot(`${label}-result`);
            await assertNoProblems(driver, id);
          }),
        ),
      );
    }

    test('switching lang to Spanish on a live element re-renders it and keeps the answers', () =>
      keep('lang', () =>
        timed('lang', async () => {
          const { driver } = browser;
          await driver.get(`${server.url}/`);
          const shadow = await shadowOf(driver);
          await firstQuestion(driver, shadow);
          await answer(shadow, questions.get('emergency_signs'), ['none']);
          await next(driver, shadow, 'Question 1', 'emergency_signs');
          await answer(shadow, questions.get('age'), '33');
          await next(driver, shadow, 'Question 2', 'age');
          assert.equal((await screen(shadow)).question, 'body_areas');
          const host = await driver.findElement(By.css('twitch-triage'));
          await driver.executeScript("arguments[0].setAttribute('lang', 'es')", host);
          const bodyAreas = spanish.questions.find((q) => q.id === 'body_areas').text;
          await driver.wait(async () => (await text(shadow, 'form h2')) === bodyAreas, 10000, `the Spanish question "${bodyAreas}"`);
          assert.equal(await text(shadow, '.progress'), 'Pregunta 3');
          await assertEmergencyLine(driver, shadow, '.emergency-line', castilian, 'in Spanish');
          // Back: the age typed before the switch, in a Spanish screen.
          await click(shadow, '[data-action=back]');
          await next(driver, shadow, 'Pregunta 3', 'back to the age');
          assert.equal(await text(shadow, 'form h2'), spanish.questions.find((q) => q.id === 'age').text);
          assert.equal(await read(shadow, 'input.number', (e) => e.getProperty('value')), '33', 'the age survives the switch');
          await click(shadow, '[data-action=back]');
          await next(driver, shadow, 'Pregunta 2', 'back to the first question');
          const ticked = [];
          for (const box of await shadow.findElements(By.css('input:checked'))) ticked.push(await box.getProperty('value'));
          assert.deepEqual(ticked, [place('emergency_signs', 'none')], '"none of these" survives the switch');
          await assertNoProblems(driver, 'lang switch');
        }),
      ),
    );
  });
}
