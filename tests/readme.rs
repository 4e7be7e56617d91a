//! The README's examples are real: every `$ credits …` line in a ```console block is run,
//! and the output the README shows must be what the binary prints (a prefix of stdout, in
//! order; `note:`/`warning:` lines must appear on stderr). Commands in one block share a
//! sandbox and database, so a walk-through runs in order.

mod common;

use common::Sandbox;

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

#[test]
fn every_console_example_in_the_readme_prints_what_it_shows() {
    let readme = include_str!("../README.md");
    let mut blocks = 0;
    let mut commands = 0;
    for block in readme.split("```console\n").skip(1) {
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
            // A shown `note:`-style line may come from stderr (interleaved in the README as
            // a terminal shows it); every other shown line must be stdout, in order.
            let expected: Vec<&str> = shown
                .iter()
                .map(|l| l.trim_end())
                .filter(|l| !(is_stderr_line(l) && stderr.contains(l)))
                .collect();
            if stdout.len() < expected.len() || stdout[..expected.len()] != expected[..] {
                run.fail(
                    format!(
                        "README output of `credits {command}`:\n{}",
                        expected.join("\n")
                    ),
                    "something else (regenerate the README example)",
                );
            }
            for line in shown.iter().filter(|l| is_stderr_line(l)) {
                run.check(
                    stdout.contains(&line.trim_end()) || stderr.contains(&line.trim_end()),
                    &format!("README line `{line}` on stdout or stderr"),
                );
            }
        }
    }
    assert!(
        blocks >= 4 && commands >= 8,
        "found {blocks} blocks, {commands} commands"
    );
}
