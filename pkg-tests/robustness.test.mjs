// Throws malformed input at every exported function, then checks that the
// same instance still answers correctly: errors are coded, nothing panics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const shenguan = require('../pkg/full/node.cjs');

const fixture = JSON.parse(readFileSync(new URL('../tests/fixtures/small-court.json', import.meta.url), 'utf8'));
const expectedLedger = JSON.parse(readFileSync(new URL('../tests/vectors/assignment/small-court.json', import.meta.url), 'utf8')).steps[0].expected;
const classes = ['LedgerWriter', 'LedgerVerifier'];

const nested = {};
let cursor = nested;
for (let i = 0; i < 5000; i++) { cursor.a = {}; cursor = cursor.a; }

let deepArray = [];
for (let i = 0; i < 100000; i++) deepArray = [deepArray];

const malformed = [
  undefined, null, 0, -1, 1e308, NaN, true, '', 'not json', '{"unterminated": ', '[]', '{}',
  [], {}, { judges: 'many' }, { seed: 42 }, [1, 2, 3], { cases: [{ pages: { dossier: -1 } }] },
  nested, '{"a":'.repeat(5000) + '1' + '}'.repeat(5000), 'x'.repeat(100000), { ruleSet: null },
  { inputs: {}, ledger: [] }, { inputs: fixture, ledger: nested }, { ledger: nested }, { ledger: deepArray },
  Symbol.iterator, () => 1, new Map([[1, 2]]), 12345678901234567890n,
];

const exported = Object.entries(shenguan).filter(([name, fn]) => typeof fn === 'function' && !['version', 'wasmMemoryBytes', 'init', 'initSync', 'default', 'isShenguanError'].includes(name) && !/^[A-Z]/.test(name));

test('there are exports to check', () => {
  assert.ok(exported.length >= 5, `only ${exported.length} exports`);
});

for (const [name, fn] of exported) {
  test(`${name}: malformed input throws a coded error and the instance keeps working`, () => {
    for (const input of malformed) {
      let threw = null;
      try {
        fn(input);
      } catch (err) {
        threw = err;
      }
      // Text that is not JSON, and no input at all, are refused by every export;
      // other inputs (e.g. {}) may be valid for some functions.
      if (input === 'not json' || input === undefined) assert.ok(threw !== null, `${name}(${String(input)}) returned`);
      if (threw === null) continue;
      assert.ok(threw instanceof Error, `${name}(${String(input).slice(0, 30)}) threw a non-Error`);
      assert.match(threw.code, /^[A-Z_]+$/, `${name}: code`);
      assert.equal(typeof threw.path, 'string');
      assert.ok(threw.message.length > 0 && threw.messageZh.length > 0, `${name}: messages`);
      assert.notEqual(threw.code, 'INTERNAL', `${name}: internal error for ${String(input).slice(0, 30)}`);
    }
    // The same instance still gives the pinned answer.
    assert.equal(shenguan.assign(fixture), expectedLedger);
    assert.match(shenguan.version(), /^\d+\.\d+\.\d+/);
  });
}

for (const name of classes) {
  test(`${name}: malformed input throws a coded error and the instance keeps working`, () => {
    for (const input of malformed.filter((v) => v !== null && v !== undefined)) {
      try {
        const instance = new shenguan[name](input);
        if (name === 'LedgerVerifier') { instance.push('x'); instance.push(input); instance.finish(); }
        else { instance.next(); }
      } catch (err) {
        assert.ok(err instanceof Error, `${name}: threw a non-Error`);
        assert.match(err.code, /^[A-Z_]+$/);
        assert.notEqual(err.code, 'INTERNAL', `${name}: internal error for ${String(input).slice(0, 30)}`);
      }
    }
    assert.equal(shenguan.assign(fixture), expectedLedger);
  });
}

test('errors carry code, path and both languages', () => {
  const bad = structuredClone(fixture);
  bad.judges[3].share = '1.5';
  bad.judges[4].share = 0;
  try {
    shenguan.assign(bad);
    assert.fail('should throw');
  } catch (err) {
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'ShenguanError');
    assert.equal(err.code, 'INVALID_SHARE');
    assert.equal(err.path, 'judges[3].share');
    assert.match(err.messageZh, /办案比例/);
    assert.equal(err.more.length, 1);
    assert.equal(err.more[0].path, 'judges[4].share');
    assert.equal(err.moreOmitted, 0);
  }
});

test('a batch with thousands of bad rows gives a bounded error that counts the rest', () => {
  const bad = structuredClone(fixture);
  bad.events = Array.from({ length: 5000 }, (_, i) => ({ kind: 'draw', caseId: `missing-${i}` }));
  try {
    shenguan.assign(bad);
    assert.fail('should throw');
  } catch (err) {
    assert.equal(err.code, 'UNKNOWN_CASE');
    assert.equal(err.path, 'events[0].caseId');
    assert.equal(err.more.length, 99);
    assert.equal(err.more[98].path, 'events[99].caseId');
    assert.equal(err.moreOmitted, 4900);
  }
});

test('an error quoting a huge bad value carries a short message, not two copies of it', () => {
  const big = 'x'.repeat(50_000_000);
  assert.throws(() => shenguan.score({ ruleSet: big, judges: [] }), (e) => {
    assert.equal(e.code, 'INVALID_RULE_SET');
    // The value is quoted as a short excerpt (src/error/excerpt.rs), in both languages.
    assert.ok(e.message.length < 300 && e.messageZh.length < 300, `${e.message.length} ${e.messageZh.length}`);
    assert.ok(e.message.includes('x'.repeat(40) + '…'), e.message);
    return true;
  });
});
