//! One-vote vetoes (一票否决): on an indicator's value, on a group's score
//! `G` or on the total, tested once the total is known.

use super::engine::Ctx;
use super::leader::labelled;
use super::explain::{Flag, Node, NodeKind, Term, Text};
use super::result::{GroupScore, Missing, VetoHit};
use crate::decimal::Decimal;
use crate::scoring::input::rule_set::{Op, VetoSubject};

fn op_text(op: Op) -> &'static str {
    match op {
        Op::Gt => ">",
        Op::Gte => "≥",
        Op::Lt => "<",
        Op::Lte => "≤",
        Op::Eq => "=",
        Op::Ne => "≠",
    }
}

/// Vetoes that apply, and a node for every declared veto (applied or not).
/// `groups` and `total` are the judge's, after caps and rounding; with none
/// (before any statistic), only vetoes on an indicator can apply.
pub fn vetoes(
    ctx: &Ctx,
    zone: usize,
    values: &[Option<Decimal>],
    groups: &[GroupScore],
    total: Option<Decimal>,
    prefix: &str,
    missing: &mut Vec<Missing>,
) -> (Vec<VetoHit>, Vec<Node>) {
    let mut hits = Vec::new();
    let mut nodes = Vec::new();
    for (i, v) in ctx.c.rs.vetoes.iter().enumerate() {
        // (name in the condition, its Chinese name, symbol of the input, value, where it was read)
        let (subject, subject_zh, symbol, x, source) = match v.subject() {
            Some(VetoSubject::Indicator(id)) => {
                let ind = ctx.c.index.get(id).and_then(|&k| ctx.c.indicator(k)).and_then(|ind| ind.name.as_deref());
                (id.to_string(), ind.unwrap_or(id).to_string(), "x", ctx.value(values, id, prefix, missing), Some(format!("{prefix}.values.{id}")))
            }
            Some(VetoSubject::Group(g)) => {
                let zh = format!("“{}”组得分 G", ctx.c.group_label(zone, g).unwrap_or(g));
                (format!("{g}.G"), zh, "G", groups.iter().find(|gs| *gs.id == *g).and_then(|gs| gs.score), None)
            }
            Some(VetoSubject::Total) | None => ("total".to_string(), "总分".to_string(), "total", total, None),
        };
        let (rhs, op) = (v.when.value, v.when.op);
        let triggered = x.map(|x| match op {
            Op::Gt => x > rhs,
            Op::Gte => x >= rhs,
            Op::Lt => x < rhs,
            Op::Lte => x <= rhs,
            Op::Eq => x == rhs,
            Op::Ne => x != rhs,
        });
        if triggered != Some(true) && !ctx.detail {
            continue;
        }
        let condition = format!("{subject} {} {rhs}", op_text(op));
        let condition_zh = format!("{subject_zh} {} {rhs}", op_text(op));
        let grade_label = ctx.c.grade_label(zone, &v.grade);
        let (grade_en, grade_zh) = labelled(&v.grade, grade_label);
        if let (Some(true), Some(x)) = (triggered, x) {
            let subject_en = match v.subject() {
                Some(VetoSubject::Indicator(id)) => labelled(id, ctx.c.index.get(id).and_then(|&k| ctx.c.indicator(k)).and_then(|i| i.name.as_deref())).0,
                _ => subject.clone(),
            };
            let named_zh = match v.subject() {
                Some(VetoSubject::Indicator(_)) => format!("“{subject_zh}”"),
                _ => subject_zh.clone(),
            };
            let veto_zh = v.name.as_deref().map(|n| format!("“{n}”")).unwrap_or_default();
            hits.push(VetoHit {
                id: v.id.clone(),
                name: v.name.clone(),
                grade: v.grade.clone(),
                grade_label: grade_label.map(str::to_string),
                clause: format!("vetoes[{i}]"),
                reason: format!("{subject_en} = {x} meets the veto condition {condition}; grade forced to {grade_en}"),
                reason_zh: format!("{named_zh} = {x}，符合一票否决{veto_zh}条件 {condition_zh}，等次定为{grade_zh}"),
            });
        }
        if ctx.detail {
            let mut n = Node::new(NodeKind::Veto, &v.id, v.name.as_ref());
            n.value = x;
            n.clause = format!("vetoes[{i}]");
            n.formula = Text::Owned(format!("veto when {condition}"));
            n.formula_zh = Text::Owned(format!("{condition_zh} 时一票否决"));
            n.inputs.push(Term { name: symbol.into(), value: x, source });
            n.outcome = triggered.map(|t| if t { "triggered".to_string() } else { "notTriggered".to_string() });
            match triggered {
                Some(true) => {
                    n.flags.push(Flag::Triggered);
                    n.set_note(format!("grade forced to {grade_en}"), format!("等次定为{grade_zh}"));
                }
                None => n.flags.push(Flag::Missing),
                Some(false) => {}
            }
            nodes.push(n);
        }
    }
    (hits, nodes)
}
