//! The population statistics of one call, by zone, population slot and
//! indicator, and what a judge's explanation says of the one it used.
//!
//! A slot is the judge's tier when the rule set's populations are per tier
//! (`populations.scope: "tier"`), else 0: one population per zone.

use super::methods::population;
use crate::decimal::Decimal;
use crate::error::{Error, ErrorCode, Result};
use crate::scoring::compile::Compiled;
use crate::scoring::input::rule_set::PopulationScope;
use crate::scoring::input::snapshot::Population;
use serde::Serialize;

/// Every population of a call, each with its position in `statistics.populations`.
pub struct PopulationTable {
    slots: usize,
    indicators: usize,
    cells: Vec<Option<(usize, Population)>>,
}

/// Number of population slots per zone.
pub fn slots(c: &Compiled) -> usize {
    match c.rs.populations.scope {
        PopulationScope::Tier => c.rs.tiers.len().max(1),
        PopulationScope::Zone => 1,
    }
}

/// The population slot of a judge on `tier`.
pub fn slot(c: &Compiled, tier: Option<usize>) -> usize {
    match c.rs.populations.scope {
        PopulationScope::Tier => tier.unwrap_or(0),
        PopulationScope::Zone => 0,
    }
}

impl PopulationTable {
    /// An empty table for the zones, slots and indicators of `c`.
    pub fn new(c: &Compiled) -> Self {
        let (slots, indicators) = (slots(c), c.rs.indicators.len());
        PopulationTable { slots, indicators, cells: vec![None; c.zones.len() * slots * indicators] }
    }

    fn at(&self, zone: usize, slot: usize, idx: usize) -> Option<usize> {
        (slot < self.slots && idx < self.indicators).then(|| (zone * self.slots + slot) * self.indicators + idx)
    }

    /// The population of indicator `idx` for `slot` in `zone`, with its position.
    pub fn get(&self, zone: usize, slot: usize, idx: usize) -> Option<(usize, &Population)> {
        let cell = self.at(zone, slot, idx).and_then(|i| self.cells.get(i))?;
        cell.as_ref().map(|(k, p)| (*k, p))
    }

    /// Record `population`, found at `position` in `statistics.populations`.
    pub fn set(&mut self, zone: usize, slot: usize, idx: usize, position: usize, population: Population) {
        if let Some(cell) = self.at(zone, slot, idx).and_then(|i| self.cells.get_mut(i)) {
            *cell = Some((position, population));
        }
    }
}

/// Which population an indicator's statistics came from, in its explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PopulationUsed {
    /// Its path in the input or result (`statistics.populations[2]`).
    pub source: String,
    /// Zone id (absent without zones).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Tier id (present when populations are per tier).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// Number of judges in it.
    pub count: u32,
    /// Who they are, in English.
    pub label: String,
    /// Who they are, in Chinese.
    pub label_zh: String,
}

/// What an explanation says of `p`, found at `source`.
pub fn used(c: &Compiled, p: &Population, source: String) -> PopulationUsed {
    let zone = p.zone.as_deref().map(|id| (id, c.rs.zones.iter().find(|z| z.id == id).and_then(|z| z.name.as_deref())));
    let tier = p.tier.as_deref().map(|id| (id, c.rs.tiers.iter().find(|t| t.id == id).and_then(|t| t.name.as_deref())));
    let en_of = |(id, name): (&str, Option<&str>)| name.map_or_else(|| id.to_string(), |n| format!("{id} ({n})"));
    let zh_of = |(id, name): (&str, Option<&str>)| name.unwrap_or(id).to_string();
    let ind = c.index.get(p.indicator.as_str()).and_then(|&i| c.indicator(i));
    let ind_name = ind.and_then(|i| i.name.as_deref()).unwrap_or(&p.indicator);
    let mut en = String::from("the judges");
    let mut zh = String::new();
    if let Some(z) = zone {
        en.push_str(&format!(" of zone {}", en_of(z)));
        zh.push_str(&format!("考核区“{}”", zh_of(z)));
    }
    if let Some(t) = tier {
        en.push_str(&format!(" on tier {}", en_of(t)));
        zh.push_str(&format!("档次“{}”", zh_of(t)));
    }
    if zh.is_empty() {
        zh.push_str("全体");
    }
    let n = p.count;
    PopulationUsed {
        source,
        zone: p.zone.clone(),
        tier: p.tier.clone(),
        count: n,
        label: format!("{en} scored on {} by min-max, efficacy or z-score: {n} judges", p.indicator),
        label_zh: format!("{zh}按极值、功效系数或标准分计“{ind_name}”的法官，共 {n} 人"),
    }
}

/// One judge as the batch's statistics see it: zone, tier, values, and
/// whether a veto from the form leaves it out.
pub struct Member<'a> {
    /// Zone index.
    pub zone: usize,
    /// Tier index.
    pub tier: Option<usize>,
    /// Values by indicator index.
    pub values: &'a [Option<Decimal>],
    /// Left out as vetoed (`populations.vetoed: "exclude"`).
    pub left_out: bool,
}

/// The statistics of a batch: for every zone, slot and indicator that needs
/// them, over the judges of that zone (and slot) whose own method for the
/// indicator is a population method, in zone, slot, indicator order.
pub fn of_batch(c: &Compiled, members: &[Member]) -> Result<(PopulationTable, Vec<Population>)> {
    let mut table = PopulationTable::new(c);
    let mut list = Vec::new();
    let per_tier = c.rs.populations.scope == PopulationScope::Tier;
    for (z, zc) in c.zones.iter().enumerate() {
        for s in 0..table.slots {
            let tier_id = if per_tier { c.tier(s).map(|t| t.id.as_str()) } else { None };
            for &idx in &zc.population {
                let values: Vec<Decimal> = members
                    .iter()
                    .filter(|m| m.zone == z && !m.left_out && slot(c, m.tier) == s && zc.statistical(m.tier, idx))
                    .filter_map(|m| m.values.get(idx).copied().flatten())
                    .collect();
                let id = c.indicator(idx).map(|i| i.id.as_str()).unwrap_or("");
                if let Some(pop) = population(zc.id, tier_id, id, &values)? {
                    table.set(z, s, idx, list.len(), pop.clone());
                    list.push(pop);
                }
            }
        }
    }
    Ok((table, list))
}

/// The statistics of a snapshot given back to `scoreOne` (`path`: where it is).
pub fn of_snapshot(c: &Compiled, populations: &[Population], path: &str) -> Result<PopulationTable> {
    let mut table = PopulationTable::new(c);
    let per_tier = c.rs.populations.scope == PopulationScope::Tier;
    for (i, p) in populations.iter().enumerate() {
        let path = format!("{path}[{i}]");
        let z = c.zones.iter().position(|zc| zc.id == p.zone.as_deref()).ok_or_else(|| {
            Error::new(ErrorCode::InvalidInput, format!("{path}.zone"), "zone not in the rule set", "考核区不在规则集中")
        })?;
        let idx = c.index.get(p.indicator.as_str()).copied().ok_or_else(|| {
            Error::new(ErrorCode::UnknownIndicator, format!("{path}.indicator"), format!("unknown indicator '{}'", p.indicator), format!("未定义的指标“{}”", p.indicator))
        })?;
        let s = match (per_tier, p.tier.as_deref()) {
            (false, None) => 0,
            (true, Some(t)) => c.rs.tiers.iter().position(|td| td.id == t).ok_or_else(|| {
                Error::new(ErrorCode::InvalidInput, format!("{path}.tier"), format!("unknown tier '{t}'"), format!("未定义的档次“{t}”"))
            })?,
            (true, None) => {
                return Err(Error::new(ErrorCode::InvalidInput, format!("{path}.tier"), "populations are per tier: a tier is required", "规则集按档次统计：必须指明档次"))
            }
            (false, Some(_)) => {
                return Err(Error::new(ErrorCode::InvalidInput, format!("{path}.tier"), "populations are per zone: no tier is allowed", "规则集按考核区统计：不应指明档次"))
            }
        };
        if p.min > p.max || p.std_dev.is_sign_negative() {
            return Err(Error::new(ErrorCode::OutOfRange, path, "min above max or negative stdDev", "最小值大于最大值或标准差为负"));
        }
        table.set(z, s, idx, i, p.clone());
    }
    Ok(table)
}
