//! The committed inputs and their digest: everything that decides an
//! outcome, in one canonical form, hashed before the beacon exists.

use super::ledger::write_canonical;
use super::model::{AssignmentInput, Availability, Config, Event, Role};
use crate::beacon::BeaconRef;
use crate::canonical::{parse_hex, to_canonical_bytes, write_string, hex};
use crate::error::{Error, ErrorCode, Result};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Write;

/// A judge as committed: defaults filled in, decimals normalised.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CommittedJudge<'a> {
    availability: Availability,
    case_types: &'a [String],
    department: &'a str,
    id: &'a str,
    load: String,
    name: &'a str,
    region: Option<&'a str>,
    role: Role,
    share: String,
}

/// The config as recorded in the header and the commitment: decimals
/// without trailing zeros, so `2`, `2.0` and `"2.00"` commit the same.
pub fn normalised_config(config: &Config) -> Config {
    Config {
        max_pool: config.max_pool,
        min_pool: config.min_pool,
        max_probability: config.max_probability.normalize(),
        tolerance: config.tolerance.normalize(),
        panel_member_share: config.panel_member_share.normalize(),
    }
}

/// Feeds written bytes to SHA-256 (through a buffer, so the many small
/// writes of the JSON writer stay cheap).
struct Hashing(Sha256);

impl Write for Hashing {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn internal(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::Internal, "", e.to_string(), e.to_string())
}

/// SHA-256 of the canonical JSON of
/// `{beacon, cases, committedAt, config, court, events, judges, previousHead}`
/// (docs/assignment.md, "Commitment"); `events` is the explicit list.
pub fn inputs_digest(input: &AssignmentInput, events: &[Event]) -> Result<[u8; 32]> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, Hashing(Sha256::new()));
    let mut chunk = Vec::with_capacity(1024);
    let put = |chunk: &mut Vec<u8>, out: &mut std::io::BufWriter<Hashing>| -> Result<()> {
        out.write_all(chunk).map_err(internal)?;
        chunk.clear();
        Ok(())
    };
    chunk.extend_from_slice(b"{\"beacon\":");
    chunk.extend_from_slice(&beacon_canonical(&input.beacon)?);
    chunk.extend_from_slice(b",\"cases\":[");
    for (i, case) in input.cases.iter().enumerate() {
        if i > 0 {
            chunk.push(b',');
        }
        write_canonical(case, &mut chunk)?;
        put(&mut chunk, &mut out)?;
    }
    chunk.extend_from_slice(b"],\"committedAt\":");
    write_string(&input.committed_at, &mut chunk);
    chunk.extend_from_slice(b",\"config\":");
    write_canonical(&normalised_config(&input.config), &mut chunk)?;
    chunk.extend_from_slice(b",\"court\":");
    write_string(&input.court, &mut chunk);
    chunk.extend_from_slice(b",\"events\":[");
    for (i, event) in events.iter().enumerate() {
        if i > 0 {
            chunk.push(b',');
        }
        write_canonical(event, &mut chunk)?;
        put(&mut chunk, &mut out)?;
    }
    chunk.extend_from_slice(b"],\"judges\":[");
    for (i, judge) in input.judges.iter().enumerate() {
        if i > 0 {
            chunk.push(b',');
        }
        let committed = CommittedJudge {
            availability: judge.availability,
            case_types: &judge.case_types,
            department: &judge.department,
            id: &judge.id,
            load: judge.load.normalize().to_string(),
            name: &judge.name,
            region: judge.region.as_deref(),
            role: judge.role,
            share: judge.share.normalize().to_string(),
        };
        write_canonical(&committed, &mut chunk)?;
        put(&mut chunk, &mut out)?;
    }
    chunk.extend_from_slice(b"],\"previousHead\":");
    match input.previous_head.as_deref().and_then(parse_hex::<32>) {
        Some(head) => write_string(&hex(&head), &mut chunk),
        None => chunk.extend_from_slice(b"null"),
    }
    chunk.push(b'}');
    put(&mut chunk, &mut out)?;
    let hashing = out.into_inner().map_err(internal)?;
    Ok(hashing.0.finalize().into())
}

/// The beacon reference in canonical JSON.
pub fn beacon_canonical(beacon: &BeaconRef) -> Result<Vec<u8>> {
    to_canonical_bytes(beacon)
}
