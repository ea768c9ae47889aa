//! Grades: the SPC-style in-range table without ranks, a grade's
//! requirement on a group's score (Shenzhen), and the live form's grade
//! against the batch's quota cut-offs.

use serde_json::{json, Value};
use shenguan::api::call_json;

#[path = "support/scoring.rs"]
mod support;
use support::*;

#[test]
fn spc_style_table_vector_scores_the_example_rule_set() {
    // The vector carries its own copy of the rule set; it must be the example's.
    let vector = load("tests/vectors/scoring/spc-style-table.json");
    assert_eq!(vector["input"]["ruleSet"], rule_set("spc"));
    assert_eq!(vector["input"]["judges"], example_input("spc")["judges"], "the demo population is the vector's");
    let mut input = vector["input"].clone();
    input["detail"] = json!("full");
    let out = call_json("score", input).unwrap();
    let t3 = judge(&out, "T3");
    assert!(t3.get("rank").is_none(), "ranking is off in SPC style");
    let tree = &t3["explanation"];
    assert!(flags(node(tree, "indicator", "reversalRate")).contains(&"inRange"), "a value on the bound is inside");
    let ratio = node(tree, "indicator", "caseRatio");
    assert!(flags(ratio).contains(&"outOfRange"));
    assert_eq!(step(ratio, "d"), "0.05");
    assert_eq!(ratio["value"], "95.00");
}

#[test]
fn a_grade_requirement_moves_a_judge_down_with_its_clause() {
    // Shenzhen: only a judge excellent in the performance part (here the
    // quality group, G ≥ 85) may be excellent overall.
    let out = call_json("score", example_input("shenzhen")).unwrap();
    let c1 = judge(&out, "C1");
    assert_eq!((c1["total"].as_str(), c1["grade"].as_str(), c1["gradeBasis"].as_str()), (Some("91.00"), Some("good"), Some("requirement")));
    let grade = node(&c1["explanation"], "grade", "good");
    assert!(flags(grade).contains(&"requirementNotMet"));
    let note = grade["note"].as_str().unwrap();
    assert!(note.contains("group quality scored 70.00 < 85 required"), "{note}");
    assert!(note.contains("grades.levels[0].requires[0]"), "{note}");
    let input = |name: &str| grade["inputs"].as_array().unwrap().iter().find(|t| t["name"] == name).map(|t| t["value"].clone());
    assert_eq!(input("quality.G"), Some(json!("70.00")));
    assert_eq!(input("quality.minScore"), Some(json!("85")));
    // Met, the requirement changes nothing: with 70 required, C1 is excellent again.
    let mut met = example_input("shenzhen");
    met["ruleSet"]["grades"]["levels"][0]["requires"][0]["minScore"] = json!("70");
    let out = call_json("score", met).unwrap();
    assert_eq!((judge(&out, "C1")["grade"].as_str(), judge(&out, "C1")["gradeBasis"].as_str()), (Some("excellent"), Some("threshold")));
    // The live form applies it too.
    let input = example_input("shenzhen");
    let c1_form = input["judges"].as_array().unwrap().iter().find(|j| j["id"] == "C1").unwrap().clone();
    let one = call_json("scoreOne", json!({"ruleSet": input["ruleSet"], "judge": c1_form, "statistics": out["statistics"]})).unwrap();
    assert_eq!(one["judge"]["gradeBasis"], "requirement");
}

#[test]
fn grade_requirements_are_validated() {
    let mut rs = rule_set("shenzhen");
    // The enforcement zone has its own grades; the top grades apply to zones scoring "quality".
    rs["grades"]["levels"][1]["requires"] = json!([{"group": "result", "minScore": "60"}]);
    rs["grades"]["levels"][3]["requires"] = json!([{"group": "quality", "minScore": "1"}]);
    rs["zones"][3]["grades"]["levels"][0]["requires"] = json!([{"group": "result", "minScore": "60"}]);
    let report = call_json("validateRuleSet", rs).unwrap();
    let got: Vec<&str> = report["problems"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
    assert_eq!(got, ["grades.levels[1].requires[0].group", "grades.levels[3].requires"]);
    assert!(report["problems"][0]["messageZh"].as_str().unwrap().contains("指标组"));
}

#[test]
fn score_one_without_the_cutoffs_says_its_grade_is_provisional() {
    let input = example_input("yunnan");
    let batch = call_json("score", input.clone()).unwrap();
    let form = |id: &str| input["judges"].as_array().unwrap().iter().find(|j| j["id"] == id).unwrap().clone();
    // Y2 (92.30) lost excellent to the quota in the batch; the cut-off says so live.
    let live = |id: &str, statistics: &Value| call_json("scoreOne", json!({"ruleSet": input["ruleSet"], "judge": form(id), "statistics": statistics})).unwrap();
    let y2 = live("Y2", &batch["statistics"]);
    assert_eq!((y2["judge"]["grade"].as_str(), y2["judge"]["gradeBasis"].as_str()), (Some("competent"), Some("quota")));
    let note = node(&y2["judge"]["explanation"], "grade", "competent")["note"].as_str().unwrap().to_string();
    assert!(note.contains("the batch's quota: 1 slots, lowest kept 101.55"), "{note}");
    // Without them, thresholds only, and the result says why it may differ.
    let mut bare = batch["statistics"].clone();
    bare.as_object_mut().unwrap().remove("gradeCutoffs");
    let y2 = live("Y2", &bare);
    let j = &y2["judge"];
    assert_eq!((j["grade"].as_str(), j["gradeBasis"].as_str()), (Some("excellent"), Some("threshold")));
    assert!(j["gradeProvisional"]["reason"].as_str().unwrap().contains("quota"));
    assert!(j["gradeProvisional"]["reasonZh"].as_str().unwrap().contains("名额"));
    assert!(flags(node(&j["explanation"], "grade", "excellent")).contains(&"provisional"));
    // A total below every quota level is not provisional; nor is a veto.
    assert!(live("Y1", &bare)["judge"].get("gradeProvisional").is_none());
    assert!(live("Y5", &bare)["judge"].get("gradeProvisional").is_none());
    // A cut-off must name a grade with a quota.
    let mut wrong = batch["statistics"].clone();
    wrong["gradeCutoffs"][0]["grade"] = json!("competent");
    let e = call_json("scoreOne", json!({"ruleSet": input["ruleSet"], "judge": form("Y2"), "statistics": wrong})).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("INVALID_INPUT", "statistics.gradeCutoffs[0].grade"));
}
