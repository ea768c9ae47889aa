//! Every public operation by its JS name, JSON in and JSON out.
//!
//! This is the table the test vectors (`tests/vectors/`) and the benchmarks
//! run natively; the WASM package exports the same names, so one vector file
//! checks both targets.

use crate::canonical::{from_json_str, from_json_value};
use crate::error::{Error, ErrorCode, Result};
use serde::Serialize;
use serde_json::Value;

/// Declares every operation once, generating the JSON-value and JSON-text
/// entry points and the list of names.
macro_rules! operations {
    ($($name:literal => $f:path),* $(,)?) => {
        /// Every operation name (the WASM package exports the same names).
        pub const OPERATIONS: &[&str] = &[$($name),*];

        /// Call operation `name` on a JSON input.
        pub fn call_json(name: &str, input: Value) -> Result<Value> {
            match name {
                $($name => to_value(&$f(from_json_value(input)?)?),)*
                _ => Err(unknown(name)),
            }
        }

        /// Call operation `name` on JSON text and return JSON text; typed all
        /// the way, with no intermediate JSON tree.
        pub fn call_str(name: &str, input: &str) -> Result<String> {
            // Read straight from the text: parallel arrays of a million
            // numbers, and batches of judge forms in one pass.
            match name {
                "standardCasesBulk" => return to_string(&crate::standard::standard_cases_bulk_text(input)?),
                "score" => return to_string(&crate::scoring::score_text(input)?),
                "scoreTable" => return to_string(&crate::scoring::score_table_text(input)?),
                _ => {}
            }
            match name {
                $($name => to_string(&$f(from_json_str(input)?)?),)*
                _ => Err(unknown(name)),
            }
        }
    };
}

operations! {
    "commitRun" => crate::assignment::commit_run,
    "carryForward" => crate::assignment::carry_forward,
    "drandRound" => crate::assignment::drand_round,
    "assign" => crate::assignment::assign,
    "verifyLedger" => crate::assignment::verify_ledger,
    "verifyChain" => crate::assignment::verify_chain,
    "verifyHead" => crate::assignment::verify_head,
    "auditLedger" => crate::assignment::audit_ledger,
    "computeBaseline" => crate::standard::compute_baseline,
    "standardCases" => crate::standard::standard_cases,
    "standardCaseWeights" => crate::standard::standard_case_weights,
    "standardCasesBulk" => crate::standard::standard_cases_bulk,
    "enforcementCases" => crate::standard::enforcement_cases,
    "standardTargets" => crate::standard::standard_targets,
    "validateRuleSet" => crate::scoring::validate_rule_set,
    "score" => crate::scoring::score,
    "scoreTable" => crate::scoring::score_table,
    "scoreOne" => crate::scoring::score_one,
}

fn unknown(name: &str) -> Error {
    Error::new(ErrorCode::InvalidInput, "function", format!("unknown operation '{name}'"), format!("未知操作“{name}”"))
}

fn to_value<O: Serialize>(output: &O) -> Result<Value> {
    serde_json::to_value(output).map_err(|e| Error::new(ErrorCode::Internal, "", e.to_string(), e.to_string()))
}

/// The JSON text of a result, within the limit the WASM package applies.
fn to_string<O: Serialize>(output: &O) -> Result<String> {
    crate::limits::output_text(output)
}
