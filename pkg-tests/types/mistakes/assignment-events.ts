// Each event kind with its own fields; a manual step names reason, approver and time.
import type { AssignmentEvent, Reason } from 'shenguan';

export const events: AssignmentEvent[] = [
  { kind: 'draw', caseId: 'C1' },
  // expect-error TS2353: 'judgeId' does not exist in type '{ kind: "draw"; caseId: string; }'
  { kind: 'draw', caseId: 'C2', judgeId: 'J1' },
  // expect-error TS2322: is missing the following properties from type 'ManualStep': judgeId, reason, approver, time
  { kind: 'designate', caseId: 'C3' },
  // expect-error TS2322: Type '"sick"' is not assignable to type 'Availability'
  { kind: 'availability', judgeId: 'J2', availability: 'sick' },
];
// expect-error TS2322: Property 'text' is missing
export const unexplained: Reason = { code: 'other' };
