//! Budgets and what each has used, for `budget`, `report` and `balance`.
//!
//! What a budget counts (docs/guide.md, "Balances and budgets"):
//! - money: the known money of the project's `ok` and `failed` entries in the budget's
//!   currency (a refunded generation cost nothing); entries with unknown money are counted
//!   and said, never added as 0;
//! - credits: credits charged minus credits refunded on the budget's platform. Credits of
//!   different platforms are different units and are never added: a credits budget names its
//!   platform (one from schema 2 without one counts only while the project is on one platform);
//! - `month`: the calendar month of now (in the user's offset); `total`: everything logged.
//!
//! A budget is exceeded when used > amount.

use super::Session;
use anyhow::Result;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use credits_core::error::fail;
use credits_core::ledger::subscription::{midnight, next_monthly};
use credits_core::money;
use credits_core::records::{Budget, BudgetPeriod, BudgetUnit, Filter, NewEntry, Status};
use credits_store::{GroupKey, ReportRow};
use credits_store::{Store, Tx};
use rust_decimal::Decimal;

/// Where budgets and their use are read: the store, or the transaction `log` writes in (so
/// the check and the entry it allows are one).
pub trait BudgetSource {
    fn budgets(&self) -> Result<Vec<Budget>>;
    fn report(&self, filter: &Filter, by: &[GroupKey]) -> Result<Vec<ReportRow>>;
}

impl BudgetSource for Store {
    fn budgets(&self) -> Result<Vec<Budget>> {
        Store::budgets(self)
    }
    fn report(&self, filter: &Filter, by: &[GroupKey]) -> Result<Vec<ReportRow>> {
        Store::report(self, filter, by)
    }
}

impl BudgetSource for Tx<'_> {
    fn budgets(&self) -> Result<Vec<Budget>> {
        Tx::budgets(self)
    }
    fn report(&self, filter: &Filter, by: &[GroupKey]) -> Result<Vec<ReportRow>> {
        Tx::report(self, filter, by)
    }
}

/// A budget with what has been used of it.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetUse {
    pub budget: Budget,
    /// `2026-11` for a monthly budget, `total` otherwise.
    pub period: String,
    /// `None` when it cannot be counted: a credits budget without a platform over a project
    /// on several platforms.
    pub used: Option<Decimal>,
    /// amount − used; negative when exceeded.
    pub left: Option<Decimal>,
    pub exceeded: bool,
    /// Entries of the project whose money is unknown (money budgets).
    pub unpriced: u64,
    /// Entries whose money is in another currency (money budgets).
    pub other_currency: bool,
    /// Platforms the project's credits are on, when a credits budget names none.
    pub platforms: u64,
    /// The times a monthly budget counts (this calendar month); `None`: everything.
    pub window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// used ÷ amount × 100, rounded to 2 places; `None` when `used` is.
    pub percent: Option<Decimal>,
    /// What a monthly budget will have used at the month's end at its pace so far
    /// (used × the month's length ÷ the time gone), rounded to 2 places; `None` for a total
    /// budget, an unknown use, or the month's first instant.
    pub projected: Option<Decimal>,
}

impl BudgetUse {
    /// The highest of `thresholds` (percent) the budget's use has reached, if any: one
    /// warning, at the highest threshold crossed.
    pub fn warning(&self, thresholds: &[u32]) -> Option<u32> {
        let percent = self.percent?;
        thresholds
            .iter()
            .copied()
            .filter(|t| percent >= Decimal::from(*t))
            .max()
    }
}

/// used ÷ amount in percent, and the use projected to the window's end at `now`.
fn pace(
    used: Option<Decimal>,
    amount: Decimal,
    window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    now: DateTime<Utc>,
) -> Result<(Option<Decimal>, Option<Decimal>)> {
    let Some(used) = used else {
        return Ok((None, None));
    };
    let two_places = |d: Decimal| {
        d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    };
    let percent = two_places(money::div(money::mul(used, Decimal::ONE_HUNDRED)?, amount)?);
    let projected = match window {
        Some((from, to)) if now > from => {
            let gone = Decimal::from((now.min(to) - from).num_seconds());
            let length = Decimal::from((to - from).num_seconds());
            if gone.is_zero() {
                None
            } else {
                Some(two_places(money::div(money::mul(used, length)?, gone)?))
            }
        }
        _ => None,
    };
    Ok((Some(percent), projected))
}

/// Every budget's use as of now.
pub fn uses(session: &Session, store: &impl BudgetSource) -> Result<Vec<BudgetUse>> {
    uses_of(session, store, None)
}

/// The use of the budgets that concern a report's `filter` ([`concerns`]), as of now.
pub fn uses_concerning(
    session: &Session,
    store: &impl BudgetSource,
    filter: &Filter,
) -> Result<Vec<BudgetUse>> {
    uses_where(session, store, |b| concerns(b, filter))
}

/// Whether a budget concerns a report of `filter`, so the report shows it below its table or
/// chart (a budget the filter leaves out entirely is noise: the trial of issue 24 found
/// `report --chart --platform kling` listing a runway credits budget).
///
/// Only the filters a budget itself has narrow it: `--project` (its project), `--platform`
/// (a credits budget's platform; a money budget, or a credits budget with no platform,
/// counts every platform of its project, so it concerns any platform) and `--user` (a
/// person's budget concerns that person only; a team budget counts everyone, so it concerns
/// any). The others (`--model`, `--tag`, `--status`, the period) leave every budget: a
/// budget counts its whole project and period whatever part of it the report shows.
pub fn concerns(budget: &Budget, filter: &Filter) -> bool {
    let matches = |wanted: &Option<String>, own: &Option<String>| match (wanted, own) {
        (Some(w), Some(o)) => w == o,
        _ => true,
    };
    filter.project.as_ref().is_none_or(|p| &budget.project == p)
        && matches(&filter.platform, &budget.platform)
        && matches(&filter.user, &budget.user)
}

/// The use of every budget, or of one project's budgets, as of now.
pub(crate) fn uses_of(
    session: &Session,
    store: &impl BudgetSource,
    project: Option<&str>,
) -> Result<Vec<BudgetUse>> {
    uses_where(session, store, |b| project.is_none_or(|p| b.project == p))
}

/// The use of the budgets `keep` keeps, as of now.
fn uses_where(
    session: &Session,
    store: &impl BudgetSource,
    keep: impl Fn(&Budget) -> bool,
) -> Result<Vec<BudgetUse>> {
    let budgets: Vec<Budget> = store.budgets()?.into_iter().filter(|b| keep(b)).collect();
    let today = session.now.date_naive();
    let offset = session.offset();
    let month_start = NaiveDate::from_ymd_opt(today.year(), today.month(), 1)
        .ok_or_else(|| fail("today has no month"))?;
    let next_month = next_monthly(month_start, 1).ok_or_else(|| fail("today has no next month"))?;
    let mut out = Vec::new();
    for budget in budgets {
        let mut filter = Filter {
            project: Some(budget.project.clone()),
            platform: budget.platform.clone(),
            // A person's budget counts their entries (read from the entries: the sums keep
            // no user).
            user: budget.user.clone(),
            ..Filter::default()
        };
        let mut window = None;
        let period = match budget.period {
            BudgetPeriod::Month => {
                let (from, to) = (
                    midnight(month_start, &offset)?,
                    midnight(next_month, &offset)?,
                );
                filter.since = Some(from);
                filter.until = Some(to);
                window = Some((from, to));
                month_start.format("%Y-%m").to_string()
            }
            BudgetPeriod::Total => "total".to_string(),
        };
        let rows = store.report(&filter, &[])?;
        let mut used = Some(Decimal::ZERO);
        let mut unpriced = 0;
        let mut other_currency = false;
        let mut platforms = 0;
        for row in &rows {
            match budget.unit {
                BudgetUnit::Money => {
                    unpriced += row.unpriced;
                    match &row.currency {
                        Some(c) if Some(c) == budget.currency.as_ref() => {
                            used = used.map(|u| money::add(u, row.cost)).transpose()?;
                        }
                        Some(_) => other_currency = true,
                        None => {}
                    }
                }
                BudgetUnit::Credits => {
                    platforms = platforms.max(row.platforms);
                    let net = row
                        .credits
                        .checked_sub(row.credits_refunded)
                        .ok_or_else(|| fail("credits out of range"))?;
                    used = used.map(|u| money::add(u, net)).transpose()?;
                }
            }
        }
        if budget.unit == BudgetUnit::Credits && budget.platform.is_none() && platforms > 1 {
            used = None;
        }
        let left = used
            .map(|u| {
                budget
                    .amount
                    .checked_sub(u)
                    .ok_or_else(|| fail("budget out of range"))
            })
            .transpose()?;
        let (percent, projected) = pace(used, budget.amount, window, session.now_utc())?;
        out.push(BudgetUse {
            percent,
            projected,
            exceeded: used.is_some_and(|u| u > budget.amount),
            budget,
            period,
            used,
            left,
            unpriced,
            other_currency,
            platforms,
            window,
        });
    }
    Ok(out)
}

/// A budget's limit, use or remainder in its unit (`$12.50`, `1,200 runway credits`).
pub fn amount_text(b: &Budget, value: Decimal) -> String {
    match (&b.unit, &b.currency, &b.platform) {
        (BudgetUnit::Money, Some(c), _) => money::fmt_money(value, c),
        (_, _, Some(p)) => format!("{} {p} credits", money::fmt_credits(value)),
        _ => format!("{} credits", money::fmt_credits(value)),
    }
}

impl Crossing {
    /// What to tell the user (a warning on stderr).
    pub fn note(&self, logged: bool) -> super::notes::Note {
        let u = &self.after;
        let b = &u.budget;
        if self.level == Level::Unchecked {
            return super::notes::Note::BudgetUnchecked {
                project: b.project.clone(),
                month: (u.budget.period == BudgetPeriod::Month).then(|| u.period.clone()),
                amount: amount_text(b, b.amount),
                logged,
            };
        }
        let used = u.used.unwrap_or_default();
        let left = u.left.unwrap_or_default();
        let percent = money::div(
            money::mul(used, Decimal::ONE_HUNDRED).unwrap_or_default(),
            b.amount,
        )
        .unwrap_or_default();
        super::notes::Note::BudgetCrossed {
            project: b.project.clone(),
            month: (u.budget.period == BudgetPeriod::Month).then(|| u.period.clone()),
            exceeded: self.level == Level::Exceeded,
            used: amount_text(b, used),
            amount: amount_text(b, b.amount),
            left: amount_text(b, left.abs()),
            percent,
            logged,
        }
    }
}

/// The budgets of `project` an estimate would take past a `budget_warn` share or over, were it logged now
/// (ranges count at their most). Reads the log only; none when there is no log yet.
pub fn would_cross(
    session: &Session,
    project: &str,
    estimate: &super::pricing::Estimate,
) -> Result<Vec<Crossing>> {
    let Some(store) = session.existing_store()? else {
        return Ok(Vec::new());
    };
    let q = &estimate.quote;
    let entry = NewEntry {
        at: session.now,
        platform: q.platform.clone(),
        model: q.model.clone(),
        credits: q.credits.map_or(Decimal::ZERO, |c| c.max),
        cost: q.cost_total.as_ref().map(|c| credits_core::records::Money {
            amount: money::to_decimal(&c.max),
            currency: q.currency.clone(),
        }),
        project: Some(project.to_string()),
        ..NewEntry::default()
    };
    crossings(&uses_of(session, &store, Some(project))?, &entry)
}

/// The error of `log --strict-budget` for an entry that would take a budget over: exit 3.
pub fn refusal(over: &Crossing) -> anyhow::Error {
    let b = &over.after.budget;
    let (used, amount) = (over.after.used.unwrap_or_default(), b.amount);
    credits_core::error::UserError {
        message: format!(
            "not logged: this entry would take {}'s {} budget{} to {} of {}",
            b.project,
            over.after.period,
            b.user
                .as_ref()
                .map_or_else(String::new, |u| format!(" for {u}")),
            amount_text(b, used),
            amount_text(b, amount),
        ),
        help: Some(
            "raise the budget with `credits budget set`, or log without --strict-budget".into(),
        ),
        kind: credits_core::error::ErrorKind::BudgetExceeded {
            project: b.project.clone(),
        },
    }
    .into()
}

/// How far an entry takes a budget: past the warning share, or over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Past one of the `budget_warn` shares (50, 75 and 90% unless configured), not over.
    Warning,
    /// Over it after the entry.
    Exceeded,
    /// The entry's money is unknown: a money budget cannot count it (said, not refused).
    Unchecked,
}

/// A budget an entry takes past a threshold, with its use after the entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Crossing {
    pub level: Level,
    pub after: BudgetUse,
}

/// What an entry (logged or estimated) adds to a budget: its money in the budget's currency,
/// or its credits on the budget's platform, when it falls in the budget's window; `None`
/// when it adds something unknown (money not known).
fn adds(budget: &BudgetUse, entry: &NewEntry) -> Option<Decimal> {
    let b = &budget.budget;
    let at = entry.at.with_timezone(&Utc);
    let in_window = budget.window.is_none_or(|(from, to)| from <= at && at < to);
    if !in_window
        || entry.status == Status::Refunded
        || entry.project.as_deref() != Some(&b.project)
        || b.user
            .as_ref()
            .is_some_and(|u| entry.who.logged_by.as_ref() != Some(u))
    {
        return Some(Decimal::ZERO);
    }
    match b.unit {
        BudgetUnit::Money => match &entry.cost {
            Some(m) if Some(&m.currency) == b.currency.as_ref() => Some(m.amount),
            Some(_) => Some(Decimal::ZERO),
            None => None,
        },
        BudgetUnit::Credits => {
            if b.platform.as_ref().is_none_or(|p| *p == entry.platform) {
                Some(entry.credits)
            } else {
                Some(Decimal::ZERO)
            }
        }
    }
}

/// The budgets of `entry`'s project that it takes past a `budget_warn` share, or leaves over 100%, given
/// their use before it (`uses_of` the project).
pub(crate) fn crossings(before: &[BudgetUse], entry: &NewEntry) -> Result<Vec<Crossing>> {
    let warn = crate::config::budget_warn()?;
    let mut out = Vec::new();
    for budget in before {
        let Some(used) = budget.used else {
            continue;
        };
        let Some(added) = adds(budget, entry) else {
            out.push(Crossing {
                level: Level::Unchecked,
                after: budget.clone(),
            });
            continue;
        };
        if added.is_zero() {
            continue;
        }
        let after_used = money::add(used, added)?;
        let amount = budget.budget.amount;
        // The entry warns when it takes the budget past one of the shares `budget` and
        // `status` warn at (the config file's `budget_warn`), so the three agree.
        let mut crossed = false;
        for &percent in &warn {
            let warn_at = money::div(
                money::mul(amount, Decimal::from(percent))?,
                Decimal::ONE_HUNDRED,
            )?;
            crossed |= used < warn_at && after_used >= warn_at;
        }
        // Reaching the budget exactly (nothing left, not over) is said too.
        crossed |= used < amount && after_used == amount;
        // Every entry that leaves a budget over it is said (and refused when strict), not
        // only the one that crossed: "budgets warn where money is spent".
        let level = if after_used > amount {
            Level::Exceeded
        } else if crossed {
            Level::Warning
        } else {
            continue;
        };
        let left = amount
            .checked_sub(after_used)
            .ok_or_else(|| fail("budget out of range"))?;
        out.push(Crossing {
            level,
            after: BudgetUse {
                used: Some(after_used),
                left: Some(left),
                exceeded: after_used > amount,
                ..budget.clone()
            },
        });
    }
    Ok(out)
}

/// A budget to set; see `Store::set_budget`.
/// Sets a budget; returns the one it replaced (the same project, unit, platform and person),
/// so the caller can say so: a monthly budget set over a total one takes its place.
pub fn set(session: &Session, budget: &Budget) -> Result<Option<Budget>> {
    if budget.project.trim().is_empty() {
        return Err(fail("the project name is empty"));
    }
    if budget.amount.is_zero() {
        return Err(fail("a budget must be above 0"));
    }
    if budget.user.as_deref().is_some_and(|u| u.trim().is_empty()) {
        return Err(fail(
            "--for names no one: give the name entries are logged by",
        ));
    }
    let mut store = session.store()?;
    let replaced = store.budgets()?.into_iter().find(|b| {
        b.project == budget.project
            && b.unit == budget.unit
            && b.platform == budget.platform
            && b.user == budget.user
    });
    store.set_budget(budget)?;
    Ok(replaced.filter(|b| b != budget))
}

/// Removes budgets; returns how many. A missing database has none (and is not made).
pub fn remove(
    session: &Session,
    project: &str,
    unit: Option<BudgetUnit>,
    platform: Option<&str>,
    user: Option<&str>,
) -> Result<usize> {
    match session.existing_store()? {
        Some(mut store) => store.remove_budget(project, unit, platform, user),
        None => Ok(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(project: &str, platform: Option<&str>, user: Option<&str>) -> Budget {
        Budget {
            project: project.into(),
            unit: if platform.is_some() {
                BudgetUnit::Credits
            } else {
                BudgetUnit::Money
            },
            amount: Decimal::ONE_HUNDRED,
            currency: platform.is_none().then(|| "USD".into()),
            platform: platform.map(Into::into),
            period: BudgetPeriod::Total,
            user: user.map(Into::into),
        }
    }

    #[test]
    fn a_budget_concerns_the_filters_it_shares() {
        let of = |project: Option<&str>, platform: Option<&str>, user: Option<&str>| Filter {
            project: project.map(Into::into),
            platform: platform.map(Into::into),
            user: user.map(Into::into),
            model: Some("gen-4".into()),
            ..Filter::default()
        };
        let money = budget("launch", None, None);
        let runway = budget("launch", Some("runway"), None);
        let anna = budget("launch", None, Some("anna"));
        // No filter of its own: every budget (the model filter narrows none).
        assert!([&money, &runway, &anna]
            .iter()
            .all(|b| concerns(b, &of(None, None, None))));
        // A platform: a budget of that platform or of none.
        assert!(concerns(&money, &of(None, Some("kling"), None)));
        assert!(!concerns(&runway, &of(None, Some("kling"), None)));
        assert!(concerns(&runway, &of(None, Some("runway"), None)));
        // A project: its own budgets only.
        assert!(!concerns(&money, &of(Some("teaser"), None, None)));
        assert!(concerns(&runway, &of(Some("launch"), Some("runway"), None)));
        // A person: theirs and the team's, not another person's.
        assert!(concerns(&anna, &of(None, None, Some("anna"))));
        assert!(!concerns(&anna, &of(None, None, Some("ben"))));
        assert!(concerns(&money, &of(None, None, Some("ben"))));
    }
}
