//! The user's config file, `~/.config/credits/config.toml` (optional).
//!
//! ```toml
//! project = "spring-campaign"   # default --project for `credits log`
//! strict_budget = true           # `credits log` refuses an entry over a budget (exit 3)
//! ```
//! `CREDITS_PROJECT` overrides it; `--project` overrides both.

use crate::error::fail;
use anyhow::Result;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub project: Option<String>,
    pub strict_budget: Option<bool>,
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
        Ok(text) => toml::from_str(&text)
            .map_err(|e| fail(format!("{}: {}", path.display(), e.to_string().trim_end()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(fail(format!("cannot read {}: {e}", path.display()))),
    }
}

/// The project for a new entry: the flag, else `CREDITS_PROJECT`, else the config file.
pub fn default_project(flag: Option<&str>) -> Result<Option<String>> {
    if let Some(p) = flag {
        return Ok(Some(p.to_string()).filter(|p| !p.is_empty()));
    }
    if let Ok(p) = std::env::var("CREDITS_PROJECT") {
        if !p.is_empty() {
            return Ok(Some(p));
        }
    }
    Ok(load(path().as_deref())?.project)
}

/// Whether `log` refuses an entry that takes a budget over: the flag, else the config file.
pub fn strict_budget(flag: bool) -> Result<bool> {
    if flag {
        return Ok(true);
    }
    Ok(load(path().as_deref())?.strict_budget.unwrap_or(false))
}
