//! The judge performance formula: the example rule sets reproduce their
//! hand-computed tables (docs/scoring.md), explanations show vetoes, caps,
//! segments, in-range indicators and missing inputs, and bad input is a
//! coded error with its path.

use serde_json::{json, Value};
use shenguan::api::call_json;

#[path = "support/scoring.rs"]
mod support;
use support::*;

/// (id, total, grade, basis, rank)
type Row = (&'static str, &'static str, &'static str, &'static str, Option<u64>);

fn check_table(name: &str, table: &[Row]) {
    let out = score(name);
    assert_eq!(out["judges"].as_array().unwrap().len(), table.len());
    for &(id, total, grade, basis, rank) in table {
        let j = judge(&out, id);
        assert_eq!(j["total"], total, "{name} {id} total");
        assert_eq!(j["grade"], grade, "{name} {id} grade");
        assert_eq!(j["gradeBasis"], basis, "{name} {id} basis");
        assert_eq!(j["rank"].as_u64(), rank, "{name} {id} rank");
    }
}

#[test]
fn yunnan_style_reproduces_the_hand_table() {
    check_table(
        "yunnan",
        &[
            ("Y1", "87.80", "competent", "threshold", Some(3)),
            ("Y2", "92.30", "competent", "quota", Some(2)),
            ("Y3", "101.55", "excellent", "threshold", Some(1)),
            ("Y4", "47.88", "incompetent", "veto", None),
            ("Y5", "92.70", "incompetent", "veto", None),
        ],
    );
}

#[test]
fn kunming_style_reproduces_the_hand_table() {
    check_table(
        "kunming",
        &[
            ("K1", "100.00", "excellent", "threshold", Some(1)),
            ("K2", "86.00", "good", "threshold", Some(3)),
            ("K3", "60.40", "pass", "threshold", Some(4)),
            ("K4", "100.00", "excellent", "threshold", Some(1)),
        ],
    );
}

#[test]
fn shenzhen_style_reproduces_the_hand_table() {
    check_table(
        "shenzhen",
        &[
            ("S1", "84.00", "good", "threshold", Some(1)),
            ("S2", "76.00", "good", "threshold", Some(2)),
            ("C1", "91.00", "good", "requirement", Some(1)),
            ("C2", "42.00", "fail", "threshold", Some(2)),
            ("A1", "80.00", "good", "threshold", Some(1)),
            ("E1", "100.00", "pass", "threshold", Some(1)),
        ],
    );
}

#[test]
fn every_result_carries_the_rule_set_and_the_statistics() {
    let out = score("kunming");
    assert_eq!(out["ruleSet"]["id"], "kunming-style-judges");
    assert_eq!(out["ruleSet"]["version"], "2024.1");
    assert_eq!(out["ruleSet"]["digest"].as_str().unwrap().len(), 64);
    let pops = out["statistics"]["populations"].as_array().unwrap();
    assert_eq!(pops.len(), 1);
    assert_eq!(pops[0]["indicator"], "averageTrialDays");
    assert_eq!(pops[0]["mean"], "50.0000000000");
    assert_eq!(pops[0]["stdDev"], "10.0000000000");
    let report = call_json("validateRuleSet", rule_set("kunming")).unwrap();
    assert_eq!(report["valid"], true);
    assert_eq!(report["ruleSet"]["digest"], out["ruleSet"]["digest"]);
}

#[test]
fn explanation_shows_veto_cap_segment_in_range_and_credit() {
    let y = score("yunnan");
    let y5 = judge(&y, "Y5");
    assert_eq!(y5["vetoes"][0]["id"], "discipline");
    let veto = node(&y5["explanation"], "veto", "discipline");
    assert_eq!(veto["outcome"], "triggered");
    assert!(flags(veto).contains(&"triggered"));
    assert!(flags(node(&y5["explanation"], "grade", "incompetent")).contains(&"vetoed"));
    // A veto that does not apply stays visible.
    assert_eq!(node(&judge(&y, "Y1")["explanation"], "veto", "discipline")["outcome"], "notTriggered");
    // Y4 fails the caseload check: 3.75 < 0.05 × 150 = 7.5, a veto.
    let y4 = judge(&y, "Y4");
    let check = node(&y4["explanation"], "check", "caseload");
    assert_eq!(check["outcome"], "fail");
    assert_eq!(step(check, "required"), "7.50");
    assert_eq!(y4["vetoes"][0]["clause"], "leaderChecks[0]");
    // Y2 fails the report-only personal-handling check (30 / 40 = 0.75) without a veto.
    let y2 = judge(&y, "Y2");
    let personal = y2["checks"].as_array().unwrap().iter().find(|c| c["id"] == "personal").unwrap();
    assert_eq!(personal["passed"], false);
    assert_eq!(personal["value"], "0.75");
    assert!(y2["vetoes"].as_array().unwrap().is_empty());
    assert!(flags(node(&y2["explanation"], "grade", "competent")).contains(&"quotaApplied"));
    // Y3: 56 credited cases / 45 expected = 124.44 → capped at 120.
    let closed = node(&judge(&y, "Y3")["explanation"], "indicator", "closedCases");
    assert!(flags(closed).contains(&"capped"));
    assert_eq!(closed["value"], "120.00");
    // Y1: panel credit 10 × 0.2 = 2 capped at 6 × 0.2 / 0.8 = 1.5.
    let y1 = &judge(&y, "Y1")["explanation"];
    let credit = node(y1, "credit", "closedCases");
    assert!(flags(credit).contains(&"panelCapped"));
    assert_eq!(credit["value"], "7.50");
    // Y1: live-stream rate 0.8 is in segment 2 (0.5 to 0.9): 60 + 40 × 0.75 = 90.
    let live = node(y1, "indicator", "liveStreamRate");
    assert_eq!(step(live, "segment"), "2");
    assert_eq!(live["value"], "90.00");
    assert!(live["note"].as_str().unwrap().starts_with("segment 2"));
    assert_eq!(live["clause"], "indicators[7].method");
    // Kunming: in range, out of range, saturation cap, z-score, tier override clause.
    let k = score("kunming");
    let k1 = &judge(&k, "K1")["explanation"];
    assert!(flags(node(k1, "indicator", "timelyRate")).contains(&"inRange"));
    let cases = node(k1, "indicator", "closedCases");
    assert!(flags(cases).contains(&"aboveLastPoint") && flags(cases).contains(&"capped"));
    assert_eq!(step(cases, "raw"), "112.50");
    let k3 = &judge(&k, "K3")["explanation"];
    let timely = node(k3, "indicator", "timelyRate");
    assert!(flags(timely).contains(&"outOfRange"));
    assert_eq!(timely["value"], "92.00");
    assert_eq!(node(k3, "indicator", "averageTrialDays")["value"], "90.00");
    assert_eq!(node(&judge(&k, "K4")["explanation"], "indicator", "closedCases")["clause"], "tiers[1].overrides.closedCases");
    // Shenzhen: a zone of one judge has min = max: the declared 0.8 of full marks.
    let s = score("shenzhen");
    let a1 = node(&judge(&s, "A1")["explanation"], "indicator", "closedCases");
    assert!(flags(a1).contains(&"minEqualsMax"));
    assert_eq!(a1["value"], "80.00");
}

#[test]
fn score_one_reproduces_the_batch_from_the_snapshot() {
    for name in ["yunnan", "kunming", "shenzhen"] {
        let input = example_input(name);
        let batch = call_json("score", input.clone()).unwrap();
        for (j, result) in input["judges"].as_array().unwrap().iter().zip(batch["judges"].as_array().unwrap()) {
            let one = call_json("scoreOne", json!({"ruleSet": input["ruleSet"], "judge": j, "statistics": batch["statistics"]})).unwrap();
            let one = &one["judge"];
            assert_eq!(one["total"], result["total"], "{name} {}", j["id"]);
            assert_eq!(one["groups"], result["groups"], "{name} {}", j["id"]);
            assert_eq!(one["complete"], true);
            assert!(one.get("rank").is_none());
            // With the batch's grade cut-offs, quotas apply as in the batch.
            assert_eq!(one["grade"], result["grade"], "{name} {}", j["id"]);
            assert_eq!(one["gradeBasis"], result["gradeBasis"], "{name} {}", j["id"]);
            assert!(one.get("gradeProvisional").is_none());
        }
    }
}

#[test]
fn a_partly_filled_form_lists_what_is_missing() {
    let input = example_input("yunnan");
    let batch = call_json("score", input.clone()).unwrap();
    let mut form = input["judges"][0].clone();
    let values = form["values"].as_object_mut().unwrap();
    values.remove("panelCases");
    values.insert("documentQuality".into(), json!(""));
    values.insert("meetings".into(), Value::Null);
    let one = call_json("scoreOne", json!({"ruleSet": input["ruleSet"], "judge": form, "statistics": batch["statistics"]})).unwrap();
    let j = &one["judge"];
    assert_eq!(j["complete"], false);
    assert_eq!(j["total"], Value::Null);
    assert_eq!(j["grade"], Value::Null);
    let missing: Vec<&str> = j["missing"].as_array().unwrap().iter().map(|m| m["path"].as_str().unwrap()).collect();
    assert_eq!(missing, ["judge.values.panelCases", "judge.values.documentQuality", "judge.values.meetings"]);
    let closed = node(&j["explanation"], "indicator", "closedCases");
    assert!(flags(closed).contains(&"missing"));
    assert_eq!(closed["value"], Value::Null);
    // What is there is still scored.
    assert_eq!(node(&j["explanation"], "indicator", "liveStreamRate")["value"], "90.00");
    // No snapshot at all: the population and the baselines are listed too.
    let one = call_json("scoreOne", json!({"ruleSet": input["ruleSet"], "judge": input["judges"][0]})).unwrap();
    let kinds: Vec<&str> = one["judge"]["missing"].as_array().unwrap().iter().map(|m| m["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["baseline", "population", "population"]);
}

#[test]
fn ranking_switched_off_leaves_no_rank() {
    let mut input = example_input("kunming");
    input["ruleSet"]["ranking"] = json!(false);
    input["detail"] = json!("summary");
    let out = call_json("score", input).unwrap();
    for j in out["judges"].as_array().unwrap() {
        assert!(j.get("rank").is_none());
        assert!(j.get("explanation").is_none());
    }
}

#[test]
fn tied_judges_at_a_quota_boundary_drop_under_all_drop() {
    let mut input = example_input("kunming");
    input["ruleSet"]["grades"]["ties"] = json!("allDrop");
    let out = call_json("score", input).unwrap();
    for id in ["K1", "K4"] {
        assert_eq!(judge(&out, id)["grade"], "good");
        assert_eq!(judge(&out, id)["gradeBasis"], "quota");
    }
}

#[test]
fn bad_input_is_a_coded_error_with_its_path() {
    let base = example_input("yunnan");
    let mut bad = base.clone();
    bad["judges"][1]["values"]["reversalRate"] = json!(true);
    assert_eq!(error("score", bad), ("TYPE_MISMATCH".into(), "judges[1].values.reversalRate".into()));
    let mut bad = base.clone();
    bad["judges"][0]["values"]["hardCases"] = json!("2.5");
    assert_eq!(error("score", bad), ("TYPE_MISMATCH".into(), "judges[0].values.hardCases".into()));
    let mut bad = base.clone();
    bad["judges"][2]["values"]["nosuch"] = json!(1);
    assert_eq!(error("score", bad), ("UNKNOWN_INDICATOR".into(), "judges[2].values.nosuch".into()));
    let mut bad = base.clone();
    bad["judges"][3]["values"].as_object_mut().unwrap().remove("meetings");
    assert_eq!(error("score", bad), ("MISSING_VALUE".into(), "judges[3].values.meetings".into()));
    let mut bad = base.clone();
    bad["judges"][4]["court"] = json!("c9");
    assert_eq!(error("score", bad), ("MISSING_BASELINE".into(), "baselines.c9.closedCases".into()));
    let mut bad = base.clone();
    bad["ruleSet"]["groups"][1]["weight"] = json!("35");
    assert_eq!(error("score", bad), ("WEIGHTS_DO_NOT_SUM_TO_ONE".into(), "ruleSet.groups".into()));
    let mut bad = base.clone();
    bad["ruleSet"]["groups"][2]["indicators"][0]["indicator"] = json!("hardCase");
    assert_eq!(error("score", bad), ("UNKNOWN_INDICATOR".into(), "ruleSet.groups[2].indicators[0].indicator".into()));
    let mut bad = base.clone();
    bad["ruleSet"]["indicators"][3]["method"]["type"] = json!("magic");
    assert_eq!(error("score", bad), ("INVALID_RULE_SET".into(), "ruleSet.indicators[3].method.type".into()));
    let mut bad = base.clone();
    bad["judges"][1]["id"] = json!("Y1");
    assert_eq!(error("score", bad), ("DUPLICATE_ID".into(), "judges[1].id".into()));
    // The batch reads forms straight into slots; shape errors keep their paths.
    let mut bad = base.clone();
    bad["judges"][2]["grade"] = json!("a");
    assert_eq!(error("score", bad), ("INVALID_INPUT".into(), "judges[2].grade".into()));
    let mut bad = base.clone();
    bad["judges"][3]["values"] = json!([1]);
    assert_eq!(error("score", bad), ("INVALID_INPUT".into(), "judges[3].values".into()));
    let mut bad = base.clone();
    bad["judges"][0].as_object_mut().unwrap().remove("id");
    assert_eq!(error("score", bad), ("INVALID_INPUT".into(), "judges[0]".into()));
    // A form's role is checked before its values, as when it is read whole.
    let mut bad = base;
    bad["judges"][1]["role"] = json!("clerk");
    bad["judges"][1]["values"]["nosuch"] = json!(1);
    assert_eq!(error("score", bad), ("INVALID_INPUT".into(), "judges[1].role".into()));
}

#[test]
fn every_missing_value_of_a_batch_is_listed_or_counted() {
    let empty_forms = |n: usize| {
        let mut input = example_input("yunnan");
        let form = input["judges"][0].clone();
        input["judges"] = json!((0..n)
            .map(|i| {
                let mut f = form.clone();
                f["id"] = json!(format!("E{i:03}"));
                f["values"] = json!({});
                f
            })
            .collect::<Vec<_>>());
        shenguan::api::call_json("score", input).unwrap_err()
    };
    let one = empty_forms(1);
    let per_form = 1 + one.more.len();
    assert_eq!((one.code, one.more_omitted), (shenguan::ErrorCode::MissingValue, 0));
    let e = empty_forms(300);
    assert_eq!(e.more.len(), shenguan::error::MAX_MORE);
    assert_eq!(1 + e.more.len() + e.more_omitted, 300 * per_form);
}

#[test]
fn validate_rule_set_reports_every_problem() {
    let mut rs = rule_set("yunnan");
    rs["groups"][0]["weight"] = json!("31");
    rs["indicators"][5]["method"] = json!({"type": "inRange", "min": "2", "max": "1", "points": []});
    rs["vetoes"][0]["grade"] = json!("terrible");
    rs["tiers"][1]["id"] = json!("president");
    let report = call_json("validateRuleSet", rs).unwrap();
    assert_eq!(report["valid"], false);
    let got: Vec<(&str, &str)> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["code"].as_str().unwrap(), p["path"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("INVALID_RULE_SET", "indicators[5].method.min"),
            ("WEIGHTS_DO_NOT_SUM_TO_ONE", "groups"),
            ("DUPLICATE_ID", "tiers[1].id"),
            ("INVALID_RULE_SET", "vetoes[0].grade"),
        ]
    );
    let report = call_json("validateRuleSet", json!({"id": "x", "version": "1", "indicators": [], "extra": 1})).unwrap();
    assert_eq!(report["problems"][0]["code"], "INVALID_RULE_SET");
    assert_eq!(report["problems"][0]["path"], "extra");
}

#[test]
fn a_leader_check_lists_its_own_missing_baseline_once() {
    // The check reads a baseline no indicator reads: it is listed by the check.
    let input = example_input("yunnan");
    let mut rs = input["ruleSet"].clone();
    rs["leaderChecks"][0]["indicator"] = json!("handledCases");
    let one = call_json("scoreOne", json!({"ruleSet": rs, "judge": input["judges"][0]})).unwrap();
    let paths: Vec<&str> = one["judge"]["missing"].as_array().unwrap().iter().map(|m| m["path"].as_str().unwrap()).collect();
    let own: Vec<&&str> = paths.iter().filter(|p| p.ends_with(".handledCases") && p.starts_with("statistics.baselines")).collect();
    assert_eq!(own.len(), 1, "{paths:?}");
    // Read by both the indicator and the check, the baseline is listed once.
    let one = call_json("scoreOne", json!({"ruleSet": input["ruleSet"], "judge": input["judges"][0]})).unwrap();
    let paths: Vec<&str> = one["judge"]["missing"].as_array().unwrap().iter().map(|m| m["path"].as_str().unwrap()).collect();
    assert_eq!(paths.iter().filter(|p| p.ends_with(".closedCases") && p.starts_with("statistics.baselines")).count(), 1, "{paths:?}");
}

#[test]
fn bounds_of_ratio_checks_and_z_score_spreads() {
    let valid = |rs: Value| call_json("validateRuleSet", rs).unwrap();
    let mut rs = rule_set("yunnan");
    rs["leaderChecks"][1]["min"] = json!("0");
    assert_eq!(valid(rs.clone())["valid"], true, "a ratio check may require 0");
    rs["leaderChecks"][1]["min"] = json!("-0.1");
    assert_eq!(valid(rs)["problems"][0]["path"], "leaderChecks[1].min");
    let mut rs = rule_set("yunnan");
    rs["indicators"][5]["method"] = json!({"type": "zScore", "center": "50", "spread": "0"});
    assert_eq!(valid(rs.clone())["valid"], true, "a zero spread is allowed (declared edge outcome)");
    rs["indicators"][5]["method"]["spread"] = json!("-1");
    let report = valid(rs);
    assert_eq!(report["problems"][0]["path"], "indicators[5].method.spread");
}
