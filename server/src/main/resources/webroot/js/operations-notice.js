// On every staff page: for a manager or an admin, a notice when a service crosses one of its thresholds (the live
// view of the hall's stream, /operations/events), with a link to that view. Other roles and signed-out pages open
// nothing. A hidden tab closes its stream (browsers allow few connections per site) and reopens it when shown.
import { el } from '/static/js/dom.js';
import { send } from '/static/js/request.js';

const MANAGERS = ['manager', 'admin'];

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
  dismissed: new Set(),
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
    box.hidden = true;
  });
  const actions = el('p');
  actions.append(link, ' ', hide);
  box.append(title, notice.list, actions);
  // announced once per new crossing, not at each minute the wait grows
  notice.spoken = el('p', null, { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  document.body.append(box, notice.spoken);
  notice.box = box;
};

const render = (state) => {
  const all = crossings(state);
  const fresh = all.filter((x) => !notice.shown.has(x.key));
  notice.shown = new Set(all.map((x) => x.key));
  notice.dismissed.forEach((key) => notice.shown.has(key) || notice.dismissed.delete(key));
  const visible = all.filter((x) => !notice.dismissed.has(x.key));
  if (!notice.box) {
    if (visible.length === 0) {
      return;
    }
    build();
  }
  notice.list.replaceChildren(...visible.map((x) => el('li', noticeText(x.service, x.crossed))));
  notice.box.hidden = visible.length === 0;
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
  document.addEventListener('visibilitychange', () => (document.hidden ? close() : open()));
  open();
};

start();
