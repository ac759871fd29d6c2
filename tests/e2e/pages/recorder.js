// Starts rrweb on recorded.html: its default settings, or with ?strict its
// strictest masking (every input masked, every text masked), as a careful
// host would set them. The events are kept for the test.
window.__recording = [];
rrweb.record({
  emit: (e) => window.__recording.push(e),
  ...(location.search.includes('strict') ? { maskAllInputs: true, maskTextSelector: '*' } : {}),
});
