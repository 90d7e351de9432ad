// Who is inside, as this kiosk knows it: the pack's presence (from the server's scans), then this kiosk's own
// scans since the pack was made.
import { kiosk } from '/static/kiosk/state.js';
import { allScans } from '/static/kiosk/store.js';

/** "kind:id" → { inside, admittedToday, since, gate, companions (who came in with the visitor) }. */
export const presence = async () => {
  const map = new Map();
  const { pack } = kiosk;
  if (!pack) {
    return map;
  }
  for (const p of pack.presence) {
    map.set(p.kind + ':' + p.id, {
      inside: p.inside,
      admittedToday: true,
      since: p.since,
      gate: p.gate,
      companions: p.inside ? p.companions || 0 : 0,
    });
  }
  const mine = (await allScans())
    .filter((r) => r.at > pack.generatedAt && r.decision === 'admit' && r.kind)
    .sort((a, b) => a.at - b.at);
  for (const r of mine) {
    const key = r.kind + ':' + r.id;
    const before = map.get(key) || { admittedToday: false };
    map.set(
      key,
      r.direction === 'in'
        ? { inside: true, admittedToday: true, since: r.at, gate: r.gate, companions: r.companions || 0 }
        : { ...before, inside: false, admittedToday: true, companions: 0 },
    );
  }
  return map;
};

/** The visitors inside, earliest first: name, service (or meeting), since, gate, companions. */
export const insideList = async () => {
  const people = [];
  for (const [key, p] of await presence()) {
    if (p.inside) {
      const c = kiosk.index.get(key) || {};
      const service = kiosk.pack.services[c.service];
      people.push({
        name: c.name || key,
        service: c.event || (service ? service.name.fr + ' / ' + service.name.en : ''),
        since: p.since,
        gate: p.gate,
        companions: p.companions || 0,
      });
    }
  }
  return people.sort((a, b) => a.since - b.since);
};
