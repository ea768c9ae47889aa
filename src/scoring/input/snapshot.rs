//! The statistics snapshot: what a batch computed from its population and
//! gives back with its results, so that `scoreOne` scores a live form as
//! the batch did.

use crate::decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Court baselines: court id (or `*` for every court) → indicator id → value
/// (e.g. the court's average closed cases per serving judge).
pub type Baselines = BTreeMap<String, BTreeMap<String, Decimal>>;

/// The statistics snapshot a score used; give it back to `scoreOne` to get
/// the same numbers as the batch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Statistics {
    /// Court baselines (as given).
    #[serde(default)]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub baselines: Baselines,
    /// Population statistics (computed over the scored judges, per zone).
    #[serde(default)]
    pub populations: Vec<Population>,
    /// The grade levels whose quota was full in the batch, with the lowest
    /// total that kept each (present when the rule set has quotas).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade_cutoffs: Option<Vec<GradeCutoff>>,
}

/// Statistics of one indicator over a scored population.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Population {
    /// Zone (absent when the rule set has no zones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Tier (present when the rule set's populations are per tier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// Indicator id.
    pub indicator: String,
    /// Number of judges.
    pub count: u32,
    /// Smallest value.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub min: Decimal,
    /// Largest value.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub max: Decimal,
    /// Mean, rounded half up to 10 places.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub mean: Decimal,
    /// Population standard deviation √(Σ(x − mean)² / n), 10 places.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub std_dev: Decimal,
}

/// Where a quota level was full in the batch: the lowest total that kept
/// it. Given back to `scoreOne`, it grades a live form as the batch did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GradeCutoff {
    /// Zone (absent when the rule set has no zones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Grade id of the level.
    pub grade: String,
    /// Its slots, `floor(maxShare × n)`.
    pub slots: u64,
    /// The lowest total that kept the level (null: nobody kept it).
    #[serde(default, deserialize_with = "crate::decimal::pinned::read")]
    pub lowest_total: Option<Decimal>,
}
