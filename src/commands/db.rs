//! `credits db status` and `credits db copy`: which database the log is in, and moving a
//! whole ledger between two (a laptop's SQLite log into the studio's PostgreSQL ledger, or a
//! backup of it out). The copy is a JSON export of the source read back by `import`, so it
//! is all or nothing and idempotent for the reasons an import is (dedup keys, records
//! compared before they are added).

use super::Context;
use crate::cli::DbCommand;
use crate::error::fail_with_help;
use crate::views::{
    self,
    db::{DbCopyView, DbStatusView},
};
use anyhow::{Context as _, Result};
use credits_app::exchange::Format;
use credits_app::ops::{exchange, Session};
use credits_core::money;
use credits_core::records::Filter;
use credits_store::Backend;
use std::io::Write;
use std::path::Path;

pub fn run(ctx: &Context, cmd: &DbCommand, out: &mut dyn Write) -> Result<i32> {
    match cmd {
        DbCommand::Status => status(ctx, out),
        DbCommand::Copy { from, to } => copy(ctx, from, to, out),
    }
}

fn backend_name(b: Backend) -> &'static str {
    match b {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgresql",
    }
}

fn status(ctx: &Context, out: &mut dyn Write) -> Result<i32> {
    let location = ctx.session.db_name()?;
    let Some(store) = ctx.session.existing_store()? else {
        return Err(fail_with_help(
            format!("there is no log at {location} yet"),
            "log a generation (credits log …) or import one (credits import FILE) to start it",
        ));
    };
    let s = store.status()?;
    let view = DbStatusView {
        backend: backend_name(s.backend),
        location: &s.location,
        schema: s.schema,
        entries: s.entries,
        size_bytes: s.size_bytes,
    };
    if ctx.json {
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    // Whole bytes to one decimal of a megabyte, in integers.
    let size = s.size_bytes.map_or_else(
        || "unknown".to_string(),
        |b| format!("{}.{} MB", b / 1_000_000, (b % 1_000_000) / 100_000),
    );
    out.write_all(
        crate::render::key_values(vec![
            ("backend", view.backend.to_string()),
            ("location", s.location.clone()),
            ("schema", s.schema.to_string()),
            ("entries", money::fmt_count(s.entries, "entry", "entries")),
            ("size", size),
        ])
        .as_bytes(),
    )?;
    Ok(0)
}

fn copy(ctx: &Context, from: &Path, to: &Path, out: &mut dyn Write) -> Result<i32> {
    let session = |db: &Path| {
        Session::new(
            ctx.session.catalog.clone(),
            ctx.session.now,
            Some(db.to_path_buf()),
        )
    };
    let (source, target) = (session(from), session(to));
    let (from_name, to_name) = (source.db_name()?, target.db_name()?);
    if from_name == to_name {
        return Err(fail_with_help(
            format!("--from and --to are the same database ({from_name})"),
            "give two different databases",
        ));
    }
    let Some(mut store) = source.existing_store()? else {
        return Err(fail_with_help(
            format!("there is no log at {from_name} to copy"),
            "check --from: a file that exists, or the URL of a ledger credits made",
        ));
    };
    // The export goes through a private temporary file, not memory: a million entries.
    let dir = tempfile::Builder::new()
        .prefix("credits-copy-")
        .tempdir()
        .context("cannot make a temporary folder for the copy")?;
    let file = dir.path().join("ledger.json");
    let entries = {
        let mut w = std::io::BufWriter::new(
            std::fs::File::create(&file).context("cannot write the temporary copy")?,
        );
        let n = exchange::export(&mut store, &Filter::default(), Format::Json, &mut w)?;
        w.flush()?;
        n
    };
    drop(store);
    // The import's own message names the temporary file; the user asked for a copy.
    let summary = exchange::import(&target, &file, None).map_err(|e| {
        target.discard_if_created();
        e.context(format!("nothing was copied into {to_name}"))
    })?;
    let view = DbCopyView {
        from: &from_name,
        to: &to_name,
        entries,
        added: summary.added,
        present: summary.present,
        records: summary.records,
        records_added: summary.records_added,
    };
    if ctx.json {
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    writeln!(
        out,
        "copied {} → {}: {} added, {} already there; {} of {} records added",
        crate::render::safe_line(&from_name),
        crate::render::safe_line(&to_name),
        money::fmt_count(summary.added, "entry", "entries"),
        summary.present,
        summary.records_added,
        summary.records,
    )?;
    Ok(0)
}
