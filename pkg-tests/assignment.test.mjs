// The assignment API from Node: objects and JSON text give the same ledger,
// the run is committed before its beacon, verification replays (whole or
// streamed), tampering is reported, audits run and flag what they should.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const shenguan = require('../pkg/full/node.cjs');
const fixture = JSON.parse(readFileSync(new URL('../tests/fixtures/small-court.json', import.meta.url), 'utf8'));
const lines = (text) => text.trimEnd().split('\n').map((l) => JSON.parse(l));

test('object input and JSON text input give the same ledger text', () => {
  const ledger = shenguan.assign(fixture);
  assert.equal(typeof ledger, 'string');
  assert.equal(ledger, shenguan.assign(JSON.stringify(fixture)));
  assert.equal(lines(ledger).length, 13);
});

test('commit before the beacon, assign with the commitment, verify by replay', () => {
  const { commitment, beaconValue, ...unpublished } = fixture;
  const committed = shenguan.commitRun(unpublished);
  assert.equal(committed.commitment, commitment);
  assert.equal(committed.algorithm, 'shenguan-assign/2');
  assert.deepStrictEqual(committed.warnings, ['BEACON_NOT_SIGNATURE_CHECKED']);
  const ledger = shenguan.assign({ ...unpublished, commitment, beaconValue });
  const [header, ...entries] = lines(ledger);
  assert.equal(header.commitment, commitment);
  const report = shenguan.verifyLedger({ inputs: fixture, ledger });
  assert.equal(report.ok, true);
  assert.equal(report.firstDifference, null);
  assert.equal(report.head, entries.at(-1).hash);
  assert.equal(shenguan.verifyHead({ inputs: fixture, head: report.head }).ok, true);
  assert.deepStrictEqual(shenguan.verifyChain({ ledger }), report.chain);
  // Without the commitment nothing is drawn.
  assert.throws(() => shenguan.assign({ ...unpublished, beaconValue }), { code: 'INVALID_INPUT', path: 'commitment' });
  assert.throws(() => shenguan.assign({ ...fixture, seed: 'ff'.repeat(32) }), { code: 'COMMITMENT_MISMATCH', path: 'commitment' });
});

test('a moved case is found at its entry, by replay and by the chain alone', () => {
  const ledger = shenguan.assign(fixture);
  const [header, ...entries] = lines(ledger);
  entries[3].judges = [entries[3].judges[0] === 'J02' ? 'J03' : 'J02'];
  const text = [header, ...entries].map((v) => shenguan_canonical(v)).join('\n') + '\n';
  const report = shenguan.verifyLedger({ inputs: fixture, ledger: text });
  assert.equal(report.ok, false);
  assert.equal(report.firstDifference.index, 3);
  assert.equal(report.firstDifference.field, 'judges');
  assert.equal(report.chain.firstBroken, 3);
  assert.deepStrictEqual([report.chain.problem, report.chain.problemZh], ["hash does not match the entry's content and the previous hash", 'hash 与记录内容及上一条哈希不符']);
});

// Canonical JSON (docs/canonical-json.md) for the edited lines.
function shenguan_canonical(v) {
  if (Array.isArray(v)) return `[${v.map(shenguan_canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${shenguan_canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

test('a ledger is verified as a stream, in parts split anywhere, text or bytes', () => {
  const ledger = shenguan.assign(fixture);
  const whole = shenguan.verifyLedger({ inputs: fixture, ledger });
  const bytes = new TextEncoder().encode(ledger);
  for (const size of [1, 5, 64, 1 << 20]) {
    const verifier = new shenguan.LedgerVerifier(fixture);
    for (let at = 0; at < bytes.length; at += size) verifier.push(bytes.subarray(at, at + size));
    assert.deepStrictEqual(verifier.finish(), whole, `parts of ${size} bytes`);
  }
  const chain = new shenguan.LedgerVerifier(null);
  for (let at = 0; at < ledger.length; at += 17) chain.push(ledger.slice(at, at + 17));
  assert.deepStrictEqual(chain.finish(), whole.chain);
  // A finished verifier says so; a malformed part is a coded error and sticks.
  assert.throws(() => chain.finish(), { code: 'INVALID_INPUT' });
  const broken = new shenguan.LedgerVerifier(fixture);
  assert.throws(() => broken.push('{"not":"a header"}\n'), { code: 'MALFORMED_LEDGER', path: 'ledger.header.not' });
  assert.throws(() => broken.push(ledger), { code: 'MALFORMED_LEDGER' });
  assert.throws(() => new shenguan.LedgerVerifier(fixture).push(42), { code: 'INVALID_INPUT' });
});

test('the ledger is written in parts with LedgerWriter, the same text as assign', () => {
  const writer = new shenguan.LedgerWriter(fixture, 1000);
  const parts = [];
  for (let part = writer.next(); part !== undefined; part = writer.next()) parts.push(part);
  assert.ok(parts.length > 2);
  assert.ok(parts.every((p) => p.endsWith('\n')));
  assert.equal(parts.join(''), shenguan.assign(fixture));
  assert.equal(writer.head(), shenguan.verifyLedger({ inputs: fixture, ledger: parts.join('') }).head);
});

test('carryForward gives the next run its judges and previousHead', () => {
  const next = shenguan.carryForward(fixture);
  assert.equal(next.judges.length, fixture.judges.length);
  assert.equal(next.previousHead, shenguan.verifyLedger({ inputs: fixture, ledger: shenguan.assign(fixture) }).head);
  assert.equal(next.judges.find((j) => j.id === 'J07').availability, 'available');
});

test('audit reports counts, low entropy, spread, position bias and flags', () => {
  const ledger = shenguan.assign(fixture);
  const audit = shenguan.auditLedger({ inputs: fixture, ledger });
  assert.equal(audit.verification.ok, true);
  assert.equal(audit.counts.entries, 12);
  assert.equal(audit.counts.availability, 1);
  assert.equal(audit.counts.designated, 1);
  assert.equal(audit.counts.reassigned, 1);
  assert.equal(audit.counts.redraws, 1);
  assert.deepStrictEqual(audit.redrawsPerCase, { C001: 1 });
  assert.deepStrictEqual(audit.flags.warnings, ['BEACON_NOT_SIGNATURE_CHECKED']);
  // The criminal case drawn from one judge is above the court-wide ceiling of 0.5.
  assert.ok(audit.flags.aboveCeiling.some((s) => s.caseId === 'C007' && s.p === '1.000000'));
  const civil = audit.loadSpread.civil;
  assert.equal(civil.series.length, 12);
  // Every randomly drawn seat is counted once: by judge, by position, and in expectation.
  const drawn = audit.judges.reduce((n, j) => n + j.drawn, 0);
  const byPosition = audit.positionBias.bins.reduce((n, [, observed]) => n + observed, 0);
  const expected = audit.judges.reduce((n, j) => n + Number(j.expected), 0);
  assert.equal(drawn, audit.lowEntropy.seats);
  assert.equal(byPosition, drawn);
  assert.ok(Math.abs(expected - drawn) < 0.01, `expected ${expected}`);
  assert.deepStrictEqual([audit.positionBias.degreesOfFreedom, audit.positionBias.biased], [0, false]);
  assert.equal(audit.judges.length, 8);
});
