// The page's client for engine-worker.js, with the package's worker-wrapper
// API: `createWorkerClient().verifyLedger(input, { onProgress, signal })`;
// aborting the signal ends the thread at once and rejects with CANCELLED,
// and the next call starts a fresh thread.
const CANCELLED = () => ({ code: 'CANCELLED', message: 'Cancelled by the user.', messageZh: '已被用户取消。' });

export function createWorkerClient({ url = new URL('./engine-worker.js', import.meta.url) } = {}) {
  let worker = null;
  let nextId = 1;
  const pending = new Map();

  const start = () => {
    worker = new Worker(url, { type: 'module' });
    worker.onmessage = ({ data }) => {
      const call = pending.get(data.id);
      if (!call) return;
      if (data.progress) { call.onProgress?.(data.progress); return; }
      pending.delete(data.id);
      if (data.error) call.reject(data.error);
      else call.resolve(data.result);
    };
    worker.onerror = (event) => {
      for (const call of pending.values()) call.reject({ code: 'WORKER_FAILED', message: event.message, messageZh: '后台线程出错。' });
      pending.clear();
      worker = null;
    };
  };

  const terminate = () => {
    worker?.terminate();
    worker = null;
    for (const call of pending.values()) call.reject(CANCELLED());
    pending.clear();
  };

  const call = (method) => (input, { onProgress, signal } = {}) => new Promise((resolve, reject) => {
    if (signal?.aborted) { reject(CANCELLED()); return; }
    if (!worker) start();
    const id = nextId++;
    pending.set(id, { resolve, reject, onProgress });
    signal?.addEventListener('abort', () => { if (pending.has(id)) terminate(); }, { once: true });
    worker.postMessage({ id, method, input });
  });

  return {
    verifyLedger: call('verifyLedger'),
    auditLedger: call('auditLedger'),
    assign: call('assign'),
    score: call('score'),
    standardCasesBulk: call('standardCasesBulk'),
    terminate,
  };
}
