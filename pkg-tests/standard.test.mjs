// The standard-case exports of the Node package: typed results, coded errors
// with paths and both messages, and the same instance answering after a bad call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const sg = require('../pkg/full/node.cjs');

const config = {
  caseTypes: {
    civil: { category: 'civil' },
    administrative: { category: 'administrative' },
    complexCommercial: { category: 'civil', coefficient: '1.5' },
    preservation: { fixed: '0.2' },
  },
  procedures: { ordinary: '1.1' },
  complexity: { complex: '1.3' },
};
const pooled = { year: 2019, pooled: { averages: { dossier: '100', transcript: '8', judgment: '8' } } };
const cases = [
  { id: 'A', caseType: 'civil', judge: 'J1', department: 'D1', pages: { dossier: 100, transcript: 8, judgment: 8 } },
  { id: 'E', caseType: 'civil', judge: 'J1', department: 'D1', pages: { dossier: 0, transcript: 4, judgment: 34 } },
  { id: 'F', caseType: 'complexCommercial', judge: 'J2', department: 'D2', pages: { dossier: 300, transcript: 24, judgment: 40 } },
  { id: 'G', caseType: 'preservation', judge: 'J2', department: 'D2' },
];

test('exports exist', () => {
  for (const name of ['computeBaseline', 'standardCases', 'standardCaseWeights', 'standardCasesBulk', 'enforcementCases', 'standardTargets']) {
    assert.equal(typeof sg[name], 'function', name);
  }
});

test('standardCases: exact half-up, special coefficient, fixed score, totals', () => {
  const out = sg.standardCases({ config, baseline: pooled, cases });
  assert.deepEqual(out.cases.map((c) => c.standard), ['1.00', '2.68', '6.30', '0.20']);
  assert.deepEqual(out.judges.map((j) => [j.judge, j.standard]), [['J1', '3.68'], ['J2', '6.50']]);
  assert.deepEqual(out.departments.map((d) => [d.department, d.standard]), [['D1', '3.68'], ['D2', '6.50']]);
  assert.equal(out.total, '10.18');
  assert.equal(out.baseline.year, 2019);
  assert.match(out.baseline.digest, /^[0-9a-f]{64}$/);
  assert.equal(out.cases[1].explanation.unrounded, '2.675');
  assert.match(out.cases[1].explanation.formula, /= 2\.675 → 2\.68$/);
  // The same call as JSON text gives the same answer.
  assert.deepEqual(sg.standardCases(JSON.stringify({ config, baseline: pooled, cases })), out);
});

test('computeBaseline pins a digest that standardCases checks', () => {
  const baseline = sg.computeBaseline({ year: 2019, cases: [
    { id: 'K1', category: 'civil', pages: { dossier: 100, transcript: 10, judgment: 8 } },
    { id: 'K2', category: 'administrative', pages: { dossier: 80, transcript: 0, judgment: 6 } },
  ] });
  assert.equal(baseline.pooled.averages.dossier, '90.00');
  assert.equal(baseline.categories.administrative.averages.transcript, '0.00');
  const out = sg.standardCases({ config, baseline, cases: [cases[0]] });
  assert.equal(out.baseline.digest, baseline.digest);
  const altered = structuredClone(baseline);
  altered.pooled.averages.dossier = '89.99';
  assert.throws(() => sg.standardCases({ config, baseline: altered, cases: [] }), (e) => e.code === 'BASELINE_DIGEST_MISMATCH' && e.path === 'baseline.digest');
});

test('weights for the assignment engine', () => {
  const out = sg.standardCaseWeights({ config, baseline: pooled, cases });
  assert.deepEqual(out.weights, { A: '1.00', E: '2.68', F: '6.30', G: '0.20' });
});

test('bulk form: object and JSON text agree', () => {
  const input = { config, baseline: pooled, kinds: [{ caseType: 'civil' }, { caseType: 'complexCommercial', procedure: 'ordinary', complexity: 'complex' }],
    kind: [0, 0, 1], dossier: [100, 0, 300], transcript: [8, 4, 24], judgment: [8, 34, 40], judgeIds: ['J1', 'J2'], judge: [0, 1, 1], values: true };
  const a = sg.standardCasesBulk(input);
  const b = sg.standardCasesBulk(JSON.stringify(input));
  assert.deepEqual(a, b);
  // F: 4.2 × 1.5 × 1.1 × 1.3 = 9.009 -> 9.01
  assert.deepEqual(a.values, ['1.00', '2.68', '9.01']);
  assert.equal(a.total, '12.69');
  assert.deepEqual(a.judges.map((j) => j.standard), ['1.00', '11.69']);
});

test('enforcement and targets', () => {
  const enf = sg.enforcementCases({ cases: [{ id: 'E1', closing: 'fullyEnforced' }, { id: 'E2', closing: 'terminated' }] });
  assert.equal(enf.total, '1.00');
  assert.equal(enf.unapproved[0].id, 'E2');
  const t = sg.standardTargets({ lastYear: { totalStandard: '1200', judges: 10, intake: 3300 }, expectedIntake: 3600, goal: '1.05',
    departments: [{ id: 'D', judges: ['A', 'B'] }] });
  assert.equal(t.basicTarget, '137.45');
  assert.equal(t.departments[0].target, '274.90');
  const sum = t.monthly.reduce((s, m) => s + Math.round(Number(m) * 100), 0);
  assert.equal(sum, 13745);
});

test('errors carry code, path, both messages and the rest of the batch; the instance still answers', () => {
  const bad = [
    { id: 'X', caseType: 'civil', pages: { dossier: -1, transcript: 'many', judgment: 1 } },
    { id: 'Y', caseType: 'unknown', pages: { dossier: 1, transcript: 1, judgment: 1 } },
  ];
  assert.throws(() => sg.standardCases({ config, baseline: pooled, cases: bad }), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.code, 'OUT_OF_RANGE');
    assert.equal(e.path, 'cases[0].pages.dossier');
    assert.equal(typeof e.message, 'string');
    assert.ok(e.messageZh.length > 0);
    assert.deepEqual(e.more.map((m) => [m.code, m.path]), [['INVALID_INPUT', 'cases[0].pages.transcript'], ['MISSING_COEFFICIENT', 'cases[1].caseType']]);
    return true;
  });
  assert.throws(() => sg.standardCases({ config, cases }), (e) => e.code === 'MISSING_BASELINE' && e.path === 'baseline');
  assert.throws(() => sg.computeBaseline({ year: 2019, weights: { dossier: '0.2', transcript: '0.2', judgment: '0.2' }, cases: [] }),
    (e) => e.code === 'WEIGHTS_DO_NOT_SUM_TO_ONE' && e.path === 'weights');
  assert.throws(() => sg.standardCasesBulk('{"kinds": ['), (e) => e.code === 'MALFORMED_JSON');
  assert.throws(() => sg.standardTargets({ lastYear: { intake: 1 }, expectedIntake: 1, departments: [] }), (e) => e.code === 'INVALID_INPUT' && e.path === 'lastYear');
  // Same instance, good call.
  assert.equal(sg.standardCases({ config, baseline: pooled, cases }).total, '10.18');
});
