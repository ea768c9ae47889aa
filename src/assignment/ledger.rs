//! The hash-chained ledger (specified in `docs/assignment.md`, "The ledger").
//!
//! `entry.hash` = SHA-256 of the canonical JSON of the entry without its
//! `hash` member; `entry.prev` is the previous entry's hash, or for entry 0
//! the hash of the header (SHA-256 of the header's canonical JSON).

use super::model::{Config, Reason};
use crate::canonical::{hex, parse_hex, sha256, to_canonical_bytes};
use crate::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Ledger format identifier.
pub const FORMAT: &str = "shenguan-ledger/1";
/// Algorithm identifier: changes whenever any draw could come out differently.
pub const ALGORITHM: &str = "shenguan-assign/1";

/// What the whole ledger is bound to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Header {
    /// Always [`ALGORITHM`].
    pub algorithm: String,
    /// Run beacon value (hex) or empty.
    pub beacon: String,
    /// Commitment to the run seed (published before the draws).
    pub commitment: String,
    /// Draw parameters.
    pub config: Config,
    /// Court name.
    pub court: String,
    /// Always [`FORMAT`].
    pub format: String,
    /// The chain head of the run this one continues (lower-case hex), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_head: Option<String>,
}

/// Kinds of entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum EntryKind {
    /// Random draw.
    Draw,
    /// 指定分案.
    Designate,
    /// 二次分案 / 调整承办人.
    Reassign,
    /// Re-draw of a seat after a recusal.
    Redraw,
}

/// One candidate of a seat's lottery pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Candidate {
    /// Judge id.
    pub judge: String,
    /// Load before the draw, standard cases with 4 places.
    pub load: String,
    /// Probability weight / total, rounded half-up to 6 places.
    pub p: String,
    /// Integer lottery weight.
    pub weight: u64,
}

/// One drawn seat (seat 0 is the handling judge, 承办人).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Seat {
    /// The judge drawn.
    pub chosen: String,
    /// How many judges were eligible.
    pub eligible: u32,
    /// How many were excluded, by reason.
    pub excluded: BTreeMap<String, u32>,
    /// Why the draw was low-entropy, or null.
    pub low_entropy: Option<String>,
    /// The lottery pool in judge-id order.
    pub pool: Vec<Candidate>,
    /// Seat number on the case.
    pub seat: u32,
}

/// The record of a manual step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ManualRecord {
    /// Approver.
    pub approver: String,
    /// Judge designated, newly assigned, or recused.
    pub judge_id: String,
    /// That judge's load before the step.
    pub load_before: String,
    /// Reason from the fixed list.
    pub reason: Reason,
    /// Time as given.
    pub time: String,
}

/// One ledger entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Entry {
    /// Case id.
    pub case_id: String,
    /// Hash of this entry (omitted while the hash is being computed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hash: String,
    /// Position in the ledger, from 0 (the draw counter).
    pub index: u64,
    /// SHA-256 of the canonical JSON of `{"case": ..., "event": ...}`.
    pub input_digest: String,
    /// The case's judges after this entry, handling judge first.
    pub judges: Vec<String>,
    /// Kind.
    pub kind: EntryKind,
    /// The manual step, if any.
    pub manual: Option<ManualRecord>,
    /// Hash of the previous entry (or of the header).
    pub prev: String,
    /// The judge who left the case (re-assignment, re-draw), or null.
    pub replaced: Option<String>,
    /// Seats drawn (empty for designations and re-assignments).
    pub seats: Vec<Seat>,
}

/// A complete ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Ledger {
    /// What the chain is bound to.
    pub header: Header,
    /// SHA-256 of the header's canonical JSON (entry 0's `prev`).
    pub header_hash: String,
    /// The entries in order.
    pub entries: Vec<Entry>,
}

impl Ledger {
    /// The chain head: the last entry's hash, or the header hash when there
    /// are no entries.
    pub fn head(&self) -> &str {
        self.entries.last().map_or(&self.header_hash, |e| &e.hash)
    }
}

/// Hash of the header.
pub fn header_hash(header: &Header) -> Result<[u8; 32]> {
    Ok(sha256(&to_canonical_bytes(header)?))
}

/// Canonical JSON of a value whose struct members are declared in canonical
/// order (all ledger and input types here): serde_json's compact output then
/// is the canonical form, without building an intermediate tree. Tests check
/// it against the general writer.
pub fn direct_canonical<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    write_canonical(value, &mut bytes)?;
    Ok(bytes)
}

/// Append the canonical JSON of `value` (see [`direct_canonical`]) to `out`.
pub fn write_canonical<T: Serialize>(value: &T, out: &mut Vec<u8>) -> Result<()> {
    serde_json::to_writer(out, value).map_err(|e| Error::new(ErrorCode::Internal, "", e.to_string(), e.to_string()))
}

/// Hash of an entry: SHA-256 of its canonical JSON without `hash`.
pub fn entry_hash(entry: &Entry) -> Result<[u8; 32]> {
    entry_hash_in(entry, &mut Vec::new())
}

/// [`entry_hash`] writing the canonical JSON into a reusable buffer.
pub fn entry_hash_in(entry: &Entry, buffer: &mut Vec<u8>) -> Result<[u8; 32]> {
    buffer.clear();
    if entry.hash.is_empty() {
        write_canonical(entry, buffer)?;
    } else {
        let mut unsealed = entry.clone();
        unsealed.hash.clear();
        write_canonical(&unsealed, buffer)?;
    }
    Ok(sha256(buffer))
}

/// Seal an entry: set `prev` and compute `hash`. Returns the hash bytes.
pub fn seal(entry: &mut Entry, prev: &[u8; 32]) -> Result<[u8; 32]> {
    seal_in(entry, prev, &mut Vec::new())
}

/// [`seal`] writing the canonical JSON into a reusable buffer.
pub fn seal_in(entry: &mut Entry, prev: &[u8; 32], buffer: &mut Vec<u8>) -> Result<[u8; 32]> {
    entry.prev = hex(prev);
    entry.hash = String::new();
    let hash = entry_hash_in(entry, buffer)?;
    entry.hash = hex(&hash);
    Ok(hash)
}

/// Where the chain itself is broken, without replaying any draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChainReport {
    /// True when every hash and link is intact.
    pub ok: bool,
    /// Entries checked.
    pub entries: usize,
    /// First broken entry, or null.
    pub first_broken: Option<usize>,
    /// What is wrong there.
    pub problem: Option<String>,
    /// The same in Chinese.
    pub problem_zh: Option<String>,
}

/// Check the header hash, every entry's hash, index and `prev` link.
pub fn check_chain(ledger: &Ledger) -> Result<ChainReport> {
    let broken = |index: usize, problem: &str, problem_zh: &str| ChainReport {
        ok: false,
        entries: ledger.entries.len(),
        first_broken: Some(index),
        problem: Some(problem.to_string()),
        problem_zh: Some(problem_zh.to_string()),
    };
    let mut prev = header_hash(&ledger.header)?;
    let mut buffer = Vec::new();
    if parse_hex::<32>(&ledger.header_hash) != Some(prev) {
        return Ok(ChainReport { first_broken: None, ..broken(0, "headerHash does not match the header", "headerHash 与记录头不符") });
    }
    for (i, entry) in ledger.entries.iter().enumerate() {
        if entry.index != i as u64 {
            return Ok(broken(i, "index out of sequence", "序号不连续"));
        }
        if parse_hex::<32>(&entry.prev) != Some(prev) {
            return Ok(broken(i, "prev does not match the previous entry's hash", "prev 与上一条记录的哈希不符"));
        }
        let hash = entry_hash_in(entry, &mut buffer)?;
        if parse_hex::<32>(&entry.hash) != Some(hash) {
            return Ok(broken(i, "hash does not match the entry's content", "hash 与记录内容不符"));
        }
        prev = hash;
    }
    Ok(ChainReport { ok: true, entries: ledger.entries.len(), first_broken: None, problem: None, problem_zh: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direct_serialisation_is_canonical() {
        let input: crate::assignment::AssignmentInput =
            serde_json::from_str(include_str!("../../tests/fixtures/small-court.json")).unwrap();
        let ledger = crate::assignment::assign(input.clone()).unwrap();
        assert_eq!(direct_canonical(&ledger.header).unwrap(), to_canonical_bytes(&ledger.header).unwrap());
        for entry in &ledger.entries {
            assert_eq!(direct_canonical(entry).unwrap(), to_canonical_bytes(entry).unwrap());
        }
        for case in &input.cases {
            assert_eq!(direct_canonical(case).unwrap(), to_canonical_bytes(case).unwrap());
        }
        for event in input.events.iter().flatten() {
            assert_eq!(direct_canonical(event).unwrap(), to_canonical_bytes(event).unwrap());
        }
    }
}
