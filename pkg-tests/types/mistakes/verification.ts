// verifyLedger takes no audit thresholds (auditLedger does); scoreTable has no detail level.
import { verifyLedger, auditLedger, scoreTable } from 'shenguan';
import type { AssignmentInput, RuleSet, JudgeForm } from 'shenguan';

export function check(inputs: AssignmentInput, ledger: string, ruleSet: RuleSet, judges: JudgeForm[]): void {
  auditLedger({ inputs, ledger, audit: { probabilityCeiling: '0.6' } });
  // expect-error TS2353: 'audit' does not exist in type 'VerifyInput'
  verifyLedger({ inputs, ledger, audit: { probabilityCeiling: '0.6' } });
  // expect-error TS2353: 'detail' does not exist in type 'ScoreTableInput'
  scoreTable({ ruleSet, judges, detail: 'summary' });
}
