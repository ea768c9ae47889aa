//! Scoring one judge against a compiled rule set.

use super::explain::{formula_zh, Flag, Node, NodeKind, Term, Text, CAP_FLOOR};
use super::leader;
use super::methods::{evaluate, Env};
use super::populations::{self, PopulationTable};
use super::result::{GroupScore, JudgeResult, Missing, MissingKind, VetoHit};
use super::credit::credit_node;
use crate::scoring::compile::{Compiled, Item};
use crate::scoring::input::calls::JudgeInput;
use crate::scoring::input::rule_set::MethodKind;
use crate::scoring::input::snapshot::Baselines;
use crate::scoring::number::arith::{MethodError, Overflow};
use crate::scoring::number::sum::Sum;
use crate::scoring::number::Path;
use crate::decimal::Decimal;
use crate::error::{Error, ErrorCode, Result};

/// Everything shared by the judges of one call.
#[derive(Clone, Copy)]
pub struct Ctx<'a, 'r> {
    /// The compiled rule set.
    pub c: &'a Compiled<'r>,
    /// Court baselines.
    pub baselines: &'a Baselines,
    /// Population statistics by zone, slot and indicator.
    pub pops: &'a PopulationTable,
    /// Path of the baselines in the input (`baselines`, `statistics.baselines`).
    pub baselines_path: &'a str,
    /// Path of the populations in the input.
    pub populations_path: &'a str,
    /// Whether to build the explanation tree.
    pub detail: bool,
}

/// A judge's result before grading.
pub struct Scored {
    /// The result (grade and rank still empty).
    pub result: JudgeResult,
    /// Zone index.
    pub zone: usize,
    /// Vetoes that apply, as (grade id, veto id).
    pub veto_grades: Vec<String>,
}

fn internal(what: &str) -> Error {
    Error::new(ErrorCode::Internal, "", format!("internal: {what}"), format!("内部错误：{what}"))
}

/// Zone index and tier index of a judge.
pub fn place(c: &Compiled, judge: &JudgeInput, prefix: &str) -> Result<(usize, Option<usize>)> {
    let zone = match (&judge.zone, c.rs.zones.is_empty()) {
        (None, true) => 0,
        (Some(_), true) => {
            return Err(Error::new(ErrorCode::InvalidInput, format!("{prefix}.zone"), "the rule set has no zones", "规则集未设考核区"))
        }
        (Some(z), false) => *c.zone_index.get(z.as_str()).ok_or_else(|| {
            Error::new(ErrorCode::InvalidInput, format!("{prefix}.zone"), format!("unknown zone '{z}'"), format!("未定义的考核区“{z}”"))
        })?,
        (None, false) => {
            return Err(Error::new(ErrorCode::InvalidInput, format!("{prefix}.zone"), "a zone is required", "必须指明考核区"))
        }
    };
    let tier = if c.rs.tiers.is_empty() {
        None
    } else {
        let role = judge.role.as_deref().unwrap_or("");
        Some(*c.role_tier.get(role).ok_or_else(|| {
            Error::new(ErrorCode::InvalidInput, format!("{prefix}.role"), format!("role '{role}' is on no tier"), format!("角色“{role}”不属于任何档次"))
        })?)
    };
    Ok((zone, tier))
}

impl Ctx<'_, '_> {
    /// The value of indicator `id`, or a missing entry.
    pub fn value(&self, values: &[Option<Decimal>], id: &str, prefix: &str, missing: &mut Vec<Missing>) -> Option<Decimal> {
        let idx = self.c.index.get(id).copied()?;
        self.value_at(values, idx, prefix, missing)
    }

    /// The value of the indicator at `idx`, or a missing entry.
    pub fn value_at(&self, values: &[Option<Decimal>], idx: usize, prefix: &str, missing: &mut Vec<Missing>) -> Option<Decimal> {
        let found = values.get(idx).copied().flatten();
        if found.is_none() {
            let ind = self.c.indicator(idx)?;
            match &ind.credit {
                Some(cr) => {
                    for src in [&cr.handling, &cr.panel] {
                        self.value(values, src, prefix, missing);
                    }
                }
                None => push_missing(missing, format!("{prefix}.values.{}", ind.id), &ind.id, MissingKind::Value),
            }
        }
        found
    }

    /// The baseline of indicator `id` for the judge's court (or `*`), and
    /// the court key it was (or would be) read under.
    pub fn baseline<'j>(&self, judge: &'j JudgeInput, id: &str) -> (Option<Decimal>, &'j str) {
        if let Some(court) = judge.court.as_deref() {
            if let Some(v) = self.baselines.get(court).and_then(|m| m.get(id)) {
                return (Some(*v), court);
            }
        }
        if let Some(v) = self.baselines.get("*").and_then(|m| m.get(id)) {
            return (Some(*v), "*");
        }
        (None, judge.court.as_deref().unwrap_or("*"))
    }

    /// Path of a baseline in the input.
    pub fn baseline_path(&self, court: &str, id: &str) -> String {
        format!("{}.{court}.{id}", self.baselines_path)
    }

    /// Whether the form alone carries a veto (a veto item, or a failed
    /// leader check with `vetoGrade`): known before any statistic.
    pub fn vetoed_by_form(&self, judge: &JudgeInput, values: &[Option<Decimal>], (zone, tier): (usize, Option<usize>), prefix: &str) -> Result<bool> {
        let quiet = Ctx { detail: false, ..*self };
        let mut scratch = Vec::new();
        if !leader::vetoes(&quiet, zone, values, prefix, &mut scratch).0.is_empty() {
            return Ok(true);
        }
        Ok(!leader::checks(&quiet, judge, values, (zone, tier), prefix, &mut scratch)?.1.is_empty())
    }

    /// Score one judge (the form's identity moves into the result). Missing
    /// inputs are listed, not errors.
    pub fn score(&self, form: JudgeInput, values: &[Option<Decimal>], zone: usize, tier: Option<usize>, prefix: &str) -> Result<Scored> {
        let judge = &form;
        let c = self.c;
        let rs = c.rs;
        let zc = c.zones.get(zone).ok_or_else(|| internal("zone"))?;
        let scale = zc.scales.get(tier.unwrap_or(0)).ok_or_else(|| internal("tier"))?;
        let tier_def = tier.and_then(|t| c.tier(t));
        let share = tier_def.and_then(|t| t.baseline_share).unwrap_or(Decimal::ONE);
        let slot = populations::slot(c, tier);
        let mut missing = Vec::new();
        let mut root = self.detail.then(|| Node::new(NodeKind::Judge, &judge.id, judge.name.as_ref()));
        let path = Path::for_call(self.detail);
        let mut base = path.sum();
        let mut groups = Vec::with_capacity(scale.len());
        for g in scale {
            // Without an explanation the sum is kept in integers while it fits (`settle`).
            let mut sum = path.sum();
            let mut gnode = self.detail.then(|| Node::new(NodeKind::Group, &g.group.id, g.group.name.as_ref()));
            for item in &g.items {
                let s = self.indicator(judge, values, (zone, slot), share, item, prefix, &mut missing, gnode.as_mut())?;
                sum = match s {
                    Some(s) => sum.plus(s, item.weight)?,
                    None => Sum::Missing,
                };
            }
            let score = sum.percent_rounded(rs.rounding)?;
            let weighted = match score {
                Some(s) => path.sum().plus(s, g.group.weight)?.percent_rounded(rs.rounding)?,
                None => None,
            };
            base = match weighted {
                Some(w) => base.plus(w, Decimal::ONE)?,
                None => Sum::Missing,
            };
            if let (Some(mut gn), Some(root)) = (gnode, root.as_mut()) {
                gn.value = weighted;
                gn.clause = g.clause.clone();
                gn.set_formula("G = Σ sᵢ × wᵢ / 100; contribution = G × W / 100");
                gn.inputs.push(Term::new("W", g.group.weight));
                if let Some(s) = score {
                    gn.steps.push(Term::new("G", s));
                }
                if score.is_none() {
                    gn.flags.push(Flag::Missing);
                }
                root.children.push(gn);
            }
            groups.push(GroupScore { id: g.id.clone(), score, weighted });
        }
        let (bonus, deduction, adj_nodes) = leader::adjustments(self, values, prefix, &mut missing)?;
        let (mut vetoes, veto_nodes) = leader::vetoes(self, zone, values, prefix, &mut missing);
        let (checks, check_vetoes, check_nodes) = leader::checks(self, judge, values, (zone, tier), prefix, &mut missing)?;
        vetoes.extend(check_vetoes);
        let total = match (bonus, deduction) {
            (Some(p), Some(m)) => base.plus(p, Decimal::ONE)?.plus(m, Decimal::NEGATIVE_ONE)?.rounded(rs.rounding)?,
            _ => None,
        };
        let base = base.value();
        if let Some(root) = root.as_mut() {
            root.value = total;
            root.set_formula("total = Σ group contributions + Σ bonuses − Σ deductions");
            root.clause = String::from("groups");
            for (name, v) in [("base", base), ("bonuses", bonus), ("deductions", deduction)] {
                if let Some(v) = v {
                    root.steps.push(Term::new(name, v));
                }
            }
            if total.is_none() {
                root.flags.push(Flag::Missing);
            }
            root.children.extend(adj_nodes);
            root.children.extend(veto_nodes);
            root.children.extend(check_nodes);
        }
        let veto_grades = vetoes.iter().map(|v: &VetoHit| v.grade.clone()).collect();
        let result = JudgeResult {
            id: form.id,
            name: form.name,
            role: form.role,
            tier: tier.and_then(|t| c.tier_ids.get(t)).cloned(),
            zone: zc.id.map(str::to_string),
            complete: missing.is_empty(),
            missing,
            total,
            grade: None,
            grade_label: None,
            grade_basis: None,
            grade_provisional: None,
            rank: None,
            groups,
            vetoes,
            checks,
            explanation: root,
        };
        Ok(Scored { result, zone, veto_grades })
    }

    #[allow(clippy::too_many_arguments)]
    fn indicator(
        &self,
        judge: &JudgeInput,
        values: &[Option<Decimal>],
        (zone, slot): (usize, usize),
        share: Decimal,
        item: &Item,
        prefix: &str,
        missing: &mut Vec<Missing>,
        parent: Option<&mut Node>,
    ) -> std::result::Result<Option<Decimal>, Failure> {
        let rs = self.c.rs;
        let ind = self.c.indicator(item.idx).ok_or(Failure::Method(MethodError::Internal("indicator")))?;
        let method = item.method;
        let x = self.value_at(values, item.idx, prefix, missing);
        let mut node = parent.as_ref().map(|_| {
            let mut n = Node::new(NodeKind::Indicator, &ind.id, ind.name.as_ref());
            n.clause = item.clause.clone();
            n
        });
        if let (Some(n), Some(credit)) = (node.as_mut(), &ind.credit) {
            n.children.push(credit_node(self, ind, credit, values, prefix).map_err(|e| Failure::Other(Box::new(e)))?);
        }
        let (mut baseline, mut population) = (None, None);
        let mut ready = x.is_some();
        if method.kind == MethodKind::Baseline {
            let (b, court) = self.baseline(judge, &ind.id);
            if b.is_none() {
                push_missing(missing, self.baseline_path(court, &ind.id), &ind.id, MissingKind::Baseline);
                ready = false;
            }
            if let Some(n) = node.as_mut() {
                n.inputs.push(Term::input("B", b, self.baseline_path(court, &ind.id)));
                n.inputs.push(Term::new("share", share));
            }
            baseline = b;
        }
        if matches!(method.kind, MethodKind::MinMax | MethodKind::Efficacy | MethodKind::ZScore) {
            let found = self.pops.get(zone, slot, item.idx);
            population = found.map(|(_, p)| p);
            match (found, node.as_mut()) {
                (None, n) => {
                    push_missing(missing, self.populations_path.to_string(), &ind.id, MissingKind::Population);
                    ready = false;
                    if let Some(n) = n {
                        n.inputs.push(Term::input("population", None, self.populations_path.to_string()));
                    }
                }
                (Some((k, p)), Some(n)) => {
                    let src = || format!("{}[{k}]", self.populations_path);
                    n.population = Some(populations::used(self.c, p, src()));
                    if method.kind == MethodKind::ZScore {
                        n.inputs.push(Term::input("mean", Some(p.mean), src()));
                        n.inputs.push(Term::input("sd", Some(p.std_dev), src()));
                    } else {
                        n.inputs.push(Term::input("min", Some(p.min), src()));
                        n.inputs.push(Term::input("max", Some(p.max), src()));
                    }
                }
                _ => {}
            }
        }
        if let Some(n) = node.as_mut() {
            n.inputs.insert(0, Term::input("x", x, format!("{prefix}.values.{}", ind.id)));
            n.inputs.push(Term::new("w", item.weight));
        }
        let (Some(x), true) = (x, ready) else {
            if let (Some(mut n), Some(parent)) = (node, parent) {
                n.flags.push(Flag::Missing);
                parent.children.push(n);
            }
            return Ok(None);
        };
        let env = Env { scale: rs.scale, edge: &rs.edge_cases, baseline, share, population, detail: self.detail };
        let o = evaluate(method, ind.direction, x, &env)?;
        let score = Path::for_call(node.is_some()).score(o.raw, method.cap, method.floor, rs.rounding)?;
        let s = score.value;
        if let Some(n) = node.as_mut() {
            n.value = Some(s);
            n.set_formula(o.formula);
            if method.cap.is_some() || method.floor.is_some() {
                n.formula = Text::Owned(format!("{}{}", o.formula, CAP_FLOOR.0));
                n.formula_zh = Text::Owned(format!("{}{}", formula_zh(o.formula), CAP_FLOOR.1));
            }
            n.steps = o.steps;
            if let Some(raw) = score.raw {
                n.steps.push(Term::new("raw", raw));
            }
            if let Some(cap) = method.cap {
                n.steps.push(Term::new("cap", cap));
            }
            if let Some(floor) = method.floor {
                n.steps.push(Term::new("floor", floor));
            }
            n.steps.push(Term::new("s", s));
            n.flags.extend(o.flag);
            n.flags.extend(score.capped.then_some(Flag::Capped));
            n.flags.extend(score.floored.then_some(Flag::Floored));
            n.note = o.note;
            n.note_zh = o.note_zh;
        }
        if let (Some(n), Some(parent)) = (node, parent) {
            parent.children.push(n);
        }
        Ok(Some(s))
    }
}

/// Why an indicator gave no score: small, because each of a batch's
/// 250,000 indicator results is passed back through it (an [`Error`] is
/// many times the size of a score).
enum Failure {
    /// An overflow or a broken invariant of a method.
    Method(MethodError),
    /// Any other error.
    Other(Box<Error>),
}

impl From<MethodError> for Failure {
    fn from(e: MethodError) -> Failure {
        Failure::Method(e)
    }
}

impl From<Overflow> for Failure {
    fn from(e: Overflow) -> Failure {
        Failure::Method(e.into())
    }
}

impl From<Failure> for Error {
    fn from(f: Failure) -> Error {
        match f {
            Failure::Method(e) => e.into(),
            Failure::Other(e) => *e,
        }
    }
}

fn push_missing(missing: &mut Vec<Missing>, path: String, id: &str, kind: MissingKind) {
    if !missing.iter().any(|m| m.path == path && m.indicator == id) {
        missing.push(Missing { path, indicator: id.to_string(), kind });
    }
}
