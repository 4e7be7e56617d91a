//! The documentation's examples are real: every `$ credits …` line in a ```console block of
//! the README, of any other Markdown page at the root (ARCHITECTURE.md) and of every page in
//! `docs/` is run, and the output the page shows must be what the binary prints (a prefix of
//! stdout, in order; `note:`/`warning:` lines must appear on stderr). Commands in one block
//! share a sandbox and database, so a walk-through runs in order.

mod common;

use common::Sandbox;
use std::path::{Path, PathBuf};

/// Splits a command line into words, honouring double quotes.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut any = false;
    for ch in line.chars() {
        match ch {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut current));
                    any = false;
                }
            }
            _ => {
                current.push(ch);
                any = true;
            }
        }
    }
    if any {
        out.push(current);
    }
    out
}

fn is_stderr_line(line: &str) -> bool {
    ["note:", "warning:", "error:", "help:"]
        .iter()
        .any(|p| line.starts_with(p))
}

/// The Markdown pages whose examples are replayed: the README first, then every other `*.md`
/// at the root and in `docs/`, by name. Read when the test runs, so a page added to `docs/`
/// is covered without touching this file.
fn pages() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let markdown_in = |dir: &Path| -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
            .map(|entry| entry.expect("a directory entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "md") && path.is_file())
            .collect();
        found.sort();
        found
    };
    let readme = root.join("README.md");
    let mut pages = vec![readme.clone()];
    pages.extend(markdown_in(root).into_iter().filter(|p| *p != readme));
    pages.extend(markdown_in(&root.join("docs")));
    pages
}

/// Replays every console example of one page; returns how many blocks and commands it ran.
fn replay(page: &str, text: &str) -> (usize, usize) {
    let mut blocks = 0;
    let mut commands = 0;
    for block in text.split("```console\n").skip(1) {
        let block = &block[..block.find("```").expect("closed code block")];
        blocks += 1;
        let sandbox = Sandbox::new();
        for example in ["marketing-60s.toml", "educational-3min.toml"] {
            let text = std::fs::read_to_string(format!("examples/{example}")).unwrap();
            sandbox.write(&format!("examples/{example}"), &text);
        }
        let mut lines = block.lines().peekable();
        while let Some(line) = lines.next() {
            let Some(command) = line.strip_prefix("$ credits ") else {
                continue;
            };
            let mut shown = Vec::new();
            while let Some(next) = lines.peek() {
                if next.starts_with("$ ") {
                    break;
                }
                shown.push(lines.next().unwrap());
            }
            commands += 1;
            let args = words(command);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = sandbox.run(&args);
            let stdout: Vec<&str> = run.stdout.lines().map(str::trim_end).collect();
            let stderr: Vec<&str> = run.stderr.lines().map(str::trim_end).collect();
            // A shown `note:`-style line may come from stderr (interleaved in the page as
            // a terminal shows it); every other shown line must be stdout, in order.
            let expected: Vec<&str> = shown
                .iter()
                .map(|l| l.trim_end())
                .filter(|l| !(is_stderr_line(l) && stderr.contains(l)))
                .collect();
            if stdout.len() < expected.len() || stdout[..expected.len()] != expected[..] {
                run.fail(
                    format!(
                        "{page} output of `credits {command}`:\n{}",
                        expected.join("\n")
                    ),
                    format!("something else (regenerate the example in {page})"),
                );
            }
            for line in shown.iter().filter(|l| is_stderr_line(l)) {
                run.check(
                    stdout.contains(&line.trim_end()) || stderr.contains(&line.trim_end()),
                    &format!("{page} line `{line}` on stdout or stderr"),
                );
            }
        }
    }
    (blocks, commands)
}

#[test]
fn every_console_example_in_the_readme_and_docs_prints_what_it_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut counts = Vec::new();
    for path in pages() {
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let page = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let (blocks, commands) = replay(&page, &text);
        counts.push((page, blocks, commands));
    }
    let (blocks, commands) = counts.iter().fold((0, 0), |(b, c), (_, blocks, commands)| {
        (b + blocks, c + commands)
    });
    // When the README was split (10 blocks, 31 commands, all in one page), 2 blocks stayed
    // in it and 8 (29 commands) went to the guide: none may get lost, and the README's tour
    // shows real output of its own.
    let of = |name: &str| {
        counts
            .iter()
            .find(|(page, ..)| page == name)
            .map(|c| (c.1, c.2))
    };
    assert!(
        of("README.md").is_some_and(|(b, c)| b >= 4 && c >= 8),
        "README.md: {counts:?}"
    );
    assert!(
        of("docs/guide.md").is_some_and(|(b, c)| b >= 8 && c >= 29),
        "docs/guide.md: {counts:?}"
    );
    assert!(
        blocks >= 10 && commands >= 31,
        "found {blocks} blocks, {commands} commands: {counts:?}"
    );
}

/// Every documented command answers the same on a PostgreSQL ledger as on a SQLite file
/// (issue 20): each console block is replayed twice in lockstep, once with the log in the
/// sandbox's data dir and once with `CREDITS_DB` a fresh database of the throwaway server,
/// and every command's exit code, stdout and stderr must match (where the database is named,
/// both say `<db>`). `db status` says which backend it is, so it is the one exception.
#[test]
fn every_console_example_answers_the_same_on_postgresql() {
    let Some(server) = credits_testpg::server() else {
        return;
    };
    let mut compared = 0;
    for path in pages() {
        let text = std::fs::read_to_string(&path).unwrap();
        for block in text.split("```console\n").skip(1) {
            let block = &block[..block.find("```").expect("closed code block")];
            let sqlite = Sandbox::new();
            let mut postgres = Sandbox::new();
            let url = format!("{}?sslmode=disable", server.fresh_database());
            postgres.env("CREDITS_DB", &url);
            for sandbox in [&sqlite, &postgres] {
                for example in ["marketing-60s.toml", "educational-3min.toml"] {
                    let text = std::fs::read_to_string(format!("examples/{example}")).unwrap();
                    sandbox.write(&format!("examples/{example}"), &text);
                }
            }
            let normal = |text: &str, sandbox: &Sandbox, db: &str| {
                text.replace(db, "<db>")
                    .replace(&sandbox.path().display().to_string(), "<sandbox>")
            };
            for line in block.lines() {
                let Some(command) = line.strip_prefix("$ credits ") else {
                    continue;
                };
                if command.starts_with("db status") {
                    continue;
                }
                let args = words(command);
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                let (a, b) = (sqlite.run(&args), postgres.run(&args));
                let sqlite_db = sqlite.default_db().display().to_string();
                let on_sqlite = (
                    a.code,
                    normal(&a.stdout, &sqlite, &sqlite_db),
                    normal(&a.stderr, &sqlite, &sqlite_db),
                );
                let on_postgres = (
                    b.code,
                    normal(&b.stdout, &postgres, &url),
                    normal(&b.stderr, &postgres, &url),
                );
                if on_sqlite != on_postgres {
                    b.fail(
                        format!("`credits {command}` as on SQLite: {on_sqlite:#?}"),
                        format!("on PostgreSQL: {on_postgres:#?}"),
                    );
                }
                compared += 1;
            }
        }
    }
    assert!(
        compared >= 60,
        "only {compared} documented commands compared"
    );
}

/// Every TOML example of the README, ARCHITECTURE.md and `docs/` parses as written, so a
/// reader who copies one gets a valid file (issue 22, item 6; `--help` and the man page are
/// checked in `small_things.rs`).
#[test]
fn every_toml_example_in_the_docs_parses() {
    let mut blocks = 0;
    for path in pages() {
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, block) in text.split("```toml\n").skip(1).enumerate() {
            let block = &block[..block.find("```").expect("closed code block")];
            if let Err(e) = block.parse::<toml::Table>() {
                panic!("{} TOML example {}: {e}\n{block}", path.display(), i + 1);
            }
            blocks += 1;
        }
    }
    assert!(blocks >= 5, "only {blocks} TOML examples found");
}
