//! `report`: what projects, clients and platforms cost, with credits kept per platform.
//!
//! Credits of different platforms are different units and are never added: each row (and
//! the total) carries its credits per platform, and has one credits figure only when at most
//! one platform charged credits in it (a money-billed platform charges none).
//!
//! One SQL scan does it all: the store aggregates by the requested keys *and* platform, and
//! the rows and the total are folded from that here (the groups are few), so a report costs
//! one `GROUP BY` over the log, not three. The same scan groups by the price table each entry
//! recorded (schema 4), so a report can say what its entries were priced with at no extra
//! pass: [`priced_with`] compares those tables with the current ones.

use anyhow::Result;
use credits_core::money;
use credits_core::pricing::catalog::Catalog;
use credits_core::records::{Filter, TableStamp};
use credits_store::{GroupKey, ReportRow, Store};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// Credits charged, refunded and owed on one platform.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlatformCredits {
    pub credits: Decimal,
    pub refunded: Decimal,
    pub owed: Decimal,
}

impl PlatformCredits {
    fn is_zero(&self) -> bool {
        self.credits.is_zero() && self.refunded.is_zero() && self.owed.is_zero()
    }

    fn add(&mut self, other: &PlatformCredits) -> Result<()> {
        self.credits = money::add(self.credits, other.credits)?;
        self.refunded = money::add(self.refunded, other.refunded)?;
        self.owed = money::add(self.owed, other.owed)?;
        Ok(())
    }
}

/// One row of a report (or the total), with its credits per platform.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub row: ReportRow,
    /// Platforms that charged credits in this row, by id.
    pub by_platform: BTreeMap<String, PlatformCredits>,
    /// Every platform folded into the row (for `row.platforms`).
    platforms: BTreeSet<String>,
}

impl Line {
    /// Whether the row's credits are one number (at most one platform charged credits).
    pub fn single_unit(&self) -> bool {
        self.by_platform.len() <= 1
    }
}

/// A report: rows by the requested keys, and the total.
#[derive(Debug, Clone)]
pub struct Report {
    pub rows: Vec<Line>,
    /// Zeros when no entry matches.
    pub total: Line,
    /// The tables the entries were priced with, by platform and table; entries with no
    /// recorded table (unpriced, not in the tables, logged before schema 4) are left out.
    pub tables: Vec<TableCount>,
    /// The platforms of the entries with unknown money.
    pub unpriced_platforms: BTreeSet<String>,
}

/// How many of a report's entries one table priced.
#[derive(Debug, Clone, PartialEq)]
pub struct TableCount {
    pub table: TableStamp,
    pub entries: u64,
}

/// A table a report's entries were priced with, against the platform's table today.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedWith {
    pub table: TableStamp,
    pub entries: u64,
    /// Whether it is the platform's current table (same hash).
    pub current: bool,
}

/// The tables a report's entries were priced with, each said to be current or not: by
/// platform, the current table first, then older ones by date.
pub fn priced_with(catalog: &Catalog, tables: &[TableCount]) -> Vec<PricedWith> {
    let mut out: Vec<PricedWith> = tables
        .iter()
        .map(|t| PricedWith {
            current: catalog
                .stamp(&t.table.platform)
                .is_some_and(|c| c.sha256 == t.table.sha256),
            table: t.table.clone(),
            entries: t.entries,
        })
        .collect();
    out.sort_by(|a, b| {
        (
            &a.table.platform,
            !a.current,
            a.table.as_of,
            &a.table.sha256,
        )
            .cmp(&(
                &b.table.platform,
                !b.current,
                b.table.as_of,
                &b.table.sha256,
            ))
    });
    out
}

/// Reports the entries matching `filter` by `keys`.
pub fn report(store: &Store, filter: &Filter, keys: &[GroupKey]) -> Result<Report> {
    let mut with_platform = keys.to_vec();
    with_platform.push(GroupKey::Platform);
    with_platform.push(GroupKey::PriceTable);
    let detailed = store.report(filter, &with_platform)?;
    // Entries per recorded table id, folded out of the rows below.
    let mut by_table: BTreeMap<i64, u64> = BTreeMap::new();
    let mut unpriced_platforms = BTreeSet::new();
    // A part with no known money has no currency; with one currency in the whole report it
    // belongs with that currency's money (its entries are counted as unpriced there).
    let currencies: BTreeSet<&String> = detailed
        .iter()
        .filter_map(|d| d.currency.as_ref())
        .collect();
    let only = (currencies.len() == 1)
        .then(|| currencies.iter().next().map(|c| (*c).clone()))
        .flatten();
    // Rows are folded by (keys, currency): the store splits a group by currency when its
    // money mixes currencies, and money of two currencies is never added either.
    let mut rows: BTreeMap<(Vec<Option<String>>, Option<String>), Line> = BTreeMap::new();
    let mut total: BTreeMap<Option<String>, Line> = BTreeMap::new();
    for d in &detailed {
        let currency = d.currency.clone().or_else(|| only.clone());
        let mut group = d.keys.clone();
        let table = group.pop().flatten();
        let platform = group.pop().flatten().unwrap_or_default();
        if d.unpriced > 0 {
            unpriced_platforms.insert(platform.clone());
        }
        if let Some(id) = table {
            let id: i64 = id
                .parse()
                .map_err(|_| anyhow::anyhow!("bad price table id `{id}` in the database"))?;
            let n = by_table.entry(id).or_default();
            *n = n.saturating_add(d.entries);
        }
        let credits = PlatformCredits {
            credits: d.credits,
            refunded: d.credits_refunded,
            owed: d.credits_owed,
        };
        if !keys.is_empty() {
            fold(
                rows.entry((group.clone(), currency.clone()))
                    .or_insert_with(|| empty(group.clone(), None)),
                d,
                &platform,
                &credits,
            )?;
        }
        fold(
            total
                .entry(currency.clone())
                .or_insert_with(|| empty(Vec::new(), None)),
            d,
            &platform,
            &credits,
        )?;
    }
    // Money of two currencies is never added: when the log mixes them, the total's money is
    // that of its first currency (as the store sorts them), and everything else is summed.
    let mut lines = total.into_values();
    // No entry: a total of zeros, as SQL's aggregate without rows gives.
    let mut total = lines.next().unwrap_or_else(|| empty(Vec::new(), None));
    for other in lines {
        merge_all_but_money(&mut total, other)?;
    }
    let tables = if by_table.is_empty() {
        Vec::new()
    } else {
        store
            .price_tables()?
            .into_iter()
            .filter_map(|(id, table)| {
                by_table
                    .get(&id)
                    .map(|&entries| TableCount { table, entries })
            })
            .collect()
    };
    Ok(Report {
        rows: rows.into_values().collect(),
        total,
        tables,
        unpriced_platforms,
    })
}

/// Adds the counts, seconds and credits of `o` to `r` (not its money).
fn add_all_but_money(r: &mut ReportRow, o: &ReportRow) -> Result<()> {
    r.entries = r.entries.saturating_add(o.entries);
    r.clips = r.clips.saturating_add(o.clips);
    r.seconds = money::add(r.seconds, o.seconds)?;
    r.kept_seconds = money::add(r.kept_seconds, o.kept_seconds)?;
    r.credits = money::add(r.credits, o.credits)?;
    r.credits_refunded = money::add(r.credits_refunded, o.credits_refunded)?;
    r.credits_owed = money::add(r.credits_owed, o.credits_owed)?;
    Ok(())
}

fn merge_all_but_money(a: &mut Line, b: Line) -> Result<()> {
    add_all_but_money(&mut a.row, &b.row)?;
    a.platforms.extend(b.platforms);
    a.row.platforms = a.platforms.len() as u64;
    for (p, c) in &b.by_platform {
        a.by_platform.entry(p.clone()).or_default().add(c)?;
    }
    Ok(())
}

fn empty(keys: Vec<Option<String>>, currency: Option<String>) -> Line {
    Line {
        row: ReportRow {
            keys,
            entries: 0,
            clips: 0,
            seconds: Decimal::ZERO,
            kept_seconds: Decimal::ZERO,
            credits: Decimal::ZERO,
            credits_refunded: Decimal::ZERO,
            credits_owed: Decimal::ZERO,
            cost: Decimal::ZERO,
            unpriced: 0,
            credits_priced: Decimal::ZERO,
            platforms: 0,
            currency,
        },
        by_platform: BTreeMap::new(),
        platforms: BTreeSet::new(),
    }
}

/// Adds one (group, platform) aggregate to a line.
fn fold(line: &mut Line, d: &ReportRow, platform: &str, credits: &PlatformCredits) -> Result<()> {
    let r = &mut line.row;
    add_all_but_money(r, d)?;
    r.cost = money::add(r.cost, d.cost)?;
    r.unpriced = r.unpriced.saturating_add(d.unpriced);
    r.credits_priced = money::add(r.credits_priced, d.credits_priced)?;
    // A row's currency is that of its known money (`None` while it has none).
    if r.currency.is_none() {
        r.currency = d.currency.clone();
    }
    line.platforms.insert(platform.to_string());
    r.platforms = line.platforms.len() as u64;
    if !credits.is_zero() {
        line.by_platform
            .entry(platform.to_string())
            .or_default()
            .add(credits)?;
    }
    Ok(())
}

/// A model in the log that the tables now say is shut down (`credits pricing status`):
/// said there once, not on every command that reads the entries.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedShutDown {
    pub platform: String,
    pub model: String,
    /// Entries logged with it.
    pub entries: u64,
    /// "shut down on … (replaced by …)".
    pub lifecycle: String,
}

/// The models of the log (if there is one) shut down by `session`'s today.
pub fn logged_shut_down(session: &super::Session) -> Result<Vec<LoggedShutDown>> {
    let Some(store) = session.existing_store()? else {
        return Ok(Vec::new());
    };
    let today = session.now.date_naive();
    let rows = store.report(&Filter::default(), &[GroupKey::Platform, GroupKey::Model])?;
    let mut out = Vec::new();
    for row in rows {
        let (Some(Some(platform)), Some(Some(model))) = (row.keys.first(), row.keys.get(1)) else {
            continue;
        };
        let Some(found) = session
            .catalog
            .platforms()
            .find(|p| p.id == *platform)
            .and_then(|p| p.models.iter().find(|m| m.id == *model))
        else {
            continue;
        };
        if found.lifecycle.is_shut_down(today) {
            out.push(LoggedShutDown {
                platform: platform.clone(),
                model: model.clone(),
                entries: row.entries,
                lifecycle: found.lifecycle.describe().unwrap_or_default(),
            });
        }
    }
    Ok(out)
}
