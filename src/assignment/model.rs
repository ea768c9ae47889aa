//! The inputs of an assignment run, as JSON shapes, and their validation.

use crate::beacon::{BeaconRef, BeaconValue};
use crate::decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A court role. Every role except `judge` is a leader for the case lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// 院长
    President,
    /// 副院长
    VicePresident,
    /// 审判委员会专职委员
    CommitteeMember,
    /// 庭长
    DivisionChief,
    /// 副庭长
    DeputyChief,
    /// 审判员
    Judge,
}

impl Role {
    /// Leaders take hard-list cases and never negative-list cases.
    pub fn is_leader(self) -> bool {
        self != Role::Judge
    }
}

/// Whether a judge can receive cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Availability {
    /// Takes part in the draw.
    #[default]
    Available,
    /// Temporarily absent.
    Absent,
    /// On leave.
    OnLeave,
    /// Transferred out.
    Transferred,
}

/// A judge as given in the input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Judge {
    /// Unique id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Department (庭室).
    pub department: String,
    /// Case types the judge handles.
    pub case_types: Vec<String>,
    /// Role.
    pub role: Role,
    /// Share of a full caseload, in (0, 1], at most 4 decimal places.
    #[serde(deserialize_with = "strict_decimal::read")]
    pub share: Decimal,
    /// Load carried in, in standard cases.
    #[serde(default, deserialize_with = "strict_decimal::read")]
    pub load: Decimal,
    /// Availability at the start of the run.
    #[serde(default)]
    pub availability: Availability,
    /// Region (for panels that avoid a region).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// A case as given in the input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Case {
    /// The case's judges from an earlier run, seat order (handling judge
    /// first), when it was assigned before this run: it starts assigned, so
    /// a later run can re-assign it or re-draw a recused judge's seat.
    /// Omitted from the committed form when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assigned: Vec<String>,
    /// Regions whose judges must not sit on the case.
    #[serde(default)]
    pub avoid_regions: Vec<String>,
    /// Case type.
    pub case_type: String,
    /// Department the case belongs to.
    pub department: String,
    /// Panel members must come from distinct regions.
    #[serde(default)]
    pub distinct_regions: bool,
    /// Filing date, `YYYY-MM-DD` (checked for the 7-day take-over rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filed_on: Option<String>,
    /// On the positive (hard-case) list: only leaders may draw it.
    #[serde(default)]
    pub hard: bool,
    /// Unique id.
    pub id: String,
    /// On the negative list: never given to leaders.
    #[serde(default)]
    pub leader_excluded: bool,
    /// Judges to draw: 1 = a single handling judge, 3 = a panel.
    #[serde(default = "one_u32")]
    pub panel_size: u32,
    /// Judges who must not sit on the case.
    #[serde(default)]
    pub recuse: Vec<String>,
    /// Weight in standard cases (default 1). Written without trailing zeros,
    /// so `2`, `2.0` and `"2.00"` give the same input digest.
    #[serde(default = "one", serialize_with = "normalised_decimal", deserialize_with = "strict_decimal::read")]
    pub weight: Decimal,
}

/// Decimals of an assignment input: a string `-?D+(.D+)?` (ASCII digits D,
/// at most 28 of them; no sign `+`, exponent, separator or space) or a JSON
/// number, read as the shortest decimal that gives back the same binary64.
pub mod strict_decimal {
    use crate::decimal::slips::{self, Reading};
    use crate::decimal::Decimal;
    use crate::error::parser::bilingual;
    use serde::de::{Deserializer, Error, Visitor};
    use std::fmt;

    /// Whether `text` is written as the specification allows.
    pub fn well_formed(text: &str) -> bool {
        let body = text.strip_prefix('-').unwrap_or(text);
        let (whole, fraction) = match body.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (body, None),
        };
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        digits(whole) && fraction.map_or(true, digits) && whole.len() + fraction.map_or(0, str::len) <= 28
    }

    struct Strict;

    impl<'de> Visitor<'de> for Strict {
        type Value = Decimal;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a decimal: a string such as \"2.5\" (digits, an optional point and digits, an optional leading '-') or a number")
        }
        fn visit_str<E: Error>(self, v: &str) -> Result<Decimal, E> {
            // Every typing slip is refused with its hint: the inputs digest
            // must have one spelling per value (docs/numbers.md).
            let refused = |r: slips::Refusal| E::custom(bilingual(&r.message, &r.message_zh));
            let text = slips::undo(v, Reading::Pinned).map_err(refused)?;
            if !well_formed(&text) {
                let shown = slips::excerpt(v);
                return Err(E::custom(bilingual(
                    &format!("\"{shown}\" is not a decimal written as digits with an optional point (no '+', exponent, '_' or spaces)"),
                    &format!("“{shown}”不是十进制数：只能由数字和一个小数点组成（不能有“+”、指数、下划线或空格）"),
                )));
            }
            text.parse().map_err(|_| E::custom(bilingual(&format!("\"{}\" is out of the decimal range", slips::excerpt(v)), &format!("“{}”超出十进制数的范围", slips::excerpt(v)))))
        }
        fn visit_u64<E: Error>(self, v: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_i64<E: Error>(self, v: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_f64<E: Error>(self, v: f64) -> Result<Decimal, E> {
            // Rust writes the shortest text that reads back as the same f64.
            let text = format!("{v}");
            if !v.is_finite() || !well_formed(&text) {
                return Err(E::custom(bilingual("the number is out of the decimal range", "数值超出十进制数的范围")));
            }
            text.parse().map_err(|_| E::custom(bilingual("the number is out of the decimal range", "数值超出十进制数的范围")))
        }
    }

    /// Read a decimal strictly.
    pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        deserializer.deserialize_any(Strict)
    }
}

fn normalised_decimal<S: serde::Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&value.normalize())
}

fn one() -> Decimal {
    Decimal::ONE
}
fn one_u32() -> u32 {
    1
}

/// Why a case was designated or re-assigned: a code from a fixed list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReasonCode {
    /// 法定回避
    StatutoryRecusal,
    /// 工作调动
    Transfer,
    /// 身体原因
    Health,
    /// 廉政风险
    IntegrityRisk,
    /// 庭长立案后 7 日内接办
    ChiefTakeoverWithin7Days,
    /// 院庭长担任审判长
    LeaderPresides,
    /// 其他（须说明）
    Other,
}

/// A reason with its optional text (required for `other`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reason {
    /// Code from the fixed list.
    pub code: ReasonCode,
    /// Free text; required when the code is `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Kinds of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum EventKind {
    /// Random draw of a case's handling judge (and panel).
    Draw,
    /// 指定分案: a named handling judge instead of a draw (other panel seats are drawn).
    Designate,
    /// 二次分案 / 调整承办人: the handling judge is replaced by a named judge.
    Reassign,
    /// A recusal found after the draw: that judge's seat is re-drawn at random.
    Recuse,
    /// A judge's availability changes from this point on.
    Availability,
}

/// One step of the run, replayed in order. Which members are required
/// depends on `kind` (see `docs/assignment.md`, "Events").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Event {
    /// Approver (manual steps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<String>,
    /// New availability (`availability` events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
    /// The case (all kinds but `availability`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    /// The judge designated, newly assigned, recused, or changing availability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judge_id: Option<String>,
    /// What happens.
    pub kind: EventKind,
    /// Reason from the fixed list (manual steps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// Time, ISO 8601 (required for manual steps, optional for availability
    /// changes); the date part is checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

impl Event {
    /// A plain draw of `case_id`.
    pub fn draw(case_id: &str) -> Self {
        Event { kind: EventKind::Draw, case_id: Some(case_id.to_string()), judge_id: None, reason: None, approver: None, time: None, availability: None }
    }
}

/// Tunable parameters of the draw (all have defaults).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Config {
    /// Largest lottery pool (judges tied at the boundary all join), keeping
    /// the lottery among the lighter judges and the ledger compact.
    #[serde(default = "default_max_pool")]
    pub max_pool: u32,
    /// Cap on any judge's probability for one seat, in (0, 1].
    #[serde(default = "default_max_probability", deserialize_with = "strict_decimal::read")]
    pub max_probability: Decimal,
    /// Smallest lottery pool; a draw from fewer eligible judges is marked low-entropy.
    #[serde(default = "default_min_pool")]
    pub min_pool: u32,
    /// Share of a case's weight credited to panel members other than the handling judge.
    #[serde(default = "default_panel_member_share", deserialize_with = "strict_decimal::read")]
    pub panel_member_share: Decimal,
    /// Balance tolerance in standard cases of normalised load (> 0).
    #[serde(default = "default_tolerance", deserialize_with = "strict_decimal::read")]
    pub tolerance: Decimal,
}

fn default_max_pool() -> u32 {
    8
}
fn default_min_pool() -> u32 {
    3
}
fn default_max_probability() -> Decimal {
    Decimal::new(5, 1)
}
fn default_tolerance() -> Decimal {
    Decimal::from(2)
}
fn default_panel_member_share() -> Decimal {
    Decimal::new(2, 1)
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_pool: default_max_pool(),
            min_pool: default_min_pool(),
            max_probability: default_max_probability(),
            tolerance: default_tolerance(),
            panel_member_share: default_panel_member_share(),
        }
    }
}

/// Everything an assignment run needs; publishing it (with the seed and the
/// beacon value once revealed) lets anyone replay the run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssignmentInput {
    /// Court name (recorded in the ledger header).
    #[serde(default)]
    pub court: String,
    /// Draw parameters.
    #[serde(default)]
    pub config: Config,
    /// The judges.
    pub judges: Vec<Judge>,
    /// The cases.
    pub cases: Vec<Case>,
    /// Steps in order; when absent, one draw per case in the order given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<Event>>,
    /// The run seed, 64 hex digits (secret until the draw is published).
    pub seed: String,
    /// The public randomness the run will use, named before it exists.
    pub beacon: BeaconRef,
    /// When the commitment was published, `YYYY-MM-DDTHH:MM:SSZ` (UTC); a
    /// drand round named must be published after it.
    pub committed_at: String,
    /// The published run commitment ([`super::commit_run`]); required to
    /// draw or verify, absent when computing it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<String>,
    /// The beacon's published value, once it is out; required to draw or
    /// verify unless the beacon is `none`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beacon_value: Option<BeaconValue>,
    /// The published chain head of the run this one continues (for example
    /// the previous day's or the previous filing's), 64 hex digits; recorded
    /// in the header so that consecutive runs form one chain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_head: Option<String>,
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` prefix, or `None` if malformed.
pub fn day_number(text: &str) -> Option<i64> {
    let date = text.get(0..10)?;
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if y.len() != 4 || m.len() != 2 || d.len() != 2 || !digits(y) || !digits(m) || !digits(d) {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d < 1 || d > *month_days.get((m - 1) as usize)? {
        return None;
    }
    // Civil-from-days inverse (proleptic Gregorian).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Seconds since 1970-01-01T00:00:00Z of a UTC time written exactly
/// `YYYY-MM-DDTHH:MM:SSZ`, or `None` if it is written any other way.
pub fn unix_seconds(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    if bytes.len() != 20 || bytes[10] != b'T' || bytes[13] != b':' || bytes[16] != b':' || bytes[19] != b'Z' {
        return None;
    }
    let day = day_number(text.get(0..10)?)?;
    let two = |at: usize| -> Option<i64> {
        let digits = text.get(at..at + 2)?;
        digits.bytes().all(|b| b.is_ascii_digit()).then(|| digits.parse().ok())?
    };
    let (h, m, s) = (two(11)?, two(14)?, two(17)?);
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    u64::try_from(day * 86_400 + h * 3600 + m * 60 + s).ok()
}

/// `YYYY-MM-DDTHH:MM:SSZ` of Unix seconds (the inverse of [`unix_seconds`]).
pub fn utc_text(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    // Civil date from days since 1970-01-01 (proleptic Gregorian).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-03-01T08:00:00+08:00"), Some(19_783));
        assert_eq!(day_number("2023-02-29"), None);
        assert_eq!(day_number("2024-02-29"), Some(19_782));
        assert_eq!(unix_seconds("2023-08-23T15:09:27Z"), Some(1_692_803_367));
        assert_eq!(unix_seconds("2023-08-23T15:09:27+08:00"), None);
        assert_eq!(unix_seconds("2023-08-23T24:00:00Z"), None);
        for t in [0u64, 1_692_803_367, 1_784_792_310, 951_782_400, 4_102_444_799] {
            assert_eq!(unix_seconds(&utc_text(t)), Some(t), "{t}");
        }
        assert_eq!(utc_text(1_784_792_310), "2026-07-23T07:38:30Z");
        for bad in ["1_0", "+.5", "1.", ".5", " 1", "1e3", "+1", "", "-", "1.2.3"] {
            assert!(!strict_decimal::well_formed(bad), "{bad}");
        }
        for good in ["0", "-1.50", "007", "2.5"] {
            assert!(strict_decimal::well_formed(good), "{good}");
        }
    }
}
