// Times one workload through the WASM package in a fresh Node process (a
// fresh instance and heap, so no workload runs in the memory another left
// behind). Usage: node bench/wasm-one.mjs <input file> <operation> <iterations> [build]
// Prints the best time in ms of the iterations after one warm-up; `build` is
// one of the package's builds (full, assign, standard, score; default full).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [file, operation, iterations, build = 'full'] = process.argv.slice(2);
const shenguan = require(`../pkg/${build}/node.cjs`);
const input = readFileSync(file, 'utf8');
const fn = shenguan[operation];
let best = Infinity;
for (let i = 0; i <= Number(iterations); i++) {
  const start = process.hrtime.bigint();
  fn(input);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (i > 0) best = Math.min(best, ms);
}
console.log(best);
