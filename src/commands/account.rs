//! `credits account set | list`: which plan the user is on, per platform, and since when.
//!
//! `set` records a plan change effective from `--since` (default `--subscribed`, else today):
//! the new plan's period starts then, and the old plan's unused credits expire then unless it
//! rolls over (`credits_core::ledger::subscription`). `--since` is when tracking starts, not
//! when the subscription began: only `--subscribed DATE` (on or before `--since`) says that,
//! and only then does a first-period promotion apply (when `--since` falls in the period from
//! that day to the first renewal; a monthly plan renews on that day unless `--renews-on`
//! says). `set` and `list` say which (issue 22, item 4). Setting a plan again on the same
//! date corrects that change. Nothing (no top-up, no adjustment) may be dated before the
//! account's start.
//! `rm` removes a change recorded by mistake (`ops::balances::remove_plan_change`).

use super::Context;
use crate::cli::AccountCommand;
use crate::error::fail_with_help;
use crate::render;
use crate::views::{
    self,
    account::{
        start_of, AccountChangeView, AccountSetView, AccountView, FirstPeriodView, RemovedView,
        TermsView,
    },
};
use anyhow::Result;
use chrono::NaiveDate;
use credits_app::ops::balances;
use credits_core::cost::BillingPeriod;
use credits_core::error::{kind_of, ErrorKind};
use credits_core::ledger::subscription::{
    first_period_offer, in_first_period, period_price, renewal_day, FirstPeriod,
};
use credits_core::money;
use credits_core::pricing::catalog::Catalog;
use credits_core::pricing::{Grant as Every, Plan, Platform};
use credits_core::records::{AccountChange, PlanTerms};
use std::io::Write;

/// `--since`: a day (`2026-11-01`, `today`, `yesterday`), or the day of a time or of a
/// span back (`3d`), in the user's offset.
fn parse_date(text: &str, now: &chrono::DateTime<chrono::FixedOffset>) -> Result<NaiveDate> {
    match credits_core::dates::parse_time(text, now) {
        Ok(t) => Ok(t.with_timezone(now.offset()).date_naive()),
        // A date outside 1970–2100 says so (`0000-01-01` is out of range, not "not a date").
        Err(e) if matches!(kind_of(&e), ErrorKind::DateOutOfRange { .. }) => Err(e),
        Err(_) => Err(fail_with_help(
            format!("`{text}` is not a date"),
            "give the day the plan started: 2026-11-01, today, yesterday, or 3d (ago)",
        )),
    }
}

/// "3,000 credits a month, expiring at each renewal" and the like.
fn describe_grants(plan: &Plan) -> String {
    let Some(credits) = plan.credits else {
        return "credits not given by the table".to_string();
    };
    let c = money::fmt_credits(credits);
    let every = match plan.grant {
        Every::Monthly => format!("{c} credits a month"),
        Every::Daily => format!("{c} credits a day"),
        Every::Once => format!("{c} credits once"),
    };
    let expiry = match (plan.rollover, plan.grant) {
        (Some(true), _) => "unused credits roll over",
        (_, Every::Once) => "they keep until a plan change",
        (Some(false), _) => "unused credits expire at each renewal",
        (None, _) => "taken to expire at each renewal (the table does not say)",
    };
    format!("{every}; {expiry}")
}

/// The first-period promotion plan change `c` gets (see the module docs); `None` when it
/// gets none, or its plan is in no table.
fn promotion_of(catalog: &Catalog, c: &AccountChange) -> Option<FirstPeriod> {
    let listed = catalog.platform(&c.platform).ok()?.plan(&c.plan).ok()?;
    let plan = listed.with_terms(c.billing, c.terms.price, c.terms.credits);
    if !in_first_period(
        &plan,
        c.subscribed_on,
        c.effective_on,
        c.renews_on.map(u32::from),
    ) {
        return None;
    }
    first_period_offer(&plan, c.billing).ok().flatten()
}

/// "$6.99 for the period", "+5,000 bonus credits", or both.
fn promotion_words(f: &FirstPeriod, currency: &str) -> String {
    let mut parts = Vec::new();
    if let Some(price) = f.price {
        parts.push(format!(
            "{} for the period",
            money::fmt_money(price, currency)
        ));
    }
    if !f.bonus.is_zero() {
        parts.push(format!("+{} bonus credits", money::fmt_credits(f.bonus)));
    }
    parts.join(", ")
}

// One argument per flag of `account set`: grouping them would only rename them.
#[allow(clippy::too_many_arguments)]
fn set(
    ctx: &Context,
    p: &Platform,
    listed: &Plan,
    billing: BillingPeriod,
    since: Option<&str>,
    subscribed: Option<&str>,
    renews_on: Option<u8>,
    terms: PlanTerms,
    out: &mut dyn Write,
) -> Result<i32> {
    // Everything below speaks of the plan as the user pays for it.
    let plan = &listed.with_terms(billing, terms.price, terms.credits);
    let subscribed_on = subscribed
        .map(|text| parse_date(text, &ctx.session.now))
        .transpose()?;
    // Said to have begun on a day and nothing else: tracked from that day.
    let effective_on = match (since, subscribed_on) {
        (Some(text), _) => parse_date(text, &ctx.session.now)?,
        (None, Some(began)) => began,
        (None, None) => ctx.session.now.date_naive(),
    };
    if let Some(began) = subscribed_on.filter(|b| *b > effective_on) {
        return Err(fail_with_help(
            format!(
                "--subscribed {began} is after --since {effective_on}: a plan is tracked from \
                 when its subscription began or later"
            ),
            format!(
                "give --since {began} or later, or the day the subscription really began \
                 (--subscribed {effective_on} or earlier)"
            ),
        ));
    }
    // A monthly plan renews on the day its subscription began, unless told: stored, so
    // `account list` and the balance read the same day.
    let renews_on = renews_on.or_else(|| {
        subscribed_on
            .filter(|_| plan.grant == Every::Monthly)
            .and_then(|b| u8::try_from(chrono::Datelike::day(&b)).ok())
    });
    let change = AccountChange {
        // The workflow records who, on which machine (`Session::who`).
        who: Default::default(),
        platform: p.id.clone(),
        plan: plan.id.clone(),
        billing,
        effective_on,
        renews_on,
        terms,
        subscribed_on,
    };
    let promotion = promotion_of(&ctx.session.catalog, &change);
    let balances::PlanSet {
        replaced,
        previous,
        first,
    } = balances::set_plan(&ctx.session, &change)?;

    let renews = match (plan.grant, renews_on) {
        (Every::Monthly, Some(d)) => format!(", renews on day {d}"),
        (Every::Monthly, None) => {
            format!(", renews on day {}", chrono::Datelike::day(&effective_on))
        }
        (Every::Daily, _) => ", renews daily".to_string(),
        (Every::Once, _) => String::new(),
    };
    if ctx.json {
        let view = AccountSetView {
            platform: &p.id,
            plan: &plan.id,
            billing: billing.as_str(),
            since: effective_on.to_string(),
            subscribed_on: subscribed_on.map(|d| d.to_string()),
            renews_on,
            terms: TermsView::new(&terms),
            first_period: promotion.as_ref().map(FirstPeriodView::new),
            replaced: replaced.as_ref().map(|r| r.plan.as_str()),
            previous: previous.as_ref().map(|r| r.plan.as_str()),
        };
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    proseln!(
        out,
        "{}: {} ({billing}) from {effective_on}{renews}",
        p.id,
        plan.name
    )?;
    proseln!(out, "  {}", describe_grants(plan))?;
    if let Some(price) = terms.price {
        let period = match billing {
            BillingPeriod::Monthly => "a month",
            BillingPeriod::Annual => "a year",
        };
        let list = match billing {
            BillingPeriod::Monthly => listed.price,
            BillingPeriod::Annual => listed.annual_price,
        };
        let versus = match list {
            Some(l) if l != price => format!(" (list price {})", money::fmt_money(l, &p.currency)),
            Some(_) => " (the list price)".to_string(),
            None => " (the table gives no price)".to_string(),
        };
        proseln!(
            out,
            "  you pay {} {period}{versus}: estimate, log and the balance price with it",
            money::fmt_money(price, &p.currency)
        )?;
    }
    let cycle = billing;
    // Whether the plan's promotion applies, said either way: a promotion missed or given by
    // mistake changes what every entry of the period costs.
    let offer = first_period_offer(plan, cycle)?;
    match (&promotion, subscribed_on, &offer) {
        (Some(f), Some(began), _) => {
            proseln!(
                out,
                "  subscribed {began}: first period (promotion): {}",
                promotion_words(f, &p.currency)
            )?;
        }
        (None, Some(began), Some(o)) => proseln!(
            out,
            "  subscribed {began}: its first period ended before {effective_on}, so the \
             promotion ({}) does not apply",
            promotion_words(o, &p.currency)
        )?,
        (None, None, Some(o)) if first => proseln!(
            out,
            "  tracked since {effective_on}: the first-period promotion ({}) is for a new \
             subscription; if yours began then, say so: --subscribed {effective_on}",
            promotion_words(o, &p.currency)
        )?,
        (None, Some(began), None) => proseln!(out, "  subscribed {began}")?,
        // No promotion to miss: nothing to say (`account list` says tracked since).
        _ => {}
    }
    match period_price(plan, cycle, false)? {
        Some(_) if plan.is_free() => {
            proseln!(out, "  free: its credits cost 0 in your balance")?;
        }
        Some(_) => {}
        None => proseln!(
            out,
            "  the table gives no {} price for {}: money of its credits is unknown",
            cycle.as_str(),
            plan.name
        )?,
    }
    if let Some(r) = &replaced {
        proseln!(out, "  replaces {} set for the same date", r.plan)?;
    }
    if let Some(prev) = &previous {
        let prev_plan = p.plan(&prev.plan).ok();
        let rolls = prev_plan.is_some_and(|pl| pl.rollover == Some(true));
        let name = prev_plan.map_or(prev.plan.as_str(), |pl| pl.name.as_str());
        if rolls {
            proseln!(
                out,
                "  {name} (from {}) ends; its unused credits roll over",
                prev.effective_on
            )?;
        } else {
            proseln!(
                out,
                "  {name} (from {}) ends: its unused credits expire on {effective_on}",
                prev.effective_on
            )?;
        }
    }
    Ok(0)
}

/// `account rm PLATFORM DATE [--force]`: the plan change on that date goes; the plan before
/// it runs on (with none, the platform has no account).
fn remove(
    ctx: &Context,
    platform: &str,
    date: &str,
    force: bool,
    out: &mut dyn Write,
) -> Result<i32> {
    // A platform no table knows any more is taken as typed: its history is still stored.
    let id = credits_app::ops::resolve::credit_platform(&ctx.session.catalog, platform)
        .map_or_else(|_| platform.to_string(), |p| p.id.clone());
    let on = parse_date(date, &ctx.session.now)?;
    let removed = balances::remove_plan_change(&ctx.session, &id, on, force)?;
    let c = &removed.record;
    if ctx.json {
        // Whether it was the first of its platform: no change left before it.
        let first_of_platform = ctx
            .session
            .store_for_reading()?
            .account_changes(Some(&c.platform))?
            .iter()
            .all(|o| o.effective_on > c.effective_on);
        let promotion = promotion_of(&ctx.session.catalog, c);
        let view = RemovedView::new(
            AccountChangeView::new(c, first_of_platform, promotion.as_ref()),
            &removed,
        );
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    let name = ctx
        .session
        .catalog
        .platform(&c.platform)
        .ok()
        .and_then(|p| p.plan(&c.plan).ok())
        .map_or_else(|| c.plan.clone(), |p| p.name.clone());
    proseln!(
        out,
        "removed the {} plan change of {}: {name} ({})",
        c.platform,
        c.effective_on,
        c.billing
    )?;
    let store = ctx.session.store_for_reading()?;
    match store.account(&c.platform)? {
        Some(a) => proseln!(
            out,
            "  current plan: {} (from {})",
            ctx.session
                .catalog
                .platform(&a.platform)
                .ok()
                .and_then(|p| p.plan(&a.plan).ok())
                .map_or_else(|| a.plan.clone(), |p| p.name.clone()),
            a.since.map_or_else(|| "-".to_string(), |d| d.to_string())
        )?,
        None => proseln!(out, "  no {} plan recorded now", c.platform)?,
    }
    let credits =
        |v: Option<rust_decimal::Decimal>| v.map_or("none".to_string(), money::fmt_credits);
    if removed.before.is_some() || removed.after.is_some() {
        proseln!(
            out,
            "{} balance: {} → {} credits as of {}",
            removed.platform,
            credits(removed.before),
            credits(removed.after),
            credits_app::ops::notes::fmt_time(&credits_app::ops::ledger::local(
                &ctx.session,
                removed.as_of
            ))
        )?;
    }
    if !removed.uncovered.is_zero() {
        eproseln!(
            "note: --force: {} credits of {} generations paid from its credits are now beyond the balance; `credits reprice --platform {}` prices them again",
            money::fmt_credits(removed.uncovered),
            removed.platform,
            removed.platform
        );
    }
    Ok(0)
}

pub fn run(ctx: &Context, cmd: &AccountCommand, out: &mut dyn Write) -> Result<i32> {
    match cmd {
        AccountCommand::Set {
            platform,
            plan,
            billing,
            since,
            subscribed,
            renews_on,
            price,
            credits,
        } => {
            let p = credits_app::ops::resolve::credit_platform(&ctx.session.catalog, platform)?;
            let plan = p.plan(plan)?;
            let terms = PlanTerms {
                price: *price,
                credits: *credits,
            };
            set(
                ctx,
                p,
                plan,
                *billing,
                since.as_deref(),
                subscribed.as_deref(),
                *renews_on,
                terms,
                out,
            )
        }
        AccountCommand::Rm {
            platform,
            date,
            force,
        } => remove(ctx, platform, date, *force, out),
        AccountCommand::List => {
            let store = ctx.session.store_for_reading()?;
            let accounts = store.accounts()?;
            let history = store.account_changes(None)?;
            if ctx.json {
                let rows: Vec<AccountView> = accounts
                    .iter()
                    .map(|a| {
                        AccountView::new(a, &history, |c| promotion_of(&ctx.session.catalog, c))
                    })
                    .collect();
                out.write_all(views::json(&rows).as_bytes())?;
                return Ok(0);
            }
            if accounts.is_empty() {
                proseln!(
                    out,
                    "no accounts set; `credits account set PLATFORM --plan PLAN` records one"
                )?;
                return Ok(0);
            }
            // Plans by the names `account set` said (`Standard`), the id when no table has it.
            let plan_name = |platform: &str, plan: &str| {
                ctx.session
                    .catalog
                    .platform(platform)
                    .ok()
                    .and_then(|p| p.plan(plan).ok())
                    .map_or_else(|| plan.to_string(), |p| p.name.clone())
            };
            let mut rows = Vec::new();
            for a in &accounts {
                let changes: Vec<&AccountChange> = history
                    .iter()
                    .filter(|c| c.platform == a.platform)
                    .collect();
                let currency = ctx
                    .session
                    .catalog
                    .platform(&a.platform)
                    .map_or("USD", |p| p.currency.as_str());
                let pays = |t: &PlanTerms| {
                    let mut parts = Vec::new();
                    if let Some(price) = t.price {
                        parts.push(money::fmt_money(price, currency));
                    }
                    if let Some(c) = t.credits {
                        parts.push(format!("{} credits", money::fmt_credits(c)));
                    }
                    if parts.is_empty() {
                        "list price".to_string()
                    } else {
                        parts.join(", ")
                    }
                };
                if changes.is_empty() {
                    rows.push(vec![
                        a.platform.clone(),
                        plan_name(&a.platform, &a.plan),
                        a.billing.to_string(),
                        "-".to_string(),
                        "-".to_string(),
                        "-".to_string(),
                        pays(&a.terms),
                    ]);
                }
                for (i, c) in changes.into_iter().enumerate() {
                    let start = match (start_of(c, i == 0), c.subscribed_on) {
                        ("subscribed", Some(began)) => {
                            match promotion_of(&ctx.session.catalog, c) {
                                Some(f) => format!(
                                    "subscribed {began} (first period {})",
                                    promotion_words(&f, currency).replace(" for the period", "")
                                ),
                                None => format!("subscribed {began}"),
                            }
                        }
                        ("tracked", _) => format!("tracked since {}", c.effective_on),
                        _ => "plan change".to_string(),
                    };
                    // A monthly plan renews on the day its subscription began (else the
                    // day it took effect) unless told otherwise: the day `account set` said.
                    let monthly = ctx
                        .session
                        .catalog
                        .platform(&c.platform)
                        .ok()
                        .and_then(|p| p.plan(&c.plan).ok())
                        .is_some_and(|pl| pl.grant == Every::Monthly);
                    let renews = match c.renews_on {
                        Some(d) => d.to_string(),
                        None if monthly => {
                            renewal_day(None, c.subscribed_on, c.effective_on).to_string()
                        }
                        None => "-".to_string(),
                    };
                    rows.push(vec![
                        c.platform.clone(),
                        plan_name(&c.platform, &c.plan),
                        c.billing.to_string(),
                        c.effective_on.to_string(),
                        start,
                        renews,
                        pays(&c.terms),
                    ]);
                }
            }
            out.write_all(
                render::table(
                    &[
                        render::Column::essential("platform"),
                        render::Column::shrinkable("plan", 3, 12),
                        render::Column::optional("billing", 2),
                        render::Column::essential("from"),
                        // What the user reads it for since `--subscribed`: tracked or
                        // subscribed, and the promotion given; cut, never hidden.
                        render::Column::shrinkable("start", 5, 16),
                        render::Column::optional("renews on", 1),
                        render::Column::optional("you pay", 4),
                    ],
                    rows,
                )
                .as_bytes(),
            )?;
            if accounts.iter().any(|a| a.since.is_none()) {
                proseln!(
                    out,
                    "note: a plan without a start date has no balance; `credits account set PLATFORM --plan PLAN --since DATE` gives it one"
                )?;
            }
            Ok(0)
        }
    }
}
