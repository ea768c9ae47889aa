//! Exact non-negative rational arithmetic on decimals, rounded once.
//!
//! Every rounded figure of this module is `round(num / den)` computed on
//! integers: the numerator and denominator are exact products of decimals
//! (mantissa and scale), the quotient and remainder are integers, and the
//! rounding rule looks at the remainder. Nothing is approximated before the
//! single rounding, so a midpoint such as 0.125 is a midpoint and
//! 0.124999... never appears. Operations return `None` on overflow of 128
//! bits, which the callers turn into an `OUT_OF_RANGE` error.

use crate::decimal::{Decimal, Rounding, RoundingRule};

/// A non-negative decimal as `mant × 10^-scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Exact {
    /// Integer mantissa.
    pub mant: u128,
    /// Decimal places.
    pub scale: u32,
}

/// `10^e`, if it fits.
pub(crate) fn pow10(e: u32) -> Option<u128> {
    10u128.checked_pow(e)
}

impl Exact {
    /// The integer `v`.
    pub fn int(v: u128) -> Exact {
        Exact { mant: v, scale: 0 }
    }

    /// One.
    pub fn one() -> Exact {
        Exact::int(1)
    }

    /// A decimal, or `None` if it is negative.
    pub fn from_decimal(d: Decimal) -> Option<Exact> {
        if d.is_sign_negative() && !d.is_zero() {
            return None;
        }
        let d = d.normalize();
        let mant = u128::try_from(d.mantissa()).ok()?;
        Some(Exact { mant, scale: d.scale() })
    }

    /// Exact product.
    pub fn mul(self, other: Exact) -> Option<Exact> {
        Some(Exact { mant: self.mant.checked_mul(other.mant)?, scale: self.scale.checked_add(other.scale)? })
    }

    /// Exact sum.
    pub fn add(self, other: Exact) -> Option<Exact> {
        let scale = self.scale.max(other.scale);
        let a = self.mant.checked_mul(pow10(scale - self.scale)?)?;
        let b = other.mant.checked_mul(pow10(scale - other.scale)?)?;
        Some(Exact { mant: a.checked_add(b)?, scale })
    }

    /// Exact difference `self - other`, or `None` if it would be negative.
    pub fn sub(self, other: Exact) -> Option<Exact> {
        let scale = self.scale.max(other.scale);
        let a = self.mant.checked_mul(pow10(scale - self.scale)?)?;
        let b = other.mant.checked_mul(pow10(scale - other.scale)?)?;
        Some(Exact { mant: a.checked_sub(b)?, scale })
    }

    /// Whether the value is zero.
    pub fn is_zero(self) -> bool {
        self.mant == 0
    }

    /// The mantissa at `scale` places (`scale` at least `self.scale`).
    pub fn at_scale(self, scale: u32) -> Option<u128> {
        self.mant.checked_mul(pow10(scale.checked_sub(self.scale)?)?)
    }

    /// As a decimal, if it fits (96-bit mantissa, at most 28 places).
    pub fn to_decimal(self) -> Option<Decimal> {
        Decimal::try_from_i128_with_scale(i128::try_from(self.mant).ok()?, self.scale).ok()
    }
}

/// `round(n / d)` to an integer by `mode`, for `d > 0`.
#[inline]
pub(crate) fn round_div(n: u128, d: u128, mode: Rounding) -> u128 {
    if d == 0 {
        return 0;
    }
    let (q, r) = if let (Ok(n64), Ok(d64)) = (u64::try_from(n), u64::try_from(d)) {
        ((n64 / d64) as u128, (n64 % d64) as u128)
    } else {
        (n / d, n % d)
    };
    bump(q, r, d, mode)
}

/// The rounding decision on quotient `q`, remainder `r` and divisor `d`.
#[inline]
pub(crate) fn bump(q: u128, r: u128, d: u128, mode: Rounding) -> u128 {
    if r == 0 {
        return q;
    }
    // r < d, so d - r > 0; `r >= d - r` is `2r >= d` without overflow.
    let up = match mode {
        Rounding::Down => false,
        Rounding::Up => true,
        Rounding::HalfUp => r >= d - r,
        Rounding::HalfEven => r > d - r || (r == d - r && q % 2 == 1),
    };
    q + u128::from(up)
}

/// `round(num / den)` to the rule's places, as units of `10^-places`.
/// `None` if `den` is zero or a number overflows.
pub(crate) fn ratio_units(num: Exact, den: Exact, rule: RoundingRule) -> Option<u128> {
    if den.is_zero() {
        return None;
    }
    // num/den = num.mant × 10^(den.scale - num.scale) / den.mant;
    // in units: × 10^places.
    let e = i64::from(den.scale) - i64::from(num.scale) + i64::from(rule.places);
    let (n, d) = if e >= 0 {
        (num.mant.checked_mul(pow10(u32::try_from(e).ok()?)?)?, den.mant)
    } else {
        (num.mant, den.mant.checked_mul(pow10(u32::try_from(-e).ok()?)?)?)
    };
    Some(round_div(n, d, rule.mode))
}

/// Units of `10^-places` as a decimal showing exactly `places` places.
pub(crate) fn units_to_decimal(units: u128, places: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(i128::try_from(units).ok()?, places).ok()
}

/// `round(num / den)` by the rule, as a decimal with the rule's places.
pub(crate) fn ratio(num: Exact, den: Exact, rule: RoundingRule) -> Option<Decimal> {
    units_to_decimal(ratio_units(num, den, rule)?, rule.places)
}

/// An unrounded quotient for display, to at most 28 significant digits.
pub(crate) fn display_quotient(num: Exact, den: Exact) -> Option<Decimal> {
    let n = num.to_decimal()?;
    let d = den.to_decimal()?;
    n.checked_div(d).map(|q| q.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(s: &str) -> Exact {
        Exact::from_decimal(s.parse().unwrap()).unwrap()
    }

    fn rule(places: u32, mode: Rounding) -> RoundingRule {
        RoundingRule { places, mode }
    }

    #[test]
    fn midpoints_are_exact() {
        // 0.25 × 3 / 3 = 0.25 exactly; at one place half-up that is 0.3.
        let num = e("0.25").mul(Exact::int(3)).unwrap();
        let den = Exact::int(3);
        assert_eq!(ratio(num, den, rule(1, Rounding::HalfUp)).unwrap().to_string(), "0.3");
        assert_eq!(ratio(num, den, rule(1, Rounding::HalfEven)).unwrap().to_string(), "0.2");
        assert_eq!(ratio(e("2.675"), Exact::one(), rule(2, Rounding::HalfUp)).unwrap().to_string(), "2.68");
        assert_eq!(ratio(Exact::int(1), Exact::int(3), rule(2, Rounding::Up)).unwrap().to_string(), "0.34");
        assert_eq!(ratio(Exact::int(2), Exact::int(3), rule(2, Rounding::Down)).unwrap().to_string(), "0.66");
        assert_eq!(ratio(Exact::int(7), Exact::int(1), rule(2, Rounding::HalfUp)).unwrap().to_string(), "7.00");
        assert_eq!(ratio(Exact::int(7), Exact::int(0), rule(2, Rounding::HalfUp)), None);
    }

    #[test]
    fn add_sub_align_scales() {
        assert_eq!(e("0.15").add(e("0.6")).unwrap(), e("0.75"));
        assert_eq!(e("1").sub(e("0.25")).unwrap(), e("0.75"));
        assert_eq!(e("0.25").sub(e("1")), None);
        assert_eq!(Exact::from_decimal("-1".parse().unwrap()), None);
    }
}
