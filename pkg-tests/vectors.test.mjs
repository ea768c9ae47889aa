// Runs every test vector under tests/vectors/ against the built WASM package
// (Node build). tests/vectors.rs runs the same files natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const shenguan = require('../pkg/full/node.cjs');
const root = new URL('../tests/vectors/', import.meta.url).pathname;

function files(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

for (const file of files(root)) {
  const vector = JSON.parse(readFileSync(file, 'utf8'));
  test(file.slice(root.length), () => {
    const steps = vector.steps ?? [vector];
    steps.forEach((step, i) => {
      const fn = shenguan[step.function];
      assert.equal(typeof fn, 'function', `export ${step.function} missing`);
      if (step.expectedError) {
        assert.throws(() => fn(step.input), (err) => {
          for (const key of ['code', 'path']) {
            if (key in step.expectedError) assert.equal(err[key], step.expectedError[key], `step ${i} error ${key}`);
          }
          if ('more' in step.expectedError) {
            assert.deepStrictEqual(err.more.map((m) => ({ code: m.code, path: m.path })), step.expectedError.more, `step ${i} error more`);
          }
          if ('moreOmitted' in step.expectedError) assert.equal(err.moreOmitted, step.expectedError.moreOmitted, `step ${i} moreOmitted`);
          return true;
        });
      } else {
        // JSON round trip: the package returns plain objects; compare as JSON data.
        assert.deepStrictEqual(JSON.parse(JSON.stringify(fn(step.input))), step.expected, `step ${i}`);
      }
    });
  });
}
