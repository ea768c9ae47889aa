// Types of `shenguan/worker` (docs/worker.md): the long calls in a Web
// Worker or a Node worker thread, with progress and cancel.
import type {
  AssignmentInput, VerifyInput, VerifyReport, HeadInput, HeadReport, AuditReport,
  ScoreInput, ScoreOutput, StandardCasesBulkInput, StandardCasesBulkOutput,
} from '../full/index.js';

/** A progress report from the core. */
export interface WorkerProgress {
  /** `assign`, `verify`, `head`, `audit`, `score` or `cases`. */
  phase: string;
  done: number;
  total: number;
}

export interface WorkerCallOptions {
  onProgress?: (progress: WorkerProgress) => void;
  /** Aborting rejects the call with code `CANCELLED`. */
  signal?: AbortSignal;
}

export interface WorkerClient {
  assign(input: AssignmentInput | string, options?: WorkerCallOptions): Promise<string>;
  verifyLedger(input: VerifyInput | string, options?: WorkerCallOptions): Promise<VerifyReport>;
  verifyHead(input: HeadInput | string, options?: WorkerCallOptions): Promise<HeadReport>;
  auditLedger(input: VerifyInput | string, options?: WorkerCallOptions): Promise<AuditReport>;
  score(input: ScoreInput | string, options?: WorkerCallOptions): Promise<ScoreOutput>;
  standardCasesBulk(input: StandardCasesBulkInput | string, options?: WorkerCallOptions): Promise<StandardCasesBulkOutput>;
  /** Stop the worker; unfinished calls reject with `CANCELLED`. */
  terminate(): void;
}

/** The calls a worker script of one's own answers besides the core's (serve.mjs's `own`). */
export type OwnCalls<Name extends string> = { [K in Name]: (input: unknown, options?: WorkerCallOptions) => Promise<any> };

/**
 * `url`: where the worker script is served (default: next to this module);
 * `calls`: the further calls that script answers, each becoming a method.
 */
export function createWorkerClient<Name extends string = never>(options?: { url?: string | URL; calls?: readonly Name[] }): WorkerClient & OwnCalls<Name>;
