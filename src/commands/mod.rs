//! One module per subcommand. `dispatch` builds the shared [`Context`] (the `ops::Session`
//! and the output mode) and calls the command's `run`. A command turns its clap arguments
//! into a request (`crate::cli`'s conversions), calls `credits_app::ops`, and renders; no command
//! module imports another.
//!
//! Prose for people goes through [`proseln!`] (stdout) and [`eproseln!`] (stderr), which wrap
//! it to the output width like the tables (`render::paragraph`); tables are written as they
//! are (they already fit).

/// `writeln!` for prose: the line is wrapped at spaces to the output width (a word longer
/// than the width, a URL, stays whole on its own line).
macro_rules! proseln {
    ($out:expr) => {
        writeln!($out)
    };
    ($out:expr, $($arg:tt)+) => {
        $out.write_all(
            $crate::render::paragraph(&format!("{}\n", format_args!($($arg)+))).as_bytes(),
        )
    };
}

/// `eprintln!` for prose (notes and warnings on stderr), wrapped like [`proseln!`].
macro_rules! eproseln {
    ($($arg:tt)+) => {
        eprint!(
            "{}",
            $crate::render::paragraph(&format!("{}\n", format_args!($($arg)+)))
        )
    };
}

pub mod account;
pub mod balance;
pub mod billed;
pub mod budget;
pub mod calc;
pub mod compare;
pub mod db;
pub mod estimate;
pub mod history;
pub mod log;
pub mod plans;
pub mod pricing;
pub mod report;
pub mod reprice;
pub mod scan;
pub mod status;
pub mod topup;

use crate::cli::{Cli, Command};
use crate::render;
use anyhow::Result;
use clap::CommandFactory;
use credits_app::ops::notes::Note;
use credits_app::ops::Session;
use credits_app::tables::{self, LoadOptions};
use credits_core::pricing::Platform;
use std::io::Write;

/// Tables older than this many days get a note (seed 002: "exact numbers change frequently").
pub const STALE_AFTER_DAYS: i64 = 90;

/// What every command may use, loaded once.
pub struct Context {
    pub session: Session,
    pub json: bool,
}

impl Context {
    /// Says notes and warnings on stderr, one each, wrapped to the output width.
    pub fn say(&self, notes: &[Note]) {
        for note in notes {
            let label = if note.is_warning() { "warning" } else { "note" };
            eproseln!("{label}: {note}");
        }
    }

    /// The note naming the tables among `platforms` older than 90 days, if any.
    pub fn stale<'a>(&self, platforms: impl IntoIterator<Item = &'a Platform>) -> Option<Note> {
        let today = self.session.now.date_naive();
        let mut tables: Vec<(String, chrono::NaiveDate)> = Vec::new();
        for p in platforms {
            let age = (today - p.as_of).num_days();
            let entry = (p.id.clone(), p.as_of);
            if age > STALE_AFTER_DAYS && !tables.contains(&entry) {
                tables.push(entry);
            }
        }
        (!tables.is_empty()).then_some(Note::StaleTables {
            days: STALE_AFTER_DAYS,
            tables,
        })
    }
}

/// Writes generated text whole, so a closed pipe is an `io::Error` (quiet at the top level)
/// rather than a panic inside a generator that expects its writes to succeed.
fn write_generated(
    out: &mut dyn Write,
    generate: impl FnOnce(&mut Vec<u8>) -> Result<()>,
) -> Result<i32> {
    let mut buffer = Vec::new();
    generate(&mut buffer)?;
    out.write_all(&buffer)?;
    Ok(0)
}

/// `--pricing-dir` / `CREDITS_PRICING_DIR` must name a folder: a typo is not ignored.
fn check_pricing_dir(dir: &std::path::Path) -> Result<()> {
    let what = match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => "is not a directory".to_string(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => "does not exist".to_string(),
        // A folder on the way that may not be entered is not "does not exist" (issue 22).
        Err(e) => format!("cannot be read: {e}"),
    };
    Err(crate::error::fail_with_help(
        format!("pricing dir `{}` {what}", dir.display()),
        "give --pricing-dir (or CREDITS_PRICING_DIR) a folder of *.toml pricing tables, \
         or leave it out",
    ))
}

pub fn dispatch(cli: Cli, out: &mut dyn Write) -> Result<i32> {
    let generator = matches!(cli.command, Command::Completions { .. } | Command::Man(_));
    if let Some(dir) = cli.pricing_dir.as_deref().filter(|_| !generator) {
        check_pricing_dir(dir)?;
    }
    let catalog = tables::load(&LoadOptions {
        config_dir: credits_app::user_pricing_dir(),
        extra_dir: cli.pricing_dir.clone(),
        bundle: credits_app::installed_bundle_path(),
    });
    let quiet_about_files = matches!(
        cli.command,
        Command::Pricing(crate::cli::PricingCommand::Validate { .. })
            | Command::Pricing(crate::cli::PricingCommand::Dirs)
            | Command::Pricing(crate::cli::PricingCommand::Update { .. })
            | Command::Pricing(crate::cli::PricingCommand::Bundle { .. })
            | Command::Completions { .. }
            | Command::Man(_)
    );
    if !quiet_about_files {
        for file in catalog.broken_files() {
            eprint!(
                "{}",
                render::safe_text(&format!(
                    "warning: skipped pricing file {}:\n  {}\n",
                    file.origin,
                    file.error.as_deref().unwrap_or("").replace('\n', "\n  ")
                ))
            );
        }
    }
    render::set_wide(cli.wide);
    let ctx = Context {
        session: Session::new(catalog, credits_app::clock::now()?, cli.db.clone())
            .with_user(cli.user.clone()),
        json: cli.json,
    };
    // Text for people passes through `SafeOut`; data keeps its bytes exactly (export, CSV) or
    // has none to escape (JSON escapes control characters itself).
    let data = match &cli.command {
        Command::Export(_) | Command::Completions { .. } | Command::Man(_) => true,
        Command::History(args) => args.csv,
        Command::Report(args) => args.csv,
        _ => false,
    };
    let mut safe = render::SafeOut { inner: out };
    let out: &mut dyn Write = if data { safe.inner } else { &mut safe };
    let bare = crate::cli::BARE_RESOLUTION
        .lock()
        .ok()
        .and_then(|mut b| b.take());
    if let Some((typed, read)) = bare {
        eproseln!("note: --resolution {typed} read as {read}");
    }
    let result = run(&ctx, cli.command, out);
    ctx.say(&ctx.session.take_notes());
    if result.is_err() {
        ctx.session.discard_if_created();
    }
    result
}

fn run(ctx: &Context, command: Command, out: &mut dyn Write) -> Result<i32> {
    match command {
        Command::Estimate(args) => estimate::run(ctx, &args, out),
        Command::Calc(args) => calc::run(ctx, &args, out),
        Command::Compare(args) => compare::run(ctx, &args, out),
        Command::Plans(args) => plans::run(ctx, &args, out),
        Command::Pricing(cmd) => pricing::run(ctx, &cmd, out),
        Command::Log(args) => log::log(ctx, &args, out),
        Command::Scan(args) => scan::run(ctx, &args, out),
        Command::Fail { id, force } => log::fail(ctx, id, force, out),
        Command::Refund {
            id,
            at,
            force,
            allow_future,
        } => log::refund(ctx, id, at.as_deref(), force, allow_future, out),
        Command::Edit(args) => log::edit(ctx, &args, out),
        Command::Rm { id } => log::remove(ctx, id, out),
        Command::Reprice(args) => reprice::run(ctx, &args, out),
        Command::History(args) => history::history(ctx, &args, out),
        Command::Report(args) => report::report(ctx, &args, out),
        Command::Refunds => report::refunds(ctx, out),
        Command::Export(args) => history::export(ctx, &args, out),
        Command::Import { file, from: None } => history::import(ctx, &file, out),
        Command::Import {
            file,
            from: Some(from),
        } => billed::import(ctx, &from, &file, out),
        Command::Reconcile(args) => billed::reconcile(ctx, &args, out),
        Command::Sync(args) => billed::sync(ctx, &args, out),
        Command::Account(cmd) => account::run(ctx, &cmd, out),
        Command::Topup(args) => topup::topup(ctx, &args, out),
        Command::Adjust(args) => topup::adjust(ctx, &args, out),
        Command::Balance(args) => balance::run(ctx, &args, out),
        Command::Budget(cmd) => budget::run(ctx, &cmd, out),
        Command::Status => status::run(ctx, out),
        Command::Db(cmd) => db::run(ctx, &cmd, out),
        Command::Completions { shell } => write_generated(out, |buf| {
            clap_complete::generate(shell, &mut Cli::command(), "credits", buf);
            Ok(())
        }),
        Command::Man(args) => match &args.dir {
            Some(dir) => {
                for path in crate::manpage::write_pages(dir)? {
                    writeln!(out, "{}", path.display())?;
                }
                Ok(0)
            }
            None => write_generated(out, |buf| {
                buf.extend_from_slice(
                    crate::manpage::main_page(&crate::manpage::command())?.as_bytes(),
                );
                Ok(())
            }),
        },
    }
}
