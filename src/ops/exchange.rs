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
//!   fields is. So a file imported twice, or into a database that has some of it, adds
//!   nothing twice.
//! - Streaming: rows are read and priced one at a time and inserted in batches; memory does
//!   not grow with the file except for the set of fingerprints already seen (8 bytes a row
//!   without a key). A million-row CSV imports in about 70 MB.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::io::{self, Read, Write};
use std::path::Path;
use std::rc::Rc;

use anyhow::{Context, Result};

use super::pricing::{self, PriceRequest, UnpricedHint};
use super::{resolve, Session};
use crate::exchange::{self, Format, ImportRow, Item, ReadOptions, State};
use crate::records::{Account, Filter};
use crate::store::Store;

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
            },
        };
        let mut w = exchange::Writer::begin(format, out, &state)?;
        tx.for_each_entry_oldest_first(filter, |e| w.entry(&e))?;
        w.finish()
    })
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

/// The outcome of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    /// Entries read.
    pub rows: u64,
    /// Entries inserted.
    pub added: u64,
    /// Entries whose dedup key was already in the database (or earlier in the file).
    pub present: u64,
    /// Entries read whose money is unknown (no known plan price).
    pub unpriced: u64,
    /// State records read (accounts, plan changes, top-ups, adjustments, budgets): a JSON
    /// export carries them.
    pub records: u64,
    /// State records added; the others were already there.
    pub records_added: u64,
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
            let mut on = |item: Item| -> Result<()> {
                match item {
                    Item::Entry(row) => {
                        let line = row.line;
                        let entry = price(session, &accounts, row, &mut keys, &mut summary)
                            .with_context(|| format!("{}: line {line}", opts.source))?;
                        batch.add(line, entry)?;
                        summary.rows += 1;
                        if let Some(p) = progress.as_mut() {
                            if summary.rows % PROGRESS_EVERY == 0 {
                                p(Progress {
                                    rows: summary.rows,
                                    bytes: bytes.get(),
                                });
                            }
                        }
                    }
                    Item::State(state) => {
                        file_accounts.extend(state.accounts);
                        let mut added = Vec::new();
                        for c in &state.account_changes {
                            added.push(tx.insert_account_change_if_absent(c)?);
                        }
                        for t in &state.topups {
                            added.push(tx.insert_topup_if_absent(t)?);
                        }
                        for a in &state.adjustments {
                            added.push(tx.insert_adjustment_if_absent(a)?);
                        }
                        for b in &state.budgets {
                            added.push(tx.insert_budget_if_absent(b)?);
                        }
                        summary.records += added.len() as u64;
                        summary.records_added += added.iter().filter(|a| **a).count() as u64;
                    }
                }
                Ok(())
            };
            exchange::read(input, format, &opts, &mut on)?;
            for a in &file_accounts {
                summary.records += 1;
                if tx.insert_account_if_absent(a)? {
                    summary.records_added += 1;
                }
            }
            let done = batch.finish()?;
            summary.added = done.added;
            summary.present = done.present;
            if let Some(p) = progress.as_mut() {
                p(Progress {
                    rows: summary.rows,
                    bytes: bytes.get(),
                });
            }
            Ok(summary)
        })
        .with_context(|| format!("nothing was imported from {}", path.display()))
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
) -> Result<crate::records::NewEntry> {
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
        entry.platform = platform;
        entry.model = model;
        return Ok(entry);
    }
    let request = entry.request.clone().normalized()?;
    let priced = pricing::by_plan(
        session,
        accounts,
        &PriceRequest {
            platform: entry.platform.clone(),
            model: entry.model.clone(),
            request,
            credits,
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
    Ok(entry)
}
