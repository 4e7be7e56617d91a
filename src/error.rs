//! Printing errors and choosing the exit code: the one place the binary turns an error into
//! `error:` / `caused by:` / `help:` lines on stderr.

pub use credits_core::error::{fail, fail_with_help, ErrorKind};

/// Success.
pub const EXIT_OK: i32 = 0;
/// Any error that is not a usage error.
pub const EXIT_ERROR: i32 = 1;
// A usage error exits 2: clap's own code, returned by `e.exit_code()` in `lib.rs`.
/// A budget is exceeded: `credits budget check` found one, or `log --strict-budget` refused
/// an entry.
pub const EXIT_BUDGET_EXCEEDED: i32 = 3;
/// A balance check found the ledger and the platform apart: `credits balance PLATFORM
/// --expect N`. The same code as a budget exceeded: "the check a script asked for failed".
pub const EXIT_BALANCE_DIFFERS: i32 = 3;

/// The exit code of a failed command, from the kind of error it is.
pub fn exit_code(err: &anyhow::Error) -> i32 {
    match credits_core::error::kind_of(err) {
        ErrorKind::BudgetExceeded { .. } => EXIT_BUDGET_EXCEEDED,
        ErrorKind::Other | ErrorKind::UnknownName { .. } | ErrorKind::DateOutOfRange { .. } => {
            EXIT_ERROR
        }
    }
}

/// Renders an error the way the binary prints it to stderr; a control character in it (from a
/// name, a file's text) is written as an escape (`crate::render::safe_text`).
pub fn render(err: &anyhow::Error) -> String {
    crate::render::safe_text(&credits_core::error::describe(err))
}

/// Whether an error is a closed stdout (`credits history | head`), which is not a failure.
/// The CSV and JSON writers wrap the `io::Error` in their own error types, which do not give
/// it back as their `source()`, so those are asked for the I/O error's kind directly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|e| {
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            return io.kind() == BrokenPipe;
        }
        if let Some(c) = e.downcast_ref::<csv::Error>() {
            return matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe);
        }
        if let Some(j) = e.downcast_ref::<serde_json::Error>() {
            return j.io_error_kind() == Some(BrokenPipe);
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{self, Write};

    /// A stdout whose reader has gone.
    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_recognised_through_the_csv_and_json_writers() {
        let io_err: anyhow::Error = Closed.write_all(b"x").unwrap_err().into();
        assert!(is_broken_pipe(&io_err));

        let mut w = csv::WriterBuilder::new()
            .buffer_capacity(1)
            .from_writer(Closed);
        let csv_err = w
            .write_record(["a", "b"])
            .and_then(|_| w.flush().map_err(csv::Error::from))
            .unwrap_err();
        assert!(is_broken_pipe(
            &anyhow::Error::from(csv_err).context("export")
        ));

        let json_err = serde_json::to_writer(Closed, &["a"]).unwrap_err();
        assert!(is_broken_pipe(&anyhow::Error::from(json_err)));

        assert!(!is_broken_pipe(&fail("no entry with id 1")));
        let other = io::Error::from(io::ErrorKind::PermissionDenied);
        assert!(!is_broken_pipe(&anyhow::Error::from(other)));
    }
}
