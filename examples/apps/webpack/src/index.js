// <twitch-triage> from plain JavaScript: the lang attribute, the
// emergencyNumber property and the completion event.
import 'twitch-triage/element';

const triage = document.querySelector('twitch-triage');
triage.emergencyNumber = '911';
triage.addEventListener('twitch-triage-complete', (event) => {
  document.getElementById('result').textContent = `Result: ${event.detail.triage}`;
});
document.getElementById('lang').addEventListener('change', (event) => {
  triage.setAttribute('lang', event.target.value);
});
