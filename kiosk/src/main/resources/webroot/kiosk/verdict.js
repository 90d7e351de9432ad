// The verdict: shown in the big panel, and decided here on the pack when the server cannot be reached.
import { $, setText } from '/static/js/dom.js';
import * as rules from '/static/kiosk/offline.js';
import { presence } from '/static/kiosk/presence.js';
import { kiosk, kioskNow, stale } from '/static/kiosk/state.js';
import { putScan } from '/static/kiosk/store.js';

const where = (v) => {
  if (v.location) {
    return v.location;
  }
  const l = v.service && v.service.location;
  if (!l) {
    return '';
  }
  const fr = [l.buildingName && l.buildingName.fr, l.floorName && l.floorName.fr, l.room && l.room.fr];
  const en = [l.buildingName && l.buildingName.en, l.floorName && l.floorName.en, l.room && l.room.en];
  return fr.filter(Boolean).join(', ') + ' / ' + en.filter(Boolean).join(', ');
};

const DEFAULT_VERDICT_SECONDS = 20;

const verdictSeconds = () => {
  const gate = kiosk.gates.find((g) => g.id === kiosk.gate);
  return (gate && gate.verdictSeconds) || DEFAULT_VERDICT_SECONDS;
};

// "lundi 30 mars 2026, 9 h 10 / Monday 30 March 2026, 09:10": French first, one format each, never ISO.
const when = (v) => {
  const ms = typeof v.start === 'number' ? v.start : Date.parse(v.start);
  if (!ms) {
    return '';
  }
  const zone = (kiosk.pack && kiosk.pack.zone) || 'Europe/Paris';
  return (
    rules.frenchDate(ms, zone) +
    ', ' +
    rules.frenchTime(ms, zone) +
    ' / ' +
    rules.englishDate(ms, zone) +
    ', ' +
    rules.localTime(ms, zone)
  );
};

const showDetails = (v) => {
  const details = $('verdict-details');
  for (const id of ['verdict-name', 'verdict-time', 'verdict-service', 'verdict-where']) {
    setText(id, '');
  }
  if (!v.visitor) {
    details.hidden = true; // no identified convocation: no one to show, never the previous visitor
    return;
  }
  setText('verdict-name', v.visitor.name + (v.manual ? ' (admission manuelle / manual admission)' : ''));
  setText('verdict-time', when(v) + (v.event ? ' — ' + v.event : ''));
  setText(
    'verdict-service',
    v.service && v.service.name ? v.service.name.fr + ' / ' + v.service.name.en : v.event || '',
  );
  const out = v.direction === 'out';
  setText('verdict-where', out ? '' : where(v));
  $('verdict-where').hidden = out;
  $('verdict-where-label').hidden = out;
  details.hidden = false;
};

/** Back to waiting: the panel says nothing of anyone. */
export const clearVerdict = (state = 'idle') => {
  clearTimeout(kiosk.verdictTimer);
  const checking = state === 'checking';
  $('verdict').className = 'verdict ' + state;
  setText('verdict-icon', '');
  setText('verdict-word', checking ? 'Vérification…' : 'En attente');
  setText('verdict-word-en', checking ? 'Checking…' : 'Waiting');
  setText('verdict-reason', '');
  setText('verdict-en', '');
  $('verdict-from').hidden = true;
  setText('verdict-from', '');
  showDetails({});
};

/** Shows a verdict, the server's or the kiosk's own, for verdictSeconds. */
export const render = (v) => {
  const admit = v.decision === 'admit';
  const check = v.decision === 'check';
  const out = v.direction === 'out';
  $('verdict').className = 'verdict ' + (check ? 'check' : admit ? 'admit' : 'refuse');
  setText('verdict-word', check ? 'À VÉRIFIER' : admit ? (out ? 'SORTIE OK' : 'ADMIS') : 'REFUSÉ');
  setText('verdict-word-en', check ? 'CHECK BY HAND' : admit ? (out ? 'EXIT OK' : 'ADMIT') : 'REFUSED');
  setText('verdict-reason', (v.offline ? 'Hors ligne. ' : '') + (v.message ? v.message.fr : v.reason || ''));
  setText('verdict-en', (v.offline ? 'Offline. ' : '') + (v.message ? v.message.en : ''));
  const from = $('verdict-from');
  if (v.admitFromLocal) {
    const [h, m] = v.admitFromLocal.split(':');
    from.textContent = 'Entrée à partir de ' + Number(h) + ' h ' + m + ' / from ' + v.admitFromLocal;
    from.hidden = false;
  } else {
    from.hidden = true;
    from.textContent = '';
  }
  showDetails(v);
  clearTimeout(kiosk.verdictTimer);
  kiosk.verdictTimer = setTimeout(() => clearVerdict(), verdictSeconds() * 1000);
};

const visitorDetails = (c, out) => {
  if (!c) {
    return out;
  }
  const { pack } = kiosk;
  const service = pack.services[c.service];
  out.visitor = { name: c.name };
  out.start = c.start;
  if (c.kind === 'invitation') {
    out.event = c.event;
    out.location = c.location;
  } else if (service) {
    out.service = service;
  }
  return out;
};

// Which convocation the text names ("kind:id" in the pack), with the verdict already reached when it is unreadable.
const identify = async (text) => {
  if (rules.looksLikeManualCode(text)) {
    const normal = rules.normalizeManualCode(text);
    const key = normal ? kiosk.manualCodes.get(normal) : null;
    return { key, v: normal ? (key ? null : { check: true }) : rules.refuse('malformed'), qrStart: null };
  }
  const checked = await rules.verify(text, kiosk.keys);
  if (!checked.ok) {
    return { key: null, v: rules.refuse(checked.reason), qrStart: null };
  }
  const c = checked.convocation;
  return { key: c.kind + ':' + c.id, v: null, qrStart: c.start };
};

const policyOf = (c) => {
  const { pack } = kiosk;
  return c.kind === 'invitation' ? pack.defaultPolicy : pack.services[c.service] || pack.defaultPolicy;
};

const decideOnPack = async (c, key, dir, now) => {
  const { pack } = kiosk;
  const p = (await presence()).get(key) || { inside: false, admittedToday: false, companions: 0 };
  const policy = policyOf(c);
  const visit = {
    kind: c.kind,
    start: c.start,
    end: c.end,
    cancelled: c.cancelled,
    inside: p.inside,
    admittedToday: p.admittedToday,
    earlyMinutes: policy.earlyMinutes,
    graceMinutes: policy.graceMinutes,
  };
  return { ...rules.decide(visit, dir, now, pack.zone), companionsInside: p.companions || 0 };
};

// The offline verdict: the same checks as the server, on the pack; queued with its instant unless the data is
// too old to be trusted, in which case the guard checks by hand and nothing is recorded.
export const decideHere = async (text, dir, id, companions = 0, confirmed = false) => {
  const now = kioskNow();
  const { pack } = kiosk;
  if (!pack) {
    return {
      decision: 'check',
      offline: true,
      message: {
        fr: 'Aucune donnée hors ligne : vérifiez la convocation à la main.',
        en: 'No offline data: check the convocation by hand.',
      },
    };
  }
  const found = await identify(text);
  const { key, qrStart } = found;
  let { v } = found;
  const c = key ? kiosk.index.get(key) : null;
  if (!v && c) {
    v = await decideOnPack(c, key, dir, now);
  } else if (
    !v &&
    qrStart !== null &&
    rules.localDate(qrStart, pack.zone) !== rules.localDate(now, pack.zone) &&
    dir === 'in'
  ) {
    // Not in today's data, but the code itself says another day.
    v = { admit: false, decision: 'refuse', reason: 'wrong_day', key: 'wrong_day', when: qrStart, admitFrom: null };
  } else if (!v) {
    v = { check: true };
  }
  if (v.check) {
    return visitorDetails(c, {
      decision: 'check',
      offline: true,
      direction: dir,
      message: {
        fr: 'Convocation absente des données hors ligne : vérifiez à la main.',
        en: 'This convocation is not in the offline data: check it by hand.',
      },
    });
  }
  // Companions: counted on an admitted entry (confirmed above the maximum), closed by the visitor's exit.
  const admitted = v.decision === 'admit';
  if (admitted && dir === 'in' && c) {
    const max = policyOf(c).maxCompanions ?? 1;
    if (companions > max && !confirmed) {
      return { confirm: max };
    }
  }
  const recorded = !admitted ? 0 : dir === 'in' ? companions : v.companionsInside || 0;
  const out = visitorDetails(c, {
    scanId: id,
    companions: recorded,
    decision: v.decision,
    reason: v.reason,
    direction: dir,
    offline: true,
    message: rules.message(pack.messages, v.key, v.when, pack.zone),
  });
  if (v.admitFrom) {
    out.admitFromLocal = rules.localTime(v.admitFrom, pack.zone);
  }
  if (stale()) {
    out.decision = 'check';
    out.message = {
      fr: 'Données trop anciennes : vérifiez à la main (avis de la guérite : ' + out.message.fr + ')',
      en: 'Data too old to be trusted: check by hand (the kiosk would say: ' + out.message.en + ')',
    };
    return out;
  }
  const [kind, cid] = key ? key.split(':') : [null, null];
  await putScan({
    scanId: id,
    code: text,
    at: now,
    gate: kiosk.gate,
    direction: dir,
    decision: v.decision,
    reason: v.reason,
    kind,
    id: cid === null ? null : Number(cid),
    companions: recorded,
    synced: false,
    offline: true,
  });
  return out;
};
