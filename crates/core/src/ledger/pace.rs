//! The balance at a steady pace (issue 24): when the credits a ledger holds now run out if
//! spent at `per_day` credits a day, and how many of the soonest-expiring ones expire unused.
//!
//! Pure, and only what the ledger holds now: grants still to come (renewals, plan changes)
//! are not counted. The credits are spent in the ledger's own order (soonest expiry first,
//! never-expiring last); a grant that expires before the pace has spent it loses the rest
//! then, and the pace moves on to the next grant. A pace of 0 (or less) never runs out.

use super::{Ledger, Source};
use crate::money;
use anyhow::{anyhow, Result};
use chrono::{DateTime, Duration, Utc};
use rust_decimal::Decimal;

/// Seconds in a day, the unit of a pace.
const DAY_SECONDS: i64 = 86_400;

/// The ledger's credits at a pace.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// When the balance is spent or expired; `None` at a pace of 0 (with credits left). The
    /// ledger's own time when it is already at or below zero.
    pub runs_out: Option<DateTime<Utc>>,
    /// The soonest expiry of credits still available, and what the pace leaves of it.
    pub first_expiry: Option<ExpiryAtPace>,
}

/// The soonest-expiring credits, at a pace.
#[derive(Clone, Debug, PartialEq)]
pub struct ExpiryAtPace {
    pub at: DateTime<Utc>,
    /// Their credits now.
    pub credits: Decimal,
    /// What expires unused at the pace: credits − pace × days until `at` (never below 0).
    pub unused: Decimal,
    /// Where they came from (the first such grant's source).
    pub source: Source,
    /// The source of the credits spent after them, when it is another one (what to keep
    /// for later).
    pub before: Option<Source>,
}

/// Days (exact, as a decimal) from `from` to `to`; negative when `to` is earlier.
pub fn days_between(from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Decimal> {
    let seconds = to.signed_duration_since(from).num_seconds();
    money::div(Decimal::from(seconds), Decimal::from(DAY_SECONDS))
}

/// `at` plus `days` (rounded to the second).
pub fn after_days(at: DateTime<Utc>, days: Decimal) -> Result<DateTime<Utc>> {
    let seconds = money::mul(days, Decimal::from(DAY_SECONDS))?.round();
    let seconds: i64 = seconds
        .try_into()
        .map_err(|_| anyhow!("{days} days is out of range"))?;
    let span = Duration::try_seconds(seconds).ok_or_else(|| anyhow!("{days} days is too long"))?;
    at.checked_add_signed(span)
        .ok_or_else(|| anyhow!("{days} days from {at} is out of range"))
}

/// The ledger's credits spent at `per_day` credits a day from its time on.
pub fn project(ledger: &Ledger, per_day: Decimal) -> Result<Projection> {
    let now = ledger.as_of;
    let paced = per_day > Decimal::ZERO;
    let live = ledger.live_grants();
    let first_expiry = match ledger.next_expiry()? {
        None => None,
        Some(n) => {
            let spent = if paced {
                money::mul(per_day, days_between(now, n.at)?.max(Decimal::ZERO))?
            } else {
                Decimal::ZERO
            };
            let unused = n
                .credits
                .checked_sub(spent)
                .ok_or_else(|| anyhow!("credits out of range"))?
                .max(Decimal::ZERO);
            let source = n
                .grants
                .first()
                .map_or(Source::Subscription, |&i| ledger.grants[i].source);
            let before = live
                .iter()
                .find(|i| !n.grants.contains(i))
                .map(|&i| ledger.grants[i].source)
                .filter(|s| *s != source);
            Some(ExpiryAtPace {
                at: n.at,
                credits: n.credits,
                unused,
                source,
                before,
            })
        }
    };
    if ledger.totals.available <= Decimal::ZERO {
        return Ok(Projection {
            runs_out: Some(now),
            first_expiry,
        });
    }
    if !paced {
        return Ok(Projection {
            runs_out: None,
            first_expiry,
        });
    }
    let mut cursor = now;
    for i in live {
        let remaining = ledger.grant_states[i].remaining;
        let end = after_days(cursor, money::div(remaining, per_day)?)?;
        cursor = match ledger.grants[i].expires.at() {
            // Expires before the pace has spent it: the rest is lost then.
            Some(expiry) if expiry < end => cursor.max(expiry),
            _ => end,
        };
    }
    Ok(Projection {
        runs_out: Some(cursor),
        first_expiry,
    })
}
