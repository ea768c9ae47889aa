/// <reference lib="esnext.disposable" />
/* ---------- 审判绩效: the judge performance formula (see docs/scoring.md) ---------- */

export type ScoringRoundingMode = "halfUp" | "halfEven" | "down" | "up";
export interface ScoringRounding { places?: number; mode?: ScoringRoundingMode }

export type ScoringMethodType = ScoringMethod["type"];

export interface PiecewisePoint { x: DecimalInput; score: DecimalInput; label?: string }

/** A step of a step scale: from its bound on, `score`. `from`: x ≥ from; `over`: x > over. */
export type ScaleStep =
  | { from: DecimalInput; over?: never; score: DecimalInput; label?: string }
  | { over: DecimalInput; from?: never; score: DecimalInput; label?: string };

/** The rule outside an `inRange` method's range: `fixed` takes `score`, `perUnit` takes `perUnit`, `zero` neither. */
export type OutsideRule =
  | { rule: "zero" }
  | { rule: "fixed"; score: DecimalInput }
  | { rule: "perUnit"; /** Points lost per unit of distance from the range. */ perUnit: DecimalInput };

/** Bounds every method may declare, applied to its result before rounding. */
export interface MethodBounds { cap?: DecimalInput; floor?: DecimalInput }

export interface BaselineMethod extends MethodBounds { type: "baseline" }
export interface MinMaxMethod extends MethodBounds { type: "minMax" }
/**
 * 功效系数法: `base + span × r`. Over the population, r = (x − min) / (max − min); with fixed
 * bounds (满意值 `satisfactory`, 不允许值 `unallowed`, both or neither),
 * r = (x − unallowed) / (satisfactory − unallowed) and no population is needed.
 */
export type EfficacyMethod = MethodBounds & {
  type: "efficacy";
  /** Default 60. */
  base?: DecimalInput;
  /** Default 40. */
  span?: DecimalInput;
} & ({ satisfactory?: undefined; unallowed?: undefined } | { satisfactory: DecimalInput; unallowed: DecimalInput });
export interface ZScoreMethod extends MethodBounds {
  type: "zScore";
  /** Default 50. */
  center?: DecimalInput;
  /** Points per standard deviation, default 10. */
  spread?: DecimalInput;
}
/** Full marks inside the range (bounds included); one bound alone is "at least min" / "at most max". Default outside: `{ rule: "zero" }`. */
export type InRangeMethod = MethodBounds & { type: "inRange"; outside?: OutsideRule } & (
  | { min: DecimalInput; max?: DecimalInput }
  | { min?: DecimalInput; max: DecimalInput }
);
export interface PiecewiseMethod extends MethodBounds {
  type: "piecewise";
  /** Breakpoints, at least two, x strictly increasing. */
  points: [PiecewisePoint, PiecewisePoint, ...PiecewisePoint[]];
  /** Points per unit above the last breakpoint (default 0). */
  perUnitAbove?: DecimalInput;
}
export interface StepsMethod extends MethodBounds {
  type: "steps";
  /** Bounds strictly increasing, at least one. */
  steps: [ScaleStep, ...ScaleStep[]];
  /** The score below the first step (default 0). */
  scoreBelow?: DecimalInput;
}
export interface DirectMethod extends MethodBounds { type: "direct" }

/** A scoring method: each `type` with its own parameters only (docs/scoring.md, Methods). */
export type ScoringMethod =
  | BaselineMethod | MinMaxMethod | EfficacyMethod | ZScoreMethod | InRangeMethod | PiecewiseMethod | StepsMethod | DirectMethod;

/** The methods `lowerIsBetter` reverses; the others carry no direction. */
export type DirectedMethod = MinMaxMethod | EfficacyMethod | ZScoreMethod;

export interface CaseCredit {
  handling: string;
  panel: string;
  panelShare: DecimalInput;
  /** Share per panel case by the judge's role (e.g. { president: "0.1" }); other roles take `panelShare`. */
  panelShareByRole?: Record<string, DecimalInput>;
  /** In [0, 1): panel credit is at most this share of the credited total. */
  panelCapShare?: DecimalInput;
  /** Panel credit is at most this many cases. */
  panelCap?: DecimalInput;
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

/**
 * A further condition of a grade: the group's score G reaches `minScore`, or (SPC 2023 style)
 * every in-range indicator of the judge is inside its reference range.
 */
export type GradeRequirement = { group: string; minScore: DecimalInput } | { allInRange: true };
export interface GradeLevelDef {
  id: string;
  name?: string;
  minScore?: DecimalInput;
  maxShare?: DecimalInput;
  /** Not on the last level; a judge who fails one takes the next grade. */
  requires?: GradeRequirement[];
}
export interface GradeScale {
  levels: GradeLevelDef[];
  ties?: "allDrop" | "allStay";
  /** Whether vetoed judges count in a quota's n (default "include"). */
  vetoed?: "include" | "exclude";
}

/** Who forms each population statistic; only judges scored on the indicator by minMax, efficacy or zScore ever count. */
export interface PopulationsDef {
  /** One population per zone (default), or per tier of each zone. */
  scope?: "zone" | "tier";
  /** Whether judges whose form carries a veto count (default "include"). */
  vetoed?: "include" | "exclude";
}

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

interface VetoBase {
  id: string;
  name?: string;
  when: { op: "gt" | "gte" | "lt" | "lte" | "eq" | "ne"; value: DecimalInput };
  grade: string;
}
/** A one-vote veto on exactly one of: an indicator's value, a group's score G, the total. */
export type VetoDef =
  | (VetoBase & { indicator: string; group?: never; total?: never })
  | (VetoBase & { group: string; indicator?: never; total?: never })
  | (VetoBase & { total: true; indicator?: never; group?: never });

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
  /** Highest total (before rounding). */
  totalCap?: DecimalInput;
  /** Most points all bonus items together add. */
  bonusesCap?: DecimalInput;
  /** Most points all deduction items together take. */
  deductionsCap?: DecimalInput;
  /** Who forms each population statistic (default: per zone, vetoed judges included). */
  populations?: PopulationsDef;
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
  /** Present when the rule set's populations are per tier. */
  tier?: string;
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

/** Something a call can work with but probably did not mean; never stops a call. */
export interface ScoringWarning { code: "WEIGHTS_DO_NOT_ADD_UP" | "NO_JUDGES"; path: string; message: string; messageZh: string }

export interface ValidationReport { valid: boolean; ruleSet?: RuleSetRef; problems: ScoringProblem[]; warnings?: ScoringWarning[] }

export type ExplanationKind = "judge" | "group" | "indicator" | "credit" | "adjustment" | "veto" | "check" | "grade";
export type ExplanationFlag =
  | "missing" | "capped" | "floored" | "inRange" | "outOfRange" | "belowFirstPoint" | "aboveLastPoint"
  | "minEqualsMax" | "zeroSpread" | "zeroBaseline" | "panelCapped" | "bonusesCapped" | "deductionsCapped"
  | "totalCapped" | "belowFirstStep" | "triggered" | "passed" | "failed"
  | "vetoed" | "quotaApplied" | "requirementNotMet" | "provisional";

export interface ExplanationTerm { name: string; value: DecimalString | null; source?: string }

export interface ExplanationNode {
  kind: ExplanationKind;
  id: string;
  label?: string;
  value: DecimalString | null;
  outcome?: string;
  formula?: string;
  /** The formula in Chinese. */
  formulaZh?: string;
  /** Path of the rule-set clause that applied. */
  clause?: string;
  inputs?: ExplanationTerm[];
  steps?: ExplanationTerm[];
  flags?: ExplanationFlag[];
  /** The population an indicator's statistics came from. */
  population?: PopulationUsed;
  note?: string;
  /** The note in Chinese, with the rule set's labels. */
  noteZh?: string;
  children?: ExplanationNode[];
}

export interface PopulationUsed {
  /** The record used, e.g. "statistics.populations[1]". */
  source: string;
  zone?: string;
  tier?: string;
  count: number;
  label: string;
  labelZh: string;
}

export interface MissingInput { path: string; indicator: string; kind: "value" | "baseline" | "population" }
export interface GroupScore { id: string; score: DecimalString | null; weighted: DecimalString | null }
export interface VetoHit {
  id: string;
  name?: string;
  grade: string;
  /** The forced grade's label in the rule set (e.g. 不称职). */
  gradeLabel?: string;
  clause: string;
  reason: string;
  reasonZh: string;
}
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
  /** The grade's label in the rule set (e.g. 不称职), when it has one. */
  gradeLabel?: string;
  gradeBasis?: "threshold" | "quota" | "veto" | "requirement";
  /** `scoreOne` without the batch's `gradeCutoffs`, when the total reaches a level with a quota. */
  gradeProvisional?: { reason: string; reasonZh: string };
  /** Absent when ranking is off, for vetoed judges, and in `scoreOne`. */
  rank?: number;
  groups: GroupScore[];
  vetoes: VetoHit[];
  checks?: CheckResult[];
  /** How many of the judge's in-range indicators are outside their range; absent when it has none. */
  outOfRange?: number;
  explanation?: ExplanationNode;
}

export interface ScoreOutput { ruleSet: RuleSetRef; statistics: ScoringStatistics; judges: JudgeScore[]; warnings?: ScoringWarning[] }
/** A cell of a `scoreTable` row: text, a decimal string, a rank, a list of ids, or null. */
export type ScoreTableCell = string | DecimalString | number | string[] | null;

export interface ScoreTable {
  /**
   * "id", "name", "role", "tier", "zone", "total", "grade", "gradeBasis", "rank", then
   * "<group>.score" and "<group>.weighted" for every group of every zone (in order of first
   * appearance), then "vetoes" (ids of the vetoes that apply) and "failedChecks" (ids of failed
   * leader checks), then "outOfRange" when an indicator is scored in-range. Cells of a group
   * another zone has, and absent fields, are null.
   */
  columns: string[];
  /** One row per judge, in input order, cells in the order of `columns`. */
  rows: ScoreTableCell[][];
}

export interface ScoreTableOutput { ruleSet: RuleSetRef; statistics: ScoringStatistics; table: ScoreTable; warnings?: ScoringWarning[] }
export interface ScoreOneOutput { ruleSet: RuleSetRef; statistics: ScoringStatistics; judge: JudgeScore; warnings?: ScoringWarning[] }
