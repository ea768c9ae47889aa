//! The balanced lottery for one seat (specified in `docs/assignment.md`,
//! "The lottery"): a pool of the lightest eligible judges by normalised load,
//! weights that favour the lighter, a cap on any one probability, and an
//! unbiased weighted pick in judge-id order.

use super::prepare::Params;
use super::random::DrawRng;

/// An eligible judge as the lottery sees it (given in judge-id order).
#[derive(Debug, Clone, Copy)]
pub struct Eligible {
    /// Position in the judge list (sorted by id).
    pub judge: usize,
    /// Load in units, before this draw.
    pub load: i64,
    /// Normalised load: floor(load × 10000 / share).
    pub normalised: i64,
}

/// What a selector decided for one seat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatChoice {
    /// The pool in judge-id order with integer lottery weights (all > 0).
    pub pool: Vec<(usize, u64)>,
    /// Position (in the judge list) of the chosen judge.
    pub chosen: usize,
    /// Why this draw is low-entropy, if it is.
    pub low_entropy: Option<&'static str>,
}

/// Chooses one seat from the eligible judges. The engine's own selector is
/// [`Lottery`]; the benchmarks plug in baselines through this trait.
pub trait Selector {
    /// Choose from `eligible` (non-empty, judge-id order).
    fn choose(&mut self, eligible: &[Eligible], rng: &mut DrawRng, params: &Params) -> SeatChoice;
}

/// The engine's balanced lottery.
#[derive(Debug, Default, Clone, Copy)]
pub struct Lottery;

impl Selector for Lottery {
    fn choose(&mut self, eligible: &[Eligible], rng: &mut DrawRng, params: &Params) -> SeatChoice {
        let pool = balanced_weights(eligible, params);
        let chosen = weighted_pick(&pool, rng);
        let total: u64 = pool.iter().map(|&(_, w)| w).sum();
        let max = pool.iter().map(|&(_, w)| w).max().unwrap_or(0);
        let low_entropy = if eligible.len() < params.min_pool {
            Some("POOL_BELOW_MINIMUM")
        } else if (max as u128) * 10_000 > params.cap_bp as u128 * total as u128 {
            Some("PROBABILITY_CAP_UNREACHABLE")
        } else {
            None
        };
        SeatChoice { pool, chosen, low_entropy }
    }
}

/// The lottery pool and its capped weights, in judge-id order.
pub fn balanced_weights(eligible: &[Eligible], params: &Params) -> Vec<(usize, u64)> {
    // Rank by (normalised load, id); judge positions follow id order.
    let key = |e: &&Eligible| (e.normalised, e.judge);
    let mut ranked: Vec<&Eligible> = eligible.iter().collect();
    // Only the lightest `keep` and those tied with the last of them can enter
    // the pool, so the rest need not be sorted.
    let keep = params.max_pool.max(params.min_pool).max(1);
    if ranked.len() > keep {
        ranked.select_nth_unstable_by_key(keep - 1, key);
        let boundary = ranked[keep - 1].normalised;
        let mut end = keep;
        for i in keep..ranked.len() {
            if ranked[i].normalised == boundary {
                ranked.swap(end, i);
                end += 1;
            }
        }
        ranked.truncate(end);
    }
    ranked.sort_unstable_by_key(key);
    let Some(lightest) = ranked.first().map(|e| e.normalised) else { return Vec::new() };
    // The window: everyone within the tolerance of the lightest...
    let mut size = ranked.iter().take_while(|e| e.normalised <= lightest + params.tolerance).count();
    // ...at most the maximum pool size, keeping ties at the boundary together...
    if size > params.max_pool {
        size = with_ties(&ranked, params.max_pool);
    }
    // ...and at least the minimum pool size, keeping ties at the boundary together.
    if size < params.min_pool {
        size = with_ties(&ranked, params.min_pool.min(ranked.len()));
    }
    ranked.truncate(size);
    let heaviest = ranked.last().map_or(lightest, |e| e.normalised);
    // Lighter judges get more tickets: weight = heaviest + tolerance - own.
    let mut pool: Vec<(usize, u64)> =
        ranked.iter().map(|e| (e.judge, (heaviest + params.tolerance - e.normalised) as u64)).collect();
    pool.sort_by_key(|&(judge, _)| judge);
    cap_weights(&mut pool, params.cap_bp);
    pool
}

/// The first `size` ranked judges plus any tied with the last of them.
fn with_ties(ranked: &[&Eligible], size: usize) -> usize {
    match ranked.get(size.saturating_sub(1)) {
        Some(last) => ranked.iter().take_while(|e| e.normalised <= last.normalised).count(),
        None => size,
    }
}

/// Water-filling cap: lower the largest weights to a common level so that no
/// probability exceeds cap_bp / 10000. With `c` weights capped, the level is
/// floor(cap × rest / (1 - c × cap)), where `rest` sums the uncapped weights;
/// once c × cap ≥ 1 any level is safe and the c-th largest weight is used.
/// If no level works (fewer than 1/cap candidates) the pool becomes uniform.
pub fn cap_weights(pool: &mut [(usize, u64)], cap_bp: u64) {
    let total: u128 = pool.iter().map(|&(_, w)| w as u128).sum();
    let mut desc: Vec<u64> = pool.iter().map(|&(_, w)| w).collect();
    desc.sort_unstable_by(|a, b| b.cmp(a));
    let Some(&largest) = desc.first() else { return };
    if largest as u128 * 10_000 <= cap_bp as u128 * total {
        return;
    }
    let mut rest = total;
    let mut level = None;
    for capped in 1..=desc.len() {
        rest -= desc[capped - 1] as u128;
        let capped_mass = capped as u128 * cap_bp as u128;
        if capped_mass >= 10_000 {
            level = Some(desc[capped - 1]);
            break;
        }
        let candidate = cap_bp as u128 * rest / (10_000 - capped_mass);
        if capped < desc.len() && candidate >= desc[capped] as u128 {
            level = Some(candidate as u64);
            break;
        }
    }
    for entry in pool.iter_mut() {
        entry.1 = match level {
            Some(level) => entry.1.min(level),
            None => 1,
        };
    }
}

/// Pick by weight: r uniform in [0, total), the first judge (id order) whose
/// running sum exceeds r.
pub fn weighted_pick(pool: &[(usize, u64)], rng: &mut DrawRng) -> usize {
    let total: u64 = pool.iter().map(|&(_, w)| w).sum();
    let r = rng.below(total);
    let mut running = 0u64;
    for &(judge, weight) in pool {
        running += weight;
        if r < running {
            return judge;
        }
    }
    pool.last().map_or(0, |&(judge, _)| judge)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> Params {
        Params { min_pool: 3, max_pool: 8, cap_bp: 5_000, tolerance: 20_000, panel_member_bp: 2_000 }
    }

    fn eligible(loads: &[i64]) -> Vec<Eligible> {
        loads.iter().enumerate().map(|(judge, &l)| Eligible { judge, load: l, normalised: l }).collect()
    }

    #[test]
    fn window_and_lighter_judges_weigh_more() {
        // Loads 0, 1, 1.5, 5 cases: window is [0, 2]; heaviest in pool 1.5.
        let pool = balanced_weights(&eligible(&[0, 10_000, 15_000, 50_000]), &params());
        assert_eq!(pool, vec![(0, 35_000), (1, 25_000), (2, 20_000)]);
    }

    #[test]
    fn pool_widens_to_minimum_with_ties() {
        // Only judge 0 is within tolerance; the pool widens to 3, and the tie at 10 joins.
        let pool = balanced_weights(&eligible(&[0, 100_000, 100_000, 100_000, 200_000]), &params());
        assert_eq!(pool.iter().map(|p| p.0).collect::<Vec<_>>(), vec![0, 1, 2, 3]);
        // Capped at 50%: 120000 would be 80%; level x = 0.5 * 60000 / 0.5 = 60000.
        assert_eq!(pool, vec![(0, 60_000), (1, 20_000), (2, 20_000), (3, 20_000)]);
    }

    #[test]
    fn partial_ranking_gives_the_same_pool_as_a_full_sort() {
        // Many ties around the pool boundary, pools wider and narrower than the window.
        let mut state = 17u64;
        for round in 0..400 {
            let n = 1 + round % 40;
            let loads: Vec<i64> = (0..n)
                .map(|_| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((state >> 33) % 6) as i64 * 10_000
                })
                .collect();
            for (min_pool, max_pool) in [(3, 8), (1, 1), (5, 5), (2, 12)] {
                let params = Params { min_pool, max_pool, ..params() };
                let pool = balanced_weights(&eligible(&loads), &params);
                // Reference: rank everyone, then the same window rules.
                let mut ranked: Vec<(i64, usize)> = loads.iter().enumerate().map(|(j, &l)| (l, j)).collect();
                ranked.sort();
                let ties = |size: usize| ranked.iter().take_while(|e| e.0 <= ranked[size - 1].0).count();
                let mut size = ranked.iter().take_while(|e| e.0 <= ranked[0].0 + params.tolerance).count();
                if size > max_pool {
                    size = ties(max_pool);
                }
                if size < min_pool {
                    size = ties(min_pool.min(ranked.len()));
                }
                let mut members: Vec<usize> = ranked[..size].iter().map(|e| e.1).collect();
                members.sort();
                assert_eq!(pool.iter().map(|p| p.0).collect::<Vec<_>>(), members, "loads {loads:?}");
            }
        }
    }

    #[test]
    fn cap_holds_or_falls_back_to_uniform() {
        let mut pool = vec![(0, 90), (1, 5), (2, 5)];
        cap_weights(&mut pool, 5_000);
        assert_eq!(pool, vec![(0, 10), (1, 5), (2, 5)]);
        let mut single = vec![(4, 7)];
        cap_weights(&mut single, 5_000);
        assert_eq!(single, vec![(4, 1)]);
    }
}
