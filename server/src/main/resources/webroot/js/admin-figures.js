// The quarterly processing times of the managers' screens page, shown on every screen's transparency page. Days are
// typed the French way ("41,5"), checked against plausible bounds before anything is saved: 0 to 365 days (the
// server refuses more), and a confirmation above 90 days, a quarter, longer than any usual procedure.
import { $, el } from '/static/js/dom.js';
import { get, request } from '/static/js/request.js';
import { attempt, confirmAction, formatDecimal, parseDecimal, tell } from '/static/js/feedback.js';

/** The largest delay accepted, in days (the server's bound too). */
export const MAX_DAYS = 365;
/** Above this many days a delay is unusual: the page asks before saving it. */
export const USUAL_DAYS = 90;

const field = (parent, procedure, value) => {
  const id = 'delay-' + procedure.code;
  const wrap = el('div', null, { 'data-feedback-place': '' });
  const input = el('input', null, {
    id,
    inputmode: 'decimal',
    autocomplete: 'off',
    size: '8',
    'aria-describedby': id + '-unit',
  });
  input.value = value === undefined ? '' : formatDecimal(value);
  input.dataset.procedure = procedure.code;
  const label = el('label', procedure.name.fr + ' / ', { for: id });
  label.append(el('span', procedure.name.en, { lang: 'en' }));
  wrap.append(label, input, el('span', ' jours / days (0 à 365)', { id: id + '-unit' }));
  parent.append(wrap);
  return input;
};

// The delays typed, or the first refusal: { delays, unusual: [inputs above USUAL_DAYS] } or { bad: input, text }.
const read = () => {
  const delays = {};
  const unusual = [];
  for (const input of document.querySelectorAll('#figures-delays input')) {
    input.removeAttribute('aria-invalid');
    if (input.value.trim() === '') {
      continue;
    }
    const days = parseDecimal(input.value);
    if (Number.isNaN(days) || days < 0 || days > MAX_DAYS) {
      const text = Number.isNaN(days)
        ? '« ' + input.value + ' » n’est pas un nombre de jours (ex. 41,5). / Not a number of days.'
        : formatDecimal(days) + ' jours : un délai va de 0 à 365 jours, rien n’est enregistré. / From 0 to 365 days.';
      return { bad: input, text };
    }
    delays[input.dataset.procedure] = days;
    if (days > USUAL_DAYS) {
      unusual.push(input);
    }
  }
  return { delays, unusual };
};

/** Wires the figures' form; answers the function that (re)loads the figures shown. */
export const figures = () => {
  const load = async () => {
    const t = await get('/api/transparency');
    const shown = t.shown || { year: new Date().getFullYear(), quarter: 1, delays: {} };
    $('figures-year').value = shown.year;
    $('figures-quarter').value = String(shown.quarter);
    const box = $('figures-delays');
    box.textContent = '';
    for (const p of t.procedures) {
      field(box, p, shown.delays[p.code]);
    }
  };

  $('figures-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const save = event.target.querySelector('button[type=submit]');
    const typed = read();
    if (typed.bad) {
      typed.bad.setAttribute('aria-invalid', 'true');
      tell(typed.bad, typed.text, 'error');
      typed.bad.focus();
      return;
    }
    if (typed.unusual.length > 0) {
      const names = typed.unusual.map((i) => $(i.id).labels[0].firstChild.textContent.replace(/ \/ $/, ''));
      const sure = await confirmAction({
        title: 'Délai inhabituel / Unusual delay',
        text:
          names.join(', ') +
          ' : plus de ' +
          USUAL_DAYS +
          ' jours, affiché tel quel sur tous les écrans. Est-ce bien le délai moyen du trimestre ?',
        yes: 'Oui, enregistrer / Yes, save',
      });
      if (!sure) {
        return;
      }
    }
    const body = { year: Number($('figures-year').value), quarter: Number($('figures-quarter').value), ...typed };
    delete body.unusual;
    const saved = await attempt(save, () => request('PUT', '/api/transparency', body));
    if (saved !== undefined) {
      tell(save, 'Délais enregistrés, affichés sur les écrans / Figures saved, shown on the screens');
    }
  });

  return load;
};
