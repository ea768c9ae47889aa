// Real clients of the built package: `npm pack` of pkg/, the tarball
// installed offline into throwaway copies of the projects here, then
//   node-esm    `import` in Node;
//   node-cjs    `require` in Node;
//   typescript  strict tsc, moduleResolution nodenext and bundler;
//   vite        a Vite build, loaded in Chromium;
//   webpack     a webpack 5 build, loaded in Chromium;
//   webpack4    a webpack 4 build of the `browser` entry (legacy.js, init(url))
//               with file-loader for the wasm, as docs/package.md gives it for
//               Vue CLI 4, loaded in Chromium;
// each browser build served from 127.0.0.1 under
// `Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'`. Every
// client runs checks.mjs (init, one call per engine and a thrown error)
// through the full build (`shenguan`) and through each engine's own
// (`shenguan/assign`, `/standard`, `/score`; their legacy.js for webpack 4),
// and must give the hand-worked results and the same chain head. The
// bundlers come from this folder's lockfile (`npm ci` in scripts/setup.sh); nothing here
// reaches the network. `make test-clients`; exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { expected } from './checks.mjs';

const started = Date.now();
const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '../..');
const work = join(here, '.work');
const tools = join(here, 'node_modules');
const tsc = join(repo, 'node_modules/.bin/tsc');
const csp = "script-src 'self' 'wasm-unsafe-eval'";

if (!['vite', 'webpack', 'webpack4', 'file-loader'].every((tool) => existsSync(join(tools, tool)))) {
  console.error('clients: the bundlers are missing; run scripts/setup.sh (npm ci in pkg-tests/clients)');
  process.exit(1);
}
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

rmSync(work, { recursive: true, force: true });
mkdirSync(work);
const [packed] = JSON.parse(sh('npm', ['pack', join(repo, 'pkg'), '--pack-destination', work, '--json', '--offline', '--loglevel=error'], work));
const tarball = packed.filename;
console.log(`       packed ${tarball}: ${packed.entryCount} files, ${packed.size} bytes`);

/** A throwaway copy of a client project with the tarball installed from disk. */
function project(name, extra = []) {
  const dir = join(work, name);
  cpSync(join(here, name), dir, { recursive: true });
  for (const source of ['checks.mjs', ...extra]) cpSync(join(here, source), join(dir, source), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  manifest.dependencies = { shenguan: `file:../${tarball}` };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  return dir;
}

const results = [];
async function check(name, fn) {
  const t = Date.now();
  try {
    await fn();
    results.push(true);
    console.log(`ok     ${name} (${Date.now() - t} ms)`);
  } catch (err) {
    results.push(false);
    const text = [err.message, err.stdout, err.stderr].filter(Boolean).join('\n');
    console.log(`FAILED ${name}\n       ${text.split('\n').join('\n       ')}`);
  }
}

const { version } = JSON.parse(readFileSync(join(repo, 'pkg/package.json'), 'utf8'));
const heads = new Map();
/** A client's printed results against the hand-worked ones; each block of results is one way of importing. */
function compare(name, output) {
  const blocks = Object.entries(JSON.parse(output));
  assert.ok(blocks.length > 0);
  for (const [imports, got] of blocks) {
    const { head, ...verify } = got.verify;
    assert.deepEqual({ ...got, verify }, { ...expected, versions: [version] }, imports);
    assert.match(head, /^[0-9a-f]{64}$/);
    heads.set(`${name} ${imports}`, head);
  }
}

await check('Node ESM: import', () => compare('node-esm', sh('node', ['main.mjs'], project('node-esm'))));
await check('Node CJS: require', () => compare('node-cjs', sh('node', ['main.cjs'], project('node-cjs'))));
const typescript = project('typescript');
for (const mode of ['nodenext', 'bundler']) {
  await check(`TypeScript strict, moduleResolution ${mode}`, () => { sh(tsc, ['-p', `tsconfig.${mode}.json`], typescript); });
}
const builds = {};
await check('Vite build', () => {
  const dir = project('vite', ['browser']);
  sh('node', [join(tools, 'vite/bin/vite.js'), 'build', '--config', 'vite.config.mjs'], dir);
  builds.vite = join(dir, 'dist');
});
/** Builds a webpack client with webpack/build.cjs and serves it with webpack/index.html (a classic script). */
function webpackBuild(name, webpackPackage, extra) {
  const dir = project(name, extra);
  for (const shared of ['build.cjs', 'index.html']) cpSync(join(here, 'webpack', shared), join(dir, shared));
  sh('node', ['build.cjs', webpackPackage], dir);
  cpSync(join(dir, 'index.html'), join(dir, 'dist/index.html'));
  builds[name] = join(dir, 'dist');
}
await check('webpack 5 build', () => webpackBuild('webpack', 'webpack', ['browser']));
await check('webpack 4 build (legacy entry, wasm by file-loader)', () => webpackBuild('webpack4', 'webpack4'));

/** Serves a build's files from 127.0.0.1 with the strict CSP. */
function serve(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname)).replace(/^[/\\]+/, '');
    if (path.startsWith('..')) return res.writeHead(403).end();
    if (path === '') path = 'index.html';
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'content-security-policy': csp });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const built = Object.entries(builds);
if (built.length > 0) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    for (const [name, root] of built) {
      await check(`${name} build in Chromium under CSP ${csp}`, async () => {
        const server = await serve(root);
        const page = await browser.newPage();
        const problems = [];
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
        page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
        try {
          const response = await page.goto(`http://127.0.0.1:${server.address().port}/`);
          assert.equal(response.headers()['content-security-policy'], csp);
          await page.waitForFunction(() => document.querySelector('#results')?.textContent || document.querySelector('#failure')?.textContent, null, { timeout: 30_000 });
          const failure = await page.textContent('#failure');
          assert.equal(failure, '', failure);
          compare(name, await page.textContent('#results'));
          assert.deepEqual(problems, []);
        } finally {
          await page.close();
          server.close();
        }
      });
    }
  } finally {
    await browser.close();
  }
}

await check('every client and import gives the same chain head', () => {
  const clients = new Set([...heads.keys()].map((key) => key.split(' ')[0]));
  assert.deepEqual([...clients].sort(), ['node-cjs', 'node-esm', 'vite', 'webpack', 'webpack4'], 'a client gave no results');
  assert.equal(new Set(heads.values()).size, 1, JSON.stringify(Object.fromEntries(heads)));
});

const failed = results.filter((ok) => !ok).length;
console.log(`clients: ${(Date.now() - started) / 1000} s`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
