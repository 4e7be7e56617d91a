//! `report --json` and `refunds --json`.
//!
//! Credits of several platforms are not one number: a row that spans platforms has its
//! `credits` null and its credits per platform in `credits_by_platform`. `cost` is the sum of
//! the known money, null when none is known; `unpriced` counts the entries it leaves out.

use super::budgets::BudgetView;
use super::{dec, Dec};
use credits_app::ops::billed::{CostChoice, CostFigure};
use credits_app::ops::reports::{Line, PricedWith};
use credits_core::records::{Money, RefundsOwed};
use credits_store::GroupKey;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
pub struct ReportView<'a> {
    pub by: Vec<String>,
    pub rows: Vec<ReportRowView<'a>>,
    pub total: Option<ReportRowView<'a>>,
    pub priced_with: Vec<PricedWithView<'a>>,
    pub budgets: Vec<BudgetView<'a>>,
    /// With `--chart`: the chart's series (`views::chart`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chart: Option<super::chart::ChartView<'a>>,
}

/// A row: its keys (`"project": "alpha"`, null for none) beside its sums.
#[derive(Serialize)]
pub struct ReportRowView<'a> {
    #[serde(flatten)]
    pub keys: BTreeMap<String, Option<&'a str>>,
    pub entries: u64,
    pub clips: u64,
    pub seconds: Dec,
    pub kept_seconds: Dec,
    pub credits: Option<Dec>,
    pub credits_refunded: Option<Dec>,
    pub credits_owed: Option<Dec>,
    pub credits_by_platform: BTreeMap<&'a str, PlatformCreditsView>,
    pub cost: Option<Dec>,
    pub currency: Option<&'a str>,
    pub unpriced: u64,
    pub cost_per_second: Option<Dec>,
    pub cost_per_kept_second: Option<Dec>,
    pub cost_per_credit: Option<Dec>,
    /// With billed money in the row (`import --from`) or `--cost`: which money `cost` is
    /// (`estimated`, `billed`, `best`: billed where known), and both amounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated: Option<Option<Dec>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billed: Option<Option<Dec>>,
}

#[derive(Serialize)]
pub struct PlatformCreditsView {
    pub credits: Dec,
    pub credits_refunded: Dec,
    pub credits_owed: Dec,
}

/// A pricing table that priced some of the report's entries.
#[derive(Serialize)]
pub struct PricedWithView<'a> {
    pub platform: &'a str,
    pub as_of: String,
    pub sha256: &'a str,
    pub entries: u64,
    pub current: bool,
}

impl<'a> ReportView<'a> {
    pub fn new(
        keys: &[GroupKey],
        rows: &'a [Line],
        total: Option<&'a Line>,
        priced_with: &'a [PricedWith],
        budgets: &'a [credits_app::ops::budgets::BudgetUse],
        warn: &[u32],
    ) -> ReportView<'a> {
        ReportView {
            by: keys.iter().map(|k| k.to_string()).collect(),
            rows: rows.iter().map(|r| ReportRowView::new(keys, r)).collect(),
            total: total.map(|t| ReportRowView::new(&[], t)),
            priced_with: priced_with
                .iter()
                .map(|p| PricedWithView {
                    platform: &p.table.platform,
                    as_of: p.table.as_of.to_string(),
                    sha256: &p.table.sha256,
                    entries: p.entries,
                    current: p.current,
                })
                .collect(),
            budgets: BudgetView::all(budgets, warn),
            chart: None,
        }
    }
}

impl<'a> ReportRowView<'a> {
    pub fn new(keys: &[GroupKey], line: &'a Line) -> ReportRowView<'a> {
        let row = &line.row;
        // Credits of several platforms are not one number.
        let single = line.single_unit();
        let credits = |v| single.then_some(Dec(v));
        // Cost is the sum of known money; `unpriced` counts the entries it leaves out.
        let known = row.currency.is_some() || row.unpriced == 0;
        ReportRowView {
            keys: keys
                .iter()
                .zip(&row.keys)
                .map(|(k, v)| (k.to_string(), v.as_deref()))
                .collect(),
            entries: row.entries,
            clips: row.clips,
            seconds: Dec(row.seconds),
            kept_seconds: Dec(row.kept_seconds),
            credits: credits(row.credits),
            credits_refunded: credits(row.credits_refunded),
            credits_owed: credits(row.credits_owed),
            credits_by_platform: line
                .by_platform
                .iter()
                .map(|(platform, c)| {
                    let view = PlatformCreditsView {
                        credits: Dec(c.credits),
                        credits_refunded: Dec(c.refunded),
                        credits_owed: Dec(c.owed),
                    };
                    (platform.as_str(), view)
                })
                .collect(),
            cost: known.then_some(Dec(row.cost)),
            currency: row.currency.as_deref(),
            unpriced: row.unpriced,
            cost_per_second: dec(row.cost_per_second()),
            cost_per_kept_second: dec(row.cost_per_kept_second()),
            cost_per_credit: dec(row.cost_per_credit()),
            cost_kind: None,
            estimated: None,
            billed: None,
        }
    }

    /// Says which money `cost` is, with both amounts, when billed money is in the report.
    pub fn with_costs(
        mut self,
        choice: Option<CostChoice>,
        figure: Option<&'a CostFigure>,
    ) -> ReportRowView<'a> {
        let Some(f) = figure else {
            if matches!(choice, Some(CostChoice::Billed)) {
                self.estimated = Some(self.cost.take());
                self.billed = Some(None);
                self.cost_kind = Some("billed");
            } else if choice.is_some() {
                self.estimated = Some(self.cost.as_ref().map(|d| Dec(d.0)));
                self.billed = Some(None);
                self.cost_kind = Some("estimated");
            }
            return self;
        };
        let estimated = self.cost.as_ref().map(|d| Dec(d.0));
        self.billed = Some(f.billed.map(Dec));
        match choice.unwrap_or_default() {
            CostChoice::Estimated => self.cost_kind = Some("estimated"),
            CostChoice::Billed => {
                self.cost = f.billed.map(Dec);
                self.cost_kind = Some("billed");
            }
            CostChoice::Best => {
                self.cost = Some(Dec(f.best));
                self.cost_kind = Some(match (f.best_has_billed, f.best_has_estimated) {
                    (true, true) => "billed+estimated",
                    (true, false) => "billed",
                    _ => "estimated",
                });
            }
        }
        if self.currency.is_none() {
            self.currency = f.currency.as_deref();
        }
        self.estimated = Some(estimated);
        self
    }
}

/// `refunds --json`: a row per platform with failed entries waiting for a refund.
#[derive(Serialize)]
pub struct RefundView<'a> {
    pub platform: &'a str,
    pub entries: u64,
    pub credits_owed: Dec,
    /// The known money of its failed entries, null when none is known.
    pub money_owed: Option<Dec>,
    pub currency: Option<&'a str>,
    /// Failed entries whose money is unknown (or in another currency).
    pub unpriced: u64,
}

impl<'a> RefundView<'a> {
    pub fn new(owed: &'a RefundsOwed, money: Option<&'a Money>, unpriced: u64) -> RefundView<'a> {
        RefundView {
            platform: &owed.platform,
            entries: owed.entries,
            credits_owed: Dec(owed.credits),
            money_owed: money.map(|m| Dec(m.amount)),
            currency: money.map(|m| m.currency.as_str()),
            unpriced,
        }
    }
}
