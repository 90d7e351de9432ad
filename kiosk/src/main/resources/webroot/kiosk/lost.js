// A lost convocation: the guard finds the day's appointment by the visitor's name and, the ID checked, admits by hand.
import { $, el, setText } from '/static/js/dom.js';
import { send } from '/static/js/request.js';
import { refreshInside } from '/static/kiosk/inside.js';
import { answer, direction, keepFocus, postAgain, scanId } from '/static/kiosk/input.js';
import { kiosk } from '/static/kiosk/state.js';
import { fail } from '/static/kiosk/status.js';
import { render } from '/static/kiosk/verdict.js';

const admitByHand = async (item) => {
  const mine = ++kiosk.latest;
  try {
    const body = { kind: item.kind, id: item.id, gate: kiosk.gate, direction: direction(), scanId: scanId() };
    const data = await answer(await postAgain('/api/kiosk/admit', body, 3));
    if (data && mine === kiosk.latest) {
      render(data);
      refreshInside();
    }
  } catch {
    fail('Serveur injoignable (server unreachable).');
  }
  keepFocus();
};

const result = (item) => {
  const what = item.event || (item.service && item.service.name ? item.service.name.fr : '');
  const text = el(
    'span',
    item.localTime + ' — ' + item.name + ' — ' + what + (item.cancelled ? ' (annulé / cancelled)' : ''),
  );
  const button = el('button', "Pièce d'identité vérifiée : admettre / ID checked: admit", {
    type: 'button',
    'aria-label': 'Admettre ' + item.name + " (pièce d'identité vérifiée)",
  });
  button.addEventListener('click', () => admitByHand(item));
  const li = el('li');
  li.append(text, button);
  return li;
};

export const initLost = () => {
  $('search-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = $('search').value.trim();
    const list = $('search-results');
    list.replaceChildren();
    if (q.length < 2) {
      setText('search-status', 'Tapez au moins 2 lettres du nom (type at least 2 letters).');
      return;
    }
    const found = await answer(await send('GET', '/api/kiosk/appointments?q=' + encodeURIComponent(q)));
    if (!found) {
      return;
    }
    setText('search-status', found.length + ' résultat(s) / result(s)');
    list.append(...found.map(result));
  });
};
