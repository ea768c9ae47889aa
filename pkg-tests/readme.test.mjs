// Runs the README's Node example against the built package, so the front
// door stays true.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

test('the README Node example runs and prints what it says', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = readme.split('<!-- This block runs as a test: pkg-tests/readme.test.mjs -->')[1].split('```js\n')[1].split('```')[0];
  const printed = [];
  // The block requires the package by name, as an installed package.
  const local = createRequire(import.meta.url);
  const require = (id) => local(id === 'shenguan' ? '../pkg/full/node.cjs' : id);
  vm.runInNewContext(block, { require, console: { log: (...args) => printed.push(args) } });
  assert.equal(printed.length, 3);
  assert.match(printed[0][0], /^J[1-4]$/);
  assert.equal(JSON.stringify(printed[0][1]), JSON.stringify(['0.250000', '0.250000', '0.250000', '0.250000']));
  assert.equal(printed[1][0], true);
  assert.deepEqual(printed[2].slice(0, 2), ['COMMITMENT_MISMATCH', 'commitment']);
});

test("the README's size table gives each build's wasm as measured, and its target", async () => {
  const { measure } = await import('../scripts/sizes.mjs');
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const { build, gzip, target } of measure()) {
    const specifier = build === 'full' ? 'shenguan' : `shenguan/${build}`;
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${specifier}\` |`));
    assert.ok(row, `README has a size row for ${build}`);
    const [shown, aimed] = [...row.matchAll(/\| (\d+) KiB /g)].map((m) => Number(m[1]));
    // Within 3 %: small changes need no README edit, a drifted table fails.
    assert.ok(Math.abs(shown - gzip / 1024) <= 0.03 * (gzip / 1024), `${build}: README says ${shown} KiB, make pkg measures ${(gzip / 1024).toFixed(1)}`);
    assert.equal(aimed, target, `${build}: README's target`);
  }
});
