//! 随机分案: auditable, balanced random case assignment that nobody can
//! steer, the operator included.
//!
//! Eligibility first (department, case type, availability, recusal, region,
//! leader lists), then a lottery over quota-normalised load that favours
//! lighter judges, with a minimum pool and a probability cap so no draw is a
//! foregone result. A run is committed (seed, every input that decides an
//! outcome, and a future beacon round) before its randomness exists; the
//! draws then read ChaCha20 streams keyed by the seed, the verified beacon
//! and the committed inputs. Every step is an entry of a hash chain that
//! [`verify_ledger`] replays. The algorithm is specified in `docs/assignment.md`.

pub mod audit;
pub mod commit;
pub mod engine;
pub mod ledger;
pub mod limits;
pub mod lottery;
pub mod model;
pub mod prepare;
pub mod random;
pub mod units;
pub mod verify;

pub use audit::{audit_ledger, AuditReport};
pub use engine::Replay;
pub use ledger::{ChainReport, Entry, Header};
pub use model::{AssignmentInput, Case, Config, Event, Judge};
pub use verify::{verify_chain, verify_head, verify_ledger, LedgerReader, VerifyInput, VerifyReport};

use crate::beacon::BeaconRef;
use crate::canonical::hex;
use crate::error::Result;
use serde::Serialize;

/// What to publish before the beacon round: the run commitment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunCommitment {
    /// SHA-256("shenguan/commit/v2\0" ‖ seed ‖ inputsDigest), hex: publish it.
    pub commitment: String,
    /// SHA-256 of the canonical committed inputs, hex.
    pub inputs_digest: String,
    /// The algorithm the run will use.
    pub algorithm: String,
    /// The beacon named.
    pub beacon: BeaconRef,
    /// When the named drand round will be published (Unix seconds), else null.
    pub round_time: Option<u64>,
    /// The commitment time as stated in the inputs.
    pub committed_at: String,
    /// Weak-configuration and unsigned-beacon codes (as the header will show).
    pub warnings: Vec<String>,
}

/// Validate a run and compute its commitment (no beacon value needed: it
/// does not exist yet). Publish `commitment` before the beacon round.
pub fn commit_run(input: AssignmentInput) -> Result<RunCommitment> {
    let prepared = prepare::prepare(input, prepare::Purpose::Commit)?;
    let input = &prepared.input;
    let round_time = match &input.beacon {
        BeaconRef::Drand { network, round } => Some(crate::beacon::round_time(*network, *round)),
        _ => None,
    };
    Ok(RunCommitment {
        commitment: hex(&prepared.commitment),
        inputs_digest: hex(&prepared.inputs_digest),
        algorithm: ledger::ALGORITHM.into(),
        beacon: input.beacon.clone(),
        round_time,
        committed_at: input.committed_at.clone(),
        warnings: prepared.warnings.clone(),
    })
}

/// Input of [`drand_round`].
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoundInput {
    /// The drand network.
    pub network: crate::beacon::DrandNetwork,
    /// The time of the commitment, `YYYY-MM-DDTHH:MM:SSZ`.
    pub after: String,
}

/// The round to name in a commitment made at a given time.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoundChoice {
    /// The first round published strictly after `after`.
    pub round: u64,
    /// When it is published, Unix seconds.
    pub round_time: u64,
    /// The same as `YYYY-MM-DDTHH:MM:SSZ`.
    pub round_time_text: String,
}

/// The drand round to name when committing at `after`: the next one, out
/// within one period (3 s on quicknet), so a filing clerk waits seconds.
pub fn drand_round(input: RoundInput) -> Result<RoundChoice> {
    let at = model::unix_seconds(&input.after)
        .ok_or_else(|| crate::error::Error::invalid("after", "expected a UTC time YYYY-MM-DDTHH:MM:SSZ", "时间应为协调世界时（UTC），写作如 2026-03-01T09:30:00Z"))?;
    let round = crate::beacon::round_at(input.network, at);
    let round_time = crate::beacon::round_time(input.network, round);
    // Times are written YYYY-MM-DDTHH:MM:SSZ: the round must come out by the end of year 9999.
    const LAST_SECOND: u64 = 253_402_300_799; // 9999-12-31T23:59:59Z
    if round_time > LAST_SECOND {
        return Err(crate::error::Error::new(
            crate::error::ErrorCode::OutOfRange,
            "after",
            "the next round after this time comes out after 9999-12-31T23:59:59Z",
            "此时间之后的下一轮晚于 9999-12-31T23:59:59Z 公布",
        ));
    }
    Ok(RoundChoice { round, round_time, round_time_text: model::utc_text(round_time) })
}

/// Writes a run's ledger text a part at a time.
pub struct LedgerWriter {
    replay: Replay<lottery::Lottery>,
    header_written: bool,
    done: bool,
}

impl LedgerWriter {
    /// Validate `input` (commitment and beacon included) and start the run.
    pub fn new(input: AssignmentInput) -> Result<Self> {
        Ok(LedgerWriter { replay: Replay::new(input, lottery::Lottery)?, header_written: false, done: false })
    }

    /// Append whole lines to `out` until it holds at least `min_bytes` or the
    /// run ends; returns false once nothing is left.
    pub fn write_lines(&mut self, out: &mut Vec<u8>, min_bytes: usize) -> Result<bool> {
        if !self.header_written {
            out.extend_from_slice(self.replay.header_line());
            out.push(b'\n');
            self.header_written = true;
        }
        while !self.done && out.len() < min_bytes {
            match self.replay.next_entry()? {
                Some(entry) => {
                    ledger::write_canonical(&entry, out)?;
                    out.push(b'\n');
                }
                None => self.done = true,
            }
        }
        Ok(!self.done)
    }

    /// The chain head so far (the final head once the run has ended).
    pub fn head(&self) -> String {
        hex(&self.replay.head())
    }
}

/// Run every event of `input` and return the ledger text (header line, then
/// one line per entry).
pub fn assign(input: AssignmentInput) -> Result<String> {
    crate::progress::in_phase("assign", || assign_reporting(input))
}

fn assign_reporting(input: AssignmentInput) -> Result<String> {
    let mut writer = LedgerWriter::new(input)?;
    let mut out = Vec::new();
    // A part at a time, so that a run whose ledger would not fit one string
    // stops as soon as it passes the limit.
    loop {
        let part_end = out.len() + (1 << 20);
        let more = writer.write_lines(&mut out, part_end)?;
        if out.len() > crate::limits::ASSIGN_LEDGER_BYTES {
            let limit = crate::limits::ASSIGN_LEDGER_BYTES;
            return Err(crate::limits::exceeded(
                "",
                format!("the ledger would be longer than {limit} bytes, the most one string holds here: write it in parts with LedgerWriter"),
                format!("分案记录将超过 {limit} 字节，超出单个字符串的上限：请用 LedgerWriter 分段写出"),
                limit,
            ));
        }
        if !more {
            break;
        }
    }
    String::from_utf8(out).map_err(|e| crate::error::Error::new(crate::error::ErrorCode::Internal, "", e.to_string(), e.to_string()))
}

/// The judges as they stand after a run, ready to be the `judges` of the
/// next run (continuous assignment), and the head to name as its `previousHead`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CarryForward {
    /// The run's judges with loads (4 places) and availability after its last entry.
    pub judges: Vec<Judge>,
    /// The run's chain head.
    pub previous_head: String,
}

/// Replay a run and give the next run's starting judges and `previousHead`.
pub fn carry_forward(input: AssignmentInput) -> Result<CarryForward> {
    let mut replay = Replay::head_only(input, lottery::Lottery)?;
    while replay.next_entry()?.is_some() {}
    let states = replay.judges();
    let judges = replay
        .input()
        .judges
        .iter()
        .map(|judge| {
            let mut next = judge.clone();
            if let Some(state) = states.binary_search_by(|s| s.id.as_str().cmp(&judge.id)).ok().and_then(|k| states.get(k)) {
                next.load = units::format_units(state.load).parse().unwrap_or(judge.load);
                next.availability = state.availability;
            }
            next
        })
        .collect();
    Ok(CarryForward { judges, previous_head: hex(&replay.head()) })
}

/// `input` with `commitment` set to its own commitment: for simulations,
/// benchmarks and tests, which replay runs nobody published. (A court
/// publishes `commit_run`'s commitment before the beacon round instead.)
pub fn with_commitment(mut input: AssignmentInput) -> Result<AssignmentInput> {
    let beacon_value = input.beacon_value.take();
    let commitment = commit_run(input.clone())?.commitment;
    input.commitment = Some(commitment);
    input.beacon_value = beacon_value;
    Ok(input)
}
