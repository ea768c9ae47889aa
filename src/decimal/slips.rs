//! Typing slips in numbers written as text: the one place that decides
//! which are read and which are refused, and with what hint
//! (`docs/numbers.md` has the table).
//!
//! A figure typed per case or per judge (a page count, a scoring form value)
//! is [`Reading::Typed`]: spaces around it and full-width digits are undone,
//! since they can mean only one number. A number of a document that a
//! digest pins (assignment inputs, rule sets, standard configurations and
//! baselines, targets) is [`Reading::Pinned`]: every slip is refused with a
//! hint, so that the text a verifier rehashes has one spelling per value.
//! Thousands separators and percent signs are refused everywhere: "1,5" may
//! be 1.5 or 15, and "20%" may be 0.2 or 20 depending on the field.

use std::borrow::Cow;

/// Where a number is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// A figure typed per case or per judge.
    Typed,
    /// A number of a document pinned by a digest.
    Pinned,
}

/// A slip found in a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slip {
    /// Spaces (ASCII or full-width) before or after the number.
    Spaces,
    /// Full-width digits, point or minus (`１２．５`).
    FullWidth,
    /// A thousands separator (`1,200`, `1，200`, `1_200`, `1 200`).
    Separator,
    /// A percent sign (`20%`, `20％`).
    Percent,
}

/// A refused number: the slip (when the text is otherwise a number) and the
/// reason in both languages, quoting the value in short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The slip, or `None` when the text is no number at all.
    pub slip: Option<Slip>,
    /// English reason.
    pub message: String,
    /// Chinese reason.
    pub message_zh: String,
}

/// Characters of a value quoted in a message.
pub const EXCERPT_CHARS: usize = 40;

/// `text` cut to [`EXCERPT_CHARS`] characters (the last one `…` when cut).
pub fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT_CHARS {
        return text.to_string();
    }
    let mut short: String = text.chars().take(EXCERPT_CHARS - 1).collect();
    short.push('…');
    short
}

fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (u32::from(c) - u32::from('０')) as u8),
        '．' => '.',
        '－' => '-',
        other => other,
    }
}

fn is_full_width(c: char) -> bool {
    matches!(c, '０'..='９' | '．' | '－')
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | '，' | '_' | '\'') || c.is_whitespace()
}

/// Digits with an optional leading `-` and at most one point.
fn plain_number(text: &str) -> bool {
    let body = text.strip_prefix('-').unwrap_or(text);
    let mut points = 0;
    body.chars().any(|c| c.is_ascii_digit()) && body.chars().all(|c| c.is_ascii_digit() || (c == '.' && { points += 1; points == 1 }))
}

/// `text` with the slips that `reading` accepts undone (borrowed when there
/// are none), or why it is refused. Text that is no number at all, slips
/// aside, is returned as it is for the caller's own grammar to judge.
pub fn undo(text: &str, reading: Reading) -> Result<Cow<'_, str>, Refusal> {
    let trimmed = text.trim();
    let spaces = trimmed.len() != text.len();
    let full_width = trimmed.chars().any(is_full_width);
    let half: Cow<str> = if full_width { Cow::Owned(trimmed.chars().map(half_width).collect()) } else { Cow::Borrowed(trimmed) };
    if let Some(number) = half.strip_suffix(['%', '％']).map(str::trim_end) {
        let clean: String = number.chars().filter(|c| !is_separator(*c)).collect();
        if plain_number(&clean) {
            return Err(percent(text, &clean));
        }
    }
    if half.chars().any(is_separator) {
        let clean: String = half.chars().filter(|c| !is_separator(*c)).collect();
        if plain_number(&clean) {
            return Err(separator(text, &half, &clean));
        }
    }
    if reading == Reading::Pinned && plain_number(&half) {
        if full_width {
            return Err(refused(Slip::FullWidth, text, &half));
        }
        if spaces {
            return Err(refused(Slip::Spaces, text, &half));
        }
    }
    Ok(match half {
        Cow::Borrowed(t) if t.len() == text.len() => Cow::Borrowed(text),
        other => Cow::Owned(other.into_owned()),
    })
}

fn refused(slip: Slip, text: &str, fixed: &str) -> Refusal {
    let shown = excerpt(text);
    let (message, message_zh) = match slip {
        Slip::FullWidth => (
            format!("\"{shown}\" is written in full-width digits; write {fixed}"),
            format!("“{shown}”使用了全角数字，请改用半角数字，写作 {fixed}"),
        ),
        _ => (
            format!("\"{shown}\" has spaces around the number; write {fixed}"),
            format!("“{shown}”的数字前后有空格，请写作 {fixed}"),
        ),
    };
    Refusal { slip: Some(slip), message, message_zh }
}

fn separator(text: &str, half: &str, clean: &str) -> Refusal {
    let shown = excerpt(text);
    // A suggestion only when every group after the first has three digits (1,200 → 1200).
    let whole = half.split('.').next().unwrap_or_default();
    let groups: Vec<&str> = whole.split(is_separator).collect();
    let grouped = groups.len() > 1 && groups.iter().skip(1).all(|g| g.len() == 3);
    let (message, message_zh) = if grouped {
        (
            format!("\"{shown}\" contains a thousands separator; write {clean}"),
            format!("“{shown}”含有千位分隔符，请去掉分隔符，写作 {clean}"),
        )
    } else {
        (
            format!("\"{shown}\" contains a separator; write the number with digits and a point only (1.5, 1200)"),
            format!("“{shown}”含有分隔符，请只用数字和小数点书写（如 1.5、1200）"),
        )
    };
    Refusal { slip: Some(Slip::Separator), message, message_zh }
}

fn percent(text: &str, number: &str) -> Refusal {
    let shown = excerpt(text);
    let share = number.parse::<super::Decimal>().ok().and_then(|d| d.checked_div(super::Decimal::ONE_HUNDRED)).map(|d| d.normalize().to_string());
    let share = share.unwrap_or_else(|| "0.2".into());
    Refusal {
        slip: Some(Slip::Percent),
        message: format!("\"{shown}\" has a percent sign; write {share} where the field is a share of 1, or {number} where it counts percentage points"),
        message_zh: format!("“{shown}”带有百分号，请去掉百分号：该项以 1 为整体时写作 {share}，以百分点计时写作 {number}"),
    }
}

/// Why `text` is not a number, for a reader that found it is none: the slip
/// with its hint when there is one, else a plain refusal.
pub fn explain(text: &str, reading: Reading) -> Refusal {
    match undo(text, reading) {
        Err(refusal) => refusal,
        Ok(_) => {
            let shown = excerpt(text);
            Refusal { slip: None, message: format!("\"{shown}\" is not a number"), message_zh: format!("“{shown}”不是数字") }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_figures_lose_spaces_and_full_width_digits() {
        assert_eq!(undo(" 95 ", Reading::Typed).unwrap(), "95");
        assert_eq!(undo("１２．５", Reading::Typed).unwrap(), "12.5");
        assert_eq!(undo("\u{3000}－３", Reading::Typed).unwrap(), "-3");
        assert!(matches!(undo("12", Reading::Typed).unwrap(), Cow::Borrowed("12")));
        assert_eq!(undo("abc", Reading::Typed).unwrap(), "abc");
    }

    #[test]
    fn pinned_numbers_refuse_every_slip_with_a_hint() {
        let r = undo("１２", Reading::Pinned).unwrap_err();
        assert_eq!((r.slip, r.message_zh.as_str()), (Some(Slip::FullWidth), "“１２”使用了全角数字，请改用半角数字，写作 12"));
        assert_eq!(undo(" 95", Reading::Pinned).unwrap_err().slip, Some(Slip::Spaces));
        assert_eq!(undo("12", Reading::Pinned).unwrap(), "12");
    }

    #[test]
    fn separators_and_percent_signs_are_refused_in_both_readings() {
        for reading in [Reading::Typed, Reading::Pinned] {
            let r = undo("1,200", reading).unwrap_err();
            assert_eq!(r.message_zh, "“1,200”含有千位分隔符，请去掉分隔符，写作 1200");
            assert_eq!(undo("1，5", reading).unwrap_err().message_zh, "“1，5”含有分隔符，请只用数字和小数点书写（如 1.5、1200）");
            let r = undo("20%", reading).unwrap_err();
            assert_eq!(r.message_zh, "“20%”带有百分号，请去掉百分号：该项以 1 为整体时写作 0.2，以百分点计时写作 20");
            assert_eq!(undo("１２.５％", reading).unwrap_err().slip, Some(Slip::Percent));
            assert_eq!(undo("1_000", reading).unwrap_err().slip, Some(Slip::Separator));
        }
    }

    #[test]
    fn long_values_are_quoted_in_short() {
        let r = explain(&"x".repeat(500), Reading::Typed);
        assert_eq!(r.message_zh.chars().count(), EXCERPT_CHARS + "“”不是数字".chars().count());
        assert!(r.message_zh.contains('…'));
    }
}
