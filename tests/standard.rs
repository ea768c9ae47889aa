//! Native tests of the standard-cases module beyond the shared vectors:
//! collected errors, rounding rules, the zero-average rule, the digest,
//! agreement between the detailed and bulk forms, and targets that always
//! add up.

use serde_json::{json, Value};
use shenguan::api::call_json;
use shenguan::ErrorCode;

fn config() -> Value {
    json!({
        "caseTypes": {
            "civil": {"category": "civil"},
            "criminal": {"category": "criminal"},
            "administrative": {"category": "administrative"},
            "complexCommercial": {"category": "civil", "coefficient": "1.5"},
            "preservation": {"fixed": "0.2"}
        },
        "procedures": {"ordinary": "1.1", "summary": "0.8"},
        "complexity": {"simple": "0.9", "complex": "1.3"}
    })
}

fn pooled() -> Value {
    json!({"year": 2019, "pooled": {"averages": {"dossier": "100", "transcript": "8", "judgment": "8"}}})
}

fn case(id: &str, t: &str, d: Value, tr: Value, j: Value) -> Value {
    json!({"id": id, "caseType": t, "judge": "J1", "pages": {"dossier": d, "transcript": tr, "judgment": j}})
}

fn standard(input: Value) -> Value {
    call_json("standardCases", input).unwrap()
}

fn err(function: &str, input: Value) -> shenguan::Error {
    call_json(function, input).unwrap_err()
}

#[test]
fn the_whole_batch_is_reported() {
    let cases = json!([
        case("A", "civil", json!(100), json!(8), json!(8)),
        case("B", "civil", json!(-3), json!(true), json!("abc")),
        case("C", "nope", json!(1), json!(1), json!(1)),
        case("D", "civil", json!(1.5), json!(null), json!({"x": 1})),
        {"id": "E", "caseType": "civil", "complexity": "huge", "pages": {"dossier": 1, "judgment": 1}},
    ]);
    let e = err("standardCases", json!({"config": config(), "baseline": pooled(), "cases": cases}));
    let all: Vec<(ErrorCode, String)> =
        std::iter::once((e.code, e.path.clone())).chain(e.more.iter().map(|m| (m.code, m.path.clone()))).collect();
    let expect = [
        (ErrorCode::OutOfRange, "cases[1].pages.dossier"),
        (ErrorCode::InvalidInput, "cases[1].pages.transcript"),
        (ErrorCode::InvalidInput, "cases[1].pages.judgment"),
        (ErrorCode::MissingCoefficient, "cases[2].caseType"),
        (ErrorCode::OutOfRange, "cases[3].pages.dossier"),
        (ErrorCode::InvalidInput, "cases[3].pages.transcript"),
        (ErrorCode::InvalidInput, "cases[3].pages.judgment"),
        (ErrorCode::MissingCoefficient, "cases[4].complexity"),
    ];
    let expect: Vec<(ErrorCode, String)> = expect.iter().map(|(c, p)| (*c, p.to_string())).collect();
    assert_eq!(all, expect);
    assert!(!e.message_zh.is_empty());
}

#[test]
fn page_counts_may_be_numeric_strings() {
    let out = standard(json!({"config": config(), "baseline": pooled(),
        "cases": [case("A", "civil", json!("250"), json!(" 20 "), json!("30.0"))]}));
    assert_eq!(out["cases"][0]["standard"], "3.25");
}

#[test]
fn rounding_is_declared_and_exact() {
    // 0.25 × 4 / 8 + 0.60 × 34 / 8 = 2.675 exactly.
    let c = json!([case("E", "civil", json!(0), json!(4), json!(34))]);
    let with = |places: u32, mode: &str| {
        let mut cfg = config();
        cfg["rounding"] = json!({"places": places, "mode": mode});
        standard(json!({"config": cfg, "baseline": pooled(), "cases": c.clone()}))["cases"][0]["standard"].clone()
    };
    assert_eq!(with(2, "halfUp"), "2.68");
    assert_eq!(with(2, "halfEven"), "2.68");
    assert_eq!(with(2, "down"), "2.67");
    assert_eq!(with(1, "halfEven"), "2.7");
    assert_eq!(with(0, "halfUp"), "3");
    assert_eq!(with(4, "halfUp"), "2.6750");
    // A third (weight 1 on judgment, average 3, one page) shows the unrounded value.
    let thirds = json!({"year": 2019, "weights": {"dossier": "0", "transcript": "0", "judgment": "1"},
        "pooled": {"averages": {"dossier": "1", "transcript": "1", "judgment": "3"}}});
    let out = standard(json!({"config": config(), "baseline": thirds, "cases": [case("T", "civil", json!(0), json!(0), json!(1))]}));
    assert_eq!(out["cases"][0]["standard"], "0.33");
    assert_eq!(out["cases"][0]["explanation"]["unrounded"], "0.3333333333333333333333333333");
}

#[test]
fn a_midpoint_that_a_rounded_quotient_would_miss() {
    // 0.25 × 3 / 3 = 0.25 exactly; with a quotient carried to 28 digits first
    // (0.0833... × 3 = 0.2499...) one place half-up would give 0.2.
    let b = json!({"year": 2019, "weights": {"dossier": "0", "transcript": "1", "judgment": "0"},
        "pooled": {"averages": {"dossier": "1", "transcript": "12", "judgment": "1"}}});
    let mut cfg = config();
    cfg["rounding"] = json!({"places": 1});
    cfg["caseTypes"]["quarter"] = json!({"coefficient": "0.25"});
    let out = standard(json!({"config": cfg, "baseline": b, "cases": [case("Q", "quarter", json!(0), json!(12), json!(0))]}));
    assert_eq!(out["cases"][0]["standard"], "0.3");
}

#[test]
fn zero_average_components_are_dropped_and_weights_renormalised() {
    let b = json!({"year": 2019, "pooled": {"averages": {"dossier": "80", "transcript": "0", "judgment": "6"}}});
    let out = standard(json!({"config": config(), "baseline": b, "cases": [case("Z", "civil", json!(80), json!(99), json!(12))]}));
    let c = &out["cases"][0];
    assert_eq!(c["standard"], "1.80");
    assert_eq!(c["explanation"]["weightSum"], "0.75");
    assert_eq!(c["explanation"]["components"][1]["used"], false);
    // All weighted components zero: an error, once per scope, not per case.
    let b = json!({"year": 2019, "weights": {"dossier": "0", "transcript": "1", "judgment": "0"},
        "pooled": {"averages": {"dossier": "80", "transcript": "0", "judgment": "6"}}});
    let e = err("standardCases", json!({"config": config(), "baseline": b,
        "cases": [case("Z1", "civil", json!(1), json!(1), json!(1)), case("Z2", "civil", json!(1), json!(1), json!(1))]}));
    assert_eq!(e.code, ErrorCode::AllAveragesZero);
    assert_eq!(e.path, "baseline.pooled.averages");
    assert!(e.more.is_empty());
    // A fixed-score type needs no averages at all.
    let out = standard(json!({"config": config(), "baseline": b, "cases": [{"id": "P", "caseType": "preservation"}]}));
    assert_eq!(out["total"], "0.20");
}

#[test]
fn baseline_digest_pins_the_snapshot() {
    let cases = json!([
        {"id": "K1", "category": "civil", "pages": {"dossier": 100, "transcript": 10, "judgment": 8}},
        {"id": "K2", "category": "criminal", "pages": {"dossier": 60, "transcript": 6, "judgment": 4}},
    ]);
    let b = call_json("computeBaseline", json!({"year": 2019, "cases": cases})).unwrap();
    let digest = b["digest"].as_str().unwrap().to_string();
    assert_eq!(digest.len(), 64);
    // The snapshot passes back in and is named in every result.
    let out = standard(json!({"config": config(), "baseline": b, "cases": [case("A", "civil", json!(80), json!(8), json!(6))]}));
    assert_eq!(out["baseline"]["digest"], digest.as_str());
    // Formatting does not change the digest ("80" and "80.00" are the same average) ...
    let mut same = b.clone();
    same["pooled"]["averages"]["dossier"] = json!("80.000");
    assert!(call_json("standardCases", json!({"config": config(), "baseline": same, "cases": []})).is_ok());
    // ... but an altered average does.
    let mut altered = b.clone();
    altered["pooled"]["averages"]["dossier"] = json!("79.99");
    let e = err("standardCases", json!({"config": config(), "baseline": altered, "cases": []}));
    assert_eq!(e.code, ErrorCode::BaselineDigestMismatch);
    // Weights that do not sum to one are refused in a snapshot too.
    let mut bad = b;
    bad["weights"]["dossier"] = json!("0.2");
    bad.as_object_mut().unwrap().remove("digest");
    let e = err("standardCases", json!({"config": config(), "baseline": bad, "cases": []}));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::WeightsDoNotSumToOne, "baseline.weights"));
}

#[test]
fn missing_baseline_and_bad_config_are_reported_together() {
    let mut cfg = config();
    cfg["procedures"]["ordinary"] = json!("-1");
    let e = err("standardCases", json!({"config": cfg, "cases": []}));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::OutOfRange, "config.procedures.ordinary"));
    assert_eq!(e.more[0].code, ErrorCode::MissingBaseline);
}

#[test]
fn bulk_agrees_with_the_detailed_form() {
    let kinds = [("civil", None, None), ("criminal", Some("summary"), Some("simple")), ("complexCommercial", Some("ordinary"), Some("complex")), ("preservation", None, None)];
    let mut seed: u64 = 7;
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let (mut cases, mut kind, mut d, mut t, mut j, mut judge) = (vec![], vec![], vec![], vec![], vec![], vec![]);
    for i in 0..500 {
        let k = next(4) as usize;
        let (ty, p, c) = kinds[k];
        let pages = (next(400), next(30), next(40));
        let jd = next(5);
        cases.push(json!({"id": format!("C{i}"), "caseType": ty, "procedure": p, "complexity": c, "judge": format!("J{jd}"),
            "pages": {"dossier": pages.0, "transcript": pages.1, "judgment": pages.2}}));
        kind.push(k);
        d.push(pages.0);
        t.push(pages.1);
        j.push(pages.2);
        judge.push(jd);
    }
    let b = json!({"year": 2019, "scope": "perCategory", "pooled": {"averages": {"dossier": "86.37", "transcript": "7.12", "judgment": "9.48"}},
        "categories": {"civil": {"averages": {"dossier": "78.93", "transcript": "6.62", "judgment": "8.86"}},
                       "criminal": {"averages": {"dossier": "112.4", "transcript": "0", "judgment": "11.71"}}}});
    let detailed = standard(json!({"config": config(), "baseline": b, "cases": cases}));
    let kinds_json: Vec<Value> = kinds.iter().map(|(t, p, c)| json!({"caseType": t, "procedure": p, "complexity": c})).collect();
    let input = json!({"config": config(), "baseline": b, "kinds": kinds_json, "kind": kind, "dossier": d, "transcript": t, "judgment": j,
        "judgeIds": ["J0", "J1", "J2", "J3", "J4"], "judge": judge, "values": true});
    let bulk = call_json("standardCasesBulk", input.clone()).unwrap();
    assert_eq!(bulk["total"], detailed["total"]);
    for (i, v) in bulk["values"].as_array().unwrap().iter().enumerate() {
        assert_eq!(v, &detailed["cases"][i]["standard"], "case {i}");
    }
    for jt in detailed["judges"].as_array().unwrap() {
        let b = bulk["judges"].as_array().unwrap().iter().find(|x| x["judge"] == jt["judge"]).unwrap();
        assert_eq!(b["standard"], jt["standard"]);
    }
    // The text fast path gives the same answer as the value path.
    let text = shenguan::api::call_str("standardCasesBulk", &input.to_string()).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), bulk);
    // And the weights for the assignment engine are the same numbers.
    let w = call_json("standardCaseWeights", json!({"config": config(), "baseline": b, "cases": detailed["cases"].as_array().unwrap().iter().enumerate().map(|(i, _)| {
        json!({"id": format!("C{i}"), "caseType": kinds[kind[i]].0, "procedure": kinds[kind[i]].1, "complexity": kinds[kind[i]].2,
               "pages": {"dossier": d[i], "transcript": t[i], "judgment": j[i]}})
    }).collect::<Vec<_>>()})).unwrap();
    assert_eq!(w["weights"]["C17"], detailed["cases"][17]["standard"]);
}

#[test]
fn bulk_reports_bad_columns() {
    let e = err("standardCasesBulk", json!({"config": config(), "baseline": pooled(), "kinds": [{"caseType": "civil"}, {"caseType": "nope"}],
        "kind": [0, 3], "dossier": [1], "transcript": [1, -2], "judgment": [1, 1]}));
    let all: Vec<(ErrorCode, String)> =
        std::iter::once((e.code, e.path.clone())).chain(e.more.iter().map(|m| (m.code, m.path.clone()))).collect();
    assert_eq!(all, vec![
        (ErrorCode::MissingCoefficient, "kinds[1].caseType".to_string()),
        (ErrorCode::InvalidInput, "dossier".to_string()),
        (ErrorCode::OutOfRange, "transcript[1]".to_string()),
        (ErrorCode::OutOfRange, "kind[1]".to_string()),
    ]);
}

#[test]
fn enforcement_uses_default_closings() {
    let out = call_json("enforcementCases", json!({"cases": [
        {"id": "E1", "judge": "J", "closing": "fullyEnforced"},
        {"id": "E2", "judge": "J", "closing": "terminatedThisRound"},
        {"id": "E3", "judge": "J", "closing": "terminated", "approved": true},
    ]})).unwrap();
    assert_eq!(out["total"], "2.00");
    assert_eq!(out["unapproved"][0]["id"], "E2");
    assert_eq!(out["judges"][0]["caseIds"], json!(["E1", "E3"]));
}

fn units(v: &Value) -> i64 {
    let s = v.as_str().unwrap();
    let (a, b) = s.split_once('.').unwrap_or((s, ""));
    a.parse::<i64>().unwrap() * 100 + if b.is_empty() { 0 } else { b.parse::<i64>().unwrap() }
}

#[test]
fn months_always_sum_to_the_year() {
    for (total, expected, profile) in [
        ("1200", 3600, None),
        ("7", 3301, None),
        ("0.6", 3300, None),
        ("1234.56", 4000, Some(json!(["0", "0", "5", "1", "1", "1", "1", "1", "1", "1", "1", "0"]))),
    ] {
        let mut input = json!({"lastYear": {"totalStandard": total, "judges": 10, "intake": 3300}, "expectedIntake": expected,
            "departments": [{"id": "D", "judges": ["A", "B", "C"]}]});
        if let Some(p) = profile {
            input["monthlyProfile"] = p;
        }
        for revision in [None, Some(json!({"afterMonth": 4, "intakeToDate": 10, "expectedIntakeRest": 100}))] {
            if let Some(r) = revision.clone() {
                input["revision"] = r;
            }
            let out = call_json("standardTargets", input.clone()).unwrap();
            let months: Vec<i64> = out["monthly"].as_array().unwrap().iter().map(units).collect();
            assert_eq!(months.len(), 12);
            assert!(months.iter().all(|m| *m >= 0), "{months:?}");
            assert_eq!(months.iter().sum::<i64>(), units(&out["basicTarget"]));
            let dept: Vec<i64> = out["departments"][0]["monthly"].as_array().unwrap().iter().map(units).collect();
            assert_eq!(dept.iter().sum::<i64>(), units(&out["departments"][0]["target"]));
            assert_eq!(units(&out["departments"][0]["target"]), 3 * units(&out["basicTarget"]));
            if revision.is_some() {
                assert_eq!(out["monthly"].as_array().unwrap()[..4], out["original"]["monthly"].as_array().unwrap()[..4]);
            }
        }
    }
}

#[test]
fn revision_below_the_kept_months_is_clamped() {
    let out = call_json("standardTargets", json!({"lastYear": {"perJudgeAverage": "120", "intake": 1000}, "expectedIntake": 1000,
        "departments": [{"id": "D", "judges": ["A"]}], "revision": {"afterMonth": 11, "intakeToDate": 10, "expectedIntakeRest": 0}})).unwrap();
    assert_eq!(out["revision"]["clamped"], true);
    assert_eq!(out["basicTarget"], "110.00");
    assert_eq!(out["monthly"][11], "0.00");
}

#[test]
fn target_errors_are_collected() {
    let e = err("standardTargets", json!({"lastYear": {"intake": 0}, "expectedIntake": 10, "monthlyProfile": ["1"],
        "departments": [{"id": "D", "judges": ["A", "A"]}], "progress": {"throughMonth": 13, "actual": {"Z": "1"}}}));
    let paths: Vec<&str> = std::iter::once(e.path.as_str()).chain(e.more.iter().map(|m| m.path.as_str())).collect();
    assert_eq!(paths, vec!["lastYear.intake", "lastYear", "monthlyProfile", "departments[0].judges[1]", "progress.throughMonth", "progress.actual.Z"]);
}
