// The worker wrapper in headless Chromium (a module Web Worker): results
// equal the direct call's, progress reports arrive from the core and end at
// their total, the page keeps drawing meanwhile, and an aborted call
// rejects with CANCELLED while the next call works. `make test-browser`.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve } from '../../scripts/serve.mjs';
import * as inputs from '../../bench/limits-inputs.mjs';

const shenguan = createRequire(import.meta.url)('../../pkg/full/node.cjs');
const runText = inputs.assignment(shenguan, { judges: 30, cases: 2_500, departments: 3 });
const ledger = shenguan.assign(runText);
const verifyInput = `{"inputs":${runText},"ledger":${JSON.stringify(ledger)}}`;
const big = inputs.assignment(shenguan, { judges: 60, cases: 100_000, departments: 3 });

// The worker's test page is served besides the page and the package.
const server = await serve(0, { extra: ['pkg-tests/browser/'] });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
let failed = 0;
async function check(name, fn) {
  const t = Date.now();
  try {
    await fn();
    console.log(`ok     ${name} (${Date.now() - t} ms)`);
  } catch (err) {
    failed++;
    console.log(`FAILED ${name}\n       ${String(err.message ?? err).split('\n').join('\n       ')}`);
  }
}
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/pkg-tests/browser/worker.html`);
  await page.waitForSelector('body[data-ready]');

  await check('worker: every long call equals the direct call, with progress from the core', async () => {
    const calls = [
      ['assign', runText, ['assign'], 2_500],
      ['verifyLedger', verifyInput, ['verify'], 2_500],
      ['verifyHead', `{"inputs":${runText},"head":""}`, ['head'], 2_500],
      ['auditLedger', verifyInput, ['verify', 'audit'], 2_500],
      ['score', inputs.score(2_500), ['score'], 2_500],
      ['standardCasesBulk', inputs.standardCasesBulk(250_000), ['cases'], 250_000],
    ];
    const results = await page.evaluate((list) => window.workerCheck.compare(list), calls.map(([op, input]) => [op, input]));
    for (const [i, [op, , phases, total]] of calls.entries()) {
      const r = results[i];
      assert.equal(r.op, op);
      assert.ok(r.same, `${op}: the worker's result differs from the direct call's`);
      assert.deepEqual([...new Set(r.reports.map((p) => p.phase))], phases, op);
      for (const phase of phases) {
        const mine = r.reports.filter((p) => p.phase === phase);
        assert.ok(mine.length >= 2, `${op} ${phase}: ${mine.length} reports`);
        for (let k = 1; k < mine.length; k++) assert.ok(mine[k].done > mine[k - 1].done, `${op} ${phase} rises`);
        assert.deepEqual(mine.at(-1), { phase, done: total, total }, op);
      }
    }
    console.log(`       reports: ${results.map((r) => `${r.op} ${r.reports.length}`).join(', ')}; frames drawn meanwhile: ${results.map((r) => r.frames).join(', ')}`);
  });

  await check('worker: an aborted call rejects with CANCELLED and the next call works', async () => {
    const r = await page.evaluate(([b, s]) => window.workerCheck.cancelThenCall(b, s), [big, verifyInput]);
    assert.deepEqual(r.error, { name: 'ShenguanError', code: 'CANCELLED', message: 'the call was cancelled', messageZh: '调用已取消' });
    assert.ok(r.reports.length >= 2 && r.reports.at(-1).done < 100_000, JSON.stringify(r.reports.at(-1)));
    assert.deepEqual(r.after, r.direct);
    assert.equal(r.after.ok, true);
  });
  assert.deepEqual(errors, []);
} finally {
  await browser.close();
  server.close();
}
if (failed) {
  console.log(`${failed} worker check(s) failed`);
  process.exit(1);
}
