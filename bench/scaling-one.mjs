// One measurement of bench/scaling.mjs in this fresh process: the first call
// of a fresh instance. Usage: node bench/scaling-one.mjs <input file> <export> <object|text>
// Prints { ms, cpuMs, wasmMiB } as JSON.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// SHENGUAN_PKG: another built package to measure (to compare two builds).
const shenguan = require(process.env.SHENGUAN_PKG ? `${process.env.SHENGUAN_PKG}/full/node.cjs` : '../pkg/full/node.cjs');
const [file, operation, form] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const input = form === 'object' ? JSON.parse(text) : text;
const cpu = process.cpuUsage();
const start = process.hrtime.bigint();
shenguan[operation](input);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const used = process.cpuUsage(cpu);
// CPU time too: on a shared machine the wall time also counts waiting for a core.
console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, wasmMiB: shenguan.wasmMemoryBytes() / 2 ** 20 }));
