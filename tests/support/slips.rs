//! The typing-slip table (tests/fixtures/typing-slips.json), shared by the
//! tests that run it.

use serde_json::Value;

/// The table.
pub fn table() -> Value {
    serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/typing-slips.json")).unwrap()).unwrap()
}

/// The input with every `"@"` string replaced by `text`.
pub fn with_slip(input: &Value, text: &str) -> Value {
    match input {
        Value::String(s) if s == "@" => Value::String(text.to_string()),
        Value::Array(items) => Value::Array(items.iter().map(|v| with_slip(v, text)).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), with_slip(v, text))).collect()),
        other => other.clone(),
    }
}
