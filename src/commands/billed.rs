//! `credits import --from PLATFORM FILE`: what a platform billed, from its API's JSON
//! (`credits_app::ops::billed`), said item by item.

use super::Context;
use crate::views::{self, billed::BilledImportView};
use anyhow::{Context as _, Result};
use credits_app::ops::billed::{
    self, BilledAction, BilledKind, BilledSource, MATCH_WINDOW_MINUTES,
};
use credits_core::money;
use credits_store::Matched;
use std::io::Write;
use std::path::Path;

pub fn import(ctx: &Context, from: &str, path: &Path, out: &mut dyn Write) -> Result<i32> {
    let source: BilledSource = from.parse()?;
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let import = billed::import_billed(&ctx.session, source, &[text])
        .with_context(|| format!("cannot import {} as {source}'s billing", path.display()))?;
    if ctx.json {
        out.write_all(views::json(&BilledImportView::new(path, &import)).as_bytes())?;
        return Ok(0);
    }
    let c = import.counts();
    let mut parts = Vec::new();
    if c.added > 0 || c.enriched > 0 {
        parts.push(format!(
            "{} added, {} matched to what you logged",
            money::fmt_count(c.added as u64, "generation", "generations"),
            c.enriched
        ));
    }
    if c.lines_added > 0 || c.lines_replaced > 0 {
        parts.push(format!(
            "{} added, {} updated",
            money::fmt_count(c.lines_added as u64, "billed line", "billed lines"),
            c.lines_replaced
        ));
    }
    parts.push(format!("{} already in the log", c.already));
    if c.skipped > 0 {
        parts.push(format!("{} skipped", c.skipped));
    }
    proseln!(
        out,
        "{} ({}): {}",
        path.display(),
        import.platform,
        parts.join(", ")
    )?;
    for item in &import.items {
        let billed = match (&item.billed, item.billed_credits) {
            (Some(m), _) => format!("billed {}", money::fmt_money_digits(m.amount, &m.currency)),
            (None, Some(c)) => format!("billed {} credits", money::fmt_credits(c)),
            (None, None)
                if item.kind == BilledKind::Generation
                    && !matches!(item.action, BilledAction::Skipped(_)) =>
            {
                "billed: unknown".into()
            }
            (None, None) => String::new(),
        };
        let status = item.status.map(|s| format!(", {s}")).unwrap_or_default();
        let what = match &item.action {
            BilledAction::Added { entry_id } => format!("added as entry {entry_id}"),
            BilledAction::Enriched {
                entry_id,
                by,
                status,
            } => {
                let by = match by {
                    Matched::Id => "by the platform's id".to_string(),
                    _ => format!("by model and time, within {MATCH_WINDOW_MINUTES} minutes"),
                };
                let changed = status
                    .map(|(a, b)| format!("; status {a} → {b}"))
                    .unwrap_or_default();
                format!("matched entry {entry_id} {by}{changed}")
            }
            BilledAction::LineAdded => "added".into(),
            BilledAction::LineReplaced => "updated with the platform's newer numbers".into(),
            BilledAction::AlreadyThere => "already in the log".into(),
            BilledAction::Skipped(why) => format!("skipped: {why}"),
        };
        let when = match item.kind {
            BilledKind::Line => String::new(),
            _ => format!(" {}", item.at.format("%Y-%m-%d %H:%M")),
        };
        let billed = if billed.is_empty() {
            billed
        } else {
            format!(", {billed}")
        };
        proseln!(out, "  {}{when}{status}{billed}: {what}", item.reference)?;
    }
    let unknown: Vec<&str> = import
        .items
        .iter()
        .filter(|i| {
            !i.known_model
                && matches!(
                    i.action,
                    BilledAction::Added { .. }
                        | BilledAction::LineAdded
                        | BilledAction::LineReplaced
                )
        })
        .map(|i| i.model.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if !unknown.is_empty() {
        eproseln!(
            "note: not in the tables, kept under {}'s own name with no estimate (never priced at 0): {}",
            import.platform,
            unknown.join(", ")
        );
    }
    Ok(0)
}
