//! Issue 7 ("One engine behind every command"), its "Done when" held at the binary: each test
//! asserts what a user would notice when two commands answer the same question.
//!
//! Numbers come from the shipped Runway table (`credits pricing show runway`): Standard is
//! $15 for 625 credits a month ($0.024 a credit), Pro $35 for 2,250 ($0.01555…); Gen-4 Turbo
//! costs 5 credits a second (25 for a 5 s clip), Gen-4 12 a second (120 for 10 s). MakeClipAI
//! is a second credits platform (`pika-basic`: 40 credits each, no plan prices).

mod common;

use common::{ok, open_db, DbState, Run, Sandbox};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

/// `credits --json history ARGS…` as its array of entries, newest first.
#[track_caller]
fn history(sandbox: &Sandbox, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--json", "history"];
    all.extend_from_slice(args);
    let run = ok(sandbox, &all);
    match run.json() {
        Value::Array(entries) => entries,
        other => run.fail("a JSON array of entries", other),
    }
}

/// One entry of `history --json` by id.
#[track_caller]
fn entry(sandbox: &Sandbox, id: i64) -> Value {
    history(sandbox, &[])
        .into_iter()
        .find(|e| e["id"] == json!(id))
        .unwrap_or_else(|| panic!("entry {id} in `history --json`"))
}

/// A log whose runway account is on Standard from 1 November (625 credits a month).
fn on_runway_standard() -> Sandbox {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "account",
            "set",
            "runway",
            "--plan",
            "standard",
            "--since",
            "2026-11-01",
        ],
    );
    sandbox
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal")
}

/// The decimal string at `pointer` of a run's JSON.
#[track_caller]
fn decimal_at(run: &Run, pointer: &str) -> Decimal {
    let value = run.json_at(pointer);
    common::decimal(&value)
        .unwrap_or_else(|| run.fail(format!("a decimal string at {pointer}"), value))
}

/// The available credits `balance PLATFORM --json` reports.
#[track_caller]
fn available(sandbox: &Sandbox, platform: &str) -> Decimal {
    let run = ok(sandbox, &["--json", "balance", platform]);
    let json = run.json();
    let value = json
        .pointer("/platforms/0/available")
        .or_else(|| json.pointer("/available"))
        .cloned()
        .unwrap_or_else(|| run.fail("an `available` field", "absent"));
    common::decimal(&value).unwrap_or_else(|| run.fail("a decimal `available`", value))
}

// ---- 1. names are canonical ids whatever the user typed ----

#[test]
fn import_and_log_store_canonical_ids_whatever_was_typed() {
    let sandbox = on_runway_standard();
    sandbox.write(
        "hand.csv",
        "at,platform,model,duration,project\n2026-11-03,Runway,Gen-4 Turbo,5,teaser\n",
    );
    ok(&sandbox, &["import", "hand.csv"]);
    let imported = history(&sandbox, &[]);
    assert_eq!(imported.len(), 1, "{imported:#?}");
    assert_eq!(imported[0]["platform"], json!("runway"), "{imported:#?}");
    assert_eq!(imported[0]["model"], json!("gen-4-turbo"), "{imported:#?}");

    // Display names on the command line too.
    ok(
        &sandbox,
        &[
            "log",
            "Runway",
            "Gen-4 Turbo",
            "--duration",
            "5",
            "--project",
            "teaser",
            "--at",
            "2026-11-04",
        ],
    );
    let entries = history(&sandbox, &["--platform", "runway"]);
    assert_eq!(entries.len(), 2, "history --platform runway: {entries:#?}");
    for e in &entries {
        assert_eq!(
            (&e["platform"], &e["model"]),
            (&json!("runway"), &json!("gen-4-turbo"))
        );
    }
    // A filter typed with the display name finds them as well.
    assert_eq!(history(&sandbox, &["--platform", "Runway"]).len(), 2);
    assert_eq!(
        history(
            &sandbox,
            &["--model", "Gen-4 Turbo", "--platform", "Runway"]
        )
        .len(),
        2
    );

    // One model, one report row.
    let report = ok(
        &sandbox,
        &["--json", "report", "--by", "platform", "--by", "model"],
    );
    report
        .json_eq("/rows/0/platform", json!("runway"))
        .json_eq("/rows/0/model", json!("gen-4-turbo"))
        .json_eq("/rows/0/entries", json!(2))
        .json_eq("/rows/0/credits", json!("50"))
        .check(
            report.json()["rows"].as_array().map(Vec::len) == Some(1),
            "one report row",
        );

    // The balance counts both 25-credit clips: 625 − 50.
    assert_eq!(available(&sandbox, "runway"), d("575"));
    ok(&sandbox, &["balance", "runway"]).stdout_has("575 credits");
}

// ---- 1b. a schema-2 database holding display names is repaired on open ----

/// Schema 2 exactly as released: the first two migrations.
const SCHEMA_1: &str = include_str!("../crates/store/src/migrations/0001_init.sql");
const SCHEMA_2: &str = include_str!("../crates/store/src/migrations/0002_balances.sql");

#[test]
fn a_schema_2_log_with_display_names_is_repaired_once_and_says_so() {
    let sandbox = Sandbox::with_db();
    {
        let conn = open_db(&sandbox.db());
        conn.execute_batch(SCHEMA_1).expect("migration 1");
        conn.execute_batch(SCHEMA_2).expect("migration 2");
        conn.pragma_update(None, "application_id", 0x4352_4454)
            .expect("application_id");
        conn.pragma_update(None, "user_version", 2)
            .expect("user_version");
        // `log` stored ids, `import` the names as typed, in the same project.
        for (i, (platform, model)) in [
            ("Runway", "Gen-4 Turbo"),
            ("Runway", "Gen-4 Turbo"),
            ("runway", "gen-4"),
            ("Runway", "Gen-4"),
        ]
        .iter()
        .enumerate()
        {
            conn.execute(
                "INSERT INTO entry (at, platform, model, duration_ms, count, credits_milli, \
                 pricing, project, dedup_key) \
                 VALUES (?1, ?2, ?3, 5000, 1, 25000, 'unpriced', 'teaser', ?4)",
                rusqlite::params![
                    format!("2026-11-0{}T10:00:00Z", i + 1),
                    platform,
                    model,
                    format!("import:{i}")
                ],
            )
            .expect("insert a schema-2 entry");
        }
        // A schema-2 credits budget: no platform; the project's entries are all Runway's.
        conn.execute(
            "INSERT INTO budget (project, unit, amount_milli, period) \
             VALUES ('teaser', 'credits', 500000, 'total')",
            [],
        )
        .expect("insert a schema-2 budget");
    }

    let first = ok(&sandbox, &["--json", "history"]);
    let names: Vec<(String, String)> = first
        .json()
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            (
                e["platform"].as_str().unwrap_or("").to_string(),
                e["model"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    first.check(
        names
            .iter()
            .all(|(p, m)| p == "runway" && (m == "gen-4-turbo" || m == "gen-4")),
        "every entry named by ids after the repair",
    );
    first.check_eq(
        "entries per model",
        (2, 2),
        (
            names.iter().filter(|(_, m)| m == "gen-4-turbo").count(),
            names.iter().filter(|(_, m)| m == "gen-4").count(),
        ),
    );
    // Three entries renamed (the one already stored by id is not counted).
    first
        .stderr_has("3 entries renamed")
        .stderr_has("Runway Gen-4 Turbo → runway gen-4-turbo (2)");
    let version: i64 = open_db(&sandbox.db())
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("user_version");
    assert_eq!(
        version,
        i64::from(credits::SCHEMA_VERSION),
        "migrated to the latest schema"
    );
    // The schema-2 credits budget counts the project's credits, now on one platform.
    // It keeps no platform of its own yet: migration 3 gives budgets their project's platform
    // before this repair runs, when `Runway` and `runway` still look like two platforms.
    ok(&sandbox, &["--json", "budget", "list"])
        .json_eq("/0/used", json!("100"))
        // …and, once the names are one, it is given that platform.
        .json_eq("/0/platform", json!("runway"));

    // Done once: the next run is quiet and changes nothing.
    let before = DbState::of(&sandbox.db());
    let second = ok(&sandbox, &["history"]);
    second.check_eq("stderr of the second run", "", second.stderr.as_str());
    before.assert_same(&sandbox.db(), &second);
}

// ---- 2. estimate is a dry run of log ----

#[test]
fn estimate_prices_as_log_would_with_the_account_and_the_balance() {
    let sandbox = Sandbox::with_db();
    // Without an account: the cheapest plan allowing Gen-4 (Standard), and no database made.
    ok(
        &sandbox,
        &["--json", "estimate", "runway", "gen-4", "--duration", "10"],
    )
    .json_eq("/price_source", json!("cheapest_plan"))
    .json_eq("/balance", json!(null))
    .json_decimal_eq("/cost", "2.88");
    assert!(!sandbox.db().exists(), "estimate made a database");

    ok(
        &sandbox,
        &[
            "account",
            "set",
            "runway",
            "--plan",
            "pro",
            "--since",
            "2026-11-01",
        ],
    );
    let estimate = ok(
        &sandbox,
        &["--json", "estimate", "runway", "gen-4", "--duration", "10"],
    );
    estimate
        .json_eq("/price_source", json!("balance"))
        .json_eq("/plan", json!("Pro"))
        .json_eq("/credits", json!("120"))
        .json_eq("/balance/platform", json!("runway"))
        .json_decimal_eq("/balance/uses", "120")
        .json_decimal_eq("/balance/available", "2250")
        .json_decimal_eq("/balance/after", "2130");
    let estimated = decimal_at(&estimate, "/cost");
    ok(
        &sandbox,
        &["estimate", "runway", "gen-4", "--duration", "10"],
    )
    .stdout_has("uses 120 of your 2,250 runway credits");

    // `--plan` still overrides the account.
    ok(
        &sandbox,
        &[
            "--json",
            "estimate",
            "runway",
            "gen-4",
            "--duration",
            "10",
            "--plan",
            "standard",
        ],
    )
    .json_eq("/price_source", json!("plan"))
    .json_decimal_eq("/cost", "2.88");

    // The log entry of the same clip stores the same money (to the micro-unit it keeps).
    let logged = ok(
        &sandbox,
        &["--json", "log", "runway", "gen-4", "--duration", "10"],
    );
    logged.json_eq("/price_source", json!("balance"));
    let stored = decimal_at(&logged, "/cost");
    assert_eq!(
        estimated.round_dp(6),
        stored,
        "estimate {estimated} vs log {stored}"
    );
    // 120 credits of Pro's $35 / 2,250.
    assert_eq!(stored, d("1.866667"));

    // An account whose plan has not started yet: priced with the account's plan, no balance.
    let later = Sandbox::with_db();
    ok(
        &later,
        &[
            "account",
            "set",
            "runway",
            "--plan",
            "pro",
            "--since",
            "2026-12-01",
        ],
    );
    ok(
        &later,
        &["--json", "estimate", "runway", "gen-4", "--duration", "10"],
    )
    .json_eq("/price_source", json!("account"))
    .json_eq("/plan", json!("Pro"))
    .json_eq("/balance", json!(null));
}

// ---- 3. credits of different platforms are never added ----

#[test]
fn reports_and_budgets_keep_each_platforms_credits_apart() {
    let sandbox = Sandbox::with_db();
    for args in [
        &[
            "log",
            "runway",
            "gen-4-turbo",
            "--duration",
            "5",
            "--project",
            "p",
        ][..],
        &["log", "makeclipai", "pika-basic", "--project", "p"][..],
    ] {
        ok(&sandbox, args);
    }
    ok(&sandbox, &["--json", "report"])
        .json_eq("/total/credits", json!(null))
        .json_eq("/total/credits_by_platform/runway/credits", json!("25"))
        .json_eq("/total/credits_by_platform/makeclipai/credits", json!("40"));
    ok(&sandbox, &["--json", "report", "--by", "project"])
        .json_eq("/rows/0/credits", json!(null))
        .json_eq("/rows/0/credits_by_platform/runway/credits", json!("25"));
    ok(&sandbox, &["report", "--by", "project"]).stdout_has("40 makeclipai + 25 runway");
    // One platform in a row: its credits are a number again.
    ok(&sandbox, &["--json", "report", "--by", "platform"])
        .json_eq("/rows/0/credits", json!("40"))
        .json_eq("/rows/1/credits", json!("25"));

    // A credits budget names its platform.
    let before = DbState::of(&sandbox.db());
    let run = sandbox.run(&["budget", "set", "p", "100", "--credits"]);
    run.usage_error().stderr_has("--platform");
    before.assert_same(&sandbox.db(), &run);

    ok(
        &sandbox,
        &[
            "budget",
            "set",
            "p",
            "30",
            "--credits",
            "--platform",
            "Runway",
        ],
    );
    ok(&sandbox, &["--json", "budget", "list"])
        .json_eq("/0/platform", json!("runway"))
        .json_eq("/0/used", json!("25"))
        .json_eq("/0/left", json!("5"))
        .json_eq("/0/exceeded", json!(false));
    ok(&sandbox, &["budget", "check"]);
    // 40 makeclipai credits would exceed a 30 budget if they were counted.
    ok(&sandbox, &["budget", "list"]).stdout_has("25 runway credits");
}

// ---- 4. status changes are explicit ----

#[test]
fn status_changes_follow_the_rules() {
    let sandbox = on_runway_standard();
    ok(
        &sandbox,
        &[
            "log",
            "runway",
            "gen-4-turbo",
            "--duration",
            "5",
            "--at",
            "2026-11-05",
        ],
    );
    ok(&sandbox, &["refund", "1", "--at", "2026-11-06", "--force"]);
    assert_eq!(
        entry(&sandbox, 1)["refunded_at"],
        json!("2026-11-06T00:00:00+00:00")
    );
    assert_eq!(available(&sandbox, "runway"), d("625"));

    // Refunding again keeps the first refund time, and the balance.
    let before = DbState::of(&sandbox.db());
    let again = ok(&sandbox, &["refund", "1"]);
    before.assert_same(&sandbox.db(), &again);
    assert_eq!(
        entry(&sandbox, 1)["refunded_at"],
        json!("2026-11-06T00:00:00+00:00")
    );
    assert_eq!(available(&sandbox, "runway"), d("625"));

    // `fail` on a refunded entry would undo the refund: refused, with the way to force it.
    let before = DbState::of(&sandbox.db());
    let refused = sandbox.run(&["fail", "1"]);
    refused.error().stderr_has("--force");
    before.assert_same(&sandbox.db(), &refused);
    ok(&sandbox, &["fail", "1", "--force"]);
    let failed = entry(&sandbox, 1);
    assert_eq!(
        (&failed["status"], &failed["refunded_at"]),
        (&json!("failed"), &json!(null))
    );
    assert_eq!(available(&sandbox, "runway"), d("600"));

    // A wrong `fail` is undone.
    ok(&sandbox, &["edit", "1", "--status", "ok"]);
    assert_eq!(entry(&sandbox, 1)["status"], json!("ok"));

    // A refund at a given time.
    ok(
        &sandbox,
        &["edit", "1", "--status", "refunded", "--at", "2026-11-10"],
    );
    let refunded = entry(&sandbox, 1);
    assert_eq!(
        (&refunded["status"], &refunded["refunded_at"]),
        (&json!("refunded"), &json!("2026-11-10T00:00:00+00:00"))
    );

    // `--at` is the time of a refund only.
    let before = DbState::of(&sandbox.db());
    let run = sandbox.run(&["edit", "1", "--status", "ok", "--at", "2026-11-10"]);
    run.error();
    before.assert_same(&sandbox.db(), &run);
}

// ---- 5. reprice ----

#[test]
fn reprice_prices_entries_after_the_top_up_that_paid_for_them() {
    let sandbox = on_runway_standard();
    // 700 credits on a 625-credit balance: 75 beyond it, money unknown.
    ok(
        &sandbox,
        &[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "10",
            "--credits",
            "700",
            "--at",
            "2026-11-10",
        ],
    )
    .stderr_has("beyond");
    assert_eq!(entry(&sandbox, 1)["cost"], json!(null));
    // The user's own price is kept by reprice.
    ok(
        &sandbox,
        &[
            "log",
            "runway",
            "gen-4-turbo",
            "--duration",
            "5",
            "--at",
            "2026-11-11",
            "--price-per-credit",
            "0.5",
        ],
    );
    // The top-up that paid for the 75, bought before the clip: $0.05 a credit.
    ok(
        &sandbox,
        &[
            "topup",
            "runway",
            "--credits",
            "100",
            "--price",
            "5",
            "--at",
            "2026-11-09",
        ],
    );

    let before = DbState::of(&sandbox.db());
    let dry = ok(&sandbox, &["reprice", "--dry-run"]);
    dry.stdout_has("#1")
        .stdout_has("$18.75")
        .stdout_lacks("#2 ");
    before.assert_same(&sandbox.db(), &dry);
    assert_eq!(entry(&sandbox, 1)["cost"], json!(null));

    // 625 × $0.024 + 75 × $0.05.
    ok(&sandbox, &["reprice"]).stdout_has("$18.75");
    assert_eq!(
        common::decimal(&entry(&sandbox, 1)["cost"]),
        Some(d("18.75"))
    );
    ok(&sandbox, &["history"]).stdout_has("$18.75");
    assert_eq!(
        common::decimal(&entry(&sandbox, 2)["cost"]),
        Some(d("12.5")),
        "--price-per-credit kept"
    );

    // Nothing left to do.
    let before = DbState::of(&sandbox.db());
    let again = ok(&sandbox, &["reprice"]);
    again.stdout_lacks("#1");
    before.assert_same(&sandbox.db(), &again);
}

// ---- the architecture rules, read from the source ----

/// What the table assumed is said and stored: a clip logged without a length is the
/// shortest length the table prices, and reports count its seconds.
#[test]
fn a_clip_logged_without_a_length_says_and_stores_the_length_it_was_priced_as() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, &["log", "runway", "gen-4", "--project", "x"])
        .stderr_has("no duration given: priced as the shortest length, 5 s");
    assert_eq!(entry(&sandbox, 1)["duration"], json!("5"));
    ok(&sandbox, &["--json", "report"]).json_eq("/total/seconds", json!("5"));
    // An imported row without a length likewise; and it says how it was priced.
    let csv = sandbox.write("rows.csv", "platform,model,project\nRunway,Gen-4,x\n");
    ok(&sandbox, &["import", &csv.display().to_string()]);
    assert_eq!(entry(&sandbox, 2)["duration"], json!("5"));
    assert_eq!(entry(&sandbox, 2)["price_source"], json!("cheapest_plan"));
}

/// On a balance, `estimate` names the credits it would draw on, as `log` stores them.
#[test]
fn an_estimate_from_the_balance_says_which_credits_it_draws_on() {
    let sandbox = on_runway_standard();
    let run = ok(
        &sandbox,
        &["estimate", "runway", "gen-4", "--duration", "10"],
    );
    run.stdout_has("your account's plan")
        .stdout_has("priced from");
    let est = ok(
        &sandbox,
        &["--json", "estimate", "runway", "gen-4", "--duration", "10"],
    );
    let logged = ok(
        &sandbox,
        &["--json", "log", "runway", "gen-4", "--duration", "10"],
    );
    assert_eq!(est.json_at("/pricing"), logged.json_at("/pricing"));
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return out;
    }
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
        let path = e.expect("a dir entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The code of a file without comment lines (docs may name other layers).
fn code_of(path: &std::path::Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn commands_import_no_other_command() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let commands: Vec<String> = rust_files(&src.join("commands"))
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|s| s != "mod")
        .collect();
    assert!(
        commands.len() > 5,
        "found the command modules: {commands:?}"
    );
    let mut broken = Vec::new();
    for file in rust_files(&src.join("commands")) {
        let code = code_of(&file);
        let squeezed: String = code.split_whitespace().collect();
        for other in &commands {
            for needle in [
                format!("usesuper::{other}"),
                format!("super::{other}::"),
                format!("crate::commands::{other}"),
                format!("usesuper::{{{other}"),
            ] {
                if squeezed.contains(&needle) {
                    broken.push(format!("{} uses command `{other}`", file.display()));
                }
            }
        }
        // `use super::{a, b}` lists.
        for (i, _) in squeezed.match_indices("usesuper::{") {
            let list = &squeezed[i + "usesuper::{".len()..];
            let list = &list[..list.find('}').unwrap_or(list.len())];
            for name in list.split(',') {
                if commands.iter().any(|c| c == name) {
                    broken.push(format!("{} uses command `{name}`", file.display()));
                }
            }
        }
    }
    // The layers below the commands are crates: `tests/layers.rs` checks them.
    broken.sort();
    broken.dedup();
    assert!(
        broken.is_empty(),
        "layer rules broken:\n{}",
        broken.join("\n")
    );
}

// ---- no panic on any input, and a command that fails creates no database ----

const I64_MAX: &str = "9223372036854775807";
const I64_MIN: &str = "-9223372036854775808";
/// Decimal's largest value.
const MAX: &str = "79228162514264337593543950335";
/// Decimal's smallest positive step.
const TINY: &str = "0.0000000000000000000000000001";
const FAR: &str = "100000000d";
const ESC: &str = "\u{1b}[31m";
const BEL: &str = "\u{7}";

/// Every subcommand, each flag fed the extremes of its kind.
fn extreme_runs() -> Vec<Vec<String>> {
    let ids = [I64_MAX, "-1", I64_MIN, "0"];
    let numbers = [
        MAX,
        TINY,
        "-1",
        "",
        "-79228162514264337593543950335",
        "1e30",
    ];
    let times = [FAR, "-100000000d", "", ESC, "9999-12-31", "0000-01-01", MAX];
    let names = ["", ESC, BEL, "runway", "Runway"];
    let counts = ["4294967295", "18446744073709551615", "0"];
    let mut runs: Vec<Vec<&str>> = Vec::new();
    let mut add = |args: Vec<&'static str>| runs.push(args);
    for n in names {
        add(vec!["estimate", n, "gen-4"]);
        add(vec!["estimate", "runway", n]);
        add(vec!["estimate", "runway", "gen-4", "--plan", n]);
        add(vec!["estimate", "runway", "gen-4", "--resolution", n]);
        add(vec!["estimate", "runway", "gen-4", "--mode", n]);
        add(vec!["estimate", "--shots", n]);
        add(vec![
            "calc",
            "--plan-price",
            "1",
            "--plan-credits",
            "1",
            "--clip-credits",
            "1",
            "--currency",
            n,
        ]);
        add(vec!["compare", "--platform", n]);
        add(vec!["compare", "--max-plan", n]);
        add(vec!["compare", "--resolution", n, "--mode", n]);
        add(vec!["pricing", "show", n]);
        add(vec!["pricing", "validate", n]);
        add(vec!["pricing", "update", "--from", n]);
        add(vec!["pricing", "bundle", n, "-o", n]);
        add(vec!["log", n, "gen-4", "--credits", "5"]);
        add(vec!["log", "runway", n, "--credits", "5"]);
        add(vec![
            "log",
            n,
            n,
            "--credits",
            "5",
            "--price-per-credit",
            "1",
        ]);
        add(vec![
            "log",
            "runway",
            "gen-4-turbo",
            "--duration",
            "5",
            "--project",
            n,
            "--note",
            n,
        ]);
        add(vec![
            "log",
            "runway",
            "gen-4-turbo",
            "--duration",
            "5",
            "--plan",
            n,
        ]);
        add(vec![
            "log",
            "runway",
            "gen-4-turbo",
            "--duration",
            "5",
            "--tag",
            "k=\u{1b}",
        ]);
        add(vec!["edit", "1", "--project", n, "--note", n]);
        add(vec!["edit", I64_MAX, "--untag", n]);
        add(vec![
            "history",
            "--platform",
            n,
            "--model",
            n,
            "--project",
            n,
        ]);
        add(vec!["report", "--by", n]);
        add(vec!["report", "--project", n, "--platform", n]);
        add(vec!["export", "--format", "json", "--platform", n]);
        add(vec!["export", "--output", n]);
        add(vec!["import", n]);
        add(vec!["reprice", "--platform", n, "--model", n]);
        add(vec!["account", "set", n, "--plan", "standard"]);
        add(vec!["account", "set", "runway", "--plan", n]);
        add(vec!["topup", n, "--credits", "5", "--price", "1"]);
        add(vec!["topup", "runway", "--pack", n]);
        add(vec!["adjust", n, "5", "--note", "x"]);
        add(vec!["adjust", "runway", "5", "--note", n]);
        add(vec!["balance", n]);
        add(vec!["budget", "set", n, "5", "--money"]);
        add(vec!["budget", "set", "p", "5", "--money", "--currency", n]);
        add(vec![
            "budget",
            "set",
            "p",
            "5",
            "--credits",
            "--platform",
            n,
        ]);
        add(vec!["budget", "rm", n]);
        add(vec!["budget", "rm", "p", "--platform", n]);
        add(vec!["completions", n]);
    }
    for x in numbers {
        for flag in ["--duration", "--price-per-credit"] {
            add(vec!["estimate", "runway", "gen-4", flag, x]);
            add(vec!["log", "runway", "gen-4", flag, x]);
            add(vec![
                "log",
                "runway",
                "gen-4-turbo",
                "--duration",
                "5",
                flag,
                x,
            ]);
        }
        add(vec![
            "estimate",
            "runway",
            "aleph",
            "--duration",
            x,
            "--count",
            "4294967295",
        ]);
        add(vec![
            "log",
            "x",
            "y",
            "--credits",
            x,
            "--price-per-credit",
            "2",
        ]);
        add(vec!["log", "runway", "gen-4", "--credits", x]);
        add(vec![
            "log",
            "runway",
            "gen-4",
            "--credits",
            x,
            "--price-per-credit",
            x,
        ]);
        add(vec!["log", "openai", "sora-2", "--duration", x]);
        add(vec![
            "calc",
            "--plan-price",
            x,
            "--plan-credits",
            x,
            "--clip-credits",
            x,
            "--seconds",
            x,
        ]);
        add(vec![
            "calc",
            "--plan-price",
            MAX,
            "--plan-credits",
            TINY,
            "--clip-credits",
            MAX,
            "--seconds",
            x,
        ]);
        add(vec!["compare", "--duration", x]);
        add(vec!["topup", "runway", "--credits", x, "--price", x]);
        add(vec![
            "topup",
            "runway",
            "--credits",
            MAX,
            "--price",
            TINY,
            "--expires-in",
            "4294967295",
        ]);
        add(vec!["adjust", "runway", x, "--note", "x"]);
        add(vec!["adjust", "runway", x, "--note", "x", "--force"]);
        add(vec!["budget", "set", "p", x, "--money"]);
        add(vec![
            "budget",
            "set",
            "p",
            x,
            "--credits",
            "--platform",
            "runway",
        ]);
    }
    for t in times {
        add(vec![
            "log",
            "runway",
            "gen-4-turbo",
            "--duration",
            "5",
            "--at",
            t,
        ]);
        add(vec!["refund", "1", "--at", t]);
        add(vec!["edit", "1", "--status", "refunded", "--at", t]);
        add(vec!["edit", "1", "--status", "ok", "--at", t]);
        add(vec!["history", "--since", t]);
        add(vec!["history", "--until", t]);
        add(vec!["report", "--since", t, "--until", t]);
        add(vec!["export", "--since", t]);
        add(vec!["export", "--format", "json", "--until", t]);
        add(vec!["reprice", "--since", t, "--until", t]);
        add(vec!["reprice", "--dry-run", "--since", t]);
        add(vec![
            "account", "set", "runway", "--plan", "pro", "--since", t,
        ]);
        add(vec![
            "topup",
            "runway",
            "--credits",
            "5",
            "--price",
            "1",
            "--at",
            t,
        ]);
        add(vec!["adjust", "runway", "5", "--note", "x", "--at", t]);
        add(vec!["balance", "--as-of", t]);
        add(vec!["balance", "runway", "--as-of", t]);
    }
    for id in ids {
        add(vec!["fail", id]);
        add(vec!["fail", id, "--force"]);
        add(vec!["refund", id]);
        add(vec!["edit", id, "--status", "failed"]);
        add(vec!["edit", id, "--note", "x"]);
        add(vec!["edit", id]);
        add(vec!["rm", id]);
    }
    for c in counts {
        add(vec!["estimate", "runway", "gen-4", "--count", c]);
        add(vec!["estimate", "runway", "gen-4", "--refs", c]);
        add(vec![
            "estimate",
            "videodraft",
            "google-text-to-speech",
            "--chars",
            c,
        ]);
        add(vec![
            "log",
            "runway",
            "gen-4-turbo",
            "--duration",
            "5",
            "--count",
            c,
        ]);
        add(vec!["history", "--limit", c]);
        add(vec![
            "account",
            "set",
            "runway",
            "--plan",
            "pro",
            "--renews-on",
            c,
        ]);
        add(vec![
            "topup",
            "runway",
            "--credits",
            "5",
            "--price",
            "1",
            "--expires-in",
            c,
        ]);
    }
    for plain in [
        &["pricing", "list"][..],
        &["pricing", "dirs"],
        &["pricing", "status"],
        &["pricing", "update", "--remove"],
        &["refunds"],
        &["account", "list"],
        &["budget", "list"],
        &["budget", "check"],
        &["history"],
        &["report"],
        &["export"],
        &["balance"],
        &["reprice"],
        &["completions", "bash"],
        &["completions", "zsh"],
        &["completions", "fish"],
        &["completions", "powershell"],
        &["completions", "elvish"],
        &["man"],
    ] {
        add(plain.to_vec());
    }
    runs.into_iter()
        .map(|r| r.into_iter().map(String::from).collect())
        .collect()
}

fn remove_db(sandbox: &Sandbox) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = sandbox.db().into_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(std::path::PathBuf::from(p));
    }
}

#[test]
fn every_subcommand_survives_extreme_values_and_a_failure_creates_no_database() {
    let sandbox = Sandbox::with_db();
    let runs = extreme_runs();
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        for json in [false, true] {
            remove_db(&sandbox);
            let mut argv = args.clone();
            if json {
                argv.insert(0, "--json");
            }
            let run = sandbox.run(&argv);
            run.check(
                run.code != 101 && run.code >= 0,
                "an exit code, not a panic",
            );
            if run.code != 0 && run.code != 3 {
                run.check(
                    run.stderr.lines().any(|l| l.starts_with("error:")),
                    "an `error:` line when the command fails",
                );
                run.check(
                    !sandbox.db().exists(),
                    "no database file after a failed command",
                );
            }
            run.check(
                !sandbox.default_db().exists(),
                "nothing written to the default database",
            );
        }
    }

    // The same runs against a log that holds entries, a balance and a budget: no panic.
    remove_db(&sandbox);
    for args in [
        &[
            "account",
            "set",
            "runway",
            "--plan",
            "standard",
            "--since",
            "2026-11-01",
        ][..],
        &[
            "log",
            "runway",
            "gen-4-turbo",
            "--duration",
            "5",
            "--project",
            "p",
        ],
        &[
            "log",
            "makeclipai",
            "pika-basic",
            "--project",
            "p",
            "--failed",
        ],
        &["budget", "set", "p", "5", "--money"],
    ] {
        ok(&sandbox, args);
    }
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = sandbox.run(&args);
        run.check(
            run.code != 101 && run.code >= 0,
            "an exit code, not a panic",
        );
    }
}

// ---- a closed pipe is quiet ----

/// Runs `args` with stdout to a pipe the reader closes after `read` bytes (0: before the
/// command writes anything), and returns the finished run.
fn piped_into_a_short_reader(sandbox: &Sandbox, args: &[&str], read: usize) -> Run {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = sandbox
        .command(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn credits");
    let mut stdout = child.stdout.take().expect("a stdout pipe");
    if read > 0 {
        let mut buf = vec![0u8; read];
        stdout.read_exact(&mut buf).expect("read the first bytes");
    }
    drop(stdout);
    let output = child.wait_with_output().expect("wait for credits");
    sandbox.finished(args, output)
}

#[test]
fn a_reader_that_closes_early_gets_no_error_and_no_noise() {
    let sandbox = Sandbox::with_db();
    // Enough entries that history and export outgrow a pipe's buffer (64 KiB).
    let mut csv = String::from("at,platform,model,duration,project,note\n");
    for i in 0..3000 {
        csv.push_str(&format!(
            "2026-11-{:02}T{:02}:{:02}:00Z,runway,gen-4-turbo,5,project-{},a note long enough to fill lines\n",
            i % 20 + 1,
            i % 24,
            i % 60,
            i % 7
        ));
    }
    sandbox.write("many.csv", &csv);
    ok(&sandbox, &["import", "many.csv"]);
    let commands: [&[&str]; 8] = [
        &["completions", "bash"],
        &["completions", "zsh"],
        &["man"],
        &["history"],
        &["--json", "history"],
        &["export"],
        &["export", "--format", "json"],
        &["report", "--by", "day", "--by", "project"],
    ];
    for args in commands {
        for read in [0, 16] {
            let run = piped_into_a_short_reader(&sandbox, args, read);
            run.code(0);
            run.check_eq("stderr", "", run.stderr.as_str());
        }
    }
    // Every other command that prints: exit 0 and no error (notes about the tables may stay).
    ok(&sandbox, &["budget", "set", "project-1", "5", "--money"]);
    ok(&sandbox, &["fail", "1"]);
    let others: [&[&str]; 14] = [
        &["pricing", "list"],
        &["pricing", "show", "runway"],
        &["pricing", "dirs"],
        &["estimate", "runway", "gen-4", "--duration", "10"],
        &[
            "calc",
            "--plan-price",
            "30",
            "--plan-credits",
            "3000",
            "--clip-credits",
            "50",
        ],
        &["compare"],
        &["--json", "compare"],
        &["refunds"],
        &["account", "list"],
        &["balance"],
        &["budget", "list"],
        &["reprice", "--dry-run"],
        &["--json", "report", "--by", "day"],
        &["history", "--csv"],
    ];
    for args in others {
        let run = piped_into_a_short_reader(&sandbox, args, 0);
        run.code(0).stderr_lacks("error");
    }
}

#[test]
fn a_failed_command_leaves_neither_a_database_nor_a_folder_for_it() {
    let sandbox = Sandbox::new();
    let data_dir = sandbox
        .default_db()
        .parent()
        .expect("a data dir")
        .to_path_buf();
    for args in [
        &["edit", "1"][..],
        &["fail", "99"],
        &["import", "/nonexistent.csv"],
        &["budget", "rm", "nosuch"],
        &["adjust", "runway", "-5", "--note", "x"],
        &[
            "--db",
            "sub/dir/x.db",
            "adjust",
            "runway",
            "-5",
            "--note",
            "x",
        ],
        &[
            "--db",
            "sub/dir/x.db",
            "account",
            "set",
            "runway",
            "--plan",
            "nosuch",
        ],
    ] {
        let run = sandbox.run(args);
        run.error();
        run.check(!data_dir.exists(), "no data dir made by a failed command");
        run.check(
            !sandbox.path().join("sub").exists(),
            "no folder made for --db by a failed command",
        );
    }
    // A folder that was already there stays.
    std::fs::create_dir_all(sandbox.path().join("sub")).expect("make sub");
    sandbox
        .run(&[
            "--db",
            "sub/dir/x.db",
            "adjust",
            "runway",
            "-5",
            "--note",
            "x",
        ])
        .error();
    assert!(sandbox.path().join("sub").exists());
    assert!(!sandbox.path().join("sub/dir").exists());
    // A command that succeeds keeps what it made.
    ok(
        &sandbox,
        &[
            "--db",
            "sub/dir/x.db",
            "adjust",
            "runway",
            "5",
            "--note",
            "x",
        ],
    );
    assert!(sandbox.path().join("sub/dir/x.db").exists());
}
