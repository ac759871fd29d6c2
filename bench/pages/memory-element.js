// 1,000 whole interviews through the <twitch-triage> element in one page
// (its shadow root opened for the bench by shadow-root="open")
// (answering on its screens, "Start again" between them), reading the
// element module's linear memory along the way.
import { memoryBytes } from '/twitch-triage/element.js';

const el = document.querySelector('twitch-triage');
const until = async (test) => {
  while (!test()) await new Promise((r) => setTimeout(r, 5));
};
await until(() => el.shadowRoot?.querySelector('form'));
const root = el.shadowRoot;
const memory = {};
for (let i = 1; i <= 1000; i++) {
  for (let n = 0; n < 30 && root.querySelector('form'); n++) {
    const number = root.querySelector('input.number');
    if (number) number.value = String(20 + (i % 60));
    // "None of these" (the last box), else the second radio ("no" on a yes/no
    // question), else one of the first three options.
    else (root.querySelector('.item:last-child input[type=checkbox]') ?? root.querySelectorAll('input')[i % 3] ?? root.querySelector('input')).click();
    root.querySelector('button[type=submit]').click();
  }
  if ([1, 10, 100, 500, 1000].includes(i)) memory[i] = memoryBytes();
  root.querySelector('[data-action=restart]').click();
}
window.__memory = memory;
document.getElementById('status').textContent = 'done';
