//! `src/scoring` reads as one pipeline: input → compile → evaluate → grade →
//! output, one folder per stage, and no file uses a later stage. `number/`
//! (the arithmetic) is below every stage and uses none; `mod.rs` at the top
//! runs the stages and may use them all. This test reads the source files
//! and fails on any path that reaches forward, so the order stays.

use std::fs;
use std::path::{Path, PathBuf};

/// The stages, in pipeline order.
const STAGES: [&str; 5] = ["input", "compile", "evaluate", "grade", "output"];
/// Below every stage: used by any, uses none.
const FOUNDATION: &str = "number";

/// Position of a folder in the order (`number` first, at 0).
fn rank(folder: &str) -> Option<usize> {
    if folder == FOUNDATION {
        return Some(0);
    }
    STAGES.iter().position(|&s| s == folder).map(|p| p + 1)
}

/// The top-level `src/scoring` module a file's text reaches through each
/// path in it, for a file in `folder` (`is_mod`: the folder's `mod.rs`).
/// Comments are skipped: a doc link is not a dependency.
fn reached(text: &str, is_mod: bool) -> Result<Vec<(usize, String)>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::scoring") {
            let after = &rest[at + "crate::scoring".len()..];
            let Some(path) = after.strip_prefix("::") else {
                return Err(format!("line {}: name the stage after crate::scoring", n + 1));
            };
            if path.starts_with('{') {
                return Err(format!("line {}: write one path per stage, not crate::scoring::{{…}}", n + 1));
            }
            out.push((n + 1, first_segment(path)));
            rest = after;
        }
        // `super::` in a folder's `mod.rs` is `crate::scoring`; in any
        // other file of the folder, the folder itself.
        let mut rest = code;
        while let Some(at) = rest.find("super::") {
            let mut after = &rest[at + "super::".len()..];
            let mut up = if is_mod { 1 } else { 0 };
            while let Some(more) = after.strip_prefix("super::") {
                up += 1;
                after = more;
            }
            match up {
                0 => {}
                1 => out.push((n + 1, first_segment(after))),
                _ => return Err(format!("line {}: super::super:: leaves src/scoring", n + 1)),
            }
            rest = after;
        }
    }
    Ok(out)
}

fn first_segment(path: &str) -> String {
    path.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

/// Every way `text`, a file of `folder`, breaks the order.
fn violations(folder: &str, is_mod: bool, text: &str) -> Vec<String> {
    let Some(own) = rank(folder) else { return vec![format!("{folder} is neither a stage nor {FOUNDATION}")] };
    let reached = match reached(text, is_mod) {
        Ok(r) => r,
        Err(e) => return vec![e],
    };
    let mut out = Vec::new();
    for (line, target) in reached {
        if target == folder {
            continue;
        }
        match rank(&target) {
            Some(r) if folder == FOUNDATION || (r > own) => out.push(format!("line {line}: {folder} uses {target}")),
            Some(_) => {}
            None if !is_mod || target.is_empty() => {}
            None => out.push(format!("line {line}: {folder} uses {target}, which is no stage")),
        }
    }
    out
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn no_scoring_file_uses_a_later_stage() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/scoring");
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    for file in rust_files(&root) {
        let rel = file.strip_prefix(&root).unwrap();
        let parts: Vec<&str> = rel.iter().map(|p| p.to_str().unwrap()).collect();
        match parts.as_slice() {
            ["mod.rs"] => continue,
            [folder, name] => {
                seen.push(folder.to_string());
                let text = fs::read_to_string(&file).unwrap();
                for v in violations(folder, *name == "mod.rs", &text) {
                    problems.push(format!("{}: {v}", rel.display()));
                }
            }
            _ => problems.push(format!("{}: every file sits in a stage folder, one level down", rel.display())),
        }
    }
    for stage in STAGES.iter().chain([&FOUNDATION]) {
        assert!(seen.iter().any(|s| s == stage), "stage folder {stage} is missing");
    }
    assert!(problems.is_empty(), "src/scoring is not a pipeline:\n{}", problems.join("\n"));
}

#[test]
fn the_check_catches_a_path_that_reaches_forward() {
    assert!(violations("compile", false, "use crate::scoring::compile::Compiled;\nuse crate::scoring::input::calls::X;").is_empty());
    assert_eq!(violations("input", false, "use crate::scoring::compile::Compiled;"), ["line 1: input uses compile"]);
    assert_eq!(violations("evaluate", false, "    let g = crate::scoring::grade::levels::by_score();"), ["line 1: evaluate uses grade"]);
    // In a stage's mod.rs, `super::` is the scoring module.
    assert_eq!(violations("grade", true, "use super::output::table;"), ["line 1: grade uses output"]);
    assert!(violations("grade", false, "use super::levels::Quotas;").is_empty());
    assert_eq!(violations("number", false, "use crate::scoring::input::rule_set::Method;"), ["line 1: number uses input"]);
    assert_eq!(violations("input", false, "use super::super::grade::X;").len(), 1);
    assert_eq!(violations("input", false, "use crate::scoring::{grade, output};").len(), 1);
    // A comment is not a dependency.
    assert!(violations("input", false, "/// read by [`f`](crate::scoring::compile::forms::read_judges)").is_empty());
}
