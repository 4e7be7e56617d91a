//! The user's config file, `config.toml` in the platform's config folder (optional):
//! `$XDG_CONFIG_HOME/credits/` (else `~/.config/credits/`) on Linux,
//! `~/Library/Application Support/credits/` on macOS ([`path`]).
//!
//! ```toml
//! project = "spring-campaign"   # default --project for `credits log`
//! strict_budget = true           # `credits log` refuses an entry over a budget (exit 3)
//! user = "alice"                 # who records (`logged_by`), see `crate::who`
//! db = "postgres://alice@db.studio.example/credits"  # the log, when no --db or CREDITS_DB
//! budget_warn = [50, 75, 90]    # budgets warn at the highest of these shares (percent) reached
//!
//! [status]                       # `credits status`: what the line shows (each key optional)
//! platforms = ["runway"]         # default: every platform with a balance
//! budgets = ["spring-ad"]        # default: every budget with a period (monthly)
//! format = "{platforms} · {budgets}"  # at least one of the two, no other `{word}`
//!
//! [scan]                         # `credits scan`: what a folder's files are
//! "~/Videos/runway" = { platform = "runway", model = "gen-4", project = "teaser" }
//! "~/Videos/runway/turbo" = { model = "gen-4-turbo", mode = "pro" }  # platform inherited
//! ```
//! A nested `[scan]` folder inherits the keys it leaves out from the folders holding it.
//! `CREDITS_PROJECT` overrides `project`; `--project` overrides both.

use anyhow::Result;
use credits_core::error::fail;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub project: Option<String>,
    pub strict_budget: Option<bool>,
    /// Who records (`logged_by`): under `--user` and `CREDITS_USER`, over the login name.
    pub user: Option<String>,
    /// The log: a file or a studio ledger's `postgres://` URL, under `--db` and `CREDITS_DB`.
    pub db: Option<String>,
    /// Folder (`~/` for the home folder) → what `credits scan` takes its files to be.
    #[serde(default)]
    pub scan: BTreeMap<String, ScanFolder>,
    /// The shares of a budget (percent) it warns at; default [`BUDGET_WARN`].
    pub budget_warn: Option<Vec<u32>>,
    /// What `credits status` shows.
    #[serde(default)]
    pub status: StatusConfig,
}

/// `[status]` in the config file: what `credits status` shows; each key optional.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusConfig {
    /// Platform ids (default: every platform with a balance).
    pub platforms: Option<Vec<String>>,
    /// Budget projects (default: every budget with a period).
    pub budgets: Option<Vec<String>>,
    /// The line, with `{platforms}` and `{budgets}` in it (default `{platforms} · {budgets}`).
    pub format: Option<String>,
}

/// The shares (percent) a budget warns at when the config file gives none.
pub const BUDGET_WARN: [u32; 3] = [50, 75, 90];

/// The config file's `budget_warn`, or [`BUDGET_WARN`].
pub fn budget_warn() -> Result<Vec<u32>> {
    let path = path();
    let warn = load(path.as_deref())?
        .budget_warn
        .unwrap_or_else(|| BUDGET_WARN.to_vec());
    // 0% would warn on the first entry and 100% is "over", said anyway.
    if let Some(bad) = warn.iter().find(|p| !(1..=99).contains(*p)) {
        return Err(credits_core::error::fail_with_help(
            format!(
                "{}: budget_warn = {bad}: a share to warn at is a percent from 1 to 99",
                shown(path.as_deref())
            ),
            "for example budget_warn = [50, 75, 90]",
        ));
    }
    Ok(warn)
}

/// The placeholders a `[status] format` may hold, with what each becomes (for the help).
pub const STATUS_PLACEHOLDERS: [(&str, &str); 2] = [
    ("{platforms}", "each platform's balance and days left"),
    ("{budgets}", "each budget's use"),
];

/// The config file's `[status]`; a `format` with no placeholder, or with a `{word}` that is
/// none, is an error naming the file and the key (the trial of issue 24 found such a line
/// printed as it was, every time, without a word).
pub fn status() -> Result<StatusConfig> {
    let path = path();
    let status = load(path.as_deref())?.status;
    if let Some(format) = &status.format {
        check_status_format(format).map_err(|problem| {
            let names: Vec<String> = STATUS_PLACEHOLDERS
                .iter()
                .map(|(p, what)| format!("{p} ({what})"))
                .collect();
            credits_core::error::fail_with_help(
                format!(
                    "{}: [status] format = \"{}\" {problem}",
                    shown(path.as_deref()),
                    format.escape_debug()
                ),
                format!(
                    "the placeholders are {}, e.g. format = \"{{platforms}} · {{budgets}}\"",
                    names.join(" and ")
                ),
            )
        })?;
    }
    Ok(status)
}

/// What is wrong with a `[status] format`, if anything: it must hold a placeholder (a line
/// without one is the same text every time), and every `{word}` in it must be one (a
/// misspelt `{platform}` would be printed as it is).
fn check_status_format(format: &str) -> std::result::Result<(), String> {
    let known = |word: &str| STATUS_PLACEHOLDERS.iter().any(|(p, _)| *p == word);
    // `{word}`: a brace, letters or `_`, a brace; other braces are text.
    let mut rest = format;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let word_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if word_len > 0 && after[word_len..].starts_with('}') {
            let word = &rest[start..start + word_len + 2];
            if !known(word) {
                return Err(format!("has `{word}`, which is not a placeholder"));
            }
        }
        rest = after;
    }
    if STATUS_PLACEHOLDERS.iter().any(|(p, _)| format.contains(p)) {
        Ok(())
    } else {
        Err("has no placeholder: the line would be this text every time".into())
    }
}

/// The config file as messages name it.
fn shown(path: Option<&Path>) -> String {
    path.map_or_else(|| "config.toml".into(), |p| p.display().to_string())
}

/// What the files under a folder are (`[scan]` in the config file); each part optional.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table such as { platform = \"runway\", model = \"gen-4\" }"
)]
pub struct ScanFolder {
    pub platform: Option<String>,
    pub model: Option<String>,
    pub project: Option<String>,
    /// The model's mode (`standard`, `pro` …), as `log --mode`.
    pub mode: Option<String>,
    /// A clip's sound track was added later (or is not what the platform billed): log it at
    /// the model's price without audio, as `scan --no-audio-price`.
    pub no_audio_price: Option<bool>,
}

impl ScanFolder {
    /// This folder's keys over `outer`'s: a nested mapping inherits what it leaves out.
    pub fn over(&self, outer: &ScanFolder) -> ScanFolder {
        ScanFolder {
            platform: self.platform.clone().or_else(|| outer.platform.clone()),
            model: self.model.clone().or_else(|| outer.model.clone()),
            project: self.project.clone().or_else(|| outer.project.clone()),
            mode: self.mode.clone().or_else(|| outer.mode.clone()),
            no_audio_price: self.no_audio_price.or(outer.no_audio_price),
        }
    }
}

/// The `[scan]` folders of the config file, `~/` expanded, as written (not resolved: a
/// folder that does not exist yet maps nothing and is no error).
pub(crate) fn scan_folders() -> Result<Vec<(PathBuf, ScanFolder)>> {
    let config = load(path().as_deref())?;
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    let mut out = Vec::new();
    for (folder, what) in config.scan {
        let dir = match (folder.strip_prefix("~/"), &home) {
            (Some(rest), Some(home)) => home.join(rest),
            _ if folder == "~" => home.clone().unwrap_or_default(),
            _ => PathBuf::from(&folder),
        };
        if folder.is_empty() || !dir.is_absolute() {
            return Err(credits_core::error::fail_with_help(
                format!(
                    "{}: [scan] folder `{}` is not an absolute path",
                    path().map(|p| p.display().to_string()).unwrap_or_default(),
                    folder.escape_debug()
                ),
                "write the folder from / or ~/, e.g. \"~/Videos/runway\" = { platform = \"runway\" }",
            ));
        }
        out.push((dir, what));
    }
    Ok(out)
}

/// The config file's `db`, `~/` expanded for a file; `None` when it names none.
pub fn db() -> Result<Option<PathBuf>> {
    let Some(db) = load(path().as_deref())?.db else {
        return Ok(None);
    };
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    Ok(Some(match (db.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(db),
    }))
}

/// Where the config file lives.
pub fn path() -> Option<PathBuf> {
    crate::project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// Reads the config file; a missing file is an empty config, a broken one an error.
pub fn load(path: Option<&Path>) -> Result<Config> {
    let Some(path) = path else {
        return Ok(Config::default());
    };
    match std::fs::read_to_string(path) {
        // A `db = "postgres://user:password@…"` line quoted in a parse error keeps its
        // password out of the message.
        Ok(text) => toml::from_str(&text).map_err(|e| {
            fail(credits_store::hide_passwords_in(&format!(
                "{}: {}",
                path.display(),
                e.to_string().trim_end()
            )))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(fail(format!("cannot read {}: {e}", path.display()))),
    }
}

/// The project for a new entry: the flag, else `CREDITS_PROJECT`, else the config file.
pub fn default_project(flag: Option<&str>) -> Result<Option<String>> {
    Ok(for_log(flag, false)?.0)
}

/// What `log` takes from the flags, the environment and the config file, which is read at
/// most once: the project (the flag, else `CREDITS_PROJECT`, else the file) and whether
/// budgets are strict (the flag, else the file's `strict_budget`).
pub fn for_log(project: Option<&str>, strict: bool) -> Result<(Option<String>, bool)> {
    let env_project = std::env::var("CREDITS_PROJECT")
        .ok()
        .filter(|p| !p.is_empty());
    let from_flags = project.map(|p| Some(p.to_string()).filter(|p| !p.is_empty()));
    if let (Some(project), true) = (&from_flags, strict) {
        return Ok((project.clone(), true));
    }
    let needs_file = (from_flags.is_none() && env_project.is_none()) || !strict;
    let file = if needs_file {
        load(path().as_deref())?
    } else {
        Config::default()
    };
    let project = match (from_flags, env_project) {
        (Some(p), _) => p,
        (None, Some(p)) => Some(p),
        (None, None) => file.project,
    };
    Ok((project, strict || file.strict_budget.unwrap_or(false)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_format_needs_a_placeholder_and_no_unknown_one() {
        for good in [
            "{platforms} · {budgets}",
            "{budgets}",
            "credits: {platforms} {}",
            "{ {platforms} }",
        ] {
            assert_eq!(check_status_format(good), Ok(()), "{good}");
        }
        for (bad, said) in [
            ("runway", "no placeholder"),
            ("", "no placeholder"),
            ("{} {", "no placeholder"),
            ("{platform} · {budgets}", "`{platform}`"),
            ("{budgets} {Platforms}", "`{Platforms}`"),
        ] {
            let problem = check_status_format(bad).expect_err(bad);
            assert!(problem.contains(said), "{bad}: {problem}");
        }
    }
}
