/* Managers' screens page: alerts, notices, service states, transparency figures, screens and preview.
   Every value from the server is put in the page with textContent, never as markup. */
(function () {
  'use strict';

  var status = document.getElementById('status');
  var failure = document.getElementById('failure');
  var site = null;

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function say(message) {
    failure.hidden = true;
    status.textContent = message;
    status.hidden = false;
  }

  function fail(message) {
    failure.textContent = message;
    failure.hidden = false;
  }

  function api(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch('/api' + path, init).then(function (r) {
      return r.text().then(function (text) {
        var data = text ? JSON.parse(text) : null;
        if (!r.ok) {
          throw new Error((data && data.message) || ('HTTP ' + r.status));
        }
        return data;
      });
    });
  }

  function zoneBoxes(kind) {
    var box = document.querySelector('[data-zones="' + kind + '"]');
    site.zones.forEach(function (z) {
      var id = kind + '-zone-' + z.id;
      var label = el('label', null, { 'for': id });
      var input = el('input', null, { type: 'checkbox', id: id, value: z.id });
      label.appendChild(input);
      label.appendChild(document.createTextNode(z.name.fr + ' / '));
      label.appendChild(el('span', z.name.en, { lang: 'en' }));
      box.appendChild(label);
    });
  }

  function checkedZones(kind) {
    return Array.prototype.map.call(document.querySelectorAll('[data-zones="' + kind + '"] input:checked'),
      function (i) { return i.value; });
  }

  function zonesText(zones) {
    return zones.length === 0 ? 'Partout / Everywhere' : zones.join(', ');
  }

  function when(iso) {
    return iso ? iso.replace('T', ' ').substring(0, 16) : '';
  }

  /* ---------- alerts ---------- */

  function loadAlerts() {
    return api('GET', '/alerts').then(function (alerts) {
      var body = document.getElementById('alerts');
      body.textContent = '';
      alerts.forEach(function (a) {
        var tr = el('tr');
        var text = el('td');
        text.appendChild(el('span', a.fr, { lang: 'fr' }));
        text.appendChild(el('br'));
        text.appendChild(el('span', a.en, { lang: 'en' }));
        tr.appendChild(text);
        tr.appendChild(el('td', zonesText(a.zones)));
        tr.appendChild(el('td', when(a.raisedAt) + ' — ' + a.raisedBy));
        tr.appendChild(el('td', a.endedAt ? when(a.endedAt) + ' — ' + a.endedBy : (a.active ? 'En cours / Active' : '')));
        var action = el('td');
        if (!a.endedAt) {
          var end = el('button', 'Terminer / End', { type: 'button', 'aria-label': 'Terminer l\'alerte ' + a.id });
          end.addEventListener('click', function () {
            api('DELETE', '/alerts/' + a.id).then(function () { say('Alerte terminée / Alert ended'); return loadAlerts(); })
              .catch(function (e) { fail(e.message); });
          });
          action.appendChild(end);
        }
        tr.appendChild(action);
        body.appendChild(tr);
      });
    });
  }

  document.getElementById('alert-form').addEventListener('submit', function (event) {
    event.preventDefault();
    api('POST', '/alerts', {
      fr: document.getElementById('alert-fr').value,
      en: document.getElementById('alert-en').value,
      zones: checkedZones('alert')
    }).then(function () { say('Alerte déclenchée / Alert raised'); event.target.reset(); return loadAlerts(); })
      .catch(function (e) { fail(e.message); });
  });

  /* ---------- notices ---------- */

  function loadNotices() {
    return api('GET', '/notices').then(function (notices) {
      var body = document.getElementById('notices');
      body.textContent = '';
      notices.forEach(function (n) {
        var tr = el('tr');
        var text = el('td');
        text.appendChild(el('span', (n.priority === 'high' ? 'Important : ' : '') + n.fr, { lang: 'fr' }));
        text.appendChild(el('br'));
        text.appendChild(el('span', n.en, { lang: 'en' }));
        tr.appendChild(text);
        tr.appendChild(el('td', when(n.from) + ' → ' + when(n.to)));
        tr.appendChild(el('td', zonesText(n.zones)));
        var action = el('td');
        var del = el('button', 'Retirer / Remove', { type: 'button', 'class': 'secondary',
          'aria-label': 'Retirer l\'information ' + n.id });
        del.addEventListener('click', function () {
          api('DELETE', '/notices/' + n.id).then(function () { say('Information retirée / Notice removed'); return loadNotices(); })
            .catch(function (e) { fail(e.message); });
        });
        action.appendChild(del);
        tr.appendChild(action);
        body.appendChild(tr);
      });
    });
  }

  document.getElementById('notice-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var body = {
      fr: document.getElementById('notice-fr').value,
      en: document.getElementById('notice-en').value,
      to: document.getElementById('notice-to').value,
      priority: document.getElementById('notice-priority').value,
      zones: checkedZones('notice')
    };
    var from = document.getElementById('notice-from').value;
    if (from) {
      body.from = from;
    }
    api('POST', '/notices', body).then(function () { say('Information publiée / Notice published'); event.target.reset(); return loadNotices(); })
      .catch(function (e) { fail(e.message); });
  });

  /* ---------- service states ---------- */

  function loadStates() {
    return api('GET', '/service-states').then(function (states) {
      var box = document.getElementById('states');
      box.textContent = '';
      states.forEach(function (s) {
        var row = el('div', null, { 'class': 'state-row' });
        var title = el('h3', s.name.fr + ' / ');
        title.appendChild(el('span', s.name.en, { lang: 'en' }));
        row.appendChild(title);
        var selectId = 'state-' + s.service;
        var wrap = el('div');
        wrap.appendChild(el('label', 'État / State', { 'for': selectId }));
        var select = el('select', null, { id: selectId });
        [['open', 'Ouvert / Open'], ['closed', 'Fermé / Closed'], ['moved', 'Déplacé / Moved'], ['full', 'Complet / Full']]
          .forEach(function (o) {
            var option = el('option', o[1], { value: o[0] });
            option.selected = o[0] === s.status;
            select.appendChild(option);
          });
        wrap.appendChild(select);
        row.appendChild(wrap);
        var fr = field(row, 'moved-fr-' + s.service, 'Nouveau lieu (français)', s.movedTo ? s.movedTo.fr : '');
        var en = field(row, 'moved-en-' + s.service, 'New place (English)', s.movedTo ? s.movedTo.en : '');
        var save = el('button', 'Enregistrer / Save', { type: 'button', 'aria-label': 'Enregistrer l\'état de ' + s.name.fr });
        save.addEventListener('click', function () {
          var body = { status: select.value };
          if (select.value === 'moved' && fr.value && en.value) {
            body.movedTo = { fr: fr.value, en: en.value };
          }
          api('PUT', '/service-states/' + encodeURIComponent(s.service), body)
            .then(function () { say('État enregistré / State saved'); }).catch(function (e) { fail(e.message); });
        });
        row.appendChild(save);
        box.appendChild(row);
      });
    });
  }

  function field(parent, id, label, value) {
    var wrap = el('div');
    wrap.appendChild(el('label', label, { 'for': id }));
    var input = el('input', null, { id: id, maxlength: '500' });
    input.value = value || '';
    wrap.appendChild(input);
    parent.appendChild(wrap);
    return input;
  }

  /* ---------- transparency ---------- */

  function loadFigures() {
    return api('GET', '/transparency').then(function (t) {
      var box = document.getElementById('figures-delays');
      box.textContent = '';
      var shown = t.shown || { year: new Date().getFullYear(), quarter: 1, delays: {} };
      document.getElementById('figures-year').value = shown.year;
      document.getElementById('figures-quarter').value = String(shown.quarter);
      t.procedures.forEach(function (p) {
        var input = field(box, 'delay-' + p.code, p.name.fr + ' / ' + p.name.en + ' (jours / days)',
          shown.delays[p.code] === undefined ? '' : String(shown.delays[p.code]));
        input.type = 'number';
        input.min = '0';
        input.step = '0.1';
        input.dataset.procedure = p.code;
      });
    });
  }

  document.getElementById('figures-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var delays = {};
    Array.prototype.forEach.call(document.querySelectorAll('#figures-delays input'), function (i) {
      if (i.value !== '') {
        delays[i.dataset.procedure] = Number(i.value);
      }
    });
    api('PUT', '/transparency', {
      year: Number(document.getElementById('figures-year').value),
      quarter: Number(document.getElementById('figures-quarter').value),
      delays: delays
    }).then(function () { say('Délais enregistrés / Figures saved'); }).catch(function (e) { fail(e.message); });
  });

  /* ---------- screens ---------- */

  function loadScreens() {
    return api('GET', '/screens').then(function (screens) {
      var body = document.getElementById('screens');
      body.textContent = '';
      screens.forEach(function (s) {
        var tr = el('tr');
        var name = el('td', s.name.fr + ' / ');
        name.appendChild(el('span', s.name.en, { lang: 'en' }));
        tr.appendChild(name);
        tr.appendChild(el('td', s.zone));
        tr.appendChild(el('td', s.online ? '● En ligne / Online' : '○ Hors ligne / Offline', { 'class': s.online ? 'online' : '' }));
        tr.appendChild(el('td', s.lastSeen ? when(s.lastSeen) : 'jamais / never'));
        var action = el('td');
        var show = el('button', 'Aperçu / Preview', { type: 'button', 'class': 'secondary',
          'aria-label': 'Aperçu de ' + s.name.fr });
        show.addEventListener('click', function () {
          var frame = document.getElementById('preview');
          frame.src = '/screens/' + encodeURIComponent(s.id) + '?preview';
          frame.hidden = false;
        });
        action.appendChild(show);
        var edit = el('button', 'Programme / Playlist', { type: 'button', 'class': 'secondary',
          'aria-label': 'Programme de ' + s.name.fr });
        edit.addEventListener('click', function () { editPlaylist(s); });
        action.appendChild(edit);
        tr.appendChild(action);
        body.appendChild(tr);
      });
    });
  }

  /* ---------- playlists ---------- */

  var LAYOUTS = [['calls', 'Appels / Calls'], ['wayfinding', 'Orientation / Wayfinding'],
    ['notices', 'Informations / Notices'], ['charter', 'Charte / Charter'],
    ['transparency', 'Transparence / Transparency'], ['access', "Conditions d'accès / Access rules"]];
  var editing = null;

  function playlistRow(item, index) {
    var row = el('div', null, { 'class': 'row playlist-row' });
    var layoutId = 'playlist-layout-' + index;
    var secondsId = 'playlist-seconds-' + index;
    row.appendChild(el('label', 'Page ' + (index + 1), { 'for': layoutId }));
    var select = el('select', null, { id: layoutId, 'class': 'playlist-layout' });
    LAYOUTS.forEach(function (l) {
      var option = el('option', l[1], { value: l[0] });
      option.selected = l[0] === item.layout;
      select.appendChild(option);
    });
    row.appendChild(select);
    row.appendChild(el('label', 'Secondes / Seconds', { 'for': secondsId }));
    row.appendChild(el('input', null, { id: secondsId, 'class': 'playlist-seconds', type: 'number', min: '5',
      max: '600', value: String(item.seconds) }));
    var remove = el('button', 'Retirer / Remove', { type: 'button', 'class': 'secondary',
      'aria-label': 'Retirer la page ' + (index + 1) });
    remove.addEventListener('click', function () {
      var items = readPlaylist();
      items.splice(index, 1);
      showPlaylist(items);
    });
    row.appendChild(remove);
    return row;
  }

  function readPlaylist() {
    var layouts = document.querySelectorAll('#playlist-rows .playlist-layout');
    var seconds = document.querySelectorAll('#playlist-rows .playlist-seconds');
    var items = [];
    for (var i = 0; i < layouts.length; i++) {
      items.push({ layout: layouts[i].value, seconds: Number(seconds[i].value) });
    }
    return items;
  }

  function showPlaylist(items) {
    var rows = document.getElementById('playlist-rows');
    rows.textContent = '';
    items.forEach(function (item, i) { rows.appendChild(playlistRow(item, i)); });
  }

  function editPlaylist(screen) {
    editing = screen;
    document.getElementById('playlist-title').firstChild.textContent = 'Programme de « ' + screen.name.fr + ' » ';
    showPlaylist(screen.playlist);
    document.getElementById('playlist-languages').value = screen.languages;
    var form = document.getElementById('playlist-form');
    form.hidden = false;
    form.querySelector('select, input, button').focus();
  }

  document.getElementById('playlist-add').addEventListener('click', function () {
    var items = readPlaylist();
    items.push({ layout: 'charter', seconds: 20 });
    showPlaylist(items);
  });

  document.getElementById('playlist-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var path = '/screens/' + encodeURIComponent(editing.id);
    api('PUT', path + '/playlist', { playlist: readPlaylist() })
      .then(function () { return api('PUT', path + '/languages', { languages: document.getElementById('playlist-languages').value }); })
      .then(function () { say('Programme enregistré, l\'écran le prend tout de suite / Playlist saved, the screen takes it at once'); return loadScreens(); })
      .catch(function (e) { fail(e.message); });
  });

  document.getElementById('playlist-reset').addEventListener('click', function () {
    var path = '/screens/' + encodeURIComponent(editing.id);
    api('DELETE', path + '/languages')
      .then(function (languages) { document.getElementById('playlist-languages').value = languages.languages; })
      .then(function () { return api('DELETE', path + '/playlist'); })
      .then(function (answer) { showPlaylist(answer.playlist); say('Programme de la configuration rétabli / Configured playlist restored'); return loadScreens(); })
      .catch(function (e) { fail(e.message); });
  });

  api('GET', '/site').then(function (s) {
    site = s;
    zoneBoxes('alert');
    zoneBoxes('notice');
    return Promise.all([loadAlerts(), loadNotices(), loadStates(), loadFigures(), loadScreens()]);
  }).catch(function (e) { fail(e.message); });
  setInterval(function () { loadScreens().catch(function () {}); }, 30000);
}());
