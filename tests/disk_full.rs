//! A full disk (issue "Hardening"), simulated without root: the binary runs under
//! `ulimit -f N` with SIGXFSZ ignored (inherited across exec), so a write past N blocks of
//! 512 bytes fails with EFBIG, which SQLite reports as a write I/O error. The command must
//! fail cleanly (`error:`, exit 1), leave the database sound (`PRAGMA integrity_check`), and
//! an import must be all or nothing.

mod common;

use common::{entry_count, integrity_check, ok, Run, Sandbox};
use std::process::Command;

/// Runs `credits ARGS…` in `sandbox` with a file size limit of `blocks` × 512 bytes.
fn run_limited(sandbox: &Sandbox, blocks: u32, args: &[&str]) -> Run {
    let credits = sandbox.command(args);
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" \"$@\""
        ))
        .arg(credits.get_program())
        .args(credits.get_args())
        .env_clear()
        .current_dir(sandbox.path());
    for (key, value) in credits.get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    let output = cmd.output().expect("run sh");
    sandbox.finished(args, output)
}

/// A CSV of `rows` rows with credits given (no pricing needed), a few hundred KB.
fn many_rows(rows: usize) -> String {
    let mut text = String::from("at,platform,model,duration,credits,project,note\n");
    for i in 0..rows {
        text.push_str(&format!(
            "2026-11-{:02}T10:{:02}:00Z,runway,gen-4,5,60,proj{},note number {i} with some text to make the rows bigger\n",
            1 + i % 20,
            i % 60,
            i % 7
        ));
    }
    text
}

#[test]
fn an_import_that_fills_the_disk_is_all_or_nothing_and_says_so() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, &["log", "runway", "gen-4", "--duration", "5"]);
    let file = sandbox.write("many.csv", &many_rows(5000));
    let file_text = file.display().to_string();
    let db = sandbox.db();
    // 200 blocks (100 KB): the database (~70 KB) and its WAL overflow a few hundred rows in.
    let run = run_limited(&sandbox, 200, &["import", &file_text]);
    run.error()
        .stderr_has("nothing was imported from")
        .stderr_has("many.csv")
        .stderr_has(&format!("cannot write to {}", db.display()))
        .stderr_has("help: the disk may be full");
    assert_eq!(integrity_check(&db), "ok");
    assert_eq!(entry_count(&db), 1, "all or nothing");
    // With room, the same file imports whole.
    ok(&sandbox, &["import", &file_text]).stdout_has("5000 added");
    assert_eq!(entry_count(&db), 5001);
    assert_eq!(integrity_check(&db), "ok");
}

#[test]
fn log_into_a_database_at_the_limit_fails_cleanly() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, &["log", "runway", "gen-4", "--duration", "5"]);
    let db = sandbox.db();
    let size = std::fs::metadata(&db).unwrap().len();
    // No room to grow any file: the WAL index (32 KB) cannot be mapped, so nothing starts.
    // (At 64 blocks and up the WAL index fits and a one-entry WAL does too: logging works.)
    for blocks in [0, 8, 60] {
        let run = run_limited(
            &sandbox,
            blocks,
            &["log", "runway", "gen-4", "--duration", "5"],
        );
        run.error()
            .stderr_has("error:")
            .stderr_has("disk I/O error")
            .stderr_lacks("panicked");
        assert_eq!(
            integrity_check(&db),
            "ok",
            "after a limit of {blocks} blocks"
        );
        assert_eq!(entry_count(&db), 1, "nothing logged at {blocks} blocks");
        assert!(std::fs::metadata(&db).unwrap().len() >= size);
    }
    // With room again, logging works.
    ok(&sandbox, &["log", "runway", "gen-4", "--duration", "5"]);
    assert_eq!(entry_count(&db), 2);
}
