//! `credits log`, `fail`, `refund`, `edit`, `rm`: writing the generation log.
//!
//! The money value of an entry is snapshotted when it is logged, so later price changes
//! never rewrite history. Unknown money is stored as unknown, never as 0. It is priced:
//! - on a platform with a balance (a plan with a start date, a top-up or an adjustment,
//!   issue 4): from the ledger as it stands at log time — the real price of the credits
//!   this generation consumed, replayed at its time after everything already logged
//!   (`crate::ledger`). A pack bought at a better rate lowers the cost. Logging or
//!   refunding other generations later does not rewrite the snapshot;
//! - otherwise: credits × the price per credit of the user's plan (or `--plan`,
//!   `--price-per-credit`, which also win over the ledger).
//!
//! The entry and the ledger read behind its price are one IMMEDIATE transaction.

use super::Context;
use crate::cli::{EditArgs, LogArgs};
use crate::cost::{self, BillingPeriod, PriceSource, PricingChoice, Request};
use crate::error::{fail, fail_with_help};
use crate::ledger::{Ledger, Spend};
use crate::money;
use crate::pricing::{Billing, Platform};
use crate::render;
use crate::slug;
use crate::store::{self, EntryEdit, Money, NewEntry, Status, StatusChange, Store};
use anyhow::{Context as _, Result};
use chrono::Utc;
use rust_decimal::Decimal;
use serde_json::json;
use std::io::Write;

/// Credits and money for one generation to be logged or imported.
pub struct Priced {
    pub credits: Decimal,
    pub cost: Option<Money>,
    /// How the money was priced, stored with the entry.
    pub pricing: String,
    /// What the user should hear about it (said on stderr by `log`).
    pub notes: Vec<String>,
}

/// How the user asked for money to be priced on this entry.
#[derive(Default)]
pub struct PriceOverrides<'a> {
    pub plan: Option<&'a str>,
    pub price_per_credit: Option<Decimal>,
    /// How the user can record an unknown platform or model anyway (differs for `import`).
    pub unpriced_hint: Option<&'a str>,
}

/// Prices a generation: from the tables and the user's account, unless the user gives the
/// credits (`--credits`, the total for the entry), which also lets an unknown platform or
/// model be logged, unpriced.
pub fn price_generation(
    ctx: &Context,
    accounts: &[store::Account],
    platform_name: &str,
    model_name: &str,
    request: &Request,
    given_credits: Option<Decimal>,
    overrides: &PriceOverrides,
) -> Result<(String, String, Priced)> {
    let platform = ctx.catalog.platform(platform_name);
    let model = platform.as_ref().ok().map(|p| p.model(model_name));
    let (platform, model) = match (platform, model) {
        (Ok(p), Some(Ok(m))) => (p, m),
        (Err(e), _) | (Ok(_), Some(Err(e))) => {
            let Some(credits) = given_credits else {
                // Keep the lookup's message and suggestion; add how to log it anyway.
                let (message, help) = match e.downcast_ref::<crate::error::UserError>() {
                    Some(u) => (u.message.clone(), u.help.clone()),
                    None => (e.to_string(), None),
                };
                let unpriced = overrides
                    .unpriced_hint
                    .unwrap_or("or pass --credits N to log it unpriced");
                return Err(fail_with_help(
                    message,
                    match help {
                        Some(h) => format!("{h} {unpriced}"),
                        None => unpriced.to_string(),
                    },
                ));
            };
            let ppc = overrides.price_per_credit;
            return Ok((
                slug::slugify(platform_name),
                slug::slugify(model_name),
                Priced {
                    credits,
                    cost: ppc.map(|p| Money {
                        amount: credits * p,
                        currency: "USD".to_string(),
                    }),
                    pricing: if ppc.is_some() { "--price-per-credit" } else { "unpriced" }.to_string(),
                    notes: vec![format!(
                        "{platform_name} {model_name} is not in the pricing tables: logged with your {} credits{}",
                        money::fmt_credits(credits),
                        if ppc.is_some() { "" } else { ", money unknown" }
                    )],
                },
            ));
        }
        (Ok(_), None) => unreachable!("a model is looked up whenever the platform is found"),
    };

    let mut notes = Vec::new();
    let account = accounts.iter().find(|a| a.platform == platform.id);
    let mut choice = PricingChoice {
        price_per_credit: overrides.price_per_credit,
        ..PricingChoice::default()
    };
    if let Some(plan) = overrides.plan {
        choice.plan = Some(plan.to_string());
    } else if let Some(acc) = &account {
        choice.plan = Some(acc.plan.clone());
        choice.billing = match acc.billing {
            store::Billing::Monthly => BillingPeriod::Monthly,
            store::Billing::Annual => BillingPeriod::Annual,
        };
    }
    let quote = cost::quote(platform, model, request, &choice)?;
    let credits = match (given_credits, quote.credits) {
        (Some(c), _) => c,
        (None, Some(amount)) => amount.exact_value().ok_or_else(|| {
            fail_with_help(
                format!(
                    "{} costs {} credits: the exact amount is known only after it runs",
                    model.id,
                    money::fmt_credits_amount(&amount)
                ),
                "pass --credits N with what the platform charged",
            )
        })?,
        // Money-billed platforms use no credits at all.
        (None, None) => Decimal::ZERO,
    };
    let cost = match (platform.billing, &quote.price_per_credit, given_credits) {
        (Billing::Money, _, _) => quote.cost_total.map(|m| m.to_amount().min),
        (Billing::Credits, Some(ppc), _) => Some(money::to_decimal(&money::rmul(
            &money::ratio(credits),
            ppc,
        )?)),
        (Billing::Credits, None, _) => None,
    };
    let pricing = describe_pricing(
        platform,
        &quote.plan,
        quote.price_source.as_ref(),
        choice.billing,
        account.is_some() && overrides.plan.is_none(),
    );
    if account.is_none() && overrides.plan.is_none() && platform.billing == Billing::Credits {
        notes.push(format!(
            "no account set for {}: {}; `credits account set {} --plan PLAN` records yours",
            platform.id,
            match &quote.plan {
                Some(plan) if quote.price_per_credit.is_some() =>
                    format!("priced like `estimate`, with {plan}"),
                _ => "money unknown".to_string(),
            },
            platform.id
        ));
    }
    if let Some(why) = &quote.unknown_money {
        if overrides.price_per_credit.is_none() {
            notes.push(format!("money unknown: {why}"));
        }
    }
    if quote.allowed == Some(false) {
        notes.push(format!(
            "{} needs {} or above; your plan is {}",
            model.id,
            quote.min_plan.as_deref().unwrap_or("?"),
            quote.plan.as_deref().unwrap_or("?")
        ));
    }
    Ok((
        platform.id.clone(),
        model.id.clone(),
        Priced {
            credits,
            cost: cost.map(|amount| Money {
                amount,
                currency: platform.currency.clone(),
            }),
            pricing,
            notes,
        },
    ))
}

fn describe_pricing(
    platform: &Platform,
    plan: &Option<String>,
    source: Option<&PriceSource>,
    billing: BillingPeriod,
    from_account: bool,
) -> String {
    match (source, plan) {
        (Some(PriceSource::MoneyBilled), _) => "money-billed".to_string(),
        (Some(PriceSource::User), _) => "--price-per-credit".to_string(),
        (Some(PriceSource::ChosenPlan), Some(plan)) if from_account => {
            format!("account plan {plan}, {}", billing.as_str())
        }
        (Some(PriceSource::ChosenPlan), Some(plan)) => format!("plan {plan}, {}", billing.as_str()),
        (Some(PriceSource::CheapestPlan), Some(plan)) => {
            format!("cheapest paid plan {plan}, {}", billing.as_str())
        }
        _ => format!("unpriced: no known {} plan price", platform.id),
    }
}

/// Opens the log database: `--db`, `CREDITS_DB`, or the user data dir.
pub fn open_store(ctx: &Context) -> Result<Store> {
    let path = match &ctx.db {
        Some(p) => p.clone(),
        None => crate::project_dirs()
            .map(|d| d.data_dir().join("credits.db"))
            .ok_or_else(|| fail("cannot find a home directory for the database; pass --db PATH"))?,
    };
    Store::open(&path)
}

pub fn log(ctx: &Context, args: &LogArgs, out: &mut dyn Write) -> Result<i32> {
    let request = super::estimate::request_from_args(&args.request)?;
    let at = match &args.at {
        Some(text) => crate::dates::parse_time(text, &ctx.now)?,
        None => ctx.now,
    };
    let overrides = PriceOverrides {
        plan: args.plan.as_deref(),
        price_per_credit: args.price_per_credit,
        unpriced_hint: None,
    };
    // Everything that can reject the request is checked before the database is opened, so
    // a rejected `log` creates and changes nothing.
    price_generation(
        ctx,
        &[],
        &args.platform,
        &args.model,
        &request,
        args.credits,
        &overrides,
    )?;
    let mut store = open_store(ctx)?;
    let accounts = store.accounts()?;
    let (platform, model, mut priced) = price_generation(
        ctx,
        &accounts,
        &args.platform,
        &args.model,
        &request,
        args.credits,
        &overrides,
    )?;
    let mut entry = NewEntry {
        at,
        platform: platform.clone(),
        model: model.clone(),
        duration: request.duration,
        resolution: request.resolution.clone(),
        audio: Some(request.audio),
        refs: Some(request.refs),
        mode: request.mode.clone(),
        chars: request
            .chars
            .map(|c| u32::try_from(c).map_err(|_| fail(format!("--chars {c} is too large"))))
            .transpose()?,
        count: request.count,
        credits: priced.credits,
        cost: priced.cost.clone(),
        pricing: priced.pricing.clone(),
        project: crate::config::default_project(args.project.as_deref())?,
        tags: args.tags.clone(),
        note: args.note.clone(),
        status: if args.failed {
            Status::Failed
        } else {
            Status::Ok
        },
        kept: !args.discarded,
        dedup_key: None,
    };
    let table = ctx
        .catalog
        .platform(&platform)
        .ok()
        .filter(|p| p.billing == Billing::Credits);
    let from_ledger = args.plan.is_none() && args.price_per_credit.is_none();
    let mut warnings = Vec::new();
    let id = store.write(|w| {
        if let Some(p) = table {
            let records = w.ledger_records(&p.id)?;
            let at_utc = at.with_timezone(&Utc);
            let start = crate::ledger::build::start(&records, &super::balance::offset(ctx))?;
            match start {
                Some(start) if at_utc < start => priced.notes.push(format!(
                    "before your {} balance starts ({}): not counted in it",
                    p.id,
                    super::balance::fmt_time(ctx, start)
                )),
                Some(_) => {
                    let spend = Spend {
                        entry_id: None,
                        label: "this generation".into(),
                        at: at_utc,
                        credits: priced.credits,
                        refunded_at: None,
                    };
                    if let Some(built) =
                        super::balance::ledger(ctx, Some(p), &records, at_utc, Some(spend))?
                    {
                        let l = &built.ledger;
                        let i = l.spends.len() - 1;
                        let after = l.totals.available;
                        if after.is_sign_negative() && !after.is_zero() {
                            warnings.push(format!(
                                "this needs {} credits but the {} balance had {}: it is now {} \
                                 (logged anyway: the platform charged it)",
                                money::fmt_credits(priced.credits),
                                p.id,
                                money::fmt_credits(money::add(after, priced.credits)?),
                                money::fmt_credits(after),
                            ));
                        }
                        if from_ledger {
                            let value = l.spend_money(i)?;
                            entry.cost = value.map(|v| Money {
                                amount: money::to_decimal(&v),
                                currency: p.currency.clone(),
                            });
                            entry.pricing = describe_allocation(l, i);
                            // The plan-based notes no longer apply: the ledger priced it.
                            priced.notes.retain(|n| {
                                !n.starts_with("money unknown") && !n.starts_with("no account set")
                            });
                            if value.is_some() {
                                for n in &mut priced.notes {
                                    *n = n.replace(", money unknown", "");
                                }
                            }
                            if value.is_none() {
                                priced.notes.push(why_unknown(l, i, &p.id));
                            }
                            priced.cost = entry.cost.clone();
                            priced.pricing = entry.pricing.clone();
                        }
                    }
                }
                None => {}
            }
        }
        w.insert_entry(&entry)
    })?;
    // Say what was stored (money rounded once to the micro-unit), not the unrounded quote.
    priced.cost = store.get(id)?.cost;
    for note in &priced.notes {
        eprintln!("note: {note}");
    }
    for warning in &warnings {
        eprintln!("warning: {warning}");
    }
    let cost_text = match &priced.cost {
        Some(m) => money::fmt_money(m.amount, &m.currency),
        None => "money unknown".to_string(),
    };
    if ctx.json {
        let value = json!({
            "id": id,
            "platform": platform,
            "model": model,
            "credits": render::json_decimal(priced.credits),
            "cost": priced.cost.as_ref().map(|m| render::json_decimal(m.amount)),
            "currency": priced.cost.as_ref().map(|m| m.currency.clone()),
            "pricing": priced.pricing,
            "project": entry.project,
            "status": entry.status.as_str(),
        });
        out.write_all(render::json(&value).as_bytes())?;
    } else {
        writeln!(
            out,
            "logged #{id}: {platform} {model}, {} credits, {cost_text} ({})",
            money::fmt_credits(priced.credits),
            priced.pricing
        )?;
    }
    Ok(0)
}

fn no_such_entry(id: i64) -> anyhow::Error {
    fail_with_help(
        format!("no entry with id {id}"),
        "`credits history` lists the ids",
    )
}

/// The entry with this id, or a clear "no entry" error.
fn existing_entry(store: &Store, id: i64) -> Result<store::Entry> {
    store.get(id).map_err(|_| no_such_entry(id))
}

pub fn set_status(
    ctx: &Context,
    id: i64,
    status: Status,
    at: Option<&str>,
    out: &mut dyn Write,
) -> Result<i32> {
    let mut store = open_store(ctx)?;
    let before = existing_entry(&store, id)?;
    let when = match at {
        Some(text) => crate::dates::parse_time(text, &ctx.now)?,
        None => ctx.now,
    }
    .with_timezone(&Utc);
    let change = store
        .set_status_at(id, status, Some(when.max(before.at.with_timezone(&Utc))))
        .with_context(|| format!("entry {id}"))?;
    let entry = store.get(id)?;
    match change {
        StatusChange::Changed { from, to } => {
            writeln!(
                out,
                "#{id} {} {}: {from} → {to}",
                entry.platform, entry.model
            )?;
            if to == Status::Failed {
                // A money-billed generation uses no credits: what is owed is its money.
                let owed = match (&entry.cost, entry.credits.is_zero()) {
                    (Some(m), true) => format!("{} is", money::fmt_money(m.amount, &m.currency)),
                    _ => format!("{} credits are", money::fmt_credits(entry.credits)),
                };
                writeln!(
                    out,
                    "{owed} owed until the platform refunds it (`credits refund {id}`)"
                )?;
            }
            if to == Status::Refunded {
                refund_effect(ctx, &store, &entry, when, out)?;
            }
        }
        StatusChange::Unchanged(s) => {
            writeln!(out, "#{id} is already {s}: nothing changed")?;
        }
    }
    Ok(0)
}

/// Says where a refund's credits went in the platform's balance, and any lost to expiry.
fn refund_effect(
    ctx: &Context,
    store: &Store,
    entry: &store::Entry,
    when: chrono::DateTime<Utc>,
    out: &mut dyn Write,
) -> Result<()> {
    let Ok(p) = ctx.catalog.platform(&entry.platform) else {
        return Ok(());
    };
    let records = store.ledger_records(&p.id)?;
    let as_of = when.max(entry.at.with_timezone(&Utc));
    let Some(built) = super::balance::ledger(ctx, Some(p), &records, as_of, None)? else {
        return Ok(());
    };
    let l = &built.ledger;
    let Some(i) = built.entry_ids.iter().position(|e| *e == Some(entry.id)) else {
        return Ok(());
    };
    if let Some(r) = &l.spend_states[i].refund {
        writeln!(
            out,
            "{} credits back in the {} balance",
            money::fmt_credits(r.returned),
            p.id
        )?;
        if !r.lost.is_zero() {
            writeln!(
                out,
                "{} credits are lost: the grant they came from had expired by {}",
                money::fmt_credits(r.lost),
                super::balance::fmt_time(ctx, r.at)
            )?;
        }
    }
    Ok(())
}

/// How an entry priced from the ledger was priced, stored with it.
fn describe_allocation(l: &Ledger, i: usize) -> String {
    let parts = &l.spend_states[i].allocation;
    let label = |p: &crate::ledger::Part| match p.grant {
        Some(g) => l.grants[g].label.clone(),
        None => "beyond the balance".to_string(),
    };
    match parts.as_slice() {
        [] => "balance: no credits".to_string(),
        [one] => format!("balance: {}", label(one)),
        many => {
            let texts: Vec<String> = many
                .iter()
                .map(|p| format!("{} from {}", money::fmt_credits(p.credits), label(p)))
                .collect();
            format!("balance: {}", texts.join(" + "))
        }
    }
}

/// Why an entry priced from the ledger has unknown money.
fn why_unknown(l: &Ledger, i: usize, platform: &str) -> String {
    let beyond = l.spend_deficit(i);
    if !beyond.is_zero() {
        return format!(
            "money unknown: {} of these credits were beyond your {platform} balance; record the \
             top-up or adjustment that paid for them (`credits topup`, `credits adjust`)",
            money::fmt_credits(beyond)
        );
    }
    let unpriced: Vec<String> = l.spend_states[i]
        .allocation
        .iter()
        .filter_map(|p| p.grant)
        .filter(|g| l.grants[*g].price_per_credit.is_none())
        .map(|g| l.grants[g].label.clone())
        .collect();
    format!(
        "money unknown: the price of {} is unknown",
        unpriced.join(", ")
    )
}

/// The log database if it exists; `None` rather than creating one (for `estimate`).
pub fn existing_store(ctx: &Context) -> Result<Option<Store>> {
    let path = match &ctx.db {
        Some(p) => p.clone(),
        None => match crate::project_dirs() {
            Some(d) => d.data_dir().join("credits.db"),
            None => return Ok(None),
        },
    };
    if !path.exists() {
        return Ok(None);
    }
    Store::open(&path).map(Some)
}

pub fn edit(ctx: &Context, args: &EditArgs, out: &mut dyn Write) -> Result<i32> {
    let mut store = open_store(ctx)?;
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
    if edit == EntryEdit::default() {
        return Err(fail_with_help(
            "nothing to change",
            "pass --project, --tag, --untag, --note, --kept or --discarded",
        ));
    }
    existing_entry(&store, args.id)?;
    store.edit(args.id, &edit)?;
    writeln!(out, "#{} updated", args.id)?;
    Ok(0)
}

pub fn remove(ctx: &Context, id: i64, out: &mut dyn Write) -> Result<i32> {
    let mut store = open_store(ctx)?;
    existing_entry(&store, id)?;
    let entry = store.remove(id)?;
    writeln!(
        out,
        "removed #{id}: {} {} at {}, {} credits",
        entry.platform,
        entry.model,
        entry.at.format("%Y-%m-%d %H:%M %:z"),
        money::fmt_credits(entry.credits)
    )?;
    Ok(0)
}
