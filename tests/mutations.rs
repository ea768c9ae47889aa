//! Every vector's input, changed at random in many small ways, goes through
//! its function: the answer is a result or a coded error that is not
//! `INTERNAL`, never a panic (a panic in WebAssembly breaks the instance for
//! every later call). Deterministic: the changes come from a fixed sequence.

use serde_json::{json, Value};
use shenguan::api::{call_json, call_str};
use shenguan::ErrorCode;
use std::panic::{catch_unwind, AssertUnwindSafe};

#[path = "support/scoring.rs"]
mod support;
use support::rule_set_first;

/// Changes per vector step.
const ROUNDS: usize = 150;

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, m: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % m as u64) as usize
    }
}

/// Values a careless or hostile caller might put anywhere.
fn odd_value(r: &mut Lcg) -> Value {
    let choices = [
        json!(null), json!(true), json!(0), json!(-1), json!(1e300), json!(-0.0), json!(0.1),
        json!(u64::MAX), json!(i64::MIN), json!(""), json!(" "), json!("0"), json!("-0"), json!("1e9999"),
        json!("79228162514264337593543950336"), json!("0.0000000000000000000000000001"), json!("NaN"),
        json!("2026-02-30"), json!("00".repeat(32)), json!("法官"), json!([]), json!({}), json!([1, "a", null]),
        json!({"id": "x"}), json!("999999999999999999999999"), json!(-99999.999),
    ];
    choices[r.next(choices.len())].clone()
}

/// Number of places (object members and array items, at any depth) in `v`.
fn places(v: &Value) -> usize {
    1 + match v {
        Value::Array(items) => items.iter().map(places).sum(),
        Value::Object(members) => members.values().map(places).sum(),
        _ => 0,
    }
}

/// The `k`-th place of `v` in depth-first order.
fn place_mut(v: &mut Value, mut k: usize) -> Option<&mut Value> {
    fn walk<'a>(v: &'a mut Value, k: &mut usize) -> Option<&'a mut Value> {
        if *k == 0 {
            return Some(v);
        }
        *k -= 1;
        match v {
            Value::Array(items) => items.iter_mut().find_map(|item| walk(item, k)),
            Value::Object(members) => members.values_mut().find_map(|member| walk(member, k)),
            _ => None,
        }
    }
    walk(v, &mut k)
}

/// One random change somewhere in `input`: replace a value, drop a member or
/// item, duplicate an item, or empty a container.
fn mutate(input: &mut Value, r: &mut Lcg) {
    let k = r.next(places(input));
    let Some(target) = place_mut(input, k) else { return };
    match (r.next(4), &mut *target) {
        (0, Value::Object(members)) if !members.is_empty() => {
            let key = members.keys().nth(r.next(members.len())).cloned().unwrap_or_default();
            members.remove(&key);
        }
        (1, Value::Array(items)) if !items.is_empty() => {
            let i = r.next(items.len());
            let copy = items[i].clone();
            items.insert(r.next(items.len() + 1), copy);
        }
        (2, Value::Array(items)) if !items.is_empty() => {
            items.remove(r.next(items.len()));
        }
        _ => *target = odd_value(r),
    }
}

/// `score` or `scoreTable` on text read as a typed input (judges skipped, then read).
fn typed_text_read(function: &str, text: &str) -> shenguan::Result<Value> {
    use shenguan::canonical::from_json_str;
    use shenguan::scoring;
    let out = match function {
        "score" => serde_json::to_value(scoring::score(from_json_str(text)?)?),
        _ => serde_json::to_value(scoring::score_table(from_json_str(text)?)?),
    };
    Ok(out.unwrap())
}

fn vector_steps() -> Vec<(String, String, Value)> {
    let mut steps = Vec::new();
    for dir in ["assignment", "standard", "scoring"] {
        let path = format!("{}/tests/vectors/{dir}", env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<_> = std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files {
            let vector: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            // A vector is one step, or a list of them.
            let list = match vector.get("steps") {
                Some(list) => list.as_array().unwrap().clone(),
                None => vec![vector.clone()],
            };
            for (i, step) in list.iter().enumerate() {
                let name = format!("{}#{i}", file.file_name().unwrap().to_string_lossy());
                steps.push((name, step["function"].as_str().unwrap().to_string(), step["input"].clone()));
            }
        }
    }
    steps
}

#[test]
fn changed_inputs_give_results_or_coded_errors_never_a_panic() {
    let steps = vector_steps();
    assert!(steps.len() >= 30, "only {} vector steps", steps.len());
    let mut r = Lcg(0x5eed);
    let mut failures = Vec::new();
    for (name, function, input) in &steps {
        for round in 0..ROUNDS {
            let mut changed = input.clone();
            for _ in 0..=r.next(3) {
                mutate(&mut changed, &mut r);
            }
            let outcome = catch_unwind(AssertUnwindSafe(|| call_json(function, changed.clone())));
            if function == "score" || function == "scoreTable" {
                // A batch's text is read in one pass: the same answer as the typed read of the text.
                let text = rule_set_first(&changed);
                let one_pass = catch_unwind(AssertUnwindSafe(|| call_str(function, &text).map(|out| serde_json::from_str::<Value>(&out).unwrap())));
                let typed = typed_text_read(function, &text);
                match (typed, one_pass) {
                    (Ok(a), Ok(Ok(b))) if a == b => {}
                    (Err(a), Ok(Err(b))) if (a.code, &a.path, &a.message, a.more.len()) == (b.code, &b.path, &b.message, b.more.len()) => {}
                    (_, other) => failures.push(format!("{name} round {round}: one-pass read differs ({other:?}) on {text}")),
                }
            }
            match outcome {
                Err(_) => failures.push(format!("{name} round {round}: panic on {changed}")),
                Ok(Err(e)) if e.code == ErrorCode::Internal => failures.push(format!("{name} round {round}: INTERNAL {e} on {changed}")),
                Ok(_) => {}
            }
        }
    }
    let shown: Vec<String> = failures.iter().take(5).map(|f| f.chars().take(600).collect()).collect();
    assert!(failures.is_empty(), "{} of {} changed inputs failed:\n{}", failures.len(), steps.len() * ROUNDS, shown.join("\n"));
}
