// `make bench`: builds and runs the native half (bench/native.rs), then times
// the very same inputs through the WASM package under Node, and prints both
// with their ratio. Usage: node bench/run.mjs [name-filter]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { budgets, measure, report } from '../scripts/sizes.mjs';

const out = 'target/bench';
const filter = process.argv[2] ?? '';

execFileSync('cargo', ['run', '--release', '--quiet', '--example', 'bench-native', '--', out, filter], { stdio: 'inherit' });
const manifest = JSON.parse(readFileSync(`${out}/manifest.json`, 'utf8'));

// The engine build that exports an operation (the smaller wasm a page would load).
const require = createRequire(import.meta.url);
const engines = Object.keys(budgets).filter((build) => build !== 'full');
const engineBuild = (operation) => engines.find((b) => typeof require(`../pkg/${b}/node.cjs`)[operation] === 'function');

const rows = [];
for (const w of manifest) {
  // Each workload in its own process: a fresh instance and heap.
  const time = (build) => Number(execFileSync('node', ['bench/wasm-one.mjs', w.input, w.operation, String(w.iterations), build], { encoding: 'utf8' }));
  const engine = engineBuild(w.operation);
  rows.push({ name: w.name, native: w.nativeMs, wasm: time('full'), engine, engineMs: time(engine), target: w.target, note: w.note });
}

const pad = (s, n) => String(s).padEnd(n);
const num = (x) => x.toFixed(2).padStart(10);
console.log(`\n${pad('workload', 40)} ${'native ms'.padStart(10)} ${'wasm ms'.padStart(10)} ${'ratio'.padStart(7)} ${'engine build ms'.padStart(24)}  target`);
for (const r of rows) {
  const engine = `${r.engine} ${r.engineMs.toFixed(2)} (${(r.engineMs / r.wasm).toFixed(2)}x)`;
  console.log(`${pad(r.name, 40)} ${num(r.native)} ${num(r.wasm)} ${(r.wasm / r.native).toFixed(2).padStart(7)} ${engine.padStart(24)}  ${r.target}`);
}
console.log('\nBest of the listed iterations after one warm-up; inputs passed as JSON text to both; each WASM workload in a fresh Node process. "wasm ms" is the full build (`shenguan`); "engine build" times the same workload through the one-engine build a page would import instead (`shenguan/assign`, `/standard`, `/score`), and its time against the full build\'s: `standard` and `score` are built for size (docs/package.md, "Where the size goes").');
for (const r of rows) if (r.note) console.log(`- ${r.name}: ${r.note}`);

// Each build's wasm against its size budget (scripts/sizes.mjs, docs/package.md).
console.log('\n== Package sizes: each build\'s wasm against its budget');
console.log(report(measure()));

// A year's ledger written and verified in full, streamed (time, memory, size),
// and the same replay by the plain-JS verifier written from the spec alone.
const year = manifest.find((w) => w.operation === 'verifyHead');
if (year) {
  const wasm = rows.find((r) => r.name === year.name).wasm;
  const plain = Number(execFileSync('node', ['--max-old-space-size=8000', 'bench/independent-head.mjs', year.input], { encoding: 'utf8' }));
  console.log(`\n== ${year.name} by pkg-tests/independent/verifier.mjs (plain JS, same input): ${(plain / 1000).toFixed(1)} s, ${(plain / wasm).toFixed(1)}x the WASM time`);
  console.log('\n== A year\'s ledger, written and verified as a stream (bench/year.mjs)');
  execFileSync('node', ['bench/year.mjs', year.input], { stdio: 'inherit' });
  execFileSync('node', ['bench/year-browser.mjs', year.input], { stdio: 'inherit' });
}

// Every operation at its size limit and just above it (src/limits.rs).
if (!filter || 'limits'.includes(filter)) {
  console.log('\n== Size limits: each operation at and above its limit (bench/limits.mjs)');
  execFileSync('node', ['bench/limits.mjs'], { stdio: 'inherit' });
}

// Each export at two sizes, first call of a fresh instance, Node and Chromium.
if (!filter || 'scaling'.includes(filter)) {
  console.log('\n== Scaling: each export at two sizes, both forms (bench/scaling.mjs)');
  execFileSync('node', ['bench/scaling.mjs'], { stdio: 'inherit' });
}

// The draw's quality against baselines on one synthetic year (not a timing).
if (!filter || 'quality'.includes(filter)) {
  console.log('\n== Quality of the draw (bench/quality.rs)');
  execFileSync('cargo', ['run', '--release', '--quiet', '--example', 'bench-quality'], { stdio: 'inherit' });
}
