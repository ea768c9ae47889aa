// The assignment API from Node: objects and JSON text give the same ledger,
// verification replays, tampering is reported, audits run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const shenguan = require('../pkg/node/shenguan.js');
const fixture = JSON.parse(readFileSync(new URL('../tests/fixtures/small-court.json', import.meta.url), 'utf8'));
const plain = (v) => JSON.parse(JSON.stringify(v));

test('object input and JSON text input give the same ledger', () => {
  assert.deepStrictEqual(plain(shenguan.assign(fixture)), plain(shenguan.assign(JSON.stringify(fixture))));
});

test('commit, assign with the commitment, verify by replay', () => {
  const { commitment } = shenguan.commitSeed({ seed: fixture.seed });
  const ledger = shenguan.assign({ ...fixture, commitment });
  assert.equal(ledger.header.commitment, commitment);
  const report = shenguan.verifyLedger({ inputs: fixture, ledger });
  assert.equal(report.ok, true);
  assert.equal(report.firstDifference, null);
  assert.equal(report.head, ledger.entries.at(-1).hash);
  assert.equal(shenguan.verifyHead({ inputs: fixture, head: report.head }).ok, true);
  assert.equal(shenguan.verifyChain({ ledger }).ok, true);
});

test('a moved case is found at its entry', () => {
  const ledger = plain(shenguan.assign(fixture));
  ledger.entries[3].judges = ['J02'];
  const report = shenguan.verifyLedger({ inputs: fixture, ledger });
  assert.equal(report.ok, false);
  assert.equal(report.firstDifference.index, 3);
  assert.equal(report.firstDifference.field, 'judges');
  assert.equal(report.chain.firstBroken, 3);
  assert.deepStrictEqual([report.chain.problem, report.chain.problemZh], ["hash does not match the entry's content", 'hash 与记录内容不符']);
});

test('audit reports counts, low entropy, spread and position bias', () => {
  const ledger = shenguan.assign(fixture);
  const audit = shenguan.auditLedger({ inputs: fixture, ledger });
  assert.equal(audit.verification.ok, true);
  assert.equal(audit.counts.entries, 11);
  assert.equal(audit.counts.designated, 1);
  assert.equal(audit.counts.reassigned, 1);
  assert.equal(audit.counts.redraws, 1);
  assert.deepStrictEqual(audit.redrawsPerCase, { C001: 1 });
  assert.equal(audit.lowEntropy.count, 2);
  assert.deepStrictEqual(audit.lowEntropy.entries, [5, 6]);
  // Civil's spread after each of the 11 entries; the last is the largest.
  const civil = audit.loadSpread.civil;
  assert.equal(civil.series.length, 11);
  assert.equal(civil.finalSpread, '4.5000');
  assert.deepStrictEqual([civil.worst, civil.worstAt], ['4.5000', 10]);
  // Every randomly drawn seat is counted once: by judge, by position, and in expectation.
  const drawn = audit.judges.reduce((n, j) => n + j.drawn, 0);
  const byPosition = audit.positionBias.bins.reduce((n, [, observed]) => n + observed, 0);
  const expected = audit.judges.reduce((n, j) => n + Number(j.expected), 0);
  assert.equal(drawn, audit.lowEntropy.seats);
  assert.equal(byPosition, drawn);
  assert.ok(Math.abs(expected - drawn) < 0.01, `expected ${expected}`);
  // Eleven seats are too few for a chi-square test: one bin, no degrees of freedom, no bias.
  assert.deepStrictEqual([audit.positionBias.degreesOfFreedom, audit.positionBias.biased], [0, false]);
  assert.equal(audit.judges.length, 8);
});
