//! Yearly targets in standard cases: one basic target per judge, department
//! targets as judges × the basic target, months, revision and progress.

use super::totals::dec;
use super::exact::{bump, ratio_units, Exact};
use super::model::{non_negative, one};
use super::weeks::{split_by_week, weeks_of, Week};
use crate::decimal::{Decimal, RoundingRule};
use crate::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Last year's figures.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LastYear {
    /// Standard cases closed per judge last year. If absent, it is
    /// `totalStandard / judges`, rounded by the rule.
    #[serde(default)]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub per_judge_average: Option<Decimal>,
    /// Standard cases closed by the court last year.
    #[serde(default)]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub total_standard: Option<Decimal>,
    /// Judges last year.
    #[serde(default)]
    pub judges: Option<u32>,
    /// Cases received last year.
    pub intake: u64,
}

/// A department and its judges.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TargetDepartment {
    /// Department id.
    pub id: String,
    /// Its judges.
    pub judges: Vec<String>,
}

/// A revision after intake changed during the year.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Revision {
    /// Months 1..=afterMonth keep their targets (1..=11).
    pub after_month: u32,
    /// Cases received in months 1..=afterMonth.
    pub intake_to_date: u64,
    /// Cases now expected in the remaining months.
    pub expected_intake_rest: u64,
}

/// Actual standard cases to date.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Progress {
    /// Last month covered (1..=12).
    pub through_month: u32,
    /// Standard cases closed so far, per judge (judges not listed: 0).
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub actual: BTreeMap<String, Decimal>,
}

/// Input of `standardTargets`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TargetsInput {
    /// Places and rule (default 2, half-up).
    #[serde(default)]
    pub rounding: RoundingRule,
    /// The target year (label only).
    #[serde(default)]
    pub year: Option<u32>,
    /// Last year's figures.
    pub last_year: LastYear,
    /// Cases expected this year.
    pub expected_intake: u64,
    /// The yearly goal as a factor on last year's output (default 1; 1.05 = 5% more).
    #[serde(default = "one")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub goal: Decimal,
    /// Twelve non-negative month weights (e.g. last year's monthly intake);
    /// default equal months.
    #[serde(default)]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub monthly_profile: Option<Vec<Decimal>>,
    /// Departments and their judges.
    pub departments: Vec<TargetDepartment>,
    /// Recompute after an intake change.
    #[serde(default)]
    pub revision: Option<Revision>,
    /// Progress to date.
    #[serde(default)]
    pub progress: Option<Progress>,
    /// Also split each month over its weeks (needs `year`).
    #[serde(default)]
    pub weekly: bool,
}

/// Progress against a target.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgressInfo {
    /// Last month covered.
    pub through_month: u32,
    /// Standard cases closed so far.
    pub actual: Decimal,
    /// Sum of the monthly targets through `throughMonth`.
    pub target_to_date: Decimal,
    /// actual / yearly target × 100, rounded; null when the target is 0.
    pub percent_of_target: Option<Decimal>,
    /// actual / target to date × 100, rounded; null when that target is 0.
    pub percent_to_date: Option<Decimal>,
    /// Yearly target − actual, at least 0.
    pub remaining: Decimal,
}

/// A judge's target.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JudgeTarget {
    /// Judge.
    pub judge: String,
    /// Department.
    pub department: String,
    /// Yearly target (the basic target).
    pub target: Decimal,
    /// Monthly targets.
    pub monthly: Vec<Decimal>,
    /// Weekly targets, in the order of the output's `weeks`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekly: Option<Vec<Decimal>>,
    /// Progress, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<ProgressInfo>,
}

/// A department's target.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentTarget {
    /// Department.
    pub department: String,
    /// Number of judges.
    pub judges: u64,
    /// judges × the basic target.
    pub target: Decimal,
    /// judges × each monthly basic target.
    pub monthly: Vec<Decimal>,
    /// judges × each weekly basic target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekly: Option<Vec<Decimal>>,
    /// Progress (sum of its judges' actual), when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<ProgressInfo>,
}

/// The target before a revision.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OriginalTarget {
    /// Expected intake then.
    pub expected_intake: u64,
    /// Basic target then.
    pub basic_target: Decimal,
    /// Months then.
    pub monthly: Vec<Decimal>,
}

/// What a revision did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RevisionInfo {
    /// Months kept.
    pub after_month: u32,
    /// Intake to date.
    pub intake_to_date: u64,
    /// Intake expected in the remaining months.
    pub expected_intake_rest: u64,
    /// `round(average × goal × revised intake / last intake)`.
    pub recomputed_target: Decimal,
    /// Sum of the kept months.
    pub kept: Decimal,
    /// True when the recomputed target is below the kept months, so the
    /// remaining months are 0 and the year's target is the kept sum.
    pub clamped: bool,
}

/// Output of `standardTargets`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetsOutput {
    /// Places and rule.
    pub rounding: RoundingRule,
    /// Year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u32>,
    /// Last year's standard cases per judge.
    pub per_judge_average_last_year: Decimal,
    /// Last year's intake.
    pub last_year_intake: u64,
    /// Expected intake (revised, after a revision).
    pub expected_intake: u64,
    /// Goal factor.
    pub goal: Decimal,
    /// The yearly basic target, the same for every judge.
    pub basic_target: Decimal,
    /// The basic target by month (sums exactly to `basicTarget`).
    pub monthly: Vec<Decimal>,
    /// The weeks of the year, clipped to their months (with `weekly`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weeks: Option<Vec<Week>>,
    /// The basic target by week (each month's weeks sum exactly to its target).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekly: Option<Vec<Decimal>>,
    /// The target before the revision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<OriginalTarget>,
    /// The revision applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<RevisionInfo>,
    /// Per judge, in department order.
    pub judges: Vec<JudgeTarget>,
    /// Per department, in input order.
    pub departments: Vec<DepartmentTarget>,
}

fn err(code: ErrorCode, path: &str, en: impl Into<String>, zh: impl Into<String>) -> Error {
    Error::new(code, path, en, zh)
}

fn overflow(path: &str) -> Error {
    err(ErrorCode::OutOfRange, path, "the numbers are too large to compute exactly", "数值过大，无法精确计算")
}

/// Split `total` units over months by cumulative rounding:
/// `month_i = round(total × W_i / W) − round(total × W_{i−1} / W)`.
pub(super) fn split(total: u128, weights: &[Exact], rule: RoundingRule) -> Option<Vec<u128>> {
    let equal = weights.iter().all(|w| w.is_zero());
    let weights: Vec<Exact> = if equal { weights.iter().map(|_| Exact::one()).collect() } else { weights.to_vec() };
    let s = weights.iter().map(|w| w.scale).max().unwrap_or(0);
    let ints: Vec<u128> = weights.iter().map(|w| w.at_scale(s)).collect::<Option<_>>()?;
    let sum: u128 = ints.iter().try_fold(0u128, |a, b| a.checked_add(*b))?;
    let mut out = Vec::with_capacity(ints.len());
    let (mut cum, mut prev) = (0u128, 0u128);
    for w in ints {
        cum = cum.checked_add(w)?;
        let n = total.checked_mul(cum)?;
        let c = bump(n / sum, n % sum, sum, rule.mode);
        out.push(c.checked_sub(prev)?);
        prev = c;
    }
    Some(out)
}

fn exact(d: Decimal) -> Option<Exact> {
    Exact::from_decimal(d)
}

/// Compute the yearly and monthly targets, a revision and progress.
pub fn standard_targets(input: TargetsInput) -> Result<TargetsOutput> {
    let judges = input.departments.iter().map(|d| d.judges.len().max(1)).sum::<usize>();
    crate::limits::check_count("departments", "judges (departments without judges count as one)", "法官（无法官的部门计为一名）", judges, crate::limits::STANDARD_JUDGES)?;
    let rule = input.rounding;
    let mut problems = Vec::new();
    rule.validate("rounding")?;
    non_negative(input.goal, "goal", &mut problems);
    if input.last_year.intake == 0 {
        problems.push(err(ErrorCode::OutOfRange, "lastYear.intake", "last year's intake must be more than 0", "上年收案数必须大于 0"));
    }
    let average = match (&input.last_year.per_judge_average, &input.last_year.total_standard, input.last_year.judges) {
        (Some(a), _, _) => {
            non_negative(*a, "lastYear.perJudgeAverage", &mut problems);
            Some(*a)
        }
        (None, Some(_), Some(0)) => {
            problems.push(err(ErrorCode::OutOfRange, "lastYear.judges", "last year's judges must be more than 0", "上年法官人数必须大于 0"));
            None
        }
        (None, Some(total), Some(judges)) => {
            non_negative(*total, "lastYear.totalStandard", &mut problems);
            exact(*total).and_then(|t| ratio_units(t, Exact::int(u128::from(judges)), rule)).and_then(|u| dec(u, rule.places).ok())
        }
        _ => {
            problems.push(err(
                ErrorCode::InvalidInput,
                "lastYear",
                "give lastYear.perJudgeAverage, or lastYear.totalStandard and lastYear.judges",
                "请提供 lastYear.perJudgeAverage，或 lastYear.totalStandard 与 lastYear.judges",
            ));
            None
        }
    };
    let profile: Vec<Exact> = match &input.monthly_profile {
        None => vec![Exact::one(); 12],
        Some(p) => {
            if p.len() != 12 {
                problems.push(err(ErrorCode::InvalidInput, "monthlyProfile", format!("the monthly profile needs 12 entries, not {}", p.len()), format!("月度分布需要 12 项，而不是 {} 项", p.len())));
            }
            for (i, v) in p.iter().enumerate() {
                non_negative(*v, &format!("monthlyProfile[{i}]"), &mut problems);
            }
            if p.iter().all(|v| v.is_zero()) && p.len() == 12 {
                problems.push(err(ErrorCode::OutOfRange, "monthlyProfile", "the monthly profile must not be all zero", "月度分布不能全为 0"));
            }
            p.iter().map(|v| exact(*v).unwrap_or(Exact::int(0))).collect()
        }
    };
    let mut seen_departments = BTreeSet::new();
    let mut judge_department: BTreeMap<&str, &str> = BTreeMap::new();
    for (i, d) in input.departments.iter().enumerate() {
        if !seen_departments.insert(d.id.as_str()) {
            problems.push(err(ErrorCode::DuplicateId, &format!("departments[{i}].id"), format!("department '{}' is listed twice", d.id), format!("部门“{}”重复", d.id)));
        }
        for (j, judge) in d.judges.iter().enumerate() {
            if judge_department.insert(judge.as_str(), d.id.as_str()).is_some() {
                problems.push(err(ErrorCode::DuplicateId, &format!("departments[{i}].judges[{j}]"), format!("judge '{judge}' is listed more than once"), format!("法官“{judge}”重复列出")));
            }
        }
    }
    if let Some(r) = &input.revision {
        if !(1..=11).contains(&r.after_month) {
            problems.push(err(ErrorCode::OutOfRange, "revision.afterMonth", "afterMonth must be from 1 to 11", "afterMonth 必须在 1 到 11 之间"));
        }
    }
    let weeks = match (input.weekly, input.year) {
        (false, _) => None,
        (true, Some(year)) if (1970..=9999).contains(&year) => weeks_of(year),
        (true, Some(_)) => {
            problems.push(err(ErrorCode::OutOfRange, "year", "weekly targets need a year from 1970 to 9999", "按周分解需要 1970 至 9999 之间的年度"));
            None
        }
        (true, None) => {
            problems.push(err(ErrorCode::InvalidInput, "year", "weekly targets need the year, to know its weeks", "按周分解需要填写年度，以确定各周的日期"));
            None
        }
    };
    if let Some(p) = &input.progress {
        if !(1..=12).contains(&p.through_month) {
            problems.push(err(ErrorCode::OutOfRange, "progress.throughMonth", "throughMonth must be from 1 to 12", "throughMonth 必须在 1 到 12 之间"));
        }
        for (judge, v) in &p.actual {
            let path = format!("progress.actual.{judge}");
            if !judge_department.contains_key(judge.as_str()) {
                problems.push(err(ErrorCode::UnknownJudge, &path, format!("judge '{judge}' is in no department"), format!("法官“{judge}”不属于任何部门")));
            }
            non_negative(*v, &path, &mut problems);
        }
    }
    if let Some(e) = Error::collect(problems) {
        return Err(e);
    }
    let average = average.ok_or_else(|| overflow("lastYear"))?;
    let intake = Exact::int(u128::from(input.last_year.intake));
    let target_for = |expected: u64| -> Option<u128> {
        let num = exact(average)?.mul(exact(input.goal)?)?.mul(Exact::int(u128::from(expected)))?;
        ratio_units(num, intake, rule)
    };
    let original = target_for(input.expected_intake).ok_or_else(|| overflow("expectedIntake"))?;
    let original_months = split(original, &profile, rule).ok_or_else(|| overflow("monthlyProfile"))?;
    let (basic, months, revision_info, expected, original_out) = match &input.revision {
        None => (original, original_months, None, input.expected_intake, None),
        Some(r) => {
            let revised_intake = r.intake_to_date.saturating_add(r.expected_intake_rest);
            let recomputed = target_for(revised_intake).ok_or_else(|| overflow("revision"))?;
            let a = r.after_month as usize;
            let kept: Vec<u128> = original_months.iter().take(a).copied().collect();
            let kept_sum: u128 = kept.iter().sum();
            let clamped = recomputed < kept_sum;
            let rest_total = recomputed.saturating_sub(kept_sum);
            let rest_weights: Vec<Exact> = profile.iter().skip(a).copied().collect();
            let rest = split(rest_total, &rest_weights, rule).ok_or_else(|| overflow("revision"))?;
            let mut months = kept;
            months.extend(rest);
            let info = RevisionInfo {
                after_month: r.after_month,
                intake_to_date: r.intake_to_date,
                expected_intake_rest: r.expected_intake_rest,
                recomputed_target: dec(recomputed, rule.places)?,
                kept: dec(kept_sum, rule.places)?,
                clamped,
            };
            let orig = OriginalTarget {
                expected_intake: input.expected_intake,
                basic_target: dec(original, rule.places)?,
                monthly: original_months.iter().map(|u| dec(*u, rule.places)).collect::<Result<_>>()?,
            };
            (kept_sum + rest_total, months, Some(info), revised_intake, Some(orig))
        }
    };
    let places = rule.places;
    let week_units = match &weeks {
        Some(w) => Some(split_by_week(&months, w, rule).ok_or_else(|| overflow("weekly"))?),
        None => None,
    };
    let times = |units: &[u128], n: u128| -> Result<Vec<Decimal>> {
        units.iter().map(|u| u.checked_mul(n).ok_or_else(|| overflow("departments")).and_then(|v| dec(v, places))).collect()
    };
    let scaled = |n: u128| -> Result<(Decimal, Vec<Decimal>, Option<Vec<Decimal>>)> {
        let t = basic.checked_mul(n).ok_or_else(|| overflow("departments"))?;
        let weekly = week_units.as_deref().map(|w| times(w, n)).transpose()?;
        Ok((dec(t, places)?, times(&months, n)?, weekly))
    };
    let progress_of = |actual: Decimal, n: u128| -> Result<Option<ProgressInfo>> {
        let Some(p) = &input.progress else { return Ok(None) };
        let to_date = months
            .iter()
            .take(p.through_month as usize)
            .sum::<u128>()
            .checked_mul(n)
            .ok_or_else(|| overflow("progress"))?;
        let year = basic.checked_mul(n).ok_or_else(|| overflow("progress"))?;
        let act = exact(actual).ok_or_else(|| overflow("progress"))?;
        let percent = |units: u128| -> Result<Option<Decimal>> {
            if units == 0 {
                return Ok(None);
            }
            let num = act.mul(Exact::int(100)).ok_or_else(|| overflow("progress"))?;
            let den = Exact { mant: units, scale: places };
            let u = ratio_units(num, den, rule).ok_or_else(|| overflow("progress"))?;
            Ok(Some(dec(u, places)?))
        };
        let year_exact = Exact { mant: year, scale: places };
        let remaining = match year_exact.sub(act) {
            Some(r) => r.to_decimal().map(|d| crate::decimal::round(d, places, rule.mode)).ok_or_else(|| overflow("progress"))?,
            None => crate::decimal::round(Decimal::ZERO, places, rule.mode),
        };
        Ok(Some(ProgressInfo {
            through_month: p.through_month,
            actual,
            target_to_date: dec(to_date, places)?,
            percent_of_target: percent(year)?,
            percent_to_date: percent(to_date)?,
            remaining,
        }))
    };
    let actual_of = |judge: &str| -> Decimal {
        input.progress.as_ref().and_then(|p| p.actual.get(judge).copied()).unwrap_or(Decimal::ZERO)
    };
    let mut judges = Vec::new();
    let mut departments = Vec::new();
    for d in &input.departments {
        let n = d.judges.len() as u128;
        let (target, monthly, weekly) = scaled(n)?;
        let mut dept_actual = Decimal::ZERO;
        for j in &d.judges {
            let a = actual_of(j);
            dept_actual = dept_actual.checked_add(a).ok_or_else(|| overflow("progress"))?;
            let (t, m, w) = scaled(1)?;
            judges.push(JudgeTarget { judge: j.clone(), department: d.id.clone(), target: t, monthly: m, weekly: w, progress: progress_of(a, 1)? });
        }
        departments.push(DepartmentTarget {
            department: d.id.clone(),
            judges: n as u64,
            target,
            monthly,
            weekly,
            progress: progress_of(dept_actual, n)?,
        });
    }
    Ok(TargetsOutput {
        rounding: rule,
        year: input.year,
        per_judge_average_last_year: average,
        last_year_intake: input.last_year.intake,
        expected_intake: expected,
        goal: input.goal.normalize(),
        basic_target: dec(basic, places)?,
        monthly: months.iter().map(|u| dec(*u, places)).collect::<Result<_>>()?,
        weekly: week_units.as_deref().map(|w| times(w, 1)).transpose()?,
        weeks,
        original: original_out,
        revision: revision_info,
        judges,
        departments,
    })
}
