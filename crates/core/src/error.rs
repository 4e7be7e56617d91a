//! Errors a user sees, with an optional `help:` line, and the exit codes they end in.
//!
//! Every layer returns `anyhow::Error`. Where a suggestion exists, the error carries a
//! [`UserError`] somewhere in its chain; the binary (`credits::error`) prints `error: …`,
//! each cause as `caused by: …`, then `help: …`, and picks the exit code from it.

use std::fmt;

/// What went wrong, as data: code that must react to an error (the binary choosing an exit
/// code, a command keeping an error as it is) matches the kind, never the message's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ErrorKind {
    /// Nothing a caller branches on: the message says it all.
    #[default]
    Other,
    /// A name no table or record knows (`what`: "platform", "model", "plan", "pack"), with
    /// the known ids closest to what was typed.
    UnknownName {
        what: &'static str,
        typed: String,
        close: Vec<String>,
    },
    /// A date before the first or after the last year credits accepts.
    DateOutOfRange {
        typed: String,
        year: i32,
        first_year: i32,
        last_year: i32,
    },
    /// `log --strict-budget` refused an entry that would take a budget over.
    BudgetExceeded { project: String },
}

/// An error with a message, an optional suggestion for the user, and its kind.
#[derive(Debug)]
pub struct UserError {
    pub message: String,
    pub help: Option<String>,
    pub kind: ErrorKind,
}

impl UserError {
    pub fn new(message: impl Into<String>) -> UserError {
        UserError {
            message: message.into(),
            help: None,
            kind: ErrorKind::Other,
        }
    }

    pub fn with_help(message: impl Into<String>, help: impl Into<String>) -> UserError {
        UserError {
            message: message.into(),
            help: Some(help.into()),
            kind: ErrorKind::Other,
        }
    }

    /// The same error, of a kind callers may match.
    pub fn kind(mut self, kind: ErrorKind) -> UserError {
        self.kind = kind;
        self
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UserError {}

/// The kind of the first [`UserError`] in an error's chain ([`ErrorKind::Other`] if none).
pub fn kind_of(err: &anyhow::Error) -> &ErrorKind {
    static OTHER: ErrorKind = ErrorKind::Other;
    err.chain()
        .find_map(|e| e.downcast_ref::<UserError>().map(|u| &u.kind))
        .unwrap_or(&OTHER)
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::catalog::Catalog;

    #[test]
    fn an_unknown_name_and_a_date_out_of_range_are_kinds_with_their_data() {
        let catalog = Catalog::builtin();
        let err = catalog.platform("runwya").unwrap_err();
        match kind_of(&err) {
            ErrorKind::UnknownName { what, typed, close } => {
                assert_eq!((*what, typed.as_str()), ("platform", "runwya"));
                assert!(close.iter().any(|c| c == "runway"), "{close:?}");
            }
            other => panic!("{other:?}"),
        }
        assert!(describe(&err).contains("help: did you mean `runway`"));

        let now = chrono::DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z").unwrap();
        let err = crate::dates::parse_time("0000-01-01", &now).unwrap_err();
        assert!(matches!(
            kind_of(&err),
            ErrorKind::DateOutOfRange {
                year: 0,
                first_year: 1970,
                ..
            }
        ));
        assert_eq!(kind_of(&fail("plain")), &ErrorKind::Other);
    }
}
