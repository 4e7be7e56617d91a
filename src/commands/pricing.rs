//! `credits pricing list | show | validate | dump | dirs | status | update | bundle`.

use super::Context;
use crate::cli::PricingCommand;
use crate::render;
use crate::views::{self, pricing as view};
use anyhow::Result;
use credits_app::ops::bundle::{self as bundles, BundleState, Source};
use credits_core::pricing::bundle::Change;
use credits_core::pricing::catalog::Catalog;
use credits_core::pricing::{dump, strict, Origin, Platform};
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
        PricingCommand::Status { stale } => {
            if *stale {
                stale_sources(ctx, out)
            } else {
                status(ctx, out)
            }
        }
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
    let rows: Vec<view::PlatformRow> = platforms
        .iter()
        .map(|p| view::PlatformRow::new(&ctx.session.catalog, p))
        .collect();
    if ctx.json {
        out.write_all(views::json(&rows).as_bytes())?;
        return Ok(0);
    }
    let cells = rows.iter().map(|r| r.cells()).collect();
    out.write_all(render::table(&view::PlatformRow::COLUMNS, cells).as_bytes())?;
    ctx.say(
        &ctx.stale(platforms.iter().copied())
            .into_iter()
            .collect::<Vec<_>>(),
    );
    Ok(0)
}

fn show(ctx: &Context, name: &str, out: &mut dyn Write) -> Result<i32> {
    let p = ctx.session.catalog.platform(name)?;
    ctx.say(&ctx.stale([p]).into_iter().collect::<Vec<_>>());
    let v = view::PlatformView::new(&ctx.session.catalog, p);
    if ctx.json {
        out.write_all(views::json(&v).as_bytes())?;
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
    if !v.plans.is_empty() {
        proseln!(out, "\nPlans")?;
        let rows = v.plans.iter().map(|x| x.cells(&p.currency)).collect();
        out.write_all(render::table(&view::PlanView::COLUMNS, rows).as_bytes())?;
        for x in &v.plans {
            if let Some(note) = &x.promotion {
                proseln!(out, "promotion: {note}")?;
            }
        }
    }
    if !v.packs.is_empty() {
        proseln!(out, "\nPacks")?;
        let rows = v.packs.iter().map(|k| k.cells(p)).collect();
        out.write_all(render::table(&view::PackView::COLUMNS, rows).as_bytes())?;
    }
    proseln!(out, "\nModels")?;
    let rows: Vec<Vec<String>> = v.models.iter().flat_map(|m| m.rows()).collect();
    if rows.is_empty() {
        proseln!(out, "(none in the table: see the notes)")?;
    } else {
        out.write_all(render::table(&view::ModelView::COLUMNS, rows).as_bytes())?;
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
    if !v.sources.is_empty() {
        proseln!(out, "\nSources")?;
        for s in &v.sources {
            let mut about = Vec::new();
            if let Some(g) = s.grade {
                about.push(g.to_string());
            }
            match (&s.date, &s.read) {
                (Some(d), _) => about.push(format!("dated {d}")),
                (None, Some(r)) => about.push(format!("undated, read {r}")),
                (None, None) => about.push("undated".to_string()),
            }
            let id = if s.id.is_empty() {
                String::new()
            } else {
                format!("[{}] ", s.id)
            };
            let url = s.url.map(|u| format!(" <{u}>")).unwrap_or_default();
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
    let rows: Vec<view::CheckedView> = checked
        .iter()
        .map(|c| view::CheckedView {
            file: &c.name,
            ok: c.problems.is_empty(),
            platform: c.platform.as_deref(),
            patches_shipped_table: c.patches,
            strict: strict_rules,
            problems: &c.problems,
        })
        .collect();
    if ctx.json {
        out.write_all(views::json(&rows).as_bytes())?;
        if bad > 0 {
            eproseln!(
                "error: {bad} of {} file(s) have problems (listed in the JSON)",
                rows.len()
            );
        }
    } else {
        for c in &rows {
            if c.ok {
                let what = match (c.platform, c.patches_shipped_table) {
                    (Some(id), true) => format!("patches the shipped {id} table"),
                    (Some(id), false) => id.to_string(),
                    (None, _) => String::new(),
                };
                proseln!(out, "ok: {} ({what})", c.file)?;
            } else {
                eproseln!("error: {}:", c.file);
                for problem in c.problems {
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

fn dirs(ctx: &Context, out: &mut dyn Write) -> Result<i32> {
    let value = view::DirsView::new(&ctx.session.catalog.dirs, &ctx.session.catalog.files);
    if ctx.json {
        out.write_all(views::json(&value).as_bytes())?;
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
    for d in &value.dirs {
        let state = if d.exists { "" } else { " (does not exist)" };
        proseln!(out, "  {} — {}{state}", d.path, d.why)?;
    }
    proseln!(out, "\nFiles:")?;
    for f in &value.files {
        let status = match (f.error, &f.replaced_by, f.platform) {
            (Some(e), _, _) => format!("skipped: {}", e.lines().next().unwrap_or("")),
            (None, Some(by), Some(id)) => format!("{id}, replaced by {by}"),
            (None, None, Some(id)) if f.patches => format!("{id}, patches the table loaded before"),
            (None, None, Some(id)) => format!("{id}, in use"),
            _ => String::new(),
        };
        proseln!(out, "  {} — {status}", f.file)?;
    }
    Ok(0)
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
    let shut_down = credits_app::ops::reports::logged_shut_down(&ctx.session)?;
    let value = view::StatusView::new(&status, patches, &shut_down);
    if ctx.json {
        out.write_all(views::json(&value).as_bytes())?;
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
    let rows = value.platforms.iter().map(|t| t.cells()).collect();
    out.write_all(render::table(&view::TableSourceView::COLUMNS, rows).as_bytes())?;
    // Said here, once, rather than on every command that reads those entries (issue 21).
    for s in &value.logged_shut_down {
        let n = if s.entries == 1 { "entry" } else { "entries" };
        eproseln!(
            "note: {} {} of your log ({} {n}) has {}",
            s.platform,
            s.model,
            s.entries,
            s.lifecycle
        );
    }
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

/// `pricing status --stale`: every table and model by the age of its newest source, oldest
/// first, so a refresh of the tables starts from a list.
fn stale_sources(ctx: &Context, out: &mut dyn Write) -> Result<i32> {
    let today = ctx.session.now.date_naive();
    let rows =
        credits_core::pricing::freshness::by_source_age(ctx.session.catalog.platforms(), today);
    let value = view::StaleView::new(today, &rows);
    if ctx.json {
        out.write_all(views::json(&value).as_bytes())?;
        return Ok(0);
    }
    let cells = value.tables.iter().map(|r| r.cells()).collect();
    out.write_all(render::table(&view::SourceAgeView::COLUMNS, cells).as_bytes())?;
    Ok(0)
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
    let value = view::InstalledView::new(&installed);
    if ctx.json {
        out.write_all(views::json(&value).as_bytes())?;
    } else {
        let count =
            |want: fn(&Change) -> bool| value.tables.iter().filter(|t| want(&t.kind)).count();
        proseln!(
            out,
            "installed pricing bundle {} from {}: {} table{} ({} new, {} changed, {} same as built-in)",
            value.date,
            value.source,
            value.tables.len(),
            if value.tables.len() == 1 { "" } else { "s" },
            count(|c| matches!(c, Change::New)),
            count(|c| matches!(c, Change::Changed { .. })),
            count(|c| matches!(c, Change::Same)),
        )?;
        let replacing = if value.replaced {
            " (replacing the bundle installed before)"
        } else {
            ""
        };
        proseln!(out, "into {}{replacing}", value.installed)?;
        let rows = value.tables.iter().map(|t| t.cells()).collect();
        out.write_all(render::table(&view::InstalledTableView::COLUMNS, rows).as_bytes())?;
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
    let value = view::RemovedView::new(&path, removed.as_ref());
    if ctx.json {
        out.write_all(views::json(&value).as_bytes())?;
        return Ok(0);
    }
    if value.removed {
        let date = value.date.map(|d| format!(" {d}")).unwrap_or_default();
        proseln!(
            out,
            "removed pricing bundle{date} ({}): the built-in tables apply again",
            value.path
        )?;
    } else {
        proseln!(out, "no pricing bundle installed ({})", value.path)?;
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
    let value = view::MadeView::new(&made);
    if ctx.json {
        out.write_all(views::json(&value).as_bytes())?;
        return Ok(0);
    }
    let n = value.tables.len();
    let s = if n == 1 { "" } else { "s" };
    proseln!(
        out,
        "wrote pricing bundle {}: dated {}, {n} table{s}",
        value.file,
        value.date
    )?;
    let rows = value.tables.iter().map(|t| t.cells()).collect();
    out.write_all(render::table(&view::BundleTableView::COLUMNS, rows).as_bytes())?;
    Ok(0)
}
