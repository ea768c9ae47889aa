// `make bench`, part of: the plain-JavaScript verifier written from the spec
// alone (pkg-tests/independent/verifier.mjs) replays the same year as the
// verifyHead workload, for the ratio a portal team would otherwise get.
// Usage: node bench/independent-head.mjs <verifyHead input file>. Prints ms.
import { readFileSync } from 'node:fs';
import { Run } from '../pkg-tests/independent/verifier.mjs';

const start = process.hrtime.bigint();
const { inputs, head } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const replayed = new Run(inputs).run().head;
const ms = Number(process.hrtime.bigint() - start) / 1e6;
if (replayed !== head) throw new Error(`the plain-JS replay ends in ${replayed}, not ${head}`);
console.log(ms);
