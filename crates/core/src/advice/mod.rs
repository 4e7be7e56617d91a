//! Which plan to buy: every way each platform sells a month's usage, ranked by what it
//! costs a month.
//!
//! Pure: tables and a [`Usage`] in, ranked [`Purchase`]s and what was left out (with why)
//! out. The written rules, each one a user can redo by hand:
//! - An item on a platform uses the cheapest model (in credits, or money on money-billed
//!   platforms) that the option's plan allows; a model included from a tier costs nothing
//!   there. A range of credits is bought for at its most.
//! - A plan is an option at monthly billing (its price) and at annual billing (the yearly
//!   price ÷ 12); a daily grant counts 30 days a month; a plan that grants once is not a
//!   monthly option. Promotions for the first month are left out (a plan is kept for months).
//! - When the plan's credits fall short, the cheapest mix of at most two pack sizes sold
//!   to that plan covers the rest (whole packs). Plan credits are spent first, so what is
//!   left over is the packs' (it keeps or expires as they do), else the plan's.
//! - Packs alone are an option when the platform has no plans, or has no free plan that
//!   grants each month or day and the table does not tie the packs to a plan.
//! - Money-billed platforms are pay per use: generations × the price of one.
//! - Options that make every item rank first, cheapest a month first (ranges by their low
//!   end); those that make only part of it follow, said so.

// The operators of Decimal and i128 Ratio panic on overflow; every operation in this
// module must be checked, so that no table or flag can panic.
#![deny(clippy::arithmetic_side_effects)]

use crate::cost::{self, BillingPeriod, Charge};
use crate::error::fail;
use crate::money::{self, ratio, Amount, MoneyRange, Ratio};
use crate::pricing::{Billing, Expiry, Grant, Model, Pack, Plan, Platform, Rate};
use crate::slug;
use crate::usage::{Item, Target, Usage};
use anyhow::Result;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// How an option is bought.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionKind {
    /// A subscription (monthly or annual), with packs when its credits fall short.
    Plan,
    /// Credit packs with no subscription.
    Packs,
    /// A money-billed platform: each generation is paid for.
    PerUse,
}

impl OptionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OptionKind::Plan => "plan",
            OptionKind::Packs => "packs",
            OptionKind::PerUse => "per-use",
        }
    }
}

/// The plan an option subscribes to.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanBuy {
    pub id: String,
    pub name: String,
    pub tier: usize,
    pub billing: BillingPeriod,
    /// What is billed: the monthly price, or the yearly price on annual billing.
    pub billed: Decimal,
    /// Credits a month (a daily grant × 30).
    pub credits: Decimal,
    pub grant: Grant,
    pub rollover: Option<bool>,
}

/// Packs bought each month.
#[derive(Clone, Debug, PartialEq)]
pub struct PackBuy {
    pub id: String,
    pub name: String,
    pub count: Decimal,
    pub price: Decimal,
    /// Credits of one pack, bonus included (of the purchase, when `any_amount`).
    pub credits: Decimal,
    pub expiry: Expiry,
    /// Bought by the credit (a purchase of any amount from a least): `count` is 1 and
    /// `price` and `credits` are the purchase's.
    pub any_amount: bool,
}

impl PackBuy {
    /// `2 × Credits (min 1000)`, or `1,175 credits (Credits (min 1000))` bought by the credit.
    pub fn describe(&self) -> String {
        if self.any_amount {
            format!(
                "{} credits ({})",
                money::fmt_credits(self.credits),
                self.name
            )
        } else {
            format!("{} × {}", money::fmt_credits(self.count), self.name)
        }
    }
}

/// What one item costs in an option.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemCost {
    /// Index into the usage's items.
    pub item: usize,
    pub model: String,
    pub model_name: String,
    /// The variant used, e.g. `pro, 1080p`; empty for a single-rate model.
    pub variant: String,
    pub generations: Decimal,
    /// Credits (money on a money-billed platform) of one generation.
    pub each: Amount,
    /// `each × generations`.
    pub total: Amount,
    /// Seconds delivered per kept output (the clip's length), when it has one.
    pub seconds: Option<Decimal>,
    /// Seconds billed per generation when a bucket or offered length rounds up.
    pub billed_seconds: Option<Decimal>,
    /// The plan includes this model: no credits charged.
    pub included: bool,
    /// How the table priced it (`no resolution given: priced at 360p`).
    pub notes: Vec<String>,
}

/// One way to buy the usage on one platform.
#[derive(Clone, Debug)]
pub struct Purchase {
    pub platform: String,
    pub currency: String,
    pub credit_word: String,
    /// The table's date.
    pub as_of: NaiveDate,
    pub kind: OptionKind,
    pub plan: Option<PlanBuy>,
    pub packs: Vec<PackBuy>,
    pub items: Vec<ItemCost>,
    /// Items (indexes) this platform cannot make, with why.
    pub missing: Vec<(usize, String)>,
    /// Credits the covered items use a month; `None` when pay per use.
    pub credits_needed: Option<Amount>,
    /// Credits the plan and packs give a month.
    pub credits_bought: Option<Decimal>,
    /// Credits left at the end of the month (from the most used to the least).
    pub leftover: Option<Amount>,
    /// What the leftover does: `lost at renewal`, `rolls over`, `never expires`, ….
    pub leftover_fate: Option<String>,
    /// Packs alone, bought once, lasting this many months at this use (their credits cover
    /// them before they expire): `monthly` is that share of the purchase, and `leftover` what
    /// is left when it runs out. `None`: bought each month.
    pub months_a_purchase_lasts: Option<u32>,
    /// What it costs a month, exact.
    pub monthly: MoneyRange,
    /// `monthly` ÷ seconds kept a month, when every covered item has a length.
    pub per_kept_second: Option<MoneyRange>,
    /// `monthly` ÷ outputs kept a month.
    pub per_kept_output: Option<MoneyRange>,
    pub notes: Vec<String>,
}

impl Purchase {
    /// Makes every item of the usage.
    pub fn covers_all(&self) -> bool {
        self.missing.is_empty()
    }

    /// `Standard (annual) + 2 × Credits (min 1000)`, or `pay per use`.
    pub fn describe(&self) -> String {
        let mut text = match (&self.plan, self.kind) {
            (Some(p), _) => format!("{} ({})", p.name, p.billing.as_str()),
            (None, OptionKind::PerUse) => "pay per use".to_string(),
            (None, _) => "packs only".to_string(),
        };
        for (i, pack) in self.packs.iter().enumerate() {
            // `packs only: 1 × 60,000 units + 1 × 45,000 units`; `Pro (annual) + 2 × …`.
            let sep = if self.plan.is_none() && i == 0 {
                ": "
            } else {
                " + "
            };
            text.push_str(&format!("{sep}{}", pack.describe()));
        }
        text
    }
}

/// An option that was considered and not listed, with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    pub platform: String,
    /// `Free (monthly)`, `Pro (annual)`, `packs only`.
    pub option: String,
    /// The plan's id and billing, when the option is a plan.
    pub plan: Option<(String, BillingPeriod)>,
    pub why: Why,
    pub detail: String,
}

/// Why an option was left out, grouped for the one-line summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Why {
    /// A model the usage needs is gated above the plan.
    BelowMinimumPlan,
    /// The table does not give the plan's price or credits.
    UnknownPrice,
    /// The plan grants once, not each month.
    GrantsOnce,
    /// The plan's credits fall short and no pack is sold to it.
    TooFewCredits,
    /// Shut down on the day asked.
    ShutDown,
}

impl Why {
    pub fn as_str(self) -> &'static str {
        match self {
            Why::BelowMinimumPlan => "below_minimum_plan",
            Why::UnknownPrice => "unknown_price",
            Why::GrantsOnce => "grants_once",
            Why::TooFewCredits => "too_few_credits",
            Why::ShutDown => "shut_down",
        }
    }
}

/// The ranked options and what was left out.
#[derive(Clone, Debug, Default)]
pub struct Advice {
    /// Options that make every item first, then the rest; cheapest first in each.
    pub options: Vec<Purchase>,
    pub left_out: Vec<LeftOut>,
    /// Platforms that make none of the usage.
    pub make_none: Vec<String>,
    /// Why a platform that has a model the month names cannot make any of it (shut down,
    /// too long a clip), by platform.
    pub cannot: Vec<(String, String)>,
}

/// One model that can make an item, and what it uses.
struct Candidate<'m> {
    model: &'m Model,
    charge: Charge,
}

/// The models of `platform` that can make `item`, or why none can (`Err`; `Ok(empty)`
/// when the item is not for this platform at all).
fn candidates<'m>(
    platform: &'m Platform,
    item: &Item,
    today: NaiveDate,
) -> Result<Vec<Candidate<'m>>, String> {
    let models: Vec<&Model> = match &item.target {
        Target::Kind(kind) => platform.models.iter().filter(|m| m.kind == *kind).collect(),
        Target::Model { platform: p, model } => {
            if p.as_deref()
                .is_some_and(|p| !slug::matches(p, &platform.id, &platform.name))
            {
                return Ok(Vec::new());
            }
            platform
                .models
                .iter()
                .filter(|m| slug::matches(model, &m.id, &m.name))
                .collect()
        }
    };
    let mut found = Vec::new();
    let mut why = None;
    for model in models {
        if model.lifecycle.is_shut_down(today) {
            why.get_or_insert_with(|| {
                format!(
                    "{} {}",
                    model.id,
                    model.lifecycle.describe().unwrap_or_default()
                )
            });
            continue;
        }
        // A kind asks for a length; a flat price per clip with no length in the table is
        // not known to make it (a named model is the user's own call).
        let lengthless = model
            .variants
            .iter()
            .all(|v| matches!(v.rate, Rate::Flat(_)));
        if matches!(item.target, Target::Kind(_)) && item.request.duration.is_some() && lengthless {
            why.get_or_insert_with(|| {
                format!(
                    "{} has one price per clip and its table gives no length",
                    model.id
                )
            });
            continue;
        }
        match cost::charge(model, &item.request) {
            Ok(charge) => found.push(Candidate { model, charge }),
            Err(e) => {
                why.get_or_insert_with(|| e.to_string());
            }
        }
    }
    match (found.is_empty(), why) {
        (true, Some(why)) => Err(why),
        _ => Ok(found),
    }
}

/// The cheapest candidate on a tier (`None`: no plan), or the lowest plan one needs.
fn pick<'a, 'm>(
    candidates: &'a [Candidate<'m>],
    tier: Option<usize>,
) -> Result<(&'a Candidate<'m>, bool), usize> {
    let allowed = |c: &&Candidate| match (c.charge.min_plan, tier) {
        (None, _) => true,
        (Some(min), Some(t)) => t >= min,
        (Some(_), None) => false,
    };
    let included = |c: &Candidate| match (c.charge.included_from, tier) {
        (Some(from), Some(t)) => t >= from,
        _ => false,
    };
    let best = candidates.iter().filter(allowed).min_by(|a, b| {
        let cost = |c: &Candidate| {
            if included(c) {
                (Decimal::ZERO, Decimal::ZERO)
            } else {
                (c.charge.per_item.max, c.charge.per_item.min)
            }
        };
        cost(a).cmp(&cost(b))
    });
    match best {
        Some(c) => Ok((c, included(c))),
        None => Err(candidates
            .iter()
            .filter_map(|c| c.charge.min_plan)
            .min()
            .unwrap_or(0)),
    }
}

/// Credits (or money) every covered item uses on a tier, or the tier a model needs.
fn item_costs(
    per_item: &[(usize, Vec<Candidate<'_>>)],
    usage: &Usage,
    tier: Option<usize>,
) -> Result<Result<Vec<ItemCost>, (String, usize)>> {
    let mut costs = Vec::new();
    let all_generations = usage.generations()?;
    for (index, candidates) in per_item {
        let (c, included) = match pick(candidates, tier) {
            Ok(found) => found,
            Err(needs) => {
                let model = candidates.first().map_or("", |c| c.model.id.as_str());
                return Ok(Err((model.to_string(), needs)));
            }
        };
        let Some(generations) = all_generations.get(*index).copied() else {
            continue;
        };
        let each = if included {
            Amount::ZERO
        } else {
            c.charge.per_item
        };
        costs.push(ItemCost {
            item: *index,
            model: c.model.id.clone(),
            model_name: c.model.name.clone(),
            variant: c.charge.variant.clone(),
            generations,
            total: each.checked_mul(generations)?,
            each,
            seconds: c.charge.seconds,
            billed_seconds: c.charge.billed_seconds,
            included,
            notes: c.charge.notes.clone(),
        });
    }
    Ok(Ok(costs))
}

/// Every option on every platform for the usage, ranked.
pub fn advise(platforms: &[&Platform], usage: &Usage, today: NaiveDate) -> Result<Advice> {
    let mut advice = Advice::default();
    for platform in platforms {
        advise_platform(platform, usage, today, &mut advice)?;
    }
    rank(&mut advice.options);
    Ok(advice)
}

/// A platform (canonical id) and the items (indexes into the usage) made there: the log's
/// share of the month on that platform.
pub type Share = (String, Vec<usize>);

/// One option per platform, each making that platform's share of the month: the cheapest
/// option there that makes all of its share. Its parts' item indexes are the whole usage's.
#[derive(Clone, Debug)]
pub struct Combination {
    /// One per share, in the shares' order.
    pub parts: Vec<Purchase>,
    pub currency: String,
    /// The parts' costs a month, added.
    pub monthly: MoneyRange,
    /// `monthly` ÷ seconds kept a month (when every item has a length), and ÷ outputs kept.
    pub per_kept_second: Option<MoneyRange>,
    pub per_kept_output: Option<MoneyRange>,
}

impl Combination {
    /// `runway + pika`.
    pub fn platforms(&self) -> String {
        let ids: Vec<&str> = self.parts.iter().map(|p| p.platform.as_str()).collect();
        ids.join(" + ")
    }

    /// `runway Standard (annual) + 1,070 credits (…); pika Standard (annual)`.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .parts
            .iter()
            .map(|p| format!("{} {}", p.platform, p.describe()))
            .collect();
        parts.join("; ")
    }
}

/// The cheapest way to make each share on its own platform, added up; `Ok(Err(why))` when
/// a share's platform is not among `platforms` or none of its options makes all of the
/// share, or when the parts are billed in different currencies (money is never added
/// across them). Each share is priced as a month of its own: its items' generations are
/// rounded together (`Usage::round_together`), as the whole usage rounds them.
pub fn combine(
    platforms: &[&Platform],
    usage: &Usage,
    shares: &[Share],
    today: NaiveDate,
) -> Result<Result<Combination, String>> {
    let mut parts = Vec::new();
    for (id, indexes) in shares {
        let Some(platform) = platforms.iter().find(|p| p.id == *id) else {
            return Ok(Err(format!("{id} is not among the platforms asked")));
        };
        let items: Vec<Item> = indexes
            .iter()
            .filter_map(|i| usage.items.get(*i).cloned())
            .collect();
        let item_retries = indexes
            .iter()
            .map(|i| usage.item_retries.get(*i).copied().flatten())
            .collect();
        let share = Usage {
            round_together: vec![(0..items.len()).collect()],
            items,
            retry_percent: usage.retry_percent,
            item_retries,
        };
        let advice = advise(&[*platform], &share, today)?;
        let Some(mut best) = advice.options.into_iter().find(Purchase::covers_all) else {
            return Ok(Err(format!("no option on {id} makes all of its share")));
        };
        for cost in &mut best.items {
            if let Some(whole) = indexes.get(cost.item) {
                cost.item = *whole;
            }
        }
        parts.push(best);
    }
    let Some(first) = parts.first() else {
        return Ok(Err("the month has no share".to_string()));
    };
    let currency = first.currency.clone();
    if parts.iter().any(|p| p.currency != currency) {
        return Ok(Err(
            "its platforms bill in different currencies, which are not added".to_string(),
        ));
    }
    let add = |a: &Ratio, b: &Ratio| {
        num_traits::CheckedAdd::checked_add(a, b).ok_or_else(|| fail("a monthly cost does not fit"))
    };
    let mut monthly = MoneyRange::exact(Ratio::from_integer(0));
    for p in &parts {
        monthly = MoneyRange {
            min: add(&monthly.min, &p.monthly.min)?,
            max: add(&monthly.max, &p.monthly.max)?,
            open: monthly.open || p.monthly.open,
        };
    }
    // Per kept second and output over the whole month, as a single option has them (the
    // parts' items carry their index in the whole usage).
    let all_items: Vec<ItemCost> = parts.iter().flat_map(|p| p.items.iter().cloned()).collect();
    let (per_kept_second, per_kept_output) = per_kept(&monthly, &all_items, usage)?;
    Ok(Ok(Combination {
        parts,
        currency,
        monthly,
        per_kept_second,
        per_kept_output,
    }))
}

/// Cheapest first within "makes it all", then within "makes part"; ties by platform,
/// plan tier, billing and packs so the order is stable.
pub fn rank(options: &mut [Purchase]) {
    options.sort_by(|a, b| {
        b.covers_all()
            .cmp(&a.covers_all())
            .then_with(|| a.currency.cmp(&b.currency))
            .then_with(|| a.monthly.min.cmp(&b.monthly.min))
            .then_with(|| a.monthly.max.cmp(&b.monthly.max))
            .then_with(|| a.platform.cmp(&b.platform))
            .then_with(|| {
                let tier = |p: &Purchase| p.plan.as_ref().map(|p| p.tier);
                tier(a).cmp(&tier(b))
            })
            .then_with(|| {
                let billing = |p: &Purchase| p.plan.as_ref().map(|p| p.billing.as_str());
                billing(a).cmp(&billing(b))
            })
            .then_with(|| a.packs.len().cmp(&b.packs.len()))
    });
}

fn advise_platform(
    platform: &Platform,
    usage: &Usage,
    today: NaiveDate,
    advice: &mut Advice,
) -> Result<()> {
    let mut per_item = Vec::new();
    let mut missing = Vec::new();
    // Reasons beyond "not sold here": a model it has that is shut down or cannot make it.
    let mut has_but_cannot = Vec::new();
    for (index, item) in usage.items.iter().enumerate() {
        match candidates(platform, item, today) {
            Ok(found) if !found.is_empty() => per_item.push((index, found)),
            Ok(_) => missing.push((index, format!("no {} model", target_word(item)))),
            Err(why) => {
                has_but_cannot.push(why.clone());
                missing.push((index, why));
            }
        }
    }
    if per_item.is_empty() {
        advice.make_none.push(platform.id.clone());
        for why in has_but_cannot {
            advice.cannot.push((platform.id.clone(), why));
        }
        return Ok(());
    }
    let base = Base {
        platform,
        usage,
        per_item: &per_item,
        missing: &missing,
    };

    if platform.billing == Billing::Money {
        if let Ok(items) = item_costs(&per_item, usage, None)? {
            advice.options.push(base.per_use(items)?);
        }
        return Ok(());
    }

    for plan in &platform.plans {
        for billing in [BillingPeriod::Monthly, BillingPeriod::Annual] {
            match base.plan_option(plan, billing, today)? {
                Some(Ok(option)) => advice.options.push(option),
                Some(Err(left)) => advice.left_out.push(left),
                None => {}
            }
        }
    }

    // Packs alone: when no plan is needed to buy them, and no free plan gives credits
    // each month (that plan plus the same packs is never dearer).
    let free_grants = platform
        .plans
        .iter()
        .any(|p| p.is_free() && p.grant != Grant::Once && !p.lifecycle.is_shut_down(today));
    let open_packs: Vec<&Pack> = platform
        .packs
        .iter()
        .filter(|k| k.min_plan.is_none())
        .collect();
    if !open_packs.is_empty() && !free_grants {
        match item_costs(&per_item, usage, None)? {
            Ok(items) => match base.with_packs(None, items, &open_packs, Decimal::ZERO)? {
                Some(mut option) => {
                    if !platform.plans.is_empty() {
                        option.notes.push(
                            "the table does not say whether packs are sold without a plan"
                                .to_string(),
                        );
                    }
                    advice.options.push(option);
                }
                None => advice.left_out.push(LeftOut {
                    platform: platform.id.clone(),
                    option: "packs only".to_string(),
                    plan: None,
                    why: Why::TooFewCredits,
                    detail: "no pack gives credits".to_string(),
                }),
            },
            Err((model, needs)) => advice.left_out.push(LeftOut {
                platform: platform.id.clone(),
                option: "packs only".to_string(),
                plan: None,
                why: Why::BelowMinimumPlan,
                detail: format!("{model} needs {} or above", platform.plan_name(needs)),
            }),
        }
    }
    Ok(())
}

fn target_word(item: &Item) -> String {
    match &item.target {
        Target::Kind(k) => k.as_str().to_string(),
        Target::Model { model, .. } => format!("`{model}`"),
    }
}

/// What every option of one platform shares.
struct Base<'a, 'm> {
    platform: &'a Platform,
    usage: &'a Usage,
    per_item: &'a [(usize, Vec<Candidate<'m>>)],
    missing: &'a [(usize, String)],
}

impl Base<'_, '_> {
    fn purchase(
        &self,
        kind: OptionKind,
        items: Vec<ItemCost>,
        monthly: MoneyRange,
    ) -> Result<Purchase> {
        let (per_kept_second, per_kept_output) = per_kept(&monthly, &items, self.usage)?;
        Ok(Purchase {
            platform: self.platform.id.clone(),
            currency: self.platform.currency.clone(),
            credit_word: self.platform.credit_word().to_string(),
            as_of: self.platform.as_of,
            kind,
            plan: None,
            packs: Vec::new(),
            items,
            missing: self.missing.to_vec(),
            credits_needed: None,
            credits_bought: None,
            leftover: None,
            leftover_fate: None,
            months_a_purchase_lasts: None,
            monthly,
            per_kept_second,
            per_kept_output,
            notes: Vec::new(),
        })
    }

    fn per_use(&self, items: Vec<ItemCost>) -> Result<Purchase> {
        let total = needed(&items)?;
        let mut option =
            self.purchase(OptionKind::PerUse, items, MoneyRange::from_amount(&total))?;
        if total.open {
            option
                .notes
                .push("a price has no upper bound in the table: the cost is a least".into());
        }
        Ok(option)
    }

    /// The option of `plan` at `billing`: `None` when it is not one (no annual price, a
    /// free plan's annual twin), `Err` when it was considered and left out.
    fn plan_option(
        &self,
        plan: &Plan,
        billing: BillingPeriod,
        today: NaiveDate,
    ) -> Result<Option<Result<Purchase, LeftOut>>> {
        // A plan that grants once is not billed monthly or yearly: named alone.
        let name = if plan.grant == Grant::Once {
            plan.name.clone()
        } else {
            format!("{} ({})", plan.name, billing.as_str())
        };
        let left = |why: Why, detail: String| {
            Ok(Some(Err(LeftOut {
                platform: self.platform.id.clone(),
                option: name.clone(),
                plan: Some((plan.id.clone(), billing)),
                why,
                detail,
            })))
        };
        let price = match billing {
            BillingPeriod::Monthly => plan.price,
            BillingPeriod::Annual => {
                if plan.is_free() || plan.annual_price.is_none() || plan.grant == Grant::Once {
                    return Ok(None);
                }
                plan.annual_price
            }
        };
        if plan.lifecycle.is_shut_down(today) {
            let detail = plan.lifecycle.describe().unwrap_or_default();
            return if billing == BillingPeriod::Monthly {
                left(Why::ShutDown, detail)
            } else {
                Ok(None)
            };
        }
        // A model gated above the plan is the first thing to say about it.
        let items = match item_costs(self.per_item, self.usage, Some(plan.tier))? {
            Ok(items) => items,
            Err((model, needs)) => {
                return left(
                    Why::BelowMinimumPlan,
                    format!("{model} needs {} or above", self.platform.plan_name(needs)),
                )
            }
        };
        if plan.grant == Grant::Once {
            return left(
                Why::GrantsOnce,
                format!("{} grants its credits once, not each month", plan.name),
            );
        }
        let Some(price) = price else {
            return left(
                Why::UnknownPrice,
                "the table does not give its price".into(),
            );
        };
        let Some(credits) = cost::monthly_credits(plan) else {
            return left(
                Why::UnknownPrice,
                "the table does not give its credits".into(),
            );
        };
        let packs: Vec<&Pack> = self
            .platform
            .packs
            .iter()
            .filter(|k| k.min_plan.is_none_or(|m| plan.tier >= m))
            .collect();
        let billed = PlanBuy {
            id: plan.id.clone(),
            name: plan.name.clone(),
            tier: plan.tier,
            billing,
            billed: price,
            credits,
            grant: plan.grant,
            rollover: plan.rollover,
        };
        let needed = needed(&items)?;
        let mut option = match self.with_packs(Some(billed), items, &packs, credits)? {
            Some(option) => option,
            None => {
                // A free tier that covers part of the month says how much.
                return left(
                    Why::TooFewCredits,
                    format!(
                        "{} {unit} a month of the {} {unit} needed, and no pack is sold to it",
                        money::fmt_credits(credits),
                        money::fmt_credits(needed.max),
                        unit = self.platform.credit_word()
                    ),
                );
            }
        };
        if plan.grant == Grant::Daily {
            option.notes.push(format!(
                "{} grants {} a day: it covers a month only if the work is spread over the days",
                plan.name,
                money::fmt_credits(plan.credits.unwrap_or_default())
            ));
        }
        if billing == BillingPeriod::Annual {
            option.notes.push(format!(
                "billed {} a year",
                money::fmt_money(price, &self.platform.currency)
            ));
        }
        let unstated = |b: &PackBuy| {
            self.platform
                .packs
                .iter()
                .any(|k| k.id == b.id && k.min_plan.is_none())
        };
        if option.packs.iter().any(unstated) {
            option.notes.push(format!(
                "the table does not say whether its packs are sold to {}",
                plan.name
            ));
        }
        Ok(Some(Ok(option)))
    }

    /// `plan` (or none) plus the cheapest packs that cover what `granted` does not;
    /// `None` when the credits fall short and no pack can cover them.
    fn with_packs(
        &self,
        plan: Option<PlanBuy>,
        items: Vec<ItemCost>,
        packs: &[&Pack],
        granted: Decimal,
    ) -> Result<Option<Purchase>> {
        let needed = needed(&items)?;
        // Buy for the most a range can use; an open range (no most) for its least.
        let want = needed.max;
        let short = want.checked_sub(granted).unwrap_or(Decimal::ZERO);
        // Packs alone: bought for as many months as is cheapest a month (while they last);
        // beside a plan, each month's shortfall.
        let (bought, months) = if short <= Decimal::ZERO {
            (Vec::new(), 1)
        } else if plan.is_none() {
            match cheapest_purchase(packs, short) {
                Some(b) => b,
                None => return Ok(None),
            }
        } else {
            match cheapest_packs(packs, short) {
                Some(b) => (b, 1),
                None => return Ok(None),
            }
        };
        let mut cost = match &plan {
            None => Ratio::from_integer(0),
            Some(p) => match p.billing {
                BillingPeriod::Monthly => ratio(p.billed),
                BillingPeriod::Annual => money::rdiv(&ratio(p.billed), &Ratio::from_integer(12))?,
            },
        };
        let mut got = granted;
        for b in &bought {
            cost =
                num_traits::CheckedAdd::checked_add(&cost, &ratio(money::mul(b.count, b.price)?))
                    .ok_or_else(|| fail("a monthly cost does not fit"))?;
            got = money::add(got, money::mul(b.count, b.credits)?)?;
        }
        // Packs alone, bought once, can last several months: as long as their credits cover
        // the month's use and they have not expired. The month's cost is then that share of
        // the purchase (Kling's 5,000 units for 60 a month last their 180 days: $700 / 6),
        // not the whole purchase every month.
        if months > 1 {
            cost = money::rdiv(&cost, &Ratio::from_integer(months.into()))?;
        }
        let kind = if plan.is_some() {
            OptionKind::Plan
        } else {
            OptionKind::Packs
        };
        let fate = if bought.is_empty() {
            plan.as_ref().map(|p| match (p.grant, p.rollover) {
                (Grant::Daily, _) => "resets each day".to_string(),
                (_, Some(false)) => "lost at renewal".to_string(),
                (_, Some(true)) => "rolls over".to_string(),
                (_, None) => "rollover not stated".to_string(),
            })
        } else {
            // Plan credits go first, so what is left is the packs'.
            Some(
                match bought.iter().map(|b| b.expiry).min_by_key(expiry_order) {
                    Some(Expiry::Never) => "never expires".to_string(),
                    Some(Expiry::AfterDays(d)) => format!("expires after {d} days"),
                    _ => "expiry not stated".to_string(),
                },
            )
        };
        let mut option = self.purchase(kind, items, MoneyRange::exact(cost))?;
        option.plan = plan;
        option.packs = bought;
        option.credits_needed = Some(needed);
        option.credits_bought = Some(got);
        let used_max = needed.max.checked_mul(Decimal::from(months)).unwrap_or(got);
        let used_min = needed.min.checked_mul(Decimal::from(months)).unwrap_or(got);
        option.leftover = Some(Amount {
            min: got
                .checked_sub(used_max)
                .unwrap_or(Decimal::ZERO)
                .max(Decimal::ZERO),
            max: got
                .checked_sub(used_min)
                .unwrap_or(Decimal::ZERO)
                .max(Decimal::ZERO),
            open: false,
        });
        option.leftover_fate = fate;
        if months > 1 {
            option.months_a_purchase_lasts = Some(months);
            option.notes.push(format!(
                "one purchase lasts {months} months at this use (its {} cover {months} months \
                 before they expire): a month is 1/{months} of it",
                self.platform.credit_word()
            ));
        }
        if needed.open {
            option.notes.push(format!(
                "a model's {} have no upper bound in the table: bought for the least",
                self.platform.credit_word()
            ));
        }
        Ok(Some(option))
    }
}

/// Credits (or money) all the items use.
fn needed(items: &[ItemCost]) -> Result<Amount> {
    let mut total = Amount::ZERO;
    for item in items {
        total = total.checked_add(&item.total)?;
    }
    Ok(total)
}

/// Soonest expiry first (what the leftover is bound by).
/// Packs alone, for a month's `short` credits: the cheapest a month of buying packs for
/// 1 to [`MOST_MONTHS_A_PURCHASE_LASTS`] months at once (a larger purchase can cost less a
/// credit, and packs keep), counting only purchases whose packs last the months they are
/// bought for (a month of 30 days; a pack that never expires lasts the longest counted; an
/// unstated expiry, one month). Returns the packs and the months they are bought for; ties
/// go to fewer months.
fn cheapest_purchase(packs: &[&Pack], short: Decimal) -> Option<(Vec<PackBuy>, u32)> {
    let mut best: Option<(Ratio, Vec<PackBuy>, u32)> = None;
    for months in 1..=MOST_MONTHS_A_PURCHASE_LASTS {
        let Some(need) = short.checked_mul(Decimal::from(months)) else {
            break;
        };
        let Some(bought) = cheapest_packs(packs, need) else {
            continue;
        };
        let lasts = bought
            .iter()
            .map(|b| match b.expiry {
                Expiry::AfterDays(d) => d / 30,
                Expiry::Never => MOST_MONTHS_A_PURCHASE_LASTS,
                Expiry::Unknown => 1,
            })
            .min()
            .unwrap_or(1);
        if months > 1 && lasts < months {
            continue;
        }
        let mut price = Decimal::ZERO;
        for b in &bought {
            price = price.checked_add(b.count.checked_mul(b.price)?)?;
        }
        let a_month = money::rdiv(&ratio(price), &Ratio::from_integer(months.into())).ok()?;
        if best.as_ref().is_none_or(|(b, _, _)| a_month < *b) {
            best = Some((a_month, bought, months));
        }
    }
    best.map(|(_, bought, months)| (bought, months))
}

/// The longest a purchase is spread over: a year, so a never-expiring pack bought for a
/// decade of use is not shown as nearly free a month.
const MOST_MONTHS_A_PURCHASE_LASTS: u32 = 12;

fn expiry_order(e: &Expiry) -> (u8, u32) {
    match e {
        Expiry::AfterDays(d) => (0, *d),
        Expiry::Unknown => (1, 0),
        Expiry::Never => (2, 0),
    }
}

/// Money a month ÷ seconds kept a month (when every item has a length) and ÷ outputs kept.
fn per_kept(
    monthly: &MoneyRange,
    items: &[ItemCost],
    usage: &Usage,
) -> Result<(Option<MoneyRange>, Option<MoneyRange>)> {
    let mut outputs = Decimal::ZERO;
    let mut seconds = Some(Decimal::ZERO);
    for cost in items {
        let Some(item) = usage.items.get(cost.item) else {
            continue;
        };
        outputs = money::add(outputs, item.kept)?;
        seconds = match (seconds, cost.seconds) {
            (Some(total), Some(s)) => Some(money::add(total, money::mul(item.kept, s)?)?),
            _ => None,
        };
    }
    let divide = |by: Decimal| -> Result<Option<MoneyRange>> {
        if by.is_zero() {
            return Ok(None);
        }
        Ok(Some(monthly.checked_div(&ratio(by))?))
    };
    Ok((divide(seconds.unwrap_or(Decimal::ZERO))?, divide(outputs)?))
}

/// Packs bought: (index into the sizes, count).
type Mix = Vec<(usize, Decimal)>;
/// How mixes compare: price, credits, number of packs (least first).
type MixKey = (Decimal, Decimal, Decimal);

/// The cheapest whole packs, at most two sizes, giving at least `short` credits: by
/// price, then fewest credits bought (least left over), then fewest packs.
fn cheapest_packs(packs: &[&Pack], short: Decimal) -> Option<Vec<PackBuy>> {
    // Bounds the search for mixes on a huge shortfall; single sizes are always tried.
    const MOST_STEPS: u32 = 20_000;
    // A trial pack is sold once: advice never counts on buying it.
    let packs: Vec<&Pack> = packs.iter().copied().filter(|k| !k.trial).collect();
    let sizes: Vec<(&Pack, Decimal)> = packs
        .iter()
        .filter(|k| !k.any_amount)
        .filter_map(|k| Some((*k, k.total_credits().filter(|c| *c > Decimal::ZERO)?)))
        .collect();
    let up = |value: Decimal| {
        value.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::ToPositiveInfinity)
    };
    let mut best: Option<(MixKey, Mix)> = None;
    let mut consider = |mix: Vec<(usize, Decimal)>| {
        let mut price = Decimal::ZERO;
        let mut credits = Decimal::ZERO;
        let mut count = Decimal::ZERO;
        for (i, n) in &mix {
            let (pack, size) = sizes.get(*i)?;
            price = price.checked_add(pack.price.checked_mul(*n)?)?;
            credits = credits.checked_add(size.checked_mul(*n)?)?;
            count = count.checked_add(*n)?;
        }
        let key = (price, credits, count);
        if best
            .as_ref()
            .is_none_or(|(b, _)| key.cmp(b) == Ordering::Less)
        {
            best = Some((key, mix));
        }
        Some(())
    };
    for (a, (_, size_a)) in sizes.iter().enumerate() {
        let Some(n) = short.checked_div(*size_a).map(up) else {
            continue;
        };
        consider(vec![(a, n)]);
        for (b, (_, size_b)) in sizes.iter().enumerate() {
            if a == b {
                continue;
            }
            let mut na = Decimal::ONE;
            let mut steps = 0u32;
            while na < n && steps < MOST_STEPS {
                let rest = na
                    .checked_mul(*size_a)
                    .and_then(|got| short.checked_sub(got));
                let nb = rest.and_then(|r| r.checked_div(*size_b)).map(up);
                if let Some(nb) = nb.filter(|nb| *nb > Decimal::ZERO) {
                    consider(vec![(a, na), (b, nb)]);
                }
                na = na.checked_add(Decimal::ONE)?;
                steps = steps.saturating_add(1);
            }
        }
    }
    let fixed = best.map(|(key, mix)| {
        let mut bought: Vec<PackBuy> = mix
            .into_iter()
            .filter_map(|(i, count)| {
                let (pack, size) = sizes.get(i)?;
                Some(PackBuy {
                    id: pack.id.clone(),
                    name: pack.name.clone(),
                    count,
                    price: pack.price,
                    credits: *size,
                    expiry: pack.expiry,
                    any_amount: false,
                })
            })
            .collect();
        bought.sort_by_key(|b| std::cmp::Reverse(b.credits));
        (key, bought)
    });
    // A purchase of any amount from a least: the shortfall in whole credits (or the least),
    // at the pack's price per credit.
    let any = packs
        .iter()
        .filter(|k| k.any_amount && k.credits > Decimal::ZERO)
        .filter_map(|k| {
            let credits = up(short).max(k.credits);
            let price = k.price.checked_mul(credits)?.checked_div(k.credits)?;
            let buy = PackBuy {
                id: k.id.clone(),
                name: k.name.clone(),
                count: Decimal::ONE,
                price,
                credits,
                expiry: k.expiry,
                any_amount: true,
            };
            Some(((price, credits, Decimal::ONE), vec![buy]))
        });
    fixed
        .into_iter()
        .chain(any)
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, bought)| bought)
}

#[cfg(test)]
mod tests;
