//! Explanations speak Chinese as well as English: on every example rule set
//! (every method, credits, adjustments, vetoes, leader checks, quotas,
//! requirements), each node with a formula or a note has its Chinese
//! counterpart, written in Chinese (not the English text passed through).

use serde_json::Value;
use shenguan::api::call_json;

#[path = "support/scoring.rs"]
mod support;
use support::*;

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn check(node: &Value, at: &str, problems: &mut Vec<String>) {
    let here = format!("{at}/{}:{}", node["kind"].as_str().unwrap_or("?"), node["id"].as_str().unwrap_or("?"));
    for (en, zh) in [("formula", "formulaZh"), ("note", "noteZh")] {
        match (node.get(en), node.get(zh)) {
            (None, None) => {}
            (Some(_), Some(Value::String(z))) if has_cjk(z) => {}
            (e, z) => problems.push(format!("{here}: {en} {e:?} with {zh} {z:?}")),
        }
    }
    if let Some(p) = node.get("population") {
        if !p["labelZh"].as_str().is_some_and(has_cjk) || !p["source"].as_str().is_some_and(|s| s.starts_with("statistics.populations[")) {
            problems.push(format!("{here}: population {p}"));
        }
    }
    for child in node["children"].as_array().into_iter().flatten() {
        check(child, &here, problems);
    }
}

#[test]
fn every_explanation_node_has_its_formula_and_note_in_chinese() {
    let mut problems = Vec::new();
    let mut nodes = 0;
    for name in ["yunnan", "kunming", "shenzhen", "spc"] {
        let out = score(name);
        for j in out["judges"].as_array().unwrap() {
            let tree = &j["explanation"];
            nodes += count(tree);
            check(tree, name, &mut problems);
        }
        // A live form without the batch's cut-offs: provisional grades and missing inputs.
        let input = example_input(name);
        let first = input["judges"][0].clone();
        let one = call_json("scoreOne", serde_json::json!({"ruleSet": input["ruleSet"], "judge": first, "statistics": {"baselines": input.get("baselines").cloned().unwrap_or_else(|| serde_json::json!({})), "populations": out["statistics"]["populations"].clone()}})).unwrap();
        check(&one["judge"]["explanation"], &format!("{name} scoreOne"), &mut problems);
    }
    assert!(nodes > 100, "only {nodes} nodes");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn count(node: &Value) -> usize {
    1 + node["children"].as_array().into_iter().flatten().map(count).sum::<usize>()
}

#[test]
fn grade_and_veto_labels_stand_beside_their_ids() {
    let out = score("yunnan");
    let vetoed = judge(&out, "Y5");
    assert_eq!(vetoed["grade"], "incompetent");
    assert_eq!(vetoed["gradeLabel"], "不称职");
    let hit = &vetoed["vetoes"][0];
    assert_eq!(hit["gradeLabel"], "不称职");
    let reason = hit["reasonZh"].as_str().unwrap();
    assert!(reason.contains("“不称职”") && !reason.contains("incompetent") && !reason.contains("disciplineViolation"), "{reason}");
    let grade = node(&vetoed["explanation"], "grade", "incompetent");
    assert!(grade["noteZh"].as_str().unwrap().contains("“不称职”"), "{grade}");
}
