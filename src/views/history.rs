//! `history --json`: each entry of the log as it was recorded, with the file it was logged
//! from.

use super::{dec, Dec};
use credits_core::records::{Entry, TableStamp};
use credits_store::{Billed, Skipped};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
pub struct EntryView<'a> {
    pub id: i64,
    pub at: String,
    pub platform: &'a str,
    pub model: &'a str,
    pub duration: Option<Dec>,
    pub resolution: Option<&'a str>,
    pub audio: bool,
    pub refs: u32,
    pub mode: Option<&'a str>,
    pub chars: Option<u64>,
    pub count: u32,
    pub upscale: bool,
    pub credits: Dec,
    pub cost: Option<Dec>,
    pub currency: Option<&'a str>,
    pub pricing: &'a str,
    pub price_source: Option<&'static str>,
    pub priced_with: Option<PricedWithView<'a>>,
    pub project: Option<&'a str>,
    /// A tag given twice keeps its last value.
    pub tags: BTreeMap<&'a str, &'a str>,
    pub note: Option<&'a str>,
    pub status: &'static str,
    pub refunded_at: Option<String>,
    pub kept: bool,
    /// The file it was logged from (`credits scan`), or null.
    pub path: Option<&'a str>,
    /// Who logged it (schema 10), or null when unknown.
    pub logged_by: Option<&'a str>,
    /// The host it was logged on, or null when unknown.
    pub machine: Option<&'a str>,
    /// What the platform reported for it (`import --from`, `sync`), beside `cost`, which is
    /// always the tables' estimate; null when no record of the platform's is linked to it.
    pub billed: Option<BilledView<'a>>,
}

/// The platform's record of an entry: its amounts as exact decimal strings, null where the
/// platform did not say (never 0).
#[derive(Serialize)]
pub struct BilledView<'a> {
    pub amount: Option<Dec>,
    pub currency: Option<&'a str>,
    pub credits: Option<Dec>,
    /// The export it came from (`replicate-predictions`, `openai-videos`).
    pub source: &'a str,
    /// The platform's own id of the generation.
    pub reference: &'a str,
    /// How it found the entry: `created` (the import made it), `id` or `time`.
    pub matched: &'static str,
}

/// The table that priced an entry.
#[derive(Serialize)]
pub struct PricedWithView<'a> {
    pub as_of: String,
    pub sha256: &'a str,
}

impl<'a> PricedWithView<'a> {
    pub fn new(t: &'a TableStamp) -> PricedWithView<'a> {
        PricedWithView {
            as_of: t.as_of.to_string(),
            sha256: &t.sha256,
        }
    }
}

impl<'a> EntryView<'a> {
    pub fn new(e: &'a Entry, path: Option<&'a str>) -> EntryView<'a> {
        EntryView {
            id: e.id,
            at: e.at.to_rfc3339(),
            platform: &e.platform,
            model: &e.model,
            duration: dec(e.request.duration),
            resolution: e.request.resolution.as_deref(),
            audio: e.request.audio,
            refs: e.request.refs,
            mode: e.request.mode.as_deref(),
            chars: e.request.chars,
            count: e.request.count,
            upscale: e.request.upscale,
            credits: Dec(e.credits),
            cost: e.cost.as_ref().map(|m| Dec(m.amount)),
            currency: e.cost.as_ref().map(|m| m.currency.as_str()),
            pricing: &e.pricing,
            price_source: e.price_source.map(|s| s.as_str()),
            priced_with: e.table.as_ref().map(PricedWithView::new),
            project: e.project.as_deref(),
            tags: e
                .tags
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect(),
            note: e.note.as_deref(),
            status: e.status.as_str(),
            refunded_at: e.refunded_at.map(|t| t.to_rfc3339()),
            kept: e.kept,
            path,
            logged_by: e.who.logged_by.as_deref(),
            machine: e.who.machine.as_deref(),
            billed: None,
        }
    }

    /// With the platform's record of the entry, if it has one.
    pub fn with_billed(mut self, b: Option<&'a Billed>) -> EntryView<'a> {
        self.billed = b.map(|b| BilledView {
            amount: b.amount.as_ref().map(|m| Dec(m.amount)),
            currency: b.amount.as_ref().map(|m| m.currency.as_str()),
            credits: b.credits.map(Dec),
            source: &b.source,
            reference: &b.reference,
            matched: b.matched.as_str(),
        });
        self
    }
}

/// `import --json`: what was read and what was added.
#[derive(Serialize)]
pub struct ImportView<'a> {
    pub file: String,
    pub rows: u64,
    pub added: u64,
    pub already_present: u64,
    /// Rows whose dedup key is in the log with other content: not imported.
    pub conflicts: Vec<ConflictView<'a>>,
    pub trimmed: u64,
    pub records: u64,
    pub records_added: u64,
    /// Entries not imported, by why: `already_in_log` (their dedup key is in the log, the
    /// same entry) and `repeated_in_file` (an earlier row of the file has their key).
    pub skipped: SkippedView<SkippedRowView<'a>>,
    /// State records not added, by why, each named as the text output names it.
    pub records_skipped: SkippedView<&'a str>,
}

/// Skipped rows or records by reason.
#[derive(Serialize)]
pub struct SkippedView<T: Serialize> {
    pub already_in_log: SkippedReason<T>,
    pub repeated_in_file: SkippedReason<T>,
}

/// How many were skipped for one reason, and the first few (`credits_store::SKIPPED_SHOWN`).
#[derive(Serialize)]
pub struct SkippedReason<T: Serialize> {
    pub count: u64,
    pub first: Vec<T>,
}

/// A skipped entry: its line in the file, its dedup key (`key_given`: the file's, else
/// derived from the row) and the id of the entry that has that key in the log.
#[derive(Serialize)]
pub struct SkippedRowView<'a> {
    pub line: u64,
    pub dedup_key: &'a str,
    pub key_given: bool,
    pub entry_id: Option<i64>,
}

fn skipped_rows(count: u64, rows: &[Skipped]) -> SkippedReason<SkippedRowView<'_>> {
    SkippedReason {
        count,
        first: rows
            .iter()
            .map(|r| SkippedRowView {
                line: r.line,
                dedup_key: &r.key,
                key_given: r.key_given,
                entry_id: r.entry_id,
            })
            .collect(),
    }
}

fn skipped_records(count: u64, names: &[String]) -> SkippedReason<&str> {
    SkippedReason {
        count,
        first: names.iter().map(String::as_str).collect(),
    }
}

#[derive(Serialize)]
pub struct ConflictView<'a> {
    pub line: u64,
    pub dedup_key: &'a str,
    pub field: &'static str,
    pub in_log: &'a str,
    pub in_file: &'a str,
}

impl<'a> ImportView<'a> {
    pub fn new(
        path: &std::path::Path,
        summary: &'a credits_app::ops::exchange::ImportSummary,
    ) -> ImportView<'a> {
        ImportView {
            file: path.display().to_string(),
            rows: summary.rows,
            added: summary.added,
            already_present: summary.present,
            conflicts: summary
                .conflicts
                .iter()
                .map(|c| ConflictView {
                    line: c.line,
                    dedup_key: &c.key,
                    field: c.field,
                    in_log: &c.in_log,
                    in_file: &c.in_file,
                })
                .collect(),
            trimmed: summary.trimmed,
            records: summary.records,
            records_added: summary.records_added,
            skipped: SkippedView {
                already_in_log: skipped_rows(summary.present, &summary.present_first),
                repeated_in_file: skipped_rows(summary.repeated, &summary.repeated_first),
            },
            records_skipped: SkippedView {
                already_in_log: skipped_records(
                    summary.records_present,
                    &summary.records_present_first,
                ),
                repeated_in_file: skipped_records(
                    summary.records_repeated,
                    &summary.records_repeated_first,
                ),
            },
        }
    }
}
