//! The pace of spending on a platform (issue 24), for `balance` and `status`: the credits a
//! day over the last 14 days and over the current period so far, read from the sums as
//! `report` reads them (credits charged minus credits refunded, of the entries in the
//! window: `Store::spent`, those two sums alone), and what the balance does at the 14-day pace (`credits_core::ledger::pace`):
//! when it runs out, what expires unused first.
//!
//! - The 14 days end at the balance's time and start no earlier than the account; the rate
//!   is their credits over their days (fewer than 14 for a young account).
//! - The period is the current plan period (from the latest subscription grant); with no
//!   plan, the calendar month (in the user's offset).

use super::Session;
use anyhow::Result;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use credits_core::error::fail;
use credits_core::ledger::build::Built;
use credits_core::ledger::pace::{self, days_between, Projection};
use credits_core::ledger::Source;
use credits_core::money;
use credits_core::records::Filter;
use credits_store::Store;
use rust_decimal::Decimal;

/// The days of the short window.
pub const WINDOW_DAYS: i64 = 14;

/// Credits spent over a window, and the rate.
#[derive(Clone, Debug, PartialEq)]
pub struct Rate {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Exact days in the window.
    pub days: Decimal,
    /// Credits charged minus credits refunded, of the entries in it.
    pub spent: Decimal,
    /// spent ÷ days; 0 for an empty window, never below 0.
    pub per_day: Decimal,
}

/// A platform's pace as of the balance's time.
#[derive(Clone, Debug, PartialEq)]
pub struct Pace {
    /// The last 14 days (from the account's start when younger).
    pub recent: Rate,
    /// The current period so far.
    pub period: Rate,
    /// `true` when the period is a plan period, `false` a calendar month.
    pub plan_period: bool,
    /// The balance at the recent pace.
    pub projection: Projection,
}

fn rate(
    store: &Store,
    platform: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    open_end: bool,
) -> Result<Rate> {
    let filter = Filter {
        platform: Some(platform.to_string()),
        since: Some(from),
        // The balance counts a spend at its own time: the window takes in `to`'s second.
        // A balance as of now leaves the end open: nothing is logged after now (but for an
        // entry dated ahead on purpose), and a window cut at now would read today's entries
        // one by one instead of from the daily sums.
        until: (!open_end).then(|| to + Duration::seconds(1)),
        ..Filter::default()
    };
    // What a report of the window would show as credits less credits refunded.
    let spent = store.spent(&filter)?;
    let days = days_between(from, to)?;
    let per_day = if days > Decimal::ZERO && spent > Decimal::ZERO {
        money::div(spent, days)?
    } else {
        Decimal::ZERO
    };
    Ok(Rate {
        from,
        to,
        days,
        spent,
        per_day,
    })
}

/// The pace of `platform` whose ledger, as of its time, is `built`.
pub fn of(session: &Session, store: &Store, platform: &str, built: &Built) -> Result<Pace> {
    let l = &built.ledger;
    let as_of = l.as_of;
    let recent_from = (as_of - Duration::days(WINDOW_DAYS)).max(built.start);
    let open_end = as_of >= session.now_utc();
    let recent = rate(store, platform, recent_from, as_of, open_end)?;
    let plan_start = l
        .grants
        .iter()
        .zip(&l.grant_states)
        .filter(|(g, st)| st.arrived && g.source == Source::Subscription && g.at <= as_of)
        .map(|(g, _)| g.at)
        .max();
    let period_from = match plan_start {
        Some(at) => at,
        None => {
            let local = super::ledger::local(session, as_of).date_naive();
            let first = NaiveDate::from_ymd_opt(local.year(), local.month(), 1)
                .ok_or_else(|| fail("the date has no month"))?;
            credits_core::ledger::subscription::midnight(first, &session.offset())?.max(built.start)
        }
    };
    let period = rate(store, platform, period_from, as_of, open_end)?;
    let projection = pace::project(l, recent.per_day)?;
    Ok(Pace {
        recent,
        period,
        plan_period: plan_start.is_some(),
        projection,
    })
}
