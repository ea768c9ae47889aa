//! Size limits (src/limits.rs): an input just above a limit is refused with
//! `LIMIT_EXCEEDED` naming the limit, at the path of what is too large; one
//! at the limit is accepted. The large inputs are measured in
//! `bench/limits.mjs` and refused through the package in
//! `pkg-tests/limits.test.mjs`.

#[path = "support/assignment.rs"]
mod support;

use serde_json::{json, Value};
use shenguan::api::{call_json, call_str};
use shenguan::{limits, Error, ErrorCode};

fn refused(operation: &str, input: Value) -> Error {
    call_json(operation, input).expect_err("should be refused")
}

fn assert_limit(error: &Error, path: &str, limit: usize) {
    assert_eq!((error.code, error.path.as_str()), (ErrorCode::LimitExceeded, path), "{error:?}");
    assert_eq!(error.details.as_deref(), Some(&json!({ "limit": limit })));
    assert!(!error.message.is_empty() && !error.message_zh.is_empty());
}

fn court(judges: usize, cases: usize) -> Value {
    let mut input = support::fixture();
    input.as_object_mut().unwrap().remove("events");
    input["judges"] = (0..judges).map(|i| json!({"id": format!("J{i}"), "department": "civil", "caseTypes": ["contract"], "role": "judge", "share": "1"})).collect();
    input["cases"] = (0..cases).map(|i| json!({"id": format!("C{i}"), "caseType": "contract", "department": "civil"})).collect();
    input
}

#[test]
fn a_run_of_the_most_judges_is_drawn_and_one_more_is_refused() {
    let at_limit = support::committed(court(limits::ASSIGN_JUDGES, 2));
    let ledger = call_json("assign", at_limit).unwrap();
    assert_eq!(ledger.as_str().unwrap().lines().count(), 3);
    for operation in ["commitRun", "assign", "carryForward"] {
        assert_limit(&refused(operation, court(limits::ASSIGN_JUDGES + 1, 1)), "judges", limits::ASSIGN_JUDGES);
    }
    let error = refused("verifyLedger", json!({"inputs": court(limits::ASSIGN_JUDGES + 1, 1), "ledger": "x\n"}));
    assert_limit(&error, "inputs.judges", limits::ASSIGN_JUDGES);
}

#[test]
fn long_ids_texts_and_lists_are_refused_where_they_are() {
    let mut input = court(3, 2);
    input["cases"][1]["id"] = json!("案".repeat(43)); // 129 bytes
    input["judges"][2]["name"] = json!("x".repeat(limits::TEXT_BYTES + 1));
    input["cases"][0]["recuse"] = json!(vec!["J0"; limits::LIST_ITEMS + 1]);
    input["events"] = json!([{"kind": "draw", "caseId": "C0"}, {"kind": "recuse", "caseId": "C0", "judgeId": "J0",
        "reason": {"code": "other", "text": "理".repeat(334)}, "approver": "a", "time": "2026-03-02"}]);
    let error = refused("commitRun", input);
    assert_limit(&error, "judges[2].name", limits::TEXT_BYTES);
    let rest: Vec<&str> = error.more.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(rest, ["cases[0].recuse", "cases[1].id", "events[1].reason.text"]);
    assert!(error.more.iter().all(|e| e.code == ErrorCode::LimitExceeded));
    // The longest id is accepted.
    let mut input = court(3, 2);
    input["cases"][1]["id"] = json!("案".repeat(42));
    assert!(call_json("commitRun", input).is_ok());
}

#[test]
fn too_many_cases_or_events_are_refused_before_the_run() {
    let mut input = court(3, 1);
    input["events"] = Value::Array(vec![json!({"kind": "draw", "caseId": "C0"}); limits::ASSIGN_EVENTS + 1]);
    assert_limit(&refused("commitRun", input), "events", limits::ASSIGN_EVENTS);
}

#[test]
fn a_ledger_line_longer_than_the_limit_is_malformed() {
    let mut text = "x".repeat(limits::LEDGER_LINE_BYTES + 1);
    text.push('\n');
    let error = refused("verifyChain", json!({"ledger": text}));
    assert_eq!((error.code, error.path.as_str()), (ErrorCode::MalformedLedger, "ledger"));
}

#[test]
fn standard_cases_refuse_more_cases_than_their_limit() {
    let case = json!({"id": "A", "caseType": "civil", "pages": {"dossier": 1, "transcript": 1, "judgment": 1}});
    let input = json!({"cases": vec![case; limits::STANDARD_CASES + 1]});
    assert_limit(&refused("standardCases", input.clone()), "cases", limits::STANDARD_CASES);
    assert_limit(&refused("standardCaseWeights", input), "cases", limits::STANDARD_CASES);
    let enforcement = json!({"cases": vec![json!({"id": "E", "closing": "x"}); limits::ENFORCEMENT_CASES + 1]});
    assert_limit(&refused("enforcementCases", enforcement), "cases", limits::ENFORCEMENT_CASES);
    let kinds = vec![0; limits::STANDARD_BULK_CASES + 1];
    let bulk = json!({"kinds": [{"caseType": "civil"}], "kind": kinds, "dossier": [], "transcript": [], "judgment": []});
    assert_limit(&call_str("standardCasesBulk", &bulk.to_string()).unwrap_err(), "kind", limits::STANDARD_BULK_CASES);
    let departments = json!([{"id": "D", "judges": vec!["J"; limits::STANDARD_JUDGES + 1]}]);
    let targets = json!({"lastYear": {"intake": 3300, "judges": 10, "totalStandard": "1200"},
        "expectedIntake": 3600, "goal": "1.05", "departments": departments});
    assert_limit(&refused("standardTargets", targets), "departments", limits::STANDARD_JUDGES);
}

fn lean_rule_set(indicators: usize) -> Value {
    let list: Vec<Value> = (0..indicators).map(|i| json!({"id": format!("q{i}"), "name": "质量", "method": {"type": "direct"}})).collect();
    json!({"id": "lean", "version": "1", "indicators": list,
           "groups": [{"id": "g", "name": "组", "weight": "100", "indicators": [{"indicator": "q0", "weight": "100"}]}]})
}

#[test]
fn scoring_refuses_too_many_indicators_and_judges() {
    let report = call_json("validateRuleSet", lean_rule_set(limits::INDICATORS + 1)).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["problems"][0]["code"], "LIMIT_EXCEEDED");
    assert_eq!(report["problems"][0]["path"], "indicators");
    let judges = |n: usize| -> Vec<Value> { (0..n).map(|i| json!({"id": format!("J{i}"), "values": {"q0": 1}})).collect() };
    let explained = json!({"ruleSet": lean_rule_set(1), "judges": judges(limits::SCORE_JUDGES + 1)});
    assert_limit(&call_str("score", &explained.to_string()).unwrap_err(), "judges", limits::SCORE_JUDGES);
    let at_limit = json!({"ruleSet": lean_rule_set(1), "judges": judges(limits::SCORE_JUDGES), "detail": "summary"});
    assert_eq!(call_json("score", at_limit).unwrap()["judges"].as_array().unwrap().len(), limits::SCORE_JUDGES);
    let score_one = json!({"ruleSet": lean_rule_set(limits::INDICATORS + 1), "judge": {"id": "J", "values": {}}, "statistics": {}});
    let error = refused("scoreOne", score_one);
    assert_eq!((error.code, error.path.as_str()), (ErrorCode::LimitExceeded, "ruleSet.indicators"), "{error:?}");
}

#[test]
fn inputs_nested_deeper_than_the_parser_allows_are_a_limit() {
    let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
    let text = format!("{{\"ruleSet\": {deep}, \"judges\": []}}");
    let error = call_str("score", &text).unwrap_err();
    assert_eq!(error.code, ErrorCode::LimitExceeded, "{error:?}");
}

/// A rule set of `groups` groups, each of one indicator, and `indicators` indicators in all.
fn wide_rule_set(indicators: usize, groups: usize) -> Value {
    let mut rule_set = lean_rule_set(indicators);
    rule_set["groups"] = (0..groups).map(|g| json!({"id": format!("g{g}"), "name": "组", "weight": "1", "indicators": [{"indicator": format!("q{g}"), "weight": "100"}]})).collect();
    rule_set
}

fn forms(judges: usize, indicators: usize) -> Vec<Value> {
    let values: serde_json::Map<String, Value> = (0..indicators).map(|i| (format!("q{i}"), json!(i % 101))).collect();
    (0..judges).map(|j| json!({"id": format!("J{j}"), "values": values})).collect()
}

#[test]
fn scoring_refuses_results_of_more_figures_than_one_call_gives() {
    // Explained: judges times (indicators + groups), 999 + 1 figures a judge.
    let per_judge = 1_000;
    let most = limits::SCORE_EXPLAINED_FIGURES / per_judge;
    let explained = |judges| json!({"ruleSet": lean_rule_set(per_judge - 1), "judges": forms(judges, per_judge - 1)}).to_string();
    let output = call_str("score", &explained(most)).unwrap();
    assert!(output.len() < limits::OUTPUT_BYTES, "{}", output.len());
    let error = call_str("score", &explained(most + 1)).unwrap_err();
    assert_limit(&error, "judges", limits::SCORE_EXPLAINED_FIGURES);
    assert!(error.message.contains(&format!("{} figures", (most + 1) * per_judge)), "{}", error.message);
    // A summary or a table: judges times groups; the indicators alone do not count.
    let groups = 1_000;
    let most = limits::SCORE_GROUP_FIGURES / groups;
    let summary = json!({"ruleSet": wide_rule_set(groups, groups), "judges": forms(most + 1, 1), "detail": "summary"});
    assert_limit(&call_str("score", &summary.to_string()).unwrap_err(), "judges", limits::SCORE_GROUP_FIGURES);
    let table = json!({"ruleSet": wide_rule_set(groups, groups), "judges": forms(most + 1, 1)});
    assert_limit(&call_str("scoreTable", &table.to_string()).unwrap_err(), "judges", limits::SCORE_GROUP_FIGURES);
    let narrow = json!({"ruleSet": lean_rule_set(groups), "judges": forms(most + 1, 1), "detail": "summary"});
    assert_eq!(call_json("score", narrow).unwrap()["judges"].as_array().unwrap().len(), most + 1);
}
