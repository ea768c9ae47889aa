//! Rule-set validation: every problem, each with its path.

use crate::scoring::input::rule_set::*;
use crate::decimal::Decimal;
use crate::error::{Error, ErrorCode};
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn bad(path: String, en: String, zh: String) -> Error {
    Error::new(ErrorCode::InvalidRuleSet, path, en, zh)
}

fn unknown(path: String, id: &str) -> Error {
    Error::new(
        ErrorCode::UnknownIndicator,
        path,
        format!("unknown indicator '{id}'"),
        format!("未定义的指标“{id}”"),
    )
}

fn negative(path: String) -> Error {
    bad(path, "must not be negative".into(), "不得为负数".into())
}

/// Report duplicate ids of a list at `path[i].id`.
pub(super) fn unique<'a>(path: &str, ids: impl Iterator<Item = &'a str>, out: &mut Vec<Error>) {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            out.push(bad(format!("{path}[{i}].id"), "id must not be empty".into(), "标识不得为空".into()));
        } else if !seen.insert(id) {
            out.push(Error::new(
                ErrorCode::DuplicateId,
                format!("{path}[{i}].id"),
                format!("duplicate id '{id}'"),
                format!("标识“{id}”重复"),
            ));
        }
    }
}

/// Every problem of `rs`, paths relative to the rule set.
pub fn problems(rs: &RuleSet) -> Vec<Error> {
    use crate::limits::{check_count, INDICATORS};
    if let Err(e) = check_count("indicators", "indicators", "指标", rs.indicators.len(), INDICATORS) {
        return vec![e];
    }
    let mut out = Vec::new();
    if rs.id.trim().is_empty() {
        out.push(bad("id".into(), "id must not be empty".into(), "规则集标识不得为空".into()));
    }
    if rs.version.trim().is_empty() {
        out.push(bad("version".into(), "version must not be empty".into(), "版本不得为空".into()));
    }
    if let Err(e) = rs.rounding.validate("rounding") {
        out.push(e);
    }
    if rs.scale <= Decimal::ZERO {
        out.push(bad("scale".into(), "scale must be positive".into(), "满分必须为正数".into()));
    }
    if rs.populations.scope == PopulationScope::Tier && rs.tiers.is_empty() {
        out.push(bad("populations.scope".into(), "populations per tier need tiers".into(), "按档次统计须先设档次（tiers）".into()));
    }
    let ids: BTreeMap<&str, &Indicator> = rs.indicators.iter().map(|i| (i.id.as_str(), i)).collect();
    unique("indicators", rs.indicators.iter().map(|i| i.id.as_str()), &mut out);
    for (i, ind) in rs.indicators.iter().enumerate() {
        let path = format!("indicators[{i}]");
        if let Some(m) = &ind.method {
            method(m, ind, &format!("{path}.method"), &mut out);
        }
        if let Some(c) = &ind.credit {
            credit(c, ind, &ids, &format!("{path}.credit"), &mut out);
        }
    }
    let mut grade_sets: Vec<(&Grades, String)> = Vec::new();
    if let Some(g) = &rs.grades {
        super::validate_grades::levels(g, "grades", &mut out);
        grade_sets.push((g, "grades".into()));
    }
    let no_methods = BTreeMap::new();
    if rs.zones.is_empty() {
        if rs.groups.is_empty() {
            out.push(bad("groups".into(), "at least one group is required".into(), "至少需要一个指标组".into()));
        }
        groups(rs, &rs.groups, &no_methods, "groups", &ids, &mut out);
    } else {
        if !rs.groups.is_empty() {
            groups(rs, &rs.groups, &no_methods, "groups", &ids, &mut out);
        }
        unique("zones", rs.zones.iter().map(|z| z.id.as_str()), &mut out);
        for (z, zone) in rs.zones.iter().enumerate() {
            let path = format!("zones[{z}]");
            overrides(&zone.overrides, &format!("{path}.overrides"), &ids, &mut out);
            match &zone.groups {
                Some(g) => groups(rs, g, &zone.overrides, &format!("{path}.groups"), &ids, &mut out),
                None if rs.groups.is_empty() => out.push(bad(
                    format!("{path}.groups"),
                    "the zone needs groups (the rule set declares none)".into(),
                    "该考核区需要指标组（规则集未声明）".into(),
                )),
                None => {}
            }
            if let Some(g) = &zone.grades {
                super::validate_grades::levels(g, &format!("{path}.grades"), &mut out);
                grade_sets.push((g, format!("{path}.grades")));
            } else if rs.grades.is_none() && (!rs.vetoes.is_empty()) {
                out.push(bad(format!("{path}.grades"), "vetoes need grades".into(), "否决项需要等次".into()));
            }
        }
    }
    super::validate_grades::requirements(rs, &mut out);
    unique("tiers", rs.tiers.iter().map(|t| t.id.as_str()), &mut out);
    let mut roles = BTreeSet::new();
    for (t, tier) in rs.tiers.iter().enumerate() {
        for (r, role) in tier.roles.iter().enumerate() {
            if !roles.insert(role.as_str()) {
                out.push(Error::new(
                    ErrorCode::DuplicateId,
                    format!("tiers[{t}].roles[{r}]"),
                    format!("role '{role}' is on more than one tier"),
                    format!("角色“{role}”属于多个档次"),
                ));
            }
        }
        if tier.baseline_share.is_some_and(|s| s < Decimal::ZERO) {
            out.push(negative(format!("tiers[{t}].baselineShare")));
        }
        overrides(&tier.overrides, &format!("tiers[{t}].overrides"), &ids, &mut out);
        for (id, m) in &tier.overrides {
            if let Some(ind) = ids.get(id.as_str()) {
                method(m, ind, &format!("tiers[{t}].overrides.{id}"), &mut out);
            }
        }
    }
    for (z, zone) in rs.zones.iter().enumerate() {
        for (id, m) in &zone.overrides {
            if let Some(ind) = ids.get(id.as_str()) {
                method(m, ind, &format!("zones[{z}].overrides.{id}"), &mut out);
            }
        }
    }
    let known_grade = |g: &str| grade_sets.iter().all(|(set, _)| set.levels.iter().any(|l| l.id == g));
    let grade_problem = |path: String, g: &str| {
        if grade_sets.is_empty() {
            bad(path, "a grade is named but the rule set declares no grades".into(), "规则集未声明等次".into())
        } else {
            bad(path, format!("grade '{g}' is not declared in every grade list"), format!("等次“{g}”未在所有等次表中声明"))
        }
    };
    unique("adjustments", rs.adjustments.iter().map(|a| a.id.as_str()), &mut out);
    for (i, a) in rs.adjustments.iter().enumerate() {
        let path = format!("adjustments[{i}]");
        if !ids.contains_key(a.indicator.as_str()) {
            out.push(unknown(format!("{path}.indicator"), &a.indicator));
        }
        if a.per_unit < Decimal::ZERO {
            out.push(negative(format!("{path}.perUnit")));
        }
        if a.cap.is_some_and(|c| c < Decimal::ZERO) {
            out.push(negative(format!("{path}.cap")));
        }
    }
    unique("vetoes", rs.vetoes.iter().map(|v| v.id.as_str()), &mut out);
    for (i, v) in rs.vetoes.iter().enumerate() {
        if !ids.contains_key(v.indicator.as_str()) {
            out.push(unknown(format!("vetoes[{i}].indicator"), &v.indicator));
        }
        if !known_grade(&v.grade) || grade_sets.is_empty() {
            out.push(grade_problem(format!("vetoes[{i}].grade"), &v.grade));
        }
    }
    unique("leaderChecks", rs.leader_checks.iter().map(|c| c.id.as_str()), &mut out);
    for (i, c) in rs.leader_checks.iter().enumerate() {
        let path = format!("leaderChecks[{i}]");
        if !ids.contains_key(c.indicator.as_str()) {
            out.push(unknown(format!("{path}.indicator"), &c.indicator));
        }
        let ratio = c.kind == CheckKind::MinRatio;
        match (&c.denominator, ratio) {
            (Some(d), true) if !ids.contains_key(d.as_str()) => out.push(unknown(format!("{path}.denominator"), d)),
            (None, true) => out.push(bad(format!("{path}.denominator"), "minRatio needs a denominator".into(), "比例检查需要分母指标".into())),
            (Some(_), false) => out.push(bad(format!("{path}.denominator"), "only minRatio takes a denominator".into(), "仅比例检查可设分母".into())),
            _ => {}
        }
        match (c.min, ratio) {
            (None, true) => out.push(bad(format!("{path}.min"), "minRatio needs min".into(), "比例检查需要最低比例".into())),
            (Some(_), false) => out.push(bad(format!("{path}.min"), "only minRatio takes min".into(), "仅比例检查可设最低比例".into())),
            (Some(m), true) if m < Decimal::ZERO => out.push(negative(format!("{path}.min"))),
            _ => {}
        }
        if c.share.is_some() && ratio {
            out.push(bad(format!("{path}.share"), "only minShareOfBaseline takes share".into(), "仅基数比例检查可设比例".into()));
        }
        if c.share.is_some_and(|s| s < Decimal::ZERO) {
            out.push(negative(format!("{path}.share")));
        }
        if !rs.tiers.is_empty() {
            for (r, role) in c.roles.iter().enumerate() {
                if !roles.contains(role.as_str()) {
                    out.push(bad(format!("{path}.roles[{r}]"), format!("role '{role}' is on no tier"), format!("角色“{role}”不属于任何档次")));
                }
            }
        }
        if let Some(g) = &c.veto_grade {
            if !known_grade(g) || grade_sets.is_empty() {
                out.push(grade_problem(format!("{path}.vetoGrade"), g));
            }
        }
    }
    out
}

fn overrides(map: &BTreeMap<String, Method>, path: &str, ids: &BTreeMap<&str, &Indicator>, out: &mut Vec<Error>) {
    for id in map.keys() {
        if !ids.contains_key(id.as_str()) {
            out.push(unknown(format!("{path}.{id}"), id));
        }
    }
}

fn groups(
    rs: &RuleSet,
    list: &[Group],
    zone_overrides: &BTreeMap<String, Method>,
    path: &str,
    ids: &BTreeMap<&str, &Indicator>,
    out: &mut Vec<Error>,
) {
    unique(path, list.iter().map(|g| g.id.as_str()), out);
    let mut total = Decimal::ZERO;
    for (g, group) in list.iter().enumerate() {
        let gpath = format!("{path}[{g}]");
        if group.weight < Decimal::ZERO {
            out.push(negative(format!("{gpath}.weight")));
        }
        total = total.checked_add(group.weight).unwrap_or(Decimal::MAX);
        if group.indicators.is_empty() {
            out.push(bad(format!("{gpath}.indicators"), "a group needs indicators".into(), "指标组不能为空".into()));
        }
        let mut inner = Decimal::ZERO;
        let mut seen = BTreeSet::new();
        for (m, member) in group.indicators.iter().enumerate() {
            let mpath = format!("{gpath}.indicators[{m}]");
            inner = inner.checked_add(member.weight).unwrap_or(Decimal::MAX);
            if member.weight < Decimal::ZERO {
                out.push(negative(format!("{mpath}.weight")));
            }
            if !seen.insert(member.indicator.as_str()) {
                out.push(Error::new(ErrorCode::DuplicateId, format!("{mpath}.indicator"), "indicator listed twice in a group", "同一指标组中指标重复"));
            }
            match ids.get(member.indicator.as_str()) {
                None => out.push(unknown(format!("{mpath}.indicator"), &member.indicator)),
                Some(ind) if ind.method.is_none() && !zone_overrides.contains_key(&ind.id) => out.push(bad(
                    format!("{mpath}.indicator"),
                    format!("indicator '{}' has no scoring method", ind.id),
                    format!("指标“{}”没有计分方法", ind.id),
                )),
                Some(_) => {}
            }
        }
        if let Some(sum) = rs.weights_must_sum_to {
            if inner != sum {
                out.push(weights(format!("{gpath}.indicators"), inner, sum));
            }
        }
    }
    if let Some(sum) = rs.weights_must_sum_to {
        if total != sum && !list.is_empty() {
            out.push(weights(path.to_string(), total, sum));
        }
    }
}

fn weights(path: String, got: Decimal, want: Decimal) -> Error {
    Error::new(
        ErrorCode::WeightsDoNotSumToOne,
        path,
        format!("weights add up to {got}, the rule set requires {want}"),
        format!("权重合计为 {got}，规则集要求 {want}"),
    )
    .with_details(serde_json::json!({ "sum": got.to_string(), "required": want.to_string() }))
}

fn credit(c: &Credit, ind: &Indicator, ids: &BTreeMap<&str, &Indicator>, path: &str, out: &mut Vec<Error>) {
    if ind.value_type != ValueType::Number {
        out.push(bad(path.to_string(), "a credited indicator must have type number".into(), "折算指标的类型必须为 number".into()));
    }
    for (field, id) in [("handling", &c.handling), ("panel", &c.panel)] {
        match ids.get(id.as_str()) {
            None => out.push(unknown(format!("{path}.{field}"), id)),
            Some(src) if src.credit.is_some() || src.value_type == ValueType::Boolean || src.id == ind.id => out.push(bad(
                format!("{path}.{field}"),
                "must name an entered number or count indicator".into(),
                "必须引用录入的数值或计数指标".into(),
            )),
            Some(_) => {}
        }
    }
    if c.panel_share < Decimal::ZERO || c.panel_share > Decimal::ONE {
        out.push(bad(format!("{path}.panelShare"), "must be between 0 and 1".into(), "必须在 0 到 1 之间".into()));
    }
    if c.panel_cap_share.is_some_and(|s| s < Decimal::ZERO || s >= Decimal::ONE) {
        out.push(bad(format!("{path}.panelCapShare"), "must be at least 0 and below 1".into(), "必须不小于 0 且小于 1".into()));
    }
}

fn method(m: &Method, ind: &Indicator, path: &str, out: &mut Vec<Error>) {
    use MethodKind::*;
    let params: [(&str, bool); 9] = [
        ("base", m.base.is_some()),
        ("span", m.span.is_some()),
        ("center", m.center.is_some()),
        ("spread", m.spread.is_some()),
        ("min", m.min.is_some()),
        ("max", m.max.is_some()),
        ("outside", m.outside.is_some()),
        ("points", !m.points.is_empty()),
        ("perUnitAbove", m.per_unit_above.is_some()),
    ];
    let allowed: &[&str] = match m.kind {
        Efficacy => &["base", "span"],
        ZScore => &["center", "spread"],
        InRange => &["min", "max", "outside"],
        Piecewise => &["points", "perUnitAbove"],
        Baseline | MinMax | Direct => &[],
    };
    for (name, present) in params {
        if present && !allowed.contains(&name) {
            out.push(bad(format!("{path}.{name}"), format!("{name} does not apply to this method"), format!("{name} 不适用于该计分方法")));
        }
    }
    if ind.direction == Direction::LowerIsBetter && matches!(m.kind, Baseline | InRange | Piecewise | Direct) {
        out.push(bad(
            format!("{path}.type"),
            "lowerIsBetter applies to minMax, efficacy and zScore only (piecewise breakpoints carry their own direction)".into(),
            "lowerIsBetter 仅适用于 minMax、efficacy、zScore".into(),
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
            (Some(_), Some(_)) => {}
            _ => out.push(bad(path.to_string(), "inRange needs min and max".into(), "区间法需要 min 和 max".into())),
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
