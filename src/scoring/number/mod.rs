//! Numbers of a score, and the one place that decides how they are
//! computed. Not a stage: every stage may use it, and it uses none.
//!
//! Every score is exact decimal arithmetic (`Decimal`, [`arith`]) with
//! declared rounding: that is the reference path. A summary batch (no
//! explanation trees) may take integer shortcuts that give the very same
//! numbers, because they are several times cheaper in WebAssembly; whether
//! a call takes them is decided here, once per call, by [`Path`], and the
//! engine asks [`Path`] for every method score and every sum:
//!
//! - [`Path::score`]: a method's score capped, floored and rounded, settled
//!   in integers when that is exact ([`settle`]), else in `Decimal`;
//! - [`Path::sum`]: a running `Σ sᵢ × wᵢ`, in 64-bit integers while they
//!   hold it ([`settle::ProductSum`]), else in `Decimal` ([`sum::Sum`]).
//!
//! The explained path shows `raw` and the intermediate steps, so it always
//! takes `Decimal`; tests compare both paths (tests/scoring_paths.rs).

pub mod arith;
pub mod raw;
pub mod settle;
pub mod sum;

use crate::decimal::{Decimal, RoundingRule};
use arith::Checked;
use raw::Raw;
use sum::Sum;

/// How a call computes its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// `Decimal` throughout: the reference, and what explanations show.
    Reference,
    /// Integers wherever they give the reference's number exactly.
    Shortcut,
}

/// A method's score after cap, floor and rounding.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// The rounded score.
    pub value: Decimal,
    /// The unrounded score (`None` when it was settled in integers).
    pub raw: Option<Decimal>,
    /// The cap lowered it.
    pub capped: bool,
    /// The floor raised it.
    pub floored: bool,
}

impl Path {
    /// The path of a call: the reference when it explains its numbers.
    pub fn for_call(explained: bool) -> Path {
        if explained {
            Path::Reference
        } else {
            Path::Shortcut
        }
    }

    /// An empty running sum on this path.
    pub fn sum(self) -> Sum {
        Sum::new(self == Path::Reference)
    }

    /// `raw` capped, floored and rounded by `rule`.
    pub fn score(self, raw: Raw, cap: Option<Decimal>, floor: Option<Decimal>, rule: RoundingRule) -> Checked<Score> {
        if self == Path::Shortcut {
            if let Some(value) = settle::settle(raw, cap, floor, rule) {
                return Ok(Score { value, raw: None, capped: false, floored: false });
            }
        }
        let raw = raw.value()?;
        let capped = cap.filter(|&cap| raw > cap);
        let floored = floor.filter(|&floor| capped.unwrap_or(raw) < floor);
        let value = rule.apply(floored.or(capped).unwrap_or(raw));
        Ok(Score { value, raw: Some(raw), capped: capped.is_some(), floored: floored.is_some() })
    }
}
