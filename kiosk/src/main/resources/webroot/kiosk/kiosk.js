// The gatehouse kiosk. A handheld scanner types the QR text and Enter into #code; the field keeps focus
// so scans follow each other without a click. Every value from the server is inserted as text.
(() => {
  const $ = (id) => document.getElementById(id);
  const code = $('code');
  const verdict = $('verdict');
  const error = $('kiosk-error');
  let gate = null;
  let latest = 0;

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
    verdict.className = 'verdict ' + (admit ? 'admit' : 'refuse');
    set('verdict-word', admit ? (v.direction === 'out' ? 'SORTIE OK' : 'ADMIS') : 'REFUSÉ');
    set('verdict-word-en', admit ? (v.direction === 'out' ? 'EXIT OK' : 'ADMIT') : 'REFUSED');
    set('verdict-reason', v.message ? v.message.fr : v.reason);
    set('verdict-en', v.message ? v.message.en : '');
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
    try {
      const response = await post('/api/kiosk/scan',
        { code: text, gate, direction: direction(), scanId: scanId() }, 3);
      const data = await answer(response);
      if (data && mine === latest) {
        render(data);
        refreshInside();
      }
    } catch (e) {
      fail('Serveur injoignable, code non enregistré (server unreachable, code not recorded).');
    }
    keepFocus();
  }

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
    try {
      const response = await fetch('/api/site/inside');
      if (response.ok) {
        const data = await response.json();
        $('inside-count').textContent = String(data.count);
      }
    } catch (e) {
      // Next poll will try again.
    }
  }

  async function loadGates() {
    const response = await fetch('/api/site');
    const site = await answer(response);
    const gates = (site && site.gates) || [];
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
  loadGates().then(() => code.focus());
  refreshInside();
  setInterval(refreshInside, 5000);
})();
