//! The pricing tables in memory: the shipped ones, then the user's, looked up by name.
//!
//! Reading the user's files and the installed bundle from disk is the application's job
//! (`credits_app::tables`); it hands their text here, so this stays free of I/O.
//!
//! Order (seed 000: "these values can be overridden"): the tables built into the binary,
//! then every `*.toml` in the user config dir (`~/.config/credits/pricing/` on Linux), then
//! `--pricing-dir` / `CREDITS_PRICING_DIR`; an installed pricing bundle (`credits pricing
//! update`, `bundle.rs`) comes right after the built-in tables and replaces them whole (a
//! bundle that fails its checks is reported and skipped whole). A user file for a platform already loaded
//! patches it (plans, packs and models by id; the rest stays), unless it says
//! `replace = true`; a user file for a new platform adds it. A broken user file is reported
//! and skipped; everything else keeps working.

use super::bundle::Bundle;
use super::schema::{self, FileError};
use super::{Origin, Platform};
use crate::slug;
use anyhow::Result;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/builtin_pricing.rs"));

/// A directory searched for user tables, and whether it exists.
#[derive(Clone, Debug)]
pub struct SearchDir {
    pub path: PathBuf,
    pub why: &'static str,
    pub exists: bool,
}

/// A file that was read, and what became of it.
#[derive(Debug, Clone)]
pub struct LoadedFile {
    pub origin: Origin,
    pub platform_id: Option<String>,
    /// Set when a later file replaced this platform.
    pub replaced_by: Option<Origin>,
    /// This file patches a table loaded before it (rather than replacing or adding one).
    pub patches: bool,
    pub error: Option<String>,
}

/// Which layer a table is loaded in: shipped tables replace whole, user files patch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layer {
    Shipped,
    User,
}

/// All platforms the command can use.
///
/// Built-in tables are read lazily: a command that uses one platform parses one table (the
/// id and name a lookup needs are read from the file's first lines). Every built-in table
/// is valid (`cargo test` checks each, strictly), so deferring cannot hide a broken one.
/// Bundle and user files are parsed at load, so a broken one is reported at once.
#[derive(Debug, Default, Clone)]
pub struct Catalog {
    /// One per platform, sorted by id.
    slots: Vec<Slot>,
    pub dirs: Vec<SearchDir>,
    pub files: Vec<LoadedFile>,
}

/// One platform: its table, parsed now or on first use, and its stamp.
#[derive(Debug, Clone)]
struct Slot {
    id: String,
    name: String,
    origin: Origin,
    /// A built-in table's text, parsed on first use.
    pending: Option<&'static str>,
    table: std::sync::OnceLock<Option<Platform>>,
    stamp: std::sync::OnceLock<TableStamp>,
}

impl Slot {
    fn parsed(platform: Platform) -> Slot {
        Slot {
            id: platform.id.clone(),
            name: platform.name.clone(),
            origin: platform.origin.clone(),
            pending: None,
            table: std::sync::OnceLock::from(Some(platform)),
            stamp: std::sync::OnceLock::new(),
        }
    }

    /// The table, parsing a built-in one the first time.
    fn table(&self) -> Option<&Platform> {
        self.table
            .get_or_init(|| {
                let text = self.pending?;
                schema::parse_platform(text, self.origin.clone()).ok()
            })
            .as_ref()
    }
}

/// The `id` (or the slug of `name`) and `name` of a table, read from the top-level keys
/// before its first `[` section without parsing the file. Only for built-in tables, whose
/// top level a test holds to this shape.
fn header(text: &str) -> Option<(String, String)> {
    let mut name = None;
    let mut id = None;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            break;
        }
        let value = |key: &str| {
            let rest = line
                .strip_prefix(key)?
                .trim_start()
                .strip_prefix('=')?
                .trim();
            let inner = rest.strip_prefix('"')?;
            let end = inner.find('"')?;
            Some(inner[..end].to_string())
        };
        if let Some(v) = value("name") {
            name.get_or_insert(v);
        } else if let Some(v) = value("id") {
            id.get_or_insert(v);
        }
    }
    let name = name?;
    Some((id.unwrap_or_else(|| slug::slugify(&name)), name))
}

/// Which table priced something: the platform, the table's date, and a hash of the table
/// as loaded (its canonical dump, so a user's patch or a bundle changes it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableStamp {
    pub platform: String,
    pub as_of: chrono::NaiveDate,
    /// Hex SHA-256 of [`super::dump::canonical`].
    pub sha256: String,
}

impl Catalog {
    /// Only the shipped tables (embedded in the binary: no file is read).
    pub fn builtin() -> Catalog {
        let mut catalog = Catalog::default();
        for (file, text) in BUILTIN {
            let origin = Origin::Builtin(file.to_string());
            match header(text) {
                Some((id, name)) => {
                    catalog.files.push(LoadedFile {
                        origin: origin.clone(),
                        platform_id: Some(id.clone()),
                        replaced_by: None,
                        patches: false,
                        error: None,
                    });
                    catalog.slots.push(Slot {
                        id,
                        name,
                        origin,
                        pending: Some(text),
                        table: std::sync::OnceLock::new(),
                        stamp: std::sync::OnceLock::new(),
                    });
                }
                // Not the usual shape: parsed now, like a user's file.
                None => catalog.add_text(text, origin, Layer::Shipped),
            }
        }
        catalog.slots.sort_by(|a, b| a.id.cmp(&b.id));
        catalog
    }

    /// Records a place user tables were looked for (shown by `credits pricing files`).
    pub fn add_search_dir(&mut self, dir: SearchDir) {
        self.dirs.push(dir);
    }

    /// The user files of one directory, in name order, each as read (or why it could not
    /// be). Two files of one directory for the same platform is an error, not "the later one
    /// wins" by file name.
    pub fn add_user_dir(&mut self, files: Vec<(PathBuf, Result<String, String>)>) {
        let mut seen: Vec<(String, PathBuf)> = Vec::new();
        for (path, read) in files {
            let text = match read {
                Ok(text) => text,
                Err(error) => {
                    self.broken(Origin::File(path), error);
                    continue;
                }
            };
            if let Ok(id) = schema::read(&text).map(|raw| raw.id()) {
                if let Some((_, first)) = seen.iter().find(|(seen, _)| *seen == id) {
                    let error = format!(
                        "{} is also for platform `{id}`: two files in one directory for \
                         the same platform (merge them into one file)",
                        first.display()
                    );
                    self.broken(Origin::File(path), error);
                    continue;
                }
                seen.push((id, path.clone()));
            }
            self.add_text(&text, Origin::File(path), Layer::User);
        }
    }

    /// Records a user file that could not be used.
    fn broken(&mut self, origin: Origin, error: String) {
        self.files.push(LoadedFile {
            origin,
            platform_id: None,
            replaced_by: None,
            patches: false,
            error: Some(error),
        });
    }

    /// The installed bundle's tables (its bytes as read, or why they could not be), each
    /// replacing the built-in table of its platform whole (or adding a platform). A bundle
    /// that cannot be read or fails its checks is a broken file: none of it is used.
    pub fn add_bundle(&mut self, path: &Path, read: Result<Vec<u8>, String>) {
        match read.and_then(|bytes| Bundle::parse(&bytes, path).map_err(|e| e.to_string())) {
            Ok(bundle) => {
                for table in &bundle.tables {
                    self.add_text(&table.text, bundle.origin(path, table), Layer::Shipped);
                }
            }
            Err(error) => self.files.push(LoadedFile {
                origin: Origin::File(path.to_path_buf()),
                platform_id: None,
                replaced_by: None,
                patches: false,
                error: Some(error),
            }),
        }
    }

    fn add_text(&mut self, text: &str, origin: Origin, layer: Layer) {
        let built = schema::read(text).and_then(|raw| {
            let existing = self.slots.iter().position(|p| p.id == raw.id());
            let base = match (layer, existing) {
                (Layer::User, Some(i)) if !raw.replaces() => {
                    self.slots.get(i).and_then(Slot::table)
                }
                _ => None,
            };
            schema::build(raw, origin.clone(), base).map(|p| (p, existing))
        });
        match built {
            Ok((platform, existing)) => {
                let id = platform.id.clone();
                if let Some(old) = existing {
                    let replaced = self.slots.remove(old);
                    if platform.patches.is_empty() {
                        if let Some(file) =
                            self.files.iter_mut().find(|f| f.origin == replaced.origin)
                        {
                            file.replaced_by = Some(origin.clone());
                        }
                    }
                }
                let patches = platform.patches.last() == Some(&origin);
                self.slots.push(Slot::parsed(platform));
                self.files.push(LoadedFile {
                    origin,
                    platform_id: Some(id),
                    replaced_by: None,
                    patches,
                    error: None,
                });
            }
            Err(err) => self.files.push(LoadedFile {
                origin,
                platform_id: None,
                replaced_by: None,
                patches: false,
                error: Some(match err {
                    FileError::Syntax(_) => err.to_string(),
                    FileError::Invalid(_) => err.to_string(),
                }),
            }),
        }
        self.slots.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// Every platform, by id (parsing the built-in tables not read yet).
    pub fn platforms(&self) -> impl Iterator<Item = &Platform> {
        self.slots.iter().filter_map(Slot::table)
    }

    /// The platform with exactly this id.
    fn by_id(&self, id: &str) -> Option<&Platform> {
        self.slots.iter().find(|s| s.id == id).and_then(Slot::table)
    }

    /// A user file checked the way it would load over this catalog: a file for a platform
    /// already here patches it (unless `replace = true`). Also returns whether it patches.
    pub fn read_user_file(
        &self,
        text: &str,
        origin: Origin,
    ) -> Result<(Platform, bool), FileError> {
        let raw = schema::read(text)?;
        let base = if raw.replaces() {
            None
        } else {
            self.by_id(&raw.id())
        };
        let patches = base.is_some();
        schema::build(raw, origin, base).map(|p| (p, patches))
    }

    /// The files that could not be used, for a warning on stderr.
    pub fn broken_files(&self) -> impl Iterator<Item = &LoadedFile> {
        self.files.iter().filter(|f| f.error.is_some())
    }

    /// The stamp of a loaded platform's table, computed the first time it is asked for
    /// (hashing a table means writing it out: only the platforms a command uses pay).
    pub fn stamp(&self, platform_id: &str) -> Option<&TableStamp> {
        let slot = self.slots.iter().find(|s| s.id == platform_id)?;
        let p = slot.table()?;
        Some(slot.stamp.get_or_init(|| TableStamp {
            platform: p.id.clone(),
            as_of: p.as_of,
            sha256: super::dump::fingerprint(p),
        }))
    }

    /// Finds a platform by id or name, or suggests close ids.
    pub fn platform(&self, typed: &str) -> Result<&Platform> {
        self.slots
            .iter()
            .find(|s| slug::matches(typed, &s.id, &s.name))
            .and_then(Slot::table)
            .ok_or_else(|| {
                slug::unknown(
                    "platform",
                    typed,
                    format!("unknown platform `{typed}`"),
                    self.slots.iter().map(|s| s.id.as_str()),
                    None,
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_table_is_valid_and_its_header_is_read_without_parsing() {
        for (file, text) in BUILTIN {
            let parsed = schema::parse_platform(text, Origin::Builtin(file.to_string()))
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(header(text), Some((parsed.id, parsed.name)), "{file}");
        }
        let catalog = Catalog::builtin();
        assert_eq!(catalog.broken_files().count(), 0);
        assert_eq!(catalog.platforms().count(), BUILTIN.len());
    }
}
