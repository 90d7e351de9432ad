// The managers' live view of the hall: one row per service, replaced at each state the server pushes
// (/operations/events); thresholds crossed are written in the row, not shown by colour alone.
import { $, el, show } from '/static/js/dom.js';
import { crossedText } from '/static/js/operations-notice.js';

const minutes = (n) => (n === null || n === undefined ? '—' : n + ' min');
const count = (n) => (n === null || n === undefined ? '—' : String(n));

const limits = (t) => {
  const parts = [];
  if (t.waitMinutes !== undefined) {
    parts.push(`attente ≤ ${t.waitMinutes} min`);
  }
  if (t.waiting !== undefined) {
    parts.push(`≤ ${t.waiting} en attente`);
  }
  return parts.length === 0 ? 'Aucun seuil' : 'Dans les seuils (' + parts.join(', ') + ')';
};

const cell = (label, text, field, num = true) =>
  el('td', text, { 'data-label': label, 'data-field': field, class: num ? 'num' : 'state' });

const rowOf = (s) => {
  const tr = el('tr', null, { 'data-service': s.code, class: s.crossed.length > 0 ? 'crossed' : '' });
  tr.append(el('th', s.name.fr, { scope: 'row' }));
  tr.append(
    cell('En attente', count(s.waiting), 'waiting'),
    cell('Attente la plus longue', minutes(s.longestWaitMinutes), 'longestWaitMinutes'),
    cell('Attente médiane aujourd’hui', minutes(s.medianWaitMinutes), 'medianWaitMinutes'),
    cell('Guichets ouverts', `${s.counters.open} sur ${s.counters.configured}`, 'open'),
    cell('Guichets occupés', count(s.counters.busy), 'busy'),
    cell('Appels (dernière heure)', count(s.callsLastHour), 'callsLastHour'),
    cell('Places PAN restantes', s.panPlacesLeft === null ? 'sans objet' : count(s.panPlacesLeft), 'panPlacesLeft'),
  );
  const state = s.crossed.length > 0 ? s.crossed.map(crossedText).join(' ; ') : limits(s.thresholds);
  tr.append(cell('Seuils', state, 'state', false));
  return tr;
};

const render = (state) => {
  $('services').replaceChildren(...state.services.map(rowOf));
  $('updated').textContent = 'En direct — mis à jour à ' + state.time;
  show($('connection'), '');
};

const source = new EventSource('/operations/events');
source.addEventListener('state', (event) => render(JSON.parse(event.data)));
source.addEventListener('error', () => {
  show(
    $('connection'),
    source.readyState === EventSource.CLOSED
      ? 'La vue n’est plus mise à jour : rechargez la page (votre session a peut-être pris fin).'
      : 'Connexion perdue : les chiffres affichés ne sont plus à jour, reconnexion en cours…',
  );
});
