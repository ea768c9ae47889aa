//! The largest inputs each operation accepts, checked before the heavy work
//! and refused with `LIMIT_EXCEEDED` naming the limit.
//!
//! Chosen so that the largest accepted input of every operation fits a
//! browser tab (32-bit WebAssembly memory, a JS string of at most about
//! 2^29 characters) and finishes: `node bench/limits.mjs` measures each at
//! its limit and just above it. The table is in the README.

use crate::error::{Error, ErrorCode};

/// Judges in one assignment run. The largest courts have a few hundred
/// judges under quota; with ties every eligible judge may join a pool, and
/// the limit keeps a seat's line in the ledger bounded.
pub const ASSIGN_JUDGES: usize = 2_000;
/// Cases in one assignment run (a large court's year is about 550,000).
pub const ASSIGN_CASES: usize = 1_000_000;
/// Events in one assignment run.
pub const ASSIGN_EVENTS: usize = 2_000_000;
/// Entries of a list inside one case or judge (recusals, regions, case types).
pub const LIST_ITEMS: usize = ASSIGN_JUDGES;
/// UTF-8 bytes of an identifier (judge, case, department, case type, region,
/// approver): ids are written into every ledger line that names them.
pub const ID_BYTES: usize = 128;
/// UTF-8 bytes of a free text (a name, a reason's text, the court's name).
pub const TEXT_BYTES: usize = 1_000;
/// Bytes of the ledger text `assign` returns in one string; a longer run is
/// written in parts with `LedgerWriter`.
pub const ASSIGN_LEDGER_BYTES: usize = 256 << 20;
/// Bytes of one ledger line: a panel of 15 seats, each with 2,000 tied
/// judges whose ids are the longest and all escaped, stays under it.
pub const LEDGER_LINE_BYTES: usize = 32 << 20;

/// Cases in one `standardCases` or `standardCaseWeights` call, which
/// explains every case; `standardCasesBulk` takes more.
pub const STANDARD_CASES: usize = 200_000;
/// Cases in one `standardCasesBulk` call (parallel arrays).
pub const STANDARD_BULK_CASES: usize = 5_000_000;
/// Judges in one `standardCasesBulk` call or targets in one `standardTargets` call.
pub const STANDARD_JUDGES: usize = 100_000;
/// Closed cases of last year in one `computeBaseline` call.
pub const BASELINE_CASES: usize = 1_000_000;
/// Cases in one `enforcementCases` call.
pub const ENFORCEMENT_CASES: usize = 200_000;

/// Judges in one `score` call with every point explained (about 8.7 KB of
/// output per judge of a 13-indicator rule set).
pub const SCORE_JUDGES: usize = 10_000;
/// Judges in one `score` call with `detail: "summary"`.
pub const SCORE_SUMMARY_JUDGES: usize = 100_000;
/// Judges in one `scoreTable` call (totals only).
pub const SCORE_TABLE_JUDGES: usize = 200_000;
/// Indicators in a rule set.
pub const INDICATORS: usize = 1_000;
/// Figures explained in one `score` call: judges times the rule set's
/// indicators and groups (each explained figure is a node of about 400-700
/// bytes of output; 10,000 judges of 25 figures each fit).
pub const SCORE_EXPLAINED_FIGURES: usize = 250_000;
/// Group scores in one `score` call with `detail: "summary"` or one
/// `scoreTable` call: judges times the rule set's groups (100,000 judges of
/// 25 groups fit).
pub const SCORE_GROUP_FIGURES: usize = 2_500_000;

/// Bytes of one call's result as JSON text, which the JS engine parses into
/// the object returned (a JS string holds at most about 2^29 characters).
/// Every operation's other limits keep its result well under it; this one
/// refuses what they cannot foresee (long names repeated in every judge's
/// explanation, say) with a coded error instead of a failed engine call.
pub const OUTPUT_BYTES: usize = 256 << 20;

/// JSON nesting depth of any input (the parser's own limit).
pub const NESTING: usize = 128;

/// Refuse a list longer than `limit`.
pub fn check_count(path: &str, what: &str, what_zh: &str, count: usize, limit: usize) -> Result<(), Error> {
    if count <= limit {
        return Ok(());
    }
    Err(exceeded(
        path,
        format!("{count} {what}: at most {limit} are accepted in one call"),
        format!("{what_zh}有 {count} 个，单次调用最多接受 {limit} 个"),
        limit,
    ))
}

/// Refuse a string longer than `limit` UTF-8 bytes; its path is only
/// written when it is refused.
pub fn check_bytes(text: &str, limit: usize, path: impl FnOnce() -> String) -> Result<(), Error> {
    if text.len() <= limit {
        return Ok(());
    }
    Err(exceeded(
        &path(),
        format!("{} bytes: at most {limit} UTF-8 bytes are accepted here", text.len()),
        format!("长度为 {} 字节，此处最多接受 {limit} 个 UTF-8 字节", text.len()),
        limit,
    ))
}

/// The input object's JSON text would be longer than the JS engine's
/// longest string, or nest deeper than its stack (`JSON.stringify` threw a
/// `RangeError`).
pub fn too_large_for_js() -> Error {
    Error::new(
        ErrorCode::LimitExceeded,
        "",
        "the input is too large or too deeply nested to be written as JSON text by this JS engine: pass fewer records per call",
        "输入过大或嵌套过深，本 JS 引擎无法将其写成 JSON 文本：请减少每次调用的记录数",
    )
}

/// `value` as JSON text, refused when the text passes `OUTPUT_BYTES`.
/// Written by `serde_json::to_string` as every other text is (a bounded
/// writer of its own would double the serialisation code in the wasm);
/// the limits before the work keep the text within memory.
pub fn output_text<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    output_text_within(value, OUTPUT_BYTES)
}

fn output_text_within<T: serde::Serialize + ?Sized>(value: &T, limit: usize) -> Result<String, Error> {
    within_output_limit(serde_json::to_string(value), limit)
}

/// Out of line, so the messages are written once, not once per result type.
#[inline(never)]
fn within_output_limit(text: serde_json::Result<String>, limit: usize) -> Result<String, Error> {
    let text = text.map_err(|e| Error::new(ErrorCode::Internal, "", format!("the result could not be written as JSON: {e}"), format!("结果无法写成 JSON：{e}")))?;
    if text.len() > limit {
        return Err(exceeded(
            "",
            format!("the result is {} bytes of JSON text: at most {limit} are returned in one call; pass fewer records per call", text.len()),
            format!("结果的 JSON 文本有 {} 字节，单次调用最多返回 {limit} 字节：请减少每次调用的记录数", text.len()),
            limit,
        ));
    }
    Ok(text)
}

/// A `LIMIT_EXCEEDED` error carrying the limit in its details.
pub fn exceeded(path: &str, message: String, message_zh: String, limit: usize) -> Error {
    Error::new(ErrorCode::LimitExceeded, path, message, message_zh).with_details(serde_json::json!({ "limit": limit }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_bytes_at_and_above_the_limit() {
        assert!(check_count("judges", "judges", "法官", 2_000, ASSIGN_JUDGES).is_ok());
        let e = check_count("judges", "judges", "法官", 2_001, ASSIGN_JUDGES).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::LimitExceeded, "judges"));
        assert_eq!(e.details.as_deref(), Some(&serde_json::json!({"limit": 2000})));
        assert!(check_bytes(&"案".repeat(42), ID_BYTES, || "id".into()).is_ok());
        assert_eq!(check_bytes(&"案".repeat(43), ID_BYTES, || "id".into()).unwrap_err().code, ErrorCode::LimitExceeded);
    }

    #[test]
    fn output_text_is_the_json_text_until_it_passes_the_limit() {
        let value = serde_json::json!({"judges": ["J1", "审判员"], "total": "91.50"});
        let text = serde_json::to_string(&value).unwrap();
        assert_eq!(output_text(&value).unwrap(), text);
        assert_eq!(output_text_within(&value, text.len()).unwrap(), text);
        let e = output_text_within(&value, text.len() - 1).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::LimitExceeded, ""));
        assert_eq!(e.details.as_deref(), Some(&serde_json::json!({"limit": text.len() - 1})));
        assert!(e.message.contains(&(text.len() - 1).to_string()) && e.message_zh.contains("字节"));
    }

    #[test]
    fn the_longest_seat_line_fits_a_ledger_line() {
        // A pool row: ["<id>","<load>",<weight>,"<p>"], the widest of each,
        // the id made of control characters (each written as \u00XX).
        let id = "\\u0001".repeat(ID_BYTES);
        let row = format!("[\"{id}\",\"{}\",{},\"0.000001\"],", "-1000000.0000", u64::MAX);
        let seats = 15 * (ASSIGN_JUDGES * row.len() + 200);
        assert!(seats + 6 * 4 * (TEXT_BYTES + ID_BYTES) < LEDGER_LINE_BYTES, "{seats}");
    }
}
