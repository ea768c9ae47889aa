//! Stage 5, output: the results of the calls as they leave the engine.
//! Uses the earlier stages.

pub mod table;

use crate::error::Error;
use crate::scoring::compile::warnings::Warning;
use crate::scoring::evaluate::result::JudgeResult;
use crate::scoring::input::snapshot::Statistics;
use serde::Serialize;

/// Which rule set produced a result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleSetRef {
    /// Rule set id.
    pub id: String,
    /// Rule set version.
    pub version: String,
    /// SHA-256 (hex) of the rule set's canonical JSON.
    pub digest: String,
}

/// Result of `validateRuleSet`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationReport {
    /// Whether the rule set can be used.
    pub valid: bool,
    /// Its id, version and digest (when it parses and is valid).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<RuleSetRef>,
    /// Every problem found, each with its path.
    pub problems: Vec<Error>,    /// What the rule set probably did not mean (it is valid all the same).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

/// Result of `score`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreOutput {
    /// The rule set used.
    pub rule_set: RuleSetRef,
    /// The statistics snapshot used (give it to `scoreOne`).
    pub statistics: Statistics,
    /// One result per judge, in input order.
    pub judges: Vec<JudgeResult>,    /// Warnings: of the rule set (paths under `ruleSet.`) and of the call.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

/// Result of `scoreTable`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreTableOutput {
    /// The rule set used.
    pub rule_set: RuleSetRef,
    /// The statistics snapshot used (give it to `scoreOne`).
    pub statistics: Statistics,
    /// One row per judge, in input order.
    pub table: table::ScoreTable,    /// Warnings: of the rule set (paths under `ruleSet.`) and of the call.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

/// Result of `scoreOne`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreOneOutput {
    /// The rule set used.
    pub rule_set: RuleSetRef,
    /// The statistics snapshot used (as given).
    pub statistics: Statistics,
    /// The judge's result.
    pub judge: JudgeResult,    /// Warnings: of the rule set (paths under `ruleSet.`) and of the call.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}
