//! Decimals of a pinned document (scoring rule sets and snapshots,
//! standard-case configurations, baselines and targets): read as
//! `rust_decimal` reads them, once [`slips`](super::slips) has refused
//! every typing slip. `rust_decimal` alone would take `"1_000"` as 1000
//! and `" 95"` as nothing, with no hint (docs/numbers.md).
//!
//! One attribute serves every shape of field:
//! `#[serde(deserialize_with = "crate::decimal::pinned::read")]` on a
//! `Decimal`, an `Option`, a `Vec` or a `BTreeMap` of them.

use super::slips::{self, Reading};
use super::Decimal;
use crate::error::parser::bilingual;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::collections::BTreeMap;
use std::fmt;

/// One pinned decimal as read from JSON.
pub struct Pinned(Decimal);

impl<'de> Deserialize<'de> for Pinned {
    // Out of line: one copy per JSON reader, not one in every field that
    // holds a pinned decimal.
    #[inline(never)]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PinnedVisitor).map(Pinned)
    }
}

struct PinnedVisitor;

impl<'de> Visitor<'de> for PinnedVisitor {
    type Value = Decimal;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // rust_decimal's words, so the parser's message reads as before.
        f.write_str("a Decimal type representing a fixed-point number")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        slips::undo(v, Reading::Pinned).map_err(|r| E::custom(bilingual(&r.message, &r.message_zh)))?;
        <Decimal as Deserialize>::deserialize(de::value::StrDeserializer::<E>::new(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        <Decimal as Deserialize>::deserialize(de::value::I64Deserializer::<E>::new(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        <Decimal as Deserialize>::deserialize(de::value::U64Deserializer::<E>::new(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        <Decimal as Deserialize>::deserialize(de::value::F64Deserializer::<E>::new(v))
    }
}

/// A field type made of pinned decimals, and how it is read.
pub trait Shape: Sized {
    /// The same shape with [`Pinned`] in place of each decimal.
    type Raw: for<'de> Deserialize<'de>;
    /// The decimals out of their wrappers.
    fn from_raw(raw: Self::Raw) -> Self;
}

impl Shape for Decimal {
    type Raw = Pinned;
    fn from_raw(raw: Pinned) -> Self {
        raw.0
    }
}

impl<T: Shape> Shape for Option<T> {
    type Raw = Option<T::Raw>;
    fn from_raw(raw: Self::Raw) -> Self {
        raw.map(T::from_raw)
    }
}

impl<T: Shape> Shape for Vec<T> {
    type Raw = Vec<T::Raw>;
    fn from_raw(raw: Self::Raw) -> Self {
        raw.into_iter().map(T::from_raw).collect()
    }
}

impl<T: Shape> Shape for BTreeMap<String, T> {
    type Raw = BTreeMap<String, T::Raw>;
    fn from_raw(raw: Self::Raw) -> Self {
        raw.into_iter().map(|(k, v)| (k, T::from_raw(v))).collect()
    }
}

/// Read a field of pinned decimals (for `#[serde(deserialize_with)]`).
#[inline(never)]
pub fn read<'de, D: Deserializer<'de>, T: Shape>(deserializer: D) -> Result<T, D::Error> {
    T::Raw::deserialize(deserializer).map(T::from_raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Doc {
        #[serde(deserialize_with = "read")]
        weight: Decimal,
        #[serde(default, deserialize_with = "read")]
        cap: Option<Decimal>,
        #[serde(default, deserialize_with = "read")]
        by_role: BTreeMap<String, Decimal>,
    }

    fn doc(json: &str) -> Result<Doc, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_what_rust_decimal_reads() {
        let d = doc(r#"{"weight": "0.25", "cap": 1e2, "by_role": {"judge": 3}}"#).unwrap();
        assert_eq!((d.weight.to_string(), d.cap.map(|c| c.to_string())), ("0.25".into(), Some("100".into())));
        assert_eq!(d.by_role["judge"], Decimal::from(3));
        assert_eq!(doc(r#"{"weight": 0.1}"#).unwrap().weight.to_string(), "0.1");
        assert!(doc(r#"{"weight": "0.1", "cap": null}"#).unwrap().cap.is_none());
    }

    #[test]
    fn refuses_every_slip_with_its_hint() {
        let e = doc(r#"{"weight": "1_000"}"#).unwrap_err();
        assert!(e.contains("“1_000”含有千位分隔符，请去掉分隔符，写作 1000"), "{e}");
        assert!(doc(r#"{"weight": "1", "by_role": {"judge": " 1"}}"#).unwrap_err().contains("空格"));
        assert!(doc(r#"{"weight": "1", "cap": "２"}"#).unwrap_err().contains("全角数字"));
        let e = doc(r#"{"weight": "x"}"#).unwrap_err();
        assert!(e.starts_with("invalid value: string \"x\", expected a Decimal type"), "{e}");
    }
}
