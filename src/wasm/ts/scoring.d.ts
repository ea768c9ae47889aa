/// <reference lib="esnext.disposable" />
/* ---------- 审判绩效: the judge performance formula (see docs/scoring.md) ---------- */

export type ScoringRoundingMode = "halfUp" | "halfEven" | "down" | "up";
export interface ScoringRounding { places?: number; mode?: ScoringRoundingMode }

export type ScoringMethodType = ScoringMethod["type"];

export interface PiecewisePoint { x: DecimalInput; score: DecimalInput; label?: string }

/** The rule outside an `inRange` method's range: `fixed` takes `score`, `perUnit` takes `perUnit`, `zero` neither. */
export type OutsideRule =
  | { rule: "zero" }
  | { rule: "fixed"; score: DecimalInput }
  | { rule: "perUnit"; /** Points lost per unit of distance from the range. */ perUnit: DecimalInput };

/** Bounds every method may declare, applied to its result before rounding. */
export interface MethodBounds { cap?: DecimalInput; floor?: DecimalInput }

export interface BaselineMethod extends MethodBounds { type: "baseline" }
export interface MinMaxMethod extends MethodBounds { type: "minMax" }
export interface EfficacyMethod extends MethodBounds {
  type: "efficacy";
  /** Default 60. */
  base?: DecimalInput;
  /** Default 40. */
  span?: DecimalInput;
}
export interface ZScoreMethod extends MethodBounds {
  type: "zScore";
  /** Default 50. */
  center?: DecimalInput;
  /** Points per standard deviation, default 10. */
  spread?: DecimalInput;
}
export interface InRangeMethod extends MethodBounds {
  type: "inRange";
  /** Bounds (inclusive). */
  min: DecimalInput;
  max: DecimalInput;
  /** Default `{ rule: "zero" }`. */
  outside?: OutsideRule;
}
export interface PiecewiseMethod extends MethodBounds {
  type: "piecewise";
  /** Breakpoints, at least two, x strictly increasing. */
  points: [PiecewisePoint, PiecewisePoint, ...PiecewisePoint[]];
  /** Points per unit above the last breakpoint (default 0). */
  perUnitAbove?: DecimalInput;
}
export interface DirectMethod extends MethodBounds { type: "direct" }

/** A scoring method: each `type` with its own parameters only (docs/scoring.md, Methods). */
export type ScoringMethod =
  | BaselineMethod | MinMaxMethod | EfficacyMethod | ZScoreMethod | InRangeMethod | PiecewiseMethod | DirectMethod;

/** The methods `lowerIsBetter` reverses; the others carry no direction. */
export type DirectedMethod = MinMaxMethod | EfficacyMethod | ZScoreMethod;

export interface CaseCredit {
  handling: string;
  panel: string;
  panelShare: DecimalInput;
  /** In [0, 1): panel credit is at most this share of the credited total. */
  panelCapShare?: DecimalInput;
}

export interface IndicatorBase {
  id: string;
  name?: string;
  type?: "number" | "count" | "boolean";
  credit?: CaseCredit;
}
/** An indicator; `lowerIsBetter` only with a method it reverses (minMax, efficacy, zScore). */
export type IndicatorDef =
  | (IndicatorBase & { direction?: "higherIsBetter"; method?: ScoringMethod })
  | (IndicatorBase & { direction: "lowerIsBetter"; method?: DirectedMethod });

export interface GroupDef {
  id: string;
  name?: string;
  /** Percent of the total. */
  weight: DecimalInput;
  indicators: Array<{ indicator: string; weight: DecimalInput }>;
}

export interface TierDef {
  id: string;
  name?: string;
  roles: string[];
  baselineShare?: DecimalInput;
  overrides?: Record<string, ScoringMethod>;
}

/** A further condition of a grade: the group's score G must reach `minScore`. */
export interface GradeRequirement { group: string; minScore: DecimalInput }
export interface GradeLevelDef {
  id: string;
  name?: string;
  minScore?: DecimalInput;
  maxShare?: DecimalInput;
  /** Not on the last level; a judge who fails one takes the next grade. */
  requires?: GradeRequirement[];
}
export interface GradeScale { levels: GradeLevelDef[]; ties?: "allDrop" | "allStay" }

export interface ZoneDef {
  id: string;
  name?: string;
  groups?: GroupDef[];
  overrides?: Record<string, ScoringMethod>;
  grades?: GradeScale;
}

export interface AdjustmentDef {
  id: string;
  name?: string;
  kind: "bonus" | "deduction";
  indicator: string;
  perUnit: DecimalInput;
  cap?: DecimalInput;
}

export interface VetoDef {
  id: string;
  name?: string;
  indicator: string;
  when: { op: "gt" | "gte" | "lt" | "lte" | "eq" | "ne"; value: DecimalInput };
  grade: string;
}

export interface LeaderCheckBase {
  id: string;
  name?: string;
  roles?: string[];
  indicator: string;
  vetoGrade?: string;
}
/** A leader check: `minShareOfBaseline` (value ≥ share × baseline) or `minRatio` (indicator / denominator ≥ min). */
export type LeaderCheckDef =
  | (LeaderCheckBase & { kind: "minShareOfBaseline"; /** Default: the tier's baseline share. */ share?: DecimalInput })
  | (LeaderCheckBase & { kind: "minRatio"; denominator: string; min: DecimalInput });

/** A rule set: the performance formula as data. */
export interface RuleSet {
  id: string;
  version: string;
  name?: string;
  description?: string;
  /** Full marks of one indicator score (default "100"). */
  scale?: DecimalInput;
  rounding?: ScoringRounding;
  weightsMustSumTo?: DecimalInput;
  edgeCases?: { minEqualsMax?: DecimalInput; zeroBaseline?: DecimalInput };
  indicators: IndicatorDef[];
  groups?: GroupDef[];
  tiers?: TierDef[];
  zones?: ZoneDef[];
  adjustments?: AdjustmentDef[];
  vetoes?: VetoDef[];
  leaderChecks?: LeaderCheckDef[];
  grades?: GradeScale;
  /** Default true; false: results carry no rank. */
  ranking?: boolean;
}

/** court id (or "*") → indicator id → baseline. */
export type CourtBaselines = Record<string, Record<string, DecimalInput>>;

export interface PopulationStats {
  zone?: string;
  indicator: string;
  count: number;
  min: DecimalString;
  max: DecimalString;
  mean: DecimalString;
  stdDev: DecimalString;
}

/** A grade level whose quota was full in the batch, with the lowest total that kept it. */
export interface GradeCutoff {
  zone?: string;
  grade: string;
  slots: number;
  /** null: nobody kept the level (no slot, or a tie that all dropped). */
  lowestTotal: DecimalString | null;
}

export interface ScoringStatistics {
  baselines: Record<string, Record<string, DecimalString>>;
  populations: PopulationStats[];
  /** Present when the rule set has quotas; give it back to `scoreOne` to grade as the batch did. */
  gradeCutoffs?: GradeCutoff[];
}

/** A form value: a number, a decimal string (a form's text as typed: the core checks it), a boolean; null or "" = not filled in. */
export type FormValue = DecimalInput | string | boolean | null;

export interface JudgeForm {
  id: string;
  name?: string;
  role?: string;
  zone?: string;
  court?: string;
  values: Record<string, FormValue>;
}

export interface ScoreInput {
  ruleSet: RuleSet;
  judges: JudgeForm[];
  baselines?: CourtBaselines;
  /** Default "full" (with explanation trees). */
  detail?: "full" | "summary";
}

/** Input of `scoreTable`: as `score`, without `detail` (rows hold the summary's figures). */
export interface ScoreTableInput {
  ruleSet: RuleSet;
  judges: JudgeForm[];
  baselines?: CourtBaselines;
}

export interface ScoreOneInput {
  ruleSet: RuleSet;
  judge: JudgeForm;
  /** The `statistics` of a batch result (with `gradeCutoffs`, quotas apply as in the batch). */
  statistics?: { baselines?: CourtBaselines; populations?: PopulationStats[]; gradeCutoffs?: GradeCutoff[] };
}

export interface RuleSetRef { id: string; version: string; digest: string }

export interface ScoringProblem { code: string; path: string; message: string; messageZh: string; details?: unknown }

export interface ValidationReport { valid: boolean; ruleSet?: RuleSetRef; problems: ScoringProblem[] }

export type ExplanationKind = "judge" | "group" | "indicator" | "credit" | "adjustment" | "veto" | "check" | "grade";
export type ExplanationFlag =
  | "missing" | "capped" | "floored" | "inRange" | "outOfRange" | "belowFirstPoint" | "aboveLastPoint"
  | "minEqualsMax" | "zeroSpread" | "zeroBaseline" | "panelCapped" | "triggered" | "passed" | "failed"
  | "vetoed" | "quotaApplied" | "requirementNotMet" | "provisional";

export interface ExplanationTerm { name: string; value: DecimalString | null; source?: string }

export interface ExplanationNode {
  kind: ExplanationKind;
  id: string;
  label?: string;
  value: DecimalString | null;
  outcome?: string;
  formula?: string;
  /** Path of the rule-set clause that applied. */
  clause?: string;
  inputs?: ExplanationTerm[];
  steps?: ExplanationTerm[];
  flags?: ExplanationFlag[];
  note?: string;
  children?: ExplanationNode[];
}

export interface MissingInput { path: string; indicator: string; kind: "value" | "baseline" | "population" }
export interface GroupScore { id: string; score: DecimalString | null; weighted: DecimalString | null }
export interface VetoHit { id: string; name?: string; grade: string; clause: string; reason: string; reasonZh: string }
export interface CheckResult {
  id: string;
  name?: string;
  passed: boolean | null;
  value: DecimalString | null;
  required: DecimalString | null;
  message: string;
  messageZh: string;
  vetoGrade?: string;
}

export interface JudgeScore {
  id: string;
  name?: string;
  role?: string;
  tier?: string;
  zone?: string;
  complete: boolean;
  missing?: MissingInput[];
  total: DecimalString | null;
  grade: string | null;
  gradeBasis?: "threshold" | "quota" | "veto" | "requirement";
  /** `scoreOne` without the batch's `gradeCutoffs`, when the total reaches a level with a quota. */
  gradeProvisional?: { reason: string; reasonZh: string };
  /** Absent when ranking is off, for vetoed judges, and in `scoreOne`. */
  rank?: number;
  groups: GroupScore[];
  vetoes: VetoHit[];
  checks?: CheckResult[];
  explanation?: ExplanationNode;
}

export interface ScoreOutput { ruleSet: RuleSetRef; statistics: ScoringStatistics; judges: JudgeScore[] }
/** A cell of a `scoreTable` row: text, a decimal string, a rank, a list of ids, or null. */
export type ScoreTableCell = string | DecimalString | number | string[] | null;

export interface ScoreTable {
  /**
   * "id", "name", "role", "tier", "zone", "total", "grade", "gradeBasis", "rank", then
   * "<group>.score" and "<group>.weighted" for every group of every zone (in order of first
   * appearance), then "vetoes" (ids of the vetoes that apply) and "failedChecks" (ids of failed
   * leader checks). Cells of a group another zone has, and absent fields, are null.
   */
  columns: string[];
  /** One row per judge, in input order, cells in the order of `columns`. */
  rows: ScoreTableCell[][];
}

export interface ScoreTableOutput { ruleSet: RuleSetRef; statistics: ScoringStatistics; table: ScoreTable }
export interface ScoreOneOutput { ruleSet: RuleSetRef; statistics: ScoringStatistics; judge: JudgeScore }
