// On every staff page: for a manager or an admin, a notice when a service crosses one of its thresholds (the live
// view of the hall's stream, /operations/events), with a link to that view. Other roles and signed-out pages open
// nothing. A hidden tab closes its stream (browsers allow few connections per site) and reopens it when shown.
import { el } from '/static/js/dom.js';
import { send } from '/static/js/request.js';

const MANAGERS = ['manager', 'admin'];
// what was hidden stays hidden on the tab's next pages, until that threshold is no longer crossed
const DISMISSED = 'accueil.operations-notice.dismissed';

const loadDismissed = () => {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(DISMISSED) || '[]'));
  } catch {
    return new Set();
  }
};

const saveDismissed = (keys) => {
  try {
    sessionStorage.setItem(DISMISSED, JSON.stringify([...keys]));
  } catch {
    // storage refused (private mode): hidden on this page only
  }
};

/** The row's text for one crossed threshold: "Seuil dépassé : attente 52 min > 45 min". */
export const crossedText = (c) =>
  c.measure === 'waitMinutes'
    ? `Seuil dépassé : attente ${c.value} min > ${c.limit} min`
    : `Seuil dépassé : ${c.value} en attente > ${c.limit}`;

/** The notice's text: "Attente de 52 min au service Titres (seuil 45 min)". */
export const noticeText = (service, c) =>
  c.measure === 'waitMinutes'
    ? `Attente de ${c.value} min au service ${service.name.fr} (seuil ${c.limit} min)`
    : `${c.value} visiteurs en attente au service ${service.name.fr} (seuil ${c.limit})`;

/** Every crossed threshold of a state, with a key per service and measure. */
export const crossings = (state) =>
  state.services.flatMap((s) => s.crossed.map((c) => ({ key: s.code + ':' + c.measure, service: s, crossed: c })));

const notice = {
  box: null,
  list: null,
  spoken: null,
  shown: new Set(),
  dismissed: loadDismissed(),
};

const build = () => {
  const box = el('aside', null, {
    id: 'operations-notice',
    class: 'operations-notice',
    'aria-labelledby': 'operations-notice-title',
  });
  const title = el('h2', 'Seuil dépassé', { id: 'operations-notice-title' });
  notice.list = el('ul');
  const link = el('a', 'Voir la vue d’ensemble du hall', { href: '/operations' });
  const hide = el('button', 'Masquer', { type: 'button', class: 'secondary' });
  hide.addEventListener('click', () => {
    notice.shown.forEach((key) => notice.dismissed.add(key));
    saveDismissed(notice.dismissed);
    box.hidden = true;
    document.body.classList.remove('with-operations-notice');
  });
  const actions = el('p');
  actions.append(link, ' ', hide);
  box.append(title, notice.list, actions);
  // after the page's header in reading order; fixed at the bottom on a wide screen, in the flow on a narrow one
  const header = document.querySelector('body > header');
  if (header) {
    header.after(box);
  } else {
    document.body.prepend(box);
  }
  notice.box = box;
};

const render = (state) => {
  // when the last state came (tests wait on it)
  document.documentElement.dataset.operationsState = state.at;
  const all = crossings(state);
  const fresh = all.filter((x) => !notice.shown.has(x.key) && !notice.dismissed.has(x.key));
  notice.shown = new Set(all.map((x) => x.key));
  const before = notice.dismissed.size;
  notice.dismissed.forEach((key) => notice.shown.has(key) || notice.dismissed.delete(key));
  if (notice.dismissed.size !== before) {
    saveDismissed(notice.dismissed);
  }
  const visible = all.filter((x) => !notice.dismissed.has(x.key));
  if (!notice.box) {
    if (visible.length === 0) {
      return;
    }
    build();
  }
  notice.list.replaceChildren(...visible.map((x) => el('li', noticeText(x.service, x.crossed))));
  notice.box.hidden = visible.length === 0;
  document.body.classList.toggle('with-operations-notice', !notice.box.hidden);
  if (fresh.length > 0) {
    notice.spoken.textContent = fresh.map((x) => noticeText(x.service, x.crossed)).join('. ');
  }
};

let source = null;

const open = () => {
  if (source || document.hidden) {
    return;
  }
  source = new EventSource('/operations/events');
  source.addEventListener('state', (event) => render(JSON.parse(event.data)));
};

const close = () => {
  if (source) {
    source.close();
    source = null;
  }
};

const start = async () => {
  let session;
  try {
    const response = await send('GET', '/api/session', undefined, { background: true });
    session = response.ok ? await response.json() : null;
  } catch {
    return;
  }
  if (!session || !MANAGERS.includes(session.role)) {
    return;
  }
  // announced once per new crossing, not at each minute the wait grows; in the page before anything is said in it
  notice.spoken = el('p', null, { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  document.body.append(notice.spoken);
  document.addEventListener('visibilitychange', () => (document.hidden ? close() : open()));
  open();
};

start();
