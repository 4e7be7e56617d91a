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
pub mod dump;
pub mod freshness;
pub mod schema;
pub mod strict;

use crate::money::Amount;
use crate::slug;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::fmt;
use std::path::PathBuf;

/// One platform's pricing table (one file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Platform {
    pub id: String,
    pub name: String,
    pub currency: String,
    pub billing: Billing,
    /// What one credit is called (`credits`, `Fast GPU minutes`, `points`).
    pub credit_unit: Option<String>,
    /// Derived: the oldest verification date of the table's numbers (see [`Provenance`]).
    pub as_of: NaiveDate,
    /// The `as_of` the file wrote itself, if any: the fallback date of numbers with no
    /// dated source (user files); shipped tables must not have one (`--strict`).
    pub declared_as_of: Option<NaiveDate>,
    pub failed_refunded: Option<bool>,
    /// Sources of the platform-level facts (`failed_refunded`, `billing`).
    pub facts: Provenance,
    /// Every source the file lists, in file order (patches' sources appended).
    pub sources: Vec<Source>,
    pub notes: Vec<String>,
    pub plans: Vec<Plan>,
    pub packs: Vec<Pack>,
    pub models: Vec<Model>,
    /// The table this platform starts from (built-in, bundle or a user file that replaces).
    pub origin: Origin,
    /// User files that patched it, in the order applied.
    pub patches: Vec<Origin>,
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

/// A public page a number rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Short slug the file's items cite (`source = "rw-credits"`).
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    /// The source's own date (the date the page gives, or of a verbatim harvest).
    pub date: Option<NaiveDate>,
    /// When an undated page was read.
    pub read: Option<NaiveDate>,
    pub grade: Option<Grade>,
}

impl Source {
    /// The date a number resting on this source is known to have held.
    pub fn dated(&self) -> Option<NaiveDate> {
        self.date.or(self.read)
    }
}

/// How much a source can be trusted, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    /// The platform's own page or docs (or a verbatim harvest of it).
    Official,
    /// The product's seed documents (the seed platforms' only source).
    Seed,
    /// A write-up by someone else.
    ThirdParty,
    /// A reseller's page: corroborates, never the platform's own price.
    Reseller,
}

impl Grade {
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Official => "official",
            Grade::Seed => "seed",
            Grade::ThirdParty => "third-party",
            Grade::Reseller => "reseller",
        }
    }

    pub fn parse(text: &str) -> Option<Grade> {
        [
            Grade::Official,
            Grade::Seed,
            Grade::ThirdParty,
            Grade::Reseller,
        ]
        .into_iter()
        .find(|g| g.as_str() == text)
    }
}

/// Where a number comes from: its sources, when it was last verified, and which file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    /// The cited sources, resolved from the file's list.
    pub sources: Vec<Source>,
    /// The date the number was last confirmed: `verified` in the file, else the newest
    /// date of its sources, else the file's own `as_of`.
    pub verified: Option<NaiveDate>,
    /// The file the number was read from (a user's patch or the table itself).
    pub origin: Origin,
}

impl Default for Provenance {
    /// No sources, no date: a number the user typed or a test made.
    fn default() -> Self {
        Provenance {
            sources: Vec::new(),
            verified: None,
            origin: Origin::Builtin(String::new()),
        }
    }
}

impl Provenance {
    /// The best grade among the sources; `None` when unsourced or ungraded.
    pub fn grade(&self) -> Option<Grade> {
        self.sources.iter().filter_map(|s| s.grade).min()
    }

    /// The number rests only on pages that are not the platform's own (or a seed).
    pub fn only_third_party(&self) -> bool {
        matches!(self.grade(), Some(Grade::ThirdParty | Grade::Reseller))
    }

    /// Not vouched for by the platform's own page: resting only on third-party or
    /// reseller pages, or citing no source at all (what `estimate` and `compare` flag).
    pub fn unvouched(&self) -> bool {
        self.only_third_party() || self.sources.is_empty()
    }

    /// The newest date among the sources: what `verified` defaults to.
    pub fn newest_source_date(sources: &[Source]) -> Option<NaiveDate> {
        sources.iter().filter_map(Source::dated).max()
    }
}

/// Whether a model or plan can still be used, and what replaces it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lifecycle {
    pub deprecated: Option<NaiveDate>,
    pub shutdown: Option<NaiveDate>,
    /// Model ids in the same table, or names of successors not in it.
    pub replaced_by: Vec<String>,
}

impl Lifecycle {
    /// Shut down on or before `day`.
    pub fn is_shut_down(&self, day: NaiveDate) -> bool {
        self.shutdown.is_some_and(|d| d <= day)
    }

    /// `shut down on 2026-09-24 (replaced by a, b)`; `None` for a live item.
    pub fn describe(&self) -> Option<String> {
        let state = match (self.deprecated, self.shutdown) {
            (_, Some(s)) => format!("shut down on {s}"),
            (Some(d), None) => format!("deprecated on {d}"),
            (None, None) => return None,
        };
        let by = if self.replaced_by.is_empty() {
            String::new()
        } else {
            format!(" (replaced by {})", self.replaced_by.join(", "))
        };
        Some(format!("{state}{by}"))
    }

    pub fn is_deprecated(&self, day: NaiveDate) -> bool {
        self.deprecated.is_some_and(|d| d <= day) && !self.is_shut_down(day)
    }
}

/// A sanity rule of `pricing validate --strict` that a real price list may break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    TierPrice,
    TierCredits,
    Annual,
    Audio,
    Resolution,
    Mode,
}

impl Rule {
    pub const ALL: [Rule; 6] = [
        Rule::TierPrice,
        Rule::TierCredits,
        Rule::Annual,
        Rule::Audio,
        Rule::Resolution,
        Rule::Mode,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::TierPrice => "tier-price",
            Rule::TierCredits => "tier-credits",
            Rule::Annual => "annual",
            Rule::Audio => "audio",
            Rule::Resolution => "resolution",
            Rule::Mode => "mode",
        }
    }

    pub fn parse(text: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// An explicit exception to a [`Rule`], with the reason the real price list breaks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allow {
    pub rule: Rule,
    pub reason: String,
}

/// Whether `allow` excuses `rule`.
pub fn allows(allow: &[Allow], rule: Rule) -> bool {
    allow.iter().any(|a| a.rule == rule)
}

/// A subscription tier. `tier` is its position in the file (0 = lowest).
#[derive(Clone, Debug, PartialEq, Eq)]
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
    pub lifecycle: Lifecycle,
    pub allow: Vec<Allow>,
    pub provenance: Provenance,
}

impl Plan {
    /// The plan as the user pays for it (`credits account set --price X --credits N`): the
    /// price of `billing`'s period and the credits per grant replaced where given. A price
    /// of the user's own supersedes the first-period promotion.
    pub fn with_terms(
        &self,
        billing: BillingPeriod,
        price: Option<Decimal>,
        credits: Option<Decimal>,
    ) -> Plan {
        let mut plan = self.clone();
        if let Some(p) = price {
            match billing {
                BillingPeriod::Monthly => plan.price = Some(p),
                BillingPeriod::Annual => plan.annual_price = Some(p),
            }
            plan.promotion = None;
        }
        if let Some(c) = credits {
            plan.credits = Some(c);
        }
        plan
    }

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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Promotion {
    pub first_period_price: Option<Decimal>,
    pub bonus_percent: Option<Decimal>,
    pub bonus_cap: Option<Decimal>,
    pub provenance: Provenance,
}

/// A credit pack (top-up).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pack {
    pub id: String,
    pub name: String,
    pub price: Decimal,
    pub credits: Decimal,
    pub bonus: Decimal,
    pub expiry: Expiry,
    /// The lowest plan tier whose subscribers may buy it; `None`: the table does not say.
    pub min_plan: Option<usize>,
    /// `credits` is the least one can buy: any amount above it sells at the same price
    /// per credit (Runway: "at least 1,000 credits, $0.01 a credit").
    pub any_amount: bool,
    /// An introductory pack (Kling's API trial packs): a purchase `topup` and `import`
    /// record, but not the price credits are quoted at, nor one `plans` advises buying again.
    pub trial: bool,
    pub provenance: Provenance,
}

impl Pack {
    /// Credits one pack gives, bonus included (checked: `None` if it does not fit).
    pub fn total_credits(&self) -> Option<Decimal> {
        self.credits.checked_add(self.bonus)
    }
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
    pub lifecycle: Lifecycle,
    pub allow: Vec<Allow>,
    pub provenance: Provenance,
    /// File names the platform gives this model's downloads (`credits scan`).
    pub download_names: Vec<DownloadName>,
}

impl Model {
    /// The resolution a request that names none is made at: the first a variant names (as
    /// `cost::charge` picks it), else the first the table lists; `None` when it says none.
    pub fn default_resolution(&self) -> Option<&str> {
        self.variants
            .iter()
            .find_map(|v| v.resolution.as_deref())
            .or_else(|| self.resolutions.first().map(String::as_str))
    }
}

/// A file name a platform gives its downloads, as a glob (`Gen-4 Turbo *.mp4`: `*` any
/// characters, `?` one, `[abc]` one of), matched against the whole name without regard to
/// case. Kept as data with its sources, so users can add their own (issue 13).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DownloadName {
    pub pattern: String,
    pub sources: Vec<Source>,
}

impl DownloadName {
    /// Whether `file_name` (a name, not a path) is one of these downloads.
    pub fn matches(&self, file_name: &str) -> bool {
        let options = glob::MatchOptions {
            case_sensitive: false,
            require_literal_separator: true,
            require_literal_leading_dot: true,
        };
        glob::Pattern::new(&self.pattern).is_ok_and(|p| p.matches_with(file_name, options))
    }
}

/// Surcharges added per clip.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extras {
    pub audio: Option<Amount>,
    pub per_ref: Option<Amount>,
    pub upscale: Option<Amount>,
}

/// One rate of a model, chosen by the request's mode, resolution and audio.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub mode: Option<String>,
    pub resolution: Option<String>,
    pub audio: Option<bool>,
    pub min_plan: Option<usize>,
    pub rate: Rate,
    /// The model's provenance unless the variant cites its own sources.
    pub provenance: Provenance,
    /// Rates that applied before `rate` (`[[model.before]]`, `[[model.variant.before]]`),
    /// oldest first, their `until` dates strictly increasing.
    pub before: Vec<EarlierRate>,
}

/// A rate that applied to generations made before `until` (and on or after the previous
/// earlier rate's `until`, if any): a price that changed keeps its old value for its dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EarlierRate {
    /// The first day this rate no longer applied (exclusive).
    pub until: NaiveDate,
    pub rate: Rate,
    /// The variant's provenance unless the earlier rate cites its own sources.
    pub provenance: Provenance,
}

impl Variant {
    /// The rate in force on `day`, with its provenance and, for an earlier rate, the day it
    /// ended; `None` (no day known) is today's rate.
    pub fn rate_on(&self, day: Option<NaiveDate>) -> (&Rate, &Provenance, Option<NaiveDate>) {
        day.and_then(|d| self.before.iter().find(|e| d < e.until))
            .map_or((&self.rate, &self.provenance, None), |e| {
                (&e.rate, &e.provenance, Some(e.until))
            })
    }
}

/// The forms a rate takes (issue 2's table).
#[derive(Clone, Debug, PartialEq, Eq)]
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

#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// The unit rates are written in: `credits` (or the table's `credit_unit`), or the
    /// currency for money platforms.
    pub fn unit(&self) -> &str {
        match self.billing {
            Billing::Credits => self.credit_word(),
            Billing::Money => &self.currency,
        }
    }

    /// Finds a model by id or display name, or says which ids are close.
    pub fn model(&self, typed: &str) -> anyhow::Result<&Model> {
        self.models
            .iter()
            .find(|m| slug::matches(typed, &m.id, &m.name))
            .ok_or_else(|| {
                slug::unknown(
                    "model",
                    typed,
                    format!("unknown model `{typed}` on {}", self.id),
                    self.models.iter().map(|m| m.id.as_str()),
                    None,
                )
            })
    }

    /// Finds a plan by id or display name, or says which exist.
    pub fn plan(&self, typed: &str) -> anyhow::Result<&Plan> {
        self.plans
            .iter()
            .find(|p| slug::matches(typed, &p.id, &p.name))
            .ok_or_else(|| {
                slug::unknown(
                    "plan",
                    typed,
                    format!("unknown plan `{typed}` on {}", self.id),
                    self.plans.iter().map(|p| p.id.as_str()),
                    Some(if self.packs.is_empty() {
                        format!("{} has no plans in its table", self.id)
                    } else {
                        // Credits sold only in packs: a purchase starts the balance.
                        format!(
                            "{0} has no plans: it sells its credits in packs; `credits topup {0} \
                             --pack PACK` records one (`credits pricing show {0}` lists them)",
                            self.id
                        )
                    }),
                )
            })
    }

    /// Finds a pack by id or display name.
    pub fn pack(&self, typed: &str) -> anyhow::Result<&Pack> {
        self.packs
            .iter()
            .find(|p| slug::matches(typed, &p.id, &p.name))
            .ok_or_else(|| {
                slug::unknown(
                    "pack",
                    typed,
                    format!("unknown pack `{typed}` on {}", self.id),
                    self.packs.iter().map(|p| p.id.as_str()),
                    Some(format!("{} has no packs in its table", self.id)),
                )
            })
    }

    /// The id of the plan at a tier.
    pub fn plan_name_id(&self, tier: usize) -> String {
        self.plans
            .get(tier)
            .map_or_else(String::new, |p| p.id.clone())
    }

    /// What one credit is called: `credits` unless the table says (`points`).
    pub fn credit_word(&self) -> &str {
        self.credit_unit.as_deref().unwrap_or("credits")
    }

    /// The display name of the plan at a tier.
    pub fn plan_name(&self, tier: usize) -> &str {
        self.plans.get(tier).map_or("?", |p| p.name.as_str())
    }
}
/// Monthly or annual billing of a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BillingPeriod {
    #[default]
    Monthly,
    Annual,
}

impl BillingPeriod {
    pub fn as_str(self) -> &'static str {
        match self {
            BillingPeriod::Monthly => "monthly",
            BillingPeriod::Annual => "annual",
        }
    }
}
