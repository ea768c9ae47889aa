//! Assignment workloads: a day's batch, and replay verification.

use super::synthetic::{committed, year, Shape};
use super::Workload;

fn court(cases: usize) -> serde_json::Value {
    // 20 departments of 60 judges; 6 case types per department, each judge
    // handling all but sometimes one (专业化: pools of about 50).
    committed(year(&Shape { departments: 20, judges_per_department: 60, cases, types_per_department: 6, absences: false, carried_load: cases <= 2_000 }, 11))
}

/// The workloads.
pub fn workloads() -> Vec<Workload> {
    let batch = court(2_000);
    let mut verify_input = court(20_000);
    let ledger = shenguan::api::call_json("assign", verify_input.clone()).expect("synthetic year assigns");
    verify_input = serde_json::json!({ "inputs": verify_input, "ledger": ledger });
    let year = court(550_000);
    let head = shenguan::api::call_json("verifyHead", serde_json::json!({ "inputs": year, "head": "" })).expect("year replays")["head"].clone();
    let head_input = serde_json::json!({ "inputs": year, "head": head });
    vec![
        Workload {
            name: "verifyHead: replay 550,000 cases",
            operation: "verifyHead",
            input: head_input.to_string(),
            iterations: 1,
            target: "WASM < 1 s, < 1.5x native",
            note: "a year of 550,000 cases, 20 departments x 60 judges, replayed from the published inputs and seed: the commitment recomputed over every input, every draw, every entry's hash, compared with the published chain head (input JSON text ~60 MB, parsing included)".into(),
        },
        Workload {
            name: "assign: day batch 2,000 cases",
            operation: "assign",
            input: batch.to_string(),
            iterations: 10,
            target: "WASM < 20 ms",
            note: "20 departments x 60 judges; input JSON text in, full ledger out (every seat's pool with loads and probabilities)".into(),
        },
        Workload {
            name: "verifyLedger: 20,000 cases",
            operation: "verifyLedger",
            input: verify_input.to_string(),
            iterations: 3,
            target: "(per-entry cost)",
            note: "replay and compare a full published ledger (text, one line per entry) of 20,000 entries".into(),
        },
    ]
}
