// The kiosk's state, in one object that every module of the kiosk reads and changes.
import { localDate } from '/static/kiosk/offline.js';

export const kiosk = {
  gate: null, // the gate whose scans this kiosk records
  gates: [], // the site's gates: id, name, verdictSeconds
  companions: 0, // companions the guard counted for the next entry
  verdictTimer: null, // clears the verdict shown, so that the next visitor never reads it
  latest: 0, // the number of the latest scan: an answer to an older one is not shown
  online: true,
  pack: null, // the offline pack, with fetchedAt (kiosk clock) beside the server's generatedAt
  keys: new Map(), // key id → CryptoKey
  index: new Map(), // "kind:id" → convocation
  manualCodes: new Map(), // "K7M4-Q2XP-9" → "kind:id"
  replaying: false,
  camera: { stream: null, timer: null, busy: false }, // busy: a frame is with the server
};

/** The server's time as the pack tells it: the kiosk's clock corrected by the gap seen when the pack came. */
export const kioskNow = () => (kiosk.pack ? Date.now() + (kiosk.pack.generatedAt - kiosk.pack.fetchedAt) : Date.now());

/** Whether the pack is missing, too old to be trusted, or of another day. */
export const stale = () => {
  const { pack } = kiosk;
  if (!pack) {
    return true;
  }
  const now = kioskNow();
  return now - pack.generatedAt > pack.staleAfterMinutes * 60000 || localDate(now, pack.zone) !== pack.day;
};

/** A paired kiosk (a device token, no guard signed in). */
export const isDevice = () => Boolean(kiosk.pack && kiosk.pack.caller && kiosk.pack.caller.device);
