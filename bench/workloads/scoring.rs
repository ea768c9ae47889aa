//! Judge performance scoring: one live form, and a province of 10,000
//! judges × 25 indicators. Deterministic (a fixed linear congruential
//! sequence).

use serde_json::{json, Value};

/// Indicators: 25 scored ones over every method, in five groups of five.
fn rule_set() -> Value {
    let methods = [
        json!({"type": "baseline", "cap": "120"}),
        json!({"type": "minMax"}),
        json!({"type": "efficacy"}),
        json!({"type": "zScore", "center": "80", "spread": "10", "floor": "0", "cap": "100"}),
        json!({"type": "inRange", "min": "0.3", "max": "0.7", "outside": {"rule": "perUnit", "perUnit": "200"}}),
        json!({"type": "piecewise", "cap": "110", "perUnitAbove": "0.1",
               "points": [{"x": "0", "score": "0"}, {"x": "100", "score": "60"}, {"x": "200", "score": "100"}]}),
        json!({"type": "direct", "cap": "100"}),
    ];
    let mut indicators = Vec::new();
    let mut groups = Vec::new();
    for g in 0..5 {
        let mut members = Vec::new();
        for k in 0..5 {
            let i = g * 5 + k;
            let method = &methods[i % methods.len()];
            let mut ind = json!({"id": format!("i{i:02}"), "method": method});
            if i % 7 == 2 || i % 7 == 3 {
                ind["direction"] = json!(if i % 2 == 0 { "lowerIsBetter" } else { "higherIsBetter" });
            }
            indicators.push(ind);
            members.push(json!({"indicator": format!("i{i:02}"), "weight": "20"}));
        }
        groups.push(json!({"id": format!("g{g}"), "weight": "20", "indicators": members}));
    }
    indicators.push(json!({"id": "awards", "type": "count"}));
    indicators.push(json!({"id": "violation", "type": "boolean"}));
    json!({
        "id": "bench-25", "version": "1", "weightsMustSumTo": "100",
        "indicators": indicators, "groups": groups,
        "tiers": [{"id": "judge", "roles": ["judge"]}, {"id": "leader", "roles": ["vicePresident"], "baselineShare": "0.3"}],
        "adjustments": [{"id": "awards", "kind": "bonus", "indicator": "awards", "perUnit": "1", "cap": "3"}],
        "vetoes": [{"id": "violation", "indicator": "violation", "when": {"op": "eq", "value": "1"}, "grade": "d"}],
        "grades": {"levels": [
            {"id": "a", "minScore": "90", "maxShare": "0.15"}, {"id": "b", "minScore": "75"},
            {"id": "c", "minScore": "60"}, {"id": "d"}]}
    })
}

fn judges(n: usize) -> Vec<Value> {
    let mut state: u64 = 0x5eed;
    let mut next = move |m: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % m
    };
    (0..n)
        .map(|j| {
            let mut values = serde_json::Map::new();
            for i in 0..25 {
                let v = match i % 7 {
                    4 => json!(format!("0.{:02}", next(100))),
                    5 | 0 => json!(next(260)),
                    6 => json!(next(101)),
                    _ => json!(format!("{}.{}", next(200), next(10))),
                };
                values.insert(format!("i{i:02}"), v);
            }
            values.insert("awards".into(), json!(next(5)));
            values.insert("violation".into(), json!(next(500) == 0));
            let role = if j % 10 == 0 { "vicePresident" } else { "judge" };
            json!({"id": format!("J{j:05}"), "role": role, "court": format!("c{}", j % 20), "values": values})
        })
        .collect()
}

fn baselines() -> Value {
    let mut courts = serde_json::Map::new();
    for c in 0..20 {
        let mut m = serde_json::Map::new();
        for i in (0..25).filter(|i| i % 7 == 0) {
            m.insert(format!("i{i:02}"), json!(format!("{}", 100 + c * 5)));
        }
        courts.insert(format!("c{c}"), Value::Object(m));
    }
    Value::Object(courts)
}

/// `input` as JSON text with the rule set first, as a JS object literal
/// `{ ruleSet, judges }` writes it (serde_json writes members sorted, which
/// would put the judges first and cost the one-pass read).
fn rule_set_first(input: &Value) -> String {
    let members = input.as_object().expect("an object");
    let rest: Vec<String> = members.iter().filter(|(k, _)| *k != "ruleSet").map(|(k, v)| format!("{}:{v}", json!(k))).collect();
    format!("{{\"ruleSet\":{},{}}}", input["ruleSet"], rest.join(","))
}

/// The scoring workloads.
pub fn workloads() -> Vec<super::Workload> {
    let rs = rule_set();
    let population = json!({"ruleSet": rs, "judges": judges(10_000), "baselines": baselines(), "detail": "summary"});
    let batch = shenguan::api::call_json("score", population.clone()).expect("bench population scores");
    let one = json!({"ruleSet": rs, "judge": judges(1)[0], "statistics": batch["statistics"]});
    let table = json!({"ruleSet": rs, "judges": judges(10_000), "baselines": baselines()});
    let explained = json!({"ruleSet": rs, "judges": judges(1_000), "baselines": baselines(), "detail": "full"});
    vec![
        super::Workload {
            name: "scoring one judge (live form)",
            operation: "scoreOne",
            input: one.to_string(),
            iterations: 200,
            target: "WASM < 1 ms",
            note: "scoreOne: 25 indicators over every method, with the snapshot, full explanation tree".into(),
        },
        super::Workload {
            name: "scoring 10,000 judges x 25 indicators",
            operation: "score",
            input: rule_set_first(&population),
            iterations: 10,
            target: "WASM < 100 ms",
            note: "score, detail summary (no explanation trees): parse, validate, statistics, 250,000 indicator scores, grades with quota, ranks; rule set first in the text, so the forms are read in one pass".into(),
        },
        super::Workload {
            name: "scoring 10,000 judges x 25, as a table",
            operation: "scoreTable",
            input: rule_set_first(&table),
            iterations: 10,
            target: "WASM < 100 ms",
            note: "scoreTable: the same batch and figures as the summary above, returned as one row per judge".into(),
        },
        super::Workload {
            name: "scoring 1,000 judges with explanations",
            operation: "score",
            input: explained.to_string(),
            iterations: 3,
            target: "none (reported)",
            note: "score, detail full: an explanation tree per judge (about 15 KB of JSON each); for 10,000 judges that is 150 MB, so batches ask for summary and fetch explanations on demand".into(),
        },
    ]
}
