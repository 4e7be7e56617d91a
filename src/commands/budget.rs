//! `credits budget set | list | check | rm`: spending limits per project (`ops::budgets`).
//! `budget check` exits [`crate::error::EXIT_BUDGET_EXCEEDED`] (3) when one is exceeded.

use super::Context;
use crate::cli::BudgetCommand;
use crate::error::{fail_with_help, EXIT_BUDGET_EXCEEDED, EXIT_OK};
use anyhow::Result;
use credits_app::ops::{budgets, resolve};
use credits_core::records::{Budget, BudgetPeriod, BudgetUnit};
use std::io::Write;

pub fn run(ctx: &Context, cmd: &BudgetCommand, out: &mut dyn Write) -> Result<i32> {
    let session = &ctx.session;
    match cmd {
        BudgetCommand::Set {
            project,
            amount,
            money: is_money,
            credits: _,
            platform,
            period,
            currency,
            for_user,
        } => {
            let unit = if *is_money {
                BudgetUnit::Money
            } else {
                BudgetUnit::Credits
            };
            let platform = platform
                .as_deref()
                .map(|p| resolve::credit_platform(&session.catalog, p).map(|p| p.id.clone()))
                .transpose()?;
            let budget = Budget {
                project: project.clone(),
                unit,
                amount: *amount,
                currency: is_money.then(|| currency.trim().to_uppercase()),
                platform,
                period: *period,
                user: for_user.clone(),
            };
            let replaced = budgets::set(session, &budget)?;
            let per = match budget.period {
                BudgetPeriod::Month => " a month",
                BudgetPeriod::Total => " in total",
            };
            let whose = match &budget.user {
                Some(user) => format!(" ({user}'s entries)"),
                None => String::new(),
            };
            proseln!(
                out,
                "budget for {project}{whose}: {}{per}",
                crate::views::budgets::budget_amount(&budget, budget.amount)
            )?;
            if let Some(old) = replaced {
                let per = match old.period {
                    BudgetPeriod::Month => " a month",
                    BudgetPeriod::Total => " in total",
                };
                proseln!(
                    out,
                    "replaces {}{per} (one budget per project, unit and platform{})",
                    crate::views::budgets::budget_amount(&old, old.amount),
                    if budget.user.is_some() {
                        " and person"
                    } else {
                        ""
                    }
                )?;
            }
            Ok(EXIT_OK)
        }
        BudgetCommand::Rm {
            project,
            money: m,
            credits: c,
            platform,
            for_user,
        } => {
            let unit = match (*m, *c || platform.is_some()) {
                (true, _) => Some(BudgetUnit::Money),
                (_, true) => Some(BudgetUnit::Credits),
                _ => None,
            };
            let platform = platform
                .as_deref()
                .map(|p| resolve::platform_id(&session.catalog, p));
            let n = budgets::remove(
                session,
                project,
                unit,
                platform.as_deref(),
                for_user.as_deref(),
            )?;
            if n == 0 {
                return Err(fail_with_help(
                    format!("no such budget for `{project}`"),
                    "`credits budget list` shows the budgets",
                ));
            }
            proseln!(
                out,
                "removed {n} budget{} of {project}",
                if n == 1 { "" } else { "s" }
            )?;
            Ok(EXIT_OK)
        }
        BudgetCommand::List | BudgetCommand::Check => {
            let store = session.store_for_reading()?;
            let uses = budgets::uses(session, &store)?;
            let warn = credits_app::config::budget_warn()?;
            let check = matches!(cmd, BudgetCommand::Check);
            if ctx.json {
                let view = crate::views::budgets::BudgetView::all(&uses, &warn);
                out.write_all(crate::views::json(&view).as_bytes())?;
            } else if uses.is_empty() {
                proseln!(
                    out,
                    "no budgets; `credits budget set PROJECT AMOUNT --money` sets one"
                )?;
            } else {
                out.write_all(crate::views::budgets::budgets_table(&uses, &warn).as_bytes())?;
            }
            let exceeded: Vec<String> = uses
                .iter()
                .filter(|u| u.exceeded)
                .map(|u| format!("{} ({})", u.budget.project, u.budget.unit.as_str()))
                .collect();
            if check && !exceeded.is_empty() {
                eproseln!("budget exceeded: {}", exceeded.join(", "));
                return Ok(EXIT_BUDGET_EXCEEDED);
            }
            Ok(EXIT_OK)
        }
    }
}
