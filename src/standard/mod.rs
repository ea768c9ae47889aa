//! Standard cases (标准案件): closed work measured in units of one average
//! case, so that ten long commercial cases count for more than ten small
//! claims.
//!
//! - [`compute_baseline`]: a year's average dossier, transcript and judgment
//!   pages (court-wide or per category) and the component weights, pinned as
//!   a snapshot with a SHA-256 digest;
//! - [`standard_cases`]: per case, `coefficients × Σ w_k × pages_k / avg_k`,
//!   rounded once, with per-judge and per-department totals and an
//!   explanation per case; [`standard_case_weights`] gives the same numbers
//!   as case weights for the assignment engine; [`standard_cases_bulk`] is
//!   the fast form for large batches (parallel arrays);
//! - [`enforcement_cases`]: the enforcement standard (执行完毕, 终本, 终结,
//!   counted only with the required approval);
//! - [`standard_targets`]: the yearly basic target per judge, department
//!   targets, months, revision when intake changes, and progress.
//!
//! All arithmetic is exact on decimals and rounds once per figure by the
//! declared rule; `docs/standard-cases.md` is the specification.

mod baseline;
mod bulk;
mod compute;
mod enforcement;
mod exact;
mod model;
mod naming;
mod plan;
mod targets;
mod totals;
mod weeks;

pub use baseline::{compute_baseline, AverageValues, Averages, Baseline, BaselineInput, PageTotals, Scope, Weights};
pub use bulk::{standard_cases_bulk, standard_cases_bulk_text, BulkInput, BulkKind, BulkOutput, BulkTotal, PageColumn};
pub use compute::{
    standard_case_weights, standard_cases, BaselineRef, CaseResult, Coefficients, ComponentTerm, DepartmentTotal, Explanation, JudgeTotal,
    StandardInput, StandardOutput, WeightsOutput,
};
pub use enforcement::{enforcement_cases, EnforcementCase, EnforcementInput, EnforcementOutput, EnforcementResult, NotCounted};
pub use model::{Case, CaseTypeRule, ClosingRule, Component, Count, EnforcementConfig, Pages, StandardConfig};
pub use weeks::Week;
pub use targets::{
    standard_targets, DepartmentTarget, JudgeTarget, LastYear, OriginalTarget, Progress, ProgressInfo, Revision, RevisionInfo,
    TargetDepartment, TargetsInput, TargetsOutput,
};
