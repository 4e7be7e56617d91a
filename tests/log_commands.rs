//! The generation log through the binary (issue 3, "Commands" and "Bad input"): `log`,
//! `fail`, `refund`, `edit`, `rm`, `history`, `report`, `refunds`, `export`, `import` and
//! `account`, each on a temporary database in the sandbox.
//!
//! Prices come from the shipped tables (`pricing/`): Runway Gen-4 is 12 credits/s in 5 s
//! and 10 s clips, Gen-4 Turbo 5 credits/s; Runway Standard is $15 for 625 credits
//! ($0.024 each), Pro $35 for 2,250 monthly or $336 a year; MakeClipAI publishes no plan
//! prices, so its money is unknown; OpenAI bills money ($0.10 per second of Sora 2).
//!
//! Every rejected command is checked to leave the database byte for byte and row for row
//! as it was ([`DbState`]).

mod common;

use common::{entry_count, open_db, DbState, Run, Sandbox};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

// ---- helpers ----

/// A command line: a `&str` split on whitespace, or an array when an argument has spaces.
trait Argv {
    fn argv(&self) -> Vec<&str>;
}

impl Argv for str {
    fn argv(&self) -> Vec<&str> {
        self.split_whitespace().collect()
    }
}

impl Argv for String {
    fn argv(&self) -> Vec<&str> {
        self.split_whitespace().collect()
    }
}

impl<const N: usize> Argv for [&str; N] {
    fn argv(&self) -> Vec<&str> {
        self.to_vec()
    }
}

/// Runs a command that must succeed.
#[track_caller]
fn ok(sandbox: &Sandbox, args: &(impl Argv + ?Sized)) -> Run {
    let run = sandbox.run(&args.argv());
    run.success();
    run
}

/// A rejected command: exit 1, `error: …`, and the database exactly as it was.
#[track_caller]
fn rejected(sandbox: &Sandbox, args: &(impl Argv + ?Sized)) -> Run {
    let before = DbState::of(&sandbox.db());
    let run = sandbox.run(&args.argv());
    run.error();
    before.assert_same(&sandbox.db(), &run);
    run
}

/// `credits --json history ARGS…` as the list of entry ids, newest first.
#[track_caller]
fn history_ids(sandbox: &Sandbox, args: &str) -> Vec<i64> {
    let run = ok(sandbox, &format!("--json history {args}"));
    run.json()
        .as_array()
        .unwrap_or_else(|| run.fail("a JSON array", "something else"))
        .iter()
        .map(|e| e["id"].as_i64().expect("an id"))
        .collect()
}

/// One entry of `history --json` by id.
#[track_caller]
fn entry(sandbox: &Sandbox, id: i64) -> Value {
    let run = ok(sandbox, "--json history");
    run.json()
        .as_array()
        .and_then(|all| all.iter().find(|e| e["id"] == json!(id)).cloned())
        .unwrap_or_else(|| run.fail(format!("entry {id} in history"), "absent"))
}

/// The cost of an entry as a decimal (`None` when unknown).
#[track_caller]
fn cost(sandbox: &Sandbox, id: i64) -> Option<Decimal> {
    entry(sandbox, id)["cost"].as_str().map(d)
}

/// The JSON decimal string at `pointer` as a number.
#[track_caller]
fn decimal_at(run: &Run, pointer: &str) -> Decimal {
    let value = run.json_at(pointer);
    value
        .as_str()
        .and_then(|s| Decimal::from_str(s).ok())
        .unwrap_or_else(|| run.fail(format!("a decimal string at {pointer}"), value))
}

/// The table line starting with `label`, its cells separated by one space.
#[track_caller]
fn cells(run: &Run, label: &str) -> String {
    run.line(label)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal")
}

/// Five generations across two projects, two platforms, two months:
///
/// | id | at (UTC)         | what                                | project | tag         | status   | kept |
/// |----|------------------|-------------------------------------|---------|-------------|----------|------|
/// | 1  | 2026-10-05 10:00 | runway gen-4 10 s: 120 cr, $2.88    | ad      | client=acme | ok       | yes  |
/// | 2  | 2026-10-05 11:00 | runway gen-4 10 s: 120 cr, $2.88    | ad      | client=acme | ok       | no   |
/// | 3  | 2026-11-16 09:00 | runway gen-4-turbo 5 s: 25 cr, $0.60| teaser  | client=bolt | refunded | yes  |
/// | 4  | 2026-11-18 09:00 | runway gen-4 5 s: 60 cr, $1.44      | teaser  |             | failed   | yes  |
/// | 5  | 2026-11-20 09:00 | openai sora-2 8 s: 0 cr, $0.80      | teaser  |             | ok       | yes  |
fn seeded() -> Sandbox {
    let sandbox = Sandbox::with_db();
    common::keep_sora_2(&sandbox);
    for line in [
        "log runway gen-4 --duration 10 --project ad --tag client=acme --at 2026-10-05T10:00:00Z",
        "log runway gen-4 --duration 10 --project ad --tag client=acme --discarded \
         --at 2026-10-05T11:00:00Z",
        "log runway gen-4-turbo --duration 5 --project teaser --tag client=bolt \
         --at 2026-11-16T09:00:00Z",
        "log runway gen-4 --duration 5 --project teaser --failed --at 2026-11-18T09:00:00Z",
        "log openai sora-2 --duration 8 --project teaser --at 2026-11-20T09:00:00Z",
        "fail 3",
        "refund 3",
    ] {
        ok(&sandbox, line);
    }
    sandbox
}

// ---- log ----

#[test]
fn log_prices_from_the_table_and_says_how() {
    let sandbox = Sandbox::with_db();
    let run = ok(&sandbox, "log runway gen-4 --duration 10");
    run.check_eq(
        "the logged line",
        "logged #1: runway gen-4, 120 credits, $2.88 (cheapest paid plan Standard, monthly)",
        run.stdout.trim_end(),
    );
    // No account yet: priced the way `estimate` prices it, and said so.
    run.stderr_has("no account set for runway")
        .stderr_has("credits account set runway --plan PLAN");

    // Names as well as ids; --json for scripts.
    ok(&sandbox, "--json log Runway Gen-4 --duration 10")
        .json_eq("/id", json!(2))
        .json_eq("/platform", json!("runway"))
        .json_eq("/model", json!("gen-4"))
        .json_eq("/credits", json!("120"))
        .json_decimal_eq("/cost", "2.88")
        .json_eq("/currency", json!("USD"))
        .json_eq("/status", json!("ok"))
        .json_eq("/project", json!(null));
    assert_eq!(entry_count(&sandbox.db()), 2);
}

#[test]
fn log_keeps_the_request_project_tags_time_note_and_flags() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "5",
            "--count",
            "3",
            "--project",
            "spring-ad",
            "--tag",
            "client=acme",
            "--tag",
            "shot=3",
            "--at",
            "2026-11-02T09:30:00+01:00",
            "--note",
            "first try, \"wide\"",
            "--failed",
            "--discarded",
        ],
    );
    let e = entry(&sandbox, 1);
    let expected = json!({
        "id": 1,
        "at": "2026-11-02T09:30:00+01:00",
        "platform": "runway",
        "model": "gen-4",
        "duration": "5",
        "count": 3,
        "credits": "180",
        "currency": "USD",
        "project": "spring-ad",
        "tags": {"client": "acme", "shot": "3"},
        "note": "first try, \"wide\"",
        "status": "failed",
        "kept": false,
    });
    for (key, want) in expected.as_object().expect("an object") {
        assert_eq!(&e[key], want, "history --json field {key} of {e:#}");
    }
    assert_eq!(
        cost(&sandbox, 1),
        Some(d("4.32")),
        "3 × 60 credits × $0.024"
    );
    // Without --at the entry is timed now, in the user's offset.
    ok(&sandbox, "log runway gen-4 --duration 5");
    assert_eq!(entry(&sandbox, 2)["at"], json!("2026-11-21T12:00:00+00:00"));
}

#[test]
fn log_with_credits_uses_them_and_prices_them_with_the_plan() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        "--json log runway gen-4 --duration 10 --credits 100",
    )
    .json_eq("/credits", json!("100"))
    .json_decimal_eq("/cost", "2.4");
}

#[test]
fn log_with_price_per_credit_uses_it() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        "--json log runway gen-4 --duration 5 --price-per-credit 0.01",
    )
    .json_decimal_eq("/cost", "0.6");
}

#[test]
fn an_unknown_model_is_an_error_with_a_suggestion_and_logs_nothing() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "log runway gen-4 --duration 5");
    rejected(&sandbox, "log runway gen4 --duration 5")
        .stderr_has("unknown model `gen4`")
        .stderr_has("help: did you mean `gen-4`")
        .stderr_has("--credits");
    rejected(&sandbox, "log runwai gen-4 --duration 5")
        .stderr_has("unknown platform `runwai`")
        .stderr_has("help: did you mean `runway`");
    assert_eq!(entry_count(&sandbox.db()), 1);
}

#[test]
fn other_rejected_logs_change_nothing() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "log runway gen-4 --duration 5");
    rejected(&sandbox, "log runway gen-4 --tag a=1 --tag a=2").stderr_has("`a` is given twice");
    rejected(&sandbox, "log runway gen-4 --tag a=x;y").stderr_has("`;`");
    // Past the largest duration offered.
    rejected(&sandbox, "log runway gen-4 --duration 60");
    rejected(&sandbox, "log runway gen-4 --credits 0.0001").stderr_has("0.0001");
    // Usage errors too (exit 2).
    let before = DbState::of(&sandbox.db());
    let run = sandbox.run(&["log", "runway", "gen-4", "--credits", "-5"]);
    run.usage_error();
    before.assert_same(&sandbox.db(), &run);
}

#[test]
fn an_unknown_platform_with_credits_is_logged_unpriced_never_at_zero() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        "--json log acme-video turbo --duration 5 --credits 12",
    )
    .json_eq("/credits", json!("12"))
    .json_eq("/cost", json!(null))
    .json_eq("/currency", json!(null))
    .stderr_has("not in the pricing tables")
    .stderr_has("money unknown");

    // Unknown everywhere it is shown: history, export, report. Never 0.
    assert_eq!(cost(&sandbox, 1), None);
    let table = ok(&sandbox, "history");
    table.check(
        cells(&table, "1").contains(" 12 unknown "),
        "history shows 12 credits, cost unknown",
    );
    let csv = ok(&sandbox, "export");
    let row = csv.stdout.lines().nth(1).unwrap_or_default().to_string();
    csv.check(
        row.contains(",12,,,unpriced,"),
        "export leaves cost and currency empty: `…,12,,,unpriced,…`",
    );
    ok(&sandbox, "--json report --by platform")
        .json_eq("/rows/0/platform", json!("acme-video"))
        .json_eq("/rows/0/cost", json!(null))
        .json_eq("/rows/0/unpriced", json!(1))
        .json_eq("/rows/0/cost_per_second", json!(null))
        .json_eq("/total/cost", json!(null));
    let table = ok(&sandbox, "report");
    table
        .stdout_has("unknown")
        .stdout_lacks("$0.00")
        .stdout_has("unknown money");
}

#[test]
fn a_table_without_plan_prices_logs_money_unknown() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "log makeclipai kling-ai --duration 5")
        .stdout_has("70 credits")
        .stdout_has("money unknown")
        .stdout_lacks("$0.00")
        .stderr_has("money unknown");
    assert_eq!(cost(&sandbox, 1), None);
}

#[test]
fn a_money_billed_platform_logs_money_and_no_credits() {
    let sandbox = Sandbox::with_db();
    // A generation made before sora-2's shutdown: still priced from the shipped table.
    ok(
        &sandbox,
        "--json log openai sora-2 --duration 8 --at 2026-09-01T10:00:00Z",
    )
    .json_eq("/credits", json!("0"))
    .json_decimal_eq("/cost", "0.8")
    .json_eq("/currency", json!("USD"));
}

#[test]
fn the_default_project_comes_from_the_env_then_the_config_file() {
    let mut sandbox = Sandbox::with_db();
    let project = |sandbox: &Sandbox, extra: &str| {
        ok(
            sandbox,
            &format!("--json log runway gen-4 --duration 5 {extra}"),
        )
        .json_at("/project")
    };
    assert_eq!(project(&sandbox, ""), json!(null));
    sandbox.write(".config/credits/config.toml", "project = \"from-config\"\n");
    assert_eq!(project(&sandbox, ""), json!("from-config"));
    sandbox.env("CREDITS_PROJECT", "from-env");
    assert_eq!(project(&sandbox, ""), json!("from-env"));
    assert_eq!(project(&sandbox, "--project flag"), json!("flag"));
    // A broken config file is an error naming it and the bad key.
    sandbox.env("CREDITS_PROJECT", "");
    sandbox.write(".config/credits/config.toml", "projekt = \"typo\"\n");
    rejected(&sandbox, "log runway gen-4 --duration 5")
        .stderr_has("config.toml")
        .stderr_has("projekt");
}

#[test]
fn the_database_defaults_to_the_data_dir_and_db_overrides_it() {
    let sandbox = Sandbox::new();
    ok(&sandbox, "log runway gen-4 --duration 5");
    assert_eq!(entry_count(&sandbox.default_db()), 1);
    // --db, relative to the working directory, its folders created on first use.
    ok(&sandbox, "--db logs/2026/my.db log runway gen-4");
    assert_eq!(entry_count(&sandbox.path().join("logs/2026/my.db")), 1);
    assert_eq!(entry_count(&sandbox.default_db()), 1);
}

// ---- fail, refund, edit, rm ----

#[test]
fn fail_then_refund_moves_the_credits_from_owed_to_refunded() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "log runway gen-4 --duration 10");

    ok(&sandbox, "fail 1")
        .stdout_has("#1 runway gen-4: ok → failed")
        .stdout_has("120 credits are owed")
        .stdout_has("credits refund 1");
    ok(&sandbox, "--json refunds").json_eq(
        "",
        json!([{"platform": "runway", "entries": 1, "credits_owed": "120", "money_owed": "2.88", "currency": "USD", "unpriced": 0}]),
    );
    ok(&sandbox, "--json report")
        .json_eq("/total/credits_owed", json!("120"))
        .json_eq("/total/credits_refunded", json!("0"))
        .json_decimal_eq("/total/cost", "2.88")
        .json_eq("/total/seconds", json!("0"));

    ok(&sandbox, "refund 1").stdout_has("#1 runway gen-4: failed → refunded");
    ok(&sandbox, "refunds").stdout_has("no failed generations");
    ok(&sandbox, "--json report")
        .json_eq("/total/credits_owed", json!("0"))
        .json_eq("/total/credits_refunded", json!("120"))
        .json_eq("/total/credits", json!("120"))
        // A refund means it cost nothing.
        .json_decimal_eq("/total/cost", "0");
    assert_eq!(entry(&sandbox, 1)["status"], json!("refunded"));
}

#[test]
fn refund_implies_failed() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "log runway gen-4 --duration 5");
    // An entry marked ok is refunded only with --force (most likely a mistyped id).
    ok(&sandbox, "refund 1 --force").stdout_has("ok → refunded");
    assert_eq!(history_ids(&sandbox, "--status refunded"), vec![1]);
}

#[test]
fn refunding_twice_says_nothing_changed_and_changes_nothing() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "log runway gen-4 --duration 5 --failed");
    ok(&sandbox, "refund 1");
    let before = DbState::of(&sandbox.db());
    let run = ok(&sandbox, "refund 1");
    run.stdout_has("#1 is already refunded: nothing changed");
    before.assert_same(&sandbox.db(), &run);
    // The same for failing twice.
    ok(&sandbox, "log runway gen-4 --duration 5 --failed");
    let before = DbState::of(&sandbox.db());
    let run = ok(&sandbox, "fail 2");
    run.stdout_has("#2 is already failed: nothing changed");
    before.assert_same(&sandbox.db(), &run);
}

#[test]
fn an_unknown_id_is_an_error_with_help_and_changes_nothing() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "log runway gen-4 --duration 5");
    for line in ["fail 42", "refund 42", "edit 42 --project x", "rm 42"] {
        rejected(&sandbox, line)
            .stderr_has("no entry with id 42")
            .stderr_has("help: `credits history` lists the ids");
    }
}

#[test]
fn edit_changes_project_tags_note_and_kept() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        "log runway gen-4 --duration 5 --project ad --tag client=acme --tag shot=1 --note wide",
    );
    ok(
        &sandbox,
        "edit 1 --project trailer --tag client=bolt --untag shot --note close-up --discarded",
    )
    .stdout_has("#1 updated");
    let e = entry(&sandbox, 1);
    assert_eq!(e["project"], json!("trailer"), "{e:#}");
    assert_eq!(e["tags"], json!({"client": "bolt"}), "{e:#}");
    assert_eq!(e["note"], json!("close-up"), "{e:#}");
    assert_eq!(e["kept"], json!(false), "{e:#}");
    // Money and credits are a snapshot: editing never reprices.
    assert_eq!(e["credits"], json!("60"), "{e:#}");
    assert_eq!(cost(&sandbox, 1), Some(d("1.44")));

    // Empty strings clear; --kept undoes --discarded.
    ok(
        &sandbox,
        &["edit", "1", "--project", "", "--note", "", "--kept"],
    );
    let e = entry(&sandbox, 1);
    assert_eq!(
        (&e["project"], &e["note"], &e["kept"]),
        (&json!(null), &json!(null), &json!(true)),
        "{e:#}"
    );
}

#[test]
fn edit_with_nothing_to_change_or_a_bad_tag_is_refused() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "log runway gen-4 --duration 5");
    rejected(&sandbox, "edit 1").stderr_has("nothing to change");
    rejected(&sandbox, "edit 1 --project p --tag a=x;y").stderr_has("`;`");
    let before = DbState::of(&sandbox.db());
    let run = sandbox.run(&["edit", "1", "--kept", "--discarded"]);
    run.usage_error();
    before.assert_same(&sandbox.db(), &run);
}

#[test]
fn rm_deletes_the_entry_and_its_tags() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "log runway gen-4 --duration 5 --tag client=acme");
    ok(&sandbox, "log runway gen-4 --duration 10");
    ok(&sandbox, "rm 1")
        .stdout_has("removed #1: runway gen-4")
        .stdout_has("60 credits");
    assert_eq!(history_ids(&sandbox, ""), vec![2]);
    let tags: i64 = open_db(&sandbox.db())
        .query_row("SELECT count(*) FROM entry_tag", [], |r| r.get(0))
        .expect("count tags");
    assert_eq!(tags, 0, "the tags of a removed entry go with it");
    rejected(&sandbox, "rm 1").stderr_has("no entry with id 1");
}

// ---- history ----

#[test]
fn history_lists_newest_first_as_a_table_json_or_csv() {
    let sandbox = seeded();
    let run = ok(&sandbox, "history");
    run.check_eq(
        "the header",
        "id time platform model request credits cost project tags status",
        &cells(&run, "id"),
    );
    let ids: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    run.check_eq("ids, newest first", vec!["5", "4", "3", "2", "1"], ids);
    run.check_eq(
        "entry 2",
        "2 2026-10-05 11:00 +00:00 runway gen-4 10 s 120 $2.88 ad client=acme ok, discarded",
        &cells(&run, "2 "),
    );
    run.check_eq(
        "entry 3",
        "3 2026-11-16 09:00 +00:00 runway gen-4-turbo 5 s 25 $0.60 teaser client=bolt refunded",
        &cells(&run, "3 "),
    );

    assert_eq!(history_ids(&sandbox, ""), vec![5, 4, 3, 2, 1]);

    let csv = ok(&sandbox, "history --csv");
    let mut lines = csv.stdout.lines();
    csv.check_eq(
        "the CSV header (the export columns)",
        Some(
            "at,platform,model,duration,resolution,audio,refs,mode,chars,count,credits,cost,\
             currency,pricing,project,tags,note,status,kept,dedup_key,refunded_at,upscale,price_source,\
             priced_with_as_of,priced_with_sha256,logged_by,machine",
        ),
        lines.next(),
    );
    csv.check_eq("CSV rows", 5, lines.count());
}

#[test]
fn history_filters() {
    let sandbox = seeded();
    let cases: &[(&str, &[i64])] = &[
        ("--project ad", &[2, 1]),
        ("--project nope", &[]),
        ("--platform openai", &[5]),
        // Platforms by display name, like everywhere else.
        ("--platform OpenAI", &[5]),
        ("--model gen-4", &[4, 2, 1]),
        ("--tag client=acme", &[2, 1]),
        ("--tag client=acme --tag client=bolt", &[]),
        ("--status ok", &[5, 2, 1]),
        ("--status failed", &[4]),
        ("--status refunded", &[3]),
        // NOW is 2026-11-21T12:00Z: 7 days back is 2026-11-14T12:00Z.
        ("--since 7d", &[5, 4, 3]),
        ("--since 2w", &[5, 4, 3]),
        ("--since 3d", &[5]),
        ("--since 2026-11-17", &[5, 4]),
        // A date as --until includes its whole day.
        ("--until 2026-11-16", &[3, 2, 1]),
        ("--since 2026-11-16 --until 2026-11-18", &[4, 3]),
        ("--since 2026-10-05T10:30:00Z", &[5, 4, 3, 2]),
        ("--until 7d", &[2, 1]),
        ("--limit 2", &[5, 4]),
        ("--project teaser --status failed", &[4]),
        ("--project teaser --platform runway --limit 1", &[4]),
    ];
    for (args, want) in cases {
        assert_eq!(
            history_ids(&sandbox, args),
            want.to_vec(),
            "credits history {args}"
        );
    }
    ok(&sandbox, "history --project nope").stdout_has("no entries");
    // The same filters select what `history --csv` writes.
    let csv = ok(&sandbox, "history --csv --tag client=acme");
    csv.check_eq("rows", 3, csv.stdout.lines().count());
}

#[test]
fn bad_dates_are_errors_naming_the_value_and_change_nothing() {
    let sandbox = seeded();
    for (args, value) in [
        (
            &["log", "runway", "gen-4", "--at", "2026-02-30"][..],
            "2026-02-30",
        ),
        (&["log", "runway", "gen-4", "--at", "tomorrow"], "tomorrow"),
        (
            &["log", "runway", "gen-4", "--at", "2026-11-21T25:00:00Z"],
            "2026-11-21T25:00:00Z",
        ),
        (&["history", "--since", "last week"], "last week"),
        (&["history", "--until", "2026-11-31"], "2026-11-31"),
        (&["history", "--since", "7x"], "7x"),
        (&["history", "--since=-3d"], "-3d"),
        (&["report", "--since", "21/11/2026"], "21/11/2026"),
        (&["export", "--until", "2026-1-1"], "2026-1-1"),
    ] {
        let before = DbState::of(&sandbox.db());
        let run = sandbox.run(args);
        run.error()
            .stderr_has(&format!("`{value}`"))
            .stderr_has("help:");
        before.assert_same(&sandbox.db(), &run);
    }
}

#[test]
fn times_and_calendars_are_in_the_users_offset() {
    // 23:30 on 21 November in New York is already the 22nd in UTC.
    let mut sandbox = Sandbox::with_db();
    sandbox.env("CREDITS_NOW", "2026-11-21T23:30:00-05:00");
    ok(&sandbox, "log runway gen-4 --duration 5");
    // A date is the start of that day in the user's offset: 05:00 UTC on 1 December.
    ok(
        &sandbox,
        "log runway gen-4 --duration 10 --at 2026-12-01 --force",
    );
    assert_eq!(entry(&sandbox, 1)["at"], json!("2026-11-21T23:30:00-05:00"));
    assert_eq!(entry(&sandbox, 2)["at"], json!("2026-12-01T00:00:00-05:00"));
    ok(&sandbox, "--json report --by day")
        .json_eq("/rows/0/day", json!("2026-11-21"))
        .json_eq("/rows/1/day", json!("2026-12-01"));
    ok(&sandbox, "--json report --by month")
        .json_eq("/rows/0/month", json!("2026-11"))
        .json_eq("/rows/1/month", json!("2026-12"));
    assert_eq!(history_ids(&sandbox, "--until 2026-11-21"), vec![1]);
    assert_eq!(history_ids(&sandbox, "--since 2026-11-22"), vec![2]);
}

// ---- report ----

/// `report --json --by KEY` rows as (group key, credits, cost).
#[track_caller]
fn report_rows(sandbox: &Sandbox, by: &str) -> Vec<(Value, String, Option<Decimal>)> {
    let run = ok(sandbox, &format!("--json report --by {by}"));
    run.json_at("/rows")
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r[by].clone(),
                r["credits"].as_str().expect("credits").to_string(),
                r["cost"].as_str().map(d),
            )
        })
        .collect()
}

#[test]
fn report_totals_every_column_the_issue_names() {
    let sandbox = seeded();
    let run = ok(&sandbox, "--json report --by project");
    // The JSON field names are a public interface (issue 3).
    let total = run.json_at("/total");
    for row in run
        .json_at("/rows")
        .as_array()
        .expect("rows")
        .iter()
        .chain([&total])
    {
        for field in [
            "clips",
            "seconds",
            "credits",
            "credits_refunded",
            "credits_owed",
            "cost",
            "cost_per_second",
            "cost_per_kept_second",
        ] {
            run.check(
                row.get(field).is_some(),
                &format!("field `{field}` in {row}"),
            );
        }
    }
    // Clips count every entry; seconds only what did not fail (#1, #2, #5: 10 + 10 + 8);
    // kept seconds leave out the discarded #2; money leaves out the refunded #3.
    run.json_eq("/by", json!(["project"]))
        .json_eq("/total/clips", json!(5))
        .json_eq("/total/seconds", json!("28"))
        .json_eq("/total/kept_seconds", json!("18"))
        .json_eq("/total/credits", json!("325"))
        .json_eq("/total/credits_refunded", json!("25"))
        .json_eq("/total/credits_owed", json!("60"))
        .json_decimal_eq("/total/cost", "8")
        .json_eq("/total/currency", json!("USD"))
        .json_eq("/total/unpriced", json!(0));
    let per_second = decimal_at(&run, "/total/cost_per_second");
    let per_kept = decimal_at(&run, "/total/cost_per_kept_second");
    assert_eq!(per_second.round_dp(6), d("0.285714"), "$8 / 28 s");
    assert_eq!(per_kept.round_dp(6), d("0.444444"), "$8 / 18 kept s");

    run.json_eq("/rows/0/project", json!("ad"))
        .json_eq("/rows/0/clips", json!(2))
        .json_eq("/rows/0/seconds", json!("20"))
        .json_eq("/rows/0/credits", json!("240"))
        .json_decimal_eq("/rows/0/cost", "5.76")
        .json_decimal_eq("/rows/0/cost_per_second", "0.288")
        .json_decimal_eq("/rows/0/cost_per_kept_second", "0.576")
        .json_eq("/rows/1/project", json!("teaser"))
        .json_eq("/rows/1/clips", json!(3))
        .json_eq("/rows/1/seconds", json!("8"))
        .json_eq("/rows/1/credits", json!("85"))
        .json_eq("/rows/1/credits_refunded", json!("25"))
        .json_eq("/rows/1/credits_owed", json!("60"))
        .json_decimal_eq("/rows/1/cost", "2.24")
        .json_decimal_eq("/rows/1/cost_per_second", "0.28");
    run.check_eq(
        "two groups",
        2,
        run.json_at("/rows").as_array().map_or(0, Vec::len),
    );
}

#[test]
fn report_as_a_table_and_csv_has_a_totals_row() {
    let sandbox = seeded();
    let run = ok(&sandbox, "report --by project");
    run.check_eq(
        "the header",
        "project clips seconds credits refunded owed cost per credit per second per kept second",
        &cells(&run, "project"),
    )
    .check_eq(
        "the ad row",
        "ad 2 20 240 0 0 $5.76 $0.024 $0.29 $0.58",
        &cells(&run, "ad"),
    )
    .check_eq(
        "the totals row",
        "total 5 28 325 25 60 $8.00 - $0.29 $0.44",
        &cells(&run, "total"),
    );

    let csv = ok(&sandbox, "report --by project --csv");
    let lines: Vec<&str> = csv.stdout.lines().collect();
    csv.check_eq(
        "CSV header",
        "project,clips,seconds,credits,credits_refunded,credits_owed,cost,currency,unpriced,\
         cost_per_second,cost_per_kept_second,cost_per_credit",
        lines[0],
    );
    csv.check(
        lines[1].starts_with("ad,2,20,240,0,0,5.76,USD,0,0.288,0.576"),
        "the ad row",
    );
    // No TOTAL record: a pivot table over the CSV would count it twice.
    csv.stdout_lacks("TOTAL");
    csv.check(
        lines.last().is_some_and(|l| !l.starts_with("TOTAL")),
        "the rows alone",
    );
    let csv = ok(&sandbox, "report --by project --csv --total");
    csv.check(
        csv.stdout
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("TOTAL,5,28,325,25,60,8,USD,0,")),
        "--total: a TOTAL row last",
    );

    // With no --by, just the totals.
    let run = ok(&sandbox, "report");
    run.check_eq(
        "the totals row",
        "total 5 28 325 25 60 $8.00 - $0.29 $0.44",
        &cells(&run, "total"),
    );
}

#[test]
fn report_groups_by_platform_model_and_periods() {
    let sandbox = seeded();
    let usd = |s: &str| Some(d(s));
    assert_eq!(
        report_rows(&sandbox, "platform"),
        vec![
            (json!("openai"), "0".into(), usd("0.8")),
            (json!("runway"), "325".into(), usd("7.2")),
        ]
    );
    assert_eq!(
        report_rows(&sandbox, "model"),
        vec![
            (json!("gen-4"), "300".into(), usd("7.2")),
            (json!("gen-4-turbo"), "25".into(), usd("0")),
            (json!("sora-2"), "0".into(), usd("0.8")),
        ]
    );
    assert_eq!(
        report_rows(&sandbox, "day"),
        vec![
            (json!("2026-10-05"), "240".into(), usd("5.76")),
            (json!("2026-11-16"), "25".into(), usd("0")),
            (json!("2026-11-18"), "60".into(), usd("1.44")),
            (json!("2026-11-20"), "0".into(), usd("0.8")),
        ]
    );
    // ISO weeks: 5 October 2026 is the Monday of week 41, 16 November of week 47.
    assert_eq!(
        report_rows(&sandbox, "week"),
        vec![
            (json!("2026-W41"), "240".into(), usd("5.76")),
            (json!("2026-W47"), "85".into(), usd("2.24")),
        ]
    );
    assert_eq!(
        report_rows(&sandbox, "month"),
        vec![
            (json!("2026-10"), "240".into(), usd("5.76")),
            (json!("2026-11"), "85".into(), usd("2.24")),
        ]
    );
}

#[test]
fn report_by_tag_groups_untagged_entries_apart() {
    let sandbox = seeded();
    let usd = |s: &str| Some(d(s));
    assert_eq!(
        report_rows(&sandbox, "tag:client"),
        vec![
            (json!(null), "60".into(), usd("2.24")),
            (json!("acme"), "240".into(), usd("5.76")),
            (json!("bolt"), "25".into(), usd("0")),
        ]
    );
    let run = ok(&sandbox, "report --by tag:client");
    run.check_eq(
        "the untagged row",
        "(none) 2 8 60 0 60 $2.24 - $0.28 $0.28",
        &cells(&run, "(none)"),
    );
}

#[test]
fn report_by_two_keys_and_with_filters() {
    let sandbox = seeded();
    let run = ok(&sandbox, "--json report --by project --by month");
    let keys: Vec<(Value, Value)> = run
        .json_at("/rows")
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| (r["project"].clone(), r["month"].clone()))
        .collect();
    assert_eq!(
        keys,
        vec![
            (json!("ad"), json!("2026-10")),
            (json!("teaser"), json!("2026-11")),
        ]
    );
    run.json_eq("/by", json!(["project", "month"]));

    let run = ok(
        &sandbox,
        "--json report --by model --project teaser --since 7d --status ok",
    );
    run.json_eq("/rows/0/model", json!("sora-2"))
        .json_eq("/total/clips", json!(1))
        .check_eq(
            "one group",
            1,
            run.json_at("/rows").as_array().map_or(0, Vec::len),
        );
    ok(
        &sandbox,
        "--json report --tag client=acme --platform runway",
    )
    .json_eq("/total/credits", json!("240"));
}

#[test]
fn report_of_an_empty_log_and_a_bad_key() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "report --by project").stdout_has("no entries");
    ok(&sandbox, "--json report")
        .json_eq("/total/clips", json!(0))
        .json_eq("/total/cost_per_second", json!(null));
    rejected(&sandbox, "report --by year")
        .stderr_has("cannot group by `year`")
        .stderr_has("help:");
    rejected(&sandbox, "report --by tag:").stderr_has("tag:KEY");
}

#[test]
fn refunds_lists_what_each_platform_owes() {
    let sandbox = seeded();
    let run = ok(&sandbox, "refunds");
    run.check_eq(
        "the runway row",
        "runway 1 60 $1.44",
        &cells(&run, "runway"),
    )
    .stdout_has("credits refund ID");
    ok(&sandbox, "--json refunds").json_eq(
        "",
        json!([{"platform": "runway", "entries": 1, "credits_owed": "60", "money_owed": "1.44", "currency": "USD", "unpriced": 0}]),
    );
}

// ---- export and import ----

#[test]
fn export_writes_csv_or_json_to_stdout_or_a_file() {
    let sandbox = seeded();
    let csv = ok(&sandbox, "export");
    let lines: Vec<&str> = csv.stdout.lines().collect();
    csv.check_eq("header + 5 rows", 6, lines.len());
    csv.check(
        lines[1].starts_with("2026-10-05T10:00:00Z,runway,gen-4,10,"),
        "oldest first, `at` in RFC 3339",
    );
    csv.check(
        lines[3].contains(",teaser,client=bolt,,refunded,true,"),
        "project, tags, note, status and kept of #3",
    );

    let run = ok(&sandbox, "export --format json");
    let doc = run.json();
    assert_eq!(doc["format"], json!("credits"));
    let rows = doc["entries"].as_array().expect("a JSON array of entries");
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0]["at"], json!("2026-10-05T10:00:00Z"));
    assert_eq!(rows[0]["credits"], json!("120"));
    assert_eq!(rows[0]["tags"], json!({"client": "acme"}));
    assert_eq!(rows[1]["kept"], json!(false));
    assert_eq!(rows[4]["platform"], json!("openai"));

    // --output: nothing on stdout, the count on stderr, the same bytes in the file.
    let run = ok(&sandbox, "export --output out.csv");
    run.check_eq("stdout", "", run.stdout.as_str())
        .stderr_has("exported 5 entries to out.csv");
    let file = std::fs::read_to_string(sandbox.path().join("out.csv")).expect("the export");
    assert_eq!(file, csv.stdout);
    ok(&sandbox, "export --format json --project ad -o ad.json").stderr_has("exported 2 entries");
    let file = std::fs::read_to_string(sandbox.path().join("ad.json")).expect("the export");
    let doc: Value = serde_json::from_str(&file).expect("JSON");
    assert_eq!(doc["entries"].as_array().map(Vec::len), Some(2));
}

#[test]
fn export_to_a_folder_that_does_not_exist_is_an_error_and_writes_nothing() {
    let sandbox = seeded();
    rejected(&sandbox, "export --output missing/dir/x.csv").stderr_has("missing/dir");
    assert!(!sandbox.path().join("missing").exists());
}

/// The minimal CSV a user fills in by hand (docs/guide.md, "Import and export").
const SPREADSHEET: &str = "\
at,platform,model,duration,resolution,project,tags
2026-11-02,runway,gen-4,10,,spring-ad,client=acme
2026-11-02,makeclipai,kling-ai,5,,teaser,
";

#[test]
fn import_prices_a_hand_filled_csv_like_log() {
    let sandbox = Sandbox::with_db();
    sandbox.write("sheet.csv", SPREADSHEET);
    ok(&sandbox, "import sheet.csv")
        .stdout_has("sheet.csv: 2 rows, 2 added, 0 already in the log")
        .stderr_has("unknown money");
    let gen4 = entry(&sandbox, 1);
    assert_eq!(gen4["credits"], json!("120"), "{gen4:#}");
    assert_eq!(gen4["project"], json!("spring-ad"), "{gen4:#}");
    assert_eq!(gen4["tags"], json!({"client": "acme"}), "{gen4:#}");
    assert_eq!(gen4["at"], json!("2026-11-02T00:00:00+00:00"), "{gen4:#}");
    assert_eq!(cost(&sandbox, 1), Some(d("2.88")));
    assert_eq!(entry(&sandbox, 2)["credits"], json!("70"));
    assert_eq!(cost(&sandbox, 2), None, "unknown, never 0");

    ok(&sandbox, "--json import sheet.csv")
        .json_eq("/rows", json!(2))
        .json_eq("/added", json!(0))
        .json_eq("/already_present", json!(2));
}

#[test]
fn import_uses_the_account_plan() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "account set runway --plan Pro");
    sandbox.write("sheet.csv", SPREADSHEET);
    ok(&sandbox, "import sheet.csv");
    // 120 credits at $35 / 2,250, rounded once to the micro-dollar.
    assert_eq!(cost(&sandbox, 1), Some(d("1.866667")));
}

#[test]
fn a_bad_row_rejects_the_whole_file_naming_line_and_column() {
    let sandbox = seeded();
    let mut csv = String::from("platform,model,duration,project\n");
    for _ in 0..300 {
        csv.push_str("runway,gen-4,5,bulk\n");
    }
    // Line 302: the header, 300 good rows (several insert batches), then this one.
    csv.push_str("runway,gen-4,ten,bulk\n");
    sandbox.write("bulk.csv", &csv);
    rejected(&sandbox, "import bulk.csv")
        .stderr_has("bulk.csv: line 302, column 3 (duration)")
        .stderr_has("`ten`");

    sandbox.write("cols.csv", "platform,model,colour\nrunway,gen-4,red\n");
    rejected(&sandbox, "import cols.csv").stderr_has("unknown column `colour`");
    sandbox.write("nomodel.csv", "platform,duration\nrunway,5\n");
    rejected(&sandbox, "import nomodel.csv").stderr_has("`model` is required");
    sandbox.write("unknown.csv", "platform,model\nrunway,gen-4\nrunway,gen4\n");
    rejected(&sandbox, "import unknown.csv")
        .stderr_has("unknown.csv: line 3")
        .stderr_has("unknown model `gen4`");
    sandbox.write(
        "broken.json",
        "[{\"platform\": \"runway\", \"model\": \"gen-4\"},\n",
    );
    rejected(&sandbox, "import broken.json").stderr_has("broken.json");
    sandbox.write("object.json", "{\"platform\": \"runway\"}\n");
    rejected(&sandbox, "import object.json").stderr_has("object.json");
    rejected(&sandbox, "import no-such-file.csv").stderr_has("no-such-file.csv");
}

// ---- account ----

#[test]
fn account_set_and_list() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "account list").stdout_has("no accounts set");
    ok(&sandbox, "--json account list").json_eq("", json!([]));
    ok(&sandbox, "account set Runway --plan pro --billing annual")
        .stdout_has("runway: Pro (annual)");
    let run = ok(&sandbox, "account list");
    run.check_eq(
        "the runway row",
        "runway Pro annual 2026-11-21 tracked since 2026-11-21 21 list price",
        &cells(&run, "runway"),
    );
    // Setting again replaces.
    ok(&sandbox, "account set runway --plan Standard");
    ok(&sandbox, "--json account list")
        .json_eq("/0/plan", json!("standard"))
        .json_eq("/0/billing", json!("monthly"));
    rejected(&sandbox, "account set runway --plan Ultra")
        .stderr_has("unknown plan `Ultra`")
        .stderr_has("help:");
    rejected(&sandbox, "account set runwai --plan Pro").stderr_has("did you mean `runway`");
    rejected(&sandbox, "account set openai --plan Pro").stderr_has("bills in money");
}

#[test]
fn logging_after_account_set_prices_with_that_plan() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "account set runway --plan Pro --billing annual");
    // 60 credits at $336 a year for 2,250 credits a month: $28 / 2,250 each, taken from
    // the Pro grant of the balance (issue 4) that started when the plan was set.
    ok(&sandbox, "log runway gen-4 --duration 5")
        .stdout_has("60 credits, $0.75 (balance: Pro")
        .stderr_lacks("no account set");
    assert_eq!(
        cost(&sandbox, 1),
        Some(d("0.746667")),
        "money is stored rounded once, to the micro-dollar"
    );
    ok(&sandbox, "account set runway --plan Pro");
    ok(&sandbox, "log runway gen-4 --duration 5").stdout_has("$0.93 (balance: Pro");
    // The first entry keeps its snapshot.
    assert_eq!(cost(&sandbox, 1), Some(d("0.746667")));
}

// ---- a new user, start to finish (issue 3, "Done when") ----

#[test]
fn a_new_user_logs_two_projects_fails_and_refunds_one_and_reads_the_report() {
    // No --db, no CREDITS_DB: the log lands in the data dir, created on first use.
    let sandbox = Sandbox::new();
    assert!(!sandbox.default_db().exists());
    for line in [
        "account set runway --plan Standard",
        "log runway gen-4 --duration 10 --project spring-ad --tag client=acme",
        "log runway gen-4 --duration 10 --project spring-ad --tag client=acme --discarded",
        "log runway gen-4-turbo --duration 5 --project teaser",
        "log runway gen-4 --duration 5 --project teaser",
        "fail 3",
        "refund 3",
    ] {
        ok(&sandbox, line);
    }
    ok(&sandbox, "refund 3").stdout_has("nothing changed");
    assert!(sandbox.default_db().exists());

    let run = ok(&sandbox, "report --by project");
    run.check_eq(
        "spring-ad",
        "spring-ad 2 20 240 0 0 $5.76 $0.024 $0.29 $0.58",
        &cells(&run, "spring-ad"),
    )
    .check_eq(
        "teaser",
        "teaser 2 5 85 25 0 $1.44 $0.024 $0.29 $0.29",
        &cells(&run, "teaser"),
    )
    .check_eq(
        "total",
        "total 4 25 325 25 0 $7.20 $0.024 $0.29 $0.48",
        &cells(&run, "total"),
    );
    ok(&sandbox, "--json report --by tag:client")
        .json_eq("/rows/1/tag:client", json!("acme"))
        .json_decimal_eq("/rows/1/cost", "5.76");
}

// ---- regressions: bugs found while writing these tests, now fixed ----

#[test]
fn log_json_reports_the_cost_it_stored() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "account set runway --plan Pro --billing annual");
    let logged = ok(&sandbox, "--json log runway gen-4 --duration 5").json_at("/cost");
    assert_eq!(logged, entry(&sandbox, 1)["cost"]);
}

#[test]
fn a_plan_flag_is_not_described_as_the_account_plan() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "account set runway --plan Pro");
    // Priced with Standard ($0.024), as asked; but the account plan is Pro.
    ok(&sandbox, "log runway gen-4 --duration 5 --plan Standard")
        .stdout_has("$1.44")
        .stdout_lacks("account plan");
}

#[test]
fn a_rejected_log_creates_no_database() {
    let sandbox = Sandbox::with_db();
    rejected(&sandbox, "log runwai gen-4");
    assert!(!sandbox.db().exists());
}

#[test]
fn import_of_an_unknown_model_does_not_suggest_a_flag_import_lacks() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "log runway gen-4 --duration 5");
    sandbox.write("x.csv", "platform,model\nrunway,gen4\n");
    rejected(&sandbox, "import x.csv").stderr_lacks("--credits");
}

#[test]
fn refunds_of_a_money_billed_platform_show_the_money_owed() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        "log openai sora-2 --duration 8 --at 2026-09-01T10:00:00Z",
    );
    ok(&sandbox, "fail 1").stdout_lacks("0 credits are owed");
    ok(&sandbox, "refunds").stdout_has("$0.80");
}

#[test]
fn an_unreadable_log_does_not_stop_an_estimate() {
    // `estimate` needs no database (issue 2); the balance warning (issue 4) is an extra.
    let sandbox = Sandbox::with_db();
    sandbox.write("credits.db", "this is not a database\n");
    ok(&sandbox, "estimate runway gen-4 --duration 10")
        .stdout_has("cost per clip     $2.88")
        .stderr_has("balance not checked");
}

/// A money-billed platform uses no credits: the line says its money, not "0 credits",
/// which reads as free (found by a new-user trial).
#[test]
fn a_money_billed_log_does_not_say_zero_credits() {
    let sandbox = Sandbox::with_db();
    let run = sandbox.run(&["log", "fal", "ovi"]);
    run.success()
        .stdout_has("logged #1: fal ovi, $0.20 (money-billed)")
        .stdout_lacks("0 credits");
}
