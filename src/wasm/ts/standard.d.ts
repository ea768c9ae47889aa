/// <reference lib="esnext.disposable" />
/* ---------------- Standard cases (标准案件) ---------------- */

/** Places and rule for rounding (default 2 places, "halfUp" = 四舍五入). */
export interface StandardRounding {
  /** 0..12, default 2. */
  places?: number;
  mode?: "halfUp" | "halfEven" | "down" | "up";
}

/** The rounding rule as echoed in outputs. */
export interface StandardRoundingOut {
  places: number;
  mode: "halfUp" | "halfEven" | "down" | "up";
}

/** A page count: a whole number ≥ 0 (a whole-number string such as "12" is accepted). */
export type PageCount = number | `${bigint}`;

export interface StandardPages {
  /** 卷宗页数 */
  dossier?: PageCount;
  /** 庭审笔录页数 (0 when there was no hearing) */
  transcript?: PageCount;
  /** 裁判文书页数 */
  judgment?: PageCount;
}

/** A closed trial case. */
export interface StandardCase {
  id: string;
  /** Key of `config.caseTypes`; required by standardCases. */
  caseType?: string;
  /** Overrides the case type's category. */
  category?: string;
  judge?: string;
  department?: string;
  /** Key of `config.procedures` (程序); none means coefficient 1. */
  procedure?: string;
  /** Key of `config.complexity` (繁简); none means coefficient 1. */
  complexity?: string;
  pages?: StandardPages;
  /** Informational, not used. */
  filedOn?: string;
  /** Informational, not used. */
  closedOn?: string;
}

export interface StandardCaseTypeRule {
  label?: string;
  /** Category whose averages this type uses in a per-category baseline. */
  category?: string;
  /** Conversion coefficient 转换系数 (default 1). */
  coefficient?: DecimalInput;
  /** Base case-weight coefficient 基础案件权重系数 (default 1). */
  baseWeight?: DecimalInput;
  /** A page-free score used instead of the page score. */
  fixed?: DecimalInput;
}

export interface EnforcementClosingRule {
  label?: string;
  /** Standard enforcement cases per closed case (default 1). */
  coefficient?: DecimalInput;
  /** Counted only with the required approval (default false). */
  requiresApproval?: boolean;
}

export interface StandardConfig {
  name?: string;
  /** Rounding of each case's result. */
  rounding?: StandardRounding;
  caseTypes?: Record<string, StandardCaseTypeRule>;
  /** Procedure coefficients 程序案件权重系数. */
  procedures?: Record<string, DecimalInput>;
  /** Simple/complex floating coefficients 繁简案件浮动系数. */
  complexity?: Record<string, DecimalInput>;
  enforcement?: {
    /** Default: fullyEnforced (1), terminatedThisRound (1, approval), terminated (1, approval). */
    closings?: Record<string, EnforcementClosingRule>;
  };
}

export type BaselineScope = "pooled" | "perCategory";

export interface ComponentWeights {
  dossier: DecimalInput;
  transcript: DecimalInput;
  judgment: DecimalInput;
}

export interface ComponentAverages<D> {
  dossier: D;
  transcript: D;
  judgment: D;
}

export interface BaselineAverages<D> {
  cases?: number;
  pages?: { dossier: number; transcript: number; judgment: number };
  /** Cases of a fixed-score type left out of the averages (absent when 0). */
  excludedFixed?: number;
  averages: ComponentAverages<D>;
}

/** A baseline snapshot as given (e.g. written by hand from published figures). */
export interface BaselineInputSnapshot {
  year: number;
  scope?: BaselineScope;
  /** Default 0.15 / 0.25 / 0.60; must sum to 1. */
  weights?: ComponentWeights;
  averageRounding?: StandardRounding;
  pooled: BaselineAverages<DecimalInput>;
  categories?: Record<string, BaselineAverages<DecimalInput>>;
  /** Checked against the contents when given. */
  digest?: string;
}

/** A pinned baseline snapshot as produced by computeBaseline. */
export interface Baseline {
  year: number;
  scope: BaselineScope;
  weights: { dossier: DecimalString; transcript: DecimalString; judgment: DecimalString };
  averageRounding: StandardRoundingOut;
  pooled: BaselineAverages<DecimalString>;
  categories: Record<string, BaselineAverages<DecimalString>>;
  /** SHA-256 hex of the canonical snapshot without this field. */
  digest: string;
}

export interface ComputeBaselineInput {
  year: number;
  scope?: BaselineScope;
  weights?: ComponentWeights;
  averageRounding?: StandardRounding;
  /** Default ["criminal", "civil", "administrative"]. */
  categories?: string[];
  /** Used to find a case's category from its type. */
  config?: StandardConfig;
  cases: StandardCase[];
}

export interface StandardCasesInput {
  config?: StandardConfig;
  /** Required: a missing baseline is MISSING_BASELINE. */
  baseline?: Baseline | BaselineInputSnapshot;
  cases: StandardCase[];
}

export interface BaselineRef {
  year: number;
  scope: BaselineScope;
  digest: string;
}

export interface StandardComponentTerm {
  component: "dossier" | "transcript" | "judgment";
  pages: number;
  average: DecimalString;
  weight: DecimalString;
  /** False when the average is zero: dropped, other weights renormalised. */
  used: boolean;
}

export interface StandardCoefficients {
  conversion: DecimalString;
  baseWeight: DecimalString;
  procedure: DecimalString;
  complexity: DecimalString;
}

export interface StandardExplanation {
  /** "pooled" or the category; absent for a fixed score. */
  averages?: string;
  components?: StandardComponentTerm[];
  /** Sum of the used weights (the renormalising divisor). */
  weightSum?: DecimalString;
  fixed?: DecimalString;
  coefficients: StandardCoefficients;
  /** Exact value before rounding (at most 28 significant digits). */
  unrounded?: DecimalString;
  /** The computation as one line, e.g. "(0.15 × 100 / 100 + ...) × 1 × 1 × 1 × 1 = 1 → 1.00". */
  formula: string;
}

export interface StandardCaseResult {
  id: string;
  caseType: string;
  category?: string;
  judge?: string;
  department?: string;
  procedure?: string;
  complexity?: string;
  standard: DecimalString;
  explanation: StandardExplanation;
}

export interface StandardJudgeTotal {
  judge: string;
  cases: number;
  standard: DecimalString;
  caseIds: string[];
}

export interface StandardDepartmentTotal {
  department: string;
  judges: number;
  cases: number;
  standard: DecimalString;
}

export interface StandardCasesOutput {
  baseline: BaselineRef;
  rounding: StandardRoundingOut;
  cases: StandardCaseResult[];
  judges: StandardJudgeTotal[];
  departments: StandardDepartmentTotal[];
  count: number;
  total: DecimalString;
}

/** Case weights for the assignment engine (`Case.weight`). */
export interface StandardCaseWeightsOutput {
  baseline: BaselineRef;
  weights: Record<string, DecimalString>;
}

export interface StandardBulkKind {
  caseType: string;
  category?: string;
  procedure?: string;
  complexity?: string;
}

/** Parallel arrays, one entry per case. Pass as JSON text for large batches. */
export interface StandardCasesBulkCases {
  config?: StandardConfig;
  baseline?: Baseline | BaselineInputSnapshot;
  kinds: StandardBulkKind[];
  /** Index into `kinds`. */
  kind: number[];
  dossier: PageCount[];
  transcript: PageCount[];
  judgment: PageCount[];
  /** Each case's number (案号), to name the case in an error; as long as `kind`. */
  ids?: string[];
  /** Also return each case's value. */
  values?: boolean;
}
/** `judge` indexes `judgeIds`: the two come together or not at all. */
export type StandardCasesBulkInput =
  | (StandardCasesBulkCases & { judgeIds?: undefined; judge?: undefined })
  | (StandardCasesBulkCases & { judgeIds: string[]; /** Index into `judgeIds`. */ judge: number[] });

export interface StandardBulkTotal {
  judge?: string;
  cases: number;
  standard: DecimalString;
}

export interface StandardCasesBulkOutput {
  baseline: BaselineRef;
  rounding: StandardRoundingOut;
  count: number;
  total: DecimalString;
  kinds: StandardBulkTotal[];
  judges?: StandardBulkTotal[];
  values?: DecimalString[];
}

export interface EnforcementCase {
  id: string;
  judge?: string;
  department?: string;
  /** Key of config.enforcement.closings: "fullyEnforced" (执行完毕), "terminatedThisRound" (终本), "terminated" (终结) by default. */
  closing: string;
  /** The required approval was given (default false). */
  approved?: boolean;
}

export interface EnforcementCasesInput {
  config?: StandardConfig;
  cases: EnforcementCase[];
}

export interface EnforcementCaseResult {
  id: string;
  judge?: string;
  department?: string;
  closing: string;
  coefficient: DecimalString;
  approvalRequired: boolean;
  standard: DecimalString;
  explanation: string;
}

export interface EnforcementNotCounted {
  id: string;
  judge?: string;
  department?: string;
  closing: string;
  reason: string;
  reasonZh: string;
}

export interface EnforcementCasesOutput {
  rounding: StandardRoundingOut;
  cases: EnforcementCaseResult[];
  unapproved: EnforcementNotCounted[];
  judges: StandardJudgeTotal[];
  departments: StandardDepartmentTotal[];
  count: number;
  total: DecimalString;
}

export interface StandardTargetsInput {
  rounding?: StandardRounding;
  year?: number;
  /** Last year's output: the per-judge average, or the total and the number of judges. */
  lastYear:
    | { perJudgeAverage: DecimalInput; totalStandard?: DecimalInput; judges?: number; /** Cases received (> 0). */ intake: number }
    | { perJudgeAverage?: undefined; totalStandard: DecimalInput; judges: number; /** Cases received (> 0). */ intake: number };
  expectedIntake: number;
  /** Factor on last year's output (default 1). */
  goal?: DecimalInput;
  /** Twelve month weights; default equal months. */
  monthlyProfile?: DecimalInput[];
  departments: Array<{ id: string; judges: string[] }>;
  revision?: { afterMonth: number; intakeToDate: number; expectedIntakeRest: number };
  progress?: { throughMonth: number; actual: Record<string, DecimalInput> };
  /** Also split each month over its weeks (Monday to Sunday, clipped to the month); needs `year`. */
  weekly?: boolean;
}

/** A Monday-to-Sunday week clipped to its month. */
export interface StandardWeek {
  month: number;
  /** Week of the month, from 1. */
  week: number;
  /** `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** ISO 8601 week of its days, e.g. `2026-W05`. */
  isoWeek: string;
  /** Monday-to-Friday days: the week's weight within its month. */
  workdays: number;
}

export interface StandardProgress {
  throughMonth: number;
  actual: DecimalString;
  targetToDate: DecimalString;
  percentOfTarget: DecimalString | null;
  percentToDate: DecimalString | null;
  remaining: DecimalString;
}

export interface StandardJudgeTarget {
  judge: string;
  department: string;
  target: DecimalString;
  monthly: DecimalString[];
  /** With `weekly`: in the order of the output's `weeks`. */
  weekly?: DecimalString[];
  progress?: StandardProgress;
}

export interface StandardDepartmentTarget {
  department: string;
  judges: number;
  target: DecimalString;
  monthly: DecimalString[];
  weekly?: DecimalString[];
  progress?: StandardProgress;
}

export interface StandardTargetsOutput {
  rounding: StandardRoundingOut;
  year?: number;
  perJudgeAverageLastYear: DecimalString;
  lastYearIntake: number;
  expectedIntake: number;
  goal: DecimalString;
  basicTarget: DecimalString;
  monthly: DecimalString[];
  /** With `weekly`: the weeks of the year, month by month. */
  weeks?: StandardWeek[];
  /** With `weekly`: the basic target per week (a month's weeks sum to its target). */
  weekly?: DecimalString[];
  original?: { expectedIntake: number; basicTarget: DecimalString; monthly: DecimalString[] };
  revision?: {
    afterMonth: number;
    intakeToDate: number;
    expectedIntakeRest: number;
    recomputedTarget: DecimalString;
    kept: DecimalString;
    clamped: boolean;
  };
  judges: StandardJudgeTarget[];
  departments: StandardDepartmentTarget[];
}
