//! Writing a balance's facts: a plan change (`account set`), a top-up, an adjustment. Each
//! runs its checks and its write in one IMMEDIATE transaction (`Store::write`), so nothing
//! another process writes in between can make a check stale:
//! - nothing may be dated before the account's start (a plan change that would start the
//!   account after an existing top-up or adjustment is refused, naming it);
//! - a negative adjustment that would take the balance below zero is refused unless forced.
//!
//! And undoing them (`topup rm`, `adjust rm`, `account rm`): the record is deleted and the
//! balance replayed without it, in the same transaction; when generations already paid from
//! its credits would be left beyond the balance, the removal is refused unless forced.

use super::notes::{fmt_time, Note};
use super::{ledger, Session};
use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use credits_core::error::fail_with_help;
use credits_core::ledger::build::{self, Built};
use credits_core::ledger::subscription::midnight;
use credits_core::ledger::Spend;
use credits_core::money;
use credits_core::pricing::Platform;
use credits_core::records::{AccountChange, Adjustment, LedgerRecords, Topup};
use credits_store::{LedgerRead, Store, Tx};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

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

/// Records a purchase of credits on `platform`, by the session's user on this machine
/// (`topup.who` is replaced by [`Session::who`]).
pub fn record_topup(session: &Session, platform: &Platform, topup: &Topup) -> Result<Recorded> {
    let topup = &Topup {
        who: session.who()?,
        ..topup.clone()
    };
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

/// Records a correction to `platform`'s balance, by the session's user (`adjustment.who` is
/// replaced by [`Session::who`]). Taking credits away below zero needs `force` (the
/// platform really shows that).
pub fn record_adjustment(
    session: &Session,
    platform: &Platform,
    adjustment: &Adjustment,
    force: bool,
) -> Result<Recorded> {
    let adjustment = &Adjustment {
        who: session.who()?,
        ..adjustment.clone()
    };
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

/// Records a plan change (`account set`), by the session's user (`change.who` is replaced by
/// [`Session::who`]).
pub fn set_plan(session: &Session, change: &AccountChange) -> Result<PlanSet> {
    let change = &AccountChange {
        who: session.who()?,
        ..change.clone()
    };
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

/// A top-up or adjustment with what is left of its credits in the balance now (`None`: no
/// balance to say, or a negative adjustment, which grants nothing).
#[derive(Debug, Clone)]
pub struct Listed<T> {
    pub record: T,
    pub left: Option<Decimal>,
}

/// What is left of each grant of `platform`'s balance as of now, by grant id (`topup:3`).
fn left_by_grant(
    session: &Session,
    store: &Store,
    platform: &str,
) -> Result<BTreeMap<String, Decimal>> {
    let Ok(p) = session.catalog.platform(platform) else {
        return Ok(BTreeMap::new());
    };
    let records = ledger::records(store, platform)?;
    let Some(built) = ledger::build(session, store, p, &records, session.now_utc(), None)? else {
        return Ok(BTreeMap::new());
    };
    let l = &built.ledger;
    Ok(l.grants
        .iter()
        .zip(&l.grant_states)
        .map(|(g, st)| (g.id.clone(), st.remaining))
        .collect())
}

/// The top-ups recorded (`topup list`), on one platform or all, with what is left of each.
pub fn topups(session: &Session, platform: Option<&str>) -> Result<Vec<Listed<Topup>>> {
    let Some(store) = session.existing_store()? else {
        return Ok(Vec::new());
    };
    let mut left: BTreeMap<String, BTreeMap<String, Decimal>> = BTreeMap::new();
    let mut out = Vec::new();
    for t in store.topups(platform)? {
        if !left.contains_key(&t.platform) {
            left.insert(
                t.platform.clone(),
                left_by_grant(session, &store, &t.platform)?,
            );
        }
        let grant = format!("topup:{}", t.id);
        let remaining = left.get(&t.platform).and_then(|m| m.get(&grant)).copied();
        out.push(Listed {
            record: t,
            left: remaining,
        });
    }
    Ok(out)
}

/// The adjustments recorded (`adjust list`), on one platform or all, with what is left of
/// each one that added credits.
pub fn adjustments(session: &Session, platform: Option<&str>) -> Result<Vec<Listed<Adjustment>>> {
    let Some(store) = session.existing_store()? else {
        return Ok(Vec::new());
    };
    let mut left: BTreeMap<String, BTreeMap<String, Decimal>> = BTreeMap::new();
    let mut out = Vec::new();
    for a in store.adjustments(platform)? {
        if !left.contains_key(&a.platform) {
            left.insert(
                a.platform.clone(),
                left_by_grant(session, &store, &a.platform)?,
            );
        }
        let grant = format!("adj:{}", a.id);
        let remaining = left.get(&a.platform).and_then(|m| m.get(&grant)).copied();
        out.push(Listed {
            record: a,
            left: remaining,
        });
    }
    Ok(out)
}

/// What removing a top-up, an adjustment or a plan change did to its platform's balance.
#[derive(Debug, Clone)]
pub struct Removed<T> {
    /// What was removed.
    pub record: T,
    pub platform: String,
    /// The balance before and after the removal, as of `as_of` (the later of the record's
    /// time and now); `None` where there is no balance.
    pub before: Option<Decimal>,
    pub after: Option<Decimal>,
    pub as_of: DateTime<Utc>,
    /// Credits of logged generations the removal left beyond the balance (only with
    /// `force`; otherwise the removal is refused).
    pub uncovered: Decimal,
    /// Entries whose stored pricing still names the removed record (`balance: … (top-up
    /// #1)`): the removal does not reprice them; `credits reprice` does (issue 22, trial G).
    pub still_named: u64,
}

/// The platform's ledger as of `as_of`, replayed in full from its start (no checkpoint), so
/// every spend says which grant paid it.
fn replay(
    session: &Session,
    tx: &Tx<'_>,
    platform: &str,
    records: &LedgerRecords,
    as_of: DateTime<Utc>,
) -> Result<Option<Built>> {
    let offset = session.offset();
    let Some(start) = build::start(records, &offset)? else {
        return Ok(None);
    };
    let mut all = records.clone();
    all.spends = tx.ledger_spends(platform, start, None, Some(as_of))?;
    let table = session.catalog.platform(platform).ok();
    build::build(table, &all, &offset, as_of, None)
}

/// Credits of the generations (and negative adjustments) that happened, were not refunded,
/// and were not paid by credits there at the time: beyond the balance, or paid off only by
/// credits that arrived later. With `dropped_before` (`Some(None)`: every spend), only the
/// spends before that time (outside a balance that now starts later, or is gone), and the
/// credits that were paid in time: those the removal leaves unpaid.
fn beyond(built: Option<&Built>, dropped_before: Option<Option<DateTime<Utc>>>) -> Result<Decimal> {
    let Some(built) = built else {
        return Ok(Decimal::ZERO);
    };
    let l = &built.ledger;
    let mut total = Decimal::ZERO;
    for (spend, st) in l.spends.iter().zip(&l.spend_states) {
        if !st.happened || st.refund.is_some() {
            continue;
        }
        let dropped = match dropped_before {
            None => false,
            Some(None) => true,
            Some(Some(start)) => spend.at < start,
        };
        if dropped_before.is_some() && !dropped {
            continue;
        }
        for part in &st.allocation {
            let late = match part.grant {
                None => true,
                Some(g) => l.grants.get(g).is_some_and(|g| g.at > spend.at),
            };
            if late != dropped {
                total = money::add(total, part.credits)?;
            }
        }
    }
    Ok(total)
}

/// Removes one record of a platform's balance inside `tx` (`remove` deletes it and says what
/// it was), refusing, unless `force`, when generations already paid from it would be left
/// beyond the balance.
#[allow(clippy::too_many_arguments)]
fn remove_record<T>(
    session: &Session,
    tx: &Tx<'_>,
    platform: &str,
    at: DateTime<Utc>,
    what: &str,
    undo: &str,
    force: bool,
    remove: impl FnOnce(&Tx<'_>) -> Result<T>,
) -> Result<Removed<T>> {
    let as_of = at.max(session.now_utc());
    let offset = session.offset();
    let records = ledger::records(tx, platform)?;
    let before = replay(session, tx, platform, &records, as_of)?;
    let record = remove(tx)?;
    let records_after = ledger::records(tx, platform)?;
    let start_after = build::start(&records_after, &offset)?;
    // With a plan history left, the account starts at its first change: nothing may be
    // dated before it (as `account set` refuses).
    if !records_after.changes.is_empty() {
        if let Some(start) = start_after {
            let early = records_after
                .topups
                .iter()
                .map(|t| (t.at, format!("top-up #{}", t.id)))
                .chain(
                    records_after
                        .adjustments
                        .iter()
                        .map(|a| (a.at, format!("adjustment #{}", a.id))),
                )
                .filter(|(t, _)| *t < start)
                .min_by_key(|(t, _)| *t);
            if let Some((t, name)) = early {
                return Err(fail_with_help(
                    format!(
                        "without {what}, your {platform} account would start on {}, after \
                         {name} ({})",
                        fmt_time(&ledger::local(session, start)),
                        fmt_time(&ledger::local(session, t))
                    ),
                    format!(
                        "remove {name} first, or set the plan from before it: `credits account \
                         set {platform} --plan PLAN --since {}`",
                        t.with_timezone(&offset).date_naive()
                    ),
                ));
            }
        }
    }
    let after = replay(session, tx, platform, &records_after, as_of)?;
    let was = beyond(before.as_ref(), None)?;
    let dropped = match (&before, start_after) {
        (Some(b), Some(s)) if s > b.start => Some(Some(s)),
        (Some(_), None) => Some(None),
        _ => None,
    };
    let now = money::add(
        beyond(after.as_ref(), None)?,
        match dropped {
            Some(d) => beyond(before.as_ref(), Some(d))?,
            None => Decimal::ZERO,
        },
    )?;
    let uncovered = if now > was {
        money::add(now, -was)?
    } else {
        Decimal::ZERO
    };
    if !uncovered.is_zero() && !force {
        return Err(fail_with_help(
            format!(
                "{} credits of {platform} generations were already spent from {what}: \
                 without it they would be beyond the balance",
                money::fmt_credits(uncovered)
            ),
            format!(
                "pass --force if it really never happened (the balance goes below zero); \
                 {undo}"
            ),
        ));
    }
    if let Ok(p) = session.catalog.platform(platform) {
        ledger::refresh_checkpoints(session, tx, p)?;
    }
    let available = |b: Option<Built>| b.map(|b| b.ledger.totals.available);
    let filter = credits_core::records::Filter {
        platform: Some(platform.to_string()),
        ..Default::default()
    };
    let still_named = tx
        .entries_matching(&filter)?
        .iter()
        .filter(|e| names(&e.entry.pricing, what))
        .count() as u64;
    Ok(Removed {
        record,
        platform: platform.to_string(),
        before: available(before),
        after: available(after),
        as_of,
        uncovered,
        still_named,
    })
}

/// Whether an entry's pricing (`balance: 495 from Pack (top-up #1) + …`) names `what`
/// (`top-up #1`), not another record whose id starts alike (`top-up #12`).
fn names(pricing: &str, what: &str) -> bool {
    pricing.match_indices(what).any(|(at, _)| {
        !pricing[at + what.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

/// The error for an id with no record.
fn no_such(what: &str, id: i64, list: &str) -> anyhow::Error {
    fail_with_help(
        format!("no {what} #{id}"),
        format!("`credits {list}` lists them with their ids"),
    )
}

/// Removes top-up `id` (`topup rm`): see [`Removed`].
pub fn remove_topup(session: &Session, id: i64, force: bool) -> Result<Removed<Topup>> {
    let mut store = session
        .existing_store()?
        .ok_or_else(|| no_such("top-up", id, "topup list"))?;
    store.write(|tx| {
        let topup = tx
            .topup(id)?
            .ok_or_else(|| no_such("top-up", id, "topup list"))?;
        let undo = "or, if the platform took the credits back, `credits adjust PLATFORM -N`"
            .replace("PLATFORM", &topup.platform);
        remove_record(
            session,
            tx,
            &topup.platform.clone(),
            topup.at,
            &format!("top-up #{id}"),
            &undo,
            force,
            |tx| {
                tx.remove_topup(id)?
                    .ok_or_else(|| no_such("top-up", id, "topup list"))
            },
        )
    })
}

/// Removes adjustment `id` (`adjust rm`): see [`Removed`].
pub fn remove_adjustment(session: &Session, id: i64, force: bool) -> Result<Removed<Adjustment>> {
    let mut store = session
        .existing_store()?
        .ok_or_else(|| no_such("adjustment", id, "adjust list"))?;
    store.write(|tx| {
        let adjustment = tx
            .adjustment(id)?
            .ok_or_else(|| no_such("adjustment", id, "adjust list"))?;
        remove_record(
            session,
            tx,
            &adjustment.platform.clone(),
            adjustment.at,
            &format!("adjustment #{id}"),
            "`credits balance` shows where the credits went",
            force,
            |tx| {
                tx.remove_adjustment(id)?
                    .ok_or_else(|| no_such("adjustment", id, "adjust list"))
            },
        )
    })
}

/// Removes the plan change of `platform` on `on` (`account rm`): see [`Removed`]. The plan
/// before it (if any) stays in effect; with none left, the platform has no account.
pub fn remove_plan_change(
    session: &Session,
    platform: &str,
    on: NaiveDate,
    force: bool,
) -> Result<Removed<AccountChange>> {
    let missing = || {
        fail_with_help(
            format!("no {platform} plan change on {on}"),
            "`credits account list` lists them with their dates",
        )
    };
    let mut store = session.existing_store()?.ok_or_else(missing)?;
    let at = midnight(on, &session.offset())?;
    store.write(|tx| {
        remove_record(
            session,
            tx,
            platform,
            at,
            &format!("the {on} plan change"),
            "`credits balance` shows where the credits went",
            force,
            |tx| tx.remove_account_change(platform, on)?.ok_or_else(missing),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, FixedOffset, TimeZone};
    use credits_core::error::describe;
    use credits_core::pricing::catalog::Catalog;
    use credits_core::records::{BillingPeriod, PlanTerms, TopupExpiry};
    use tempfile::TempDir;

    fn session(dir: &TempDir) -> Session {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
        Session::new(
            Catalog::builtin(),
            now.with_timezone(&FixedOffset::east_opt(0).unwrap()),
            Some(dir.path().join("credits.db")),
        )
    }

    fn day(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, 10, 0, 0).unwrap()
    }

    fn topup(at: DateTime<Utc>) -> Topup {
        Topup {
            id: 0,
            platform: "runway".into(),
            pack: None,
            credits: 1000.into(),
            bonus: 0.into(),
            price: 10.into(),
            currency: "USD".into(),
            at,
            expiry: TopupExpiry::At(at + Duration::days(365)),
            who: Default::default(),
        }
    }

    fn spend(s: &Session, at: DateTime<Utc>, credits: u32) {
        let mut store = s.store().unwrap();
        store
            .insert_entry(&credits_core::records::NewEntry {
                at: at.fixed_offset(),
                platform: "runway".into(),
                model: "gen-4".into(),
                credits: credits.into(),
                ..Default::default()
            })
            .unwrap();
    }

    fn plan(s: &Session, on: u32) {
        set_plan(
            s,
            &AccountChange {
                platform: "runway".into(),
                plan: "standard".into(),
                billing: BillingPeriod::Monthly,
                effective_on: NaiveDate::from_ymd_opt(2026, 11, on).unwrap(),
                renews_on: None,
                terms: PlanTerms::default(),
                subscribed_on: None,
                who: Default::default(),
            },
        )
        .unwrap();
    }

    #[test]
    fn a_duplicated_topup_is_removed_and_the_balance_is_as_before() {
        let dir = TempDir::new().unwrap();
        let s = session(&dir);
        let runway = s.catalog.platform("runway").unwrap();
        plan(&s, 2);
        record_topup(&s, runway, &topup(day(8))).unwrap();
        let twice = record_topup(&s, runway, &topup(day(8))).unwrap();
        let listed = topups(&s, Some("runway")).unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[1].left, Some(1000.into()));
        let removed = remove_topup(&s, twice.id, false).unwrap();
        assert_eq!(removed.record.id, twice.id);
        assert_eq!(
            (removed.before, removed.after),
            (Some(2625.into()), Some(1625.into()))
        );
        assert!(removed.uncovered.is_zero());
        let err = remove_topup(&s, twice.id, false).unwrap_err();
        assert!(describe(&err).starts_with(&format!("error: no top-up #{}\n", twice.id)));
    }

    #[test]
    fn removing_credits_already_spent_is_refused_unless_forced() {
        let dir = TempDir::new().unwrap();
        let s = session(&dir);
        let runway = s.catalog.platform("runway").unwrap();
        plan(&s, 2);
        let first = record_topup(&s, runway, &topup(day(8))).unwrap();
        // 625 plan credits, then 375 of the top-up's.
        spend(&s, day(10), 1000);
        let err = remove_topup(&s, first.id, false).unwrap_err();
        assert!(
            describe(&err).contains("375 credits of runway generations were already spent"),
            "{}",
            describe(&err)
        );
        assert_eq!(topups(&s, None).unwrap().len(), 1, "nothing removed");
        let forced = remove_topup(&s, first.id, true).unwrap();
        assert_eq!(forced.uncovered, 375.into());
        assert_eq!(forced.after, Some((-375).into()));

        // A gift adjustment spent, then removed: the same rule.
        let adjustment = Adjustment {
            id: 0,
            platform: "runway".into(),
            credits: 500.into(),
            note: "gift".into(),
            at: day(11),
            who: Default::default(),
        };
        let gift = record_adjustment(&s, runway, &adjustment, false).unwrap();
        spend(&s, day(12), 100);
        assert!(remove_adjustment(&s, gift.id, false).is_err());
        assert_eq!(adjustments(&s, None).unwrap()[0].left, Some(25.into()));

        // A plan change whose credits paid for generations.
        let err = remove_plan_change(
            &s,
            "runway",
            NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            false,
        )
        .unwrap_err();
        assert!(describe(&err).contains("already spent from the 2026-11-02 plan change"));
    }

    #[test]
    fn a_plan_change_after_a_topup_cannot_become_the_start() {
        let dir = TempDir::new().unwrap();
        let s = session(&dir);
        let runway = s.catalog.platform("runway").unwrap();
        plan(&s, 2);
        plan(&s, 15);
        record_topup(&s, runway, &topup(day(8))).unwrap();
        let on = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let err = remove_plan_change(&s, "runway", on(2), false).unwrap_err();
        assert!(
            describe(&err).contains("would start on 2026-11-15"),
            "{}",
            describe(&err)
        );
        // The later one goes: the plan from the 2nd runs on.
        let removed = remove_plan_change(&s, "runway", on(15), false).unwrap();
        assert_eq!(removed.record.effective_on, on(15));
        let store = s.existing_store().unwrap().unwrap();
        assert_eq!(store.account_changes(None).unwrap().len(), 1);
    }
}
