// The PAN page: the day's slots with capacity, bookings and free places; add a visitor on site; open or close slots.
document.addEventListener('DOMContentLoaded', () => {
  const $ = (id) => document.getElementById(id);
  const select = $('service');
  const error = $('error');
  const added = $('added');
  const states = { 'arrived': 'arrivé', 'expected': 'attendu', 'released': 'libéré (non venu)' };

  async function act(work) {
    Accueil.show(error, '');
    try {
      return await work();
    } catch (e) {
      Accueil.show(error, e.message);
      return null;
    } finally {
      await refresh();
    }
  }

  function showTicket(t) {
    added.textContent = '';
    added.append('Ticket ', Accueil.el('strong', t.ticket, 'ticket-id'),
      t.slot ? ' — créneau de ' + t.slot.local + ' / slot ' + t.slot.local : ' — file sans rendez-vous / walk-in queue',
      ' — ');
    const link = Accueil.el('a', 'Imprimer le ticket ' + t.ticket + ' / Print');
    link.href = '/tickets/' + t.id;
    added.append(link);
    added.hidden = false;
  }

  function render(day) {
    const body = $('slots');
    body.textContent = '';
    for (const s of day.slots) {
      const row = document.createElement('tr');
      if (!s.open) {
        row.className = 'closed';
      }
      const state = Accueil.el('td', s.open ? (s.past ? 'Passé' : 'Ouvert') : 'Fermé',
        'state ' + (s.open ? 'state-open' : 'state-closed'));
      const bookings = document.createElement('td');
      if (s.bookings.length === 0) {
        bookings.textContent = '—';
      }
      for (const b of s.bookings) {
        const line = Accueil.el('div', b.visitor + ' : ' + (states[b.state] || b.state), 'state-' + b.state);
        bookings.append(line);
      }
      const walkIns = Accueil.el('td', s.walkIns.map((t) => t.ticket).join(', ') || '—');
      const action = document.createElement('td');
      const button = Accueil.el('button', (s.open ? 'Fermer ' : 'Ouvrir ') + s.local, 'secondary');
      button.type = 'button';
      button.addEventListener('click', () => act(() => Accueil.api('POST', '/api/pan/' + encodeURIComponent(select.value)
        + '/slots/' + encodeURIComponent(s.local) + (s.open ? '/close' : '/open'))));
      action.append(button);
      row.append(Accueil.el('td', s.local + '–' + s.end.substring(11, 16)), state, Accueil.el('td', s.capacity),
        bookings, walkIns, Accueil.el('td', s.free), action);
      body.append(row);
    }
  }

  async function refresh() {
    if (!select.value) {
      return;
    }
    try {
      render(await Accueil.api('GET', '/api/pan/' + encodeURIComponent(select.value) + '/slots'));
    } catch (e) {
      Accueil.show(error, e.message);
    }
  }

  function add(to) {
    act(() => Accueil.api('POST', '/api/pan/' + encodeURIComponent(select.value) + '/visitors', { to }))
      .then((t) => t && showTicket(t));
  }

  $('add-slot').addEventListener('click', () => add('slot'));
  $('add-queue').addEventListener('click', () => add('queue'));
  $('pick').addEventListener('submit', (event) => event.preventDefault());
  select.addEventListener('change', () => {
    localStorage.setItem('accueil.pan', select.value);
    Accueil.show(added, '');
    refresh();
  });

  Accueil.api('GET', '/api/services').then((list) => {
    for (const s of list.filter((x) => x.pan)) {
      select.append(Accueil.el('option', s.name.fr));
      select.lastChild.value = s.code;
    }
    const saved = localStorage.getItem('accueil.pan');
    if (saved && list.some((s) => s.code === saved && s.pan)) {
      select.value = saved;
    }
    refresh();
    setInterval(refresh, 5000);
  }).catch((e) => Accueil.show(error, e.message));
});
