//! Canonical JSON, SHA-256 digests, and parsing with field paths.
//!
//! Canonical JSON (specified in `docs/canonical-json.md`) is RFC 8785 (JCS)
//! restricted to integers: object members sorted by the UTF-16 code units of
//! their names, no insignificant whitespace, strings escaped as
//! `JSON.stringify` does, numbers only as integers. Decimal quantities are
//! always strings, so no binary floating point ever reaches a digest.

use crate::error::{Error, ErrorCode, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Canonical JSON bytes of any serialisable value.
pub fn to_canonical_bytes<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>> {
    let value = serde_json::to_value(value)
        .map_err(|e| Error::new(ErrorCode::Internal, "", format!("serialisation failed: {e}"), format!("序列化失败：{e}")))?;
    let mut out = Vec::with_capacity(256);
    write_canonical(&value, &mut out)?;
    Ok(out)
}

/// Canonical JSON text of any serialisable value.
pub fn to_canonical_string<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    // The writer only emits valid UTF-8.
    String::from_utf8(to_canonical_bytes(value)?)
        .map_err(|e| Error::new(ErrorCode::Internal, "", e.to_string(), e.to_string()))
}

/// Write `value` as canonical JSON. Fails on non-integer numbers.
pub fn write_canonical(value: &Value, out: &mut Vec<u8>) -> Result<()> {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(n) => {
            if n.is_i64() || n.is_u64() {
                out.extend_from_slice(n.to_string().as_bytes());
            } else {
                return Err(Error::new(
                    ErrorCode::Internal,
                    "",
                    "canonical JSON admits only integers; decimals must be strings",
                    "规范 JSON 只允许整数；小数必须写成字符串",
                ));
            }
        }
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out)?;
            }
            out.push(b']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
            out.push(b'{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_string(key, out);
                out.push(b':');
                write_canonical(&map[key.as_str()], out)?;
            }
            out.push(b'}');
        }
    }
    Ok(())
}

/// Write a JSON string exactly as ECMAScript `JSON.stringify` does for
/// well-formed strings.
pub fn write_string(s: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    for &byte in s.as_bytes() {
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            0x00..=0x1f => {
                out.extend_from_slice(b"\\u00");
                out.push(HEX[(byte >> 4) as usize]);
                out.push(HEX[(byte & 0xf) as usize]);
            }
            _ => out.push(byte),
        }
    }
    out.push(b'"');
}

/// SHA-256 of bytes.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 0xf) as usize] as char);
    }
    s
}

/// Parse lower- or upper-case hex of exactly `N` bytes.
pub fn parse_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let bytes = text.as_bytes();
    if bytes.len() != N * 2 {
        return None;
    }
    let mut out = [0u8; N];
    for (i, pair) in bytes.chunks_exact(2).enumerate() {
        let hi = (pair[0] as char).to_digit(16)?;
        let lo = (pair[1] as char).to_digit(16)?;
        out[i] = (hi * 16 + lo) as u8;
    }
    Some(out)
}

/// `sha256:`-less lower-case hex SHA-256 of the canonical JSON of `value`.
pub fn digest_of<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    Ok(hex(&sha256(&to_canonical_bytes(value)?)))
}

mod json_path;

/// Deserialize from JSON text, reporting the path of the offending field.
pub fn from_json_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| {
        let error = parse_error(text.as_bytes(), &e);
        // serde_json reports a value of the wrong kind for an enum (`"role": 5`)
        // as "expected value", as it does a syntax error: only text that is
        // not JSON at all is MALFORMED_JSON.
        let mut error = if error.code == ErrorCode::MalformedJson && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
            Error::invalid_input(error.path, error.message.trim_start_matches("malformed JSON: "))
        } else {
            error
        };
        if error.code != ErrorCode::MalformedJson {
            crate::error::subject::name_from_input(&mut error, text);
        }
        error
    })
}

/// Deserialize from a parsed JSON value, reporting the path of the offending field.
///
/// Read through the value's text, so every input type has one set of serde
/// visitors (serde_json's text reader) rather than a second set for `Value`
/// in each build. The text keeps the value's member order, so the first
/// fault, its message and its path are those the value itself gives.
pub fn from_json_value<T: DeserializeOwned>(value: Value) -> Result<T> {
    let text = value.to_string();
    drop(value);
    serde_json::from_str(&text).map_err(|e| {
        let path = error_path(text.as_bytes(), &e);
        // A parsed value is JSON: any failure is a wrong shape, not
        // malformed text. The text reader's "expected value" for an enum
        // given another kind of value is said as the value's reader says it.
        let mut message = e.to_string();
        if message.starts_with("expected value") {
            message = enum_of_wrong_kind(&text, &e);
        }
        let error = coded_error(path, &message);
        let mut error = if error.code == ErrorCode::MalformedJson {
            Error::invalid_input(error.path, error.message.trim_start_matches("malformed JSON: "))
        } else {
            error
        };
        crate::error::subject::name_from_input(&mut error, &text);
        error
    })
}

/// serde_json's message for a `Value` that is neither a string nor an
/// object where an enum is read: "invalid type: integer `5`, expected
/// string or map", from the value that starts where `error` peeked.
#[cold]
fn enum_of_wrong_kind(text: &str, error: &serde_json::Error) -> String {
    use serde::de::Unexpected;
    let offset = json_path::offset_of(text.as_bytes(), error.line(), error.column()).saturating_sub(1);
    let found = text.get(offset..).and_then(|rest| serde_json::Deserializer::from_str(rest).into_iter::<Value>().next()?.ok());
    let unexpected = match &found {
        Some(Value::Null) => Unexpected::Unit,
        Some(Value::Bool(b)) => Unexpected::Bool(*b),
        Some(Value::Number(n)) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            (None, None) => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Some(Value::Array(_)) => Unexpected::Seq,
        Some(Value::Object(_)) => Unexpected::Map,
        Some(Value::String(_)) | None => return error.to_string(),
    };
    <serde_json::Error as serde::de::Error>::invalid_type(unexpected, &"string or map").to_string()
}

/// A serde_json error on `text` as a coded error with the path of the field
/// it stopped at.
pub fn parse_error(text: &[u8], error: &serde_json::Error) -> Error {
    coded_error(error_path(text, error), &error.to_string())
}

/// The path of the field serde_json stopped at in `text`.
fn error_path(text: &[u8], error: &serde_json::Error) -> String {
    let mut offset = json_path::offset_of(text, error.line(), error.column());
    // "expected value" is placed just past the byte it peeked (the `[` given
    // for an enum, say): the value itself is at fault, not its first member.
    let message = error.to_string();
    if message.starts_with("expected value") {
        offset = offset.saturating_sub(1);
    }
    let path = json_path::path_at(text, offset);
    // A repeated member is refused once its key is read; the fault is the
    // object's, as for a missing member.
    if let Some(key) = message.strip_prefix("duplicate field `").and_then(|rest| rest.split('`').next()) {
        if let Some(object) = path.strip_suffix(key) {
            return object.strip_suffix('.').unwrap_or(object).to_string();
        }
    }
    path
}

/// Code a deserialisation failure by serde_json's message.
fn coded_error(path: String, inner: &str) -> Error {
    if inner.starts_with("recursion limit exceeded") {
        let limit = crate::limits::NESTING;
        return crate::limits::exceeded(
            &path,
            format!("the input is nested deeper than {limit} levels"),
            format!("输入的嵌套超过 {limit} 层"),
            limit,
        );
    }
    let syntax = ["EOF while parsing", "expected value at line", "key must be a string", "trailing characters"];
    if syntax.iter().any(|s| inner.contains(s)) {
        Error::new(ErrorCode::MalformedJson, path, format!("malformed JSON: {inner}"), crate::error::parser::malformed_json_zh(&inner))
    } else {
        Error::invalid_input(path, inner)
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[test]
    fn sorts_keys_by_utf16_and_escapes_like_json_stringify() {
        let v = json!({"b": 1, "a": [true, null, "x\"\\\n\u{1}"], "\u{e000}": 0, "\u{10000}": 0, "é": -5});
        let s = to_canonical_string(&v).unwrap();
        // U+10000 is the surrogate pair D800 DC00, which sorts before U+E000 in UTF-16.
        assert_eq!(s, "{\"a\":[true,null,\"x\\\"\\\\\\n\\u0001\"],\"b\":1,\"é\":-5,\"\u{10000}\":0,\"\u{e000}\":0}");
    }

    #[test]
    fn refuses_floats() {
        assert!(to_canonical_bytes(&json!({"x": 1.5})).is_err());
    }

    #[test]
    fn sha256_known_vector() {
        assert_eq!(hex(&sha256(b"abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn hex_round_trip() {
        let bytes: [u8; 4] = parse_hex("00ffA0b1").unwrap();
        assert_eq!(hex(&bytes), "00ffa0b1");
        assert!(parse_hex::<4>("00ffA0b").is_none());
        assert!(parse_hex::<1>("zz").is_none());
    }

    #[test]
    fn a_wrong_kind_of_value_for_an_enum_is_invalid_input_not_malformed_json() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(rename_all = "camelCase")]
        enum Role { Judge }
        #[derive(serde::Deserialize, Debug)]
        struct Judge { #[allow(dead_code)] role: Role }
        for text in [r#"{"role":5}"#, r#"{"role":null}"#, r#"{"role":[1]}"#] {
            let err = from_json_str::<Judge>(text).unwrap_err();
            assert_eq!((err.code, err.path.as_str()), (ErrorCode::InvalidInput, "role"), "{text}");
        }
        assert_eq!(from_json_str::<Judge>(r#"{"role":}"#).unwrap_err().code, ErrorCode::MalformedJson);
    }

    #[test]
    fn a_nested_enum_of_the_wrong_kind_is_reported_as_the_value_reader_reports_it() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(rename_all = "camelCase")]
        enum Role { Judge }
        #[derive(serde::Deserialize, Debug)]
        struct Judge { #[allow(dead_code)] role: Role }
        #[derive(serde::Deserialize, Debug)]
        struct Court { #[allow(dead_code)] judges: Vec<Judge> }
        for (value, shown) in [(json!(5), "integer `5`"), (json!(-2), "integer `-2`"), (json!(1.5), "floating point `1.5`"),
            (json!(true), "boolean `true`"), (json!(null), "null"), (json!([1]), "sequence")] {
            let input = json!({"judges": [{"role": "judge"}, {"role": value}]});
            let by_value = Judge::deserialize(&input["judges"][1]).unwrap_err().to_string();
            assert_eq!(by_value, format!("invalid type: {shown}, expected string or map"));
            let err = from_json_value::<Court>(input).unwrap_err();
            assert_eq!((err.code, err.path.as_str()), (ErrorCode::InvalidInput, "judges[1].role"), "{value}");
            assert_eq!(err.message, format!("invalid input: role: {by_value}"), "{value}");
        }
    }

    #[test]
    fn path_of_bad_field() {
        #[derive(serde::Deserialize, Debug)]
        struct Pages { #[allow(dead_code)] dossier: u32 }
        #[derive(serde::Deserialize, Debug)]
        struct Case { #[allow(dead_code)] pages: Pages }
        #[derive(serde::Deserialize, Debug)]
        struct Input { #[allow(dead_code)] cases: Vec<Case> }
        let err = from_json_str::<Input>(r#"{"cases":[{"pages":{"dossier":1}},{"pages":{"dossier":-3}}]}"#).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert_eq!(err.path, "cases[1].pages.dossier");
        let err = from_json_str::<Input>(r#"{"cases":[}"#).unwrap_err();
        assert_eq!(err.code, ErrorCode::MalformedJson);
    }
}
