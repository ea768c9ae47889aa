//! Every public operation by its JS name, JSON in and JSON out.
//!
//! This is the table the test vectors (`tests/vectors/`) and the benchmarks
//! run natively; the WASM package exports the same names, so one vector file
//! checks both targets.

use crate::canonical::from_json_value;
use crate::error::{Error, ErrorCode, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Call operation `name` on a JSON input.
pub fn call_json(name: &str, input: Value) -> Result<Value> {
    use crate::assignment;
    match name {
        "validateRuleSet" => run(input, crate::scoring::validate_rule_set),
        "score" => run(input, crate::scoring::score),
        "scoreOne" => run(input, crate::scoring::score_one),
        "commitSeed" => run(input, assignment::commit_seed),
        "assign" => run(input, assignment::assign),
        "verifyLedger" => run(input, assignment::verify_ledger),
        "verifyChain" => run(input, assignment::verify_chain),
        "auditLedger" => run(input, assignment::audit_ledger),
        "computeBaseline" => run(input, crate::standard::compute_baseline),
        "standardCases" => run(input, crate::standard::standard_cases),
        "standardCaseWeights" => run(input, crate::standard::standard_case_weights),
        "standardCasesBulk" => run(input, crate::standard::standard_cases_bulk),
        "enforcementCases" => run(input, crate::standard::enforcement_cases),
        "standardTargets" => run(input, crate::standard::standard_targets),
        _ => Err(Error::new(
            ErrorCode::InvalidInput,
            "function",
            format!("unknown operation '{name}'"),
            format!("未知操作“{name}”"),
        )),
    }
}

/// Call operation `name` on JSON text and return JSON text.
pub fn call_str(name: &str, input: &str) -> Result<String> {
    if name == "standardCasesBulk" {
        // Parallel arrays of a million numbers: read straight from the text.
        let output = crate::standard::standard_cases_bulk_text(input)?;
        return serde_json::to_string(&output).map_err(|e| Error::new(ErrorCode::Internal, "", e.to_string(), e.to_string()));
    }
    let input: Value = crate::canonical::from_json_str(input)?;
    let output = call_json(name, input)?;
    serde_json::to_string(&output).map_err(|e| Error::new(ErrorCode::Internal, "", e.to_string(), e.to_string()))
}

fn run<I: DeserializeOwned, O: Serialize>(input: Value, f: impl FnOnce(I) -> Result<O>) -> Result<Value> {
    let output = f(from_json_value(input)?)?;
    serde_json::to_value(output).map_err(|e| Error::new(ErrorCode::Internal, "", e.to_string(), e.to_string()))
}
