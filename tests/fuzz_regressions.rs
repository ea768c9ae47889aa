//! Replays the inputs saved from fuzzing (tests/fuzz-regressions/) through
//! the fuzz targets' own oracles, fuzz/src/oracle.rs, compiled in here: no
//! panic, no `INTERNAL` error, the same output twice, the text and JSON-tree
//! entry points agreeing, a ledger `assign` wrote verifying, the streamed
//! verification agreeing with the whole, and the beacon checks. `make fuzz`
//! runs the fuzzer itself (docs/fuzzing.md); this runs in `make test`.
//!
//! A file is either `<target>-<name>.bin`, the bytes the target read (what
//! libFuzzer writes to fuzz/artifacts/), or `<target>-<operation>-<name>.json`,
//! the operation's JSON input, to which the selector byte of the operation is
//! added here (for `ledger_stream`, `<operation>` is the split seed, in
//! decimal). An input whose finding still needs a fix in the library goes in
//! a test of its own marked `#[ignore = "why"]` until it is fixed
//! (docs/fuzzing.md).

#[allow(dead_code)]
#[path = "../fuzz/src/oracle.rs"]
mod oracle;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn directory() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions")
}

/// (file name, target, the bytes the target reads) of every input in `dir`.
fn saved_inputs(dir: &Path) -> Vec<(String, &'static str, Vec<u8>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "bin" || e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let mut parts = name.splitn(3, '-');
            let target_name = parts.next().unwrap();
            let &(target, operations) = oracle::TARGETS
                .iter()
                .find(|(t, _)| *t == target_name)
                .unwrap_or_else(|| panic!("{name}: the name does not start with a fuzz target and '-'"));
            let bytes = std::fs::read(&path).unwrap();
            if name.ends_with(".bin") {
                return (name, target, bytes);
            }
            let second = parts.next().unwrap_or_else(|| panic!("{name}: expected <target>-<operation>-<name>.json"));
            let mut data = if target == "ledger_stream" {
                let seed: u32 = second.parse().unwrap_or_else(|_| panic!("{name}: the split seed is not a number"));
                seed.to_le_bytes().to_vec()
            } else {
                let index = operations.iter().position(|op| *op == second).unwrap_or_else(|| panic!("{name}: {target} has no operation {second}"));
                vec![index as u8]
            };
            assert_eq!(data.len(), oracle::prefix_len(target));
            data.extend_from_slice(&bytes);
            (name, target, data)
        })
        .collect()
}

/// Replays every input of `dir`; returns how many, fails listing those that break an oracle.
fn replay(dir: &Path) -> usize {
    let inputs = saved_inputs(dir);
    let mut failures = Vec::new();
    for (name, target, data) in &inputs {
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| oracle::run(target, data))) {
            let message = panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
            failures.push(format!("{name}: {}", message.unwrap_or_default()));
        }
    }
    assert!(failures.is_empty(), "{} of {} saved fuzz inputs break an oracle:\n{}", failures.len(), inputs.len(), failures.join("\n"));
    inputs.len()
}

#[test]
fn saved_fuzz_inputs_pass_every_oracle() {
    let replayed = replay(&directory());
    assert!(replayed > 0, "no saved fuzz inputs in tests/fuzz-regressions/");
}

#[test]
fn every_operation_is_fuzzed() {
    for op in shenguan::api::OPERATIONS {
        assert!(
            oracle::TARGETS.iter().any(|(target, ops)| *target != "beacon" && *target != "ledger_stream" && ops.contains(op)),
            "{op} is in api::OPERATIONS but in no fuzz target"
        );
    }
    for (target, ops) in oracle::TARGETS {
        for op in *ops {
            let own = ["verifyBeacon", "assignWithBeacon", "roundClock"];
            assert!(shenguan::api::OPERATIONS.contains(op) || (*target == "beacon" && own.contains(op)), "{target}: unknown operation {op}");
        }
    }
}

#[test]
fn the_split_covers_the_text_in_order() {
    let text = "头\n{\"a\":1}\n".repeat(50);
    for seed in 0..64 {
        let parts = oracle::split(text.as_bytes(), seed);
        assert_eq!(parts.concat(), text.as_bytes(), "seed {seed}");
    }
    assert!(oracle::split(text.as_bytes(), 0).iter().all(|p| p.len() <= 1));
    assert_eq!(oracle::split(text.as_bytes(), 6).iter().filter(|p| !p.is_empty()).count(), 1);
}
