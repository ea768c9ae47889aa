// The workbench's ledger views (www/ledger-views.js, run in the page's
// worker) against the ledger itself: the draw's view names the core's head
// and every case's judge, and each judge's load series holds, at every
// sample, the load of the judge's latest pool at or before it (found here by
// scanning back from the sample, not forward as the view does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as inputs from '../bench/limits-inputs.mjs';
import { drawView, loadSeries, DRAW_ROWS } from '../www/ledger-views.js';

const shenguan = createRequire(import.meta.url)('../pkg/full/node.cjs');
const run = JSON.parse(inputs.assignment(shenguan, { judges: 30, cases: 2_500, departments: 3 }));
const ledger = shenguan.assign(run);
const entries = ledger.trimEnd().split('\n').slice(1).map((line) => JSON.parse(line));

test('the draw\'s view: count, the core\'s head, the first entries, a seat with unequal chances, each case\'s judge', () => {
  const view = drawView(ledger);
  assert.equal(view.ledger, ledger);
  assert.equal(view.count, entries.length);
  assert.equal(view.head, shenguan.verifyHead({ inputs: run, head: '' }).head);
  assert.deepEqual(view.entries, entries.slice(0, DRAW_ROWS));
  assert.ok(new Set(view.sample.seats[0].pool.map((p) => p[3])).size > 1, 'the sample\'s judges had different chances');
  const cases = run.cases.map((c) => c.id);
  assert.deepEqual(view.handling.map(([id]) => id).sort(), [...cases].sort());
  for (const [id, judge] of view.handling) assert.equal(judge, entries.findLast((e) => e.caseId === id).judges[0]);
});

test('each judge\'s load at the audit\'s samples is the load of the judge\'s latest pool, with the department\'s band around it', () => {
  const audit = shenguan.auditLedger({ inputs: run, ledger });
  const indices = Object.values(audit.loadSpread)[0].series.map(([index]) => index);
  const departments = Object.fromEntries(Object.keys(audit.loadSpread).map((d) => [d, audit.judges.filter((j) => j.department === d).map((j) => j.judge)]));
  const reports = [];
  const series = loadSeries({ ledger, indices, departments }, (phase, done, total) => reports.push({ phase, done, total }));
  assert.deepEqual(reports.at(-1), { phase: 'loads', done: entries.length, total: entries.length });
  const latest = (judge, index) => {
    for (let i = entries.length - 1; i >= 0; i--) {
      if (entries[i].index > index) continue;
      const seen = (entries[i].seats ?? []).flatMap((s) => s.pool).filter(([j]) => j === judge);
      if (seen.length) return seen.at(-1)[1];
    }
    return null;
  };
  let lines = 0;
  for (const [dept, { lines: judges, low, high }] of Object.entries(series)) {
    assert.ok(judges.length > 1, dept);
    for (const { name, values } of judges) {
      lines++;
      assert.deepEqual(values, indices.map((index) => latest(name, index)), name);
      values.forEach((v, k) => v !== null && assert.ok(Number(low[k]) <= Number(v) && Number(v) <= Number(high[k]), `${name} at ${indices[k]}`));
    }
  }
  assert.equal(lines, run.judges.length);
});
