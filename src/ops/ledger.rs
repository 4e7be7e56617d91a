//! A platform's balance as of a time: its stored facts read (only the entries from the
//! balance's start on), then replayed by the pure `crate::ledger`. Used by `balance`, `log`,
//! `estimate`, `topup`, `adjust`, `refund` and `reprice`, so they all see the same balance.

use super::notes::{fmt_time, Note};
use super::Session;
use crate::cost::{self, Request};
use crate::error::{fail, fail_with_help};
use crate::ledger::build::{self, Built};
use crate::ledger::Spend;
use crate::money;
use crate::pricing::{Kind, Platform};
use crate::records::LedgerRecords;
use crate::store::{Store, Tx};
use anyhow::Result;
use chrono::{DateTime, Duration, FixedOffset, Utc};
use rust_decimal::Decimal;

/// The stored facts of one platform's balance, with its entries from the balance's start on.
pub fn records(session: &Session, tx: &Tx<'_>, platform: &str) -> Result<LedgerRecords> {
    let offset = session.offset();
    tx.ledger_records(platform, |r| build::start(r, &offset))
}

/// [`records`], outside a transaction.
pub fn records_in_store(session: &Session, store: &Store, platform: &str) -> Result<LedgerRecords> {
    let offset = session.offset();
    store.ledger_records(platform, |r| build::start(r, &offset))
}

/// Where the platform's balance starts, if it has one.
pub fn start(session: &Session, records: &LedgerRecords) -> Result<Option<DateTime<Utc>>> {
    build::start(records, &session.offset())
}

/// The ledger of one platform as of `as_of`, with `extra` (a spend not stored yet) last.
/// `None` when the platform has no balance (no plan, top-up or adjustment).
pub fn build(
    session: &Session,
    platform: Option<&Platform>,
    records: &LedgerRecords,
    as_of: DateTime<Utc>,
    extra: Option<Spend>,
) -> Result<Option<Built>> {
    build::build(platform, records, &session.offset(), as_of, extra)
}

/// A UTC time in the user's offset.
pub fn local(session: &Session, t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&session.offset())
}

/// The error for a date before a platform's account started.
pub fn before_start(session: &Session, platform: &str, start: DateTime<Utc>) -> anyhow::Error {
    fail_with_help(
        format!(
            "that is before your {platform} account started ({})",
            fmt_time(&local(session, start))
        ),
        format!(
            "the balance starts with the plan; to move the start, `credits account set {platform} \
             --plan PLAN --since DATE`"
        ),
    )
}

/// Refuses a time before the account's start, when the platform has a plan history (with
/// only top-ups and adjustments, the first of them is the start and any date may come first).
pub fn check_not_before_start(
    session: &Session,
    platform: &str,
    records: &LedgerRecords,
    at: DateTime<Utc>,
) -> Result<()> {
    if records.changes.is_empty() {
        return Ok(());
    }
    if let Some(start) = start(session, records)? {
        if at < start {
            return Err(before_start(session, platform, start));
        }
    }
    Ok(())
}

/// A note when the platform has a plan recorded without a start date (schema 1, or set
/// before balances existed): its credits are not in the balance until it has one.
pub fn undated_plan(store: &Store, platform: &str) -> Result<Option<Note>> {
    if !store.account_changes(Some(platform))?.is_empty() {
        return Ok(None);
    }
    Ok(store
        .account(platform)?
        .filter(|a| a.since.is_none())
        .map(|a| Note::UndatedPlan {
            platform: platform.to_string(),
            plan: a.plan,
        }))
}

/// `--as-of`: a time, or a date meaning the end of that day (in the user's offset).
pub fn parse_as_of(session: &Session, text: Option<&str>) -> Result<DateTime<Utc>> {
    let Some(text) = text else {
        return Ok(session.now_utc());
    };
    if let Some(d) = crate::dates::parse_day(text, &session.now) {
        let next = d
            .succ_opt()
            .ok_or_else(|| fail(format!("`{text}` is too late")))?;
        let end = crate::ledger::subscription::midnight(next, &session.offset())?
            .checked_sub_signed(Duration::nanoseconds(1))
            .ok_or_else(|| fail(format!("`{text}` is too early")))?;
        return Ok(end);
    }
    Ok(crate::dates::parse_time(text, &session.now)?.with_timezone(&Utc))
}

/// What the balance buys of the user's usual request on a platform.
#[derive(Clone, Debug, PartialEq)]
pub struct Buys {
    pub model: String,
    pub model_name: String,
    pub kind: Kind,
    pub seconds: Option<Decimal>,
    /// Credits one costs (a range counts at its most).
    pub each: Decimal,
    pub ranged: bool,
    pub count: Decimal,
}

/// The most-logged model's usual request, priced by the table, against `available`.
pub fn buys(store: &Store, platform: &Platform, available: Decimal) -> Result<Option<Buys>> {
    let Some(shape) = store.most_logged(&platform.id)? else {
        return Ok(None);
    };
    let Ok(model) = platform.model(&shape.model) else {
        return Ok(None);
    };
    let request = Request {
        duration: shape.duration,
        resolution: shape.resolution,
        audio: shape.audio,
        mode: shape.mode,
        count: 1,
        ..Request::default()
    };
    let Ok(charge) = request.normalized().and_then(|r| cost::charge(model, &r)) else {
        return Ok(None);
    };
    let each = charge.per_item.max;
    if each.is_zero() {
        return Ok(None);
    }
    let count = if available.is_sign_positive() {
        money::div(available, each)?.floor()
    } else {
        Decimal::ZERO
    };
    Ok(Some(Buys {
        model: model.id.clone(),
        model_name: model.name.clone(),
        kind: model.kind,
        seconds: charge.seconds,
        each,
        ranged: !charge.per_item.is_exact(),
        count,
    }))
}
