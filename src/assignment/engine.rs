//! Replays the events of a run into a ledger. The same code assigns new
//! cases and verifies old ones: verification is replay plus comparison.

use super::ledger::{self, Candidate, Entry, EntryKind, Header, Ledger, ManualRecord, Seat};
use super::lottery::{Eligible, SeatChoice, Selector};
use super::model::{AssignmentInput, Availability, Case, Event, EventKind, Reason, ReasonCode};
use super::prepare::{prepare, Exclusions, JudgeState, Prepared};
use super::random::{draw_seed, parse_beacon, DrawRng, DrawSeedInput};
use super::units::{format_units, normalised, probability, SCALE};
use crate::canonical::hex;
use crate::error::{Error, ErrorCode, Result};
use std::collections::BTreeMap;

/// The judges of a case and the load each was credited.
#[derive(Debug, Clone, Default)]
struct CaseState {
    judges: Vec<usize>,
    credits: Vec<i64>,
    recused: Vec<usize>,
}

/// Called after every entry with the judges' state (for audits and simulations).
pub type Observer<'o> = &'o mut dyn FnMut(&Entry, &[JudgeState]);

/// Run every event of `input` with `selector`; returns the ledger and the final judge state.
pub fn run<S: Selector>(input: &AssignmentInput, selector: S, observer: Option<Observer<'_>>) -> Result<(Ledger, Vec<JudgeState>)> {
    replay(input, selector, observer, true).map(|(ledger, judges, _)| (ledger, judges))
}

/// Run every event without keeping the entries; returns the number of
/// entries and the hash of the last (the chain head), or the header hash if none.
pub fn run_head(input: &AssignmentInput) -> Result<(u64, String)> {
    replay(input, super::lottery::Lottery, None, false).map(|(_, _, head)| head)
}

type Replayed = (Ledger, Vec<JudgeState>, (u64, String));

fn replay<S: Selector>(input: &AssignmentInput, selector: S, observer: Option<Observer<'_>>, keep: bool) -> Result<Replayed> {
    let mut prepared = prepare(input)?;
    let header = Header {
        format: ledger::FORMAT.into(),
        algorithm: ledger::ALGORITHM.into(),
        court: input.court.clone(),
        commitment: prepared.commitment.clone(),
        beacon: hex(&prepared.beacon),
        config: normalised_config(&input.config),
        previous_head: prepared.previous_head.clone(),
    };
    let header_hash = ledger::header_hash(&header)?;
    let events = std::mem::take(&mut prepared.events);
    let cases = vec![None; input.cases.len()];
    let mut engine = Engine { prepared, selector, cases, prev: header_hash, entries: Vec::new(), count: 0, keep, buffer: Vec::new() };
    let mut observer = observer;
    for (i, event) in events.iter().enumerate() {
        let before = engine.entries.len();
        engine.apply(event).map_err(|e| e.at(&format!("events[{i}]")))?;
        if let (Some(observe), Some(entry)) = (observer.as_mut(), engine.entries.get(before)) {
            observe(entry, &engine.prepared.judges);
        }
    }
    let head = (engine.count, hex(&engine.prev));
    let ledger = Ledger { header, header_hash: hex(&header_hash), entries: engine.entries };
    Ok((ledger, engine.prepared.judges, head))
}

/// The config as recorded in the header: decimals without trailing zeros, so
/// `2`, `2.0` and `"2.00"` give the same header.
fn normalised_config(config: &super::model::Config) -> super::model::Config {
    super::model::Config {
        max_pool: config.max_pool,
        min_pool: config.min_pool,
        max_probability: config.max_probability.normalize(),
        tolerance: config.tolerance.normalize(),
        panel_member_share: config.panel_member_share.normalize(),
    }
}

/// SHA-256 of canonical `{"case": case, "event": event}`, written into `buffer`.
fn input_digest(case: &Case, event: &Event, buffer: &mut Vec<u8>) -> Result<String> {
    buffer.clear();
    buffer.extend_from_slice(b"{\"case\":");
    ledger::write_canonical(case, buffer)?;
    buffer.extend_from_slice(b",\"event\":");
    ledger::write_canonical(event, buffer)?;
    buffer.push(b'}');
    Ok(hex(&crate::canonical::sha256(buffer)))
}

/// A case of the input: its position, the case and its weight in units.
#[derive(Clone, Copy)]
struct CaseRef<'a> {
    position: usize,
    case: &'a Case,
    weight: i64,
}

struct Engine<'a, S> {
    prepared: Prepared<'a>,
    selector: S,
    /// Each input case's state once assigned, by position in the input.
    cases: Vec<Option<CaseState>>,
    prev: [u8; 32],
    entries: Vec<Entry>,
    /// Entries produced so far (kept or not).
    count: u64,
    /// Keep the entries (false when only the chain head is wanted).
    keep: bool,
    /// Reused for the canonical JSON being hashed.
    buffer: Vec<u8>,
}

impl<'a, S: Selector> Engine<'a, S> {
    fn apply(&mut self, event: &Event) -> Result<()> {
        // prepare() has checked that each kind's required members are present.
        let case_id = event.case_id.as_deref().unwrap_or_default();
        let beacon = event.beacon.as_deref();
        match event.kind {
            EventKind::Availability => {
                let judge = event.judge_id.as_deref().and_then(|id| self.prepared.judge_index.get(id));
                if let (Some(&k), Some(availability)) = (judge, event.availability) {
                    self.prepared.judges[k].availability = availability;
                }
                Ok(())
            }
            EventKind::Draw => {
                let case = self.unassigned(case_id)?;
                let mut state = CaseState::default();
                let seats = self.draw_seats(case, &mut state, 0, beacon)?;
                self.record(EntryKind::Draw, case, event, seats, None, None, state)
            }
            EventKind::Designate => {
                let case = self.unassigned(case_id)?;
                let judge = self.manual_judge(event, case.case, &CaseState::default())?;
                let record = self.manual_record(event, judge);
                let mut state = CaseState { judges: vec![judge], credits: vec![case.weight], recused: vec![] };
                self.credit(judge, case.weight)?;
                let seats = self.draw_seats(case, &mut state, 1, beacon)?;
                self.record(EntryKind::Designate, case, event, seats, Some(record), None, state)
            }
            EventKind::Reassign => {
                let (case, mut state) = self.assigned(case_id)?;
                let judge = self.manual_judge(event, case.case, &state)?;
                let record = self.manual_record(event, judge);
                let old = state.judges[0];
                self.move_credit(&mut state, 0, judge)?;
                let replaced = Some(self.prepared.judges[old].id.clone());
                self.record(EntryKind::Reassign, case, event, vec![], Some(record), replaced, state)
            }
            EventKind::Recuse => {
                let (case, mut state) = self.assigned(case_id)?;
                let judge_id = event.judge_id.as_deref().unwrap_or_default();
                let Some(seat) = self.prepared.judge_index.get(judge_id).and_then(|k| state.judges.iter().position(|j| j == k)) else {
                    let id = &case.case.id;
                    return Err(Error::new(ErrorCode::InvalidEvent, "judgeId", format!("judge '{judge_id}' does not sit on case '{id}'"), format!("法官“{judge_id}”不在案件“{id}”的审判组织中")));
                };
                let recused = state.judges[seat];
                let record = self.manual_record(event, recused);
                state.recused.push(recused);
                let credit = state.credits[seat];
                self.prepared.judges[recused].load -= credit;
                let (drawn, chosen) = self.redraw_seat(case.case, &state, seat, beacon)?;
                state.judges[seat] = chosen;
                self.credit(chosen, credit)?;
                let replaced = Some(self.prepared.judges[recused].id.clone());
                self.record(EntryKind::Redraw, case, event, vec![drawn], Some(record), replaced, state)
            }
        }
    }

    fn case(&self, case_id: &str) -> Result<CaseRef<'a>> {
        let input: &'a AssignmentInput = self.prepared.input;
        self.prepared
            .cases
            .get(case_id)
            .and_then(|&(position, weight)| input.cases.get(position).map(|case| CaseRef { position, case, weight }))
            .ok_or_else(|| Error::new(ErrorCode::UnknownCase, "caseId", format!("unknown case '{case_id}'"), format!("未知案件“{case_id}”")))
    }

    fn unassigned(&self, case_id: &str) -> Result<CaseRef<'a>> {
        let case = self.case(case_id)?;
        if matches!(self.cases.get(case.position), Some(Some(_))) {
            return Err(Error::new(ErrorCode::InvalidEvent, "caseId", format!("case '{case_id}' is already assigned"), format!("案件“{case_id}”已经分配")));
        }
        Ok(case)
    }

    fn assigned(&mut self, case_id: &str) -> Result<(CaseRef<'a>, CaseState)> {
        let case = self.case(case_id)?;
        let state = self.cases.get(case.position).cloned().flatten().ok_or_else(|| {
            Error::new(ErrorCode::InvalidEvent, "caseId", format!("case '{case_id}' has not been assigned yet"), format!("案件“{case_id}”尚未分配"))
        })?;
        Ok((case, state))
    }

    fn manual_judge(&self, event: &Event, case: &Case, state: &CaseState) -> Result<usize> {
        let id = event.judge_id.as_deref().unwrap_or_default();
        let judge = *self.prepared.judge_index.get(id).ok_or_else(|| {
            Error::new(ErrorCode::UnknownJudge, "judgeId", format!("unknown judge '{id}'"), format!("未知法官“{id}”"))
        })?;
        let recused = case.recuse.iter().any(|r| r == id) || state.recused.contains(&judge);
        if recused || state.judges.contains(&judge) {
            return Err(Error::new(ErrorCode::InvalidEvent, "judgeId", format!("judge '{id}' is recused from or already on case '{}'", case.id), format!("法官“{id}”须回避或已在案件“{}”中", case.id)));
        }
        if self.prepared.judges[judge].availability == Availability::Transferred {
            return Err(Error::new(ErrorCode::InvalidEvent, "judgeId", format!("judge '{id}' has been transferred"), format!("法官“{id}”已调离")));
        }
        Ok(judge)
    }

    fn manual_record(&self, event: &Event, judge: usize) -> ManualRecord {
        ManualRecord {
            judge_id: self.prepared.judges[judge].id.clone(),
            // prepare() has checked that reason, approver and time are present.
            reason: event.reason.clone().unwrap_or(Reason { code: ReasonCode::Other, text: None }),
            approver: event.approver.clone().unwrap_or_default(),
            time: event.time.clone().unwrap_or_default(),
            load_before: format_units(self.prepared.judges[judge].load),
        }
    }

    fn move_credit(&mut self, state: &mut CaseState, seat: usize, to: usize) -> Result<()> {
        let from = state.judges[seat];
        self.prepared.judges[from].load -= state.credits[seat];
        self.credit(to, state.credits[seat])?;
        state.judges[seat] = to;
        Ok(())
    }

    /// Add to a judge's load, refusing loads beyond the supported range.
    fn credit(&mut self, judge: usize, amount: i64) -> Result<()> {
        let load = &mut self.prepared.judges[judge].load;
        *load += amount;
        if *load > super::units::MAX_UNITS {
            return Err(Error::new(ErrorCode::OutOfRange, "caseId", "a judge's load would exceed 1,000,000 standard cases", "法官负荷将超过 1,000,000 件标准案件"));
        }
        Ok(())
    }

    /// Draw seats `first..panel_size`, crediting each chosen judge.
    fn draw_seats(&mut self, case: CaseRef<'a>, state: &mut CaseState, first: usize, beacon: Option<&str>) -> Result<Vec<Seat>> {
        let CaseRef { case, weight, .. } = case;
        let mut seats = Vec::with_capacity(case.panel_size as usize);
        let mut rng = self.rng(case, beacon)?;
        for seat in first..case.panel_size as usize {
            let (record, chosen) = self.draw_with(&mut rng, case, state, seat)?;
            let credit = if seat == 0 { weight } else { (weight * self.prepared.params.panel_member_bp + SCALE / 2) / SCALE };
            self.credit(chosen, credit)?;
            state.judges.push(chosen);
            state.credits.push(credit);
            seats.push(record);
        }
        Ok(seats)
    }

    /// Re-draw `seat` among judges not on the case and not recused.
    fn redraw_seat(&mut self, case: &Case, state: &CaseState, seat: usize, beacon: Option<&str>) -> Result<(Seat, usize)> {
        let mut rng = self.rng(case, beacon)?;
        let mut others = state.clone();
        others.judges.remove(seat);
        self.draw_with(&mut rng, case, &others, seat)
    }

    fn rng(&self, case: &Case, beacon: Option<&str>) -> Result<DrawRng> {
        let event_beacon = match beacon {
            Some(b) => parse_beacon(b, "beacon")?,
            None => Vec::new(),
        };
        Ok(DrawRng::new(draw_seed(&DrawSeedInput {
            seed: &self.prepared.seed,
            run_beacon: &self.prepared.beacon,
            event_beacon: &event_beacon,
            case_id: &case.id,
            index: self.count,
            prev_hash: &self.prev,
        })))
    }

    fn draw_with(&mut self, rng: &mut DrawRng, case: &Case, state: &CaseState, seat: usize) -> Result<(Seat, usize)> {
        let (eligible, excluded) = self.eligible(case, state);
        if eligible.is_empty() {
            let counts: BTreeMap<&str, u32> = excluded.iter().map(|(k, v)| (*k, *v)).collect();
            return Err(Error::new(
                ErrorCode::NoEligibleJudge,
                "caseId",
                format!("no judge is eligible for case '{}' (seat {seat})", case.id),
                format!("案件“{}”（第 {seat} 席）没有符合条件的法官", case.id),
            )
            .with_details(serde_json::json!({ "caseId": case.id, "seat": seat, "excluded": counts })));
        }
        let SeatChoice { pool, chosen, low_entropy } = self.selector.choose(&eligible, rng, &self.prepared.params);
        let total: u64 = pool.iter().map(|&(_, w)| w).sum();
        let judges = &self.prepared.judges;
        let record = Seat {
            seat: seat as u32,
            eligible: eligible.len() as u32,
            excluded: excluded.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            pool: pool
                .iter()
                .map(|&(j, w)| Candidate { judge: judges[j].id.clone(), load: format_units(judges[j].load), weight: w, p: probability(w, total) })
                .collect(),
            chosen: judges[chosen].id.clone(),
            low_entropy: low_entropy.map(str::to_string),
        };
        Ok((record, chosen))
    }

    /// Eligible judges for the next seat of `case`, in id order, and exclusion counts.
    fn eligible(&self, case: &Case, state: &CaseState) -> (Vec<Eligible>, Exclusions) {
        let p = &self.prepared;
        let mut excluded = Exclusions::new();
        let mut add = |reason: &'static str, n: usize| {
            if n > 0 {
                *excluded.entry(reason).or_default() += n as u32;
            }
        };
        let department_size = p.department_size.get(&case.department).copied().unwrap_or(0);
        add("department", p.judges.len() - department_size);
        let empty = Vec::new();
        let list = p.by_department_type.get(&case.department).and_then(|t| t.get(&case.case_type)).unwrap_or(&empty);
        add("caseType", department_size - list.len());
        let taken_regions: Vec<&Option<String>> =
            if case.distinct_regions { state.judges.iter().map(|&j| &p.judges[j].region).collect() } else { Vec::new() };
        let mut eligible = Vec::with_capacity(list.len());
        for &k in list {
            let judge = &p.judges[k];
            let reason = if judge.availability != Availability::Available {
                Some("availability")
            } else if state.judges.contains(&k) {
                Some("alreadyOnCase")
            } else if state.recused.contains(&k) || case.recuse.iter().any(|r| r == &judge.id) {
                Some("recusal")
            } else if judge.region.as_ref().is_some_and(|r| case.avoid_regions.contains(r))
                || (judge.region.is_some() && taken_regions.contains(&&judge.region))
            {
                Some("region")
            } else if case.hard && !judge.role.is_leader() {
                Some("hardCaseList")
            } else if case.leader_excluded && judge.role.is_leader() {
                Some("leaderExcluded")
            } else {
                None
            };
            match reason {
                Some(r) => add(r, 1),
                None => eligible.push(Eligible { judge: k, load: judge.load, normalised: normalised(judge.load, judge.share_bp) }),
            }
        }
        (eligible, excluded)
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &mut self,
        kind: EntryKind,
        case: CaseRef<'a>,
        event: &Event,
        seats: Vec<Seat>,
        manual: Option<ManualRecord>,
        replaced: Option<String>,
        state: CaseState,
    ) -> Result<()> {
        let mut entry = Entry {
            index: self.count,
            kind,
            case_id: case.case.id.clone(),
            input_digest: input_digest(case.case, event, &mut self.buffer)?,
            seats,
            manual,
            replaced,
            judges: state.judges.iter().map(|&j| self.prepared.judges[j].id.clone()).collect(),
            prev: String::new(),
            hash: String::new(),
        };
        self.prev = ledger::seal_in(&mut entry, &self.prev, &mut self.buffer)?;
        self.count += 1;
        if self.keep {
            self.entries.push(entry);
        }
        if let Some(slot) = self.cases.get_mut(case.position) {
            *slot = Some(state);
        }
        Ok(())
    }
}
