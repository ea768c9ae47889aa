//! Replay verification: recompute the ledger from the published inputs and
//! the revealed seed, and report the first place the given ledger differs.

use super::engine;
use super::ledger::{check_chain, ChainReport, Entry, Ledger};
use super::lottery::Lottery;
use super::model::AssignmentInput;
use crate::canonical::from_json_value;
use crate::error::{ErrorCode, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Input of [`verify_ledger`] and [`super::audit_ledger`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VerifyInput {
    /// The published inputs, with the revealed seed.
    pub inputs: AssignmentInput,
    /// The ledger to check (as published).
    pub ledger: Value,
}

/// Input of [`verify_chain`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChainInput {
    /// The ledger to check.
    pub ledger: Value,
}

/// The first difference between the replayed and the given ledger.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Difference {
    /// Entry index, or null for the header.
    pub index: Option<usize>,
    /// The member that differs (`seats`, `hash`, ... or `entry` when one is missing).
    pub field: String,
    /// What the replay produced.
    pub expected: Value,
    /// What the ledger holds.
    pub found: Value,
}

/// Outcome of a replay verification.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VerifyReport {
    /// True when the ledger is exactly the replay's.
    pub ok: bool,
    /// Entries in the given ledger.
    pub entries: usize,
    /// Entries the replay produced.
    pub expected_entries: usize,
    /// The replay's chain head (its last entry's hash, or the header hash
    /// of an empty run): what the court publishes, and what the next run
    /// names as `previousHead`.
    pub head: String,
    /// The first difference, or null.
    pub first_difference: Option<Difference>,
    /// Integrity of the hash chain itself (checked when the replay differs).
    pub chain: Option<ChainReport>,
}

/// Parse a published ledger; any failure is `MALFORMED_LEDGER` at its path.
pub fn parse_ledger(value: Value) -> Result<Ledger> {
    from_json_value::<Ledger>(value).map_err(|mut e| {
        e.code = ErrorCode::MalformedLedger;
        e.message = format!("the ledger does not parse: {}", e.message);
        e.message_zh = format!("分案记录无法解析：{}", e.message_zh);
        e.at("ledger")
    })
}

/// Check only the hash chain of a ledger (no inputs needed).
pub fn verify_chain(input: ChainInput) -> Result<ChainReport> {
    check_chain(&parse_ledger(input.ledger)?)
}

/// Input of [`verify_head`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeadInput {
    /// The published inputs, with the revealed seed.
    pub inputs: AssignmentInput,
    /// The published chain head: the last entry's hash.
    pub head: String,
}

/// Outcome of [`verify_head`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HeadReport {
    /// True when the replayed chain ends in the published head.
    pub ok: bool,
    /// Entries replayed.
    pub entries: u64,
    /// The replayed chain head.
    pub head: String,
}

/// Replay the inputs without keeping entries and compare the chain head with
/// a published one. Because every entry hashes the one before, an equal head
/// means every entry is identical; when it differs, [`verify_ledger`] on the
/// full ledger finds the first entry that differs.
pub fn verify_head(input: HeadInput) -> Result<HeadReport> {
    let (entries, head) = engine::run_head(&input.inputs).map_err(|e| e.at("inputs"))?;
    Ok(HeadReport { ok: head.eq_ignore_ascii_case(input.head.trim()), entries, head })
}

/// Replay `input.inputs` and compare with `input.ledger`.
pub fn verify_ledger(input: VerifyInput) -> Result<VerifyReport> {
    let found = parse_ledger(input.ledger)?;
    let (expected, _) = engine::run(&input.inputs, Lottery, None).map_err(|e| e.at("inputs"))?;
    Ok(compare(&expected, &found))
}

/// Compare a replayed ledger with a given one.
pub fn compare(expected: &Ledger, found: &Ledger) -> VerifyReport {
    let first_difference = first_difference(expected, found);
    let ok = first_difference.is_none();
    VerifyReport {
        ok,
        entries: found.entries.len(),
        expected_entries: expected.entries.len(),
        head: expected.head().to_string(),
        first_difference,
        chain: if ok { None } else { check_chain(found).ok() },
    }
}

fn first_difference(expected: &Ledger, found: &Ledger) -> Option<Difference> {
    if expected.header != found.header || expected.header_hash != found.header_hash {
        let (e, f) = (to_value(&expected.header), to_value(&found.header));
        let field = differing_member(&e, &f).unwrap_or_else(|| "headerHash".into());
        return Some(Difference { index: None, field: format!("header.{field}"), expected: e, found: f });
    }
    for (i, (e, f)) in expected.entries.iter().zip(&found.entries).enumerate() {
        if e != f {
            let (ev, fv) = (to_value(e), to_value(f));
            let field = differing_member(&ev, &fv).unwrap_or_else(|| "entry".into());
            return Some(Difference {
                index: Some(i),
                expected: ev.get(&field).cloned().unwrap_or(Value::Null),
                found: fv.get(&field).cloned().unwrap_or(Value::Null),
                field,
            });
        }
    }
    let (n, m) = (expected.entries.len(), found.entries.len());
    if n != m {
        let entry = |entries: &[Entry]| entries.get(n.min(m)).map(to_value).unwrap_or(Value::Null);
        return Some(Difference { index: Some(n.min(m)), field: "entry".into(), expected: entry(&expected.entries), found: entry(&found.entries) });
    }
    None
}

fn to_value<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The first member (in order of the expected object) whose values differ,
/// else the first member only the found object has.
fn differing_member(expected: &Value, found: &Value) -> Option<String> {
    let (Value::Object(e), Value::Object(f)) = (expected, found) else { return None };
    let changed = e.iter().find(|(k, v)| f.get(*k) != Some(*v)).map(|(k, _)| k.clone());
    changed.or_else(|| f.keys().find(|k| !e.contains_key(*k)).cloned())
}
