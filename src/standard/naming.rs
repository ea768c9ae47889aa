//! Problems of a case name it as the office knows it: its case number
//! (案号), with its type's label and its judge where the input gives them.
//! Found from each problem's path (`cases[7].pages.dossier`, or a bulk
//! column's `dossier[7]`) once the batch's problems are collected.

use super::enforcement::EnforcementCase;
use super::model::{Case, StandardConfig};
use crate::error::subject::list_row;
use crate::error::Error;

/// The row of a path that starts with one of `lists` (`cases[7].pages` → 7).
fn row(path: &str, lists: &[&str]) -> Option<usize> {
    list_row(path).filter(|(list, _)| lists.contains(list)).map(|(_, index)| index)
}

/// Call `name` with the row and each problem whose path lies in a row of `lists`.
fn name_rows(problems: &mut [Error], lists: &[&str], name: impl Fn(usize, &mut Error)) {
    for e in problems {
        if let Some(i) = row(&e.path, lists) {
            name(i, e);
        }
    }
}

/// Name the case of every problem in `cases[i]`.
pub fn name_cases(problems: &mut [Error], cases: &[Case], config: Option<&StandardConfig>) {
    name_rows(problems, &["cases"], |i, e| {
        let Some(case) = cases.get(i) else { return };
        let label = case.case_type.as_ref().and_then(|t| config?.case_types.get(t)).and_then(|r| r.label.as_deref());
        about_case(e, &case.id, label, case.judge.as_deref());
    });
}

/// Name the enforcement case of every problem in `cases[i]`, by id and judge.
pub fn name_enforcement_cases(problems: &mut [Error], cases: &[EnforcementCase]) {
    name_rows(problems, &["cases"], |i, e| {
        if let Some(case) = cases.get(i) {
            about_case(e, &case.id, None, case.judge.as_deref());
        }
    });
}

/// Name the case of every problem in a bulk column's row, by `ids` (the
/// optional column of case numbers).
pub fn name_bulk_rows(problems: &mut [Error], ids: &[String]) {
    name_rows(problems, &["dossier", "transcript", "judgment", "kind", "judge", "ids"], |i, e| {
        if let Some(id) = ids.get(i) {
            e.about_case(id);
        }
    });
}

/// A problem of a case, naming it by id, with its type's label and its judge.
fn about_case(e: &mut Error, id: &str, label: Option<&str>, judge: Option<&str>) {
    let mut zh = format!("案件{id}");
    let mut en = format!("case {id}");
    let details: Vec<String> = label.map(str::to_string).into_iter().chain(judge.map(|j| format!("承办法官 {j}"))).collect();
    if !details.is_empty() {
        zh.push_str(&format!("（{}）", details.join("，")));
    }
    if let Some(j) = judge {
        en.push_str(&format!(" (judge {j})"));
    }
    e.about(&en, &zh);
}
