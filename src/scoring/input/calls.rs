//! Inputs of the scoring calls and the reading of a judge's values.

use super::rule_set::{Indicator, RuleSet, ValueType};
use super::snapshot::{Baselines, Statistics};
use crate::decimal::Decimal;
use crate::error::{Error, ErrorCode, Result};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::fmt;
use std::str::FromStr;

/// One form value as entered: a number, a decimal string, a boolean, or
/// null / an empty string (not yet filled in).
#[derive(Debug, Clone, PartialEq)]
pub enum InputValue {
    /// Not filled in.
    Empty,
    /// `true` / `false`.
    Bool(bool),
    /// A number or a decimal string.
    Number(Decimal),
    /// Anything else (text that is not a number, arrays, objects).
    Other(&'static str),
    /// A number with a typing slip that is refused, and its hint.
    Refused(Box<crate::decimal::slips::Refusal>),
}

impl<'de> Deserialize<'de> for InputValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = InputValue;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number, a decimal string, a boolean or null")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> std::result::Result<InputValue, E> {
        Ok(InputValue::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<InputValue, E> {
        Ok(InputValue::Number(Decimal::from(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<InputValue, E> {
        Ok(InputValue::Number(Decimal::from(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<InputValue, E> {
        // The shortest text that reads back as `v`, as `crate::decimal` does.
        Ok(Decimal::from_str(&v.to_string()).map(InputValue::Number).unwrap_or(InputValue::Other("a number out of range")))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<InputValue, E> {
        // A typed figure: spaces and full-width digits are undone, other
        // slips refused with their hint (docs/numbers.md).
        let t = match crate::decimal::slips::undo(v, crate::decimal::slips::Reading::Typed) {
            Ok(t) => t,
            Err(refusal) => return Ok(InputValue::Refused(Box::new(refusal))),
        };
        let t = t.as_ref();
        if t.is_empty() {
            return Ok(InputValue::Empty);
        }
        if let Some(d) = crate::decimal::text::parse_plain(t) {
            return Ok(InputValue::Number(d));
        }
        Ok(Decimal::from_str(t)
            .or_else(|_| Decimal::from_scientific(t))
            .map(InputValue::Number)
            .unwrap_or(InputValue::Other("text")))
    }
    fn visit_unit<E: de::Error>(self) -> std::result::Result<InputValue, E> {
        Ok(InputValue::Empty)
    }
    fn visit_none<E: de::Error>(self) -> std::result::Result<InputValue, E> {
        Ok(InputValue::Empty)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<InputValue, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(InputValue::Other("a list"))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<InputValue, A::Error> {
        while map.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
        Ok(InputValue::Other("an object"))
    }
}

/// One judge's form, without its values: those are read straight into
/// indicator-indexed slots by [`read_judges`](crate::scoring::compile::forms::read_judges).
#[derive(Debug, Clone, Default)]
pub struct JudgeInput {
    /// Judge id, unique in a batch.
    pub id: String,
    /// Display name.
    pub name: Option<String>,
    /// Role, matched against the tiers' roles.
    pub role: Option<String>,
    /// Assessment zone id (required when the rule set has zones).
    pub zone: Option<String>,
    /// Court id, for baselines.
    pub court: Option<String>,
}

/// How much a batch result says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Detail {
    /// Every result with its explanation tree (default).
    #[default]
    Full,
    /// Totals, group scores, grades, ranks, vetoes and checks; no tree.
    Summary,
}

/// Input of `score`: a whole population.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScoreInput {
    /// The rule set (read by [`parse_rule_set`], so its errors are `INVALID_RULE_SET`).
    pub rule_set: serde_json::Value,
    /// The judges (complete forms), as JSON text: read by
    /// [`read_judges`](crate::scoring::compile::forms::read_judges) once the rule set is
    /// compiled, each value straight into its indicator's slot.
    pub judges: Box<serde_json::value::RawValue>,
    /// Court baselines.
    #[serde(default)]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub baselines: Baselines,
    /// How much to return.
    #[serde(default)]
    pub detail: Detail,
}

/// Input of `scoreTable`: a whole population, as for `score` (the rows
/// always hold the summary figures, so there is no `detail`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScoreTableInput {
    /// The rule set.
    pub rule_set: serde_json::Value,
    /// The judges (complete forms), as JSON text.
    pub judges: Box<serde_json::value::RawValue>,
    /// Court baselines.
    #[serde(default)]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub baselines: Baselines,
}

/// Input of `scoreOne`: one judge's form, possibly partly filled in.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScoreOneInput {
    /// The rule set (read by [`parse_rule_set`]).
    pub rule_set: serde_json::Value,
    /// The judge's form, as JSON text (read as a batch's forms are).
    pub judge: Box<serde_json::value::RawValue>,
    /// The snapshot of the batch (its `statistics`).
    #[serde(default)]
    pub statistics: Statistics,
}

fn mismatch(ind: &Indicator, path: String, expected: &str, got: &str) -> Error {
    let (en, zh_name) = indicator_names(ind);
    Error::new(
        ErrorCode::TypeMismatch,
        path,
        format!("{en}: expected {expected}, got {got}"),
        format!("{zh_name}：类型不符，应为{}，实为{}", zh(expected), zh(got)),
    )
}

/// The indicator as the office knows it: `'docQuality' (裁判文书评查得分)`
/// and `「裁判文书评查得分」（docQuality）`.
pub fn indicator_names(ind: &Indicator) -> (String, String) {
    match &ind.name {
        Some(name) => (format!("'{}' ({name})", ind.id), format!("「{name}」（{}）", ind.id)),
        None => (format!("'{}'", ind.id), format!("「{}」", ind.id)),
    }
}

fn zh(what: &str) -> &str {
    match what {
        "a number" => "数值",
        "a whole number of zero or more" => "非负整数",
        "a boolean" => "布尔值",
        "text" => "文本",
        "a list" => "数组",
        "an object" => "对象",
        "a number out of range" => "超出范围的数值",
        _ => what,
    }
}

/// A form value under a key that names no indicator.
pub fn unknown_value(path: String, key: &str) -> Error {
    Error::new(ErrorCode::UnknownIndicator, path, format!("unknown indicator '{key}'"), format!("未定义的指标“{key}”"))
}

/// One form value of `ind`, type-checked (`None`: not filled in); `path`
/// names it for an error.
pub fn read_value(ind: &Indicator, value: &InputValue, path: impl Fn() -> String) -> Result<Option<Decimal>> {
    // Named only when something is wrong: a batch reads every judge's every value here.
    if ind.credit.is_some() && *value != InputValue::Empty {
        let (en, zh_name) = indicator_names(ind);
        return Err(Error::new(
            ErrorCode::InvalidInput,
            path(),
            format!("{en} is derived from case credits; enter its handling and panel counts"),
            format!("{zh_name}由案件折算得出，请录入承办数和合议庭参与数"),
        ));
    }
    if let InputValue::Refused(r) = value {
        let (en, zh_name) = indicator_names(ind);
        return Err(Error::new(ErrorCode::TypeMismatch, path(), format!("{en}: {}", r.message), format!("{zh_name}：{}", r.message_zh)));
    }
    Ok(match (ind.value_type, value) {
        (_, InputValue::Empty) => None,
        (ValueType::Boolean, InputValue::Bool(b)) => Some(if *b { Decimal::ONE } else { Decimal::ZERO }),
        (ValueType::Boolean, InputValue::Number(_)) => return Err(mismatch(ind, path(), "a boolean", "a number")),
        (ValueType::Boolean, InputValue::Other(got)) => return Err(mismatch(ind, path(), "a boolean", got)),
        (ValueType::Number, InputValue::Number(d)) => Some(*d),
        (ValueType::Count, InputValue::Number(d)) if !d.is_sign_negative() && d.fract().is_zero() => Some(d.normalize()),
        (ValueType::Count, InputValue::Number(_)) => return Err(mismatch(ind, path(), "a whole number of zero or more", "a number")),
        (ValueType::Number, InputValue::Bool(_)) => return Err(mismatch(ind, path(), "a number", "a boolean")),
        (ValueType::Count, InputValue::Bool(_)) => return Err(mismatch(ind, path(), "a whole number of zero or more", "a boolean")),
        (_, InputValue::Other(got)) => return Err(mismatch(ind, path(), "a number", got)),
        (_, InputValue::Refused(_)) => None,
    })
}

/// Read the rule set of an input; a shape error is `INVALID_RULE_SET` at `ruleSet.…`.
pub fn parse_rule_set(value: serde_json::Value) -> Result<RuleSet> {
    crate::canonical::from_json_value(value).map_err(|mut e| {
        if e.code == ErrorCode::InvalidInput {
            e.code = ErrorCode::InvalidRuleSet;
        }
        e.at("ruleSet")
    })
}
