//! `credits man` prints one whole page; `credits man --dir DIR` writes a page per command.
//! (Every option of every command on the page is checked in `src/manpage.rs`'s unit tests,
//! from the generator's own clap command.)

mod common;

use common::{credits, ok, Sandbox};

#[test]
fn the_page_has_every_command_and_the_usual_sections() {
    let run = credits(&["man"]);
    run.success();
    run.check(
        run.stdout.lines().any(|l| l.starts_with(".TH credits 1")),
        "a .TH title",
    );
    for needle in [
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH EXAMPLES",
        ".SS \"credits pricing show\"",
        ".SS \"credits account set\"",
        ".SS \"credits budget check\"",
        "CREDITS_DB",
        "CREDITS_PRICING_DIR",
        "CREDITS_PROJECT",
        "CREDITS_NOW",
        "NO_COLOR",
        "COLUMNS",
        "config.toml",
        "credits.db",
        "pricing\\-bundle.json",
        "\\fB\\-\\-by\\fR",
        "\\fB\\-\\-allow\\-future\\fR",
    ] {
        run.stdout_has(needle);
    }
}

#[test]
fn man_dir_writes_a_page_per_command() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path().join("man1");
    let run = ok(&sandbox, &["man", "--dir", dir.to_str().unwrap()]);
    for name in [
        "credits.1",
        "credits-log.1",
        "credits-pricing.1",
        "credits-pricing-show.1",
        "credits-budget-check.1",
        "credits-man.1",
    ] {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| run.fail(format!("{} written", path.display()), e.to_string()));
        run.check(
            text.lines().any(|l| l.starts_with(".TH ")),
            &format!("{name} has a .TH title"),
        );
        run.stdout_has(name);
    }
    // The main page written is the one printed.
    let printed = credits(&["man"]).stdout;
    run.check_eq(
        "credits.1 is what `credits man` prints",
        printed,
        std::fs::read_to_string(dir.join("credits.1")).unwrap(),
    );
    // `man -l` renders them, where man is installed.
    let man_ok = std::process::Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if man_ok {
        for name in ["credits.1", "credits-pricing-show.1"] {
            let out = std::process::Command::new("man")
                .arg("-l")
                .arg(dir.join(name))
                .env("MANPAGER", "cat")
                .env("MANWIDTH", "80")
                .output()
                .unwrap();
            assert!(out.status.success(), "man -l {name}: {out:?}");
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains("NAME"), "man -l {name}: {text}");
        }
    }
}

#[test]
fn man_dir_that_cannot_be_made_is_an_error() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("taken", "");
    let run = sandbox.run(&["man", "--dir", file.join("sub").to_str().unwrap()]);
    run.error();
}
