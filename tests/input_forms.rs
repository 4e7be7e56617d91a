//! Input as people type it: times (`--at`, `--since`, `--until`, `--as-of`, `account set
//! --since`), durations, `--pricing-dir`, and what completes. Every refusal is an `error:`
//! naming the value, a `help:` line with the accepted forms, a non-zero exit, and no change
//! to the database. The clock is fixed at 2026-11-21T12:00:00Z (offset +00:00).

mod common;

use common::{ok, DbState, Sandbox};
use serde_json::{json, Value};

/// `credits --json history`, newest first.
fn history(sandbox: &Sandbox, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--json", "history"];
    all.extend_from_slice(args);
    let run = ok(sandbox, &all);
    run.json().as_array().cloned().expect("an array")
}

/// Logs one runway gen-4 clip with `extra` flags; returns the stored entry.
fn logged(sandbox: &Sandbox, extra: &[&str]) -> Value {
    let mut args = vec!["log", "runway", "gen-4", "--duration", "10"];
    args.extend_from_slice(extra);
    ok(sandbox, &args);
    last(sandbox)
}

/// The entry logged last (the highest id; history is newest first by time).
fn last(sandbox: &Sandbox) -> Value {
    history(sandbox, &[])
        .into_iter()
        .max_by_key(|e| e["id"].as_i64())
        .expect("an entry")
}

#[test]
fn every_time_form_is_stored_as_the_right_time() {
    let sandbox = Sandbox::with_db();
    for (typed, stored) in [
        ("2026-11-15T15:00:00+01:00", "2026-11-15T15:00:00+01:00"),
        ("2026-11-15 15:00", "2026-11-15T15:00:00+00:00"),
        ("2026-11-15T15:00", "2026-11-15T15:00:00+00:00"),
        ("2026-11-15 15:00:30", "2026-11-15T15:00:30+00:00"),
        ("2026-11-15", "2026-11-15T00:00:00+00:00"),
        ("today", "2026-11-21T00:00:00+00:00"),
        ("yesterday", "2026-11-20T00:00:00+00:00"),
        ("3d", "2026-11-18T12:00:00+00:00"),
        ("2w", "2026-11-07T12:00:00+00:00"),
        // Up to a day ahead is fine (clocks and time zones differ).
        ("2026-11-22 11:00", "2026-11-22T11:00:00+00:00"),
    ] {
        let entry = logged(&sandbox, &["--at", typed, "--note", typed]);
        assert_eq!(entry["note"], json!(typed));
        assert_eq!(entry["at"], json!(stored), "--at {typed}");
    }
}

#[test]
fn filters_take_the_same_forms() {
    let sandbox = Sandbox::with_db();
    logged(&sandbox, &["--at", "2026-11-19 10:00"]);
    logged(&sandbox, &["--at", "yesterday"]);
    logged(&sandbox, &["--at", "2026-11-21 09:00"]);
    let ids = |args: &[&str]| -> Vec<i64> {
        history(&sandbox, args)
            .iter()
            .map(|e| e["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids(&["--since", "today"]), vec![3]);
    assert_eq!(ids(&["--since", "yesterday"]), vec![3, 2]);
    assert_eq!(ids(&["--until", "yesterday"]), vec![2, 1]);
    assert_eq!(ids(&["--since", "2026-11-19 10:00"]), vec![3, 2, 1]);
    assert_eq!(ids(&["--since", "2026-11-19T10:01"]), vec![3, 2]);
    assert_eq!(ids(&["--since", "2d"]), vec![3, 2]);
    ok(
        &sandbox,
        &["--json", "report", "--since", "2026-11-20 00:00"],
    );
    ok(&sandbox, &["--json", "export", "--until", "today"]);
}

#[test]
fn every_duration_form_is_exact_seconds() {
    let sandbox = Sandbox::with_db();
    for (typed, seconds) in [
        ("10", "10"),
        ("10s", "10"),
        ("0m5s", "5"),
        ("1.5", "1.5"),
        ("2.5s", "2.5"),
    ] {
        ok(&sandbox, &["log", "runway", "gen-4", "--duration", typed]);
        assert_eq!(
            last(&sandbox)["duration"],
            json!(seconds),
            "--duration {typed}"
        );
    }
    for (typed, seconds) in [
        ("90s", "90"),
        ("1m30s", "90"),
        ("1.5m", "90"),
        ("2.5", "2.5"),
    ] {
        let args = [
            "--json",
            "calc",
            "--plan-price",
            "30",
            "--plan-credits",
            "3000",
            "--clip-credits",
            "50",
            "--seconds",
            typed,
        ];
        ok(&sandbox, &args).json_eq("/seconds", json!(seconds));
    }
    ok(
        &sandbox,
        &[
            "--json",
            "estimate",
            "runway",
            "gen-4",
            "--duration",
            "0m10s",
        ],
    )
    .json_eq("/seconds", json!("10"));
    ok(&sandbox, &["--json", "compare", "--duration", "10s"]);
    ok(
        &sandbox,
        &[
            "calc",
            "--plan-price",
            "30",
            "--plan-credits",
            "3000",
            "--clip-credits",
            "50",
            "--seconds",
            "1m",
        ],
    );
}

#[test]
fn refusals_name_the_value_give_the_forms_and_change_nothing() {
    let sandbox = Sandbox::with_db();
    logged(&sandbox, &[]);
    for (args, value, help) in [
        (
            &["log", "runway", "gen-4", "--at", "15:00"][..],
            "15:00",
            "help: use RFC 3339",
        ),
        (
            &["log", "runway", "gen-4", "--at", "2026-11-15 25:00"],
            "2026-11-15 25:00",
            "help: use RFC 3339",
        ),
        (
            &["log", "runway", "gen-4", "--at", "tomorrow"],
            "tomorrow",
            "help: use RFC 3339",
        ),
        (
            &["history", "--since", "last week"],
            "last week",
            "help: use RFC 3339",
        ),
        (
            &["history", "--until", "21/11/2026"],
            "21/11/2026",
            "help: use RFC 3339",
        ),
        (
            &["balance", "--as-of", "noon"],
            "noon",
            "help: use RFC 3339",
        ),
        (
            &[
                "topup",
                "runway",
                "--credits",
                "10",
                "--price",
                "1",
                "--at",
                "soon",
            ],
            "soon",
            "help: use RFC 3339",
        ),
        (
            &[
                "account", "set", "runway", "--plan", "standard", "--since", "May",
            ],
            "May",
            "help: give the day",
        ),
    ] {
        let before = DbState::of(&sandbox.db());
        let run = sandbox.run(args);
        run.error()
            .stderr_has(&format!("`{value}`"))
            .stderr_has(help);
        before.assert_same(&sandbox.db(), &run);
    }
    for bad in ["ten", "10x", "1m30", "s"] {
        let before = DbState::of(&sandbox.db());
        let run = sandbox.run(&["log", "runway", "gen-4", "--duration", bad]);
        run.usage_error()
            .stderr_has(&format!("`{bad}` is not a duration"))
            .stderr_has("help: use seconds");
        before.assert_same(&sandbox.db(), &run);
    }
}

#[test]
fn a_time_more_than_a_day_ahead_needs_force() {
    let sandbox = Sandbox::with_db();
    logged(&sandbox, &["--failed"]);
    let cases: [(&[&str], &str); 5] = [
        (&["log", "runway", "gen-4", "--at", "2030-01-01"], "--force"),
        (&["refund", "1", "--at", "2030-01-01"], "--force"),
        (
            &["edit", "1", "--status", "refunded", "--at", "2030-01-01"],
            "--force",
        ),
        (
            &[
                "topup",
                "runway",
                "--credits",
                "10",
                "--price",
                "1",
                "--at",
                "2030-01-01",
            ],
            "--force",
        ),
        (
            &[
                "adjust",
                "runway",
                "10",
                "--note",
                "bonus",
                "--at",
                "2030-01-01",
            ],
            "--allow-future",
        ),
    ];
    for (args, flag) in cases {
        let before = DbState::of(&sandbox.db());
        let run = sandbox.run(args);
        run.error()
            .stderr_has("`2030-01-01` is in the future")
            .stderr_has(&format!("add {flag}"));
        before.assert_same(&sandbox.db(), &run);
    }
    // With the flag, it is taken as typed.
    let entry = logged(&sandbox, &["--at", "2030-01-01", "--force"]);
    assert_eq!(entry["at"], json!("2030-01-01T00:00:00+00:00"));
    ok(
        &sandbox,
        &["refund", "1", "--at", "2030-01-01", "--allow-future"],
    );
}

#[test]
fn a_pricing_dir_that_is_not_a_folder_is_an_error() {
    let mut sandbox = Sandbox::with_db();
    let file = sandbox.write("table.toml", "");
    for dir in ["/nope", file.to_str().unwrap()] {
        sandbox
            .run(&["--pricing-dir", dir, "pricing", "list"])
            .error()
            .stderr_has(dir)
            .stderr_has("help: ");
    }
    sandbox.env("CREDITS_PRICING_DIR", "/nope");
    let before = DbState::of(&sandbox.db());
    let run = sandbox.run(&["log", "runway", "gen-4", "--duration", "10"]);
    run.error().stderr_has("`/nope` does not exist");
    before.assert_same(&sandbox.db(), &run);
}

#[test]
fn report_by_completes_its_keys_and_names_do_not_complete_files() {
    let bash = ok(&Sandbox::new(), &["completions", "bash"]).stdout.clone();
    // The `credits report` case offers the keys for --by.
    let by = &bash[bash.find("--by)").expect("a --by case")..];
    let by = &by[..by.find(";;").unwrap()];
    for key in ["project", "platform", "model", "day", "week", "month"] {
        assert!(by.contains(key), "--by offers {key}: {by}");
    }
    assert!(!by.contains("compgen -f"), "--by completes files: {by}");
    let fish = ok(&Sandbox::new(), &["completions", "fish"]).stdout.clone();
    let line = fish
        .lines()
        .find(|l| l.contains("__fish_credits_using_subcommand report") && l.contains("-l by"))
        .expect("a fish line for report --by");
    assert!(line.contains("project") && line.contains("month"), "{line}");
    // A name, a time or a number does not offer files; a path does.
    let log = fish
        .lines()
        .find(|l| l.contains("__fish_credits_using_subcommand log") && l.contains("-l at"))
        .expect("log --at");
    assert!(
        !log.contains("-F") && !log.contains("__fish_complete_path"),
        "{log}"
    );
    let import = fish
        .lines()
        .find(|l| l.contains("__fish_credits_using_subcommand export") && l.contains("-l output"))
        .expect("export --output");
    assert!(import.contains("-F") || import.contains("-r"), "{import}");
}
