// The counter page: pick a counter, call, recall, mark served or absent, transfer; the queue refreshes every 3 s.
document.addEventListener('DOMContentLoaded', () => {
  const $ = (id) => document.getElementById(id);
  const counterSelect = $('counter');
  const transferSelect = $('transfer-to');
  const error = $('error');
  const message = $('message');
  let services = [];
  let current = null;

  const serviceOf = (counter) => services.find((s) => s.counters.includes(counter));

  async function act(work, done) {
    Accueil.show(error, '');
    try {
      const result = await work();
      if (done) {
        Accueil.show(message, done(result));
      }
    } catch (e) {
      Accueil.show(error, e.message);
    }
    await refresh();
  }

  function renderCurrent() {
    const box = $('current');
    box.textContent = '';
    if (!current) {
      box.append('Aucun ', Accueil.el('span', 'None', 'en'));
      box.lastChild.lang = 'en';
    } else {
      box.append(Accueil.el('span', current.ticket, 'ticket-id'));
      const details = [Accueil.kinds[current.kind] || current.kind, current.dueLocal];
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
  }

  function renderQueue(queue) {
    $('queue-service').textContent = '— ' + queue.name.fr;
    $('queue-summary').textContent = queue.waiting.length + ' en attente / waiting · '
      + queue.served + ' servis / served · ' + queue.absent + ' absents';
    const body = $('queue');
    body.textContent = '';
    for (const t of queue.waiting) {
      const row = document.createElement('tr');
      row.append(Accueil.el('td', t.position), Accueil.el('td', t.ticket),
        Accueil.el('td', (Accueil.kinds[t.kind] || t.kind) + (t.transferredAt ? ' (transféré)' : '')),
        Accueil.el('td', t.dueLocal), Accueil.el('td', t.visitor || '—'));
      const cell = document.createElement('td');
      const button = Accueil.el('button', 'Appeler ' + t.ticket, 'secondary');
      button.type = 'button';
      button.disabled = !!current;
      button.addEventListener('click', () => act(
        () => Accueil.api('POST', '/api/counters/' + encodeURIComponent(counterSelect.value) + '/call/' + t.id),
        (called) => 'Appel de ' + called.ticket + ' / Calling ' + called.ticket));
      cell.append(button);
      row.append(cell);
      body.append(row);
    }
  }

  async function refresh() {
    const counter = counterSelect.value;
    const service = serviceOf(counter);
    if (!service) {
      return;
    }
    try {
      const state = await Accueil.api('GET', '/api/counters/' + encodeURIComponent(counter));
      current = state.current || null;
      renderCurrent();
      renderQueue(await Accueil.api('GET', '/api/queues/' + encodeURIComponent(service.code)));
    } catch (e) {
      Accueil.show(error, e.message);
    }
  }

  function fillSelects() {
    for (const s of services) {
      const group = document.createElement('optgroup');
      group.label = s.name.fr;
      for (const c of s.counters) {
        group.append(Accueil.el('option', c + ' — ' + s.name.fr));
        group.lastChild.value = c;
      }
      counterSelect.append(group);
    }
    const saved = localStorage.getItem('accueil.counter');
    if (saved && serviceOf(saved)) {
      counterSelect.value = saved;
    }
    fillTransfer();
  }

  function fillTransfer() {
    transferSelect.textContent = '';
    const mine = serviceOf(counterSelect.value);
    for (const s of services.filter((x) => x !== mine)) {
      transferSelect.append(Accueil.el('option', s.name.fr));
      transferSelect.lastChild.value = s.code;
    }
  }

  counterSelect.addEventListener('change', () => {
    localStorage.setItem('accueil.counter', counterSelect.value);
    Accueil.show(message, '');
    fillTransfer();
    refresh();
  });
  $('call-next').addEventListener('click', () => act(
    () => Accueil.api('POST', '/api/counters/' + encodeURIComponent(counterSelect.value) + '/call'),
    (called) => called ? 'Appel de ' + called.ticket + ' / Calling ' + called.ticket
      : 'Personne n\'attend. / Nobody is waiting.'));
  $('recall').addEventListener('click', () => act(
    () => Accueil.api('POST', '/api/tickets/' + current.id + '/recall'),
    (t) => 'Rappel de ' + t.ticket + ' / Recalling ' + t.ticket));
  $('served').addEventListener('click', () => act(
    () => Accueil.api('POST', '/api/tickets/' + current.id + '/served'),
    (t) => t.ticket + ' servi / served'));
  $('absent').addEventListener('click', () => act(
    () => Accueil.api('POST', '/api/tickets/' + current.id + '/absent'),
    (t) => t.ticket + ' absent'));
  $('transfer').addEventListener('submit', (event) => {
    event.preventDefault();
    act(() => Accueil.api('POST', '/api/tickets/' + current.id + '/transfer', { service: transferSelect.value }),
      (t) => t.ticket + ' transféré / transferred');
  });
  $('pick').addEventListener('submit', (event) => event.preventDefault());

  Accueil.api('GET', '/api/services').then((list) => {
    services = list;
    fillSelects();
    refresh();
    setInterval(refresh, 3000);
  }).catch((e) => Accueil.show(error, e.message));
});
