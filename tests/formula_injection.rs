//! CSV never reaches a spreadsheet as a formula (issue "Hardening", part 3): text cells that
//! start with `=`, `+`, `-`, `@`, a tab or a carriage return leave `export`, `history --csv`
//! and `report --csv` with a leading `'` (OWASP's advice), and `import` takes it off, so an
//! export and import round trip is exact.

mod common;

use common::{ok, Sandbox};
use serde_json::json;

const PROJECT: &str = "=HYPERLINK(\"http://x\",\"y\")";
const NOTE: &str = "+1 for the client";

fn logged() -> Sandbox {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "5",
            "--project",
            PROJECT,
            "--note",
            NOTE,
            "--tag",
            "client=@acme",
        ],
    );
    sandbox
}

/// No CSV line has a cell that starts a formula (cells split naively on commas are enough
/// here: the values under test have no commas outside quotes at their start).
fn assert_no_formula(csv: &str) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a formula cell in CSV: {cell:?}"
            );
        }
    }
}

#[test]
fn export_history_and_report_csv_neutralise_formulas() {
    let sandbox = logged();
    let export = ok(&sandbox, &["export", "--format", "csv"]);
    assert_no_formula(&export.stdout);
    export
        .stdout_has("'=HYPERLINK")
        .stdout_has("'+1 for the client");
    assert_no_formula(&ok(&sandbox, &["history", "--csv"]).stdout);
    let report = ok(&sandbox, &["report", "--by", "project", "--csv"]);
    assert_no_formula(&report.stdout);
    report.stdout_has("'=HYPERLINK");
    // JSON keeps the text as it is.
    ok(&sandbox, &["--json", "history"]).json_eq("/0/project", json!(PROJECT));
}

#[test]
fn importing_the_csv_gives_back_the_text_exactly() {
    let sandbox = logged();
    ok(&sandbox, &["export", "--format", "csv", "-o", "log.csv"]);
    let mut fresh = Sandbox::with_db();
    let file = fresh.path().join("log.csv");
    std::fs::copy(sandbox.path().join("log.csv"), &file).unwrap();
    fresh.env("CREDITS_DB", &fresh.db().display().to_string());
    ok(&fresh, &["import", &file.display().to_string()]);
    ok(&fresh, &["--json", "history"])
        .json_eq("/0/project", json!(PROJECT))
        .json_eq("/0/note", json!(NOTE))
        .json_eq("/0/tags", json!({"client": "@acme"}));
}

/// A value that starts with a tab or a carriage return (both run as formulas) comes back from
/// an export and import whole: the guard `'` says the leading character is the value's, so
/// import does not take it for spreadsheet padding (issue 22, item 8).
#[test]
fn a_leading_tab_or_carriage_return_survives_the_round_trip() {
    let sandbox = Sandbox::with_db();
    for project in ["\t=1+1", "\r=2"] {
        ok(
            &sandbox,
            &[
                "log",
                "runway",
                "gen-4",
                "--duration",
                "5",
                "--project",
                project,
            ],
        );
    }
    let csv = ok(&sandbox, &["export"]).stdout;
    assert!(csv.contains("'\t=1+1") && csv.contains("'\r=2"), "{csv:?}");
    let file = sandbox.write("round.csv", &csv);
    let fresh = Sandbox::with_db();
    let import = ok(&fresh, &["import", &file.display().to_string()]);
    import.stderr_lacks("spaces around them");
    let projects = |s: &Sandbox| -> Vec<serde_json::Value> {
        ok(s, &["history", "--json"])
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["project"].clone())
            .collect()
    };
    assert_eq!(projects(&fresh), projects(&sandbox));
    assert_eq!(projects(&fresh), vec![json!("\r=2"), json!("\t=1+1")]);

    // JSON keeps them too: spaces around a value are padding, a tab is the value's.
    let json = ok(&sandbox, &["export", "--format", "json"]).stdout;
    let file = sandbox.write("round.json", &json);
    let again = Sandbox::with_db();
    ok(&again, &["import", &file.display().to_string()]).stderr_lacks("spaces around them");
    assert_eq!(projects(&again), projects(&sandbox));
}
