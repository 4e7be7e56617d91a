//! The records the tool keeps: generations (entries), their status, plan history, top-ups,
//! adjustments and budgets. Plain data with exact decimals, shared by every layer: the store
//! reads and writes them (`store::units` maps them to integer columns), the ledger computes
//! balances from them, `ops` builds them from what the user typed, `exchange` moves them
//! through files. One shape per concept: a stored [`Entry`] is a [`NewEntry`] with an id, and
//! an entry's request is the same [`Request`] `estimate` prices.

use std::fmt;
use std::str::FromStr;

use anyhow::{bail, Result};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use rust_decimal::Decimal;

pub use crate::cost::{BillingPeriod, Request};
/// Which pricing table priced an entry: platform, the table's date and its hash.
pub use crate::pricing::catalog::TableStamp;

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

/// Who recorded a fact, and on which machine (schema 10): `logged_by` the user (`--user`,
/// `CREDITS_USER`, the config file's `user`, else the login name), `machine` the host name.
/// `None` is unknown: a row imported from a file that did not say, or a platform that would
/// not tell. The application fills it in (`ops::Session::who`); the core never looks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Who {
    pub logged_by: Option<String>,
    pub machine: Option<String>,
}

impl Who {
    /// Whether neither is known.
    pub fn is_unknown(&self) -> bool {
        self.logged_by.is_none() && self.machine.is_none()
    }
}

/// A generation to log. `at` carries the user's offset, which is kept for local-day reports.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntry {
    /// When it ran; stored in UTC to whole seconds, with the offset in minutes.
    pub at: DateTime<FixedOffset>,
    /// Canonical platform id (`crate::ops::resolve`), whatever the user typed.
    pub platform: String,
    /// Canonical model id.
    pub model: String,
    /// What was asked for: the same request `estimate` prices (`count` outputs).
    pub request: Request,
    /// Credits charged for the whole entry; at most 3 decimal places.
    pub credits: Decimal,
    /// Money value at log time; `None` when unknown (never zero for unknown).
    pub cost: Option<Money>,
    /// How the money was priced, e.g. "account plan Pro, monthly" or "unpriced".
    pub pricing: String,
    /// Where the money came from; `None` for entries from before schema 3 or imported as
    /// they were exported by one.
    pub price_source: Option<PriceSource>,
    /// The pricing table that priced it (its date and hash), so a report can say what an
    /// entry was priced with and `reprice` what changed since. `None`: unpriced, not in the
    /// tables, or logged before schema 4. Its platform is the entry's.
    pub table: Option<TableStamp>,
    pub project: Option<String>,
    /// Sorted by key when read back.
    pub tags: Vec<(String, String)>,
    pub note: Option<String>,
    pub status: Status,
    /// When a refunded entry's credits came back; `None` for other statuses, or a refund
    /// recorded before times were kept (the ledger then uses the entry's own time).
    pub refunded_at: Option<DateTime<Utc>>,
    /// False for a rerun or variation that was not used.
    pub kept: bool,
    /// Unique in the database; `None` on insert makes one up. Imports derive a stable one.
    pub dedup_key: Option<String>,
    /// Who logged it, where (schema 10); never part of a dedup key.
    pub who: Who,
}

impl Default for NewEntry {
    fn default() -> NewEntry {
        NewEntry {
            // A fixed time, not the clock: callers set `at` (see `crate::clock`).
            at: DateTime::<Utc>::UNIX_EPOCH.fixed_offset(),
            platform: String::new(),
            model: String::new(),
            request: Request {
                count: 1,
                ..Request::default()
            },
            credits: Decimal::ZERO,
            cost: None,
            pricing: "unpriced".to_string(),
            price_source: None,
            table: None,
            project: None,
            tags: Vec::new(),
            note: None,
            status: Status::Ok,
            refunded_at: None,
            kept: true,
            dedup_key: None,
            who: Who::default(),
        }
    }
}

/// A logged generation as read back: the entry with its id (its `dedup_key` is always set).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: i64,
    pub entry: NewEntry,
}

/// A stored entry reads like the entry it embeds (`e.platform`, `e.credits`).
impl std::ops::Deref for Entry {
    type Target = NewEntry;
    fn deref(&self) -> &NewEntry {
        &self.entry
    }
}

/// Where an entry's money came from, stored with it (`entry.price_source`, schema 3) so
/// `credits reprice` knows which prices the user chose and must keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceSource {
    /// The account's plan.
    Account,
    /// `--plan`.
    Plan,
    /// No account: the cheapest paid plan that allows the request.
    CheapestPlan,
    /// `--price-per-credit`.
    User,
    /// A money-billed platform.
    MoneyBilled,
    /// The balance's ledger: the credits it consumes, at their price.
    Balance,
    /// No price known.
    Unpriced,
}

impl PriceSource {
    /// The stored (and `--json`) name.
    pub fn as_str(self) -> &'static str {
        match self {
            PriceSource::Account => "account",
            PriceSource::Plan => "plan",
            PriceSource::CheapestPlan => "cheapest_plan",
            PriceSource::User => "user",
            PriceSource::MoneyBilled => "money_billed",
            PriceSource::Balance => "balance",
            PriceSource::Unpriced => "unpriced",
        }
    }

    /// Whether the user chose this price (`--plan`, `--price-per-credit`): `reprice` keeps it.
    pub fn chosen_by_user(self) -> bool {
        matches!(self, PriceSource::Plan | PriceSource::User)
    }
}

impl FromStr for PriceSource {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<PriceSource> {
        Ok(match s {
            "account" => PriceSource::Account,
            "plan" => PriceSource::Plan,
            "cheapest_plan" => PriceSource::CheapestPlan,
            "user" => PriceSource::User,
            "money_billed" => PriceSource::MoneyBilled,
            "balance" => PriceSource::Balance,
            "unpriced" => PriceSource::Unpriced,
            other => bail!("unknown price source `{other}`"),
        })
    }
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
    /// Only entries logged by this user (`Who::logged_by`, schema 10).
    pub user: Option<String>,
}

/// The stored text of a billing period is its `as_str`.
impl FromStr for BillingPeriod {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<BillingPeriod> {
        match s {
            "monthly" => Ok(BillingPeriod::Monthly),
            "annual" => Ok(BillingPeriod::Annual),
            other => bail!("unknown billing `{other}` (expected monthly or annual)"),
        }
    }
}

impl fmt::Display for BillingPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The plan the user is on with one platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub platform: String,
    pub plan: String,
    pub billing: BillingPeriod,
    pub since: Option<NaiveDate>,
    /// Day of the month the plan renews (1–31).
    pub renews_on: Option<u8>,
    /// What the user really pays, where it differs from (or is missing in) the table.
    pub terms: PlanTerms,
}

/// What a user really pays for a plan (`account set --price X --credits N`): the price of
/// one billing period (a month, or a year on annual billing) and the credits a grant gives.
/// `None`: the table's list price / credits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanTerms {
    pub price: Option<Decimal>,
    pub credits: Option<Decimal>,
}

impl PlanTerms {
    pub fn is_empty(&self) -> bool {
        self.price.is_none() && self.credits.is_none()
    }
}

/// A plan change (issue 4): the plan in effect on a platform from `effective_on` on. The
/// history of these is the subscription the ledger computes grants from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountChange {
    pub platform: String,
    pub plan: String,
    pub billing: BillingPeriod,
    pub effective_on: NaiveDate,
    /// Day of the month a monthly plan renews (1–31); `None` is the day it started.
    pub renews_on: Option<u8>,
    /// What the user pays from this change on (`None`s: the table's).
    pub terms: PlanTerms,
    /// The day the subscription began, when the user said (`account set --subscribed`,
    /// schema 14): on or before `effective_on`. Only a subscription said to begin is given
    /// its first-period promotion; `None` is tracking from `effective_on` (or a plan change).
    pub subscribed_on: Option<NaiveDate>,
    /// Who recorded the change, where (schema 10).
    pub who: Who,
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
    /// Who recorded the purchase, where (schema 10).
    pub who: Who,
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
    /// Who recorded the correction, where (schema 10).
    pub who: Who,
}

/// A balance assertion (issue 23, schema 13): what a platform showed at a time, beside what
/// the ledger said for that time when the check was made.
#[derive(Debug, Clone, PartialEq)]
pub struct BalanceCheck {
    /// Assigned by the database; ignored by `insert_balance_check`.
    pub id: i64,
    pub platform: String,
    /// When the platform showed `expected`.
    pub at: DateTime<Utc>,
    /// What the platform showed (never negative).
    pub expected: Decimal,
    /// The ledger's balance at `at`, as it was when the check was made.
    pub ledger: Decimal,
    /// When the check was made.
    pub checked_at: DateTime<Utc>,
    /// Who made it, where.
    pub who: Who,
}

impl BalanceCheck {
    /// Whether the platform and the ledger agreed.
    pub fn matched(&self) -> bool {
        self.expected == self.ledger
    }
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
    /// The platform whose credits a credits budget counts (credits of different platforms
    /// are never added); `None` for money budgets, and credits budgets from schema 2 whose
    /// project was on several platforms.
    pub platform: Option<String>,
    pub period: BudgetPeriod,
    /// Whose entries it counts (their `logged_by`): one person's on a shared ledger; `None`
    /// counts everyone's.
    pub user: Option<String>,
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
        assert_eq!(
            "annual".parse::<BillingPeriod>().unwrap(),
            BillingPeriod::Annual
        );
        assert!("weekly".parse::<BillingPeriod>().is_err());
    }
}
