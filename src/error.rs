//! Errors a user sees, with an optional `help:` line, and the exit codes.
//!
//! Commands return `anyhow::Error`. Where a suggestion exists, the error carries a
//! [`UserError`] somewhere in its chain; the top level prints `error: …`, each cause as
//! `caused by: …`, then `help: …`. Exit codes live here and nowhere else.

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
}

impl UserError {
    pub fn new(message: impl Into<String>) -> UserError {
        UserError {
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(message: impl Into<String>, help: impl Into<String>) -> UserError {
        UserError {
            message: message.into(),
            help: Some(help.into()),
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

/// Renders an error the way the binary prints it to stderr.
pub fn render(err: &anyhow::Error) -> String {
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

/// Whether an error is a closed stdout (`credits history | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
