//! The baseline: a year's average page counts and the component weights,
//! pinned as a snapshot with its own digest.

use super::exact::{ratio, Exact};
use super::model::{non_negative, Case, Component, StandardConfig};
use crate::canonical::digest_of;
use crate::decimal::{Decimal, RoundingRule};
use crate::error::{join_path, Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Whose averages a case is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Scope {
    /// One set of averages over every category (court-wide).
    #[default]
    Pooled,
    /// Each case against the averages of its own category.
    PerCategory,
}

/// Component weights; they must add up to exactly 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Weights {
    /// Dossier weight (Shapingba: 0.15).
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub dossier: Decimal,
    /// Transcript weight (Shapingba: 0.25).
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub transcript: Decimal,
    /// Judgment weight (Shapingba: 0.60).
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub judgment: Decimal,
}

impl Default for Weights {
    /// The published Shapingba weights: 15% / 25% / 60%.
    fn default() -> Self {
        Weights { dossier: Decimal::new(15, 2), transcript: Decimal::new(25, 2), judgment: Decimal::new(60, 2) }
    }
}

impl Weights {
    /// In component order.
    pub fn as_array(&self) -> [Decimal; 3] {
        [self.dossier, self.transcript, self.judgment]
    }

    /// Check: each at least 0, and the sum exactly 1.
    pub fn check(&self, path: &str, problems: &mut Vec<Error>) {
        let before = problems.len();
        for (w, c) in self.as_array().into_iter().zip(Component::ALL) {
            non_negative(w, &join_path(path, c.name()), problems);
        }
        if problems.len() > before {
            return;
        }
        let sum: Decimal = self.as_array().iter().sum();
        if sum != Decimal::ONE {
            problems.push(
                Error::new(
                    ErrorCode::WeightsDoNotSumToOne,
                    path,
                    format!("the weights add up to {sum}, not 1"),
                    format!("权重之和为 {sum}，不等于 1"),
                )
                .with_details(serde_json::json!({ "sum": sum.normalize().to_string() })),
            );
        }
    }

    fn normalized(&self) -> Weights {
        Weights { dossier: self.dossier.normalize(), transcript: self.transcript.normalize(), judgment: self.judgment.normalize() }
    }
}

/// Total pages per component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PageTotals {
    /// Dossier pages.
    pub dossier: u64,
    /// Transcript pages.
    pub transcript: u64,
    /// Judgment pages.
    pub judgment: u64,
}

/// Average pages per component.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AverageValues {
    /// Average dossier pages.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub dossier: Decimal,
    /// Average transcript pages.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub transcript: Decimal,
    /// Average judgment pages.
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub judgment: Decimal,
}

impl AverageValues {
    /// In component order.
    pub fn as_array(&self) -> [Decimal; 3] {
        [self.dossier, self.transcript, self.judgment]
    }
}

/// The averages of one scope (court-wide or one category).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Averages {
    /// Number of cases averaged (absent in a hand-written baseline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cases: Option<u64>,
    /// Total pages (absent in a hand-written baseline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<PageTotals>,
    /// Cases of a fixed-score type left out of the averages (absent when none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub excluded_fixed: u64,
    /// Average pages, rounded by `averageRounding`.
    pub averages: AverageValues,
}

/// A pinned baseline snapshot. `computeBaseline` produces it from a year of
/// closed cases; a court may also write one by hand from published figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Baseline {
    /// The year whose closed cases were averaged.
    pub year: u32,
    /// Pooled or per-category averages.
    #[serde(default)]
    pub scope: Scope,
    /// Component weights.
    #[serde(default)]
    pub weights: Weights,
    /// How the averages were rounded.
    #[serde(default)]
    pub average_rounding: RoundingRule,
    /// Court-wide averages.
    pub pooled: Averages,
    /// Averages per category.
    #[serde(default)]
    pub categories: BTreeMap<String, Averages>,
    /// SHA-256 (hex) of the canonical JSON of the snapshot without this field,
    /// with every decimal in its shortest form. Checked when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

impl Baseline {
    /// The digest this snapshot should carry.
    pub fn compute_digest(&self) -> Result<String> {
        let mut copy = self.clone();
        copy.digest = None;
        copy.weights = copy.weights.normalized();
        let norm = |a: &mut Averages| {
            a.averages = AverageValues {
                dossier: a.averages.dossier.normalize(),
                transcript: a.averages.transcript.normalize(),
                judgment: a.averages.judgment.normalize(),
            }
        };
        norm(&mut copy.pooled);
        copy.categories.values_mut().for_each(norm);
        digest_of(&copy)
    }

    /// Check the snapshot (weights, averages, digest) and return its digest.
    /// Problems are pushed with paths under `path`.
    pub fn check(&self, path: &str, problems: &mut Vec<Error>) -> Option<String> {
        let before = problems.len();
        self.weights.check(&join_path(path, "weights"), problems);
        if let Err(e) = self.average_rounding.validate(&join_path(path, "averageRounding")) {
            problems.push(e);
        }
        let mut scopes = vec![("pooled".to_string(), &self.pooled)];
        scopes.extend(self.categories.iter().map(|(k, v)| (format!("categories.{k}"), v)));
        for (p, a) in scopes {
            for (v, c) in a.averages.as_array().into_iter().zip(Component::ALL) {
                non_negative(v, &join_path(path, &format!("{p}.averages.{}", c.name())), problems);
            }
        }
        if self.scope == Scope::PerCategory && self.categories.is_empty() {
            problems.push(Error::new(
                ErrorCode::InvalidInput,
                join_path(path, "categories"),
                "a per-category baseline needs at least one category",
                "按类别的基准至少需要一个类别",
            ));
        }
        if problems.len() > before {
            return None;
        }
        let digest = match self.compute_digest() {
            Ok(d) => d,
            Err(e) => {
                problems.push(e.at(path));
                return None;
            }
        };
        match &self.digest {
            Some(given) if !given.eq_ignore_ascii_case(&digest) => {
                problems.push(
                    Error::new(
                        ErrorCode::BaselineDigestMismatch,
                        join_path(path, "digest"),
                        "the baseline's digest does not match its contents; it was altered after it was pinned",
                        "基准摘要与内容不符；基准在固定后被改动",
                    )
                    .with_details(serde_json::json!({ "given": given, "computed": digest })),
                );
                None
            }
            _ => Some(digest),
        }
    }
}

/// Input of `computeBaseline`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BaselineInput {
    /// The year of the closed cases.
    pub year: u32,
    /// Pooled (default) or per-category averages.
    #[serde(default)]
    pub scope: Scope,
    /// Component weights (default 0.15 / 0.25 / 0.60).
    #[serde(default)]
    pub weights: Weights,
    /// Rounding of the averages (default 2 places, half-up).
    #[serde(default)]
    pub average_rounding: RoundingRule,
    /// The categories averaged (default criminal, civil, administrative).
    /// A case of any other category is an error.
    #[serde(default = "default_categories")]
    pub categories: Vec<String>,
    /// Optional configuration, used to find a case's category from its type.
    #[serde(default)]
    pub config: Option<StandardConfig>,
    /// The year's closed cases.
    pub cases: Vec<Case>,
}

fn default_categories() -> Vec<String> {
    ["criminal", "civil", "administrative"].into_iter().map(String::from).collect()
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[derive(Default)]
struct Acc {
    cases: u64,
    pages: [u64; 3],
    excluded_fixed: u64,
}

impl Acc {
    fn add(&mut self, p: [u32; 3]) {
        self.cases += 1;
        for (t, v) in self.pages.iter_mut().zip(p) {
            *t += u64::from(v);
        }
    }

    fn averages(&self, rule: RoundingRule) -> Averages {
        let avg = |total: u64| {
            let zero = || crate::decimal::round(Decimal::ZERO, rule.places, rule.mode);
            if self.cases == 0 {
                zero()
            } else {
                ratio(Exact::int(u128::from(total)), Exact::int(u128::from(self.cases)), rule).unwrap_or_else(zero)
            }
        };
        let [d, t, j] = self.pages;
        Averages {
            cases: Some(self.cases),
            pages: Some(PageTotals { dossier: d, transcript: t, judgment: j }),
            excluded_fixed: self.excluded_fixed,
            averages: AverageValues { dossier: avg(d), transcript: avg(t), judgment: avg(j) },
        }
    }
}

/// Average a year of closed cases into a pinned baseline snapshot.
pub fn compute_baseline(input: BaselineInput) -> Result<Baseline> {
    crate::limits::check_count("cases", "cases", "案件", input.cases.len(), crate::limits::BASELINE_CASES)?;
    let mut problems = Vec::new();
    input.weights.check("weights", &mut problems);
    if let Err(e) = input.average_rounding.validate("averageRounding") {
        problems.push(e);
    }
    let mut categories: BTreeMap<String, Acc> = BTreeMap::new();
    for (i, name) in input.categories.iter().enumerate() {
        if categories.insert(name.clone(), Acc::default()).is_some() {
            problems.push(Error::new(
                ErrorCode::DuplicateId,
                format!("categories[{i}]"),
                format!("category '{name}' is listed twice"),
                format!("类别“{name}”重复"),
            ));
        }
    }
    let mut pooled = Acc::default();
    let mut ids = BTreeSet::new();
    for (i, case) in input.cases.iter().enumerate() {
        let path = format!("cases[{i}]");
        if !ids.insert(case.id.as_str()) {
            problems.push(duplicate_case(&path, &case.id));
        }
        let rule = case.case_type.as_ref().and_then(|t| input.config.as_ref().and_then(|c| c.case_types.get(t)));
        // A fixed-score type's pages say little about its work (that is why
        // its score is fixed): they are left out of the averages.
        let fixed = rule.is_some_and(|r| r.fixed.is_some());
        let pages = if fixed { None } else { case.pages.check(&join_path(&path, "pages"), false, &mut problems) };
        let from_type = rule.and_then(|r| r.category.clone());
        let (category, field) = match (&case.category, from_type) {
            (Some(c), _) => (c.clone(), "category"),
            (None, Some(c)) => (c, "caseType"),
            (None, None) => {
                problems.push(Error::new(
                    ErrorCode::UnknownCategory,
                    join_path(&path, "category"),
                    "the case has no category, and its type names none",
                    "案件未注明类别，其案件类型也未指定类别",
                ));
                continue;
            }
        };
        let Some(acc) = categories.get_mut(&category) else {
            problems.push(unknown_category(&join_path(&path, field), &category));
            continue;
        };
        if fixed {
            acc.excluded_fixed += 1;
            pooled.excluded_fixed += 1;
        } else if let Some(p) = pages {
            acc.add(p);
            pooled.add(p);
        }
    }
    super::naming::name_cases(&mut problems, &input.cases, input.config.as_ref());
    if let Some(e) = Error::collect(problems) {
        return Err(e);
    }
    let rule = input.average_rounding;
    let mut baseline = Baseline {
        year: input.year,
        scope: input.scope,
        weights: input.weights.normalized(),
        average_rounding: rule,
        pooled: pooled.averages(rule),
        categories: categories.iter().map(|(k, a)| (k.clone(), a.averages(rule))).collect(),
        digest: None,
    };
    baseline.digest = Some(baseline.compute_digest()?);
    Ok(baseline)
}

pub(crate) fn unknown_category(path: &str, category: &str) -> Error {
    Error::new(
        ErrorCode::UnknownCategory,
        path,
        format!("category '{category}' is not defined"),
        format!("类别“{category}”未定义"),
    )
}

pub(crate) fn duplicate_case(path: &str, id: &str) -> Error {
    Error::new(
        ErrorCode::DuplicateId,
        join_path(path, "id"),
        format!("case id '{id}' appears more than once"),
        format!("案件编号“{id}”重复"),
    )
}
