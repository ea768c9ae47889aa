//! The bulk form of standard cases: parallel arrays for large batches
//! (a million closed cases), read straight from JSON text.

use super::compute::BaselineRef;
use super::plan::{internal, overflow, Kind, Plan, Scorer};
use super::totals::{dec, Tally};
use super::baseline::Baseline;
use super::model::{Component, Count, StandardConfig};
use crate::decimal::{Decimal, RoundingRule};
use crate::error::{Error, ErrorCode, Result};
use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// One kind of case in the bulk form.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BulkKind {
    /// Case type.
    pub case_type: String,
    /// Category (overrides the type's).
    #[serde(default)]
    pub category: Option<String>,
    /// Procedure.
    #[serde(default)]
    pub procedure: Option<String>,
    /// Simple/complex class.
    #[serde(default)]
    pub complexity: Option<String>,
}

/// A column of page counts, kept compact; bad entries are remembered by index.
#[derive(Debug, Clone, Default)]
pub struct PageColumn {
    /// The counts (0 where an entry is bad).
    pub values: Vec<u32>,
    /// Bad entries.
    pub bad: Vec<(usize, Count)>,
}

impl<'de> Deserialize<'de> for PageColumn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct ColumnVisitor;
        impl<'de> Visitor<'de> for ColumnVisitor {
            type Value = PageColumn;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of page counts")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<PageColumn, A::Error> {
                let mut col = PageColumn { values: Vec::with_capacity(seq.size_hint().unwrap_or(0)), bad: Vec::new() };
                while let Some(count) = seq.next_element::<Count>()? {
                    match count {
                        Count::Pages(n) => col.values.push(n),
                        other => {
                            col.bad.push((col.values.len(), other));
                            col.values.push(0);
                        }
                    }
                }
                Ok(col)
            }
        }
        deserializer.deserialize_seq(ColumnVisitor)
    }
}

/// Input of `standardCasesBulk`: parallel arrays, one entry per case.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BulkInput {
    /// The court's configuration.
    #[serde(default)]
    pub config: StandardConfig,
    /// The pinned baseline (required).
    #[serde(default)]
    pub baseline: Option<Baseline>,
    /// The kinds of case referenced by `kind`.
    pub kinds: Vec<BulkKind>,
    /// Per case: index into `kinds`.
    pub kind: Vec<u32>,
    /// Per case: dossier pages.
    pub dossier: PageColumn,
    /// Per case: transcript pages.
    pub transcript: PageColumn,
    /// Per case: judgment pages.
    pub judgment: PageColumn,
    /// Judge ids referenced by `judge`.
    #[serde(default)]
    pub judge_ids: Vec<String>,
    /// Per case: index into `judgeIds` (optional).
    #[serde(default)]
    pub judge: Option<Vec<u32>>,
    /// Per case: its case number (案号), used only to name the case in an
    /// error (optional).
    #[serde(default)]
    pub ids: Vec<String>,
    /// Also return each case's value (slower for large batches).
    #[serde(default)]
    pub values: bool,
}

/// A total in the bulk output.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkTotal {
    /// Judge id (absent for kinds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judge: Option<String>,
    /// Cases counted.
    pub cases: u64,
    /// Sum of rounded standard cases.
    pub standard: Decimal,
}

/// Output of `standardCasesBulk`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkOutput {
    /// The baseline used.
    pub baseline: BaselineRef,
    /// The rounding applied to each case.
    pub rounding: RoundingRule,
    /// Number of cases.
    pub count: u64,
    /// Sum of all cases' rounded standard cases.
    pub total: Decimal,
    /// Per kind, in the order of `kinds`.
    pub kinds: Vec<BulkTotal>,
    /// Per judge, in the order of `judgeIds` (when `judge` is given).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub judges: Vec<BulkTotal>,
    /// Per case (when `values` is true).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<Decimal>>,
}

/// Score parallel arrays of cases: the fast path for large batches.
pub fn standard_cases_bulk(input: BulkInput) -> Result<BulkOutput> {
    use crate::limits::{check_count, STANDARD_BULK_CASES, STANDARD_JUDGES};
    check_count("kind", "cases", "案件", input.kind.len(), STANDARD_BULK_CASES)?;
    check_count("judgeIds", "judges", "法官", input.judge_ids.len(), STANDARD_JUDGES)?;
    let mut scorer = Scorer::new(&input.config, input.baseline.as_ref())?;
    let rule = scorer.rule;
    let mut problems = Vec::new();
    let plans: Vec<Option<Plan>> = input
        .kinds
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let kind = Kind {
                case_type: Some(k.case_type.as_str()),
                category: k.category.as_deref(),
                procedure: k.procedure.as_deref(),
                complexity: k.complexity.as_deref(),
            };
            scorer.plan(&kind, &format!("kinds[{i}]"), &mut problems).map(|(p, _)| p)
        })
        .collect();
    let n = input.kind.len();
    let columns = [(Component::Dossier, &input.dossier), (Component::Transcript, &input.transcript), (Component::Judgment, &input.judgment)];
    for (component, col) in columns {
        let name = component.name();
        if col.values.len() != n {
            problems.push(length_mismatch(name, col.values.len(), n));
        }
        for (i, count) in &col.bad {
            if let Err(e) = count.check_named(&format!("{name}[{i}]"), component.name_zh()) {
                problems.push(e);
            }
        }
    }
    if let Some(j) = &input.judge {
        if j.len() != n {
            problems.push(length_mismatch("judge", j.len(), n));
        }
        for (i, &ix) in j.iter().enumerate() {
            if ix as usize >= input.judge_ids.len() {
                problems.push(bad_index(&format!("judge[{i}]"), ix, "judgeIds"));
            }
        }
    }
    for (i, &k) in input.kind.iter().enumerate() {
        if k as usize >= plans.len() {
            problems.push(bad_index(&format!("kind[{i}]"), k, "kinds"));
        }
    }
    if !input.ids.is_empty() && input.ids.len() != n {
        problems.push(length_mismatch("ids", input.ids.len(), n));
    }
    super::naming::name_bulk_rows(&mut problems, &input.ids);
    if let Some(e) = Error::collect(problems) {
        return Err(e);
    }
    let mut kinds: Vec<Tally> = plans.iter().map(|_| Tally::default()).collect();
    let mut judges: Vec<Tally> = input.judge_ids.iter().map(|_| Tally::default()).collect();
    let mut values = if input.values { Some(Vec::with_capacity(n)) } else { None };
    let mut total = Tally::default();
    let cols = (&input.dossier.values, &input.transcript.values, &input.judgment.values);
    for (i, &k) in input.kind.iter().enumerate() {
        let (Some(Some(plan)), Some(d), Some(t), Some(j)) = (plans.get(k as usize), cols.0.get(i), cols.1.get(i), cols.2.get(i)) else {
            return Err(internal());
        };
        let units = plan.units([*d, *t, *j]).ok_or_else(|| {
            let mut e = [overflow(&format!("kind[{i}]"))];
            super::naming::name_bulk_rows(&mut e, &input.ids);
            let [e] = e;
            e
        })?;
        total.add(units);
        if let Some(t) = kinds.get_mut(k as usize) {
            t.add(units);
        }
        if let Some(judge) = input.judge.as_ref().and_then(|v| v.get(i)) {
            if let Some(t) = judges.get_mut(*judge as usize) {
                t.add(units);
            }
        }
        if let Some(v) = values.as_mut() {
            v.push(dec(units, rule.places)?);
        }
        crate::progress::report("cases", i as u64 + 1, n as u64, crate::progress::CASES_PER_REPORT);
    }
    let to_total = |judge: Option<String>, t: &Tally| Ok(BulkTotal { judge, cases: t.cases, standard: dec(t.units, rule.places)? });
    Ok(BulkOutput {
        baseline: scorer.baseline_ref(),
        rounding: rule,
        count: total.cases,
        total: dec(total.units, rule.places)?,
        kinds: kinds.iter().map(|t| to_total(None, t)).collect::<Result<_>>()?,
        judges: if input.judge.is_some() {
            input.judge_ids.iter().zip(&judges).map(|(id, t)| to_total(Some(id.clone()), t)).collect::<Result<_>>()?
        } else {
            Vec::new()
        },
        values,
    })
}

/// The bulk input with its small parts left as JSON values, so that the
/// page arrays are read straight from the text.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BulkText {
    #[serde(default)]
    config: Option<serde_json::Value>,
    #[serde(default)]
    baseline: Option<serde_json::Value>,
    kinds: serde_json::Value,
    kind: Vec<u32>,
    dossier: PageColumn,
    transcript: PageColumn,
    judgment: PageColumn,
    #[serde(default)]
    judge_ids: Vec<String>,
    #[serde(default)]
    judge: Option<Vec<u32>>,
    #[serde(default)]
    ids: Vec<String>,
    #[serde(default)]
    values: bool,
}

fn part<T: serde::de::DeserializeOwned>(value: serde_json::Value, path: &str) -> Result<T> {
    crate::canonical::from_json_value(value).map_err(|e| e.at(path))
}

/// [`standard_cases_bulk`] on JSON text, without building a JSON value per
/// number (the fast path for a million cases).
pub fn standard_cases_bulk_text(text: &str) -> Result<BulkOutput> {
    let raw: BulkText = crate::canonical::from_json_str(text)?;
    let input = BulkInput {
        config: match raw.config {
            Some(v) => part(v, "config")?,
            None => StandardConfig::default(),
        },
        baseline: match raw.baseline {
            Some(v) => Some(part(v, "baseline")?),
            None => None,
        },
        kinds: part(raw.kinds, "kinds")?,
        kind: raw.kind,
        dossier: raw.dossier,
        transcript: raw.transcript,
        judgment: raw.judgment,
        judge_ids: raw.judge_ids,
        judge: raw.judge,
        ids: raw.ids,
        values: raw.values,
    };
    standard_cases_bulk(input)
}

fn length_mismatch(name: &str, got: usize, want: usize) -> Error {
    Error::new(
        ErrorCode::InvalidInput,
        name,
        format!("'{name}' has {got} entries but 'kind' has {want}"),
        format!("“{name}”有 {got} 项，而“kind”有 {want} 项"),
    )
    .with_details(serde_json::json!({ "got": got, "expected": want }))
}

fn bad_index(path: &str, ix: u32, table: &str) -> Error {
    Error::new(
        ErrorCode::OutOfRange,
        path,
        format!("index {ix} is outside '{table}'"),
        format!("索引 {ix} 超出“{table}”范围"),
    )
}
