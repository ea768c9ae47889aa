//! Replays the events of a run into a ledger, one entry per event. The same
//! code assigns new cases and verifies old ones: verification is replay plus
//! comparison. [`Replay`] yields entries one at a time, so a year's ledger
//! can be written or checked without holding it.

use super::ledger::{self, BeaconRecord, Candidate, Change, Entry, EntryKind, Header, ManualRecord, Seat};
use super::lottery::{Eligible, SeatChoice, Selector};
use super::model::{AssignmentInput, Availability, Case, Event, EventKind, Reason, ReasonCode};
use super::prepare::{prepare, Exclusions, JudgeState, Prepared, Purpose};
use super::random::{key_words, run_key, DrawRng};
use super::units::{format_units, normalised, probability, SCALE};
use crate::canonical::hex;
use crate::error::{Error, ErrorCode, Result};
use std::collections::BTreeMap;
use std::rc::Rc;

/// The judges of a case and the load each was credited.
#[derive(Debug, Clone, Default)]
struct CaseState {
    judges: Vec<usize>,
    credits: Vec<i64>,
    recused: Vec<usize>,
}

/// A run being replayed: the header, then one entry per event.
pub struct Replay<S> {
    header: Header,
    header_line: Vec<u8>,
    engine: Engine<S>,
    events: Vec<Event>,
    next_event: usize,
}

impl<S: Selector> Replay<S> {
    /// Validate `input` (the commitment and the beacon included) and set up the replay.
    pub fn new(input: AssignmentInput, selector: S) -> Result<Self> {
        Self::with(input, selector, true)
    }

    /// As [`Replay::new`], for the chain head only: entries carry what the
    /// hash covers, and seats only their chosen judge (no pool, loads,
    /// probabilities or exclusion counts, which are never hashed).
    pub fn head_only(input: AssignmentInput, selector: S) -> Result<Self> {
        Self::with(input, selector, false)
    }

    fn with(input: AssignmentInput, selector: S, explain: bool) -> Result<Self> {
        let mut prepared = prepare(input, Purpose::Draw)?;
        let events = std::mem::take(&mut prepared.events);
        let beacon = prepared.beacon.clone().ok_or_else(|| Error::new(ErrorCode::Internal, "", "beacon not verified", "信标未验证"))?;
        let input = Rc::clone(&prepared.input);
        let header = Header {
            algorithm: ledger::ALGORITHM.into(),
            beacon: BeaconRecord {
                randomness: hex(&beacon.randomness),
                reference: input.beacon.clone(),
                round_time: beacon.round_time,
                signature_checked: beacon.signature_checked,
                value: input.beacon_value.clone(),
            },
            commitment: hex(&prepared.commitment),
            committed_at: input.committed_at.clone(),
            config: super::commit::normalised_config(&input.config),
            court: input.court.clone(),
            format: ledger::FORMAT.into(),
            inputs_digest: hex(&prepared.inputs_digest),
            previous_head: prepared.previous_head.clone(),
            warnings: prepared.warnings.clone(),
        };
        let header_line = ledger::header_line(&header)?;
        let key = key_words(&run_key(&prepared.seed, &beacon.randomness, &prepared.inputs_digest));
        let prev = ledger::header_hash(&header_line);
        // Cases assigned in an earlier run start with their judges and credits.
        let member_bp = prepared.params.panel_member_bp;
        let cases = input
            .cases
            .iter()
            .enumerate()
            .map(|(position, case)| {
                if case.assigned.is_empty() {
                    return None;
                }
                let weight = prepared.cases.weight_at(position);
                let judges: Vec<usize> = case.assigned.iter().filter_map(|id| prepared.judge_index.get(id).copied()).collect();
                let credits = (0..judges.len()).map(|seat| seat_credit(weight, seat, member_bp)).collect();
                Some(CaseState { judges, credits, recused: vec![] })
            })
            .collect();
        let engine = Engine { prepared, selector, key, cases, prev, count: 0, explain };
        Ok(Replay { header, header_line, engine, events, next_event: 0 })
    }

    /// The header.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The header's line (canonical JSON, no newline).
    pub fn header_line(&self) -> &[u8] {
        &self.header_line
    }

    /// The next entry, or `None` after the last event. An error names the event.
    pub fn next_entry(&mut self) -> Result<Option<Entry>> {
        let i = self.next_event;
        let Some(event) = self.events.get(i) else { return Ok(None) };
        self.next_event += 1;
        let entry = self.engine.apply(event).map_err(|e| e.at(&format!("events[{i}]")))?;
        crate::progress::report("replay", self.next_event as u64, self.events.len() as u64, crate::progress::ENTRIES_PER_REPORT);
        Ok(Some(entry))
    }

    /// The chain head so far: the last entry's hash, or the header hash.
    pub fn head(&self) -> [u8; 32] {
        self.engine.prev
    }

    /// Entries produced so far.
    pub fn count(&self) -> u64 {
        self.engine.count
    }

    /// The judges' current state (id order).
    pub fn judges(&self) -> &[JudgeState] {
        &self.engine.prepared.judges
    }

    /// The input being replayed.
    pub fn input(&self) -> &AssignmentInput {
        &self.engine.prepared.input
    }
}

/// The load a seat brings: the weight for seat 0 (the handling judge), the
/// panel member share of it, rounded half-up, for the others.
fn seat_credit(weight: i64, seat: usize, member_bp: i64) -> i64 {
    if seat == 0 {
        weight
    } else {
        (weight * member_bp + SCALE / 2) / SCALE
    }
}

/// A case of the input: its position, the case and its weight in units.
#[derive(Clone, Copy)]
struct CaseRef<'a> {
    position: usize,
    case: &'a Case,
    weight: i64,
}

struct Engine<S> {
    prepared: Prepared,
    selector: S,
    /// The run key as ChaCha20 key words.
    key: [u32; 8],
    /// Each input case's state once assigned, by position in the input.
    cases: Vec<Option<CaseState>>,
    prev: [u8; 32],
    /// Entries produced so far.
    count: u64,
    /// Write each seat's explanation (pool, loads, probabilities, exclusions).
    explain: bool,
}

impl<S: Selector> Engine<S> {
    fn apply(&mut self, event: &Event) -> Result<Entry> {
        // prepare() has checked that each kind's required members are present.
        let input = Rc::clone(&self.prepared.input);
        let case_id = event.case_id.as_deref().unwrap_or_default();
        match event.kind {
            EventKind::Availability => {
                let judge_id = event.judge_id.clone().unwrap_or_default();
                let availability = event.availability.unwrap_or_default();
                if let Some(&k) = self.prepared.judge_index.get(&judge_id) {
                    self.prepared.judges[k].availability = availability;
                }
                let change = Change { approver: event.approver.clone(), availability, judge_id, reason: event.reason.clone(), time: event.time.clone() };
                Ok(self.record(EntryKind::Availability, None, vec![], None, None, Some(change), None))
            }
            EventKind::Draw => {
                let case = self.unassigned(&input, case_id)?;
                let mut state = CaseState::default();
                let seats = self.draw_seats(case, &mut state, 0)?;
                Ok(self.record(EntryKind::Draw, Some(case), seats, None, None, None, Some(state)))
            }
            EventKind::Designate => {
                let case = self.unassigned(&input, case_id)?;
                let judge = self.manual_judge(event, case.case, &CaseState::default())?;
                let record = self.manual_record(event, judge);
                let mut state = CaseState { judges: vec![judge], credits: vec![case.weight], recused: vec![] };
                self.credit(judge, case.weight)?;
                let seats = self.draw_seats(case, &mut state, 1)?;
                Ok(self.record(EntryKind::Designate, Some(case), seats, Some(record), None, None, Some(state)))
            }
            EventKind::Reassign => {
                let (case, mut state) = self.assigned(&input, case_id)?;
                let judge = self.manual_judge(event, case.case, &state)?;
                let record = self.manual_record(event, judge);
                let old = state.judges[0];
                self.move_credit(&mut state, 0, judge)?;
                let replaced = Some(self.prepared.judges[old].id.clone());
                Ok(self.record(EntryKind::Reassign, Some(case), vec![], Some(record), replaced, None, Some(state)))
            }
            EventKind::Recuse => {
                let (case, mut state) = self.assigned(&input, case_id)?;
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
                let (drawn, chosen) = self.redraw_seat(case.case, &state, seat)?;
                state.judges[seat] = chosen;
                self.credit(chosen, credit)?;
                let replaced = Some(self.prepared.judges[recused].id.clone());
                Ok(self.record(EntryKind::Redraw, Some(case), vec![drawn], Some(record), replaced, None, Some(state)))
            }
        }
    }

    fn case<'a>(&self, input: &'a AssignmentInput, case_id: &str) -> Result<CaseRef<'a>> {
        self.prepared
            .cases
            .get_near(case_id, &input.cases, self.count as usize)
            .and_then(|(position, weight)| input.cases.get(position).map(|case| CaseRef { position, case, weight }))
            .ok_or_else(|| Error::new(ErrorCode::UnknownCase, "caseId", format!("unknown case '{case_id}'"), format!("未知案件“{case_id}”")))
    }

    fn unassigned<'a>(&self, input: &'a AssignmentInput, case_id: &str) -> Result<CaseRef<'a>> {
        let case = self.case(input, case_id)?;
        if matches!(self.cases.get(case.position), Some(Some(_))) {
            return Err(Error::new(ErrorCode::InvalidEvent, "caseId", format!("case '{case_id}' is already assigned"), format!("案件“{case_id}”已经分配")));
        }
        Ok(case)
    }

    fn assigned<'a>(&self, input: &'a AssignmentInput, case_id: &str) -> Result<(CaseRef<'a>, CaseState)> {
        let case = self.case(input, case_id)?;
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
    fn draw_seats(&mut self, case: CaseRef<'_>, state: &mut CaseState, first: usize) -> Result<Vec<Seat>> {
        let CaseRef { case, weight, .. } = case;
        let mut seats = Vec::with_capacity(case.panel_size as usize);
        let mut rng = DrawRng::new(&self.key, self.count);
        for seat in first..case.panel_size as usize {
            let (record, chosen) = self.draw_with(&mut rng, case, state, seat)?;
            let credit = seat_credit(weight, seat, self.prepared.params.panel_member_bp);
            self.credit(chosen, credit)?;
            state.judges.push(chosen);
            state.credits.push(credit);
            seats.push(record);
        }
        Ok(seats)
    }

    /// Re-draw `seat` among judges not on the case and not recused.
    fn redraw_seat(&mut self, case: &Case, state: &CaseState, seat: usize) -> Result<(Seat, usize)> {
        let mut rng = DrawRng::new(&self.key, self.count);
        let mut others = state.clone();
        others.judges.remove(seat);
        self.draw_with(&mut rng, case, &others, seat)
    }

    fn draw_with(&mut self, rng: &mut DrawRng, case: &Case, state: &CaseState, seat: usize) -> Result<(Seat, usize)> {
        let (eligible, excluded) = self.eligible(case, state, self.explain);
        if eligible.is_empty() {
            let (_, excluded) = self.eligible(case, state, true);
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
        let judges = &self.prepared.judges;
        let chosen_id = judges[chosen].id.clone();
        if !self.explain {
            let record = Seat { seat: seat as u32, eligible: eligible.len() as u32, excluded: BTreeMap::new(), pool: Vec::new(), chosen: chosen_id, low_entropy: None };
            return Ok((record, chosen));
        }
        let total: u64 = pool.iter().map(|&(_, w)| w).sum();
        let record = Seat {
            seat: seat as u32,
            eligible: eligible.len() as u32,
            excluded: excluded.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            pool: pool.iter().map(|&(j, w)| Candidate(judges[j].id.clone(), format_units(judges[j].load), w, probability(w, total))).collect(),
            chosen: chosen_id,
            low_entropy: low_entropy.map(str::to_string),
        };
        Ok((record, chosen))
    }

    /// Eligible judges for the next seat of `case`, in id order, and exclusion counts.
    fn eligible(&self, case: &Case, state: &CaseState, count: bool) -> (Vec<Eligible>, Exclusions) {
        let p = &self.prepared;
        let mut excluded = Exclusions::new();
        let mut add = |reason: &'static str, n: usize| {
            if count && n > 0 {
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
        case: Option<CaseRef<'_>>,
        seats: Vec<Seat>,
        manual: Option<ManualRecord>,
        replaced: Option<String>,
        change: Option<Change>,
        state: Option<CaseState>,
    ) -> Entry {
        let judges = state.as_ref().map(|s| s.judges.iter().map(|&j| self.prepared.judges[j].id.clone()).collect()).unwrap_or_default();
        let mut entry = Entry {
            case_id: case.map(|c| c.case.id.clone()),
            change,
            hash: String::new(),
            index: self.count,
            judges,
            kind,
            manual,
            replaced,
            seats,
        };
        self.prev = ledger::entry_hash(&entry, &self.prev);
        entry.hash = hex(&self.prev);
        self.count += 1;
        if let (Some(case), Some(state)) = (case, state) {
            if let Some(slot) = self.cases.get_mut(case.position) {
                *slot = Some(state);
            }
        }
        entry
    }
}
