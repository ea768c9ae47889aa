// `make bench`, part of: does every export's time grow linearly with its
// input? Each export at two sizes (the second 4 times the first), in both
// forms (a plain object and its JSON text), as the FIRST call of a fresh
// instance: a fresh Node process per measurement, a fresh Chromium page per
// measurement. Prints one row per export and form with both times and their
// ratio (about 4 is linear; well above 4 is not).
// Usage: node bench/scaling.mjs [name-filter] [--node] [--browser]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as inputs from './limits-inputs.mjs';

const require = createRequire(import.meta.url);
const dir = 'target/bench/scaling';

/** One measurement in this (fresh) process: the first call's time in ms. */
function measureOne(file, operation, form) {
  const shenguan = require('../pkg/node/shenguan.js');
  const text = readFileSync(file, 'utf8');
  const input = form === 'object' ? JSON.parse(text) : text;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  shenguan[operation](input);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  // CPU time too: on a shared machine the wall time also counts waiting for a core.
  console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, wasmMiB: shenguan.wasmMemoryBytes() / 2 ** 20 }));
}

if (process.argv[2] === '--one') {
  measureOne(process.argv[3], process.argv[4], process.argv[5]);
  process.exit(0);
}

const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--')) ?? '';
const inNode = !args.includes('--browser') || args.includes('--node');
const inBrowser = !args.includes('--node') || args.includes('--browser');
const shenguan = require('../pkg/node/shenguan.js');

// Runs of `n` cases over 120 judges in 6 departments; their ledgers and heads.
const runs = new Map();
function run(n) {
  if (!runs.has(n)) {
    const text = inputs.assignment(shenguan, { judges: 120, cases: n, departments: 6 });
    const ledger = shenguan.assign(text);
    runs.set(n, { text, ledger, head: shenguan.verifyHead(`{"inputs":${text},"head":""}`).head });
  }
  return runs.get(n);
}
const withLedger = (n, extra = '') => { const r = run(n); return `{"inputs":${r.text},"ledger":${JSON.stringify(r.ledger)}${extra}}`; };

/** A rule set of `n` direct indicators in one group. */
function ruleSet(n) {
  const indicators = Array.from({ length: n }, (_, i) => ({ id: `q${i}`, name: `指标${i}`, method: { type: 'direct', cap: '100', floor: '0' } }));
  return { id: 'wide', version: '1', indicators, groups: [{ id: 'g', name: '组', weight: '100', indicators: indicators.map((x) => ({ indicator: x.id, weight: '1' })) }] };
}

function targets(judges) {
  const vector = JSON.parse(readFileSync(new URL('../tests/vectors/standard/targets.json', import.meta.url), 'utf8'));
  const input = vector.steps[0].input;
  const per = 50;
  const departments = Array.from({ length: Math.ceil(judges / per) }, (_, d) => ({ id: `D${d}`, judges: Array.from({ length: Math.min(per, judges - d * per) }, (_, j) => `J${d * per + j}`) }));
  return JSON.stringify({ ...input, departments });
}

// export, unit, the smaller size (the larger is 4 times it), input of size n
const rows = [
  ['commitRun', 'cases', 20_000, (n) => run(n).text],
  ['assign', 'cases', 5_000, (n) => run(n).text],
  ['carryForward', 'cases', 5_000, (n) => run(n).text],
  ['verifyLedger', 'entries', 5_000, (n) => withLedger(n)],
  ['verifyChain', 'entries', 5_000, (n) => JSON.stringify({ ledger: run(n).ledger })],
  ['verifyHead', 'entries', 5_000, (n) => `{"inputs":${run(n).text},"head":"${run(n).head}"}`],
  ['auditLedger', 'entries', 5_000, (n) => withLedger(n)],
  ['computeBaseline', 'cases', 100_000, (n) => inputs.computeBaseline(n)],
  ['standardCases', 'cases', 25_000, (n) => inputs.standardCases(n)],
  ['standardCaseWeights', 'cases', 25_000, (n) => inputs.standardCases(n)],
  ['standardCasesBulk', 'cases', 500_000, (n) => inputs.standardCasesBulk(n)],
  ['enforcementCases', 'cases', 25_000, (n) => inputs.enforcementCases(n)],
  ['standardTargets', 'judges', 10_000, (n) => targets(n)],
  ['validateRuleSet', 'indicators', 250, (n) => JSON.stringify(ruleSet(n))],
  ['score', 'judges', 2_000, (n) => inputs.score(n)],
  ['scoreTable', 'judges', 10_000, (n) => inputs.score(n)],
  ['scoreOne', 'indicators', 250, (n) => JSON.stringify({ ruleSet: ruleSet(n), judge: { id: 'J', values: Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i}`, i % 101])) } })],
].filter(([name]) => name.includes(filter));

mkdirSync(dir, { recursive: true });
const measurements = [];
for (const [operation, unit, small, build] of rows) {
  for (const n of [small, 4 * small]) {
    const file = `${dir}/${operation}-${n}.json`;
    if (!existsSync(file)) writeFileSync(file, build(n));
    for (const form of ['object', 'text']) measurements.push({ operation, unit, n, form, file });
  }
}

if (inNode) {
  for (const m of measurements) {
    try {
      m.node = JSON.parse(execFileSync('node', ['--max-old-space-size=8000', 'bench/scaling.mjs', '--one', m.file, m.operation, m.form], { encoding: 'utf8' }));
    } catch (e) {
      m.node = { failed: String(e.stderr ?? e).split('\n').find((l) => /Error/.test(l)) ?? 'failed' };
    }
  }
}

if (inBrowser) {
  const { chromium } = await import('playwright-core');
  const { serve } = await import('../scripts/serve.mjs');
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    for (const m of measurements) {
      // A fresh page: a fresh instance, so this is its first call.
      const page = await browser.newPage();
      page.setDefaultTimeout(600_000);
      try {
        await page.goto(`${base}/pkg-tests/browser/vectors.html`);
        await page.waitForSelector('body[data-ready]');
        m.browser = await page.evaluate(async ({ url, operation, form }) => {
          const fresh = await import(`/pkg/web/shenguan.js?fresh=${Math.random()}`);
          await fresh.default();
          const text = await (await fetch(url)).text();
          const input = form === 'object' ? JSON.parse(text) : text;
          const start = performance.now();
          fresh[operation](input);
          return { ms: performance.now() - start, wasmMiB: fresh.wasmMemoryBytes() / 2 ** 20 };
        }, { url: `/${m.file}`, operation: m.operation, form: m.form });
      } catch (e) {
        m.browser = { failed: String(e.message ?? e).split('\n')[0] };
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

const cell = (r, key = 'ms') => (r === undefined ? '-' : r.failed ? 'failed' : r[key].toFixed(1));
const ratio = (a, b, key = 'ms') => (a?.[key] && b?.[key] ? (b[key] / a[key]).toFixed(2) : '-');
const pair = (a, b, key) => `${cell(a, key)} / ${cell(b, key)}`.padStart(19) + ' ' + ratio(a, b, key).padStart(6);
console.log(`${'export'.padEnd(20)} ${'form'.padEnd(6)} ${'sizes'.padEnd(26)} ${'Node wall ms'.padStart(19)} ${'ratio'.padStart(6)} ${'Node CPU ms'.padStart(19)} ${'ratio'.padStart(6)} ${'Chromium ms'.padStart(19)} ${'ratio'.padStart(6)}`);
for (let i = 0; i < measurements.length; i += 4) {
  for (const k of [0, 1]) {
    const a = measurements[i + k];
    const b = measurements[i + 2 + k];
    const sizes = `${a.n.toLocaleString('en')} / ${b.n.toLocaleString('en')} ${a.unit}`;
    console.log(`${a.operation.padEnd(20)} ${a.form.padEnd(6)} ${sizes.padEnd(26)} ${pair(a.node, b.node, 'ms')} ${pair(a.node, b.node, 'cpuMs')} ${pair(a.browser, b.browser, 'ms')}`);
  }
}
console.log('First call of a fresh instance (a fresh Node process, a fresh Chromium page) per measurement; the larger size is 4 times the smaller, so a ratio near 4 is linear. Node CPU is the process\'s user and system time over the call (GC threads included).');
for (const m of measurements) for (const env of ['node', 'browser']) if (m[env]?.failed) console.log(`- ${m.operation} ${m.form} ${m.n} in ${env}: ${m[env].failed}`);
