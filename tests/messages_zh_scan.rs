//! No English in a Chinese message: every error the error vectors
//! (tests/vectors/) and the typing-slip fixture produce, with each further
//! problem in `more`, has a `messageZh` whose runs of four or more ASCII
//! letters are all quoted from the input (an id, a name, a value or a key
//! the clerk wrote).

#[path = "support/slips.rs"]
mod slips;

use serde_json::Value;
use slips::with_slip;
use std::collections::BTreeSet;
use std::path::Path;

/// Every string and object key of `value`, split into runs of ASCII letters.
fn input_words(value: &Value, out: &mut BTreeSet<String>) {
    fn add(text: &str, out: &mut BTreeSet<String>) {
        out.extend(text.split(|c: char| !c.is_ascii_alphabetic()).map(str::to_string));
    }
    match value {
        Value::String(s) => add(s, out),
        Value::Array(items) => items.iter().for_each(|v| input_words(v, out)),
        Value::Object(map) => {
            for (k, v) in map {
                add(k, out);
                input_words(v, out);
            }
        }
        _ => {}
    }
}

/// The runs of four or more ASCII letters in `text` that the input does
/// not hold. Two kinds of words are the clerk's too: the JSON literals
/// (`true`), and the codes listed after 可选 as those one may type.
fn english(text: &str, words: &BTreeSet<String>) -> Vec<String> {
    let mut prose = String::new();
    for (i, part) in text.split("（可选：").enumerate() {
        prose.push_str(if i == 0 { part } else { part.split_once('）').map_or("", |(_, after)| after) });
    }
    let literal = |w: &str| matches!(w, "true" | "false" | "null");
    prose.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 4 && !words.contains(*w) && !literal(w)).map(str::to_string).collect()
}

fn check(function: &str, input: &Value, label: &str, failures: &mut Vec<String>) -> usize {
    let Err(e) = shenguan::api::call_json(function, input.clone()) else { return 0 };
    let mut words = BTreeSet::new();
    input_words(input, &mut words);
    let mut seen = 0;
    for problem in std::iter::once(&e).chain(e.more.iter()) {
        seen += 1;
        let found = english(&problem.message_zh, &words);
        if !found.is_empty() {
            failures.push(format!("{label} at {}: {found:?} in {}", problem.path, problem.message_zh));
        }
    }
    seen
}

#[test]
fn no_english_in_the_chinese_of_any_error_vector_or_slip() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    let mut checked = 0;
    for engine in ["assignment", "scoring", "standard"] {
        let dir = root.join("tests/vectors").join(engine);
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files {
            let vector: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            let steps = vector.get("steps").and_then(Value::as_array).cloned().unwrap_or_else(|| vec![vector.clone()]);
            for (i, step) in steps.iter().enumerate().filter(|(_, s)| s.get("expectedError").is_some()) {
                let label = format!("{} step {i}", file.display());
                checked += check(step["function"].as_str().unwrap(), &step["input"], &label, &mut failures);
            }
        }
    }
    let table = slips::table();
    for engine in table["engines"].as_array().unwrap() {
        for slip in table["slips"].as_array().unwrap() {
            let input = with_slip(&engine["input"], slip["text"].as_str().unwrap());
            let label = format!("{} / {}", engine["name"], slip["name"]);
            checked += check(engine["function"].as_str().unwrap(), &input, &label, &mut failures);
        }
    }
    assert!(checked > 100, "{checked}");
    assert!(failures.is_empty(), "{} of {checked} messages hold English:\n{}", failures.len(), failures.join("\n"));
}
