//! `plans --json`: the month of work as priced, the options ranked cheapest first, what was
//! left out and why, and how the user's own plans compare.

use super::{dec, ratio, AmountField, Dec};
use credits_app::ops::advice::LogUsage;
use credits_core::advice::{Advice, LeftOut, OptionKind, Purchase};
use credits_core::usage::{self, Usage};
use serde::Serialize;

#[derive(Serialize)]
pub struct PlansView<'a> {
    pub usage: UsageView<'a>,
    pub options: Vec<OptionView<'a>>,
    /// Work logged on several platforms: one option per platform, each making that
    /// platform's share, at its rank among `options` (which then list only options of one
    /// platform that make all of it); `None` otherwise.
    pub combination: Option<CombinationView<'a>>,
    /// Options ranked but not shown (`--top`).
    pub more: usize,
    pub left_out: Vec<LeftOutView<'a>>,
    pub make_none: &'a [String],
    pub cannot: Vec<CannotView<'a>>,
    pub your_plans: Vec<YourPlanView<'a>>,
}

/// The month of work: its items, and the retry rate and where it came from.
#[derive(Serialize)]
pub struct UsageView<'a> {
    pub items: Vec<UsageItemView<'a>>,
    pub retry_percent: Dec,
    /// `flag`, `log` or `default`.
    pub retries_from: &'static str,
    pub log: Option<LogView>,
}

#[derive(Serialize)]
pub struct UsageItemView<'a> {
    pub item: String,
    pub kind: Option<&'static str>,
    pub platform: Option<&'a str>,
    pub model: Option<&'a str>,
    pub seconds: Option<Dec>,
    pub resolution: Option<&'a str>,
    pub audio: bool,
    pub mode: Option<&'a str>,
    pub kept: Dec,
    pub generations: Dec,
}

/// The log's window a month of work was measured in.
#[derive(Serialize)]
pub struct LogView {
    pub since: String,
    pub until: String,
    pub days: Dec,
    pub kept: Dec,
    pub discarded: Dec,
    pub failed: Dec,
    pub refunded: Dec,
    pub retry_percent: Dec,
    /// Each platform's share: what the log charged there beside what the month priced uses.
    pub by_platform: Vec<LogPlatformView>,
}

/// What the log charged on one platform, and what the month priced here uses there.
#[derive(Serialize)]
pub struct LogPlatformView {
    pub platform: String,
    /// In the window read (entries kept, discarded and failed; refunded ones charged nothing).
    pub charged: Dec,
    /// `charged` × 30 ÷ the window's days.
    pub charged_per_month: Dec,
    /// Credits (money on a money-billed platform) the cheapest option there that makes the
    /// platform's share uses a month; `null` when none makes it.
    pub priced_per_month: Option<Dec>,
    /// (priced − charged a month) × 100 ÷ charged a month.
    pub gap_percent: Option<Dec>,
    /// `credits` (the table's credit word) or the currency.
    pub unit: String,
}

/// One option per platform, each making that platform's share of the month.
#[derive(Serialize)]
pub struct CombinationView<'a> {
    pub rank: usize,
    pub platforms: Vec<&'a str>,
    pub buy: String,
    pub currency: &'a str,
    #[serde(flatten)]
    pub cost_per_month: AmountField,
    #[serde(flatten)]
    pub cost_per_kept_second: AmountField,
    #[serde(flatten)]
    pub cost_per_kept_output: AmountField,
    /// One option per platform, each with the items of its share (`rank` is the
    /// combination's).
    pub parts: Vec<OptionView<'a>>,
}

impl<'a> CombinationView<'a> {
    pub fn new(
        rank: usize,
        c: &'a credits_core::advice::Combination,
        usage: &Usage,
    ) -> CombinationView<'a> {
        CombinationView {
            rank,
            platforms: c.parts.iter().map(|p| p.platform.as_str()).collect(),
            buy: c.describe(),
            currency: &c.currency,
            cost_per_month: AmountField::money("cost_per_month", Some(&c.monthly)),
            cost_per_kept_second: AmountField::money(
                "cost_per_kept_second",
                c.per_kept_second.as_ref(),
            ),
            cost_per_kept_output: AmountField::money(
                "cost_per_kept_output",
                c.per_kept_output.as_ref(),
            ),
            parts: c
                .parts
                .iter()
                .map(|p| OptionView::new(rank, p, usage))
                .collect(),
        }
    }
}

/// One ranked option.
#[derive(Serialize)]
pub struct OptionView<'a> {
    pub rank: usize,
    pub platform: &'a str,
    pub kind: &'static str,
    pub buy: String,
    pub plan: Option<PlanBuyView<'a>>,
    pub packs: Vec<PackBuyView<'a>>,
    pub covers_all: bool,
    pub missing: Vec<MissingView<'a>>,
    pub items: Vec<ItemCostView<'a>>,
    pub currency: &'a str,
    /// What the items' `each` and `total` count: the currency for pay-per-use, else credits.
    pub unit: &'a str,
    #[serde(flatten)]
    pub credits_needed: AmountField,
    pub credits_got: Option<Dec>,
    #[serde(flatten)]
    pub leftover: AmountField,
    pub leftover_fate: Option<&'a str>,
    /// Packs alone lasting this many months at this use: `cost_per_month` is that share of
    /// the purchase; null when bought each month.
    pub months_a_purchase_lasts: Option<u32>,
    #[serde(flatten)]
    pub cost_per_month: AmountField,
    #[serde(flatten)]
    pub cost_per_kept_second: AmountField,
    #[serde(flatten)]
    pub cost_per_kept_output: AmountField,
    pub as_of: String,
    pub notes: &'a [String],
}

#[derive(Serialize)]
pub struct PlanBuyView<'a> {
    pub plan: &'a str,
    pub name: &'a str,
    pub billing: &'static str,
    pub billed: Dec,
    pub credits_per_month: Dec,
    pub rollover: Option<bool>,
}

#[derive(Serialize)]
pub struct PackBuyView<'a> {
    pub pack: &'a str,
    pub name: &'a str,
    pub count: Dec,
    pub price: Dec,
    pub credits: Dec,
}

/// An item an option cannot make, and why.
#[derive(Serialize)]
pub struct MissingView<'a> {
    pub item: Option<String>,
    pub why: &'a str,
}

/// What one item costs as an option makes it.
#[derive(Serialize)]
pub struct ItemCostView<'a> {
    pub item: Option<String>,
    pub model: &'a str,
    pub variant: &'a str,
    pub generations: Dec,
    pub included: bool,
    #[serde(flatten)]
    pub each: AmountField,
    #[serde(flatten)]
    pub total: AmountField,
}

#[derive(Serialize)]
pub struct LeftOutView<'a> {
    pub platform: &'a str,
    pub option: &'a str,
    pub why: &'static str,
    pub detail: &'a str,
}

/// A platform that makes none of the month, and why.
#[derive(Serialize)]
pub struct CannotView<'a> {
    pub platform: &'a str,
    pub why: &'a str,
}

/// An account's plan as priced for this month of work.
#[derive(Serialize)]
pub struct YourPlanView<'a> {
    pub platform: &'a str,
    pub plan: &'a str,
    pub billing: &'static str,
    /// Its place among the options listed, from 1.
    pub rank: Option<usize>,
    pub cost_per_month: Option<Dec>,
    pub saving_per_month: Option<Dec>,
    pub left_out: Option<&'a str>,
}

impl<'a> UsageView<'a> {
    /// `retries_typed`: the rate came from `--retries`; `log`: the window it was measured in.
    pub fn new(
        usage: &'a Usage,
        log: Option<&'a LogUsage>,
        retries_typed: bool,
    ) -> anyhow::Result<UsageView<'a>> {
        let generations = usage.generations()?;
        let items = usage
            .items
            .iter()
            .zip(generations)
            .map(|(item, generations)| {
                let (kind, platform, model) = match &item.target {
                    usage::Target::Kind(k) => (Some(k.as_str()), None, None),
                    usage::Target::Model { platform, model } => {
                        (None, platform.as_deref(), Some(model.as_str()))
                    }
                };
                Ok(UsageItemView {
                    item: item.label(),
                    kind,
                    platform,
                    model,
                    seconds: dec(item.request.duration),
                    resolution: item.request.resolution.as_deref(),
                    audio: item.request.audio,
                    mode: item.request.mode.as_deref(),
                    kept: Dec(item.kept),
                    generations: Dec(generations),
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(UsageView {
            items,
            retry_percent: Dec(usage.retry_percent),
            retries_from: if retries_typed {
                "flag"
            } else if log.is_some() {
                "log"
            } else {
                "default"
            },
            log: log.map(|l| LogView {
                since: l.since.to_rfc3339(),
                until: l.until.to_rfc3339(),
                days: Dec(l.days),
                kept: Dec(l.kept),
                discarded: Dec(l.discarded),
                failed: Dec(l.failed),
                refunded: Dec(l.refunded),
                retry_percent: Dec(l.retry_percent),
                by_platform: Vec::new(),
            }),
        })
    }
}

impl<'a> OptionView<'a> {
    /// The option at `rank` (from 1); `usage` names the items.
    pub fn new(rank: usize, o: &'a Purchase, usage: &Usage) -> OptionView<'a> {
        let label = |i: usize| usage.items.get(i).map(|u| u.label());
        OptionView {
            rank,
            platform: &o.platform,
            kind: o.kind.as_str(),
            buy: o.describe(),
            plan: o.plan.as_ref().map(|p| PlanBuyView {
                plan: &p.id,
                name: &p.name,
                billing: p.billing.as_str(),
                billed: Dec(p.billed),
                credits_per_month: Dec(p.credits),
                rollover: p.rollover,
            }),
            packs: o
                .packs
                .iter()
                .map(|k| PackBuyView {
                    pack: &k.id,
                    name: &k.name,
                    count: Dec(k.count),
                    price: Dec(k.price),
                    credits: Dec(k.credits),
                })
                .collect(),
            covers_all: o.covers_all(),
            missing: o
                .missing
                .iter()
                .map(|(i, why)| MissingView {
                    item: label(*i),
                    why,
                })
                .collect(),
            items: o
                .items
                .iter()
                .map(|c| ItemCostView {
                    item: label(c.item),
                    model: &c.model,
                    variant: &c.variant,
                    generations: Dec(c.generations),
                    included: c.included,
                    each: AmountField::new("each", Some(c.each)),
                    total: AmountField::new("total", Some(c.total)),
                })
                .collect(),
            currency: &o.currency,
            unit: if o.kind == OptionKind::PerUse {
                &o.currency
            } else {
                &o.credit_word
            },
            credits_needed: AmountField::new("credits_needed", o.credits_needed),
            credits_got: dec(o.credits_bought),
            leftover: AmountField::new("leftover", o.leftover),
            leftover_fate: o.leftover_fate.as_deref(),
            months_a_purchase_lasts: o.months_a_purchase_lasts,
            cost_per_month: AmountField::money("cost_per_month", Some(&o.monthly)),
            cost_per_kept_second: AmountField::money(
                "cost_per_kept_second",
                o.per_kept_second.as_ref(),
            ),
            cost_per_kept_output: AmountField::money(
                "cost_per_kept_output",
                o.per_kept_output.as_ref(),
            ),
            as_of: o.as_of.to_string(),
            notes: &o.notes,
        }
    }
}

impl<'a> LeftOutView<'a> {
    pub fn new(l: &'a LeftOut) -> LeftOutView<'a> {
        LeftOutView {
            platform: &l.platform,
            option: &l.option,
            why: l.why.as_str(),
            detail: &l.detail,
        }
    }
}

impl<'a> PlansView<'a> {
    /// The options shown, ranked by the command; `more` were ranked and not shown.
    pub fn new(
        usage: UsageView<'a>,
        advice: &'a Advice,
        options: Vec<OptionView<'a>>,
        combination: Option<CombinationView<'a>>,
        more: usize,
        your_plans: Vec<YourPlanView<'a>>,
    ) -> PlansView<'a> {
        PlansView {
            usage,
            options,
            combination,
            more,
            left_out: advice.left_out.iter().map(LeftOutView::new).collect(),
            make_none: &advice.make_none,
            cannot: advice
                .cannot
                .iter()
                .map(|(platform, why)| CannotView { platform, why })
                .collect(),
            your_plans,
        }
    }
}

/// What a month costs on a plan, as the cheapest end of its money.
pub fn per_month(monthly: &credits_core::money::MoneyRange) -> Option<Dec> {
    ratio(Some(&monthly.min))
}
