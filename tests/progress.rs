//! The long operations report their progress from the core: every
//! `ENTRIES_PER_REPORT` entries of a ledger (and the last), named by pass,
//! and only inside `progress::reporting`.

use shenguan::progress::{reporting, Progress, ENTRIES_PER_REPORT};
use std::cell::RefCell;
use std::rc::Rc;

fn small_court() -> serde_json::Value {
    let vector: serde_json::Value =
        serde_json::from_str(include_str!("vectors/assignment/small-court.json")).unwrap();
    vector["steps"][0]["input"].clone()
}

/// A run of `n` draws over the small court's judges (one case repeated under new ids).
fn run_of(n: usize) -> serde_json::Value {
    let mut input = small_court();
    let case = input["cases"][0].clone();
    let cases: Vec<_> = (0..n)
        .map(|i| {
            let mut c = case.clone();
            c["id"] = format!("K{i}").into();
            c
        })
        .collect();
    input["cases"] = cases.into();
    input.as_object_mut().unwrap().remove("events");
    input.as_object_mut().unwrap().remove("commitment");
    let parsed = serde_json::from_value(input).unwrap();
    serde_json::to_value(shenguan::assignment::with_commitment(parsed).unwrap()).unwrap()
}

fn collect(op: &str, input: serde_json::Value) -> Vec<Progress> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    reporting(
        move |p| sink.borrow_mut().push(p),
        || shenguan::api::call_json(op, input),
    )
    .unwrap();
    let reports = seen.borrow().clone();
    reports
}

#[test]
fn replays_report_every_thousand_entries_and_the_last_by_pass() {
    let run = run_of(2_500);
    let ledger = shenguan::api::call_json("assign", run.clone()).unwrap();
    let steps = |reports: &[Progress], phase: &str| {
        reports
            .iter()
            .filter(|p| p.phase == phase)
            .map(|p| (p.done, p.total))
            .collect::<Vec<_>>()
    };
    let expected = vec![
        (ENTRIES_PER_REPORT, 2_500),
        (2 * ENTRIES_PER_REPORT, 2_500),
        (2_500, 2_500),
    ];

    let assign = collect("assign", run.clone());
    assert_eq!(steps(&assign, "assign"), expected);
    assert_eq!(assign.len(), 3);

    let verify = collect(
        "verifyLedger",
        serde_json::json!({ "inputs": run, "ledger": ledger }),
    );
    assert_eq!(
        (steps(&verify, "verify"), verify.len()),
        (expected.clone(), 3)
    );

    let head = collect(
        "verifyHead",
        serde_json::json!({ "inputs": run, "head": "" }),
    );
    assert_eq!((steps(&head, "head"), head.len()), (expected.clone(), 3));

    let audit = collect(
        "auditLedger",
        serde_json::json!({ "inputs": run, "ledger": ledger }),
    );
    assert_eq!(
        (steps(&audit, "verify"), steps(&audit, "audit"), audit.len()),
        (expected.clone(), expected, 6)
    );
}

#[test]
fn nothing_is_reported_outside_reporting() {
    let seen = Rc::new(RefCell::new(0));
    let sink = seen.clone();
    reporting(move |_| *sink.borrow_mut() += 1, || ());
    shenguan::api::call_json("assign", run_of(1_200)).unwrap();
    assert_eq!(*seen.borrow(), 0);
}
