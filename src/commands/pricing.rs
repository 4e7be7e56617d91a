//! `credits pricing list | show | validate | dump | dirs | status | update | bundle`.

use super::Context;
use crate::cli::PricingCommand;
use crate::render::{self, json_decimal};
use anyhow::Result;
use credits_app::ops::bundle::{self as bundles, BundleState, Source};
use credits_core::cost::{self, BillingPeriod};
use credits_core::money::{self, fmt_credits, fmt_credits_amount};
use credits_core::pricing::bundle::Change;
use credits_core::pricing::catalog::Catalog;
use credits_core::pricing::{dump, strict, Expiry, Model, Origin, Platform, Provenance, Rate};
use serde_json::{json, Value};
use std::io::Write;

pub fn run(ctx: &Context, cmd: &PricingCommand, out: &mut dyn Write) -> Result<i32> {
    match cmd {
        PricingCommand::List => list(ctx, out),
        PricingCommand::Show { platform } => show(ctx, platform, out),
        PricingCommand::Validate { files, strict } => validate(ctx, files, *strict, out),
        PricingCommand::Dump {
            platform,
            effective,
        } => dump_table(ctx, platform, *effective, out),
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
    let platforms: Vec<&Platform> = ctx.session.catalog.platforms().collect();
    if ctx.json {
        let rows: Vec<Value> = platforms
            .iter()
            .map(|p| {
                json!({
                    "platform": p.id,
                    "name": p.name,
                    "as_of": p.as_of.to_string(),
                    "sha256": ctx.session.catalog.stamp(&p.id).map(|t| t.sha256.clone()),
                    "billing": if p.billing == credits_core::pricing::Billing::Money { "money" } else { "credits" },
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
            &[
                render::Column::essential("platform"),
                render::Column::optional("as of", 3),
                render::Column::optional("billed in", 4),
                render::Column::optional("plans", 1),
                render::Column::optional("models", 5),
                render::Column::optional("from", 2),
            ],
            rows,
        )
        .as_bytes(),
    )?;
    ctx.say(
        &ctx.stale(platforms.iter().copied())
            .into_iter()
            .collect::<Vec<_>>(),
    );
    Ok(0)
}

/// A rate in words: `12 credits/s (5 s, 10 s)`, `5 s: 70 · 10 s: 140`.
pub fn describe_rate(platform: &Platform, rate: &Rate) -> String {
    let money_billed = platform.billing == credits_core::pricing::Billing::Money;
    // Money-billed rates read as money ($0.10/s); credit rates as credits (12 credits/s).
    let amount = |a: &credits_core::money::Amount| {
        if money_billed {
            money::fmt_money_amount(a, &platform.currency)
        } else {
            fmt_credits_amount(a)
        }
    };
    let unit = if money_billed {
        String::new()
    } else {
        format!(" {}", platform.credit_word())
    };
    match rate {
        Rate::Flat(a) => format!("{}{unit} each", amount(a)),
        Rate::Buckets(buckets) => buckets
            .iter()
            .map(|b| {
                let gate = b
                    .min_plan
                    .map(|t| format!(" ({}+)", platform.plan_name(t)))
                    .unwrap_or_default();
                format!("{} s: {}{gate}", b.seconds.normalize(), amount(&b.credits))
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
                "{}{unit} per {} {}",
                amount(credits),
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
                    "provenance": provenance_json(p, &x.provenance),
                    "lifecycle": lifecycle_json(&x.lifecycle),
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
                    "price_per_credit": k.total_credits().and_then(|t| money::rdiv(&money::ratio(k.price), &money::ratio(t)).ok()).map(|r| json_decimal(money::to_decimal(&r))),
                    "expires_after_days": match k.expiry { Expiry::AfterDays(d) => json!(d), _ => Value::Null },
                    "never_expires": match k.expiry { Expiry::Never => json!(true), Expiry::AfterDays(_) => json!(false), Expiry::Unknown => Value::Null },
                    "min_plan": k.min_plan.map(|t| p.plan_name_id(t)),
                    "any_amount": k.any_amount,
                    "provenance": provenance_json(p, &k.provenance),
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
                    "rates": model_rates(p, m).into_iter().zip(&m.variants).map(|((v, r), variant)| json!({"variant": v, "rate": r, "provenance": provenance_json(p, &variant.provenance)})).collect::<Vec<_>>(),
                    "notes": m.notes,
                    "download_names": m.download_names.iter().map(|d| json!({"pattern": d.pattern, "sources": d.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>()})).collect::<Vec<_>>(),
                    "provenance": provenance_json(p, &m.provenance),
                    "lifecycle": lifecycle_json(&m.lifecycle),
                })
            })
            .collect();
        let value = json!({
            "platform": p.id, "name": p.name, "as_of": p.as_of.to_string(), "currency": p.currency,
            // What an entry priced with this table records (`history --json`, `priced_with`).
            "sha256": ctx.session.catalog.stamp(&p.id).map(|t| t.sha256.clone()),
            "billing": if p.billing == credits_core::pricing::Billing::Money { "money" } else { "credits" },
            "failed_refunded": p.failed_refunded,
            "credit_unit": p.credit_word(),
            "sources": p.sources.iter().map(|s| json!({"id": s.id, "title": s.title, "url": s.url, "date": s.date.map(|d| d.to_string()), "read": s.read.map(|d| d.to_string()), "grade": s.grade.map(|g| g.as_str())})).collect::<Vec<_>>(),
            "notes": p.notes, "plans": plans, "packs": packs, "models": models,
            "source": p.origin.to_string(),
            "patched_by": p.patches.iter().map(|o| o.to_string()).collect::<Vec<_>>(),
        });
        out.write_all(render::json(&value).as_bytes())?;
        return Ok(0);
    }

    proseln!(
        out,
        "{} ({}) — prices as of {} (the oldest verification date of its numbers), from {}",
        p.name,
        p.id,
        p.as_of,
        p.origin
    )?;
    if let Some(t) = ctx.session.catalog.stamp(&p.id) {
        proseln!(
            out,
            "table stamp {}, recorded with each entry it prices (the full SHA-256 in --json)",
            render::table_text(t)
        )?;
    }
    for patch in &p.patches {
        proseln!(
            out,
            "patched by your file {patch} (its numbers are marked [yours])"
        )?;
    }
    let c = &p.currency;
    let money_or = |v: Option<rust_decimal::Decimal>| {
        v.map_or("unknown".to_string(), |d| money::fmt_money(d, c))
    };
    if !p.plans.is_empty() {
        proseln!(out, "\nPlans")?;
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
                    provenance_label(p, &x.provenance),
                ]
            })
            .collect();
        out.write_all(
            render::table(
                &[
                    render::Column::shrinkable("plan", 5, 12),
                    render::Column::essential("monthly"),
                    render::Column::optional("yearly", 3),
                    render::Column::essential("credits"),
                    render::Column::optional("$/credit", 6),
                    render::Column::optional("$/credit annual", 2),
                    render::Column::optional("rollover", 4),
                    render::Column::optional("source", 1),
                ],
                rows,
            )
            .as_bytes(),
        )?;
        for x in &p.plans {
            if let Some(note) = cost::promotion_note(x, c) {
                proseln!(out, "promotion: {note}")?;
            }
        }
    }
    if !p.packs.is_empty() {
        proseln!(out, "\nPacks")?;
        let rows = p
            .packs
            .iter()
            .map(|k| {
                let per = k
                    .total_credits()
                    .and_then(|total| {
                        money::rdiv(&money::ratio(k.price), &money::ratio(total)).ok()
                    })
                    .map(|r| money::fmt_money(money::to_decimal(&r), c))
                    .unwrap_or_else(|| "unknown".to_string());
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
                    match k.min_plan {
                        Some(t) => format!("{}+", p.plan_name(t)),
                        None if p.plans.is_empty() => "anyone".to_string(),
                        None => "not stated".to_string(),
                    },
                    provenance_label(p, &k.provenance),
                ]
            })
            .collect();
        out.write_all(
            render::table(
                &[
                    render::Column::shrinkable("pack", 5, 12),
                    render::Column::essential("price"),
                    render::Column::essential("credits"),
                    render::Column::optional("bonus", 3),
                    render::Column::optional("$/credit", 6),
                    render::Column::optional("expires", 4),
                    render::Column::optional("sold to", 2),
                    render::Column::optional("source", 1),
                ],
                rows,
            )
            .as_bytes(),
        )?;
    }
    proseln!(out, "\nModels")?;
    let mut rows = Vec::new();
    for m in &p.models {
        for (i, ((variant, rate), v)) in model_rates(p, m).into_iter().zip(&m.variants).enumerate()
        {
            let source = if i == 0 || v.provenance != m.provenance {
                provenance_label(p, &v.provenance)
            } else {
                String::new()
            };
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
                source,
            ]);
        }
        if let Some(t) = m.included_from {
            rows.push(vec![
                String::new(),
                String::new(),
                String::new(),
                format!("included from {}", p.plan_name(t)),
                String::new(),
                String::new(),
            ]);
        }
    }
    if rows.is_empty() {
        proseln!(out, "(none in the table: see the notes)")?;
    } else {
        out.write_all(
            render::table(
                &[
                    render::Column::essential("model"),
                    render::Column::optional("kind", 2),
                    render::Column::shrinkable("variant", 4, 12),
                    render::Column::essential("rate"),
                    render::Column::optional("min plan", 3),
                    render::Column::optional("source", 1),
                ],
                rows,
            )
            .as_bytes(),
        )?;
    }
    let lifecycle_notes = p
        .plans
        .iter()
        .map(|x| (&x.id, &x.lifecycle))
        .chain(p.models.iter().map(|m| (&m.id, &m.lifecycle)))
        .filter_map(|(id, l)| l.describe().map(|w| format!("{id}: {w}")));
    let notes: Vec<String> = p
        .notes
        .iter()
        .cloned()
        .chain(lifecycle_notes)
        .chain(
            p.models
                .iter()
                .flat_map(|m| m.notes.iter().map(move |n| format!("{}: {n}", m.id))),
        )
        // What `credits scan` takes for this model's downloads.
        .chain(p.models.iter().flat_map(|m| {
            m.download_names.iter().map(move |d| {
                let ids: Vec<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
                format!(
                    "{}: `credits scan` takes files named `{}` for it ({})",
                    m.id,
                    d.pattern,
                    if ids.is_empty() {
                        "no source".to_string()
                    } else {
                        ids.join(", ")
                    }
                )
            })
        }))
        .collect();
    if !notes.is_empty() {
        proseln!(out, "\nNotes")?;
        for n in notes {
            proseln!(out, "- {n}")?;
        }
    }
    if !p.sources.is_empty() {
        proseln!(out, "\nSources")?;
        for s in &p.sources {
            let mut about = Vec::new();
            if let Some(g) = s.grade {
                about.push(g.as_str().to_string());
            }
            match (s.date, s.read) {
                (Some(d), _) => about.push(format!("dated {d}")),
                (None, Some(r)) => about.push(format!("undated, read {r}")),
                (None, None) => about.push("undated".to_string()),
            }
            let id = if s.id.is_empty() {
                String::new()
            } else {
                format!("[{}] ", s.id)
            };
            let url = s
                .url
                .as_ref()
                .map(|u| format!(" <{u}>"))
                .unwrap_or_default();
            proseln!(out, "- {id}{} ({}){url}", s.title, about.join(", "))?;
        }
    }
    Ok(0)
}

/// One checked file (or shipped table): its platform id and every problem found.
struct Checked {
    name: String,
    platform: Option<String>,
    patches: bool,
    problems: Vec<String>,
}

fn validate(
    ctx: &Context,
    files: &[std::path::PathBuf],
    strict_rules: bool,
    out: &mut dyn Write,
) -> Result<i32> {
    let shipped = shipped_tables();
    let strict_of = |p: &Platform| -> Vec<String> {
        if strict_rules {
            strict::problems(p).iter().map(|x| x.to_string()).collect()
        } else {
            Vec::new()
        }
    };
    let mut checked = Vec::new();
    if files.is_empty() {
        for p in shipped.platforms() {
            checked.push(Checked {
                name: p.origin.to_string(),
                platform: Some(p.id.clone()),
                patches: false,
                problems: strict_of(p),
            });
        }
        for f in shipped.broken_files() {
            checked.push(Checked {
                name: f.origin.to_string(),
                platform: None,
                patches: false,
                problems: f
                    .error
                    .iter()
                    .flat_map(|e| e.lines().map(str::to_string))
                    .collect(),
            });
        }
    }
    // Every file is checked, also after one that cannot be read.
    for path in files {
        let name = path.display().to_string();
        let text = match credits_app::tables::read_pricing_file(path) {
            Ok(text) => text,
            Err(e) => {
                checked.push(Checked {
                    name,
                    platform: None,
                    patches: false,
                    problems: vec![e],
                });
                continue;
            }
        };
        match shipped.read_user_file(&text, Origin::File(path.clone())) {
            Ok((p, patches)) => checked.push(Checked {
                name,
                platform: Some(p.id.clone()),
                patches,
                problems: strict_of(&p),
            }),
            Err(e) => checked.push(Checked {
                name,
                platform: None,
                patches: false,
                problems: e.to_string().lines().map(str::to_string).collect(),
            }),
        }
    }
    let bad = checked.iter().filter(|c| !c.problems.is_empty()).count();
    if ctx.json {
        let rows: Vec<Value> = checked
            .iter()
            .map(|c| {
                json!({
                    "file": c.name, "ok": c.problems.is_empty(), "platform": c.platform,
                    "patches_shipped_table": c.patches, "strict": strict_rules, "problems": c.problems,
                })
            })
            .collect();
        out.write_all(render::json(&Value::Array(rows)).as_bytes())?;
        if bad > 0 {
            eproseln!(
                "error: {bad} of {} file(s) have problems (listed in the JSON)",
                checked.len()
            );
        }
    } else {
        for c in &checked {
            if c.problems.is_empty() {
                let what = match (&c.platform, c.patches) {
                    (Some(id), true) => format!("patches the shipped {id} table"),
                    (Some(id), false) => id.clone(),
                    (None, _) => String::new(),
                };
                proseln!(out, "ok: {} ({what})", c.name)?;
            } else {
                eproseln!("error: {}:", c.name);
                for problem in &c.problems {
                    eproseln!("  {problem}");
                }
            }
        }
    }
    Ok(if bad > 0 { crate::error::EXIT_ERROR } else { 0 })
}

/// The tables the tool ships: the built-in ones and an installed bundle, without the
/// user's files (what a user file patches, and what `pricing dump` starts from).
fn shipped_tables() -> Catalog {
    credits_app::tables::load(&credits_app::tables::LoadOptions {
        bundle: credits_app::installed_bundle_path(),
        ..Default::default()
    })
}

fn dump_table(ctx: &Context, name: &str, effective: bool, out: &mut dyn Write) -> Result<i32> {
    let shipped;
    let catalog = if effective {
        &ctx.session.catalog
    } else {
        shipped = shipped_tables();
        &shipped
    };
    let p = catalog.platform(name)?;
    out.write_all(dump::to_toml(p)?.as_bytes())?;
    Ok(0)
}

/// A number's provenance in a few words: `rw-credits (official, 2026-09-20)`, marked
/// when it comes from the user's file rather than the table.
fn provenance_label(p: &Platform, prov: &Provenance) -> String {
    let mut label = if prov.sources.is_empty() {
        "unsourced".to_string()
    } else {
        let ids: Vec<&str> = prov.sources.iter().map(|s| s.id.as_str()).collect();
        let grade = prov.grade().map_or("ungraded", |g| g.as_str());
        let date = prov.verified.map(|d| format!(", {d}")).unwrap_or_default();
        format!("{} ({grade}{date})", ids.join(", "))
    };
    if prov.origin != p.origin {
        label.push_str(" [yours]");
    }
    label
}

fn lifecycle_json(l: &credits_core::pricing::Lifecycle) -> Value {
    json!({
        "deprecated": l.deprecated.map(|d| d.to_string()),
        "shutdown": l.shutdown.map(|d| d.to_string()),
        "replaced_by": l.replaced_by,
    })
}

/// The provenance as JSON: source ids, best grade, verification date, and whether the
/// number is the user's.
fn provenance_json(p: &Platform, prov: &Provenance) -> Value {
    json!({
        "sources": prov.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
        "grade": prov.grade().map(|g| g.as_str()),
        "verified": prov.verified.map(|d| d.to_string()),
        "from": prov.origin.to_string(),
        "yours": prov.origin != p.origin,
    })
}

fn dirs(ctx: &Context, out: &mut dyn Write) -> Result<i32> {
    if ctx.json {
        let value = json!({
            "dirs": ctx.session.catalog.dirs.iter().map(|d| json!({"path": d.path.display().to_string(), "why": d.why, "exists": d.exists})).collect::<Vec<_>>(),
            "files": ctx.session.catalog.files.iter().map(|f| json!({
                "file": f.origin.to_string(), "platform": f.platform_id,
                "replaced_by": f.replaced_by.as_ref().map(|o| o.to_string()), "patches": f.patches, "error": f.error,
            })).collect::<Vec<_>>(),
        });
        out.write_all(render::json(&value).as_bytes())?;
        return Ok(0);
    }
    proseln!(
        out,
        "Looks for pricing tables in, later patching earlier (or replacing, with `replace = true`):"
    )?;
    proseln!(
        out,
        "  built into the binary ({} tables)",
        credits_core::pricing::catalog::BUILTIN.len()
    )?;
    for d in &ctx.session.catalog.dirs {
        let state = if d.exists { "" } else { " (does not exist)" };
        proseln!(out, "  {} — {}{state}", d.path.display(), d.why)?;
    }
    proseln!(out, "\nFiles:")?;
    for f in &ctx.session.catalog.files {
        let status = match (&f.error, &f.replaced_by, &f.platform_id) {
            (Some(e), _, _) => format!("skipped: {}", e.lines().next().unwrap_or("")),
            (None, Some(by), Some(id)) => format!("{id}, replaced by {by}"),
            (None, None, Some(id)) if f.patches => format!("{id}, patches the table loaded before"),
            (None, None, Some(id)) => format!("{id}, in use"),
            _ => String::new(),
        };
        proseln!(out, "  {} — {status}", f.origin)?;
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
    let path = credits_app::installed_bundle_path();
    let status = bundles::status(&ctx.session.catalog, path.as_deref());
    let where_ = status
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    // User files that patch a platform's table (it still comes from its source).
    let patches = |id: &str| -> Vec<String> {
        ctx.session
            .catalog
            .platforms()
            .find(|p| p.id == id)
            .map(|p| p.patches.iter().map(|o| o.to_string()).collect())
            .unwrap_or_default()
    };
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
                json!({"platform": id, "source": source, "file": file, "bundle_date": bundle_date, "as_of": as_of.to_string(), "patched_by": patches(id)})
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
        BundleState::None => proseln!(
            out,
            "bundle    none installed (`credits pricing update --from FILE|URL` installs one)"
        )?,
        BundleState::Installed { date, tables } => {
            let s = if *tables == 1 { "" } else { "s" };
            proseln!(out, "bundle    {date}, {tables} table{s} ({where_})")?;
        }
        BundleState::Broken { error } => proseln!(
            out,
            "bundle    {where_} is not used: {}",
            error.lines().next().unwrap_or("")
        )?,
    }
    if let Some(date) = status.builtin_date {
        proseln!(out, "built-in  {date} (the newest built-in table)")?;
    }
    let rows = status
        .platforms
        .iter()
        .map(|(id, origin, as_of)| {
            let mut source = match origin {
                Origin::File(path) => format!("user file {}", path.display()),
                other => source_label(other),
            };
            for patch in patches(id) {
                source.push_str(&format!(", patched by {patch}"));
            }
            vec![id.clone(), source, as_of.to_string()]
        })
        .collect();
    let columns = [
        render::Column::essential("platform"),
        render::Column::shrinkable("source", 1, 16),
        render::Column::essential("as of"),
    ];
    out.write_all(render::table(&columns, rows).as_bytes())?;
    if let (BundleState::Installed { date, .. }, Some(builtin)) =
        (&status.bundle, status.builtin_date)
    {
        if *date < builtin {
            eproseln!(
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
                .platforms()
                .find(|p| p.id == t.platform)?;
            // A user file that replaces the table, or the files that patch it.
            let files: Vec<String> = match &p.origin {
                Origin::File(file) => vec![file.display().to_string()],
                _ => p.patches.iter().map(|o| o.to_string()).collect(),
            };
            (!files.is_empty()).then(|| (t.platform.clone(), files.join(", ")))
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
            "shrunk": installed.shrunk,
        });
        out.write_all(render::json(&value).as_bytes())?;
    } else {
        let count =
            |want: fn(&Change) -> bool| installed.tables.iter().filter(|(_, c)| want(c)).count();
        proseln!(
            out,
            "installed pricing bundle {} from {}: {} table{} ({} new, {} changed, {} same as built-in)",
            installed.date,
            installed.source,
            installed.tables.len(),
            if installed.tables.len() == 1 { "" } else { "s" },
            count(|c| matches!(c, Change::New)),
            count(|c| matches!(c, Change::Changed { .. })),
            count(|c| matches!(c, Change::Same)),
        )?;
        let replacing = if installed.replaced {
            " (replacing the bundle installed before)"
        } else {
            ""
        };
        proseln!(out, "into {}{replacing}", installed.path.display())?;
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
            render::table(
                &[
                    render::Column::essential("platform"),
                    render::Column::shrinkable("file", 2, 12),
                    render::Column::essential("as of"),
                    render::Column::optional("versus built-in", 1),
                ],
                rows,
            )
            .as_bytes(),
        )?;
    }
    if installed.older {
        eproseln!(
            "note: the bundle ({}) has tables older than the built-in ones they replace: installed because of --force",
            installed.date
        );
    }
    for lacking in &installed.shrunk {
        eproseln!(
            "warning: a bundle table replaces the built-in one whole, and this one has fewer entries: {lacking} \
             (to change a few numbers, put a patch in your pricing folder instead; `credits pricing update --remove` undoes this)"
        );
    }
    for (platform, file) in mine {
        eproseln!("note: your pricing file {file} still applies to {platform} over the bundle");
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
            proseln!(
                out,
                "removed pricing bundle{date} ({}): the built-in tables apply again",
                r.path.display()
            )?;
        }
        None => proseln!(out, "no pricing bundle installed ({})", path.display())?,
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
    proseln!(
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
    let columns = [
        render::Column::shrinkable("file", 1, 12),
        render::Column::essential("platform"),
        render::Column::essential("as of"),
    ];
    out.write_all(render::table(&columns, rows).as_bytes())?;
    Ok(0)
}
