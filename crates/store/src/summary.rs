//! The daily sums (`entry_day`, schema 6; `tag_day`, schema 9) and the ledger checkpoints
//! kept beside the entries: how a bulk import brings them up to date in one pass instead of
//! one trigger per row.
//!
//! Every other write keeps them in step through the triggers of `0006_speed.sql` and
//! `0009_tag_sums.sql`; this module is only for an import's `store::batch::Batch`, which
//! pauses the three insert triggers around its rows.

use crate::db::{params, Backend, Db, ToValue, Value};
use anyhow::{Context, Result};
use chrono::{Duration, NaiveDate};

use super::entries::Encoded;
use crate::sums::SUMS;
use std::sync::LazyLock;

/// The insert triggers a bulk write pauses: what they do is redone per range afterwards.
const PAUSED: [&str; 3] = [
    "entry_day_insert",
    "entry_checkpoint_insert",
    "tag_day_tag_insert",
];

/// Adds a bulk write's tag sums to `tag_day`, as its insert trigger would have row by row.
static ADD_TAG_DAY: LazyLock<String> = LazyLock::new(|| {
    let sums: Vec<&str> = SUMS.iter().map(|s| s.column).collect();
    let keys = 9;
    let params: Vec<String> = (1..=keys + sums.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO tag_day (key, value, day, utc_offset_min, platform, status, kept, \
         currency, price_table, {}) VALUES ({}) ON CONFLICT (key, value, day, utc_offset_min, \
         platform, status, kept, currency, price_table) DO UPDATE SET {}",
        sums.join(", "),
        params.join(", "),
        crate::sums::add_excluded("tag_day")
    )
});

/// A `tag_day` row's key: tag key and value, local day, offset, platform, status, kept,
/// currency, price table id (0 for none). The texts as ids of [`Names`]: a million-row
/// import makes no string per row.
type TagDayKey = (u32, u32, NaiveDate, i32, u32, u32, bool, u32, i64);

/// The texts of the tag sums' keys, each held once and named by its index.
#[derive(Default)]
struct Names {
    ids: std::collections::HashMap<String, u32>,
    texts: Vec<String>,
}

impl Names {
    fn id(&mut self, text: &str) -> u32 {
        if let Some(id) = self.ids.get(text) {
            return *id;
        }
        let id = self.texts.len() as u32;
        self.texts.push(text.to_string());
        self.ids.insert(text.to_string(), id);
        id
    }

    fn text(&self, id: u32) -> &str {
        &self.texts[id as usize]
    }
}

/// One entry's sums as `tag_day` (and `entry_day`) hold them, in column order: entries,
/// clips, seconds, credits and money (each split at 10^9, as the SQL's `/` and `%` split
/// them), entries with no money, credits of the priced ones.
pub(crate) fn entry_sums(
    count: i64,
    duration_ms: Option<i64>,
    credits_milli: i64,
    cost_micro: Option<i64>,
) -> [i64; SUMS.len()] {
    const SPLIT: i128 = 1_000_000_000;
    let split = |v: i128| [(v / SPLIT) as i64, (v % SPLIT) as i64];
    let seconds = split(i128::from(duration_ms.unwrap_or(0)) * i128::from(count));
    let credits = split(i128::from(credits_milli));
    let cost = split(i128::from(cost_micro.unwrap_or(0)));
    let priced = if cost_micro.is_some() {
        credits
    } else {
        [0, 0]
    };
    [
        1,
        count,
        seconds[0],
        seconds[1],
        credits[0],
        credits[1],
        cost[0],
        cost[1],
        i64::from(cost_micro.is_none()),
        priced[0],
        priced[1],
    ]
}

/// The `entry_day` rows of the entries whose local day is in `?1..=?2` (dates), read from
/// the entries dated within a day of it (`?3..?4`, UTC times) so the `at` index bounds the
/// scan. The same sums as the migration that created the table and as its triggers.
const REBUILD_DAYS: &str = "INSERT INTO entry_day \
    SELECT date(at, utc_offset_min || ' minutes'), utc_offset_min, platform, \
           model, coalesce(project, ''), status, kept, coalesce(currency, ''), \
           coalesce(price_table, 0), count(*), sum(count), \
           coalesce(sum(duration_ms * count / 1000000000), 0), \
           coalesce(sum(duration_ms * count % 1000000000), 0), \
           sum(credits_milli / 1000000000), sum(credits_milli % 1000000000), \
           coalesce(sum(cost_micro / 1000000000), 0), \
           coalesce(sum(cost_micro % 1000000000), 0), \
           sum(CASE WHEN cost_micro IS NULL THEN 1 ELSE 0 END), \
           coalesce(sum(CASE WHEN cost_micro IS NOT NULL THEN credits_milli / 1000000000 END), 0), \
           coalesce(sum(CASE WHEN cost_micro IS NOT NULL THEN credits_milli % 1000000000 END), 0) \
    FROM entry \
    WHERE at >= ?3 AND at < ?4 AND date(at, utc_offset_min || ' minutes') BETWEEN ?1 AND ?2 \
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9";

/// What [`pause_insert_triggers`] took away, to put back.
pub(crate) struct Paused {
    /// (name, CREATE statement) of each trigger dropped.
    triggers: Vec<(String, String)>,
    /// The highest entry id before the bulk write: the new rows are the ones above it.
    max_id_before: i64,
    /// The new rows' tag sums not yet added to `tag_day`: one upsert per key instead of
    /// one per tag (a million-row import of the benchmark has 42,000 keys).
    tag_sums: std::collections::HashMap<TagDayKey, [i64; 11]>,
    /// The texts `tag_sums`' keys name.
    names: Names,
    /// On PostgreSQL, the new rows' `entry_day` sums, added in one upsert at the end instead
    /// of summing the days again from the entries (the date arithmetic of every row in the
    /// days touched was the slowest part of an import there). Keys as `entry_day`'s, the
    /// texts named by `day_names`: a handful of platforms, models and projects.
    day_sums: std::collections::HashMap<DayKey, [i64; 11]>,
    day_names: Names,
    /// Whether [`Paused::add_day`] sums the days (PostgreSQL).
    sums_days: bool,
}

/// An `entry_day` row's key: local day, offset, platform, model, project ('' for none),
/// status, kept, currency ('' for none), price table id (0 for none); texts as ids.
type DayKey = (NaiveDate, i32, u32, u32, u32, u32, bool, u32, i64);

/// Tag sums held before they are added to `tag_day` (the adds are additive, so they can go
/// at any time): memory stays bounded when tags are many and varied (a `shot=N` on every
/// entry makes a key per entry).
#[cfg(not(test))]
const TAG_SUMS_HELD: usize = 20_000;
/// A few in unit tests, so an import of a few rows adds its sums in several goes.
#[cfg(test)]
const TAG_SUMS_HELD: usize = 4;

impl Paused {
    /// Counts an entry the bulk write inserted in its day's sums (PostgreSQL; SQLite sums
    /// the days again from the entries, [`rebuild_days`]).
    pub fn add_day(
        &mut self,
        e: &credits_core::records::NewEntry,
        enc: &Encoded,
        price_table: Option<i64>,
    ) {
        if !self.sums_days {
            return;
        }
        let day = (e.at.naive_utc() + Duration::minutes(i64::from(enc.offset_min))).date();
        let names = &mut self.day_names;
        let key = (
            day,
            enc.offset_min,
            names.id(&e.platform),
            names.id(&e.model),
            names.id(e.project.as_deref().unwrap_or("")),
            names.id(e.status.as_str()),
            e.kept,
            names.id(e.cost.as_ref().map_or("", |c| c.currency.as_str())),
            price_table.unwrap_or(0),
        );
        let sums = entry_sums(
            i64::from(e.request.count),
            enc.duration_ms,
            enc.credits_milli,
            enc.cost_micro,
        );
        let total = self.day_sums.entry(key).or_insert([0; 11]);
        for (t, s) in total.iter_mut().zip(sums) {
            *t += s;
        }
    }

    /// Adds the day sums held to `entry_day` (PostgreSQL): `COPY` into a temporary table
    /// and one upsert, whose update fires `entry_month`'s triggers as a rebuild would.
    fn copy_day_sums(&mut self, conn: &Db) -> Result<()> {
        let names = &self.day_names;
        let text = |id: u32| Value::Text(names.text(id).to_string());
        let rows = self.day_sums.iter().map(
            |((day, offset, platform, model, project, status, kept, currency, table), sums)| {
                let mut row = vec![
                    Value::Text(day.to_string()),
                    Value::Int(i64::from(*offset)),
                    text(*platform),
                    text(*model),
                    text(*project),
                    text(*status),
                    Value::Int(i64::from(*kept)),
                    text(*currency),
                    Value::Int(*table),
                ];
                row.extend(sums.iter().map(|s| Value::Int(*s)));
                row
            },
        );
        add_sums_by_copy(
            conn,
            "entry_day",
            "day, utc_offset_min, platform, model, project, status, kept, currency, price_table",
            rows,
        )?;
        self.day_sums.clear();
        Ok(())
    }

    /// Counts an entry the bulk write inserted under each of its tags.
    pub fn add_tagged(
        &mut self,
        e: &credits_core::records::NewEntry,
        enc: &Encoded,
        price_table: Option<i64>,
    ) {
        if e.tags.is_empty() {
            return;
        }
        // The local day SQLite's `date(at, utc_offset_min || ' minutes')` gives.
        let day = (e.at.naive_utc() + Duration::minutes(i64::from(enc.offset_min))).date();
        let sums = entry_sums(
            i64::from(e.request.count),
            enc.duration_ms,
            enc.credits_milli,
            enc.cost_micro,
        );
        let names = &mut self.names;
        let platform = names.id(&e.platform);
        let status = names.id(e.status.as_str());
        let currency = names.id(e.cost.as_ref().map_or("", |c| c.currency.as_str()));
        for (key, value) in &e.tags {
            let row = (
                names.id(key),
                names.id(value),
                day,
                enc.offset_min,
                platform,
                status,
                e.kept,
                currency,
                price_table.unwrap_or(0),
            );
            let total = self.tag_sums.entry(row).or_insert([0; 11]);
            for (t, s) in total.iter_mut().zip(sums) {
                *t += s;
            }
        }
    }

    /// Adds the tag sums held to `tag_day` once there are [`TAG_SUMS_HELD`] of them.
    pub fn write_tag_sums_if_many(&mut self, conn: &Db) -> Result<()> {
        if self.tag_sums.len() >= TAG_SUMS_HELD {
            self.write_tag_sums(conn)?;
        }
        Ok(())
    }

    /// Adds the tag sums held to `tag_day`, as its insert trigger would have row by row.
    fn write_tag_sums(&mut self, conn: &Db) -> Result<()> {
        if conn.backend() == Backend::Postgres {
            return self.copy_tag_sums(conn);
        }
        let text = |id: u32| self.names.text(id);
        for ((key, value, day, offset, platform, status, kept, currency, table), sums) in
            &self.tag_sums
        {
            let day = day.to_string();
            let (key, value, platform, status, currency) = (
                text(*key),
                text(*value),
                text(*platform),
                text(*status),
                text(*currency),
            );
            let mut values: Vec<&dyn ToValue> = vec![
                &key, &value, &day, offset, &platform, &status, kept, &currency, table,
            ];
            values.extend(sums.iter().map(|s| s as &dyn ToValue));
            conn.execute(&ADD_TAG_DAY, values.as_slice())?;
        }
        // The names go with the sums that used them: a `shot=N` on every entry would
        // otherwise keep every N.
        self.tag_sums.clear();
        self.names = Names::default();
        Ok(())
    }

    /// [`Paused::write_tag_sums`] on PostgreSQL: the sums go in by `COPY` into a temporary
    /// table and one upsert from it, not one statement per row (each a round trip to the
    /// server: 20,000 of them were a third of a 100,000-row import).
    fn copy_tag_sums(&mut self, conn: &Db) -> Result<()> {
        let names = &self.names;
        let text = |id: u32| Value::Text(names.text(id).to_string());
        let rows = self.tag_sums.iter().map(
            |((key, value, day, offset, platform, status, kept, currency, table), sums)| {
                let mut row = vec![
                    text(*key),
                    text(*value),
                    Value::Text(day.to_string()),
                    Value::Int(i64::from(*offset)),
                    text(*platform),
                    text(*status),
                    Value::Int(i64::from(*kept)),
                    text(*currency),
                    Value::Int(*table),
                ];
                row.extend(sums.iter().map(|s| Value::Int(*s)));
                row
            },
        );
        add_sums_by_copy(
            conn,
            "tag_day",
            "key, value, day, utc_offset_min, platform, status, kept, currency, price_table",
            rows,
        )?;
        self.tag_sums.clear();
        self.names = Names::default();
        Ok(())
    }
}

/// Adds `rows` (the key columns `keys`, then every declared sum) to the sums table `table`
/// on PostgreSQL: `COPY` into a temporary table of its columns, then one upsert that adds
/// each row's sums to the row of the same key (one round trip, not one statement per row).
fn add_sums_by_copy(
    conn: &Db,
    table: &str,
    keys: &str,
    rows: impl IntoIterator<Item = Vec<Value>>,
) -> Result<()> {
    let sums: Vec<&str> = SUMS.iter().map(|s| s.column).collect();
    let columns = format!("{keys}, {}", sums.join(", "));
    let held = format!("credits_{table}_added");
    conn.execute_batch(&format!(
        "CREATE TEMP TABLE IF NOT EXISTS {held} ON COMMIT DROP AS \
         SELECT {columns} FROM {table} WITH NO DATA; TRUNCATE {held}"
    ))?;
    conn.copy_in(&format!("COPY {held} ({columns}) FROM STDIN"), rows)?;
    conn.execute(
        &format!(
            "INSERT INTO {table} ({columns}) SELECT {columns} FROM {held} \
             ON CONFLICT ({keys}) DO UPDATE SET {}",
            crate::sums::add_excluded(table)
        ),
        (),
    )?;
    Ok(())
}

/// Pauses the per-row insert triggers for a bulk write (inside its transaction). SQLite has
/// no way to switch a trigger off: they are dropped and re-created from their text, which
/// only this transaction's writer can see (it holds the write lock). PostgreSQL's trigger
/// functions skip their work while the transaction-local setting `credits.bulk` is on: no
/// `DROP TRIGGER` (which would lock every reader out for the whole import) and nothing to put
/// back, since the setting ends with the transaction whatever happens.
pub(crate) fn pause_insert_triggers(conn: &Db) -> Result<Paused> {
    let max_id_before: i64 =
        conn.query_row("SELECT coalesce(max(id), 0) FROM entry", (), |r| r.get(0))?;
    let mut triggers = Vec::new();
    match conn.backend() {
        Backend::Sqlite => {
            for name in PAUSED {
                let sql: Option<String> = conn.query_opt(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                    [name],
                    |r| r.get(0),
                )?;
                if let Some(sql) = sql {
                    conn.execute_batch(&format!("DROP TRIGGER {name}"))?;
                    triggers.push((name.to_string(), sql));
                }
            }
        }
        Backend::Postgres => conn.execute_batch("SET LOCAL credits.bulk = 'on'")?,
    }
    Ok(Paused {
        triggers,
        max_id_before,
        tag_sums: std::collections::HashMap::new(),
        names: Names::default(),
        day_sums: std::collections::HashMap::new(),
        day_names: Names::default(),
        sums_days: conn.backend() == Backend::Postgres,
    })
}

/// After a bulk insert: the checkpoints at or after each platform's earliest new entry are
/// gone, the days the new entries fall on are summed again, and the triggers are back.
pub(crate) fn after_bulk_insert(conn: &Db, paused: &mut Paused) -> Result<()> {
    let ranges: Vec<(String, String, String)> = conn.query_map(
        "SELECT platform, min(at), max(at) FROM entry WHERE id > ?1 GROUP BY platform",
        [paused.max_id_before],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    for (platform, first, _) in &ranges {
        conn.execute(
            "DELETE FROM ledger_checkpoint WHERE platform = ?1 AND at >= ?2",
            params![platform, first],
        )?;
    }
    let first = ranges.iter().map(|r| r.1.as_str()).min();
    let last = ranges.iter().map(|r| r.2.as_str()).max();
    if conn.backend() == Backend::Postgres {
        paused.copy_day_sums(conn)?;
    } else if let (Some(first), Some(last)) = (first, last) {
        rebuild_days(conn, first, last)?;
    }
    paused.write_tag_sums(conn)?;
    for (name, sql) in &paused.triggers {
        conn.execute_batch(sql)
            .with_context(|| format!("cannot re-create trigger {name}"))?;
    }
    if conn.backend() == Backend::Postgres {
        conn.execute_batch("SET LOCAL credits.bulk = 'off'")?;
    }
    Ok(())
}

/// Sums again every local day an entry dated `first..=last` (UTC, stored form) can fall on:
/// an offset moves a day by less than 24 hours either way.
fn rebuild_days(conn: &Db, first: &str, last: &str) -> Result<()> {
    let day = |at: &str| -> Result<NaiveDate> {
        NaiveDate::parse_from_str(at.get(..10).unwrap_or(at), "%Y-%m-%d")
            .with_context(|| format!("bad time `{at}` in the database"))
    };
    let (first, last) = (
        day(first)? - Duration::days(1),
        day(last)? + Duration::days(1),
    );
    // A week at a time: the GROUP BY sorts one week of entries, not the whole import, so a
    // million-row import stays within its memory budget.
    let mut from = first;
    while from <= last {
        let to = (from + Duration::days(6)).min(last);
        let (from_text, to_text) = (from.to_string(), to.to_string());
        conn.execute(
            "DELETE FROM entry_day WHERE day BETWEEN ?1 AND ?2",
            params![from_text, to_text],
        )?;
        // Entries of local days `from..=to` are dated within a day of them in UTC.
        let scan_from = format!("{}T00:00:00Z", from - Duration::days(1));
        let scan_to = format!("{}T00:00:00Z", to + Duration::days(2));
        conn.execute(
            REBUILD_DAYS,
            params![from_text, to_text, scan_from, scan_to],
        )?;
        from = to + Duration::days(1);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::entries::at;
    use crate::Store;
    use credits_core::records::{Filter, Money, NewEntry, Request, Status};
    use rust_decimal::Decimal;

    fn entry(when: &str, credits: &str) -> NewEntry {
        NewEntry {
            at: at(when),
            platform: "runway".into(),
            model: "gen4".into(),
            request: Request {
                duration: Some(Decimal::from(5)),
                count: 1,
                ..Request::default()
            },
            credits: credits.parse().unwrap(),
            pricing: "test".into(),
            project: Some("p".into()),
            ..NewEntry::default()
        }
    }

    fn day_rows(store: &Store) -> Vec<(String, i64, i64)> {
        store
            .conn
            .query_map(
                "SELECT day, entries, credits_lo FROM entry_day ORDER BY day, utc_offset_min",
                (),
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap()
    }

    /// The sums made in one pass after a bulk insert are the ones the triggers make row by
    /// row, local days (an offset past midnight) included.
    #[test]
    fn a_bulk_insert_sums_the_days_as_the_triggers_do() {
        let rows = [
            // 2026-03-01T23:30Z, the 2nd where it was logged.
            entry("2026-03-02T00:30:00+01:00", "10"),
            entry("2026-03-01T23:30:00+01:00", "5"),
            entry("2026-03-02T05:00:00-05:00", "7"),
        ];
        let mut by_trigger = Store::open_for_tests();
        for r in &rows {
            by_trigger.insert_entry(r).unwrap();
        }
        let mut in_bulk = Store::open_for_tests();
        in_bulk
            .write_bulk(|tx| {
                let mut batch = tx.batch("test");
                for (i, r) in rows.iter().enumerate() {
                    let mut r = r.clone();
                    r.dedup_key = Some(format!("k{i}"));
                    batch.add(i as u64 + 1, r, crate::KeyCheck::Derived)?;
                }
                batch.finish()
            })
            .unwrap();
        assert_eq!(day_rows(&by_trigger), day_rows(&in_bulk));
        assert_eq!(
            day_rows(&in_bulk),
            vec![
                ("2026-03-01".to_string(), 1, 5000),
                ("2026-03-02".to_string(), 1, 7000),
                ("2026-03-02".to_string(), 1, 10000),
            ]
        );
        // The triggers are back: a row logged after the import is summed.
        in_bulk
            .insert_entry(&entry("2026-03-02T07:00:00-05:00", "1"))
            .unwrap();
        let totals = in_bulk.report(&Filter::default(), &[]).unwrap();
        assert_eq!(totals[0].credits, Decimal::from(23));
    }

    /// Every row of `tag_day`, then every row of `tag_month`.
    fn tag_rows(store: &Store) -> Vec<Vec<crate::db::Value>> {
        let mut rows = Vec::new();
        for table in ["tag_day", "tag_month"] {
            let these: Vec<Vec<crate::db::Value>> = store
                .conn
                .query_map(
                    &format!("SELECT * FROM {table} ORDER BY 1, 2, 3, 4, 5, 6, 7, 8"),
                    (),
                    |r| (0..r.len()).map(|i| r.value(i)).collect(),
                )
                .unwrap();
            rows.extend(these);
        }
        rows
    }

    /// Entries of every shape a tag row tells apart: statuses, kept, money known or not, two
    /// currencies, sound seconds, counts, offsets that move the local day, two keys.
    fn tagged(n: u32) -> NewEntry {
        let offsets = ["+01:00", "-05:00", "+00:00", "+13:45"];
        let mut e = entry(
            &format!(
                "2026-03-0{}T{:02}:30:00{}",
                1 + n % 3,
                (n * 7) % 24,
                offsets[(n % 4) as usize]
            ),
            &format!("{}.5", n + 1),
        );
        e.request.count = 1 + n % 3;
        e.request.duration =
            (!n.is_multiple_of(5)).then(|| Decimal::new(i64::from(n) * 1001 + 500, 3));
        e.status = [Status::Ok, Status::Failed, Status::Refunded, Status::Ok][(n % 4) as usize];
        e.kept = !n.is_multiple_of(3);
        e.cost = (!n.is_multiple_of(6)).then(|| Money {
            amount: Decimal::new(i64::from(n) * 12_345 + 1, 6),
            currency: if n.is_multiple_of(7) { "EUR" } else { "USD" }.into(),
        });
        e.platform = if n.is_multiple_of(2) {
            "runway"
        } else {
            "kling"
        }
        .into();
        e.tags = vec![("client".into(), ["acme", "bolt"][(n % 2) as usize].into())];
        if n.is_multiple_of(3) {
            e.tags.push(("kind".into(), "hero".into()));
        }
        e
    }

    /// The tag sums an import adds at its end are the ones the triggers add row by row,
    /// into a log that already has some, and a later write moves them as before.
    #[test]
    fn a_bulk_insert_sums_the_tags_as_the_triggers_do() {
        let (before, imported): (Vec<u32>, Vec<u32>) = (0..40).partition(|n| n % 4 == 0);
        let mut by_trigger = Store::open_for_tests();
        let mut in_bulk = Store::open_for_tests();
        for n in &before {
            by_trigger.insert_entry(&tagged(*n)).unwrap();
            in_bulk.insert_entry(&tagged(*n)).unwrap();
        }
        for n in &imported {
            by_trigger.insert_entry(&tagged(*n)).unwrap();
        }
        in_bulk
            .write_bulk(|tx| {
                let mut batch = tx.batch("test");
                for n in &imported {
                    let mut r = tagged(*n);
                    r.dedup_key = Some(format!("k{n}"));
                    batch.add(u64::from(*n), r, crate::KeyCheck::Derived)?;
                }
                batch.finish()
            })
            .unwrap();
        let rows = tag_rows(&in_bulk);
        assert!(rows.len() > 20, "{rows:?}");
        assert_eq!(tag_rows(&by_trigger), rows);
        // The tag trigger is back: a tag added after the import is summed.
        for store in [&mut by_trigger, &mut in_bulk] {
            store.insert_entry(&tagged(41)).unwrap();
        }
        assert_eq!(tag_rows(&by_trigger), tag_rows(&in_bulk));
    }
}
