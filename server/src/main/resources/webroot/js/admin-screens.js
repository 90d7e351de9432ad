// Managers' screens page: alerts, notices, service states, transparency figures; screens and their playlists are in
// admin-playlists.js. Every value from the server is put in the page with textContent, never as markup.
import { $, el } from '/static/js/dom.js';
import { BACKGROUND, get, post, request } from '/static/js/request.js';
import { screens } from '/static/js/admin-playlists.js';
import { attempt, confirmAction, restore, tell, tellError, wallClock } from '/static/js/feedback.js';
import { figures } from '/static/js/admin-figures.js';

const page = { site: { zones: [], screens: [] } };

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
const zoneName = (id) => (page.site.zones.find((z) => z.id === id) || { name: { fr: id } }).name.fr;
const zonesText = (zones) => (zones.length === 0 ? 'Partout / Everywhere' : zones.map(zoneName).join(', '));
// The server writes instants with the site's offset: its wall clock is the text itself, shown the French way.
const when = wallClock;

/** "les 4 écrans de la zone Hall A", "les 12 écrans du site": what an alert over these zones reaches. */
const reach = (zones) => {
  const hit = page.site.screens.filter((s) => zones.length === 0 || zones.includes(s.zone)).length;
  const screensText = hit === 1 ? "l'écran" : 'les ' + hit + ' écrans';
  if (zones.length === 0) {
    return screensText + ' du site (toutes les zones)';
  }
  return screensText + (zones.length === 1 ? ' de la zone ' : ' des zones ') + zones.map(zoneName).join(', ');
};

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
    const action = el('td', null, { 'data-feedback-key': 'alert-' + a.id });
    if (!a.endedAt) {
      const end = el('button', 'Terminer / End', { type: 'button', 'aria-label': "Terminer l'alerte " + a.id });
      end.addEventListener('click', async () => {
        const sure = await confirmAction({
          title: "Terminer l'alerte ? / End the alert?",
          text: '« ' + a.fr + ' » disparaîtra de ' + reach(a.zones) + ', qui reprendront leur programme.',
          yes: "Terminer l'alerte / End it",
        });
        if (sure) {
          const done = await attempt(end, () => request('DELETE', '/api/alerts/' + a.id));
          if (done !== undefined) {
            tell(end, 'Alerte terminée / Alert ended');
            await loadAlerts();
          }
        }
      });
      action.append(end);
    }
    tr.append(action);
    body.append(tr);
  }
  restore(body);
};

$('alert-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const zones = checkedZones('alert');
  const sure = await confirmAction({
    title: "Déclencher l'alerte ? / Raise the alert?",
    text: 'Alerte sur ' + reach(zones) + ' : elle remplace tout ce qu’ils affichent jusqu’à ce qu’on la termine.',
    yes: "Déclencher l'alerte / Raise it",
  });
  if (!sure) {
    return;
  }
  const raised = await attempt(form, () =>
    post('/api/alerts', { fr: $('alert-fr').value, en: $('alert-en').value, zones }),
  );
  if (raised !== undefined) {
    form.reset();
    tell(form, 'Alerte déclenchée sur ' + reach(zones) + ' / Alert raised');
    await loadAlerts().catch((e) => tellError(form, e));
  }
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
    const action = el('td', null, { 'data-feedback-key': 'notice-' + n.id });
    const del = el('button', 'Retirer / Remove', {
      type: 'button',
      class: 'secondary',
      'aria-label': "Retirer l'information " + n.id,
    });
    del.addEventListener('click', async () => {
      const sure = await confirmAction({
        title: "Retirer l'information ? / Remove the notice?",
        text: '« ' + n.fr + ' » disparaîtra des écrans (' + zonesText(n.zones) + ') ; il faudra la publier à nouveau.',
        yes: 'Retirer / Remove',
      });
      if (sure && (await attempt(del, () => request('DELETE', '/api/notices/' + n.id))) !== undefined) {
        tell(del, 'Information retirée / Notice removed');
        await loadNotices();
      }
    });
    action.append(del);
    tr.append(action);
    body.append(tr);
  }
  restore(body);
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
  const form = event.target;
  attempt(form, async () => {
    await post('/api/notices', body);
    form.reset();
    tell(form, 'Information publiée / Notice published');
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
    const row = el('div', null, { class: 'state-row', 'data-feedback-key': 'state-' + s.service });
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
      attempt(save, async () => {
        await request('PUT', '/api/service-states/' + encodeURIComponent(s.service), body);
        tell(save, 'État enregistré / State saved');
      });
    });
    row.append(save);
    box.append(row);
  }
  restore(box);
};

/* ---------- start ---------- */

const loadScreens = screens();
const loadFigures = figures();
try {
  page.site = await get('/api/site');
  zoneBoxes(page.site, 'alert');
  zoneBoxes(page.site, 'notice');
  await Promise.all([loadAlerts(), loadNotices(), loadStates(), loadFigures(), loadScreens()]);
} catch (e) {
  tellError($('page-feedback'), e);
}
setInterval(() => loadScreens(BACKGROUND).catch(() => {}), 30000);
