//! The enforcement standard: closed enforcement cases counted by closing
//! type, only with the required approval.

use super::baseline::duplicate_case;
use super::compute::{DepartmentTotal, JudgeTotal};
use super::totals::{dec, Totals};
use super::exact::{ratio_units, Exact};
use super::model::StandardConfig;
use crate::decimal::{Decimal, RoundingRule};
use crate::error::{join_path, Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A closed enforcement case.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnforcementCase {
    /// Unique id (案号).
    pub id: String,
    /// Handling judge.
    #[serde(default)]
    pub judge: Option<String>,
    /// Department credited with the case.
    #[serde(default)]
    pub department: Option<String>,
    /// Closing type, a key of `config.enforcement.closings`
    /// (`fullyEnforced`, `terminatedThisRound`, `terminated` by default).
    pub closing: String,
    /// Whether the required approval (e.g. the integrity inspector's) was given.
    #[serde(default)]
    pub approved: bool,
}

/// Input of `enforcementCases`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnforcementInput {
    /// The court's configuration (`enforcement` and `rounding` are used).
    #[serde(default)]
    pub config: StandardConfig,
    /// Closed enforcement cases.
    pub cases: Vec<EnforcementCase>,
}

/// A counted enforcement case.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnforcementResult {
    /// Case id.
    pub id: String,
    /// Judge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judge: Option<String>,
    /// Department.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Closing type.
    pub closing: String,
    /// The closing type's coefficient.
    pub coefficient: Decimal,
    /// Whether approval was required (and, since the case counts, given).
    pub approval_required: bool,
    /// Standard enforcement cases, rounded by the configured rule.
    pub standard: Decimal,
    /// One line a form can show.
    pub explanation: String,
}

/// A case listed but not counted.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NotCounted {
    /// Case id.
    pub id: String,
    /// Judge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judge: Option<String>,
    /// Department.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Closing type.
    pub closing: String,
    /// Why it is not counted (English).
    pub reason: String,
    /// Why it is not counted (Chinese).
    pub reason_zh: String,
}

/// Output of `enforcementCases`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnforcementOutput {
    /// The rounding applied to each case.
    pub rounding: RoundingRule,
    /// Counted cases, in input order.
    pub cases: Vec<EnforcementResult>,
    /// Cases closed without the required approval: listed, not counted.
    pub unapproved: Vec<NotCounted>,
    /// Per judge (counted cases only).
    pub judges: Vec<JudgeTotal>,
    /// Per department (counted cases only).
    pub departments: Vec<DepartmentTotal>,
    /// Number of counted cases.
    pub count: u64,
    /// Sum of the counted cases' rounded standard cases.
    pub total: Decimal,
}

/// Count closed enforcement cases by the enforcement standard.
pub fn enforcement_cases(input: EnforcementInput) -> Result<EnforcementOutput> {
    crate::limits::check_count("cases", "cases", "案件", input.cases.len(), crate::limits::ENFORCEMENT_CASES)?;
    let mut problems = Vec::new();
    input.config.check("config", &mut problems);
    let rule = input.config.rounding;
    let closings = &input.config.enforcement.closings;
    let mut units_of: BTreeMap<&str, u128> = BTreeMap::new();
    for (name, c) in closings {
        match Exact::from_decimal(c.coefficient).and_then(|e| ratio_units(e, Exact::one(), rule)) {
            Some(u) => {
                units_of.insert(name.as_str(), u);
            }
            None if problems.is_empty() => problems.push(Error::new(
                ErrorCode::OutOfRange,
                format!("config.enforcement.closings.{name}.coefficient"),
                "the coefficient is out of range",
                "系数超出范围",
            )),
            None => {}
        }
    }
    let mut ids = BTreeSet::new();
    let mut counted = Vec::new();
    let mut unapproved = Vec::new();
    for (i, case) in input.cases.iter().enumerate() {
        let path = format!("cases[{i}]");
        if !ids.insert(case.id.as_str()) {
            problems.push(duplicate_case(&path, &case.id));
        }
        let (Some(c), Some(&units)) = (closings.get(&case.closing), units_of.get(case.closing.as_str())) else {
            if !closings.contains_key(&case.closing) {
                problems.push(Error::new(
                    ErrorCode::MissingCoefficient,
                    join_path(&path, "closing"),
                    format!("closing type '{}' has no coefficient in config.enforcement.closings", case.closing),
                    format!("执行结案方式“{}”在配置中没有系数", case.closing),
                ));
            }
            continue;
        };
        let label = c.label.clone().unwrap_or_else(|| case.closing.clone());
        if c.requires_approval && !case.approved {
            unapproved.push(NotCounted {
                id: case.id.clone(),
                judge: case.judge.clone(),
                department: case.department.clone(),
                closing: case.closing.clone(),
                reason: format!("closed as {label} ({}) without the required approval", case.closing),
                reason_zh: format!("以“{label}”方式结案但未经审批"),
            });
            continue;
        }
        let standard = dec(units, rule.places)?;
        let coefficient = c.coefficient.normalize();
        let approval = if c.requires_approval { ", approved" } else { "" };
        counted.push((
            case,
            units,
            EnforcementResult {
                id: case.id.clone(),
                judge: case.judge.clone(),
                department: case.department.clone(),
                closing: case.closing.clone(),
                coefficient,
                approval_required: c.requires_approval,
                standard,
                explanation: format!("{label} ({}){approval}: coefficient {coefficient} → {standard}", case.closing),
            },
        ));
    }
    super::naming::name_enforcement_cases(&mut problems, &input.cases);
    if let Some(e) = Error::collect(problems) {
        return Err(e);
    }
    let mut totals = Totals::default();
    let mut cases = Vec::with_capacity(counted.len());
    for (case, units, result) in counted {
        totals.add(&case.id, case.judge.as_deref(), case.department.as_deref(), units);
        cases.push(result);
    }
    let (judges, departments, count, total) = totals.finish(rule.places)?;
    Ok(EnforcementOutput { rounding: rule, cases, unapproved, judges, departments, count, total })
}
