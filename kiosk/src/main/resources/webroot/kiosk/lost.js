// A lost convocation: the guard finds the day's appointment by the visitor's name and, the ID checked, admits by hand.
import { $, el, setText } from '/static/js/dom.js';
import { send } from '/static/js/request.js';
import { refreshInside } from '/static/kiosk/inside.js';
import { answer, direction, keepFocus, postAgain, scanId } from '/static/kiosk/input.js';
import { kiosk } from '/static/kiosk/state.js';
import { fail } from '/static/kiosk/status.js';
import { frenchDate, frenchTime } from '/static/kiosk/offline.js';
import { render } from '/static/kiosk/verdict.js';

// After an admission by hand, the verdict is where the guard looks: brought into view and focused (it is also
// announced, aria-live); the next scan still lands in the code field (scanner.js).
const showVerdict = () => {
  const verdict = $('verdict');
  verdict.scrollIntoView({ block: 'center' });
  verdict.focus({ preventScroll: true });
};

const admitByHand = async (item) => {
  const mine = ++kiosk.latest;
  try {
    const body = { kind: item.kind, id: item.id, gate: kiosk.gate, direction: direction(), scanId: scanId() };
    const data = await answer(await postAgain('/api/kiosk/admit', body, 3));
    if (data && mine === kiosk.latest) {
      render(data);
      refreshInside();
      showVerdict();
      return;
    }
  } catch {
    fail('Serveur injoignable (server unreachable).');
  }
  keepFocus();
};

// What the guard needs to tell homonyms apart and to know the outcome before pressing anything.
const describe = (item) => {
  const what = item.event || (item.service && item.service.name ? item.service.name.fr : '');
  const zone = (kiosk.pack && kiosk.pack.zone) || 'Europe/Paris';
  const ms = Date.parse(item.start);
  const today = kiosk.pack && item.date === kiosk.pack.day;
  const when = (today ? '' : frenchDate(ms, zone) + ', ') + frenchTime(ms, zone);
  return [when, item.name, what, item.reference ? 'réf. ' + item.reference : ''].filter(Boolean).join(' — ');
};

const result = (item) => {
  const li = el('li');
  const admits = item.preview.decision === 'admit';
  const outcome = el('span', (admits ? 'Admission possible' : 'Refus') + ' : ' + item.preview.message.fr, {
    class: admits ? 'preview admit' : 'preview refuse',
  });
  const outcomeEn = el('span', item.preview.message.en, { lang: 'en', class: 'preview-en' });
  li.append(el('span', describe(item), { class: 'who' }), outcome, outcomeEn);
  if (admits) {
    // Offered only when the rules would admit: a button never says "admettre" for what would be a refusal.
    const button = el('button', "Pièce d'identité vérifiée : admettre / ID checked: admit", {
      type: 'button',
      'aria-label': 'Admettre ' + item.name + " (pièce d'identité vérifiée)",
    });
    button.addEventListener('click', () => admitByHand(item));
    li.append(button);
  }
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
