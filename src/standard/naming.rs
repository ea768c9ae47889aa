//! Problems of a case name it as the office knows it: its case number
//! (案号), with its type's label and its judge where the input gives them.
//! Found from each problem's path (`cases[7].pages.dossier`, or a bulk
//! column's `dossier[7]`) once the batch's problems are collected.

use super::model::{Case, StandardConfig};
use crate::error::Error;

/// The row of a path that starts with one of `lists` (`cases[7].pages` → 7).
fn row(path: &str, lists: &[&str]) -> Option<usize> {
    let (list, rest) = path.split_once('[')?;
    if !lists.contains(&list) {
        return None;
    }
    rest.split_once(']')?.0.parse().ok()
}

/// Name the case of every problem in `cases[i]`.
pub fn name_cases(problems: &mut [Error], cases: &[Case], config: Option<&StandardConfig>) {
    for e in problems {
        let Some(case) = row(&e.path, &["cases"]).and_then(|i| cases.get(i)) else { continue };
        let label = case.case_type.as_ref().and_then(|t| config?.case_types.get(t)).and_then(|r| r.label.as_deref());
        about_case(e, case, label);
    }
}

/// Name the case of every problem in a bulk column's row, by `ids` (the
/// optional column of case numbers).
pub fn name_bulk_rows(problems: &mut [Error], ids: &[String]) {
    for e in problems {
        if let Some(id) = row(&e.path, &["dossier", "transcript", "judgment", "kind", "judge", "ids"]).and_then(|i| ids.get(i)) {
            e.about_case(id);
        }
    }
}

/// A problem of a case, naming it by id, with its type's label and its judge.
fn about_case(e: &mut Error, case: &Case, label: Option<&str>) {
    let mut zh = format!("案件{}", case.id);
    let mut en = format!("case {}", case.id);
    let details: Vec<String> = label.map(str::to_string).into_iter().chain(case.judge.as_ref().map(|j| format!("承办法官 {j}"))).collect();
    if !details.is_empty() {
        zh.push_str(&format!("（{}）", details.join("，")));
    }
    if let Some(j) = &case.judge {
        en.push_str(&format!(" (judge {j})"));
    }
    e.about(&en, &zh);
}
