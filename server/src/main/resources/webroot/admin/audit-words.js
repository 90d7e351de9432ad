// The audit trail in French words: each action's name, and its detail made readable (the server stores the detail
// as it was written: a Java map, a JSON playlist, a few English words).
import { formatDecimal } from '/static/js/feedback.js';

/** The French name of every action the server records. */
export const ACTIONS = Object.freeze({
  'account.created': 'Compte créé',
  'account.disabled': 'Compte désactivé',
  'account.enabled': 'Compte réactivé',
  'account.password': 'Mot de passe changé',
  'alert.cap-not-shown': 'Alerte CAP non affichée',
  'alert.ended': 'Alerte terminée',
  'alert.raised': 'Alerte déclenchée',
  'appointment.cancelled': 'Rendez-vous annulé',
  'appointments.imported': 'Rendez-vous importés',
  'convocation.issued': 'Convocation délivrée',
  'device.created': "Code d'association créé",
  'device.pair.failed': "Code d'association refusé",
  'device.paired': 'Appareil associé',
  'device.revoked': 'Appareil révoqué',
  'invitation.cancelled': 'Invitation annulée',
  'key.retired': 'Clé de signature retirée',
  'key.rotated': 'Nouvelle clé de signature',
  login: 'Connexion',
  'login.failed': 'Connexion refusée',
  'notice.created': 'Information publiée',
  'notice.deleted': 'Information retirée',
  'screen.languages': "Langues d'un écran changées",
  'screen.playlist': "Programme d'un écran changé",
  'service-state.updated': "État d'un service changé",
  'session.ended': 'Session fermée',
  'token.created': "Jeton d'API créé",
  'token.revoked': "Jeton d'API révoqué",
  'transparency.updated': 'Délais moyens enregistrés',
});

const LAYOUTS = {
  calls: 'Appels',
  wayfinding: 'Orientation',
  notices: 'Informations',
  charter: 'Charte',
  transparency: 'Transparence',
  access: "Conditions d'accès",
};

const WORDS = [
  [/^back to the configuration$/, 'retour à la configuration'],
  [/^set by an administrator; sessions ended/, 'fixé par un administrateur ; sessions fermées'],
  [/\brole (\w+)/g, 'rôle $1'],
  [/\bnew\b/g, 'nouveaux'],
  [/\bupdated\b/g, 'modifiés'],
  [/\bunchanged\b/g, 'inchangés'],
  [/\[\]$/, '(partout)'],
  [/\[([a-z0-9, -]+)\]$/, '(zones : $1)'],
  [/side-by-side/g, 'côte à côte'],
  [/\balternate\b/g, 'en alternance'],
];

const number = (text) => (/^-?\d+(\.\d+)?$/.test(text) ? formatDecimal(Number(text)) : text);

/** The action in French words (the code itself when the page does not know it). */
export const actionText = (code) => ACTIONS[code] || code;

/** The detail of an entry, readable: "cni-passeport : 32 j ; permis : 12,5 j", "Appels 20 s, Charte 30 s". */
export const detailText = (action, detail) => {
  if (!detail) {
    return '';
  }
  if (detail.startsWith('[{')) {
    try {
      return JSON.parse(detail)
        .map((p) => (LAYOUTS[p.layout] || p.layout) + ' ' + p.seconds + ' s')
        .join(', ');
    } catch {
      return detail;
    }
  }
  const map = /^\{(.*)\}$/.exec(detail);
  if (map) {
    const unit = action === 'transparency.updated' ? ' j' : '';
    return map[1]
      .split(', ')
      .map((pair) => pair.split('='))
      .map(([key, value]) => key + ' : ' + number(value) + unit)
      .join(' ; ');
  }
  return WORDS.reduce((text, [pattern, french]) => text.replace(pattern, french), detail);
};
