//! Weekly targets (均衡结案 by week): each month's target split over the
//! month's calendar weeks, Monday to Sunday, clipped to the month, by their
//! working days (Monday to Friday), with the same cumulative rounding as the
//! months. Clipping keeps every week inside one month, so a month's weeks
//! add up exactly to its target and the weeks of the year to the yearly one.

use super::exact::Exact;
use super::targets::split;
use crate::assignment::model::day_number;
use crate::decimal::RoundingRule;
use serde::Serialize;

/// One week of the plan: a Monday-to-Sunday week clipped to its month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Week {
    /// Month, 1..=12.
    pub month: u32,
    /// Week of the month, from 1.
    pub week: u32,
    /// First day, `YYYY-MM-DD`.
    pub from: String,
    /// Last day, `YYYY-MM-DD`.
    pub to: String,
    /// The ISO 8601 week the days belong to, e.g. `2026-W05`.
    pub iso_week: String,
    /// Days Monday to Friday: the week's weight within its month.
    pub workdays: u32,
}

/// Days of `month` in `year`.
fn days_in(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a date (years 1..=9999).
fn day(year: i64, month: u32, d: u32) -> Option<i64> {
    day_number(&format!("{year:04}-{month:02}-{d:02}"))
}

/// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
fn weekday(days: i64) -> u32 {
    (days + 3).rem_euclid(7) as u32
}

/// `YYYY-Www` of the ISO week holding `days`: the week's Thursday decides the year.
fn iso_week(days: i64) -> Option<String> {
    let thursday = days - i64::from(weekday(days)) + 3;
    let year: i64 = crate::assignment::model::utc_text(u64::try_from(thursday).ok()? * 86_400).get(..4)?.parse().ok()?;
    let week = (thursday - day(year, 1, 1)?) / 7 + 1;
    Some(format!("{year:04}-W{week:02}"))
}

/// The weeks of `year`, month by month. `None` for a year before 1970 or after 9999.
pub fn weeks_of(year: u32) -> Option<Vec<Week>> {
    let year = i64::from(year);
    let mut out = Vec::new();
    for month in 1..=12 {
        let mut first = 1;
        let mut week = 1;
        while first <= days_in(year, month) {
            let start = day(year, month, first)?;
            let last = (first + 6 - weekday(start)).min(days_in(year, month));
            let workdays = (first..=last).filter(|d| weekday(start + i64::from(d - first)) < 5).count() as u32;
            out.push(Week {
                month,
                week,
                from: format!("{year:04}-{month:02}-{first:02}"),
                to: format!("{year:04}-{month:02}-{last:02}"),
                iso_week: iso_week(start)?,
                workdays,
            });
            first = last + 1;
            week += 1;
        }
    }
    Some(out)
}

/// Each month's units split over its weeks by their working days
/// (cumulative rounding by `rule`), in the order of `weeks`.
pub fn split_by_week(months: &[u128], weeks: &[Week], rule: RoundingRule) -> Option<Vec<u128>> {
    let mut out = Vec::with_capacity(weeks.len());
    for (m, units) in months.iter().enumerate() {
        let weights: Vec<Exact> = weeks.iter().filter(|w| w.month as usize == m + 1).map(|w| Exact::int(u128::from(w.workdays))).collect();
        out.extend(split(*units, &weights, rule)?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_are_clipped_to_their_month() {
        let weeks = weeks_of(2026).unwrap();
        // 2026-01-01 is a Thursday: Jan 1–4 (2 workdays), then Mondays 5, 12, 19, 26.
        let jan: Vec<(&str, &str, u32)> = weeks.iter().filter(|w| w.month == 1).map(|w| (w.from.as_str(), w.to.as_str(), w.workdays)).collect();
        assert_eq!(jan, [("2026-01-01", "2026-01-04", 2), ("2026-01-05", "2026-01-11", 5), ("2026-01-12", "2026-01-18", 5), ("2026-01-19", "2026-01-25", 5), ("2026-01-26", "2026-01-31", 5)]);
        assert_eq!(weeks[0].iso_week, "2026-W01");
        // 2027-01-01 is a Friday: it belongs to ISO week 2026-W53.
        assert_eq!(weeks_of(2027).unwrap()[0].iso_week, "2026-W53");
        assert_eq!(weeks.iter().map(|w| w.workdays).sum::<u32>(), 261);
        assert!(weeks.windows(2).all(|p| p[0].to < p[1].from));
    }
}
