//! `credits history`, `export`, `import`: reading the log out and bringing entries in.

use super::Context;
use crate::cli::{ExportArgs, FormatArg, HistoryArgs};
use crate::render;
use crate::views::columns::{self, ViewColumn};
use crate::views::{self, history::EntryView, history::ImportView};
use anyhow::Result;
use credits_app::exchange::Format;
use credits_app::ops::{checks, exchange};
use credits_core::money;
use credits_core::records::Entry;
use credits_store::Billed;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// `10 s, 1080p, audio, ×2` — an entry's request in short.
fn describe_request(e: &Entry) -> String {
    let e = &e.request;
    let mut parts = Vec::new();
    if let Some(d) = e.duration {
        parts.push(format!("{} s", d.normalize()));
    }
    if let Some(r) = &e.resolution {
        parts.push(r.clone());
    }
    if let Some(m) = &e.mode {
        parts.push(m.clone());
    }
    if e.audio {
        parts.push("audio".into());
    }
    if e.refs > 0 {
        parts.push(format!("{} refs", e.refs));
    }
    if let Some(c) = e.chars {
        parts.push(format!("{c} chars"));
    }
    if e.count > 1 {
        parts.push(format!("×{}", e.count));
    }
    parts.join(", ")
}

/// What the platform billed for an entry, as its cell: the money (or credits) it reported,
/// `unknown` when its record gave no amount (Replicate's and OpenAI's lists carry none), `-`
/// when no record of the platform's is linked to the entry.
fn billed_cell(billed: Option<&Billed>) -> String {
    match billed {
        None => "-".into(),
        Some(b) => match (&b.amount, b.credits) {
            (Some(m), _) => money::fmt_money(m.amount, &m.currency),
            (None, Some(c)) => money::fmt_count(c, "credit", "credits"),
            (None, None) => "unknown".into(),
        },
    }
}

/// The columns of `history`'s table, declared once. (`--csv` is the export format, whose
/// columns `credits_app::exchange` declares: a file `import` reads back.) `by`, who logged
/// the entry, only when some entry says: a log of one unknown user looks as it did.
/// `billed`, what the platforms reported for the entries that have a record of theirs
/// (`import --from`, `sync`): given, its column stands beside the cost, which is then
/// headed `est. cost`, so each amount says which it is (issue 23); a log with none looks as
/// it did.
fn history_columns(by: bool, billed: Option<&HashMap<i64, Billed>>) -> Vec<ViewColumn<'_, Entry>> {
    let mut columns = vec![
        // What a reader reads a row for stays at any width (issue 22): which entry (id),
        // when, what (model), how it went (status) and what it cost. The platform and the
        // credits give way before them; a number is hidden whole, never cut.
        ViewColumn::new(render::Column::essential("id"), |e: &Entry| {
            e.id.to_string()
        }),
        // The time gives way first, and only in whole parts: its offset, then its year
        // (issue 22, trial: at 60 the model was cut while ` +00:00` stayed).
        ViewColumn::new(render::Column::time("time", 1), |e: &Entry| {
            e.at.format("%Y-%m-%d %H:%M %:z").to_string()
        }),
        ViewColumn::new(render::Column::optional("platform", 4), |e: &Entry| {
            e.platform.clone()
        }),
        ViewColumn::new(render::Column::shrinkable("model", 6, 8), |e: &Entry| {
            e.model.clone()
        }),
        ViewColumn::new(render::Column::optional("request", 2), describe_request),
        ViewColumn::new(render::Column::optional("credits", 5), |e: &Entry| {
            money::fmt_credits(e.credits)
        }),
        ViewColumn::new(
            render::Column::essential(if billed.is_some() { "estimate" } else { "cost" }),
            |e: &Entry| {
                e.cost.as_ref().map_or_else(
                    || "unknown".to_string(),
                    |m| money::fmt_money(m.amount, &m.currency),
                )
            },
        ),
    ];
    if let Some(billed) = billed {
        // An amount, hidden whole or shown whole; it gives way after the credits, which the
        // log's own cost column prices anyway.
        columns.push(ViewColumn::new(
            render::Column::optional("billed", 6),
            move |e: &Entry| billed_cell(billed.get(&e.id)),
        ));
    }
    columns.push(ViewColumn::new(
        render::Column::shrinkable("project", 3, 8),
        |e: &Entry| e.project.clone().unwrap_or_default(),
    ));
    if by {
        columns.push(ViewColumn::new(
            render::Column::optional("by", 2),
            |e: &Entry| e.who.logged_by.clone().unwrap_or_default(),
        ));
    }
    columns.extend([
        ViewColumn::new(render::Column::optional("tags", 1), |e: &Entry| {
            let tags: Vec<String> = e.tags.iter().map(|(k, v)| format!("{k}={v}")).collect();
            tags.join(" ")
        }),
        ViewColumn::new(render::Column::essential("status"), |e: &Entry| {
            format!("{}{}", e.status, if e.kept { "" } else { ", discarded" })
        }),
    ]);
    columns
}

pub fn history(ctx: &Context, args: &HistoryArgs, out: &mut dyn Write) -> Result<i32> {
    let mut store = ctx.session.store_for_reading()?;
    let mut filter = args.filter.filter(&ctx.session)?;
    filter.limit = args.limit.map(u64::from);
    if args.csv {
        exchange::export(&mut store, &filter, Format::Csv, &mut *out)?;
        return Ok(0);
    }
    let entries = store.entries(&filter)?;
    let ids: Vec<i64> = entries.iter().map(|e| e.id).collect();
    // What the platform reported for each entry it has a record of (issue 23).
    let billed = store.read(|tx| tx.billed_of_entries(&ids))?;
    if ctx.json {
        // The file an entry was logged from (`credits scan`), or null.
        let paths = store.read(|tx| tx.entry_paths(&ids))?;
        let view: Vec<EntryView> = entries
            .iter()
            .map(|e| {
                EntryView::new(e, paths.get(&e.id).map(String::as_str))
                    .with_billed(billed.get(&e.id))
            })
            .collect();
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    if entries.is_empty() {
        proseln!(out, "no entries")?;
        return Ok(0);
    }
    let by = entries.iter().any(|e| e.who.logged_by.is_some());
    let billed = (!billed.is_empty()).then_some(&billed);
    out.write_all(columns::table(&history_columns(by, billed), &entries).as_bytes())?;
    // The last balance check of each platform shown (`balance PLATFORM --expect N`).
    let platforms: std::collections::BTreeSet<&str> =
        entries.iter().map(|e| e.platform.as_str()).collect();
    for platform in platforms {
        if let Some(c) = checks::last_checks(&store, platform)? {
            proseln!(
                out,
                "{platform} last checked: {}",
                views::balance::last_checked_text(ctx.session.offset(), &c)
            )?;
        }
    }
    Ok(0)
}

pub fn export(ctx: &Context, args: &ExportArgs, out: &mut dyn Write) -> Result<i32> {
    let mut store = ctx.session.store_for_reading()?;
    let filter = args.filter.filter(&ctx.session)?;
    let format = match args.format {
        FormatArg::Csv => Format::Csv,
        FormatArg::Json => Format::Json,
    };
    match &args.output {
        None => {
            exchange::export(&mut store, &filter, format, &mut *out)?;
        }
        Some(path) => {
            // The log's own file, which the export must not be written over (a
            // PostgreSQL ledger has none).
            let database = match ctx.session.postgres()? {
                Some(_) => std::path::PathBuf::new(),
                None => ctx.session.db_path()?,
            };
            let n = exchange::export_to_file(&mut store, &filter, format, path, &database)?;
            eproseln!(
                "exported {} to {}",
                money::fmt_count(n as u64, "entry", "entries"),
                path.display()
            );
        }
    }
    Ok(0)
}

/// `; and 3 more` when `count` is more than the `shown`.
fn and_more(count: u64, shown: usize) -> String {
    match count.saturating_sub(shown as u64) {
        0 => String::new(),
        n => format!("; and {n} more"),
    }
}

/// `  already in the log (…): line 3 (#2), line 4 (#3); and 5 more`: each row by its line
/// and the entry that has its key (the keys, often the tool's own, are in `--json`).
fn skipped_lines(
    out: &mut dyn Write,
    why: &str,
    count: u64,
    first: &[credits_store::Skipped],
) -> Result<()> {
    if count == 0 {
        return Ok(());
    }
    let rows: Vec<String> = first
        .iter()
        .map(|s| match s.entry_id {
            Some(id) => format!("line {} (#{id})", s.line),
            None => format!("line {}", s.line),
        })
        .collect();
    proseln!(
        out,
        "  {why}: {}{}",
        rows.join(", "),
        and_more(count, first.len())
    )?;
    Ok(())
}

/// `  already in the log: top-up runway …; budget ad (money); and 2 more`.
fn named_lines(out: &mut dyn Write, why: &str, count: u64, first: &[String]) -> Result<()> {
    if count == 0 {
        return Ok(());
    }
    proseln!(
        out,
        "  {why}: {}{}",
        first.join("; "),
        and_more(count, first.len())
    )?;
    Ok(())
}

pub fn import(ctx: &Context, path: &Path, out: &mut dyn Write) -> Result<i32> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(size);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "importing {bar:40} {bytes}/{total_bytes} {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut on_progress = |p: exchange::Progress| {
        if let Some(bar) = &bar {
            bar.set_position(p.bytes);
            bar.set_message(format!("{} rows", p.rows));
        }
    };
    let progress: Option<&mut dyn FnMut(exchange::Progress)> = if bar.is_some() {
        Some(&mut on_progress)
    } else {
        None
    };
    let result = exchange::import(&ctx.session, path, progress);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let summary = result?;
    if ctx.json {
        out.write_all(views::json(&ImportView::new(path, &summary)).as_bytes())?;
    } else {
        let conflicts = if summary.conflicts.is_empty() {
            String::new()
        } else {
            format!(", {} in conflict (not imported)", summary.conflicts.len())
        };
        let repeated = if summary.repeated > 0 {
            format!(", {} repeated in the file", summary.repeated)
        } else {
            String::new()
        };
        proseln!(
            out,
            "{}: {} rows, {} added, {} already in the log{repeated}{conflicts}",
            path.display(),
            summary.rows,
            summary.added,
            summary.present
        )?;
        // Which were skipped and why (issue 22, item 8), the first few of each reason.
        skipped_lines(
            out,
            "already in the log (the same dedup key)",
            summary.present,
            &summary.present_first,
        )?;
        skipped_lines(
            out,
            "repeated in the file (the dedup key of an earlier row, imported)",
            summary.repeated,
            &summary.repeated_first,
        )?;
        if summary.records > 0 {
            let mut skipped = String::new();
            if summary.records_present > 0 {
                skipped.push_str(&format!(", {} already in the log", summary.records_present));
            }
            if summary.records_repeated > 0 {
                skipped.push_str(&format!(
                    ", {} repeated in the file",
                    summary.records_repeated
                ));
            }
            proseln!(
                out,
                "records besides entries (accounts, plan changes, top-ups, adjustments, budgets, balance \
                 checks, billed): {} read, {} added{skipped}",
                summary.records,
                summary.records_added
            )?;
            named_lines(
                out,
                "already in the log",
                summary.records_present,
                &summary.records_present_first,
            )?;
            named_lines(
                out,
                "repeated in the file",
                summary.records_repeated,
                &summary.records_repeated_first,
            )?;
        }
    }
    if !summary.conflicts.is_empty() {
        // Shown up to five; the JSON output has them all.
        let shown: Vec<String> = summary
            .conflicts
            .iter()
            .take(5)
            .map(|c| {
                format!(
                    "line {} ({}: {} in the log, {} in the file)",
                    c.line, c.field, c.in_log, c.in_file
                )
            })
            .collect();
        let more = summary.conflicts.len().saturating_sub(shown.len());
        let more = if more > 0 {
            format!("; {more} more")
        } else {
            String::new()
        };
        eproseln!(
            "warning: {} whose dedup_key is already in the log with other content: not imported, the log's entry kept: {}{more}. Clear a row's dedup_key cell to import it as a new entry.",
            money::fmt_count(summary.conflicts.len() as u64, "row", "rows"),
            shown.join("; ")
        );
    }
    if summary.trimmed > 0 {
        let more = summary
            .trimmed
            .saturating_sub(summary.trimmed_at.len() as u64);
        let more = if more > 0 {
            format!("; {more} more")
        } else {
            String::new()
        };
        let (n, them) = match summary.trimmed {
            1 => ("1 value".to_string(), "it"),
            n => (format!("{n} values"), "them"),
        };
        eproseln!(
            "note: {n} had spaces around {them}, taken off as read ({}{more}); notes keep theirs",
            summary.trimmed_at.join("; ")
        );
    }
    if summary.unpriced > 0 && summary.added > 0 {
        eproseln!(
            "note: {} of the rows read have unknown money (no known plan price)",
            summary.unpriced
        );
    }
    Ok(0)
}
