//! The committed completion scripts in `completions/` are what the binary prints now
//! (issue 2: "a test fails when they drift from the CLI"), and `credits man` is a man page.

mod common;

use common::credits;

/// (shell as `credits completions` takes it, file under `completions/`).
const SHELLS: &[(&str, &str)] = &[
    ("bash", "credits.bash"),
    ("zsh", "_credits"),
    ("fish", "credits.fish"),
    ("powershell", "_credits.ps1"),
    ("elvish", "credits.elv"),
];

fn check_committed(shell: &str, file: &str) {
    let path = format!("{}/completions/{file}", env!("CARGO_MANIFEST_DIR"));
    let fix = format!("run `cargo run -- completions {shell} > completions/{file}`");
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {path} ({e}): {fix} and commit it"));
    let run = credits(&["completions", shell]);
    run.success();
    run.check(!run.stdout.is_empty(), "a completion script on stdout");
    if run.stdout != committed {
        let (line, (now, was)) = run
            .stdout
            .lines()
            .chain(std::iter::repeat("<end of file>"))
            .zip(committed.lines().chain(std::iter::repeat("<end of file>")))
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .unwrap_or((0, ("(line endings differ)", "")));
        panic!(
            "completions/{file} is out of date with the CLI: {fix}\n\
             first difference at line {}:\n  committed: {was}\n  generated: {now}",
            line + 1
        );
    }
}

#[test]
fn bash_completions_are_current() {
    check_committed(SHELLS[0].0, SHELLS[0].1);
}

#[test]
fn zsh_completions_are_current() {
    check_committed(SHELLS[1].0, SHELLS[1].1);
}

#[test]
fn fish_completions_are_current() {
    check_committed(SHELLS[2].0, SHELLS[2].1);
}

#[test]
fn powershell_completions_are_current() {
    check_committed(SHELLS[3].0, SHELLS[3].1);
}

#[test]
fn elvish_completions_are_current() {
    check_committed(SHELLS[4].0, SHELLS[4].1);
}

#[test]
fn completions_offer_the_subcommands() {
    let run = credits(&["completions", "bash"]);
    run.success();
    for command in ["estimate", "calc", "compare", "pricing"] {
        run.stdout_has(command);
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    credits(&["completions", "tcsh"])
        .usage_error()
        .stderr_has("tcsh");
}

#[test]
fn man_prints_a_man_page_for_credits() {
    let run = credits(&["man"]);
    run.success();
    // clap_mangen opens with groff's `Aq` string definition (`.ie` / `.el`); the page
    // itself starts with the title header.
    let first = run
        .stdout
        .lines()
        .find(|l| !l.starts_with(".ie ") && !l.starts_with(".el ") && !l.starts_with(".\\\""))
        .unwrap_or("");
    run.check(
        first.starts_with(".TH credits 1"),
        "the page to start with `.TH credits 1`",
    );
    run.stdout_has(".SH NAME")
        .stdout_has("estimate")
        .stdout_has("compare")
        .stdout_has("pricing");
}

/// Platform and model arguments complete to the built-in tables' ids (issue 22, item 8): any
/// name is still taken (a user's own table adds names), so the values are only offered.
#[test]
fn platform_and_model_names_complete_from_the_built_in_tables() {
    for shell in ["bash", "zsh", "fish"] {
        let run = credits(&["completions", shell]);
        run.success();
        for name in ["runway", "pika", "gen-4", "gen-4-turbo", "pika-2.5-turbo"] {
            run.check(
                run.stdout.contains(name),
                &format!("{shell} completion offers `{name}`"),
            );
        }
    }
    // Offered, not enforced: an unknown name reaches the command, which says what it knows.
    let run = credits(&["estimate", "nowhere", "x"]);
    run.error().stderr_has("unknown platform `nowhere`");
}
