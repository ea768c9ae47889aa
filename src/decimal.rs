//! Exact decimal numbers and declared rounding.
//!
//! Every number that decides an outcome or is shown to a person is a
//! [`Decimal`] (base-10, 96-bit mantissa, up to 28 places), never `f64`.
//! In JSON a decimal may be given as a string (`"2.675"`) or a number; it is
//! always written back as a string, so JS never rounds it.

use crate::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};

pub use rust_decimal::Decimal;

pub mod pinned;
pub mod slips;
pub mod text;

/// How to round to a number of decimal places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Rounding {
    /// 四舍五入: halves away from zero (2.675 -> 2.68, -2.675 -> -2.68).
    #[default]
    HalfUp,
    /// Banker's rounding: halves to the even neighbour (2.665 -> 2.66).
    HalfEven,
    /// Truncate toward zero.
    Down,
    /// Away from zero.
    Up,
}

/// Places and rounding rule, as declared in a configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoundingRule {
    /// Decimal places kept (0..=12).
    #[serde(default = "default_places")]
    pub places: u32,
    /// Rule for the discarded digits.
    #[serde(default)]
    pub mode: Rounding,
}

fn default_places() -> u32 {
    2
}

impl Default for RoundingRule {
    fn default() -> Self {
        RoundingRule { places: default_places(), mode: Rounding::HalfUp }
    }
}

impl RoundingRule {
    /// Largest number of places a configuration may declare.
    pub const MAX_PLACES: u32 = 12;

    /// Check the declared places; `path` names the rule in the input.
    pub fn validate(&self, path: &str) -> Result<()> {
        if self.places > Self::MAX_PLACES {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                crate::error::join_path(path, "places"),
                format!("places must be at most {}", Self::MAX_PLACES),
                format!("小数位数不得超过 {}", Self::MAX_PLACES),
            ));
        }
        Ok(())
    }

    /// Round `value` by this rule.
    pub fn apply(&self, value: Decimal) -> Decimal {
        round(value, self.places, self.mode)
    }
}

/// Round `value` to `places` decimal places by `mode`.
pub fn round(value: Decimal, places: u32, mode: Rounding) -> Decimal {
    round_by_division(value, places, mode).unwrap_or_else(|| round_by_rust_decimal(value, places, mode))
}

/// [`round`] by `rust_decimal`'s own rounding: the reference, and the path
/// for what [`round_by_division`] leaves (nothing to drop, or zero).
fn round_by_rust_decimal(value: Decimal, places: u32, mode: Rounding) -> Decimal {
    use rust_decimal::RoundingStrategy as S;
    let strategy = match mode {
        Rounding::HalfUp => S::MidpointAwayFromZero,
        Rounding::HalfEven => S::MidpointNearestEven,
        Rounding::Down => S::ToZero,
        Rounding::Up => S::AwayFromZero,
    };
    let mut rounded = value.round_dp_with_strategy(places, strategy);
    // Show the declared places even when trailing digits are zero ("3.10").
    rounded.rescale(places);
    rounded
}

/// 10⁰ to 10²⁸: a table, because a 128-bit power is a chain of software
/// multiplications in WebAssembly.
const POWERS_OF_TEN: [u128; 29] = {
    let mut table = [1u128; 29];
    let mut k = 1;
    while k < 29 {
        table[k] = table[k - 1] * 10;
        k += 1;
    }
    table
};

/// 10⁰ to 10¹⁸ as `i64`, for the integer paths of the scoring engine.
pub const POWERS_OF_TEN_I64: [i64; 19] = {
    let mut table = [0i64; 19];
    let mut k = 0;
    while k < 19 {
        table[k] = POWERS_OF_TEN[k] as i64;
        k += 1;
    }
    table
};

/// The common case of [`round`] (digits to drop, value not zero) as one
/// integer division of the 96-bit mantissa: the same result as
/// `round_dp_with_strategy`, which divides the mantissa twice digit group by
/// digit group and dominates the time of scoring a large batch.
fn round_by_division(value: Decimal, places: u32, mode: Rounding) -> Option<Decimal> {
    let scale = value.scale();
    if scale <= places || value.is_zero() {
        return None;
    }
    let magnitude = value.mantissa().unsigned_abs();
    let divisor = *POWERS_OF_TEN.get(usize::try_from(scale - places).ok()?)?;
    let (mut kept, dropped) = (magnitude / divisor, magnitude % divisor);
    // `dropped < divisor ≤ 10^28`, so doubling it cannot overflow.
    let twice = dropped * 2;
    let away = match mode {
        Rounding::HalfUp => twice >= divisor,
        Rounding::HalfEven => twice > divisor || (twice == divisor && kept % 2 == 1),
        Rounding::Down => false,
        Rounding::Up => dropped != 0,
    };
    if away {
        // `kept ≤ (2^96 − 1) / 10`, so one more still fits in 96 bits.
        kept += 1;
    }
    let part = |shift: u32| u32::try_from((kept >> shift) & 0xffff_ffff).ok();
    Some(Decimal::from_parts(part(0)?, part(32)?, part(64)?, value.is_sign_negative(), places))
}

/// The mantissa of `d` when its magnitude is below 2⁶³, read from its parts
/// (`Decimal::mantissa` builds a 128-bit value, which is a software routine
/// in WebAssembly and is not inlined across the crate boundary).
pub fn mantissa_i64(d: Decimal) -> Option<i64> {
    let m = i64::try_from(magnitude_u64(d)?).ok()?;
    Some(if d.is_sign_negative() { -m } else { m })
}

/// The magnitude of `d`'s mantissa when it fits in 64 bits.
pub fn magnitude_u64(d: Decimal) -> Option<u64> {
    let [_, _, _, _, l0, l1, l2, l3, m0, m1, m2, m3, h0, h1, h2, h3] = d.serialize();
    if u32::from_le_bytes([h0, h1, h2, h3]) != 0 {
        return None;
    }
    Some(u64::from(u32::from_le_bytes([m0, m1, m2, m3])) << 32 | u64::from(u32::from_le_bytes([l0, l1, l2, l3])))
}

/// Exact division with a declared outcome for a zero divisor.
pub fn checked_div(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if denominator.is_zero() {
        None
    } else {
        numerator.checked_div(denominator)
    }
}

/// Parse a decimal from text, with a coded error at `path`.
pub fn parse(text: &str, path: &str) -> Result<Decimal> {
    text.trim().parse::<Decimal>().map_err(|_| {
        Error::new(
            ErrorCode::InvalidInput,
            path,
            format!("'{text}' is not a decimal number"),
            format!("“{text}”不是有效的十进制数"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn half_up_is_as_on_paper() {
        assert_eq!(round(d("2.675"), 2, Rounding::HalfUp).to_string(), "2.68");
        assert_eq!(round(d("-2.675"), 2, Rounding::HalfUp).to_string(), "-2.68");
        assert_eq!(round(d("2.665"), 2, Rounding::HalfEven).to_string(), "2.66");
        assert_eq!(round(d("2.679"), 2, Rounding::Down).to_string(), "2.67");
        assert_eq!(round(d("2.671"), 2, Rounding::Up).to_string(), "2.68");
        assert_eq!(round(d("3.1"), 2, Rounding::HalfUp).to_string(), "3.10");
    }

    #[test]
    fn json_numbers_and_strings_are_exact() {
        let a: Decimal = serde_json::from_str("2.675").unwrap();
        let b: Decimal = serde_json::from_str("\"2.675\"").unwrap();
        assert_eq!(a, b);
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"2.675\"");
    }

    #[test]
    fn rounding_by_division_matches_rust_decimal() {
        let mut state: u64 = 7;
        let mut next = move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            state
        };
        let mut samples = vec![d("2.675"), d("-2.675"), d("-0.001"), d("0.005"), d("-0.000"), Decimal::MAX, Decimal::MIN, d("0.0000000000000000000000000001")];
        samples.push(d("12.345") / d("3"));
        for _ in 0..20_000 {
            let mantissa = (i128::from(next()) << 32 | i128::from(next() >> 32)) % (1i128 << 96);
            let scale = (next() % 29) as u32;
            let value = Decimal::from_i128_with_scale(mantissa, scale);
            samples.push(if next() % 2 == 0 { value } else { -value });
            // Exact halves at every position.
            samples.push(Decimal::from_i128_with_scale(mantissa / 10 * 10 + 5, scale));
        }
        for value in samples {
            for places in [0, 1, 2, 4, 10, 12] {
                for mode in [Rounding::HalfUp, Rounding::HalfEven, Rounding::Down, Rounding::Up] {
                    let (got, want) = (round(value, places, mode), round_by_rust_decimal(value, places, mode));
                    assert_eq!(got.to_string(), want.to_string(), "{value} to {places} by {mode:?}");
                    assert_eq!(got.is_sign_negative(), want.is_sign_negative(), "{value} to {places} by {mode:?}");
                }
            }
        }
    }

    #[test]
    fn small_mantissas_read_from_the_parts() {
        for v in ["0", "-0", "1", "-1", "123.456", "-0.000001", "9223372036854775807", "-9223372036854775807", "0.9223372036854775807"] {
            assert_eq!(mantissa_i64(d(v)).map(i128::from), Some(d(v).mantissa()), "{v}");
        }
        for v in ["9223372036854775808", "-9223372036854775808", "79228162514264337593543950335", "18446744073709551616"] {
            assert_eq!(mantissa_i64(d(v)), None, "{v}");
        }
    }

    #[test]
    fn zero_divisor_is_none() {
        assert_eq!(checked_div(d("1"), d("0")), None);
        assert_eq!(checked_div(d("1"), d("4")), Some(d("0.25")));
    }
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn a_json_number_means_its_shortest_round_trip_decimal() {
        // JS gives 1.0000499999999999 for this binary64 value; it must not become 1.00005.
        let d: Decimal = serde_json::from_str("1.0000499999999999").unwrap();
        assert_eq!(d.to_string(), "1.0000499999999999");
        let d: Decimal = serde_json::from_str("0.1").unwrap();
        assert_eq!(d.to_string(), "0.1");
    }
}
