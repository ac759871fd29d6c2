// The private page's service worker (app.html; SAFETY H27). It keeps a
// copy of the page's own static files, one cache per version of the
// package (?v=: the digest of element.js), so that the page opens and runs
// offline; it never stores anything else (no answer ever reaches it: the
// questionnaire sends no request). A new version fills its own cache first,
// then replaces the old one whole: a page never mixes two versions' files.

const VERSION = new URL(location.href).searchParams.get('v') ?? 'none';
const CACHE = `twitch-triage-app ${VERSION}`;
const FILES = [
  'app.html',
  'app.js',
  'app.webmanifest',
  'demo.css',
  'favicon.svg',
  'twitch-triage/element.js',
  'twitch-triage/twitch_triage_element_bg.wasm',
  // "Download for your doctor" works offline too: the FHIR export's module.
  'twitch-triage/twitch_triage_fhir.wasm',
  'twitch-triage/lang/en.txt',
  'twitch-triage/lang/es.txt',
  'twitch-triage/lang/zh-Hant.txt',
];
const scope = new URL('./', location.href);
const cached = new Set(FILES.map((f) => new URL(f, scope).href));

self.addEventListener('install', (event) => {
  // From the network, not the browser's HTTP cache: this version's files.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(new URL(f, scope), { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('twitch-triage-app ') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  url.search = '';
  // Only the listed files, from this version's copy; everything else (the
  // version check, integrity.json) goes to the network as usual.
  if (event.request.method !== 'GET' || !cached.has(url.href)) return;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(url.href)).then((hit) => hit ?? fetch(event.request)));
});
