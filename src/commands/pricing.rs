//! `credits pricing list | show | validate | dirs | status | update | bundle`.

use super::Context;
use crate::cli::PricingCommand;
use crate::cost::{self, BillingPeriod};
use crate::money::{self, fmt_credits, fmt_credits_amount};
use crate::ops::bundle::{self as bundles, BundleState, Source};
use crate::pricing::bundle::Change;
use crate::pricing::schema::parse_platform;
use crate::pricing::{Expiry, Model, Origin, Platform, Rate};
use crate::render::{self, json_decimal};
use anyhow::{Context as _, Result};
use serde_json::{json, Value};
use std::io::Write;

pub fn run(ctx: &Context, cmd: &PricingCommand, out: &mut dyn Write) -> Result<i32> {
    match cmd {
        PricingCommand::List => list(ctx, out),
        PricingCommand::Show { platform } => show(ctx, platform, out),
        PricingCommand::Validate { files } => validate(ctx, files, out),
        PricingCommand::Dirs => dirs(ctx, out),
        PricingCommand::Status => status(ctx, out),
        PricingCommand::Update {
            from: Some(source),
            force,
            remove: false,
        } => update(ctx, source, *force, out),
        PricingCommand::Update { .. } => remove_bundle(ctx, out),
        PricingCommand::Bundle { dir, output } => bundle(ctx, dir, output, out),
    }
}

fn list(ctx: &Context, out: &mut dyn Write) -> Result<i32> {
    let platforms = &ctx.session.catalog.platforms;
    if ctx.json {
        let rows: Vec<Value> = platforms
            .iter()
            .map(|p| {
                json!({
                    "platform": p.id,
                    "name": p.name,
                    "as_of": p.as_of.to_string(),
                    "billing": if p.billing == crate::pricing::Billing::Money { "money" } else { "credits" },
                    "currency": p.currency,
                    "plans": p.plans.iter().map(|x| x.id.clone()).collect::<Vec<_>>(),
                    "models": p.models.iter().map(|x| x.id.clone()).collect::<Vec<_>>(),
                    "source": p.origin.to_string(),
                })
            })
            .collect();
        out.write_all(render::json(&Value::Array(rows)).as_bytes())?;
        return Ok(0);
    }
    let rows = platforms
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                p.as_of.to_string(),
                p.unit().to_string(),
                p.plans
                    .iter()
                    .map(|x| x.name.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
                p.models.len().to_string(),
                source_label(&p.origin),
            ]
        })
        .collect();
    out.write_all(
        render::table(
            &["platform", "as of", "billed in", "plans", "models", "from"],
            rows,
        )
        .as_bytes(),
    )?;
    ctx.say(&ctx.stale(platforms.iter()).into_iter().collect::<Vec<_>>());
    Ok(0)
}

/// A rate in words: `12 credits/s (5 s, 10 s)`, `5 s: 70 · 10 s: 140`.
pub fn describe_rate(platform: &Platform, rate: &Rate) -> String {
    let money_billed = platform.billing == crate::pricing::Billing::Money;
    // Money-billed rates read as money ($0.10/s); credit rates as credits (12 credits/s).
    let amount = |a: &crate::money::Amount| {
        if money_billed {
            money::fmt_money_amount(a, &platform.currency)
        } else {
            fmt_credits_amount(a)
        }
    };
    let unit = if money_billed { "" } else { " credits" };
    match rate {
        Rate::Flat(a) => format!("{}{unit} each", amount(a)),
        Rate::Buckets(buckets) => buckets
            .iter()
            .map(|b| {
                let gate = b
                    .min_plan
                    .map(|t| format!(" ({}+)", platform.plan_name(t)))
                    .unwrap_or_default();
                format!(
                    "{} s: {}{gate}",
                    b.seconds.normalize(),
                    fmt_credits_amount(&b.credits)
                )
            })
            .collect::<Vec<_>>()
            .join(" · "),
        Rate::PerSecond { rate, durations } => {
            let lengths = if durations.is_empty() {
                String::new()
            } else {
                let d: Vec<String> = durations
                    .iter()
                    .map(|d| format!("{} s", d.normalize()))
                    .collect();
                format!(" ({})", d.join(", "))
            };
            format!("{}{unit}/s{lengths}", amount(rate))
        }
        Rate::PerInput {
            credits,
            per,
            unit: input,
        } => {
            format!(
                "{} {unit} per {} {}",
                fmt_credits_amount(credits),
                fmt_credits(*per),
                input.as_str()
            )
        }
    }
}

fn model_rates(platform: &Platform, model: &Model) -> Vec<(String, String)> {
    model
        .variants
        .iter()
        .map(|v| {
            let gate = v
                .min_plan
                .map(|t| format!(" ({}+)", platform.plan_name(t)))
                .unwrap_or_default();
            (
                cost::describe_variant(v),
                format!("{}{gate}", describe_rate(platform, &v.rate)),
            )
        })
        .collect()
}

fn show(ctx: &Context, name: &str, out: &mut dyn Write) -> Result<i32> {
    let p = ctx.session.catalog.platform(name)?;
    ctx.say(&ctx.stale([p]).into_iter().collect::<Vec<_>>());
    let ppc = |plan, billing| {
        cost::plan_price_per_credit(plan, billing)
            .ok()
            .map(|r| money::to_decimal(&r))
    };
    if ctx.json {
        let plans: Vec<Value> = p
            .plans
            .iter()
            .map(|x| {
                json!({
                    "plan": x.id, "name": x.name, "tier": x.tier,
                    "price": x.price.map(json_decimal), "annual_price": x.annual_price.map(json_decimal),
                    "credits": x.credits.map(json_decimal), "grant": x.grant.key(), "rollover": x.rollover,
                    "price_per_credit": ppc(x, BillingPeriod::Monthly).map(json_decimal),
                    "annual_price_per_credit": ppc(x, BillingPeriod::Annual).map(json_decimal),
                    "promotion": cost::promotion_note(x, &p.currency),
                    "notes": x.notes,
                })
            })
            .collect();
        let packs: Vec<Value> = p
            .packs
            .iter()
            .map(|k| {
                json!({
                    "pack": k.id, "name": k.name, "price": json_decimal(k.price),
                    "credits": json_decimal(k.credits), "bonus": json_decimal(k.bonus),
                    "price_per_credit": money::rdiv(&money::ratio(k.price), &money::ratio(k.credits + k.bonus)).ok().map(|r| json_decimal(money::to_decimal(&r))),
                    "expires_after_days": match k.expiry { Expiry::AfterDays(d) => json!(d), _ => Value::Null },
                    "never_expires": match k.expiry { Expiry::Never => json!(true), Expiry::AfterDays(_) => json!(false), Expiry::Unknown => Value::Null },
                })
            })
            .collect();
        let models: Vec<Value> = p
            .models
            .iter()
            .map(|m| {
                json!({
                    "model": m.id, "name": m.name, "kind": m.kind.as_str(),
                    "min_plan": m.min_plan.map(|t| p.plan_name(t)),
                    "included_from": m.included_from.map(|t| p.plan_name(t)),
                    "rates": model_rates(p, m).into_iter().map(|(v, r)| json!({"variant": v, "rate": r})).collect::<Vec<_>>(),
                    "notes": m.notes,
                })
            })
            .collect();
        let value = json!({
            "platform": p.id, "name": p.name, "as_of": p.as_of.to_string(), "currency": p.currency,
            "billing": if p.billing == crate::pricing::Billing::Money { "money" } else { "credits" },
            "failed_refunded": p.failed_refunded,
            "sources": p.sources.iter().map(|s| json!({"title": s.title, "url": s.url, "date": s.date.map(|d| d.to_string())})).collect::<Vec<_>>(),
            "notes": p.notes, "plans": plans, "packs": packs, "models": models,
            "source": p.origin.to_string(),
        });
        out.write_all(render::json(&value).as_bytes())?;
        return Ok(0);
    }

    writeln!(
        out,
        "{} ({}) — prices as of {}, from {}",
        p.name, p.id, p.as_of, p.origin
    )?;
    let c = &p.currency;
    let money_or = |v: Option<rust_decimal::Decimal>| {
        v.map_or("unknown".to_string(), |d| money::fmt_money(d, c))
    };
    if !p.plans.is_empty() {
        writeln!(out, "\nPlans")?;
        let rows = p
            .plans
            .iter()
            .map(|x| {
                vec![
                    x.name.clone(),
                    money_or(x.price),
                    money_or(x.annual_price),
                    x.credits.map_or("unknown".to_string(), |v| {
                        format!("{} / {}", fmt_credits(v), x.grant.as_str())
                    }),
                    if x.is_free() {
                        "no price (free)".to_string()
                    } else {
                        money_or(ppc(x, BillingPeriod::Monthly))
                    },
                    if x.is_free() {
                        "-".to_string()
                    } else {
                        money_or(ppc(x, BillingPeriod::Annual))
                    },
                    match x.rollover {
                        Some(true) => "yes",
                        Some(false) => "no",
                        None => "unknown",
                    }
                    .to_string(),
                ]
            })
            .collect();
        out.write_all(
            render::table(
                &[
                    "plan",
                    "monthly",
                    "yearly",
                    "credits",
                    "$/credit",
                    "$/credit annual",
                    "rollover",
                ],
                rows,
            )
            .as_bytes(),
        )?;
        for x in &p.plans {
            if let Some(note) = cost::promotion_note(x, c) {
                writeln!(out, "promotion: {note}")?;
            }
        }
    }
    if !p.packs.is_empty() {
        writeln!(out, "\nPacks")?;
        let rows = p
            .packs
            .iter()
            .map(|k| {
                let per = money::rdiv(&money::ratio(k.price), &money::ratio(k.credits + k.bonus))
                    .map(|r| money::fmt_money(money::to_decimal(&r), c))
                    .unwrap_or_else(|_| "unknown".to_string());
                vec![
                    k.name.clone(),
                    money::fmt_money(k.price, c),
                    fmt_credits(k.credits),
                    fmt_credits(k.bonus),
                    per,
                    match k.expiry {
                        Expiry::Never => "never".to_string(),
                        Expiry::AfterDays(d) => format!("after {d} days"),
                        Expiry::Unknown => "unknown".to_string(),
                    },
                ]
            })
            .collect();
        out.write_all(
            render::table(
                &["pack", "price", "credits", "bonus", "$/credit", "expires"],
                rows,
            )
            .as_bytes(),
        )?;
    }
    writeln!(out, "\nModels")?;
    let mut rows = Vec::new();
    for m in &p.models {
        for (i, (variant, rate)) in model_rates(p, m).into_iter().enumerate() {
            rows.push(vec![
                if i == 0 { m.id.clone() } else { String::new() },
                if i == 0 {
                    m.kind.as_str().to_string()
                } else {
                    String::new()
                },
                variant,
                rate,
                if i == 0 {
                    m.min_plan
                        .map_or("-".to_string(), |t| p.plan_name(t).to_string())
                } else {
                    String::new()
                },
            ]);
        }
        if let Some(t) = m.included_from {
            rows.push(vec![
                String::new(),
                String::new(),
                String::new(),
                format!("included from {}", p.plan_name(t)),
                String::new(),
            ]);
        }
    }
    out.write_all(
        render::table(&["model", "kind", "variant", "rate", "min plan"], rows).as_bytes(),
    )?;
    let notes: Vec<String> = p
        .notes
        .iter()
        .cloned()
        .chain(
            p.models
                .iter()
                .flat_map(|m| m.notes.iter().map(move |n| format!("{}: {n}", m.id))),
        )
        .collect();
    if !notes.is_empty() {
        writeln!(out, "\nNotes")?;
        for n in notes {
            writeln!(out, "- {n}")?;
        }
    }
    if !p.sources.is_empty() {
        writeln!(out, "\nSources")?;
        for s in &p.sources {
            let date = s.date.map(|d| format!(" ({d})")).unwrap_or_default();
            let url = s
                .url
                .as_ref()
                .map(|u| format!(" <{u}>"))
                .unwrap_or_default();
            writeln!(out, "- {}{date}{url}", s.title)?;
        }
    }
    Ok(0)
}

fn validate(ctx: &Context, files: &[std::path::PathBuf], out: &mut dyn Write) -> Result<i32> {
    let mut bad = 0;
    let mut results = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        match parse_platform(&text, Origin::File(path.clone())) {
            Ok(p) => {
                results.push(json!({"file": path.display().to_string(), "ok": true, "platform": p.id, "problems": []}));
                if !ctx.json {
                    writeln!(
                        out,
                        "ok: {} ({}: {} plans, {} models)",
                        path.display(),
                        p.id,
                        p.plans.len(),
                        p.models.len()
                    )?;
                }
            }
            Err(e) => {
                bad += 1;
                let problems: Vec<String> = e.to_string().lines().map(str::to_string).collect();
                if !ctx.json {
                    eprintln!("error: {}:", path.display());
                    for problem in &problems {
                        eprintln!("  {problem}");
                    }
                }
                results.push(json!({"file": path.display().to_string(), "ok": false, "platform": null, "problems": problems}));
            }
        }
    }
    if ctx.json {
        out.write_all(render::json(&Value::Array(results)).as_bytes())?;
    }
    Ok(if bad > 0 { crate::error::EXIT_ERROR } else { 0 })
}

fn dirs(ctx: &Context, out: &mut dyn Write) -> Result<i32> {
    if ctx.json {
        let value = json!({
            "dirs": ctx.session.catalog.dirs.iter().map(|d| json!({"path": d.path.display().to_string(), "why": d.why, "exists": d.exists})).collect::<Vec<_>>(),
            "files": ctx.session.catalog.files.iter().map(|f| json!({
                "file": f.origin.to_string(), "platform": f.platform_id,
                "replaced_by": f.replaced_by.as_ref().map(|o| o.to_string()), "error": f.error,
            })).collect::<Vec<_>>(),
        });
        out.write_all(render::json(&value).as_bytes())?;
        return Ok(0);
    }
    writeln!(out, "Looks for pricing tables in, later replacing earlier:")?;
    writeln!(
        out,
        "  built into the binary ({} tables)",
        crate::pricing::catalog::BUILTIN.len()
    )?;
    for d in &ctx.session.catalog.dirs {
        let state = if d.exists { "" } else { " (does not exist)" };
        writeln!(out, "  {} — {}{state}", d.path.display(), d.why)?;
    }
    writeln!(out, "\nFiles:")?;
    for f in &ctx.session.catalog.files {
        let status = match (&f.error, &f.replaced_by, &f.platform_id) {
            (Some(e), _, _) => format!("skipped: {}", e.lines().next().unwrap_or("")),
            (None, Some(by), Some(id)) => format!("{id}, replaced by {by}"),
            (None, None, Some(id)) => format!("{id}, in use"),
            _ => String::new(),
        };
        writeln!(out, "  {} — {status}", f.origin)?;
    }
    Ok(0)
}

/// Where a table comes from, in a table cell: `built-in`, `bundle 2026-11-25`, a path.
fn source_label(origin: &Origin) -> String {
    match origin {
        Origin::Builtin(_) => "built-in".to_string(),
        Origin::Bundle { date, .. } => format!("bundle {date}"),
        Origin::File(path) => path.display().to_string(),
    }
}

/// An origin as JSON: `{"source": "builtin"|"bundle"|"file", "file": …, "bundle_date": …}`.
fn source_json(origin: &Origin) -> (Value, Value, Value) {
    match origin {
        Origin::Builtin(name) => (json!("builtin"), json!(name), Value::Null),
        Origin::Bundle { file, date, .. } => {
            (json!("bundle"), json!(file), json!(date.to_string()))
        }
        Origin::File(path) => (
            json!("file"),
            json!(path.display().to_string()),
            Value::Null,
        ),
    }
}

fn status(ctx: &Context, out: &mut dyn Write) -> Result<i32> {
    let path = crate::installed_bundle_path();
    let status = bundles::status(&ctx.session.catalog, path.as_deref());
    let where_ = status
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    if ctx.json {
        let bundle = match &status.bundle {
            BundleState::None => Value::Null,
            BundleState::Installed { date, tables } => {
                json!({"path": where_, "date": date.to_string(), "tables": tables, "error": null})
            }
            BundleState::Broken { error } => {
                json!({"path": where_, "date": null, "tables": 0, "error": error})
            }
        };
        let platforms: Vec<Value> = status
            .platforms
            .iter()
            .map(|(id, origin, as_of)| {
                let (source, file, bundle_date) = source_json(origin);
                json!({"platform": id, "source": source, "file": file, "bundle_date": bundle_date, "as_of": as_of.to_string()})
            })
            .collect();
        let value = json!({
            "bundle": bundle,
            "bundle_path": status.path.as_ref().map(|p| p.display().to_string()),
            "builtin_date": status.builtin_date.map(|d| d.to_string()),
            "platforms": platforms,
        });
        out.write_all(render::json(&value).as_bytes())?;
        return Ok(0);
    }
    match &status.bundle {
        BundleState::None => writeln!(
            out,
            "bundle    none installed (`credits pricing update --from FILE|URL` installs one)"
        )?,
        BundleState::Installed { date, tables } => {
            let s = if *tables == 1 { "" } else { "s" };
            writeln!(out, "bundle    {date}, {tables} table{s} ({where_})")?;
        }
        BundleState::Broken { error } => writeln!(
            out,
            "bundle    {where_} is not used: {}",
            error.lines().next().unwrap_or("")
        )?,
    }
    if let Some(date) = status.builtin_date {
        writeln!(out, "built-in  {date} (the newest built-in table)")?;
    }
    let rows = status
        .platforms
        .iter()
        .map(|(id, origin, as_of)| {
            let source = match origin {
                Origin::File(path) => format!("user file {}", path.display()),
                other => source_label(other),
            };
            vec![id.clone(), source, as_of.to_string()]
        })
        .collect();
    out.write_all(render::table(&["platform", "source", "as of"], rows).as_bytes())?;
    if let (BundleState::Installed { date, .. }, Some(builtin)) =
        (&status.bundle, status.builtin_date)
    {
        if *date < builtin {
            eprintln!(
                "note: the installed bundle ({date}) is older than the built-in tables ({builtin}); \
                 `credits pricing update --remove` goes back to them"
            );
        }
    }
    Ok(0)
}

fn change_label(change: Change) -> String {
    match change {
        Change::New => "new".to_string(),
        Change::Changed { builtin_as_of } => format!("changed (built-in as of {builtin_as_of})"),
        Change::Same => "same as built-in".to_string(),
    }
}

fn update(ctx: &Context, source: &Source, force: bool, out: &mut dyn Write) -> Result<i32> {
    let path = bundles::installed_path()?;
    let installed = bundles::install(source, force, &path)?;
    // Your own files still apply over the bundle's tables of their platforms.
    let mine: Vec<(String, String)> = installed
        .tables
        .iter()
        .filter_map(|(t, _)| {
            let p = ctx
                .session
                .catalog
                .platforms
                .iter()
                .find(|p| p.id == t.platform)?;
            match &p.origin {
                Origin::File(file) => Some((t.platform.clone(), file.display().to_string())),
                _ => None,
            }
        })
        .collect();
    if ctx.json {
        let tables: Vec<Value> = installed
            .tables
            .iter()
            .map(|(t, change)| {
                let (kind, builtin_as_of) = match change {
                    Change::New => ("new", Value::Null),
                    Change::Changed { builtin_as_of } => {
                        ("changed", json!(builtin_as_of.to_string()))
                    }
                    Change::Same => ("same", Value::Null),
                };
                json!({
                    "file": t.file, "platform": t.platform, "as_of": t.as_of.to_string(),
                    "sha256": t.sha256, "change": kind, "builtin_as_of": builtin_as_of,
                })
            })
            .collect();
        let value = json!({
            "installed": installed.path.display().to_string(),
            "source": installed.source.to_string(),
            "date": installed.date.to_string(),
            "builtin_date": installed.builtin_date.map(|d| d.to_string()),
            "forced_older": installed.older,
            "replaced": installed.replaced,
            "tables": tables,
        });
        out.write_all(render::json(&value).as_bytes())?;
    } else {
        let count =
            |want: fn(&Change) -> bool| installed.tables.iter().filter(|(_, c)| want(c)).count();
        writeln!(
            out,
            "installed pricing bundle {} from {}: {} tables ({} new, {} changed, {} same as built-in)",
            installed.date,
            installed.source,
            installed.tables.len(),
            count(|c| matches!(c, Change::New)),
            count(|c| matches!(c, Change::Changed { .. })),
            count(|c| matches!(c, Change::Same)),
        )?;
        let replacing = if installed.replaced {
            " (replacing the bundle installed before)"
        } else {
            ""
        };
        writeln!(out, "into {}{replacing}", installed.path.display())?;
        let rows = installed
            .tables
            .iter()
            .map(|(t, change)| {
                vec![
                    t.platform.clone(),
                    t.file.clone(),
                    t.as_of.to_string(),
                    change_label(*change),
                ]
            })
            .collect();
        out.write_all(
            render::table(&["platform", "file", "as of", "versus built-in"], rows).as_bytes(),
        )?;
    }
    if installed.older {
        eprintln!(
            "note: the bundle ({}) is older than the built-in tables ({}): installed because of --force",
            installed.date,
            installed.builtin_date.map(|d| d.to_string()).unwrap_or_default()
        );
    }
    for (platform, file) in mine {
        eprintln!("note: your pricing file {file} still applies to {platform} over the bundle");
    }
    Ok(0)
}

fn remove_bundle(ctx: &Context, out: &mut dyn Write) -> Result<i32> {
    let path = bundles::installed_path()?;
    let removed = bundles::remove(&path)?;
    if ctx.json {
        let value = json!({
            "removed": removed.is_some(),
            "path": path.display().to_string(),
            "date": removed.as_ref().and_then(|r| r.date).map(|d| d.to_string()),
        });
        out.write_all(render::json(&value).as_bytes())?;
        return Ok(0);
    }
    match removed {
        Some(r) => {
            let date = r.date.map(|d| format!(" {d}")).unwrap_or_default();
            writeln!(
                out,
                "removed pricing bundle{date} ({}): the built-in tables apply again",
                r.path.display()
            )?;
        }
        None => writeln!(out, "no pricing bundle installed ({})", path.display())?,
    }
    Ok(0)
}

fn bundle(
    ctx: &Context,
    dir: &std::path::Path,
    output: &std::path::Path,
    out: &mut dyn Write,
) -> Result<i32> {
    let made = bundles::make(dir, output)?;
    if ctx.json {
        let value = json!({
            "file": made.path.display().to_string(),
            "date": made.bundle.date.to_string(),
            "tables": made.bundle.tables.iter().map(|t| json!({
                "file": t.file, "platform": t.platform, "as_of": t.as_of.to_string(), "sha256": t.sha256,
            })).collect::<Vec<_>>(),
        });
        out.write_all(render::json(&value).as_bytes())?;
        return Ok(0);
    }
    let n = made.bundle.tables.len();
    let s = if n == 1 { "" } else { "s" };
    writeln!(
        out,
        "wrote pricing bundle {}: dated {}, {n} table{s}",
        made.path.display(),
        made.bundle.date
    )?;
    let rows = made
        .bundle
        .tables
        .iter()
        .map(|t| vec![t.file.clone(), t.platform.clone(), t.as_of.to_string()])
        .collect();
    out.write_all(render::table(&["file", "platform", "as of"], rows).as_bytes())?;
    Ok(0)
}
