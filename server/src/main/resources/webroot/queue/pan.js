// The PAN page: the day's slots with capacity, bookings and free places; add a visitor on site; open or close slots.
import { $, el } from '/static/js/dom.js';
import { BACKGROUND, get, post } from '/static/js/request.js';
import { attempt, restore, tell, tellError } from '/static/js/feedback.js';

const select = $('service');
const added = $('added');
const STATES = { arrived: 'arrivé', expected: 'attendu', released: 'libéré (non venu)' };

const slotsPath = () => '/api/pan/' + encodeURIComponent(select.value);

// Runs an action started from the control (its failure written next to it), then redraws the slots.
const act = async (control, work) => {
  const result = await attempt(control, work);
  await refresh();
  return result;
};

const showTicket = (t) =>
  tell(added, [
    'Ticket ',
    el('strong', t.ticket, { class: 'ticket-id' }),
    t.slot ? ' — créneau de ' + t.slot.local + ' / slot ' + t.slot.local : ' — file sans rendez-vous / walk-in queue',
    ' — ',
    el('a', 'Imprimer le ticket ' + t.ticket + ' / Print', { href: '/tickets/' + t.id }),
  ]);

const render = (day) => {
  const body = $('slots');
  body.textContent = '';
  for (const s of day.slots) {
    const row = el('tr', null, s.open ? {} : { class: 'closed' });
    const state = el('td', s.open ? (s.past ? 'Passé' : 'Ouvert') : 'Fermé', {
      class: 'state ' + (s.open ? 'state-open' : 'state-closed'),
    });
    const bookings = el('td', s.bookings.length === 0 ? '—' : null);
    for (const b of s.bookings) {
      bookings.append(el('div', b.visitor + ' : ' + (STATES[b.state] || b.state), { class: 'state-' + b.state }));
    }
    const walkIns = el('td', s.walkIns.map((t) => t.ticket).join(', ') || '—');
    const action = el('td', null, { 'data-feedback-key': 'slot-' + s.local });
    if (s.past) {
      // A slot already over takes no one: nothing to open or close.
      action.append(el('span', 'Aucune action (passé) / None', { class: 'reason' }));
    } else {
      const button = el('button', (s.open ? 'Fermer ' : 'Ouvrir ') + s.local, { class: 'secondary', type: 'button' });
      button.addEventListener('click', async () => {
        const done = await act(button, () =>
          post(slotsPath() + '/slots/' + encodeURIComponent(s.local) + (s.open ? '/close' : '/open')),
        );
        if (done !== undefined) {
          tell(
            $('slots').querySelector('[data-feedback-key="slot-' + s.local + '"]') || $('slots'),
            'Créneau de ' + s.local + (s.open ? ' fermé / closed' : ' ouvert / opened'),
          );
        }
      });
      action.append(button);
    }
    row.append(
      el('td', s.local + '–' + s.end.substring(11, 16)),
      state,
      el('td', s.capacity),
      bookings,
      walkIns,
      el('td', s.free),
      action,
    );
    body.append(row);
  }
  restore(body);
};

const refresh = async (options) => {
  if (!select.value) {
    return;
  }
  try {
    render(await get(slotsPath() + '/slots', options));
  } catch (e) {
    tellError($('page-feedback'), e);
  }
};

const add = async (to) => {
  const ticket = await act(added, () => post(slotsPath() + '/visitors', { to }));
  if (ticket) {
    showTicket(ticket);
  }
};

$('add-slot').addEventListener('click', () => add('slot'));
$('add-queue').addEventListener('click', () => add('queue'));
$('pick').addEventListener('submit', (event) => event.preventDefault());
select.addEventListener('change', () => {
  localStorage.setItem('accueil.pan', select.value);
  added.textContent = '';
  refresh();
});

try {
  const list = await get('/api/services');
  for (const s of list.filter((x) => x.pan)) {
    select.append(el('option', s.name.fr, { value: s.code }));
  }
  const saved = localStorage.getItem('accueil.pan');
  if (saved && list.some((s) => s.code === saved && s.pan)) {
    select.value = saved;
  }
  refresh();
  setInterval(() => refresh(BACKGROUND), 5000);
} catch (e) {
  tellError($('page-feedback'), e);
}
