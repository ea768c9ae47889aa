//! 审判绩效: the judge performance formula as versioned rule sets.
//!
//! A [`RuleSet`] is data: indicators with scoring methods
//! (baseline, min-max, efficacy coefficient, z-score, in-range, piecewise,
//! direct), weighted groups, tiers by role, assessment zones, case credits,
//! bonus and deduction items, one-vote vetoes, leader caseload checks and
//! grades with quotas. The calls:
//!
//! - [`validate_rule_set`]: every problem of a rule set, each with its path;
//! - [`score`]: a whole population; computes the statistics snapshot
//!   (population min, max, mean, standard deviation per zone), grades with
//!   quotas and ranks; [`score_table`] gives the same figures as rows;
//! - [`score_one`]: one live form against a snapshot; lists the inputs still
//!   missing instead of failing, and reproduces the batch numbers exactly.
//!
//! Every result carries the rule set's id, version and digest, and an
//! explanation tree ([`explain::Node`]). All arithmetic is `Decimal` with
//! declared rounding; the format and formulas are in `docs/scoring.md`.

// The pipeline, in order; no stage uses a later one (tests/scoring_pipeline.rs).
pub mod number;
pub mod input;
pub mod compile;
pub mod evaluate;
pub mod grade;
pub mod output;

/// Kept at its former path for callers that read batches in one pass.
pub use compile::one_pass;
pub use input::calls::{JudgeInput, ScoreInput, ScoreOneInput, ScoreTableInput};
pub use input::rule_set::RuleSet;
pub use input::snapshot::Statistics;
pub use evaluate::result::JudgeResult;
pub use output::{RuleSetRef, ScoreOneOutput, ScoreOutput, ScoreTableOutput, ValidationReport};

use crate::canonical::{from_json_str, from_json_value};
use crate::error::{Error, ErrorCode, Result};
use compile::forms as batch;
use compile::warnings::Warning;
use compile::{compile, validate, Compiled, Fnv};
use evaluate::engine::{place, Ctx, Scored};
use evaluate::populations::{self, PopulationTable};
use evaluate::result::MissingKind;
use grade::levels::Quotas;
use input::calls::{self, Detail};
use input::rule_set::Membership;
use input::snapshot::{Baselines, GradeCutoff};
use output::table;
use serde_json::Value;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// Problems kept in full per call: the first and those listed in `more`;
/// the rest are only counted (`moreOmitted`).
const MAX_PROBLEMS: usize = 1 + crate::error::MAX_MORE;

fn reference(c: &Compiled) -> RuleSetRef {
    RuleSetRef { id: c.rs.id.clone(), version: c.rs.version.clone(), digest: c.digest.clone() }
}

/// A rule-set deserialisation error is an `INVALID_RULE_SET`.
fn as_rule_set_error(mut e: Error) -> Error {
    if e.code == ErrorCode::InvalidInput {
        e.code = ErrorCode::InvalidRuleSet;
    }
    e
}

/// Check a rule set and report every problem with its path (relative to the
/// rule set). Never fails on the rule set's content.
pub fn validate_rule_set(input: Value) -> Result<ValidationReport> {
    let rs: RuleSet = match from_json_value(input) {
        Ok(rs) => rs,
        Err(e) => return Ok(ValidationReport { valid: false, rule_set: None, problems: vec![as_rule_set_error(e)], warnings: Vec::new() }),
    };
    let problems = validate::problems(&rs);
    if !problems.is_empty() {
        return Ok(ValidationReport { valid: false, rule_set: None, problems, warnings: compile::warnings::of_rule_set(&rs) });
    }
    let c = compile(&rs)?;
    Ok(ValidationReport { valid: true, rule_set: Some(reference(&c)), problems, warnings: c.warnings.clone() })
}

fn check_baselines(c: &Compiled, baselines: &Baselines, path: &str) -> Result<()> {
    for (court, map) in baselines {
        for id in map.keys() {
            if !c.index.contains_key(id.as_str()) {
                return Err(Error::new(
                    ErrorCode::UnknownIndicator,
                    format!("{path}.{court}.{id}"),
                    format!("unknown indicator '{id}'"),
                    format!("未定义的指标“{id}”"),
                ));
            }
        }
    }
    Ok(())
}

/// Score a whole population (complete forms). Statistics are computed per
/// zone over the judges given; grade quotas and ranks apply per zone.
pub fn score(input: ScoreInput) -> Result<ScoreOutput> {
    score_batch(batch_of(input.rule_set, input.judges, input.baselines, input.detail)?)
}

/// [`score`] from JSON text, read in one pass when the text allows.
pub fn score_text(text: &str) -> Result<ScoreOutput> {
    match one_pass::read(text, true) {
        Some(batch) => score_batch(batch),
        None => score(from_json_str(text)?),
    }
}

fn score_batch(batch: one_pass::Batch) -> Result<ScoreOutput> {
    let max_judges = match batch.detail {
        Detail::Full => crate::limits::SCORE_JUDGES,
        Detail::Summary => crate::limits::SCORE_SUMMARY_JUDGES,
    };
    let (rule_set, statistics, warnings, judges) = score_population(batch, max_judges, |_, scored| scored.into_iter().map(|s| s.result).collect())?;
    Ok(ScoreOutput { rule_set, statistics, judges, warnings })
}

/// Score a whole population as `score` does with `detail: "summary"`, and
/// return the results as a table: one row per judge.
pub fn score_table(input: ScoreTableInput) -> Result<ScoreTableOutput> {
    score_table_batch(batch_of(input.rule_set, input.judges, input.baselines, Detail::Summary)?)
}

/// [`score_table`] from JSON text, read in one pass when the text allows.
pub fn score_table_text(text: &str) -> Result<ScoreTableOutput> {
    match one_pass::read(text, false) {
        Some(batch) => score_table_batch(one_pass::Batch { detail: Detail::Summary, ..batch }),
        None => score_table(from_json_str(text)?),
    }
}

fn score_table_batch(batch: one_pass::Batch) -> Result<ScoreTableOutput> {
    let (rule_set, statistics, warnings, table) = score_population(batch, crate::limits::SCORE_TABLE_JUDGES, table::build)?;
    Ok(ScoreTableOutput { rule_set, statistics, table, warnings })
}

fn batch_of(rule_set: Value, judges: Box<serde_json::value::RawValue>, baselines: Baselines, detail: Detail) -> Result<one_pass::Batch> {
    Ok(one_pass::Batch { rule_set: calls::parse_rule_set(rule_set)?, judges: one_pass::Judges::Text(judges), baselines, detail })
}

/// The work of `score` and `score_table`: graded results, laid out by `finish`.
/// At most `max_judges` judges are scored in one call.
fn score_population<T>(input: one_pass::Batch, max_judges: usize, finish: impl FnOnce(&Compiled, Vec<Scored>) -> T) -> Result<(RuleSetRef, Statistics, Vec<Warning>, T)> {
    let c = compile(&input.rule_set).map_err(|e| e.at("ruleSet"))?;
    check_baselines(&c, &input.baselines, "baselines")?;
    let judges = match input.judges {
        one_pass::Judges::Read(judges) => judges,
        one_pass::Judges::Text(text) => batch::read_judges(&c, text.get(), "judges")?,
    };
    crate::limits::check_count("judges", "judges", "法官", judges.len(), max_judges)?;
    check_figures(&c, judges.len(), input.detail)?;
    // Every form is checked in input order (its id, zone and role, then its values) before any is scored.
    let mut ids: HashSet<&str, BuildHasherDefault<Fnv>> = HashSet::with_capacity_and_hasher(judges.len(), Default::default());
    let mut places = Vec::with_capacity(judges.len());
    let mut paths = String::with_capacity(judges.len() * 12);
    for (i, batch::BatchJudge { judge, values }) in judges.iter().enumerate() {
        if !ids.insert(judge.id.as_str()) {
            return Err(Error::new(
                ErrorCode::DuplicateId,
                format!("judges[{i}].id"),
                format!("duplicate judge id '{}'", judge.id),
                format!("法官标识“{}”重复", judge.id),
            ));
        }
        // Every judge's path in one buffer: one allocation for the batch, not one per judge.
        let start = paths.len();
        push_indexed(&mut paths, "judges", i);
        let prefix = start..paths.len();
        let (zone, tier) = place(&c, judge, paths.get(prefix.clone()).unwrap_or_default())?;
        if let Err(e) = values {
            return Err(e.clone());
        }
        places.push((prefix, zone, tier));
    }
    drop(ids);
    let mut placed = Vec::with_capacity(judges.len());
    for (batch::BatchJudge { judge, values }, (prefix, zone, tier)) in judges.into_iter().zip(places) {
        placed.push((prefix, zone, tier, values?, judge));
    }
    let empty = PopulationTable::new(&c);
    let mut ctx = Ctx {
        c: &c,
        baselines: &input.baselines,
        pops: &empty,
        baselines_path: "baselines",
        populations_path: "statistics.populations",
        detail: input.detail == Detail::Full,
    };
    let exclude_vetoed = c.rs.populations.vetoed == Membership::Exclude;
    let mut members = Vec::with_capacity(placed.len());
    for (prefix, zone, tier, values, judge) in &placed {
        let left_out = exclude_vetoed && ctx.vetoed_by_form(judge, values, (*zone, *tier), paths.get(prefix.clone()).unwrap_or_default())?;
        members.push(populations::Member { zone: *zone, tier: *tier, values, left_out });
    }
    let (pops, populations) = populations::of_batch(&c, &members)?;
    drop(members);
    ctx.pops = &pops;
    let mut scored = Vec::with_capacity(placed.len());
    let (mut problems, mut omitted) = (Vec::new(), 0);
    let total = placed.len() as u64;
    for (prefix, zone, tier, values, judge) in placed {
        let s = ctx.score(judge, &values, zone, tier, paths.get(prefix).unwrap_or_default())?;
        crate::progress::report("score", scored.len() as u64 + 1, total, crate::progress::JUDGES_PER_REPORT);
        for m in &s.result.missing {
            if problems.len() >= MAX_PROBLEMS {
                omitted += 1;
            } else {
                problems.push(match m.kind {
                    MissingKind::Baseline => Error::new(
                        ErrorCode::MissingBaseline,
                        m.path.clone(),
                        format!("no baseline for '{}'", m.indicator),
                        format!("缺少指标“{}”的基数", m.indicator),
                    ),
                    _ => Error::new(
                        ErrorCode::MissingValue,
                        m.path.clone(),
                        format!("a value for '{}' is required", m.indicator),
                        format!("缺少指标“{}”的数值", m.indicator),
                    ),
                });
            }
        }
        scored.push(s);
    }
    if let Some(mut e) = Error::collect(problems) {
        e.more_omitted += omitted;
        return Err(e);
    }
    let cutoffs = grade::grade_all(&c, &mut scored, Quotas::Population);
    let has_quota = c.zones.iter().filter_map(|z| z.grades.as_ref()).any(|(g, _)| g.levels.iter().any(|l| l.max_share.is_some()));
    let statistics = Statistics { baselines: input.baselines, populations, grade_cutoffs: has_quota.then_some(cutoffs) };
    let mut warnings = rule_set_warnings(&c);
    if scored.is_empty() {
        warnings.push(compile::warnings::no_judges("judges"));
    }
    Ok((reference(&c), statistics, warnings, finish(&c, scored)))
}

/// Refuse a batch whose result would hold more figures than one call gives:
/// judges times the indicators and groups explained, or times the group
/// scores of a summary or a table.
fn check_figures(c: &Compiled, judges: usize, detail: Detail) -> Result<()> {
    let groups = c.rs.groups.len();
    let (per_judge, limit, what, what_zh) = match detail {
        Detail::Full => (c.rs.indicators.len() + groups, crate::limits::SCORE_EXPLAINED_FIGURES, "indicators and groups", "指标和分组"),
        Detail::Summary => (groups, crate::limits::SCORE_GROUP_FIGURES, "groups", "分组"),
    };
    let figures = judges.saturating_mul(per_judge);
    if figures <= limit {
        return Ok(());
    }
    Err(crate::limits::exceeded(
        "judges",
        format!("{judges} judges times {per_judge} {what} is {figures} figures: at most {limit} are given in one call"),
        format!("{judges} 名法官乘以 {per_judge} 个{what_zh}共 {figures} 项，单次调用最多给出 {limit} 项"),
        limit,
    ))
}

/// The rule set's warnings, with paths under `ruleSet.` as in a call's input.
fn rule_set_warnings(c: &Compiled) -> Vec<Warning> {
    c.warnings.iter().cloned().map(|mut w| {
        w.path = format!("ruleSet.{}", w.path);
        w
    }).collect()
}

/// Append `path[i]` to `out`, without the formatting machinery (once per judge of a batch).
fn push_indexed(out: &mut String, path: &str, i: usize) {
    let mut digits = [0u8; 20];
    let (mut n, mut len) = (i, 0);
    loop {
        if let Some(d) = digits.get_mut(len) {
            *d = b'0' + (n % 10) as u8;
        }
        (n, len) = (n / 10, len + 1);
        if n == 0 {
            break;
        }
    }
    out.push_str(path);
    out.push('[');
    out.extend(digits.iter().take(len).rev().map(|&d| char::from(d)));
    out.push(']');
}

/// Every cut-off must name a zone of the rule set and a grade with a quota there.
fn check_cutoffs(c: &Compiled, cutoffs: Option<&[GradeCutoff]>) -> Result<()> {
    for (i, cut) in cutoffs.unwrap_or_default().iter().enumerate() {
        let path = format!("statistics.gradeCutoffs[{i}]");
        let Some(zone) = c.zones.iter().find(|z| z.id == cut.zone.as_deref()) else {
            return Err(Error::new(ErrorCode::InvalidInput, format!("{path}.zone"), "zone not in the rule set", "考核区不在规则集中"));
        };
        let quota_level = zone.grades.as_ref().is_some_and(|(g, _)| g.levels.iter().any(|l| l.id == cut.grade && l.max_share.is_some()));
        if !quota_level {
            return Err(Error::new(
                ErrorCode::InvalidInput,
                format!("{path}.grade"),
                format!("grade '{}' has no quota in this zone", cut.grade),
                format!("等次“{}”在该考核区没有名额比例", cut.grade),
            ));
        }
    }
    Ok(())
}

/// Score one judge's live form against a statistics snapshot. Missing
/// values, baselines and population statistics are listed in the result
/// (total and grade stay null) instead of failing; a wrong value is still an error.
pub fn score_one(input: ScoreOneInput) -> Result<ScoreOneOutput> {
    let rule_set = calls::parse_rule_set(input.rule_set)?;
    let c = compile(&rule_set).map_err(|e| e.at("ruleSet"))?;
    check_baselines(&c, &input.statistics.baselines, "statistics.baselines")?;
    let form = batch::read_judge(&c, input.judge.get(), "judge")?;
    let (zone, tier) = place(&c, &form.judge, "judge")?;
    let values = form.values?;
    let pops = populations::of_snapshot(&c, &input.statistics.populations, "statistics.populations")?;
    let ctx = Ctx {
        c: &c,
        baselines: &input.statistics.baselines,
        pops: &pops,
        baselines_path: "statistics.baselines",
        populations_path: "statistics.populations",
        detail: true,
    };
    let mut scored = vec![ctx.score(form.judge, &values, zone, tier, "judge")?];
    check_cutoffs(&c, input.statistics.grade_cutoffs.as_deref())?;
    grade::grade_all(&c, &mut scored, Quotas::Snapshot(input.statistics.grade_cutoffs.as_deref()));
    let judge = scored.pop().map(|s| s.result).ok_or_else(|| Error::new(ErrorCode::Internal, "", "no result", "无结果"))?;
    Ok(ScoreOneOutput { rule_set: reference(&c), statistics: input.statistics, judge, warnings: rule_set_warnings(&c) })
}

#[cfg(test)]
mod tests {
    #[test]
    fn indexed_paths_read_as_formatted_ones() {
        for i in [0, 7, 10, 99, 100, 12_345, usize::MAX] {
            let mut out = String::from("x");
            super::push_indexed(&mut out, "judges", i);
            assert_eq!(out, format!("xjudges[{i}]"));
        }
    }
}
