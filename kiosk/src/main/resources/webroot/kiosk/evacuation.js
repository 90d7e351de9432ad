// The printable list of who is inside now (guard, manager). Every value is inserted as text.
import { $, row } from '/static/js/dom.js';
import { get } from '/static/js/request.js';

const time = (iso) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

// Services' names are a courtesy: the list is shown without them when they cannot be read.
const serviceNames = async () => {
  const names = new Map();
  try {
    for (const s of await get('/api/services')) {
      names.set(s.code, s.name.fr + ' / ' + s.name.en);
    }
  } catch {
    // codes instead of names
  }
  return names;
};

const load = async () => {
  const error = $('evacuation-error');
  try {
    const [data, names] = await Promise.all([get('/api/site/inside'), serviceNames()]);
    $('people').replaceChildren(
      ...data.people.map((p) => row([p.name, names.get(p.service) || p.service || '', time(p.since), p.gate])),
    );
    $('count').textContent = String(data.count);
    const now = new Date();
    $('generated').textContent =
      'Liste établie le ' +
      now.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) +
      ' / Generated on ' +
      now.toLocaleString('en-GB', { timeZone: 'Europe/Paris' });
    error.hidden = true;
  } catch (e) {
    error.textContent =
      'Liste indisponible (' +
      e.message +
      ") : utilisez la liste de la guérite. / List unavailable: use the kiosk's list.";
    error.hidden = false;
  }
};

$('print').addEventListener('click', () => window.print());
$('refresh').addEventListener('click', load);
load();
