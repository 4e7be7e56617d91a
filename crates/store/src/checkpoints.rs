//! What the ledger reads in slices (issue 12): a platform's entries between two times, and
//! its stored checkpoints (`ledger_checkpoint`, schema 6), so a balance replays only the
//! entries after the newest checkpoint that still fits.
//!
//! A checkpoint is stored as the JSON of `credits_core::ledger::resume::Checkpoint`; this module
//! only keeps the text. The triggers of `0006_speed.sql` delete the checkpoints an entry
//! write makes wrong; `crate::ops::ledger` checks the rest (plans, top-ups) when it reads one.

use crate::db::Value;
use crate::db::{params, Db};
use anyhow::{Context, Result};
use chrono::{DateTime, NaiveDateTime, Utc};

use super::entries::{format_at, AT_FORMAT};
use super::units::from_milli;
use super::{Store, Tx};
use credits_core::records::{LedgerRecords, SpendRow, Status};

/// A platform's entries as spends, oldest first (then by id): those dated at or after
/// `from`, after `after` (exclusive) when given, and at or before `upto` when given.
pub(crate) fn read_spends(
    conn: &Db,
    platform: &str,
    from: DateTime<Utc>,
    after: Option<DateTime<Utc>>,
    upto: Option<DateTime<Utc>>,
) -> Result<Vec<SpendRow>> {
    let mut sql = String::from(
        "SELECT id, at, credits_milli, status, refunded_at FROM entry \
         WHERE platform = ? AND at >= ?",
    );
    let mut args = vec![
        Value::Text(platform.to_string()),
        Value::Text(lower_bound(from, after)),
    ];
    if let Some(upto) = upto {
        sql.push_str(" AND at <= ?");
        args.push(Value::Text(format_at(&upto)));
    }
    sql.push_str(" ORDER BY at, id");
    let mut out = Vec::new();
    conn.for_each(&sql, args, |row| {
        let at: String = row.get(1)?;
        let status: String = row.get(3)?;
        let refunded_at: Option<String> = row.get(4)?;
        out.push(SpendRow {
            entry_id: row.get(0)?,
            at: decode(&at)?,
            credits: from_milli(row.get(2)?),
            status: status.parse::<Status>()?,
            refunded_at: refunded_at.as_deref().map(decode).transpose()?,
        });
        Ok(())
    })?;
    Ok(out)
}

/// One lower bound for `at >= from AND at > after`, so the index range starts at the later
/// of the two (given both, SQLite may start at either and filter the rest). `~` sorts after
/// the `Z` every stored time ends with: `at > t` is `at >= "t~"`.
fn lower_bound(from: DateTime<Utc>, after: Option<DateTime<Utc>>) -> String {
    match after {
        Some(a) if a >= from => format!("{}~", format_at(&a)),
        _ => format_at(&whole_seconds_up(&from)),
    }
}

/// Entries are stored to whole seconds: a bound with a fraction moves up to the next one,
/// so `at >= bound` keeps its meaning.
fn whole_seconds_up(t: &DateTime<Utc>) -> DateTime<Utc> {
    use chrono::SubsecRound;
    let whole = t.trunc_subsecs(0);
    if whole < *t {
        whole + chrono::Duration::seconds(1)
    } else {
        whole
    }
}

fn decode(text: &str) -> Result<DateTime<Utc>> {
    Ok(NaiveDateTime::parse_from_str(text, AT_FORMAT)
        .with_context(|| format!("bad time `{text}` in the database"))?
        .and_utc())
}

/// What the ledger reads, from the store or inside a transaction alike: both give their
/// connection, the reads are written once.
pub trait LedgerRead {
    /// The connection the reads go through.
    fn connection(&self) -> &Db;

    /// The platform's plan history, top-ups and adjustments; no entries (`spends` empty).
    fn ledger_facts(&self, platform: &str) -> Result<LedgerRecords> {
        super::balances::records(self.connection(), platform, |_| Ok(None))
    }

    /// See [`read_spends`].
    fn ledger_spends(
        &self,
        platform: &str,
        from: DateTime<Utc>,
        after: Option<DateTime<Utc>>,
        upto: Option<DateTime<Utc>>,
    ) -> Result<Vec<SpendRow>> {
        read_spends(self.connection(), platform, from, after, upto)
    }

    /// Up to `limit` checkpoints dated at or before `upto` (and before `before`, exclusive,
    /// when given), newest first: (time, JSON).
    fn ledger_checkpoints(
        &self,
        platform: &str,
        upto: DateTime<Utc>,
        before: Option<DateTime<Utc>>,
        limit: u32,
    ) -> Result<Vec<(DateTime<Utc>, String)>> {
        checkpoints_in(self.connection(), platform, upto, before, limit)
    }

    /// The time of the `n`th entry (1-based) dated after `after` (from `from` on), if there
    /// are that many: where the next checkpoint goes.
    fn nth_spend_after(
        &self,
        platform: &str,
        from: DateTime<Utc>,
        after: Option<DateTime<Utc>>,
        n: u32,
    ) -> Result<Option<DateTime<Utc>>> {
        nth_in(self.connection(), platform, from, after, n)
    }
}

impl LedgerRead for Store {
    fn connection(&self) -> &Db {
        &self.conn
    }
}

impl LedgerRead for Tx<'_> {
    fn connection(&self) -> &Db {
        self.conn
    }
}

fn checkpoints_in(
    conn: &Db,
    platform: &str,
    upto: DateTime<Utc>,
    before: Option<DateTime<Utc>>,
    limit: u32,
) -> Result<Vec<(DateTime<Utc>, String)>> {
    // Without a `before`, a bound past every stored time.
    let before = before.map_or_else(|| "9".to_string(), |b| format_at(&b));
    conn.query_map(
        "SELECT at, state FROM ledger_checkpoint WHERE platform = ?1 AND at <= ?2 AND at < ?3 \
         ORDER BY at DESC LIMIT ?4",
        params![platform, format_at(&upto), before, limit],
        |row| {
            let at: String = row.get(0)?;
            Ok((decode(&at)?, row.get(1)?))
        },
    )
}

fn nth_in(
    conn: &Db,
    platform: &str,
    from: DateTime<Utc>,
    after: Option<DateTime<Utc>>,
    n: u32,
) -> Result<Option<DateTime<Utc>>> {
    let lower = lower_bound(from, after);
    conn.query_opt(
        "SELECT at FROM entry WHERE platform = ?1 AND at >= ?2 ORDER BY at LIMIT 1 OFFSET ?3",
        params![platform, lower, n.saturating_sub(1)],
        |row| decode(&row.get::<String>(0)?),
    )
}

impl Tx<'_> {
    /// Stores a checkpoint (replacing one at the same time).
    pub fn save_checkpoint(&self, platform: &str, at: DateTime<Utc>, state: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO ledger_checkpoint (platform, at, state) VALUES (?1, ?2, ?3) \
             ON CONFLICT (platform, at) DO UPDATE SET state = excluded.state",
            params![platform, format_at(&at), state],
        )?;
        Ok(())
    }

    /// Deletes the platform's checkpoints dated at or after `from` (no longer fitting).
    pub fn delete_checkpoints(&self, platform: &str, from: DateTime<Utc>) -> Result<()> {
        self.conn.execute(
            "DELETE FROM ledger_checkpoint WHERE platform = ?1 AND at >= ?2",
            params![platform, format_at(&from)],
        )?;
        Ok(())
    }

    /// Platforms that have checkpoints or a balance (plan, top-up, adjustment).
    pub fn checkpointed_platforms(&self) -> Result<Vec<String>> {
        self.conn.query_map(
            "SELECT platform FROM ledger_checkpoint UNION SELECT platform FROM account_change \
             UNION SELECT platform FROM topup UNION SELECT platform FROM adjustment ORDER BY 1",
            (),
            |r| r.get(0),
        )
    }
}
