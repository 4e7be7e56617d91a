//! Reading one pricing file: TOML → raw structs → a validated [`Platform`].
//!
//! Syntax and type errors come from `toml` with the line and column. Meaning errors
//! (negative credits, a `min_plan` that names no plan, overlapping buckets, a model with
//! no rate) are all collected, each naming the platform, model and field, so
//! `credits pricing validate` can list every problem in one run.

// The operators of Decimal, i128 Ratio and chrono panic on overflow; every operation in
// this module must be checked, so that no input (a flag, a pricing file) can panic.
#![deny(clippy::arithmetic_side_effects)]

use super::*;
use crate::money::{deserialize_decimal, DecimalVisitor};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// The standard video resolutions, lowest first: `max_resolution = "1080p"` means every one
/// of them up to 1080p (a source saying "up to 1080p" says no more than that).
pub const RESOLUTION_LADDER: [&str; 7] = ["360p", "480p", "540p", "720p", "1080p", "1440p", "4k"];

/// The largest amount a table may give (credits, prices, rates, seconds): a quadrillion.
/// Far above any real price list, and small enough that the cost math on it (× a count,
/// × a percent, + a bonus, ÷ a plan's credits) stays inside a Decimal; anything larger is
/// a typo, refused with the field named rather than overflowing later.
pub(crate) const MAX_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// The smallest `per_input.per`: a millionth of a unit. A smaller block size turns any
/// input into more blocks than a Decimal holds.
pub(crate) const MIN_PER_INPUT: Decimal = Decimal::from_parts(1, 0, 0, false, 6);

/// The largest promotion bonus, in percent (100× the plan's credits).
pub(crate) const MAX_BONUS_PERCENT: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);

/// A problem in a file that parsed but means something impossible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: `platform runway, model gen-4, field per_second`.
    pub place: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// Why a file could not be used.
#[derive(Debug)]
pub enum FileError {
    /// Not valid TOML, or a key of the wrong type: the message names line and column.
    Syntax(String),
    /// Valid TOML with impossible values.
    Invalid(Vec<Problem>),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            FileError::Syntax(message) => f.write_str(message.trim_end()),
            FileError::Invalid(problems) => {
                let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                f.write_str(&lines.join("\n"))
            }
        }
    }
}

impl std::error::Error for FileError {}

/// An amount written as a number, a decimal string, or `{ min = …, max = … }`.
#[derive(Clone, Copy, Debug)]
struct RawAmount(Amount);

impl<'de> Deserialize<'de> for RawAmount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AmountVisitor;
        impl<'de> Visitor<'de> for AmountVisitor {
            type Value = RawAmount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number, a decimal string, { min = …, max = … } or { min = … }")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawAmount, E> {
                DecimalVisitor
                    .visit_i64(v)
                    .map(|d| RawAmount(Amount::exact(d)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawAmount, E> {
                DecimalVisitor
                    .visit_u64(v)
                    .map(|d| RawAmount(Amount::exact(d)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawAmount, E> {
                DecimalVisitor
                    .visit_f64(v)
                    .map(|d| RawAmount(Amount::exact(d)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAmount, E> {
                DecimalVisitor
                    .visit_str(v)
                    .map(|d| RawAmount(Amount::exact(d)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawAmount, A::Error> {
                let (mut min, mut max) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    let value: RawDecimal = map.next_value()?;
                    match key.as_str() {
                        "min" => min = Some(value.0),
                        "max" => max = Some(value.0),
                        other => {
                            return Err(de::Error::unknown_field(other, &["min", "max"]));
                        }
                    }
                }
                match (min, max) {
                    (Some(min), Some(max)) if min > max => Err(de::Error::custom(format!(
                        "range min {min} is above max {max}"
                    ))),
                    (Some(min), Some(max)) => Ok(RawAmount(Amount::range(min, max))),
                    // "Start at three credits": a floor, the upper end unknown.
                    (Some(min), None) => Ok(RawAmount(Amount::from(min))),
                    _ => Err(de::Error::custom(
                        "a range needs `min` (and `max`, unless only a floor is known)",
                    )),
                }
            }
        }
        d.deserialize_any(AmountVisitor)
    }
}

/// A bare exact decimal.
#[derive(Clone, Copy, Debug)]
struct RawDecimal(Decimal);

macro_rules! rate_of {
    ($raw:expr) => {
        RawRate {
            credits: $raw.credits,
            buckets: $raw.buckets,
            per_second: $raw.per_second,
            durations: $raw.durations,
            per_input: $raw.per_input,
        }
    };
}

impl<'de> Deserialize<'de> for RawDecimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_decimal(d).map(RawDecimal)
    }
}

/// `source = "id"` or `source = ["a", "b"]`.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawSourceRef {
    One(String),
    Many(Vec<String>),
}

impl RawSourceRef {
    fn ids(self) -> Vec<String> {
        match self {
            RawSourceRef::One(id) => vec![id],
            RawSourceRef::Many(ids) => ids,
        }
    }
}

type RawDate = toml::value::Datetime;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAllow {
    rule: String,
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlatform {
    name: String,
    id: Option<String>,
    as_of: Option<RawDate>,
    currency: Option<String>,
    billing: Option<String>,
    credit_unit: Option<String>,
    failed_refunded: Option<bool>,
    source: Option<RawSourceRef>,
    replace: Option<bool>,
    #[serde(default)]
    sources: Vec<RawSource>,
    #[serde(default)]
    notes: Vec<String>,
    #[serde(default)]
    plan: Vec<RawPlan>,
    #[serde(default)]
    pack: Vec<RawPack>,
    #[serde(default)]
    model: Vec<RawModel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: Option<String>,
    title: String,
    url: Option<String>,
    date: Option<RawDate>,
    read: Option<RawDate>,
    grade: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    name: String,
    id: Option<String>,
    price: Option<RawDecimal>,
    annual_price: Option<RawDecimal>,
    credits: Option<RawDecimal>,
    grant: Option<String>,
    rollover: Option<bool>,
    promotion: Option<RawPromotion>,
    #[serde(default)]
    notes: Vec<String>,
    source: Option<RawSourceRef>,
    verified: Option<RawDate>,
    deprecated: Option<RawDate>,
    shutdown: Option<RawDate>,
    replaced_by: Option<Vec<String>>,
    #[serde(default)]
    allow: Vec<RawAllow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPromotion {
    first_period_price: Option<RawDecimal>,
    first_period_bonus_percent: Option<RawDecimal>,
    bonus_cap: Option<RawDecimal>,
    source: Option<RawSourceRef>,
    verified: Option<RawDate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    name: String,
    id: Option<String>,
    price: RawDecimal,
    credits: RawDecimal,
    bonus: Option<RawDecimal>,
    expires_after_days: Option<u32>,
    never_expires: Option<bool>,
    /// The lowest plan whose subscribers may buy it (`Standard`); none: not stated.
    min_plan: Option<String>,
    /// `credits` is the least one can buy; any amount above it at the same price per credit.
    any_amount: Option<bool>,
    /// An introductory pack (sold once, or only to new accounts): recorded when bought,
    /// never the price of credits.
    trial: Option<bool>,
    source: Option<RawSourceRef>,
    verified: Option<RawDate>,
}

/// The rate keys, which a model and its variants both carry.
struct RawRate {
    credits: Option<RawAmount>,
    buckets: Option<Vec<RawBucket>>,
    per_second: Option<RawAmount>,
    durations: Option<Vec<RawDecimal>>,
    per_input: Option<RawPerInput>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBucket {
    seconds: RawDecimal,
    credits: RawAmount,
    min_plan: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerInput {
    credits: RawAmount,
    per: RawDecimal,
    unit: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModel {
    name: String,
    id: Option<String>,
    kind: Option<String>,
    min_plan: Option<String>,
    included_from: Option<String>,
    audio: Option<String>,
    resolutions: Option<Vec<String>>,
    /// "Up to 1080p": every step of [`RESOLUTION_LADDER`] up to this one.
    max_resolution: Option<String>,
    max_refs: Option<u32>,
    #[serde(default)]
    notes: Vec<String>,
    extra: Option<RawExtras>,
    #[serde(default)]
    variant: Vec<RawVariant>,
    credits: Option<RawAmount>,
    buckets: Option<Vec<RawBucket>>,
    per_second: Option<RawAmount>,
    durations: Option<Vec<RawDecimal>>,
    per_input: Option<RawPerInput>,
    source: Option<RawSourceRef>,
    verified: Option<RawDate>,
    deprecated: Option<RawDate>,
    shutdown: Option<RawDate>,
    replaced_by: Option<Vec<String>>,
    #[serde(default)]
    allow: Vec<RawAllow>,
    #[serde(default)]
    download_names: Vec<RawDownloadName>,
    /// Rates that applied before the current one, oldest first (`[[model.before]]`).
    #[serde(default)]
    before: Vec<RawEarlier>,
}

/// `[[model.before]]` / `[[model.variant.before]]`: a rate that applied to generations made
/// before `until`, in any form a model's rate takes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEarlier {
    until: Option<RawDate>,
    credits: Option<RawAmount>,
    buckets: Option<Vec<RawBucket>>,
    per_second: Option<RawAmount>,
    durations: Option<Vec<RawDecimal>>,
    per_input: Option<RawPerInput>,
    source: Option<RawSourceRef>,
    verified: Option<RawDate>,
}

/// `download_names = [{ pattern = "Gen-4 Turbo *", source = "id" }]` on a model.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDownloadName {
    pattern: String,
    source: Option<RawSourceRef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExtras {
    audio: Option<RawAmount>,
    per_ref: Option<RawAmount>,
    upscale: Option<RawAmount>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVariant {
    mode: Option<String>,
    resolution: Option<String>,
    audio: Option<bool>,
    min_plan: Option<String>,
    credits: Option<RawAmount>,
    buckets: Option<Vec<RawBucket>>,
    per_second: Option<RawAmount>,
    durations: Option<Vec<RawDecimal>>,
    per_input: Option<RawPerInput>,
    source: Option<RawSourceRef>,
    verified: Option<RawDate>,
    #[serde(default)]
    before: Vec<RawEarlier>,
}

/// A file that is valid TOML of the right shape, not yet checked for meaning.
pub struct RawFile(RawPlatform);

impl RawFile {
    /// The platform id the file is for (its `id`, or the slug of its `name`).
    pub fn id(&self) -> String {
        self.0
            .id
            .clone()
            .unwrap_or_else(|| slug::slugify(&self.0.name))
    }

    /// `replace = true`: the file replaces a shipped table whole instead of patching it.
    pub fn replaces(&self) -> bool {
        self.0.replace == Some(true)
    }
}

/// Reads a file's TOML; syntax and type errors name the line and column.
pub fn read(text: &str) -> Result<RawFile, FileError> {
    toml::from_str(text)
        .map(RawFile)
        .map_err(|e| FileError::Syntax(e.to_string()))
}

/// Parses and validates one file's text. `origin` is recorded on the platform.
pub fn parse_platform(text: &str, origin: Origin) -> Result<Platform, FileError> {
    build(read(text)?, origin, None)
}

/// Validates a read file into a platform; with `base`, the file patches that table:
/// its plans, packs and models replace the base's of the same id or are added, the rest
/// of the base stays (plans a patch adds come after the base's, so tiers keep their order).
pub fn build(raw: RawFile, origin: Origin, base: Option<&Platform>) -> Result<Platform, FileError> {
    let mut check = Checker {
        problems: Vec::new(),
        sources: Vec::new(),
        declared_as_of: None,
        origin: origin.clone(),
    };
    let platform = check.platform(raw.0, origin, base);
    if check.problems.is_empty() {
        Ok(platform)
    } else {
        Err(FileError::Invalid(check.problems))
    }
}

/// Collects problems while building the validated platform.
struct Checker {
    problems: Vec<Problem>,
    /// The file's own sources, which its items cite by id.
    sources: Vec<Source>,
    /// The file's `as_of`: the date of numbers with no dated source.
    declared_as_of: Option<NaiveDate>,
    origin: Origin,
}

fn to_date(value: &toml::value::Datetime) -> Option<NaiveDate> {
    // A date and nothing else: `2026-05-04`, not a time or a date-time.
    if value.time.is_some() || value.offset.is_some() {
        return None;
    }
    let date = value.date.as_ref()?;
    NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
}

impl Checker {
    fn problem(&mut self, place: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            place: place.into(),
            message: message.into(),
        });
    }

    /// Records a problem when `value` is above `max` (see [`MAX_AMOUNT`]).
    fn at_most(&mut self, place: &str, field: &str, value: Decimal, max: Decimal) {
        if value > max {
            self.problem(
                format!("{place}, field {field}"),
                format!(
                    "{value} is too large (at most {})",
                    crate::money::fmt_credits(max)
                ),
            );
        }
    }

    fn non_negative(&mut self, place: &str, field: &str, value: Decimal) -> Decimal {
        self.non_negative_at_most(place, field, value, MAX_AMOUNT)
    }

    fn non_negative_at_most(
        &mut self,
        place: &str,
        field: &str,
        value: Decimal,
        max: Decimal,
    ) -> Decimal {
        self.not_negative(place, field, value);
        self.at_most(place, field, value, max);
        value
    }

    /// Records a problem when `value` is below zero.
    fn not_negative(&mut self, place: &str, field: &str, value: Decimal) {
        if value.is_sign_negative() && !value.is_zero() {
            self.problem(
                format!("{place}, field {field}"),
                format!("{value} is negative"),
            );
        }
    }

    fn positive(&mut self, place: &str, field: &str, value: Decimal) -> Decimal {
        if value <= Decimal::ZERO {
            self.problem(
                format!("{place}, field {field}"),
                format!("{value} must be above 0"),
            );
        }
        self.at_most(place, field, value, MAX_AMOUNT);
        value
    }

    /// An exact amount or a range: its least not negative, its most not too large (each
    /// said once, also when exact).
    fn amount(&mut self, place: &str, field: &str, value: RawAmount) -> Amount {
        self.not_negative(place, field, value.0.min);
        self.at_most(place, field, value.0.max, MAX_AMOUNT);
        value.0
    }

    fn id(&mut self, place: &str, id: Option<String>, name: &str) -> String {
        let id = id.unwrap_or_else(|| slug::slugify(name));
        if id.is_empty() || id != slug::slugify(&id) {
            self.problem(
                format!("{place}, field id"),
                format!("`{id}` is not a slug (lowercase, no spaces or parentheses)"),
            );
        } else if id.starts_with('.')
            || id.contains(['/', '\\'])
            || id.chars().any(char::is_control)
        {
            // Ids name files (`pricing dump`, bundles) and appear in paths: `../../etc` is not one.
            self.problem(
                format!("{place}, field id"),
                format!("`{id}` is not a slug (no leading dot, slash or control character)"),
            );
        }
        id
    }

    /// A date field: a plain date, or a problem naming the field.
    fn date(&mut self, place: &str, field: &str, value: Option<RawDate>) -> Option<NaiveDate> {
        let value = value?;
        let date = to_date(&value);
        if date.is_none() {
            self.problem(
                format!("{place}, field {field}"),
                format!("`{value}` is not a date like 2026-05-04"),
            );
        }
        date
    }

    fn sources(&mut self, place: &str, raw: Vec<RawSource>) -> Vec<Source> {
        let mut sources: Vec<Source> = Vec::new();
        for (i, s) in raw.into_iter().enumerate() {
            // 1-based for people; `i` is a Vec index, so saturating never changes it.
            let here = format!("{place}, source {}", i.saturating_add(1));
            let id = match s.id {
                Some(id) => self.id(&here, Some(id), ""),
                None => String::new(),
            };
            if !id.is_empty() && sources.iter().any(|q| q.id == id) {
                self.problem(
                    format!("{here}, field id"),
                    format!("two sources have the id `{id}`"),
                );
            }
            let grade = s.grade.as_deref().and_then(|g| {
                let grade = Grade::parse(g);
                if grade.is_none() {
                    self.problem(
                        format!("{here}, field grade"),
                        format!("`{g}` is not official, third-party, reseller or seed"),
                    );
                }
                grade
            });
            let date = self.date(&here, "date", s.date);
            let read = self.date(&here, "read", s.read);
            sources.push(Source {
                id,
                title: s.title,
                url: s.url,
                date,
                read,
                grade,
            });
        }
        sources
    }

    /// Where an item's numbers come from: its own `source`/`verified`, else `inherit`'s.
    fn provenance(
        &mut self,
        here: &str,
        source: Option<RawSourceRef>,
        verified: Option<RawDate>,
        inherit: Option<&Provenance>,
    ) -> Provenance {
        let verified = self.date(here, "verified", verified);
        let sources = match (source, inherit) {
            (Some(refs), _) => {
                let mut cited = Vec::new();
                for id in refs.ids() {
                    match self.sources.iter().find(|s| !s.id.is_empty() && s.id == id) {
                        Some(found) => cited.push(found.clone()),
                        None => {
                            let known = known_ids(
                                "sources",
                                "the file's `sources` give no ids",
                                self.sources.iter().map(|s| s.id.as_str()),
                            );
                            self.problem(
                                format!("{here}, field source"),
                                format!("`{id}` names no source ({known})"),
                            );
                        }
                    }
                }
                cited
            }
            (None, Some(parent)) => {
                return Provenance {
                    verified: verified.or(parent.verified),
                    ..parent.clone()
                }
            }
            (None, None) => Vec::new(),
        };
        Provenance {
            verified: verified
                .or_else(|| Provenance::newest_source_date(&sources))
                .or(self.declared_as_of),
            sources,
            origin: self.origin.clone(),
        }
    }

    fn lifecycle(
        &mut self,
        here: &str,
        deprecated: Option<RawDate>,
        shutdown: Option<RawDate>,
        replaced_by: Option<Vec<String>>,
    ) -> Lifecycle {
        let lifecycle = Lifecycle {
            deprecated: self.date(here, "deprecated", deprecated),
            shutdown: self.date(here, "shutdown", shutdown),
            replaced_by: replaced_by.unwrap_or_default(),
        };
        if let (Some(d), Some(s)) = (lifecycle.deprecated, lifecycle.shutdown) {
            if d > s {
                self.problem(
                    format!("{here}, field deprecated"),
                    format!("deprecated on {d}, after its shutdown on {s}"),
                );
            }
        }
        if !lifecycle.replaced_by.is_empty()
            && lifecycle.shutdown.is_none()
            && lifecycle.deprecated.is_none()
        {
            self.problem(
                format!("{here}, field replaced_by"),
                "goes with `deprecated` or `shutdown` (the date it was replaced)",
            );
        }
        lifecycle
    }

    fn allow(&mut self, here: &str, raw: Vec<RawAllow>) -> Vec<Allow> {
        raw.into_iter()
            .filter_map(|a| {
                let rule = Rule::parse(&a.rule);
                if rule.is_none() {
                    let known: Vec<&str> = Rule::ALL.iter().map(|r| r.as_str()).collect();
                    self.problem(
                        format!("{here}, field allow"),
                        format!("`{}` is not a rule ({})", a.rule, known.join(", ")),
                    );
                }
                if a.reason.trim().is_empty() {
                    self.problem(
                        format!("{here}, field allow"),
                        "an exception needs its reason",
                    );
                }
                rule.map(|rule| Allow {
                    rule,
                    reason: a.reason,
                })
            })
            .collect()
    }

    fn platform(&mut self, raw: RawPlatform, origin: Origin, base: Option<&Platform>) -> Platform {
        let id = self.id("platform", raw.id, &raw.name);
        let place = format!("platform {id}");
        self.declared_as_of = self.date(&place, "as_of", raw.as_of);
        self.sources = self.sources(&place, raw.sources);
        let billing = match raw.billing.as_deref() {
            None => base.map_or(Billing::Credits, |b| b.billing),
            Some("credits") => Billing::Credits,
            Some("money") => Billing::Money,
            Some(other) => {
                self.problem(
                    format!("{place}, field billing"),
                    format!("`{other}` is neither `credits` nor `money`"),
                );
                Billing::Credits
            }
        };
        let currency = raw
            .currency
            .or_else(|| base.map(|b| b.currency.clone()))
            .unwrap_or_else(|| "USD".to_string());
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
            self.problem(
                format!("{place}, field currency"),
                format!("`{currency}` is not a three-letter code like USD"),
            );
        }
        if let Some(unit) = &raw.credit_unit {
            if unit.trim().is_empty() || unit.chars().any(char::is_control) {
                self.problem(
                    format!("{place}, field credit_unit"),
                    "must be a word like `points`",
                );
            }
        }
        let facts = self.provenance(&place, raw.source, None, None);

        let own_plans = self.plans(&place, raw.plan);
        let plans = match base {
            Some(b) => merge_by_id(b.plans.clone(), own_plans, |p| &p.id),
            None => own_plans,
        };
        // Tiers are positions: a patch's plan takes the place of the one it replaces.
        let plans: Vec<Plan> = plans
            .into_iter()
            .enumerate()
            .map(|(tier, plan)| Plan { tier, ..plan })
            .collect();
        if billing == Billing::Money && !plans.is_empty() {
            self.problem(
                format!("{place}, field plan"),
                "a money-billed platform has no credit plans",
            );
        }
        let own_packs = self.packs(&place, raw.pack, &plans);
        let own_models = self.models(&place, raw.model, &plans);
        let (packs, models) = match base {
            Some(b) => (
                merge_by_id(b.packs.clone(), own_packs, |p| &p.id),
                merge_by_id(b.models.clone(), own_models, |m| &m.id),
            ),
            None => (own_packs, own_models),
        };
        let mut sources = base.map(|b| b.sources.clone()).unwrap_or_default();
        for s in std::mem::take(&mut self.sources) {
            if !sources.contains(&s) {
                sources.push(s);
            }
        }
        let mut notes = base.map(|b| b.notes.clone()).unwrap_or_default();
        // A patch adds its notes; one the table already says (a `pricing dump` loaded back
        // over the table it came from) is not said twice.
        for note in raw.notes {
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
        let (origin, patches) = match base {
            Some(b) => {
                let mut patches = b.patches.clone();
                patches.push(origin);
                (b.origin.clone(), patches)
            }
            None => (origin, Vec::new()),
        };
        let mut platform = Platform {
            id,
            name: raw.name,
            currency,
            billing,
            credit_unit: raw
                .credit_unit
                .or_else(|| base.and_then(|b| b.credit_unit.clone())),
            as_of: NaiveDate::MIN,
            declared_as_of: base.map_or(self.declared_as_of, |b| b.declared_as_of),
            failed_refunded: raw
                .failed_refunded
                .or_else(|| base.and_then(|b| b.failed_refunded)),
            facts: if base.is_some() && facts.sources.is_empty() {
                base.map_or(facts.clone(), |b| b.facts.clone())
            } else {
                facts
            },
            sources,
            notes,
            plans,
            packs,
            models,
            origin,
            patches,
        };
        match derived_as_of(&platform) {
            Some(date) => platform.as_of = date,
            None => self.problem(
                format!("{place}, field as_of"),
                "no date for the table's numbers: give sources with a `date` and cite them \
                 with `source = \"…\"`, or `as_of = 2026-05-04` (the date you checked them)",
            ),
        }
        platform
    }

    fn plans(&mut self, place: &str, raw: Vec<RawPlan>) -> Vec<Plan> {
        let mut plans: Vec<Plan> = Vec::new();
        for (tier, p) in raw.into_iter().enumerate() {
            let id = self.id(&format!("{place}, plan {}", p.name), p.id, &p.name);
            let here = format!("{place}, plan {id}");
            if plans.iter().any(|q| q.id == id) {
                self.problem(format!("{here}, field name"), "two plans have this id");
            }
            let price = p.price.map(|v| self.non_negative(&here, "price", v.0));
            let annual_price = p
                .annual_price
                .map(|v| self.non_negative(&here, "annual_price", v.0));
            let credits = p.credits.map(|v| self.non_negative(&here, "credits", v.0));
            let grant = match p.grant.as_deref() {
                None | Some("monthly") => Grant::Monthly,
                Some("daily") => Grant::Daily,
                Some("once") => Grant::Once,
                Some(other) => {
                    self.problem(
                        format!("{here}, field grant"),
                        format!("`{other}` is not `monthly`, `daily` or `once`"),
                    );
                    Grant::Monthly
                }
            };
            let provenance = self.provenance(&here, p.source, p.verified, None);
            let lifecycle = self.lifecycle(&here, p.deprecated, p.shutdown, p.replaced_by);
            let allow = self.allow(&here, p.allow);
            let promotion = p.promotion.map(|r| Promotion {
                provenance: self.provenance(
                    &format!("{here}, promotion"),
                    r.source,
                    r.verified,
                    Some(&provenance),
                ),
                first_period_price: r
                    .first_period_price
                    .map(|v| self.non_negative(&here, "promotion.first_period_price", v.0)),
                bonus_percent: r.first_period_bonus_percent.map(|v| {
                    self.non_negative_at_most(
                        &here,
                        "promotion.first_period_bonus_percent",
                        v.0,
                        MAX_BONUS_PERCENT,
                    )
                }),
                bonus_cap: r
                    .bonus_cap
                    .map(|v| self.non_negative(&here, "promotion.bonus_cap", v.0)),
            });
            plans.push(Plan {
                id,
                name: p.name,
                tier,
                price,
                annual_price,
                credits,
                grant,
                rollover: p.rollover,
                promotion,
                notes: p.notes,
                lifecycle,
                allow,
                provenance,
            });
        }
        plans
    }

    fn packs(&mut self, place: &str, raw: Vec<RawPack>, plans: &[Plan]) -> Vec<Pack> {
        let mut packs: Vec<Pack> = Vec::new();
        for p in raw {
            let id = self.id(&format!("{place}, pack {}", p.name), p.id, &p.name);
            let here = format!("{place}, pack {id}");
            if packs.iter().any(|q| q.id == id) {
                self.problem(format!("{here}, field name"), "two packs have this id");
            }
            let expiry = match (p.expires_after_days, p.never_expires) {
                (Some(_), Some(true)) => {
                    self.problem(
                        format!("{here}, field never_expires"),
                        "a pack cannot both expire after days and never expire",
                    );
                    Expiry::Unknown
                }
                (Some(0), _) => {
                    self.problem(
                        format!("{here}, field expires_after_days"),
                        "must be above 0",
                    );
                    Expiry::Unknown
                }
                (Some(days), _) => Expiry::AfterDays(days),
                (None, Some(true)) => Expiry::Never,
                (None, _) => Expiry::Unknown,
            };
            packs.push(Pack {
                any_amount: p.any_amount.unwrap_or(false),
                trial: p.trial.unwrap_or(false),
                min_plan: self.plan_ref(&here, "min_plan", p.min_plan.as_deref(), plans),
                provenance: self.provenance(&here, p.source, p.verified, None),
                price: self.non_negative(&here, "price", p.price.0),
                credits: self.positive(&here, "credits", p.credits.0),
                bonus: p
                    .bonus
                    .map_or(Decimal::ZERO, |b| self.non_negative(&here, "bonus", b.0)),
                id,
                name: p.name,
                expiry,
            });
        }
        packs
    }

    fn plan_ref(
        &mut self,
        here: &str,
        field: &str,
        name: Option<&str>,
        plans: &[Plan],
    ) -> Option<usize> {
        let name = name?;
        let found = plans.iter().find(|p| slug::matches(name, &p.id, &p.name));
        if found.is_none() {
            let known = known_ids(
                "plans",
                "the file has no [[plan]]",
                plans.iter().map(|p| p.id.as_str()),
            );
            self.problem(
                format!("{here}, field {field}"),
                format!("`{name}` names no plan ({known})"),
            );
        }
        found.map(|p| p.tier)
    }

    fn models(&mut self, place: &str, raw: Vec<RawModel>, plans: &[Plan]) -> Vec<Model> {
        let mut models: Vec<Model> = Vec::new();
        for m in raw {
            let id = self.id(&format!("{place}, model {}", m.name), m.id, &m.name);
            let here = format!("{place}, model {id}");
            if models.iter().any(|q| q.id == id) {
                self.problem(
                    format!("{here}, field name"),
                    "two models have this id (merge them, e.g. as duration buckets, or give one an `id`)",
                );
            }
            let kind = match m.kind.as_deref() {
                None => Kind::Video,
                Some(text) => Kind::parse(text).unwrap_or_else(|| {
                    self.problem(
                        format!("{here}, field kind"),
                        format!("`{text}` is not video, image, audio, text or other"),
                    );
                    Kind::Video
                }),
            };
            let min_plan = self.plan_ref(&here, "min_plan", m.min_plan.as_deref(), plans);
            let included_from =
                self.plan_ref(&here, "included_from", m.included_from.as_deref(), plans);
            let audio_included = match m.audio.as_deref() {
                None => false,
                Some("included") => true,
                Some(other) => {
                    self.problem(
                        format!("{here}, field audio"),
                        format!("`{other}` is not `included` (write audio prices as variants or extra.audio)"),
                    );
                    false
                }
            };
            let extra = match m.extra {
                None => Extras::default(),
                Some(e) => Extras {
                    audio: e.audio.map(|a| self.amount(&here, "extra.audio", a)),
                    per_ref: e.per_ref.map(|a| self.amount(&here, "extra.per_ref", a)),
                    upscale: e.upscale.map(|a| self.amount(&here, "extra.upscale", a)),
                },
            };

            let provenance = self.provenance(&here, m.source, m.verified, None);
            let download_names = self.download_names(&here, m.download_names);
            let lifecycle = self.lifecycle(&here, m.deprecated, m.shutdown, m.replaced_by);
            let allow = self.allow(&here, m.allow);
            let mut variants = Vec::new();
            let model_rate = rate_of!(m);
            let has_model_rate = model_rate.credits.is_some()
                || model_rate.buckets.is_some()
                || model_rate.per_second.is_some()
                || model_rate.per_input.is_some();
            if has_model_rate && !m.variant.is_empty() {
                self.problem(
                    format!("{here}, field variant"),
                    "give a rate on the model or in [[model.variant]], not both",
                );
            }
            if !m.before.is_empty() && !m.variant.is_empty() {
                self.problem(
                    format!("{here}, field before"),
                    "a model with variants gives its earlier rates on each variant ([[model.variant.before]])",
                );
            }
            if m.variant.is_empty() {
                let before = self.earlier_rates(&here, m.before, plans, &provenance);
                if let Some(rate) = self.rate(&here, model_rate, plans) {
                    variants.push(Variant {
                        mode: None,
                        resolution: None,
                        audio: None,
                        min_plan: None,
                        rate,
                        provenance: provenance.clone(),
                        before,
                    });
                }
            } else {
                for (i, v) in m.variant.into_iter().enumerate() {
                    // 1-based for people; `i` is a Vec index, so saturating never changes it.
                    let vhere = format!("{here}, variant {}", i.saturating_add(1));
                    let min_plan = self.plan_ref(&vhere, "min_plan", v.min_plan.as_deref(), plans);
                    let vprov = self.provenance(&vhere, v.source, v.verified, Some(&provenance));
                    let before = self.earlier_rates(&vhere, v.before, plans, &vprov);
                    if let Some(rate) = self.rate(&vhere, rate_of!(v), plans) {
                        variants.push(Variant {
                            mode: v.mode.map(|s| s.to_lowercase()),
                            resolution: v.resolution.map(|s| s.to_lowercase()),
                            audio: v.audio,
                            min_plan,
                            rate,
                            provenance: vprov,
                            before,
                        });
                    }
                }
                self.check_variant_overlap(&here, &variants);
            }

            let up_to = match m.max_resolution.as_deref().map(str::to_lowercase) {
                Some(max) => match RESOLUTION_LADDER.iter().position(|r| *r == max) {
                    Some(i) => RESOLUTION_LADDER.get(..=i).map(<[&str]>::to_vec),
                    None => {
                        self.problem(
                            format!("{here}, field max_resolution"),
                            format!("`{max}` is not one of {}", RESOLUTION_LADDER.join(", ")),
                        );
                        None
                    }
                },
                None => None,
            };
            if up_to.is_some() && m.resolutions.is_some() {
                self.problem(
                    format!("{here}, field max_resolution"),
                    "give either resolutions or max_resolution, not both",
                );
            }
            let resolutions_complete = m.resolutions.is_some()
                || up_to.is_some()
                || (!variants.is_empty() && variants.iter().all(|v| v.resolution.is_some()));
            let mut resolutions: Vec<String> = m
                .resolutions
                .unwrap_or_default()
                .into_iter()
                .map(|r| r.to_lowercase())
                .chain(up_to.into_iter().flatten().map(str::to_string))
                .collect();
            for v in &variants {
                if let Some(r) = &v.resolution {
                    if !resolutions.contains(r) {
                        resolutions.push(r.clone());
                    }
                }
            }
            models.push(Model {
                id,
                name: m.name,
                kind,
                min_plan,
                included_from,
                audio_included,
                resolutions,
                resolutions_complete,
                max_refs: m.max_refs,
                extra,
                variants,
                notes: m.notes,
                lifecycle,
                allow,
                provenance,
                download_names,
            });
        }
        models
    }

    /// A model's download-name patterns: each a glob that names something of the file (at
    /// least 4 characters that are not wildcards before its extension: `*.mp4` would take
    /// every clip for this model), with its sources.
    fn download_names(&mut self, here: &str, raw: Vec<RawDownloadName>) -> Vec<DownloadName> {
        let mut out = Vec::new();
        for (i, d) in raw.into_iter().enumerate() {
            let dhere = format!("{here}, download name {}", i.saturating_add(1));
            if let Err(e) = glob::Pattern::new(&d.pattern) {
                self.problem(
                    format!("{dhere}, field pattern"),
                    format!(
                        "`{}` is not a file-name pattern: {}",
                        d.pattern.escape_debug(),
                        e.msg
                    ),
                );
                continue;
            }
            let stem = d
                .pattern
                .rsplit_once('.')
                .map_or(d.pattern.as_str(), |(s, _)| s);
            let literal = stem
                .chars()
                .filter(|c| !matches!(c, '*' | '?' | '[' | ']' | '!'))
                .count();
            if literal < 4 || d.pattern.contains('/') {
                self.problem(
                    format!("{dhere}, field pattern"),
                    format!(
                        "`{}` would match almost any file: give the part of the name the platform writes (at least 4 characters before the extension, no `/`)",
                        d.pattern.escape_debug()
                    ),
                );
                continue;
            }
            let sources = self.provenance(&dhere, d.source, None, None).sources;
            out.push(DownloadName {
                pattern: d.pattern,
                sources,
            });
        }
        out
    }

    /// A rate's earlier values: each with its `until` date (strictly increasing, oldest
    /// first) and one rate form; its provenance is `inherit`'s unless it cites its own.
    fn earlier_rates(
        &mut self,
        here: &str,
        raw: Vec<RawEarlier>,
        plans: &[Plan],
        inherit: &Provenance,
    ) -> Vec<EarlierRate> {
        let mut out: Vec<EarlierRate> = Vec::new();
        for (i, e) in raw.into_iter().enumerate() {
            // 1-based for people; `i` is a Vec index, so saturating never changes it.
            let ehere = format!("{here}, earlier rate {}", i.saturating_add(1));
            let until = match e.until {
                Some(raw) => self.date(&ehere, "until", Some(raw)),
                None => {
                    self.problem(
                        format!("{ehere}, field until"),
                        "an earlier rate needs `until`: the first day it no longer applied",
                    );
                    None
                }
            };
            if let (Some(day), Some(last)) = (until, out.last()) {
                if day <= last.until {
                    self.problem(
                        format!("{ehere}, field until"),
                        format!(
                            "{day} is not after {} (the previous earlier rate's): list earlier rates oldest first",
                            last.until
                        ),
                    );
                }
            }
            let provenance = self.provenance(&ehere, e.source, e.verified, Some(inherit));
            let rate = self.rate(&ehere, rate_of!(e), plans);
            if let (Some(until), Some(rate)) = (until, rate) {
                out.push(EarlierRate {
                    until,
                    rate,
                    provenance,
                });
            }
        }
        out
    }

    fn check_variant_overlap(&mut self, here: &str, variants: &[Variant]) {
        let mut rest = variants;
        while let Some((a, later)) = rest.split_first() {
            for b in later {
                if a.mode == b.mode && a.resolution == b.resolution && a.audio == b.audio {
                    self.problem(
                        format!("{here}, field variant"),
                        "two variants have the same mode, resolution and audio",
                    );
                }
            }
            rest = later;
        }
    }

    /// Exactly one rate form; `None` (with a problem recorded) when there is none or several.
    fn rate(&mut self, here: &str, raw: RawRate, plans: &[Plan]) -> Option<Rate> {
        let forms = [
            raw.credits.is_some(),
            raw.buckets.is_some(),
            raw.per_second.is_some(),
            raw.per_input.is_some(),
        ];
        let count = forms.iter().filter(|f| **f).count();
        if count == 0 {
            self.problem(
                format!("{here}, field rate"),
                "no rate: give one of `credits`, `buckets`, `per_second`, `per_input`",
            );
            return None;
        }
        if count > 1 {
            self.problem(
                format!("{here}, field rate"),
                "more than one rate form: give only one of `credits`, `buckets`, `per_second`, `per_input`",
            );
            return None;
        }
        if raw.durations.is_some() && raw.per_second.is_none() {
            self.problem(
                format!("{here}, field durations"),
                "`durations` goes with `per_second` (buckets carry their own seconds)",
            );
        }
        if let Some(amount) = raw.credits {
            return Some(Rate::Flat(self.amount(here, "credits", amount)));
        }
        if let Some(rate) = raw.per_second {
            let rate = self.amount(here, "per_second", rate);
            let mut durations: Vec<Decimal> = raw
                .durations
                .unwrap_or_default()
                .into_iter()
                .map(|d| self.positive(here, "durations", d.0))
                .collect();
            durations.sort();
            durations.dedup();
            return Some(Rate::PerSecond { rate, durations });
        }
        if let Some(p) = raw.per_input {
            let unit = match p.unit.as_str() {
                "chars" => InputUnit::Chars,
                other => {
                    self.problem(
                        format!("{here}, field per_input.unit"),
                        format!("`{other}` is not a known unit (chars)"),
                    );
                    InputUnit::Chars
                }
            };
            return Some(Rate::PerInput {
                credits: self.amount(here, "per_input.credits", p.credits),
                per: {
                    let per = self.positive(here, "per_input.per", p.per.0);
                    if per > Decimal::ZERO && per < MIN_PER_INPUT {
                        self.problem(
                            format!("{here}, field per_input.per"),
                            format!("{per} is too small (at least {MIN_PER_INPUT})"),
                        );
                    }
                    per
                },
                unit,
            });
        }
        let raw_buckets = raw.buckets.unwrap_or_default();
        if raw_buckets.is_empty() {
            self.problem(format!("{here}, field buckets"), "no buckets");
            return None;
        }
        let mut buckets: Vec<Bucket> = raw_buckets
            .into_iter()
            .map(|b| Bucket {
                seconds: self.positive(here, "buckets.seconds", b.seconds.0),
                credits: self.amount(here, "buckets.credits", b.credits),
                min_plan: self.plan_ref(here, "buckets.min_plan", b.min_plan.as_deref(), plans),
            })
            .collect();
        buckets.sort_by_key(|b| b.seconds);
        for pair in buckets.windows(2) {
            if pair[0].seconds == pair[1].seconds {
                self.problem(
                    format!("{here}, field buckets"),
                    format!("two buckets overlap at {} s", pair[0].seconds.normalize()),
                );
            } else if pair[0].credits.min > pair[1].credits.max {
                self.problem(
                    format!("{here}, field buckets"),
                    format!(
                        "the {} s bucket costs more than the longer {} s one",
                        pair[0].seconds.normalize(),
                        pair[1].seconds.normalize()
                    ),
                );
            }
        }
        Some(Rate::Buckets(buckets))
    }
}

/// `plans are: a, b` for a "names no …" problem, or `none` when there are no ids.
fn known_ids<'a>(what: &str, none: &str, ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.filter(|id| !id.is_empty()).collect();
    if ids.is_empty() {
        none.to_string()
    } else {
        format!("{what} are: {}", ids.join(", "))
    }
}

/// `base` with each of `patch`'s items replacing the one of the same id in place, and
/// the rest appended in the patch's order.
fn merge_by_id<T>(mut base: Vec<T>, patch: Vec<T>, id: impl Fn(&T) -> &String) -> Vec<T> {
    for item in patch {
        match base.iter().position(|b| id(b) == id(&item)) {
            Some(i) => base[i] = item,
            None => base.push(item),
        }
    }
    base
}

/// The oldest verification date among a table's numbers: its plans, promotions, packs,
/// models and variants. `None` when no number has a date.
pub(crate) fn derived_as_of(p: &Platform) -> Option<NaiveDate> {
    every_provenance(p).filter_map(|prov| prov.verified).min()
}

/// Every number-carrying item's provenance, with a label saying which item it is.
pub(crate) fn every_provenance(p: &Platform) -> impl Iterator<Item = &Provenance> {
    let plans = p.plans.iter().flat_map(|plan| {
        std::iter::once(&plan.provenance).chain(plan.promotion.iter().map(|pr| &pr.provenance))
    });
    let packs = p.packs.iter().map(|pack| &pack.provenance);
    let models = p.models.iter().flat_map(|m| {
        std::iter::once(&m.provenance).chain(m.variants.iter().map(|v| &v.provenance))
    });
    plans.chain(packs).chain(models)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Platform, FileError> {
        parse_platform(text, Origin::Builtin("test.toml".into()))
    }

    #[test]
    fn the_documented_example_file_is_valid() {
        let doc = include_str!("../../../../docs/pricing-files.md");
        // The example under its heading (other sections show config files in TOML too).
        let doc = &doc[doc.find("## Example: a complete file").unwrap()..];
        let start = doc.find("```toml\n").unwrap() + 8;
        let end = start + doc[start..].find("```").unwrap();
        let platform = parse(&doc[start..end]).unwrap();
        assert_eq!(platform.id, "exampleclips");
        assert_eq!(platform.plans.len(), 2);
        assert_eq!(platform.models.len(), 3);
        assert_eq!(platform.packs[0].expiry, Expiry::AfterDays(365));
        // It is also an example of a fully sourced table.
        let strict = super::super::strict::problems(&platform);
        assert!(strict.is_empty(), "{strict:?}");
        assert_eq!(platform.as_of.to_string(), "2026-11-01");
        assert!(platform.models[2].provenance.only_third_party());
    }

    #[test]
    fn decimals_are_read_exactly() {
        let p = parse(
            "name = \"X\"\nas_of = 2026-01-01\nbilling = \"money\"\n[[model]]\nname = \"m\"\nper_second = 0.084\n",
        )
        .unwrap();
        match &p.models[0].variants[0].rate {
            Rate::PerSecond { rate, .. } => assert_eq!(rate.min.to_string(), "0.084"),
            other => panic!("unexpected rate {other:?}"),
        }
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = parse("name = \"X\"\nas_of = 2026-01-01\n[[model]\n").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("line 3"), "{text}");
        assert!(text.contains("column"), "{text}");
    }

    #[test]
    fn every_meaning_problem_is_listed_with_platform_model_and_field() {
        let err = parse(
            r#"
name = "Bad"
as_of = 2026-01-01
[[plan]]
name = "Free"
price = 0
[[model]]
name = "Neg"
credits = -5
[[model]]
name = "Gated"
min_plan = "Platinum"
credits = 5
[[model]]
name = "Overlap"
buckets = [{ seconds = 5, credits = 10 }, { seconds = 5, credits = 20 }]
[[model]]
name = "Nothing"
"#,
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("platform bad, model neg, field credits: -5 is negative"),
            "{text}"
        );
        assert!(
            text.contains("model gated, field min_plan: `Platinum` names no plan"),
            "{text}"
        );
        assert!(
            text.contains("model overlap, field buckets: two buckets overlap at 5 s"),
            "{text}"
        );
        assert!(
            text.contains("model nothing, field rate: no rate"),
            "{text}"
        );
    }

    #[test]
    fn absurd_values_are_refused_naming_the_field() {
        const MAX: &str = "79228162514264337593543950335";
        let err = parse(&format!(
            r#"
name = "Huge"
as_of = 2026-01-01
[[plan]]
name = "Pro"
price = 10
credits = "{MAX}"
promotion = {{ first_period_bonus_percent = "{MAX}" }}
[[pack]]
name = "Big"
price = 1
credits = "{MAX}"
bonus = 5
[[model]]
name = "Tts"
kind = "audio"
per_input = {{ credits = 1, per = "0.0000000000000000000000000001", unit = "chars" }}
[[model]]
name = "Range"
credits = {{ min = 1, max = "{MAX}" }}
"#
        ))
        .unwrap_err();
        let text = err.to_string();
        for expected in [
            "plan pro, field credits: 79228162514264337593543950335 is too large (at most 1,000,000,000,000,000)",
            "plan pro, field promotion.first_period_bonus_percent: 79228162514264337593543950335 is too large (at most 10,000)",
            "pack big, field credits: 79228162514264337593543950335 is too large",
            "model tts, field per_input.per: 0.0000000000000000000000000001 is too small (at least 0.000001)",
            "model range, field credits: 79228162514264337593543950335 is too large",
        ] {
            assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
        }
        // Each field is reported once (the percent against its own limit).
        assert_eq!(
            text.matches("first_period_bonus_percent").count(),
            1,
            "{text}"
        );
        assert_eq!(
            text.matches("model range, field credits").count(),
            1,
            "{text}"
        );
    }

    #[test]
    fn the_limits_themselves_are_accepted() {
        let p = parse(
            "name = \"X\"\nas_of = 2026-01-01\n[[plan]]\nname = \"P\"\nprice = 1000000000000000\ncredits = 1000000000000000\npromotion = { first_period_bonus_percent = 10000 }\n[[model]]\nname = \"m\"\nper_input = { credits = 1000000000000000, per = 0.000001, unit = \"chars\" }\n",
        )
        .unwrap();
        assert_eq!(p.plans[0].credits, Some(MAX_AMOUNT));
        assert_eq!(MAX_AMOUNT.to_string(), "1000000000000000");
        assert_eq!(MIN_PER_INPUT.to_string(), "0.000001");
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let err = parse("name = \"X\"\nas_of = 2026-01-01\n[[model]]\nname = \"m\"\ncredit = 5\n")
            .unwrap_err();
        assert!(err.to_string().contains("credit"), "{err}");
    }

    #[test]
    fn max_resolution_states_every_standard_resolution_up_to_it() {
        let file = |extra: &str| {
            format!(
                "name = \"P\"\nas_of = 2026-12-01\nbilling = \"money\"\n[[model]]\nname = \"m\"\n\
                 per_second = 0.1\n{extra}\n"
            )
        };
        let p = parse(&file("max_resolution = \"1080P\"")).unwrap();
        let m = &p.models[0];
        assert_eq!(m.resolutions, ["360p", "480p", "540p", "720p", "1080p"]);
        assert!(m.resolutions_complete);
        let err = parse(&file("max_resolution = \"8k\""))
            .unwrap_err()
            .to_string();
        assert!(err.contains("`8k` is not one of 360p"), "{err}");
        let err = parse(&file("max_resolution = \"720p\"\nresolutions = [\"720p\"]"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("either resolutions or max_resolution"),
            "{err}"
        );
    }

    #[test]
    fn an_id_that_reads_as_a_path_is_refused() {
        for id in ["../../etc", "a/b", ".hidden"] {
            let text = format!(
                "name = \"P\"\nid = \"{id}\"\nas_of = 2026-12-01\nbilling = \"money\"\n\
                 [[model]]\nname = \"m\"\nper_second = 0.1\n"
            );
            let err = parse(&text).unwrap_err().to_string();
            assert!(err.contains("is not a slug"), "{id}: {err}");
        }
    }

    /// A money table whose model `m` is written with `body` (its rates and earlier rates).
    fn earlier_file(body: &str) -> String {
        format!("name = \"P\"\nas_of = 2026-12-01\nbilling = \"money\"\n[[model]]\nname = \"m\"\n{body}")
    }

    #[test]
    fn earlier_rates_are_read_on_a_model_and_on_its_variants_oldest_first() {
        let p = parse(&earlier_file(
            "per_second = 0.10\n\
             [[model.before]]\nuntil = 2026-01-01\ncredits = 2\n\
             [[model.before]]\nuntil = 2026-04-07\nper_second = 0.15\ndurations = [4, 8]\n",
        ))
        .unwrap();
        let v = &p.models[0].variants[0];
        let untils: Vec<String> = v.before.iter().map(|e| e.until.to_string()).collect();
        assert_eq!(untils, ["2026-01-01", "2026-04-07"]);
        assert!(matches!(v.before[0].rate, Rate::Flat(_)));
        assert!(
            matches!(&v.before[1].rate, Rate::PerSecond { durations, .. } if durations.len() == 2)
        );
        // With no source of its own, an earlier rate rests on its variant's.
        assert_eq!(v.before[0].provenance, v.provenance);

        let p = parse(&earlier_file(
            "[[model.variant]]\nresolution = \"720p\"\nper_second = 0.10\n\
             [[model.variant.before]]\nuntil = 2026-04-07\nper_second = 0.15\n\
             [[model.variant]]\nresolution = \"1080p\"\nper_second = 0.12\n",
        ))
        .unwrap();
        let m = &p.models[0];
        assert_eq!(m.variants[0].before.len(), 1);
        assert!(m.variants[1].before.is_empty());
    }

    #[test]
    fn earlier_rates_need_an_until_in_order_and_one_rate_form() {
        let err = parse(&earlier_file(
            "per_second = 0.10\n\
             [[model.before]]\nuntil = 2026-04-07\nper_second = 0.15\n\
             [[model.before]]\nuntil = 2026-04-07\nper_second = 0.20\n\
             [[model.before]]\nper_second = 0.30\n\
             [[model.before]]\nuntil = 2026-05-01\n\
             [[model.before]]\nuntil = 2026-06-01\ncredits = 1\nper_second = 0.2\n",
        ))
        .unwrap_err()
        .to_string();
        for want in [
            "model m, earlier rate 2, field until: 2026-04-07 is not after 2026-04-07",
            "model m, earlier rate 3, field until: an earlier rate needs `until`",
            "model m, earlier rate 4, field rate: no rate",
            "model m, earlier rate 5, field rate: more than one rate form",
        ] {
            assert!(err.contains(want), "{want}\n{err}");
        }
        let err = parse(&earlier_file(
            "per_second = 0.10\n[[model.before]]\nuntil = 2026-04-07T10:00:00\nper_second = 0.15\n",
        ))
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("earlier rate 1, field until: `2026-04-07T10:00:00` is not a date"),
            "{err}"
        );
        // On a model with variants, each variant says its own earlier rates.
        let err = parse(&earlier_file(
            "[[model.before]]\nuntil = 2026-04-07\nper_second = 0.15\n\
             [[model.variant]]\nresolution = \"720p\"\nper_second = 0.10\n",
        ))
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("model m, field before: a model with variants gives its earlier rates on each variant"),
            "{err}"
        );
        let err = parse(&earlier_file(
            "per_second = 0.10\n[[model.before]]\nuntil = 2026-04-07\nper_second = 0.15\nprice = 1\n",
        ))
        .unwrap_err()
        .to_string();
        assert!(err.contains("price"), "{err}");
    }
}
