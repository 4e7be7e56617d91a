//! The pricing model: platforms, their plans, packs and models, and how a model charges.
//!
//! These are validated, pure types: nothing here reads files or the clock. `schema`
//! turns a TOML file into a [`Platform`] (collecting every problem), `catalog` finds and
//! loads the files. Plan references are tier indexes into `Platform::plans`, which are in
//! tier order, so "plan X and above" is a comparison.

// The operators of Decimal, i128 Ratio and chrono panic on overflow; every operation in
// this module must be checked, so that no input (a flag, a pricing file) can panic.
#![deny(clippy::arithmetic_side_effects)]

pub mod bundle;
pub mod catalog;
pub mod schema;

use crate::error::fail_with_help;
use crate::money::Amount;
use crate::slug;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::fmt;
use std::path::PathBuf;

/// One platform's pricing table (one file).
#[derive(Clone, Debug)]
pub struct Platform {
    pub id: String,
    pub name: String,
    pub currency: String,
    pub billing: Billing,
    pub as_of: NaiveDate,
    pub failed_refunded: Option<bool>,
    pub sources: Vec<Source>,
    pub notes: Vec<String>,
    pub plans: Vec<Plan>,
    pub packs: Vec<Pack>,
    pub models: Vec<Model>,
    pub origin: Origin,
}

/// Where a table came from: the binary, the installed pricing bundle, or a file on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Builtin(String),
    /// A table of the bundle installed at `path` (`credits pricing update`): its `file`
    /// name in the bundle and the bundle's date.
    Bundle {
        path: PathBuf,
        file: String,
        date: NaiveDate,
    },
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Origin::Builtin(name) => write!(f, "built-in pricing/{name}"),
            Origin::Bundle { file, date, .. } => write!(f, "bundle {date} ({file})"),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// Whether a platform's rates are in credits or in money.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Billing {
    /// Rates are credits, bought through plans and packs.
    Credits,
    /// Rates are money (`currency`) per unit: API platforms with no credits.
    Money,
}

#[derive(Clone, Debug)]
pub struct Source {
    pub title: String,
    pub url: Option<String>,
    pub date: Option<NaiveDate>,
}

/// A subscription tier. `tier` is its position in the file (0 = lowest).
#[derive(Clone, Debug)]
pub struct Plan {
    pub id: String,
    pub name: String,
    pub tier: usize,
    /// Price per month on monthly billing; `None` when the table does not know it.
    pub price: Option<Decimal>,
    /// Price per year on annual billing.
    pub annual_price: Option<Decimal>,
    /// Credits granted each grant period; `None` when unknown.
    pub credits: Option<Decimal>,
    pub grant: Grant,
    pub rollover: Option<bool>,
    pub promotion: Option<Promotion>,
    pub notes: Vec<String>,
}

impl Plan {
    /// A plan that costs nothing: its credits have no price.
    pub fn is_free(&self) -> bool {
        self.price.is_some_and(|p| p.is_zero())
    }
}

/// How often a plan's credits arrive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grant {
    Monthly,
    Daily,
    Once,
}

impl Grant {
    pub fn as_str(self) -> &'static str {
        match self {
            Grant::Monthly => "month",
            Grant::Daily => "day",
            Grant::Once => "once",
        }
    }

    /// The spelling of the pricing file (`monthly`, `daily`, `once`).
    pub fn key(self) -> &'static str {
        match self {
            Grant::Monthly => "monthly",
            Grant::Daily => "daily",
            Grant::Once => "once",
        }
    }
}

/// A first-period offer: a cheaper first month and/or bonus credits (capped).
#[derive(Clone, Debug, Default)]
pub struct Promotion {
    pub first_period_price: Option<Decimal>,
    pub bonus_percent: Option<Decimal>,
    pub bonus_cap: Option<Decimal>,
}

/// A credit pack (top-up).
#[derive(Clone, Debug)]
pub struct Pack {
    pub id: String,
    pub name: String,
    pub price: Decimal,
    pub credits: Decimal,
    pub bonus: Decimal,
    pub expiry: Expiry,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expiry {
    Never,
    AfterDays(u32),
    Unknown,
}

/// What a model makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Video,
    Image,
    Audio,
    Text,
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Video => "video",
            Kind::Image => "image",
            Kind::Audio => "audio",
            Kind::Text => "text",
            Kind::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        match text.to_ascii_lowercase().as_str() {
            "video" => Some(Kind::Video),
            "image" => Some(Kind::Image),
            "audio" => Some(Kind::Audio),
            "text" => Some(Kind::Text),
            "other" => Some(Kind::Other),
            _ => None,
        }
    }
}

/// A model (or operation) and how it charges.
#[derive(Clone, Debug)]
pub struct Model {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub min_plan: Option<usize>,
    pub included_from: Option<usize>,
    /// Every output has sound at no extra cost.
    pub audio_included: bool,
    /// Resolutions offered, when the table says (from `resolutions` or the variants).
    pub resolutions: Vec<String>,
    /// Whether `resolutions` is the whole list (given in the file, or named by every
    /// variant); when not, another resolution is unknown rather than refused.
    pub resolutions_complete: bool,
    pub max_refs: Option<u32>,
    pub extra: Extras,
    /// At least one; a model written with a rate directly has one variant with no selectors.
    pub variants: Vec<Variant>,
    pub notes: Vec<String>,
}

/// Surcharges added per clip.
#[derive(Clone, Debug, Default)]
pub struct Extras {
    pub audio: Option<Amount>,
    pub per_ref: Option<Amount>,
    pub upscale: Option<Amount>,
}

/// One rate of a model, chosen by the request's mode, resolution and audio.
#[derive(Clone, Debug)]
pub struct Variant {
    pub mode: Option<String>,
    pub resolution: Option<String>,
    pub audio: Option<bool>,
    pub min_plan: Option<usize>,
    pub rate: Rate,
}

/// The forms a rate takes (issue 2's table).
#[derive(Clone, Debug)]
pub enum Rate {
    /// The same amount for every generation.
    Flat(Amount),
    /// Fixed amounts by length; a request rounds up to the next bucket.
    Buckets(Vec<Bucket>),
    /// An amount per second of output; `durations`, when given, are the lengths offered.
    PerSecond {
        rate: Amount,
        durations: Vec<Decimal>,
    },
    /// An amount per `per` units of input, rounded up to whole blocks.
    PerInput {
        credits: Amount,
        per: Decimal,
        unit: InputUnit,
    },
}

#[derive(Clone, Debug)]
pub struct Bucket {
    pub seconds: Decimal,
    pub credits: Amount,
    pub min_plan: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputUnit {
    Chars,
}

impl InputUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            InputUnit::Chars => "chars",
        }
    }
}

impl Platform {
    /// The unit rates are written in: `credits`, or the currency for money platforms.
    pub fn unit(&self) -> &str {
        match self.billing {
            Billing::Credits => "credits",
            Billing::Money => &self.currency,
        }
    }

    /// Finds a model by id or display name, or says which ids are close.
    pub fn model(&self, typed: &str) -> anyhow::Result<&Model> {
        self.models
            .iter()
            .find(|m| slug::matches(typed, &m.id, &m.name))
            .ok_or_else(|| {
                fail_with_help(
                    format!("unknown model `{typed}` on {}", self.id),
                    slug::did_you_mean(typed, "models", self.models.iter().map(|m| m.id.as_str())),
                )
            })
    }

    /// Finds a plan by id or display name, or says which exist.
    pub fn plan(&self, typed: &str) -> anyhow::Result<&Plan> {
        self.plans
            .iter()
            .find(|p| slug::matches(typed, &p.id, &p.name))
            .ok_or_else(|| {
                let help = if self.plans.is_empty() {
                    format!("{} has no plans in its table", self.id)
                } else {
                    slug::did_you_mean(typed, "plans", self.plans.iter().map(|p| p.id.as_str()))
                };
                fail_with_help(format!("unknown plan `{typed}` on {}", self.id), help)
            })
    }

    /// Finds a pack by id or display name.
    pub fn pack(&self, typed: &str) -> anyhow::Result<&Pack> {
        self.packs
            .iter()
            .find(|p| slug::matches(typed, &p.id, &p.name))
            .ok_or_else(|| {
                let help = if self.packs.is_empty() {
                    format!("{} has no packs in its table", self.id)
                } else {
                    slug::did_you_mean(typed, "packs", self.packs.iter().map(|p| p.id.as_str()))
                };
                fail_with_help(format!("unknown pack `{typed}` on {}", self.id), help)
            })
    }

    /// The display name of the plan at a tier.
    pub fn plan_name(&self, tier: usize) -> &str {
        self.plans.get(tier).map_or("?", |p| p.name.as_str())
    }
}
