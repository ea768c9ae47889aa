//! The rule-set clauses real schemes need beyond weights and per-item caps:
//! caps on the sums, vetoes on a group's score or the total, grading by
//! "every indicator in range" with the count out of range, one-sided
//! ranges, efficacy with fixed bounds, step scales and panel credit by
//! role. Each vector's batch is checked against its hand-computed table
//! (docs/scoring.md), the explanation against the clause that applied, and
//! the summary batch (integer path) against the explained one.

use serde_json::{json, Value};
use shenguan::api::call_json;

#[path = "support/scoring.rs"]
mod support;
use support::*;

fn batch(vector: &str) -> Value {
    load(&format!("tests/vectors/scoring/{vector}.json"))["steps"][0]["input"].clone()
}

/// (id, total, grade, rank) of every judge, in order.
fn rows(out: &Value) -> Vec<(String, String, Option<String>, Option<u64>)> {
    let s = |v: &Value| v.as_str().map(str::to_string);
    out["judges"].as_array().unwrap().iter().map(|j| (s(&j["id"]).unwrap(), s(&j["total"]).unwrap(), s(&j["grade"]), j["rank"].as_u64())).collect()
}

fn table(t: &[(&str, &str, Option<&str>, Option<u64>)]) -> Vec<(String, String, Option<String>, Option<u64>)> {
    t.iter().map(|&(id, total, grade, rank)| (id.into(), total.into(), grade.map(Into::into), rank)).collect()
}

fn explained(vector: &str, id: &str) -> Value {
    let mut input = batch(vector);
    input["detail"] = json!("full");
    let out = call_json("score", input).unwrap();
    judge(&out, id)["explanation"].clone()
}

fn input_value<'a>(n: &'a Value, name: &str) -> &'a Value {
    n["inputs"].as_array().unwrap().iter().find(|t| t["name"] == name).map(|t| &t["value"]).unwrap_or(&Value::Null)
}

#[test]
fn caps_on_sums_and_vetoes_on_aggregates_reproduce_the_hand_table() {
    let out = call_json("score", batch("caps-and-aggregate-vetoes")).unwrap();
    assert_eq!(
        rows(&out),
        table(&[
            ("A1", "100.00", Some("excellent"), Some(1)),
            ("A2", "76.00", Some("competent"), Some(2)),
            ("A3", "71.00", Some("incompetent"), None),
            ("A4", "58.80", Some("incompetent"), None),
            ("A5", "69.00", Some("basicallyCompetent"), Some(3)),
        ])
    );
    assert_eq!(judge(&out, "A3")["vetoes"][0]["id"], "caseloadBelowStandard");
    assert_eq!(judge(&out, "A4")["vetoes"][0]["id"], "totalBelow60");
    assert!(judge(&out, "A4")["vetoes"][0]["reasonZh"].as_str().unwrap().starts_with("总分 = 58.80"));
    assert_eq!(judge(&out, "A4")["vetoes"][0]["gradeLabel"], "不称职");
    assert!(judge(&out, "A3")["vetoes"][0]["reasonZh"].as_str().unwrap().contains("“办案数量”组得分 G = 55.00"));
    assert_eq!(judge(&out, "A5")["vetoes"], json!([]), "a G of exactly 60 is not below 60");

    let a1 = explained("caps-and-aggregate-vetoes", "A1");
    assert_eq!((step(&a1, "bonuses"), step(&a1, "bonusesCounted"), step(&a1, "uncapped")), (json!("7.00"), json!("5"), json!("104.20")));
    assert_eq!(flags(&a1), ["bonusesCapped", "totalCapped"]);
    assert_eq!(input_value(&a1, "totalCap"), "100");
    let a2 = explained("caps-and-aggregate-vetoes", "A2");
    assert_eq!((step(&a2, "deductions"), step(&a2, "deductionsCounted")), (json!("10.00"), json!("8")));
    assert_eq!(flags(&a2), ["deductionsCapped"]);
    let a3 = explained("caps-and-aggregate-vetoes", "A3");
    let veto = node(&a3, "veto", "caseloadBelowStandard");
    assert_eq!((veto["outcome"].as_str(), veto["clause"].as_str(), input_value(veto, "G")), (Some("triggered"), Some("vetoes[0]"), &json!("55.00")));
    assert_eq!(node(&a3, "veto", "totalBelow60")["outcome"], "notTriggered");
}

#[test]
fn without_the_caps_the_same_batch_adds_up_uncapped() {
    let mut input = batch("caps-and-aggregate-vetoes");
    for cap in ["totalCap", "bonusesCap", "deductionsCap"] {
        input["ruleSet"].as_object_mut().unwrap().remove(cap);
    }
    let out = call_json("score", input).unwrap();
    // A1 99.2 + 7 = 106.20; A2 82 + 2 − 10 = 74.00; A4 66.8 − 9 = 57.80.
    let totals: Vec<String> = rows(&out).into_iter().map(|r| r.1).collect();
    assert_eq!(totals, ["106.20", "74.00", "71.00", "57.80", "69.00"]);
}

#[test]
fn spc_style_grades_by_all_indicators_in_range() {
    let out = score("spc");
    let got: Vec<_> = out["judges"].as_array().unwrap().iter().map(|j| (j["id"].clone(), j["total"].clone(), j["grade"].clone(), j["gradeBasis"].clone(), j["outOfRange"].clone())).collect();
    assert_eq!(
        got,
        [
            (json!("T1"), json!("100.00"), json!("meetsTarget"), json!("threshold"), json!(0)),
            (json!("T2"), json!("67.25"), json!("belowTarget"), json!("threshold"), json!(5)),
            (json!("T3"), json!("79.25"), json!("nearlyMeetsTarget"), json!("threshold"), json!(2)),
            (json!("T4"), json!("100.00"), json!("nearlyMeetsTarget"), json!("requirement"), json!(1)),
        ]
    );
    // Without the requirement, T4's rounded 100.00 would meet the target: the case the rule exists for.
    let mut input = example_input("spc");
    input["ruleSet"]["grades"]["levels"][0].as_object_mut().unwrap().remove("requires");
    assert_eq!(judge(&call_json("score", input).unwrap(), "T4")["grade"], "meetsTarget");
    // The explanation: the indicator outside, the count, and the grade's requirement.
    let mut input = example_input("spc");
    input["detail"] = json!("full");
    let t4 = judge(&call_json("score", input).unwrap(), "T4")["explanation"].clone();
    let timely = node(&t4, "indicator", "timelyRate");
    assert_eq!((step(timely, "d"), timely["value"].clone()), (json!("0.00001"), json!("99.99")));
    assert_eq!(timely["note"], "outside the reference range [0.95, +∞)");
    assert_eq!(step(&t4, "outOfRange"), json!("1"));
    let grade = node(&t4, "grade", "nearlyMeetsTarget");
    assert!(flags(grade).contains(&"requirementNotMet"));
    assert_eq!(input_value(grade, "outOfRange"), "1");
    assert!(grade["note"].as_str().unwrap().contains("grades.levels[0].requires[0]"));
}

#[test]
fn one_sided_ranges_score_at_least_and_at_most() {
    let mut input = example_input("spc");
    input["detail"] = json!("full");
    let out = call_json("score", input).unwrap();
    let t2 = &judge(&out, "T2")["explanation"];
    // "at most 90 days": 100 days is 10 over → 100 − 1 × 10 = 90.
    let days = node(t2, "indicator", "averageTrialDays");
    assert_eq!((step(days, "d"), days["value"].clone(), days["note"].clone()), (json!("10"), json!("90.00"), json!("outside the reference range (−∞, 90]")));
    // "at least 0.95": 0.955 is inside, however far above.
    let timely = node(t2, "indicator", "timelyRate");
    assert!(flags(timely).contains(&"inRange"));
    assert_eq!(timely["formula"], "x ≥ min: score = scale");
}

#[test]
fn efficacy_with_fixed_bounds_reproduces_the_hand_table() {
    let out = call_json("score", batch("efficacy-fixed-bounds")).unwrap();
    assert_eq!(
        rows(&out),
        table(&[
            ("E1", "90.80", Some("excellent"), Some(1)),
            ("E2", "74.00", Some("pass"), Some(4)),
            ("E3", "84.00", Some("good"), Some(2)),
            ("E4", "75.20", Some("good"), Some(3)),
        ])
    );
    assert_eq!(out["statistics"]["populations"], json!([]), "fixed bounds need no population");
    let e4 = explained("efficacy-fixed-bounds", "E4");
    let days = node(&e4, "indicator", "averageTrialDays");
    assert_eq!((input_value(days, "satisfactory"), input_value(days, "unallowed")), (&json!("60"), &json!("120")));
    assert_eq!(days["value"], "73.33", "60 + 40 × 1/3");
    assert_eq!(node(&e4, "indicator", "appealRate")["value"], "76.00");
    // A live form scores the same without any statistics.
    let form = batch("efficacy-fixed-bounds")["judges"][3].clone();
    let one = call_json("scoreOne", json!({ "ruleSet": batch("efficacy-fixed-bounds")["ruleSet"], "judge": form })).unwrap();
    assert_eq!(one["judge"]["total"], "75.20");
}

#[test]
fn step_scales_reproduce_the_hand_table() {
    let out = call_json("score", batch("step-scales")).unwrap();
    assert_eq!(
        rows(&out),
        table(&[
            ("J1", "40.00", None, Some(5)),
            ("J2", "68.00", None, Some(4)),
            ("J3", "80.00", None, Some(2)),
            ("J4", "80.00", None, Some(2)),
            ("P1", "88.00", None, Some(1)),
        ])
    );
    let p1 = explained("step-scales", "P1");
    let hard = node(&p1, "indicator", "hardCases");
    assert_eq!((hard["clause"].as_str(), step(hard, "step")), (Some("tiers[0].overrides.hardCases"), json!("2")));
    let j1 = explained("step-scales", "J1");
    assert!(flags(node(&j1, "indicator", "hardCases")).contains(&"belowFirstStep"));
}

#[test]
fn panel_credit_by_role_with_an_absolute_cap_reproduces_the_hand_table() {
    let out = call_json("score", batch("panel-credit-by-role")).unwrap();
    assert_eq!(
        rows(&out),
        table(&[
            ("P1", "46.00", None, Some(4)),
            ("V1", "72.00", None, Some(3)),
            ("V2", "30.00", None, Some(5)),
            ("J1", "90.00", None, Some(2)),
            ("J2", "92.00", None, Some(1)),
        ])
    );
    let credit = |id: &str| node(&explained("panel-credit-by-role", id), "credit", "creditedCases").clone();
    let v1 = credit("V1");
    assert_eq!(v1["clause"], "indicators[2].credit.panelShareByRole.vicePresident");
    assert_eq!((input_value(&v1, "share"), step(&v1, "credited")), (&json!("0.15"), json!("6")));
    assert_eq!(v1["note"], "panel credit capped at 6 cases (panelCap)");
    let v2 = credit("V2");
    assert_eq!((step(&v2, "credited"), v2["note"].clone()), (json!("3.00"), json!("panel credit capped at its share of the total (panelCapShare)")));
    let j1 = credit("J1");
    assert_eq!((j1["clause"].as_str(), input_value(&j1, "share")), (Some("indicators[2].credit"), &json!("0.2")));
    assert!(flags(&j1).is_empty(), "5 is under both limits");
}

#[test]
fn summary_and_explained_batches_agree_on_every_new_clause() {
    for vector in ["caps-and-aggregate-vetoes", "efficacy-fixed-bounds", "step-scales", "panel-credit-by-role"] {
        let summary = call_json("score", batch(vector)).unwrap();
        let mut input = batch(vector);
        input["detail"] = json!("full");
        let mut full = call_json("score", input).unwrap();
        for j in full["judges"].as_array_mut().unwrap() {
            j.as_object_mut().unwrap().remove("explanation");
        }
        assert_eq!(summary, full, "{vector}");
    }
}

#[test]
fn forms_read_in_one_pass_credit_by_role_too() {
    // The rule set first, as a JS object literal writes it: the forms are read as they come.
    for vector in ["panel-credit-by-role", "caps-and-aggregate-vetoes", "step-scales"] {
        let mut input = batch(vector);
        input.as_object_mut().unwrap().remove("detail");
        for function in ["score", "scoreTable"] {
            let text = shenguan::api::call_str(function, &rule_set_first(&input)).unwrap();
            assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), call_json(function, input.clone()).unwrap(), "{vector} {function}");
        }
    }
}

#[test]
fn the_new_clauses_are_refused_with_their_paths() {
    let vector = load("tests/vectors/scoring/rule-feature-errors.json");
    let report = call_json("validateRuleSet", vector["steps"][0]["input"].clone()).unwrap();
    let paths: Vec<&str> = report["problems"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "bonusesCap",
            "indicators[6].method",
            "indicators[7].method.unallowed",
            "indicators[8].method.satisfactory",
            "indicators[9].method.unallowed",
            "indicators[10].method.steps[1]",
            "indicators[10].method.steps[2]",
            "indicators[11].method.steps",
            "indicators[14].credit.panelShareByRole.president",
            "indicators[14].credit.panelCap",
            "grades.levels[0].requires[0].allInRange",
            "grades.levels[1].requires[0]",
            "vetoes[0]",
            "vetoes[1].group",
            "vetoes[2].total",
        ]
    );
    for p in report["problems"].as_array().unwrap() {
        assert_eq!(p["code"], "INVALID_RULE_SET");
        assert!(p["messageZh"].as_str().unwrap().chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{p}");
    }
    // A veto on a group that some zone does not score is refused too.
    let mut rs = rule_set("shenzhen");
    rs["vetoes"] = json!([{ "id": "q", "group": "quality", "when": { "op": "lt", "value": "60" }, "grade": "fail" }]);
    let report = call_json("validateRuleSet", rs).unwrap();
    assert!(report["problems"].as_array().unwrap().iter().any(|p| p["path"] == "vetoes[0].group"), "{report}");
}
