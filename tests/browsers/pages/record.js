// Put first in the demo page's <head> by tests/browsers/interview.test.mjs,
// a classic script that runs before the page's own: what Playwright's init
// scripts do for the Chromium tests, which WebDriver (in Firefox and in
// WebKit) has no command for. It records what went wrong on the page, for
// the test to read, and opens every shadow root as tests/e2e/helpers.mjs's
// `inspectable` does (WebKitWebDriver finds no closed one).
window.__problems = [];
const problem = (what) => window.__problems.push(String(what));
// Errors thrown, promises rejected with no handler, files that failed to
// load (a script's, a stylesheet's: seen in the capture phase only).
addEventListener(
  'error',
  (e) => problem(e.target === window ? `error: ${e.message} (${e.filename}:${e.lineno})` : `failed to load: <${e.target.localName}> ${e.target.src ?? e.target.href}`),
  true,
);
addEventListener('unhandledrejection', (e) => problem(`unhandled rejection: ${e.reason}`));
document.addEventListener('securitypolicyviolation', (e) => problem(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
// What the element says in the console when something fails.
for (const level of ['error', 'warn']) {
  const write = console[level];
  console[level] = function (...args) {
    problem(`console.${level}: ${args.join(' ')}`);
    return write.apply(this, args);
  };
}
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attach.call(this, { ...init, mode: 'open' });
};
