// `make bench`, part of: does every export's time grow linearly with its
// input? Each export at two sizes (the second 4 times the first, see
// bench/scaling-inputs.mjs), in both forms (a plain object and its JSON
// text), as the FIRST call of a fresh instance: a fresh Node process per
// measurement, then a fresh Chromium page per measurement. Each export's rows
// are printed as soon as its four measurements are done, Node first; a
// measurement that runs past the time limit is stopped and shown as
// "timeout", one that throws as "failed".
// Usage: node bench/scaling.mjs [name-filter] [--node] [--browser]
// SCALING_TIMEOUT_S: the time limit of one measurement in seconds (default 120).
import { execFileSync } from 'node:child_process';
import { dir, inputFile, rows } from './scaling-inputs.mjs';

const timeoutMs = Number(process.env.SCALING_TIMEOUT_S ?? 120) * 1000;
const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--')) ?? '';
const inNode = !args.includes('--browser') || args.includes('--node');
const inBrowser = !args.includes('--node') || args.includes('--browser');
const forms = ['object', 'text'];

/** Each selected export with its sizes and input files. */
const exportsToMeasure = rows
  .filter(([operation]) => operation.includes(filter))
  .map(([operation, unit, small, build]) => ({ operation, unit, sizes: [small, 4 * small], build }));

const firstErrorLine = (text) => String(text).split('\n').find((l) => /Error/.test(l)) ?? String(text).split('\n')[0];

/** One measurement in a fresh Node process: { ms, cpuMs, wasmMiB }, { failed } or { timedOut }. */
function measureInNode(file, operation, form) {
  try {
    const out = execFileSync('node', ['--max-old-space-size=8000', 'bench/scaling-one.mjs', file, operation, form], {
      encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(out);
  } catch (e) {
    return e.code === 'ETIMEDOUT' ? { timedOut: true } : { failed: firstErrorLine(e.stderr || e.message) };
  }
}

const cell = (r, key) => (r.timedOut ? 'timeout' : r.failed ? 'failed' : r[key].toFixed(1));
const ratio = (a, b, key) => (a[key] > 0 && b[key] > 0 ? (b[key] / a[key]).toFixed(2) : '-');
const pair = (a, b, key) => `${cell(a, key)} / ${cell(b, key)}`.padStart(19) + ' ' + ratio(a, b, key).padStart(6);
const sizesOf = (e) => `${e.sizes[0].toLocaleString('en')} / ${e.sizes[1].toLocaleString('en')} ${e.unit}`;
const lead = (e, form) => `${e.operation.padEnd(20)} ${form.padEnd(6)} ${sizesOf(e).padEnd(26)}`;
const heading = (...columns) => `${'export'.padEnd(20)} ${'form'.padEnd(6)} ${'sizes'.padEnd(26)} ${columns.map((c) => `${c.padStart(19)} ${'ratio'.padStart(6)}`).join(' ')}`;

/** Measures every form at both sizes of `e` with `measure(file, form)`, keeping them in `e[where]`. */
async function measureExport(e, where, measure) {
  e[where] = {};
  for (const form of forms) {
    e[where][form] = [];
    for (const n of e.sizes) e[where][form].push(await measure(inputFile(e.operation, n, e.build), form));
  }
}

async function nodeHalf() {
  console.log(`Node (a fresh process per measurement; time limit ${timeoutMs / 1000} s each)`);
  console.log(heading('Node wall ms', 'Node CPU ms'));
  for (const e of exportsToMeasure) {
    await measureExport(e, 'node', (file, form) => measureInNode(file, e.operation, form));
    for (const form of forms) {
      const [a, b] = e.node[form];
      console.log(`${lead(e, form)} ${pair(a, b, 'ms')} ${pair(a, b, 'cpuMs')}`);
    }
  }
}

async function browserHalf() {
  const { chromium } = await import('playwright-core');
  const { serve } = await import('../scripts/serve.mjs');
  // The server serves only the page and the package unless told the folders of the workload.
  const server = await serve(0, { extra: ['pkg-tests/browser/', `${dir}/`] });
  const base = `http://127.0.0.1:${server.address().port}`;
  const launch = () => chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  let browser = await launch();
  /** One measurement on a fresh page (a fresh instance, so this is its first call). */
  const measure = async (file, operation, form) => {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeoutMs);
    const attempt = (async () => {
      await page.goto(`${base}/pkg-tests/browser/vectors.html`);
      await page.waitForSelector('body[data-ready]');
      return page.evaluate(async ({ url, operation, form }) => {
        const fresh = await import(`/pkg/full/index.js?fresh=${Math.random()}`);
        await fresh.default();
        const text = await (await fetch(url)).text();
        const input = form === 'object' ? JSON.parse(text) : text;
        const start = performance.now();
        fresh[operation](input);
        return { ms: performance.now() - start, wasmMiB: fresh.wasmMemoryBytes() / 2 ** 20 };
      }, { url: `/${file}`, operation, form });
    })().catch((e) => ({ failed: firstErrorLine(e.message ?? e) }));
    let timer;
    const limit = new Promise((resolve) => { timer = setTimeout(() => resolve({ timedOut: true }), timeoutMs); });
    const result = await Promise.race([attempt, limit]);
    clearTimeout(timer);
    if (result.timedOut) {
      // The page may still be inside the call: start again with a fresh browser.
      await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      browser = await launch();
    } else {
      await page.close();
    }
    return result;
  };
  console.log(`\nChromium (a fresh page per measurement; time limit ${timeoutMs / 1000} s each)`);
  console.log(heading('Chromium ms'));
  try {
    for (const e of exportsToMeasure) {
      await measureExport(e, 'browser', (file, form) => measure(file, e.operation, form));
      for (const form of forms) console.log(`${lead(e, form)} ${pair(...e.browser[form], 'ms')}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

if (inNode) await nodeHalf();
if (inBrowser) await browserHalf();

const none = [{}, {}];
console.log(`\nRatios, time at the larger size over time at the smaller`);
console.log(`${'export'.padEnd(20)} ${'form'.padEnd(6)} ${'sizes'.padEnd(26)} ${'Node wall'.padStart(9)} ${'Node CPU'.padStart(9)} ${'Chromium'.padStart(9)}`);
for (const e of exportsToMeasure) {
  for (const form of forms) {
    const [a, b] = e.node?.[form] ?? none;
    const [c, d] = e.browser?.[form] ?? none;
    console.log(`${lead(e, form)} ${ratio(a, b, 'ms').padStart(9)} ${ratio(a, b, 'cpuMs').padStart(9)} ${ratio(c, d, 'ms').padStart(9)}`);
  }
}
console.log(`The first call of a fresh instance (a fresh Node process, a fresh Chromium page) per measurement; the larger size is 4 times the smaller. A ratio of 4 is linear; below 4 where the first call's fixed costs (compiling the code it runs, setting up memory) weigh on the smaller size; well above 4 (above about 4.8 in CPU time) grows faster than the input. Node CPU is the process's user and system time over the call, its background threads included (garbage collection, optimising the wasm code), so it can exceed the wall time; wall time also counts waiting for a core on a busy machine. "timeout": stopped after ${timeoutMs / 1000} s (SCALING_TIMEOUT_S); "failed": the call threw; "-": no ratio without both times.`);
for (const e of exportsToMeasure) {
  for (const [where, env] of [['node', 'Node'], ['browser', 'Chromium']]) {
    for (const form of forms) {
      e[where]?.[form].forEach((m, i) => {
        if (m.failed) console.log(`- ${e.operation} ${form} ${e.sizes[i]} in ${env}: failed: ${m.failed}`);
        if (m.timedOut) console.log(`- ${e.operation} ${form} ${e.sizes[i]} in ${env}: stopped after ${timeoutMs / 1000} s`);
      });
    }
  }
}
