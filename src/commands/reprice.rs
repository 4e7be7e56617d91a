//! `credits reprice [filters] [--dry-run]`: prices logged entries again from today's tables,
//! account and balance (`ops::entries::reprice`) and prints each change, money before →
//! after. Credits stay as logged; prices the user chose (`--plan`, `--price-per-credit`) stay.
//! Then, per platform, which older tables the entries had been priced with, and the current
//! one they are priced with now (schema 4 records it with each entry).

use super::Context;
use crate::cli::RepriceArgs;
use crate::render;
use crate::views::{self, entries::RepriceView};
use anyhow::Result;
use credits_app::ops::entries;
use credits_core::money;
use credits_core::records::Money;
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
        let view = RepriceView::new(&outcome, args.dry_run);
        out.write_all(views::json(&view).as_bytes())?;
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
    let mut kept = String::new();
    if outcome.kept_by_choice > 0 {
        kept.push_str(&format!(
            "; {} kept: priced with your --plan or --price-per-credit",
            outcome.kept_by_choice
        ));
    }
    if outcome.kept_billed_in_money > 0 {
        kept.push_str(&format!(
            "; {} kept: logged in money on a platform whose table now counts credits (no \
             credits were recorded to price again)",
            outcome.kept_billed_in_money
        ));
    }
    proseln!(
        out,
        "{} of {} {verb}{kept}",
        money::fmt_credits(n.into()),
        money::fmt_count(outcome.examined, "entry", "entries"),
    )?;
    for t in &outcome.tables {
        proseln!(out, "{}", tables_line(t, args.dry_run))?;
    }
    if args.dry_run && (n > 0 || !outcome.tables.is_empty()) {
        proseln!(out, "nothing written (--dry-run)")?;
    }
    Ok(0)
}
