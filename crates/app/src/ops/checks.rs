//! Balance assertions (issue 23): `credits balance PLATFORM --expect N [--at TIME]` compares
//! the ledger with what the platform shows and keeps the check, matched or not, with its date.
//!
//! A drift is measured from the last match: when the ledger and the platform agreed at the last
//! match, whatever differs now happened since then (or was written back-dated before it, which
//! [`Checked::ledger_at_last_match`] shows). The check and its reading of the ledger are one
//! write transaction, so another process cannot log between the reading and the record.
//! What the difference likely is, and the `adjust` that would reconcile it, the binary says:
//! this returns the facts it says it from.

use super::{ledger, Session};
use anyhow::Result;
use chrono::{DateTime, Duration, Utc};
use credits_core::error::fail_with_help;
use credits_core::money;
use credits_core::pricing::Platform;
use credits_core::records::{BalanceCheck, Filter, Status};
use credits_store::Store;
use rust_decimal::Decimal;

/// Logged entries of one status since the last match, for the likely causes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entries {
    /// Their ids, oldest first.
    pub ids: Vec<i64>,
    /// Their credits, summed.
    pub credits: Decimal,
}

/// A check recorded, and what the binary explains a difference from.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The check as recorded (its `ledger` is the ledger's balance at its `at`).
    pub check: BalanceCheck,
    /// The newest earlier match (at or before this check's time), the drift's start.
    pub last_match: Option<BalanceCheck>,
    /// The ledger's balance at the last match's time as it reads now: it differs from the
    /// match's own figure when something dated before the match was written after it.
    pub ledger_at_last_match: Option<Decimal>,
    /// Entries failed and not refunded since the last match (or the account's start): the
    /// platform may have refunded them.
    pub failed: Entries,
    /// Entries marked refunded since then: a refund the platform may not have made.
    pub refunded: Entries,
    /// Entries logged since then (any status), and their credits.
    pub logged: Entries,
    /// What the difference would buy of the platform's most-logged model, if any.
    pub buys: Option<ledger::Buys>,
    /// Credits the platform's imported usage (its billed lines) shows used on the UTC days
    /// from the last match's (or from the first line) to the check's, beyond what the
    /// entries of those days record; `None` when there is no such usage or it is covered.
    pub billed_unlogged: Option<Decimal>,
}

impl Checked {
    /// What the platform showed less what the ledger says: positive when the platform shows
    /// more.
    pub fn difference(&self) -> Decimal {
        self.check.expected - self.check.ledger
    }
}

/// `--at`: when the platform showed the balance. A date is the end of that day (as
/// `balance --as-of`), today's is now; a time after now is refused: a platform cannot have
/// shown it yet.
pub fn check_time(session: &Session, text: Option<&str>) -> Result<DateTime<Utc>> {
    let now = session.now_utc();
    let at = ledger::parse_as_of(session, text)?;
    if at <= now {
        return Ok(at);
    }
    let today = credits_core::dates::parse_day(text.unwrap_or_default(), &session.now)
        .is_some_and(|d| d == session.now.date_naive());
    if today {
        return Ok(now);
    }
    Err(fail_with_help(
        format!(
            "--at {} is in the future: the platform cannot have shown that balance yet",
            text.unwrap_or_default()
        ),
        "give the time you read the balance off the platform (default: now)",
    ))
}

/// Compares `expected`, what `platform` showed at `at`, with the ledger, and records the
/// check. An account with no plan, top-up or adjustment, or one that starts after `at`, is an
/// error naming what to record.
pub fn check(
    session: &Session,
    platform: &Platform,
    expected: Decimal,
    at: DateTime<Utc>,
) -> Result<Checked> {
    use chrono::SubsecRound;
    // Kept to the second, as every stored time: an adjustment the user then records at the
    // printed time is inside the balance this compared.
    let at = at.trunc_subsecs(0);
    let who = session.who()?;
    let mut store = session.store()?;
    let api = super::billed::api_beside(&store, &platform.id)?;
    let (check, last_match) = store.write(|tx| {
        let records = ledger::records(tx, &platform.id)?;
        let Some(start) = ledger::start(session, &records)? else {
            return Err(fail_with_help(
                format!(
                    "no plan, top-up or adjustment recorded for {}: there is no balance to \
                     check",
                    platform.id
                ),
                {
                    let plan = ledger::how_to_start(session, &platform.id);
                    // A log of the platform's API usage only: that balance first.
                    match api {
                        Some(api) => format!(
                            "{}; or, for the plan: {plan}",
                            super::billed::api_beside_help(&platform.id, api)
                        ),
                        None => plan,
                    }
                },
            ));
        };
        if at < start {
            return Err(ledger::before_start(session, &platform.id, start));
        }
        let built = ledger::build(session, tx, platform, &records, at, None)?;
        let ledger_now = built.map_or(Decimal::ZERO, |b| b.ledger.totals.available);
        let last_match = tx.last_balance_check(&platform.id, Some(at), true)?;
        let mut check = BalanceCheck {
            id: 0,
            platform: platform.id.clone(),
            at,
            expected,
            ledger: ledger_now,
            checked_at: session.now_utc().trunc_subsecs(0),
            who: who.clone(),
        };
        check.id = tx.insert_balance_check(&check)?;
        Ok((check, last_match))
    })?;
    let records = ledger::records(&store, &platform.id)?;
    let ledger_at_last_match = match &last_match {
        Some(m) => ledger::build(session, &store, platform, &records, m.at, None)?
            .map(|b| b.ledger.totals.available),
        None => None,
    };
    let since = last_match.as_ref().map(|m| m.at);
    let window = |status: Option<Status>| -> Result<Entries> {
        entries_between(&store, &platform.id, since, at, status)
    };
    let difference = check.expected - check.ledger;
    let buys = if difference.is_zero() {
        None
    } else {
        ledger::buys(&store, platform, difference.abs())?
    };
    let billed_unlogged = billed_unlogged(&store, &platform.id, since, at)?;
    Ok(Checked {
        billed_unlogged,
        failed: window(Some(Status::Failed))?,
        refunded: window(Some(Status::Refunded))?,
        logged: window(None)?,
        check,
        last_match,
        ledger_at_last_match,
        buys,
    })
}

/// Credits the billed lines of `platform` (its usage as imported) show used on the UTC days
/// from `since`'s (or the first line's) to `until`'s, less the credits of the entries of
/// those days that were charged (all but refunded ones): what the platform used that no
/// entry records. Whole days on both sides, as the lines are; `None` when nothing is left.
fn billed_unlogged(
    store: &Store,
    platform: &str,
    since: Option<DateTime<Utc>>,
    until: DateTime<Utc>,
) -> Result<Option<Decimal>> {
    let from = since.map(|t| t.date_naive());
    let to = until.date_naive();
    let lines: Vec<_> = store
        .billed_lines(Some(platform), from)?
        .into_iter()
        .filter(|l| l.day <= to)
        .collect();
    let Some(first) = lines.iter().map(|l| l.day).min() else {
        return Ok(None);
    };
    let mut billed = Decimal::ZERO;
    for l in &lines {
        billed = money::add(billed, l.credits.unwrap_or_default())?;
    }
    let day_start = |d: chrono::NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    let entries = store.entries(&Filter {
        platform: Some(platform.to_string()),
        since: day_start(from.unwrap_or(first)),
        until: to.succ_opt().and_then(day_start),
        ..Filter::default()
    })?;
    let mut logged = Decimal::ZERO;
    for e in entries.iter().filter(|e| e.status != Status::Refunded) {
        logged = money::add(logged, e.credits)?;
    }
    let unlogged = billed - logged;
    Ok((unlogged > Decimal::ZERO).then_some(unlogged))
}

/// A platform's entries (of one status, or any) dated after `since` (or from the start) up to
/// and including `until`.
fn entries_between(
    store: &Store,
    platform: &str,
    since: Option<DateTime<Utc>>,
    until: DateTime<Utc>,
    status: Option<Status>,
) -> Result<Entries> {
    let filter = Filter {
        platform: Some(platform.to_string()),
        status,
        // Stored times are whole seconds: after the match's second, up to this check's.
        since: since.and_then(|t| t.checked_add_signed(Duration::seconds(1))),
        until: until.checked_add_signed(Duration::seconds(1)),
        ..Filter::default()
    };
    let mut found = Entries::default();
    let mut entries = store.entries(&filter)?;
    entries.sort_by_key(|e| (e.at, e.id));
    for e in entries {
        found.ids.push(e.id);
        found.credits = money::add(found.credits, e.credits)?;
    }
    Ok(found)
}

/// The last check of a platform and its last match (the same check when it matched), for
/// `balance` and `history` to show.
#[derive(Debug, Clone, PartialEq)]
pub struct LastChecks {
    pub last: BalanceCheck,
    pub last_match: Option<BalanceCheck>,
}

/// The last check of `platform`, if it was ever checked.
pub fn last_checks(store: &Store, platform: &str) -> Result<Option<LastChecks>> {
    let Some(last) = store.last_balance_check(platform, None, false)? else {
        return Ok(None);
    };
    let last_match = if last.matched() {
        Some(last.clone())
    } else {
        store.last_balance_check(platform, None, true)?
    };
    Ok(Some(LastChecks { last, last_match }))
}
