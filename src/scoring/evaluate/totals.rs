//! The total: group contributions, bonuses and deductions, with the rule
//! set's caps on the sums (`bonusesCap`, `deductionsCap`, `totalCap`).

use super::explain::{Flag, Node, Term, Text};
use crate::decimal::Decimal;
use crate::scoring::input::rule_set::RuleSet;
use crate::scoring::number::arith::Checked;
use crate::scoring::number::sum::Sum;

/// A judge's total and how it was reached.
pub struct Total {
    /// `Σ C` (null while a group is missing).
    pub base: Option<Decimal>,
    /// `Σ` bonus items, and the part counted after `bonusesCap`.
    pub bonuses: Option<(Decimal, Decimal)>,
    /// `Σ` deduction items, and the part counted after `deductionsCap`.
    pub deductions: Option<(Decimal, Decimal)>,
    /// The total before `totalCap`, when it lowered the total.
    pub uncapped: Option<Decimal>,
    /// `round(min(Σ C + bonuses − deductions, totalCap))`.
    pub value: Option<Decimal>,
}

fn at_most(x: Decimal, cap: Option<Decimal>) -> Decimal {
    match cap {
        Some(cap) if x > cap => cap,
        _ => x,
    }
}

/// `round(min(base + min(bonus, bonusesCap) − min(deduction, deductionsCap), totalCap))`.
pub fn total(rs: &RuleSet, base: Sum, bonus: Option<Decimal>, deduction: Option<Decimal>) -> Checked<Total> {
    let bonuses = bonus.map(|b| (b, at_most(b, rs.bonuses_cap)));
    let deductions = deduction.map(|d| (d, at_most(d, rs.deductions_cap)));
    let sum = match (bonuses, deductions) {
        (Some((_, b)), Some((_, d))) => base.plus(b, Decimal::ONE)?.plus(d, Decimal::NEGATIVE_ONE)?,
        _ => Sum::Missing,
    };
    let (value, uncapped) = match (rs.total_cap, sum.value()) {
        (Some(cap), Some(v)) if v > cap => (Some(rs.rounding.apply(cap)), Some(v)),
        _ => (sum.rounded(rs.rounding)?, None),
    };
    Ok(Total { base: base.value(), bonuses, deductions, uncapped, value })
}

impl Total {
    /// The root node's value, formula, inputs, steps and flags.
    pub fn explain(&self, rs: &RuleSet, root: &mut Node) {
        root.value = self.value;
        let capped = rs.bonuses_cap.is_some() || rs.deductions_cap.is_some() || rs.total_cap.is_some();
        if capped {
            let b = rs.bonuses_cap.map_or(("Σ bonuses", "Σ 加分"), |_| ("min(Σ bonuses, bonusesCap)", "min(Σ 加分, 加分总额上限 bonusesCap)"));
            let d = rs.deductions_cap.map_or(("Σ deductions", "Σ 扣分"), |_| ("min(Σ deductions, deductionsCap)", "min(Σ 扣分, 扣分总额上限 deductionsCap)"));
            let (sum, sum_zh) = (format!("Σ group contributions + {} − {}", b.0, d.0), format!("Σ 各组计入分 + {} − {}", b.1, d.1));
            (root.formula, root.formula_zh) = match rs.total_cap {
                Some(_) => (Text::Owned(format!("total = min({sum}, totalCap)")), Text::Owned(format!("总分 = min({sum_zh}, 总分上限 totalCap)"))),
                None => (Text::Owned(format!("total = {sum}")), Text::Owned(format!("总分 = {sum_zh}"))),
            };
        } else {
            root.set_formula("total = Σ group contributions + Σ bonuses − Σ deductions");
        }
        root.clause = String::from("groups");
        for (name, cap) in [("bonusesCap", rs.bonuses_cap), ("deductionsCap", rs.deductions_cap), ("totalCap", rs.total_cap)] {
            if let Some(cap) = cap {
                root.inputs.push(Term::new(name, cap));
            }
        }
        if let Some(base) = self.base {
            root.steps.push(Term::new("base", base));
        }
        let parts = [("bonuses", "bonusesCounted", self.bonuses, rs.bonuses_cap, Flag::BonusesCapped), ("deductions", "deductionsCounted", self.deductions, rs.deductions_cap, Flag::DeductionsCapped)];
        for (name, counted_name, part, cap, flag) in parts {
            let Some((sum, counted)) = part else { continue };
            root.steps.push(Term::new(name, sum));
            if cap.is_some() {
                root.steps.push(Term::new(counted_name, counted));
            }
            if counted < sum {
                root.flags.push(flag);
            }
        }
        if let Some(uncapped) = self.uncapped {
            root.steps.push(Term::new("uncapped", uncapped));
            root.flags.push(Flag::TotalCapped);
        }
        if self.value.is_none() {
            root.flags.push(Flag::Missing);
        }
    }
}
