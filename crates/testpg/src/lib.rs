//! A throwaway PostgreSQL server for the tests. Dev-only: never published, never linked into
//! `credits` itself.
//!
//! The database tests run on both backends. For PostgreSQL a test asks for [`server()`] and, when
//! there is one, for a [`Server::fresh_database`] of its own, so tests never see each other's
//! rows and need no cleanup:
//!
//! ```no_run
//! let Some(pg) = credits_testpg::server() else {
//!     return; // no PostgreSQL here: skipped, and server() has said so loudly
//! };
//! let url = pg.fresh_database(); // postgres://postgres@127.0.0.1:PORT/credits_test_<pid>_<n>
//! pg.run_sql(&url, "CREATE TABLE t (x int)");
//! ```
//!
//! Where the server comes from, in this order (decided once per test process):
//!
//! 1. `CREDITS_TEST_PG_URL`, a server you run, e.g. `postgres://postgres@127.0.0.1:5432/postgres`:
//!    its user must be allowed to create databases; they are created beside the given one.
//! 2. The server binaries (`initdb` and `pg_ctl`): from `CREDITS_TEST_PG_BIN` when set (a
//!    directory; nothing else is searched then), else on the `PATH`, else Debian's
//!    `/usr/lib/postgresql/<version>/bin`, the newest version. A new cluster is made in a temp
//!    dir and started on a free port of 127.0.0.1, once per test process (initdb ~0.5–1.6 s,
//!    start ~0.15 s). The server refuses to run as root, so when the tests run as root (CI does)
//!    the cluster belongs to the `postgres` system user and its commands run as that user.
//! 3. Neither: [`server()`] returns `None` and writes one loud message per process to stderr,
//!    saying the PostgreSQL tests were SKIPPED and how to run them. With
//!    `CREDITS_TEST_PG_REQUIRED=1` (set by `.ci/run`) it panics instead, so a broken install
//!    cannot pass CI by skipping.
//!
//! A started server is stopped and its files removed when the test process exits, also when it
//! panics or is killed: statics are never dropped, so a watchdog started with the server waits
//! for the end of a pipe that only this process holds, which the kernel closes at exit.

use std::ffi::OsStr;
use std::io::Write;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, Output, Stdio};
use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// A server to use instead of starting one: a URL whose user may create databases.
pub const URL_VAR: &str = "CREDITS_TEST_PG_URL";
/// `1` turns "no PostgreSQL here, skipped" into a panic (CI sets it).
pub const REQUIRED_VAR: &str = "CREDITS_TEST_PG_REQUIRED";
/// A directory with `initdb` and `pg_ctl` to use instead of searching the PATH and Debian's.
pub const BIN_VAR: &str = "CREDITS_TEST_PG_BIN";

/// Where Debian (and Ubuntu) put each installed version's server binaries, `<version>/bin`;
/// not on the PATH, which has only the client wrappers there.
const DEBIAN_LIB: &str = "/usr/lib/postgresql";

/// Tries at a free port: another process can take the port between our probe and the server's
/// bind, which shows as a failed start.
const PORT_TRIES: u32 = 5;

/// The PostgreSQL server of this test process: one started here or the one named by
/// `CREDITS_TEST_PG_URL`. Get it from [`server()`].
pub struct Server {
    host: String,
    port: u16,
    /// The URL up to and with the `/` before the database name; a database's URL is this, the
    /// name, then `url_query`.
    url_prefix: String,
    /// `?…` of the given URL (e.g. `?sslmode=disable`), kept on every database's URL.
    url_query: String,
    admin_url: String,
    bin_dir: Option<PathBuf>,
    started_in: Duration,
    /// `server_version_num`, e.g. 150018 for 15.18.
    version_num: u32,
    counter: AtomicU32,
    /// The cluster's temp dir: kept for the life of the process (the watchdog removes it).
    _dir: Option<tempfile::TempDir>,
    /// Our end of the watchdog's pipe: never written, closed only by the process's exit.
    _watchdog: Option<ChildStdin>,
}

static SERVER: OnceLock<Result<Option<Server>, String>> = OnceLock::new();

/// This process's PostgreSQL server, started on the first call (the others wait for it), or
/// `None` when there is none to be had: then a loud message on stderr (once per process) says
/// the PostgreSQL tests were skipped and how to run them.
///
/// # Panics
/// When `CREDITS_TEST_PG_REQUIRED=1` and there is no server, and when `CREDITS_TEST_PG_URL` is
/// set but its server cannot be reached (a server you named is not silently skipped): on every
/// call, so each PostgreSQL test fails with the reason.
pub fn server() -> Option<&'static Server> {
    match SERVER.get_or_init(init) {
        Ok(server) => server.as_ref(),
        Err(why) => panic!("{why}"),
    }
}

fn init() -> Result<Option<Server>, String> {
    if let Some(url) = std::env::var(URL_VAR).ok().filter(|u| !u.is_empty()) {
        return Server::given(&url)
            .map(Some)
            .map_err(|e| format!("{URL_VAR}={url}: {e}"));
    }
    let why_not = match find_bin_dir() {
        Ok(bin) => match Server::start(&bin) {
            Ok(server) => return Ok(Some(server)),
            Err(e) => format!("could not start a server with {}: {e}", bin.display()),
        },
        Err(e) => e,
    };
    if required() {
        return Err(format!(
            "{REQUIRED_VAR} is set but there is no PostgreSQL server for the tests: {why_not}"
        ));
    }
    skipped_loudly(&why_not);
    Ok(None)
}

fn required() -> bool {
    std::env::var(REQUIRED_VAR).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Straight to fd 2: libtest captures `eprintln!` and shows it only for failing tests, and a
/// skip must be seen on a passing run.
fn skipped_loudly(why: &str) {
    let exe = std::env::current_exe().ok();
    let binary = exe
        .as_deref()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .map(|name| {
            // `store-1a2b…` → `store`: cargo's hash says nothing to a reader.
            match name.rsplit_once('-') {
                Some((stem, hash))
                    if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) =>
                {
                    stem.to_string()
                }
                _ => name,
            }
        })
        .unwrap_or_else(|| "this test binary".into());
    let bar = "=".repeat(78);
    let message = format!(
        "\n{bar}\n\
         PostgreSQL tests SKIPPED in {binary}: {why}.\n\
         Only the SQLite half of the database tests ran. To run both, install the PostgreSQL\n\
         server binaries (Debian: `apt-get install postgresql`; the tests start a throwaway\n\
         server themselves, as the `postgres` user when run as root), or point {URL_VAR} at\n\
         a server whose user may create databases, e.g.\n\
         {URL_VAR}=postgres://postgres@127.0.0.1:5432/postgres cargo test\n\
         ({REQUIRED_VAR}=1, as in CI, makes this a failure instead.)\n\
         {bar}\n"
    );
    let _ = std::io::stderr().write_all(message.as_bytes());
}

/// The directory with `initdb` and `pg_ctl`, or why there is none.
fn find_bin_dir() -> Result<PathBuf, String> {
    let has_both = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Some(dir) = std::env::var_os(BIN_VAR).filter(|d| !d.is_empty()) {
        let dir = PathBuf::from(dir);
        return if has_both(&dir) {
            Ok(dir)
        } else {
            Err(format!(
                "{BIN_VAR}={} has no initdb and pg_ctl",
                dir.display()
            ))
        };
    }
    for dir in std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()) {
        if has_both(&dir) {
            // A PATH entry may hold symlinks to a version's binaries (Debian's own PATH has
            // none): the real directory also has psql, pg_dump and the rest, for bin_dir().
            let real = dir.join("initdb").canonicalize().ok();
            let real = real.as_deref().and_then(Path::parent);
            return Ok(match real {
                Some(real) if has_both(real) => real.to_path_buf(),
                _ => dir,
            });
        }
    }
    let mut versions: Vec<(Vec<u32>, PathBuf)> = std::fs::read_dir(DEBIAN_LIB)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let version = name
                .split('.')
                .map(|p| p.parse().ok())
                .collect::<Option<Vec<u32>>>()?;
            let bin = entry.path().join("bin");
            has_both(&bin).then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin).ok_or_else(|| {
        format!("no initdb/pg_ctl on the PATH or in {DEBIAN_LIB}/*/bin, and {URL_VAR} is not set")
    })
}

impl Server {
    /// The server named by `CREDITS_TEST_PG_URL`, checked by connecting to it.
    fn given(url: &str) -> Result<Server, String> {
        let config = postgres::Config::from_str(url).map_err(|e| e.to_string())?;
        let host = match config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(host)) => host.clone(),
            Some(postgres::config::Host::Unix(path)) => path.display().to_string(),
            None => "localhost".into(),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let (url_prefix, url_query) = split_url(url)?;
        Server {
            host,
            port,
            url_prefix,
            url_query,
            // Databases are created from the one given (normally `postgres`): the URL's user
            // may have no right to connect anywhere else.
            admin_url: url.to_string(),
            bin_dir: None,
            started_in: Duration::ZERO,
            version_num: 0,
            counter: AtomicU32::new(0),
            _dir: None,
            _watchdog: None,
        }
        .ask_version()
        .map_err(|e| format!("cannot connect: {e}"))
    }

    /// Fills in the server's version, which also checks that it answers.
    fn ask_version(mut self) -> Result<Server, String> {
        let started = Instant::now();
        let row = postgres::Client::connect(&self.admin_url, postgres::NoTls)
            .and_then(|mut client| {
                client.query_one("SELECT current_setting('server_version_num')::int", &[])
            })
            .map_err(|e| describe(&e))?;
        self.version_num = row.get::<_, i32>(0).try_into().unwrap_or(0);
        self.started_in += started.elapsed();
        Ok(self)
    }

    /// A new cluster in a temp dir, started on a free port of 127.0.0.1, with a watchdog that
    /// stops it and removes the dir when this process exits.
    fn start(bin: &Path) -> Result<Server, String> {
        let started = Instant::now();
        // SAFETY: geteuid has no preconditions and cannot fail.
        let as_postgres = if unsafe { libc::geteuid() } == 0 {
            Some(postgres_user()?)
        } else {
            None
        };
        // As root the dir must be one the postgres user can reach: /tmp, not a TMPDIR that
        // may sit under /root. The socket path (-k) must also stay under ~100 bytes.
        let base = match as_postgres {
            Some(_) => PathBuf::from("/tmp"),
            None => std::env::temp_dir(),
        };
        let dir = tempfile::Builder::new()
            .prefix("credits-testpg-")
            .tempdir_in(&base)
            .map_err(|e| format!("cannot make a temp dir in {}: {e}", base.display()))?;
        if let Some((uid, gid)) = as_postgres {
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid))
                .map_err(|e| format!("cannot give {} to postgres: {e}", dir.path().display()))?;
        }
        let data = dir.path().join("data");
        let log = dir.path().join("log");
        let command = |program: &str| {
            let mut command = Command::new(bin.join(program));
            // Run as the postgres user when we are root (the server refuses root), from a dir
            // it can read (it may not be able to read the test's working dir).
            if let Some((uid, gid)) = as_postgres {
                command.uid(uid).gid(gid).env("HOME", dir.path());
            }
            command.current_dir(dir.path()).stdin(Stdio::null());
            command
        };

        // --no-sync and fsync=off: a cluster that dies with the test process needs no
        // durability, and syncing is most of initdb's time on a slow disk.
        let mut initdb = command("initdb");
        initdb.arg("-D").arg(&data).args([
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--no-locale",
            "-U",
            "postgres",
        ]);
        succeed(&mut initdb, "initdb")?;

        // The watchdog comes before the start so that no way out of here leaves a server
        // running. It runs as the cluster's owner (pg_ctl refuses root) and waits for EOF on
        // its stdin, whose other end only this process holds (Rust opens pipes close-on-exec,
        // so no child of ours inherits it): it sees EOF when this process exits, however it
        // exits. Its own process group keeps a Ctrl-C at the terminal from killing it before
        // it has cleaned up.
        let script = format!(
            "while read -r _; do :; done; {} -D {} -m immediate stop >/dev/null 2>&1; rm -rf {}",
            sh_quote(bin.join("pg_ctl")),
            sh_quote(&data),
            sh_quote(dir.path()),
        );
        let mut watchdog = Command::new("/bin/sh");
        if let Some((uid, gid)) = as_postgres {
            watchdog.uid(uid).gid(gid);
        }
        let watchdog = watchdog
            .arg("-c")
            .arg(script)
            .current_dir("/")
            .env("PATH", "/usr/bin:/bin")
            .process_group(0)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start the watchdog: {e}"))?
            .stdin
            .take();

        let mut last_error = String::new();
        for _ in 0..PORT_TRIES {
            let port = free_port()?;
            let log_before = std::fs::metadata(&log).map(|m| m.len()).unwrap_or(0);
            // max_connections: the concurrency tests run 16 processes at once, each with its
            // own connections, on top of the test threads. The other settings trade durability
            // (of a server that dies with the tests) for speed.
            let options = format!(
                "-k {} -p {port} -c listen_addresses=127.0.0.1 -c max_connections=200 \
                 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                sh_quote(dir.path()),
            );
            let mut pg_ctl = command("pg_ctl");
            pg_ctl
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(&log)
                .args(["-w", "-o", &options, "start"])
                // Keeps the server out of the terminal's process group, like the watchdog.
                .process_group(0);
            match succeed(&mut pg_ctl, "pg_ctl start") {
                Ok(()) => {
                    let url_prefix = format!("postgres://postgres@127.0.0.1:{port}/");
                    // Dropped on an error: that closes the watchdog's pipe, which stops it.
                    return Server {
                        host: "127.0.0.1".into(),
                        port,
                        admin_url: format!("{url_prefix}postgres"),
                        url_prefix,
                        url_query: String::new(),
                        bin_dir: Some(bin.to_path_buf()),
                        started_in: started.elapsed(),
                        version_num: 0,
                        counter: AtomicU32::new(0),
                        _dir: Some(dir),
                        _watchdog: watchdog,
                    }
                    .ask_version()
                    .map_err(|e| format!("started, but cannot connect: {e}"));
                }
                Err(e) => {
                    let log_text = std::fs::read(&log).unwrap_or_default();
                    let new = String::from_utf8_lossy(&log_text[log_before as usize..]);
                    last_error = format!("{e}\nserver log:\n{}", new.trim_end());
                    // Only a port taken since we probed it is worth another try.
                    if !(new.contains("could not bind") || new.contains("already in use")) {
                        break;
                    }
                }
            }
        }
        Err(last_error)
    }

    /// A new, empty database of its own for one test: its URL, e.g.
    /// `postgres://postgres@127.0.0.1:PORT/credits_test_<pid>_<n>`. Created from template1, so
    /// it has no tables; the connecting user owns it.
    ///
    /// # Panics
    /// When the server refuses to create it.
    pub fn fresh_database(&self) -> String {
        self.database_url(&self.fresh_database_name())
    }

    /// Like [`Server::fresh_database`], for tests that need the name (`GRANT … ON DATABASE`):
    /// the new database's name, `credits_test_<pid>_<n>`; [`Server::database_url`] makes its URL.
    ///
    /// # Panics
    /// When the server refuses to create it.
    pub fn fresh_database_name(&self) -> String {
        let mut client = self.connect(&self.admin_url);
        loop {
            let n = self.counter.fetch_add(1, Ordering::Relaxed);
            let name = format!("credits_test_{}_{n}", std::process::id());
            match client.batch_execute(&format!("CREATE DATABASE {name}")) {
                Ok(()) => return name,
                // A server given by URL can keep a database of an earlier run whose process
                // had the same pid: take the next number rather than drop what may be in use.
                Err(e) if e.code() == Some(&postgres::error::SqlState::DUPLICATE_DATABASE) => {}
                Err(e) => panic!(
                    "CREATE DATABASE {name} on {}: {}",
                    self.admin_url,
                    describe(&e)
                ),
            }
        }
    }

    /// The URL of database `name` on this server (same user, host, port and options).
    pub fn database_url(&self, name: &str) -> String {
        format!("{}{name}{}", self.url_prefix, self.url_query)
    }

    /// The URL of the maintenance database: `postgres` on a started server, the URL as given
    /// for `CREDITS_TEST_PG_URL`. For creating roles and databases; tests get their own with
    /// [`Server::fresh_database`].
    pub fn admin_url(&self) -> String {
        self.admin_url.clone()
    }

    /// The host the server listens on (`127.0.0.1` for a started one).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The TCP port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The directory with this server's `initdb`, `pg_ctl`, `psql`, `pg_dump`…; `None` for a
    /// server given by `CREDITS_TEST_PG_URL`, whose binaries may be on another machine.
    pub fn bin_dir(&self) -> Option<&Path> {
        self.bin_dir.as_deref()
    }

    /// The server's version as `server_version_num`: 150018 for 15.18.
    pub fn version_num(&self) -> u32 {
        self.version_num
    }

    /// How long getting the server took: initdb and start, or the first connection to a given
    /// one.
    pub fn started_in(&self) -> Duration {
        self.started_in
    }

    /// Runs `sql` (one or more statements, no results) on the database at `database_url`, for
    /// tests that set up roles, grants and the like.
    ///
    /// # Panics
    /// With the server's error, when connecting or any statement fails.
    pub fn run_sql(&self, database_url: &str, sql: &str) {
        if let Err(e) = self.connect(database_url).batch_execute(sql) {
            panic!("SQL on {database_url} failed: {}\n{sql}", describe(&e));
        }
    }

    fn connect(&self, url: &str) -> postgres::Client {
        postgres::Client::connect(url, postgres::NoTls)
            .unwrap_or_else(|e| panic!("cannot connect to {url}: {}", describe(&e)))
    }
}

/// The server's own words: `postgres::Error` displays a server error as just "db error", and a
/// connection error without its cause.
fn describe(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.to_string();
    }
    match std::error::Error::source(e) {
        Some(cause) => format!("{e}: {cause}"),
        None => e.to_string(),
    }
}

/// The uid and gid of the `postgres` system user (made by Debian's `postgresql` package).
fn postgres_user() -> Result<(u32, u32), String> {
    // SAFETY: a NUL-terminated name; the result is read at once, before any other getpw* call
    // of this thread could overwrite the static record it points to.
    let entry = unsafe { libc::getpwnam(c"postgres".as_ptr()) };
    if entry.is_null() {
        return Err(
            "the tests run as root, which the server refuses, and there is no \
                    `postgres` user to run it as"
                .into(),
        );
    }
    // SAFETY: non-null, so a valid passwd record.
    let entry = unsafe { &*entry };
    Ok((entry.pw_uid, entry.pw_gid))
}

/// A port that was free a moment ago (the OS picks it); the caller retries when it is taken.
fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|e| format!("cannot find a free port on 127.0.0.1: {e}"))
}

/// Runs a command to its end; its output is the error when it fails.
fn succeed(command: &mut Command, what: &str) -> Result<(), String> {
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().map_err(|e| {
        format!(
            "cannot run {}: {e}",
            command.get_program().to_string_lossy()
        )
    })?;
    if status.success() {
        return Ok(());
    }
    Err(format!(
        "{what} failed ({status}): {}{}",
        String::from_utf8_lossy(&stderr).trim(),
        String::from_utf8_lossy(&stdout).trim()
    ))
}

/// `url` cut where a database's name goes: (`scheme://authority/`, `?query` or "").
fn split_url(url: &str) -> Result<(String, String), String> {
    let scheme_end = url
        .find("://")
        .map(|i| i + 3)
        .ok_or("not a URL like postgres://user@host:port/database")?;
    let rest = &url[scheme_end..];
    let authority_end = scheme_end + rest.find(['/', '?']).unwrap_or(rest.len());
    let query = url[authority_end..]
        .find('?')
        .map_or("", |i| &url[authority_end + i..]);
    Ok((format!("{}/", &url[..authority_end]), query.to_string()))
}

/// `s` single-quoted for sh.
fn sh_quote(s: impl AsRef<OsStr>) -> String {
    format!("'{}'", s.as_ref().to_string_lossy().replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::split_url;

    #[test]
    fn urls_are_cut_where_the_database_name_goes() {
        let cut = |url| split_url(url).unwrap();
        assert_eq!(
            cut("postgres://postgres@127.0.0.1:5432/postgres"),
            ("postgres://postgres@127.0.0.1:5432/".into(), String::new())
        );
        assert_eq!(
            cut("postgresql://u:p@db.example:6000/x?sslmode=disable"),
            (
                "postgresql://u:p@db.example:6000/".into(),
                "?sslmode=disable".into()
            )
        );
        assert_eq!(
            cut("postgres://u@h"),
            ("postgres://u@h/".into(), String::new())
        );
        assert_eq!(
            cut("postgres://u@h?a=b"),
            ("postgres://u@h/".into(), "?a=b".into())
        );
        assert!(split_url("host=localhost user=postgres").is_err());
    }
}
