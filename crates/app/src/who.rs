//! Who is recording, and on which machine (schema 10, `credits_core::records::Who`): read
//! here, in the application layer, from the flags, the environment, the config file and the
//! system; the core never looks.
//!
//! The user (`logged_by`), first found of:
//! 1. `--user NAME` (the global flag);
//! 2. `CREDITS_USER`;
//! 3. `user = "NAME"` in the config file (`crate::config`);
//! 4. the login name from the environment, `USER` (Unix) or `USERNAME` (Windows);
//! 5. else unknown (NULL).
//!
//! The machine is the host name: `HOSTNAME` when exported, else `/proc/sys/kernel/hostname`
//! (Linux), else `COMPUTERNAME` (Windows), else unknown. Names are trimmed; an empty one
//! counts as not given.

use anyhow::Result;
use credits_core::records::Who;

/// A name as given: trimmed, `None` when empty.
fn name(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

fn env(key: &str) -> Option<String> {
    name(std::env::var(key).ok())
}

/// The user and machine recording now; `flag` is `--user`. The config file is read only
/// when neither the flag nor `CREDITS_USER` says.
pub fn resolve(flag: Option<&str>) -> Result<Who> {
    let logged_by = match name(flag.map(str::to_string)).or_else(|| env("CREDITS_USER")) {
        Some(user) => Some(user),
        None => name(crate::config::load(crate::config::path().as_deref())?.user)
            .or_else(|| env("USER"))
            .or_else(|| env("USERNAME")),
    };
    Ok(Who {
        logged_by,
        machine: machine(),
    })
}

/// This computer's host name, if the system says.
pub fn machine() -> Option<String> {
    env("HOSTNAME")
        .or_else(|| name(std::fs::read_to_string("/proc/sys/kernel/hostname").ok()))
        .or_else(|| env("COMPUTERNAME"))
}
