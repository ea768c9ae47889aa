// Browser tests in headless Chromium (Debian's, driven by playwright-core):
// every vector through the browser build, and the page used like a person.
import { chromium } from 'playwright-core';
import { readdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const listFile = join(root, 'pkg-tests/browser/vector-list.json');
const vectorFiles = (dir) => readdirSync(dir).sort().flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? vectorFiles(path) : name.endsWith('.json') ? [relative(root, path)] : [];
});
writeFileSync(listFile, JSON.stringify(vectorFiles(join(root, 'tests/vectors'))));

const server = await serve(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${what}`);
  if (!ok) failed++;
};

try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(`${base}/pkg-tests/browser/vectors.html`);
  await page.waitForFunction(() => window.results, null, { timeout: 60_000 });
  const { steps, failures } = await page.evaluate(() => window.results);
  check(failures.length === 0 && steps > 0, `${steps} vector steps in Chromium${failures.length ? `:\n  ${failures.join('\n  ')}` : ''}`);

  await page.goto(`${base}/www/`);
  await page.waitForSelector('#status[data-ready="true"]', { timeout: 30_000 });
  await page.click('#load-example');
  await page.waitForFunction(() => document.querySelector('#ledger').value.length > 1000);
  // The browser's ledger for the fixture is the pinned one.
  const pinned = (await import('node:fs')).readFileSync(join(root, 'tests/vectors/assignment/small-court.json'), 'utf8');
  const same = await page.evaluate((p) => {
    const sort = (v) => Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v;
    return JSON.stringify(sort(JSON.parse(document.querySelector('#ledger').value))) === JSON.stringify(sort(JSON.parse(p).steps[0].expected));
  }, pinned);
  check(same, 'the page draws the pinned ledger for the fixture court');
  await page.click('#verify-button');
  check((await page.textContent('#verify-verdict')).includes('Identical'), 'verification of the untouched ledger: identical');
  await page.click('#tamper');
  await page.click('#verify-button');
  check((await page.textContent('#verify-verdict')).includes('Differs'), 'a case moved by hand is caught');
  await page.fill('#inputs', '{ not json');
  await page.click('#verify-button');
  check((await page.textContent('#verify-result .error')).includes('MALFORMED_JSON'), 'malformed input shows a coded error');
  await page.click('#load-example');
  await page.waitForFunction(() => document.querySelector('#ledger').value.length > 1000);
  await page.click('#verify-button');
  check((await page.textContent('#verify-verdict')).includes('Identical'), 'the same instance verifies again after the error');
  await page.click('#commit');
  check(/^[0-9a-f]{64}$/.test(await page.textContent('#commitment')), 'commitment is 64 hex digits');
  await page.click('#assign-button');
  await page.waitForSelector('#assign-summary', { timeout: 30_000 });
  check((await page.textContent('#assign-summary')).startsWith('2000 cases'), 'the example court is assigned in the browser');

  await page.waitForSelector('#sc-value');
  await page.fill('#sc-dossier', '240');
  await page.waitForFunction(() => document.querySelector('#sc-formula')?.textContent.includes('240'));
  check(/^\d+\.\d{2}$/.test(await page.textContent('#sc-value')), 'standard-case calculator computes a case live');

  await page.waitForSelector('#rs-missing');
  const before = (await page.textContent('#rs-missing')).split(',').length;
  await page.click('#rs-fill');
  await page.waitForSelector('#rs-total');
  check(before > 0 && /^\d+(\.\d+)?$/.test(await page.textContent('#rs-total')), `evaluation form: ${before} missing inputs, then a total once filled`);
  check(errors.length === 0, `no uncaught page errors${errors.length ? `: ${errors.join('; ')}` : ''}`);
} catch (err) {
  check(false, `browser run: ${err.message}`);
} finally {
  await browser.close();
  server.close();
  rmSync(listFile, { force: true });
}
console.log(failed ? `browser tests: ${failed} failed` : 'browser tests: all passed');
process.exit(failed ? 1 : 0);
