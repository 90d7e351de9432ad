// The printable list of who is inside now (guard, manager). Every value is inserted as text.
(() => {
  const $ = (id) => document.getElementById(id);

  function time(iso) {
    return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' })
      .format(new Date(iso));
  }

  async function load() {
    const error = $('evacuation-error');
    try {
      const [inside, services] = await Promise.all([fetch('/api/site/inside'), fetch('/api/services')]);
      if (!inside.ok) {
        throw new Error('HTTP ' + inside.status);
      }
      const data = await inside.json();
      const names = new Map();
      if (services.ok) {
        for (const s of await services.json()) {
          names.set(s.code, s.name.fr + ' / ' + s.name.en);
        }
      }
      const body = $('people');
      body.replaceChildren();
      for (const p of data.people) {
        const tr = document.createElement('tr');
        for (const text of [p.name, names.get(p.service) || p.service || '', time(p.since), p.gate]) {
          const td = document.createElement('td');
          td.textContent = text || '';
          tr.appendChild(td);
        }
        body.appendChild(tr);
      }
      $('count').textContent = String(data.count);
      const now = new Date();
      $('generated').textContent = 'Liste établie le ' + now.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })
        + ' / Generated on ' + now.toLocaleString('en-GB', { timeZone: 'Europe/Paris' });
      error.hidden = true;
    } catch (e) {
      error.textContent = 'Liste indisponible (' + e.message + ') : utilisez la liste de la guérite. '
        + '/ List unavailable: use the kiosk\'s list.';
      error.hidden = false;
    }
  }

  $('print').addEventListener('click', () => window.print());
  $('refresh').addEventListener('click', load);
  load();
})();
