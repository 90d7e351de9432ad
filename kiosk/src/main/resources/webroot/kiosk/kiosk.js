// The gatehouse kiosk. A handheld scanner types the QR text and Enter into #code; the field keeps focus
// so scans follow each other without a click. Every value from the server is inserted as text.
(() => {
  const $ = (id) => document.getElementById(id);
  const code = $('code');
  const verdict = $('verdict');
  const error = $('kiosk-error');
  let gate = null;
  let latest = 0;
  const O = window.AccueilOffline;
  const PACK_EVERY = 5 * 60 * 1000;
  const PROBE_EVERY = 5000;
  let online = true;
  let pack = null; // the offline pack, with fetchedAt (kiosk clock) beside the server's generatedAt
  let keys = new Map();
  let index = new Map(); // "kind:id" → convocation
  let manualCodes = new Map(); // "K7M4-Q2XP-9" → "kind:id"
  let replaying = false;

  // IndexedDB: 'pack' (one record, the day's data) and 'scans' (every scan of the day; unsynced ones are the queue).
  // The visitors' names live here for the day only: a pack of an earlier day is deleted at load.
  function db() {
    return new Promise((resolve, reject) => {
      const open = indexedDB.open('accueil-kiosk', 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('pack');
        open.result.createObjectStore('scans', { keyPath: 'scanId' });
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
  }

  async function tx(store, mode, work) {
    const conn = await db();
    return new Promise((resolve, reject) => {
      const t = conn.transaction(store, mode);
      const result = work(t.objectStore(store));
      t.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      t.onerror = () => reject(t.error);
    });
  }

  const allScans = () => tx('scans', 'readonly', (s) => s.getAll());
  const putScan = (record) => tx('scans', 'readwrite', (s) => s.put(record));

  function kioskNow() {
    return pack ? Date.now() + (pack.generatedAt - pack.fetchedAt) : Date.now();
  }

  function stale() {
    if (!pack) {
      return true;
    }
    const now = kioskNow();
    return now - pack.generatedAt > pack.staleAfterMinutes * 60000 || O.localDate(now, pack.zone) !== pack.day;
  }

  async function usePack(p) {
    keys = await O.importKeys(p.keys);
    index = new Map();
    manualCodes = new Map();
    for (const c of p.convocations) {
      index.set(c.kind + ':' + c.id, c);
      for (const m of c.manualCodes || []) {
        manualCodes.set(m, c.kind + ':' + c.id);
      }
    }
    pack = p;
    applyCaller();
    showStatus();
  }

  async function loadStoredPack() {
    const stored = await tx('pack', 'readonly', (s) => s.get('current'));
    if (!stored) {
      return;
    }
    if (O.localDate(Date.now() + (stored.generatedAt - stored.fetchedAt), stored.zone) > stored.day) {
      // Personal data is kept for the day only.
      await tx('pack', 'readwrite', (s) => s.delete('current'));
      const old = (await allScans()).filter((r) => r.synced);
      await tx('scans', 'readwrite', (s) => old.forEach((r) => s.delete(r.scanId)));
      return;
    }
    await usePack(stored);
  }

  async function refreshPack() {
    try {
      const response = await fetch('/api/kiosk/offline-pack');
      if (response.status === 401) {
        window.location.href = '/login?next=/kiosk';
        return;
      }
      if (!response.ok) {
        setOnline(response.status < 500);
        return;
      }
      const p = await response.json();
      p.fetchedAt = Date.now();
      await tx('pack', 'readwrite', (s) => s.put(p, 'current'));
      await usePack(p);
      setOnline(true);
    } catch (e) {
      setOnline(false);
    }
  }

  function setOnline(value) {
    const was = online;
    online = value;
    if (!was && value) {
      replay().then(refreshPack);
    }
    showStatus();
  }

  async function showStatus() {
    const pending = (await allScans()).filter((r) => !r.synced).length;
    $('offline-banner').hidden = online;
    $('queue-count').textContent = pending ? pending + ' passage(s) en attente d\'envoi / waiting to be sent' : '';
    $('stale-banner').hidden = pack ? !stale() : online;
    if (pack) {
      const when = O.localTime(pack.generatedAt, pack.zone);
      $('pack-status').textContent = 'Données hors ligne à jour de ' + when.replace(':', ' h ')
        + ' (' + pack.convocations.length + ' convocations) / Offline data as of ' + when;
    } else {
      $('pack-status').textContent = 'Aucune donnée hors ligne / No offline data';
    }
    if (!online || !pack || stale()) {
      showLocalCount();
    }
  }

  function applyCaller() {
    const device = pack && pack.caller && pack.caller.device;
    $('lost').hidden = !!device;
    $('device-note').hidden = !device;
    if (device && pack.caller.gate) {
      gate = pack.caller.gate;
      $('gate').value = gate;
      $('gate-choice').hidden = true;
    }
  }

  // Presence: the pack's (from the server's scans) and then this kiosk's scans since the pack was made.
  async function presence() {
    const map = new Map();
    if (!pack) {
      return map;
    }
    for (const p of pack.presence) {
      map.set(p.kind + ':' + p.id, { inside: p.inside, admittedToday: true, since: p.since, gate: p.gate });
    }
    const mine = (await allScans()).filter((r) => r.at > pack.generatedAt && r.decision === 'admit' && r.kind)
      .sort((a, b) => a.at - b.at);
    for (const r of mine) {
      const key = r.kind + ':' + r.id;
      const before = map.get(key) || { admittedToday: false };
      map.set(key, r.direction === 'in'
        ? { inside: true, admittedToday: true, since: r.at, gate: r.gate }
        : { ...before, inside: false, admittedToday: true });
    }
    return map;
  }

  async function insideList() {
    const people = [];
    for (const [key, p] of await presence()) {
      if (p.inside) {
        const c = index.get(key) || {};
        const service = pack.services[c.service];
        people.push({ name: c.name || key, service: c.event || (service ? service.name.fr + ' / ' + service.name.en : ''),
          since: p.since, gate: p.gate });
      }
    }
    return people.sort((a, b) => a.since - b.since);
  }

  async function showLocalCount() {
    if (pack) {
      $('inside-count').textContent = String((await insideList()).length);
    }
  }

  function direction() {
    return $('mode-out').checked ? 'out' : 'in';
  }

  function showMode() {
    const out = direction() === 'out';
    document.body.classList.toggle('mode-out', out);
    document.body.classList.toggle('mode-in', !out);
    $('mode-text').textContent = out ? 'Mode SORTIE' : 'Mode ENTRÉE';
    $('mode-text-en').textContent = out ? 'Exit mode' : 'Entry mode';
  }

  function fail(message) {
    error.textContent = message;
    error.hidden = !message;
  }

  function scanId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  }

  async function post(url, body, attempts) {
    for (let i = 0; ; i++) {
      try {
        const response = await fetch(url, {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
        });
        return response;
      } catch (networkError) {
        // The same scanId is safe to send again: the server answers a replay with the first answer.
        if (i + 1 >= attempts) {
          throw networkError;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  async function answer(response) {
    const data = await response.json().catch(() => ({}));
    if (response.status === 401) {
      fail('Session expirée : reconnectez-vous (Session expired: log in again).');
      window.location.href = '/login?next=/kiosk';
      return null;
    }
    if (!response.ok) {
      fail((data && data.message) || ('Erreur ' + response.status));
      return null;
    }
    fail('');
    return data;
  }

  function set(id, text) {
    const element = $(id);
    element.textContent = text || '';
    return element;
  }

  function render(v) {
    const admit = v.decision === 'admit';
    const check = v.decision === 'check';
    verdict.className = 'verdict ' + (check ? 'check' : admit ? 'admit' : 'refuse');
    set('verdict-word', check ? 'À VÉRIFIER' : admit ? (v.direction === 'out' ? 'SORTIE OK' : 'ADMIS') : 'REFUSÉ');
    set('verdict-word-en', check ? 'CHECK BY HAND' : admit ? (v.direction === 'out' ? 'EXIT OK' : 'ADMIT') : 'REFUSED');
    set('verdict-reason', (v.offline ? 'Hors ligne. ' : '') + (v.message ? v.message.fr : v.reason));
    set('verdict-en', (v.offline ? 'Offline. ' : '') + (v.message ? v.message.en : ''));
    const from = $('verdict-from');
    if (v.admitFromLocal) {
      from.textContent = 'Entrée à partir de ' + v.admitFromLocal.replace(':', ' h ') + ' / from ' + v.admitFromLocal;
      from.hidden = false;
    } else {
      from.hidden = true;
      from.textContent = '';
    }
    const details = $('verdict-details');
    if (v.visitor) {
      set('verdict-name', v.visitor.name + (v.manual ? ' (admission manuelle / manual admission)' : ''));
      set('verdict-time', (v.date || '') + ' ' + (v.localTime || '') + (v.event ? ' — ' + v.event : ''));
      set('verdict-service', v.service && v.service.name ? v.service.name.fr + ' / ' + v.service.name.en
        : (v.event || ''));
      set('verdict-where', where(v));
      details.hidden = false;
    } else {
      details.hidden = true;
    }
  }

  function where(v) {
    if (v.location) {
      return v.location;
    }
    const l = v.service && v.service.location;
    if (!l) {
      return '';
    }
    const fr = [l.buildingName && l.buildingName.fr, l.floorName && l.floorName.fr, l.room && l.room.fr];
    const en = [l.buildingName && l.buildingName.en, l.floorName && l.floorName.en, l.room && l.room.en];
    return fr.filter(Boolean).join(', ') + ' / ' + en.filter(Boolean).join(', ');
  }

  async function scan(text) {
    const mine = ++latest;
    const id = scanId();
    const dir = direction();
    if (online) {
      try {
        const response = await post('/api/kiosk/scan', { code: text, gate, direction: dir, scanId: id }, 2);
        if (response.status < 500) {
          const data = await answer(response);
          if (data) {
            const c = data.convocation || {};
            await putScan({ scanId: id, at: kioskNow(), gate, direction: dir, decision: data.decision,
              reason: data.reason, kind: c.kind, id: c.id, synced: true });
            if (mine === latest) {
              render(data);
              refreshInside();
            }
          }
          keepFocus();
          return;
        }
      } catch (e) {
        // unreachable: decide here
      }
      setOnline(false);
    }
    const v = await decideHere(text, dir, id);
    if (mine === latest) {
      render(v);
    }
    showStatus();
    keepFocus();
  }

  function visitorDetails(c, out) {
    if (!c) {
      return out;
    }
    const service = pack.services[c.service];
    out.visitor = { name: c.name };
    out.localTime = O.localTime(c.start, pack.zone);
    out.date = O.localDate(c.start, pack.zone);
    if (c.kind === 'invitation') {
      out.event = c.event;
      out.location = c.location;
    } else if (service) {
      out.service = service;
    }
    return out;
  }

  // The offline verdict: the same checks as the server, on the pack; queued with its instant unless the data is
  // too old to be trusted, in which case the guard checks by hand and nothing is recorded.
  async function decideHere(text, dir, id) {
    const now = kioskNow();
    if (!pack) {
      return { decision: 'check', offline: true, message: {
        fr: 'Aucune donnée hors ligne : vérifiez la convocation à la main.',
        en: 'No offline data: check the convocation by hand.' } };
    }
    let key = null;
    let v;
    let qrStart = null;
    if (O.looksLikeManualCode(text)) {
      const normal = O.normalizeManualCode(text);
      key = normal ? manualCodes.get(normal) : null;
      v = normal ? (key ? null : { check: true }) : O.refuse('malformed');
    } else {
      const checked = await O.verify(text, keys);
      if (!checked.ok) {
        v = O.refuse(checked.reason);
      } else {
        key = checked.convocation.kind + ':' + checked.convocation.id;
        qrStart = checked.convocation.start;
      }
    }
    const c = key ? index.get(key) : null;
    if (!v && c) {
      const p = (await presence()).get(key) || { inside: false, admittedToday: false };
      const policy = c.kind === 'invitation' ? pack.defaultPolicy : (pack.services[c.service] || pack.defaultPolicy);
      v = O.decide({ kind: c.kind, start: c.start, end: c.end, cancelled: c.cancelled, inside: p.inside,
        admittedToday: p.admittedToday, earlyMinutes: policy.earlyMinutes, graceMinutes: policy.graceMinutes }, dir, now, pack.zone);
    } else if (!v && qrStart !== null && O.localDate(qrStart, pack.zone) !== O.localDate(now, pack.zone) && dir === 'in') {
      // Not in today's data, but the code itself says another day.
      v = { admit: false, decision: 'refuse', reason: 'wrong_day', key: 'wrong_day', when: qrStart, admitFrom: null };
    } else if (!v) {
      v = { check: true };
    }
    if (v.check) {
      return visitorDetails(c, { decision: 'check', offline: true, direction: dir, message: {
        fr: 'Convocation absente des données hors ligne : vérifiez à la main.',
        en: 'This convocation is not in the offline data: check it by hand.' } });
    }
    const out = visitorDetails(c, { scanId: id, decision: v.decision, reason: v.reason, direction: dir, offline: true,
      message: O.message(pack.messages, v.key, v.when, pack.zone) });
    if (v.admitFrom) {
      out.admitFromLocal = O.localTime(v.admitFrom, pack.zone);
    }
    if (stale()) {
      out.decision = 'check';
      out.message = { fr: 'Données trop anciennes : vérifiez à la main (avis de la guérite : ' + out.message.fr + ')',
        en: 'Data too old to be trusted: check by hand (the kiosk would say: ' + out.message.en + ')' };
      return out;
    }
    const [kind, cid] = key ? key.split(':') : [null, null];
    await putScan({ scanId: id, code: text, at: now, gate, direction: dir, decision: v.decision, reason: v.reason,
      kind, id: cid === null ? null : Number(cid), synced: false, offline: true });
    return out;
  }

  // Sends the queued scans, oldest first, each with its original instant; the scanId makes a resend harmless.
  async function replay() {
    if (replaying) {
      return;
    }
    replaying = true;
    try {
      const queue = (await allScans()).filter((r) => !r.synced).sort((a, b) => a.at - b.at);
      for (const r of queue) {
        const response = await fetch('/api/kiosk/scan', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code: r.code, gate: r.gate, direction: r.direction, scanId: r.scanId,
            offline: { at: new Date(r.at).toISOString(), decision: r.decision, reason: r.reason } }) });
        if (response.status === 401 || response.status === 403 || response.status >= 500) {
          fail('Passages hors ligne non envoyés (' + response.status + ') : reconnectez-vous '
            + '(offline passages not sent: log in again).');
          return;
        }
        // A 4xx would be refused again: keep it out of the queue (the kiosk's record stays here for the day).
        r.synced = true;
        r.replayStatus = response.status;
        await putScan(r);
      }
    } catch (e) {
      online = false;
    } finally {
      replaying = false;
      showStatus();
    }
  }

  async function probe() {
    if (online) {
      return;
    }
    try {
      const response = await fetch('/health', { cache: 'no-store' });
      if (response.ok) {
        setOnline(true);
      }
    } catch (e) {
      // still offline
    }
  }

  async function showEvacuation() {
    const people = await insideList();
    const body = $('evacuation-body');
    body.replaceChildren();
    for (const p of people) {
      const tr = document.createElement('tr');
      for (const text of [p.name, p.service, pack ? O.localTime(p.since, pack.zone) : '', p.gate]) {
        const td = document.createElement('td');
        td.textContent = text || '';
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    $('evacuation-count').textContent = String(people.length);
    const now = kioskNow();
    $('evacuation-generated').textContent = 'établie à ' + (pack ? O.localTime(now, pack.zone) : '')
      + (online ? '' : ' (hors ligne / offline)') + ' / generated at ' + (pack ? O.localTime(now, pack.zone) : '');
  }

  $('evacuation-toggle').addEventListener('click', async () => {
    const box = $('evacuation');
    const open = box.hidden;
    if (open) {
      await showEvacuation();
    }
    box.hidden = !open;
    $('evacuation-toggle').setAttribute('aria-expanded', String(open));
  });

  $('evacuation-print').addEventListener('click', async () => {
    await showEvacuation();
    document.body.classList.add('print-evacuation');
    window.print();
    document.body.classList.remove('print-evacuation');
  });

  async function admitByHand(item) {
    const mine = ++latest;
    try {
      const response = await post('/api/kiosk/admit',
        { kind: item.kind, id: item.id, gate, direction: direction(), scanId: scanId() }, 3);
      const data = await answer(response);
      if (data && mine === latest) {
        render(data);
        refreshInside();
      }
    } catch (e) {
      fail('Serveur injoignable (server unreachable).');
    }
    keepFocus();
  }

  function keepFocus() {
    const active = document.activeElement;
    if (!active || active === document.body || active === code) {
      code.focus();
    }
  }

  $('scan-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = code.value;
    code.value = '';
    if (text.trim()) {
      scan(text);
    }
    code.focus();
  });

  // Keep the scanner's field focused unless the guard moved to another control on purpose.
  code.addEventListener('blur', (event) => {
    const next = event.relatedTarget;
    if (!next) {
      setTimeout(() => {
        if (document.activeElement === document.body || document.activeElement === null) {
          code.focus();
        }
      }, 0);
    }
  });

  for (const radio of document.querySelectorAll('input[name="direction"]')) {
    radio.addEventListener('change', () => {
      showMode();
      code.focus();
    });
  }

  $('search-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = $('search').value.trim();
    const list = $('search-results');
    list.replaceChildren();
    if (q.length < 2) {
      set('search-status', 'Tapez au moins 2 lettres du nom (type at least 2 letters).');
      return;
    }
    const response = await fetch('/api/kiosk/appointments?q=' + encodeURIComponent(q));
    const found = await answer(response);
    if (!found) {
      return;
    }
    set('search-status', found.length + ' résultat(s) / result(s)');
    for (const item of found) {
      const li = document.createElement('li');
      const text = document.createElement('span');
      const what = item.event || (item.service && item.service.name ? item.service.name.fr : '');
      text.textContent = item.localTime + ' — ' + item.name + ' — ' + what + (item.cancelled ? ' (annulé / cancelled)' : '');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Pièce d\'identité vérifiée : admettre / ID checked: admit';
      button.setAttribute('aria-label', 'Admettre ' + item.name + ' (pièce d\'identité vérifiée)');
      button.addEventListener('click', () => admitByHand(item));
      li.append(text, button);
      list.appendChild(li);
    }
  });

  async function refreshInside() {
    if (!online || (pack && pack.caller && pack.caller.device)) {
      showLocalCount();
      return;
    }
    try {
      const response = await fetch('/api/site/inside');
      if (response.ok) {
        const data = await response.json();
        $('inside-count').textContent = String(data.count);
      } else {
        showLocalCount();
      }
    } catch (e) {
      setOnline(false);
    }
  }

  async function loadGates() {
    let gates = (pack && pack.gates) || [];
    if (!pack || !pack.caller.device) {
      try {
        const response = await fetch('/api/site');
        if (response.ok) {
          gates = (await response.json()).gates || gates;
        }
      } catch (e) {
        // offline: the pack's gates
      }
    }
    const select = $('gate');
    for (const g of gates) {
      const option = document.createElement('option');
      option.value = g.id;
      option.textContent = g.name ? g.name.fr : g.id;
      select.appendChild(option);
    }
    const saved = localStorage.getItem('accueil.gate');
    gate = gates.some((g) => g.id === saved) ? saved : (gates[0] && gates[0].id);
    select.value = gate;
    $('gate-choice').hidden = gates.length < 2;
    select.addEventListener('change', () => {
      gate = select.value;
      localStorage.setItem('accueil.gate', gate);
    });
  }

  // Camera: about two frames a second go to the server until one holds a code, which is then scanned.
  let stream = null;
  let timer = null;
  async function startCamera() {
    const status = $('camera-status');
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: 1280, height: 720 } });
    } catch (e) {
      set('camera-status', 'Caméra indisponible / Camera unavailable');
      $('camera').hidden = false;
      return;
    }
    const video = $('camera-video');
    video.srcObject = stream;
    await video.play();
    $('camera').hidden = false;
    $('camera-toggle').setAttribute('aria-pressed', 'true');
    status.textContent = 'Présentez le QR code à la caméra / Show the QR code to the camera';
    const canvas = document.createElement('canvas');
    let busy = false;
    timer = setInterval(() => {
      if (busy || !video.videoWidth) {
        return;
      }
      busy = true;
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      canvas.getContext('2d').drawImage(video, 0, 0);
      canvas.toBlob(async (blob) => {
        try {
          const response = await fetch('/api/kiosk/decode', { method: 'POST', headers: { 'Content-Type': 'image/jpeg' }, body: blob });
          if (response.ok) {
            const data = await response.json();
            stopCamera();
            scan(data.text);
          }
        } catch (e) {
          // Try the next frame.
        } finally {
          busy = false;
        }
      }, 'image/jpeg', 0.85);
    }, 500);
  }

  function stopCamera() {
    clearInterval(timer);
    timer = null;
    if (stream) {
      stream.getTracks().forEach((t) => t.stop());
      stream = null;
    }
    $('camera').hidden = true;
    $('camera-toggle').setAttribute('aria-pressed', 'false');
  }

  $('camera-toggle').addEventListener('click', () => {
    if (stream) {
      stopCamera();
    } else {
      startCamera();
    }
  });

  showMode();
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/kiosk-sw.js', { scope: '/kiosk' }).catch(() => {});
  }
  loadStoredPack().catch(() => {}).then(refreshPack).then(loadGates).then(() => {
    applyCaller();
    code.focus();
    if (online) {
      replay();
    }
    refreshInside();
  });
  setInterval(refreshInside, 5000);
  setInterval(probe, PROBE_EVERY);
  setInterval(() => {
    if (online) {
      refreshPack();
    }
  }, PACK_EVERY);
  setInterval(showStatus, 60000);
})();
