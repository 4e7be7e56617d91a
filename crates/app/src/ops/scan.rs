//! `credits scan`: log the clips and images found in folders, read from the files themselves.
//!
//! For each video or image under the paths (`crate::media` says which files are, and reads
//! them):
//! - the file is known by the SHA-256 of its bytes (`store::files`): a file already logged —
//!   the same file, a copy, a renamed one — is listed as such and adds nothing;
//! - its platform and model are decided, each by the first of these that states it: the
//!   flags (`--platform`, `--model`); the file's C2PA manifest (`crate::c2pa`: the platform
//!   its claim generator names, the model its creating agent names, read but not verified);
//!   a download-name pattern of a pricing table
//!   (`download_names`); the `[scan]` folder mapping of the config file (the deepest folder
//!   holding the file, whose missing keys come from the mapped folders holding it). A
//!   layer's model is taken only for the platform already decided — except that a C2PA
//!   manifest naming a platform but no model gives way to a later layer naming both (its
//!   generator is still shown). A file that none of them identifies is listed as
//!   unidentified, never logged with a guess;
//! - it must be whole (`media::completeness`: an image's end marker, a container's sizes):
//!   a file still downloading or cut short is never logged;
//! - its project: `--project`, else the folder mapping's `project`, else the name of the
//!   deepest mapped folder holding the file (its subfolders are batches of the same
//!   project), else the name of the folder that holds the file;
//! - its time: the container's creation time when it gives one, else the file's
//!   modification time (never later than now);
//! - its length: the container's exact duration. Containers often run a few frames over
//!   the length asked for (5.04 s for a 5 s clip): a duration at most [`TOLERANCE`] over a
//!   length the model offers is priced as that length. Otherwise the length is priced as it
//!   is, which the tables bill as the length (bucket) it falls in — a 9.8 s file of a 10 s
//!   clip is billed 10 s, and said.
//!
//! It is then logged as `credits log` would (`entries::log_in`: account, balance, budgets),
//! with its file — except that a strict budget does not refuse it: the platform already
//! charged the clip, and a report that left it out would under-count (the warning is said) — in one transaction per file: a scan that is stopped half-way keeps what
//! it logged, and running it again logs the rest (the hash is unique in the database).
//! `dry_run` runs the same steps in one transaction that is rolled back, so what it lists is
//! what a scan would log, in order, and nothing is written.

use super::budgets::Crossing;
use super::entries::{self, LogRequest};
use super::pricing::{PriceRequest, Priced};
use super::Session;
use crate::config::ScanFolder;
use crate::media::{self, Probe};
use anyhow::Result;
use chrono::{DateTime, FixedOffset, Utc};
use credits_core::cost::Request;
use credits_core::error::{fail, fail_with_help, UserError};
use credits_core::pricing::Rate;
use credits_core::records::Entry;
use credits_store::{EntryFile, FileStamp, Tx};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

/// How far over a length the model offers a container's duration may run and still be
/// priced as that length: a quarter of a second (6 frames at 24 fps).
pub(crate) const TOLERANCE: Decimal = Decimal::from_parts(25, 0, 0, false, 2);

/// What the user asked `scan` to do.
#[derive(Debug, Clone, Default)]
pub struct ScanRequest {
    pub paths: Vec<PathBuf>,
    pub platform: Option<String>,
    pub model: Option<String>,
    pub project: Option<String>,
    pub tags: Vec<(String, String)>,
    /// `--mode`, for every file (else the folder mapping's `mode`).
    pub mode: Option<String>,
    /// `--no-audio-price`: a clip with a sound track on a model with no price for audio is
    /// logged at the price without audio, said in its note (else the folder's setting).
    pub no_audio_price: bool,
    pub dry_run: bool,
    /// Set by SIGINT/SIGTERM (`--watch`): looked at between files and while hashing.
    pub stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

/// Where a platform or model came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdSource {
    /// `--platform` / `--model`.
    Flag,
    /// The file's C2PA manifest (read, not verified): its claim generator and the agent
    /// that created it.
    C2pa {
        generator: String,
        agent: Option<String>,
    },
    /// A pricing table's download-name pattern, with the ids of its sources.
    Pattern {
        pattern: String,
        sources: Vec<String>,
    },
    /// A `[scan]` folder of the config file.
    Folder(PathBuf),
    /// The platform of the only pricing table with the model given (by a flag or a folder
    /// mapping) without a platform.
    OnlyTable { model: String },
}

impl IdSource {
    /// Where a part came from, in words for the table.
    pub fn describe(&self) -> String {
        match self {
            IdSource::Flag => "flags".to_string(),
            IdSource::C2pa {
                generator,
                agent: Some(agent),
            } => format!("C2PA (unverified): {generator}, {agent}"),
            IdSource::C2pa {
                generator,
                agent: None,
            } => format!("C2PA (unverified): {generator}"),
            IdSource::Pattern { pattern, sources } if sources.is_empty() => {
                format!("name `{pattern}`")
            }
            IdSource::Pattern { pattern, sources } => {
                format!("name `{pattern}` ({})", sources.join(", "))
            }
            IdSource::Folder(dir) => format!("config folder {}", dir.display()),
            IdSource::OnlyTable { model } => format!("the only table with {model}"),
        }
    }
}

/// What one layer of identification says about a file.
#[derive(Debug, Clone)]
struct Layer {
    source: IdSource,
    platform: Option<String>,
    model: Option<String>,
}

/// A file's platform and model, each with where it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub platform: Option<(String, IdSource)>,
    pub model: Option<(String, IdSource)>,
    /// A C2PA manifest that named a platform but no model, set aside for a later layer
    /// that named both: still shown.
    pub set_aside: Option<IdSource>,
    /// A model given without a platform that several tables have: their platforms, so the
    /// file's line can say which to choose from.
    pub model_in: Vec<String>,
}

impl Identity {
    /// How it was identified, for the table: one source, or each part's.
    pub fn describe(&self) -> String {
        let main = self.describe_parts();
        match &self.set_aside {
            Some(c) => format!("{main} (also {})", c.describe()),
            None => main,
        }
    }

    fn describe_parts(&self) -> String {
        match (&self.platform, &self.model) {
            (Some((_, p)), Some((_, m))) if p == m => p.describe(),
            (Some((_, p)), Some((_, m))) => {
                format!("platform: {}; model: {}", p.describe(), m.describe())
            }
            (Some((_, p)), None) => format!("platform: {}; model: none", p.describe()),
            (None, Some((_, m))) => format!("platform: none; model: {}", m.describe()),
            (None, None) => "nothing".to_string(),
        }
    }
}

/// What happened to one file.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Logged (or, dry, would be): the entry as stored.
    Logged {
        entry: Box<Entry>,
        priced: Box<Priced>,
        budgets: Vec<Crossing>,
    },
    /// Its content is already in the log: the entry's id, platform and model, and the path
    /// it was logged from.
    AlreadyLogged {
        entry_id: i64,
        path: String,
        platform: String,
        model: String,
    },
    /// `--dry-run`: the same bytes as a file listed above in this run (which would log them).
    SameAs(PathBuf),
    /// Platform or model unknown: not logged.
    Unidentified,
    /// Not a media file this tool can read, with why.
    Unreadable(String),
    /// Identified but refused by pricing (an unknown model, a length it does not make, a
    /// strict budget), with why.
    NotLogged(String),
}

impl Outcome {
    pub fn status(&self, dry_run: bool) -> &'static str {
        match self {
            Outcome::Logged { .. } if dry_run => "would_log",
            Outcome::Logged { .. } => "logged",
            Outcome::AlreadyLogged { .. } => "already_logged",
            Outcome::SameAs(_) => "duplicate",
            Outcome::Unidentified => "unidentified",
            Outcome::Unreadable(_) => "unreadable",
            Outcome::NotLogged(_) => "not_logged",
        }
    }
}

/// One file scanned.
#[derive(Debug, Clone)]
pub struct Scanned {
    pub path: PathBuf,
    pub probe: Option<Probe>,
    pub identity: Identity,
    pub project: Option<String>,
    /// The length priced, when the tolerance made it differ from the file's.
    pub priced_seconds: Option<Decimal>,
    /// The `[scan]` folder mapping it is under (deepest folder, inherited keys filled in).
    pub mapping: Option<(PathBuf, ScanFolder)>,
    /// Its size and modification time when it was looked at (`--watch` looks again only
    /// when they change).
    pub stamp: Option<Stamp>,
    pub outcome: Outcome,
}

/// A file's size and modification time.
pub type Stamp = (u64, Option<std::time::SystemTime>);

/// A file's [`Stamp`] now.
pub(crate) fn stamp_of(path: &Path) -> Option<Stamp> {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

impl Scanned {
    /// Whether the file is already in the log from this very path (rescanned, touched):
    /// unlike a copy or a moved file, nothing to say about it.
    pub fn logged_from_here(&self) -> bool {
        match &self.outcome {
            Outcome::AlreadyLogged { path, .. } => std::fs::canonicalize(&self.path)
                .is_ok_and(|here| here.display().to_string() == *path),
            _ => false,
        }
    }
}

/// What a scan did (or, dry, would do).
#[derive(Debug, Clone, Default)]
pub struct ScanOutcome {
    pub files: Vec<Scanned>,
    pub dry_run: bool,
    /// Stopped by SIGINT/SIGTERM before every file was looked at.
    pub stopped: bool,
}

impl ScanOutcome {
    pub fn logged(&self) -> usize {
        self.files
            .iter()
            .filter(|f| matches!(f.outcome, Outcome::Logged { .. }))
            .count()
    }
}

/// What every file of a scan is looked at with: the request, the config folders.
pub struct Scanner<'a> {
    session: &'a Session,
    req: ScanRequest,
    folders: Vec<(PathBuf, ScanFolder)>,
}

impl<'a> Scanner<'a> {
    /// Checks the paths and reads the config file: a missing path or a broken config is an
    /// error before anything is read or written.
    pub fn new(session: &'a Session, req: ScanRequest) -> Result<Scanner<'a>> {
        if req.paths.is_empty() {
            return Err(fail_with_help(
                "no folder or file to scan",
                "`credits scan ~/Downloads`",
            ));
        }
        for p in &req.paths {
            if std::fs::metadata(p).is_err() {
                return Err(fail_with_help(
                    format!("{} does not exist", p.display()),
                    "give folders or files that exist",
                ));
            }
        }
        // A flag names every file's platform or model: one that no table could price is
        // refused before any file is read, with what was meant, not once per file.
        let catalog = &session.catalog;
        match (&req.platform, &req.model) {
            (Some(platform), model) => {
                let known = catalog.platform(platform)?;
                if let Some(model) = model {
                    known.model(model)?;
                }
            }
            (None, Some(model)) => {
                if !catalog.platforms().any(|p| p.model(model).is_ok()) {
                    let mut ids: Vec<&str> = catalog
                        .platforms()
                        .flat_map(|p| p.models.iter().map(|m| m.id.as_str()))
                        .collect();
                    ids.sort_unstable();
                    ids.dedup();
                    let close = credits_core::slug::suggest(model, ids.iter().copied());
                    let help = if close.is_empty() {
                        "`credits pricing show PLATFORM` lists a platform's models".to_string()
                    } else {
                        let quoted: Vec<String> =
                            close.iter().map(|id| format!("`{id}`")).collect();
                        format!("did you mean {}?", quoted.join(" or "))
                    };
                    return Err(fail_with_help(
                        format!("no pricing table has a model `{}`", model),
                        help,
                    ));
                }
            }
            (None, None) => {}
        }
        let folders = crate::config::scan_folders()?
            .into_iter()
            .map(|(dir, what)| (std::fs::canonicalize(&dir).unwrap_or(dir), what))
            .collect();
        Ok(Scanner {
            session,
            req,
            folders,
        })
    }

    /// The media files under the paths, sorted: hidden files and folders, partial
    /// downloads and other files are left out (a file named on the command line is looked
    /// at whatever it is).
    pub fn files(&self) -> Result<Vec<PathBuf>> {
        self.files_under(&self.req.paths)
    }

    /// The media files under `roots` (as [`Scanner::files`]).
    pub fn files_under(&self, roots: &[PathBuf]) -> Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        for root in roots {
            if root.is_file() {
                out.push(root.clone());
                continue;
            }
            let walk = walkdir::WalkDir::new(root)
                .follow_links(false)
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walk {
                let entry = entry.map_err(|e| {
                    fail(format!(
                        "cannot read {}: {e}",
                        e.path().unwrap_or(root).display()
                    ))
                })?;
                if entry.file_type().is_file() && media::kind_of(entry.path()).is_some() {
                    out.push(entry.into_path());
                }
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// Scans every file: each logged in its own transaction, or, dry, all in one that is
    /// rolled back.
    pub fn run(&self) -> Result<ScanOutcome> {
        let files = self.files()?;
        let mut out = ScanOutcome {
            files: Vec::new(),
            dry_run: self.req.dry_run,
            stopped: false,
        };
        if self.req.dry_run {
            let mut store = self.session.store_for_reading()?;
            // `read` never commits: the entries written here to price the next files as a
            // real scan would are rolled back with it.
            let (scanned, stopped) = store.read(|tx| {
                let mut scanned = Vec::new();
                for f in &files {
                    if self.stopped() {
                        return Ok((scanned, true));
                    }
                    match self.file_in(tx, f)? {
                        Some(s) => scanned.push(s),
                        None => return Ok((scanned, true)),
                    }
                }
                Ok((scanned, false))
            })?;
            out.stopped = stopped;
            out.files = scanned;
            // An entry that only exists in the rolled-back transaction has no id to show: a
            // repeat of a file above is said as such.
            let mut logged_here: Vec<(i64, PathBuf)> = Vec::new();
            for f in &mut out.files {
                match &f.outcome {
                    Outcome::Logged { entry, .. } => logged_here.push((entry.id, f.path.clone())),
                    Outcome::AlreadyLogged { entry_id, .. } => {
                        if let Some((_, first)) = logged_here.iter().find(|(id, _)| id == entry_id)
                        {
                            f.outcome = Outcome::SameAs(first.clone());
                        }
                    }
                    _ => {}
                }
            }
        } else if !files.is_empty() {
            // (Nothing to look at opens no database: a scan of an empty folder creates none.)
            let mut store = self.session.store()?;
            for f in &files {
                if self.stopped() {
                    out.stopped = true;
                    break;
                }
                match store.write(|tx| self.file_in(tx, f))? {
                    Some(scanned) => out.files.push(scanned),
                    None => {
                        out.stopped = true;
                        break;
                    }
                }
            }
        }
        Ok(out)
    }

    fn stopped(&self) -> bool {
        self.req.stop.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Scans one file in its own transaction (`--watch`); `None` when stopped.
    pub fn one(&self, path: &Path) -> Result<Option<Scanned>> {
        let mut store = self.session.store()?;
        store.write(|tx| self.file_in(tx, path))
    }

    /// One file, in the caller's transaction; `None` when stopped while hashing it.
    fn file_in(&self, tx: &Tx<'_>, path: &Path) -> Result<Option<Scanned>> {
        let mut scanned = Scanned {
            path: path.to_path_buf(),
            probe: None,
            identity: Identity::default(),
            project: None,
            priced_seconds: None,
            mapping: None,
            stamp: stamp_of(path),
            outcome: Outcome::Unidentified,
        };
        Ok(self.look_at(tx, path, &mut scanned)?.map(|()| scanned))
    }

    /// Fills in `scanned`; `Ok(None)` when stopped.
    fn look_at(&self, tx: &Tx<'_>, path: &Path, scanned: &mut Scanned) -> Result<Option<()>> {
        let Some(kind) = media::kind_of(path) else {
            scanned.outcome = Outcome::Unreadable("not a video or image (by its name)".to_string());
            return Ok(Some(()));
        };
        // The file it was logged from, as it was then: known without reading its bytes (a
        // rescan of a library of videos would otherwise read every gigabyte again).
        let full_path = std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string();
        let stamp = scanned
            .stamp
            .and_then(|(size, modified)| FileStamp::of(size, modified));
        if let Some(stamp) = stamp {
            if let Some(known) = tx.file_at(&full_path, stamp)? {
                scanned.outcome = already_logged(tx, known)?;
                return Ok(Some(()));
            }
        }
        let sha256 = match media::content_hash(path, &self.req.stop) {
            Ok(Some(h)) => h,
            Ok(None) => return Ok(None),
            Err(e) => {
                scanned.outcome = Outcome::Unreadable(format!("cannot read it: {e}"));
                return Ok(Some(()));
            }
        };
        if let Some(known) = tx.file_by_hash(&sha256)? {
            // The logged file itself, touched (or logged before schema 8): the next scan
            // knows it by its new stamp. (A dry run writes nothing, and may not be able to.)
            if let Some(stamp) = stamp.filter(|_| known.path == full_path && !self.req.dry_run) {
                tx.restamp_file(known.entry_id, stamp)?;
            }
            scanned.outcome = already_logged(tx, known)?;
            return Ok(Some(()));
        }
        // A half-written file reads as a whole one to some readers: never logged.
        match media::completeness(path) {
            Ok(media::Completeness::Incomplete(why)) => {
                scanned.outcome =
                    Outcome::Unreadable(format!("still downloading or cut short: {why}"));
                return Ok(Some(()));
            }
            Ok(_) => {}
            Err(e) => {
                scanned.outcome = Outcome::Unreadable(format!("cannot read it: {e}"));
                return Ok(Some(()));
            }
        }
        let probe = match media::probe(path, kind) {
            Ok(p) => p,
            Err(why) => {
                scanned.outcome = Outcome::Unreadable(why);
                return Ok(Some(()));
            }
        };
        scanned.probe = Some(probe.clone());
        let folder = self.folder_of(path);
        scanned.mapping = folder.clone();
        scanned.identity = self.identify(path, folder.as_ref());
        scanned.project = self
            .req
            .project
            .clone()
            .filter(|p| !p.is_empty())
            .or_else(|| folder.as_ref().and_then(|(_, f)| f.project.clone()))
            .or_else(|| {
                folder
                    .as_ref()
                    .and_then(|(dir, _)| dir.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
            })
            .or_else(|| folder_name(path));
        let (Some((platform, platform_from)), Some((model, model_from))) =
            (&scanned.identity.platform, &scanned.identity.model)
        else {
            return Ok(Some(()));
        };
        // A platform or model the tables do not know: said with where it came from (scan has
        // no `--credits` to log it unpriced).
        let catalog = &self.session.catalog;
        match catalog.platform(platform) {
            Err(e) => {
                scanned.outcome = Outcome::NotLogged(unknown_name(
                    "platform",
                    platform,
                    platform_from,
                    suggestion(&e).unwrap_or("`credits pricing list` names the platforms"),
                ));
                return Ok(Some(()));
            }
            Ok(p) => {
                if let Err(e) = p.model(model) {
                    let list = format!("`credits pricing show {}` names its models", p.id);
                    scanned.outcome = Outcome::NotLogged(unknown_name(
                        "model",
                        model,
                        model_from,
                        suggestion(&e).unwrap_or(&list),
                    ));
                    return Ok(Some(()));
                }
            }
        }
        // A clip is never logged as an image generation, nor an image as a clip.
        if let Some(m) = self
            .session
            .catalog
            .platform(platform)
            .ok()
            .and_then(|p| p.model(model).ok())
        {
            let fits = match probe.kind {
                media::MediaKind::Video => m.kind == credits_core::pricing::Kind::Video,
                media::MediaKind::Image => m.kind == credits_core::pricing::Kind::Image,
            };
            if !fits {
                scanned.outcome = Outcome::NotLogged(format!(
                    "the file is {} {}, but {} is {} {} model",
                    article(probe.kind.as_str()),
                    probe.kind.as_str(),
                    m.id,
                    article(m.kind.as_str()),
                    m.kind.as_str()
                ));
                return Ok(Some(()));
            }
        }
        let duration = probe
            .duration
            .map(|d| match snap(self.session, platform, model, d) {
                Some(length) => {
                    scanned.priced_seconds = Some(length);
                    length
                }
                None => d,
            });
        let at = self.time_of(path, &probe);
        let req = LogRequest {
            price: PriceRequest {
                platform: platform.clone(),
                model: model.clone(),
                request: Request {
                    duration,
                    resolution: Some(probe.resolution()),
                    audio: probe.audio,
                    count: 1,
                    mode: self
                        .req
                        .mode
                        .clone()
                        .or_else(|| folder.as_ref().and_then(|(_, f)| f.mode.clone())),
                    ..Request::default()
                },
                at: Some(at),
                ..PriceRequest::default()
            },
            project: scanned.project.clone(),
            tags: self.req.tags.clone(),
            note: None,
            failed: false,
            discarded: false,
            // Never strict: the platform already charged a downloaded clip (module docs).
            strict_budget: false,
        };
        let no_audio_price = self.req.no_audio_price
            || folder
                .as_ref()
                .and_then(|(_, f)| f.no_audio_price)
                .unwrap_or(false);
        let logged = match entries::log_in(self.session, tx, &req) {
            Err(e) if probe.audio && no_audio_price && e.downcast_ref::<UserError>().is_some() => {
                // Asked for: the sound is not priced, and the entry says so.
                let mut silent = req.clone();
                silent.price.request.audio = false;
                silent.note = Some(format!(
                    "the file's sound track is not priced: {model} has no price for audio \
                     (--no-audio-price)"
                ));
                entries::log_in(self.session, tx, &silent).map_err(|_| e)
            }
            other => other,
        };
        let (id, priced, budgets) = match logged {
            Ok(done) => done,
            Err(e) => match e.downcast_ref::<UserError>() {
                Some(u) => {
                    // The sound was read from the file, not asked for: when the price without
                    // it stands, the sound is why (and `log`'s "leave out --audio" is no help).
                    let mut silent = req.price.clone();
                    silent.request.audio = false;
                    let audio_is_why = probe.audio
                        && super::pricing::in_context(self.session, tx, &silent).is_ok();
                    scanned.outcome = Outcome::NotLogged(if audio_is_why {
                        format!(
                            "the file has a sound track and {model} has no price for audio \
                             (--no-audio-price logs it at the price without audio; or add \
                             audio to your own pricing file, or pass --model for a model that \
                             prices sound)"
                        )
                    } else {
                        match &u.help {
                            Some(help) => format!("{} ({help})", u.message),
                            None => u.message.clone(),
                        }
                    });
                    return Ok(Some(()));
                }
                None => return Err(e),
            },
        };
        tx.insert_entry_file(&EntryFile {
            entry_id: id,
            sha256,
            // Kept whole: a path relative to where the scan ran means nothing later.
            path: full_path,
            identified_by: scanned.identity.describe(),
            // As it was before it was hashed: a file changed since is hashed again.
            stamp,
        })?;
        let entry = tx
            .get(id)?
            .ok_or_else(|| fail(format!("entry {id} vanished after it was logged")))?;
        scanned.outcome = Outcome::Logged {
            entry: Box::new(entry),
            priced: Box::new(priced),
            budgets,
        };
        Ok(Some(()))
    }

    /// The deepest `[scan]` folder holding the file, with the keys it leaves out taken
    /// from the mapped folders holding it (the nearest first).
    fn folder_of(&self, path: &Path) -> Option<(PathBuf, ScanFolder)> {
        let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let mut holding: Vec<&(PathBuf, ScanFolder)> = self
            .folders
            .iter()
            .filter(|(dir, _)| full.starts_with(dir))
            .collect();
        holding.sort_by_key(|(dir, _)| dir.components().count());
        holding
            .into_iter()
            .fold(None, |outer: Option<(PathBuf, ScanFolder)>, (dir, f)| {
                let merged = match &outer {
                    Some((_, o)) => f.over(o),
                    None => f.clone(),
                };
                Some((dir.clone(), merged))
            })
    }

    /// Platform and model, each from the first layer that states it (module docs).
    fn identify(&self, path: &Path, folder: Option<&(PathBuf, ScanFolder)>) -> Identity {
        let catalog = &self.session.catalog;
        let mut layers = vec![Layer {
            source: IdSource::Flag,
            platform: self.req.platform.clone(),
            model: self.req.model.clone(),
        }];
        if let Some(c) = crate::c2pa::read(path) {
            layers.push(c2pa_layer(catalog, c));
        }
        if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            let mut found: Vec<Layer> = Vec::new();
            for p in catalog.platforms() {
                for m in &p.models {
                    for d in m.download_names.iter().filter(|d| d.matches(name)) {
                        found.push(Layer {
                            source: IdSource::Pattern {
                                pattern: d.pattern.clone(),
                                sources: d.sources.iter().map(|s| s.id.clone()).collect(),
                            },
                            platform: Some(p.id.clone()),
                            model: Some(m.id.clone()),
                        });
                    }
                }
            }
            // Two models whose patterns both match say nothing for sure: neither is used.
            let first = found.first().map(|l| (l.platform.clone(), l.model.clone()));
            if found
                .iter()
                .all(|l| Some((l.platform.clone(), l.model.clone())) == first)
            {
                layers.extend(found.into_iter().take(1));
            }
        }
        if let Some((dir, f)) = folder {
            layers.push(Layer {
                source: IdSource::Folder(dir.clone()),
                platform: f.platform.clone(),
                model: f.model.clone(),
            });
        }
        let canonical = |p: &str| super::resolve::platform_id(catalog, p);
        let mut id = Identity::default();
        // A manifest naming a platform but no model ("Google Photos") is weaker than a later
        // layer naming both (a pattern, a mapped folder): it gives way, and is still shown.
        if let Some(at) = layers
            .iter()
            .position(|l| matches!(l.source, IdSource::C2pa { .. }))
        {
            let c2pa = &layers[at];
            let complete_later = layers[at + 1..]
                .iter()
                .any(|l| l.platform.is_some() && l.model.is_some());
            if c2pa.platform.is_some() && c2pa.model.is_none() && complete_later {
                id.set_aside = Some(layers.remove(at).source);
            }
        }
        for layer in &layers {
            if let (None, Some(p)) = (&id.platform, &layer.platform) {
                id.platform = Some((p.clone(), layer.source.clone()));
            }
        }
        // A model without a platform names its platform when one table alone has it
        // (`--model gen-4`); several tables with it leave the file unidentified.
        if id.platform.is_none() {
            if let Some((m, _)) = layers.iter().find_map(|l| l.model.as_ref().map(|m| (m, l))) {
                let tables: Vec<(&str, &str)> = catalog
                    .platforms()
                    .filter_map(|p| p.model(m).ok().map(|found| (&*p.id, &*found.id)))
                    .collect();
                match tables.as_slice() {
                    [(only, model)] => {
                        id.platform = Some((
                            (*only).to_string(),
                            IdSource::OnlyTable {
                                model: (*model).to_string(),
                            },
                        ))
                    }
                    _ => id.model_in = tables.iter().map(|(t, _)| t.to_string()).collect(),
                }
            }
        }
        let decided = id.platform.as_ref().map(|(p, _)| canonical(p));
        for layer in &layers {
            let Some(m) = &layer.model else { continue };
            let same = match (&layer.platform, &decided) {
                (Some(p), Some(d)) => canonical(p) == *d,
                _ => true,
            };
            if same && id.model.is_none() {
                id.model = Some((m.clone(), layer.source.clone()));
            }
        }
        // Shown (table, JSON) by the tables' ids, whatever was typed ("Runway", "Gen-4").
        if let Some((p, _)) = &mut id.platform {
            if let Ok(known) = catalog.platform(p) {
                if let Some((m, _)) = &mut id.model {
                    if let Ok(model) = known.model(m) {
                        *m = model.id.clone();
                    }
                }
                *p = known.id.clone();
            }
        }
        id
    }

    /// When the file was made: the container's creation time, else its modification time;
    /// never later than now (a clock set ahead must not log into the future).
    fn time_of(&self, path: &Path, probe: &Probe) -> DateTime<FixedOffset> {
        let modified = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .map(DateTime::<Utc>::from);
        let at = probe
            .created
            .or(modified)
            .unwrap_or_else(|| self.session.now_utc());
        at.min(self.session.now_utc())
            .with_timezone(&self.session.offset())
    }
}

/// How long a new file's size and modification time must stay the same before `--watch`
/// looks at it. Downloads pause (a slow server, a browser writing in bursts) and not every
/// tool writes under a `.part` name, so a short pause must not pass for the end: 3 s, and
/// the file must also be whole as far as its format tells (`media::completeness`). A file
/// whose format cannot tell (a WebM of unknown length) is taken after this time alone.
pub(crate) const SETTLE: std::time::Duration = std::time::Duration::from_secs(3);

/// How long `--watch` walks a folder again after it appears: the watcher starts watching a
/// new folder only once it has seen it, so a file copied in at once (`mkdir d; cp x d/`)
/// can come before the watch and bring no event.
const FRESH_FOLDER: std::time::Duration = std::time::Duration::from_secs(10);

/// How often `--watch` walks all its paths anyway, for a file whose event was lost for any
/// other reason (the kernel's event queue overflowing, a watch limit reached): a missed
/// file is logged at most this late. Files already looked at cost a `stat` each.
const SWEEP: std::time::Duration = std::time::Duration::from_secs(30);

/// `--watch`: once the paths are watched, calls `ready` (which scans what is already
/// there, so nothing that arrives in between is missed, and returns the files it looked at
/// with their [`Stamp`]s: those are looked at again only once changed), then logs each new
/// media file under the paths once it has stopped changing for [`SETTLE`] and is whole,
/// calling `each` with it, until `stop` is set (by SIGINT or SIGTERM). A folder moved or
/// unzipped into a watched one brings its files as new ones.
pub fn watch(
    scanner: &Scanner<'_>,
    stop: &std::sync::atomic::AtomicBool,
    ready: impl FnOnce() -> Result<Vec<(PathBuf, Option<Stamp>)>>,
    mut each: impl FnMut(&Scanned) -> Result<()>,
) -> Result<()> {
    use notify::{RecursiveMode, Watcher};
    use std::collections::BTreeMap;
    use std::sync::atomic::Ordering;
    use std::time::{Duration, Instant};

    let (send, events) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(send)
        .map_err(|e| fail(format!("cannot watch for new files: {e}")))?;
    for p in &scanner.req.paths {
        let mode = if p.is_dir() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        watcher
            .watch(p, mode)
            .map_err(|e| fail(format!("cannot watch {}: {e}", p.display())))?;
    }
    // Files looked at, as they were then: another event for the same bytes is no news. The
    // first pass's files are in it, so its own writes do not list them again.
    let mut done: BTreeMap<PathBuf, Stamp> = ready()?
        .into_iter()
        .filter_map(|(path, stamp)| stamp.map(|s| (path, s)))
        .collect();
    // Events name files by the full path of the watched folder: shown as under the path
    // the user gave.
    let roots: Vec<(PathBuf, PathBuf)> = scanner
        .req
        .paths
        .iter()
        .map(|p| {
            (
                std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()),
                p.clone(),
            )
        })
        .collect();
    let as_given = |path: &Path| {
        roots
            .iter()
            .find_map(|(full, given)| {
                path.strip_prefix(full).ok().map(|rest| {
                    if rest.as_os_str().is_empty() {
                        given.clone()
                    } else {
                        given.join(rest)
                    }
                })
            })
            .unwrap_or_else(|| path.to_path_buf())
    };
    // Files seen changing: their last size and modification time, and since when unchanged.
    type Seen = (u64, Option<std::time::SystemTime>, Instant);
    let mut pending: BTreeMap<PathBuf, Seen> = BTreeMap::new();
    let hidden = |p: &Path| {
        p.components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    };
    // Folders that appeared, and since when: walked again for [`FRESH_FOLDER`].
    let mut fresh: BTreeMap<PathBuf, Instant> = BTreeMap::new();
    let mut last_sweep = Instant::now();
    while !stop.load(Ordering::Relaxed) {
        match events.recv_timeout(Duration::from_millis(200)) {
            Ok(Ok(event)) => {
                for path in event.paths {
                    let path = as_given(&path);
                    let relative = scanner
                        .req
                        .paths
                        .iter()
                        .find_map(|root| path.strip_prefix(root).ok())
                        .unwrap_or(&path);
                    if hidden(relative) {
                        continue;
                    }
                    // A folder created, moved or unzipped in: its files are new (the watch
                    // of a folder moved in may start after they were written).
                    // (One it cannot read, or gone again already, brings nothing and ends
                    // nothing.)
                    let found = if path.is_dir() {
                        fresh.entry(path.clone()).or_insert_with(Instant::now);
                        scanner
                            .files_under(std::slice::from_ref(&path))
                            .unwrap_or_default()
                    } else if media::kind_of(&path).is_some() {
                        vec![path]
                    } else {
                        Vec::new()
                    };
                    for f in found {
                        pending.entry(f).or_insert((u64::MAX, None, Instant::now()));
                    }
                }
            }
            // A watcher error (a folder removed) ends nothing: the paths that remain are
            // still watched.
            Ok(Err(_)) | Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        }
        let now = Instant::now();
        // Files no event brought: in folders that just appeared, and, now and then, anywhere.
        fresh.retain(|_, since| now.duration_since(*since) < FRESH_FOLDER);
        let mut walk: Vec<PathBuf> = fresh.keys().cloned().collect();
        if now.duration_since(last_sweep) >= SWEEP {
            walk = scanner.req.paths.clone();
            last_sweep = now;
        }
        if !walk.is_empty() {
            for f in scanner.files_under(&walk).unwrap_or_default() {
                if pending.contains_key(&f) || done.get(&f) == stamp_of(&f).as_ref() {
                    continue;
                }
                pending.insert(f, (u64::MAX, None, now));
            }
        }
        let mut settled = Vec::new();
        pending.retain(|path, (size, modified, since)| {
            let Ok(meta) = std::fs::metadata(path) else {
                // Gone (renamed when the download finished): its new name is its own event.
                return false;
            };
            let current = (meta.len(), meta.modified().ok());
            if done.get(path) == Some(&current) {
                return false;
            }
            if (current.0, current.1) != (*size, *modified) {
                (*size, *modified, *since) = (current.0, current.1, now);
                return true;
            }
            if current.0 > 0 && now.duration_since(*since) >= SETTLE {
                // Unchanged but not whole: a download that paused. Looked at again after
                // another settle time (or when it changes).
                if matches!(
                    media::completeness(path),
                    Ok(media::Completeness::Incomplete(_))
                ) {
                    *since = now;
                    return true;
                }
                done.insert(path.clone(), current);
                settled.push(path.clone());
                return false;
            }
            true
        });
        for path in settled {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            let Some(scanned) = scanner.one(&path)? else {
                break;
            };
            // The file it was logged from, touched or written again, is not news; a copy of
            // it elsewhere is said to be one (else it would seem missed).
            if !scanned.logged_from_here() {
                each(&scanned)?;
            }
        }
    }
    Ok(())
}

/// A file found in the log, with its entry's platform and model.
fn already_logged(tx: &Tx<'_>, known: EntryFile) -> Result<Outcome> {
    let entry = tx.get(known.entry_id)?;
    Ok(Outcome::AlreadyLogged {
        entry_id: known.entry_id,
        path: known.path,
        platform: entry.as_ref().map_or("?".into(), |e| e.platform.clone()),
        model: entry.as_ref().map_or("?".into(), |e| e.model.clone()),
    })
}

/// What a C2PA manifest says: the platform whose id or name the claim generator names as
/// whole words or at its start (the longest such), and the model the creating agent names on it, when the tables know both.
fn c2pa_layer(
    catalog: &credits_core::pricing::catalog::Catalog,
    c: crate::c2pa::Credentials,
) -> Layer {
    let plain = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase()
    };
    // A name counts as whole words of the generator ("OpenAI Sora" names OpenAI), or at its
    // start ("RunwayML/1.0"): never inside a word ("Sparkling" does not name Kling).
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let generator = plain(&c.generator);
    let generator_words = words(&c.generator);
    let names = |name: &str| {
        let n = plain(name);
        let w = words(name);
        n.len() >= 3
            && (generator.starts_with(n.as_str())
                || generator_words
                    .windows(w.len().max(1))
                    .any(|win| win == w.as_slice()))
    };
    let platform = catalog
        .platforms()
        .filter_map(|p| {
            [p.id.as_str(), p.name.as_str()]
                .into_iter()
                .filter(|n| names(n))
                .map(|n| plain(n).len())
                .max()
                .map(|len| (len, p))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, p)| p);
    let model = match (platform, &c.agent) {
        (Some(p), Some(agent)) => p.model(agent).ok().map(|m| m.id.clone()),
        _ => None,
    };
    Layer {
        platform: platform.map(|p| p.id.clone()),
        model,
        source: IdSource::C2pa {
            generator: c.generator,
            agent: c.agent,
        },
    }
}

/// The "did you mean …" of a lookup's error, if it has one.
fn suggestion(e: &anyhow::Error) -> Option<&str> {
    e.downcast_ref::<UserError>()
        .and_then(|u| u.help.as_deref())
        .filter(|h| !h.is_empty())
}

/// Why a platform or model the tables do not know is not logged, with where it came from
/// and how to fix it there.
fn unknown_name(what: &str, name: &str, from: &IdSource, list: &str) -> String {
    let name = name.escape_debug();
    match from {
        IdSource::Folder(dir) => format!(
            "{what} `{name}` is not in the pricing tables; it comes from the config file's \
             [scan] \"{}\" ({}): fix the {what} there ({list})",
            dir.display(),
            crate::config::path()
                .map_or_else(|| "config.toml".to_string(), |p| p.display().to_string())
        ),
        IdSource::Flag => format!(
            "{what} `{name}` is not in the pricing tables: pass --{what} with one of them ({list})"
        ),
        other => format!(
            "{what} `{name}` ({}) is not in the pricing tables ({list})",
            other.describe()
        ),
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The name of the folder holding the file: the project when no flag, mapping or mapped
/// folder gives one.
fn folder_name(path: &Path) -> Option<String> {
    let parent = std::fs::canonicalize(path)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .or_else(|| path.parent().map(Path::to_path_buf))?;
    parent
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
}

/// The length a duration is priced as when it runs at most [`TOLERANCE`] over a length the
/// model offers (`None`: priced as it is).
fn snap(session: &Session, platform: &str, model: &str, duration: Decimal) -> Option<Decimal> {
    let p = session.catalog.platform(platform).ok()?;
    let m = p.model(model).ok()?;
    let mut lengths: Vec<Decimal> = Vec::new();
    for v in &m.variants {
        match &v.rate {
            Rate::Buckets(buckets) => lengths.extend(buckets.iter().map(|b| b.seconds)),
            Rate::PerSecond { durations, .. } => lengths.extend(durations.iter().copied()),
            _ => {}
        }
    }
    lengths
        .into_iter()
        .filter(|l| duration > *l && duration - *l <= TOLERANCE)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tolerance_is_a_quarter_second() {
        assert_eq!(TOLERANCE.to_string(), "0.25");
    }

    #[test]
    fn identities_say_where_each_part_came_from() {
        let both = Identity {
            platform: Some(("runway".into(), IdSource::Flag)),
            model: Some(("gen-4".into(), IdSource::Flag)),
            set_aside: None,
            model_in: Vec::new(),
        };
        assert_eq!(both.describe(), "flags");
        let mixed = Identity {
            platform: Some(("runway".into(), IdSource::Folder("/v/runway".into()))),
            model: Some(("gen-4".into(), IdSource::Flag)),
            set_aside: None,
            model_in: Vec::new(),
        };
        assert_eq!(
            mixed.describe(),
            "platform: config folder /v/runway; model: flags"
        );
    }
}
