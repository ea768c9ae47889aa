//! Exports of the spreadsheet import format (docs/import.md).

use super::call;
use crate::import;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_IMPORT: &'static str = include_str!("ts/import.d.ts");

/// A spreadsheet's grid (first row the headers) to an engine input.
#[wasm_bindgen(js_name = importTable, unchecked_return_type = "ImportTableOutput")]
pub fn import_table(#[wasm_bindgen(unchecked_param_type = "ImportTableInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, import::import_table)
}

/// An input or result as a grid with Chinese headers.
#[wasm_bindgen(js_name = exportTable, unchecked_return_type = "ExportTableOutput")]
pub fn export_table(#[wasm_bindgen(unchecked_param_type = "ExportTableInput | string")] input: JsValue) -> Result<JsValue, JsValue> {
    call(input, import::export_table)
}
