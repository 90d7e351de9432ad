// Who is inside: the count in the header (the server's, or this kiosk's own when offline or paired) and the
// evacuation list, shown and printed from the kiosk.
import { $, row } from '/static/js/dom.js';
import { BACKGROUND, send } from '/static/js/request.js';
import { frenchTime, localTime, withCompanions } from '/static/kiosk/offline.js';
import { setOnline } from '/static/kiosk/pack.js';
import { insideList } from '/static/kiosk/presence.js';
import { isDevice, kiosk, kioskNow } from '/static/kiosk/state.js';
import { showLocalCount } from '/static/kiosk/status.js';

export const refreshInside = async () => {
  if (!kiosk.online || isDevice()) {
    showLocalCount();
    return;
  }
  try {
    const response = await send('GET', '/api/site/inside', undefined, BACKGROUND);
    if (response.ok) {
      const data = await response.json();
      $('inside-count').textContent = String(data.count);
    } else {
      showLocalCount();
    }
  } catch {
    setOnline(false);
  }
};

// Gates by their name, as the guards know them.
const gateName = (id) => {
  const gate = kiosk.gates.find((g) => g.id === id);
  return gate && gate.name ? gate.name.fr || gate.name : id;
};

// The server's list when it answers (it knows every gate's passages, and names booked since the pack came); this
// kiosk's own otherwise.
const serverList = async () => {
  if (!kiosk.online || isDevice()) {
    return null;
  }
  try {
    const response = await send('GET', '/api/site/inside');
    if (!response.ok) {
      return null;
    }
    const services = (kiosk.pack && kiosk.pack.services) || {};
    return (await response.json()).people.map((p) => ({
      ...p,
      service: services[p.service] ? services[p.service].name.fr + ' / ' + services[p.service].name.en : p.service,
      since: Date.parse(p.since),
    }));
  } catch {
    return null;
  }
};

const showEvacuation = async () => {
  const { pack } = kiosk;
  const zone = (pack && pack.zone) || 'Europe/Paris';
  const people = (await serverList()) || (await insideList());
  $('evacuation-body').replaceChildren(
    ...people.map((p) => row([withCompanions(p), p.service || '', frenchTime(p.since, zone), gateName(p.gate)])),
  );
  $('evacuation-count').textContent = String(people.reduce((n, p) => n + 1 + (p.companions || 0), 0));
  const now = kioskNow();
  $('evacuation-generated').textContent =
    'établie à ' +
    frenchTime(now, zone) +
    (kiosk.online ? '' : ' (hors ligne / offline)') +
    ' / generated at ' +
    localTime(now, zone);
};

export const initEvacuation = () => {
  $('evacuation-toggle').addEventListener('click', async () => {
    const box = $('evacuation');
    const open = box.hidden;
    box.hidden = !open; // at once: the list fills in as the server answers
    $('evacuation-toggle').setAttribute('aria-expanded', String(open));
    if (open) {
      await showEvacuation();
    }
  });

  $('evacuation-print').addEventListener('click', async () => {
    await showEvacuation();
    document.body.classList.add('print-evacuation');
    window.print();
    document.body.classList.remove('print-evacuation');
  });
};
