// `make bench`: every operation at its size limit, just above it, and at the
// sizes that used to fail, each in a fresh Node process (a fresh instance):
// outcome, time, WebAssembly memory and output size. The limits are in
// src/limits.rs and the README. Usage: node bench/limits.mjs [name-filter]
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as inputs from './limits-inputs.mjs';

const scenarios = {
  'score 10,000 judges, explained (limit)': ['score', () => inputs.score(10_000)],
  'score 10,001 judges, explained': ['score', () => inputs.score(10_001)],
  'score 100,000 judges, summary (limit)': ['score', () => inputs.score(100_000).slice(0, -1) + ',"detail":"summary"}'],
  'score 2,000,000 judges, 1 indicator': ['score', () => inputs.scoreLean(2_000_000)],
  'score 250 judges x 1,000 figures, explained (limit)': ['score', () => inputs.scoreWide(250, 999)],
  'score 1,500 judges x 1,000 figures, explained': ['score', () => inputs.scoreWide(1_500, 999)],
  'scoreTable 200,000 judges (limit)': ['scoreTable', () => inputs.score(200_000)],
  'scoreTable 200,001 judges': ['scoreTable', () => inputs.score(200_001)],
  'standardCases 200,000 cases (limit)': ['standardCases', () => inputs.standardCases(200_000)],
  'standardCases 1,000,000 cases': ['standardCases', () => inputs.standardCases(1_000_000)],
  'standardCasesBulk 5,000,000 cases (limit)': ['standardCasesBulk', () => inputs.standardCasesBulk(5_000_000)],
  'standardCasesBulk 5,000,001 cases': ['standardCasesBulk', () => inputs.standardCasesBulk(5_000_001)],
  'computeBaseline 1,000,000 cases (limit)': ['computeBaseline', () => inputs.computeBaseline(1_000_000)],
  'enforcementCases 200,000 cases (limit)': ['enforcementCases', () => inputs.enforcementCases(200_000)],
  'assign 2,000 tied judges, 100 cases (limit)': ['assign', (s) => inputs.assignment(s, { judges: 2_000, cases: 100 })],
  'assign 2,001 judges, 100 cases': ['assign', (s) => inputs.assignment(s, { judges: 2_001, cases: 100 })],
  'assign 100,000 tied judges, 100 cases': ['assign', (s) => inputs.assignment(s, { judges: 100_000, cases: 100 })],
  'assign 2,000 tied judges, panels of 15': ['assign', (s) => inputs.assignment(s, { judges: 2_000, cases: 1_000, panelSize: 15 })],
  'assign 300,000 cases, 1,200 judges': ['assign', (s) => inputs.assignment(s, { judges: 1_200, cases: 300_000, departments: 20 })],
  'assign 500,000 cases, 1,200 judges': ['assign', (s) => inputs.assignment(s, { judges: 1_200, cases: 500_000, departments: 20 })],
  'LedgerWriter 1,000,000 cases (limit)': ['LedgerWriter', (s) => inputs.assignment(s, { judges: 1_200, cases: 1_000_000, departments: 20 })],
  'commitRun 1,000,001 cases': ['commitRun', (s) => inputs.assignment(s, { judges: 1_200, cases: 1_000_001, departments: 20 })],
};

function runOne(name) {
  const require = createRequire(import.meta.url);
  const shenguan = require('../pkg/full/node.cjs');
  const [operation, build] = scenarios[name];
  const text = build(shenguan);
  const start = process.hrtime.bigint();
  let outcome = 'ok';
  let bytes = 0;
  try {
    if (operation === 'LedgerWriter') {
      const writer = new shenguan.LedgerWriter(text, 1 << 20);
      for (let part = writer.next(); part !== undefined; part = writer.next()) bytes += part.length;
    } else {
      const output = shenguan[operation](text);
      bytes = typeof output === 'string' ? output.length : JSON.stringify(output).length;
    }
  } catch (e) {
    outcome = e.code ? `${e.code} at '${e.path}'` : `uncoded: ${e}`;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(JSON.stringify({ outcome, ms, wasmMiB: shenguan.wasmMemoryBytes() / 2 ** 20, inputMiB: text.length / 2 ** 20, outputMiB: bytes / 2 ** 20 }));
}

if (process.argv[2] === '--one') {
  runOne(process.argv[3]);
} else {
  const filter = process.argv[2] ?? '';
  console.log(`${'input'.padEnd(46)} ${'outcome'.padEnd(30)} ${'ms'.padStart(8)} ${'wasm MiB'.padStart(9)} ${'in MiB'.padStart(7)} ${'out MiB'.padStart(8)}`);
  for (const name of Object.keys(scenarios).filter((n) => n.includes(filter))) {
    let row;
    try {
      row = JSON.parse(execFileSync('node', ['--max-old-space-size=8000', 'bench/limits.mjs', '--one', name], { encoding: 'utf8', maxBuffer: 1 << 20 }));
    } catch (e) {
      row = { outcome: `process failed: ${String(e.stderr ?? e).split('\n').find((l) => /Error|unreachable/.test(l)) ?? e.status}`, ms: NaN, wasmMiB: NaN, inputMiB: NaN, outputMiB: NaN };
    }
    const f = (x, n) => (Number.isFinite(x) ? x.toFixed(0) : '-').padStart(n);
    console.log(`${name.padEnd(46)} ${row.outcome.padEnd(30)} ${f(row.ms, 8)} ${f(row.wasmMiB, 9)} ${f(row.inputMiB, 7)} ${f(row.outputMiB, 8)}`);
  }
}
