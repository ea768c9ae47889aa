//! A synthetic court year for the assignment benchmarks: departments of
//! judges with mixed roles and shares, weighted cases, absences, recusals,
//! hard and leader-excluded cases. Deterministic (ChaCha8 from a fixed seed).

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};

/// Shape of the synthetic year.
pub struct Shape {
    /// Departments.
    pub departments: usize,
    /// Judges per department (leaders included).
    pub judges_per_department: usize,
    /// Cases in the year.
    pub cases: usize,
    /// Case types per department (each judge handles all but at most one).
    pub types_per_department: usize,
    /// Absences and returns spread over the year.
    pub absences: bool,
    /// Judges carry in a load (mid-year), instead of all starting at zero.
    pub carried_load: bool,
}

struct Gen(ChaCha8Rng);

impl Gen {
    fn below(&mut self, n: u64) -> u64 {
        self.0.next_u64() % n
    }
    fn chance(&mut self, per_thousand: u64) -> bool {
        self.below(1000) < per_thousand
    }
}

/// The year as an `assign` input (JSON).
pub fn year(shape: &Shape, seed: u64) -> Value {
    let mut g = Gen(ChaCha8Rng::seed_from_u64(seed));
    let roles = [("divisionChief", "0.55"), ("deputyChief", "0.8"), ("vicePresident", "0.3")];
    let regions = ["east", "west", "north", "south"];
    let mut judges = Vec::new();
    for d in 0..shape.departments {
        let types: Vec<String> = (0..shape.types_per_department).map(|t| format!("d{d}t{t}")).collect();
        for j in 0..shape.judges_per_department {
            let (role, share) = match j {
                0..=2 => roles[j],
                _ if g.chance(80) => ("judge", "0.8"),
                _ => ("judge", "1"),
            };
            // Leaders handle every type; an ordinary judge sometimes skips one.
            let skip = if j > 2 && g.chance(300) { g.below(types.len() as u64) as usize } else { usize::MAX };
            let handled: Vec<&String> = types.iter().enumerate().filter(|(k, _)| *k != skip).map(|(_, t)| t).collect();
            judges.push(json!({
                "id": format!("D{d:02}J{j:03}"), "department": format!("D{d:02}"), "caseTypes": handled,
                "role": role, "share": share, "region": regions[(j + d) % regions.len()],
            }));
            if shape.carried_load {
                let last = judges.len() - 1;
                judges[last]["load"] = json!(format!("{}.{:02}", 40 + g.below(20), g.below(100)));
            }
        }
    }
    let weights = ["0.3", "0.5", "0.8", "1", "1", "1", "1.2", "1.5", "2", "3.5", "6"];
    let mut cases = Vec::with_capacity(shape.cases);
    let mut events = Vec::with_capacity(shape.cases + shape.cases / 50);
    let mut absent: Vec<(usize, usize)> = Vec::new(); // (judge, returns after case k)
    for k in 0..shape.cases {
        let d = g.below(shape.departments as u64) as usize;
        let department = format!("D{d:02}");
        let case_type = format!("d{d}t{}", g.below(shape.types_per_department as u64));
        let mut case = json!({
            "id": format!("C{k:07}"), "caseType": case_type, "department": department,
            "weight": weights[g.below(weights.len() as u64) as usize],
        });
        if g.chance(40) {
            case["hard"] = json!(true);
        } else if g.chance(100) {
            case["leaderExcluded"] = json!(true);
        }
        if g.chance(20) {
            let j = d * shape.judges_per_department + g.below(shape.judges_per_department as u64) as usize;
            case["recuse"] = json!([judges[j]["id"]]);
        }
        if shape.absences && g.chance(4) {
            // Only ordinary judges go on leave, so hard cases always find a leader.
            let j = g.below(judges.len() as u64) as usize;
            if j % shape.judges_per_department > 2 && !absent.iter().any(|&(a, _)| a == j) {
                events.push(json!({ "kind": "availability", "judgeId": judges[j]["id"], "availability": "onLeave" }));
                absent.push((j, k + 200 + g.below(2000) as usize));
            }
        }
        while let Some(pos) = absent.iter().position(|&(_, back)| back <= k) {
            let (j, _) = absent.swap_remove(pos);
            events.push(json!({ "kind": "availability", "judgeId": judges[j]["id"], "availability": "available" }));
        }
        events.push(json!({ "kind": "draw", "caseId": case["id"] }));
        cases.push(case);
    }
    json!({
        "court": "synthetic", "seed": format!("{seed:064x}"), "judges": judges, "cases": cases, "events": events,
        "beacon": { "kind": "none" }, "committedAt": "2026-01-01T00:00:00Z",
    })
}

/// `input` with its own run commitment filled in (a simulation: no one
/// published it before a beacon round).
pub fn committed(mut input: Value) -> Value {
    let commitment = shenguan::api::call_json("commitRun", input.clone()).expect("synthetic year commits")["commitment"].clone();
    input["commitment"] = commitment;
    input
}
