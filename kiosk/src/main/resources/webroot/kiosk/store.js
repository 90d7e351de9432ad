// The kiosk's IndexedDB: 'pack' (one record, the day's data) and 'scans' (every scan of the day; unsynced ones are
// the queue). The visitors' names live here for the day only: a pack of an earlier day is deleted at load.

const open = () =>
  new Promise((resolve, reject) => {
    const request = indexedDB.open('accueil-kiosk', 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('pack');
      request.result.createObjectStore('scans', { keyPath: 'scanId' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

const tx = async (store, mode, work) => {
  const conn = await open();
  return new Promise((resolve, reject) => {
    const t = conn.transaction(store, mode);
    const result = work(t.objectStore(store));
    t.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
    t.onerror = () => reject(t.error);
  });
};

export const allScans = () => tx('scans', 'readonly', (s) => s.getAll());
export const unsyncedScans = async () => (await allScans()).filter((r) => !r.synced);
export const putScan = (record) => tx('scans', 'readwrite', (s) => s.put(record));
export const storedPack = () => tx('pack', 'readonly', (s) => s.get('current'));
export const storePack = (pack) => tx('pack', 'readwrite', (s) => s.put(pack, 'current'));

/** Forgets a past day: its pack and its sent scans (unsent ones stay until they are sent). */
export const forgetDay = async () => {
  await tx('pack', 'readwrite', (s) => s.delete('current'));
  const old = (await allScans()).filter((r) => r.synced);
  await tx('scans', 'readwrite', (s) => old.forEach((r) => s.delete(r.scanId)));
};
