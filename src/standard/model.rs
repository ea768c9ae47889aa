//! Inputs shared by the standard-case operations: page counts, cases and the
//! court's configuration.

use crate::decimal::slips::{self, Reading, Refusal};
use crate::decimal::{Decimal, RoundingRule};
use crate::error::{join_path, Error, ErrorCode};
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The three page components of a closed case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Component {
    /// Dossier pages (卷宗页数).
    Dossier,
    /// Trial-transcript pages (庭审笔录页数).
    Transcript,
    /// Judgment-document pages (裁判文书页数).
    Judgment,
}

impl Component {
    /// The components in their fixed order.
    pub const ALL: [Component; 3] = [Component::Dossier, Component::Transcript, Component::Judgment];

    /// The JSON name.
    pub fn name(self) -> &'static str {
        match self {
            Component::Dossier => "dossier",
            Component::Transcript => "transcript",
            Component::Judgment => "judgment",
        }
    }

    /// The Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            Component::Dossier => "卷宗页数",
            Component::Transcript => "庭审笔录页数",
            Component::Judgment => "裁判文书页数",
        }
    }
}

/// A page count as given. Bad counts are kept, not rejected while parsing,
/// so that every bad count in a batch is reported at once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Count {
    /// The field is absent.
    #[default]
    Missing,
    /// A valid count.
    Pages(u32),
    /// A negative number (shown as given).
    Negative(String),
    /// A number that is not a whole count, or is too large (shown as given).
    NotWhole(String),
    /// Not a number at all (shown as given).
    NotNumber(String),
    /// A number with a typing slip that is refused, and its hint.
    Refused(Box<Refusal>),
}

impl Count {
    /// The count, or a coded error at `path`.
    pub fn check(&self, path: &str) -> Result<u32, Error> {
        self.check_named(path, "页数")
    }

    /// As [`Count::check`], naming the count in Chinese as `name_zh` (卷宗页数…).
    pub fn check_named(&self, path: &str, name_zh: &str) -> Result<u32, Error> {
        match self {
            Count::Pages(n) => Ok(*n),
            Count::Missing => Err(Error::new(
                ErrorCode::InvalidInput,
                path,
                "page count is missing",
                format!("缺少{name_zh}"),
            )),
            Count::Negative(v) => Err(Error::new(
                ErrorCode::OutOfRange,
                path,
                format!("page count {v} is negative"),
                format!("{name_zh} {v} 为负数"),
            )),
            Count::NotWhole(v) => Err(Error::new(
                ErrorCode::OutOfRange,
                path,
                format!("page count {v} is not a whole number from 0 to 4294967295"),
                format!("{name_zh} {v} 不是 0 到 4294967295 之间的整数"),
            )),
            Count::NotNumber(v) => Err(Error::new(
                ErrorCode::InvalidInput,
                path,
                format!("page count {v} is not a number"),
                format!("{name_zh} {v} 不是数字"),
            )),
            Count::Refused(r) => Err(Error::new(ErrorCode::InvalidInput, path, format!("page count {}", r.message), format!("{name_zh}{}", r.message_zh))),
        }
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CountVisitor)
    }
}

struct CountVisitor;

impl<'de> Visitor<'de> for CountVisitor {
    type Value = Count;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a page count")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
        Ok(match u32::try_from(v) {
            Ok(n) => Count::Pages(n),
            Err(_) => Count::NotWhole(v.to_string()),
        })
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
        if v < 0 {
            Ok(Count::Negative(v.to_string()))
        } else {
            self.visit_u64(v.unsigned_abs())
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
        Ok(if !v.is_finite() {
            Count::NotNumber(v.to_string())
        } else if v < 0.0 {
            Count::Negative(v.to_string())
        } else if v.fract() != 0.0 || v > f64::from(u32::MAX) {
            Count::NotWhole(v.to_string())
        } else {
            // Whole and within range, so the cast is exact.
            Count::Pages(v as u32)
        })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Count, E> {
        // A typed figure: spaces and full-width digits are undone, other
        // slips refused with their hint (docs/numbers.md).
        let text = match slips::undo(v, Reading::Typed) {
            Ok(text) => text,
            Err(refusal) => return Ok(Count::Refused(Box::new(refusal))),
        };
        let text = text.as_ref();
        if let Ok(n) = text.parse::<u64>() {
            return self.visit_u64(n);
        }
        let shown = format!("“{}”", slips::excerpt(v));
        Ok(match text.parse::<Decimal>() {
            Ok(d) if d.is_sign_negative() && !d.is_zero() => Count::Negative(shown),
            Ok(d) if d.fract().is_zero() && d >= Decimal::ZERO && d <= Decimal::from(u32::MAX) => {
                match u32::try_from(d.normalize().mantissa()) {
                    Ok(n) => Count::Pages(n),
                    Err(_) => Count::NotWhole(shown),
                }
            }
            Ok(_) => Count::NotWhole(shown),
            Err(_) => Count::NotNumber(shown),
        })
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Count, E> {
        Ok(Count::NotNumber(v.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Count, E> {
        Ok(Count::NotNumber("null".into()))
    }

    fn visit_none<E: de::Error>(self) -> Result<Count, E> {
        Ok(Count::NotNumber("null".into()))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Count, D::Error> {
        Count::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Count, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Count::NotNumber("an array".into()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Count, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Count::NotNumber("an object".into()))
    }
}

/// The page counts of one case.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Pages {
    /// Dossier pages.
    #[serde(default)]
    pub dossier: Count,
    /// Trial-transcript pages (0 when there was no hearing).
    #[serde(default)]
    pub transcript: Count,
    /// Judgment-document pages.
    #[serde(default)]
    pub judgment: Count,
}

impl Pages {
    /// The three counts, each checked; problems are pushed with their paths.
    /// With `allow_missing`, an absent count is 0.
    pub fn check(&self, path: &str, allow_missing: bool, problems: &mut Vec<Error>) -> Option<[u32; 3]> {
        let counts = [&self.dossier, &self.transcript, &self.judgment];
        let mut out = [0u32; 3];
        let mut ok = true;
        for ((slot, count), component) in out.iter_mut().zip(counts).zip(Component::ALL) {
            if allow_missing && *count == Count::Missing {
                continue;
            }
            match count.check_named(&join_path(path, component.name()), component.name_zh()) {
                Ok(n) => *slot = n,
                Err(e) => {
                    problems.push(e);
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }
}

/// A closed trial case.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Case {
    /// Unique id (案号).
    pub id: String,
    /// Case type, a key of `config.caseTypes`. Required to compute standard cases.
    #[serde(default)]
    pub case_type: Option<String>,
    /// Category (criminal, civil, administrative...). Overrides the case
    /// type's category.
    #[serde(default)]
    pub category: Option<String>,
    /// Handling judge.
    #[serde(default)]
    pub judge: Option<String>,
    /// Department credited with the case.
    #[serde(default)]
    pub department: Option<String>,
    /// Procedure, a key of `config.procedures` (程序).
    #[serde(default)]
    pub procedure: Option<String>,
    /// Simple/complex class, a key of `config.complexity` (繁简).
    #[serde(default)]
    pub complexity: Option<String>,
    /// Page counts.
    #[serde(default)]
    pub pages: Pages,
    /// Filing date (informational, not used).
    #[serde(default)]
    pub filed_on: Option<String>,
    /// Closing date (informational, not used).
    #[serde(default)]
    pub closed_on: Option<String>,
}

/// The conversion rule of one case type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseTypeRule {
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Category whose averages the case type uses in a per-category baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Conversion coefficient (转换系数); 1 for ordinary types.
    #[serde(default = "one")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub coefficient: Decimal,
    /// Base case-weight coefficient (基础案件权重系数, Shenzhen); default 1.
    #[serde(default = "one")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub base_weight: Decimal,
    /// A page-free score used instead of the page score (for types whose
    /// pages say little, e.g. preservation orders).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub fixed: Option<Decimal>,
}

/// How one enforcement closing type counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClosingRule {
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Standard enforcement cases per closed case.
    #[serde(default = "one")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub coefficient: Decimal,
    /// Counted only with the required approval.
    #[serde(default)]
    pub requires_approval: bool,
}

/// The enforcement standard's configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnforcementConfig {
    /// Closing types and their rules. Default: `fullyEnforced` (执行完毕, 1,
    /// no approval), `terminatedThisRound` (终本, 1, approval) and
    /// `terminated` (终结, 1, approval).
    #[serde(default = "default_closings")]
    pub closings: BTreeMap<String, ClosingRule>,
}

impl Default for EnforcementConfig {
    fn default() -> Self {
        EnforcementConfig { closings: default_closings() }
    }
}

fn default_closings() -> BTreeMap<String, ClosingRule> {
    let rule = |label: &str, requires_approval| ClosingRule {
        label: Some(label.to_string()),
        coefficient: Decimal::ONE,
        requires_approval,
    };
    BTreeMap::from([
        ("fullyEnforced".to_string(), rule("执行完毕", false)),
        ("terminatedThisRound".to_string(), rule("终结本次执行程序", true)),
        ("terminated".to_string(), rule("终结执行", true)),
    ])
}

/// A court's standard-case configuration.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StandardConfig {
    /// Free-text name of the configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Places and rule for each case's result (default 2, half-up).
    #[serde(default)]
    pub rounding: RoundingRule,
    /// Case types and their coefficients. A case whose type is not listed is
    /// an error (`MISSING_COEFFICIENT`).
    #[serde(default)]
    pub case_types: BTreeMap<String, CaseTypeRule>,
    /// Procedure coefficients (程序案件权重系数), e.g. `{"ordinary": "1.2"}`.
    /// A case without a procedure uses 1.
    #[serde(default)]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub procedures: BTreeMap<String, Decimal>,
    /// Simple/complex floating coefficients (繁简案件浮动系数), e.g.
    /// `{"simple": "0.8", "complex": "1.5"}`. A case without one uses 1.
    #[serde(default)]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub complexity: BTreeMap<String, Decimal>,
    /// The enforcement standard.
    #[serde(default)]
    pub enforcement: EnforcementConfig,
}

impl StandardConfig {
    /// Check the configuration; every problem is pushed with its path under `path`.
    pub fn check(&self, path: &str, problems: &mut Vec<Error>) {
        if let Err(e) = self.rounding.validate(&join_path(path, "rounding")) {
            problems.push(e);
        }
        for (name, rule) in &self.case_types {
            let p = join_path(path, &format!("caseTypes.{name}"));
            non_negative(rule.coefficient, &join_path(&p, "coefficient"), problems);
            non_negative(rule.base_weight, &join_path(&p, "baseWeight"), problems);
            if let Some(fixed) = rule.fixed {
                non_negative(fixed, &join_path(&p, "fixed"), problems);
            }
        }
        for (name, v) in &self.procedures {
            non_negative(*v, &join_path(path, &format!("procedures.{name}")), problems);
        }
        for (name, v) in &self.complexity {
            non_negative(*v, &join_path(path, &format!("complexity.{name}")), problems);
        }
        for (name, rule) in &self.enforcement.closings {
            let p = join_path(path, &format!("enforcement.closings.{name}.coefficient"));
            non_negative(rule.coefficient, &p, problems);
        }
    }
}

/// Push an `OUT_OF_RANGE` problem if `v` is negative.
pub(crate) fn non_negative(v: Decimal, path: &str, problems: &mut Vec<Error>) {
    if v.is_sign_negative() && !v.is_zero() {
        problems.push(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("{v} is negative; coefficients, weights and averages must be at least 0"),
            format!("{v} 为负数；系数、权重和均值不得小于 0"),
        ));
    }
}

pub(crate) fn one() -> Decimal {
    Decimal::ONE
}
