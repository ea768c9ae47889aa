//! Exports of the judge performance formula (审判绩效).

use super::{call, call_text};
use crate::scoring;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS: &'static str = include_str!("ts/scoring.d.ts");

/// Check a rule set; every problem with its path (never throws on the rule set's content).
#[wasm_bindgen(js_name = validateRuleSet, unchecked_return_type = "ValidationReport")]
pub fn validate_rule_set(#[wasm_bindgen(unchecked_param_type = "Input<RuleSet>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, scoring::validate_rule_set)
}

/// Score a whole population: statistics snapshot, totals, grades (with quotas) and ranks.
#[wasm_bindgen(js_name = score, unchecked_return_type = "ScoreOutput")]
pub fn score(#[wasm_bindgen(unchecked_param_type = "Input<ScoreInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call_text(input, scoring::score_text)
}

/// Score a whole population as `score` does with `detail: "summary"`, as one row per judge.
#[wasm_bindgen(js_name = scoreTable, unchecked_return_type = "ScoreTableOutput")]
pub fn score_table(#[wasm_bindgen(unchecked_param_type = "Input<ScoreTableInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call_text(input, scoring::score_table_text)
}

/// Score one live form against a statistics snapshot; lists missing inputs instead of failing.
#[wasm_bindgen(js_name = scoreOne, unchecked_return_type = "ScoreOneOutput")]
pub fn score_one(#[wasm_bindgen(unchecked_param_type = "Input<ScoreOneInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, scoring::score_one)
}
