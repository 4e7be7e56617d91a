//! The pricing bundle: one JSON file of dated pricing tables, so prices can be updated
//! without a new binary (`credits pricing update`, `credits pricing bundle`).
//!
//! Format, version 1:
//! `{"format": "credits-pricing-bundle", "version": 1, "date": "YYYY-MM-DD",
//!   "tables": [{"file": "runway.toml", "sha256": "<hex>", "text": "<the TOML>"}]}`.
//!
//! Invariants of every [`Bundle`] this module returns, made or read: every table's
//! `sha256` is the SHA-256 of its text's UTF-8 bytes (lowercase hex), every table parses
//! and validates (`schema::parse_platform`), no two tables name one platform or one file,
//! file names are plain `*.toml` names, and `date` is the newest `as_of` among the tables
//! (so the date a bundle shows cannot be edited apart from its tables). The hashes show
//! that the tables are whole and unedited since the manifest was written; they say nothing
//! of who wrote it, which is why a bundle is fetched over HTTPS (see `ops::bundle`).
//!
//! Pure: bytes in, values out. Reading folders, downloading and installing are the
//! application layer's.

use super::catalog::{Catalog, BUILTIN};
use super::schema::parse_platform;
use super::Origin;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::path::Path;

/// The `format` value that says "this JSON is a pricing bundle".
pub(crate) const FORMAT: &str = "credits-pricing-bundle";
/// The one version this build reads and writes.
pub const VERSION: u64 = 1;
/// The installed bundle's file name in the user data dir.
pub const INSTALLED_NAME: &str = "pricing-bundle.json";
/// The largest bundle read from a file, a URL or the data dir: far above a real one
/// (the shipped tables together are under 100 kB), small enough to hold in memory.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// A verified bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bundle {
    /// The newest `as_of` among the tables.
    pub date: NaiveDate,
    /// In the order of the file.
    pub tables: Vec<Table>,
}

/// One table of a bundle, with what reading it told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The file name it was made from, `runway.toml`: a label, never a path to write.
    pub file: String,
    pub sha256: String,
    pub text: String,
    /// The platform id the table defines.
    pub platform: String,
    pub as_of: NaiveDate,
}

/// Why bytes are not a usable bundle. Every error about one table names its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleError {
    /// Not JSON at all.
    NotJson(String),
    /// JSON without `"format": "credits-pricing-bundle"`.
    NotABundle,
    /// A bundle of a version this build does not read.
    Version(String),
    /// The right format and version, but a field missing or of the wrong type.
    Shape(String),
    /// No tables.
    Empty,
    /// A file name that is not a plain `*.toml` name.
    FileName(String),
    /// Two tables with one file name.
    DuplicateFile(String),
    /// A table's text does not hash to the manifest's sha256.
    Hash {
        file: String,
        expected: String,
        actual: String,
    },
    /// A table that does not parse or validate; `error` is the parser's message.
    Table { file: String, error: String },
    /// Two tables for one platform.
    DuplicatePlatform {
        platform: String,
        first: String,
        second: String,
    },
    /// The manifest's date is not the newest `as_of` of its tables.
    Date {
        stated: NaiveDate,
        newest: NaiveDate,
    },
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            BundleError::NotJson(e) => write!(f, "not a pricing bundle: not JSON ({e})"),
            BundleError::NotABundle => {
                write!(f, "not a pricing bundle: no \"format\": \"{FORMAT}\"")
            }
            BundleError::Version(v) => write!(
                f,
                "a pricing bundle of version {v}; this credits reads version {VERSION}"
            ),
            BundleError::Shape(e) => write!(f, "a broken pricing bundle: {e}"),
            BundleError::Empty => write!(f, "a pricing bundle with no tables"),
            BundleError::FileName(name) => write!(
                f,
                "table {name:?}: a table's file must be a plain name ending in .toml"
            ),
            BundleError::DuplicateFile(name) => write!(f, "{name}: two tables with this name"),
            BundleError::Hash {
                file,
                expected,
                actual,
            } => write!(
                f,
                "{file}: the text does not match its sha256 (the manifest says {expected}, the text hashes to {actual})"
            ),
            BundleError::Table { file, error } => write!(f, "{file}: {error}"),
            BundleError::DuplicatePlatform {
                platform,
                first,
                second,
            } => write!(f, "{second}: platform `{platform}` is also in {first}"),
            BundleError::Date { stated, newest } => write!(
                f,
                "the bundle is dated {stated}, but its newest table is dated {newest}"
            ),
        }
    }
}

impl std::error::Error for BundleError {}

/// The file as JSON: the manifest with the texts inside it.
#[derive(Serialize, Deserialize)]
struct RawBundle {
    format: String,
    version: u64,
    date: NaiveDate,
    tables: Vec<RawTable>,
}

#[derive(Serialize, Deserialize)]
struct RawTable {
    file: String,
    sha256: String,
    text: String,
}

/// Lowercase hex SHA-256 of `text`'s bytes.
pub(crate) fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Bundle {
    /// Makes a bundle of `(file name, text)` pairs (a folder's `*.toml` files); `dir`
    /// only labels the files in errors. Each table must parse and validate.
    pub fn make(dir: &Path, files: Vec<(String, String)>) -> Result<Bundle, BundleError> {
        let tables = files
            .into_iter()
            .map(|(file, text)| {
                let sha256 = sha256_hex(&text);
                (file, sha256, text)
            })
            .collect();
        Bundle::check(tables, |file| Origin::File(dir.join(file)))
    }

    /// Reads and verifies a bundle file's bytes. `path` is where its tables are to be
    /// loaded from (the installed file), named by the platforms' origins.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<Bundle, BundleError> {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| BundleError::NotJson(e.to_string()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(BundleError::NotABundle);
        }
        match value.get("version") {
            Some(v) if v.as_u64() == Some(VERSION) => {}
            Some(v) => return Err(BundleError::Version(v.to_string())),
            None => return Err(BundleError::Shape("missing field `version`".to_string())),
        }
        let raw: RawBundle =
            serde_json::from_value(value).map_err(|e| BundleError::Shape(e.to_string()))?;
        let stated = raw.date;
        let tables = raw
            .tables
            .into_iter()
            .map(|t| (t.file, t.sha256, t.text))
            .collect();
        let bundle = Bundle::check(tables, |file| Origin::Bundle {
            path: path.to_path_buf(),
            file: file.to_string(),
            date: stated,
        })?;
        if bundle.date != stated {
            return Err(BundleError::Date {
                stated,
                newest: bundle.date,
            });
        }
        Ok(bundle)
    }

    /// The checks every bundle passes, in the order a user would fix them: names, hashes,
    /// each table, then the tables together.
    fn check(
        tables: Vec<(String, String, String)>,
        origin: impl Fn(&str) -> Origin,
    ) -> Result<Bundle, BundleError> {
        let mut out: Vec<Table> = Vec::new();
        for (file, sha256, text) in tables {
            if !is_plain_toml_name(&file) {
                return Err(BundleError::FileName(file));
            }
            if out.iter().any(|t| t.file == file) {
                return Err(BundleError::DuplicateFile(file));
            }
            let actual = sha256_hex(&text);
            if !actual.eq_ignore_ascii_case(&sha256) {
                return Err(BundleError::Hash {
                    file,
                    expected: sha256,
                    actual,
                });
            }
            let platform =
                parse_platform(&text, origin(&file)).map_err(|e| BundleError::Table {
                    file: file.clone(),
                    error: e.to_string(),
                })?;
            if let Some(first) = out.iter().find(|t| t.platform == platform.id) {
                return Err(BundleError::DuplicatePlatform {
                    platform: platform.id,
                    first: first.file.clone(),
                    second: file,
                });
            }
            out.push(Table {
                file,
                sha256: actual,
                text,
                platform: platform.id,
                as_of: platform.as_of,
            });
        }
        let date = out
            .iter()
            .map(|t| t.as_of)
            .max()
            .ok_or(BundleError::Empty)?;
        Ok(Bundle { date, tables: out })
    }

    /// The bundle file's text (pretty JSON, ending in a newline).
    pub fn to_json(&self) -> String {
        let raw = RawBundle {
            format: FORMAT.to_string(),
            version: VERSION,
            date: self.date,
            tables: self
                .tables
                .iter()
                .map(|t| RawTable {
                    file: t.file.clone(),
                    sha256: t.sha256.clone(),
                    text: t.text.clone(),
                })
                .collect(),
        };
        // Serialising strings, a date and an integer cannot fail.
        let mut text = serde_json::to_string_pretty(&raw).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The origin of one of its tables once loaded from `path`.
    pub fn origin(&self, path: &Path, table: &Table) -> Origin {
        Origin::Bundle {
            path: path.to_path_buf(),
            file: table.file.clone(),
            date: self.date,
        }
    }

    /// How each table differs from the built-in table of its platform.
    pub fn changes(&self, builtin: &Catalog) -> Vec<Change> {
        self.tables
            .iter()
            .map(|t| {
                let shipped = builtin.platforms().find(|p| p.id == t.platform);
                match shipped {
                    None => Change::New,
                    Some(p) => {
                        let text = match &p.origin {
                            Origin::Builtin(name) => {
                                BUILTIN.iter().find(|(n, _)| n == name).map(|(_, s)| *s)
                            }
                            _ => None,
                        };
                        if text == Some(t.text.as_str()) {
                            Change::Same
                        } else {
                            Change::Changed {
                                builtin_as_of: p.as_of,
                            }
                        }
                    }
                }
            })
            .collect()
    }
}

/// A bundle table next to the built-in tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// A platform with no built-in table.
    New,
    /// Replaces the built-in table of its platform, which has a different text.
    Changed { builtin_as_of: NaiveDate },
    /// The same text as the built-in table.
    Same,
}

/// The date of the built-in tables: the newest `as_of` among them.
pub fn builtin_date(builtin: &Catalog) -> Option<NaiveDate> {
    builtin.platforms().map(|p| p.as_of).max()
}

/// `runway.toml`: no folder, no control characters, not hidden.
fn is_plain_toml_name(name: &str) -> bool {
    name.len() > ".toml".len()
        && name.ends_with(".toml")
        && !name.starts_with('.')
        && !name
            .chars()
            .any(|c| c == '/' || c == '\\' || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    const ALPHA: &str =
        "name = \"Alpha\"\nas_of = 2026-11-01\n[[model]]\nname = \"One\"\ncredits = 1\n";
    const BETA: &str =
        "name = \"Beta\"\nas_of = 2026-12-03\n[[model]]\nname = \"Two\"\ncredits = 2\n";

    fn made() -> Bundle {
        Bundle::make(
            Path::new("dir"),
            vec![
                ("alpha.toml".to_string(), ALPHA.to_string()),
                ("beta.toml".to_string(), BETA.to_string()),
            ],
        )
        .unwrap()
    }

    fn installed() -> PathBuf {
        PathBuf::from("/data/pricing-bundle.json")
    }

    /// The bundle's JSON with `edit` applied to it as a value.
    fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
        let mut value: serde_json::Value = serde_json::from_str(&made().to_json()).unwrap();
        edit(&mut value);
        serde_json::to_vec(&value).unwrap()
    }

    #[test]
    fn a_made_bundle_is_dated_by_its_newest_table_and_reads_back_the_same() {
        let bundle = made();
        assert_eq!(bundle.date, NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
        assert_eq!(bundle.tables[0].platform, "alpha");
        assert_eq!(bundle.tables[0].sha256, sha256_hex(ALPHA));
        let json = bundle.to_json();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["format"], FORMAT);
        assert_eq!(value["version"], 1);
        assert_eq!(value["date"], "2026-12-03");
        assert_eq!(value["tables"][1]["file"], "beta.toml");
        assert_eq!(value["tables"][1]["text"], BETA);
        assert_eq!(Bundle::parse(json.as_bytes(), &installed()), Ok(bundle));
    }

    #[test]
    fn the_hash_is_sha256_of_the_texts_bytes_in_hex() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn an_edited_text_with_its_old_hash_is_refused_naming_the_table() {
        let bytes = edited(|v| {
            v["tables"][1]["text"] = BETA.replace("credits = 2", "credits = 1").into();
        });
        let err = Bundle::parse(&bytes, &installed()).unwrap_err();
        assert!(matches!(&err, BundleError::Hash { file, .. } if file == "beta.toml"));
        assert!(err.to_string().starts_with("beta.toml: "), "{err}");
    }

    #[test]
    fn a_table_that_does_not_validate_is_refused_naming_it_even_with_a_matching_hash() {
        let broken = "name = \"Gamma\"\nas_of = 2026-11-01\n[[model]]\nname = \"X\"\n";
        let err = Bundle::make(
            Path::new("dir"),
            vec![("gamma.toml".to_string(), broken.to_string())],
        )
        .unwrap_err();
        assert!(matches!(&err, BundleError::Table { file, .. } if file == "gamma.toml"));
        let bytes = edited(|v| {
            v["tables"][0]["text"] = broken.into();
            v["tables"][0]["sha256"] = sha256_hex(broken).into();
        });
        let err = Bundle::parse(&bytes, &installed()).unwrap_err();
        assert!(err.to_string().starts_with("alpha.toml: "), "{err}");
    }

    #[test]
    fn two_tables_for_one_platform_are_refused() {
        let err = Bundle::make(
            Path::new("dir"),
            vec![
                ("a.toml".to_string(), ALPHA.to_string()),
                (
                    "b.toml".to_string(),
                    ALPHA.replace("credits = 1", "credits = 3"),
                ),
            ],
        )
        .unwrap_err();
        assert_eq!(
            err,
            BundleError::DuplicatePlatform {
                platform: "alpha".into(),
                first: "a.toml".into(),
                second: "b.toml".into()
            }
        );
    }

    #[test]
    fn format_version_date_and_names_are_checked() {
        let read = |bytes: &[u8]| Bundle::parse(bytes, &installed()).unwrap_err();
        assert!(matches!(read(b"not json"), BundleError::NotJson(_)));
        assert_eq!(read(b"{\"tables\": []}"), BundleError::NotABundle);
        let v2 = edited(|v| v["version"] = 2.into());
        assert_eq!(read(&v2), BundleError::Version("2".into()));
        let no_tables = edited(|v| v["tables"] = serde_json::json!([]));
        assert_eq!(read(&no_tables), BundleError::Empty);
        let bad_date = edited(|v| v["date"] = "21/11/2026".into());
        assert!(matches!(read(&bad_date), BundleError::Shape(_)));
        let later = edited(|v| v["date"] = "2027-01-01".into());
        assert_eq!(
            read(&later),
            BundleError::Date {
                stated: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
                newest: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
            }
        );
        for name in ["../alpha.toml", "alpha.json", ".toml", "a\u{1b}[31m.toml"] {
            let bytes = edited(|v| v["tables"][0]["file"] = name.into());
            assert_eq!(read(&bytes), BundleError::FileName(name.into()), "{name}");
        }
    }

    #[test]
    fn changes_versus_the_builtin_tables() {
        let builtin = Catalog::builtin();
        let (name, text) = BUILTIN[0];
        let shipped = builtin
            .platforms()
            .find(|p| p.origin == Origin::Builtin(name.to_string()))
            .unwrap();
        let bundle = Bundle::make(
            Path::new("dir"),
            vec![
                ("alpha.toml".to_string(), ALPHA.to_string()),
                (name.to_string(), text.to_string()),
                ("edited.toml".to_string(), format!("{text}\n# edited\n")),
            ],
        );
        // The same platform twice is refused; one at a time then.
        assert!(bundle.is_err());
        let same = Bundle::make(
            Path::new("dir"),
            vec![
                ("alpha.toml".to_string(), ALPHA.to_string()),
                (name.to_string(), text.to_string()),
            ],
        )
        .unwrap();
        assert_eq!(same.changes(&builtin), vec![Change::New, Change::Same]);
        let edited = Bundle::make(
            Path::new("dir"),
            vec![("edited.toml".to_string(), format!("{text}\n# edited\n"))],
        )
        .unwrap();
        assert_eq!(
            edited.changes(&builtin),
            vec![Change::Changed {
                builtin_as_of: shipped.as_of
            }]
        );
        assert!(builtin_date(&builtin).unwrap() >= shipped.as_of);
    }
}
