//! A platform's balance as of a time: its stored facts read (only the entries from the
//! balance's start on), then replayed by the pure `credits_core::ledger`. Used by `balance`, `log`,
//! `estimate`, `topup`, `adjust`, `refund` and `reprice`, so they all see the same balance.

use super::notes::{fmt_time, Note};
use super::Session;
use anyhow::Result;
use chrono::{DateTime, Duration, FixedOffset, Utc};
use credits_core::cost::{self, Request};
use credits_core::error::{fail, fail_with_help};
use credits_core::ledger::build::{self, Built, Resume};
use credits_core::ledger::resume::Checkpoint;
use credits_core::ledger::Spend;
use credits_core::money;
use credits_core::pricing::{Kind, Platform};
use credits_core::records::LedgerRecords;
use credits_store::{LedgerRead, Store, Tx};
use rust_decimal::Decimal;

/// The stored facts of one platform's balance: plan history, top-ups, adjustments, from the
/// store or inside a transaction. No entries: [`build`] reads the ones it needs (those after
/// the newest checkpoint that fits).
pub fn records(src: &impl LedgerRead, platform: &str) -> Result<LedgerRecords> {
    src.ledger_facts(platform)
}

/// Where the platform's balance starts, if it has one.
pub fn start(session: &Session, records: &LedgerRecords) -> Result<Option<DateTime<Utc>>> {
    build::start(records, &session.offset())
}

/// The ledger of one platform as of `as_of`, with `extra` (a spend not stored yet) last.
/// `None` when the platform has no balance (no plan, top-up or adjustment). `records` are
/// the platform's facts ([`records`]); the entries are read here: only those after the
/// newest stored checkpoint that still fits, so the cost follows the entries since then,
/// not the whole log (issue 12).
pub fn build(
    session: &Session,
    src: &impl LedgerRead,
    platform: &Platform,
    records: &LedgerRecords,
    as_of: DateTime<Utc>,
    extra: Option<Spend>,
) -> Result<Option<Built>> {
    build_keeping(session, src, platform, records, as_of, extra, None)
}

/// [`build`] whose spends include every entry dated at or after `keep_from` (a checkpoint
/// folds older ones away), for a caller that reads one entry's part in the ledger.
pub(crate) fn build_keeping(
    session: &Session,
    src: &impl LedgerRead,
    platform: &Platform,
    records: &LedgerRecords,
    as_of: DateTime<Utc>,
    extra: Option<Spend>,
    keep_from: Option<DateTime<Utc>>,
) -> Result<Option<Built>> {
    let offset = session.offset();
    let Some(start) = build::start(records, &offset)? else {
        return Ok(None);
    };
    let tries = if checkpoint_every() == 0 { 0 } else { 3 };
    for (at, state) in src.ledger_checkpoints(&platform.id, as_of, keep_from, tries)? {
        let Some(cp) = fitting(session, platform, records, &state)? else {
            continue;
        };
        let mut since = records.clone();
        since.spends = src.ledger_spends(&platform.id, start, Some(at), Some(as_of))?;
        if let Resume::Done(built) = build::build_from(
            Some(platform),
            &since,
            &offset,
            as_of,
            extra.clone(),
            Some(&cp),
        )? {
            return Ok(built);
        }
    }
    let mut all = records.clone();
    all.spends = src.ledger_spends(&platform.id, start, None, Some(as_of))?;
    build::build(Some(platform), &all, &offset, as_of, extra)
}

/// The ledger as of `as_of` with every entry of the platform in it, later ones too (not yet
/// happened), for `reprice`, which prices each of them.
pub(crate) fn build_every_entry(
    session: &Session,
    src: &impl LedgerRead,
    platform: &Platform,
    records: &LedgerRecords,
    as_of: DateTime<Utc>,
) -> Result<Option<Built>> {
    let offset = session.offset();
    let Some(start) = build::start(records, &offset)? else {
        return Ok(None);
    };
    let mut all = records.clone();
    all.spends = src.ledger_spends(&platform.id, start, None, None)?;
    build::build(Some(platform), &all, &offset, as_of, None)
}

/// A stored checkpoint, if it still fits the platform's plans, top-ups and adjustments (an
/// entry write deletes the ones it makes wrong; these are checked here). Unreadable JSON is
/// a checkpoint that does not fit: it is only ever a shortcut.
fn fitting(
    session: &Session,
    platform: &Platform,
    records: &LedgerRecords,
    state: &str,
) -> Result<Option<Checkpoint>> {
    let Ok(cp) = serde_json::from_str::<Checkpoint>(state) else {
        return Ok(None);
    };
    let offset = session.offset();
    Ok(
        match build::checkpoint_at(Some(platform), records, &offset, cp.at, Some(&cp))? {
            Resume::Done(Some(_)) => Some(cp),
            _ => None,
        },
    )
}

/// Entries between two checkpoints: a replay never holds more than this many (plus the ones
/// logged since the newest), whatever the size of the log. The unit tests use 3, so every
/// history they make crosses several checkpoints.
pub(crate) const CHECKPOINT_EVERY: u32 = if cfg!(test) { 3 } else { 2000 };

/// [`CHECKPOINT_EVERY`], or `CREDITS_CHECKPOINT_EVERY` when set (tests make many small
/// checkpoints with it; `0` turns checkpoints off: none made, none read, every balance a
/// full replay, to compare against).
fn checkpoint_every() -> u32 {
    std::env::var("CREDITS_CHECKPOINT_EVERY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CHECKPOINT_EVERY)
}

/// Checkpoints stay this far behind now: entries are logged about now, and one logged a
/// little back in time would otherwise delete the newest checkpoint on every `log`.
const CHECKPOINT_LAG_HOURS: i64 = 1;

/// Brings the platform's checkpoints up to date inside a write: drops those that no longer
/// fit (a plan, top-up or adjustment changed before them), then adds one every
/// [`CHECKPOINT_EVERY`] entries up to an hour ago, each replayed from the one before, so
/// only that many entries are in memory at once. Cheap when nothing changed: two indexed
/// reads.
pub(crate) fn refresh_checkpoints(
    session: &Session,
    tx: &Tx<'_>,
    platform: &Platform,
) -> Result<()> {
    let offset = session.offset();
    let records = tx.ledger_facts(&platform.id)?;
    let Some(start) = build::start(&records, &offset)? else {
        tx.delete_checkpoints(&platform.id, DateTime::<Utc>::MIN_UTC)?;
        return Ok(());
    };
    let mut previous: Option<Checkpoint> = None;
    while let Some((at, state)) = tx
        .ledger_checkpoints(&platform.id, DateTime::<Utc>::MAX_UTC, None, 1)?
        .pop()
    {
        if let Some(cp) = fitting(session, platform, &records, &state)? {
            previous = Some(cp);
            break;
        }
        tx.delete_checkpoints(&platform.id, at)?;
    }
    let every = checkpoint_every();
    if every == 0 {
        return Ok(());
    }
    let cap = session.now_utc() - Duration::hours(CHECKPOINT_LAG_HOURS);
    loop {
        let after = previous.as_ref().map(|c| c.at);
        let Some(next) = tx.nth_spend_after(&platform.id, start, after, every)? else {
            return Ok(());
        };
        if next > cap {
            return Ok(());
        }
        let mut chunk = records.clone();
        chunk.spends = tx.ledger_spends(&platform.id, start, after, Some(next))?;
        match build::checkpoint_at(Some(platform), &chunk, &offset, next, previous.as_ref())? {
            Resume::Done(Some(cp)) => {
                tx.save_checkpoint(&platform.id, next, &serde_json::to_string(&cp)?)?;
                previous = Some(cp);
            }
            // No ledger, or the previous checkpoint does not fit the entries after it (it
            // was checked against everything else): leave the rest to a full replay.
            Resume::Done(None) | Resume::Stale(_) => return Ok(()),
        }
    }
}

/// [`refresh_checkpoints`] for every platform with a balance in the pricing tables (after an
/// import, which may touch any of them).
pub(crate) fn refresh_all_checkpoints(session: &Session, tx: &Tx<'_>) -> Result<()> {
    for id in tx.checkpointed_platforms()? {
        if let Ok(platform) = session.catalog.platform(&id) {
            refresh_checkpoints(session, tx, platform)?;
        }
    }
    Ok(())
}

/// A UTC time in the user's offset.
pub fn local(session: &Session, t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&session.offset())
}

/// The error for a date before a platform's account started.
pub fn before_start(session: &Session, platform: &str, start: DateTime<Utc>) -> anyhow::Error {
    if sells_packs_only(session, platform) {
        return fail_with_help(
            format!(
                "that is before your {platform} balance starts ({}, its first top-up)",
                fmt_time(&local(session, start))
            ),
            format!(
                "{platform} has no plans: a purchase made before is recorded with `credits topup \
                 {platform} --pack PACK --at DATE`{}",
                sync_hint(platform)
            ),
        );
    }
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

/// Whether `platform`'s table sells its credits only in packs (no plans: Runway's and
/// Kling's APIs), so no `account set --plan` can start its balance.
pub fn sells_packs_only(session: &Session, platform: &str) -> bool {
    session
        .catalog
        .platform(platform)
        .is_ok_and(|p| p.plans.is_empty())
}

/// `, or `credits sync kling` your packs` where the platform's packs can be fetched.
fn sync_hint(platform: &str) -> String {
    super::billed::BilledSource::packs_of(platform)
        .map(|s| format!(", or `credits sync {s}` records your packs"))
        .unwrap_or_default()
}

/// The `help:` for a platform with no balance yet: how to start one (a plan, a top-up,
/// credits given; or, with no plans, a top-up and the platform's own pack list).
pub fn how_to_start(session: &Session, platform: &str) -> String {
    if sells_packs_only(session, platform) {
        format!(
            "{platform} has no plans: `credits topup {platform} --pack PACK` records a purchase \
             (`credits pricing show {platform}` lists the packs){}; `credits adjust {platform} N \
             --note TEXT` credits you were given",
            sync_hint(platform)
        )
    } else {
        format!(
            "`credits account set {platform} --plan PLAN --since DATE` records your plan; \
             `credits topup {platform} --credits N --price P` a purchase; `credits adjust \
             {platform} N --note TEXT` credits you were given"
        )
    }
}

/// Refuses a time before the account's start, when the platform has a plan history (with
/// only top-ups and adjustments, the first of them is the start and any date may come first).
pub(crate) fn check_not_before_start(
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
    if let Some(d) = credits_core::dates::parse_day(text, &session.now) {
        let next = d
            .succ_opt()
            .ok_or_else(|| fail(format!("`{text}` is too late")))?;
        let end = credits_core::ledger::subscription::midnight(next, &session.offset())?
            .checked_sub_signed(Duration::nanoseconds(1))
            .ok_or_else(|| fail(format!("`{text}` is too early")))?;
        return Ok(end);
    }
    Ok(credits_core::dates::parse_time(text, &session.now)?.with_timezone(&Utc))
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

#[cfg(test)]
#[path = "ledger_tests.rs"]
mod tests;
