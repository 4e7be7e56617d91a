//! The pace of spending (issue 24, items 2 and 3): `balance`'s rates, run-out date and what
//! expires unused first, budgets' share used, projection and one warning, and `credits
//! status`. Every expected number is worked out by hand in the comments.
//!
//! The table (`testclips`, as in tests/balances.rs): Creator $20 for 2,000 credits a month,
//! no rollover (the period's credits expire at the renewal); a never-expiring pack of 1,000
//! credits for $8. The clock is 2026-11-21 12:00 UTC.

mod common;

use common::{ok, Sandbox};
use serde_json::{json, Value};

const TABLE: &str = r#"
name = "TestClips"
id = "testclips"
as_of = 2026-11-01
currency = "USD"

[[plan]]
name = "Creator"
price = 20
credits = 2000
rollover = false

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
    let s = Sandbox::new();
    s.write(".config/credits/pricing/testclips.toml", TABLE);
    s
}

fn spend(s: &Sandbox, day: &str, credits: &str, project: &str) {
    ok(
        s,
        &[
            "log",
            "testclips",
            "clip",
            "--duration",
            "10",
            "--credits",
            credits,
            "--at",
            &format!("2026-11-{day}T10:00:00Z"),
            "--project",
            project,
        ],
    );
}

/// Creator from Nov 1 (2,000 credits, expiring Dec 1 00:00), the 1,000 pack on Nov 2; 100
/// credits on Nov 3 and on each of Nov 8 … 14 (project `ad`): 800 spent, 700 of them in the
/// last 14 days (from Nov 7 12:00).
fn known_rate() -> Sandbox {
    let s = sandbox();
    ok(
        &s,
        &[
            "account",
            "set",
            "testclips",
            "--plan",
            "creator",
            "--since",
            "2026-11-01",
        ],
    );
    ok(
        &s,
        &[
            "topup",
            "testclips",
            "--pack",
            "forever-1000",
            "--at",
            "2026-11-02",
        ],
    );
    for day in ["03", "08", "09", "10", "11", "12", "13", "14"] {
        spend(&s, day, "100", "ad");
    }
    s
}

#[test]
fn a_known_rate_gives_the_run_out_date_and_what_resets_unused() {
    let s = known_rate();
    let run = ok(&s, &["balance", "testclips", "--json"]);
    let pace = "/platforms/0/pace";
    // 700 credits over 14 days: 50 a day.
    run.json_decimal_eq(&format!("{pace}/recent/spent"), "700")
        .json_decimal_eq(&format!("{pace}/recent/days"), "14")
        .json_decimal_eq(&format!("{pace}/recent/per_day"), "50")
        // The plan period from Nov 1 00:00: 800 over 20.5 days = 39.0243… a day.
        .json_decimal_eq(&format!("{pace}/period/spent"), "800")
        .json_decimal_eq(&format!("{pace}/period/days"), "20.5")
        .json_decimal_eq(&format!("{pace}/period/per_day"), "39.02")
        .json_eq(&format!("{pace}/period_kind"), json!("plan"))
        .json_eq(
            &format!("{pace}/period/from"),
            json!("2026-11-01T00:00:00+00:00"),
        )
        // Left: 1,200 plan credits (spent first, expiring Dec 1) and the 1,000 of the pack.
        // Until Dec 1 00:00 (9.5 days) the pace spends 475 plan credits: 725 reset unused.
        // Then the pack lasts 1,000 / 50 = 20 days: Dec 21 00:00.
        .json_eq(
            &format!("{pace}/runs_out"),
            json!("2026-12-21T00:00:00+00:00"),
        )
        .json_eq(
            &format!("{pace}/first_expiry/at"),
            json!("2026-12-01T00:00:00+00:00"),
        )
        .json_decimal_eq(&format!("{pace}/first_expiry/credits"), "1200")
        .json_decimal_eq(&format!("{pace}/first_expiry/unused"), "725")
        .json_eq(
            &format!("{pace}/first_expiry/source"),
            json!("subscription"),
        )
        .json_eq(&format!("{pace}/first_expiry/before"), json!("pack"));
    ok(&s, &["balance", "testclips"])
        .stdout_has("50 credits a day over the last 14 days, 39.02 this period (since 2026-11-01)")
        .stdout_has("runs out        2026-12-21 at this pace")
        .stdout_has(
            "725 plan credits reset unused on 2026-12-01 at this pace — spend these before \
             your top-up credits",
        );
}

#[test]
fn no_spending_never_runs_out_and_the_plan_credits_reset_whole() {
    let s = sandbox();
    ok(
        &s,
        &[
            "account",
            "set",
            "testclips",
            "--plan",
            "creator",
            "--since",
            "2026-11-01",
        ],
    );
    // Before the 14 days: the recent pace is 0.
    spend(&s, "03", "100", "ad");
    let run = ok(&s, &["balance", "testclips", "--json"]);
    run.json_decimal_eq("/platforms/0/pace/recent/per_day", "0")
        .json_eq("/platforms/0/pace/runs_out", Value::Null)
        // Nothing spent before Dec 1: all 1,900 left reset; nothing else to spend after.
        .json_decimal_eq("/platforms/0/pace/first_expiry/unused", "1900")
        .json_eq("/platforms/0/pace/first_expiry/before", Value::Null);
    ok(&s, &["balance", "testclips"])
        .stdout_has("runs out        not at this pace")
        .stdout_has("1,900 plan credits reset unused on 2026-12-01 at this pace\n");
    ok(&s, &["status"]).check_eq(
        "status",
        "testclips 1,900 cr\n".to_string(),
        ok(&s, &["status"]).stdout.clone(),
    );
}

#[test]
fn a_budget_at_76_percent_warns_once_at_75() {
    let s = known_rate();
    // `ad` used 800 of 1,050 this month: 76.19%. Projected at the month's end: 800 × 30 days
    // ÷ 20.5 days gone = 1,170.73.
    ok(
        &s,
        &[
            "budget",
            "set",
            "ad",
            "1050",
            "--credits",
            "--platform",
            "testclips",
            "--period",
            "month",
        ],
    );
    for (args, at) in [
        (&["balance", "--json"][..], "/budgets/0"),
        (&["budget", "list", "--json"][..], "/0"),
        (&["report", "--json"][..], "/budgets/0"),
    ] {
        ok(&s, args)
            .json_decimal_eq(&format!("{at}/percent_used"), "76.19")
            .json_decimal_eq(&format!("{at}/projected"), "1170.73")
            .json_eq(&format!("{at}/warning"), json!(75));
    }
    let run = ok(&s, &["budget", "list"]);
    run.stdout_has("past 75%")
        .stdout_lacks("past 50%")
        .stdout_lacks("past 90%");
    // Thresholds from the config file: 76.19% is past 70, not 80.
    s.write(".config/credits/config.toml", "budget_warn = [70, 80]\n");
    ok(&s, &["budget", "list", "--json"]).json_eq("/0/warning", json!(70));
    s.write(".config/credits/config.toml", "budget_warn = [80]\n");
    ok(&s, &["budget", "list", "--json"]).json_eq("/0/warning", Value::Null);
    ok(&s, &["budget", "list"]).stdout_lacks("past ");
    // A total budget has no month end to project to.
    ok(&s, &["budget", "set", "launch", "20", "--money"]);
    ok(&s, &["budget", "list", "--json"]).json_eq("/1/projected", Value::Null);
}

#[test]
fn status_is_one_short_line_and_its_json() {
    let s = known_rate();
    ok(
        &s,
        &[
            "budget",
            "set",
            "ad",
            "1050",
            "--credits",
            "--platform",
            "testclips",
            "--period",
            "month",
        ],
    );
    // A total budget is left out of the line by default.
    ok(&s, &["budget", "set", "launch", "20", "--money"]);
    // 2,200 credits, running out on Dec 21 00:00: 29 whole days from Nov 21 12:00.
    let run = ok(&s, &["status"]);
    run.check_eq(
        "line",
        "testclips 2,200 cr · 29 d left · ad 800/1,050 cr\n".to_string(),
        run.stdout.clone(),
    );
    ok(&s, &["status", "--json"])
        .json_eq(
            "/line",
            json!("testclips 2,200 cr · 29 d left · ad 800/1,050 cr"),
        )
        .json_eq("/as_of", json!("2026-11-21T12:00:00+00:00"))
        .json_eq("/platforms/0/platform", json!("testclips"))
        .json_decimal_eq("/platforms/0/available", "2200")
        .json_decimal_eq("/platforms/0/per_day", "50")
        .json_eq("/platforms/0/days_left", json!(29))
        .json_eq("/platforms/0/runs_out", json!("2026-12-21T00:00:00+00:00"))
        .json_eq("/budgets/0/project", json!("ad"))
        .json_decimal_eq("/budgets/0/used", "800")
        .json_decimal_eq("/budgets/0/amount", "1050")
        .json_eq("/budgets/0/warning", json!(75));
    let run = ok(&s, &["status", "--json"]);
    run.check(
        run.json()["budgets"].as_array().map(Vec::len) == Some(1),
        "one budget",
    );
    // The config file chooses and orders.
    s.write(
        ".config/credits/config.toml",
        "[status]\nbudgets = [\"launch\"]\nformat = \"{budgets} | {platforms}\"\n",
    );
    let run = ok(&s, &["status"]);
    run.check_eq(
        "configured line",
        "launch $0/$20 | testclips 2,200 cr · 29 d left\n".to_string(),
        run.stdout.clone(),
    );
    // Long names: whole parts are left out from the end until the line fits; none is cut.
    s.write(".config/credits/config.toml", "");
    let long = [
        "the-spring-campaign-for-the-client",
        "the-summer-campaign-for-the-client",
    ];
    for name in long {
        ok(
            &s,
            &["budget", "set", name, "100", "--money", "--period", "month"],
        );
    }
    let run = ok(&s, &["status"]);
    let line = run.stdout.trim_end_matches('\n');
    run.check(line.chars().count() < 80, "the line is under 80 characters")
        .check(!line.contains('\n'), "one line")
        .check(
            // With the first long budget it would be 92 characters: both are left out.
            line == "testclips 2,200 cr · 29 d left · ad 800/1,050 cr",
            "the budgets that do not fit are left out whole",
        );
    // The JSON keeps every budget.
    ok(&s, &["status", "--json"]).json_eq(
        "/budgets/2/project",
        json!("the-summer-campaign-for-the-client"),
    );
    // A status bar shows the JSON's line as it is: a name's escape sequence is escaped there
    // as on the terminal, and kept as data in the budget's own field.
    s.write(
        ".config/credits/config.toml",
        "[status]\nbudgets = [\"evil\\u001b[31mRED\"]\n",
    );
    ok(&s, &["budget", "set", "evil\u{1b}[31mRED", "5", "--money"]);
    let run = ok(&s, &["status", "--json"]);
    let line = run.json()["line"].as_str().unwrap_or_default().to_string();
    run.check(!line.contains('\u{1b}'), "no raw escape in the JSON's line")
        .check(
            line.contains("evil\\u{1b}[31mRED"),
            "the name shown escaped",
        )
        .json_eq("/budgets/0/project", json!("evil\u{1b}[31mRED"));
}

#[test]
fn status_with_no_log_is_an_empty_line() {
    let s = sandbox();
    let run = ok(&s, &["status"]);
    run.check_eq("line", "\n".to_string(), run.stdout.clone());
}

/// A `[status]` mistake is said, naming the config file: a platform the tables do not know,
/// or a format without placeholders, is an error; a budget the log does not have is a note
/// (the line stays).
#[test]
fn status_config_mistakes_name_the_file() {
    let s = known_rate();
    s.write(
        ".config/credits/config.toml",
        "[status]\nplatforms = [\"nosuch\"]\n",
    );
    s.run(&["status"])
        .error()
        .stderr_has("config.toml: [status] platforms")
        .stderr_has("unknown platform");
    s.write(
        ".config/credits/config.toml",
        "[status]\nbudgets = [\"nosuch\"]\n",
    );
    ok(&s, &["status"]).stderr_has("[status] budgets names `nosuch`, which has no budget");
    // A format without a placeholder would print itself every time (issue 24 trial), and a
    // misspelt one would be printed as typed: errors naming the file and the key, with the
    // placeholders in the help. Nothing on stdout.
    for (format, said) in [
        ("runway credits", "has no placeholder"),
        (
            "{platform} · {budgets}",
            "has `{platform}`, which is not a placeholder",
        ),
    ] {
        s.write(
            ".config/credits/config.toml",
            &format!("[status]\nformat = \"{format}\"\n"),
        );
        for args in [&["status"][..], &["status", "--json"]] {
            let run = s.run(args);
            run.error()
                .stderr_has(&format!("config.toml: [status] format = \"{format}\" {said}"))
                .stderr_has("help: the placeholders are {platforms} (each platform's balance and days left) and {budgets} (each budget's use)")
                .check_eq("stdout", String::new(), run.stdout.clone());
        }
    }
}
