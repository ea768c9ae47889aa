//! Case credits: an indicator derived from the handling and panel counts of
//! a form, filled in when the form is read.

use super::Compiled;
use crate::decimal::Decimal;
use crate::error::Result;
use crate::scoring::input::rule_set::Credit;
use crate::scoring::number::arith::{add, div, mul, sub};

/// Fill in the credited indicators from their handling and panel counts.
pub fn derive_credits(c: &Compiled, values: &mut [Option<Decimal>]) -> Result<()> {
    for (idx, ind) in c.rs.indicators.iter().enumerate() {
        let Some(credit) = &ind.credit else { continue };
        let h = c.index.get(credit.handling.as_str()).and_then(|&i| values.get(i).copied().flatten());
        let p = c.index.get(credit.panel.as_str()).and_then(|&i| values.get(i).copied().flatten());
        if let (Some(h), Some(p)) = (h, p) {
            let v = credit_value(credit, h, p)?.total;
            if let Some(s) = values.get_mut(idx) {
                *s = Some(v);
            }
        }
    }
    Ok(())
}

/// A credited case count.
pub struct CreditOut {
    /// `h + panel credit`.
    pub total: Decimal,
    /// `p × share` before the cap.
    pub panel_raw: Decimal,
    /// Largest panel credit allowed: `h × c / (1 − c)`.
    pub limit: Option<Decimal>,
    /// Whether the cap applied.
    pub capped: bool,
    /// Panel credit after the cap.
    pub panel: Decimal,
}

/// `h + min(p × share, h × c / (1 − c))`: panel credit is at most the share
/// `c` of the credited total.
pub fn credit_value(credit: &Credit, h: Decimal, p: Decimal) -> Result<CreditOut> {
    let panel_raw = mul(p, credit.panel_share)?;
    let limit = match credit.panel_cap_share {
        Some(cs) => Some(mul(h, div(cs, sub(Decimal::ONE, cs)?)?)?),
        None => None,
    };
    let capped = limit.is_some_and(|l| panel_raw > l);
    let panel = match limit {
        Some(l) if capped => l,
        _ => panel_raw,
    };
    Ok(CreditOut { total: add(h, panel)?, panel_raw, limit, capped, panel })
}
