//! Assignment: determinism, balance, unpredictability, tamper detection and
//! coded errors, on the small fixture court and on synthetic courts.

use serde_json::{json, Value};
use shenguan::api::call_json;
use shenguan::assignment::{assign, verify_ledger, AssignmentInput, VerifyInput};
use shenguan::ErrorCode;

fn fixture() -> Value {
    serde_json::from_str(include_str!("fixtures/small-court.json")).unwrap()
}

fn ledger_of(input: &Value) -> Value {
    call_json("assign", input.clone()).unwrap()
}

fn verify(inputs: &Value, ledger: &Value) -> Value {
    call_json("verifyLedger", json!({ "inputs": inputs, "ledger": ledger })).unwrap()
}

fn error_of(op: &str, input: Value) -> shenguan::Error {
    call_json(op, input).unwrap_err()
}

#[test]
fn same_input_same_ledger_and_replay_verifies() {
    let input = fixture();
    let a = ledger_of(&input);
    let b = ledger_of(&input);
    assert_eq!(a, b);
    let report = verify(&input, &a);
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["entries"], 11);
    // Chain-only check passes too.
    assert_eq!(call_json("verifyChain", json!({ "ledger": a })).unwrap()["ok"], true);
}

#[test]
fn rules_hold_in_the_fixture() {
    let ledger = ledger_of(&fixture());
    let entries = ledger["entries"].as_array().unwrap();
    let by_case = |id: &str| entries.iter().rev().find(|e| e["caseId"] == id).unwrap();
    // Recused judge never drawn; the on-leave judge (J07) never drawn before returning.
    assert_ne!(by_case("C003")["judges"][0], "J04");
    // Hard case goes to a leader; leader-excluded case to an ordinary judge.
    assert!(["J01", "J02", "J03"].contains(&by_case("C004")["judges"][0].as_str().unwrap()));
    assert!(["J04", "J05", "J06"].contains(&by_case("C005")["judges"][0].as_str().unwrap()));
    // Panel of 3 distinct judges, distinct regions, none from the avoided region.
    let panel: Vec<&str> = by_case("C006")["judges"].as_array().unwrap().iter().map(|j| j.as_str().unwrap()).collect();
    assert_eq!(panel.len(), 3);
    let region = |id: &str| fixture()["judges"].as_array().unwrap().iter().find(|j| j["id"] == id).unwrap()["region"].clone();
    let mut regions: Vec<String> = panel.iter().map(|j| region(j).as_str().unwrap().to_string()).collect();
    regions.sort();
    regions.dedup();
    assert_eq!(regions.len(), 3);
    assert!(!regions.contains(&"west".to_string()));
    // A single eligible judge still draws, marked low-entropy.
    assert_eq!(by_case("C007")["seats"][0]["lowEntropy"], "POOL_BELOW_MINIMUM");
    // The recusal re-draw is recorded and never returns the recused judge.
    let redraw = by_case("C001");
    assert_eq!(redraw["kind"], "redraw");
    assert_eq!(redraw["replaced"], "J04");
    assert_ne!(redraw["judges"][0], "J04");
    assert!(!redraw["seats"][0]["pool"].as_array().unwrap().iter().any(|c| c["judge"] == "J04"));
    // Designation recorded with reason, approver and load before.
    assert_eq!(by_case("C008")["manual"]["reason"]["code"], "chiefTakeoverWithin7Days");
}

#[test]
fn probabilities_respect_the_cap_when_the_pool_is_large_enough() {
    let ledger = ledger_of(&fixture());
    for entry in ledger["entries"].as_array().unwrap() {
        for seat in entry["seats"].as_array().unwrap() {
            let ps: Vec<f64> = seat["pool"].as_array().unwrap().iter().map(|c| c["p"].as_str().unwrap().parse().unwrap()).collect();
            if seat["lowEntropy"].is_null() {
                assert!(ps.iter().all(|&p| p <= 0.5), "{seat}");
                assert!(ps.len() >= 3);
            }
        }
    }
}

fn tampered(ledger: &Value, edit: impl FnOnce(&mut Value)) -> Value {
    let mut copy = ledger.clone();
    edit(&mut copy);
    copy
}

#[test]
fn every_tamper_is_detected() {
    let input = fixture();
    let ledger = ledger_of(&input);
    let n = ledger["entries"].as_array().unwrap().len();
    let mut cases: Vec<(String, Value, Option<usize>)> = Vec::new();
    for i in 0..n {
        let entry = &ledger["entries"][i];
        for field in ["index", "kind", "caseId", "inputDigest", "seats", "manual", "replaced", "judges", "prev", "hash"] {
            let replacement = match &entry[field] {
                Value::Number(k) => json!(k.as_u64().unwrap() + 1),
                Value::String(s) if field == "kind" => json!(if s == "draw" { "designate" } else { "draw" }),
                Value::String(s) => json!(format!("{s}x")),
                Value::Null => json!("J04"),
                Value::Array(a) if a.is_empty() => json!([]),
                Value::Array(_) => json!([]),
                Value::Object(_) => Value::Null,
                other => other.clone(),
            };
            if replacement == entry[field] {
                continue;
            }
            cases.push((format!("entry {i} {field}"), tampered(&ledger, |l| l["entries"][i][field] = replacement), Some(i)));
        }
        if !entry["seats"].as_array().unwrap().is_empty() {
            let other = if entry["seats"][0]["chosen"] == "J05" { "J06" } else { "J05" };
            cases.push((format!("entry {i} chosen"), tampered(&ledger, |l| l["entries"][i]["seats"][0]["chosen"] = json!(other)), Some(i)));
            cases.push((format!("entry {i} p"), tampered(&ledger, |l| l["entries"][i]["seats"][0]["pool"][0]["p"] = json!("0.999999")), Some(i)));
            cases.push((format!("entry {i} load"), tampered(&ledger, |l| l["entries"][i]["seats"][0]["pool"][0]["load"] = json!("0.0001")), Some(i)));
        }
        cases.push((format!("drop {i}"), tampered(&ledger, |l| { l["entries"].as_array_mut().unwrap().remove(i); }), Some(i)));
        cases.push((format!("insert at {i}"), tampered(&ledger, |l| {
            let copy = l["entries"][(i + 1) % n].clone();
            l["entries"].as_array_mut().unwrap().insert(i, copy);
        }), Some(i)));
        if i + 1 < n {
            cases.push((format!("swap {i}"), tampered(&ledger, |l| l["entries"].as_array_mut().unwrap().swap(i, i + 1)), Some(i)));
        }
    }
    cases.push(("header commitment".into(), tampered(&ledger, |l| l["header"]["commitment"] = json!("00".repeat(32))), None));
    cases.push(("header config".into(), tampered(&ledger, |l| l["header"]["config"]["minPool"] = json!(1)), None));
    cases.push(("append".into(), tampered(&ledger, |l| {
        let copy = l["entries"][0].clone();
        l["entries"].as_array_mut().unwrap().push(copy);
    }), Some(n)));
    assert!(cases.len() > 100);
    for (label, bad, index) in cases {
        // A ledger edited into something that no longer parses is caught as malformed.
        let report = match call_json("verifyLedger", json!({ "inputs": input, "ledger": bad })) {
            Ok(report) => report,
            Err(e) => {
                assert_eq!(e.code, ErrorCode::MalformedLedger, "{label}: {e}");
                continue;
            }
        };
        assert_eq!(report["ok"], false, "{label} not detected");
        let found = &report["firstDifference"]["index"];
        assert_eq!(found.as_u64().map(|k| k as usize), index, "{label}: wrong index in {report}");
    }
}

#[test]
fn chain_check_alone_catches_edits_without_rehash() {
    let ledger = ledger_of(&fixture());
    let bad = tampered(&ledger, |l| l["entries"][4]["seats"][0]["chosen"] = json!("J05"));
    let report = call_json("verifyChain", json!({ "ledger": bad })).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["firstBroken"], 4);
}

#[test]
fn replay_catches_a_consistently_rehashed_forgery() {
    // Edit entry 2's chosen judge and rebuild every hash after it: the chain
    // is intact again, but the replay still finds the edit.
    let input = fixture();
    let mut ledger: shenguan::assignment::Ledger = serde_json::from_value(ledger_of(&input)).unwrap();
    ledger.entries[2].seats[0].chosen = "J06".into();
    let mut prev = shenguan::canonical::parse_hex::<32>(&ledger.entries[2].prev).unwrap();
    for entry in &mut ledger.entries[2..] {
        prev = shenguan::assignment::ledger::seal(entry, &prev).unwrap();
    }
    let ledger = serde_json::to_value(&ledger).unwrap();
    assert_eq!(call_json("verifyChain", json!({ "ledger": ledger })).unwrap()["ok"], true);
    let report = verify(&input, &ledger);
    assert_eq!(report["ok"], false);
    assert_eq!(report["firstDifference"]["index"], 2);
    assert_eq!(report["firstDifference"]["field"], "hash");
}

#[test]
fn consecutive_runs_form_one_chain_through_previous_head() {
    let mut first = fixture();
    first.as_object_mut().unwrap().remove("events");
    let first_ledger = ledger_of(&first);
    let head = call_json("verifyHead", json!({ "inputs": first, "head": "" })).unwrap()["head"].clone();
    assert_eq!(head, first_ledger["entries"].as_array().unwrap().last().unwrap()["hash"]);
    assert!(first_ledger["header"].get("previousHead").is_none());

    // The next day's run names that head (given in upper case, recorded in lower case).
    let mut second = first.clone();
    second["seed"] = json!("5a".repeat(32));
    second["previousHead"] = json!(head.as_str().unwrap().to_uppercase());
    let second_ledger = ledger_of(&second);
    assert_eq!(second_ledger["header"]["previousHead"], head);
    assert_eq!(verify(&second, &second_ledger)["ok"], true);
    assert_eq!(call_json("verifyChain", json!({ "ledger": second_ledger })).unwrap()["ok"], true);

    // The header binds it: another previous head gives another header hash and chain.
    let mut unlinked = second.clone();
    unlinked.as_object_mut().unwrap().remove("previousHead");
    let unlinked_ledger = ledger_of(&unlinked);
    assert_ne!(unlinked_ledger["headerHash"], second_ledger["headerHash"]);
    let report = verify(&unlinked, &second_ledger);
    assert_eq!(report["ok"], false);
    assert_eq!(report["firstDifference"]["field"], "header.previousHead");
    let mut edited = second_ledger.clone();
    edited["header"]["previousHead"] = json!("00".repeat(32));
    assert_eq!(call_json("verifyChain", json!({ "ledger": edited })).unwrap()["ok"], false);

    for bad in [json!("abc"), json!("zz".repeat(32)), json!(7)] {
        let mut input = second.clone();
        input["previousHead"] = bad;
        let err = error_of("assign", input);
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert_eq!(err.path, "previousHead");
    }
}

#[test]
fn wrong_seed_or_commitment_is_caught() {
    let mut input = fixture();
    input.as_object_mut().unwrap().remove("events");
    let ledger = ledger_of(&input);
    let mut other = input.clone();
    other["seed"] = json!("ff".repeat(32));
    let report = verify(&other, &ledger);
    assert_eq!(report["ok"], false);
    assert_eq!(report["firstDifference"]["field"], "header.commitment");

    let commitment = call_json("commitSeed", json!({ "seed": input["seed"] })).unwrap();
    let mut committed = input.clone();
    committed["commitment"] = commitment["commitment"].clone();
    assert!(call_json("assign", committed.clone()).is_ok());
    committed["commitment"] = json!("ab".repeat(32));
    assert_eq!(error_of("assign", committed).code, ErrorCode::CommitmentMismatch);
}

#[test]
fn bad_input_gets_coded_errors_with_paths() {
    let base = fixture();
    type Case<'a> = (&'a str, Box<dyn Fn(&mut Value)>, ErrorCode, &'a str);
    let cases: Vec<Case> = vec![
        ("seed", Box::new(|v| v["seed"] = json!("xyz")), ErrorCode::MalformedSeed, "seed"),
        ("beacon", Box::new(|v| v["beacon"] = json!("abc")), ErrorCode::MalformedSeed, "beacon"),
        ("dup judge", Box::new(|v| v["judges"][1]["id"] = json!("J01")), ErrorCode::DuplicateId, "judges[1].id"),
        ("dup case", Box::new(|v| v["cases"][2]["id"] = json!("C001")), ErrorCode::DuplicateId, "cases[2].id"),
        ("share 0", Box::new(|v| v["judges"][3]["share"] = json!("0")), ErrorCode::InvalidShare, "judges[3].share"),
        ("share 1.2", Box::new(|v| v["judges"][3]["share"] = json!(1.2)), ErrorCode::InvalidShare, "judges[3].share"),
        ("share type", Box::new(|v| v["judges"][3]["share"] = json!(true)), ErrorCode::InvalidInput, "judges[3].share"),
        ("unknown designated", Box::new(|v| v["events"][7]["judgeId"] = json!("J99")), ErrorCode::UnknownJudge, "events[7].judgeId"),
        ("missing reason", Box::new(|v| { v["events"][7].as_object_mut().unwrap().remove("reason"); }), ErrorCode::MissingReason, "events[7].reason"),
        ("unlisted reason", Box::new(|v| v["events"][7]["reason"]["code"] = json!("convenience")), ErrorCode::InvalidInput, "events[7].reason.code"),
        ("other without text", Box::new(|v| v["events"][11]["reason"] = json!({ "code": "other" })), ErrorCode::MissingReason, "events[11].reason.text"),
        ("late takeover", Box::new(|v| v["events"][7]["time"] = json!("2026-03-20T10:00:00+08:00")), ErrorCode::InvalidEvent, "events[7].time"),
        ("unknown case", Box::new(|v| v["events"][0]["caseId"] = json!("C999")), ErrorCode::UnknownCase, "events[0].caseId"),
        ("unknown recusal", Box::new(|v| v["cases"][0]["recuse"] = json!(["J77"])), ErrorCode::UnknownJudge, "cases[0].recuse[0]"),
        ("field typo", Box::new(|v| v["judges"][0]["shares"] = json!(1)), ErrorCode::InvalidInput, "judges[0].shares"),
        ("twice drawn", Box::new(|v| v["events"][1]["caseId"] = json!("C001")), ErrorCode::InvalidEvent, "events[1].caseId"),
    ];
    for (label, edit, code, path) in cases {
        let mut input = base.clone();
        edit(&mut input);
        let err = error_of("assign", input);
        assert_eq!((err.code, err.path.as_str()), (code, path), "{label}: {err}");
        assert!(!err.message.is_empty() && !err.message_zh.is_empty());
    }
    // Several problems at once: all reported.
    let mut input = base.clone();
    input["judges"][3]["share"] = json!("0");
    input["judges"][4]["share"] = json!("2");
    let err = error_of("assign", input);
    assert_eq!(err.more.len(), 1);
    assert_eq!(err.more[0].path, "judges[4].share");
}

#[test]
fn no_eligible_judge_says_why() {
    let mut input = fixture();
    input["cases"][6]["recuse"] = json!(["J08"]);
    let err = error_of("assign", input);
    assert_eq!(err.code, ErrorCode::NoEligibleJudge);
    assert_eq!(err.path, "events[6].caseId");
    let details = err.details.unwrap();
    assert_eq!(details["excluded"]["recusal"], 1);
    assert_eq!(details["excluded"]["department"], 7);
}

#[test]
fn a_ledger_that_does_not_parse() {
    let input = fixture();
    let err = error_of("verifyLedger", json!({ "inputs": input, "ledger": { "entries": 3 } }));
    assert_eq!(err.code, ErrorCode::MalformedLedger);
    let mut ledger = ledger_of(&input);
    ledger["entries"][2]["seats"][0]["pool"][1]["weight"] = json!("heavy");
    let err = error_of("verifyLedger", json!({ "inputs": input, "ledger": ledger }));
    assert_eq!(err.code, ErrorCode::MalformedLedger);
    assert_eq!(err.path, "ledger.entries[2].seats[0].pool[1].weight");
}

/// A department of `n` full-share judges and `cases` unit cases.
fn synthetic(n: usize, cases: usize, weight_of: impl Fn(usize) -> String) -> AssignmentInput {
    let judges: Vec<Value> = (0..n)
        .map(|i| json!({ "id": format!("J{i:03}"), "department": "d", "caseTypes": ["t"], "role": "judge", "share": "1" }))
        .collect();
    let cases: Vec<Value> = (0..cases).map(|i| json!({ "id": format!("C{i:05}"), "caseType": "t", "department": "d", "weight": weight_of(i) })).collect();
    serde_json::from_value(json!({ "judges": judges, "cases": cases, "seed": "42".repeat(32) })).unwrap()
}

#[test]
fn balance_stays_within_tolerance_plus_two_cases() {
    let input = synthetic(12, 3000, |i| ["0.5", "1", "1.5", "3"][i % 4].to_string());
    let ledger = assign(input.clone()).unwrap();
    // Final loads from the audit.
    let audit = shenguan::assignment::audit::audit_with(&input, shenguan::assignment::lottery::Lottery, Some(&ledger)).unwrap();
    let spread: f64 = audit.load_spread["d"].worst.parse().unwrap();
    // The window admits judges up to the tolerance (2) above the lightest; a
    // pick adds at most the heaviest case (3), and widening the pool to its
    // minimum can add one more case on top: the spread never exceeds 2 + 2 x 3.
    assert!(spread <= 8.0, "worst spread {spread}");
    let final_spread: f64 = audit.load_spread["d"].final_spread.parse().unwrap();
    assert!(final_spread <= 5.0, "final spread {final_spread}");
    assert!(audit.verification.ok);
    assert!(!audit.position_bias.biased, "{:?}", audit.position_bias);
    assert_eq!(audit.low_entropy.count, 0);
}

#[test]
fn verify_takes_the_typed_input_too() {
    let input: AssignmentInput = serde_json::from_value(fixture()).unwrap();
    let ledger = assign(input.clone()).unwrap();
    let report = verify_ledger(VerifyInput { inputs: input, ledger: serde_json::to_value(ledger).unwrap() }).unwrap();
    assert!(report.ok);
}

#[test]
fn chain_head_verification() {
    let input = fixture();
    let ledger = ledger_of(&input);
    let head = ledger["entries"].as_array().unwrap().last().unwrap()["hash"].clone();
    let report = call_json("verifyHead", json!({ "inputs": input, "head": head })).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["entries"], 11);
    let report = call_json("verifyHead", json!({ "inputs": input, "head": "00".repeat(32) })).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["head"], head);
    // verifyLedger reports the replay's head too, even for a ledger that differs.
    let mut tampered = ledger.clone();
    tampered["entries"][10]["hash"] = json!("00".repeat(32));
    let report = call_json("verifyLedger", json!({ "inputs": input, "ledger": tampered })).unwrap();
    assert_eq!((report["ok"].clone(), report["head"].clone()), (json!(false), head));
    // An empty run's head is its header hash.
    let mut empty = input.clone();
    empty["cases"] = json!([]);
    empty["events"] = json!([]);
    let empty_ledger = ledger_of(&empty);
    let report = call_json("verifyLedger", json!({ "inputs": empty, "ledger": empty_ledger })).unwrap();
    assert_eq!(report["head"], empty_ledger["headerHash"]);
}
