/* Accueil — the screen's live stream. A stream refused for good (this device was revoked, or never paired) sends the
   screen back to the pairing page; anything else (server down, network) keeps the content and retries. */
export const refusedForGood = async (config) => {
  if (config.preview || !window.fetch) {
    return false;
  }
  try {
    const response = await fetch(window.location.pathname, { redirect: 'manual', cache: 'no-store' });
    return response.type === 'opaqueredirect' || response.status === 401 || response.status === 403;
  } catch {
    return false;
  }
};
