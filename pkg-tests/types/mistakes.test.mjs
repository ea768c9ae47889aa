// Planted mistakes must fail `tsc`: compiles pkg-tests/types/mistakes/ once
// and checks, file by file, that every line marked
// `// expect-error TS<code>: <message part>` raises exactly that error on the
// line after the mark, and that no unmarked line fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = fileURLToPath(new URL('./mistakes/', import.meta.url));
const files = readdirSync(dir).filter((name) => name.endsWith('.ts')).sort();
const mark = /^\s*\/\/ expect-error (TS\d+)(?:: (.*))?$/;

/** `file(line,col): error TSnnnn: message` lines of tsc's plain output, by file and line. */
function diagnostics() {
  const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8' });
  assert.ok(tsc.status !== null, `tsc did not run: ${tsc.error}`);
  const found = new Map();
  // A message may run on over several indented lines; its first line holds the location.
  for (const block of tsc.stdout.split(/\n(?=\S)/)) {
    const m = /^(.+?)\((\d+),\d+\): error (TS\d+): ([\s\S]*)$/.exec(block.trim());
    if (!m) continue;
    const key = `${m[1].split(/[\\/]/).pop()}:${m[2]}`;
    found.set(key, [...(found.get(key) ?? []), { code: m[3], message: m[4] }]);
  }
  return found;
}

const found = diagnostics();

test('there are planted mistakes of at least 10 kinds', () => {
  const marks = files.flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter((line) => mark.test(line)));
  assert.ok(files.length >= 10, `${files.length} files`);
  assert.ok(new Set(marks.map((line) => mark.exec(line)[1])).size >= 6, 'several distinct error codes');
});

for (const name of files) {
  test(`planted mistakes fail tsc: ${name}`, () => {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    const expected = new Map();
    lines.forEach((line, i) => {
      const m = mark.exec(line);
      if (m) expected.set(`${name}:${i + 2}`, { code: m[1], part: m[2] ?? '' });
    });
    assert.ok(expected.size > 0, `${name} marks no mistake`);
    for (const [where, { code, part }] of expected) {
      const got = found.get(where) ?? [];
      assert.ok(got.length > 0, `${where}: the planted mistake compiled (expected ${code}: ${part})`);
      assert.ok(
        got.some((d) => d.code === code && d.message.includes(part)),
        `${where}: expected ${code} containing ${JSON.stringify(part)}, got\n${got.map((d) => `${d.code}: ${d.message}`).join('\n')}`,
      );
    }
    const unmarked = [...found].filter(([where]) => where.startsWith(`${name}:`) && !expected.has(where));
    assert.deepEqual(unmarked, [], 'lines that fail without a mark');
  });
}
