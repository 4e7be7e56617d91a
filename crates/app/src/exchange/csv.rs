//! The CSV form: entries only, one per record, under a header of [`COLUMNS`](super::COLUMNS).

use std::io::{BufWriter, Read, Write};

use anyhow::{bail, Context, Result};

use super::{build_row, col, ExportRow, Item, ReadOptions, COLUMNS};
use credits_core::records::Entry;

/// Reads the header, then one record at a time.
pub(super) fn read(
    input: impl Read,
    opts: &ReadOptions,
    on: &mut dyn FnMut(Item) -> Result<()>,
) -> Result<()> {
    let source = &opts.source;
    let mut reader = ::csv::ReaderBuilder::new().from_reader(input);
    let headers = reader
        .headers()
        .with_context(|| format!("{source}: cannot read the header row"))?
        .clone();
    // `field[c]`: which position of the record holds column c.
    let mut field: [Option<usize>; COLUMNS.len()] = [None; COLUMNS.len()];
    let mut unknown = Vec::new();
    for (i, name) in headers.iter().enumerate() {
        // Spreadsheets write a byte-order mark and capitalised headers.
        let name = name
            .trim_start_matches('\u{feff}')
            .trim()
            .to_ascii_lowercase();
        match COLUMNS.iter().position(|c| *c == name) {
            Some(c) if field[c].is_some() => {
                bail!("{source}: line 1: the column `{name}` appears twice")
            }
            Some(c) => field[c] = Some(i),
            None => unknown.push(format!("`{name}`")),
        }
    }
    if !unknown.is_empty() {
        bail!(
            "{source}: line 1: unknown column{} {} (known: {})",
            if unknown.len() == 1 { "" } else { "s" },
            unknown.join(", "),
            COLUMNS.join(", ")
        );
    }
    for c in [col::PLATFORM, col::MODEL] {
        if field[c].is_none() {
            bail!("{source}: line 1: the column `{}` is required", COLUMNS[c]);
        }
    }
    let mut record = ::csv::StringRecord::new();
    loop {
        let more = reader
            .read_record(&mut record)
            .with_context(|| format!("{source}: cannot read CSV"))?;
        if !more {
            return Ok(());
        }
        let line = record.position().map_or(0, |p| p.line());
        let get = |c: usize| -> Option<&str> {
            let i = field[c]?;
            // Notes keep their spaces; everything else is trimmed of spreadsheet padding.
            // A cell export neutralised as a formula (`'=…`, `'\t…`) comes back as it was,
            // untrimmed: its leading tab or carriage return is the value's, not padding.
            let raw = record.get(i)?;
            let v = super::formula::restore(raw);
            let guarded = v.len() != raw.len();
            let v = if c == col::NOTE || guarded {
                v
            } else {
                v.trim()
            };
            (!v.is_empty()).then_some(v)
        };
        let locate = |c: usize| match field[c] {
            Some(i) => format!("{source}: line {line}, column {} ({})", i + 1, COLUMNS[c]),
            None => format!("{source}: line {line}"),
        };
        let mut row = build_row(&get, None, line, opts, &locate)?;
        row.trimmed = (0..COLUMNS.len())
            .filter(|&c| {
                field[c].and_then(|i| record.get(i)).is_some_and(|raw| {
                    let v = super::formula::restore(raw);
                    v.len() == raw.len() && super::is_padded(c, v)
                })
            })
            .collect();
        on(Item::Entry(row))?;
    }
}

/// Writes the header, then one record per entry.
pub struct Writer<W: Write> {
    out: ::csv::Writer<BufWriter<W>>,
    entries: u64,
}

impl<W: Write> Writer<W> {
    pub(super) fn begin(out: W) -> Result<Writer<W>> {
        // The header by hand: `serialize` writes none for a log with no entries.
        let mut out = ::csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(BufWriter::new(out));
        out.write_record(COLUMNS)?;
        Ok(Writer { out, entries: 0 })
    }

    pub(super) fn entry(&mut self, e: &Entry) -> Result<()> {
        let tags: Vec<String> = e.tags.iter().map(|(k, v)| format!("{k}={v}")).collect();
        self.out
            .serialize(ExportRow::new(e, tags.join(";")).neutralised())?;
        self.entries += 1;
        Ok(())
    }

    pub(super) fn finish(mut self) -> Result<u64> {
        self.out.flush()?;
        Ok(self.entries)
    }
}
