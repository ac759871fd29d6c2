// 1,000 whole interviews through the npm package's Interview in one page,
// reading the WebAssembly linear memory along the way.
import { Interview } from '/twitch-triage/index.js';
import init from '/twitch-triage/twitch_triage.js';
import { simulated } from './simulated.js';

const exports = await init(); // the instance index.js already made
const cases = await (await fetch('/vignettes/dev.json')).json();
const memory = {};
for (let i = 1; i <= 1000; i++) {
  const c = cases[i % cases.length];
  const iv = new Interview({ lang: 'en' });
  for (let q = iv.next(); q; q = iv.next()) iv.answer(q.id, simulated(c.findings, q));
  iv.result();
  iv.free();
  if ([1, 10, 100, 500, 1000].includes(i)) memory[i] = exports.memory.buffer.byteLength;
}
window.__memory = memory;
document.getElementById('status').textContent = 'done';
