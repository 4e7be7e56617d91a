//! The file formats of `export` and `import`: CSV (entries only) and JSON (the whole state),
//! read one row at a time and written one entry at a time, so a million-row file is never
//! held in memory. This module knows files, not the database: `crate::ops::exchange` runs
//! the workflows and `credits_store::Batch` inserts.
//!
//! Both formats use the same entry columns, in this order ([`COLUMNS`]):
//! `at, platform, model, duration, resolution, audio, refs, mode, chars, count, credits, cost,
//! currency, pricing, project, tags, note, status, kept, dedup_key, refunded_at, upscale,
//! price_source, priced_with_as_of, priced_with_sha256, logged_by, machine`. `at` is RFC 3339 in the user's offset at log time, `refunded_at` RFC 3339
//! UTC; decimals are written as text (strings in JSON) so nothing passes through a binary
//! float; `tags` is `k=v;k2=v2` in CSV and an object in JSON; booleans are `true`/`false`; an
//! empty cell (or JSON `null`) is "not given". `priced_with_as_of` (`YYYY-MM-DD`) and
//! `priced_with_sha256` are the table that priced the entry, given together or not at all;
//! like every column added after the first release they never enter a dedup key.
//! `logged_by` and `machine` (schema 10) are who logged the entry and where; a file without
//! them (older exports, a CSV filled in by hand) imports them as unknown (NULL), not as the
//! importer: a file moves records made elsewhere, and saying the importer made them would be
//! wrong. They are not compared either: the same entry imported again with or without them
//! is already present.
//!
//! Import reads an export, or a minimal CSV filled in by hand: any subset of the columns with
//! `platform` and `model` required, in any order, header names case-insensitive. An unknown
//! column is an error naming it. Missing values default to: `at` the time of the import (in
//! the caller's offset; a date or a time without offset is read in that offset too, see
//! `credits_core::dates::parse_import_time`), `count` 1, `status` ok, `kept` true.
//!
//! A JSON export is an object carrying the whole state (see [`json`]); a bare array of
//! entries (the older JSON form) still imports.

pub mod csv;
pub mod json;

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Read};
use std::path::Path;
use std::str::FromStr;

use anyhow::{anyhow, bail, Result};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, SecondsFormat, Timelike, Utc};
use rust_decimal::Decimal;
use serde::Serialize;
use sha2::{Digest, Sha256};

use credits_core::records::{
    Account, AccountChange, Adjustment, BalanceCheck, Budget, Entry, Money, NewEntry, PriceSource,
    Request, Status, TableStamp, Topup, Who,
};
use credits_store::{check_tags, to_micro, to_milli, Billed, BilledLine};

/// File formats of `export` and `import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Entries only.
    Csv,
    /// The whole state: accounts, plan history, top-ups, adjustments, budgets and entries.
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

/// The entry columns of an export, in order; import accepts any subset with platform and
/// model. New columns go at the end, so files and scripts that index columns keep working.
pub const COLUMNS: [&str; 27] = [
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
    "refunded_at",
    "upscale",
    "price_source",
    "priced_with_as_of",
    "priced_with_sha256",
    "logged_by",
    "machine",
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
    pub const REFUNDED_AT: usize = 20;
    pub const UPSCALE: usize = 21;
    pub const PRICE_SOURCE: usize = 22;
    pub const PRICED_WITH_AS_OF: usize = 23;
    pub const PRICED_WITH_SHA256: usize = 24;
    pub const LOGGED_BY: usize = 25;
    pub const MACHINE: usize = 26;
}

// ----------------------------------------------------------------------------------------------
// Rows read

/// One entry of an import file as read: the entry, with the platform and model as typed
/// (canonical names are the caller's job) and defaults where the file gave nothing, plus
/// which of those defaults stand for a value the file left out.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRow {
    /// Line in the file (for CSV, where the record starts; for JSON, where the object ends).
    pub line: u64,
    pub entry: NewEntry,
    pub omitted: Omitted,
    /// The columns whose value had spaces around it, taken off (said by `import`).
    pub trimmed: Vec<usize>,
}

/// Which fields of an [`ImportRow`]'s entry the file left out (the entry holds a default):
/// the dedup key of a row without one depends on it, and a row without `pricing` is priced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Omitted {
    /// `at` is the import time.
    pub at: bool,
    pub audio: bool,
    pub refs: bool,
    /// `credits` is 0: the caller prices the row.
    pub credits: bool,
    /// `pricing` is empty: not a snapshot, the caller prices the row.
    pub pricing: bool,
}

impl ImportRow {
    /// Whether the row is a snapshot (an export): it carries `pricing` and is stored as it is.
    pub fn is_snapshot(&self) -> bool {
        !self.omitted.pricing
    }

    /// The credits the file gave, if any.
    pub fn credits(&self) -> Option<Decimal> {
        (!self.omitted.credits).then_some(self.entry.credits)
    }

    /// SHA-256 over the fields of the row as read, each length-prefixed so no two rows
    /// collide by shifting text between fields. Stable across versions and platforms (not
    /// std's hasher): it makes the dedup key of a row without one, and a changed key would
    /// re-add old imports. So the fields, their order and their encoding never change; the
    /// columns added later (`refunded_at`, `upscale`, `price_source`) are hashed after the
    /// others and only when given, which leaves the key of every older file as it was.
    pub fn fingerprint(&self) -> [u8; 32] {
        let e = &self.entry;
        let r = &e.request;
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
        let num = |n: Option<u64>| n.map(|n| n.to_string());
        let o = &self.omitted;
        put((!o.at)
            .then(|| e.at.to_rfc3339_opts(SecondsFormat::Secs, true))
            .as_deref());
        put(Some(&e.platform));
        put(Some(&e.model));
        put(dec(r.duration).as_deref());
        put(r.resolution.as_deref());
        put((!o.audio).then_some(if r.audio { "1" } else { "0" }));
        put(num((!o.refs).then_some(u64::from(r.refs))).as_deref());
        put(r.mode.as_deref());
        put(num(r.chars).as_deref());
        put(Some(&r.count.to_string()));
        put(dec(self.credits()).as_deref());
        put(dec(e.cost.as_ref().map(|c| c.amount)).as_deref());
        put(e.cost.as_ref().map(|c| c.currency.as_str()));
        put((!o.pricing).then_some(e.pricing.as_str()));
        put(e.project.as_deref());
        put(Some(&e.tags.len().to_string()));
        for (k, v) in &e.tags {
            put(Some(k));
            put(Some(v));
        }
        put(e.note.as_deref());
        put(Some(e.status.as_str()));
        put(Some(if e.kept { "1" } else { "0" }));
        if e.refunded_at.is_some() || r.upscale || e.price_source.is_some() {
            put(Some("+"));
            put(e
                .refunded_at
                .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
                .as_deref());
            put(Some(if r.upscale { "1" } else { "0" }));
            put(e.price_source.map(PriceSource::as_str));
        }
        h.finalize().into()
    }

    /// The stable dedup key of a row without one: `import:<UTC time>:<hash>` (or
    /// `import:<hash>` without a time), the hash over [`ImportRow::fingerprint`] and how many
    /// identical rows came before it in the same file (`occurrence`), so a file imported
    /// twice adds nothing while two genuinely identical rows in one file both count.
    pub fn derived_key(&self, print: &[u8; 32], occurrence: u32) -> String {
        let mut h = Sha256::new();
        h.update(print);
        h.update(occurrence.to_le_bytes());
        let hash: String = h.finalize()[..12]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        // Led by the time, so a chronological file appends to the dedup index instead of
        // writing all over it (a random key per row made a million-row import several times
        // slower).
        if self.omitted.at {
            return format!("import:{hash}");
        }
        let t = self.entry.at.naive_utc();
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
}

/// How to read an import file.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The file name, for error messages.
    pub source: String,
    /// Offset for times given without one, and for rows with no time.
    pub default_offset: FixedOffset,
    /// The time given to rows with no `at`.
    pub now: DateTime<Utc>,
}

impl ReadOptions {
    /// Options for a file named `source`, read at `now` (from `crate::clock`, the one place
    /// that reads the clock) in `now`'s offset.
    pub fn new(source: impl Into<String>, now: DateTime<FixedOffset>) -> ReadOptions {
        ReadOptions {
            source: source.into(),
            default_offset: *now.offset(),
            now: now.with_timezone(&Utc),
        }
    }
}

/// The records besides entries that a JSON export carries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// The current plan on each platform.
    pub accounts: Vec<Account>,
    /// Plan history.
    pub account_changes: Vec<AccountChange>,
    pub topups: Vec<Topup>,
    pub adjustments: Vec<Adjustment>,
    pub budgets: Vec<Budget>,
    /// Balance checks (`balance PLATFORM --expect N`, schema 13): facts, so a copy keeps them.
    pub balance_checks: Vec<BalanceCheck>,
    /// What the platforms billed per generation (schema 12), each with the dedup key of its
    /// entry: the import links it to the entry under that key in the target log (ids differ
    /// between logs). `entry_id` is not read from a file.
    pub billed: Vec<(Billed, Option<String>)>,
    /// What the platforms billed per model and day (schema 12).
    pub billed_lines: Vec<BilledLine>,
}

/// What reading a file yields, in file order.
// One item lives at a time; boxing each row of a million-row file would only add allocations.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Item {
    /// One section of the state (a JSON export); only its own list is filled.
    State(State),
    Entry(ImportRow),
}

/// Reads `input` and calls `on` for each item, one at a time; stops at the first error, which
/// names the file and line.
pub fn read(
    input: impl Read,
    format: Format,
    opts: &ReadOptions,
    on: &mut dyn FnMut(Item) -> Result<()>,
) -> Result<()> {
    match format {
        Format::Csv => csv::read(input, opts, on),
        Format::Json => json::read(input, opts, on),
    }
}

// ----------------------------------------------------------------------------------------------
// Reading fields, shared by both formats

/// Where a field sits, for error messages.
type Locate<'a> = &'a dyn Fn(usize) -> String;

fn field_error(locate: Locate<'_>, column: usize, msg: impl fmt::Display) -> anyhow::Error {
    anyhow!("{}: {msg}", locate(column))
}

/// Whether a value as written has spaces around it that reading takes off. Only a value with
/// something left counts (a blank cell is empty either way); notes keep their spaces.
fn is_padded(column: usize, raw: &str) -> bool {
    column != col::NOTE && !raw.trim().is_empty() && raw.trim().len() != raw.len()
}

/// Builds an `ImportRow` from the fields of one record. `get` returns a trimmed, non-empty
/// value; `tags` is set when the source already split them (a JSON object).
fn build_row<'v>(
    get: &dyn Fn(usize) -> Option<&'v str>,
    tags: Option<Vec<(String, String)>>,
    line: u64,
    opts: &ReadOptions,
    locate: Locate<'_>,
) -> Result<ImportRow> {
    let text = |c: usize| get(c).map(str::to_string);
    let required = |c: usize| {
        text(c).ok_or_else(|| field_error(locate, c, format!("{} is required", COLUMNS[c])))
    };
    let decimal = |c: usize, what: &str, places: u32| -> Result<Option<Decimal>> {
        let Some(s) = get(c) else { return Ok(None) };
        let d = Decimal::from_str(s).map_err(|_| {
            let why = if credits_core::dates::too_many_digits(s) {
                "is too large (numbers have at most 28 digits)".to_string()
            } else {
                format!("is not a {what}")
            };
            field_error(locate, c, format!("`{s}` {why}"))
        })?;
        // Check storage exactness here, where the column is known: the store would refuse
        // the value later, without it.
        let check = if places == 3 {
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
        .map(|s| {
            credits_core::dates::parse_import_time(s, opts.default_offset)
                .map_err(|e| field_error(locate, col::AT, e))
        })
        .transpose()?;
    let count = number(col::COUNT)?.unwrap_or(1);
    if count == 0 {
        return Err(field_error(locate, col::COUNT, "count must be at least 1"));
    }
    let cost = match decimal(col::COST, "money amount", 6)? {
        None => None,
        Some(amount) => Some(Money {
            amount,
            currency: text(col::CURRENCY)
                .ok_or_else(|| field_error(locate, col::COST, "a cost needs a currency column"))
                .and_then(|c| {
                    credits_core::money::check_currency(&c)
                        .map(|()| c)
                        .map_err(|e| field_error(locate, col::CURRENCY, e))
                })?,
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
    let refunded_at = get(col::REFUNDED_AT)
        .map(|s| {
            DateTime::parse_from_rfc3339(s)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| {
                    field_error(
                        locate,
                        col::REFUNDED_AT,
                        format!("`{s}` is not an RFC 3339 time"),
                    )
                })
        })
        .transpose()?;
    // As `refund --at`: credits cannot come back before the generation ran.
    if let (Some(back), Some(ran)) = (refunded_at, at) {
        if back < ran.with_timezone(&Utc) {
            return Err(field_error(
                locate,
                col::REFUNDED_AT,
                format!("a refund at {back} comes before the generation ran ({ran})"),
            ));
        }
    }
    if refunded_at.is_some() && status != Status::Refunded {
        return Err(field_error(
            locate,
            col::REFUNDED_AT,
            "only a refunded entry has a refund time",
        ));
    }
    let price_source = get(col::PRICE_SOURCE)
        .map(|s| {
            s.parse::<PriceSource>()
                .map_err(|e| field_error(locate, col::PRICE_SOURCE, e))
        })
        .transpose()?;
    let table = match (get(col::PRICED_WITH_AS_OF), get(col::PRICED_WITH_SHA256)) {
        (None, None) => None,
        (Some(as_of), Some(sha256)) => Some(TableStamp {
            // The row's platform as typed: the caller makes it canonical with the entry's.
            platform: get(col::PLATFORM).unwrap_or_default().to_string(),
            as_of: NaiveDate::parse_from_str(as_of, "%Y-%m-%d").map_err(|_| {
                field_error(
                    locate,
                    col::PRICED_WITH_AS_OF,
                    format!("`{as_of}` is not a YYYY-MM-DD date"),
                )
            })?,
            sha256: parse_sha256(sha256).ok_or_else(|| {
                field_error(
                    locate,
                    col::PRICED_WITH_SHA256,
                    format!("`{sha256}` is not a SHA-256 (64 hex digits)"),
                )
            })?,
        }),
        (Some(_), None) => {
            return Err(field_error(
                locate,
                col::PRICED_WITH_AS_OF,
                "priced_with_as_of needs priced_with_sha256",
            ))
        }
        (None, Some(_)) => {
            return Err(field_error(
                locate,
                col::PRICED_WITH_SHA256,
                "priced_with_sha256 needs priced_with_as_of",
            ))
        }
    };
    let audio = boolean(col::AUDIO)?;
    let refs = number(col::REFS)?;
    let credits = decimal(col::CREDITS, "number of credits", 3)?;
    let pricing = text(col::PRICING);
    if pricing.is_some() && credits.is_none() {
        return Err(field_error(
            locate,
            col::CREDITS,
            "a row with `pricing` needs `credits`",
        ));
    }
    let entry = NewEntry {
        at: at.unwrap_or_else(|| opts.now.with_timezone(&opts.default_offset)),
        platform: required(col::PLATFORM)?,
        model: required(col::MODEL)?,
        request: Request {
            duration: decimal(col::DURATION, "number of seconds", 3)?,
            resolution: text(col::RESOLUTION),
            audio: audio.unwrap_or(false),
            refs: refs.unwrap_or(0),
            mode: text(col::MODE),
            chars: number(col::CHARS)?.map(u64::from),
            count,
            upscale: boolean(col::UPSCALE)?.unwrap_or(false),
            pinned_credits: None,
            // The row's `at` says when it ran; pricing takes the day from it.
            on: None,
        },
        credits: credits.unwrap_or_default(),
        cost,
        pricing: pricing.clone().unwrap_or_default(),
        price_source,
        table,
        project: text(col::PROJECT),
        tags,
        note: text(col::NOTE),
        status,
        refunded_at,
        kept: boolean(col::KEPT)?.unwrap_or(true),
        dedup_key: text(col::DEDUP_KEY),
        who: Who {
            logged_by: text(col::LOGGED_BY),
            machine: text(col::MACHINE),
        },
    };
    Ok(ImportRow {
        line,
        entry,
        omitted: Omitted {
            at: at.is_none(),
            audio: audio.is_none(),
            refs: refs.is_none(),
            credits: credits.is_none(),
            pricing: pricing.is_none(),
        },
        trimmed: Vec::new(),
    })
}

/// A SHA-256 in hex, as stored: 64 digits, lowercase.
fn parse_sha256(s: &str) -> Option<String> {
    (s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())).then(|| s.to_ascii_lowercase())
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

// ----------------------------------------------------------------------------------------------
// Writing entries

/// An exported entry: the [`COLUMNS`] in order, decimals as strings. `T` is the tags: text
/// `k=v;k2=v2` in CSV, an object in JSON.
#[derive(Serialize)]
struct ExportRow<'a, T> {
    at: String,
    platform: Cow<'a, str>,
    model: Cow<'a, str>,
    duration: Option<String>,
    resolution: Option<Cow<'a, str>>,
    audio: bool,
    refs: u32,
    mode: Option<Cow<'a, str>>,
    chars: Option<u64>,
    count: u32,
    credits: String,
    cost: Option<String>,
    currency: Option<Cow<'a, str>>,
    pricing: Cow<'a, str>,
    project: Option<Cow<'a, str>>,
    tags: T,
    note: Option<Cow<'a, str>>,
    status: &'a str,
    kept: bool,
    dedup_key: Cow<'a, str>,
    refunded_at: Option<String>,
    upscale: bool,
    price_source: Option<&'a str>,
    priced_with_as_of: Option<String>,
    priced_with_sha256: Option<&'a str>,
    logged_by: Option<Cow<'a, str>>,
    machine: Option<Cow<'a, str>>,
}

impl<'a, T> ExportRow<'a, T> {
    fn new(e: &'a Entry, tags: T) -> ExportRow<'a, T> {
        let r = &e.request;
        ExportRow {
            at: e.at.to_rfc3339_opts(SecondsFormat::Secs, true),
            platform: Cow::Borrowed(&e.platform),
            model: Cow::Borrowed(&e.model),
            duration: r.duration.map(|d| d.to_string()),
            resolution: r.resolution.as_deref().map(Cow::Borrowed),
            audio: r.audio,
            refs: r.refs,
            mode: r.mode.as_deref().map(Cow::Borrowed),
            chars: r.chars,
            count: r.count,
            credits: e.credits.to_string(),
            cost: e.cost.as_ref().map(|c| c.amount.to_string()),
            currency: e.cost.as_ref().map(|c| Cow::Borrowed(c.currency.as_str())),
            pricing: Cow::Borrowed(&e.pricing),
            project: e.project.as_deref().map(Cow::Borrowed),
            tags,
            note: e.note.as_deref().map(Cow::Borrowed),
            status: e.status.as_str(),
            kept: e.kept,
            dedup_key: Cow::Borrowed(e.dedup_key.as_deref().unwrap_or_default()),
            refunded_at: e
                .refunded_at
                .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
            upscale: r.upscale,
            price_source: e.price_source.map(PriceSource::as_str),
            priced_with_as_of: e.table.as_ref().map(|t| t.as_of.to_string()),
            priced_with_sha256: e.table.as_ref().map(|t| t.sha256.as_str()),
            logged_by: e.who.logged_by.as_deref().map(Cow::Borrowed),
            machine: e.who.machine.as_deref().map(Cow::Borrowed),
        }
    }
}

impl ExportRow<'_, String> {
    /// The row with every text cell a spreadsheet would run as a formula neutralised
    /// ([`formula::neutralise`]): for CSV, which spreadsheets open; JSON keeps the text.
    fn neutralised(self) -> Self {
        use formula::neutralise as n;
        fn opt(v: Option<Cow<'_, str>>) -> Option<Cow<'_, str>> {
            v.map(formula::neutralise)
        }
        ExportRow {
            platform: n(self.platform),
            model: n(self.model),
            resolution: opt(self.resolution),
            mode: opt(self.mode),
            currency: opt(self.currency),
            pricing: n(self.pricing),
            project: opt(self.project),
            tags: n(Cow::Owned(self.tags)).into_owned(),
            note: opt(self.note),
            dedup_key: n(self.dedup_key),
            logged_by: opt(self.logged_by),
            machine: opt(self.machine),
            ..self
        }
    }
}

/// Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return is run as a formula by Excel, LibreOffice and
/// Sheets. Text cells written to CSV get a leading `'` (shown as text, not run); import
/// takes it off again, so an export and import round trip is exact. A value that already
/// starts with quotes before such a character gets one more, so it too comes back whole.
pub mod formula {
    use std::borrow::Cow;

    const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

    fn runs_as_formula(text: &str) -> bool {
        text.trim_start_matches('\'')
            .starts_with(|c: char| TRIGGERS.contains(&c))
    }

    /// `=SUM(A1)` → `'=SUM(A1)`; text that would not run is unchanged.
    pub fn neutralise(text: Cow<'_, str>) -> Cow<'_, str> {
        if runs_as_formula(&text) {
            Cow::Owned(format!("'{text}"))
        } else {
            text
        }
    }

    /// Undoes [`neutralise`] on a cell read from CSV.
    pub fn restore(text: &str) -> &str {
        match text.strip_prefix('\'') {
            Some(rest) if runs_as_formula(rest) => rest,
            _ => text,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn formulas_are_neutralised_and_restored_exactly() {
            for text in [
                "=SUM(A1:A9)",
                "+1",
                "-2",
                "@cmd",
                "\tx",
                "\rx",
                "'=x",
                "''@y",
                "plain",
                "'quoted",
                "",
                "a=b",
            ] {
                let out = neutralise(Cow::Borrowed(text));
                assert!(!out.starts_with(TRIGGERS), "{text:?} → {out:?}");
                assert_eq!(restore(&out), text, "{text:?} round trip");
            }
            assert_eq!(neutralise(Cow::Borrowed("plain")), "plain");
        }
    }
}

/// Writes entries one at a time in a format; [`Writer::finish`] closes the file.
// One writer per export: its size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Writer<W: io::Write> {
    Csv(csv::Writer<W>),
    Json(json::Writer<W>),
}

impl<W: io::Write> Writer<W> {
    /// Starts a file: the CSV header, or the JSON object with `state` before the entries.
    pub fn begin(format: Format, out: W, state: &State) -> Result<Writer<W>> {
        Ok(match format {
            Format::Csv => Writer::Csv(csv::Writer::begin(out)?),
            Format::Json => Writer::Json(json::Writer::begin(out, state)?),
        })
    }

    pub fn entry(&mut self, e: &Entry) -> Result<()> {
        match self {
            Writer::Csv(w) => w.entry(e),
            Writer::Json(w) => w.entry(e),
        }
    }

    /// Ends the file; returns how many entries it holds.
    pub fn finish(self) -> Result<u64> {
        match self {
            Writer::Csv(w) => w.finish(),
            Writer::Json(w) => w.finish(),
        }
    }
}

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;
