//! Columns declared once: a table view lists its columns, each with its header, how it gives
//! way to fit the width ([`render::Keep`]) and how a row gives its cell; the text table
//! ([`table`], through the fitting [`render::table`]) and the CSV ([`write_csv`]) both come
//! from that one list.
//!
//! A column may be in the text table only, in the CSV only, or in both; in both, the CSV may
//! give its own header and cell (the exact value, `0.288`, where the table shows `$0.29`).
//! Each output takes its columns in the order of the list.

use crate::render::{self, Keep};
use std::io::Write;

/// A row's cell as text.
type Cell<'c, R> = Box<dyn Fn(&R) -> String + 'c>;

/// One column of a view, for the text table, the CSV, or both.
pub struct ViewColumn<'c, R> {
    /// The table's header and how the column gives way; `None`: not in the table.
    text: Option<(String, Keep)>,
    /// The CSV's header; `None`: not in the CSV.
    csv: Option<String>,
    cell: Cell<'c, R>,
    /// The CSV's cell where it differs from the table's.
    csv_cell: Option<Cell<'c, R>>,
}

impl<'c, R> ViewColumn<'c, R> {
    /// A column of the text table: `column` says its header and how it gives way.
    pub fn new(column: render::Column, cell: impl Fn(&R) -> String + 'c) -> Self {
        ViewColumn {
            text: Some((column.header.to_string(), column.keep)),
            csv: None,
            cell: Box::new(cell),
            csv_cell: None,
        }
    }

    /// A column of the CSV only.
    pub fn csv_only(header: impl Into<String>, cell: impl Fn(&R) -> String + 'c) -> Self {
        ViewColumn {
            text: None,
            csv: Some(header.into()),
            cell: Box::new(cell),
            csv_cell: None,
        }
    }

    /// Also in the CSV, under `header`, with its own cell.
    pub fn csv(mut self, header: impl Into<String>, cell: impl Fn(&R) -> String + 'c) -> Self {
        self.csv = Some(header.into());
        self.csv_cell = Some(Box::new(cell));
        self
    }

    fn csv_cell(&self, row: &R) -> String {
        match &self.csv_cell {
            Some(cell) => cell(row),
            None => (self.cell)(row),
        }
    }
}

/// The text table of `rows`, fitted to the width by the columns' declarations.
pub fn table<R>(columns: &[ViewColumn<R>], rows: &[R]) -> String {
    let shown: Vec<(&ViewColumn<R>, render::Column)> = columns
        .iter()
        .filter_map(|c| {
            let (header, keep) = c.text.as_ref()?;
            Some((
                c,
                render::Column {
                    header,
                    keep: *keep,
                },
            ))
        })
        .collect();
    let cells = rows
        .iter()
        .map(|row| shown.iter().map(|(c, _)| (c.cell)(row)).collect())
        .collect();
    let declared: Vec<render::Column> = shown.into_iter().map(|(_, d)| d).collect();
    render::table(&declared, cells)
}

/// `rows` as CSV: a header record, then a record per row. Cells are written as they are:
/// a column of the user's text neutralises formulas in its cell.
pub fn write_csv<R>(
    columns: &[ViewColumn<R>],
    rows: &[R],
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let shown: Vec<&ViewColumn<R>> = columns.iter().filter(|c| c.csv.is_some()).collect();
    let mut w = csv::Writer::from_writer(out);
    w.write_record(shown.iter().map(|c| c.csv.as_deref().unwrap_or_default()))?;
    for row in rows {
        w.write_record(shown.iter().map(|c| c.csv_cell(row)))?;
    }
    w.flush()?;
    Ok(())
}
