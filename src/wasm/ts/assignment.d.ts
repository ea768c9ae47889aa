/// <reference lib="esnext.disposable" />
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

/** Why a manual step was taken; `other` must say why in `text`. */
export type Reason = { code: Exclude<ReasonCode, "other">; text?: string } | { code: "other"; text: string };

export interface ManualStep { caseId: string; judgeId: string; reason: Reason; approver: string; time: string }

export type AssignmentEvent =
  | { kind: "draw"; caseId: string }
  | ({ kind: "designate" } & ManualStep)
  | ({ kind: "reassign" } & ManualStep)
  | ({ kind: "recuse" } & ManualStep)
  | { kind: "availability"; judgeId: string; availability: Availability; reason?: Reason; approver?: string; time?: string };

export interface AssignmentConfig {
  /** Default 3 (below 3 the header warns WEAK_MIN_POOL). */
  minPool?: number;
  /** Default 8 (judges tied at the boundary all join). */
  maxPool?: number;
  /** Default "0.5" (0.9 or more: WEAK_MAX_PROBABILITY). */
  maxProbability?: DecimalInput;
  /** Default "2" standard cases. */
  tolerance?: DecimalInput;
  /** Default "0.2". */
  panelMemberShare?: DecimalInput;
}

/** The public randomness a run will use, named in its commitment before it exists (docs/beacons.md). */
export type BeaconRef =
  | { kind: "drand"; network: "quicknet" | "default"; round: number }
  | { kind: "publicText"; source: string; draw: string }
  | { kind: "none" };

/** A drand round as published (`/public/{round}`): the signature is checked against the pinned key. */
export interface DrandBeaconValue {
  round: number;
  /** Lower-case hex: 96 characters (quicknet) or 192 (default). */
  signature: string;
  /** The `default` network only: the previous round's signature. */
  previousSignature?: string;
  values?: never;
}
/** A lottery's published numbers, in published order, as decimal strings. */
export interface PublicTextBeaconValue { values: string[]; round?: never; signature?: never; previousSignature?: never }
/** A beacon's published value: a drand round or a lottery's numbers, never parts of both. */
export type BeaconValue = DrandBeaconValue | PublicTextBeaconValue;

export interface AssignmentInput {
  court?: string;
  config?: AssignmentConfig;
  judges: Judge[];
  cases: Case[];
  /** Default: one draw per case, in order. */
  events?: AssignmentEvent[];
  /** 64 hex digits, secret until the ledger is published. */
  seed: string;
  beacon: BeaconRef;
  /** When the commitment was published, YYYY-MM-DDTHH:MM:SSZ; a drand round named must come after it. */
  committedAt: string;
  /** The published run commitment (from commitRun); required to draw or verify. */
  commitment?: string;
  /** The beacon's value once it is out; required to draw or verify unless the beacon is "none". */
  beaconValue?: BeaconValue;
  /** Published chain head of the run this one continues (e.g. the previous filing's), 64 hex digits. */
  previousHead?: string;
}

export type HeaderWarning = "WEAK_MIN_POOL" | "WEAK_MAX_PROBABILITY" | "NO_BEACON" | "BEACON_NOT_SIGNATURE_CHECKED";

export interface RunCommitment {
  /** Publish this before the beacon round. */
  commitment: string;
  inputsDigest: string;
  algorithm: "shenguan-assign/2";
  beacon: BeaconRef;
  /** When the named drand round is published (Unix seconds), else null. */
  roundTime: number | null;
  committedAt: string;
  warnings: HeaderWarning[];
}

/** The first line of a ledger. */
export interface LedgerHeader {
  format: "shenguan-ledger/2";
  algorithm: "shenguan-assign/2";
  beacon: { reference: BeaconRef; value: BeaconValue | null; randomness: string; roundTime: number | null; signatureChecked: boolean };
  commitment: string;
  committedAt: string;
  config: { maxPool: number; minPool: number; maxProbability: DecimalString; tolerance: DecimalString; panelMemberShare: DecimalString };
  court: string;
  inputsDigest: string;
  /** The chain head of the run this one continues, lower-case hex, or null. */
  previousHead: string | null;
  warnings: HeaderWarning[];
}

/** [judge, load before the draw, integer weight, probability]. */
export type Candidate = [string, DecimalString, number, DecimalString];

export interface Seat {
  seat: number;
  eligible: number;
  excluded: Record<string, number>;
  pool: Candidate[];
  chosen: string;
  lowEntropy: "POOL_BELOW_MINIMUM" | "PROBABILITY_CAP_UNREACHABLE" | null;
}

export interface ManualRecord { judgeId: string; reason: Reason; approver: string; time: string; loadBefore: DecimalString }
export interface AvailabilityChange { judgeId: string; availability: Availability; reason: Reason | null; approver: string | null; time: string | null }

/** One line of a ledger after the header: one per event. */
export interface LedgerEntry {
  index: number;
  kind: "draw" | "designate" | "reassign" | "redraw" | "availability";
  caseId: string | null;
  change: AvailabilityChange | null;
  seats: Seat[];
  manual: ManualRecord | null;
  replaced: string | null;
  judges: string[];
  hash: string;
}

/** A ledger is text: the header's canonical JSON, then one line per entry, each ending in "\n". */
export type LedgerText = string;

/** Input of `verifyLedger`. */
export interface VerifyInput {
  inputs: AssignmentInput;
  ledger: LedgerText;
}
/** Court-wide audit thresholds. */
export interface AuditOptions { probabilityCeiling?: DecimalInput; windowEntries?: number; windowDays?: number }
/** Input of `auditLedger`: a verification with the audit's thresholds. */
export interface AuditInput extends VerifyInput { audit?: AuditOptions }
export interface ChainInput { ledger: LedgerText }

export interface ChainReport { ok: boolean; entries: number; head: string | null; firstBroken: number | null; problem: string | null; problemZh: string | null }

export interface Difference { index: number | null; field: string; expected: unknown; found: unknown }

export interface VerifyReport {
  ok: boolean;
  entries: number;
  expectedEntries: number;
  /** The replay's chain head (last entry's hash, or the header hash if none): the value to publish. */
  head: string;
  firstDifference: Difference | null;
  chain: ChainReport;
}

export interface AuditFlags {
  warnings: HeaderWarning[];
  probabilityCeiling: DecimalString;
  aboveCeiling: Array<{ index: number; caseId: string | null; seat: number; judge: string; p: DecimalString; chosen: boolean }>;
  aboveCeilingCount: number;
  absencesAroundDraws: Array<{ judge: string; unavailableAt: number; restoredAt: number; days: number | null; draws: number[] }>;
}

export interface AuditReport {
  verification: VerifyReport | null;
  flags: AuditFlags;
  counts: { entries: number; draws: number; redraws: number; availability: number; designated: number; reassigned: number; manualShare: DecimalString };
  lowEntropy: { seats: number; count: number; share: DecimalString; entries: number[]; maxProbability: DecimalString };
  redrawsPerCase: Record<string, number>;
  loadSpread: Record<string, { finalSpread: DecimalString; worst: DecimalString; worstAt: number; series: Array<[number, DecimalString]> }>;
  judges: Array<{ judge: string; department: string; drawn: number; expected: DecimalString; manual: number; load: DecimalString; normalisedLoad: DecimalString }>;
  positionBias: { bins: Array<[number, number, DecimalString]>; chiSquare: DecimalString; degreesOfFreedom: number; critical5pct: DecimalString; biased: boolean };
}

export interface HeadInput { inputs: AssignmentInput; head: string }
export interface HeadReport { ok: boolean; entries: number; head: string }
export interface CarryForward { judges: Judge[]; previousHead: string }
export interface RoundInput { network: "quicknet" | "default"; /** The commitment's time, YYYY-MM-DDTHH:MM:SSZ. */ after: string }
export interface RoundChoice { round: number; roundTime: number; roundTimeText: string }
