//! Quoted values in messages cut to a short excerpt: an error about a 50 MB
//! field names the field and shows the start of its value, not all of it.

/// Most characters of a quoted value kept in a message.
pub const MAX_QUOTED_CHARS: usize = 40;

/// The closing quote of an opening one, for the quotes messages use around
/// values: `"…"` (serde, with `\"` escapes), `'…'`, `“…”` and `「…」`.
fn closing(open: char, before: Option<char>) -> Option<char> {
    let starts_word = before.map_or(true, |c| c.is_whitespace() || "([{:=,".contains(c));
    match open {
        '"' if starts_word => Some('"'),
        // An apostrophe inside a word ("judge's") opens nothing.
        '\'' if starts_word => Some('\''),
        '“' => Some('”'),
        '「' => Some('」'),
        _ => None,
    }
}

/// `message` with every quoted value longer than [`MAX_QUOTED_CHARS`] cut to
/// that many characters and an ellipsis. Short messages come back unchanged.
pub fn excerpted(message: String) -> String {
    if message.chars().count() <= MAX_QUOTED_CHARS {
        return message;
    }
    let mut out = String::with_capacity(message.len().min(4096));
    let mut chars = message.chars().peekable();
    let mut before = None;
    while let Some(c) = chars.next() {
        out.push(c);
        let Some(close) = closing(c, before) else {
            before = Some(c);
            continue;
        };
        // Copy the quoted value, keeping at most MAX_QUOTED_CHARS of it.
        let (mut kept, mut escaped, mut closed) = (0usize, false, false);
        while let Some(q) = chars.next() {
            let ends = q == close && !escaped && (close != '\'' || chars.peek().map_or(true, |n| !n.is_alphanumeric()));
            if ends {
                if kept > MAX_QUOTED_CHARS {
                    out.push('…');
                }
                out.push(q);
                closed = true;
                before = Some(q);
                break;
            }
            escaped = close == '"' && q == '\\' && !escaped;
            kept += 1;
            if kept <= MAX_QUOTED_CHARS {
                out.push(q);
            }
        }
        if !closed {
            if kept > MAX_QUOTED_CHARS {
                out.push('…');
            }
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quoted_values_are_cut_and_the_rest_is_kept() {
        let long = "x".repeat(1000);
        let cut = excerpted(format!("invalid type: string \"{long}\", expected a number"));
        assert_eq!(cut, format!("invalid type: string \"{}…\", expected a number", "x".repeat(MAX_QUOTED_CHARS)));
        let zh = excerpted(format!("案件“{}”不存在", "值".repeat(500)));
        assert_eq!(zh, format!("案件“{}…”不存在", "值".repeat(MAX_QUOTED_CHARS)));
        let corner = excerpted(format!("unknown case type '{long}' in 「{long}」"));
        assert_eq!(corner, format!("unknown case type '{x}…' in 「{x}…」", x = "x".repeat(MAX_QUOTED_CHARS)));
    }

    #[test]
    fn short_values_apostrophes_and_escapes_are_left_alone() {
        let text = "the judge's cases: 'a' and \"b\\\"c\" are fine, as is everything after them".to_string();
        assert_eq!(excerpted(text.clone()), text);
        let unclosed = excerpted(format!("bad value \"{}", "y".repeat(100)));
        assert_eq!(unclosed, format!("bad value \"{}…", "y".repeat(MAX_QUOTED_CHARS)));
    }
}
