//! `export` → `import` round trips: a JSON export carries the whole state (accounts, plan
//! history, top-ups, adjustments, budgets, entries) and restores it in a fresh database
//! byte for byte as the reports see it; importing it again adds nothing; a CSV export keeps
//! the entries, refund times included.

mod common;

use common::Sandbox;

const NOW: &str = "2026-11-20T12:00:00Z";

fn at_now(mut sandbox: Sandbox) -> Sandbox {
    sandbox.env("CREDITS_NOW", NOW);
    sandbox
}

fn ok(sandbox: &Sandbox, args: &[&str]) -> String {
    let run = sandbox.run(args);
    run.success();
    run.stdout.clone()
}

/// Entries on two platforms, plan changes, a top-up, adjustments, budgets, and one entry
/// failed and refunded.
fn full_state() -> Sandbox {
    let s = at_now(Sandbox::with_db());
    for line in [
        "account set runway --plan standard --since 2026-09-01",
        "account set runway --plan pro --since 2026-10-15",
        // Said to begin a subscription (schema 14): its promotion prices October.
        "account set kling --plan standard --since 2026-10-01 --subscribed 2026-10-01",
        "topup runway --credits 500 --price 10 --at 2026-10-20",
        "adjust runway 25 --note signup --at 2026-09-02",
        "adjust kling 10 --note daily --at 2026-10-03",
        "log runway gen-4 --duration 10 --project ad --at 2026-11-02T10:00:00+01:00",
        "log runway gen-4 --duration 5 --project teaser --tag client=acme --at 2026-11-03",
        "log kling kling-2.1 --duration 5 --credits 30 --project ad --at 2026-11-04",
        "fail 2",
        "refund 2",
        "budget set ad 100 --money",
        "budget set ad 2000 --credits --platform runway --period month",
    ] {
        let args: Vec<&str> = line.split_whitespace().collect();
        s.run(&args).success();
    }
    s
}

/// What the round trip must keep, command by command.
fn views(s: &Sandbox) -> Vec<(&'static str, String)> {
    [
        ("balance", &["--json", "balance"][..]),
        (
            "report",
            &["--json", "report", "--by", "project", "--by", "platform"][..],
        ),
        ("budget list", &["--json", "budget", "list"][..]),
        ("account list", &["--json", "account", "list"][..]),
    ]
    .into_iter()
    .map(|(name, args)| (name, ok(s, args)))
    .collect()
}

#[test]
fn a_json_export_restores_the_whole_state_in_a_fresh_database() {
    let original = full_state();
    let expected = views(&original);
    ok(
        &original,
        &["export", "--format", "json", "--output", "all.json"],
    );
    let file = original.path().join("all.json");
    let file = file.to_str().expect("a UTF-8 path");

    let fresh = at_now(Sandbox::with_db());
    let run = fresh.run(&["import", file]);
    run.success()
        .stdout_has("3 rows, 3 added, 0 already in the log");
    for ((name, want), (_, got)) in expected.iter().zip(views(&fresh)) {
        assert_eq!(&got, want, "`credits {name}` after the round trip");
    }
    // The copy exports as the original did.
    assert_eq!(
        ok(&fresh, &["export", "--format", "json"]),
        ok(&original, &["export", "--format", "json"])
    );
}

#[test]
fn importing_the_same_json_export_twice_adds_nothing() {
    let original = full_state();
    ok(
        &original,
        &["export", "--format", "json", "--output", "all.json"],
    );
    let file = original.path().join("all.json");
    let file = file.to_str().expect("a UTF-8 path");
    let fresh = at_now(Sandbox::with_db());
    fresh.run(&["import", file]).success();
    let once = views(&fresh);
    let export = ok(&fresh, &["export", "--format", "json"]);
    fresh
        .run(&["import", file])
        .success()
        .stdout_has("3 rows, 0 added, 3 already in the log")
        .stdout_has(" read, 0 added");
    assert_eq!(views(&fresh), once);
    assert_eq!(ok(&fresh, &["export", "--format", "json"]), export);

    // Into the database it came from: nothing new either.
    original
        .run(&["import", file])
        .success()
        .stdout_has("0 added, 3 already in the log")
        .stdout_has(" read, 0 added");
}

#[test]
fn a_csv_export_keeps_the_entries_and_their_refund_times() {
    let original = at_now(Sandbox::with_db());
    for line in [
        "log runway gen-4 --duration 10 --project ad --at 2026-11-02",
        "log runway gen-4 --duration 5 --project ad --at 2026-11-03",
        "fail 2",
        "refund 2",
    ] {
        let args: Vec<&str> = line.split_whitespace().collect();
        original.run(&args).success();
    }
    let csv = ok(&original, &["export"]);
    assert!(
        csv.lines().nth(2).is_some_and(
            |l| l.contains(",refunded,true,") && l.contains(",2026-11-20T12:00:00Z,false,")
        ),
        "the refund time is exported:\n{csv}"
    );
    original.write("log.csv", &csv);
    let file = original.path().join("log.csv");
    let fresh = at_now(Sandbox::with_db());
    fresh
        .run(&["import", file.to_str().expect("a UTF-8 path")])
        .success()
        .stdout_has("2 rows, 2 added");
    assert_eq!(ok(&fresh, &["export"]), csv);
    assert_eq!(
        ok(&fresh, &["--json", "balance"]),
        ok(&original, &["--json", "balance"])
    );
    assert_eq!(
        ok(&fresh, &["--json", "report", "--by", "project"]),
        ok(&original, &["--json", "report", "--by", "project"])
    );
}
