//! Assignment exports.
