//! The rule set: a judge performance formula as data (JSON).
//!
//! Every field is documented in `docs/scoring.md`. Absent optional fields
//! and empty lists are left out when a rule set is written back, so the
//! digest of a rule set does not depend on how defaults were spelled.

use crate::decimal::{Decimal, RoundingRule};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

fn default_true() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn default_scale() -> Decimal {
    Decimal::ONE_HUNDRED
}

fn default_fraction() -> Decimal {
    Decimal::ONE
}

fn is_one(d: &Decimal) -> bool {
    *d == Decimal::ONE
}

/// A published scoring formula.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleSet {
    /// Stable identifier, e.g. `"yunnan-style-leaders"`.
    pub id: String,
    /// Version of this rule set, e.g. `"2024.1"`.
    pub version: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Full marks of one indicator score (default 100).
    #[serde(default = "default_scale")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub scale: Decimal,
    /// Rounding of indicator, group, adjustment and total scores.
    #[serde(default)]
    pub rounding: RoundingRule,
    /// When given, group weights (and indicator weights inside each group) must add up to this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub weights_must_sum_to: Option<Decimal>,
    /// Declared outcomes of degenerate statistics.
    #[serde(default)]
    pub edge_cases: EdgeCases,
    /// Highest total (applied before rounding the total).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub total_cap: Option<Decimal>,
    /// Most points all bonus items together may add.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub bonuses_cap: Option<Decimal>,
    /// Most points all deduction items together may take.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub deductions_cap: Option<Decimal>,
    /// Who forms each population statistic (default: a zone's judges scored
    /// by a population method on the indicator, vetoed ones included).
    #[serde(default, skip_serializing_if = "Populations::is_default")]
    pub populations: Populations,
    /// Every value a judge's form may carry.
    pub indicators: Vec<Indicator>,
    /// Weighted groups (used by judges without a zone, and by zones that declare none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// Scales by role (president, vice president...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Tier>,
    /// Assessment zones, each with its own rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub zones: Vec<Zone>,
    /// Bonus and deduction items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<Adjustment>,
    /// One-vote veto items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vetoes: Vec<Veto>,
    /// Leader caseload checks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leader_checks: Vec<LeaderCheck>,
    /// Grades (absent: no grade is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grades: Option<Grades>,
    /// Whether results carry a rank (default true).
    #[serde(default = "default_true", skip_serializing_if = "is_true")]
    pub ranking: bool,
}

/// Declared outcomes where a formula would divide by zero.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EdgeCases {
    /// Normalised position used by min-max and efficacy when min = max (default 1: full marks).
    #[serde(default = "default_fraction", skip_serializing_if = "is_one")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub min_equals_max: Decimal,
    /// Ratio used by the baseline method when the expected value is zero (default 1: full marks).
    #[serde(default = "default_fraction", skip_serializing_if = "is_one")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub zero_baseline: Decimal,
}

impl Default for EdgeCases {
    fn default() -> Self {
        EdgeCases { min_equals_max: Decimal::ONE, zero_baseline: Decimal::ONE }
    }
}

/// Type of an indicator's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ValueType {
    /// Any decimal.
    #[default]
    Number,
    /// A whole number, zero or more.
    Count,
    /// `true` or `false` (counted as 1 or 0).
    Boolean,
}

/// Whether higher or lower values are better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    /// Higher is better (default).
    #[default]
    HigherIsBetter,
    /// Lower is better (reversal rate, average trial days...).
    LowerIsBetter,
}

/// One indicator (指标).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Indicator {
    /// Identifier used by groups and forms.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Value type (default number).
    #[serde(default, rename = "type", skip_serializing_if = "is_number")]
    pub value_type: ValueType,
    /// Direction (default higher is better).
    #[serde(default, skip_serializing_if = "is_higher")]
    pub direction: Direction,
    /// Scoring method; absent for input-only indicators (veto, credit, adjustment inputs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    /// The value is derived from case credits instead of entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<Credit>,
}

fn is_number(t: &ValueType) -> bool {
    *t == ValueType::Number
}

fn is_higher(d: &Direction) -> bool {
    *d == Direction::HigherIsBetter
}

/// Kind of scoring method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MethodKind {
    /// `scale × x / (B × share)`, B the court baseline.
    Baseline,
    /// `scale × (x − min) / (max − min)`.
    MinMax,
    /// `base + span × (x − min) / (max − min)` (default 60 + 40).
    Efficacy,
    /// `center + spread × (x − mean) / sd`.
    ZScore,
    /// Full marks inside `[min, max]`, a declared rule outside.
    InRange,
    /// Linear between breakpoints.
    Piecewise,
    /// The score of the last step the value reaches.
    Steps,
    /// The value is the score.
    Direct,
}

/// A scoring method with its parameters (only those of its kind are allowed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Method {
    /// Which method.
    #[serde(rename = "type")]
    pub kind: MethodKind,
    /// Highest score (applied before rounding).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub cap: Option<Decimal>,
    /// Lowest score (applied before rounding).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub floor: Option<Decimal>,
    /// Efficacy base (default 60).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub base: Option<Decimal>,
    /// Efficacy span (default 40).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub span: Option<Decimal>,
    /// Efficacy with fixed bounds: the satisfactory value (满意值), `r = 1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub satisfactory: Option<Decimal>,
    /// Efficacy with fixed bounds: the unallowed value (不允许值), `r = 0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub unallowed: Option<Decimal>,
    /// z-score centre (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub center: Option<Decimal>,
    /// z-score points per standard deviation (default 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub spread: Option<Decimal>,
    /// In-range lower bound (inclusive; absent: no lower bound).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub min: Option<Decimal>,
    /// In-range upper bound (inclusive; absent: no upper bound).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub max: Option<Decimal>,
    /// In-range: the rule outside the range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outside: Option<Outside>,
    /// Piecewise breakpoints, strictly increasing in `x`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// Piecewise: points per unit above the last breakpoint (default 0: flat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub per_unit_above: Option<Decimal>,
    /// Steps: the steps, bounds strictly increasing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    /// Steps: the score below the first step (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub score_below: Option<Decimal>,
}

impl Method {
    /// Whether the method reads the population statistics (min-max,
    /// efficacy without fixed bounds, z-score).
    pub fn needs_population(&self) -> bool {
        match self.kind {
            MethodKind::MinMax | MethodKind::ZScore => true,
            MethodKind::Efficacy => self.satisfactory.is_none(),
            _ => false,
        }
    }
}

/// One step of a step scale: from its bound on (`from`: `x ≥ from`;
/// `over`: `x > over`; exactly one of them), the score is `score`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Step {
    /// Inclusive lower bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub from: Option<Decimal>,
    /// Exclusive lower bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub over: Option<Decimal>,
    /// Score from this bound on.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub score: Decimal,
    /// Clause label shown in explanations (e.g. "达到最低办案数").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl Step {
    /// The bound and whether it is inclusive.
    pub fn bound(&self) -> Option<(Decimal, bool)> {
        match (self.from, self.over) {
            (Some(v), None) => Some((v, true)),
            (None, Some(v)) => Some((v, false)),
            _ => None,
        }
    }
}

/// A piecewise breakpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Point {
    /// Value.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub x: Decimal,
    /// Score at that value.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub score: Decimal,
    /// Clause label shown in explanations (e.g. "base number").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// Rule outside an in-range indicator's reference range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Outside {
    /// Which rule.
    pub rule: OutsideRule,
    /// `fixed`: the score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub score: Option<Decimal>,
    /// `perUnit`: points lost per unit of distance from the range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub per_unit: Option<Decimal>,
}

/// Outside-range rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OutsideRule {
    /// Zero.
    Zero,
    /// A fixed score.
    Fixed,
    /// `scale − perUnit × distance`, then the floor (default 0).
    PerUnit,
}

/// Case credits: handling judge in full, panel member at a share, with a cap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Credit {
    /// Indicator holding cases as handling judge (承办).
    pub handling: String,
    /// Indicator holding cases as collegial panel member (合议庭成员).
    pub panel: String,
    /// Share credited per panel case, e.g. 0.2.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub panel_share: Decimal,
    /// Share per panel case by the judge's role (roles not listed take `panelShare`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub panel_share_by_role: BTreeMap<String, Decimal>,
    /// Highest share of the credited total that panel credit may make up, in [0, 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub panel_cap_share: Option<Decimal>,
    /// Most panel credit, in cases, whatever the share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub panel_cap: Option<Decimal>,
}

/// A weighted group of indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Group {
    /// Identifier.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Weight of the group in the total, in percent.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub weight: Decimal,
    /// Members with their weight inside the group, in percent.
    pub indicators: Vec<Member>,
}

/// A group member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Member {
    /// Indicator id.
    pub indicator: String,
    /// Weight inside the group, in percent.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub weight: Decimal,
}

pub use super::clauses::*;
