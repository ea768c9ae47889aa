// The worker client shared by the browser (Web Worker) and Node
// (worker_threads). One worker runs one call at a time, the others wait
// here; progress reports come from the core. Aborting a waiting call just
// drops it; aborting the running one terminates its worker, and a fresh
// worker takes the next call, so the client stays usable.

/** The long calls the worker runs (same names and inputs as the main module). */
export const WORKER_CALLS = ['assign', 'verifyLedger', 'verifyHead', 'auditLedger', 'score', 'standardCasesBulk'];

/** The error a cancelled call rejects with (shaped like ShenguanError). */
export function cancelledError() {
  const error = new Error('the call was cancelled');
  error.name = 'ShenguanError';
  return Object.assign(error, { code: 'CANCELLED', path: '', messageZh: '调用已取消', details: null, more: [], moreOmitted: 0 });
}

/** A ShenguanError-shaped Error from the fields the worker sent. */
function errorFrom(fields) {
  const error = new Error(fields.message);
  error.name = fields.name ?? 'ShenguanError';
  return Object.assign(error, fields);
}

/**
 * `spawn()` starts one worker and returns
 * `{ post(message), terminate(), onMessage(listener), onError(listener), busy?(), idle?() }`.
 * `calls` names further calls that a worker script of one's own answers
 * (see `serve`'s `own`); the client gains a method for each.
 */
export function createClient(spawn, calls = []) {
  let worker = null;
  let running = null; // the call the worker is running
  let nextId = 1;
  const waiting = [];

  function start() {
    const w = spawn();
    w.onMessage((reply) => {
      if (w !== worker || !running || reply.id !== running.id) return; // from a worker already stopped
      if (reply.type === 'progress') {
        try { running.onProgress?.({ phase: reply.phase, done: reply.done, total: reply.total }); } catch { /* the listener's own problem */ }
        return;
      }
      const call = settle();
      if (reply.type === 'result') call.resolve(reply.value);
      else call.reject(errorFrom(reply.error));
      next();
    });
    w.onError((problem) => {
      // The worker died (out of memory, a script that failed to load): its call fails, the next gets a fresh worker.
      if (w !== worker) return;
      stopWorker();
      const call = settle();
      call?.reject(errorFrom({ name: 'ShenguanError', code: 'INTERNAL', path: '', message: `the worker stopped: ${problem?.message ?? problem}`, messageZh: '后台线程意外停止', details: null, more: [], moreOmitted: 0 }));
      next();
    });
    return w;
  }

  function stopWorker() {
    worker?.terminate();
    worker = null;
  }

  /** The running call, done: detached from its signal. */
  function settle() {
    const call = running;
    running = null;
    call?.cleanup();
    return call;
  }

  function next() {
    if (running || waiting.length === 0) {
      if (!running) worker?.idle?.();
      return;
    }
    running = waiting.shift();
    if (!worker) worker = start();
    worker.busy?.();
    worker.post({ id: running.id, op: running.op, input: running.input });
  }

  function cancel(call) {
    if (running === call) {
      stopWorker();
      settle();
    } else {
      const at = waiting.indexOf(call);
      if (at < 0) return;
      waiting.splice(at, 1);
      call.cleanup();
    }
    call.reject(cancelledError());
    next();
  }

  function run(op, input, { onProgress, signal } = {}) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(cancelledError());
        return;
      }
      const call = { id: nextId++, op, input, onProgress, resolve, reject };
      const onAbort = () => cancel(call);
      signal?.addEventListener('abort', onAbort, { once: true });
      call.cleanup = () => signal?.removeEventListener('abort', onAbort);
      waiting.push(call);
      next();
    });
  }

  const client = {
    /** Stop the worker; every call not finished rejects with CANCELLED. A later call starts a fresh worker. */
    terminate() {
      stopWorker();
      for (const call of [settle(), ...waiting.splice(0)]) {
        if (!call) continue;
        call.cleanup();
        call.reject(cancelledError());
      }
    },
  };
  for (const op of [...WORKER_CALLS, ...calls]) client[op] = (input, options) => run(op, input, options);
  return client;
}
