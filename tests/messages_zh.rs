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

fn kunming_rule_set() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/scoring/kunming-style-live-form.json")).unwrap();
    let vector: Value = serde_json::from_str(&text).unwrap();
    vector["steps"][0]["input"]["ruleSet"].clone()
}

#[test]
fn rule_set_problems_name_the_indicator_by_its_label_and_id() {
    let mut rule_set = kunming_rule_set();
    rule_set["indicators"][2]["method"]["min"] = json!("2");
    rule_set["indicators"][1]["method"]["base"] = json!("60");
    rule_set["tiers"][1]["overrides"]["closedCases"]["satisfactory"] = json!("1");
    let out = shenguan::api::call_json("validateRuleSet", rule_set).unwrap();
    let problems: Vec<(&str, &str, &str)> =
        out["problems"].as_array().unwrap().iter().map(|p| (p["path"].as_str().unwrap(), p["message"].as_str().unwrap(), p["messageZh"].as_str().unwrap())).collect();
    assert_eq!(
        problems,
        [
            ("indicators[1].method.base", "indicator 'averageTrialDays' (平均审理天数): base does not apply to this method", "指标「平均审理天数」（averageTrialDays）：base 不适用于该计分方法"),
            ("indicators[2].method.min", "indicator 'timelyRate' (审限内结案率): min is above max", "指标「审限内结案率」（timelyRate）：下界高于上界"),
            (
                "tiers[1].overrides.closedCases.satisfactory",
                "indicator 'closedCases' (结案数): satisfactory does not apply to this method",
                "指标「结案数」（closedCases）：satisfactory 不适用于该计分方法"
            ),
        ]
    );
    let mut rule_set = kunming_rule_set();
    rule_set["indicators"][0].as_object_mut().unwrap().remove("method");
    let e = shenguan::api::call_json("validateRuleSet", rule_set).unwrap();
    assert_eq!(e["problems"][0]["path"], "groups[0].indicators[0].indicator");
    assert_eq!(e["problems"][0]["messageZh"], "指标「结案数」（closedCases）：没有计分方法");
}

#[test]
fn an_underscore_in_a_pinned_number_is_refused_with_the_hint() {
    let mut rule_set = kunming_rule_set();
    rule_set["groups"][0]["weight"] = json!("1_000");
    let e = shenguan::api::call_json("score", json!({ "ruleSet": rule_set, "judges": [] })).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("INVALID_RULE_SET", "ruleSet.groups[0].weight"));
    assert_eq!(e.message_zh, "输入无效：「权重」（weight）：“1_000”含有千位分隔符，请去掉分隔符，写作 1000");
    assert_eq!(e.message, "invalid input: weight: \"1_000\" contains a thousands separator; write 1000");
}

#[test]
fn a_slip_refused_while_reading_names_the_judge_or_the_case() {
    let mut input = commit_input();
    input["judges"][1]["load"] = json!("1,200");
    let (name, id) = (input["judges"][1]["name"].as_str().unwrap().to_string(), input["judges"][1]["id"].as_str().unwrap().to_string());
    let e = shenguan::api::call_json("commitRun", input.clone()).unwrap_err();
    assert_eq!(e.path, "judges[1].load");
    assert_eq!(e.message_zh, format!("法官{name}（{id}）：输入无效：「已有工作量」（load）：“1,200”含有千位分隔符，请去掉分隔符，写作 1200"));
    assert_eq!(e.message, format!("judge {name} ({id}): invalid input: load: \"1,200\" contains a thousands separator; write 1200"));
    // The same from JSON text, as the WebAssembly boundary reads it.
    let e = shenguan::api::call_str("commitRun", &input.to_string()).unwrap_err();
    assert!(e.message_zh.starts_with(&format!("法官{name}（{id}）：输入无效：「已有工作量」")), "{}", e.message_zh);

    let cases = json!({
        "baseline": {"pooled": {"averages": {"dossier": "100", "judgment": "8", "transcript": "8"}}, "scope": "pooled", "year": 2025},
        "cases": [
            {"id": "(2026)民初1号", "caseType": "civil", "pages": {"dossier": 10, "judgment": 2, "transcript": 2}},
            {"id": "(2026)民初2号", "caseType": "civil", "judge": 7, "pages": {"dossier": 10, "judgment": 2, "transcript": 2}}
        ],
        "config": {"caseTypes": {"civil": {"coefficient": "1"}}}
    });
    let e = shenguan::api::call_json("standardCases", cases).unwrap_err();
    assert_eq!(e.path, "cases[1].judge");
    assert_eq!(e.message_zh, "案件(2026)民初2号：输入无效：「承办法官」（judge）：类型不符：应为文本，实为整数 7");
}

#[test]
fn a_scoring_form_that_cannot_be_read_names_its_judge() {
    let judges = json!([{"id": "K1", "name": "李法官", "role": "judge", "colour": "red", "values": {}}]);
    let e = shenguan::api::call_json("score", json!({ "ruleSet": kunming_rule_set(), "judges": judges })).unwrap_err();
    assert_eq!(e.path, "judges[0].colour");
    assert_eq!(e.message_zh, "法官李法官（K1）：输入无效：「colour」：不认识的字段「colour」（可选：id、name、role、zone、court、values）");
    let judge = json!({"name": "李法官", "values": {}});
    let e = shenguan::api::call_json("scoreOne", json!({ "ruleSet": kunming_rule_set(), "judge": judge })).unwrap_err();
    assert_eq!(e.message_zh, "法官李法官：输入无效：「承办法官」（judge）：缺少必填字段「编号」（id）");
}

fn standard_vector(file: &str) -> Value {
    let text = std::fs::read_to_string(format!("{}/tests/vectors/standard/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let vector: Value = serde_json::from_str(&text).unwrap();
    vector.get("steps").map_or(vector.clone(), |s| s[0].clone())["input"].clone()
}

#[test]
fn bulk_and_baseline_problems_name_the_case_number() {
    let mut input = standard_vector("bulk.json");
    let n = input["kind"].as_array().unwrap().len();
    input["ids"] = json!((1..=n).map(|i| format!("(2026)民初{i}号")).collect::<Vec<_>>());
    input["transcript"][1] = json!(-3);
    let e = shenguan::api::call_json("standardCasesBulk", input.clone()).unwrap_err();
    assert_eq!(e.path, "transcript[1]");
    assert_eq!(e.message_zh, "案件(2026)民初2号：庭审笔录页数 -3 为负数");
    let text = shenguan::api::call_str("standardCasesBulk", &input.to_string()).unwrap_err();
    assert_eq!(text.message_zh, e.message_zh);
    input.as_object_mut().unwrap().remove("ids");
    assert_eq!(shenguan::api::call_json("standardCasesBulk", input).unwrap_err().message_zh, "庭审笔录页数 -3 为负数");

    let mut input = standard_vector("baseline.json");
    let case = input["cases"][0].clone();
    input["cases"][0]["pages"]["dossier"] = json!("1,200");
    let e = shenguan::api::call_json("computeBaseline", input).unwrap_err();
    assert_eq!(e.path, "cases[0].pages.dossier");
    assert_eq!(case["id"], "K1");
    assert_eq!(e.message_zh, "案件K1：卷宗页数“1,200”含有千位分隔符，请去掉分隔符，写作 1200");
    assert_eq!(e.message, "case K1: page count \"1,200\" contains a thousands separator; write 1200");
}

#[test]
fn enforcement_problems_name_the_case_and_its_judge() {
    let mut input = standard_vector("enforcement.json");
    input["cases"][1]["closing"] = json!("settled");
    let e = shenguan::api::call_json("enforcementCases", input).unwrap_err();
    assert_eq!(e.path, "cases[1].closing");
    assert_eq!(e.message_zh, "案件E2（承办法官 J1）：执行结案方式“settled”在配置中没有系数");
}
