//! Rule-set clauses beyond indicators and groups: tiers, zones,
//! adjustments, vetoes, leader checks and grades.

use super::rule_set::{Group, Method};
use crate::decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A scale for some roles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Tier {
    /// Identifier.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Roles (judge `role` values) on this tier.
    pub roles: Vec<String>,
    /// Expected share of the baseline (president 0.05...), default 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub baseline_share: Option<Decimal>,
    /// Methods replaced on this tier, by indicator id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, Method>,
}

/// An assessment zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Zone {
    /// Identifier (judge `zone` values).
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Groups of this zone (absent: the rule set's groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<Group>>,
    /// Methods replaced in this zone, by indicator id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, Method>,
    /// Grades of this zone (absent: the rule set's grades).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grades: Option<Grades>,
}

/// Bonus or deduction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AdjustmentKind {
    /// Added to the total (加分).
    Bonus,
    /// Subtracted from the total (扣分).
    Deduction,
}

/// A bonus or deduction item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Adjustment {
    /// Identifier.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Bonus or deduction.
    pub kind: AdjustmentKind,
    /// Indicator counting the occurrences.
    pub indicator: String,
    /// Points per occurrence.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub per_unit: Decimal,
    /// Most points this item can give or take.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub cap: Option<Decimal>,
}

/// Comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Op {
    /// `>`
    Gt,
    /// `>=`
    Gte,
    /// `<`
    Lt,
    /// `<=`
    Lte,
    /// `=`
    Eq,
    /// `≠`
    Ne,
}

/// A condition on an indicator's value (booleans count as 1 / 0).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Condition {
    /// Operator.
    pub op: Op,
    /// Right-hand side.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub value: Decimal,
}

/// A one-vote veto item (一票否决).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Veto {
    /// Identifier.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Indicator tested (exactly one of `indicator`, `group`, `total`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// Group whose score `G` (before its weight) is tested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// `true`: the total is tested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<bool>,
    /// When the veto applies.
    pub when: Condition,
    /// Grade forced when it applies.
    pub grade: String,
}

/// Kind of leader check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CheckKind {
    /// `value ≥ share × baseline`.
    MinShareOfBaseline,
    /// `numerator / denominator ≥ min`.
    MinRatio,
}

/// A leader caseload check (院庭长办案).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LeaderCheck {
    /// Identifier.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Which test.
    pub kind: CheckKind,
    /// Roles checked (empty: every judge).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// The value tested (the numerator for `minRatio`).
    pub indicator: String,
    /// `minRatio`: the denominator indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<String>,
    /// `minShareOfBaseline`: the share (default: the tier's baseline share).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub share: Option<Decimal>,
    /// `minRatio`: the lowest ratio that passes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub min: Option<Decimal>,
    /// Grade forced on failure (a veto); absent: the failure is only reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veto_grade: Option<String>,
}

/// How judges tied at a quota boundary are graded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TieRule {
    /// All tied judges drop to the next grade (the quota is never exceeded).
    #[default]
    AllDrop,
    /// All tied judges keep the grade (the quota may be exceeded by the tie).
    AllStay,
}

/// Grade levels, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Grades {
    /// Levels, best first; the last has no `minScore`.
    pub levels: Vec<GradeLevel>,
    /// Rule for ties at a quota boundary (default allDrop).
    #[serde(default, skip_serializing_if = "is_all_drop")]
    pub ties: TieRule,
    /// Whether vetoed judges count in a quota's `n` (default: they do).
    #[serde(default, skip_serializing_if = "Membership::is_include")]
    pub vetoed: Membership,
}

fn is_all_drop(t: &TieRule) -> bool {
    *t == TieRule::AllDrop
}

/// One grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GradeLevel {
    /// Identifier, e.g. `"excellent"`.
    pub id: String,
    /// Display name, e.g. `"优秀"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Lowest total for this grade (absent on the last level only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub min_score: Option<Decimal>,
    /// Largest share of the zone's judges with this grade (slots = floor(share × n)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub max_share: Option<Decimal>,
    /// Further conditions for this grade (not on the last level); a judge
    /// who reaches `minScore` but fails one takes the next grade.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<GradeRequirement>,
}

/// A condition of a grade: on one group's score, e.g. Shenzhen's "only a
/// judge rated excellent in the performance part may be rated excellent
/// overall": `{ "group": "performance", "minScore": "90" }`; or on the
/// reference ranges, SPC 2023's "meets the target when every indicator is
/// inside its range": `{ "allInRange": true }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GradeRequirement {
    /// Group id (in every zone the grades apply to); with `minScore`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Lowest group score `G` (before the group's weight) that meets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub min_score: Option<Decimal>,
    /// `true`: every indicator the judge has scored by `inRange` is inside
    /// its reference range (SPC 2023 style); instead of `group`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_in_range: Option<bool>,
}

/// What a veto tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VetoSubject<'a> {
    /// An indicator's value.
    Indicator(&'a str),
    /// A group's score `G`.
    Group(&'a str),
    /// The total.
    Total,
}

impl Veto {
    /// The one thing the veto tests (`None` when the rule set names none or
    /// several; validation refuses that).
    pub fn subject(&self) -> Option<VetoSubject<'_>> {
        match (&self.indicator, &self.group, self.total) {
            (Some(i), None, None) => Some(VetoSubject::Indicator(i)),
            (None, Some(g), None) => Some(VetoSubject::Group(g)),
            (None, None, Some(true)) => Some(VetoSubject::Total),
            _ => None,
        }
    }
}

/// What a grade requirement asks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Requirement<'a> {
    /// The group's score `G` reaches the minimum.
    Group(&'a str, Decimal),
    /// Every in-range indicator is inside its range.
    AllInRange,
}

impl GradeRequirement {
    /// The requirement (`None` when malformed; validation refuses that).
    pub fn kind(&self) -> Option<Requirement<'_>> {
        match (&self.group, self.min_score, self.all_in_range) {
            (Some(g), Some(m), None) => Some(Requirement::Group(g, m)),
            (None, None, Some(true)) => Some(Requirement::AllInRange),
            _ => None,
        }
    }
}

/// Whether a kind of judge counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Membership {
    /// They count (default).
    #[default]
    Include,
    /// They are left out.
    Exclude,
}

impl Membership {
    /// The default, left out when a rule set is written back.
    pub fn is_include(&self) -> bool {
        *self == Membership::Include
    }
}

/// Who forms one population statistic (min, max, mean, standard deviation
/// of an indicator). Only judges whose own method for the indicator is
/// min-max, efficacy or z-score ever count: a tier that scores the
/// indicator otherwise stays out of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Populations {
    /// One population per zone (default), or one per tier of each zone.
    #[serde(default, skip_serializing_if = "PopulationScope::is_zone")]
    pub scope: PopulationScope,
    /// Whether judges with a veto from their form (a veto item, a failed
    /// leader check with `vetoGrade`) count (default: they do).
    #[serde(default, skip_serializing_if = "Membership::is_include")]
    pub vetoed: Membership,
}

impl Populations {
    /// The defaults, left out when a rule set is written back.
    pub fn is_default(&self) -> bool {
        *self == Populations::default()
    }
}

/// The judges one population statistic is taken over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PopulationScope {
    /// The judges of the zone (of the whole rule set without zones).
    #[default]
    Zone,
    /// The judges of one tier in the zone.
    Tier,
}

impl PopulationScope {
    /// The default, left out when a rule set is written back.
    pub fn is_zone(&self) -> bool {
        *self == PopulationScope::Zone
    }
}
