// Checks the independent JavaScript implementation of docs/assignment.md
// (pkg-tests/independent/verifier.mjs) against the pinned test vectors and
// against the WASM package, on the fixture court and on synthetic courts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import {
  canonical, commitment, replay, verify, checkChain, Run, ChaChaStream,
} from './independent/verifier.mjs';

const require = createRequire(import.meta.url);
const shenguan = require('../pkg/node/shenguan.js');
const vectorDir = new URL('../tests/vectors/assignment/', import.meta.url).pathname;
const fixtureDir = new URL('../tests/fixtures/', import.meta.url).pathname;

const plain = (v) => JSON.parse(JSON.stringify(v));
const packageLedger = (input) => plain(shenguan.assign(input));

// Every assignment input available: vector steps that call `assign` and
// expect a ledger, plus the fixture courts.
function assignmentInputs() {
  const out = [];
  for (const name of readdirSync(vectorDir).filter((n) => n.endsWith('.json')).sort()) {
    const vector = JSON.parse(readFileSync(join(vectorDir, name), 'utf8'));
    (vector.steps ?? [vector]).forEach((step, i) => {
      if (step.function === 'assign' && !step.expectedError) {
        out.push({ label: `vectors/assignment/${name} step ${i}`, input: step.input, expected: step.expected });
      }
    });
  }
  for (const name of readdirSync(fixtureDir).filter((n) => n.endsWith('.json')).sort()) {
    const input = JSON.parse(readFileSync(join(fixtureDir, name), 'utf8'));
    if (Array.isArray(input.judges) && Array.isArray(input.cases) && typeof input.seed === 'string') {
      out.push({ label: `fixtures/${name}`, input, expected: undefined });
    }
  }
  return out;
}

const inputs = assignmentInputs();

test('assignment inputs were found', () => {
  assert.ok(inputs.some((x) => x.label === 'fixtures/small-court.json'));
  assert.ok(inputs.some((x) => x.expected !== undefined));
});

for (const { label, input, expected } of inputs) {
  test(`replay matches: ${label}`, () => {
    const mine = plain(replay(input));
    if (expected !== undefined) assert.deepStrictEqual(mine, expected, 'pinned ledger');
    assert.deepStrictEqual(mine, packageLedger(input), 'package ledger');
    assert.deepStrictEqual(verify(input, mine), { ok: true, firstDifference: null });
    assert.deepStrictEqual(checkChain(mine), { ok: true, firstBroken: null });
  });
}

test('ChaCha20 keystream, all-zero key and nonce (RFC 8439 A.1)', () => {
  const stream = new ChaChaStream(Buffer.alloc(32));
  assert.equal(stream.bytes(16).toString('hex'), '76b8e0ada0f13d90405d6ae55386bd28');
  // Lazily produced keystream continues seamlessly across blocks.
  const a = new ChaChaStream(Buffer.alloc(32));
  const bytes = Buffer.concat([a.bytes(5), a.bytes(100), a.bytes(300), a.bytes(3)]);
  const b = new ChaChaStream(Buffer.alloc(32));
  assert.equal(bytes.toString('hex'), b.bytes(408).toString('hex'));
  // Block 1 of the same stream equals a fresh stream started at counter 1.
  const c = new ChaChaStream(Buffer.alloc(32), Buffer.alloc(12), 1);
  assert.equal(bytes.subarray(64, 128).toString('hex'), c.bytes(64).toString('hex'));
});

test('commitment equals the package and the pinned vectors', () => {
  const vector = JSON.parse(readFileSync(join(vectorDir, 'commit-seed.json'), 'utf8'));
  for (const step of vector.steps) {
    assert.equal(commitment(step.input.seed), step.expected.commitment);
  }
  const rng = mulberry32(7);
  for (let i = 0; i < 20; i++) {
    const seed = hex(rng, 32);
    assert.equal(commitment(seed), shenguan.commitSeed({ seed }).commitment);
  }
});

test('canonical JSON', () => {
  assert.equal(canonical({ b: null, a: [1, 'x'], é: true, '\u0001': '\n"\\' }), '{"\\u0001":"\\n\\"\\\\","a":[1,"x"],"b":null,"é":true}');
});

// ---------------------------------------------------------------------------
// Synthetic courts

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hex(rng, bytes) {
  let s = '';
  for (let i = 0; i < bytes * 2; i++) s += '0123456789abcdef'[Math.floor(rng() * 16)];
  return s;
}

const pick = (rng, xs) => xs[Math.floor(rng() * xs.length)];
const chance = (rng, p) => rng() < p;

const ROLES = ['president', 'vicePresident', 'committeeMember', 'divisionChief', 'deputyChief'];
const REASONS = ['statutoryRecusal', 'transfer', 'health', 'integrityRisk', 'leaderPresides', 'other'];

function reasonFor(rng) {
  const code = pick(rng, REASONS);
  return code === 'other' ? { code, text: pick(rng, ['承办人长期出差', 'workload "balance"\n']) } : { code };
}

// A court of `nJudges` judges in three departments and `nCases` cases, with
// events built step by step against the independent run so that every event is
// valid when it is applied.
export function syntheticCourt(seed, { nJudges = 25, nCases = 400 } = {}) {
  const rng = mulberry32(seed);
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
      // Every third judge shares a department, so the special ids meet in pools.
      id: i % 3 === 0 && i / 3 < specialIds.length ? specialIds[i / 3] : `J${String(i).padStart(2, '0')}`,
      department: dept.id,
      caseTypes: types,
      role: chance(rng, 0.35) ? pick(rng, ROLES) : 'judge',
      share: pick(rng, ['1', '1', '1', 1, '0.5', 0.8, '0.05', '0.3333', '1.0']),
    };
    if (chance(rng, 0.5)) judge.load = pick(rng, ['0', '1.5', '3.25', 2, 0.1, '0.00005', '7.00004']);
    if (chance(rng, 0.85)) judge.region = pick(rng, ['north', 'south', 'east', 'west']);
    if (chance(rng, 0.1)) judge.availability = pick(rng, ['absent', 'onLeave']);
    if (chance(rng, 0.5)) judge.name = `法官${i}`;
    judges.push(judge);
  }
  const cases = [];
  for (let i = 0; i < nCases; i++) {
    const dept = pick(rng, departments);
    const kase = { id: `C${String(i).padStart(4, '0')}`, caseType: pick(rng, dept.types), department: dept.id };
    if (chance(rng, 0.7)) kase.weight = pick(rng, ['0.5', '1', '2.75', 1, 0.75, '0.33335', '3', '1.00']);
    if (chance(rng, 0.1)) kase.hard = true;
    else if (chance(rng, 0.1)) kase.leaderExcluded = true;
    if (chance(rng, 0.1)) {
      kase.recuse = judges.filter((j) => j.department === dept.id && chance(rng, 0.2)).map((j) => j.id);
    }
    if (chance(rng, 0.08)) kase.avoidRegions = [pick(rng, ['north', 'west'])];
    if (chance(rng, 0.1)) {
      kase.panelSize = 3;
      if (chance(rng, 0.6)) kase.distinctRegions = true;
    }
    if (chance(rng, 0.2)) kase.filedOn = `2026-03-${String(1 + Math.floor(rng() * 20)).padStart(2, '0')}`;
    if (chance(rng, 0.05)) kase.hard = false;
    cases.push(kase);
  }
  const input = {
    court: '合成法院 synthetic',
    config: pick(rng, [
      undefined,
      { minPool: 4, maxProbability: '0.35', tolerance: '1.5', panelMemberShare: '0.25' },
      { minPool: 2, maxProbability: 0.6, tolerance: 3, panelMemberShare: 0.2 },
      { maxProbability: '0.2', tolerance: '0.5' },
    ]),
    judges,
    cases,
    events: [],
    seed: hex(rng, 32),
  };
  if (input.config === undefined) delete input.config;
  if (chance(rng, 0.5)) input.beacon = hex(rng, 1 + Math.floor(rng() * 40));
  // Every other court continues an earlier run (its header names that run's head).
  if (seed % 2 === 1) input.previousHead = hex(rng, 32);
  input.commitment = commitment(input.seed);

  const run = new Run({ ...input, events: [] });
  const events = input.events;
  const tryEvent = (event) => {
    try {
      run.tryApply(event);
      events.push(event);
      return true;
    } catch (err) {
      if (!/NO_ELIGIBLE_JUDGE/.test(err.message)) throw err;
      return false;
    }
  };
  const assigned = [];
  const time = (day) => `2026-03-${String(day).padStart(2, '0')}T09:30:00+08:00`;
  for (const kase of cases) {
    const state = run.cases.get(kase.id);
    if (chance(rng, 0.1)) {
      // Designation: a judge of the case's department, not recused, not transferred.
      const candidates = [...run.judges.values()].filter((j) => j.department === kase.department
        && !state.recused.has(j.id) && j.availability !== 'transferred');
      if (candidates.length > 0) {
        const j = pick(rng, candidates);
        const event = { kind: 'designate', caseId: kase.id, judgeId: j.id, reason: reasonFor(rng), approver: '院长', time: time(10) };
        if (chance(rng, 0.3)) event.beacon = hex(rng, 8);
        if (tryEvent(event)) assigned.push(kase.id);
        continue;
      }
    }
    const event = { kind: 'draw', caseId: kase.id };
    if (chance(rng, 0.2)) event.beacon = hex(rng, 16).toUpperCase();
    if (tryEvent(event)) assigned.push(kase.id);

    if (assigned.length > 0 && chance(rng, 0.06)) {
      // Recusal of a judge on an assigned case; the seat is drawn again.
      const caseId = pick(rng, assigned);
      const seats = run.cases.get(caseId).seats;
      const event = { kind: 'recuse', caseId, judgeId: pick(rng, seats), reason: reasonFor(rng), approver: '庭长', time: time(12) };
      if (chance(rng, 0.3)) event.beacon = hex(rng, 4);
      tryEvent(event);
    }
    if (assigned.length > 0 && chance(rng, 0.05)) {
      const caseId = pick(rng, assigned);
      const c = run.cases.get(caseId);
      const candidates = [...run.judges.values()].filter((j) => j.department === c.department
        && !c.seats.includes(j.id) && !c.recused.has(j.id) && j.availability !== 'transferred');
      if (candidates.length > 0) {
        tryEvent({ kind: 'reassign', caseId, judgeId: pick(rng, candidates).id, reason: reasonFor(rng), approver: '副院长', time: time(14) });
      }
    }
    if (chance(rng, 0.04)) {
      const j = pick(rng, judges);
      tryEvent({ kind: 'availability', judgeId: j.id, availability: pick(rng, ['available', 'available', 'absent', 'onLeave', 'transferred']) });
    }
  }
  return input;
}

for (const seed of [1, 2, 3]) {
  test(`synthetic court ${seed}: independent replay equals the package`, () => {
    const input = syntheticCourt(seed);
    const mine = plain(replay(input));
    const theirs = packageLedger(input);
    assert.ok(mine.entries.length > 350, `entries ${mine.entries.length}`);
    assert.ok(mine.entries.some((e) => e.kind === 'redraw'));
    assert.ok(mine.entries.some((e) => e.kind === 'reassign'));
    assert.ok(mine.entries.some((e) => e.kind === 'designate'));
    assert.ok(mine.entries.some((e) => e.seats.length === 3));
    assert.equal(mine.header.previousHead, seed % 2 === 1 ? input.previousHead : undefined);
    assert.deepStrictEqual(mine.header, theirs.header);
    assert.equal(mine.headerHash, theirs.headerHash);
    for (let i = 0; i < Math.max(mine.entries.length, theirs.entries.length); i++) {
      assert.deepStrictEqual(mine.entries[i], theirs.entries[i], `entry ${i}`);
    }
    assert.deepStrictEqual(mine, theirs);
  });
}

test('small synthetic courts (tight pools, caps, low entropy) equal the package', () => {
  for (let seed = 100; seed < 160; seed++) {
    const input = syntheticCourt(seed, { nJudges: 6 + (seed % 5), nCases: 40 });
    assert.deepStrictEqual(plain(replay(input)), packageLedger(input), `seed ${seed}`);
  }
});

test('verify reports a tampered entry at its index; checkChain finds the broken hash', () => {
  const input = syntheticCourt(4, { nJudges: 25, nCases: 120 });
  const ledger = plain(replay(input));
  assert.deepStrictEqual(verify(input, ledger), { ok: true, firstDifference: null });
  const k = ledger.entries.findIndex((e, i) => i > 30 && e.kind === 'draw' && e.seats[0].pool.length > 1);
  assert.ok(k > 0);
  const tampered = structuredClone(ledger);
  const seat = tampered.entries[k].seats[0];
  seat.chosen = seat.pool.find((p) => p.judge !== seat.chosen).judge;
  tampered.entries[k].judges[0] = seat.chosen;
  assert.deepStrictEqual(verify(input, tampered), { ok: false, firstDifference: { index: k, field: 'seats' } });
  assert.deepStrictEqual(checkChain(tampered), { ok: false, firstBroken: k });
  // The package agrees on where the difference is.
  const report = plain(shenguan.verifyLedger({ inputs: input, ledger: tampered }));
  assert.equal(report.ok, false);
  assert.equal(report.firstDifference.index, k);
  // Re-hashing the tampered entry moves the break to the next link.
  const { hash, ...rest } = tampered.entries[k];
  tampered.entries[k].hash = createHashHex(canonical(rest));
  assert.deepStrictEqual(checkChain(tampered), { ok: false, firstBroken: k + 1 });
  assert.equal(verify(input, tampered).firstDifference.index, k);
  // Dropping an entry is found at the first affected index.
  const dropped = structuredClone(ledger);
  dropped.entries.splice(k, 1);
  assert.equal(verify(input, dropped).firstDifference.index, k);
  assert.deepStrictEqual(checkChain(dropped), { ok: false, firstBroken: k });
  // Header change.
  const header = structuredClone(ledger);
  header.header.court = 'other';
  assert.deepStrictEqual(verify(input, header), { ok: false, firstDifference: { index: null, field: 'header.court' } });
  assert.deepStrictEqual(checkChain(header), { ok: false, firstBroken: 'header' });
});

function createHashHex(text) {
  return createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
}

// Which branches of the lottery a ledger exercised.
function coverage(ledger, minPool) {
  const c = { capped: 0, uniform: 0, belowMinimum: 0, capUnreachable: 0, minPoolTies: 0, panelRedraw: 0, nonAsciiPools: 0 };
  for (const e of ledger.entries) {
    if (e.kind === 'redraw' && e.seats[0].seat > 0) c.panelRedraw++;
    for (const s of e.seats) {
      if (s.lowEntropy === 'POOL_BELOW_MINIMUM') c.belowMinimum++;
      if (s.lowEntropy === 'PROBABILITY_CAP_UNREACHABLE') c.capUnreachable++;
      if (s.pool.every((p) => p.weight === 1) && s.pool.length > 1) c.uniform++;
      if (s.pool.length > minPool && s.eligible > s.pool.length) c.minPoolTies++;
      if (s.pool.filter((p) => /[^\x00-\x7f]/.test(p.judge)).length >= 2) c.nonAsciiPools++;
      const max = Math.max(...s.pool.map((p) => p.weight));
      const atMax = s.pool.filter((p) => p.weight === max);
      if (max > 1 && atMax.length > 1 && new Set(atMax.map((p) => p.load)).size > 1) c.capped++;
    }
  }
  return c;
}

test('synthetic courts exercise every branch of the lottery', (t) => {
  const total = {};
  for (let seed = 100; seed < 160; seed++) {
    const input = syntheticCourt(seed, { nJudges: 6 + (seed % 5), nCases: 40 });
    const c = coverage(replay(input), input.config?.minPool ?? 3);
    for (const k of Object.keys(c)) total[k] = (total[k] ?? 0) + c[k];
  }
  for (const seed of [1, 2, 3]) {
    const input = syntheticCourt(seed);
    const c = coverage(replay(input), input.config?.minPool ?? 3);
    for (const k of Object.keys(c)) total[k] = (total[k] ?? 0) + c[k];
  }
  t.diagnostic(JSON.stringify(total));
  for (const [k, v] of Object.entries(total)) assert.ok(v > 0, `${k}: ${v}`);
});
