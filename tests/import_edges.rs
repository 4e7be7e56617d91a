//! Import edges (issue "Hardening"): errors point at the bad value (JSON: the field's own
//! line), numbers too large say so, values are never changed silently, and `log` refuses an
//! unknown mode or resolution as `estimate` does, writing nothing.

mod common;

use common::{entry_count, ok, DbState, Sandbox};

const MULTILINE_BAD_CREDITS: &str = r#"[
  {
    "platform": "runway",
    "model": "gen-4",
    "credits": "lots",
    "duration": 5,
    "project": "x"
  }
]
"#;

#[test]
fn a_json_error_names_the_line_and_field_of_the_bad_value() {
    let sandbox = Sandbox::with_db();
    let file = sandbox.write("bad.json", MULTILINE_BAD_CREDITS);
    sandbox
        .run(&["import", &file.display().to_string()])
        .error()
        .stderr_has("bad.json: line 5, field `credits`: `lots` is not a number of credits");
    // An unknown field names its own line too.
    let file = sandbox.write(
        "unknown.json",
        "[\n  {\n    \"platform\": \"runway\",\n    \"model\": \"gen-4\",\n    \"colour\": \"red\"\n  }\n]\n",
    );
    sandbox
        .run(&["import", &file.display().to_string()])
        .error()
        .stderr_has("unknown.json: line 5: unknown field `colour`");
    assert!(!sandbox.db().exists() || entry_count(&sandbox.db()) == 0);
}

#[test]
fn a_32_digit_number_in_an_import_file_is_too_large() {
    let sandbox = Sandbox::with_db();
    for (column, value) in [
        ("credits", "12345678901234567890123456789012"),
        ("duration", "12345678901234567890123456789012"),
    ] {
        let file = sandbox.write(
            "big.csv",
            &format!("platform,model,{column}\nrunway,gen-4,{value}\n"),
        );
        sandbox
            .run(&["import", &file.display().to_string()])
            .error()
            .stderr_has(&format!("line 2, column 3 ({column})"))
            .stderr_has("is too large (numbers have at most 28 digits)")
            .stderr_lacks("is not a");
        // In JSON, as a string and as a bare number (which JSON cannot hold exactly).
        let file = sandbox.write(
            "big.json",
            &format!("[\n{{\"platform\": \"runway\", \"model\": \"gen-4\",\n\"{column}\": \"{value}\"}}\n]\n"),
        );
        sandbox
            .run(&["import", &file.display().to_string()])
            .error()
            .stderr_has(&format!("line 3, field `{column}`"))
            .stderr_has("is too large (numbers have at most 28 digits)");
        let file = sandbox.write(
            "bare.json",
            &format!("[\n{{\"platform\": \"runway\", \"model\": \"gen-4\",\n\"{column}\": {value}}}\n]\n"),
        );
        sandbox
            .run(&["import", &file.display().to_string()])
            .error()
            .stderr_has("too large to be read exactly from JSON: write it in quotes")
            .stderr_has("line 3");
    }
}

#[test]
fn a_json_integer_beyond_what_a_float_holds_is_refused_not_rounded() {
    // 20 digits: more than u64 holds, so serde_json would hand over a rounded float.
    let sandbox = Sandbox::with_db();
    let file = sandbox.write(
        "round.json",
        "[{\"platform\": \"runway\", \"model\": \"gen-4\", \"credits\": 5, \"duration\": 23456789012345678901}]\n",
    );
    sandbox
        .run(&["import", &file.display().to_string()])
        .error()
        .stderr_has("write it in quotes");
    // A fraction with more digits than a float holds is refused too, not rounded.
    let file = sandbox.write(
        "fraction.json",
        "[{\"platform\": \"runway\", \"model\": \"gen-4\", \"duration\": 5, \"credits\": 0.12345678901234567891}]\n",
    );
    sandbox
        .run(&["import", &file.display().to_string()])
        .error()
        .stderr_has("more than 15 significant digits");
    // Written in quotes, the same digits are read exactly (and then checked as credits).
    let file = sandbox.write(
        "quoted.json",
        "[{\"platform\": \"runway\", \"model\": \"gen-4\", \"duration\": 5, \"credits\": \"2.5\"}]\n",
    );
    ok(&sandbox, &["import", &file.display().to_string()]);
}

#[test]
fn log_refuses_an_unknown_mode_or_resolution_like_estimate_writing_nothing() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, &["log", "runway", "gen-4", "--duration", "5"]);
    let before = DbState::of(&sandbox.db());
    for args in [
        &["kling-api", "kling-v2-6", "--mode", "nosuchmode"][..],
        &[
            "kling-api",
            "kling-v2-6",
            "--mode",
            "nosuchmode",
            "--credits",
            "5",
        ][..],
        &["fal", "pixverse-v6", "--resolution", "8k"][..],
        &["fal", "pixverse-v6", "--resolution", "8k", "--credits", "5"][..],
    ] {
        let estimate: Vec<&str> = ["estimate"].iter().chain(args).copied().collect();
        let log: Vec<&str> = ["log"].iter().chain(args).copied().collect();
        if !args.contains(&"--credits") {
            sandbox
                .run(&estimate)
                .error()
                .stderr_has("has no price for");
        }
        let run = sandbox.run(&log);
        run.error()
            .stderr_has("has no price for")
            .stderr_has("offers:");
        before.assert_same(&sandbox.db(), &run);
    }
}

#[test]
fn padded_values_are_trimmed_and_said_and_reimport_adds_nothing() {
    let sandbox = Sandbox::with_db();
    let file = sandbox.write(
        "pad.csv",
        "platform,model,duration,project,note\nrunway,gen-4,5,  padded  ,  keep  \nrunway, gen-4 ,5,x,\nrunway,gen-4,5,plain,\n",
    );
    let path = file.display().to_string();
    ok(&sandbox, &["import", &path])
        .stdout_has("3 rows, 3 added")
        .stderr_has(
            "note: 2 values had spaces around them, taken off as read (line 2, column project; line 3, column model); notes keep theirs",
        );
    let history = ok(&sandbox, &["history", "--csv"]);
    history.stdout_has(",padded,,  keep  ,");
    ok(&sandbox, &["import", &path]).stdout_has("0 added, 3 already in the log");
    ok(&sandbox, &["--json", "import", &path]).json_eq("/trimmed", serde_json::json!(2));
    // JSON: the same, and a file without padding says nothing.
    let json = sandbox.write(
        "pad.json",
        "[{\"platform\": \"runway\", \"model\": \"gen-4\", \"duration\": 5, \"project\": \" p \"}]\n",
    );
    ok(&sandbox, &["import", &json.display().to_string()])
        .stderr_has("1 value had spaces around it, taken off as read (line 1, column project)");
    let clean = sandbox.write("clean.csv", "platform,model,duration\nrunway,gen-4,7\n");
    ok(&sandbox, &["import", &clean.display().to_string()]).stderr_lacks("spaces around");
}

#[test]
fn an_imported_refund_before_its_generation_or_a_bad_currency_is_refused() {
    let sandbox = common::Sandbox::with_db();
    sandbox.write(
        "refund.csv",
        "at,platform,model,credits,status,refunded_at\n\
         2026-11-20T12:00:00Z,runway,gen-4,120,refunded,2026-11-19T00:00:00Z\n",
    );
    sandbox
        .run(&["import", "refund.csv"])
        .error()
        .stderr_has("refunded_at")
        .stderr_has("comes before the generation ran");
    sandbox.write(
        "cur.csv",
        "at,platform,model,credits,cost,currency\n2026-11-20T12:00:00Z,runway,gen-4,120,1,\u{1b}[31m\n",
    );
    sandbox
        .run(&["import", "cur.csv"])
        .error()
        .stderr_has("is not a currency code");
    // A failed import into a new log takes the log back: nothing was imported.
    assert!(!sandbox.db().exists(), "nothing imported, no log made");
}

#[test]
fn a_cost_the_file_gives_is_kept_not_replaced_by_the_tables() {
    // Found by an adversarial run: a row with cost and currency but no `pricing` was priced
    // again from the table ($2.88 USD) and the file's 100 EUR was dropped without a word.
    let sandbox = common::Sandbox::with_db();
    sandbox.write(
        "paid.csv",
        "at,platform,model,duration,cost,currency\n2026-11-20T12:00:00Z,runway,gen-4,10,100,EUR\n",
    );
    common::ok(&sandbox, &["import", "paid.csv"]);
    common::ok(&sandbox, &["--json", "history"])
        .json_eq("/0/cost", serde_json::json!("100"))
        .json_eq("/0/currency", serde_json::json!("EUR"))
        .json_eq("/0/credits", serde_json::json!("120"));
}

#[test]
fn a_row_whose_dedup_key_names_an_entry_with_other_content_is_a_conflict() {
    // It used to be counted "already in the log": an edited export looked imported.
    let sandbox = common::Sandbox::with_db();
    common::ok(
        &sandbox,
        &[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "10",
            "--project",
            "ad",
        ],
    );
    common::ok(&sandbox, &["export", "-o", "log.csv"]);
    // The same file again: nothing new, no conflict.
    common::ok(&sandbox, &["import", "log.csv"])
        .stdout_has("1 rows, 0 added, 1 already in the log")
        .stdout_lacks("conflict");
    // The export edited: its credits (120 → 100) and project changed.
    let text = std::fs::read_to_string(sandbox.path().join("log.csv")).unwrap();
    let edited = text.replacen(",120,", ",100,", 1);
    assert_ne!(edited, text, "the export has the credits to edit");
    sandbox.write("edited.csv", &edited);
    let before = common::DbState::of(&sandbox.db());
    let run = sandbox.run(&["import", "edited.csv"]);
    run.success()
        .stdout_has("0 added, 0 already in the log, 1 in conflict (not imported)")
        .stderr_has("warning: 1 row whose dedup_key is already in the log with other content")
        .stderr_has("line 2 (credits: 120 in the log, 100 in the file)")
        .stderr_has("Clear a row's dedup_key cell");
    before.assert_same(&sandbox.db(), &run);
    common::ok(&sandbox, &["--json", "import", "edited.csv"])
        .json_eq("/conflicts/0/line", serde_json::json!(2))
        .json_eq("/conflicts/0/field", serde_json::json!("credits"));
}

#[test]
fn an_import_says_which_rows_it_skipped_and_why() {
    // Issue 22, item 8: "7 read, 5 added" said nothing of the 2 skipped. Each reason now
    // has its count and its first rows: the line and the entry that has its key (and in
    // --json the key, and whether the file gave it).
    let sandbox = Sandbox::with_db();
    let mut csv = String::from("at,platform,model,credits,dedup_key\n");
    // Lines 2-8: k0…k6; line 9 repeats k1's key; line 10 has no key (derived).
    for i in 0..7 {
        csv.push_str(&format!(
            "2026-11-0{}T10:00:00Z,runway,gen-4,60,k{i}\n",
            i + 1
        ));
    }
    csv.push_str("2026-11-02T10:00:00Z,runway,gen-4,60,k1\n");
    csv.push_str("2026-11-09T10:00:00Z,runway,gen-4,60,\n");
    let file = sandbox.write("log.csv", &csv).display().to_string();
    ok(&sandbox, &["import", &file])
        .stdout_has("log.csv: 9 rows, 8 added, 0 already in the log, 1 repeated in the file")
        .stdout_has("repeated in the file (the dedup key of an earlier row, imported): line 9 (#2)")
        .stdout_lacks("already in the log (the same");
    let json = ok(&sandbox, &["--json", "import", &file]).json();
    assert_eq!(json["added"], 0);
    assert_eq!(json["skipped"]["already_in_log"]["count"], 9);
    assert_eq!(json["skipped"]["repeated_in_file"]["count"], 0);
    let first = json["skipped"]["already_in_log"]["first"]
        .as_array()
        .unwrap();
    assert_eq!(first.len(), 5, "the first five: {first:?}");
    assert_eq!(first[0]["line"], 2);
    assert_eq!(first[0]["dedup_key"], "k0");
    assert_eq!(first[0]["key_given"], true);
    assert_eq!(first[0]["entry_id"], 1);
    // Again as text: the first five, and how many more.
    ok(&sandbox, &["import", &file])
        .stdout_has("log.csv: 9 rows, 0 added, 9 already in the log")
        .stdout_has("already in the log (the same dedup key): line 2 (#1), line 3 (#2)")
        .stdout_has("; and 4 more");

    // A JSON export into the log it came from: its state records are named too.
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
    ok(
        &sandbox,
        &[
            "topup",
            "runway",
            "--credits",
            "500",
            "--price",
            "10",
            "--at",
            "2026-11-10",
        ],
    );
    ok(&sandbox, &["budget", "set", "ad", "100", "--money"]);
    ok(&sandbox, &["export", "--format", "json", "-o", "all.json"]);
    let all = sandbox.path().join("all.json").display().to_string();
    // The 8 entries of the log (the repeated row was never added).
    ok(&sandbox, &["import", &all])
        .stdout_has("8 rows, 0 added, 8 already in the log")
        .stdout_has(
            "records besides entries (accounts, plan changes, top-ups, adjustments, budgets, balance checks, billed): 4 read, 0 added, 4 already in the log",
        )
        .stdout_has("already in the log: plan change runway 2026-11-01 (standard); top-up runway 2026-11-10 00:00 UTC, 500 credits for 10 USD; budget ad (money); account runway");
    let json = ok(&sandbox, &["--json", "import", &all]).json();
    assert_eq!(json["records_skipped"]["already_in_log"]["count"], 4);
    assert_eq!(
        json["records_skipped"]["already_in_log"]["first"][1],
        "top-up runway 2026-11-10 00:00 UTC, 500 credits for 10 USD"
    );
    assert_eq!(json["records_skipped"]["repeated_in_file"]["count"], 0);
}
