//! Helpers shared by the property tests of standard cases and scoring:
//! a fixed-seed proptest configuration, exact decimals read from the
//! outputs' strings, and rounding of an exact fraction by a declared mode
//! (in integers, so a property can say what a rounded figure must be
//! without any binary floating point).
#![allow(dead_code)]

use proptest::test_runner::{Config, RngSeed};
use serde_json::Value;
use shenguan::decimal::Decimal;
use std::str::FromStr;

/// Fixed seed, so every run checks the same cases; no files written.
pub fn config(cases: u32) -> Config {
    Config { cases, rng_seed: RngSeed::Fixed(20_261_202), failure_persistence: None, ..Config::default() }
}

/// A decimal string of an output (or a JSON number given as input), exactly.
pub fn dec(v: &Value) -> Decimal {
    match v {
        Value::String(s) => Decimal::from_str(s.trim()).unwrap_or_else(|e| panic!("not a decimal: {s:?} ({e})")),
        Value::Number(n) => Decimal::from_str(&n.to_string()).unwrap(),
        other => panic!("not a decimal: {other}"),
    }
}

/// `v` (a decimal string) in units of `places` decimal places; panics if it
/// has more places than that.
pub fn units(v: &Value, places: u32) -> i128 {
    let d = dec(v) * Decimal::from(10i128.pow(places));
    assert_eq!(d.fract(), Decimal::ZERO, "{v} has more than {places} places");
    i128::from_str(&d.trunc().to_string()).unwrap()
}

/// A decimal as an exact fraction `(n, 10^scale)`.
pub fn fraction(d: Decimal) -> (i128, i128) {
    (d.mantissa(), 10i128.pow(d.scale()))
}

/// The declared rounding modes, by their JSON names.
pub const MODES: [&str; 4] = ["halfUp", "halfEven", "down", "up"];

/// Round the exact fraction `n / d` (`d > 0`) to a whole number by `mode`
/// (`halfUp` and `up` away from zero, `down` toward zero).
pub fn round_fraction(n: i128, d: i128, mode: &str) -> i128 {
    assert!(d > 0);
    let (neg, n) = (n < 0, n.abs());
    let (q, r) = (n / d, n % d);
    let up = match mode {
        "down" => false,
        "up" => r != 0,
        "halfUp" => 2 * r >= d,
        "halfEven" => 2 * r > d || (2 * r == d && q % 2 == 1),
        other => panic!("unknown mode {other}"),
    };
    let q = q + i128::from(up);
    if neg {
        -q
    } else {
        q
    }
}
