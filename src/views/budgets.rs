//! The budgets, as `budget list --json` prints them and as `report` and `balance` carry them
//! under `budgets`.

use super::{dec, Dec};
use credits_app::ops::budgets::BudgetUse;
use credits_core::records::Budget;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Serialize)]
pub struct BudgetView<'a> {
    pub project: &'a str,
    pub unit: &'static str,
    pub platform: Option<&'a str>,
    /// Whose entries it counts (`budget set --for NAME`); null: everyone's.
    pub user: Option<&'a str>,
    pub currency: Option<&'a str>,
    pub period: &'static str,
    pub current_period: &'a str,
    pub amount: Dec,
    pub used: Option<Dec>,
    pub left: Option<Dec>,
    pub exceeded: bool,
    /// used ÷ amount × 100, to 2 places; null when `used` is.
    pub percent_used: Option<Dec>,
    /// A monthly budget's use at the month's end at its pace so far, to 2 places; null
    /// for a total budget.
    pub projected: Option<Dec>,
    /// The highest `budget_warn` threshold (percent) reached, or null: one warning.
    pub warning: Option<u32>,
    pub unpriced: u64,
    /// What qualifies its figures (the notes under the table).
    pub notes: Vec<String>,
}

impl<'a> BudgetView<'a> {
    /// `warn`: the thresholds of the config file's `budget_warn`.
    pub fn new(u: &'a BudgetUse, warn: &[u32]) -> BudgetView<'a> {
        BudgetView {
            project: &u.budget.project,
            unit: u.budget.unit.as_str(),
            platform: u.budget.platform.as_deref(),
            user: u.budget.user.as_deref(),
            currency: u.budget.currency.as_deref(),
            period: u.budget.period.as_str(),
            current_period: &u.period,
            amount: Dec(u.budget.amount),
            used: dec(u.used),
            left: dec(u.left),
            exceeded: u.exceeded,
            percent_used: dec(u.percent),
            projected: dec(u.projected),
            warning: u.warning(warn),
            unpriced: u.unpriced,
            notes: budget_caveats(u),
        }
    }

    /// Every budget's view, in order.
    pub fn all(uses: &'a [BudgetUse], warn: &[u32]) -> Vec<BudgetView<'a>> {
        uses.iter().map(|u| BudgetView::new(u, warn)).collect()
    }
}

// The budget table, shown by `budget list`, `report` and `balance` alike.

/// A budget's limit, use or remainder in its unit.
pub fn budget_amount(b: &Budget, value: Decimal) -> String {
    credits_app::ops::budgets::amount_text(b, value)
}

/// Notes that qualify a budget's figures.
pub(crate) fn budget_caveats(u: &BudgetUse) -> Vec<String> {
    let mut notes = Vec::new();
    if u.unpriced > 0 {
        notes.push(format!(
            "{} of {}'s entries {} unknown money and {} not counted",
            credits_core::money::fmt_credits(u.unpriced.into()),
            u.budget.project,
            if u.unpriced == 1 { "has" } else { "have" },
            if u.unpriced == 1 { "is" } else { "are" }
        ));
    }
    if u.other_currency {
        notes.push(format!(
            "{}'s entries in other currencies are not counted",
            u.budget.project
        ));
    }
    if u.used.is_none() {
        notes.push(format!(
            "{}'s credits are on {} platforms, which are different units: give the budget a \
             platform (`credits budget set {} AMOUNT --credits --platform P`)",
            u.budget.project, u.platforms, u.budget.project
        ));
    }
    notes
}

/// The budgets as a table, with their notes; `warn`: the `budget_warn` thresholds.
pub fn budgets_table(uses: &[BudgetUse], warn: &[u32]) -> String {
    use super::columns::{self, ViewColumn};
    let status = move |u: &BudgetUse| match (u.exceeded, u.used, u.warning(warn)) {
        (true, _, _) => "EXCEEDED".to_string(),
        // All of it used, not over: "past 90%" would undersell it.
        (false, Some(used), _) if used == u.budget.amount => "reached".to_string(),
        (false, Some(_), Some(t)) => format!("past {t}%"),
        (false, Some(_), None) => "ok".to_string(),
        (false, None, _) => "unknown".to_string(),
    };
    let declared: [ViewColumn<BudgetUse>; 8] = [
        // What is left follows from limit and used: it gives way before them.
        ViewColumn::new(
            crate::render::Column::shrinkable("budget", 3, 8),
            |u: &BudgetUse| match &u.budget.user {
                Some(user) => format!("{} ({user})", u.budget.project),
                None => u.budget.project.clone(),
            },
        ),
        ViewColumn::new(
            crate::render::Column::optional("period", 1),
            |u: &BudgetUse| u.period.clone(),
        ),
        ViewColumn::new(
            crate::render::Column::essential("limit"),
            |u: &BudgetUse| budget_amount(&u.budget, u.budget.amount),
        ),
        ViewColumn::new(crate::render::Column::essential("used"), |u: &BudgetUse| {
            u.used
                .map_or_else(|| "unknown".to_string(), |v| budget_amount(&u.budget, v))
        }),
        ViewColumn::new(
            crate::render::Column::optional("used %", 3),
            |u: &BudgetUse| {
                u.percent
                    .map_or_else(|| "unknown".to_string(), |p| format!("{}%", p.normalize()))
            },
        ),
        ViewColumn::new(
            crate::render::Column::optional("at month end", 1),
            |u: &BudgetUse| match (u.projected, u.window) {
                (Some(p), _) => budget_amount(&u.budget, p),
                (None, Some(_)) => "unknown".to_string(),
                (None, None) => String::new(),
            },
        ),
        ViewColumn::new(
            crate::render::Column::optional("left", 2),
            |u: &BudgetUse| match u.left {
                Some(left) if u.exceeded => format!("over by {}", budget_amount(&u.budget, -left)),
                Some(left) => budget_amount(&u.budget, left),
                None => "unknown".to_string(),
            },
        ),
        ViewColumn::new(
            crate::render::Column::essential("status"),
            move |u: &BudgetUse| status(u),
        ),
    ];
    let mut text = columns::table(&declared, uses);
    for u in uses {
        for note in budget_caveats(u) {
            text.push_str(&crate::render::paragraph(&format!("note: {note}\n")));
        }
    }
    text
}
