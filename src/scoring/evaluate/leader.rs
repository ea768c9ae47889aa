//! Bonus and deduction items and leader caseload checks.

use super::engine::Ctx;
use super::explain::{Flag, Node, NodeKind, Term};
use super::result::{CheckResult, Missing, MissingKind, VetoHit};
use crate::scoring::input::calls::JudgeInput;
use crate::scoring::input::rule_set::{AdjustmentKind, CheckKind};
use crate::scoring::number::arith::{add, div, mul};
use crate::decimal::Decimal;
use crate::error::Result;

/// Bonus total, deduction total (each item `min(x × perUnit, cap)`, rounded) and their nodes.
pub fn adjustments(
    ctx: &Ctx,
    values: &[Option<Decimal>],
    prefix: &str,
    missing: &mut Vec<Missing>,
) -> Result<(Option<Decimal>, Option<Decimal>, Vec<Node>)> {
    let rs = ctx.c.rs;
    let (mut bonus, mut deduction) = (Some(Decimal::ZERO), Some(Decimal::ZERO));
    let mut nodes = Vec::new();
    for (i, a) in rs.adjustments.iter().enumerate() {
        let x = ctx.value(values, &a.indicator, prefix, missing);
        let mut points = None;
        let mut capped = false;
        if let Some(x) = x {
            let mut p = mul(x, a.per_unit)?;
            if let Some(cap) = a.cap {
                if p > cap {
                    p = cap;
                    capped = true;
                }
            }
            points = Some(rs.rounding.apply(p));
        }
        let acc = if a.kind == AdjustmentKind::Bonus { &mut bonus } else { &mut deduction };
        *acc = match (*acc, points) {
            (Some(t), Some(p)) => Some(add(t, p)?),
            _ => None,
        };
        if ctx.detail {
            let mut n = Node::new(NodeKind::Adjustment, &a.id, a.name.as_ref());
            n.value = points;
            n.outcome = Some(if a.kind == AdjustmentKind::Bonus { "bonus" } else { "deduction" }.into());
            n.clause = format!("adjustments[{i}]");
            n.set_formula(if a.cap.is_some() { "points = min(x × perUnit, cap)" } else { "points = x × perUnit" });
            n.inputs.push(Term::input("x", x, format!("{prefix}.values.{}", a.indicator)));
            n.inputs.push(Term::new("perUnit", a.per_unit));
            if let Some(cap) = a.cap {
                n.inputs.push(Term::new("cap", cap));
            }
            if capped {
                n.flags.push(Flag::Capped);
            }
            if x.is_none() {
                n.flags.push(Flag::Missing);
            }
            nodes.push(n);
        }
    }
    Ok((bonus, deduction, nodes))
}

/// Outcomes of the leader checks that apply to the judge's role, the vetoes
/// their failures carry, and their nodes.
pub fn checks(
    ctx: &Ctx,
    judge: &JudgeInput,
    values: &[Option<Decimal>],
    (zone, tier): (usize, Option<usize>),
    prefix: &str,
    missing: &mut Vec<Missing>,
) -> Result<(Vec<CheckResult>, Vec<VetoHit>, Vec<Node>)> {
    let (mut results, mut hits, mut nodes) = (Vec::new(), Vec::new(), Vec::new());
    let role = judge.role.as_deref().unwrap_or("");
    // Chinese messages name indicators by their labels.
    let label = |id: &str| ctx.c.index.get(id).and_then(|&k| ctx.c.indicator(k)).and_then(|i| i.name.clone()).unwrap_or_else(|| id.to_string());
    for (i, ch) in ctx.c.rs.leader_checks.iter().enumerate() {
        if !ch.roles.is_empty() && !ch.roles.iter().any(|r| r == role) {
            continue;
        }
        let clause = format!("leaderChecks[{i}]");
        let x = ctx.value(values, &ch.indicator, prefix, missing);
        let mut inputs = vec![Term::input("x", x, format!("{prefix}.values.{}", ch.indicator))];
        let (value, required, passed, en, zh): (Option<Decimal>, Option<Decimal>, Option<bool>, String, String);
        match ch.kind {
            CheckKind::MinShareOfBaseline => {
                let share = ch.share.or_else(|| tier.and_then(|t| ctx.c.tier(t)).and_then(|t| t.baseline_share)).unwrap_or(Decimal::ONE);
                let (b, court) = ctx.baseline(judge, &ch.indicator);
                let path = ctx.baseline_path(court, &ch.indicator);
                if b.is_none() && !missing.iter().any(|m| m.path == path) {
                    missing.push(Missing { path: path.clone(), indicator: ch.indicator.clone(), kind: MissingKind::Baseline });
                }
                inputs.push(Term::input("B", b, path));
                inputs.push(Term::new("share", share));
                required = match b {
                    Some(b) => Some(mul(b, share)?),
                    None => None,
                };
                value = x;
                passed = match (x, required) {
                    (Some(x), Some(r)) => Some(x >= r),
                    _ => None,
                };
                let (xs, rs) = (show(x), show(required));
                en = format!("{} = {xs}; required at least {share} × baseline {} = {rs}", ch.indicator, show(b));
                zh = format!("{} = {xs}；应不少于 {share} × 基数 {} = {rs}", label(&ch.indicator), show(b));
            }
            CheckKind::MinRatio => {
                let den_id = ch.denominator.as_deref().unwrap_or("");
                let d = ctx.value(values, den_id, prefix, missing);
                inputs.push(Term::input("d", d, format!("{prefix}.values.{den_id}")));
                required = ch.min;
                let min = ch.min.unwrap_or(Decimal::ZERO);
                // A zero denominator asks for nothing: the check passes.
                value = match (x, d) {
                    (Some(x), Some(d)) if !d.is_zero() => Some(div(x, d)?),
                    _ => None,
                };
                passed = match (x, d) {
                    (Some(_), Some(d)) if d.is_zero() => Some(true),
                    (Some(_), Some(_)) => value.map(|r| r >= min),
                    _ => None,
                };
                let zero = d.is_some_and(|d| d.is_zero());
                en = if zero {
                    format!("{den_id} = 0, nothing is required")
                } else {
                    format!("{} / {den_id} = {} / {} = {}; required at least {min}", ch.indicator, show(x), show(d), show(value))
                };
                zh = if zero {
                    format!("{} = 0，无要求", label(den_id))
                } else {
                    format!("{} / {} = {} / {} = {}；应不低于 {min}", label(&ch.indicator), label(den_id), show(x), show(d), show(value))
                };
            }
        }
        let verdict = |p: Option<bool>| match p {
            Some(true) => ("pass", "通过"),
            Some(false) => ("fail", "未通过"),
            None => ("incomplete", "待补录"),
        };
        let (v_en, v_zh) = verdict(passed);
        let (message, message_zh) = (format!("{en}: {v_en}"), format!("{zh}：{v_zh}"));
        if let (Some(false), Some(g)) = (passed, &ch.veto_grade) {
            let grade_label = ctx.c.grade_label(zone, g);
            let (grade_en, grade_zh) = labelled(g, grade_label);
            let check_zh = ch.name.as_deref().map(|n| format!("“{n}”")).unwrap_or_default();
            hits.push(VetoHit {
                id: ch.id.clone(),
                name: ch.name.clone(),
                grade: g.clone(),
                grade_label: grade_label.map(str::to_string),
                clause: clause.clone(),
                reason: format!("leader check failed ({message}); grade forced to {grade_en}"),
                reason_zh: format!("院庭长办案检查{check_zh}未通过（{message_zh}），等次定为{grade_zh}"),
            });
        }
        if ctx.detail {
            let mut n = Node::new(NodeKind::Check, &ch.id, ch.name.as_ref());
            n.value = value;
            n.outcome = Some(v_en.to_string());
            n.clause = clause;
            n.set_formula(match ch.kind {
                CheckKind::MinShareOfBaseline => "pass when x ≥ share × B",
                CheckKind::MinRatio => "pass when x / d ≥ min (d = 0: pass)",
            });
            n.inputs = inputs;
            if let Some(r) = required {
                n.steps.push(Term::new("required", r));
            }
            match passed {
                Some(true) => n.flags.push(Flag::Passed),
                Some(false) => {
                    n.flags.push(Flag::Failed);
                    if ch.veto_grade.is_some() {
                        n.flags.push(Flag::Triggered);
                    }
                }
                None => n.flags.push(Flag::Missing),
            }
            n.set_note(message.clone(), message_zh.clone());
            nodes.push(n);
        }
        results.push(CheckResult {
            id: ch.id.clone(),
            name: ch.name.clone(),
            passed,
            value,
            required,
            message,
            message_zh,
            veto_grade: ch.veto_grade.clone(),
        });
    }
    Ok((results, hits, nodes))
}

/// An id shown with its rule-set label: `incompetent (不称职)` and `“不称职”`
/// (the id alone, quoted, without a label).
pub fn labelled(id: &str, label: Option<&str>) -> (String, String) {
    match label {
        Some(l) => (format!("{id} ({l})"), format!("“{l}”")),
        None => (id.to_string(), format!("“{id}”")),
    }
}

fn show(v: Option<Decimal>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "?".into())
}
