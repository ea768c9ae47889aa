//! Helpers shared by the assignment tests: the fixture court with its
//! commitment, ledgers as lines, and calls through the JSON API.
#![allow(dead_code)]

use serde_json::{json, Value};
use shenguan::api::call_json;

/// The small fixture court (its commitment is pinned in the file).
pub fn fixture() -> Value {
    serde_json::from_str(include_str!("../fixtures/small-court.json")).unwrap()
}

/// `input` with the commitment `commitRun` gives for it (for runs the tests make up).
pub fn committed(mut input: Value) -> Value {
    if let Some(object) = input.as_object_mut() {
        object.remove("commitment");
    }
    // An input commitRun refuses is returned as it is, to be refused again.
    if let Ok(commitment) = call_json("commitRun", input.clone()) {
        input["commitment"] = commitment["commitment"].clone();
    }
    input
}

/// The ledger text of a run.
pub fn ledger_of(input: &Value) -> String {
    call_json("assign", input.clone()).unwrap().as_str().unwrap().to_string()
}

/// The entries of a ledger text, parsed.
pub fn entries(text: &str) -> Vec<Value> {
    text.lines().skip(1).map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// A ledger text from a header and entries, each in canonical form.
pub fn lines_to_text(header: &Value, entries: &[Value]) -> String {
    let mut text = shenguan::canonical::to_canonical_string(header).unwrap() + "\n";
    for entry in entries {
        text += &shenguan::canonical::to_canonical_string(entry).unwrap();
        text.push('\n');
    }
    text
}

/// `verifyLedger`'s report.
pub fn verify(inputs: &Value, ledger: &str) -> Value {
    call_json("verifyLedger", json!({ "inputs": inputs, "ledger": ledger })).unwrap_or_else(|e| panic!("{e}\n{ledger}"))
}

/// The error an operation gives.
pub fn error_of(op: &str, input: Value) -> shenguan::Error {
    call_json(op, input).unwrap_err()
}
