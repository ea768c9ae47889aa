//! The path of the field a JSON parse failed at, found from the position
//! serde_json reports: `judges[2].caseTypes[0]`, written as field names
//! joined by dots with array indices in brackets ("" for the whole input).
//!
//! Deserialising with a path-tracking wrapper costs a monomorphised copy of
//! every visitor per input type (about a quarter of the WebAssembly); here
//! the inputs are read by plain serde_json, and only a failure walks the
//! text once more, up to the error, with this one small scanner.

/// What the scanner is inside of.
enum Frame {
    /// An object, and the key whose value is being read.
    Object(Option<String>),
    /// An array, and the index of the element being read.
    Array(usize),
}

/// The path of the value holding byte `offset` of `text` (or ending there),
/// as serde_json positions its errors: at a value's first byte when its
/// kind is wrong, just past it when its content is, and at or past the
/// closing bracket when an object lacks a member.
pub fn path_at(text: &[u8], offset: usize) -> String {
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    loop {
        while i < text.len() && text[i].is_ascii_whitespace() {
            i += 1;
        }
        let Some(&byte) = text.get(i) else { return path(&frames, true) };
        let expecting_key = matches!(frames.last(), Some(Frame::Object(None)));
        match byte {
            b'{' | b'[' => {
                if offset <= i {
                    return path(&frames, true);
                }
                frames.push(if byte == b'{' { Frame::Object(None) } else { Frame::Array(0) });
                i += 1;
            }
            b'}' | b']' => {
                if offset <= i {
                    return path(&frames, false);
                }
                frames.pop();
                i += 1;
                if offset <= i || frames.is_empty() {
                    return path(&frames, true);
                }
                value_done(&mut frames);
            }
            b',' => {
                if offset <= i {
                    return path(&frames, false);
                }
                i += 1;
            }
            b':' => i += 1,
            b'"' if expecting_key => {
                let end = string_end(text, i);
                let key = serde_json::from_slice::<String>(&text[i..end]).unwrap_or_default();
                if let Some(last) = frames.last_mut() {
                    *last = Frame::Object(Some(key));
                }
                if offset <= end {
                    return path(&frames, true);
                }
                i = end;
            }
            _ => {
                let end = if byte == b'"' { string_end(text, i) } else { scalar_end(text, i) };
                if offset <= end || frames.is_empty() {
                    return path(&frames, true);
                }
                value_done(&mut frames);
                i = end;
            }
        }
    }
}

/// A value of the innermost container is complete: forget its key, or move
/// to the next index.
fn value_done(frames: &mut [Frame]) {
    match frames.last_mut() {
        Some(Frame::Object(key)) => *key = None,
        Some(Frame::Array(index)) => *index += 1,
        None => {}
    }
}

/// Just past the string starting at `start` (its opening quote).
fn string_end(text: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while let Some(&byte) = text.get(i) {
        match byte {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    text.len()
}

/// Just past the number or literal starting at `start`.
fn scalar_end(text: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < text.len() && !matches!(text[i], b',' | b'}' | b']' | b':' | b'"' | b'{' | b'[') && !text[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The frames' path; the innermost frame's own key or index only when
/// `with_last` (a value inside it, rather than the container itself).
fn path(frames: &[Frame], with_last: bool) -> String {
    let count = if with_last { frames.len() } else { frames.len().saturating_sub(1) };
    let mut out = String::new();
    for frame in frames.iter().take(count) {
        match frame {
            Frame::Object(Some(key)) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// The byte offset of serde_json's `line` (from 1) and `column` (bytes
/// from the start of that line).
pub fn offset_of(text: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text.get(start..).and_then(|rest| rest.iter().position(|&b| b == b'\n')) {
            Some(newline) => start += newline + 1,
            None => return text.len(),
        }
    }
    (start + column).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, marker: &str) -> String {
        path_at(text.as_bytes(), text.find(marker).unwrap())
    }

    #[test]
    fn paths_of_values_keys_and_containers() {
        let text = r#"{"judges": [{"id": "J1", "caseTypes": ["a", 5]}, {"id": 7}], "seed": "x"}"#;
        assert_eq!(at(text, "5]"), "judges[0].caseTypes[1]");
        assert_eq!(at(text, "7}"), "judges[1].id");
        assert_eq!(at(text, "\"x\""), "seed");
        // Just past a string value (a bad decimal, an unknown variant).
        assert_eq!(path_at(text.as_bytes(), text.find("\"J1\"").unwrap() + 4), "judges[0].id");
        // At a closing bracket (a missing member) and just past it.
        assert_eq!(path_at(text.as_bytes(), text.find("}, {").unwrap() + 1), "judges[0]");
        // Right after a closing bracket, the container just closed.
        assert_eq!(path_at(text.as_bytes(), text.find("]}, {").unwrap() + 1), "judges[0].caseTypes");
        assert_eq!(at(r#"{"a": {"b": 1 } }"#, "}"), "a");
        assert_eq!(at(r#"{"a": {"b": 1 }, "c": 2}"#, ", "), "a");
        // Just past a key (an unknown field).
        assert_eq!(path_at(text.as_bytes(), text.find("\"seed\"").unwrap() + 6), "seed");
        // The whole input.
        assert_eq!(path_at(text.as_bytes(), text.len()), "");
        assert_eq!(path_at(b"[1, 2]", 4), "[1]");
    }

    #[test]
    fn offsets_from_lines_and_columns() {
        assert_eq!(offset_of(b"ab\ncd\nef", 3, 1), 7);
        assert_eq!(offset_of(b"ab", 1, 2), 2);
        assert_eq!(offset_of(b"ab", 5, 0), 2);
    }
}
