//! Updating prices without a new binary: making a pricing bundle from a folder of tables,
//! getting one from a file or a URL, installing it into the user data dir, removing it,
//! and saying where each platform's table comes from. The format and its checks are
//! `credits_core::pricing::bundle`'s; loading an installed bundle is `pricing::catalog`'s.
//!
//! Invariants: nothing here runs unless a command asks (never at startup); a bundle is
//! verified whole before anything is written, and every file is written to a temp file
//! beside its target and renamed into place (mode 0600), so a refused or failed update
//! leaves the installed bundle byte for byte as it was. A bundle is only checked against
//! its own hashes, so it is downloaded over HTTPS (rustls): plain `http://` is refused
//! except to this machine (127.0.0.1, ::1, localhost), where nobody sits in between.

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use credits_core::error::{fail, fail_with_help};
use credits_core::pricing::bundle::{builtin_date, Bundle, BundleError, Change, Table, MAX_BYTES};
use credits_core::pricing::catalog::Catalog;
use credits_core::pricing::Origin;
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a download may take to connect, and in all.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(120);

/// Where `--from` reads a bundle: a file, or an `http(s)://` URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Url(String),
}

impl Source {
    /// `http://…` and `https://…` (any case) are URLs; anything else is a path.
    pub fn parse(text: &str) -> Source {
        let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            Source::Url(text.to_string())
        } else {
            Source::File(PathBuf::from(text))
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Source::File(path) => write!(f, "{}", path.display()),
            Source::Url(url) => f.write_str(url),
        }
    }
}

/// Where the bundle is installed, or an error when there is no home directory.
pub fn installed_path() -> Result<PathBuf> {
    crate::installed_bundle_path().ok_or_else(|| {
        fail("cannot find a home directory to install the pricing bundle in (set XDG_DATA_HOME)")
    })
}

/// A bundle written by `credits pricing bundle`.
#[derive(Debug)]
pub struct Made {
    pub path: PathBuf,
    pub bundle: Bundle,
}

/// Makes a bundle of every `*.toml` in `dir` and writes it to `output`.
pub fn make(dir: &Path, output: &Path) -> Result<Made> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml") && e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(fail_with_help(
            format!("no *.toml pricing tables in {}", dir.display()),
            "a bundle is made of a folder of pricing tables, one TOML file per platform",
        ));
    }
    let mut files = Vec::new();
    for name in names {
        let path = dir.join(&name);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        files.push((name, text));
    }
    let bundle = Bundle::make(dir, files).map_err(|e| match e {
        BundleError::Table { file, error } => fail_with_help(
            format!("{}: {error}", dir.join(&file).display()),
            format!(
                "`credits pricing validate {}` lists every problem",
                dir.join(&file).display()
            ),
        ),
        other => fail(format!("{}: {other}", dir.display())),
    })?;
    write_private(output, bundle.to_json().as_bytes())?;
    Ok(Made {
        path: output.to_path_buf(),
        bundle,
    })
}

/// What `credits pricing update` installed.
#[derive(Debug)]
pub struct Installed {
    pub path: PathBuf,
    pub source: Source,
    pub date: NaiveDate,
    pub builtin_date: Option<NaiveDate>,
    /// Installed though older than the built-in tables (`--force`).
    pub older: bool,
    /// Whether a bundle was installed before (and is now replaced).
    pub replaced: bool,
    pub tables: Vec<(Table, Change)>,
    /// Tables with fewer plans, packs or models than the built-in table they replace
    /// whole (a patch-sized file bundled by mistake drops the rest): what each lacks.
    pub shrunk: Vec<String>,
}

/// Gets a bundle, verifies it, and installs it at `path` (the data dir's
/// `pricing-bundle.json`). A bundle with a table older than the built-in table it
/// replaces needs `force`.
pub fn install(source: &Source, force: bool, path: &Path) -> Result<Installed> {
    let bytes = fetch(source)?;
    let bundle = Bundle::parse(&bytes, path).map_err(|e| refused(source, e))?;
    let builtin = Catalog::builtin();
    let shipped = builtin_date(&builtin);
    // Older, table by table: a bundle table dated before the built-in table it replaces.
    // A new platform, or a table as new as the built-in one, is never refused.
    let changes = bundle.changes(&builtin);
    let older_tables: Vec<String> = bundle
        .tables
        .iter()
        .zip(&changes)
        .filter_map(|(t, c)| match c {
            Change::Changed { builtin_as_of } if t.as_of < *builtin_as_of => Some(format!(
                "{} ({}, built-in {builtin_as_of})",
                t.platform, t.as_of
            )),
            _ => None,
        })
        .collect();
    let older = !older_tables.is_empty();
    if older && !force {
        return Err(fail_with_help(
            format!(
                "{source}: the pricing bundle has tables older than the built-in ones they would replace: {}",
                older_tables.join(", ")
            ),
            "`--force` installs it anyway",
        ));
    }
    let shrunk = shrunk(&bundle, &builtin);
    let replaced = path.exists();
    if let Some(dir) = path.parent() {
        create_private_dir(dir)?;
    }
    // The bytes as they came: the installed file is the one that was checked.
    write_private(path, &bytes)?;
    Ok(Installed {
        path: path.to_path_buf(),
        source: source.clone(),
        date: bundle.date,
        builtin_date: shipped,
        older,
        replaced,
        tables: bundle.tables.into_iter().zip(changes).collect(),
        shrunk,
    })
}

/// `runway: 0 of 4 plans, 0 of 1 packs, 1 of 10 models` for each bundle table that has
/// fewer of them than the built-in table it replaces.
fn shrunk(bundle: &Bundle, builtin: &Catalog) -> Vec<String> {
    bundle
        .tables
        .iter()
        .filter_map(|t| {
            let shipped = builtin.platforms().find(|p| p.id == t.platform)?;
            let origin = credits_core::pricing::Origin::Builtin(t.file.clone());
            let mine = credits_core::pricing::schema::parse_platform(&t.text, origin).ok()?;
            let counts = [
                ("plan", mine.plans.len(), shipped.plans.len()),
                ("pack", mine.packs.len(), shipped.packs.len()),
                ("model", mine.models.len(), shipped.models.len()),
            ];
            counts.iter().any(|(_, m, s)| m < s).then(|| {
                let parts: Vec<String> = counts
                    .iter()
                    .map(|(what, m, s)| {
                        let what = if *s == 1 {
                            what.to_string()
                        } else {
                            format!("{what}s")
                        };
                        format!("{m} of {s} {what}")
                    })
                    .collect();
                format!("{}: {}", t.platform, parts.join(", "))
            })
        })
        .collect()
}

/// The error for a bundle that failed its checks, with what to do about it.
fn refused(source: &Source, err: BundleError) -> anyhow::Error {
    let help = match &err {
        BundleError::NotJson(_) | BundleError::NotABundle => {
            Some("`credits pricing bundle DIR -o FILE` makes a bundle of a folder of tables")
        }
        BundleError::Version(_) => Some("a newer credits reads it"),
        BundleError::Hash { .. } | BundleError::Date { .. } => Some(
            "the bundle was changed or damaged after it was made; get it again from where it came from",
        ),
        BundleError::Table { .. } => {
            Some("the bundle may have been made for another version of credits")
        }
        _ => None,
    };
    let message = format!("{source}: {err}; nothing was installed");
    match help {
        Some(help) => fail_with_help(message, help),
        None => fail(message),
    }
}

/// A removed bundle.
#[derive(Debug)]
pub struct Removed {
    pub path: PathBuf,
    /// Its date; `None` when it could not be read as a bundle.
    pub date: Option<NaiveDate>,
}

/// Removes the installed bundle; `None` when there was none.
pub fn remove(path: &Path) -> Result<Option<Removed>> {
    let date = match std::fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(_) => None,
        Ok(bytes) => Bundle::parse(&bytes, path).ok().map(|b| b.date),
    };
    std::fs::remove_file(path).with_context(|| format!("cannot remove {}", path.display()))?;
    Ok(Some(Removed {
        path: path.to_path_buf(),
        date,
    }))
}

/// The installed bundle, as the catalog found it.
#[derive(Debug, PartialEq, Eq)]
pub enum BundleState {
    None,
    Installed {
        date: NaiveDate,
        tables: usize,
    },
    /// Present but unusable: ignored, the built-in tables apply.
    Broken {
        error: String,
    },
}

/// Where each platform's table comes from.
#[derive(Debug)]
pub struct Status {
    pub path: Option<PathBuf>,
    pub bundle: BundleState,
    pub builtin_date: Option<NaiveDate>,
    /// Per platform, by id: (id, where its table comes from, its `as_of`).
    pub platforms: Vec<(String, Origin, NaiveDate)>,
}

/// What the loaded catalog says about the bundle at `path` and each platform.
pub fn status(catalog: &Catalog, path: Option<&Path>) -> Status {
    let mut bundle = BundleState::None;
    for file in &catalog.files {
        match (&file.origin, &file.error) {
            (Origin::Bundle { path: p, date, .. }, None) if Some(p.as_path()) == path => {
                bundle = match bundle {
                    BundleState::Installed { tables, .. } => BundleState::Installed {
                        date: *date,
                        tables: tables.saturating_add(1),
                    },
                    _ => BundleState::Installed {
                        date: *date,
                        tables: 1,
                    },
                }
            }
            (Origin::File(p), Some(error)) if Some(p.as_path()) == path => {
                bundle = BundleState::Broken {
                    error: error.clone(),
                }
            }
            _ => {}
        }
    }
    Status {
        path: path.map(Path::to_path_buf),
        bundle,
        builtin_date: builtin_date(&Catalog::builtin()),
        platforms: catalog
            .platforms()
            .map(|p| (p.id.clone(), p.origin.clone(), p.as_of))
            .collect(),
    }
}

// ---- reading and writing ----

/// The bytes of a bundle file or URL, at most [`MAX_BYTES`].
fn fetch(source: &Source) -> Result<Vec<u8>> {
    match source {
        Source::File(path) => {
            let file = std::fs::File::open(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let mut bytes = Vec::new();
            file.take(MAX_BYTES.saturating_add(1))
                .read_to_end(&mut bytes)
                .with_context(|| format!("cannot read {}", path.display()))?;
            if bytes.len() as u64 > MAX_BYTES {
                return Err(too_large(&source.to_string()));
            }
            Ok(bytes)
        }
        Source::Url(url) => download(url),
    }
}

fn too_large(what: &str) -> anyhow::Error {
    fail(format!(
        "{what}: larger than {} MB, too large for a pricing bundle",
        MAX_BYTES / (1024 * 1024)
    ))
}

use crate::http::is_loopback;

/// Refuses a plain-HTTP URL to another machine.
fn check_transport(url: &str, uri: &ureq::http::Uri) -> Result<()> {
    let https = uri
        .scheme_str()
        .is_some_and(|s| s.eq_ignore_ascii_case("https"));
    if https || uri.host().is_some_and(is_loopback) {
        return Ok(());
    }
    Err(fail_with_help(
        format!("{url}: refusing plain http:// to another machine"),
        "a bundle is checked only against its own hashes, so one sent over plain HTTP could be \
         changed on the way, hashes and all; use an https:// URL (plain http:// is allowed only \
         to 127.0.0.1, ::1 and localhost)",
    ))
}

/// Downloads a bundle over HTTPS (rustls), or plain HTTP from this machine.
fn download(url: &str) -> Result<Vec<u8>> {
    let uri: ureq::http::Uri = url
        .parse()
        .map_err(|e| fail(format!("{url}: not a URL ({e})")))?;
    check_transport(url, &uri)?;
    let https = uri
        .scheme_str()
        .is_some_and(|s| s.eq_ignore_ascii_case("https"));
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_global(Some(DOWNLOAD_TIMEOUT))
        .http_status_as_error(false)
        // Once on HTTPS, a redirect may not leave it.
        .https_only(https)
        .user_agent(concat!("credits/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent
        .get(&uri)
        .call()
        .map_err(|e| fail(format!("cannot download {url}: {e}")))?;
    // A redirect from this machine to another one over plain HTTP is refused the same way.
    {
        use ureq::ResponseExt;
        let last = response.get_uri().clone();
        check_transport(&last.to_string(), &last)?;
    }
    let status = response.status();
    if !status.is_success() {
        return Err(fail(format!(
            "cannot download {url}: HTTP {}{}",
            status.as_u16(),
            status
                .canonical_reason()
                .map(|r| format!(" {r}"))
                .unwrap_or_default()
        )));
    }
    response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => too_large(url),
            other => fail(format!("cannot download {url}: {other}")),
        })
}

/// Creates `dir` and its missing parents, private to the user (0700) where they are made.
fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .with_context(|| format!("cannot create the folder {}", dir.display()))
}

/// Writes `bytes` to `path` whole or not at all: a temp file beside it (mode 0600), synced,
/// then renamed over it. Shared with the cost sheet (`ops::sheet`): every whole file the
/// tool writes for the user goes through here.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.is_dir() {
        return Err(credits_core::error::fail_with_help(
            format!("cannot write {}: it is a folder", path.display()),
            format!(
                "give a file name in it, e.g. {}",
                path.join("sheet.html").display()
            ),
        ));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(fail(format!(
            "cannot write {}: there is no folder {}",
            path.display(),
            dir.display()
        )));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".credits-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .with_context(|| format!("cannot write in {}", dir.display()))?;
    }
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_is_a_url_only_with_an_http_scheme() {
        assert_eq!(
            Source::parse("HTTPS://example.com/b.json"),
            Source::Url("HTTPS://example.com/b.json".into())
        );
        assert_eq!(
            Source::parse("http://127.0.0.1:8/b.json"),
            Source::Url("http://127.0.0.1:8/b.json".into())
        );
        assert_eq!(Source::parse("b.json"), Source::File("b.json".into()));
        assert_eq!(Source::parse("ht"), Source::File("ht".into()));
    }

    #[test]
    fn plain_http_is_allowed_only_to_this_machine() {
        let ok = |url: &str| check_transport(url, &url.parse().unwrap()).is_ok();
        assert!(ok("https://example.com/b.json"));
        assert!(ok("http://127.0.0.1:8080/b.json"));
        assert!(ok("http://127.1.2.3/b.json"));
        assert!(ok("http://[::1]:8080/b.json"));
        assert!(ok("http://LOCALHOST/b.json"));
        assert!(!ok("http://example.com/b.json"));
        assert!(!ok("http://10.0.0.1/b.json"));
        assert!(!ok("http://localhost.example.com/b.json"));
    }

    #[test]
    fn a_written_file_is_private_and_replaces_the_old_one_whole() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a").join("b");
        create_private_dir(&nested).unwrap();
        let path = nested.join("f.json");
        write_private(&path, b"one").unwrap();
        write_private(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(&nested), 0o700);
        }
        let left: Vec<_> = std::fs::read_dir(&nested).unwrap().collect();
        assert_eq!(left.len(), 1, "no temp file left behind");
    }
}
