//! Writing a decimal as text, as `rust_decimal` does, without its per-digit
//! 96-bit division; and reading the plain form (`-12.50`) in 64 bits.
//!
//! `Decimal::to_string` divides the whole 96-bit mantissa by ten once per
//! digit; a batch writes a hundred thousand figures, and in WebAssembly that
//! division was most of the cost of writing them. A mantissa of 64 bits (any
//! figure below 1.8 × 10¹⁹ units) is written here with native 64-bit
//! arithmetic; wider ones go to `to_string`. The text is the same (a test
//! compares both).

use super::{magnitude_u64, Decimal};
use serde::Serializer;

/// Sign, 20 digits of a `u64`, up to 28 zeros of padding, point, leading zero.
const MAX_LEN: usize = 1 + 28 + 1 + 1 + 20;

/// Call `f` with the text of `d`, exactly as `d.to_string()` gives it.
pub fn with_text<R>(d: Decimal, f: impl FnOnce(&str) -> R) -> R {
    let Some(mut m) = magnitude_u64(d) else { return f(&d.to_string()) };
    let scale = d.scale() as usize;
    // Digits, least significant first, padded with zeros to at least `scale`.
    let mut digits = [b'0'; 28 + 20];
    let mut len = 0;
    while m != 0 {
        if let Some(slot) = digits.get_mut(len) {
            *slot = b'0' + (m % 10) as u8;
        }
        m /= 10;
        len += 1;
    }
    let len = len.max(scale);
    let whole = len - scale;
    let mut out = [0u8; MAX_LEN];
    let mut n = 0;
    let mut push = |b: u8| {
        if let Some(slot) = out.get_mut(n) {
            *slot = b;
            n += 1;
        }
    };
    if d.is_sign_negative() {
        push(b'-');
    }
    if whole == 0 {
        push(b'0');
    }
    for i in 0..len {
        if i == whole && scale > 0 {
            push(b'.');
        }
        push(digits.get(len - 1 - i).copied().unwrap_or(b'0'));
    }
    match std::str::from_utf8(out.get(..n).unwrap_or_default()) {
        Ok(text) => f(text),
        Err(_) => f(&d.to_string()),
    }
}

/// Serialize `d` as a JSON string (for `#[serde(serialize_with)]`).
pub fn serialize<S: Serializer>(d: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    with_text(*d, |text| serializer.serialize_str(text))
}

/// Serialize an optional decimal as a JSON string or `null`.
pub fn serialize_option<S: Serializer>(d: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => serialize(d, serializer),
        None => serializer.serialize_none(),
    }
}

/// `text` as `Decimal::from_str` reads it, when it is plain: an optional
/// `-`, digits, and optionally `.` and digits, 18 digits at most, not a
/// negative zero. `None` otherwise (the caller then uses `from_str`).
pub fn parse_plain(text: &str) -> Option<Decimal> {
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let (mut m, mut digits, mut point) = (0u64, 0usize, None);
    for (i, &b) in bytes.iter().enumerate().skip(usize::from(negative)) {
        match b {
            b'0'..=b'9' if digits < 18 => {
                m = m * 10 + u64::from(b - b'0');
                digits += 1;
            }
            b'.' if point.is_none() && digits > 0 => point = Some(i),
            _ => return None,
        }
    }
    // Places: the digits after the point, which must have some.
    let places = match point {
        Some(at) if at + 1 < bytes.len() => bytes.len() - at - 1,
        Some(_) => return None,
        None => 0,
    };
    if digits == 0 || (negative && m == 0) {
        return None;
    }
    let (lo, mid) = (m as u32, (m >> 32) as u32);
    Some(Decimal::from_parts(lo, mid, 0, negative, u32::try_from(places).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(d: Decimal) -> String {
        with_text(d, str::to_string)
    }

    #[test]
    fn reads_plain_text_as_from_str_does() {
        use std::str::FromStr;
        let mut state: u64 = 11;
        let mut next = |m: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 11) % m
        };
        let alphabet = b"0123456789.-+e 0012";
        let mut plain = 0;
        for i in 0..200_000 {
            let text: String = match i % 3 {
                // Random strings over digits, points, signs and letters.
                0 => (0..1 + next(22)).map(|_| char::from(alphabet[next(alphabet.len() as u64) as usize])).collect(),
                // Well-formed ones around the 18-digit limit.
                _ => {
                    let sign = if next(3) == 0 { "-" } else { "" };
                    let width = 1 + next(12) as u32;
                    let whole = next(10u64.pow(width));
                    let zeros = "0".repeat(next(8) as usize);
                    format!("{sign}{whole}.{zeros}{}", next(1000))
                }
            };
            if let Some(d) = parse_plain(&text) {
                plain += 1;
                let want = Decimal::from_str(&text).unwrap();
                assert_eq!(d.serialize(), want.serialize(), "{text}");
            }
        }
        assert!(plain > 100_000, "{plain}");
        for text in ["", "-", ".5", "5.", "+5", "1e3", "-0", "-0.00", "1234567890123456789", " 1"] {
            assert_eq!(parse_plain(text), None, "{text:?}");
        }
        assert_eq!(parse_plain("007.50").map(|d| d.serialize()), Some(Decimal::from_str("007.50").unwrap().serialize()));
    }

    #[test]
    fn writes_what_to_string_writes() {
        let mut state: u64 = 7;
        let mut next = |m: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 11) % m
        };
        for i in 0..300_000u64 {
            let wide = i % 10 == 0;
            let magnitude = match i % 4 {
                0 => u128::from(next(10)),
                1 => u128::from(next(1_000_000)),
                _ if wide => u128::from(next(u64::MAX)) << 32 | u128::from(next(u64::MAX)),
                _ => u128::from(next(u64::MAX)) * u128::from(1 + next(3)),
            };
            let d = Decimal::from_i128_with_scale(magnitude as i128, next(29) as u32);
            let d = if next(3) == 0 { -d } else { d };
            assert_eq!(text(d), d.to_string(), "{:?}", d.unpack());
        }
        // Zeros keep their scale and sign as `to_string` writes them.
        for s in ["0", "0.00", "-0.000", "100.00", "0.05", "-7.5", "18446744073709551615", "1844674407370955161.6"] {
            let d: Decimal = s.parse().unwrap();
            assert_eq!(text(d), d.to_string());
        }
        let negative_zero = Decimal::from_parts(0, 0, 0, true, 2);
        assert_eq!(text(negative_zero), negative_zero.to_string());
    }
}
