//! Figures of `auditLedger` pinned on small runs: shares, the position
//! test with a single bin, a department with no comparable judge, and the
//! default absence window in days.

#[path = "support/assignment.rs"]
mod support;

use serde_json::{json, Value};
use shenguan::api::call_json;

fn audit(input: &Value) -> Value {
    let input = support::committed(input.clone());
    let ledger = support::ledger_of(&input);
    call_json("auditLedger", json!({"inputs": input, "ledger": ledger})).unwrap()
}

fn court(cases: usize) -> Value {
    let mut input = support::fixture();
    input.as_object_mut().unwrap().remove("events");
    let mut judges: Vec<Value> = (0..4).map(|i| json!({"id": format!("J{i}"), "department": "civil", "caseTypes": ["contract"], "role": "judge", "share": "1"})).collect();
    judges.push(json!({"id": "V", "department": "leaders", "caseTypes": ["contract"], "role": "vicePresident", "share": "0.3"}));
    input["judges"] = Value::Array(judges);
    input["cases"] = (0..cases).map(|i| json!({"id": format!("C{i}"), "caseType": "contract", "department": "civil"})).collect();
    input
}

#[test]
fn the_fixture_audit_gives_its_shares() {
    let report = audit(&support::fixture());
    assert_eq!(report["counts"]["entries"], 12);
    assert_eq!(report["counts"]["manualShare"], "0.1667"); // 2 of 12 entries
    assert_eq!(report["lowEntropy"]["share"], "0.1818"); // 2 of 11 seats
    assert_eq!(report["positionBias"]["bins"], json!([[0, 11, "11.0000"]]));
}

#[test]
fn a_short_run_keeps_its_one_position_bin_and_a_leaders_only_department_has_no_spread() {
    let mut input = court(3);
    input["cases"][2]["department"] = json!("leaders");
    let report = audit(&input);
    // Three seats expect fewer than 5 draws in all: one bin, kept, with no degrees of freedom.
    assert_eq!(report["positionBias"]["bins"], json!([[0, 3, "3.0000"]]));
    assert_eq!(report["positionBias"]["degreesOfFreedom"], 0);
    // The leaders' department has no judge of full share and role judge: no spread.
    assert_eq!(report["loadSpread"]["leaders"]["finalSpread"], "0.0000");
    assert_eq!(report["loadSpread"]["civil"]["finalSpread"], "1.0000");
}

#[test]
fn an_absence_over_many_draws_is_flagged_within_the_default_three_days() {
    let draws = 60; // more than the default 50 entries
    let restore = |time: &str| {
        let mut input = court(draws);
        let mut events = vec![json!({"kind": "availability", "judgeId": "J0", "availability": "absent", "time": "2026-03-01"})];
        events.extend((0..draws).map(|i| json!({"kind": "draw", "caseId": format!("C{i}")})));
        events.push(json!({"kind": "availability", "judgeId": "J0", "availability": "available", "time": time}));
        input["events"] = Value::Array(events);
        audit(&input)["flags"]["absencesAroundDraws"].clone()
    };
    let flagged = restore("2026-03-04");
    assert_eq!(flagged.as_array().unwrap().len(), 1, "{flagged}");
    assert_eq!((flagged[0]["judge"].clone(), flagged[0]["days"].clone()), (json!("J0"), json!(3)));
    assert_eq!(flagged[0]["draws"].as_array().unwrap().len(), draws);
    assert_eq!(restore("2026-03-05"), json!([]), "4 days and 61 entries later is outside both windows");
}

#[test]
fn a_long_run_tests_positions_in_several_bins_each_expecting_at_least_five() {
    let report = audit(&court(60));
    let bins = report["positionBias"]["bins"].as_array().unwrap();
    assert!(bins.len() > 1, "{bins:?}");
    let expected: Vec<f64> = bins.iter().map(|b| b[2].as_str().unwrap().parse().unwrap()).collect();
    assert!(expected.iter().all(|&e| e >= 5.0), "{expected:?}");
    let observed: u64 = bins.iter().map(|b| b[1].as_u64().unwrap()).sum();
    assert_eq!(observed, 60);
    assert_eq!(report["positionBias"]["degreesOfFreedom"], bins.len() - 1);
    // The statistic over those bins, by hand: sum of (observed - expected)^2 / expected.
    let by_hand: f64 = bins.iter().map(|b| {
        let (o, e) = (b[1].as_f64().unwrap(), b[2].as_str().unwrap().parse::<f64>().unwrap());
        (o - e) * (o - e) / e
    }).sum();
    let reported: f64 = report["positionBias"]["chiSquare"].as_str().unwrap().parse().unwrap();
    assert!(by_hand > 0.0 && (reported - by_hand).abs() < 0.01, "{reported} vs {by_hand}");
}

#[test]
fn a_run_in_the_five_percent_tail_is_flagged_and_one_below_is_not() {
    // An honest run lands beyond the 5% critical value one time in twenty:
    // seed 0x13 of this court does (chi-square 8.0144 > 7.815 at 3 degrees).
    let with_seed = |seed: u64| {
        let mut input = court(60);
        input["seed"] = json!(format!("{seed:064x}"));
        audit(&input)["positionBias"].clone()
    };
    let tail = with_seed(0x13);
    assert_eq!((tail["chiSquare"].clone(), tail["critical5pct"].clone()), (json!("8.0144"), json!("7.815")));
    assert_eq!((tail["degreesOfFreedom"].clone(), tail["biased"].clone()), (json!(3), json!(true)));
    let fair = audit(&court(60))["positionBias"].clone();
    assert_eq!(fair["biased"], false, "{fair}");
    let (chi, critical): (f64, f64) = (fair["chiSquare"].as_str().unwrap().parse().unwrap(), fair["critical5pct"].as_str().unwrap().parse().unwrap());
    assert!(chi < critical && fair["degreesOfFreedom"].as_u64().unwrap() > 0, "{fair}");
}
