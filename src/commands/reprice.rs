//! `credits reprice [filters] [--dry-run]`: prices logged entries again from today's tables,
//! account and balance (`ops::entries::reprice`) and prints each change, money before →
//! after. Credits stay as logged; prices the user chose (`--plan`, `--price-per-credit`) stay.
//! Then, per platform, which older tables the entries had been priced with, and the current
//! one they are priced with now (schema 4 records it with each entry).

use super::Context;
use crate::cli::RepriceArgs;
use crate::render;
use anyhow::Result;
use credits_app::ops::entries;
use credits_core::money;
use credits_core::records::Money;
use serde_json::json;
use std::io::Write;

fn money_text(m: Option<&Money>) -> String {
    m.map_or_else(
        || "unknown".to_string(),
        |m| money::fmt_money(m.amount, &m.currency),
    )
}

fn n_entries(n: u64) -> String {
    money::fmt_count(n, "entry", "entries")
}

/// `runway: 12 entries priced with the table of 2026-05-04 (a1b2c3d4), now with the current
/// one, 2026-11-01 (9f8e7d6c)`: one line per platform.
fn tables_line(t: &entries::TablesReplaced, dry_run: bool) -> String {
    let mut parts: Vec<String> = t
        .older
        .iter()
        .map(|u| {
            format!(
                "{} priced with the table of {}",
                n_entries(u.entries),
                render::table_text(&u.table)
            )
        })
        .collect();
    if t.unrecorded > 0 {
        parts.push(format!(
            "{} with no table recorded",
            n_entries(t.unrecorded)
        ));
    }
    let now = if dry_run {
        "would be priced"
    } else {
        "now priced"
    };
    format!(
        "{}: {}; {now} with the current one, {}",
        t.platform,
        parts.join(", "),
        render::table_text(&t.current)
    )
}

pub fn run(ctx: &Context, args: &RepriceArgs, out: &mut dyn Write) -> Result<i32> {
    let filter = args.filter.filter(&ctx.session)?;
    let outcome = entries::reprice(&ctx.session, &filter, args.dry_run)?;
    if ctx.json {
        let changes: Vec<_> = outcome
            .changed
            .iter()
            .map(|c| {
                json!({
                    "id": c.id,
                    "platform": c.platform,
                    "model": c.model,
                    "cost_before": c.before.as_ref().map(|m| render::json_decimal(m.amount)),
                    "cost_after": c.after.as_ref().map(|m| render::json_decimal(m.amount)),
                    "currency": c.after.as_ref().or(c.before.as_ref()).map(|m| m.currency.clone()),
                    "pricing_before": c.pricing_before,
                    "pricing_after": c.pricing_after,
                    "priced_with_before": render::priced_with_json(c.table_before.as_ref()),
                    "priced_with_after": render::priced_with_json(c.table_after.as_ref()),
                    "notes": c.notes.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
                })
            })
            .collect();
        let value = json!({
            "dry_run": args.dry_run,
            "examined": outcome.examined,
            "kept_by_choice": outcome.kept_by_choice,
            "changed": changes,
            "restamped": outcome.restamped,
            "tables": outcome.tables.iter().map(|t| json!({
                "platform": t.platform,
                "older": t.older.iter().map(|u| json!({
                    "as_of": u.table.as_of.to_string(),
                    "sha256": u.table.sha256,
                    "entries": u.entries,
                })).collect::<Vec<_>>(),
                "unrecorded": t.unrecorded,
                "current": render::priced_with_json(Some(&t.current)),
            })).collect::<Vec<_>>(),
        });
        out.write_all(render::json(&value).as_bytes())?;
        return Ok(0);
    }
    for c in &outcome.changed {
        if c.before == c.after {
            // Same money, priced another way (e.g. an imported row now from the balance).
            proseln!(
                out,
                "#{} {} {}: {}, priced again: {} → {}",
                c.id,
                c.platform,
                c.model,
                money_text(c.after.as_ref()),
                c.pricing_before,
                c.pricing_after
            )?;
        } else {
            proseln!(
                out,
                "#{} {} {}: {} → {} ({})",
                c.id,
                c.platform,
                c.model,
                money_text(c.before.as_ref()),
                money_text(c.after.as_ref()),
                c.pricing_after
            )?;
        }
        for note in &c.notes {
            proseln!(out, "  note: {note}")?;
        }
    }
    let n = outcome.changed.len();
    let verb = if args.dry_run {
        "would change"
    } else {
        "changed"
    };
    proseln!(
        out,
        "{} of {} {verb}{}",
        money::fmt_credits(n.into()),
        money::fmt_count(outcome.examined, "entry", "entries"),
        if outcome.kept_by_choice > 0 {
            format!(
                "; {} kept: priced with your --plan or --price-per-credit",
                outcome.kept_by_choice
            )
        } else {
            String::new()
        }
    )?;
    for t in &outcome.tables {
        proseln!(out, "{}", tables_line(t, args.dry_run))?;
    }
    if args.dry_run && (n > 0 || !outcome.tables.is_empty()) {
        proseln!(out, "nothing written (--dry-run)")?;
    }
    Ok(0)
}
