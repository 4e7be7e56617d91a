//! The application layer: the workflows every command shares, with typed inputs and results.
//!
//! Commands (`crate::commands`) turn their clap arguments into a request, call one function
//! here, and render what it returns; they never call each other. When two commands must
//! agree (an `estimate` and the `log` entry it predicts, `import` and `log` naming the same
//! model), they agree because they call the same function here:
//! - [`resolve`]: names the user typed → canonical ids (platform, model, plan, pack);
//! - [`pricing`]: a request priced in the user's context (account plan, balance);
//! - [`ledger`]: a platform's balance as of a time;
//! - [`entries`]: logging, importing, status changes, edits and repricing of entries;
//! - [`exchange`]: `export` and `import` through the file formats of `crate::exchange`;
//! - [`budgets`]: what each budget has used;
//! - [`chart`]: a report's rows as series over time (`report --chart`);
//! - [`checks`]: balance assertions, what a platform showed against the ledger;
//! - [`notes`]: what the user should hear, as data until it is rendered;
//! - [`pace`]: the rate of spending on a platform, and the balance at that rate;
//! - [`bundle`]: pricing bundles: made from a folder, fetched, installed, removed;
//! - [`advice`]: the month of work `plans` prices, from the log or a shot list;
//! - [`scan`]: logging the clips and images found in folders (`credits scan`);
//! - [`sheet`]: the numbers of a cost sheet (`report --html`), and writing it;
//! - [`sync`]: what a platform billed, fetched from its API (`credits sync`).
//! - [`billed`]: what the platforms really billed, imported beside the estimates (`import
//!   --from`, `sync`).
//!
//! This layer may use the pure core (`money`, `cost`, `pricing`, `ledger`, `dates`), the
//! records, and the store. It never prints: notes go back to the caller.

pub mod advice;
pub mod balances;
pub mod billed;
pub mod budgets;
pub mod bundle;
pub mod chart;
pub mod checks;
pub mod entries;
pub mod exchange;
pub mod ledger;
pub mod notes;
pub mod pace;
pub mod pricing;
pub mod reports;
pub mod resolve;
pub mod scan;
pub mod sheet;
pub mod sync;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, Utc};
use credits_core::error::fail;
use credits_core::pricing::catalog::Catalog;
use credits_core::records::Who;
use credits_store::{Store, Task};
use notes::Note;
use std::cell::{Cell, OnceCell, RefCell};
use std::path::PathBuf;

/// What every workflow may use, loaded once per run: the pricing tables, the time, and where
/// the database is. The database is opened only when a workflow needs it, and a run that
/// fails leaves no database behind that it created.
pub struct Session {
    pub catalog: Catalog,
    /// Now, in the user's offset (`crate::clock`).
    pub now: DateTime<FixedOffset>,
    /// `--db` / `CREDITS_DB`; `None`: the user data dir's `credits.db`.
    db: Option<PathBuf>,
    /// Whether this run created the database file (so a failure can take it back).
    created: Cell<bool>,
    /// The folders this run created for it, deepest first.
    created_dirs: RefCell<Vec<PathBuf>>,
    /// Notes from opening the database (a repair a migration asked for).
    notes: RefCell<Vec<Note>>,
    /// `--user`, if given.
    user: Option<String>,
    /// Who records on which machine ([`Session::who`]), found on first use.
    who: OnceCell<Who>,
}

/// `--db` and `CREDITS_DB` name a file: SQLite's `:memory:` and `file:` URIs would log to
/// nothing that lasts (or make a folder named `file:…`), so they are refused.
fn check_db_path(path: &std::path::Path) -> Result<()> {
    let text = path.to_string_lossy();
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(credits_core::error::fail_with_help(
            format!("--db `{text}` is not a regular file"),
            "give the path of a database file (a new one is made if it does not exist)",
        ));
    }
    // A URL is never taken for a file name: a mistyped `postgres:/…` or another database's
    // `mysql://…` would otherwise become folders named after it, the password among them.
    let lower = text.to_ascii_lowercase();
    if text.contains("://") || lower.starts_with("postgres:") || lower.starts_with("postgresql:") {
        return Err(credits_core::error::fail_with_help(
            format!(
                "--db `{}` looks like a URL, but not one of a PostgreSQL ledger",
                credits_store::hide_passwords_in(&text)
            ),
            "a studio ledger is postgres://user[:password]@host[:port]/database; a file is a \
             path such as ~/credits.db",
        ));
    }
    if text.is_empty() || text == ":memory:" || text.starts_with("file:") {
        return Err(credits_core::error::fail_with_help(
            format!("--db `{text}` is not a file path"),
            "give the path of a database file, e.g. --db ~/credits.db (SQLite URIs and :memory: keep nothing)",
        ));
    }
    Ok(())
}

impl Session {
    pub fn new(catalog: Catalog, now: DateTime<FixedOffset>, db: Option<PathBuf>) -> Session {
        Session {
            catalog,
            now,
            db,
            created: Cell::new(false),
            created_dirs: RefCell::new(Vec::new()),
            notes: RefCell::new(Vec::new()),
            user: None,
            who: OnceCell::new(),
        }
    }

    /// The session of `--user NAME`: what it records is logged by NAME.
    pub fn with_user(mut self, user: Option<String>) -> Session {
        self.user = user;
        self
    }

    /// Who records what this run writes, on which machine (`crate::who`: `--user`,
    /// `CREDITS_USER`, the config file, the login name; the host name). Found once, when
    /// first needed, so a command that records nothing never reads the config file for it.
    pub fn who(&self) -> Result<Who> {
        if let Some(who) = self.who.get() {
            return Ok(who.clone());
        }
        let who = crate::who::resolve(self.user.as_deref())?;
        Ok(self.who.get_or_init(|| who).clone())
    }

    /// The user's UTC offset: days, months and subscription periods are in it.
    pub fn offset(&self) -> FixedOffset {
        *self.now.offset()
    }

    pub fn now_utc(&self) -> DateTime<Utc> {
        self.now.with_timezone(&Utc)
    }

    /// Where the log database is.
    pub fn db_path(&self) -> Result<PathBuf> {
        match &self.db_setting()? {
            Some(p) => check_db_path(p).map(|()| p.clone()),
            None => crate::project_dirs()
                .map(|d| d.data_dir().join("credits.db"))
                .ok_or_else(|| {
                    fail("cannot find a home directory for the database; pass --db PATH")
                }),
        }
    }

    /// `--db` or `CREDITS_DB`, else the config file's `db` (read only when neither is given).
    fn db_setting(&self) -> Result<Option<PathBuf>> {
        match &self.db {
            Some(db) => Ok(Some(db.clone())),
            None => crate::config::db(),
        }
    }

    /// The studio ledger, when `--db` (or `CREDITS_DB`, or the config's `db`) is a
    /// `postgres://` URL.
    pub fn postgres(&self) -> Result<Option<credits_store::PgLocation>> {
        match self.db_setting()?.as_deref().and_then(|p| p.to_str()) {
            Some(text) if credits_store::is_postgres_url(text) => {
                credits_store::PgLocation::parse(text).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// The database as messages name it: the file, or the URL without its password.
    pub fn db_name(&self) -> Result<String> {
        match self.postgres()? {
            Some(location) => Ok(location.shown().to_string()),
            None => Ok(self.db_path()?.display().to_string()),
        }
    }

    /// The database for a command that writes: opened, or created if there is none yet.
    pub fn store(&self) -> Result<Store> {
        if let Some(location) = self.postgres()? {
            let store = Store::open_postgres(&location, true)?
                .ok_or_else(|| fail("the ledger's schema could not be created"))?;
            return self.maintain(store);
        }
        let path = self.db_path()?;
        if !path.exists() {
            // Noted before opening: an open that fails half-way leaves nothing either.
            self.created.set(true);
            let missing: Vec<PathBuf> = path
                .ancestors()
                .skip(1)
                .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
                .map(PathBuf::from)
                .collect();
            self.created_dirs.replace(missing);
        }
        let store = Store::open(&path).map_err(|e| {
            if credits_store::is_read_only_failure(&e) {
                credits_core::error::fail_with_help(
                    format!("{} is read-only: this command writes to the log", path.display()),
                    "make the file and its folder writable (or pass --db a copy), then run it again",
                )
            } else {
                e
            }
        })?;
        self.maintain(store)
    }

    /// The database for a command that only reads: the existing file, or an empty database
    /// in memory when there is none (reading never creates a file).
    pub fn store_for_reading(&self) -> Result<Store> {
        match self.existing_store()? {
            Some(store) => Ok(store),
            None => Store::open_in_memory(),
        }
    }

    /// The existing database, or `None` when there is none yet.
    pub fn existing_store(&self) -> Result<Option<Store>> {
        if let Some(location) = self.postgres()? {
            // An empty database stays empty until a command writes (a read-only role could
            // not create the schema anyway).
            return match Store::open_postgres(&location, false)? {
                Some(store) => self.maintain(store).map(Some),
                None => Ok(None),
            };
        }
        let path = self.db_path()?;
        if !path.exists() {
            return Ok(None);
        }
        match Store::open(&path) {
            Ok(store) => self.maintain(store).map(Some),
            // A file or folder this user may only read: read it as it is (writes are
            // refused by `Store::write` with a clear message).
            Err(e) if credits_store::is_read_only_failure(&e) => {
                match Store::open_read_only(&path)? {
                    Some(store) => self.maintain(store).map(Some),
                    None => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// Called when the command failed: removes the database file (and the folders made for
    /// it) if this run created it, so a command that fails creates nothing.
    pub fn discard_if_created(&self) {
        if !self.created.get() {
            return;
        }
        // A file refused before it was made (a -wal with no database) is not this run's.
        if let Ok(path) = self.db_path().map(|p| (p.exists(), p)).and_then(|(e, p)| {
            if e {
                Ok(p)
            } else {
                Err(fail("not created"))
            }
        }) {
            // Another process may have started using the new file meanwhile: a database that
            // holds anything is not this run's to take back.
            let empty = Store::open(&path)
                .and_then(|s| s.is_empty())
                .unwrap_or(true);
            if !empty {
                return;
            }
            for suffix in ["", "-wal", "-shm"] {
                let mut p = path.clone().into_os_string();
                p.push(suffix);
                let _ = std::fs::remove_file(PathBuf::from(p));
            }
        }
        // Only folders this run made, and only while empty.
        for dir in self.created_dirs.take() {
            let _ = std::fs::remove_dir(dir);
        }
    }

    /// Notes gathered while opening the database, for the caller to say once.
    pub fn take_notes(&self) -> Vec<Note> {
        self.notes.take()
    }

    /// Runs what a migration left for the application (see `store::maintenance`).
    fn maintain(&self, mut store: Store) -> Result<Store> {
        for task in store.pending_tasks()? {
            match task {
                // Rows recorded before schema 10 were recorded here: they get the local user
                // and host. A file opened read-only keeps the task for the next open that
                // may write.
                Task::FillWho => {
                    if !store.is_read_only()? {
                        let who = self.who()?;
                        store.write(|tx| {
                            tx.fill_who(&who)?;
                            tx.finish_task(task)
                        })?;
                    }
                }
                // Made again in one write, once: a read-only file keeps the task (its
                // balances replay the log, as they did before checkpoints existed).
                Task::RefreshCheckpoints => {
                    if !store.is_read_only()? {
                        store.write(|tx| {
                            ledger::refresh_all_checkpoints(self, tx)?;
                            tx.finish_task(task)
                        })?;
                    }
                }
                Task::CanonicalNames => {
                    let renamed = store.write(|tx| {
                        let mut renamed = Vec::new();
                        for (platform, model, _) in tx.entry_names()? {
                            let (p, m) = resolve::canonical_names(&self.catalog, &platform, &model);
                            if (p.as_str(), m.as_str()) != (platform.as_str(), model.as_str()) {
                                let n = tx.rename((&platform, &model), (&p, &m))?;
                                renamed.push(notes::Renamed {
                                    from: (platform, model),
                                    to: (p, m),
                                    entries: n,
                                });
                            }
                        }
                        tx.assign_budget_platforms()?;
                        tx.finish_task(task)?;
                        Ok(renamed)
                    })?;
                    if !renamed.is_empty() {
                        self.notes.borrow_mut().push(Note::NamesRepaired(renamed));
                    }
                }
            }
        }
        Ok(store)
    }
}
