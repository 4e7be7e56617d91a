//! Finding and loading pricing tables: the shipped ones, then the user's.
//!
//! Order (seed 000: "these values can be overridden"): the tables built into the binary,
//! then every `*.toml` in the user config dir (`~/.config/credits/pricing/` on Linux), then
//! `--pricing-dir` / `CREDITS_PRICING_DIR`; an installed pricing bundle (`credits pricing
//! update`, `bundle.rs`) comes right after the built-in tables and replaces them whole (a
//! bundle that fails its checks is reported and skipped whole). A user file for a platform already loaded
//! patches it (plans, packs and models by id; the rest stays), unless it says
//! `replace = true`; a user file for a new platform adds it. A broken user file is reported
//! and skipped; everything else keeps working.

use super::bundle::{Bundle, MAX_BYTES};
use super::schema::{self, FileError};
#[cfg(test)]
use super::Rate;
use super::{Origin, Platform};
use crate::error::fail_with_help;
use crate::slug;
use anyhow::Result;
#[cfg(test)]
use rust_decimal::Decimal;
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
#[derive(Debug)]
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
#[derive(Debug, Default)]
pub struct Catalog {
    /// One per platform, sorted by id.
    slots: Vec<Slot>,
    pub dirs: Vec<SearchDir>,
    pub files: Vec<LoadedFile>,
}

/// One platform: its table, parsed now or on first use, and its stamp.
#[derive(Debug)]
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

/// Where to look for user tables.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    pub config_dir: Option<PathBuf>,
    pub extra_dir: Option<PathBuf>,
    /// The installed pricing bundle (it need not exist).
    pub bundle: Option<PathBuf>,
}

impl Catalog {
    /// Only the shipped tables.
    pub fn builtin() -> Catalog {
        Catalog::load(&LoadOptions::default())
    }

    /// Shipped tables overlaid with the user's.
    pub fn load(options: &LoadOptions) -> Catalog {
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
        if let Some(path) = &options.bundle {
            catalog.add_bundle(path);
        }
        let dirs = [
            (options.config_dir.as_ref(), "user config dir"),
            (
                options.extra_dir.as_ref(),
                "--pricing-dir / CREDITS_PRICING_DIR",
            ),
        ];
        for (dir, why) in dirs {
            let Some(dir) = dir else { continue };
            catalog.dirs.push(SearchDir {
                path: dir.clone(),
                why,
                exists: dir.is_dir(),
            });
            // The platform ids this directory's files are for: two files of one directory
            // for the same platform is an error, not "the later one wins" by file name.
            let mut seen: Vec<(String, PathBuf)> = Vec::new();
            for path in toml_files(dir) {
                let text = match read_pricing_file(&path) {
                    Ok(text) => text,
                    Err(error) => {
                        catalog.broken(Origin::File(path), error);
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
                        catalog.broken(Origin::File(path), error);
                        continue;
                    }
                    seen.push((id, path.clone()));
                }
                catalog.add_text(&text, Origin::File(path), Layer::User);
            }
        }
        catalog
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

    /// The installed bundle's tables, each replacing the built-in table of its platform
    /// whole (or adding a platform). A bundle that cannot be read or fails its checks is a
    /// broken file: none of it is used.
    fn add_bundle(&mut self, path: &Path) {
        self.dirs.push(SearchDir {
            path: path.to_path_buf(),
            why: "installed pricing bundle (credits pricing update)",
            exists: path.is_file(),
        });
        let read = match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
            Ok(meta) if meta.len() > MAX_BYTES => {
                Err(format!("larger than {} MB", MAX_BYTES / 1024 / 1024))
            }
            _ => std::fs::read(path).map_err(|e| format!("cannot read: {e}")),
        };
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
                fail_with_help(
                    format!("unknown platform `{typed}`"),
                    slug::did_you_mean(
                        typed,
                        "platforms",
                        self.slots.iter().map(|s| s.id.as_str()),
                    ),
                )
            })
    }
}

/// The largest pricing file read: a real table is a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The text of a pricing file: only a regular file (a symlink is followed, and must lead to
/// one) of at most [`MAX_FILE_BYTES`]. A device, a FIFO or a directory is refused before it
/// is opened, so `/dev/zero` or a pipe cannot hang a command; the error says why.
pub fn read_pricing_file(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let link = std::fs::symlink_metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(_) if link.file_type().is_symlink() => {
            let target = std::fs::read_link(path)
                .map(|t| format!(" ({})", t.display()))
                .unwrap_or_default();
            return Err(format!(
                "a symlink to nothing{target} (remove the link or restore its target)"
            ));
        }
        Err(e) => return Err(format!("cannot read: {e}")),
    };
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a directory"
        } else {
            "not a regular file (a device, pipe or socket)"
        };
        return Err(format!(
            "{what}: only regular files are read as pricing files"
        ));
    }
    let too_big = || {
        format!(
            "larger than {} MB, the limit for a pricing file",
            MAX_FILE_BYTES / 1024 / 1024
        )
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big());
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    // The limit holds while reading too: the file may grow after it was measured.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|_| "cannot read: not UTF-8 text".to_string())
}

/// The `*.toml` entries directly in a directory, sorted by name; none if it is missing.
/// Every entry so named is returned (a directory, a device, a symlink to nothing): reading it
/// says why it is not a pricing file, rather than leaving it out silently.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
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

    fn load_dir(files: &[(&str, &str)]) -> Catalog {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        Catalog::load(&LoadOptions {
            config_dir: None,
            extra_dir: Some(dir.path().to_path_buf()),
            bundle: None,
        })
    }

    #[test]
    fn a_user_file_patches_a_shipped_platform_and_a_broken_one_is_skipped() {
        let shipped = Catalog::builtin();
        let before = shipped.platform("runway").unwrap();
        let catalog = load_dir(&[
            (
                "mine.toml",
                "name = \"Runway\"\nas_of = 2026-11-01\n[[model]]\nname = \"Gen-4\"\nmin_plan = \"Standard\"\nper_second = 11\n[[model]]\nname = \"Mine\"\ncredits = 1\n",
            ),
            ("broken.toml", "name = "),
        ]);
        let p = catalog.platform("runway").unwrap();
        // Every shipped plan and pack stays; gen-4 is replaced in place, `mine` is added.
        assert_eq!(p.plans, before.plans);
        assert_eq!(p.packs, before.packs);
        assert_eq!(p.models.len(), before.models.len() + 1);
        let gen4 = p.model("gen-4").unwrap();
        assert_eq!(gen4.min_plan, before.model("gen-4").unwrap().min_plan);
        assert!(
            matches!(&gen4.variants[0].rate, Rate::PerSecond { rate, .. } if rate.min == Decimal::from(11))
        );
        assert!(matches!(&gen4.provenance.origin, Origin::File(_)));
        assert_eq!(p.origin, before.origin);
        assert_eq!(p.patches.len(), 1);
        assert_eq!(catalog.broken_files().count(), 1);
        assert!(catalog.platforms().count() > 1, "shipped tables still load");
    }

    #[test]
    fn replace_true_replaces_the_whole_table() {
        let catalog = load_dir(&[(
            "mine.toml",
            "name = \"MakeClipAI\"\nreplace = true\nas_of = 2026-11-01\n[[model]]\nname = \"Only\"\ncredits = 1\n",
        )]);
        let platform = catalog.platform("makeclipai").unwrap();
        assert_eq!(platform.models.len(), 1);
        assert!(platform.plans.is_empty());
        assert!(platform.patches.is_empty());
    }

    #[test]
    fn an_installed_bundle_replaces_builtin_tables_and_user_files_still_win() {
        let dir = tempfile::tempdir().unwrap();
        let mini = |credits: u32| {
            format!("name = \"MakeClipAI\"\nas_of = 2026-12-01\n[[model]]\nname = \"Only\"\ncredits = {credits}\n")
        };
        let bundle = Bundle::make(
            dir.path(),
            vec![
                ("makeclipai.toml".to_string(), mini(3)),
                (
                    "newco.toml".to_string(),
                    "name = \"NewCo\"\nas_of = 2026-11-01\n[[model]]\nname = \"X\"\ncredits = 1\n"
                        .to_string(),
                ),
            ],
        )
        .unwrap();
        let path = dir.path().join("pricing-bundle.json");
        std::fs::write(&path, bundle.to_json()).unwrap();
        let options = LoadOptions {
            bundle: Some(path.clone()),
            ..LoadOptions::default()
        };
        let catalog = Catalog::load(&options);
        assert_eq!(catalog.broken_files().count(), 0);
        let platform = catalog.platform("makeclipai").unwrap();
        assert_eq!(platform.models.len(), 1);
        assert_eq!(
            platform.origin.to_string(),
            "bundle 2026-12-01 (makeclipai.toml)"
        );
        assert!(
            catalog.platform("newco").is_ok(),
            "a bundle may add a platform"
        );
        assert_eq!(catalog.platforms().count(), BUILTIN.len() + 1);

        // A user file applies over the bundle.
        let mine = tempfile::tempdir().unwrap();
        std::fs::write(mine.path().join("m.toml"), mini(5)).unwrap();
        let catalog = Catalog::load(&LoadOptions {
            extra_dir: Some(mine.path().to_path_buf()),
            ..options.clone()
        });
        let platform = catalog.platform("makeclipai").unwrap();
        assert_eq!(
            platform.patches,
            vec![Origin::File(mine.path().join("m.toml"))]
        );
        assert!(matches!(platform.origin, Origin::Bundle { .. }));

        // A bundle that fails its checks is a broken file; the built-in tables stay.
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("credits = 3", "credits = 4")).unwrap();
        let catalog = Catalog::load(&options);
        let broken: Vec<_> = catalog.broken_files().collect();
        assert_eq!(broken.len(), 1);
        assert_eq!(broken[0].origin, Origin::File(path.clone()));
        assert!(broken[0]
            .error
            .as_deref()
            .unwrap()
            .contains("makeclipai.toml"));
        let platform = catalog.platform("makeclipai").unwrap();
        assert!(matches!(platform.origin, Origin::Builtin(_)));
        assert!(
            catalog.platform("newco").is_err(),
            "none of a broken bundle is used"
        );

        // No bundle installed: nothing to say.
        std::fs::remove_file(&path).unwrap();
        assert_eq!(Catalog::load(&options).broken_files().count(), 0);
    }
}
