//! The fuzz targets' shared code: one oracle per target (see oracle.rs),
//! also included by the root crate's tests/fuzz_regressions.rs.

mod oracle;

pub use oracle::*;
