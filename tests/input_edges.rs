//! Values that were accepted and should not be (issue "Hardening", part 5): dates before 1970
//! or after 2100, unpadded dates, a refund before its entry, negative spans and ids. Each is an
//! `error:` with a `help:` (or clap's usage error naming the value), and the log is unchanged.

mod common;

use common::{ok, DbState, Run, Sandbox};

/// No raw control character in the run's output.
#[track_caller]
fn no_raw_controls(run: &Run) {
    let raw = |t: &str| t.chars().any(|c| c.is_control() && c != '\n' && c != '\t');
    run.check(
        !raw(&run.stdout) && !raw(&run.stderr),
        "no raw control character",
    );
}

fn logged() -> Sandbox {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "5",
            "--at",
            "2026-11-10 10:00",
        ],
    );
    sandbox
}

/// `args` fails with `error:`, a `help:` and `needle`, and leaves the log as it was.
#[track_caller]
fn refused(sandbox: &Sandbox, args: &[&str], needle: &str) -> Run {
    let before = DbState::of(&sandbox.db());
    let run = sandbox.run(args);
    run.error().stderr_has(needle).stderr_has("help: ");
    no_raw_controls(&run);
    before.assert_same(&sandbox.db(), &run);
    run
}

#[test]
fn dates_before_1970_or_after_2100_are_refused_with_the_limit() {
    let sandbox = logged();
    for (args, limit) in [
        (
            &[
                "log",
                "runway",
                "gen-4",
                "--duration",
                "5",
                "--at",
                "0000-01-01",
            ][..],
            "before 1970-01-01",
        ),
        (
            &[
                "log",
                "runway",
                "gen-4",
                "--duration",
                "5",
                "--at",
                "1969-12-31 23:00",
            ][..],
            "before 1970-01-01",
        ),
        (
            &[
                "log",
                "runway",
                "gen-4",
                "--duration",
                "5",
                "--at",
                "2101-01-01",
                "--force",
            ][..],
            "after 2100-12-31",
        ),
        (
            &["balance", "--as-of", "0000-01-01"][..],
            "before 1970-01-01",
        ),
        (
            &["history", "--since", "1900-01-01"][..],
            "before 1970-01-01",
        ),
        (
            &["history", "--until", "2200-01-01"][..],
            "after 2100-12-31",
        ),
        (&["report", "--since", "36500d"][..], "before 1970-01-01"),
        (
            &[
                "topup",
                "runway",
                "--credits",
                "100",
                "--price",
                "10",
                "--at",
                "0001-01-01",
            ][..],
            "before 1970-01-01",
        ),
    ] {
        let run = refused(&sandbox, args, limit);
        run.stderr_has("`");
    }
    ok(&sandbox, &["balance", "--as-of", "1970-01-01"]);
}

#[test]
fn an_unpadded_date_is_not_a_date() {
    let sandbox = logged();
    refused(
        &sandbox,
        &[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "5",
            "--at",
            "2026-11-2",
        ],
        "`2026-11-2` is not a date or time",
    );
    refused(
        &sandbox,
        &["history", "--since", "2026-1-02"],
        "`2026-1-02`",
    );
}

#[test]
fn import_refuses_out_of_range_and_unpadded_dates_naming_the_value() {
    for (at, needle) in [
        ("0000-01-01", "before 1970-01-01"),
        ("2026-11-2", "`2026-11-2` is not a time"),
        ("2999-01-01", "after 2100-12-31"),
    ] {
        let sandbox = Sandbox::with_db();
        let file = sandbox.write(
            "in.csv",
            &format!("at,platform,model,duration,credits\n{at},runway,gen-4,5,60\n"),
        );
        let before = DbState::of(&sandbox.db());
        let run = sandbox.run(&["import", file.to_str().unwrap()]);
        run.error().stderr_has(needle);
        before.assert_same(&sandbox.db(), &run);
    }
}

#[test]
fn a_refund_before_its_entry_is_an_error() {
    let sandbox = logged();
    refused(
        &sandbox,
        &["refund", "1", "--at", "2026-11-01"],
        "would come before #1 ran",
    );
    refused(
        &sandbox,
        &["edit", "1", "--status", "refunded", "--at", "2026-11-09"],
        "would come before #1 ran",
    );
    ok(&sandbox, &["refund", "1", "--at", "2026-11-11", "--force"]);
}

#[test]
fn negative_spans_and_ids_get_a_clear_message() {
    let sandbox = logged();
    let run = refused(
        &sandbox,
        &["history", "--since", "-3d"],
        "a span has no sign",
    );
    run.stderr_has("3d");
    refused(
        &sandbox,
        &["log", "runway", "gen-4", "--duration", "5", "--at", "-3d"],
        "write `3d`",
    );
    for args in [
        &["rm", "-1"][..],
        &["refund", "-2"][..],
        &["fail", "0"][..],
        &["edit", "-1", "--kept"][..],
    ] {
        let before = DbState::of(&sandbox.db());
        let run = sandbox.run(args);
        run.usage_error().stderr_has("is not an entry id");
        run.stderr_lacks("unexpected argument");
        before.assert_same(&sandbox.db(), &run);
    }
    // A top-up's or an adjustment's id is named as such, with the command listing them
    // (issue 22, trial F: both once pointed at `credits history`).
    for (args, what, list) in [
        (
            &["topup", "rm", "abc"][..],
            "is not a top-up id",
            "`credits topup list`",
        ),
        (
            &["topup", "rm", "0"],
            "is not a top-up id",
            "`credits topup list`",
        ),
        (
            &["adjust", "rm", "abc"],
            "is not an adjustment id",
            "`credits adjust list`",
        ),
        (
            &["adjust", "rm", "-1"],
            "is not an adjustment id",
            "`credits adjust list`",
        ),
    ] {
        let before = DbState::of(&sandbox.db());
        let run = sandbox.run(args);
        run.usage_error()
            .stderr_has(what)
            .stderr_has(list)
            .stderr_lacks("credits history");
        before.assert_same(&sandbox.db(), &run);
    }
}

#[test]
fn a_currency_is_refused_where_it_would_be_dropped_or_is_not_a_code() {
    let sandbox = Sandbox::with_db();
    for args in [
        &[
            "budget",
            "set",
            "p",
            "100",
            "--credits",
            "--platform",
            "runway",
            "--currency",
            "EUR",
        ][..],
        &[
            "budget",
            "set",
            "p",
            "100",
            "--money",
            "--currency",
            "E\u{1b}R",
        ][..],
        &[
            "calc",
            "--plan-price",
            "10",
            "--plan-credits",
            "100",
            "--clip-credits",
            "5",
            "--currency",
            "US\u{7}D",
        ][..],
    ] {
        let before = DbState::of(&sandbox.db());
        let run = sandbox.run(args);
        run.usage_error();
        no_raw_controls(&run);
        before.assert_same(&sandbox.db(), &run);
    }
    ok(
        &sandbox,
        &["budget", "set", "p", "100", "--money", "--currency", "EUR"],
    );
}

#[test]
fn a_json_file_with_a_byte_order_mark_imports() {
    let sandbox = logged();
    let export = ok(&sandbox, &["export", "--format", "json"]);
    let fresh = Sandbox::with_db();
    let file = fresh.write("bom.json", &format!("\u{feff}{}", export.stdout));
    ok(&fresh, &["import", file.to_str().unwrap()]).stdout_has("1 added");
}
