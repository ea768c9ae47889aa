// `import { createWorkerClient } from 'shenguan/worker'` in a browser: the
// long calls (assign, verifyLedger, verifyHead, auditLedger, score,
// standardCasesBulk) in a Web Worker, with progress and cancellation.
import { createClient } from './client.mjs';

/**
 * A client whose calls run in a module Web Worker. `url`: where the worker
 * script is served (default: worker-main.js next to this file); `calls`: the
 * further calls a worker script of one's own answers (serve.mjs's `own`).
 */
export function createWorkerClient({ url, calls } = {}) {
  const scriptUrl = url ?? new URL('./worker-main.js', import.meta.url);
  return createClient(() => {
    const worker = new Worker(scriptUrl, { type: 'module' });
    return {
      post: (message) => worker.postMessage(message),
      terminate: () => worker.terminate(),
      onMessage: (listener) => worker.addEventListener('message', (event) => listener(event.data)),
      onError: (listener) => worker.addEventListener('error', (event) => { event.preventDefault?.(); listener(event.message ?? event); }),
    };
  }, calls);
}
