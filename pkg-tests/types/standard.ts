// A typed use of the standard-case exports; checked by `tsc --noEmit`.
import init, {
  computeBaseline, standardCases, standardCaseWeights, standardCasesBulk, enforcementCases, standardTargets,
} from '../../pkg/full/index.js';
import type {
  Baseline, StandardConfig, StandardCase, StandardCasesOutput, StandardCaseResult, StandardCaseWeightsOutput,
  StandardCasesBulkInput, StandardCasesBulkOutput, EnforcementCasesOutput, StandardTargetsOutput, StandardWeek, ShenguanErrorFields, JsonText,
} from '../../pkg/full/index.js';

const config: StandardConfig = {
  rounding: { places: 2, mode: 'halfUp' },
  caseTypes: {
    civil: { label: '民事', category: 'civil' },
    complexCommercial: { category: 'civil', coefficient: '1.5', baseWeight: 1.2 },
    preservation: { fixed: '0.2' },
  },
  procedures: { ordinary: '1.1', summary: '0.8' },
  complexity: { simple: '0.9', complex: '1.3' },
  enforcement: { closings: { fullyEnforced: { coefficient: 1 }, terminatedThisRound: { coefficient: '0.6', requiresApproval: true } } },
};

const closed: StandardCase[] = [
  { id: 'A', caseType: 'civil', category: 'civil', judge: 'J1', department: 'D1', pages: { dossier: 100, transcript: 8, judgment: 8 } },
  { id: 'B', caseType: 'complexCommercial', category: 'civil', judge: 'J2', procedure: 'ordinary', pages: { dossier: '250', transcript: 20, judgment: 30 } },
];

function line(c: StandardCaseResult): string {
  const terms = (c.explanation.components ?? []).filter((t) => t.used).map((t) => `${t.weight}×${t.pages}/${t.average}`);
  return `${c.id} ${c.standard} [${terms.join(' + ')}] ${c.explanation.formula}`;
}

export async function demo(): Promise<string[]> {
  await init();
  const baseline: Baseline = computeBaseline({ year: 2019, scope: 'perCategory', categories: ['civil'], cases: closed });
  const out: StandardCasesOutput = standardCases({ config, baseline, cases: closed });
  const lines = out.cases.map(line);
  lines.push(`baseline ${out.baseline.year} ${out.baseline.digest} total ${out.total}`);
  for (const j of out.judges) lines.push(`${j.judge}: ${j.standard} (${j.caseIds.join(',')})`);

  const weights: StandardCaseWeightsOutput = standardCaseWeights({ config, baseline, cases: closed });
  const assignmentWeight: string | undefined = weights.weights['A'];
  lines.push(`weight of A: ${assignmentWeight ?? 'none'}`);

  const bulkInput: StandardCasesBulkInput = {
    config, baseline, kinds: [{ caseType: 'civil' }], kind: [0, 0], dossier: [100, 200], transcript: [8, 16], judgment: [8, 16],
  };
  const bulk: StandardCasesBulkOutput = standardCasesBulk(JSON.stringify(bulkInput) as JsonText<StandardCasesBulkInput>);
  lines.push(`bulk ${bulk.count} ${bulk.total} ${(bulk.values ?? []).join(',')}`);

  const enf: EnforcementCasesOutput = enforcementCases({ config, cases: [{ id: 'E1', closing: 'fullyEnforced' }, { id: 'E2', closing: 'terminatedThisRound' }] });
  lines.push(`enforcement ${enf.total}; not counted: ${enf.unapproved.map((u) => `${u.id} ${u.reasonZh}`).join(';')}`);

  const targets: StandardTargetsOutput = standardTargets({
    lastYear: { totalStandard: '1200', judges: 10, intake: 3300 }, expectedIntake: 3600, goal: '1.05',
    departments: [{ id: 'D1', judges: ['J1', 'J2'] }], progress: { throughMonth: 6, actual: { J1: '70' } },
  });
  const percent: string | null | undefined = targets.judges[0]?.progress?.percentOfTarget;
  lines.push(`basic ${targets.basicTarget} months ${targets.monthly.join(' ')} J1 ${percent ?? '-'}%`);
  const byWeek: StandardTargetsOutput = standardTargets({
    year: 2026, weekly: true, lastYear: { perJudgeAverage: '100', intake: 1000 }, expectedIntake: 1100,
    departments: [{ id: 'D1', judges: ['J1'] }],
  });
  const firstWeek: StandardWeek | undefined = byWeek.weeks?.[0];
  lines.push(`week ${firstWeek?.isoWeek ?? '-'} ${firstWeek?.workdays ?? 0} days: ${byWeek.judges[0]?.weekly?.[0] ?? '-'}`);

  try {
    standardCases({ config, cases: closed });
  } catch (e) {
    const err = e as Error & ShenguanErrorFields;
    lines.push(`${err.code} at ${err.path}: ${err.messageZh}`);
  }
  return lines;
}
