// Failing calls give back every externref-table slot they take: inputs that
// JSON.stringify rejects (cyclic, BigInt, too deep), text that is not JSON,
// and inputs of the wrong shape. The table is read from the instance's own
// exports, which the browser glue's initSync returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const dir = new URL('../pkg/full/', import.meta.url);
const glue = await import(new URL('shenguan.js', dir));
const wasm = glue.initSync({ module: readFileSync(new URL('shenguan_bg.wasm', dir)) });
const table = wasm.__wbindgen_externrefs;

const cyclic = {};
cyclic.self = cyclic;
let deep = [];
for (let i = 0; i < 100000; i++) deep = [deep];
// Input, and how many calls (JSON.stringify takes long to give up on the deep one).
const failing = {
  cyclic: [cyclic, 20000],
  bigint: [{ judges: [], n: 10n }, 20000],
  'too deep for JSON.stringify': [deep, 300],
  'not JSON text': ['{"judges": ', 20000],
  'a wrong shape': [{ ruleSet: 5 }, 20000],
};

test('the externref table is a WebAssembly.Table', () => {
  assert.ok(table instanceof WebAssembly.Table);
});

for (const [kind, [input, calls]] of Object.entries(failing)) {
  test(`${calls} failing calls (${kind}) do not grow the externref table`, () => {
    const call = () => assert.throws(() => glue.scoreOne(input), (e) => e.name === 'ShenguanError' && typeof e.code === 'string');
    // Warm up: the first calls may grow the table once to its working size.
    for (let i = 0; i < 10; i++) call();
    const before = table.length;
    for (let i = 0; i < calls; i++) call();
    assert.equal(table.length, before, `grew from ${before} to ${table.length}`);
  });
}

test('failing calls of every engine leave the table as it was', () => {
  const calls = [() => glue.assign(cyclic), () => glue.verifyLedger(cyclic), () => glue.standardCases(cyclic), () => glue.score(cyclic),
    () => new glue.LedgerVerifier(cyclic), () => glue.standardCasesBulk({ n: 1n })];
  for (const call of calls) assert.throws(call);
  const before = table.length;
  for (let i = 0; i < 2000; i++) for (const call of calls) assert.throws(call);
  assert.equal(table.length, before);
});
