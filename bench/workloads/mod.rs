//! Benchmark workloads, one file per concept. Each workload is an operation
//! of `shenguan::api` and its input as JSON text, so native and WASM run the
//! very same call on the very same bytes.

mod scoring;
mod standard;

/// One timed call.
pub struct Workload {
    /// Unique name, shown in the report.
    pub name: &'static str,
    /// Operation name in `shenguan::api` (and the WASM export of that name).
    pub operation: &'static str,
    /// Input as JSON text.
    pub input: String,
    /// Timed runs after one warm-up; the best is reported.
    pub iterations: u32,
    /// The speed target, e.g. "WASM < 500 ms".
    pub target: &'static str,
    /// What the workload is.
    pub note: String,
}

mod assignment;
#[allow(dead_code)]
pub mod synthetic;

/// Every workload.
pub fn all() -> Vec<Workload> {
    let mut all = Vec::new();
    all.extend(assignment::workloads());
    all.extend(scoring::workloads());
    all.extend(standard::workloads());
    all
}
