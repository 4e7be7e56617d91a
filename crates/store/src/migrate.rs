//! Schema migrations: numbered SQL files embedded in the binary, applied in order.
//!
//! The schema version is `PRAGMA user_version` (the number of migrations applied) and the file
//! is marked as ours with `PRAGMA application_id`, so a foreign database that happens to use
//! `user_version` is never mistaken for a credits one. Migrations never change once released:
//! a schema change is a new file at the end of `MIGRATIONS`.

use anyhow::{bail, Context, Result};
use rusqlite::{Connection, ErrorCode, TransactionBehavior};
use std::path::Path;

/// `PRAGMA application_id` of a credits database: "CRDT" in ASCII.
pub(crate) const APPLICATION_ID: i32 = 0x4352_4454;

/// Every migration, oldest first; migration `n` (1-based) brings the schema to version `n`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_balances.sql"),
    include_str!("migrations/0003_engine.sql"),
    include_str!("migrations/0004_price_tables.sql"),
    include_str!("migrations/0005_plan_terms.sql"),
    include_str!("migrations/0006_speed.sql"),
    include_str!("migrations/0007_scan.sql"),
    include_str!("migrations/0008_scan_stamp.sql"),
    include_str!("migrations/0009_tag_sums.sql"),
    include_str!("migrations/0010_who.sql"),
    include_str!("migrations/0011_budget_user.sql"),
    include_str!("migrations/0012_billed.sql"),
    include_str!("migrations/0013_balance_check.sql"),
    include_str!("migrations/0014_subscribed.sql"),
    include_str!("migrations/0015_billed_line_currency.sql"),
    include_str!("migrations/0016_topup_ref.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// What the header of an existing file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
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
pub fn apply(conn: &mut Connection, name: &str) -> Result<()> {
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

/// The files SQLite reads beside a database and would write back into it on open: checked by
/// [`preflight`] before SQLite may touch anything.
pub mod sidecar {
    use std::ffi::OsString;
    use std::fs::File;
    use std::io::{self, Read};
    use std::path::{Path, PathBuf};

    /// `path` with `suffix` appended (`credits.db` → `credits.db-wal`).
    pub fn beside(path: &Path, suffix: &str) -> PathBuf {
        let mut name: OsString = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    }

    /// The first `n` bytes of a file (fewer if it is shorter); `None` if there is no file.
    pub fn head(path: &Path, n: usize) -> io::Result<Option<Vec<u8>>> {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let mut buf = Vec::with_capacity(n);
        file.take(n as u64).read_to_end(&mut buf)?;
        Ok(Some(buf))
    }

    fn be32(b: &[u8], at: usize) -> u32 {
        u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
    }

    /// What a database file's 100-byte header says.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct DbHeader {
        pub page_size: u32,
        pub user_version: u32,
        pub application_id: i32,
    }

    /// `None`: not a SQLite header.
    pub fn db_header(b: &[u8]) -> Option<DbHeader> {
        if b.len() < 100 || &b[..16] != b"SQLite format 3\0" {
            return None;
        }
        let raw = u32::from(u16::from_be_bytes([b[16], b[17]]));
        let page_size = if raw == 1 { 65536 } else { raw };
        Some(DbHeader {
            page_size,
            user_version: be32(b, 60),
            application_id: be32(b, 68) as i32,
        })
    }

    /// What the committed part of a write-ahead log holds (SQLite's "WAL file format").
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Wal {
        /// No file, an empty one, or no committed frame: nothing SQLite would replay.
        Nothing,
        /// Not a write-ahead log at all (a bad magic number, version or page size).
        Garbage,
        /// Committed frames SQLite would replay into the database.
        Frames {
            page_size: u32,
            /// The last committed image of page 1, if the log holds one.
            page1: Option<Vec<u8>>,
        },
    }

    /// SQLite's WAL checksum over `data` (a multiple of 8 bytes), continuing from `s`.
    fn checksum(big_endian: bool, data: &[u8], s: (u32, u32)) -> (u32, u32) {
        let (mut s0, mut s1) = s;
        for pair in data.chunks_exact(8) {
            let word = |i: usize| {
                let w = [pair[i], pair[i + 1], pair[i + 2], pair[i + 3]];
                if big_endian {
                    u32::from_be_bytes(w)
                } else {
                    u32::from_le_bytes(w)
                }
            };
            s0 = s0.wrapping_add(word(0)).wrapping_add(s1);
            s1 = s1.wrapping_add(word(4)).wrapping_add(s0);
        }
        (s0, s1)
    }

    /// Reads a `-wal` file the way SQLite's recovery does: the header (magic, version, page
    /// size, salts, checksum), then frames while their salts match the header's and their
    /// cumulative checksums hold, up to the last commit frame.
    pub fn read_wal(path: &Path) -> io::Result<Wal> {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Wal::Nothing),
            Err(e) => return Err(e),
        };
        let mut r = io::BufReader::with_capacity(1 << 20, file);
        let mut hdr = [0u8; 32];
        match r.read_exact(&mut hdr) {
            Ok(()) => {}
            // Shorter than a header: SQLite treats it as empty.
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(Wal::Nothing),
            Err(e) => return Err(e),
        }
        if hdr.iter().all(|&b| b == 0) {
            return Ok(Wal::Nothing);
        }
        let magic = be32(&hdr, 0);
        let page_size = be32(&hdr, 8);
        if magic & !1 != 0x377f_0682
            || be32(&hdr, 4) != 3_007_000
            || !(512..=65536).contains(&page_size)
            || !page_size.is_power_of_two()
        {
            return Ok(Wal::Garbage);
        }
        let big = magic & 1 == 1;
        let mut sum = checksum(big, &hdr[..24], (0, 0));
        if sum != (be32(&hdr, 24), be32(&hdr, 28)) {
            // SQLite ignores a log whose header does not check out.
            return Ok(Wal::Nothing);
        }
        let salts = (be32(&hdr, 16), be32(&hdr, 20));
        let mut frame = vec![0u8; 24 + page_size as usize];
        let (mut committed, mut page1, mut pending1): (bool, Option<Vec<u8>>, Option<Vec<u8>>) =
            (false, None, None);
        loop {
            match r.read_exact(&mut frame) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => break,
                Err(e) => return Err(e),
            }
            if (be32(&frame, 8), be32(&frame, 12)) != salts {
                break;
            }
            sum = checksum(big, &frame[..8], sum);
            sum = checksum(big, &frame[24..], sum);
            if sum != (be32(&frame, 16), be32(&frame, 20)) {
                break;
            }
            if be32(&frame, 0) == 1 {
                pending1 = Some(frame[24..].to_vec());
            }
            if be32(&frame, 4) != 0 {
                committed = true;
                if pending1.is_some() {
                    page1 = pending1.take();
                }
            }
        }
        Ok(if committed {
            Wal::Frames { page_size, page1 }
        } else {
            Wal::Nothing
        })
    }

    /// What a rollback journal (`-journal`) would write back on open: its page size and
    /// whether it holds any page, from its header.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Journal {
        pub page_size: u32,
    }

    /// A `-journal` that holds pages SQLite would roll back into the database; `None` for no
    /// file, an empty or zeroed one, or one with only a header.
    pub fn read_journal(path: &Path) -> io::Result<Option<Journal>> {
        // One open file for the header and the length: another process committing removes
        // its journal at any moment, and a second lookup by name would then fail.
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let len = file.metadata()?.len();
        let mut b = Vec::with_capacity(28);
        file.take(28).read_to_end(&mut b)?;
        if b.len() < 28 || b[..8] != [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7] {
            return Ok(None);
        }
        let sector = u64::from(be32(&b, 20)).max(512);
        let page_size = be32(&b, 24);
        // Page records follow the header's sector.
        Ok((len > sector).then_some(Journal { page_size }))
    }
}

/// Refuses, before SQLite opens `path`, a database that is not one this build may use, or a
/// `-wal` or `-journal` beside it that does not belong to it: SQLite would replay such a file
/// into the database on open (and a `-wal` beside an empty file would be deleted), so a
/// refused file must be refused here, from the bytes, while nothing has been written.
pub(crate) fn preflight(path: &Path, name: &str) -> Result<()> {
    let read = |p: &Path| format!("cannot read {}", p.display());
    let db = sidecar::head(path, 100).with_context(|| read(path))?;
    let header = match db.as_deref() {
        None | Some([]) => None,
        Some(bytes) => match sidecar::db_header(bytes) {
            Some(h) => Some(h),
            None => bail!("{name} is not a SQLite database, or it is corrupt"),
        },
    };
    let wal_path = sidecar::beside(path, "-wal");
    let wal_name = wal_path.display().to_string();
    let wal = sidecar::read_wal(&wal_path).with_context(|| read(&wal_path))?;
    let foreign_wal = |why: String| -> anyhow::Error {
        credits_core::error::fail_with_help(
            format!("{wal_name} does not belong to {name}: {why}; it was left as it was"),
            format!(
                "move {wal_name} away (it may hold another database's last changes), then run \
                 the command again"
            ),
        )
    };
    // The header as SQLite would see it once the log is replayed.
    let mut effective = header;
    match (&wal, header) {
        (sidecar::Wal::Nothing, _) => {}
        (sidecar::Wal::Garbage, _) => {
            return Err(foreign_wal("it is not a SQLite write-ahead log".into()))
        }
        (sidecar::Wal::Frames { .. }, None) => {
            return Err(foreign_wal(format!(
                "it holds changes but {name} is empty or missing"
            )))
        }
        (sidecar::Wal::Frames { page_size, page1 }, Some(h)) => {
            if *page_size != h.page_size {
                return Err(foreign_wal(format!(
                    "its pages are {page_size} bytes, the database's {}",
                    h.page_size
                )));
            }
            if let Some(p1) = page1 {
                match sidecar::db_header(p1) {
                    Some(w) if w.application_id == APPLICATION_ID => effective = Some(w),
                    _ if h.application_id == APPLICATION_ID => {
                        return Err(foreign_wal(
                            "it is the log of a database that is not a credits database".into(),
                        ))
                    }
                    Some(w) => effective = Some(w),
                    None => return Err(foreign_wal("its first page is not a database's".into())),
                }
            }
        }
    }
    let journal_path = sidecar::beside(path, "-journal");
    if let Some(j) = sidecar::read_journal(&journal_path).with_context(|| read(&journal_path))? {
        let journal_name = journal_path.display().to_string();
        let why = match header {
            None => Some(format!("it holds pages but {name} is empty or missing")),
            Some(h) if h.page_size != j.page_size => Some(format!(
                "its pages are {} bytes, the database's {}",
                j.page_size, h.page_size
            )),
            Some(_) => None,
        };
        if let Some(why) = why {
            return Err(credits_core::error::fail_with_help(
                format!("{journal_name} does not belong to {name}: {why}; it was left as it was"),
                format!("move {journal_name} away, then run the command again"),
            ));
        }
    }
    if let Some(h) = effective {
        match h.application_id {
            0 => {}
            APPLICATION_ID if h.user_version > SCHEMA_VERSION => bail!(
                "{name} was written by a newer version of credits (schema {}, this build knows \
                 {SCHEMA_VERSION}); upgrade credits to use it",
                h.user_version
            ),
            APPLICATION_ID => {}
            _ => {
                bail!("{name} is not a credits database (it holds other data); choose another file")
            }
        }
    }
    Ok(())
}
