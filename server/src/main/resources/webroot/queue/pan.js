// The PAN page: the day's slots with capacity, bookings and free places; add a visitor on site; open or close slots.
import { $, el, show } from '/static/js/dom.js';
import { BACKGROUND, get, post } from '/static/js/request.js';

const select = $('service');
const error = $('error');
const added = $('added');
const STATES = { arrived: 'arrivé', expected: 'attendu', released: 'libéré (non venu)' };

const slotsPath = () => '/api/pan/' + encodeURIComponent(select.value);

const act = async (work) => {
  show(error, '');
  try {
    return await work();
  } catch (e) {
    show(error, e.message);
    return null;
  } finally {
    await refresh();
  }
};

const showTicket = (t) => {
  added.textContent = '';
  added.append(
    'Ticket ',
    el('strong', t.ticket, { class: 'ticket-id' }),
    t.slot ? ' — créneau de ' + t.slot.local + ' / slot ' + t.slot.local : ' — file sans rendez-vous / walk-in queue',
    ' — ',
    el('a', 'Imprimer le ticket ' + t.ticket + ' / Print', { href: '/tickets/' + t.id }),
  );
  added.hidden = false;
};

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
    const action = el('td');
    const button = el('button', (s.open ? 'Fermer ' : 'Ouvrir ') + s.local, { class: 'secondary', type: 'button' });
    button.addEventListener('click', () =>
      act(() => post(slotsPath() + '/slots/' + encodeURIComponent(s.local) + (s.open ? '/close' : '/open'))),
    );
    action.append(button);
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
};

const refresh = async (options) => {
  if (!select.value) {
    return;
  }
  try {
    render(await get(slotsPath() + '/slots', options));
  } catch (e) {
    show(error, e.message);
  }
};

const add = async (to) => {
  const ticket = await act(() => post(slotsPath() + '/visitors', { to }));
  if (ticket) {
    showTicket(ticket);
  }
};

$('add-slot').addEventListener('click', () => add('slot'));
$('add-queue').addEventListener('click', () => add('queue'));
$('pick').addEventListener('submit', (event) => event.preventDefault());
select.addEventListener('change', () => {
  localStorage.setItem('accueil.pan', select.value);
  show(added, '');
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
  show(error, e.message);
}
