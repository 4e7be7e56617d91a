//! A platform's plan history as ledger grants (issue 4). Pure: computed, never stored.
//!
//! Rules (docs/guide.md, "Balances and budgets"):
//! - Each plan change starts the new plan's period on its date, at midnight in the user's
//!   UTC offset. A monthly plan then renews every month on its renewal day (`--renews-on`,
//!   default the day it started), clamped to the month's length (31 → 28 February); a daily
//!   plan renews every midnight; a `once` plan grants once.
//! - Every period grants the plan's full credits, a short first period included, and they
//!   expire at the next renewal unless the table says the plan rolls over. A table that
//!   does not say is read as no rollover (seed 003: "Unused credits expire at reset"), and
//!   said. Annual billing renews credits monthly too (seed 003).
//! - A plan change ends the old plan: its unused credits expire at the change unless the old
//!   plan rolls over.
//! - The promotion applies to the subscription's first period only (seed 002, "new users"),
//!   and only to a subscription the user said began (`subscribed_on`, `account set
//!   --subscribed`): a change takes it when it takes effect within the period from that day
//!   to the first renewal. A start date alone (`--since`) is when tracking began, not the
//!   subscription, so it never gets the promotion (issue 22, item 4). Bonus credits =
//!   credits × percent, capped at `bonus_cap`, as a separate `Bonus` grant with the same
//!   expiry; `first_period_price` prices that period on monthly billing of a monthly plan.
//! - A monthly plan said to have begun on a day renews on that day unless told otherwise.
//! - Price per credit of a period = the period's price ÷ its credits (bonus included). The
//!   period's price: monthly billing, the plan price (a daily plan's ÷ 30); annual billing,
//!   the yearly price ÷ 12 (a daily plan's ÷ 360) — the same rates as `cost`. A free plan's
//!   credits cost 0 here: they cost nothing real (unlike `estimate`, where a free plan has no
//!   price per credit to compare with). An unknown price stays unknown.

// The operators of Decimal, i128 Ratio and chrono panic on overflow; every operation in
// this module must be checked, so that no input (a flag, a pricing file) can panic.
#![deny(clippy::arithmetic_side_effects)]

use super::{Expires, Grant, Source};
use crate::cost::BillingPeriod;
use crate::money::{self, ratio, Ratio};
use crate::pricing::{Grant as Every, Plan};
use anyhow::{anyhow, bail, Result};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Utc};
use rust_decimal::Decimal;

/// Most periods computed for one platform (about 270 years of daily grants).
pub(crate) const MAX_GRANTS: usize = 100_000;

/// One recorded plan change: the plan in effect from `effective_on`.
#[derive(Clone, Debug)]
pub struct PlanChange<'p> {
    /// `None` when the plan is not in the pricing table (any more): its credits are unknown.
    pub plan: Option<&'p Plan>,
    pub plan_id: String,
    pub billing: BillingPeriod,
    pub effective_on: NaiveDate,
    /// Day of the month a monthly plan renews; `None` is the day the subscription began
    /// (`subscribed_on`), else the day the change took effect.
    pub renews_on: Option<u32>,
    /// The day the subscription began, when the user said (on or before `effective_on`).
    pub subscribed_on: Option<NaiveDate>,
}

/// The next time credits arrive from the subscription.
#[derive(Clone, Debug, PartialEq)]
pub struct Renewal {
    pub at: DateTime<Utc>,
    /// Credits it grants (`None` when the table does not say).
    pub credits: Option<Decimal>,
    pub plan: String,
    /// Whether this is a recorded plan change rather than a renewal.
    pub change: bool,
}

/// The subscription's grants up to a time, and what comes next.
#[derive(Clone, Debug, Default)]
pub struct Subscription {
    pub grants: Vec<Grant>,
    pub next_renewal: Option<Renewal>,
    /// Things the user should know (unknown credits, assumed no-rollover).
    pub notes: Vec<String>,
}

/// Midnight at the start of `date` in `offset`, in UTC.
pub fn midnight(date: NaiveDate, offset: &FixedOffset) -> Result<DateTime<Utc>> {
    let local = date
        .and_hms_opt(0, 0, 0)
        .ok_or_else(|| anyhow!("no midnight on {date}"))?;
    offset
        .from_local_datetime(&local)
        .single()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| anyhow!("{date} is out of range"))
}

fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let (y, m) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month.checked_add(1)?)
    };
    Some(NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()?.day())
}

/// `day` in that month, clamped to the month's length.
fn renewal_in(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day.min(days_in_month(year, month)?))
}

/// The first renewal strictly after `after` for a plan renewing on `day`.
pub fn next_monthly(after: NaiveDate, day: u32) -> Option<NaiveDate> {
    let here = renewal_in(after.year(), after.month(), day)?;
    if here > after {
        return Some(here);
    }
    let (y, m) = if after.month() == 12 {
        (after.year().checked_add(1)?, 1)
    } else {
        (after.year(), after.month().checked_add(1)?)
    };
    renewal_in(y, m, day)
}

/// The start of the period after the one starting `start`.
fn next_start(plan: &Plan, start: NaiveDate, day: u32) -> Option<NaiveDate> {
    match plan.grant {
        Every::Monthly => next_monthly(start, day),
        Every::Daily => start.succ_opt(),
        Every::Once => None,
    }
}

/// The money one period of the plan costs (`None` when unknown). See the module docs.
pub fn period_price(plan: &Plan, billing: BillingPeriod, first: bool) -> Result<Option<Ratio>> {
    if plan.is_free() {
        return Ok(Some(Ratio::from_integer(0)));
    }
    let divide = |price: Option<Decimal>, by: i128| -> Result<Option<Ratio>> {
        price
            .map(|p| money::rdiv(&ratio(p), &Ratio::from_integer(by)))
            .transpose()
    };
    let first_price = plan
        .promotion
        .as_ref()
        .and_then(|p| p.first_period_price)
        .filter(|_| first);
    match (plan.grant, billing) {
        (Every::Monthly, BillingPeriod::Monthly) => divide(first_price.or(plan.price), 1),
        (Every::Monthly, BillingPeriod::Annual) => divide(plan.annual_price, 12),
        (Every::Daily, BillingPeriod::Monthly) => divide(plan.price, 30),
        (Every::Daily, BillingPeriod::Annual) => divide(plan.annual_price, 360),
        (Every::Once, BillingPeriod::Monthly) => divide(plan.price, 1),
        (Every::Once, BillingPeriod::Annual) => Ok(None),
    }
}

/// The first-period bonus of a plan's promotion: credits × percent, capped.
pub fn first_bonus(plan: &Plan, credits: Decimal) -> Result<Decimal> {
    let Some(promo) = &plan.promotion else {
        return Ok(Decimal::ZERO);
    };
    let Some(pct) = promo.bonus_percent else {
        return Ok(Decimal::ZERO);
    };
    let mut bonus = money::div(money::mul(credits, pct)?, Decimal::from(100))?;
    if let Some(cap) = promo.bonus_cap {
        bonus = bonus.min(cap);
    }
    Ok(bonus.normalize())
}

/// What a plan's first-period promotion gives on a billing cycle.
#[derive(Clone, Debug, PartialEq)]
pub struct FirstPeriod {
    /// The first period's price (monthly billing of a monthly plan only).
    pub price: Option<Decimal>,
    /// Bonus credits (credits × percent, capped); zero without.
    pub bonus: Decimal,
}

/// The first-period promotion of `plan` on `billing`, as [`grants`] applies it; `None` when
/// it gives nothing there (no promotion, or only a first price on annual billing).
pub fn first_period_offer(plan: &Plan, billing: BillingPeriod) -> Result<Option<FirstPeriod>> {
    let Some(promo) = &plan.promotion else {
        return Ok(None);
    };
    let price = promo
        .first_period_price
        .filter(|_| plan.grant == Every::Monthly && billing == BillingPeriod::Monthly);
    let bonus = match plan.credits {
        Some(c) => first_bonus(plan, c)?,
        None => Decimal::ZERO,
    };
    Ok((price.is_some() || !bonus.is_zero()).then_some(FirstPeriod { price, bonus }))
}

/// The day of the month a plan renews: the one given, else the day the subscription began,
/// else the day the change took effect.
pub fn renewal_day(
    renews_on: Option<u32>,
    subscribed_on: Option<NaiveDate>,
    effective_on: NaiveDate,
) -> u32 {
    renews_on.unwrap_or_else(|| subscribed_on.unwrap_or(effective_on).day())
}

/// Whether a change's first tracked period is the subscription's first period, the one a
/// promotion prices: the subscription was said to begin on `subscribed_on`, and the change
/// takes effect on or after that day and before the first renewal after it. `false` without
/// `subscribed_on` (a start of tracking, or a plan change). See the module docs.
pub fn in_first_period(
    plan: &Plan,
    subscribed_on: Option<NaiveDate>,
    effective_on: NaiveDate,
    renews_on: Option<u32>,
) -> bool {
    let Some(began) = subscribed_on else {
        return false;
    };
    if began > effective_on {
        return false;
    }
    let day = renewal_day(renews_on, subscribed_on, effective_on);
    // `None`: a `once` plan has one period, so it is the first however late tracking began.
    next_start(plan, began, day).is_none_or(|renewal| effective_on < renewal)
}

/// The grants of a plan history up to and including `until`, and the next renewal.
/// `changes` may come in any order; two changes on one date are an error.
pub fn grants(
    changes: &[PlanChange<'_>],
    offset: &FixedOffset,
    until: DateTime<Utc>,
) -> Result<Subscription> {
    let mut order: Vec<&PlanChange> = changes.iter().collect();
    order.sort_by_key(|c| c.effective_on);
    if let Some(w) = order
        .windows(2)
        .find(|w| w[0].effective_on == w[1].effective_on)
    {
        bail!("two plan changes on {}", w[0].effective_on);
    }
    let mut out = Subscription::default();
    let mut next: Vec<Renewal> = Vec::new();
    for (k, change) in order.iter().enumerate() {
        let seg_start = change.effective_on;
        // The change after this one (`k + 1`, written without arithmetic).
        let seg_end = order
            .get(k..)
            .and_then(|rest| rest.get(1))
            .map(|c| c.effective_on);
        let start_at = midnight(seg_start, offset)?;
        if start_at > until {
            next.push(Renewal {
                at: start_at,
                credits: change.plan.and_then(|p| p.credits),
                plan: plan_name(change),
                change: true,
            });
            break;
        }
        let Some(plan) = change.plan else {
            out.notes.push(format!(
                "plan `{}` (from {seg_start}) is not in the pricing table: its credits are unknown; \
                 record what you received with `credits adjust`",
                change.plan_id
            ));
            continue;
        };
        let Some(credits) = plan.credits.filter(|c| !c.is_zero()) else {
            out.notes.push(format!(
                "the table does not give {}'s credits: its grants are unknown; record what you \
                 received with `credits adjust`",
                plan.name
            ));
            continue;
        };
        if plan.rollover.is_none() && plan.grant != Every::Once {
            out.notes.push(format!(
                "the table does not say whether {}'s credits roll over: taken to expire at each \
                 renewal",
                plan.name
            ));
        }
        let day = match change.renews_on {
            Some(d) if (1..=31).contains(&d) => d,
            Some(d) => bail!("renewal day {d} is not between 1 and 31"),
            None => renewal_day(None, change.subscribed_on, seg_start),
        };
        let promotion = in_first_period(plan, change.subscribed_on, seg_start, Some(day));
        let rolls_over = plan.rollover == Some(true);
        let mut start = Some(seg_start);
        // Whether this is the segment's first period (a counter needs no arithmetic here).
        let mut first_in_segment = true;
        while let Some(p) = start {
            if seg_end.is_some_and(|e| p >= e) {
                break;
            }
            let at = midnight(p, offset)?;
            if at > until {
                next.push(Renewal {
                    at,
                    credits: Some(credits),
                    plan: plan.name.clone(),
                    change: false,
                });
                break;
            }
            let following = next_start(plan, p, day);
            let end = match (following, seg_end) {
                (Some(f), Some(e)) => Some(f.min(e)),
                (f, e) => f.or(e),
            };
            let expires = match end {
                Some(e) if !rolls_over => Expires::At(midnight(e, offset)?),
                _ => Expires::Never,
            };
            let first = promotion && first_in_segment;
            let bonus = if first {
                first_bonus(plan, credits)?
            } else {
                Decimal::ZERO
            };
            let total = money::add(credits, bonus)?;
            let price_per_credit = period_price(plan, change.billing, first)?
                .map(|price| money::rdiv(&price, &ratio(total)))
                .transpose()?;
            let label = match plan.grant {
                Every::Monthly => format!("{}, period from {p}", plan.name),
                Every::Daily => format!("{}, {p}", plan.name),
                Every::Once => format!("{} (once, {p})", plan.name),
            };
            out.grants.push(Grant {
                id: format!("sub:{p}"),
                source: Source::Subscription,
                label,
                credits,
                at,
                expires,
                price_per_credit,
            });
            if !bonus.is_zero() {
                out.grants.push(Grant {
                    id: format!("bonus:{p}"),
                    source: Source::Bonus,
                    label: format!("{} first-period bonus", plan.name),
                    credits: bonus,
                    at,
                    expires,
                    price_per_credit,
                });
            }
            if out.grants.len() > MAX_GRANTS {
                bail!(
                    "more than {MAX_GRANTS} subscription periods up to {}: choose an earlier date",
                    until.date_naive()
                );
            }
            start = following;
            first_in_segment = false;
        }
    }
    out.next_renewal = next.into_iter().min_by_key(|r| r.at);
    Ok(out)
}

fn plan_name(change: &PlanChange) -> String {
    change
        .plan
        .map_or_else(|| change.plan_id.clone(), |p| p.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::Promotion;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    pub fn plan(name: &str, price: &str, credits: &str) -> Plan {
        Plan {
            id: name.to_lowercase(),
            name: name.into(),
            tier: 0,
            price: Some(d(price)),
            annual_price: None,
            credits: Some(d(credits)),
            grant: Every::Monthly,
            rollover: Some(false),
            promotion: None,
            notes: vec![],
            lifecycle: Default::default(),
            allow: vec![],
            provenance: Default::default(),
        }
    }

    fn change<'p>(plan: &'p Plan, on: &str) -> PlanChange<'p> {
        PlanChange {
            plan: Some(plan),
            plan_id: plan.id.clone(),
            billing: BillingPeriod::Monthly,
            effective_on: date(on),
            renews_on: None,
            subscribed_on: None,
        }
    }

    fn utc0() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    #[test]
    fn renewals_clamp_to_the_months_length() {
        let day = 31;
        let mut p = date("2027-01-31");
        let mut seen = vec![];
        for _ in 0..4 {
            p = next_monthly(p, day).unwrap();
            seen.push(p.to_string());
        }
        assert_eq!(
            seen,
            ["2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31"]
        );
        // A leap year's February.
        assert_eq!(
            next_monthly(date("2028-01-31"), 31).unwrap(),
            date("2028-02-29")
        );
        // A start before the renewal day renews later that month.
        assert_eq!(
            next_monthly(date("2026-11-10"), 15).unwrap(),
            date("2026-11-15")
        );
    }

    #[test]
    fn monthly_periods_expire_at_the_next_renewal() {
        let pro = plan("Pro", "30", "3000");
        let sub = grants(
            &[change(&pro, "2026-11-01")],
            &utc0(),
            utc("2027-01-15T00:00:00Z"),
        )
        .unwrap();
        let got: Vec<(String, Option<DateTime<Utc>>)> = sub
            .grants
            .iter()
            .map(|g| (g.id.clone(), g.expires.at()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("sub:2026-11-01".into(), Some(utc("2026-12-01T00:00:00Z"))),
                ("sub:2026-12-01".into(), Some(utc("2027-01-01T00:00:00Z"))),
                ("sub:2027-01-01".into(), Some(utc("2027-02-01T00:00:00Z"))),
            ]
        );
        assert_eq!(
            sub.grants[0].price_per_credit,
            Some(Ratio::new(1, 100)),
            "$30 ÷ 3,000"
        );
        let next = sub.next_renewal.unwrap();
        assert_eq!(next.at, utc("2027-02-01T00:00:00Z"));
        assert_eq!(next.credits, Some(d("3000")));
        assert!(!next.change);
    }

    #[test]
    fn periods_start_at_midnight_in_the_users_offset() {
        let pro = plan("Pro", "30", "3000");
        let plus2 = FixedOffset::east_opt(2 * 3600).unwrap();
        let sub = grants(
            &[change(&pro, "2026-11-01")],
            &plus2,
            utc("2026-11-05T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(sub.grants[0].at, utc("2026-10-31T22:00:00Z"));
    }

    #[test]
    fn a_50_percent_first_month_bonus_is_capped_at_5000() {
        let mut studio = plan("Studio", "100", "30000");
        studio.promotion = Some(Promotion {
            first_period_price: None,
            bonus_percent: Some(d("50")),
            bonus_cap: Some(d("5000")),
            ..Default::default()
        });
        let sub = grants(
            &[subscribed(&studio, "2026-11-01", "2026-11-01")],
            &utc0(),
            utc("2026-12-01T00:00:00Z"),
        )
        .unwrap();
        let got: Vec<(&str, Source, Decimal)> = sub
            .grants
            .iter()
            .map(|g| (g.id.as_str(), g.source, g.credits))
            .collect();
        assert_eq!(
            got,
            vec![
                ("sub:2026-11-01", Source::Subscription, d("30000")),
                ("bonus:2026-11-01", Source::Bonus, d("5000")),
                ("sub:2026-12-01", Source::Subscription, d("30000")),
            ]
        );
        // The first month's $100 buys 35,000 credits; later months 30,000.
        assert_eq!(sub.grants[0].price_per_credit, Some(Ratio::new(1, 350)));
        assert_eq!(sub.grants[1].price_per_credit, Some(Ratio::new(1, 350)));
        assert_eq!(sub.grants[2].price_per_credit, Some(Ratio::new(1, 300)));
        assert_eq!(sub.grants[1].expires, sub.grants[0].expires);

        // Under the cap: 50% of 2,000 is 1,000.
        let mut small = studio.clone();
        small.credits = Some(d("2000"));
        assert_eq!(first_bonus(&small, d("2000")).unwrap(), d("1000"));
    }

    /// A change on `on` of a subscription said to have begun on `began`.
    fn subscribed<'p>(plan: &'p Plan, began: &str, on: &str) -> PlanChange<'p> {
        PlanChange {
            subscribed_on: Some(date(began)),
            ..change(plan, on)
        }
    }

    fn kling_standard() -> Plan {
        let mut standard = plan("Standard", "8.80", "660");
        standard.promotion = Some(Promotion {
            first_period_price: Some(d("6.99")),
            ..Promotion::default()
        });
        standard
    }

    /// The price per credit of each grant of one change's history up to `until`.
    fn prices(c: PlanChange<'_>, until: &str) -> Vec<(String, Option<Ratio>)> {
        grants(&[c], &utc0(), utc(until))
            .unwrap()
            .grants
            .into_iter()
            .map(|g| (g.id, g.price_per_credit))
            .collect()
    }

    #[test]
    fn a_start_of_tracking_alone_never_gets_the_first_period_promotion() {
        let standard = kling_standard();
        let list = Some(money::rdiv(&ratio(d("8.80")), &ratio(d("660"))).unwrap());
        let promo = Some(money::rdiv(&ratio(d("6.99")), &ratio(d("660"))).unwrap());
        // Issue 22, item 4: `--since 2026-11-06` is when tracking began.
        assert_eq!(
            prices(change(&standard, "2026-11-06"), "2026-12-06T00:00:00Z"),
            vec![
                ("sub:2026-11-06".to_string(), list),
                ("sub:2026-12-06".to_string(), list)
            ]
        );
        // Said to have begun that day: its first period is the promotion's.
        assert_eq!(
            prices(
                subscribed(&standard, "2026-11-06", "2026-11-06"),
                "2026-12-06T00:00:00Z"
            ),
            vec![
                ("sub:2026-11-06".to_string(), promo),
                ("sub:2026-12-06".to_string(), list)
            ]
        );
        // Begun on 20 October, tracked from 6 November: still in the first period, which
        // ends at the renewal on the day it began (the 20th), not a month after tracking.
        assert_eq!(
            prices(
                subscribed(&standard, "2026-10-20", "2026-11-06"),
                "2026-11-20T00:00:00Z"
            ),
            vec![
                ("sub:2026-11-06".to_string(), promo),
                ("sub:2026-11-20".to_string(), list)
            ]
        );
        // Begun on 1 October: the first period ended on 1 November, before tracking began.
        assert_eq!(
            prices(
                subscribed(&standard, "2026-10-01", "2026-11-06"),
                "2026-11-06T00:00:00Z"
            ),
            vec![("sub:2026-11-06".to_string(), list)]
        );
    }

    #[test]
    fn in_first_period_reads_the_period_from_the_day_the_subscription_began() {
        let standard = kling_standard();
        let first = |began: Option<&str>, on: &str, renews: Option<u32>| {
            in_first_period(&standard, began.map(date), date(on), renews)
        };
        assert!(!first(None, "2026-11-06", None));
        assert!(first(Some("2026-11-06"), "2026-11-06", None));
        assert!(first(Some("2026-10-20"), "2026-11-19", None));
        assert!(!first(Some("2026-10-20"), "2026-11-20", None));
        // Renewing on the 1st: the first period ran 20 October to 1 November.
        assert!(!first(Some("2026-10-20"), "2026-11-06", Some(1)));
        // A start of tracking before the subscription began is no first period of it.
        assert!(!first(Some("2026-11-07"), "2026-11-06", None));
        let mut free = plan("Free", "0", "66");
        free.grant = Every::Daily;
        assert!(first(Some("2026-11-06"), "2026-11-06", None));
        assert!(!in_first_period(
            &free,
            Some(date("2026-11-06")),
            date("2026-11-07"),
            None
        ));
        let mut once = plan("Trial", "5", "100");
        once.grant = Every::Once;
        assert!(in_first_period(
            &once,
            Some(date("2026-01-01")),
            date("2026-11-07"),
            None
        ));
        assert_eq!(
            renewal_day(None, Some(date("2026-10-20")), date("2026-11-06")),
            20
        );
        assert_eq!(
            renewal_day(Some(3), Some(date("2026-10-20")), date("2026-11-06")),
            3
        );
        assert_eq!(renewal_day(None, None, date("2026-11-06")), 6);
    }

    #[test]
    fn first_period_price_and_annual_billing() {
        let mut standard = plan("Standard", "8.80", "660");
        standard.annual_price = Some(d("79.20"));
        standard.promotion = Some(Promotion {
            first_period_price: Some(d("6.99")),
            ..Promotion::default()
        });
        assert_eq!(
            period_price(&standard, BillingPeriod::Monthly, true).unwrap(),
            Some(ratio(d("6.99")))
        );
        assert_eq!(
            period_price(&standard, BillingPeriod::Monthly, false).unwrap(),
            Some(ratio(d("8.80")))
        );
        // $79.20 a year is $6.60 a month, promotion or not.
        assert_eq!(
            period_price(&standard, BillingPeriod::Annual, true).unwrap(),
            Some(ratio(d("6.60")))
        );
        let mut free = plan("Free", "0", "66");
        free.grant = Every::Daily;
        assert_eq!(
            period_price(&free, BillingPeriod::Annual, false).unwrap(),
            Some(Ratio::from_integer(0))
        );
        let mut unknown = plan("Pro", "0", "100");
        unknown.price = None;
        assert_eq!(
            period_price(&unknown, BillingPeriod::Monthly, false).unwrap(),
            None
        );
    }

    #[test]
    fn a_daily_plan_grants_every_midnight_and_expires_the_next() {
        let mut free = plan("Free", "0", "66");
        free.grant = Every::Daily;
        let sub = grants(
            &[change(&free, "2026-11-20")],
            &utc0(),
            utc("2026-11-22T09:00:00Z"),
        )
        .unwrap();
        let got: Vec<(String, Option<DateTime<Utc>>)> = sub
            .grants
            .iter()
            .map(|g| (g.id.clone(), g.expires.at()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("sub:2026-11-20".into(), Some(utc("2026-11-21T00:00:00Z"))),
                ("sub:2026-11-21".into(), Some(utc("2026-11-22T00:00:00Z"))),
                ("sub:2026-11-22".into(), Some(utc("2026-11-23T00:00:00Z"))),
            ]
        );
        assert_eq!(sub.grants[0].price_per_credit, Some(Ratio::from_integer(0)));
        assert_eq!(sub.next_renewal.unwrap().at, utc("2026-11-23T00:00:00Z"));
    }

    #[test]
    fn a_plan_change_ends_the_old_plans_period() {
        let standard = plan("Standard", "10", "660");
        let pro = plan("Pro", "30", "3000");
        let mut rolling = plan("Roll", "10", "500");
        rolling.rollover = Some(true);
        let sub = grants(
            &[change(&pro, "2026-11-15"), change(&standard, "2026-11-01")],
            &utc0(),
            utc("2026-12-20T00:00:00Z"),
        )
        .unwrap();
        let got: Vec<(String, Decimal, Option<DateTime<Utc>>)> = sub
            .grants
            .iter()
            .map(|g| (g.id.clone(), g.credits, g.expires.at()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "sub:2026-11-01".into(),
                    d("660"),
                    Some(utc("2026-11-15T00:00:00Z"))
                ),
                (
                    "sub:2026-11-15".into(),
                    d("3000"),
                    Some(utc("2026-12-15T00:00:00Z"))
                ),
                (
                    "sub:2026-12-15".into(),
                    d("3000"),
                    Some(utc("2027-01-15T00:00:00Z"))
                ),
            ]
        );
        // A plan that rolls over keeps its credits past the change.
        let sub = grants(
            &[change(&rolling, "2026-11-01"), change(&pro, "2026-11-15")],
            &utc0(),
            utc("2026-11-20T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(sub.grants[0].expires, Expires::Never);
    }

    #[test]
    fn a_future_change_is_the_next_renewal() {
        let standard = plan("Standard", "10", "660");
        let pro = plan("Pro", "30", "3000");
        let sub = grants(
            &[change(&standard, "2026-11-01"), change(&pro, "2026-11-20")],
            &utc0(),
            utc("2026-11-10T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(sub.grants.len(), 1);
        let next = sub.next_renewal.unwrap();
        assert_eq!(
            (next.at, next.plan.as_str(), next.change),
            (utc("2026-11-20T00:00:00Z"), "Pro", true)
        );
    }

    #[test]
    fn unknown_credits_and_rollover_are_said() {
        let mut pro = plan("Pro", "30", "3000");
        pro.rollover = None;
        let mut mystery = plan("Max", "30", "1");
        mystery.credits = None;
        let sub = grants(
            &[change(&pro, "2026-11-01")],
            &utc0(),
            utc("2026-11-02T00:00:00Z"),
        )
        .unwrap();
        assert!(sub.notes[0].contains("roll over"), "{:?}", sub.notes);
        let sub = grants(
            &[change(&mystery, "2026-11-01")],
            &utc0(),
            utc("2026-11-02T00:00:00Z"),
        )
        .unwrap();
        assert!(sub.grants.is_empty());
        assert!(sub.notes[0].contains("credits"), "{:?}", sub.notes);
    }

    #[test]
    fn an_absurd_bonus_is_an_error_not_a_panic() {
        const MAX: &str = "79228162514264337593543950335";
        let mut p = plan("Pro", "30", MAX);
        p.promotion = Some(Promotion {
            first_period_price: None,
            bonus_percent: Some(d(MAX)),
            bonus_cap: None,
            ..Default::default()
        });
        assert!(first_bonus(&p, d(MAX)).is_err());
        assert!(grants(
            &[subscribed(&p, "2026-11-01", "2026-11-01")],
            &utc0(),
            utc("2026-11-02T00:00:00Z")
        )
        .is_err());
        // Credits at the maximum plus a small bonus overflow the period's total.
        p.promotion = Some(Promotion {
            first_period_price: None,
            bonus_percent: Some(d("1")),
            bonus_cap: None,
            ..Default::default()
        });
        assert!(grants(
            &[subscribed(&p, "2026-11-01", "2026-11-01")],
            &utc0(),
            utc("2026-11-02T00:00:00Z")
        )
        .is_err());
        // A period at the very end of the calendar: whatever the answer, no panic.
        let q = plan("Pro", "30", "3000");
        let last = PlanChange {
            effective_on: NaiveDate::MAX,
            ..change(&q, "2026-11-01")
        };
        let _ = grants(&[last], &utc0(), DateTime::<Utc>::MAX_UTC);
        assert_eq!(next_monthly(NaiveDate::MAX, 31), None);
    }

    #[test]
    fn too_many_periods_is_an_error_not_a_hang() {
        let mut free = plan("Free", "0", "66");
        free.grant = Every::Daily;
        let err = grants(
            &[change(&free, "2026-11-01")],
            &utc0(),
            utc("9999-01-01T00:00:00Z"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("earlier date"), "{err}");
    }
}
