// A typed use of the scoring exports; checked by `tsc --noEmit`.
import init, { validateRuleSet, score, scoreOne, scoreTable } from '../../pkg/full/index.js';
import type {
  RuleSet, ScoreInput, ScoreOutput, ScoreOneOutput, JudgeScore, ExplanationNode, ValidationReport, MissingInput, GradeCutoff,
  ScoreTableInput, ScoreTableOutput, ScoreTableCell,
} from '../../pkg/full/index.js';

const ruleSet: RuleSet = {
  id: 'demo',
  version: '1',
  weightsMustSumTo: '100',
  indicators: [
    { id: 'closedCases', type: 'count', method: { type: 'piecewise', cap: 110, points: [{ x: 0, score: 0 }, { x: 150, score: 60, label: 'base' }, { x: 250, score: 100 }] } },
    { id: 'timelyRate', method: { type: 'inRange', min: '0.95', max: 1, outside: { rule: 'perUnit', perUnit: 400 } } },
    { id: 'violation', type: 'boolean' },
  ],
  groups: [{ id: 'all', weight: 100, indicators: [{ indicator: 'closedCases', weight: 60 }, { indicator: 'timelyRate', weight: 40 }] }],
  vetoes: [{ id: 'v', indicator: 'violation', when: { op: 'eq', value: 1 }, grade: 'fail' }],
  grades: {
    levels: [{ id: 'excellent', minScore: 90, maxShare: '0.2', requires: [{ group: 'all', minScore: '90' }] }, { id: 'fail' }],
    ties: 'allStay',
  },
  ranking: false,
};

function walk(node: ExplanationNode, depth = 0): string[] {
  const line = `${'  '.repeat(depth)}${node.kind} ${node.id} = ${node.value ?? '?'} ${(node.flags ?? []).join(',')}`;
  return [line, ...(node.children ?? []).flatMap((c) => walk(c, depth + 1))];
}

export async function demo(): Promise<string[]> {
  await init();
  const report: ValidationReport = validateRuleSet(ruleSet);
  if (!report.valid) return report.problems.map((p) => `${p.code} ${p.path}: ${p.messageZh}`);
  const input: ScoreInput = {
    ruleSet,
    judges: [{ id: 'J1', values: { closedCases: 200, timelyRate: '0.97', violation: false } }],
    detail: 'full',
  };
  const out: ScoreOutput = score(input);
  const first: JudgeScore | undefined = out.judges[0];
  const live: ScoreOneOutput = scoreOne({ ruleSet, judge: { id: 'J1', values: { closedCases: 200, timelyRate: null } }, statistics: out.statistics });
  const missing: MissingInput[] = live.judge.missing ?? [];
  const cutoffs: GradeCutoff[] = out.statistics.gradeCutoffs ?? [];
  const provisional: string | undefined = live.judge.gradeProvisional?.reasonZh;
  const digest: string = out.ruleSet.digest;
  const tableInput: ScoreTableInput = { ruleSet, judges: input.judges };
  const table: ScoreTableOutput = scoreTable(tableInput);
  const totalAt = table.table.columns.indexOf('total');
  const totals: ScoreTableCell[] = table.table.rows.map((row) => row[totalAt] ?? null);
  return [digest, first?.total ?? 'none', ...totals.map(String), ...missing.map((m) => m.path), ...cutoffs.map((c) => `${c.grade} ≥ ${c.lowestTotal ?? 'none'}`), provisional ?? '', ...(first?.explanation ? walk(first.explanation) : [])];
}
