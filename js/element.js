// <twitch-triage>: the custom element. wasm-bindgen cannot subclass
// HTMLElement, so this small file defines the element, attaches its shadow
// root and hands it to the Rust Widget (src/widget/) once the WebAssembly
// module is ready. Everything the person sees after that is rendered by Rust.
//
// If the module cannot start (WebAssembly blocked by the page's CSP, the
// .wasm file missing), the element shows what it is, that it could not
// start, and the emergency advice, instead of a blank box.
//
// Loading this file twice is harmless: the element is defined once.

import init, { Widget } from './twitch_triage_widget.js';

const FALLBACK = {
  en: {
    loading: 'Loading the questionnaire about muscle twitching…',
    title: 'Questionnaire about muscle twitching',
    failed: 'Sorry, the questionnaire could not start on this page.',
    emergency: 'If you have chest pain, trouble breathing, sudden weakness on one side, or you blacked out, call {number} now.',
    doctor: 'If a twitch worries you, or it comes with weakness or lasts for months, talk to a doctor.',
  },
};

let ready;
const load = () =>
  (ready ??= init({ module_or_path: new URL('./twitch_triage_widget_bg.wasm', import.meta.url) }).then(
    () => true,
    () => false,
  ));

const widgets = new WeakMap();
let fallbackSheet;

function texts(el) {
  const tag = el.getAttribute('lang') || el.parentElement?.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en';
  return FALLBACK[tag.toLowerCase().split('-')[0]] ?? FALLBACK.en;
}

function number(el) {
  const n = (el.getAttribute('emergency-number') ?? '').trim();
  return /^[0-9+*# -]{1,16}$/.test(n) && /[0-9]/.test(n) ? n : '112';
}

function show(el, root, lines) {
  if (!fallbackSheet) {
    fallbackSheet = new CSSStyleSheet();
    fallbackSheet.replaceSync(':host{display:block}div{padding:1rem;border:2px solid;border-radius:4px;font:inherit;line-height:1.45}p{margin:0 0 .5rem}');
  }
  root.adoptedStyleSheets = [fallbackSheet];
  const box = document.createElement('div');
  box.setAttribute('part', 'container');
  box.setAttribute('role', 'status');
  for (const [tag, text] of lines) {
    const p = document.createElement(tag);
    p.textContent = text;
    box.append(p);
  }
  root.replaceChildren(box);
}

class TwitchTriageElement extends HTMLElement {
  static get observedAttributes() {
    return ['lang', 'emergency-number', 'share-answers'];
  }

  connectedCallback() {
    // Moved or re-added: the shadow root and the widget, with its answers, stay.
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    show(this, root, [['p', texts(this).loading]]);
    load().then((ok) => {
      if (ok) {
        try {
          widgets.set(this, new Widget(this, root));
          return;
        } catch {
          // fall through to the fallback
        }
      }
      const t = texts(this);
      show(this, root, [
        ['strong', t.title],
        ['p', t.failed],
        ['p', t.emergency.replace('{number}', number(this))],
        ['p', t.doctor],
      ]);
    });
  }

  attributeChangedCallback() {
    widgets.get(this)?.attributeChanged();
  }
}

if (!customElements.get('twitch-triage')) customElements.define('twitch-triage', TwitchTriageElement);
