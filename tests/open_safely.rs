//! Opening the log safely (issue "Hardening", part 2): a `-wal` or `-journal` beside the
//! database that is not its own is refused before SQLite may replay it, leaving both files
//! byte for byte; a log in a folder or file this user may only read is still read.

mod common;

use common::{ok, open_db, wal_path, DbState, Sandbox};
use std::path::Path;

/// A database of another program left in WAL mode with its last changes still in its
/// `-wal` (as a killed process leaves it); returns the `-wal` file's bytes.
fn other_wal(dir: &Path, page_size: u32) -> Vec<u8> {
    std::fs::create_dir_all(dir).unwrap();
    let other = dir.join("other.db");
    let conn = open_db(&other);
    conn.pragma_update(None, "page_size", page_size).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');")
        .unwrap();
    let bytes = std::fs::read(wal_path(&other)).unwrap();
    // Closed without a checkpoint the -wal would be folded in and deleted; forget instead.
    std::mem::forget(conn);
    bytes
}

/// Every log command run against the sandbox's database with `wal` beside it is refused,
/// naming the -wal file, and leaves the database and the -wal byte for byte.
#[track_caller]
fn refused_with_wal(sandbox: &Sandbox, wal: &[u8], expect: &str) {
    let db = sandbox.db();
    std::fs::write(wal_path(&db), wal).unwrap();
    let before_db = std::fs::read(&db).ok();
    for line in [
        "history",
        "log runway gen-4 --duration 5",
        "report",
        "export",
        "balance",
    ] {
        let args: Vec<&str> = line.split_whitespace().collect();
        let run = sandbox.run(&args);
        run.error()
            .stderr_has(&format!("{}-wal does not belong to", db.display()))
            .stderr_has(expect)
            .stderr_has("help: move");
        run.check(
            std::fs::read(&db).ok() == before_db,
            "the database byte for byte",
        );
        run.check(
            std::fs::read(wal_path(&db)).ok().as_deref() == Some(wal),
            "the -wal byte for byte",
        );
    }
    std::fs::remove_file(wal_path(&db)).unwrap();
}

#[test]
fn another_databases_wal_beside_the_log_is_refused_and_nothing_is_written() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, &["log", "runway", "gen-4", "--duration", "5"]);
    let db = sandbox.db();
    let state = DbState::of(&db);

    // Same page size: it would replace the schema with the other program's.
    let wal = other_wal(sandbox.path(), 4096);
    refused_with_wal(&sandbox, &wal, "not a credits database");
    // Another page size.
    let wal = other_wal(&sandbox.path().join("b"), 1024);
    refused_with_wal(
        &sandbox,
        &wal,
        "its pages are 1024 bytes, the database's 4096",
    );
    // Not a write-ahead log at all.
    refused_with_wal(
        &sandbox,
        &b"not a log\n".repeat(100),
        "not a SQLite write-ahead log",
    );

    // Once it is moved away, the log is as it was.
    let run = ok(&sandbox, &["history"]);
    run.stdout_has("gen-4");
    state.assert_same(&db, &run);
}

#[test]
fn a_wal_with_no_database_is_refused_and_kept() {
    let sandbox = Sandbox::with_db();
    let wal = other_wal(sandbox.path(), 4096);
    let db = sandbox.db();
    std::fs::write(wal_path(&db), &wal).unwrap();
    let run = sandbox.run(&["log", "runway", "gen-4", "--duration", "5"]);
    run.error()
        .stderr_has("does not belong to")
        .stderr_has("is empty or missing");
    run.check(!db.exists(), "no database created");
    run.check(
        std::fs::read(wal_path(&db)).unwrap() == wal,
        "the -wal byte for byte",
    );
}

#[test]
fn a_hot_journal_of_another_page_size_is_refused() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, &["log", "runway", "gen-4", "--duration", "5"]);
    let db = sandbox.db();
    let bytes = std::fs::read(&db).unwrap();
    let mut journal = vec![0u8; 512 + 4 + 1024 + 4];
    journal[..8].copy_from_slice(&[0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);
    journal[8..12].copy_from_slice(&1u32.to_be_bytes());
    journal[20..24].copy_from_slice(&512u32.to_be_bytes());
    journal[24..28].copy_from_slice(&1024u32.to_be_bytes());
    let path = sandbox.path().join("credits.db-journal");
    std::fs::write(&path, &journal).unwrap();
    let run = sandbox.run(&["history"]);
    run.error()
        .stderr_has("credits.db-journal does not belong to")
        .stderr_has("help: move");
    // Compared as bytes: reading its rows with SQLite would roll the journal back.
    run.check(
        std::fs::read(&db).unwrap() == bytes,
        "the database byte for byte",
    );
    run.check(
        std::fs::read(&path).unwrap() == journal,
        "the journal as it was",
    );
}

#[test]
fn the_logs_own_wal_is_replayed_as_usual() {
    // A writer killed before its checkpoint leaves the log's own -wal: it belongs.
    let sandbox = Sandbox::with_db();
    ok(&sandbox, &["log", "runway", "gen-4", "--duration", "5"]);
    let db = sandbox.db();
    let conn = open_db(&db);
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.execute("UPDATE entry SET note = 'from the wal'", [])
        .unwrap();
    std::mem::forget(conn);
    assert!(std::fs::metadata(wal_path(&db)).unwrap().len() > 0);
    ok(&sandbox, &["history", "--json"]).stdout_has("from the wal");
    ok(&sandbox, &["log", "runway", "gen-4", "--duration", "5"]);
}

#[test]
fn the_existing_refusals_still_name_the_file_before_any_write() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, &["log", "runway", "gen-4", "--duration", "5"]);
    let db = sandbox.db();
    // A newer schema whose header change still waits in the -wal.
    let conn = open_db(&db);
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    std::mem::forget(conn);
    let state = DbState::of(&db);
    let wal = std::fs::read(wal_path(&db)).unwrap();
    let run = sandbox.run(&["log", "runway", "gen-4", "--duration", "5"]);
    run.error()
        .stderr_has("was written by a newer version of credits (schema 99");
    state.assert_same(&db, &run);
    run.check(
        std::fs::read(wal_path(&db)).unwrap() == wal,
        "the -wal as it was",
    );
}

/// Whether this process is root, which may write anywhere (read-only cases are then run
/// as `nobody` through `setpriv`, or skipped).
fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .map(|s| {
            s.lines()
                .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

#[cfg(unix)]
#[test]
fn a_log_in_a_read_only_folder_is_read_and_writes_are_refused_clearly() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let dir = sandbox.path().join("ro");
    let db = dir.join("credits.db");
    let db_arg = db.display().to_string();
    ok(
        &sandbox,
        &["--db", &db_arg, "log", "runway", "gen-4", "--duration", "5"],
    );
    let root = is_root();
    let setpriv = Path::new("/usr/bin/setpriv");
    if root && !setpriv.exists() {
        eprintln!("skipped: root may write anywhere and there is no setpriv");
        return;
    }
    std::fs::set_permissions(sandbox.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let state = DbState::of(&db);
    let run_as_reader = |args: &[&str]| {
        let mut cmd = if root {
            let mut c = std::process::Command::new(setpriv);
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
            c.arg(env!("CARGO_BIN_EXE_credits"));
            c
        } else {
            std::process::Command::new(env!("CARGO_BIN_EXE_credits"))
        };
        let base = sandbox.command(&[]);
        cmd.env_clear()
            .envs(base.get_envs().filter_map(|(k, v)| Some((k, v?))))
            .current_dir("/")
            .args(["--db", &db_arg])
            .args(args);
        sandbox.finished(args, cmd.output().unwrap())
    };
    for line in [
        "history",
        "history --csv",
        "report",
        "report --csv",
        "refunds",
        "balance",
        "export",
        "budget list",
        "account list",
        "estimate runway gen-4 --duration 5",
    ] {
        let args: Vec<&str> = line.split_whitespace().collect();
        let run = run_as_reader(&args);
        run.success().stderr_lacks("error");
        state.assert_same(&db, &run);
    }
    run_as_reader(&["history"]).stdout_has("gen-4");
    for line in ["log runway gen-4 --duration 5", "refund 1"] {
        let args: Vec<&str> = line.split_whitespace().collect();
        let run = run_as_reader(&args);
        run.error()
            .stderr_has("is read-only: this command writes to the log")
            .stderr_has("help: make the file and its folder writable");
        state.assert_same(&db, &run);
    }
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}
