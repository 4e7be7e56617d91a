//! What you really pay (issue "Terminal craft", part 6): `credits account set PLATFORM --plan
//! PLAN --price X [--credits N]` records the price a user pays and, where the table does not
//! say, the plan's credits; `estimate`, `log`, the balance and `report` price with them.
//!
//! MakeClipAI's table gives no plan prices or credits: Pro at $20 for 2,000 credits is
//! $0.01 a credit, so Pika Basic (40 credits) is $0.40. VideoDraft Pro's table gives 2,500
//! credits and no price: at $30 that is $0.012 a credit, and a 5 s Kling 2.1 clip (25
//! credits) is $0.30.

mod common;

use common::{ok, Sandbox};
use serde_json::json;

#[test]
fn makeclipai_pro_with_price_and_credits_gives_money_everywhere() {
    let sandbox = Sandbox::with_db();
    // Without terms, money is unknown.
    sandbox
        .run(&["--json", "estimate", "makeclipai", "pika-basic"])
        .success()
        .json_eq("/cost", serde_json::Value::Null);
    ok(
        &sandbox,
        &[
            "account",
            "set",
            "makeclipai",
            "--plan",
            "pro",
            "--price",
            "20",
            "--credits",
            "2000",
            "--since",
            "2026-11-01",
        ],
    )
    .stdout_has("2,000 credits a month")
    .stdout_has("you pay $20.00 a month (the table gives no price)");
    ok(
        &sandbox,
        &["--json", "estimate", "makeclipai", "pika-basic"],
    )
    .json_decimal_eq("/cost", "0.4")
    .json_decimal_eq("/price_per_credit", "0.01");
    ok(
        &sandbox,
        &["log", "makeclipai", "pika-basic", "--project", "ad"],
    )
    .stdout_has("40 credits, $0.40");
    ok(&sandbox, &["--json", "report", "--by", "project"]).json_decimal_eq("/rows/0/cost", "0.4");
    ok(&sandbox, &["account", "list"]).stdout_has("$20.00, 2,000 credits");
    ok(&sandbox, &["--json", "account", "list"])
        .json_decimal_eq("/0/price", "20")
        .json_decimal_eq("/0/credits", "2000");
    // The balance holds the 2,000 credits the user said, less the 40 spent.
    ok(&sandbox, &["--json", "balance", "makeclipai"])
        .json_decimal_eq("/platforms/0/available", "1960");
}

#[test]
fn videodraft_pro_with_a_price_uses_the_tables_credits() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "account",
            "set",
            "videodraft",
            "--plan",
            "pro",
            "--price",
            "30",
            "--since",
            "2026-11-01",
        ],
    )
    .stdout_has("2,500 credits a month");
    let estimate = sandbox.run(&["estimate", "videodraft", "kling-v2.1", "--duration", "5"]);
    estimate
        .success()
        .stdout_has("cost per clip     $0.30")
        .stdout_has("priced with what you pay for Pro: $30.00 a month");
    ok(
        &sandbox,
        &[
            "log",
            "videodraft",
            "kling-v2.1",
            "--duration",
            "5",
            "--project",
            "ad",
        ],
    )
    .stdout_has("25 credits, $0.30");
    ok(&sandbox, &["report", "--by", "project"]).stdout_has("$0.30");
}

#[test]
fn a_price_below_list_is_used_ahead_of_the_tables() {
    // Runway Standard lists $15 for 625 credits ($0.024); paying $12 makes it $0.0192 a
    // credit, so a 10 s Gen-4 clip (120 credits) is $2.304, shown $2.30.
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "account",
            "set",
            "runway",
            "--plan",
            "standard",
            "--price",
            "12",
            "--since",
            "2026-11-01",
        ],
    )
    .stdout_has("you pay $12.00 a month (list price $15.00)");
    ok(
        &sandbox,
        &["--json", "estimate", "runway", "gen-4", "--duration", "10"],
    )
    .json_decimal_eq("/cost", "2.304");
    ok(&sandbox, &["log", "runway", "gen-4", "--duration", "10"]).stdout_has("$2.30");
}

#[test]
fn the_price_you_pay_survives_an_export_and_import() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "account",
            "set",
            "makeclipai",
            "--plan",
            "pro",
            "--price",
            "20",
            "--credits",
            "2000",
            "--since",
            "2026-11-01",
        ],
    );
    ok(
        &sandbox,
        &["export", "--format", "json", "-o", "state.json"],
    );
    let mut fresh = Sandbox::with_db();
    let copy = fresh.path().join("state.json");
    std::fs::copy(sandbox.path().join("state.json"), &copy).unwrap();
    fresh.env("CREDITS_DB", &fresh.db().display().to_string());
    ok(&fresh, &["import", &copy.display().to_string()]);
    ok(&fresh, &["--json", "account", "list"])
        .json_eq("/0/plan", json!("pro"))
        .json_decimal_eq("/0/price", "20")
        .json_decimal_eq("/0/history/0/credits", "2000");
}

#[test]
fn bad_terms_are_refused() {
    let sandbox = Sandbox::with_db();
    for (flag, value) in [("--price", "-1"), ("--credits", "0"), ("--credits", "abc")] {
        let run = sandbox.run(&["account", "set", "makeclipai", "--plan", "pro", flag, value]);
        run.usage_error();
    }
    assert!(
        !sandbox.db().exists(),
        "a refused `account set` creates no database"
    );
}
