//! A summary batch decides most indicator scores in integers
//! (`scoring::settle`); a full batch and `scoreOne` divide in `Decimal` and
//! explain every step. Both must give the same numbers, judge by judge, on
//! the examples and on a random population over every method, with awkward
//! places, negative values, caps and floors; and `scoreTable` must give the
//! summary's figures, row by row.

use serde_json::{json, Value};
use shenguan::api::call_json;

#[path = "support/scoring.rs"]
mod support;

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, m: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % m
    }
    fn number(&mut self) -> Value {
        let whole = self.next(300) as i64 - 40;
        let places = self.next(4);
        let frac = self.next(10u64.pow(places as u32));
        match places {
            0 => json!(whole),
            p => json!(format!("{whole}.{frac:0width$}", width = p as usize)),
        }
    }
}

fn awkward_rule_set(places: u32, mode: &str) -> Value {
    let methods = [
        json!({"type": "baseline", "cap": "120", "floor": "5"}),
        json!({"type": "minMax"}),
        json!({"type": "efficacy", "cap": "99.5"}),
        json!({"type": "zScore", "center": "80", "spread": "7", "floor": "0", "cap": "100"}),
        json!({"type": "piecewise", "cap": "110", "perUnitAbove": "0.1",
               "points": [{"x": "-10", "score": "0"}, {"x": "70", "score": "61"}, {"x": "230", "score": "97"}]}),
        json!({"type": "minMax", "floor": "12.5"}),
    ];
    let indicators: Vec<Value> = (0..12)
        .map(|i| {
            let mut ind = json!({"id": format!("i{i:02}"), "method": methods[i % methods.len()]});
            if i % 4 == 1 {
                ind["direction"] = json!("lowerIsBetter");
            }
            ind
        })
        .collect();
    let groups: Vec<Value> = (0..3)
        .map(|g| {
            let members: Vec<Value> = (0..4).map(|k| json!({"indicator": format!("i{:02}", g * 4 + k), "weight": "25"})).collect();
            let weight = ["30", "30", "40"][g];
            json!({"id": format!("g{g}"), "weight": weight, "indicators": members})
        })
        .collect();
    json!({
        "id": "paths", "version": "1", "weightsMustSumTo": "100",
        "rounding": {"places": places, "mode": mode},
        "indicators": indicators, "groups": groups,
        "tiers": [{"id": "judge", "roles": ["judge"]}, {"id": "leader", "roles": ["vicePresident"], "baselineShare": "0.35"}],
        "grades": {"levels": [{"id": "a", "minScore": "85", "maxShare": "0.2"}, {"id": "b", "minScore": "60"}, {"id": "c"}]}
    })
}

fn population(r: &mut Lcg, n: usize) -> Value {
    let judges: Vec<Value> = (0..n)
        .map(|j| {
            let values: serde_json::Map<String, Value> = (0..12).map(|i| (format!("i{i:02}"), r.number())).collect();
            let role = if j % 9 == 0 { "vicePresident" } else { "judge" };
            json!({"id": format!("J{j:04}"), "role": role, "court": format!("c{}", j % 3), "values": values})
        })
        .collect();
    let baselines: serde_json::Map<String, Value> =
        (0..3).map(|c| (format!("c{c}"), court_baselines(c))).collect();
    json!({"judges": judges, "baselines": baselines})
}

fn court_baselines(c: usize) -> Value {
    let (b0, b6) = (["87.5", "120", "33.3"][c], ["150", "64.25", "0.7"][c]);
    json!({"i00": b0, "i06": b6})
}

/// Totals, grades, ranks and group scores of each judge of a batch.
fn numbers(out: &Value) -> Vec<Value> {
    out["judges"].as_array().unwrap().iter().map(|j| json!([j["id"], j["total"], j["grade"], j["rank"], j["groups"]])).collect()
}

/// The summary's figures of each judge, read from a `scoreTable` row by column name.
fn table_numbers(out: &Value) -> Vec<Value> {
    let columns: Vec<&str> = out["table"]["columns"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    let at = |row: &Value, name: &str| row[columns.iter().position(|&c| c == name).unwrap()].clone();
    out["table"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            assert_eq!(row.as_array().unwrap().len(), columns.len());
            let groups: Vec<Value> = columns
                .iter()
                .filter_map(|c| c.strip_suffix(".score"))
                .filter(|g| !at(row, &format!("{g}.score")).is_null())
                .map(|g| json!({"id": g, "score": at(row, &format!("{g}.score")), "weighted": at(row, &format!("{g}.weighted"))}))
                .collect();
            json!([at(row, "id"), at(row, "total"), at(row, "grade"), at(row, "rank"), groups])
        })
        .collect()
}

fn assert_paths_agree(input: Value) {
    let table = call_json("scoreTable", input.clone()).unwrap();
    let mut summary = input.clone();
    summary["detail"] = json!("summary");
    let mut full = input;
    full["detail"] = json!("full");
    let (s, f) = (call_json("score", summary).unwrap(), call_json("score", full.clone()).unwrap());
    assert_eq!(s["statistics"], f["statistics"]);
    let (sn, fnum) = (numbers(&s), numbers(&f));
    for (a, b) in sn.iter().zip(&fnum) {
        assert_eq!(a, b);
    }
    assert_eq!(sn.len(), fnum.len());
    assert_eq!((&table["ruleSet"], &table["statistics"]), (&s["ruleSet"], &s["statistics"]));
    assert_eq!(table_numbers(&table), sn);
    // scoreOne (an explained form) against the batch's statistics gives the same total.
    for j in full["judges"].as_array().unwrap().iter().step_by(97) {
        let one = call_json("scoreOne", json!({"ruleSet": full["ruleSet"], "judge": j, "statistics": s["statistics"]})).unwrap();
        let batch = s["judges"].as_array().unwrap().iter().find(|b| b["id"] == j["id"]).unwrap();
        assert_eq!((&one["judge"]["total"], &one["judge"]["groups"]), (&batch["total"], &batch["groups"]), "{}", j["id"]);
    }
}

#[test]
fn summary_and_explained_scores_agree_on_the_examples() {
    for name in ["yunnan", "kunming", "shenzhen", "spc"] {
        assert_paths_agree(support::example_input(name));
    }
}

#[test]
fn summary_and_explained_scores_agree_on_random_populations() {
    let mut r = Lcg(2026);
    for (places, mode) in [(2, "halfUp"), (0, "halfEven"), (3, "down"), (1, "up"), (2, "halfEven")] {
        let mut input = population(&mut r, 400);
        input["ruleSet"] = awkward_rule_set(places, mode);
        assert_paths_agree(input);
    }
}
