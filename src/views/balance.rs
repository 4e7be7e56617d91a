//! `balance --json`: each platform's ledger as of a time, and the budgets.

use super::budgets::BudgetView;
use super::{dec, ratio, Dec};
use anyhow::Result;
use chrono::{DateTime, FixedOffset, Utc};
use credits_app::ops::checks::{Checked, LastChecks};
use credits_app::ops::ledger::Buys;
use credits_app::ops::pace::{Pace, Rate};
use credits_core::ledger::build::Built;
use credits_core::ledger::Expires;
use credits_core::money;
use credits_core::pricing::Platform;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// A derived figure (a rate, a share) rounded to 2 places for showing.
pub fn two_places(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

#[derive(Serialize)]
pub struct BalanceView<'a> {
    pub as_of: String,
    pub platforms: Vec<PlatformBalanceView<'a>>,
    pub budgets: Vec<BudgetView<'a>>,
}

/// One platform's balance: the totals of its ledger, what comes next, its grants.
#[derive(Serialize)]
pub struct PlatformBalanceView<'a> {
    pub platform: &'a str,
    pub available: Dec,
    /// Every source, also those at zero.
    pub by_source: BTreeMap<&'static str, Dec>,
    pub negative: bool,
    pub deficit: Dec,
    pub granted: Dec,
    pub spent: Dec,
    pub refunded: Dec,
    pub expired: Dec,
    pub lost_on_refund: Dec,
    pub start: String,
    pub next_expiry: Option<NextExpiryView>,
    pub next_renewal: Option<NextRenewalView<'a>>,
    pub buys: Option<BuysView<'a>>,
    pub currency: &'a str,
    pub grants: Vec<GrantView<'a>>,
    pub notes: &'a [String],
    pub pace: PaceView,
    /// The last balance check (`balance PLATFORM --expect N`) and the last match; null when
    /// the platform was never checked.
    pub last_check: Option<LastCheckView>,
    /// Top-ups that start after the time shown (a pack bought to start later): not in
    /// `available` yet.
    pub not_usable_yet: Vec<WaitingView>,
}

/// A top-up not usable yet.
#[derive(Serialize)]
pub struct WaitingView {
    pub topup_id: i64,
    /// Its credits, bonus included.
    pub credits: Dec,
    /// When they become usable (RFC 3339, UTC).
    pub from: String,
}

/// The pace of spending and the balance at the recent pace.
#[derive(Serialize)]
pub struct PaceView {
    /// The last 14 days (from the account's start when younger).
    pub recent: RateView,
    /// The current plan period (or calendar month without a plan) so far.
    pub period: RateView,
    /// `plan` or `month`.
    pub period_kind: &'static str,
    /// When the balance runs out at the recent pace (its credits now, renewals not
    /// counted); null when the pace is 0.
    pub runs_out: Option<String>,
    /// The soonest-expiring credits and what the recent pace leaves of them.
    pub first_expiry: Option<ExpiryAtPaceView>,
}

#[derive(Serialize)]
pub struct RateView {
    pub from: String,
    pub to: String,
    /// Exact.
    pub days: Dec,
    /// Credits charged minus refunded, of the entries in the window (exact).
    pub spent: Dec,
    /// spent ÷ days, to 2 places.
    pub per_day: Dec,
}

#[derive(Serialize)]
pub struct ExpiryAtPaceView {
    pub at: String,
    pub credits: Dec,
    /// Expiring unused at the pace (to 2 places).
    pub unused: Dec,
    pub source: &'static str,
    /// The source spent after them, when another one.
    pub before: Option<&'static str>,
}

impl RateView {
    fn new(r: &Rate) -> RateView {
        RateView {
            from: r.from.to_rfc3339(),
            to: r.to.to_rfc3339(),
            days: Dec(r.days),
            spent: Dec(r.spent),
            per_day: Dec(two_places(r.per_day)),
        }
    }
}

impl PaceView {
    pub fn new(p: &Pace) -> PaceView {
        PaceView {
            recent: RateView::new(&p.recent),
            period: RateView::new(&p.period),
            period_kind: if p.plan_period { "plan" } else { "month" },
            runs_out: p.projection.runs_out.map(|t| t.to_rfc3339()),
            first_expiry: p
                .projection
                .first_expiry
                .as_ref()
                .map(|e| ExpiryAtPaceView {
                    at: e.at.to_rfc3339(),
                    credits: Dec(e.credits),
                    unused: Dec(two_places(e.unused)),
                    source: e.source.as_str(),
                    before: e.before.map(|b| b.as_str()),
                }),
        }
    }
}

#[derive(Serialize)]
pub struct NextExpiryView {
    pub at: String,
    pub credits: Dec,
}

#[derive(Serialize)]
pub struct NextRenewalView<'a> {
    pub at: String,
    pub credits: Option<Dec>,
    pub plan: &'a str,
    pub change: bool,
}

/// What the balance buys of the most-logged model.
#[derive(Serialize)]
pub struct BuysView<'a> {
    pub model: &'a str,
    pub seconds: Option<Dec>,
    pub credits_each: Dec,
    pub count: Dec,
}

/// A grant that has arrived.
#[derive(Serialize)]
pub struct GrantView<'a> {
    pub id: &'a str,
    pub source: &'static str,
    pub label: &'a str,
    pub at: String,
    pub credits: Dec,
    pub remaining: Dec,
    pub expired: Dec,
    /// A time, `never` or `unknown`.
    pub expires: String,
    pub price_per_credit: Option<Dec>,
}

impl<'a> PlatformBalanceView<'a> {
    pub fn new(
        platform: &'a Platform,
        built: &'a Built,
        buys: Option<&'a Buys>,
        pace: &Pace,
        checks: Option<&LastChecks>,
    ) -> Result<PlatformBalanceView<'a>> {
        let l = &built.ledger;
        let t = &l.totals;
        Ok(PlatformBalanceView {
            platform: &platform.id,
            available: Dec(t.available),
            by_source: l
                .available_by_source()?
                .into_iter()
                .map(|(source, credits)| (source.as_str(), Dec(credits)))
                .collect(),
            negative: t.available.is_sign_negative() && !t.available.is_zero(),
            deficit: Dec(t.deficit),
            granted: Dec(t.granted),
            spent: Dec(t.spent),
            refunded: Dec(t.refunded),
            expired: Dec(t.expired),
            lost_on_refund: Dec(l.lost_on_refund()?),
            start: built.start.to_rfc3339(),
            next_expiry: l.next_expiry()?.map(|n| NextExpiryView {
                at: n.at.to_rfc3339(),
                credits: Dec(n.credits),
            }),
            next_renewal: built.next_renewal.as_ref().map(|r| NextRenewalView {
                at: r.at.to_rfc3339(),
                credits: dec(r.credits),
                plan: &r.plan,
                change: r.change,
            }),
            buys: buys.map(|b| BuysView {
                model: &b.model,
                seconds: dec(b.seconds),
                credits_each: Dec(b.each),
                count: Dec(b.count),
            }),
            currency: &platform.currency,
            grants: l
                .grants
                .iter()
                .zip(&l.grant_states)
                .filter(|(_, st)| st.arrived)
                .map(|(g, st)| GrantView {
                    id: &g.id,
                    source: g.source.as_str(),
                    label: &g.label,
                    at: g.at.to_rfc3339(),
                    credits: Dec(g.credits),
                    remaining: Dec(st.remaining),
                    expired: Dec(st.expired),
                    expires: match g.expires {
                        Expires::At(t) => t.to_rfc3339(),
                        Expires::Never => "never".to_string(),
                        Expires::Unknown => "unknown".to_string(),
                    },
                    price_per_credit: ratio(g.price_per_credit.as_ref()),
                })
                .collect(),
            notes: &built.notes,
            pace: PaceView::new(pace),
            last_check: checks.map(|c| LastCheckView {
                last: CheckedView::new(&c.last),
                last_match: c.last_match.as_ref().map(CheckedView::new),
            }),
            // Filled by the command, which has the records (see `commands::balance`).
            not_usable_yet: Vec::new(),
        })
    }
}

/// A balance check (`balance PLATFORM --expect N`): what the platform showed beside the
/// ledger, and where a difference likely comes from.
#[derive(Serialize)]
pub struct CheckView<'a> {
    pub platform: &'a str,
    /// When the platform showed `expected` (RFC 3339, UTC).
    pub at: String,
    pub expected: Dec,
    /// The ledger's balance at `at`.
    pub ledger: Dec,
    /// `expected` less `ledger`: positive when the platform shows more.
    pub difference: Dec,
    pub matched: bool,
    /// The last earlier match, which the drift is measured from; null when there was none.
    pub last_match: Option<CheckedView>,
    /// The ledger at the last match's time as it reads now (null without a last match).
    pub ledger_at_last_match: Option<Dec>,
    /// Entries since the last match (or the account's start): failed and not refunded,
    /// marked refunded, and all of them.
    pub failed_since: EntriesView<'a>,
    pub refunded_since: EntriesView<'a>,
    pub logged_since: EntriesView<'a>,
    /// Credits the platform's imported usage shows used since the last match that no entry
    /// records; null when none.
    pub billed_unlogged: Option<Dec>,
    /// The `credits adjust` command that would make the ledger say `expected`; null when
    /// they match.
    pub adjust: Option<String>,
}

impl<'a> CheckView<'a> {
    /// The view of a check; `adjust` is the command that reconciles it (see
    /// `views::check::adjust_command`), given when they differ.
    pub fn new(c: &'a Checked, adjust: Option<String>) -> CheckView<'a> {
        CheckView {
            platform: &c.check.platform,
            at: c.check.at.to_rfc3339(),
            expected: Dec(c.check.expected),
            ledger: Dec(c.check.ledger),
            difference: Dec(c.difference()),
            matched: c.difference().is_zero(),
            last_match: c.last_match.as_ref().map(CheckedView::new),
            ledger_at_last_match: dec(c.ledger_at_last_match),
            failed_since: EntriesView {
                ids: &c.failed.ids,
                credits: Dec(c.failed.credits),
            },
            refunded_since: EntriesView {
                ids: &c.refunded.ids,
                credits: Dec(c.refunded.credits),
            },
            logged_since: EntriesView {
                ids: &c.logged.ids,
                credits: Dec(c.logged.credits),
            },
            billed_unlogged: c.billed_unlogged.map(Dec),
            adjust,
        }
    }
}

/// Some entries, by id, and their credits.
#[derive(Serialize)]
pub struct EntriesView<'a> {
    pub ids: &'a [i64],
    pub credits: Dec,
}

/// A check as kept.
#[derive(Serialize)]
pub struct CheckedView {
    pub at: String,
    pub expected: Dec,
    pub ledger: Dec,
    pub matched: bool,
}

impl CheckedView {
    pub fn new(c: &credits_core::records::BalanceCheck) -> CheckedView {
        CheckedView {
            at: c.at.to_rfc3339(),
            expected: Dec(c.expected),
            ledger: Dec(c.ledger),
            matched: c.matched(),
        }
    }
}

/// The last check of a platform and its last match, in `balance --json`.
#[derive(Serialize)]
pub struct LastCheckView {
    pub last: CheckedView,
    pub last_match: Option<CheckedView>,
}

/// A day in the user's offset.
fn day(offset: FixedOffset, t: DateTime<Utc>) -> String {
    t.with_timezone(&offset).date_naive().to_string()
}

/// `N credits more on the platform than in the ledger` (or fewer).
pub fn difference_text(difference: Decimal) -> String {
    format!(
        "{} credits {} on the platform than in the ledger",
        money::fmt_credits(difference.abs()),
        if difference.is_sign_negative() {
            "fewer"
        } else {
            "more"
        }
    )
}

/// The `last checked` row of `balance`: a match by its day, a difference with the last match.
pub fn last_checked_text(offset: FixedOffset, c: &LastChecks) -> String {
    if c.last.matched() {
        return format!(
            "matched on {} ({} credits)",
            day(offset, c.last.at),
            money::fmt_credits(c.last.expected)
        );
    }
    let since = c.last_match.as_ref().map_or_else(
        || "never matched".to_string(),
        |m| format!("last match on {}", day(offset, m.at)),
    );
    format!(
        "differed on {}: {}; {since}",
        day(offset, c.last.at),
        difference_text(c.last.expected - c.last.ledger)
    )
}
