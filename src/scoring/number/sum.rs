//! A running sum of products in a score: a group's `Σ sᵢ × wᵢ`, a total.
//!
//! A summary batch keeps it in integers ([`ProductSum`]) while they hold
//! it; an explained result keeps it in `Decimal`, the reference path. Both
//! are exact, so they agree (see `docs/scoring.md`, Totals and rounding).

use super::arith::Checked;
use super::arith::{add, mul, percent};
use super::settle::ProductSum;
use crate::decimal::{Decimal, RoundingRule};

/// A group's running `Σ sᵢ × wᵢ`: in integers while they hold it, else in `Decimal`.
#[derive(Clone, Copy)]
pub enum Sum {
    /// Exactly, in 64-bit integers.
    Integer(ProductSum),
    /// In `Decimal` (the reference path, or a sum too wide for integers).
    Decimal(Decimal),
    /// An indicator score is missing.
    Missing,
}

impl Sum {
    /// Zero: in `Decimal` on the reference path, else in integers (see [`super::Path::sum`]).
    pub(super) fn new(reference: bool) -> Sum {
        if reference {
            Sum::Decimal(Decimal::ZERO)
        } else {
            Sum::Integer(ProductSum::ZERO)
        }
    }

    /// `self + s × w` (`Missing` stays missing).
    pub fn plus(self, s: Decimal, w: Decimal) -> Checked<Sum> {
        Ok(match self {
            Sum::Integer(sum) => match sum.plus(s, w) {
                Some(sum) => Sum::Integer(sum),
                None => Sum::Decimal(add(sum.value(), mul(s, w)?)?),
            },
            Sum::Decimal(sum) => Sum::Decimal(add(sum, mul(s, w)?)?),
            Sum::Missing => Sum::Missing,
        })
    }

    /// `round(Σ / 100)`, or `None` when a score is missing.
    pub fn percent_rounded(self, rule: RoundingRule) -> Checked<Option<Decimal>> {
        Ok(match self {
            Sum::Integer(sum) => Some(match sum.percent_rounded(rule) {
                Some(g) => g,
                None => rule.apply(percent(sum.value())?),
            }),
            Sum::Decimal(sum) => Some(rule.apply(percent(sum)?)),
            Sum::Missing => None,
        })
    }

    /// `round(Σ)`, or `None` when a score is missing.
    pub fn rounded(self, rule: RoundingRule) -> Checked<Option<Decimal>> {
        Ok(match self {
            Sum::Integer(sum) => Some(sum.rounded(rule).unwrap_or_else(|| rule.apply(sum.value()))),
            Sum::Decimal(sum) => Some(rule.apply(sum)),
            Sum::Missing => None,
        })
    }

    /// The sum, or `None` when a score is missing.
    pub fn value(self) -> Option<Decimal> {
        match self {
            Sum::Integer(sum) => Some(sum.value()),
            Sum::Decimal(sum) => Some(sum),
            Sum::Missing => None,
        }
    }
}
