//! The explanation node of a credited case count (承办 / 合议庭).

use super::engine::Ctx;
use super::explain::{Flag, Node, NodeKind, Term};
use crate::decimal::Decimal;
use crate::error::Result;
use crate::scoring::compile::credit::{credit_value, PanelBound};
use crate::scoring::input::rule_set::{Credit, Indicator};

/// How indicator `ind` was credited from the handling and panel counts of a
/// judge with `role`: the share that applied (the role's or the default,
/// named by the node's clause), the share limit and the absolute cap.
pub fn credit_node(ctx: &Ctx, ind: &Indicator, credit: &Credit, role: Option<&str>, values: &[Option<Decimal>], prefix: &str) -> Result<Node> {
    let get = |id: &str| ctx.c.index.get(id).and_then(|&i| values.get(i).copied().flatten());
    let (h, p) = (get(&credit.handling), get(&credit.panel));
    let idx = ctx.c.index.get(ind.id.as_str()).copied().unwrap_or(0);
    let by_role = role.and_then(|r| credit.panel_share_by_role.get_key_value(r));
    let mut n = Node::new(NodeKind::Credit, &ind.id, ind.name.as_ref());
    n.clause = match by_role {
        Some((r, _)) => format!("indicators[{idx}].credit.panelShareByRole.{r}"),
        None => format!("indicators[{idx}].credit"),
    };
    n.set_formula(match (credit.panel_cap_share.is_some(), credit.panel_cap.is_some()) {
        (true, true) => "panel = p × share; limit = h × c / (1 − c); x = h + min(panel, limit, cap)",
        (true, false) => "panel = p × share; limit = h × c / (1 − c); x = h + min(panel, limit)",
        (false, true) => "panel = p × share; x = h + min(panel, cap)",
        (false, false) => "panel = p × share; x = h + panel",
    });
    n.inputs.push(Term::input("h", h, format!("{prefix}.values.{}", credit.handling)));
    n.inputs.push(Term::input("p", p, format!("{prefix}.values.{}", credit.panel)));
    n.inputs.push(Term::new("share", by_role.map_or(credit.panel_share, |(_, s)| *s)));
    if let Some(cs) = credit.panel_cap_share {
        n.inputs.push(Term::new("c", cs));
    }
    if let Some(cap) = credit.panel_cap {
        n.inputs.push(Term::new("cap", cap));
    }
    match (h, p) {
        (Some(h), Some(p)) => {
            let out = credit_value(credit, role, h, p)?;
            n.steps.push(Term::new("panel", out.panel_raw));
            if let Some(l) = out.limit {
                n.steps.push(Term::new("limit", l));
            }
            n.steps.push(Term::new("credited", out.panel));
            n.value = Some(out.total);
            if let Some(bound) = out.bound {
                n.flags.push(Flag::PanelCapped);
                match bound {
                    PanelBound::Share => n.set_note("panel credit capped at its share of the total (panelCapShare)", "合议庭折算数已达其占折算总数比例的上限（panelCapShare）"),
                    PanelBound::Absolute => n.set_note(format!("panel credit capped at {} cases (panelCap)", out.panel), format!("合议庭折算数已达绝对上限 {} 件（panelCap）", out.panel)),
                }
            }
        }
        _ => n.flags.push(Flag::Missing),
    }
    Ok(n)
}
