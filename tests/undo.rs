//! Undoing mistakes (issue 22, items 2 and 3) through the binary: `topup list | rm`,
//! `adjust list | rm`, `account rm`, each replaying the balance and saying it before → after,
//! refused when generations already paid from the record would be left beyond the balance;
//! and `refund` of an entry that succeeded, refused without `--force`.

mod common;

use common::{ok, DbState, Run, Sandbox};

/// A Runway Standard account from 2 November, one Gen-4 clip logged; now is 21 November.
fn runway() -> Sandbox {
    let s = Sandbox::with_db();
    ok(
        &s,
        &[
            "account",
            "set",
            "runway",
            "--plan",
            "standard",
            "--since",
            "2026-11-02",
        ],
    );
    ok(
        &s,
        &[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "10",
            "--at",
            "2026-11-03",
        ],
    );
    s
}

fn topup(s: &Sandbox) -> Run {
    ok(
        s,
        &[
            "topup",
            "runway",
            "--credits",
            "1000",
            "--price",
            "10",
            "--expires-in",
            "365",
            "--at",
            "2026-11-08",
        ],
    )
}

/// What a user reads of the balance: `balance` as text and JSON, and what `estimate`
/// prices from it.
#[derive(Debug, PartialEq)]
struct Seen {
    balance: String,
    json: serde_json::Value,
    next_expiry: serde_json::Value,
    estimate: serde_json::Value,
    price_per_credit: serde_json::Value,
}

fn seen(s: &Sandbox) -> Seen {
    let text = ok(s, &["balance", "runway"]).stdout.clone();
    let json = ok(s, &["balance", "runway", "--json"]).json();
    // 600 credits: more than the plan has left, so part comes from a top-up.
    let estimate = ok(
        s,
        &[
            "estimate",
            "runway",
            "gen-4",
            "--duration",
            "10",
            "--count",
            "5",
            "--json",
        ],
    )
    .json();
    Seen {
        balance: text,
        next_expiry: json["platforms"][0]["next_expiry"].clone(),
        json,
        price_per_credit: estimate["price_per_credit"].clone(),
        estimate,
    }
}

#[test]
fn a_duplicated_topup_is_removed_and_everything_is_as_before() {
    let s = runway();
    topup(&s);
    let before = seen(&s);
    assert!(before
        .balance
        .contains("next expiry     505 credits on 2026-12-02"));
    assert_ne!(before.next_expiry, serde_json::Value::Null);

    // Recorded twice by mistake.
    topup(&s);
    let twice = seen(&s);
    assert_ne!(twice.balance, before.balance);
    assert_ne!(twice.json, before.json);

    ok(&s, &["topup", "list"])
        .stdout_has(" id  platform  bought      pack  credits  price   expires     left")
        .stdout_has(" #1  runway    2026-11-08  -     1,000    $10.00  2027-11-08  1,000")
        .stdout_has(" #2  runway    2026-11-08  -     1,000    $10.00  2027-11-08  1,000");
    ok(&s, &["topup", "list", "runway", "--json"])
        .json_eq("/1/id", 2.into())
        .json_eq("/1/left", "1000".into())
        .json_eq("/1/expires_at", "2027-11-08T00:00:00+00:00".into());

    ok(&s, &["topup", "rm", "2"])
        .stdout_has("removed top-up #2 on runway: +1,000 credits for $10.00, bought 2026-11-08")
        .stdout_has("runway balance: 2,505 → 1,505 credits as of 2026-11-21 12:00");
    let after = seen(&s);
    assert_eq!(after, before);
    let listed = ok(&s, &["topup", "list", "--json"]).json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1));

    // Gone: a second `rm` says so and lists where the ids are.
    s.run(&["topup", "rm", "2"])
        .error()
        .stderr_has("error: no top-up #2")
        .stderr_has("help: `credits topup list`");
}

#[test]
fn topup_rm_json_says_the_balance_before_and_after() {
    let s = runway();
    topup(&s);
    topup(&s);
    ok(&s, &["topup", "rm", "2", "--json"])
        .json_eq("/removed/id", 2.into())
        .json_eq("/removed/credits", "1000".into())
        .json_eq("/platform", "runway".into())
        .json_eq("/available_before", "2505".into())
        .json_eq("/available_after", "1505".into())
        .json_eq("/beyond_balance", "0".into());
}

#[test]
fn removing_a_topup_already_spent_from_is_refused_unless_forced() {
    let s = runway();
    topup(&s);
    // 505 plan credits left; this takes them and 495 of the top-up's.
    ok(
        &s,
        &[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "10",
            "--credits",
            "1000",
            "--at",
            "2026-11-10",
        ],
    );
    let state = DbState::of(&s.db());
    let run = s.run(&["topup", "rm", "1"]);
    run.error()
        .stderr_has("495 credits of runway generations were already spent from top-up #1")
        .stderr_has("help: pass --force");
    state.assert_same(&s.db(), &run);

    let history = ok(&s, &["history", "--json"]).json();
    let pricing = history[0]["pricing"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(pricing.contains("top-up #1"), "{history}");

    ok(&s, &["topup", "rm", "1", "--force"])
        .stdout_has("runway balance: 505 → -495 credits")
        .stderr_has("note: --force: 495 credits of runway generations paid from it are now beyond the balance")
        // Issue 22 (trial G): the entry's pricing still names the top-up; said, with what
        // updates it.
        .stderr_has("note: 1 entry still says it was priced from it; `credits reprice --platform runway`");
    ok(&s, &["balance", "runway", "--json"]).json_eq("/platforms/0/available", "-495".into());
    ok(&s, &["reprice", "--platform", "runway"]);
    let history = ok(&s, &["history", "--json"]).json();
    assert!(!history.to_string().contains("top-up #1"), "{history}");
}

#[test]
fn removing_a_topup_no_entry_was_priced_from_says_nothing_of_reprice() {
    let s = runway();
    topup(&s);
    topup(&s);
    ok(&s, &["topup", "rm", "2"])
        .stderr_lacks("reprice")
        .stdout_lacks("reprice");
    ok(&s, &["topup", "rm", "1", "--json"]).json_eq("/entries_still_naming_it", 0.into());
}

#[test]
fn adjustments_are_listed_and_removed() {
    let s = runway();
    ok(&s, &["adjust", "list"]).stdout_has("no adjustments recorded");
    ok(&s, &["adjust", "runway", "50", "--note", "signup bonus"]);
    ok(
        &s,
        &["adjust", "runway", "-20", "--note", "support correction"],
    );
    ok(&s, &["adjust", "list"])
        .stdout_has(" id  platform  at                credits  left  note")
        .stdout_has(" #1  runway    2026-11-21 12:00  +50      50    signup bonus")
        .stdout_has(" #2  runway    2026-11-21 12:00  -20      -     support correction");
    ok(&s, &["adjust", "list", "--json"])
        .json_eq("/0/credits", "50".into())
        .json_eq("/1/left", serde_json::Value::Null);
    // Taking away the correction gives its credits back.
    ok(&s, &["adjust", "rm", "2"])
        .stdout_has("removed adjustment #2 on runway: -20 credits (support correction)")
        .stdout_has("runway balance: 535 → 555 credits");
    ok(&s, &["adjust", "rm", "1", "--json"])
        .json_eq("/removed/note", "signup bonus".into())
        .json_eq("/available_before", "555".into())
        .json_eq("/available_after", "505".into());
    s.run(&["adjust", "rm", "1"])
        .error()
        .stderr_has("no adjustment #1");
    // Recording one still takes its flags.
    s.run(&["adjust", "runway"]).usage_error();
}

#[test]
fn plan_changes_are_removed_by_platform_and_date() {
    let s = runway();
    ok(
        &s,
        &[
            "account",
            "set",
            "runway",
            "--plan",
            "pro",
            "--since",
            "2026-11-15",
        ],
    );
    ok(&s, &["account", "rm", "runway", "2026-11-15"])
        .stdout_has("removed the runway plan change of 2026-11-15: Pro (monthly)")
        .stdout_has("current plan: Standard (from 2026-11-02)")
        .stdout_has("runway balance: 2,250 → 505 credits as of 2026-11-21 12:00");
    ok(&s, &["account", "list", "--json"]).json_eq("/0/plan", "standard".into());

    // The first change paid for the clip logged on the 3rd: refused, then forced.
    let state = DbState::of(&s.db());
    let run = s.run(&["account", "rm", "runway", "2026-11-02"]);
    run.error().stderr_has(
        "120 credits of runway generations were already spent from the 2026-11-02 plan change",
    );
    state.assert_same(&s.db(), &run);
    ok(
        &s,
        &["account", "rm", "runway", "2026-11-02", "--force", "--json"],
    )
    .json_eq("/removed/plan", "standard".into())
    .json_eq("/available_before", "505".into())
    .json_eq("/available_after", serde_json::Value::Null);
    ok(&s, &["account", "list"]).stdout_has("no accounts set");
    s.run(&["account", "rm", "runway", "2026-11-02"])
        .error()
        .stderr_has("no runway plan change on 2026-11-02");
}

#[test]
fn a_refund_of_an_entry_that_succeeded_is_refused_without_force() {
    let s = runway();
    let state = DbState::of(&s.db());
    let run = s.run(&["refund", "1"]);
    run.error()
        .stderr_has("error: #1 (runway gen-4, 2026-11-03 00:00) is marked ok: refunding it would return 120 credits")
        .stderr_has("help: check the id")
        .stderr_has("`credits refund 1 --force`")
        .stderr_has("`credits edit 1 --status ok`");
    state.assert_same(&s.db(), &run);
    ok(&s, &["refund", "1", "--force"]).stdout_has("#1 runway gen-4: ok → refunded");
    // Undone as the help said.
    ok(&s, &["edit", "1", "--status", "ok"]);
    // A failed entry is refunded as before; `fail` of a refunded one still needs --force.
    ok(&s, &["fail", "1"]);
    ok(&s, &["refund", "1"]).stdout_has("failed → refunded");
    s.run(&["fail", "1"])
        .error()
        .stderr_has("`credits fail 1 --force` does that (undone by `credits refund 1`)");
}
