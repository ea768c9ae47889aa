// A scoring method takes only its own type's parameters (docs/scoring.md, Methods).
import type { ScoringMethod } from 'shenguan';

export const methods: ScoringMethod[] = [
  { type: 'efficacy', base: 60, span: 40, cap: 100 },
  // expect-error TS2353: 'points' does not exist in type 'BaselineMethod'
  { type: 'baseline', points: [{ x: 0, score: 0 }, { x: 1, score: 100 }] },
  // expect-error TS2353: 'base' does not exist in type 'ZScoreMethod'
  { type: 'zScore', center: 50, base: 60 },
  // expect-error TS2353: 'min' does not exist in type 'MinMaxMethod'
  { type: 'minMax', min: 0, max: 100 },
];
