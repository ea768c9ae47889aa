//! Reading one cell: the text of a spreadsheet cell to the JSON value the
//! engine takes, or the reason it cannot be read, in English and Chinese.

use super::columns::Parse;
use super::labels::{self, Vocabulary};
use rust_decimal::Decimal;
use serde_json::Value;

/// Why a cell cannot be read: `(English, Chinese)`, each completing
/// "row 12, column 卷宗页数: …" / "第 12 行「卷宗页数」…".
pub type Reason = (String, String);

/// Named things a cell may refer to by id or by name.
#[derive(Debug, Default)]
pub struct Lookups {
    /// Case types: key and label of the standard configuration.
    pub case_types: Option<Vec<(String, Option<String>)>>,
    /// Departments: id and name.
    pub departments: Option<Vec<(String, Option<String>)>>,
    /// Judges: id and name.
    pub judges: Option<Vec<(String, Option<String>)>>,
    /// Zones of the rule set: id and name.
    pub zones: Option<Vec<(String, Option<String>)>>,
}

/// Full-width digits, point, minus and percent as ASCII: a Chinese input
/// method often types them.
fn ascii_digits(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '－' => '-',
            '％' => '%',
            _ => c,
        })
        .collect()
}

fn reason(en: impl Into<String>, zh: impl Into<String>) -> Reason {
    (en.into(), zh.into())
}

/// `-?[0-9]+(\.[0-9]+)?`, the engine's decimal text.
fn is_plain_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty() && !fraction.is_empty() && whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) && digits.len() <= 29
}

/// A decimal: as written, or a percentage divided by 100 exactly.
pub fn decimal(text: &str) -> Result<Value, Reason> {
    let text = ascii_digits(text);
    let not_number = || reason("not a number", "不是数字");
    if let Some(percent) = text.strip_suffix('%') {
        let percent = percent.trim();
        if !is_plain_decimal(percent) {
            return Err(not_number());
        }
        let value: Decimal = percent.parse().map_err(|_| not_number())?;
        let scaled = value.checked_div(Decimal::ONE_HUNDRED).ok_or_else(not_number)?;
        return Ok(Value::String(scaled.normalize().to_string()));
    }
    if is_plain_decimal(&text) {
        Ok(Value::String(text))
    } else {
        Err(not_number())
    }
}

/// A whole number of 0 or more (`12`, or `12.0` as a spreadsheet may write it).
pub fn count(text: &str) -> Result<Value, Reason> {
    let text = ascii_digits(text);
    if !is_plain_decimal(&text) {
        return Err(reason("not a number", "不是数字"));
    }
    let not_whole = || reason("not a whole number of 0 or more", "不是非负整数");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if text.starts_with('-') && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) || fraction.bytes().any(|b| b != b'0') {
        return Err(not_whole());
    }
    let whole = whole.trim_start_matches('-');
    match whole.parse::<u64>() {
        Ok(n) if n <= (1 << 53) => Ok(Value::from(n)),
        _ => Err(reason("too large", "数值过大")),
    }
}

/// 是/否 and their usual spellings.
pub fn boolean(text: &str) -> Result<Value, Reason> {
    match text.trim() {
        "是" | "Y" | "y" | "yes" | "Yes" | "YES" | "true" | "TRUE" | "True" | "1" | "√" | "✓" => Ok(Value::Bool(true)),
        "否" | "N" | "n" | "no" | "No" | "NO" | "false" | "FALSE" | "False" | "0" | "×" | "✗" => Ok(Value::Bool(false)),
        _ => Err(reason("not yes or no (是/否)", "不是“是”或“否”")),
    }
}

/// Days from 1970-01-01 to a civil date (proleptic Gregorian).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count from 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// A date: `2026-01-31`, `2026/1/31`, `2026.1.31`, `2026年1月31日`, or the
/// day number a spreadsheet stores for a date cell (1900 date system).
pub fn date(text: &str) -> Result<Value, Reason> {
    let text = ascii_digits(text);
    let bad = || reason("not a date (such as 2026-01-31)", "不是日期（如 2026-01-31）");
    // A date-and-time cell stores the time as the fraction of the day.
    let day_number = text.split_once('.').filter(|(_, f)| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit())).map_or(text.as_str(), |(d, _)| d);
    // Day numbers have 5 digits from 1927 on: shorter numbers ("2026.1",
    // "2026") are not taken for days of 1905.
    let (year, month, day) = if (5..=7).contains(&day_number.len()) && day_number.bytes().all(|b| b.is_ascii_digit()) {
        // Counted from 1899-12-30 (spreadsheets count a 29 February 1900, so
        // every day after it is one off from 1899-12-31).
        let serial: i64 = day_number.parse().map_err(|_| bad())?;
        if serial > 2_958_465 {
            return Err(bad());
        }
        civil_from_days(days_from_civil(1899, 12, 30) + serial)
    } else {
        let cleaned = text.trim_end_matches('日');
        let parts: Vec<&str> = cleaned.split(['-', '/', '.', '年', '月']).collect();
        let [y, m, d] = parts.as_slice() else { return Err(bad()) };
        let number = |s: &str, digits: std::ops::RangeInclusive<usize>| {
            (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<i64>().ok()).flatten()
        };
        let (Some(y), Some(m), Some(d)) = (number(y, 4..=4), number(m, 1..=2), number(d, 1..=2)) else { return Err(bad()) };
        if !(1..=12).contains(&m) || d < 1 || civil_from_days(days_from_civil(y, m, d)) != (y, m, d) {
            return Err(bad());
        }
        (y, m, d)
    };
    Ok(Value::String(format!("{year:04}-{month:02}-{day:02}")))
}

/// A word of a fixed vocabulary (id or label).
pub fn word(vocabulary: Vocabulary, text: &str, what: &str, what_zh: &str) -> Result<Value, Reason> {
    labels::id_of(vocabulary, text.trim()).map(Value::from).ok_or_else(|| {
        reason(
            format!("'{}' is not a known {what} ({})", text.trim(), labels::listed(vocabulary)),
            format!("「{}」不是已知的{what_zh}（{}）", text.trim(), labels::listed(vocabulary)),
        )
    })
}

/// A word of an open vocabulary: a known label becomes its id, anything else passes.
pub fn open_word(vocabulary: Vocabulary, text: &str) -> Value {
    Value::from(labels::id_of(vocabulary, text.trim()).unwrap_or(text.trim()))
}

/// A reference by id or name into `known`; without a list, the text itself.
pub fn reference(known: Option<&[(String, Option<String>)]>, text: &str, what: &str, what_zh: &str) -> Result<Value, Reason> {
    let text = text.trim();
    let Some(known) = known else { return Ok(Value::from(text)) };
    if known.iter().any(|(id, _)| id == text) {
        return Ok(Value::from(text));
    }
    let named: Vec<&String> = known.iter().filter(|(_, name)| name.as_deref() == Some(text)).map(|(id, _)| id).collect();
    match named.as_slice() {
        [id] => Ok(Value::from(id.as_str())),
        [] => Err(reason(format!("'{text}' is not a known {what}"), format!("「{text}」不是已知的{what_zh}"))),
        _ => Err(reason(
            format!("'{text}' names more than one {what}: write the id"),
            format!("「{text}」对应不止一个{what_zh}，请填写编号"),
        )),
    }
}

/// A case type: a configured label becomes its key, anything else passes.
fn case_type(lookups: &Lookups, text: &str) -> Value {
    let text = text.trim();
    let known = lookups.case_types.as_deref().unwrap_or(&[]);
    reference(Some(known), text, "", "").unwrap_or_else(|_| Value::from(text))
}

/// A list of case types. A label may itself hold the separator 、
/// (减刑、假释): the longest run of items that joins into a label is one type.
fn case_types(lookups: &Lookups, text: &str) -> Vec<Value> {
    let parts: Vec<&str> = items(text).collect();
    let known = lookups.case_types.as_deref().unwrap_or(&[]);
    let is_label = |joined: &str| known.iter().any(|(_, label)| label.as_deref() == Some(joined));
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let run = (2..=parts.len() - i).rev().find(|&n| is_label(&parts[i..i + n].join("、"))).unwrap_or(1);
        out.push(case_type(lookups, &parts[i..i + run].join("、")));
        i += run;
    }
    out
}

/// The items of a list cell, separated by 、 , ， ; ； or a line break.
pub fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split(['、', ',', '，', ';', '；', '\n', '|']).map(str::trim).filter(|s| !s.is_empty())
}

/// Read one filled-in cell (not blank) as `parse` says.
pub fn read(parse: Parse, text: &str, lookups: &Lookups) -> Result<Value, Reason> {
    let list = |f: &dyn Fn(&str) -> Result<Value, Reason>| items(text).map(f).collect::<Result<Vec<_>, _>>().map(Value::Array);
    match parse {
        Parse::Id | Parse::Text => Ok(Value::from(text.trim())),
        Parse::Decimal => decimal(text),
        Parse::Count => count(text),
        Parse::Bool => boolean(text),
        Parse::Date => date(text),
        Parse::Role => word(labels::ROLES, text, "role", "职务"),
        Parse::Availability => word(labels::AVAILABILITY, text, "availability", "在岗状态"),
        Parse::Category => Ok(open_word(labels::CATEGORIES, text)),
        Parse::Procedure => Ok(open_word(labels::PROCEDURES, text)),
        Parse::Complexity => Ok(open_word(labels::COMPLEXITY, text)),
        Parse::CaseType => Ok(case_type(lookups, text)),
        Parse::CaseTypes => Ok(Value::Array(case_types(lookups, text))),
        Parse::Department => reference(lookups.departments.as_deref(), text, "department", "部门"),
        Parse::Judge => reference(lookups.judges.as_deref(), text, "judge", "法官"),
        Parse::Judges => list(&|item| reference(lookups.judges.as_deref(), item, "judge", "法官")),
        Parse::Texts => Ok(Value::Array(items(text).map(Value::from).collect())),
        Parse::Zone => reference(lookups.zones.as_deref(), text, "zone", "考核区"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_accepted_form() {
        for text in ["2026-01-31", "2026/1/31", "2026.1.31", "2026年1月31日", "２０２６-01-31", "46053", "46053.75"] {
            assert_eq!(date(text), Ok(Value::from("2026-01-31")), "{text}");
        }
        assert_eq!(date("10000"), Ok(Value::from("1927-05-18")));
        assert_eq!(date("2958465"), Ok(Value::from("9999-12-31")));
        for text in ["2026-02-30", "2026-13-01", "60", "9999", "2958466", "26-1-1", "2026-01", "明天", "46053.", "2026.1"] {
            assert!(date(text).is_err(), "{text}");
        }
    }

    #[test]
    fn numbers_percentages_and_counts() {
        assert_eq!(decimal("0.55"), Ok(Value::from("0.55")));
        assert_eq!(decimal("96.5%"), Ok(Value::from("0.965")));
        assert_eq!(decimal("１．５"), Ok(Value::from("1.5")));
        for text in ["1e3", ".5", "1.", "+1", "1,000", "十二"] {
            assert_eq!(decimal(text).unwrap_err().1, "不是数字", "{text}");
        }
        assert_eq!(count("12"), Ok(Value::from(12)));
        assert_eq!(count("12.00"), Ok(Value::from(12)));
        assert_eq!(count("-0"), Ok(Value::from(0)));
        assert_eq!(count("12.5").unwrap_err().1, "不是非负整数");
        assert_eq!(count("-3").unwrap_err().1, "不是非负整数");
        assert_eq!(count("abc").unwrap_err().1, "不是数字");
        assert_eq!(count("99999999999999999999").unwrap_err().1, "数值过大");
    }
}
