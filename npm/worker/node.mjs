// `import { createWorkerClient } from 'shenguan/worker'` in Node: the same
// API as the browser's, over worker_threads.
import { Worker } from 'node:worker_threads';
import { createClient } from './client.mjs';

/**
 * A client whose calls run in a worker thread. `url`: the worker script
 * (default: worker-node-main.mjs next to this file); `calls`: the further
 * calls a worker script of one's own answers (serve.mjs's `own`).
 */
export function createWorkerClient({ url, calls } = {}) {
  const scriptUrl = url ?? new URL('./worker-node-main.mjs', import.meta.url);
  return createClient(() => {
    const worker = new Worker(scriptUrl);
    return {
      post: (message) => worker.postMessage(message),
      terminate: () => { worker.terminate(); },
      onMessage: (listener) => worker.on('message', listener),
      onError: (listener) => {
        worker.on('error', listener);
        worker.on('exit', (code) => listener(new Error(`the worker exited with code ${code}`)));
      },
      // An idle worker does not keep the process alive; a running call does.
      busy: () => worker.ref(),
      idle: () => worker.unref(),
    };
  }, calls);
}
