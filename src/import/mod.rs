//! The court's own spreadsheets in and out (docs/import.md).
//!
//! [`import_table`] maps a grid of cell texts, first row the headers, to the
//! engines' input JSON: judges and cases of an assignment run, closed cases
//! with page counts for standard cases, evaluation values for scoring. Every
//! bad cell is reported with its row (the spreadsheet's own number: the
//! header is row 1) and column, and nothing is returned unless every row
//! reads. [`export_table`] lays inputs and results out as a grid with
//! Chinese headers. Reading and writing the file formats (CSV, XLSX) is the
//! package's `import.mjs`.

mod cells;
mod columns;
mod export;
mod labels;

pub use export::{export_table, ExportInput, ExportKind, Table};

use crate::error::{Error, ErrorCode, Result};
use cells::Lookups;
use columns::{Column, Parse};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Most rows of one table (header included).
pub const MAX_ROWS: usize = 1_000_000;
/// Most columns of one table.
pub const MAX_COLUMNS: usize = 1_000;

/// The kinds of table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TableKind {
    /// 法官名册: `judges` of an assignment run.
    Judges,
    /// 待分案件: `cases` of an assignment run.
    Cases,
    /// 已结案件: `cases` of computeBaseline / standardCases.
    ClosedCases,
    /// 考核数据: `judges` (forms) of score / scoreTable.
    Evaluations,
}

/// Something named: an id and, optionally, a name (other members ignored),
/// so `judges.json`'s departments and judges can be given as they are.
#[derive(Debug, Clone, Deserialize)]
pub struct Named {
    /// Id.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
}

/// Input of `importTable`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportInput {
    /// Which table this is.
    pub kind: TableKind,
    /// The grid: first row the headers; cells as text (numbers, booleans and null are accepted too).
    pub rows: Vec<Vec<Value>>,
    /// The standard configuration, whose `caseTypes` labels name case types.
    #[serde(default)]
    pub config: Option<Value>,
    /// Departments by id and name (names in cells become ids).
    #[serde(default)]
    pub departments: Option<Vec<Named>>,
    /// Judges by id and name (names in cells become ids).
    #[serde(default)]
    pub judges: Option<Vec<Named>>,
    /// The rule set whose indicators name the columns of evaluation values.
    #[serde(default)]
    pub rule_set: Option<Value>,
}

/// What a header was read as.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MappedColumn {
    /// The header as written.
    pub header: String,
    /// The member it fills (`pages.dossier`, `values.timelyRate`).
    pub field: String,
}

/// Output of `importTable`: the records under the engine's member name
/// (`judges` or `cases`), and how the headers were read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    /// The kind of table.
    pub kind: TableKind,
    /// The records of `judges` and `evaluations` tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judges: Option<Vec<Value>>,
    /// The records of `cases` and `closedCases` tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cases: Option<Vec<Value>>,
    /// Columns read, in sheet order.
    pub columns: Vec<MappedColumn>,
    /// Headers not part of the format, whose cells were not read.
    pub ignored_columns: Vec<String>,
}

/// A column of this sheet: its position, header as written and how it reads.
struct SheetColumn {
    index: usize,
    header: String,
    field: String,
    required: bool,
    parse: Parse,
}

fn named_list(list: &Option<Vec<Named>>) -> Option<Vec<(String, Option<String>)>> {
    list.as_ref().map(|items| items.iter().map(|n| (n.id.clone(), n.name.clone())).collect())
}

/// `(id, name-or-label)` of the members of an object or of an array of objects.
fn keyed(value: Option<&Value>, label: &str) -> Option<Vec<(String, Option<String>)>> {
    let text = |v: &Value| v.get(label).and_then(Value::as_str).map(str::to_string);
    match value? {
        Value::Object(map) => Some(map.iter().map(|(k, v)| (k.clone(), text(v))).collect()),
        Value::Array(items) => {
            Some(items.iter().filter_map(|v| Some((v.get("id")?.as_str()?.to_string(), text(v)))).collect())
        }
        _ => None,
    }
}

/// A cell's text: strings as they are, numbers as written, booleans as TRUE/FALSE, null as "".
fn cell_text(value: &Value, path: impl FnOnce() -> String) -> Result<String> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(if *b { "TRUE" } else { "FALSE" }.into()),
        Value::Null => Ok(String::new()),
        _ => Err(Error::invalid(path(), "a cell must be text, a number, a boolean or null", "单元格必须是文本、数字、布尔值或 null")),
    }
}

/// The error for one cell: "第 12 行「卷宗页数」不是数字".
fn cell_error(code: ErrorCode, row: usize, column: usize, header: &str, (en, zh): cells::Reason) -> Error {
    Error::new(code, format!("rows[{row}][{column}]"), format!("row {}, column {header}: {en}", row + 1), format!("第 {} 行「{header}」{zh}", row + 1))
        .with_details(serde_json::json!({ "row": row + 1, "column": header, "columnNumber": column + 1 }))
}

/// A column's letters as a spreadsheet shows them: A, …, Z, AA, ….
fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.iter().rev().map(|&b| char::from(b)).collect()
}

/// Read the header row: the columns of the sheet, the ignored headers, and problems.
fn read_headers(kind: TableKind, headers: &[String], rule_set: Option<&Value>) -> Result<(Vec<SheetColumn>, Vec<String>)> {
    let fixed: &'static [Column] = match kind {
        TableKind::Judges => columns::JUDGES,
        TableKind::Cases => columns::CASES,
        TableKind::ClosedCases => columns::CLOSED_CASES,
        TableKind::Evaluations => columns::EVALUATIONS,
    };
    let indicators = export::indicators(rule_set);
    let mut found: Vec<SheetColumn> = Vec::new();
    let mut ignored = Vec::new();
    let mut problems = Vec::new();
    for (index, written) in headers.iter().enumerate() {
        let header = columns::normalised(written);
        if header.is_empty() {
            continue;
        }
        let column = if let Some(c) = columns::column_for(fixed, &header) {
            Some((c.field.to_string(), c.required, c.parse))
        } else if kind == TableKind::Evaluations {
            indicators.iter().find(|i| i.id == header || i.name.as_deref() == Some(header.as_str())).map(|i| (format!("values.{}", i.id), false, i.parse))
        } else {
            None
        };
        let Some((field, required, parse)) = column else {
            ignored.push(written.trim().to_string());
            continue;
        };
        if let Some(first) = found.iter().find(|c| c.field == field) {
            problems.push(Error::new(
                ErrorCode::DuplicateColumn,
                format!("rows[0][{index}]"),
                format!("columns {} and {} both give {field}", first.header, written.trim()),
                format!("「{}」列与「{}」列重复（都是 {field}）", first.header, written.trim()),
            ));
            continue;
        }
        found.push(SheetColumn { index, header: written.trim().to_string(), field, required, parse });
    }
    for column in fixed.iter().filter(|c| c.required && !found.iter().any(|f| f.field == c.field)) {
        let accepted = column.headers.join("、");
        problems.push(
            Error::new(
                ErrorCode::MissingColumn,
                "rows[0]",
                format!("column {} is missing (headers accepted: {accepted})", column.headers[0]),
                format!("缺少「{}」列（可用的列名：{accepted}）", column.headers[0]),
            )
            .with_details(serde_json::json!({ "column": column.headers[0], "field": column.field })),
        );
    }
    match Error::collect(problems) {
        Some(error) => Err(error),
        None => Ok((found, ignored)),
    }
}

/// Put `value` at a dotted member path of `record`.
fn insert(record: &mut Map<String, Value>, field: &str, value: Value) {
    match field.split_once('.') {
        None => {
            record.insert(field.to_string(), value);
        }
        Some((head, rest)) => {
            let inner = record.entry(head).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(map) = inner {
                insert(map, rest, value);
            }
        }
    }
}

/// Map a spreadsheet's grid to an engine input (see docs/import.md).
pub fn import_table(input: ImportInput) -> Result<Imported> {
    crate::limits::check_count("rows", "rows", "行", input.rows.len(), MAX_ROWS)?;
    let Some((header_row, data)) = input.rows.split_first() else {
        return Err(Error::invalid("rows", "the table is empty: the first row must be the headers", "表格为空：第 1 行应为列名"));
    };
    crate::limits::check_count("rows[0]", "columns", "列", header_row.len(), MAX_COLUMNS)?;
    let headers = header_row.iter().enumerate().map(|(j, v)| cell_text(v, || format!("rows[0][{j}]"))).collect::<Result<Vec<_>>>()?;
    if input.kind == TableKind::Evaluations && input.rule_set.is_none() {
        return Err(Error::invalid("ruleSet", "evaluation values need the rule set whose indicators head their columns", "考核数据需要规则集（其指标名称即列名）"));
    }
    let (sheet_columns, ignored_columns) = read_headers(input.kind, &headers, input.rule_set.as_ref())?;
    let lookups = Lookups {
        case_types: input.config.as_ref().and_then(|c| keyed(c.get("caseTypes"), "label")),
        departments: named_list(&input.departments),
        judges: named_list(&input.judges),
        zones: keyed(input.rule_set.as_ref().and_then(|r| r.get("zones")), "name"),
    };
    let id_column = sheet_columns.iter().find(|c| c.field == "id");
    let mut problems = Vec::new();
    let mut records = Vec::with_capacity(data.len());
    let mut first_row_of: HashMap<String, usize> = HashMap::new();
    for (offset, row) in data.iter().enumerate() {
        let r = offset + 1;
        let texts = match row.iter().enumerate().map(|(j, v)| cell_text(v, || format!("rows[{r}][{j}]"))).collect::<Result<Vec<_>>>() {
            Ok(texts) => texts,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        if texts.iter().all(|t| t.trim().is_empty()) {
            continue; // blank rows (often left at the end of a sheet) are skipped
        }
        if let Some(j) = texts.iter().enumerate().skip(headers.len()).find(|(_, t)| !t.trim().is_empty()).map(|(j, _)| j) {
            problems.push(cell_error(ErrorCode::InvalidCell, r, j, &column_letters(j), ("a value in a column without a header".into(), "列没有列名却有值".into())));
        }
        let mut record = Map::new();
        if input.kind == TableKind::Evaluations {
            record.insert("values".into(), Value::Object(Map::new()));
        }
        for column in &sheet_columns {
            let text = texts.get(column.index).map_or("", |t| t.trim());
            if text.is_empty() {
                if column.required {
                    problems.push(cell_error(ErrorCode::InvalidCell, r, column.index, &column.header, ("empty".into(), "为空".into())));
                } else if column.field.starts_with("values.") {
                    insert(&mut record, &column.field, Value::Null); // not filled in yet
                }
                continue;
            }
            match cells::read(column.parse, text, &lookups) {
                Ok(value) => insert(&mut record, &column.field, value),
                Err(reason) => problems.push(cell_error(ErrorCode::InvalidCell, r, column.index, &column.header, reason)),
            }
        }
        if let (Some(column), Some(Value::String(id))) = (id_column, record.get("id")) {
            if let Some(first) = first_row_of.get(id) {
                problems.push(cell_error(
                    ErrorCode::DuplicateId,
                    r,
                    column.index,
                    &column.header,
                    (format!("'{id}' repeats row {}", first + 1), format!("「{id}」与第 {} 行重复", first + 1)),
                ));
            } else {
                first_row_of.insert(id.clone(), r);
            }
        }
        records.push(Value::Object(record));
    }
    if let Some(error) = Error::collect(problems) {
        return Err(error);
    }
    let (judges, cases) = match input.kind {
        TableKind::Judges | TableKind::Evaluations => (Some(records), None),
        TableKind::Cases | TableKind::ClosedCases => (None, Some(records)),
    };
    let columns = sheet_columns.into_iter().map(|c| MappedColumn { header: c.header, field: c.field }).collect();
    Ok(Imported { kind: input.kind, judges, cases, columns, ignored_columns })
}
