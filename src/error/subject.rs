//! What a parse failure is about: the judge or the case its path lies in,
//! read again from the input once the one parsing pass has failed, so a
//! refused `judges[3].load` says 法官王某（J04） and a refused
//! `cases[7].judge` says 案件(2026)民初8号, not a row number.

use super::Error;
use serde::Deserialize;

/// The naming members of a judge or a case; every other member is skipped.
#[derive(Deserialize)]
struct Named {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    name: Option<serde_json::Value>,
}

impl Named {
    fn text(value: &Option<serde_json::Value>) -> Option<&str> {
        value.as_ref().and_then(serde_json::Value::as_str).filter(|s| !s.trim().is_empty())
    }
}

#[derive(Deserialize)]
struct Lists {
    #[serde(default)]
    judges: Vec<Named>,
    #[serde(default)]
    cases: Vec<Named>,
}

/// The list and row a path starts in (`cases[7].pages` → `("cases", 7)`).
pub fn list_row(path: &str) -> Option<(&str, usize)> {
    let (list, rest) = path.split_once('[')?;
    Some((list, rest.split_once(']')?.0.parse().ok()?))
}

/// The list (`judges` or `cases`) and row a path starts in.
fn row(path: &str) -> Option<(&'static str, usize)> {
    match list_row(path)? {
        ("judges", index) => Some(("judges", index)),
        ("cases", index) => Some(("cases", index)),
        _ => None,
    }
}

/// Name the judge or case of `e`'s path, as `text` (the whole input) gives
/// it. Nothing is added when the path is elsewhere or the row has no id.
pub fn name_from_input(e: &mut Error, text: &str) {
    let Some((list, index)) = row(&e.path) else { return };
    let Ok(lists) = serde_json::from_str::<Lists>(text) else { return };
    let rows = if list == "judges" { &lists.judges } else { &lists.cases };
    if let Some(named) = rows.get(index) {
        name_row(e, list, named);
    }
}

/// Name the judge of `e`'s path from `text`, the judges' list alone
/// (the scoring forms, read apart from the rest of the input).
pub fn name_from_judges(e: &mut Error, text: &str) {
    let Some(("judges", index)) = row(&e.path) else { return };
    let Ok(judges) = serde_json::from_str::<Vec<Named>>(text) else { return };
    if let Some(named) = judges.get(index) {
        name_row(e, "judges", named);
    }
}

/// Name the judge of `e` from `text`, one judge's form (`scoreOne`).
pub fn name_from_form(e: &mut Error, text: &str) {
    if let Ok(named) = serde_json::from_str::<Named>(text) {
        name_row(e, "judges", &named);
    }
}

fn name_row(e: &mut Error, list: &str, named: &Named) {
    let (id, name) = (Named::text(&named.id), Named::text(&named.name));
    if list == "judges" {
        if id.is_some() || name.is_some() {
            e.about_judge(name, id.unwrap_or_default());
        }
    } else if let Some(id) = id {
        e.about_case(id);
    }
}
