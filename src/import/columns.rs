//! The import format: for each kind of table, its columns, the headers each
//! column may have, and how its cells are read. docs/import.md is this table
//! in prose; export writes the first header of each column.

/// How the cells of a column are read (see `cells.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parse {
    /// An identifier: text, not blank.
    Id,
    /// Free text.
    Text,
    /// A decimal (share, load, weight, an indicator value); `95%` is 0.95.
    Decimal,
    /// A whole number of 0 or more (pages, panel size).
    Count,
    /// 是/否.
    Bool,
    /// A date, written YYYY-MM-DD on output.
    Date,
    /// A role (职务), by id or label.
    Role,
    /// Availability (在岗状态), by id or label.
    Availability,
    /// A category (案件类别), by id or label.
    Category,
    /// A procedure (审理程序), by id or label.
    Procedure,
    /// A simple/complex class (繁简), by id or label.
    Complexity,
    /// A case type: a label of the standard configuration's `caseTypes`
    /// becomes its key; any other text passes as written (执行 needs no
    /// coefficient; the standard-case engine names a type it cannot price).
    CaseType,
    /// A list of case types.
    CaseTypes,
    /// A department: id or name of the given `departments`.
    Department,
    /// A judge: id or (unique) name of the given `judges`.
    Judge,
    /// A list of judges.
    Judges,
    /// A list of free texts (regions).
    Texts,
    /// A zone of the rule set, by id or name.
    Zone,
}

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Member of the engine input, dotted for nested members (`pages.dossier`).
    pub field: &'static str,
    /// Headers this column may have; the first is written on export.
    pub headers: &'static [&'static str],
    /// Whether the column must be present and its cells filled in.
    pub required: bool,
    /// How its cells are read.
    pub parse: Parse,
}

const fn col(field: &'static str, headers: &'static [&'static str], required: bool, parse: Parse) -> Column {
    Column { field, headers, required, parse }
}

/// 法官名册: judges of an assignment run.
pub const JUDGES: &[Column] = &[
    col("id", &["法官编号", "工号", "编号", "法官代码"], true, Parse::Id),
    col("name", &["姓名", "法官姓名"], false, Parse::Text),
    col("department", &["部门", "所在部门", "审判庭", "庭室"], true, Parse::Department),
    col("caseTypes", &["可承办案件类型", "承办案件类型", "案件类型", "案由"], true, Parse::CaseTypes),
    col("role", &["职务", "角色"], true, Parse::Role),
    col("share", &["办案比例", "分案比例", "办案系数"], true, Parse::Decimal),
    col("load", &["已有工作量", "在办工作量", "存量"], false, Parse::Decimal),
    col("availability", &["在岗状态", "状态"], false, Parse::Availability),
    col("region", &["片区", "区域", "所在片区"], false, Parse::Text),
];

/// 待分案件: cases of an assignment run.
pub const CASES: &[Column] = &[
    col("id", &["案号"], true, Parse::Id),
    col("caseType", &["案由", "案件类型"], true, Parse::CaseType),
    col("department", &["承办部门", "部门", "审判庭", "庭室"], true, Parse::Department),
    col("weight", &["案件权重", "权重", "标准案件数"], false, Parse::Decimal),
    col("hard", &["重大疑难", "疑难案件"], false, Parse::Bool),
    col("leaderExcluded", &["院庭长不参与", "排除院庭长"], false, Parse::Bool),
    col("recuse", &["回避法官"], false, Parse::Judges),
    col("avoidRegions", &["回避片区", "回避区域"], false, Parse::Texts),
    col("panelSize", &["合议庭人数", "审判组织人数"], false, Parse::Count),
    col("distinctRegions", &["成员片区不同"], false, Parse::Bool),
    col("filedOn", &["立案日期", "收案日期"], false, Parse::Date),
];

/// 已结案件: closed cases with page counts, for standard cases.
pub const CLOSED_CASES: &[Column] = &[
    col("id", &["案号"], true, Parse::Id),
    col("caseType", &["案由", "案件类型"], true, Parse::CaseType),
    col("category", &["案件类别", "类别"], false, Parse::Category),
    col("judge", &["承办法官", "承办人"], false, Parse::Judge),
    col("department", &["承办部门", "部门", "审判庭", "庭室"], false, Parse::Department),
    col("procedure", &["审理程序", "适用程序", "程序"], false, Parse::Procedure),
    col("complexity", &["繁简", "繁简程度", "繁简分流"], false, Parse::Complexity),
    col("pages.dossier", &["卷宗页数"], true, Parse::Count),
    col("pages.transcript", &["庭审笔录页数", "笔录页数"], true, Parse::Count),
    col("pages.judgment", &["裁判文书页数", "文书页数"], true, Parse::Count),
    col("filedOn", &["立案日期", "收案日期"], false, Parse::Date),
    col("closedOn", &["结案日期"], false, Parse::Date),
];

/// 考核数据: the fixed columns of evaluation values; every other header
/// names an indicator of the rule set.
pub const EVALUATIONS: &[Column] = &[
    col("id", &["法官编号", "工号", "编号", "法官代码"], true, Parse::Id),
    col("name", &["姓名", "法官姓名"], false, Parse::Text),
    col("role", &["职务", "角色"], false, Parse::Role),
    col("zone", &["考核区", "考核组"], false, Parse::Zone),
    col("court", &["法院", "所在法院"], false, Parse::Text),
];

/// A header as compared: without white space, a leading `*` (a required
/// mark) or a trailing note in brackets (`卷宗页数（页）`).
pub fn normalised(header: &str) -> String {
    let mut text: String = header.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(rest) = text.strip_prefix('*') {
        text = rest.to_string();
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if text.ends_with(close) {
            if let Some(start) = text.rfind(open) {
                if start > 0 {
                    text.truncate(start);
                }
            }
        }
    }
    text
}

/// The column a header names: one of its headers, or its field name itself.
pub fn column_for(columns: &'static [Column], header: &str) -> Option<&'static Column> {
    columns.iter().find(|c| c.headers.contains(&header) || c.field == header)
}
