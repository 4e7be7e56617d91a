//! `account set | list | rm --json`, what `topup` and `adjust` recorded (`--json`), and
//! `topup list | rm` and `adjust list | rm` (tables and `--json`).

use super::columns::{self, ViewColumn};
use super::{dec, Dec};
use crate::render::Column;
use chrono::{DateTime, FixedOffset, Utc};
use credits_app::ops::balances::{Listed, Removed};
use credits_app::ops::notes::fmt_time;
use credits_core::ledger::subscription::FirstPeriod;
use credits_core::money;
use credits_core::records::{Account, AccountChange, Adjustment, PlanTerms, Topup, TopupExpiry};
use serde::Serialize;

/// `account set --json`: the change recorded, and the plans it replaced or ended.
#[derive(Serialize)]
pub struct AccountSetView<'a> {
    pub platform: &'a str,
    pub plan: &'a str,
    pub billing: &'static str,
    pub since: String,
    /// The day the subscription began (`--subscribed`); null: tracked from `since`.
    pub subscribed_on: Option<String>,
    pub renews_on: Option<u8>,
    #[serde(flatten)]
    pub terms: TermsView,
    /// The first-period promotion this change gets; null when it gets none.
    pub first_period: Option<FirstPeriodView>,
    /// The plan set for the same date that this one replaces.
    pub replaced: Option<&'a str>,
    /// The plan before, which ends on `since`.
    pub previous: Option<&'a str>,
}

/// What the user pays, when not the list price: `price` and `credits`, each null when listed.
#[derive(Serialize)]
pub struct TermsView {
    pub price: Option<Dec>,
    pub credits: Option<Dec>,
}

impl TermsView {
    pub fn new(t: &PlanTerms) -> TermsView {
        TermsView {
            price: dec(t.price),
            credits: dec(t.credits),
        }
    }
}

/// A first-period promotion a plan change gets: the period's price (null when the
/// promotion does not set it) and the bonus credits ("0" without).
#[derive(Serialize)]
pub struct FirstPeriodView {
    pub price: Option<Dec>,
    pub bonus_credits: Dec,
}

impl FirstPeriodView {
    pub fn new(f: &FirstPeriod) -> FirstPeriodView {
        FirstPeriodView {
            price: dec(f.price),
            bonus_credits: Dec(f.bonus),
        }
    }
}

/// One row of `account list --json`: the plan now, and each change on the platform.
#[derive(Serialize)]
pub struct AccountView<'a> {
    pub platform: &'a str,
    pub plan: &'a str,
    pub billing: &'static str,
    pub since: Option<String>,
    pub renews_on: Option<u8>,
    #[serde(flatten)]
    pub terms: TermsView,
    pub history: Vec<AccountChangeView<'a>>,
}

#[derive(Serialize)]
pub struct AccountChangeView<'a> {
    pub plan: &'a str,
    pub billing: &'static str,
    pub effective_on: String,
    /// `subscribed` (the day is `subscribed_on`), `tracked` (the account's first change,
    /// tracked from `effective_on`) or `changed` (a later plan change).
    pub start: &'static str,
    pub subscribed_on: Option<String>,
    pub renews_on: Option<u8>,
    #[serde(flatten)]
    pub terms: TermsView,
    /// The first-period promotion this change gets; null when it gets none.
    pub first_period: Option<FirstPeriodView>,
}

impl<'a> AccountView<'a> {
    /// `history`: every platform's changes; the account's own are kept. `first` gives the
    /// promotion a change gets.
    pub fn new(
        a: &'a Account,
        history: &'a [AccountChange],
        first: impl Fn(&AccountChange) -> Option<FirstPeriod>,
    ) -> AccountView<'a> {
        let own: Vec<&'a AccountChange> = history
            .iter()
            .filter(|c| c.platform == a.platform)
            .collect();
        AccountView {
            platform: &a.platform,
            plan: &a.plan,
            billing: a.billing.as_str(),
            since: a.since.map(|d| d.to_string()),
            renews_on: a.renews_on,
            terms: TermsView::new(&a.terms),
            history: own
                .iter()
                .enumerate()
                .map(|(i, c)| AccountChangeView::new(c, i == 0, first(c).as_ref()))
                .collect(),
        }
    }
}

/// `topup --json`: the top-up recorded and the balance after it.
#[derive(Serialize)]
pub struct TopupView<'a> {
    pub id: i64,
    pub platform: &'a str,
    pub pack: Option<&'a str>,
    pub credits: Dec,
    pub bonus: Dec,
    pub price: Dec,
    pub currency: &'a str,
    pub price_per_credit: Dec,
    pub at: String,
    /// Null when the credits never expire or their expiry is unknown.
    pub expires_at: Option<String>,
    /// Null without a balance (no account set).
    pub available: Option<Dec>,
}

/// `adjust --json`: the adjustment recorded and the balance after it.
#[derive(Serialize)]
pub struct AdjustView<'a> {
    pub id: i64,
    pub platform: &'a str,
    pub credits: Dec,
    pub note: &'a str,
    pub at: String,
    pub available: Option<Dec>,
}

/// A ledger time in the user's offset, as `topup` and `balance` show it.
fn local_time(t: DateTime<Utc>, offset: &FixedOffset) -> String {
    fmt_time(&t.with_timezone(offset))
}

/// The day of `t` in the user's offset (`2026-11-05`).
fn local_day(t: DateTime<Utc>, offset: &FixedOffset) -> String {
    t.with_timezone(offset).format("%Y-%m-%d").to_string()
}

/// One row of `topup list --json`: the top-up and the credits left of it now.
#[derive(Serialize)]
pub struct TopupRowView<'a> {
    pub id: i64,
    pub platform: &'a str,
    pub pack: Option<&'a str>,
    pub credits: Dec,
    pub bonus: Dec,
    pub price: Dec,
    pub currency: &'a str,
    pub at: String,
    /// `at`, `never` or `unknown`.
    pub expiry: &'static str,
    /// Null when the credits never expire or their expiry is unknown.
    pub expires_at: Option<String>,
    /// Credits of it left in the balance now; null without a balance.
    pub left: Option<Dec>,
}

impl<'a> TopupRowView<'a> {
    pub fn new(l: &'a Listed<Topup>) -> TopupRowView<'a> {
        let t = &l.record;
        TopupRowView {
            id: t.id,
            platform: &t.platform,
            pack: t.pack.as_deref(),
            credits: Dec(t.credits),
            bonus: Dec(t.bonus),
            price: Dec(t.price),
            currency: &t.currency,
            at: t.at.to_rfc3339(),
            expiry: match t.expiry {
                TopupExpiry::At(_) => "at",
                TopupExpiry::Never => "never",
                TopupExpiry::Unknown => "unknown",
            },
            expires_at: match t.expiry {
                TopupExpiry::At(e) => Some(e.to_rfc3339()),
                _ => None,
            },
            left: dec(l.left),
        }
    }
}

/// `topup list` as a table: id, platform, when, credits, price, expiry, credits left.
pub fn topups_table(rows: &[Listed<Topup>], offset: FixedOffset) -> String {
    let left = |l: &Listed<Topup>| l.left.map_or("-".to_string(), money::fmt_credits);
    let declared: [ViewColumn<Listed<Topup>>; 8] = [
        ViewColumn::new(Column::essential("id"), |l: &Listed<Topup>| {
            format!("#{}", l.record.id)
        }),
        ViewColumn::new(Column::essential("platform"), |l: &Listed<Topup>| {
            l.record.platform.clone()
        }),
        // Dates: a top-up lasts months, and a date keeps its year at any width (a shortened
        // time drops it, and an expiry a year on would read as this year).
        ViewColumn::new(Column::essential("bought"), move |l: &Listed<Topup>| {
            local_day(l.record.at, &offset)
        }),
        ViewColumn::new(Column::optional("pack", 1), |l: &Listed<Topup>| {
            l.record.pack.clone().unwrap_or_else(|| "-".to_string())
        }),
        ViewColumn::new(Column::essential("credits"), |l: &Listed<Topup>| {
            let t = &l.record;
            match money::add(t.credits, t.bonus) {
                Ok(total) if !t.bonus.is_zero() => format!(
                    "{} ({} bonus)",
                    money::fmt_credits(total),
                    money::fmt_credits(t.bonus)
                ),
                _ => money::fmt_credits(t.credits),
            }
        }),
        ViewColumn::new(Column::optional("price", 2), |l: &Listed<Topup>| {
            money::fmt_money(l.record.price, &l.record.currency)
        }),
        ViewColumn::new(
            Column::essential("expires"),
            move |l: &Listed<Topup>| match l.record.expiry {
                TopupExpiry::At(e) => local_day(e, &offset),
                TopupExpiry::Never => "never".to_string(),
                TopupExpiry::Unknown => "unknown".to_string(),
            },
        ),
        ViewColumn::new(Column::essential("left"), left),
    ];
    columns::table(&declared, rows)
}

/// One row of `adjust list --json`.
#[derive(Serialize)]
pub struct AdjustmentRowView<'a> {
    pub id: i64,
    pub platform: &'a str,
    pub credits: Dec,
    pub note: &'a str,
    pub at: String,
    /// Credits of it left in the balance now; null for one that took credits away, or
    /// without a balance.
    pub left: Option<Dec>,
}

impl<'a> AdjustmentRowView<'a> {
    pub fn new(l: &'a Listed<Adjustment>) -> AdjustmentRowView<'a> {
        let a = &l.record;
        AdjustmentRowView {
            id: a.id,
            platform: &a.platform,
            credits: Dec(a.credits),
            note: &a.note,
            at: a.at.to_rfc3339(),
            left: dec(l.left),
        }
    }
}

/// `adjust list` as a table: id, platform, when, credits, credits left, note.
pub fn adjustments_table(rows: &[Listed<Adjustment>], offset: FixedOffset) -> String {
    let declared: [ViewColumn<Listed<Adjustment>>; 6] = [
        ViewColumn::new(Column::essential("id"), |l: &Listed<Adjustment>| {
            format!("#{}", l.record.id)
        }),
        ViewColumn::new(Column::essential("platform"), |l: &Listed<Adjustment>| {
            l.record.platform.clone()
        }),
        ViewColumn::new(Column::time("at", 2), move |l: &Listed<Adjustment>| {
            local_time(l.record.at, &offset)
        }),
        ViewColumn::new(Column::essential("credits"), |l: &Listed<Adjustment>| {
            let sign = if l.record.credits.is_sign_negative() {
                ""
            } else {
                "+"
            };
            format!("{sign}{}", money::fmt_credits(l.record.credits))
        }),
        ViewColumn::new(Column::essential("left"), |l: &Listed<Adjustment>| {
            l.left.map_or("-".to_string(), money::fmt_credits)
        }),
        ViewColumn::new(
            Column::shrinkable("note", 1, 8),
            |l: &Listed<Adjustment>| l.record.note.clone(),
        ),
    ];
    columns::table(&declared, rows)
}

/// `topup rm`, `adjust rm` and `account rm --json`: what was removed, and the platform's
/// balance before and after (null without one), as of the later of its time and now.
#[derive(Serialize)]
pub struct RemovedView<'a, R: Serialize> {
    pub removed: R,
    pub platform: &'a str,
    pub as_of: String,
    pub available_before: Option<Dec>,
    pub available_after: Option<Dec>,
    /// Credits of generations already paid from it, now beyond the balance (`--force`).
    pub beyond_balance: Dec,
    /// Entries whose pricing still names the removed record (`credits reprice` updates them).
    pub entries_still_naming_it: u64,
}

impl<'a, R: Serialize> RemovedView<'a, R> {
    pub fn new<T>(removed: R, r: &'a Removed<T>) -> RemovedView<'a, R> {
        RemovedView {
            removed,
            platform: &r.platform,
            as_of: r.as_of.to_rfc3339(),
            available_before: dec(r.before),
            available_after: dec(r.after),
            beyond_balance: Dec(r.uncovered),
            entries_still_naming_it: r.still_named,
        }
    }
}

/// How a plan change began, as `account list` says it: `subscribed`, `tracked` (the first
/// change, without a subscription day) or `changed`.
pub fn start_of(c: &AccountChange, first_of_platform: bool) -> &'static str {
    match (c.subscribed_on, first_of_platform) {
        (Some(_), _) => "subscribed",
        (None, true) => "tracked",
        (None, false) => "changed",
    }
}

impl<'a> AccountChangeView<'a> {
    /// `first_of_platform`: whether it is the platform's earliest change; `first` the
    /// promotion it gets.
    pub fn new(
        c: &'a AccountChange,
        first_of_platform: bool,
        first: Option<&FirstPeriod>,
    ) -> AccountChangeView<'a> {
        AccountChangeView {
            plan: &c.plan,
            billing: c.billing.as_str(),
            effective_on: c.effective_on.to_string(),
            start: start_of(c, first_of_platform),
            subscribed_on: c.subscribed_on.map(|d| d.to_string()),
            renews_on: c.renews_on,
            terms: TermsView::new(&c.terms),
            first_period: first.map(FirstPeriodView::new),
        }
    }
}
