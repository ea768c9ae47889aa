//! Public randomness beacons for the v2 draw: verify a published beacon
//! value against what the commitment named, and derive 32 bytes of
//! randomness from it.
//!
//! The commitment names a [`BeaconRef`] *before* the randomness exists (a
//! future drand round, or a future public lottery draw); after the event the
//! published [`BeaconValue`] is revealed and [`verify_beacon`] checks it and
//! returns a [`VerifiedBeacon`]. Everything here is offline: no network, no
//! floating point, no panics (every failure is a coded [`Error`]). The exact
//! rules are specified for independent implementers in `docs/beacons.md`.
//!
//! ## Pinned drand networks (League of Entropy)
//!
//! | network | scheme | period | genesis time (unix s) | chain hash |
//! |---|---|---|---|---|
//! | `quicknet` | `bls-unchained-g1-rfc9380` | 3 s | 1692803367 | `52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971` |
//! | `default` (mainnet) | `pedersen-bls-chained` | 30 s | 1595431050 | `8990e7a9aaed2ffed73dbd7092123d6f289930540d7651336225dc172e51b2ce` |
//!
//! Public keys (compressed points, hex):
//!
//! - `quicknet` (G2, 96 bytes): `83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a`
//! - `default` (G1, 48 bytes): `868f005eb8e6e4ca0a47c8a77ceaa5309a47978a7c71bc5cce96366b5d7a569937c529eeda66c7293784a9402801af31`
//!
//! Group hashes: quicknet `f477d5c89f21a17c863a7f937c6a6d15859414d2be09cd448d4279af331c5d3e`,
//! default `176f93498eac9ca337150b46d21dd58673ea4e3581185f869672e59fa4cb390a`
//! (the default chain's round 1 uses the group hash as its "previous signature").
//!
//! These are the networks' `/info` documents as published by the League of
//! Entropy; they were cross-checked between drand's own tlock-js defaults,
//! the drand-verify crate, and Filecoin's Forest node fixtures, and the unit
//! tests recompute each chain hash from the other pinned fields with drand's
//! own definition (SHA-256 of `u32be(period) ‖ i64be(genesis) ‖ public key ‖
//! group hash ‖ beacon id`, the id omitted for `default`), so a typo in any of
//! them fails the build's tests.
//!
//! ## Checks
//!
//! The BLS pairing check is done by the `drand-verify` crate (pure Rust, on
//! zkcrypto's `bls12_381`). quicknet: message = SHA-256(u64be(round)),
//! signature on G1, hash-to-curve DST `BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_`.
//! default: message = SHA-256(previous signature ‖ u64be(round)), signature
//! on G2, DST `BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_`. Randomness =
//! SHA-256(signature bytes), drand's own definition.

use crate::canonical::sha256;
use crate::error::{join_path, Error, ErrorCode, Result};
use drand_verify::{G1Pubkey, G2PubkeyRfc, Pubkey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A beacon named in the commitment, before its randomness exists.
///
/// JSON (internally tagged by `kind`, unknown members refused):
/// `{"kind":"drand","network":"quicknet","round":1234}`,
/// `{"kind":"publicText","source":"中国福利彩票双色球","draw":"2026139"}`,
/// `{"kind":"none"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields, from = "BeaconRefWire")]
pub enum BeaconRef {
    /// A future round of a pinned drand network.
    Drand {
        /// Which pinned network.
        network: DrandNetwork,
        /// The round (1 ..= [`MAX_ROUND`]).
        round: u64,
    },
    /// A public draw published as a list of numbers (e.g. a lottery draw).
    PublicText {
        /// Who publishes the draw (non-empty after trimming, at most 200 UTF-8 bytes).
        source: String,
        /// Which draw (issue number...), same limits as `source`.
        draw: String,
    },
    /// No external beacon: the randomness is 32 zero bytes.
    None,
}

/// The JSON form of [`BeaconRef`] when reading: the same, except that `none`
/// is an empty struct variant, because serde lets extra members through on a
/// unit variant of an internally tagged enum even with `deny_unknown_fields`.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
enum BeaconRefWire {
    Drand { network: DrandNetwork, round: u64 },
    PublicText { source: String, draw: String },
    None {},
}

impl From<BeaconRefWire> for BeaconRef {
    fn from(wire: BeaconRefWire) -> Self {
        match wire {
            BeaconRefWire::Drand { network, round } => BeaconRef::Drand { network, round },
            BeaconRefWire::PublicText { source, draw } => BeaconRef::PublicText { source, draw },
            BeaconRefWire::None {} => BeaconRef::None,
        }
    }
}

/// A pinned League of Entropy drand network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DrandNetwork {
    /// `quicknet`: bls-unchained-g1-rfc9380, a round every 3 s.
    Quicknet,
    /// `default`: the original mainnet, pedersen-bls-chained, a round every 30 s.
    Default,
}

/// The published value of a beacon, revealed after the event.
///
/// One struct for every kind, all members optional in the JSON (camelCase,
/// unknown members refused; `null` counts as absent); [`verify_beacon`]
/// decides which members the referenced kind requires and refuses the rest:
///
/// - drand `quicknet`: `round` and `signature` (96 lower-case hex characters);
/// - drand `default`: `round`, `signature` (192 hex characters) and
///   `previousSignature` (192 hex characters; 64 for round 1, where it is the
///   chain's group hash);
/// - `publicText`: `values` only;
/// - `none`: no value at all.
///
/// drand's own `/public/{round}` JSON maps as `round` → `round`, `signature`
/// → `signature`, `previous_signature` → `previousSignature`; its
/// `randomness` member is not taken (it is recomputed from the signature).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BeaconValue {
    /// drand: the round number (must equal the committed round).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<u64>,
    /// drand: the round's BLS signature, lower-case hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// drand `default` only: the previous round's signature, lower-case hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_signature: Option<String>,
    /// publicText: the published numbers, in published order, as decimal strings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

/// A checked beacon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VerifiedBeacon {
    /// 32 bytes of randomness (drand: SHA-256 of the signature; publicText:
    /// the domain-separated hash of the draw; none: zeros).
    pub randomness: [u8; 32],
    /// Whether a signature was verified against a pinned key (drand only).
    pub signature_checked: bool,
    /// drand: when the round was due, unix seconds; otherwise `None`.
    pub round_time: Option<u64>,
}

/// Largest drand round accepted: 2^53 − 1, so that a round survives a trip
/// through a JavaScript number exactly.
pub const MAX_ROUND: u64 = (1 << 53) - 1;

/// Most `values` of a publicText beacon.
pub const MAX_PUBLIC_TEXT_VALUES: usize = 64;

/// Most UTF-8 bytes of a publicText `source` or `draw`.
pub const MAX_PUBLIC_TEXT_BYTES: usize = 200;

/// Domain separation prefix of the publicText hash (followed by a 0x00 byte).
pub const PUBLIC_TEXT_DOMAIN: &str = "shenguan/public-text/v2";

/// The pinned chain information of a drand network (its `/info` document).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DrandChain {
    /// The network's beacon id (`quicknet`, `default`).
    pub beacon_id: &'static str,
    /// drand scheme id.
    pub scheme: &'static str,
    /// Chain hash, hex.
    pub chain_hash: &'static str,
    /// Group public key, compressed point, hex (G2 for quicknet, G1 for default).
    pub public_key: &'static str,
    /// Group hash, hex.
    pub group_hash: &'static str,
    /// Seconds between rounds.
    pub period: u64,
    /// Unix time of round 1, seconds.
    pub genesis_time: u64,
}

/// League of Entropy `quicknet`
/// (`/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971/info`).
pub const QUICKNET: DrandChain = DrandChain {
    beacon_id: "quicknet",
    scheme: "bls-unchained-g1-rfc9380",
    chain_hash: "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971",
    public_key: "83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a",
    group_hash: "f477d5c89f21a17c863a7f937c6a6d15859414d2be09cd448d4279af331c5d3e",
    period: 3,
    genesis_time: 1_692_803_367,
};

/// League of Entropy `default` mainnet
/// (`/8990e7a9aaed2ffed73dbd7092123d6f289930540d7651336225dc172e51b2ce/info`).
pub const DEFAULT_MAINNET: DrandChain = DrandChain {
    beacon_id: "default",
    scheme: "pedersen-bls-chained",
    chain_hash: "8990e7a9aaed2ffed73dbd7092123d6f289930540d7651336225dc172e51b2ce",
    public_key: "868f005eb8e6e4ca0a47c8a77ceaa5309a47978a7c71bc5cce96366b5d7a569937c529eeda66c7293784a9402801af31",
    group_hash: "176f93498eac9ca337150b46d21dd58673ea4e3581185f869672e59fa4cb390a",
    period: 30,
    genesis_time: 1_595_431_050,
};

impl DrandNetwork {
    /// The pinned chain information.
    pub fn chain(self) -> &'static DrandChain {
        match self {
            DrandNetwork::Quicknet => &QUICKNET,
            DrandNetwork::Default => &DEFAULT_MAINNET,
        }
    }

    /// Length in bytes of a round signature (compressed G1 for quicknet, G2 for default).
    pub fn signature_len(self) -> usize {
        match self {
            DrandNetwork::Quicknet => 48,
            DrandNetwork::Default => 96,
        }
    }
}

/// When `round` of `network` is due, unix seconds: `genesis + (round − 1) × period`.
/// (Round 0, which drand never publishes, gives the genesis time; the
/// arithmetic saturates instead of overflowing.)
pub fn round_time(network: DrandNetwork, round: u64) -> u64 {
    let chain = network.chain();
    chain.genesis_time.saturating_add(round.saturating_sub(1).saturating_mul(chain.period))
}

/// The first round published strictly after `unix_seconds`: the round to name
/// when committing at that time. `1` before genesis, otherwise
/// `⌊(t − genesis) / period⌋ + 2` (drand's `NextRound`).
pub fn round_at(network: DrandNetwork, unix_seconds: u64) -> u64 {
    let chain = network.chain();
    if unix_seconds < chain.genesis_time {
        1
    } else {
        ((unix_seconds - chain.genesis_time) / chain.period).saturating_add(2)
    }
}

/// Check a beacon reference on its own (when a commitment is made). `path`
/// is the path of the reference; problems are `MALFORMED_BEACON` at
/// `{path}.round`, `{path}.source` or `{path}.draw`.
pub fn check_reference(reference: &BeaconRef, path: &str) -> Result<()> {
    match reference_problem(reference) {
        None => Ok(()),
        Some((member, en, zh)) => Err(malformed(join_path(path, member), en, zh)),
    }
}

/// Verify `value` against `reference` and derive the randomness.
///
/// `path` is the path of the beacon value in the caller's document: problems
/// with its members are reported at `{path}.round`, `{path}.signature`,
/// `{path}.previousSignature`, `{path}.values` or `{path}.values[i]`; a value
/// that is missing or present where none is allowed, or a reference that is
/// itself malformed, at `{path}`. Codes: `MALFORMED_BEACON` for shape,
/// `BEACON_MISMATCH` for a drand round other than the committed one,
/// `BEACON_INVALID` for a signature that does not verify.
pub fn verify_beacon(reference: &BeaconRef, value: Option<&BeaconValue>, path: &str) -> Result<VerifiedBeacon> {
    if let Some((member, en, zh)) = reference_problem(reference) {
        return Err(malformed(
            path,
            format!("the committed beacon reference is malformed ({member}): {en}"),
            format!("承诺中的随机信标引用格式错误（{member}）：{zh}"),
        ));
    }
    match reference {
        BeaconRef::None => match value {
            None => Ok(VerifiedBeacon { randomness: [0; 32], signature_checked: false, round_time: None }),
            Some(_) => Err(malformed(
                path,
                "the commitment names no beacon, so no beacon value may be given",
                "承诺未指定随机信标，不得提供信标值",
            )),
        },
        BeaconRef::Drand { network, round } => {
            let value = value.ok_or_else(|| {
                malformed(path, "the drand beacon value is missing", "缺少 drand 随机信标值")
            })?;
            verify_drand(*network, *round, value, path)
        }
        BeaconRef::PublicText { source, draw } => {
            let value = value.ok_or_else(|| {
                malformed(path, "the public-text beacon value is missing", "缺少公开开奖号码信标值")
            })?;
            verify_public_text(source, draw, value, path)
        }
    }
}

/// The canonical text of a public draw: each value followed by `.`, then a
/// final `/` (RFC 3797 style): `["3","17","22"]` → `3.17.22./`. The values
/// are not checked here.
pub fn public_text_canonical(values: &[String]) -> String {
    let mut out = String::with_capacity(values.iter().map(|v| v.len() + 1).sum::<usize>() + 1);
    for v in values {
        out.push_str(v);
        out.push('.');
    }
    out.push('/');
    out
}

/// The randomness of a public draw:
/// SHA-256(`shenguan/public-text/v2` ‖ 0x00 ‖ u32be(len source) ‖ source ‖
/// u32be(len draw) ‖ draw ‖ u32be(len canonical) ‖ canonical), lengths in
/// UTF-8 bytes. The inputs are not checked here (lengths above u32 saturate;
/// [`verify_beacon`] never lets them get there).
pub fn public_text_randomness(source: &str, draw: &str, values: &[String]) -> [u8; 32] {
    let canonical = public_text_canonical(values);
    let mut h = Sha256::new();
    h.update(PUBLIC_TEXT_DOMAIN.as_bytes());
    h.update([0u8]);
    for part in [source, draw, canonical.as_str()] {
        let len = u32::try_from(part.len()).unwrap_or(u32::MAX);
        h.update(len.to_be_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().into()
}

// ---------------------------------------------------------------------------

fn malformed(path: impl Into<String>, en: impl Into<String>, zh: impl Into<String>) -> Error {
    Error::new(ErrorCode::MalformedBeacon, path, en, zh)
}

/// The first problem of a reference on its own: (member, English, Chinese).
fn reference_problem(reference: &BeaconRef) -> Option<(&'static str, String, String)> {
    match reference {
        BeaconRef::None => None,
        BeaconRef::Drand { round, .. } => {
            if *round == 0 || *round > MAX_ROUND {
                Some((
                    "round",
                    format!("a drand round must be between 1 and {MAX_ROUND}, not {round}"),
                    format!("drand 轮次必须在 1 到 {MAX_ROUND} 之间，而不是 {round}"),
                ))
            } else {
                None
            }
        }
        BeaconRef::PublicText { source, draw } => {
            for (member, text, zh_name) in [("source", source, "来源"), ("draw", draw, "期号")] {
                if text.trim().is_empty() {
                    return Some((
                        member,
                        format!("the public-text {member} must not be empty"),
                        format!("公开开奖信标的{zh_name}不能为空"),
                    ));
                }
                if text.len() > MAX_PUBLIC_TEXT_BYTES {
                    return Some((
                        member,
                        format!(
                            "the public-text {member} has {} bytes; at most {MAX_PUBLIC_TEXT_BYTES} UTF-8 bytes are allowed",
                            text.len()
                        ),
                        format!(
                            "公开开奖信标的{zh_name}有 {} 字节，最多允许 {MAX_PUBLIC_TEXT_BYTES} 个 UTF-8 字节",
                            text.len()
                        ),
                    ));
                }
            }
            None
        }
    }
}

fn refuse_member(present: bool, path: &str, member: &str, kind_en: &str, kind_zh: &str) -> Result<()> {
    if present {
        Err(malformed(
            join_path(path, member),
            format!("`{member}` is not allowed in a {kind_en} beacon value"),
            format!("{kind_zh}信标值中不允许出现 `{member}`"),
        ))
    } else {
        Ok(())
    }
}

/// Decode lower-case hex of exactly `len` bytes.
fn decode_hex(text: &str, len: usize, path: &str, what_en: &str, what_zh: &str) -> Result<Vec<u8>> {
    let bytes = text.as_bytes();
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let bad = || {
        malformed(
            path,
            format!(
                "the {what_en} must be {} lower-case hex characters ({len} bytes); got {} characters",
                len * 2,
                text.chars().count()
            ),
            format!("{what_zh}必须是 {} 个小写十六进制字符（{len} 字节）；实际为 {} 个字符", len * 2, text.chars().count()),
        )
    };
    if bytes.len() != len * 2 {
        return Err(bad());
    }
    let mut out = Vec::with_capacity(len);
    for pair in bytes.chunks_exact(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(hi), Some(lo)) => out.push(hi << 4 | lo),
            _ => return Err(bad()),
        }
    }
    Ok(out)
}

/// Decode a pinned hex constant (never fails for the pinned values; a unit
/// test checks them).
fn pinned<const N: usize>(hex: &str) -> Result<[u8; N]> {
    crate::canonical::parse_hex::<N>(hex).ok_or_else(|| {
        Error::new(ErrorCode::Internal, "", "a pinned drand constant is not valid hex", "内置的 drand 常量不是有效的十六进制")
    })
}

fn internal_key_error() -> Error {
    Error::new(ErrorCode::Internal, "", "a pinned drand public key is not a valid curve point", "内置的 drand 公钥不是有效的曲线点")
}

fn verify_drand(network: DrandNetwork, round: u64, value: &BeaconValue, path: &str) -> Result<VerifiedBeacon> {
    let (kind_en, kind_zh) = ("drand", "drand ");
    refuse_member(value.values.is_some(), path, "values", kind_en, kind_zh)?;
    if network == DrandNetwork::Quicknet {
        refuse_member(value.previous_signature.is_some(), path, "previousSignature", "drand quicknet", "drand quicknet ")?;
    }
    let round_path = join_path(path, "round");
    match value.round {
        None => return Err(malformed(round_path, "the drand round is missing", "缺少 drand 轮次")),
        Some(r) if r != round => {
            return Err(Error::new(
                ErrorCode::BeaconMismatch,
                round_path,
                format!("the beacon value is for drand round {r}, but the commitment names round {round}"),
                format!("信标值属于 drand 第 {r} 轮，但承诺中指定的是第 {round} 轮"),
            ))
        }
        Some(_) => {}
    }
    let sig_path = join_path(path, "signature");
    let signature_hex = value
        .signature
        .as_deref()
        .ok_or_else(|| malformed(sig_path.as_str(), "the drand signature is missing", "缺少 drand 签名"))?;
    let signature = decode_hex(signature_hex, network.signature_len(), &sig_path, "drand signature", "drand 签名")?;

    let chain = network.chain();
    let verified = match network {
        DrandNetwork::Quicknet => {
            let key = G2PubkeyRfc::from_fixed(pinned::<96>(chain.public_key)?).map_err(|_| internal_key_error())?;
            key.verify(round, b"", &signature)
        }
        DrandNetwork::Default => {
            let prev_path = join_path(path, "previousSignature");
            let prev_hex = value.previous_signature.as_deref().ok_or_else(|| {
                malformed(
                    prev_path.as_str(),
                    "the previous signature is required for the chained drand default network",
                    "drand default 网络为链式签名，必须提供上一轮签名",
                )
            })?;
            // Round 1 is chained to the group hash (32 bytes), later rounds to
            // the previous round's signature (a G2 point, 96 bytes).
            let prev_len = if round == 1 { 32 } else { 96 };
            let previous = decode_hex(prev_hex, prev_len, &prev_path, "previous drand signature", "上一轮 drand 签名")?;
            let key = G1Pubkey::from_fixed(pinned::<48>(chain.public_key)?).map_err(|_| internal_key_error())?;
            key.verify(round, &previous, &signature)
        }
    };
    // A signature that does not decode to a curve point cannot verify either.
    if !matches!(verified, Ok(true)) {
        let net = chain.beacon_id;
        return Err(Error::new(
            ErrorCode::BeaconInvalid,
            sig_path,
            format!("the signature of drand {net} round {round} does not verify against the network's pinned public key"),
            format!("drand {net} 第 {round} 轮的签名无法用该网络内置的公钥验证通过"),
        ));
    }
    Ok(VerifiedBeacon { randomness: sha256(&signature), signature_checked: true, round_time: Some(round_time(network, round)) })
}

fn is_public_number(v: &str) -> bool {
    let b = v.as_bytes();
    match b {
        [b'0'] => true,
        [b'1'..=b'9', rest @ ..] => rest.len() <= 17 && rest.iter().all(u8::is_ascii_digit),
        _ => false,
    }
}

fn verify_public_text(source: &str, draw: &str, value: &BeaconValue, path: &str) -> Result<VerifiedBeacon> {
    let (kind_en, kind_zh) = ("public-text", "公开开奖号码");
    refuse_member(value.round.is_some(), path, "round", kind_en, kind_zh)?;
    refuse_member(value.signature.is_some(), path, "signature", kind_en, kind_zh)?;
    refuse_member(value.previous_signature.is_some(), path, "previousSignature", kind_en, kind_zh)?;
    let values_path = join_path(path, "values");
    let values = value
        .values
        .as_deref()
        .ok_or_else(|| malformed(values_path.as_str(), "the published values are missing", "缺少公布的开奖号码"))?;
    if values.is_empty() || values.len() > MAX_PUBLIC_TEXT_VALUES {
        return Err(malformed(
            values_path,
            format!("a public draw must have 1 to {MAX_PUBLIC_TEXT_VALUES} values, not {}", values.len()),
            format!("公开开奖号码必须有 1 到 {MAX_PUBLIC_TEXT_VALUES} 个，而不是 {} 个", values.len()),
        ));
    }
    for (i, v) in values.iter().enumerate() {
        if !is_public_number(v) {
            return Err(malformed(
                format!("{values_path}[{i}]"),
                format!("{v:?} is not a number written as 0 or 1 to 18 digits without a leading zero"),
                format!("{v:?} 不是合规的号码：须为 0，或不以 0 开头的 1 至 18 位数字"),
            ));
        }
    }
    Ok(VerifiedBeacon { randomness: public_text_randomness(source, draw, values), signature_checked: false, round_time: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canonical::hex;

    fn chain_hash(chain: &DrandChain) -> String {
        let mut h = Sha256::new();
        h.update(u32::try_from(chain.period).unwrap().to_be_bytes());
        h.update(i64::try_from(chain.genesis_time).unwrap().to_be_bytes());
        h.update(crate::canonical::parse_hex::<96>(chain.public_key).map(|k| k.to_vec()).unwrap_or_else(|| {
            crate::canonical::parse_hex::<48>(chain.public_key).unwrap().to_vec()
        }));
        h.update(crate::canonical::parse_hex::<32>(chain.group_hash).unwrap());
        // drand hashes the beacon id for every network but the default one.
        if chain.beacon_id != "default" {
            h.update(chain.beacon_id.as_bytes());
        }
        hex(&h.finalize())
    }

    #[test]
    fn pinned_chain_hashes_follow_from_the_pinned_fields() {
        assert_eq!(chain_hash(&QUICKNET), QUICKNET.chain_hash);
        assert_eq!(chain_hash(&DEFAULT_MAINNET), DEFAULT_MAINNET.chain_hash);
    }

    #[test]
    fn pinned_keys_are_valid_points() {
        assert!(G2PubkeyRfc::from_fixed(pinned::<96>(QUICKNET.public_key).unwrap()).is_ok());
        assert!(G1Pubkey::from_fixed(pinned::<48>(DEFAULT_MAINNET.public_key).unwrap()).is_ok());
    }

    #[test]
    fn public_numbers() {
        for ok in ["0", "7", "10", "999999999999999999"] {
            assert!(is_public_number(ok), "{ok}");
        }
        for bad in ["", "00", "01", "-1", "+1", "1.0", " 1", "1 ", "1000000000000000000", "١", "1e3"] {
            assert!(!is_public_number(bad), "{bad}");
        }
    }

    #[test]
    fn hex_is_lower_case_and_exact() {
        assert_eq!(decode_hex("00ff", 2, "p", "x", "x").unwrap(), vec![0, 255]);
        assert!(decode_hex("00FF", 2, "p", "x", "x").is_err());
        assert!(decode_hex("00f", 2, "p", "x", "x").is_err());
        assert!(decode_hex("00fg", 2, "p", "x", "x").is_err());
        assert!(decode_hex("é0", 1, "p", "x", "x").is_err());
    }
}
