//! Balances through the binary (issue 4, "Done when"): month-by-month scenarios on fixed
//! dates (`CREDITS_NOW`, `--at`, `--as-of`), each asserting exact balances.
//!
//! Most scenarios use `testclips`, a table written for these tests so every number is
//! easy to check by hand: Creator $20 for 2,000 credits a month ($0.01 each), no
//! rollover; Studio $100 for 30,000 with a first-month +50% bonus capped at 5,000; Free 50
//! credits a day; a never-expiring pack (1,000 for $8) and a two-year one (500 for $5).

mod common;

use common::{ok, Run, Sandbox};
use serde_json::Value;

const TABLE: &str = r#"
name = "TestClips"
id = "testclips"
as_of = 2026-11-01
currency = "USD"

[[plan]]
name = "Free"
price = 0
credits = 50
grant = "daily"
rollover = false

[[plan]]
name = "Creator"
price = 20
annual_price = 192
credits = 2000
rollover = false

[[plan]]
name = "Studio"
price = 100
credits = 30000
rollover = false
promotion = { first_period_bonus_percent = 50, bonus_cap = 5000 }

[[pack]]
name = "Forever 1000"
price = 8
credits = 1000
never_expires = true

[[pack]]
name = "Two year 500"
price = 5
credits = 500
expires_after_days = 730

[[model]]
name = "Clip"
per_second = 10
durations = [5, 10]

[[model]]
name = "Still"
kind = "image"
credits = 5
"#;

fn sandbox(now: &str) -> Sandbox {
    let mut s = Sandbox::new();
    s.write(".config/credits/pricing/testclips.toml", TABLE);
    s.env("CREDITS_NOW", now);
    s
}

/// `balance testclips --as-of DATE --json`, checked to succeed.
fn balance(s: &Sandbox, as_of: &str) -> Run {
    let run = s.run(&["balance", "testclips", "--as-of", as_of, "--json"]);
    run.success();
    run
}

/// Logs `credits` credits of a Clip at `at`; returns the run.
fn spend(s: &Sandbox, at: &str, credits: &str) -> Run {
    let run = s.run(&[
        "log",
        "testclips",
        "clip",
        "--duration",
        "10",
        "--credits",
        credits,
        "--at",
        at,
        // The scenarios log ahead of their clock.
        "--force",
        "--project",
        "ad",
    ]);
    run.success();
    run
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer).and_then(Value::as_str).unwrap_or("")
}

#[test]
fn a_no_rollover_plan_resets_every_month() {
    let s = sandbox("2026-11-01T09:00:00Z");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "2026-11-01",
    ])
    .success()
    .stdout_has("testclips: Creator (monthly) from 2026-11-01, renews on day 1")
    .stdout_has("2,000 credits a month; unused credits expire at each renewal");
    spend(&s, "2026-11-10T10:00:00Z", "1500");

    balance(&s, "2026-11-30")
        .json_decimal_eq("/platforms/0/available", "500")
        .json_decimal_eq("/platforms/0/by_source/subscription", "500")
        .json_eq(
            "/platforms/0/next_expiry/at",
            "2026-12-01T00:00:00+00:00".into(),
        )
        .json_decimal_eq("/platforms/0/next_expiry/credits", "500");
    // 1 December: the 500 left expire, 2,000 new arrive.
    balance(&s, "2026-12-01")
        .json_decimal_eq("/platforms/0/available", "2000")
        .json_decimal_eq("/platforms/0/expired", "500");
    spend(&s, "2026-12-05T10:00:00Z", "300");
    balance(&s, "2026-12-31")
        .json_decimal_eq("/platforms/0/available", "1700")
        .json_eq(
            "/platforms/0/next_renewal/at",
            "2027-01-01T00:00:00+00:00".into(),
        );
    balance(&s, "2027-01-01")
        .json_decimal_eq("/platforms/0/available", "2000")
        .json_decimal_eq("/platforms/0/granted", "6000")
        .json_decimal_eq("/platforms/0/spent", "1800")
        .json_decimal_eq("/platforms/0/expired", "2200");
    // The text says the same.
    s.run(&["balance", "testclips", "--as-of", "2027-01-01"])
        .success()
        .stdout_has("testclips · as of the end of 2027-01-01")
        .stdout_has("available       2,000 credits")
        .stdout_has("next expiry     2,000 credits on 2027-02-01")
        .stdout_has("next renewal    2027-02-01: +2,000 credits (Creator)")
        .stdout_has("6,000 granted − 1,800 spent + 0 refunded − 2,200 expired = 2,000");
}

#[test]
fn a_never_expiring_pack_next_to_one_that_expires_after_two_years() {
    let s = sandbox("2026-11-01T00:00:00Z");
    s.run(&["topup", "testclips", "--pack", "forever-1000"])
        .success()
        .stdout_has("+1,000 credits (Forever 1000) for $8.00, $0.008 per credit; never expire");
    s.run(&["topup", "testclips", "--pack", "Two year 500"])
        .success()
        .stdout_has("+500 credits (Two year 500) for $5.00, $0.01 per credit; expire 2028-10-31")
        .stdout_has("testclips balance: 1,500 credits");
    // Spent from the pack that expires, though both were bought together.
    spend(&s, "2026-12-01T10:00:00Z", "200");
    let run = balance(&s, "2026-12-02");
    run.json_decimal_eq("/platforms/0/available", "1300")
        .json_decimal_eq("/platforms/0/by_source/pack", "1300");
    let v = run.json();
    let left: Vec<(&str, &str)> = v["platforms"][0]["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["label"].as_str().unwrap(),
                g["remaining"].as_str().unwrap(),
            )
        })
        .collect();
    run.check_eq(
        "grants left",
        vec![
            ("Forever 1000 (top-up #1)", "1000"),
            ("Two year 500 (top-up #2)", "300"),
        ],
        left,
    );
    // Month after month, nothing moves until the two years are up.
    for as_of in ["2027-01-01", "2027-06-01", "2028-01-01", "2028-10-30"] {
        balance(&s, as_of).json_decimal_eq("/platforms/0/available", "1300");
    }
    balance(&s, "2028-10-30")
        .json_eq(
            "/platforms/0/next_expiry/at",
            "2028-10-31T00:00:00+00:00".into(),
        )
        .json_decimal_eq("/platforms/0/next_expiry/credits", "300");
    balance(&s, "2028-10-31")
        .json_decimal_eq("/platforms/0/available", "1000")
        .json_decimal_eq("/platforms/0/expired", "300")
        .json_eq("/platforms/0/next_expiry", Value::Null);
    balance(&s, "2036-11-01").json_decimal_eq("/platforms/0/available", "1000");
}

#[test]
fn a_first_month_50_percent_bonus_is_capped_at_5000() {
    let s = sandbox("2026-11-01T09:00:00Z");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "studio",
        "--subscribed",
        "2026-11-01",
    ])
    .success()
    .stdout_has("from 2026-11-01, renews on day 1")
    .stdout_has("subscribed 2026-11-01: first period (promotion): +5,000 bonus credits");
    balance(&s, "2026-11-01")
        .json_decimal_eq("/platforms/0/available", "35000")
        .json_decimal_eq("/platforms/0/by_source/subscription", "30000")
        .json_decimal_eq("/platforms/0/by_source/bonus", "5000");
    // $100 buys 35,000 credits in November: 7,000 of them cost $20.00.
    spend(&s, "2026-11-05T10:00:00Z", "7000").stdout_has("7,000 credits, $20.00 (balance:");
    balance(&s, "2026-11-30").json_decimal_eq("/platforms/0/available", "28000");
    // December: 30,000, no bonus; 7,000 now cost $23.33.
    balance(&s, "2026-12-01")
        .json_decimal_eq("/platforms/0/available", "30000")
        .json_decimal_eq("/platforms/0/by_source/bonus", "0")
        .json_decimal_eq("/platforms/0/expired", "28000");
    spend(&s, "2026-12-05T10:00:00Z", "7000").stdout_has("7,000 credits, $23.33");
}

#[test]
fn a_daily_grant_arrives_each_midnight_and_expires_the_next() {
    let s = sandbox("2026-11-20T09:00:00Z");
    s.run(&["account", "set", "testclips", "--plan", "free"])
        .success()
        .stdout_has("from 2026-11-20, renews daily")
        .stdout_has("50 credits a day")
        .stdout_has("free: its credits cost 0 in your balance");
    balance(&s, "2026-11-20T23:00:00Z").json_decimal_eq("/platforms/0/available", "50");
    spend(&s, "2026-11-22T10:00:00Z", "30").stdout_has("30 credits, $0.00");
    balance(&s, "2026-11-22T12:00:00Z")
        .json_decimal_eq("/platforms/0/available", "20")
        .json_decimal_eq("/platforms/0/granted", "150")
        .json_decimal_eq("/platforms/0/expired", "100")
        .json_eq(
            "/platforms/0/next_renewal/at",
            "2026-11-23T00:00:00+00:00".into(),
        );
    balance(&s, "2026-11-23T00:00:00Z")
        .json_decimal_eq("/platforms/0/available", "50")
        .json_decimal_eq("/platforms/0/expired", "120");
}

#[test]
fn plan_credits_are_spent_before_a_pack_and_each_credit_keeps_its_price() {
    let s = sandbox("2026-11-01T09:00:00Z");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "2026-11-01",
    ])
    .success();
    s.run(&["topup", "testclips", "--pack", "forever-1000"])
        .success();
    // The plan's credits expire first ($0.01 each), the pack's never ($0.008 each).
    spend(&s, "2026-11-02T10:00:00Z", "1000")
        .stdout_has("1,000 credits, $10.00 (balance: Creator, period from 2026-11-01)");
    spend(&s, "2026-11-03T10:00:00Z", "1500").stdout_has(
        "1,500 credits, $14.00 (balance: 1,000 from Creator, period from 2026-11-01 + 500 \
         from Forever 1000 (top-up #1))",
    );
    spend(&s, "2026-11-04T10:00:00Z", "400")
        .stdout_has("400 credits, $3.20 (balance: Forever 1000 (top-up #1))");
    balance(&s, "2026-11-05")
        .json_decimal_eq("/platforms/0/available", "100")
        .json_decimal_eq("/platforms/0/by_source/subscription", "0")
        .json_decimal_eq("/platforms/0/by_source/pack", "100");
    // A pack bought at a better rate lowers the project's cost: 2,900 credits for $27.20.
    s.run(&["report", "--by", "platform", "--json"])
        .success()
        .json_decimal_eq("/rows/0/cost", "27.2")
        .json_decimal_eq("/rows/0/credits", "2900");
    s.run(&["report", "--by", "platform", "--by", "month"])
        .success()
        .stdout_has("per credit")
        .stdout_has("$27.20  $0.0094");
}

#[test]
fn a_refund_returns_credits_to_their_grant_even_one_that_has_expired() {
    let s = sandbox("2026-11-01T09:00:00Z");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "2026-11-01",
    ])
    .success();
    s.run(&["topup", "testclips", "--pack", "forever-1000"])
        .success();
    // 2,500: 2,000 from November's credits, 500 from the pack. It failed, and came back.
    spend(&s, "2026-11-20T10:00:00Z", "2500");
    s.run(&["fail", "1"]).success();
    balance(&s, "2026-11-24").json_decimal_eq("/platforms/0/available", "500");
    s.run(&["refund", "1", "--at", "2026-11-25T10:00:00Z", "--force"])
        .success()
        .stdout_has("2,500 credits back in the testclips balance")
        .stdout_lacks("lost");
    balance(&s, "2026-11-26")
        .json_decimal_eq("/platforms/0/available", "3000")
        .json_decimal_eq("/platforms/0/by_source/subscription", "2000")
        .json_decimal_eq("/platforms/0/by_source/pack", "1000")
        .json_decimal_eq("/platforms/0/refunded", "2500");

    // Spent on 28 November from that month's credits; refunded on 2 December, after they
    // expired: those credits are lost, and said so.
    spend(&s, "2026-11-28T10:00:00Z", "1200");
    s.run(&["refund", "2", "--at", "2026-12-02T10:00:00Z", "--force"])
        .success()
        .stdout_has("0 credits back in the testclips balance")
        .stdout_has(
            "1,200 credits are lost: the grant they came from had expired by 2026-12-02 10:00",
        );
    balance(&s, "2026-12-03")
        .json_decimal_eq("/platforms/0/available", "3000")
        .json_decimal_eq("/platforms/0/lost_on_refund", "1200")
        .json_decimal_eq("/platforms/0/expired", "2000");
    s.run(&["balance", "testclips", "--as-of", "2026-12-03"])
        .success()
        .stdout_has("lost            1,200 credits refunded after their grant had expired");
}

#[test]
fn a_plan_change_mid_month_ends_the_old_plans_credits() {
    let s = sandbox("2026-11-01T09:00:00Z");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "2026-11-01",
    ])
    .success();
    spend(&s, "2026-11-05T10:00:00Z", "500");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "studio",
        "--since",
        "2026-11-15",
    ])
    .success()
    .stdout_has("testclips: Studio (monthly) from 2026-11-15, renews on day 15")
    .stdout_has("Creator (from 2026-11-01) ends: its unused credits expire on 2026-11-15")
    // A plan change, not a subscription said to begin: no promotion.
    .stdout_lacks("promotion");
    balance(&s, "2026-11-14").json_decimal_eq("/platforms/0/available", "1500");
    balance(&s, "2026-11-15")
        .json_decimal_eq("/platforms/0/available", "30000")
        .json_decimal_eq("/platforms/0/expired", "1500")
        .json_decimal_eq("/platforms/0/by_source/bonus", "0")
        .json_eq(
            "/platforms/0/next_renewal/at",
            "2026-12-15T00:00:00+00:00".into(),
        );
    balance(&s, "2026-12-15").json_decimal_eq("/platforms/0/available", "30000");
    s.run(&["account", "list"])
        .success()
        // Each monthly plan renews on the day it started, as `account set` said.
        .stdout_has("testclips  Creator  monthly  2026-11-01  tracked since 2026-11-01  1")
        .stdout_has("testclips  Studio   monthly  2026-11-15  plan change               15");
    // Set again on the same date: a correction, not another change.
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "2026-11-15",
    ])
    .success()
    .stdout_has("replaces studio set for the same date");
    balance(&s, "2026-11-20").json_decimal_eq("/platforms/0/available", "2000");
}

#[test]
fn budget_check_exits_3_when_a_budget_is_exceeded() {
    let mut s = sandbox("2026-11-01T09:00:00Z");
    s.run(&["budget", "check"]).code(0).stdout_has("no budgets");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "2026-11-01",
    ])
    .success();
    s.run(&["budget", "set", "ad", "15", "--money"])
        .success()
        .stdout_has("budget for ad: $15.00 in total");
    s.run(&[
        "budget",
        "set",
        "ad",
        "1200",
        "--credits",
        "--platform",
        "testclips",
        "--period",
        "month",
    ])
    .success()
    .stdout_has("budget for ad: 1,200 testclips credits a month");
    spend(&s, "2026-11-02T10:00:00Z", "1000");
    s.run(&["budget", "check"])
        .code(0)
        .stdout_has("$10.00")
        .stdout_has("$5.00");
    spend(&s, "2026-11-03T10:00:00Z", "600");
    let run = s.run(&["budget", "check"]);
    run.code(3)
        .stdout_has("over by $1.00")
        .stdout_has("over by 400 testclips credits")
        .stderr_has("budget exceeded: ad (credits), ad (money)");
    s.run(&["budget", "check", "--json"])
        .code(3)
        .json_eq("/0/exceeded", Value::Bool(true))
        .json_decimal_eq("/1/used", "16");
    // The monthly credits budget starts again in December; the money one does not.
    s.env("CREDITS_NOW", "2026-12-01T09:00:00Z");
    s.run(&["budget", "list", "--json"])
        .success()
        .json_decimal_eq("/0/used", "0")
        .json_eq("/0/current_period", "2026-12".into())
        .json_eq("/1/exceeded", Value::Bool(true));
    // A refund brings the money back under (the entry was logged ok: `--force`).
    s.run(&["refund", "2", "--force"]).success();
    s.run(&["budget", "check"]).code(0);
    // `report` and `balance` show the budgets too.
    s.run(&["report"]).success().stdout_has("budget  period");
    s.run(&["balance"]).success().stdout_has("budget  period");
    s.run(&["budget", "rm", "ad"])
        .success()
        .stdout_has("removed 2 budgets of ad");
    s.run(&["budget", "rm", "ad"])
        .error()
        .stderr_has("no such budget for `ad`");
    s.run(&["budget", "set", "ad", "0", "--money"])
        .error()
        .stderr_has("above 0");
    s.run(&["budget", "set", "ad", "5"]).usage_error();
}

#[test]
fn balance_agrees_with_the_sum_of_the_ledger() {
    let s = sandbox("2026-11-01T09:00:00Z");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "2026-11-01",
    ])
    .success();
    s.run(&[
        "topup",
        "testclips",
        "--pack",
        "two-year-500",
        "--at",
        "2026-11-03",
        "--force",
    ])
    .success();
    s.run(&[
        "adjust",
        "testclips",
        "75",
        "--note",
        "signup bonus",
        "--at",
        "2026-11-04",
        "--allow-future",
    ])
    .success()
    .stdout_has("adjustment #1 on testclips: +75 credits (signup bonus)");
    spend(&s, "2026-11-10T10:00:00Z", "1800");
    spend(&s, "2026-11-20T10:00:00Z", "650");
    s.run(&["refund", "2", "--at", "2026-12-03T00:00:00Z", "--force"])
        .success();
    s.run(&[
        "adjust",
        "testclips",
        "-25",
        "--note",
        "support correction",
        "--at",
        "2026-12-04",
        "--allow-future",
    ])
    .success();
    spend(&s, "2026-12-06T10:00:00Z", "2300");
    for as_of in [
        "2026-11-05",
        "2026-11-15",
        "2026-11-30",
        "2026-12-01",
        "2026-12-03",
        "2026-12-06",
        "2027-01-02",
    ] {
        let run = balance(&s, as_of);
        let p = &run.json()["platforms"][0];
        let dec = |ptr: &str| {
            common::decimal(p.pointer(ptr).unwrap_or(&Value::Null))
                .unwrap_or_else(|| run.fail(format!("a decimal at {ptr}"), "none"))
        };
        let available = dec("/available");
        let sum = dec("/granted") - dec("/spent") + dec("/refunded") - dec("/expired");
        run.check_eq(&format!("the ledger sum on {as_of}"), available, sum);
        let by_source: rust_decimal::Decimal = ["subscription", "pack", "bonus", "adjustment"]
            .iter()
            .map(|k| dec(&format!("/by_source/{k}")))
            .sum();
        run.check_eq(
            &format!("sources − deficit on {as_of}"),
            available,
            by_source - dec("/deficit"),
        );
        let remaining: rust_decimal::Decimal = p["grants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| common::decimal(&g["remaining"]).unwrap())
            .sum();
        run.check_eq(&format!("grants left on {as_of}"), by_source, remaining);
    }
    // On 6 December: 2,000 (Dec) + 500 pack + 75 bonus − 25 − 2,300 = 250; of the 650
    // refunded on 3 December, the 200 that came from November's credits are lost.
    balance(&s, "2026-12-06")
        .json_decimal_eq("/platforms/0/available", "250")
        .json_decimal_eq("/platforms/0/lost_on_refund", "200");
}

#[test]
fn spending_past_zero_is_logged_with_a_warning_and_balance_says_so() {
    let mut s = sandbox("2026-11-01T09:00:00Z");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "2026-11-01",
    ])
    .success();
    spend(&s, "2026-11-02T10:00:00Z", "1900");
    // 100 available; a 10 s clip is 100 credits: fine.
    s.run(&["estimate", "testclips", "clip", "--duration", "10"])
        .success()
        .stderr_lacks("warning");
    let run = s.run(&[
        "log",
        "testclips",
        "clip",
        "--duration",
        "10",
        "--count",
        "2",
        "--at",
        "2026-11-03T10:00:00Z",
        "--force",
    ]);
    run.success()
        .stdout_has("logged #2: testclips clip, 200 credits, money unknown")
        .stderr_has(
            "warning: this needs 200 credits but the testclips balance had 100: it is now -100",
        )
        .stderr_has("money unknown: 100 of these credits were beyond your testclips balance");
    s.run(&["balance", "testclips", "--as-of", "2026-11-04"])
        .success()
        .stdout_has(
            "available     -100 credits: below zero, 100 credits spent beyond what was recorded",
        );
    balance(&s, "2026-11-04")
        .json_eq("/platforms/0/negative", Value::Bool(true))
        .json_decimal_eq("/platforms/0/deficit", "100");
    // Now the estimate warns: 100 > -100.
    s.env("CREDITS_NOW", "2026-11-04T09:00:00Z");
    s.run(&["estimate", "testclips", "clip", "--duration", "10"])
        .success()
        .stderr_has("warning: this needs 100 credits; your testclips balance is -100");
    // A top-up pays the deficit off first.
    s.run(&[
        "topup",
        "testclips",
        "--pack",
        "forever-1000",
        "--at",
        "2026-11-05",
        "--force",
    ])
    .success()
    .stdout_has("testclips balance: 900 credits as of 2026-11-05");
    // A platform with no balance never warns.
    s.run(&["estimate", "runway", "gen-4", "--duration", "10"])
        .success()
        .stderr_lacks("warning");
}

#[test]
fn what_the_balance_buys_of_the_most_logged_request() {
    let s = sandbox("2026-11-01T09:00:00Z");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "2026-11-01",
    ])
    .success();
    for at in ["2026-11-02T10:00:00Z", "2026-11-03T10:00:00Z"] {
        s.run(&[
            "log",
            "testclips",
            "clip",
            "--duration",
            "10",
            "--at",
            at,
            "--force",
        ])
        .success();
    }
    s.run(&[
        "log",
        "testclips",
        "still",
        "--at",
        "2026-11-04T10:00:00Z",
        "--force",
    ])
    .success();
    // 2,000 − 200 − 5 = 1,795: 17 clips of 100 credits.
    s.run(&["balance", "testclips", "--as-of", "2026-11-05"])
        .success()
        .stdout_has("buys            enough for 17 Clip 10 s clips (100 credits each, your most-logged model here)");
    balance(&s, "2026-11-05")
        .json_decimal_eq("/platforms/0/buys/count", "17")
        .json_eq("/platforms/0/buys/model", "clip".into());
}

#[test]
fn bad_balance_input_is_refused_clearly_and_writes_nothing() {
    let s = sandbox("2026-11-10T09:00:00Z");
    s.run(&["topup", "testclips", "--pack", "forever-100"])
        .error()
        .stderr_has("unknown pack `forever-100` on testclips")
        .stderr_has(
            "help: did you mean `forever-1000`? testclips packs: forever-1000, two-year-500",
        );
    s.run(&["topup", "kling", "--pack", "big"])
        .error()
        .stderr_has("kling packs: 5-usd-pack, 10-usd-pack");
    s.run(&["topup", "openai", "--credits", "10", "--price", "1"])
        .error()
        .stderr_has("bills in money");
    s.run(&["topup", "testclips", "--credits", "10"])
        .usage_error();
    s.run(&["topup", "testclips"]).usage_error();
    s.run(&["balance", "testclips"])
        .error()
        .stderr_has("no plan, top-up or adjustment recorded for testclips");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "2026-11-01",
    ])
    .success();
    // Dates before the account's start.
    s.run(&[
        "topup",
        "testclips",
        "--pack",
        "forever-1000",
        "--at",
        "2026-10-31",
        "--force",
    ])
    .error()
    .stderr_has("before your testclips account started (2026-11-01)");
    s.run(&[
        "adjust",
        "testclips",
        "10",
        "--note",
        "x",
        "--at",
        "2026-10-01",
        "--allow-future",
    ])
    .error()
    .stderr_has("before your testclips account started");
    s.run(&["balance", "testclips", "--as-of", "2026-10-15"])
        .error()
        .stderr_has("before your testclips account started");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "1 Nov",
    ])
    .error()
    .stderr_has("`1 Nov` is not a date");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--renews-on",
        "32",
    ])
    .usage_error();
    // Below zero only with --force, and said so.
    s.run(&[
        "adjust",
        "testclips",
        "-2500",
        "--note",
        "platform shows less",
    ])
    .error()
    .stderr_has("taking 2,500 credits would leave the testclips balance at -500")
    .stderr_has("--force");
    balance(&s, "2026-11-10").json_decimal_eq("/platforms/0/available", "2000");
    s.run(&[
        "adjust",
        "testclips",
        "-2500",
        "--note",
        "platform shows less",
        "--force",
    ])
    .success()
    .stdout_has("testclips balance: -500 credits")
    .stderr_has("note: --force: the testclips balance is below zero (-500 credits)");
    s.run(&["adjust", "testclips", "0", "--note", "x"])
        .error()
        .stderr_has("changes nothing");
    s.run(&["adjust", "testclips", "5", "--note", " "])
        .error()
        .stderr_has("the note is empty");
    s.run(&["adjust", "testclips", "0.0001", "--note", "x"])
        .error()
        .stderr_has("3 decimal places");

    // A plan may not start after something already recorded for its platform.
    let t = sandbox("2026-11-10T09:00:00Z");
    t.run(&[
        "topup",
        "testclips",
        "--pack",
        "forever-1000",
        "--at",
        "2026-11-02",
        "--force",
    ])
    .success();
    t.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "2026-11-05",
    ])
    .error()
    .stderr_has("top-up #1 on 2026-11-02 is before 2026-11-05")
    .stderr_has("--since 2026-11-02");
    t.run(&["account", "list"])
        .success()
        .stdout_has("no accounts set");
}

#[test]
fn generations_logged_before_the_account_started_are_not_spends() {
    let s = sandbox("2026-11-10T09:00:00Z");
    spend(&s, "2026-10-20T10:00:00Z", "700");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "2026-11-01",
    ])
    .success();
    balance(&s, "2026-11-10").json_decimal_eq("/platforms/0/available", "2000");
    s.run(&[
        "log",
        "testclips",
        "clip",
        "--duration",
        "5",
        "--at",
        "2026-10-25",
        "--force",
    ])
    .success()
    .stderr_has("before your testclips balance starts (2026-11-01): not counted in it");
}

/// A new user's first week on Runway (shipped table): set a plan, log a week of clips with
/// a failure and a top-up, read `balance` and `report`.
#[test]
fn a_new_users_first_week() {
    let mut s = Sandbox::new();
    let day = |s: &mut Sandbox, d: u32| {
        s.env("CREDITS_NOW", &format!("2026-11-{d:02}T18:00:00Z"));
    };
    day(&mut s, 2);
    // Standard: $15 for 625 credits a month ($0.024 each).
    s.run(&["account", "set", "runway", "--plan", "standard"])
        .success()
        .stdout_has("runway: Standard (monthly) from 2026-11-02, renews on day 2")
        .stdout_has("625 credits a month; unused credits expire at each renewal");
    let gen4 = [
        "log",
        "runway",
        "gen-4",
        "--duration",
        "10",
        "--project",
        "launch",
    ];
    let turbo = [
        "log",
        "runway",
        "gen-4-turbo",
        "--duration",
        "5",
        "--project",
        "launch",
    ];
    // Monday: two Gen-4 10 s clips, 120 credits each.
    s.run(&gen4).success().stdout_has("120 credits, $2.88");
    s.run(&gen4).success();
    // Tuesday: three Turbo drafts, 25 each.
    day(&mut s, 3);
    for _ in 0..3 {
        s.run(&turbo).success().stdout_has("25 credits, $0.60");
    }
    // Wednesday: a Gen-4 clip fails; the platform refunds it the next day.
    day(&mut s, 4);
    s.run(&[&gen4[..], &["--failed"]].concat()).success();
    day(&mut s, 5);
    s.run(&["refund", "6"])
        .success()
        .stdout_has("120 credits back in the runway balance");
    // Thursday: two more Gen-4 clips; 70 credits are left of the plan's 625.
    s.run(&gen4).success();
    s.run(&gen4).success();
    s.run(&["balance", "runway"])
        .success()
        .stdout_has("available       70 credits");
    // Friday: Runway's table has no packs, so the top-up is credits at a price.
    day(&mut s, 6);
    s.run(&["topup", "runway", "--credits", "1000", "--price", "10"])
        .success()
        .stdout_has("+1,000 credits for $10.00, $0.01 per credit; never expire")
        .stdout_has("runway balance: 1,070 credits");
    // Saturday: two more; the first takes the plan's last 70 and 50 from the top-up.
    day(&mut s, 7);
    s.run(&gen4).success().stdout_has(
        "120 credits, $2.18 (balance: 70 from Standard, period from 2026-11-02 + 50 from \
         top-up #1)",
    );
    s.run(&gen4).success().stdout_has("120 credits, $1.20");

    day(&mut s, 8);
    let run = s.run(&["balance"]);
    run.success()
        .stdout_has("runway · as of 2026-11-08 18:00")
        .stdout_has("available     830 credits")
        .stdout_has("  pack        830")
        .stdout_has("next expiry   none")
        .stdout_has("next renewal  2026-12-02: +625 credits (Standard)")
        .stdout_has("buys          enough for 6 Gen-4 10 s clips (120 credits each, your most-logged model here)")
        .stdout_has("1,625 granted − 915 spent + 120 refunded − 0 expired = 830")
        .stdout_has("top-up #1  pack    830   never    $0.01")
        // Runway says monthly credits do not roll over: nothing left to guess.
        .stdout_lacks("roll over");
    s.run(&["balance", "--json"])
        .success()
        .json_decimal_eq("/platforms/0/available", "830");
    // 795 credits used for $16.70: $0.021 a credit, below the plan's $0.024.
    s.run(&["report", "--by", "platform"])
        .success()
        .stdout_has("$16.70")
        .stdout_has("$0.021");
    let run = s.run(&["report", "--by", "platform", "--json"]);
    run.success()
        .json_eq("/rows/0/clips", 10.into())
        .json_decimal_eq("/rows/0/seconds", "75")
        .json_decimal_eq("/rows/0/credits", "915")
        .json_decimal_eq("/rows/0/credits_refunded", "120")
        .json_decimal_eq("/rows/0/cost", "16.7");
    let per_credit = common::decimal(&run.json_at("/rows/0/cost_per_credit")).unwrap();
    run.check_eq(
        "price per credit paid",
        "0.02101",
        &per_credit.round_dp(5).to_string(),
    );
}

#[test]
fn json_outputs_are_documented_shapes() {
    let s = sandbox("2026-11-01T09:00:00Z");
    s.run(&[
        "account",
        "set",
        "testclips",
        "--plan",
        "creator",
        "--since",
        "2026-11-01",
        "--json",
    ])
    .success()
    .json_eq("/since", "2026-11-01".into());
    s.run(&["topup", "testclips", "--pack", "forever-1000", "--json"])
        .success()
        .json_decimal_eq("/available", "3000")
        .json_eq("/expires_at", Value::Null);
    let run = s.run(&["balance", "--json"]);
    run.success();
    let v = run.json();
    run.check_eq(
        "platform ids",
        "testclips",
        str_at(&v, "/platforms/0/platform"),
    );
    run.json_decimal_eq("/platforms/0/available", "3000");
    run.json_eq("/budgets", Value::Array(vec![]));
}

/// Kling's Standard plan ($8.80 for 660 credits; $6.99 the first month for new subscribers)
/// with a model at 66 credits a clip, so a clip costs $0.88 at the list price and $0.70
/// ($0.699) in the promotion's month.
fn kling_sandbox() -> Sandbox {
    let mut s = Sandbox::new();
    s.write(
        ".config/credits/pricing/kling.toml",
        "name = \"Kling AI\"\nid = \"kling\"\nas_of = 2026-11-01\n[[model]]\nname = \"Clip66\"\ncredits = 66\n",
    );
    s.env("CREDITS_NOW", "2026-11-10T12:00:00Z");
    s
}

#[test]
fn a_start_of_tracking_alone_is_not_a_new_subscription() {
    // Issue 22, item 4: `--since` is when tracking starts; the new-subscriber price is not
    // taken from it.
    let s = kling_sandbox();
    s.run(&["account", "set", "kling", "--plan", "standard", "--since", "2026-11-06"])
        .success()
        .stdout_has("tracked since 2026-11-06: the first-period promotion ($6.99 for the period) is for a new subscription")
        .stdout_has("--subscribed 2026-11-06")
        .stdout_lacks("first period (promotion)");
    s.run(&["log", "kling", "clip66", "--at", "2026-11-07T10:00:00Z"])
        .success()
        .stdout_has("66 credits, $0.88");
    s.run(&["account", "list"])
        .success()
        .stdout_has("tracked since 2026-11-06")
        .stdout_lacks("first period");
    s.run(&["account", "list", "--json"])
        .success()
        .json_eq("/0/history/0/start", "tracked".into())
        .json_eq("/0/history/0/subscribed_on", Value::Null)
        .json_eq("/0/history/0/first_period", Value::Null);
    s.run(&["balance", "kling", "--json"])
        .success()
        .json_decimal_eq("/platforms/0/available", "594");

    // Said to have begun that day (the same date corrects the change): the promotion's
    // price, and entries logged from then on are priced with it.
    s.run(&[
        "account",
        "set",
        "kling",
        "--plan",
        "standard",
        "--since",
        "2026-11-06",
        "--subscribed",
        "2026-11-06",
    ])
    .success()
    .stdout_has("subscribed 2026-11-06: first period (promotion): $6.99 for the period");
    s.run(&["log", "kling", "clip66", "--at", "2026-11-07T11:00:00Z"])
        .success()
        .stdout_has("66 credits, $0.70");
    s.run(&["account", "list"])
        .success()
        .stdout_has("subscribed 2026-11-06 (first period $6.99)");
    s.run(&["account", "list", "--json"])
        .success()
        .json_eq("/0/history/0/start", "subscribed".into())
        .json_eq("/0/history/0/subscribed_on", "2026-11-06".into())
        .json_decimal_eq("/0/history/0/first_period/price", "6.99")
        .json_decimal_eq("/0/history/0/first_period/bonus_credits", "0");
    // The month after, the list price again.
    s.run(&[
        "log",
        "kling",
        "clip66",
        "--at",
        "2026-12-07T10:00:00Z",
        "--allow-future",
    ])
    .success()
    .stdout_has("66 credits, $0.88");
}

#[test]
fn a_subscription_begun_before_tracking_keeps_its_first_period_and_renewal_day() {
    let s = kling_sandbox();
    // Begun on 20 October, tracked from 6 November: still the first period (to the 20th),
    // and the plan renews on the 20th.
    s.run(&[
        "account",
        "set",
        "kling",
        "--plan",
        "standard",
        "--since",
        "2026-11-06",
        "--subscribed",
        "2026-10-20",
    ])
    .success()
    .stdout_has("from 2026-11-06, renews on day 20")
    .stdout_has("subscribed 2026-10-20: first period (promotion): $6.99 for the period");
    s.run(&["log", "kling", "clip66", "--at", "2026-11-07T10:00:00Z"])
        .success()
        .stdout_has("66 credits, $0.70");
    s.run(&["balance", "kling", "--json"]).success().json_eq(
        "/platforms/0/next_renewal/at",
        "2026-11-20T00:00:00+00:00".into(),
    );
    s.run(&["account", "list", "--json"])
        .success()
        .json_eq("/0/history/0/renews_on", 20.into());

    // Begun on 1 October: its first period ended on 1 November, before tracking began.
    s.run(&[
        "account",
        "set",
        "kling",
        "--plan",
        "standard",
        "--since",
        "2026-11-06",
        "--subscribed",
        "2026-10-01",
    ])
    .success()
    .stdout_has("subscribed 2026-10-01: its first period ended before 2026-11-06, so the promotion ($6.99 for the period) does not apply");
    s.run(&["log", "kling", "clip66", "--at", "2026-11-07T11:00:00Z"])
        .success()
        .stdout_has("66 credits, $0.88");
    s.run(&["account", "list"])
        .success()
        .stdout_has("subscribed 2026-10-01")
        .stdout_lacks("first period");

    // --subscribed alone: tracked from that day. After --since: refused, nothing written.
    s.run(&[
        "account",
        "set",
        "kling",
        "--plan",
        "pro",
        "--subscribed",
        "2026-11-08",
    ])
    .success()
    .stdout_has("kling: Pro (monthly) from 2026-11-08, renews on day 8")
    .stdout_has("subscribed 2026-11-08: first period (promotion): $25.99 for the period");
    s.run(&[
        "account",
        "set",
        "kling",
        "--plan",
        "pro",
        "--since",
        "2026-11-09",
        "--subscribed",
        "2026-11-10",
    ])
    .code(1)
    .stderr_has("error: --subscribed 2026-11-10 is after --since 2026-11-09")
    .stderr_has("help: give --since 2026-11-10 or later");
    s.run(&["account", "list", "--json"])
        .success()
        .check_eq(
            "the plan changes",
            2,
            s.run(&["account", "list", "--json"])
                .json_at("/0/history")
                .as_array()
                .map_or(0, Vec::len),
        )
        .json_eq("/0/history/1/effective_on", "2026-11-08".into());
}

#[test]
fn a_pack_bought_at_another_price_is_recorded_at_what_was_paid() {
    // Found by a re-check trial of issue 23: `--price` beside `--pack` was dropped silently.
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "topup",
            "kling-api",
            "--pack",
            "5,000 units",
            "--price",
            "650",
        ],
    )
    .stderr_has("recorded at the $650.00 you paid, not the table's $700.00");
    ok(&sandbox, &["topup", "list", "--json"]).json_eq("/0/price", serde_json::json!("650"));
    // Removing the only record: the balance goes, said as such (it read "→ none credits").
    ok(&sandbox, &["topup", "rm", "1"]).stdout_has("5,000 credits → no balance");
}

#[test]
fn a_pack_with_another_validity_keeps_the_one_given() {
    // Found by a final trial: --expires-in beside --pack was dropped silently.
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "topup",
            "kling-api",
            "--pack",
            "15,000 units",
            "--expires-in",
            "30",
            "--at",
            "2026-11-01",
        ],
    )
    .stderr_has("expires after the 30 days you gave");
    ok(&sandbox, &["topup", "list"]).stdout_has("2026-12-01");
}
