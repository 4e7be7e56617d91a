//! Schema migrations: numbered SQL files embedded in the binary, applied in order.
//!
//! The schema version is `PRAGMA user_version` (the number of migrations applied) and the file
//! is marked as ours with `PRAGMA application_id`, so a foreign database that happens to use
//! `user_version` is never mistaken for a credits one. Migrations never change once released:
//! a schema change is a new file at the end of `MIGRATIONS`.

use anyhow::{bail, Context, Result};
use rusqlite::{Connection, ErrorCode, TransactionBehavior};

/// `PRAGMA application_id` of a credits database: "CRDT" in ASCII.
pub(crate) const APPLICATION_ID: i32 = 0x4352_4454;

/// Every migration, oldest first; migration `n` (1-based) brings the schema to version `n`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_balances.sql"),
    include_str!("migrations/0003_engine.sql"),
    include_str!("migrations/0004_price_tables.sql"),
    include_str!("migrations/0005_plan_terms.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// What the header of an existing file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// An empty database (a new file): every migration is due.
    New,
    /// A credits database at this schema version (≤ `SCHEMA_VERSION`).
    Credits(u32),
}

/// Reads the header and refuses anything that is not a credits database this build can use.
/// Only reads: a refused file is left byte-for-byte as it was.
pub(crate) fn inspect(conn: &Connection, name: &str) -> Result<Found> {
    // One statement, so one read snapshot: read separately, a concurrent first open could
    // commit between the reads and a half-seen header look like a foreign database.
    let read = || -> rusqlite::Result<(i32, i64, i64)> {
        conn.query_row(
            "SELECT (SELECT application_id FROM pragma_application_id), \
                    (SELECT user_version FROM pragma_user_version), \
                    (SELECT count(*) FROM sqlite_master \
                     WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
    };
    let (app_id, version, tables) = match read() {
        Ok(found) => found,
        Err(rusqlite::Error::SqliteFailure(e, _))
            if matches!(e.code, ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) =>
        {
            bail!("{name} is not a SQLite database, or it is corrupt")
        }
        Err(e) => return Err(e).with_context(|| format!("cannot read {name}")),
    };
    match (app_id, version, tables) {
        (0, 0, 0) => Ok(Found::New),
        (APPLICATION_ID, v, _) if v > i64::from(SCHEMA_VERSION) => bail!(
            "{name} was written by a newer version of credits (schema {v}, this build knows \
             {SCHEMA_VERSION}); upgrade credits to use it"
        ),
        (APPLICATION_ID, v, _) if v >= 1 => Ok(Found::Credits(v as u32)),
        _ => bail!("{name} is not a credits database (it holds other data); choose another file"),
    }
}

/// Brings the schema up to `SCHEMA_VERSION` in one IMMEDIATE transaction. The header is read
/// again under the write lock, so when several processes open a new file at once exactly one
/// of them migrates and the others find the work done.
pub(crate) fn apply(conn: &mut Connection, name: &str) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let from = match inspect(&tx, name)? {
        Found::New => 0,
        Found::Credits(v) => v,
    };
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(sql)
            .with_context(|| format!("migration {} failed on {name}", i + 1))?;
    }
    if from < SCHEMA_VERSION {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    }
    tx.commit()?;
    Ok(())
}
