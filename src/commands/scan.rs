//! `credits scan PATH… [--dry-run] [--watch]`: logs the clips and images found in folders.
//!
//! The workflow is `ops::scan`; this module says what it did: a table of the files (platform,
//! model, seconds, resolution, credits, cost, how each was identified, what happened), the
//! reasons for the files it did not log, and the notes `log` would say. `--watch` then keeps
//! logging new files, one line each, until SIGINT or SIGTERM (exit 0).

use super::Context;
use crate::cli::ScanArgs;
use crate::render::{self, Column};
use crate::views::{
    self,
    entries::{ScanFileView, ScanView},
};
use anyhow::Result;
use credits_app::ops::notes::Note;
use credits_app::ops::scan::{Outcome, ScanOutcome, ScanRequest, Scanned, Scanner, Stamp};
use credits_core::money;
use std::io::Write;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

pub fn run(ctx: &Context, args: &ScanArgs, out: &mut dyn Write) -> Result<i32> {
    // Registered (in `--watch`) before the first scan, so an interrupt during it stops it
    // between files or while hashing one, keeping what was logged.
    let stop = Arc::new(AtomicBool::new(false));
    if args.watch {
        for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
    }
    let scanner = Scanner::new(
        &ctx.session,
        ScanRequest {
            paths: args.paths.clone(),
            platform: args.platform.clone(),
            model: args.model.clone(),
            project: args.project.clone(),
            tags: args.tags.clone(),
            mode: args.mode.clone(),
            dry_run: args.dry_run,
            no_audio_price: args.no_audio_price,
            stop: Arc::clone(&stop),
        },
    )?;
    let out = std::cell::RefCell::new(out);
    // Notes already said: `--watch` says each once, not with every file that brings it.
    let said = std::cell::RefCell::new(Vec::new());
    let first_pass = || -> Result<Vec<(std::path::PathBuf, Option<Stamp>)>> {
        let outcome = scanner.run()?;
        say_notes(ctx, &outcome.files, outcome.dry_run, &mut said.borrow_mut());
        let mut out = out.borrow_mut();
        let quiet = ctx.json || (args.watch && outcome.files.is_empty());
        if ctx.json && !args.watch {
            out.write_all(views::json(&ScanView::new(&outcome, reason)).as_bytes())?;
        } else if ctx.json {
            // `--watch --json`: one object per file, as the new files will come.
            for f in &outcome.files {
                out.write_all(json_line(f).as_bytes())?;
            }
        } else if !quiet {
            // (In `--watch`, an empty folder starts with no table: new files come as lines.)
            write_table(&mut **out, &outcome)?;
        }
        Ok(outcome
            .files
            .iter()
            .map(|f| (f.path.clone(), f.stamp))
            .collect())
    };
    if !args.watch {
        first_pass()?;
        return Ok(0);
    }
    let ready = || -> Result<Vec<(std::path::PathBuf, Option<Stamp>)>> {
        let seen = first_pass()?;
        if stop.load(std::sync::atomic::Ordering::Relaxed) {
            return Ok(seen);
        }
        eproseln!(
            "watching {} for new files (Ctrl-C to stop)",
            args.paths
                .iter()
                .map(|p| render::safe_line(&p.display().to_string()))
                .collect::<Vec<_>>()
                .join(", ")
        );
        Ok(seen)
    };
    credits_app::ops::scan::watch(&scanner, &stop, ready, |scanned| {
        say_notes(
            ctx,
            std::slice::from_ref(scanned),
            false,
            &mut said.borrow_mut(),
        );
        let mut out = out.borrow_mut();
        if ctx.json {
            out.write_all(json_line(scanned).as_bytes())?;
        } else {
            proseln!(out, "{}", render::safe_line(&line(scanned)))?;
        }
        out.flush()?;
        Ok(())
    })?;
    eproseln!("stopped watching");
    Ok(0)
}

/// The notes `log` says for an entry, each said once for the whole scan (`seen`: those
/// already said); in a dry run, as what would happen.
fn say_notes(ctx: &Context, files: &[Scanned], dry_run: bool, seen: &mut Vec<String>) {
    let mut notes: Vec<Note> = Vec::new();
    for f in files {
        let Outcome::Logged {
            priced, budgets, ..
        } = &f.outcome
        else {
            continue;
        };
        let mut here: Vec<Note> = priced.notes.clone();
        here.extend(budgets.iter().map(|c| c.note(!dry_run)));
        if let Some(b) = &priced.balance {
            if b.after.is_sign_negative() && !b.after.is_zero() && dry_run {
                here.push(Note::WouldGoBeyondBalance {
                    platform: b.platform.clone(),
                    needed: b.needed,
                    before: b.before,
                    after: b.after,
                });
            } else if b.after.is_sign_negative() && !b.after.is_zero() {
                here.push(Note::BeyondBalance {
                    platform: b.platform.clone(),
                    needed: b.needed,
                    before: b.before,
                    after: b.after,
                    logged: true,
                });
            }
        }
        for note in here {
            let text = note.to_string();
            if !seen.contains(&text) {
                seen.push(text);
                notes.push(note);
            }
        }
    }
    ctx.say(&notes);
}

/// The file as the user named it (relative paths stay relative).
fn shown(f: &Scanned) -> String {
    f.path.display().to_string()
}

/// `9.8 (billed 10)`, `5.04 (as 5)`, `10`: the file's seconds and how they were priced.
fn seconds_cell(f: &Scanned) -> String {
    let Some(d) = f.probe.as_ref().and_then(|p| p.duration) else {
        return String::new();
    };
    let d = d.normalize();
    if let Some(as_len) = f.priced_seconds {
        return format!("{d} (as {})", as_len.normalize());
    }
    let billed = match &f.outcome {
        Outcome::Logged { priced, .. } => {
            priced.quote.as_ref().and_then(|q| q.charge.billed_seconds)
        }
        _ => None,
    };
    match billed {
        Some(b) if b != d => format!("{d} (billed {})", b.normalize()),
        _ => d.to_string(),
    }
}

fn result_cell(f: &Scanned, dry_run: bool) -> String {
    match &f.outcome {
        Outcome::Logged { .. } if dry_run => "would log".to_string(),
        Outcome::Logged { entry, .. } => format!("logged #{}", entry.id),
        Outcome::AlreadyLogged { entry_id, .. } => format!("already #{entry_id}"),
        Outcome::SameAs(_) => "repeat".to_string(),
        Outcome::Unidentified => "unidentified".to_string(),
        Outcome::Unreadable(_) => "unreadable".to_string(),
        Outcome::NotLogged(_) => "not logged".to_string(),
    }
}

/// Why a file was not logged, for the lines under the table.
fn reason(f: &Scanned) -> Option<String> {
    match &f.outcome {
        Outcome::Logged { .. } => None,
        Outcome::AlreadyLogged { entry_id, path, .. } => Some(format!(
            "already logged as #{entry_id} (from {path}); `credits rm {entry_id}` frees it"
        )),
        Outcome::SameAs(first) => Some(format!("the same file as {} above", first.display())),
        Outcome::Unidentified => {
            if let (None, Some((model, _))) = (&f.identity.platform, &f.identity.model) {
                let model = model.escape_debug();
                return Some(match f.identity.model_in.as_slice() {
                    [] => format!(
                        "unidentified (no platform): no pricing table has a model `{model}`; \
                         pass --platform and --model (`credits pricing show PLATFORM` lists \
                         a platform's models)"
                    ),
                    tables => format!(
                        "unidentified (no platform): {model} is in the tables of {}; pass \
                         --platform with one of them",
                        tables.join(" and ")
                    ),
                });
            }
            let (missing, flags, key) = match (&f.identity.platform, &f.identity.model) {
                (None, None) => (
                    "no platform or model",
                    "--platform and --model",
                    "platform and model",
                ),
                (None, Some(_)) => ("no platform", "--platform", "platform"),
                _ => ("no model", "--model", "model"),
            };
            let config = credits_app::config::path().map_or_else(
                || "the config file".to_string(),
                |p| p.display().to_string(),
            );
            Some(match &f.mapping {
                // The mapping names a model, but for another platform than the one decided.
                Some((dir, mapped)) if mapped.model.is_some() && f.identity.platform.is_some() => {
                    format!(
                        "unidentified ({missing}): the model its folder's mapping \"{}\" names \
                         is not for {}, the platform from {}; pass {flags}",
                        dir.display(),
                        f.identity.platform.as_ref().map_or("", |(p, _)| p.as_str()),
                        f.identity
                            .platform
                            .as_ref()
                            .map_or(String::new(), |(_, from)| from.describe()),
                    )
                }
                // The folder is mapped: say what its mapping lacks.
                Some((dir, _)) => format!(
                    "unidentified ({missing}): its folder is mapped under [scan] as \"{}\" but \
                     gives no {key}; add {key} = \"…\" there ({config}), or pass {flags}",
                    dir.display()
                ),
                None => format!(
                    "unidentified ({missing}): pass {flags}, or map its folder under [scan] in \
                     {config}"
                ),
            })
        }
        Outcome::Unreadable(why) => Some(format!("unreadable: {why}")),
        Outcome::NotLogged(why) => Some(format!("not logged: {why}")),
    }
}

fn write_table(out: &mut dyn Write, outcome: &ScanOutcome) -> Result<()> {
    if outcome.files.is_empty() {
        proseln!(out, "no video or image files found")?;
        return Ok(());
    }
    // What a row is read for (issue 22, item 5): which file (its name kept, the path cut in
    // the middle), its seconds and what became of it. The rest give way in this order:
    // "identified by" first (a config folder's path is long and says less than the file's).
    let columns = [
        Column::path("file", 2, 16),
        Column::optional("platform", 3),
        Column::shrinkable("model", 6, 8),
        Column::essential("seconds"),
        Column::optional("resolution", 5),
        Column::optional("credits", 4),
        Column::optional("cost", 7),
        Column::shrinkable("identified by", 1, 8),
        Column::essential("result"),
    ];
    let rows = outcome
        .files
        .iter()
        .map(|f| {
            let (platform, model) = match &f.outcome {
                Outcome::Logged { entry, .. } => (entry.platform.clone(), entry.model.clone()),
                Outcome::AlreadyLogged {
                    platform, model, ..
                } => (platform.clone(), model.clone()),
                _ => (
                    f.identity
                        .platform
                        .as_ref()
                        .map_or("?".to_string(), |(p, _)| p.clone()),
                    f.identity
                        .model
                        .as_ref()
                        .map_or("?".to_string(), |(m, _)| m.clone()),
                ),
            };
            let (credits, cost) = match &f.outcome {
                Outcome::Logged { entry, .. } => (
                    money::fmt_credits(entry.credits),
                    entry.cost.as_ref().map_or("unknown".to_string(), |m| {
                        money::fmt_money(m.amount, &m.currency)
                    }),
                ),
                _ => (String::new(), String::new()),
            };
            let identified = match &f.outcome {
                Outcome::Unreadable(_) | Outcome::AlreadyLogged { .. } => String::new(),
                _ => f.identity.describe(),
            };
            vec![
                shown(f),
                platform,
                model,
                seconds_cell(f),
                f.probe.as_ref().map(|p| p.resolution()).unwrap_or_default(),
                credits,
                cost,
                identified,
                result_cell(f, outcome.dry_run),
            ]
        })
        .collect();
    out.write_all(render::table(&columns, rows).as_bytes())?;
    // A file rescanned where it was logged from needs no line of its own (the table says
    // `already #N`): a rescan of a library would repeat one per file. A copy or a moved
    // file still says where the logged one was.
    let reasons: Vec<String> = outcome
        .files
        .iter()
        .filter(|f| !f.logged_from_here())
        .filter_map(|f| reason(f).map(|r| render::safe_line(&format!("{}: {r}", shown(f)))))
        .collect();
    if !reasons.is_empty() {
        writeln!(out)?;
        for r in reasons {
            proseln!(out, "{r}")?;
        }
    }
    let logged = outcome.logged();
    let total = outcome.files.len();
    let files = if total == 1 { "file" } else { "files" };
    let already = outcome
        .files
        .iter()
        .filter(|f| matches!(f.outcome, Outcome::AlreadyLogged { .. }))
        .count();
    let already = if already > 0 {
        format!(", {already} already in the log")
    } else {
        String::new()
    };
    writeln!(out)?;
    if outcome.dry_run {
        proseln!(
            out,
            "would log {logged} of {total} {files}{already} (dry run: nothing was written)"
        )?;
    } else {
        proseln!(out, "logged {logged} of {total} {files}{already}")?;
    }
    if outcome.stopped {
        proseln!(
            out,
            "stopped before the other files (run it again for them)"
        )?;
    }
    Ok(())
}

/// One line per file for `--watch`.
fn line(f: &Scanned) -> String {
    let name = render::safe_line(&shown(f));
    match &f.outcome {
        Outcome::Logged { entry, .. } => {
            let cost = entry
                .cost
                .as_ref()
                .map_or("money unknown".to_string(), |m| {
                    money::fmt_money(m.amount, &m.currency)
                });
            format!(
                "logged #{}: {name}: {} {}, {} credits, {cost} ({})",
                entry.id,
                entry.platform,
                entry.model,
                money::fmt_credits(entry.credits),
                render::safe_line(&f.identity.describe())
            )
        }
        _ => format!(
            "{name}: {}",
            reason(f).unwrap_or_else(|| result_cell(f, false))
        ),
    }
}

/// One JSON object on one line: `--watch --json` is a stream a script reads line by line.
/// Its keys are sorted, as in every `--json` (through `serde_json::Value`).
fn json_line(f: &Scanned) -> String {
    let view = ScanFileView::new(f, false, reason(f));
    let value = serde_json::to_value(&view).unwrap_or(serde_json::Value::Null);
    let mut text = serde_json::to_string(&value).unwrap_or_else(|_| "null".to_string());
    text.push('\n');
    text
}
