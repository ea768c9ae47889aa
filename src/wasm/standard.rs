//! Exports of the standard-cases module.

use super::{call, to_js, to_js_error};
use crate::standard;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_STANDARD: &'static str = include_str!("ts/standard.d.ts");

/// The bulk form: JSON text is read straight into compact columns, without a
/// JSON value per number.
fn bulk(input: JsValue) -> Result<JsValue, JsValue> {
    match super::text::string_of(&input) {
        Some(text) => {
            super::memory::reserve_for(text.len());
            to_js(&standard::standard_cases_bulk_text(&text).map_err(to_js_error)?)
        }
        None => call(input, standard::standard_cases_bulk),
    }
}

/// Average a year of closed cases into a pinned baseline snapshot.
#[wasm_bindgen(js_name = computeBaseline, unchecked_return_type = "Baseline")]
pub fn compute_baseline(#[wasm_bindgen(unchecked_param_type = "Input<ComputeBaselineInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, standard::compute_baseline)
}

/// Standard cases per case, with per-judge and per-department totals.
#[wasm_bindgen(js_name = standardCases, unchecked_return_type = "StandardCasesOutput")]
pub fn standard_cases(#[wasm_bindgen(unchecked_param_type = "Input<StandardCasesInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, standard::standard_cases)
}

/// Standard cases per case id, as case weights for the assignment engine.
#[wasm_bindgen(js_name = standardCaseWeights, unchecked_return_type = "StandardCaseWeightsOutput")]
pub fn standard_case_weights(#[wasm_bindgen(unchecked_param_type = "Input<StandardCasesInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, standard::standard_case_weights)
}

/// Standard cases for parallel arrays of cases (the fast form).
#[wasm_bindgen(js_name = standardCasesBulk, unchecked_return_type = "StandardCasesBulkOutput")]
pub fn standard_cases_bulk(#[wasm_bindgen(unchecked_param_type = "Input<StandardCasesBulkInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    bulk(input)
}

/// The enforcement standard.
#[wasm_bindgen(js_name = enforcementCases, unchecked_return_type = "EnforcementCasesOutput")]
pub fn enforcement_cases(#[wasm_bindgen(unchecked_param_type = "Input<EnforcementCasesInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, standard::enforcement_cases)
}

/// Yearly and monthly targets, revision and progress.
#[wasm_bindgen(js_name = standardTargets, unchecked_return_type = "StandardTargetsOutput")]
pub fn standard_targets(#[wasm_bindgen(unchecked_param_type = "Input<StandardTargetsInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, standard::standard_targets)
}
