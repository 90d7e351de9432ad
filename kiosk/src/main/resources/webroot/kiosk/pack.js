// Offline: the day's pack (fetched every 5 minutes, kept in IndexedDB), whether the server answers, and the queue of
// scans decided here, sent again oldest first when it is back.
import { BACKGROUND, send, signIn } from '/static/js/request.js';
import { importKeys, localDate } from '/static/kiosk/offline.js';
import { kiosk } from '/static/kiosk/state.js';
import { applyCaller, fail, showStatus } from '/static/kiosk/status.js';
import {
  forgetDay,
  forgetEverything,
  forgetPack,
  putScan,
  storePack,
  storedPack,
  unsyncedScans,
} from '/static/kiosk/store.js';

const usePack = async (pack) => {
  kiosk.keys = await importKeys(pack.keys);
  kiosk.index = new Map();
  kiosk.manualCodes = new Map();
  for (const c of pack.convocations) {
    kiosk.index.set(c.kind + ':' + c.id, c);
    for (const m of c.manualCodes || []) {
      kiosk.manualCodes.set(m, c.kind + ':' + c.id);
    }
  }
  kiosk.pack = pack;
  applyCaller();
  showStatus();
};

const pastDay = (pack) => localDate(Date.now() + (pack.generatedAt - pack.fetchedAt), pack.zone) > pack.day;

const dropPack = () => {
  kiosk.pack = null;
  kiosk.index = new Map();
  kiosk.manualCodes = new Map();
};

/** Takes the pack kept from an earlier load, unless it is of a past day: then it is deleted. */
export const loadStoredPack = async () => {
  const stored = await storedPack();
  if (!stored) {
    return;
  }
  if (pastDay(stored)) {
    // Personal data is kept for the day only.
    await forgetDay();
    return;
  }
  await usePack(stored);
};

/** A kiosk left open past midnight, with no network, forgets the names of the day before all the same. */
export const forgetPastDay = async () => {
  if (kiosk.pack && pastDay(kiosk.pack)) {
    dropPack();
    await forgetDay();
    showStatus();
  }
};

// The server clears a revoked device's data with every answer (Clear-Site-Data); the page does it too, then signs in.
const revoked = (response) => response.headers.has('Clear-Site-Data');

const forgetDevice = async () => {
  dropPack();
  await forgetEverything();
  signIn();
};

/** The guard signs out: the session ends and the names go; a paired kiosk stays paired, with its unsent scans. */
export const signOut = async () => {
  try {
    await send('DELETE', '/api/session');
  } catch {
    // Unreachable: the names go all the same, the session ends when it is next idle too long.
  }
  dropPack();
  await forgetPack();
  location.assign('/login?next=/kiosk');
};

export const refreshPack = async () => {
  try {
    const response = await send('GET', '/api/kiosk/offline-pack', undefined, BACKGROUND);
    if (revoked(response)) {
      await forgetDevice();
      return;
    }
    if (response.status === 401) {
      signIn();
      return;
    }
    if (!response.ok) {
      setOnline(response.status < 500);
      return;
    }
    const pack = await response.json();
    pack.fetchedAt = Date.now();
    await storePack(pack);
    await usePack(pack);
    setOnline(true);
  } catch {
    setOnline(false);
  }
};

// Sends the queued scans, oldest first, each with its original instant; the scanId makes a resend harmless.
export const replay = async () => {
  if (kiosk.replaying) {
    return;
  }
  kiosk.replaying = true;
  try {
    const queue = (await unsyncedScans()).sort((a, b) => a.at - b.at);
    for (const r of queue) {
      const response = await send('POST', '/api/kiosk/scan', {
        code: r.code,
        gate: r.gate,
        direction: r.direction,
        scanId: r.scanId,
        offline: { at: new Date(r.at).toISOString(), decision: r.decision, reason: r.reason },
        companions: r.companions || 0,
        companionsConfirmed: true, // confirmed at the kiosk, if it had to be
      });
      if (revoked(response)) {
        await forgetDevice();
        return;
      }
      if (response.status === 401 || response.status === 403 || response.status >= 500) {
        fail(
          'Passages hors ligne non envoyés (' +
            response.status +
            ') : reconnectez-vous (offline passages not sent: log in again).',
        );
        return;
      }
      // A 4xx would be refused again: keep it out of the queue (the kiosk's record stays here for the day).
      r.synced = true;
      r.replayStatus = response.status;
      await putScan(r);
    }
  } catch {
    kiosk.online = false;
  } finally {
    kiosk.replaying = false;
    showStatus();
  }
};

const resync = async () => {
  await replay();
  await refreshPack();
};

export const setOnline = (value) => {
  const was = kiosk.online;
  kiosk.online = value;
  if (!was && value) {
    resync();
  }
  showStatus();
};

/** Offline, asks the server every few seconds whether it is back. */
export const probe = async () => {
  if (kiosk.online) {
    return;
  }
  try {
    const response = await send('GET', '/health', undefined, { cache: 'no-store' });
    if (response.ok) {
      setOnline(true);
    }
  } catch {
    // still offline
  }
};
