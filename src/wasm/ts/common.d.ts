/** A decimal number. Outputs are always strings (exact); inputs may be strings or numbers. */
export type DecimalString = string;
export type DecimalInput = string | number;

/** The properties of every error thrown by shenguan (a JS `Error` subclass named `ShenguanError`). */
export interface ShenguanErrorFields {
  /** Stable code, e.g. "INVALID_INPUT", "NO_ELIGIBLE_JUDGE". */
  code: string;
  /** Path of the offending field, e.g. "cases[12].pages.dossier"; "" for the whole input. */
  path: string;
  /** English message. */
  message: string;
  /** Chinese message. */
  messageZh: string;
  /** Structured data about the failure, or null. */
  details: unknown;
  /** Further problems found in the same input. */
  more: Array<{ code: string; path: string; message: string; messageZh: string; details?: unknown }>;
  /** Further problems found beyond those listed in `more` (which holds at most 99). */
  moreOmitted: number;
}
