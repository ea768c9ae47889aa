/** A spreadsheet cell as read: text (numbers, booleans and null are accepted too). */
export type SheetCell = string | number | boolean | null;
export type ImportKind = "judges" | "cases" | "closedCases" | "evaluations";

export interface ImportTableInput {
  kind: ImportKind;
  /** The grid: first row the headers (row 1 in messages). */
  rows: SheetCell[][];
  /** The standard configuration: case types may be written by their `label`. */
  config?: unknown;
  /** Departments by id and name: cells may name them. */
  departments?: Array<{ id: string; name?: string }>;
  /** Judges by id and name: cells may name them (a name shared by two judges must be written as the id). */
  judges?: Array<{ id: string; name?: string }>;
  /** For `evaluations`: the rule set whose indicators (by name or id) head the value columns. */
  ruleSet?: unknown;
}

export interface ImportTableOutput {
  kind: ImportKind;
  /** For `judges` and `evaluations`: assignment judges or judge forms. */
  judges?: Array<Record<string, unknown>>;
  /** For `cases` and `closedCases`: assignment cases or standard-case cases. */
  cases?: Array<Record<string, unknown>>;
  /** The columns read, in sheet order. */
  columns: Array<{ header: string; field: string }>;
  /** Headers outside the format, whose cells were not read. */
  ignoredColumns: string[];
}

export type ExportKind = ImportKind | "ledger" | "audit" | "standardCases" | "standardJudges" | "targets" | "scoreTable";

export interface ExportTableInput {
  kind: ExportKind;
  /** The input or result to export; a ledger as its text. */
  data: unknown;
  config?: unknown;
  departments?: Array<{ id: string; name?: string }>;
  ruleSet?: unknown;
}

export interface ExportTableOutput { columns: string[]; rows: string[][] }
