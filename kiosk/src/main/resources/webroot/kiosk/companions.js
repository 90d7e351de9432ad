// Companions (accompagnateurs: an interpreter, a lawyer, a parent) who enter with the next visitor. Counted with
// buttons only, which a scanner's keys never reach (scanner.js); reset after each entry. Above the service's
// maximum the guard confirms, or the entry is not recorded.
import { $, setText } from '/static/js/dom.js';
import { kiosk } from '/static/kiosk/state.js';

const MAX = 20; // the server's bound (Site.Admission.MAX_COMPANIONS)

const show = () => setText('companions', String(kiosk.companions));

export const resetCompanions = () => {
  kiosk.companions = 0;
  show();
};

export const initCompanions = () => {
  $('companions-less').addEventListener('click', () => {
    kiosk.companions = Math.max(0, kiosk.companions - 1);
    show();
  });
  $('companions-more').addEventListener('click', () => {
    kiosk.companions = Math.min(MAX, kiosk.companions + 1);
    show();
  });
};

/** Asks the guard to confirm more companions than the service allows: resolves true when confirmed. */
export const confirmCompanions = (count, max) =>
  new Promise((resolve) => {
    const box = $('companions-confirm');
    setText(
      'companions-confirm-text',
      count +
        ' accompagnateurs pour ' +
        max +
        ' autorisé(s) par ce service : confirmer l’entrée ? / ' +
        count +
        ' companions where this service allows ' +
        max +
        ': confirm the entry?',
    );
    box.hidden = false;
    const done = (answer) => {
      box.hidden = true;
      $('companions-yes').onclick = null;
      $('companions-no').onclick = null;
      $('code').focus();
      resolve(answer);
    };
    $('companions-yes').onclick = () => done(true);
    $('companions-no').onclick = () => done(false);
    $('companions-yes').focus();
  });
