//! The local SQLite log of generations (issue 3): the one module that owns the database.
//!
//! Invariants every method keeps:
//! - Credits are stored as INTEGER milli-credits and money as INTEGER micro-units, so `SUM` in
//!   SQL is exact; the API speaks `Decimal` and `units` is the only place that converts.
//! - Every write runs in a `BEGIN IMMEDIATE` transaction: a deferred one that reads first fails
//!   with SQLITE_BUSY under concurrent writers even with a busy timeout (STYLE.md, Database).
//!   With WAL and the busy timeout, several `credits log` processes at once all succeed.
//! - A file that is not a credits database, is corrupt, or was written by a newer version is
//!   refused before anything is written to it.

mod accounts;
mod balances;
mod batch;
mod billed;
pub use billed::{Billed, BilledLine, LineWrite, Matched};
mod checkpoints;
mod checks;
mod db;
mod postgres_ledger;
pub use batch::{BatchSummary, Conflict, KeyCheck, Skipped, SKIPPED_SHOWN};
pub use checkpoints::LedgerRead;
pub use db::Backend;
use db::Db;
pub use postgres_ledger::{hide_password, hide_passwords_in, is_postgres_url, PgLocation};
mod entries;
mod files;
pub use files::{EntryFile, FileStamp};
mod maintenance;
mod migrate;
mod report;
mod summary;
mod sums;
mod units;

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use rusqlite::{Connection, ErrorCode, OpenFlags};

/// The store's own checks, for `crate::exchange` to report them where a file's column is known.
pub use entries::check_tags;
pub use entries::Order;
pub use maintenance::Task;
pub use migrate::SCHEMA_VERSION;
pub use report::{GroupKey, ReportRow};
pub use units::round_money;
pub use units::{to_micro, to_milli};

/// How long a write waits for another process's transaction before giving up. Generous:
/// parallel scripts logging at once should queue, not fail. SQLite's busy handler polls
/// (every 100 ms once it has waited a while), so with many writers one can keep missing
/// its turn: 10 s was once not enough for 8 processes on 2 loaded cores (a CI run beside a
/// build), where every other write went through.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// What SQLite's own busy handler sleeps before each retry, in ms (`delays` in sqlite3.c),
/// then 100 ms each: the same schedule, so that queueing writers behave as before.
const BUSY_DELAYS_MS: [u64; 12] = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100];

/// After how long a waiting write says so (issue 20: "says after a second of waiting").
const WAIT_NOTICE_AFTER_MS: u64 = 1000;

static WAIT_NOTICE: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// What to do once a write has waited a second for another process's transaction (the binary
/// says so on stderr; the store never prints). Set once per process.
pub fn on_long_wait(notice: fn()) {
    let _ = WAIT_NOTICE.set(notice);
}

/// SQLite's busy handler: `retries` is how often this lock attempt has been refused so far.
/// Sleeps by [`BUSY_DELAYS_MS`], tells [`on_long_wait`]'s notice once when the wait crosses a
/// second, and gives up (SQLITE_BUSY) after [`BUSY_TIMEOUT`].
fn busy(retries: i32) -> bool {
    let n = usize::try_from(retries).unwrap_or(0);
    let waited: u64 = match BUSY_DELAYS_MS.get(..n) {
        Some(done) => done.iter().sum(),
        None => {
            let extra = u64::try_from(n - BUSY_DELAYS_MS.len()).unwrap_or(u64::MAX);
            BUSY_DELAYS_MS
                .iter()
                .sum::<u64>()
                .saturating_add(extra.saturating_mul(100))
        }
    };
    let timeout = u64::try_from(BUSY_TIMEOUT.as_millis()).unwrap_or(u64::MAX);
    if waited >= timeout {
        return false;
    }
    let delay = BUSY_DELAYS_MS.get(n).copied().unwrap_or(100);
    if waited < WAIT_NOTICE_AFTER_MS && waited.saturating_add(delay) >= WAIT_NOTICE_AFTER_MS {
        if let Some(notice) = WAIT_NOTICE.get() {
            notice();
        }
    }
    std::thread::sleep(Duration::from_millis(delay));
    true
}

/// An open credits database.
#[derive(Debug)]
pub struct Store {
    conn: Db,
    /// The file, as messages name it.
    name: String,
}

/// A transaction: given by [`Store::write`] to read and write, or by [`Store::read`] to read
/// one consistent snapshot. A command that must read before it writes (refuse an adjustment
/// that would take the balance below zero; snapshot an entry's money from the ledger) does
/// both in one, so nothing another process writes in between can make the check stale, and
/// an error leaves nothing written.
pub struct Tx<'c> {
    conn: &'c Db,
}

impl Store {
    /// The one way to write: runs `f` inside one `BEGIN IMMEDIATE` transaction, committed if
    /// it succeeds, rolled back (nothing written) if it fails. A deferred transaction that
    /// reads first fails with SQLITE_BUSY under concurrent writers even with a busy timeout.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        if self.is_read_only()? {
            return Err(credits_core::error::fail_with_help(
                format!("{} is read-only: this command writes to the log", self.name),
                "make the file and its folder writable (or pass --db a copy), then run it again",
            ));
        }
        match &self.conn {
            Db::Sqlite(_) => self.conn.execute_batch("BEGIN IMMEDIATE")?,
            Db::Postgres(_) => postgres_ledger::begin_write(&self.conn)?,
        }
        finish(&self.conn, f(&Tx { conn: &self.conn }))
    }

    /// Whether this database was opened for reading only ([`Store::open_read_only`]).
    pub fn is_read_only(&self) -> Result<bool> {
        Ok(match &self.conn {
            Db::Sqlite(c) => c.is_readonly(rusqlite::MAIN_DB)?,
            // A role's missing privileges show on the write itself, named by the server.
            Db::Postgres(_) => false,
        })
    }

    /// Runs `f` on one consistent snapshot (a deferred transaction, rolled back at the end).
    /// The methods that write fail here on a read-only file, and are never called from it.
    pub fn read<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        match &self.conn {
            Db::Sqlite(_) => self.conn.execute_batch("BEGIN DEFERRED")?,
            // Repeatable read: every statement of `f` sees the same snapshot, as on SQLite.
            Db::Postgres(_) => self
                .conn
                .execute_batch("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?,
        }
        let value = f(&Tx { conn: &self.conn });
        self.conn.execute_batch("ROLLBACK")?;
        value
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.conn.backend()
    }

    /// The database as messages name it: a file's path, or a URL without its password.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// What `credits db status` shows of a database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbStatus {
    pub backend: Backend,
    /// The file, or the URL without its password.
    pub location: String,
    pub schema: u32,
    pub entries: u64,
    /// Bytes on disk: the file (and its write-ahead log), or the PostgreSQL database.
    pub size_bytes: Option<u64>,
}

impl Store {
    /// The backend, where the database is, its schema version, entries and size.
    pub fn status(&self) -> Result<DbStatus> {
        let entries: i64 = self
            .conn
            .query_row("SELECT count(*) FROM entry", (), |r| r.get(0))?;
        let (schema, size_bytes) = match &self.conn {
            Db::Sqlite(c) => {
                let (version, pages, page_size): (u32, i64, i64) = c.query_row(
                    "SELECT (SELECT user_version FROM pragma_user_version), \
                            (SELECT page_count FROM pragma_page_count), \
                            (SELECT page_size FROM pragma_page_size)",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )?;
                (version, u64::try_from(pages * page_size).ok())
            }
            Db::Postgres(_) => self.conn.query_row(
                "SELECT (SELECT version FROM credits_schema), \
                        pg_database_size(current_database())",
                (),
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?,
        };
        Ok(DbStatus {
            backend: self.backend(),
            location: self.name.clone(),
            schema,
            entries: u64::try_from(entries).unwrap_or(0),
            size_bytes,
        })
    }
}

/// Commits when `value` is a success, rolls back (nothing written) when it is an error.
fn finish<T>(conn: &Db, value: Result<T>) -> Result<T> {
    match value {
        Ok(v) => {
            conn.execute_batch("COMMIT")?;
            Ok(v)
        }
        Err(e) => {
            // The error says what went wrong; a failed rollback (a dropped connection) adds
            // nothing the user can act on, and the server rolls back on disconnect anyway.
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

impl Store {
    /// Opens (creating it and its folder if needed) the database at `path` and brings its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let name = path.display().to_string();
        // Before anything is created or SQLite reads a byte: a -wal or -journal that is not
        // this file's would be replayed into it on open.
        migrate::preflight(path, &name)?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            private::create_dir_all(parent)
                .with_context(|| format!("cannot create the folder {}", parent.display()))?;
        }
        // Made before SQLite opens it, readable by its owner only; SQLite gives the -wal
        // and -shm files the database file's permissions.
        private::create_file(path).with_context(|| format!("cannot create {name}"))?;
        // Without SQLITE_OPEN_URI: the path is a file name, never a `file:` URI.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .with_context(|| format!("cannot open {name}"))?;
        Store::init(conn, &name)
    }

    /// Opens an existing database for reading only, for a file or folder this user may not
    /// write: nothing is created, migrated or written. `Ok(None)` when the file's schema is
    /// older than this build's, so reading it needs a migration first.
    pub fn open_read_only(path: &Path) -> Result<Option<Store>> {
        let name = path.display().to_string();
        migrate::preflight(path, &name)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .with_context(|| format!("cannot open {name}"))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let conn = match migrate::inspect(&conn, &name) {
            Ok(found) => {
                if found != migrate::Found::Credits(SCHEMA_VERSION) {
                    return Ok(None);
                }
                conn
            }
            Err(e) if !has_live_wal(path) => {
                // In WAL mode SQLite wants to make the -wal and -shm files, which a read-only
                // folder forbids; with no log to replay, the file alone is the whole
                // database and can be read as immutable.
                let immutable = Connection::open_with_flags(
                    immutable_uri(path),
                    flags | OpenFlags::SQLITE_OPEN_URI,
                )
                .with_context(|| format!("cannot open {name}"))?;
                immutable.busy_timeout(BUSY_TIMEOUT)?;
                match migrate::inspect(&immutable, &name) {
                    Ok(found) if found == migrate::Found::Credits(SCHEMA_VERSION) => immutable,
                    Ok(_) => return Ok(None),
                    Err(_) => return Err(e),
                }
            }
            Err(e) => return Err(e),
        };
        conn.pragma_update(None, "foreign_keys", true)?;
        Ok(Some(Store {
            conn: Db::Sqlite(conn),
            name,
        }))
    }

    /// Opens the PostgreSQL ledger at `location`, creating the schema in an empty database
    /// (`migrate`), or `Ok(None)` for an empty one opened by a command that only reads.
    pub fn open_postgres(location: &PgLocation, migrate: bool) -> Result<Option<Store>> {
        let conn = Db::Postgres(Box::new(db::Pg::new(location.connect()?)));
        if !postgres_ledger::open_schema(&conn, location.shown(), migrate)? {
            return Ok(None);
        }
        Ok(Some(Store {
            conn,
            name: location.shown().to_string(),
        }))
    }

    /// A fresh database in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, ":memory:")
    }

    fn init(mut conn: Connection, name: impl Into<String>) -> Result<Store> {
        let name: String = name.into();
        let name = name.as_str();
        conn.busy_handler(Some(busy))?;
        // Inspect before any pragma that writes: switching to WAL rewrites the header, and a
        // refused file must stay byte-for-byte as it was.
        let found = migrate::inspect(&conn, name)?;
        set_wal(&conn).with_context(|| format!("cannot switch {name} to WAL"))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        if found != migrate::Found::Credits(SCHEMA_VERSION) {
            migrate::apply(&mut conn, name)?;
        }
        Ok(Store {
            conn: Db::Sqlite(conn),
            name: name.to_string(),
        })
    }
}

/// Whether a `-wal` beside `path` holds committed changes the database file lacks.
fn has_live_wal(path: &Path) -> bool {
    !matches!(
        migrate::sidecar::read_wal(&migrate::sidecar::beside(path, "-wal")),
        Ok(migrate::sidecar::Wal::Nothing)
    )
}

/// `file:/abs/path?immutable=1`, every byte of the path but unreserved ones and `/`
/// percent-encoded: built here from a path, never taken from the user.
fn immutable_uri(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        abs.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = abs.to_string_lossy().replace('\\', "/").into_bytes();
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Files and folders the store makes are private to their owner (0600 and 0700 on Unix),
/// whatever the umask: the log says what a studio spends and for which client.
mod private {
    use std::io;
    use std::path::Path;

    #[cfg(unix)]
    pub fn create_dir_all(dir: &Path) -> io::Result<()> {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }

    #[cfg(not(unix))]
    pub fn create_dir_all(dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir)
    }

    /// Creates an empty file readable by its owner only, unless one is there already.
    pub fn create_file(path: &Path) -> io::Result<()> {
        // An existing file (perhaps in a folder the user may only read) is left alone.
        if path.exists() {
            return Ok(());
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        match options.open(path) {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// Switches to WAL, so readers never block the writer and parallel `credits log` processes
/// queue on the busy timeout. On a new file several processes may race to switch at once;
/// SQLite answers SQLITE_BUSY to the losers without calling the busy handler, so retry here
/// within the same timeout.
fn set_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        // In memory this answers "memory"; either way there is nothing more to do.
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Ok(_) => return Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(e.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                    && Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Which backend the store's own tests run on: SQLite in memory, or, when
/// `CREDITS_TEST_BACKEND=postgres` (set by [`tests::the_store_tests_pass_on_postgres`] for a
/// second run of this test binary), a fresh database of the throwaway PostgreSQL server.
#[cfg(test)]
pub(crate) fn testing_postgres() -> bool {
    std::env::var("CREDITS_TEST_BACKEND").is_ok_and(|b| b == "postgres")
}

/// Shorthands for the store's own tests: each is one write through [`Store::write`].
#[cfg(test)]
impl Store {
    /// A new, empty database on the backend under test ([`testing_postgres`]).
    pub fn open_for_tests() -> Store {
        if !testing_postgres() {
            return Store::open_in_memory().expect("an in-memory database");
        }
        let server = credits_testpg::server().expect("a PostgreSQL server for the second run");
        let url = format!("{}?sslmode=disable", server.fresh_database());
        let location = PgLocation::parse(&url).expect("the test server's URL");
        Store::open_postgres(&location, true)
            .expect("the test database opens")
            .expect("its schema is made")
    }

    pub fn set_status(&mut self, id: i64, status: credits_core::records::Status) -> Result<bool> {
        self.write(|tx| tx.set_status(id, status, None))
    }

    pub fn set_status_at(
        &mut self,
        id: i64,
        status: credits_core::records::Status,
        at: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<bool> {
        self.write(|tx| tx.set_status(id, status, at))
    }

    pub fn edit(&mut self, id: i64, edit: &credits_core::records::EntryEdit) -> Result<bool> {
        self.write(|tx| tx.edit(id, edit))
    }

    pub fn remove(&mut self, id: i64) -> Result<Option<credits_core::records::Entry>> {
        self.write(|tx| tx.remove(id))
    }

    /// A platform's ledger records from its start, in UTC.
    pub fn test_records(&self, platform: &str) -> Result<credits_core::records::LedgerRecords> {
        let utc = chrono::FixedOffset::east_opt(0).expect("UTC");
        self.ledger_records(platform, |r| credits_core::ledger::build::start(r, &utc))
    }
}

// What a failure means, asked by the application without naming the driver: the SQLite error
// codes stay inside this crate.

/// Whether opening for writing failed only because the file or its folder may not be written
/// (SQLITE_READONLY_*, SQLITE_CANTOPEN for the -wal or -shm, a permission error).
pub fn is_read_only_failure(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        if let Some(rusqlite::Error::SqliteFailure(f, _)) = e.downcast_ref::<rusqlite::Error>() {
            return matches!(
                f.code,
                rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen
            );
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            return io.kind() == std::io::ErrorKind::PermissionDenied;
        }
        false
    })
}

/// Whether an error is the disk refusing a write: full, or a file size limit (`ulimit -f`,
/// EFBIG), which SQLite reports as a full disk or a write I/O error.
pub fn is_out_of_space(err: &anyhow::Error) -> bool {
    use rusqlite::ErrorCode;
    err.chain().any(|e| {
        if let Some(rusqlite::Error::SqliteFailure(f, _)) = e.downcast_ref::<rusqlite::Error>() {
            return f.code == ErrorCode::DiskFull
                // SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_IOERR_TRUNCATE,
                // SQLITE_IOERR_SHMSIZE: a failed write, not a failed read.
                || (f.code == ErrorCode::SystemIoFailure
                    && [778, 1034, 1546, 4874].contains(&f.extended_code));
        }
        e.downcast_ref::<std::io::Error>().is_some_and(|io| {
            matches!(
                io.kind(),
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::FileTooLarge
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every test of this crate again, on PostgreSQL: this test binary run a second time with
    /// `CREDITS_TEST_BACKEND=postgres`, so plain `cargo test` checks both backends whenever a
    /// server can be had (`credits_testpg`: one is started when its binaries are installed;
    /// without, it says loudly that these were skipped). Tests that look at SQLite's own
    /// files or pragmas return early there.
    #[test]
    fn the_store_tests_pass_on_postgres() {
        if testing_postgres() || credits_testpg::server().is_none() {
            return;
        }
        let exe = std::env::current_exe().expect("the test binary");
        let out = std::process::Command::new(exe)
            .env("CREDITS_TEST_BACKEND", "postgres")
            .args([
                "--skip",
                "the_store_tests_pass_on_postgres",
                "--test-threads",
                "4",
            ])
            .output()
            .expect("the second run starts");
        assert!(
            out.status.success(),
            "the store tests failed on PostgreSQL:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    #[allow(unused_imports)]
    use credits_core::records::{Filter, NewEntry, Request};
    use std::fs;

    fn file_in(dir: &tempfile::TempDir) -> std::path::PathBuf {
        dir.path().join("sub").join("credits.db")
    }

    #[test]
    fn open_creates_the_folder_and_the_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = file_in(&dir);
        let store = Store::open(&path).unwrap();
        let version: u32 = store
            .conn
            .query_row("PRAGMA user_version", (), |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", (), |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        drop(store);
        // Opening again finds the schema in place.
        Store::open(&path).unwrap();
    }

    #[test]
    fn newer_schema_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = file_in(&dir);
        drop(Store::open(&path).unwrap());
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 4)
                .unwrap();
            // Back to a rollback journal so that no -wal file hides pending changes.
            conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        }
        let before = fs::read(&path).unwrap();
        let err = format!("{:#}", Store::open(&path).unwrap_err());
        assert!(
            err.contains(&format!(
                "newer version of credits (schema {}, this build knows {})",
                SCHEMA_VERSION + 4,
                SCHEMA_VERSION
            )),
            "{err}"
        );
        assert_eq!(fs::read(&path).unwrap(), before);
        assert!(!path.with_extension("db-wal").exists());
    }

    #[test]
    fn a_foreign_database_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE notes (body TEXT);")
                .unwrap();
        }
        let before = fs::read(&path).unwrap();
        let err = format!("{:#}", Store::open(&path).unwrap_err());
        assert!(err.contains("is not a credits database"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before);

        // Another application's schema version is not mistaken for a newer credits.
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        let err = format!("{:#}", Store::open(&path).unwrap_err());
        assert!(err.contains("is not a credits database"), "{err}");
    }

    #[test]
    fn garbage_and_truncated_files_are_errors_not_panics() {
        let dir = tempfile::tempdir().unwrap();
        let garbage = dir.path().join("garbage.db");
        fs::write(
            &garbage,
            b"this is not a database at all, just some text\n".repeat(200),
        )
        .unwrap();
        let before = fs::read(&garbage).unwrap();
        let err = format!("{:#}", Store::open(&garbage).unwrap_err());
        assert!(err.contains("not a SQLite database"), "{err}");
        assert_eq!(fs::read(&garbage).unwrap(), before);

        // A real database cut short in the middle of its pages.
        let good = dir.path().join("good.db");
        {
            let mut store = Store::open(&good).unwrap();
            for i in 0..200 {
                store
                    .insert_entry(&NewEntry {
                        platform: "runway".into(),
                        model: format!("gen-{i}"),
                        note: Some("x".repeat(200)),
                        ..NewEntry::default()
                    })
                    .unwrap();
            }
            store
                .conn
                .sqlite()
                .unwrap()
                .pragma_update(None, "journal_mode", "DELETE")
                .unwrap();
        }
        let bytes = fs::read(&good).unwrap();
        let cut = dir.path().join("cut.db");
        let mut mangled = bytes[..bytes.len() / 2].to_vec();
        // Scribble over the schema page too.
        for b in &mut mangled[100..600] {
            *b = 0xA5;
        }
        fs::write(&cut, &mangled).unwrap();
        let result = Store::open(&cut).and_then(|s| s.entries(&Filter::default()));
        assert!(result.is_err());
    }

    /// A schema-3 database (the first three migrations, as released) opens: it is brought to
    /// schema 4 and its entries keep no price table, since nothing says which one priced them.
    #[test]
    fn a_schema_3_database_is_upgraded_and_its_entries_record_no_table() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v3.db");
        {
            let conn = Connection::open(&path).unwrap();
            for sql in [
                include_str!("migrations/0001_init.sql"),
                include_str!("migrations/0002_balances.sql"),
                include_str!("migrations/0003_engine.sql"),
            ] {
                conn.execute_batch(sql).unwrap();
            }
            conn.execute("DELETE FROM maintenance", []).unwrap();
            conn.pragma_update(None, "application_id", migrate::APPLICATION_ID)
                .unwrap();
            conn.pragma_update(None, "user_version", 3).unwrap();
            conn.execute(
                "INSERT INTO entry (at, platform, model, credits_milli, cost_micro, currency, \
                 pricing, price_source, dedup_key) VALUES ('2026-10-06T10:00:00Z', 'runway', \
                 'gen-4', 120000, 2880000, 'USD', 'account plan Standard, monthly', 'account', \
                 'k1')",
                [],
            )
            .unwrap();
        }
        let mut store = Store::open(&path).unwrap();
        let version: u32 = store
            .conn
            .query_row("PRAGMA user_version", (), |r| r.get(0))
            .unwrap();
        assert_eq!((SCHEMA_VERSION, version), (SCHEMA_VERSION, SCHEMA_VERSION));
        let old = store.entries(&Filter::default()).unwrap();
        assert_eq!(old.len(), 1);
        assert_eq!(old[0].table, None);
        // Schema 6 summed the entries already there: the sums answer as the entries do.
        for by in [
            vec![],
            vec![report::GroupKey::Month],
            vec![report::GroupKey::Day],
        ] {
            let (scanned, summed) = report::both_ways(&store.conn, &Filter::default(), &by);
            assert_eq!(scanned, summed);
            assert_eq!(summed[0].credits, rust_decimal::Decimal::from(120));
        }
        assert_eq!(
            old[0].cost.as_ref().map(|m| m.amount.to_string()),
            Some("2.88".into())
        );
        // New entries record theirs beside it.
        let stamp = credits_core::records::TableStamp {
            platform: "runway".into(),
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 5, 4).unwrap(),
            sha256: "ab".repeat(32),
        };
        let id = store
            .insert_entry(&NewEntry {
                platform: "runway".into(),
                model: "gen-4".into(),
                table: Some(stamp.clone()),
                ..NewEntry::default()
            })
            .unwrap();
        assert_eq!(store.get(id).unwrap().unwrap().table, Some(stamp));
    }

    #[test]
    fn an_empty_file_is_a_new_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.db");
        fs::write(&path, b"").unwrap();
        Store::open(&path).unwrap();
    }
}
