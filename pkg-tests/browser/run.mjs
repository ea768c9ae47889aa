// Browser tests in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core): every test vector through the browser build, the pinned
// ledger of the fixture court, and the page used like a person (verify,
// tamper, errors, commitment, drawing, the standard-case calculator and the
// evaluation form). `make test-browser`; exits non-zero on any failure.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { serve } from '../../scripts/serve.mjs';

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
  server = await serve(0);
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

  // ---- the page ---------------------------------------------------------------
  await page.goto(`${base}/www/`);
  await page.waitForSelector('#status[data-ready="true"]');

  let exampleInputs;
  let exampleLedger;
  await check('load example: the page draws the pinned ledger', async () => {
    await page.click('#load-example');
    await page.waitForFunction(() => document.querySelector('#ledger').value.length > 100);
    exampleInputs = await page.inputValue('#inputs');
    exampleLedger = await page.inputValue('#ledger');
    assert.equal(exampleLedger, pinned);
  });

  await check('verify: untouched ledger is identical, with the head to publish', async () => {
    await page.click('#verify-button');
    assert.match(await text('#verify-verdict'), /Identical/);
    assert.match(await text('#verify-result'), new RegExp(JSON.parse(pinned.trimEnd().split('\n').at(-1)).hash));
  });

  await check('tamper then verify: differs', async () => {
    await page.click('#tamper');
    await page.click('#verify-button');
    assert.match(await text('#verify-verdict'), /Differs/);
  });

  await check('malformed inputs: a coded error box, then the next verify still works', async () => {
    await page.fill('#inputs', '{ "court": not json');
    await page.click('#verify-button');
    await page.waitForSelector('#verify-result .error');
    const code = await text('#verify-result .error b');
    assert.match(code, /^[A-Z][A-Z_]+$/, `error code: ${code}`);
    assert.notEqual(code, 'ERROR');
    await page.fill('#inputs', exampleInputs);
    await page.fill('#ledger', exampleLedger);
    await page.click('#verify-button');
    assert.match(await text('#verify-verdict'), /Identical/);
  });

  await check('commit: the commitment is 64 hex digits', async () => {
    await page.click('#commit');
    assert.match(await text('#commitment'), /^[0-9a-f]{64}$/);
  });

  await check('assign the example court: 2000 cases', async () => {
    await page.click('#assign-button');
    await page.waitForSelector('#assign-summary');
    assert.match(await text('#assign-summary'), /\b2000 cases\b/);
  });

  // ---- standard-case calculator ----------------------------------------------
  const config = readJson('examples/court/standard-config.json');
  const closed = readJson('examples/court/closed-last-year.json');
  const baseline = node.computeBaseline({
    year: 2025, scope: 'perCategory', config,
    cases: closed.filter((c) => c.category !== 'enforcement').map(({ id, caseType, category, procedure, complexity, pages }) =>
      ({ id, caseType, category, procedure, complexity, pages })),
  });

  await check('standard cases: baseline digest and averages as computed by the core', async () => {
    await page.waitForSelector('#baseline-digest');
    assert.equal(await text('#baseline-digest'), baseline.digest);
    assert.match(await text('#baseline-averages'), new RegExp(baseline.categories.civil.averages.dossier.replace('.', '\\.')));
  });

  await check('standard cases: one case computed live, with its explanation', async () => {
    await page.waitForSelector('#sc-value');
    await page.selectOption('#sc-type', 'fraud');
    await page.selectOption('#sc-procedure', 'summary');
    await page.selectOption('#sc-complexity', 'complex');
    await page.fill('#sc-transcript', '10');
    await page.fill('#sc-judgment', '12');
    await page.fill('#sc-dossier', '240');
    await page.waitForFunction(() => document.querySelector('#sc-formula')?.textContent.includes('240'));
    const expected = node.standardCases({ config, baseline, cases: [{ id: 'form', caseType: 'fraud', procedure: 'summary',
      complexity: 'complex', pages: { dossier: 240, transcript: 10, judgment: 12 } }] }).cases[0];
    assert.equal(await text('#sc-value'), expected.standard);
    assert.equal(await text('#sc-formula'), expected.explanation.formula);
    assert.equal(await text('#sc-averages'), 'criminal');
  });

  await check('standard cases: a bad page count shows a coded error with its path, then recovers', async () => {
    await page.fill('#sc-judgment', 'twelve');
    await page.waitForSelector('#sc-case-result .error');
    const box = await text('#sc-case-result .error');
    assert.match(box, /INVALID_INPUT/);
    assert.match(box, /cases\[0\]\.pages\.judgment/);
    await page.fill('#sc-judgment', '12');
    await page.waitForSelector('#sc-value');
    assert.match(await text('#sc-value'), /^\d+\.\d{2}$/);
  });

  await check('standard cases: per-judge totals of a sample and the targets with months', async () => {
    await page.click('#sc-sample-button');
    await page.waitForSelector('#sc-judges table');
    assert.match(await text('#sc-basic-target'), /^\d+\.\d{2}$/);
    assert.ok(Number(await text('#sc-sample-count')) > 0);
    const monthCells = await page.$$eval('#sc-monthly tbody tr:first-child td', (tds) => tds.length);
    assert.equal(monthCells, 13, 'a label and twelve months');
    const trialJudges = readJson('examples/court/judges.json').judges.filter((j) => j.department !== 'enforcement').length;
    assert.equal(await page.$$eval('#sc-judges tbody tr', (rows) => rows.length), trialJudges);
  });

  // ---- evaluation form -----------------------------------------------------------
  const missingCount = () => page.$$eval('#rs-missing li', (li) => li.length);
  await check('evaluation form: missing inputs shrink as the form is filled', async () => {
    await page.waitForSelector('#rs-missing');
    const before = await missingCount();
    assert.ok(before > 1, `missing ${before}`);
    await page.fill('[data-indicator="handledCases"]', '50');
    await page.waitForFunction((n) => document.querySelectorAll('#rs-missing li').length === n - 1, before);
    await page.fill('[data-indicator="panelCases"]', '30');
    await page.waitForFunction((n) => document.querySelectorAll('#rs-missing li').length === n - 2, before);
  });

  await check('evaluation form: an example judge reproduces the office\'s total (Yunnan Y3 101.55)', async () => {
    await page.selectOption('#rs-example', 'Y3');
    await page.waitForSelector('#rs-total');
    assert.equal(await text('#rs-total'), '101.55');
    assert.equal(await text('#rs-total'), await text('#rs-office-total'));
    assert.equal(await text('#rs-grade'), 'excellent');
    assert.ok(await page.$$eval('#rs-explanation details details details', (d) => d.length) > 0, 'nested explanation');
    assert.match(await text('#rs-explanation'), /indicators\[2\]\.method/);
    assert.match(await text('#rs-explanation'), /E = B × share/);
  });

  await check('evaluation form: a veto is shown (Yunnan Y5)', async () => {
    await page.selectOption('#rs-example', 'Y5');
    await page.waitForFunction(() => document.querySelector('#rs-total')?.textContent === '92.70');
    assert.equal(await text('#rs-grade'), 'incompetent');
    assert.match(await text('#rs-vetoes'), /违纪违法/);
  });

  await check('evaluation form: a bad value is a coded error, then the form recovers', async () => {
    await page.fill('[data-indicator="documentQuality"]', 'ninety');
    await page.waitForSelector('#scoring-result .error');
    assert.match(await text('#scoring-result .error b'), /^[A-Z][A-Z_]+$/);
    await page.fill('[data-indicator="documentQuality"]', '90');
    await page.waitForFunction(() => document.querySelector('#rs-total')?.textContent === '92.70');
  });

  await check('evaluation form: population statistics from the batch (Kunming z-score, Shenzhen zones)', async () => {
    await page.selectOption('#rs-select', '1');
    await page.waitForSelector('#rs-example option[value="K2"]', { state: 'attached' });
    await page.selectOption('#rs-example', 'K2');
    await page.waitForFunction(() => document.querySelector('#rs-total')?.textContent === '86.00');
    assert.equal(await text('#rs-office-total'), '86.00');
    await page.selectOption('#rs-select', '2');
    await page.waitForSelector('#rs-example option[value="C1"]', { state: 'attached' });
    await page.selectOption('#rs-example', 'C1');
    await page.waitForFunction(() => document.querySelector('#rs-total')?.textContent === '91.00');
    // Above the excellent threshold, but its quality part is not excellent.
    assert.equal(await text('#rs-grade'), 'good');
  });

  await check('no uncaught errors on the pages', async () => {
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
