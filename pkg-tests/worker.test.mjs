// The worker wrapper under Node (worker_threads): each long call gives the
// direct call's result, progress reports from the core arrive in order and
// end at their total, errors keep their code and path, and an aborted call
// rejects with CANCELLED while the next call still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as inputs from '../bench/limits-inputs.mjs';
import { createWorkerClient } from '../pkg/worker/node.mjs';

const shenguan = createRequire(import.meta.url)('../pkg/full/node.cjs');

// A run of 2,500 cases (progress every 1,000 entries), its ledger and head.
const run = JSON.parse(inputs.assignment(shenguan, { judges: 30, cases: 2_500, departments: 3 }));
const ledger = shenguan.assign(run);
const { head } = shenguan.verifyHead({ inputs: run, head: '' });

/** Call `op` through `client`, collecting its progress reports. */
async function withReports(client, op, input) {
  const reports = [];
  const result = await client[op](input, { onProgress: (p) => reports.push(p) });
  return { result, reports };
}

/** Each phase's reports rise and end at their total. */
function assertPasses(reports, phases, total) {
  assert.deepEqual([...new Set(reports.map((r) => r.phase))], phases);
  for (const phase of phases) {
    const mine = reports.filter((r) => r.phase === phase);
    assert.ok(mine.length >= 2, `${phase}: ${mine.length} reports`);
    for (let i = 1; i < mine.length; i++) assert.ok(mine[i].done > mine[i - 1].done);
    assert.ok(mine.every((r) => r.total === total && r.done <= total));
    assert.equal(mine.at(-1).done, total);
  }
}

test('every long call equals the direct call, with progress from the core', async () => {
  const client = createWorkerClient();
  try {
    const assigned = await withReports(client, 'assign', run);
    assert.equal(assigned.result, ledger);
    assertPasses(assigned.reports, ['assign'], 2_500);
    assert.deepEqual(assigned.reports.filter((r) => r.done % 1000 === 0).map((r) => r.done), [1000, 2000]);

    const verified = await withReports(client, 'verifyLedger', { inputs: run, ledger });
    assert.deepEqual(verified.result, shenguan.verifyLedger({ inputs: run, ledger }));
    assert.equal(verified.result.ok, true);
    assertPasses(verified.reports, ['verify'], 2_500);

    const headed = await withReports(client, 'verifyHead', JSON.stringify({ inputs: run, head }));
    assert.deepEqual(headed.result, { ok: true, entries: 2_500, head });
    assertPasses(headed.reports, ['head'], 2_500);

    const audited = await withReports(client, 'auditLedger', { inputs: run, ledger });
    assert.deepEqual(audited.result, shenguan.auditLedger({ inputs: run, ledger }));
    assertPasses(audited.reports, ['verify', 'audit'], 2_500);

    const scoreInput = inputs.score(2_500);
    const scored = await withReports(client, 'score', scoreInput);
    assert.deepEqual(scored.result, shenguan.score(scoreInput));
    assertPasses(scored.reports, ['score'], 2_500);

    const bulkInput = inputs.standardCasesBulk(250_000);
    const bulk = await withReports(client, 'standardCasesBulk', bulkInput);
    assert.deepEqual(bulk.result, shenguan.standardCasesBulk(bulkInput));
    assertPasses(bulk.reports, ['cases'], 250_000);
  } finally {
    client.terminate();
  }
});

test('a bad input rejects with the direct call\'s code, path and messages', async () => {
  const client = createWorkerClient();
  try {
    const tampered = ledger.replace('"index":7,', '"index":8,');
    let direct;
    try { shenguan.verifyLedger({ inputs: { ...run, seed: 'zz' }, ledger: tampered }); } catch (e) { direct = e; }
    await assert.rejects(client.verifyLedger({ inputs: { ...run, seed: 'zz' }, ledger: tampered }), (e) => {
      assert.equal(e.name, 'ShenguanError');
      for (const key of ['code', 'path', 'message', 'messageZh', 'details']) assert.deepEqual(e[key], direct[key], key);
      return true;
    });
    // A tampered ledger is a report, not an error.
    const report = await client.verifyLedger({ inputs: run, ledger: tampered });
    assert.equal(report.ok, false);
    assert.equal(report.firstDifference.index, 7);
  } finally {
    client.terminate();
  }
});

test('aborting the running call rejects with CANCELLED and the next call works', async () => {
  const client = createWorkerClient();
  try {
    const big = inputs.assignment(shenguan, { judges: 60, cases: 200_000, departments: 3 });
    const controller = new AbortController();
    const reports = [];
    const cancelled = client.assign(big, {
      signal: controller.signal,
      onProgress: (p) => { reports.push(p); if (reports.length === 2) controller.abort(); },
    });
    await assert.rejects(cancelled, (e) => {
      assert.equal(e.code, 'CANCELLED');
      assert.equal(e.name, 'ShenguanError');
      assert.ok(e.message.length > 0 && e.messageZh.length > 0);
      return true;
    });
    assert.equal(reports.length >= 2 && reports.at(-1).done < 200_000, true, JSON.stringify(reports.at(-1)));
    // The next call runs in a fresh worker and gives the right answer.
    const report = await client.verifyLedger({ inputs: run, ledger });
    assert.equal(report.ok, true);
    assert.equal(report.head, head);
  } finally {
    client.terminate();
  }
});

test('aborting a waiting call drops it; an aborted signal rejects at once; terminate then call again', async () => {
  const client = createWorkerClient();
  try {
    const controller = new AbortController();
    const first = client.verifyHead({ inputs: run, head });
    const second = client.verifyLedger({ inputs: run, ledger }, { signal: controller.signal });
    const third = client.verifyHead({ inputs: run, head: '00' });
    controller.abort();
    await assert.rejects(second, { code: 'CANCELLED' });
    assert.equal((await first).ok, true);
    assert.equal((await third).ok, false);

    await assert.rejects(client.score(inputs.score(3), { signal: AbortSignal.abort() }), { code: 'CANCELLED' });

    const pending = client.verifyHead({ inputs: run, head });
    client.terminate();
    await assert.rejects(pending, { code: 'CANCELLED' });
    assert.equal((await client.verifyHead({ inputs: run, head })).ok, true);
  } finally {
    client.terminate();
  }
});

test('require(\'shenguan/worker\') gives the same client (node.cjs)', async () => {
  const { createWorkerClient: createFromRequire } = createRequire(import.meta.url)('../pkg/worker/node.cjs');
  const client = createFromRequire();
  try {
    const reports = [];
    assert.deepEqual(await client.verifyHead({ inputs: run, head }, { onProgress: (p) => reports.push(p) }), { ok: true, entries: 2_500, head });
    assert.deepEqual(reports.at(-1), { phase: 'head', done: 2_500, total: 2_500 });
  } finally {
    client.terminate();
  }
});

test('a worker script of one\'s own answers the calls named in `calls`, besides the core\'s', async () => {
  const client = createWorkerClient({ url: new URL('./fixtures/own-worker.mjs', import.meta.url), calls: ['countLines'] });
  try {
    const reports = [];
    assert.equal(await client.countLines(ledger, { onProgress: (p) => reports.push(p) }), 2_501);
    assert.deepEqual(reports, [{ phase: 'lines', done: 2_501, total: 2_501 }]);
    await assert.rejects(client.countLines(42), { name: 'ShenguanError', code: 'INVALID_INPUT', path: 'text', messageZh: '不是文本' });
    assert.equal((await client.verifyHead({ inputs: run, head })).ok, true);
    assert.equal(createWorkerClient().countLines, undefined, 'only the named calls become methods');
  } finally {
    client.terminate();
  }
});
