//! Scoring methods, checked decimal arithmetic, the Decimal square root and
//! population statistics. No `f64` anywhere.

use super::explain::{Flag, Term};
use crate::scoring::input::rule_set::{Direction, EdgeCases, Method, MethodKind};
use crate::scoring::input::snapshot::Population;
use crate::scoring::number::arith::{add, div, mul, sub, MethodError, Overflow};
use crate::scoring::number::raw::Raw;
use crate::decimal::{round, Decimal, Rounding};
use crate::error::{Error, ErrorCode, Result};

/// Decimal places of recorded statistics (mean, standard deviation), half up.
pub const STAT_PLACES: u32 = 10;

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

/// Statistics of `values` (non-empty) for `indicator` in `zone` (and `tier`).
pub fn population(zone: Option<&str>, tier: Option<&str>, indicator: &str, values: &[Decimal]) -> Result<Option<Population>> {
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
    let squares = match squares_in_integers(values, mean) {
        Some(squares) => squares,
        None => {
            let mut squares = Decimal::ZERO;
            for &v in values {
                let d = sub(v, mean)?;
                squares = add(squares, mul(d, d)?)?;
            }
            squares
        }
    };
    let variance = round(div(squares, n)?, STAT_PLACES, Rounding::HalfUp);
    Ok(Some(Population {
        zone: zone.map(str::to_string),
        tier: tier.map(str::to_string),
        indicator: indicator.to_string(),
        count,
        min,
        max,
        mean,
        std_dev: sqrt(variance)?,
    }))
}

/// `Σ (v − mean)²` as the Decimal loop in [`population`] computes it, in
/// integers: each `v − mean` counted in units of 10⁻¹⁰ (the mean's places),
/// squared and summed exactly. The Decimal loop is exact too while the sum
/// fits in 96 bits (its terms are not negative, so every partial sum does
/// as well), and then gives this value at 20 places. `None` (the Decimal
/// loop decides) for wider sums, values with more than 10 places, or a
/// zero sum (whose places the loop leaves as they fall).
fn squares_in_integers(values: &[Decimal], mean: Decimal) -> Option<Decimal> {
    if mean.scale() != STAT_PLACES {
        return None;
    }
    let m = crate::decimal::mantissa_i64(mean)?;
    let mut sum: i128 = 0;
    for &v in values {
        let widen = *crate::decimal::POWERS_OF_TEN_I64.get(usize::try_from(STAT_PLACES.checked_sub(v.scale())?).ok()?)?;
        let d = crate::decimal::mantissa_i64(v)?.checked_mul(widen)?.checked_sub(m)?;
        sum = sum.checked_add(i128::from(d) * i128::from(d))?;
    }
    (sum != 0 && sum < 1 << 96).then(|| Decimal::from_i128_with_scale(sum, 2 * STAT_PLACES))
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
    /// Whether to record intermediate values and notes.
    pub detail: bool,
}

/// The result of a method before caps and rounding.
pub struct Outcome {
    /// Unrounded score.
    pub raw: Raw,
    /// Formula in the symbols of `steps`.
    pub formula: &'static str,
    /// Intermediate values (only with `detail`).
    pub steps: Vec<Term>,
    /// Notable facts.
    pub flag: Option<Flag>,
    /// The rule applied, in words (only with `detail`).
    pub note: Option<String>,
    /// The same in Chinese.
    pub note_zh: Option<String>,
}

impl Outcome {
    pub(super) fn new(raw: Decimal, formula: &'static str) -> Self {
        Outcome::of(Raw::Value(raw), formula)
    }
    pub(super) fn of(raw: Raw, formula: &'static str) -> Self {
        Outcome { raw, formula, steps: Vec::new(), flag: None, note: None, note_zh: None }
    }
    pub(super) fn noted(&mut self, en: String, zh: String) {
        self.note = Some(en);
        self.note_zh = Some(zh);
    }
    pub(super) fn flag(mut self, flag: Option<Flag>) -> Self {
        self.flag = flag;
        self
    }
}

/// `scale × part / whole` (multiplied first, so a value is divided once),
/// or the declared `r` when `whole` is zero.
fn share_of(scale: Decimal, part: Decimal, whole: Decimal, declared: Decimal, flag: Flag) -> std::result::Result<(Raw, Option<Flag>), Overflow> {
    if whole.is_zero() {
        Ok((Raw::Value(mul(scale, declared)?), Some(flag)))
    } else {
        Ok((Raw::Ratio { base: None, num: mul(scale, part)?, den: whole }, None))
    }
}

/// Score `x` by `method`. `env` must carry what the method needs (the
/// engine reports a missing baseline or population before calling).
/// Products are formed before the one division, so scores carry no
/// intermediate quotient rounding; `r`, `z`, `t` and `ratio` are shown as
/// steps when `env.detail`.
pub fn evaluate(method: &Method, dir: Direction, x: Decimal, env: &Env) -> std::result::Result<Outcome, MethodError> {
    let missing = || MethodError::Internal("method input missing");
    let lower = dir == Direction::LowerIsBetter;
    let step = |o: &mut Outcome, name: &'static str, num: Decimal, den: Decimal| -> std::result::Result<(), Overflow> {
        if env.detail && !den.is_zero() {
            o.steps.push(Term::new(name, div(num, den)?));
        }
        Ok(())
    };
    match method.kind {
        MethodKind::Direct => Ok(Outcome::new(x, "score = x")),
        MethodKind::Baseline => {
            let expected = mul(env.baseline.ok_or_else(missing)?, env.share)?;
            let (raw, flag) = share_of(env.scale, x, expected, env.edge.zero_baseline, Flag::ZeroBaseline)?;
            let mut o = Outcome::of(raw, "E = B × share; ratio = x / E; score = scale × ratio").flag(flag);
            if env.detail {
                o.steps.push(Term::new("E", expected));
            }
            step(&mut o, "ratio", x, expected)?;
            Ok(o)
        }
        MethodKind::Efficacy if method.satisfactory.is_some() => {
            // 功效系数法 with fixed bounds: r = (x − unallowed) / (satisfactory − unallowed),
            // whose signs carry the direction (validated against the indicator's).
            let (sat, unallowed) = (method.satisfactory.ok_or_else(missing)?, method.unallowed.ok_or_else(missing)?);
            let (above, range) = (sub(x, unallowed)?, sub(sat, unallowed)?);
            let base = method.base.unwrap_or(Decimal::from(60));
            let span = method.span.unwrap_or(Decimal::from(40));
            let raw = Raw::Ratio { base: Some(base), num: mul(span, above)?, den: range };
            let mut o = Outcome::of(raw, "r = (x − unallowed) / (satisfactory − unallowed); score = base + span × r");
            step(&mut o, "r", above, range)?;
            Ok(o)
        }
        MethodKind::MinMax | MethodKind::Efficacy => {
            let p = env.population.ok_or_else(missing)?;
            let range = sub(p.max, p.min)?;
            let above = if lower { sub(p.max, x)? } else { sub(x, p.min)? };
            let formula = match (method.kind == MethodKind::MinMax, lower) {
                (true, false) => "r = (x − min) / (max − min); score = scale × r",
                (true, true) => "r = (max − x) / (max − min); score = scale × r",
                (false, false) => "r = (x − min) / (max − min); score = base + span × r",
                (false, true) => "r = (max − x) / (max − min); score = base + span × r",
            };
            let (raw, flag) = if method.kind == MethodKind::MinMax {
                share_of(env.scale, above, range, env.edge.min_equals_max, Flag::MinEqualsMax)?
            } else {
                let base = method.base.unwrap_or(Decimal::from(60));
                let span = method.span.unwrap_or(Decimal::from(40));
                let (part, flag) = share_of(span, above, range, env.edge.min_equals_max, Flag::MinEqualsMax)?;
                (part.plus(base)?, flag)
            };
            let mut o = Outcome::of(raw, formula).flag(flag);
            match (flag, env.detail) {
                (Some(_), true) => o.steps.push(Term::new("r", env.edge.min_equals_max)),
                _ => step(&mut o, "r", above, range)?,
            }
            Ok(o)
        }
        MethodKind::ZScore => {
            let p = env.population.ok_or_else(missing)?;
            let center = method.center.unwrap_or(Decimal::from(50));
            let spread = method.spread.unwrap_or(Decimal::TEN);
            let dev = if lower { sub(p.mean, x)? } else { sub(x, p.mean)? };
            let (part, flag) = share_of(spread, dev, p.std_dev, Decimal::ZERO, Flag::ZeroSpread)?;
            let formula = if lower {
                "z = (mean − x) / sd; score = center + spread × z"
            } else {
                "z = (x − mean) / sd; score = center + spread × z"
            };
            let mut o = Outcome::of(part.plus(center)?, formula).flag(flag);
            match (flag, env.detail) {
                (Some(_), true) => o.steps.push(Term::new("z", Decimal::ZERO)),
                _ => step(&mut o, "z", dev, p.std_dev)?,
            }
            Ok(o)
        }
        MethodKind::InRange => super::scales::in_range(method, x, env),
        MethodKind::Piecewise => super::scales::piecewise(method, x, env.detail),
        MethodKind::Steps => super::scales::steps(method, x, env.detail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::number::arith::percent;

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
        let p = population(None, None, "x", &[d("40"), d("60"), d("40"), d("60")]).unwrap().unwrap();
        assert_eq!((p.count, p.min, p.max), (4, d("40"), d("60")));
        assert_eq!(p.mean.to_string(), "50.0000000000");
        assert_eq!(p.std_dev.to_string(), "10.0000000000");
        assert!(population(None, None, "x", &[]).unwrap().is_none());
    }

    #[test]
    fn squares_in_integers_match_the_decimal_loop() {
        let mut state: u64 = 3;
        let mut next = move |m: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) % m
        };
        let mut checked = 0;
        for case in 0..300 {
            let places = (case % 5) as u32;
            let values: Vec<Decimal> = (0..1 + next(200))
                .map(|_| Decimal::from_i128_with_scale(i128::from(next(2_000) as i64 - 700), (next(u64::from(places) + 1)) as u32))
                .collect();
            let sum = values.iter().try_fold(Decimal::ZERO, |a, &v| add(a, v)).unwrap();
            let mean = round(div(sum, Decimal::from(values.len())).unwrap(), STAT_PLACES, Rounding::HalfUp);
            let mut want = Decimal::ZERO;
            for &v in &values {
                let d = sub(v, mean).unwrap();
                want = add(want, mul(d, d).unwrap()).unwrap();
            }
            if let Some(got) = squares_in_integers(&values, mean) {
                assert_eq!(got.serialize(), want.serialize(), "{values:?}");
                checked += 1;
            }
        }
        assert!(checked > 250, "{checked}");
        // Too many places, and a zero sum, are left to the Decimal loop.
        assert_eq!(squares_in_integers(&[d("1.00000000001")], d("1.0000000000")), None);
        assert_eq!(squares_in_integers(&[d("2"), d("2")], d("2.0000000000")), None);
    }

    #[test]
    fn percent_is_division_by_a_hundred() {
        for v in ["1600", "92.5", "-3.25", "0", "0.0000000000000000000000001", "79228162514264337593543950335", "12.3456789012345678901234567"] {
            let (a, b) = (percent(d(v)).unwrap(), div(d(v), Decimal::ONE_HUNDRED).unwrap());
            assert_eq!(a, b, "{v}");
            assert_eq!(round(a, 2, Rounding::HalfUp).to_string(), round(b, 2, Rounding::HalfUp).to_string(), "{v}");
        }
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        assert_eq!(Error::from(mul(Decimal::MAX, Decimal::TWO).unwrap_err()).code, ErrorCode::OutOfRange);
        assert!(population(None, None, "x", &[Decimal::MAX, Decimal::MAX]).is_err());
    }
}
