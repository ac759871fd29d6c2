// A minimal custom interface on top of the npm package: the interview picks
// the questions, this code only draws them. Everything runs in the browser.
// The interface is in English, so it imports the English entry and the other
// languages' texts stay out of the bundle.
import { Interview, knowledge } from 'twitch-triage/en';
import './style.css';

const app = document.getElementById('app');
const interview = new Interview({ lang: 'en' });
const levels = new Map(knowledge().levels.map((l) => [l.id, l]));

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function choices(q) {
  if (q.kind === 'yesno') return [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }, { value: '?', label: 'Not sure' }];
  if (q.kind === 'one') return [...q.options, { value: '?', label: 'Not sure' }];
  return q.options ?? [];
}

function answerFrom(q, form) {
  if (q.kind === 'number') {
    // An empty field is no answer, not 0 (Number('') is 0, and an age of 0
    // is a baby under one). NaN makes the interview refuse it with a message.
    const text = form.elements.answer.value.trim();
    return text === '' ? NaN : Number(text);
  }
  const checked = [...form.querySelectorAll('input:checked')].map((i) => i.value);
  if (q.kind === 'many' || q.kind === 'checklist') return checked;
  const v = checked[0];
  if (v === undefined || v === '?') return null;
  if (q.kind === 'yesno') return v === 'yes';
  return v;
}

function showQuestion(q) {
  const form = el('form');
  const fieldset = el('fieldset');
  fieldset.append(el('legend', {}, q.text));
  if (q.hint) fieldset.append(el('p', {}, q.hint));
  if (q.kind === 'number') {
    const label = el('label', { for: 'answer' }, 'Years');
    fieldset.append(label, el('input', { id: 'answer', name: 'answer', inputmode: 'numeric' }));
  } else {
    const type = q.kind === 'many' || q.kind === 'checklist' ? 'checkbox' : 'radio';
    choices(q).forEach((o, i) => {
      const label = el('label');
      label.append(el('input', { type, name: 'answer', value: o.value, id: `o${i}` }), document.createTextNode(o.label));
      fieldset.append(label);
    });
  }
  form.append(fieldset, el('button', { type: 'submit' }, 'Continue'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    try {
      interview.answer(q.id, answerFrom(q, form));
      render();
    } catch (err) {
      form.querySelector('[role=alert]')?.remove();
      form.append(el('p', { role: 'alert' }, err.message));
    }
  });
  app.replaceChildren(form);
  fieldset.querySelector('input')?.focus();
}

function showResult() {
  const r = interview.result();
  const box = el('section', { 'data-triage': r.triage });
  // The level's title ("Get help now"), then what it might be and what to
  // do (the advice starts with the level's action). Never a diagnosis.
  box.append(el('h2', { class: 'level' }, levels.get(r.triage).title));
  box.append(el('p', {}, `Most likely: ${r.explanations[0].name}`));
  const ul = el('ul');
  r.advice.forEach((a) => ul.append(el('li', {}, a)));
  box.append(ul, el('p', {}, 'This is not a diagnosis. If you are worried, or it gets worse, talk to a doctor.'));
  app.replaceChildren(box);
}

function render() {
  const q = interview.next();
  if (q) showQuestion(q);
  else showResult();
}

render();
