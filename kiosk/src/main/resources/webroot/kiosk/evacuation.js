// The printable list of who is inside now (guard, manager). Every value is inserted as text.
import { $, row } from '/static/js/dom.js';
import { get } from '/static/js/request.js';
import { englishDate, frenchDate, frenchTime, localTime, withCompanions } from '/static/kiosk/offline.js';

const ZONE = 'Europe/Paris';
const time = (iso) => frenchTime(Date.parse(iso), ZONE);

// Gates by the name the guards know, not their id.
const gateNames = async () => {
  const names = new Map();
  try {
    for (const g of (await get('/api/site')).gates || []) {
      names.set(g.id, g.name.fr);
    }
  } catch {
    // ids instead of names
  }
  return names;
};

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
    const [data, names, gates] = await Promise.all([get('/api/site/inside'), serviceNames(), gateNames()]);
    $('people').replaceChildren(
      ...data.people.map((p) =>
        row([withCompanions(p), names.get(p.service) || p.service || '', time(p.since), gates.get(p.gate) || p.gate]),
      ),
    );
    $('count').textContent = String(data.count);
    // The site's clock (the server's, --now included), not this browser's.
    const at = Date.parse(data.at);
    $('generated').textContent =
      'Liste établie le ' +
      frenchDate(at, ZONE) +
      ', ' +
      frenchTime(at, ZONE) +
      ' / Generated on ' +
      englishDate(at, ZONE) +
      ', ' +
      localTime(at, ZONE);
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
