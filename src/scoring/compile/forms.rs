//! Reading a batch's judges straight into indicator-indexed slots.
//!
//! A batch of 10,000 forms carries 270,000 named values. Read as maps of
//! strings, each name is allocated, copied, tracked for error paths and
//! freed again; here each name is looked up in the compiled rule set's
//! index while the JSON text is read, and the value lands in its slot.
//! Errors carry the same codes and paths as a form read whole.

use super::credit::derive_credits;
use super::Compiled;
use crate::scoring::input::calls::{read_value, unknown_value, InputValue, JudgeInput};
use crate::decimal::Decimal;
use crate::error::{Error, Result};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::RefCell;
use std::fmt;

/// One judge of a batch: the form without its values, and its values by
/// indicator index (or the first problem with them, reported in order
/// after the judge's id, zone and role are checked).
pub struct BatchJudge {
    /// Id, name, role, zone and court (`values` left empty).
    pub judge: JudgeInput,
    /// Values by indicator index, credited ones derived.
    pub values: Result<Vec<Option<Decimal>>>,
}

/// Read the JSON array of judges `text` (found at `path` in the input).
pub fn read_judges(c: &Compiled, text: &str, path: &str) -> Result<Vec<BatchJudge>> {
    let failure = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let read = JudgesSeed::new(c, path, &failure).deserialize(&mut de).and_then(|judges| de.end().map(|()| judges));
    finish(read, failure, path).map_err(|mut e| {
        // A failure of the reading itself (a judge's name that is not text,
        // an unknown member) is named from the text afterwards.
        if path == "judges" {
            crate::error::subject::name_from_judges(&mut e, text);
        }
        e
    })
}

/// A serde error's message without "at line 1 column 20": the position is
/// in the judges' text, not in the input, and the path says where it is.
fn without_position(e: &impl fmt::Display) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => text.get(..at).unwrap_or(&text).to_string(),
        None => text,
    }
}

/// Read one judge's form `text` (found at `path` in the input).
pub fn read_judge(c: &Compiled, text: &str, path: &str) -> Result<BatchJudge> {
    let failure = RefCell::new(None);
    let reader = Reader { c, path, failure: &failure };
    let mut de = serde_json::Deserializer::from_str(text);
    let read = JudgeSeed { reader, index: None }.deserialize(&mut de).and_then(|judge| de.end().map(|()| judge));
    finish(read, failure, path).map_err(|mut e| {
        crate::error::subject::name_from_form(&mut e, text);
        e
    })
}

/// The result of a read, with the recorded error (which carries its path) first.
fn finish<T>(read: std::result::Result<T, serde_json::Error>, failure: RefCell<Option<Error>>, path: &str) -> Result<T> {
    match (read, failure.into_inner()) {
        (Ok(value), _) => Ok(value),
        (Err(_), Some(e)) => Err(e),
        (Err(e), None) => Err(Error::invalid_input(path, without_position(&e))),
    }
}

/// Shared by the seeds: where the input lives and the first error with its path.
#[derive(Clone, Copy)]
struct Reader<'a, 'r> {
    c: &'a Compiled<'r>,
    path: &'a str,
    failure: &'a RefCell<Option<Error>>,
}

impl Reader<'_, '_> {
    /// Record `e` (the first one wins) and give serde an error to unwind with.
    fn fail<E: de::Error>(&self, e: Error) -> E {
        let message = e.message.clone();
        self.failure.borrow_mut().get_or_insert(e);
        E::custom(message)
    }

    /// Attach `path` to a serde error from below, unless one is recorded already.
    fn at<T, E: de::Error>(&self, r: std::result::Result<T, E>, path: impl FnOnce() -> String) -> std::result::Result<T, E> {
        r.map_err(|e| {
            if self.failure.borrow().is_some() {
                e
            } else {
                self.fail(Error::invalid_input(path(), without_position(&e)))
            }
        })
    }
}

/// Reads a JSON array of judge forms (see [`read_judges`]); the first
/// error, with its path, is recorded in `failure`.
pub struct JudgesSeed<'a, 'r> {
    c: &'a Compiled<'r>,
    path: &'a str,
    failure: &'a RefCell<Option<Error>>,
}

impl<'a, 'r> JudgesSeed<'a, 'r> {
    /// A seed for the judges found at `path`.
    pub fn new(c: &'a Compiled<'r>, path: &'a str, failure: &'a RefCell<Option<Error>>) -> Self {
        JudgesSeed { c, path, failure }
    }
}

impl<'de> DeserializeSeed<'de> for JudgesSeed<'_, '_> {
    type Value = Vec<BatchJudge>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> std::result::Result<Self::Value, D::Error> {
        let reader = Reader { c: self.c, path: self.path, failure: self.failure };
        deserializer.deserialize_seq(JudgesVisitor(reader))
    }
}

struct JudgesVisitor<'a, 'r>(Reader<'a, 'r>);

impl<'de> Visitor<'de> for JudgesVisitor<'_, '_> {
    type Value = Vec<BatchJudge>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of judge forms")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Self::Value, A::Error> {
        let mut judges = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            let index = judges.len();
            let next = seq.next_element_seed(JudgeSeed { reader: self.0, index: Some(index) });
            match self.0.at(next, || format!("{}[{index}]", self.0.path))? {
                Some(judge) => judges.push(judge),
                None => return Ok(judges),
            }
        }
    }
}

struct JudgeSeed<'a, 'r> {
    reader: Reader<'a, 'r>,
    /// Position in the batch (`None`: a single form).
    index: Option<usize>,
}

/// The fields of a judge form.
enum Field {
    Id,
    Name,
    Role,
    Zone,
    Court,
    Values,
    Unknown(String),
}

const FIELDS: &[&str] = &["id", "name", "role", "zone", "court", "values"];

impl<'de> de::Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct FieldVisitor;
        impl Visitor<'_> for FieldVisitor {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Field, E> {
                Ok(match v {
                    "id" => Field::Id,
                    "name" => Field::Name,
                    "role" => Field::Role,
                    "zone" => Field::Zone,
                    "court" => Field::Court,
                    "values" => Field::Values,
                    other => Field::Unknown(other.to_string()),
                })
            }
        }
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

impl<'de> DeserializeSeed<'de> for JudgeSeed<'_, '_> {
    type Value = BatchJudge;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> std::result::Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for JudgeSeed<'_, '_> {
    type Value = BatchJudge;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a judge form")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Self::Value, A::Error> {
        let r = self.reader;
        let index = self.index;
        let prefix = || match index {
            Some(i) => format!("{}[{i}]", r.path),
            None => r.path.to_string(),
        };
        let mut judge = JudgeInput::default();
        let (mut id, mut values) = (None, None);
        let mut seen = [false; 6];
        while let Some(field) = map.next_key::<Field>()? {
            let slot = match &field {
                Field::Unknown(name) => {
                    let expected = quoted(FIELDS);
                    let e = Error::invalid_input(format!("{}.{name}", prefix()), format!("unknown field `{name}`, expected one of {expected}"));
                    return Err(r.fail(e));
                }
                Field::Id => 0,
                Field::Name => 1,
                Field::Role => 2,
                Field::Zone => 3,
                Field::Court => 4,
                Field::Values => 5,
            };
            let name = FIELDS.get(slot).copied().unwrap_or("");
            let here = || format!("{}.{name}", prefix());
            if std::mem::replace(seen.get_mut(slot).unwrap_or(&mut false), true) {
                return Err(r.fail(Error::invalid_input(prefix(), format!("duplicate field `{name}`"))));
            }
            match field {
                Field::Id => id = Some(r.at(map.next_value::<String>(), here)?),
                Field::Name => judge.name = r.at(map.next_value(), here)?,
                Field::Role => judge.role = r.at(map.next_value(), here)?,
                Field::Zone => judge.zone = r.at(map.next_value(), here)?,
                Field::Court => judge.court = r.at(map.next_value(), here)?,
                Field::Values => values = Some(r.at(map.next_value_seed(ValuesSeed { reader: r, prefix: &prefix }), here)?),
                Field::Unknown(_) => {}
            }
        }
        judge.id = match id {
            Some(id) => id,
            None => return Err(r.fail(Error::invalid_input(prefix(), "missing field `id`"))),
        };
        let values = match values {
            Some(values) => values,
            None => Ok(vec![None; r.c.rs.indicators.len()]),
        };
        let values = values.and_then(|mut v| derive_credits(r.c, judge.role.as_deref(), &mut v).map(|()| v)).map_err(|e| about_judge(e, &judge));
        Ok(BatchJudge { judge, values })
    }
}

/// A problem in a judge's values, naming the judge by name and id.
fn about_judge(mut e: Error, judge: &JudgeInput) -> Error {
    e.about_judge(judge.name.as_deref(), &judge.id);
    e
}

fn quoted(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

struct ValuesSeed<'a, 'r, P> {
    reader: Reader<'a, 'r>,
    prefix: &'a P,
}

impl<'de, P: Fn() -> String> DeserializeSeed<'de> for ValuesSeed<'_, '_, P> {
    type Value = Result<Vec<Option<Decimal>>>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> std::result::Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, P: Fn() -> String> Visitor<'de> for ValuesSeed<'_, '_, P> {
    type Value = Result<Vec<Option<Decimal>>>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map of indicator ids to values")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Self::Value, A::Error> {
        let c = self.reader.c;
        let mut values = vec![None; c.rs.indicators.len()];
        // The first problem is kept and the rest of the map read, so the
        // problems of the judge's id, zone and role are reported first.
        let mut problem = None;
        // Forms list their values in the rule set's order, as a rule: the
        // indicator after the last one is tried before the index is hashed.
        let mut after = 0;
        while let Some(key) = map.next_key::<Key>()? {
            let path = || format!("{}.values.{}", (self.prefix)(), key.text());
            let value = self.reader.at(map.next_value::<InputValue>(), path)?;
            if problem.is_some() {
                continue;
            }
            let next = c.rs.indicators.get(after).filter(|ind| ind.id == key.text()).map(|_| after);
            let idx = next.or_else(|| key.index(c));
            after = idx.map_or(0, |i| i + 1);
            match idx.and_then(|i| c.indicator(i).map(|ind| (i, ind))) {
                None => problem = Some(unknown_value(path(), key.text())),
                Some((i, ind)) => match read_value(ind, &value, path) {
                    Ok(v) => {
                        if let Some(slot) = values.get_mut(i) {
                            *slot = v;
                        }
                    }
                    Err(e) => problem = Some(e),
                },
            }
        }
        Ok(match problem {
            Some(e) => Err(e),
            None => Ok(values),
        })
    }
}

/// A value's key: borrowed from the JSON text when it has no escapes.
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn text(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }

    fn index(&self, c: &Compiled) -> Option<usize> {
        c.index.get(self.text()).copied()
    }
}

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an indicator id")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> std::result::Result<Key<'de>, E> {
                Ok(Key::Borrowed(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Key<'de>, E> {
                Ok(Key::Owned(v.to_string()))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}
