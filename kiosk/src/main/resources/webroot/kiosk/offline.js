// The gate's rules in the browser, for when the server cannot be reached: the same checks as the Java
// ConvocationCodec (Base45, canonical payload, Ed25519 signature) and AdmissionRules (same order, same windows,
// same texts from the kiosk's bundles, carried by the offline pack). OfflineRulesCrossCheckTest runs one table
// of cases through both. Pure functions, no DOM.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const SIGNATURE_SIZE = 64;
const MIN_PAYLOAD = 10;
const MAX_TEXT_LENGTH = 512;

const base45 = (text) => {
  if (text.length % 3 === 1) {
    return null;
  }
  const out = [];
  for (let i = 0; i < text.length; i += 3) {
    const c = ALPHABET.indexOf(text[i]);
    const d = ALPHABET.indexOf(text[i + 1]);
    if (c < 0 || d < 0) {
      return null;
    }
    if (i + 2 < text.length) {
      const e = ALPHABET.indexOf(text[i + 2]);
      const n = e < 0 ? -1 : c + d * 45 + e * 2025;
      if (n < 0 || n > 0xffff) {
        return null;
      }
      out.push(n >> 8, n & 0xff);
    } else {
      const n = c + d * 45;
      if (n > 0xff) {
        return null;
      }
      out.push(n);
    }
  }
  return new Uint8Array(out);
};

// Reads the signed part; null on any deviation from the canonical layout (kiosk/CONVOCATION-FORMAT.md).
const parse = (b, length) => {
  let p = 0;
  if (b[p++] !== 1) {
    return null;
  }
  const keyId = [b[1], b[2]].map((x) => x.toString(16).padStart(2, '0')).join('');
  p += 2;
  let id = 0n;
  let shift = 0n;
  for (;;) {
    if (p >= length || shift > 56n) {
      return null;
    }
    const octet = b[p++];
    id |= BigInt(octet & 0x7f) << shift;
    if ((octet & 0x80) === 0) {
      if (octet === 0 && shift > 0n) {
        return null;
      }
      break;
    }
    shift += 7n;
  }
  if (id >= 1n << 63n || p + 2 > length) {
    return null;
  }
  const kindCode = b[p] & 0x0f;
  const initialsLength = b[p++] >>> 4;
  const serviceLength = b[p++];
  if (kindCode > 1 || initialsLength > 3 || serviceLength > 32 || p + serviceLength + 4 + initialsLength !== length) {
    return null;
  }
  const service = String.fromCharCode(...b.slice(p, p + serviceLength));
  p += serviceLength;
  const minute = ((b[p] << 24) >>> 0) + (b[p + 1] << 16) + (b[p + 2] << 8) + b[p + 3];
  p += 4;
  const initials = String.fromCharCode(...b.slice(p, p + initialsLength));
  if (!/^[a-z0-9_-]{0,32}$/.test(service) || (initialsLength > 0 && !/^[A-Z]{1,3}$/.test(initials))) {
    return null;
  }
  return {
    keyId,
    id: Number(id),
    kind: kindCode === 0 ? 'appointment' : 'invitation',
    service,
    start: minute * 60000,
    initials: initialsLength ? initials : null,
  };
};

const base64 = (text) => {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
};

/** Imports the pack's raw public keys: Map keyId → CryptoKey. */
export const importKeys = async (keys) => {
  const out = new Map();
  for (const k of keys) {
    out.set(k.id, await crypto.subtle.importKey('raw', base64(k.publicKey), { name: 'Ed25519' }, false, ['verify']));
  }
  return out;
};

/** {ok: true, convocation} or {ok: false, reason}, as ConvocationCodec.verify. */
export const verify = async (text, keys) => {
  if (typeof text !== 'string') {
    return { ok: false, reason: 'malformed' };
  }
  const trimmed = text.replace(/[ \r\n\t]+$/, '');
  if (!trimmed || trimmed.length > MAX_TEXT_LENGTH) {
    return { ok: false, reason: 'malformed' };
  }
  const bytes = base45(trimmed.replace(/[a-z]/g, (c) => c.toUpperCase()));
  const payloadLength = bytes ? bytes.length - SIGNATURE_SIZE : -1;
  if (!bytes || payloadLength < MIN_PAYLOAD) {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = parse(bytes, payloadLength);
  if (!parsed) {
    return { ok: false, reason: 'malformed' };
  }
  const key = keys.get(parsed.keyId);
  if (!key) {
    return { ok: false, reason: 'unknown_key' };
  }
  const signature = bytes.slice(payloadLength);
  const signed = bytes.slice(0, payloadLength);
  // A key or signature the browser refuses is a bad signature, as for the server.
  const good = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, signed).catch(() => false);
  return good ? { ok: true, convocation: parsed } : { ok: false, reason: 'invalid_signature' };
};

// Manual codes (ManualCode.java): Crockford Base32, check character over GF(32) with x^5 + x^2 + 1.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const EXP = [];
const LOG = [];
for (let i = 0, x = 1; i < 31; i++) {
  EXP[i] = x;
  EXP[i + 31] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0x20) {
    x ^= 0x25;
  }
}

export const looksLikeManualCode = (text) => {
  const plain = String(text).replace(/[ \-\t\r\n]/g, '');
  return plain.length > 0 && plain.length <= 16 && /^[0-9A-Za-z]+$/.test(plain);
};

/** The canonical manual code (K7M4-Q2XP-9), or null when its length or check character is wrong. */
export const normalizeManualCode = (typed) => {
  const values = [];
  for (const ch of String(typed).toUpperCase()) {
    if (ch === ' ' || ch === '-' || ch === '\t') {
      continue;
    }
    const v = ch === 'O' ? 0 : ch === 'I' || ch === 'L' ? 1 : CROCKFORD.indexOf(ch);
    if (v < 0 || values.length === 9) {
      return null;
    }
    values.push(v);
  }
  if (values.length !== 9) {
    return null;
  }
  let sum = 0;
  values.forEach((v, i) => {
    sum ^= v === 0 ? 0 : EXP[LOG[v] + LOG[EXP[i]]];
  });
  if (sum !== 0) {
    return null;
  }
  const s = values.map((v) => CROCKFORD[v]).join('');
  return s.slice(0, 4) + '-' + s.slice(4, 8) + '-' + s.slice(8);
};

const parts = (ms, zone, locale, options) => {
  const out = {};
  for (const p of new Intl.DateTimeFormat(locale, { timeZone: zone, ...options }).formatToParts(new Date(ms))) {
    out[p.type] = p.value;
  }
  return out;
};

/** The local (zone) calendar date, YYYY-MM-DD. */
export const localDate = (ms, zone) => {
  const p = parts(ms, zone, 'en-GB', { year: 'numeric', month: '2-digit', day: '2-digit' });
  return p.year + '-' + p.month + '-' + p.day;
};

/** HH:MM in the zone. */
export const localTime = (ms, zone) => {
  const p = parts(ms, zone, 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return p.hour + ':' + p.minute;
};

export const frenchTime = (ms, zone) => {
  const [h, m] = localTime(ms, zone).split(':');
  return Number(h) + ' h ' + m;
};

export const frenchDate = (ms, zone) => {
  const p = parts(ms, zone, 'fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return p.weekday + ' ' + (p.day === '1' ? '1er' : p.day) + ' ' + p.month + ' ' + p.year;
};

export const englishDate = (ms, zone) => {
  const p = parts(ms, zone, 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return p.weekday + ' ' + p.day + ' ' + p.month + ' ' + p.year;
};

// "Amina Benali + 2 accompagnateurs / companions": everyone inside must be accounted for.
export const withCompanions = (p) =>
  p.companions > 0
    ? p.name +
      ' + ' +
      p.companions +
      (p.companions > 1 ? ' accompagnateurs / companions' : ' accompagnateur / companion')
    : p.name;

/** The text for key; {time} and {date} stand for `when` in local time (Messages.java). */
export const message = (messages, key, when, zone) => {
  let fr = messages.fr[key];
  let en = messages.en[key];
  if (when !== null && when !== undefined) {
    fr = fr.replace('{time}', frenchTime(when, zone)).replace('{date}', frenchDate(when, zone));
    en = en.replace('{time}', localTime(when, zone)).replace('{date}', englishDate(when, zone));
  }
  return { fr, en };
};

const verdict = (admit, reason, key, when, admitFrom) => {
  return {
    admit,
    decision: admit ? 'admit' : 'refuse',
    reason,
    key,
    when: when === undefined ? null : when,
    admitFrom: admitFrom || null,
  };
};

/** The refusal for a reason that needs no visit. */
export const refuse = (reason) => {
  return verdict(false, reason, reason, null);
};

/**
 * AdmissionRules.decide: visit = {kind, start, end, cancelled, inside, admittedToday, earlyMinutes, graceMinutes}
 * (instants in epoch ms), direction 'in' | 'out', now in epoch ms.
 */
export const decide = (visit, direction, now, zone) => {
  if (direction === 'out') {
    // A guard cannot stop someone leaving: an exit is never refused; one without a recorded entry says so.
    return visit.inside ? verdict(true, 'ok', 'ok.out') : verdict(true, 'no_entry_recorded', 'no_entry_recorded');
  }
  if (visit.cancelled) {
    return refuse('cancelled');
  }
  if (visit.inside) {
    return refuse('already_inside');
  }
  const today = localDate(now, zone);
  const first = localDate(visit.start, zone);
  const last = visit.kind === 'invitation' ? localDate(visit.end, zone) : first;
  if (today < first || today > last) {
    return verdict(false, 'wrong_day', 'wrong_day', visit.start);
  }
  if (visit.admittedToday) {
    return verdict(true, 'ok', 'ok.return');
  }
  const admitFrom = visit.start - visit.earlyMinutes * 60000;
  if (now < admitFrom) {
    return verdict(false, 'too_early', 'too_early', admitFrom, admitFrom);
  }
  if (visit.kind === 'appointment') {
    if (now > visit.start + visit.graceMinutes * 60000) {
      return verdict(false, 'too_late', 'too_late.appointment', visit.start);
    }
  } else if (now > visit.end) {
    return verdict(false, 'too_late', 'too_late.invitation', visit.end);
  }
  return verdict(true, 'ok', 'ok.in');
};

// The same functions as a global, for OfflineRulesCrossCheckTest, which runs them from the test page.
window.AccueilOffline = {
  verify,
  importKeys,
  decide,
  refuse,
  message,
  localDate,
  localTime,
  looksLikeManualCode,
  normalizeManualCode,
};
