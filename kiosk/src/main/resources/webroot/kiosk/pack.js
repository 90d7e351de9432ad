// Offline: the day's pack (fetched every 5 minutes, kept in IndexedDB), whether the server answers, and the queue of
// scans decided here, sent again oldest first when it is back.
import { send, signIn } from '/static/js/request.js';
import { importKeys, localDate } from '/static/kiosk/offline.js';
import { kiosk } from '/static/kiosk/state.js';
import { applyCaller, fail, showStatus } from '/static/kiosk/status.js';
import { forgetDay, putScan, storePack, storedPack, unsyncedScans } from '/static/kiosk/store.js';

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

/** Takes the pack kept from an earlier load, unless it is of a past day: then it is deleted. */
export const loadStoredPack = async () => {
  const stored = await storedPack();
  if (!stored) {
    return;
  }
  if (localDate(Date.now() + (stored.generatedAt - stored.fetchedAt), stored.zone) > stored.day) {
    // Personal data is kept for the day only.
    await forgetDay();
    return;
  }
  await usePack(stored);
};

export const refreshPack = async () => {
  try {
    const response = await send('GET', '/api/kiosk/offline-pack');
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
