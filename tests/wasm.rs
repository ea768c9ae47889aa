//! wasm-bindgen-test under Node: the vectors through the JS boundary and
//! through the core compiled to WebAssembly, errors as JS errors, and an
//! instance that keeps working after bad input.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use shenguan::wasm::assignment as exports;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const VECTORS: [&str; 5] = [
    include_str!("vectors/assignment/small-court.json"),
    include_str!("vectors/assignment/equal-four.json"),
    include_str!("vectors/assignment/commit-run.json"),
    include_str!("vectors/assignment/drand.json"),
    include_str!("vectors/assignment/errors.json"),
];

fn steps(text: &str) -> Vec<Value> {
    let vector: Value = serde_json::from_str(text).unwrap();
    match vector.get("steps") {
        Some(Value::Array(steps)) => steps.clone(),
        _ => vec![vector],
    }
}

fn export(name: &str) -> fn(JsValue) -> Result<JsValue, JsValue> {
    match name {
        "assign" => exports::assign,
        "verifyLedger" => exports::verify_ledger,
        "verifyChain" => exports::verify_chain,
        "auditLedger" => exports::audit_ledger,
        "verifyHead" => exports::verify_head,
        "commitRun" => exports::commit_run,
        "carryForward" => exports::carry_forward,
        other => panic!("no export {other}"),
    }
}

fn to_json(value: &JsValue) -> Value {
    let text = js_sys::JSON::stringify(value).unwrap().as_string().unwrap();
    serde_json::from_str(&text).unwrap()
}

fn property(error: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(error, &JsValue::from_str(key)).ok()?.as_string()
}

#[wasm_bindgen_test]
fn vectors_pass_in_the_core_compiled_to_wasm() {
    for text in VECTORS {
        for step in steps(text) {
            let result = shenguan::api::call_json(step["function"].as_str().unwrap(), step["input"].clone());
            match (result, step.get("expected")) {
                (Ok(got), Some(expected)) => assert_eq!(&got, expected),
                (Err(err), None) => assert_eq!(err.code.as_str(), step["expectedError"]["code"]),
                (other, _) => panic!("unexpected {other:?}"),
            }
        }
    }
}

#[wasm_bindgen_test]
fn vectors_pass_through_the_js_boundary() {
    for text in VECTORS {
        for step in steps(text) {
            let input = JsValue::from_str(&step["input"].to_string());
            let result = export(step["function"].as_str().unwrap())(input);
            match (result, step.get("expected")) {
                (Ok(got), Some(expected)) => assert_eq!(&to_json(&got), expected),
                (Err(err), None) => {
                    assert!(err.is_instance_of::<js_sys::Error>());
                    assert_eq!(property(&err, "code").as_deref(), step["expectedError"]["code"].as_str());
                    assert_eq!(property(&err, "path").as_deref(), step["expectedError"]["path"].as_str());
                    assert!(property(&err, "messageZh").is_some_and(|m| !m.is_empty()));
                }
                (Ok(got), None) => panic!("expected an error, got {:?}", to_json(&got)),
                (Err(err), Some(_)) => panic!("unexpected error {:?}", property(&err, "message")),
            }
        }
    }
}

#[wasm_bindgen_test]
fn bad_input_then_the_instance_still_works() {
    let fixture = steps(VECTORS[0]).remove(0);
    let bad = [JsValue::NULL, JsValue::UNDEFINED, JsValue::from_f64(f64::NAN), JsValue::from_str("{"), js_sys::Array::new().into()];
    for name in ["assign", "verifyLedger", "verifyChain", "auditLedger", "commitRun", "carryForward", "verifyHead"] {
        for input in &bad {
            let err = export(name)(input.clone()).unwrap_err();
            assert!(property(&err, "code").is_some(), "{name}");
        }
    }
    let ledger = exports::assign(JsValue::from_str(&fixture["input"].to_string())).unwrap();
    assert_eq!(to_json(&ledger), fixture["expected"]);
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(exports::verify_chain(JsValue::from_str(&deep)).is_err());
    let ledger = exports::assign(JsValue::from_str(&fixture["input"].to_string())).unwrap();
    assert_eq!(to_json(&ledger), fixture["expected"]);
}

#[wasm_bindgen_test]
fn streaming_classes_write_and_verify_in_parts() {
    let fixture = steps(VECTORS[0]).remove(0);
    let input = JsValue::from_str(&fixture["input"].to_string());
    let mut writer = exports::LedgerWriter::new(input.clone(), Some(500)).unwrap();
    let mut verifier = exports::LedgerVerifier::new(input).unwrap();
    let mut text = String::new();
    while let Some(part) = writer.next().unwrap().as_string() {
        verifier.push(JsValue::from_str(&part)).unwrap();
        text.push_str(&part);
    }
    assert_eq!(Value::String(text), fixture["expected"]);
    let report = to_json(&verifier.finish().unwrap());
    assert_eq!(report["ok"], true);
    assert_eq!(report["head"], Value::String(writer.head()));
    // Finished: a coded error, and the instance still works.
    let err = verifier.finish().unwrap_err();
    assert_eq!(property(&err, "code").as_deref(), Some("INVALID_INPUT"));
    let mut chain = exports::LedgerVerifier::new(JsValue::NULL).unwrap();
    let err = chain.push(JsValue::from_str("{}\n")).unwrap_err();
    assert_eq!(property(&err, "code").as_deref(), Some("MALFORMED_LEDGER"));
}
