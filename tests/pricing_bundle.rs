//! Updates without a new binary, through the binary: `credits pricing bundle DIR -o FILE`
//! makes a dated bundle, `credits pricing update --from FILE|URL` checks and installs it
//! into the data dir, `credits pricing status` says where each table comes from, and
//! `credits pricing update --remove` goes back to the built-in tables. A refused update
//! leaves the installed bundle byte for byte as it was. URLs are served by a tiny HTTP/1.1
//! server on 127.0.0.1 in a thread of the test.

mod common;

use common::{Run, Sandbox};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;

/// Runway with Gen-4 at 15 credits a second (the built-in table says 12), dated after
/// the built-in tables (whose newest is 2026-11-21).
const RUNWAY: &str = "\
name = \"Runway\"
as_of = 2026-11-25

[[plan]]
name = \"Standard\"
price = 15
credits = 625

[[model]]
name = \"Gen-4\"
per_second = 15
durations = [5, 10]
";

/// A platform the binary does not ship.
const NEWCO: &str = "\
name = \"NewCo\"
as_of = 2026-11-20

[[model]]
name = \"Clip\"
credits = 9
";

/// Where the binary installs the bundle in a sandbox (the data dir, `XDG_DATA_HOME`).
fn installed(sandbox: &Sandbox) -> PathBuf {
    sandbox
        .path()
        .join(".local")
        .join("share")
        .join("credits")
        .join("pricing-bundle.json")
}

/// Writes `tables` into `<sandbox>/DIR/` and bundles them into `<sandbox>/NAME`.
fn make_bundle(sandbox: &Sandbox, dir: &str, tables: &[(&str, &str)], name: &str) -> PathBuf {
    for (file, text) in tables {
        sandbox.write(&format!("{dir}/{file}"), text);
    }
    sandbox
        .run(&["pricing", "bundle", dir, "-o", name])
        .success();
    sandbox.path().join(name)
}

/// The standard bundle: runway changed, newco new.
fn standard_bundle(sandbox: &Sandbox) -> PathBuf {
    make_bundle(
        sandbox,
        "tables",
        &[("runway.toml", RUNWAY), ("newco.toml", NEWCO)],
        "bundle.json",
    )
}

/// `estimate runway gen-4 --duration 10`'s credits, as JSON.
fn gen4_credits(sandbox: &Sandbox) -> Value {
    sandbox
        .run(&["--json", "estimate", "runway", "gen-4", "--duration", "10"])
        .success()
        .json_at("/credits")
}

/// The status row of `platform` in `pricing status --json`.
fn status_of(sandbox: &Sandbox, platform: &str) -> Value {
    let run = sandbox.run(&["--json", "pricing", "status"]);
    run.success();
    run.json_at("/platforms")
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["platform"] == platform).cloned())
        .unwrap_or_else(|| run.fail(format!("a status row for {platform}"), "none"))
}

/// Serves `responses` (status line, body) to one connection each, in order, on
/// 127.0.0.1; returns the base URL.
fn serve(responses: Vec<(&'static str, Vec<u8>)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let port = listener.local_addr().expect("its address").port();
    std::thread::spawn(move || {
        for (status, body) in responses {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            // Read the request head (the client sends no body).
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") {
                match stream.read(&mut byte) {
                    Ok(1) => head.push(byte[0]),
                    _ => break,
                }
            }
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
            let _ = stream.flush();
        }
    });
    format!("http://127.0.0.1:{port}")
}

fn no_bundle_installed(sandbox: &Sandbox, run: &Run) {
    run.check(
        !installed(sandbox).exists(),
        "no bundle installed in the data dir",
    );
}

#[test]
fn a_bundled_folder_installs_and_status_show_and_estimate_use_it() {
    let sandbox = Sandbox::new();
    assert_eq!(gen4_credits(&sandbox), json!("120"), "the built-in rate");
    let bundle = standard_bundle(&sandbox);
    let made = sandbox.run(&["--json", "pricing", "bundle", "tables", "-o", "again.json"]);
    made.success()
        .json_eq("/date", json!("2026-11-25"))
        .json_eq("/tables/0/file", json!("newco.toml"))
        .json_eq("/tables/1/platform", json!("runway"));
    let manifest: Value = serde_json::from_slice(&std::fs::read(&bundle).unwrap()).unwrap();
    made.check_eq(
        "the bundle's format",
        json!("credits-pricing-bundle"),
        manifest["format"].clone(),
    )
    .check_eq(
        "the bundle's date",
        json!("2026-11-25"),
        manifest["date"].clone(),
    );

    let run = sandbox.run(&["pricing", "update", "--from", "bundle.json"]);
    run.success()
        .stdout_has("installed pricing bundle 2026-11-25")
        .stdout_has("2 tables (1 new, 1 changed, 0 same as built-in)");
    run.check(
        run.line("newco").contains("new"),
        "newco marked new versus the built-ins",
    );
    run.check(
        run.line("runway").contains("changed (built-in as of"),
        "runway marked changed versus the built-ins",
    );
    run.check(
        std::fs::read(installed(&sandbox)).unwrap() == std::fs::read(&bundle).unwrap(),
        "the installed file is the bundle as it came",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        run.check_eq(
            "the installed file's mode",
            0o600,
            mode(&installed(&sandbox)),
        );
        run.check_eq(
            "the data dir's mode",
            0o700,
            mode(installed(&sandbox).parent().unwrap()),
        );
        run.check_eq("the made bundle's mode", 0o600, mode(&bundle));
    }

    let status = sandbox.run(&["pricing", "status"]);
    status
        .success()
        .stdout_has("bundle    2026-11-25, 2 tables");
    status.check(
        status.line("runway").contains("bundle 2026-11-25"),
        "runway's table from the bundle",
    );
    status.check(
        status.line("newco").contains("bundle 2026-11-25"),
        "newco's table from the bundle",
    );
    status.check(
        status.line("google").contains("built-in"),
        "google's table still built-in",
    );
    let row = status_of(&sandbox, "runway");
    status.check_eq(
        "runway's status row",
        json!({"platform": "runway", "source": "bundle", "file": "runway.toml",
               "bundle_date": "2026-11-25", "as_of": "2026-11-25", "patched_by": []}),
        row,
    );

    sandbox
        .run(&["pricing", "show", "runway"])
        .success()
        .stdout_has("from bundle 2026-11-25 (runway.toml)")
        .stdout_has("15 credits/s");
    assert_eq!(gen4_credits(&sandbox), json!("150"), "the bundle's rate");
    sandbox
        .run(&["--json", "estimate", "newco", "clip"])
        .success()
        .json_eq("/credits", json!("9"));
}

#[test]
fn a_user_file_still_applies_over_the_bundle_and_status_names_it() {
    let sandbox = Sandbox::new();
    standard_bundle(&sandbox);
    let mine = sandbox.user_pricing_dir().join("runway.toml");
    sandbox.write(
        ".config/credits/pricing/runway.toml",
        &RUNWAY.replace("per_second = 15", "per_second = 20"),
    );
    let run = sandbox.run(&["pricing", "update", "--from", "bundle.json"]);
    run.success()
        .stderr_has(&format!("your pricing file {}", mine.display()));
    // The user's file patches the bundle's table (it keeps the bundle's other numbers).
    let status = sandbox.run(&["pricing", "status"]);
    status.check(
        status.line("runway").contains("bundle 2026-11-25")
            && status
                .line("runway")
                .contains(&format!("patched by {}", mine.display())),
        "runway's table from the bundle, patched by the user file",
    );
    assert_eq!(gen4_credits(&sandbox), json!("200"), "the user file's rate");
}

#[test]
fn update_from_a_local_http_server() {
    let sandbox = Sandbox::new();
    let bundle = standard_bundle(&sandbox);
    let base = serve(vec![("200 OK", std::fs::read(&bundle).unwrap())]);
    let url = format!("{base}/bundle.json");
    sandbox
        .run(&["--json", "pricing", "update", "--from", &url])
        .success()
        .json_eq("/source", json!(url))
        .json_eq("/date", json!("2026-11-25"))
        .json_eq("/tables/1/change", json!("changed"));
    assert_eq!(gen4_credits(&sandbox), json!("150"));
    assert_eq!(
        status_of(&sandbox, "newco")["source"],
        json!("bundle"),
        "newco from the downloaded bundle"
    );
}

#[test]
fn a_404_is_reported_with_its_status_and_installs_nothing() {
    let sandbox = Sandbox::new();
    let base = serve(vec![("404 Not Found", b"no such bundle".to_vec())]);
    let url = format!("{base}/missing.json");
    let run = sandbox.run(&["pricing", "update", "--from", &url]);
    run.error()
        .stderr_has(&url)
        .stderr_has("HTTP 404 Not Found");
    no_bundle_installed(&sandbox, &run);
}

#[test]
fn plain_http_to_another_machine_is_refused() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&[
        "pricing",
        "update",
        "--from",
        "http://example.com/pricing-bundle.json",
    ]);
    run.error()
        .stderr_has("http://example.com/pricing-bundle.json")
        .stderr_has("help:")
        .stderr_has("https://");
    no_bundle_installed(&sandbox, &run);
}

#[test]
fn a_tampered_bundle_is_refused_and_the_installed_one_is_unchanged() {
    let sandbox = Sandbox::new();
    let bundle = standard_bundle(&sandbox);
    sandbox
        .run(&["pricing", "update", "--from", "bundle.json"])
        .success();
    let before = std::fs::read(installed(&sandbox)).unwrap();

    // The text edited, the manifest's hash kept.
    let text = std::fs::read_to_string(&bundle).unwrap();
    let tampered = text.replace("per_second = 15", "per_second = 1");
    assert_ne!(tampered, text);
    sandbox.write("tampered.json", &tampered);
    let run = sandbox.run(&["pricing", "update", "--from", "tampered.json"]);
    run.error()
        .stderr_has("runway.toml")
        .stderr_has("sha256")
        .stderr_has("nothing was installed")
        .stderr_has("help:");
    run.check(
        std::fs::read(installed(&sandbox)).unwrap() == before,
        "the installed bundle byte for byte as it was",
    );
    let left: Vec<_> = std::fs::read_dir(installed(&sandbox).parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    run.check_eq("the data dir's files", 1, left.len());
    assert_eq!(
        gen4_credits(&sandbox),
        json!("150"),
        "the first bundle still used"
    );

    // Not a bundle at all: the same.
    sandbox.write("not-a-bundle.json", "{\"tables\": []}");
    sandbox
        .run(&["pricing", "update", "--from", "not-a-bundle.json"])
        .error()
        .stderr_has("not a pricing bundle");
    assert_eq!(std::fs::read(installed(&sandbox)).unwrap(), before);
}

#[test]
fn an_older_bundle_is_refused_without_force_and_installed_with_it() {
    let sandbox = Sandbox::new();
    let old_runway = RUNWAY.replace("as_of = 2026-11-25", "as_of = 2026-10-01");
    make_bundle(&sandbox, "old", &[("runway.toml", &old_runway)], "old.json");
    let run = sandbox.run(&["pricing", "update", "--from", "old.json"]);
    run.error()
        .stderr_has("2026-10-01")
        .stderr_has("2026-11-21")
        .stderr_has("help:")
        .stderr_has("--force");
    no_bundle_installed(&sandbox, &run);

    let run = sandbox.run(&["pricing", "update", "--from", "old.json", "--force"]);
    run.success()
        .stdout_has("installed pricing bundle 2026-10-01")
        .stderr_has("--force");
    assert_eq!(gen4_credits(&sandbox), json!("150"));
    sandbox
        .run(&["pricing", "status"])
        .success()
        .stderr_has("older than the built-in tables");
}

#[test]
fn remove_restores_the_builtin_tables() {
    let sandbox = Sandbox::new();
    standard_bundle(&sandbox);
    sandbox
        .run(&["pricing", "update", "--from", "bundle.json"])
        .success();
    assert_eq!(gen4_credits(&sandbox), json!("150"));
    let run = sandbox.run(&["pricing", "update", "--remove"]);
    run.success()
        .stdout_has("removed pricing bundle 2026-11-25")
        .stdout_has("the built-in tables apply again");
    no_bundle_installed(&sandbox, &run);
    assert_eq!(gen4_credits(&sandbox), json!("120"));
    sandbox
        .run(&["pricing", "status"])
        .success()
        .stdout_has("none installed");
    assert_eq!(status_of(&sandbox, "runway")["source"], json!("builtin"));
    sandbox
        .run(&["estimate", "newco", "clip"])
        .error()
        .stderr_has("unknown platform");
    sandbox
        .run(&["--json", "pricing", "update", "--remove"])
        .success()
        .json_eq("/removed", json!(false));
}

#[test]
fn a_broken_installed_bundle_is_a_warning_and_the_builtin_tables_stay() {
    let sandbox = Sandbox::new();
    let bundle = standard_bundle(&sandbox);
    let text = std::fs::read_to_string(&bundle).unwrap();
    // Damaged after it was installed: the built-ins apply and every command says so.
    sandbox.write(
        ".local/share/credits/pricing-bundle.json",
        &text.replace("credits = 9", "credits = 8"),
    );
    let run = sandbox.run(&["estimate", "runway", "gen-4", "--duration", "10"]);
    run.success()
        .stderr_has("warning: skipped pricing file")
        .stderr_has("pricing-bundle.json")
        .stderr_has("newco.toml");
    assert_eq!(gen4_credits(&sandbox), json!("120"));
    sandbox
        .run(&["pricing", "status"])
        .success()
        .stdout_has("is not used");
}

#[test]
fn bundle_refuses_a_broken_table_naming_it_and_writes_nothing() {
    let sandbox = Sandbox::new();
    sandbox.write("tables/runway.toml", RUNWAY);
    sandbox.write(
        "tables/broken.toml",
        "name = \"Broken\"\nas_of = 2026-11-01\n[[model]]\nname = \"X\"\n",
    );
    let run = sandbox.run(&["pricing", "bundle", "tables", "-o", "out.json"]);
    run.error().stderr_has("broken.toml").stderr_has("help:");
    run.check(
        !sandbox.path().join("out.json").exists(),
        "no bundle written",
    );

    let empty = sandbox.run(&["pricing", "bundle", "nothing-here", "-o", "out.json"]);
    empty.error().stderr_has("nothing-here");
    std::fs::create_dir(sandbox.path().join("empty")).unwrap();
    sandbox
        .run(&["pricing", "bundle", "empty", "-o", "out.json"])
        .error()
        .stderr_has("no *.toml pricing tables");
}

#[test]
fn update_needs_a_source_or_remove() {
    let sandbox = Sandbox::new();
    sandbox.run(&["pricing", "update"]).usage_error();
    sandbox
        .run(&["pricing", "update", "--from", "x.json", "--remove"])
        .usage_error();
    sandbox
        .run(&["pricing", "update", "--from", "missing.json"])
        .error()
        .stderr_has("missing.json");
}

#[test]
fn a_bundle_is_older_only_when_a_table_is_older_than_the_built_in_one_it_replaces() {
    let sandbox = Sandbox::new();
    // A new platform dated before the newest built-in table replaces nothing: accepted.
    let early_newco = NEWCO.replace("as_of = 2026-11-20", "as_of = 2026-06-01");
    make_bundle(&sandbox, "new", &[("newco.toml", &early_newco)], "new.json");
    sandbox
        .run(&["pricing", "update", "--from", "new.json"])
        .success()
        .stderr_lacks("--force");
    // An older runway table names the table and both dates.
    let old_runway = RUNWAY.replace("as_of = 2026-11-25", "as_of = 2026-10-01");
    make_bundle(&sandbox, "old", &[("runway.toml", &old_runway)], "old.json");
    sandbox
        .run(&["pricing", "update", "--from", "old.json"])
        .error()
        .stderr_has("runway (2026-10-01, built-in 2026-11-21)");
}

#[test]
fn a_patch_sized_table_in_a_bundle_is_installed_with_a_warning_naming_what_it_lacks() {
    let sandbox = Sandbox::new();
    let small =
        "name = \"Runway\"\nas_of = 2026-11-25\n[[model]]\nname = \"Gen-4\"\nper_second = 10\n";
    make_bundle(&sandbox, "small", &[("runway.toml", small)], "small.json");
    sandbox
        .run(&["pricing", "update", "--from", "small.json"])
        .success()
        .stderr_has("warning: a bundle table replaces the built-in one whole")
        .stderr_has("runway: 0 of 4 plans");
}
