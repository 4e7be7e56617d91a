//! The studio ledger on PostgreSQL (issue 20), through the binary: moving a ledger in and out
//! with `db copy`, `db status`, who recorded what, and passwords that never show. Every test
//! needs a server (`credits_testpg`: a throwaway one when PostgreSQL's binaries are
//! installed); without one they return early and the harness says loudly that they were
//! skipped. The concurrency and fault tests are in `postgres_concurrency.rs`; every
//! documented command is compared between the backends in `readme.rs`.

mod common;

use common::{ok, Sandbox};

/// A fresh database of the test server, as `--db` takes it, or `None` (skipped).
fn fresh_url() -> Option<String> {
    let server = credits_testpg::server()?;
    Some(format!("{}?sslmode=disable", server.fresh_database()))
}

/// A month of a small studio's log: two platforms, projects, a client tag, a failure and a
/// refund, a plan, a top-up, an adjustment and budgets; and what two platforms billed: a
/// Replicate prediction matched to an entry logged by hand, one the import made (entries 5
/// and 6, in time order, so ids agree between the copies), and a fal usage line.
fn fill(sandbox: &Sandbox, db: &str) {
    let steps: &[&[&str]] = &[
        &[
            "account",
            "set",
            "runway",
            "--plan",
            "standard",
            "--since",
            "2026-11-01",
        ],
        &[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "5",
            "--project",
            "spring",
            "--at",
            "2026-11-02 10:00",
        ],
        &[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "10",
            "--project",
            "spring",
            "--tag",
            "client=acme",
            "--at",
            "2026-11-03 11:00",
        ],
        &[
            "log",
            "pika",
            "pika-2.5-turbo",
            "--duration",
            "5",
            "--project",
            "summer",
            "--at",
            "2026-11-04 09:00",
        ],
        &[
            "log",
            "runway",
            "gen-4-turbo",
            "--duration",
            "10",
            "--at",
            "2026-11-05 12:00",
        ],
        &["fail", "2"],
        &["refund", "2", "--at", "2026-11-06 10:00"],
        &[
            "topup",
            "runway",
            "--credits",
            "500",
            "--price",
            "10",
            "--at",
            "2026-11-07 10:00",
        ],
        &[
            "adjust",
            "runway",
            "100",
            "--note",
            "bonus",
            "--at",
            "2026-11-08 10:00",
        ],
        &["budget", "set", "spring", "50", "--money"],
        &[
            "budget",
            "set",
            "summer",
            "300",
            "--credits",
            "--platform",
            "pika",
        ],
    ];
    for step in steps {
        let mut args = vec!["--db", db];
        args.extend_from_slice(step);
        ok(sandbox, &args);
    }
    let predictions = sandbox.write(
        "predictions.json",
        r#"{"next": null, "results": [
  {"id": "p-failed", "model": "black-forest-labs/flux-dev", "status": "failed",
   "created_at": "2026-11-20T11:00:00Z"},
  {"id": "p-ok", "model": "black-forest-labs/flux-schnell", "status": "succeeded",
   "created_at": "2026-11-20T12:00:00Z"}]}"#,
    );
    let usage = sandbox.write(
        "usage.json",
        r#"{"time_series": [{"bucket": "2026-11-18T00:00:00Z", "results": [
  {"endpoint_id": "fal-ai/ovi", "unit": "video", "quantity": 2, "unit_price": 0.20,
   "cost": 0.40, "currency": "USD"}]}], "has_more": false}"#,
    );
    let (predictions, usage) = (predictions.to_str().unwrap(), usage.to_str().unwrap());
    for step in [
        &[
            "log",
            "replicate",
            "flux-dev",
            "--at",
            "2026-11-20T11:10:00Z",
        ][..],
        &["import", "--from", "replicate", predictions],
        &["import", "--from", "fal", usage],
    ] {
        let mut args = vec!["--db", db];
        args.extend_from_slice(step);
        ok(sandbox, &args);
    }
}

/// What a user reads of a ledger: balance, reports, budgets and every entry.
fn views(sandbox: &Sandbox, db: &str) -> Vec<String> {
    let reads: &[&[&str]] = &[
        &["balance", "--json"],
        &["report", "--by", "project", "--by", "month", "--json"],
        &["report", "--by", "tag:client", "--json"],
        &["budget", "list", "--json"],
        &["history", "--json"],
        &["topup", "list", "--json"],
        &["adjust", "list", "--json"],
        &["reconcile", "--json"],
        &["report", "--by", "model", "--cost", "billed", "--json"],
    ];
    reads
        .iter()
        .map(|read| {
            let mut args = vec!["--db", db];
            args.extend_from_slice(read);
            ok(sandbox, &args).stdout
        })
        .collect()
}

#[test]
fn a_ledger_copied_to_postgresql_and_back_reads_the_same_and_copying_twice_adds_nothing() {
    let Some(url) = fresh_url() else { return };
    let sandbox = Sandbox::new();
    let original = sandbox.path().join("laptop.db").display().to_string();
    let back = sandbox.path().join("back.db").display().to_string();
    fill(&sandbox, &original);

    let first = ok(
        &sandbox,
        &["db", "copy", "--from", &original, "--to", &url, "--json"],
    );
    // 9 records: the account, its plan change, the top-up, the adjustment, two budgets, two
    // billed generations and a billed line; the account comes in with its plan change.
    first
        .json_eq("/entries", 6.into())
        .json_eq("/added", 6.into())
        .json_eq("/records", 9.into())
        .json_eq("/records_added", 8.into());
    ok(&sandbox, &["db", "copy", "--from", &url, "--to", &back]);
    let expected = views(&sandbox, &original);
    // The failed prediction is linked to the entry logged by hand (5): an official model's
    // failure is not charged, so the entry is refunded; a lost link in a copy would list it
    // as logged but never billed, and the views below would differ.
    let history: serde_json::Value = serde_json::from_str(&expected[4]).unwrap();
    let hand_logged = history
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == 5)
        .expect("entry 5");
    assert_eq!(hand_logged["status"], "refunded", "{hand_logged}");
    assert!(!expected[7].contains("\"entry_id\": 5"), "{}", expected[7]);
    assert_eq!(views(&sandbox, &url), expected, "the PostgreSQL copy");
    assert_eq!(views(&sandbox, &back), expected, "copied back to SQLite");

    // Twice: nothing new, in either direction.
    let again = ok(
        &sandbox,
        &["db", "copy", "--from", &original, "--to", &url, "--json"],
    );
    again
        .json_eq("/added", 0.into())
        .json_eq("/present", 6.into())
        .json_eq("/records_added", 0.into());
    ok(
        &sandbox,
        &["db", "copy", "--from", &url, "--to", &back, "--json"],
    )
    .json_eq("/added", 0.into());
    assert_eq!(views(&sandbox, &url), expected, "after copying twice");

    // A laptop log that holds some of the ledger and something new adds only the new.
    ok(
        &sandbox,
        &[
            "--db",
            &original,
            "log",
            "runway",
            "gen-4",
            "--duration",
            "5",
            "--project",
            "autumn",
            "--at",
            "2026-11-09 10:00",
        ],
    );
    ok(
        &sandbox,
        &["db", "copy", "--from", &original, "--to", &url, "--json"],
    )
    .json_eq("/added", 1.into())
    .json_eq("/present", 6.into());
}

#[test]
fn db_status_names_the_backend_and_hides_the_password() {
    let Some(url) = fresh_url() else { return };
    let sandbox = Sandbox::new();
    let with_password = url.replacen("postgres://postgres@", "postgres://postgres:s3cret@", 1);
    // The test server trusts every connection: the password is carried, never checked.
    ok(
        &sandbox,
        &[
            "--db",
            &with_password,
            "log",
            "runway",
            "gen-4",
            "--duration",
            "5",
        ],
    );
    let status = ok(
        &sandbox,
        &["--db", &with_password, "db", "status", "--json"],
    );
    status
        .json_eq("/backend", "postgresql".into())
        .json_eq("/schema", credits_store::SCHEMA_VERSION.into())
        .json_eq("/entries", 1.into());
    let location = status.json_at("/location");
    assert_eq!(
        location.as_str(),
        Some(with_password.replace(":s3cret@", ":***@").as_str())
    );
    let text = ok(&sandbox, &["--db", &with_password, "db", "status"]);
    text.stdout_has("postgresql")
        .stdout_has(":***@")
        .stdout_lacks("s3cret");
    for args in [
        vec!["--db", &with_password, "history", "--json"],
        vec!["--db", &with_password, "log", "nowhere", "x"],
    ] {
        let run = sandbox.run(&args);
        run.stdout_lacks("s3cret").stderr_lacks("s3cret");
    }

    let file = Sandbox::with_db();
    ok(&file, &["log", "runway", "gen-4", "--duration", "5"]);
    ok(&file, &["db", "status", "--json"])
        .json_eq("/backend", "sqlite".into())
        .json_eq("/entries", 1.into());
}

#[test]
fn who_logged_each_entry_is_recorded_and_reported_on_postgresql() {
    let Some(url) = fresh_url() else { return };
    let mut ann = Sandbox::new();
    ann.env("CREDITS_USER", "ann").env("HOSTNAME", "studio-1");
    let mut bob = Sandbox::new();
    bob.env("CREDITS_USER", "bob").env("HOSTNAME", "studio-2");
    ok(
        &ann,
        &[
            "--db",
            &url,
            "log",
            "runway",
            "gen-4",
            "--duration",
            "5",
            "--project",
            "spring",
        ],
    );
    ok(
        &bob,
        &[
            "--db",
            &url,
            "log",
            "runway",
            "gen-4",
            "--duration",
            "10",
            "--project",
            "spring",
        ],
    );
    ok(
        &bob,
        &[
            "--db",
            &url,
            "topup",
            "runway",
            "--credits",
            "100",
            "--price",
            "5",
        ],
    );
    let history = ok(&ann, &["--db", &url, "history", "--json"]);
    let entries = history.json();
    let who: Vec<(String, String)> = entries
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            (
                e["logged_by"].as_str().unwrap_or("?").to_string(),
                e["machine"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect();
    assert_eq!(
        who,
        vec![
            ("bob".to_string(), "studio-2".to_string()),
            ("ann".to_string(), "studio-1".to_string())
        ]
    );
    let report = ok(&ann, &["--db", &url, "report", "--by", "user"]);
    report.stdout_has("ann").stdout_has("bob");
    ok(&ann, &["--db", &url, "history", "--user", "bob", "--json"])
        .json_eq("/0/logged_by", "bob".into());
}

/// TLS with libpq's `sslmode`: `require` on a server without TLS is refused, saying so; with
/// TLS on, `require` and the default `prefer` encrypt without checking the certificate,
/// `verify-full` connects when `sslrootcert` names the CA that signed it and refuses it
/// otherwise, saying how to name it. The test makes the CA and the certificate with the `openssl` command (skipped
/// without it, or on a server given by URL, whose files are not ours) and turns TLS on in
/// the throwaway server: every other test of this file connects with `sslmode=disable`.
#[test]
fn tls_connects_with_the_named_ca_and_says_how_without_it() {
    let Some(server) = credits_testpg::server() else {
        return;
    };
    if server.bin_dir().is_none()
        || std::process::Command::new("openssl")
            .arg("version")
            .output()
            .is_err()
    {
        eprintln!("skipped: needs the openssl command and a throwaway server");
        return;
    }
    let sandbox = Sandbox::new();
    let dir = sandbox.path();
    let openssl = |args: &[&str]| {
        let out = std::process::Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("openssl runs");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=credits test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ]);
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ]);
    std::fs::write(
        dir.join("ext.cnf"),
        "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "ext.cnf",
        "-out",
        "server.crt",
    ]);

    let name = server.fresh_database_name();
    let base = format!("postgres://postgres@localhost:{}/{name}", server.port());
    sandbox
        .run(&["--db", &format!("{base}?sslmode=require"), "history"])
        .error()
        .stderr_has("does not offer TLS")
        .stderr_has("sslmode=prefer");

    // The server reads its certificate from its data directory, as its own user.
    let admin = format!("{}?sslmode=disable", server.admin_url());
    let mut client = postgres::Client::connect(&admin, postgres::NoTls).expect("admin connection");
    let data: String = client.query_one("SHOW data_directory", &[]).unwrap().get(0);
    let data = std::path::Path::new(&data);
    for file in ["server.crt", "server.key"] {
        std::fs::copy(dir.join(file), data.join(file))
            .expect("the certificate goes in the data dir");
    }
    // The server refuses a key others may read, and one its user (postgres, when the tests
    // run as root) does not own.
    let _ = std::process::Command::new("chmod")
        .arg("600")
        .arg(data.join("server.key"))
        .status();
    if runs_as_root() {
        let _ = std::process::Command::new("chown")
            .args([
                "postgres",
                &data.join("server.crt").display().to_string(),
                &data.join("server.key").display().to_string(),
            ])
            .status();
    }
    client
        .batch_execute("ALTER SYSTEM SET ssl = on")
        .and_then(|()| client.batch_execute("SELECT pg_reload_conf()"))
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));

    let ca = dir.join("ca.crt").display().to_string();
    ok(
        &sandbox,
        &[
            "--db",
            &format!("{base}?sslmode=require&sslrootcert={ca}"),
            "log",
            "runway",
            "gen-4",
            "--duration",
            "5",
        ],
    );
    ok(
        &sandbox,
        &[
            "--db",
            &format!("{base}?sslmode=verify-full&sslrootcert={ca}"),
            "history",
            "--json",
        ],
    )
    .json_eq("/0/model", "gen-4".into());
    for unchecked in [format!("{base}?sslmode=require"), base.clone()] {
        ok(&sandbox, &["--db", &unchecked, "history", "--json"])
            .json_eq("/0/model", "gen-4".into());
    }
    let refused = sandbox.run(&["--db", &format!("{base}?sslmode=verify-full"), "history"]);
    refused
        .error()
        .stderr_has("certificate is not trusted")
        .stderr_has("sslrootcert=");
    client
        .batch_execute("ALTER SYSTEM SET ssl = off")
        .and_then(|()| client.batch_execute("SELECT pg_reload_conf()"))
        .unwrap();
}

/// Whether this test process runs as root (then the server runs as `postgres`).
fn runs_as_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A budget for one person on the shared ledger counts only what they logged, from any
/// machine (`budget set … --for NAME`, schema 11 on PostgreSQL as on SQLite).
#[test]
fn a_budget_for_one_person_holds_on_the_shared_ledger() {
    let Some(url) = fresh_url() else { return };
    let sandbox = Sandbox::new();
    ok(
        &sandbox,
        &[
            "--db",
            &url,
            "budget",
            "set",
            "spring",
            "100",
            "--credits",
            "--platform",
            "runway",
            "--for",
            "ann",
        ],
    );
    let log = |user: &str| {
        sandbox.run(&[
            "--db",
            &url,
            "--user",
            user,
            "log",
            "runway",
            "gen-4",
            "--duration",
            "5",
            "--project",
            "spring",
            "--strict-budget",
        ])
    };
    log("ann").success();
    log("bob").success();
    log("ann").code(3).stderr_has("budget for ann");
    ok(&sandbox, &["--db", &url, "budget", "list", "--json"])
        .json_eq("/0/user", "ann".into())
        .json_decimal_eq("/0/used", "60");
    ok(&sandbox, &["--db", &url, "db", "status", "--json"])
        .json_eq("/schema", credits_store::SCHEMA_VERSION.into());
}

/// The sums a report reads are the same on both backends after the same writes (issue 20,
/// item 2): the same month of commands on a SQLite file and a PostgreSQL ledger, then every
/// row of `entry_day`, `entry_month`, `tag_day` and `tag_month` compared, read as text.
#[test]
fn the_sums_tables_match_between_the_backends_after_the_same_writes() {
    let Some(url) = fresh_url() else { return };
    let sandbox = Sandbox::new();
    let file = sandbox.path().join("laptop.db").display().to_string();
    for db in [file.as_str(), url.as_str()] {
        fill(&sandbox, db);
        // Edits, a removal and a status change, which the triggers keep summed.
        ok(
            &sandbox,
            &[
                "--db",
                db,
                "edit",
                "1",
                "--project",
                "summer",
                "--tag",
                "client=bolt",
            ],
        );
        ok(&sandbox, &["--db", db, "rm", "4"]);
        ok(&sandbox, &["--db", db, "fail", "3"]);
    }
    let sqlite = common::open_db(std::path::Path::new(&file));
    let mut pg = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    for table in ["entry_day", "entry_month", "tag_day", "tag_month"] {
        let columns: Vec<String> = sqlite
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
            ))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let text = columns
            .iter()
            .map(|c| format!("CAST({c} AS TEXT)"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let sql = format!("SELECT {text} FROM {table} ORDER BY 1");
        let on_sqlite: Vec<String> = sqlite
            .prepare(&sql)
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let on_postgres: Vec<String> = pg
            .query(&sql, &[])
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        assert!(!on_sqlite.is_empty(), "{table} holds rows");
        assert_eq!(on_postgres, on_sqlite, "{table}");
    }
}

/// A URL is never taken for a file name (found by a new-user trial: a mistyped
/// `postgres:/…` and a `mysql://…` became folders named after the password, and the command
/// said it had logged), and a config file's parse error quoting a `db` line hides its
/// password. No server needed.
#[test]
fn a_url_that_is_not_a_ledger_is_refused_and_its_password_never_shown() {
    let sandbox = Sandbox::new();
    for url in [
        "postgres:/ann:s3cret@127.0.0.1/studio",
        "mysql://ann:s3cret@127.0.0.1/studio",
    ] {
        let run = sandbox.run(&["--db", url, "log", "runway", "gen-4", "--duration", "5"]);
        run.error()
            .stderr_has("looks like a URL")
            .stderr_lacks("s3cret")
            .stdout_lacks("logged");
    }
    assert!(
        std::fs::read_dir(sandbox.path())
            .unwrap()
            .flatten()
            .all(|e| !e.file_name().to_string_lossy().contains("s3cret")),
        "nothing is made under the URL's name"
    );
    sandbox.write(
        ".config/credits/config.toml",
        "db = \"postgres://ann:s3cret@127.0.0.1:5432/studio\n",
    );
    sandbox
        .run(&["balance"])
        .error()
        .stderr_has("config.toml")
        .stderr_has("ann:***@")
        .stderr_lacks("s3cret");
}
