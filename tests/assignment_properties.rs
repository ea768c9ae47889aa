//! Property tests of the draw over generated courts (proptest): the same
//! inputs give the same bytes; no seat goes to an ineligible judge;
//! probabilities add up to 1 within the declared rounding and respect the
//! cap unless the seat is marked; any single change to a published ledger is
//! reported at the first entry affected; the spread bound holds.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/assignment.rs"]
mod support;

use proptest::prelude::*;
use serde_json::{json, Value};
use shenguan::api::call_json;
use shenguan::ErrorCode;
use std::collections::{BTreeMap, BTreeSet};
use support::{committed, entries};

const ROLES: [&str; 4] = ["judge", "judge", "divisionChief", "vicePresident"];
const SHARES: [&str; 4] = ["1", "1", "0.8", "0.55"];
const WEIGHTS: [&str; 4] = ["0.5", "1", "1.5", "3"];

/// A generated court: departments of judges with roles, shares, case types
/// and regions; cases with weights, lists, recusals and panels; draws with
/// availability changes in between.
fn court() -> impl Strategy<Value = Value> {
    let judge = (0..4usize, 0..4usize, 1..4u8, 0..3usize, any::<bool>());
    let case = (0..3usize, 0..3usize, 0..4usize, 0..20u8, 0..12usize, any::<bool>());
    (1..3usize, prop::collection::vec(judge, 4..14), prop::collection::vec(case, 1..30), prop::collection::vec((0..14usize, 0..30usize, any::<bool>()), 0..6), any::<[u8; 32]>())
        .prop_map(|(departments, judges, cases, changes, seed)| {
            let judges: Vec<Value> = judges
                .iter()
                .enumerate()
                .map(|(i, &(role, share, types, region, _))| {
                    let case_types: Vec<String> = (0..3).filter(|t| types & (1 << (t % 2)) != 0 || *t == 0).map(|t| format!("t{t}")).collect();
                    json!({ "id": format!("J{i:02}"), "department": format!("d{}", i % departments), "caseTypes": case_types,
                            "role": ROLES[role], "share": SHARES[share], "region": format!("r{region}") })
                })
                .collect();
            let n = judges.len();
            let cases: Vec<Value> = cases
                .iter()
                .enumerate()
                .map(|(i, &(dept, case_type, weight, list, recuse, panel))| {
                    let mut case = json!({ "id": format!("C{i:03}"), "caseType": format!("t{case_type}"), "department": format!("d{}", dept % departments), "weight": WEIGHTS[weight] });
                    match list {
                        0 => case["hard"] = json!(true),
                        1 => case["leaderExcluded"] = json!(true),
                        _ => {}
                    }
                    if recuse < n {
                        case["recuse"] = json!([format!("J{recuse:02}")]);
                    }
                    if panel && list > 4 {
                        case["panelSize"] = json!(3);
                        case["distinctRegions"] = json!(list % 2 == 0);
                    }
                    case
                })
                .collect();
            let mut events: Vec<Value> = cases.iter().map(|c| json!({ "kind": "draw", "caseId": c["id"] })).collect();
            for &(judge, at, back) in changes.iter().rev() {
                if judge < n {
                    let position = at.min(events.len());
                    events.insert(position, json!({ "kind": "availability", "judgeId": format!("J{judge:02}"), "availability": if back { "available" } else { "absent" } }));
                }
            }
            let seed: String = seed.iter().map(|b| format!("{b:02x}")).collect();
            committed(json!({ "judges": judges, "cases": cases, "events": events, "seed": seed, "beacon": { "kind": "none" }, "committedAt": "2026-03-01T00:00:00Z" }))
        })
}

/// The ledger of a generated court, or None when the court leaves a seat
/// with no eligible judge (a coded error, checked here).
fn run(input: &Value) -> Option<String> {
    match call_json("assign", input.clone()) {
        Ok(text) => Some(text.as_str().unwrap().to_string()),
        Err(e) => {
            assert_eq!(e.code, ErrorCode::NoEligibleJudge, "{e}");
            None
        }
    }
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn same_inputs_same_bytes_and_the_replay_verifies(input in court()) {
        if let Some(ledger) = run(&input) {
            prop_assert_eq!(run(&input).unwrap(), ledger.clone());
            let report = call_json("verifyLedger", json!({ "inputs": input, "ledger": ledger })).unwrap();
            prop_assert_eq!(&report["ok"], &json!(true));
        }
    }

    #[test]
    fn no_seat_goes_to_an_ineligible_judge(input in court()) {
        let Some(ledger) = run(&input) else { return Ok(()) };
        let judges: BTreeMap<String, Value> = input["judges"].as_array().unwrap().iter().map(|j| (j["id"].as_str().unwrap().to_string(), j.clone())).collect();
        let cases: BTreeMap<String, Value> = input["cases"].as_array().unwrap().iter().map(|c| (c["id"].as_str().unwrap().to_string(), c.clone())).collect();
        let mut absent = BTreeSet::new();
        for entry in entries(&ledger) {
            if let Some(change) = entry["change"].as_object() {
                let judge = change["judgeId"].as_str().unwrap().to_string();
                if change["availability"] == "available" { absent.remove(&judge); } else { absent.insert(judge); }
                continue;
            }
            let case = &cases[entry["caseId"].as_str().unwrap()];
            let mut on_case: Vec<String> = Vec::new();
            for seat in entry["seats"].as_array().unwrap() {
                let id = seat["chosen"].as_str().unwrap();
                let judge = &judges[id];
                let leader = judge["role"] != "judge";
                prop_assert_eq!(&judge["department"], &case["department"]);
                prop_assert!(judge["caseTypes"].as_array().unwrap().contains(&case["caseType"]));
                prop_assert!(!absent.contains(id), "{} drawn while absent", id);
                prop_assert!(!case["recuse"].as_array().is_some_and(|r| r.contains(&json!(id))));
                prop_assert!(!on_case.contains(&id.to_string()));
                if case["hard"] == true { prop_assert!(leader); }
                if case["leaderExcluded"] == true { prop_assert!(!leader); }
                if case["distinctRegions"] == true {
                    prop_assert!(!on_case.iter().any(|other| judges[other]["region"] == judge["region"]));
                }
                // The chosen judge is in the pool, and the pool is the eligible judges' lightest.
                prop_assert!(seat["pool"].as_array().unwrap().iter().any(|c| c[0] == id));
                prop_assert!(seat["pool"].as_array().unwrap().len() <= seat["eligible"].as_u64().unwrap() as usize);
                on_case.push(id.to_string());
            }
        }
    }

    #[test]
    fn probabilities_add_up_and_respect_the_cap_unless_marked(input in court()) {
        let Some(ledger) = run(&input) else { return Ok(()) };
        for entry in entries(&ledger) {
            for seat in entry["seats"].as_array().unwrap() {
                let pool = seat["pool"].as_array().unwrap();
                // Each p is rounded half-up to 6 places: the sum is 1 within n half-millionths.
                let micro: i64 = pool.iter().map(|c| c[3].as_str().unwrap().replace('.', "").parse::<i64>().unwrap()).sum();
                prop_assert!((micro - 1_000_000).abs() * 2 <= pool.len() as i64, "sum {micro}");
                let total: u64 = pool.iter().map(|c| c[2].as_u64().unwrap()).sum();
                let largest = pool.iter().map(|c| c[2].as_u64().unwrap()).max().unwrap();
                if seat["lowEntropy"].is_null() {
                    prop_assert!(largest * 10_000 <= 5_000 * total, "p above the cap without a mark: {}", seat);
                }
            }
        }
    }

    #[test]
    fn any_single_change_is_reported_at_the_first_entry_affected(input in court(), line_pick in any::<prop::sample::Index>(), byte_pick in any::<prop::sample::Index>(), replacement in prop::sample::select(vec![b'0', b'7', b'a', b'J', b'"', b',', b' ', b'x'])) {
        let Some(ledger) = run(&input) else { return Ok(()) };
        let lines: Vec<&str> = ledger.lines().collect();
        let line = line_pick.index(lines.len());
        let bytes = lines[line].as_bytes();
        let at = byte_pick.index(bytes.len());
        if bytes[at] == replacement || !bytes[at].is_ascii() { return Ok(()) }
        let mut edited: Vec<u8> = bytes.to_vec();
        edited[at] = replacement;
        let Ok(edited) = String::from_utf8(edited) else { return Ok(()) };
        let text: String = lines.iter().enumerate().map(|(i, l)| if i == line { format!("{edited}\n") } else { format!("{l}\n") }).collect();
        let expected_index = if line == 0 { Value::Null } else { json!(line - 1) };
        match call_json("verifyLedger", json!({ "inputs": input, "ledger": text })) {
            Ok(report) => {
                prop_assert_eq!(&report["ok"], &json!(false));
                prop_assert_eq!(&report["firstDifference"]["index"], &expected_index, "{}", report);
            }
            Err(e) => {
                prop_assert_eq!(e.code, ErrorCode::MalformedLedger);
                let place = if line == 0 { "ledger.header".to_string() } else { format!("ledger.entries[{}]", line - 1) };
                prop_assert!(e.path.starts_with(&place), "{} not at {}", e.path, place);
                // The chain-only reader refuses the same text the same way.
                let chain = call_json("verifyChain", json!({ "ledger": text })).unwrap_err();
                prop_assert_eq!((chain.code, chain.path), (e.code, e.path.clone()));
            }
        }
    }
}

/// A department of full-share judges, all available, and weighted cases.
fn balanced_court() -> impl Strategy<Value = Value> {
    (3..12usize, prop::collection::vec(0..4usize, 20..200), any::<[u8; 32]>()).prop_map(|(n, weights, seed)| {
        let judges: Vec<Value> = (0..n).map(|i| json!({ "id": format!("J{i:02}"), "department": "d", "caseTypes": ["t"], "role": "judge", "share": "1" })).collect();
        let cases: Vec<Value> = weights.iter().enumerate().map(|(i, &w)| json!({ "id": format!("C{i:03}"), "caseType": "t", "department": "d", "weight": WEIGHTS[w] })).collect();
        let seed: String = seed.iter().map(|b| format!("{b:02x}")).collect();
        committed(json!({ "judges": judges, "cases": cases, "seed": seed, "beacon": { "kind": "none" }, "committedAt": "2026-03-01T00:00:00Z" }))
    })
}

proptest! {
    #![proptest_config(config(24))]

    /// The balance rule, seat by seat (docs/assignment.md section 5): the
    /// lightest judge is always in the pool; a judge more than the tolerance
    /// (2) above the lightest enters only to bring the pool up to `minPool`
    /// (3), ties at the boundary included; and the pool has at most
    /// `maxPool` (8) judges, ties at the boundary aside. (The spread itself
    /// has no fixed bound: when fewer than 3 judges are within the tolerance,
    /// heavier ones are drawn with a small probability. Seen here with 3 and
    /// 4 judges: spreads of 9.5 and 12 standard cases.)
    #[test]
    fn pools_hold_the_lightest_judges_within_the_tolerance(input in balanced_court()) {
        let ledger = run(&input).unwrap();
        for entry in entries(&ledger) {
            let seat = &entry["seats"][0];
            let mut loads: Vec<i64> = seat["pool"].as_array().unwrap().iter().map(|c| c[1].as_str().unwrap().replace('.', "").parse().unwrap()).collect();
            loads.sort_unstable();
            let (lightest, heaviest) = (loads[0], loads[loads.len() - 1]);
            if heaviest > lightest + 20_000 {
                prop_assert!(loads.len() >= 3 && heaviest == loads[2], "pool {:?} widened past the third lightest", loads);
            }
            if loads.len() > 8 {
                prop_assert_eq!(loads[7], heaviest, "pool {:?} larger than 8 without ties", loads);
            }
        }
    }
}

/// Fixed seeds, so `make test` runs the same cases everywhere; no files written.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, rng_seed: proptest::test_runner::RngSeed::Fixed(20_261_202), failure_persistence: None, ..ProptestConfig::default() }
}
