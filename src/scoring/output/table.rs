//! `scoreTable`: a batch's results as one row per judge.
//!
//! The rows hold the same figures as `score` with `detail: "summary"`, in
//! named columns: the shape a management office exports to a spreadsheet or
//! shows in a grid. It is also the cheap shape to hand to a JS engine: ten
//! thousand rows of arrays are built from JSON in about half the time of ten
//! thousand result objects with their group objects.

use crate::scoring::compile::{Compiled, GroupC};
use crate::scoring::input::rule_set::MethodKind;
use crate::scoring::evaluate::engine::Scored;
use crate::scoring::evaluate::result::JudgeResult;
use crate::decimal::Decimal;
use serde::ser::{Serialize, SerializeSeq, Serializer};

/// Columns before the groups' columns.
const LEADING: [&str; 9] = ["id", "name", "role", "tier", "zone", "total", "grade", "gradeBasis", "rank"];
/// Columns after the groups' columns.
const TRAILING: [&str; 2] = ["vetoes", "failedChecks"];

/// A batch's results as rows (see `docs/scoring.md`, "scoreTable").
pub struct ScoreTable {
    /// Column names: `id … rank`, then `<group>.score` and `<group>.weighted`
    /// for every group of every zone (first appearance), then `vetoes` and
    /// `failedChecks`, then `outOfRange` when an indicator is scored in-range.
    pub columns: Vec<String>,
    /// One row per judge, in input order.
    pub rows: Rows,
}

/// The judges' results and where each zone's groups go among the columns.
pub struct Rows {
    /// Number of group columns (pairs).
    groups: usize,
    /// For each zone, the group-column position of each of its groups.
    positions: Vec<Vec<usize>>,
    /// Each judge's zone index and result.
    judges: Vec<Scored>,
    /// Whether rows end with the `outOfRange` count.
    out_of_range: bool,
}

/// Lay out graded results as a table.
pub fn build(c: &Compiled, scored: Vec<Scored>) -> ScoreTable {
    let mut group_ids: Vec<&str> = Vec::new();
    let positions = c
        .zones
        .iter()
        .map(|zc| {
            let groups = zc.scales.first().map(Vec::as_slice).unwrap_or_default();
            groups
                .iter()
                .map(|g| match group_ids.iter().position(|&id| id == g.group.id) {
                    Some(p) => p,
                    None => {
                        group_ids.push(&g.group.id);
                        group_ids.len() - 1
                    }
                })
                .collect()
        })
        .collect();
    let mut columns: Vec<String> = LEADING.iter().map(|c| c.to_string()).collect();
    for id in &group_ids {
        columns.push(format!("{id}.score"));
        columns.push(format!("{id}.weighted"));
    }
    columns.extend(TRAILING.iter().map(|c| c.to_string()));
    let in_range = |g: &GroupC| g.items.iter().any(|item| item.method.kind == MethodKind::InRange);
    let out_of_range = c.zones.iter().flat_map(|zc| zc.scales.iter().flatten()).any(in_range);
    if out_of_range {
        columns.push("outOfRange".to_string());
    }
    ScoreTable { columns, rows: Rows { groups: group_ids.len(), positions, judges: scored, out_of_range } }
}

impl Serialize for ScoreTable {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("ScoreTable", 2)?;
        s.serialize_field("columns", &self.columns)?;
        s.serialize_field("rows", &self.rows)?;
        s.end()
    }
}

impl Serialize for Rows {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.judges.len()))?;
        for s in &self.judges {
            let positions = self.positions.get(s.zone).map(Vec::as_slice).unwrap_or_default();
            seq.serialize_element(&Row { judge: &s.result, positions, groups: self.groups, out_of_range: self.out_of_range })?;
        }
        seq.end()
    }
}

/// One judge's row.
struct Row<'a> {
    judge: &'a JudgeResult,
    positions: &'a [usize],
    groups: usize,
    out_of_range: bool,
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let j = self.judge;
        let mut row = serializer.serialize_seq(Some(LEADING.len() + 2 * self.groups + TRAILING.len() + usize::from(self.out_of_range)))?;
        row.serialize_element(&j.id)?;
        row.serialize_element(&j.name)?;
        row.serialize_element(&j.role)?;
        row.serialize_element(&j.tier)?;
        row.serialize_element(&j.zone)?;
        row.serialize_element(&Figure(j.total))?;
        row.serialize_element(&j.grade)?;
        row.serialize_element(&j.grade_basis)?;
        row.serialize_element(&j.rank)?;
        for column in 0..self.groups {
            // A group of another zone is null in this judge's row.
            let group = self.positions.iter().position(|&p| p == column).and_then(|k| j.groups.get(k));
            row.serialize_element(&Figure(group.and_then(|g| g.score)))?;
            row.serialize_element(&Figure(group.and_then(|g| g.weighted)))?;
        }
        row.serialize_element(&Ids(j.vetoes.iter().map(|v| v.id.as_str())))?;
        let failed = j.checks.iter().filter(|c| c.passed == Some(false)).map(|c| c.id.as_str());
        row.serialize_element(&Ids(failed))?;
        if self.out_of_range {
            row.serialize_element(&j.out_of_range)?;
        }
        row.end()
    }
}

/// A decimal cell: its text, or null.
struct Figure(Option<Decimal>);

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::decimal::text::serialize_option(&self.0, serializer)
    }
}

/// A list of ids, written without collecting them.
struct Ids<I>(I);

impl<'a, I: Iterator<Item = &'a str> + Clone> Serialize for Ids<I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone())
    }
}
