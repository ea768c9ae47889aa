//! The size limits of an assignment run (see `crate::limits`), checked
//! before anything else so that an oversized input costs one pass.

use super::model::AssignmentInput;
use crate::error::Error;
use crate::limits::{check_bytes, check_count, ASSIGN_CASES, ASSIGN_EVENTS, ASSIGN_JUDGES, ID_BYTES, LIST_ITEMS, TEXT_BYTES};

/// Collects the limits an input exceeds; paths are only written for those.
#[derive(Default)]
struct Problems(Vec<Error>);

impl Problems {
    fn count(&mut self, path: &str, what: (&str, &str), count: usize, limit: usize) {
        if let Err(e) = check_count(path, what.0, what.1, count, limit) {
            self.0.push(e);
        }
    }

    fn bytes(&mut self, text: &str, limit: usize, path: impl FnOnce() -> String) {
        if let Err(e) = check_bytes(text, limit, path) {
            self.0.push(e);
        }
    }

    fn ids(&mut self, ids: &[String], path: impl Fn() -> String) {
        if ids.len() > LIST_ITEMS {
            self.count(&path(), ("entries", "条目"), ids.len(), LIST_ITEMS);
            return;
        }
        for (j, id) in ids.iter().enumerate() {
            self.bytes(id, ID_BYTES, || format!("{}[{j}]", path()));
        }
    }
}

/// Every limit the input exceeds, as one error (first + `more`).
pub fn check(input: &AssignmentInput) -> Result<(), Error> {
    let mut p = Problems::default();
    p.bytes(&input.court, TEXT_BYTES, || "court".into());
    p.count("judges", ("judges", "法官"), input.judges.len(), ASSIGN_JUDGES);
    p.count("cases", ("cases", "案件"), input.cases.len(), ASSIGN_CASES);
    if let Some(events) = &input.events {
        p.count("events", ("events", "事件"), events.len(), ASSIGN_EVENTS);
    }
    for (i, judge) in input.judges.iter().enumerate() {
        p.bytes(&judge.id, ID_BYTES, || format!("judges[{i}].id"));
        p.bytes(&judge.name, TEXT_BYTES, || format!("judges[{i}].name"));
        p.bytes(&judge.department, ID_BYTES, || format!("judges[{i}].department"));
        p.ids(&judge.case_types, || format!("judges[{i}].caseTypes"));
        p.bytes(judge.region.as_deref().unwrap_or(""), ID_BYTES, || format!("judges[{i}].region"));
    }
    for (i, case) in input.cases.iter().enumerate() {
        p.bytes(&case.id, ID_BYTES, || format!("cases[{i}].id"));
        p.bytes(&case.case_type, ID_BYTES, || format!("cases[{i}].caseType"));
        p.bytes(&case.department, ID_BYTES, || format!("cases[{i}].department"));
        p.bytes(case.filed_on.as_deref().unwrap_or(""), ID_BYTES, || format!("cases[{i}].filedOn"));
        p.ids(&case.recuse, || format!("cases[{i}].recuse"));
        p.ids(&case.assigned, || format!("cases[{i}].assigned"));
        p.ids(&case.avoid_regions, || format!("cases[{i}].avoidRegions"));
    }
    for (i, event) in input.events.iter().flatten().enumerate() {
        for (member, value) in [("caseId", &event.case_id), ("judgeId", &event.judge_id), ("approver", &event.approver), ("time", &event.time)] {
            p.bytes(value.as_deref().unwrap_or(""), ID_BYTES, || format!("events[{i}].{member}"));
        }
        let text = event.reason.as_ref().and_then(|r| r.text.as_deref()).unwrap_or("");
        p.bytes(text, TEXT_BYTES, || format!("events[{i}].reason.text"));
    }
    match Error::collect(p.0) {
        Some(error) => Err(error),
        None => Ok(()),
    }
}
