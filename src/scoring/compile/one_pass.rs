//! Reading a batch's JSON text in one pass.
//!
//! A form's values are read into their indicators' slots, which needs the
//! compiled rule set; read as a typed input, the judges are first skipped
//! over as raw text and read again once the rule set is compiled. When the
//! rule set comes before the judges in the text, as callers write it, the
//! judges are read as they are met instead: for 10,000 judges the skipped
//! pass was about 6 ms of WebAssembly time.
//!
//! Only a clean read is used. On any problem (a syntax error, an unknown or
//! duplicate field, a rule set that does not compile, a malformed form) the
//! caller reads the text the usual way, so errors, their paths and their
//! order are exactly those of the typed input.

use super::compile;
use super::forms::{BatchJudge, JudgesSeed};
use crate::scoring::input::calls::{parse_rule_set, Detail};
use crate::scoring::input::rule_set::RuleSet;
use crate::scoring::input::snapshot::Baselines;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::cell::RefCell;
use std::fmt;

/// A batch's judges: read already, or their text to read once compiled.
pub enum Judges {
    /// Read in the one pass.
    Read(Vec<BatchJudge>),
    /// The JSON text of the judges array.
    Text(Box<RawValue>),
}

/// A batch input with its rule set parsed.
pub struct Batch {
    /// The rule set (parsed, not yet compiled).
    pub rule_set: RuleSet,
    /// The judges.
    pub judges: Judges,
    /// Court baselines.
    pub baselines: Baselines,
    /// How much to return.
    pub detail: Detail,
}

/// Read `text` in one pass; `None` when it must be read the usual way.
/// `with_detail`: whether a `detail` field belongs to the input.
pub fn read(text: &str, with_detail: bool) -> Option<Batch> {
    let mut de = serde_json::Deserializer::from_str(text);
    let batch = de.deserialize_map(BatchVisitor { with_detail }).ok()?;
    de.end().ok()?;
    Some(batch)
}

struct BatchVisitor {
    with_detail: bool,
}

impl<'de> Visitor<'de> for BatchVisitor {
    type Value = Batch;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a batch input")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Batch, A::Error> {
        let give_up = || de::Error::custom("read the usual way");
        let (mut rule_set, mut judges, mut baselines, mut detail) = (None, None, None, None);
        while let Some(key) = map.next_key::<&str>()? {
            match key {
                "ruleSet" if rule_set.is_none() => rule_set = Some(parse_rule_set(map.next_value()?).map_err(|_| give_up())?),
                "judges" if judges.is_none() => {
                    judges = Some(match &rule_set {
                        Some(rs) => {
                            let c = compile(rs).map_err(|_| give_up())?;
                            let failure = RefCell::new(None);
                            let read = map.next_value_seed(Checked(JudgesSeed::new(&c, "judges", &failure)))?;
                            Judges::Read(read)
                        }
                        None => Judges::Text(map.next_value()?),
                    })
                }
                "baselines" if baselines.is_none() => baselines = Some(map.next_value()?),
                "detail" if detail.is_none() && self.with_detail => detail = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    return Err(give_up());
                }
            }
        }
        Ok(Batch {
            rule_set: rule_set.ok_or_else(give_up)?,
            judges: judges.ok_or_else(give_up)?,
            baselines: baselines.unwrap_or_default(),
            detail: detail.unwrap_or_default(),
        })
    }
}

/// The judges seed, giving up on a form whose values have a problem (the
/// usual read reports it in its place among the other problems).
struct Checked<S>(S);

impl<'de, S: DeserializeSeed<'de, Value = Vec<BatchJudge>>> DeserializeSeed<'de> for Checked<S> {
    type Value = Vec<BatchJudge>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        let judges = self.0.deserialize(deserializer)?;
        if judges.iter().any(|j| j.values.is_err()) {
            return Err(de::Error::custom("read the usual way"));
        }
        Ok(judges)
    }
}
