//! What only the PostgreSQL backend does: connecting by URL, the one lock every write takes
//! first, and the schema's version in a table (PostgreSQL has no `user_version`).

use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::db::Db;
use crate::SCHEMA_VERSION;

/// The PostgreSQL schema by version: a ledger starts at schema 10 in one migration (there
/// were no PostgreSQL ledgers before it); later schema changes add a file here as they add
/// one to SQLite's list, so both reach the same version.
const MIGRATIONS: &[(u32, &str)] = &[
    (10, include_str!("migrations/pg/0010_schema.sql")),
    (11, include_str!("migrations/pg/0011_budget_user.sql")),
    (12, include_str!("migrations/pg/0012_billed.sql")),
    (13, include_str!("migrations/pg/0013_balance_check.sql")),
    (14, include_str!("migrations/pg/0014_subscribed.sql")),
    (
        15,
        include_str!("migrations/pg/0015_billed_line_currency.sql"),
    ),
    (16, include_str!("migrations/pg/0016_topup_ref.sql")),
];

/// The schema version of the database, `None` when it is empty; refuses a database that is
/// not a credits ledger or that a newer build wrote. Only reads.
fn inspect(conn: &Db, name: &str) -> Result<Option<u32>> {
    let (has_marker, tables): (bool, i64) = conn.query_row(
        "SELECT to_regclass('credits_schema') IS NOT NULL, \
                (SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema())",
        (),
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if !has_marker {
        if tables > 0 {
            return Err(credits_core::error::fail_with_help(
                format!(
                    "{name} is not a credits ledger (its schema holds {tables} other table{})",
                    if tables == 1 { "" } else { "s" }
                ),
                "give the URL of an empty database, or of one credits made",
            ));
        }
        return Ok(None);
    }
    let version: i64 = conn
        .query_opt(
            "SELECT version FROM credits_schema WHERE application = 'credits'",
            (),
            |r| r.get(0),
        )?
        .unwrap_or(0);
    if version > i64::from(SCHEMA_VERSION) {
        return Err(credits_core::error::fail_with_help(
            format!(
                "{name} was written by a newer version of credits (schema {version}, this \
                 build knows {SCHEMA_VERSION})"
            ),
            "upgrade credits on this machine to use the studio ledger",
        ));
    }
    Ok(Some(u32::try_from(version).unwrap_or(0)))
}

/// Brings an empty or older ledger to [`SCHEMA_VERSION`] in one transaction under the write
/// lock, so that of several processes opening a new database at once exactly one creates the
/// schema and the others find it done. `migrate: false` (a command that only reads) leaves
/// an empty database empty and answers `false`.
pub(crate) fn open_schema(conn: &Db, name: &str, migrate: bool) -> Result<bool> {
    if inspect(conn, name)? == Some(SCHEMA_VERSION) {
        return Ok(true);
    }
    if !migrate {
        return Ok(false);
    }
    conn.execute_batch("BEGIN")?;
    let applied = (|| -> Result<()> {
        conn.execute("SELECT pg_advisory_xact_lock(?1)", [WRITE_LOCK])?;
        let from = inspect(conn, name)?.unwrap_or(0);
        for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > from) {
            conn.execute_batch(sql)
                .with_context(|| format!("migration {version} failed on {name}"))?;
        }
        conn.execute(
            "INSERT INTO credits_schema (one, application, version) VALUES (1, 'credits', ?1) \
             ON CONFLICT (one) DO UPDATE SET version = excluded.version",
            [SCHEMA_VERSION],
        )?;
        Ok(())
    })();
    super::finish(conn, applied)?;
    Ok(true)
}

/// The key of the advisory lock every write transaction takes first ("CRDT" in ASCII, as
/// SQLite's `application_id`). One lock for the whole ledger: a strict budget, an adjustment
/// that may not go below zero and a checkpoint all read, check and write; with several
/// machines writing, read committed alone overspends a budget (measured: 509–512 of 500
/// credits logged by 16 writers), the lock held to the end of the transaction does not.
pub(crate) const WRITE_LOCK: i64 = 0x4352_4454;

/// How long a write waits for another writer's lock, as SQLite's busy timeout.
const LOCK_TIMEOUT: Duration = super::BUSY_TIMEOUT;

/// Starts a write transaction and takes the ledger's lock, saying (through
/// [`super::on_long_wait`]) once it has waited a second for another writer.
pub(crate) fn begin_write(conn: &Db) -> Result<()> {
    conn.execute_batch("BEGIN ISOLATION LEVEL READ COMMITTED")?;
    // A test hook, not a feature: `CREDITS_TEST_NO_WRITE_LOCK=1` writes without the lock. It
    // exists only so that tests/postgres_concurrency.rs can show that the lock is what holds a
    // strict budget (without it, 16 writers overspend one); it is in no help or README.
    if std::env::var_os("CREDITS_TEST_NO_WRITE_LOCK").is_some_and(|v| v == "1") {
        return Ok(());
    }
    let started = Instant::now();
    let try_lock = || -> Result<bool> {
        conn.query_row("SELECT pg_try_advisory_xact_lock(?1)", [WRITE_LOCK], |r| {
            r.get(0)
        })
    };
    // Poll for the first second, so that the notice comes when the wait crosses it...
    while started.elapsed() < Duration::from_millis(super::WAIT_NOTICE_AFTER_MS) {
        if try_lock()? {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    if let Some(notice) = super::WAIT_NOTICE.get() {
        notice();
    }
    // ...then queue on the server for the rest of the timeout (no polling, fair order).
    let rest = LOCK_TIMEOUT.saturating_sub(started.elapsed());
    conn.execute_batch(&format!(
        "SET LOCAL lock_timeout = {}",
        rest.as_millis().max(1)
    ))?;
    match conn.execute("SELECT pg_advisory_xact_lock(?1)", [WRITE_LOCK]) {
        Ok(_) => {
            conn.execute_batch("SET LOCAL lock_timeout = 0")?;
            Ok(())
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(credits_core::error::fail_with_help(
                format!(
                    "another writer held the ledger for {} s; nothing was written ({e:#})",
                    LOCK_TIMEOUT.as_secs()
                ),
                "run the command again once the other writer (an import?) has finished",
            ))
        }
    }
}

/// How long connecting (TCP, TLS, startup and password) may take in all.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Where a PostgreSQL ledger is, parsed from `postgres://user[:password]@host[:port]/db`
/// (`postgresql://` too) and its `sslmode` and `sslrootcert` parameters.
pub struct PgLocation {
    config: postgres::Config,
    tls: TlsMode,
    root_cert: Option<std::path::PathBuf>,
    /// The URL as messages show it: never the password.
    shown: String,
}

/// `sslmode`, as libpq reads it: `prefer` (the default) and `require` encrypt without
/// checking the server's certificate (so a server with a self-signed one, Debian's default,
/// works); `verify-ca` and `verify-full` check it against the system's roots or
/// `sslrootcert`, and its name (rustls always checks the name, so `verify-ca` is as strict
/// as `verify-full`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TlsMode {
    Disable,
    Prefer,
    Require,
    Verify,
}

/// Whether `text` names a PostgreSQL database rather than a file: a URL is never taken for a
/// file name (a file literally named `postgres://…` cannot be made on Unix anyway).
pub fn is_postgres_url(text: &str) -> bool {
    let lower = text.get(..13).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

impl PgLocation {
    /// Parses a URL; errors never repeat the password.
    pub fn parse(url: &str) -> Result<PgLocation> {
        // The scheme in any case (`Postgres://`), as the driver takes it: lower case.
        let lowered;
        let url = match url.find("://") {
            Some(i) if url[..i].bytes().any(|b| b.is_ascii_uppercase()) => {
                lowered = format!("{}{}", url[..i].to_ascii_lowercase(), &url[i..]);
                lowered.as_str()
            }
            _ => url,
        };
        let bad = |why: String| {
            credits_core::error::fail_with_help(
                format!("--db {}: {why}", hide_password(url)),
                "write it as postgres://user[:password]@host[:port]/database[?sslmode=require]",
            )
        };
        // sslmode values the driver does not know, and sslrootcert, which it ignores, are
        // taken out here and handled by the TLS setup.
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let mut tls = TlsMode::Prefer;
        let mut root_cert = None;
        let mut kept = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "sslmode" => {
                    tls = match v {
                        "disable" => TlsMode::Disable,
                        "allow" | "prefer" => TlsMode::Prefer,
                        "require" => TlsMode::Require,
                        "verify-ca" | "verify-full" => TlsMode::Verify,
                        other => {
                            return Err(bad(format!(
                                "sslmode `{other}` is not one of disable, prefer, require, \
                                 verify-full"
                            )))
                        }
                    }
                }
                "sslrootcert" => root_cert = Some(std::path::PathBuf::from(percent_decode(v))),
                _ => kept.push(pair),
            }
        }
        let rebuilt = if kept.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        let mut config: postgres::Config = rebuilt.parse().map_err(|e: postgres::Error| {
            // The driver says only "invalid connection string": name the parameter it
            // refused, found by trying each one alone on the URL without the others.
            let refused = kept.iter().find(|pair| {
                format!("{base}?{pair}")
                    .parse::<postgres::Config>()
                    .is_err()
            });
            match refused {
                Some(pair) => bad(format!(
                    "the parameter `{}` is not one PostgreSQL connections take (or its value \
                     is wrong)",
                    pair.split('=').next().unwrap_or(pair)
                )),
                None => bad(format!("{e}")),
            }
        })?;
        if config.get_hosts().is_empty() {
            return Err(bad("it names no host".into()));
        }
        if config.get_dbname().is_none() {
            return Err(bad("it names no database (…/DATABASE at the end)".into()));
        }
        if config.get_user().is_none() {
            if let Some(user) = std::env::var("PGUSER")
                .ok()
                .or_else(|| std::env::var("USER").ok())
            {
                config.user(&user);
            }
        }
        config.connect_timeout(CONNECT_TIMEOUT);
        config.application_name("credits");
        Ok(PgLocation {
            config,
            tls,
            root_cert,
            shown: hide_password(url),
        })
    }

    /// The URL as messages show it, the password replaced by `***`.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    fn host_port(&self) -> String {
        let host = match self.config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
            None => "localhost".into(),
        };
        let port = self.config.get_ports().first().copied().unwrap_or(5432);
        format!("{host}:{port}")
    }

    /// Connects, with the password from the URL, `PGPASSWORD` or `~/.pgpass`.
    pub(crate) fn connect(&self) -> Result<postgres::Client> {
        let mut config = self.config.clone();
        if config.get_password().is_none() {
            if let Some(password) = password_from_env_or_pgpass(&config) {
                config.password(password);
            }
        }
        let tls = match self.tls {
            TlsMode::Disable => None,
            TlsMode::Prefer => {
                config.ssl_mode(postgres::config::SslMode::Prefer);
                Some(self.rustls(false)?)
            }
            TlsMode::Require => {
                config.ssl_mode(postgres::config::SslMode::Require);
                Some(self.rustls(false)?)
            }
            TlsMode::Verify => {
                config.ssl_mode(postgres::config::SslMode::Require);
                Some(self.rustls(true)?)
            }
        };
        // The driver's connect timeout covers the TCP connection only: a server (or a proxy,
        // a port forward) that accepts it and then never answers the startup would hang the
        // command for good. The whole handshake gets the same 10 s, on a thread of its own
        // that is left behind when it runs over (the command ends with the error anyway).
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let result = match tls {
                None => config.connect(postgres::NoTls),
                Some(tls) => config.connect(tls),
            };
            let _ = send.send(result);
        });
        match receive.recv_timeout(CONNECT_TIMEOUT) {
            Ok(result) => result.map_err(|e| self.connect_error(e)),
            Err(_) => Err(credits_core::error::fail_with_help(
                format!(
                    "cannot reach PostgreSQL at {}: no answer within {} s",
                    self.host_port(),
                    CONNECT_TIMEOUT.as_secs()
                ),
                "check that host and port are a PostgreSQL server's and that it is not stuck",
            )),
        }
    }

    fn rustls(&self, verify: bool) -> Result<tokio_postgres_rustls::MakeRustlsConnect> {
        let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
        if !verify {
            let config = rustls::ClientConfig::builder_with_provider(provider.clone())
                .with_safe_default_protocol_versions()?
                .dangerous()
                .with_custom_certificate_verifier(std::sync::Arc::new(unchecked::Encrypted(
                    provider,
                )))
                .with_no_client_auth();
            return Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config));
        }
        let mut roots = rustls::RootCertStore::empty();
        match &self.root_cert {
            Some(path) => {
                use rustls::pki_types::pem::PemObject;
                let certs = rustls::pki_types::CertificateDer::pem_file_iter(path)
                    .and_then(|i| i.collect::<Result<Vec<_>, _>>())
                    .map_err(|e| {
                        credits_core::error::fail_with_help(
                            format!("cannot read the root certificate {}: {e}", path.display()),
                            "sslrootcert= names a PEM file holding the CA that signed the \
                             server's certificate",
                        )
                    })?;
                for cert in certs {
                    roots.add(cert)?;
                }
            }
            None => {
                for cert in rustls_native_certs::load_native_certs().certs {
                    // A system certificate rustls cannot parse is one less root, not an error.
                    let _ = roots.add(cert);
                }
            }
        }
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
    }

    /// A failed connection as the user can act on it: which server, and what to do.
    fn connect_error(&self, e: postgres::Error) -> anyhow::Error {
        let at = self.host_port();
        let db = self.config.get_dbname().unwrap_or("?");
        let user = self.config.get_user().unwrap_or("?");
        if let Some(db_error) = e.as_db_error() {
            let code = db_error.code().code();
            let (message, help) = match code {
                "28P01" | "28000" => (
                    format!(
                        "PostgreSQL at {at} refused user `{user}`: {}",
                        db_error.message()
                    ),
                    "check the user and password (in the URL, PGPASSWORD or ~/.pgpass)".into(),
                ),
                "3D000" => (
                    format!("PostgreSQL at {at} has no database `{db}`"),
                    format!(
                        "create it first: createdb -h HOST -U USER {db} (or CREATE DATABASE {db};)"
                    ),
                ),
                _ => (
                    format!(
                        "PostgreSQL at {at} refused the connection: {}",
                        db_error.message()
                    ),
                    format!("check {}", self.shown),
                ),
            };
            return credits_core::error::fail_with_help(message, help);
        }
        let detail = std::error::Error::source(&e)
            .map(|s| s.to_string())
            .unwrap_or_else(|| e.to_string());
        if detail.contains("certificate") {
            // sslmode=verify-full (or verify-ca): a server with its own CA needs it named.
            return credits_core::error::fail_with_help(
                format!("PostgreSQL at {at}: its TLS certificate is not trusted here ({detail})"),
                "name the CA that signed it: add sslrootcert=/path/to/ca.pem to the URL (or add \
                 it to the system's roots); sslmode=require encrypts without checking it",
            );
        }
        if detail.contains("password missing") {
            return credits_core::error::fail_with_help(
                format!("PostgreSQL at {at} asks user `{user}` for a password, and none was given"),
                "give it in the URL (postgres://user:password@host/db), in PGPASSWORD, or in \
                 ~/.pgpass (host:port:database:user:password)",
            );
        }
        if detail.contains("does not support TLS") {
            return credits_core::error::fail_with_help(
                format!("PostgreSQL at {at} does not offer TLS, which sslmode asks for"),
                "use sslmode=prefer (TLS when offered) or turn TLS on in the server",
            );
        }
        credits_core::error::fail_with_help(
            format!("cannot reach PostgreSQL at {at}: {detail}"),
            "check that the server runs and that host and port are right (it waits 10 s at most)",
        )
    }
}

/// Any text with the password of every URL in it (`scheme://user:password@…`, also a
/// mistyped `scheme:/…`) replaced by
/// `***`: for messages that quote what the user wrote (a config file's line, a mistyped URL).
pub fn hide_passwords_in(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // `scheme://` or a mistyped `scheme:/`: the authority follows the slashes.
    while let Some(at) = rest.find(":/") {
        let slashes = rest[at + 1..].bytes().take_while(|b| *b == b'/').count();
        let (head, tail) = rest.split_at(at + 1 + slashes);
        out.push_str(head);
        let end = tail
            .find(|c: char| c == '/' || c == '?' || c == '"' || c == '\'' || c.is_whitespace())
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority
            .rfind('@')
            .and_then(|a| authority[..a].split_once(':').map(|(u, _)| (a, u)))
        {
            Some((a, user)) => {
                out.push_str(user);
                out.push_str(":***");
                out.push_str(&authority[a..]);
            }
            None => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// `sslmode=prefer` and `require` as libpq has them: the connection is encrypted, the
/// server's certificate is not checked (its signature over the handshake still is).
mod unchecked {
    use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
    use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
    use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
    use rustls::{DigitallySignedStruct, SignatureScheme};
    use std::sync::Arc;

    #[derive(Debug)]
    pub struct Encrypted(pub Arc<CryptoProvider>);

    impl ServerCertVerifier for Encrypted {
        fn verify_server_cert(
            &self,
            _end_entity: &CertificateDer<'_>,
            _intermediates: &[CertificateDer<'_>],
            _server_name: &ServerName<'_>,
            _ocsp: &[u8],
            _now: UnixTime,
        ) -> Result<ServerCertVerified, rustls::Error> {
            Ok(ServerCertVerified::assertion())
        }

        fn verify_tls12_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, rustls::Error> {
            verify_tls12_signature(
                message,
                cert,
                dss,
                &self.0.signature_verification_algorithms,
            )
        }

        fn verify_tls13_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, rustls::Error> {
            verify_tls13_signature(
                message,
                cert,
                dss,
                &self.0.signature_verification_algorithms,
            )
        }

        fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
            self.0.signature_verification_algorithms.supported_schemes()
        }
    }
}

/// The URL with its password replaced by `***`.
pub fn hide_password(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_string();
    };
    let rest = &url[scheme_end + 3..];
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    match authority.rfind('@') {
        Some(at) => match authority[..at].split_once(':') {
            Some((user, _)) => format!(
                "{}{user}:***{}",
                &url[..scheme_end + 3],
                &url[scheme_end + 3 + at..]
            ),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `PGPASSWORD`, else the first matching line of `PGPASSFILE` or `~/.pgpass`
/// (`host:port:database:user:password`, `*` matching anything, `\:` and `\\` escaped), as
/// libpq reads them.
fn password_from_env_or_pgpass(config: &postgres::Config) -> Option<Vec<u8>> {
    if let Ok(p) = std::env::var("PGPASSWORD") {
        return Some(p.into_bytes());
    }
    let file = std::env::var_os("PGPASSFILE")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".pgpass")))?;
    let text = std::fs::read_to_string(file).ok()?;
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        _ => "localhost".into(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let db = config.get_dbname().unwrap_or_default().to_string();
    let user = config.get_user().unwrap_or_default().to_string();
    pgpass_lookup(&text, [&host, &port, &db, &user])
}

fn pgpass_lookup(text: &str, wanted: [&str; 4]) -> Option<Vec<u8>> {
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => field.extend(chars.next()),
                ':' if fields.len() < 4 => fields.push(std::mem::take(&mut field)),
                c => field.push(c),
            }
        }
        fields.push(field);
        if fields.len() == 5
            && fields[..4]
                .iter()
                .zip(wanted)
                .all(|(f, w)| f == "*" || f == w)
        {
            return Some(fields[4].clone().into_bytes());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_never_shown() {
        assert_eq!(
            hide_password("postgres://ann:s3cret@db.example:5433/studio?sslmode=require"),
            "postgres://ann:***@db.example:5433/studio?sslmode=require"
        );
        assert_eq!(
            hide_password("postgres://ann@db/studio"),
            "postgres://ann@db/studio"
        );
        let err = PgLocation::parse("postgres://ann:s3cret@db/studio?sslmode=bogus")
            .err()
            .unwrap();
        assert!(!format!("{err:#}").contains("s3cret"), "{err:#}");
    }

    #[test]
    fn a_parameter_the_driver_refuses_is_named() {
        let err = PgLocation::parse("postgres://ann:s3cret@db/studio?sslmode=require&sslmod=x")
            .err()
            .unwrap();
        let text = format!("{err:#}");
        assert!(text.contains("parameter `sslmod`"), "{text}");
        assert!(!text.contains("s3cret"), "{text}");
        // The ones it takes still work.
        assert!(
            PgLocation::parse("postgres://ann@db/studio?application_name=x&connect_timeout=3")
                .is_ok()
        );
    }

    #[test]
    fn passwords_are_hidden_in_any_text() {
        assert_eq!(
            hide_passwords_in(
                "1 | db = \"postgres://ann:s3cret@h:5432/db\" and postgres:/bob:pw@h/x"
            ),
            "1 | db = \"postgres://ann:***@h:5432/db\" and postgres:/bob:***@h/x"
        );
        assert_eq!(
            hide_passwords_in("C:/Users/ann/credits.db"),
            "C:/Users/ann/credits.db"
        );
    }

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_postgres_url("postgres://h/db"));
        assert!(is_postgres_url("PostgreSQL://h/db"));
        assert!(!is_postgres_url("./postgres/credits.db"));
    }

    #[test]
    fn pgpass_lines_match_as_libpq_reads_them() {
        let text = "# comment\nother:5432:*:*:nope\ndb:*:studio:ann:pa\\:ss\n";
        assert_eq!(
            pgpass_lookup(text, ["db", "5432", "studio", "ann"]),
            Some(b"pa:ss".to_vec())
        );
        assert_eq!(pgpass_lookup(text, ["db", "5432", "studio", "bob"]), None);
    }
}
