// The types mirror the core: each shape the planted mistakes in
// pkg-tests/types/mistakes/ refuse at compile time is refused by the core at
// run time too, with a coded error (or a rule-set problem) at its path, and
// the corrected shape is accepted. So the types are no stricter than the
// engines, only earlier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const shenguan = createRequire(import.meta.url)('../../pkg/full/node.cjs');

/** A one-indicator rule set whose indicator is given. */
const ruleSet = (indicator, extra = {}) => ({
  id: 'r', version: '1', indicators: [indicator, { id: 'received' }],
  groups: [{ id: 'all', weight: 100, indicators: [{ indicator: indicator.id, weight: 100 }] }], ...extra,
});
/** The paths of a rule set's problems ([] when valid). */
const problems = (rs) => shenguan.validateRuleSet(rs).problems.map((p) => p.path);

test('scoring methods take only their own parameters, and need their own', () => {
  const q = (method, rest = {}) => ruleSet({ id: 'q', method, ...rest });
  const at = 'indicators[0].method';
  assert.deepEqual(problems(q({ type: 'efficacy', base: 60, span: 40, cap: 100 })), []);
  assert.deepEqual(problems(q({ type: 'baseline', points: [{ x: 0, score: 0 }, { x: 1, score: 100 }] })), [`${at}.points`]);
  assert.deepEqual(problems(q({ type: 'zScore', center: 50, base: 60 })), [`${at}.base`]);
  assert.deepEqual(problems(q({ type: 'minMax', min: 0, max: 100 })), [`${at}.min`, `${at}.max`]);
  assert.deepEqual(problems(q({ type: 'inRange', min: '0.95' })), []);
  assert.deepEqual(problems(q({ type: 'inRange' })), [at]);
  assert.deepEqual(problems(q({ type: 'efficacy', satisfactory: '1' })), [`${at}.unallowed`]);
  assert.deepEqual(problems(q({ type: 'piecewise', points: [{ x: 0, score: 60 }] })), [`${at}.points`]);
  assert.deepEqual(problems(q({ type: 'inRange', min: 0, max: 1, outside: { rule: 'fixed' } })), [`${at}.outside.score`]);
  assert.deepEqual(problems(q({ type: 'inRange', min: 0, max: 1, outside: { rule: 'zero', perUnit: 400 } })), [`${at}.outside.perUnit`]);
  assert.deepEqual(problems(q({ type: 'minMax' }, { direction: 'lowerIsBetter' })), []);
  assert.deepEqual(problems(q({ type: 'direct' }, { direction: 'lowerIsBetter' })), [`${at}.type`]);
});

test('a leader check\'s kind decides its fields', () => {
  const check = (c) => problems(ruleSet({ id: 'q', method: { type: 'direct' } }, { leaderChecks: [{ id: 'c', indicator: 'q', ...c }] }));
  assert.deepEqual(check({ kind: 'minShareOfBaseline', share: '0.05' }), []);
  assert.deepEqual(check({ kind: 'minRatio', min: '0.3' }), ['leaderChecks[0].denominator']);
  assert.deepEqual(check({ kind: 'minShareOfBaseline', denominator: 'received' }), ['leaderChecks[0].denominator']);
});

/** The code and path of what `fn` throws. */
function refusal(fn) {
  try {
    fn();
  } catch (e) {
    return `${e.code} ${e.path}`;
  }
  return 'accepted';
}

const judges = ['J1', 'J2', 'J3'].map((id) => ({ id, department: 'civil', caseTypes: ['contract'], role: 'judge', share: 1 }));
const run = {
  judges, cases: [{ id: 'C1', caseType: 'contract', department: 'civil' }, { id: 'C2', caseType: 'contract', department: 'civil' }],
  seed: '5a'.repeat(32), beacon: { kind: 'none' }, committedAt: '2026-03-02T00:00:00Z',
};
const manual = { judgeId: 'J1', reason: { code: 'transfer' }, approver: '院长', time: '2026-03-02T09:00:00+08:00' };
const commit = (change) => refusal(() => shenguan.commitRun({ ...run, ...change }));

test('decimal inputs: numbers and numeric strings, not other text', () => {
  assert.equal(commit({ config: { tolerance: '2.5', maxProbability: '0.5' } }), 'accepted');
  assert.match(commit({ config: { maxProbability: '50%' } }), /^INVALID_INPUT config\.maxProbability/);
  assert.match(commit({ judges: [{ ...judges[0], share: 'civil' }, ...judges.slice(1)] }), /^INVALID_INPUT judges\[0\]\.share/);
});

test('assignment events, reasons and beacons take their own kind\'s fields', () => {
  assert.equal(commit({ events: [{ kind: 'draw', caseId: 'C1' }, { kind: 'designate', caseId: 'C2', ...manual }] }), 'accepted');
  assert.match(commit({ events: [{ kind: 'draw', caseId: 'C1', judgeId: 'J1' }] }), /^INVALID_INPUT events\[0\]\.judgeId/);
  assert.match(commit({ events: [{ kind: 'designate', caseId: 'C1' }] }), /^INVALID_INPUT events\[0\]\.judgeId/);
  assert.match(commit({ events: [{ kind: 'availability', judgeId: 'J2', availability: 'sick' }] }), /^INVALID_INPUT events\[0\]\.availability/);
  assert.match(commit({ events: [{ kind: 'designate', caseId: 'C1', ...manual, reason: { code: 'other' } }] }), /^MISSING_REASON events\[0\]\.reason\.text/);
  assert.match(commit({ beacon: { kind: 'drand', round: 1000 } }), /^INVALID_INPUT beacon/);
  assert.match(commit({ beacon: { kind: 'drand', network: 'mainnet', round: 1000 } }), /^INVALID_INPUT beacon/);
  const drand = { beacon: { kind: 'drand', network: 'quicknet', round: 1000 }, committedAt: '2020-01-01T00:00:00Z' };
  const { commitment } = shenguan.commitRun({ ...run, ...drand });
  const mixed = { round: 1000, signature: 'ab'.repeat(48), values: ['3'] };
  assert.match(refusal(() => shenguan.assign({ ...run, ...drand, commitment, beaconValue: mixed })), /^MALFORMED_BEACON beaconValue/);
});

test('standard-case inputs: judge indexes with their ids, whole pages, last year stated one way or the other', () => {
  const parallel = {
    config: { caseTypes: { civil: {} } },
    baseline: { year: 2025, pooled: { averages: { dossier: '100', transcript: '10', judgment: '10' } } },
    kinds: [{ caseType: 'civil' }], kind: [0], dossier: [100], transcript: [10], judgment: [8],
  };
  assert.equal(refusal(() => shenguan.standardCasesBulk({ ...parallel, judgeIds: ['J1'], judge: [0] })), 'accepted');
  assert.match(refusal(() => shenguan.standardCasesBulk({ ...parallel, judge: [0] })), /^OUT_OF_RANGE judge\[0\]/);
  assert.match(refusal(() => shenguan.standardCasesBulk({ ...parallel, dossier: ['1.5'] })), /^OUT_OF_RANGE dossier\[0\]/);
  const targets = { expectedIntake: 1100, departments: [] };
  assert.equal(refusal(() => shenguan.standardTargets({ ...targets, lastYear: { totalStandard: 1200, judges: 10, intake: 1000 } })), 'accepted');
  assert.match(refusal(() => shenguan.standardTargets({ ...targets, lastYear: { totalStandard: 1200, intake: 1000 } })), /^INVALID_INPUT lastYear$/);
});

test('scoreTable has no detail level; verifyLedger ignores audit thresholds (the types refuse them as a mistake)', () => {
  const rs = ruleSet({ id: 'q', method: { type: 'direct' } });
  assert.match(refusal(() => shenguan.scoreTable({ ruleSet: rs, judges: [], detail: 'summary' })), /^INVALID_INPUT detail/);
  const { commitment } = shenguan.commitRun(run);
  const inputs = { ...run, commitment };
  const ledger = shenguan.assign(inputs);
  const plain = shenguan.verifyLedger({ inputs, ledger });
  assert.deepEqual(shenguan.verifyLedger({ inputs, ledger, audit: { probabilityCeiling: '0.01' } }), plain);
  assert.ok(shenguan.auditLedger({ inputs, ledger, audit: { probabilityCeiling: '0.01' } }).flags.aboveCeilingCount > 0);
});
