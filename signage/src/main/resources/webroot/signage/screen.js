/*
 * Accueil — screen page. Configuration comes from data-* attributes on <body> (no inline script: the page's CSP
 * forbids them). The server renders every fragment; this script only swaps them in, rotates the slides with the
 * durations the server computed, shows calls and alerts, and marks the screen offline when the stream stops.
 */
(function () {
  'use strict';

  var body = document.body;
  var config = {
    id: body.dataset.screenId,
    alternate: body.dataset.languageMode === 'alternate',
    chime: body.dataset.chime === 'true' && body.dataset.preview !== 'true',
    preview: body.dataset.preview === 'true',
    heartbeatMs: (parseInt(body.dataset.heartbeatSeconds, 10) || 15) * 1000,
    timezone: body.dataset.timezone || 'Europe/Paris'
  };
  var BANNER_MS = 12000;       // long enough to read a ticket and a counter from across the room
  var RETRY_MS = 15000;        // when the browser gives up reconnecting by itself
  var content = document.getElementById('content');
  var alertLayer = document.getElementById('alert');
  var banner = document.getElementById('call-banner');
  var offlineMark = document.querySelector('.offline-mark');
  var clock = document.querySelector('.clock');

  /* ---------- slide rotation ---------- */

  var rotation = { index: 0, language: 'fr', timer: null };

  function slides() {
    return Array.prototype.filter.call(content.children, function (el) {
      return el.classList.contains('slide');
    });
  }

  function seconds(slide, name, fallback) {
    var n = parseInt(slide.dataset[name], 10);
    return isNaN(n) ? fallback : n;
  }

  function render(fade) {
    var list = slides();
    list.forEach(function (slide, i) {
      var visible = i === rotation.index;
      slide.hidden = !visible;
      if (visible && fade) {
        slide.classList.remove('entering');
        void slide.offsetWidth; // restart the fade
        slide.classList.add('entering');
      }
    });
    content.dataset.showing = rotation.language;
  }

  function schedule(ms) {
    clearTimeout(rotation.timer);
    rotation.timer = setTimeout(advance, Math.max(ms, 1000));
  }

  function start(index) {
    var list = slides();
    if (list.length === 0) {
      clearTimeout(rotation.timer);
      return;
    }
    var next = index % list.length;
    var changed = next !== rotation.index || rotation.language !== 'fr';
    rotation.index = next;
    rotation.language = 'fr';
    render(changed || rotation.timer === null);
    var slide = list[rotation.index];
    var total = seconds(slide, 'seconds', 10);
    schedule(1000 * (config.alternate ? seconds(slide, 'frenchSeconds', total) : total));
  }

  function advance() {
    var list = slides();
    var slide = list[rotation.index];
    if (slide && config.alternate && rotation.language === 'fr') {
      var total = seconds(slide, 'seconds', 10);
      var english = total - seconds(slide, 'frenchSeconds', total);
      if (english > 0) {
        rotation.language = 'en';
        render(true);
        schedule(1000 * english);
        return;
      }
    }
    start(rotation.index + 1);
  }

  function currentLayout() {
    var slide = slides()[rotation.index];
    return slide ? slide.dataset.layout : null;
  }

  /* Replaces the slides but keeps showing the same layout, in the same language, for the time it had left. */
  function replaceContent(html) {
    var layout = currentLayout();
    content.innerHTML = html;
    var list = slides();
    var same = -1;
    list.forEach(function (slide, i) {
      if (same < 0 && slide.dataset.layout === layout) {
        same = i;
      }
    });
    if (same >= 0 && rotation.timer !== null) {
      rotation.index = same;
      render(false);
    } else {
      start(0);
    }
  }

  /* ---------- calls ---------- */

  var bannerTimer = null;
  var audio = null;

  function showCall(data) {
    // the next state event re-renders the table; meanwhile mark the row if the table already has it
    var rows = content.querySelectorAll('.call');
    var known = Array.prototype.some.call(rows, function (row) { return row.dataset.ticket === data.ticket; });
    if (known) {
      Array.prototype.forEach.call(rows, function (row) {
        row.classList.toggle('newest', row.dataset.ticket === data.ticket);
      });
    }
    if (body.classList.contains('alert-active')) {
      return;
    }
    if (data.html) {
      banner.innerHTML = data.html;
      banner.hidden = false;
      clearTimeout(bannerTimer);
      bannerTimer = setTimeout(function () { banner.hidden = true; }, BANNER_MS);
    }
    chime();
  }

  /* A soft two-tone chime (E5 then C5) synthesised with Web Audio: no sound file. Kiosk browsers must allow
     autoplay (Chromium: --autoplay-policy=no-user-gesture-required), otherwise it stays silent. */
  function chime() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!config.chime || !Context) {
      return;
    }
    try {
      audio = audio || new Context();
      if (audio.state === 'suspended') {
        audio.resume();
      }
      var t = audio.currentTime + 0.05;
      tone(659.25, t, 0.9);
      tone(523.25, t + 0.55, 1.3);
    } catch (e) {
      // sound is a courtesy; the banner carries the information
    }
  }

  function tone(frequency, at, duration) {
    var oscillator = audio.createOscillator();
    var gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.04);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + duration);
    oscillator.connect(gain);
    gain.connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + duration + 0.05);
  }

  /* ---------- alerts ---------- */

  function showAlert(alert) {
    alertLayer.innerHTML = alert.html;
    alertLayer.dataset.alertId = alert.id;
    alertLayer.hidden = false;
    content.hidden = true;
    banner.hidden = true;
    body.classList.add('alert-active');
  }

  function endAlert(id) {
    if (id && alertLayer.dataset.alertId && alertLayer.dataset.alertId !== id) {
      return;
    }
    alertLayer.hidden = true;
    alertLayer.innerHTML = '';
    delete alertLayer.dataset.alertId;
    content.hidden = false;
    body.classList.remove('alert-active');
  }

  /* ---------- connection ---------- */

  var source = null;
  var serverOffset = 0;
  var lastEventAt = Date.now();
  var retryTimer = null;

  function online(isOnline) {
    offlineMark.hidden = isOnline;
    body.classList.toggle('offline', !isOnline);
  }

  function handler(fn) {
    return function (event) {
      lastEventAt = Date.now();
      online(true);
      var data;
      try {
        data = event.data ? JSON.parse(event.data) : {};
      } catch (e) {
        return;
      }
      fn(data);
    };
  }

  function connect() {
    if (source) {
      source.close();
    }
    // The browser reconnects by itself and sends Last-Event-ID; the server sends a full state on every connection.
    source = new EventSource('/screens/' + encodeURIComponent(config.id) + '/events' + (config.preview ? '?preview' : ''));
    source.onopen = function () {
      lastEventAt = Date.now();
      online(true);
    };
    source.onerror = function () {
      if (source.readyState !== EventSource.OPEN) {
        online(false); // keep the last content on screen
      }
      if (source.readyState === EventSource.CLOSED) {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(reconnectOrPair, RETRY_MS);
      }
    };
    source.addEventListener('state', handler(function (data) {
      if (data.languageMode === 'alternate' || data.languageMode === 'side-by-side') {
        config.alternate = data.languageMode === 'alternate';
        body.dataset.languageMode = data.languageMode;
        body.classList.toggle('mode-alternate', config.alternate);
        body.classList.toggle('mode-side-by-side', !config.alternate);
      }
      if (typeof data.html === 'string') {
        replaceContent(data.html);
      }
      if (data.alert) {
        showAlert(data.alert);
      } else {
        endAlert(null);
      }
    }));
    source.addEventListener('call', handler(showCall));
    source.addEventListener('alert', handler(showAlert));
    source.addEventListener('alert-ended', handler(function (data) { endAlert(data.id); }));
    source.addEventListener('heartbeat', handler(function (data) {
      // The clock follows the server's (which may run from a --now instant for training).
      var at = Date.parse(data.at);
      if (!isNaN(at)) {
        serverOffset = at - Date.now();
        tick();
      }
    }));
  }

  /* A stream refused for good (this device was revoked, or never paired) sends the screen back to
     the pairing page; anything else (server down, network) keeps the content and retries. */
  function reconnectOrPair() {
    if (config.preview || !window.fetch) {
      connect();
      return;
    }
    fetch(window.location.pathname, { redirect: 'manual', cache: 'no-store' }).then(function (response) {
      if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
        window.location.assign('/pair');
      } else {
        connect();
      }
    }, connect);
  }

  /* A connection can die silently (a switch rebooting): no event for three heartbeats means offline,
     five means the connection is reopened. */
  function watchdog() {
    var silence = Date.now() - lastEventAt;
    if (silence > 3 * config.heartbeatMs) {
      online(false);
    }
    if (silence > 5 * config.heartbeatMs) {
      lastEventAt = Date.now();
      connect();
    }
  }

  /* ---------- clock ---------- */

  var clockFormat = (function () {
    try {
      return new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: config.timezone });
    } catch (e) {
      return new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });
    }
  }());

  function tick() {
    if (clock) {
      clock.textContent = clockFormat.format(new Date(Date.now() + serverOffset));
    }
  }

  /* ---------- start ---------- */

  tick();
  setInterval(tick, 15000);
  setInterval(watchdog, 5000);
  start(0);
  if (!alertLayer.hidden) {
    body.classList.add('alert-active');
  }
  if (config.id && window.EventSource) {
    connect();
  } else {
    online(false);
  }
}());
