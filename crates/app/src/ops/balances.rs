//! Writing a balance's facts: a plan change (`account set`), a top-up, an adjustment. Each
//! runs its checks and its write in one IMMEDIATE transaction (`Store::write`), so nothing
//! another process writes in between can make a check stale:
//! - nothing may be dated before the account's start (a plan change that would start the
//!   account after an existing top-up or adjustment is refused, naming it);
//! - a negative adjustment that would take the balance below zero is refused unless forced.

use super::notes::{fmt_time, Note};
use super::{ledger, Session};
use anyhow::Result;
use chrono::{DateTime, Utc};
use credits_core::error::fail_with_help;
use credits_core::ledger::subscription::midnight;
use credits_core::ledger::Spend;
use credits_core::money;
use credits_core::pricing::Platform;
use credits_core::records::{AccountChange, Adjustment, Topup};
use credits_store::Tx;
use rust_decimal::Decimal;

/// A recorded top-up or adjustment, and the balance it leaves.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub id: i64,
    /// The balance as of the later of the record's time and now; `None` without a balance.
    pub available: Option<(DateTime<Utc>, Decimal)>,
    pub notes: Vec<Note>,
}

/// The balance after a write, as of `at` or now, whichever is later.
fn balance_after(
    session: &Session,
    tx: &Tx<'_>,
    platform: &Platform,
    at: DateTime<Utc>,
) -> Result<Option<(DateTime<Utc>, Decimal)>> {
    let records = ledger::records(tx, &platform.id)?;
    let as_of = at.max(session.now_utc());
    let built = ledger::build(session, tx, platform, &records, as_of, None)?;
    Ok(built.map(|b| (as_of, b.ledger.totals.available)))
}

/// Records a purchase of credits on `platform`.
pub fn record_topup(session: &Session, platform: &Platform, topup: &Topup) -> Result<Recorded> {
    let mut store = session.store()?;
    let notes = ledger::undated_plan(&store, &platform.id)?
        .into_iter()
        .collect();
    let (id, available) = store.write(|tx| {
        let records = ledger::records(tx, &platform.id)?;
        ledger::check_not_before_start(session, &platform.id, &records, topup.at)?;
        let id = tx.insert_topup(topup)?;
        ledger::refresh_checkpoints(session, tx, platform)?;
        Ok((id, balance_after(session, tx, platform, topup.at)?))
    })?;
    Ok(Recorded {
        id,
        available,
        notes,
    })
}

/// Records a correction to `platform`'s balance. Taking credits away below zero needs
/// `force` (the platform really shows that).
pub fn record_adjustment(
    session: &Session,
    platform: &Platform,
    adjustment: &Adjustment,
    force: bool,
) -> Result<Recorded> {
    let mut store = session.store()?;
    let notes = ledger::undated_plan(&store, &platform.id)?
        .into_iter()
        .collect();
    let at = adjustment.at;
    let (id, available) = store.write(|tx| {
        let records = ledger::records(tx, &platform.id)?;
        ledger::check_not_before_start(session, &platform.id, &records, at)?;
        if adjustment.credits.is_sign_negative() {
            let taken = adjustment.credits.abs();
            let spend = Spend {
                entry_id: None,
                label: "this adjustment".into(),
                at,
                credits: taken,
                refunded_at: None,
            };
            let available = match ledger::build(session, tx, platform, &records, at, Some(spend))? {
                Some(b) => b.ledger.totals.available,
                None => adjustment.credits,
            };
            if available.is_sign_negative() && !force {
                return Err(fail_with_help(
                    format!(
                        "taking {} credits would leave the {} balance at {} on {}",
                        money::fmt_credits(taken),
                        platform.id,
                        money::fmt_credits(available),
                        fmt_time(&ledger::local(session, at))
                    ),
                    "pass --force if the platform really shows that (the balance goes below zero)",
                ));
            }
        }
        let id = tx.insert_adjustment(adjustment)?;
        ledger::refresh_checkpoints(session, tx, platform)?;
        Ok((id, balance_after(session, tx, platform, at)?))
    })?;
    Ok(Recorded {
        id,
        available,
        notes,
    })
}

/// What recording a plan change did.
#[derive(Debug, Clone)]
pub struct PlanSet {
    /// The change it replaced (the same platform and date).
    pub replaced: Option<AccountChange>,
    /// The plan in effect before it.
    pub previous: Option<AccountChange>,
    /// Whether it starts the account (no earlier change).
    pub first: bool,
}

/// Records a plan change (`account set`).
pub fn set_plan(session: &Session, change: &AccountChange) -> Result<PlanSet> {
    let offset = session.offset();
    let start_at = midnight(change.effective_on, &offset)?;
    let mut store = session.store()?;
    store.write(|tx| {
        let records = ledger::records(tx, &change.platform)?;
        let first = records
            .changes
            .iter()
            .all(|c| c.effective_on >= change.effective_on);
        if first {
            // The account starts here: nothing may be dated before it.
            let early = records
                .topups
                .iter()
                .map(|t| (t.at, format!("top-up #{}", t.id)))
                .chain(
                    records
                        .adjustments
                        .iter()
                        .map(|a| (a.at, format!("adjustment #{}", a.id))),
                )
                .filter(|(at, _)| *at < start_at)
                .min_by_key(|(at, _)| *at);
            if let Some((at, what)) = early {
                return Err(fail_with_help(
                    format!(
                        "{what} on {} is before {}, where this would start your {} account",
                        fmt_time(&ledger::local(session, at)),
                        change.effective_on,
                        change.platform
                    ),
                    format!(
                        "start the account on or before it: --since {}",
                        at.with_timezone(&offset).date_naive()
                    ),
                ));
            }
        }
        let previous = records
            .changes
            .iter()
            .filter(|c| c.effective_on < change.effective_on)
            .max_by_key(|c| c.effective_on)
            .cloned();
        let replaced = tx.set_account_change(change)?;
        if let Ok(platform) = session.catalog.platform(&change.platform) {
            ledger::refresh_checkpoints(session, tx, platform)?;
        }
        Ok(PlanSet {
            replaced,
            previous,
            first,
        })
    })
}
