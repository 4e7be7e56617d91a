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

#![allow(dead_code)]

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

    /// Runs `credits ARGS…` and captures everything.
    pub fn run(&self, args: &[&str]) -> Run {
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
        let output = cmd.output().expect("run the credits binary");
        let run = Run {
            args: args.iter().map(|a| a.to_string()).collect(),
            envs: self.envs.clone(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            code: output.status.code().unwrap_or(-1),
        };
        if run.stderr.contains("panicked") || run.code == 101 {
            run.fail("no panic (issue 2: \"No panic on any input\")", "a panic");
        }
        run
    }
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
