//! One-vote vetoes (一票否决): on an indicator's value, on a group's score
//! `G` or on the total, tested once the total is known.

use super::engine::Ctx;
use super::explain::{Flag, Node, NodeKind, Term, Text};
use super::result::{GroupScore, Missing, VetoHit};
use crate::decimal::Decimal;
use crate::scoring::input::rule_set::{Op, RuleSet, VetoSubject};

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
/// `groups` and `total` are the judge's, after caps and rounding.
pub fn vetoes(
    ctx: &Ctx,
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
            Some(VetoSubject::Indicator(id)) => (id.to_string(), id.to_string(), "x", ctx.value(values, id, prefix, missing), Some(format!("{prefix}.values.{id}"))),
            Some(VetoSubject::Group(g)) => {
                let zh = format!("指标组“{}”得分", group_name(ctx.c.rs, g));
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
        if let (Some(true), Some(x)) = (triggered, x) {
            hits.push(VetoHit {
                id: v.id.clone(),
                name: v.name.clone(),
                grade: v.grade.clone(),
                clause: format!("vetoes[{i}]"),
                reason: format!("{subject} = {x} meets the veto condition {condition}; grade forced to {}", v.grade),
                reason_zh: format!("{subject_zh} = {x}，符合一票否决条件 {}，等次定为 {}", condition.replacen(&subject, &subject_zh, 1), v.grade),
            });
        }
        if ctx.detail {
            let mut n = Node::new(NodeKind::Veto, &v.id, v.name.as_ref());
            n.value = x;
            n.clause = format!("vetoes[{i}]");
            n.formula = Text::Owned(format!("veto when {condition}"));
            n.inputs.push(Term { name: symbol.into(), value: x, source });
            n.outcome = triggered.map(|t| if t { "triggered".to_string() } else { "notTriggered".to_string() });
            match triggered {
                Some(true) => {
                    n.flags.push(Flag::Triggered);
                    n.note = Some(format!("grade forced to {}", v.grade));
                }
                None => n.flags.push(Flag::Missing),
                Some(false) => {}
            }
            nodes.push(n);
        }
    }
    (hits, nodes)
}

/// The display name of group `id` (the first declared, in the rule set's
/// groups then the zones'), else its id.
fn group_name<'r>(rs: &'r RuleSet, id: &'r str) -> &'r str {
    let zones = rs.zones.iter().filter_map(|z| z.groups.as_deref());
    std::iter::once(rs.groups.as_slice()).chain(zones).flatten().find(|g| g.id == id).and_then(|g| g.name.as_deref()).unwrap_or(id)
}
