//! The `export` and `import` workflows: the store's records through `crate::exchange`'s
//! file formats.
//!
//! Import invariants:
//! - All or nothing per file: everything is written in one IMMEDIATE transaction
//!   (`Store::write_bulk`), so an error (or a killed process) leaves the database as it was.
//! - Idempotent: each entry's `dedup_key` is unique in the database and inserted with
//!   `ON CONFLICT DO NOTHING`; a row without one gets a stable key from its fields as read
//!   (`ImportRow::derived_key`). Plan changes and budgets are skipped when their primary key
//!   is there; top-ups and adjustments, which have no natural key, when one with all the same
//!   fields is; what a platform billed when its key is there (a generation: platform and the
//!   platform's id; a line: platform, model, day and unit; the log's own is kept). So a file
//!   imported twice, or into a database that has some of it, adds nothing twice.
//! - A billed generation is linked, after the entries are in, to the entry whose dedup key
//!   the file gives (`entry_key`), never by id: ids differ between logs. No entry under that
//!   key (an export filtered without it): kept unlinked, as when its entry was removed.
//! - Streaming: rows are read and priced one at a time and inserted in batches; memory does
//!   not grow with the file except for the set of fingerprints already seen (8 bytes a row
//!   without a key). A million-row CSV imports in about 70 MB.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use anyhow::{Context, Result};

use super::pricing::{self, PriceRequest, UnpricedHint};
use super::{resolve, Session};
use crate::exchange::{self, Format, ImportRow, Item, ReadOptions, State};
use credits_core::records::{
    Account, AccountChange, Adjustment, BalanceCheck, Budget, Filter, Topup,
};
use credits_store::{Billed, BilledLine, Conflict, KeyCheck, Skipped, Store};

/// Writes the entries matching `filter`, oldest first, to `out` in `format` (JSON with the
/// whole state before them), from one consistent snapshot; returns how many entries.
pub fn export(store: &mut Store, filter: &Filter, format: Format, out: impl Write) -> Result<u64> {
    store.read(|tx| {
        let state = match format {
            Format::Csv => State::default(),
            Format::Json => State {
                accounts: tx.accounts()?,
                account_changes: tx.account_changes()?,
                topups: tx.topups()?,
                adjustments: tx.adjustments()?,
                budgets: tx.budgets()?,
                balance_checks: tx.balance_checks()?,
                billed: tx.billed_with_entry_keys()?,
                billed_lines: tx.billed_lines(None, None)?,
            },
        };
        let mut w = exchange::Writer::begin(format, out, &state)?;
        tx.for_each_entry_oldest_first(filter, |e| w.entry(&e))?;
        w.finish()
    })
}

/// The temporary file `export -o` writes before renaming it onto `target`:
/// `.NAME.credits-tmp-PID` beside it, so a run that was killed leaves a file the next one
/// recognises as its own.
fn temp_name(target: &Path, pid: u32) -> std::path::PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.credits-tmp-{pid}"))
}

/// Whether process `pid` is gone (Linux: no `/proc/PID`); elsewhere a temporary older than a
/// day counts as left behind.
fn is_stale(pid: u32, file: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return !proc.join(pid.to_string()).exists();
    }
    std::fs::metadata(file)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(86_400))
}

/// Removes the temporaries earlier `export -o` runs onto `target` left when killed.
fn clean_stale_temporaries(target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let prefix = format!(".{name}.credits-tmp-");
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file
            .strip_prefix(&prefix)
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let path = entry.path();
        if pid != std::process::id() && is_stale(pid, &path) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// `export -o FILE`: written to `.FILE.credits-tmp-PID` beside it (0600), then renamed into
/// place, so FILE is never half-written; temporaries a killed run left are removed first.
/// A symlink is written through: the file it points to is replaced and the link stays.
///
/// Refused: the log database itself (or its `-wal`, `-shm`, `-journal`), which the rename
/// would destroy. A target that exists and is not a regular file (a device such as
/// `/dev/stdout`, a FIFO) is written to directly: replacing it would break it.
pub fn export_to_file(
    store: &mut Store,
    filter: &Filter,
    format: Format,
    path: &Path,
    database: &Path,
) -> Result<u64> {
    if is_the_database(path, database) {
        return Err(credits_core::error::fail_with_help(
            format!(
                "-o {} is the log database: exporting onto it would destroy the log",
                path.display()
            ),
            "give -o another file, e.g. -o credits-export.csv",
        ));
    }
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() && !meta.is_dir() {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let mut w = io::BufWriter::new(file);
            let n = export(store, filter, format, &mut w)
                .with_context(|| format!("cannot write {}", path.display()))?;
            w.into_inner()
                .map_err(|e| e.into_error())
                .with_context(|| format!("cannot write {}", path.display()))?;
            return Ok(n);
        }
    }
    let target = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).map_err(|e| {
            anyhow::Error::from(e).context(credits_core::error::UserError::with_help(
                format!(
                    "{} is a symlink to nothing that can be written",
                    path.display()
                ),
                "give -o a file, or a symlink whose target folder exists",
            ))
        })?,
        _ => path.to_path_buf(),
    };
    clean_stale_temporaries(&target);
    let tmp = temp_name(&target, std::process::id());
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options
        .open(&tmp)
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    let written = (|| -> Result<u64> {
        let mut w = io::BufWriter::new(file);
        let n = export(store, filter, format, &mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, &target)
            .with_context(|| format!("cannot write {}", target.display()))?;
        Ok(n)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Whether `path` is the database file or one of SQLite's files beside it (by identity: a
/// symlink or another name for the same file counts).
fn is_the_database(path: &Path, database: &Path) -> bool {
    let same = |a: &Path, b: &Path| match (std::fs::metadata(a), std::fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(x), Ok(y)) => {
            use std::os::unix::fs::MetadataExt;
            x.dev() == y.dev() && x.ino() == y.ino()
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok(),
        _ => false,
    };
    let mut candidates = vec![database.to_path_buf()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = database.as_os_str().to_owned();
        name.push(suffix);
        candidates.push(PathBuf::from(name));
    }
    candidates.iter().any(|c| same(path, c) || c == path)
}

/// How far an import has come, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub rows: u64,
    /// Bytes of the input read so far.
    pub bytes: u64,
}

/// Call the progress callback every this many rows.
const PROGRESS_EVERY: u64 = 10_000;

/// How many trimmed values an import lists by line and column (the rest are counted).
const TRIMMED_SHOWN: usize = 5;

/// The outcome of an import.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportSummary {
    /// Values read with spaces around them, which were taken off (notes keep theirs).
    pub trimmed: u64,
    /// Where the first of them were: `line 4, column project`.
    pub trimmed_at: Vec<String>,
    /// Entries read.
    pub rows: u64,
    /// Entries inserted.
    pub added: u64,
    /// Entries whose dedup key was already in the database, with the same content.
    pub present: u64,
    /// The first of them (`credits_store::SKIPPED_SHOWN`): line, key, the entry in the log.
    pub present_first: Vec<Skipped>,
    /// Entries whose given dedup key an earlier row of the file brought in: not imported
    /// again.
    pub repeated: u64,
    /// The first of them.
    pub repeated_first: Vec<Skipped>,
    /// Entries read whose money is unknown (no known plan price).
    pub unpriced: u64,
    /// Rows whose given dedup key is in the log with other content: not imported, said.
    pub conflicts: Vec<Conflict>,
    /// State records read (accounts, plan changes, top-ups, adjustments, budgets, balance
    /// checks, what the platforms billed): a JSON export carries them.
    pub records: u64,
    /// State records added; the others were already there.
    pub records_added: u64,
    /// State records already in the log: how many, and the first few as people name them
    /// (`top-up runway 2026-10-20 00:00 UTC, 500 credits`).
    pub records_present: u64,
    pub records_present_first: Vec<String>,
    /// State records the file holds twice (the second not added), and the first few.
    pub records_repeated: u64,
    pub records_repeated_first: Vec<String>,
}

/// A state record as `import` names one it skipped.
fn describe_change(c: &AccountChange) -> String {
    format!("plan change {} {} ({})", c.platform, c.effective_on, c.plan)
}

fn describe_topup(t: &Topup) -> String {
    format!(
        "top-up {} {}, {} credits for {} {}",
        t.platform,
        t.at.format("%Y-%m-%d %H:%M UTC"),
        t.credits.normalize(),
        t.price.normalize(),
        t.currency
    )
}

fn describe_adjustment(a: &Adjustment) -> String {
    let sign = if a.credits.is_sign_negative() {
        ""
    } else {
        "+"
    };
    format!(
        "adjustment {} {} {sign}{} ({})",
        a.platform,
        a.at.format("%Y-%m-%d %H:%M UTC"),
        a.credits.normalize(),
        a.note
    )
}

fn describe_budget(b: &Budget) -> String {
    let mut what = vec![b.unit.as_str().to_string()];
    if let Some(p) = &b.platform {
        what.push(p.clone());
    }
    if let Some(u) = &b.user {
        what.push(format!("for {u}"));
    }
    format!("budget {} ({})", b.project, what.join(", "))
}

fn describe_balance_check(c: &BalanceCheck) -> String {
    format!(
        "balance check {} {}, {} credits",
        c.platform,
        c.at.format("%Y-%m-%d %H:%M UTC"),
        c.expected.normalize()
    )
}

fn describe_billed(b: &Billed) -> String {
    format!(
        "billed {} {} ({}, {})",
        b.platform,
        b.reference,
        b.model,
        b.at.format("%Y-%m-%d %H:%M UTC")
    )
}

fn describe_billed_line(l: &BilledLine) -> String {
    let unit = if l.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", l.unit)
    };
    format!("billed line {} {} {}{unit}", l.platform, l.model, l.day)
}

impl ImportSummary {
    /// Counts a state record: added, or skipped as already in the log or, when this import
    /// added one the same before, as repeated in the file.
    fn record(&mut self, added: bool, name: impl FnOnce() -> String, seen: &mut HashSet<String>) {
        self.records += 1;
        let name = name();
        if added {
            self.records_added += 1;
            seen.insert(name);
            return;
        }
        let (count, first) = if seen.contains(&name) {
            (&mut self.records_repeated, &mut self.records_repeated_first)
        } else {
            (&mut self.records_present, &mut self.records_present_first)
        };
        *count += 1;
        if first.len() < credits_store::SKIPPED_SHOWN {
            first.push(name);
        }
    }
}

/// Counts the bytes the reader has pulled, for the progress bar.
struct Counting<R> {
    inner: R,
    bytes: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes.set(self.bytes.get() + n as u64);
        Ok(n)
    }
}

/// Imports a CSV or JSON file (the format from its name; CSV when it says none) into the
/// session's database: all of it or nothing. `progress` is called every 10,000 rows and once
/// at the end.
pub fn import(
    session: &Session,
    path: &Path,
    progress: Option<&mut dyn FnMut(Progress)>,
) -> Result<ImportSummary> {
    import_every(session, path, PROGRESS_EVERY, progress)
}

/// [`import`], calling `progress` every `every` rows (tests use a small number).
fn import_every(
    session: &Session,
    path: &Path,
    every: u64,
    mut progress: Option<&mut dyn FnMut(Progress)>,
) -> Result<ImportSummary> {
    let format = Format::from_path(path).unwrap_or(Format::Csv);
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut store = session.store()?;
    let opts = ReadOptions::new(path.display().to_string(), session.now);
    let bytes = Rc::new(Cell::new(0u64));
    let input = Counting {
        inner: io::BufReader::new(file),
        bytes: Rc::clone(&bytes),
    };
    store
        .write_bulk(|tx| {
            // Loaded once: a million rows priced against the same accounts.
            let accounts = tx.accounts()?;
            let mut summary = ImportSummary::default();
            let mut batch = tx.batch(&opts.source);
            let mut keys = Keys::default();
            // Applied last, so the plan history the file brought decides the current plan.
            let mut file_accounts: Vec<Account> = Vec::new();
            // The state records this import added, by name: one the same again is a repeat
            // within the file, not a record already in the log.
            let mut seen: HashSet<String> = HashSet::new();
            // Linked to their entries once every entry of the file is in (the entries come
            // after them in the file): a few per generation billed, never a million.
            let mut file_billed: Vec<(Billed, Option<String>)> = Vec::new();
            let mut file_lines: Vec<BilledLine> = Vec::new();
            let mut on = |item: Item| -> Result<()> {
                match item {
                    Item::Entry(row) => {
                        let line = row.line;
                        for &c in &row.trimmed {
                            summary.trimmed += 1;
                            if summary.trimmed_at.len() < TRIMMED_SHOWN {
                                summary
                                    .trimmed_at
                                    .push(format!("line {line}, column {}", exchange::COLUMNS[c]));
                            }
                        }
                        // A key the file gave may name an entry with other content.
                        let check = match (row.entry.dedup_key.is_some(), row.is_snapshot()) {
                            (false, _) => KeyCheck::Derived,
                            (true, false) => KeyCheck::Given,
                            (true, true) => KeyCheck::GivenSnapshot,
                        };
                        let entry = price(session, &accounts, row, &mut keys, &mut summary)
                            .with_context(|| format!("{}: line {line}", opts.source))?;
                        batch.add(line, entry, check)?;
                        summary.rows += 1;
                        if let Some(p) = progress.as_mut() {
                            if summary.rows % every == 0 {
                                p(Progress {
                                    rows: summary.rows,
                                    bytes: bytes.get(),
                                });
                            }
                        }
                    }
                    Item::State(state) => {
                        file_accounts.extend(state.accounts);
                        for c in &state.account_changes {
                            let added = tx.insert_account_change_if_absent(c)?;
                            summary.record(added, || describe_change(c), &mut seen);
                        }
                        for t in &state.topups {
                            let added = tx.insert_topup_if_absent(t)?;
                            summary.record(added, || describe_topup(t), &mut seen);
                        }
                        for a in &state.adjustments {
                            let added = tx.insert_adjustment_if_absent(a)?;
                            summary.record(added, || describe_adjustment(a), &mut seen);
                        }
                        for b in &state.budgets {
                            let added = tx.insert_budget_if_absent(b)?;
                            summary.record(added, || describe_budget(b), &mut seen);
                        }
                        for c in &state.balance_checks {
                            let added = tx.insert_balance_check_if_absent(c)?;
                            summary.record(added, || describe_balance_check(c), &mut seen);
                        }
                        file_billed.extend(state.billed);
                        file_lines.extend(state.billed_lines);
                    }
                }
                Ok(())
            };
            exchange::read(input, format, &opts, &mut on)?;
            for a in &file_accounts {
                let added = tx.insert_account_if_absent(a)?;
                summary.record(added, || format!("account {}", a.platform), &mut seen);
            }
            let done = batch.finish()?;
            summary.added = done.added;
            summary.present = done.present;
            summary.present_first = done.present_first;
            summary.repeated = done.repeated;
            summary.repeated_first = done.repeated_first;
            summary.conflicts = done.conflicts;
            for (mut b, key) in file_billed {
                let added = if tx.billed(&b.platform, &b.reference)?.is_some() {
                    false
                } else {
                    b.entry_id = match &key {
                        Some(key) => tx.entry_id_by_dedup_key(key)?,
                        None => None,
                    };
                    tx.insert_billed(&b)?;
                    true
                };
                summary.record(added, || describe_billed(&b), &mut seen);
            }
            for l in &file_lines {
                let added = tx.insert_billed_line_if_absent(l)?;
                summary.record(added, || describe_billed_line(l), &mut seen);
            }
            if summary.added > 0 || summary.records_added > 0 {
                // One pass over what the rows changed, not a trigger per row.
                super::ledger::refresh_all_checkpoints(session, tx)?;
            }
            if let Some(p) = progress.as_mut() {
                p(Progress {
                    rows: summary.rows,
                    bytes: bytes.get(),
                });
            }
            Ok(summary)
        })
        .map_err(|e| out_of_space(session, e))
        .with_context(|| format!("nothing was imported from {}", path.display()))
}

/// An import the disk stopped: said plainly, naming the database, with what to do (the
/// transaction rolled back, so the database is as it was).
fn out_of_space(session: &Session, err: anyhow::Error) -> anyhow::Error {
    if !credits_store::is_out_of_space(&err) {
        return err;
    }
    let db = session
        .db_name()
        .unwrap_or_else(|_| "the database".to_string());
    // A new error, not a context: the `help:` is found on a `UserError` in the chain.
    credits_core::error::fail_with_help(
        format!("cannot write to {db} ({err:#})"),
        "the disk may be full (or a file size limit reached): free some space and import \
         again; the database is as it was before the import",
    )
}

/// Fingerprint prefixes seen once in this file, and how often the ones seen more than once
/// were seen (split so a million distinct rows cost 8 bytes each, not 12). A prefix
/// collision only gives a row a different, still stable, occurrence number, so 64 bits is
/// plenty.
#[derive(Default)]
struct Keys {
    seen: HashSet<u64>,
    repeats: HashMap<u64, u32>,
    /// Canonical names by the names as typed: a million rows name a few dozen models, and
    /// looking each up in the tables (slugs, case folding) showed in the import's profile.
    names: HashMap<(String, String), (String, String)>,
}

impl Keys {
    /// The dedup key of a row without one (see `ImportRow::derived_key`).
    fn derive(&mut self, row: &ImportRow) -> String {
        let print = row.fingerprint();
        let mut prefix = [0u8; 8];
        prefix.copy_from_slice(&print[..8]);
        let prefix = u64::from_le_bytes(prefix);
        let occurrence = if self.seen.insert(prefix) {
            0
        } else {
            let n = self.repeats.entry(prefix).or_insert(0);
            *n += 1;
            *n
        };
        row.derived_key(&print, occurrence)
    }
}

/// The entry to store for a row: its dedup key, canonical names, and for a row that is not a
/// snapshot, the credits and money `log` would give it.
fn price(
    session: &Session,
    accounts: &[Account],
    row: ImportRow,
    keys: &mut Keys,
    summary: &mut ImportSummary,
) -> Result<credits_core::records::NewEntry> {
    // The key is taken from the row as read, before names are made canonical: the same file
    // must give the same keys whatever the tables say.
    let key = match &row.entry.dedup_key {
        Some(key) => key.clone(),
        None => keys.derive(&row),
    };
    let snapshot = row.is_snapshot();
    let credits = row.credits();
    let mut entry = row.entry;
    entry.dedup_key = Some(key);
    if snapshot {
        // An export: stored as it is, under canonical names.
        let typed = (entry.platform, entry.model);
        let (platform, model) = match keys.names.get(&typed) {
            Some(ids) => ids.clone(),
            None => {
                let ids = resolve::canonical_names(&session.catalog, &typed.0, &typed.1);
                keys.names.insert(typed, ids.clone());
                ids
            }
        };
        if let Some(t) = &mut entry.table {
            t.platform.clone_from(&platform);
        }
        entry.platform = platform;
        entry.model = model;
        return Ok(entry);
    }
    let request = entry.request.clone().normalized()?;
    // Money the file gave is what was paid: kept, not replaced by the table's price.
    let given_cost = entry.cost.take();
    let priced = pricing::by_plan(
        session,
        accounts,
        &PriceRequest {
            platform: entry.platform.clone(),
            model: entry.model.clone(),
            request,
            credits,
            // Priced as of when it ran: the rate in force that day.
            at: Some(entry.at),
            unpriced_hint: UnpricedHint::CreditsColumn,
            ..PriceRequest::default()
        },
    )?;
    if priced.cost.is_none() {
        summary.unpriced += 1;
    }
    entry.request = priced.request_as_priced(&entry.request);
    entry.platform = priced.platform;
    entry.model = priced.model;
    entry.credits = priced.credits;
    entry.cost = priced.cost;
    entry.pricing = priced.pricing;
    // Priced here by the tables and the account (not the balance: see `ops::pricing`); said,
    // so `reprice` prices it from the balance when there is one.
    entry.price_source = Some(priced.source);
    // Priced now: by today's table, whatever table the file named.
    entry.table = priced.table;
    if let Some(cost) = given_cost {
        if entry.cost.is_none() {
            summary.unpriced = summary.unpriced.saturating_sub(1);
        }
        entry.cost = Some(cost);
        entry.pricing = "cost from the imported file".to_string();
        entry.price_source = Some(pricing::PriceSource::User);
    }
    Ok(entry)
}

#[cfg(test)]
mod tests {
    //! The workflows on temporary databases: all or nothing, dedup across imports, pricing,
    //! and export → import round trips.

    use super::*;
    use chrono::DateTime;
    use credits_core::pricing::catalog::Catalog;
    use credits_core::records::{Entry, Money, NewEntry, Request, Status};
    use credits_store::{GroupKey, ReportRow};
    use rust_decimal::Decimal;
    use tempfile::TempDir;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// A session at 2026-05-10 12:00 UTC, in +01:00, with a database in `dir`.
    fn session(dir: &TempDir, db: &str) -> Session {
        let now = DateTime::parse_from_rfc3339("2026-05-10T13:00:00+01:00").unwrap();
        Session::new(Catalog::builtin(), now, Some(dir.path().join(db)))
    }

    /// Imports `text` from a file named `name` (its extension gives the format).
    fn import_text(
        session: &Session,
        dir: &TempDir,
        name: &str,
        text: &str,
    ) -> Result<ImportSummary> {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        import(session, &path, None)
    }

    fn entries(session: &Session) -> Vec<Entry> {
        session
            .store()
            .unwrap()
            .entries(&Filter::default())
            .unwrap()
    }

    fn count(session: &Session) -> usize {
        entries(session).len()
    }

    /// A log with a bit of everything: offsets, tags, statuses, unknown cost, notes with
    /// commas, quotes and a line break.
    fn sample(store: &mut Store) {
        let rows = [
            (
                "2026-04-30T23:30:00-04:00",
                "ad",
                "10",
                Some("0.1"),
                vec![("client", "acme")],
            ),
            (
                "2026-05-02T10:00:00+02:00",
                "ad",
                "2.5",
                Some("0.025"),
                vec![],
            ),
            (
                "2026-05-03T10:00:00Z",
                "trailer",
                "40",
                None,
                vec![("client", "globex"), ("shot", "a=b")],
            ),
            (
                "2026-05-03T11:00:00Z",
                "trailer",
                "0.001",
                Some("0.000001"),
                vec![],
            ),
        ];
        for (i, (at, project, credits, cost, tags)) in rows.into_iter().enumerate() {
            let id = store
                .insert_entry(&NewEntry {
                    at: DateTime::parse_from_rfc3339(at).unwrap(),
                    // Canonical names, as a snapshot imports under them.
                    platform: "runway".into(),
                    model: "gen-4".into(),
                    request: Request {
                        duration: Some(d("5.5")),
                        resolution: Some("720p".into()),
                        audio: i % 2 == 0,
                        refs: 1,
                        count: 2,
                        ..Request::default()
                    },
                    credits: d(credits),
                    cost: cost.map(|c| Money {
                        amount: d(c),
                        currency: "USD".into(),
                    }),
                    pricing: if cost.is_some() {
                        "account plan Pro, monthly"
                    } else {
                        "unpriced"
                    }
                    .into(),
                    project: Some(project.into()),
                    tags: tags
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect(),
                    note: Some(format!(" take {i}, \"quoted\"\nsecond line")),
                    kept: i != 1,
                    // Priced entries record their table; the unpriced one none.
                    table: cost.map(|_| credits_core::records::TableStamp {
                        platform: "runway".into(),
                        as_of: chrono::NaiveDate::from_ymd_opt(2026, 5, 4).unwrap(),
                        sha256: format!("{i:x}").repeat(64),
                    }),
                    ..NewEntry::default()
                })
                .unwrap();
            if i == 2 {
                store
                    .write(|tx| tx.set_status(id, Status::Refunded, None))
                    .unwrap();
            }
            if i == 3 {
                store
                    .write(|tx| tx.set_status(id, Status::Failed, None))
                    .unwrap();
            }
        }
    }

    fn full_report(store: &Store) -> Vec<ReportRow> {
        store
            .report(
                &Filter::default(),
                &[
                    GroupKey::Project,
                    GroupKey::Month,
                    GroupKey::Tag("client".into()),
                ],
            )
            .unwrap()
    }

    fn without_ids(store: &Store) -> Vec<Entry> {
        let mut entries = store.entries(&Filter::default()).unwrap();
        for e in &mut entries {
            e.id = 0;
        }
        entries
    }

    #[test]
    fn export_then_import_into_a_fresh_database_gives_the_same_report() {
        for (format, file) in [(Format::Csv, "export.csv"), (Format::Json, "export.json")] {
            let dir = tempfile::tempdir().unwrap();
            let source = session(&dir, "source.db");
            sample(&mut source.store().unwrap());
            let mut out = Vec::new();
            assert_eq!(
                export(
                    &mut source.store().unwrap(),
                    &Filter::default(),
                    format,
                    &mut out
                )
                .unwrap(),
                4
            );
            let text = String::from_utf8(out).unwrap();

            let fresh = session(&dir, "fresh.db");
            let summary = import_text(&fresh, &dir, file, &text).unwrap();
            assert_eq!(
                summary,
                ImportSummary {
                    rows: 4,
                    added: 4,
                    present: 0,
                    ..ImportSummary::default()
                },
                "{format}"
            );
            // Snapshots are stored as they are, not re-priced: the entries, their `pricing`
            // and their money are those of the source.
            let (fresh, source_store) = (fresh.store().unwrap(), source.store().unwrap());
            assert_eq!(full_report(&fresh), full_report(&source_store), "{format}");
            assert_eq!(without_ids(&fresh), without_ids(&source_store), "{format}");
            let tables: Vec<bool> = without_ids(&fresh)
                .iter()
                .map(|e| e.table.is_some())
                .collect();
            assert_eq!(
                tables,
                [true, false, true, true],
                "{format}: the tables came along"
            );

            // And back into the database it came from: nothing new.
            let again = import_text(&source, &dir, file, &text).unwrap();
            assert_eq!((again.added, again.present), (0, 4), "{format}");
        }
    }

    #[test]
    fn export_formats_look_as_documented() {
        let mut store = Store::open_in_memory().unwrap();
        sample(&mut store);
        let mut csv_out = Vec::new();
        export(
            &mut store,
            &Filter {
                project: Some("trailer".into()),
                ..Filter::default()
            },
            Format::Csv,
            &mut csv_out,
        )
        .unwrap();
        let text = String::from_utf8(csv_out).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next().unwrap(), exchange::COLUMNS.join(","));
        assert!(
            lines.next().unwrap().starts_with(
                "2026-05-03T10:00:00Z,runway,gen-4,5.5,720p,true,1,,,2,40,,,unpriced,trailer,\
                 client=globex;shot=a=b,\" take 2, \"\"quoted\"\""
            ),
            "{text}"
        );

        let mut json_out = Vec::new();
        export(&mut store, &Filter::default(), Format::Json, &mut json_out).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&json_out).unwrap();
        assert_eq!(value["format"], "credits");
        assert_eq!(value["version"], 1);
        let entries = &value["entries"];
        let first = &entries[0];
        assert_eq!(first["at"], "2026-04-30T23:30:00-04:00");
        assert_eq!(first["credits"], "10");
        assert_eq!(first["cost"], "0.1");
        assert_eq!(first["duration"], "5.5");
        assert_eq!(first["tags"]["client"], "acme");
        assert_eq!(entries[2]["cost"], serde_json::Value::Null);
        assert_eq!(entries[2]["status"], "refunded");

        let mut empty = Vec::new();
        export(
            &mut Store::open_in_memory().unwrap(),
            &Filter::default(),
            Format::Json,
            &mut empty,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(empty).unwrap(),
            "{\"format\": \"credits\", \"version\": 1,\n\"accounts\": [],\n\
             \"account_changes\": [],\n\"topups\": [],\n\"adjustments\": [],\n\"budgets\": [],\n\
             \"entries\": []}\n"
        );
    }

    const MINIMAL: &str = "\u{feff}Platform,model,duration,credits,project,tags\n\
        runway,gen-4,5,,ad,client=acme\n\
        runway,gen-4,10,25,ad,\n\
        runway,gen-3-alpha,5,,trailer,client=acme;shot=2\n";

    #[test]
    fn a_minimal_csv_is_priced_by_plan() {
        let dir = tempfile::tempdir().unwrap();
        let s = session(&dir, "credits.db");
        let summary = import_text(&s, &dir, "sheet.csv", MINIMAL).unwrap();
        assert_eq!(summary.added, 3);
        let entries = entries(&s);
        // Each row is priced as `by_plan` prices it, with the credits the row gave if any.
        for (model, duration, credits) in [
            ("gen-4", "5", None),
            ("gen-4", "10", Some(d("25"))),
            ("gen-3-alpha", "5", None),
        ] {
            let e = entries
                .iter()
                .find(|e| e.model == model && e.request.duration == Some(d(duration)))
                .unwrap();
            let priced = pricing::by_plan(
                &s,
                &[],
                &PriceRequest {
                    platform: e.platform.clone(),
                    model: model.into(),
                    request: Request {
                        duration: Some(d(duration)),
                        ..Request::default()
                    },
                    credits,
                    ..PriceRequest::default()
                },
            )
            .unwrap();
            assert_eq!(e.credits, priced.credits, "{model} {duration}");
            assert!(e.credits > Decimal::ZERO, "{model} {duration}");
            assert_eq!(e.cost, priced.cost, "{model} {duration}");
            assert_eq!(e.pricing, priced.pricing, "{model} {duration}");
            assert_eq!(e.price_source, Some(priced.source), "{model} {duration}");
            // No `at`: the import time, in the caller's offset.
            assert_eq!(e.at.to_rfc3339(), "2026-05-10T13:00:00+01:00");
            assert!(e.dedup_key.as_deref().unwrap().starts_with("import:"));
        }
        let e = entries.iter().find(|e| e.credits == d("25")).unwrap();
        assert!(e.cost.is_some(), "{e:?}");
        assert_eq!(e.tags, vec![]);
    }

    #[test]
    fn importing_the_same_file_twice_adds_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let s = session(&dir, "credits.db");
        assert_eq!(import_text(&s, &dir, "log.csv", MINIMAL).unwrap().added, 3);
        let again = import_text(&s, &dir, "log.csv", MINIMAL).unwrap();
        assert_eq!((again.added, again.present), (0, 3));
        assert_eq!(count(&s), 3);
    }

    #[test]
    fn identical_rows_in_one_file_both_count() {
        let text = "platform,model,duration\nrunway,gen-4,5\nrunway,gen-4,5\nrunway,gen-4, 5.0\n";
        let dir = tempfile::tempdir().unwrap();
        let s = session(&dir, "credits.db");
        assert_eq!(import_text(&s, &dir, "log.csv", text).unwrap().added, 3);
        // The same file again: each of the three is recognised.
        assert_eq!(import_text(&s, &dir, "log.csv", text).unwrap().added, 0);
        // A file with one more copy adds exactly that one.
        let more = format!("{text}runway,gen-4,5\n");
        assert_eq!(import_text(&s, &dir, "log.csv", &more).unwrap().added, 1);
        assert_eq!(count(&s), 4);
    }

    #[test]
    fn a_failing_row_in_the_middle_leaves_nothing_imported() {
        let dir = tempfile::tempdir().unwrap();
        let s = session(&dir, "credits.db");
        let fails = |name: &str, text: &str| -> String {
            let err = format!("{:#}", import_text(&s, &dir, name, text).unwrap_err());
            assert!(err.starts_with("nothing was imported from "), "{err}");
            assert_eq!(count(&s), 0, "{err}");
            err
        };

        let bad_value =
            "platform,model,duration\nrunway,gen-4,5\nrunway,gen-4,five\nrunway,gen-4,5\n";
        let err = fails("log.csv", bad_value);
        assert!(
            err.contains("log.csv: line 3, column 3 (duration): `five` is not a number of seconds"),
            "{err}"
        );

        let bad_price = "platform,model\nrunway,gen-4\nrunway,no-such-model\n";
        let err = fails("log.csv", bad_price);
        assert!(
            err.contains("log.csv: line 3: unknown model `no-such-model`"),
            "{err}"
        );

        let too_precise = "platform,model,credits\nrunway,gen-4,1\nrunway,gen-4,0.0001\n";
        let err = fails("log.csv", too_precise);
        assert!(
            err.contains(
                "log.csv: line 3, column 3 (credits): credits 0.0001 has more than 3 decimal places"
            ),
            "{err}"
        );

        let json = "[\n{\"platform\":\"runway\",\"model\":\"gen-4\"},\n\
                    {\"platform\":\"runway\",\"model\":\"gen-4\",\"count\":0}\n]";
        let err = fails("log.json", json);
        assert!(err.contains("log.json: line 3, field `count`"), "{err}");
    }

    #[test]
    fn a_bad_billed_record_names_itself_and_nothing_is_imported() {
        let dir = tempfile::tempdir().unwrap();
        let s = session(&dir, "credits.db");
        let doc = |billed: &str| {
            format!(
                "{{\"format\": \"credits\", \"version\": 1,\n\"billed\": [{billed}],\n\
                 \"entries\": [\n{{\"platform\":\"runway\",\"model\":\"gen-4\"}}\n]}}"
            )
        };
        let good = r#"{"platform": "replicate", "ref": "p1", "entry_key": "nowhere",
            "source": "replicate-predictions", "model": "m", "at": "2026-11-20T10:00:00Z",
            "status": "failed", "matched": "created"}"#;
        for (bad, says) in [
            (good.replace("\"failed\"", "\"lost\""), "`billed` record 2"),
            (
                good.replace("\"entry_key\"", "\"amount\": \"1\", \"entry_key\""),
                "`amount` and `currency` are given together or not at all",
            ),
            (
                good.replace("\"entry_key\"", "\"credits\": \"0.0001\", \"entry_key\""),
                "more than 3 decimal places",
            ),
            (
                good.replace("\"created\"", "\"guess\""),
                "bad match `guess`",
            ),
        ] {
            let err =
                import_text(&s, &dir, "log.json", &doc(&format!("{good}, {bad}"))).unwrap_err();
            let err = format!("{err:#}");
            assert!(err.contains("log.json: line"), "{err}");
            assert!(err.contains(says), "{says}: {err}");
            assert_eq!(count(&s), 0, "{err}");
        }
        // Good, its entry absent from the target: kept unlinked, once.
        let text = doc(good);
        let once = import_text(&s, &dir, "log.json", &text).unwrap();
        assert_eq!((once.records, once.records_added), (1, 1));
        let again = import_text(&s, &dir, "log.json", &text).unwrap();
        assert_eq!((again.records_added, again.records_present), (0, 1));
        let kept = s
            .store()
            .unwrap()
            .read(|tx| tx.billed_generations(None, None))
            .unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].entry_id, None);
    }

    #[test]
    fn a_hand_written_json_file_imports() {
        let text = r#"[
            {"at": "2026-05-04", "platform": "runway", "model": "gen4", "duration": 5,
             "credits": 12.5, "audio": true, "tags": {"client": "acme"}, "kept": false},
            {"platform": "runway", "model": "gen-3-alpha", "duration": 5, "tags": "client=globex",
             "note": null}
        ]"#;
        let dir = tempfile::tempdir().unwrap();
        let s = session(&dir, "credits.db");
        assert_eq!(import_text(&s, &dir, "log.json", text).unwrap().added, 2);
        let entries = entries(&s);
        // Not in the tables (nor is audio on Gen-4): imported unpriced, with the credits given.
        let runway = entries.iter().find(|e| e.model == "gen4").unwrap();
        assert_eq!(runway.credits, d("12.5"));
        assert_eq!(runway.at.to_rfc3339(), "2026-05-04T00:00:00+01:00");
        assert_eq!(runway.cost, None);
        assert!(runway.request.audio);
        assert!(!runway.kept);
        assert_eq!(runway.tags, vec![("client".into(), "acme".into())]);
        let other = entries.iter().find(|e| e.model == "gen-3-alpha").unwrap();
        assert_eq!(other.tags, vec![("client".into(), "globex".into())]);
        assert_eq!(other.note, None);
        assert_eq!(import_text(&s, &dir, "log.json", text).unwrap().added, 0);
    }

    #[test]
    fn progress_is_reported_every_n_rows_and_at_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let s = session(&dir, "credits.db");
        let text = "platform,model,duration\nrunway,gen-4,5\nrunway,gen-4,10\nrunway,gen-4,5\n";
        let path = dir.path().join("log.csv");
        std::fs::write(&path, text).unwrap();
        let mut ticks = Vec::new();
        let mut on_progress = |p: Progress| ticks.push(p);
        import_every(&s, &path, 2, Some(&mut on_progress)).unwrap();
        let rows: Vec<u64> = ticks.iter().map(|p| p.rows).collect();
        assert_eq!(rows, vec![2, 3]);
        assert_eq!(ticks.last().unwrap().bytes, text.len() as u64);
    }
}
