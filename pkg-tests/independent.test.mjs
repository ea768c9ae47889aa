// Checks the independent JavaScript implementation of docs/assignment.md
// (pkg-tests/independent/verifier.mjs, written from the specification text)
// against the pinned test vectors and against the WASM package, on the fixture
// court and on synthetic courts: ledger bytes, commitment, chain hashes, and
// where a tampered ledger is first found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import {
  canonical, inputsDigest, commitment, commitRun, replay, verify, checkChain, entryHash, carryForward, Run, ChaChaStream, chachaBlock,
  SpecError,
} from './independent/verifier.mjs';

const require = createRequire(import.meta.url);
const packagePath = new URL('../pkg/full/node.cjs', import.meta.url).pathname;
let shenguanModule;
// The WASM package (built by `make pkg`); a test that compares with it fails
// with a clear message when it has not been built.
function shenguan() {
  if (shenguanModule === undefined) {
    if (!existsSync(packagePath)) throw new Error('pkg/full/node.cjs is missing: run `make pkg` first');
    shenguanModule = require(packagePath);
  }
  return shenguanModule;
}
const plain = (v) => JSON.parse(JSON.stringify(v));
const packageLedger = (input) => shenguan().assign(input);
const withoutCommitment = ({ commitment: _c, beaconValue: _b, ...rest }) => rest;
const packageCommitment = (input) => shenguan().commitRun(withoutCommitment(input)).commitment;

const vectorDir = new URL('../tests/vectors/assignment/', import.meta.url).pathname;
const fixturePath = new URL('../tests/fixtures/small-court.json', import.meta.url).pathname;
const fixture = JSON.parse(readFileSync(fixturePath, 'utf8'));

// Every step of the assignment vectors.
function vectorSteps() {
  const out = [];
  for (const name of readdirSync(vectorDir).filter((n) => n.endsWith('.json')).sort()) {
    const vector = JSON.parse(readFileSync(join(vectorDir, name), 'utf8'));
    (vector.steps ?? [vector]).forEach((step, i) => out.push({ label: `vectors/assignment/${name} step ${i} (${step.function})`, ...step }));
  }
  return out;
}

const lines = (text) => text.slice(0, -1).split('\n');

// Where two ledger texts first differ (for readable failures).
function firstLineDifference(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}:\n  independent ${x[i]}\n  other       ${y[i]}`;
  }
  return null;
}

function assertSameLedger(mine, theirs, what) {
  assert.equal(typeof theirs, 'string', `${what}: a ledger text`);
  if (mine !== theirs) assert.fail(`${what} differs at ${firstLineDifference(mine, theirs)}`);
}

// ---------------------------------------------------------------------------
// Building blocks

test('ChaCha20 block function: RFC 8439 test vector 2.3.2', () => {
  const key = Buffer.from([...Array(32).keys()]);
  const nonce = Buffer.from('000000090000004a00000000', 'hex');
  const words = [...chachaBlock(key, 1, nonce)].map((w) => w.toString(16).padStart(8, '0'));
  assert.deepEqual(words, [
    'e4e7f110', '15593bd1', '1fdd0f50', 'c47120a3', 'c7f4d1c7', '0368c033', '9aaa2204', '4e6cd4c3',
    '466482d2', '09aa9f07', '05d7c214', 'a2028bd9', 'd19c12b5', 'b94e16de', 'e883d0cb', '4e3c50a2',
  ]);
});

test('ChaCha20 keystream: RFC 8439 A.1, continuity across blocks, counter start, 64-bit words', () => {
  assert.equal(new ChaChaStream(Buffer.alloc(32)).bytes(16).toString('hex'), '76b8e0ada0f13d90405d6ae55386bd28');
  const a = new ChaChaStream(Buffer.alloc(32));
  const bytes = Buffer.concat([a.bytes(5), a.bytes(100), a.bytes(300), a.bytes(3)]);
  assert.equal(bytes.toString('hex'), new ChaChaStream(Buffer.alloc(32)).bytes(408).toString('hex'));
  const c = new ChaChaStream(Buffer.alloc(32), Buffer.alloc(12), 1);
  assert.equal(bytes.subarray(64, 128).toString('hex'), c.bytes(64).toString('hex'));
  // Words are little-endian: bytes 0-7 of block 0 are the first word.
  assert.equal(new ChaChaStream(Buffer.alloc(32)).word(), 0x903df1a0ade0b876n);
  // below(n): the first word is below the zone for n = 3, so it is used.
  assert.equal(new ChaChaStream(Buffer.alloc(32)).below(3), 0x903df1a0ade0b876n % 3n);
  assert.equal(new ChaChaStream(Buffer.alloc(32)).below(1), 0n);
});

test('canonical JSON', () => {
  assert.equal(
    canonical({ b: null, a: [1, 'x', 12n], é: true, '\u0001': '\n"\\\u007f', '\u{1F600}': 1, '\uFF21': 2 }),
    '{"\\u0001":"\\n\\"\\\\\u007f","a":[1,"x",12],"b":null,"é":true,"\u{1F600}":1,"\uFF21":2}',
  );
});

// ---------------------------------------------------------------------------
// The fixture court and the vectors

test('fixture court: commitment as pinned in the fixture and as commitRun computes it', () => {
  assert.equal(commitment(fixture), fixture.commitment);
  assert.equal(commitment(withoutCommitment(fixture)), fixture.commitment);
  assert.equal(packageCommitment(fixture), fixture.commitment);
  const report = plain(shenguan().commitRun(withoutCommitment(fixture)));
  if (report.inputsDigest !== undefined) assert.equal(report.inputsDigest, inputsDigest(fixture));
});

test('fixture court: replay equals the package, byte for byte; chain and verification hold', () => {
  const mine = replay(fixture);
  assert.equal(lines(mine).length, 1 + fixture.events.length);
  const header = JSON.parse(lines(mine)[0]);
  assert.equal(header.commitment, fixture.commitment);
  assert.equal(header.inputsDigest, inputsDigest(fixture));
  assert.deepEqual(header.warnings, ['BEACON_NOT_SIGNATURE_CHECKED']);
  assertSameLedger(mine, packageLedger(fixture), 'package ledger');
  const chain = checkChain(mine);
  assert.equal(chain.ok, true);
  assert.equal(chain.head, JSON.parse(lines(mine).at(-1)).hash);
  assert.deepEqual(pick(verify(fixture, mine), ['ok', 'firstDifference']), { ok: true, firstDifference: null });
  // The same court without a beacon (and with the implicit events: one
  // draw per case) draws differently, and says so.
  const { events: _events, ...rest } = withoutCommitment(fixture);
  const none = { ...rest, beacon: { kind: 'none' } };
  none.commitment = commitment(none);
  assert.equal(packageCommitment(none), none.commitment);
  const noneText = replay(none);
  assert.deepEqual(JSON.parse(lines(noneText)[0]).warnings, ['NO_BEACON']);
  assertSameLedger(noneText, packageLedger(none), 'package ledger, beacon none');
});

// What the independent implementation gives for a vector step's function.
const independent = {
  assign: (input) => replay(input),
  commitRun: (input) => commitRun(input),
  verifyLedger: ({ inputs, ledger }) => verify(inputs, ledger),
  verifyChain: ({ ledger }) => checkChain(ledger),
  carryForward: (input) => carryForward(input),
};

// The members of a report this implementation computes.
function comparable(fn, report) {
  const chain = (c) => pick(c, ['ok', 'entries', 'firstBroken', 'head']);
  if (fn === 'verifyChain') return chain(report);
  if (fn === 'verifyLedger') {
    return {
      ...pick(report, ['ok', 'entries', 'expectedEntries', 'head']),
      firstDifference: report.firstDifference && pick(report.firstDifference, ['index', 'field']),
      chain: chain(report.chain),
    };
  }
  return report;
}

for (const step of vectorSteps()) {
  test(`vector: ${step.label}`, (t) => {
    const run = independent[step.function];
    if (run === undefined) {
      t.skip(`${step.function} is not implemented independently`);
      return;
    }
    if (step.expectedError) {
      if (step.expectedError.code === 'BEACON_INVALID') {
        // The BLS signature is the package's to check (see beaconRandomness).
        t.skip('drand BLS signatures are not checked independently');
        return;
      }
      assert.throws(() => run(step.input), (err) => {
        assert.ok(err instanceof SpecError, err.stack);
        assert.equal(err.code, step.expectedError.code);
        assert.equal(err.path, step.expectedError.path);
        return true;
      });
      return;
    }
    const mine = run(step.input);
    if (step.function === 'assign') {
      assert.equal(typeof step.expected, 'string', 'a pinned ledger text');
      assertSameLedger(mine, step.expected, 'pinned ledger');
      assertSameLedger(mine, packageLedger(step.input), 'package ledger');
      assert.equal(checkChain(mine).ok, true);
      assert.equal(commitment(step.input), step.input.commitment.toLowerCase());
    } else {
      assert.equal(canonical(comparable(step.function, mine)), canonical(comparable(step.function, step.expected)));
    }
  });
}

function pick(obj, keys) {
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}

// ---------------------------------------------------------------------------
// Tampering

// Edits one member of entry k of a ledger text (the line re-serialised
// canonically, so it still reads).
function editEntry(text, k, edit) {
  const ls = lines(text);
  const entry = JSON.parse(ls[k + 1]);
  edit(entry);
  ls[k + 1] = canonical(entry);
  return ls.map((l) => l + '\n').join('');
}

// A different but well-formed value for each hashed member of an entry.
function hashedEdits(judgeIds) {
  const other = (id) => judgeIds.find((j) => j !== id);
  const edits = {
    caseId: (e) => { e.caseId = e.caseId === null ? 'C001' : `${e.caseId}x`; },
    judges: (e) => { e.judges = e.judges.length === 0 ? [judgeIds[0]] : [other(e.judges[0]), ...e.judges.slice(1)]; },
    kind: (e) => { e.kind = e.kind === 'draw' ? 'designate' : 'draw'; },
    manual: (e) => {
      e.manual = e.manual === null
        ? { approver: 'x', judgeId: judgeIds[0], loadBefore: '0.0000', reason: { code: 'health' }, time: '2026-03-01' }
        : { ...e.manual, loadBefore: e.manual.loadBefore === '0.0000' ? '0.0001' : '0.0000' };
    },
    replaced: (e) => { e.replaced = e.replaced === null ? judgeIds[0] : other(e.replaced); },
    change: (e) => {
      e.change = e.change === null
        ? { approver: null, availability: 'absent', judgeId: judgeIds[0], reason: null, time: null }
        : { ...e.change, availability: e.change.availability === 'absent' ? 'onLeave' : 'absent' };
    },
    index: (e) => { e.index += 1; },
    hash: (e) => { e.hash = (e.hash[0] === '0' ? '1' : '0') + e.hash.slice(1); },
  };
  return edits;
}

// The hashed members of every entry, edited one at a time, are found by the
// chain at that entry (independently and by the package), and by replay at
// that entry and member.
function tamperChecks(input, text) {
  const judgeIds = input.judges.map((j) => j.id);
  const entries = lines(text).slice(1).map((l) => JSON.parse(l));
  let checked = 0;
  for (let k = 0; k < entries.length; k++) {
    for (const [member, edit] of Object.entries(hashedEdits(judgeIds))) {
      const tampered = editEntry(text, k, edit);
      const chain = checkChain(tampered);
      assert.equal(chain.ok, false, `entry ${k} ${member}`);
      assert.equal(chain.firstBroken, k, `entry ${k} ${member}: firstBroken`);
      assert.equal(chain.head, null);
      const v = verify(input, tampered);
      assert.equal(v.ok, false);
      // The edited member is the first, in canonical order, that differs
      // (the recorded hash is left as it was).
      assert.deepEqual(v.firstDifference, { index: k, field: member }, `entry ${k} ${member}: verify`);
      if (checked % 7 === 0) {
        const pkgChain = plain(shenguan().verifyChain({ ledger: tampered }));
        assert.equal(pkgChain.ok, false);
        assert.equal(pkgChain.firstBroken, k, `package verifyChain, entry ${k} ${member}`);
        const pkgVerify = plain(shenguan().verifyLedger({ inputs: input, ledger: tampered }));
        assert.equal(pkgVerify.ok, false);
        assert.equal(pkgVerify.firstDifference.index, k, `package verifyLedger, entry ${k} ${member}`);
        assert.equal(pkgVerify.firstDifference.field, v.firstDifference.field, `package verifyLedger field, entry ${k} ${member}`);
      }
      checked++;
    }
  }
  // Seats are not hashed: the chain holds, replay finds the change.
  let seatEdits = 0;
  for (let k = 0; k < entries.length; k++) {
    const seats = entries[k].seats;
    const s = seats.findIndex((x) => x.pool.length > 1);
    if (s < 0) continue;
    const tampered = editEntry(text, k, (e) => {
      const seat = e.seats[s];
      seat.chosen = seat.pool.find((row) => row[0] !== seat.chosen)[0];
    });
    assert.equal(checkChain(tampered).ok, true, `seat edit in entry ${k} keeps the chain`);
    assert.deepEqual(verify(input, tampered).firstDifference, { index: k, field: 'seats' });
    if (seatEdits < 3) {
      const pkgVerify = plain(shenguan().verifyLedger({ inputs: input, ledger: tampered }));
      assert.equal(pkgVerify.ok, false);
      assert.equal(pkgVerify.firstDifference.index, k);
      assert.equal(pkgVerify.firstDifference.field, 'seats');
      assert.equal(plain(shenguan().verifyChain({ ledger: tampered })).ok, true);
    }
    seatEdits++;
    // A seat edit together with the matching `judges` (re-hashed, and every
    // later entry re-chained) still differs from the replay at k.
    const rechained = rechain(editEntry(tampered, k, (e) => { e.judges[e.seats[s].seat] = e.seats[s].chosen; }));
    assert.equal(checkChain(rechained).ok, true);
    assert.deepEqual(verify(input, rechained).firstDifference, { index: k, field: 'hash' });
  }
  assert.ok(seatEdits > 0);
  // A missing or extra entry.
  const ls = lines(text);
  const dropped = [...ls.slice(0, -1)].map((l) => l + '\n').join('');
  assert.deepEqual(verify(input, dropped).firstDifference, { index: entries.length - 1, field: 'entry' });
  assert.equal(checkChain(dropped).ok, true, 'a truncated ledger is a shorter chain');
  // The header.
  const header = JSON.parse(ls[0]);
  header.court = `${header.court}!`;
  const edited = [canonical(header), ...ls.slice(1)].map((l) => l + '\n').join('');
  assert.deepEqual(verify(input, edited).firstDifference, { index: null, field: 'header.court' });
  if (entries.length > 0) assert.equal(checkChain(edited).firstBroken, 0);
  return checked;
}

// Recomputes every entry hash of a ledger text over its predecessor.
function rechain(text) {
  const ls = lines(text);
  let prev = createSha256(ls[0]);
  for (let i = 1; i < ls.length; i++) {
    const e = JSON.parse(ls[i]);
    e.hash = entryHash(prev, e);
    prev = e.hash;
    ls[i] = canonical(e);
  }
  return ls.map((l) => l + '\n').join('');
}

function createSha256(text) {
  return createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
}

test('fixture court: every hashed member of every entry is bound by the chain; seats by replay', () => {
  const checked = tamperChecks(fixture, replay(fixture));
  assert.equal(checked, 8 * fixture.events.length);
});

test('malformed ledger texts are refused, by the chain check and by replay alike', () => {
  const text = replay(fixture);
  const bad = [
    ['', 'ledger'],
    [text.slice(0, -1), 'ledger'],
    [text.replace('\n', '\r\n'), 'ledger.header'],
    [text.replace('{"caseId"', '{ "caseId"'), 'ledger.entries[0]'],
    [`${text}\n`, 'ledger.entries[12]'],
    [text.replace('"index":3,', '"index":3,"index":3,'), 'ledger.entries[3]'],
    [text.replace('"kind":"draw"', '"kind":"lottery"'), 'ledger.entries[0].kind'],
    [text.replace('shenguan-ledger/2', 'shenguan-ledger/1'), 'ledger.header.format'],
  ];
  for (const [ledger, path] of bad) {
    const refused = (err) => err instanceof SpecError && err.code === 'MALFORMED_LEDGER' && err.path === path;
    assert.throws(() => checkChain(ledger), refused, path);
    assert.throws(() => verify(fixture, ledger), refused, path);
  }
});

// ---------------------------------------------------------------------------
// Synthetic courts

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function hex(rng, bytes) {
  let s = '';
  for (let i = 0; i < bytes * 2; i++) s += '0123456789abcdef'[Math.floor(rng() * 16)];
  return s;
}

const choose = (rng, xs) => xs[Math.floor(rng() * xs.length)];
const chance = (rng, p) => rng() < p;

const LEADERS = ['president', 'vicePresident', 'committeeMember', 'divisionChief', 'deputyChief'];
const REASONS = ['statutoryRecusal', 'transfer', 'health', 'integrityRisk', 'leaderPresides', 'other'];

function reasonFor(rng) {
  const code = choose(rng, REASONS);
  return code === 'other' ? { code, text: choose(rng, ['承办人长期出差', 'workload "balance"\n']) } : { code };
}

/**
 * A synthetic court with its events. The outcome of a draw depends on every
 * input (section 6), so events are built to be valid whatever the draws give:
 * draws only where enough judges are eligible whatever the others' seats;
 * designations, re-assignments to judges of another department (never drawn
 * for the case), recusal of a designated judge (always on the case); and a
 * few recusals of a guessed panel member, made valid by trying seeds (the
 * seed is not in the inputs digest) until every event replays.
 */
function syntheticCourt(seed, { nJudges = 25, nCases = 300, guesses = 2, beacon } = {}) {
  const rng = mulberry32(seed);
  const config = choose(rng, [
    undefined,
    { minPool: 4, maxProbability: '0.35', tolerance: '1.5', panelMemberShare: '0.25' },
    { minPool: 2, maxProbability: 0.6, tolerance: 3, panelMemberShare: 0.2 },
    { maxProbability: '0.2', tolerance: '0.5', maxPool: 5 },
    { minPool: 1, maxPool: 2, maxProbability: '0.95', tolerance: '0.00005', panelMemberShare: '0' },
  ]);
  const departments = [
    { id: 'civil', types: ['contract', 'tort', 'family'] },
    { id: '刑事庭', types: ['theft', 'fraud'] },
    { id: 'admin', types: ['licence', 'tax', 'land'] },
  ];
  // Ids that sort differently by UTF-8 bytes and by UTF-16 code units.
  const specialIds = ['J\u{1F600}', 'J\uFF21', 'Jé', 'K10', 'K9', 'j1'];
  const judges = [];
  for (let i = 0; i < nJudges; i++) {
    const dept = departments[i % departments.length];
    const types = dept.types.filter(() => chance(rng, 0.75));
    if (types.length === 0) types.push(dept.types[i % dept.types.length]);
    const judge = {
      id: i % 3 === 0 && i / 3 < specialIds.length ? specialIds[i / 3] : `J${String(i).padStart(2, '0')}`,
      department: dept.id,
      caseTypes: types,
      role: i < 6 ? LEADERS[i % 5] : chance(rng, 0.3) ? choose(rng, LEADERS) : 'judge',
      share: choose(rng, ['1', '1', '1', 1, '0.5', 0.8, '0.05', '0.3333', '1.0']),
    };
    if (chance(rng, 0.5)) judge.load = choose(rng, ['0', '1.5', '3.25', 2, 0.1, '0.00005', '7.00004', '0.0']);
    if (chance(rng, 0.85)) judge.region = choose(rng, ['north', 'south', 'east', 'west']);
    if (chance(rng, 0.1)) judge.availability = choose(rng, ['absent', 'onLeave']);
    if (chance(rng, 0.5)) judge.name = `法官${i}`;
    judges.push(judge);
  }
  // Deterministic state while generating: availability and recusals.
  const availability = new Map(judges.map((j) => [j.id, j.availability ?? 'available']));
  const cases = [];
  for (let i = 0; i < nCases; i++) {
    const dept = choose(rng, departments);
    const kase = { id: `C${String(i).padStart(4, '0')}`, caseType: choose(rng, dept.types), department: dept.id };
    if (chance(rng, 0.7)) kase.weight = choose(rng, ['0.5', '1', '2.75', 1, 0.75, '0.33335', '3', '1.00', '0.00005']);
    if (chance(rng, 0.1)) kase.hard = true;
    else if (chance(rng, 0.1)) kase.leaderExcluded = true;
    if (chance(rng, 0.1)) kase.recuse = judges.filter((j) => j.department === dept.id && chance(rng, 0.2)).map((j) => j.id);
    if (chance(rng, 0.08)) kase.avoidRegions = [choose(rng, ['north', 'west'])];
    if (chance(rng, 0.12)) {
      kase.panelSize = choose(rng, [2, 3, 3]);
      if (chance(rng, 0.6)) kase.distinctRegions = true;
    }
    if (chance(rng, 0.2)) kase.filedOn = `2026-03-${String(1 + Math.floor(rng() * 20)).padStart(2, '0')}`;
    if (chance(rng, 0.05) && kase.hard === undefined) kase.hard = false;
    cases.push(kase);
  }
  const recused = new Map(cases.map((c) => [c.id, new Set(c.recuse ?? [])]));
  const leader = (j) => j.role !== 'judge';
  // Judges eligible for a case whatever the other seats (section 4 without
  // alreadyOnCase and distinctRegions).
  const eligibleNow = (c) => judges.filter((j) => j.department === c.department && j.caseTypes.includes(c.caseType)
    && availability.get(j.id) === 'available' && !recused.get(c.id).has(j.id)
    && !(j.region !== undefined && (c.avoidRegions ?? []).includes(j.region))
    && !(c.hard && !leader(j)) && !(c.leaderExcluded && leader(j)));
  // Enough judges for `n` seats whatever the draws, besides judge `j` (on
  // the case or recused); with distinct regions, n distinct regions other than
  // j's (a judge without region is distinct from every other).
  const drawable = (c, n, j = null) => {
    const e = eligibleNow(c).filter((x) => x.id !== j?.id);
    if (!c.distinctRegions) return e.length >= n;
    const taken = j?.region;
    return new Set(e.filter((x) => x.region === undefined || x.region !== taken).map((x) => x.region ?? `none:${x.id}`)).size >= n;
  };
  const base = () => ({ config, judges, cases, committedAt: '2026-03-01T08:00:00Z', beacon: { kind: 'none' } });
  const time = (day) => `2026-03-${String(day).padStart(2, '0')}T09:30:00+08:00`;
  const events = [];
  const pending = []; // follow-ups: functions returning an event or null
  const emit = (e) => events.push(e);
  let guessed = 0;
  for (const kase of cases) {
    const size = kase.panelSize ?? 1;
    const others = judges.filter((j) => j.department !== kase.department && availability.get(j.id) !== 'transferred'
      && !recused.get(kase.id).has(j.id));
    if (chance(rng, 0.12)) {
      // Designation: any judge of the department, or one of another.
      const pool = judges.filter((j) => availability.get(j.id) !== 'transferred' && !recused.get(kase.id).has(j.id)
        && (j.department === kase.department || chance(rng, 0.2)));
      const j = pool.length > 0 ? choose(rng, pool) : null;
      if (j && drawable(kase, size - 1, j)) {
        let reason = reasonFor(rng);
        let day = 10;
        if (kase.filedOn && (j.role === 'divisionChief' || j.role === 'deputyChief') && chance(rng, 0.6)) {
          reason = { code: 'chiefTakeoverWithin7Days' };
          day = Number(kase.filedOn.slice(8)) + Math.floor(rng() * 8);
        }
        emit({ kind: 'designate', caseId: kase.id, judgeId: j.id, reason, approver: '院长', time: time(day) });
        if (chance(rng, 0.5) && !kase.distinctRegions) {
          pending.push(() => {
            if (!drawable(kase, size, j)) return null;
            recused.get(kase.id).add(j.id);
            return { kind: 'recuse', caseId: kase.id, judgeId: j.id, reason: reasonFor(rng), approver: '庭长', time: time(12) };
          });
        }
        continue;
      }
    }
    if (!drawable(kase, size)) continue;
    emit({ kind: 'draw', caseId: kase.id });
    if (chance(rng, 0.08) && others.length > 0) {
      pending.push(() => {
        const k = others.filter((j) => availability.get(j.id) !== 'transferred' && !recused.get(kase.id).has(j.id));
        if (k.length === 0) return null;
        return { kind: 'reassign', caseId: kase.id, judgeId: choose(rng, k).id, reason: reasonFor(rng), approver: '副院长', time: time(14) };
      });
    }
    if (guessed < guesses && size > 1 && events.length > 5) {
      // A guessed panel member: valid only for seeds that put it on the case.
      // The guess is a judge a trial run (another seed) put there.
      let x = null;
      try {
        const trial = new Run({ ...base(), events, seed: hex(rng, 32) }, { drawing: false }).run();
        const id = choose(rng, trial.cases.get(kase.id).seats);
        x = judges.find((j) => j.id === id);
      } catch (err) {
        if (!(err instanceof SpecError)) throw err; // an earlier guess this trial missed
      }
      if (x && drawable(kase, size, x)) {
        guessed++;
        recused.get(kase.id).add(x.id);
        emit({ kind: 'recuse', caseId: kase.id, judgeId: x.id, reason: { code: 'statutoryRecusal' }, approver: '庭长', time: time(11) });
      }
    }
    if (pending.length > 0 && chance(rng, 0.3)) {
      const e = pending.splice(Math.floor(rng() * pending.length), 1)[0]();
      if (e) emit(e);
    }
    if (chance(rng, 0.05)) {
      const j = choose(rng, judges);
      const state = choose(rng, ['available', 'available', 'absent', 'onLeave', 'transferred']);
      const event = { kind: 'availability', judgeId: j.id, availability: state };
      if (chance(rng, 0.5)) Object.assign(event, { reason: reasonFor(rng), approver: '政治部', time: time(9) });
      else if (chance(rng, 0.3)) event.time = '2026-03-09';
      availability.set(j.id, state);
      emit(event);
    }
  }
  for (const f of pending) {
    const e = f();
    if (e) emit(e);
  }
  const input = {
    court: '合成法院 synthetic',
    config,
    judges,
    cases,
    events,
    seed: '',
    committedAt: '2026-03-01T08:00:00Z',
    beacon: beacon === 'drand' ? drandRound.beacon : beacon ?? (seed % 2 === 0
      ? { kind: 'none' }
      : { kind: 'publicText', source: `福彩3D ${seed}`, draw: `2026${String(seed).padStart(3, '0')}` }),
  };
  if (input.config === undefined) delete input.config;
  if (chance(rng, 0.3)) delete input.court;
  if (input.beacon.kind === 'publicText') input.beaconValue = { values: [String(seed % 10), '17', '0', '123'] };
  if (input.beacon.kind === 'drand') input.beaconValue = drandRound.beaconValue;
  if (seed % 3 === 1) input.previousHead = hex(rng, 32).toUpperCase();
  // Seeds until every event replays.
  const failures = [];
  const seen = {};
  for (let trial = 0; trial < 2000; trial++) {
    input.seed = trial % 2 === 0 ? hex(rng, 32) : hex(rng, 32).toUpperCase();
    input.commitment = commitment(input);
    try {
      new Run(input).run();
      return { input, failures };
    } catch (err) {
      if (!(err instanceof SpecError) || !['INVALID_EVENT', 'NO_ELIGIBLE_JUDGE'].includes(err.code)) throw err;
      seen[`${err.code} ${err.path}`] = (seen[`${err.code} ${err.path}`] ?? 0) + 1;
      if (failures.length < 3) failures.push({ input: structuredClone(input), code: err.code, path: err.path });
    }
  }
  throw new Error(`synthetic court ${seed}: no seed replays every event: ${JSON.stringify(seen)}`);
}

// The package's error for an input it refuses (whatever form it throws).
function packageError(fn) {
  try {
    fn();
  } catch (err) {
    let e = err;
    if (typeof e === 'string') e = JSON.parse(e);
    if (e && typeof e.message === 'string' && e.code === undefined) {
      try { e = JSON.parse(e.message); } catch { /* not JSON */ }
    }
    return e;
  }
  return null;
}

function compareWithPackage(input, label) {
  assert.equal(packageCommitment(input), input.commitment, `${label}: commitment`);
  assert.equal(commitment(input), input.commitment);
  const mine = replay(input);
  assertSameLedger(mine, packageLedger(input), `${label}: package ledger`);
  assert.equal(checkChain(mine).ok, true);
  const mineCarry = carryForward(input);
  const theirs = plain(shenguan().carryForward(input));
  assert.deepEqual(mineCarry.previousHead, theirs.previousHead, `${label}: carryForward head`);
  assert.deepEqual(mineCarry.judges, theirs.judges, `${label}: carryForward judges`);
  return mine;
}

// A real drand quicknet round with its signature (from the drand vector; the
// package checks the signature, this implementation hashes it).
const drandRound = (() => {
  const step = JSON.parse(readFileSync(join(vectorDir, 'drand.json'), 'utf8')).steps[0].input;
  return { beacon: step.beacon, beaconValue: step.beaconValue };
})();

const synthetic = new Map();
function court(seed, options) {
  const key = `${seed}:${JSON.stringify(options ?? {})}`;
  if (!synthetic.has(key)) synthetic.set(key, syntheticCourt(seed, options));
  return synthetic.get(key);
}

// Beacons: court 1 public text, 2 and 4 none, 3 a drand round.
const courtOptions = (seed) => (seed === 3 ? { beacon: 'drand' } : undefined);
for (const seed of [1, 2, 3, 4]) {
  test(`synthetic court ${seed}: independent replay equals the package, byte for byte`, () => {
    const { input, failures } = court(seed, courtOptions(seed));
    const mine = compareWithPackage(input, `court ${seed}`);
    const entries = lines(mine).slice(1).map((l) => JSON.parse(l));
    assert.ok(entries.length > 250, `entries ${entries.length}`);
    for (const kind of ['draw', 'designate', 'reassign', 'redraw', 'availability']) {
      assert.ok(entries.some((e) => e.kind === kind), `an entry of kind ${kind}`);
    }
    assert.ok(entries.some((e) => e.seats.length === 3));
    const header = JSON.parse(lines(mine)[0]);
    assert.equal(header.previousHead, input.previousHead?.toLowerCase() ?? null);
    assert.equal(header.court, input.court ?? '');
    // Seeds that did not replay every event fail the same way in the package.
    for (const f of failures) {
      const err = packageError(() => shenguan().assign(f.input));
      assert.ok(err, `court ${seed}: the package refuses a failing seed`);
      assert.equal(err.code, f.code, `court ${seed}: error code`);
      assert.equal(err.path, f.path, `court ${seed}: error path`);
    }
  });
}

test('small synthetic courts (tight pools, caps, low entropy) equal the package', () => {
  for (let seed = 100; seed < 140; seed++) {
    const { input } = court(seed, { nJudges: 6 + (seed % 5), nCases: 40, guesses: 1 });
    compareWithPackage(input, `small court ${seed}`);
  }
});

test('synthetic court: tampering is found where it happens (independently and by the package)', () => {
  const { input } = court(5, { nJudges: 15, nCases: 40 });
  const checked = tamperChecks(input, replay(input));
  assert.ok(checked >= 8 * 40);
});

// Which branches of the lottery the ledgers exercised.
function coverage(text, minPool) {
  const c = {
    capped: 0, uniform: 0, belowMinimum: 0, capUnreachable: 0, minPoolTies: 0, panelRedraw: 0, nonAsciiPools: 0,
    designatedPanel: 0, takeover: 0,
  };
  for (const e of lines(text).slice(1).map((l) => JSON.parse(l))) {
    if (e.kind === 'redraw' && e.seats[0].seat > 0) c.panelRedraw++;
    if (e.kind === 'designate' && e.seats.length > 0) c.designatedPanel++;
    if (e.manual?.reason.code === 'chiefTakeoverWithin7Days') c.takeover++;
    for (const s of e.seats) {
      if (s.lowEntropy === 'POOL_BELOW_MINIMUM') c.belowMinimum++;
      if (s.lowEntropy === 'PROBABILITY_CAP_UNREACHABLE') c.capUnreachable++;
      if (s.pool.every((p) => p[2] === 1) && s.pool.length > 1) c.uniform++;
      if (s.pool.length > minPool && s.eligible > s.pool.length) c.minPoolTies++;
      if (s.pool.filter((p) => /[^\x00-\x7f]/.test(p[0])).length >= 2) c.nonAsciiPools++;
      const max = Math.max(...s.pool.map((p) => p[2]));
      const atMax = s.pool.filter((p) => p[2] === max);
      if (max > 1 && atMax.length > 1 && new Set(atMax.map((p) => p[1])).size > 1) c.capped++;
    }
  }
  return c;
}

test('synthetic courts exercise every branch of the lottery', (t) => {
  const total = {};
  const add = (input) => {
    const c = coverage(replay(input), input.config?.minPool ?? 3);
    for (const k of Object.keys(c)) total[k] = (total[k] ?? 0) + c[k];
  };
  for (let seed = 100; seed < 140; seed++) add(court(seed, { nJudges: 6 + (seed % 5), nCases: 40, guesses: 1 }).input);
  for (const seed of [1, 2, 3, 4]) add(court(seed, courtOptions(seed)).input);
  t.diagnostic(JSON.stringify(total));
  for (const [k, v] of Object.entries(total)) assert.ok(v > 0, `${k}: ${v}`);
});

test('verify reports inputs that do not replay with the inputs. path', () => {
  const bad = structuredClone(fixture);
  bad.events[10].judgeId = 'J07';
  bad.commitment = commitment(bad);
  assert.throws(() => verify(bad, replay(fixture)), (err) => err.code === 'INVALID_EVENT' && err.path === 'inputs.events[10].judgeId');
});
