//! Numbers of a score: checked `Decimal` arithmetic, and the integer
//! shortcuts a summary batch takes when they give the same number. Not a
//! stage: every stage may use it, and it uses none.

pub mod arith;
pub mod raw;
pub mod settle;
pub mod sum;
