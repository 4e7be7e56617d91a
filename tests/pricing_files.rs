//! Pricing files in the user's directories (issue "Hardening"): only regular files are read,
//! up to 1 MB; a symlink to `/dev/zero` or a FIFO cannot hang a command; a dangling symlink
//! and two files of one directory for the same platform are said, naming the files.

mod common;

use common::{ok, Run, Sandbox};
use std::os::unix::fs::symlink;
use std::time::{Duration, Instant};

/// Runs `args`, killing the process if it takes longer than 20 seconds (a hang fails).
fn run_within(sandbox: &Sandbox, args: &[&str]) -> Run {
    let mut child = sandbox
        .command(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn credits");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("credits {args:?} hung (killed after 20 s)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("output");
    sandbox.finished(args, output)
}

const RUNWAY_11: &str = "name = \"Runway\"\nas_of = 2026-11-01\n[[model]]\nname = \"Gen-4\"\nmin_plan = \"Standard\"\nper_second = 11\n";

#[test]
fn a_symlink_to_dev_zero_is_refused_without_hanging() {
    let sandbox = Sandbox::new();
    let dir = sandbox.user_pricing_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join("zero.toml");
    symlink("/dev/zero", &link).unwrap();
    let link_text = link.display().to_string();

    run_within(&sandbox, &["pricing", "validate", &link_text])
        .code(1)
        .stderr_has("only regular files are read as pricing files");
    run_within(&sandbox, &["pricing", "dirs"])
        .success()
        .stdout_has("zero.toml — skipped: not a regular file");
    run_within(&sandbox, &["compare", "--duration", "5"])
        .success()
        .stderr_has("warning: skipped pricing file")
        .stderr_has("zero.toml");
    // The same through --pricing-dir.
    let other = sandbox.path().join("mine");
    std::fs::create_dir_all(&other).unwrap();
    symlink("/dev/zero", other.join("z.toml")).unwrap();
    let other_text = other.display().to_string();
    run_within(&sandbox, &["--pricing-dir", &other_text, "pricing", "dirs"])
        .success()
        .stdout_has("z.toml — skipped: not a regular file");
}

#[test]
fn a_fifo_is_refused_without_opening_it() {
    let sandbox = Sandbox::new();
    let dir = sandbox.user_pricing_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("pipe.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    run_within(
        &sandbox,
        &["pricing", "validate", &fifo.display().to_string()],
    )
    .code(1)
    .stderr_has("not a regular file");
    run_within(
        &sandbox,
        &["estimate", "runway", "gen-4", "--duration", "5"],
    )
    .success()
    .stderr_has("pipe.toml");
}

#[test]
fn a_file_over_one_megabyte_is_refused_saying_the_limit() {
    let sandbox = Sandbox::new();
    let mut text = String::from(RUNWAY_11);
    while text.len() <= 1024 * 1024 {
        text.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    let big = sandbox.write(".config/credits/pricing/big.toml", &text);
    run_within(
        &sandbox,
        &["pricing", "validate", &big.display().to_string()],
    )
    .code(1)
    .stderr_has("larger than 1 MB");
    run_within(&sandbox, &["pricing", "dirs"])
        .success()
        .stdout_has("big.toml — skipped: larger than 1 MB");
    // Just under the limit is read.
    text.truncate(1024 * 1024 - 100);
    let text = &text[..text.rfind('\n').unwrap() + 1];
    std::fs::write(&big, text).unwrap();
    run_within(
        &sandbox,
        &["pricing", "validate", &big.display().to_string()],
    )
    .success();
}

#[test]
fn a_dangling_symlink_is_said_naming_the_link() {
    let sandbox = Sandbox::new();
    let dir = sandbox.user_pricing_dir();
    std::fs::create_dir_all(&dir).unwrap();
    symlink(dir.join("gone.toml"), dir.join("dangling.toml")).unwrap();
    run_within(&sandbox, &["pricing", "dirs"])
        .success()
        .stdout_has("dangling.toml — skipped: a symlink to nothing");
    run_within(
        &sandbox,
        &["estimate", "runway", "gen-4", "--duration", "5"],
    )
    .success()
    .stderr_has("dangling.toml")
    .stderr_has("a symlink to nothing");
    // A symlink to a regular file is read.
    let real = sandbox.write("elsewhere/runway.toml", RUNWAY_11);
    std::fs::remove_file(dir.join("dangling.toml")).unwrap();
    symlink(&real, dir.join("runway.toml")).unwrap();
    run_within(&sandbox, &["pricing", "dirs"])
        .success()
        .stdout_has("runway.toml — runway, patches");
}

#[test]
fn two_files_of_one_directory_for_the_same_platform_name_both() {
    let sandbox = Sandbox::new();
    let a = sandbox.write(".config/credits/pricing/a.toml", RUNWAY_11);
    let b = sandbox.write(
        ".config/credits/pricing/b.toml",
        &RUNWAY_11.replace("= 11", "= 13"),
    );
    let run = ok(
        &sandbox,
        &["estimate", "runway", "gen-4", "--duration", "5"],
    );
    run.stderr_has(&b.display().to_string())
        .stderr_has(&format!("{} is also for platform `runway`", a.display()));
    // The first file is in use, not the later one: 5 s × 11.
    run.stdout_has("55");
    ok(&sandbox, &["pricing", "dirs"]).stdout_has("b.toml — skipped");
}

#[test]
fn the_pricing_dir_still_patches_over_the_config_dir() {
    // Two directories are layers (documented order), not duplicates.
    let sandbox = Sandbox::new();
    sandbox.write(".config/credits/pricing/runway.toml", RUNWAY_11);
    sandbox.write("mine/runway.toml", &RUNWAY_11.replace("= 11", "= 13"));
    ok(
        &sandbox,
        &[
            "--pricing-dir",
            "mine",
            "estimate",
            "runway",
            "gen-4",
            "--duration",
            "5",
        ],
    )
    .stderr_lacks("skipped")
    .stdout_has("65");
}

// ---- messages (same issue, task 6) ----

#[test]
fn a_32_digit_duration_is_too_large_not_a_non_duration() {
    let sandbox = Sandbox::with_db();
    sandbox
        .run(&[
            "estimate",
            "runway",
            "gen-4",
            "--duration",
            "12345678901234567890123456789012",
        ])
        .usage_error()
        .stderr_has("too large: numbers have at most 28 digits")
        .stderr_lacks("is not a duration");
}

#[test]
fn a_plan_since_year_zero_is_out_of_range() {
    let sandbox = Sandbox::with_db();
    sandbox
        .run(&[
            "account",
            "set",
            "runway",
            "--plan",
            "standard",
            "--since",
            "0000-01-01",
        ])
        .error()
        .stderr_has("before 1970-01-01")
        .stderr_lacks("is not a date");
    sandbox
        .run(&[
            "account", "set", "runway", "--plan", "standard", "--since", "soon",
        ])
        .error()
        .stderr_has("`soon` is not a date");
}

#[test]
fn a_dump_loaded_back_over_its_table_does_not_repeat_the_tables_notes() {
    // Issue 22: `pricing dump pika > dir/pika.toml` loaded back patched pika with its own
    // notes, and every note was said twice.
    let mut sandbox = Sandbox::new();
    let notes = |run: &common::Run| run.json_at("/notes").as_array().unwrap().len();
    let shipped = sandbox.run(&["pricing", "show", "pika", "--json"]);
    shipped.success();
    let dump = sandbox.run(&["pricing", "dump", "pika"]);
    sandbox.write("mine/pika.toml", &dump.stdout);
    let dir = sandbox.path().join("mine");
    sandbox.env("CREDITS_PRICING_DIR", dir.to_str().unwrap());
    let patched = sandbox.run(&["pricing", "show", "pika", "--json"]);
    patched.success();
    assert!(notes(&shipped) > 0);
    assert_eq!(notes(&patched), notes(&shipped));
}
