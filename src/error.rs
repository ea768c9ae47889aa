//! The one error type of the crate: a stable code, the path of the offending
//! field, and a message in English and in Chinese.
//!
//! Every fallible public function returns [`Error`]. Across the WebAssembly
//! boundary it becomes a JS `Error` carrying the same properties.

use serde::Serialize;
use serde_json::Value;
use std::fmt;

pub mod parser;
pub mod subject;

/// Stable machine-readable error codes. New codes may be added; existing
/// codes never change meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    /// Input does not have the expected shape or type.
    InvalidInput,
    /// Input text is not well-formed JSON.
    MalformedJson,
    /// Two records share an id that must be unique.
    DuplicateId,
    /// A reference names a judge that is not in the input.
    UnknownJudge,
    /// A reference names a case that is not in the input.
    UnknownCase,
    /// No judge is eligible for a case.
    NoEligibleJudge,
    /// A share of a full caseload is outside (0, 1].
    InvalidShare,
    /// A designated or re-assignment lacks a reason from the fixed list.
    MissingReason,
    /// A seed or beacon is not valid hex of the required length.
    MalformedSeed,
    /// The revealed seed does not match the published commitment.
    CommitmentMismatch,
    /// A ledger does not parse or is structurally broken.
    MalformedLedger,
    /// An event is not allowed in the current state (e.g. re-drawing an unassigned case).
    InvalidEvent,
    /// A number is out of its allowed range.
    OutOfRange,
    /// Weights that must add up to 1 do not.
    WeightsDoNotSumToOne,
    /// A category is referenced that the configuration does not define.
    UnknownCategory,
    /// A case type has no conversion coefficient where one is required.
    MissingCoefficient,
    /// A computation needs a baseline that was not given.
    MissingBaseline,
    /// A rule set is malformed.
    InvalidRuleSet,
    /// An indicator is referenced that the rule set does not define.
    UnknownIndicator,
    /// A value has the wrong type for its indicator.
    TypeMismatch,
    /// Every weighted page component of a baseline scope has a zero average.
    AllAveragesZero,
    /// A baseline's digest does not match its contents.
    BaselineDigestMismatch,
    /// A value the calculation needs is missing.
    MissingValue,
    /// The beacon value is not for the round or source named in the commitment.
    BeaconMismatch,
    /// The beacon's signature does not verify against the pinned network key.
    BeaconInvalid,
    /// A beacon reference or value has the wrong shape: bad hex, wrong length,
    /// missing or extra members.
    MalformedBeacon,
    /// The drand round named in a commitment was already published at the
    /// commitment time: the randomness must not exist when a run is committed.
    BeaconNotFuture,
    /// An input is larger than the operation accepts (`details.limit` holds
    /// the limit; the README lists them all).
    LimitExceeded,
    /// An internal invariant failed; this is a bug, please report it.
    Internal,
    /// A cell of an imported spreadsheet cannot be read (docs/import.md).
    InvalidCell,
    /// An imported spreadsheet lacks a required column.
    MissingColumn,
    /// Two columns of an imported spreadsheet give the same field.
    DuplicateColumn,
}

impl ErrorCode {
    /// The code as the string that JS sees (`"NO_ELIGIBLE_JUDGE"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "INVALID_INPUT",
            ErrorCode::MalformedJson => "MALFORMED_JSON",
            ErrorCode::DuplicateId => "DUPLICATE_ID",
            ErrorCode::UnknownJudge => "UNKNOWN_JUDGE",
            ErrorCode::UnknownCase => "UNKNOWN_CASE",
            ErrorCode::NoEligibleJudge => "NO_ELIGIBLE_JUDGE",
            ErrorCode::InvalidShare => "INVALID_SHARE",
            ErrorCode::MissingReason => "MISSING_REASON",
            ErrorCode::MalformedSeed => "MALFORMED_SEED",
            ErrorCode::CommitmentMismatch => "COMMITMENT_MISMATCH",
            ErrorCode::MalformedLedger => "MALFORMED_LEDGER",
            ErrorCode::InvalidEvent => "INVALID_EVENT",
            ErrorCode::OutOfRange => "OUT_OF_RANGE",
            ErrorCode::WeightsDoNotSumToOne => "WEIGHTS_DO_NOT_SUM_TO_ONE",
            ErrorCode::UnknownCategory => "UNKNOWN_CATEGORY",
            ErrorCode::MissingCoefficient => "MISSING_COEFFICIENT",
            ErrorCode::MissingBaseline => "MISSING_BASELINE",
            ErrorCode::InvalidRuleSet => "INVALID_RULE_SET",
            ErrorCode::UnknownIndicator => "UNKNOWN_INDICATOR",
            ErrorCode::TypeMismatch => "TYPE_MISMATCH",
            ErrorCode::AllAveragesZero => "ALL_AVERAGES_ZERO",
            ErrorCode::BaselineDigestMismatch => "BASELINE_DIGEST_MISMATCH",
            ErrorCode::MissingValue => "MISSING_VALUE",
            ErrorCode::BeaconMismatch => "BEACON_MISMATCH",
            ErrorCode::BeaconInvalid => "BEACON_INVALID",
            ErrorCode::MalformedBeacon => "MALFORMED_BEACON",
            ErrorCode::BeaconNotFuture => "BEACON_NOT_FUTURE",
            ErrorCode::LimitExceeded => "LIMIT_EXCEEDED",
            ErrorCode::Internal => "INTERNAL",
            ErrorCode::InvalidCell => "INVALID_CELL",
            ErrorCode::MissingColumn => "MISSING_COLUMN",
            ErrorCode::DuplicateColumn => "DUPLICATE_COLUMN",
        }
    }
}

/// A coded error with the path of the offending field.
///
/// `path` uses dots for fields and brackets for positions, e.g.
/// `cases[12].pages.dossier`; the empty string means the whole input.
/// When several problems are found in one batch, the first is the error
/// itself and the next ones are in `more` (at most [`MAX_MORE`]); how many
/// further problems were left out is in `moreOmitted`, so nothing is
/// silently dropped and a batch with a million bad rows still gives a
/// readable error.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Error {
    /// Stable code.
    pub code: ErrorCode,
    /// Path of the offending field.
    pub path: String,
    /// English message.
    pub message: String,
    /// Chinese message.
    pub message_zh: String,
    /// Structured data about the failure (counts, expected values...).
    /// (Boxed to keep `Result`s small on the success path.)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Box<Value>>,
    /// Further problems found in the same input (at most [`MAX_MORE`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<Error>,
    /// Problems found beyond those in `more`.
    #[serde(skip_serializing_if = "is_zero")]
    pub more_omitted: usize,
}

/// Most further problems listed in [`Error::more`].
pub const MAX_MORE: usize = 99;

/// Longest message kept, in bytes: a message quoting a bad value of 50 MB
/// is cut here rather than copied twice into the error.
pub const MAX_MESSAGE_BYTES: usize = 1_000;

mod excerpt;
pub use excerpt::MAX_QUOTED_CHARS;

// Errors are built at hundreds of sites: one out-of-line copy of this, not
// one inlined at each (the crate is built at opt-level 3 for its hot paths).
#[inline(never)]
fn shortened(message: String) -> String {
    let mut message = excerpt::excerpted(message);
    if message.len() > MAX_MESSAGE_BYTES {
        let mut end = MAX_MESSAGE_BYTES;
        while !message.is_char_boundary(end) {
            end -= 1;
        }
        message.truncate(end);
        message.push_str(" …");
    }
    message
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Error {
    /// A new error.
    pub fn new(
        code: ErrorCode,
        path: impl Into<String>,
        message: impl Into<String>,
        message_zh: impl Into<String>,
    ) -> Self {
        Error {
            code,
            path: path.into(),
            message: shortened(message.into()),
            message_zh: shortened(message_zh.into()),
            details: None,
            more: Vec::new(),
            more_omitted: 0,
        }
    }

    /// Attach structured details.
    pub fn with_details(mut self, details: Value) -> Self {
        self.details = Some(Box::new(details));
        self
    }

    /// An `INVALID_INPUT` error for a value that failed to deserialize: the
    /// parser's reason, said again in Chinese by [`parser::reason`].
    pub fn invalid_input(path: impl Into<String>, reason: impl fmt::Display) -> Self {
        let path = path.into();
        let (en, zh) = parser::reason(&reason.to_string(), &path);
        Error::invalid(path, en, zh)
    }

    /// An `INVALID_INPUT` error whose reason is given in both languages.
    pub fn invalid(path: impl Into<String>, reason: impl fmt::Display, reason_zh: impl fmt::Display) -> Self {
        Error::new(ErrorCode::InvalidInput, path, format!("invalid input: {reason}"), format!("输入无效：{reason_zh}"))
    }

    /// Merge a non-empty list of problems into one error (first + `more`).
    /// Returns `None` for an empty list.
    pub fn collect(mut problems: Vec<Error>) -> Option<Error> {
        if problems.is_empty() {
            return None;
        }
        let mut first = problems.remove(0);
        first.more_omitted = problems.len().saturating_sub(MAX_MORE);
        problems.truncate(MAX_MORE);
        first.more.extend(problems);
        Some(first)
    }

    /// Say what the problem is about before both messages: `en` (`judge
    /// J07`) and `zh` (`法官王某（J07）`).
    pub fn about(&mut self, en: &str, zh: &str) {
        self.message = shortened(format!("{en}: {}", self.message));
        self.message_zh = shortened(format!("{zh}：{}", self.message_zh));
    }

    /// Say the problem is a judge's: by name and id (法官王某（J07）), or by
    /// whichever of the two is known.
    pub fn about_judge(&mut self, name: Option<&str>, id: &str) {
        match (name, id.is_empty()) {
            (Some(name), false) => self.about(&format!("judge {name} ({id})"), &format!("法官{name}（{id}）")),
            (Some(name), true) => self.about(&format!("judge {name}"), &format!("法官{name}")),
            (None, _) => self.about(&format!("judge {id}"), &format!("法官 {id}")),
        }
    }

    /// Say the problem is a case's, by its id (案号 where the court uses it).
    pub fn about_case(&mut self, id: &str) {
        self.about(&format!("case {id}"), &format!("案件{id}"));
    }

    /// Prefix the path (and the paths in `more`) with `prefix`.
    pub fn at(mut self, prefix: &str) -> Self {
        self.path = join_path(prefix, &self.path);
        self.more = self.more.into_iter().map(|e| e.at(prefix)).collect();
        self
    }
}

/// Join a path prefix and a relative path (`a` + `b[1]` = `a.b[1]`, `a` + `[1]` = `a[1]`).
pub fn join_path(prefix: &str, rest: &str) -> String {
    if prefix.is_empty() {
        rest.to_string()
    } else if rest.is_empty() {
        prefix.to_string()
    } else if rest.starts_with('[') {
        format!("{prefix}{rest}")
    } else {
        format!("{prefix}.{rest}")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.code.as_str(), self.message)
        } else {
            write!(f, "{} at {}: {}", self.code.as_str(), self.path, self.message)
        }
    }
}

impl std::error::Error for Error {}

/// Result with the crate's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_quoting_a_huge_value_is_cut() {
        let value = "值".repeat(1_000_000);
        let e = Error::invalid("x", format!("bad value \"{value}\""), format!("错误的值“{value}”"));
        assert_eq!(e.message, format!("invalid input: bad value \"{}…\"", "值".repeat(MAX_QUOTED_CHARS)));
        assert_eq!(e.message_zh, format!("输入无效：错误的值“{}…”", "值".repeat(MAX_QUOTED_CHARS)));
        let unquoted = Error::invalid("x", format!("bad value {value}"), "错");
        assert!(unquoted.message.len() <= MAX_MESSAGE_BYTES + 4 && unquoted.message.ends_with(" …"));
        let short = Error::invalid("x", "bad", "错");
        assert_eq!(short.message, "invalid input: bad");
    }

    #[test]
    fn collect_lists_the_first_problems_and_counts_the_rest() {
        let problem = |i: usize| Error::new(ErrorCode::InvalidInput, format!("rows[{i}]"), "bad", "错误");
        assert!(Error::collect(Vec::new()).is_none());
        let one = Error::collect(vec![problem(0)]).unwrap();
        assert_eq!((one.more.len(), one.more_omitted), (0, 0));
        let many = Error::collect((0..1000).map(problem).collect()).unwrap();
        assert_eq!(many.path, "rows[0]");
        assert_eq!(many.more.len(), MAX_MORE);
        assert_eq!(many.more[MAX_MORE - 1].path, "rows[99]");
        assert_eq!(many.more_omitted, 1000 - 1 - MAX_MORE);
        let json = serde_json::to_value(&many).unwrap();
        assert_eq!(json["moreOmitted"], 900);
        assert!(serde_json::to_value(&one).unwrap().get("moreOmitted").is_none());
    }
}
