//! The budgets, as `budget list --json` prints them and as `report` and `balance` carry them
//! under `budgets`.

use super::{dec, Dec};
use credits_app::ops::budgets::BudgetUse;
use serde::Serialize;

#[derive(Serialize)]
pub struct BudgetView<'a> {
    pub project: &'a str,
    pub unit: &'static str,
    pub platform: Option<&'a str>,
    pub currency: Option<&'a str>,
    pub period: &'static str,
    pub current_period: &'a str,
    pub amount: Dec,
    pub used: Option<Dec>,
    pub left: Option<Dec>,
    pub exceeded: bool,
    pub unpriced: u64,
    /// What qualifies its figures (the notes under the table).
    pub notes: Vec<String>,
}

impl<'a> BudgetView<'a> {
    pub fn new(u: &'a BudgetUse) -> BudgetView<'a> {
        BudgetView {
            project: &u.budget.project,
            unit: u.budget.unit.as_str(),
            platform: u.budget.platform.as_deref(),
            currency: u.budget.currency.as_deref(),
            period: u.budget.period.as_str(),
            current_period: &u.period,
            amount: Dec(u.budget.amount),
            used: dec(u.used),
            left: dec(u.left),
            exceeded: u.exceeded,
            unpriced: u.unpriced,
            notes: crate::render::budget_caveats(u),
        }
    }

    /// Every budget's view, in order.
    pub fn all(uses: &'a [BudgetUse]) -> Vec<BudgetView<'a>> {
        uses.iter().map(BudgetView::new).collect()
    }
}
