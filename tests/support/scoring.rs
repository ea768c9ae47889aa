//! Helpers shared by the scoring tests: the example rule sets and inputs,
//! and finding things in results and explanation trees.
#![allow(dead_code)]

use serde_json::{json, Value};
use shenguan::api::call_json;

pub fn load(path: &str) -> Value {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

pub fn rule_set(name: &str) -> Value {
    load(&format!("examples/rulesets/{name}-style.json"))
}

pub fn example_input(name: &str) -> Value {
    let mut input = load("examples/court/scoring-inputs.json")[name].clone();
    input["ruleSet"] = rule_set(name);
    input
}

pub fn score(name: &str) -> Value {
    call_json("score", example_input(name)).unwrap()
}

pub fn judge<'a>(out: &'a Value, id: &str) -> &'a Value {
    out["judges"].as_array().unwrap().iter().find(|j| j["id"] == id).unwrap()
}

/// Depth-first search of an explanation tree for the node of `kind` and `id`.
pub fn node<'a>(tree: &'a Value, kind: &str, id: &str) -> &'a Value {
    fn find<'a>(n: &'a Value, kind: &str, id: &str) -> Option<&'a Value> {
        if n["kind"] == kind && n["id"] == id {
            return Some(n);
        }
        n["children"].as_array().into_iter().flatten().find_map(|c| find(c, kind, id))
    }
    find(tree, kind, id).unwrap_or_else(|| panic!("no {kind} node {id}"))
}

pub fn flags(n: &Value) -> Vec<&str> {
    n["flags"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

pub fn step(n: &Value, name: &str) -> Value {
    n["steps"].as_array().unwrap().iter().find(|s| s["name"] == name).map(|s| s["value"].clone()).unwrap_or(Value::Null)
}

pub fn error(function: &str, input: Value) -> (String, String) {
    let e = call_json(function, input).unwrap_err();
    (e.code.as_str().to_string(), e.path)
}

/// `v` as JSON text with its `ruleSet` member first, as a JS object literal
/// `{ ruleSet, judges }` is written (serde_json writes members sorted).
pub fn rule_set_first(v: &Value) -> String {
    match v.as_object().and_then(|members| members.get("ruleSet").map(|rs| (members, rs))) {
        Some((members, rs)) => {
            let rest: Vec<String> = members.iter().filter(|(k, _)| *k != "ruleSet").map(|(k, v)| format!("{}:{v}", json!(k))).collect();
            format!("{{\"ruleSet\":{rs}{}{}}}", if rest.is_empty() { "" } else { "," }, rest.join(","))
        }
        None => v.to_string(),
    }
}
