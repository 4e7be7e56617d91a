//! `credits`: a credit calculator and tracker for AI video and image generation.
//!
//! `main.rs` calls [`main_with_exit_code`]; [`run`] loads what every command needs once
//! (pricing tables, the clock) and dispatches to `commands::*`. Pure modules (`money`,
//! `slug`, `pricing`, `cost`, `shots`, `ledger`) never touch files, the clock or the
//! terminal; `pricing::catalog` loads files; `store` owns the database; `render` owns
//! output formats.

pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod cost;
pub mod dates;
pub mod error;
pub mod exchange;
pub mod ledger;
pub mod money;
pub mod ops;
pub mod pricing;
pub mod records;
pub mod render;
pub mod shots;
pub mod slug;
pub mod store;

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
            error::EXIT_ERROR
        }
    }
}

/// Runs one parsed command, writing its output to `out`; returns the exit code.
pub fn run(cli: cli::Cli, out: &mut dyn Write) -> Result<i32> {
    commands::dispatch(cli, out)
}
