//! What an inspector looks for in a ledger: designated vs random share,
//! low-entropy draws, re-draws per case, load spread over time, each judge's
//! outcome against expectation, and a chi-square test of outcome against
//! position in the candidate list.

use super::engine::Replay;
use super::ledger::{Candidate, Entry, EntryKind};
use super::lottery::{Lottery, Selector};
use super::model::{AssignmentInput, Availability, Role};
use super::prepare::JudgeState;
use super::units::{format_units, normalised, SCALE};
use super::verify::{verify_ledger, VerifyInput, VerifyReport};
use crate::decimal::{round, Decimal, Rounding};
use crate::error::Result;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Counts of entries by kind and the share of manual ones.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    /// All entries.
    pub entries: usize,
    /// Random draws.
    pub draws: usize,
    /// Re-draws after recusal.
    pub redraws: usize,
    /// Availability changes.
    pub availability: usize,
    /// Designated assignments.
    pub designated: usize,
    /// Re-assignments.
    pub reassigned: usize,
    /// (designated + reassigned) / entries, 4 places.
    pub manual_share: Decimal,
}

/// Low-entropy draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LowEntropy {
    /// Seats drawn at random.
    pub seats: usize,
    /// Of which low-entropy.
    pub count: usize,
    /// count / seats, 4 places.
    pub share: Decimal,
    /// Entry indices with a low-entropy seat.
    pub entries: Vec<usize>,
    /// The largest probability any judge had for one seat (6 places).
    pub max_probability: Decimal,
}

/// Spread of normalised load among comparable judges of a department.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Spread {
    /// After the last entry.
    pub final_spread: String,
    /// Largest after any entry.
    pub worst: String,
    /// Entry index where the worst was reached.
    pub worst_at: usize,
    /// Sampled series: (entry index, spread), about 50 points.
    pub series: Vec<(usize, String)>,
}

/// One judge against expectation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JudgeOutcome {
    /// Judge id.
    pub judge: String,
    /// Department.
    pub department: String,
    /// Seats won in random draws.
    pub drawn: usize,
    /// Expected seats: the sum of the judge's probabilities.
    pub expected: Decimal,
    /// Cases designated or re-assigned to the judge.
    pub manual: usize,
    /// Load at the end, standard cases.
    pub load: String,
    /// Load ÷ share at the end.
    pub normalised_load: String,
}

/// Chi-square test of chosen position against its expectation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PositionBias {
    /// Bins: (first position, observed, expected). The last bin is open-ended.
    pub bins: Vec<(usize, usize, Decimal)>,
    /// The statistic, 4 places.
    pub chi_square: Decimal,
    /// Degrees of freedom (bins - 1).
    pub degrees_of_freedom: usize,
    /// Critical value at the 5% level.
    pub critical_5pct: Decimal,
    /// Statistic above the critical value.
    pub biased: bool,
}

/// Thresholds an inspector sets for the whole court, whatever each run's
/// own configuration says.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuditOptions {
    /// Flag any seat where a judge's probability exceeds this, in (0, 1] [0.5].
    #[serde(default = "default_ceiling")]
    #[serde(deserialize_with = "crate::decimal::pinned::read")]
    pub probability_ceiling: Decimal,
    /// A judge made unavailable and restored within this many entries is
    /// flagged when a draw of the judge's department fell in between [50].
    #[serde(default = "default_window_entries")]
    pub window_entries: u64,
    /// ... or within this many days, when both changes carry a time [3].
    #[serde(default = "default_window_days")]
    pub window_days: i64,
}

fn default_ceiling() -> Decimal {
    Decimal::new(5, 1)
}
fn default_window_entries() -> u64 {
    50
}
fn default_window_days() -> i64 {
    3
}

impl Default for AuditOptions {
    fn default() -> Self {
        AuditOptions { probability_ceiling: default_ceiling(), window_entries: default_window_entries(), window_days: default_window_days() }
    }
}

/// A seat where one judge's probability was above the court-wide ceiling.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CeilingBreach {
    /// Entry index.
    pub index: u64,
    /// Case.
    pub case_id: Option<String>,
    /// Seat number.
    pub seat: u32,
    /// The judge with the largest probability.
    pub judge: String,
    /// That probability (6 places).
    pub p: String,
    /// Whether that judge was drawn.
    pub chosen: bool,
}

/// A judge taken out of the pool just before draws of their department and
/// put back soon after: the pattern of a pool collapse.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AbsenceAroundDraws {
    /// The judge.
    pub judge: String,
    /// Entry that made the judge unavailable.
    pub unavailable_at: u64,
    /// Entry that made the judge available again.
    pub restored_at: u64,
    /// Days between the two changes, when both carry a time.
    pub days: Option<i64>,
    /// Entries of the judge's department drawn in between.
    pub draws: Vec<u64>,
}

/// What an inspector should look at first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Flags {
    /// The header's warnings (weak configuration, unsigned or no beacon).
    pub warnings: Vec<String>,
    /// The ceiling applied.
    pub probability_ceiling: Decimal,
    /// Seats above the ceiling (the first 1,000).
    pub above_ceiling: Vec<CeilingBreach>,
    /// How many seats were above the ceiling in all.
    pub above_ceiling_count: usize,
    /// Judges made unavailable around draws and restored soon after.
    pub absences_around_draws: Vec<AbsenceAroundDraws>,
}

/// The audit report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditReport {
    /// The replay verification of the given ledger.
    pub verification: Option<VerifyReport>,
    /// What to look at first.
    pub flags: Flags,
    /// Entry counts.
    pub counts: Counts,
    /// Low-entropy draws.
    pub low_entropy: LowEntropy,
    /// Re-draws per case (only cases with any).
    pub redraws_per_case: BTreeMap<String, usize>,
    /// Load spread per department (full-share ordinary judges).
    pub load_spread: BTreeMap<String, Spread>,
    /// Each judge's outcome against expectation.
    pub judges: Vec<JudgeOutcome>,
    /// Position bias test.
    pub position_bias: PositionBias,
}

/// Verify the ledger and report what an inspector looks for (on the replay).
pub fn audit_ledger(input: VerifyInput) -> Result<AuditReport> {
    let options = input.audit.clone().unwrap_or_default();
    if options.probability_ceiling <= Decimal::ZERO || options.probability_ceiling > Decimal::ONE {
        return Err(crate::error::Error::new(
            crate::error::ErrorCode::OutOfRange,
            "audit.probabilityCeiling",
            "probabilityCeiling must be in (0, 1]",
            "概率上限须在 (0, 1] 之间",
        ));
    }
    let verification = crate::progress::as_phase("verify", || verify_ledger(VerifyInput { inputs: input.inputs.clone(), ledger: input.ledger, audit: None }))?;
    let (mut report, _) = crate::progress::as_phase("audit", || audit_run(input.inputs, Lottery, &options))?;
    report.verification = Some(verification);
    Ok(report)
}

/// Run `inputs` with `selector` and audit the result; also returns the
/// entries (benchmarks compare baselines this way).
pub fn audit_run<S: Selector>(inputs: AssignmentInput, selector: S, options: &AuditOptions) -> Result<(AuditReport, Vec<Entry>)> {
    let mut replay = Replay::new(inputs, selector).map_err(|e| e.at("inputs"))?;
    let warnings = replay.header().warnings.clone();
    let departments: HashMap<String, String> = replay.judges().iter().map(|j| (j.id.clone(), j.department.clone())).collect();
    let mut tracker = SpreadTracker::default();
    let mut entries = Vec::new();
    while let Some(entry) = replay.next_entry().map_err(|e| e.at("inputs"))? {
        tracker.observe(&entry, replay.judges());
        entries.push(entry);
    }
    let count = |kind| entries.iter().filter(|e| e.kind == kind).count();
    let (draws, redraws, designated, reassigned, availability) =
        (count(EntryKind::Draw), count(EntryKind::Redraw), count(EntryKind::Designate), count(EntryKind::Reassign), count(EntryKind::Availability));
    let counts = Counts { entries: entries.len(), draws, redraws, designated, reassigned, availability, manual_share: ratio(designated + reassigned, entries.len()) };

    let mut redraws_per_case = BTreeMap::new();
    let mut drawn: HashMap<&str, usize> = HashMap::new();
    let mut expected: HashMap<&str, Decimal> = HashMap::new();
    let mut manual: HashMap<&str, usize> = HashMap::new();
    let mut positions = PositionCounts::default();
    let (mut seats, mut low, mut low_entries, mut max_p) = (0, 0, Vec::new(), Decimal::ZERO);
    let (mut above_ceiling, mut above_ceiling_count) = (Vec::new(), 0);
    for entry in &entries {
        if let (EntryKind::Redraw, Some(case)) = (entry.kind, &entry.case_id) {
            *redraws_per_case.entry(case.clone()).or_insert(0) += 1;
        }
        if let (Some(m), EntryKind::Designate | EntryKind::Reassign) = (&entry.manual, entry.kind) {
            *manual.entry(m.judge_id.as_str()).or_default() += 1;
        }
        for seat in &entry.seats {
            seats += 1;
            if seat.low_entropy.is_some() {
                low += 1;
                if low_entries.last() != Some(&(entry.index as usize)) {
                    low_entries.push(entry.index as usize);
                }
            }
            *drawn.entry(seat.chosen.as_str()).or_default() += 1;
            let total: u64 = seat.pool.iter().map(|c| c.2).sum();
            let mut top: Option<(&Candidate, Decimal)> = None;
            for (position, candidate) in seat.pool.iter().enumerate() {
                let p = Decimal::from(candidate.2) / Decimal::from(total.max(1));
                max_p = max_p.max(p);
                if top.map_or(true, |(_, best)| p > best) {
                    top = Some((candidate, p));
                }
                *expected.entry(candidate.0.as_str()).or_default() += p;
                positions.add(position, p, candidate.0 == seat.chosen);
            }
            if let Some((candidate, p)) = top.filter(|&(_, p)| p > options.probability_ceiling) {
                above_ceiling_count += 1;
                if above_ceiling.len() < 1000 {
                    above_ceiling.push(CeilingBreach {
                        index: entry.index,
                        case_id: entry.case_id.clone(),
                        seat: seat.seat,
                        judge: candidate.0.clone(),
                        p: super::units::probability(candidate.2, total),
                        chosen: candidate.0 == seat.chosen,
                    });
                }
                let _ = p;
            }
        }
    }
    let absences_around_draws = absences_around_draws(&entries, &departments, options);
    let flags = Flags { warnings, probability_ceiling: options.probability_ceiling, above_ceiling, above_ceiling_count, absences_around_draws };
    let low_entropy = LowEntropy { seats, count: low, share: ratio(low, seats), entries: low_entries, max_probability: round(max_p, 6, Rounding::HalfUp) };
    let judges = replay
        .judges()
        .iter()
        .map(|j| JudgeOutcome {
            judge: j.id.clone(),
            department: j.department.clone(),
            drawn: drawn.get(j.id.as_str()).copied().unwrap_or(0),
            expected: round(expected.get(j.id.as_str()).copied().unwrap_or_default(), 4, Rounding::HalfUp),
            manual: manual.get(j.id.as_str()).copied().unwrap_or(0),
            load: format_units(j.load),
            normalised_load: format_units(normalised(j.load, j.share_bp)),
        })
        .collect();
    let report = AuditReport {
        verification: None,
        flags,
        counts,
        low_entropy,
        redraws_per_case,
        load_spread: tracker.finish(),
        judges,
        position_bias: positions.test(),
    };
    Ok((report, entries))
}

/// Pairs of availability changes (unavailable, then available again) of one
/// judge within the window, with draws of the judge's department between them.
fn absences_around_draws(entries: &[Entry], departments: &HashMap<String, String>, options: &AuditOptions) -> Vec<AbsenceAroundDraws> {
    // The department of each drawn case: the department of its drawn judges.
    let mut open: BTreeMap<&str, (u64, Option<i64>)> = BTreeMap::new();
    let mut found = Vec::new();
    for entry in entries {
        let Some(change) = &entry.change else { continue };
        let day = change.time.as_deref().and_then(super::model::day_number);
        if change.availability != Availability::Available {
            open.entry(change.judge_id.as_str()).or_insert((entry.index, day));
            continue;
        }
        let Some((start, start_day)) = open.remove(change.judge_id.as_str()) else { continue };
        let days = match (start_day, day) {
            (Some(a), Some(b)) => Some(b - a),
            _ => None,
        };
        let within = entry.index - start <= options.window_entries || days.is_some_and(|d| d <= options.window_days);
        if !within {
            // Not scanned: a long leave would otherwise cost a pass over every entry it spans.
            continue;
        }
        let department = departments.get(&change.judge_id);
        let draws: Vec<u64> = entries[(start as usize + 1).min(entries.len())..(entry.index as usize).min(entries.len())]
            .iter()
            .filter(|e| !e.seats.is_empty() && e.seats.iter().any(|s| departments.get(&s.chosen) == department))
            .map(|e| e.index)
            .collect();
        if !draws.is_empty() {
            found.push(AbsenceAroundDraws { judge: change.judge_id.clone(), unavailable_at: start, restored_at: entry.index, days, draws });
        }
    }
    found
}

fn ratio(part: usize, whole: usize) -> Decimal {
    if whole == 0 {
        return Decimal::ZERO;
    }
    round(Decimal::from(part) / Decimal::from(whole), 4, Rounding::HalfUp)
}

/// Spread among a department's comparable judges: available, role `judge`,
/// full share. Recomputed for the departments an entry touches.
#[derive(Default)]
struct SpreadTracker {
    current: BTreeMap<String, i64>,
    worst: BTreeMap<String, (i64, usize)>,
    samples: Vec<(usize, BTreeMap<String, i64>)>,
    index_of: HashMap<String, usize>,
}

impl SpreadTracker {
    fn observe(&mut self, entry: &Entry, judges: &[JudgeState]) {
        if self.index_of.is_empty() {
            self.index_of = judges.iter().enumerate().map(|(i, j)| (j.id.clone(), i)).collect();
            let departments: Vec<String> = judges.iter().map(|j| j.department.clone()).collect();
            for department in departments {
                let spread = spread_of(&department, judges);
                self.current.insert(department, spread);
            }
        }
        let changed = entry.change.as_ref().map(|c| &c.judge_id);
        let touched: Vec<&String> = entry.judges.iter().chain(entry.replaced.iter()).chain(changed).collect();
        for id in touched {
            if let Some(department) = self.index_of.get(id).and_then(|&i| judges.get(i)).map(|j| j.department.clone()) {
                let spread = spread_of(&department, judges);
                self.current.insert(department, spread);
            }
        }
        let index = entry.index as usize;
        for (department, &spread) in &self.current {
            let worst = self.worst.entry(department.clone()).or_insert((spread, index));
            if spread > worst.0 {
                *worst = (spread, index);
            }
        }
        self.samples.push((index, self.current.clone()));
    }

    fn finish(self) -> BTreeMap<String, Spread> {
        let n = self.samples.len();
        let step = (n / 50).max(1);
        self.current
            .iter()
            .map(|(department, &spread)| {
                let (worst, worst_at) = self.worst.get(department).copied().unwrap_or((spread, 0));
                let series = self
                    .samples
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| k % step == step - 1 || *k + 1 == n)
                    .map(|(_, (index, s))| (*index, format_units(s.get(department).copied().unwrap_or(0))))
                    .collect();
                (department.clone(), Spread { final_spread: format_units(spread), worst: format_units(worst), worst_at, series })
            })
            .collect()
    }
}

fn spread_of(department: &str, judges: &[JudgeState]) -> i64 {
    let loads = judges
        .iter()
        .filter(|j| j.department == department && j.role == Role::Judge && j.share_bp == SCALE && j.availability == Availability::Available)
        .map(|j| j.load);
    let (min, max) = loads.fold((i64::MAX, i64::MIN), |(lo, hi), l| (lo.min(l), hi.max(l)));
    if min > max {
        0
    } else {
        max - min
    }
}

/// Observed and expected counts by position in the candidate list.
#[derive(Default)]
struct PositionCounts {
    observed: Vec<usize>,
    expected: Vec<Decimal>,
}

impl PositionCounts {
    const BINS: usize = 11;

    fn add(&mut self, position: usize, p: Decimal, chosen: bool) {
        let bin = position.min(Self::BINS - 1);
        if self.observed.len() <= bin {
            self.observed.resize(bin + 1, 0);
            self.expected.resize(bin + 1, Decimal::ZERO);
        }
        self.expected[bin] += p;
        if chosen {
            self.observed[bin] += 1;
        }
    }

    fn test(self) -> PositionBias {
        // Merge trailing bins until each expects at least 5.
        let mut bins: Vec<(usize, usize, Decimal)> = Vec::new();
        for (position, (o, e)) in self.observed.into_iter().zip(self.expected).enumerate() {
            match bins.last_mut() {
                Some(last) if last.2 < Decimal::from(5) => {
                    last.1 += o;
                    last.2 += e;
                }
                _ => bins.push((position, o, e)),
            }
        }
        if bins.len() > 1 && bins.last().is_some_and(|b| b.2 < Decimal::from(5)) {
            if let Some((_, o, e)) = bins.pop() {
                if let Some(last) = bins.last_mut() {
                    last.1 += o;
                    last.2 += e;
                }
            }
        }
        let chi_square: Decimal = bins
            .iter()
            .filter(|b| !b.2.is_zero())
            .map(|&(_, o, e)| (Decimal::from(o) - e) * (Decimal::from(o) - e) / e)
            .sum();
        let degrees_of_freedom = bins.len().saturating_sub(1);
        // Upper 5% points of the chi-square distribution, df 1..=10.
        const CRITICAL: [&str; 10] = ["3.841", "5.991", "7.815", "9.488", "11.070", "12.592", "14.067", "15.507", "16.919", "18.307"];
        let critical_5pct = CRITICAL
            .get(degrees_of_freedom.wrapping_sub(1))
            .and_then(|c| c.parse().ok())
            .unwrap_or(Decimal::ZERO);
        let chi_square = round(chi_square, 4, Rounding::HalfUp);
        PositionBias {
            bins: bins.into_iter().map(|(p, o, e)| (p, o, round(e, 4, Rounding::HalfUp))).collect(),
            biased: degrees_of_freedom > 0 && chi_square > critical_5pct,
            chi_square,
            degrees_of_freedom,
            critical_5pct,
        }
    }
}
