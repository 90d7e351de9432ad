// The kiosk's IndexedDB: 'pack' (one record, the day's data) and 'scans' (every scan of the day; unsynced ones are
// the queue). The visitors' names are in the pack only (a scan holds the code, no name), for the day: a pack of an
// earlier day is deleted, and so is the pack when the guard signs out; a revoked device forgets everything.
const DATABASE = 'accueil-kiosk';

const open = () =>
  new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('pack');
      request.result.createObjectStore('scans', { keyPath: 'scanId' });
    };
    request.onsuccess = () => {
      // A deletion (revocation) waits for no open connection.
      request.result.onversionchange = () => request.result.close();
      resolve(request.result);
    };
    request.onerror = () => reject(request.error);
  });

const tx = async (store, mode, work) => {
  const conn = await open();
  return new Promise((resolve, reject) => {
    const t = conn.transaction(store, mode);
    const result = work(t.objectStore(store));
    t.oncomplete = () => {
      conn.close();
      resolve(result && 'result' in result ? result.result : undefined);
    };
    t.onerror = () => {
      conn.close();
      reject(t.error);
    };
  });
};

export const allScans = () => tx('scans', 'readonly', (s) => s.getAll());
export const unsyncedScans = async () => (await allScans()).filter((r) => !r.synced);
export const putScan = (record) => tx('scans', 'readwrite', (s) => s.put(record));
export const storedPack = () => tx('pack', 'readonly', (s) => s.get('current'));
export const storePack = (pack) => tx('pack', 'readwrite', (s) => s.put(pack, 'current'));

/** Forgets the pack, with its names; every scan stays (the guard signed out: the queue is the device's). */
export const forgetPack = () => tx('pack', 'readwrite', (s) => s.delete('current'));

/** Forgets a past day: its pack and its sent scans (unsent ones stay until they are sent). */
export const forgetDay = async () => {
  await forgetPack();
  const old = (await allScans()).filter((r) => r.synced);
  await tx('scans', 'readwrite', (s) => old.forEach((r) => s.delete(r.scanId)));
};

/**
 * The device is revoked: this site's data goes, as the server's Clear-Site-Data says (this is the second line, for
 * a browser that did not honour it). Scans not sent yet go too: this device can no longer send them.
 */
export const forgetEverything = async () => {
  const lost = await unsyncedScans().catch(() => []);
  if (lost.length) {
    console.warn('Appareil révoqué : ' + lost.length + ' passage(s) hors ligne non envoyé(s) effacé(s)');
  }
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DATABASE);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  localStorage.clear();
  sessionStorage.clear();
  if ('caches' in window) {
    await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
  }
  if ('serviceWorker' in navigator) {
    await Promise.all((await navigator.serviceWorker.getRegistrations()).map((r) => r.unregister()));
  }
};
