// What every panel shares: the WebAssembly core (loaded once), the background
// thread for long work, the example court's files, and the progress bar with
// its cancel button.
import init, * as shenguan from '../pkg/full/index.js';
import { createWorkerClient } from '../pkg/worker/index.js';
import { h, button, fill } from './dom.js';
import { t } from './i18n.js';

let loading;
/** The core's module, once its WebAssembly is instantiated. */
export const core = () => (loading ??= init(new URL('../pkg/full/shenguan_bg.wasm', import.meta.url)).then(() => shenguan));

/** The calls engine-worker.js answers besides the core's long calls (it says what each does). */
const PAGE_CALLS = ['draw', 'loadSeries', 'importFile', 'exportFile', 'commitRun', 'computeBaseline', 'scoreTable'];

let client;
/** The shared background thread (started on first use). */
export const worker = () => (client ??= createWorkerClient({ url: new URL('./engine-worker.js', import.meta.url), calls: PAGE_CALLS }));

/** The example court and rule sets, beside the page (examples/). */
export const exampleUrl = (path) => new URL(`../examples/${path}`, import.meta.url);
export const fetchJson = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw { code: 'NOT_FOUND', message: `${url} could not be read (${response.status})`, messageZh: `无法读取 ${url}（${response.status}）` };
  return response.json();
};

/**
 * A progress bar with a cancel button. `run(fn)` calls `fn({ onProgress, signal })`,
 * shows the bar while it runs and hides it after; cancelling aborts the signal.
 */
export function progressBar() {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': t('progress'), 'data-i18n-label': 'progress' });
  const label = h('span', { class: 'progress-label', 'aria-live': 'polite' });
  let controller = null;
  const cancel = button('cancel', () => controller?.abort());
  const el = h('div', { class: 'progress', hidden: true }, bar, label, cancel);
  const onProgress = ({ phase, done, total }) => {
    bar.max = total || 1;
    bar.value = done;
    el.dataset.phase = phase;
    fill(label, total ? `${Math.floor((done * 100) / total)}%` : '');
  };
  const run = async (fn) => {
    controller?.abort();
    controller = new AbortController();
    const mine = controller;
    el.hidden = false;
    onProgress({ phase: 'start', done: 0, total: 1 });
    try {
      return await fn({ onProgress, signal: mine.signal });
    } finally {
      if (controller === mine) { el.hidden = true; controller = null; }
    }
  };
  return { el, run };
}
