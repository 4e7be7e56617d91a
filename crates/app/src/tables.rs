//! Loading the pricing tables a command prices with: the shipped ones, an installed bundle,
//! then the user's files, read from disk here and handed to the core's in-memory
//! [`Catalog`].
//!
//! Order (seed 000: "these values can be overridden"): the tables built into the binary,
//! then every `*.toml` in the user config dir (`~/.config/credits/pricing/` on Linux), then
//! `--pricing-dir` / `CREDITS_PRICING_DIR`; an installed pricing bundle (`credits pricing
//! update`) comes right after the built-in tables and replaces them whole (a bundle that fails
//! its checks is reported and skipped whole). A broken user file is reported and skipped;
//! everything else keeps working.

use credits_core::pricing::bundle::MAX_BYTES;
use credits_core::pricing::catalog::{Catalog, SearchDir};
use std::path::{Path, PathBuf};

/// Where to look for user tables.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    pub config_dir: Option<PathBuf>,
    pub extra_dir: Option<PathBuf>,
    /// The installed pricing bundle (it need not exist).
    pub bundle: Option<PathBuf>,
}

/// Shipped tables overlaid with the installed bundle and the user's files.
pub fn load(options: &LoadOptions) -> Catalog {
    let mut catalog = Catalog::builtin();
    if let Some(path) = &options.bundle {
        catalog.add_search_dir(SearchDir {
            path: path.to_path_buf(),
            why: "installed pricing bundle (credits pricing update)",
            exists: path.is_file(),
        });
        let read = match std::fs::metadata(path) {
            // No bundle installed: nothing to say.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Ok(meta) if meta.len() > MAX_BYTES => {
                Some(Err(format!("larger than {} MB", MAX_BYTES / 1024 / 1024)))
            }
            _ => Some(std::fs::read(path).map_err(|e| format!("cannot read: {e}"))),
        };
        if let Some(read) = read {
            catalog.add_bundle(path, read);
        }
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
        catalog.add_search_dir(SearchDir {
            path: dir.clone(),
            why,
            exists: dir.is_dir(),
        });
        let files = toml_files(dir)
            .into_iter()
            .map(|path| {
                let read = read_pricing_file(&path);
                (path, read)
            })
            .collect();
        catalog.add_user_dir(files);
    }
    catalog
}

/// The largest pricing file read: a real table is a few kilobytes.
pub(crate) const MAX_FILE_BYTES: u64 = 1024 * 1024;

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
    use credits_core::pricing::bundle::Bundle;
    use credits_core::pricing::{Origin, Rate};
    use rust_decimal::Decimal;

    fn load_dir(files: &[(&str, &str)]) -> Catalog {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        load(&LoadOptions {
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
        let catalog = load(&options);
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
        assert_eq!(
            catalog.platforms().count(),
            Catalog::builtin().platforms().count() + 1
        );

        // A user file applies over the bundle.
        let mine = tempfile::tempdir().unwrap();
        std::fs::write(mine.path().join("m.toml"), mini(5)).unwrap();
        let catalog = load(&LoadOptions {
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
        let catalog = load(&options);
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
        assert_eq!(load(&options).broken_files().count(), 0);
    }
}
