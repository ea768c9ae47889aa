//! Inputs and results laid out as a grid with Chinese headers, the form a
//! management office keeps: the same input gives the same grid, cell for
//! cell. The package's `import.mjs` writes it as CSV or XLSX.

use super::columns::{self, Column, Parse};
use super::labels::{self, Vocabulary};
use super::Named;
use crate::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What is exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ExportKind {
    /// Judges of an assignment input (the import format, read back by `importTable`).
    Judges,
    /// Cases of an assignment input (the import format).
    Cases,
    /// Closed cases of a standard-cases input (the import format).
    ClosedCases,
    /// Judge forms of a scoring input (the import format).
    Evaluations,
    /// A ledger (its text): one row per entry.
    Ledger,
    /// An `auditLedger` report: one row per judge.
    Audit,
    /// A `standardCases` result: one row per case.
    StandardCases,
    /// A `standardCases` result: one row per judge.
    StandardJudges,
    /// A `standardTargets` result: one row per judge, with months and progress.
    Targets,
    /// A `scoreTable` result: one row per judge.
    ScoreTable,
}

/// Input of `exportTable`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportInput {
    /// What `data` is.
    pub kind: ExportKind,
    /// The input or result to export (a ledger as its text).
    pub data: Value,
    /// The standard configuration: case types are written as their labels.
    #[serde(default)]
    pub config: Option<Value>,
    /// Departments: written by name.
    #[serde(default)]
    pub departments: Option<Vec<Named>>,
    /// The rule set: indicators and groups are headed by their names.
    #[serde(default)]
    pub rule_set: Option<Value>,
}

/// A grid: Chinese headers and rows of cell texts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Header of each column.
    pub columns: Vec<String>,
    /// One row per record, a text per column ("" for nothing).
    pub rows: Vec<Vec<String>>,
}

/// An indicator of a rule set as a column of evaluation values.
pub(super) struct Indicator {
    pub id: String,
    pub name: Option<String>,
    pub parse: Parse,
}

/// The indicators of a rule set, in its order.
pub(super) fn indicators(rule_set: Option<&Value>) -> Vec<Indicator> {
    let list = rule_set.and_then(|r| r.get("indicators")).and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    list.iter()
        .filter_map(|i| {
            let parse = match i.get("type").and_then(Value::as_str) {
                Some("count") => Parse::Count,
                Some("boolean") => Parse::Bool,
                _ => Parse::Decimal,
            };
            Some(Indicator { id: i.get("id")?.as_str()?.to_string(), name: i.get("name").and_then(Value::as_str).map(str::to_string), parse })
        })
        .collect()
}

/// How a cell is written.
#[derive(Clone, Copy)]
enum Fmt {
    Plain,
    Word(Vocabulary),
    CaseType,
    Department,
}

/// The value at a path: `a.b`, `monthly[3]`, alternatives `a.x|b.x` (first present).
fn at<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('|').find_map(|one| {
        one.split('.').try_fold(value, |v, part| match part.split_once('[') {
            Some((name, index)) => {
                let v = if name.is_empty() { v } else { v.get(name)? };
                v.get(index.trim_end_matches(']').parse::<usize>().ok()?)
            }
            None => v.get(part),
        })
        .filter(|v| !v.is_null())
    })
}

struct Writer<'a> {
    case_types: Vec<(String, Option<String>)>,
    departments: &'a [Named],
}

impl Writer<'_> {
    fn text(&self, value: Option<&Value>, fmt: Fmt) -> String {
        let Some(value) = value else { return String::new() };
        let word = |id: &str| -> String {
            match fmt {
                Fmt::Plain => id.to_string(),
                Fmt::Word(vocabulary) => labels::label_of(vocabulary, id).to_string(),
                Fmt::CaseType => self.case_types.iter().find(|(k, _)| k == id).and_then(|(_, l)| l.clone()).unwrap_or_else(|| id.to_string()),
                Fmt::Department => self.departments.iter().find(|d| d.id == id).and_then(|d| d.name.clone()).unwrap_or_else(|| id.to_string()),
            }
        };
        match value {
            Value::Null => String::new(),
            Value::String(s) => word(s),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => if *b { "是" } else { "否" }.to_string(),
            Value::Array(items) => items.iter().map(|v| self.text(Some(v), fmt)).collect::<Vec<_>>().join("、"),
            Value::Object(_) => value.to_string(),
        }
    }
}

fn fmt_of(parse: Parse) -> Fmt {
    match parse {
        Parse::Role => Fmt::Word(labels::ROLES),
        Parse::Availability => Fmt::Word(labels::AVAILABILITY),
        Parse::Category => Fmt::Word(labels::CATEGORIES),
        Parse::Procedure => Fmt::Word(labels::PROCEDURES),
        Parse::Complexity => Fmt::Word(labels::COMPLEXITY),
        Parse::CaseType | Parse::CaseTypes => Fmt::CaseType,
        Parse::Department => Fmt::Department,
        _ => Fmt::Plain,
    }
}

/// The records of an input: the array itself or the array under `member`.
fn records<'a>(data: &'a Value, member: &str) -> Result<&'a [Value]> {
    data.as_array()
        .or_else(|| data.get(member).and_then(Value::as_array))
        .map(Vec::as_slice)
        .ok_or_else(|| Error::invalid("data", format!("expected an array or an object with '{member}'"), format!("应为数组或含“{member}”的对象")))
}

/// Columns as (header, path, format).
type Spec = Vec<(String, String, Fmt)>;

fn spec(list: &[(&str, &str, Fmt)]) -> Spec {
    list.iter().map(|(h, p, f)| (h.to_string(), p.to_string(), *f)).collect()
}

fn input_spec(columns: &[Column]) -> Spec {
    columns.iter().map(|c| (c.headers[0].to_string(), c.field.to_string(), fmt_of(c.parse))).collect()
}

/// The group and member names of a rule set (ids to names).
fn names(rule_set: Option<&Value>, member: &str) -> Vec<(String, String)> {
    let mut lists = vec![rule_set.and_then(|r| r.get(member))];
    if member == "groups" {
        let zones = rule_set.and_then(|r| r.get("zones")).and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
        lists.extend(zones.iter().map(|z| z.get("groups")));
    }
    lists
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(|g| Some((g.get("id")?.as_str()?.to_string(), g.get("name")?.as_str()?.to_string())))
        .collect()
}

fn score_header(column: &str, groups: &[(String, String)]) -> String {
    let fixed = [
        ("id", "法官编号"),
        ("name", "姓名"),
        ("role", "职务"),
        ("tier", "档次"),
        ("zone", "考核区"),
        ("total", "总分"),
        ("grade", "等次"),
        ("gradeBasis", "等次依据"),
        ("rank", "名次"),
        ("vetoes", "一票否决"),
        ("failedChecks", "未通过的核查"),
    ];
    if let Some((_, zh)) = fixed.iter().find(|(id, _)| *id == column) {
        return zh.to_string();
    }
    let name = |group: &str| groups.iter().find(|(id, _)| id == group).map_or(group.to_string(), |(_, n)| n.clone());
    match column.rsplit_once('.') {
        Some((group, "score")) => format!("{}得分", name(group)),
        Some((group, "weighted")) => format!("{}加权得分", name(group)),
        _ => column.to_string(),
    }
}

/// Lay an input or result out as a grid (see docs/import.md).
pub fn export_table(input: ExportInput) -> Result<Table> {
    let writer = Writer {
        case_types: input.config.as_ref().and_then(|c| super::keyed(c.get("caseTypes"), "label")).unwrap_or_default(),
        departments: input.departments.as_deref().unwrap_or(&[]),
    };
    let data = &input.data;
    let dept = Fmt::Department;
    let (spec, rows, keep_empty): (Spec, Vec<Value>, bool) = match input.kind {
        ExportKind::Judges => (input_spec(columns::JUDGES), records(data, "judges")?.to_vec(), false),
        ExportKind::Cases => (input_spec(columns::CASES), records(data, "cases")?.to_vec(), false),
        ExportKind::ClosedCases => (input_spec(columns::CLOSED_CASES), records(data, "cases")?.to_vec(), false),
        ExportKind::Evaluations => {
            let mut spec = input_spec(columns::EVALUATIONS);
            for i in indicators(input.rule_set.as_ref()) {
                spec.push((i.name.unwrap_or_else(|| i.id.clone()), format!("values.{}", i.id), Fmt::Plain));
            }
            (spec, records(data, "judges")?.to_vec(), false)
        }
        ExportKind::Ledger => (ledger_spec(), ledger_entries(data)?, false),
        ExportKind::Audit => (
            spec(&[
                ("法官编号", "judge", Fmt::Plain),
                ("部门", "department", dept),
                ("随机分得", "drawn", Fmt::Plain),
                ("期望分得", "expected", Fmt::Plain),
                ("人工分案", "manual", Fmt::Plain),
                ("工作量", "load", Fmt::Plain),
                ("折算工作量", "normalisedLoad", Fmt::Plain),
            ]),
            records(data, "judges")?.to_vec(),
            true,
        ),
        ExportKind::StandardCases => (
            spec(&[
                ("案号", "id", Fmt::Plain),
                ("案由", "caseType", Fmt::CaseType),
                ("案件类别", "category", Fmt::Word(labels::CATEGORIES)),
                ("承办法官", "judge", Fmt::Plain),
                ("承办部门", "department", dept),
                ("审理程序", "procedure", Fmt::Word(labels::PROCEDURES)),
                ("繁简", "complexity", Fmt::Word(labels::COMPLEXITY)),
                ("标准案件数", "standard", Fmt::Plain),
                ("计算过程", "explanation.formula", Fmt::Plain),
            ]),
            records(data, "cases")?.to_vec(),
            false,
        ),
        ExportKind::StandardJudges => (
            spec(&[("法官编号", "judge", Fmt::Plain), ("结案数", "cases", Fmt::Plain), ("标准案件数", "standard", Fmt::Plain)]),
            records(data, "judges")?.to_vec(),
            true,
        ),
        ExportKind::Targets => {
            let mut spec = spec(&[("法官编号", "judge", Fmt::Plain), ("部门", "department", dept), ("年度目标", "target", Fmt::Plain)]);
            spec.extend((1..=12).map(|m| (format!("{m}月目标"), format!("monthly[{}]", m - 1), Fmt::Plain)));
            for (header, path) in [
                ("实际完成", "progress.actual"),
                ("截至当月目标", "progress.targetToDate"),
                ("完成年度目标(%)", "progress.percentOfTarget"),
                ("完成进度目标(%)", "progress.percentToDate"),
                ("尚需完成", "progress.remaining"),
            ] {
                spec.push((header.into(), path.into(), Fmt::Plain));
            }
            (spec, records(data, "judges")?.to_vec(), false)
        }
        ExportKind::ScoreTable => return score_table(&writer, data, input.rule_set.as_ref()),
    };
    // A column no record fills is left out, unless the import format requires it.
    let required = |path: &str| match input.kind {
        ExportKind::Judges => columns::JUDGES,
        ExportKind::Cases => columns::CASES,
        ExportKind::ClosedCases => columns::CLOSED_CASES,
        ExportKind::Evaluations => columns::EVALUATIONS,
        _ => &[],
    }
    .iter()
    .any(|c| c.required && c.field == path);
    let kept: Spec = spec.into_iter().filter(|(_, path, _)| keep_empty || required(path) || rows.iter().any(|r| at(r, path).is_some())).collect();
    Ok(Table {
        columns: kept.iter().map(|(h, _, _)| h.clone()).collect(),
        rows: rows.iter().map(|r| kept.iter().map(|(_, path, fmt)| writer.text(at(r, path), *fmt)).collect()).collect(),
    })
}

fn ledger_spec() -> Spec {
    spec(&[
        ("序号", "index", Fmt::Plain),
        ("操作", "kind", Fmt::Word(labels::ENTRY_KINDS)),
        ("案号", "caseId", Fmt::Plain),
        ("承办法官", "judges[0]", Fmt::Plain),
        ("审判组织成员", "judges", Fmt::Plain),
        ("被替换法官", "replaced", Fmt::Plain),
        ("候选法官数", "seats[0].eligible", Fmt::Plain),
        ("指定或变更的法官", "manual.judgeId|change.judgeId", Fmt::Plain),
        ("在岗状态", "change.availability", Fmt::Word(labels::AVAILABILITY)),
        ("事由", "manual.reason.code|change.reason.code", Fmt::Plain),
        ("事由说明", "manual.reason.text|change.reason.text", Fmt::Plain),
        ("批准人", "manual.approver|change.approver", Fmt::Plain),
        ("时间", "manual.time|change.time", Fmt::Plain),
        ("哈希", "hash", Fmt::Plain),
    ])
}

/// The entries of a ledger text (the header line is not a row).
fn ledger_entries(data: &Value) -> Result<Vec<Value>> {
    let text = data.as_str().ok_or_else(|| Error::invalid("data", "a ledger is exported from its text", "账本应以文本导出"))?;
    text.lines()
        .skip(1)
        .enumerate()
        .map(|(i, line)| {
            serde_json::from_str(line).map_err(|e| {
                Error::new(ErrorCode::MalformedLedger, format!("data.entries[{i}]"), format!("entry {i} is not JSON: {e}"), format!("第 {i} 条记录不是 JSON：{e}"))
                    .with_details(serde_json::json!({ "line": i + 2 }))
            })
        })
        .collect()
}

fn score_table(writer: &Writer, data: &Value, rule_set: Option<&Value>) -> Result<Table> {
    let table = data.get("table").unwrap_or(data);
    let bad = || Error::invalid("data", "expected a scoreTable result ({table: {columns, rows}})", "应为 scoreTable 的结果（{table: {columns, rows}}）");
    let columns: Vec<&str> = table.get("columns").and_then(Value::as_array).ok_or_else(bad)?.iter().map(|c| c.as_str().unwrap_or("")).collect();
    let rows = table.get("rows").and_then(Value::as_array).ok_or_else(bad)?;
    let groups = names(rule_set, "groups");
    let fmt = |column: &str| if column == "role" { Fmt::Word(labels::ROLES) } else { Fmt::Plain };
    Ok(Table {
        columns: columns.iter().map(|c| score_header(c, &groups)).collect(),
        rows: rows.iter().map(|r| columns.iter().enumerate().map(|(j, c)| writer.text(r.get(j), fmt(c))).collect()).collect(),
    })
}
