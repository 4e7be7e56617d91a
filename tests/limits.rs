//! Limits that hold for sums (issue "Hardening", part 1): every amount the log stores is at
//! most 1,000,000,000,000 (credits, money, seconds), refused above with an error naming the
//! value and the limit, and the report's sums cannot overflow however many of the largest
//! entries are logged. Pricing files that validate never panic `pricing show` or
//! `estimate`; no SQLite CHECK text reaches the user; a number too long says so.
//!
//! Every refused command exits 1 (or 2 for clap's usage errors), never 101, and leaves the
//! database byte for byte as it was ([`DbState`]).

mod common;

use common::{ok, DbState, Run, Sandbox};
use serde_json::Value;

const LIMIT: &str = "1,000,000,000,000";

/// A refused command: exit 1, `error: …`, and the database exactly as it was.
#[track_caller]
fn refused(sandbox: &Sandbox, args: &[&str]) -> Run {
    let before = DbState::of(&sandbox.db());
    let run = sandbox.run(args);
    run.error();
    run.stderr_lacks("CHECK").stderr_lacks("SQL");
    before.assert_same(&sandbox.db(), &run);
    run
}

/// A sandbox whose database exists, with one small entry.
fn with_an_entry() -> Sandbox {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, &["log", "foo", "bar", "--credits", "5"]);
    sandbox
}

const CSV_HEADER: &str = "at,platform,model,duration,resolution,audio,refs,mode,chars,count,\
credits,cost,currency,pricing,project,tags,note,status,kept,dedup_key,refunded_at,upscale,\
price_source,priced_with_as_of,priced_with_sha256\n";

/// An import file of `rows` entries with these credits, cost (USD), duration and count.
fn csv(rows: usize, credits: &str, cost: &str, duration: &str, count: &str) -> String {
    let mut text = CSV_HEADER.to_string();
    for i in 0..rows {
        text.push_str(&format!(
            "2026-11-{:02}T10:00:00Z,runway,gen-4,{duration},,false,0,,,{count},{credits},{cost},USD,\
             by hand,big,,,ok,true,row-{i},,false,user,,\n",
            1 + i % 20
        ));
    }
    text
}

#[test]
fn credits_above_the_limit_are_refused_naming_value_and_limit() {
    let sandbox = with_an_entry();
    for args in [
        &["log", "foo", "bar", "--credits", "5000000000000000"][..],
        &["log", "foo", "bar", "--credits", "1000000000000.001"],
        &[
            "log",
            "runway",
            "gen-4",
            "--credits",
            "9223372036854775.807",
        ],
    ] {
        let value = args[4];
        refused(&sandbox, args)
            .stderr_has(&format!("credits {value} is above"))
            .stderr_has(LIMIT)
            .stderr_has("help:");
    }
    // The adversarial pair never gets in, so report and budget check keep working.
    ok(&sandbox, &["report"]).stdout_has("5");
    ok(&sandbox, &["budget", "check"]);
}

#[test]
fn an_import_row_above_the_limit_is_refused_and_nothing_is_imported() {
    let sandbox = with_an_entry();
    let file = sandbox.write("big.csv", &csv(2, "5000000000000000", "", "", "1"));
    refused(&sandbox, &["import", &file.display().to_string()])
        .stderr_has("5000000000000000")
        .stderr_has(LIMIT);
    let file = sandbox.write("dear.csv", &csv(2, "1", "5000000000000000", "", "1"));
    refused(&sandbox, &["import", &file.display().to_string()])
        .stderr_has("5000000000000000")
        .stderr_has(LIMIT);
}

#[test]
fn report_and_budget_check_work_after_many_of_the_largest_entries() {
    let sandbox = with_an_entry();
    // 40 entries of the largest credits, money and seconds × count: a plain SQL sum of any
    // of the three would overflow 64 bits after 9 of them.
    let file = sandbox.write(
        "largest.csv",
        &csv(
            40,
            "1000000000000",
            "1000000000000",
            "1000000000",
            "1000000",
        ),
    );
    ok(&sandbox, &["import", &file.display().to_string()]);
    let run = ok(&sandbox, &["--json", "report", "--project", "big"]);
    let total = run.json_at("/total");
    let field = |v: &Value, k: &str| common::decimal(&v[k]).map(|d| d.to_string());
    run.check_eq(
        "credits",
        Some("40000000000000".to_string()),
        field(&total, "credits"),
    );
    run.check_eq(
        "seconds",
        Some("40000000000000000".to_string()),
        field(&total, "seconds"),
    );
    ok(&sandbox, &["report", "--by", "project"]).stdout_has("40,000,000,000,000");
    ok(&sandbox, &["report", "--csv"]);
    // Over budget: exit 3, the budget's own code, not an error.
    ok(
        &sandbox,
        &[
            "budget",
            "set",
            "--platform",
            "runway",
            "--credits",
            "big",
            "1000",
        ],
    );
    sandbox.run(&["budget", "check"]).code(3);
    ok(&sandbox, &["history"]);
}

#[test]
fn the_largest_entry_is_accepted_and_one_above_it_is_not() {
    let sandbox = with_an_entry();
    ok(
        &sandbox,
        &["log", "foo", "bar", "--credits", "1000000000000"],
    );
    ok(
        &sandbox,
        &["log", "foo", "bar", "--credits", "1000000000000"],
    );
    refused(
        &sandbox,
        &["log", "foo", "bar", "--credits", "1000000000001"],
    )
    .stderr_has(LIMIT);
    ok(&sandbox, &["report"]).stdout_has("2,000,000,000,005");
}

#[test]
fn expires_in_zero_is_said_in_the_flags_words() {
    let sandbox = with_an_entry();
    let args = [
        "topup",
        "runway",
        "--credits",
        "100",
        "--price",
        "10",
        "--expires-in",
    ];
    let mut zero = args.to_vec();
    zero.push("0");
    refused(&sandbox, &zero)
        .stderr_has("--expires-in must be at least 1 day")
        .stderr_has("help:");
    let mut far = args.to_vec();
    far.push("4000000");
    refused(&sandbox, &far).stderr_has("9999");
    refused(
        &sandbox,
        &[
            "topup",
            "runway",
            "--credits",
            "5000000000000000",
            "--price",
            "10",
        ],
    )
    .stderr_has("credits 5000000000000000 is above")
    .stderr_has(LIMIT);
    refused(
        &sandbox,
        &[
            "topup",
            "runway",
            "--credits",
            "100",
            "--price",
            "5000000000000000",
        ],
    )
    .stderr_has("price 5000000000000000 is above")
    .stderr_has(LIMIT);
}

#[test]
fn a_number_too_long_says_it_is_too_large() {
    let sandbox = with_an_entry();
    let long = "12345678901234567890123456789012";
    let before = DbState::of(&sandbox.db());
    let run = sandbox.run(&["log", "foo", "bar", "--credits", long]);
    run.usage_error()
        .stderr_has("is too large")
        .stderr_lacks("not a decimal number");
    before.assert_same(&sandbox.db(), &run);
    // An import file says `is not a number of credits` for it: its messages are
    // `exchange`'s, outside this change.
}

const MAX_DECIMAL: &str = "79228162514264337593543950335";

#[test]
fn pricing_files_the_math_cannot_carry_are_refused_naming_file_item_and_field() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "huge.toml",
        &format!(
            r#"name = "Huge"
as_of = 2026-01-01
[[plan]]
name = "Pro"
price = 10
credits = 100
promotion = {{ first_period_bonus_percent = "{MAX_DECIMAL}" }}
[[pack]]
name = "Big"
price = 1
credits = "{MAX_DECIMAL}"
bonus = 5
[[model]]
name = "Tts"
kind = "audio"
per_input = {{ credits = 1, per = "0.0000000000000000000000000001", unit = "chars" }}
"#
        ),
    );
    let path = file.display().to_string();
    let run = sandbox.run(&["pricing", "validate", &path]);
    run.code(1)
        .stderr_has("huge.toml")
        .stderr_has("plan pro, field promotion.first_period_bonus_percent")
        .stderr_has("at most 10,000")
        .stderr_has("pack big, field credits")
        .stderr_has("model tts, field per_input.per")
        .stderr_has("at least 0.000001");
    // Installed, the file is refused when loaded: no panic, an error naming it.
    std::fs::create_dir_all(sandbox.user_pricing_dir()).unwrap();
    std::fs::copy(&file, sandbox.user_pricing_dir().join("huge.toml")).unwrap();
    sandbox.run(&["pricing", "show", "huge"]).code(1);
    sandbox
        .run(&["estimate", "huge", "tts", "--chars", "1000"])
        .code(1);
}

#[test]
fn a_file_at_every_limit_shows_and_estimates_without_a_panic() {
    let sandbox = Sandbox::with_db();
    std::fs::create_dir_all(sandbox.user_pricing_dir()).unwrap();
    std::fs::write(
        sandbox.user_pricing_dir().join("edge.toml"),
        r#"name = "Edge"
as_of = 2026-01-01
[[plan]]
name = "Pro"
price = 1000000000000000
credits = 1000000000000000
promotion = { first_period_bonus_percent = 10000 }
[[pack]]
name = "Big"
price = 1000000000000000
credits = 1000000000000000
bonus = 1000000000000000
[[model]]
name = "Tts"
kind = "audio"
per_input = { credits = 1000000000000000, per = "0.000001", unit = "chars" }
[[model]]
name = "Vid"
per_second = 1000000000000000
"#,
    )
    .unwrap();
    ok(&sandbox, &["pricing", "show", "edge"]);
    ok(&sandbox, &["estimate", "edge", "tts", "--chars", "1000"]);
    // Beyond what the math carries: an error naming the inputs, never a panic.
    sandbox
        .run(&["estimate", "edge", "tts", "--chars", "18446744073709551615"])
        .error()
        .stderr_has("too large");
    sandbox
        .run(&[
            "estimate",
            "edge",
            "vid",
            "--duration",
            "1000000000",
            "--count",
            "1000000",
        ])
        .error()
        .stderr_has("too large");
    // A pack priced above what the log holds is refused by value, not by SQLite.
    ok(&sandbox, &["log", "foo", "bar", "--credits", "1"]);
    refused(&sandbox, &["topup", "edge", "--pack", "big"])
        .stderr_has("1000000000000000 is above")
        .stderr_has(LIMIT);
}
