// <twitch-triage>: the custom element. wasm-bindgen cannot subclass
// HTMLElement, so this small file defines the element, attaches its shadow
// root and hands it to the Rust side (crates/element) once the WebAssembly
// module and the texts of the element's language (lang/<lang>.txt, from the
// same origin) are ready.
// Everything the person sees after that is rendered by Rust.
//
// If the module cannot start (WebAssembly blocked by the page's CSP, the
// .wasm file missing or not the one this file was built with), the element
// shows what it is, that it could not start, and the emergency advice,
// instead of a blank box. The emergency advice shows from the first paint,
// while the files load; a load that takes more than a few seconds shows the
// same readable screen until it completes.
//
// Nothing loaded after this file can change what the element says (SAFETY
// H19): the build bakes the SHA-384 digest of the wasm and of each language
// pack into this file (DIGESTS), and each is fetched with that digest as its
// integrity, so the browser refuses a file that differs. A pack is text,
// never run as code.
//
// What the host page learns (SAFETY H18, H20): the shadow root is closed
// unless the host sets shadow-root="open"; the events that carry what a
// person types or clicks stop at the shadow root; the completion event
// carries the result only with share-result or share-answers, and the
// element then says so to the person.
//
// Loading this file twice is harmless: the element is defined once.

import init, { TwitchTriage, installTexts, languageFor } from './twitch_triage_element.js';
import NUMBERS from './emergency-numbers.js';
import { DEFAULT_NUMBER, regionNumber, tagLang, validNumber } from './resolve.js';

const FALLBACK = {
  en: {
    loading: 'Loading the questionnaire about muscle twitching…',
    stalled: 'The questionnaire is taking longer than usual to load.',
    title: 'Questionnaire about muscle twitching',
    failed: 'Sorry, the questionnaire could not start on this page.',
    emergency: (n) => `If you have chest pain, trouble breathing, sudden weakness on one side, or you blacked out, call ${n} now.`,
    doctor: 'If a twitch worries you, or it comes with weakness or lasts for months, talk to a doctor.',
  },
  es: {
    loading: 'Cargando el cuestionario sobre contracciones musculares involuntarias…',
    stalled: 'El cuestionario está tardando más de lo normal en cargar.',
    title: 'Cuestionario sobre contracciones musculares involuntarias',
    failed: 'Lo sentimos, el cuestionario no pudo iniciarse en esta página.',
    emergency: (n) => `Si tiene dolor en el pecho, dificultad para respirar, debilidad repentina en un lado del cuerpo, o perdió el conocimiento, llame ahora al ${n}.`,
    doctor: 'Si una contracción muscular involuntaria le preocupa, viene con debilidad o dura meses, hable con un médico.',
  },
  'zh-Hant': {
    loading: '正在載入肌肉抽動問卷…',
    stalled: '問卷載入的時間比平常久。',
    title: '肌肉抽動問卷',
    failed: '抱歉，問卷無法在這個頁面上啟動。',
    emergency: (n) => `如果有胸痛、呼吸困難、身體一側突然無力，或剛剛昏過去，請立刻撥打 ${n}。`,
    doctor: '如果抽動讓您擔心、合併無力，或持續好幾個月，請和醫生談談。',
  },
};

// The languages in the module's order (Lang::ALL in src/kb/lang.rs), written here
// by scripts/build.mjs from the core's list: languageFor gives the place of
// one.
const LANGS = TWITCH_TRIAGE_LANGS;

// Each file this one loads, with its SHA-384 digest as an SRI integrity
// value ('lang/en.txt': 'sha384-…'), written here by scripts/build.mjs.
const DIGESTS = TWITCH_TRIAGE_DIGESTS;
// `file` (next to this one, at `url`), fetched only if it is the one this
// file was built with (the browser checks the digest; a file that differs is
// a network error). The URLs are written out where they are made, as
// `new URL('./…', import.meta.url)`, so that bundlers find the files.
const fetchPinned = (url, file) => fetch(url, { integrity: DIGESTS[file] ?? 'sha384-missing' });

// How long the loading screen waits before it says the load is slow, and
// shows how to get help (the element recovers when the load completes).
const STALLED_MS = 4000;

let ready;
let exports;
const load = () =>
  (ready ??= init({
    module_or_path: fetchPinned(new URL('./twitch_triage_element_bg.wasm', import.meta.url), 'twitch_triage_element_bg.wasm'),
  }).then(
    (w) => {
      exports = w;
      return true;
    },
    () => false,
  ));

/** Bytes of WebAssembly memory the elements of this page use (0 before they start). */
export const memoryBytes = () => exports?.memory.buffer.byteLength ?? 0;

// Each language's texts are loaded once, when an element first needs them
// (installing them needs the module), fetched against their digest: text,
// never run.
const loading = new Map();
// Each pack's URL, written out so that bundlers (webpack, Rollup, Vite) find
// the files and emit them (esbuild: copy them, README "Frameworks"). The
// element's packs are plain text (lang/<lang>.txt, the pack itself): no
// bundler or development server rewrites a text file, so its digest holds.
const PACK_URLS = {
  en: () => new URL('./lang/en.txt', import.meta.url),
  es: () => new URL('./lang/es.txt', import.meta.url),
  'zh-Hant': () => new URL('./lang/zh-Hant.txt', import.meta.url),
};
const loadText = (lang) => {
  if (!loading.has(lang)) loading.set(lang, fetchPinned(PACK_URLS[lang](), `lang/${lang}.txt`).then((r) => r.text()));
  return loading.get(lang);
};
const installed = new Map();
function pack(lang) {
  if (!installed.has(lang)) {
    installed.set(
      lang,
      loadText(lang)
        .then((t) => {
          if (!installTexts(t)) throw new Error('not a language pack for this version');
        })
        .catch((e) => {
          // A host's deployment mistake (a missing or stale file): said once per language.
          console.warn(`<twitch-triage>: the ${lang} texts (lang/${lang}.txt) could not be used (${e?.message ?? e}); it shows another language.`);
          throw e;
        }),
    );
  }
  return installed.get(lang);
}
// The wanted language, or English when its texts cannot be had.
const texts = (lang) => pack(lang).catch(() => pack('en'));
// Loads the texts of the language the module renders the element in, then
// runs `then` (if given). If that language changes while they load (a
// host's language switcher setting `lang`), the new one's are loaded too:
// the element never renders in a language whose texts it does not have.
// `then` runs in the same step as the last check, so no change can slip in
// between.
async function textsFor(el, then) {
  for (;;) {
    const lang = LANGS[languageFor(el)];
    await texts(lang);
    if (LANGS[languageFor(el)] === lang) return then?.();
  }
}

// "Download for your doctor" (README "FHIR export"): the FHIR file is made
// on the device by the export's own module (twitch_triage_fhir.wasm, no
// wasm-bindgen; crates/fhir), loaded only now, against its digest like
// every file here, and given the pack of the element's language (already
// fetched) and the answers. The file is saved through a link that is never
// in the page, to a Blob URL only that link knows (a random address nothing
// in the page can list): nothing is sent, stored or shown to the host page.
const { createObjectURL } = URL;
let fhir;
// (A failure is said to the person by the Rust side; the browser's console
// says why a file could not be fetched or was refused. A module that could
// not be had is tried again on the next click.)
const fhirFile = (lang, answers) =>
  saveFhir(lang, answers).catch((e) => {
    fhir = 0;
    throw e;
  });
async function saveFhir(lang, answers) {
  const [{ instance }, pack] = await Promise.all([
    (fhir ||= fetchPinned(new URL('./twitch_triage_fhir.wasm', import.meta.url), 'twitch_triage_fhir.wasm')
      .then((r) => r.arrayBuffer())
      .then((b) => WebAssembly.instantiate(b))),
    loadText(lang),
  ]);
  const x = instance.exports;
  const put = (text) => {
    const bytes = new TextEncoder().encode(text);
    // (input() first: it may grow the memory, which replaces its buffer.)
    const at = x.input(bytes.length);
    new Uint8Array(x.memory.buffer, at, bytes.length).set(bytes);
  };
  put(pack);
  if (!x.install()) throw new Error('not a language pack for this version');
  const now = new Date().toISOString();
  // Operation 2: the QuestionnaireResponse, in a Bundle with the Questionnaire.
  put(`{"lang":"${lang}","authored":"${now}","answers":${answers},"bundle":true}`);
  const ok = x.run(2);
  const out = new TextDecoder().decode(new Uint8Array(x.memory.buffer, x.output(), x.output_len()));
  if (!ok) throw new Error(out);
  const link = document.createElement('a');
  link.href = createObjectURL(new Blob([out], { type: 'application/fhir+json' }));
  link.download = `twitch-triage-${now.slice(0, 10)}.fhir.json`;
  link.click();
}

// Each element's Rust side (a TwitchTriage), once it has started.
const inners = new WeakMap();
// Each element's shadow root (closed by default: `el.shadowRoot` is null).
const roots = new WeakMap();
// The shadow root's one element, made here and never replaced: everything the
// element shows is inside it (the fallback screens here, the Rust side's
// screens from crates/element). It carries the session-replay tools' documented
// "record nothing inside" markers (docs/SAFETY.md H18 cites each): rrweb,
// FullStory, PostHog and Sentry block it (a grey box of the same size),
// LogRocket and Datadog too; Microsoft Clarity and Hotjar can only mask its
// text.
function privateBox(root) {
  const box = document.createElement('div');
  box.className = 'rr-block fs-exclude ph-no-capture sentry-block dd-privacy-hidden';
  box.setAttribute('data-private', '');
  box.setAttribute('data-dd-privacy', 'hidden');
  box.setAttribute('data-clarity-mask', 'True');
  box.setAttribute('data-hj-suppress', '');
  root.append(box);
}
// Events that carry what a person types or where they click stop at the
// shadow root (bubbling listeners of the host page never see them).
// (A list, not a split string: a page may have broken String.prototype.split.)
const PRIVATE_EVENTS = [
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend',
  'paste', 'copy', 'cut', 'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown',
  'pointerup', 'touchstart', 'touchend',
];
// The elements in the page, for a change of the page's language.
const live = new Set();
// Shows an attribute's new value. A host's listener of the element's own
// events (start, complete) runs while the Rust side is busy rendering: then
// it is shown again as soon as it is done (the first microtask after it),
// so a number set there is not lost. The tries are bounded: an element
// stopped mid-render by a fault (a WebAssembly trap) stays busy, and
// retrying it for ever would freeze the host page.
const refresh = (inner, tries = 3) =>
  inner.attributeChanged() || (tries > 0 && queueMicrotask(() => refresh(inner, tries - 1)));
// Shows an element in its language, now wanted, once its texts are loaded.
const relang = (el, inner) => textsFor(el).finally(() => refresh(inner));
let fallbackSheet;

// `f()`, or `otherwise` when it throws: a page whose built-ins are broken
// (Array.prototype.map or String.prototype.split replaced, say) still gets
// the element and its readable fallback.
function safely(f, otherwise) {
  try {
    return f();
  } catch {
    return otherwise;
  }
}

// The first of the element's language tags, in the module's order
// (lang_tags in crates/element/src/lifecycle.rs): its own lang, the nearest lang of the
// page, the browser's languages, for which `f` gives something.
const firstTag = (el, f) =>
  [el.getAttribute('lang'), el.parentElement?.closest('[lang]')?.getAttribute('lang'), ...(navigator.languages ?? [])]
    .map(f)
    .find(Boolean);

// The element's language (resolve_lang; tagLang is Lang::from_tag, see
// resolve.js): it picks the fallback texts and which pack to start loading
// while the module loads; the module decides.
const jsLanguage = (el) => safely(() => firstTag(el, tagLang), null) ?? 'en';

// The host's number, else the one for the region of a language tag (from
// the same table as the module's, kb/emergency_numbers.toml), else 112: the
// module's rules (resolve.js).
function number(el) {
  return safely(() => {
    const n = (el.getAttribute('emergency-number') ?? '').trim();
    return validNumber(n) ? n : firstTag(el, (tag) => regionNumber(tag, NUMBERS));
  }, null) ?? DEFAULT_NUMBER;
}

// A host page's mistake in an attribute is said in the console, with what was
// expected and what the element does instead (it never fails or goes blank).
function checkAttribute(el, name) {
  const value = el.getAttribute(name);
  if (name === 'emergency-number' && value !== null && number(el) !== value.trim()) {
    console.warn(
      `<twitch-triage>: emergency-number="${value}" is not a number to call (digits, spaces and + * # - only, at most 16, at least one digit); it shows ${number(el)} instead (the number for the region of the page's or the browser's language, else 112).`,
    );
  }
  if (name === 'lang' && value && !tagLang(value)) {
    console.warn(
      `<twitch-triage>: lang="${value}" is not a language it has texts for (${LANGS.join(', ')}); it uses the page's language, else the browser's, else English.`,
    );
  }
}

// A fallback screen in `root`, before or without the module, in the
// element's language (and direction, as the module's screens): the title
// and `message` (loading, stalled or failed), then always the emergency
// advice with the number, and when to see a doctor. Only DOM calls, no
// Array or String methods, so broken built-ins cannot blank it.
function show(el, root, message) {
  const lang = jsLanguage(el);
  const t = FALLBACK[lang];
  try {
    if (!fallbackSheet) {
      fallbackSheet = new CSSStyleSheet();
      // While it loads, the box holds the height of a screen (the first
      // question is taller than most screens), so that the page below does
      // not jump when the questionnaire appears (layout shift); a host can
      // set its own with --twitch-triage-loading-height.
      fallbackSheet.replaceSync(
        ':host{display:block}[part=container]{padding:1rem;border:2px solid;border-radius:4px;font:inherit;line-height:1.45}p{margin:0 0 .5rem}.loading,.stalled{min-height:var(--twitch-triage-loading-height,100vh)}',
      );
    }
    root.adoptedStyleSheets = [fallbackSheet];
  } catch {}
  const box = document.createElement('div');
  box.setAttribute('part', 'container');
  box.className = message;
  box.setAttribute('role', 'status');
  box.setAttribute('lang', lang);
  box.setAttribute('dir', 'ltr');
  const lines = [t.title, t[message], t.emergency(number(el)), t.doctor];
  for (let i = 0; i < 4; i++) {
    const p = document.createElement(i ? 'p' : 'strong');
    p.textContent = lines[i];
    box.append(p);
  }
  root.firstElementChild.replaceChildren(box);
}

// What the host page can use, written once: the JSDoc below, in the Custom
// Elements Manifest's tags, with the properties' getters (their JSDoc) and
// setters, is the source of dist/custom-elements.json (scripts/manifest.mjs,
// at each build). The attributes are read here and in lifecycle.rs, the
// events and parts are the Rust side's (crates/element/src), the custom
// properties style.css's and this file's: tests/node/manifest.test.mjs fails
// when one is not listed below. (Comments are not shipped: the build
// minifies this file.)
//
// (Where there is no DOM, server-side rendering in Node say, importing this
// file defines nothing, loads nothing and throws nothing.)
/**
 * @summary A private questionnaire about a twitching muscle: what it may be, what to do now and how soon to see a doctor. No answer leaves the device.
 *
 * @attr {string} lang - en, es or zh-Hant (a region may follow, es-MX); otherwise the page's language, then the browser's, then English.
 * @attr {string} emergency-number - The number to call in an emergency (digits, spaces and + * # -); by default the number for the region of the language tag, else 112.
 * @attr {boolean} share-result - The twitch-triage-complete event carries the level and the explanations; every screen tells the person.
 * @attr {boolean} share-answers - The twitch-triage-complete event carries the answers as well; every screen tells the person.
 * @attr {'open'} shadow-root - Read when the element is first connected: "open" gives a shadow root the page's scripts can read (closed otherwise); every screen then tells the person.
 *
 * @fires {CustomEvent<Record<string, never>>} twitch-triage-start - The first answer was given (bubbles, composed).
 * @fires {CustomEvent<TwitchTriageCompleteDetail>} twitch-triage-complete - The result is shown (bubbles, composed). Its detail is {} unless share-result ({ triage, explanations }) or share-answers (and answers).
 *
 * @csspart container - The element's box.
 * @csspart emergency-line - The emergency line at the top of every screen.
 * @csspart back - The Back link.
 * @csspart progress - "Question n".
 * @csspart error-summary - The error summary at the top of a question answered wrongly.
 * @csspart form - A question's form.
 * @csspart heading - A question's heading (the question itself).
 * @csspart options - A question's options.
 * @csspart button - The Continue button.
 * @csspart banner - The level of a result (and the emergency banner during the questions).
 * @csspart advice - What to do now.
 * @csspart explanations - The possible explanations.
 * @csspart doctor - What to tell a doctor.
 * @csspart open - The questions left unanswered by an early result.
 * @csspart answers - The person's answers.
 * @csspart actions - Start again, copy and print.
 * @csspart shared - The notice that this site receives the result or the answers (share-result, share-answers, shadow-root="open").
 * @csspart disclaimer - The disclaimer at the bottom of every screen.
 *
 * @cssprop --twitch-triage-font - The font.
 * @cssprop --twitch-triage-radius - The corners' radius.
 * @cssprop --twitch-triage-color-text - Text colour.
 * @cssprop --twitch-triage-color-background - Background colour.
 * @cssprop --twitch-triage-color-primary - The buttons' and links' colour.
 * @cssprop --twitch-triage-color-muted - Secondary text.
 * @cssprop --twitch-triage-color-border - Borders.
 * @cssprop --twitch-triage-color-error - Errors.
 * @cssprop --twitch-triage-color-focus - The focus ring.
 * @cssprop --twitch-triage-loading-height - The height held while the element loads (default 100vh), so that the page does not shift.
 */
class TwitchTriageElement extends (globalThis.HTMLElement ?? Object) {
  static get observedAttributes() {
    return ['lang', 'emergency-number', 'share-answers', 'share-result'];
  }

  // Properties for the attributes (`lang` is HTMLElement's own), as Shoelace's
  // components have: setting one sets its attribute, so a framework or a
  // script may use either.
  /**
   * The emergency-number attribute; when absent, the number shown.
   * @type {string}
   */
  get emergencyNumber() {
    return this.getAttribute('emergency-number') ?? number(this);
  }
  set emergencyNumber(v) {
    v == null ? this.removeAttribute('emergency-number') : this.setAttribute('emergency-number', v);
  }
  /**
   * The share-answers attribute.
   * @type {boolean}
   */
  get shareAnswers() {
    return this.hasAttribute('share-answers');
  }
  set shareAnswers(v) {
    this.toggleAttribute('share-answers', !!v);
  }
  /**
   * The share-result attribute.
   * @type {boolean}
   */
  get shareResult() {
    return this.hasAttribute('share-result');
  }
  set shareResult(v) {
    this.toggleAttribute('share-result', !!v);
  }

  connectedCallback() {
    live.add(this);
    // A property set before the element was defined (the script is async)
    // sits on the element itself, hiding the setter: pass it on.
    for (const p of ['emergencyNumber', 'shareAnswers', 'shareResult']) {
      if (safely(() => Object.hasOwn(this, p), false)) {
        const v = this[p];
        delete this[p];
        this[p] = v;
      }
    }
    // Moved or re-added: the shadow root and the Rust side, with its answers, stay.
    if (roots.has(this)) return;
    // Closed unless the host opts in (its scripts can then read the answers,
    // and the element says so).
    const root = this.attachShadow({ mode: this.getAttribute('shadow-root') === 'open' ? 'open' : 'closed' });
    roots.set(this, root);
    privateBox(root);
    // (Passive: it never cancels anything, so scrolling is never held up.)
    const stop = (e) => e.stopPropagation();
    for (let i = 0; i < PRIVATE_EVENTS.length; i++) root.addEventListener(PRIVATE_EVENTS[i], stop, { passive: true });
    show(this, root, 'loading');
    // A slow load says so, with the emergency advice; the Rust side replaces it when it starts.
    const stalled = setTimeout(() => inners.has(this) || show(this, root, 'stalled'), STALLED_MS);
    safely(() => loadText(jsLanguage(this)).catch(() => {}));
    new Promise((started) => started(load()))
      .then((ok) =>
        ok
          ? textsFor(this, () => {
              inners.set(this, new TwitchTriage(this, root, fhirFile, NUMBERS));
              performance.mark('twitch-triage-ready');
            })
          : Promise.reject(new Error('no WebAssembly')),
      )
      .catch(() => show(this, root, 'failed'))
      .finally(() => clearTimeout(stalled));
  }

  disconnectedCallback() {
    live.delete(this);
  }

  attributeChangedCallback(name) {
    // (Also called for each attribute the element has when it is upgraded.)
    safely(() => checkAttribute(this, name));
    const inner = inners.get(this);
    if (!inner) return;
    // A new language: load its texts first. The answers stay either way.
    if (name === 'lang') relang(this, inner);
    else refresh(inner);
  }
}

if (globalThis.customElements && !customElements.get('twitch-triage')) {
  // Defined first: whatever the page has done to its built-ins, the element
  // exists and shows at least its fallback.
  customElements.define('twitch-triage', TwitchTriageElement);
  safely(() => {
    // Start loading now, before any element is connected: the module and
    // the page language's texts download while the page is still being
    // parsed.
    load();
    loadText(jsLanguage(document.documentElement)).catch(() => {});
    // The page's language changes (a single-page app's language switcher
    // setting <html lang>, say): the elements that take their language from
    // the page follow it, as when their own lang changes. Only a change on
    // an element's ancestors can change its language: one elsewhere in the
    // page (a quotation marked as French) leaves it as it is. Nothing is sent.
    new MutationObserver((changes) => {
      for (const el of live) {
        const inner = inners.get(el);
        if (inner && !tagLang(el.getAttribute('lang')) && changes.some((c) => c.target.contains(el))) relang(el, inner);
      }
    }).observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
  });
}
