//! `report --html FILE`: the numbers of a cost sheet for a client, and writing it.
//!
//! A sheet is the report's filter (a project, a client tag, a period) seen three ways: every
//! entry, the totals per model and per day (the report's own sums, `ops::reports`, so a
//! sheet and `credits report` never disagree), and the total. Money follows the report:
//! failed entries cost what they cost until refunded, refunded ones nothing, unknown money
//! is counted, never 0. The pricing sources of each platform on the sheet come from the
//! tables, with the tables the entries were priced with.
//!
//! What is billed is the cost, plus an optional markup (a percentage), converted at an
//! optional rate the user gives with its date: `cost × (100 + markup) ÷ 100 × rate`, exact
//! (`Decimal`); the binary rounds once, when it shows it. A sheet is in one currency: a
//! filter whose entries cost money in two is refused (a rate converts one).
//!
//! The HTML itself is the binary's (`views::sheet`); [`write`] puts it on disk whole and
//! private through `ops::bundle::write_private`.

use super::reports::{self, Line, PricedWith};
use super::Session;
use anyhow::Result;
use chrono::NaiveDate;
use credits_core::error::fail_with_help;
use credits_core::pricing::Source;
use credits_core::records::{Entry, Filter};
use credits_store::GroupKey;
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::path::Path;

/// A conversion the user gives: one unit of the sheet's currency is `rate` of `currency`,
/// as of `date` (`--rate EUR=0.92@2026-12-01`).
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    pub currency: String,
    pub rate: Decimal,
    pub date: NaiveDate,
}

/// A platform on the sheet and where its prices come from.
#[derive(Debug, Clone)]
pub struct PlatformSources {
    pub platform: String,
    /// The platform's display name, when it is in the tables.
    pub name: Option<String>,
    /// Every source its table lists.
    pub sources: Vec<Source>,
    /// The tables its entries were priced with.
    pub priced_with: Vec<PricedWith>,
}

/// What is billed for a cost: a markup in percent, then a conversion.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Billing {
    pub markup: Option<Decimal>,
    pub rate: Option<Rate>,
}

impl Billing {
    /// `cost` with the markup (`cost` itself without one), exact.
    pub fn marked_up(&self, cost: Decimal) -> Result<Decimal> {
        let Some(m) = self.markup else {
            return Ok(cost);
        };
        let factor = Decimal::ONE_HUNDRED
            .checked_add(m)
            .and_then(|f| f.checked_div(Decimal::ONE_HUNDRED))
            .ok_or_else(|| anyhow::anyhow!("markup {m}% is too large"))?;
        cost.checked_mul(factor)
            .ok_or_else(|| anyhow::anyhow!("{cost} with a {m}% markup is too large"))
    }

    /// What `cost` bills: with the markup, converted at the rate, exact.
    pub fn billed(&self, cost: Decimal) -> Result<Decimal> {
        let marked = self.marked_up(cost)?;
        match &self.rate {
            None => Ok(marked),
            Some(r) => marked
                .checked_mul(r.rate)
                .ok_or_else(|| anyhow::anyhow!("{marked} at {} is too large", r.rate)),
        }
    }

    /// Whether what is billed differs from the cost.
    pub fn changes(&self) -> bool {
        self.markup.is_some() || self.rate.is_some()
    }
}

/// A cost sheet's numbers.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// Oldest first.
    pub entries: Vec<Entry>,
    /// The currency of the known money (`None` when none is known).
    pub currency: Option<String>,
    /// Rows keyed by platform and model.
    pub by_model: Vec<Line>,
    /// Rows keyed by day.
    pub by_day: Vec<Line>,
    pub total: Line,
    pub sources: Vec<PlatformSources>,
    pub billing: Billing,
}

impl Sheet {
    /// The currency of what is billed: the rate's, else the sheet's.
    pub fn billed_currency(&self) -> Option<&str> {
        self.billing
            .rate
            .as_ref()
            .map(|r| r.currency.as_str())
            .or(self.currency.as_deref())
    }
}

/// The sheet of the entries matching `filter`.
pub fn sheet(session: &Session, filter: &Filter, billing: Billing) -> Result<Sheet> {
    let store = session.store_for_reading()?;
    let mut entries = store.entries(filter)?;
    entries.reverse();
    let currencies: BTreeSet<&str> = entries
        .iter()
        .filter(|e| e.status != credits_core::records::Status::Refunded)
        .filter_map(|e| e.cost.as_ref().map(|m| m.currency.as_str()))
        .collect();
    if currencies.len() > 1 {
        return Err(fail_with_help(
            format!(
                "these entries cost money in {}: a sheet is in one currency",
                currencies.into_iter().collect::<Vec<_>>().join(" and ")
            ),
            "make one sheet per currency, e.g. with --platform",
        ));
    }
    let currency = currencies.first().map(|c| c.to_string());
    if let (Some(r), Some(c)) = (&billing.rate, &currency) {
        if r.currency == *c {
            return Err(fail_with_help(
                format!("--rate converts {c} to {}: the same currency", r.currency),
                "give the currency the client pays in, e.g. --rate EUR=0.92@2026-12-01",
            ));
        }
    }
    let by_model = reports::report(&store, filter, &[GroupKey::Platform, GroupKey::Model])?;
    let by_day = reports::report(&store, filter, &[GroupKey::Day])?;
    let priced_with = reports::priced_with(&session.catalog, &by_model.tables);
    let platforms: BTreeSet<&str> = entries.iter().map(|e| e.platform.as_str()).collect();
    let sources = platforms
        .into_iter()
        .map(|p| {
            let found = session.catalog.platforms().find(|x| x.id == p);
            PlatformSources {
                platform: p.to_string(),
                name: found.map(|x| x.name.clone()),
                sources: found.map(|x| x.sources.clone()).unwrap_or_default(),
                priced_with: priced_with
                    .iter()
                    .filter(|t| t.table.platform == p)
                    .cloned()
                    .collect(),
            }
        })
        .collect();
    Ok(Sheet {
        entries,
        currency,
        by_model: by_model.rows,
        by_day: by_day.rows,
        total: by_model.total,
        sources,
        billing,
    })
}

/// Writes the sheet's `html` to `path`, whole and private (mode 0600).
pub fn write(path: &Path, html: &str) -> Result<()> {
    super::bundle::write_private(path, html.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn billing(markup: Option<&str>, rate: Option<&str>) -> Billing {
        Billing {
            markup: markup.map(|m| m.parse().unwrap()),
            rate: rate.map(|r| Rate {
                currency: "EUR".into(),
                rate: r.parse().unwrap(),
                date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            }),
        }
    }

    #[test]
    fn billed_is_marked_up_then_converted_exactly() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        // $8.64 + 15% = $9.936; at 0.92: €9.14112, not rounded here.
        let b = billing(Some("15"), Some("0.92"));
        assert_eq!(b.marked_up(d("8.64")).unwrap(), d("9.936"));
        assert_eq!(b.billed(d("8.64")).unwrap(), d("9.14112"));
        assert!(b.changes());
        let b = billing(None, None);
        assert_eq!(b.billed(d("8.64")).unwrap(), d("8.64"));
        assert!(!b.changes());
        // An eighth of a cent stays exact until shown.
        let b = billing(Some("12.5"), None);
        assert_eq!(b.billed(d("0.01")).unwrap(), d("0.01125"));
    }
}
