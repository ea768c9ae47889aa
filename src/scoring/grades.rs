//! Grades (thresholds, vetoes, quotas with a declared tie rule) and ranks.

use super::compile::Compiled;
use super::engine::Scored;
use super::explain::{Flag, Node, NodeKind, Term};
use super::result::GradeBasis;
use super::ruleset::{Grades, TieRule};
use crate::decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

struct Given {
    level: usize,
    basis: GradeBasis,
    note: String,
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
                given.push((i, Given { level, basis: GradeBasis::Veto, note }));
            }
        }
        given.extend(by_score(grades, &order, members.len(), quota));
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
                    GradeBasis::Threshold => {}
                }
                n.note = Some(g.note);
                root.children.push(n);
            }
        }
    }
}

/// Grades by score, best first, with quotas: `slots = floor(maxShare × n)`,
/// `n` the number of judges in the zone (vetoed ones included). Judges tied
/// at the boundary all stay or all drop, as the rule set declares.
fn by_score(grades: &Grades, order: &[(usize, Decimal)], n: usize, quota: bool) -> Vec<(usize, Given)> {
    let mut out = Vec::with_capacity(order.len());
    let mut dropped = vec![false; order.len()];
    let mut start = 0;
    let last = grades.levels.len().saturating_sub(1);
    for (k, level) in grades.levels.iter().enumerate() {
        let rest = order.get(start..).unwrap_or(&[]);
        let eligible = match level.min_score {
            Some(min) if k < last => rest.iter().take_while(|(_, t)| *t >= min).count(),
            _ => rest.len(),
        };
        let mut take = eligible;
        let mut slots_note = String::new();
        if let (true, Some(share), true) = (quota, level.max_share, k < last) {
            let slots = (share * Decimal::from(n as u64)).floor().to_usize().unwrap_or(usize::MAX);
            if eligible > slots {
                take = match (slots.checked_sub(1).and_then(|b| rest.get(b)), rest.get(slots)) {
                    (Some(&(_, boundary)), Some(&(_, next))) if boundary == next => match grades.ties {
                        TieRule::AllStay => rest.iter().take_while(|(_, t)| *t >= boundary).count(),
                        TieRule::AllDrop => rest.iter().take_while(|(_, t)| *t > boundary).count(),
                    },
                    _ => slots,
                };
            }
            slots_note = format!("; quota {share} × {n} judges = {slots} slots");
        }
        for (pos, &(i, t)) in rest.iter().enumerate().take(eligible) {
            let was_dropped = dropped.get(start + pos).copied().unwrap_or(false);
            if pos < take {
                let (basis, why) = if was_dropped {
                    (GradeBasis::Quota, "moved down by a quota above; ")
                } else {
                    (GradeBasis::Threshold, "")
                };
                let rule = match level.min_score {
                    Some(min) if k < last => format!("total {t} ≥ {min}"),
                    _ => format!("total {t}: every remaining judge"),
                };
                out.push((i, Given { level: k, basis, note: format!("{why}{rule}{slots_note}") }));
            } else if let Some(d) = dropped.get_mut(start + pos) {
                *d = true;
            }
        }
        start += take;
    }
    out
}
