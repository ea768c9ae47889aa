// The judge performance formula from Node: the example rule sets reproduce
// their hand-computed tables, errors are coded with paths, the instance
// survives bad calls, and explanations show veto, cap, segment, in-range and
// missing inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const shenguan = require('../pkg/full/node.cjs');
const read = (path) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
const inputs = read('examples/court/scoring-inputs.json');
const ruleSet = (name) => read(`examples/rulesets/${name}-style.json`);
const input = (name) => ({ ...structuredClone(inputs[name]), ruleSet: ruleSet(name) });
const byId = (out, id) => out.judges.find((j) => j.id === id);

function find(node, kind, id) {
  if (node.kind === kind && node.id === id) return node;
  for (const child of node.children ?? []) {
    const hit = find(child, kind, id);
    if (hit) return hit;
  }
  return null;
}

test('the example rule sets reproduce their hand-computed totals', () => {
  const tables = {
    yunnan: { Y1: ['87.80', 'competent', 3], Y2: ['92.30', 'competent', 2], Y3: ['101.55', 'excellent', 1], Y4: ['47.88', 'incompetent', undefined], Y5: ['92.70', 'incompetent', undefined] },
    kunming: { K1: ['100.00', 'excellent', 1], K2: ['86.00', 'good', 3], K3: ['60.40', 'pass', 4], K4: ['100.00', 'excellent', 1] },
    shenzhen: { S1: ['84.00', 'good', 1], S2: ['76.00', 'good', 2], C1: ['91.00', 'good', 1], C2: ['42.00', 'fail', 2], A1: ['80.00', 'good', 1], E1: ['100.00', 'pass', 1] },
  };
  for (const [name, table] of Object.entries(tables)) {
    const out = shenguan.score(input(name));
    assert.equal(out.ruleSet.digest.length, 64);
    for (const [id, [total, grade, rank]] of Object.entries(table)) {
      const j = byId(out, id);
      assert.equal(j.total, total, `${name} ${id}`);
      assert.equal(j.grade, grade, `${name} ${id}`);
      assert.equal(j.rank, rank, `${name} ${id}`);
    }
  }
});

test('object input and JSON text give the same result', () => {
  const a = shenguan.score(input('shenzhen'));
  const b = shenguan.score(JSON.stringify(input('shenzhen')));
  assert.deepStrictEqual(a, b);
});

test('explanation: veto, cap, segment, in-range', () => {
  const y = shenguan.score(input('yunnan'));
  const y5 = byId(y, 'Y5');
  assert.equal(y5.vetoes[0].id, 'discipline');
  assert.equal(find(y5.explanation, 'veto', 'discipline').outcome, 'triggered');
  assert.ok(find(y5.explanation, 'grade', 'incompetent').flags.includes('vetoed'));
  const capped = find(byId(y, 'Y3').explanation, 'indicator', 'closedCases');
  assert.ok(capped.flags.includes('capped'));
  assert.equal(capped.value, '120.00');
  const live = find(byId(y, 'Y1').explanation, 'indicator', 'liveStreamRate');
  assert.match(live.note, /^segment 2/);
  assert.equal(live.value, '90.00');
  const k = shenguan.score(input('kunming'));
  assert.ok(find(byId(k, 'K1').explanation, 'indicator', 'timelyRate').flags.includes('inRange'));
  const out = find(byId(k, 'K3').explanation, 'indicator', 'timelyRate');
  assert.ok(out.flags.includes('outOfRange'));
  assert.equal(out.value, '92.00');
});

test('a live form lists missing inputs and reproduces the batch from the snapshot', () => {
  const batch = shenguan.score({ ...input('kunming'), detail: 'summary' });
  const form = structuredClone(inputs.kunming.judges[2]);
  const one = shenguan.scoreOne({ ruleSet: ruleSet('kunming'), judge: form, statistics: batch.statistics });
  assert.equal(one.judge.total, byId(batch, 'K3').total);
  form.values.timelyRate = '';
  const partial = shenguan.scoreOne({ ruleSet: ruleSet('kunming'), judge: form, statistics: batch.statistics });
  assert.equal(partial.judge.complete, false);
  assert.equal(partial.judge.total, null);
  assert.deepStrictEqual(partial.judge.missing, [{ path: 'judge.values.timelyRate', indicator: 'timelyRate', kind: 'value' }]);
  const node = find(partial.judge.explanation, 'indicator', 'timelyRate');
  assert.ok(node.flags.includes('missing'));
  assert.equal(node.value, null);
});

test('errors carry code, path, message and messageZh; the instance keeps answering', () => {
  const bad = input('kunming');
  bad.judges[1].values.timelyRate = true;
  assert.throws(() => shenguan.score(bad), (err) => {
    assert.equal(err.name, 'ShenguanError');
    assert.equal(err.code, 'TYPE_MISMATCH');
    assert.equal(err.path, 'judges[1].values.timelyRate');
    assert.ok(err.message.length > 0 && err.messageZh.length > 0);
    return true;
  });
  const weights = input('kunming');
  weights.ruleSet.groups[0].weight = '65';
  assert.throws(() => shenguan.score(weights), { code: 'WEIGHTS_DO_NOT_SUM_TO_ONE', path: 'ruleSet.groups' });
  assert.throws(() => shenguan.score('{"ruleSet":'), { code: 'MALFORMED_JSON' });
  assert.equal(byId(shenguan.score(input('kunming')), 'K3').total, '60.40');
});

test('validateRuleSet reports every problem with its path', () => {
  const rs = ruleSet('yunnan');
  rs.groups[0].weight = '31';
  rs.vetoes[0].grade = 'terrible';
  const report = shenguan.validateRuleSet(rs);
  assert.equal(report.valid, false);
  assert.deepStrictEqual(report.problems.map((p) => [p.code, p.path]), [
    ['WEIGHTS_DO_NOT_SUM_TO_ONE', 'groups'],
    ['INVALID_RULE_SET', 'vetoes[0].grade'],
  ]);
  const ok = shenguan.validateRuleSet(ruleSet('shenzhen'));
  assert.equal(ok.valid, true);
  assert.equal(ok.ruleSet.id, 'shenzhen-style-zones');
});

test('a live form grades as the batch with its grade cut-offs, provisionally without them', () => {
  const batch = shenguan.score(input('yunnan'));
  assert.deepStrictEqual(batch.statistics.gradeCutoffs, [{ grade: 'excellent', slots: 1, lowestTotal: '101.55' }]);
  const form = inputs.yunnan.judges.find((j) => j.id === 'Y2');
  const live = shenguan.scoreOne({ ruleSet: ruleSet('yunnan'), judge: form, statistics: batch.statistics }).judge;
  assert.deepStrictEqual([live.grade, live.gradeBasis, live.gradeProvisional], ['competent', 'quota', undefined]);
  const { gradeCutoffs, ...bare } = batch.statistics;
  const alone = shenguan.scoreOne({ ruleSet: ruleSet('yunnan'), judge: form, statistics: bare }).judge;
  assert.deepStrictEqual([alone.grade, alone.gradeBasis], ['excellent', 'threshold']);
  assert.match(alone.gradeProvisional.reasonZh, /名额/);
});

test('a grade requirement (Shenzhen) and in-range indicators without ranks (SPC)', () => {
  const c1 = byId(shenguan.score({ ...input('shenzhen'), detail: 'full' }), 'C1');
  assert.deepStrictEqual([c1.total, c1.grade, c1.gradeBasis], ['91.00', 'good', 'requirement']);
  assert.ok(find(c1.explanation, 'grade', 'good').flags.includes('requirementNotMet'));
  const spc = shenguan.score(input('spc'));
  assert.deepStrictEqual(spc.judges.map((j) => [j.id, j.total, j.grade, j.rank]), [
    ['T1', '100.00', 'meetsTarget', undefined],
    ['T2', '65.00', 'belowTarget', undefined],
    ['T3', '79.25', 'nearlyMeetsTarget', undefined],
  ]);
});

test('scoreTable gives the summary figures as one row per judge', () => {
  for (const name of ['yunnan', 'kunming', 'shenzhen', 'spc']) {
    const summary = shenguan.score({ ...input(name), detail: 'summary' });
    const out = shenguan.scoreTable(input(name));
    // The rule set first (read in one pass) or last (forms read once it is compiled): the same table.
    const { ruleSet: rs, ...rest } = input(name);
    assert.deepEqual(shenguan.scoreTable({ ruleSet: rs, ...rest }), out);
    assert.deepEqual(shenguan.score({ ruleSet: rs, ...rest, detail: 'summary' }), summary);
    assert.deepEqual([out.ruleSet, out.statistics], [summary.ruleSet, summary.statistics]);
    const { columns, rows } = out.table;
    assert.equal(rows.length, summary.judges.length);
    rows.forEach((row, i) => {
      const j = summary.judges[i];
      const at = (column) => row[columns.indexOf(column)];
      assert.equal(row.length, columns.length);
      for (const key of ['id', 'total', 'grade', 'gradeBasis']) assert.equal(at(key), j[key], `${name} ${j.id} ${key}`);
      for (const key of ['name', 'role', 'tier', 'zone', 'rank']) assert.equal(at(key), j[key] ?? null, `${name} ${j.id} ${key}`);
      for (const g of j.groups) assert.deepEqual([at(`${g.id}.score`), at(`${g.id}.weighted`)], [g.score, g.weighted]);
      const own = new Set(j.groups.map((g) => g.id));
      for (const c of columns.filter((c) => c.endsWith('.score') && !own.has(c.slice(0, -6)))) assert.equal(at(c), null);
      assert.deepEqual(at('vetoes'), j.vetoes.map((v) => v.id));
      assert.deepEqual(at('failedChecks'), (j.checks ?? []).filter((c) => c.passed === false).map((c) => c.id));
    });
  }
});

test('JSON text with Chinese, emoji and a lone surrogate is read whole', () => {
  const form = { ...input('yunnan') };
  form.judges = form.judges.map((j) => ({ ...j, name: `${j.name} 𠀀😀`, id: `${j.id}·审判员` }));
  const fromObject = shenguan.scoreTable(form);
  const text = JSON.stringify(form);
  assert.deepEqual(shenguan.scoreTable(text), fromObject);
  assert.equal(fromObject.table.rows[1][1], '副院长乙 𠀀😀');
  assert.equal(fromObject.table.rows[0][0], 'Y1·审判员');
  // A lone surrogate in the text cannot be UTF-8: it arrives as U+FFFD.
  const lone = shenguan.scoreTable(text.replace('院长甲 𠀀😀', '院长甲 \ud800𠀀'));
  assert.equal(lone.table.rows[0][1], '院长甲 \ufffd𠀀');
});
