//! Errors a user sees, with an optional `help:` line, and the exit codes they end in.
//!
//! Every layer returns `anyhow::Error`. Where a suggestion exists, the error carries a
//! [`UserError`] somewhere in its chain; the binary (`credits::error`) prints `error: …`,
//! each cause as `caused by: …`, then `help: …`, and picks the exit code from it.

use std::fmt;

/// Success.
pub const EXIT_OK: i32 = 0;
/// Any error that is not a usage error.
pub const EXIT_ERROR: i32 = 1;
// A usage error exits 2: clap's own code, returned by `e.exit_code()` in `lib.rs`.
/// `credits budget check`: at least one budget is exceeded.
pub const EXIT_BUDGET_EXCEEDED: i32 = 3;

/// An error with a message and an optional suggestion for the user.
#[derive(Debug)]
pub struct UserError {
    pub message: String,
    pub help: Option<String>,
    /// The exit code when not [`EXIT_ERROR`] (`log --strict-budget` refusing: 3).
    pub code: Option<i32>,
}

impl UserError {
    pub fn new(message: impl Into<String>) -> UserError {
        UserError {
            message: message.into(),
            help: None,
            code: None,
        }
    }

    pub fn with_help(message: impl Into<String>, help: impl Into<String>) -> UserError {
        UserError {
            message: message.into(),
            help: Some(help.into()),
            code: None,
        }
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UserError {}

/// Shorthand for returning a [`UserError`] as an `anyhow::Error`.
pub fn fail(message: impl Into<String>) -> anyhow::Error {
    UserError::new(message).into()
}

/// Shorthand for returning a [`UserError`] with a `help:` line.
pub fn fail_with_help(message: impl Into<String>, help: impl Into<String>) -> anyhow::Error {
    UserError::with_help(message, help).into()
}

/// An error as the user reads it: `error: …`, each cause as `caused by: …`, then the `help:`
/// line if one is in the chain. The binary prints this, escaped for the terminal.
pub fn describe(err: &anyhow::Error) -> String {
    let mut out = format!("error: {err}\n");
    for cause in err.chain().skip(1) {
        out.push_str(&format!("caused by: {cause}\n"));
    }
    let help = err
        .chain()
        .find_map(|e| e.downcast_ref::<UserError>().and_then(|u| u.help.clone()));
    if let Some(help) = help {
        out.push_str(&format!("help: {help}\n"));
    }
    out
}
