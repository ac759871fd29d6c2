// The private embed (embed.html; README, "Private embed (iframe)"; SAFETY
// H22). The page is shown in a sandboxed iframe on a site of another origin;
// this script reads its query string (lang, emergency-number, share-result),
// gives the <twitch-triage> element those attributes, and tells the parent
// page only its height, as a plain number, whenever it changes. With
// share-result, the completion event's detail ({ triage, explanations }) is
// posted too, and the element says so to the person. Nothing else crosses
// the frame: the host page's scripts cannot reach into it (another origin, an
// opaque one in the sandbox), and its clicks and keys never reach the host.
//
// A classic script, run before element.js (both deferred): the attributes
// are set before the element is defined, and the height is sent even where
// element.js cannot load.
'use strict';
{
  const query = new URLSearchParams(location.search);
  const el = document.querySelector('twitch-triage');
  const warn = (what) => console.warn(`twitch-triage embed: ${what}`);
  const known = ['lang', 'emergency-number', 'share-result'];
  for (const key of new Set(query.keys())) {
    if (!known.includes(key)) warn(`"${key}" is not a setting of the embed (${known.join(', ')}); ignored.`);
  }

  // A language tag (en, es, es-MX, zh-Hant): the element picks its texts and
  // the default number from it; without one it follows the browser.
  const lang = query.get('lang');
  if (lang !== null && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/.test(lang)) {
    el.setAttribute('lang', lang);
    document.documentElement.lang = lang;
  } else {
    if (lang !== null) warn(`lang="${lang}" is not a language tag; the browser's language is used.`);
    document.documentElement.lang = navigator.language || 'en';
  }

  // As the element checks it: digits, spaces and + * # - only, one digit at least.
  const number = query.get('emergency-number')?.trim();
  if (number !== undefined && /^[0-9+*# -]{1,16}$/.test(number) && /[0-9]/.test(number)) {
    el.setAttribute('emergency-number', number);
    document.getElementById('number').textContent = number;
  } else if (number !== undefined) {
    warn(`emergency-number="${number}" is not a number to call; the element's default is used.`);
  }

  // Only an explicit yes: share-result, share-result=1 or share-result=true.
  const share = query.get('share-result');
  if (share !== null && ['', '1', 'true'].includes(share)) {
    el.setAttribute('share-result', '');
    el.addEventListener('twitch-triage-complete', (e) => parent.postMessage(e.detail, '*'));
  } else if (share !== null) {
    warn(`share-result="${share}" is not "", "1" or "true"; the result is not shared.`);
  }

  // No margin around the element: the height sent is the element's.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('body{margin:0}');
  document.adoptedStyleSheets = [sheet];

  // The page's height, a whole number of CSS pixels, each time it changes.
  if (parent !== window) {
    let sent = 0;
    new ResizeObserver(() => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== sent) parent.postMessage((sent = height), '*');
    }).observe(document.documentElement);
  }
}
