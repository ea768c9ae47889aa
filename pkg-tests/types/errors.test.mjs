// The run-time half of the error types: isShenguanError (npm/errors.js) on
// errors the engines really throw and on look-alikes, and the
// ShenguanErrorCode union of the declarations against src/error.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isShenguanError } from '../../npm/errors.js';

const root = new URL('../../', import.meta.url);
const shenguan = createRequire(import.meta.url)('../../pkg/full/node.cjs');

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('no error thrown');
}

test('isShenguanError is true for what each engine throws', () => {
  const errors = [
    thrown(() => shenguan.assign({ judges: [], cases: [], seed: 'x', beacon: { kind: 'none' }, committedAt: '2026-01-01T00:00:00Z' })),
    thrown(() => shenguan.standardCases('{')),
    thrown(() => shenguan.score({ ruleSet: { id: 'r', version: '1', indicators: [{ id: 'q', method: { type: 'baseline', points: [] } }] }, judges: [] })),
  ];
  for (const e of errors) {
    assert.equal(isShenguanError(e), true, `${e}`);
    assert.ok(e instanceof Error);
  }
  assert.deepEqual(errors.map((e) => e.code), ['MALFORMED_SEED', 'MALFORMED_JSON', 'INVALID_RULE_SET']);
});

test('isShenguanError is false for other errors and look-alikes', () => {
  const real = thrown(() => shenguan.standardCases('{'));
  const copy = { ...real, name: real.name, message: real.message };
  assert.equal(isShenguanError(copy), true, 'a plain object with every field passes: the test is by shape');
  const without = (key) => { const c = { ...copy }; delete c[key]; return c; };
  for (const value of [
    undefined, null, 'MALFORMED_JSON', 42, new Error('plain'), new TypeError('x'),
    { ...copy, name: 'Error' }, without('code'), without('path'), without('messageZh'), without('more'), without('moreOmitted'),
    { ...copy, code: 7 }, { ...copy, more: 'none' },
    structuredClone(real), // cloning (postMessage) keeps name and message only
  ]) {
    assert.equal(isShenguanError(value), false, JSON.stringify(value));
  }
});

test('ShenguanErrorCode lists every code of src/error.rs, and only the worker\'s CANCELLED besides', () => {
  const rust = [...readFileSync(new URL('src/error.rs', root), 'utf8').matchAll(/ErrorCode::\w+ => "([A-Z_]+)"/g)].map((m) => m[1]);
  const ts = readFileSync(new URL('src/wasm/ts/common.d.ts', root), 'utf8');
  const union = /export type ShenguanErrorCode =([^;]*);/.exec(ts)[1];
  const declared = [...union.matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]);
  assert.ok(rust.length > 20);
  assert.deepEqual(declared.filter((c) => c !== 'CANCELLED').sort(), [...new Set(rust)].sort());
});
