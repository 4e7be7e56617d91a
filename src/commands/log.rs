//! `credits log`, `fail`, `refund`, `edit`, `rm`: writing the generation log.
//!
//! The workflows are `ops::entries` (pricing: `ops::pricing`); this module turns the flags
//! into their requests and says what happened. The money of an entry is snapshotted when it
//! is logged; `credits reprice` prices it again on request.

use super::Context;
use crate::cli::{EditArgs, LogArgs};
use crate::views::{self, entries::LoggedView};
use anyhow::Result;
use credits_app::ops::entries::{self, LogRequest, StatusAction, StatusChanged};
use credits_app::ops::pricing::PriceRequest;
use credits_core::money;
use credits_core::records::{EntryEdit, Status};
use std::io::Write;

pub fn log(ctx: &Context, args: &LogArgs, out: &mut dyn Write) -> Result<i32> {
    let session = &ctx.session;
    let at = args
        .at
        .as_deref()
        .map(|text| credits_core::dates::parse_past_time(text, &session.now, args.force, "--force"))
        .transpose()?;
    let (project, strict_budget) =
        credits_app::config::for_log(args.project.as_deref(), args.strict_budget)?;
    let req = LogRequest {
        price: PriceRequest {
            platform: args.platform.clone(),
            model: args.model.clone(),
            request: args.request.request()?,
            credits: args.credits,
            plan: args.plan.clone(),
            billing: None,
            price_per_credit: args.price_per_credit,
            at,
            ..PriceRequest::default()
        },
        project,
        tags: args.tags.clone(),
        note: args.note.clone(),
        failed: args.failed,
        discarded: args.discarded,
        strict_budget,
    };
    let logged = entries::log(session, &req)?;
    let mut notes = logged.priced.notes.clone();
    notes.extend(logged.budgets.iter().map(|c| c.note(true)));
    if let Some(b) = &logged.priced.balance {
        if b.after.is_sign_negative() && !b.after.is_zero() {
            notes.push(credits_app::ops::notes::Note::BeyondBalance {
                platform: b.platform.clone(),
                needed: b.needed,
                before: b.before,
                after: b.after,
                logged: true,
            });
        }
    }
    ctx.say(&notes);
    let e = &logged.entry;
    if ctx.json {
        let view = LoggedView::new(e, logged.priced.source.as_str());
        out.write_all(views::json(&view).as_bytes())?;
    } else {
        let cost_text = match &e.cost {
            Some(m) => money::fmt_money(m.amount, &m.currency),
            None => "money unknown".to_string(),
        };
        // A money-billed platform has no credits: "0 credits" would read as free.
        let credits = if logged.priced.source == credits_core::records::PriceSource::MoneyBilled {
            String::new()
        } else {
            // In the table's own unit (Kling's API: units; Midjourney: Fast GPU minutes).
            let unit = ctx
                .session
                .catalog
                .platform(&e.platform)
                .map_or("credits", |p| p.credit_word());
            format!("{} {unit}, ", money::fmt_credits(e.credits))
        };
        proseln!(
            out,
            "logged #{}: {} {}, {credits}{cost_text} ({})",
            e.id,
            e.platform,
            e.model,
            e.pricing
        )?;
    }
    Ok(0)
}

/// Says what a status change did.
fn say_status(out: &mut dyn Write, c: &StatusChanged) -> Result<()> {
    let e = &c.after;
    let id = e.id;
    if !c.changed {
        let since = match (e.status, e.refunded_at) {
            (Status::Refunded, Some(t)) => format!(
                " (refunded at {}; the first refund time stays)",
                t.with_timezone(e.at.offset()).format("%Y-%m-%d %H:%M")
            ),
            _ => String::new(),
        };
        proseln!(out, "#{id} is already {}: nothing changed{since}", e.status)?;
        return Ok(());
    }
    proseln!(
        out,
        "#{id} {} {}: {} → {}",
        e.platform,
        e.model,
        c.before.status,
        e.status
    )?;
    if e.status == Status::Failed {
        // A money-billed generation uses no credits: what is owed is its money.
        let owed = match (&e.cost, e.credits.is_zero()) {
            (Some(m), true) => format!("{} is", money::fmt_money(m.amount, &m.currency)),
            _ => format!("{} credits are", money::fmt_credits(e.credits)),
        };
        proseln!(
            out,
            "{owed} owed until the platform refunds it (`credits refund {id}`)"
        )?;
    }
    if let Some(r) = &c.refund {
        proseln!(
            out,
            "{} credits back in the {} balance",
            money::fmt_credits(r.returned),
            r.platform
        )?;
        if !r.lost.is_zero() {
            proseln!(
                out,
                "{} credits are lost: the grant they came from had expired by {}",
                money::fmt_credits(r.lost),
                credits_app::ops::notes::fmt_time(&r.at)
            )?;
        }
    }
    Ok(())
}

pub fn fail(ctx: &Context, id: i64, force: bool, out: &mut dyn Write) -> Result<i32> {
    let changed = entries::change_status(&ctx.session, id, StatusAction::Fail { force })?;
    say_status(out, &changed)?;
    Ok(0)
}

/// `credits refund ID [--at TIME] [--force] [--allow-future]`: `force` refunds an entry
/// marked ok, and (as it always has) accepts an `--at` in the future, as `allow_future` does.
pub fn refund(
    ctx: &Context,
    id: i64,
    at: Option<&str>,
    force: bool,
    allow_future: bool,
    out: &mut dyn Write,
) -> Result<i32> {
    let at = at
        .map(|text| {
            credits_core::dates::parse_past_time(
                text,
                &ctx.session.now,
                force || allow_future,
                "--force",
            )
        })
        .transpose()?;
    let changed = entries::change_status(&ctx.session, id, StatusAction::Refund { at, force })?;
    say_status(out, &changed)?;
    Ok(0)
}

pub fn edit(ctx: &Context, args: &EditArgs, out: &mut dyn Write) -> Result<i32> {
    let session = &ctx.session;
    let edit = EntryEdit {
        project: args
            .project
            .clone()
            .map(|p| Some(p).filter(|p| !p.is_empty())),
        tags_set: args.tags.clone(),
        tags_remove: args.untag.clone(),
        note: args.note.clone().map(|n| Some(n).filter(|n| !n.is_empty())),
        kept: if args.kept {
            Some(true)
        } else if args.discarded {
            Some(false)
        } else {
            None
        },
    };
    let at = args
        .at
        .as_deref()
        .map(|text| credits_core::dates::parse_past_time(text, &session.now, args.force, "--force"))
        .transpose()?;
    if let Some(status) = args.status {
        let changed = entries::change_status(session, args.id, StatusAction::Set { status, at })?;
        say_status(out, &changed)?;
        if edit == EntryEdit::default() {
            return Ok(0);
        }
    }
    entries::edit(session, args.id, &edit)?;
    proseln!(out, "#{} updated", args.id)?;
    Ok(0)
}

pub fn remove(ctx: &Context, id: i64, out: &mut dyn Write) -> Result<i32> {
    let entry = entries::remove(&ctx.session, id)?;
    proseln!(
        out,
        "removed #{id}: {} {} at {}, {} credits",
        entry.platform,
        entry.model,
        entry.at.format("%Y-%m-%d %H:%M %:z"),
        money::fmt_credits(entry.credits)
    )?;
    Ok(0)
}
