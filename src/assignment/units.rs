//! Fixed-point quantities used by the draw.
//!
//! Loads and case weights are counted in units of 1/10000 of a standard case,
//! shares of a full caseload in units of 1/10000 (basis points), so every
//! comparison and every lottery weight is an exact integer that an
//! independent verifier reproduces bit for bit.

use crate::decimal::Decimal;
use crate::error::{Error, ErrorCode, Result};

/// Units per standard case (and per whole share).
pub const SCALE: i64 = 10_000;

/// Largest load, case weight or tolerance: 1,000,000 standard cases. With at
/// most [`crate::limits::ASSIGN_JUDGES`] judges this keeps every lottery
/// weight below 2^53 and every pool total below 2^64.
pub const MAX_UNITS: i64 = 1_000_000 * SCALE;

/// A decimal quantity given in the input as exact units, rounding half-up to
/// 4 places (document: `docs/assignment.md`, "Quantities").
pub fn to_units(value: Decimal, path: &str) -> Result<i64> {
    use rust_decimal::prelude::ToPrimitive;
    let rounded = crate::decimal::round(value, 4, crate::decimal::Rounding::HalfUp);
    rounded
        .checked_mul(Decimal::from(SCALE))
        .and_then(|scaled| scaled.trunc().to_i64())
        .filter(|u| u.abs() <= MAX_UNITS)
        .ok_or_else(|| {
            Error::new(ErrorCode::OutOfRange, path, "quantity exceeds 1,000,000 standard cases", "数值超过 1,000,000 件标准案件")
        })
}

/// Units as a decimal string with exactly 4 places ("12.5000").
pub fn format_units(units: i64) -> String {
    let mut text = String::with_capacity(16);
    if units < 0 {
        text.push('-');
    }
    let abs = units.unsigned_abs();
    push_fixed(&mut text, abs / SCALE as u64, abs % SCALE as u64, 4);
    text
}

/// Append `whole.fraction` with `places` fraction digits (zero-padded).
/// Written by hand because these strings are made for every pool member of
/// every draw, where `format!` is a measurable share of the time.
fn push_fixed(out: &mut String, whole: u64, fraction: u64, places: usize) {
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    let mut rest = whole;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&d| d as char));
    out.push('.');
    let mut frac = [b'0'; 20];
    let places = places.min(frac.len());
    let mut rest = fraction;
    for slot in frac[..places].iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    out.extend(frac[..places].iter().map(|&d| d as char));
}

/// Load normalised by share: floor(load × 10000 / share), in units.
pub fn normalised(load: i64, share_bp: i64) -> i64 {
    // share_bp is validated to be in 1..=10000, so this never divides by zero;
    // |load| <= 10^10 units, so load x 10^4 fits in 64 bits (128-bit division
    // is a software routine in WebAssembly).
    (load * SCALE).div_euclid(share_bp.max(1))
}

/// `part / whole` rounded half-up to 6 places, as a decimal string ("0.333333").
pub fn probability(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0.000000".into();
    }
    let millionths = ((part as u128 * 2_000_000 + whole as u128) / (2 * whole as u128)) as u64;
    let mut text = String::with_capacity(12);
    push_fixed(&mut text, millionths / 1_000_000, millionths % 1_000_000, 6);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_round_half_up_to_four_places() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(to_units(d("1"), "").unwrap(), 10_000);
        assert_eq!(to_units(d("0.55"), "").unwrap(), 5_500);
        assert_eq!(to_units(d("2.00005"), "").unwrap(), 20_001);
        assert_eq!(to_units(d("-1.5"), "").unwrap(), -15_000);
        assert_eq!(format_units(125_000), "12.5000");
        assert_eq!(format_units(-5), "-0.0005");
        assert_eq!(format_units(0), "0.0000");
        assert_eq!(format_units(MAX_UNITS), "1000000.0000");
        assert_eq!(format_units(-MAX_UNITS - 1), "-1000000.0001");
    }

    #[test]
    fn normalised_and_probability() {
        assert_eq!(normalised(10_000, 500), 200_000); // 1 case at 5% share = 20 full cases
        assert_eq!(normalised(10_001, 3_000), 33_336); // floor
        assert_eq!(probability(1, 3), "0.333333");
        assert_eq!(probability(2, 3), "0.666667");
        assert_eq!(probability(3, 3), "1.000000");
        assert_eq!(probability(0, 3), "0.000000");
        assert_eq!(probability(1, 2_000_000), "0.000001"); // half-up
        assert_eq!(probability(1, 2_000_001), "0.000000");
    }
}
