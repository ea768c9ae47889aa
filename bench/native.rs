//! Native half of `make bench`. Generates each workload's input, writes it to
//! `<out>/<name>.json`, times the operation natively, and writes
//! `<out>/manifest.json`; `bench/run.mjs` then times the same inputs in WASM
//! under Node and prints both with their ratio. Not a test: nothing here
//! asserts a time.

#[path = "workloads/mod.rs"]
mod workloads;

use std::time::Instant;

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "target/bench".into());
    let filter = std::env::args().nth(2);
    std::fs::create_dir_all(&out).expect("create bench output dir");
    let mut manifest = Vec::new();
    for w in workloads::all() {
        if filter.as_deref().is_some_and(|f| !w.name.contains(f)) {
            continue;
        }
        let input_file = format!("{out}/{}.json", w.name);
        std::fs::write(&input_file, &w.input).expect("write bench input");
        // One warm-up, then the best of `iterations` runs.
        let mut best = f64::INFINITY;
        for i in 0..=w.iterations {
            let start = Instant::now();
            let result = shenguan::api::call_str(w.operation, &w.input);
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            if let Err(e) = result {
                panic!("workload {} failed: {e}", w.name);
            }
            if i > 0 {
                best = best.min(ms);
            }
        }
        eprintln!("native {:<40} {:>10.2} ms", w.name, best);
        manifest.push(serde_json::json!({
            "name": w.name, "operation": w.operation, "iterations": w.iterations,
            "input": input_file, "nativeMs": best, "target": w.target, "note": w.note,
        }));
    }
    let manifest = serde_json::to_string_pretty(&manifest).expect("manifest");
    std::fs::write(format!("{out}/manifest.json"), manifest).expect("write manifest");
}
