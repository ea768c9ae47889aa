// The page's background thread: runs the long calls of the core off the main
// thread and reports progress. Files (File or Blob) are read here, a part at
// a time, so a large ledger never passes through the page.
import init, * as shenguan from '../pkg/web/shenguan.js';

const ready = init();
const PART = 1 << 18;

/** Post progress at most every 50 ms, and always the last step. */
function reporter(id, phase) {
  let last = 0;
  return (done, total, force = false) => {
    const now = performance.now();
    if (force || now - last >= 50) {
      last = now;
      postMessage({ id, progress: { phase, done, total } });
    }
  };
}

const text = async (value) => (value instanceof Blob ? value.text() : typeof value === 'string' ? value : JSON.stringify(value));

/** Read a ledger (text or Blob) into a LedgerVerifier part by part, reporting bytes read. */
async function verifyStream(id, inputs, ledger) {
  const verifier = new shenguan.LedgerVerifier(await text(inputs));
  try {
    const blob = ledger instanceof Blob ? ledger : new Blob([ledger]);
    const progress = reporter(id, 'verify');
    const reader = blob.stream().getReader();
    let done = 0;
    progress(0, blob.size, true);
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      for (let at = 0; at < part.value.length; at += PART) {
        const piece = part.value.subarray(at, at + PART);
        verifier.push(piece);
        done += piece.length;
        progress(done, blob.size);
      }
    }
    progress(done, blob.size, true);
    return verifier.finish();
  } finally {
    verifier.free();
  }
}

/** Write a run's ledger with LedgerWriter, reporting entries written. */
function assignStream(id, input) {
  const total = (input.cases?.length ?? 0) + (input.events?.length ?? 0);
  const writer = new shenguan.LedgerWriter(input, PART);
  try {
    const progress = reporter(id, 'assign');
    const parts = [];
    let lines = 0;
    progress(0, total, true);
    for (let part = writer.next(); part !== undefined; part = writer.next()) {
      parts.push(part);
      for (let i = part.indexOf('\n'); i !== -1; i = part.indexOf('\n', i + 1)) lines++;
      progress(Math.max(0, lines - 1), total);
    }
    progress(total, total, true);
    return parts.join('');
  } finally {
    writer.free();
  }
}

const methods = {
  verifyLedger: async (id, { inputs, ledger }) => verifyStream(id, inputs, ledger),
  auditLedger: async (id, { inputs, ledger }) => {
    postMessage({ id, progress: { phase: 'read', done: 0, total: 1 } });
    const input = `{"inputs":${await text(inputs)},"ledger":${JSON.stringify(await text(ledger))}}`;
    postMessage({ id, progress: { phase: 'audit', done: 0, total: 1 } });
    return shenguan.auditLedger(input);
  },
  assign: async (id, input) => assignStream(id, typeof input === 'string' ? JSON.parse(input) : input),
  score: async (_id, input) => shenguan.score(input),
  standardCasesBulk: async (_id, input) => shenguan.standardCasesBulk(input),
};

onmessage = async ({ data: { id, method, input } }) => {
  try {
    await ready;
    if (!(method in methods)) throw Object.assign(new Error(`unknown method ${method}`), { code: 'INVALID_INPUT' });
    postMessage({ id, result: await methods[method](id, input) });
  } catch (err) {
    const { code, path, message, messageZh, more, moreOmitted } = err;
    postMessage({ id, error: { code: code ?? 'ERROR', path, message: message ?? String(err), messageZh, more, moreOmitted } });
  }
};
