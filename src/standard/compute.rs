//! Standard cases per closed trial case, with totals and explanations.

use super::plan::{overflow, Kind, Plan, Scorer};
use super::totals::{dec, Totals};
use super::baseline::{duplicate_case, Baseline, Scope};
use super::model::{Case, Component, StandardConfig};
use crate::decimal::{Decimal, RoundingRule};
use crate::error::{join_path, Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Input of `standardCases` and `standardCaseWeights`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StandardInput {
    /// The court's configuration.
    #[serde(default)]
    pub config: StandardConfig,
    /// The pinned baseline (required).
    #[serde(default)]
    pub baseline: Option<Baseline>,
    /// Closed cases.
    pub cases: Vec<Case>,
}

/// Which baseline a result used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BaselineRef {
    /// Year of the averages.
    pub year: u32,
    /// Pooled or per category.
    pub scope: Scope,
    /// Digest of the snapshot.
    pub digest: String,
}

/// One component's term in a case's page score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComponentTerm {
    /// Component.
    pub component: Component,
    /// The case's pages.
    pub pages: u32,
    /// The baseline average used.
    pub average: Decimal,
    /// The component's weight.
    pub weight: Decimal,
    /// False when the average is zero: the component is dropped and the
    /// other weights are renormalised.
    pub used: bool,
}

/// The coefficients multiplied into a case's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Coefficients {
    /// Conversion coefficient of the case type (转换系数).
    pub conversion: Decimal,
    /// Base case-weight coefficient (基础案件权重系数).
    pub base_weight: Decimal,
    /// Procedure coefficient (程序系数), 1 without a procedure.
    pub procedure: Decimal,
    /// Simple/complex floating coefficient (繁简系数), 1 without a class.
    pub complexity: Decimal,
}

/// How a case's number came about, for a form to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    /// Whose averages: `"pooled"` or the category. Absent for a fixed score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub averages: Option<String>,
    /// The page terms. Empty for a fixed score.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<ComponentTerm>,
    /// Sum of the weights of the used components (the renormalising divisor; 1 when nothing is dropped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight_sum: Option<Decimal>,
    /// The case type's fixed score, used instead of the page score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed: Option<Decimal>,
    /// Coefficients applied.
    pub coefficients: Coefficients,
    /// The exact value before rounding (at most 28 significant digits shown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unrounded: Option<Decimal>,
    /// The whole computation as one line.
    pub formula: String,
}

/// One case's standard cases.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseResult {
    /// Case id.
    pub id: String,
    /// Case type.
    pub case_type: String,
    /// Category whose averages were used (per-category baselines and when known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Handling judge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judge: Option<String>,
    /// Department.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Procedure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    /// Simple/complex class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub complexity: Option<String>,
    /// Standard cases, rounded once by the configured rule.
    pub standard: Decimal,
    /// How the number came about.
    pub explanation: Explanation,
}

/// A judge's total.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JudgeTotal {
    /// Judge.
    pub judge: String,
    /// Cases counted.
    pub cases: u64,
    /// Sum of the cases' rounded standard cases.
    pub standard: Decimal,
    /// The cases, in input order.
    pub case_ids: Vec<String>,
}

/// A department's total.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentTotal {
    /// Department.
    pub department: String,
    /// Distinct judges with cases in the department.
    pub judges: u64,
    /// Cases counted.
    pub cases: u64,
    /// Sum of the cases' rounded standard cases.
    pub standard: Decimal,
}

/// Output of `standardCases`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StandardOutput {
    /// The baseline used.
    pub baseline: BaselineRef,
    /// The rounding applied to each case.
    pub rounding: RoundingRule,
    /// Per case, in input order.
    pub cases: Vec<CaseResult>,
    /// Per judge, by judge id.
    pub judges: Vec<JudgeTotal>,
    /// Per department, by department id.
    pub departments: Vec<DepartmentTotal>,
    /// Number of cases.
    pub count: u64,
    /// Sum of all cases' rounded standard cases.
    pub total: Decimal,
}

/// Output of `standardCaseWeights`: case weights for the assignment engine.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WeightsOutput {
    /// The baseline used.
    pub baseline: BaselineRef,
    /// Standard cases per case id, as decimal strings.
    pub weights: BTreeMap<String, Decimal>,
}

/// A case kind as the key of the plan cache.
type KindKey<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>);

/// Score every case. Errors collect every problem of the batch.
pub fn standard_cases(input: StandardInput) -> Result<StandardOutput> {
    crate::limits::check_count("cases", "cases", "案件", input.cases.len(), crate::limits::STANDARD_CASES)?;
    let mut scorer = Scorer::new(&input.config, input.baseline.as_ref())?;
    let rule = scorer.rule;
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    // Plans by (case type, category, procedure, complexity).
    let mut cache: BTreeMap<KindKey, (Plan, Option<String>)> = BTreeMap::new();
    let mut scored = Vec::with_capacity(input.cases.len());
    for (i, case) in input.cases.iter().enumerate() {
        let path = format!("cases[{i}]");
        if !ids.insert(case.id.as_str()) {
            problems.push(duplicate_case(&path, &case.id));
        }
        let key = (case.case_type.as_deref(), case.category.as_deref(), case.procedure.as_deref(), case.complexity.as_deref());
        if let std::collections::btree_map::Entry::Vacant(slot) = cache.entry(key) {
            let kind = Kind { case_type: key.0, category: key.1, procedure: key.2, complexity: key.3 };
            if let Some(plan) = scorer.plan(&kind, &path, &mut problems) {
                slot.insert(plan);
            }
        }
        let Some((plan, category)) = cache.get(&key) else { continue };
        let Some(pages) = case.pages.check(&join_path(&path, "pages"), plan.fixed.is_some(), &mut problems) else {
            continue;
        };
        let Some(units) = plan.units(pages) else {
            problems.push(overflow(&path));
            continue;
        };
        scored.push((case, plan.explain(pages, units), units, category.clone()));
    }
    super::naming::name_cases(&mut problems, &input.cases, Some(&input.config));
    if let Some(e) = Error::collect(problems) {
        return Err(e);
    }
    let mut totals = Totals::default();
    let mut cases = Vec::with_capacity(scored.len());
    for (case, explanation, units, category) in scored {
        totals.add(&case.id, case.judge.as_deref(), case.department.as_deref(), units);
        cases.push(CaseResult {
            id: case.id.clone(),
            case_type: case.case_type.clone().unwrap_or_default(),
            category,
            judge: case.judge.clone(),
            department: case.department.clone(),
            procedure: case.procedure.clone(),
            complexity: case.complexity.clone(),
            standard: dec(units, rule.places)?,
            explanation,
        });
    }
    let (judges, departments, count, total) = totals.finish(rule.places)?;
    Ok(StandardOutput { baseline: scorer.baseline_ref(), rounding: rule, cases, judges, departments, count, total })
}

/// Standard cases per case id, as weights for the assignment engine.
pub fn standard_case_weights(input: StandardInput) -> Result<WeightsOutput> {
    let out = standard_cases(input)?;
    Ok(WeightsOutput { baseline: out.baseline, weights: out.cases.into_iter().map(|c| (c.id, c.standard)).collect() })
}
