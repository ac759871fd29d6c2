// A host page's recorder (tests/e2e/embed.test.mjs): what the scripts of a
// page that shows the private embed can learn of it, the way analytics and
// session-replay tools listen. Every input event that reaches the window or
// the document, in the capture and the bubble phase; focus changes; every
// message; every change a script makes to the page (a MutationObserver,
// as replay tools record); CSP violations.
window.__host = { events: [], focus: [], messages: [], mutations: [], violations: [] };
{
  const seen = window.__host;
  const name = (n) => (n === window ? 'window' : n === document ? 'document' : n?.localName ?? String(n));
  const INPUT = [
    'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
    'touchstart', 'touchend', 'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'submit',
    'select', 'selectionchange', 'copy', 'cut', 'paste', 'beforeprint', 'afterprint',
    'twitch-triage-start', 'twitch-triage-complete',
  ];
  const FOCUS = ['focus', 'blur', 'focusin', 'focusout'];
  for (const target of [window, document]) {
    for (const capture of [true, false]) {
      const phase = capture ? 'capture' : 'bubble';
      for (const type of INPUT) target.addEventListener(type, (e) => seen.events.push(`${type} ${phase} ${name(e.target)}`), capture);
      for (const type of FOCUS) target.addEventListener(type, (e) => seen.focus.push(`${type} ${phase} ${name(e.target)}`), capture);
    }
  }
  addEventListener('message', (e) =>
    seen.messages.push({ data: e.data, origin: e.origin, fromFrame: e.source === document.querySelector('iframe')?.contentWindow }),
  );
  // (From the end of parsing: what scripts change, not what the parser adds.)
  document.addEventListener('DOMContentLoaded', () =>
    new MutationObserver((records) => {
      for (const r of records) seen.mutations.push(`${r.type} ${name(r.target)} ${r.attributeName ?? ''}`.trim());
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true }),
  );
  document.addEventListener('securitypolicyviolation', (e) => seen.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
}
