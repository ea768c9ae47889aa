//! Exports of the standard-cases module.
//!
//! Inputs go through `serde_json::Value` (JS objects via serde-wasm-bindgen,
//! JSON text via serde_json) and outputs through `serde_json::Value`, so each
//! input and output type is compiled for one (de)serializer only, which keeps
//! the module small. The bulk form reads its large page arrays straight from
//! the JSON text.

use super::{to_js, to_js_error};
use crate::error::{Error, ErrorCode};
use crate::standard;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// A JS object or JSON text as a JSON value.
fn to_value(input: JsValue) -> Result<Value, JsValue> {
    if let Some(text) = input.as_string() {
        return crate::canonical::from_json_str(&text).map_err(to_js_error);
    }
    let de = serde_wasm_bindgen::Deserializer::from(input);
    serde_path_to_error::deserialize(de).map_err(|e| to_js_error(crate::canonical::path_error(e)))
}

/// A core result as a plain JS value.
fn output<O: Serialize>(result: crate::Result<O>) -> Result<JsValue, JsValue> {
    let output = result.map_err(to_js_error)?;
    let value = serde_json::to_value(output)
        .map_err(|e| to_js_error(Error::new(ErrorCode::Internal, "", e.to_string(), e.to_string())))?;
    to_js(&value)
}

/// Run a core function on an input read through `serde_json::Value`.
fn call<I: DeserializeOwned, O: Serialize>(input: JsValue, f: impl FnOnce(I) -> crate::Result<O>) -> Result<JsValue, JsValue> {
    let input = crate::canonical::from_json_value(to_value(input)?).map_err(to_js_error)?;
    output(f(input))
}

/// The bulk form: JSON text is read without building a value per case.
fn bulk(input: JsValue) -> Result<JsValue, JsValue> {
    match input.as_string() {
        Some(text) => output(standard::standard_cases_bulk_text(&text)),
        None => call(input, standard::standard_cases_bulk),
    }
}

/// Average a year of closed cases into a pinned baseline snapshot.
#[wasm_bindgen(js_name = computeBaseline, unchecked_return_type = "Baseline")]
pub fn compute_baseline(#[wasm_bindgen(unchecked_param_type = "ComputeBaselineInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, standard::compute_baseline)
}

/// Standard cases per case, with per-judge and per-department totals.
#[wasm_bindgen(js_name = standardCases, unchecked_return_type = "StandardCasesOutput")]
pub fn standard_cases(#[wasm_bindgen(unchecked_param_type = "StandardCasesInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, standard::standard_cases)
}

/// Standard cases per case id, as case weights for the assignment engine.
#[wasm_bindgen(js_name = standardCaseWeights, unchecked_return_type = "StandardCaseWeightsOutput")]
pub fn standard_case_weights(#[wasm_bindgen(unchecked_param_type = "StandardCasesInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, standard::standard_case_weights)
}

/// Standard cases for parallel arrays of cases (the fast form).
#[wasm_bindgen(js_name = standardCasesBulk, unchecked_return_type = "StandardCasesBulkOutput")]
pub fn standard_cases_bulk(#[wasm_bindgen(unchecked_param_type = "StandardCasesBulkInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    bulk(input)
}

/// The enforcement standard.
#[wasm_bindgen(js_name = enforcementCases, unchecked_return_type = "EnforcementCasesOutput")]
pub fn enforcement_cases(#[wasm_bindgen(unchecked_param_type = "EnforcementCasesInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, standard::enforcement_cases)
}

/// Yearly and monthly targets, revision and progress.
#[wasm_bindgen(js_name = standardTargets, unchecked_return_type = "StandardTargetsOutput")]
pub fn standard_targets(#[wasm_bindgen(unchecked_param_type = "StandardTargetsInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, standard::standard_targets)
}
