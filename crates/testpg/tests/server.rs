//! The throwaway server: it starts, hands out databases that are each its own, and says loudly
//! when there is none. Run as root these exercise the postgres-user path that CI takes.

use std::process::Command;
use std::time::Instant;

/// Set in the child process of `no_server_is_a_loud_skip`, which runs only `skip_probe`.
const PROBE: &str = "CREDITS_TESTPG_SKIP_PROBE";

#[test]
fn a_server_starts_and_fresh_databases_are_distinct_and_usable() {
    let started = Instant::now();
    let Some(pg) = credits_testpg::server() else {
        return;
    };
    eprintln!(
        "server() {:?} (start itself {:?}), version {}",
        started.elapsed(),
        pg.started_in(),
        pg.version_num()
    );
    assert!(pg.version_num() >= 90000, "{}", pg.version_num());

    let started = Instant::now();
    let one = pg.fresh_database();
    eprintln!("fresh_database() {:?}", started.elapsed());
    let two = pg.fresh_database();
    assert_ne!(one, two);
    assert!(one.starts_with(&format!(
        "postgres://postgres@{}:{}/credits_test_",
        pg.host(),
        pg.port()
    )));

    pg.run_sql(
        &one,
        "CREATE TABLE only_here (x int); INSERT INTO only_here VALUES (1)",
    );
    let mut client = postgres::Client::connect(&one, postgres::NoTls).unwrap();
    let row = client.query_one("SELECT x FROM only_here", &[]).unwrap();
    assert_eq!(row.get::<_, i32>(0), 1);

    let mut other = postgres::Client::connect(&two, postgres::NoTls).unwrap();
    let tables: i64 = other
        .query_one(
            "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(tables, 0, "a fresh database sees another's table");
    other
        .batch_execute("CREATE TABLE only_here (y text)")
        .unwrap();
}

#[test]
fn the_admin_database_takes_roles_and_the_binaries_are_there() {
    let Some(pg) = credits_testpg::server() else {
        return;
    };
    let role = format!("credits_reader_{}", std::process::id());
    // Roles outlive databases on a server given by URL: a pid can come round again.
    pg.run_sql(
        &pg.admin_url(),
        &format!(
            "DO $$ BEGIN CREATE ROLE {role} LOGIN; \
             EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        ),
    );
    let name = pg.fresh_database_name();
    pg.run_sql(
        &pg.database_url(&name),
        &format!("GRANT CONNECT ON DATABASE {name} TO {role}"),
    );
    if let Some(bin) = pg.bin_dir() {
        assert!(bin.join("pg_ctl").is_file(), "{}", bin.display());
    }
}

#[test]
#[should_panic(expected = "relation \"no_such_table\" does not exist")]
fn run_sql_panics_with_the_error() {
    let Some(pg) = credits_testpg::server() else {
        panic!("relation \"no_such_table\" does not exist (no server, nothing to check)");
    };
    pg.run_sql(&pg.fresh_database(), "SELECT * FROM no_such_table");
}

/// Does its work only in the child process started by `no_server_is_a_loud_skip`.
#[test]
fn skip_probe() {
    if std::env::var_os(PROBE).is_none() {
        return;
    }
    assert!(credits_testpg::server().is_none());
    assert!(credits_testpg::server().is_none());
}

/// No binaries anywhere and no URL: None, and one loud message however many tests ask; with
/// CREDITS_TEST_PG_REQUIRED=1, a failure. In a child process (this binary, running
/// `skip_probe` alone), since this process may have its server already.
#[test]
fn no_server_is_a_loud_skip() {
    if std::env::var_os(PROBE).is_some() {
        return;
    }
    let nowhere = tempfile::tempdir().unwrap();
    let probe = |required: &str| {
        Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "skip_probe", "--nocapture", "--test-threads=1"])
            .env(PROBE, "1")
            .env("PATH", "")
            // An empty directory: nothing else is searched, not even /usr/lib/postgresql.
            .env(credits_testpg::BIN_VAR, nowhere.path())
            .env_remove(credits_testpg::URL_VAR)
            .env(credits_testpg::REQUIRED_VAR, required)
            .output()
            .unwrap()
    };

    let skipped = probe("");
    let stderr = String::from_utf8_lossy(&skipped.stderr);
    assert!(skipped.status.success(), "{stderr}");
    assert_eq!(
        stderr.matches("PostgreSQL tests SKIPPED").count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("apt-get install postgresql"), "{stderr}");
    assert!(stderr.contains(credits_testpg::URL_VAR), "{stderr}");

    let failed = probe("1");
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(!failed.status.success(), "{stderr}");
    assert!(
        stderr.contains("CREDITS_TEST_PG_REQUIRED is set"),
        "{stderr}"
    );
    assert!(!stderr.contains("SKIPPED"), "{stderr}");
}
