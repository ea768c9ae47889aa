// The package's shape (docs/package.md): every export target exists, each
// build exports its own engine, the same import lines work from Node's
// import and require, the browser entry loads from bytes, the webpack 4
// entry asks for its URL, and the tarball holds each wasm once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const pkgDir = new URL('../pkg/', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', pkgDir), 'utf8'));
const require = createRequire(import.meta.url);
const builds = { full: '.', assign: './assign', standard: './standard', score: './score' };
const engines = {
  assign: ['commitRun', 'assign', 'carryForward', 'drandRound', 'verifyLedger', 'verifyHead', 'verifyChain', 'auditLedger', 'LedgerWriter', 'LedgerVerifier'],
  standard: ['computeBaseline', 'standardCases', 'standardCaseWeights', 'standardCasesBulk', 'enforcementCases', 'standardTargets'],
  score: ['validateRuleSet', 'score', 'scoreTable', 'scoreOne'],
};
const common = ['version', 'wasmMemoryBytes', 'init', 'initSync'];
const fixture = JSON.parse(readFileSync(new URL('../tests/fixtures/small-court.json', import.meta.url), 'utf8'));

const targets = (entry) => (typeof entry === 'string' ? [entry] : Object.values(entry).flatMap(targets));

test('every file named in package.json exists', () => {
  const named = [...targets(pkg.exports), pkg.main, pkg.module, pkg.browser, pkg.types, ...Object.values(pkg.bin ?? {})];
  for (const file of named) assert.ok(existsSync(new URL(file, pkgDir)), file);
  assert.equal(pkg.sideEffects, false);
  for (const [build, subpath] of Object.entries(builds)) {
    const entry = pkg.exports[subpath];
    assert.deepEqual(Object.keys(entry), ['types', 'node', 'browser', 'worker', 'import', 'require', 'default'], subpath);
    assert.equal(entry.node.import, `./${build}/node.mjs`);
    assert.equal(pkg.exports[subpath === '.' ? './wasm' : `${subpath}/wasm`], `./${build}/shenguan_bg.wasm`);
  }
});

for (const [build, subpath] of Object.entries(builds)) {
  const expected = build === 'full' ? Object.values(engines).flat() : engines[build];
  const others = Object.values(engines).flat().filter((name) => !expected.includes(name));

  test(`${subpath}: import and require give the same instance with this build's exports only`, async () => {
    const esm = await import(new URL(`${build}/node.mjs`, pkgDir));
    const cjs = require(new URL(`${build}/node.cjs`, pkgDir).pathname);
    for (const name of [...expected, ...common]) {
      assert.equal(typeof esm[name], 'function', `import: ${name}`);
      assert.equal(esm[name], cjs[name], `import and require share ${name}`);
    }
    for (const name of others) assert.equal(esm[name], undefined, `${name} is not in ${build}`);
    // `import init from ...; await init()` is harmless in Node, any number of times.
    assert.equal(esm.default, esm.init);
    await esm.default();
    await esm.init();
    assert.match(esm.version(), /^\d+\.\d+\.\d+/);
  });

  test(`${subpath}: the browser entry loads from bytes, the webpack 4 entry needs its URL`, async () => {
    const browser = await import(new URL(`${build}/index.js`, pkgDir));
    const legacy = await import(new URL(`${build}/legacy.js`, pkgDir));
    await assert.rejects(legacy.default(), /init\(url\)/);
    await browser.default(readFileSync(new URL(`${build}/shenguan_bg.wasm`, pkgDir)));
    await browser.init(); // already loaded: returns at once, fetches nothing
    for (const name of [...expected, ...common]) assert.equal(typeof browser[name], 'function', name);
    assert.equal(legacy.version, browser.version);
    await legacy.default(readFileSync(new URL(`${build}/shenguan_bg.wasm`, pkgDir)));
    await legacy.default(); // loaded: returns at once, no URL needed
    assert.match(legacy.version(), /^\d+\.\d+\.\d+/);
    // webpack 4 parses ES2019 without import.meta: nothing newer in what it loads.
    for (const file of ['legacy.js', 'shenguan.js']) {
      const source = readFileSync(new URL(`${build}/${file}`, pkgDir), 'utf8');
      assert.doesNotMatch(source, /import\.meta|\?\?|\?\.(?!\d)/, `${build}/${file}`);
    }
  });
}

test('the engines give the same answers from their own build and from the full one', async () => {
  const full = await import(new URL('full/node.mjs', pkgDir));
  const assign = await import(new URL('assign/node.mjs', pkgDir));
  assert.equal(assign.assign(fixture), full.assign(fixture));
});

test('the tarball holds each wasm once, with README, LICENSE and CHANGELOG', () => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkgDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const files = packed.files.map((f) => f.path);
  for (const name of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'CHANGELOG.md', 'package.json']) assert.ok(files.includes(name), name);
  const wasm = files.filter((f) => f.endsWith('.wasm')).sort();
  assert.deepEqual(wasm, ['assign/shenguan_bg.wasm', 'full/shenguan_bg.wasm', 'score/shenguan_bg.wasm', 'standard/shenguan_bg.wasm']);
});
