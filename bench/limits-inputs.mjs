// Inputs at, just above and far above each operation's size limits (see
// src/limits.rs), built as JSON text from the test vectors' shapes. Shared by
// bench/limits.mjs (measured, each in a fresh process) and
// pkg-tests/limits.test.mjs (the refusals).
import { readFileSync } from 'node:fs';

const vector = (path) => JSON.parse(readFileSync(new URL(`../tests/vectors/${path}`, import.meta.url), 'utf8'));
const firstInput = (v) => (v.steps ? v.steps[0].input : v.input);

/** `{...head, [key]: [item(0), item(1), ...]}` as JSON text, without building the array as objects. */
function withList(head, key, n, item) {
  const parts = new Array(n);
  for (let i = 0; i < n; i++) parts[i] = JSON.stringify(item(i));
  const text = JSON.stringify({ ...head, [key]: [] });
  return `${text.slice(0, -3)}[${parts.join(',')}]}`;
}

export function score(judges) {
  const { judges: forms, ...head } = firstInput(vector('scoring/score-table.json'));
  return withList(head, 'judges', judges, (i) => ({ ...forms[i % forms.length], id: `J${i}` }));
}

/** A one-indicator rule set and forms of about 30 bytes: the most judges one string holds. */
export function scoreLean(judges) {
  const ruleSet = {
    id: 'lean', version: '1',
    indicators: [{ id: 'q', name: '质量', method: { type: 'direct', cap: '100', floor: '0' } }],
    groups: [{ id: 'g', name: '组', weight: '100', indicators: [{ indicator: 'q', weight: '100' }] }],
  };
  return withList({ ruleSet }, 'judges', judges, (i) => ({ id: `J${i}`, values: { q: i % 101 } }));
}

/** A rule set of `indicators` direct indicators in one group, and complete forms: the most figures per judge. */
export function scoreWide(judges, indicators) {
  const list = Array.from({ length: indicators }, (_, i) => ({ id: `q${i}`, name: `指标${i}`, method: { type: 'direct', cap: '100', floor: '0' } }));
  const ruleSet = { id: 'wide', version: '1', indicators: list, groups: [{ id: 'g', name: '组', weight: '100', indicators: list.map((x) => ({ indicator: x.id, weight: '1' })) }] };
  const values = Object.fromEntries(list.map((x, i) => [x.id, i % 101]));
  return withList({ ruleSet }, 'judges', judges, (i) => ({ id: `J${i}`, values }));
}

export function standardCases(cases) {
  const { cases: list, ...head } = firstInput(vector('standard/zero-average.json'));
  return withList(head, 'cases', cases, (i) => ({ ...list[i % list.length], id: `(2026)示0101民初${i}号` }));
}

export function computeBaseline(cases) {
  const { cases: list, ...head } = firstInput(vector('standard/baseline.json'));
  return withList(head, 'cases', cases, (i) => ({ ...list[i % list.length], id: `K${i}` }));
}

export function enforcementCases(cases) {
  const { cases: list, ...head } = firstInput(vector('standard/enforcement.json'));
  return withList(head, 'cases', cases, (i) => ({ ...list[i % list.length], id: `E${i}` }));
}

export function standardCasesBulk(cases) {
  const input = firstInput(vector('standard/bulk.json'));
  const column = (f) => Array.from({ length: cases }, (_, i) => f(i));
  const kinds = input.kinds.length;
  return JSON.stringify({
    ...input,
    kind: column((i) => i % kinds),
    dossier: column((i) => 10 + (i % 400)),
    transcript: column((i) => i % 30),
    judgment: column((i) => 2 + (i % 40)),
    judge: column((i) => i % input.judgeIds.length),
  });
}

/**
 * An assignment run: `judges` judges in `departments` departments, all of
 * one case type and load 0 (so tied judges all join a pool), `cases` cases
 * with panels of `panelSize`. Committed with `commitRun` of `shenguan`.
 */
export function assignment(shenguan, { judges, cases, departments = 1, panelSize = 1 }) {
  const input = {
    court: '限额测试法院',
    seed: '5eed'.repeat(16),
    committedAt: '2026-12-01T00:00:00Z',
    beacon: { kind: 'none' },
    judges: Array.from({ length: judges }, (_, i) => ({
      id: `J${i}`, department: `D${i % departments}`, caseTypes: ['civil'], role: 'judge', share: '1',
    })),
  };
  const head = JSON.stringify(input).slice(0, -1);
  const list = new Array(cases);
  for (let i = 0; i < cases; i++) {
    list[i] = JSON.stringify({ id: `C${i}`, caseType: 'civil', department: `D${i % departments}`, panelSize });
  }
  const caseList = list.join(',');
  const uncommitted = `${head},"cases":[${caseList}]}`;
  // Above a limit commitRun refuses the run as the draw will: any commitment does.
  let commitment = '0'.repeat(64);
  try { ({ commitment } = shenguan.commitRun(uncommitted)); } catch { /* refused */ }
  return `${head},"commitment":"${commitment}","cases":[${caseList}]}`;
}
