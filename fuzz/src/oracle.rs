//! What every fuzz target does with one input, and what it must never see.
//!
//! This file is the fuzz crate's library and is also compiled into the root
//! crate's `tests/fuzz_regressions.rs` (by `#[path]`), so a saved input is
//! replayed through exactly the checks that found it. It uses only
//! `shenguan` and `serde_json`.
//!
//! ## Input encoding
//!
//! The first byte selects one of the target's operations (modulo their
//! number, in the order of the lists below); the rest is UTF-8 JSON text,
//! the operation's input (an input whose rest is not UTF-8 is skipped).
//! `ledger_stream` has a single operation and reads a 4-byte prefix instead:
//! a little-endian seed choosing where the ledger text is cut into parts.
//!
//! ## Oracles
//!
//! - no panic (libFuzzer reports one as a crash), and no error with code
//!   `INTERNAL`, in the error or in its `more`;
//! - determinism: a second call on the same text gives the same output or
//!   the same error, byte for byte;
//! - both JSON entry points agree: when `api::call_str` (the text path the
//!   WebAssembly exports take) and `api::call_json` (a parsed JSON tree, the
//!   path of the test vectors) both succeed, they give the same JSON;
//! - a ledger `assign` returns verifies: `verifyLedger` with the same inputs
//!   reports ok, `verifyChain` reports an intact chain with the same head,
//!   `verifyHead` accepts that head, `carryForward` names it, and
//!   `LedgerWriter` writing a line at a time gives the same text;
//! - `ledger_stream`: the streaming `LedgerReader` fed the ledger in parts
//!   gives exactly `verifyLedger`'s result on the whole text (report or
//!   error), and the chain-only reader exactly `verifyChain`'s;
//! - `beacon`: `verify_beacon` fails only with `MALFORMED_BEACON`,
//!   `BEACON_MISMATCH` or `BEACON_INVALID`, fails whenever
//!   `check_reference` does, and on success returns the randomness and round
//!   time the documented formulas give; `assign` accepts a run's beacon
//!   exactly when `verify_beacon` does (same code when not); `drandRound` and
//!   the round clock name the first round strictly after the given time,
//!   with a round time text that reads back as the same time.

use serde_json::{json, Value};
use shenguan::api::{call_json, call_str};
use shenguan::assignment::model::{unix_seconds, utc_text};
use shenguan::assignment::{LedgerReader, LedgerWriter, VerifyInput};
use shenguan::beacon::{
    check_reference, public_text_randomness, round_at, round_time, verify_beacon, BeaconRef, BeaconValue, DrandNetwork,
};
use shenguan::canonical::{from_json_str, sha256};
use shenguan::{Error, ErrorCode};

/// `assignment`: the draw, its commitment and every check of a ledger.
pub const ASSIGNMENT: &[&str] =
    &["commitRun", "assign", "carryForward", "drandRound", "verifyLedger", "verifyChain", "verifyHead", "auditLedger"];
/// `standard`: standard cases, their baseline, enforcement and targets.
pub const STANDARD: &[&str] =
    &["computeBaseline", "standardCases", "standardCaseWeights", "standardCasesBulk", "enforcementCases", "standardTargets"];
/// `scoring`: rule sets and the scores of judges.
pub const SCORING: &[&str] = &["validateRuleSet", "score", "scoreTable", "scoreOne"];
/// `ledger_stream`: a `verifyLedger` input, its ledger streamed in parts.
pub const LEDGER_STREAM: &[&str] = &["verifyLedger"];
/// `beacon`: `{reference, value}` through `verify_beacon` and through a run
/// (`assignWithBeacon`), `drandRound`'s input, and `{network, unixSeconds}`.
pub const BEACON: &[&str] = &["verifyBeacon", "drandRound", "assignWithBeacon", "roundClock"];

/// Every target with its operations, in selector order.
pub const TARGETS: &[(&str, &[&str])] =
    &[("assignment", ASSIGNMENT), ("standard", STANDARD), ("scoring", SCORING), ("ledger_stream", LEDGER_STREAM), ("beacon", BEACON)];

/// Bytes before the JSON text: the selector, or `ledger_stream`'s split seed.
pub fn prefix_len(target: &str) -> usize {
    if target == "ledger_stream" {
        4
    } else {
        1
    }
}

/// Run one fuzz input of `target` through its oracles (panics on a finding).
pub fn run(target: &str, data: &[u8]) {
    if target == "ledger_stream" {
        return ledger_stream(data);
    }
    let ops = TARGETS.iter().find(|(name, _)| *name == target).unwrap_or_else(|| panic!("unknown fuzz target {target}")).1;
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let op = ops[selector as usize % ops.len()];
    if target == "beacon" {
        return beacon(op, text);
    }
    let output = call_checked(op, text);
    if op == "assign" {
        if let Ok(ledger_literal) = &output {
            assigned_ledger_verifies(text, ledger_literal);
        }
    }
}

fn refuse_internal(op: &str, text: &str, error: &Error) {
    if error.code == ErrorCode::Internal || error.more.iter().any(|e| e.code == ErrorCode::Internal) {
        panic!("{op}: INTERNAL error {}\ninput: {}", serde_json::to_string(error).unwrap_or_default(), shorten(text));
    }
}

/// `call_str` twice (same result, never `INTERNAL`), and `call_json` on the
/// same text parsed (same JSON when both succeed).
pub fn call_checked(op: &str, text: &str) -> Result<String, Error> {
    let first = call_str(op, text);
    if let Err(error) = &first {
        refuse_internal(op, text, error);
    }
    let again = call_str(op, text);
    if again != first {
        panic!("{op}: two calls on the same input differ:\n{first:?}\n{again:?}\ninput: {}", shorten(text));
    }
    if let Ok(tree) = serde_json::from_str::<Value>(text) {
        match call_json(op, tree) {
            Err(error) => refuse_internal(op, text, &error),
            Ok(from_tree) => {
                if let Ok(out) = &first {
                    let from_text: Value = serde_json::from_str(out).expect("call_str output is JSON");
                    if from_text != from_tree {
                        panic!(
                            "{op}: call_str and call_json differ:\n{}\n{}\ninput: {}",
                            shorten(out),
                            shorten(&from_tree.to_string()),
                            shorten(text)
                        );
                    }
                }
            }
        }
    }
    first
}

/// The ledger `assign` gave for `inputs` (as a JSON string literal) passes
/// every check of a ledger.
fn assigned_ledger_verifies(inputs: &str, ledger_literal: &str) {
    let ledger: String = serde_json::from_str(ledger_literal).expect("assign returns a JSON string");
    let must = |op: &str, text: String| -> Value {
        match call_checked(op, &text) {
            Ok(out) => serde_json::from_str(&out).expect("output is JSON"),
            Err(e) => panic!("{op} refuses the ledger assign wrote: {e}\ninputs: {}", shorten(inputs)),
        }
    };
    let report = must("verifyLedger", format!("{{\"inputs\":{inputs},\"ledger\":{ledger_literal}}}"));
    if report["ok"] != json!(true) {
        panic!("verifyLedger does not accept the ledger assign wrote: {report}\ninputs: {}", shorten(inputs));
    }
    let head = report["head"].clone();
    let chain = must("verifyChain", format!("{{\"ledger\":{ledger_literal}}}"));
    if chain["ok"] != json!(true) || chain["head"] != head {
        panic!("verifyChain on the ledger assign wrote: {chain}, replay head {head}");
    }
    let by_head = must("verifyHead", format!("{{\"inputs\":{inputs},\"head\":{head}}}"));
    if by_head["ok"] != json!(true) {
        panic!("verifyHead refuses the head of the ledger assign wrote: {by_head}, head {head}");
    }
    let carried = must("carryForward", inputs.to_string());
    if carried["previousHead"] != head {
        panic!("carryForward names {} but the ledger's head is {head}", carried["previousHead"]);
    }
    let mut writer = LedgerWriter::new(from_json_str(inputs).expect("assign parsed these inputs")).expect("assign accepted these inputs");
    let mut written = Vec::new();
    loop {
        let at_least = written.len() + 1;
        let more = writer.write_lines(&mut written, at_least).expect("assign wrote this run");
        if !more {
            break;
        }
    }
    if written != ledger.as_bytes() {
        panic!("LedgerWriter a line at a time writes another ledger than assign\ninputs: {}", shorten(inputs));
    }
}

// ---------------------------------------------------------------------------
// ledger_stream

/// Cut `bytes` into parts: one byte each, a few bytes, lines' worth, or
/// whole, chosen by `seed`; sometimes an empty part in between.
pub fn split(bytes: &[u8], seed: u32) -> Vec<&[u8]> {
    let max = [1usize, 2, 3, 7, 64, 4096, usize::MAX][seed as usize % 7];
    let mut state = u64::from(seed) << 1 | 1;
    let mut parts = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        if state % 17 == 0 {
            parts.push(&rest[..0]);
        }
        let n = if max == usize::MAX { rest.len() } else { 1 + (state % max as u64) as usize };
        let (part, tail) = rest.split_at(n.min(rest.len()));
        parts.push(part);
        rest = tail;
    }
    parts
}

fn ledger_stream(data: &[u8]) {
    if data.len() < 4 {
        return;
    }
    let seed = u32::from_le_bytes([data[0], data[1], data[2], data[3]]);
    let Ok(text) = std::str::from_utf8(&data[4..]) else { return };

    // Replay: the reader fed in parts against verifyLedger on the whole text.
    let whole = call_checked("verifyLedger", text);
    let streamed = (|| -> Result<String, Error> {
        let input: VerifyInput = from_json_str(text)?;
        let mut reader = LedgerReader::replaying(input.inputs)?;
        for part in split(input.ledger.as_bytes(), seed) {
            reader.push(part)?;
        }
        let report = reader.finish()?;
        Ok(serde_json::to_string(&report).expect("a report is JSON"))
    })();
    if streamed != whole {
        panic!("the streamed replay differs from verifyLedger (seed {seed}):\n{streamed:?}\n{whole:?}\ninput: {}", shorten(text));
    }
    if let Ok(report) = &whole {
        let report: Value = serde_json::from_str(report).expect("a report is JSON");
        if report["ok"] == json!(true)
            && (report["chain"]["ok"] != json!(true) || report["chain"]["head"] != report["head"] || report["entries"] != report["expectedEntries"])
        {
            panic!("verifyLedger reports ok with a chain or count that differs: {report}");
        }
    }

    // Chain only: the reader without inputs against verifyChain.
    let Ok(tree) = serde_json::from_str::<Value>(text) else { return };
    let Some(ledger) = tree.get("ledger").and_then(Value::as_str) else { return };
    let whole = call_checked("verifyChain", &json!({ "ledger": ledger }).to_string());
    let streamed = (|| -> Result<String, Error> {
        let mut reader = LedgerReader::chain_only();
        for part in split(ledger.as_bytes(), seed) {
            reader.push(part)?;
        }
        Ok(serde_json::to_string(&reader.finish_chain()?).expect("a report is JSON"))
    })();
    if streamed != whole {
        panic!("the streamed chain check differs from verifyChain (seed {seed}):\n{streamed:?}\n{whole:?}\nledger: {}", shorten(ledger));
    }
}

// ---------------------------------------------------------------------------
// beacon

/// The court the beacon is tried in: the test fixture's draws, committed
/// before every drand round (so that only the beacon decides).
const FIXTURE: &str = include_str!("../../tests/fixtures/small-court.json");

fn beacon(op: &str, text: &str) {
    match op {
        "drandRound" => drand_round(text),
        "roundClock" => round_clock(text),
        _ => {
            let Ok(tree) = serde_json::from_str::<Value>(text) else { return };
            let Some(reference_json) = tree.get("reference") else { return };
            let Ok(reference) = serde_json::from_value::<BeaconRef>(reference_json.clone()) else { return };
            let value_json = tree.get("value").filter(|v| !v.is_null());
            let value = match value_json.map(|v| serde_json::from_value::<BeaconValue>(v.clone())) {
                None => None,
                Some(Ok(value)) => Some(value),
                Some(Err(_)) => return,
            };
            let verified = verified_beacon(&reference, value.as_ref());
            if op == "assignWithBeacon" {
                beacon_in_a_run(&reference, reference_json, value_json, &verified);
            }
        }
    }
}

fn verified_beacon(reference: &BeaconRef, value: Option<&BeaconValue>) -> Result<(), Error> {
    let first = verify_beacon(reference, value, "beaconValue");
    let again = verify_beacon(reference, value, "beaconValue");
    assert_eq!(first, again, "verify_beacon gives two results for {reference:?} {value:?}");
    let reference_ok = check_reference(reference, "beacon");
    match &first {
        Err(e) => {
            let allowed = [ErrorCode::MalformedBeacon, ErrorCode::BeaconMismatch, ErrorCode::BeaconInvalid];
            assert!(allowed.contains(&e.code), "verify_beacon fails with {:?}: {e} ({reference:?} {value:?})", e.code);
            if reference_ok.is_err() {
                assert_eq!(e.code, ErrorCode::MalformedBeacon, "a malformed reference is not reported as such: {e}");
            }
        }
        Ok(verified) => {
            assert!(reference_ok.is_ok(), "verify_beacon accepts a reference check_reference refuses: {reference:?}");
            match reference {
                BeaconRef::None => {
                    assert_eq!((verified.randomness, verified.signature_checked, verified.round_time), ([0; 32], false, None));
                }
                BeaconRef::Drand { network, round } => {
                    let signature = value.and_then(|v| v.signature.as_deref()).expect("a verified drand value has a signature");
                    let bytes: Vec<u8> =
                        (0..signature.len() / 2).map(|i| u8::from_str_radix(&signature[2 * i..2 * i + 2], 16).expect("hex")).collect();
                    assert_eq!(verified.randomness, sha256(&bytes), "drand randomness is not SHA-256 of the signature");
                    assert!(verified.signature_checked);
                    assert_eq!(verified.round_time, Some(round_time(*network, *round)));
                }
                BeaconRef::PublicText { source, draw } => {
                    let values = value.and_then(|v| v.values.as_deref()).expect("a verified public draw has values");
                    assert_eq!(verified.randomness, public_text_randomness(source, draw, values));
                    assert_eq!((verified.signature_checked, verified.round_time), (false, None));
                }
            }
        }
    }
    first.map(|_| ())
}

/// The fixture run with this beacon: committed when the reference is well
/// formed, drawn exactly when `verify_beacon` accepts the value.
fn beacon_in_a_run(reference: &BeaconRef, reference_json: &Value, value_json: Option<&Value>, verified: &Result<(), Error>) {
    let mut input: Value = serde_json::from_str(FIXTURE).expect("the fixture is JSON");
    input["committedAt"] = json!("2000-01-01T00:00:00Z");
    input["beacon"] = reference_json.clone();
    // Only the draws: a recusal or re-assignment names whom the fixture's
    // own beacon drew, and another beacon draws others.
    if let Some(events) = input["events"].as_array_mut() {
        events.retain(|event| event["kind"] == "draw");
    }
    let object = input.as_object_mut().expect("the fixture is an object");
    object.remove("commitment");
    object.remove("beaconValue");
    if let Some(value) = value_json {
        input["beaconValue"] = value.clone();
    }
    let text = input.to_string();
    let commitment = call_checked("commitRun", &text);
    let reference_ok = check_reference(reference, "beacon");
    let commitment = match (commitment, reference_ok) {
        (Ok(c), Ok(())) => c,
        (Err(e), Err(_)) => {
            assert_eq!(e.code, ErrorCode::MalformedBeacon, "commitRun refuses a malformed reference with {e}");
            return;
        }
        (c, r) => panic!("commitRun and check_reference disagree on {reference:?}: {c:?} / {r:?}"),
    };
    let commitment: Value = serde_json::from_str(&commitment).expect("JSON");
    input["commitment"] = commitment["commitment"].clone();
    let text = input.to_string();
    match (call_checked("assign", &text), verified) {
        (Ok(ledger), Ok(())) => assigned_ledger_verifies(&text, &ledger),
        (Err(e), Err(b)) => assert_eq!(e.code, b.code, "assign refuses the beacon with {e}, verify_beacon with {b}"),
        (a, b) => panic!("assign and verify_beacon disagree on {reference:?}: {:?} / {b:?}", a.map(|l| shorten(&l))),
    }
}

fn drand_round(text: &str) {
    let Ok(out) = call_checked("drandRound", text) else { return };
    let out: Value = serde_json::from_str(&out).expect("JSON");
    let input: Value = serde_json::from_str(text).expect("drandRound read this JSON");
    let network: DrandNetwork = serde_json::from_value(input["network"].clone()).expect("drandRound read the network");
    let at = unix_seconds(input["after"].as_str().expect("drandRound read the time")).expect("drandRound read the time");
    let round = out["round"].as_u64().expect("a round");
    let time = out["roundTime"].as_u64().expect("a round time");
    assert_eq!(time, round_time(network, round), "{out}");
    assert!(time > at, "round {round} is not after {at}: {out}");
    assert!(round == 1 || round_time(network, round - 1) <= at, "round {round} is not the first after {at}: {out}");
    assert_eq!(out["roundTimeText"], json!(utc_text(time)));
    assert_eq!(unix_seconds(&utc_text(time)), Some(time), "roundTimeText is not YYYY-MM-DDTHH:MM:SSZ: {out}");
}

fn round_clock(text: &str) {
    let Ok(input) = serde_json::from_str::<Value>(text) else { return };
    let Ok(network) = serde_json::from_value::<DrandNetwork>(input["network"].clone()) else { return };
    let Some(t) = input["unixSeconds"].as_u64() else { return };
    let round = round_at(network, t);
    let time = round_time(network, round);
    assert!(round >= 1);
    // Past 2^53 seconds (no JS number holds it) the arithmetic saturates.
    if t < 1 << 53 {
        assert!(time > t, "round {round} of {network:?} is due at {time}, not after {t}");
        assert!(round == 1 || round_time(network, round - 1) <= t, "round {round} of {network:?} is not the first after {t}");
        assert_eq!(round_at(network, time), round + 1);
    }
}

fn shorten(text: &str) -> String {
    if text.len() <= 2000 {
        return text.to_string();
    }
    let mut end = 2000;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &text[..end], text.len())
}
