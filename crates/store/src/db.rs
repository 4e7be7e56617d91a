//! One connection, either backend: the handful of calls the store makes (execute, one row,
//! every row, a batch of statements), over SQLite or PostgreSQL, with the SQL text shared.
//!
//! Why a layer of our own and not a driver-agnostic crate: the store's SQL is already written
//! (SQLite's dialect, `?NNN` placeholders) and most of it runs unchanged on PostgreSQL, which
//! only needs `$NNN` placeholders (rewritten here, once per statement) and a few functions
//! SQLite has built in (`date`, `strftime`, created by the PostgreSQL schema). What must
//! differ per backend asks [`Db::backend`] and says why where it does.
//!
//! Values cross the boundary as [`Value`]: NULL, a 64-bit integer, text or bytes (a file's
//! hash). The schema stores nothing else (money and credits are integers, times are text), so
//! no binary float is ever read or written.

use std::cell::RefCell;
use std::collections::HashMap;

use anyhow::{anyhow, bail, Context, Result};

/// Which database a [`Db`] speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// An open connection.
pub enum Db {
    Sqlite(rusqlite::Connection),
    Postgres(Box<Pg>),
}

/// A PostgreSQL connection and the statements prepared on it, keyed by their SQLite text.
pub struct Pg {
    pub(crate) client: RefCell<postgres::Client>,
    statements: RefCell<HashMap<String, postgres::Statement>>,
}

impl Pg {
    pub(crate) fn new(client: postgres::Client) -> Pg {
        Pg {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
        }
    }

    fn statement(&self, sql: &str) -> Result<postgres::Statement> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let text = placeholders(sql);
        let stmt = self
            .client
            .borrow_mut()
            .prepare(&text)
            .map_err(pg_error)
            .with_context(|| format!("cannot prepare: {}", one_line(&text)))?;
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), stmt.clone());
        Ok(stmt)
    }
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Db::Sqlite(c) => c.fmt(f),
            Db::Postgres(_) => f.write_str("Db::Postgres"),
        }
    }
}

/// A value bound to a statement or read from a row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
    Blob(Vec<u8>),
}

/// What can be bound as a parameter.
pub trait ToValue {
    fn to_value(&self) -> Value;

    /// The value for SQLite, borrowed where it can be: binding a million rows' text without
    /// copying it.
    fn to_sqlite(&self) -> rusqlite::types::ToSqlOutput<'_> {
        use rusqlite::types::ToSqlOutput;
        match self.to_value() {
            Value::Null => ToSqlOutput::Owned(rusqlite::types::Value::Null),
            Value::Int(i) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(i)),
            Value::Text(s) => ToSqlOutput::Owned(rusqlite::types::Value::Text(s)),
            Value::Blob(b) => ToSqlOutput::Owned(rusqlite::types::Value::Blob(b)),
        }
    }
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}
impl ToValue for i64 {
    fn to_value(&self) -> Value {
        Value::Int(*self)
    }
}
impl ToValue for i32 {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}
impl ToValue for u32 {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}
impl ToValue for u8 {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}
impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}
impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_string())
    }
    fn to_sqlite(&self) -> rusqlite::types::ToSqlOutput<'_> {
        rusqlite::types::ToSqlOutput::Borrowed(rusqlite::types::ValueRef::Text(self.as_bytes()))
    }
}
impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
    fn to_sqlite(&self) -> rusqlite::types::ToSqlOutput<'_> {
        self.as_str().to_sqlite()
    }
}
impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}
impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
    fn to_sqlite(&self) -> rusqlite::types::ToSqlOutput<'_> {
        (**self).to_sqlite()
    }
}
impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        match self {
            Some(v) => v.to_value(),
            None => Value::Null,
        }
    }
    fn to_sqlite(&self) -> rusqlite::types::ToSqlOutput<'_> {
        match self {
            Some(v) => v.to_sqlite(),
            None => rusqlite::types::ToSqlOutput::Borrowed(rusqlite::types::ValueRef::Null),
        }
    }
}

/// A borrowed parameter as SQLite binds it.
struct Bound<'a>(&'a dyn ToValue);

impl rusqlite::ToSql for Bound<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.0.to_sqlite())
    }
}

/// The parameters of one statement.
pub trait Params {
    fn into_values(self) -> Vec<Value>;
}

impl Params for () {
    fn into_values(self) -> Vec<Value> {
        Vec::new()
    }
}
impl Params for &[&dyn ToValue] {
    fn into_values(self) -> Vec<Value> {
        self.iter().map(|v| v.to_value()).collect()
    }
}
impl<const N: usize> Params for &[&dyn ToValue; N] {
    fn into_values(self) -> Vec<Value> {
        self.iter().map(|v| v.to_value()).collect()
    }
}
impl<T: ToValue, const N: usize> Params for [T; N] {
    fn into_values(self) -> Vec<Value> {
        self.iter().map(ToValue::to_value).collect()
    }
}
impl Params for Vec<Value> {
    fn into_values(self) -> Vec<Value> {
        self
    }
}
impl Params for &[Value] {
    fn into_values(self) -> Vec<Value> {
        self.to_vec()
    }
}
impl Params for &Vec<Value> {
    fn into_values(self) -> Vec<Value> {
        self.clone()
    }
}

/// `params![a, b, c]`: values of different types as one parameter list.
macro_rules! params {
    () => { () };
    ($($p:expr),+ $(,)?) => {
        &[$(&$p as &dyn $crate::db::ToValue),+]
    };
}
pub(crate) use params;

/// What a column can be read as.
pub trait FromValue: Sized {
    fn from_value(v: Value) -> Result<Self>;
}

impl FromValue for Value {
    fn from_value(v: Value) -> Result<Self> {
        Ok(v)
    }
}
impl FromValue for i64 {
    fn from_value(v: Value) -> Result<Self> {
        match v {
            Value::Int(i) => Ok(i),
            other => bail!("expected an integer, found {other:?}"),
        }
    }
}
macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(v: Value) -> Result<Self> {
                let i = i64::from_value(v)?;
                <$t>::try_from(i).map_err(|_| anyhow!("{i} is out of range for {}", stringify!($t)))
            }
        }
    )*};
}
from_int!(i32, u32, u64, usize, u8, u16);
impl FromValue for bool {
    fn from_value(v: Value) -> Result<Self> {
        Ok(i64::from_value(v)? != 0)
    }
}
impl FromValue for String {
    fn from_value(v: Value) -> Result<Self> {
        match v {
            Value::Text(s) => Ok(s),
            other => bail!("expected text, found {other:?}"),
        }
    }
}
impl FromValue for Vec<u8> {
    fn from_value(v: Value) -> Result<Self> {
        match v {
            Value::Blob(b) => Ok(b),
            other => bail!("expected bytes, found {other:?}"),
        }
    }
}
impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: Value) -> Result<Self> {
        match v {
            Value::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

/// A column by position or by name.
pub trait ColumnIndex {
    fn index(&self, row: &Row<'_>) -> Result<usize>;
}
impl ColumnIndex for usize {
    fn index(&self, _: &Row<'_>) -> Result<usize> {
        Ok(*self)
    }
}
impl ColumnIndex for &str {
    fn index(&self, row: &Row<'_>) -> Result<usize> {
        row.column_index(self)
    }
}

/// One row of a result.
pub enum Row<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

impl Row<'_> {
    pub fn get<T: FromValue>(&self, column: impl ColumnIndex) -> Result<T> {
        let i = column.index(self)?;
        T::from_value(self.value(i)?).with_context(|| format!("column {i}"))
    }

    pub fn value(&self, i: usize) -> Result<Value> {
        match self {
            Row::Sqlite(r) => Ok(match r.get_ref(i)? {
                rusqlite::types::ValueRef::Null => Value::Null,
                rusqlite::types::ValueRef::Integer(v) => Value::Int(v),
                rusqlite::types::ValueRef::Text(t) => {
                    Value::Text(String::from_utf8(t.to_vec()).context("text is not UTF-8")?)
                }
                rusqlite::types::ValueRef::Real(_) => {
                    bail!("column {i} holds a binary float, which the schema never stores")
                }
                rusqlite::types::ValueRef::Blob(b) => Value::Blob(b.to_vec()),
            }),
            Row::Postgres(r) => Ok(r.try_get::<_, PgValue>(i).map_err(pg_error)?.0),
        }
    }

    pub fn column_index(&self, name: &str) -> Result<usize> {
        match self {
            Row::Sqlite(r) => Ok(r.as_ref().column_index(name)?),
            Row::Postgres(r) => r
                .columns()
                .iter()
                .position(|c| c.name() == name)
                .ok_or_else(|| anyhow!("no column `{name}`")),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Row::Sqlite(r) => r.as_ref().column_count(),
            Row::Postgres(r) => r.len(),
        }
    }
}

impl Db {
    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// The SQLite connection, for what only SQLite has (pragmas, WAL, the file's header).
    pub fn sqlite(&self) -> Option<&rusqlite::Connection> {
        match self {
            Db::Sqlite(c) => Some(c),
            Db::Postgres(_) => None,
        }
    }

    /// Runs one statement; returns how many rows it changed.
    pub fn execute(&self, sql: &str, params: impl Params) -> Result<usize> {
        let values = params.into_values();
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                Ok(stmt.execute(rusqlite::params_from_iter(values.iter()))?)
            }
            Db::Postgres(pg) => {
                let stmt = pg.statement(sql)?;
                let refs = pg_params(&values);
                let n = pg
                    .client
                    .borrow_mut()
                    .execute(&stmt, &refs)
                    .map_err(pg_error)?;
                Ok(usize::try_from(n).unwrap_or(usize::MAX))
            }
        }
    }

    /// Runs several statements without parameters (schema, transaction control).
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match self {
            Db::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Db::Postgres(pg) => pg.client.borrow_mut().batch_execute(sql).map_err(pg_error),
        }
    }

    /// The first row, read by `f`; an error when there is none.
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.query_opt(sql, params, f)?
            .ok_or_else(|| anyhow!("the query returned no row: {}", one_line(sql)))
    }

    /// The first row, read by `f`, or `None`.
    pub fn query_opt<T>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        let values = params.into_values();
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
                match rows.next()? {
                    Some(row) => f(&Row::Sqlite(row)).map(Some),
                    None => Ok(None),
                }
            }
            Db::Postgres(pg) => {
                let stmt = pg.statement(sql)?;
                let refs = pg_params(&values);
                let row = pg
                    .client
                    .borrow_mut()
                    .query_opt(&stmt, &refs)
                    .map_err(pg_error)?;
                match row {
                    Some(row) => f(&Row::Postgres(&row)).map(Some),
                    None => Ok(None),
                }
            }
        }
    }

    /// Every row of a statement whose parameters are borrowed (`values`), each read by `f`:
    /// on SQLite bound without copying; on PostgreSQL as [`Db::query_map`].
    pub fn query_map_borrowed<T>(
        &self,
        sql: &str,
        values: &[&dyn ToValue],
        mut f: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let Db::Sqlite(c) = self else {
            return self.query_map(sql, values, f);
        };
        let mut stmt = c.prepare_cached(sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(values.iter().map(|v| Bound(*v))))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(f(&Row::Sqlite(row))?);
        }
        Ok(out)
    }

    /// Every row, each read by `f`.
    pub fn query_map<T>(
        &self,
        sql: &str,
        params: impl Params,
        mut f: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.for_each(sql, params, |r| {
            out.push(f(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// Every row, given to `f` one at a time. On SQLite rows are read as `f` asks for them
    /// (an export of a million entries holds one at a time); on PostgreSQL the result is
    /// fetched first, so that `f` may run other statements on the same connection.
    pub fn for_each(
        &self,
        sql: &str,
        params: impl Params,
        mut f: impl FnMut(&Row<'_>) -> Result<()>,
    ) -> Result<()> {
        let values = params.into_values();
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
                while let Some(row) = rows.next()? {
                    f(&Row::Sqlite(row))?;
                }
                Ok(())
            }
            Db::Postgres(pg) => {
                let stmt = pg.statement(sql)?;
                let refs = pg_params(&values);
                let rows = pg
                    .client
                    .borrow_mut()
                    .query(&stmt, &refs)
                    .map_err(pg_error)?;
                for row in &rows {
                    f(&Row::Postgres(row))?;
                }
                Ok(())
            }
        }
    }
}

impl Db {
    /// PostgreSQL's bulk path: `COPY table (columns) FROM STDIN` (`sql`) fed `rows` in COPY's
    /// text format. Returns how many rows went in. SQLite has no COPY: its callers insert in
    /// multi-row statements instead.
    pub fn copy_in(&self, sql: &str, rows: impl IntoIterator<Item = Vec<Value>>) -> Result<u64> {
        use std::io::Write;
        let Db::Postgres(pg) = self else {
            bail!("COPY is PostgreSQL's; this is a SQLite database");
        };
        let mut client = pg.client.borrow_mut();
        let mut writer = client.copy_in(sql).map_err(pg_error)?;
        let mut line = Vec::with_capacity(512);
        for row in rows {
            line.clear();
            for (i, value) in row.iter().enumerate() {
                if i > 0 {
                    line.push(b'\t');
                }
                copy_text(value, &mut line)?;
            }
            line.push(b'\n');
            // A write fails only when the server went away mid-COPY.
            writer.write_all(&line).map_err(|e| lost_connection(&e))?;
        }
        writer.finish().map_err(pg_error)
    }
}

/// One value in COPY's text format: `\N` for NULL, text with backslash, tab, newline and
/// carriage return escaped (so a note holding them comes back as it was).
fn copy_text(value: &Value, out: &mut Vec<u8>) -> Result<()> {
    match value {
        Value::Null => out.extend_from_slice(b"\\N"),
        Value::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Value::Text(s) => {
            for b in s.bytes() {
                match b {
                    b'\\' => out.extend_from_slice(b"\\\\"),
                    b'\t' => out.extend_from_slice(b"\\t"),
                    b'\n' => out.extend_from_slice(b"\\n"),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    b => out.push(b),
                }
            }
        }
        Value::Blob(_) => bail!("COPY of bytes is not needed by the store, so not written"),
    }
    Ok(())
}

/// SQLite's `?NNN` and `?` placeholders as PostgreSQL's `$NNN`, outside quoted text.
pub(crate) fn placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    // SQLite's rule: a bare `?` takes the number after the largest one so far.
    let mut largest = 0u32;
    let mut chars = sql.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                out.push(c);
            }
            '?' => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().copied().filter(char::is_ascii_digit) {
                    digits.push(d);
                    chars.next();
                }
                out.push('$');
                if digits.is_empty() {
                    largest += 1;
                    out.push_str(&largest.to_string());
                } else {
                    largest = largest.max(digits.parse().unwrap_or(0));
                    out.push_str(&digits);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn one_line(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A PostgreSQL error as the user can act on it: a missing privilege (a read-only role) or a
/// lost connection says so and what to do; anything else keeps the server's message.
pub(crate) fn pg_error(e: postgres::Error) -> anyhow::Error {
    use credits_core::error::fail_with_help;
    if let Some(db) = e.as_db_error() {
        if db.code().code() == "42501" {
            return fail_with_help(
                format!(
                    "PostgreSQL refused: {} (this role lacks the privilege); nothing was written",
                    db.message()
                ),
                "this role may only read the ledger: use a role that may write (GRANT INSERT, \
                 UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO …), or run a command that reads",
            );
        }
        // The server ended the session (an administrator's pg_terminate_backend, a shutdown,
        // a crash): as much a lost connection as a cut network, and the server rolls back.
        if db.code().code().starts_with("57P") || db.code().code().starts_with("08") {
            return fail_with_help(
                format!(
                    "the connection to PostgreSQL was lost ({}); nothing of this command was \
                     written",
                    db.message()
                ),
                "check the server and the network, then run the command again",
            );
        }
        let mut message = format!("PostgreSQL: {}", db.message());
        if let Some(detail) = db.detail() {
            message.push_str(&format!(" ({detail})"));
        }
        return anyhow::Error::new(e).context(message);
    }
    if e.is_closed() || std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>()) {
        return lost_connection(&e);
    }
    anyhow::Error::new(e)
}

/// The connection went away mid-command: the server rolls the transaction back.
fn lost_connection(cause: &dyn std::fmt::Display) -> anyhow::Error {
    credits_core::error::fail_with_help(
        format!(
            "the connection to PostgreSQL was lost ({cause}); nothing of this command was written"
        ),
        "check the server and the network, then run the command again",
    )
}

fn pg_params(values: &[Value]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
    values
        .iter()
        .map(|v| v as &(dyn postgres::types::ToSql + Sync))
        .collect()
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        })
    }
}

mod pg_types {
    //! How a [`Value`] is written to and read from PostgreSQL's binary format, whatever type
    //! the server inferred for a parameter or gave a column: integers of every width (and
    //! NUMERIC, which `sum(bigint)` returns), text and JSON.
    use super::Value;
    use postgres::types::{FromSql, IsNull, ToSql, Type};
    use std::error::Error;

    type BoxError = Box<dyn Error + Sync + Send>;

    impl ToSql for Value {
        fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> Result<IsNull, BoxError> {
            match self {
                Value::Null => Ok(IsNull::Yes),
                Value::Int(i) => match *ty {
                    Type::INT8 => i.to_sql(ty, out),
                    Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                    Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                    Type::BOOL => (*i != 0).to_sql(ty, out),
                    Type::NUMERIC => rust_decimal::Decimal::from(*i).to_sql(ty, out),
                    Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                        i.to_string().as_str().to_sql(&Type::TEXT, out)
                    }
                    ref other => Err(format!("cannot bind an integer as {other}").into()),
                },
                Value::Text(s) => match *ty {
                    Type::INT8 | Type::INT4 | Type::INT2 | Type::NUMERIC => {
                        Err(format!("cannot bind the text `{s}` as {ty}").into())
                    }
                    _ => s.as_str().to_sql(&Type::TEXT, out),
                },
                Value::Blob(b) => b.as_slice().to_sql(&Type::BYTEA, out),
            }
        }

        fn accepts(_: &Type) -> bool {
            true
        }

        postgres::types::to_sql_checked!();
    }

    /// A [`Value`] read from any column type the store's queries return.
    pub(crate) struct PgValue(pub Value);

    impl<'a> FromSql<'a> for PgValue {
        fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
            Ok(PgValue(match *ty {
                Type::INT8 => Value::Int(i64::from_sql(ty, raw)?),
                Type::INT4 => Value::Int(i64::from(i32::from_sql(ty, raw)?)),
                Type::INT2 => Value::Int(i64::from(i16::from_sql(ty, raw)?)),
                Type::BOOL => Value::Int(i64::from(bool::from_sql(ty, raw)?)),
                Type::NUMERIC => {
                    let d = rust_decimal::Decimal::from_sql(ty, raw)?;
                    if !d.fract().is_zero() {
                        return Err(format!("{d} is not a whole number").into());
                    }
                    Value::Int(i64::try_from(d)?)
                }
                Type::JSONB => {
                    // Version byte 1, then the JSON text.
                    let text = raw.get(1..).ok_or("empty jsonb")?;
                    Value::Text(std::str::from_utf8(text)?.to_string())
                }
                Type::BYTEA => Value::Blob(raw.to_vec()),
                _ => Value::Text(<&str as FromSql>::from_sql(&Type::TEXT, raw)?.to_string()),
            }))
        }

        fn from_sql_null(_: &Type) -> Result<Self, BoxError> {
            Ok(PgValue(Value::Null))
        }

        fn accepts(_: &Type) -> bool {
            true
        }
    }
}
use pg_types::PgValue;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_text_escapes_what_would_split_a_row() {
        let mut out = Vec::new();
        copy_text(&Value::Text("a\tb\nc\\d\re".into()), &mut out).unwrap();
        assert_eq!(out, b"a\\tb\\nc\\\\d\\re");
        out.clear();
        copy_text(&Value::Null, &mut out).unwrap();
        assert_eq!(out, b"\\N");
    }

    #[test]
    fn placeholders_are_numbered_outside_quotes() {
        assert_eq!(
            placeholders("SELECT ?1, ?, '?x', \"a?\" FROM t WHERE a = ?12 AND b = ?"),
            "SELECT $1, $2, '?x', \"a?\" FROM t WHERE a = $12 AND b = $13"
        );
    }
}
