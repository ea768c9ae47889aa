// Output decimals are exact strings: no arithmetic on them, no reading them as numbers.
import { score } from 'shenguan';
import type { ScoreInput } from 'shenguan';

export function totals(input: ScoreInput): number[] {
  const out = score(input);
  const judge = out.judges[0]!;
  // expect-error TS2362: The left-hand side of an arithmetic operation
  const doubled = judge.total! * 2;
  // expect-error TS2322: Type 'DecimalString' is not assignable to type 'number'
  const first: number = out.statistics.populations[0]!.mean;
  return [doubled, first];
}
