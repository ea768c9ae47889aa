// Independent implementation of docs/assignment.md (algorithm
// `shenguan-assign/2`, ledger format `shenguan-ledger/2`) and
// docs/canonical-json.md, written from the specification text alone, in plain
// JavaScript. node:crypto is used for SHA-256 only; ChaCha20 is written out
// below. Every quantity that decides an outcome is an integer (BigInt for
// units, normalised loads, lottery weights and 64-bit words); decimals are read
// from their decimal text, never through binary floating point.
//
// "§n" refers to section n of docs/assignment.md.
//
// Where the text left a choice open, this file follows what the package and
// the pinned vectors do, and says so where it happens: the members of
// carryForward's judges (§12), and verifyChain refusing an unreadable text
// with MALFORMED_LEDGER rather than reporting it (§9, §10). Beacon values are
// checked only as far as the randomness needs (docs/beacons.md has the full
// rules), and drand BLS signatures are not checked at all (beaconRandomness).
//
// Exports: canonical, units, normalisedDecimal, inputsDigest, commitment, commitRun,
// beaconRandomness, runKey, ChaChaStream, chachaBlock, lotteryWeights,
// capWeights, prepare, Run, replay, verify, checkChain, entryHash,
// carryForward, SpecError.
import { createHash } from 'node:crypto';

export const FORMAT = 'shenguan-ledger/2';
export const ALGORITHM = 'shenguan-assign/2';
const LEADER_ROLES = new Set(['president', 'vicePresident', 'committeeMember', 'divisionChief', 'deputyChief']);
const ROLES = new Set([...LEADER_ROLES, 'judge']);
const AVAILABILITIES = new Set(['available', 'absent', 'onLeave', 'transferred']);
const REASON_CODES = new Set([
  'statutoryRecusal', 'transfer', 'health', 'integrityRisk', 'chiefTakeoverWithin7Days', 'leaderPresides', 'other',
]);
// §4: the exclusion reasons, in the order they are tried.
const EXCLUSION_ORDER = [
  'department', 'caseType', 'availability', 'alreadyOnCase', 'recusal', 'region', 'hardCaseList', 'leaderExcluded',
];
// §9: u8(kind) of the entry hash.
const KIND_CODE = { draw: 0, designate: 1, reassign: 2, redraw: 3, availability: 4 };
const MAX_UNITS = 10n ** 10n; // §2: loads, weights and tolerance at most 10^10 units
// §3, "Size limits".
const LIMITS = { judges: 2000, cases: 1000000, events: 2000000, listItems: 2000, idBytes: 128, textBytes: 1000 };

/** An error with the specification's code and path (§3). */
export class SpecError extends Error {
  constructor(code, path, message = '', details = undefined) {
    super(`${code} at ${path}${message ? `: ${message}` : ''}`);
    this.code = code;
    this.path = path;
    if (details !== undefined) this.details = details;
  }
}

// ---------------------------------------------------------------------------
// Canonical JSON (canonical-json.md). BigInts are written as integers.

export function canonical(v) {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (typeof v === 'bigint') return v.toString();
  if (v !== null && typeof v === 'object') {
    return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}';
  }
  if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new Error(`canonical JSON: non-integer number ${v}`);
  if (v === undefined) throw new Error('canonical JSON: undefined');
  return JSON.stringify(v);
}

const utf8 = (s) => Buffer.from(s, 'utf8');

function sha256(...parts) {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

// ---------------------------------------------------------------------------
// Decimals (§3 "Decimals", canonical-json.md "Decimal strings")

const TEN = 10n;
const pow10 = (n) => TEN ** BigInt(n);

// The decimal text a member stands for: a string as written, a JSON number as
// the shortest decimal that reads back as the same binary64 value (§3). An
// exponent form of String(n) (1e-7, 1e21) is expanded to plain decimal.
function decimalText(value) {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const s = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[2] + (m[3] ?? '');
  const point = m[2].length + Number(m[4]);
  let out;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return m[1] + out;
}

// A decimal as { neg, mant, scale }: value = (neg ? -1 : 1) * mant / 10^scale,
// or null when the member is not a decimal (§3: `-?[0-9]+(\.[0-9]+)?`, at most
// 28 digits in all).
function parseDecimal(value) {
  const text = decimalText(value);
  if (text === null) return null;
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(text);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (m[2].length + frac.length > 28) return null;
  const mant = BigInt(m[2] + frac);
  return { neg: m[1] === '-' && mant !== 0n, mant, scale: frac.length };
}

function mustDecimal(value, path) {
  const d = parseDecimal(value);
  if (d === null) throw new SpecError('INVALID_INPUT', path, `not a decimal: ${JSON.stringify(value)}`);
  return d;
}

// round_half_up(x, places) * 10^places (halves round away from zero).
function scaledHalfUp(d, places) {
  let q;
  if (d.scale <= places) {
    q = d.mant * pow10(places - d.scale);
  } else {
    const div = pow10(d.scale - places);
    q = d.mant / div;
    if (2n * (d.mant % div) >= div) q += 1n;
  }
  return d.neg ? -q : q;
}

// x * 10^places exactly, or null when x has more than `places` places.
function scaledExact(d, places) {
  let { mant, scale } = d;
  while (scale > places && mant % TEN === 0n) {
    mant /= TEN;
    scale -= 1;
  }
  if (scale > places) return null;
  const q = mant * pow10(places - scale);
  return d.neg ? -q : q;
}

/** canonical-json.md: the shortest plain decimal with the same value. */
export function normalisedDecimal(value) {
  const d = typeof value === 'object' && value !== null ? value : parseDecimal(value);
  if (d === null) throw new Error(`not a decimal: ${JSON.stringify(value)}`);
  let { mant, scale } = d;
  while (scale > 0 && mant % TEN === 0n) {
    mant /= TEN;
    scale -= 1;
  }
  let digits = mant.toString();
  let out;
  if (scale === 0) {
    out = digits;
  } else {
    digits = digits.padStart(scale + 1, '0');
    out = digits.slice(0, digits.length - scale) + '.' + digits.slice(digits.length - scale);
  }
  return (d.neg && mant !== 0n ? '-' : '') + out;
}

/** §2: units(x) = round_half_up(x, 4 places) × 10000. */
export function units(value) {
  const d = parseDecimal(value);
  if (d === null) throw new Error(`not a decimal: ${JSON.stringify(value)}`);
  return scaledHalfUp(d, 4);
}

// §2 Formatting: a load in units with exactly 4 places.
function fmt4(u) {
  const neg = u < 0n;
  const a = neg ? -u : u;
  return (neg ? '-' : '') + (a / 10000n).toString() + '.' + (a % 10000n).toString().padStart(4, '0');
}

// §2 Formatting: w / W with 6 places, m = floor((w × 2000000 + W) / (2W)).
function fmtProbability(w, W) {
  const m = (w * 2000000n + W) / (2n * W);
  return (m / 1000000n).toString() + '.' + (m % 1000000n).toString().padStart(6, '0');
}

// §2: id order is the byte order of the UTF-8 encoding.
function idCompare(a, b) {
  return Buffer.compare(utf8(a), utf8(b));
}

// ---------------------------------------------------------------------------
// ChaCha20 (RFC 8439 §2.3 block function), written out.

const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]; // "expand 32-byte k"

function rotl(x, n) {
  return ((x << n) | (x >>> (32 - n))) >>> 0;
}

function quarterRound(s, a, b, c, d) {
  s[a] = (s[a] + s[b]) >>> 0; s[d] = rotl(s[d] ^ s[a], 16);
  s[c] = (s[c] + s[d]) >>> 0; s[b] = rotl(s[b] ^ s[c], 12);
  s[a] = (s[a] + s[b]) >>> 0; s[d] = rotl(s[d] ^ s[a], 8);
  s[c] = (s[c] + s[d]) >>> 0; s[b] = rotl(s[b] ^ s[c], 7);
}

/**
 * RFC 8439 §2.3: the 16 output words (Uint32Array) of the block function for
 * a 32-byte key, a 32-bit block counter and a 12-byte nonce.
 */
export function chachaBlock(key, counter, nonce) {
  const init = new Uint32Array(16);
  init.set(SIGMA, 0);
  for (let i = 0; i < 8; i++) init[4 + i] = key.readUInt32LE(4 * i);
  init[12] = counter >>> 0;
  for (let i = 0; i < 3; i++) init[13 + i] = nonce.readUInt32LE(4 * i);
  const s = Uint32Array.from(init);
  for (let round = 0; round < 10; round++) {
    quarterRound(s, 0, 4, 8, 12); quarterRound(s, 1, 5, 9, 13);
    quarterRound(s, 2, 6, 10, 14); quarterRound(s, 3, 7, 11, 15);
    quarterRound(s, 0, 5, 10, 15); quarterRound(s, 1, 6, 11, 12);
    quarterRound(s, 2, 7, 8, 13); quarterRound(s, 3, 4, 9, 14);
  }
  for (let i = 0; i < 16; i++) s[i] = (s[i] + init[i]) >>> 0;
  return s;
}

/**
 * The ChaCha20 keystream for (key, nonce), from a block counter (default 0),
 * read as bytes or as 64-bit little-endian words (§6 "Entry stream").
 */
export class ChaChaStream {
  constructor(key, nonce = Buffer.alloc(12), counter = 0) {
    this.key = Buffer.from(key);
    this.nonce = Buffer.from(nonce);
    if (this.key.length !== 32 || this.nonce.length !== 12) throw new Error('ChaCha20 needs a 32-byte key and a 12-byte nonce');
    this.counter = counter;
    this.block = Buffer.alloc(0);
    this.pos = 0;
  }

  bytes(n) {
    const out = Buffer.alloc(n);
    let filled = 0;
    while (filled < n) {
      if (this.pos === this.block.length) {
        const words = chachaBlock(this.key, this.counter, this.nonce);
        this.counter += 1;
        this.block = Buffer.alloc(64);
        for (let i = 0; i < 16; i++) this.block.writeUInt32LE(words[i], 4 * i);
        this.pos = 0;
      }
      const take = Math.min(n - filled, this.block.length - this.pos);
      this.block.copy(out, filled, this.pos, this.pos + take);
      filled += take;
      this.pos += take;
    }
    return out;
  }

  /** The next 64-bit little-endian word, as a BigInt. */
  word() {
    return this.bytes(8).readBigUInt64LE(0);
  }

  /** §6 below(n): zone = 2^64 − (2^64 mod n); words until one is < zone; it mod n. */
  below(n) {
    n = BigInt(n);
    const two64 = 1n << 64n;
    if (n < 1n || n > two64) throw new Error(`below(n) needs 1 <= n <= 2^64, got ${n}`);
    const zone = two64 - (two64 % n);
    for (;;) {
      const w = this.word();
      if (w < zone) return w % n;
    }
  }
}

// ---------------------------------------------------------------------------
// §6 Commitment and randomness

const u8 = (n) => Buffer.from([n]);
function u32be(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
function u64be(n) {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}
function u64le(n) {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}
// §9 str(s) = u32be(len(utf8(s))) ‖ utf8(s)
function str(s) {
  const b = utf8(s);
  return Buffer.concat([u32be(b.length), b]);
}

const isHex64 = (s) => typeof s === 'string' && /^[0-9a-fA-F]{64}$/.test(s);

/**
 * §6 "Inputs digest": the object hashed, with defaults filled in and decimals
 * normalised. `inputs` must have passed validation (see prepare).
 */
export function digestObject(inputs) {
  const config = inputs.config ?? {};
  return {
    beacon: inputs.beacon,
    cases: inputs.cases.map((c) => {
      const out = {
        id: c.id,
        caseType: c.caseType,
        department: c.department,
        weight: normalisedDecimal(c.weight ?? '1'),
        hard: c.hard ?? false,
        leaderExcluded: c.leaderExcluded ?? false,
        recuse: c.recuse ?? [],
        avoidRegions: c.avoidRegions ?? [],
        panelSize: c.panelSize ?? 1,
        distinctRegions: c.distinctRegions ?? false,
      };
      if (c.filedOn !== undefined) out.filedOn = c.filedOn;
      return out;
    }),
    committedAt: inputs.committedAt,
    config: configRecord(config),
    court: inputs.court ?? '',
    events: inputs.events ?? inputs.cases.map((c) => ({ kind: 'draw', caseId: c.id })),
    judges: inputs.judges.map((j) => ({
      id: j.id,
      name: j.name ?? '',
      department: j.department,
      caseTypes: j.caseTypes,
      role: j.role,
      share: normalisedDecimal(j.share),
      load: normalisedDecimal(j.load ?? '0'),
      availability: j.availability ?? 'available',
      region: j.region ?? null,
    })),
    previousHead: inputs.previousHead === undefined ? null : inputs.previousHead.toLowerCase(),
  };
}

// §2 Configuration with its defaults; decimals normalised, pools integers
// (used by §6 and by the header, §9).
function configRecord(config) {
  return {
    minPool: config.minPool ?? 3,
    maxPool: config.maxPool ?? 8,
    maxProbability: normalisedDecimal(config.maxProbability ?? '0.5'),
    tolerance: normalisedDecimal(config.tolerance ?? '2'),
    panelMemberShare: normalisedDecimal(config.panelMemberShare ?? '0.2'),
  };
}

/** §6: inputs digest, lower-case hex. */
export function inputsDigest(inputs) {
  if (typeof inputs === 'string') inputs = JSON.parse(inputs);
  validate(inputs, { drawing: false });
  return sha256(utf8(canonical(digestObject(inputs)))).toString('hex');
}

function commitmentOf(seed, digest) {
  return sha256(utf8('shenguan/commit/v2'), u8(0), seed, digest).toString('hex');
}

/** §6: SHA-256("shenguan/commit/v2" ‖ 0x00 ‖ seed ‖ inputs_digest), lower-case hex. */
export function commitment(inputs) {
  if (typeof inputs === 'string') inputs = JSON.parse(inputs);
  validate(inputs, { drawing: false });
  const digest = sha256(utf8(canonical(digestObject(inputs))));
  return commitmentOf(Buffer.from(inputs.seed, 'hex'), digest);
}

/**
 * commitRun: what the operator publishes before the beacon round (§1, §6):
 * { algorithm, beacon, commitment, committedAt, inputsDigest, roundTime, warnings }.
 */
export function commitRun(inputs) {
  if (typeof inputs === 'string') inputs = JSON.parse(inputs);
  const { commitment: _c, beaconValue: _b, ...rest } = inputs; // left out and ignored (§3)
  const state = prepare(rest, { drawing: false });
  return {
    algorithm: ALGORITHM,
    beacon: state.header.beacon.reference,
    commitment: state.commitment,
    committedAt: state.header.committedAt,
    inputsDigest: state.header.inputsDigest,
    roundTime: state.header.beacon.roundTime === null ? null : Number(state.header.beacon.roundTime),
    warnings: state.header.warnings,
  };
}

// Beacons (docs/beacons.md; summarised in the brief this file was written to).
// Round times of the pinned drand networks: genesis + (round − 1) × period.
const DRAND_NETWORKS = {
  quicknet: { genesis: 1692803367n, period: 3n },
  default: { genesis: 1595431050n, period: 30n },
};

function roundTime(ref) {
  if (ref.kind !== 'drand') return null;
  const net = DRAND_NETWORKS[ref.network];
  return net.genesis + (BigInt(ref.round) - 1n) * net.period;
}

/**
 * The beacon randomness B (32 bytes) from a BeaconRef and its BeaconValue:
 * - none: 32 zero bytes;
 * - drand: SHA-256 of the signature bytes (hex-decoded beaconValue.signature).
 *   This verifier does NOT check the BLS signature: the package checks it
 *   against the pinned network key; an independent checker either trusts the
 *   value's signature or checks it with a drand client;
 * - publicText: with values ["3","17"] written "3.17./" (each value followed
 *   by ".", then "/"), SHA-256("shenguan/public-text/v2" ‖ 0x00 ‖ str(source)
 *   ‖ str(draw) ‖ str(canonical values)).
 */
export function beaconRandomness(ref, value) {
  switch (ref.kind) {
    case 'none':
      return Buffer.alloc(32);
    case 'drand': {
      const sig = value?.signature;
      if (typeof sig !== 'string' || sig.length === 0 || sig.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(sig)) {
        throw new SpecError('MALFORMED_BEACON', 'beaconValue.signature');
      }
      return sha256(Buffer.from(sig, 'hex'));
    }
    case 'publicText': {
      const values = value?.values;
      if (!Array.isArray(values) || values.length === 0) throw new SpecError('MALFORMED_BEACON', 'beaconValue.values');
      values.forEach((v, i) => {
        if (typeof v !== 'string' || !/^[0-9]+$/.test(v)) throw new SpecError('MALFORMED_BEACON', `beaconValue.values[${i}]`);
      });
      // (The package also refuses leading zeros, very long numbers and long
      // lists: docs/beacons.md.)
      const text = values.map((v) => v + '.').join('') + '/';
      return sha256(utf8('shenguan/public-text/v2'), u8(0), str(ref.source), str(ref.draw), str(text));
    }
    default:
      throw new SpecError('INVALID_INPUT', 'beacon.kind');
  }
}

/** §6: K = SHA-256("shenguan/run-key/v2" ‖ 0x00 ‖ seed ‖ B ‖ inputs_digest). */
export function runKey(seed, B, digest) {
  return sha256(utf8('shenguan/run-key/v2'), u8(0), seed, B, digest);
}

/** §6: the stream of entry i: key K, nonce 4 zero bytes ‖ u64le(i), counter 0. */
export function entryStream(K, index) {
  return new ChaChaStream(K, Buffer.concat([Buffer.alloc(4), u64le(index)]), 0);
}

// ---------------------------------------------------------------------------
// §3 Validation. Problems are collected in the order of §3; the first is
// thrown with the next (up to 99) in `more` and the count of the rest in
// `moreOmitted`.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;

// A valid YYYY-MM-DD at the start of `text` (proleptic Gregorian), or false.
function validDate(text) {
  const m = typeof text === 'string' ? DATE_RE.exec(text) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
}

function dayNumber(y, m, d) {
  // Proleptic Gregorian day count (valid for every year, unlike Date.UTC for y < 100).
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return d + Math.floor((153 * mm + 2) / 5) + 365 * yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) - 32045;
}

function dateDay(text) {
  if (!validDate(text)) return null;
  const m = DATE_RE.exec(text);
  return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
}

// committedAt: exactly YYYY-MM-DDTHH:MM:SSZ; Unix seconds (BigInt) or null.
function parseCommittedAt(text) {
  if (typeof text !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(text);
  if (!m || !validDate(text)) return null;
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (h > 23 || mi > 59 || s > 59) return null;
  const days = dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) - dayNumber(1970, 1, 1);
  return BigInt(days) * 86400n + BigInt(h * 3600 + mi * 60 + s);
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isBlank = (s) => typeof s !== 'string' || s.trim() === '';

class Problems {
  constructor() {
    this.list = [];
  }

  add(code, path, message) {
    this.list.push({ code, path, message });
  }

  throwIfAny() {
    if (this.list.length === 0) return;
    const [first, ...rest] = this.list;
    const err = new SpecError(first.code, first.path, first.message);
    err.more = rest.slice(0, 99).map(({ code, path }) => ({ code, path }));
    err.moreOmitted = Math.max(0, rest.length - 99);
    throw err;
  }
}

function unknownMembers(p, obj, allowed, path) {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) p.add('INVALID_INPUT', path ? `${path}.${k}` : k, 'unknown member');
  }
}

function checkString(p, v, path, { optional = false } = {}) {
  if (v === undefined && optional) return true;
  if (typeof v !== 'string') {
    p.add('INVALID_INPUT', path, v === undefined ? 'missing' : 'not a string');
    return false;
  }
  return true;
}

function checkBool(p, v, path) {
  if (v !== undefined && typeof v !== 'boolean') p.add('INVALID_INPUT', path, 'not a boolean');
}

function checkStringArray(p, v, path) {
  if (v === undefined) return true;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    p.add('INVALID_INPUT', path, 'not an array of strings');
    return false;
  }
  return true;
}

function checkReason(p, r, path, kind) {
  if (!isObject(r)) {
    p.add('INVALID_INPUT', path, 'not an object');
    return;
  }
  unknownMembers(p, r, ['code', 'text'], path);
  if (typeof r.code !== 'string') p.add('INVALID_INPUT', `${path}.code`, 'missing or not a string');
  else if (!REASON_CODES.has(r.code)) p.add('INVALID_INPUT', `${path}.code`, 'unknown reason code');
  if (r.text !== undefined && typeof r.text !== 'string') p.add('INVALID_INPUT', `${path}.text`, 'not a string');
  if (r.code === 'other' && isBlank(r.text)) p.add('MISSING_REASON', `${path}.text`, "reason 'other' needs a text");
  if (r.code === 'chiefTakeoverWithin7Days' && kind !== 'designate' && kind !== 'reassign') {
    p.add('INVALID_EVENT', `${path}.code`, 'take-over only on designate and reassign');
  }
}

const EVENT_MEMBERS = {
  draw: { required: ['caseId'], optional: [] },
  designate: { required: ['caseId', 'judgeId', 'reason', 'approver', 'time'], optional: [] },
  reassign: { required: ['caseId', 'judgeId', 'reason', 'approver', 'time'], optional: [] },
  recuse: { required: ['caseId', 'judgeId', 'reason', 'approver', 'time'], optional: [] },
  availability: { required: ['judgeId', 'availability'], optional: ['reason', 'approver', 'time'] },
};

/**
 * §3 validation. With drawing = true the commitment and the beacon value are
 * checked too. Returns { commitAt, roundTime } on success.
 */
/** §3, "Size limits": every limit exceeded, before any other rule. */
function checkLimits(inputs) {
  const p = new Problems();
  const bytes = (v, limit, path) => {
    if (typeof v === 'string' && Buffer.byteLength(v, 'utf8') > limit) p.add('LIMIT_EXCEEDED', path);
  };
  const count = (v, limit, path) => {
    if (Array.isArray(v) && v.length > limit) p.add('LIMIT_EXCEEDED', path);
  };
  const ids = (v, path) => {
    if (!Array.isArray(v)) return;
    if (v.length > LIMITS.listItems) return p.add('LIMIT_EXCEEDED', path);
    v.forEach((id, j) => bytes(id, LIMITS.idBytes, `${path}[${j}]`));
  };
  const list = (v) => (Array.isArray(v) ? v : []).map((x) => (isObject(x) ? x : {}));
  bytes(inputs.court, LIMITS.textBytes, 'court');
  count(inputs.judges, LIMITS.judges, 'judges');
  count(inputs.cases, LIMITS.cases, 'cases');
  count(inputs.events, LIMITS.events, 'events');
  list(inputs.judges).forEach((j, i) => {
    bytes(j.id, LIMITS.idBytes, `judges[${i}].id`);
    bytes(j.name, LIMITS.textBytes, `judges[${i}].name`);
    bytes(j.department, LIMITS.idBytes, `judges[${i}].department`);
    ids(j.caseTypes, `judges[${i}].caseTypes`);
    bytes(j.region, LIMITS.idBytes, `judges[${i}].region`);
  });
  list(inputs.cases).forEach((c, i) => {
    for (const m of ['id', 'caseType', 'department', 'filedOn']) bytes(c[m], LIMITS.idBytes, `cases[${i}].${m}`);
    for (const m of ['recuse', 'assigned', 'avoidRegions']) ids(c[m], `cases[${i}].${m}`);
  });
  list(inputs.events).forEach((e, i) => {
    for (const m of ['caseId', 'judgeId', 'approver', 'time']) bytes(e[m], LIMITS.idBytes, `events[${i}].${m}`);
    if (isObject(e.reason)) bytes(e.reason.text, LIMITS.textBytes, `events[${i}].reason.text`);
  });
  p.throwIfAny();
}

export function validate(inputs, { drawing }) {
  const p = new Problems();
  if (!isObject(inputs)) throw new SpecError('INVALID_INPUT', '', 'inputs not an object');
  unknownMembers(p, inputs, [
    'court', 'config', 'judges', 'cases', 'events', 'seed', 'beacon', 'committedAt', 'commitment', 'beaconValue', 'previousHead',
  ], '');
  if (inputs.court !== undefined) checkString(p, inputs.court, 'court');
  checkLimits(inputs);

  // config
  const config = inputs.config ?? {};
  if (!isObject(config)) p.add('INVALID_INPUT', 'config', 'not an object');
  else {
    unknownMembers(p, config, ['minPool', 'maxPool', 'maxProbability', 'tolerance', 'panelMemberShare'], 'config');
    const minPool = config.minPool ?? 3;
    const maxPool = config.maxPool ?? 8;
    if (!Number.isSafeInteger(minPool) || minPool < 0) p.add('INVALID_INPUT', 'config.minPool', 'not an integer');
    else if (minPool === 0) p.add('OUT_OF_RANGE', 'config.minPool', 'minPool must be at least 1');
    if (!Number.isSafeInteger(maxPool) || maxPool < 0) p.add('INVALID_INPUT', 'config.maxPool', 'not an integer');
    else if (Number.isSafeInteger(minPool) && maxPool < Math.max(minPool, 1)) p.add('OUT_OF_RANGE', 'config.maxPool');
    const mp = parseDecimal(config.maxProbability ?? '0.5');
    if (mp === null) p.add('INVALID_INPUT', 'config.maxProbability', 'not a decimal');
    else {
      const cap = scaledExact(mp, 4);
      if (cap === null || cap < 1n || cap > 10000n) p.add('OUT_OF_RANGE', 'config.maxProbability');
    }
    const tol = parseDecimal(config.tolerance ?? '2');
    if (tol === null) p.add('INVALID_INPUT', 'config.tolerance', 'not a decimal');
    else {
      const u = scaledHalfUp(tol, 4);
      if (u < 1n || u > MAX_UNITS) p.add('OUT_OF_RANGE', 'config.tolerance');
    }
    const pms = parseDecimal(config.panelMemberShare ?? '0.2');
    if (pms === null) p.add('INVALID_INPUT', 'config.panelMemberShare', 'not a decimal');
    else if (pms.neg || pms.mant > pow10(pms.scale)) {
      p.add('OUT_OF_RANGE', 'config.panelMemberShare');
    }
  }

  // seed, previousHead, committedAt and the beacon round
  if (!isHex64(inputs.seed)) p.add('MALFORMED_SEED', 'seed', 'seed must be 64 hex digits');
  if (inputs.previousHead !== undefined && !isHex64(inputs.previousHead)) p.add('INVALID_INPUT', 'previousHead');
  const commitAt = parseCommittedAt(inputs.committedAt);
  if (commitAt === null) p.add('INVALID_INPUT', 'committedAt', 'not YYYY-MM-DDTHH:MM:SSZ');
  const ref = inputs.beacon;
  let rt = null;
  if (!isObject(ref)) p.add('INVALID_INPUT', 'beacon', 'missing or not an object');
  else if (ref.kind === 'none') unknownMembers(p, ref, ['kind'], 'beacon');
  else if (ref.kind === 'publicText') {
    unknownMembers(p, ref, ['kind', 'source', 'draw'], 'beacon');
    checkString(p, ref.source, 'beacon.source');
    checkString(p, ref.draw, 'beacon.draw');
  } else if (ref.kind === 'drand') {
    unknownMembers(p, ref, ['kind', 'network', 'round'], 'beacon');
    if (!(ref.network in DRAND_NETWORKS)) p.add('INVALID_INPUT', 'beacon.network');
    else if (!Number.isSafeInteger(ref.round) || ref.round < 1) p.add('INVALID_INPUT', 'beacon.round');
    else {
      rt = roundTime(ref);
      if (commitAt !== null && rt <= commitAt) p.add('BEACON_NOT_FUTURE', 'beacon.round');
    }
  } else p.add('INVALID_INPUT', 'beacon.kind');

  // judges, in id order
  const judgeIds = new Map(); // id -> judge
  if (!Array.isArray(inputs.judges)) p.add('INVALID_INPUT', 'judges', 'missing or not an array');
  else {
    const order = inputs.judges.map((j, i) => i);
    const idOf = (i) => (isObject(inputs.judges[i]) && typeof inputs.judges[i].id === 'string' ? inputs.judges[i].id : '');
    order.sort((a, b) => idCompare(idOf(a), idOf(b)) || a - b);
    for (const i of order) {
      const j = inputs.judges[i];
      const path = `judges[${i}]`;
      if (!isObject(j)) {
        p.add('INVALID_INPUT', path, 'not an object');
        continue;
      }
      unknownMembers(p, j, ['id', 'name', 'department', 'caseTypes', 'role', 'share', 'load', 'availability', 'region'], path);
      if (checkString(p, j.id, `${path}.id`)) {
        if (j.id === '') p.add('INVALID_INPUT', `${path}.id`, 'empty id');
        else if (judgeIds.has(j.id)) p.add('DUPLICATE_ID', `${path}.id`);
        else judgeIds.set(j.id, j);
      }
      checkString(p, j.name, `${path}.name`, { optional: true });
      checkString(p, j.department, `${path}.department`);
      if (j.caseTypes === undefined) p.add('INVALID_INPUT', `${path}.caseTypes`, 'missing');
      else checkStringArray(p, j.caseTypes, `${path}.caseTypes`);
      if (checkString(p, j.role, `${path}.role`) && !ROLES.has(j.role)) p.add('INVALID_INPUT', `${path}.role`, 'unknown role');
      const share = j.share === undefined ? null : parseDecimal(j.share);
      if (share === null) p.add('INVALID_INPUT', `${path}.share`, 'missing or not a decimal');
      else {
        const bp = scaledExact(share, 4);
        if (bp === null || bp < 1n || bp > 10000n) p.add('INVALID_SHARE', `${path}.share`);
      }
      if (j.load !== undefined) {
        const load = parseDecimal(j.load);
        if (load === null) p.add('INVALID_INPUT', `${path}.load`, 'not a decimal');
        else {
          const u = scaledHalfUp(load, 4);
          if (u < 0n || u > MAX_UNITS) p.add('OUT_OF_RANGE', `${path}.load`);
        }
      }
      if (j.availability !== undefined && !AVAILABILITIES.has(j.availability)) {
        p.add('INVALID_INPUT', `${path}.availability`, 'unknown availability');
      }
      checkString(p, j.region, `${path}.region`, { optional: true });
    }
  }

  // cases, in input order; then duplicate case ids
  const caseIds = new Map();
  if (!Array.isArray(inputs.cases)) p.add('INVALID_INPUT', 'cases', 'missing or not an array');
  else {
    inputs.cases.forEach((c, i) => {
      const path = `cases[${i}]`;
      if (!isObject(c)) {
        p.add('INVALID_INPUT', path, 'not an object');
        return;
      }
      unknownMembers(p, c, [
        'id', 'caseType', 'department', 'weight', 'hard', 'leaderExcluded', 'recuse', 'avoidRegions', 'panelSize',
        'distinctRegions', 'filedOn',
      ], path);
      if (checkString(p, c.id, `${path}.id`) && c.id === '') p.add('INVALID_INPUT', `${path}.id`, 'empty id');
      checkString(p, c.caseType, `${path}.caseType`);
      checkString(p, c.department, `${path}.department`);
      if (c.weight !== undefined) {
        const w = parseDecimal(c.weight);
        if (w === null) p.add('INVALID_INPUT', `${path}.weight`, 'not a decimal');
        else {
          const u = scaledHalfUp(w, 4);
          if (u < 1n || u > MAX_UNITS) p.add('OUT_OF_RANGE', `${path}.weight`);
        }
      }
      checkBool(p, c.hard, `${path}.hard`);
      checkBool(p, c.leaderExcluded, `${path}.leaderExcluded`);
      checkBool(p, c.distinctRegions, `${path}.distinctRegions`);
      if (c.hard === true && c.leaderExcluded === true) p.add('INVALID_INPUT', `${path}.leaderExcluded`, 'hard and leaderExcluded');
      if (c.panelSize !== undefined) {
        if (!Number.isSafeInteger(c.panelSize)) p.add('INVALID_INPUT', `${path}.panelSize`, 'not an integer');
        else if (c.panelSize < 1 || c.panelSize > 15) p.add('OUT_OF_RANGE', `${path}.panelSize`);
      }
      if (checkStringArray(p, c.recuse, `${path}.recuse`) && c.recuse) {
        c.recuse.forEach((id, k) => {
          if (!judgeIds.has(id)) p.add('UNKNOWN_JUDGE', `${path}.recuse[${k}]`);
        });
      }
      checkStringArray(p, c.avoidRegions, `${path}.avoidRegions`);
      if (c.filedOn !== undefined && (typeof c.filedOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(c.filedOn) || !validDate(c.filedOn))) {
        p.add('INVALID_INPUT', `${path}.filedOn`, 'not a date');
      }
    });
    inputs.cases.forEach((c, i) => {
      if (!isObject(c) || typeof c.id !== 'string' || c.id === '') return;
      if (caseIds.has(c.id)) p.add('DUPLICATE_ID', `cases[${i}].id`);
      else caseIds.set(c.id, c);
    });
  }

  // events, in order
  if (inputs.events !== undefined) {
    if (!Array.isArray(inputs.events)) p.add('INVALID_INPUT', 'events', 'not an array');
    else {
      inputs.events.forEach((e, i) => {
        const path = `events[${i}]`;
        if (!isObject(e)) {
          p.add('INVALID_INPUT', path, 'not an object');
          return;
        }
        const spec = EVENT_MEMBERS[e.kind];
        if (spec === undefined) {
          p.add('INVALID_INPUT', `${path}.kind`, 'unknown event kind');
          return;
        }
        for (const k of Object.keys(e)) {
          if (k !== 'kind' && !spec.required.includes(k) && !spec.optional.includes(k)) {
            p.add('INVALID_INPUT', `${path}.${k}`, `not allowed on a '${e.kind}' event`);
          }
        }
        for (const k of spec.required) {
          if (e[k] === undefined) {
            if (k === 'reason') p.add('MISSING_REASON', `${path}.reason`);
            else p.add('INVALID_INPUT', `${path}.${k}`, 'missing');
          }
        }
        if (e.caseId !== undefined && checkString(p, e.caseId, `${path}.caseId`) && !caseIds.has(e.caseId)) {
          p.add('UNKNOWN_CASE', `${path}.caseId`);
        }
        if (e.judgeId !== undefined && checkString(p, e.judgeId, `${path}.judgeId`) && !judgeIds.has(e.judgeId)) {
          p.add('UNKNOWN_JUDGE', `${path}.judgeId`);
        }
        if (e.availability !== undefined && !AVAILABILITIES.has(e.availability)) p.add('INVALID_INPUT', `${path}.availability`);
        if (e.approver !== undefined && isBlank(e.approver)) p.add('INVALID_INPUT', `${path}.approver`, 'blank approver');
        if (e.time !== undefined && !validDate(e.time)) {
          p.add('INVALID_INPUT', `${path}.time`, 'time without a valid date');
        }
        if (e.reason !== undefined) checkReason(p, e.reason, `${path}.reason`, e.kind);
        if (e.reason?.code === 'chiefTakeoverWithin7Days' && (e.kind === 'designate' || e.kind === 'reassign')) {
          const judge = judgeIds.get(e.judgeId);
          if (judge && judge.role !== 'divisionChief' && judge.role !== 'deputyChief') {
            p.add('INVALID_EVENT', `${path}.judgeId`, 'take-over by a judge who is not a chief or deputy');
          }
          const kase = caseIds.get(e.caseId);
          if (kase && kase.filedOn === undefined) p.add('INVALID_INPUT', `${path}.caseId`, 'take-over on a case without filedOn');
          else if (kase && validDate(e.time) && validDate(kase.filedOn)) {
            const days = dateDay(e.time) - dateDay(kase.filedOn);
            if (days < 0 || days > 7) p.add('INVALID_EVENT', `${path}.time`, 'take-over not within 7 days of filing');
          }
        }
      });
    }
  }
  p.throwIfAny();

  // For drawing only: the commitment, then the beacon value.
  if (drawing) {
    if (inputs.commitment === undefined) throw new SpecError('INVALID_INPUT', 'commitment', 'missing');
    const digest = sha256(utf8(canonical(digestObject(inputs))));
    if (!isHex64(inputs.commitment) || inputs.commitment.toLowerCase() !== commitmentOf(Buffer.from(inputs.seed, 'hex'), digest)) {
      throw new SpecError('COMMITMENT_MISMATCH', 'commitment');
    }
    if (ref.kind !== 'none') {
      if (!isObject(inputs.beaconValue)) throw new SpecError('MALFORMED_BEACON', 'beaconValue', 'missing');
      if (ref.kind === 'drand' && inputs.beaconValue.round !== undefined && inputs.beaconValue.round !== ref.round) {
        throw new SpecError('BEACON_MISMATCH', 'beaconValue.round');
      }
    }
  }
  return { commitAt, roundTime: rt };
}

// ---------------------------------------------------------------------------
// §5 The lottery for one seat

/**
 * ranked: [{ id, nl, ... }] in (nl, id) order, nl BigInt; tol BigInt. Returns
 * the pool (rank order) with BigInt weights after capping.
 */
export function lotteryWeights(ranked, tol, minPool, maxPool, capBp) {
  // 1-2. Window.
  const L = ranked[0].nl;
  const countUpTo = (bound) => ranked.filter((j) => j.nl <= bound).length;
  let size = countUpTo(L + tol);
  // 3. Maximum pool, then minimum pool; ties at the boundary all join.
  if (size > maxPool) size = countUpTo(ranked[maxPool - 1].nl);
  if (size < minPool) {
    size = Math.min(minPool, ranked.length);
    size = countUpTo(ranked[size - 1].nl);
  }
  // 4. Weights w = H + tol − nl.
  const pool = ranked.slice(0, size);
  let H = pool[0].nl;
  for (const j of pool) if (j.nl > H) H = j.nl;
  const weights = capWeights(pool.map((j) => H + tol - j.nl), capBp);
  return pool.map((j, i) => ({ ...j, weight: weights[i] }));
}

/** §5 step 5: the cap (weights BigInt, capBp BigInt or number). */
export function capWeights(weights, capBp) {
  const cap = BigInt(capBp);
  const W = weights.reduce((a, b) => a + b, 0n);
  const sorted = [...weights].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const n = sorted.length;
  if (sorted[0] * 10000n <= cap * W) return weights;
  let level = null;
  let R = W;
  for (let c = 1; c <= n; c++) {
    R -= sorted[c - 1]; // the weights after the first c
    const cb = BigInt(c);
    if (cb * cap >= 10000n) {
      level = sorted[c - 1];
      break;
    }
    const x = (cap * R) / (10000n - cb * cap);
    if (c < n && x >= sorted[c]) {
      level = x;
      break;
    }
  }
  if (level === null) return weights.map(() => 1n);
  return weights.map((w) => (w < level ? w : level));
}

// ---------------------------------------------------------------------------
// Preparation: validated inputs turned into the run's state.

/** Validates (for drawing unless told otherwise) and returns the run's state. */
export function prepare(inputs, { drawing = true } = {}) {
  if (typeof inputs === 'string') inputs = JSON.parse(inputs);
  const { roundTime: rt } = validate(inputs, { drawing });
  const digestObj = digestObject(inputs);
  const digest = sha256(utf8(canonical(digestObj)));
  const seed = Buffer.from(inputs.seed, 'hex');
  const commit = commitmentOf(seed, digest);
  const ref = inputs.beacon;
  const B = drawing ? beaconRandomness(ref, inputs.beaconValue) : Buffer.alloc(32);
  const config = inputs.config ?? {};
  const judges = new Map();
  inputs.judges.forEach((j, i) => {
    judges.set(j.id, {
      id: j.id,
      inputIndex: i,
      department: j.department,
      caseTypes: new Set(j.caseTypes),
      leader: LEADER_ROLES.has(j.role),
      shareBp: scaledExact(parseDecimal(j.share), 4),
      load: units(j.load ?? '0'),
      availability: j.availability ?? 'available',
      region: j.region ?? null,
    });
  });
  const cases = new Map();
  for (const c of inputs.cases) {
    cases.set(c.id, {
      id: c.id,
      caseType: c.caseType,
      department: c.department,
      weight: units(c.weight ?? '1'),
      hard: c.hard ?? false,
      leaderExcluded: c.leaderExcluded ?? false,
      recused: new Set(c.recuse ?? []),
      avoidRegions: new Set(c.avoidRegions ?? []),
      panelSize: c.panelSize ?? 1,
      distinctRegions: c.distinctRegions ?? false,
      seats: [], // judge ids in seat order
      assigned: false,
    });
  }
  const minPool = config.minPool ?? 3;
  const capBp = scaledExact(parseDecimal(config.maxProbability ?? '0.5'), 4);
  // §8 warnings, in order.
  const warnings = [];
  if (minPool < 3) warnings.push('WEAK_MIN_POOL');
  if (capBp >= 9000n) warnings.push('WEAK_MAX_PROBABILITY');
  if (ref.kind === 'none') warnings.push('NO_BEACON');
  if (ref.kind === 'publicText') warnings.push('BEACON_NOT_SIGNATURE_CHECKED');
  // §9 header.
  const header = {
    algorithm: ALGORITHM,
    beacon: {
      randomness: B.toString('hex'),
      reference: ref,
      roundTime: rt,
      signatureChecked: ref.kind === 'drand',
      value: inputs.beaconValue ?? null,
    },
    commitment: commit,
    committedAt: inputs.committedAt,
    config: configRecord(config),
    court: inputs.court ?? '',
    format: FORMAT,
    inputsDigest: digest.toString('hex'),
    previousHead: digestObj.previousHead,
    warnings,
  };
  return {
    inputs,
    digest,
    commitment: commit,
    key: runKey(seed, B, digest),
    minPool,
    maxPool: config.maxPool ?? 8,
    capBp,
    tol: units(config.tolerance ?? '2'),
    memberBp: units(config.panelMemberShare ?? '0.2'),
    judges,
    sortedJudges: [...judges.values()].sort((a, b) => idCompare(a.id, b.id)),
    cases,
    events: digestObj.events,
    header,
  };
}

// ---------------------------------------------------------------------------
// §7 The run: events applied in order, one ledger entry per event.

export class Run {
  constructor(inputs, options) {
    Object.assign(this, prepare(inputs, options));
    this.headerLine = canonical(this.header);
    this.headerHash = sha256(utf8(this.headerLine)).toString('hex');
    this.entries = [];
    this.lines = [this.headerLine];
  }

  /** The chain head: the last entry's hash, or the header hash (§9). */
  get head() {
    return this.entries.length === 0 ? this.headerHash : this.entries[this.entries.length - 1].hash;
  }

  /** The ledger text (§9). */
  get text() {
    return this.lines.map((l) => l + '\n').join('');
  }

  // §7: seat 0 is credited the weight, every other seat
  // floor((weight × member_bp + 5000) / 10000).
  credit(kase, seat) {
    return seat === 0 ? kase.weight : (kase.weight * this.memberBp + 5000n) / 10000n;
  }

  // §2: nl = floor(load_units × 10000 / share_bp).
  nl(judge) {
    return (judge.load * 10000n) / judge.shareBp;
  }

  // §4: the first exclusion reason that applies, or null when eligible.
  exclusion(judge, kase, others) {
    if (judge.department !== kase.department) return 'department';
    if (!judge.caseTypes.has(kase.caseType)) return 'caseType';
    if (judge.availability !== 'available') return 'availability';
    if (others.includes(judge.id)) return 'alreadyOnCase';
    if (kase.recused.has(judge.id)) return 'recusal';
    if (judge.region !== null) {
      if (kase.avoidRegions.has(judge.region)) return 'region';
      if (kase.distinctRegions && others.some((id) => this.judges.get(id).region === judge.region)) return 'region';
    }
    if (kase.hard && !judge.leader) return 'hardCaseList';
    if (kase.leaderExcluded && judge.leader) return 'leaderExcluded';
    return null;
  }

  addLoad(judge, amount, eventIndex) {
    const load = judge.load + amount;
    if (load > MAX_UNITS) throw new SpecError('OUT_OF_RANGE', `events[${eventIndex}].caseId`, `load of ${judge.id} would pass 10^10 units`);
    judge.load = load;
  }

  // §4-5: draws one seat; `others` are the judges holding the case's other seats.
  drawSeat(kase, seatNo, others, stream, eventIndex) {
    const excluded = {};
    const eligible = [];
    for (const judge of this.sortedJudges) {
      const why = this.exclusion(judge, kase, others);
      if (why === null) eligible.push(judge);
      else excluded[why] = (excluded[why] ?? 0) + 1;
    }
    if (eligible.length === 0) {
      throw new SpecError('NO_ELIGIBLE_JUDGE', `events[${eventIndex}].caseId`, `case ${kase.id} seat ${seatNo}`, {
        caseId: kase.id, seat: seatNo, excluded,
      });
    }
    const ranked = eligible
      .map((j) => ({ id: j.id, nl: this.nl(j), load: j.load }))
      .sort((a, b) => (a.nl < b.nl ? -1 : a.nl > b.nl ? 1 : idCompare(a.id, b.id)));
    const pool = lotteryWeights(ranked, this.tol, this.minPool, this.maxPool, this.capBp)
      .sort((a, b) => idCompare(a.id, b.id));
    // 6. Low entropy.
    const W = pool.reduce((a, j) => a + j.weight, 0n);
    let maxW = 0n;
    for (const j of pool) if (j.weight > maxW) maxW = j.weight;
    let lowEntropy = null;
    if (eligible.length < this.minPool) lowEntropy = 'POOL_BELOW_MINIMUM';
    else if (maxW * 10000n > this.capBp * W) lowEntropy = 'PROBABILITY_CAP_UNREACHABLE';
    // 7. Pick: the first in id order whose running sum exceeds r.
    const r = stream.below(W);
    let acc = 0n;
    let chosen = null;
    for (const j of pool) {
      acc += j.weight;
      if (acc > r) {
        chosen = j.id;
        break;
      }
    }
    const sortedExcluded = {};
    for (const k of EXCLUSION_ORDER) if (excluded[k]) sortedExcluded[k] = excluded[k];
    return {
      chosen,
      eligible: eligible.length,
      excluded: sortedExcluded,
      lowEntropy,
      pool: pool.map((j) => [j.id, fmt4(j.load), j.weight, fmtProbability(j.weight, W)]),
      seat: seatNo,
    };
  }

  manual(event) {
    return {
      approver: event.approver,
      judgeId: event.judgeId,
      loadBefore: fmt4(this.judges.get(event.judgeId).load),
      reason: event.reason,
      time: event.time,
    };
  }

  // §3 replay errors for a designated or newly assigned judge.
  checkNewJudge(kase, judgeId, i) {
    if (kase.recused.has(judgeId)) throw new SpecError('INVALID_EVENT', `events[${i}].judgeId`, 'judge recused from the case');
    if (kase.seats.includes(judgeId)) throw new SpecError('INVALID_EVENT', `events[${i}].judgeId`, 'judge already on the case');
    if (this.judges.get(judgeId).availability === 'transferred') {
      throw new SpecError('INVALID_EVENT', `events[${i}].judgeId`, 'judge transferred');
    }
  }

  /** Applies the next event and returns its entry (§7, §9). */
  apply(event) {
    const index = this.entries.length;
    const { kind } = event;
    let entry;
    if (kind === 'availability') {
      this.judges.get(event.judgeId).availability = event.availability;
      entry = {
        caseId: null,
        change: {
          approver: event.approver ?? null,
          availability: event.availability,
          judgeId: event.judgeId,
          reason: event.reason ?? null,
          time: event.time ?? null,
        },
        index,
        judges: [],
        kind,
        manual: null,
        replaced: null,
        seats: [],
      };
    } else {
      const kase = this.cases.get(event.caseId);
      const seats = [];
      let manual = null;
      let replaced = null;
      let entryKind = kind;
      if (kind === 'draw' || kind === 'designate') {
        if (kase.assigned) throw new SpecError('INVALID_EVENT', `events[${index}].caseId`, 'case already assigned');
        let first = 0;
        if (kind === 'designate') {
          this.checkNewJudge(kase, event.judgeId, index);
          manual = this.manual(event);
          kase.seats = [event.judgeId];
          this.addLoad(this.judges.get(event.judgeId), this.credit(kase, 0), index);
          first = 1;
        }
        const stream = entryStream(this.key, index);
        for (let s = first; s < kase.panelSize; s++) {
          const seat = this.drawSeat(kase, s, [...kase.seats], stream, index);
          seats.push(seat);
          kase.seats.push(seat.chosen);
          this.addLoad(this.judges.get(seat.chosen), this.credit(kase, s), index);
        }
        kase.assigned = true;
      } else if (kind === 'reassign') {
        if (!kase.assigned) throw new SpecError('INVALID_EVENT', `events[${index}].caseId`, 'case not assigned');
        this.checkNewJudge(kase, event.judgeId, index);
        manual = this.manual(event);
        const old = this.judges.get(kase.seats[0]);
        replaced = old.id;
        const credit = this.credit(kase, 0);
        old.load -= credit;
        this.addLoad(this.judges.get(event.judgeId), credit, index);
        kase.seats[0] = event.judgeId;
      } else if (kind === 'recuse') {
        if (!kase.assigned) throw new SpecError('INVALID_EVENT', `events[${index}].caseId`, 'case not assigned');
        const seatNo = kase.seats.indexOf(event.judgeId);
        if (seatNo < 0) throw new SpecError('INVALID_EVENT', `events[${index}].judgeId`, 'judge not on the case');
        manual = this.manual(event);
        replaced = event.judgeId;
        kase.recused.add(event.judgeId);
        const credit = this.credit(kase, seatNo);
        this.judges.get(event.judgeId).load -= credit;
        const others = kase.seats.filter((_, k) => k !== seatNo);
        const seat = this.drawSeat(kase, seatNo, others, entryStream(this.key, index), index);
        seats.push(seat);
        kase.seats[seatNo] = seat.chosen;
        this.addLoad(this.judges.get(seat.chosen), credit, index);
        entryKind = 'redraw';
      }
      entry = {
        caseId: kase.id,
        change: null,
        index,
        judges: [...kase.seats],
        kind: entryKind,
        manual,
        replaced,
        seats,
      };
    }
    entry.hash = entryHash(this.head, entry);
    this.entries.push(entry);
    this.lines.push(canonical(entry));
    return entry;
  }

  /** Applies every event. */
  run() {
    for (let i = this.entries.length; i < this.events.length; i++) this.apply(this.events[i]);
    return this;
  }
}

/** The ledger text of a run (§9): header line and one line per entry. */
export function replay(inputs) {
  return new Run(inputs).run().text;
}

/**
 * §12: the judges after the run (load 4 places, availability) and the head.
 * §12 does not say how the other members are written; the package (and the
 * small-court vector) write `name` "" when absent, `share` as the decimal
 * text given (a JSON number as its shortest decimal, a string unchanged, not
 * normalised), `region` only when present.
 */
export function carryForward(inputs) {
  const run = new Run(inputs).run();
  const judges = run.inputs.judges.map((j) => {
    const state = run.judges.get(j.id);
    const out = {
      id: j.id,
      name: j.name ?? '',
      department: j.department,
      caseTypes: j.caseTypes,
      role: j.role,
      share: decimalText(j.share),
      load: fmt4(state.load),
      availability: state.availability,
    };
    if (j.region !== undefined) out.region = j.region;
    return out;
  });
  return { judges, previousHead: run.head };
}

// ---------------------------------------------------------------------------
// §9 Entry hash

function opt(s) {
  return s === null ? u8(0) : Buffer.concat([u8(1), str(s)]);
}

function reasonBytes(r) {
  return r === null ? u8(0) : Buffer.concat([u8(1), str(r.code), opt(r.text ?? null)]);
}

/** §9: the entry hash over prev (hex) of an entry's hashed members. */
export function entryHash(prevHex, entry) {
  const parts = [
    utf8('shenguan/entry/v2'), u8(0), Buffer.from(prevHex, 'hex'), u64be(entry.index), u8(KIND_CODE[entry.kind]),
    opt(entry.caseId), u32be(entry.judges.length), ...entry.judges.map(str), opt(entry.replaced),
  ];
  const m = entry.manual;
  parts.push(m === null
    ? u8(0)
    : Buffer.concat([u8(1), str(m.judgeId), str(m.loadBefore), reasonBytes(m.reason), str(m.approver), str(m.time)]));
  const c = entry.change;
  parts.push(c === null
    ? u8(0)
    : Buffer.concat([u8(1), str(c.judgeId), str(c.availability), reasonBytes(c.reason), opt(c.approver), opt(c.time)]));
  return sha256(...parts).toString('hex');
}

// ---------------------------------------------------------------------------
// §9 "Reading a ledger": each line must parse as its type and re-serialise to
// exactly its bytes.

const MIB = 1024 * 1024;

/** Splits ledger text into lines, or throws MALFORMED_LEDGER at `ledger`. */
function splitLedger(text) {
  if (typeof text !== 'string' || text.length === 0) throw new SpecError('MALFORMED_LEDGER', 'ledger', 'empty');
  if (!text.endsWith('\n')) throw new SpecError('MALFORMED_LEDGER', 'ledger', 'does not end with a line feed');
  const lines = text.slice(0, -1).split('\n');
  for (const l of lines) if (utf8(l).length > 32 * MIB) throw new SpecError('MALFORMED_LEDGER', 'ledger', 'line longer than 32 MiB');
  return lines;
}

const t = {
  str: (v) => typeof v === 'string',
  optStr: (v) => v === null || typeof v === 'string',
  int: (v) => Number.isSafeInteger(v) && v >= 0,
  hex: (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
  strArray: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
};

function exactMembers(obj, members) {
  if (!isObject(obj)) return '';
  const keys = Object.keys(obj);
  for (const k of keys) if (!(k in members)) return k;
  for (const [k, check] of Object.entries(members)) {
    if (!(k in obj)) return k;
    const bad = check(obj[k]);
    if (bad === false) return k;
    if (typeof bad === 'string') return `${k}${bad}`;
  }
  return null;
}

function reasonType(r) {
  if (r === null) return true;
  const bad = exactMembers(r, { code: (c) => REASON_CODES.has(c) });
  if (bad === null) return true;
  if (isObject(r) && Object.keys(r).length === 2) {
    const b2 = exactMembers(r, { code: (c) => REASON_CODES.has(c), text: t.str });
    return b2 === null ? true : `.${b2}`;
  }
  return bad === '' ? false : `.${bad}`;
}

const sub = (members) => (v) => {
  const bad = exactMembers(v, members);
  return bad === null ? true : bad === '' ? false : `.${bad}`;
};

const SEAT_TYPE = {
  chosen: t.str,
  eligible: t.int,
  excluded: (v) => isObject(v) && Object.entries(v).every(([k, n]) => EXCLUSION_ORDER.includes(k) && t.int(n) && n > 0),
  lowEntropy: (v) => v === null || v === 'POOL_BELOW_MINIMUM' || v === 'PROBABILITY_CAP_UNREACHABLE',
  pool: (v) => Array.isArray(v) && v.every((row) => Array.isArray(row) && row.length === 4
    && t.str(row[0]) && t.str(row[1]) && t.int(row[2]) && t.str(row[3])),
  seat: t.int,
};

const ENTRY_TYPE = {
  caseId: t.optStr,
  change: (v) => v === null || sub({
    approver: t.optStr, availability: (a) => AVAILABILITIES.has(a), judgeId: t.str, reason: reasonType, time: t.optStr,
  })(v),
  hash: t.hex,
  index: t.int,
  judges: t.strArray,
  kind: (v) => v in KIND_CODE,
  manual: (v) => v === null || sub({ approver: t.str, judgeId: t.str, loadBefore: t.str, reason: (r) => r !== null && reasonType(r), time: t.str })(v),
  replaced: t.optStr,
  seats: (v) => Array.isArray(v) && v.every((s) => exactMembers(s, SEAT_TYPE) === null),
};

const HEADER_TYPE = {
  algorithm: t.str,
  beacon: sub({
    randomness: t.hex, reference: isObject, roundTime: (v) => v === null || t.int(v), signatureChecked: (v) => typeof v === 'boolean',
    value: (v) => v === null || isObject(v),
  }),
  commitment: t.hex,
  committedAt: t.str,
  config: sub({ maxPool: t.int, maxProbability: t.str, minPool: t.int, panelMemberShare: t.str, tolerance: t.str }),
  court: t.str,
  format: t.str,
  inputsDigest: t.hex,
  previousHead: (v) => v === null || t.hex(v),
  warnings: t.strArray,
};

// Parses one line as a header (index null) or an entry; throws MALFORMED_LEDGER.
function readLine(line, index) {
  const at = index === null ? 'ledger.header' : `ledger.entries[${index}]`;
  const lineNo = index === null ? 1 : index + 2;
  const fail = (member, why) => {
    throw new SpecError('MALFORMED_LEDGER', member ? `${at}.${member}` : at, why, { line: lineNo });
  };
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    fail(null, 'not JSON');
  }
  const bad = exactMembers(value, index === null ? HEADER_TYPE : ENTRY_TYPE);
  if (bad !== null) fail(bad || null, 'not of its type');
  if (index === null && (value.format !== FORMAT || value.algorithm !== ALGORITHM)) {
    throw new SpecError('MALFORMED_LEDGER', 'ledger.header.format', 'not this version', { line: 1 });
  }
  let again;
  try {
    again = canonical(value);
  } catch {
    fail(null, 'not canonical');
  }
  if (again !== line) fail(null, 'not in canonical form');
  return value;
}

// ---------------------------------------------------------------------------
// §10 Verification

/**
 * verifyChain: checks every entry's index and hash over the previous hash.
 * Returns { ok, entries, head, firstBroken, problem }: firstBroken the index
 * of the first broken entry (null when intact), head null when broken. A text
 * that cannot be read (§9) throws SpecError MALFORMED_LEDGER.
 */
export function checkChain(ledgerText) {
  const lines = splitLedger(ledgerText);
  readLine(lines[0], null);
  const entries = lines.slice(1).map((line, i) => readLine(line, i));
  let prev = sha256(utf8(lines[0])).toString('hex');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.index !== i) return { ok: false, entries: entries.length, firstBroken: i, head: null, problem: 'index' };
    if (entryHash(prev, entry) !== entry.hash) return { ok: false, entries: entries.length, firstBroken: i, head: null, problem: 'hash' };
    prev = entry.hash;
  }
  return { ok: true, entries: entries.length, firstBroken: null, head: prev, problem: null };
}

/**
 * verifyLedger: replays the inputs and compares the ledger line by line with
 * the replay, byte for byte. Returns { ok, entries, expectedEntries, head,
 * firstDifference, chain }, firstDifference = { index, field } (index null for
 * the header; field `header.<member>`, an entry member, or `entry` when an
 * entry is missing or extra). An input that does not replay, or a ledger that
 * cannot be read, throws SpecError (paths prefixed `inputs.` / `ledger...`).
 */
export function verify(inputs, ledgerText) {
  let run;
  try {
    run = new Run(inputs).run();
  } catch (err) {
    if (err instanceof SpecError) err.path = `inputs.${err.path}`;
    throw err;
  }
  const lines = splitLedger(ledgerText);
  // Every line must read (§9), even past the first difference: verifyLedger
  // and verifyChain accept and refuse the same texts.
  lines.forEach((line, k) => {
    if (line !== run.lines[k]) readLine(line, k === 0 ? null : k - 1);
  });
  const chain = checkChain(ledgerText);
  let firstDifference = null;
  const n = Math.min(lines.length, run.lines.length);
  for (let k = 0; k < n && firstDifference === null; k++) {
    if (lines[k] === run.lines[k]) continue;
    const index = k === 0 ? null : k - 1;
    const found = readLine(lines[k], index);
    const expected = JSON.parse(run.lines[k]);
    const field = Object.keys(expected).sort().find((m) => canonical(expected[m]) !== canonical(found[m]));
    firstDifference = { index, field: index === null ? `header.${field}` : field };
  }
  if (firstDifference === null && lines.length !== run.lines.length) {
    firstDifference = { index: n - 1, field: 'entry' };
  }
  return {
    ok: firstDifference === null && chain.ok,
    entries: lines.length - 1,
    expectedEntries: run.entries.length,
    head: run.head,
    firstDifference,
    chain,
  };
}
