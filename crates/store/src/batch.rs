//! Bulk insertion of entries for `import`: a [`Batch`] inside one write transaction inserts
//! 64 entries per multi-row `INSERT … ON CONFLICT (dedup_key) DO NOTHING RETURNING`, and
//! [`Store::write_bulk`] gives that transaction a page cache big enough for a million rows.
//! What the rows mean, and where they come from, is `crate::exchange` and `crate::ops`.
//!
//! Each entry's price table (schema 4) is an integer id: a batch looks a stamp up in the
//! database once and remembers it, so a million rows priced by a dozen tables cost a dozen
//! queries, not a million.

use crate::db::{Backend, Db, ToValue, Value};
use anyhow::{anyhow, bail, Context, Result};

use super::entries::{
    encode, entry_values, price_table_id, Encoded, EntryRow, ENTRY_COLUMNS, ENTRY_PARAMS,
};
use super::{Store, Tx};
use credits_core::records::NewEntry;

/// Page cache during a bulk write, as `PRAGMA cache_size` (negative: KiB). 32 MB keeps a
/// million-row import well under its 100 MB budget; the default 2 MB spills to the WAL over
/// and over.
const BULK_CACHE_KIB: i64 = -32 * 1024;

/// Entries per multi-row `INSERT`: one statement per row spends much of its time opening
/// cursors on the table and its indexes; batches share that cost.
pub(crate) const BATCH: usize = 64;

/// Entries per `COPY` on PostgreSQL: each chunk is a round trip to the server (COPY into a
/// temporary table, then one `INSERT … SELECT … ON CONFLICT DO NOTHING`), so chunks are
/// large; 10,000 rows of the import's columns are a few MB in memory.
const COPY_BATCH: usize = 10_000;

impl Store {
    /// [`Store::write`] with a larger page cache for one big transaction, put back
    /// afterwards, error or not.
    pub fn write_bulk<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let Some(sqlite) = self.conn.sqlite() else {
            // PostgreSQL's buffers are the server's to size.
            return self.write(f);
        };
        let cache: i64 = sqlite.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        sqlite.pragma_update(None, "cache_size", BULK_CACHE_KIB)?;
        let result = self.write(f);
        if let Some(sqlite) = self.conn.sqlite() {
            sqlite.pragma_update(None, "cache_size", cache)?;
        }
        result
    }
}

impl Tx<'_> {
    /// A batch inserter for entries; `source` names the file in errors.
    pub fn batch<'t>(&'t self, source: &str) -> Batch<'t> {
        Batch {
            conn: self.conn,
            source: source.to_string(),
            pending: Vec::with_capacity(BATCH),
            tables: Vec::new(),
            added: 0,
            present: 0,
            present_first: Vec::new(),
            repeated: 0,
            repeated_first: Vec::new(),
            before: None,
            conflicts: Vec::new(),
            paused: None,
        }
    }
}

/// A checked entry waiting for its batch.
struct Pending {
    line: u64,
    entry: NewEntry,
    enc: Encoded,
    key: String,
    table: Option<i64>,
    /// How to check the row against an entry already stored under its key.
    check: KeyCheck,
}

/// Whether a row's dedup key came from the file, and so may name an entry with other
/// content (an edited export, a file from another log): derived keys hash the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyCheck {
    /// The key was derived from the row: the same key is the same content.
    Derived,
    /// The file gave the key; compare what the row says of the generation.
    Given,
    /// The file gave the key and the row is an export's snapshot: compare its credits and
    /// money too (a row priced on import may differ from the log only by today's price).
    GivenSnapshot,
}

/// A row whose given dedup key is already in the log with different content: not imported
/// (the log's entry is kept), and said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub line: u64,
    pub key: String,
    /// The first field that differs, with the log's value and the file's.
    pub field: &'static str,
    pub in_log: String,
    pub in_file: String,
}

/// How many skipped rows of each reason a [`BatchSummary`] names (the counts are whole).
pub const SKIPPED_SHOWN: usize = 5;

/// A row not imported because its dedup key was taken (issue 22, item 8: an import says
/// which rows it skipped and why): its line, its key, whether the file gave the key (else it
/// was derived from the row), and the entry now under that key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: u64,
    pub key: String,
    pub key_given: bool,
    pub entry_id: Option<i64>,
}

/// Inserts entries in batches of [`BATCH`], skipping those whose dedup key is already in the
/// database (or earlier in the batch). Call [`Batch::finish`] to insert the last batch.
pub struct Batch<'t> {
    conn: &'t Db,
    source: String,
    pending: Vec<Pending>,
    /// `price_table` ids already looked up: (platform, sha256, id). A handful per import, so
    /// a scan beats hashing two strings per row.
    tables: Vec<(String, String, i64)>,
    added: u64,
    present: u64,
    present_first: Vec<Skipped>,
    repeated: u64,
    repeated_first: Vec<Skipped>,
    /// The highest entry id before the batch's first insert: an entry above it came from
    /// this batch, so a row whose key names one repeats an earlier row of the file.
    before: Option<i64>,
    conflicts: Vec<Conflict>,
    /// The per-row insert triggers of schema 6 (daily sums, ledger checkpoints), dropped
    /// before the first row that goes in: a trigger per row made a million-row import 40%
    /// slower.
    /// [`Batch::finish`] (or dropping the batch) brings the sums and checkpoints up to date
    /// in one pass and re-creates them, in the same transaction, so a failed or killed
    /// import leaves them as they were. A batch that adds nothing never drops them, and so
    /// leaves the file untouched.
    paused: Option<super::summary::Paused>,
}

/// What a batch did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BatchSummary {
    /// Entries inserted.
    pub added: u64,
    /// Entries whose dedup key was in the log before the batch, with the same content.
    pub present: u64,
    /// The first [`SKIPPED_SHOWN`] of them.
    pub present_first: Vec<Skipped>,
    /// Rows whose given key an earlier row of the batch brought in: not imported again.
    pub repeated: u64,
    /// The first [`SKIPPED_SHOWN`] of them.
    pub repeated_first: Vec<Skipped>,
    /// Rows whose given key is in the log with other content (not imported).
    pub conflicts: Vec<Conflict>,
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

impl Batch<'_> {
    /// How many entries go in one write: a multi-row `INSERT` on SQLite, a `COPY` on
    /// PostgreSQL.
    fn chunk(&self) -> usize {
        match self.conn.backend() {
            Backend::Sqlite => BATCH,
            Backend::Postgres => COPY_BATCH,
        }
    }

    /// Inserts the pending entries, skipping dedup keys already present, and says which went
    /// in (id and key). On PostgreSQL through `COPY` into a temporary table of the entry's
    /// columns (dropped at commit), then one `INSERT … SELECT` in file order, which leaves
    /// out the keys already there first: an insert that meets a conflict still takes a
    /// number from the id sequence, and importing a file again would leave gaps.
    fn insert_rows(&self) -> Result<Vec<(i64, String)>> {
        if self.conn.backend() == Backend::Sqlite {
            let rows: Vec<EntryRow<'_>> = self
                .pending
                .iter()
                .map(|p| EntryRow::new(&p.entry, &p.enc, &p.key, p.table))
                .collect();
            let values: Vec<&dyn ToValue> = rows.iter().flat_map(|r| r.values()).collect();
            return self.conn.query_map_borrowed(
                &insert_entries_sql(self.pending.len()),
                &values,
                |row| Ok((row.get(0)?, row.get(1)?)),
            );
        }
        if let Some(inserted) = self.copy_if_all_new()? {
            return Ok(inserted);
        }
        self.conn.execute_batch(&format!(
            "CREATE TEMP TABLE IF NOT EXISTS credits_import ON COMMIT DROP AS \
             SELECT 0::bigint AS seq, {ENTRY_COLUMNS} FROM entry WITH NO DATA; \
             TRUNCATE credits_import"
        ))?;
        let rows = self.pending.iter().enumerate().map(|(i, p)| {
            let mut row = Vec::with_capacity(ENTRY_PARAMS + 1);
            row.push(Value::Int(i as i64));
            entry_values(&mut row, &p.entry, &p.enc, &p.key, p.table);
            row
        });
        self.conn.copy_in(
            &format!("COPY credits_import (seq, {ENTRY_COLUMNS}) FROM STDIN"),
            rows,
        )?;
        self.conn.query_map(
            &format!(
                "INSERT INTO entry ({ENTRY_COLUMNS}) SELECT {ENTRY_COLUMNS} FROM credits_import t \
                 WHERE NOT EXISTS (SELECT 1 FROM entry e WHERE e.dedup_key = t.dedup_key) \
                 ORDER BY seq ON CONFLICT (dedup_key) DO NOTHING RETURNING id, dedup_key"
            ),
            (),
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
    }

    /// PostgreSQL, a chunk whose keys are all new (none in the log, none twice in the chunk,
    /// the usual case of a first import): `COPY` straight into `entry`, without the
    /// temporary table, and the new rows read back by id (the write lock is held, so the ids
    /// above the highest before are this chunk's). `None`: some key is there already, and
    /// the chunk goes the way that skips it.
    fn copy_if_all_new(&self) -> Result<Option<Vec<(i64, String)>>> {
        let mut keys = std::collections::HashSet::with_capacity(self.pending.len());
        if !self.pending.iter().all(|p| keys.insert(p.key.as_str())) {
            return Ok(None);
        }
        let params: Vec<Value> = self
            .pending
            .iter()
            .map(|p| Value::Text(p.key.clone()))
            .collect();
        let present: i64 = self.conn.query_row(
            &format!(
                "SELECT count(*) FROM entry WHERE dedup_key IN ({})",
                vec!["?"; params.len()].join(", ")
            ),
            params,
            |r| r.get(0),
        )?;
        if present > 0 {
            return Ok(None);
        }
        let before: i64 =
            self.conn
                .query_row("SELECT coalesce(max(id), 0) FROM entry", (), |r| r.get(0))?;
        let rows = self.pending.iter().map(|p| {
            let mut row = Vec::with_capacity(ENTRY_PARAMS);
            entry_values(&mut row, &p.entry, &p.enc, &p.key, p.table);
            row
        });
        self.conn
            .copy_in(&format!("COPY entry ({ENTRY_COLUMNS}) FROM STDIN"), rows)?;
        self.conn
            .query_map(
                "SELECT id, dedup_key FROM entry WHERE id > ?1 ORDER BY id",
                [before],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .map(Some)
    }

    /// Checks `entry` (from line `line` of the source) and queues it; it must carry its
    /// dedup key. Errors name the line.
    pub fn add(&mut self, line: u64, entry: NewEntry, check: KeyCheck) -> Result<()> {
        let here = || format!("{}: line {line}", self.source);
        let Some(key) = entry.dedup_key.clone() else {
            bail!("{}: the entry has no dedup key", here());
        };
        let enc = encode(&entry).with_context(here)?;
        let table = match &entry.table {
            None => None,
            Some(t) => match self
                .tables
                .iter()
                .find(|(p, h, _)| *h == t.sha256 && *p == t.platform)
            {
                Some((_, _, id)) => Some(*id),
                None => {
                    let id = price_table_id(self.conn, t).with_context(here)?;
                    self.tables.push((t.platform.clone(), t.sha256.clone(), id));
                    Some(id)
                }
            },
        };
        self.pending.push(Pending {
            line,
            entry,
            enc,
            key,
            table,
            check,
        });
        if self.pending.len() >= self.chunk() {
            self.flush()?;
        }
        Ok(())
    }

    /// Inserts what is still queued and says what the batch did.
    pub fn finish(mut self) -> Result<BatchSummary> {
        self.flush()?;
        if let Some(mut paused) = self.paused.take() {
            super::summary::after_bulk_insert(self.conn, &mut paused)?;
        }
        Ok(BatchSummary {
            added: self.added,
            present: self.present,
            present_first: std::mem::take(&mut self.present_first),
            repeated: self.repeated,
            repeated_first: std::mem::take(&mut self.repeated_first),
            conflicts: std::mem::take(&mut self.conflicts),
        })
    }

    /// Pauses the insert triggers before the first batch with a row that is not in the log
    /// yet (one indexed lookup per row until then).
    fn pause_if_new(&mut self) -> Result<()> {
        if self.paused.is_some() {
            return Ok(());
        }
        let sql = format!(
            "SELECT count(*) FROM entry WHERE dedup_key IN ({})",
            vec!["?"; self.pending.len()].join(", ")
        );
        let keys: Vec<Value> = self
            .pending
            .iter()
            .map(|p| Value::Text(p.key.clone()))
            .collect();
        let present: usize = self.conn.query_row(&sql, keys, |r| r.get(0))?;
        if present < self.pending.len() {
            self.paused = Some(super::summary::pause_insert_triggers(self.conn)?);
        }
        Ok(())
    }

    /// Inserts the pending rows and their tags. Every value was checked by `encode`, so an
    /// error here is unexpected; it names the lines of the batch.
    fn flush(&mut self) -> Result<()> {
        let (Some(first), Some(last)) = (self.pending.first(), self.pending.last()) else {
            return Ok(());
        };
        let lines = format!("{}: lines {}-{}", self.source, first.line, last.line);
        // An error that already says what happened and what to do (a lost connection, a
        // missing privilege) is not about these lines, and is not said to be.
        self.insert_pending().map_err(|e| {
            if e.chain().any(|c| c.is::<credits_core::error::UserError>()) {
                e
            } else {
                e.context(lines)
            }
        })?;
        self.pending.clear();
        Ok(())
    }

    /// The id of the entry under `key`, if any.
    fn id_of(&self, key: &str) -> Result<Option<i64>> {
        self.conn
            .query_opt("SELECT id FROM entry WHERE dedup_key = ?1", [key], |r| {
                r.get(0)
            })
    }

    /// The first difference between a skipped row and the entry already under its key
    /// (entry `id`).
    fn differs(&self, p: &Pending, id: Option<i64>) -> Result<Option<Conflict>> {
        let Some(stored) = id
            .map(|id| super::entries::get_in(self.conn, id))
            .transpose()?
            .flatten()
        else {
            return Ok(None);
        };
        let (s, f) = (&stored.entry, &p.entry);
        let money = |e: &NewEntry| {
            e.cost.as_ref().map_or_else(
                || "unknown".to_string(),
                |c| format!("{} {}", c.amount.normalize(), c.currency),
            )
        };
        let mut fields: Vec<(&'static str, String, String)> = vec![
            (
                "at",
                s.at.with_timezone(&chrono::Utc).to_rfc3339(),
                f.at.with_timezone(&chrono::Utc).to_rfc3339(),
            ),
            ("platform", s.platform.clone(), f.platform.clone()),
            ("model", s.model.clone(), f.model.clone()),
            ("status", s.status.to_string(), f.status.to_string()),
            (
                "project",
                format!("{:?}", s.project),
                format!("{:?}", f.project),
            ),
            ("note", format!("{:?}", s.note), format!("{:?}", f.note)),
            ("tags", format!("{:?}", s.tags), format!("{:?}", f.tags)),
            ("kept", s.kept.to_string(), f.kept.to_string()),
        ];
        if p.check == KeyCheck::GivenSnapshot {
            fields.push((
                "credits",
                s.credits.normalize().to_string(),
                f.credits.normalize().to_string(),
            ));
            fields.push(("cost", money(s), money(f)));
        }
        Ok(fields
            .into_iter()
            .find(|(_, a, b)| a != b)
            .map(|(field, in_log, in_file)| Conflict {
                line: p.line,
                key: p.key.clone(),
                field,
                in_log,
                in_file,
            }))
    }

    fn insert_pending(&mut self) -> Result<()> {
        if self.before.is_none() {
            self.before = Some(self.conn.query_row(
                "SELECT coalesce(max(id), 0) FROM entry",
                (),
                |r| r.get(0),
            )?);
        }
        let before = self.before.unwrap_or(0);
        self.pause_if_new()?;
        let mut inserted = self.insert_rows()?;
        self.added += inserted.len() as u64;
        // Which pending rows went in: new ids ascend in VALUES order, so the inserted rows,
        // sorted by id, pair with the pending ones in order (as for the tags below).
        let mut by_id = inserted.clone();
        by_id.sort_unstable_by_key(|(id, _)| *id);
        let mut went_in = vec![false; self.pending.len()];
        let mut next = 0;
        for (_, key) in &by_id {
            while next < self.pending.len() && self.pending[next].key != *key {
                next += 1;
            }
            if let Some(flag) = went_in.get_mut(next) {
                *flag = true;
            }
            next += 1;
        }
        // A skipped row with a key the file gave is compared with the entry under that key
        // (one lookup per such row: re-importing a file of derived keys costs nothing more).
        // A derived key cannot repeat within a file (it counts identical rows), so only a
        // given key is looked up to tell a repeat of an earlier row from an entry already in
        // the log; a derived one only for the few rows named.
        let skipped = |p: &Pending, entry_id: Option<i64>| Skipped {
            line: p.line,
            key: p.key.clone(),
            key_given: p.check != KeyCheck::Derived,
            entry_id,
        };
        for (p, went_in) in self.pending.iter().zip(&went_in) {
            if *went_in {
                continue;
            }
            if p.check == KeyCheck::Derived {
                self.present += 1;
                if self.present_first.len() < SKIPPED_SHOWN {
                    let id = self.id_of(&p.key)?;
                    self.present_first.push(skipped(p, id));
                }
                continue;
            }
            let id = self.id_of(&p.key)?;
            if id.is_some_and(|id| id > before) {
                self.repeated += 1;
                if self.repeated_first.len() < SKIPPED_SHOWN {
                    self.repeated_first.push(skipped(p, id));
                }
                continue;
            }
            match self.differs(p, id)? {
                Some(conflict) => self.conflicts.push(conflict),
                None => {
                    self.present += 1;
                    if self.present_first.len() < SKIPPED_SHOWN {
                        self.present_first.push(skipped(p, id));
                    }
                }
            }
        }

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
            // Its tag sums, added at the end while the tag insert trigger is paused.
            if let Some(paused) = &mut self.paused {
                paused.add_tagged(&p.entry, &p.enc, p.table);
                paused.add_day(&p.entry, &p.enc, p.table);
            }
            tags.extend(
                p.entry
                    .tags
                    .iter()
                    .map(|(k, v)| (*id, k.as_str(), v.as_str())),
            );
        }
        if let Some(paused) = &mut self.paused {
            paused.write_tag_sums_if_many(self.conn)?;
        }
        if self.conn.backend() == Backend::Postgres {
            let rows = tags.iter().map(|(id, k, v)| {
                vec![
                    Value::Int(*id),
                    Value::Text(k.to_string()),
                    Value::Text(v.to_string()),
                ]
            });
            self.conn
                .copy_in("COPY entry_tag (entry_id, key, value) FROM STDIN", rows)?;
            return Ok(());
        }
        for chunk in tags.chunks(BATCH) {
            let mut values = Vec::with_capacity(chunk.len() * 3);
            for (id, k, v) in chunk {
                values.push(Value::Int(*id));
                values.push(Value::Text(k.to_string()));
                values.push(Value::Text(v.to_string()));
            }
            self.conn.execute(&insert_tags_sql(chunk.len()), values)?;
        }
        Ok(())
    }
}

/// A batch dropped without [`Batch::finish`] (an error on the way) still puts the triggers
/// back, so a caller that went on to commit could not leave the log without them.
impl Drop for Batch<'_> {
    fn drop(&mut self) {
        if let Some(mut paused) = self.paused.take() {
            // The caller is already handling an error; this one would only repeat it.
            let _ = super::summary::after_bulk_insert(self.conn, &mut paused);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use credits_core::records::Filter;

    fn entry(key: &str, tags: &[(&str, String)]) -> NewEntry {
        NewEntry {
            platform: "runway".into(),
            model: "gen4".into(),
            tags: tags
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
            dedup_key: Some(key.into()),
            ..NewEntry::default()
        }
    }

    /// Adds `entries` (numbered as lines from 2) in one bulk write.
    fn add_all(store: &mut Store, entries: Vec<NewEntry>) -> Result<BatchSummary> {
        store.write_bulk(|tx| {
            let mut batch = tx.batch("log.csv");
            for (i, e) in entries.into_iter().enumerate() {
                batch.add(i as u64 + 2, e, KeyCheck::Derived)?;
            }
            batch.finish()
        })
    }

    #[test]
    fn a_given_key_repeated_in_the_file_is_told_from_one_already_in_the_log() {
        let mut store = Store::open_for_tests();
        let given = |store: &mut Store, keys: &[&str]| {
            store.write_bulk(|tx| {
                let mut batch = tx.batch("log.csv");
                for (i, k) in keys.iter().enumerate() {
                    batch.add(i as u64 + 2, entry(k, &[]), KeyCheck::Given)?;
                }
                batch.finish()
            })
        };
        given(&mut store, &["a", "b"]).unwrap();
        // `a` is in the log; `c` comes twice (lines 3 and 5), `a` again on line 6.
        let done = given(&mut store, &["a", "c", "d", "c", "a"]).unwrap();
        assert_eq!((done.added, done.present, done.repeated), (2, 2, 1));
        let named = |s: &[Skipped]| -> Vec<(u64, String, bool, Option<i64>)> {
            s.iter()
                .map(|k| (k.line, k.key.clone(), k.key_given, k.entry_id))
                .collect()
        };
        assert_eq!(
            named(&done.present_first),
            vec![
                (2, "a".to_string(), true, Some(1)),
                (6, "a".to_string(), true, Some(1))
            ]
        );
        assert_eq!(
            named(&done.repeated_first),
            vec![(5, "c".to_string(), true, Some(3))]
        );
        assert!(done.conflicts.is_empty());
    }

    #[test]
    fn batched_entries_record_their_tables_with_one_row_per_table() {
        let mut store = Store::open_for_tests();
        let table = |sha: &str| credits_core::records::TableStamp {
            platform: "runway".into(),
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 5, 4).unwrap(),
            sha256: sha.repeat(64),
        };
        let entries: Vec<NewEntry> = (0..150)
            .map(|i| NewEntry {
                table: match i % 3 {
                    0 => Some(table("a")),
                    1 => Some(table("b")),
                    _ => None,
                },
                ..entry(&format!("k{i}"), &[])
            })
            .collect();
        add_all(&mut store, entries).unwrap();
        for e in store.entries(&Filter::default()).unwrap() {
            let i: usize = e.dedup_key.as_deref().unwrap()[1..].parse().unwrap();
            let want = match i % 3 {
                0 => Some(table("a")),
                1 => Some(table("b")),
                _ => None,
            };
            assert_eq!(e.entry.table, want, "k{i}");
        }
        let rows: i64 = store
            .conn
            .query_row("SELECT count(*) FROM price_table", (), |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 2);
    }

    #[test]
    fn batched_inserts_pair_each_row_with_its_own_tags() {
        let mut store = Store::open_for_tests();
        let first: Vec<NewEntry> = (0..50)
            .map(|i| entry(&format!("k{i}"), &[("from", "first".into())]))
            .collect();
        assert_eq!(
            add_all(&mut store, first).unwrap(),
            BatchSummary {
                added: 50,
                ..BatchSummary::default()
            }
        );

        // Spans several batches; keys already present, and a key repeated within a batch, are
        // skipped without shifting the tags of the rows after them.
        let mut second = Vec::new();
        for i in 0..200 {
            second.push(entry(
                &format!("k{i}"),
                &[("from", "second".into()), ("row", i.to_string())],
            ));
            if i == 100 {
                second.push(entry("k100", &[("from", "repeat".into())]));
            }
        }
        assert_eq!(second.len(), 201);
        // The repeat shares a batch with the row it repeats.
        assert_eq!(101 / BATCH, 100 / BATCH);
        assert_eq!(
            add_all(&mut store, second).unwrap(),
            BatchSummary {
                added: 150,
                present: 51,
                present_first: (0..5)
                    .map(|i| Skipped {
                        line: i + 2,
                        key: format!("k{i}"),
                        key_given: false,
                        entry_id: Some(i as i64 + 1),
                    })
                    .collect(),
                ..BatchSummary::default()
            }
        );
        let entries = store.entries(&Filter::default()).unwrap();
        assert_eq!(entries.len(), 200);
        for e in entries {
            let key = e.dedup_key.as_deref().unwrap();
            let i: usize = key[1..].parse().unwrap();
            let expected = if i < 50 {
                vec![("from".to_string(), "first".to_string())]
            } else {
                vec![
                    ("from".to_string(), "second".to_string()),
                    ("row".to_string(), i.to_string()),
                ]
            };
            assert_eq!(e.tags, expected, "{key}");
        }
    }
}
