// The managers' dashboard: reads the indicator API, fills key figures and the table under each
// chart (built with textContent only), and points each chart image at its server-drawn SVG.
import { $, el } from '/static/js/dom.js';
import { get } from '/static/js/request.js';

const nf = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const REASONS = {
  too_early: 'Trop tôt / too early',
  too_late: 'Trop tard / too late',
  wrong_day: 'Mauvais jour / wrong day',
  cancelled: 'Annulé / cancelled',
  already_inside: 'Déjà entré / already inside',
  not_inside: 'Pas entré / not inside',
  no_entry_recorded: 'Sortie sans entrée / exit without entry',
  invalid_signature: 'Signature invalide / invalid signature',
  unknown_key: 'Clé inconnue / unknown key',
  malformed: 'Code illisible / malformed',
  unknown_convocation: 'Convocation inconnue / unknown convocation',
};

const numeric = (column) => (column.num ? { class: 'num' } : {});

const fmt = (v, kind) => {
  if (v === null || v === undefined) return '—';
  if (kind === 'pct') return nf.format(v * 100) + ' %';
  return nf.format(v);
};

const query = (extra) => {
  const p = new URLSearchParams();
  p.set('from', $('from').value);
  p.set('to', $('to').value);
  if ($('service').value) p.set('service', $('service').value);
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  return p.toString();
};

const table = (id, columns, rows) => {
  const t = $(id);
  const caption = t.querySelector('caption');
  t.replaceChildren(caption);
  const head = el('thead');
  const tr = el('tr');
  for (const c of columns) {
    const th = el('th', c.label, numeric(c));
    th.scope = 'col';
    tr.append(th);
  }
  head.append(tr);
  const body = el('tbody');
  if (rows.length === 0) {
    const r = el('tr');
    const td = el('td', 'Aucune donnée / No data');
    td.colSpan = columns.length;
    r.append(td);
    body.append(r);
  }
  for (const row of rows) {
    const r = el('tr');
    columns.forEach((c, i) => {
      const value = c.get ? c.get(row) : fmt(row[c.field], c.kind);
      const cell = i === 0 ? el('th', value) : el('td', value, numeric(c));
      if (i === 0) cell.scope = 'row';
      r.append(cell);
    });
    body.append(r);
  }
  t.append(head, body);
};

const change = (current, previous, kind) => {
  if (current === null || current === undefined || previous === null || previous === undefined) {
    return 'Période précédente : pas de comparaison / no comparison';
  }
  const d = current - previous;
  const amount = kind === 'pct' ? nf.format(Math.abs(d) * 100) + ' pt' : nf.format(Math.abs(d));
  const before = ' (avant / before : ' + fmt(previous, kind) + ')';
  // A change that rounds to nothing on the card is no change: no arrow, no "up 0".
  if (/^0( pt)?$/.test(amount)) return '= stable / unchanged' + before;
  return (d > 0 ? '▲ hausse / up ' : '▼ baisse / down ') + amount + before;
};

const MONTHS_FR = 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' ');
const MONTHS_EN = 'January February March April May June July August September October November December'.split(' ');

/** "du 4 novembre au 1er décembre 2026" and "4 November – 1 December 2026" (the year once when shared). */
const period = (from, to) => {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const day = (d) => (d === 1 ? '1er' : String(d));
  const fr = (d, m, y) => day(d) + ' ' + MONTHS_FR[m - 1] + (y ? ' ' + y : '');
  const en = (d, m, y) => d + ' ' + MONTHS_EN[m - 1] + (y ? ' ' + y : '');
  const first = fy === ty ? null : fy;
  if (from === to) return { fr: 'le ' + fr(td, tm, ty), en: en(td, tm, ty) };
  return { fr: 'du ' + fr(fd, fm, first) + ' au ' + fr(td, tm, ty), en: en(fd, fm, first) + ' – ' + en(td, tm, ty) };
};

// The page's words for the API's error codes (its message stays English, for integrators).
const ERRORS = {
  invalid_range: 'La date de début est après la date de fin. / The start date is after the end date.',
  range_too_long: 'La période couvre au plus 2 200 jours (six ans). / A range covers at most 2,200 days.',
  invalid_field: 'Date invalide : saisissez une date JJ/MM/AAAA. / Invalid date.',
  unknown_service: 'Service inconnu. / Unknown service.',
};

const failure = (e) =>
  ERRORS[e.code] ||
  (e.status === 403
    ? 'Accès réservé aux responsables. / Managers only.'
    : 'Les indicateurs n’ont pas pu être chargés ; réessayez. / The indicators could not be loaded; try again.');

const showError = (e) => {
  $('error').textContent = failure(e);
  $('error').hidden = false;
};

const cards = (items) => {
  const list = $('cards');
  list.replaceChildren();
  for (const it of items) {
    const li = el('li');
    li.append(
      el('span', it.label, { class: 'label' }),
      el('span', fmt(it.totals[it.field], it.kind), { class: 'value' }),
      el('span', change(it.totals[it.field], it.totals.previous[it.field], it.kind), { class: 'change' }),
    );
    list.append(li);
  }
};

const serviceNames = {};
const name = (code) => serviceNames[code] || code || '—';
const durations = [
  { label: 'Service', get: (r) => name(r.key) },
  { label: 'Nombre / count', field: 'count', num: true },
  { label: 'Médiane / median', field: 'median', num: true },
  { label: '90e centile / p90', field: 'p90', num: true },
  { label: 'Moyenne / mean', field: 'mean', num: true },
  { label: 'Max', field: 'max', num: true },
];

const load = async () => {
  $('error').hidden = true;
  try {
    const [trend, map, waiting, serviceTimes, counters, flows, refusals, pan] = await Promise.all([
      get('/api/indicators/no-shows?' + query({ by: 'week' })),
      get('/api/indicators/no-shows?' + query({ by: 'weekday-hour' })),
      get('/api/indicators/waiting-times?' + query({ by: 'service' })),
      get('/api/indicators/service-times?' + query({ by: 'service' })),
      get('/api/indicators/counters?' + query({ by: 'service' })),
      get('/api/indicators/flows?' + query({ by: 'hour' })),
      get('/api/indicators/refusals?' + query({ by: 'total' })),
      get('/api/indicators/pan?' + query({ by: 'service' })),
    ]);
    const occupancy = await get('/api/indicators/occupancy?date=' + $('to').value);
    const now = period(trend.from, trend.to);
    const before = period(trend.previousPeriod.from, trend.previousPeriod.to);
    $('period').textContent =
      'Période ' + now.fr + ', comparée à la période ' + before.fr + ' / Period ' + now.en + ', against ' + before.en;
    cards([
      { label: "Taux d'absence / no-show rate", totals: trend.totals, field: 'rate', kind: 'pct' },
      { label: 'Rendez-vous dus / due', totals: trend.totals, field: 'due' },
      { label: 'Absences / no-shows', totals: trend.totals, field: 'noShows' },
      { label: 'Attente médiane (min) / median wait', totals: waiting.totals, field: 'median' },
      { label: 'Attente 90e centile (min) / p90 wait', totals: waiting.totals, field: 'p90' },
      { label: 'Admissions / admissions', totals: flows.totals, field: 'admissions' },
      { label: 'Refus à la guérite / gate refusals', totals: flows.totals, field: 'refusals' },
      { label: 'Appelés absents / called-absent', totals: counters.totals, field: 'absent' },
      { label: 'Créneaux PAN réutilisés / PAN slots reused', totals: pan.totals, field: 'reused' },
    ]);
    table(
      'table-trend',
      [
        { label: 'Semaine / week', field: 'key', get: (r) => r.key },
        { label: 'Dus / due', field: 'due', num: true },
        { label: 'Honorés / honoured', field: 'honoured', num: true },
        { label: 'Absences / no-shows', field: 'noShows', num: true },
        { label: 'Annulés / cancelled', field: 'cancelled', num: true },
        { label: 'En attente / pending', field: 'pending', num: true },
        { label: "Taux d'absence / rate", field: 'rate', kind: 'pct', num: true },
      ],
      trend.rows,
    );
    table(
      'table-map',
      [
        {
          label: 'Jour et heure / weekday and hour',
          get: (r) => WEEKDAYS[Number(r.key.slice(0, 1)) - 1] + ' ' + r.key.slice(2) + 'h',
        },
        { label: 'Dus / due', field: 'due', num: true },
        { label: 'Absences / no-shows', field: 'noShows', num: true },
        { label: 'Taux / rate', field: 'rate', kind: 'pct', num: true },
      ],
      map.rows,
    );
    table('table-waiting', durations, waiting.rows);
    table('table-service-times', durations, serviceTimes.rows);
    table(
      'table-counters',
      [
        { label: 'Service', get: (r) => name(r.key) },
        { label: 'Appels / calls', field: 'calls', num: true },
        { label: 'Rappels / recalls', field: 'recalls', num: true },
        { label: 'Servis / served', field: 'served', num: true },
        { label: 'Absents appelés / called-absent', field: 'absent', num: true },
        { label: 'Transférés / transferred', field: 'transferred', num: true },
      ],
      counters.rows,
    );
    table(
      'table-flows',
      [
        { label: 'Heure / hour', get: (r) => String(r.key).padStart(2, '0') + 'h' },
        { label: 'Admissions', field: 'admissions', num: true },
        { label: 'Accompagnateurs / companions', field: 'companions', num: true },
        { label: 'Sorties / exits', field: 'exits', num: true },
        { label: 'Refus / refusals', field: 'refusals', num: true },
      ],
      flows.rows,
    );
    table(
      'table-occupancy',
      [
        { label: 'Heure / hour', field: 'key', get: (r) => r.key },
        { label: 'Entrées / in', field: 'admissions', num: true },
        { label: 'Sorties / out', field: 'exits', num: true },
        { label: 'Présents en fin d’heure / inside', field: 'inside', num: true },
        { label: 'Pic / peak', field: 'peak', num: true },
      ],
      occupancy.rows.filter((r) => r.admissions || r.exits || r.inside),
    );
    const reasons = refusals.totals.reasons;
    table(
      'table-refusals',
      [
        { label: 'Motif / reason', get: (r) => REASONS[r.key] || r.key },
        { label: 'Nombre / count', field: 'count', num: true },
      ],
      Object.keys(reasons)
        .sort((a, b) => reasons[b] - reasons[a])
        .map((k) => ({ key: k, count: reasons[k] })),
    );
    table(
      'table-pan',
      [
        { label: 'Service', get: (r) => name(r.key) },
        { label: 'Réservés / booked', field: 'booked', num: true },
        { label: 'Honorés / honoured', field: 'honoured', num: true },
        { label: 'Libérés / released', field: 'released', num: true },
        { label: 'Réutilisés / reused', field: 'reused', num: true },
        { label: 'Sans RDV en créneau / slot walk-ins', field: 'slotWalkIns', num: true },
        { label: 'Sans RDV servis / walk-ins served', field: 'walkInsServed', num: true },
      ],
      pan.rows,
    );
    const q = query();
    for (const chart of ['trend', 'map', 'waiting', 'flows', 'refusals', 'pan']) {
      const file = chart === 'map' ? 'no-show-map' : chart;
      $('chart-' + chart).src = '/api/indicators/charts/' + file + '.svg?' + q;
    }
    $('chart-occupancy').src = '/api/indicators/charts/occupancy.svg?' + q + '&date=' + $('to').value;
    $('csv-trend').href = '/api/indicators/no-shows?' + query({ by: 'week', format: 'csv' });
    $('csv-waiting').href = '/api/indicators/waiting-times?' + query({ by: 'service', format: 'csv' });
    document.body.dataset.loaded = q;
  } catch (e) {
    showError(e);
  }
};

const init = async () => {
  const services = await get('/api/services');
  for (const s of services) {
    serviceNames[s.code] = s.name.fr;
    $('service').append(el('option', s.name.fr + ' / ' + s.name.en, { value: s.code }));
  }
  // Open on the last 28 closed days: today's appointments are still pending and would skew the rates.
  const first = await get('/api/indicators/no-shows?by=total');
  const dayBefore = (iso) => new Date(Date.parse(iso + 'T12:00:00Z') - 86400000).toISOString().slice(0, 10);
  $('from').value = dayBefore(first.from);
  $('to').value = dayBefore(first.to);
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    if ($('from').value && $('to').value && $('from').value > $('to').value) {
      showError({ code: 'invalid_range' });
      return;
    }
    load();
  });
  $('print').addEventListener('click', () => window.print());
  await load();
};

try {
  await init();
} catch (e) {
  showError(e);
}
