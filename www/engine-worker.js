// The page's background thread: the package's worker (pkg/worker/serve.mjs
// runs each call with the core's progress reports), plus what the page needs
// so that its own thread only renders: files (File or Blob) are read here, in
// parts with their own progress, so a large ledger never passes through the
// page's thread; spreadsheets are imported and exported here; and the page's
// views of a ledger (ledger-views.js) are picked out here.
import init, * as shenguan from '../pkg/full/index.js';
import { serve } from '../pkg/worker/serve.mjs';
import { importFile, exportFile } from '../pkg/import.mjs';
import { drawView, loadSeries } from './ledger-views.js';

const ready = init(new URL('../pkg/full/shenguan_bg.wasm', import.meta.url));

/** A Blob's text, read in parts, reporting bytes read as the phase 'read'. */
async function readText(blob, report) {
  const reader = blob.stream().getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts = [];
  let done = 0;
  let last = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    parts.push(decoder.decode(part.value, { stream: true }));
    done += part.value.length;
    if (performance.now() - last > 50) { last = performance.now(); report(done, blob.size); }
  }
  parts.push(decoder.decode());
  report(blob.size, blob.size);
  return parts.join('');
}

/**
 * The input with its files read: a Blob is a JSON document, and an object
 * with Blob members becomes JSON text (a ledger member as a string), so the
 * core parses it and reports a malformed file with its own coded error.
 */
async function withFilesRead(input, report) {
  if (input instanceof Blob) return readText(input, report);
  if (input === null || typeof input !== 'object' || !Object.values(input).some((v) => v instanceof Blob)) return input;
  const members = [];
  for (const [key, value] of Object.entries(input)) {
    const text = value instanceof Blob ? await readText(value, report) : null;
    const json = key === 'ledger' ? JSON.stringify(text ?? value) : text ?? JSON.stringify(value);
    members.push(`${JSON.stringify(key)}:${json}`);
  }
  return `{${members.join(',')}}`;
}

/** The page's own calls (core.js names them to the client), each `(input, progress)`. */
const pageCalls = {
  /** The draw, with what the assign panel shows of its ledger. */
  draw: (run, progress) => drawView(shenguan.withProgress(progress, () => shenguan.assign(run))),
  /** Each judge's load over a ledger (a string or a file) at the audit's sampled entries. */
  loadSeries: async ({ ledger, ...rest }, progress) => loadSeries({
    ledger: ledger instanceof Blob ? await readText(ledger, (done, total) => progress('read', done, total)) : ledger, ...rest,
  }, progress),
  /** A court's spreadsheet (a File) read and mapped by the core's importTable. */
  importFile: async ({ file, ...context }) => importFile(shenguan, new Uint8Array(await file.arrayBuffer()), file.name, context),
  /** A result as CSV or XLSX bytes, laid out by the core's exportTable. */
  exportFile: ({ input, format, sheetName }) => exportFile(shenguan, input, format, { sheetName }),
  commitRun: (input) => shenguan.commitRun(input),
  computeBaseline: (input) => shenguan.computeBaseline(input),
  scoreTable: (input) => shenguan.scoreTable(input),
};

self.onmessage = async ({ data }) => {
  const post = (reply) => self.postMessage(reply);
  try {
    await ready;
    const input = Object.hasOwn(pageCalls, data.op) ? data.input
      : await withFilesRead(data.input, (done, total) => post({ id: data.id, type: 'progress', phase: 'read', done, total }));
    await serve(shenguan, { ...data, input }, post, pageCalls);
  } catch (e) {
    post({ id: data.id, type: 'error', error: {
      name: 'ShenguanError', code: 'MALFORMED_JSON', path: '', details: null, more: [], moreOmitted: 0,
      message: `a file could not be read: ${e.message ?? e}`, messageZh: `文件无法读取：${e.message ?? e}`,
    } });
  }
};
