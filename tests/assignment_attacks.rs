//! The operator as attacker (docs/assignment.md, "Overview and threat
//! model"): each route to steer a case is shown impossible or flagged.

#[path = "support/assignment.rs"]
mod support;

use serde_json::{json, Value};
use shenguan::api::call_json;
use shenguan::ErrorCode;
use support::{committed, entries, error_of, fixture, ledger_of, verify};

/// Route 1, input grinding: every variant an operator might try after the
/// commitment (other case order, a filing held back, another weight, a
/// judge's availability toggled, another seed) no longer matches the
/// published commitment, so it cannot be drawn or verified.
#[test]
fn inputs_changed_after_the_commitment_are_refused() {
    let published = fixture();
    type Edit = Box<dyn Fn(&mut Value)>;
    let variants: Vec<(&str, Edit)> = vec![
        ("cases reordered", Box::new(|v| v["cases"].as_array_mut().unwrap().swap(0, 1))),
        ("events reordered", Box::new(|v| v["events"].as_array_mut().unwrap().swap(0, 1))),
        ("a filing held back", Box::new(|v| { v["events"].as_array_mut().unwrap().remove(9); v["cases"].as_array_mut().unwrap().remove(8); })),
        ("a weight changed", Box::new(|v| v["cases"][1]["weight"] = json!("2.4"))),
        ("a judge made absent", Box::new(|v| v["judges"][4]["availability"] = json!("absent"))),
        ("an availability event added", Box::new(|v| v["events"].as_array_mut().unwrap().insert(0, json!({ "kind": "availability", "judgeId": "J05", "availability": "absent" })))),
        ("a load changed", Box::new(|v| v["judges"][3]["load"] = json!("0.5"))),
        ("another seed", Box::new(|v| v["seed"] = json!("ff".repeat(32)))),
        ("another beacon draw", Box::new(|v| v["beacon"]["draw"] = json!("2026024"))),
        ("another commitment time", Box::new(|v| v["committedAt"] = json!("2026-03-01T00:00:01Z"))),
        ("config changed", Box::new(|v| v["config"] = json!({ "maxPool": 7 }))),
    ];
    for (label, edit) in variants {
        let mut variant = published.clone();
        edit(&mut variant);
        let err = error_of("assign", variant.clone());
        assert_eq!((err.code, err.path.as_str()), (ErrorCode::CommitmentMismatch, "commitment"), "{label}");
        assert_eq!(error_of("verifyHead", json!({ "inputs": variant, "head": "" })).code, ErrorCode::CommitmentMismatch, "{label}");
    }
    // The published run itself draws; the same value spelled otherwise is the same run.
    let ledger = ledger_of(&published);
    let mut respelled = published.clone();
    respelled["cases"][1]["weight"] = json!("2.50");
    respelled["judges"][0]["share"] = json!(0.05);
    assert_eq!(ledger_of(&respelled), ledger);
    // The commitment is required.
    let mut unpublished = published.clone();
    unpublished.as_object_mut().unwrap().remove("commitment");
    let err = error_of("assign", unpublished);
    assert_eq!((err.code, err.path.as_str()), (ErrorCode::InvalidInput, "commitment"));
}

/// The randomness comes from the beacon: before its value exists, nobody
/// (the operator included) can know a draw. Other beacon values, all
/// committed to the same round, give other outcomes.
#[test]
fn the_beacon_decides_and_the_operator_cannot_know_it_in_advance() {
    let published = fixture();
    let mut outcomes = std::collections::BTreeSet::new();
    for n in 0..12 {
        let mut input = published.clone();
        input["beaconValue"] = json!({ "values": ["3", "9", "14", "21", "27", format!("{}", 1 + n), "11"] });
        input["events"] = json!([{ "kind": "draw", "caseId": "C001" }, { "kind": "draw", "caseId": "C002" }, { "kind": "draw", "caseId": "C009" }]);
        let ledger = ledger_of(&committed(input));
        let who: Vec<String> = entries(&ledger).iter().map(|e| e["judges"][0].as_str().unwrap().to_string()).collect();
        outcomes.insert(who);
    }
    assert!(outcomes.len() >= 6, "12 beacon values gave only {} outcomes", outcomes.len());
    // The value must be for the run's own beacon: missing or reshaped values are coded errors.
    let mut input = published.clone();
    input.as_object_mut().unwrap().remove("beaconValue");
    assert_eq!(error_of("assign", input).path, "beaconValue");
}

/// Route 2, a made-up beacon: without a beacon the header and the audit say so.
#[test]
fn runs_without_a_signed_beacon_are_marked() {
    let mut input = fixture();
    input["beacon"] = json!({ "kind": "none" });
    input.as_object_mut().unwrap().remove("beaconValue");
    input.as_object_mut().unwrap().remove("events");
    let input = committed(input);
    let ledger = ledger_of(&input);
    let header: Value = serde_json::from_str(ledger.lines().next().unwrap()).unwrap();
    assert_eq!(header["warnings"], json!(["NO_BEACON"]));
    assert_eq!(header["beacon"]["signatureChecked"], false);
    let audit = call_json("auditLedger", json!({ "inputs": input, "ledger": ledger })).unwrap();
    assert_eq!(audit["flags"]["warnings"], json!(["NO_BEACON"]));
    // The fixture's public-text beacon is marked as not signature-checked.
    let header: Value = serde_json::from_str(ledger_of(&fixture()).lines().next().unwrap()).unwrap();
    assert_eq!(header["warnings"], json!(["BEACON_NOT_SIGNATURE_CHECKED"]));
}

/// A department of ten judges and one case to steer.
fn ten_judges() -> Value {
    let judges: Vec<Value> = (0..10)
        .map(|i| json!({ "id": format!("J{i:02}"), "department": "civil", "caseTypes": ["contract"], "role": "judge", "share": "1" }))
        .collect();
    let cases: Vec<Value> = (0..6).map(|i| json!({ "id": format!("C{i}"), "caseType": "contract", "department": "civil" })).collect();
    json!({ "judges": judges, "cases": cases, "seed": "17".repeat(32), "beacon": { "kind": "none" }, "committedAt": "2026-03-01T00:00:00Z" })
}

/// Route 3, pool collapse: 8 of 10 judges made absent just before a draw and
/// restored right after, with a configuration that marks nothing. The case
/// goes to the one judge left with p = 1, and the audit flags all of it.
#[test]
fn a_collapsed_pool_is_flagged_by_the_audit() {
    let mut input = ten_judges();
    input["config"] = json!({ "minPool": 1, "maxProbability": "1" });
    let mut events = vec![json!({ "kind": "draw", "caseId": "C0" }), json!({ "kind": "draw", "caseId": "C1" })];
    for j in 1..9 {
        events.push(json!({ "kind": "availability", "judgeId": format!("J{j:02}"), "availability": "absent", "time": "2026-03-02T08:00:00+08:00", "reason": { "code": "health" } }));
    }
    events.push(json!({ "kind": "draw", "caseId": "C2" }));
    for j in 1..9 {
        events.push(json!({ "kind": "availability", "judgeId": format!("J{j:02}"), "availability": "available", "time": "2026-03-02T09:00:00+08:00" }));
    }
    events.push(json!({ "kind": "draw", "caseId": "C3" }));
    input["events"] = json!(events);
    let input = committed(input);
    let ledger = ledger_of(&input);
    let steered = entries(&ledger).into_iter().find(|e| e["caseId"] == "C2").unwrap();
    assert_eq!(steered["seats"][0]["pool"].as_array().unwrap().len(), 2, "J00 and J09 are left");
    let audit = call_json("auditLedger", json!({ "inputs": input, "ledger": ledger })).unwrap();
    assert_eq!(audit["verification"]["ok"], true);
    let flags = &audit["flags"];
    assert_eq!(flags["warnings"], json!(["WEAK_MIN_POOL", "WEAK_MAX_PROBABILITY", "NO_BEACON"]));
    let absences = flags["absencesAroundDraws"].as_array().unwrap();
    assert_eq!(absences.len(), 8, "{flags}");
    for (k, a) in absences.iter().enumerate() {
        assert_eq!(a["judge"], format!("J{:02}", k + 1));
        assert_eq!(a["draws"], json!([steered["index"]]));
        assert_eq!(a["days"], 0);
    }
    // Availability changes are in the ledger itself, hashed into the chain.
    assert_eq!(entries(&ledger).iter().filter(|e| e["kind"] == "availability").count(), 16);
}

#[test]
fn a_pool_of_one_is_flagged_above_the_court_ceiling_whatever_the_run_config() {
    let mut input = ten_judges();
    input["config"] = json!({ "minPool": 1, "maxProbability": "1" });
    let mut events = Vec::new();
    for j in 1..10 {
        events.push(json!({ "kind": "availability", "judgeId": format!("J{j:02}"), "availability": "onLeave" }));
    }
    events.push(json!({ "kind": "draw", "caseId": "C0" }));
    input["events"] = json!(events);
    let input = committed(input);
    let ledger = ledger_of(&input);
    let seat = &entries(&ledger)[9]["seats"][0];
    assert_eq!((seat["chosen"].as_str(), seat["lowEntropy"].is_null()), (Some("J00"), true), "nothing marked with minPool 1");
    let audit = call_json("auditLedger", json!({ "inputs": input, "ledger": ledger, "audit": { "probabilityCeiling": "0.6" } })).unwrap();
    let flags = &audit["flags"];
    assert_eq!(flags["aboveCeilingCount"], 1);
    assert_eq!(flags["aboveCeiling"][0], json!({ "index": 9, "caseId": "C0", "seat": 0, "judge": "J00", "p": "1.000000", "chosen": true }));
    // Never restored: not an absence around a draw, but the ceiling catches it.
    assert_eq!(flags["absencesAroundDraws"], json!([]));
    // A judge out for longer than both windows is not flagged.
    let err = error_of("auditLedger", json!({ "inputs": input, "ledger": "", "audit": { "probabilityCeiling": "0" } }));
    assert_eq!((err.code, err.path.as_str()), (ErrorCode::OutOfRange, "audit.probabilityCeiling"));
}

#[test]
fn absences_outside_the_window_are_not_flagged() {
    let mut input = ten_judges();
    let mut events = vec![json!({ "kind": "availability", "judgeId": "J03", "availability": "onLeave", "time": "2026-03-01" })];
    for c in 0..4 {
        events.push(json!({ "kind": "draw", "caseId": format!("C{c}") }));
    }
    events.push(json!({ "kind": "availability", "judgeId": "J03", "availability": "available", "time": "2026-03-20" }));
    input["events"] = json!(events);
    let input = committed(input);
    let ledger = ledger_of(&input);
    let narrow = call_json("auditLedger", json!({ "inputs": input, "ledger": ledger, "audit": { "windowEntries": 3, "windowDays": 5 } })).unwrap();
    assert_eq!(narrow["flags"]["absencesAroundDraws"], json!([]));
    let wide = call_json("auditLedger", json!({ "inputs": input, "ledger": ledger, "audit": { "windowEntries": 5 } })).unwrap();
    assert_eq!(wide["flags"]["absencesAroundDraws"][0]["draws"], json!([1, 2, 3, 4]));
    assert_eq!(wide["flags"]["absencesAroundDraws"][0]["days"], 19);
}

/// A run's ledger cannot be swapped for another run's: verification checks
/// the run against what was committed.
#[test]
fn a_ledger_drawn_from_another_seed_does_not_verify() {
    let published = fixture();
    let mut other = published.clone();
    other["seed"] = json!("ab".repeat(32));
    let other = committed(other);
    // The other run may fail (its outcomes differ, so the fixture's recusal of J04 may not apply): use its draws only.
    let mut draws_only = other.clone();
    draws_only["events"] = json!([{ "kind": "draw", "caseId": "C001" }]);
    let draws_only = committed(draws_only);
    let mut published_draws = published.clone();
    published_draws["events"] = draws_only["events"].clone();
    let published_draws = committed(published_draws);
    let report = verify(&published_draws, &ledger_of(&draws_only));
    assert_eq!(report["ok"], false);
    assert_eq!(report["firstDifference"]["field"], "header.commitment");
}

/// Continuous assignment: a filing is committed naming the next quicknet
/// round, which is out within 3 s; naming a round already out is refused.
#[test]
fn a_filing_names_the_next_round_and_waits_seconds_for_it() {
    let choice = call_json("drandRound", json!({ "network": "quicknet", "after": "2026-07-23T07:38:28Z" })).unwrap();
    assert_eq!(choice, json!({ "round": 30662982u64, "roundTime": 1784792310u64, "roundTimeText": "2026-07-23T07:38:30Z" }));
    // At most one period (3 s) after the commitment.
    for (after, wait) in [("2026-07-23T07:38:27Z", 3), ("2026-07-23T07:38:29Z", 1), ("2026-07-23T07:38:30Z", 3)] {
        let choice = call_json("drandRound", json!({ "network": "quicknet", "after": after })).unwrap();
        let at = shenguan::assignment::model::unix_seconds(after).unwrap();
        assert_eq!(choice["roundTime"].as_u64().unwrap() - at, wait, "{after}");
    }
    let default = call_json("drandRound", json!({ "network": "default", "after": "2026-07-23T07:38:28Z" })).unwrap();
    assert!(default["roundTime"].as_u64().unwrap() - 1784792308 <= 30);
    let err = error_of("drandRound", json!({ "network": "quicknet", "after": "yesterday" }));
    assert_eq!((err.code, err.path.as_str()), (ErrorCode::InvalidInput, "after"));
    // The last round that comes out by the end of year 9999 is named; past it, no round is.
    let last = call_json("drandRound", json!({ "network": "quicknet", "after": "9999-12-31T23:59:56Z" })).unwrap();
    assert!(last["roundTimeText"].as_str().unwrap().starts_with("9999-12-31T23:59:5"), "{last}");
    for network in ["quicknet", "default"] {
        let err = error_of("drandRound", json!({ "network": network, "after": "9999-12-31T23:59:59Z" }));
        assert_eq!((err.code, err.path.as_str()), (ErrorCode::OutOfRange, "after"));
    }
    // The drand vector's run, committed one round too late, is refused.
    let mut late: Value = serde_json::from_str::<Value>(include_str!("vectors/assignment/drand.json")).unwrap()["steps"][0]["input"].clone();
    late["committedAt"] = json!("2026-07-23T07:38:31Z");
    let err = error_of("commitRun", late);
    assert_eq!((err.code, err.path.as_str()), (ErrorCode::BeaconNotFuture, "beacon.round"));
}
