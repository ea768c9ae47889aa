// Every vector's input, changed at random in small ways, through the WASM
// package: a result or a coded error (never INTERNAL, never a trap), and
// the instance still gives the pinned answers afterwards. tests/mutations.rs
// does the same natively with more rounds; this run covers what only the
// 32-bit WebAssembly build could get wrong (sizes, traps at the boundary).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const shenguan = require('../pkg/full/node.cjs');
const ROUNDS = 30;

let state = 0x5eedn;
function next(m) {
  state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
  return Number((state >> 33n) % BigInt(m));
}

const odd = [
  null, true, 0, -1, 1e300, -0, 0.1, '', ' ', '0', '-0', '1e9999', '79228162514264337593543950336',
  '0.0000000000000000000000000001', 'NaN', '2026-02-30', '00'.repeat(32), '法官', [], {}, [1, 'a', null],
  { id: 'x' }, '999999999999999999999999', -99999.999, 2 ** 32, 2 ** 53,
];

// All places (containers and leaves) of a value, with a setter for each.
function places(value) {
  const found = [];
  const walk = (v, set) => {
    found.push({ v, set });
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, (x) => { v[i] = x; }));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], (x) => { v[k] = x; });
  };
  walk(value, () => {});
  return found;
}

function mutate(root) {
  const all = places(root);
  const { v, set } = all[1 + next(all.length - 1)] ?? all[0];
  const how = next(4);
  if (how === 0 && v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length) {
    delete v[Object.keys(v)[next(Object.keys(v).length)]];
  } else if (how === 1 && Array.isArray(v) && v.length) {
    v.splice(next(v.length + 1), 0, structuredClone(v[next(v.length)]));
  } else if (how === 2 && Array.isArray(v) && v.length) {
    v.splice(next(v.length), 1);
  } else {
    set(structuredClone(odd[next(odd.length)]));
  }
}

const steps = [];
for (const dir of ['assignment', 'standard', 'scoring']) {
  const base = new URL(`../tests/vectors/${dir}/`, import.meta.url);
  for (const name of readdirSync(base).sort()) {
    const vector = JSON.parse(readFileSync(new URL(name, base), 'utf8'));
    (vector.steps ?? [vector]).forEach((step, i) => steps.push({ name: `${dir}/${name}#${i}`, ...step }));
  }
}

test('changed vector inputs give results or coded errors, and the instance keeps working', () => {
  assert.ok(steps.length >= 30, `only ${steps.length} vector steps`);
  let results = 0;
  for (const step of steps) {
    for (let round = 0; round < ROUNDS; round++) {
      const input = structuredClone(step.input);
      for (let k = 0; k <= next(3); k++) mutate(input);
      try {
        shenguan[step.function](input);
        results++;
      } catch (err) {
        const what = `${step.name} round ${round}: ${JSON.stringify(input).slice(0, 300)}`;
        assert.ok(err instanceof Error && /^[A-Z_]+$/.test(err.code ?? ''), `not a coded error (${err}) for ${what}`);
        assert.notEqual(err.code, 'INTERNAL', `${err.message} for ${what}`);
      }
    }
  }
  assert.ok(results > 0, 'no changed input gave a result');
  // The pinned answers are unchanged after all of that.
  for (const step of steps.filter((s) => s.expected)) {
    assert.deepStrictEqual(JSON.parse(JSON.stringify(shenguan[step.function](step.input))), step.expected, step.name);
  }
});
