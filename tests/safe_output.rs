//! No control character from a name, note, tag or pricing file reaches the terminal (issue
//! "Hardening", part 3): text output writes each as an escape (`\u{1b}`, `\u{7}`, `\r`, and
//! `\n`/`\t` inside a cell); JSON escapes them itself; export keeps them exactly.

mod common;

use common::{ok, Run, Sandbox};

const ESC_PROJECT: &str = "evil\u{1b}]0;pwned\u{7}proj";
const ESC_NOTE: &str = "note\u{1b}[31mred\u{1b}[0m\u{7}";
const ESC_TAG: &str = "client=\u{1b}[2Jacme";

/// No raw ESC, BEL, CR or other C0 control (but line breaks and tabs) in stdout or stderr.
#[track_caller]
fn assert_safe(run: &Run) {
    for (name, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        let bad = text
            .chars()
            .find(|c| c.is_control() && *c != '\n' && *c != '\t');
        if let Some(c) = bad {
            run.fail(
                format!("no raw control character in {name}"),
                format!("{c:?}"),
            );
        }
    }
}

fn logged() -> Sandbox {
    let sandbox = Sandbox::with_db();
    let run = ok(
        &sandbox,
        &[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "5",
            "--project",
            ESC_PROJECT,
            "--note",
            ESC_NOTE,
            "--tag",
            ESC_TAG,
        ],
    );
    assert_safe(&run);
    sandbox
}

#[test]
fn history_report_and_budgets_escape_control_characters() {
    let sandbox = logged();
    let run = ok(&sandbox, &["history", "--wide"]);
    assert_safe(&run);
    run.stdout_has("evil\\u{1b}]0;pwned\\u{7}proj");
    for by in ["project", "tag:client"] {
        let run = ok(&sandbox, &["report", "--by", by]);
        assert_safe(&run);
        run.stdout_has("\\u{1b}");
    }
    let run = ok(
        &sandbox,
        &[
            "budget",
            "set",
            ESC_PROJECT,
            "100",
            "--credits",
            "--platform",
            "runway",
        ],
    );
    assert_safe(&run);
    let run = ok(&sandbox, &["budget", "list"]);
    assert_safe(&run);
    run.stdout_has("evil\\u{1b}");
    let run = ok(&sandbox, &["balance"]);
    assert_safe(&run);
}

#[test]
fn json_and_export_keep_the_text_exactly() {
    let sandbox = logged();
    let run = ok(&sandbox, &["history", "--json"]);
    assert_safe(&run);
    run.json_eq("/0/project", serde_json::json!(ESC_PROJECT));
    let run = ok(&sandbox, &["export"]);
    run.stdout_has(ESC_PROJECT);
}

#[test]
fn an_error_naming_a_value_escapes_it() {
    let sandbox = Sandbox::with_db();
    let run = sandbox.run(&["estimate", "run\u{1b}[31mway", "gen-4"]);
    run.error();
    assert_safe(&run);
    let run = sandbox.run(&["log", "runway", "gen\u{7}-4"]);
    run.error();
    assert_safe(&run);
}

/// A third-party pricing file whose text holds ESC and BEL: `pricing show`, `estimate` and
/// `log` show it escaped.
#[test]
fn a_pricing_file_with_escapes_is_shown_escaped() {
    let sandbox = Sandbox::with_db();
    let dir = sandbox.user_pricing_dir();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("evilclips.toml"),
        "name = \"Evil\\u001b]0;x\\u0007Clips\"\nid = \"evilclips\"\nas_of = 2026-11-01\n\
         notes = [\"see \\u001b[5mthis\\u001b[0m\"]\n\
         [[model]]\nname = \"M\\u001b[31m1\"\nid = \"m1\"\nper_second = 0.10\n\
         notes = [\"model \\u0007 note\"]\n",
    )
    .unwrap();
    for args in [
        &["pricing", "show", "evilclips"][..],
        &["pricing", "validate"][..],
        &["pricing", "list"][..],
        &["estimate", "evilclips", "m1", "--duration", "5"][..],
        &["log", "evilclips", "m1", "--duration", "5"][..],
        &["history"][..],
        &["report", "--by", "platform"][..],
        &["compare", "--duration", "5"][..],
    ] {
        let run = ok(&sandbox, args);
        assert_safe(&run);
        run.stderr_lacks("skipped pricing file");
    }
}
