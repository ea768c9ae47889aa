//! Progress of the long operations, for a caller that shows it (the worker
//! wrapper, the inspector CLI).
//!
//! The operations report where they are through [`report`]; nothing is
//! reported unless a caller installed a sink with [`reporting`] around the
//! call. The sink lives in a thread-local, so the operations keep their
//! signatures and a call without a sink pays one counter check per step.
//! Reports are spaced (every [`ENTRIES_PER_REPORT`] entries of a ledger,
//! [`JUDGES_PER_REPORT`] judges, [`CASES_PER_REPORT`] cases) and the last
//! step of a pass is always reported, so a pass ends with `done == total`.

use std::cell::{Cell, RefCell};

/// Ledger entries between two reports.
pub const ENTRIES_PER_REPORT: u64 = 1_000;
/// Judges scored between two reports.
pub const JUDGES_PER_REPORT: u64 = 1_000;
/// Cases between two reports of `standardCasesBulk`.
pub const CASES_PER_REPORT: u64 = 100_000;

/// Where a long operation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The pass: `assign`, `verify`, `head`, `audit`, `score`, `cases`.
    pub phase: &'static str,
    /// Steps done in this pass.
    pub done: u64,
    /// Steps this pass takes.
    pub total: u64,
}

type Sink = Box<dyn FnMut(Progress)>;

thread_local! {
    static SINK: RefCell<Option<Sink>> = const { RefCell::new(None) };
    static PHASE: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// Run `f` with `sink` receiving its progress reports; the previous sink
/// (if any) is restored afterwards.
pub fn reporting<T>(sink: impl FnMut(Progress) + 'static, f: impl FnOnce() -> T) -> T {
    let previous = SINK.with(|s| s.replace(Some(Box::new(sink))));
    let result = f();
    SINK.with(|s| *s.borrow_mut() = previous);
    result
}

/// Run `f` with its reports named `phase` unless an outer call named one
/// already (`auditLedger` runs `verifyLedger` as its `verify` pass).
pub fn in_phase<T>(phase: &'static str, f: impl FnOnce() -> T) -> T {
    let outer = PHASE.with(|p| p.get());
    if outer.is_some() {
        return f();
    }
    PHASE.with(|p| p.set(Some(phase)));
    let result = f();
    PHASE.with(|p| p.set(None));
    result
}

/// Run `f` as pass `phase`, whatever an outer call named.
pub fn as_phase<T>(phase: &'static str, f: impl FnOnce() -> T) -> T {
    let outer = PHASE.with(|p| p.replace(Some(phase)));
    let result = f();
    PHASE.with(|p| p.set(outer));
    result
}

/// Report step `done` of `total` when it falls on the spacing `every` or is
/// the last; `fallback` names the pass when no caller named one.
pub fn report(fallback: &'static str, done: u64, total: u64, every: u64) {
    if done % every.max(1) != 0 && done != total {
        return;
    }
    let phase = PHASE.with(|p| p.get()).unwrap_or(fallback);
    SINK.with(|s| {
        // A sink that reports from inside its own report is not called again.
        if let Ok(mut sink) = s.try_borrow_mut() {
            if let Some(sink) = sink.as_mut() {
                sink(Progress { phase, done, total });
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn reports_on_the_spacing_and_the_last_step_inside_reporting_only() {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let sink = seen.clone();
        report("x", 1_000, 2_500, 1_000); // no sink: nothing happens
        reporting(
            move |p| sink.borrow_mut().push((p.phase, p.done, p.total)),
            || {
                for done in 1..=2_500 {
                    report("x", done, 2_500, 1_000);
                }
                in_phase("named", || report("x", 5, 5, 1_000));
            },
        );
        report("x", 2_000, 2_500, 1_000);
        assert_eq!(
            *seen.borrow(),
            vec![
                ("x", 1_000, 2_500),
                ("x", 2_000, 2_500),
                ("x", 2_500, 2_500),
                ("named", 5, 5)
            ]
        );
    }

    #[test]
    fn an_outer_phase_wins_over_an_inner_one_unless_forced() {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let sink = seen.clone();
        reporting(
            move |p| sink.borrow_mut().push(p.phase),
            || {
                in_phase("audit", || {
                    in_phase("verify", || report("x", 1, 1, 1));
                    as_phase("verify", || report("x", 1, 1, 1));
                    report("x", 1, 1, 1);
                })
            },
        );
        assert_eq!(*seen.borrow(), vec!["audit", "verify", "audit"]);
    }
}
