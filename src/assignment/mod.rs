//! 随机分案: auditable, balanced random case assignment.
//!
//! Eligibility first (department, case type, availability, recusal, region,
//! leader lists), then a lottery over quota-normalised load that favours
//! lighter judges, with a minimum pool and a probability cap so no draw is a
//! foregone result. Each draw's randomness is ChaCha20 keyed by SHA-256 of
//! the committed run seed, an optional public beacon, the case id, the draw
//! counter and the previous entry's hash. Every step is appended to a
//! SHA-256 hash chain that [`verify_ledger`] replays. The algorithm is
//! specified in `docs/assignment.md`.

pub mod audit;
pub mod engine;
pub mod ledger;
pub mod lottery;
pub mod model;
pub mod prepare;
pub mod random;
pub mod units;
pub mod verify;

pub use audit::{audit_ledger, AuditReport};
pub use ledger::{ChainReport, Entry, Ledger};
pub use model::{AssignmentInput, Case, Config, Event, Judge};
pub use verify::{verify_chain, verify_head, verify_ledger, VerifyInput, VerifyReport};

use serde::{Deserialize, Serialize};

/// Assign every case of `input` (replaying its events in order) and return the ledger.
pub fn assign(input: AssignmentInput) -> crate::Result<Ledger> {
    engine::run(&input, lottery::Lottery, None).map(|(ledger, _)| ledger)
}

/// Input of [`commit_seed`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CommitInput {
    /// The run seed, 64 hex digits.
    pub seed: String,
}

/// A commitment to publish before the draws.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Commitment {
    /// SHA-256("shenguan/commit/v1\0" ‖ seed), hex.
    pub commitment: String,
    /// The algorithm the seed will be used with.
    pub algorithm: String,
}

/// The commitment for a seed: publish it before the draws, reveal the seed after.
pub fn commit_seed(input: CommitInput) -> crate::Result<Commitment> {
    let seed = random::parse_seed(&input.seed, "seed")?;
    Ok(Commitment { commitment: random::commitment(&seed), algorithm: ledger::ALGORITHM.into() })
}
