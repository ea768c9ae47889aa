//! Quality of the draw on one synthetic year, side by side with baselines
//! run on the very same year: pure uniform random, round-robin, an SLPS-style
//! lowest-load pool, and power-of-two-choices. Part of `make bench`; the
//! numbers are discussed in docs/assignment-report.md.

#[path = "workloads/synthetic.rs"]
mod synthetic;

use shenguan::assignment::audit::{audit_run, AuditOptions};
use shenguan::assignment::lottery::{Eligible, Lottery, SeatChoice, Selector};
use shenguan::assignment::prepare::Params;
use shenguan::assignment::random::DrawRng;
use shenguan::assignment::AssignmentInput;
use std::collections::HashMap;

/// Every eligible judge equally likely.
struct Uniform;
impl Selector for Uniform {
    fn choose(&mut self, eligible: &[Eligible], rng: &mut DrawRng, _: &Params) -> SeatChoice {
        let chosen = eligible[rng.below(eligible.len() as u64) as usize].judge;
        SeatChoice { pool: eligible.iter().map(|e| (e.judge, 1)).collect(), chosen, low_entropy: None }
    }
}

/// The next judge in roster order for each eligible set.
#[derive(Default)]
struct RoundRobin(HashMap<Vec<usize>, usize>);
impl Selector for RoundRobin {
    fn choose(&mut self, eligible: &[Eligible], _: &mut DrawRng, _: &Params) -> SeatChoice {
        let key: Vec<usize> = eligible.iter().map(|e| e.judge).collect();
        let turn = self.0.entry(key).or_insert(0);
        let chosen = eligible[*turn % eligible.len()].judge;
        *turn += 1;
        SeatChoice { pool: vec![(chosen, 1)], chosen, low_entropy: None }
    }
}

/// SLPS-style: only the judges with the lowest normalised load, uniformly.
struct LowestLoad;
impl Selector for LowestLoad {
    fn choose(&mut self, eligible: &[Eligible], rng: &mut DrawRng, _: &Params) -> SeatChoice {
        let min = eligible.iter().map(|e| e.normalised).min().unwrap_or(0);
        let pool: Vec<(usize, u64)> = eligible.iter().filter(|e| e.normalised == min).map(|e| (e.judge, 1)).collect();
        let chosen = pool[rng.below(pool.len() as u64) as usize].0;
        SeatChoice { pool, chosen, low_entropy: None }
    }
}

/// Two distinct judges at random; the lighter (then lower id) wins.
struct PowerOfTwo;
impl Selector for PowerOfTwo {
    fn choose(&mut self, eligible: &[Eligible], rng: &mut DrawRng, _: &Params) -> SeatChoice {
        let n = eligible.len();
        if n == 1 {
            return SeatChoice { pool: vec![(eligible[0].judge, 1)], chosen: eligible[0].judge, low_entropy: None };
        }
        let a = rng.below(n as u64) as usize;
        let b = (a + 1 + rng.below(n as u64 - 1) as usize) % n;
        let lighter = |x: usize, y: usize| if (eligible[x].normalised, x) <= (eligible[y].normalised, y) { x } else { y };
        let chosen = eligible[lighter(a, b)].judge;
        // Exact probabilities: the judge ranked r (0 = lightest) wins with 2(n-1-r) / (n(n-1)).
        let mut ranked: Vec<usize> = (0..n).collect();
        ranked.sort_by_key(|&x| (eligible[x].normalised, x));
        let mut pool: Vec<(usize, u64)> = ranked.iter().enumerate().map(|(r, &x)| (eligible[x].judge, (n - 1 - r) as u64)).filter(|p| p.1 > 0).collect();
        pool.sort_by_key(|p| p.0);
        SeatChoice { pool, chosen, low_entropy: None }
    }
}

struct Row {
    name: &'static str,
    final_spread: f64,
    worst_spread: f64,
    mean_max_p: f64,
    foregone_share: f64,
    max_p: f64,
    chi_square: String,
    biased: bool,
}

fn measure(name: &'static str, input: &AssignmentInput, selector: impl Selector, min_pool: usize) -> Row {
    let (report, entries) = audit_run(input.clone(), selector, &AuditOptions::default()).expect("synthetic year runs");
    let parse = |s: &str| s.parse::<f64>().unwrap_or(f64::NAN);
    let spreads: Vec<(f64, f64)> = report.load_spread.values().map(|s| (parse(&s.final_spread), parse(&s.worst))).collect();
    // Predictability over seats with at least min_pool eligible judges.
    let (mut sum, mut seats, mut foregone, mut max_p) = (0.0, 0usize, 0usize, 0.0f64);
    for seat in entries.iter().flat_map(|e| &e.seats) {
        if seat.eligible as usize >= min_pool {
            let total: u64 = seat.pool.iter().map(|c| c.2).sum();
            let v = seat.pool.iter().map(|c| c.2).max().unwrap_or(0) as f64 / total.max(1) as f64;
            sum += v;
            seats += 1;
            max_p = max_p.max(v);
            if v >= 0.9 {
                foregone += 1;
            }
        }
    }
    Row {
        name,
        final_spread: spreads.iter().map(|s| s.0).sum::<f64>() / spreads.len() as f64,
        worst_spread: spreads.iter().map(|s| s.1).fold(0.0, f64::max),
        mean_max_p: sum / seats.max(1) as f64,
        foregone_share: foregone as f64 / seats.max(1) as f64,
        max_p,
        chi_square: format!("{} (df {}, 5% {})", report.position_bias.chi_square, report.position_bias.degrees_of_freedom, report.position_bias.critical_5pct),
        biased: report.position_bias.biased,
    }
}

fn main() {
    let shape = synthetic::Shape { departments: 6, judges_per_department: 15, cases: 24_000, types_per_department: 4, absences: true, carried_load: false };
    let input: AssignmentInput = serde_json::from_value(synthetic::committed(synthetic::year(&shape, 7))).expect("synthetic input");
    let min_pool = input.config.min_pool as usize;
    println!("Quality on one synthetic year: {} departments x {} judges (3 leaders each, 8% on a 0.8 share), {} weighted cases, absences and recusals.", shape.departments, shape.judges_per_department, shape.cases);
    println!("Spread = max - min load among a department's full-share ordinary judges (standard cases), mean over departments of the final value and worst over the year.");
    println!("Predictability over seats with >= {min_pool} eligible judges: mean of the largest probability in the seat, share of seats where one judge had >= 0.9, and the largest of all.\n");
    let rows = vec![
        measure("shenguan (defaults)", &input, Lottery, min_pool),
        measure("uniform random", &input, Uniform, min_pool),
        measure("round-robin", &input, RoundRobin::default(), min_pool),
        measure("lowest-load pool (SLPS)", &input, LowestLoad, min_pool),
        measure("power of two choices", &input, PowerOfTwo, min_pool),
    ];
    println!("{:<26} {:>12} {:>12} {:>10} {:>10} {:>8}  position chi-square", "strategy", "final spread", "worst spread", "mean max p", "p >= 0.9", "max p");
    for r in &rows {
        println!(
            "{:<26} {:>12.2} {:>12.2} {:>10.3} {:>9.1}% {:>8.3}  {}{}",
            r.name, r.final_spread, r.worst_spread, r.mean_max_p, r.foregone_share * 100.0, r.max_p, r.chi_square, if r.biased { " BIASED" } else { "" }
        );
    }
    let ours = &rows[0];
    let dominated = rows[1..].iter().filter(|b| b.worst_spread < ours.worst_spread && b.mean_max_p < ours.mean_max_p).map(|b| b.name).collect::<Vec<_>>();
    println!("\nBaselines both better balanced (worst spread) and less predictable (mean max p) than shenguan: {}", if dominated.is_empty() { "none".to_string() } else { dominated.join(", ") });
}
