//! Balance assertions through the binary (issue 23, "Balance assertions"): `credits balance
//! PLATFORM --expect N [--at TIME]` exits 0 when the ledger matches what the platform shows
//! and 3 with the difference, its likely causes and the `adjust` that reconciles it; the check
//! is kept, shown by `balance` and `history`, and a later drift is measured from the last match.
//!
//! The table is written for these tests so every number is easy to check by hand: a pack of
//! 1,000 credits that never expire, and a Clip at 10 credits a second (5 or 10 s).

mod common;

use common::{Run, Sandbox};
use serde_json::json;

const TABLE: &str = r#"
name = "CheckClips"
id = "checkclips"
as_of = 2026-11-01
currency = "USD"

[[pack]]
name = "Forever 1000"
price = 8
credits = 1000
never_expires = true

[[model]]
name = "Clip"
per_second = 10
durations = [5, 10]
"#;

fn sandbox() -> Sandbox {
    let mut s = Sandbox::new();
    s.write(".config/credits/pricing/checkclips.toml", TABLE);
    s.env("CREDITS_NOW", "2026-11-20T12:00:00Z");
    // Wide enough that no row is wrapped.
    s.env("COLUMNS", "200");
    s
}

/// Runs `args` at `now` (the clock of that run).
fn at(s: &mut Sandbox, now: &str, args: &[&str]) -> Run {
    s.env("CREDITS_NOW", now);
    s.run(args)
}

/// 1,000 credits on 1 November, a 10 s Clip (100) on the 10th and a 5 s one (50) on the
/// 12th: the ledger says 850 from then on.
fn bought_and_spent(s: &Sandbox) {
    s.run(&[
        "topup",
        "checkclips",
        "--pack",
        "forever-1000",
        "--at",
        "2026-11-01",
    ])
    .success();
    for (duration, when) in [("10", "2026-11-10 10:00"), ("5", "2026-11-12 10:00")] {
        s.run(&[
            "log",
            "checkclips",
            "clip",
            "--duration",
            duration,
            "--at",
            when,
        ])
        .success();
    }
}

/// The row of a key-value block starting with `label`, its padding closed up.
fn row(run: &Run, label: &str) -> String {
    run.line(label)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The command line an output's `credits adjust …` line says, split as a shell would (its
/// only quoting is one double-quoted note).
fn adjust_args(run: &Run) -> Vec<String> {
    let line = run
        .stdout
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("credits adjust "))
        .unwrap_or_else(|| run.fail("a `credits adjust …` line", "none"))
        .to_string();
    let mut args = Vec::new();
    let mut rest = line.trim_start_matches("credits ");
    while !rest.is_empty() {
        rest = rest.trim_start();
        let (arg, after) = if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').expect("a closing quote");
            (&quoted[..end], &quoted[end + 1..])
        } else {
            let end = rest.find(' ').unwrap_or(rest.len());
            (&rest[..end], &rest[end..])
        };
        args.push(arg.to_string());
        rest = after;
    }
    args
}

#[test]
fn a_match_exits_0_and_is_shown_afterwards_by_balance_and_history() {
    let s = sandbox();
    bought_and_spent(&s);
    let run = s.run(&[
        "balance",
        "checkclips",
        "--expect",
        "850",
        "--at",
        "2026-11-15",
    ]);
    run.success();
    run.check_eq(
        "the platform's figure",
        "platform shows 850 credits".to_string(),
        row(&run, "platform shows"),
    )
    .check_eq(
        "the ledger's",
        "ledger 850 credits".to_string(),
        row(&run, "ledger"),
    )
    .stdout_has("matched")
    .stdout_lacks("credits adjust");

    let balance = s.run(&["balance", "checkclips"]);
    balance.success().check_eq(
        "the last check",
        "last checked matched on 2026-11-15 (850 credits)".to_string(),
        row(&balance, "last checked"),
    );
    s.run(&["history"])
        .success()
        .stdout_has("checkclips last checked: matched on 2026-11-15 (850 credits)");
    s.run(&["balance", "checkclips", "--json"])
        .success()
        .json_eq("/platforms/0/last_check/last/matched", json!(true))
        .json_decimal_eq("/platforms/0/last_check/last/expected", "850")
        .json_eq(
            "/platforms/0/last_check/last_match/at",
            json!("2026-11-15T23:59:59+00:00"),
        );
}

#[test]
fn a_difference_exits_3_with_its_cause_and_the_adjust_that_reconciles_it() {
    let mut s = sandbox();
    bought_and_spent(&s);
    at(
        &mut s,
        "2026-11-20T12:00:00Z",
        &["balance", "checkclips", "--expect", "850"],
    )
    .success();
    // After the match: a 10 s Clip (100) and a 5 s one (50) that failed, not yet refunded.
    // The ledger says 850 − 150 = 700; the platform refunded the failure and shows 750.
    s.env("CREDITS_NOW", "2026-11-25T12:00:00Z");
    for (duration, when) in [("10", "2026-11-22 10:00"), ("5", "2026-11-23 10:00")] {
        s.run(&[
            "log",
            "checkclips",
            "clip",
            "--duration",
            duration,
            "--at",
            when,
        ])
        .success();
    }
    s.run(&["fail", "4"]).success();
    let run = at(
        &mut s,
        "2026-11-25T12:00:00Z",
        &["balance", "checkclips", "--expect", "750"],
    );
    run.code(3)
        .check_eq(
            "the ledger",
            "ledger 700 credits".to_string(),
            row(&run, "ledger"),
        )
        .check_eq(
            "the difference",
            "difference 50 credits more on the platform than in the ledger".to_string(),
            row(&run, "difference"),
        )
        .check_eq(
            "the last match",
            "last match 2026-11-20 12:00 at 850 credits".to_string(),
            row(&run, "last match"),
        )
        // Since the match: the platform 850 → 750, the ledger 850 → 700.
        .check_eq(
            "the drift since the last match",
            "since then the platform −100, the ledger −150".to_string(),
            row(&run, "since then"),
        );
    // The failed entry is exactly the difference, so it is the first cause.
    let first = run
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("- "))
        .unwrap_or_default()
        .to_string();
    run.check(
        first.contains(
            "a refund not recorded: 1 entry (50 credits; id 4) failed since the last match \
             (2026-11-20) and not marked refunded (exactly the difference)",
        ),
        "the failed entry first, as exactly the difference",
    );
    let adjust = adjust_args(&run);
    run.check_eq(
        "the adjust command",
        vec![
            "adjust",
            "checkclips",
            "50",
            "--note",
            "balance check: checkclips showed 750 credits",
            "--at",
            "2026-11-25T12:00:00Z",
        ],
        adjust.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    at(
        &mut s,
        "2026-11-25T12:00:00Z",
        &["balance", "checkclips", "--expect", "750", "--json"],
    )
    .code(3)
    .json_decimal_eq("/difference", "50")
    .json_decimal_eq("/ledger", "700")
    .json_eq("/matched", json!(false))
    .json_eq("/failed_since/ids", json!([4]))
    .json_decimal_eq("/last_match/expected", "850");
    // The balance says the last check differed, and when it last matched.
    let balance = s.run(&["balance", "checkclips"]);
    balance.success().check_eq(
        "the last check",
        "last checked differed on 2026-11-25: 50 credits more on the platform than in the \
         ledger; last match on 2026-11-20"
            .to_string(),
        row(&balance, "last checked"),
    );

    // The platform did refund it: recorded, the same check matches.
    s.run(&["refund", "4", "--at", "2026-11-24 09:00"])
        .success();
    at(
        &mut s,
        "2026-11-25T12:00:00Z",
        &["balance", "checkclips", "--expect", "750"],
    )
    .success();

    // Then the platform shows 40 fewer than the ledger (nothing logged since): the suggested
    // adjust, run as printed, reconciles it, and the next check matches.
    let run = at(
        &mut s,
        "2026-11-28T12:00:00Z",
        &["balance", "checkclips", "--expect", "710"],
    );
    run.code(3).check_eq(
        "the difference",
        "difference 40 credits fewer on the platform than in the ledger".to_string(),
        row(&run, "difference"),
    );
    run.stdout_has("generations made since the last match (2026-11-25) but not logged: 40 credits");
    let adjust = adjust_args(&run);
    let args: Vec<&str> = adjust.iter().map(String::as_str).collect();
    run.check_eq("the amount taken", "-40", args[2]);
    s.run(&args).success();
    at(
        &mut s,
        "2026-11-28T12:00:00Z",
        &["balance", "checkclips", "--expect", "710"],
    )
    .success();
    let balance = s.run(&["balance", "checkclips"]);
    balance.success().check_eq(
        "the last check",
        "last checked matched on 2026-11-28 (710 credits)".to_string(),
        row(&balance, "last checked"),
    );
}

#[test]
fn unlogged_credits_are_said_in_clips_as_many_as_they_are() {
    // A trial of issue 23: 105 credits of 60-credit clips were "about 1" clip. Here a third
    // 10 s Clip makes it the most-logged (100 credits each): the ledger says 750, and 175
    // credits fewer on the platform are 1.75 of those clips, exactly.
    let mut s = sandbox();
    bought_and_spent(&s);
    s.run(&[
        "log",
        "checkclips",
        "clip",
        "--duration",
        "10",
        "--at",
        "2026-11-13 10:00",
    ])
    .success();
    let run = at(
        &mut s,
        "2026-11-20T12:00:00Z",
        &["balance", "checkclips", "--expect", "575"],
    );
    run.code(3)
        .stdout_has(
            "not logged: 175 credits of them, that is 1.75 Clip 10 s clips (100 credits each, \
             your most-logged model here)",
        )
        .stdout_lacks("about 1 ");
    // 250 fewer: 2.5 clips, not 2.
    at(
        &mut s,
        "2026-11-20T12:00:00Z",
        &["balance", "checkclips", "--expect", "500"],
    )
    .code(3)
    .stdout_has("250 credits of them, that is 2.5 Clip 10 s clips (");
}

#[test]
fn a_check_with_no_balance_or_a_bad_time_is_an_error_and_records_nothing() {
    let mut s = sandbox();
    // No top-up yet: nothing to check, and the help says what to record.
    s.run(&["balance", "checkclips", "--expect", "10"])
        .error()
        .stderr_has("no plan, top-up or adjustment recorded for checkclips")
        // Its table has no plans: a top-up starts its balance, not `account set`.
        .stderr_has("help: checkclips has no plans: `credits topup checkclips --pack PACK`");
    bought_and_spent(&s);
    // A platform shows nothing in the future, and nothing before the account started.
    at(
        &mut s,
        "2026-11-20T12:00:00Z",
        &[
            "balance",
            "checkclips",
            "--expect",
            "850",
            "--at",
            "2026-11-21",
        ],
    )
    .error()
    .stderr_has("is in the future");
    s.run(&[
        "balance",
        "checkclips",
        "--expect",
        "850",
        "--at",
        "2026-10-01",
    ])
    .error();
    // Not a usage clap accepts: no platform, --at without --expect, with --as-of, negative.
    s.run(&["balance", "--expect", "850"]).usage_error();
    s.run(&["balance", "checkclips", "--at", "2026-11-15"])
        .usage_error();
    s.run(&[
        "balance",
        "checkclips",
        "--expect",
        "850",
        "--as-of",
        "2026-11-15",
    ])
    .usage_error();
    s.run(&["balance", "checkclips", "--expect", "-5"])
        .usage_error();
    // None of them was kept.
    s.run(&["balance", "checkclips"])
        .success()
        .stdout_lacks("last checked");
    // Today's date is now: the check is at 12:00, not at the end of the day.
    s.run(&[
        "balance",
        "checkclips",
        "--expect",
        "850",
        "--at",
        "2026-11-20",
    ])
    .success()
    .stdout_has("checkclips · checked at 2026-11-20 12:00");
}

#[test]
fn checks_travel_with_a_json_export_and_a_copy_once() {
    let s = sandbox();
    bought_and_spent(&s);
    s.run(&[
        "balance",
        "checkclips",
        "--expect",
        "850",
        "--at",
        "2026-11-15",
    ])
    .success();
    s.run(&["balance", "checkclips", "--expect", "800"]).code(3);
    s.run(&["export", "--format", "json", "-o", "all.json"])
        .success();
    let exported = std::fs::read_to_string(s.path().join("all.json")).expect("the export");
    let doc: serde_json::Value = serde_json::from_str(&exported).expect("JSON");
    let checks = doc["balance_checks"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(checks.len(), 2, "{exported}");
    assert_eq!(checks[1]["expected"], json!("800"));
    assert_eq!(checks[1]["ledger"], json!("850"));

    // Into another log: the last check and the last match come along, once.
    let mut other = sandbox();
    other.write("all.json", &exported);
    other.env(
        "CREDITS_DB",
        &other.path().join("other.db").display().to_string(),
    );
    for _ in 0..2 {
        other.run(&["import", "all.json"]).success();
    }
    let balance = other.run(&["balance", "checkclips"]);
    balance.success().check_eq(
        "the last check, imported",
        "last checked differed on 2026-11-20: 50 credits fewer on the platform than in the \
         ledger; last match on 2026-11-15"
            .to_string(),
        row(&balance, "last checked"),
    );
    let again = other.run(&["export", "--format", "json"]);
    again.success();
    let doc: serde_json::Value = serde_json::from_str(&again.stdout).expect("JSON");
    assert_eq!(
        doc["balance_checks"].as_array().map(Vec::len),
        Some(2),
        "imported twice, kept once"
    );

    // `db copy` (an export and an import) keeps them too.
    let copy = other.path().join("copy.db").display().to_string();
    let from = other.path().join("other.db").display().to_string();
    other
        .run(&["db", "copy", "--from", &from, "--to", &copy])
        .success();
    let copied = other.run(&["balance", "checkclips", "--db", &copy]);
    copied.success().check_eq(
        "the last check, copied",
        row(&balance, "last checked"),
        row(&copied, "last checked"),
    );

    // A log never checked exports no such section (older versions read it as before).
    let never = sandbox();
    bought_and_spent(&never);
    let run = never.run(&["export", "--format", "json"]);
    run.success().stdout_lacks("balance_checks");
}
