//! `credits account set | list`: which plan the user is on, per platform, and since when.
//!
//! `set` records a plan change effective from `--since` (default today): the new plan's
//! period starts then, and the old plan's unused credits expire then unless it rolls over
//! (`crate::ledger::subscription`). Setting a plan again on the same date corrects that
//! change. Nothing (no top-up, no adjustment) may be dated before the account's start.

use super::Context;
use crate::cli::AccountCommand;
use crate::cost::BillingPeriod;
use crate::error::fail_with_help;
use crate::ledger::subscription::{first_bonus, period_price};
use crate::money;
use crate::ops::balances;
use crate::pricing::{Grant as Every, Plan, Platform};
use crate::records::AccountChange;
use crate::render;
use anyhow::Result;
use chrono::NaiveDate;
use serde_json::{json, Value};
use std::io::Write;

/// `--since`: a day (`2026-11-01`, `today`, `yesterday`), or the day of a time or of a
/// span back (`3d`), in the user's offset.
fn parse_date(text: &str, now: &chrono::DateTime<chrono::FixedOffset>) -> Result<NaiveDate> {
    crate::dates::parse_time(text, now)
        .ok()
        .map(|t| t.with_timezone(now.offset()).date_naive())
        .ok_or_else(|| {
            fail_with_help(
                format!("`{text}` is not a date"),
                "give the day the plan started: 2026-11-01, today, yesterday, or 3d (ago)",
            )
        })
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

fn set(
    ctx: &Context,
    p: &Platform,
    plan: &Plan,
    billing: BillingPeriod,
    since: Option<&str>,
    renews_on: Option<u8>,
    out: &mut dyn Write,
) -> Result<i32> {
    let effective_on = match since {
        Some(text) => parse_date(text, &ctx.session.now)?,
        None => ctx.session.now.date_naive(),
    };
    let change = AccountChange {
        platform: p.id.clone(),
        plan: plan.id.clone(),
        billing,
        effective_on,
        renews_on,
    };
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
        let value = json!({
            "platform": p.id,
            "plan": plan.id,
            "billing": billing.as_str(),
            "since": effective_on.to_string(),
            "renews_on": renews_on,
            "replaced": replaced.as_ref().map(|r| r.plan.clone()),
            "previous": previous.as_ref().map(|r| r.plan.clone()),
        });
        out.write_all(render::json(&value).as_bytes())?;
        return Ok(0);
    }
    writeln!(
        out,
        "{}: {} ({billing}) from {effective_on}{renews}",
        p.id, plan.name
    )?;
    writeln!(out, "  {}", describe_grants(plan))?;
    let cycle = billing;
    if first {
        let bonus = plan.credits.map(|c| first_bonus(plan, c)).transpose()?;
        let first_price = plan
            .promotion
            .as_ref()
            .and_then(|pr| pr.first_period_price)
            .filter(|_| {
                cycle == crate::cost::BillingPeriod::Monthly && plan.grant == Every::Monthly
            });
        let mut promo = Vec::new();
        if let Some(b) = bonus.filter(|b| !b.is_zero()) {
            promo.push(format!("+{} bonus credits", money::fmt_credits(b)));
        }
        if let Some(price) = first_price {
            promo.push(format!(
                "{} for the period",
                money::fmt_money(price, &p.currency)
            ));
        }
        if !promo.is_empty() {
            writeln!(out, "  first period (promotion): {}", promo.join(", "))?;
        }
    }
    match period_price(plan, cycle, false)? {
        Some(_) if plan.is_free() => {
            writeln!(out, "  free: its credits cost 0 in your balance")?;
        }
        Some(_) => {}
        None => writeln!(
            out,
            "  the table gives no {} price for {}: money of its credits is unknown",
            cycle.as_str(),
            plan.name
        )?,
    }
    if let Some(r) = &replaced {
        writeln!(out, "  replaces {} set for the same date", r.plan)?;
    }
    if let Some(prev) = &previous {
        let prev_plan = p.plan(&prev.plan).ok();
        let rolls = prev_plan.is_some_and(|pl| pl.rollover == Some(true));
        let name = prev_plan.map_or(prev.plan.as_str(), |pl| pl.name.as_str());
        if rolls {
            writeln!(
                out,
                "  {name} (from {}) ends; its unused credits roll over",
                prev.effective_on
            )?;
        } else {
            writeln!(
                out,
                "  {name} (from {}) ends: its unused credits expire on {effective_on}",
                prev.effective_on
            )?;
        }
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
            renews_on,
        } => {
            let p = crate::ops::resolve::credit_platform(&ctx.session.catalog, platform)?;
            let plan = p.plan(plan)?;
            set(ctx, p, plan, *billing, since.as_deref(), *renews_on, out)
        }
        AccountCommand::List => {
            let store = ctx.session.store_for_reading()?;
            let accounts = store.accounts()?;
            let history = store.account_changes(None)?;
            if ctx.json {
                let rows: Vec<Value> = accounts
                    .iter()
                    .map(|a| {
                        let changes: Vec<Value> = history
                            .iter()
                            .filter(|c| c.platform == a.platform)
                            .map(|c| {
                                json!({
                                    "plan": c.plan,
                                    "billing": c.billing.as_str(),
                                    "effective_on": c.effective_on.to_string(),
                                    "renews_on": c.renews_on,
                                })
                            })
                            .collect();
                        json!({
                            "platform": a.platform,
                            "plan": a.plan,
                            "billing": a.billing.as_str(),
                            "since": a.since.map(|d| d.to_string()),
                            "renews_on": a.renews_on,
                            "history": changes,
                        })
                    })
                    .collect();
                out.write_all(render::json(&Value::Array(rows)).as_bytes())?;
                return Ok(0);
            }
            if accounts.is_empty() {
                writeln!(
                    out,
                    "no accounts set; `credits account set PLATFORM --plan PLAN` records one"
                )?;
                return Ok(0);
            }
            let mut rows = Vec::new();
            for a in &accounts {
                let changes: Vec<&AccountChange> = history
                    .iter()
                    .filter(|c| c.platform == a.platform)
                    .collect();
                if changes.is_empty() {
                    rows.push(vec![
                        a.platform.clone(),
                        a.plan.clone(),
                        a.billing.to_string(),
                        "-".to_string(),
                        "-".to_string(),
                    ]);
                }
                for c in changes {
                    rows.push(vec![
                        c.platform.clone(),
                        c.plan.clone(),
                        c.billing.to_string(),
                        c.effective_on.to_string(),
                        c.renews_on.map_or("-".to_string(), |d| d.to_string()),
                    ]);
                }
            }
            out.write_all(
                render::table(&["platform", "plan", "billing", "from", "renews on"], rows)
                    .as_bytes(),
            )?;
            if accounts.iter().any(|a| a.since.is_none()) {
                writeln!(
                    out,
                    "note: a plan without a start date has no balance; `credits account set PLATFORM --plan PLAN --since DATE` gives it one"
                )?;
            }
            Ok(0)
        }
    }
}
