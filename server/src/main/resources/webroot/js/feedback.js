// Feedback where the eye is, for every staff page: the result or the error of an action is written next to the
// control that caused it (in its form, its table cell or its row of controls), announced (aria-live), and stays until
// dismissed or replaced. Errors are shown in French from the API's code (the API's English message only in a
// tooltip); site-wide or irreversible actions are confirmed in a modal dialog; numbers are read and written the French
// way (decimal comma).
import { el } from '/static/js/dom.js';

/** A French text for every error code the API can answer (grep the server for ApiException to add one). */
export const ERRORS = Object.freeze({
  active_key: 'La clé de signature en service ne peut pas être retirée.',
  already_ended: 'Déjà terminé.',
  bad_call: 'Cet appel est impossible.',
  bad_layout: 'Page de programme inconnue.',
  bad_page: 'Page de programme invalide.',
  bad_request: 'Demande refusée par le serveur.',
  body_too_large: 'Envoi trop volumineux.',
  busy: 'Serveur occupé : réessayez dans un instant.',
  cannot_issue: 'Impossible de délivrer un ticket pour ce service.',
  client_error: 'Demande refusée par le serveur.',
  companions_over_limit: "Plus d'accompagnants que le service n'en admet : confirmez.",
  counter_busy: 'Ce guichet a déjà un visiteur appelé : terminez-le d’abord.',
  csrf: 'Demande refusée : rechargez la page.',
  device_revoked: 'Cet appareil a été révoqué.',
  duplicate_reference: 'Cette référence de rendez-vous existe déjà.',
  forbidden: 'Votre rôle ne permet pas cette action.',
  invalid_body: 'Formulaire incomplet ou mal formé.',
  invalid_by: 'Regroupement inconnu.',
  invalid_cap: 'Message CAP invalide.',
  invalid_code: 'Code invalide ou expiré.',
  invalid_credentials: 'Identifiant ou mot de passe incorrect.',
  invalid_csv: 'Fichier CSV refusé : voyez les lignes en erreur.',
  invalid_field: 'Une valeur du formulaire est refusée : vérifiez les champs.',
  invalid_format: 'Format inconnu.',
  invalid_id: 'Identifiant invalide.',
  invalid_period: 'Période invalide : la fin doit venir après le début.',
  invalid_query: 'Recherche invalide.',
  invalid_range: 'Période invalide.',
  invalid_slot: 'Créneau invalide.',
  invalid_source: 'Source inconnue.',
  malformed_json: 'Formulaire mal formé.',
  malformed_path: 'Adresse invalide.',
  malformed_query: 'Recherche mal formée.',
  manual_code_clash: 'Ce code manuel est déjà pris.',
  method_not_allowed: 'Action impossible ici.',
  missing_body: 'Formulaire vide.',
  missing_field: 'Un champ obligatoire est vide.',
  no_convocation: 'Aucune convocation pour ce rendez-vous.',
  no_free_slot: "Plus aucun créneau libre aujourd'hui.",
  no_qr_code: "Aucun code QR lisible sur l'image.",
  nonexistent_time: "Cette heure n'existe pas ce jour-là (changement d'heure).",
  not_a_pan: "Ce service n'est pas un point d'accueil numérique.",
  not_an_image: "Ce fichier n'est pas une image.",
  not_called: "Ce ticket n'est pas appelé.",
  not_found: 'Introuvable (peut-être déjà supprimé).',
  not_today: "Ce ticket n'est pas d'aujourd'hui.",
  not_waiting: "Ce ticket n'est plus en attente.",
  other_service: 'Ce ticket appartient à un autre service.',
  own_account: 'Impossible sur votre propre compte.',
  range_too_long: 'Période trop longue.',
  same_service: 'Le ticket est déjà dans ce service.',
  ticket_finished: 'Ce ticket est déjà clos.',
  too_few_calls: 'Pas encore absent : rappelez le visiteur avant de le déclarer absent.',
  too_many_attempts: 'Trop de tentatives : patientez quelques minutes.',
  too_many_connections: 'Trop de connexions : réessayez dans un instant.',
  too_many_streams: "Trop d'écrans ouverts depuis ce poste.",
  unauthenticated: 'Session terminée : reconnectez-vous.',
  unauthorized: 'Session terminée : reconnectez-vous.',
  unknown_chart: 'Graphique inconnu.',
  unknown_counter: 'Guichet inconnu.',
  unknown_gate: 'Guérite inconnue.',
  unknown_place: 'Lieu inconnu : choisissez-en un dans la liste.',
  unknown_procedure: 'Démarche inconnue.',
  unknown_screen: 'Écran inconnu.',
  unknown_service: 'Service inconnu.',
  unknown_slot: 'Créneau inconnu.',
  unknown_zone: 'Zone inconnue.',
  unsupported_media_type: "Type d'envoi non pris en charge.",
  username_taken: 'Un compte porte déjà cet identifiant.',
  weak_password: 'Mot de passe trop faible : 12 caractères au moins.',
});

/** The French text of a failure: from its error code, else a plain French sentence (never the API's English). */
export const errorText = (e) => {
  if (e && e.code && ERRORS[e.code]) {
    return ERRORS[e.code];
  }
  if (e && e.status) {
    return 'Refusé par le serveur (erreur ' + e.status + ').';
  }
  return e && e.french ? e.message : 'Serveur injoignable : vérifiez le réseau puis réessayez.';
};

/** A failure of the page itself (a check before sending), already in French. */
export const refusal = (message) => Object.assign(new Error(message), { french: true });

// Boxes kept by the key of their place, so that a list drawn again (a refresh) gets its messages back.
const kept = new Map();

const placeOf = (control) =>
  control.closest('[data-feedback-key], [data-feedback-place], td, form, section') || control.parentElement;

/**
 * Writes the text (a string, or strings and nodes: a link) next to the control (an element, or the place itself): in its nearest place, i.e. the element
 * marked data-feedback-key (a row's cell, kept across redraws) or data-feedback-place, else its cell, form or
 * section. kind 'ok' is announced politely, 'error' at once (role alert). Answers the box.
 */
export const tell = (control, text, kind = 'ok', detail = '') => {
  const place = placeOf(control);
  let box = [...place.children].find((c) => c.classList.contains('feedback'));
  if (!box) {
    box = el('div', null, { class: 'feedback' });
    place.append(box);
  }
  box.className = 'feedback ' + (kind === 'error' ? 'feedback-error' : 'feedback-ok');
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.setAttribute('aria-live', kind === 'error' ? 'assertive' : 'polite');
  const words = el('span', null, { class: 'feedback-text' });
  words.append(...[].concat(text));
  if (detail) {
    words.title = detail;
  }
  const close = el('button', '×', { type: 'button', class: 'feedback-close', 'aria-label': 'Fermer le message' });
  close.addEventListener('click', () => {
    kept.delete(place.dataset.feedbackKey);
    const back = place.querySelector('button:not(.feedback-close), input, select, textarea');
    box.remove();
    if (back) {
      back.focus();
    }
  });
  box.replaceChildren(words, close);
  if (place.dataset.feedbackKey) {
    kept.set(place.dataset.feedbackKey, { box, root: place.closest('[id]')?.id });
  }
  if (box.scrollIntoView) {
    box.scrollIntoView({ block: 'nearest' });
  }
  return box;
};

/** Writes the French text of a failure next to the control; the API's own message stays in a tooltip. */
export const tellError = (control, e) => tell(control, errorText(e), 'error', e && e.status ? e.message : '');

/** Runs an action started from the control; a failure is written next to it. Answers the result, or undefined. */
export const attempt = async (control, work) => {
  try {
    return await work();
  } catch (e) {
    tellError(control, e);
    return undefined;
  }
};

/**
 * Puts the kept messages back in a list drawn again (root: its tbody or container, with an id). A message whose
 * row is gone goes just under the list.
 */
export const restore = (root) => {
  for (const [key, { box, root: owner }] of kept) {
    if (owner !== root.id) {
      continue;
    }
    const place = [...root.querySelectorAll('[data-feedback-key]')].find((p) => p.dataset.feedbackKey === key);
    if (place) {
      place.append(box);
    } else {
      (root.closest('table') || root).after(box);
      kept.delete(key);
    }
  }
};

/* ---------- confirmation ---------- */

/**
 * Asks before a site-wide or irreversible action, in a modal dialog (French first): `title` and `text` say what will
 * happen, `yes` is the button that does it. Escape or Annuler cancels; focus goes back where it was. Answers true
 * only when confirmed.
 */
export const confirmAction = ({ title, text, yes }) =>
  new Promise((resolve) => {
    const before = document.activeElement;
    const dialog = el('dialog', null, { class: 'confirm', 'aria-labelledby': 'confirm-title' });
    const cancel = el('button', 'Annuler / Cancel', { type: 'button', class: 'secondary', value: 'cancel' });
    const ok = el('button', yes, { type: 'button', class: 'danger', value: 'ok' });
    const buttons = el('p', null, { class: 'confirm-buttons' });
    buttons.append(cancel, ok);
    dialog.append(el('h2', title, { id: 'confirm-title' }), el('p', text, { id: 'confirm-text' }), buttons);
    dialog.setAttribute('aria-describedby', 'confirm-text');
    cancel.addEventListener('click', () => dialog.close('cancel'));
    ok.addEventListener('click', () => dialog.close('ok'));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (before && before.focus) {
        before.focus();
      }
      resolve(dialog.returnValue === 'ok');
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });

/* ---------- numbers ---------- */

/**
 * A number typed the French way: "41,5" and "41.5" are 41.5, spaces between thousands are allowed ("1 234,5").
 * Answers NaN for anything else (two separators, letters), never a number made by dropping the comma.
 */
export const parseDecimal = (text) => {
  const t = String(text)
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(t)) {
    return NaN;
  }
  return Number(t.replace(',', '.'));
};

/** A number written the French way, with a decimal comma and no grouping (fit for an input): 41.5 → "41,5". */
export const formatDecimal = (n, digits = 2) =>
  n === null || n === undefined || Number.isNaN(n)
    ? ''
    : Number(n).toLocaleString('fr-FR', { maximumFractionDigits: digits, useGrouping: false });

/* ---------- times ---------- */

/**
 * An instant (ISO, any offset) as the site's wall clock in French, in the site's time zone (GET /api/site gives
 * `timezone`), whatever the browser's zone: "30/03/2026 09:32", or "09:32:10" with { time: true }.
 */
export const siteTime = (iso, zone, { time = false } = {}) => {
  if (!iso) {
    return '';
  }
  const options = time
    ? { hour: '2-digit', minute: '2-digit', second: '2-digit' }
    : { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat('fr-FR', { ...options, timeZone: zone || 'Europe/Paris' })
    .format(new Date(iso))
    .replace(',', '');
};

/** An ISO text the server wrote with the site's offset (2026-03-30T09:32+02:00) as "30/03/2026 09:32": its wall clock. */
export const wallClock = (iso) =>
  iso ? iso.substring(8, 10) + '/' + iso.substring(5, 7) + '/' + iso.substring(0, 4) + ' ' + iso.substring(11, 16) : '';
