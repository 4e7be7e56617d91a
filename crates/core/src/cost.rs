//! Cost math: what a request costs on a model, and what those credits cost in money.
//!
//! Pure functions over the pricing types: no files, no clock, no terminal.
//! - [`charge`]: the credits (or, on money-billed platforms, the money) one request uses,
//!   from the model's rate, variant, buckets and surcharges.
//! - [`quote`]: those credits priced through a plan (issue 2's formulas):
//!   price per credit = plan price ÷ credits per period (a daily grant counts 30 days a
//!   month); annual = yearly price ÷ (12 × monthly credits); cost per clip = credits ×
//!   price per credit; cost per second = cost per clip ÷ the requested seconds.
//!   Money stays an exact fraction until it is shown.

// The operators of Decimal, i128 Ratio and chrono panic on overflow; every operation in
// this module must be checked, so that no input (a flag, a pricing file) can panic.
#![deny(clippy::arithmetic_side_effects)]

use crate::error::{fail, fail_with_help};
use crate::money::{self, ratio, Amount, MoneyRange, Ratio};
/// Plans are priced monthly or annually (the type lives with the plans it prices).
pub use crate::pricing::BillingPeriod;
use crate::pricing::{Billing, Grant, Model, Pack, Plan, Platform, Provenance, Rate, Variant};
use anyhow::Result;
use rust_decimal::Decimal;

/// What the user asks for (the flags of `estimate`, or one line of a shot list).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Request {
    /// Seconds of output per generation.
    pub duration: Option<Decimal>,
    pub resolution: Option<String>,
    pub audio: bool,
    pub refs: u32,
    pub mode: Option<String>,
    pub chars: Option<u64>,
    /// How many generations; at least 1.
    pub count: u32,
    pub upscale: bool,
    /// Credits the user pins for one generation (a ranged operation's actual cost, or
    /// what the platform really charged); replaces the table's amount.
    pub pinned_credits: Option<Decimal>,
    /// The day the generation runs (or ran), which chooses among a model's earlier rates
    /// (`[[model.before]]`); `None`: today's rates, the newest in the table.
    pub on: Option<chrono::NaiveDate>,
}

impl Request {
    /// Lowercases selectors and checks the numbers a user could get wrong.
    pub fn normalized(mut self) -> Result<Request> {
        if let Some(d) = self.duration {
            if d <= Decimal::ZERO {
                return Err(fail_with_help(
                    format!("duration must be above 0 seconds, got {}", d.normalize()),
                    "pass the length of the clip, e.g. --duration 10",
                ));
            }
        }
        if self.count == 0 {
            return Err(fail("count must be at least 1"));
        }
        self.resolution = self.resolution.map(|r| r.trim().to_lowercase());
        self.mode = self.mode.map(|m| m.trim().to_lowercase());
        Ok(self)
    }
}

/// What one request uses on a model, before any plan or price.
#[derive(Clone, Debug, PartialEq)]
pub struct Charge {
    /// Credits (or money, on money-billed platforms) for one generation.
    pub per_item: Amount,
    /// `per_item × count`.
    pub total: Amount,
    pub count: u32,
    /// Seconds of output per generation (requested, or the bucket's when none was).
    pub seconds: Option<Decimal>,
    /// Seconds the platform bills, when a bucket or offered length rounds the request up.
    pub billed_seconds: Option<Decimal>,
    /// The lowest plan tier that may make this request.
    pub min_plan: Option<usize>,
    /// The plan tier from which this model costs nothing.
    pub included_from: Option<usize>,
    /// The variant used, e.g. `pro, 1080p`; empty for a single-rate model.
    pub variant: String,
    /// Where the variant's rate comes from (sources, grade, verification date).
    pub provenance: Provenance,
    /// Things the user should know about how this was priced.
    pub notes: Vec<String>,
}

/// The credits (or money) a request uses on a model.
pub fn charge(model: &Model, request: &Request) -> Result<Charge> {
    let count = request.count.max(1);
    let mut notes = Vec::new();
    let variant = pick_variant(model, request, &mut notes)?;
    let (rate, provenance, ended) = variant.rate_on(request.on);
    if let Some(until) = ended {
        notes.push(format!("priced at the rate before {until}"));
    }
    let mut min_plan = max_tier(model.min_plan, variant.min_plan);
    let mut seconds = request.duration;
    let mut billed_seconds = None;

    let base = match rate {
        Rate::Flat(amount) => *amount,
        Rate::Buckets(buckets) => {
            // A validated table has at least one bucket; one built in code may not.
            let (Some(first), Some(longest)) = (buckets.first(), buckets.last()) else {
                return Err(fail(format!("{} has no lengths in its table", model.id)));
            };
            let bucket = match request.duration {
                None => {
                    notes.push(format!(
                        "no duration given: priced as the shortest length, {} s",
                        first.seconds.normalize()
                    ));
                    seconds = Some(first.seconds);
                    first
                }
                Some(wanted) => buckets
                    .iter()
                    .find(|b| b.seconds >= wanted)
                    .ok_or_else(|| {
                        fail_with_help(
                            format!(
                                "{} cannot make {} s: its longest length is {} s",
                                model.id,
                                wanted.normalize(),
                                longest.seconds.normalize()
                            ),
                            format!(
                                "{} offers {}",
                                model.id,
                                list_seconds(buckets.iter().map(|b| b.seconds))
                            ),
                        )
                    })?,
            };
            if request.duration.is_some_and(|d| d < bucket.seconds) {
                billed_seconds = Some(bucket.seconds);
            }
            min_plan = max_tier(min_plan, bucket.min_plan);
            bucket.credits
        }
        Rate::PerSecond { rate, durations } => {
            let billed = match (request.duration, durations.first(), durations.last()) {
                (Some(wanted), _, None) => wanted,
                (Some(wanted), _, Some(longest)) => {
                    *durations.iter().find(|d| **d >= wanted).ok_or_else(|| {
                        fail_with_help(
                            format!(
                                "{} cannot make {} s: its longest length is {} s",
                                model.id,
                                wanted.normalize(),
                                longest.normalize()
                            ),
                            format!(
                                "{} offers {}",
                                model.id,
                                list_seconds(durations.iter().copied())
                            ),
                        )
                    })?
                }
                (None, Some(shortest), _) => {
                    notes.push(format!(
                        "no duration given: priced as the shortest length, {} s",
                        shortest.normalize()
                    ));
                    seconds = Some(*shortest);
                    *shortest
                }
                (None, None, _) => {
                    return Err(fail_with_help(
                        format!("{} is priced per second: it needs a duration", model.id),
                        "pass --duration SECS (or `duration` in a shot list)",
                    ))
                }
            };
            if request.duration.is_some_and(|d| d < billed) {
                billed_seconds = Some(billed);
            }
            rate.checked_mul(billed)
                .map_err(|_| too_large(model, &format!("{} s", billed.normalize())))?
        }
        Rate::PerInput { credits, per, unit } => {
            let chars = request.chars.ok_or_else(|| {
                fail_with_help(
                    format!(
                        "{} is priced per {} {}: it needs the input size",
                        model.id,
                        per.normalize(),
                        unit.as_str()
                    ),
                    "pass --chars N (or `chars` in a shot list)",
                )
            })?;
            // Rounded up to whole blocks: 601 characters at 1 credit per 100 is 7 credits.
            // Checked: a tiny `per` (1e-28) makes the quotient overflow a Decimal.
            let input = format!("{chars} {}", unit.as_str());
            let blocks = money::div(Decimal::from(chars), *per)
                .and_then(ceil)
                .map_err(|_| too_large(model, &input))?;
            credits
                .checked_mul(blocks)
                .map_err(|_| too_large(model, &input))?
        }
    };

    let mut per_item = base;
    if request.audio && variant.audio != Some(true) && !model.audio_included {
        match &model.extra.audio {
            Some(extra) => {
                per_item = per_item
                    .checked_add(extra)
                    .map_err(|_| too_large(model, "audio"))?
            }
            None => {
                return Err(fail_with_help(
                    format!("{} has no price for audio in its table", model.id),
                    "leave out --audio, or add the audio price to your own pricing file",
                ))
            }
        }
    }
    if request.refs > 0 {
        if let Some(max) = model.max_refs {
            if request.refs > max {
                return Err(fail(format!(
                    "{} takes at most {max} reference images, got {}",
                    model.id, request.refs
                )));
            }
        }
        match &model.extra.per_ref {
            Some(extra) => {
                per_item = extra
                    .checked_mul(Decimal::from(request.refs))
                    .and_then(|refs| per_item.checked_add(&refs))
                    .map_err(|_| too_large(model, &format!("{} reference images", request.refs)))?
            }
            None => notes.push(format!(
                "the table gives no price for reference images on {}: priced without them",
                model.id
            )),
        }
    }
    if request.upscale {
        match &model.extra.upscale {
            Some(extra) => {
                per_item = per_item
                    .checked_add(extra)
                    .map_err(|_| too_large(model, "an upscale"))?
            }
            None => {
                return Err(fail(format!(
                    "{} has no upscale price in its table",
                    model.id
                )));
            }
        }
    }
    if let Some(pinned) = request.pinned_credits {
        if pinned < per_item.min || (pinned > per_item.max && !per_item.open) {
            notes.push(format!(
                "pinned at {} credits; the table says {}",
                money::fmt_credits(pinned),
                money::fmt_credits_amount(&per_item)
            ));
        }
        per_item = Amount::exact(pinned);
    }
    if model.kind != crate::pricing::Kind::Video && model.kind != crate::pricing::Kind::Audio {
        // Seconds only mean something for video and sound.
        seconds = None;
        billed_seconds = None;
    } else if let (Some(billed), Some(asked)) = (billed_seconds, request.duration) {
        // Said alike for a length asked for (`estimate`, `log`) and one read from a file
        // (`scan`).
        let of = if model.kind == crate::pricing::Kind::Audio {
            "audio"
        } else {
            "video"
        };
        notes.push(format!(
            "billed as {} s for {} s of {of}; cost per second uses the {} s",
            billed.normalize(),
            asked.normalize(),
            asked.normalize()
        ));
    }
    Ok(Charge {
        per_item,
        total: per_item
            .checked_mul(Decimal::from(count))
            .map_err(|_| too_large(model, &format!("{count} generations")))?,
        count,
        seconds,
        billed_seconds,
        min_plan,
        included_from: model.included_from,
        variant: describe_variant(variant),
        provenance: provenance.clone(),
        notes,
    })
}

/// The error for a request whose amount does not fit a Decimal (a huge flag or an absurd
/// rate in a user's table): said, never a panic.
fn too_large(model: &Model, what: &str) -> anyhow::Error {
    fail_with_help(
        format!("{}: the cost of {what} is too large to compute", model.id),
        "check the numbers passed (--count, --duration, --chars, --refs) and the model's rates \
         in the pricing table",
    )
}

/// `value` rounded up to a whole number, checked: `Decimal::ceil` adds one with `+`.
fn ceil(value: Decimal) -> Result<Decimal> {
    let whole = value.trunc();
    if value > whole {
        money::add(whole, Decimal::ONE)
    } else {
        Ok(whole)
    }
}

fn max_tier(a: Option<usize>, b: Option<usize>) -> Option<usize> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn list_seconds(values: impl Iterator<Item = Decimal>) -> String {
    let parts: Vec<String> = values.map(|s| format!("{} s", s.normalize())).collect();
    parts.join(", ")
}

/// `pro, 1080p, audio` — how a variant is named to the user.
pub fn describe_variant(variant: &Variant) -> String {
    let mut parts = Vec::new();
    if let Some(mode) = &variant.mode {
        parts.push(mode.clone());
    }
    if let Some(resolution) = &variant.resolution {
        parts.push(resolution.clone());
    }
    match variant.audio {
        Some(true) => parts.push("audio".to_string()),
        Some(false) => parts.push("no audio".to_string()),
        None => {}
    }
    parts.join(", ")
}

/// Chooses the variant a request means.
///
/// A selector the request names must match exactly; a variant that leaves it open only
/// serves the request when no variant names the requested value (so a `4k` variant is
/// not undercut by a `pro` one that says nothing about resolution). A selector the
/// request leaves open takes the model's default: the first value any variant names.
/// Among what is left, the variant naming fewest unrequested defaults wins, then the
/// first listed. No match is an error that lists what the model offers.
fn pick_variant<'m>(
    model: &'m Model,
    request: &Request,
    notes: &mut Vec<String>,
) -> Result<&'m Variant> {
    let variants = &model.variants;
    // A mode on a model whose table names none would be priced as if it were not there:
    // said as an error (as `estimate` and `log` say an unknown one on a model that has some).
    if let Some(mode) = &request.mode {
        if variants.iter().all(|v| v.mode.is_none()) {
            return Err(fail_with_help(
                format!(
                    "{} has no modes in its table (asked for `{}`)",
                    model.id,
                    mode.escape_debug()
                ),
                "leave out --mode for this model",
            ));
        }
    }
    if variants.len() == 1
        && variants[0].mode.is_none()
        && variants[0].resolution.is_none()
        && variants[0].audio.is_none()
    {
        check_resolution_offered(model, request, notes)?;
        return Ok(&variants[0]);
    }
    let default_mode = variants.iter().find_map(|v| v.mode.clone());
    let default_resolution = variants.iter().find_map(|v| v.resolution.clone());
    let mode_named = |value: &str| variants.iter().any(|v| v.mode.as_deref() == Some(value));
    let resolution_named = |value: &str| {
        variants
            .iter()
            .any(|v| v.resolution.as_deref() == Some(value))
    };
    let audio_named = variants.iter().any(|v| v.audio == Some(true));

    let mut best: Option<(usize, &Variant)> = None;
    for v in variants {
        // One point per selector the variant names that the request left open.
        let penalty = [
            request.mode.is_none() && v.mode.is_some(),
            request.resolution.is_none() && v.resolution.is_some(),
        ]
        .iter()
        .filter(|named| **named)
        .count();
        let ok_mode = match (&request.mode, &v.mode) {
            (Some(want), Some(has)) => want == has,
            (Some(want), None) => !mode_named(want),
            (None, Some(has)) => Some(has) == default_mode.as_ref(),
            (None, None) => true,
        };
        let ok_resolution = match (&request.resolution, &v.resolution) {
            (Some(want), Some(has)) => want == has,
            (Some(want), None) => !resolution_named(want),
            (None, Some(has)) => Some(has) == default_resolution.as_ref(),
            (None, None) => true,
        };
        let ok_audio = match (request.audio, v.audio) {
            (true, Some(has)) => has,
            (true, None) => !audio_named,
            (false, Some(has)) => !has,
            (false, None) => true,
        };
        if ok_mode && ok_resolution && ok_audio && best.is_none_or(|(p, _)| penalty < p) {
            best = Some((penalty, v));
        }
    }
    let Some((_, chosen)) = best else {
        let offered: Vec<String> = variants.iter().map(describe_variant).collect();
        let mut asked = Vec::new();
        if let Some(m) = &request.mode {
            asked.push(format!("mode {m}"));
        }
        if let Some(r) = &request.resolution {
            asked.push(r.clone());
        }
        if request.audio {
            asked.push("audio".to_string());
        }
        return Err(fail_with_help(
            format!(
                "{} has no price for {} in its table",
                model.id,
                asked.join(" + ")
            ),
            format!("{} offers: {}", model.id, offered.join("; ")),
        ));
    };
    if request.mode.is_none() {
        if let Some(mode) = &chosen.mode {
            notes.push(format!(
                "no mode given: priced as {mode} (the table's first)"
            ));
        }
    }
    if request.resolution.is_none() {
        if let Some(resolution) = &chosen.resolution {
            notes.push(format!(
                "no resolution given: priced at {resolution} (the table's first)"
            ));
        }
    }
    if request.resolution.is_some() && chosen.resolution.is_none() {
        check_resolution_offered(model, request, notes)?;
    }
    Ok(chosen)
}

/// A requested resolution against a model's `resolutions` list; unknown is said, not guessed.
fn check_resolution_offered(
    model: &Model,
    request: &Request,
    notes: &mut Vec<String>,
) -> Result<()> {
    let Some(want) = &request.resolution else {
        return Ok(());
    };
    if model.resolutions.is_empty() {
        notes.push(format!(
            "the table does not say which resolutions {} offers",
            model.id
        ));
    } else if !model.resolutions.contains(want) && model.resolutions_complete {
        return Err(fail_with_help(
            format!("{} does not offer {want}", model.id),
            format!("{} offers {}", model.id, model.resolutions.join(", ")),
        ));
    } else if !model.resolutions.contains(want) {
        notes.push(format!(
            "the table lists {} for {}, not {want}: priced at its base rate",
            model.resolutions.join(", "),
            model.id
        ));
    }
    Ok(())
}

/// Credits a plan grants in a month: daily grants count 30 days (the written rule).
pub(crate) fn monthly_credits(plan: &Plan) -> Option<Decimal> {
    let credits = plan.credits?;
    match plan.grant {
        Grant::Monthly | Grant::Once => Some(credits),
        Grant::Daily => credits.checked_mul(Decimal::from(30)),
    }
}

/// A plan's price per credit, or why it has none.
pub fn plan_price_per_credit(plan: &Plan, billing: BillingPeriod) -> Result<Ratio, String> {
    if plan.is_free() {
        return Err(format!("{} is free: its credits have no price", plan.name));
    }
    let credits = monthly_credits(plan)
        .filter(|c| !c.is_zero())
        .ok_or_else(|| format!("the table does not give {}'s credits", plan.name))?;
    match billing {
        BillingPeriod::Monthly => {
            let price = plan
                .price
                .ok_or_else(|| format!("the table does not give {}'s price", plan.name))?;
            money::rdiv(&ratio(price), &ratio(credits)).map_err(|e| e.to_string())
        }
        BillingPeriod::Annual => {
            if plan.grant == Grant::Once {
                return Err(format!(
                    "{} grants its credits once: no annual billing",
                    plan.name
                ));
            }
            let yearly = plan
                .annual_price
                .ok_or_else(|| format!("the table gives no annual price for {}", plan.name))?;
            money::rmul(&ratio(credits), &Ratio::from_integer(12))
                .and_then(|months| money::rdiv(&ratio(yearly), &months))
                .map_err(|e| e.to_string())
        }
    }
}

/// The price the first period's promotion gives, as a sentence; `None` without one.
pub fn promotion_note(plan: &Plan, currency: &str) -> Option<String> {
    let promo = plan.promotion.as_ref()?;
    let credits = plan.credits?;
    let mut parts = Vec::new();
    let mut first_credits = credits;
    if let Some(pct) = promo.bonus_percent {
        // Checked: schema validation bounds credits and percent so these fit, but a table
        // built in code is not validated; with no number there is no note.
        let mut bonus = credits
            .checked_mul(pct)?
            .checked_div(Decimal::ONE_HUNDRED)?;
        if let Some(cap) = promo.bonus_cap {
            bonus = bonus.min(cap);
        }
        first_credits = first_credits.checked_add(bonus)?;
        parts.push(format!(
            "+{}% bonus credits ({} credits)",
            pct.normalize(),
            money::fmt_credits(bonus)
        ));
    }
    let price = promo.first_period_price.or(plan.price)?;
    if let Some(p) = promo.first_period_price {
        parts.push(format!("first month {}", money::fmt_money(p, currency)));
    }
    if first_credits.is_zero() {
        return None;
    }
    let per_credit = money::to_decimal(&money::rdiv(&ratio(price), &ratio(first_credits)).ok()?);
    Some(format!(
        "{}: {} → {} per credit in the first month",
        plan.name,
        parts.join(", "),
        money::fmt_money(per_credit, currency)
    ))
}

/// How the credits of a request are priced.
#[derive(Clone, Debug, Default)]
pub struct PricingChoice {
    /// `--plan`: price with this plan and say whether it allows the request.
    pub plan: Option<String>,
    pub billing: BillingPeriod,
    /// `--price-per-credit`: the user's own price, overriding any plan's.
    pub price_per_credit: Option<Decimal>,
}

/// Where a price per credit came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PriceSource {
    /// The plan the user named.
    ChosenPlan,
    /// The cheapest paid plan that allows the request.
    CheapestPlan,
    /// `--price-per-credit`.
    User,
    /// A money-billed platform: the rate is already money.
    MoneyBilled,
    /// A platform with no plans that sells credits in packs (Runway's and Kling's APIs):
    /// the price per credit of the cheapest pack to buy, trial packs left out.
    Pack,
}

/// A fully priced request.
#[derive(Clone, Debug)]
pub struct Quote {
    pub platform: String,
    /// The table's date: the oldest verification date of its numbers.
    pub as_of: chrono::NaiveDate,
    pub model: String,
    pub model_name: String,
    pub currency: String,
    pub charge: Charge,
    /// Credits for all `count` generations; `None` on money-billed platforms.
    pub credits: Option<Amount>,
    /// The plan used to price (named by the user or chosen), by display name.
    pub plan: Option<String>,
    pub billing: BillingPeriod,
    pub price_per_credit: Option<Ratio>,
    pub price_source: Option<PriceSource>,
    /// Why money is unknown, when it is.
    pub unknown_money: Option<String>,
    /// Money for one generation.
    pub cost_per_clip: Option<MoneyRange>,
    /// Money for all `count` generations.
    pub cost_total: Option<MoneyRange>,
    pub cost_per_second: Option<MoneyRange>,
    pub min_plan: Option<String>,
    /// Whether the plan used meets the minimum plan (`None` when no plan is involved).
    pub allowed: Option<bool>,
    /// Whether a free plan allows this request (`None` when the platform has no free plan).
    pub free_tier_allows: Option<bool>,
    /// How many such generations one grant period of the plan buys, and the period.
    pub clips_per_period: Option<(Decimal, &'static str)>,
    pub notes: Vec<String>,
}

/// The pack that prices a platform's credits when it has no plans: the cheapest one to buy
/// (as the cheapest paid plan prices a table with plans), trial packs left out (sold
/// once), with its price per credit (bonus counted). Larger packs may cost less a credit:
/// [`pack_note`] says so.
pub fn entry_pack(platform: &Platform) -> Option<(Ratio, &Pack)> {
    priced_packs(platform).min_by(|a, b| (a.1.price, &a.0).cmp(&(b.1.price, &b.0)))
}

/// How the note of a price from [`entry_pack`] starts: a price from the balance (the pack
/// actually bought) drops it.
pub const PACK_NOTE_START: &str = "no plans: ";

/// The non-trial packs with a price per credit.
fn priced_packs(platform: &Platform) -> impl Iterator<Item = (Ratio, &Pack)> {
    platform.packs.iter().filter(|k| !k.trial).filter_map(|k| {
        let credits = k.total_credits().filter(|c| !c.is_zero())?;
        Some((money::rdiv(&ratio(k.price), &ratio(credits)).ok()?, k))
    })
}

/// The note beside a price from [`entry_pack`]: which pack, and the pack that costs least a
/// credit when it is another one.
fn pack_note(platform: &Platform, entry: &Pack, per_credit: &Ratio) -> String {
    let currency = &platform.currency;
    let mut note = format!(
        "{PACK_NOTE_START}credits priced as in the cheapest pack to buy, {} ({} a credit)",
        entry.name,
        money::fmt_money(money::to_decimal(per_credit), currency)
    );
    if let Some((best, pack)) = priced_packs(platform).min_by(|a, b| a.0.cmp(&b.0)) {
        if best < *per_credit {
            note.push_str(&format!(
                "; {} costs less a credit ({})",
                pack.name,
                money::fmt_money(money::to_decimal(&best), currency)
            ));
        }
    }
    note
}

/// Prices a request on a platform's model.
pub fn quote(
    platform: &Platform,
    model: &Model,
    request: &Request,
    choice: &PricingChoice,
) -> Result<Quote> {
    let mut charge = charge(model, request)?;
    let mut notes = std::mem::take(&mut charge.notes);
    let count = charge.count;
    let too_large = || too_large(model, &format!("{count} generations"));
    let currency = platform.currency.clone();
    // With no gate, the minimum is the lowest plan there is.
    let min_plan_name = charge
        .min_plan
        .or((!platform.plans.is_empty()).then_some(0))
        .map(|t| platform.plan_name(t).to_string());

    if platform.billing == Billing::Money {
        let per_clip = MoneyRange::from_amount(&charge.per_item);
        return Ok(Quote {
            platform: platform.id.clone(),
            as_of: platform.as_of,
            model: model.id.clone(),
            model_name: model.name.clone(),
            currency,
            cost_per_second: per_second(&per_clip, charge.seconds).map_err(|_| too_large())?,
            cost_total: Some(MoneyRange::from_amount(&charge.total)),
            cost_per_clip: Some(per_clip),
            charge,
            credits: None,
            plan: None,
            billing: choice.billing,
            price_per_credit: None,
            price_source: Some(PriceSource::MoneyBilled),
            unknown_money: None,
            min_plan: None,
            allowed: Some(true),
            free_tier_allows: None,
            clips_per_period: None,
            notes,
        });
    }

    let meets = |plan: &Plan| charge.min_plan.is_none_or(|min| plan.tier >= min);
    let free_tier_allows = platform
        .plans
        .iter()
        .any(Plan::is_free)
        .then(|| platform.plans.iter().any(|p| p.is_free() && meets(p)));

    // The plan that prices the credits: the user's, or the cheapest paid one allowed.
    let named_plan = match &choice.plan {
        Some(name) => Some(platform.plan(name)?),
        None => None,
    };
    let plan = named_plan.or_else(|| {
        platform
            .plans
            .iter()
            .filter(|p| meets(p) && plan_price_per_credit(p, choice.billing).is_ok())
            .min_by_key(|p| {
                let price = match choice.billing {
                    BillingPeriod::Monthly => p.price,
                    BillingPeriod::Annual => p.annual_price,
                };
                (price.unwrap_or(Decimal::MAX), p.tier)
            })
    });

    let included = match (plan, charge.included_from) {
        (Some(p), Some(from)) => p.tier >= from,
        _ => false,
    };
    if let Some(from) = charge.included_from {
        if included {
            notes.push(format!(
                "included in {} and above: no credits charged",
                platform.plan_name(from)
            ));
        } else {
            notes.push(format!("free on {} and above", platform.plan_name(from)));
        }
    }
    let credits_per_item = if included {
        Amount::ZERO
    } else {
        charge.per_item
    };
    let credits_total = credits_per_item
        .checked_mul(Decimal::from(count))
        .map_err(|_| too_large())?;

    let (price_per_credit, price_source, unknown_money) = match (choice.price_per_credit, plan) {
        (Some(user), _) => (Some(ratio(user)), Some(PriceSource::User), None),
        (None, Some(p)) => match plan_price_per_credit(p, choice.billing) {
            Ok(price) => (
                Some(price),
                Some(if named_plan.is_some() {
                    PriceSource::ChosenPlan
                } else {
                    PriceSource::CheapestPlan
                }),
                None,
            ),
            Err(why) => (None, None, Some(why)),
        },
        (None, None) if platform.plans.is_empty() && entry_pack(platform).is_some() => {
            let (price, pack) = entry_pack(platform).expect("checked just above");
            notes.push(pack_note(platform, pack, &price));
            (Some(price), Some(PriceSource::Pack), None)
        }
        (None, None) => {
            let why = if platform
                .plans
                .iter()
                .any(|p| p.price.is_some_and(|x| !x.is_zero()))
            {
                "no paid plan that allows this request has a known price".to_string()
            } else {
                format!("the {} table gives no plan prices", platform.id)
            };
            (None, None, Some(why))
        }
    };
    let unknown_money =
        unknown_money.map(|why| format!("{why}; pass --price-per-credit to supply one"));
    // What priced the credits, as the plan column shows it ("pack API credit").
    let plan_label = match price_source {
        Some(PriceSource::Pack) => entry_pack(platform).map(|(_, k)| format!("pack {}", k.name)),
        _ => plan.map(|p| p.name.clone()),
    };

    let cost_per_clip = match &price_per_credit {
        Some(price) => Some(
            MoneyRange::from_amount(&credits_per_item)
                .checked_mul(price)
                .map_err(|_| too_large())?,
        ),
        None => None,
    };
    let cost_total = match &cost_per_clip {
        Some(c) => Some(
            c.checked_mul(&Ratio::from_integer(count.into()))
                .map_err(|_| too_large())?,
        ),
        None => None,
    };
    let cost_per_second = match &cost_per_clip {
        Some(c) => per_second(c, charge.seconds).map_err(|_| too_large())?,
        None => None,
    };

    let clips_per_period = plan.filter(|p| meets(p)).and_then(|p| {
        let credits = p.credits?;
        if credits_per_item.max.is_zero() {
            return None;
        }
        // Ranges count at their most, so the number is one the plan surely buys.
        Some((
            credits.checked_div(credits_per_item.max)?.floor(),
            p.grant.as_str(),
        ))
    });
    if let Some(p) = plan {
        if let Some(note) = promotion_note(p, &currency) {
            notes.push(note);
        }
    }

    Ok(Quote {
        platform: platform.id.clone(),
        as_of: platform.as_of,
        model: model.id.clone(),
        model_name: model.name.clone(),
        currency,
        credits: Some(credits_total),
        plan: plan_label,
        billing: choice.billing,
        price_per_credit,
        price_source,
        unknown_money,
        cost_per_clip,
        cost_total,
        cost_per_second,
        min_plan: min_plan_name,
        allowed: plan.map(meets),
        free_tier_allows,
        clips_per_period,
        notes,
        charge,
    })
}

fn per_second(per_clip: &MoneyRange, seconds: Option<Decimal>) -> Result<Option<MoneyRange>> {
    match seconds {
        Some(s) if !s.is_zero() => Ok(Some(per_clip.checked_div(&ratio(s))?)),
        _ => Ok(None),
    }
}

/// Seed 002's spreadsheet: price per credit, cost per clip and per second, no table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calc {
    pub price_per_credit: Ratio,
    pub cost_per_clip: Ratio,
    pub cost_per_second: Option<Ratio>,
}

pub fn calc(
    plan_price: Decimal,
    plan_credits: Decimal,
    clip_credits: Decimal,
    seconds: Option<Decimal>,
) -> Result<Calc> {
    if plan_credits <= Decimal::ZERO {
        return Err(fail("--plan-credits must be above 0"));
    }
    for (name, value) in [
        ("--plan-price", plan_price),
        ("--clip-credits", clip_credits),
    ] {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(fail(format!("{name} must not be negative, got {value}")));
        }
    }
    let too_large = |_| {
        fail_with_help(
            "the result is too large to compute exactly",
            "check --plan-price, --plan-credits, --clip-credits and --seconds for a mistyped number",
        )
    };
    let price_per_credit =
        money::rdiv(&ratio(plan_price), &ratio(plan_credits)).map_err(too_large)?;
    let cost_per_clip = money::rmul(&price_per_credit, &ratio(clip_credits)).map_err(too_large)?;
    let cost_per_second = match seconds {
        Some(s) if s <= Decimal::ZERO => {
            return Err(fail(format!("--seconds must be above 0, got {s}")))
        }
        Some(s) => Some(money::rdiv(&cost_per_clip, &ratio(s)).map_err(too_large)?),
        None => None,
    };
    Ok(Calc {
        price_per_credit,
        cost_per_clip,
        cost_per_second,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::schema::parse_platform;
    use crate::pricing::Origin;
    use proptest::prelude::*;

    fn platform(text: &str) -> Platform {
        parse_platform(text, Origin::Builtin("test.toml".into())).unwrap()
    }

    fn dec(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    const BUCKETS: &str = r#"
name = "Buckets"
as_of = 2026-11-01
[[plan]]
name = "Free"
price = 0
credits = 100
[[plan]]
name = "Pro"
price = 30
annual_price = 288
credits = 3000
[[plan]]
name = "Max"
price = 100
credits = 12000
[[model]]
name = "Kling AI"
buckets = [{ seconds = 5, credits = 70 }, { seconds = 10, credits = 140 }, { seconds = 30, credits = 420, min_plan = "Pro" }, { seconds = 60, credits = 840, min_plan = "Max" }]
"#;

    #[test]
    fn a_request_rounds_up_to_the_next_bucket_and_gates_by_its_plan() {
        let p = platform(BUCKETS);
        let m = &p.models[0];
        let req = Request {
            duration: Some(dec("12")),
            count: 1,
            ..Request::default()
        };
        let c = charge(m, &req).unwrap();
        assert_eq!(c.per_item, Amount::exact(dec("420")));
        assert_eq!(c.billed_seconds, Some(dec("30")));
        assert_eq!(c.min_plan, Some(1));
        let too_long = Request {
            duration: Some(dec("61")),
            count: 1,
            ..Request::default()
        };
        let err = crate::error::describe(&charge(m, &too_long).unwrap_err());
        assert!(err.contains("longest length is 60 s"), "{err}");
        assert!(err.contains("5 s, 10 s, 30 s, 60 s"), "{err}");
    }

    #[test]
    fn the_cheapest_paid_plan_that_allows_the_request_prices_it() {
        let p = platform(BUCKETS);
        let m = &p.models[0];
        let req = Request {
            duration: Some(dec("30")),
            count: 1,
            ..Request::default()
        };
        let q = quote(&p, m, &req, &PricingChoice::default()).unwrap();
        assert_eq!(q.plan.as_deref(), Some("Pro"));
        assert_eq!(q.price_per_credit, Some(Ratio::new(1, 100)));
        assert_eq!(
            q.cost_per_clip.unwrap().to_amount(),
            Amount::exact(dec("4.2"))
        );
        assert_eq!(
            q.cost_per_second.unwrap().to_amount(),
            Amount::exact(dec("0.14"))
        );
        assert_eq!(q.free_tier_allows, Some(false));
        assert_eq!(q.clips_per_period, Some((dec("7"), "month")));
    }

    #[test]
    fn a_named_plan_below_the_minimum_is_reported_not_allowed() {
        let p = platform(BUCKETS);
        let req = Request {
            duration: Some(dec("60")),
            count: 1,
            ..Request::default()
        };
        let choice = PricingChoice {
            plan: Some("pro".into()),
            ..PricingChoice::default()
        };
        let q = quote(&p, &p.models[0], &req, &choice).unwrap();
        assert_eq!(q.allowed, Some(false));
        assert_eq!(q.min_plan.as_deref(), Some("Max"));
    }

    #[test]
    fn a_free_plan_has_no_price_per_credit_and_annual_uses_twelve_months() {
        let p = platform(BUCKETS);
        assert!(plan_price_per_credit(&p.plans[0], BillingPeriod::Monthly).is_err());
        assert_eq!(
            plan_price_per_credit(&p.plans[1], BillingPeriod::Annual).unwrap(),
            Ratio::new(288, 36000)
        );
        assert!(plan_price_per_credit(&p.plans[2], BillingPeriod::Annual).is_err());
    }

    #[test]
    fn seed_002_spreadsheet() {
        let c = calc(dec("30"), dec("3000"), dec("50"), Some(dec("5"))).unwrap();
        assert_eq!(c.price_per_credit, Ratio::new(1, 100));
        assert_eq!(c.cost_per_clip, Ratio::new(1, 2));
        assert_eq!(c.cost_per_second, Some(Ratio::new(1, 10)));
    }

    #[test]
    fn per_input_rounds_up_to_whole_blocks() {
        let p = platform(
            "name = \"S\"\nas_of = 2026-01-01\n[[model]]\nname = \"TTS\"\nkind = \"audio\"\nper_input = { credits = 1, per = 100, unit = \"chars\" }\n",
        );
        let req = Request {
            chars: Some(601),
            count: 1,
            ..Request::default()
        };
        assert_eq!(
            charge(&p.models[0], &req).unwrap().per_item,
            Amount::exact(dec("7"))
        );
    }

    const MAX: &str = "79228162514264337593543950335";
    const TINY: &str = "0.0000000000000000000000000001";

    /// Renders an error as the binary prints it.
    fn shown(err: anyhow::Error) -> String {
        crate::error::describe(&err)
    }

    #[test]
    fn a_tiny_per_input_block_is_an_error_not_a_panic() {
        // Validation refuses such a table; one built in code must still not panic.
        let mut p = platform(
            "name = \"S\"\nas_of = 2026-01-01\n[[model]]\nname = \"TTS\"\nkind = \"audio\"\nper_input = { credits = 1, per = 100, unit = \"chars\" }\n",
        );
        if let Rate::PerInput { per, .. } = &mut p.models[0].variants[0].rate {
            *per = dec(TINY);
        }
        for chars in [1000, u64::MAX] {
            let req = Request {
                chars: Some(chars),
                count: 1,
                ..Request::default()
            };
            let err = shown(charge(&p.models[0], &req).unwrap_err());
            assert!(err.contains("tts: the cost of"), "{err}");
            assert!(err.contains("too large"), "{err}");
            assert!(err.contains("help: "), "{err}");
        }
    }

    #[test]
    fn a_table_without_plans_prices_credits_at_its_cheapest_pack_to_buy_never_a_trial() {
        // A trial pack (the cheapest per credit, $0.05) is sold once: left out. Of the rest,
        // the cheapest to buy ($70 for 500, $0.14) prices the credits, and the note names the
        // pack that costs less a credit ($1,260 for 10,000, $0.126).
        let p = platform(
            "name = \"K\"\nas_of = 2026-01-01\n\
             [[pack]]\nname = \"Trial\"\nprice = 5\ncredits = 100\ntrial = true\n\
             [[pack]]\nname = \"Big\"\nprice = 1260\ncredits = 10000\n\
             [[pack]]\nname = \"Small\"\nprice = 70\ncredits = 500\n\
             [[model]]\nname = \"M\"\nper_second = 0.6\n",
        );
        let req = Request {
            duration: Some(dec("5")),
            count: 1,
            ..Request::default()
        };
        let q = quote(&p, &p.models[0], &req, &PricingChoice::default()).unwrap();
        assert_eq!(q.price_source, Some(PriceSource::Pack));
        assert_eq!(q.plan.as_deref(), Some("pack Small"));
        assert_eq!(q.price_per_credit, Some(Ratio::new(7.into(), 50.into())));
        // 3 credits × $0.14 = $0.42 exactly.
        assert_eq!(
            q.cost_per_clip.map(|m| m.to_amount()),
            Some(Amount::exact(dec("0.42")))
        );
        assert!(q.unknown_money.is_none());
        let note = q.notes.iter().find(|n| n.starts_with("no plans")).unwrap();
        assert!(note.contains("Small ($0.14 a credit)"), "{note}");
        assert!(note.contains("Big costs less a credit ($0.13)"), "{note}");
        assert!(!note.contains("Trial"), "{note}");
        // Only a trial pack: nothing prices the credits, and money is unknown.
        let trial_only = platform(
            "name = \"T\"\nas_of = 2026-01-01\n[[pack]]\nname = \"Trial\"\nprice = 5\ncredits = 100\ntrial = true\n[[model]]\nname = \"M\"\ncredits = 1\n",
        );
        let q = quote(
            &trial_only,
            &trial_only.models[0],
            &Request {
                count: 1,
                ..Request::default()
            },
            &PricingChoice::default(),
        )
        .unwrap();
        assert!(q.price_per_credit.is_none());
        assert!(q.unknown_money.is_some());
    }

    #[test]
    fn huge_requests_are_errors_not_panics() {
        let p = platform(
            "name = \"P\"\nas_of = 2026-01-01\n[[plan]]\nname = \"Paid\"\nprice = 10\ncredits = 1000\n[[model]]\nname = \"M\"\nper_second = 1000000000000000\nextra = { per_ref = 1000000000000000 }\n",
        );
        let m = &p.models[0];
        let requests = [
            Request {
                duration: Some(dec(MAX)),
                count: 1,
                ..Request::default()
            },
            Request {
                duration: Some(dec("1000000000000")),
                count: u32::MAX,
                ..Request::default()
            },
        ];
        for req in &requests {
            let err = shown(quote(&p, m, req, &PricingChoice::default()).unwrap_err());
            assert!(err.contains("too large"), "{err}");
        }
        // u32::MAX reference images at 1e15 each fit a Decimal; the count then does not.
        let refs = Request {
            duration: Some(dec("1")),
            refs: u32::MAX,
            count: u32::MAX,
            ..Request::default()
        };
        assert!(quote(&p, m, &refs, &PricingChoice::default()).is_err());
        // Money that overflows the exact fraction is an error too.
        let choice = PricingChoice {
            price_per_credit: Some(dec(MAX)),
            ..PricingChoice::default()
        };
        let one = Request {
            duration: Some(dec("1000")),
            count: 1000,
            ..Request::default()
        };
        assert!(quote(&p, m, &one, &choice).is_err());
    }

    const EARLIER: &str = r#"
name = "Veo"
billing = "money"
sources = [
  { id = "now", title = "Now", date = 2026-06-01, grade = "official" },
  { id = "then", title = "Then", date = 2026-03-01, grade = "third-party" },
]
[[model]]
name = "fast"
source = "now"
[[model.variant]]
resolution = "720p"
per_second = 0.10
[[model.variant.before]]
until = 2026-01-01
per_second = 0.20
source = "then"
[[model.variant.before]]
until = 2026-04-07
per_second = 0.15
source = "then"
[[model.variant]]
resolution = "1080p"
per_second = 0.12
"#;

    #[test]
    fn the_rate_in_force_on_the_generations_day_prices_it() {
        let p = platform(EARLIER);
        let m = &p.models[0];
        let on = |day: Option<&str>, resolution: &str| {
            let req = Request {
                duration: Some(dec("10")),
                resolution: Some(resolution.into()),
                count: 1,
                on: day.map(|d| d.parse().unwrap()),
                ..Request::default()
            };
            charge(m, &req).unwrap()
        };
        // `until` is the first day of the next rate: the day before still has the old one.
        let before = on(Some("2026-04-06"), "720p");
        assert_eq!(before.per_item, Amount::exact(dec("1.5")));
        assert_eq!(before.notes, ["priced at the rate before 2026-04-07"]);
        assert_eq!(before.provenance.sources[0].id, "then");
        let cut = on(Some("2026-04-07"), "720p");
        assert_eq!(cut.per_item, Amount::exact(dec("1.0")));
        assert!(cut.notes.is_empty(), "{:?}", cut.notes);
        assert_eq!(cut.provenance.sources[0].id, "now");
        // Several earlier rates: each holds from the previous one's `until` to its own.
        let older = on(Some("2025-12-31"), "720p");
        assert_eq!(older.per_item, Amount::exact(dec("2")));
        assert_eq!(older.notes, ["priced at the rate before 2026-01-01"]);
        assert_eq!(
            on(Some("2026-01-01"), "720p").per_item,
            Amount::exact(dec("1.5"))
        );
        // No day: today's rate. A variant with no earlier rates has one rate on every day.
        assert_eq!(on(None, "720p").per_item, Amount::exact(dec("1.0")));
        assert_eq!(
            on(Some("2025-01-01"), "1080p").per_item,
            Amount::exact(dec("1.2"))
        );
        // The quote carries the note.
        let req = Request {
            duration: Some(dec("10")),
            resolution: Some("720p".into()),
            count: 1,
            on: Some("2026-03-01".parse().unwrap()),
            ..Request::default()
        };
        let q = quote(&p, m, &req, &PricingChoice::default()).unwrap();
        assert!(
            q.notes
                .contains(&"priced at the rate before 2026-04-07".to_string()),
            "{:?}",
            q.notes
        );
    }

    #[test]
    fn a_model_with_no_buckets_is_an_error_not_a_panic() {
        let mut p = platform(BUCKETS);
        p.models[0].variants[0].rate = Rate::Buckets(Vec::new());
        for duration in [None, Some(dec("5"))] {
            let req = Request {
                duration,
                count: 1,
                ..Request::default()
            };
            let err = shown(charge(&p.models[0], &req).unwrap_err());
            assert!(err.contains("no lengths"), "{err}");
        }
    }

    #[test]
    fn an_absurd_promotion_gives_no_note_rather_than_a_panic() {
        let mut plan = platform(BUCKETS).plans[1].clone();
        plan.credits = Some(dec(MAX));
        plan.promotion = Some(crate::pricing::Promotion {
            first_period_price: None,
            bonus_percent: Some(dec(MAX)),
            bonus_cap: None,
            ..Default::default()
        });
        assert_eq!(promotion_note(&plan, "USD"), None);
        // Credits at the maximum plus any bonus overflow the sum: still no panic.
        plan.promotion = Some(crate::pricing::Promotion {
            first_period_price: None,
            bonus_percent: Some(dec("50")),
            bonus_cap: None,
            ..Default::default()
        });
        assert_eq!(promotion_note(&plan, "USD"), None);
        // A sane one still reads.
        plan.credits = Some(dec("3000"));
        let note = promotion_note(&plan, "USD").unwrap();
        assert!(
            note.contains("+50% bonus credits (1,500 credits)"),
            "{note}"
        );
    }

    #[test]
    fn calc_overflow_is_a_user_error() {
        let err = shown(calc(dec(MAX), dec(TINY), dec(MAX), Some(dec(TINY))).unwrap_err());
        assert!(err.contains("too large"), "{err}");
        assert!(err.contains("help: "), "{err}");
        assert!(calc(dec(MAX), dec("1"), dec(MAX), Some(dec(TINY))).is_err());
    }

    #[test]
    fn ceil_is_checked() {
        assert_eq!(ceil(dec("6.01")).unwrap(), dec("7"));
        assert_eq!(ceil(dec("6")).unwrap(), dec("6"));
        assert_eq!(ceil(dec("-6.5")).unwrap(), dec("-6"));
        assert_eq!(ceil(dec(MAX)).unwrap(), dec(MAX));
    }

    proptest! {
        /// cost per second × seconds = cost per clip, exactly, for any price and length.
        #[test]
        fn cost_per_second_times_seconds_is_cost_per_clip(
            rate in 1u32..50_000, rate_scale in 0u32..4,
            price in 1u32..100_000, credits in 1u32..100_000,
            seconds in 1u32..600, seconds_scale in 0u32..2, count in 1u32..20,
        ) {
            let text = format!(
                "name = \"P\"\nas_of = 2026-01-01\n[[plan]]\nname = \"Paid\"\nprice = \"{}\"\ncredits = {credits}\n[[model]]\nname = \"M\"\nper_second = \"{}\"\n",
                Decimal::new(price.into(), 2), Decimal::new(rate.into(), rate_scale),
            );
            let p = platform(&text);
            let secs = Decimal::new(seconds.into(), seconds_scale);
            let req = Request { duration: Some(secs), count, ..Request::default() };
            let q = quote(&p, &p.models[0], &req, &PricingChoice::default()).unwrap();
            let per_clip = q.cost_per_clip.unwrap();
            let per_second = q.cost_per_second.unwrap();
            prop_assert_eq!(per_second.checked_mul(&ratio(secs)).unwrap(), per_clip);
            prop_assert_eq!(per_clip.checked_mul(&Ratio::from_integer(count.into())).unwrap(), q.cost_total.unwrap());
        }

        /// A shot list's total is the sum of its lines, ranges included.
        #[test]
        fn a_shot_lists_total_is_the_sum_of_its_lines(
            lines in proptest::collection::vec((0usize..4, 1u32..10), 1..12),
        ) {
            let models = ["flux-schnell", "kling-v2.1", "script-generation", "google-veo2"];
            let mut text = String::from("platform = \"videodraft\"\n");
            for (m, count) in &lines {
                text.push_str(&format!("[[shot]]\nmodel = \"{}\"\ncount = {count}\n", models[*m]));
            }
            let list = crate::shots::parse(&text).unwrap();
            let catalog = crate::pricing::catalog::Catalog::builtin();
            let priced = crate::shots::price_with_text(&catalog, &list, Some(&text), None, &PricingChoice::default()).unwrap();
            let mut sum = Amount::ZERO;
            for line in &priced.lines {
                sum = sum.checked_add(line.quote.credits.as_ref().unwrap()).unwrap();
            }
            prop_assert_eq!(priced.total_credits.unwrap(), sum);
            let open = lines.iter().any(|(m, _)| *m == 2);
            prop_assert_eq!(!sum.is_exact(), open);
        }
    }
}
