//! The parser's failures (serde, serde_json) as messages in English and in
//! Chinese, naming the field as the office knows it and quoting the value
//! in short. serde writes its failures in a few fixed English shapes
//! (`missing field`, `unknown field`, `invalid type: …, expected …`); each is
//! read here and said again in Chinese, so no parser English reaches
//! `messageZh`.

use crate::decimal::slips::{self, excerpt, Reading};

/// Joins a reason's English and Chinese inside one serde custom error
/// (`E::custom(bilingual(en, zh))`), split again by [`reason`].
const SEPARATOR: char = '\u{1f}';

/// One custom deserialisation error carrying both languages.
pub fn bilingual(en: &str, zh: &str) -> String {
    format!("{en}{SEPARATOR}{zh}")
}

/// The English and Chinese reason for a parser failure at `path`, each
/// starting with the field's name.
pub fn reason(raw: &str, path: &str) -> (String, String) {
    let text = without_position(raw);
    let (en, zh) = match text.split_once(SEPARATOR) {
        Some((en, zh)) => (en.to_string(), zh.to_string()),
        None => (text.to_string(), in_chinese(text)),
    };
    match field(path) {
        Some(name) => {
            let label = field_zh(name).map_or_else(|| format!("「{name}」"), |zh| format!("「{zh}」（{name}）"));
            (format!("{name}: {en}"), format!("{label}：{zh}"))
        }
        None => (en, zh),
    }
}

/// The Chinese message for text that is not JSON, with the position.
pub fn malformed_json_zh(raw: &str) -> String {
    let text = without_position(raw);
    let position = raw[text.len()..].trim_start().strip_prefix("at line ").and_then(|t| t.split_once(" column "));
    let what = if text.starts_with("EOF") { "，文本在此处意外结束" } else { "" };
    match position {
        Some((line, column)) => format!("JSON 格式错误：第 {line} 行第 {column} 列{what}"),
        None => format!("JSON 格式错误{what}"),
    }
}

/// The message without serde_json's ` at line L column C`.
fn without_position(text: &str) -> &str {
    let Some(at) = text.rfind(" at line ") else { return text };
    let tail = &text[at + " at line ".len()..];
    let mut words = tail.split(' ');
    let numeric = |w: Option<&str>| w.is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    if numeric(words.next()) && words.next() == Some("column") && numeric(words.next()) && words.next().is_none() {
        &text[..at]
    } else {
        text
    }
}

/// The last member name of a path (`judges[3].share` → `share`); `None`
/// for the whole input or a position.
fn field(path: &str) -> Option<&str> {
    let last = path.rsplit('.').next()?;
    (!last.is_empty() && !last.contains('[')).then_some(last)
}

/// The Chinese name of a member, as the offices call it.
pub fn field_zh(name: &str) -> Option<&'static str> {
    Some(match name {
        "share" => "办案比例",
        "load" => "已有工作量",
        "weight" => "权重",
        "weights" => "权重",
        "caseType" => "案件类型",
        "caseTypes" => "案件类型",
        "department" => "庭室",
        "role" => "职务",
        "availability" => "在岗状态",
        "panelSize" => "合议庭人数",
        "id" => "编号",
        "name" => "姓名",
        "judge" => "承办法官",
        "judges" => "法官",
        "cases" => "案件",
        "pages" => "页数",
        "dossier" => "卷宗页数",
        "transcript" => "庭审笔录页数",
        "judgment" => "裁判文书页数",
        "coefficient" => "转换系数",
        "baseWeight" => "基础案件权重系数",
        "fixed" => "固定分值",
        "procedures" => "程序案件权重系数",
        "complexity" => "繁简案件浮动系数",
        "goal" => "目标系数",
        "expectedIntake" => "预计收案数",
        "intake" => "收案数",
        "perJudgeAverage" => "上年人均标准案件数",
        "totalStandard" => "上年标准案件总数",
        "monthlyProfile" => "月度分布",
        "actual" => "已结标准案件数",
        "year" => "年度",
        "maxProbability" => "单人最大概率",
        "tolerance" => "均衡容差",
        "panelMemberShare" => "合议庭成员折算比例",
        "minPool" => "最小候选人数",
        "maxPool" => "最大候选人数",
        "values" => "指标值",
        "cap" => "上限",
        "floor" => "下限",
        "min" => "最小值",
        "max" => "最大值",
        "scale" => "满分",
        "weightsMustSumTo" => "权重合计",
        "rounding" => "舍入规则",
        "places" => "小数位数",
        _ => return None,
    })
}

/// A serde failure said in Chinese.
fn in_chinese(text: &str) -> String {
    if let Some(rest) = text.strip_prefix("unknown field ") {
        let (name, expected) = quoted_and_rest(rest);
        return format!("不认识的字段「{}」{}", excerpt(name), choices(expected));
    }
    if let Some(rest) = text.strip_prefix("missing field ") {
        let name = quoted_and_rest(rest).0;
        return match field_zh(name) {
            Some(zh) => format!("缺少必填字段「{zh}」（{name}）"),
            None => format!("缺少必填字段「{name}」"),
        };
    }
    if let Some(rest) = text.strip_prefix("duplicate field ") {
        return format!("字段「{}」重复出现", quoted_and_rest(rest).0);
    }
    if let Some(rest) = text.strip_prefix("unknown variant ") {
        let (name, expected) = quoted_and_rest(rest);
        return format!("“{}”不是可选的取值{}", excerpt(name), choices(expected));
    }
    for (prefix, invalid_value) in [("invalid type: ", false), ("invalid value: ", true)] {
        if let Some(rest) = text.strip_prefix(prefix) {
            let (got, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
            if let Some(string) = got.strip_prefix("string \"").and_then(|s| s.strip_suffix('"')) {
                if expects_number(expected) {
                    return slips::explain(&unescape(string), Reading::Pinned).message_zh;
                }
            }
            let what = if invalid_value { "取值不符合要求" } else { "类型不符" };
            return format!("{what}：应为{}，实为{}", expected_zh(expected), unexpected_zh(got));
        }
    }
    if let Some(rest) = text.strip_prefix("invalid length ") {
        let (n, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("长度为 {n}，应为{}", expected_zh(expected));
    }
    if text.contains("number out of range") {
        return "数值超出可表示的范围".into();
    }
    "格式不符合要求".into()
}

/// serde quotes a string value with Rust's `Debug` escapes (`\"`,
/// `\u{3000}`); they are undone to show the value as typed.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('0') => out.push('\0'),
            Some('u') => {
                let code: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                out.extend(u32::from_str_radix(&code, 16).ok().and_then(char::from_u32));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

fn expects_number(expected: &str) -> bool {
    expected.contains("Decimal") || expected.starts_with("a decimal") || expected.starts_with("a number")
}

/// The name in backquotes at the start of `rest`, and what follows it.
fn quoted_and_rest(rest: &str) -> (&str, &str) {
    let body = rest.strip_prefix('`').unwrap_or(rest);
    match body.split_once('`') {
        Some((name, after)) => (name, after),
        None => (body, ""),
    }
}

/// `, expected one of `a`, `b`` → `（可选：a、b）`.
fn choices(expected: &str) -> String {
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    if names.is_empty() {
        String::new()
    } else if names.len() > 12 {
        format!("（可选：{} 等 {} 项）", names[..12].join("、"), names.len())
    } else {
        format!("（可选：{}）", names.join("、"))
    }
}

fn expected_zh(expected: &str) -> &'static str {
    let e = expected.trim();
    if expects_number(e) {
        "数值"
    } else if e.starts_with('u') && e[1..].bytes().all(|b| b.is_ascii_digit()) || e == "usize" || e.contains("page count") {
        "非负整数"
    } else if e.starts_with('i') && e[1..].bytes().all(|b| b.is_ascii_digit()) {
        "整数"
    } else if e.contains("string") {
        "文本"
    } else if e.contains("boolean") {
        "布尔值（true 或 false）"
    } else if e.contains("sequence") || e.contains("array") || e.contains("list") || e.starts_with("a tuple") {
        "数组"
    } else if e.starts_with("struct ") || e.contains("map") || e.contains("object") {
        "对象"
    } else if e.starts_with("enum ") || e.contains("variant") {
        "可选的取值之一"
    } else {
        "符合格式的值"
    }
}

fn unexpected_zh(got: &str) -> String {
    let value = |prefix: &str| got.strip_prefix(prefix).map(|v| excerpt(v.trim_matches(|c| c == '`' || c == '"')));
    if let Some(v) = value("string ") {
        format!("文本“{v}”")
    } else if let Some(v) = value("integer ") {
        format!("整数 {v}")
    } else if let Some(v) = value("floating point ") {
        format!("数值 {v}")
    } else if let Some(v) = value("boolean ") {
        format!("布尔值 {v}")
    } else {
        match got {
            "null" | "unit value" => "空值（null）".into(),
            "map" => "对象".into(),
            "sequence" => "数组".into(),
            _ => "其他值".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zh(raw: &str, path: &str) -> String {
        reason(raw, path).1
    }

    #[test]
    fn serde_shapes_in_chinese() {
        assert_eq!(
            zh("invalid value: string \"20%\", expected a Decimal type representing a fixed-point number at line 1 column 9", "indicators[0].weight"),
            "「权重」（weight）：“20%”带有百分号，请去掉百分号：该项以 1 为整体时写作 0.2，以百分点计时写作 20"
        );
        assert_eq!(zh("missing field `share`", "judges[2]"), "缺少必填字段「办案比例」（share）");
        assert_eq!(zh("unknown field `totalCap`, expected one of `id`, `version`", ""), "不认识的字段「totalCap」（可选：id、version）");
        assert_eq!(zh("unknown variant `boss`, expected one of `judge`, `president`", "judges[0].role"), "「职务」（role）：“boss”不是可选的取值（可选：judge、president）");
        assert_eq!(zh("invalid type: string \"12\", expected u64", "expectedIntake"), "「预计收案数」（expectedIntake）：类型不符：应为非负整数，实为文本“12”");
        assert_eq!(zh("invalid type: null, expected a string at line 3 column 4", "cases[0].id"), "「编号」（id）：类型不符：应为文本，实为空值（null）");
        assert_eq!(zh(&bilingual("bad", "坏"), "x"), "「x」：坏");
        assert_eq!(reason("missing field `share` at line 1 column 2", "judges[0]").0, "missing field `share`");
        assert_eq!(reason("invalid type: null, expected a string", "cases[0].id").0, "id: invalid type: null, expected a string");
    }

    #[test]
    fn quoted_values_are_shown_as_typed() {
        assert_eq!(unescape(r#"\u{3000}９５ \"x\" \\ \t"#), "\u{3000}９５ \"x\" \\ \t");
    }

    #[test]
    fn malformed_json_gives_the_position() {
        assert_eq!(malformed_json_zh("EOF while parsing a value at line 1 column 9"), "JSON 格式错误：第 1 行第 9 列，文本在此处意外结束");
        assert_eq!(malformed_json_zh("key must be a string at line 2 column 3"), "JSON 格式错误：第 2 行第 3 列");
    }

    #[test]
    fn no_parser_english_in_chinese() {
        for raw in [
            "invalid length 3, expected a tuple of 2",
            "duplicate field `id`",
            "invalid type: map, expected a sequence",
            "something else entirely",
        ] {
            let text = zh(raw, "");
            for word in ["invalid", "expected", "field", "type", "unknown", "missing", "string", "value", "map", "sequence"] {
                assert!(!text.contains(word), "{raw} → {text}");
            }
        }
    }
}
