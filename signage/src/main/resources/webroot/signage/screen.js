/* Accueil — screen page. Configuration from data-* attributes on <body> (the CSP forbids inline scripts). The server
   renders every fragment; this script swaps them in, rotates the slides' pages (paginate.js) for their reading time,
   shows calls and alerts, and marks the screen offline when the stream stops. */
import { fitAlert, fitStrip, pageTimes, paginate, showUnits } from './paginate.js';
import { announce, silence } from './sound.js';
import { hoursIn } from './clock.js';
import { refusedForGood } from './stream.js';

const body = document.body;
const config = {
  fixed: body.dataset.fixedPage !== undefined,
  id: body.dataset.screenId,
  alternate: body.dataset.languageMode === 'alternate',
  chime: body.dataset.chime === 'true' && body.dataset.preview !== 'true',
  preview: body.dataset.preview === 'true',
  heartbeatMs: (parseInt(body.dataset.heartbeatSeconds, 10) || 15) * 1000,
  timezone: body.dataset.timezone || 'Europe/Paris',
};
const BANNER_MS = 12000; // long enough to read a ticket and a counter from across the room
const RETRY_MS = 15000; // when the browser gives up reconnecting by itself
const content = document.getElementById('content');
const alertLayer = document.getElementById('alert');
const banner = document.getElementById('call-banner');
const strip = document.getElementById('calls-strip');
const offlineMark = document.querySelector('.offline-mark');
const clock = document.querySelector('.clock');

// What changes while the page lives: the slide shown, the timers, the sound, the stream and the server's clock.
const state = {
  rotation: { index: 0, page: 0, language: 'fr', timer: null },
  bannerTimer: null,
  audio: null,
  speaking: null,
  source: null,
  serverOffset: 0,
  lastEventAt: Date.now(),
  retryTimer: null,
};
const { rotation } = state;

/* ---------- slide rotation ---------- */

const slides = () => [...content.children].filter((el) => el.classList.contains('slide'));

/* A slide's pages, measured once it can be seen (never while an alert hides the content). */
const pagesOf = (slide) => {
  if (!slide.pages) {
    if (content.hidden || content.clientHeight === 0) {
      return [{ from: 0, to: Infinity, fr: 0, en: 0 }];
    }
    slide.pages = paginate(slide, content, config.alternate, strip);
  }
  return slide.pages;
};

const pageSeconds = (slide, page) => pageTimes(slide, pagesOf(slide).length, page, config.alternate);

const render = (fade) => {
  const list = slides();
  list.forEach((slide, i) => {
    slide.hidden = i !== rotation.index;
  });
  content.dataset.showing = rotation.language;
  if (strip) {
    strip.dataset.showing = rotation.language;
  }
  const slide = list[rotation.index];
  if (!slide) {
    return null;
  }
  const pages = pagesOf(slide);
  rotation.page = Math.min(rotation.page, pages.length - 1);
  const page = pages[rotation.page];
  showUnits(slide, page.from, page.to);
  body.dataset.pages = pages.length;
  body.dataset.page = rotation.page;
  if (fade) {
    slide.classList.remove('entering');
    void slide.offsetWidth; // restart the fade
    slide.classList.add('entering');
  }
  return pageSeconds(slide, page);
};

const schedule = (ms) => {
  clearTimeout(rotation.timer);
  rotation.timer = config.fixed ? null : setTimeout(advance, Math.max(ms, 1000));
};

const start = (index, page = 0) => {
  const list = slides();
  if (list.length === 0) {
    clearTimeout(rotation.timer);
    return;
  }
  const next = index % list.length;
  const changed = next !== rotation.index || page !== rotation.page || rotation.language !== 'fr';
  rotation.index = next;
  rotation.page = page;
  rotation.language = 'fr';
  const time = render(changed || rotation.timer === null);
  schedule(1000 * time.fr);
};

const advance = () => {
  const slide = slides()[rotation.index];
  if (slide && config.alternate && rotation.language === 'fr') {
    const time = pageSeconds(slide, pagesOf(slide)[rotation.page]);
    if (time.en > 0) {
      rotation.language = 'en';
      render(true);
      schedule(1000 * time.en);
      return;
    }
  }
  if (slide && rotation.page + 1 < pagesOf(slide).length) {
    start(rotation.index, rotation.page + 1);
  } else {
    start(rotation.index + 1);
  }
};

/* Replaces the slides but keeps showing the same layout and page, in the same language, for the time it had left. */
const replaceContent = (html) => {
  const layout = slides()[rotation.index]?.dataset.layout;
  content.innerHTML = html;
  const same = slides().findIndex((slide) => slide.dataset.layout === layout);
  if (same >= 0 && (rotation.timer !== null || config.fixed)) {
    rotation.index = same;
    render(false);
  } else {
    start(0);
  }
};

/* Pages are measured again when the window changes size. */
const remeasure = () => {
  slides().forEach((slide) => delete slide.pages);
  render(false);
  fitStrip(strip);
  fitAlert(alertLayer);
};

/* ---------- calls ---------- */

const showCall = (data) => {
  // the next state event re-renders the table; meanwhile mark the row if the table already has it
  const rows = [...content.querySelectorAll('.call')];
  if (rows.some((row) => row.dataset.ticket === data.ticket)) {
    for (const row of rows) {
      row.classList.toggle('newest', row.dataset.ticket === data.ticket);
    }
  }
  if (body.classList.contains('alert-active')) {
    return;
  }
  if (data.html) {
    banner.innerHTML = data.html;
    banner.hidden = false;
    clearTimeout(state.bannerTimer);
    state.bannerTimer = setTimeout(() => {
      banner.hidden = true;
    }, BANNER_MS);
  }
  announce(state, config, data);
};

/* ---------- alerts ---------- */

const stripShown = (shown) => {
  if (strip) {
    strip.hidden = !shown;
    fitStrip(strip);
  }
};

const showAlert = (alert) => {
  alertLayer.innerHTML = alert.html;
  alertLayer.dataset.alertId = alert.id;
  alertLayer.hidden = false;
  fitAlert(alertLayer);
  content.hidden = true;
  banner.hidden = true;
  stripShown(false);
  body.classList.add('alert-active');
  silence(state); // an alert overrides calls, their sound included
};

const endAlert = (id) => {
  if (id && alertLayer.dataset.alertId && alertLayer.dataset.alertId !== id) {
    return;
  }
  alertLayer.hidden = true;
  alertLayer.innerHTML = '';
  delete alertLayer.dataset.alertId;
  content.hidden = false;
  body.classList.remove('alert-active');
  render(false);
  stripShown(true);
};

/* ---------- clock ---------- */

const clockFormat = hoursIn(config.timezone);

const tick = () => {
  if (clock) {
    clock.textContent = clockFormat.format(new Date(Date.now() + state.serverOffset));
  }
};

/* ---------- connection ---------- */

const online = (isOnline) => {
  offlineMark.hidden = isOnline;
  body.classList.toggle('offline', !isOnline);
};

const handler = (fn) => (event) => {
  state.lastEventAt = Date.now();
  online(true);
  let data;
  try {
    data = event.data ? JSON.parse(event.data) : {};
  } catch {
    return;
  }
  fn(data);
};

const showState = (data) => {
  if (data.languageMode === 'alternate' || data.languageMode === 'side-by-side') {
    config.alternate = data.languageMode === 'alternate';
    body.dataset.languageMode = data.languageMode;
    body.classList.toggle('mode-alternate', config.alternate);
    body.classList.toggle('mode-side-by-side', !config.alternate);
  }
  if (typeof data.html === 'string') {
    replaceContent(data.html);
  }
  if (strip && typeof data.strip === 'string') {
    strip.innerHTML = data.strip;
    fitStrip(strip);
  }
  if (data.alert) {
    showAlert(data.alert);
  } else {
    endAlert(null);
  }
};

const connect = () => {
  if (state.source) {
    state.source.close();
  }
  // The browser reconnects by itself and sends Last-Event-ID; the server sends a full state on every connection.
  const source = new EventSource(
    '/screens/' + encodeURIComponent(config.id) + '/events' + (config.preview ? '?preview' : ''),
  );
  state.source = source;
  source.onopen = () => {
    state.lastEventAt = Date.now();
    online(true);
  };
  source.onerror = () => {
    if (source.readyState !== EventSource.OPEN) {
      online(false); // keep the last content on screen
    }
    if (source.readyState === EventSource.CLOSED) {
      clearTimeout(state.retryTimer);
      state.retryTimer = setTimeout(reconnectOrPair, RETRY_MS);
    }
  };
  source.addEventListener('state', handler(showState));
  source.addEventListener('call', handler(showCall));
  source.addEventListener('alert', handler(showAlert));
  source.addEventListener(
    'alert-ended',
    handler((data) => endAlert(data.id)),
  );
  source.addEventListener(
    'heartbeat',
    handler((data) => {
      // The clock follows the server's (which may run from a --now instant for training).
      const at = Date.parse(data.at);
      if (!isNaN(at)) {
        state.serverOffset = at - Date.now();
        tick();
      }
    }),
  );
};

const reconnectOrPair = async () => {
  if (await refusedForGood(config)) {
    window.location.assign('/pair');
  } else {
    connect();
  }
};

/* A connection can die silently (a switch rebooting): no event for three heartbeats means offline,
   five means the connection is reopened. */
const watchdog = () => {
  const silence = Date.now() - state.lastEventAt;
  if (silence > 3 * config.heartbeatMs) {
    online(false);
  }
  if (silence > 5 * config.heartbeatMs) {
    state.lastEventAt = Date.now();
    connect();
  }
};

/* ---------- start ---------- */

tick();
setInterval(tick, 15000);
if (!alertLayer.hidden) {
  body.classList.add('alert-active');
  fitAlert(alertLayer);
}
await document.fonts.ready;
window.addEventListener('resize', remeasure);
if (config.fixed) {
  // one page shown still (the page's link to check a screen, and the tests): no rotation, no stream
  rotation.language = body.dataset.fixedLanguage === 'en' ? 'en' : 'fr';
  rotation.page = parseInt(body.dataset.fixedPage, 10) || 0;
  render(false);
  fitStrip(strip);
  body.dataset.ready = 'true';
} else {
  setInterval(watchdog, 5000);
  start(0);
  fitStrip(strip);
  if (config.id && window.EventSource) {
    connect();
  } else {
    online(false);
  }
}
