//! Stage 2, compile: a validated rule set, pre-resolved once per call
//! (indicator indexes, the method of every (zone, tier, indicator) and the
//! clause paths to show), and the forms read against it into
//! indicator-indexed slots. Uses input.

pub mod credit;
pub mod forms;
pub mod one_pass;
pub mod validate;
pub mod validate_grades;
pub mod validate_methods;
pub mod warnings;

use crate::scoring::input::rule_set::{Grades, Group, Indicator, Method, RuleSet, Tier};
use crate::canonical::digest_of;
use crate::decimal::Decimal;
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// FNV-1a: ids are short and come from the rule set, so a keyed hash buys
/// nothing here, and SipHash was a visible part of reading 270,000 values.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map by id, for lookups only (never iterated into an output).
pub type IdMap<'r> = HashMap<&'r str, usize, BuildHasherDefault<Fnv>>;

/// One scored member of a group.
pub struct Item<'r> {
    /// Indicator index.
    pub idx: usize,
    /// Weight inside the group, in percent.
    pub weight: Decimal,
    /// The method that applies.
    pub method: &'r Method,
    /// Path of the method clause.
    pub clause: String,
}

/// A group with its resolved members.
pub struct GroupC<'r> {
    /// The group.
    pub group: &'r Group,
    /// Its id, shared by every judge's result.
    pub id: Arc<str>,
    /// Path of the group clause.
    pub clause: String,
    /// Members.
    pub items: Vec<Item<'r>>,
}

/// A zone (or the whole rule set when it has none).
pub struct ZoneC<'r> {
    /// Zone id (`None` when the rule set has no zones).
    pub id: Option<&'r str>,
    /// Groups, by tier index (a single entry when there are no tiers).
    pub scales: Vec<Vec<GroupC<'r>>>,
    /// Grades and their clause path.
    pub grades: Option<(&'r Grades, String)>,
    /// Indicators that need population statistics in this zone.
    pub population: Vec<usize>,
    /// By tier (as `scales`), the indicators that tier scores by a
    /// population method: only its judges count in their statistics.
    pub statistical: Vec<Vec<usize>>,
}

impl ZoneC<'_> {
    /// Whether the judges of tier `tier` are scored by a population method on `idx`.
    pub fn statistical(&self, tier: Option<usize>, idx: usize) -> bool {
        self.statistical.get(tier.unwrap_or(0)).is_some_and(|s| s.binary_search(&idx).is_ok())
    }
}

/// A validated, pre-resolved rule set.
pub struct Compiled<'r> {
    /// The rule set.
    pub rs: &'r RuleSet,
    /// SHA-256 of its canonical JSON.
    pub digest: String,
    /// Indicator index by id.
    pub index: IdMap<'r>,
    /// Zones (one when the rule set has none).
    pub zones: Vec<ZoneC<'r>>,
    /// Zone index by id.
    pub zone_index: IdMap<'r>,
    /// Tier index by role.
    pub role_tier: IdMap<'r>,
    /// Tier ids by index, shared by every judge's result.
    pub tier_ids: Vec<Arc<str>>,
    /// What the rule set probably did not mean (it is valid all the same).
    pub warnings: Vec<warnings::Warning>,
}

impl<'r> Compiled<'r> {
    /// Indicator by index.
    pub fn indicator(&self, idx: usize) -> Option<&'r Indicator> {
        self.rs.indicators.get(idx)
    }

    /// The label of grade `id` in zone `zone`'s grades, if it has one.
    pub fn grade_label(&self, zone: usize, id: &str) -> Option<&'r str> {
        let (grades, _) = self.zones.get(zone)?.grades.as_ref()?;
        grades.levels.iter().find(|l| l.id == id)?.name.as_deref()
    }

    /// The label of group `id` in zone `zone`, if it has one.
    pub fn group_label(&self, zone: usize, id: &str) -> Option<&'r str> {
        let groups = self.zones.get(zone)?.scales.first()?;
        groups.iter().find(|g| g.group.id == id)?.group.name.as_deref()
    }

    /// Tier by index.
    pub fn tier(&self, idx: usize) -> Option<&'r Tier> {
        self.rs.tiers.get(idx)
    }
}

/// Validate `rs` (all problems, paths relative to the rule set) and resolve it.
pub fn compile(rs: &RuleSet) -> Result<Compiled<'_>> {
    if let Some(e) = Error::collect(validate::problems(rs)) {
        return Err(e);
    }
    let digest = digest_of(rs)?;
    let index: IdMap = rs.indicators.iter().enumerate().map(|(i, ind)| (ind.id.as_str(), i)).collect();
    let mut role_tier = IdMap::default();
    for (t, tier) in rs.tiers.iter().enumerate() {
        for role in &tier.roles {
            role_tier.insert(role.as_str(), t);
        }
    }
    let top_grades = rs.grades.as_ref().map(|g| (g, "grades".to_string()));
    let mut zones = Vec::new();
    if rs.zones.is_empty() {
        zones.push(zone(rs, &index, None, &rs.groups, "groups", top_grades));
    } else {
        for (z, zd) in rs.zones.iter().enumerate() {
            let (groups, gpath) = match &zd.groups {
                Some(g) => (g.as_slice(), format!("zones[{z}].groups")),
                None => (rs.groups.as_slice(), "groups".to_string()),
            };
            let grades = match &zd.grades {
                Some(g) => Some((g, format!("zones[{z}].grades"))),
                None => top_grades.clone(),
            };
            zones.push(zone(rs, &index, Some(z), groups, &gpath, grades));
        }
    }
    let zone_index = rs.zones.iter().enumerate().map(|(z, zd)| (zd.id.as_str(), z)).collect();
    let tier_ids = rs.tiers.iter().map(|t| Arc::from(t.id.as_str())).collect();
    Ok(Compiled { rs, digest, index, zones, zone_index, role_tier, tier_ids, warnings: warnings::of_rule_set(rs) })
}

fn zone<'r>(
    rs: &'r RuleSet,
    index: &IdMap,
    z: Option<usize>,
    groups: &'r [Group],
    gpath: &str,
    grades: Option<(&'r Grades, String)>,
) -> ZoneC<'r> {
    let zd = z.and_then(|z| rs.zones.get(z));
    let tiers: Vec<Option<usize>> = if rs.tiers.is_empty() { vec![None] } else { (0..rs.tiers.len()).map(Some).collect() };
    let mut population = Vec::new();
    let mut statistical = Vec::new();
    let mut scales = Vec::new();
    for t in tiers {
        let mut own = Vec::new();
        let td = t.and_then(|t| rs.tiers.get(t));
        let mut scale = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            let mut items = Vec::new();
            for member in &group.indicators {
                let Some(&idx) = index.get(member.indicator.as_str()) else { continue };
                let id = &member.indicator;
                let resolved = match (td.and_then(|td| td.overrides.get(id)), zd.and_then(|zd| zd.overrides.get(id))) {
                    (Some(m), _) => Some((m, format!("tiers[{}].overrides.{id}", t.unwrap_or(0)))),
                    (None, Some(m)) => Some((m, format!("zones[{}].overrides.{id}", z.unwrap_or(0)))),
                    (None, None) => rs.indicators.get(idx).and_then(|i| i.method.as_ref()).map(|m| (m, format!("indicators[{idx}].method"))),
                };
                let Some((method, clause)) = resolved else { continue };
                if method.needs_population() {
                    if !population.contains(&idx) {
                        population.push(idx);
                    }
                    own.push(idx);
                }
                items.push(Item { idx, weight: member.weight, method, clause });
            }
            scale.push(GroupC { group, id: Arc::from(group.id.as_str()), clause: format!("{gpath}[{g}]"), items });
        }
        scales.push(scale);
        own.sort_unstable();
        own.dedup();
        statistical.push(own);
    }
    population.sort_unstable();
    ZoneC { id: zd.map(|zd| zd.id.as_str()), scales, grades, population, statistical }
}
