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
  assert.ok(audit.loadSpread.civil);
  assert.equal(typeof audit.positionBias.chiSquare, 'string');
  assert.equal(audit.judges.length, 8);
});
