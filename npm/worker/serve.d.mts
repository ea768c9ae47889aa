// Types of `shenguan/worker/serve` (docs/worker.md): the worker side, for a
// worker script of one's own.

/** A worker script's own call: `progress(phase, done, total)` reports as the core does. */
export type OwnCall = (input: any, progress: (phase: string, done: number, total: number) => void) => unknown;

/** Answer one message from createWorkerClient with `post`, using the loaded module `shenguan` and the script's `own` calls. */
export function serve(
  shenguan: object,
  message: { id: number; op: string; input: unknown },
  post: (reply: unknown) => void,
  own?: Record<string, OwnCall>,
): Promise<void>;
