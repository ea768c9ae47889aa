// Independent implementation of docs/assignment.md (algorithm shenguan-assign/1,
// ledger format shenguan-ledger/1) and docs/canonical-json.md, in plain
// JavaScript with node:crypto only. Every quantity that decides an outcome is a
// BigInt; decimals are parsed from their decimal text, never through binary
// floating point.
import { createHash, createCipheriv } from 'node:crypto';

const FORMAT = 'shenguan-ledger/1';
const ALGORITHM = 'shenguan-assign/1';
const LEADER_ROLES = new Set(['president', 'vicePresident', 'committeeMember', 'divisionChief', 'deputyChief']);
const EXCLUSION_ORDER = [
  'department', 'caseType', 'availability', 'alreadyOnCase', 'recusal', 'region', 'hardCaseList', 'leaderExcluded',
];

// ---------------------------------------------------------------------------
// Canonical JSON (canonical-json.md)

export function canonical(v) {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v !== null && typeof v === 'object') {
    return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}';
  }
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new Error(`canonical JSON: non-integer number ${v}`);
  return JSON.stringify(v);
}

function sha256(...parts) {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

function sha256Hex(text) {
  return createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
}

// ---------------------------------------------------------------------------
// Decimals

const TEN = 10n;
const pow10 = (n) => TEN ** BigInt(n);

// A decimal as { neg, mant, scale }: value = (neg ? -1 : 1) * mant / 10^scale.
function parseDecimal(value) {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') throw new Error(`not a decimal: ${JSON.stringify(value)}`);
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not a decimal: ${JSON.stringify(value)}`);
  const intPart = m[2];
  const frac = m[3] ?? '';
  const exp = m[4] ? Number(m[4]) : 0;
  let mant = BigInt((intPart + frac) || '0');
  let scale = frac.length - exp;
  if (scale < 0) {
    mant *= pow10(-scale);
    scale = 0;
  }
  return { neg: m[1] === '-' && mant !== 0n, mant, scale };
}

// round_half_up(x, places) * 10^places, as a BigInt.
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

function normalisedDecimal(value) {
  const d = parseDecimal(value);
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
  return (d.neg ? '-' : '') + out;
}

export function units(value) {
  return scaledHalfUp(parseDecimal(value), 4);
}

// A load in units with exactly 4 places.
function fmt4(u) {
  const neg = u < 0n;
  const a = neg ? -u : u;
  return (neg ? '-' : '') + (a / 10000n).toString() + '.' + (a % 10000n).toString().padStart(4, '0');
}

// w / W with exactly 6 places, rounded half-up.
function fmtProbability(w, W) {
  const m = (w * 2000000n + W) / (2n * W);
  return (m / 1000000n).toString() + '.' + (m % 1000000n).toString().padStart(6, '0');
}

// ---------------------------------------------------------------------------
// Id order: byte order of the UTF-8 encoding.

function idCompare(a, b) {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

// ---------------------------------------------------------------------------
// Randomness

const COMMIT_TAG = Buffer.from('shenguan/commit/v1', 'ascii');
const DRAW_TAG = Buffer.from('shenguan/draw-seed/v1', 'ascii');

function seedBytes(seedHex) {
  if (typeof seedHex !== 'string' || !/^[0-9a-fA-F]{64}$/.test(seedHex)) throw new Error('MALFORMED_SEED');
  return Buffer.from(seedHex, 'hex');
}

function beaconBytes(hex) {
  if (hex === undefined || hex === null) return Buffer.alloc(0);
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex) || hex.length > 512) {
    throw new Error('MALFORMED_BEACON');
  }
  return Buffer.from(hex, 'hex');
}

export function commitment(seedHex) {
  return sha256(COMMIT_TAG, Buffer.from([0]), seedBytes(seedHex)).toString('hex');
}

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

export function drawSeed(seed, runBeacon, eventBeacon, caseId, index, prev) {
  const cid = Buffer.from(caseId, 'utf8');
  return sha256(
    DRAW_TAG, Buffer.from([0]), seed,
    u32be(runBeacon.length), runBeacon,
    u32be(eventBeacon.length), eventBeacon,
    u32be(cid.length), cid,
    u64be(index), prev,
  );
}

// ChaCha20 keystream (key = 32 bytes, nonce 0, counter from 0), produced lazily.
export class ChaChaStream {
  constructor(key, nonce = Buffer.alloc(12), counter = 0) {
    const iv = Buffer.alloc(16);
    iv.writeUInt32LE(counter, 0);
    Buffer.from(nonce).copy(iv, 4);
    this.cipher = createCipheriv('chacha20', Buffer.from(key), iv);
    this.buf = Buffer.alloc(0);
    this.pos = 0;
  }

  bytes(n) {
    while (this.buf.length - this.pos < n) {
      const more = this.cipher.update(Buffer.alloc(64 * 4));
      this.buf = Buffer.concat([this.buf.subarray(this.pos), more]);
      this.pos = 0;
    }
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  word() {
    return this.bytes(8).readBigUInt64LE(0);
  }

  below(n) {
    n = BigInt(n);
    if (n < 1n || n > (1n << 64n)) throw new Error(`below(n) needs 1 <= n <= 2^64, got ${n}`);
    const two64 = 1n << 64n;
    const zone = two64 - (two64 % n);
    for (;;) {
      const w = this.word();
      if (w < zone) return w % n;
    }
  }
}

// ---------------------------------------------------------------------------
// The lottery for one seat (section 5)

// ranked: [{ id, nl }] in (nl, id) order. Returns the pool in rank order with
// integer weights after capping, and whether a level was found.
export function lotteryWeights(ranked, tol, minPool, maxPool, capBp) {
  const L = ranked[0].nl;
  let size = ranked.filter((j) => j.nl <= L + tol).length;
  if (size > maxPool) {
    const B = ranked[maxPool - 1].nl;
    size = ranked.filter((j) => j.nl <= B).length;
  }
  if (size < minPool) {
    size = Math.min(minPool, ranked.length);
    const B = ranked[size - 1].nl;
    size = ranked.filter((j) => j.nl <= B).length;
  }
  const pool = ranked.slice(0, size);
  let H = pool[0].nl;
  for (const j of pool) if (j.nl > H) H = j.nl;
  let weights = pool.map((j) => H + tol - j.nl);
  weights = capWeights(weights, capBp);
  return pool.map((j, i) => ({ ...j, weight: weights[i] }));
}

export function capWeights(weights, capBp) {
  const cap = BigInt(capBp);
  const W = weights.reduce((a, b) => a + b, 0n);
  const sorted = [...weights].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const n = sorted.length;
  if (sorted[0] * 10000n <= cap * W) return weights;
  let level = null;
  for (let c = 1; c <= n; c++) {
    let R = 0n;
    for (let k = c; k < n; k++) R += sorted[k];
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
// Inputs

function prepare(inputs) {
  if (typeof inputs === 'string') inputs = JSON.parse(inputs);
  const seed = seedBytes(inputs.seed);
  const commit = commitment(inputs.seed);
  if (inputs.commitment !== undefined && inputs.commitment.toLowerCase() !== commit) {
    throw new Error('COMMITMENT_MISMATCH');
  }
  const runBeacon = beaconBytes(inputs.beacon);
  const config = inputs.config ?? {};
  const minPool = config.minPool ?? 3;
  const maxPool = config.maxPool ?? 8;
  const maxProbability = config.maxProbability ?? '0.5';
  const tolerance = config.tolerance ?? '2';
  const panelMemberShare = config.panelMemberShare ?? '0.2';
  const capBp = scaledExact(parseDecimal(maxProbability), 4);
  if (capBp === null || capBp < 1n || capBp > 10000n) throw new Error('INVALID_INPUT: maxProbability');
  const tol = units(tolerance);
  const memberBp = units(panelMemberShare);

  const judges = new Map();
  for (const j of inputs.judges) {
    if (judges.has(j.id)) throw new Error(`DUPLICATE_ID: judge ${j.id}`);
    const shareBp = scaledExact(parseDecimal(j.share), 4);
    if (shareBp === null || shareBp < 1n || shareBp > 10000n) throw new Error(`INVALID_SHARE: ${j.id}`);
    judges.set(j.id, {
      id: j.id,
      department: j.department,
      caseTypes: new Set(j.caseTypes),
      role: j.role,
      leader: LEADER_ROLES.has(j.role),
      shareBp,
      load: units(j.load ?? '0'),
      availability: j.availability ?? 'available',
      region: j.region ?? null,
    });
  }
  const cases = new Map();
  for (const c of inputs.cases) {
    if (cases.has(c.id)) throw new Error(`DUPLICATE_ID: case ${c.id}`);
    const weightText = normalisedDecimal(c.weight ?? '1');
    const digestCase = {
      id: c.id,
      caseType: c.caseType,
      department: c.department,
      weight: weightText,
      hard: c.hard ?? false,
      leaderExcluded: c.leaderExcluded ?? false,
      recuse: c.recuse ?? [],
      avoidRegions: c.avoidRegions ?? [],
      panelSize: c.panelSize ?? 1,
      distinctRegions: c.distinctRegions ?? false,
    };
    if (c.filedOn !== undefined) digestCase.filedOn = c.filedOn;
    cases.set(c.id, {
      id: c.id,
      caseType: c.caseType,
      department: c.department,
      weight: units(c.weight ?? '1'),
      hard: digestCase.hard,
      leaderExcluded: digestCase.leaderExcluded,
      recused: new Set(digestCase.recuse),
      avoidRegions: new Set(digestCase.avoidRegions),
      panelSize: digestCase.panelSize,
      distinctRegions: digestCase.distinctRegions,
      digestCase,
      seats: [], // judge ids in seat order
      assigned: false,
    });
  }
  const events = inputs.events ?? inputs.cases.map((c) => ({ kind: 'draw', caseId: c.id }));
  const header = {
    format: FORMAT,
    algorithm: ALGORITHM,
    court: inputs.court ?? '',
    commitment: commit,
    beacon: runBeacon.toString('hex'),
    config: {
      maxPool,
      minPool,
      maxProbability: normalisedDecimal(maxProbability),
      tolerance: normalisedDecimal(tolerance),
      panelMemberShare: normalisedDecimal(panelMemberShare),
    },
  };
  if (inputs.previousHead !== undefined) {
    if (typeof inputs.previousHead !== 'string' || !/^[0-9a-fA-F]{64}$/.test(inputs.previousHead)) {
      throw new Error('INVALID_INPUT previousHead');
    }
    header.previousHead = inputs.previousHead.toLowerCase();
  }
  return { seed, runBeacon, minPool, maxPool, capBp, tol, memberBp, judges, cases, events, header };
}

// ---------------------------------------------------------------------------
// The run: events applied in order, one ledger entry per draw, designation,
// re-assignment or re-draw.

export class Run {
  constructor(inputs) {
    Object.assign(this, prepare(inputs));
    this.headerHash = sha256Hex(canonical(this.header));
    this.entries = [];
  }

  get ledger() {
    return { header: this.header, headerHash: this.headerHash, entries: this.entries };
  }

  // Restorable copy of the mutable state.
  snapshot() {
    return {
      loads: [...this.judges.values()].map((j) => [j, j.load, j.availability]),
      cases: [...this.cases.values()].map((c) => [c, [...c.seats], new Set(c.recused), c.assigned]),
      entries: this.entries.length,
    };
  }

  restore(s) {
    for (const [j, load, availability] of s.loads) {
      j.load = load;
      j.availability = availability;
    }
    for (const [c, seats, recused, assigned] of s.cases) {
      c.seats = seats;
      c.recused = recused;
      c.assigned = assigned;
    }
    this.entries.length = s.entries;
  }

  // Applies one event; on error the state is left unchanged.
  tryApply(event) {
    const s = this.snapshot();
    try {
      return this.apply(event);
    } catch (err) {
      this.restore(s);
      throw err;
    }
  }

  credit(kase, seat) {
    return seat === 0 ? kase.weight : (kase.weight * this.memberBp + 5000n) / 10000n;
  }

  nl(judge) {
    return (judge.load * 10000n) / judge.shareBp;
  }

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

  // Draws one seat; `others` are the judges holding the case's other seats.
  drawSeat(kase, seatNo, others, stream) {
    const excluded = {};
    const eligible = [];
    for (const judge of this.judges.values()) {
      const why = this.exclusion(judge, kase, others);
      if (why === null) eligible.push(judge);
      else excluded[why] = (excluded[why] ?? 0) + 1;
    }
    if (eligible.length === 0) {
      const err = new Error(`NO_ELIGIBLE_JUDGE: case ${kase.id} seat ${seatNo} ${JSON.stringify(excluded)}`);
      err.code = 'NO_ELIGIBLE_JUDGE';
      throw err;
    }
    const ranked = eligible
      .map((j) => ({ id: j.id, nl: this.nl(j), load: j.load }))
      .sort((a, b) => (a.nl < b.nl ? -1 : a.nl > b.nl ? 1 : idCompare(a.id, b.id)));
    const pool = lotteryWeights(ranked, this.tol, this.minPool, this.maxPool, this.capBp).sort((a, b) => idCompare(a.id, b.id));
    const W = pool.reduce((a, j) => a + j.weight, 0n);
    let maxW = 0n;
    for (const j of pool) if (j.weight > maxW) maxW = j.weight;
    let lowEntropy = null;
    if (eligible.length < this.minPool) lowEntropy = 'POOL_BELOW_MINIMUM';
    else if (maxW * 10000n > this.capBp * W) lowEntropy = 'PROBABILITY_CAP_UNREACHABLE';
    const r = stream.below(W);
    let run = 0n;
    let chosen = null;
    for (const j of pool) {
      run += j.weight;
      if (run > r) {
        chosen = j.id;
        break;
      }
    }
    const sortedExcluded = {};
    for (const k of EXCLUSION_ORDER) if (excluded[k]) sortedExcluded[k] = excluded[k];
    return {
      seat: seatNo,
      eligible: eligible.length,
      excluded: sortedExcluded,
      pool: pool.map((j) => ({ judge: j.id, load: fmt4(j.load), weight: Number(j.weight), p: fmtProbability(j.weight, W) })),
      chosen,
      lowEntropy,
    };
  }

  stream(event, kase) {
    const index = this.entries.length;
    const prev = Buffer.from(index === 0 ? this.headerHash : this.entries[index - 1].hash, 'hex');
    const key = drawSeed(this.seed, this.runBeacon, beaconBytes(event.beacon), kase.id, index, prev);
    return new ChaChaStream(key);
  }

  judge(id) {
    const j = this.judges.get(id);
    if (!j) throw new Error(`UNKNOWN_JUDGE: ${id}`);
    return j;
  }

  kase(id) {
    const c = this.cases.get(id);
    if (!c) throw new Error(`UNKNOWN_CASE: ${id}`);
    return c;
  }

  manual(event, judgeId) {
    return {
      judgeId,
      reason: event.reason,
      approver: event.approver,
      time: event.time,
      loadBefore: fmt4(this.judge(judgeId).load),
    };
  }

  apply(event) {
    const { kind } = event;
    if (kind === 'availability') {
      this.judge(event.judgeId).availability = event.availability;
      return null;
    }
    const kase = this.kase(event.caseId);
    let entryKind;
    let seats = [];
    let manual = null;
    let replaced = null;
    if (kind === 'draw' || kind === 'designate') {
      if (kase.assigned) throw new Error(`case ${kase.id} already assigned`);
      const stream = this.stream(event, kase);
      let first = 0;
      if (kind === 'designate') {
        const j = this.judge(event.judgeId);
        manual = this.manual(event, j.id);
        kase.seats = [j.id];
        j.load += this.credit(kase, 0);
        first = 1;
      } else {
        kase.seats = [];
      }
      for (let s = first; s < kase.panelSize; s++) {
        const seat = this.drawSeat(kase, s, [...kase.seats], stream);
        seats.push(seat);
        kase.seats.push(seat.chosen);
        this.judges.get(seat.chosen).load += this.credit(kase, s);
      }
      kase.assigned = true;
      entryKind = kind;
    } else if (kind === 'reassign') {
      if (!kase.assigned) throw new Error(`case ${kase.id} not assigned`);
      const j = this.judge(event.judgeId);
      manual = this.manual(event, j.id);
      const old = this.judge(kase.seats[0]);
      replaced = old.id;
      const credit = this.credit(kase, 0);
      old.load -= credit;
      j.load += credit;
      kase.seats[0] = j.id;
      entryKind = 'reassign';
    } else if (kind === 'recuse') {
      const j = this.judge(event.judgeId);
      const seatNo = kase.seats.indexOf(j.id);
      if (seatNo < 0) throw new Error(`judge ${j.id} not on case ${kase.id}`);
      manual = this.manual(event, j.id);
      replaced = j.id;
      kase.recused.add(j.id);
      const credit = this.credit(kase, seatNo);
      j.load -= credit;
      const others = kase.seats.filter((_, i) => i !== seatNo);
      const stream = this.stream(event, kase);
      const seat = this.drawSeat(kase, seatNo, others, stream);
      seats = [seat];
      kase.seats[seatNo] = seat.chosen;
      this.judges.get(seat.chosen).load += credit;
      entryKind = 'redraw';
    } else {
      throw new Error(`unknown event kind ${kind}`);
    }
    const index = this.entries.length;
    const entry = {
      index,
      kind: entryKind,
      caseId: kase.id,
      inputDigest: sha256Hex(canonical({ case: kase.digestCase, event })),
      seats,
      manual,
      replaced,
      judges: [...kase.seats],
      prev: index === 0 ? this.headerHash : this.entries[index - 1].hash,
    };
    entry.hash = sha256Hex(canonical(entry));
    this.entries.push(entry);
    return entry;
  }
}

export function replay(inputs) {
  const run = new Run(inputs);
  for (const event of run.events) run.apply(event);
  return run.ledger;
}

// ---------------------------------------------------------------------------
// Verification (section 9)

const ENTRY_MEMBERS = ['index', 'kind', 'caseId', 'inputDigest', 'seats', 'manual', 'replaced', 'judges', 'prev', 'hash'];

function same(a, b) {
  return canonical(a) === canonical(b);
}

export function verify(inputs, ledger) {
  const expected = replay(inputs);
  for (const k of Object.keys(expected.header)) {
    if (!same(expected.header[k], ledger.header?.[k])) return { ok: false, firstDifference: { index: null, field: `header.${k}` } };
  }
  if (!same(Object.keys(expected.header).sort(), Object.keys(ledger.header ?? {}).sort())) {
    return { ok: false, firstDifference: { index: null, field: 'header' } };
  }
  if (expected.headerHash !== ledger.headerHash) return { ok: false, firstDifference: { index: null, field: 'headerHash' } };
  const found = ledger.entries ?? [];
  const n = Math.min(expected.entries.length, found.length);
  for (let i = 0; i < n; i++) {
    const e = expected.entries[i];
    const f = found[i];
    for (const k of ENTRY_MEMBERS) {
      if (!same(e[k], f?.[k] ?? null) || !(f && k in f)) return { ok: false, firstDifference: { index: i, field: k } };
    }
    const extra = Object.keys(f).find((k) => !ENTRY_MEMBERS.includes(k));
    if (extra !== undefined) return { ok: false, firstDifference: { index: i, field: extra } };
  }
  if (expected.entries.length !== found.length) return { ok: false, firstDifference: { index: n, field: 'entries' } };
  return { ok: true, firstDifference: null };
}

// Recomputes the header hash, every entry hash and every prev link.
// firstBroken: null when intact, 'header' when headerHash is wrong, else the
// index of the first entry whose prev or hash does not hold.
export function checkChain(ledger) {
  if (sha256Hex(canonical(ledger.header)) !== ledger.headerHash) return { ok: false, firstBroken: 'header' };
  let prev = ledger.headerHash;
  for (let i = 0; i < ledger.entries.length; i++) {
    const { hash, ...rest } = ledger.entries[i];
    if (rest.index !== i || rest.prev !== prev || sha256Hex(canonical(rest)) !== hash) return { ok: false, firstBroken: i };
    prev = hash;
  }
  return { ok: true, firstBroken: null };
}
