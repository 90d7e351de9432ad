// Managers' screens page: alerts, notices, service states, transparency figures; screens and their playlists are in
// admin-playlists.js. Every value from the server is put in the page with textContent, never as markup.
import { $, el } from '/static/js/dom.js';
import { BACKGROUND, get, post, request } from '/static/js/request.js';
import { screens } from '/static/js/admin-playlists.js';

const status = $('status');
const failure = $('failure');

const say = (message) => {
  failure.hidden = true;
  status.textContent = message;
  status.hidden = false;
};

const fail = (message) => {
  failure.textContent = message;
  failure.hidden = false;
};

// Runs an action of the page, showing why it failed.
const attempt = async (work) => {
  try {
    await work();
  } catch (e) {
    fail(e.message);
  }
};

const zoneBoxes = (site, kind) => {
  const box = document.querySelector('[data-zones="' + kind + '"]');
  for (const z of site.zones) {
    const id = kind + '-zone-' + z.id;
    const label = el('label', null, { for: id });
    label.append(
      el('input', null, { type: 'checkbox', id, value: z.id }),
      z.name.fr + ' / ',
      el('span', z.name.en, { lang: 'en' }),
    );
    box.append(label);
  }
};

const checkedZones = (kind) =>
  [...document.querySelectorAll('[data-zones="' + kind + '"] input:checked')].map((i) => i.value);
const zonesText = (zones) => (zones.length === 0 ? 'Partout / Everywhere' : zones.join(', '));
const when = (iso) => (iso ? iso.replace('T', ' ').substring(0, 16) : '');

const bilingual = (fr, en) => {
  const cell = el('td');
  cell.append(el('span', fr, { lang: 'fr' }), el('br'), el('span', en, { lang: 'en' }));
  return cell;
};

/* ---------- alerts ---------- */

const loadAlerts = async () => {
  const alerts = await get('/api/alerts');
  const body = $('alerts');
  body.textContent = '';
  for (const a of alerts) {
    const tr = el('tr');
    tr.append(
      bilingual(a.fr, a.en),
      el('td', zonesText(a.zones)),
      el('td', when(a.raisedAt) + ' — ' + a.raisedBy),
      el('td', a.endedAt ? when(a.endedAt) + ' — ' + a.endedBy : a.active ? 'En cours / Active' : ''),
    );
    const action = el('td');
    if (!a.endedAt) {
      const end = el('button', 'Terminer / End', { type: 'button', 'aria-label': "Terminer l'alerte " + a.id });
      end.addEventListener('click', () =>
        attempt(async () => {
          await request('DELETE', '/api/alerts/' + a.id);
          say('Alerte terminée / Alert ended');
          await loadAlerts();
        }),
      );
      action.append(end);
    }
    tr.append(action);
    body.append(tr);
  }
};

$('alert-form').addEventListener('submit', (event) => {
  event.preventDefault();
  attempt(async () => {
    await post('/api/alerts', { fr: $('alert-fr').value, en: $('alert-en').value, zones: checkedZones('alert') });
    say('Alerte déclenchée / Alert raised');
    event.target.reset();
    await loadAlerts();
  });
});

/* ---------- notices ---------- */

const loadNotices = async () => {
  const notices = await get('/api/notices');
  const body = $('notices');
  body.textContent = '';
  for (const n of notices) {
    const tr = el('tr');
    tr.append(
      bilingual((n.priority === 'high' ? 'Important : ' : '') + n.fr, n.en),
      el('td', when(n.from) + ' → ' + when(n.to)),
      el('td', zonesText(n.zones)),
    );
    const action = el('td');
    const del = el('button', 'Retirer / Remove', {
      type: 'button',
      class: 'secondary',
      'aria-label': "Retirer l'information " + n.id,
    });
    del.addEventListener('click', () =>
      attempt(async () => {
        await request('DELETE', '/api/notices/' + n.id);
        say('Information retirée / Notice removed');
        await loadNotices();
      }),
    );
    action.append(del);
    tr.append(action);
    body.append(tr);
  }
};

$('notice-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const body = {
    fr: $('notice-fr').value,
    en: $('notice-en').value,
    to: $('notice-to').value,
    priority: $('notice-priority').value,
    zones: checkedZones('notice'),
  };
  const from = $('notice-from').value;
  if (from) {
    body.from = from;
  }
  attempt(async () => {
    await post('/api/notices', body);
    say('Information publiée / Notice published');
    event.target.reset();
    await loadNotices();
  });
});

/* ---------- service states ---------- */

const STATES = [
  ['open', 'Ouvert / Open'],
  ['closed', 'Fermé / Closed'],
  ['moved', 'Déplacé / Moved'],
  ['full', 'Complet / Full'],
];

const field = (parent, id, label, value) => {
  const wrap = el('div');
  const input = el('input', null, { id, maxlength: '500' });
  input.value = value || '';
  wrap.append(el('label', label, { for: id }), input);
  parent.append(wrap);
  return input;
};

/* Where a moved service now receives: one of the site's places, whose direction every screen knows. */
const placeSelect = (parent, service, places, current) => {
  const id = 'moved-' + service;
  const wrap = el('div');
  const select = el('select', null, { id });
  select.append(el('option', '— Choisir un lieu —', { value: '' }));
  for (const p of places) {
    const where = [
      p.buildingName ? p.buildingName.fr : p.building,
      p.floor === 0 ? 'rez-de-chaussée' : 'niveau ' + p.floor,
    ];
    const option = el('option', p.name.fr + ' (' + where.join(', ') + ')', { value: p.id });
    option.selected = p.id === current;
    select.append(option);
  }
  wrap.append(el('label', 'Nouveau lieu (si déplacé)', { for: id }), select);
  parent.append(wrap);
  return select;
};

const loadStates = async () => {
  const [states, site] = await Promise.all([get('/api/service-states'), get('/api/site')]);
  const box = $('states');
  box.textContent = '';
  for (const s of states) {
    const row = el('div', null, { class: 'state-row' });
    const title = el('h3', s.name.fr + ' / ');
    title.append(el('span', s.name.en, { lang: 'en' }));
    row.append(title);
    const selectId = 'state-' + s.service;
    const wrap = el('div');
    wrap.append(el('label', 'État / State', { for: selectId }));
    const select = el('select', null, { id: selectId });
    for (const [value, label] of STATES) {
      const option = el('option', label, { value });
      option.selected = value === s.status;
      select.append(option);
    }
    wrap.append(select);
    row.append(wrap);
    const place = placeSelect(row, s.service, site.places || [], s.movedTo);
    const save = el('button', 'Enregistrer / Save', {
      type: 'button',
      'aria-label': "Enregistrer l'état de " + s.name.fr,
    });
    save.addEventListener('click', () => {
      const body = { status: select.value };
      if (select.value === 'moved' && place.value) {
        body.movedTo = place.value;
      }
      attempt(async () => {
        await request('PUT', '/api/service-states/' + encodeURIComponent(s.service), body);
        say('État enregistré / State saved');
      });
    });
    row.append(save);
    box.append(row);
  }
};

/* ---------- transparency ---------- */

const loadFigures = async () => {
  const t = await get('/api/transparency');
  const box = $('figures-delays');
  box.textContent = '';
  const shown = t.shown || { year: new Date().getFullYear(), quarter: 1, delays: {} };
  $('figures-year').value = shown.year;
  $('figures-quarter').value = String(shown.quarter);
  for (const p of t.procedures) {
    const delay = shown.delays[p.code];
    const input = field(
      box,
      'delay-' + p.code,
      p.name.fr + ' / ' + p.name.en + ' (jours / days)',
      delay === undefined ? '' : String(delay),
    );
    input.type = 'number';
    input.min = '0';
    input.step = '0.1';
    input.dataset.procedure = p.code;
  }
};

$('figures-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const delays = {};
  for (const i of document.querySelectorAll('#figures-delays input')) {
    if (i.value !== '') {
      delays[i.dataset.procedure] = Number(i.value);
    }
  }
  const body = { year: Number($('figures-year').value), quarter: Number($('figures-quarter').value), delays };
  attempt(async () => {
    await request('PUT', '/api/transparency', body);
    say('Délais enregistrés / Figures saved');
  });
});

/* ---------- start ---------- */

const loadScreens = screens({ say, attempt });
try {
  const site = await get('/api/site');
  zoneBoxes(site, 'alert');
  zoneBoxes(site, 'notice');
  await Promise.all([loadAlerts(), loadNotices(), loadStates(), loadFigures(), loadScreens()]);
} catch (e) {
  fail(e.message);
}
setInterval(() => loadScreens(BACKGROUND).catch(() => {}), 30000);
