//! Case credits: an indicator derived from the handling and panel counts of
//! a form, filled in when the form is read.

use super::Compiled;
use crate::decimal::Decimal;
use crate::error::Result;
use crate::scoring::input::rule_set::Credit;
use crate::scoring::number::arith::{add, div, mul, sub};

/// Fill in the credited indicators from their handling and panel counts,
/// at the share of the judge's `role`.
pub fn derive_credits(c: &Compiled, role: Option<&str>, values: &mut [Option<Decimal>]) -> Result<()> {
    for (idx, ind) in c.rs.indicators.iter().enumerate() {
        let Some(credit) = &ind.credit else { continue };
        let h = c.index.get(credit.handling.as_str()).and_then(|&i| values.get(i).copied().flatten());
        let p = c.index.get(credit.panel.as_str()).and_then(|&i| values.get(i).copied().flatten());
        if let (Some(h), Some(p)) = (h, p) {
            let v = credit_value(credit, role, h, p)?.total;
            if let Some(s) = values.get_mut(idx) {
                *s = Some(v);
            }
        }
    }
    Ok(())
}

/// Which limit bounded the panel credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelBound {
    /// `panelCapShare`: at most that share of the credited total.
    Share,
    /// `panelCap`: at most that many cases.
    Absolute,
}

/// A credited case count.
pub struct CreditOut {
    /// `h + panel credit`.
    pub total: Decimal,
    /// The share per panel case: the role's (`panelShareByRole`), else `panelShare`.
    pub share: Decimal,
    /// The role whose share applied, if any.
    pub share_role: Option<String>,
    /// `p × share` before the limits.
    pub panel_raw: Decimal,
    /// Largest panel credit by share: `h × c / (1 − c)`.
    pub limit: Option<Decimal>,
    /// The limit that bounded the panel credit, if one did.
    pub bound: Option<PanelBound>,
    /// Panel credit after the limits.
    pub panel: Decimal,
}

/// `h + min(p × share, h × c / (1 − c), panelCap)`: panel credit is at most
/// the share `c` of the credited total, and at most `panelCap` cases.
pub fn credit_value(credit: &Credit, role: Option<&str>, h: Decimal, p: Decimal) -> Result<CreditOut> {
    let by_role = role.and_then(|r| credit.panel_share_by_role.get_key_value(r));
    let share = by_role.map_or(credit.panel_share, |(_, s)| *s);
    let panel_raw = mul(p, share)?;
    let limit = match credit.panel_cap_share {
        Some(cs) => Some(mul(h, div(cs, sub(Decimal::ONE, cs)?)?)?),
        None => None,
    };
    let (mut panel, mut bound) = (panel_raw, None);
    if let Some(l) = limit.filter(|&l| l < panel) {
        (panel, bound) = (l, Some(PanelBound::Share));
    }
    if let Some(cap) = credit.panel_cap.filter(|&cap| cap < panel) {
        (panel, bound) = (cap, Some(PanelBound::Absolute));
    }
    Ok(CreditOut { total: add(h, panel)?, share, share_role: by_role.map(|(r, _)| r.clone()), panel_raw, limit, bound, panel })
}
