export type Role = "president" | "vicePresident" | "committeeMember" | "divisionChief" | "deputyChief" | "judge";
export type Availability = "available" | "absent" | "onLeave" | "transferred";
export type ReasonCode =
  | "statutoryRecusal" | "transfer" | "health" | "integrityRisk"
  | "chiefTakeoverWithin7Days" | "leaderPresides" | "other";

export interface Judge {
  id: string;
  name?: string;
  department: string;
  caseTypes: string[];
  role: Role;
  /** Share of a full caseload, in (0, 1], at most 4 places. */
  share: DecimalInput;
  /** Load carried in, standard cases. */
  load?: DecimalInput;
  availability?: Availability;
  region?: string;
}

export interface Case {
  id: string;
  caseType: string;
  department: string;
  /** Weight in standard cases (default 1). */
  weight?: DecimalInput;
  /** Positive (hard-case) list: leaders only. */
  hard?: boolean;
  /** Negative list: never leaders. */
  leaderExcluded?: boolean;
  recuse?: string[];
  avoidRegions?: string[];
  /** 1 = single handling judge; 3 = a panel. */
  panelSize?: number;
  /** Panel members from distinct regions. */
  distinctRegions?: boolean;
  /** YYYY-MM-DD */
  filedOn?: string;
}

export interface Reason { code: ReasonCode; text?: string }

export interface ManualStep { caseId: string; judgeId: string; reason: Reason; approver: string; time: string }

export type AssignmentEvent =
  | { kind: "draw"; caseId: string; beacon?: string }
  | ({ kind: "designate"; beacon?: string } & ManualStep)
  | ({ kind: "reassign" } & ManualStep)
  | ({ kind: "recuse"; beacon?: string } & ManualStep)
  | { kind: "availability"; judgeId: string; availability: Availability };

export interface AssignmentConfig {
  /** Default 3. */
  minPool?: number;
  /** Default 8 (judges tied at the boundary all join). */
  maxPool?: number;
  /** Default "0.5". */
  maxProbability?: DecimalInput;
  /** Default "2" standard cases. */
  tolerance?: DecimalInput;
  /** Default "0.2". */
  panelMemberShare?: DecimalInput;
}

export interface AssignmentInput {
  court?: string;
  config?: AssignmentConfig;
  judges: Judge[];
  cases: Case[];
  /** Default: one draw per case, in order. */
  events?: AssignmentEvent[];
  /** 64 hex digits. */
  seed: string;
  /** Checked against the seed when given. */
  commitment?: string;
  /** Public beacon value, hex. */
  beacon?: string;
  /** Published chain head of the run this one continues (e.g. the previous day's), 64 hex digits. */
  previousHead?: string;
}

export interface CommitInput { seed: string }
export interface Commitment { commitment: string; algorithm: string }

export interface LedgerHeader {
  format: string;
  algorithm: string;
  court: string;
  commitment: string;
  beacon: string;
  config: { maxPool: number; minPool: number; maxProbability: DecimalString; tolerance: DecimalString; panelMemberShare: DecimalString };
  /** The chain head of the run this one continues, lower-case hex; absent when the run starts a chain. */
  previousHead?: string;
}

export interface Candidate { judge: string; load: DecimalString; weight: number; p: DecimalString }

export interface Seat {
  seat: number;
  eligible: number;
  excluded: Record<string, number>;
  pool: Candidate[];
  chosen: string;
  lowEntropy: "POOL_BELOW_MINIMUM" | "PROBABILITY_CAP_UNREACHABLE" | null;
}

export interface ManualRecord { judgeId: string; reason: Reason; approver: string; time: string; loadBefore: DecimalString }

export interface LedgerEntry {
  index: number;
  kind: "draw" | "designate" | "reassign" | "redraw";
  caseId: string;
  inputDigest: string;
  seats: Seat[];
  manual: ManualRecord | null;
  replaced: string | null;
  judges: string[];
  prev: string;
  hash: string;
}

export interface Ledger { header: LedgerHeader; headerHash: string; entries: LedgerEntry[] }

export interface VerifyInput { inputs: AssignmentInput; ledger: Ledger }
export interface ChainInput { ledger: Ledger }

export interface ChainReport { ok: boolean; entries: number; firstBroken: number | null; problem: string | null; problemZh: string | null }

export interface Difference { index: number | null; field: string; expected: unknown; found: unknown }

export interface VerifyReport {
  ok: boolean;
  entries: number;
  expectedEntries: number;
  /** The replay's chain head (last entry's hash, or the header hash if none): the value to publish. */
  head: string;
  firstDifference: Difference | null;
  chain: ChainReport | null;
}

export interface AuditReport {
  verification: VerifyReport;
  counts: { entries: number; draws: number; redraws: number; designated: number; reassigned: number; manualShare: DecimalString };
  lowEntropy: { seats: number; count: number; share: DecimalString; entries: number[]; maxProbability: DecimalString };
  redrawsPerCase: Record<string, number>;
  loadSpread: Record<string, { finalSpread: DecimalString; worst: DecimalString; worstAt: number; series: Array<[number, DecimalString]> }>;
  judges: Array<{ judge: string; department: string; drawn: number; expected: DecimalString; manual: number; load: DecimalString; normalisedLoad: DecimalString }>;
  positionBias: { bins: Array<[number, number, DecimalString]>; chiSquare: DecimalString; degreesOfFreedom: number; critical5pct: DecimalString; biased: boolean };
}

export interface HeadInput { inputs: AssignmentInput; head: string }
export interface HeadReport { ok: boolean; entries: number; head: string }
