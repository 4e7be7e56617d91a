//! Entries of the generation log as the commands that write them show them: `log --json`,
//! `reprice --json` and `scan --json` (one object per file, also each line of
//! `scan --watch --json`).

use super::Dec;
use credits_app::ops::entries::{RepriceOutcome, Repriced, TablesReplaced};
use credits_app::ops::scan::{Outcome, ScanOutcome, Scanned};
use credits_core::records::{Entry, Money, TableStamp};
use serde::Serialize;

/// The pricing table an entry was priced with: its date and hash (null when none is recorded).
#[derive(Serialize)]
pub struct TableView<'a> {
    pub as_of: String,
    pub sha256: &'a str,
}

impl<'a> TableView<'a> {
    pub fn new(t: &'a TableStamp) -> TableView<'a> {
        TableView {
            as_of: t.as_of.to_string(),
            sha256: &t.sha256,
        }
    }

    pub fn of(t: Option<&'a TableStamp>) -> Option<TableView<'a>> {
        t.map(TableView::new)
    }
}

fn amount(m: Option<&Money>) -> Option<Dec> {
    m.map(|m| Dec(m.amount))
}

fn currency(m: Option<&Money>) -> Option<&str> {
    m.map(|m| m.currency.as_str())
}

/// `log --json`: the entry as logged.
#[derive(Serialize)]
pub struct LoggedView<'a> {
    pub id: i64,
    pub platform: &'a str,
    pub model: &'a str,
    pub credits: Dec,
    pub cost: Option<Dec>,
    pub currency: Option<&'a str>,
    pub pricing: &'a str,
    pub price_source: &'static str,
    pub priced_with: Option<TableView<'a>>,
    pub project: Option<&'a str>,
    pub status: &'static str,
}

impl<'a> LoggedView<'a> {
    /// `price_source`: where the price per credit came from.
    pub fn new(e: &'a Entry, price_source: &'static str) -> LoggedView<'a> {
        LoggedView {
            id: e.id,
            platform: &e.platform,
            model: &e.model,
            credits: Dec(e.credits),
            cost: amount(e.cost.as_ref()),
            currency: currency(e.cost.as_ref()),
            pricing: &e.pricing,
            price_source,
            priced_with: TableView::of(e.table.as_ref()),
            project: e.project.as_deref(),
            status: e.status.as_str(),
        }
    }
}

/// `reprice --json`: what changed, what was examined and kept, and the tables replaced.
#[derive(Serialize)]
pub struct RepriceView<'a> {
    pub dry_run: bool,
    pub examined: u64,
    pub kept_by_choice: u64,
    /// Entries logged in money on a platform whose table now counts credits: kept.
    pub kept_billed_in_money: u64,
    pub changed: Vec<RepricedView<'a>>,
    pub restamped: u64,
    pub tables: Vec<TablesView<'a>>,
}

#[derive(Serialize)]
pub struct RepricedView<'a> {
    pub id: i64,
    pub platform: &'a str,
    pub model: &'a str,
    pub cost_before: Option<Dec>,
    pub cost_after: Option<Dec>,
    pub currency: Option<&'a str>,
    pub pricing_before: &'a str,
    pub pricing_after: &'a str,
    pub priced_with_before: Option<TableView<'a>>,
    pub priced_with_after: Option<TableView<'a>>,
    pub notes: Vec<String>,
}

/// Per platform: the older tables its entries had been priced with, and the current one.
#[derive(Serialize)]
pub struct TablesView<'a> {
    pub platform: &'a str,
    pub older: Vec<TableUseView<'a>>,
    pub unrecorded: u64,
    pub current: TableView<'a>,
}

#[derive(Serialize)]
pub struct TableUseView<'a> {
    #[serde(flatten)]
    pub table: TableView<'a>,
    pub entries: u64,
}

impl<'a> RepricedView<'a> {
    pub fn new(c: &'a Repriced) -> RepricedView<'a> {
        RepricedView {
            id: c.id,
            platform: &c.platform,
            model: &c.model,
            cost_before: amount(c.before.as_ref()),
            cost_after: amount(c.after.as_ref()),
            currency: currency(c.after.as_ref().or(c.before.as_ref())),
            pricing_before: &c.pricing_before,
            pricing_after: &c.pricing_after,
            priced_with_before: TableView::of(c.table_before.as_ref()),
            priced_with_after: TableView::of(c.table_after.as_ref()),
            notes: c.notes.iter().map(ToString::to_string).collect(),
        }
    }
}

impl<'a> TablesView<'a> {
    pub fn new(t: &'a TablesReplaced) -> TablesView<'a> {
        TablesView {
            platform: &t.platform,
            older: t
                .older
                .iter()
                .map(|u| TableUseView {
                    table: TableView::new(&u.table),
                    entries: u.entries,
                })
                .collect(),
            unrecorded: t.unrecorded,
            current: TableView::new(&t.current),
        }
    }
}

impl<'a> RepriceView<'a> {
    pub fn new(outcome: &'a RepriceOutcome, dry_run: bool) -> RepriceView<'a> {
        RepriceView {
            dry_run,
            examined: outcome.examined,
            kept_by_choice: outcome.kept_by_choice,
            kept_billed_in_money: outcome.kept_billed_in_money,
            changed: outcome.changed.iter().map(RepricedView::new).collect(),
            restamped: outcome.restamped,
            tables: outcome.tables.iter().map(TablesView::new).collect(),
        }
    }
}

/// `scan --json`: whether it was a dry run, how many files were logged, and each file.
#[derive(Serialize)]
pub struct ScanView<'a> {
    pub dry_run: bool,
    pub logged: usize,
    pub files: Vec<ScanFileView<'a>>,
}

impl<'a> ScanView<'a> {
    /// `reason`: why a file was not logged, as the command says it.
    pub fn new(
        outcome: &'a ScanOutcome,
        reason: impl Fn(&Scanned) -> Option<String>,
    ) -> ScanView<'a> {
        ScanView {
            dry_run: outcome.dry_run,
            logged: outcome.logged(),
            files: outcome
                .files
                .iter()
                .map(|f| ScanFileView::new(f, outcome.dry_run, reason(f)))
                .collect(),
        }
    }
}

/// One file a scan found: what it is, how it was identified, and what happened to it.
#[derive(Serialize)]
pub struct ScanFileView<'a> {
    /// As the user named it (relative paths stay relative).
    pub path: String,
    pub status: &'static str,
    pub reason: Option<String>,
    pub kind: Option<&'static str>,
    pub seconds: Option<Dec>,
    pub priced_seconds: Option<Dec>,
    pub billed_seconds: Option<Dec>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub resolution: Option<String>,
    pub audio: Option<bool>,
    pub platform: Option<&'a str>,
    pub model: Option<&'a str>,
    /// Null for a file found in the log: it was not identified again.
    pub identified_by: Option<String>,
    pub project: Option<&'a str>,
    /// The entry logged (null in a dry run).
    pub id: Option<i64>,
    pub same_as: Option<String>,
    pub already_logged_as: Option<i64>,
    pub at: Option<String>,
    pub credits: Option<Dec>,
    pub cost: Option<Dec>,
    pub currency: Option<&'a str>,
    pub pricing: Option<&'a str>,
}

impl<'a> ScanFileView<'a> {
    pub fn new(f: &'a Scanned, dry_run: bool, reason: Option<String>) -> ScanFileView<'a> {
        let probe = f.probe.as_ref();
        let (entry, priced) = match &f.outcome {
            Outcome::Logged { entry, priced, .. } => (Some(entry), Some(priced)),
            _ => (None, None),
        };
        // As the table shows them: the entry's canonical ids, else what identified the file.
        let (platform, model) = match &f.outcome {
            Outcome::Logged { entry, .. } => {
                (Some(entry.platform.as_str()), Some(entry.model.as_str()))
            }
            Outcome::AlreadyLogged {
                platform, model, ..
            } => (Some(platform.as_str()), Some(model.as_str())),
            _ => (
                f.identity.platform.as_ref().map(|(p, _)| p.as_str()),
                f.identity.model.as_ref().map(|(m, _)| m.as_str()),
            ),
        };
        let cost = entry.and_then(|e| e.cost.as_ref());
        ScanFileView {
            path: f.path.display().to_string(),
            status: f.outcome.status(dry_run),
            reason,
            kind: probe.map(|p| p.kind.as_str()),
            seconds: probe.and_then(|p| p.duration).map(Dec),
            priced_seconds: f.priced_seconds.map(Dec),
            billed_seconds: priced
                .and_then(|p| p.quote.as_ref())
                .and_then(|q| q.charge.billed_seconds)
                .map(Dec),
            width: probe.map(|p| p.width),
            height: probe.map(|p| p.height),
            resolution: probe.map(|p| p.resolution()),
            audio: probe.map(|p| p.audio),
            platform,
            model,
            identified_by: match &f.outcome {
                Outcome::AlreadyLogged { .. } => None,
                _ => Some(f.identity.describe()),
            },
            project: f.project.as_deref(),
            id: if dry_run { None } else { entry.map(|e| e.id) },
            same_as: match &f.outcome {
                Outcome::SameAs(first) => Some(first.display().to_string()),
                _ => None,
            },
            already_logged_as: match &f.outcome {
                Outcome::AlreadyLogged { entry_id, .. } => Some(*entry_id),
                _ => None,
            },
            at: entry.map(|e| e.at.to_rfc3339()),
            credits: entry.map(|e| Dec(e.credits)),
            cost: amount(cost),
            currency: currency(cost),
            pricing: entry.map(|e| e.pricing.as_str()),
        }
    }
}
