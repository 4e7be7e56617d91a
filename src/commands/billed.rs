//! `credits import --from PLATFORM FILE`: what a platform billed, from its API's JSON
//! (`credits_app::ops::billed`), said item by item; and `credits reconcile`, the drift
//! between the tables' estimate and what was billed, under one heading per kind.

use super::Context;
use crate::cli::{ReconcileArgs, SyncArgs};
use crate::render;
use crate::views::{self, billed::BilledImportView, billed::ReconcileView};
use anyhow::{Context as _, Result};
use credits_app::ops::billed::{
    self, BilledAction, BilledImport, BilledKind, BilledSource, DayDrift, DriftUnit,
    FailureEvidence, MATCH_WINDOW_MINUTES,
};
use credits_app::ops::sync;
use credits_core::money;
use credits_store::Matched;
use rust_decimal::Decimal;
use std::io::Write;
use std::path::Path;

pub fn import(ctx: &Context, from: &str, path: &Path, out: &mut dyn Write) -> Result<i32> {
    let source: BilledSource = from.parse()?;
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let import = billed::import_billed(&ctx.session, source, &[text])
        .with_context(|| format!("cannot import {} as {source}'s billing", path.display()))?;
    show(ctx, path, &import, false, out)
}

/// `credits sync PLATFORM [--since DATE]`: the platform's API, fetched and imported, said as
/// `import --from` says a file (the source named by the API's address).
pub fn sync(ctx: &Context, args: &SyncArgs, out: &mut dyn Write) -> Result<i32> {
    let source: BilledSource = args.platform.parse()?;
    let since = sync::since_time(&ctx.session, args.since.as_deref())?;
    let synced = sync::sync(&ctx.session, source, since)?;
    if let Some(why) = &synced.check_error {
        eproseln!("warning: the import is written, but the balance was not checked: {why}");
    }
    if !ctx.json {
        proseln!(
            out,
            "fetched {} from {} since {} ({}{})",
            money::fmt_count(synced.pages as u64, "page", "pages"),
            synced.base,
            synced.since.format("%Y-%m-%d %H:%M UTC"),
            money::fmt_count(u64::from(synced.stats.requests), "request", "requests"),
            match synced.stats.retries {
                0 => String::new(),
                n => format!(", {n} retried after a rate limit"),
            }
        )?;
    }
    if ctx.json {
        let mut view = BilledImportView::new(Path::new(&synced.base), &synced.import);
        view.balance_check = synced.check.as_ref().map(|c| {
            let adjust = (!c.difference().is_zero())
                .then(|| crate::views::check::adjust_command(&ctx.session, c));
            crate::views::balance::CheckView::new(c, adjust)
        });
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    show(ctx, Path::new(&synced.base), &synced.import, true, out)?;
    if let Some(c) = &synced.check {
        let unrecorded = synced.import.units_left_unrecorded;
        proseln!(
            out,
            "\nThe units left now in the packs recorded, checked against the ledger (kept as \
             `credits balance {} --expect` keeps it){}:",
            c.check.platform,
            if unrecorded.is_zero() {
                String::new()
            } else {
                format!(
                    "; {} more units are in packs not recorded above (a size the tables do not \
                     sell): record them with `credits topup` at the price you paid",
                    money::fmt_credits(unrecorded)
                )
            }
        )?;
        out.write_all(crate::views::check::check_text(&ctx.session, c).as_bytes())?;
    }
    Ok(0)
}

/// What an import of billing did, item by item (`--json`: [`BilledImportView`]).
/// How many of the generations an import left unpriced are named, one line each.
const UNPRICED_SHOWN: usize = 5;

/// `fetched`: the documents came from the API just now (`sync`), not from a file.
fn show(
    ctx: &Context,
    path: &Path,
    import: &BilledImport,
    fetched: bool,
    out: &mut dyn Write,
) -> Result<i32> {
    if ctx.json {
        out.write_all(views::json(&BilledImportView::new(path, import)).as_bytes())?;
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
    if c.topups_added > 0 || c.topups_matched > 0 {
        parts.push(format!(
            "{} recorded, {} matched to top-ups you recorded",
            money::fmt_count(
                c.topups_added as u64,
                "pack as a top-up",
                "packs as top-ups"
            ),
            c.topups_matched
        ));
    }
    if import.items.is_empty() {
        parts.push("nothing listed in it".into());
    } else {
        parts.push(format!("{} already in the log", c.already));
    }
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
            BilledAction::TopupAdded {
                topup_id,
                pack,
                said,
            } => {
                format!("{said}; recorded as top-up #{topup_id}, priced as the tables' pack {pack}")
            }
            BilledAction::TopupMatched { topup_id, said } => format!(
                "{said}; matched top-up #{topup_id} recorded by hand (its price kept, its \
                 validity now the platform's)"
            ),
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
    // Entries added at an unknown cost are said apart, with why, so an unpriced generation
    // is never only a line among the others.
    let unpriced: Vec<&credits_app::ops::billed::BilledItem> = import
        .items
        .iter()
        .filter(|i| i.unpriced.is_some())
        .collect();
    if !unpriced.is_empty() {
        proseln!(
            out,
            "{} left unpriced (cost unknown, never counted as 0):",
            money::fmt_count(unpriced.len() as u64, "generation", "generations")
        )?;
        for item in unpriced.iter().take(UNPRICED_SHOWN) {
            proseln!(
                out,
                "  {} {}: {}",
                item.reference,
                item.model,
                item.unpriced.as_deref().unwrap_or_default()
            )?;
        }
        if unpriced.len() > UNPRICED_SHOWN {
            proseln!(out, "  and {} more", unpriced.len() - UNPRICED_SHOWN)?;
        }
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
    if let (Some(left), false) = (import.units_left, fetched) {
        // A file was downloaded some time ago: what it says is left is the balance then. Only
        // the packs recorded are the ledger's to check.
        let unrecorded = import.units_left_unrecorded;
        let recorded = left.checked_sub(unrecorded).unwrap_or(left);
        proseln!(
            out,
            "The packs usable now have {} units left{}, as of when the file was made: `credits \
             balance {} --expect {} --at WHEN`, WHEN the time you downloaded it, checks the \
             ledger against the packs recorded.",
            money::fmt_credits(left),
            if unrecorded.is_zero() {
                String::new()
            } else {
                format!(
                    " ({} in packs not recorded: record those first, with the price you paid)",
                    money::fmt_credits(unrecorded)
                )
            },
            import.platform,
            recorded.normalize()
        )?;
    }
    if !unknown.is_empty() {
        eproseln!(
            "note: not in the tables, kept under {}'s own name with no estimate (never priced at 0): {}",
            import.platform,
            unknown.join(", ")
        );
    }
    Ok(0)
}

/// An amount in its unit: money with its currency's sign, credits as credits; `unknown`.
fn amount(value: Option<Decimal>, unit: &DriftUnit) -> String {
    match (value, unit) {
        (None, _) => "unknown".into(),
        (Some(v), DriftUnit::Money(c)) => money::fmt_money_digits(v, c),
        (Some(v), DriftUnit::Credits) => format!("{} credits", money::fmt_credits(v)),
    }
}

/// A difference with its sign: `+$0.10` (billed more than estimated), `-$0.10`.
fn signed(value: Option<Decimal>, unit: &DriftUnit) -> String {
    match value {
        None => "unknown".into(),
        Some(v) if v.is_sign_negative() && !v.is_zero() => format!("-{}", amount(Some(-v), unit)),
        Some(v) if v.is_zero() => amount(Some(v), unit),
        Some(v) => format!("+{}", amount(Some(v), unit)),
    }
}

fn day_rows(days: &[DayDrift], with_difference: bool) -> Vec<Vec<String>> {
    days.iter()
        .map(|d| {
            let mut row = vec![
                d.day.to_string(),
                d.platform.clone(),
                d.model.clone(),
                d.logged.to_string(),
                if d.logged > 0 {
                    amount(d.estimated, &d.unit)
                } else {
                    "-".into()
                },
                match d.billed {
                    Some(_) => amount(d.billed, &d.unit),
                    None => "-".into(),
                },
            ];
            if with_difference {
                row.push(signed(d.difference(), &d.unit));
            }
            row
        })
        .collect()
}

pub fn reconcile(ctx: &Context, args: &ReconcileArgs, out: &mut dyn Write) -> Result<i32> {
    let since = args
        .since
        .as_deref()
        .map(|t| credits_core::dates::parse_since(t, &ctx.session.now))
        .transpose()?
        .map(|t| t.date_naive());
    let r = billed::reconcile(&ctx.session, args.platform.as_deref(), since)?;
    if ctx.json {
        out.write_all(views::json(&ReconcileView::new(&r)).as_bytes())?;
        return Ok(0);
    }
    if r.totals.is_empty()
        && r.generations_not_logged.is_empty()
        && r.logged_not_billed.is_empty()
        && r.failures_charged.is_empty()
        && r.not_compared.is_empty()
    {
        // A platform whose export lists prepaid packs has no usage to set against the log:
        // its packs are top-ups, checked against the ledger as a balance.
        let packs = args.platform.as_deref().and_then(|typed| {
            let id = ctx.session.catalog.platform(typed).ok()?.id.clone();
            BilledSource::packs_of(&id).map(|s| (id, s))
        });
        match packs {
            Some((id, source)) => proseln!(
                out,
                "Nothing billed to set against the log{}: {source}'s export lists prepaid packs, \
                 not usage. They are top-ups of {id} (`credits import --from {source} FILE`, \
                 `credits sync {source}`), and what they have left is checked against the \
                 ledger by `credits balance {id} --expect N` (which `sync {source}` does itself).",
                since.map(|d| format!(" since {d}")).unwrap_or_default()
            )?,
            None => proseln!(
                out,
                "Nothing billed to set against the log{}: import what a platform billed first \
                 (credits import --from fal|replicate|openai|runway|kling FILE).",
                since.map(|d| format!(" since {d}")).unwrap_or_default()
            )?,
        }
        return Ok(0);
    }
    let day_columns = |with_difference: bool| {
        let mut c = vec![
            render::Column::essential("day"),
            render::Column::optional("platform", 2),
            render::Column::shrinkable("model", 3, 12),
            render::Column::optional("logged", 1),
            render::Column::essential("estimated"),
            render::Column::essential("billed"),
        ];
        if with_difference {
            c.push(render::Column::essential("difference"));
        }
        c
    };
    if !r.totals.is_empty() {
        proseln!(
            out,
            "Totals (estimated: the tables' price of what you logged; billed: what the platform reported)"
        )?;
        let rows = r
            .totals
            .iter()
            .map(|t| {
                vec![
                    t.platform.clone(),
                    format!("{} to {}", t.from, t.to),
                    amount(Some(t.estimated), &t.unit),
                    if t.unpriced > 0 {
                        t.unpriced.to_string()
                    } else {
                        "-".into()
                    },
                    amount(Some(t.billed), &t.unit),
                    signed(t.difference(), &t.unit),
                ]
            })
            .collect();
        out.write_all(
            render::table(
                &[
                    render::Column::essential("platform"),
                    render::Column::optional("days", 1),
                    render::Column::essential("estimated"),
                    render::Column::optional("unpriced", 2),
                    render::Column::essential("billed"),
                    render::Column::essential("difference"),
                ],
                rows,
            )
            .as_bytes(),
        )?;
    }
    let sections: [(&str, &[DayDrift], bool); 3] = [
        ("Largest differences", &r.largest, true),
        ("Billed but never logged", &r.billed_not_logged, false),
        ("Logged but never billed", &r.logged_not_billed, false),
    ];
    for (title, days, diff) in sections {
        if days.is_empty() {
            continue;
        }
        proseln!(out)?;
        proseln!(out, "{title}")?;
        out.write_all(render::table(&day_columns(diff), day_rows(days, diff)).as_bytes())?;
    }
    if !r.generations_not_logged.is_empty() {
        proseln!(out)?;
        proseln!(
            out,
            "Generations billed but never logged (the import added them)"
        )?;
        let rows = r
            .generations_not_logged
            .iter()
            .map(|g| {
                vec![
                    g.at.format("%Y-%m-%d %H:%M").to_string(),
                    g.platform.clone(),
                    g.model.clone(),
                    g.reference.clone(),
                    g.status.to_string(),
                    g.entry_id.map(|i| i.to_string()).unwrap_or("-".into()),
                ]
            })
            .collect();
        out.write_all(
            render::table(
                &[
                    render::Column::essential("time (UTC)"),
                    render::Column::optional("platform", 2),
                    render::Column::shrinkable("model", 3, 12),
                    render::Column::shrinkable("platform's id", 4, 8),
                    render::Column::essential("status"),
                    render::Column::optional("entry", 1),
                ],
                rows,
            )
            .as_bytes(),
        )?;
    }
    if !r.failures_charged.is_empty() {
        proseln!(out)?;
        proseln!(out, "Failures charged")?;
        let rows = r
            .failures_charged
            .iter()
            .map(|f| {
                vec![
                    f.entry_id.to_string(),
                    f.at.format("%Y-%m-%d %H:%M").to_string(),
                    f.platform.clone(),
                    f.model.clone(),
                    amount(f.estimated, &f.unit),
                    match f.evidence {
                        FailureEvidence::DayBilledInFull => "its day billed in full".into(),
                        FailureEvidence::ListedFailed => "failed runs are billed".into(),
                    },
                ]
            })
            .collect();
        out.write_all(
            render::table(
                &[
                    render::Column::essential("entry"),
                    render::Column::essential("time (UTC)"),
                    render::Column::optional("platform", 2),
                    render::Column::shrinkable("model", 3, 12),
                    render::Column::essential("estimated"),
                    render::Column::optional("why", 1),
                ],
                rows,
            )
            .as_bytes(),
        )?;
    }
    if !r.not_compared.is_empty() {
        proseln!(out)?;
        proseln!(
            out,
            "Not compared: billed in another unit than the log's estimate (amounts in two \
             currencies are never added nor compared)"
        )?;
        let rows = r
            .not_compared
            .iter()
            .map(|n| {
                let (value, unit) = match &n.line.amount {
                    Some(m) => (Some(m.amount), DriftUnit::Money(m.currency.clone())),
                    None => (n.line.credits, DriftUnit::Credits),
                };
                vec![
                    n.line.day.to_string(),
                    n.line.platform.clone(),
                    n.line.model.clone(),
                    amount(value, &unit),
                    match &n.estimated_in {
                        DriftUnit::Money(c) => c.clone(),
                        DriftUnit::Credits => "credits".into(),
                    },
                ]
            })
            .collect();
        out.write_all(
            render::table(
                &[
                    render::Column::essential("day"),
                    render::Column::optional("platform", 2),
                    render::Column::shrinkable("model", 3, 12),
                    render::Column::essential("billed"),
                    render::Column::essential("estimated in"),
                ],
                rows,
            )
            .as_bytes(),
        )?;
    }
    Ok(0)
}
