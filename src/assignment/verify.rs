//! Verification of a published ledger, as a stream: lines are read as they
//! arrive and compared with the replay (or, without inputs, checked as a
//! hash chain), so memory stays bounded whatever the ledger's length.

use super::engine::Replay;
use super::ledger::{entry_hash, entry_line, header_hash, header_line, parse_line, ChainReport, Entry, Header};
use super::lottery::Lottery;
use super::model::AssignmentInput;
use crate::canonical::{hex, parse_hex};
use crate::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Input of [`verify_ledger`] and [`super::audit_ledger`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VerifyInput {
    /// The published inputs, with the revealed seed and the beacon value.
    pub inputs: AssignmentInput,
    /// The ledger as published: its text, one JSON line per entry.
    pub ledger: String,
    /// Audit thresholds (used by `auditLedger` only).
    #[serde(default)]
    pub audit: Option<super::audit::AuditOptions>,
}

/// Input of [`verify_chain`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChainInput {
    /// The ledger text.
    pub ledger: String,
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
    /// True when the ledger is byte for byte the replay's.
    pub ok: bool,
    /// Entries in the given ledger.
    pub entries: usize,
    /// Entries the replay produced.
    pub expected_entries: usize,
    /// The replay's chain head: what the court publishes, and what the next
    /// run names as `previousHead`.
    pub head: String,
    /// The first difference, or null.
    pub first_difference: Option<Difference>,
    /// The given ledger's own hash chain (as `verifyChain` reports it).
    pub chain: ChainReport,
}

/// Reads a ledger's lines as they arrive, checking the chain and, with a
/// replay, comparing every line with the replay's.
pub struct LedgerReader {
    replay: Option<Replay<Lottery>>,
    pending: Vec<u8>,
    /// Lines read (the header is line 0).
    lines: usize,
    prev: [u8; 32],
    broken: Option<(usize, &'static str, &'static str)>,
    difference: Option<Difference>,
    /// A malformed line stops the reading for good.
    failed: Option<Error>,
}

/// Longest line accepted (the longest line `assign` can write is smaller).
pub const MAX_LINE_BYTES: usize = crate::limits::LEDGER_LINE_BYTES;

impl LedgerReader {
    /// A reader that checks the hash chain only.
    pub fn chain_only() -> Self {
        Self::with(None)
    }

    /// A reader that replays `inputs` and compares.
    pub fn replaying(inputs: AssignmentInput) -> Result<Self> {
        Ok(Self::with(Some(Replay::new(inputs, Lottery).map_err(|e| e.at("inputs"))?)))
    }

    fn with(replay: Option<Replay<Lottery>>) -> Self {
        LedgerReader { replay, pending: Vec::new(), lines: 0, prev: [0; 32], broken: None, difference: None, failed: None }
    }

    /// Read the next part of the ledger text (split anywhere, even inside a character).
    pub fn push(&mut self, bytes: &[u8]) -> Result<()> {
        crate::progress::in_phase("verify", || self.push_lines(bytes))
    }

    fn push_lines(&mut self, bytes: &[u8]) -> Result<()> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }
        let mut rest = bytes;
        while let Some(end) = rest.iter().position(|&b| b == b'\n') {
            let result = if self.pending.is_empty() {
                self.line(&rest[..end])
            } else {
                let mut line = std::mem::take(&mut self.pending);
                line.extend_from_slice(&rest[..end]);
                self.line(&line)
            };
            if let Err(error) = result {
                self.failed = Some(error.clone());
                return Err(error);
            }
            rest = &rest[end + 1..];
        }
        self.pending.extend_from_slice(rest);
        if self.pending.len() > MAX_LINE_BYTES {
            let error = self.too_long();
            self.failed = Some(error.clone());
            return Err(error);
        }
        Ok(())
    }

    fn too_long(&self) -> Error {
        let n = self.lines + 1;
        self.malformed("ledger", format!("line {n} is longer than {MAX_LINE_BYTES} bytes"), format!("第 {n} 行超过 {MAX_LINE_BYTES} 字节"))
    }

    fn malformed(&self, path: &str, en: String, zh: String) -> Error {
        Error::new(ErrorCode::MalformedLedger, path, format!("the ledger does not parse: {en}"), format!("分案记录无法解析：{zh}"))
            .with_details(serde_json::json!({ "line": self.lines + 1 }))
    }

    fn line(&mut self, line: &[u8]) -> Result<()> {
        if line.len() > MAX_LINE_BYTES {
            return Err(self.too_long());
        }
        let index = self.lines;
        self.lines += 1;
        if index == 0 {
            return self.header(line);
        }
        self.entry(index - 1, line)
    }

    fn header(&mut self, line: &[u8]) -> Result<()> {
        let matches = self.replay.as_ref().is_some_and(|r| r.header_line() == line);
        if !matches {
            let found: Header = parse_line(line, "ledger.header", header_line)?;
            if found.format != super::ledger::FORMAT || found.algorithm != super::ledger::ALGORITHM {
                return Err(self.malformed("ledger.header.format", "not a shenguan-ledger/2 ledger".into(), "不是 shenguan-ledger/2 格式的分案记录".into()));
            }
            if let Some(replay) = &self.replay {
                let (e, f) = (to_value(replay.header()), to_value(&found));
                let field = differing_member(&e, &f).unwrap_or_else(|| "header".into());
                self.difference = Some(Difference { index: None, field: format!("header.{field}"), expected: e, found: f });
            }
        }
        self.prev = header_hash(line);
        Ok(())
    }

    fn entry(&mut self, index: usize, line: &[u8]) -> Result<()> {
        let path = format!("ledger.entries[{index}]");
        if self.difference.is_none() {
            if let Some(replay) = self.replay.as_mut() {
                match replay.next_entry().map_err(|e| e.at("inputs"))? {
                    Some(expected) => {
                        let expected_line = entry_line(&expected)?;
                        if expected_line == line {
                            // Same bytes: the replay's hash is this line's, over the same chain.
                            self.prev = parse_hex::<32>(&expected.hash).unwrap_or_default();
                            return Ok(());
                        }
                        let found: Entry = parse_line(line, &path, entry_line)?;
                        let (e, f) = (to_value(&expected), to_value(&found));
                        let field = differing_member(&e, &f).unwrap_or_else(|| "entry".into());
                        self.difference = Some(Difference {
                            index: Some(index),
                            expected: e.get(&field).cloned().unwrap_or(Value::Null),
                            found: f.get(&field).cloned().unwrap_or(Value::Null),
                            field,
                        });
                        self.chain(index, &found);
                        return Ok(());
                    }
                    None => {
                        let found: Entry = parse_line(line, &path, entry_line)?;
                        self.difference = Some(Difference { index: Some(index), field: "entry".into(), expected: Value::Null, found: to_value(&found) });
                        self.chain(index, &found);
                        return Ok(());
                    }
                }
            }
        }
        let found: Entry = parse_line(line, &path, entry_line)?;
        self.chain(index, &found);
        Ok(())
    }

    fn chain(&mut self, index: usize, found: &Entry) {
        if self.broken.is_some() {
            return;
        }
        if found.index != index as u64 {
            self.broken = Some((index, "index out of sequence", "序号不连续"));
            return;
        }
        let hash = entry_hash(found, &self.prev);
        if parse_hex::<32>(&found.hash) != Some(hash) {
            self.broken = Some((index, "hash does not match the entry's content and the previous hash", "hash 与记录内容及上一条哈希不符"));
            return;
        }
        self.prev = hash;
    }

    fn finish_lines(&mut self) -> Result<()> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }
        if !self.pending.is_empty() {
            return Err(self.malformed("ledger", "the last line does not end with a newline".into(), "最后一行没有以换行符结束".into()));
        }
        if self.lines == 0 {
            return Err(self.malformed("ledger", "the ledger is empty: the first line must be the header".into(), "分案记录为空：第一行须为记录头".into()));
        }
        Ok(())
    }

    fn chain_report(&self) -> ChainReport {
        let entries = self.lines.saturating_sub(1);
        match self.broken {
            None => ChainReport { ok: true, entries, head: Some(hex(&self.prev)), first_broken: None, problem: None, problem_zh: None },
            Some((at, en, zh)) => ChainReport { ok: false, entries, head: None, first_broken: Some(at), problem: Some(en.into()), problem_zh: Some(zh.into()) },
        }
    }

    /// The chain report once every line has been pushed.
    pub fn finish_chain(mut self) -> Result<ChainReport> {
        self.finish_lines()?;
        Ok(self.chain_report())
    }

    /// The replay report once every line has been pushed.
    pub fn finish(self) -> Result<VerifyReport> {
        crate::progress::in_phase("verify", || self.finish_replay())
    }

    fn finish_replay(mut self) -> Result<VerifyReport> {
        self.finish_lines()?;
        let chain = self.chain_report();
        let entries = self.lines - 1;
        let Some(mut replay) = self.replay.take() else {
            return Err(Error::new(ErrorCode::Internal, "", "no replay to compare with", "没有可比较的重放"));
        };
        let mut difference = self.difference.take();
        if difference.is_none() {
            if let Some(missing) = replay.next_entry().map_err(|e| e.at("inputs"))? {
                difference = Some(Difference { index: Some(entries), field: "entry".into(), expected: to_value(&missing), found: Value::Null });
            }
        }
        while replay.next_entry().map_err(|e| e.at("inputs"))?.is_some() {}
        let ok = difference.is_none() && chain.ok;
        Ok(VerifyReport { ok, entries, expected_entries: replay.count() as usize, head: hex(&replay.head()), first_difference: difference, chain })
    }
}

/// Check only the hash chain of a ledger (no inputs needed).
pub fn verify_chain(input: ChainInput) -> Result<ChainReport> {
    let mut reader = LedgerReader::chain_only();
    reader.push(input.ledger.as_bytes())?;
    reader.finish_chain()
}

/// Input of [`verify_head`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeadInput {
    /// The published inputs, with the revealed seed and beacon value.
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
/// means every entry's hashed record is identical; [`verify_ledger`] on the
/// full ledger also checks the seat explanations.
pub fn verify_head(input: HeadInput) -> Result<HeadReport> {
    crate::progress::in_phase("head", || verify_head_reporting(input))
}

fn verify_head_reporting(input: HeadInput) -> Result<HeadReport> {
    let mut replay = Replay::head_only(input.inputs, Lottery).map_err(|e| e.at("inputs"))?;
    while replay.next_entry().map_err(|e| e.at("inputs"))?.is_some() {}
    let head = hex(&replay.head());
    Ok(HeadReport { ok: parse_hex::<32>(input.head.trim()).map(|h| hex(&h)) == Some(head.clone()), entries: replay.count(), head })
}

/// Replay `input.inputs` and compare with `input.ledger`.
pub fn verify_ledger(input: VerifyInput) -> Result<VerifyReport> {
    crate::progress::in_phase("verify", || {
        let mut reader = LedgerReader::replaying(input.inputs)?;
        reader.push(input.ledger.as_bytes())?;
        reader.finish()
    })
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
