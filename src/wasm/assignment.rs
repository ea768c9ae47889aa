//! Exports of the assignment module.

use super::call;
use crate::assignment;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_ASSIGNMENT: &'static str = include_str!("ts/assignment.d.ts");

/// The commitment to publish before the draws.
#[wasm_bindgen(js_name = commitSeed, unchecked_return_type = "Commitment")]
pub fn commit_seed(#[wasm_bindgen(unchecked_param_type = "CommitInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, assignment::commit_seed)
}

/// Assign the cases (replaying the events in order) and return the ledger.
#[wasm_bindgen(unchecked_return_type = "Ledger")]
pub fn assign(#[wasm_bindgen(unchecked_param_type = "AssignmentInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, assignment::assign)
}

/// Replay the inputs and compare with a ledger.
#[wasm_bindgen(js_name = verifyLedger, unchecked_return_type = "VerifyReport")]
pub fn verify_ledger(#[wasm_bindgen(unchecked_param_type = "VerifyInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, assignment::verify_ledger)
}

/// Replay the inputs and compare the chain head with a published one.
#[wasm_bindgen(js_name = verifyHead, unchecked_return_type = "HeadReport")]
pub fn verify_head(#[wasm_bindgen(unchecked_param_type = "HeadInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, assignment::verify_head)
}

/// Check a ledger's hash chain alone.
#[wasm_bindgen(js_name = verifyChain, unchecked_return_type = "ChainReport")]
pub fn verify_chain(#[wasm_bindgen(unchecked_param_type = "ChainInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, assignment::verify_chain)
}

/// Verify a ledger and report what an inspector looks for.
#[wasm_bindgen(js_name = auditLedger, unchecked_return_type = "AuditReport")]
pub fn audit_ledger(#[wasm_bindgen(unchecked_param_type = "VerifyInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, assignment::audit_ledger)
}
