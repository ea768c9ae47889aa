//! # shenguan (审管)
//!
//! Trial management for court portals, as a pure-Rust core that also compiles
//! to WebAssembly:
//!
//! - [`assignment`]: auditable random, balanced case assignment (随机分案,
//!   均衡分案) with committed seeds and a hash-chained ledger anyone can replay;
//! - standard cases (标准案件) from page counts and coefficients;
//! - the judge performance formula (审判绩效) as versioned rule sets.
//!
//! Shared pieces: [`error`] (coded errors with field paths, English and
//! Chinese messages), [`canonical`] (canonical JSON, SHA-256, parsing with
//! paths) and [`decimal`] (exact decimals with declared rounding).
//!
//! The JS boundary lives in `src/wasm/`, compiled only for `wasm32`; it converts
//! values and maps errors and holds no logic.

// No unsafe code, except the wasm builds' global allocator (src/wasm/memory.rs),
// which implements `GlobalAlloc` by passing every call to the standard one.
#![deny(unsafe_code)]
// The README's Rust example runs as a doctest.
#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

pub mod api;
pub mod assignment;
pub mod beacon;
pub mod canonical;
pub mod decimal;
pub mod error;
pub mod import;
pub mod limits;
pub mod progress;
pub mod scoring;
pub mod standard;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorCode, Result};

/// Crate version, as recorded in outputs.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
