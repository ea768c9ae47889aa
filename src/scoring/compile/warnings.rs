//! Warnings: what a call can work with but probably did not mean. They
//! never stop a call; results list them in `warnings`.

use crate::decimal::Decimal;
use crate::scoring::input::rule_set::{Group, RuleSet};
use serde::Serialize;

/// A warning's stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WarningCode {
    /// Without `weightsMustSumTo`, a list of weights does not add up to 100.
    WeightsDoNotAddUp,
    /// A batch with no judges: the result is empty.
    NoJudges,
}

/// Something a caller should look at, with the path of what it concerns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// Stable code.
    pub code: WarningCode,
    /// Path of the field concerned.
    pub path: String,
    /// English message.
    pub message: String,
    /// Chinese message.
    pub message_zh: String,
}

/// The rule set's warnings (paths relative to the rule set): with no
/// `weightsMustSumTo`, every list of group weights and every group's member
/// weights that does not add up to 100.
pub fn of_rule_set(rs: &RuleSet) -> Vec<Warning> {
    let mut out = Vec::new();
    if rs.weights_must_sum_to.is_some() {
        return out;
    }
    let mut lists = vec![(String::from("groups"), rs.groups.as_slice())];
    for (z, zone) in rs.zones.iter().enumerate() {
        if let Some(groups) = &zone.groups {
            lists.push((format!("zones[{z}].groups"), groups.as_slice()));
        }
    }
    for (path, groups) in lists.into_iter().filter(|(_, g)| !g.is_empty()) {
        let sum = total(groups.iter().map(|g| g.weight));
        if sum != Decimal::ONE_HUNDRED {
            out.push(Warning {
                code: WarningCode::WeightsDoNotAddUp,
                message: format!("the group weights add up to {sum}, not 100, and no weightsMustSumTo is declared: totals are not out of 100"),
                message_zh: format!("各组权重之和为 {sum}，不是 100，且规则集未声明 weightsMustSumTo：总分不是百分制"),
                path,
            });
            continue;
        }
        for (g, group) in groups.iter().enumerate() {
            members(group, &format!("{path}[{g}].indicators"), &mut out);
        }
    }
    out
}

fn members(group: &Group, path: &str, out: &mut Vec<Warning>) {
    let sum = total(group.indicators.iter().map(|m| m.weight));
    if sum != Decimal::ONE_HUNDRED {
        let label = group.name.as_deref().unwrap_or(&group.id);
        out.push(Warning {
            code: WarningCode::WeightsDoNotAddUp,
            path: path.to_string(),
            message: format!("the indicator weights of group {} add up to {sum}, not 100, and no weightsMustSumTo is declared: its score is not out of 100", group.id),
            message_zh: format!("“{label}”各指标权重之和为 {sum}，不是 100，且规则集未声明 weightsMustSumTo：该组得分不是百分制"),
        });
    }
}

/// A sum of weights (saturating: a sum past the decimal range is far from 100 anyway).
fn total(weights: impl Iterator<Item = Decimal>) -> Decimal {
    weights.fold(Decimal::ZERO, |acc, w| acc.checked_add(w).unwrap_or(Decimal::MAX)).normalize()
}

/// A batch with no judges.
pub fn no_judges(path: &str) -> Warning {
    Warning {
        code: WarningCode::NoJudges,
        path: path.to_string(),
        message: "no judges were given: there is nothing to score, and no statistics".to_string(),
        message_zh: "未提供任何法官：没有可计分的对象，也没有统计数据".to_string(),
    }
}
