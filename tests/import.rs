//! The spreadsheet import format (docs/import.md): every column and its
//! aliases, every error with its row and column, nothing half-imported, and
//! export read back by import.

use serde_json::{json, Value};
use shenguan::import::{export_table, import_table, ExportInput, ImportInput};
use shenguan::{Error, ErrorCode};

fn import(input: Value) -> Result<Value, Error> {
    let input: ImportInput = serde_json::from_value(input).unwrap();
    import_table(input).map(|out| serde_json::to_value(out).unwrap())
}

fn export(input: Value) -> Value {
    let input: ExportInput = serde_json::from_value(input).unwrap();
    serde_json::to_value(export_table(input).unwrap()).unwrap()
}

fn rows(kind: &str, rows: Value) -> Value {
    json!({ "kind": kind, "rows": rows })
}

fn config() -> Value {
    json!({ "caseTypes": { "theft": { "label": "盗窃", "category": "criminal" }, "fraud": { "label": "诈骗" }, "loan": {}, "commutation": { "label": "减刑、假释" } } })
}

fn departments() -> Value {
    json!([{ "id": "criminal", "name": "刑事审判庭" }, { "id": "civil", "name": "民事审判庭" }])
}

fn court_judges() -> Value {
    json!([{ "id": "J1", "name": "张三" }, { "id": "J2", "name": "李四" }, { "id": "J3", "name": "李四" }])
}

/// The problems of an error, first and `more`, as (code, path, English, Chinese).
fn problems(e: &Error) -> Vec<(ErrorCode, String, String, String)> {
    std::iter::once(e).chain(e.more.iter()).map(|p| (p.code, p.path.clone(), p.message.clone(), p.message_zh.clone())).collect()
}

#[test]
fn judges_every_column_by_its_first_header() {
    let out = import(json!({
        "kind": "judges", "config": config(), "departments": departments(),
        "rows": [
            ["法官编号", "姓名", "部门", "可承办案件类型", "职务", "办案比例", "已有工作量", "在岗状态", "片区"],
            ["J1", "张三", "刑事审判庭", "盗窃、fraud、减刑、假释", "庭长", "0.55", "1.5", "请假", "城区"],
            ["J2", " 李四 ", "civil", "loan", "judge", "100%", "", "", ""],
        ],
    }))
    .unwrap();
    assert_eq!(
        out["judges"],
        json!([
            { "id": "J1", "name": "张三", "department": "criminal", "caseTypes": ["theft", "fraud", "commutation"], "role": "divisionChief", "share": "0.55", "load": "1.5", "availability": "onLeave", "region": "城区" },
            { "id": "J2", "name": "李四", "department": "civil", "caseTypes": ["loan"], "role": "judge", "share": "1" },
        ])
    );
    assert_eq!(out["kind"], "judges");
    assert_eq!(out["columns"][3], json!({ "header": "可承办案件类型", "field": "caseTypes" }));
    assert_eq!(out["ignoredColumns"], json!([]));
}

#[test]
fn judges_aliases_roles_and_availability_labels() {
    let out = import(rows(
        "judges",
        json!([
            ["工号", "法官姓名", "审判庭", "案由", "角色", "分案比例", "存量", "状态", "区域", "备注"],
            ["A", "甲", "d", "x；y", "院长", "0.05", "0", "在岗", "北", "随便写"],
            ["B", "乙", "d", "x", "副院长", "0.3", "0", "缺勤", "", ""],
            ["C", "丙", "d", "x", "审委会委员", "0.4", "0", "调离", "", ""],
            ["D", "丁", "d", "x", "副庭长", "0.8", "0", "休假", "", ""],
            ["E", "戊", "d", "x", "员额法官", "1", "0", "available", "", ""],
        ]),
    ))
    .unwrap();
    let judges = out["judges"].as_array().unwrap();
    let roles: Vec<&str> = judges.iter().map(|j| j["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["president", "vicePresident", "committeeMember", "deputyChief", "judge"]);
    let availability: Vec<&str> = judges.iter().map(|j| j["availability"].as_str().unwrap()).collect();
    assert_eq!(availability, ["available", "absent", "transferred", "onLeave", "available"]);
    assert_eq!(judges[0]["caseTypes"], json!(["x", "y"]));
    assert_eq!(out["ignoredColumns"], json!(["备注"]));
}

#[test]
fn cases_every_column_and_alias() {
    let out = import(json!({
        "kind": "cases", "config": config(), "departments": departments(), "judges": court_judges(),
        "rows": [
            ["案号", "案由", "承办部门", "案件权重", "重大疑难", "院庭长不参与", "回避法官", "回避片区", "合议庭人数", "成员片区不同", "立案日期"],
            ["(2026)示0101刑初1号", "盗窃", "刑事审判庭", "1.25", "是", "否", "张三,J2", "北部、南部", "3", "Y", "2026/3/5"],
            ["(2026)示0101刑初2号", "theft", "criminal", "", "", "", "", "", "", "", ""],
        ],
    }))
    .unwrap();
    assert_eq!(
        out["cases"],
        json!([
            { "id": "(2026)示0101刑初1号", "caseType": "theft", "department": "criminal", "weight": "1.25", "hard": true, "leaderExcluded": false,
              "recuse": ["J1", "J2"], "avoidRegions": ["北部", "南部"], "panelSize": 3, "distinctRegions": true, "filedOn": "2026-03-05" },
            { "id": "(2026)示0101刑初2号", "caseType": "theft", "department": "criminal" },
        ])
    );
    let aliased = import(rows(
        "cases",
        json!([["案号", "案件类型", "部门", "权重", "疑难案件", "排除院庭长", "回避区域", "审判组织人数", "收案日期"], ["C1", "t", "d", "2", "否", "是", "南", "1", "46023"]]),
    ))
    .unwrap();
    assert_eq!(
        aliased["cases"][0],
        json!({ "id": "C1", "caseType": "t", "department": "d", "weight": "2", "hard": false, "leaderExcluded": true, "avoidRegions": ["南"], "panelSize": 1, "filedOn": "2026-01-01" })
    );
}

#[test]
fn closed_cases_with_page_counts() {
    let out = import(json!({
        "kind": "closedCases", "config": config(), "departments": departments(), "judges": court_judges(),
        "rows": [
            ["案号", "案件类型", "案件类别", "承办法官", "承办部门", "审理程序", "繁简", "卷宗页数（页）", "庭审笔录页数", "裁判文书页数", "立案日期", "结案日期"],
            ["L1", "诈骗", "刑事", "张三", "刑事审判庭", "普通程序", "繁", "120", "8", "12", "2025-01-02", "2025年3月4日"],
            ["L2", "loan", "civil", "J2", "civil", "summary", "简", "０", "0", "1", "", ""],
        ],
    }))
    .unwrap();
    assert_eq!(
        out["cases"],
        json!([
            { "id": "L1", "caseType": "fraud", "category": "criminal", "judge": "J1", "department": "criminal", "procedure": "ordinary", "complexity": "complex",
              "pages": { "dossier": 120, "transcript": 8, "judgment": 12 }, "filedOn": "2025-01-02", "closedOn": "2025-03-04" },
            { "id": "L2", "caseType": "loan", "category": "civil", "judge": "J2", "department": "civil", "procedure": "summary", "complexity": "simple",
              "pages": { "dossier": 0, "transcript": 0, "judgment": 1 } },
        ])
    );
    let aliased = import(rows("closedCases", json!([["案号", "案由", "类别", "承办人", "庭室", "适用程序", "繁简程度", "卷宗页数", "笔录页数", "文书页数"], ["L", "t", "x", "j", "d", "其他", "中", "1", "2", "3"]]))).unwrap();
    assert_eq!(
        aliased["cases"][0],
        json!({ "id": "L", "caseType": "t", "category": "x", "judge": "j", "department": "d", "procedure": "其他", "complexity": "中", "pages": { "dossier": 1, "transcript": 2, "judgment": 3 } })
    );
}

fn rule_set() -> Value {
    json!({
        "indicators": [
            { "id": "closed", "name": "结案数", "type": "count" },
            { "id": "rate", "name": "审限内结案率" },
            { "id": "violation", "name": "违纪", "type": "boolean" },
        ],
        "zones": [{ "id": "z1", "name": "一审区" }],
    })
}

#[test]
fn evaluations_by_indicator_name_or_id() {
    let out = import(json!({
        "kind": "evaluations", "ruleSet": rule_set(),
        "rows": [
            ["法官编号", "姓名", "职务", "考核区", "法院", "结案数", "rate", "违纪", "备注"],
            ["J1", "张三", "法官", "一审区", "c1", "120", "96.5%", "否", "x"],
            ["J2", "", "", "z1", "", "", "0.9", "", ""],
        ],
    }))
    .unwrap();
    assert_eq!(
        out["judges"],
        json!([
            { "id": "J1", "name": "张三", "role": "judge", "zone": "z1", "court": "c1", "values": { "closed": 120, "rate": "0.965", "violation": false } },
            { "id": "J2", "zone": "z1", "values": { "closed": null, "rate": "0.9", "violation": null } },
        ])
    );
    assert_eq!(out["columns"][5], json!({ "header": "结案数", "field": "values.closed" }));
    assert_eq!(out["ignoredColumns"], json!(["备注"]));
    let e = import(rows("evaluations", json!([["法官编号", "结案数"], ["J1", "1"]]))).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidInput, "ruleSet"));
}

#[test]
fn a_bad_cell_is_named_by_row_and_column_and_nothing_is_imported() {
    let mut grid = vec![json!(["案号", "案由", "卷宗页数", "庭审笔录页数", "裁判文书页数"])];
    for i in 0..10 {
        grid.push(json!([format!("L{i}"), "t", "10", "1", "2"]));
    }
    grid.push(json!(["L10", "t", "十二", "1", "2"]));
    let e = import(rows("closedCases", Value::Array(grid))).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidCell);
    assert_eq!(e.path, "rows[11][2]");
    assert_eq!(e.message, "row 12, column 卷宗页数: not a number");
    assert_eq!(e.message_zh, "第 12 行「卷宗页数」不是数字");
    assert_eq!(e.details.as_deref(), Some(&json!({ "row": 12, "column": "卷宗页数", "columnNumber": 3 })));
    assert!(e.more.is_empty());
}

#[test]
fn every_cell_error_with_its_message() {
    let e = import(json!({
        "kind": "cases", "config": config(), "departments": departments(), "judges": court_judges(),
        "rows": [
            ["案号", "案由", "承办部门", "案件权重", "重大疑难", "回避法官", "合议庭人数", "立案日期"],
            ["", "盗窃", "刑事审判庭", "1", "", "", "", ""],
            ["C2", "抢劫", "刑事审判庭", "1", "", "", "", ""], // an assignment case type needs no configuration
            ["C3", "盗窃", "立案庭", "1", "", "", "", ""],
            ["C4", "盗窃", "刑事审判庭", "一", "", "", "", ""],
            ["C5", "盗窃", "刑事审判庭", "1", "也许", "", "", ""],
            ["C6", "盗窃", "刑事审判庭", "1", "", "王五", "", ""],
            ["C7", "盗窃", "刑事审判庭", "1", "", "李四", "", ""],
            ["C8", "盗窃", "刑事审判庭", "1", "", "", "2.5", ""],
            ["C9", "盗窃", "刑事审判庭", "1", "", "", "-1", ""],
            ["C10", "盗窃", "刑事审判庭", "1", "", "", "", "2026-02-30"],
            ["C2", "盗窃", "刑事审判庭", "1", "", "", "", "", "多余"],
        ],
    }))
    .unwrap_err();
    let got: Vec<(ErrorCode, String, String)> = problems(&e).into_iter().map(|(c, p, _, zh)| (c, p, zh)).collect();
    let expected = [
        (ErrorCode::InvalidCell, "rows[1][0]", "第 2 行「案号」为空"),
        (ErrorCode::InvalidCell, "rows[3][2]", "第 4 行「承办部门」「立案庭」不是已知的部门"),
        (ErrorCode::InvalidCell, "rows[4][3]", "第 5 行「案件权重」不是数字"),
        (ErrorCode::InvalidCell, "rows[5][4]", "第 6 行「重大疑难」不是“是”或“否”"),
        (ErrorCode::InvalidCell, "rows[6][5]", "第 7 行「回避法官」「王五」不是已知的法官"),
        (ErrorCode::InvalidCell, "rows[7][5]", "第 8 行「回避法官」「李四」对应不止一个法官，请填写编号"),
        (ErrorCode::InvalidCell, "rows[8][6]", "第 9 行「合议庭人数」不是非负整数"),
        (ErrorCode::InvalidCell, "rows[9][6]", "第 10 行「合议庭人数」不是非负整数"),
        (ErrorCode::InvalidCell, "rows[10][7]", "第 11 行「立案日期」不是日期（如 2026-01-31）"),
        (ErrorCode::InvalidCell, "rows[11][8]", "第 12 行「I」列没有列名却有值"),
        (ErrorCode::DuplicateId, "rows[11][0]", "第 12 行「案号」「C2」与第 3 行重复"),
    ];
    let expected: Vec<(ErrorCode, String, String)> = expected.iter().map(|(c, p, m)| (*c, p.to_string(), m.to_string())).collect();
    assert_eq!(got, expected);
    let english: Vec<String> = problems(&e).into_iter().map(|p| p.2).collect();
    assert_eq!(english[0], "row 2, column 案号: empty");
    assert_eq!(english[1], "row 4, column 承办部门: '立案庭' is not a known department");
    assert_eq!(english[5], "row 8, column 回避法官: '李四' names more than one judge: write the id");
    assert_eq!(english[10], "row 12, column 案号: 'C2' repeats row 3");
}

#[test]
fn a_case_type_outside_the_configuration_passes_and_the_engine_names_it() {
    let grid = json!([["案号", "案由", "卷宗页数", "庭审笔录页数", "裁判文书页数"], ["L1", "盗窃", "10", "1", "1"], ["L2", "抢劫", "1", "1", "1"]]);
    let out = import(json!({ "kind": "closedCases", "config": config(), "rows": grid })).unwrap();
    assert_eq!((out["cases"][0]["caseType"].as_str(), out["cases"][1]["caseType"].as_str()), (Some("theft"), Some("抢劫")));
    let baseline = json!({ "year": 2025, "pooled": { "averages": { "dossier": "10", "transcript": "1", "judgment": "1" } } });
    let e = shenguan::api::call_json("standardCases", json!({ "config": config(), "baseline": baseline, "cases": out["cases"] })).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::MissingCoefficient, "cases[1].caseType"), "row 3");
}

#[test]
fn roles_and_availability_outside_the_vocabulary_are_refused() {
    let e = import(rows("judges", json!([["法官编号", "部门", "案由", "职务", "办案比例", "在岗状态"], ["J", "d", "t", "书记员", "1", "出差"]]))).unwrap_err();
    let got: Vec<String> = problems(&e).into_iter().map(|p| p.3).collect();
    assert_eq!(got, ["第 2 行「职务」「书记员」不是已知的职务（院长、副院长、审判委员会委员、庭长、副庭长、法官）", "第 2 行「在岗状态」「出差」不是已知的在岗状态（在岗、缺勤、请假、调离）"]);
}

#[test]
fn missing_and_duplicate_columns() {
    let e = import(rows("closedCases", json!([["案号", "案由", "案件类型", "卷宗页数"], ["L1", "t", "t", "1"]]))).unwrap_err();
    let got = problems(&e);
    assert_eq!((got[0].0, got[0].1.as_str()), (ErrorCode::DuplicateColumn, "rows[0][2]"));
    assert_eq!(got[0].3, "「案由」列与「案件类型」列重复（都是 caseType）");
    assert_eq!((got[1].0, got[1].1.as_str()), (ErrorCode::MissingColumn, "rows[0]"));
    assert_eq!(got[1].3, "缺少「庭审笔录页数」列（可用的列名：庭审笔录页数、笔录页数）");
    assert_eq!(got[1].2, "column 庭审笔录页数 is missing (headers accepted: 庭审笔录页数、笔录页数)");
    assert_eq!(got[2].3, "缺少「裁判文书页数」列（可用的列名：裁判文书页数、文书页数）");
    assert_eq!(got.len(), 3);
}

#[test]
fn empty_tables_blank_rows_and_header_notes() {
    let e = import(rows("cases", json!([]))).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidInput, "rows"));
    assert_eq!(e.message_zh, "输入无效：表格为空：第 1 行应为列名");
    let out = import(rows("cases", json!([[" *案号 ", "案由(必填)", "承办部门（庭室）", ""], ["C1", "t", "d"], ["", " ", null], [null, null, null, null]]))).unwrap();
    assert_eq!(out["cases"], json!([{ "id": "C1", "caseType": "t", "department": "d" }]));
    let only_headers = import(rows("cases", json!([["案号", "案由", "承办部门"]]))).unwrap();
    assert_eq!(only_headers["cases"], json!([]));
}

#[test]
fn cells_may_be_numbers_booleans_or_null_but_not_objects() {
    let out = import(rows("cases", json!([["案号", "案由", "承办部门", "合议庭人数", "重大疑难"], [17, "t", "d", 3, true]]))).unwrap();
    assert_eq!(out["cases"][0], json!({ "id": "17", "caseType": "t", "department": "d", "panelSize": 3, "hard": true }));
    let e = import(rows("cases", json!([["案号", "案由", "承办部门"], ["C", {"x": 1}, "d"]]))).unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidInput, "rows[1][1]"));
}

#[test]
fn many_bad_rows_are_all_counted() {
    let mut grid = vec![json!(["案号", "案由", "卷宗页数", "庭审笔录页数", "裁判文书页数"])];
    for i in 0..500 {
        grid.push(json!([format!("L{i}"), "t", "x", "1", "2"]));
    }
    let e = import(rows("closedCases", Value::Array(grid))).unwrap_err();
    assert_eq!((e.more.len(), e.more_omitted), (99, 400));
    assert_eq!(e.more[98].message_zh, "第 101 行「卷宗页数」不是数字");
}

#[test]
fn exported_inputs_read_back_as_they_were() {
    let judges = json!([
        { "id": "J1", "name": "张三", "department": "criminal", "caseTypes": ["commutation", "theft", "fraud"], "role": "divisionChief", "share": "0.55", "load": "1.5", "availability": "onLeave", "region": "城区" },
        { "id": "J2", "name": "李四", "department": "civil", "caseTypes": ["loan"], "role": "judge", "share": "1", "load": "0", "availability": "available" },
    ]);
    let cases = json!([
        { "id": "C1", "caseType": "theft", "department": "criminal", "weight": "1.25", "hard": true, "leaderExcluded": false, "recuse": ["J1", "J2"],
          "avoidRegions": ["北部"], "panelSize": 3, "distinctRegions": true, "filedOn": "2026-03-05" },
        { "id": "C2", "caseType": "loan", "department": "civil" },
    ]);
    let closed = json!([
        { "id": "L1", "caseType": "fraud", "category": "criminal", "judge": "J1", "department": "criminal", "procedure": "ordinary", "complexity": "complex",
          "pages": { "dossier": 120, "transcript": 8, "judgment": 12 }, "filedOn": "2025-01-02", "closedOn": "2025-03-04" },
        { "id": "L2", "caseType": "loan", "pages": { "dossier": 0, "transcript": 0, "judgment": 1 } },
    ]);
    let forms = json!([
        { "id": "J1", "name": "张三", "role": "judge", "zone": "z1", "values": { "closed": 120, "rate": "0.965", "violation": false } },
        { "id": "J2", "values": { "closed": 3, "rate": null, "violation": true } },
    ]);
    let context = json!({ "config": config(), "departments": departments() });
    for (kind, member, data) in [("judges", "judges", judges), ("cases", "cases", cases), ("closedCases", "cases", closed), ("evaluations", "judges", forms)] {
        let mut input = context.clone();
        input["kind"] = json!(kind);
        input["data"] = data.clone();
        input["ruleSet"] = rule_set();
        let table = export(input.clone());
        let mut grid = vec![table["columns"].clone()];
        grid.extend(table["rows"].as_array().unwrap().iter().cloned());
        input.as_object_mut().unwrap().remove("data");
        input["rows"] = Value::Array(grid);
        let back = import(input).unwrap();
        assert_eq!(back[member], data, "{kind}: {table}");
    }
    let table = export(json!({ "kind": "judges", "data": { "judges": [{ "id": "J1", "department": "criminal", "caseTypes": ["theft"], "role": "vicePresident", "share": "0.3" }] }, "config": config(), "departments": departments() }));
    assert_eq!(table, json!({ "columns": ["法官编号", "部门", "可承办案件类型", "职务", "办案比例"], "rows": [["J1", "刑事审判庭", "盗窃", "副院长", "0.3"]] }));
}

#[test]
fn results_export_with_chinese_headers() {
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string("tests/fixtures/small-court.json").unwrap()).unwrap();
    let ledger = shenguan::api::call_json("assign", fixture.clone()).unwrap();
    let table = export(json!({ "kind": "ledger", "data": ledger }));
    let columns: Vec<&str> = table["columns"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert_eq!(&columns[..4], ["序号", "操作", "案号", "承办法官"]);
    let entries = ledger.as_str().unwrap().lines().count() - 1;
    assert_eq!(table["rows"].as_array().unwrap().len(), entries);
    assert_eq!(table["rows"][0][0], "0");
    assert_eq!(table["rows"][0][1], "随机分案");
    let first: Value = serde_json::from_str(ledger.as_str().unwrap().lines().nth(1).unwrap()).unwrap();
    assert_eq!(table["rows"][0][2], first["caseId"]);
    assert_eq!(table["rows"][0][3], first["judges"][0]);
    assert_eq!(table["rows"][0].as_array().unwrap().last().unwrap(), &first["hash"]);
    assert_eq!(export(json!({ "kind": "ledger", "data": ledger })), table, "the same ledger gives the same table");

    let audit = shenguan::api::call_json("auditLedger", json!({ "inputs": fixture, "ledger": ledger })).unwrap();
    let table = export(json!({ "kind": "audit", "data": audit, "departments": [{ "id": "civil", "name": "民事审判庭" }] }));
    assert_eq!(table["columns"], json!(["法官编号", "部门", "随机分得", "期望分得", "人工分案", "工作量", "折算工作量"]));
    let j = &audit["judges"][0];
    assert_eq!(table["rows"][0], json!([j["judge"], "民事审判庭", j["drawn"].to_string(), j["expected"], j["manual"].to_string(), j["load"], j["normalisedLoad"]]));

    let bad = shenguan::import::export_table(serde_json::from_value(json!({ "kind": "ledger", "data": "header\nnot json\n" })).unwrap()).unwrap_err();
    assert_eq!((bad.code, bad.path.as_str()), (ErrorCode::MalformedLedger, "data.entries[0]"));
    let bad = shenguan::import::export_table(serde_json::from_value(json!({ "kind": "audit", "data": 3 })).unwrap()).unwrap_err();
    assert_eq!((bad.code, bad.path.as_str()), (ErrorCode::InvalidInput, "data"));
}

#[test]
fn standard_cases_targets_and_score_tables_export() {
    let standard = json!({
        "cases": [{ "id": "C1", "caseType": "theft", "category": "criminal", "judge": "J1", "department": "criminal", "standard": "1.80", "explanation": { "formula": "1 × 1.8 = 1.8 → 1.80" } }],
        "judges": [{ "judge": "J1", "cases": 1, "standard": "1.80", "caseIds": ["C1"] }],
    });
    let table = export(json!({ "kind": "standardCases", "data": standard, "config": config(), "departments": departments() }));
    assert_eq!(table["columns"], json!(["案号", "案由", "案件类别", "承办法官", "承办部门", "标准案件数", "计算过程"]));
    assert_eq!(table["rows"][0], json!(["C1", "盗窃", "刑事", "J1", "刑事审判庭", "1.80", "1 × 1.8 = 1.8 → 1.80"]));
    let table = export(json!({ "kind": "standardJudges", "data": standard }));
    assert_eq!(table, json!({ "columns": ["法官编号", "结案数", "标准案件数"], "rows": [["J1", "1", "1.80"]] }));

    let months: Vec<String> = (0..12).map(|m| format!("{}.{:02}", 11, m)).collect();
    let targets = json!({ "judges": [{ "judge": "J1", "department": "criminal", "target": "137.45", "monthly": months,
        "progress": { "actual": "100", "targetToDate": "114.54", "percentOfTarget": "72.75", "percentToDate": null, "remaining": "37.45" } }] });
    let table = export(json!({ "kind": "targets", "data": targets }));
    let columns = table["columns"].as_array().unwrap();
    assert_eq!(columns.len(), 3 + 12 + 4, "{columns:?}");
    assert_eq!((columns[3].as_str(), columns[14].as_str(), columns[15].as_str()), (Some("1月目标"), Some("12月目标"), Some("实际完成")));
    assert_eq!(table["rows"][0][14], "11.11");
    assert!(!columns.contains(&json!("完成进度目标(%)")), "a column no judge fills is left out");

    let score = json!({ "table": { "columns": ["id", "role", "total", "workload.score", "workload.weighted", "vetoes", "rank"], "rows": [["J1", "divisionChief", "88.5", "90", "54", ["v1", "v2"], 1], ["J2", "judge", "70", null, null, [], null]] } });
    let rule_set = json!({ "groups": [{ "id": "workload", "name": "办案数量" }] });
    let table = export(json!({ "kind": "scoreTable", "data": score, "ruleSet": rule_set }));
    assert_eq!(table["columns"], json!(["法官编号", "职务", "总分", "办案数量得分", "办案数量加权得分", "一票否决", "名次"]));
    assert_eq!(table["rows"], json!([["J1", "庭长", "88.5", "90", "54", "v1、v2", "1"], ["J2", "法官", "70", "", "", "", ""]]));
}
