// The private page offline (app.html; README "The private page, offline";
// SAFETY H27): registers sw.js for this page only, named by the version of
// the package it serves (the digest of element.js, which pins every other
// file), so that a new version installs a new worker and its own copy of
// the files. Only on this page: the embed and the demo pages register
// nothing. No answer is ever stored.
// Under Trusted Types (the page's CSP requires them), the worker's URL goes
// through a policy that allows this one script and nothing else.
const workerUrl = (url) =>
  globalThis.trustedTypes
    ? trustedTypes
        .createPolicy('twitch-triage-app', {
          createScriptURL: (u) => {
            if (!/^sw\.js\?v=[\w%.-]+$/.test(u)) throw new TypeError(`not the page's worker: ${u}`);
            return u;
          },
        })
        .createScriptURL(url)
    : url;
if ('serviceWorker' in navigator) {
  fetch('twitch-triage/integrity.json', { cache: 'no-store' })
    .then((r) => r.json())
    .then((files) =>
      navigator.serviceWorker.register(workerUrl(`sw.js?v=${encodeURIComponent(files['element.js'])}`), { scope: './app.html' }),
    )
    .catch(() => {}); // Offline, or no worker: the page works as it is.
}
