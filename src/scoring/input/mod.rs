//! Stage 1, input: what callers give, as typed data (the rule-set format,
//! the calls' inputs, a form value, the statistics snapshot). Uses no other stage.

pub mod calls;
pub mod clauses;
pub mod rule_set;
pub mod snapshot;
