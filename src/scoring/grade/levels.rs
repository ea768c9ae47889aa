//! Grade levels by score: thresholds, requirements, and quotas, from the
//! zone's population (the batch) or from the batch's cut-offs (a live form).

use crate::scoring::evaluate::engine::Scored;
use crate::scoring::evaluate::result::GradeBasis;
use crate::scoring::input::rule_set::{GradeLevel, Grades, TieRule};
use crate::scoring::input::snapshot::GradeCutoff;
use crate::decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Where quotas come from.
#[derive(Clone, Copy)]
pub enum Quotas<'a> {
    /// The batch: the zone's population; full levels are recorded as cut-offs.
    Population,
    /// A live form: the batch's cut-offs when given (else thresholds only).
    Snapshot(Option<&'a [GradeCutoff]>),
}

/// A grade given by score.
pub struct Given {
    /// Level index.
    pub level: usize,
    /// How it was reached.
    pub basis: GradeBasis,
    /// Why, in words.
    pub note: String,
    /// Why, in Chinese, with the rule set's labels.
    pub note_zh: String,
    /// The requirement that moved the judge down: (level, index in its `requires`).
    pub requirement: Option<(usize, usize)>,
}

/// The first requirement of `level` that judge `s` fails, as its index
/// and a note in English and Chinese; `None` when it meets them all.
fn unmet(level: &GradeLevel, s: &Scored, labels: &Labels) -> Option<(usize, String, String)> {
    level.requires.iter().enumerate().find_map(|(r, req)| {
        let score = s.result.groups.iter().find(|g| *g.id == *req.group).and_then(|g| g.score);
        let group = (labels.group)(&req.group);
        match score {
            Some(g) if g >= req.min_score => None,
            Some(g) => Some((r, format!("group {} scored {g} < {} required", req.group, req.min_score), format!("“{group}”得分 {g} 低于要求的 {}", req.min_score))),
            None => Some((r, format!("group {} has no score", req.group), format!("“{group}”无得分"))),
        }
    })
}

/// The rule set's labels, for the notes.
pub struct Labels<'a> {
    /// A group's label (its id without one).
    pub group: &'a dyn Fn(&str) -> String,
}

/// Grades by score, best first, with quotas: `slots = floor(maxShare × n)`,
/// `n` the number of judges in the zone (vetoed ones included). Judges tied
/// at the boundary all stay or all drop, as the rule set declares. A judge
/// who reaches a level's `minScore` but fails one of its `requires` is
/// passed over (taking no slot) and considered for the next level.
#[allow(clippy::too_many_arguments)]
pub fn by_score(
    grades: &Grades,
    clause: &str,
    zone: Option<&str>,
    scored: &[Scored],
    order: &[(usize, Decimal)],
    n: usize,
    quotas: Quotas,
    explain: bool,
    labels: &Labels,
    cutoffs: &mut Vec<GradeCutoff>,
) -> Vec<(usize, Given)> {
    let mut out = Vec::with_capacity(order.len());
    // Judges not yet graded, best first, with why they were moved down so
    // far. Levels refer to them by position here, so a level costs one pass.
    let mut remaining: Vec<(usize, Decimal, Option<Moved>)> = order.iter().map(|&(i, t)| (i, t, None)).collect();
    let last = grades.levels.len().saturating_sub(1);
    for (k, level) in grades.levels.iter().enumerate() {
        let reaches = |t: Decimal| match level.min_score {
            Some(min) if k < last => t >= min,
            _ => true,
        };
        let mut eligible = Vec::new();
        for (pos, entry) in remaining.iter_mut().enumerate().filter(|(_, e)| reaches(e.1)) {
            match scored.get(entry.0).and_then(|s| unmet(level, s, labels)) {
                Some((r, why, why_zh)) => entry.2 = Some(Moved::Requirement(k, r, why, why_zh)),
                None => eligible.push(pos),
            }
        }
        let total_at = |pos: usize| remaining.get(pos).map(|e| e.1);
        let mut take = eligible.len();
        let (mut slots_note, mut slots_zh) = (String::new(), String::new());
        let level_zh = level.name.as_deref().unwrap_or(&level.id);
        match (quotas, level.max_share, k < last) {
            (Quotas::Population, Some(share), true) => {
                let slots = (share * Decimal::from(n as u64)).floor().to_usize().unwrap_or(usize::MAX);
                if take > slots {
                    let at = |nth: usize| eligible.get(nth).and_then(|&pos| total_at(pos));
                    take = match (slots.checked_sub(1).and_then(at), at(slots)) {
                        (Some(boundary), Some(next)) if boundary == next => {
                            let stays = |t: Decimal| match grades.ties {
                                TieRule::AllStay => t >= boundary,
                                TieRule::AllDrop => t > boundary,
                            };
                            eligible.iter().take_while(|&&pos| total_at(pos).is_some_and(stays)).count()
                        }
                        _ => slots,
                    };
                    let lowest_total = take.checked_sub(1).and_then(at);
                    cutoffs.push(GradeCutoff { zone: zone.map(str::to_string), grade: level.id.clone(), slots: slots as u64, lowest_total });
                }
                slots_note = format!("; quota {share} × {n} judges = {slots} slots");
                slots_zh = format!("名额 {share} × {n} 人 = {slots} 个");
            }
            (Quotas::Snapshot(Some(cuts)), Some(_), true) => {
                let cut = cuts.iter().find(|c| c.grade == level.id && c.zone.as_deref() == zone);
                if let Some(cut) = cut {
                    // Totals are in order, so those at or above the cut-off are a prefix.
                    let keeps = |pos: &&usize| total_at(**pos).zip(cut.lowest_total).is_some_and(|(t, low)| t >= low);
                    take = eligible.iter().take_while(keeps).count();
                    let lowest = cut.lowest_total.map_or_else(|| "none kept".to_string(), |l| format!("lowest kept {l}"));
                    let lowest_zh = cut.lowest_total.map_or_else(|| "无人保留".to_string(), |l| format!("保留者最低分 {l}"));
                    slots_note = format!("; the batch's quota: {} slots, {lowest}", cut.slots);
                    slots_zh = format!("批量计算的名额 {} 个，{lowest_zh}", cut.slots);
                }
            }
            _ => {}
        }
        let (kept, over) = eligible.split_at(take.min(eligible.len()));
        for &pos in over {
            if let Some(entry) = remaining.get_mut(pos) {
                entry.2 = Some(if explain {
                    Moved::Quota(format!("{}{slots_note}", level.id), format!("“{level_zh}”名额已满（{slots_zh}）"))
                } else {
                    Moved::Quota(String::new(), String::new())
                });
            }
        }
        let mut graded = vec![false; remaining.len()];
        for &pos in kept {
            let (Some((i, t, moved)), Some(flag)) = (remaining.get(pos), graded.get_mut(pos)) else { continue };
            *flag = true;
            let (basis, requirement) = match moved {
                Some(Moved::Quota(..)) => (GradeBasis::Quota, None),
                Some(Moved::Requirement(level, r, ..)) => (GradeBasis::Requirement, Some((*level, *r))),
                None => (GradeBasis::Threshold, None),
            };
            // Notes are for the explanation; a batch without one skips the text.
            let (note, note_zh) = if explain {
                let (rule, rule_zh) = match level.min_score {
                    Some(min) if k < last => (format!("total {t} ≥ {min}"), format!("总分 {t} ≥ {min}，定为“{level_zh}”")),
                    _ => (format!("total {t}: every remaining judge"), format!("总分 {t}：其余法官均定为“{level_zh}”")),
                };
                let (why, why_zh) = match moved {
                    Some(Moved::Quota(above, above_zh)) => (format!("moved down by the quota of {above}; "), format!("因{above_zh}而下调；")),
                    Some(Moved::Requirement(level, r, why, why_zh)) => (
                        format!("moved down: {why} ({clause}.levels[{level}].requires[{r}]); "),
                        format!("下调：{why_zh}（{clause}.levels[{level}].requires[{r}]）；"),
                    ),
                    None => (String::new(), String::new()),
                };
                let quota_zh = if slots_zh.is_empty() { String::new() } else { format!("；{slots_zh}") };
                (format!("{why}{rule}{slots_note}"), format!("{why_zh}{rule_zh}{quota_zh}"))
            } else {
                (String::new(), String::new())
            };
            out.push((*i, Given { level: k, basis, note, note_zh, requirement }));
        }
        let mut graded = graded.into_iter();
        remaining.retain(|_| !graded.next().unwrap_or(false));
    }
    out
}

/// Why a judge was moved below a level it reached.
#[derive(Clone)]
enum Moved {
    /// The quota of a level was full: the level and its quota, in words (English, Chinese).
    Quota(String, String),
    /// A requirement of level `.0` (its index `.1`) was not met: `.2` and `.3` say how.
    Requirement(usize, usize, String, String),
}
