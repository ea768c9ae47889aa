//! Stage 3, evaluate: every judge's score against the compiled rule set,
//! with its explanation tree. Uses input and compile.

pub mod credit;
pub mod engine;
pub mod explain;
pub mod leader;
pub mod methods;
pub mod populations;
pub mod result;
