// Browser tests in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core): every test vector through the browser build, the pinned
// ledger of the fixture court, and the workbench page used like a clerk
// would (workbench.mjs). `make test-browser`; exits non-zero on any failure.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { serve } from '../../scripts/serve.mjs';
import { workbenchTests } from './workbench.mjs';

const started = Date.now();
const root = fileURLToPath(new URL('../..', import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const vectorFiles = (dir) => readdirSync(dir).sort().flatMap((name) => {
  const path = join(dir, name);
  if (statSync(path).isDirectory()) return vectorFiles(path);
  return name.endsWith('.json') ? [relative(root, path).split(sep).join('/')] : [];
});
// The Node build, to check that the page shows the core's own numbers.
const node = createRequire(import.meta.url)('../../pkg/full/node.cjs');

const results = [];
async function check(name, fn) {
  const t = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok     ${name} (${Date.now() - t} ms)`);
  } catch (err) {
    results.push({ name, ok: false });
    console.log(`FAILED ${name}\n       ${String(err.message ?? err).split('\n').join('\n       ')}`);
  }
}

let server;
let browser;
try {
  // The vector runner and its fixtures are served besides the page and the package.
  server = await serve(0, { extra: ['pkg-tests/browser/', 'tests/vectors/', 'tests/fixtures/'] });
  const base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const text = async (selector) => (await page.textContent(selector)).trim();

  // ---- determinism: the test vectors in Chromium ------------------------------
  await page.goto(`${base}/pkg-tests/browser/vectors.html`);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.getAttribute('body', 'data-ready'), 'true', await text('#status'));
  const files = vectorFiles(join(root, 'tests/vectors'));

  await check(`test vectors in Chromium (${files.length} files)`, async () => {
    const summary = await page.evaluate((list) => window.vectors.runVectors(list), files);
    const failures = summary.results.filter((s) => !s.ok);
    assert.ok(summary.steps > 0, 'no steps ran');
    assert.equal(failures.length, 0, failures.map((s) => `${s.file} step ${s.index} (${s.function}): ${s.problem}`).join('\n'));
    // The same comparison as pkg-tests/vectors.test.mjs, on this side, for every step with an expected output.
    let compared = 0;
    for (const s of summary.results) {
      const vector = readJson(s.file);
      const step = (vector.steps ?? [vector])[s.index];
      if (step.expectedError) {
        assert.ok(s.error, `${s.file} step ${s.index}: expected an error`);
        for (const key of ['code', 'path']) if (key in step.expectedError) assert.equal(s.error[key], step.expectedError[key]);
      } else {
        assert.deepStrictEqual(JSON.parse(s.output), step.expected, `${s.file} step ${s.index}`);
      }
      compared++;
    }
    console.log(`       ${summary.passed}/${summary.steps} vector steps passed in Chromium, ${compared} re-checked in Node`);
  });

  const pinned = readJson('tests/vectors/assignment/small-court.json').steps.find((s) => s.function === 'assign').expected;
  await check('assign(tests/fixtures/small-court.json) in Chromium equals the pinned ledger text', async () => {
    const ledgerText = await page.evaluate(() => window.vectors.assignFixture('tests/fixtures/small-court.json'));
    assert.equal(ledgerText, pinned);
  });

  await check('a ledger written and verified in parts in Chromium (LedgerWriter, LedgerVerifier)', async () => {
    const report = await page.evaluate(() => window.vectors.streamFixture('tests/fixtures/small-court.json'));
    assert.equal(report.ok, true);
    assert.equal(report.entries, pinned.trimEnd().split('\n').length - 1);
  });

  // ---- the workbench page (pkg-tests/browser/workbench.mjs) --------------------
  await workbenchTests({ browser, base, server, root, node, check });

  await check('no uncaught errors on the vector page', async () => {
    assert.deepEqual(pageErrors, []);
  });
} catch (err) {
  results.push({ name: 'browser run', ok: false });
  console.log(`FAILED browser run: ${err.stack ?? err}`);
} finally {
  await browser?.close().catch(() => {});
  server?.closeAllConnections?.();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
}

const failed = results.filter((r) => !r.ok).length;
console.log(`browser tests: ${results.length - failed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed ? 1 : 0);
