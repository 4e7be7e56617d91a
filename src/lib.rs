//! `credits`: a credit calculator and tracker for AI video and image generation; this crate
//! is its command line.
//!
//! `main.rs` calls [`main_with_exit_code`]; [`run`] loads what every command needs once
//! (pricing tables, the clock) and dispatches to `commands::*`, which call one workflow of
//! `credits_app` and render its result (`render`). The layers below are crates, so the
//! compiler holds them: `credits_core` (pure: money, pricing, cost math, the ledger),
//! `credits_store` (the database), `credits_app` (workflows, files, the clock). See
//! ARCHITECTURE.md.

pub(crate) mod cli;
pub(crate) mod commands;
pub(crate) mod error;
pub(crate) mod manpage;
pub(crate) mod render;
pub(crate) mod views;

/// The database schema version this build writes (tests compare it with the stock sqlite3).
pub use credits_store::SCHEMA_VERSION;

use anyhow::Result;
use std::io::Write;

/// Runs the command line and returns the process exit code.
pub fn main_with_exit_code() -> i32 {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version exit 0; usage errors exit 2 (clap's code). The help is
            // wrapped by clap (its examples kept whole); an error, which clap never wraps,
            // is wrapped to the output width like every other (issue 22, trial B).
            if e.use_stderr() {
                eprint!("{}", render::paragraph(&cli::clap_text(&e, false)));
            } else {
                let styled = render::stdout_is_terminal() && render::colour_wanted();
                print!("{}", cli::clap_text(&e, styled));
            }
            return e.exit_code();
        }
    };
    credits_store::on_long_wait(|| {
        eprintln!("note: waiting for another credits process to finish writing (up to 30 s)");
    });
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
            // Wrapped to the output width like every other line of prose (issue 22).
            eprint!("{}", render::paragraph(&error::render(&e)));
            error::exit_code(&e)
        }
    }
}

/// Runs one parsed command, writing its output to `out`; returns the exit code.
pub fn run(cli: cli::Cli, out: &mut dyn Write) -> Result<i32> {
    commands::dispatch(cli, out)
}
