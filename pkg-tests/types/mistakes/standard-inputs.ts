// Standard-case inputs: judge indexes come with their ids, page counts are whole, last year's output is stated one way or the other.
import type { StandardCasesBulkInput, StandardTargetsInput, StandardPages } from 'shenguan';

const parallel = { kinds: [{ caseType: 'civil' }], kind: [0], dossier: [100], transcript: [10], judgment: [8] };
export const byJudge: StandardCasesBulkInput = { ...parallel, judgeIds: ['J1'], judge: [0] };
// expect-error TS2322: is not assignable to type 'StandardCasesBulkInput'
export const indexWithoutIds: StandardCasesBulkInput = { ...parallel, judge: [0] };
// expect-error TS2322: Type '"1.5"' is not assignable to type 'PageCount | undefined'
export const halfPage: StandardPages = { dossier: '1.5' };
export const targets: StandardTargetsInput = {
  // expect-error TS2322: Property 'judges' is missing
  lastYear: { totalStandard: 1200, intake: 1000 },
  expectedIntake: 1100,
  departments: [],
};
