//! `credits budget set | list | check | rm`: spending limits per project, and the
//! used/left figures `report` and `balance` show.
//!
//! What a budget counts (README, "Balances and budgets"):
//! - money: the known money of the project's `ok` and `failed` entries in the budget's
//!   currency (a refunded generation cost nothing); entries with unknown money are counted
//!   and said, never added as 0;
//! - credits: credits charged minus credits refunded, over every platform of the project;
//! - `month`: the calendar month of now (in your UTC offset); `total`: everything logged.
//!
//! A budget is exceeded when used > amount; `budget check` then exits
//! [`crate::error::EXIT_BUDGET_EXCEEDED`] (3).

use super::log::open_store;
use super::Context;
use crate::cli::{BudgetCommand, PeriodArg};
use crate::error::{fail, EXIT_BUDGET_EXCEEDED, EXIT_OK};
use crate::ledger::subscription::midnight;
use crate::money;
use crate::render;
use crate::store::{Budget, BudgetPeriod, BudgetUnit, Filter, Store};
use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::io::Write;

/// A budget with what has been used of it.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetUse {
    pub budget: Budget,
    /// `2026-11` for a monthly budget, `total` otherwise.
    pub period: String,
    pub used: Decimal,
    /// amount − used; negative when exceeded.
    pub left: Decimal,
    pub exceeded: bool,
    /// Entries of the project whose money is unknown (money budgets).
    pub unpriced: u64,
    /// Entries whose money is in another currency (money budgets).
    pub other_currency: bool,
    /// How many platforms the counted credits come from (credits budgets).
    pub platforms: u64,
}

/// Every budget's use as of `ctx.now`.
pub fn uses(ctx: &Context, store: &Store) -> Result<Vec<BudgetUse>> {
    let budgets = store.budgets()?;
    let today = ctx.now.date_naive();
    let offset = *ctx.now.offset();
    let month_start = NaiveDate::from_ymd_opt(today.year(), today.month(), 1)
        .ok_or_else(|| fail("today has no month"))?;
    let next_month = crate::ledger::subscription::next_monthly(month_start, 1)
        .ok_or_else(|| fail("today has no next month"))?;
    let mut out = Vec::new();
    for budget in budgets {
        let mut filter = Filter {
            project: Some(budget.project.clone()),
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
        let mut used = Decimal::ZERO;
        let mut unpriced = 0;
        let mut other_currency = false;
        let mut platforms = 0;
        for row in &rows {
            match budget.unit {
                BudgetUnit::Money => {
                    unpriced += row.unpriced;
                    match &row.currency {
                        Some(c) if Some(c) == budget.currency.as_ref() => {
                            used = money::add(used, row.cost)?;
                        }
                        Some(_) => other_currency = true,
                        None => {}
                    }
                }
                BudgetUnit::Credits => {
                    let net = row
                        .credits
                        .checked_sub(row.credits_refunded)
                        .unwrap_or_default();
                    used = money::add(used, net)?;
                    platforms = platforms.max(row.platforms);
                }
            }
        }
        let left = budget
            .amount
            .checked_sub(used)
            .ok_or_else(|| fail("budget out of range"))?;
        out.push(BudgetUse {
            exceeded: used > budget.amount,
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

fn amount_text(b: &Budget, value: Decimal) -> String {
    match (&b.unit, &b.currency) {
        (BudgetUnit::Money, Some(c)) => money::fmt_money(value, c),
        _ => format!("{} credits", money::fmt_credits(value)),
    }
}

/// Notes that qualify a budget's figures.
fn caveats(u: &BudgetUse) -> Vec<String> {
    let mut notes = Vec::new();
    if u.unpriced > 0 {
        notes.push(format!(
            "{} of {}'s entries have unknown money and are not counted",
            u.unpriced, u.budget.project
        ));
    }
    if u.other_currency {
        notes.push(format!(
            "{}'s entries in other currencies are not counted",
            u.budget.project
        ));
    }
    if u.platforms > 1 {
        notes.push(format!(
            "{}'s credits come from {} platforms and are added as they are",
            u.budget.project, u.platforms
        ));
    }
    notes
}

/// The budgets as a table (with notes), for `budget list`, `report` and `balance`.
pub fn table(uses: &[BudgetUse]) -> String {
    let rows = uses
        .iter()
        .map(|u| {
            vec![
                u.budget.project.clone(),
                u.period.clone(),
                amount_text(&u.budget, u.budget.amount),
                amount_text(&u.budget, u.used),
                if u.exceeded {
                    format!("over by {}", amount_text(&u.budget, -u.left))
                } else {
                    amount_text(&u.budget, u.left)
                },
                if u.exceeded { "EXCEEDED" } else { "ok" }.to_string(),
            ]
        })
        .collect();
    let mut text = render::table(
        &["budget", "period", "limit", "used", "left", "status"],
        rows,
    );
    for u in uses {
        for note in caveats(u) {
            text.push_str(&format!("note: {note}\n"));
        }
    }
    text
}

pub fn json(uses: &[BudgetUse]) -> Value {
    Value::Array(
        uses.iter()
            .map(|u| {
                json!({
                    "project": u.budget.project,
                    "unit": u.budget.unit.as_str(),
                    "currency": u.budget.currency,
                    "period": u.budget.period.as_str(),
                    "current_period": u.period,
                    "amount": render::json_decimal(u.budget.amount),
                    "used": render::json_decimal(u.used),
                    "left": render::json_decimal(u.left),
                    "exceeded": u.exceeded,
                    "unpriced": u.unpriced,
                    "notes": caveats(u),
                })
            })
            .collect(),
    )
}

pub fn run(ctx: &Context, cmd: &BudgetCommand, out: &mut dyn Write) -> Result<i32> {
    let mut store = open_store(ctx)?;
    match cmd {
        BudgetCommand::Set {
            project,
            amount,
            money: is_money,
            credits: _,
            period,
            currency,
        } => {
            if project.trim().is_empty() {
                return Err(fail("the project name is empty"));
            }
            if amount.is_zero() {
                return Err(fail("a budget must be above 0"));
            }
            let unit = if *is_money {
                BudgetUnit::Money
            } else {
                BudgetUnit::Credits
            };
            let budget = Budget {
                project: project.clone(),
                unit,
                amount: *amount,
                currency: is_money.then(|| currency.trim().to_uppercase()),
                period: match period {
                    PeriodArg::Month => BudgetPeriod::Month,
                    PeriodArg::Total => BudgetPeriod::Total,
                },
            };
            store.set_budget(&budget)?;
            let per = match budget.period {
                BudgetPeriod::Month => " a month",
                BudgetPeriod::Total => " in total",
            };
            writeln!(
                out,
                "budget for {project}: {}{per}",
                amount_text(&budget, budget.amount)
            )?;
            Ok(EXIT_OK)
        }
        BudgetCommand::Rm {
            project,
            money: m,
            credits: c,
        } => {
            let unit = match (m, c) {
                (true, _) => Some(BudgetUnit::Money),
                (_, true) => Some(BudgetUnit::Credits),
                _ => None,
            };
            let n = store.remove_budget(project, unit)?;
            if n == 0 {
                return Err(crate::error::fail_with_help(
                    format!("no such budget for `{project}`"),
                    "`credits budget list` shows the budgets",
                ));
            }
            writeln!(out, "removed {n} budget{} of {project}", plural(n))?;
            Ok(EXIT_OK)
        }
        BudgetCommand::List | BudgetCommand::Check => {
            let uses = uses(ctx, &store)?;
            let check = matches!(cmd, BudgetCommand::Check);
            let exceeded: Vec<&BudgetUse> = uses.iter().filter(|u| u.exceeded).collect();
            if ctx.json {
                out.write_all(render::json(&json(&uses)).as_bytes())?;
            } else if uses.is_empty() {
                writeln!(
                    out,
                    "no budgets; `credits budget set PROJECT AMOUNT --money` sets one"
                )?;
            } else {
                out.write_all(table(&uses).as_bytes())?;
            }
            if check && !exceeded.is_empty() {
                let names: Vec<String> = exceeded
                    .iter()
                    .map(|u| format!("{} ({})", u.budget.project, u.budget.unit.as_str()))
                    .collect();
                eprintln!("budget exceeded: {}", names.join(", "));
                return Ok(EXIT_BUDGET_EXCEEDED);
            }
            Ok(EXIT_OK)
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
