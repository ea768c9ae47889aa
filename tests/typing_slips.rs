//! Every typing slip of docs/numbers.md fed to every engine that reads
//! numbers (tests/fixtures/typing-slips.json), natively; pkg-tests/typing-slips.test.mjs
//! runs the same table against the WASM package.

#[path = "support/slips.rs"]
mod slips;

use serde_json::Value;
use slips::with_slip;

/// Words of the parser's English that must never reach a Chinese message.
const PARSER_ENGLISH: [&str; 8] = ["invalid", "expected", "Decimal", "string \"", "field `", "variant", "line ", "column"];

#[test]
fn every_slip_in_every_engine_has_its_documented_outcome() {
    let table = slips::table();
    let mut checked = 0;
    for engine in table["engines"].as_array().unwrap() {
        let function = engine["function"].as_str().unwrap();
        for slip in table["slips"].as_array().unwrap() {
            let name = slip["name"].as_str().unwrap();
            let label = format!("{} / {name}", engine["name"]);
            let outcome = engine["outcomes"].get(name).unwrap_or(&engine["outcomes"]["*"]);
            let got = shenguan::api::call_json(function, with_slip(&engine["input"], slip["text"].as_str().unwrap()));
            if outcome == "accepted" {
                let clean = shenguan::api::call_json(function, with_slip(&engine["input"], slip["clean"].as_str().unwrap()));
                assert_eq!(got.unwrap_or_else(|e| panic!("{label}: refused: {e}")), clean.unwrap(), "{label}");
            } else {
                let e = got.err().unwrap_or_else(|| panic!("{label}: accepted"));
                assert_eq!((e.code.as_str(), e.path.as_str()), (outcome["code"].as_str().unwrap(), outcome["path"].as_str().unwrap()), "{label}: {e}");
                let hint = outcome.get("hintZh").unwrap_or(&slip["hintZh"]).as_str().unwrap();
                assert!(e.message_zh.contains(hint), "{label}: {}", e.message_zh);
                assert!(e.message_zh.contains(slip["text"].as_str().unwrap().trim_matches(' ')), "{label}: the value is quoted: {}", e.message_zh);
                for also in outcome.get("alsoZh").and_then(Value::as_array).into_iter().flatten() {
                    assert!(e.message_zh.contains(also.as_str().unwrap()), "{label}: {}", e.message_zh);
                }
                for word in PARSER_ENGLISH {
                    assert!(!e.message_zh.contains(word), "{label}: {}", e.message_zh);
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 42);
}
