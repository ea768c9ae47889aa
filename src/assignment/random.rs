//! Seed commitment, run-key derivation, the per-entry ChaCha20 stream and
//! unbiased sampling.
//!
//! Specified in `docs/assignment.md` ("Randomness"); the functions here are
//! the reference implementation of that text. One SHA-256 derives the run
//! key; each entry then reads its own ChaCha20 stream (nonce = entry index),
//! so a draw costs one ChaCha20 block, not a hash and a key schedule.

use crate::canonical::{parse_hex, sha256};
use crate::error::{Error, ErrorCode, Result};

/// Domain separator of the run commitment.
const COMMIT_DOMAIN: &[u8] = b"shenguan/commit/v2\0";
/// Domain separator of the run key.
const RUN_KEY_DOMAIN: &[u8] = b"shenguan/run-key/v2\0";

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

/// The run commitment to publish before the beacon round:
/// SHA-256("shenguan/commit/v2\0" ‖ seed ‖ inputs digest).
pub fn commitment(seed: &[u8; 32], inputs_digest: &[u8; 32]) -> [u8; 32] {
    let mut bytes = Vec::with_capacity(COMMIT_DOMAIN.len() + 64);
    bytes.extend_from_slice(COMMIT_DOMAIN);
    bytes.extend_from_slice(seed);
    bytes.extend_from_slice(inputs_digest);
    sha256(&bytes)
}

/// The key of every entry's stream:
/// SHA-256("shenguan/run-key/v2\0" ‖ seed ‖ beacon randomness ‖ inputs digest).
pub fn run_key(seed: &[u8; 32], beacon: &[u8; 32], inputs_digest: &[u8; 32]) -> [u8; 32] {
    let mut bytes = Vec::with_capacity(RUN_KEY_DOMAIN.len() + 96);
    bytes.extend_from_slice(RUN_KEY_DOMAIN);
    bytes.extend_from_slice(seed);
    bytes.extend_from_slice(beacon);
    bytes.extend_from_slice(inputs_digest);
    sha256(&bytes)
}

/// The ChaCha20 block function of RFC 8439 (20 rounds): 16 output words for
/// `key`, block `counter` and the 96-bit nonce given as three words.
pub fn chacha20_block(key: &[u32; 8], counter: u32, nonce: [u32; 3]) -> [u32; 16] {
    let mut initial = [0u32; 16];
    initial[..4].copy_from_slice(&[0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]);
    initial[4..12].copy_from_slice(key);
    initial[12] = counter;
    initial[13..].copy_from_slice(&nonce);
    let mut x = initial;
    for _ in 0..10 {
        quarter(&mut x, 0, 4, 8, 12);
        quarter(&mut x, 1, 5, 9, 13);
        quarter(&mut x, 2, 6, 10, 14);
        quarter(&mut x, 3, 7, 11, 15);
        quarter(&mut x, 0, 5, 10, 15);
        quarter(&mut x, 1, 6, 11, 12);
        quarter(&mut x, 2, 7, 8, 13);
        quarter(&mut x, 3, 4, 9, 14);
    }
    for (word, start) in x.iter_mut().zip(initial) {
        *word = word.wrapping_add(start);
    }
    x
}

#[inline(always)]
fn quarter(x: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize) {
    x[a] = x[a].wrapping_add(x[b]);
    x[d] = (x[d] ^ x[a]).rotate_left(16);
    x[c] = x[c].wrapping_add(x[d]);
    x[b] = (x[b] ^ x[c]).rotate_left(12);
    x[a] = x[a].wrapping_add(x[b]);
    x[d] = (x[d] ^ x[a]).rotate_left(8);
    x[c] = x[c].wrapping_add(x[d]);
    x[b] = (x[b] ^ x[c]).rotate_left(7);
}

/// The run key as ChaCha20 key words (little-endian, as RFC 8439 reads them).
pub fn key_words(key: &[u8; 32]) -> [u32; 8] {
    let mut words = [0u32; 8];
    for (word, bytes) in words.iter_mut().zip(key.chunks_exact(4)) {
        *word = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    }
    words
}

/// The random stream of one entry: the ChaCha20 keystream under the run key
/// with nonce = 4 zero bytes ‖ u64le(entry index), block counter from 0,
/// read as consecutive little-endian 64-bit words.
pub struct DrawRng {
    key: [u32; 8],
    nonce: [u32; 3],
    counter: u32,
    block: [u32; 16],
    /// Next unread 64-bit word of `block` (8 = block used up).
    next: usize,
}

impl DrawRng {
    /// The stream of entry `index` under `key`.
    pub fn new(key: &[u32; 8], index: u64) -> Self {
        DrawRng { key: *key, nonce: [0, index as u32, (index >> 32) as u32], counter: 0, block: [0; 16], next: 8 }
    }

    /// The next 64-bit word of the keystream.
    pub fn next_word(&mut self) -> u64 {
        if self.next == 8 {
            self.block = chacha20_block(&self.key, self.counter, self.nonce);
            self.counter = self.counter.wrapping_add(1);
            self.next = 0;
        }
        let word = u64::from(self.block[2 * self.next]) | (u64::from(self.block[2 * self.next + 1]) << 32);
        self.next += 1;
        word
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
    use rand_chacha::rand_core::{RngCore, SeedableRng};

    #[test]
    fn block_function_matches_rfc_8439() {
        // RFC 8439 section 2.3.2: key 00..1f, counter 1, nonce 00:00:00:09:00:00:00:4a:00:00:00:00.
        let key: Vec<u8> = (0u8..32).collect();
        let key = key_words(&key.try_into().unwrap());
        let block = chacha20_block(&key, 1, [0x0900_0000, 0x4a00_0000, 0]);
        assert_eq!(&block[..4], &[0xe4e7_f110, 0x1559_3bd1, 0x1fdd_0f50, 0xc471_20a3]);
        assert_eq!(block[15], 0x4e3c_50a2);
    }

    #[test]
    fn stream_matches_rand_chacha_with_the_index_as_stream() {
        let key = [7u8; 32];
        for index in [0u64, 1, 41, 1 << 33] {
            let mut ours = DrawRng::new(&key_words(&key), index);
            let mut reference = rand_chacha::ChaCha20Rng::from_seed(key);
            reference.set_stream(index);
            for _ in 0..20 {
                assert_eq!(ours.next_word(), reference.next_u64());
            }
        }
    }

    #[test]
    fn below_is_in_range_and_rejects_the_top() {
        let mut rng = DrawRng::new(&key_words(&[7u8; 32]), 3);
        for bound in [1u64, 2, 3, 10, 1 << 40, u64::MAX] {
            for _ in 0..100 {
                assert!(rng.below(bound) < bound);
            }
        }
    }

    #[test]
    fn seeds_parse_and_commitments_separate_inputs() {
        let seed = parse_seed(&"00".repeat(32), "seed").unwrap();
        assert_ne!(commitment(&seed, &[0; 32]), commitment(&seed, &[1; 32]));
        assert_eq!(parse_seed("xyz", "seed").unwrap_err().code, ErrorCode::MalformedSeed);
    }
}
