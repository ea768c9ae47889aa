//! Methods that score by declared breakpoints rather than population
//! statistics: in-range (two- or one-sided), piecewise and step scales.

use super::explain::{Flag, Term};
use super::methods::{Env, Outcome};
use crate::decimal::Decimal;
use crate::scoring::input::rule_set::{Method, OutsideRule};
use crate::scoring::number::arith::{add, div, mul, sub, MethodError};
use crate::scoring::number::raw::Raw;

/// Full marks inside the reference range (bounds included; a missing bound
/// leaves that side open: "at least min", "at most max"), the declared rule
/// outside it, `d` the distance to the nearer bound.
pub fn in_range(method: &Method, x: Decimal, env: &Env) -> std::result::Result<Outcome, MethodError> {
    let (lo, hi) = (method.min, method.max);
    let (range, inside_formula) = match (lo, hi) {
        (Some(lo), Some(hi)) => (format!("[{lo}, {hi}]"), "min ≤ x ≤ max: score = scale"),
        (Some(lo), None) => (format!("[{lo}, +∞)"), "x ≥ min: score = scale"),
        (None, Some(hi)) => (format!("(−∞, {hi}]"), "x ≤ max: score = scale"),
        (None, None) => return Err(MethodError::Internal("range missing")),
    };
    let below = lo.filter(|&lo| x < lo);
    let above = hi.filter(|&hi| x > hi);
    let distance = match (below, above) {
        (Some(lo), _) => sub(lo, x)?,
        (None, Some(hi)) => sub(x, hi)?,
        (None, None) => {
            let mut o = Outcome::new(env.scale, inside_formula).flag(Some(Flag::InRange));
            if env.detail {
                o.noted(format!("inside the reference range {range}"), format!("在参考区间 {range} 内"));
            }
            return Ok(o);
        }
    };
    let rule = method.outside.map(|o| o.rule).unwrap_or(OutsideRule::Zero);
    let (raw, formula) = match (rule, method.outside) {
        (OutsideRule::Fixed, Some(o)) => (o.score.unwrap_or(Decimal::ZERO), "outside: score = fixed score"),
        (OutsideRule::PerUnit, Some(o)) => {
            let lost = mul(o.per_unit.unwrap_or(Decimal::ZERO), distance)?;
            (sub(env.scale, lost)?.max(Decimal::ZERO), "outside: d = distance to the range; score = max(scale − perUnit × d, 0)")
        }
        _ => (Decimal::ZERO, "outside: score = 0"),
    };
    let mut o = Outcome::new(raw, formula).flag(Some(Flag::OutOfRange));
    if env.detail {
        o.steps.push(Term::new("d", distance));
        o.noted(format!("outside the reference range {range}"), format!("在参考区间 {range} 外"));
    }
    Ok(o)
}

/// Linear between breakpoints; `s₁` below the first, `sₙ + perUnitAbove × (x − xₙ)` from the last.
pub fn piecewise(method: &Method, x: Decimal, detail: bool) -> std::result::Result<Outcome, MethodError> {
    let points = &method.points;
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return Err(MethodError::Internal("no breakpoints"));
    };
    let name = |i: usize| points.get(i).and_then(|p| p.label.clone()).unwrap_or_else(|| format!("point {}", i + 1));
    let name_zh = |i: usize| points.get(i).and_then(|p| p.label.clone()).unwrap_or_else(|| format!("第 {} 个分段点", i + 1));
    if x < first.x {
        let mut o = Outcome::new(first.score, "x < x₁: score = s₁").flag(Some(Flag::BelowFirstPoint));
        if detail {
            o.noted(format!("below the first breakpoint ({} = {})", name(0), first.x), format!("低于第一个分段点（{} = {}）", name_zh(0), first.x));
        }
        return Ok(o);
    }
    if x >= last.x {
        let over = sub(x, last.x)?;
        let raw = add(last.score, mul(method.per_unit_above.unwrap_or(Decimal::ZERO), over)?)?;
        let mut o = Outcome::new(raw, "x ≥ xₙ: score = sₙ + perUnitAbove × (x − xₙ)").flag(Some(Flag::AboveLastPoint));
        if detail {
            o.steps.push(Term::new("over", over));
            let n = points.len() - 1;
            o.noted(format!("at or above the last breakpoint ({} = {})", name(n), last.x), format!("达到或超过最后一个分段点（{} = {}）", name_zh(n), last.x));
        }
        return Ok(o);
    }
    for (k, pair) in points.windows(2).enumerate() {
        let (Some(a), Some(b)) = (pair.first(), pair.get(1)) else { continue };
        if x >= a.x && x < b.x {
            let (dx, width) = (sub(x, a.x)?, sub(b.x, a.x)?);
            let raw = Raw::Ratio { base: Some(a.score), num: mul(sub(b.score, a.score)?, dx)?, den: width };
            let mut o = Outcome::of(raw, "t = (x − xₖ) / (xₖ₊₁ − xₖ); score = sₖ + (sₖ₊₁ − sₖ) × t");
            if detail {
                o.steps.push(Term::new("segment", Decimal::from(k as u64 + 1)));
                o.steps.push(Term::new("t", div(dx, width)?));
                o.noted(
                    format!("segment {}: {} = {} ≤ x < {} = {}", k + 1, name(k), a.x, name(k + 1), b.x),
                    format!("第 {} 段：{} = {} ≤ x < {} = {}", k + 1, name_zh(k), a.x, name_zh(k + 1), b.x),
                );
            }
            return Ok(o);
        }
    }
    Err(MethodError::Internal("no segment matched"))
}

/// A step scale: the score of the last step whose bound the value reaches
/// (`from`: `x ≥ from`; `over`: `x > over`), `scoreBelow` (default 0) below
/// the first. Bounds increase strictly, so the steps reached are a prefix.
pub fn steps(method: &Method, x: Decimal, detail: bool) -> std::result::Result<Outcome, MethodError> {
    let reached = method.steps.iter().take_while(|s| s.bound().is_some_and(|(b, inclusive)| if inclusive { x >= b } else { x > b })).count();
    let formula = "score = the score of the last step reached (from: x ≥ bound; over: x > bound); below the first: scoreBelow";
    let Some(k) = reached.checked_sub(1) else {
        let mut o = Outcome::new(method.score_below.unwrap_or(Decimal::ZERO), formula).flag(Some(Flag::BelowFirstStep));
        if detail {
            o.steps.push(Term::new("step", Decimal::ZERO));
            if let Some(first) = method.steps.first() {
                o.noted(format!("below the first step ({})", step_text(first, false)), format!("低于第一个阶梯（{}）", step_text(first, true)));
            }
        }
        return Ok(o);
    };
    let step = method.steps.get(k).ok_or(MethodError::Internal("no step"))?;
    let mut o = Outcome::new(step.score, formula);
    if detail {
        o.steps.push(Term::new("step", Decimal::from(k as u64 + 1)));
        o.noted(format!("step {}, {}", k + 1, step_text(step, false)), format!("第 {} 阶，{}", k + 1, step_text(step, true)));
    }
    Ok(o)
}

/// `x ≥ 3 → 60`, after the step's label when it has one (`zh`: with a Chinese colon).
fn step_text(step: &crate::scoring::input::rule_set::Step, zh: bool) -> String {
    let bound = match step.bound() {
        Some((b, true)) => format!("x ≥ {b}"),
        Some((b, false)) => format!("x > {b}"),
        None => String::new(),
    };
    match (&step.label, zh) {
        (Some(label), false) => format!("{label}: {bound} → {}", step.score),
        (Some(label), true) => format!("{label}：{bound} → {}", step.score),
        (None, _) => format!("{bound} → {}", step.score),
    }
}
