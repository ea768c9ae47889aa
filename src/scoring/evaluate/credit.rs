//! The explanation node of a credited case count (handling + panel share).

use super::engine::Ctx;
use super::explain::{Flag, Node, NodeKind, Term};
use crate::decimal::Decimal;
use crate::error::Result;
use crate::scoring::compile::credit::credit_value;
use crate::scoring::input::rule_set::{Credit, Indicator};

/// How `ind`'s value was credited from its handling and panel counts.
pub fn credit_node(
    ctx: &Ctx,
    ind: &Indicator,
    credit: &Credit,
    values: &[Option<Decimal>],
    prefix: &str,
) -> Result<Node> {
    let get = |id: &str| ctx.c.index.get(id).and_then(|&i| values.get(i).copied().flatten());
    let (h, p) = (get(&credit.handling), get(&credit.panel));
    let idx = ctx.c.index.get(ind.id.as_str()).copied().unwrap_or(0);
    let mut n = Node::new(NodeKind::Credit, &ind.id, ind.name.as_ref());
    n.clause = format!("indicators[{idx}].credit");
    n.set_formula("panel = p × share; limit = h × c / (1 − c); x = h + min(panel, limit)");
    n.inputs.push(Term::input("h", h, format!("{prefix}.values.{}", credit.handling)));
    n.inputs.push(Term::input("p", p, format!("{prefix}.values.{}", credit.panel)));
    n.inputs.push(Term::new("share", credit.panel_share));
    if let Some(cs) = credit.panel_cap_share {
        n.inputs.push(Term::new("c", cs));
    }
    match (h, p) {
        (Some(h), Some(p)) => {
            let out = credit_value(credit, h, p)?;
            n.steps.push(Term::new("panel", out.panel_raw));
            if let Some(l) = out.limit {
                n.steps.push(Term::new("limit", l));
            }
            n.steps.push(Term::new("credited", out.panel));
            n.value = Some(out.total);
            if out.capped {
                n.flags.push(Flag::PanelCapped);
                n.set_note("panel credit capped at its share of the total", "合议庭折算数已达其占折算总数比例的上限");
            }
        }
        _ => n.flags.push(Flag::Missing),
    }
    Ok(n)
}
