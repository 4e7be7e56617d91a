//! `credits estimate`: one request, or a shot list, priced on the tables. A single request
//! is a dry run of `log` (`ops::pricing::estimate`): with an account it is priced with the
//! account's plan and billing, and on a platform with a balance, from the balance.

use super::Context;
use crate::cli::EstimateArgs;
use crate::render;
use crate::views::{self, quote::EstimateView, quote::ShotListView};
use anyhow::{Context as _, Result};
use credits_app::ops::notes::Note;
use credits_app::ops::pricing::{self, PriceRequest, PriceSource};
use credits_core::cost::PricingChoice;
use credits_core::money;
use credits_core::shots;
use std::io::Write;

pub fn run(ctx: &Context, args: &EstimateArgs, out: &mut dyn Write) -> Result<i32> {
    let session = &ctx.session;
    if let Some(path) = &args.shots {
        let choice = args.pricing.choice();
        return shots_run(ctx, path, args.platform.as_deref(), &choice, out);
    }
    let (Some(platform_name), Some(model_name)) = (&args.platform, &args.model) else {
        unreachable!("clap requires PLATFORM and MODEL without --shots")
    };
    // The table's own "unknown platform/model" errors, with their suggestions.
    let platform = session.catalog.platform(platform_name)?;
    platform.model(model_name)?;
    let req = PriceRequest {
        platform: platform_name.clone(),
        model: model_name.clone(),
        request: args.request.request()?,
        plan: args.pricing.plan.clone(),
        billing: args.pricing.billing,
        price_per_credit: args.pricing.price_per_credit,
        allow_range: true,
        ..PriceRequest::default()
    };
    let estimate = pricing::estimate(session, &req)?;
    let mut notes: Vec<Note> = ctx.stale([platform]).into_iter().collect();
    notes.extend(estimate.notes.iter().cloned());
    if let Some(project) = credits_app::config::default_project(args.project.as_deref())? {
        let crossed = credits_app::ops::budgets::would_cross(session, &project, &estimate)?;
        notes.extend(crossed.iter().map(|c| c.note(false)));
    }
    ctx.say(&notes);
    if ctx.json {
        out.write_all(views::json(&EstimateView::new(&estimate)).as_bytes())?;
    } else {
        out.write_all(quote_text(&estimate).as_bytes())?;
    }
    Ok(0)
}

fn describe_source(source: &PriceSource) -> &'static str {
    match source {
        PriceSource::Account => "your account's plan",
        PriceSource::Plan => "your --plan",
        PriceSource::CheapestPlan => "cheapest paid plan that allows it",
        PriceSource::User => "your --price-per-credit",
        PriceSource::MoneyBilled => "billed in money",
        PriceSource::Balance => "your balance",
        PriceSource::Unpriced => "",
    }
}

/// One quote as labelled lines for a person.
pub fn quote_text(estimate: &pricing::Estimate) -> String {
    let q = &estimate.quote;
    let source = &estimate.source;
    let balance = estimate.balance.as_ref();
    let mut title = format!("{} · {}", q.platform, q.model_name);
    let mut shape = Vec::new();
    if let Some(s) = q.charge.seconds {
        shape.push(format!("{} s", s.normalize()));
    }
    if !q.charge.variant.is_empty() {
        shape.push(q.charge.variant.clone());
    }
    if q.charge.count > 1 {
        shape.push(format!("× {}", q.charge.count));
    }
    if !shape.is_empty() {
        title.push_str(&format!(" ({})", shape.join(", ")));
    }
    let mut rows: Vec<(&str, String)> = Vec::new();
    let unit_label = if q.charge.count > 1 {
        "credits (all)"
    } else {
        "credits"
    };
    match &q.credits {
        Some(c) => rows.push((unit_label, money::fmt_credits_amount(c))),
        None => rows.push(("credits", "none: billed in money".to_string())),
    }
    let money_billed = *source == PriceSource::MoneyBilled;
    if !money_billed {
        let by_pack = q.price_source == Some(credits_core::cost::PriceSource::Pack);
        let plan = match (&q.plan, describe_source(source)) {
            // A table with no plans sells its credits in packs (`cost::cheapest_pack`).
            (Some(_), _) if by_pack && *source == PriceSource::Balance => {
                "none: the table sells credits in packs".to_string()
            }
            (Some(p), _) if by_pack => format!("none; priced as {p} (the cheapest to buy)"),
            // From the balance, the price is that of the credits it draws on (a plan's, a
            // pack's): the plan is only the one the account is on.
            (Some(p), _) if *source == PriceSource::Balance => {
                format!("{p} ({}, your account's plan)", q.billing.as_str())
            }
            (Some(p), "") => format!("{p} ({})", q.billing.as_str()),
            (Some(p), why) => format!("{p} ({}, {why})", q.billing.as_str()),
            (None, "") => "none with a known price".to_string(),
            (None, why) => why.to_string(),
        };
        rows.push(("plan", plan));
        if *source == PriceSource::Balance {
            // What `log` would store: `balance: Standard, …` or `… + 200 from top-up #1`.
            rows.push(("priced from", estimate.pricing.clone()));
        }
        rows.push((
            "price per credit",
            match &q.price_per_credit {
                Some(p) => money::fmt_money(money::to_decimal(p), &q.currency),
                None => "unknown".to_string(),
            },
        ));
    }
    rows.push((
        "cost per clip",
        render::money_cell(q.cost_per_clip.as_ref(), &q.currency),
    ));
    if q.charge.count > 1 {
        rows.push((
            "cost (all)",
            render::money_cell(q.cost_total.as_ref(), &q.currency),
        ));
    }
    rows.push((
        "cost per second",
        match (&q.cost_per_second, q.charge.seconds) {
            (Some(c), _) => render::money_cell(Some(c), &q.currency),
            (None, None) => "n/a (no seconds of output)".to_string(),
            (None, Some(_)) => "unknown".to_string(),
        },
    ));
    if let Some(b) = balance {
        rows.push((
            "balance",
            format!(
                "uses {} of your {} {} credits ({} left)",
                money::fmt_credits(b.needed),
                money::fmt_credits(b.before),
                b.platform,
                money::fmt_credits(b.after)
            ),
        ));
    }
    if !money_billed {
        let min = q.min_plan.clone().unwrap_or_else(|| "none".to_string());
        let verdict = match (q.allowed, &q.plan) {
            (Some(true), Some(p)) => format!(" — {p} allows it"),
            (Some(false), Some(p)) => format!(" — {p} does NOT allow it"),
            _ => String::new(),
        };
        rows.push(("minimum plan", format!("{min}{verdict}")));
        rows.push((
            "free tier",
            match q.free_tier_allows {
                Some(true) => "allows it".to_string(),
                Some(false) => "does not allow it".to_string(),
                None => "none in the table".to_string(),
            },
        ));
        if let (Some((n, period)), Some(plan)) = (&q.clips_per_period, &q.plan) {
            let per = if *period == "once" {
                "in all".to_string()
            } else {
                format!("per {period}")
            };
            rows.push((
                "plan buys",
                format!("{} of these {per} on {plan}", money::fmt_credits(*n)),
            ));
        }
    }
    let mut text = format!("{title}\n{}", render::key_values(rows));
    if let Some(why) = &q.unknown_money {
        text.push_str(&format!("money unknown: {why}\n"));
    }
    for note in &q.notes {
        text.push_str(&format!("note: {note}\n"));
    }
    text
}

fn shots_run(
    ctx: &Context,
    path: &std::path::Path,
    default_platform: Option<&str>,
    choice: &PricingChoice,
    out: &mut dyn Write,
) -> Result<i32> {
    let (list, text) = credits_app::shot_lists::read(path)?;
    let session = &ctx.session;
    let priced = shots::price_with_text(
        &session.catalog,
        &list,
        Some(&text),
        default_platform,
        choice,
    )
    .with_context(|| format!("in shot list {}", path.display()))?;
    let platforms: Vec<_> = priced
        .lines
        .iter()
        .filter_map(|l| session.catalog.platform(&l.quote.platform).ok())
        .collect();
    let mut notes: Vec<Note> = ctx.stale(platforms.iter().copied()).into_iter().collect();
    // Credits of one platform only add up; then the total can be checked against its balance.
    if let (Some(total), Some(first)) = (&priced.total_credits, platforms.first()) {
        match pricing::balance_now(session, first, total.max) {
            Ok(Some(b)) if b.needed > b.before => notes.push(Note::BeyondBalance {
                platform: b.platform,
                needed: b.needed,
                before: b.before,
                after: b.after,
                logged: false,
            }),
            Ok(_) => {}
            Err(e) => notes.push(Note::BalanceNotChecked(format!("{e:#}"))),
        }
    }
    ctx.say(&notes);
    if ctx.json {
        out.write_all(views::json(&ShotListView::new(&priced)).as_bytes())?;
        return Ok(0);
    }
    let mut rows = Vec::new();
    for l in &priced.lines {
        let q = &l.quote;
        rows.push(vec![
            l.name
                .clone()
                .unwrap_or_else(|| format!("{} {}", q.platform, q.model)),
            q.charge.count.to_string(),
            render::credits_cell(q.credits.as_ref()),
            render::money_cell(q.cost_total.as_ref(), &q.currency),
        ]);
    }
    rows.push(vec![
        "total".to_string(),
        String::new(),
        render::credits_cell(priced.total_credits.as_ref()),
        render::money_cell(priced.total_cost.as_ref(), &priced.currency),
    ]);
    let columns = [
        render::Column::shrinkable("shot", 2, 14),
        render::Column::optional("count", 1),
        render::Column::essential("credits"),
        render::Column::essential("cost"),
    ];
    out.write_all(render::table(&columns, rows).as_bytes())?;
    // The same note on many lines is said once, naming the lines.
    let mut grouped: Vec<(&String, Vec<usize>)> = Vec::new();
    for l in &priced.lines {
        for note in l.quote.notes.iter().chain(l.quote.unknown_money.iter()) {
            match grouped.iter_mut().find(|(n, _)| *n == note) {
                Some((_, lines)) => lines.push(l.line),
                None => grouped.push((note, vec![l.line])),
            }
        }
    }
    for (note, lines) in grouped {
        let lines: Vec<String> = lines.iter().map(usize::to_string).collect();
        let label = if lines.len() == 1 { "line" } else { "lines" };
        proseln!(out, "note: {label} {}: {note}", lines.join(", "))?;
    }
    for note in &priced.notes {
        proseln!(out, "note: {note}")?;
    }
    Ok(0)
}
