// `make bench`, part of: a year's ledger (written by bench/year.mjs)
// verified in full in a headless Chromium tab, streamed from the local
// server with fetch into LedgerVerifier. Prints time and WASM memory.
// Usage: node bench/year-browser.mjs <verifyHead input file>
import { chromium } from 'playwright-core';
import { dirname } from 'node:path';
import { serve } from '../scripts/serve.mjs';

const inputFile = process.argv[2];
// The server serves only the page and the package unless told the folders of the workload.
const server = await serve(0, { extra: ['pkg-tests/browser/', 'target/bench/', `${dirname(inputFile)}/`] });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(600_000);
  await page.goto(`${base}/pkg-tests/browser/vectors.html`);
  await page.waitForSelector('body[data-ready]');
  const result = await page.evaluate(async ({ inputUrl, ledgerUrl }) => {
    const shenguan = await import('/pkg/full/index.js');
    await shenguan.default();
    const started = performance.now();
    // The verifyHead workload's input is { inputs, head }: hand over the inputs as text.
    const { inputs } = await (await fetch(inputUrl)).json();
    const verifier = new shenguan.LedgerVerifier(JSON.stringify(inputs));
    const afterInputs = shenguan.wasmMemoryBytes();
    const reader = (await fetch(ledgerUrl)).body.getReader();
    let bytes = 0;
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      verifier.push(part.value);
      bytes += part.value.length;
    }
    const report = verifier.finish();
    return { ok: report.ok, entries: report.entries, ms: performance.now() - started, bytes, memory: shenguan.wasmMemoryBytes(), afterInputs };
  }, { inputUrl: `/${encodeURIComponent(inputFile).replace(/%2F/g, '/')}`, ledgerUrl: '/target/bench/year-ledger.ndjson' });
  const mib = (b) => `${(b / 1048576).toFixed(0)} MiB`;
  console.log(`year ledger verified in full in Chromium (fetch stream into LedgerVerifier): ok ${result.ok}, ${result.entries} entries, ${mib(result.bytes)} read, ${(result.ms / 1000).toFixed(2)} s, WASM memory ${mib(result.memory)} (${mib(result.afterInputs)} once the inputs were read)`);
} finally {
  await browser.close();
  server.close();
}
