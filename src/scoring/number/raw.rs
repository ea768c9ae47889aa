//! A method's unrounded score, with its one division not yet done.

use super::arith::{add, div, Checked};
use crate::decimal::Decimal;

/// An unrounded score: a value, or `base + num / den` with the division
/// not yet done (every method divides at most once, last, then adds a base).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Raw {
    /// The score itself.
    Value(Decimal),
    /// `base + num / den` (`den` not zero), as [`Raw::value`] computes it.
    Ratio {
        /// Added after the division, if any.
        base: Option<Decimal>,
        /// Numerator.
        num: Decimal,
        /// Denominator.
        den: Decimal,
    },
}

impl Raw {
    /// The unrounded score: the division (a 28-digit quotient), then the base.
    pub fn value(self) -> Checked {
        match self {
            Raw::Value(v) => Ok(v),
            Raw::Ratio { base, num, den } => {
                let q = div(num, den)?;
                base.map_or(Ok(q), |b| add(b, q))
            }
        }
    }

    /// `base + self`: a ratio without a base takes it, anything else is added now.
    pub fn plus(self, base: Decimal) -> Checked<Raw> {
        Ok(match self {
            Raw::Ratio { base: None, num, den } => Raw::Ratio { base: Some(base), num, den },
            other => Raw::Value(add(base, other.value()?)?),
        })
    }
}
