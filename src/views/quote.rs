//! One quote, the documented JSON object of `estimate --json` and each row of `compare --json`.

use super::{dec, ratio, AmountField, Dec};
use credits_core::cost::{PriceSource, Quote};
use credits_core::pricing::Provenance;
use serde::Serialize;

#[derive(Serialize)]
pub struct QuoteView<'a> {
    pub platform: &'a str,
    pub model: &'a str,
    pub model_name: &'a str,
    pub variant: &'a str,
    pub count: u32,
    pub seconds: Option<Dec>,
    pub billed_seconds: Option<Dec>,
    #[serde(flatten)]
    pub credits: AmountField,
    pub currency: &'a str,
    pub plan: Option<&'a str>,
    pub billing: &'static str,
    pub price_per_credit: Option<Dec>,
    /// `estimate` replaces it with where its price came from in the user's context.
    pub price_source: Option<&'static str>,
    #[serde(flatten)]
    pub cost_per_clip: AmountField,
    #[serde(flatten)]
    pub cost: AmountField,
    #[serde(flatten)]
    pub cost_per_second: AmountField,
    pub money_unknown: Option<&'a str>,
    pub min_plan: Option<&'a str>,
    pub allowed: Option<bool>,
    pub free_tier_allows: Option<bool>,
    pub clips_per_period: Option<Dec>,
    pub period: Option<&'static str>,
    pub notes: &'a [String],
    pub as_of: String,
    pub rate_source: RateSource<'a>,
}

/// Where the rate behind a quote came from.
#[derive(Serialize)]
pub struct RateSource<'a> {
    pub grade: Option<&'static str>,
    pub verified: Option<String>,
    pub sources: Vec<SourceView<'a>>,
    pub only_third_party: bool,
}

#[derive(Serialize)]
pub struct SourceView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub url: Option<&'a str>,
    pub grade: Option<&'static str>,
}

impl<'a> RateSource<'a> {
    pub fn new(prov: &'a Provenance) -> RateSource<'a> {
        RateSource {
            grade: prov.grade().map(|g| g.as_str()),
            verified: prov.verified.map(|d| d.to_string()),
            sources: prov
                .sources
                .iter()
                .map(|s| SourceView {
                    id: &s.id,
                    title: &s.title,
                    url: s.url.as_deref(),
                    grade: s.grade.map(|g| g.as_str()),
                })
                .collect(),
            only_third_party: prov.only_third_party(),
        }
    }
}

impl<'a> QuoteView<'a> {
    pub fn new(q: &'a Quote) -> QuoteView<'a> {
        QuoteView {
            platform: &q.platform,
            model: &q.model,
            model_name: &q.model_name,
            variant: &q.charge.variant,
            count: q.charge.count,
            seconds: dec(q.charge.seconds),
            billed_seconds: dec(q.charge.billed_seconds),
            credits: AmountField::new("credits", q.credits),
            currency: &q.currency,
            plan: q.plan.as_deref(),
            billing: q.billing.as_str(),
            price_per_credit: ratio(q.price_per_credit.as_ref()),
            price_source: q.price_source.as_ref().map(|s| match s {
                PriceSource::ChosenPlan => "plan",
                PriceSource::CheapestPlan => "cheapest_plan",
                PriceSource::User => "user",
                PriceSource::MoneyBilled => "money_billed",
                PriceSource::Pack => "pack",
            }),
            cost_per_clip: AmountField::money("cost_per_clip", q.cost_per_clip.as_ref()),
            cost: AmountField::money("cost", q.cost_total.as_ref()),
            cost_per_second: AmountField::money("cost_per_second", q.cost_per_second.as_ref()),
            money_unknown: q.unknown_money.as_deref(),
            min_plan: q.min_plan.as_deref(),
            allowed: q.allowed,
            free_tier_allows: q.free_tier_allows,
            clips_per_period: q.clips_per_period.map(|(n, _)| Dec(n)),
            period: q.clips_per_period.map(|(_, p)| p),
            notes: &q.notes,
            as_of: q.as_of.to_string(),
            rate_source: RateSource::new(&q.charge.provenance),
        }
    }
}

/// `estimate --json`: the quote, where its price came from in the user's context, and what
/// it takes from the balance.
#[derive(Serialize)]
pub struct EstimateView<'a> {
    #[serde(flatten)]
    pub quote: QuoteView<'a>,
    pub balance: Option<BalanceUseView<'a>>,
    pub pricing: &'a str,
}

#[derive(Serialize)]
pub struct BalanceUseView<'a> {
    pub platform: &'a str,
    pub available: Dec,
    pub uses: Dec,
    pub after: Dec,
}

impl<'a> EstimateView<'a> {
    pub fn new(estimate: &'a credits_app::ops::pricing::Estimate) -> EstimateView<'a> {
        let mut quote = QuoteView::new(&estimate.quote);
        quote.price_source = Some(estimate.source.as_str());
        EstimateView {
            quote,
            balance: estimate.balance.as_ref().map(|b| BalanceUseView {
                platform: &b.platform,
                available: Dec(b.before),
                uses: Dec(b.needed),
                after: Dec(b.after),
            }),
            pricing: &estimate.pricing,
        }
    }
}

/// `estimate --shots --json`: each line's quote with its place in the file, and the total.
#[derive(Serialize)]
pub struct ShotListView<'a> {
    pub lines: Vec<ShotLineView<'a>>,
    pub total: ShotTotalView<'a>,
}

#[derive(Serialize)]
pub struct ShotLineView<'a> {
    #[serde(flatten)]
    pub quote: QuoteView<'a>,
    pub line: usize,
    pub name: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ShotTotalView<'a> {
    #[serde(flatten)]
    pub credits: AmountField,
    #[serde(flatten)]
    pub cost: AmountField,
    pub currency: &'a str,
    pub notes: &'a [String],
}

impl<'a> ShotListView<'a> {
    pub fn new(priced: &'a credits_core::shots::Priced) -> ShotListView<'a> {
        ShotListView {
            lines: priced
                .lines
                .iter()
                .map(|l| ShotLineView {
                    quote: QuoteView::new(&l.quote),
                    line: l.line,
                    name: l.name.as_deref(),
                })
                .collect(),
            total: ShotTotalView {
                credits: AmountField::new("credits", priced.total_credits),
                cost: AmountField::money("cost", priced.total_cost.as_ref()),
                currency: &priced.currency,
                notes: &priced.notes,
            },
        }
    }
}
