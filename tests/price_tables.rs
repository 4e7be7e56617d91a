//! "Entries remember their prices": each entry records which pricing table priced it (the
//! platform table's date and hash), so a report can say what it was priced with and
//! `reprice` knows what changed. Held at the binary: what `history`, `report`, `reprice`,
//! `export` and `import` say, with a user file patching the shipped Runway table.
//!
//! Numbers from the shipped Runway table: Gen-4 costs 12 credits a second (120 for 10 s) and
//! Standard $15 for 625 credits ($0.024 a credit), so a 10 s clip is $2.88. The user file
//! below prices Gen-4 at 11 a second and Standard at $12 ($0.0192 a credit).

mod common;

use common::{ok, open_db, DbState, Run, Sandbox};
use serde_json::{json, Value};

/// A user file patching the shipped Runway table: one model rate and one plan price.
const PATCH: &str = "name = \"Runway\"\nas_of = 2026-11-01\n\
[[plan]]\nname = \"Standard\"\nprice = 12\ncredits = 625\n\
[[model]]\nname = \"Gen-4\"\nmin_plan = \"Standard\"\nper_second = 11\n";

/// A user file that changes only Gen-4's rate (the example): a new table, the same
/// price per credit.
const RATE_ONLY: &str = "name = \"Runway\"\nas_of = 2026-11-01\n\
[[model]]\nname = \"Gen-4\"\nmin_plan = \"Standard\"\nper_second = 11\n";

/// The same, with the user file's folder as `--pricing-dir`.
#[track_caller]
fn ok_patched(sandbox: &Sandbox, args: &[&str]) -> Run {
    let dir = sandbox.path().join("mine").display().to_string();
    let mut all = vec!["--pricing-dir", dir.as_str()];
    all.extend_from_slice(args);
    ok(sandbox, &all)
}

/// A sandbox with a log database and the user file written (used only with `ok_patched`).
fn sandbox() -> Sandbox {
    let sandbox = Sandbox::with_db();
    sandbox.write("mine/runway.toml", PATCH);
    sandbox
}

/// What an entry priced with the table `pricing show` loads records: `{as_of, sha256}`.
#[track_caller]
fn table_of(show: &Run) -> Value {
    let as_of = show.json_at("/as_of");
    let sha256 = show.json_at("/sha256");
    show.check(
        sha256.as_str().is_some_and(|s| {
            s.len() == 64
                && s.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        }),
        "`sha256` of 64 lowercase hex digits",
    );
    json!({"as_of": as_of, "sha256": sha256})
}

/// `history --json`'s `priced_with` by entry id, oldest first.
#[track_caller]
fn priced_with(sandbox: &Sandbox) -> Vec<(i64, Value)> {
    let run = ok(sandbox, &["--json", "history"]);
    let mut out: Vec<(i64, Value)> = run
        .json()
        .as_array()
        .unwrap_or_else(|| run.fail("an array of entries", run.json()))
        .iter()
        .map(|e| {
            (
                e["id"].as_i64().unwrap_or_default(),
                e.get("priced_with")
                    .cloned()
                    .unwrap_or_else(|| run.fail("`priced_with` on every entry", e)),
            )
        })
        .collect();
    out.sort_by_key(|(id, _)| *id);
    out
}

fn short(table: &Value) -> String {
    format!(
        "{} ({})",
        table["as_of"].as_str().unwrap_or_default(),
        &table["sha256"].as_str().unwrap_or_default()[..8]
    )
}

#[test]
fn an_entry_records_the_table_that_priced_it() {
    let sandbox = sandbox();
    let shipped = table_of(&ok(&sandbox, &["--json", "pricing", "show", "runway"]));
    // `pricing list --json` gives the same hash.
    let list = ok(&sandbox, &["--json", "pricing", "list"]);
    let runway = list
        .json()
        .as_array()
        .and_then(|a| a.iter().find(|p| p["platform"] == "runway").cloned())
        .unwrap_or_else(|| list.fail("runway in `pricing list --json`", "absent"));
    list.check_eq(
        "the hash `pricing list` gives",
        &shipped["sha256"],
        &runway["sha256"],
    );
    // And the text of `pricing show` names it in short.
    ok(&sandbox, &["pricing", "show", "runway"])
        .stdout_has(&format!("table stamp {}", short(&shipped)));

    let logged = ok(
        &sandbox,
        &["--json", "log", "runway", "gen-4", "--duration", "10"],
    );
    logged.json_eq("/priced_with", shipped.clone());
    // Logged with its credits on a model no table knows: no table priced it.
    ok(&sandbox, &["log", "runway", "gen-9", "--credits", "40"]);
    let history = priced_with(&sandbox);
    assert_eq!(history, vec![(1, shipped), (2, Value::Null)]);

    // Normalised: one `price_table` row, and an integer per entry.
    let conn = open_db(&sandbox.db());
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM price_table", [], |r| r.get(0))
        .expect("count price tables");
    let ids: Vec<Option<i64>> = conn
        .prepare("SELECT price_table FROM entry ORDER BY id")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("read entry.price_table");
    assert_eq!((tables, ids), (1, vec![Some(1), None]));
}

#[test]
fn a_user_table_changes_the_stamp_and_the_report_says_what_older_entries_used() {
    let sandbox = sandbox();
    let shipped = table_of(&ok(&sandbox, &["--json", "pricing", "show", "runway"]));
    let patched = table_of(&ok_patched(
        &sandbox,
        &["--json", "pricing", "show", "runway"],
    ));
    assert_ne!(
        shipped["sha256"], patched["sha256"],
        "a patch changes the hash"
    );

    for _ in 0..2 {
        ok(&sandbox, &["log", "runway", "gen-4", "--duration", "10"]);
    }
    ok_patched(&sandbox, &["log", "runway", "gen-4", "--duration", "10"])
        .stdout_has("110 credits, $2.11");
    assert_eq!(
        priced_with(&sandbox),
        vec![
            (1, shipped.clone()),
            (2, shipped.clone()),
            (3, patched.clone())
        ]
    );

    // With the user file, the two shipped-table entries are the older ones.
    let report = ok_patched(&sandbox, &["report"]);
    report.check_eq(
        "the priced-with line",
        format!(
            "priced with: runway table of {} for 2 entries; current runway table {} for 1 entry",
            short(&shipped),
            short(&patched)
        ),
        report.line("priced with:"),
    );
    let json = ok_patched(&sandbox, &["--json", "report"]);
    json.json_eq(
        "/priced_with",
        json!([
            {"platform": "runway", "as_of": patched["as_of"], "sha256": patched["sha256"],
             "entries": 1, "current": true},
            {"platform": "runway", "as_of": shipped["as_of"], "sha256": shipped["sha256"],
             "entries": 2, "current": false},
        ]),
    );
    // Without it, the other way round.
    let report = ok(&sandbox, &["report"]);
    report.check_eq(
        "the priced-with line",
        format!(
            "priced with: runway table of {} for 1 entry; current runway table {} for 2 entries",
            short(&patched),
            short(&shipped)
        ),
        report.line("priced with:"),
    );
    // Filters apply: the older entries alone, all on the current table, say nothing.
    ok(&sandbox, &["report", "--until", "2026-11-20"]).stdout_lacks("priced with:");
}

#[test]
fn reprice_prices_older_entries_with_the_current_table_and_says_so() {
    let sandbox = sandbox();
    let shipped = table_of(&ok(&sandbox, &["--json", "pricing", "show", "runway"]));
    let patched = table_of(&ok_patched(
        &sandbox,
        &["--json", "pricing", "show", "runway"],
    ));
    for _ in 0..2 {
        ok(&sandbox, &["log", "runway", "gen-4", "--duration", "10"]).stdout_has("$2.88");
    }

    // A dry run says what would change and writes nothing.
    let before = DbState::of(&sandbox.db());
    let dry = ok_patched(&sandbox, &["reprice", "--dry-run"]);
    dry.stdout_has("#1 runway gen-4: $2.88 → $2.30")
        .stdout_has("2 of 2 entries would change")
        .stdout_has(&format!(
            "runway: 2 entries priced with the table of {}; would be priced with the current one, {}",
            short(&shipped),
            short(&patched)
        ))
        .stdout_has("nothing written (--dry-run)");
    before.assert_same(&sandbox.db(), &dry);

    let run = ok_patched(&sandbox, &["--json", "reprice"]);
    run.json_eq("/changed/0/priced_with_before", shipped.clone())
        .json_eq("/changed/0/priced_with_after", patched.clone())
        .json_eq(
            "/tables",
            json!([{
                "platform": "runway",
                "older": [{"as_of": shipped["as_of"], "sha256": shipped["sha256"], "entries": 2}],
                "unrecorded": 0,
                "current": patched,
            }]),
        );
    assert_eq!(
        priced_with(&sandbox),
        vec![(1, patched.clone()), (2, patched.clone())]
    );
    ok_patched(&sandbox, &["report"]).stdout_lacks("priced with:");

    // Back on the shipped table: the money and the table go back.
    let run = ok(&sandbox, &["reprice"]);
    run.stdout_has("#1 runway gen-4: $2.30 → $2.88")
        .stdout_has("2 of 2 entries changed")
        .stdout_has(&format!(
            "runway: 2 entries priced with the table of {}; now priced with the current one, {}",
            short(&patched),
            short(&shipped)
        ));

    // A table that changes only a model's rate: credits stay as logged, so the money is the
    // same, but the entries now record that table.
    sandbox.write("rate/runway.toml", RATE_ONLY);
    let rate_dir = sandbox.path().join("rate").display().to_string();
    let rate = table_of(&ok(
        &sandbox,
        &[
            "--pricing-dir",
            &rate_dir,
            "--json",
            "pricing",
            "show",
            "runway",
        ],
    ));
    let run = ok(&sandbox, &["--pricing-dir", &rate_dir, "reprice"]);
    run.stdout_has("0 of 2 entries changed")
        .stdout_has(&format!(
            "runway: 2 entries priced with the table of {}; now priced with the current one, {}",
            short(&shipped),
            short(&rate)
        ));
    assert_eq!(priced_with(&sandbox), vec![(1, rate.clone()), (2, rate)]);

    // Nothing left to do: said so, and nothing written.
    let before = DbState::of(&sandbox.db());
    let again = ok(&sandbox, &["--pricing-dir", &rate_dir, "--json", "reprice"]);
    again
        .json_eq("/changed", json!([]))
        .json_eq("/restamped", json!(0))
        .json_eq("/tables", json!([]));
    before.assert_same(&sandbox.db(), &again);
}

#[test]
fn export_and_import_keep_the_recorded_table_out_of_the_dedup_key() {
    let sandbox = sandbox();
    ok(&sandbox, &["log", "runway", "gen-4", "--duration", "10"]);
    ok_patched(&sandbox, &["log", "runway", "gen-4", "--duration", "5"]);
    ok(&sandbox, &["log", "runway", "gen-9", "--credits", "40"]);
    let source = priced_with(&sandbox);

    let csv = ok(&sandbox, &["export"]);
    let header = csv.stdout.lines().next().unwrap_or_default();
    csv.check(
        header.ends_with(",price_source,priced_with_as_of,priced_with_sha256,logged_by,machine"),
        "the two columns after price_source (then who logged it, schema 10)",
    );
    sandbox.write("log.csv", &csv.stdout);
    let json = ok(&sandbox, &["export", "--format", "json"]);
    sandbox.write("log.json", &json.stdout);

    for file in ["log.csv", "log.json"] {
        let mut fresh = Sandbox::new();
        let db = fresh.path().join("fresh.db").display().to_string();
        fresh.env("CREDITS_DB", &db);
        let path = sandbox.path().join(file).display().to_string();
        ok(&fresh, &["import", &path]).stdout_has("3 rows, 3 added");
        assert_eq!(
            priced_with(&fresh),
            source,
            "{file}: a round trip keeps the tables"
        );
        // And back into the log it came from: nothing new.
        ok(&sandbox, &["import", &path]).stdout_has("3 rows, 0 added, 3 already in the log");
    }

    // A file without dedup keys gets them from its rows; the table columns are not part of
    // them, so the same rows with and without a table are the same entries.
    let shipped = table_of(&ok(&sandbox, &["--json", "pricing", "show", "runway"]));
    let rows = "at,platform,model,duration,credits,cost,currency,pricing";
    let row = "2026-11-02T10:00:00Z,runway,gen-4,10,120,2.88,USD,by hand";
    sandbox.write("plain.csv", &format!("{rows}\n{row}\n"));
    sandbox.write(
        "stamped.csv",
        &format!(
            "{rows},priced_with_as_of,priced_with_sha256\n{row},{},{}\n",
            shipped["as_of"].as_str().unwrap_or_default(),
            shipped["sha256"].as_str().unwrap_or_default()
        ),
    );
    ok(&sandbox, &["import", "stamped.csv"]).stdout_has("1 rows, 1 added");
    ok(&sandbox, &["import", "plain.csv"]).stdout_has("1 rows, 0 added, 1 already in the log");
    let imported = priced_with(&sandbox);
    assert_eq!(imported.last().map(|(_, t)| t.clone()), Some(shipped));

    // A row priced by the import records the table that priced it, whatever the file said.
    let patched = table_of(&ok_patched(
        &sandbox,
        &["--json", "pricing", "show", "runway"],
    ));
    sandbox.write(
        "unpriced.csv",
        &format!(
            "platform,model,duration,priced_with_as_of,priced_with_sha256\nrunway,gen-4,5,2020-01-01,{}\n",
            "0".repeat(64)
        ),
    );
    ok_patched(&sandbox, &["import", "unpriced.csv"]).stdout_has("1 added");
    let last = priced_with(&sandbox).pop().map(|(_, t)| t);
    assert_eq!(last, Some(patched));
}

/// Schema 3 exactly as released: the first three migrations.
const MIGRATIONS_1_TO_3: [&str; 3] = [
    include_str!("../crates/store/src/migrations/0001_init.sql"),
    include_str!("../crates/store/src/migrations/0002_balances.sql"),
    include_str!("../crates/store/src/migrations/0003_engine.sql"),
];

#[test]
fn a_schema_3_log_opens_and_its_entries_record_no_table_until_repriced() {
    let sandbox = sandbox();
    {
        let conn = open_db(&sandbox.db());
        for sql in MIGRATIONS_1_TO_3 {
            conn.execute_batch(sql).expect("migrations 1 to 3");
        }
        conn.execute("DELETE FROM maintenance", [])
            .expect("no pending repair");
        conn.pragma_update(None, "application_id", 0x4352_4454)
            .expect("application_id");
        conn.pragma_update(None, "user_version", 3)
            .expect("user_version");
        conn.execute(
            "INSERT INTO entry (at, platform, model, duration_ms, credits_milli, cost_micro, \
             currency, pricing, price_source, dedup_key) VALUES ('2026-11-02T10:00:00Z', \
             'runway', 'gen-4', 10000, 120000, 2880000, 'USD', \
             'cheapest paid plan Standard, monthly', 'cheapest_plan', 'log:1')",
            [],
        )
        .expect("insert a schema-3 entry");
    }
    assert_eq!(priced_with(&sandbox), vec![(1, Value::Null)]);
    let version: i64 = open_db(&sandbox.db())
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("user_version");
    assert_eq!(
        version,
        i64::from(credits::SCHEMA_VERSION),
        "upgraded to the latest schema"
    );
    ok(&sandbox, &["report"])
        .stdout_has("$2.88")
        .stdout_lacks("priced with:");

    // `reprice` gives it the current table, and says it had none.
    let shipped = table_of(&ok(&sandbox, &["--json", "pricing", "show", "runway"]));
    ok(&sandbox, &["reprice"]).stdout_has(&format!(
        "runway: 1 entry with no table recorded; now priced with the current one, {}",
        short(&shipped)
    ));
    assert_eq!(priced_with(&sandbox), vec![(1, shipped)]);
}

#[test]
fn an_entry_logged_in_money_keeps_its_money_when_its_table_starts_counting_credits() {
    // Kling's API table went from dollars to units: entries logged before hold no credits,
    // so pricing them again from the new table would make them $0. A table in a pricing dir
    // plays it: "Clips API" bills $0.50 a clip, then counts 5 credits a clip sold in packs
    // of 1,000 for $90.
    let mut sandbox = Sandbox::with_db();
    let dir = sandbox.path().join("tables");
    sandbox.env("CREDITS_PRICING_DIR", dir.to_str().unwrap());
    sandbox.write(
        "tables/clips-api.toml",
        "name = \"Clips API\"\nas_of = 2026-11-01\nbilling = \"money\"\ncurrency = \"USD\"\n\
         [[model]]\nname = \"m1\"\ncredits = 0.5\n",
    );
    ok(&sandbox, &["log", "clips-api", "m1", "--at", "2026-11-10"]);
    sandbox.write(
        "tables/clips-api.toml",
        "name = \"Clips API\"\nas_of = 2026-11-20\ncurrency = \"USD\"\n\
         [[pack]]\nname = \"1,000 credits\"\nprice = 90\ncredits = 1000\n\
         [[model]]\nname = \"m1\"\ncredits = 5\n",
    );
    let run = ok(&sandbox, &["reprice", "--json"]);
    run.json_eq("/kept_billed_in_money", json!(1))
        .json_eq("/changed", json!([]));
    ok(&sandbox, &["reprice"])
        .stdout_has("1 kept: logged in money on a platform whose table now counts credits");
    ok(&sandbox, &["history", "--json"]).json_eq("/0/cost", json!("0.5"));
    // A new entry counts credits, priced at the pack's $0.09 a credit: 5 × $0.09 = $0.45.
    ok(&sandbox, &["log", "clips-api", "m1", "--json"]).json_eq("/cost", json!("0.45"));
}
