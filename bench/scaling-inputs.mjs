// The exports bench/scaling.mjs measures, each with the smaller of its two
// sizes (the larger is 4 times it) and its input at a size, as JSON text.
// Sizes are chosen so that the larger call takes about 0.2-3 s in Node on a
// 2-core machine: above the noise and the first call's fixed costs, and the
// whole bench within about 15 minutes. Rule sets are capped at 1,000
// indicators (src/limits.rs), so the indicator rows use step scales of 20
// steps each to give every indicator real work.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as inputs from './limits-inputs.mjs';

const require = createRequire(import.meta.url);
export const dir = 'target/bench/scaling';
const wasm = new URL('../pkg/full/shenguan_bg.wasm', import.meta.url);
const shenguan = require('../pkg/full/node.cjs');

const memo = (f) => { const seen = new Map(); return (n) => { if (!seen.has(n)) seen.set(n, f(n)); return seen.get(n); }; };
// Runs of `n` cases over 120 judges in 6 departments, their ledgers and chain heads.
const runText = memo((n) => inputs.assignment(shenguan, { judges: 120, cases: n, departments: 6 }));
const ledger = memo((n) => shenguan.assign(runText(n)));
const head = memo((n) => shenguan.verifyHead(`{"inputs":${runText(n)},"head":""}`).head);
const withLedger = (n) => `{"inputs":${runText(n)},"ledger":${JSON.stringify(ledger(n))}}`;

/** A rule set of `n` indicators on step scales of 20 labelled steps, in one group. */
function ruleSet(n) {
  const steps = Array.from({ length: 20 }, (_, j) => ({ from: String(j * 5), score: String(j), label: `第${j}档` }));
  const indicators = Array.from({ length: n }, (_, i) => ({ id: `q${i}`, name: `指标${i}`, method: { type: 'steps', steps } }));
  return { id: 'wide', version: '1', indicators, groups: [{ id: 'g', name: '组', weight: '100', indicators: indicators.map((x) => ({ indicator: x.id, weight: '1' })) }] };
}
const oneForm = (n) => ({ ruleSet: ruleSet(n), judge: { id: 'J', values: Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i}`, i % 101])) } });

/** The targets vector's input with `judges` judges in departments of 50. */
function targets(judges) {
  const vector = JSON.parse(readFileSync(new URL('../tests/vectors/standard/targets.json', import.meta.url), 'utf8'));
  const per = 50;
  const departments = Array.from({ length: Math.ceil(judges / per) }, (_, d) => ({ id: `D${d}`, judges: Array.from({ length: Math.min(per, judges - d * per) }, (_, j) => `J${d * per + j}`) }));
  return JSON.stringify({ ...vector.steps[0].input, departments });
}

// export, unit, the smaller size, input of size n
export const rows = [
  ['commitRun', 'cases', 40_000, runText],
  ['assign', 'cases', 20_000, runText],
  ['carryForward', 'cases', 20_000, runText],
  ['verifyLedger', 'entries', 10_000, withLedger],
  ['verifyChain', 'entries', 10_000, (n) => JSON.stringify({ ledger: ledger(n) })],
  ['verifyHead', 'entries', 40_000, (n) => `{"inputs":${runText(n)},"head":"${head(n)}"}`],
  ['auditLedger', 'entries', 5_000, withLedger],
  ['computeBaseline', 'cases', 100_000, inputs.computeBaseline],
  ['standardCases', 'cases', 25_000, inputs.standardCases],
  ['standardCaseWeights', 'cases', 50_000, inputs.standardCases],
  ['standardCasesBulk', 'cases', 500_000, inputs.standardCasesBulk],
  ['enforcementCases', 'cases', 50_000, inputs.enforcementCases],
  ['standardTargets', 'judges', 25_000, targets],
  ['validateRuleSet', 'indicators', 250, (n) => JSON.stringify(ruleSet(n))],
  ['score', 'judges', 1_500, inputs.score],
  ['scoreTable', 'judges', 10_000, inputs.score],
  ['scoreOne', 'indicators', 250, (n) => JSON.stringify(oneForm(n))],
];

/** The file holding `operation`'s input of size `n`, written unless a file newer than the package's wasm holds it. */
export function inputFile(operation, n, build) {
  const file = `${dir}/${operation}-${n}.json`;
  let fresh = false;
  try { fresh = statSync(file).mtimeMs > statSync(wasm).mtimeMs; } catch { /* not written yet */ }
  if (!fresh) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, build(n));
  }
  return file;
}
