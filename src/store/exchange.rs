//! `export` and `import`: the log as CSV or JSON, streamed both ways.
//!
//! Both formats use the same column names, in this order (`COLUMNS`):
//! `at, platform, model, duration, resolution, audio, refs, mode, chars, count, credits, cost,
//! currency, pricing, project, tags, note, status, kept, dedup_key`.
//! `at` is RFC 3339 in the user's offset at log time; decimals are written as text (strings in
//! JSON) so nothing passes through a binary float; `tags` is `k=v;k2=v2` in CSV and an object
//! in JSON; `audio`/`kept` are `true`/`false`; an empty cell (or JSON `null`) is "not given".
//!
//! Import reads the export, or a minimal CSV filled in by hand: any subset of the columns above
//! with `platform` and `model` required, in any order, header names case-insensitive. An
//! unknown column is an error naming it. Missing values default to: `at` the time of the
//! import (in the caller's offset; a date or a time without offset is read in that offset
//! too), `count` 1, `status` ok, `kept` true.
//!
//! A row that carries `pricing` is a snapshot (an export) and is stored as it is; it must carry
//! `credits`. Any other row goes to the caller's `price` closure, which returns the credits
//! (usually the row's own if given) and money.
//!
//! Invariants:
//! - All or nothing per file: every row is inserted in one IMMEDIATE transaction, so an error
//!   (or a killed process) leaves the database as it was.
//! - Idempotent: each row's `dedup_key` is unique in the database and inserted with
//!   `ON CONFLICT DO NOTHING`. A row without one gets a stable key,
//!   `import:<UTC time>:<hash>` (or `import:<hash>` without a time): the hash is SHA-256 of
//!   its fields as read, plus how many identical rows came before it in the same file. So a
//!   file imported twice (or a spreadsheet that grew and is imported again) adds nothing,
//!   while two genuinely identical rows in one file both count. The key must never change
//!   between versions (it would re-add old imports).
//! - Streaming: rows are read and priced one at a time and inserted in batches of `BATCH`;
//!   memory does not grow with the file except for the set of fingerprints already seen
//!   (8 bytes a row without a key). A million-row CSV imports in about 70 MB.

use std::cell::Cell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::rc::Rc;
use std::str::FromStr;

use anyhow::{anyhow, bail, Context, Result};
use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone, Timelike,
    Utc,
};
use rusqlite::{Connection, TransactionBehavior};
use rust_decimal::Decimal;
use serde::de::{self, Deserializer as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::entries::{bind_entry, check_tags, encode, Encoded, Order, ENTRY_COLUMNS, ENTRY_PARAMS};
use super::units::{to_micro, to_milli};
use super::Store;
use crate::records::{Entry, Filter, Money, NewEntry, Request, Status};

/// File formats of `export` and `import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    /// The format a file name suggests (`.csv`, `.json`), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        ext.parse().ok()
    }
}

impl FromStr for Format {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Format> {
        match s {
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            other => bail!("unknown format `{other}` (expected csv or json)"),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Csv => "csv",
            Format::Json => "json",
        })
    }
}

/// The columns of an export, in order; import accepts any subset with platform and model.
pub const COLUMNS: [&str; 20] = [
    "at",
    "platform",
    "model",
    "duration",
    "resolution",
    "audio",
    "refs",
    "mode",
    "chars",
    "count",
    "credits",
    "cost",
    "currency",
    "pricing",
    "project",
    "tags",
    "note",
    "status",
    "kept",
    "dedup_key",
];

/// Indexes into `COLUMNS`.
mod col {
    pub const AT: usize = 0;
    pub const PLATFORM: usize = 1;
    pub const MODEL: usize = 2;
    pub const DURATION: usize = 3;
    pub const RESOLUTION: usize = 4;
    pub const AUDIO: usize = 5;
    pub const REFS: usize = 6;
    pub const MODE: usize = 7;
    pub const CHARS: usize = 8;
    pub const COUNT: usize = 9;
    pub const CREDITS: usize = 10;
    pub const COST: usize = 11;
    pub const CURRENCY: usize = 12;
    pub const PRICING: usize = 13;
    pub const PROJECT: usize = 14;
    pub const TAGS: usize = 15;
    pub const NOTE: usize = 16;
    pub const STATUS: usize = 17;
    pub const KEPT: usize = 18;
    pub const DEDUP_KEY: usize = 19;
}

/// One row of an import file as read, before pricing.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRow {
    /// Line in the file (for CSV, where the record starts; for JSON, where the object ends).
    pub line: u64,
    /// `None` when the file gives no time: the import time is used.
    pub at: Option<DateTime<FixedOffset>>,
    pub platform: String,
    pub model: String,
    pub duration: Option<Decimal>,
    pub resolution: Option<String>,
    pub audio: Option<bool>,
    pub refs: Option<u32>,
    pub mode: Option<String>,
    pub chars: Option<u32>,
    pub count: u32,
    pub credits: Option<Decimal>,
    pub cost: Option<Money>,
    pub pricing: Option<String>,
    pub project: Option<String>,
    pub tags: Vec<(String, String)>,
    pub note: Option<String>,
    pub status: Status,
    pub kept: bool,
    pub dedup_key: Option<String>,
}

/// What the caller's `price` closure returns for a row: canonical names, and for a row that
/// is not a snapshot, credits and money.
#[derive(Debug, Clone, PartialEq)]
pub struct Priced {
    pub platform: String,
    pub model: String,
    pub credits: Decimal,
    /// `None` when the money value is unknown.
    pub cost: Option<Money>,
    /// How the money was priced, as for `NewEntry::pricing`.
    pub pricing: String,
}

/// How to read an import file.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The file name, for error messages.
    pub source: String,
    /// Offset for times given without one, and for rows with no time.
    pub default_offset: FixedOffset,
    /// The time given to rows with no `at`.
    pub now: DateTime<Utc>,
    /// Call the progress callback every this many rows.
    pub progress_every: u64,
}

impl ImportOptions {
    /// Options for a file named `source`, read at `now` (from `crate::clock`, the one place
    /// that reads the clock) in `now`'s offset.
    pub fn new(source: impl Into<String>, now: DateTime<FixedOffset>) -> ImportOptions {
        ImportOptions {
            source: source.into(),
            default_offset: *now.offset(),
            now: now.with_timezone(&Utc),
            progress_every: 10_000,
        }
    }
}

/// How far an import has come, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub rows: u64,
    /// Bytes of the input read so far.
    pub bytes: u64,
}

/// The outcome of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub rows: u64,
    /// Rows inserted.
    pub added: u64,
    /// Rows whose dedup key was already in the database (or earlier in the file).
    pub present: u64,
}

// ----------------------------------------------------------------------------------------------
// Export

/// A JSON export row: the same names as the CSV columns, decimals as strings.
#[derive(Serialize)]
struct JsonOut<'a> {
    at: String,
    platform: &'a str,
    model: &'a str,
    duration: Option<String>,
    resolution: Option<&'a str>,
    audio: Option<bool>,
    refs: Option<u32>,
    mode: Option<&'a str>,
    chars: Option<u64>,
    count: u32,
    credits: String,
    cost: Option<String>,
    currency: Option<&'a str>,
    pricing: &'a str,
    project: Option<&'a str>,
    tags: BTreeMap<&'a str, &'a str>,
    note: Option<&'a str>,
    status: &'a str,
    kept: bool,
    dedup_key: &'a str,
}

impl<'a> JsonOut<'a> {
    fn new(e: &'a Entry) -> JsonOut<'a> {
        JsonOut {
            at: e.at.to_rfc3339_opts(SecondsFormat::Secs, true),
            platform: &e.platform,
            model: &e.model,
            duration: e.request.duration.map(|d| d.to_string()),
            resolution: e.request.resolution.as_deref(),
            audio: Some(e.request.audio),
            refs: Some(e.request.refs),
            mode: e.request.mode.as_deref(),
            chars: e.request.chars,
            count: e.request.count,
            credits: e.credits.to_string(),
            cost: e.cost.as_ref().map(|c| c.amount.to_string()),
            currency: e.cost.as_ref().map(|c| c.currency.as_str()),
            pricing: &e.pricing,
            project: e.project.as_deref(),
            tags: e
                .tags
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect(),
            note: e.note.as_deref(),
            status: e.status.as_str(),
            kept: e.kept,
            dedup_key: e.dedup_key.as_deref().unwrap_or_default(),
        }
    }

    fn csv_record(&self) -> [String; 20] {
        let opt = |v: Option<&str>| v.unwrap_or("").to_string();
        let num = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
        let tags: Vec<String> = self.tags.iter().map(|(k, v)| format!("{k}={v}")).collect();
        [
            self.at.clone(),
            self.platform.to_string(),
            self.model.to_string(),
            self.duration.clone().unwrap_or_default(),
            opt(self.resolution),
            self.audio.map(|a| a.to_string()).unwrap_or_default(),
            num(self.refs.map(u64::from)),
            opt(self.mode),
            num(self.chars),
            self.count.to_string(),
            self.credits.clone(),
            self.cost.clone().unwrap_or_default(),
            opt(self.currency),
            self.pricing.to_string(),
            opt(self.project),
            tags.join(";"),
            opt(self.note),
            self.status.to_string(),
            self.kept.to_string(),
            self.dedup_key.to_string(),
        ]
    }
}

impl Store {
    /// Writes the entries matching `filter`, oldest first, to `out`; returns how many.
    pub fn export(&self, filter: &Filter, format: Format, out: impl Write) -> Result<u64> {
        let mut n = 0u64;
        match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(BufWriter::new(out));
                w.write_record(COLUMNS)?;
                self.for_each_entry(filter, Order::OldestFirst, |e| {
                    w.write_record(JsonOut::new(&e).csv_record())?;
                    n += 1;
                    Ok(())
                })?;
                w.flush()?;
            }
            Format::Json => {
                // One object per line: readable, and import errors can name the line.
                let mut w = BufWriter::new(out);
                w.write_all(b"[")?;
                self.for_each_entry(filter, Order::OldestFirst, |e| {
                    w.write_all(if n == 0 { b"\n" } else { b",\n" })?;
                    serde_json::to_writer(&mut w, &JsonOut::new(&e))?;
                    n += 1;
                    Ok(())
                })?;
                w.write_all(if n == 0 { b"]\n" } else { b"\n]\n" })?;
                w.flush()?;
            }
        }
        Ok(n)
    }
}

// ----------------------------------------------------------------------------------------------
// Import: reading fields

/// Where a field sits, for error messages.
type Locate<'a> = &'a dyn Fn(usize) -> String;

fn field_error(locate: Locate<'_>, column: usize, msg: impl fmt::Display) -> anyhow::Error {
    anyhow!("{}: {msg}", locate(column))
}

/// Builds an `ImportRow` from the fields of one record. `get` returns a trimmed, non-empty
/// value; `tags` is set when the source already split them (a JSON object).
fn build_row<'v>(
    get: &dyn Fn(usize) -> Option<&'v str>,
    tags: Option<Vec<(String, String)>>,
    line: u64,
    opts: &ImportOptions,
    locate: Locate<'_>,
) -> Result<ImportRow> {
    let text = |c: usize| get(c).map(str::to_string);
    let required = |c: usize| {
        text(c).ok_or_else(|| field_error(locate, c, format!("{} is required", COLUMNS[c])))
    };
    let decimal = |c: usize, what: &str, places: bool| -> Result<Option<Decimal>> {
        let Some(s) = get(c) else { return Ok(None) };
        let d = Decimal::from_str(s)
            .map_err(|_| field_error(locate, c, format!("`{s}` is not a {what}")))?;
        // Check storage exactness here, where the column is known.
        let check = if places {
            to_milli(d, COLUMNS[c]).map(|_| ())
        } else {
            to_micro(d, COLUMNS[c]).map(|_| ())
        };
        check.map_err(|e| field_error(locate, c, e))?;
        Ok(Some(d))
    };
    let number = |c: usize| -> Result<Option<u32>> {
        get(c)
            .map(|s| {
                s.parse::<u32>()
                    .map_err(|_| field_error(locate, c, format!("`{s}` is not a whole number ≥ 0")))
            })
            .transpose()
    };
    let boolean = |c: usize| -> Result<Option<bool>> {
        get(c)
            .map(|s| match s.to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" => Ok(true),
                "false" | "0" | "no" => Ok(false),
                _ => Err(field_error(
                    locate,
                    c,
                    format!("`{s}` is not true or false"),
                )),
            })
            .transpose()
    };

    let at = get(col::AT)
        .map(|s| parse_time(s, opts.default_offset).map_err(|e| field_error(locate, col::AT, e)))
        .transpose()?;
    let count = number(col::COUNT)?.unwrap_or(1);
    if count == 0 {
        return Err(field_error(locate, col::COUNT, "count must be at least 1"));
    }
    let cost = match decimal(col::COST, "money amount", false)? {
        None => None,
        Some(amount) => Some(Money {
            amount,
            currency: text(col::CURRENCY)
                .ok_or_else(|| field_error(locate, col::COST, "a cost needs a currency column"))?,
        }),
    };
    let tags = match tags {
        Some(tags) => tags,
        None => match get(col::TAGS) {
            None => Vec::new(),
            Some(s) => parse_tags(s).map_err(|e| field_error(locate, col::TAGS, e))?,
        },
    };
    check_tags(&tags).map_err(|e| field_error(locate, col::TAGS, e))?;
    let status = match get(col::STATUS) {
        None => Status::Ok,
        Some(s) => s.parse().map_err(|e| field_error(locate, col::STATUS, e))?,
    };
    Ok(ImportRow {
        line,
        at,
        platform: required(col::PLATFORM)?,
        model: required(col::MODEL)?,
        duration: decimal(col::DURATION, "number of seconds", true)?,
        resolution: text(col::RESOLUTION),
        audio: boolean(col::AUDIO)?,
        refs: number(col::REFS)?,
        mode: text(col::MODE),
        chars: number(col::CHARS)?,
        count,
        credits: decimal(col::CREDITS, "number of credits", true)?,
        cost,
        pricing: text(col::PRICING),
        project: text(col::PROJECT),
        tags,
        note: text(col::NOTE),
        status,
        kept: boolean(col::KEPT)?.unwrap_or(true),
        dedup_key: text(col::DEDUP_KEY),
    })
}

/// RFC 3339, or a date / date and time without offset read in `offset`.
fn parse_time(s: &str, offset: FixedOffset) -> Result<DateTime<FixedOffset>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    let naive = [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    });
    naive
        .and_then(|n| offset.from_local_datetime(&n).single())
        .ok_or_else(|| {
            anyhow!("`{s}` is not a time (use RFC 3339 such as 2026-05-04T10:00:00+02:00, or YYYY-MM-DD)")
        })
}

/// `k=v;k2=v2`; empty segments (a trailing `;`) are skipped.
fn parse_tags(s: &str) -> Result<Vec<(String, String)>> {
    s.split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| anyhow!("`{part}` is not KEY=VALUE"))?;
            Ok((k.trim().to_string(), v.trim().to_string()))
        })
        .collect()
}

/// SHA-256 over the fields of a row as read, each length-prefixed so no two rows collide by
/// shifting text between fields. Stable across versions and platforms (not std's hasher).
fn fingerprint(row: &ImportRow) -> [u8; 32] {
    let mut h = Sha256::new();
    let mut put = |v: Option<&str>| match v {
        None => h.update([0u8]),
        Some(s) => {
            h.update([1u8]);
            h.update((s.len() as u64).to_le_bytes());
            h.update(s.as_bytes());
        }
    };
    let dec = |d: Option<Decimal>| d.map(|d| d.normalize().to_string());
    let num = |n: Option<u32>| n.map(|n| n.to_string());
    put(row
        .at
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
        .as_deref());
    put(Some(&row.platform));
    put(Some(&row.model));
    put(dec(row.duration).as_deref());
    put(row.resolution.as_deref());
    put(row.audio.map(|a| if a { "1" } else { "0" }));
    put(num(row.refs).as_deref());
    put(row.mode.as_deref());
    put(num(row.chars).as_deref());
    put(Some(&row.count.to_string()));
    put(dec(row.credits).as_deref());
    put(dec(row.cost.as_ref().map(|c| c.amount)).as_deref());
    put(row.cost.as_ref().map(|c| c.currency.as_str()));
    put(row.pricing.as_deref());
    put(row.project.as_deref());
    put(Some(&row.tags.len().to_string()));
    for (k, v) in &row.tags {
        put(Some(k));
        put(Some(v));
    }
    put(row.note.as_deref());
    put(Some(row.status.as_str()));
    put(Some(if row.kept { "1" } else { "0" }));
    h.finalize().into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

// ----------------------------------------------------------------------------------------------
// Import: writing rows

/// Page cache during an import, as `PRAGMA cache_size` (negative: KiB). 32 MB keeps a
/// million-row import well under its 100 MB budget.
const IMPORT_CACHE_KIB: i64 = -32 * 1024;

/// Entries per multi-row `INSERT`: one statement per row spends much of its time opening
/// cursors on the table and its indexes; batches share that cost.
const BATCH: usize = 64;

/// A priced, checked row waiting for its batch.
struct Pending {
    line: u64,
    entry: NewEntry,
    enc: Encoded,
    key: String,
}

/// Prices rows one at a time and inserts them in batches, inside the import's transaction.
struct Sink<'c, 'o, P> {
    conn: &'c Connection,
    pending: Vec<Pending>,
    /// Fingerprint prefixes seen once in this file, and how often the ones seen more than
    /// once were seen (split so a million distinct rows cost 8 bytes each, not 12). A prefix
    /// collision only gives a row a different, still stable, occurrence number, so 64 bits
    /// is plenty.
    seen: HashSet<u64>,
    repeats: HashMap<u64, u32>,
    price: P,
    opts: &'o ImportOptions,
    summary: ImportSummary,
}

/// `INSERT` of `rows` entries that skips dedup keys already present and says which went in.
fn insert_entries_sql(rows: usize) -> String {
    let one = format!("({})", ["?"; ENTRY_PARAMS].join(", "));
    format!(
        "INSERT INTO entry ({ENTRY_COLUMNS}) VALUES {} \
         ON CONFLICT (dedup_key) DO NOTHING RETURNING id, dedup_key",
        vec![one; rows].join(", ")
    )
}

fn insert_tags_sql(rows: usize) -> String {
    format!(
        "INSERT INTO entry_tag (entry_id, key, value) VALUES {}",
        vec!["(?, ?, ?)"; rows].join(", ")
    )
}

impl<P: FnMut(&ImportRow) -> Result<Priced>> Sink<'_, '_, P> {
    fn add(&mut self, row: ImportRow) -> Result<()> {
        let line = row.line;
        let here = || format!("{}: line {line}", self.opts.source);
        let key = match &row.dedup_key {
            Some(key) => key.clone(),
            None => {
                let print = fingerprint(&row);
                let prefix = u64::from_le_bytes(print[..8].try_into().expect("8 bytes"));
                let occurrence = if self.seen.insert(prefix) {
                    0
                } else {
                    let n = self.repeats.entry(prefix).or_insert(0);
                    *n += 1;
                    *n
                };
                let mut h = Sha256::new();
                h.update(print);
                h.update(occurrence.to_le_bytes());
                let hash = hex(&h.finalize()[..12]);
                // Led by the time, so a chronological file appends to the dedup index
                // instead of writing all over it (a random key per row made a million-row
                // import several times slower).
                match row.at {
                    Some(at) => {
                        let t = at.naive_utc();
                        format!(
                            "import:{:04}{:02}{:02}T{:02}{:02}{:02}:{hash}",
                            t.year(),
                            t.month(),
                            t.day(),
                            t.hour(),
                            t.minute(),
                            t.second()
                        )
                    }
                    None => format!("import:{hash}"),
                }
            }
        };
        if row.pricing.is_some() && row.credits.is_none() {
            bail!("{}: a row with `pricing` needs `credits`", here());
        }
        let priced = (self.price)(&row).with_context(here)?;
        let entry = NewEntry {
            at: row
                .at
                .unwrap_or_else(|| self.opts.now.with_timezone(&self.opts.default_offset)),
            platform: priced.platform,
            model: priced.model,
            request: Request {
                duration: row.duration,
                resolution: row.resolution,
                audio: row.audio.unwrap_or(false),
                refs: row.refs.unwrap_or(0),
                mode: row.mode,
                chars: row.chars.map(u64::from),
                count: row.count,
                upscale: false,
                pinned_credits: None,
            },
            credits: priced.credits,
            cost: priced.cost,
            pricing: priced.pricing,
            price_source: None,
            project: row.project,
            tags: row.tags,
            note: row.note,
            status: row.status,
            refunded_at: None,
            kept: row.kept,
            dedup_key: None,
        };
        let enc = encode(&entry).with_context(here)?;
        self.summary.rows += 1;
        self.pending.push(Pending {
            line,
            entry,
            enc,
            key,
        });
        if self.pending.len() == BATCH {
            self.flush()?;
        }
        Ok(())
    }

    /// Inserts the pending rows and their tags. Every value was checked by `encode`, so an
    /// error here is unexpected; it names the lines of the batch.
    fn flush(&mut self) -> Result<()> {
        let (Some(first), Some(last)) = (self.pending.first(), self.pending.last()) else {
            return Ok(());
        };
        let lines = format!("{}: lines {}-{}", self.opts.source, first.line, last.line);
        self.insert_pending().with_context(|| lines)?;
        self.pending.clear();
        Ok(())
    }

    fn insert_pending(&mut self) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached(&insert_entries_sql(self.pending.len()))?;
        for (i, p) in self.pending.iter().enumerate() {
            bind_entry(&mut stmt, i * ENTRY_PARAMS, &p.entry, &p.enc, &p.key)?;
        }
        let mut inserted: Vec<(i64, String)> = Vec::with_capacity(self.pending.len());
        let mut rows = stmt.raw_query();
        while let Some(row) = rows.next()? {
            inserted.push((row.get(0)?, row.get(1)?));
        }
        drop(rows);
        self.summary.added += inserted.len() as u64;
        self.summary.present += (self.pending.len() - inserted.len()) as u64;

        // RETURNING order is unspecified, but new ids ascend in VALUES order: sorted by id,
        // the inserted rows pair with the pending ones in order (a skipped row has a key
        // already present, or the key of an earlier row of the batch).
        inserted.sort_unstable_by_key(|(id, _)| *id);
        let mut tags: Vec<(i64, &str, &str)> = Vec::new();
        let mut pending = self.pending.iter();
        for (id, key) in &inserted {
            let p = pending
                .find(|p| p.key == *key)
                .ok_or_else(|| anyhow!("inserted key `{key}` not found in its batch"))?;
            tags.extend(
                p.entry
                    .tags
                    .iter()
                    .map(|(k, v)| (*id, k.as_str(), v.as_str())),
            );
        }
        for chunk in tags.chunks(BATCH) {
            let mut stmt = self.conn.prepare_cached(&insert_tags_sql(chunk.len()))?;
            for (i, (id, k, v)) in chunk.iter().enumerate() {
                stmt.raw_bind_parameter(i * 3 + 1, id)?;
                stmt.raw_bind_parameter(i * 3 + 2, k)?;
                stmt.raw_bind_parameter(i * 3 + 3, v)?;
            }
            stmt.raw_execute()?;
        }
        Ok(())
    }
}

impl Store {
    /// Imports a CSV or JSON file: all rows or none. `price` fills in credits and money for
    /// rows that are not snapshots (see the module docs); `progress` is called every
    /// `opts.progress_every` rows and once at the end.
    pub fn import<R, P>(
        &mut self,
        input: R,
        format: Format,
        opts: &ImportOptions,
        price: P,
        progress: Option<&mut dyn FnMut(Progress)>,
    ) -> Result<ImportSummary>
    where
        R: Read,
        P: FnMut(&ImportRow) -> Result<Priced>,
    {
        // A larger page cache for the import's one big transaction: a million rows spill
        // the default 2 MB to the WAL over and over. Put back afterwards, error or not.
        let cache: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn
            .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
        let result = self.import_in_transaction(input, format, opts, price, progress);
        self.conn.pragma_update(None, "cache_size", cache)?;
        result
    }

    fn import_in_transaction<R, P>(
        &mut self,
        input: R,
        format: Format,
        opts: &ImportOptions,
        price: P,
        mut progress: Option<&mut dyn FnMut(Progress)>,
    ) -> Result<ImportSummary>
    where
        R: Read,
        P: FnMut(&ImportRow) -> Result<Priced>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let summary = {
            let mut sink = Sink {
                conn: &tx,
                pending: Vec::with_capacity(BATCH),
                seen: HashSet::new(),
                repeats: HashMap::new(),
                price,
                opts,
                summary: ImportSummary::default(),
            };
            let every = opts.progress_every.max(1);
            let mut tick = |rows: u64, bytes: u64, last: bool| {
                if let Some(p) = progress.as_mut() {
                    if last || rows % every == 0 {
                        p(Progress { rows, bytes });
                    }
                }
            };
            match format {
                Format::Csv => import_csv(input, opts, &mut sink, &mut tick)?,
                Format::Json => import_json(input, opts, &mut sink, &mut tick)?,
            }
            sink.flush()?;
            sink.summary
        };
        tx.commit()
            .with_context(|| format!("cannot commit the import of {}", opts.source))?;
        Ok(summary)
    }
}

fn import_csv<P: FnMut(&ImportRow) -> Result<Priced>>(
    input: impl Read,
    opts: &ImportOptions,
    sink: &mut Sink<'_, '_, P>,
    tick: &mut dyn FnMut(u64, u64, bool),
) -> Result<()> {
    let source = &opts.source;
    let mut reader = csv::ReaderBuilder::new().from_reader(input);
    let headers = reader
        .headers()
        .with_context(|| format!("{source}: cannot read the header row"))?
        .clone();
    // `field[c]`: which position of the record holds column c.
    let mut field: [Option<usize>; 20] = [None; 20];
    let mut unknown = Vec::new();
    for (i, name) in headers.iter().enumerate() {
        // Spreadsheets write a byte-order mark and capitalised headers.
        let name = name
            .trim_start_matches('\u{feff}')
            .trim()
            .to_ascii_lowercase();
        match COLUMNS.iter().position(|c| *c == name) {
            Some(c) if field[c].is_some() => {
                bail!("{source}: line 1: the column `{name}` appears twice")
            }
            Some(c) => field[c] = Some(i),
            None => unknown.push(format!("`{name}`")),
        }
    }
    if !unknown.is_empty() {
        bail!(
            "{source}: line 1: unknown column{} {} (known: {})",
            if unknown.len() == 1 { "" } else { "s" },
            unknown.join(", "),
            COLUMNS.join(", ")
        );
    }
    for c in [col::PLATFORM, col::MODEL] {
        if field[c].is_none() {
            bail!("{source}: line 1: the column `{}` is required", COLUMNS[c]);
        }
    }
    let mut record = csv::StringRecord::new();
    loop {
        let more = reader
            .read_record(&mut record)
            .with_context(|| format!("{source}: cannot read CSV"))?;
        if !more {
            break;
        }
        let line = record.position().map_or(0, |p| p.line());
        let get = |c: usize| -> Option<&str> {
            let i = field[c]?;
            // Notes keep their spaces; everything else is trimmed of spreadsheet padding.
            let v = record.get(i)?;
            let v = if c == col::NOTE { v } else { v.trim() };
            (!v.is_empty()).then_some(v)
        };
        let locate = |c: usize| match field[c] {
            Some(i) => format!("{source}: line {line}, column {} ({})", i + 1, COLUMNS[c]),
            None => format!("{source}: line {line}"),
        };
        let row = build_row(&get, None, line, opts, &locate)?;
        sink.add(row)?;
        tick(sink.summary.rows, reader.position().byte(), false);
    }
    tick(sink.summary.rows, reader.position().byte(), true);
    Ok(())
}

/// Counts lines and bytes as serde_json pulls them, so a row's error can name its line.
struct Counting<R> {
    inner: R,
    line: Rc<Cell<u64>>,
    bytes: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let lines = buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        self.line.set(self.line.get() + lines);
        self.bytes.set(self.bytes.get() + n as u64);
        Ok(n)
    }
}

/// A JSON value of an import object: text, true/false, null, or the tags object.
enum JsonField {
    Null,
    Text(String),
    Tags(Vec<(String, String)>),
}

impl<'de> Deserialize<'de> for JsonField {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<JsonField, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = JsonField;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, number, boolean, null, or an object of tags")
            }
            fn visit_unit<E>(self) -> Result<JsonField, E> {
                Ok(JsonField::Null)
            }
            fn visit_none<E>(self) -> Result<JsonField, E> {
                Ok(JsonField::Null)
            }
            fn visit_str<E>(self, v: &str) -> Result<JsonField, E> {
                Ok(JsonField::Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<JsonField, E> {
                Ok(JsonField::Text(v))
            }
            fn visit_bool<E>(self, v: bool) -> Result<JsonField, E> {
                Ok(JsonField::Text(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<JsonField, E> {
                Ok(JsonField::Text(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<JsonField, E> {
                Ok(JsonField::Text(v.to_string()))
            }
            // A JSON number with a fraction has already become a binary float; its shortest
            // decimal form is what the user wrote for any sensible value. Exports use strings.
            fn visit_f64<E>(self, v: f64) -> Result<JsonField, E> {
                Ok(JsonField::Text(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonField, A::Error> {
                let mut tags = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, JsonField>()? {
                    match v {
                        JsonField::Text(v) => tags.push((k, v)),
                        _ => return Err(de::Error::custom(format!("tag `{k}` is not text"))),
                    }
                }
                Ok(JsonField::Tags(tags))
            }
        }
        d.deserialize_any(V)
    }
}

/// One object of the JSON array, fields in file order.
struct JsonObject(Vec<(String, JsonField)>);

impl<'de> Deserialize<'de> for JsonObject {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<JsonObject, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = JsonObject;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonObject, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry::<String, JsonField>()? {
                    fields.push(entry);
                }
                Ok(JsonObject(fields))
            }
        }
        d.deserialize_map(V)
    }
}

/// Walks the top-level array element by element, so the file is never held in memory.
struct Rows<'a> {
    on_row: &'a mut dyn FnMut(JsonObject) -> Result<()>,
    /// The error that stopped the walk, kept whole (serde can only carry a message).
    failure: &'a mut Option<anyhow::Error>,
}

impl<'de> Visitor<'de> for Rows<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of entries")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(obj) = seq.next_element::<JsonObject>()? {
            if let Err(e) = (self.on_row)(obj) {
                *self.failure = Some(e);
                return Err(de::Error::custom("import stopped"));
            }
        }
        Ok(())
    }
}

fn import_json<P: FnMut(&ImportRow) -> Result<Priced>>(
    input: impl Read,
    opts: &ImportOptions,
    sink: &mut Sink<'_, '_, P>,
    tick: &mut dyn FnMut(u64, u64, bool),
) -> Result<()> {
    let source = &opts.source;
    let line = Rc::new(Cell::new(1u64));
    let bytes = Rc::new(Cell::new(0u64));
    let reader = Counting {
        inner: BufReader::new(input),
        line: Rc::clone(&line),
        bytes: Rc::clone(&bytes),
    };
    let mut on_row = |obj: JsonObject| -> Result<()> {
        let line = line.get();
        let mut values: [Option<String>; 20] = Default::default();
        let mut tags = None;
        for (name, value) in obj.0 {
            let Some(c) = COLUMNS.iter().position(|c| *c == name) else {
                bail!(
                    "{source}: line {line}: unknown field `{name}` (known: {})",
                    COLUMNS.join(", ")
                );
            };
            match value {
                JsonField::Null => {}
                JsonField::Text(t) if c == col::TAGS => {
                    tags = Some(
                        parse_tags(&t)
                            .map_err(|e| anyhow!("{source}: line {line}, field `tags`: {e}"))?,
                    )
                }
                JsonField::Text(t) => values[c] = Some(t),
                JsonField::Tags(t) if c == col::TAGS => tags = Some(t),
                JsonField::Tags(_) => {
                    bail!("{source}: line {line}, field `{name}`: expected a value, not an object")
                }
            }
        }
        let get = |c: usize| -> Option<&str> {
            let v = values[c].as_deref()?;
            let v = if c == col::NOTE { v } else { v.trim() };
            (!v.is_empty()).then_some(v)
        };
        let locate = |c: usize| format!("{source}: line {line}, field `{}`", COLUMNS[c]);
        let tags = tags.map(|t| {
            t.into_iter()
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                .collect()
        });
        let row = build_row(&get, tags, line, opts, &locate)?;
        sink.add(row)?;
        tick(sink.summary.rows, bytes.get(), false);
        Ok(())
    };
    let mut failure = None;
    let mut de = serde_json::Deserializer::from_reader(reader);
    let walked = (&mut de).deserialize_seq(Rows {
        on_row: &mut on_row,
        failure: &mut failure,
    });
    if let Some(e) = failure {
        return Err(e);
    }
    walked.map_err(|e| anyhow!("{source}: {e}"))?;
    de.end().map_err(|e| anyhow!("{source}: {e}"))?;
    tick(sink.summary.rows, bytes.get(), true);
    Ok(())
}

#[cfg(test)]
mod tests;
