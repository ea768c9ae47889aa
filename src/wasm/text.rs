//! Moving a JS string into WebAssembly memory as UTF-8.
//!
//! `JsValue::as_string` copies with a JS loop, one character at a time,
//! before it falls back to `TextEncoder`: for the 4 MB of a 10,000-judge
//! batch that loop took about 6 ms under Node, where the engine's own
//! `TextEncoder.encodeInto` writes the same bytes straight into the
//! destination buffer in under 1 ms. The text is the same either way (a lone
//! surrogate becomes U+FFFD in both).

use js_sys::{JsString, Uint8Array, WebAssembly};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// The engine's `TextEncoder` (every browser, Node 11 and later).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, source: &JsString, destination: &Uint8Array) -> EncodeResult;

    /// What `encodeInto` did: UTF-16 units read, bytes written.
    type EncodeResult;
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeResult) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeResult) -> u32;

    /// `JSON.stringify`, its text copied into WebAssembly memory (None for
    /// `undefined`). Unlike js_sys's, whose result is a table reference,
    /// it returns nothing through the externref table, so a throw (a cyclic
    /// or BigInt input) leaves no slot behind: wasm-bindgen allocates the
    /// slot of a returned reference before it checks for the exception, and
    /// never frees it.
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    pub fn stringify(value: &JsValue) -> Result<Option<String>, JsValue>;
}

/// The UTF-8 text of `value`, or `None` when it is not a string.
pub fn string_of(value: &JsValue) -> Option<String> {
    let mut rest: JsString = value.dyn_ref::<JsString>()?.clone();
    let encoder = TextEncoder::new();
    // ASCII takes one byte per UTF-16 unit; anything else at most three.
    let mut bytes = vec![0u8; rest.length() as usize];
    let mut written = 0usize;
    loop {
        let units = rest.length();
        if units == 0 {
            break;
        }
        // Viewed after allocating: growing the memory detaches older views.
        let memory: WebAssembly::Memory = wasm_bindgen::memory().dyn_into().ok()?;
        let start = bytes.as_mut_ptr() as usize + written;
        let end = bytes.as_mut_ptr() as usize + bytes.len();
        let view = Uint8Array::new(&memory.buffer()).subarray(u32::try_from(start).ok()?, u32::try_from(end).ok()?);
        let done = encoder.encode_into(&rest, &view);
        written += done.written() as usize;
        if done.read() == units {
            break;
        }
        if done.read() == 0 && bytes.len() - written >= 3 * units as usize {
            return value.as_string(); // no progress with room to spare: leave it to wasm-bindgen
        }
        rest = rest.slice(done.read(), units);
        bytes.resize(written + 3 * rest.length() as usize, 0);
    }
    bytes.truncate(written);
    String::from_utf8(bytes).ok().or_else(|| value.as_string())
}
