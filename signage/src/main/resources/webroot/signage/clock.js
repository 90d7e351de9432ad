/* Accueil — the screens' clock. */
// Hours and minutes in the site's zone (in the browser's own when it does not know that zone).
export const hoursIn = (timeZone) => {
  try {
    return new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone });
  } catch {
    return new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });
  }
};
