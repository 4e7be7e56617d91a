//! `db status --json` and `db copy --json`: where the ledger is and what a copy did.

use serde::Serialize;

#[derive(Serialize)]
pub struct DbStatusView<'a> {
    /// `sqlite` or `postgresql`.
    pub backend: &'static str,
    /// The file, or the URL with its password replaced by `***`.
    pub location: &'a str,
    pub schema: u32,
    pub entries: u64,
    /// Bytes on disk; null when unknown.
    pub size_bytes: Option<u64>,
}

#[derive(Serialize)]
pub struct DbCopyView<'a> {
    pub from: &'a str,
    pub to: &'a str,
    /// Entries in the source.
    pub entries: u64,
    /// Entries the target did not have yet.
    pub added: u64,
    /// Entries the target already had.
    pub present: u64,
    /// Accounts, plan changes, top-ups, adjustments and budgets in the source.
    pub records: u64,
    /// Of those, the ones the target did not have yet.
    pub records_added: u64,
}
