//! `scoreTable`: the summary's figures as one row per judge. The row-by-row
//! agreement with `score` is checked in `scoring_paths.rs`; here, the
//! layout: columns across zones, cells of groups a zone lacks, vetoes and
//! failed checks, and errors.

use serde_json::{json, Value};
use shenguan::api::call_json;

#[path = "support/scoring.rs"]
mod support;

fn table(name: &str) -> Value {
    call_json("scoreTable", support::example_input(name)).unwrap()["table"].clone()
}

fn cell<'a>(table: &'a Value, id: &str, column: &str) -> &'a Value {
    let at = table["columns"].as_array().unwrap().iter().position(|c| c == column).unwrap();
    let row = table["rows"].as_array().unwrap().iter().find(|r| r[0] == id).unwrap();
    &row[at]
}

#[test]
fn columns_cover_every_zone_s_groups_and_other_zones_cells_are_null() {
    let t = table("shenzhen");
    let columns: Vec<&str> = t["columns"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert_eq!(
        columns,
        [
            "id", "name", "role", "tier", "zone", "total", "grade", "gradeBasis", "rank",
            "quantity.score", "quantity.weighted", "quality.score", "quality.weighted",
            "mediation.score", "mediation.weighted", "result.score", "result.weighted",
            "vetoes", "failedChecks",
        ]
    );
    // Civil judges have a mediation group; criminal and enforcement judges do not.
    assert_eq!((cell(&t, "C1", "mediation.score"), cell(&t, "C1", "mediation.weighted")), (&json!("100.00"), &json!("30.00")));
    assert_eq!((cell(&t, "S1", "mediation.score"), cell(&t, "S1", "result.score")), (&Value::Null, &Value::Null));
    assert_eq!((cell(&t, "E1", "quality.score"), cell(&t, "E1", "result.weighted")), (&Value::Null, &json!("52.00")));
    assert_eq!((cell(&t, "E1", "zone"), cell(&t, "E1", "total"), cell(&t, "E1", "rank")), (&json!("enforcement"), &json!("100.00"), &json!(1)));
}

#[test]
fn vetoes_and_failed_checks_are_listed_by_id() {
    let t = table("yunnan");
    // Y4 fails the caseload check, which is a veto: both columns name it, and a vetoed judge has no rank.
    assert_eq!((cell(&t, "Y4", "vetoes"), cell(&t, "Y4", "failedChecks")), (&json!(["caseload"]), &json!(["caseload"])));
    assert_eq!((cell(&t, "Y4", "grade"), cell(&t, "Y4", "gradeBasis"), cell(&t, "Y4", "rank")), (&json!("incompetent"), &json!("veto"), &Value::Null));
    // Y5 is vetoed by a discipline violation, not by a check.
    assert_eq!((cell(&t, "Y5", "vetoes"), cell(&t, "Y5", "failedChecks")), (&json!(["discipline"]), &json!([])));
    // Y2 fails a check that is not a veto: it keeps its grade (lowered by the quota) and rank.
    assert_eq!((cell(&t, "Y2", "vetoes"), cell(&t, "Y2", "failedChecks")), (&json!([]), &json!(["personal"])));
    assert_eq!((cell(&t, "Y2", "gradeBasis"), cell(&t, "Y2", "rank"), cell(&t, "Y2", "name")), (&json!("quota"), &json!(2), &json!("副院长乙")));
}

#[test]
fn a_table_fails_as_score_does_and_takes_no_detail() {
    let mut input = support::example_input("kunming");
    input["judges"][1]["values"].as_object_mut().unwrap().remove("closedCases");
    let (a, b) = (call_json("scoreTable", input.clone()).unwrap_err(), call_json("score", input).unwrap_err());
    assert_eq!((a.code, &a.path, &a.message), (b.code, &b.path, &b.message));
    assert_eq!(a.path, "judges[1].values.closedCases");

    let mut input = support::example_input("kunming");
    input["detail"] = json!("summary");
    let e = call_json("scoreTable", input).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("INVALID_INPUT", "detail"));
}

#[test]
fn batch_text_is_read_in_one_pass_when_the_rule_set_comes_first() {
    use shenguan::scoring::one_pass::{read, Judges};
    let input = support::example_input("shenzhen");
    let first = support::rule_set_first(&input);
    assert!(matches!(read(&first, true).map(|b| b.judges), Some(Judges::Read(j)) if j.len() == 6));
    // Judges before the rule set (serde_json writes members sorted): kept as text, read once compiled.
    assert!(matches!(read(&input.to_string(), true).map(|b| b.judges), Some(Judges::Text(_))));
    // Anything amiss is left to the typed read, which reports it.
    assert!(read(&first.replacen("\"ruleSet\"", "\"rules\"", 1), true).is_none());
    assert!(read(&first.replacen("\"values\":{", "\"values\":{\"nope\":1,", 1), true).is_none());
    assert!(read(&first.replacen('{', "{\"detail\":\"summary\",", 1), false).is_none());
    // Either way, the same answer.
    for name in ["yunnan", "kunming", "shenzhen", "spc"] {
        let input = support::example_input(name);
        for function in ["score", "scoreTable"] {
            let text = shenguan::api::call_str(function, &support::rule_set_first(&input)).unwrap();
            assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), call_json(function, input.clone()).unwrap(), "{name} {function}");
        }
    }
}
