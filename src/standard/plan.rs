//! How one kind of case is scored: the checked configuration and baseline
//! ([`Scorer`]) and, per kind, a [`Plan`] of exact integer factors that turns
//! page counts into rounded units and explains them.

use super::compute::{BaselineRef, Coefficients, ComponentTerm, Explanation};
use super::baseline::{unknown_category, Averages, Baseline, Scope};
use super::exact::{bump, display_quotient, pow10, units_to_decimal, Exact};
use super::model::{Component, StandardConfig};
use crate::decimal::{Decimal, RoundingRule};
use crate::error::{join_path, Error, ErrorCode, Result};
use std::collections::{BTreeMap, BTreeSet};

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
    pub(crate) fixed: Option<Decimal>,
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

    pub(crate) fn explain(&self, p: [u32; 3], units: u128) -> Explanation {
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
    pub(crate) rule: RoundingRule,
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
                "缺少基准：请由上年结案计算基准，或手工填写",
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

pub(crate) fn overflow(path: &str) -> Error {
    Error::new(
        ErrorCode::OutOfRange,
        path,
        "the numbers are too large to compute exactly",
        "数值过大，无法精确计算",
    )
}

pub(crate) fn internal() -> Error {
    Error::new(ErrorCode::Internal, "", "internal error in standard cases", "标准案件计算内部错误")
}
