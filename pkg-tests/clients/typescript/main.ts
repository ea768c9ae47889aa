// A strict TypeScript consumer of the installed package: the import lines,
// the input and output types, the text form and the error guard.
import init, { commitRun, assign, verifyLedger, standardCases, score, isShenguanError } from 'shenguan';
import initScore, { scoreOne, isShenguanError as isScoreError } from 'shenguan/score';
import type { AssignmentInput, JsonText, ScoreInput, StandardCasesInput, VerifyReport, ShenguanError, DecimalString } from 'shenguan';

export async function check(): Promise<string[]> {
  await init();
  await initScore();
  const run: AssignmentInput = {
    judges: [{ id: 'J1', department: 'civil', caseTypes: ['contract'], role: 'judge', share: 1 }],
    cases: [{ id: 'C1', caseType: 'contract', department: 'civil', weight: '1.5' }],
    seed: '5a'.repeat(32), beacon: { kind: 'none' }, committedAt: '2026-03-02T00:00:00Z',
  };
  const inputs: AssignmentInput = { ...run, commitment: commitRun(run).commitment };
  const ledger: string = assign(JSON.stringify(inputs) as JsonText<AssignmentInput>);
  const report: VerifyReport = verifyLedger({ inputs, ledger });
  const standardInput: StandardCasesInput = {
    config: { caseTypes: { contract: { category: 'civil' } } },
    baseline: { year: 2025, pooled: { averages: { dossier: '100', transcript: '10', judgment: '10' } } },
    cases: [{ id: 'S1', caseType: 'contract', pages: { dossier: 200, transcript: 10, judgment: 10 } }],
  };
  const total: DecimalString = standardCases(standardInput).total;
  const scoreInput: ScoreInput = {
    ruleSet: {
      id: 'r', version: '1',
      indicators: [{ id: 'q', method: { type: 'inRange', min: '0.9', max: 1, outside: { rule: 'perUnit', perUnit: 100 } } }],
      groups: [{ id: 'all', weight: 100, indicators: [{ indicator: 'q', weight: 100 }] }],
    },
    judges: [{ id: 'J1', values: { q: '0.95' } }],
  };
  const scored: DecimalString | null = score(scoreInput).judges[0]?.total ?? null;
  const one: DecimalString | null = scoreOne({ ruleSet: scoreInput.ruleSet, judge: scoreInput.judges[0]! }).judge.total;
  try {
    assign({ ...inputs, seed: 'x' });
    return ['no error'];
  } catch (e: unknown) {
    if (!isShenguanError(e)) throw e;
    const err: ShenguanError = e;
    return [String(report.ok), total, scored ?? '-', one ?? '-', err.code, err.path, err.messageZh, String(isScoreError(e))];
  }
}

// The installed declarations are the strict ones, in both resolution modes:
// each line below must fail to compile, or tsc reports an unused directive.
export function mistakes(inputs: AssignmentInput): void {
  // @ts-expect-error plain text is not JsonText<AssignmentInput>
  assign('{}');
  // @ts-expect-error a baseline method takes no breakpoints
  score({ ruleSet: { id: 'r', version: '1', indicators: [{ id: 'q', method: { type: 'baseline', points: [] } }] }, judges: [] });
  // @ts-expect-error verifyLedger takes no audit thresholds
  verifyLedger({ inputs, ledger: '', audit: {} });
}
