// lowerIsBetter reverses minMax, efficacy and zScore only; a leader check's kind decides its fields.
import type { IndicatorDef, LeaderCheckDef } from 'shenguan';

export const indicators: IndicatorDef[] = [
  { id: 'duration', direction: 'lowerIsBetter', method: { type: 'minMax' } },
  // expect-error TS2322: Type '"direct"' is not assignable to type '"minMax" | "efficacy" | "zScore"'
  { id: 'appeals', direction: 'lowerIsBetter', method: { type: 'direct' } },
];

export const checks: LeaderCheckDef[] = [
  { id: 'presidentCases', kind: 'minShareOfBaseline', indicator: 'closedCases', share: '0.05' },
  // expect-error TS2322: Property 'denominator' is missing
  { id: 'ratio', kind: 'minRatio', indicator: 'closedCases', min: '0.3' },
  // expect-error TS2353: 'denominator' does not exist
  { id: 'share', kind: 'minShareOfBaseline', indicator: 'closedCases', denominator: 'received' },
];
