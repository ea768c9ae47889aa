//! Standard cases per closed trial case, with totals and explanations.

use super::baseline::{duplicate_case, unknown_category, Averages, Baseline, Scope};
use super::exact::{bump, display_quotient, pow10, units_to_decimal, Exact};
use super::model::{Case, Component, Count, StandardConfig};
use crate::decimal::{Decimal, RoundingRule};
use crate::error::{join_path, Error, ErrorCode, Result};
use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

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

/// The page part of a plan: `Σ_k w_k p_k / a_k / W` as `Σ_k num_k p_k / den`.
#[derive(Debug, Clone)]
struct Factors {
    key: String,
    averages: [Decimal; 3],
    weights: [Decimal; 3],
    used: [bool; 3],
    weight_sum: Exact,
    num: [Exact; 3],
    den: Exact,
}

enum FactorsError {
    AllZero,
    Overflow,
}

fn factors(key: &str, weights: [Decimal; 3], averages: &Averages) -> std::result::Result<Factors, FactorsError> {
    let avg = averages.averages.as_array();
    let ex = |d: Decimal| Exact::from_decimal(d).ok_or(FactorsError::Overflow);
    let (w, a) = ([ex(weights[0])?, ex(weights[1])?, ex(weights[2])?], [ex(avg[0])?, ex(avg[1])?, ex(avg[2])?]);
    let used = [!a[0].is_zero(), !a[1].is_zero(), !a[2].is_zero()];
    let mut weight_sum = Exact::int(0);
    let mut product = Exact::one();
    for k in 0..3 {
        if used[k] {
            weight_sum = weight_sum.add(w[k]).ok_or(FactorsError::Overflow)?;
            product = product.mul(a[k]).ok_or(FactorsError::Overflow)?;
        }
    }
    if weight_sum.is_zero() {
        return Err(FactorsError::AllZero);
    }
    let mut num = [Exact::int(0); 3];
    for (k, slot) in num.iter_mut().enumerate() {
        if !used[k] {
            continue;
        }
        let mut term = w[k];
        for j in 0..3 {
            if j != k && used[j] {
                term = term.mul(a[j]).ok_or(FactorsError::Overflow)?;
            }
        }
        *slot = term;
    }
    let den = weight_sum.mul(product).ok_or(FactorsError::Overflow)?;
    let weights = weights.map(|w| w.normalize());
    Ok(Factors { key: key.to_string(), averages: avg, weights, used, weight_sum, num, den })
}

/// Everything needed to score one kind of case (type, category, procedure, complexity).
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    coefficients: Coefficients,
    factors: Option<Factors>,
    fixed: Option<Decimal>,
    /// `units = round(Σ m_k p_k / d)`, units of `10^-places`.
    m: [u128; 3],
    d: u128,
    m64: Option<[u64; 3]>,
    d64: Option<u64>,
    places: u32,
    mode: crate::decimal::Rounding,
}

impl Plan {
    /// Rounded units for page counts `p` (ignored for a fixed score).
    #[inline]
    pub(crate) fn units(&self, p: [u32; 3]) -> Option<u128> {
        let p = if self.fixed.is_some() { [1, 0, 0] } else { p };
        if let (Some(m), Some(d)) = (self.m64, self.d64) {
            let n = m[0]
                .checked_mul(u64::from(p[0]))
                .and_then(|a| m[1].checked_mul(u64::from(p[1])).and_then(|b| a.checked_add(b)))
                .and_then(|ab| m[2].checked_mul(u64::from(p[2])).and_then(|c| ab.checked_add(c)));
            if let Some(n) = n {
                if d == 0 {
                    return None;
                }
                return Some(bump(u128::from(n / d), u128::from(n % d), u128::from(d), self.mode));
            }
        }
        let n = self.numerator(p)?;
        if self.d == 0 {
            return None;
        }
        Some(bump(n / self.d, n % self.d, self.d, self.mode))
    }

    fn numerator(&self, p: [u32; 3]) -> Option<u128> {
        let mut n: u128 = 0;
        for (m, p) in self.m.iter().zip(p) {
            n = n.checked_add(m.checked_mul(u128::from(p))?)?;
        }
        Some(n)
    }

    fn explain(&self, p: [u32; 3], units: u128) -> Explanation {
        let c = &self.coefficients;
        let coef_text = format!("{} × {} × {} × {}", c.conversion, c.base_weight, c.procedure, c.complexity);
        let unrounded = self.numerator(if self.fixed.is_some() { [1, 0, 0] } else { p }).and_then(|n| {
            display_quotient(Exact { mant: n, scale: self.places }, Exact::int(self.d))
        });
        let rounded = units_to_decimal(units, self.places).unwrap_or_default();
        let tail = match unrounded {
            Some(u) => format!("{u} → {rounded}"),
            None => rounded.to_string(),
        };
        match (&self.factors, self.fixed) {
            (_, Some(fixed)) => Explanation {
                averages: None,
                components: Vec::new(),
                weight_sum: None,
                fixed: Some(fixed),
                coefficients: c.clone(),
                unrounded,
                formula: format!("{fixed} × {coef_text} = {tail}"),
            },
            (Some(f), None) => {
                let mut terms = Vec::new();
                let mut components = Vec::new();
                for (k, &component) in Component::ALL.iter().enumerate() {
                    components.push(ComponentTerm {
                        component,
                        pages: p[k],
                        average: f.averages[k],
                        weight: f.weights[k],
                        used: f.used[k],
                    });
                    if f.used[k] {
                        terms.push(format!("{} × {} / {}", f.weights[k], p[k], f.averages[k]));
                    }
                }
                let weight_sum = f.weight_sum.to_decimal().unwrap_or_default().normalize();
                let mut score = format!("({})", terms.join(" + "));
                if weight_sum != Decimal::ONE {
                    score = format!("{score} / {weight_sum}");
                }
                Explanation {
                    averages: Some(f.key.clone()),
                    components,
                    weight_sum: Some(weight_sum),
                    fixed: None,
                    coefficients: c.clone(),
                    unrounded,
                    formula: format!("{score} × {coef_text} = {tail}"),
                }
            }
            (None, None) => Explanation {
                averages: None,
                components: Vec::new(),
                weight_sum: None,
                fixed: None,
                coefficients: c.clone(),
                unrounded,
                formula: tail,
            },
        }
    }
}

/// A checked configuration and baseline, with plans cached per kind of case.
pub(crate) struct Scorer<'a> {
    config: &'a StandardConfig,
    baseline: &'a Baseline,
    digest: String,
    rule: RoundingRule,
    factors: BTreeMap<String, std::result::Result<Factors, ErrorCode>>,
    reported: BTreeSet<String>,
}

/// The fields of a case that choose its plan.
pub(crate) struct Kind<'c> {
    pub case_type: Option<&'c str>,
    pub category: Option<&'c str>,
    pub procedure: Option<&'c str>,
    pub complexity: Option<&'c str>,
}

impl<'a> Scorer<'a> {
    /// Check the configuration and the baseline (`None` is `MISSING_BASELINE`).
    pub(crate) fn new(config: &'a StandardConfig, baseline: Option<&'a Baseline>) -> Result<Scorer<'a>> {
        let mut problems = Vec::new();
        config.check("config", &mut problems);
        let Some(baseline) = baseline else {
            problems.push(Error::new(
                ErrorCode::MissingBaseline,
                "baseline",
                "a baseline is required: compute one with computeBaseline or write one by hand",
                "缺少基准：请用 computeBaseline 计算或手工填写",
            ));
            return Err(Error::collect(problems).unwrap_or_else(internal));
        };
        let digest = baseline.check("baseline", &mut problems);
        if let Some(e) = Error::collect(problems) {
            return Err(e);
        }
        let digest = digest.ok_or_else(internal)?;
        Ok(Scorer {
            config,
            baseline,
            digest,
            rule: config.rounding,
            factors: BTreeMap::new(),
            reported: BTreeSet::new(),
        })
    }

    pub(crate) fn baseline_ref(&self) -> BaselineRef {
        BaselineRef { year: self.baseline.year, scope: self.baseline.scope, digest: self.digest.clone() }
    }

    /// The plan for a kind of case; problems are pushed with paths under `path`.
    pub(crate) fn plan(&mut self, kind: &Kind<'_>, path: &str, problems: &mut Vec<Error>) -> Option<(Plan, Option<String>)> {
        let before = problems.len();
        let Some(type_name) = kind.case_type else {
            problems.push(Error::new(
                ErrorCode::InvalidInput,
                join_path(path, "caseType"),
                "the case type is required",
                "缺少案件类型",
            ));
            return None;
        };
        let config = self.config;
        let rule = config.case_types.get(type_name);
        if rule.is_none() {
            problems.push(missing_coefficient(&join_path(path, "caseType"), "case type", type_name));
        }
        let mut coefficient = |table: &BTreeMap<String, Decimal>, name: Option<&str>, field: &str, what: &str| match name {
            None => Decimal::ONE,
            Some(n) => match table.get(n) {
                Some(v) => *v,
                None => {
                    problems.push(missing_coefficient(&join_path(path, field), what, n));
                    Decimal::ONE
                }
            },
        };
        let procedure = coefficient(&config.procedures, kind.procedure, "procedure", "procedure");
        let complexity = coefficient(&config.complexity, kind.complexity, "complexity", "complexity class");
        let rule = rule?;
        let category = kind.category.map(str::to_string).or_else(|| rule.category.clone());
        let factors = if rule.fixed.is_some() {
            None
        } else {
            let key = match self.baseline.scope {
                Scope::Pooled => "pooled".to_string(),
                Scope::PerCategory => match &category {
                    None => {
                        problems.push(Error::new(
                            ErrorCode::UnknownCategory,
                            join_path(path, "category"),
                            format!("the baseline is per category, but neither the case nor its type '{type_name}' names a category"),
                            format!("基准按类别计算，但案件及其类型“{type_name}”均未指定类别"),
                        ));
                        return None;
                    }
                    Some(c) if !self.baseline.categories.contains_key(c) => {
                        let field = if kind.category.is_some() { "category" } else { "caseType" };
                        problems.push(unknown_category(&join_path(path, field), c));
                        return None;
                    }
                    Some(c) => c.clone(),
                },
            };
            match self.factors_for(&key, path, problems) {
                Some(f) => Some(f),
                None => return None,
            }
        };
        if problems.len() > before {
            return None;
        }
        let coefficients = Coefficients {
            conversion: rule.coefficient.normalize(),
            base_weight: rule.base_weight.normalize(),
            procedure: procedure.normalize(),
            complexity: complexity.normalize(),
        };
        match build_plan(coefficients, factors, rule.fixed.map(|f| f.normalize()), self.rule) {
            Some(plan) => Some((plan, category)),
            None => {
                problems.push(overflow(path));
                None
            }
        }
    }

    fn factors_for(&mut self, key: &str, path: &str, problems: &mut Vec<Error>) -> Option<Factors> {
        if !self.factors.contains_key(key) {
            let averages = if key == "pooled" { Some(&self.baseline.pooled) } else { self.baseline.categories.get(key) };
            let result = match averages {
                None => Err(ErrorCode::UnknownCategory),
                Some(a) => factors(key, self.baseline.weights.as_array(), a).map_err(|e| match e {
                    FactorsError::AllZero => ErrorCode::AllAveragesZero,
                    FactorsError::Overflow => ErrorCode::OutOfRange,
                }),
            };
            self.factors.insert(key.to_string(), result);
        }
        match self.factors.get(key) {
            Some(Ok(f)) => Some(f.clone()),
            Some(Err(ErrorCode::AllAveragesZero)) => {
                let p = if key == "pooled" { "baseline.pooled.averages".to_string() } else { format!("baseline.categories.{key}.averages") };
                if self.reported.insert(p.clone()) {
                    problems.push(Error::new(
                        ErrorCode::AllAveragesZero,
                        p,
                        format!("every weighted component of '{key}' has a zero average, so no page score can be formed"),
                        format!("“{key}”各有权重的组成部分平均页数均为 0，无法计算页数得分"),
                    ));
                }
                None
            }
            _ => {
                problems.push(overflow(path));
                None
            }
        }
    }
}

fn build_plan(coefficients: Coefficients, factors: Option<Factors>, fixed: Option<Decimal>, rule: RoundingRule) -> Option<Plan> {
    let c = &coefficients;
    let coef = [c.conversion, c.base_weight, c.procedure, c.complexity]
        .into_iter()
        .try_fold(Exact::one(), |acc, d| acc.mul(Exact::from_decimal(d)?))?;
    let (num, den) = match (&factors, fixed) {
        (_, Some(fixed)) => ([Exact::from_decimal(fixed)?, Exact::int(0), Exact::int(0)], Exact::one()),
        (Some(f), None) => (f.num, f.den),
        (None, None) => return None,
    };
    let num = [coef.mul(num[0])?, coef.mul(num[1])?, coef.mul(num[2])?];
    let s = num.iter().map(|n| n.scale).max().unwrap_or(0);
    let mut m = [num[0].at_scale(s)?, num[1].at_scale(s)?, num[2].at_scale(s)?];
    // units = Σ m_k p_k × 10^(den.scale + places - s) / den.mant
    let e = i64::from(den.scale) + i64::from(rule.places) - i64::from(s);
    let mut d = den.mant;
    if e >= 0 {
        let f = pow10(u32::try_from(e).ok()?)?;
        for x in m.iter_mut() {
            *x = x.checked_mul(f)?;
        }
    } else {
        d = d.checked_mul(pow10(u32::try_from(-e).ok()?)?)?;
    }
    // Every page count fits in u32, so three terms of m × p must fit in u128.
    let limit = u128::MAX / 3 / u128::from(u32::MAX);
    if m.iter().any(|x| *x > limit) || d == 0 {
        return None;
    }
    let m64 = match (u64::try_from(m[0]), u64::try_from(m[1]), u64::try_from(m[2])) {
        (Ok(a), Ok(b), Ok(c)) => Some([a, b, c]),
        _ => None,
    };
    Some(Plan {
        coefficients,
        factors,
        fixed,
        m,
        d,
        m64,
        d64: u64::try_from(d).ok(),
        places: rule.places,
        mode: rule.mode,
    })
}

fn missing_coefficient(path: &str, what: &str, name: &str) -> Error {
    Error::new(
        ErrorCode::MissingCoefficient,
        path,
        format!("{what} '{name}' has no coefficient in the configuration"),
        format!("配置中没有“{name}”的系数"),
    )
}

fn overflow(path: &str) -> Error {
    Error::new(
        ErrorCode::OutOfRange,
        path,
        "the numbers are too large to compute exactly",
        "数值过大，无法精确计算",
    )
}

fn internal() -> Error {
    Error::new(ErrorCode::Internal, "", "internal error in standard cases", "标准案件计算内部错误")
}

/// Sums of rounded units per key.
#[derive(Default)]
pub(crate) struct Tally {
    pub cases: u64,
    pub units: u128,
}

impl Tally {
    pub(crate) fn add(&mut self, units: u128) {
        self.cases += 1;
        // Saturates rather than wraps; a sum beyond 96 bits then fails in `dec`.
        self.units = self.units.saturating_add(units);
    }
}

/// Per-judge, per-department and grand totals of rounded case values: one
/// home for the tallies both standards (trial and enforcement) report.
#[derive(Default)]
pub(crate) struct Totals<'a> {
    judges: BTreeMap<&'a str, (Tally, Vec<String>)>,
    departments: BTreeMap<&'a str, (Tally, BTreeSet<&'a str>)>,
    total: Tally,
}

impl<'a> Totals<'a> {
    /// Count one case's rounded units.
    pub(crate) fn add(&mut self, id: &str, judge: Option<&'a str>, department: Option<&'a str>, units: u128) {
        self.total.add(units);
        if let Some(j) = judge {
            let entry = self.judges.entry(j).or_default();
            entry.0.add(units);
            entry.1.push(id.to_string());
        }
        if let Some(d) = department {
            let entry = self.departments.entry(d).or_default();
            entry.0.add(units);
            if let Some(j) = judge {
                entry.1.insert(j);
            }
        }
    }

    /// Judge totals, department totals, case count and grand total.
    pub(crate) fn finish(self, places: u32) -> Result<(Vec<JudgeTotal>, Vec<DepartmentTotal>, u64, Decimal)> {
        let judges = self
            .judges
            .into_iter()
            .map(|(j, (t, ids))| Ok(JudgeTotal { judge: j.to_string(), cases: t.cases, standard: dec(t.units, places)?, case_ids: ids }))
            .collect::<Result<_>>()?;
        let departments = self
            .departments
            .into_iter()
            .map(|(d, (t, js))| Ok(DepartmentTotal { department: d.to_string(), judges: js.len() as u64, cases: t.cases, standard: dec(t.units, places)? }))
            .collect::<Result<_>>()?;
        Ok((judges, departments, self.total.cases, dec(self.total.units, places)?))
    }
}

/// Units as a decimal; sums of rounded case values are exact.
pub(crate) fn dec(units: u128, places: u32) -> Result<Decimal> {
    units_to_decimal(units, places).ok_or_else(|| overflow(""))
}

/// A case kind as the key of the plan cache.
type KindKey<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>);

/// Score every case. Errors collect every problem of the batch.
pub fn standard_cases(input: StandardInput) -> Result<StandardOutput> {
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
    let columns = [("dossier", &input.dossier), ("transcript", &input.transcript), ("judgment", &input.judgment)];
    for (name, col) in columns {
        if col.values.len() != n {
            problems.push(length_mismatch(name, col.values.len(), n));
        }
        for (i, count) in &col.bad {
            if let Err(e) = count.check(&format!("{name}[{i}]")) {
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
        let units = plan.units([*d, *t, *j]).ok_or_else(|| overflow(&format!("kind[{i}]")))?;
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
