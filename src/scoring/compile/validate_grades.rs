//! Rule-set validation of grades: levels, and the requirements of a level
//! on a group's score.

use crate::scoring::input::rule_set::{Grades, Group, Requirement, RuleSet, Zone};
use super::validate::{bad, unique};
use crate::decimal::Decimal;
use crate::error::Error;

/// The levels of one grade list: thresholds decreasing, shares in [0, 1].
pub fn levels(g: &Grades, path: &str, out: &mut Vec<Error>) {
    if g.levels.is_empty() {
        out.push(bad(format!("{path}.levels"), "at least one grade is required".into(), "至少需要一个等次".into()));
    }
    unique(&format!("{path}.levels"), g.levels.iter().map(|l| l.id.as_str()), out);
    let last = g.levels.len().saturating_sub(1);
    let mut previous: Option<Decimal> = None;
    for (i, level) in g.levels.iter().enumerate() {
        let lpath = format!("{path}.levels[{i}]");
        match (level.min_score, i == last) {
            (Some(_), true) => out.push(bad(format!("{lpath}.minScore"), "the last grade takes everyone else and has no minScore".into(), "最后一个等次兜底，不设 minScore".into())),
            (None, false) => out.push(bad(format!("{lpath}.minScore"), "every grade but the last needs minScore".into(), "除最后一个等次外都需要 minScore".into())),
            (Some(s), false) => {
                if previous.is_some_and(|p| s >= p) {
                    out.push(bad(format!("{lpath}.minScore"), "minScore must decrease from grade to grade".into(), "minScore 必须逐级递减".into()));
                }
                previous = Some(s);
            }
            (None, true) => {}
        }
        if level.max_share.is_some_and(|s| s < Decimal::ZERO || s > Decimal::ONE) {
            out.push(bad(format!("{lpath}.maxShare"), "must be between 0 and 1".into(), "必须在 0 到 1 之间".into()));
        }
    }
}

fn zone_groups<'r>(rs: &'r RuleSet, z: &'r Zone) -> &'r [Group] {
    z.groups.as_deref().unwrap_or(rs.groups.as_slice())
}

/// Whether every judge has group `id` scored: it is in every zone's groups
/// (the rule set's groups when there are no zones).
pub fn scored_in_every_zone(rs: &RuleSet, id: &str) -> bool {
    if rs.zones.is_empty() {
        return rs.groups.iter().any(|g| g.id == id);
    }
    rs.zones.iter().all(|z| zone_groups(rs, z).iter().any(|g| g.id == id))
}

/// Every group a grade requirement names must be scored wherever its grades
/// apply, and the last level (everyone else) takes no requirement.
pub fn requirements(rs: &RuleSet, out: &mut Vec<Error>) {
    let mut uses: Vec<(&Grades, String, Vec<&[Group]>)> = Vec::new();
    if let Some(g) = &rs.grades {
        let lists = if rs.zones.is_empty() {
            vec![rs.groups.as_slice()]
        } else {
            rs.zones.iter().filter(|z| z.grades.is_none()).map(|z| zone_groups(rs, z)).collect()
        };
        uses.push((g, "grades".into(), lists));
    }
    for (z, zone) in rs.zones.iter().enumerate() {
        if let Some(g) = &zone.grades {
            uses.push((g, format!("zones[{z}].grades"), vec![zone_groups(rs, zone)]));
        }
    }
    for (g, path, lists) in uses {
        let last = g.levels.len().saturating_sub(1);
        for (i, level) in g.levels.iter().enumerate() {
            if i == last && !level.requires.is_empty() {
                out.push(bad(
                    format!("{path}.levels[{i}].requires"),
                    "the last grade takes everyone else and has no requirement".into(),
                    "最后一个等次兜底，不设前置条件".into(),
                ));
            }
            for (r, req) in level.requires.iter().enumerate() {
                let rpath = format!("{path}.levels[{i}].requires[{r}]");
                match req.kind() {
                    Some(Requirement::Group(g, _)) if !lists.iter().all(|list| list.iter().any(|group| group.id == g)) => out.push(bad(
                        format!("{rpath}.group"),
                        format!("group '{g}' is not scored wherever these grades apply"),
                        format!("指标组“{g}”并非在适用这些等次的每个考核区都计分"),
                    )),
                    Some(_) => {}
                    None if req.all_in_range == Some(false) => {
                        out.push(bad(format!("{rpath}.allInRange"), "allInRange must be true when given".into(), "allInRange 如设置必须为 true".into()))
                    }
                    None => out.push(bad(
                        rpath,
                        "a requirement is either group with minScore, or allInRange".into(),
                        "前置条件须为 group 加 minScore，或 allInRange 之一".into(),
                    )),
                }
            }
        }
    }
}
