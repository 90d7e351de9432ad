// Every page of a demo says so, with the site's clock (which a demo started out of hours sets to the next opening
// morning): a newcomer must not mistake the demo's time for the real one.
import { el } from '/static/js/dom.js';

const show = async () => {
  let clock;
  try {
    const response = await fetch('/api/clock', { credentials: 'same-origin' });
    clock = response.ok ? await response.json() : null;
  } catch {
    return; // offline: the page works without it
  }
  if (!clock || !clock.demo) {
    return;
  }
  let banner = document.getElementById('demo-banner');
  if (!banner) {
    banner = el('p', '', { id: 'demo-banner', class: 'demo-banner', role: 'note' });
    document.body.prepend(banner);
  }
  banner.replaceChildren(
    el('strong', 'Démo'),
    ' — horloge du site : ' + clock.local.fr + ' ',
    el('span', '/ Demo — site clock: ' + clock.local.en, { lang: 'en' }),
  );
};

show();
setInterval(show, 60000);
