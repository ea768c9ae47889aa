//! Exports of the assignment module, and the two streaming classes that let
//! a year's ledger be written and verified a part at a time.

use super::{call, call_returning_text, from_js, to_js, to_js_error};
use crate::assignment;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TS_ASSIGNMENT: &'static str = include_str!("ts/assignment.d.ts");

/// Validate a run and compute the commitment to publish before its beacon round.
#[wasm_bindgen(js_name = commitRun, unchecked_return_type = "RunCommitment")]
pub fn commit_run(#[wasm_bindgen(unchecked_param_type = "Input<AssignmentInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, assignment::commit_run)
}

/// Assign the cases (replaying the events in order) and return the ledger text.
#[wasm_bindgen(unchecked_return_type = "LedgerText")]
pub fn assign(#[wasm_bindgen(unchecked_param_type = "Input<AssignmentInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call_returning_text(input, assignment::assign)
}

/// The judges after a run and its head, for the next run.
#[wasm_bindgen(js_name = carryForward, unchecked_return_type = "CarryForward")]
pub fn carry_forward(#[wasm_bindgen(unchecked_param_type = "Input<AssignmentInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, assignment::carry_forward)
}

/// The drand round to name in a commitment made at a given time.
#[wasm_bindgen(js_name = drandRound, unchecked_return_type = "RoundChoice")]
pub fn drand_round(#[wasm_bindgen(unchecked_param_type = "Input<RoundInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, assignment::drand_round)
}

/// Replay the inputs and compare with a ledger.
#[wasm_bindgen(js_name = verifyLedger, unchecked_return_type = "VerifyReport")]
pub fn verify_ledger(#[wasm_bindgen(unchecked_param_type = "Input<VerifyInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, assignment::verify_ledger)
}

/// Replay the inputs and compare the chain head with a published one.
#[wasm_bindgen(js_name = verifyHead, unchecked_return_type = "HeadReport")]
pub fn verify_head(#[wasm_bindgen(unchecked_param_type = "Input<HeadInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, assignment::verify_head)
}

/// Check a ledger's hash chain alone.
#[wasm_bindgen(js_name = verifyChain, unchecked_return_type = "ChainReport")]
pub fn verify_chain(#[wasm_bindgen(unchecked_param_type = "Input<ChainInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, assignment::verify_chain)
}

/// Verify a ledger and report what an inspector looks for.
#[wasm_bindgen(js_name = auditLedger, unchecked_return_type = "AuditReport")]
pub fn audit_ledger(#[wasm_bindgen(unchecked_param_type = "Input<AuditInput>")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, assignment::audit_ledger)
}

/// Writes a run's ledger text a part at a time: `next()` returns the next
/// whole lines (about `partBytes` of them) or `undefined` at the end.
#[wasm_bindgen(js_name = LedgerWriter)]
pub struct LedgerWriter {
    inner: assignment::LedgerWriter,
    part_bytes: usize,
    finished: bool,
}

#[wasm_bindgen(js_class = LedgerWriter)]
impl LedgerWriter {
    /// Validate the run (commitment and beacon included) and start it.
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "Input<AssignmentInput>")] input: JsValue, part_bytes: Option<u32>) -> Result<LedgerWriter, JsValue> {
        let inner = assignment::LedgerWriter::new(from_js(input)?).map_err(to_js_error)?;
        Ok(LedgerWriter { inner, part_bytes: part_bytes.unwrap_or(1 << 20).max(1) as usize, finished: false })
    }

    /// The next lines of the ledger, or `undefined` once it is complete.
    #[wasm_bindgen(unchecked_return_type = "string | undefined")]
    pub fn next(&mut self) -> Result<JsValue, JsValue> {
        if self.finished {
            return Ok(JsValue::UNDEFINED);
        }
        let mut out = Vec::with_capacity(self.part_bytes + 4096);
        let more = self.inner.write_lines(&mut out, self.part_bytes).map_err(to_js_error)?;
        self.finished = !more;
        if out.is_empty() {
            return Ok(JsValue::UNDEFINED);
        }
        Ok(JsValue::from_str(&String::from_utf8_lossy(&out)))
    }

    /// The chain head so far (the final head once `next()` has returned `undefined`).
    pub fn head(&self) -> String {
        self.inner.head()
    }
}

/// Verifies a ledger read a part at a time: `push(text)` as parts arrive
/// (split anywhere), then `finish()`. With inputs it replays and compares
/// (`verifyLedger`'s report); without, it checks the chain (`verifyChain`'s).
#[wasm_bindgen(js_name = LedgerVerifier)]
pub struct LedgerVerifier {
    inner: Option<assignment::LedgerReader>,
    replaying: bool,
}

#[wasm_bindgen(js_class = LedgerVerifier)]
impl LedgerVerifier {
    /// Start a verification; `inputs` null or undefined checks the chain only.
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "Input<AssignmentInput> | null | undefined")] inputs: JsValue) -> Result<LedgerVerifier, JsValue> {
        if inputs.is_null() || inputs.is_undefined() {
            return Ok(LedgerVerifier { inner: Some(assignment::LedgerReader::chain_only()), replaying: false });
        }
        let reader = assignment::LedgerReader::replaying(from_js(inputs)?).map_err(to_js_error)?;
        Ok(LedgerVerifier { inner: Some(reader), replaying: true })
    }

    /// Read the next part of the ledger: text, or UTF-8 bytes.
    pub fn push(&mut self, #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] part: JsValue) -> Result<(), JsValue> {
        let reader = self.inner.as_mut().ok_or_else(|| to_js_error(finished()))?;
        let bytes = match (super::text::string_of(&part), part.dyn_ref::<js_sys::Uint8Array>()) {
            (Some(text), _) => text.into_bytes(),
            (None, Some(array)) => array.to_vec(),
            (None, None) => {
                return Err(to_js_error(crate::error::Error::invalid("", "push takes ledger text or UTF-8 bytes (Uint8Array)", "push 的参数须为分案记录文本或 UTF-8 字节（Uint8Array）")))
            }
        };
        reader.push(&bytes).map_err(to_js_error)
    }

    /// The report, once every part has been pushed.
    #[wasm_bindgen(unchecked_return_type = "VerifyReport | ChainReport")]
    pub fn finish(&mut self) -> Result<JsValue, JsValue> {
        let reader = self.inner.take().ok_or_else(|| to_js_error(finished()))?;
        if self.replaying {
            to_js(&reader.finish().map_err(to_js_error)?)
        } else {
            to_js(&reader.finish_chain().map_err(to_js_error)?)
        }
    }
}

fn finished() -> crate::error::Error {
    crate::error::Error::new(crate::ErrorCode::InvalidInput, "", "this verifier has finished; start a new one", "此验证已结束，请重新创建")
}
