//! The explanation tree: every point traced to its inputs, formula,
//! intermediate values and the rule clause that applied.

use crate::decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

/// Text that is usually a fixed label.
pub type Text = Cow<'static, str>;

/// What a node explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NodeKind {
    /// The judge's total (the root).
    Judge,
    /// A weighted group.
    Group,
    /// One indicator's score.
    Indicator,
    /// A credited case count (handling + panel share).
    Credit,
    /// A bonus or deduction item.
    Adjustment,
    /// A one-vote veto item.
    Veto,
    /// A leader caseload check.
    Check,
    /// The grade.
    Grade,
}

/// Notable facts about a node, for highlighting in a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Flag {
    /// An input needed here is missing.
    Missing,
    /// A cap lowered the value.
    Capped,
    /// A floor raised the value.
    Floored,
    /// The value is inside the reference range.
    InRange,
    /// The value is outside the reference range.
    OutOfRange,
    /// Piecewise: below the first breakpoint.
    BelowFirstPoint,
    /// Piecewise: at or above the last breakpoint (saturation).
    AboveLastPoint,
    /// min = max in the population: the declared outcome applied.
    MinEqualsMax,
    /// Standard deviation zero: z = 0.
    ZeroSpread,
    /// Expected value zero: the declared outcome applied.
    ZeroBaseline,
    /// Panel credit reached its cap.
    PanelCapped,
    /// The bonuses together were lowered to `bonusesCap`.
    BonusesCapped,
    /// The deductions together were lowered to `deductionsCap`.
    DeductionsCapped,
    /// The total was lowered to `totalCap`.
    TotalCapped,
    /// Steps: below the first step.
    BelowFirstStep,
    /// A veto applies.
    Triggered,
    /// A check passed.
    Passed,
    /// A check failed.
    Failed,
    /// The grade was forced by a veto.
    Vetoed,
    /// The grade was lowered by a quota.
    QuotaApplied,
    /// The grade was lowered because a better grade's requirement was not met.
    RequirementNotMet,
    /// A live form's grade, by thresholds only: a quota needs the batch's cut-offs.
    Provisional,
}

/// A named value; `value` is null when missing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Term {
    /// Name (a symbol of the formula).
    pub name: Text,
    /// Value.
    #[serde(serialize_with = "crate::decimal::text::serialize_option")]
    pub value: Option<Decimal>,
    /// Where it came from (`values.closedCases`, `statistics.baselines.c1.closedCases`...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Term {
    /// A computed value.
    pub fn new(name: impl Into<Text>, value: Decimal) -> Self {
        Term { name: name.into(), value: Some(value), source: None }
    }

    /// A value read from the input.
    pub fn input(name: impl Into<Text>, value: Option<Decimal>, source: String) -> Self {
        Term { name: name.into(), value, source: Some(source) }
    }
}

/// One node of the explanation tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Node {
    /// What it explains.
    pub kind: NodeKind,
    /// Id of the group, indicator, item... (the judge id at the root).
    pub id: String,
    /// Display name from the rule set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The resulting number (null when an input is missing).
    #[serde(serialize_with = "crate::decimal::text::serialize_option")]
    pub value: Option<Decimal>,
    /// A non-numeric result (grade id, "pass", "fail", "triggered").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// The formula, in the symbols of `inputs` and `steps`.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub formula: Text,
    /// Path of the rule-set clause that applied (`indicators[0].method`...).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub clause: String,
    /// Inputs of the formula.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<Term>,
    /// Intermediate values, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Term>,
    /// Notable facts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
    /// A sentence on the rule applied (segment, range, quota...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Parts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
}

impl Node {
    /// An empty node.
    pub fn new(kind: NodeKind, id: &str, label: Option<&String>) -> Self {
        Node {
            kind,
            id: id.to_string(),
            label: label.cloned(),
            value: None,
            outcome: None,
            formula: Text::Borrowed(""),
            clause: String::new(),
            inputs: Vec::new(),
            steps: Vec::new(),
            flags: Vec::new(),
            note: None,
            children: Vec::new(),
        }
    }
}
