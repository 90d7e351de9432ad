// What the kiosk shows about itself: the error line, the offline and stale banners, the offline data's age,
// the number inside when counted here, and what a paired kiosk may not do.
import { $, show } from '/static/js/dom.js';
import { localTime } from '/static/kiosk/offline.js';
import { insideList } from '/static/kiosk/presence.js';
import { isDevice, kiosk, stale } from '/static/kiosk/state.js';
import { unsyncedScans } from '/static/kiosk/store.js';

export const fail = (message) => show($('kiosk-error'), message);

export const showLocalCount = async () => {
  if (kiosk.pack) {
    const people = await insideList();
    $('inside-count').textContent = String(people.reduce((n, p) => n + 1 + p.companions, 0));
  }
};

export const showStatus = async () => {
  const { online, pack } = kiosk;
  const pending = (await unsyncedScans()).length;
  $('offline-banner').hidden = online;
  $('queue-count').textContent = pending ? pending + " passage(s) en attente d'envoi / waiting to be sent" : '';
  $('stale-banner').hidden = pack ? !stale() : online;
  if (pack) {
    const when = localTime(pack.generatedAt, pack.zone);
    $('pack-status').textContent =
      'Données hors ligne à jour de ' +
      when.replace(':', ' h ') +
      ' (' +
      pack.convocations.length +
      ' convocations) / Offline data as of ' +
      when;
  } else {
    $('pack-status').textContent = 'Aucune donnée hors ligne / No offline data';
  }
  if (!online || !pack || stale()) {
    showLocalCount();
  }
};

/** A paired kiosk has no name search, and scans for the gate it was paired with. */
export const applyCaller = () => {
  const device = isDevice();
  // A guard signed in (on a paired kiosk or not) signs out here; a kiosk alone has no one to sign out.
  $('sign-out').hidden = !kiosk.pack || device;
  $('lost').hidden = device;
  $('device-note').hidden = !device;
  if (device && kiosk.pack.caller.gate) {
    kiosk.gate = kiosk.pack.caller.gate;
    $('gate').value = kiosk.gate;
    $('gate-choice').hidden = true;
  }
};
