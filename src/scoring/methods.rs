//! Scoring methods, checked decimal arithmetic, the Decimal square root and
//! population statistics. No `f64` anywhere.

use super::explain::{Flag, Term};
use super::ruleset::{Direction, EdgeCases, Method, MethodKind, OutsideRule};
use crate::decimal::{round, Decimal, Rounding};
use crate::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};

/// Decimal places of recorded statistics (mean, standard deviation), half up.
pub const STAT_PLACES: u32 = 10;

fn overflow() -> Error {
    Error::new(
        ErrorCode::OutOfRange,
        "",
        "arithmetic overflow: a value is too large to score",
        "算术溢出：数值过大，无法计分",
    )
}

/// `a + b`, or an `OUT_OF_RANGE` error on overflow.
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(overflow)
}

/// `a − b`, or an `OUT_OF_RANGE` error on overflow.
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_sub(b).ok_or_else(overflow)
}

/// `a × b`, or an `OUT_OF_RANGE` error on overflow.
pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(overflow)
}

/// `a / b` for a non-zero `b` (callers declare the zero case first).
pub fn div(a: Decimal, b: Decimal) -> Result<Decimal> {
    crate::decimal::checked_div(a, b).ok_or_else(overflow)
}

/// Square root by Newton's iteration in Decimal, rounded half up to
/// [`STAT_PLACES`] places. Starts at `max(v, 1)` (above the root) and stops
/// when an iterate no longer decreases, so the result is the same on every
/// target.
pub fn sqrt(v: Decimal) -> Result<Decimal> {
    if v.is_zero() {
        return Ok(round(Decimal::ZERO, STAT_PLACES, Rounding::HalfUp));
    }
    if v.is_sign_negative() {
        return Err(Error::new(ErrorCode::Internal, "", "square root of a negative number", "负数开平方"));
    }
    let two = Decimal::TWO;
    let mut x = if v > Decimal::ONE { v } else { Decimal::ONE };
    for _ in 0..400 {
        let next = div(add(x, div(v, x)?)?, two)?;
        if next >= x {
            break;
        }
        x = next;
    }
    Ok(round(x, STAT_PLACES, Rounding::HalfUp))
}

/// Statistics of one indicator over a scored population.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Population {
    /// Zone (absent when the rule set has no zones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Indicator id.
    pub indicator: String,
    /// Number of judges.
    pub count: u32,
    /// Smallest value.
    pub min: Decimal,
    /// Largest value.
    pub max: Decimal,
    /// Mean, rounded half up to 10 places.
    pub mean: Decimal,
    /// Population standard deviation √(Σ(x − mean)² / n), 10 places.
    pub std_dev: Decimal,
}

/// Statistics of `values` (non-empty) for `indicator` in `zone`.
pub fn population(zone: Option<&str>, indicator: &str, values: &[Decimal]) -> Result<Option<Population>> {
    let (Some(&first), Ok(count)) = (values.first(), u32::try_from(values.len())) else {
        return Ok(None);
    };
    let n = Decimal::from(count);
    let (mut min, mut max, mut sum) = (first, first, Decimal::ZERO);
    for &v in values {
        min = min.min(v);
        max = max.max(v);
        sum = add(sum, v)?;
    }
    let mean = round(div(sum, n)?, STAT_PLACES, Rounding::HalfUp);
    let mut squares = Decimal::ZERO;
    for &v in values {
        let d = sub(v, mean)?;
        squares = add(squares, mul(d, d)?)?;
    }
    let variance = round(div(squares, n)?, STAT_PLACES, Rounding::HalfUp);
    Ok(Some(Population {
        zone: zone.map(str::to_string),
        indicator: indicator.to_string(),
        count,
        min,
        max,
        mean,
        std_dev: sqrt(variance)?,
    }))
}

/// What a method needs besides the value.
pub struct Env<'a> {
    /// Full marks of an indicator score.
    pub scale: Decimal,
    /// Declared degenerate outcomes.
    pub edge: &'a EdgeCases,
    /// Court baseline B (baseline method).
    pub baseline: Option<Decimal>,
    /// Expected share of the baseline for the judge's tier.
    pub share: Decimal,
    /// Population statistics (min-max, efficacy, z-score).
    pub population: Option<&'a Population>,
}

/// The result of a method before caps and rounding.
pub struct Outcome {
    /// Unrounded score.
    pub raw: Decimal,
    /// Formula in the symbols of `steps`.
    pub formula: &'static str,
    /// Intermediate values.
    pub steps: Vec<Term>,
    /// Notable facts.
    pub flags: Vec<Flag>,
    /// The rule applied, in words.
    pub note: Option<String>,
}

fn outcome(raw: Decimal, formula: &'static str, steps: Vec<Term>) -> Outcome {
    Outcome { raw, formula, steps, flags: Vec::new(), note: None }
}

/// Normalised position of `x` in `[min, max]` (reversed when lower is better).
fn position(x: Decimal, dir: Direction, p: &Population, edge: &EdgeCases, flags: &mut Vec<Flag>) -> Result<Decimal> {
    let range = sub(p.max, p.min)?;
    if range.is_zero() {
        flags.push(Flag::MinEqualsMax);
        return Ok(edge.min_equals_max);
    }
    let above = match dir {
        Direction::HigherIsBetter => sub(x, p.min)?,
        Direction::LowerIsBetter => sub(p.max, x)?,
    };
    div(above, range)
}

/// Score `x` by `method`. `env` must carry what the method needs (the
/// engine reports a missing baseline or population before calling).
pub fn evaluate(method: &Method, dir: Direction, x: Decimal, env: &Env) -> Result<Outcome> {
    let missing = || Error::new(ErrorCode::Internal, "", "method input missing", "计分方法缺少输入");
    match method.kind {
        MethodKind::Direct => Ok(outcome(x, "score = x", Vec::new())),
        MethodKind::Baseline => {
            let b = env.baseline.ok_or_else(missing)?;
            let expected = mul(b, env.share)?;
            let mut flags = Vec::new();
            let ratio = if expected.is_zero() {
                flags.push(Flag::ZeroBaseline);
                env.edge.zero_baseline
            } else {
                div(x, expected)?
            };
            let raw = mul(env.scale, ratio)?;
            let steps = vec![Term::new("E", expected), Term::new("ratio", ratio)];
            let mut o = outcome(raw, "E = B × share; ratio = x / E; score = scale × ratio", steps);
            o.flags = flags;
            Ok(o)
        }
        MethodKind::MinMax | MethodKind::Efficacy => {
            let p = env.population.ok_or_else(missing)?;
            let mut flags = Vec::new();
            let r = position(x, dir, p, env.edge, &mut flags)?;
            let (raw, formula) = if method.kind == MethodKind::MinMax {
                let f = match dir {
                    Direction::HigherIsBetter => "r = (x − min) / (max − min); score = scale × r",
                    Direction::LowerIsBetter => "r = (max − x) / (max − min); score = scale × r",
                };
                (mul(env.scale, r)?, f)
            } else {
                let base = method.base.unwrap_or(Decimal::from(60));
                let span = method.span.unwrap_or(Decimal::from(40));
                let f = match dir {
                    Direction::HigherIsBetter => "r = (x − min) / (max − min); score = base + span × r",
                    Direction::LowerIsBetter => "r = (max − x) / (max − min); score = base + span × r",
                };
                (add(base, mul(span, r)?)?, f)
            };
            let mut o = outcome(raw, formula, vec![Term::new("r", r)]);
            o.flags = flags;
            Ok(o)
        }
        MethodKind::ZScore => {
            let p = env.population.ok_or_else(missing)?;
            let center = method.center.unwrap_or(Decimal::from(50));
            let spread = method.spread.unwrap_or(Decimal::TEN);
            let mut flags = Vec::new();
            let z = if p.std_dev.is_zero() {
                flags.push(Flag::ZeroSpread);
                Decimal::ZERO
            } else {
                match dir {
                    Direction::HigherIsBetter => div(sub(x, p.mean)?, p.std_dev)?,
                    Direction::LowerIsBetter => div(sub(p.mean, x)?, p.std_dev)?,
                }
            };
            let formula = match dir {
                Direction::HigherIsBetter => "z = (x − mean) / sd; score = center + spread × z",
                Direction::LowerIsBetter => "z = (mean − x) / sd; score = center + spread × z",
            };
            let mut o = outcome(add(center, mul(spread, z)?)?, formula, vec![Term::new("z", z)]);
            o.flags = flags;
            Ok(o)
        }
        MethodKind::InRange => in_range(method, x, env),
        MethodKind::Piecewise => piecewise(method, x),
    }
}

fn in_range(method: &Method, x: Decimal, env: &Env) -> Result<Outcome> {
    let missing = || Error::new(ErrorCode::Internal, "", "range missing", "缺少参考区间");
    let (lo, hi) = (method.min.ok_or_else(missing)?, method.max.ok_or_else(missing)?);
    if x >= lo && x <= hi {
        let mut o = outcome(env.scale, "min ≤ x ≤ max: score = scale", Vec::new());
        o.flags.push(Flag::InRange);
        o.note = Some(format!("inside the reference range [{lo}, {hi}]"));
        return Ok(o);
    }
    let distance = if x < lo { sub(lo, x)? } else { sub(x, hi)? };
    let rule = method.outside.map(|o| o.rule).unwrap_or(OutsideRule::Zero);
    let (raw, formula) = match (rule, method.outside) {
        (OutsideRule::Fixed, Some(o)) => (o.score.unwrap_or(Decimal::ZERO), "outside: score = fixed score"),
        (OutsideRule::PerUnit, Some(o)) => {
            let lost = mul(o.per_unit.unwrap_or(Decimal::ZERO), distance)?;
            (sub(env.scale, lost)?.max(Decimal::ZERO), "outside: d = distance to the range; score = max(scale − perUnit × d, 0)")
        }
        _ => (Decimal::ZERO, "outside: score = 0"),
    };
    let mut o = outcome(raw, formula, vec![Term::new("d", distance)]);
    o.flags.push(Flag::OutOfRange);
    o.note = Some(format!("outside the reference range [{lo}, {hi}]"));
    Ok(o)
}

fn piecewise(method: &Method, x: Decimal) -> Result<Outcome> {
    let points = &method.points;
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return Err(Error::new(ErrorCode::Internal, "", "no breakpoints", "没有分段点"));
    };
    let name = |i: usize| points.get(i).and_then(|p| p.label.clone()).unwrap_or_else(|| format!("point {}", i + 1));
    if x < first.x {
        let mut o = outcome(first.score, "x < x₁: score = s₁", Vec::new());
        o.flags.push(Flag::BelowFirstPoint);
        o.note = Some(format!("below the first breakpoint ({} = {})", name(0), first.x));
        return Ok(o);
    }
    if x >= last.x {
        let per_unit = method.per_unit_above.unwrap_or(Decimal::ZERO);
        let over = sub(x, last.x)?;
        let raw = add(last.score, mul(per_unit, over)?)?;
        let mut o = outcome(raw, "x ≥ xₙ: score = sₙ + perUnitAbove × (x − xₙ)", vec![Term::new("over", over)]);
        o.flags.push(Flag::AboveLastPoint);
        o.note = Some(format!("at or above the last breakpoint ({} = {})", name(points.len() - 1), last.x));
        return Ok(o);
    }
    for (k, pair) in points.windows(2).enumerate() {
        let (Some(a), Some(b)) = (pair.first(), pair.get(1)) else { continue };
        if x >= a.x && x < b.x {
            let t = div(sub(x, a.x)?, sub(b.x, a.x)?)?;
            let raw = add(a.score, mul(sub(b.score, a.score)?, t)?)?;
            let steps = vec![Term::new("segment", Decimal::from(k as u64 + 1)), Term::new("t", t)];
            let mut o = outcome(raw, "t = (x − xₖ) / (xₖ₊₁ − xₖ); score = sₖ + (sₖ₊₁ − sₖ) × t", steps);
            o.note = Some(format!("segment {}: {} = {} ≤ x < {} = {}", k + 1, name(k), a.x, name(k + 1), b.x));
            return Ok(o);
        }
    }
    Err(Error::new(ErrorCode::Internal, "", "no segment matched", "没有匹配的分段"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn decimal_square_root_is_declared_to_ten_places() {
        assert_eq!(sqrt(d("100")).unwrap().to_string(), "10.0000000000");
        assert_eq!(sqrt(d("2")).unwrap().to_string(), "1.4142135624");
        assert_eq!(sqrt(d("0.000224")).unwrap().to_string(), "0.0149666295");
        assert_eq!(sqrt(d("0")).unwrap().to_string(), "0.0000000000");
        assert!(sqrt(d("-1")).is_err());
    }

    #[test]
    fn population_statistics() {
        let p = population(None, "x", &[d("40"), d("60"), d("40"), d("60")]).unwrap().unwrap();
        assert_eq!((p.count, p.min, p.max), (4, d("40"), d("60")));
        assert_eq!(p.mean.to_string(), "50.0000000000");
        assert_eq!(p.std_dev.to_string(), "10.0000000000");
        assert!(population(None, "x", &[]).unwrap().is_none());
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        assert_eq!(mul(Decimal::MAX, Decimal::TWO).unwrap_err().code, ErrorCode::OutOfRange);
        assert!(population(None, "x", &[Decimal::MAX, Decimal::MAX]).is_err());
    }
}
