//! Budgets warn where money is spent (issue "Terminal craft", part 4): `log` and `estimate`
//! say on stderr when an entry takes its project past 80% of a budget or leaves it over;
//! `log --strict-budget` (or `strict_budget = true` in the config file) refuses it, exit 3,
//! the database unchanged.
//!
//! Numbers: runway on Pro from 2026-11-01 ($35 for 2,250 credits, $0.01555… a credit);
//! a 10 s Gen-4 clip is 120 credits, $1.87 (120 × 35 ÷ 2,250 = 1.8666…, stored $1.866667).

mod common;

use common::{ok, DbState, Sandbox};

/// A log on runway Pro with a $5.00 money budget and a 300-credit budget for `launch`.
fn budgeted() -> Sandbox {
    let sandbox = Sandbox::with_db();
    common::account_set(&sandbox, "runway", "pro", "2026-11-01");
    ok(&sandbox, &["budget", "set", "launch", "5", "--money"]);
    ok(
        &sandbox,
        &[
            "budget",
            "set",
            "launch",
            "300",
            "--credits",
            "--platform",
            "runway",
        ],
    );
    sandbox
}

const CLIP: [&str; 6] = ["log", "runway", "gen-4", "--duration", "10", "--project"];

fn log_clip(sandbox: &Sandbox, extra: &[&str]) -> common::Run {
    let mut args = CLIP.to_vec();
    args.push("launch");
    args.extend_from_slice(extra);
    sandbox.run(&args)
}

#[test]
fn log_warns_past_its_shares_and_over_but_logs() {
    let sandbox = budgeted();
    // 1st: 120 credits (40%), $1.87 (37%): under 50%, the first share `budget_warn` (50, 75,
    // 90 by default) warns at: quiet.
    log_clip(&sandbox, &[]).success().stderr_lacks("budget");
    // 2nd: 240 credits = 80% of 300, past 50 and 75%; $3.73 (74.7%), past 50%: both said.
    log_clip(&sandbox, &[])
        .success()
        .stderr_has("warning: this entry takes launch's total budget to 80% of 300 runway credits: 240 runway credits used, 60 runway credits left")
        .stderr_has("of $5.00");
    // 3rd: 360 credits, over by 60; $5.60 over $5.00 by $0.60.
    log_clip(&sandbox, &[])
        .success()
        .stderr_has("warning: this entry takes launch's total budget over its 300 runway credits: 360 runway credits used (60 runway credits over)")
        .stderr_has("over its $5.00: $5.60 used ($0.60 over)");
    // A project with no budget, and an entry with no project, say nothing.
    sandbox
        .run(&[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "10",
            "--project",
            "other",
        ])
        .success()
        .stderr_lacks("budget");
}

#[test]
fn strict_budget_refuses_with_exit_3_and_writes_nothing() {
    let sandbox = budgeted();
    log_clip(&sandbox, &[]).success();
    log_clip(&sandbox, &[]).success();
    let before = DbState::of(&sandbox.db());
    // A third clip would take the credits budget to 360 of 300.
    let run = log_clip(&sandbox, &["--strict-budget"]);
    run.code(3)
        .stderr_has("error: not logged: this entry would take launch's total budget to 360 runway credits of 300 runway credits")
        .stderr_has("help: raise the budget");
    before.assert_same(&sandbox.db(), &run);
    // Under the budget, --strict-budget logs as usual.
    let small = sandbox.run(&[
        "log",
        "runway",
        "gen-4-turbo",
        "--duration",
        "5",
        "--project",
        "launch",
        "--strict-budget",
    ]);
    small.success().stdout_has("logged #3");
}

#[test]
fn strict_budget_in_the_config_file_refuses_too() {
    let sandbox = budgeted();
    sandbox.write(".config/credits/config.toml", "strict_budget = true\n");
    log_clip(&sandbox, &[]).success();
    log_clip(&sandbox, &[]).success();
    log_clip(&sandbox, &[]).code(3).stderr_has("not logged");
}

#[test]
fn a_monthly_budget_counts_this_month_only() {
    let sandbox = Sandbox::with_db();
    common::account_set(&sandbox, "runway", "pro", "2026-10-01");
    ok(
        &sandbox,
        &[
            "budget",
            "set",
            "launch",
            "200",
            "--credits",
            "--platform",
            "runway",
            "--period",
            "month",
        ],
    );
    // October's 240 credits are not this month's: no warning, and strict does not refuse.
    for day in ["2026-10-10", "2026-10-11"] {
        log_clip(&sandbox, &["--at", day, "--strict-budget"])
            .success()
            .stderr_lacks("budget");
    }
    // November: 120 of 200 is 60%, past the 50% share; a second takes it to 240: over.
    log_clip(&sandbox, &[])
        .success()
        .stderr_has("takes launch's 2026-11 monthly budget to 60% of 200 runway credits");
    log_clip(&sandbox, &[])
        .success()
        .stderr_has("takes launch's 2026-11 monthly budget over its 200 runway credits");
}

/// The shares `log` warns at are the config file's `budget_warn`, as `budget list` and
/// `status` use: with [90], 80% is quiet.
#[test]
fn log_warns_at_the_configured_shares() {
    let sandbox = budgeted();
    sandbox.write(".config/credits/config.toml", "budget_warn = [90]\n");
    log_clip(&sandbox, &[]).success().stderr_lacks("budget");
    log_clip(&sandbox, &[]).success().stderr_lacks("budget");
    // A share that is not a percent from 1 to 99 is an error naming the file.
    sandbox.write(".config/credits/config.toml", "budget_warn = [0, 150]\n");
    log_clip(&sandbox, &[])
        .error()
        .stderr_has("config.toml: budget_warn = 0")
        .stderr_has("help: for example budget_warn = [50, 75, 90]");
}

#[test]
fn estimate_warns_for_its_project_and_writes_nothing() {
    let sandbox = budgeted();
    log_clip(&sandbox, &[]).success();
    log_clip(&sandbox, &[]).success();
    let before = DbState::of(&sandbox.db());
    let run = sandbox.run(&[
        "estimate",
        "runway",
        "gen-4",
        "--duration",
        "10",
        "--project",
        "launch",
    ]);
    run.success()
        .stderr_has("warning: this entry would take launch's total budget over its 300 runway credits: 360 runway credits used")
        .stderr_has("over its $5.00");
    before.assert_same(&sandbox.db(), &run);
    // The project can come from CREDITS_PROJECT, as for `log`.
    let mut with_env = budgeted();
    with_env.env("CREDITS_PROJECT", "launch");
    ok(&with_env, &["log", "runway", "gen-4", "--duration", "10"]);
    ok(&with_env, &["log", "runway", "gen-4", "--duration", "10"]);
    with_env
        .run(&["estimate", "runway", "gen-4", "--duration", "10"])
        .success()
        .stderr_has("would take launch's total budget over");
}

#[test]
fn an_entry_with_unknown_money_is_said_not_silently_skipped() {
    // MakeClipAI's table gives no plan prices: a Pika Basic clip's money is unknown, so a
    // money budget cannot count it; `log` says so (and --strict-budget does not refuse what
    // it cannot know).
    let sandbox = Sandbox::with_db();
    ok(&sandbox, &["budget", "set", "ad", "5", "--money"]);
    sandbox
        .run(&[
            "log",
            "makeclipai",
            "pika-basic",
            "--project",
            "ad",
            "--strict-budget",
        ])
        .success()
        .stderr_has(
            "warning: this entry's money is unknown, so ad's total budget of $5.00 cannot count it",
        );
}

/// One budget per project, unit and platform: a monthly one set over a total one takes its
/// place, and says which it replaced (a trial found it replaced silently).
#[test]
fn a_budget_set_over_another_says_what_it_replaced() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, &["budget", "set", "launch", "8", "--money"]).stdout_lacks("replaces");
    ok(
        &sandbox,
        &[
            "budget", "set", "launch", "3.4", "--money", "--period", "month",
        ],
    )
    .stdout_has("budget for launch: $3.40 a month")
    .stdout_has("replaces $8.00 in total");
    // The same again replaces nothing worth saying.
    ok(
        &sandbox,
        &[
            "budget", "set", "launch", "3.4", "--money", "--period", "month",
        ],
    )
    .stdout_lacks("replaces");
}

/// Reaching a budget exactly (all of it used, nothing over) is said by `log` and shown as
/// `reached` by `budget list` (a trial found silence, and `past 90%`).
#[test]
fn reaching_a_budget_exactly_is_said() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "budget",
            "set",
            "p",
            "120",
            "--credits",
            "--platform",
            "runway",
        ],
    );
    let clip = [
        "log",
        "runway",
        "gen-4",
        "--duration",
        "5",
        "--project",
        "p",
    ];
    ok(&sandbox, &clip);
    ok(&sandbox, &clip).stderr_has("to 100% of 120 runway credits");
    ok(&sandbox, &["budget", "list"]).stdout_has("reached");
}
