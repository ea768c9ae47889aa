//! Settling a method's score in integers, without the 28-digit quotient.
//!
//! A method's unrounded score is `base + num / den` ([`Raw::Ratio`]); the
//! reference path divides in `Decimal` (a quotient of 28 or so significant
//! digits), adds the base, applies cap and floor and rounds. In a summary
//! batch only the rounded score is shown, and for the usual operands it can
//! be decided exactly in integers, which is several times cheaper in
//! WebAssembly. [`settle`] does that, and declines (the caller then takes
//! the reference path) whenever the two could differ.
//!
//! Why they agree. Count in units of `10^-p` (`p` the declared places):
//! the exact score is `T / Y` with integers `T` and `Y > 0`. Every decision
//! the reference path makes (above the cap, below the floor, which way to
//! round) compares the score with a whole or half unit. The reference value
//! differs from the exact one by at most a few units in the 27th significant
//! digit: at most `2 × 10^-27 × (|base| + |num / den| + 1)` in value. When
//! the exact score sits on a whole or half unit, it has at most `p + 1`
//! places, both paths hold it exactly and decide alike. Otherwise it is at
//! least `1 / (2Y)` units away from every decision point. The guard keeps
//! `|num| + |den| × (|base| + 1)`, counted in units, under 10²⁴ (here every
//! term stays under 2⁶⁰, far inside it), which keeps the reference error
//! under a tenth of `1 / (2Y)`, so both paths fall on the same side of every
//! decision.
//!
//! Everything here is 64-bit arithmetic whose products are known to fit
//! from the operands' bit lengths: a 128-bit multiply or division is a long
//! software routine in WebAssembly, and the usual operands never need one.

use super::raw::Raw;
use crate::decimal::{mantissa_i64, Decimal, Rounding, RoundingRule, POWERS_OF_TEN_I64};

/// The rounded, capped and floored score of `raw`, decided in integers; or
/// `None` when the reference path must decide (not a ratio, operands too
/// wide, a cap, floor or base with more than `p` places, a zero result).
pub fn settle(raw: Raw, cap: Option<Decimal>, floor: Option<Decimal>, rule: RoundingRule) -> Option<Decimal> {
    let Raw::Ratio { base, num, den } = raw else { return None };
    let p = rule.places;
    let b = match base {
        Some(base) => whole_units(base, p)?,
        None => 0,
    };
    let (t, y) = units(b, (small(num)?, num.scale()), (small(den)?, den.scale()), p)?;
    decide(t, y, cap, floor, rule)
}

/// The rounded, capped and floored value of `t / y` units of `10^-p`.
fn decide(t: i64, y: u64, cap: Option<Decimal>, floor: Option<Decimal>, rule: RoundingRule) -> Option<Decimal> {
    let p = rule.places;
    // |t| = kept × y + dropped.
    let negative = t < 0;
    let (kept, dropped) = (t.unsigned_abs() / y, t.unsigned_abs() % y);
    // The whole units at or below the score, and what is left above them
    // (`kept` < 2⁶², so it converts).
    let kept_signed = i64::try_from(kept).ok()?;
    let (t_floor, frac) = match (negative, dropped) {
        (false, _) => (kept_signed, dropped),
        (true, 0) => (-kept_signed, 0),
        (true, _) => (-kept_signed - 1, y - dropped),
    };
    // Above the cap / below the floor, exactly (both are whole units).
    let capped = match cap {
        Some(cap) => {
            let c = whole_units(cap, p)?;
            t_floor > c || (t_floor == c && frac > 0)
        }
        None => false,
    };
    let floored = match floor {
        Some(floor) => {
            let f = whole_units(floor, p)?;
            if capped {
                cap.is_some_and(|cap| cap < floor)
            } else {
                t_floor < f
            }
        }
        None => false,
    };
    if floored {
        return floor.map(|f| rule.apply(f));
    }
    if capped {
        return cap.map(|c| rule.apply(c));
    }
    let away = match rule.mode {
        Rounding::HalfUp => 2 * dropped >= y,
        Rounding::HalfEven => 2 * dropped > y || (2 * dropped == y && kept % 2 == 1),
        Rounding::Down => false,
        Rounding::Up => dropped != 0,
    };
    let kept = i128::from(kept + u64::from(away));
    // A zero keeps whatever sign the reference path gives it.
    (kept != 0).then(|| Decimal::from_i128_with_scale(if negative { -kept } else { kept }, p))
}

/// Bit lengths every product and sum below stays under, so none overflows.
const LIMIT_BITS: u32 = 61;

/// `(T, Y)` with `T / Y = (b + num / den) × 10^p` and `Y > 0` (`b` in
/// units, `num` and `den` as mantissa and scale), or `None` unless every
/// term has fewer than [`LIMIT_BITS`] bits. Then `|T| < 2⁶¹`, and
/// `|num| + |den| × (|base| + 1)`, in units, is under 3 × 2⁶⁰ < 10²⁴:
/// inside the guard of the module comment.
fn units(b: i64, (mn, sn): (i64, u32), (md, sd): (i64, u32), p: u32) -> Option<(i64, u64)> {
    if md == 0 {
        return None;
    }
    // num / den × 10^p = (mn × 10^(p + sd − sn)) / md.
    let shift = i64::from(p) + i64::from(sd) - i64::from(sn);
    let (mut x, mut y) = if shift >= 0 { (scaled(mn, shift)?, md) } else { (mn, scaled(md, -shift)?) };
    if y < 0 {
        (x, y) = (-x, -y);
    }
    let one = scaled(1, i64::from(p))?;
    let by = product(b, y)?;
    product(one, y)?;
    Some((by + x, y.unsigned_abs()))
}

/// A sum of products `Σ aᵢ × bᵢ` held exactly as `m × 10^-scale`, while
/// every term has fewer than [`LIMIT_BITS`] bits: a group's weighted sum of
/// indicator scores in a summary batch, where the reference path multiplies
/// and adds in `Decimal`. Both are exact, so they agree.
#[derive(Debug, Clone, Copy)]
pub struct ProductSum {
    m: i64,
    scale: u32,
}

impl ProductSum {
    /// The empty sum.
    pub const ZERO: ProductSum = ProductSum { m: 0, scale: 0 };

    /// `self + a × b`, or `None` when a term would be too wide.
    pub fn plus(self, a: Decimal, b: Decimal) -> Option<ProductSum> {
        let term = product(small(a)?, small(b)?)?;
        let term_scale = a.scale() + b.scale();
        // Both at the larger scale.
        let scale = self.scale.max(term_scale);
        let m = scaled(self.m, i64::from(scale - self.scale))?;
        let term = scaled(term, i64::from(scale - term_scale))?;
        let m = m.checked_add(term).filter(|v| bits(*v) < LIMIT_BITS)?;
        (scale <= Decimal::MAX_SCALE).then_some(ProductSum { m, scale })
    }

    /// The sum as a `Decimal` (exact: the mantissa has fewer than 61 bits).
    pub fn value(self) -> Decimal {
        Decimal::from_i128_with_scale(i128::from(self.m), self.scale)
    }

    /// `self / 100` rounded by `rule`, or `None` when the reference path
    /// must decide (see [`settle`]).
    pub fn percent_rounded(self, rule: RoundingRule) -> Option<Decimal> {
        self.divided_rounded(100, rule)
    }

    /// The sum rounded by `rule`, or `None` as for [`Self::percent_rounded`].
    pub fn rounded(self, rule: RoundingRule) -> Option<Decimal> {
        self.divided_rounded(1, rule)
    }

    fn divided_rounded(self, by: i64, rule: RoundingRule) -> Option<Decimal> {
        let (t, y) = units(0, (self.m, self.scale), (by, 0), rule.places)?;
        decide(t, y, None, None, rule)
    }
}

/// `d × 10^p` when it is a whole number (`d` has at most `p` places) of
/// fewer than [`LIMIT_BITS`] bits.
fn whole_units(d: Decimal, p: u32) -> Option<i64> {
    scaled(small(d)?, i64::from(p.checked_sub(d.scale())?))
}

/// The mantissa of `d` when it has fewer than [`LIMIT_BITS`] bits.
fn small(d: Decimal) -> Option<i64> {
    mantissa_i64(d).filter(|m| bits(*m) < LIMIT_BITS)
}

/// `m × 10^k` when it has fewer than [`LIMIT_BITS`] bits (a table, not an
/// overflow-checked power, which multiplies in 128 bits).
fn scaled(m: i64, k: i64) -> Option<i64> {
    product(m, *POWERS_OF_TEN_I64.get(usize::try_from(k).ok()?)?)
}

/// `a × b` when the bit lengths show it has fewer than [`LIMIT_BITS`] bits.
fn product(a: i64, b: i64) -> Option<i64> {
    (bits(a) + bits(b) <= LIMIT_BITS).then(|| a * b).filter(|v| bits(*v) < LIMIT_BITS)
}

fn bits(v: i64) -> u32 {
    64 - v.unsigned_abs().leading_zeros()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::round;

    /// The reference path, as the engine runs it with an explanation.
    fn reference(raw: Raw, cap: Option<Decimal>, floor: Option<Decimal>, rule: RoundingRule) -> Option<Decimal> {
        let raw = raw.value().ok()?;
        let capped = cap.filter(|&cap| raw > cap);
        let floored = floor.filter(|&floor| capped.unwrap_or(raw) < floor);
        Some(rule.apply(floored.or(capped).unwrap_or(raw)))
    }

    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, m: u64) -> u64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (self.0 >> 33) % m
        }
        fn decimal(&mut self, digits: u32, max_scale: u32) -> Decimal {
            let width = self.next(u64::from(digits)) as u32 + 1;
            let magnitude = i128::from(self.next(10u64.pow(width)));
            let d = Decimal::from_i128_with_scale(magnitude, self.next(u64::from(max_scale) + 1) as u32);
            if self.next(4) == 0 { -d } else { d }
        }
    }

    #[test]
    fn settles_exactly_as_the_reference_path() {
        let mut r = Lcg(29);
        let modes = [Rounding::HalfUp, Rounding::HalfEven, Rounding::Down, Rounding::Up];
        let (mut settled, mut total, mut near) = (0, 0, 0);
        for i in 0..300_000 {
            let rule = RoundingRule { places: [2, 2, 0, 1, 4, 12][i % 6], mode: modes[(i / 6) % 4] };
            let p = rule.places;
            let den = r.decimal(9, 4);
            let num = match i % 5 {
                // Exact halves and whole units of the declared places, and neighbours a hair away.
                0 => {
                    let half = Decimal::from_i128_with_scale(i128::from(r.next(2_000_001)) * 5 - 5_000_000, p + 1);
                    let nudge = Decimal::from_i128_with_scale(i128::from(r.next(3)) - 1, 20 + r.next(8) as u32);
                    (half * den + nudge).round_dp(28)
                }
                _ => r.decimal(12, 6),
            };
            let base = (i % 3 == 0).then(|| r.decimal(4, 2));
            let cap = (i % 4 == 0).then(|| r.decimal(4, 2));
            let floor = (i % 7 == 0).then(|| r.decimal(3, 2));
            let raw = Raw::Ratio { base, num, den };
            let want = reference(raw, cap, floor, rule);
            total += 1;
            if let Some(got) = settle(raw, cap, floor, rule) {
                settled += 1;
                near += usize::from(i % 5 == 0);
                let want = want.expect("the reference path scores what settle does");
                assert_eq!((got.to_string(), got.is_sign_negative()), (want.to_string(), want.is_sign_negative()), "{raw:?} cap {cap:?} floor {floor:?} {rule:?}");
            }
        }
        // The guard must leave most ordinary operands to the integer path.
        assert!(settled * 2 > total, "settled {settled} of {total}");
        // Exact halves and whole units (the nudge zero) must be among them.
        assert!(near > 10_000, "settled {near} near halves");
    }

    #[test]
    fn product_sums_hold_and_round_exactly_as_decimal() {
        let mut r = Lcg(31);
        let modes = [Rounding::HalfUp, Rounding::HalfEven, Rounding::Down, Rounding::Up];
        let (mut decided, mut total) = (0, 0);
        for i in 0..50_000 {
            let rule = RoundingRule { places: [2, 0, 1, 3][i % 4], mode: modes[(i / 4) % 4] };
            let (mut sum, mut reference) = (Some(ProductSum::ZERO), Decimal::ZERO);
            for _ in 0..=r.next(8) {
                // Scores of the declared places (or wider), weights of up to two places.
                let (s, w) = (r.decimal(6, rule.places + (i % 3 == 0) as u32), r.decimal(3, 2));
                reference += s * w;
                sum = sum.and_then(|sum| sum.plus(s, w));
            }
            let Some(sum) = sum else { continue };
            assert_eq!(sum.value(), reference);
            total += 1;
            let want = rule.apply(crate::scoring::number::arith::percent(reference).unwrap());
            if let Some(got) = sum.percent_rounded(rule) {
                decided += 1;
                assert_eq!(got.to_string(), want.to_string(), "{reference} {rule:?}");
            }
            if let Some(got) = sum.rounded(rule) {
                assert_eq!(got.to_string(), rule.apply(reference).to_string(), "{reference} {rule:?}");
            }
        }
        assert!(total > 45_000 && decided * 10 > total * 9, "decided {decided} of {total}");
        // Too wide for 64 bits: declined, and the caller adds in Decimal.
        let wide = Decimal::from_i128_with_scale(1 << 62, 0);
        assert!(ProductSum::ZERO.plus(wide, Decimal::ONE).is_none());
    }

    #[test]
    fn declines_what_it_cannot_decide_exactly() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let rule = RoundingRule::default();
        // A value, not a ratio.
        assert_eq!(settle(Raw::Value(d("1.5")), None, None, rule), None);
        // A zero denominator, a zero result, a cap with more places than declared.
        assert_eq!(settle(Raw::Ratio { base: None, num: d("1"), den: d("0") }, None, None, rule), None);
        assert_eq!(settle(Raw::Ratio { base: None, num: d("0.001"), den: d("1") }, None, None, rule), None);
        assert_eq!(settle(Raw::Ratio { base: None, num: d("1"), den: d("3") }, Some(d("0.333")), None, rule), None);
        // Operands too wide for the guard.
        assert_eq!(settle(Raw::Ratio { base: None, num: d("1"), den: d("300000000000000000000001") }, None, None, rule), None);
        // And decides the ordinary: 2/3 → 0.67, 60 + 40 × 1/8 = 65.00, capped at 100.
        assert_eq!(settle(Raw::Ratio { base: None, num: d("2"), den: d("3") }, None, None, rule), Some(d("0.67")));
        assert_eq!(settle(Raw::Ratio { base: Some(d("60")), num: d("40"), den: d("8") }, None, None, rule).map(|s| s.to_string()), Some("65.00".into()));
        assert_eq!(settle(Raw::Ratio { base: None, num: d("500"), den: d("4") }, Some(d("100")), None, rule).map(|s| s.to_string()), Some("100.00".into()));
        assert_eq!(round(d("100"), 2, Rounding::HalfUp).to_string(), "100.00");
    }
}
