// A typed use of the scoring exports; checked by `tsc --noEmit`.
import init, { validateRuleSet, score, scoreOne, scoreTable } from '../../pkg/full/index.js';
import type {
  RuleSet, ScoreInput, ScoreOutput, ScoreOneOutput, JudgeScore, ExplanationNode, ValidationReport, MissingInput, GradeCutoff,
  ScoreTableInput, ScoreTableOutput, ScoreTableCell, ScoringWarning, PopulationUsed,
} from '../../pkg/full/index.js';

const ruleSet: RuleSet = {
  id: 'demo',
  version: '1',
  weightsMustSumTo: '100',
  populations: { scope: 'tier', vetoed: 'exclude' },
  indicators: [
    { id: 'closedCases', type: 'count', method: { type: 'piecewise', cap: 110, points: [{ x: 0, score: 0 }, { x: 150, score: 60, label: 'base' }, { x: 250, score: 100 }] } },
    { id: 'timelyRate', method: { type: 'inRange', min: '0.95', max: 1, outside: { rule: 'perUnit', perUnit: 400 } } },
    { id: 'violation', type: 'boolean' },
    { id: 'days', method: { type: 'inRange', max: 90, outside: { rule: 'perUnit', perUnit: 1 } } },
    { id: 'closure', method: { type: 'efficacy', satisfactory: '0.95', unallowed: '0.7', cap: 100 } },
    { id: 'hard', type: 'count', method: { type: 'steps', scoreBelow: 0, steps: [{ from: 3, score: 60, label: '最低办案数' }, { over: 7, score: 100 }] } },
    { id: 'handled', type: 'count' },
    { id: 'panel', type: 'count' },
    { id: 'credited', credit: { handling: 'handled', panel: 'panel', panelShare: '0.2', panelShareByRole: { president: '0.1' }, panelCapShare: '0.2', panelCap: 6 } },
  ],
  totalCap: 100,
  bonusesCap: '5',
  deductionsCap: '8',
  groups: [{ id: 'all', weight: 100, indicators: [{ indicator: 'closedCases', weight: 60 }, { indicator: 'timelyRate', weight: 40 }] }],
  vetoes: [
    { id: 'v', indicator: 'violation', when: { op: 'eq', value: 1 }, grade: 'fail' },
    { id: 'g', group: 'all', when: { op: 'lt', value: 60 }, grade: 'fail' },
    { id: 't', total: true, when: { op: 'lt', value: '60' }, grade: 'fail' },
  ],
  grades: {
    levels: [{ id: 'excellent', minScore: 90, maxShare: '0.2', requires: [{ group: 'all', minScore: '90' }, { allInRange: true }] }, { id: 'fail' }],
    ties: 'allStay',
    vetoed: 'exclude',
  },
  ranking: false,
};

function walk(node: ExplanationNode, depth = 0): string[] {
  const used: PopulationUsed | undefined = node.population;
  const line = `${'  '.repeat(depth)}${node.kind} ${node.id} = ${node.value ?? '?'} ${(node.flags ?? []).join(',')} ${node.formulaZh ?? ''} ${node.noteZh ?? ''} ${used?.labelZh ?? ''}`;
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
  const outside: number = first?.outOfRange ?? 0;
  // @ts-expect-error a veto tests one thing, not an indicator and a group
  const twoSubjects: RuleSet['vetoes'] = [{ id: 'x', indicator: 'violation', group: 'all', when: { op: 'lt', value: 1 }, grade: 'fail' }];
  // @ts-expect-error a satisfactory value needs its unallowed value
  const halfBounds: RuleSet['indicators'] = [{ id: 'y', method: { type: 'efficacy', satisfactory: '0.95' } }];
  // @ts-expect-error a step has from or over, not both
  const bothBounds: RuleSet['indicators'] = [{ id: 'z', method: { type: 'steps', steps: [{ from: 1, over: 2, score: 1 }] } }];
  const warnings: ScoringWarning[] = [...(report.warnings ?? []), ...(out.warnings ?? [])];
  const gradeLabel: string | undefined = first?.gradeLabel ?? first?.vetoes[0]?.gradeLabel;
  const tableInput: ScoreTableInput = { ruleSet, judges: input.judges };
  const table: ScoreTableOutput = scoreTable(tableInput);
  const totalAt = table.table.columns.indexOf('total');
  const totals: ScoreTableCell[] = table.table.rows.map((row) => row[totalAt] ?? null);
  return [digest, String(outside), String(twoSubjects?.length ?? halfBounds.length + bothBounds.length), first?.total ?? 'none', ...totals.map(String), ...missing.map((m) => m.path), ...cutoffs.map((c) => `${c.grade} ≥ ${c.lowestTotal ?? 'none'}`), provisional ?? '', gradeLabel ?? '', ...warnings.map((w) => `${w.code} ${w.path}`), ...(first?.explanation ? walk(first.explanation) : [])];
}
