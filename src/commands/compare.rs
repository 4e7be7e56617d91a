//! `credits compare`: seed 002's "standard shot" on every model that can make it,
//! ranked by cost per second (per image for images); unknown money last.

use super::Context;
use crate::cli::{CompareArgs, KindArg};
use crate::cost::{self, PricingChoice, Quote, Request};
use crate::error::fail_with_help;
use crate::money::{self, Ratio};
use crate::ops::notes::Note;
use crate::pricing::{Kind, Platform};
use crate::render;
use crate::slug;
use anyhow::Result;
use serde_json::Value;
use std::cmp::Ordering;
use std::io::Write;

fn kind_of(arg: KindArg) -> Kind {
    match arg {
        KindArg::Video => Kind::Video,
        KindArg::Image => Kind::Image,
        KindArg::Audio => Kind::Audio,
        KindArg::Text => Kind::Text,
        KindArg::Other => Kind::Other,
    }
}

/// The ranking key: cost per second for video and sound, cost per generation otherwise.
fn rank_value(q: &Quote) -> Option<Ratio> {
    q.cost_per_second.or(q.cost_per_clip).map(|m| m.min)
}

/// Cheapest first; ranges by their low end; unknown money last, then by platform and model.
pub fn rank(quotes: &mut [Quote]) {
    quotes.sort_by(|a, b| {
        let by_value = match (rank_value(a), rank_value(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_value
            .then_with(|| a.platform.cmp(&b.platform))
            .then_with(|| a.model.cmp(&b.model))
    });
}

/// The plan tier `--max-plan` caps a platform at: `Ok(None)` for no cap, `Err` to skip it.
fn plan_cap(platform: &Platform, max_plan: Option<&str>) -> Result<Option<usize>, ()> {
    let Some(name) = max_plan else {
        return Ok(None);
    };
    if let Some(plan) = platform
        .plans
        .iter()
        .find(|p| slug::matches(name, &p.id, &p.name))
    {
        return Ok(Some(plan.tier));
    }
    if name.eq_ignore_ascii_case("free") {
        if let Some(free) = platform
            .plans
            .iter()
            .filter(|p| p.is_free())
            .map(|p| p.tier)
            .max()
        {
            return Ok(Some(free));
        }
    }
    Err(())
}

pub fn run(ctx: &Context, args: &CompareArgs, out: &mut dyn Write) -> Result<i32> {
    let kind = kind_of(args.kind);
    let request = Request {
        duration: args.duration,
        resolution: args.resolution.clone(),
        audio: args.audio,
        mode: args.mode.clone(),
        count: 1,
        ..Request::default()
    }
    .normalized()?;
    let choice = PricingChoice {
        plan: None,
        billing: args.billing,
        price_per_credit: None,
    };
    let mut platforms: Vec<&Platform> = Vec::new();
    for name in &args.platforms {
        platforms.push(ctx.session.catalog.platform(name)?);
    }
    if platforms.is_empty() {
        platforms = ctx.session.catalog.platforms().collect();
    }

    let mut quotes = Vec::new();
    let mut skipped_by_plan = Vec::new();
    let today = ctx.session.now.date_naive();
    let mut shut_down = Vec::new();
    for platform in &platforms {
        let cap = match plan_cap(platform, args.max_plan.as_deref()) {
            Ok(cap) => cap,
            Err(()) => {
                skipped_by_plan.push(platform.id.clone());
                continue;
            }
        };
        for model in platform.models.iter().filter(|m| m.kind == kind) {
            if model.lifecycle.is_shut_down(today) {
                if let Some(day) = model.lifecycle.shutdown {
                    shut_down.push((platform.id.clone(), model.id.clone(), day));
                }
                continue;
            }
            // A model that cannot make this shot (too long, no such resolution) is left out.
            let Ok(charge) = cost::charge(model, &request) else {
                continue;
            };
            let choice_here = match cap {
                None => choice.clone(),
                Some(cap) => {
                    if charge.min_plan.is_some_and(|min| min > cap) {
                        continue;
                    }
                    // The best-priced plan at or under the cap that allows the shot; if
                    // none has a price, the lowest allowed plan (money then shows unknown).
                    let allowed: Vec<_> = platform
                        .plans
                        .iter()
                        .filter(|p| p.tier <= cap && charge.min_plan.is_none_or(|m| p.tier >= m))
                        .collect();
                    let priced = allowed
                        .iter()
                        .filter(|p| cost::plan_price_per_credit(p, choice.billing).is_ok())
                        .min_by_key(|p| (p.price, p.tier));
                    PricingChoice {
                        plan: priced.or(allowed.first()).map(|p| p.id.clone()),
                        ..choice.clone()
                    }
                }
            };
            let Ok(quote) = cost::quote(platform, model, &request, &choice_here) else {
                continue;
            };
            quotes.push(quote);
        }
    }
    if quotes.is_empty() {
        return Err(fail_with_help(
            "no model in the tables can make that shot",
            "try a shorter --duration, another --resolution, or without --audio",
        ));
    }
    rank(&mut quotes);
    let used: Vec<&Platform> = platforms
        .iter()
        .copied()
        .filter(|p| quotes.iter().any(|q| q.platform == p.id))
        .collect();
    let mut notes: Vec<Note> = ctx.stale(used).into_iter().collect();
    if !shut_down.is_empty() {
        notes.push(Note::ShutDownLeftOut(shut_down));
    }
    ctx.say(&notes);
    if !skipped_by_plan.is_empty() {
        eprintln!(
            "note: --max-plan {} names no plan on {}: left out",
            args.max_plan.as_deref().unwrap_or(""),
            skipped_by_plan.join(", ")
        );
    }

    if ctx.json {
        let rows: Vec<Value> = quotes.iter().map(super::quote_json).collect();
        out.write_all(render::json(&Value::Array(rows)).as_bytes())?;
        return Ok(0);
    }
    let per = if kind == Kind::Video || kind == Kind::Audio {
        "per second"
    } else {
        "per item"
    };
    let rows: Vec<Vec<String>> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let ranked = if rank_value(q).is_some() {
                (i + 1).to_string()
            } else {
                "-".to_string()
            };
            let mut model = if q.charge.variant.is_empty() {
                q.model.clone()
            } else {
                format!("{} ({})", q.model, q.charge.variant)
            };
            if q.charge.provenance.unvouched() {
                model.push_str(" *");
            }
            vec![
                ranked,
                q.platform.clone(),
                model,
                render::credits_cell(q.credits.as_ref()).replace("unknown", "-"),
                q.plan.clone().unwrap_or_else(|| "-".to_string()),
                q.price_per_credit.as_ref().map_or_else(
                    || "-".to_string(),
                    |p| money::fmt_money(money::to_decimal(p), &q.currency),
                ),
                render::money_cell(q.cost_per_clip.as_ref(), &q.currency),
                if per == "per item" {
                    render::money_cell(q.cost_per_clip.as_ref(), &q.currency)
                } else {
                    render::money_cell(q.cost_per_second.as_ref(), &q.currency)
                },
                match (q.credits.is_some(), q.free_tier_allows) {
                    (false, _) => "n/a".to_string(),
                    (true, Some(true)) => "yes".to_string(),
                    (true, Some(false)) => "no".to_string(),
                    (true, None) => "-".to_string(),
                },
            ]
        })
        .collect();
    // The rank, where, what and the two numbers it is ranked by stay; the rest give way.
    let columns = [
        render::Column::essential("#"),
        render::Column::essential("platform"),
        render::Column::shrinkable("model", 3, 16),
        render::Column::essential("credits"),
        render::Column::optional("plan", 4),
        render::Column::optional("$/credit", 2),
        render::Column::optional("per clip", 5),
        render::Column::essential(per),
        render::Column::optional("free tier", 1),
    ];
    out.write_all(render::table(&columns, rows).as_bytes())?;
    if quotes
        .iter()
        .any(|q| q.charge.provenance.only_third_party())
    {
        writeln!(
            out,
            "* rate rests only on third-party pages, not the platform's own (`credits pricing show PLATFORM` lists the sources)"
        )?;
    }
    let unknown = quotes.iter().filter(|q| rank_value(q).is_none()).count();
    if unknown > 0 {
        writeln!(
            out,
            "{unknown} model(s) with unknown money are listed last: their tables give credits but no plan prices"
        )?;
    }
    Ok(0)
}
