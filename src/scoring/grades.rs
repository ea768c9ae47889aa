//! Grades (thresholds, vetoes, quotas with a declared tie rule) and ranks.

use super::compile::Compiled;
use super::engine::Scored;
use super::explain::{Flag, Node, NodeKind, Term};
use super::result::GradeBasis;
use super::ruleset::{GradeLevel, Grades, TieRule};
use crate::decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

struct Given {
    level: usize,
    basis: GradeBasis,
    note: String,
    /// The requirement that moved the judge down: (level, index in its `requires`).
    requirement: Option<(usize, usize)>,
}

/// Grade and rank every judge. With `quota`, grade quotas apply per zone
/// (a single live form has no population, so only thresholds and vetoes).
pub fn grade_all(c: &Compiled, scored: &mut [Scored], quota: bool) {
    for (z, zc) in c.zones.iter().enumerate() {
        let members: Vec<usize> = (0..scored.len()).filter(|&i| scored.get(i).is_some_and(|s| s.zone == z)).collect();
        // Complete, unvetoed judges, best total first (input order among equals).
        let mut order: Vec<(usize, Decimal)> = members
            .iter()
            .filter_map(|&i| scored.get(i).filter(|s| s.veto_grades.is_empty()).and_then(|s| s.result.total.map(|t| (i, t))))
            .collect();
        order.sort_by(|a, b| b.1.cmp(&a.1));
        if c.rs.ranking && quota {
            let mut rank = 0u32;
            let mut previous = None;
            for (pos, &(i, t)) in order.iter().enumerate() {
                if previous != Some(t) {
                    rank = pos as u32 + 1;
                    previous = Some(t);
                }
                if let Some(s) = scored.get_mut(i) {
                    s.result.rank = Some(rank);
                }
            }
        }
        let Some((grades, clause)) = &zc.grades else { continue };
        let mut given: Vec<(usize, Given)> = Vec::new();
        for &i in &members {
            let Some(s) = scored.get(i) else { continue };
            let worst = s.veto_grades.iter().filter_map(|g| grades.levels.iter().position(|l| &l.id == g)).max();
            if let Some(level) = worst {
                let note = format!("forced by veto: {}", s.result.vetoes.iter().map(|v| v.id.as_str()).collect::<Vec<_>>().join(", "));
                given.push((i, Given { level, basis: GradeBasis::Veto, note, requirement: None }));
            }
        }
        given.extend(by_score(grades, clause, scored, &order, members.len(), quota));
        for (i, g) in given {
            let Some(s) = scored.get_mut(i) else { continue };
            let Some(level) = grades.levels.get(g.level) else { continue };
            s.result.grade = Some(level.id.clone());
            s.result.grade_basis = Some(g.basis);
            if let Some(root) = s.result.explanation.as_mut() {
                let mut n = Node::new(NodeKind::Grade, &level.id, level.name.as_ref());
                n.outcome = Some(level.id.clone());
                n.value = s.result.total;
                n.clause = format!("{clause}.levels[{}]", g.level);
                if let Some(m) = level.min_score {
                    n.inputs.push(Term::new("minScore", m));
                }
                n.formula = "the best grade whose minScore ≤ total, within its quota; a veto forces its grade".into();
                match g.basis {
                    GradeBasis::Veto => n.flags.push(Flag::Vetoed),
                    GradeBasis::Quota => n.flags.push(Flag::QuotaApplied),
                    GradeBasis::Requirement => n.flags.push(Flag::RequirementNotMet),
                    GradeBasis::Threshold => {}
                }
                if let Some((above, r)) = g.requirement {
                    let req = grades.levels.get(above).and_then(|l| l.requires.get(r));
                    if let Some(req) = req {
                        n.inputs.push(Term::new(format!("{}.minScore", req.group), req.min_score));
                        let group = s.result.groups.iter().find(|gs| gs.id == req.group).and_then(|gs| gs.score);
                        n.inputs.push(Term { name: format!("{}.G", req.group).into(), value: group, source: None });
                    }
                }
                n.note = Some(g.note);
                root.children.push(n);
            }
        }
    }
}

/// The first requirement of `level` that judge `s` fails, as its index
/// and a note; `None` when it meets them all.
fn unmet(level: &GradeLevel, s: &Scored) -> Option<(usize, String)> {
    level.requires.iter().enumerate().find_map(|(r, req)| {
        let score = s.result.groups.iter().find(|g| g.id == req.group).and_then(|g| g.score);
        match score {
            Some(g) if g >= req.min_score => None,
            Some(g) => Some((r, format!("group {} scored {g} < {} required", req.group, req.min_score))),
            None => Some((r, format!("group {} has no score", req.group))),
        }
    })
}

/// Grades by score, best first, with quotas: `slots = floor(maxShare × n)`,
/// `n` the number of judges in the zone (vetoed ones included). Judges tied
/// at the boundary all stay or all drop, as the rule set declares. A judge
/// who reaches a level's `minScore` but fails one of its `requires` is
/// passed over (taking no slot) and considered for the next level.
fn by_score(grades: &Grades, clause: &str, scored: &[Scored], order: &[(usize, Decimal)], n: usize, quota: bool) -> Vec<(usize, Given)> {
    let mut out = Vec::with_capacity(order.len());
    // Judges not yet graded, best first, with why they were moved down so far.
    let mut remaining: Vec<(usize, Decimal, Option<Moved>)> = order.iter().map(|&(i, t)| (i, t, None)).collect();
    let last = grades.levels.len().saturating_sub(1);
    for (k, level) in grades.levels.iter().enumerate() {
        let reaches = |t: Decimal| match level.min_score {
            Some(min) if k < last => t >= min,
            _ => true,
        };
        let mut eligible = Vec::new();
        for entry in remaining.iter_mut().filter(|e| reaches(e.1)) {
            match scored.get(entry.0).and_then(|s| unmet(level, s)) {
                Some((r, why)) => entry.2 = Some(Moved::Requirement(k, r, why)),
                None => eligible.push(entry.0),
            }
        }
        let total_of = |i: usize| remaining.iter().find(|e| e.0 == i).map(|e| e.1);
        let mut take = eligible.len();
        let mut slots_note = String::new();
        if let (true, Some(share), true) = (quota, level.max_share, k < last) {
            let slots = (share * Decimal::from(n as u64)).floor().to_usize().unwrap_or(usize::MAX);
            if take > slots {
                let at = |pos: usize| eligible.get(pos).and_then(|&i| total_of(i));
                take = match (slots.checked_sub(1).and_then(at), at(slots)) {
                    (Some(boundary), Some(next)) if boundary == next => {
                        let stays = |t: Decimal| match grades.ties {
                            TieRule::AllStay => t >= boundary,
                            TieRule::AllDrop => t > boundary,
                        };
                        eligible.iter().take_while(|&&i| total_of(i).is_some_and(stays)).count()
                    }
                    _ => slots,
                };
            }
            slots_note = format!("; quota {share} × {n} judges = {slots} slots");
        }
        let (kept, over) = eligible.split_at(take.min(eligible.len()));
        for entry in remaining.iter_mut().filter(|e| over.contains(&e.0)) {
            entry.2 = Some(Moved::Quota);
        }
        for (i, t, moved) in remaining.iter().filter(|e| kept.contains(&e.0)) {
            let rule = match level.min_score {
                Some(min) if k < last => format!("total {t} ≥ {min}"),
                _ => format!("total {t}: every remaining judge"),
            };
            let (basis, why, requirement) = match moved {
                Some(Moved::Quota) => (GradeBasis::Quota, "moved down by a quota above; ".to_string(), None),
                Some(Moved::Requirement(level, r, why)) => {
                    (GradeBasis::Requirement, format!("moved down: {why} ({clause}.levels[{level}].requires[{r}]); "), Some((*level, *r)))
                }
                None => (GradeBasis::Threshold, String::new(), None),
            };
            out.push((*i, Given { level: k, basis, note: format!("{why}{rule}{slots_note}"), requirement }));
        }
        remaining.retain(|e| !kept.contains(&e.0));
    }
    out
}

/// Why a judge was moved below a level it reached.
#[derive(Clone)]
enum Moved {
    /// The level's quota was full.
    Quota,
    /// A requirement of level `.0` (its index `.1`) was not met: `.2` says how.
    Requirement(usize, usize, String),
}
