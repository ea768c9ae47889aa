//! Seed commitment, per-draw seed derivation and unbiased sampling.
//!
//! Specified in `docs/assignment.md` ("Randomness"); the functions here are
//! the reference implementation of that text.

use crate::canonical::{hex, parse_hex, sha256};
use crate::error::{Error, ErrorCode, Result};
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;

/// Domain separator of the seed commitment.
const COMMIT_DOMAIN: &[u8] = b"shenguan/commit/v1\0";
/// Domain separator of the per-draw seed.
const DRAW_DOMAIN: &[u8] = b"shenguan/draw-seed/v1\0";
/// Longest beacon value accepted, in bytes.
pub const MAX_BEACON_BYTES: usize = 256;

/// Parse a 32-byte run seed from 64 hex digits.
pub fn parse_seed(text: &str, path: &str) -> Result<[u8; 32]> {
    parse_hex::<32>(text).ok_or_else(|| {
        Error::new(
            ErrorCode::MalformedSeed,
            path,
            "a seed must be exactly 64 hexadecimal digits (32 bytes)",
            "种子必须是 64 位十六进制数字（32 字节）",
        )
    })
}

/// Parse a beacon value (hex, even length, at most 256 bytes).
pub fn parse_beacon(text: &str, path: &str) -> Result<Vec<u8>> {
    let bytes = text.as_bytes();
    let bad = || {
        Error::new(
            ErrorCode::MalformedSeed,
            path,
            format!("a beacon value must be hexadecimal of even length, at most {MAX_BEACON_BYTES} bytes"),
            format!("信标值必须是偶数长度的十六进制数字，最多 {MAX_BEACON_BYTES} 字节"),
        )
    };
    if bytes.len() % 2 != 0 || bytes.len() > MAX_BEACON_BYTES * 2 {
        return Err(bad());
    }
    bytes
        .chunks_exact(2)
        .map(|pair| {
            let hi = (pair[0] as char).to_digit(16)?;
            let lo = (pair[1] as char).to_digit(16)?;
            Some((hi * 16 + lo) as u8)
        })
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(bad)
}

/// The commitment to publish before any draw: SHA-256("shenguan/commit/v1\0" ‖ seed).
pub fn commitment(seed: &[u8; 32]) -> String {
    let mut bytes = COMMIT_DOMAIN.to_vec();
    bytes.extend_from_slice(seed);
    hex(&sha256(&bytes))
}

/// Everything a draw's seed is derived from.
pub struct DrawSeedInput<'a> {
    /// The run seed.
    pub seed: &'a [u8; 32],
    /// The run's beacon value (may be empty).
    pub run_beacon: &'a [u8],
    /// The event's own beacon value (may be empty).
    pub event_beacon: &'a [u8],
    /// The case id.
    pub case_id: &'a str,
    /// The entry's index in the ledger (the draw counter).
    pub index: u64,
    /// The hash of the previous entry (or of the header for entry 0).
    pub prev_hash: &'a [u8; 32],
}

/// SHA-256 over the domain, the seed, both beacons, the case id, the counter
/// and the previous hash, each variable-length part prefixed by its length.
pub fn draw_seed(input: &DrawSeedInput<'_>) -> [u8; 32] {
    let mut bytes = Vec::with_capacity(160 + input.case_id.len());
    bytes.extend_from_slice(DRAW_DOMAIN);
    bytes.extend_from_slice(input.seed);
    for part in [input.run_beacon, input.event_beacon, input.case_id.as_bytes()] {
        bytes.extend_from_slice(&(part.len() as u32).to_be_bytes());
        bytes.extend_from_slice(part);
    }
    bytes.extend_from_slice(&input.index.to_be_bytes());
    bytes.extend_from_slice(input.prev_hash);
    sha256(&bytes)
}

/// The random stream of one draw: the ChaCha20 keystream under the draw seed
/// (nonce 0, block counter from 0), read as little-endian 64-bit words.
pub struct DrawRng(ChaCha20Rng);

impl DrawRng {
    /// A stream keyed by `seed`.
    pub fn new(seed: [u8; 32]) -> Self {
        DrawRng(ChaCha20Rng::from_seed(seed))
    }

    /// The next 64-bit word of the keystream.
    pub fn next_word(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A uniform integer in `[0, bound)` by rejection: words at or above
    /// `2^64 - (2^64 mod bound)` are discarded, the rest reduced mod `bound`.
    /// `bound` must be at least 1.
    pub fn below(&mut self, bound: u64) -> u64 {
        let bound = bound.max(1);
        let zone = (1u128 << 64) - ((1u128 << 64) % bound as u128);
        loop {
            let word = self.next_word();
            if (word as u128) < zone {
                return word % bound;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keystream_matches_chacha20_reference() {
        // ChaCha20, all-zero key and nonce, block 0: the published keystream
        // begins 76 b8 e0 ad a0 f1 3d 90 ...
        let mut rng = DrawRng::new([0u8; 32]);
        assert_eq!(rng.next_word(), u64::from_le_bytes([0x76, 0xb8, 0xe0, 0xad, 0xa0, 0xf1, 0x3d, 0x90]));
        assert_eq!(rng.next_word(), u64::from_le_bytes([0x40, 0x5d, 0x6a, 0xe5, 0x53, 0x86, 0xbd, 0x28]));
    }

    #[test]
    fn below_is_in_range_and_rejects_the_top() {
        let mut rng = DrawRng::new([7u8; 32]);
        for bound in [1u64, 2, 3, 10, 1 << 40, u64::MAX] {
            for _ in 0..100 {
                assert!(rng.below(bound) < bound);
            }
        }
    }

    #[test]
    fn commitment_and_seed_parsing() {
        let seed = parse_seed(&"00".repeat(32), "seed").unwrap();
        assert_eq!(commitment(&seed).len(), 64);
        assert_eq!(parse_seed("xyz", "seed").unwrap_err().code, ErrorCode::MalformedSeed);
        assert_eq!(parse_beacon("abc", "beacon").unwrap_err().code, ErrorCode::MalformedSeed);
        assert_eq!(parse_beacon("0aFF", "beacon").unwrap(), vec![0x0a, 0xff]);
    }
}
