// `make bench`, part of: a year's ledger (550,000 cases) written with
// LedgerWriter and verified in full with LedgerVerifier, streamed from a
// file, each in a fresh Node process. Prints time, the instance's WASM
// memory at the end (memory only grows, so this is the peak) and bytes per
// ledger entry. Usage: node bench/year.mjs <inputs file> [write|verify]
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [file, step] = process.argv.slice(2);
const ledgerFile = 'target/bench/year-ledger.ndjson';

if (!step) {
  // Each step in its own process, so each starts from a fresh instance.
  for (const s of ['write', 'verify']) execFileSync('node', ['bench/year.mjs', file, s], { stdio: 'inherit' });
} else {
  const shenguan = require('../pkg/full/node.cjs');
  // The verifyHead workload's input: { inputs, head }.
  const inputs = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')).inputs);
  const mib = (b) => `${(b / 1048576).toFixed(0)} MiB`;
  const start = process.hrtime.bigint();
  if (step === 'write') {
    const out = createWriteStream(ledgerFile);
    const writer = new shenguan.LedgerWriter(inputs, 1 << 20);
    for (let part = writer.next(); part !== undefined; part = writer.next()) {
      if (!out.write(part)) await new Promise((resolve) => out.once('drain', resolve));
    }
    await new Promise((resolve) => out.end(resolve));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const bytes = statSync(ledgerFile).size;
    const entries = JSON.parse(readFileSync(file, 'utf8')).inputs.events.length;
    console.log(`year ledger written (LedgerWriter, 1 MiB parts): ${(ms / 1000).toFixed(2)} s, ${mib(bytes)}, ${(bytes / entries).toFixed(0)} bytes per entry, WASM memory ${mib(shenguan.wasmMemoryBytes())}`);
  } else {
    const verifier = new shenguan.LedgerVerifier(inputs);
    const afterInputs = shenguan.wasmMemoryBytes();
    for await (const chunk of createReadStream(ledgerFile, { highWaterMark: 1 << 20 })) verifier.push(chunk);
    const report = verifier.finish();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`year ledger verified in full (LedgerVerifier, streamed in 1 MiB parts): ok ${report.ok}, ${report.entries} entries, ${(ms / 1000).toFixed(2)} s, WASM memory ${mib(shenguan.wasmMemoryBytes())} (${mib(afterInputs)} once the inputs were read)`);
  }
}
