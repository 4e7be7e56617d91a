//! The log is private, and lasts (issue "Hardening", parts 2 and 4): the database and the
//! folders made for it are readable by their owner only whatever the umask, and `--db`
//! takes a file path only (`:memory:` and `file:` URIs would log to nothing that lasts).

mod common;

use common::Sandbox;
use std::process::Command;

/// `credits ARGS` under `umask 022` (the usual one), with the sandbox's environment.
fn under_umask_022(sandbox: &Sandbox, args: &[&str]) -> common::Run {
    let base = sandbox.command(args);
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("umask 022; exec \"$0\" \"$@\"")
        .arg(base.get_program())
        .args(args)
        .current_dir(sandbox.path())
        .env_clear();
    for (k, v) in base.get_envs() {
        if let Some(v) = v {
            cmd.env(k, v);
        }
    }
    sandbox.finished(args, cmd.output().expect("run credits through sh"))
}

#[cfg(unix)]
#[test]
fn the_database_and_its_folders_are_private_under_umask_022() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    // The default place: ~/.local/share/credits/credits.db, folders made by the log.
    under_umask_022(&sandbox, &["log", "runway", "gen-4", "--duration", "5"]).success();
    let db = sandbox.default_db();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&db), 0o600, "{} is the owner's only", db.display());
    let folder = db.parent().unwrap();
    assert_eq!(
        mode(folder),
        0o700,
        "{} is the owner's only",
        folder.display()
    );
    // An export is too.
    under_umask_022(&sandbox, &["export", "-o", "out.csv"]).success();
    assert_eq!(mode(&sandbox.path().join("out.csv")), 0o600);
}

#[test]
fn memory_and_uri_databases_are_refused_and_nothing_is_made() {
    let sandbox = Sandbox::new();
    for db in [":memory:", "file:log.db?mode=memory", "file:log.db"] {
        let run = sandbox.run(&["--db", db, "log", "runway", "gen-4", "--duration", "5"]);
        run.error()
            .stderr_has("is not a file path")
            .stderr_has("help:")
            .stdout_lacks("logged");
    }
    let mut env = Sandbox::new();
    env.env("CREDITS_DB", ":memory:");
    env.run(&["log", "runway", "gen-4", "--duration", "5"])
        .error()
        .stderr_has("`:memory:` is not a file path");
    let made: Vec<_> = std::fs::read_dir(sandbox.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("file:") || n.contains("memory"))
        .collect();
    assert!(
        made.is_empty(),
        "nothing made in the working folder: {made:?}"
    );
    assert!(!sandbox.default_db().exists());
}
