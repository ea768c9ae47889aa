// The text form takes JSON text of the export's own input, marked once where it is made.
import { assign, score, validateRuleSet } from 'shenguan';
import type { AssignmentInput, JsonText, RuleSet } from 'shenguan';

export function run(inputs: AssignmentInput, fileText: string, ruleSet: RuleSet): string {
  const text = JSON.stringify(inputs) as JsonText<AssignmentInput>;
  const ledger = assign(text);
  // expect-error TS2345: Argument of type 'string' is not assignable
  assign(fileText);
  const ruleSetText = JSON.stringify(ruleSet) as JsonText<RuleSet>;
  validateRuleSet(ruleSetText);
  // expect-error TS2345: Argument of type 'JsonText<RuleSet>' is not assignable
  assign(ruleSetText);
  // expect-error TS2345: Argument of type 'JsonText<AssignmentInput>' is not assignable
  score(text);
  return ledger;
}
