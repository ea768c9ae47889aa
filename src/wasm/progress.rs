//! Progress of a long call: `withProgress(onProgress, run)` calls `run()`
//! (which calls one export) with the core's progress reports passed to
//! `onProgress(phase, done, total)`.

use wasm_bindgen::prelude::*;

/// Call `run` with the core's progress reports passed to `onProgress`; returns what `run` returns.
#[wasm_bindgen(js_name = withProgress, unchecked_return_type = "unknown")]
pub fn with_progress(
    #[wasm_bindgen(js_name = onProgress, unchecked_param_type = "(phase: string, done: number, total: number) => void")]
    on_progress: js_sys::Function,
    #[wasm_bindgen(unchecked_param_type = "() => unknown")] run: js_sys::Function,
) -> Result<JsValue, JsValue> {
    let sink = move |p: crate::progress::Progress| {
        // A throwing listener does not stop the call.
        let _ = on_progress.call3(
            &JsValue::NULL,
            &JsValue::from_str(p.phase),
            &JsValue::from_f64(p.done as f64),
            &JsValue::from_f64(p.total as f64),
        );
    };
    crate::progress::reporting(sink, || run.call0(&JsValue::NULL))
}
