// The counter page: pick a counter, call, recall, mark served or absent, transfer; the queue refreshes every 3 s.
import { $, el, show } from '/static/js/dom.js';
import { BACKGROUND, get, post } from '/static/js/request.js';
import { attempt, restore, tell, tellError } from '/static/js/feedback.js';
import { KINDS } from '/static/queue/kinds.js';

const counterSelect = $('counter');
const transferSelect = $('transfer-to');
const page = { services: [], current: null, absentAfterCalls: 1 };

const serviceOf = (counter) => page.services.find((s) => s.counters.includes(counter));
const counterPath = () => '/api/counters/' + encodeURIComponent(counterSelect.value);

// Runs an action started from the control; its result or failure is written next to it, after the page is redrawn.
const act = async (control, work, done) => {
  const result = await attempt(control, work);
  await refresh();
  if (result !== undefined && done) {
    tell(control.isConnected ? control : $('queue'), done(result));
  }
};

const calls = (n) => (n === 1 ? '1 appel' : n + ' appels');

// Why a button is greyed, written out under the buttons (and tied to them with aria-describedby).
const renderReasons = () => {
  const { current } = page;
  show(
    $('call-reason'),
    current ? "Appel suivant : terminez d'abord " + current.ticket + ' / Finish the current visitor first' : '',
  );
  show(
    $('ticket-reason'),
    current ? '' : "Rappel, servi, absent, transfert : appelez d'abord un visiteur / Call a visitor first",
  );
  const needed = page.absentAfterCalls;
  show(
    $('absent-reason'),
    current && !current.mayMarkAbsent
      ? 'Absent possible après ' +
          calls(needed) +
          ' (appelé ' +
          current.calls +
          ' fois) : rappelez-le / Absent after ' +
          needed +
          (needed === 1 ? ' call' : ' calls')
      : '',
  );
};

const renderCurrent = () => {
  const { current } = page;
  const box = $('current');
  box.textContent = '';
  if (!current) {
    box.append('Aucun ', el('span', 'None', { class: 'en', lang: 'en' }));
  } else {
    box.append(el('span', current.ticket, { class: 'ticket-id' }));
    const details = [KINDS[current.kind] || current.kind, current.dueLocal];
    if (current.visitor) {
      details.push(current.visitor);
    }
    details.push('appelé ' + current.calls + ' fois');
    box.append(' — ' + details.join(' · '));
  }
  $('call-next').disabled = !!current;
  $('recall').disabled = !current;
  $('served').disabled = !current;
  $('absent').disabled = !current || !current.mayMarkAbsent;
  transferSelect.disabled = !current;
  $('transfer').querySelector('button').disabled = !current;
  renderReasons();
};

const renderQueue = (queue) => {
  $('queue-service').textContent = '— ' + queue.name.fr;
  $('queue-summary').textContent =
    queue.waiting.length +
    ' en attente / waiting · ' +
    queue.served +
    ' servis / served · ' +
    queue.absent +
    ' absents';
  const body = $('queue');
  body.textContent = '';
  for (const t of queue.waiting) {
    const row = el('tr');
    row.append(
      el('td', t.position),
      el('td', t.ticket),
      el('td', (KINDS[t.kind] || t.kind) + (t.transferredAt ? ' (transféré)' : '')),
      el('td', t.dueLocal),
      el('td', t.visitor || '—'),
    );
    const cell = el('td', null, { 'data-feedback-key': 'ticket-' + t.id });
    const button = el('button', 'Appeler ' + t.ticket, { class: 'secondary', type: 'button' });
    button.disabled = !!page.current;
    if (page.current) {
      button.setAttribute('aria-describedby', 'call-reason');
    }
    button.addEventListener('click', () =>
      act(
        button,
        () => post(counterPath() + '/call/' + t.id),
        (called) => 'Appel de ' + called.ticket + ' / Calling ' + called.ticket,
      ),
    );
    cell.append(button);
    row.append(cell);
    body.append(row);
  }
  restore(body);
};

const refresh = async (options) => {
  const service = serviceOf(counterSelect.value);
  if (!service) {
    return;
  }
  try {
    const [state, queue] = await Promise.all([
      get(counterPath(), options),
      get('/api/queues/' + encodeURIComponent(service.code), options),
    ]);
    page.current = state.current || null;
    page.absentAfterCalls = queue.absentAfterCalls;
    renderCurrent();
    renderQueue(queue);
  } catch (e) {
    tellError($('page-feedback'), e);
  }
};

const fillTransfer = () => {
  transferSelect.textContent = '';
  const mine = serviceOf(counterSelect.value);
  for (const s of page.services.filter((x) => x !== mine)) {
    transferSelect.append(el('option', s.name.fr, { value: s.code }));
  }
};

const fillSelects = () => {
  for (const s of page.services) {
    const group = el('optgroup', null, { label: s.name.fr });
    for (const c of s.counters) {
      group.append(el('option', c + ' — ' + s.name.fr, { value: c }));
    }
    counterSelect.append(group);
  }
  const saved = localStorage.getItem('accueil.counter');
  if (saved && serviceOf(saved)) {
    counterSelect.value = saved;
  }
  fillTransfer();
};

const ticketAction = (action) => () => post('/api/tickets/' + page.current.id + '/' + action);

counterSelect.addEventListener('change', () => {
  localStorage.setItem('accueil.counter', counterSelect.value);
  for (const box of document.querySelectorAll('main .feedback')) {
    box.remove();
  }
  fillTransfer();
  refresh();
});
$('call-next').addEventListener('click', (event) =>
  act(
    event.currentTarget,
    () => post(counterPath() + '/call'),
    (called) =>
      called ? 'Appel de ' + called.ticket + ' / Calling ' + called.ticket : "Personne n'attend. / Nobody is waiting.",
  ),
);
$('recall').addEventListener('click', () =>
  act($('recall'), ticketAction('recall'), (t) => 'Rappel de ' + t.ticket + ' / Recalling ' + t.ticket),
);
$('served').addEventListener('click', () =>
  act($('served'), ticketAction('served'), (t) => t.ticket + ' servi / served'),
);
$('absent').addEventListener('click', () => act($('absent'), ticketAction('absent'), (t) => t.ticket + ' absent'));
$('transfer').addEventListener('submit', (event) => {
  event.preventDefault();
  act(
    event.target,
    () => post('/api/tickets/' + page.current.id + '/transfer', { service: transferSelect.value }),
    (t) => t.ticket + ' transféré / transferred',
  );
});
$('pick').addEventListener('submit', (event) => event.preventDefault());

try {
  page.services = await get('/api/services');
  fillSelects();
  refresh();
  setInterval(() => refresh(BACKGROUND), 3000);
} catch (e) {
  tellError($('page-feedback'), e);
}
