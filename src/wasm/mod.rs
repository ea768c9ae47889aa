//! The JS boundary: converts values and maps errors, nothing else.
//!
//! Every export takes a plain JS object (or its JSON text, which is faster
//! for large inputs) and returns a plain JSON-compatible object. Failures are
//! thrown as a JS `Error` with `code`, `path`, `message`, `messageZh`,
//! `details` and `more`. No export panics: all logic returns `Result`.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

#[cfg(feature = "assign")]
pub mod assignment;
#[cfg(feature = "import")]
mod import;
mod memory;
mod progress;
#[cfg(feature = "score")]
mod scoring;
#[cfg(feature = "standard")]
mod standard;
mod text;

use crate::error::Error;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_COMMON: &'static str = include_str!("ts/common.d.ts");

/// Read an input. JSON text is parsed as is; any other value is first turned
/// into JSON text by the engine's own `JSON.stringify`, then parsed by
/// serde_json. Walking JS objects recursively from Rust would let a deeply
/// nested input overflow the WebAssembly stack and break the instance;
/// `JSON.stringify` fails cleanly on such input, and serde_json parses with a
/// depth limit. Both report the path of a bad field.
fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    crate::canonical::from_json_str(&json_text(value)?).map_err(to_js_error)
}

/// The JSON text of an input: the string itself, or the value through `JSON.stringify`.
#[inline(never)]
fn json_text(value: JsValue) -> Result<String, JsValue> {
    let text = json_text_as_given(value)?;
    memory::reserve_for(text.len());
    Ok(text)
}

fn json_text_as_given(value: JsValue) -> Result<String, JsValue> {
    if let Some(text) = text::string_of(&value) {
        return Ok(text);
    }
    let not_json = || {
        Error::invalid(
            "",
            "input must be a JSON value (object, array, string, number, boolean or null) or JSON text",
            "输入必须是 JSON 值（对象、数组、字符串、数字、布尔值或 null）或 JSON 文本",
        )
    };
    match text::stringify(&value) {
        Ok(text) => text.ok_or_else(|| to_js_error(not_json())),
        // The engine throws a RangeError when the text would be longer than
        // its longest string or the value nests deeper than its stack.
        Err(thrown) if thrown.is_instance_of::<js_sys::RangeError>() => Err(to_js_error(crate::limits::too_large_for_js())),
        Err(_) => Err(to_js_error(not_json())),
    }
}

/// Write an output as a plain JS value: serde_json text parsed by the
/// engine's `JSON.parse`, which builds large results (a ledger of thousands
/// of pools) far faster than setting properties one by one across the
/// boundary, and gives plain objects (never `Map`s) with decimals as strings.
/// A result longer than `limits::OUTPUT_BYTES` is refused before it reaches the engine.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = crate::limits::output_text(value).map_err(to_js_error)?;
    js_sys::JSON::parse(&text).map_err(|_| {
        to_js_error(Error::new(crate::ErrorCode::Internal, "", "JSON.parse failed on the output", "输出的 JSON 无法解析"))
    })
}

/// Run a core function on a deserialised input and convert its result.
fn call<I: DeserializeOwned, O: Serialize>(
    input: JsValue,
    f: impl FnOnce(I) -> crate::Result<O>,
) -> Result<JsValue, JsValue> {
    let input = from_js(input)?;
    let output = f(input).map_err(to_js_error)?;
    to_js(&output)
}

/// Run a core function whose result is text (a ledger): handed to JS as a
/// string as it is, not written as a JSON string literal and parsed back,
/// which for a large run would hold three copies at once.
#[cfg_attr(not(feature = "assign"), allow(dead_code))]
fn call_returning_text<I: DeserializeOwned>(input: JsValue, f: impl FnOnce(I) -> crate::Result<String>) -> Result<JsValue, JsValue> {
    let input = from_js(input)?;
    let output = f(input).map_err(to_js_error)?;
    Ok(JsValue::from_str(&output))
}

/// Run a core function that reads its input's JSON text itself.
#[cfg_attr(not(feature = "score"), allow(dead_code))]
fn call_text<O: Serialize>(input: JsValue, f: impl FnOnce(&str) -> crate::Result<O>) -> Result<JsValue, JsValue> {
    let output = f(&json_text(input)?).map_err(to_js_error)?;
    to_js(&output)
}

/// A JS `Error` carrying the coded error's fields as properties. (One
/// out-of-line copy: it is reached from every export's error paths.)
#[cold]
#[inline(never)]
fn to_js_error(error: Error) -> JsValue {
    let js_error = js_sys::Error::new(&error.to_string());
    js_error.set_name("ShenguanError");
    let target: &JsValue = js_error.as_ref();
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), &value);
    };
    set("code", JsValue::from_str(error.code.as_str()));
    set("path", JsValue::from_str(&error.path));
    set("messageZh", JsValue::from_str(&error.message_zh));
    set("details", error.details.as_ref().and_then(|d| to_js(d).ok()).unwrap_or(JsValue::NULL));
    let more = js_sys::Array::new();
    for problem in &error.more {
        if let Ok(value) = to_js(problem) {
            more.push(&value);
        }
    }
    set("more", more.into());
    set("moreOmitted", JsValue::from_f64(error.more_omitted as f64));
    // The JS `message` property holds the English message itself.
    set("message", JsValue::from_str(&error.message));
    js_error.into()
}

/// Bytes of WebAssembly memory this instance holds (it only grows): for
/// measuring the memory a call needed.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size::<0>() as f64) * 65536.0
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
