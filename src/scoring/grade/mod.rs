//! Stage 4, grade: grades (vetoes, then by score: see [`levels`]), the
//! grade node of the explanation, and ranks. Uses input, compile and evaluate.

pub mod levels;

use crate::scoring::compile::Compiled;
use crate::scoring::evaluate::engine::Scored;
use crate::scoring::evaluate::explain::{Flag, Node, NodeKind, Term};
use crate::scoring::evaluate::result::{GradeBasis, Provisional};
use crate::scoring::input::rule_set::{Grades, Membership, Requirement};
use crate::scoring::input::snapshot::GradeCutoff;
use levels::{by_score, Given, Labels, Quotas};
use crate::decimal::{mantissa_i64, Decimal};

/// Grade and rank every judge, per zone. In the batch, quotas apply to the
/// zone's judges and ranks are given; the levels whose quota was full are
/// returned as cut-offs. A live form is graded against the cut-offs given,
/// or, without them, by thresholds with the grade marked provisional.
pub fn grade_all(c: &Compiled, scored: &mut [Scored], quotas: Quotas) -> Vec<GradeCutoff> {
    let mut cutoffs = Vec::new();
    let batch = matches!(quotas, Quotas::Population);
    for (z, zc) in c.zones.iter().enumerate() {
        let members: Vec<usize> = (0..scored.len()).filter(|&i| scored.get(i).is_some_and(|s| s.zone == z)).collect();
        // Complete, unvetoed judges, best total first (input order among equals).
        let mut order: Vec<(usize, Decimal)> = members
            .iter()
            .filter_map(|&i| scored.get(i).filter(|s| s.veto_grades.is_empty()).and_then(|s| s.result.total.map(|t| (i, t))))
            .collect();
        // Highest total first; a stable sort keeps input order among ties.
        // Totals of one scale order as their mantissas, which compare faster.
        let scale = order.first().map(|(_, t)| t.scale());
        let keys: Option<Vec<i64>> = order.iter().map(|(_, t)| mantissa_i64(*t).filter(|_| Some(t.scale()) == scale)).collect();
        match keys {
            Some(keys) => {
                let mut keyed: Vec<(i64, (usize, Decimal))> = keys.into_iter().zip(order).collect();
                keyed.sort_by_key(|&(key, _)| std::cmp::Reverse(key));
                order = keyed.into_iter().map(|(_, entry)| entry).collect();
            }
            None => order.sort_by_key(|&(_, total)| std::cmp::Reverse(total)),
        }
        if c.rs.ranking && batch {
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
                let names = s.result.vetoes.iter().map(|v| format!("“{}”", v.name.as_deref().unwrap_or(&v.id))).collect::<Vec<_>>().join("、");
                let note_zh = format!("一票否决（{names}），等次定为“{}”", grades.levels.get(level).map_or("", |l| l.name.as_deref().unwrap_or(&l.id)));
                given.push((i, Given { level, basis: GradeBasis::Veto, note, note_zh, requirement: None }));
            }
        }
        let explain = members.iter().any(|&i| scored.get(i).is_some_and(|s| s.result.explanation.is_some()));
        // The quota's n: the zone's judges, vetoed ones unless the grades leave them out.
        let n = match grades.vetoed {
            Membership::Include => members.len(),
            Membership::Exclude => members.iter().filter(|&&i| scored.get(i).is_some_and(|s| s.veto_grades.is_empty())).count(),
        };
        let group = |id: &str| c.group_label(z, id).unwrap_or(id).to_string();
        let labels = Labels { group: &group };
        given.extend(by_score(grades, clause, zc.id, scored, &order, n, quotas, explain, &labels, &mut cutoffs));
        for (i, g) in given {
            let Some(s) = scored.get_mut(i) else { continue };
            let Some(level) = grades.levels.get(g.level) else { continue };
            s.result.grade = Some(level.id.clone());
            s.result.grade_label = level.name.clone();
            s.result.grade_basis = Some(g.basis);
            if let (Quotas::Snapshot(None), Some(total)) = (quotas, s.result.total) {
                s.result.grade_provisional = provisional(grades, g.basis, total);
            }
            if let Some(root) = s.result.explanation.as_mut() {
                let mut n = Node::new(NodeKind::Grade, &level.id, level.name.as_ref());
                n.outcome = Some(level.id.clone());
                n.value = s.result.total;
                n.clause = format!("{clause}.levels[{}]", g.level);
                if let Some(m) = level.min_score {
                    n.inputs.push(Term::new("minScore", m));
                }
                n.set_formula("the best grade whose minScore ≤ total, within its quota; a veto forces its grade");
                match g.basis {
                    GradeBasis::Veto => n.flags.push(Flag::Vetoed),
                    GradeBasis::Quota => n.flags.push(Flag::QuotaApplied),
                    GradeBasis::Requirement => n.flags.push(Flag::RequirementNotMet),
                    GradeBasis::Threshold => {}
                }
                if let Some((above, r)) = g.requirement {
                    let req = grades.levels.get(above).and_then(|l| l.requires.get(r));
                    match req.and_then(|req| req.kind()) {
                        Some(Requirement::Group(id, min)) => {
                            n.inputs.push(Term::new(format!("{id}.minScore"), min));
                            let group = s.result.groups.iter().find(|gs| *gs.id == *id).and_then(|gs| gs.score);
                            n.inputs.push(Term { name: format!("{id}.G").into(), value: group, source: None });
                        }
                        Some(Requirement::AllInRange) => {
                            n.inputs.push(Term { name: "outOfRange".into(), value: s.result.out_of_range.map(Decimal::from), source: None });
                        }
                        None => {}
                    }
                }
                n.set_note(g.note, g.note_zh);
                if s.result.grade_provisional.is_some() {
                    n.flags.push(Flag::Provisional);
                }
                root.children.push(n);
            }
        }
    }
    cutoffs
}

/// Why a live form's grade, given without the batch's cut-offs, may not be
/// the batch's: its total reaches a level whose quota needs the zone.
fn provisional(grades: &Grades, basis: GradeBasis, total: Decimal) -> Option<Provisional> {
    if basis == GradeBasis::Veto {
        return None;
    }
    let last = grades.levels.len().saturating_sub(1);
    let level = grades.levels.iter().take(last).find(|l| l.max_share.is_some() && l.min_score.is_some_and(|m| total >= m))?;
    Some(Provisional {
        reason: format!(
            "the total reaches grade {}, which has a quota over the whole zone; without the batch's gradeCutoffs the grade is by thresholds only",
            level.id
        ),
        reason_zh: format!("总分达到等次“{}”，该等次有名额比例限制，需全考核区比较；未提供批量结果的 gradeCutoffs，等次仅按分数线确定", level.id),
    })
}

