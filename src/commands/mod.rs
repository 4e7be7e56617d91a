//! One module per subcommand; `dispatch` builds the shared [`Context`] and calls it.

pub mod account;
pub mod balance;
pub mod budget;
pub mod calc;
pub mod compare;
pub mod estimate;
pub mod history;
pub mod log;
pub mod pricing;
pub mod report;
pub mod topup;

use crate::cli::{Cli, Command};
use crate::pricing::catalog::{Catalog, LoadOptions};
use crate::pricing::Platform;
use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use clap::CommandFactory;
use std::io::Write;

/// Tables older than this many days get a note (seed 002: "exact numbers change frequently").
pub const STALE_AFTER_DAYS: i64 = 90;

/// What every command may use, loaded once.
pub struct Context {
    pub catalog: Catalog,
    pub json: bool,
    pub now: DateTime<FixedOffset>,
    pub db: Option<std::path::PathBuf>,
}

impl Context {
    /// Prints one quiet line naming the tables among `platforms` older than 90 days.
    pub fn note_stale<'a>(&self, platforms: impl IntoIterator<Item = &'a Platform>) {
        let today = self.now.date_naive();
        let mut stale: Vec<String> = Vec::new();
        for p in platforms {
            let age = (today - p.as_of).num_days();
            let entry = format!("{} ({})", p.id, p.as_of);
            if age > STALE_AFTER_DAYS && !stale.contains(&entry) {
                stale.push(entry);
            }
        }
        if !stale.is_empty() {
            eprintln!(
                "note: prices older than {STALE_AFTER_DAYS} days, check the platform's page: {}",
                stale.join(", ")
            );
        }
    }
}

pub fn dispatch(cli: Cli, out: &mut dyn Write) -> Result<i32> {
    let catalog = Catalog::load(&LoadOptions {
        config_dir: crate::user_pricing_dir(),
        extra_dir: cli.pricing_dir.clone(),
    });
    let quiet_about_files = matches!(
        cli.command,
        Command::Pricing(crate::cli::PricingCommand::Validate { .. })
            | Command::Pricing(crate::cli::PricingCommand::Dirs)
            | Command::Completions { .. }
            | Command::Man
    );
    if !quiet_about_files {
        for file in catalog.broken_files() {
            eprintln!(
                "warning: skipped pricing file {}:\n  {}",
                file.origin,
                file.error.as_deref().unwrap_or("").replace('\n', "\n  ")
            );
        }
    }
    let ctx = Context {
        catalog,
        json: cli.json,
        now: crate::clock::now()?,
        db: cli.db.clone(),
    };
    match cli.command {
        Command::Estimate(args) => estimate::run(&ctx, &args, out),
        Command::Calc(args) => calc::run(&ctx, &args, out),
        Command::Compare(args) => compare::run(&ctx, &args, out),
        Command::Pricing(cmd) => pricing::run(&ctx, &cmd, out),
        Command::Log(args) => log::log(&ctx, &args, out),
        Command::Fail { id } => log::set_status(&ctx, id, crate::store::Status::Failed, None, out),
        Command::Refund { id, at } => {
            log::set_status(&ctx, id, crate::store::Status::Refunded, at.as_deref(), out)
        }
        Command::Edit(args) => log::edit(&ctx, &args, out),
        Command::Rm { id } => log::remove(&ctx, id, out),
        Command::History(args) => history::history(&ctx, &args, out),
        Command::Report(args) => report::report(&ctx, &args, out),
        Command::Refunds => report::refunds(&ctx, out),
        Command::Export(args) => history::export(&ctx, &args, out),
        Command::Import { file } => history::import(&ctx, &file, out),
        Command::Account(cmd) => account::run(&ctx, &cmd, out),
        Command::Topup(args) => topup::topup(&ctx, &args, out),
        Command::Adjust(args) => topup::adjust(&ctx, &args, out),
        Command::Balance(args) => balance::run(&ctx, &args, out),
        Command::Budget(cmd) => budget::run(&ctx, &cmd, out),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "credits", out);
            Ok(0)
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command()).render(out)?;
            Ok(0)
        }
    }
}
