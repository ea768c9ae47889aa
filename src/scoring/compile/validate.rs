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

pub(super) fn negative(path: String) -> Error {
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

/// Every problem of `rs`, paths relative to the rule set; a problem of an
/// indicator names it as the office knows it (「裁判文书评查得分」（docQuality）).
pub fn problems(rs: &RuleSet) -> Vec<Error> {
    let mut out = unnamed_problems(rs);
    for e in &mut out {
        if let Some(ind) = indicator_at(rs, &e.path) {
            let (en, zh) = crate::scoring::input::calls::indicator_names(ind);
            e.about(&format!("indicator {en}"), &format!("指标{zh}"));
        }
    }
    out
}

/// The indicator whose definition, group membership or override holds
/// `path` (`indicators[2].method.max`, `groups[0].indicators[1].weight`,
/// `tiers[0].overrides.docQuality.cap`), when it is defined.
fn indicator_at<'r>(rs: &'r RuleSet, path: &str) -> Option<&'r Indicator> {
    let by_id = |id: &str| rs.indicators.iter().find(|i| i.id == id);
    let index = |rest: &str| -> Option<usize> { rest.split_once(']').and_then(|(n, _)| n.parse().ok()) };
    if let Some(rest) = path.strip_prefix("indicators[") {
        return rs.indicators.get(index(rest)?);
    }
    // A zone's lists first: `zones[z].groups[…]`, `zones[z].overrides.…`.
    let (groups, tail) = match path.strip_prefix("zones[") {
        Some(rest) => {
            let zone = rs.zones.get(index(rest)?)?;
            let tail = rest.split_once("].")?.1;
            (zone.groups.as_deref().unwrap_or(&rs.groups), tail)
        }
        None => (rs.groups.as_slice(), path),
    };
    if let Some(rest) = tail.strip_prefix("groups[") {
        let group = groups.get(index(rest)?)?;
        let member = rest.split_once("].indicators[")?.1;
        return by_id(&group.indicators.get(index(member)?)?.indicator);
    }
    let overrides = if tail.starts_with("tiers[") { tail.split_once("].overrides.")?.1 } else { tail.strip_prefix("overrides.")? };
    by_id(overrides.split('.').next()?)
}

fn unnamed_problems(rs: &RuleSet) -> Vec<Error> {
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
    for (field, cap) in [("totalCap", rs.total_cap), ("bonusesCap", rs.bonuses_cap), ("deductionsCap", rs.deductions_cap)] {
        if cap.is_some_and(|c| c < Decimal::ZERO) {
            out.push(negative(field.into()));
        }
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
            super::validate_methods::method(m, ind, &format!("{path}.method"), &mut out);
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
                super::validate_methods::method(m, ind, &format!("tiers[{t}].overrides.{id}"), &mut out);
            }
        }
    }
    for (z, zone) in rs.zones.iter().enumerate() {
        for (id, m) in &zone.overrides {
            if let Some(ind) = ids.get(id.as_str()) {
                super::validate_methods::method(m, ind, &format!("zones[{z}].overrides.{id}"), &mut out);
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
        match v.subject() {
            Some(VetoSubject::Indicator(id)) if !ids.contains_key(id) => out.push(unknown(format!("vetoes[{i}].indicator"), id)),
            Some(VetoSubject::Group(g)) if !super::validate_grades::scored_in_every_zone(rs, g) => out.push(bad(
                format!("vetoes[{i}].group"),
                format!("group '{g}' is not scored in every zone"),
                format!("指标组“{g}”并非在每个考核区都计分"),
            )),
            Some(_) => {}
            None if v.total == Some(false) => out.push(bad(format!("vetoes[{i}].total"), "total must be true when given".into(), "total 如设置必须为 true".into())),
            None => out.push(bad(
                format!("vetoes[{i}]"),
                "a veto tests exactly one of indicator, group and total".into(),
                "否决项须且只须检验 indicator（指标）、group（指标组）、total（总分）之一".into(),
            )),
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
                    "it has no scoring method".into(),
                    "没有计分方法".into(),
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
    for (role, share) in &c.panel_share_by_role {
        if *share < Decimal::ZERO || *share > Decimal::ONE {
            out.push(bad(format!("{path}.panelShareByRole.{role}"), "must be between 0 and 1".into(), "必须在 0 到 1 之间".into()));
        }
    }
    if c.panel_cap.is_some_and(|cap| cap < Decimal::ZERO) {
        out.push(negative(format!("{path}.panelCap")));
    }
    if c.panel_cap_share.is_some_and(|s| s < Decimal::ZERO || s >= Decimal::ONE) {
        out.push(bad(format!("{path}.panelCapShare"), "must be at least 0 and below 1".into(), "必须不小于 0 且小于 1".into()));
    }
}
