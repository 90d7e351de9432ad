// The reception desk: the agent picks the visitor's service (each shown with its current wait), issues a walk-in
// ticket, tells the visitor the wait, and prints the ticket (the ticket page opens on the 80 mm print dialog).
import { $, el } from '/static/js/dom.js';
import { get, post, BACKGROUND } from '/static/js/request.js';

const ERRORS = {
  unknown_service: 'Ce service n’existe plus ; rechargez la page. / This service no longer exists; reload the page.',
  missing_field: 'Choisissez d’abord un service. / Choose a service first.',
  forbidden: 'Votre rôle ne permet pas de délivrer un ticket. / Your role cannot issue tickets.',
};

const people = (n) =>
  n === 0 ? 'aucune personne en attente' : n === 1 ? '1 personne en attente' : n + ' personnes en attente';
const peopleEn = (n) => (n === 0 ? 'nobody waiting' : n === 1 ? '1 person waiting' : n + ' people waiting');
const median = (m) =>
  m === null || m === undefined
    ? 'attente médiane : pas encore mesurée aujourd’hui'
    : 'attente médiane aujourd’hui : ' + m + ' min';
const medianEn = (m) =>
  m === null || m === undefined ? 'median wait: not measured yet today' : 'median today: ' + m + ' min';

const wait = (s) => people(s.waiting) + ', ' + median(s.medianWaitToday);
const waitEn = (s) => peopleEn(s.waiting) + ', ' + medianEn(s.medianWaitToday);

const render = (services) => {
  const chosen = document.querySelector('input[name=service]:checked')?.value;
  const list = $('services');
  list.replaceChildren();
  for (const s of services) {
    const input = el('input', null, { type: 'radio', name: 'service', value: s.code, id: 'service-' + s.code });
    input.checked = s.code === chosen;
    const text = el('span');
    text.append(
      el('span', s.name.fr, { class: 'name' }),
      el('span', s.name.en, { class: 'en', lang: 'en' }),
      el('span', wait(s), { class: 'wait', id: 'wait-' + s.code }),
      el('span', waitEn(s), { class: 'en', lang: 'en' }),
    );
    const label = el('label', null, { for: input.id });
    label.append(input, text);
    const li = el('li');
    li.append(label);
    list.append(li);
  }
};

const refresh = async (options) => render(await get('/api/reception/services', options));

const showResult = (t) => {
  const result = $('result');
  const print = el('a', null, {
    href: '/tickets/' + t.id + '?print=1',
    target: '_blank',
    id: 'print-ticket',
    class: 'button',
  });
  print.append('Imprimer le ticket ', el('span', '/ Print the ticket', { lang: 'en' }));
  const ahead =
    t.ahead === 0
      ? 'Aucune personne avant ce ticket'
      : t.ahead === 1
        ? '1 personne avant ce ticket'
        : t.ahead + ' personnes avant ce ticket';
  const aheadEn = t.ahead === 0 ? 'nobody ahead' : t.ahead === 1 ? '1 person ahead' : t.ahead + ' people ahead';
  result.replaceChildren(
    el('p', 'Ticket délivré / Ticket issued — ' + t.name.fr),
    el('p', t.ticket, { class: 'number', id: 'issued-number' }),
    el('p', ahead + ' ; ' + median(t.medianWaitToday) + '. / ' + aheadEn + '; ' + medianEn(t.medianWaitToday) + '.', {
      id: 'issued-wait',
    }),
  );
  const actions = el('p');
  actions.append(print);
  result.append(actions);
  result.hidden = false;
  print.focus();
};

const showError = (e) => {
  $('error').textContent =
    ERRORS[e.code] || 'Le ticket n’a pas pu être délivré ; réessayez. / The ticket could not be issued; try again.';
  $('error').hidden = false;
};

$('issue').addEventListener('submit', async (e) => {
  e.preventDefault();
  $('error').hidden = true;
  const chosen = document.querySelector('input[name=service]:checked');
  if (!chosen) {
    showError({ code: 'missing_field' });
    return;
  }
  const button = $('issue-ticket');
  button.disabled = true;
  try {
    showResult(await post('/api/reception/tickets', { service: chosen.value }));
    await refresh();
  } catch (err) {
    showError(err);
  } finally {
    button.disabled = false;
  }
});

try {
  await refresh();
  setInterval(() => refresh(BACKGROUND).catch(() => {}), 15000);
} catch (e) {
  showError(e);
}
