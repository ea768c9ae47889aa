//! Checked decimal arithmetic of the scoring engine, with errors small
//! enough to return from every one of a batch's million operations.

use crate::decimal::Decimal;
use crate::error::{Error, ErrorCode};

/// An arithmetic overflow; becomes an `OUT_OF_RANGE` error where it
/// leaves the arithmetic. Kept apart from [`Error`] because it is returned
/// by every operation of a batch, and a small result is cheap to pass back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

impl From<Overflow> for Error {
    fn from(_: Overflow) -> Error {
        Error::new(
            ErrorCode::OutOfRange,
            "",
            "arithmetic overflow: a value is too large to score",
            "算术溢出：数值过大，无法计分",
        )
    }
}

/// The result of one checked operation.
pub type Checked<T = Decimal> = std::result::Result<T, Overflow>;

/// `a + b`, or [`Overflow`].
pub fn add(a: Decimal, b: Decimal) -> Checked {
    a.checked_add(b).ok_or(Overflow)
}

/// `a − b`, or [`Overflow`].
pub fn sub(a: Decimal, b: Decimal) -> Checked {
    a.checked_sub(b).ok_or(Overflow)
}

/// `a × b`, or [`Overflow`].
pub fn mul(a: Decimal, b: Decimal) -> Checked {
    a.checked_mul(b).ok_or(Overflow)
}

/// `a / b` for a non-zero `b` (callers declare the zero case first), or [`Overflow`].
pub fn div(a: Decimal, b: Decimal) -> Checked {
    crate::decimal::checked_div(a, b).ok_or(Overflow)
}

/// `a / 100`, exactly: the same number as [`div`] gives, by moving the
/// decimal point when the scale allows (group weights are percent, so
/// every group score of a batch is divided by 100 twice).
pub fn percent(a: Decimal) -> Checked {
    let scale = a.scale() + 2;
    if !a.is_zero() && scale <= Decimal::MAX_SCALE {
        if let Ok(shifted) = Decimal::try_from_i128_with_scale(a.mantissa(), scale) {
            return Ok(shifted);
        }
    }
    div(a, Decimal::ONE_HUNDRED)
}

/// Why a method gave no score: an overflow, or an input the engine should
/// have checked first. As small as [`Overflow`], for the same reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodError {
    /// Arithmetic overflow.
    Overflow,
    /// A broken invariant, named.
    Internal(&'static str),
}

impl From<Overflow> for MethodError {
    fn from(_: Overflow) -> MethodError {
        MethodError::Overflow
    }
}

impl From<MethodError> for Error {
    fn from(e: MethodError) -> Error {
        match e {
            MethodError::Overflow => Overflow.into(),
            MethodError::Internal(what) => Error::new(ErrorCode::Internal, "", format!("internal: {what}"), format!("内部错误：{what}")),
        }
    }
}
