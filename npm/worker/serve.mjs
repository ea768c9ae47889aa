// The worker's side, shared by the browser and Node worker scripts: runs
// each call through the main module's export inside `withProgress`, so the
// core's progress reports are posted back as they happen.
import { WORKER_CALLS } from './client.mjs';

/**
 * Answer `message` ({ id, op, input }) with `post`, using the loaded module
 * `shenguan`. `own` holds a worker script's own calls, `op: (input, progress)
 * => value` (or a promise of it), `progress(phase, done, total)` posting a report.
 */
export async function serve(shenguan, message, post, own = {}) {
  const { id, op, input } = message;
  const progress = (phase, done, total) => post({ id, type: 'progress', phase, done, total });
  try {
    let value;
    if (Object.hasOwn(own, op)) value = await own[op](input, progress);
    else if (WORKER_CALLS.includes(op)) value = shenguan.withProgress(progress, () => shenguan[op](input));
    else throw Object.assign(new Error(`unknown worker call '${op}'`), { code: 'INVALID_INPUT', path: 'op', messageZh: `未知的后台调用“${op}”` });
    post({ id, type: 'result', value });
  } catch (e) {
    post({ id, type: 'error', error: plainError(e) });
  }
}

/** The fields of a thrown error, as a structured-clonable object. */
function plainError(e) {
  return {
    name: e?.name ?? 'Error',
    code: e?.code ?? 'INTERNAL',
    path: e?.path ?? '',
    message: e?.message ?? String(e),
    messageZh: e?.messageZh ?? String(e?.message ?? e),
    details: e?.details ?? null,
    more: e?.more ?? [],
    moreOmitted: e?.moreOmitted ?? 0,
  };
}
