//! Runs every test vector under tests/vectors/ natively. pkg-tests/vectors.test.mjs
//! runs the same files against the WASM package.

use serde_json::Value;
use std::path::{Path, PathBuf};

fn vector_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            vector_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_vector_passes_natively() {
    let mut files = Vec::new();
    vector_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors"), &mut files);
    let mut failures = Vec::new();
    let mut cases = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let vector: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let steps = match vector.get("steps") {
            Some(Value::Array(steps)) => steps.clone(),
            _ => vec![vector.clone()],
        };
        for (i, step) in steps.iter().enumerate() {
            cases += 1;
            let function = step["function"].as_str().expect("vector needs a function");
            let result = shenguan::api::call_json(function, step["input"].clone());
            let label = format!("{} step {i} ({function})", file.display());
            match (result, step.get("expected"), step.get("expectedError")) {
                (Ok(got), Some(expected), None) => {
                    if &got != expected {
                        failures.push(format!("{label}: expected {expected}\n got {got}"));
                    }
                }
                (Err(err), None, Some(expected)) => {
                    let got = serde_json::to_value(&err).unwrap();
                    for key in ["code", "path"] {
                        if expected.get(key).is_some() && got.get(key) != expected.get(key) {
                            failures.push(format!("{label}: error {key} expected {} got {}", expected[key], got[key]));
                        }
                    }
                    // Further problems, when the vector lists them: code and path of each, in order.
                    if let Some(more) = expected.get("more") {
                        let found: Vec<_> = got.get("more").and_then(|m| m.as_array()).into_iter().flatten().map(|m| serde_json::json!({"code": m["code"], "path": m["path"]})).collect();
                        if Some(&found) != more.as_array() {
                            failures.push(format!("{label}: error more expected {more} got {found:?}"));
                        }
                    }
                    if let Some(omitted) = expected.get("moreOmitted") {
                        if got.get("moreOmitted").unwrap_or(&serde_json::json!(0)) != omitted {
                            failures.push(format!("{label}: error moreOmitted expected {omitted} got {:?}", got.get("moreOmitted")));
                        }
                    }
                }
                (Ok(got), _, Some(expected)) => failures.push(format!("{label}: expected error {expected}, got {got}")),
                (Err(err), Some(_), _) => failures.push(format!("{label}: unexpected error {err}")),
                _ => failures.push(format!("{label}: vector needs exactly one of expected / expectedError")),
            }
        }
    }
    assert!(cases > 0, "no vectors found");
    assert!(failures.is_empty(), "{} of {cases} vector steps failed:\n{}", failures.len(), failures.join("\n"));
}
