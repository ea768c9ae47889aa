//! Rule-set validation of one scoring method: its parameters, its direction
//! and the parameters' own constraints.

use super::validate::{bad, negative};
use crate::decimal::Decimal;
use crate::error::Error;
use crate::scoring::input::rule_set::{Direction, Indicator, Method, MethodKind, OutsideRule};

/// Every problem of method `m` of indicator `ind`, at `path`.
pub fn method(m: &Method, ind: &Indicator, path: &str, out: &mut Vec<Error>) {
    use MethodKind::*;
    let params: [(&str, bool); 13] = [
        ("base", m.base.is_some()),
        ("span", m.span.is_some()),
        ("satisfactory", m.satisfactory.is_some()),
        ("unallowed", m.unallowed.is_some()),
        ("center", m.center.is_some()),
        ("spread", m.spread.is_some()),
        ("min", m.min.is_some()),
        ("max", m.max.is_some()),
        ("outside", m.outside.is_some()),
        ("points", !m.points.is_empty()),
        ("perUnitAbove", m.per_unit_above.is_some()),
        ("steps", !m.steps.is_empty()),
        ("scoreBelow", m.score_below.is_some()),
    ];
    let allowed: &[&str] = match m.kind {
        Efficacy => &["base", "span", "satisfactory", "unallowed"],
        ZScore => &["center", "spread"],
        InRange => &["min", "max", "outside"],
        Piecewise => &["points", "perUnitAbove"],
        Steps => &["steps", "scoreBelow"],
        Baseline | MinMax | Direct => &[],
    };
    for (name, present) in params {
        if present && !allowed.contains(&name) {
            out.push(bad(format!("{path}.{name}"), format!("{name} does not apply to this method"), format!("{name} 不适用于该计分方法")));
        }
    }
    if ind.direction == Direction::LowerIsBetter && matches!(m.kind, Baseline | InRange | Piecewise | Steps | Direct) {
        out.push(bad(
            format!("{path}.type"),
            "lowerIsBetter applies to minMax, efficacy and zScore only (piecewise breakpoints and steps carry their own direction)".into(),
            "lowerIsBetter 仅适用于 minMax、efficacy、zScore（分段点和阶梯自带方向）".into(),
        ));
    }
    if let (Some(c), Some(f)) = (m.cap, m.floor) {
        if c < f {
            out.push(bad(format!("{path}.cap"), "cap is below floor".into(), "上限低于下限".into()));
        }
    }
    match m.kind {
        InRange => match (m.min, m.max) {
            (Some(lo), Some(hi)) if lo > hi => out.push(bad(format!("{path}.min"), "min is above max".into(), "下界高于上界".into())),
            (None, None) => out.push(bad(
                path.to_string(),
                "inRange needs min (at least), max (at most) or both".into(),
                "区间法需要 min（不低于）、max（不高于）或两者".into(),
            )),
            _ => {}
        },
        Piecewise => {
            if m.points.len() < 2 {
                out.push(bad(format!("{path}.points"), "piecewise needs at least two points".into(), "分段法至少需要两个分段点".into()));
            }
            for (i, pair) in m.points.windows(2).enumerate() {
                if let [a, b] = pair {
                    if b.x <= a.x {
                        out.push(bad(format!("{path}.points[{}].x", i + 1), "x must increase strictly".into(), "分段点 x 必须严格递增".into()));
                    }
                }
            }
        }
        Steps => steps(m, path, out),
        Efficacy => fixed_bounds(m, ind, path, out),
        ZScore if m.spread.is_some_and(|s| s < Decimal::ZERO) => out.push(negative(format!("{path}.spread"))),
        _ => {}
    }
    if let Some(o) = &m.outside {
        let (needs_score, needs_unit) = (o.rule == OutsideRule::Fixed, o.rule == OutsideRule::PerUnit);
        if needs_score != o.score.is_some() {
            out.push(bad(format!("{path}.outside.score"), "score goes with (and only with) rule fixed".into(), "score 仅且必须用于 fixed 规则".into()));
        }
        if needs_unit != o.per_unit.is_some() {
            out.push(bad(format!("{path}.outside.perUnit"), "perUnit goes with (and only with) rule perUnit".into(), "perUnit 仅且必须用于 perUnit 规则".into()));
        }
    }
}

/// A step scale: at least one step, each with one bound, bounds strictly increasing.
fn steps(m: &Method, path: &str, out: &mut Vec<Error>) {
    if m.steps.is_empty() {
        out.push(bad(format!("{path}.steps"), "a step scale needs at least one step".into(), "阶梯法至少需要一个阶梯".into()));
    }
    let mut previous: Option<Decimal> = None;
    for (i, step) in m.steps.iter().enumerate() {
        let Some((bound, _)) = step.bound() else {
            out.push(bad(
                format!("{path}.steps[{i}]"),
                "a step needs exactly one of from (x ≥ from) and over (x > over)".into(),
                "每个阶梯须且只须设 from（不低于）或 over（高于）之一".into(),
            ));
            continue;
        };
        if previous.is_some_and(|p| bound <= p) {
            out.push(bad(format!("{path}.steps[{i}]"), "step bounds must increase strictly".into(), "阶梯起点必须严格递增".into()));
        }
        previous = Some(bound);
    }
}

/// Efficacy with fixed bounds: both or neither, different, in the
/// indicator's direction (the satisfactory value is the better one).
fn fixed_bounds(m: &Method, ind: &Indicator, path: &str, out: &mut Vec<Error>) {
    match (m.satisfactory, m.unallowed) {
        (None, None) => {}
        (Some(_), None) => out.push(bad(
            format!("{path}.unallowed"),
            "satisfactory goes with unallowed (不允许值)".into(),
            "满意值须与不允许值（unallowed）同时设置".into(),
        )),
        (None, Some(_)) => out.push(bad(
            format!("{path}.satisfactory"),
            "unallowed goes with satisfactory (满意值)".into(),
            "不允许值须与满意值（satisfactory）同时设置".into(),
        )),
        (Some(s), Some(u)) => {
            let lower = ind.direction == Direction::LowerIsBetter;
            if s == u {
                out.push(bad(format!("{path}.satisfactory"), "satisfactory equals unallowed".into(), "满意值等于不允许值".into()));
            } else if lower != (s < u) {
                let (en, zh) = if lower {
                    ("lower is better here: the satisfactory value must be below the unallowed value", "该指标越低越好：满意值必须低于不允许值")
                } else {
                    ("higher is better here: the satisfactory value must be above the unallowed value", "该指标越高越好：满意值必须高于不允许值")
                };
                out.push(bad(format!("{path}.satisfactory"), en.into(), zh.into()));
            }
        }
    }
}
