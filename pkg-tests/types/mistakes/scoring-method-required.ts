// Parameters a method cannot do without: inRange's bound (one at least), efficacy's fixed bounds (both or neither), piecewise's two breakpoints, an outside rule's own figure.
import type { ScoringMethod, OutsideRule } from 'shenguan';

// expect-error TS2322: Type '{ type: "inRange"; }' is not assignable
export const noBound: ScoringMethod = { type: 'inRange' };
// expect-error TS2322: Type '{ type: "efficacy"; satisfactory: "1"; }' is not assignable
export const halfFixedBounds: ScoringMethod = { type: 'efficacy', satisfactory: '1' };
// expect-error TS2322: Source has 1 element(s) but target requires 2
export const onePoint: ScoringMethod = { type: 'piecewise', points: [{ x: 0, score: 60 }] };
// expect-error TS2322: Property 'score' is missing
export const fixedWithoutScore: OutsideRule = { rule: 'fixed' };
// expect-error TS2353: 'perUnit' does not exist in type '{ rule: "zero"; }'
export const zeroWithRate: OutsideRule = { rule: 'zero', perUnit: 400 };
