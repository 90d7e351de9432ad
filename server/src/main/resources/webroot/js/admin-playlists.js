// The screens of the managers' screens page: the list with online state and preview, and each screen's playlist
// and language mode. Every value from the server is put in the page with textContent, never as markup.
import { $, el } from '/static/js/dom.js';
import { get, request } from '/static/js/request.js';
import { attempt, confirmAction, parseDecimal, tell, wallClock } from '/static/js/feedback.js';

const LAYOUTS = [
  ['calls', 'Appels / Calls'],
  ['wayfinding', 'Orientation / Wayfinding'],
  ['notices', 'Informations / Notices'],
  ['charter', 'Charte / Charter'],
  ['transparency', 'Transparence / Transparency'],
  ['affluence', 'Quand venir ? / When to come'],
  ['access', "Conditions d'accès / Access rules"],
];

const readPlaylist = () => {
  const layouts = document.querySelectorAll('#playlist-rows .playlist-layout');
  const seconds = document.querySelectorAll('#playlist-rows .playlist-seconds');
  return [...layouts].map((layout, i) => ({ layout: layout.value, seconds: parseDecimal(seconds[i].value) }));
};

const playlistRow = (item, index) => {
  const row = el('div', null, { class: 'row playlist-row' });
  const layoutId = 'playlist-layout-' + index;
  const secondsId = 'playlist-seconds-' + index;
  const select = el('select', null, { id: layoutId, class: 'playlist-layout' });
  for (const [value, label] of LAYOUTS) {
    const option = el('option', label, { value });
    option.selected = value === item.layout;
    select.append(option);
  }
  const attrs = { id: secondsId, class: 'playlist-seconds', inputmode: 'numeric', size: '5', autocomplete: 'off' };
  const remove = el('button', 'Retirer / Remove', {
    type: 'button',
    class: 'secondary',
    'aria-label': 'Retirer la page ' + (index + 1),
  });
  remove.addEventListener('click', () => {
    const items = readPlaylist();
    items.splice(index, 1);
    showPlaylist(items);
  });
  row.append(
    el('label', 'Page ' + (index + 1), { for: layoutId }),
    select,
    el('label', 'Secondes / Seconds', { for: secondsId }),
    el('input', null, { ...attrs, value: String(item.seconds) }),
    remove,
  );
  return row;
};

const showPlaylist = (items) => $('playlist-rows').replaceChildren(...items.map(playlistRow));

// The first page whose seconds are not a whole number from 5 to 600, or undefined.
const badSeconds = () =>
  [...document.querySelectorAll('#playlist-rows .playlist-seconds')].find((input) => {
    const n = parseDecimal(input.value);
    return !Number.isInteger(n) || n < 5 || n > 600;
  });

/** Wires the screens' part of the page; answers the function that (re)loads the list of screens. */
export const screens = () => {
  const editor = { screen: null };

  const editPlaylist = (screen) => {
    editor.screen = screen;
    $('playlist-title').firstChild.textContent = 'Programme de « ' + screen.name.fr + ' » ';
    showPlaylist(screen.playlist);
    $('playlist-languages').value = screen.languages;
    const form = $('playlist-form');
    form.hidden = false;
    form.querySelector('select, input, button').focus();
  };

  const screenRow = (s) => {
    const tr = el('tr');
    const name = el('td', s.name.fr + ' / ');
    name.append(el('span', s.name.en, { lang: 'en' }));
    const action = el('td');
    const show = el('button', 'Aperçu / Preview', {
      type: 'button',
      class: 'secondary',
      'aria-label': 'Aperçu de ' + s.name.fr,
    });
    show.addEventListener('click', () => {
      const frame = $('preview');
      frame.src = '/screens/' + encodeURIComponent(s.id) + '?preview';
      frame.hidden = false;
    });
    const edit = el('button', 'Programme / Playlist', {
      type: 'button',
      class: 'secondary',
      'aria-label': 'Programme de ' + s.name.fr,
    });
    edit.addEventListener('click', () => editPlaylist(s));
    action.append(show, edit);
    tr.append(
      name,
      el('td', s.zone),
      el('td', (s.online ? '● En ligne / Online' : '○ Hors ligne / Offline') + voice(s), {
        class: s.online ? 'online' : '',
      }),
      el('td', s.lastSeen ? wallClock(s.lastSeen) : 'jamais / never'),
      action,
    );
    return tr;
  };

  // A chiming screen speaks its calls, unless the server has no speech engine.
  const voice = (s) => {
    if (!s.chime) {
      return '';
    }
    return s.speech
      ? ' · appels parlés / spoken calls'
      : ' · sans voix : espeak-ng absent / no voice: espeak-ng missing';
  };

  const loadScreens = async (options) => {
    const list = await get('/api/screens', options);
    $('screens').replaceChildren(...list.map(screenRow));
  };

  $('playlist-add').addEventListener('click', () =>
    showPlaylist([...readPlaylist(), { layout: 'charter', seconds: 20 }]),
  );

  $('playlist-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const save = event.target.querySelector('button[type=submit]');
    const bad = badSeconds();
    if (bad) {
      tell(
        save,
        'Durée de « ' + bad.labels[0].textContent + ' » : un nombre entier de 5 à 600 secondes. / 5 to 600 s.',
        'error',
      );
      bad.focus();
      return;
    }
    const path = '/api/screens/' + encodeURIComponent(editor.screen.id);
    attempt(save, async () => {
      await request('PUT', path + '/playlist', { playlist: readPlaylist() });
      await request('PUT', path + '/languages', { languages: $('playlist-languages').value });
      tell(save, "Programme enregistré, l'écran le prend tout de suite / Playlist saved, the screen takes it at once");
      await loadScreens();
    });
  });

  $('playlist-reset').addEventListener('click', async (event) => {
    const reset = event.currentTarget;
    const sure = await confirmAction({
      title: 'Revenir à la configuration ? / Back to the configuration?',
      text:
        'Le programme et les langues de « ' +
        editor.screen.name.fr +
        ' » changés ici seront perdus ; l’écran reprend aussitôt ceux du fichier de configuration.',
      yes: 'Rétablir / Restore',
    });
    if (!sure) {
      return;
    }
    const path = '/api/screens/' + encodeURIComponent(editor.screen.id);
    attempt(reset, async () => {
      const languages = await request('DELETE', path + '/languages');
      $('playlist-languages').value = languages.languages;
      const answer = await request('DELETE', path + '/playlist');
      showPlaylist(answer.playlist);
      tell(reset, 'Programme de la configuration rétabli / Configured playlist restored');
      await loadScreens();
    });
  });

  return loadScreens;
};
