//! Chinese messages name what the office knows: the judge by name and id, the
//! case by its id, never a row index alone; and carry no parser English.

use serde_json::{json, Value};

fn commit_input() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/assignment/commit-run.json")).unwrap();
    let vector: Value = serde_json::from_str(&text).unwrap();
    vector["steps"][0]["input"].clone()
}

#[test]
fn assignment_problems_name_the_judge_and_the_case() {
    let mut input = commit_input();
    let judge = input["judges"][1].clone();
    input["judges"][1]["share"] = json!("1.5");
    input["cases"][2]["panelSize"] = json!(40);
    let e = shenguan::api::call_json("commitRun", input).unwrap_err();
    let all: Vec<&shenguan::Error> = std::iter::once(&e).chain(e.more.iter()).collect();
    let share = all.iter().find(|e| e.path == "judges[1].share").expect("the share problem");
    let name = judge["name"].as_str().unwrap();
    assert!(share.message_zh.starts_with(&format!("法官{name}（{}）：", judge["id"].as_str().unwrap())), "{}", share.message_zh);
    let panel = all.iter().find(|e| e.path == "cases[2].panelSize").expect("the panel problem");
    assert!(panel.message_zh.starts_with("案件C003："), "{}", panel.message_zh);
    assert!(panel.message.starts_with("case C003: "), "{}", panel.message);
}

#[test]
fn parser_failures_are_said_in_chinese_with_the_field() {
    let mut input = commit_input();
    input["judges"][0]["shares"] = json!("1");
    let e = shenguan::api::call_json("commitRun", input).unwrap_err();
    assert_eq!(e.code.as_str(), "INVALID_INPUT");
    assert!(e.message_zh.contains("不认识的字段「shares」"), "{}", e.message_zh);
    let mut input = commit_input();
    input["judges"][0].as_object_mut().unwrap().remove("share");
    let e = shenguan::api::call_json("commitRun", input).unwrap_err();
    assert!(e.message_zh.contains("缺少必填字段「办案比例」（share）"), "{}", e.message_zh);
    let e = shenguan::api::call_json("standardTargets", json!({"lastYear": {"perJudgeAverage": "1", "intake": "12"}, "expectedIntake": 1, "departments": []})).unwrap_err();
    assert_eq!(e.path, "lastYear.intake");
    assert_eq!(e.message_zh, "输入无效：「收案数」（intake）：类型不符：应为非负整数，实为文本“12”");
    let e = shenguan::api::call_str("standardTargets", "{\"lastYear\": {").unwrap_err();
    assert_eq!(e.message_zh, "JSON 格式错误：第 1 行第 14 列，文本在此处意外结束");
}
