//! `credits compare`: seed 002's "standard shot" on every model that can make it,
//! ranked by cost per second (per image for images); unknown money last.

use super::Context;
use crate::cli::{CompareArgs, KindArg};
use crate::error::fail_with_help;
use crate::render;
use crate::views::{self, quote::QuoteView};
use anyhow::Result;
use credits_app::ops::notes::Note;
use credits_core::cost::{self, PricingChoice, Quote, Request};
use credits_core::money::{self, Ratio};
use credits_core::pricing::{Kind, Model, Platform, Rate};
use credits_core::slug;
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

/// The ranking key: cost per second for video and sound (unknown when the length is),
/// cost per generation otherwise.
fn rank_value(q: &Quote, by_second: bool) -> Option<Ratio> {
    if by_second {
        q.cost_per_second.map(|m| m.min)
    } else {
        q.cost_per_clip.map(|m| m.min)
    }
}

/// Seed 002's "standard shot": what `compare` prices when no `--duration` is given.
pub const STANDARD_SHOT_SECONDS: i64 = 10;

/// A model priced per clip whose table gives no length: nothing says it makes the shot's
/// seconds, so its cost per second is unknown (not the clip price ÷ the seconds asked).
fn lengthless(model: &Model) -> bool {
    model
        .variants
        .iter()
        .all(|v| matches!(v.rate, Rate::Flat(_)))
}

/// The requested resolution is one the model's table does not state.
fn resolution_unstated(model: &Model, request: &Request) -> bool {
    request.resolution.as_ref().is_some_and(|r| {
        !model.resolutions.contains(r)
            && !model
                .variants
                .iter()
                .any(|v| v.resolution.as_ref() == Some(r))
    })
}

/// The shot, as the header line names it: `a 10 s video, 1080p, with sound`.
fn shot_words(kind: Kind, request: &Request, defaulted: bool) -> String {
    let mut words = Vec::new();
    match request.duration {
        Some(d) if kind == Kind::Video || kind == Kind::Audio => {
            words.push(format!("a {} s {}", d.normalize(), kind.as_str()))
        }
        _ => words.push(format!("one {} generation", kind.as_str())),
    }
    if let Some(r) = &request.resolution {
        words.push(r.clone());
    }
    if let Some(m) = &request.mode {
        words.push(format!("mode {m}"));
    }
    if request.audio {
        words.push("with sound".to_string());
    }
    let mut text = words.join(", ");
    if defaulted {
        text.push_str(" (the standard shot; --duration to change it)");
    }
    text
}

/// Cheapest first; ranges by their low end; unknown money last, then by platform and model.
pub fn rank(quotes: &mut [Quote], by_second: bool) {
    quotes.sort_by(|a, b| {
        let by_value = match (rank_value(a, by_second), rank_value(b, by_second)) {
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
    // Clips of different lengths are not compared: without --duration, the standard shot.
    let defaulted = args.duration.is_none() && (kind == Kind::Video || kind == Kind::Audio);
    let duration = if defaulted {
        Some(rust_decimal::Decimal::from(STANDARD_SHOT_SECONDS))
    } else {
        args.duration
    };
    let request = Request {
        duration,
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
    // Models that cannot make the shot, with why: said in one line, never silently dropped.
    let mut cannot: Vec<(String, String)> = Vec::new();
    let mut unstated: Vec<String> = Vec::new();
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
            let charge = match cost::charge(model, &request) {
                Ok(charge) => charge,
                Err(e) => {
                    cannot.push(cannot_text(platform, model, &e));
                    continue;
                }
            };
            let choice_here = match cap {
                None => choice.clone(),
                Some(cap) => {
                    if let Some(min) = charge.min_plan.filter(|min| *min > cap) {
                        cannot.push((
                            format!("{}/{}", platform.id, model.id),
                            format!("needs {}", platform.plan_name(min)),
                        ));
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
            // A platform with no plans is priced by its cheapest pack in `cost::quote`.
            let mut quote = match cost::quote(platform, model, &request, &choice_here) {
                Ok(quote) => quote,
                Err(e) => {
                    cannot.push(cannot_text(platform, model, &e));
                    continue;
                }
            };
            if lengthless(model) && request.duration.is_some() {
                quote.charge.seconds = None;
                quote.cost_per_second = None;
            }
            if resolution_unstated(model, &request) {
                unstated.push(format!("{}/{}", quote.platform, quote.model));
            }
            quotes.push(quote);
        }
    }
    if quotes.is_empty() && !skipped_by_plan.is_empty() && skipped_by_plan.len() == platforms.len()
    {
        let name = args.max_plan.as_deref().unwrap_or("");
        return Err(fail_with_help(
            format!("no platform has a plan named `{name}`"),
            "name a plan one of them sells (`credits pricing show PLATFORM` lists them), or `free`",
        ));
    }
    if quotes.is_empty() {
        let why = if cannot.is_empty() {
            String::new()
        } else {
            format!(" ({})", cannot_line(&cannot))
        };
        return Err(fail_with_help(
            format!(
                "no model in the tables can make {}{why}",
                shot_words(kind, &request, false)
            ),
            "try a shorter --duration, another --resolution, or without --audio",
        ));
    }
    let by_second = kind == Kind::Video || kind == Kind::Audio;
    rank(&mut quotes, by_second);
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
        eproseln!(
            "note: --max-plan {} names no plan on {}: left out",
            args.max_plan.as_deref().unwrap_or(""),
            skipped_by_plan.join(", ")
        );
    }

    if ctx.json {
        let rows: Vec<QuoteView> = quotes.iter().map(QuoteView::new).collect();
        out.write_all(views::json(&rows).as_bytes())?;
        return Ok(0);
    }
    let per = if kind == Kind::Video || kind == Kind::Audio {
        "per second"
    } else {
        "per item"
    };
    writeln!(
        out,
        "{}",
        render::paragraph(&format!(
            "Comparing {}:",
            shot_words(kind, &request, defaulted)
        ))
    )?;
    let rows: Vec<Vec<String>> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let ranked = if rank_value(q, by_second).is_some() {
                (i + 1).to_string()
            } else {
                "-".to_string()
            };
            let mut model = if q.charge.variant.is_empty() {
                q.model.clone()
            } else {
                format!("{} ({})", q.model, q.charge.variant)
            };
            // Markers go first: a name shortened to fit keeps them.
            let mut marks = String::new();
            if q.charge.provenance.unvouched() {
                marks.push('*');
            }
            if unstated.contains(&format!("{}/{}", q.platform, q.model)) {
                marks.push('†');
            }
            if !marks.is_empty() {
                model = format!("{marks} {model}");
            }
            // The seconds priced: the bucket's when it rounds the shot up (↑), `?` when
            // the table gives one price per clip and no length.
            let seconds = match (q.charge.billed_seconds, q.charge.seconds) {
                (Some(b), Some(s)) if b != s => format!("{} ↑", b.normalize()),
                (_, Some(s)) => s.normalize().to_string(),
                (_, None) if !by_second => "-".to_string(),
                (_, None) => "?".to_string(),
            };
            vec![
                ranked,
                q.platform.clone(),
                model,
                seconds,
                q.credits
                    .as_ref()
                    .map_or_else(|| "-".to_string(), money::fmt_credits_amount),
                q.plan.clone().unwrap_or_else(|| "-".to_string()),
                q.price_per_credit.as_ref().map_or_else(
                    || "-".to_string(),
                    |p| money::fmt_money(money::to_decimal(p), &q.currency),
                ),
                render::money_cell(q.cost_per_clip.as_ref(), &q.currency),
                if !by_second {
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
        // A row is read for the model (its variant too) on a platform at a price per
        // second (issue 22, item 5): the credits go before either is cut, and the platform
        // id gives way before the model's variant is cut.
        render::Column::shrinkable("platform", 8, 6),
        render::Column::shrinkable("model", 9, 12),
        render::Column::optional("secs", 6),
        render::Column::optional("credits", 7),
        render::Column::optional("plan", 4),
        render::Column::optional("$/credit", 2),
        render::Column::optional("per clip", 5),
        render::Column::essential(per),
        render::Column::optional("free tier", 1),
    ];
    out.write_all(render::table(&columns, rows).as_bytes())?;
    let mut after = String::new();
    if quotes
        .iter()
        .any(|q| q.charge.provenance.only_third_party())
    {
        after.push_str("* rate rests only on third-party pages, not the platform's own (`credits pricing show PLATFORM` lists the sources)\n");
    }
    if !unstated.is_empty() {
        after.push_str(&format!(
            "† the table does not say the model makes {}: priced at its base rate\n",
            request.resolution.as_deref().unwrap_or("")
        ));
    }
    if quotes.iter().any(|q| {
        q.charge
            .billed_seconds
            .is_some_and(|b| Some(b) != q.charge.seconds)
    }) {
        after.push_str("↑ billed at the shortest length the model makes that covers the shot\n");
    }
    let no_length = quotes
        .iter()
        .filter(|q| q.charge.seconds.is_none() && by_second)
        .count();
    if no_length > 0 {
        after.push_str(&format!(
            "? {} priced per clip with no length in the table: not known to make the shot's length, so not ranked per second\n",
            money::fmt_count(no_length as u64, "model", "models")
        ));
    }
    let unknown = quotes.iter().filter(|q| q.cost_per_clip.is_none()).count();
    if unknown > 0 {
        after.push_str(&format!(
            "{} with unknown money listed last: their tables give credits but no plan prices\n",
            money::fmt_count(unknown as u64, "model", "models")
        ));
    }
    if !cannot.is_empty() {
        after.push_str(&cannot_line(&cannot));
        after.push('\n');
    }
    out.write_all(render::paragraph(&after).as_bytes())?;
    Ok(0)
}

/// Why a model cannot make the shot, short (`longest 5 s`, `no price for audio`), for the
/// grouped line under the table.
fn cannot_text(platform: &Platform, model: &Model, err: &anyhow::Error) -> (String, String) {
    let why = err.to_string();
    let why = why
        .strip_prefix(&format!("{} ", model.id))
        .unwrap_or(&why)
        .to_string();
    // "cannot make 10 s: its longest length is 5 s" says more than needed in a list.
    let why = match why.split_once(": its longest length is ") {
        Some((_, longest)) => format!("longest {longest}"),
        None => why
            .trim_start_matches("has ")
            .trim_end_matches(" in its table")
            .to_string(),
    };
    (format!("{}/{}", platform.id, model.id), why)
}

/// `44 models cannot make this shot: no price for audio (35): a, b, … and 29 more; …`.
fn cannot_line(cannot: &[(String, String)]) -> String {
    const NAMED: usize = 6;
    let mut reasons: Vec<(&str, Vec<&str>)> = Vec::new();
    for (name, why) in cannot {
        match reasons.iter_mut().find(|(w, _)| w == why) {
            Some((_, names)) => names.push(name),
            None => reasons.push((why, vec![name])),
        }
    }
    let parts: Vec<String> = reasons
        .iter()
        .map(|(why, names)| {
            let mut list = names
                .iter()
                .take(NAMED)
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            if names.len() > NAMED {
                list.push_str(&format!(" and {} more", names.len() - NAMED));
            }
            format!("{why} ({}): {list}", names.len())
        })
        .collect();
    format!(
        "{} cannot make this shot: {}",
        money::fmt_count(cannot.len() as u64, "model", "models"),
        parts.join("; ")
    )
}
