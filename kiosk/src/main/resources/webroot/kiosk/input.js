// What the guard gives the kiosk: a scan or a typed code in #code (a handheld scanner types the QR text and Enter;
// the field keeps focus so that scans follow each other without a click), the direction and the gate.
import { $, el } from '/static/js/dom.js';
import { read, send } from '/static/js/request.js';
import { refreshInside } from '/static/kiosk/inside.js';
import { setOnline } from '/static/kiosk/pack.js';
import { isDevice, kiosk, kioskNow } from '/static/kiosk/state.js';
import { fail, showStatus } from '/static/kiosk/status.js';
import { putScan } from '/static/kiosk/store.js';
import { confirmCompanions, initCompanions, resetCompanions } from '/static/kiosk/companions.js';
import { initScanner } from '/static/kiosk/scanner.js';
import { clearVerdict, decideHere, render } from '/static/kiosk/verdict.js';

const code = $('code');

export const direction = () => ($('mode-out').checked ? 'out' : 'in');

export const showMode = () => {
  const out = direction() === 'out';
  document.body.classList.toggle('mode-out', out);
  document.body.classList.toggle('mode-in', !out);
  $('mode-text').textContent = out ? 'Mode SORTIE' : 'Mode ENTRÉE';
  $('mode-text-en').textContent = out ? 'Exit mode' : 'Entry mode';
  $('mode-back').hidden = !out;
};

export const scanId = () =>
  window.crypto && crypto.randomUUID
    ? crypto.randomUUID()
    : Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);

/** Posts, trying again after a second when the network fails: the same scanId makes a resend harmless. */
export const postAgain = async (url, body, attempts) => {
  for (let i = 0; ; i++) {
    try {
      return await send('POST', url, body);
    } catch (networkError) {
      if (i + 1 >= attempts) {
        throw networkError;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
};

/** The JSON of an answer, or null once its error is shown (a 401 also goes to the sign-in page). */
export const answer = async (response) => {
  try {
    const data = await read(response);
    fail('');
    return data;
  } catch (e) {
    fail(e.status === 401 ? 'Session expirée : reconnectez-vous (Session expired: log in again).' : e.message);
    return null;
  }
};

export const keepFocus = () => {
  const active = document.activeElement;
  if (!active || active === document.body || active === code) {
    code.focus();
  }
};

// The server's verdict: false when it cannot give one (5xx), { confirm: max } when the companions need the guard's
// confirmation, else { verdict } once shown (a refusal naming no one when the request itself was refused).
const scanOnline = async (text, dir, id, mine, companions, confirmed) => {
  const body = { code: text, gate: kiosk.gate, direction: dir, scanId: id, companions, companionsConfirmed: confirmed };
  const response = await postAgain('/api/kiosk/scan', body, 2);
  if (response.status >= 500) {
    return false;
  }
  if (response.status === 409) {
    const problem = await response.json();
    if (problem.error === 'companions_over_limit') {
      return { confirm: problem.maxCompanions };
    }
  }
  const data = await answer(response);
  if (!data) {
    const refused = {
      decision: 'refuse',
      direction: dir,
      message: { fr: 'Code refusé : voir le message ci-dessus.', en: 'Code refused: see the message above.' },
    };
    if (mine === kiosk.latest) {
      render(refused);
    }
    return { verdict: refused };
  }
  const c = data.convocation || {};
  await putScan({
    scanId: id,
    at: kioskNow(),
    gate: kiosk.gate,
    direction: dir,
    decision: data.decision,
    reason: data.reason,
    kind: c.kind,
    id: c.id,
    companions: data.companions || 0,
    synced: true,
  });
  if (mine === kiosk.latest) {
    render(data);
    refreshInside();
  }
  return { verdict: data };
};

/** Checks a code: by the server when it answers, else here on the day's pack. Same scanId when confirmed again. */
export const scan = async (text, confirmed = false, id = scanId()) => {
  const mine = ++kiosk.latest;
  clearVerdict('checking'); // whatever comes back, the previous visitor is gone from the panel
  const dir = direction();
  const companions = dir === 'in' ? kiosk.companions : 0;
  let result = false;
  if (kiosk.online) {
    try {
      result = await scanOnline(text, dir, id, mine, companions, confirmed);
    } catch {
      result = false; // unreachable: decide here
    }
    if (!result) {
      setOnline(false);
    }
  }
  if (!result) {
    const v = await decideHere(text, dir, id, companions, confirmed);
    result = v.confirm === undefined ? { verdict: v } : v;
    if (result.verdict && mine === kiosk.latest) {
      render(v);
    }
    showStatus();
  }
  if (result.confirm !== undefined) {
    if (await confirmCompanions(companions, result.confirm)) {
      return scan(text, true, id);
    }
    clearVerdict();
  } else if (dir === 'in') {
    resetCompanions(); // counted for this visitor only
  }
  keepFocus();
  return undefined;
};

/** The gates to choose from (the pack's when offline or paired); the choice is kept on this kiosk. */
export const loadGates = async () => {
  const { pack } = kiosk;
  let gates = (pack && pack.gates) || [];
  if (!isDevice()) {
    try {
      const response = await send('GET', '/api/site');
      if (response.ok) {
        gates = (await response.json()).gates || gates;
      }
    } catch {
      // offline: the pack's gates
    }
  }
  kiosk.gates = gates;
  const select = $('gate');
  for (const g of gates) {
    select.append(el('option', g.name ? g.name.fr : g.id, { value: g.id }));
  }
  const saved = localStorage.getItem('accueil.gate');
  kiosk.gate = gates.some((g) => g.id === saved) ? saved : gates[0] && gates[0].id;
  select.value = kiosk.gate;
  $('gate-choice').hidden = gates.length < 2;
  select.addEventListener('change', () => {
    kiosk.gate = select.value;
    localStorage.setItem('accueil.gate', kiosk.gate);
  });
};

export const initInput = () => {
  initScanner(code, () => $('scan-form').requestSubmit());
  initCompanions();
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
    if (!event.relatedTarget) {
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
};
