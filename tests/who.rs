//! Who did it (issue 20, item 4; schema 10): every entry, top-up, adjustment and plan change
//! records `logged_by` (`--user`, else `CREDITS_USER`, else `user` in the config file, else
//! the login name) and `machine` (the host name); `history` and `report` show, filter and
//! group by them; export and import carry them; an older log gets the local user and host.

mod common;

use common::{ok, open_db, Sandbox};
use serde_json::Value;

/// A sandbox with a database and a known host name (`HOSTNAME`, read before the system's).
fn sandbox() -> Sandbox {
    let mut s = Sandbox::with_db();
    s.env("HOSTNAME", "studio-1");
    s
}

/// `(logged_by, machine)` of every row of `table`, oldest first.
fn who_of(s: &Sandbox, table: &str) -> Vec<(Option<String>, Option<String>)> {
    let conn = open_db(&s.db());
    // Plan changes have no rowid: they are keyed by their date.
    let order = if table == "account_change" {
        "effective_on"
    } else {
        "rowid"
    };
    let mut stmt = conn
        .prepare(&format!(
            "SELECT logged_by, machine FROM {table} ORDER BY {order}"
        ))
        .expect("select who");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(|rows| rows.collect::<Result<_, _>>())
        .expect("read who")
}

fn who(user: Option<&str>) -> (Option<String>, Option<String>) {
    (user.map(str::to_string), Some("studio-1".to_string()))
}

/// One of each record, by whoever the sandbox's environment and `extra` flags say.
fn record_one_of_each(s: &Sandbox, extra: &[&str], day: u32) {
    let with = |args: &[&str]| -> Vec<String> {
        extra
            .iter()
            .chain(args.iter())
            .map(|a| a.to_string())
            .collect()
    };
    let run = |args: Vec<String>| {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        ok(s, &refs);
    };
    let since = format!("2026-11-0{day}");
    run(with(&[
        "account", "set", "runway", "--plan", "standard", "--since", &since,
    ]));
    run(with(&[
        "topup",
        "runway",
        "--credits",
        "100",
        "--price",
        "10",
        "--at",
        &format!("{since} 10:00"),
    ]));
    run(with(&[
        "adjust",
        "runway",
        "5",
        "--note",
        "bonus",
        "--at",
        &format!("{since} 11:00"),
    ]));
    run(with(&[
        "log",
        "runway",
        "gen-4",
        "--duration",
        "5",
        "--at",
        &format!("{since} 12:00"),
    ]));
}

#[test]
fn the_user_comes_from_the_flag_the_environment_the_config_then_the_login_name() {
    let mut s = sandbox();
    // Nothing says: unknown, but the machine is known.
    record_one_of_each(&s, &[], 1);
    // The login name.
    s.env("USER", "login-name");
    record_one_of_each(&s, &[], 2);
    // The config file is over the login name.
    s.write(".config/credits/config.toml", "user = \"from-config\"\n");
    record_one_of_each(&s, &[], 3);
    // CREDITS_USER is over the config file.
    s.env("CREDITS_USER", "from-env");
    record_one_of_each(&s, &[], 4);
    // --user is over everything, before or after the subcommand.
    record_one_of_each(&s, &["--user", "from-flag"], 5);
    ok(
        &s,
        &[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "5",
            "--user",
            "after-the-command",
        ],
    );

    let expected = [
        None,
        Some("login-name"),
        Some("from-config"),
        Some("from-env"),
        Some("from-flag"),
    ];
    for table in ["account_change", "topup", "adjustment"] {
        let got = who_of(&s, table);
        assert_eq!(
            got,
            expected.iter().map(|u| who(*u)).collect::<Vec<_>>(),
            "{table}"
        );
    }
    let mut entries: Vec<_> = expected.iter().map(|u| who(*u)).collect();
    entries.push(who(Some("after-the-command")));
    assert_eq!(who_of(&s, "entry"), entries, "entries");
}

/// A log by three users (one unknown): alice 2 entries, bob 1, nobody 1.
fn shared_log() -> Sandbox {
    let s = sandbox();
    for (user, duration, project) in [
        (Some("alice"), "5", "teaser"),
        (Some("bob"), "10", "teaser"),
        (Some("alice"), "10", "trailer"),
        (None, "5", "teaser"),
    ] {
        let mut args = vec!["log", "runway", "gen-4", "--duration", duration];
        args.extend(["--project", project]);
        if let Some(user) = user {
            args.extend(["--user", user]);
        }
        ok(&s, &args);
    }
    s
}

fn ids(run: &common::Run) -> Vec<i64> {
    run.json()
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["id"].as_i64().expect("id"))
        .collect()
}

#[test]
fn history_shows_filters_and_says_who() {
    let s = shared_log();
    let all = ok(&s, &["--json", "history"]);
    let first = &all.json()[0];
    all.check_eq("logged_by", &Value::Null, &first["logged_by"]);
    all.check_eq("machine", &Value::from("studio-1"), &first["machine"]);
    all.check_eq(
        "alice's entry",
        &Value::from("alice"),
        &all.json()[1]["logged_by"],
    );

    let alice = ok(&s, &["--json", "history", "--user", "alice"]);
    alice.check_eq("alice's entries", vec![3, 1], ids(&alice));
    let bob = ok(&s, &["--json", "--user", "bob", "history"]);
    bob.check_eq("bob's entries", vec![2], ids(&bob));

    // The table has a `by` column, which gives way first at narrow widths.
    let table = ok(&s, &["history", "--wide"]);
    table.check(
        table.stdout.lines().next().unwrap_or("").contains(" by "),
        "a by column",
    );
    table.stdout_has("alice").stdout_has("bob");
    // A log where nobody is known keeps the table it had: no `by` column.
    let nobody = sandbox();
    ok(&nobody, &["log", "runway", "gen-4", "--duration", "5"]);
    let plain = ok(&nobody, &["history", "--wide"]);
    plain.check(
        !plain.stdout.lines().next().unwrap_or("").contains(" by "),
        "no by column when no entry has a user",
    );
}

#[test]
fn report_by_user_adds_up_to_each_users_own_report() {
    let s = shared_log();
    let by_user = ok(&s, &["--json", "report", "--by", "user"]);
    let rows = by_user.json()["rows"].as_array().expect("rows").clone();
    let keys: Vec<Value> = rows.iter().map(|r| r["user"].clone()).collect();
    by_user.check_eq(
        "one row per user, unknown first",
        vec![Value::Null, "alice".into(), "bob".into()],
        keys,
    );
    for row in &rows {
        let Some(user) = row["user"].as_str() else {
            continue;
        };
        let own = ok(&s, &["--json", "report", "--user", user]);
        let total = own.json()["total"].clone();
        for field in ["credits", "cost", "seconds", "clips"] {
            own.check_eq(&format!("{user}'s {field}"), &total[field], &row[field]);
        }
    }
    // Filtered and grouped at once, with a time window the sums would answer.
    let alice = ok(
        &s,
        &[
            "--json", "report", "--by", "project", "--user", "alice", "--since", "30d",
        ],
    );
    let projects: Vec<Value> = alice.json()["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["project"].clone())
        .collect();
    alice.check_eq(
        "alice's projects",
        vec![Value::from("teaser"), "trailer".into()],
        projects,
    );
    alice.json_eq("/total/clips", Value::from(2));
}

#[test]
fn export_and_import_carry_who_and_a_file_without_them_leaves_them_unknown() {
    let s = shared_log();
    ok(
        &s,
        &[
            "--user",
            "carol",
            "topup",
            "runway",
            "--credits",
            "100",
            "--price",
            "10",
        ],
    );
    for format in ["csv", "json"] {
        let file = s.path().join(format!("out.{format}"));
        let file = file.to_str().expect("utf-8 path");
        ok(&s, &["export", "--format", format, "-o", file]);
        let mut fresh = Sandbox::with_db();
        fresh.env("HOSTNAME", "elsewhere");
        fresh.env("USER", "importer");
        ok(&fresh, &["import", file]);
        assert_eq!(
            who_of(&fresh, "entry"),
            who_of(&s, "entry"),
            "{format}: entries keep who logged them, and where"
        );
        if format == "json" {
            assert_eq!(
                who_of(&fresh, "topup"),
                vec![who(Some("carol"))],
                "the state keeps them"
            );
        }
    }
    // A file from before schema 10 (no such columns): unknown, not the importer.
    let mut fresh = Sandbox::with_db();
    fresh.env("USER", "importer");
    fresh.write(
        "old.csv",
        "at,platform,model,duration,credits,pricing\n\
         2026-11-01T10:00:00Z,runway,gen-4,5,60,unpriced\n",
    );
    ok(&fresh, &["import", "old.csv"]);
    assert_eq!(who_of(&fresh, "entry"), vec![(None, None)]);
    // Imported again with the columns: already present (they are not part of the key).
    fresh.write(
        "again.csv",
        "at,platform,model,duration,credits,pricing,logged_by,machine\n\
         2026-11-01T10:00:00Z,runway,gen-4,5,60,unpriced,alice,studio-1\n",
    );
    let again = ok(&fresh, &["--json", "import", "again.csv"]);
    again.json_eq("/added", Value::from(0));
}

/// Every migration up to schema 9, as released.
const SCHEMA_9: [&str; 9] = [
    include_str!("../crates/store/src/migrations/0001_init.sql"),
    include_str!("../crates/store/src/migrations/0002_balances.sql"),
    include_str!("../crates/store/src/migrations/0003_engine.sql"),
    include_str!("../crates/store/src/migrations/0004_price_tables.sql"),
    include_str!("../crates/store/src/migrations/0005_plan_terms.sql"),
    include_str!("../crates/store/src/migrations/0006_speed.sql"),
    include_str!("../crates/store/src/migrations/0007_scan.sql"),
    include_str!("../crates/store/src/migrations/0008_scan_stamp.sql"),
    include_str!("../crates/store/src/migrations/0009_tag_sums.sql"),
];

#[test]
fn a_schema_9_log_gets_the_local_user_and_host_on_open() {
    let mut s = sandbox();
    {
        let conn = open_db(&s.db());
        for sql in SCHEMA_9 {
            conn.execute_batch(sql).expect("a migration");
        }
        conn.pragma_update(None, "application_id", 0x4352_4454)
            .expect("application_id");
        conn.pragma_update(None, "user_version", 9)
            .expect("user_version");
        conn.execute_batch(
            "INSERT INTO entry (at, platform, model, duration_ms, count, credits_milli, \
                 pricing, dedup_key) \
             VALUES ('2026-11-01T10:00:00Z', 'runway', 'gen-4', 5000, 1, 60000, 'unpriced', 'k1');
             INSERT INTO account_change (platform, plan, billing, effective_on) \
             VALUES ('runway', 'standard', 'monthly', '2026-10-01');
             INSERT INTO topup (platform, credits_milli, price_micro, currency, at, expiry) \
             VALUES ('runway', 100000, 10000000, 'USD', '2026-10-02T00:00:00Z', 'never');
             INSERT INTO adjustment (platform, credits_milli, note, at) \
             VALUES ('runway', 5000, 'bonus', '2026-10-03T00:00:00Z');",
        )
        .expect("schema-9 rows");
    }
    s.env("USER", "owner");
    // A command that only reads migrates and fills them.
    let history = ok(&s, &["--json", "history"]);
    history.json_eq("/0/logged_by", Value::from("owner"));
    history.json_eq("/0/machine", Value::from("studio-1"));
    for table in ["entry", "account_change", "topup", "adjustment"] {
        assert_eq!(who_of(&s, table), vec![who(Some("owner"))], "{table}");
    }
    let version: i64 = open_db(&s.db())
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("user_version");
    assert_eq!(version, i64::from(credits::SCHEMA_VERSION));
    // Once: another user opening it later changes nothing, and an import of a file without
    // the columns stays unknown.
    s.env("USER", "someone-else");
    s.write(
        "old.csv",
        "at,platform,model,duration,credits,pricing\n\
         2026-11-02T10:00:00Z,runway,gen-4,5,60,unpriced\n",
    );
    ok(&s, &["import", "old.csv"]);
    assert_eq!(
        who_of(&s, "entry"),
        vec![who(Some("owner")), (None, None)],
        "filled once"
    );
}

/// A budget can count one person's entries (`budget set … --for NAME`, schema 11): beside
/// the team's budget of the same project, it counts only what NAME logged, a strict log over
/// it is refused naming whose budget (exit 3), other people's logs pass it by, it travels in
/// a JSON export, and `budget rm --for NAME` removes it alone.
#[test]
fn a_budget_for_one_person_counts_only_their_entries() {
    let s = sandbox();
    ok(
        &s,
        &[
            "budget",
            "set",
            "spring",
            "200",
            "--credits",
            "--platform",
            "runway",
        ],
    );
    ok(
        &s,
        &[
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
    )
    .stdout_has("budget for spring (ann's entries): 100 runway credits in total");
    let log = |user: &str| {
        s.run(&[
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
    log("ann").success(); // 60 of ann's 100, 60 of the team's 200
    log("bob").success(); // bob's pass ann's budget by: 120 of 200
    log("ann")
        .code(3)
        .stderr_has("spring's total budget for ann to 120 runway credits of 100 runway credits");
    let list = ok(&s, &["budget", "list", "--json"]);
    list.json_eq("/0/user", Value::Null)
        .json_decimal_eq("/0/used", "120")
        .json_eq("/1/user", "ann".into())
        .json_decimal_eq("/1/used", "60");
    ok(&s, &["budget", "list"]).stdout_has("spring (ann)");

    let export = s.path().join("ledger.json");
    ok(
        &s,
        &[
            "export",
            "--format",
            "json",
            "-o",
            &export.display().to_string(),
        ],
    );
    let other = Sandbox::with_db();
    ok(&other, &["import", &export.display().to_string()]);
    ok(&other, &["budget", "list", "--json"]).json_eq("/1/user", "ann".into());

    ok(&s, &["budget", "rm", "spring", "--for", "ann"]).stdout_has("removed 1 budget of spring");
    ok(&s, &["budget", "list", "--json"])
        .json_eq("/0/user", Value::Null)
        .check_eq(
            "budgets left",
            1,
            s.run(&["budget", "list", "--json"])
                .json()
                .as_array()
                .map_or(0, Vec::len),
        );
}
