//! Reading a shot list file; parsing and pricing it are the core's (`credits_core::shots`).

use anyhow::{Context as _, Result};
use credits_core::error::fail;
use credits_core::shots::{self, ShotList};
use std::path::Path;

/// Reads and parses a shot list, returning it with its text (for line numbers); syntax
/// errors name the file, line and column.
pub fn read(path: &Path) -> Result<(ShotList, String)> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read shot list {}", path.display()))?;
    let list = shots::parse(&text).map_err(|e| fail(format!("{}: {e}", path.display())))?;
    Ok((list, text))
}
