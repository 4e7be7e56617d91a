//! The values the store reads and writes: entries, their status, edits, filters and accounts.
//!
//! Everything here is plain data with exact decimals; how it maps to integer columns lives in
//! `units` and the SQL modules.

use std::fmt;
use std::str::FromStr;

use anyhow::{bail, Result};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use rust_decimal::Decimal;

/// Where a generation stands with the platform (issue 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Status {
    /// Generated and charged.
    #[default]
    Ok,
    /// Charged but failed; the platform has not (yet) returned the credits.
    Failed,
    /// Failed and the credits were returned. A refunded entry is also a failed one.
    Refunded,
}

impl Status {
    /// The text stored in the `status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Failed => "failed",
            Status::Refunded => "refunded",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Status> {
        match s {
            "ok" => Ok(Status::Ok),
            "failed" => Ok(Status::Failed),
            "refunded" => Ok(Status::Refunded),
            other => bail!("unknown status `{other}` (expected ok, failed or refunded)"),
        }
    }
}

/// A money amount in a currency (ISO code such as `USD`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Money {
    pub amount: Decimal,
    pub currency: String,
}

/// A generation to log. `at` carries the user's offset, which is kept for local-day reports.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntry {
    /// When it ran; stored in UTC to whole seconds, with the offset in minutes.
    pub at: DateTime<FixedOffset>,
    pub platform: String,
    pub model: String,
    /// Seconds of output per clip; at most 3 decimal places.
    pub duration: Option<Decimal>,
    pub resolution: Option<String>,
    pub audio: Option<bool>,
    pub refs: Option<u32>,
    pub mode: Option<String>,
    pub chars: Option<u32>,
    /// Number of outputs in this generation (at least 1).
    pub count: u32,
    /// Credits charged for the whole entry; at most 3 decimal places.
    pub credits: Decimal,
    /// Money value at log time; `None` when unknown (never zero for unknown).
    pub cost: Option<Money>,
    /// How the money was priced, e.g. "account plan Pro, monthly" or "unpriced".
    pub pricing: String,
    pub project: Option<String>,
    pub tags: Vec<(String, String)>,
    pub note: Option<String>,
    pub status: Status,
    /// False for a rerun or variation that was not used.
    pub kept: bool,
    /// `None` on `insert_entry` generates a unique key.
    pub dedup_key: Option<String>,
}

impl Default for NewEntry {
    fn default() -> NewEntry {
        NewEntry {
            // A fixed time, not the clock: callers set `at` (see `crate::clock`).
            at: DateTime::<Utc>::UNIX_EPOCH.fixed_offset(),
            platform: String::new(),
            model: String::new(),
            duration: None,
            resolution: None,
            audio: None,
            refs: None,
            mode: None,
            chars: None,
            count: 1,
            credits: Decimal::ZERO,
            cost: None,
            pricing: "unpriced".to_string(),
            project: None,
            tags: Vec::new(),
            note: None,
            status: Status::Ok,
            kept: true,
            dedup_key: None,
        }
    }
}

/// A logged generation as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: i64,
    /// In the user's offset at log time.
    pub at: DateTime<FixedOffset>,
    pub platform: String,
    pub model: String,
    pub duration: Option<Decimal>,
    pub resolution: Option<String>,
    pub audio: Option<bool>,
    pub refs: Option<u32>,
    pub mode: Option<String>,
    pub chars: Option<u32>,
    pub count: u32,
    pub credits: Decimal,
    pub cost: Option<Money>,
    pub pricing: String,
    pub project: Option<String>,
    /// Sorted by key.
    pub tags: Vec<(String, String)>,
    pub note: Option<String>,
    pub status: Status,
    pub kept: bool,
    pub dedup_key: String,
}

/// The result of `set_status`: the caller says "nothing changed" for `Unchanged`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusChange {
    Changed { from: Status, to: Status },
    Unchanged(Status),
}

/// Changes to an entry; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntryEdit {
    /// `Some(None)` clears the project.
    pub project: Option<Option<String>>,
    /// Added, or replacing the value of an existing key.
    pub tags_set: Vec<(String, String)>,
    /// Keys to remove; a key the entry does not have is ignored.
    pub tags_remove: Vec<String>,
    /// `Some(None)` clears the note.
    pub note: Option<Option<String>>,
    pub kept: Option<bool>,
}

/// Which entries `entries`, `report` and `export` look at. Empty matches everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub project: Option<String>,
    pub platform: Option<String>,
    pub model: Option<String>,
    /// Every pair must match.
    pub tags: Vec<(String, String)>,
    pub status: Option<Status>,
    /// Inclusive lower bound.
    pub since: Option<DateTime<Utc>>,
    /// Exclusive upper bound: pass the start of the next day to include a whole day.
    pub until: Option<DateTime<Utc>>,
    /// The newest N entries (for `report`: aggregate over the newest N).
    pub limit: Option<u64>,
}

/// How the user pays for a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Billing {
    #[default]
    Monthly,
    Annual,
}

impl Billing {
    pub fn as_str(self) -> &'static str {
        match self {
            Billing::Monthly => "monthly",
            Billing::Annual => "annual",
        }
    }
}

impl fmt::Display for Billing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Billing {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Billing> {
        match s {
            "monthly" => Ok(Billing::Monthly),
            "annual" => Ok(Billing::Annual),
            other => bail!("unknown billing `{other}` (expected monthly or annual)"),
        }
    }
}

/// The plan the user is on with one platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub platform: String,
    pub plan: String,
    pub billing: Billing,
    pub since: Option<NaiveDate>,
    /// Day of the month the plan renews (1–31).
    pub renews_on: Option<u8>,
}

/// A plan change (issue 4): the plan in effect on a platform from `effective_on` on. The
/// history of these is the subscription the ledger computes grants from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountChange {
    pub platform: String,
    pub plan: String,
    pub billing: Billing,
    pub effective_on: NaiveDate,
    /// Day of the month a monthly plan renews (1–31); `None` is the day it started.
    pub renews_on: Option<u8>,
}

/// When a top-up's credits expire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopupExpiry {
    Never,
    At(DateTime<Utc>),
    /// The pricing table does not say.
    Unknown,
}

/// A purchase of credits: a pack from the table, or credits at a price.
#[derive(Debug, Clone, PartialEq)]
pub struct Topup {
    /// Assigned by the database; ignored by `insert_topup`.
    pub id: i64,
    pub platform: String,
    /// The pack's id in the pricing table; `None` for `--credits N --price X`.
    pub pack: Option<String>,
    pub credits: Decimal,
    /// Bonus credits on top (the pack's `bonus`).
    pub bonus: Decimal,
    pub price: Decimal,
    pub currency: String,
    pub at: DateTime<Utc>,
    pub expiry: TopupExpiry,
}

/// A correction to a balance: positive (signup bonus, daily reward, credits from support)
/// or negative.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjustment {
    /// Assigned by the database; ignored by `insert_adjustment`.
    pub id: i64,
    pub platform: String,
    /// Signed; never zero.
    pub credits: Decimal,
    pub note: String,
    pub at: DateTime<Utc>,
}

/// A logged generation as the ledger sees it: credits out, maybe back.
#[derive(Debug, Clone, PartialEq)]
pub struct SpendRow {
    pub entry_id: i64,
    pub at: DateTime<Utc>,
    pub credits: Decimal,
    pub status: Status,
    /// When a refunded entry's credits came back; `None` if not refunded, or refunded
    /// before the time was recorded (schema 1, or imported).
    pub refunded_at: Option<DateTime<Utc>>,
}

/// Everything stored about one platform's balance.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LedgerRecords {
    /// Oldest first.
    pub changes: Vec<AccountChange>,
    /// By time, then id.
    pub topups: Vec<Topup>,
    /// By time, then id.
    pub adjustments: Vec<Adjustment>,
    /// Entries on the platform, by time, then id.
    pub spends: Vec<SpendRow>,
}

impl LedgerRecords {
    /// Whether the platform has a balance to keep: a plan history, a top-up or an
    /// adjustment. Entries alone are not a ledger.
    pub fn has_ledger(&self) -> bool {
        !self.changes.is_empty() || !self.topups.is_empty() || !self.adjustments.is_empty()
    }
}

/// What a budget counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetUnit {
    Money,
    Credits,
}

impl BudgetUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            BudgetUnit::Money => "money",
            BudgetUnit::Credits => "credits",
        }
    }
}

impl FromStr for BudgetUnit {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<BudgetUnit> {
        match s {
            "money" => Ok(BudgetUnit::Money),
            "credits" => Ok(BudgetUnit::Credits),
            other => bail!("unknown budget unit `{other}` (expected money or credits)"),
        }
    }
}

/// Over what time a budget counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetPeriod {
    /// The calendar month (in the user's offset).
    Month,
    /// Everything ever logged.
    Total,
}

impl BudgetPeriod {
    pub fn as_str(self) -> &'static str {
        match self {
            BudgetPeriod::Month => "month",
            BudgetPeriod::Total => "total",
        }
    }
}

impl FromStr for BudgetPeriod {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<BudgetPeriod> {
        match s {
            "month" => Ok(BudgetPeriod::Month),
            "total" => Ok(BudgetPeriod::Total),
            other => bail!("unknown budget period `{other}` (expected month or total)"),
        }
    }
}

/// A spending limit for a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    pub project: String,
    pub unit: BudgetUnit,
    pub amount: Decimal,
    /// The currency of a money budget; `None` for credits.
    pub currency: Option<String>,
    pub period: BudgetPeriod,
}

/// Failed generations not yet refunded on one platform: what it owes the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundsOwed {
    pub platform: String,
    pub entries: u64,
    pub credits: Decimal,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_and_billing_round_trip_through_text() {
        for s in [Status::Ok, Status::Failed, Status::Refunded] {
            assert_eq!(s.as_str().parse::<Status>().unwrap(), s);
        }
        assert!("done".parse::<Status>().is_err());
        assert_eq!("annual".parse::<Billing>().unwrap(), Billing::Annual);
        assert!("weekly".parse::<Billing>().is_err());
    }
}
