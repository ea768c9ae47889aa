/// <reference lib="esnext.disposable" />
// (The classes declare `[Symbol.dispose]`: the reference lets a strict consumer on an es2022 lib compile.
// Every section file starts with it, since whichever comes first in a build's .d.ts is the one read.)
/**
 * A decimal number as the engines write it: always a string, so it is exact.
 * The brand keeps an arbitrary string (an id, a name) from passing as a
 * decimal input; an output decimal can be given back as an input as it is.
 */
export type DecimalString = string & { readonly __decimalString: true };
/**
 * A decimal input: a number, a numeric string literal ("0.55", "-2") or a
 * decimal from an output. A `string` variable (text typed into a form) must
 * be checked first, or cast: `text as DecimalInput`; the core refuses bad
 * text with a coded error either way.
 */
export type DecimalInput = number | `${number}` | DecimalString;

/**
 * JSON text of a `T`, for the faster text form of every export
 * (`assign(text)`). Plain `string` is refused so that text of the wrong kind
 * (a rule set given to `assign`, a ledger given as inputs) does not compile;
 * mark text once where it is made or read:
 * `JSON.stringify(input) as JsonText<AssignmentInput>`. JavaScript callers
 * and the run time are unchanged: any string is still read as JSON text.
 */
export type JsonText<T> = string & { readonly __jsonText: T };

/** An export's input: the value itself or its JSON text. */
export type Input<T> = T | JsonText<T>;

/** Every `code` a ShenguanError carries (docs/errors.md). */
export type ShenguanErrorCode =
  | "INVALID_INPUT" | "MALFORMED_JSON" | "DUPLICATE_ID" | "UNKNOWN_JUDGE" | "UNKNOWN_CASE" | "NO_ELIGIBLE_JUDGE"
  | "INVALID_SHARE" | "MISSING_REASON" | "MALFORMED_SEED" | "COMMITMENT_MISMATCH" | "MALFORMED_LEDGER" | "INVALID_EVENT"
  | "OUT_OF_RANGE" | "WEIGHTS_DO_NOT_SUM_TO_ONE" | "UNKNOWN_CATEGORY" | "MISSING_COEFFICIENT" | "MISSING_BASELINE"
  | "INVALID_RULE_SET" | "UNKNOWN_INDICATOR" | "TYPE_MISMATCH" | "ALL_AVERAGES_ZERO" | "BASELINE_DIGEST_MISMATCH"
  | "MISSING_VALUE" | "BEACON_MISMATCH" | "BEACON_INVALID" | "MALFORMED_BEACON" | "BEACON_NOT_FUTURE" | "LIMIT_EXCEEDED"
  | "INTERNAL" | "INVALID_CELL" | "MISSING_COLUMN" | "DUPLICATE_COLUMN"
  /** Thrown by the worker wrapper when a call is aborted. */
  | "CANCELLED";

/** One problem of an input: the thrown error's own, or one of its `more`. */
export interface ShenguanProblem {
  code: ShenguanErrorCode;
  /** Path of the offending field, e.g. "cases[12].pages.dossier"; "" for the whole input. */
  path: string;
  /** English message. */
  message: string;
  /** Chinese message. */
  messageZh: string;
  /** Structured data about the failure, or null. */
  details?: unknown;
}

/** The properties of every error thrown by shenguan. */
export interface ShenguanErrorFields extends ShenguanProblem {
  details: unknown;
  /** Further problems found in the same input. */
  more: ShenguanProblem[];
  /** Further problems found beyond those listed in `more` (which holds at most 99). */
  moreOmitted: number;
}

/** What every export throws: a JS `Error` named "ShenguanError" with the coded fields. Test with `isShenguanError`. */
export interface ShenguanError extends Error, ShenguanErrorFields {
  name: "ShenguanError";
  message: string;
}

/** True when `e` is an error thrown by shenguan (works at run time, across realms and builds). */
export declare function isShenguanError(e: unknown): e is ShenguanError;
