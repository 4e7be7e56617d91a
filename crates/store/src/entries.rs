//! Writing and reading entries: `insert_entry`, `get`, `set_status`, `edit`, `reprice`,
//! `remove` and the filtered, newest-first `entries`.
//!
//! `encode` is the single gate every row passes on its way in (from `log` or `import`), so the
//! same validation and the same storage units apply to both. Rows are read by column name
//! (`EntryColumns`, resolved once per statement).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::db::{params, Db, Row, ToValue, Value};
use anyhow::{anyhow, bail, Context, Result};
use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, SubsecRound, Timelike, Utc,
};

use super::units::{from_micro, from_milli, to_micro, to_milli};
use super::Store;
use credits_core::records::{
    Entry, EntryEdit, Filter, Money, NewEntry, PriceSource, Request, Status, TableStamp, Who,
};

/// The one text form of `entry.at`: UTC, whole seconds, so text order is time order.
pub(crate) const AT_FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// The columns `bind_entry` fills, in order.
pub(crate) const ENTRY_COLUMNS: &str = "at, utc_offset_min, platform, model, duration_ms, \
    resolution, audio, refs, mode, chars, count, upscale, credits_milli, cost_micro, currency, \
    pricing, price_source, project, note, status, refunded_at, kept, dedup_key, price_table, \
    logged_by, machine";

/// How many parameters `bind_entry` binds.
pub(crate) const ENTRY_PARAMS: usize = 26;

const INSERT_TAG: &str = "INSERT INTO entry_tag (entry_id, key, value) VALUES (?1, ?2, ?3)";

/// The columns of an `Entry`, read by name (`EntryColumns`). Tags come as one JSON array of
/// `[key, value]` pairs so a page of entries is one query, whatever the tags contain; the
/// price table is joined by its integer id (schema 4).
const SELECT_ENTRY: &str = "SELECT e.id, e.at, e.utc_offset_min, e.platform, e.model, \
    e.duration_ms, e.resolution, e.audio, e.refs, e.mode, e.chars, e.count, e.upscale, \
    e.credits_milli, e.cost_micro, e.currency, e.pricing, e.price_source, e.project, e.note, \
    e.status, \
    e.refunded_at, e.kept, e.dedup_key, e.logged_by, e.machine, \
    pt.as_of AS table_as_of, pt.sha256 AS table_sha256, \
    (SELECT json_group_array(json_array(t.key, t.value)) FROM (SELECT key, value FROM entry_tag \
     WHERE entry_id = e.id ORDER BY key) t) AS tags \
    FROM entry e LEFT JOIN price_table pt ON pt.id = e.price_table";

/// Finds the `price_table` row of a stamp, adding it the first time (schema 4).
const INSERT_PRICE_TABLE: &str = "INSERT INTO price_table (platform, as_of, sha256) \
    VALUES (?1, ?2, ?3) ON CONFLICT (platform, sha256) DO NOTHING";
const SELECT_PRICE_TABLE: &str = "SELECT id FROM price_table WHERE platform = ?1 AND sha256 = ?2";

/// Bounds of the schema's CHECK constraints: far beyond real use, small enough that
/// `duration × count` summed over millions of entries stays exact in 64 bits.
const MAX_COUNT: u32 = 1_000_000;
const MAX_DURATION_MS: i64 = 1_000_000_000_000;

/// A `NewEntry` checked and converted to storage units.
pub(crate) struct Encoded {
    pub at: String,
    pub offset_min: i32,
    pub duration_ms: Option<i64>,
    pub refunded_at: Option<String>,
    pub credits_milli: i64,
    pub cost_micro: Option<i64>,
}

/// Validates an entry and converts it to storage units. Errors name the offending value.
pub(crate) fn encode(e: &NewEntry) -> Result<Encoded> {
    if e.platform.trim().is_empty() {
        bail!("the platform is empty");
    }
    if e.model.trim().is_empty() {
        bail!("the model is empty");
    }
    if e.pricing.trim().is_empty() {
        bail!("the pricing description is empty");
    }
    // The CHECK constraints again, as errors that name the value (`import` inserts in
    // batches and could not otherwise say which row broke one).
    if !(1..=MAX_COUNT).contains(&e.request.count) {
        bail!("count {} is not between 1 and {MAX_COUNT}", e.request.count);
    }
    if e.request.chars.is_some_and(|c| i64::try_from(c).is_err()) {
        bail!(
            "{} characters is too many",
            e.request.chars.unwrap_or_default()
        );
    }
    if e.refunded_at.is_some() && e.status != Status::Refunded {
        bail!("only a refunded entry has a refund time");
    }
    if let Some(key) = &e.dedup_key {
        if key.is_empty() {
            bail!("the dedup key is empty");
        }
    }
    if let Some(cost) = &e.cost {
        if cost.currency.trim().is_empty() {
            bail!("the cost {} has no currency", cost.amount);
        }
    }
    check_tags(&e.tags)?;
    check_who(&e.who)?;
    if let Some(t) = &e.table {
        check_stamp(t)?;
        if t.platform != e.platform {
            bail!(
                "the entry is on {} but its price table is {}'s",
                e.platform,
                t.platform
            );
        }
    }
    let (at, offset_min) = encode_at(&e.at)?;
    let duration_ms = e
        .request
        .duration
        .map(|d| to_milli(d, "duration"))
        .transpose()?;
    if duration_ms.is_some_and(|ms| ms > MAX_DURATION_MS) {
        bail!(
            "duration {} is longer than {} seconds",
            e.request.duration.unwrap_or_default(),
            MAX_DURATION_MS / 1000
        );
    }
    Ok(Encoded {
        at,
        offset_min,
        duration_ms,
        refunded_at: e.refunded_at.map(|t| format_at(&t.trunc_subsecs(0))),
        credits_milli: to_milli(e.credits, "credits")?,
        cost_micro: e
            .cost
            .as_ref()
            .map(|c| to_micro(c.amount, "cost"))
            .transpose()?,
    })
}

/// A user or machine name is unknown (`None`) or some text: never empty, which the schema
/// refuses.
pub(crate) fn check_who(who: &Who) -> Result<()> {
    if who
        .logged_by
        .as_deref()
        .is_some_and(|u| u.trim().is_empty())
    {
        bail!("the user (logged_by) is empty");
    }
    if who.machine.as_deref().is_some_and(|m| m.trim().is_empty()) {
        bail!("the machine is empty");
    }
    Ok(())
}

/// A table stamp as the schema stores it: a platform, and a hash of 64 lowercase hex digits.
pub(crate) fn check_stamp(t: &TableStamp) -> Result<()> {
    if t.platform.trim().is_empty() {
        bail!("the price table has no platform");
    }
    if t.sha256.len() != 64
        || !t
            .sha256
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    {
        bail!("`{}` is not a SHA-256 (64 lowercase hex digits)", t.sha256);
    }
    Ok(())
}

/// The id of a stamp's `price_table` row, inside the caller's transaction: found, or added
/// the first time. One table per (platform, hash); its date is the one first recorded.
pub(crate) fn price_table_id(conn: &Db, t: &TableStamp) -> Result<i64> {
    check_stamp(t)?;
    let as_of = t.as_of.format("%Y-%m-%d").to_string();
    // Looked up before it is added: on PostgreSQL an insert that meets the existing row
    // still takes a number from the id sequence, and the ids would drift from SQLite's.
    if let Some(id) = conn.query_opt(SELECT_PRICE_TABLE, params![t.platform, t.sha256], |r| {
        r.get(0)
    })? {
        return Ok(id);
    }
    conn.execute(INSERT_PRICE_TABLE, params![t.platform, as_of, t.sha256])?;
    conn.query_row(SELECT_PRICE_TABLE, params![t.platform, t.sha256], |r| {
        r.get(0)
    })
}

/// Tags must survive the CSV form `k=v;k2=v2`, so keys hold neither `=` nor `;` and values no
/// `;`. A key given twice is a mistake, not a silent overwrite.
pub fn check_tags(tags: &[(String, String)]) -> Result<()> {
    for (i, (key, value)) in tags.iter().enumerate() {
        check_tag(key, value)?;
        if tags[..i].iter().any(|(k, _)| k == key) {
            bail!("the tag `{key}` is given twice");
        }
    }
    Ok(())
}

fn check_tag(key: &str, value: &str) -> Result<()> {
    if key.is_empty() {
        bail!("a tag has an empty key");
    }
    if key.contains(['=', ';']) {
        bail!("the tag key `{key}` contains `=` or `;`");
    }
    if value.contains(';') {
        bail!("the value of tag `{key}` contains `;`");
    }
    Ok(())
}

/// UTC text and offset minutes for a local time. Sub-second parts are dropped: the log keeps
/// whole seconds.
pub(crate) fn encode_at(at: &DateTime<FixedOffset>) -> Result<(String, i32)> {
    let offset = at.offset().local_minus_utc();
    if offset % 60 != 0 {
        bail!("the UTC offset of {at} is not a whole number of minutes");
    }
    let utc = at.with_timezone(&Utc);
    if !(0..=9999).contains(&utc.year()) {
        bail!("the time {at} is out of range");
    }
    Ok((format_at(&utc), offset / 60))
}

/// `AT_FORMAT` by hand: chrono's formatter parses its pattern on every call, which showed in
/// the profile of a million-row import.
pub(crate) fn format_at(t: &DateTime<Utc>) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// A bound for `at` comparisons: entries sit on whole seconds, so `at >= t` and `at < t` both
/// mean `at >= ceil(t)` and `at < ceil(t)`.
pub(crate) fn encode_bound(t: &DateTime<Utc>) -> String {
    let whole = t.trunc_subsecs(0);
    let ceil = if whole < *t {
        whole + chrono::Duration::seconds(1)
    } else {
        whole
    };
    format_at(&ceil)
}

fn decode_at(text: &str, offset_min: i32) -> Result<DateTime<FixedOffset>> {
    let utc = NaiveDateTime::parse_from_str(text, AT_FORMAT)
        .with_context(|| format!("bad time `{text}` in the database"))?
        .and_utc();
    let offset = FixedOffset::east_opt(offset_min * 60)
        .ok_or_else(|| anyhow!("bad UTC offset {offset_min} in the database"))?;
    Ok(utc.with_timezone(&offset))
}

/// A dedup key for an entry logged by hand: unique across processes (time in nanoseconds,
/// process id and a per-process counter), no randomness needed.
fn fresh_dedup_key() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("log:{nanos:x}-{:x}-{n:x}", std::process::id())
}

/// One entry's `ENTRY_COLUMNS` values, in order, borrowed from the entry: a multi-row
/// `INSERT` binds many entries without copying their text (a million-row import). What is
/// derived (currency, chars, names of enums) is held here.
pub(crate) struct EntryRow<'e> {
    e: &'e NewEntry,
    enc: &'e Encoded,
    dedup_key: &'e str,
    price_table: Option<i64>,
    currency: Option<&'e str>,
    chars: Option<i64>,
    price_source: Option<&'static str>,
    status: &'static str,
}

impl<'e> EntryRow<'e> {
    /// `price_table` is the id of the entry's table stamp ([`price_table_id`]).
    pub(crate) fn new(
        e: &'e NewEntry,
        enc: &'e Encoded,
        dedup_key: &'e str,
        price_table: Option<i64>,
    ) -> EntryRow<'e> {
        EntryRow {
            e,
            enc,
            dedup_key,
            price_table,
            currency: e.cost.as_ref().map(|c| c.currency.as_str()),
            // `encode` checked that `chars` fits.
            chars: e.request.chars.and_then(|c| i64::try_from(c).ok()),
            price_source: e.price_source.map(PriceSource::as_str),
            status: e.status.as_str(),
        }
    }

    pub(crate) fn values(&self) -> [&dyn ToValue; ENTRY_PARAMS] {
        let (e, enc, r) = (self.e, self.enc, &self.e.request);
        [
            &enc.at,
            &enc.offset_min,
            &e.platform,
            &e.model,
            &enc.duration_ms,
            &r.resolution,
            &r.audio,
            &r.refs,
            &r.mode,
            &self.chars,
            &r.count,
            &r.upscale,
            &enc.credits_milli,
            &enc.cost_micro,
            &self.currency,
            &e.pricing,
            &self.price_source,
            &e.project,
            &e.note,
            &self.status,
            &enc.refunded_at,
            &e.kept,
            &self.dedup_key,
            &self.price_table,
            &e.who.logged_by,
            &e.who.machine,
        ]
    }
}

/// The `ENTRY_COLUMNS` values of one entry, owned, appended to `out` in order (COPY, and the
/// single-row insert).
pub(crate) fn entry_values(
    out: &mut Vec<Value>,
    e: &NewEntry,
    enc: &Encoded,
    dedup_key: &str,
    price_table: Option<i64>,
) {
    let row = EntryRow::new(e, enc, dedup_key, price_table);
    out.extend(row.values().iter().map(|v| v.to_value()));
}

/// Where each column of `SELECT_ENTRY` sits, looked up by name once per statement.
pub(crate) struct EntryColumns {
    id: usize,
    at: usize,
    offset: usize,
    platform: usize,
    model: usize,
    duration: usize,
    resolution: usize,
    audio: usize,
    refs: usize,
    mode: usize,
    chars: usize,
    count: usize,
    upscale: usize,
    credits: usize,
    cost: usize,
    currency: usize,
    pricing: usize,
    price_source: usize,
    project: usize,
    note: usize,
    status: usize,
    refunded_at: usize,
    kept: usize,
    dedup_key: usize,
    logged_by: usize,
    machine: usize,
    table_as_of: usize,
    table_sha256: usize,
    tags: usize,
}

impl EntryColumns {
    pub fn of(row: &Row<'_>) -> Result<EntryColumns> {
        let c = |name: &str| row.column_index(name);
        Ok(EntryColumns {
            id: c("id")?,
            at: c("at")?,
            offset: c("utc_offset_min")?,
            platform: c("platform")?,
            model: c("model")?,
            duration: c("duration_ms")?,
            resolution: c("resolution")?,
            audio: c("audio")?,
            refs: c("refs")?,
            mode: c("mode")?,
            chars: c("chars")?,
            count: c("count")?,
            upscale: c("upscale")?,
            credits: c("credits_milli")?,
            cost: c("cost_micro")?,
            currency: c("currency")?,
            pricing: c("pricing")?,
            price_source: c("price_source")?,
            project: c("project")?,
            note: c("note")?,
            status: c("status")?,
            refunded_at: c("refunded_at")?,
            kept: c("kept")?,
            dedup_key: c("dedup_key")?,
            logged_by: c("logged_by")?,
            machine: c("machine")?,
            table_as_of: c("table_as_of")?,
            table_sha256: c("table_sha256")?,
            tags: c("tags")?,
        })
    }

    fn read(&self, row: &Row<'_>) -> Result<Entry> {
        let at: String = row.get(self.at)?;
        let cost_micro: Option<i64> = row.get(self.cost)?;
        let currency: Option<String> = row.get(self.currency)?;
        let status: String = row.get(self.status)?;
        let refunded_at: Option<String> = row.get(self.refunded_at)?;
        let tags: String = row.get(self.tags)?;
        let chars: Option<i64> = row.get(self.chars)?;
        let price_source: Option<String> = row.get(self.price_source)?;
        let platform: String = row.get(self.platform)?;
        let table_as_of: Option<String> = row.get(self.table_as_of)?;
        let table = match (table_as_of, row.get::<Option<String>>(self.table_sha256)?) {
            (Some(as_of), Some(sha256)) => Some(TableStamp {
                platform: platform.clone(),
                as_of: NaiveDate::parse_from_str(&as_of, "%Y-%m-%d")
                    .with_context(|| format!("bad table date `{as_of}` in the database"))?,
                sha256,
            }),
            _ => None,
        };
        Ok(Entry {
            id: row.get(self.id)?,
            entry: NewEntry {
                at: decode_at(&at, row.get(self.offset)?)?,
                platform,
                model: row.get(self.model)?,
                request: Request {
                    duration: row.get::<Option<i64>>(self.duration)?.map(from_milli),
                    resolution: row.get(self.resolution)?,
                    audio: row.get::<Option<bool>>(self.audio)?.unwrap_or(false),
                    refs: row.get::<Option<u32>>(self.refs)?.unwrap_or(0),
                    mode: row.get(self.mode)?,
                    chars: chars.and_then(|c| u64::try_from(c).ok()),
                    count: row.get(self.count)?,
                    upscale: row.get(self.upscale)?,
                    pinned_credits: None,
                    // The entry's `at` says when it ran; pricing takes the day from it.
                    on: None,
                },
                credits: from_milli(row.get(self.credits)?),
                cost: match (cost_micro, currency) {
                    (Some(micro), Some(currency)) => Some(Money {
                        amount: from_micro(micro),
                        currency,
                    }),
                    _ => None,
                },
                pricing: row.get(self.pricing)?,
                price_source: price_source.as_deref().map(str::parse).transpose()?,
                table,
                project: row.get(self.project)?,
                note: row.get(self.note)?,
                status: status.parse()?,
                refunded_at: refunded_at
                    .as_deref()
                    .map(|t| decode_at(t, 0).map(|t| t.with_timezone(&Utc)))
                    .transpose()?,
                kept: row.get(self.kept)?,
                dedup_key: Some(row.get(self.dedup_key)?),
                tags: serde_json::from_str(&tags).context("bad tags in the database")?,
                who: Who {
                    logged_by: row.get(self.logged_by)?,
                    machine: row.get(self.machine)?,
                },
            },
        })
    }
}

/// One entry by id, or `None`.
pub(crate) fn get_in(conn: &Db, id: i64) -> Result<Option<Entry>> {
    conn.query_opt(&format!("{SELECT_ENTRY} WHERE e.id = ?1"), [id], |row| {
        EntryColumns::of(row)?.read(row)
    })
}

/// Which way `entries` are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    NewestFirst,
    /// Oldest first (export); with a limit, still the newest N.
    OldestFirst,
}

/// A `WHERE` clause over `entry e` and its parameters.
pub struct Where {
    pub sql: String,
    pub params: Vec<Value>,
}

pub(crate) fn where_clause(f: &Filter) -> Where {
    let mut terms: Vec<&str> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    let mut text = |terms: &mut Vec<&str>, sql, v: &Option<String>| {
        if let Some(v) = v {
            terms.push(sql);
            params.push(Value::Text(v.clone()));
        }
    };
    text(&mut terms, "e.project = ?", &f.project);
    text(&mut terms, "e.platform = ?", &f.platform);
    text(&mut terms, "e.model = ?", &f.model);
    text(&mut terms, "e.logged_by = ?", &f.user);
    text(
        &mut terms,
        "e.status = ?",
        &f.status.map(|s| s.as_str().to_string()),
    );
    text(&mut terms, "e.at >= ?", &f.since.as_ref().map(encode_bound));
    text(&mut terms, "e.at < ?", &f.until.as_ref().map(encode_bound));
    for (key, value) in &f.tags {
        terms.push(
            "EXISTS (SELECT 1 FROM entry_tag t WHERE t.entry_id = e.id AND t.key = ? \
             AND t.value = ?)",
        );
        params.push(Value::Text(key.clone()));
        params.push(Value::Text(value.clone()));
    }
    let sql = if terms.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", terms.join(" AND "))
    };
    Where { sql, params }
}

/// Inserts one entry (and its tags) inside the caller's transaction. A dedup key already in
/// the database is an error (`import` skips such rows instead, see `exchange`).
pub(crate) fn insert_entry_in(conn: &Db, entry: &NewEntry) -> Result<i64> {
    let enc = encode(entry)?;
    let key = match &entry.dedup_key {
        Some(key) => key.clone(),
        None => fresh_dedup_key(),
    };
    let table = entry
        .table
        .as_ref()
        .map(|t| price_table_id(conn, t))
        .transpose()?;
    let mut values = Vec::with_capacity(ENTRY_PARAMS);
    entry_values(&mut values, entry, &enc, &key, table);
    // The conflict is detected by the missing row, not by reading the driver's message.
    let Some(id) = conn.query_opt(
        &format!(
            "INSERT INTO entry ({ENTRY_COLUMNS}) VALUES ({}) \
             ON CONFLICT (dedup_key) DO NOTHING RETURNING id",
            ["?"; ENTRY_PARAMS].join(", ")
        ),
        values,
        |r| r.get::<i64>(0),
    )?
    else {
        bail!("an entry with the dedup key `{key}` already exists");
    };
    for (k, v) in &entry.tags {
        conn.execute(INSERT_TAG, params![id, k, v])?;
    }
    Ok(id)
}

/// Sets an entry's status and refund time (`None` unless refunded). The caller decides which
/// transitions are allowed (`ops::entries`); the schema refuses a refund time on an entry that
/// is not refunded. Returns whether the entry exists.
pub(crate) fn set_status_in(
    conn: &Db,
    id: i64,
    status: Status,
    refunded_at: Option<DateTime<Utc>>,
) -> Result<bool> {
    let refunded_at = refunded_at.map(|t| format_at(&t.trunc_subsecs(0)));
    let n = conn.execute(
        "UPDATE entry SET status = ?2, refunded_at = ?3 WHERE id = ?1",
        params![id, status.as_str(), refunded_at],
    )?;
    Ok(n == 1)
}

/// Replaces an entry's money, how it was priced and the table that priced it (`credits
/// reprice`). Returns whether it exists.
pub(crate) fn set_price_in(
    conn: &Db,
    id: i64,
    cost: Option<&Money>,
    pricing: &str,
    source: PriceSource,
    table: Option<&TableStamp>,
) -> Result<bool> {
    if pricing.trim().is_empty() {
        bail!("the pricing description is empty");
    }
    let table = table.map(|t| price_table_id(conn, t)).transpose()?;
    let n = conn.execute(
        "UPDATE entry SET cost_micro = ?2, currency = ?3, pricing = ?4, price_source = ?5, \
         price_table = ?6 WHERE id = ?1",
        params![
            id,
            cost.map(|c| to_micro(c.amount, "cost")).transpose()?,
            cost.map(|c| c.currency.as_str()),
            pricing,
            source.as_str(),
            table
        ],
    )?;
    Ok(n == 1)
}

/// Changes project, tags, note or kept of an entry. Removals apply before additions. Returns
/// whether the entry exists.
pub(crate) fn edit_in(conn: &Db, id: i64, edit: &EntryEdit) -> Result<bool> {
    check_tags(&edit.tags_set)?;
    let exists = conn.query_opt("SELECT 1 FROM entry WHERE id = ?1", [id], |_| Ok(()))?;
    if exists.is_none() {
        return Ok(false);
    }
    if let Some(project) = &edit.project {
        conn.execute(
            "UPDATE entry SET project = ?2 WHERE id = ?1",
            params![id, project],
        )?;
    }
    if let Some(note) = &edit.note {
        conn.execute(
            "UPDATE entry SET note = ?2 WHERE id = ?1",
            params![id, note],
        )?;
    }
    if let Some(kept) = edit.kept {
        conn.execute(
            "UPDATE entry SET kept = ?2 WHERE id = ?1",
            params![id, kept],
        )?;
    }
    for key in &edit.tags_remove {
        conn.execute(
            "DELETE FROM entry_tag WHERE entry_id = ?1 AND key = ?2",
            params![id, key],
        )?;
    }
    for (key, value) in &edit.tags_set {
        conn.execute(
            "INSERT INTO entry_tag (entry_id, key, value) VALUES (?1, ?2, ?3) \
             ON CONFLICT (entry_id, key) DO UPDATE SET value = excluded.value",
            params![id, key, value],
        )?;
    }
    Ok(true)
}

/// Deletes an entry (its tags go by the foreign key) and returns what it was.
pub(crate) fn remove_in(conn: &Db, id: i64) -> Result<Option<Entry>> {
    let entry = get_in(conn, id)?;
    if entry.is_some() {
        conn.execute("DELETE FROM entry WHERE id = ?1", [id])?;
    }
    Ok(entry)
}

impl Store {
    /// Logs one generation and returns its id. With `dedup_key: None` a unique key is made up.
    pub fn insert_entry(&mut self, entry: &NewEntry) -> Result<i64> {
        self.write(|w| w.insert_entry(entry))
    }

    /// One entry by id, or `None`.
    pub fn get(&self, id: i64) -> Result<Option<Entry>> {
        get_in(&self.conn, id)
    }

    /// The entries matching `filter`, newest first.
    pub fn entries(&self, filter: &Filter) -> Result<Vec<Entry>> {
        let mut out = Vec::new();
        self.for_each_entry(filter, Order::NewestFirst, |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    /// Streams matching entries to `f` without collecting them (export of a large log).
    pub fn for_each_entry(
        &self,
        filter: &Filter,
        order: Order,
        f: impl FnMut(Entry) -> Result<()>,
    ) -> Result<()> {
        for_each_entry_in(&self.conn, filter, order, f)
    }
}

impl super::Tx<'_> {
    /// Streams the entries matching `filter`, oldest first, to `f` without collecting them
    /// (the export of a large log).
    pub fn for_each_entry_oldest_first(
        &self,
        filter: &Filter,
        f: impl FnMut(Entry) -> Result<()>,
    ) -> Result<()> {
        for_each_entry_in(self.conn, filter, Order::OldestFirst, f)
    }

    /// The entries matching `filter`, newest first, inside the transaction.
    pub fn entries_matching(&self, filter: &Filter) -> Result<Vec<Entry>> {
        let mut out = Vec::new();
        for_each_entry_in(self.conn, filter, Order::NewestFirst, |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }
}

fn for_each_entry_in(
    conn: &Db,
    filter: &Filter,
    order: Order,
    mut f: impl FnMut(Entry) -> Result<()>,
) -> Result<()> {
    let w = where_clause(filter);
    let mut params = w.params;
    let newest = format!("{SELECT_ENTRY}{} ORDER BY e.at DESC, e.id DESC", w.sql);
    let sql = match (order, filter.limit) {
        (Order::NewestFirst, None) => newest,
        (Order::NewestFirst, Some(n)) => {
            params.push(Value::Int(n.min(i64::MAX as u64) as i64));
            format!("{newest} LIMIT ?")
        }
        (Order::OldestFirst, None) => {
            format!("{SELECT_ENTRY}{} ORDER BY e.at, e.id", w.sql)
        }
        (Order::OldestFirst, Some(n)) => {
            params.push(Value::Int(n.min(i64::MAX as u64) as i64));
            // The newest N, listed oldest first.
            format!("SELECT * FROM ({newest} LIMIT ?) AS newest ORDER BY at, id")
        }
    };
    let mut columns: Option<EntryColumns> = None;
    conn.for_each(&sql, params, |row| {
        let columns = match &columns {
            Some(c) => c,
            None => columns.insert(EntryColumns::of(row)?),
        };
        f(columns.read(row)?)
    })
}

/// A time from RFC 3339 text, for tests.
#[cfg(test)]
pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use credits_core::records::{Filter, NewEntry, Request};
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn clip(project: &str, credits: &str) -> NewEntry {
        NewEntry {
            at: at("2026-05-04T10:00:00+02:00"),
            platform: "runway".into(),
            model: "gen4-turbo".into(),
            request: Request {
                duration: Some(d("5")),
                count: 1,
                ..Request::default()
            },
            credits: d(credits),
            cost: Some(Money {
                amount: d("0.05"),
                currency: "USD".into(),
            }),
            pricing: "account plan Standard, monthly".into(),
            project: Some(project.into()),
            ..NewEntry::default()
        }
    }

    #[test]
    fn an_entry_reads_back_as_written() {
        let mut store = Store::open_for_tests();
        let mut new = clip("ad", "12.5");
        new.tags = vec![
            ("shot".into(), "3".into()),
            ("client".into(), "acme".into()),
        ];
        new.request.resolution = Some("720p".into());
        new.request.audio = true;
        new.request.refs = 2;
        new.request.chars = Some(300);
        new.request.mode = Some("turbo".into());
        new.request.count = 4;
        new.note = Some("first try".into());
        new.kept = false;
        let id = store.insert_entry(&new).unwrap();
        let e = store.get(id).unwrap().unwrap();
        assert_eq!(e.at, new.at);
        assert_eq!(e.at.offset().local_minus_utc(), 7200);
        assert_eq!(e.credits, d("12.5"));
        assert_eq!(e.cost, new.cost);
        assert_eq!(
            e.tags,
            vec![
                ("client".into(), "acme".into()),
                ("shot".into(), "3".into())
            ]
        );
        assert_eq!(
            (
                e.request.resolution.as_deref(),
                e.request.audio,
                e.request.refs,
                e.request.chars,
                e.request.count
            ),
            (Some("720p"), true, 2, Some(300), 4)
        );
        assert!(!e.kept);
        assert!(e.dedup_key.as_deref().unwrap().starts_with("log:"));
        assert!(store.get(id + 1).unwrap().is_none());
    }

    #[test]
    fn unknown_cost_stays_unknown_not_zero() {
        let mut store = Store::open_for_tests();
        let mut new = clip("ad", "10");
        new.cost = None;
        new.pricing = "unpriced".into();
        let id = store.insert_entry(&new).unwrap();
        let stored: Option<i64> = store
            .conn
            .query_row("SELECT cost_micro FROM entry WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(stored, None);
        assert_eq!(store.get(id).unwrap().unwrap().cost, None);
    }

    #[test]
    fn bad_values_are_refused_and_nothing_is_written() {
        let mut store = Store::open_for_tests();
        let err = store.insert_entry(&clip("ad", "0.0005")).unwrap_err();
        assert!(err.to_string().contains("0.0005"), "{err}");
        let mut dup = clip("ad", "1");
        dup.tags = vec![("a".into(), "1".into()), ("a".into(), "2".into())];
        assert!(store.insert_entry(&dup).is_err());
        let mut bad_tag = clip("ad", "1");
        bad_tag.tags = vec![("a=b".into(), "1".into())];
        assert!(store.insert_entry(&bad_tag).is_err());
        let mut zero = clip("ad", "1");
        zero.request.count = 0;
        assert!(store.insert_entry(&zero).is_err());
        assert!(store.entries(&Filter::default()).unwrap().is_empty());

        let mut keyed = clip("ad", "1");
        keyed.dedup_key = Some("k1".into());
        store.insert_entry(&keyed).unwrap();
        let err = store.insert_entry(&keyed).unwrap_err().to_string();
        assert!(err.contains("`k1` already exists"), "{err}");
    }

    fn stamp(sha: &str, day: u32) -> TableStamp {
        TableStamp {
            platform: "runway".into(),
            as_of: NaiveDate::from_ymd_opt(2026, 5, day).unwrap(),
            sha256: sha.repeat(64 / sha.len()),
        }
    }

    fn price_tables(store: &Store) -> i64 {
        store
            .conn
            .query_row("SELECT count(*) FROM price_table", (), |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn an_entry_records_its_table_once_per_table() {
        let mut store = Store::open_for_tests();
        let (a, b) = (stamp("a1", 4), stamp("b2", 20));
        let mut ids = Vec::new();
        for table in [Some(&a), Some(&a), None, Some(&b)] {
            let mut e = clip("ad", "10");
            e.table = table.cloned();
            ids.push(store.insert_entry(&e).unwrap());
        }
        let tables: Vec<Option<TableStamp>> = ids
            .iter()
            .map(|id| store.get(*id).unwrap().unwrap().entry.table)
            .collect();
        assert_eq!(
            tables,
            vec![Some(a.clone()), Some(a.clone()), None, Some(b.clone())]
        );
        // Normalised: one row per table, however many entries it priced.
        assert_eq!(price_tables(&store), 2);

        // Repricing moves an entry to another table, or to none.
        store
            .write(|tx| tx.set_price(ids[0], None, "unpriced", PriceSource::Unpriced, Some(&b)))
            .unwrap();
        store
            .write(|tx| tx.set_price(ids[1], None, "unpriced", PriceSource::Unpriced, None))
            .unwrap();
        assert_eq!(store.get(ids[0]).unwrap().unwrap().entry.table, Some(b));
        assert_eq!(store.get(ids[1]).unwrap().unwrap().entry.table, None);
        assert_eq!(price_tables(&store), 2);
    }

    #[test]
    fn a_bad_table_stamp_is_refused_and_nothing_is_written() {
        let mut store = Store::open_for_tests();
        let mut e = clip("ad", "10");
        e.table = Some(TableStamp {
            sha256: "not a hash".into(),
            ..stamp("a1", 4)
        });
        let err = store.insert_entry(&e).unwrap_err().to_string();
        assert!(err.contains("`not a hash` is not a SHA-256"), "{err}");
        e.table = Some(TableStamp {
            platform: "kling".into(),
            ..stamp("a1", 4)
        });
        let err = store.insert_entry(&e).unwrap_err().to_string();
        assert!(err.contains("price table is kling's"), "{err}");
        assert!(store.entries(&Filter::default()).unwrap().is_empty());
        assert_eq!(price_tables(&store), 0);
    }

    #[test]
    fn status_changes_are_written_and_a_missing_entry_says_so() {
        let mut store = Store::open_for_tests();
        let id = store.insert_entry(&clip("ad", "10")).unwrap();
        assert!(store.set_status(id, Status::Failed).unwrap());
        assert_eq!(store.get(id).unwrap().unwrap().status, Status::Failed);
        let t = chrono::DateTime::parse_from_rfc3339("2026-05-05T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert!(store.set_status_at(id, Status::Refunded, Some(t)).unwrap());
        let e = store.get(id).unwrap().unwrap();
        assert_eq!((e.status, e.refunded_at), (Status::Refunded, Some(t)));
        // The schema refuses a refund time on an entry that is not refunded.
        assert!(store.set_status_at(id, Status::Failed, Some(t)).is_err());
        assert!(!store.set_status(999, Status::Refunded).unwrap());
    }

    #[test]
    fn edit_and_remove() {
        let mut store = Store::open_for_tests();
        let mut new = clip("ad", "10");
        new.tags = vec![
            ("client".into(), "acme".into()),
            ("shot".into(), "1".into()),
        ];
        new.note = Some("n".into());
        let id = store.insert_entry(&new).unwrap();
        store
            .edit(
                id,
                &EntryEdit {
                    project: Some(Some("trailer".into())),
                    tags_set: vec![("client".into(), "globex".into()), ("v".into(), "2".into())],
                    tags_remove: vec!["shot".into(), "absent".into()],
                    note: Some(None),
                    kept: Some(false),
                },
            )
            .unwrap();
        let e = store.get(id).unwrap().unwrap();
        assert_eq!(e.project.as_deref(), Some("trailer"));
        assert_eq!(
            e.tags,
            vec![("client".into(), "globex".into()), ("v".into(), "2".into())]
        );
        assert_eq!(e.note, None);
        assert!(!e.kept);
        assert!(!store.edit(id + 1, &EntryEdit::default()).unwrap());

        assert_eq!(store.remove(id).unwrap().unwrap().id, id);
        assert!(store.get(id).unwrap().is_none());
        assert!(store.remove(id).unwrap().is_none());
        let tags: i64 = store
            .conn
            .query_row("SELECT count(*) FROM entry_tag", (), |r| r.get(0))
            .unwrap();
        assert_eq!(tags, 0, "tags go with their entry");
    }

    #[test]
    fn filters_select_and_order_newest_first() {
        let mut store = Store::open_for_tests();
        let mut ids = Vec::new();
        for (i, (project, platform, client)) in [
            ("ad", "runway", "acme"),
            ("ad", "kling", "globex"),
            ("trailer", "runway", "acme"),
            ("trailer", "runway", "globex"),
        ]
        .into_iter()
        .enumerate()
        {
            let mut e = clip(project, "10");
            e.platform = platform.into();
            e.at = at(&format!("2026-05-0{}T12:00:00Z", i + 1));
            e.tags = vec![("client".into(), client.into())];
            ids.push(store.insert_entry(&e).unwrap());
        }
        store.set_status(ids[3], Status::Failed).unwrap();
        let got = |f: Filter| -> Vec<i64> {
            store
                .entries(&f)
                .unwrap()
                .into_iter()
                .map(|e| e.id)
                .collect()
        };
        assert_eq!(got(Filter::default()), vec![ids[3], ids[2], ids[1], ids[0]]);
        let project = |p: &str| Some(p.to_string());
        assert_eq!(
            got(Filter {
                project: project("ad"),
                ..Filter::default()
            }),
            vec![ids[1], ids[0]]
        );
        assert_eq!(
            got(Filter {
                platform: project("runway"),
                tags: vec![("client".into(), "acme".into())],
                ..Filter::default()
            }),
            vec![ids[2], ids[0]]
        );
        assert_eq!(
            got(Filter {
                status: Some(Status::Failed),
                ..Filter::default()
            }),
            vec![ids[3]]
        );
        let day = |s: &str| at(s).with_timezone(&Utc);
        assert_eq!(
            got(Filter {
                since: Some(day("2026-05-02T12:00:00Z")),
                until: Some(day("2026-05-04T12:00:00Z")),
                ..Filter::default()
            }),
            vec![ids[2], ids[1]]
        );
        assert_eq!(
            got(Filter {
                limit: Some(2),
                ..Filter::default()
            }),
            vec![ids[3], ids[2]]
        );
        let mut oldest = Vec::new();
        store
            .for_each_entry(
                &Filter {
                    limit: Some(2),
                    ..Filter::default()
                },
                Order::OldestFirst,
                |e| {
                    oldest.push(e.id);
                    Ok(())
                },
            )
            .unwrap();
        assert_eq!(oldest, vec![ids[2], ids[3]]);
    }

    #[test]
    fn eight_threads_with_their_own_store_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.db");
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let mut store = Store::open(&path).unwrap();
                    for i in 0..100 {
                        let mut e = clip("load", "1");
                        e.note = Some(format!("{t}-{i}"));
                        store.insert_entry(&e).unwrap();
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.entries(&Filter::default()).unwrap().len(), 800);
    }
}
