//! `credits balance`: each platform's credits as of a time — by source, what expires next,
//! the next renewal, what the balance buys. The ledger is read through `ops::ledger`; this
//! module picks the time (`--as-of`, default now) and renders.

use super::Context;
use crate::cli::BalanceArgs;
use crate::error::{fail_with_help, EXIT_BALANCE_DIFFERS, EXIT_OK};
use crate::render;
use crate::views::check::{adjust_command, check_text, clips_text, fmt_time};
use crate::views::columns::{self, ViewColumn};
use crate::views::{self, balance::BalanceView, balance::PlatformBalanceView, budgets::BudgetView};
use anyhow::Result;
use chrono::{DateTime, Utc};
use credits_app::ops::checks::{self, LastChecks};
use credits_app::ops::ledger::{self as ledgers, Buys};
use credits_app::ops::pace::{self, Pace};
use credits_app::ops::{budgets, resolve, Session};
use credits_core::ledger::build::Built;
use credits_core::ledger::{Expires, Ledger, Source};
use credits_core::money;
use credits_core::pricing::Platform;
use rust_decimal::Decimal;
use std::io::Write;

fn buys_text(b: &Buys) -> String {
    format!("enough for {}", clips_text(b, b.count))
}

fn ratio_text(value: Option<&money::Ratio>, currency: &str) -> String {
    value.map_or_else(
        || "unknown".to_string(),
        |r| money::fmt_money(money::to_decimal(r), currency),
    )
}

fn expires_text(session: &Session, e: &Expires) -> String {
    match e {
        Expires::At(t) => fmt_time(session, *t),
        Expires::Never => "never".to_string(),
        Expires::Unknown => "unknown".to_string(),
    }
}

/// One platform's balance, ready to show.
struct View<'a> {
    platform: &'a Platform,
    built: Built,
    buys: Option<Buys>,
    pace: Pace,
    checks: Option<LastChecks>,
    /// Top-ups usable only after the time shown (a pack bought to start later): not in the
    /// balance yet, said so they are not missed. (id, credits with bonus, from.)
    waiting: Vec<(i64, Decimal, DateTime<Utc>)>,
}

/// A rate of credits a day, to 2 places.
fn per_day(rate: &pace::Rate) -> String {
    money::fmt_credits(views::balance::two_places(rate.per_day))
}

/// What the credits are called, by where they came from.
fn source_words(source: Source) -> &'static str {
    match source {
        Source::Subscription => "plan",
        Source::Pack => "top-up",
        Source::Bonus => "bonus",
        Source::Adjustment => "adjustment",
    }
}

/// The pace rows: the rates, when the balance runs out, what expires unused first.
fn pace_rows(session: &Session, p: &Pace, rows: &mut Vec<(&str, String)>) {
    let day = |t: DateTime<Utc>| ledgers::local(session, t).date_naive().to_string();
    rows.push((
        "pace",
        format!(
            "{} credits a day over the last {} days, {} this {} (since {})",
            per_day(&p.recent),
            views::balance::two_places(p.recent.days).normalize(),
            per_day(&p.period),
            if p.plan_period { "period" } else { "month" },
            day(p.period.from)
        ),
    ));
    let runs_out = match p.projection.runs_out {
        None => "not at this pace".to_string(),
        Some(t) if t <= p.recent.to => "now (nothing left)".to_string(),
        Some(t) => format!("{} at this pace", day(t)),
    };
    rows.push(("runs out", runs_out));
    if let Some(e) = p
        .projection
        .first_expiry
        .as_ref()
        .filter(|e| !e.unused.is_zero())
    {
        let what = if e.source == Source::Subscription {
            "reset unused"
        } else {
            "expire unused"
        };
        let before = e.before.map_or_else(String::new, |b| {
            format!(" — spend these before your {} credits", source_words(b))
        });
        rows.push((
            "expires first",
            format!(
                "{} {} credits {what} on {} at this pace{before}",
                money::fmt_credits(views::balance::two_places(e.unused)),
                source_words(e.source),
                day(e.at)
            ),
        ));
    }
}

/// The columns of the table of live grants (a row is a grant's index in the ledger).
fn grant_columns<'c>(
    session: &'c Session,
    l: &'c Ledger,
    currency: &'c str,
) -> Vec<ViewColumn<'c, usize>> {
    vec![
        ViewColumn::new(render::Column::shrinkable("grant", 3, 16), |&i: &usize| {
            l.grants[i].label.clone()
        }),
        ViewColumn::new(render::Column::optional("source", 2), |&i: &usize| {
            l.grants[i].source.as_str().to_string()
        }),
        ViewColumn::new(render::Column::essential("left"), |&i: &usize| {
            money::fmt_credits(l.grant_states[i].remaining)
        }),
        // A grant is read for what is left of it and when that goes (issue 22, item 5).
        ViewColumn::new(render::Column::essential("expires"), move |&i: &usize| {
            expires_text(session, &l.grants[i].expires)
        }),
        ViewColumn::new(
            render::Column::optional("per credit", 1),
            move |&i: &usize| ratio_text(l.grants[i].price_per_credit.as_ref(), currency),
        ),
    ]
}

fn text(session: &Session, v: &View, as_of_label: &str) -> Result<String> {
    let l: &Ledger = &v.built.ledger;
    let t = &l.totals;
    let currency = &v.platform.currency;
    let mut rows: Vec<(&str, String)> = Vec::new();
    let available = if t.available.is_sign_negative() && !t.available.is_zero() {
        format!(
            "{} credits: below zero, {} credits spent beyond what was recorded (record the \
             top-up or adjustment that paid for them)",
            money::fmt_credits(t.available),
            money::fmt_credits(t.deficit)
        )
    } else {
        format!("{} credits", money::fmt_credits(t.available))
    };
    rows.push(("available", available));
    let by_source = l.available_by_source()?;
    let labels: Vec<(String, Decimal)> = by_source
        .into_iter()
        .filter(|(_, c)| !c.is_zero())
        .map(|(s, c)| (format!("  {}", s.as_str()), c))
        .collect();
    for (label, credits) in &labels {
        rows.push((label.as_str(), money::fmt_credits(*credits)));
    }
    let mut text = format!("{} · as of {as_of_label}\n", v.platform.id);
    match l.next_expiry()? {
        Some(n) => rows.push((
            "next expiry",
            format!(
                "{} credits on {}",
                money::fmt_credits(n.credits),
                fmt_time(session, n.at)
            ),
        )),
        None => rows.push(("next expiry", "none".to_string())),
    }
    if !v.waiting.is_empty() {
        let texts: Vec<String> = v
            .waiting
            .iter()
            .map(|(id, credits, from)| {
                format!(
                    "{} credits from {} (top-up #{id})",
                    money::fmt_credits(*credits),
                    fmt_time(session, *from)
                )
            })
            .collect();
        rows.push(("not usable yet", texts.join("; ")));
    }
    if let Some(r) = &v.built.next_renewal {
        let what = match r.credits {
            Some(c) => format!("+{} credits", money::fmt_credits(c)),
            None => "credits unknown".to_string(),
        };
        let kind = if r.change { "plan change to " } else { "" };
        rows.push((
            "next renewal",
            format!("{}: {what} ({kind}{})", fmt_time(session, r.at), r.plan),
        ));
    }
    if let Some(b) = &v.buys {
        rows.push(("buys", buys_text(b)));
    }
    pace_rows(session, &v.pace, &mut rows);
    if let Some(c) = &v.checks {
        rows.push((
            "last checked",
            views::balance::last_checked_text(session.offset(), c),
        ));
    }
    let lost = l.lost_on_refund()?;
    if !lost.is_zero() {
        rows.push((
            "lost",
            format!(
                "{} credits refunded after their grant had expired",
                money::fmt_credits(lost)
            ),
        ));
    }
    rows.push((
        "ledger",
        format!(
            "{} granted − {} spent + {} refunded − {} expired = {}",
            money::fmt_credits(t.granted),
            money::fmt_credits(t.spent),
            money::fmt_credits(t.refunded),
            money::fmt_credits(t.expired),
            money::fmt_credits(t.available)
        ),
    ));
    text.push_str(&render::key_values(rows));
    let live: Vec<usize> = l.live_grants();
    if !live.is_empty() {
        text.push_str(&columns::table(&grant_columns(session, l, currency), &live));
    }
    for note in &v.built.notes {
        text.push_str(&render::paragraph(&format!("note: {note}\n")));
    }
    Ok(text)
}

pub fn run(ctx: &Context, args: &BalanceArgs, out: &mut dyn Write) -> Result<i32> {
    if let Some(expected) = args.expect {
        return check(ctx, args, expected, out);
    }
    let session = &ctx.session;
    let store = session.store_for_reading()?;
    let as_of = ledgers::parse_as_of(session, args.as_of.as_deref())?;
    let as_of_label = match &args.as_of {
        None => session.now.format("%Y-%m-%d %H:%M").to_string(),
        Some(text) if text.trim().len() == 10 => {
            format!("the end of {}", ledgers::local(session, as_of).date_naive())
        }
        Some(_) => ledgers::local(session, as_of)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
    };
    let ids: Vec<String> = match &args.platform {
        Some(name) => vec![resolve::credit_platform(&session.catalog, name)?.id.clone()],
        None => store.ledger_platforms()?,
    };
    let mut views = Vec::new();
    // Platforms whose balance starts later (said in a note): not "no balances yet".
    let mut not_yet = 0;
    for id in &ids {
        let records = ledgers::records(&store, id)?;
        let Some(platform) = session.catalog.platform(id).ok() else {
            eproseln!("note: {id} is not in the pricing tables: its balance is left out");
            continue;
        };
        let Some(start) = ledgers::start(session, &records)? else {
            // In a log of Runway API usage only, `balance runway` is the web plan's: name the
            // balance the usage is in, first.
            let help = match credits_app::ops::billed::api_beside(&store, id)? {
                Some(api) => format!(
                    "{}; or, for the plan: `credits account set {id} --plan PLAN --since DATE`",
                    credits_app::ops::billed::api_beside_help(id, api)
                ),
                None => ledgers::how_to_start(session, id),
            };
            return Err(fail_with_help(
                format!("no plan, top-up or adjustment recorded for {id}"),
                help,
            ));
        };
        if as_of < start && records.changes.is_empty() {
            // Only purchases that start later (a pack bought to start next month): nothing
            // is usable yet, which is not an error; say what is coming.
            let coming: Vec<String> = records
                .topups
                .iter()
                .filter(|t| t.at > as_of)
                .map(|t| {
                    format!(
                        "{} credits from {} (top-up #{})",
                        money::fmt_credits(t.credits.saturating_add(t.bonus)),
                        fmt_time(session, t.at),
                        t.id
                    )
                })
                .collect();
            eproseln!(
                "note: nothing usable yet on {id} as of {}: {}",
                fmt_time(session, as_of),
                if coming.is_empty() {
                    format!("its balance starts {}", fmt_time(session, start))
                } else {
                    coming.join("; ")
                }
            );
            not_yet += 1;
            continue;
        }
        if as_of < start {
            if args.platform.is_some() {
                return Err(ledgers::before_start(session, id, start));
            }
            eproseln!(
                "note: {id} is left out: its account starts later ({})",
                fmt_time(session, start)
            );
            continue;
        }
        let Some(mut built) = ledgers::build(session, &store, platform, &records, as_of, None)?
        else {
            continue;
        };
        if let Some(note) = ledgers::undated_plan(&store, id)? {
            built.notes.push(note.to_string());
        }
        let buys = ledgers::buys(&store, platform, built.ledger.totals.available)?;
        let pace = pace::of(session, &store, id, &built)?;
        let checks = checks::last_checks(&store, id)?;
        let waiting = records
            .topups
            .iter()
            .filter(|t| t.at > as_of)
            .map(|t| (t.id, t.credits.saturating_add(t.bonus), t.at))
            .collect();
        views.push(View {
            platform,
            built,
            buys,
            pace,
            checks,
            waiting,
        });
    }
    let budgets = budgets::uses(session, &store)?;
    let warn = credits_app::config::budget_warn()?;
    if ctx.json {
        let view = BalanceView {
            as_of: as_of.to_rfc3339(),
            platforms: views
                .iter()
                .map(|v| {
                    let mut view = PlatformBalanceView::new(
                        v.platform,
                        &v.built,
                        v.buys.as_ref(),
                        &v.pace,
                        v.checks.as_ref(),
                    )?;
                    view.not_usable_yet = v
                        .waiting
                        .iter()
                        .map(|(id, credits, from)| views::balance::WaitingView {
                            topup_id: *id,
                            credits: views::Dec(*credits),
                            from: from.to_rfc3339(),
                        })
                        .collect();
                    Ok(view)
                })
                .collect::<Result<_>>()?,
            budgets: BudgetView::all(&budgets, &warn),
        };
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    if views.is_empty() && not_yet == 0 {
        proseln!(
            out,
            "no balances yet: `credits account set PLATFORM --plan PLAN --since DATE` records a \
             plan, `credits topup PLATFORM --pack PACK` a purchase"
        )?;
    }
    for (i, v) in views.iter().enumerate() {
        if i > 0 {
            proseln!(out)?;
        }
        out.write_all(text(session, v, &as_of_label)?.as_bytes())?;
    }
    if !budgets.is_empty() {
        proseln!(out)?;
        out.write_all(views::budgets::budgets_table(&budgets, &warn).as_bytes())?;
    }
    Ok(0)
}

/// `balance PLATFORM --expect N [--at TIME]`: the check, recorded; exit 3 when they differ.
fn check(ctx: &Context, args: &BalanceArgs, expected: Decimal, out: &mut dyn Write) -> Result<i32> {
    let session = &ctx.session;
    let name = args.platform.as_deref().unwrap_or_default();
    let platform = resolve::credit_platform(&session.catalog, name)?;
    let at = checks::check_time(session, args.at.as_deref())?;
    let c = checks::check(session, platform, expected, at)?;
    let matched = c.difference().is_zero();
    if ctx.json {
        let view =
            views::balance::CheckView::new(&c, (!matched).then(|| adjust_command(session, &c)));
        out.write_all(views::json(&view).as_bytes())?;
    } else {
        out.write_all(check_text(session, &c).as_bytes())?;
    }
    Ok(if matched {
        EXIT_OK
    } else {
        EXIT_BALANCE_DIFFERS
    })
}
