//! `export -o` and closed pipes (issue "Hardening", part 5): a closed stdout is not an error;
//! `export -o FILE` goes through `.FILE.credits-tmp-PID` beside it (0600), renamed into
//! place, cleans what a killed run left, and writes through a symlink.

mod common;

use common::{ok, Sandbox};
use std::io::Read;
use std::process::Stdio;

fn logged(n: usize) -> Sandbox {
    let sandbox = Sandbox::with_db();
    let note = "x".repeat(400);
    for _ in 0..n {
        ok(
            &sandbox,
            &["log", "runway", "gen-4", "--duration", "5", "--note", &note],
        );
    }
    sandbox
}

#[test]
fn a_closed_pipe_is_quiet_and_exits_0() {
    let sandbox = logged(40);
    for line in [
        "export",
        "history --csv",
        "report --csv",
        "history",
        "report",
        "export --format json",
    ] {
        let args: Vec<&str> = line.split_whitespace().collect();
        let mut child = sandbox
            .command(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read 10 bytes (`head -c 10`), then close the pipe.
        let mut stdout = child.stdout.take().unwrap();
        let mut ten = [0u8; 10];
        stdout.read_exact(&mut ten).unwrap();
        drop(stdout);
        let run = sandbox.finished(&args, child.wait_with_output().unwrap());
        run.success().check_eq("stderr", "", run.stderr.as_str());
    }
}

#[cfg(unix)]
#[test]
fn export_o_goes_through_a_private_temporary_and_cleans_stale_ones() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = logged(3);
    // What a killed run left: a process id that is not running.
    let stale = sandbox.write(".out.csv.credits-tmp-4194000", "half an export");
    let other = sandbox.write(".other.csv.credits-tmp-4194000", "not ours to clean");
    let run = ok(&sandbox, &["export", "-o", "out.csv"]);
    run.stderr_has("exported 3 entries to out.csv");
    let out = sandbox.path().join("out.csv");
    let text = std::fs::read_to_string(&out).unwrap();
    run.check(text.lines().count() == 4, "a header and 3 rows");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    run.check_eq("mode", 0o600, mode);
    run.check(!stale.exists(), "the stale temporary removed");
    run.check(other.exists(), "another target's temporary kept");
    let left: Vec<String> = std::fs::read_dir(sandbox.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out.csv.credits-tmp-"))
        .collect();
    run.check(left.is_empty(), "no temporary left");
}

#[cfg(unix)]
#[test]
fn export_o_onto_a_symlink_writes_through_it() {
    let sandbox = logged(2);
    let real = sandbox.write("exports/real.csv", "old\n");
    let link = sandbox.path().join("latest.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let run = ok(&sandbox, &["export", "-o", "latest.csv"]);
    let meta = std::fs::symlink_metadata(&link).unwrap();
    run.check(meta.file_type().is_symlink(), "the link is still a link");
    run.check_eq(
        "its target",
        real.clone(),
        std::fs::read_link(&link).unwrap(),
    );
    let text = std::fs::read_to_string(&real).unwrap();
    run.check(
        text.starts_with("at,platform"),
        "the export written to the target",
    );

    // A link to nowhere is refused, and nothing is made.
    let dangling = sandbox.path().join("gone.csv");
    std::os::unix::fs::symlink(sandbox.path().join("no/such/dir/x.csv"), &dangling).unwrap();
    let run = sandbox.run(&["export", "-o", "gone.csv"]);
    run.error()
        .stderr_has("gone.csv is a symlink to nothing that can be written");
    run.check(
        std::fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link kept",
    );
}

#[test]
fn export_onto_the_log_database_is_refused_and_the_log_survives() {
    // Found by an adversarial run: the rename replaced the database with a CSV file.
    let sandbox = common::Sandbox::with_db();
    common::ok(&sandbox, &["log", "runway", "gen-4", "--duration", "10"]);
    let db = sandbox.db();
    let before = common::DbState::of(&db);
    let run = sandbox.run(&["export", "-o", &db.display().to_string()]);
    run.error()
        .stderr_has("is the log database: exporting onto it would destroy the log")
        .stderr_has("help:");
    before.assert_same(&db, &run);
    // Another name for it (a symlink) is the same file.
    #[cfg(unix)]
    {
        let alias = sandbox.path().join("alias.db");
        std::os::unix::fs::symlink(&db, &alias).unwrap();
        sandbox
            .run(&["export", "-o", &alias.display().to_string()])
            .error()
            .stderr_has("is the log database");
    }
    common::ok(&sandbox, &["history"]).stdout_has("gen-4");
}

#[cfg(unix)]
#[test]
fn export_into_a_fifo_writes_to_it_and_leaves_it_a_fifo() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let sandbox = common::Sandbox::with_db();
    common::ok(&sandbox, &["log", "runway", "gen-4", "--duration", "10"]);
    let fifo = sandbox.path().join("pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    common::ok(&sandbox, &["export", "-o", &fifo.display().to_string()]);
    let text = reader.join().unwrap();
    assert!(text.starts_with("at,platform,model"), "{text}");
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
}
