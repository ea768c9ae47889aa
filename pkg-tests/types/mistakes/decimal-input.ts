// A decimal input is a number, a numeric string or an output decimal: not any text.
import type { Judge, AssignmentConfig, GroupDef } from 'shenguan';

export function judge(id: string, department: string): Judge {
  // expect-error TS2322: Type 'string' is not assignable to type 'DecimalInput'
  return { id, department, caseTypes: ['contract'], role: 'judge', share: department };
}
export const config: AssignmentConfig = {
  tolerance: '2.5',
  // expect-error TS2322: Type '"50%"' is not assignable to type 'DecimalInput
  maxProbability: '50%',
};
export const group: GroupDef = {
  id: 'quality',
  // expect-error TS2322: Type '"1,5"' is not assignable to type 'DecimalInput
  weight: '1,5',
  indicators: [],
};
