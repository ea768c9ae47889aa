// The inputs that used to end in INTERNAL or a trap are refused with
// LIMIT_EXCEEDED, and the instance keeps working afterwards (src/limits.rs;
// measured at and above each limit by bench/limits.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as inputs from '../bench/limits-inputs.mjs';

const require = createRequire(import.meta.url);
const shenguan = require('../pkg/full/node.cjs');

function refusedWith(fn, path, limit) {
  assert.throws(fn, (e) => {
    assert.equal(e.name, 'ShenguanError');
    assert.equal(e.code, 'LIMIT_EXCEEDED', `${e.code} at ${e.path}: ${e.message}`);
    assert.equal(e.path, path);
    if (limit !== undefined) assert.deepEqual(e.details, { limit });
    assert.ok(e.message.length > 0 && e.messageZh.length > 0);
    return true;
  });
}

// The instance still answers correctly after each refusal.
function stillWorks() {
  const lean = JSON.parse(inputs.scoreLean(3));
  assert.deepEqual(shenguan.score(lean).judges.map((j) => j.total), ['0.00', '1.00', '2.00']);
}

test('assign: 100,000 tied judges are refused by the judge limit, 2,000 are drawn', () => {
  refusedWith(() => shenguan.assign(inputs.assignment(shenguan, { judges: 100_000, cases: 100 })), 'judges', 2000);
  stillWorks();
  const ledger = shenguan.assign(inputs.assignment(shenguan, { judges: 2000, cases: 3 }));
  assert.equal(ledger.split('\n').length, 5);
});

test('assign: a run whose ledger passes 256 MiB stops with LIMIT_EXCEEDED; LedgerWriter writes it', () => {
  const text = inputs.assignment(shenguan, { judges: 2000, cases: 1000, panelSize: 15 });
  refusedWith(() => shenguan.assign(text), '', 256 * 2 ** 20);
  stillWorks();
  const writer = new shenguan.LedgerWriter(text, 1 << 24);
  let bytes = 0;
  for (let part = writer.next(); part !== undefined && bytes <= 256 * 2 ** 20; part = writer.next()) bytes += part.length;
  assert.ok(bytes > 256 * 2 ** 20, `${bytes}`);
});

test('score: 2,000,000 judges and 10,001 explained forms are refused', () => {
  refusedWith(() => shenguan.score(inputs.scoreLean(2_000_000)), 'judges', 10_000);
  refusedWith(() => shenguan.score(inputs.score(10_001)), 'judges', 10_000);
  stillWorks();
});

test('score: explained forms of a 1,000-indicator rule set are refused past 250,000 figures, before the work', () => {
  const indicators = Array.from({ length: 999 }, (_, i) => ({ id: `q${i}`, name: `指标${i}`, method: { type: 'direct' } }));
  const ruleSet = { id: 'wide', version: '1', indicators, groups: [{ id: 'g', name: '组', weight: '100', indicators: [{ indicator: 'q0', weight: '100' }] }] };
  const values = Object.fromEntries(indicators.map((x, i) => [x.id, i % 101]));
  const judges = Array.from({ length: 251 }, (_, i) => ({ id: `J${i}`, values }));
  refusedWith(() => shenguan.score({ ruleSet, judges }), 'judges', 250_000);
  stillWorks();
});

test('standardCases: 1,000,000 cases are refused (standardCasesBulk takes them)', () => {
  refusedWith(() => shenguan.standardCases(inputs.standardCases(1_000_000)), 'cases', 200_000);
  stillWorks();
  const bulk = shenguan.standardCasesBulk(inputs.standardCasesBulk(1_000_000));
  assert.equal(bulk.count, 1_000_000);
});

test('an object too large for JSON.stringify is a limit, not "not a JSON value"', () => {
  const big = 'x'.repeat(2 ** 28);
  refusedWith(() => shenguan.score({ ruleSet: {}, judges: [big, big] }), '');
  let deep = [];
  for (let i = 0; i < 200_000; i++) deep = [deep];
  refusedWith(() => shenguan.score({ ruleSet: deep, judges: [] }), '');
  stillWorks();
});
