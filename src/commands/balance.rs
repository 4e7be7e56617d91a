//! `credits balance`: each platform's credits as of a time — by source, what expires next,
//! the next renewal, what the balance buys — and the helpers other commands use to read a
//! platform's ledger (`log`, `estimate`, `topup`, `adjust`, `refund`).
//!
//! The ledger itself is `crate::ledger` (pure); this module loads its records, picks the
//! time (`--as-of`, default `Context::now`) and renders.

use super::budget;
use super::log::open_store;
use super::Context;
use crate::cli::BalanceArgs;
use crate::cost::{self, Request};
use crate::error::{fail, fail_with_help};
use crate::ledger::build::{self, Built};
use crate::ledger::{Expires, Ledger, Spend};
use crate::money;
use crate::pricing::{Billing, Kind, Platform};
use crate::render;
use crate::store::{LedgerRecords, Store};
use anyhow::Result;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Timelike, Utc};
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};
use std::io::Write;

/// The user's UTC offset: subscription periods start at midnight in it.
pub fn offset(ctx: &Context) -> FixedOffset {
    *ctx.now.offset()
}

/// A ledger time for people, in the user's offset: the date alone at midnight.
pub fn fmt_time(ctx: &Context, t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&offset(ctx));
    if local.hour() == 0 && local.minute() == 0 && local.second() == 0 {
        local.format("%Y-%m-%d").to_string()
    } else {
        local.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// The ledger of one platform as of `as_of`, with `extra` (a spend not stored yet) last.
pub fn ledger(
    ctx: &Context,
    platform: Option<&Platform>,
    records: &LedgerRecords,
    as_of: DateTime<Utc>,
    extra: Option<Spend>,
) -> Result<Option<Built>> {
    build::build(platform, records, &offset(ctx), as_of, extra)
}

/// The error for a date before a platform's account started.
pub fn before_start(ctx: &Context, platform: &str, start: DateTime<Utc>) -> anyhow::Error {
    fail_with_help(
        format!(
            "that is before your {platform} account started ({})",
            fmt_time(ctx, start)
        ),
        format!(
            "the balance starts with the plan; to move the start, `credits account set {platform} \
             --plan PLAN --since DATE`"
        ),
    )
}

/// Refuses a time before the account's start, when the platform has a plan history (with
/// only top-ups and adjustments, the first of them is the start and any date may come first).
pub fn check_not_before_start(
    ctx: &Context,
    platform: &str,
    records: &LedgerRecords,
    at: DateTime<Utc>,
) -> Result<()> {
    if records.changes.is_empty() {
        return Ok(());
    }
    if let Some(start) = build::start(records, &offset(ctx))? {
        if at < start {
            return Err(before_start(ctx, platform, start));
        }
    }
    Ok(())
}

/// A note when the platform has a plan recorded without a start date (schema 1, or set
/// before balances existed): its credits are not in the balance until it has one.
pub fn undated_plan_note(store: &Store, platform: &str) -> Result<Option<String>> {
    if !store.account_changes(Some(platform))?.is_empty() {
        return Ok(None);
    }
    Ok(store
        .account(platform)?
        .filter(|a| a.since.is_none())
        .map(|a| {
            format!(
                "your {platform} plan ({}) has no start date, so its credits are not in the \
                 balance: `credits account set {platform} --plan {} --since DATE`",
                a.plan, a.plan
            )
        }))
}

/// `--as-of`: a time, or a date meaning the end of that day. Returns the time and how to say it.
fn parse_as_of(ctx: &Context, text: Option<&str>) -> Result<(DateTime<Utc>, String)> {
    let Some(text) = text else {
        return Ok((
            ctx.now.with_timezone(&Utc),
            ctx.now.format("%Y-%m-%d %H:%M").to_string(),
        ));
    };
    let trimmed = text.trim();
    if let Ok(d) = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
        if trimmed.len() == 10 {
            let next = d
                .succ_opt()
                .ok_or_else(|| fail(format!("`{text}` is too late")))?;
            let end = crate::ledger::subscription::midnight(next, &offset(ctx))?
                - Duration::nanoseconds(1);
            return Ok((end, format!("the end of {d}")));
        }
    }
    let t = crate::dates::parse_time(text, &ctx.now)?;
    Ok((
        t.with_timezone(&Utc),
        t.format("%Y-%m-%d %H:%M").to_string(),
    ))
}

/// What the balance buys of the user's usual request on a platform.
#[derive(Clone, Debug, PartialEq)]
pub struct Buys {
    pub model: String,
    pub model_name: String,
    pub kind: Kind,
    pub seconds: Option<Decimal>,
    /// Credits one costs (a range counts at its most).
    pub each: Decimal,
    pub ranged: bool,
    pub count: Decimal,
}

impl Buys {
    pub fn text(&self) -> String {
        let what = match (self.kind, self.seconds) {
            (Kind::Video | Kind::Audio, Some(s)) => {
                format!("{} {} s clips", self.model_name, s.normalize())
            }
            (Kind::Image, _) => format!("{} images", self.model_name),
            _ => format!("{} generations", self.model_name),
        };
        format!(
            "enough for {} {what} ({} credits each{}, your most-logged model here)",
            money::fmt_credits(self.count),
            money::fmt_credits(self.each),
            if self.ranged { " at most" } else { "" }
        )
    }
}

/// The most-logged model's usual request, priced by the table, against `available`.
pub fn buys(store: &Store, platform: &Platform, available: Decimal) -> Result<Option<Buys>> {
    let Some(shape) = store.most_logged(&platform.id)? else {
        return Ok(None);
    };
    let Ok(model) = platform.model(&shape.model) else {
        return Ok(None);
    };
    let request = Request {
        duration: shape.duration,
        resolution: shape.resolution,
        audio: shape.audio,
        mode: shape.mode,
        count: 1,
        ..Request::default()
    };
    let Ok(charge) = request.normalized().and_then(|r| cost::charge(model, &r)) else {
        return Ok(None);
    };
    let each = charge.per_item.max;
    if each.is_zero() {
        return Ok(None);
    }
    let count = if available.is_sign_positive() {
        money::div(available, each)?.floor()
    } else {
        Decimal::ZERO
    };
    Ok(Some(Buys {
        model: model.id.clone(),
        model_name: model.name.clone(),
        kind: model.kind,
        seconds: charge.seconds,
        each,
        ranged: !charge.per_item.is_exact(),
        count,
    }))
}

fn ratio_text(value: Option<&money::Ratio>, currency: &str) -> String {
    value.map_or_else(
        || "unknown".to_string(),
        |r| money::fmt_money(money::to_decimal(r), currency),
    )
}

fn expires_text(ctx: &Context, e: &Expires) -> String {
    match e {
        Expires::At(t) => fmt_time(ctx, *t),
        Expires::Never => "never".to_string(),
        Expires::Unknown => "unknown".to_string(),
    }
}

/// One platform's balance, ready to show.
struct View<'a> {
    platform: &'a Platform,
    built: Built,
    buys: Option<Buys>,
}

fn text(ctx: &Context, v: &View, as_of_label: &str) -> Result<String> {
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
                fmt_time(ctx, n.at)
            ),
        )),
        None => rows.push(("next expiry", "none".to_string())),
    }
    if let Some(r) = &v.built.next_renewal {
        let what = match r.credits {
            Some(c) => format!("+{} credits", money::fmt_credits(c)),
            None => "credits unknown".to_string(),
        };
        let kind = if r.change { "plan change to " } else { "" };
        rows.push((
            "next renewal",
            format!("{}: {what} ({kind}{})", fmt_time(ctx, r.at), r.plan),
        ));
    }
    if let Some(b) = &v.buys {
        rows.push(("buys", b.text()));
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
    let live = l.live_grants();
    if !live.is_empty() {
        let grant_rows = live
            .iter()
            .map(|&i| {
                let g = &l.grants[i];
                vec![
                    g.label.clone(),
                    g.source.as_str().to_string(),
                    money::fmt_credits(l.grant_states[i].remaining),
                    expires_text(ctx, &g.expires),
                    ratio_text(g.price_per_credit.as_ref(), currency),
                ]
            })
            .collect();
        text.push_str(&render::table(
            &["grant", "source", "left", "expires", "per credit"],
            grant_rows,
        ));
    }
    for note in &v.built.notes {
        text.push_str(&format!("note: {note}\n"));
    }
    Ok(text)
}

fn to_json(v: &View) -> Result<Value> {
    let l = &v.built.ledger;
    let t = &l.totals;
    let mut map = Map::new();
    map.insert("platform".into(), json!(v.platform.id));
    map.insert("available".into(), render::json_decimal(t.available));
    let mut by_source = Map::new();
    for (source, credits) in l.available_by_source()? {
        by_source.insert(source.as_str().into(), render::json_decimal(credits));
    }
    map.insert("by_source".into(), Value::Object(by_source));
    map.insert(
        "negative".into(),
        json!(t.available.is_sign_negative() && !t.available.is_zero()),
    );
    map.insert("deficit".into(), render::json_decimal(t.deficit));
    map.insert("granted".into(), render::json_decimal(t.granted));
    map.insert("spent".into(), render::json_decimal(t.spent));
    map.insert("refunded".into(), render::json_decimal(t.refunded));
    map.insert("expired".into(), render::json_decimal(t.expired));
    map.insert(
        "lost_on_refund".into(),
        render::json_decimal(l.lost_on_refund()?),
    );
    map.insert("start".into(), json!(v.built.start.to_rfc3339()));
    map.insert(
        "next_expiry".into(),
        match l.next_expiry()? {
            Some(n) => json!({"at": n.at.to_rfc3339(), "credits": render::json_decimal(n.credits)}),
            None => Value::Null,
        },
    );
    map.insert(
        "next_renewal".into(),
        match &v.built.next_renewal {
            Some(r) => json!({
                "at": r.at.to_rfc3339(),
                "credits": r.credits.map(render::json_decimal),
                "plan": r.plan,
                "change": r.change,
            }),
            None => Value::Null,
        },
    );
    map.insert(
        "buys".into(),
        match &v.buys {
            Some(b) => json!({
                "model": b.model,
                "seconds": b.seconds.map(render::json_decimal),
                "credits_each": render::json_decimal(b.each),
                "count": render::json_decimal(b.count),
            }),
            None => Value::Null,
        },
    );
    map.insert("currency".into(), json!(v.platform.currency));
    let grants: Vec<Value> = l
        .grants
        .iter()
        .zip(&l.grant_states)
        .filter(|(_, st)| st.arrived)
        .map(|(g, st)| {
            json!({
                "id": g.id,
                "source": g.source.as_str(),
                "label": g.label,
                "at": g.at.to_rfc3339(),
                "credits": render::json_decimal(g.credits),
                "remaining": render::json_decimal(st.remaining),
                "expired": render::json_decimal(st.expired),
                "expires": match g.expires {
                    Expires::At(t) => json!(t.to_rfc3339()),
                    Expires::Never => json!("never"),
                    Expires::Unknown => json!("unknown"),
                },
                "price_per_credit": g.price_per_credit.as_ref()
                    .map(|r| render::json_decimal(money::to_decimal(r))),
            })
        })
        .collect();
    map.insert("grants".into(), Value::Array(grants));
    map.insert("notes".into(), json!(v.built.notes));
    Ok(Value::Object(map))
}

pub fn run(ctx: &Context, args: &BalanceArgs, out: &mut dyn Write) -> Result<i32> {
    let store = open_store(ctx)?;
    let (as_of, as_of_label) = parse_as_of(ctx, args.as_of.as_deref())?;
    let ids: Vec<String> = match &args.platform {
        Some(name) => {
            let p = ctx.catalog.platform(name)?;
            if p.billing == Billing::Money {
                return Err(fail(format!(
                    "{} bills in money: it has no credit balance",
                    p.id
                )));
            }
            vec![p.id.clone()]
        }
        None => store.ledger_platforms()?,
    };
    let mut views = Vec::new();
    for id in &ids {
        let records = store.ledger_records(id)?;
        let platform = ctx.catalog.platform(id).ok();
        let Some(platform) = platform else {
            eprintln!("note: {id} is not in the pricing tables: its balance is left out");
            continue;
        };
        let Some(start) = build::start(&records, &offset(ctx))? else {
            return Err(fail_with_help(
                format!("no plan, top-up or adjustment recorded for {id}"),
                format!(
                    "`credits account set {id} --plan PLAN --since DATE` records your plan; \
                     `credits topup {id} --pack PACK` a purchase"
                ),
            ));
        };
        if as_of < start {
            if args.platform.is_some() {
                return Err(before_start(ctx, id, start));
            }
            eprintln!(
                "note: {id} is left out: its account starts later ({})",
                fmt_time(ctx, start)
            );
            continue;
        }
        let Some(mut built) = ledger(ctx, Some(platform), &records, as_of, None)? else {
            continue;
        };
        built.notes.extend(undated_plan_note(&store, id)?);
        let buys = buys(&store, platform, built.ledger.totals.available)?;
        views.push(View {
            platform,
            built,
            buys,
        });
    }
    let budgets = budget::uses(ctx, &store)?;
    if ctx.json {
        let platforms: Vec<Value> = views.iter().map(to_json).collect::<Result<_>>()?;
        let value = json!({
            "as_of": as_of.to_rfc3339(),
            "platforms": platforms,
            "budgets": budget::json(&budgets),
        });
        out.write_all(render::json(&value).as_bytes())?;
        return Ok(0);
    }
    if views.is_empty() {
        writeln!(
            out,
            "no balances yet: `credits account set PLATFORM --plan PLAN --since DATE` records a \
             plan, `credits topup PLATFORM --pack PACK` a purchase"
        )?;
    }
    for (i, v) in views.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        out.write_all(text(ctx, v, &as_of_label)?.as_bytes())?;
    }
    if !budgets.is_empty() {
        writeln!(out)?;
        out.write_all(budget::table(&budgets).as_bytes())?;
    }
    Ok(0)
}

/// `estimate`'s warning: on stderr when `needed` credits exceed what is available now on a
/// platform with a balance. Quiet when there is no log database or no balance there.
pub fn warn_if_short(ctx: &Context, platform: &Platform, needed: Decimal) -> Result<()> {
    let Some(store) = super::log::existing_store(ctx)? else {
        return Ok(());
    };
    let records = store.ledger_records(&platform.id)?;
    let now = ctx.now.with_timezone(&Utc);
    match build::start(&records, &offset(ctx))? {
        Some(start) if start <= now => {}
        _ => return Ok(()),
    }
    let Some(built) = ledger(ctx, Some(platform), &records, now, None)? else {
        return Ok(());
    };
    let available = built.ledger.totals.available;
    if needed > available {
        eprintln!(
            "warning: this needs {} credits; your {} balance is {} (`credits balance {}`)",
            money::fmt_credits(needed),
            platform.id,
            money::fmt_credits(available),
            platform.id
        );
    }
    Ok(())
}
