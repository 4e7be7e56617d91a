//! `credits`: a credit calculator and tracker for AI video and image generation.
//!
//! `main.rs` calls [`main_with_exit_code`]; [`run`] loads what every command needs once
//! (pricing tables, the clock) and dispatches to `commands::*`. Pure modules (`money`,
//! `slug`, `pricing`, `cost`, `shots`, `usage`, `advice`, `ledger`) never touch files, the clock or the
//! terminal; `pricing::catalog` loads files; `store` owns the database; `render` owns
//! output formats.

pub(crate) mod advice;
pub(crate) mod c2pa;
pub(crate) mod cli;
pub(crate) mod clock;
pub(crate) mod commands;
pub(crate) mod config;
pub(crate) mod cost;
pub(crate) mod dates;
pub(crate) mod error;
pub(crate) mod exchange;
#[cfg(test)]
mod fuzz;
pub(crate) mod ledger;
pub(crate) mod manpage;
pub(crate) mod media;
pub(crate) mod money;
pub(crate) mod ops;
pub(crate) mod pricing;
pub(crate) mod records;
pub(crate) mod render;
pub(crate) mod shots;
pub(crate) mod slug;
pub(crate) mod store;
pub(crate) mod usage;

/// The database schema version this build writes (tests compare it with the stock sqlite3).
pub use store::SCHEMA_VERSION;

use anyhow::Result;
use clap::Parser;
use std::io::Write;
use std::path::PathBuf;

/// Per-user directories (`~/.config/credits`, `~/.local/share/credits` on Linux).
pub fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "credits")
}

/// The user config dir's `pricing/` folder.
pub fn user_pricing_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("pricing"))
}

/// Where `credits pricing update` installs the pricing bundle: the user data dir's
/// `pricing-bundle.json` (`~/.local/share/credits/` on Linux, or `$XDG_DATA_HOME/credits/`).
pub fn installed_bundle_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().join(pricing::bundle::INSTALLED_NAME))
}

/// Runs the command line and returns the process exit code.
pub fn main_with_exit_code() -> i32 {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version exit 0; usage errors exit 2 (clap's code).
            let _ = e.print();
            return e.exit_code();
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = run(cli, &mut out).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => code,
        Err(e) if error::is_broken_pipe(&e) => error::EXIT_OK,
        Err(e) => {
            eprint!("{}", error::render(&e));
            error::exit_code(&e)
        }
    }
}

/// Runs one parsed command, writing its output to `out`; returns the exit code.
pub fn run(cli: cli::Cli, out: &mut dyn Write) -> Result<i32> {
    commands::dispatch(cli, out)
}
