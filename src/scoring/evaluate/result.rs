//! Outputs of the scoring calls.

use super::explain::Node;
use crate::decimal::Decimal;
use serde::Serialize;
use std::sync::Arc;

/// What kind of input is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum MissingKind {
    /// A form value.
    Value,
    /// A court baseline.
    Baseline,
    /// Population statistics of an indicator.
    Population,
}

/// An input still missing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Missing {
    /// Path of the input to fill in.
    pub path: String,
    /// The indicator it belongs to.
    pub indicator: String,
    /// Kind of input.
    pub kind: MissingKind,
}

/// How the grade was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum GradeBasis {
    /// By the score thresholds.
    Threshold,
    /// Lowered by a grade quota.
    Quota,
    /// Forced by a veto.
    Veto,
    /// Lowered because a better grade's `requires` was not met.
    Requirement,
}

/// A group's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupScore {
    /// Group id (shared by every judge's result).
    pub id: Arc<str>,
    /// `G = Σ sᵢ × wᵢ / 100` (rounded).
    #[serde(serialize_with = "crate::decimal::text::serialize_option")]
    pub score: Option<Decimal>,
    /// `G × W / 100` (rounded), its part of the total.
    #[serde(serialize_with = "crate::decimal::text::serialize_option")]
    pub weighted: Option<Decimal>,
}

/// A veto that applies.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VetoHit {
    /// Veto (or leader check) id.
    pub id: String,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Grade it forces.
    pub grade: String,
    /// That grade's label in the rule set (不称职).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade_label: Option<String>,
    /// Rule-set clause (`vetoes[0]`, `leaderChecks[1]`).
    pub clause: String,
    /// Why, in English.
    pub reason: String,
    /// Why, in Chinese.
    pub reason_zh: String,
}

/// A leader check's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    /// Check id.
    pub id: String,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Pass or fail (null when an input is missing).
    pub passed: Option<bool>,
    /// The value tested (the ratio for `minRatio`).
    #[serde(serialize_with = "crate::decimal::text::serialize_option")]
    pub value: Option<Decimal>,
    /// The least value that passes.
    #[serde(serialize_with = "crate::decimal::text::serialize_option")]
    pub required: Option<Decimal>,
    /// Explanation, in English.
    pub message: String,
    /// Explanation, in Chinese.
    pub message_zh: String,
    /// Grade forced on failure, if the check is a veto.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub veto_grade: Option<String>,
}

/// One judge's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JudgeResult {
    /// Judge id.
    pub id: String,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Tier id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<Arc<str>>,
    /// Zone id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Whether every input was there.
    pub complete: bool,
    /// Inputs still missing (live forms).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<Missing>,
    /// Total score (null while incomplete).
    #[serde(serialize_with = "crate::decimal::text::serialize_option")]
    pub total: Option<Decimal>,
    /// Grade id (null while incomplete or without grades).
    pub grade: Option<String>,
    /// The grade's label in the rule set (不称职), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade_label: Option<String>,
    /// How the grade was reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade_basis: Option<GradeBasis>,
    /// `scoreOne` without the batch's cut-offs: why the grade may differ from the batch's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade_provisional: Option<Provisional>,
    /// Rank in the zone (1 = best; ties share a rank); absent when ranking is off or vetoed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// Group scores.
    pub groups: Vec<GroupScore>,
    /// Vetoes that apply (always shown).
    pub vetoes: Vec<VetoHit>,
    /// Leader checks that apply to the judge's role.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckResult>,
    /// How many of the judge's in-range indicators were scored outside their
    /// reference range (absent when the judge has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_of_range: Option<u32>,
    /// The explanation tree (absent with `detail: "summary"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Node>,
}

/// Why a grade is provisional.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Provisional {
    /// Why, in English.
    pub reason: String,
    /// Why, in Chinese.
    pub reason_zh: String,
}
