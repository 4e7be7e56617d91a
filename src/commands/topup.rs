//! `credits topup` and `credits adjust`: credits that arrive outside the subscription, and
//! corrections. This module turns the flags into the record (pack, price, expiry) and says
//! what happened; the checks and the write are `ops::balances`. `topup list | rm` and
//! `adjust list | rm` list them and undo one, saying the balance before → after.

use super::Context;
use crate::cli::{AdjustArgs, AdjustCommand, TopupArgs, TopupCommand};
use crate::error::{fail, fail_with_help};
use crate::views::{
    self,
    account::{
        adjustments_table, topups_table, AdjustView, AdjustmentRowView, RemovedView, TopupRowView,
        TopupView,
    },
    Dec,
};
use anyhow::Result;
use chrono::{DateTime, Duration, Utc};
use credits_app::ops::balances;
use credits_app::ops::ledger as ledgers;
use credits_app::ops::notes::fmt_time as fmt_local;
use credits_app::ops::Session;
use credits_core::money;
use credits_core::pricing::{Expiry, Platform};
use credits_core::records::{Adjustment, Topup, TopupExpiry};
use credits_core::slug;
use rust_decimal::Decimal;
use std::io::Write;

fn credit_platform<'a>(ctx: &'a Context, name: &str) -> Result<&'a Platform> {
    credits_app::ops::resolve::credit_platform(&ctx.session.catalog, name)
}

/// `--at` [default: now]; more than a day ahead needs `override_flag` (given: `allow_future`).
fn when(
    ctx: &Context,
    at: Option<&str>,
    allow_future: bool,
    override_flag: &str,
) -> Result<DateTime<Utc>> {
    let t = match at {
        Some(text) => credits_core::dates::parse_past_time(
            text,
            &ctx.session.now,
            allow_future,
            override_flag,
        )?,
        None => ctx.session.now,
    };
    Ok(t.with_timezone(&Utc))
}

/// A pack by id or name; an unknown one lists the packs there are.
fn find_pack<'a>(p: &'a Platform, typed: &str) -> Result<&'a credits_core::pricing::Pack> {
    if let Some(pack) = p
        .packs
        .iter()
        .find(|k| slug::matches(typed, &k.id, &k.name))
    {
        return Ok(pack);
    }
    if p.packs.is_empty() {
        return Err(fail_with_help(
            format!("unknown pack `{typed}`: {} has no packs in its table", p.id),
            "record the purchase with --credits N --price X",
        ));
    }
    let ids: Vec<&str> = p.packs.iter().map(|k| k.id.as_str()).collect();
    let close = slug::suggest(typed, ids.iter().copied());
    let mut help = String::new();
    if !close.is_empty() {
        let quoted: Vec<String> = close.iter().map(|id| format!("`{id}`")).collect();
        help.push_str(&format!("did you mean {}? ", quoted.join(" or ")));
    }
    help.push_str(&format!("{} packs: {}", p.id, ids.join(", ")));
    Err(fail_with_help(
        format!("unknown pack `{typed}` on {}", p.id),
        help,
    ))
}

fn expiry_at(at: DateTime<Utc>, days: u32) -> Result<TopupExpiry> {
    Duration::try_days(i64::from(days))
        .and_then(|d| at.checked_add_signed(d))
        .map(TopupExpiry::At)
        .ok_or_else(|| fail(format!("{days} days after {at} is out of range")))
}

/// The expiry every pack of the table shares, if they agree.
fn table_expiry(p: &Platform) -> Option<Expiry> {
    let first = p.packs.first()?.expiry;
    p.packs.iter().all(|k| k.expiry == first).then_some(first)
}

pub fn topup(ctx: &Context, args: &TopupArgs, out: &mut dyn Write) -> Result<i32> {
    match &args.command {
        Some(TopupCommand::List { platform }) => return list_topups(ctx, platform.as_deref(), out),
        Some(TopupCommand::Rm { id, force }) => return remove_topup(ctx, *id, *force, out),
        None => {}
    }
    let platform = args.platform.as_deref().unwrap_or_default();
    let p = credit_platform(ctx, platform)?;
    let at = when(ctx, args.at.as_deref(), args.force, "--force")?;
    let mut notes = Vec::new();
    let (pack, name, credits, bonus, price, expiry) = match (&args.pack, args.credits, args.price) {
        (Some(typed), _, _) => {
            let pack = find_pack(p, typed)?;
            let expiry = match pack.expiry {
                Expiry::Never => TopupExpiry::Never,
                Expiry::AfterDays(days) => expiry_at(at, days)?,
                Expiry::Unknown => {
                    notes.push(format!(
                        "the {} table does not say when {} expires: spent last, like credits that never expire",
                        p.id, pack.name
                    ));
                    TopupExpiry::Unknown
                }
            };
            // `--price` with a pack: what you really paid (a discount, tax), not the table's.
            let paid = match args.price {
                Some(paid) if paid != pack.price => {
                    notes.push(format!(
                        "recorded at the {} you paid, not the table's {} for {}",
                        money::fmt_money(paid, &p.currency),
                        money::fmt_money(pack.price, &p.currency),
                        pack.name
                    ));
                    paid
                }
                _ => pack.price,
            };
            // `--expires-in` / `--never-expires` with a pack: what the platform told you (a
            // pack's validity can differ from the table's), not dropped.
            let expiry = match (args.expires_in, args.never_expires) {
                (Some(0), _) => {
                    return Err(fail_with_help(
                        "--expires-in must be at least 1 day (0 days would expire the credits as they are bought)",
                        "--never-expires says they never expire",
                    ))
                }
                (Some(days), _) => {
                    notes.push(format!(
                        "expires after the {days} days you gave, not the table's for {}",
                        pack.name
                    ));
                    expiry_at(at, days)?
                }
                (None, true) => TopupExpiry::Never,
                (None, false) => expiry,
            };
            (
                Some(pack.id.clone()),
                Some(pack.name.clone()),
                pack.credits,
                pack.bonus,
                paid,
                expiry,
            )
        }
        (None, Some(credits), Some(price)) => {
            let expiry = match (args.expires_in, args.never_expires) {
                // The store's CHECK (expiry after purchase), said in the flag's words.
                (Some(0), _) => {
                    return Err(fail_with_help(
                        "--expires-in must be at least 1 day (0 days would expire the credits as they are bought)",
                        "--never-expires says they never expire",
                    ))
                }
                (Some(days), _) => expiry_at(at, days)?,
                (None, true) => TopupExpiry::Never,
                (None, false) => match table_expiry(p) {
                    Some(Expiry::AfterDays(days)) => {
                        notes.push(format!(
                            "expires after {days} days, like every {} pack in the table (--expires-in DAYS or --never-expires to say otherwise)",
                            p.id
                        ));
                        expiry_at(at, days)?
                    }
                    Some(Expiry::Never) => TopupExpiry::Never,
                    _ => {
                        notes.push(
                            "expiry unknown: spent last, like credits that never expire (--expires-in DAYS to give it)"
                                .to_string(),
                        );
                        TopupExpiry::Unknown
                    }
                },
            };
            (None, None, credits, Decimal::ZERO, price, expiry)
        }
        _ => unreachable!("clap requires --pack, or --credits with --price"),
    };
    if credits.is_zero() {
        return Err(fail("a top-up needs more than 0 credits"));
    }
    let total = money::add(credits, bonus)?;
    let topup = Topup {
        // The workflow records who, on which machine (`Session::who`).
        who: Default::default(),
        id: 0,
        platform: p.id.clone(),
        pack,
        credits,
        bonus,
        price,
        currency: p.currency.clone(),
        at,
        expiry,
    };
    let recorded = balances::record_topup(&ctx.session, p, &topup)?;
    notes.extend(recorded.notes.iter().map(|n| n.to_string()));
    let (id, available) = (recorded.id, recorded.available);
    let per_credit = money::to_decimal(&money::rdiv(&money::ratio(price), &money::ratio(total))?);
    let expires = match expiry {
        TopupExpiry::Never => "never expire".to_string(),
        TopupExpiry::At(t) => format!("expire {}", fmt_time(&ctx.session, t)),
        TopupExpiry::Unknown => "expiry unknown".to_string(),
    };
    if ctx.json {
        let view = TopupView {
            id,
            platform: &p.id,
            pack: topup.pack.as_deref(),
            credits: Dec(credits),
            bonus: Dec(bonus),
            price: Dec(price),
            currency: &p.currency,
            price_per_credit: Dec(per_credit),
            at: at.to_rfc3339(),
            expires_at: match expiry {
                TopupExpiry::At(t) => Some(t.to_rfc3339()),
                _ => None,
            },
            available: available.map(|(_, a)| Dec(a)),
        };
        out.write_all(views::json(&view).as_bytes())?;
    } else {
        let what = match (&name, bonus.is_zero()) {
            (Some(name), true) => format!(" ({name})"),
            (Some(name), false) => format!(
                " ({name}: {} + {} bonus)",
                money::fmt_credits(credits),
                money::fmt_credits(bonus)
            ),
            (None, _) => String::new(),
        };
        proseln!(
            out,
            "top-up #{id} on {}: +{} credits{what} for {}, {} per credit; {expires}",
            p.id,
            money::fmt_credits(total),
            money::fmt_money(price, &p.currency),
            money::fmt_money(per_credit, &p.currency),
        )?;
        if let Some((as_of, available)) = available {
            proseln!(
                out,
                "{} balance: {} credits as of {}",
                p.id,
                money::fmt_credits(available),
                fmt_time(&ctx.session, as_of)
            )?;
        }
    }
    for note in notes {
        eproseln!("note: {note}");
    }
    Ok(0)
}

pub fn adjust(ctx: &Context, args: &AdjustArgs, out: &mut dyn Write) -> Result<i32> {
    match &args.command {
        Some(AdjustCommand::List { platform }) => {
            return list_adjustments(ctx, platform.as_deref(), out)
        }
        Some(AdjustCommand::Rm { id, force }) => return remove_adjustment(ctx, *id, *force, out),
        None => {}
    }
    let platform = args.platform.as_deref().unwrap_or_default();
    let p = credit_platform(ctx, platform)?;
    let credits = args.credits.unwrap_or_default();
    if credits.is_zero() {
        return Err(fail("an adjustment of 0 credits changes nothing"));
    }
    let note = args.note.as_deref().unwrap_or_default();
    if note.trim().is_empty() {
        return Err(fail_with_help(
            "the note is empty",
            "say why, e.g. --note \"signup bonus\"",
        ));
    }
    let at = when(ctx, args.at.as_deref(), args.allow_future, "--allow-future")?;
    let adjustment = Adjustment {
        // The workflow records who, on which machine (`Session::who`).
        who: Default::default(),
        id: 0,
        platform: p.id.clone(),
        credits,
        note: note.trim().to_string(),
        at,
    };
    let taking = credits.is_sign_negative();
    let recorded = balances::record_adjustment(&ctx.session, p, &adjustment, args.force)?;
    ctx.say(&recorded.notes);
    let (id, after) = (recorded.id, recorded.available);
    if ctx.json {
        let view = AdjustView {
            id,
            platform: &p.id,
            credits: Dec(credits),
            note: &adjustment.note,
            at: at.to_rfc3339(),
            available: after.map(|(_, a)| Dec(a)),
        };
        out.write_all(views::json(&view).as_bytes())?;
    } else {
        let sign = if taking { "" } else { "+" };
        proseln!(
            out,
            "adjustment #{id} on {}: {sign}{} credits ({})",
            p.id,
            money::fmt_credits(credits),
            adjustment.note
        )?;
        if let Some((as_of, available)) = after {
            proseln!(
                out,
                "{} balance: {} credits as of {}",
                p.id,
                money::fmt_credits(available),
                fmt_time(&ctx.session, as_of)
            )?;
        }
    }
    if let Some((_, available)) = after {
        if available.is_sign_negative() && !available.is_zero() {
            eproseln!(
                "note: {}the {} balance is below zero ({} credits)",
                if taking && args.force {
                    "--force: "
                } else {
                    ""
                },
                p.id,
                money::fmt_credits(available)
            );
        }
    }
    Ok(0)
}

/// A ledger time for people, in the user's offset.
fn fmt_time(session: &Session, t: chrono::DateTime<chrono::Utc>) -> String {
    fmt_local(&ledgers::local(session, t))
}

/// A platform typed on `list`, resolved to its id (one no table knows is taken as typed: its
/// records may predate the table's removal).
fn platform_filter(ctx: &Context, typed: Option<&str>) -> Option<String> {
    typed.map(|t| {
        credit_platform(ctx, t)
            .map(|p| p.id.clone())
            .unwrap_or_else(|_| t.to_string())
    })
}

fn list_topups(ctx: &Context, platform: Option<&str>, out: &mut dyn Write) -> Result<i32> {
    let platform = platform_filter(ctx, platform);
    let rows = balances::topups(&ctx.session, platform.as_deref())?;
    if ctx.json {
        let view: Vec<TopupRowView> = rows.iter().map(TopupRowView::new).collect();
        out.write_all(views::json(&view).as_bytes())?;
    } else if rows.is_empty() {
        proseln!(
            out,
            "no top-ups recorded; `credits topup PLATFORM --pack PACK` records one"
        )?;
    } else {
        out.write_all(topups_table(&rows, ctx.session.offset()).as_bytes())?;
    }
    Ok(0)
}

fn list_adjustments(ctx: &Context, platform: Option<&str>, out: &mut dyn Write) -> Result<i32> {
    let platform = platform_filter(ctx, platform);
    let rows = balances::adjustments(&ctx.session, platform.as_deref())?;
    if ctx.json {
        let view: Vec<AdjustmentRowView> = rows.iter().map(AdjustmentRowView::new).collect();
        out.write_all(views::json(&view).as_bytes())?;
    } else if rows.is_empty() {
        proseln!(
            out,
            "no adjustments recorded; `credits adjust PLATFORM N --note TEXT` records one"
        )?;
    } else {
        out.write_all(adjustments_table(&rows, ctx.session.offset()).as_bytes())?;
    }
    Ok(0)
}

/// The balance line after a removal (`2,505 → 1,505 credits`) and, when forced, what it left
/// beyond the balance.
fn say_removed<T>(ctx: &Context, r: &balances::Removed<T>, out: &mut dyn Write) -> Result<()> {
    // `2,505 → 1,505 credits`; `5,000 credits → no balance` when it removed the last record.
    let change = match (r.before, r.after) {
        (Some(b), Some(a)) => Some(format!(
            "{} → {} credits",
            money::fmt_credits(b),
            money::fmt_credits(a)
        )),
        (Some(b), None) => Some(format!("{} credits → no balance", money::fmt_credits(b))),
        (None, Some(a)) => Some(format!("no balance → {} credits", money::fmt_credits(a))),
        (None, None) => None,
    };
    if let Some(change) = change {
        proseln!(
            out,
            "{} balance: {change} as of {}",
            r.platform,
            fmt_time(&ctx.session, r.as_of)
        )?;
    }
    if r.still_named > 0 {
        let entries = if r.still_named == 1 {
            "1 entry still says it was".to_string()
        } else {
            format!("{} entries still say they were", r.still_named)
        };
        eproseln!(
            "note: {entries} priced from it; `credits reprice --platform {}` prices them again from the balance as it is now",
            r.platform
        );
    }
    if !r.uncovered.is_zero() {
        eproseln!(
            "note: --force: {} credits of {} generations paid from it are now beyond the balance; `credits reprice --platform {}` prices them again",
            money::fmt_credits(r.uncovered),
            r.platform,
            r.platform
        );
    }
    Ok(())
}

fn remove_topup(ctx: &Context, id: i64, force: bool, out: &mut dyn Write) -> Result<i32> {
    let removed = balances::remove_topup(&ctx.session, id, force)?;
    let t = &removed.record;
    if ctx.json {
        let listed = balances::Listed {
            record: t.clone(),
            left: None,
        };
        let view = RemovedView::new(TopupRowView::new(&listed), &removed);
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    let total = money::add(t.credits, t.bonus)?;
    proseln!(
        out,
        "removed top-up #{id} on {}: +{} credits for {}, bought {}",
        t.platform,
        money::fmt_credits(total),
        money::fmt_money(t.price, &t.currency),
        fmt_time(&ctx.session, t.at)
    )?;
    say_removed(ctx, &removed, out)?;
    Ok(0)
}

fn remove_adjustment(ctx: &Context, id: i64, force: bool, out: &mut dyn Write) -> Result<i32> {
    let removed = balances::remove_adjustment(&ctx.session, id, force)?;
    let a = &removed.record;
    if ctx.json {
        let listed = balances::Listed {
            record: a.clone(),
            left: None,
        };
        let view = RemovedView::new(AdjustmentRowView::new(&listed), &removed);
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    let sign = if a.credits.is_sign_negative() {
        ""
    } else {
        "+"
    };
    proseln!(
        out,
        "removed adjustment #{id} on {}: {sign}{} credits ({}), {}",
        a.platform,
        money::fmt_credits(a.credits),
        a.note,
        fmt_time(&ctx.session, a.at)
    )?;
    say_removed(ctx, &removed, out)?;
    Ok(0)
}
