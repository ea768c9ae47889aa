//! The hash-chained ledger, `shenguan-ledger/2` (specified in
//! `docs/assignment.md`, "The ledger").
//!
//! A ledger is text: the header's canonical JSON on the first line, then one
//! line per entry, each the canonical JSON of the entry, each ending in
//! `\n`. A line is accepted only if it is exactly the canonical JSON of what
//! it parses to, so a published ledger has one byte form and one reading.
//! Each entry's `hash` covers a short binary record of who got which case by
//! which kind of step with which manual data (see [`entry_hash`]); the rest
//! of an entry (the seat explanations) is checked by replay.

use super::model::{Availability, Config, Reason, ReasonCode};
use crate::canonical::{hex, sha256, to_canonical_bytes};
use crate::error::{Error, ErrorCode, Result};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Ledger format identifier.
pub const FORMAT: &str = "shenguan-ledger/2";
/// Algorithm identifier: changes whenever any draw could come out differently.
pub const ALGORITHM: &str = "shenguan-assign/2";
/// Domain separator of an entry hash.
const ENTRY_DOMAIN: &[u8] = b"shenguan/entry/v2\0";

/// The beacon as recorded in the header: what was named, what was
/// published, and what the draw used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BeaconRecord {
    /// SHA-256 of the beacon's value as the spec derives it (hex; zeros for `none`).
    pub randomness: String,
    /// The beacon named in the commitment.
    pub reference: crate::beacon::BeaconRef,
    /// When a drand round was published (Unix seconds), else null.
    pub round_time: Option<u64>,
    /// True when the module checked the value's signature (drand).
    pub signature_checked: bool,
    /// The published value, or null for `none`.
    pub value: Option<crate::beacon::BeaconValue>,
}

/// What the whole ledger is bound to: the first line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Header {
    /// Always [`ALGORITHM`].
    pub algorithm: String,
    /// The beacon named, its value and the randomness drawn from it.
    pub beacon: BeaconRecord,
    /// The run commitment published before the beacon round.
    pub commitment: String,
    /// When the commitment was published, as the inputs state it.
    pub committed_at: String,
    /// Draw parameters (decimals normalised).
    pub config: Config,
    /// Court name.
    pub court: String,
    /// Always [`FORMAT`].
    pub format: String,
    /// SHA-256 of the canonical committed inputs (hex).
    pub inputs_digest: String,
    /// The chain head of the run this one continues (lower-case hex), or null.
    pub previous_head: Option<String>,
    /// Weak configurations and unsigned beacons, as codes (see the spec).
    pub warnings: Vec<String>,
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
    /// A judge's availability changed.
    Availability,
}

impl EntryKind {
    /// The byte that stands for the kind in the entry hash.
    pub fn code(self) -> u8 {
        match self {
            EntryKind::Draw => 0,
            EntryKind::Designate => 1,
            EntryKind::Reassign => 2,
            EntryKind::Redraw => 3,
            EntryKind::Availability => 4,
        }
    }
}

/// One candidate of a seat's lottery pool, written as an array
/// `[judge, load, weight, p]`: the load before the draw (4 places), the
/// integer lottery weight and the probability (6 places).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate(pub String, pub String, pub u64, pub String);

/// One drawn seat (seat 0 is the handling judge, 承办人).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Seat {
    /// The judge drawn.
    pub chosen: String,
    /// How many judges were eligible.
    pub eligible: u32,
    /// How many were excluded, by reason (only non-zero counts).
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

/// The record of an availability change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Change {
    /// Approver, if given.
    pub approver: Option<String>,
    /// The new availability.
    pub availability: Availability,
    /// The judge.
    pub judge_id: String,
    /// Reason, if given.
    pub reason: Option<Reason>,
    /// Time as given, if given.
    pub time: Option<String>,
}

/// One ledger entry: one per event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Entry {
    /// Case id (null for availability changes).
    pub case_id: Option<String>,
    /// The availability change, or null.
    pub change: Option<Change>,
    /// Hash of this entry (see [`entry_hash`]).
    pub hash: String,
    /// Position in the ledger, from 0 (also the draw's stream number).
    pub index: u64,
    /// The case's judges after this entry, handling judge first.
    pub judges: Vec<String>,
    /// Kind.
    pub kind: EntryKind,
    /// The manual step, if any.
    pub manual: Option<ManualRecord>,
    /// The judge who left the case (re-assignment, re-draw), or null.
    pub replaced: Option<String>,
    /// Seats drawn (empty for re-assignments and availability changes).
    pub seats: Vec<Seat>,
}

/// The header's canonical JSON (its line, without the newline). The config's
/// decimals are written normalised, so a header that spells one otherwise
/// (`"2.0000"`) is not in canonical form.
pub fn header_line(header: &Header) -> Result<Vec<u8>> {
    let mut normal = header.clone();
    normal.config = super::commit::normalised_config(&header.config);
    to_canonical_bytes(&normal)
}

/// Append the canonical JSON of a value whose struct members are declared
/// in canonical order (all entry types here): serde_json's compact output
/// then is the canonical form. Tests check it against the general writer.
pub fn write_canonical<T: Serialize>(value: &T, out: &mut Vec<u8>) -> Result<()> {
    serde_json::to_writer(out, value).map_err(|e| Error::new(ErrorCode::Internal, "", e.to_string(), e.to_string()))
}

/// The hash of an entry: SHA-256 over the domain, the previous hash and a
/// length-prefixed binary record of index, kind, case, judges, replaced
/// judge, manual data and availability change (docs/assignment.md, "Entry hash").
pub fn entry_hash(entry: &Entry, prev: &[u8; 32]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(ENTRY_DOMAIN);
    h.update(prev);
    h.update(entry.index.to_be_bytes());
    h.update([entry.kind.code()]);
    optional(&mut h, entry.case_id.as_deref());
    h.update((entry.judges.len() as u32).to_be_bytes());
    for judge in &entry.judges {
        text(&mut h, judge);
    }
    optional(&mut h, entry.replaced.as_deref());
    match &entry.manual {
        None => h.update([0]),
        Some(m) => {
            h.update([1]);
            text(&mut h, &m.judge_id);
            text(&mut h, &m.load_before);
            reason(&mut h, Some(&m.reason));
            text(&mut h, &m.approver);
            text(&mut h, &m.time);
        }
    }
    match &entry.change {
        None => h.update([0]),
        Some(c) => {
            h.update([1]);
            text(&mut h, &c.judge_id);
            text(&mut h, availability_name(c.availability));
            reason(&mut h, c.reason.as_ref());
            optional(&mut h, c.approver.as_deref());
            optional(&mut h, c.time.as_deref());
        }
    }
    h.finalize().into()
}

fn text(h: &mut Sha256, s: &str) {
    h.update((s.len() as u32).to_be_bytes());
    h.update(s.as_bytes());
}

fn optional(h: &mut Sha256, s: Option<&str>) {
    match s {
        None => h.update([0]),
        Some(s) => {
            h.update([1]);
            text(h, s);
        }
    }
}

fn reason(h: &mut Sha256, r: Option<&Reason>) {
    match r {
        None => h.update([0]),
        Some(r) => {
            h.update([1]);
            text(h, reason_name(r.code));
            optional(h, r.text.as_deref());
        }
    }
}

/// The JSON name of an availability.
pub fn availability_name(a: Availability) -> &'static str {
    match a {
        Availability::Available => "available",
        Availability::Absent => "absent",
        Availability::OnLeave => "onLeave",
        Availability::Transferred => "transferred",
    }
}

/// The JSON name of a reason code.
pub fn reason_name(code: ReasonCode) -> &'static str {
    match code {
        ReasonCode::StatutoryRecusal => "statutoryRecusal",
        ReasonCode::Transfer => "transfer",
        ReasonCode::Health => "health",
        ReasonCode::IntegrityRisk => "integrityRisk",
        ReasonCode::ChiefTakeoverWithin7Days => "chiefTakeoverWithin7Days",
        ReasonCode::LeaderPresides => "leaderPresides",
        ReasonCode::Other => "other",
    }
}

/// The header hash: SHA-256 of the header line.
pub fn header_hash(line: &[u8]) -> [u8; 32] {
    sha256(line)
}

/// Hex of a hash, as written in ledgers.
pub fn hash_hex(hash: &[u8; 32]) -> String {
    hex(hash)
}

/// Parse one ledger line strictly: it must be exactly the canonical JSON of
/// the value it parses to (no repeated or missing member, no other spelling
/// of a number or string, no whitespace). `path` names the line in errors.
pub fn parse_line<T: Serialize + DeserializeOwned>(line: &[u8], path: &str, canonical: fn(&T) -> Result<Vec<u8>>) -> Result<T> {
    let malformed = |at: &str, en: String, zh: String| {
        Error::new(ErrorCode::MalformedLedger, at, format!("the ledger does not parse: {en}"), format!("分案记录无法解析：{zh}"))
    };
    let value: T = serde_json::from_slice(line).map_err(|e| {
        let inner = crate::canonical::parse_error(line, &e).path;
        let at = if inner.is_empty() { path.to_string() } else { crate::error::join_path(path, &inner) };
        let raw = e.to_string();
        let zh = if e.is_syntax() || e.is_eof() { crate::error::parser::malformed_json_zh(&raw) } else { crate::error::parser::reason(&raw, &at).1 };
        malformed(&at, raw, zh)
    })?;
    if canonical(&value)? != line {
        return Err(malformed(
            path,
            "the line is not in canonical form (member order, a repeated or omitted member, spacing, or another spelling of a value)".into(),
            "该行不是规范形式（成员顺序、重复或缺少成员、空白，或数值与字符串的其他写法）".into(),
        ));
    }
    Ok(value)
}

/// Canonical JSON of an entry.
pub fn entry_line(entry: &Entry) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(512);
    write_canonical(entry, &mut out)?;
    Ok(out)
}

/// Where the chain itself is broken, without replaying any draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChainReport {
    /// True when every hash and index is intact.
    pub ok: bool,
    /// Entries checked.
    pub entries: usize,
    /// The chain head (the last entry's hash, or the header hash when there
    /// is no entry), or null when the chain is broken.
    pub head: Option<String>,
    /// First broken entry, or null.
    pub first_broken: Option<usize>,
    /// What is wrong there.
    pub problem: Option<String>,
    /// The same in Chinese.
    pub problem_zh: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_codes_are_distinct() {
        let kinds = [EntryKind::Draw, EntryKind::Designate, EntryKind::Reassign, EntryKind::Redraw, EntryKind::Availability];
        for (i, k) in kinds.iter().enumerate() {
            assert_eq!(k.code() as usize, i);
        }
    }
}
