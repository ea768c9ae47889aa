// Every typing slip of docs/numbers.md fed to every engine that reads numbers,
// against the WASM package (Node build): the table is tests/fixtures/typing-slips.json,
// which tests/typing_slips.rs runs natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const shenguan = require('../pkg/full/node.cjs');
const table = JSON.parse(readFileSync(new URL('../tests/fixtures/typing-slips.json', import.meta.url), 'utf8'));
const parserEnglish = ['invalid', 'expected', 'Decimal', 'string "', 'field `', 'variant', 'line ', 'column'];

// Runs of four or more ASCII letters in a Chinese message must be quoted
// from the input (as tests/messages_zh_scan.rs checks natively).
const inputWords = (value, out = new Set()) => {
  const add = (text) => text.split(/[^A-Za-z]+/).forEach((w) => out.add(w));
  if (typeof value === 'string') add(value);
  else if (Array.isArray(value)) value.forEach((v) => inputWords(v, out));
  else if (value !== null && typeof value === 'object') Object.entries(value).forEach(([k, v]) => { add(k); inputWords(v, out); });
  return out;
};

const withSlip = (value, text) => {
  if (value === '@') return text;
  if (Array.isArray(value)) return value.map((v) => withSlip(v, text));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withSlip(v, text)]));
  return value;
};

for (const engine of table.engines) {
  for (const slip of table.slips) {
    test(`${engine.name} / ${slip.name}`, () => {
      const outcome = engine.outcomes[slip.name] ?? engine.outcomes['*'];
      const call = (text) => shenguan[engine.function](withSlip(engine.input, text));
      if (outcome === 'accepted') {
        assert.deepStrictEqual(call(slip.text), call(slip.clean));
        return;
      }
      assert.throws(() => call(slip.text), (e) => {
        assert.equal(e.code, outcome.code);
        assert.equal(e.path, outcome.path);
        assert.ok(e.messageZh.includes(outcome.hintZh ?? slip.hintZh), e.messageZh);
        assert.ok(e.messageZh.includes(slip.text.trim()), e.messageZh);
        for (const also of outcome.alsoZh ?? []) assert.ok(e.messageZh.includes(also), e.messageZh);
        for (const word of parserEnglish) assert.ok(!e.messageZh.includes(word), e.messageZh);
        const words = inputWords(withSlip(engine.input, slip.text));
        const english = (e.messageZh.match(/[A-Za-z]{4,}/g) ?? []).filter((w) => !words.has(w));
        assert.deepEqual(english, [], e.messageZh);
        return true;
      });
    });
  }
}
