//! `report --chart`: a report's rows turned into series over time, ready to draw.
//!
//! The report is grouped by one time key (`day`, `week` or `month`) and any other keys; each
//! combination of the other keys is a series, and the time key's values are the periods
//! (the gaps between the first and the last filled with empty periods, so the bars are
//! evenly spaced in time). The `top` largest series are kept by name and the rest folded
//! into "other" (`credits_core::chart::top`).
//!
//! A chart has one section per unit, never adding two: money, one section per currency;
//! credits, one section per platform (credits of different platforms are different units).
//! Unknown money stays unknown: a point has its known amount (none when nothing of it is
//! known) and the count of entries whose money is unknown.
//!
//! Pure: it takes the report's rows, reads nothing and prints nothing.

use super::reports::Line;
use credits_core::money;
use credits_store::GroupKey;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// What a chart draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// The known money, one section per currency.
    Money,
    /// The credits spent (charged less refunded), one section per platform.
    Credits,
}

/// One value of a series: the known amount and the entries whose money is unknown. The
/// default, no amount and nothing unknown, is an empty period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Point {
    /// `None` when entries are there but none of their money is known.
    pub amount: Option<Decimal>,
    pub unpriced: u64,
}

impl Point {
    fn add(&mut self, other: &Point) -> anyhow::Result<()> {
        self.amount = match (self.amount, other.amount) {
            (Some(a), Some(b)) => Some(money::add(a, b)?),
            (a, None) => a,
            (None, b) => b,
        };
        self.unpriced = self.unpriced.saturating_add(other.unpriced);
        Ok(())
    }

    /// The known amount, 0 when none is known (for scaling; the text says "unknown").
    pub fn known(&self) -> Decimal {
        self.amount.unwrap_or_default()
    }
}

/// A series: a group's name and its point in each period.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The group's keys joined with " / " (`(none)` for an empty key); "other" for the
    /// folded rest, "all" when the report has only the time key.
    pub name: String,
    /// How many groups it folds (1 but for "other").
    pub groups: usize,
    pub points: Vec<Point>,
}

/// One unit's chart: a currency's money or a platform's credits.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The currency of a money section (`None` when no money of the report is known).
    pub currency: Option<String>,
    /// The platform of a credits section.
    pub platform: Option<String>,
    pub series: Vec<Series>,
    /// Each period's sum over the series.
    pub totals: Vec<Point>,
}

/// A chart: the periods, and a section per unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub time: GroupKey,
    pub measure: Measure,
    pub periods: Vec<String>,
    pub sections: Vec<Section>,
}

/// The periods from `first` to `last` of a time key, every one of them; `None` when a value
/// does not parse or there would be more than `limit` (the caller then keeps the ones seen).
fn fill(time: &GroupKey, first: &str, last: &str, limit: usize) -> Option<Vec<String>> {
    use chrono::{Datelike, Duration, NaiveDate};
    let (start, end, step, show): (NaiveDate, NaiveDate, i64, fn(NaiveDate) -> String) = match time
    {
        GroupKey::Day => (
            NaiveDate::parse_from_str(first, "%Y-%m-%d").ok()?,
            NaiveDate::parse_from_str(last, "%Y-%m-%d").ok()?,
            1,
            |d| d.format("%Y-%m-%d").to_string(),
        ),
        GroupKey::Week => {
            let week = |s: &str| {
                let (y, w) = s.split_once("-W")?;
                NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, chrono::Weekday::Mon)
            };
            (week(first)?, week(last)?, 7, |d| {
                let w = d.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            })
        }
        GroupKey::Month => {
            let month = |s: &str| NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").ok();
            let (start, end) = (month(first)?, month(last)?);
            let mut out = Vec::new();
            let mut d = start;
            while d <= end {
                if out.len() >= limit {
                    return None;
                }
                out.push(d.format("%Y-%m").to_string());
                d = d.checked_add_months(chrono::Months::new(1))?;
            }
            return Some(out);
        }
        _ => return None,
    };
    let mut out = Vec::new();
    let mut d = start;
    while d <= end {
        if out.len() >= limit {
            return None;
        }
        out.push(show(d));
        d = d.checked_add_signed(Duration::days(step))?;
    }
    // A value the filled run does not have (a format the store does not write) keeps the
    // periods as seen.
    (out.first().map(String::as_str) == Some(first) && out.last().map(String::as_str) == Some(last))
        .then_some(out)
}

/// The chart of a report grouped by `keys`, of which exactly one is a time key (the caller
/// checks), with the `top` largest series of each section by name.
pub fn chart(
    keys: &[GroupKey],
    rows: &[Line],
    measure: Measure,
    top: usize,
) -> anyhow::Result<Chart> {
    let t = keys
        .iter()
        .position(|k| matches!(k, GroupKey::Day | GroupKey::Week | GroupKey::Month))
        .ok_or_else(|| anyhow::anyhow!("a chart needs a time key"))?;
    let time = keys[t].clone();
    let seen: BTreeSet<String> = rows
        .iter()
        .filter_map(|l| l.row.keys.get(t).cloned().flatten())
        .collect();
    let periods: Vec<String> = match (seen.first(), seen.last()) {
        (Some(first), Some(last)) => {
            fill(&time, first, last, 10_000).unwrap_or_else(|| seen.iter().cloned().collect())
        }
        _ => Vec::new(),
    };
    let index: BTreeMap<&str, usize> = periods
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), i))
        .collect();
    // (section unit) → group name → points.
    type Unit = (Option<String>, Option<String>);
    let mut units: BTreeMap<Unit, BTreeMap<String, Vec<Point>>> = BTreeMap::new();
    let currencies: BTreeSet<String> = rows.iter().filter_map(|l| l.row.currency.clone()).collect();
    let only_time = keys.len() == 1;
    for line in rows {
        let row = &line.row;
        let Some(&p) = row
            .keys
            .get(t)
            .and_then(|k| k.as_deref())
            .and_then(|k| index.get(k))
        else {
            continue;
        };
        let name = if only_time {
            "all".to_string()
        } else {
            row.keys
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != t)
                .map(|(_, k)| k.clone().unwrap_or_else(|| "(none)".into()))
                .collect::<Vec<_>>()
                .join(" / ")
        };
        let mut add = |unit: Unit, point: Point| -> anyhow::Result<()> {
            let points = units
                .entry(unit)
                .or_default()
                .entry(name.clone())
                .or_insert_with(|| vec![Point::default(); periods.len()]);
            points[p].add(&point)
        };
        match measure {
            Measure::Money => {
                // Entries with no known money belong with the report's first currency (they
                // are its unknown part); with no currency at all, to a section of no currency.
                let currency = row.currency.clone().or_else(|| currencies.first().cloned());
                let known = row.currency.is_some();
                add(
                    (currency, None),
                    Point {
                        amount: known.then_some(row.cost),
                        unpriced: row.unpriced,
                    },
                )?;
            }
            Measure::Credits => {
                for (platform, c) in &line.by_platform {
                    // Spent: charged less refunded, as the money chart and the pace count.
                    let spent = c
                        .credits
                        .checked_sub(c.refunded)
                        .ok_or_else(|| anyhow::anyhow!("credits out of range"))?;
                    add(
                        (None, Some(platform.clone())),
                        Point {
                            amount: Some(spent),
                            unpriced: 0,
                        },
                    )?;
                }
            }
        }
    }
    let mut sections = Vec::new();
    for ((currency, platform), groups) in units {
        let groups: Vec<(String, Vec<Point>)> = groups.into_iter().collect();
        let mut totals_by_group = Vec::with_capacity(groups.len());
        for (name, points) in &groups {
            let mut sum = Decimal::ZERO;
            for point in points {
                sum = money::add(sum, point.known())?;
            }
            totals_by_group.push((name.clone(), sum));
        }
        let (kept, rest) = credits_core::chart::top(&totals_by_group, top);
        let mut series: Vec<Series> = kept
            .iter()
            .map(|&i| Series {
                name: groups[i].0.clone(),
                groups: 1,
                points: groups[i].1.clone(),
            })
            .collect();
        if !rest.is_empty() {
            let mut points = vec![Point::default(); periods.len()];
            for &i in &rest {
                for (sum, point) in points.iter_mut().zip(&groups[i].1) {
                    sum.add(point)?;
                }
            }
            series.push(Series {
                name: "other".into(),
                groups: rest.len(),
                points,
            });
        }
        let mut totals = vec![Point::default(); periods.len()];
        for s in &series {
            for (sum, point) in totals.iter_mut().zip(&s.points) {
                sum.add(point)?;
            }
        }
        sections.push(Section {
            currency,
            platform,
            series,
            totals,
        });
    }
    Ok(Chart {
        time,
        measure,
        periods,
        sections,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_between_periods_are_filled() {
        let months = fill(&GroupKey::Month, "2026-11", "2027-02", 100).unwrap();
        assert_eq!(months, ["2026-11", "2026-12", "2027-01", "2027-02"]);
        let weeks = fill(&GroupKey::Week, "2026-W52", "2027-W02", 100).unwrap();
        assert_eq!(weeks, ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]);
        let days = fill(&GroupKey::Day, "2026-02-27", "2026-03-01", 100).unwrap();
        assert_eq!(days, ["2026-02-27", "2026-02-28", "2026-03-01"]);
        // Too many, or a value that does not parse: the caller keeps the periods it saw.
        assert_eq!(fill(&GroupKey::Day, "2000-01-01", "2026-01-01", 100), None);
        assert_eq!(fill(&GroupKey::Month, "2026-11", "soon", 100), None);
    }
}
