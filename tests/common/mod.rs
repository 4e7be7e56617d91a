//! The one harness every integration test uses: run the real `credits` binary the way
//! a user would, in a sandbox, and assert on its exit code, stdout and stderr.
//!
//! Invariants of every run:
//! - the environment is cleared, so nothing of the developer's leaks in
//!   (`CREDITS_PRICING_DIR`, `CREDITS_DB`, `COLUMNS`, a real `~/.config/credits`);
//! - a temp dir per [`Sandbox`] is the working directory, `HOME`, `XDG_CONFIG_HOME` and
//!   `XDG_DATA_HOME`, so the user config dir is `<sandbox>/.config/credits/pricing`;
//! - the clock is fixed (`CREDITS_NOW=2026-11-21T12:00:00Z`) and `NO_COLOR=1`;
//! - a panic is always a failure (issue 2: "No panic on any input"), whatever the test
//!   expects of the exit code.
//!
//! Failures print what was expected, what came back, and the whole run (command, exit
//! code, stdout, stderr), like ripgrep's and just's harnesses.
//!
//! For the generation log (issue 3): [`Sandbox::with_db`] points `CREDITS_DB` at a file in
//! the sandbox, and [`DbState`] / [`db_rows`] read that file behind the binary's back, so a
//! test can say "this rejected command left the database byte for byte as it was".

#![allow(dead_code)]

pub mod media;

use rust_decimal::Decimal;
use serde_json::Value;
use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

/// The fixed "now" of every run.
pub const NOW: &str = "2026-11-21T12:00:00Z";

/// A temp dir that is the home, config and data dir and the working directory of runs.
pub struct Sandbox {
    dir: tempfile::TempDir,
    envs: Vec<(String, String)>,
}

impl Default for Sandbox {
    fn default() -> Self {
        Sandbox::new()
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::Builder::new()
                .prefix("credits-test-")
                .tempdir()
                .expect("create a temp dir"),
            envs: Vec::new(),
        }
    }

    /// The sandbox directory (also the working directory of every run).
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `text` to `relative` inside the sandbox (creating folders) and returns the path.
    pub fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent dir");
        }
        std::fs::write(&path, text).expect("write file");
        path
    }

    /// The user config dir's pricing folder the binary reads (`~/.config/credits/pricing`).
    pub fn user_pricing_dir(&self) -> PathBuf {
        self.dir
            .path()
            .join(".config")
            .join("credits")
            .join("pricing")
    }

    /// Sets (or overrides) an environment variable for later runs.
    pub fn env(&mut self, key: &str, value: &str) -> &mut Sandbox {
        self.envs.retain(|(k, _)| k != key);
        self.envs.push((key.to_string(), value.to_string()));
        self
    }

    /// A sandbox whose runs log to `<sandbox>/credits.db` (`CREDITS_DB`), see [`Sandbox::db`].
    pub fn with_db() -> Sandbox {
        let mut sandbox = Sandbox::new();
        let db = sandbox.db();
        sandbox.env("CREDITS_DB", &db.display().to_string());
        sandbox
    }

    /// `<sandbox>/credits.db`: the log of a [`Sandbox::with_db`] sandbox.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("credits.db")
    }

    /// Where the binary keeps its log without `--db` or `CREDITS_DB`: the data dir.
    pub fn default_db(&self) -> PathBuf {
        self.dir
            .path()
            .join(".local")
            .join("share")
            .join("credits")
            .join("credits.db")
    }

    /// `credits ARGS…` with the sandbox's environment, not yet started: for processes a
    /// test spawns, runs at once or kills itself. [`Sandbox::run`] is the usual way.
    pub fn command(&self, args: &[&str]) -> Command {
        let home = self.dir.path();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_credits"));
        cmd.args(args)
            .current_dir(home)
            .env_clear()
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local").join("share"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("CREDITS_NOW", NOW)
            .env("NO_COLOR", "1")
            .env("RUST_BACKTRACE", "0");
        for (key, value) in &self.envs {
            cmd.env(key, value);
        }
        cmd
    }

    /// Runs `credits ARGS…` and captures everything.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = self.command(args).output().expect("run the credits binary");
        self.finished(args, output)
    }

    /// The [`Run`] of a process started with [`Sandbox::command`], once it has ended
    /// (`Child::wait_with_output`); a panic fails the test as in [`Sandbox::run`].
    pub fn finished(&self, args: &[&str], output: std::process::Output) -> Run {
        let run = Run {
            args: args.iter().map(|a| a.to_string()).collect(),
            envs: self.envs.clone(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            // Killed by a signal: no code.
            code: output.status.code().unwrap_or(-1),
        };
        if run.stderr.contains("panicked") || run.code == 101 {
            run.fail("no panic (issue 2: \"No panic on any input\")", "a panic");
        }
        run
    }
}

/// Runs `args` in `sandbox` and asserts exit 0.
#[track_caller]
pub fn ok(sandbox: &Sandbox, args: &[&str]) -> Run {
    let run = sandbox.run(args);
    run.success();
    run
}

/// Runs `credits ARGS…` in a fresh sandbox.
pub fn credits(args: &[&str]) -> Run {
    Sandbox::new().run(args)
}

/// One finished run of the binary.
#[derive(Debug)]
pub struct Run {
    pub args: Vec<String>,
    pub envs: Vec<(String, String)>,
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Run {
    /// The whole run, for failure messages.
    pub fn report(&self) -> String {
        let quoted: Vec<String> = self
            .args
            .iter()
            .map(|a| {
                if a.is_empty() || a.contains(char::is_whitespace) {
                    format!("'{a}'")
                } else {
                    a.clone()
                }
            })
            .collect();
        let envs: String = self.envs.iter().map(|(k, v)| format!("{k}={v} ")).collect();
        format!(
            "command: {envs}credits {}\nexit code: {}\n--- stdout ---\n{}\n--- stderr ---\n{}\n--- end ---",
            quoted.join(" "),
            self.code,
            self.stdout,
            self.stderr
        )
    }

    /// Fails the test, printing expected vs actual and the whole run.
    #[track_caller]
    pub fn fail(&self, expected: impl Debug, actual: impl Debug) -> ! {
        panic!(
            "\nexpected: {expected:?}\n  actual: {actual:?}\n{}\n",
            self.report()
        )
    }

    /// Asserts `expected == actual`, naming `what` was compared.
    #[track_caller]
    pub fn check_eq<T: Debug + PartialEq>(&self, what: &str, expected: T, actual: T) -> &Run {
        if expected != actual {
            panic!(
                "\n{what}\nexpected: {expected:?}\n  actual: {actual:?}\n{}\n",
                self.report()
            );
        }
        self
    }

    /// Asserts a condition about the run, with a message saying what was expected.
    #[track_caller]
    pub fn check(&self, ok: bool, what: &str) -> &Run {
        if !ok {
            panic!("\nexpected: {what}\n{}\n", self.report());
        }
        self
    }

    /// Exit code 0.
    #[track_caller]
    pub fn success(&self) -> &Run {
        self.code(0)
    }

    /// This exit code.
    #[track_caller]
    pub fn code(&self, code: i32) -> &Run {
        self.check_eq("exit code", code, self.code)
    }

    /// Exit code 1 with stderr starting `error:` (issue 2: other errors print `error: …`).
    #[track_caller]
    pub fn error(&self) -> &Run {
        self.code(1);
        self.check(
            self.stderr.starts_with("error:"),
            "stderr starting with `error:`",
        )
    }

    /// Exit code 2, clap's usage error.
    #[track_caller]
    pub fn usage_error(&self) -> &Run {
        self.code(2);
        self.check(
            self.stderr.starts_with("error:") && self.stderr.contains("try '--help'"),
            "a clap usage error on stderr (`error: …` then \"try '--help'\")",
        )
    }

    #[track_caller]
    pub fn stdout_has(&self, needle: &str) -> &Run {
        if !self.stdout.contains(needle) {
            self.fail(format!("stdout containing {needle:?}"), "not found");
        }
        self
    }

    #[track_caller]
    pub fn stdout_lacks(&self, needle: &str) -> &Run {
        if self.stdout.contains(needle) {
            self.fail(format!("stdout without {needle:?}"), "found");
        }
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Run {
        if !self.stderr.contains(needle) {
            self.fail(format!("stderr containing {needle:?}"), "not found");
        }
        self
    }

    #[track_caller]
    pub fn stderr_lacks(&self, needle: &str) -> &Run {
        if self.stderr.contains(needle) {
            self.fail(format!("stderr without {needle:?}"), "found");
        }
        self
    }

    /// The stdout line starting with `label` (after leading spaces), e.g. `credits`.
    #[track_caller]
    pub fn line(&self, label: &str) -> String {
        self.stdout
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .map(|l| l.trim().to_string())
            .unwrap_or_else(|| self.fail(format!("a stdout line starting {label:?}"), "none"))
    }

    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| self.fail("stdout to be JSON", e.to_string()))
    }

    /// The JSON value at `pointer` (RFC 6901, e.g. `/total/credits`); fails if absent.
    #[track_caller]
    pub fn json_at(&self, pointer: &str) -> Value {
        self.json()
            .pointer(pointer)
            .cloned()
            .unwrap_or_else(|| self.fail(format!("a JSON value at {pointer}"), "absent"))
    }

    /// Asserts the JSON value at `pointer` equals `expected` exactly.
    #[track_caller]
    pub fn json_eq(&self, pointer: &str, expected: Value) -> &Run {
        let actual = self.json_at(pointer);
        self.check_eq(&format!("JSON at {pointer}"), expected, actual)
    }

    /// Asserts the JSON at `pointer` is a decimal string equal in value to `expected`
    /// (so `"0.0240"` and `"0.024"` are the same; the exact spelling is `json_eq`'s job).
    #[track_caller]
    pub fn json_decimal_eq(&self, pointer: &str, expected: &str) -> &Run {
        let actual = self.json_at(pointer);
        let want = Decimal::from_str(expected).expect("expected value is a decimal");
        match decimal(&actual) {
            Some(got) if got == want => self,
            _ => self.fail(
                format!("JSON at {pointer} = decimal {expected}"),
                actual.to_string(),
            ),
        }
    }
}

/// A JSON decimal string (`"0.024"`) as an exact decimal; `None` for null or non-decimals.
pub fn decimal(value: &Value) -> Option<Decimal> {
    value.as_str().and_then(|s| Decimal::from_str(s).ok())
}

// ---- the log database, read behind the binary's back ----

/// Opens a database the binary wrote, to look at it the way the stock `sqlite3` would.
/// Reading changes nothing in the file (the main file is only written by a checkpoint of
/// pending changes, and there are none once the binary has exited).
pub fn open_db(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path)
        .unwrap_or_else(|e| panic!("open {} with rusqlite: {e}", path.display()))
}

/// Every row of every table (and the schema version), as sorted text: equal before and
/// after a command means the command changed no row.
pub fn db_rows(path: &Path) -> String {
    let conn = open_db(path);
    let mut out = String::new();
    let header: (i64, i64) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), \
                    (SELECT application_id FROM pragma_application_id)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("read the header");
    out.push_str(&format!(
        "user_version={} application_id={}\n",
        header.0, header.1
    ));
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<_, _>>()
        })
        .expect("list tables");
    tables.retain(|t| !t.starts_with("sqlite_"));
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\""))
            .expect("select a table");
        let columns = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", r.get_ref(i).expect("a cell")))
                    .collect();
                Ok(cells.join(" | "))
            })
            .and_then(|rows| rows.collect::<Result<_, _>>())
            .expect("read a table");
        rows.sort();
        out.push_str(&format!("-- {table} ({} rows)\n", rows.len()));
        for row in rows {
            out.push_str(&row);
            out.push('\n');
        }
    }
    out
}

/// How many entries the log holds.
pub fn entry_count(path: &Path) -> i64 {
    open_db(path)
        .query_row("SELECT count(*) FROM entry", [], |r| r.get(0))
        .expect("count entries")
}

/// `PRAGMA integrity_check`: "ok" for a sound file.
pub fn integrity_check(path: &Path) -> String {
    let conn = open_db(path);
    let mut stmt = conn.prepare("PRAGMA integrity_check").expect("prepare");
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect::<Result<_, _>>())
        .expect("run integrity_check");
    lines.join("\n")
}

/// A database file as it is now: its bytes (with whether a `-wal` file sits beside it) and
/// its rows. Compare two with [`DbState::assert_same`].
#[derive(Debug, Clone, PartialEq)]
pub struct DbState {
    pub bytes: Option<Vec<u8>>,
    pub wal: bool,
    pub rows: Option<String>,
}

impl DbState {
    /// Reads `path` (bytes first, then rows; a missing file is `None` for both).
    pub fn of(path: &Path) -> DbState {
        let bytes = std::fs::read(path).ok();
        let wal = wal_path(path).exists();
        let rows = bytes.as_ref().map(|_| db_rows(path));
        DbState { bytes, wal, rows }
    }

    /// Asserts `path` is byte for byte and row for row what it was, after `run`.
    #[track_caller]
    pub fn assert_same(&self, path: &Path, run: &Run) {
        let bytes = std::fs::read(path).ok();
        let wal = wal_path(path).exists();
        if bytes != self.bytes || wal != self.wal {
            let size = |b: &Option<Vec<u8>>| match b {
                None => "absent".to_string(),
                Some(b) => format!("{} bytes", b.len()),
            };
            run.fail(
                format!(
                    "{} unchanged ({}, -wal file: {})",
                    path.display(),
                    size(&self.bytes),
                    self.wal
                ),
                format!(
                    "{}, content changed: {}, -wal file: {wal}",
                    size(&bytes),
                    bytes != self.bytes
                ),
            );
        }
        if bytes.is_some() {
            let rows = Some(db_rows(path));
            if rows != self.rows {
                run.fail(&self.rows, rows);
            }
        }
    }
}

/// The `-wal` file SQLite keeps beside a database in WAL mode.
pub fn wal_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// OpenAI shut sora-2 and sora-2-pro down on 2026-09-24, after the day these tests' clock
/// stands on. Tests that use them as their money-billed example keep them live at their
/// last prices the way a user would: a patch of the shipped table in the user pricing dir.
pub const SORA_2_AS_BEFORE: &str = r#"name = "OpenAI"
as_of = 2026-09-23
[[model]]
name = "sora-2"
resolutions = ["720p"]
per_second = 0.10
durations = [4, 8, 12]
[[model]]
name = "sora-2-pro"
[[model.variant]]
resolution = "720p"
per_second = 0.30
durations = [4, 8, 12]
[[model.variant]]
resolution = "1080p"
per_second = 0.50
durations = [4, 8, 12]
"#;

/// Writes [`SORA_2_AS_BEFORE`] into the sandbox's user pricing dir.
pub fn keep_sora_2(sandbox: &Sandbox) {
    let dir = sandbox.user_pricing_dir();
    std::fs::create_dir_all(&dir).expect("create the user pricing dir");
    std::fs::write(dir.join("openai.toml"), SORA_2_AS_BEFORE).expect("write the patch");
}

/// `credits account set PLATFORM --plan PLAN --since SINCE` in `sandbox`, asserted to succeed:
/// the setup most balance, budget and plan tests start from.
#[track_caller]
pub fn account_set(sandbox: &Sandbox, platform: &str, plan: &str, since: &str) -> Run {
    ok(
        sandbox,
        &["account", "set", platform, "--plan", plan, "--since", since],
    )
}
