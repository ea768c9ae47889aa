//! Validation of an [`AssignmentInput`] into the engine's working form.
//! Every problem is collected (first is the error, the rest in `more`), so
//! nothing is half-done and nothing is silently dropped.

use super::model::{AssignmentInput, Availability, Case, Event, EventKind, ReasonCode, Role};
use super::random::{commitment, parse_seed};
use crate::beacon::{BeaconRef, VerifiedBeacon};
use super::units::{to_units, SCALE};
use crate::canonical::{hex, parse_hex};
use crate::decimal::Decimal;
use crate::error::{Error, ErrorCode, Result};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// A judge in working form.
#[derive(Debug, Clone)]
pub struct JudgeState {
    /// Id.
    pub id: String,
    /// Role.
    pub role: Role,
    /// Department.
    pub department: String,
    /// Share of a full caseload in 1/10000.
    pub share_bp: i64,
    /// Current load in 1/10000 standard case.
    pub load: i64,
    /// Current availability.
    pub availability: Availability,
    /// Region.
    pub region: Option<String>,
}

/// Validated parameters in exact units.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Minimum pool size.
    pub min_pool: usize,
    /// Maximum pool size (before ties).
    pub max_pool: usize,
    /// Probability cap as numerator over 10000.
    pub cap_bp: u64,
    /// Tolerance in units.
    pub tolerance: i64,
    /// Panel member credit in 1/10000 of the case weight.
    pub panel_member_bp: i64,
}

/// What the validated run is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Computing the commitment: no commitment or beacon value needed yet.
    Commit,
    /// Drawing or verifying: the commitment must match and the beacon verify.
    Draw,
}

/// The validated run. It owns its input (shared, so the engine can hold
/// references into it while it changes its own state).
pub struct Prepared {
    /// The input it came from.
    pub input: Rc<AssignmentInput>,
    /// Judges sorted by id (the canonical order).
    pub judges: Vec<JudgeState>,
    /// Judge position by id.
    pub judge_index: HashMap<String, usize>,
    /// Case positions in the input by id, with weights in units.
    pub cases: CaseIndex,
    /// Judges (positions, id order) by department then case type.
    pub by_department_type: HashMap<String, HashMap<String, Vec<usize>>>,
    /// Number of judges per department.
    pub department_size: HashMap<String, usize>,
    /// The steps to replay.
    pub events: Vec<Event>,
    /// Parameters.
    pub params: Params,
    /// Run seed.
    pub seed: [u8; 32],
    /// SHA-256 of the canonical committed inputs.
    pub inputs_digest: [u8; 32],
    /// The run commitment computed from the seed and the inputs.
    pub commitment: [u8; 32],
    /// The verified beacon ([`Purpose::Draw`] only).
    pub beacon: Option<VerifiedBeacon>,
    /// The previous run's chain head, lower-case hex.
    pub previous_head: Option<String>,
    /// Weak-configuration and unsigned-beacon codes for the header.
    pub warnings: Vec<String>,
}

/// Case positions by id without a key string per case: ids are hashed
/// (FNV-1a, 64 bits) and sorted; equal hashes are told apart by the id.
#[derive(Debug, Default)]
pub struct CaseIndex {
    sorted: Vec<(u64, u32)>,
    weights: Vec<i64>,
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

impl CaseIndex {
    /// The weight in units of the case at `position` in the input.
    pub fn weight_at(&self, position: usize) -> i64 {
        self.weights.get(position).copied().unwrap_or(SCALE)
    }

    /// The position and weight of case `id` among `cases`, trying position
    /// `hint` first (events usually name cases in input order).
    pub fn get_near(&self, id: &str, cases: &[Case], hint: usize) -> Option<(usize, i64)> {
        match cases.get(hint) {
            Some(case) if case.id == id => Some((hint, self.weight_at(hint))),
            _ => self.get(id, cases),
        }
    }

    /// The position and weight of case `id` among `cases`.
    pub fn get(&self, id: &str, cases: &[Case]) -> Option<(usize, i64)> {
        let hash = fnv1a(id.as_bytes());
        let start = self.sorted.partition_point(|&(h, _)| h < hash);
        self.sorted[start..]
            .iter()
            .take_while(|&&(h, _)| h == hash)
            .map(|&(_, p)| p as usize)
            .find(|&p| cases.get(p).is_some_and(|c| c.id == id))
            .map(|p| (p, self.weights.get(p).copied().unwrap_or(SCALE)))
    }
}

/// Validate `input`, reporting every problem found.
pub fn prepare(input: AssignmentInput, purpose: Purpose) -> Result<Prepared> {
    super::limits::check(&input)?;
    let mut problems = Vec::new();
    let params = check_config(&input, &mut problems);

    let seed = parse_seed(&input.seed, "seed").map_err(|e| problems.push(e)).unwrap_or([0; 32]);
    let previous_head = input.previous_head.as_deref().and_then(|head| {
        let parsed = parse_hex::<32>(head).map(|bytes| hex(&bytes));
        if parsed.is_none() {
            problems.push(Error::new(
                ErrorCode::InvalidInput,
                "previousHead",
                "previousHead must be a chain head: 64 hexadecimal digits",
                "previousHead 必须是链头哈希：64 位十六进制数字",
            ));
        }
        parsed
    });
    let committed_at = super::model::unix_seconds(&input.committed_at);
    if committed_at.is_none() {
        problems.push(Error::invalid("committedAt", "expected a UTC time YYYY-MM-DDTHH:MM:SSZ", "时间应为协调世界时（UTC），写作如 2026-03-01T09:30:00Z"));
    }
    if let Err(e) = crate::beacon::check_reference(&input.beacon, "beacon") {
        problems.push(e);
    }
    if let (Some(at), BeaconRef::Drand { network, round }) = (committed_at, &input.beacon) {
        let published = crate::beacon::round_time(*network, *round);
        if published <= at {
            problems.push(Error::new(
                ErrorCode::BeaconNotFuture,
                "beacon.round",
                format!("round {round} was published at {published} (Unix time), not after the commitment at {at}: name a later round"),
                format!("第 {round} 轮已于 {published}（自 1970-01-01 起的秒数）公布，不晚于承诺时间 {at}：请指定之后的轮次"),
            ));
        }
    }

    let mut order: Vec<usize> = (0..input.judges.len()).collect();
    order.sort_by(|&a, &b| input.judges[a].id.cmp(&input.judges[b].id));
    let mut judges = Vec::with_capacity(order.len());
    let mut judge_index = HashMap::new();
    for &i in &order {
        let judge = &input.judges[i];
        let path = format!("judges[{i}]");
        let before = problems.len();
        if judge.id.is_empty() {
            problems.push(Error::invalid(format!("{path}.id"), "id must not be empty", "编号不得为空"));
        }
        if judge_index.insert(judge.id.clone(), judges.len()).is_some() {
            problems.push(duplicate(&format!("{path}.id"), &judge.id));
        }
        let share_bp = share_units(judge.share, &format!("{path}.share")).map_err(|e| problems.push(e)).unwrap_or(SCALE);
        let load = to_units(judge.load, &format!("{path}.load")).map_err(|e| problems.push(e)).unwrap_or(0);
        if load < 0 {
            problems.push(Error::new(ErrorCode::OutOfRange, format!("{path}.load"), "load must not be negative", "负荷不得为负数"));
        }
        name_the_judge(&mut problems[before..], judge);
        judges.push(JudgeState {
            id: judge.id.clone(),
            role: judge.role,
            department: judge.department.clone(),
            share_bp,
            load,
            availability: judge.availability,
            region: judge.region.clone(),
        });
    }

    let mut by_department_type: HashMap<String, HashMap<String, Vec<usize>>> = HashMap::new();
    let mut department_size: HashMap<String, usize> = HashMap::new();
    for (position, &i) in order.iter().enumerate() {
        let judge = &input.judges[i];
        *department_size.entry(judge.department.clone()).or_default() += 1;
        let types = by_department_type.entry(judge.department.clone()).or_default();
        let mut seen: Vec<&String> = Vec::new();
        for case_type in &judge.case_types {
            if !seen.contains(&case_type) {
                seen.push(case_type);
                types.entry(case_type.clone()).or_default().push(position);
            }
        }
    }

    let mut weights = Vec::with_capacity(input.cases.len());
    for (i, case) in input.cases.iter().enumerate() {
        weights.push(check_case(case, i, &judge_index, &mut problems));
    }
    let mut sorted: Vec<(u64, u32)> = input.cases.iter().enumerate().map(|(i, c)| (fnv1a(c.id.as_bytes()), i as u32)).collect();
    sorted.sort_unstable();
    let mut duplicates = Vec::new();
    for (k, &(hash, position)) in sorted.iter().enumerate() {
        let id = &input.cases[position as usize].id;
        let earlier = sorted[..k].iter().rev().take_while(|&&(h, _)| h == hash).any(|&(_, p)| &input.cases[p as usize].id == id);
        if earlier {
            duplicates.push(position as usize);
        }
    }
    duplicates.sort_unstable();
    for i in duplicates {
        problems.push(duplicate(&format!("cases[{i}].id"), &input.cases[i].id));
    }
    let cases = CaseIndex { sorted, weights };

    let mut input = input;
    let events = match input.events.take() {
        Some(events) => events,
        None => input.cases.iter().map(|c| Event::draw(&c.id)).collect(),
    };
    for (i, event) in events.iter().enumerate() {
        check_event(event, i, &input, &cases, &judge_index, &judges, &mut problems);
    }
    if let Some(error) = Error::collect(problems) {
        return Err(error);
    }

    let inputs_digest = super::commit::inputs_digest(&input, &events)?;
    let commitment = commitment(&seed, &inputs_digest);
    let mut problems = Vec::new();
    let beacon = if purpose == Purpose::Draw {
        match &input.commitment {
            None => problems.push(Error::invalid(
                "commitment",
                "the published run commitment is required to draw or verify (compute it with commitRun before the beacon round)",
                "抽签或验证须提供事先公布的运行承诺值（在信标轮次公布之前计算并公布）",
            )),
            Some(published) if !published.eq_ignore_ascii_case(&hex(&commitment)) || published.len() != 64 => problems.push(
                Error::new(
                    ErrorCode::CommitmentMismatch,
                    "commitment",
                    "the seed and inputs do not match the published commitment",
                    "种子与输入同事先公布的承诺值不符",
                )
                .with_details(serde_json::json!({ "expected": hex(&commitment), "found": published })),
            ),
            Some(_) => {}
        }
        crate::beacon::verify_beacon(&input.beacon, input.beacon_value.as_ref(), "beaconValue").map_err(|e| problems.push(e)).ok()
    } else {
        None
    };
    if let Some(error) = Error::collect(problems) {
        return Err(error);
    }
    let warnings = warnings(&params, &input.beacon);
    Ok(Prepared {
        input: Rc::new(input),
        judges,
        judge_index,
        cases,
        by_department_type,
        department_size,
        events,
        params,
        seed,
        inputs_digest,
        commitment,
        beacon,
        previous_head,
        warnings,
    })
}

/// Codes for configurations that make a draw close to a foregone result,
/// and for beacons whose value the module cannot check.
pub fn warnings(params: &Params, beacon: &BeaconRef) -> Vec<String> {
    let mut codes = Vec::new();
    if params.min_pool < 3 {
        codes.push("WEAK_MIN_POOL");
    }
    if params.cap_bp >= 9000 {
        codes.push("WEAK_MAX_PROBABILITY");
    }
    match beacon {
        BeaconRef::None => codes.push("NO_BEACON"),
        BeaconRef::PublicText { .. } => codes.push("BEACON_NOT_SIGNATURE_CHECKED"),
        BeaconRef::Drand { .. } => {}
    }
    codes.into_iter().map(String::from).collect()
}

fn duplicate(path: &str, id: &str) -> Error {
    Error::new(ErrorCode::DuplicateId, path, format!("duplicate id '{id}'"), format!("编号“{id}”重复"))
}

/// A share in (0, 1] with at most 4 places, in 1/10000.
fn share_units(share: Decimal, path: &str) -> Result<i64> {
    let units = to_units(share, path).ok().filter(|u| Decimal::from(*u) == share * Decimal::from(SCALE));
    match units {
        Some(u) if (1..=SCALE).contains(&u) => Ok(u),
        _ => Err(Error::new(
            ErrorCode::InvalidShare,
            path,
            format!("share must be in (0, 1] with at most 4 decimal places, got {share}"),
            format!("办案比例须在 (0, 1] 之间且最多 4 位小数，实为 {share}"),
        )),
    }
}

fn check_config(input: &AssignmentInput, problems: &mut Vec<Error>) -> Params {
    let c = &input.config;
    let range = |path: &str, en: &str, zh: &str| Error::new(ErrorCode::OutOfRange, format!("config.{path}"), en, zh);
    if c.min_pool == 0 {
        problems.push(range("minPool", "minPool must be at least 1", "最小候选池不得小于 1"));
    }
    if c.max_pool < c.min_pool.max(1) {
        problems.push(range("maxPool", "maxPool must be at least minPool", "最大候选池不得小于最小候选池"));
    }
    let cap_bp = share_units(c.max_probability, "config.maxProbability").map_err(|_| {
        problems.push(range("maxProbability", "maxProbability must be in (0, 1] with at most 4 places", "单案最大概率须在 (0, 1] 之间且最多 4 位小数"))
    }).unwrap_or(SCALE);
    let tolerance = to_units(c.tolerance, "config.tolerance").map_err(|e| problems.push(e)).unwrap_or(1);
    if tolerance <= 0 {
        problems.push(range("tolerance", "tolerance must be positive", "均衡容差必须为正数"));
    }
    let panel_member_bp = to_units(c.panel_member_share, "config.panelMemberShare").map_err(|e| problems.push(e)).unwrap_or(0);
    if c.panel_member_share < Decimal::ZERO || c.panel_member_share > Decimal::ONE {
        problems.push(range("panelMemberShare", "panelMemberShare must be in [0, 1]", "合议庭成员计量比例须在 [0, 1] 之间"));
    }
    Params { min_pool: c.min_pool as usize, max_pool: c.max_pool as usize, cap_bp: cap_bp as u64, tolerance: tolerance.max(1), panel_member_bp }
}

fn check_case(case: &Case, i: usize, judges: &HashMap<String, usize>, problems: &mut Vec<Error>) -> i64 {
    let before = problems.len();
    let weight = check_case_fields(case, i, judges, problems);
    if problems.len() > before && !case.id.is_empty() {
        problems.iter_mut().skip(before).for_each(|e| e.about_case(&case.id));
    }
    weight
}

/// Problems of a judge name the judge by name and id, not by a row.
fn name_the_judge(problems: &mut [Error], judge: &super::model::Judge) {
    let name = Some(judge.name.as_str()).filter(|n| !n.is_empty());
    problems.iter_mut().for_each(|e| e.about_judge(name, &judge.id));
}

fn check_case_fields(case: &Case, i: usize, judges: &HashMap<String, usize>, problems: &mut Vec<Error>) -> i64 {
    // Paths are written only for a problem: a year has half a million cases.
    let path = |member: &str| format!("cases[{i}].{member}");
    if case.id.is_empty() {
        problems.push(Error::invalid(path("id"), "id must not be empty", "编号不得为空"));
    }
    let weight = to_units(case.weight, "").map_err(|e| problems.push(e.at(&path("weight")))).unwrap_or(SCALE);
    if weight <= 0 {
        problems.push(Error::new(ErrorCode::OutOfRange, path("weight"), "weight must be positive", "案件权重必须为正数"));
    }
    if case.hard && case.leader_excluded {
        problems.push(Error::invalid(path("leaderExcluded"), "a case cannot be on both the hard-case list and the leader-excluded list", "同一案件不能既列入疑难案件清单又列入领导排除清单"));
    }
    if !(1..=15).contains(&case.panel_size) {
        problems.push(Error::new(ErrorCode::OutOfRange, path("panelSize"), "panelSize must be between 1 and 15", "合议庭人数须在 1 到 15 之间"));
    }
    for (j, judge) in case.recuse.iter().enumerate() {
        if !judges.contains_key(judge.as_str()) {
            problems.push(unknown_judge(&path(&format!("recuse[{j}]")), judge));
        }
    }
    if case.assigned.len() > case.panel_size as usize {
        problems.push(Error::invalid(path("assigned"), "more judges assigned than the panel has seats", "已分配法官多于合议庭席位"));
    }
    for (j, judge) in case.assigned.iter().enumerate() {
        if !judges.contains_key(judge.as_str()) {
            problems.push(unknown_judge(&path(&format!("assigned[{j}]")), judge));
        } else if case.assigned[..j].contains(judge) || case.recuse.contains(judge) {
            problems.push(Error::invalid(path(&format!("assigned[{j}]")), format!("judge '{judge}' is listed twice or recused"), format!("法官“{judge}”重复或须回避")));
        }
    }
    if let Some(date) = &case.filed_on {
        if date.len() != 10 || super::model::day_number(date).is_none() {
            problems.push(Error::invalid(path("filedOn"), "expected a date YYYY-MM-DD", "日期格式应为 YYYY-MM-DD"));
        }
    }
    weight
}

fn unknown_judge(path: &str, id: &str) -> Error {
    Error::new(ErrorCode::UnknownJudge, path, format!("unknown judge '{id}'"), format!("未知法官“{id}”"))
}

fn check_event(
    event: &Event,
    i: usize,
    input: &AssignmentInput,
    cases: &CaseIndex,
    judge_index: &HashMap<String, usize>,
    judges: &[JudgeState],
    problems: &mut Vec<Error>,
) {
    let path = EventPath(i);
    let required = |field: &str| {
        let kind = kind_name(event.kind);
        Error::invalid(format!("{path}.{field}"), format!("'{field}' is required for a '{kind}' event"), format!("“{kind}”类事件必须填写“{field}”"))
    };
    let manual = matches!(event.kind, EventKind::Designate | EventKind::Reassign | EventKind::Recuse);
    let case = if event.kind == EventKind::Availability {
        if event.availability.is_none() {
            problems.push(required("availability"));
        }
        None
    } else {
        match &event.case_id {
            None => {
                problems.push(required("caseId"));
                None
            }
            Some(id) => {
                let found = cases.get_near(id, &input.cases, i).and_then(|(k, _)| input.cases.get(k));
                if found.is_none() {
                    problems.push(Error::new(ErrorCode::UnknownCase, format!("{path}.caseId"), format!("unknown case '{id}'"), format!("未知案件“{id}”")));
                }
                found
            }
        }
    };
    let judge = match &event.judge_id {
        None if manual || event.kind == EventKind::Availability => {
            problems.push(required("judgeId"));
            None
        }
        None => None,
        Some(id) => {
            let found = judge_index.get(id.as_str()).and_then(|&k| judges.get(k));
            if found.is_none() {
                problems.push(unknown_judge(&format!("{path}.judgeId"), id));
            }
            found
        }
    };
    // Members a kind does not use are refused, so an event has one reading.
    let not_allowed = |field: &str| {
        let kind = kind_name(event.kind);
        Error::invalid(format!("{path}.{field}"), format!("'{field}' is not allowed on a '{kind}' event"), format!("“{kind}”类事件不得填写“{field}”"))
    };
    let present = [
        ("caseId", event.case_id.is_some(), event.kind != EventKind::Availability),
        ("judgeId", event.judge_id.is_some(), event.kind != EventKind::Draw),
        ("availability", event.availability.is_some(), event.kind == EventKind::Availability),
        ("reason", event.reason.is_some(), event.kind != EventKind::Draw),
        ("approver", event.approver.is_some(), event.kind != EventKind::Draw),
        ("time", event.time.is_some(), event.kind != EventKind::Draw),
    ];
    for (field, given, allowed) in present {
        if given && !allowed {
            problems.push(not_allowed(field));
        }
    }
    if event.kind == EventKind::Availability {
        if let Some(time) = &event.time {
            if super::model::day_number(time).is_none() {
                problems.push(Error::invalid(format!("{path}.time"), "expected an ISO 8601 time starting YYYY-MM-DD", "时间应为以 YYYY-MM-DD 开头的 ISO 8601 格式"));
            }
        }
        if event.approver.as_deref().is_some_and(|a| a.trim().is_empty()) {
            problems.push(Error::invalid(format!("{path}.approver"), "approver must not be blank", "审批人不得为空白"));
        }
        if let Some(reason) = &event.reason {
            if reason.code == ReasonCode::ChiefTakeoverWithin7Days {
                problems.push(Error::new(ErrorCode::InvalidEvent, format!("{path}.reason.code"), "a take-over is a designation or re-assignment, not an availability change", "庭长接办应为指定分案或调整承办人，而非人员状态变更"));
            }
            if reason.code == ReasonCode::Other && reason.text.as_deref().map_or(true, |t| t.trim().is_empty()) {
                problems.push(Error::new(ErrorCode::MissingReason, format!("{path}.reason.text"), "reason 'other' needs an explanation", "事由为“其他”时必须说明"));
            }
        }
    }
    if !manual {
        return;
    }
    if event.approver.as_deref().map_or(true, |a| a.trim().is_empty()) {
        problems.push(required("approver"));
    }
    let day = event.time.as_deref().and_then(super::model::day_number);
    if day.is_none() {
        problems.push(Error::invalid(format!("{path}.time"), "expected an ISO 8601 time starting YYYY-MM-DD", "时间应为以 YYYY-MM-DD 开头的 ISO 8601 格式"));
    }
    let Some(reason) = &event.reason else {
        problems.push(Error::new(ErrorCode::MissingReason, format!("{path}.reason"), "a reason from the fixed list is required", "必须从规定的事由中选择一项"));
        return;
    };
    if reason.code == ReasonCode::Other && reason.text.as_deref().map_or(true, |t| t.trim().is_empty()) {
        problems.push(Error::new(ErrorCode::MissingReason, format!("{path}.reason.text"), "reason 'other' needs an explanation", "事由为“其他”时必须说明"));
    }
    if reason.code == ReasonCode::ChiefTakeoverWithin7Days && event.kind == EventKind::Recuse {
        problems.push(Error::new(ErrorCode::InvalidEvent, format!("{path}.reason.code"), "a take-over is a designation or re-assignment, not a recusal", "庭长接办应为指定分案或调整承办人，而非回避"));
    } else if reason.code == ReasonCode::ChiefTakeoverWithin7Days {
        if let Some(judge) = judge {
            if !matches!(judge.role, Role::DivisionChief | Role::DeputyChief) {
                problems.push(Error::new(ErrorCode::InvalidEvent, format!("{path}.judgeId"), "only a division chief or deputy chief may take over a case", "只有庭长或副庭长可以接办案件"));
            }
        }
        let filed = case.and_then(|c| c.filed_on.as_deref()).and_then(super::model::day_number);
        match (filed, day) {
            (Some(filed), Some(day)) if day - filed > 7 || day < filed => problems.push(Error::new(
                ErrorCode::InvalidEvent,
                format!("{path}.time"),
                "a division chief may take over a case only within 7 days of filing",
                "庭长接办案件须在立案后 7 日内",
            )),
            (None, _) => problems.push(Error::invalid(format!("{path}.caseId"), "the 7-day take-over rule needs the case's filedOn date", "适用立案后七日内庭长接办规则，须填写案件的立案日期 filedOn")),
            _ => {}
        }
    }
}

/// `events[i]`, written only when a problem needs it.
struct EventPath(usize);

impl std::fmt::Display for EventPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "events[{}]", self.0)
    }
}

fn kind_name(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Draw => "draw",
        EventKind::Designate => "designate",
        EventKind::Reassign => "reassign",
        EventKind::Recuse => "recuse",
        EventKind::Availability => "availability",
    }
}

/// Counts of judges excluded from a seat, by reason (canonical names).
pub type Exclusions = BTreeMap<&'static str, u32>;
