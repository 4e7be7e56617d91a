//! The generation log under stress (issue 3, "Done when"): parallel writers, a killed
//! import, idempotent imports, export → import round trips, a newer or foreign database,
//! and the stock `sqlite3` reading what `credits` wrote.
//!
//! Everything runs the real binary on a database in a temp dir ([`Sandbox::with_db`]); the
//! file is then read behind the binary's back with rusqlite ([`common::db_rows`]).

mod common;

use common::{db_rows, entry_count, integrity_check, open_db, wal_path, DbState, Run, Sandbox};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Barrier;
use std::time::{Duration, Instant};

/// Runs a command (split on whitespace) that must succeed.
#[track_caller]
fn ok(sandbox: &Sandbox, line: &str) -> Run {
    let args: Vec<&str> = line.split_whitespace().collect();
    let run = sandbox.run(&args);
    run.success();
    run
}

fn dec(s: &str) -> Decimal {
    s.parse()
        .unwrap_or_else(|_| panic!("`{s}` is not a decimal"))
}

/// A log with a bit of everything an export must carry: offsets, tags, notes with commas,
/// quotes and newlines, unknown money, money-billed, failed, refunded, discarded, counts.
fn varied() -> Sandbox {
    let sandbox = Sandbox::with_db();
    for line in [
        "log runway gen-4 --duration 10 --project ad --tag client=acme --tag shot=1 \
         --at 2026-09-30T23:30:00-04:00",
        "log runway gen-4 --duration 10 --project ad --tag client=acme --discarded \
         --at 2026-10-01T08:00:00+02:00",
        "log runway gen-4-turbo --duration 5 --count 3 --project teaser \
         --at 2026-10-12T10:00:00Z",
        "log runway gen-4 --duration 5 --project teaser --at 2026-11-02T10:00:00+05:30",
        "log makeclipai kling-ai --duration 10 --project teaser --tag client=bolt \
         --at 2026-11-03",
        "log openai sora-2 --duration 8 --at 2026-09-10T10:00:00Z",
        "log acme-video turbo --credits 12.5 --project ad --at 2026-11-11T10:00:00Z",
        "fail 3",
        "refund 4 --force",
    ] {
        ok(&sandbox, line);
    }
    let run = sandbox.run(&[
        "log",
        "runway",
        "gen-4",
        "--duration",
        "5",
        "--project",
        "ad",
        "--note",
        "take 2, \"closer\"\nsecond line",
        "--at",
        "2026-11-12T10:00:00Z",
    ]);
    run.success();
    sandbox
}

/// The reports a round trip must preserve, as one JSON text per grouping.
fn reports(sandbox: &Sandbox) -> Vec<(String, String)> {
    [
        "--json report",
        "--json report --by project --by month",
        "--json report --by platform --by model",
        "--json report --by tag:client --by week",
        "--json report --by day --status failed",
        "--json refunds",
    ]
    .iter()
    .map(|line| (line.to_string(), ok(sandbox, line).stdout))
    .collect()
}

/// `/usr/bin/sqlite3` or whatever `sqlite3` is on the PATH, if any.
fn stock_sqlite3() -> Option<Command> {
    let found = Command::new("sqlite3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    found.then(|| Command::new("sqlite3"))
}

/// Runs SQL with the stock sqlite3 and returns (exit success, stdout, stderr).
fn sqlite3(db: &Path, sql: &str) -> Option<(bool, String, String)> {
    let mut cmd = stock_sqlite3()?;
    let out = cmd
        .arg("-batch")
        .arg("-bail")
        .arg(db)
        .arg(sql)
        .output()
        .expect("run sqlite3");
    Some((
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

// ---- parallel writers ----

/// Runs `PROCESSES` × `LOGS` `credits log` at once (each worker's `i`th with the
/// arguments `args(worker, i)` gives), all starting together; returns the failures.
fn log_in_parallel(
    sandbox: &Sandbox,
    args: impl Fn(usize, usize) -> Vec<String> + Sync,
) -> Vec<String> {
    let start = Barrier::new(PROCESSES);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..PROCESSES)
            .map(|p| {
                let (start, args) = (&start, &args);
                scope.spawn(move || {
                    let mut failures = Vec::new();
                    start.wait();
                    for i in 0..LOGS {
                        let owned = args(p, i);
                        let args: Vec<&str> = owned.iter().map(String::as_str).collect();
                        let out = sandbox.command(&args).output().expect("spawn credits");
                        let run = sandbox.finished(&args, out);
                        if run.code != 0 || !run.stdout.starts_with("logged #") {
                            failures.push(run.report());
                        }
                    }
                    failures
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a worker thread"))
            .collect()
    })
}

/// Fails with the first failure and how many there were.
fn assert_none_failed(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} of {} logs failed; the first:\n{}",
        failures.len(),
        PROCESSES * LOGS,
        failures[0]
    );
}

/// Workers and logs per worker of the parallel tests.
const PROCESSES: usize = 8;
const LOGS: usize = 100;

#[test]
fn eight_processes_logging_a_hundred_times_at_once_lose_nothing() {
    // A new file: the first processes also race to create and migrate it.
    let sandbox = Sandbox::with_db();
    let failures = log_in_parallel(&sandbox, |p, i| {
        let line = format!("log runway gen-4 --duration 5 --project p{p} --note {i}");
        line.split(' ').map(String::from).collect()
    });
    assert_none_failed(&failures);

    let db = sandbox.db();
    assert_eq!(integrity_check(&db), "ok");
    assert_eq!(entry_count(&db), (PROCESSES * LOGS) as i64);
    let conn = open_db(&db);
    let (ids, keys, notes): (i64, i64, i64) = conn
        .query_row(
            "SELECT count(DISTINCT id), count(DISTINCT dedup_key), \
                    count(DISTINCT project || '/' || note) FROM entry",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("count");
    assert_eq!(
        (ids, keys, notes),
        (800, 800, 800),
        "every log is its own entry"
    );
    let run = ok(&sandbox, "--json report --by project");
    run.json_eq("/total/clips", json!(800))
        .json_eq("/total/credits", json!("48000"));
    for p in 0..PROCESSES {
        run.json_eq(&format!("/rows/{p}/project"), json!(format!("p{p}")))
            .json_eq(&format!("/rows/{p}/clips"), json!(LOGS));
    }
}

/// The same race with an account set, so every `log` reads the balance and writes
/// checkpoints (one every 5 entries here), while most of the logs are back-dated and so
/// delete the checkpoints after them: nothing is lost, and the balance read from the
/// checkpoints left is the balance replayed from every entry (issue 12).
#[test]
fn eight_processes_logging_with_an_account_set_lose_nothing_and_keep_the_balance_exact() {
    let mut sandbox = Sandbox::with_db();
    sandbox.env("CREDITS_CHECKPOINT_EVERY", "5");
    ok(&sandbox, "account set runway --plan pro --since 2026-09-01");
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z").expect("the tests' now");
    let failures = log_in_parallel(&sandbox, |p, i| {
        // Up to ~60 days back, in an order no two workers share.
        let hours_back = ((i * 37 + p * 101) % 1440) as i64;
        let at = (now - chrono::Duration::hours(hours_back)).to_rfc3339();
        let line = format!("log runway gen-4 --duration 5 --at {at} --note {p}/{i}");
        line.split(' ').map(String::from).collect()
    });
    assert_none_failed(&failures);
    let db = sandbox.db();
    assert_eq!(integrity_check(&db), "ok");
    assert_eq!(entry_count(&db), (PROCESSES * LOGS) as i64);
    let checkpoints: i64 = open_db(&db)
        .query_row("SELECT count(*) FROM ledger_checkpoint", [], |r| r.get(0))
        .expect("count checkpoints");
    assert!(checkpoints > 10, "only {checkpoints} checkpoints were left");
    let with = ok(&sandbox, "--json balance runway");
    sandbox.env("CREDITS_CHECKPOINT_EVERY", "0");
    let without = ok(&sandbox, "--json balance runway");
    let (with, without) = (with.json(), without.json());
    assert_eq!(
        with, without,
        "the checkpointed balance differs from a full replay"
    );
    assert_ne!(with, Value::Null);
}

// ---- a killed import ----

/// `rows` entries in the export format (snapshots: no pricing work), one a minute from
/// 2026-01-01, each with a note long enough that the import's page cache fills and SQLite
/// starts writing uncommitted pages to the WAL well before the end.
fn big_export(rows: usize) -> String {
    let mut csv = String::with_capacity(rows * 230);
    csv.push_str("at,platform,model,duration,credits,cost,currency,pricing,project,tags,note\n");
    let start = chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").expect("a time");
    let filler = "x".repeat(120);
    for i in 0..rows {
        let at = start + chrono::Duration::minutes(i as i64);
        let _ = writeln!(
            csv,
            "{},runway,gen-4,5,60,1.44,USD,plan Standard,p{},client=c{},row {i} {filler}",
            at.format("%Y-%m-%dT%H:%M:%SZ"),
            i % 7,
            i % 5,
        );
    }
    csv
}

#[test]
fn an_import_killed_mid_way_leaves_a_sound_database_with_none_or_all_of_its_rows() {
    const ROWS: usize = 200_000;
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        "log runway gen-4 --duration 5 --project before --tag client=acme",
    );
    ok(
        &sandbox,
        "log makeclipai kling-ai --duration 5 --project before",
    );
    ok(&sandbox, "fail 2");
    let db = sandbox.db();
    let before = db_rows(&db);
    let existing = entry_count(&db);
    sandbox.write("big.csv", &big_export(ROWS));

    let args = ["import", "big.csv"];
    let mut child = sandbox
        .command(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the import");
    // Kill it once it has written uncommitted pages to the WAL (1 MB of them).
    let wal = wal_path(&db);
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().expect("poll the import") {
            let out = child.wait_with_output().expect("collect the import");
            panic!(
                "the import ended ({status}) before it could be killed; make the file \
                 bigger. stderr: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let written = std::fs::metadata(&wal).map_or(0, |m| m.len());
        if written > 1 << 20 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the import wrote nothing in 120 s"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().expect("SIGKILL the import");
    let out = child.wait_with_output().expect("reap the import");
    let run = sandbox.finished(&args, out);
    run.check_eq("killed, so no exit code", -1, run.code);
    let left = std::fs::metadata(&wal).map_or(0, |m| m.len());
    run.check(
        left > 1 << 20,
        "the killed import left its uncommitted pages in the WAL",
    );

    // The stock sqlite3 checks the file first, as a user would, if it is installed.
    if let Some((success, stdout, stderr)) = sqlite3(&db, "PRAGMA integrity_check;") {
        assert!(
            success && stdout.trim() == "ok",
            "sqlite3: {stdout}{stderr}"
        );
    }
    assert_eq!(integrity_check(&db), "ok");
    let count = entry_count(&db);
    println!(
        "killed with {left} bytes in the WAL; the log holds {count} entries ({existing} before)"
    );
    if count == existing {
        assert_eq!(db_rows(&db), before, "none of the file: the log as it was");
    } else {
        assert_eq!(
            count,
            existing + ROWS as i64,
            "all of the file, or none of it"
        );
    }
    // The import paused the per-row triggers inside its transaction: the kill took that
    // back too, and the daily, monthly and tag sums still count every entry (every tag).
    let conn = open_db(&db);
    let (triggers, by_day, by_month, by_tag, tags): (i64, i64, i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'trigger'), \
                    (SELECT coalesce(sum(entries), 0) FROM entry_day), \
                    (SELECT coalesce(sum(entries), 0) FROM entry_month), \
                    (SELECT coalesce(sum(entries), 0) FROM tag_day), \
                    (SELECT count(*) FROM entry_tag)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .expect("read the sums");
    drop(conn);
    assert_eq!(
        (triggers, by_day, by_month, by_tag),
        (17, count, count, tags)
    );
    // And the log still works.
    ok(&sandbox, "log runway gen-4 --duration 5");
    assert_eq!(entry_count(&db), count + 1);
    ok(&sandbox, "--json report --by project").stdout_has("\"project\": \"before\"");
    ok(&sandbox, "--json report").json_eq("/total/clips", json!(count + 1));
}

// ---- idempotent import ----

#[test]
fn importing_a_file_twice_adds_nothing() {
    let sandbox = Sandbox::with_db();
    let sheet = "\
at,platform,model,duration,project,tags,note
2026-11-02,runway,gen-4,10,spring-ad,client=acme,
2026-11-02T14:00:00+01:00,runway,gen-4-turbo,5,spring-ad,,wide
,makeclipai,kling-ai,5,teaser,,no time: the import's
";
    sandbox.write("sheet.csv", sheet);
    ok(&sandbox, "import sheet.csv").stdout_has("3 rows, 3 added, 0 already in the log");
    let once = db_rows(&sandbox.db());
    ok(&sandbox, "import sheet.csv").stdout_has("3 rows, 0 added, 3 already in the log");
    assert_eq!(db_rows(&sandbox.db()), once);

    // A spreadsheet that grew: only the new rows go in.
    sandbox.write(
        "sheet.csv",
        &format!("{sheet}2026-11-03,runway,gen-4,5,teaser,,\n"),
    );
    ok(&sandbox, "import sheet.csv").stdout_has("4 rows, 1 added, 3 already in the log");
    assert_eq!(entry_count(&sandbox.db()), 4);

    // The same for JSON, and for an export imported back into the log it came from.
    ok(&sandbox, "export --format json --output log.json");
    ok(&sandbox, "export --output log.csv");
    let rows = db_rows(&sandbox.db());
    for file in ["log.json", "log.csv"] {
        ok(&sandbox, &format!("import {file}")).stdout_has("4 rows, 0 added, 4 already in the log");
        assert_eq!(db_rows(&sandbox.db()), rows);
    }
}

#[test]
fn two_identical_rows_in_one_file_both_count() {
    let sandbox = Sandbox::with_db();
    let row = "2026-11-02,runway,gen-4,5,ad\n";
    sandbox.write(
        "twice.csv",
        &format!("at,platform,model,duration,project\n{row}{row}"),
    );
    ok(&sandbox, "import twice.csv").stdout_has("2 rows, 2 added");
    ok(&sandbox, "--json report")
        .json_eq("/total/clips", json!(2))
        .json_eq("/total/credits", json!("120"));
    // Still idempotent: the second copy is the same second copy next time.
    ok(&sandbox, "import twice.csv").stdout_has("2 rows, 0 added, 2 already in the log");

    let object = r#"{"at": "2026-11-03T10:00:00Z", "platform": "runway", "model": "gen-4", "duration": "10"}"#;
    sandbox.write("twice.json", &format!("[{object},\n{object}]\n"));
    ok(&sandbox, "import twice.json").stdout_has("2 rows, 2 added");
    ok(&sandbox, "import twice.json").stdout_has("0 added");
    assert_eq!(entry_count(&sandbox.db()), 4);
}

// ---- export → import round trips ----

#[test]
fn export_then_import_into_a_fresh_database_gives_the_same_report() {
    let original = varied();
    let expected = reports(&original);
    let csv = ok(&original, "export").stdout;
    let json = ok(&original, "export --format json").stdout;
    original.write("log.csv", &csv);
    original.write("log.json", &json);

    for file in ["log.csv", "log.json"] {
        let fresh = Sandbox::with_db();
        let path = original.path().join(file);
        let path = path.to_str().expect("a UTF-8 path");
        fresh
            .run(&["import", path])
            .success()
            .stdout_has("8 rows, 8 added");
        for ((line, want), (_, got)) in expected.iter().zip(reports(&fresh)) {
            assert_eq!(&got, want, "`credits {line}` after importing {file}");
        }
        // Entry for entry: the export of the copy is the export of the original.
        assert_eq!(
            ok(&fresh, "export").stdout,
            csv,
            "export after importing {file}"
        );
        assert_eq!(
            ok(&fresh, "export --format json").stdout,
            json,
            "JSON export after importing {file}"
        );
    }
}

// ---- databases credits must not touch ----

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, "log runway gen-4 --duration 5");
    let db = sandbox.db();
    let version: i64 = {
        let conn = open_db(&db);
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("user_version");
        conn.pragma_update(None, "user_version", version + 1)
            .expect("bump user_version");
        // A rollback journal, so that nothing waits in a -wal file.
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("leave WAL");
        version + 1
    };
    sandbox.write("one.csv", "platform,model\nrunway,gen-4\n");
    let before = DbState::of(&db);
    for line in [
        "history",
        "log runway gen-4 --duration 5",
        "report --by project",
        "import one.csv",
        "export",
        "account set runway --plan Pro",
        "refund 1",
    ] {
        let args: Vec<&str> = line.split_whitespace().collect();
        let run = sandbox.run(&args);
        run.error()
            .stderr_has("newer version of credits")
            .stderr_has(&format!("schema {version}"))
            .stderr_has("upgrade credits");
        before.assert_same(&db, &run);
    }
}

/// Runs the log commands against `file`, which is not a usable credits database: each is an
/// error naming the file and saying `expect`, no panic, and the file stays as it was.
#[track_caller]
fn refused(sandbox: &Sandbox, file: &str, expect: &str) {
    let path = sandbox.path().join(file);
    let bytes = std::fs::read(&path).ok();
    for line in [
        "history",
        "log runway gen-4 --duration 5",
        "report",
        "export",
        "account list",
    ] {
        let mut args = vec!["--db", file];
        args.extend(line.split_whitespace());
        let run = sandbox.run(&args);
        run.error().stderr_has(file).stderr_has(expect);
        run.check_eq(
            "the file's bytes after the run",
            bytes.as_ref().map(Vec::len),
            std::fs::read(&path).ok().as_ref().map(Vec::len),
        );
        run.check(
            std::fs::read(&path).ok() == bytes,
            "the file byte for byte as it was",
        );
        run.check(!wal_path(&path).exists(), "no -wal file beside it");
    }
}

#[test]
fn a_foreign_sqlite_database_is_refused_and_left_untouched() {
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("notes.db");
    {
        let conn = open_db(&path);
        conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');")
            .expect("a foreign database");
    }
    refused(&sandbox, "notes.db", "is not a credits database");
    // Another program's user_version is not mistaken for a newer credits.
    open_db(&path)
        .pragma_update(None, "user_version", 7)
        .expect("set user_version");
    refused(&sandbox, "notes.db", "is not a credits database");
}

#[test]
fn garbage_and_corrupt_files_are_errors_not_panics() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "garbage.db",
        &"this is not a database, just some text\n".repeat(300),
    );
    refused(&sandbox, "garbage.db", "not a SQLite database");

    // Pseudo-random bytes (a fixed LCG, so the test is repeatable).
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let noise: Vec<u8> = (0..65_536)
        .map(|_| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (x >> 56) as u8
        })
        .collect();
    std::fs::write(sandbox.path().join("noise.db"), noise).expect("write noise");
    refused(&sandbox, "noise.db", "not a SQLite database");

    // A real log cut in half with its first pages scribbled over.
    let log = Sandbox::with_db();
    for i in 0..200 {
        let note = "n".repeat(200) + &i.to_string();
        log.run(&["log", "runway", "gen-4", "--note", &note])
            .success();
    }
    let bytes = std::fs::read(log.db()).expect("the log");
    let mut cut = bytes[..bytes.len() / 2].to_vec();
    for b in &mut cut[100..600] {
        *b = 0xA5;
    }
    std::fs::write(sandbox.path().join("cut.db"), &cut).expect("write the cut log");
    for line in ["history", "report --by project", "export"] {
        let mut args = vec!["--db", "cut.db"];
        args.extend(line.split_whitespace());
        sandbox.run(&args).error().stderr_has("cut.db");
    }

    // A folder where the file should be.
    std::fs::create_dir(sandbox.path().join("folder.db")).expect("a folder");
    sandbox
        .run(&["--db", "folder.db", "history"])
        .error()
        .stderr_has("folder.db");
    // An empty file is a new database, as `touch credits.db` would suggest.
    sandbox.write("empty.db", "");
    sandbox
        .run(&["--db", "empty.db", "log", "runway", "gen-4"])
        .success();
}

// ---- the stock sqlite3 ----

#[test]
fn the_database_opens_in_the_stock_sqlite3() {
    let Some(_) = stock_sqlite3() else {
        // Straight to stderr, past the test harness's capture, so the skip is seen.
        let _ = writeln!(
            std::io::stderr(),
            "note: no `sqlite3` on the PATH: skipped the stock sqlite3 check"
        );
        return;
    };
    let sandbox = varied();
    let db = sandbox.db();
    let (success, stdout, stderr) = sqlite3(
        &db,
        "PRAGMA integrity_check; PRAGMA user_version; PRAGMA journal_mode; \
         SELECT count(*) FROM entry; SELECT count(*) FROM entry_tag;",
    )
    .expect("sqlite3");
    assert!(success, "sqlite3 failed: {stderr}");
    let version = credits::SCHEMA_VERSION.to_string();
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        vec!["ok", version.as_str(), "wal", "8", "4"],
        "{stderr}"
    );

    // Plain SQL over the public schema (docs/database.md) gives what `report --by project --by
    // platform` gives: credits charged (per platform: credits of different platforms are
    // never added), and the known money of what was not refunded.
    let (success, stdout, stderr) = sqlite3(
        &db,
        "SELECT project, platform, SUM(credits_milli)/1000.0, \
                SUM(CASE WHEN status <> 'refunded' THEN cost_micro END)/1e6 \
         FROM entry GROUP BY project, platform ORDER BY project, platform;",
    )
    .expect("sqlite3");
    assert!(success, "{stderr}");
    type Row = (Value, Value, Decimal, Option<Decimal>);
    let by_sql: Vec<Row> = stdout
        .lines()
        .map(|line| {
            let cells: Vec<&str> = line.split('|').collect();
            let project = match cells[0] {
                "" => Value::Null,
                p => json!(p),
            };
            let cost = (!cells[3].is_empty()).then(|| dec(cells[3]));
            (project, json!(cells[1]), dec(cells[2]), cost)
        })
        .collect();
    let run = ok(&sandbox, "--json report --by project --by platform");
    let by_credits: Vec<Row> = run
        .json_at("/rows")
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["project"].clone(),
                r["platform"].clone(),
                dec(r["credits"].as_str().expect("credits of one platform")),
                r["cost"].as_str().map(dec),
            )
        })
        .collect();
    assert_eq!(by_sql, by_credits);
    let ad: Decimal = by_sql
        .iter()
        .filter(|r| r.0 == json!("ad"))
        .map(|r| r.2)
        .sum();
    assert_eq!(ad, dec("312.5"), "2 × 120 + 12.5 + 60 credits");
    // Over the whole log, credits of several platforms are not one number.
    let run = ok(&sandbox, "--json report");
    run.json_eq("/total/credits", Value::Null);
    run.check(
        run.json_at("/total/credits_by_platform")
            .as_object()
            .is_some_and(|m| m.len() > 1),
        "credits per platform in the total",
    );

    // The CHECK constraints hold for hand edits too: money without a currency is refused…
    let (success, _, stderr) = sqlite3(
        &db,
        "INSERT INTO entry (at, platform, model, credits_milli, cost_micro, pricing, dedup_key) \
         VALUES ('2026-11-21T10:00:00Z', 'runway', 'gen-4', 1000, 5, 'hand', 'hand:1');",
    )
    .expect("sqlite3");
    assert!(!success, "a cost without a currency must be refused");
    assert!(stderr.contains("CHECK constraint failed"), "{stderr}");
    // …and a valid row written by hand shows up in `credits history`.
    let (success, _, stderr) = sqlite3(
        &db,
        "INSERT INTO entry (at, platform, model, credits_milli, pricing, project, dedup_key) \
         VALUES ('2026-11-21T10:00:00Z', 'runway', 'gen-4', 1500, 'hand', 'by-hand', 'hand:2');",
    )
    .expect("sqlite3");
    assert!(success, "{stderr}");
    let run = ok(&sandbox, "--json history --project by-hand");
    let rows: Value = run.json();
    assert_eq!(rows[0]["credits"], json!("1.5"), "{rows:#}");
    assert_eq!(rows[0]["cost"], json!(null), "{rows:#}");
}

/// A log from before schema 14 has its checkpoints dropped by the migration (they were
/// replayed under the old promotion rule); the first command after the upgrade makes them
/// again, so `balance` and `status` do not replay the whole log on every call until the
/// next write (a new-user trial measured 1–4 s a call at a million entries).
#[test]
fn checkpoints_dropped_by_the_schema_14_upgrade_are_made_again_at_once() {
    let mut sandbox = Sandbox::with_db();
    sandbox.env("CREDITS_CHECKPOINT_EVERY", "5");
    ok(&sandbox, "account set runway --plan pro --since 2026-09-01");
    for day in 1..=20 {
        ok(
            &sandbox,
            &format!("log runway gen-4 --duration 5 --at 2026-10-{day:02}T10:00:00Z"),
        );
    }
    let db = sandbox.db();
    let count = |db: &Path| -> i64 {
        open_db(db)
            .query_row("SELECT count(*) FROM ledger_checkpoint", [], |r| r.get(0))
            .expect("count checkpoints")
    };
    assert!(count(&db) > 0, "the log made no checkpoints to start with");
    let before = ok(&sandbox, "--json balance runway").json();
    // Back to schema 13 as far as the upgrade can tell: the version, and no subscription day.
    {
        let conn = open_db(&db);
        conn.execute_batch(
            "ALTER TABLE account_change DROP COLUMN subscribed_on; DROP TABLE topup_ref; \
             PRAGMA user_version = 13;",
        )
        .expect("make the log look like schema 13");
    }
    let after = ok(&sandbox, "--json balance runway").json();
    assert_eq!(before, after, "the upgrade changed the balance");
    assert!(
        count(&db) > 0,
        "the upgrade left the log without checkpoints"
    );
    let pending: i64 = open_db(&db)
        .query_row("SELECT count(*) FROM maintenance", [], |r| r.get(0))
        .expect("count tasks");
    assert_eq!(pending, 0, "the checkpoint task was left pending");
}
