//! Per-judge, per-department and grand totals of rounded case values.

use super::compute::{DepartmentTotal, JudgeTotal};
use super::plan::overflow;
use super::exact::units_to_decimal;
use crate::decimal::Decimal;
use crate::error::Result;
use std::collections::{BTreeMap, BTreeSet};

/// Sums of rounded units per key.
#[derive(Default)]
pub(crate) struct Tally {
    pub cases: u64,
    pub units: u128,
}

impl Tally {
    pub(crate) fn add(&mut self, units: u128) {
        self.cases += 1;
        // Saturates rather than wraps; a sum beyond 96 bits then fails in `dec`.
        self.units = self.units.saturating_add(units);
    }
}

/// Per-judge, per-department and grand totals of rounded case values: one
/// home for the tallies both standards (trial and enforcement) report.
#[derive(Default)]
pub(crate) struct Totals<'a> {
    judges: BTreeMap<&'a str, (Tally, Vec<String>)>,
    departments: BTreeMap<&'a str, (Tally, BTreeSet<&'a str>)>,
    total: Tally,
}

impl<'a> Totals<'a> {
    /// Count one case's rounded units.
    pub(crate) fn add(&mut self, id: &str, judge: Option<&'a str>, department: Option<&'a str>, units: u128) {
        self.total.add(units);
        if let Some(j) = judge {
            let entry = self.judges.entry(j).or_default();
            entry.0.add(units);
            entry.1.push(id.to_string());
        }
        if let Some(d) = department {
            let entry = self.departments.entry(d).or_default();
            entry.0.add(units);
            if let Some(j) = judge {
                entry.1.insert(j);
            }
        }
    }

    /// Judge totals, department totals, case count and grand total.
    pub(crate) fn finish(self, places: u32) -> Result<(Vec<JudgeTotal>, Vec<DepartmentTotal>, u64, Decimal)> {
        let judges = self
            .judges
            .into_iter()
            .map(|(j, (t, ids))| Ok(JudgeTotal { judge: j.to_string(), cases: t.cases, standard: dec(t.units, places)?, case_ids: ids }))
            .collect::<Result<_>>()?;
        let departments = self
            .departments
            .into_iter()
            .map(|(d, (t, js))| Ok(DepartmentTotal { department: d.to_string(), judges: js.len() as u64, cases: t.cases, standard: dec(t.units, places)? }))
            .collect::<Result<_>>()?;
        Ok((judges, departments, self.total.cases, dec(self.total.units, places)?))
    }
}

/// Units as a decimal; sums of rounded case values are exact.
pub(crate) fn dec(units: u128, places: u32) -> Result<Decimal> {
    units_to_decimal(units, places).ok_or_else(|| overflow(""))
}
