//! Budgets and what each has used, for `budget`, `report` and `balance`.
//!
//! What a budget counts (README, "Balances and budgets"):
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
use crate::error::fail;
use crate::ledger::subscription::{midnight, next_monthly};
use crate::money;
use crate::records::{Budget, BudgetPeriod, BudgetUnit, Filter};
use crate::store::Store;
use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

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
}

/// Every budget's use as of now.
pub fn uses(session: &Session, store: &Store) -> Result<Vec<BudgetUse>> {
    let budgets = store.budgets()?;
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
            ..Filter::default()
        };
        let period = match budget.period {
            BudgetPeriod::Month => {
                filter.since = Some(midnight(month_start, &offset)?);
                filter.until = Some(midnight(next_month, &offset)?);
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
        out.push(BudgetUse {
            exceeded: used.is_some_and(|u| u > budget.amount),
            budget,
            period,
            used,
            left,
            unpriced,
            other_currency,
            platforms,
        });
    }
    Ok(out)
}

/// A budget to set; see `Store::set_budget`.
pub fn set(session: &Session, budget: &Budget) -> Result<()> {
    if budget.project.trim().is_empty() {
        return Err(fail("the project name is empty"));
    }
    if budget.amount.is_zero() {
        return Err(fail("a budget must be above 0"));
    }
    session.store()?.set_budget(budget)
}

/// Removes budgets; returns how many. A missing database has none (and is not made).
pub fn remove(
    session: &Session,
    project: &str,
    unit: Option<BudgetUnit>,
    platform: Option<&str>,
) -> Result<usize> {
    match session.existing_store()? {
        Some(mut store) => store.remove_budget(project, unit, platform),
        None => Ok(0),
    }
}
