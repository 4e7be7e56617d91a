//! `credits pricing dump`: a loaded table written back as a pricing file.
//!
//! The output validates and loads back to the same table (tested for every shipped one),
//! so a user can start an override from it. Comments of the original file are not kept;
//! every number keeps its sources and verification date.

use super::*;
use serde::Serialize;
use toml::value::{Date, Datetime};

/// The table as TOML without the header comment: the same text for the same numbers,
/// wherever the table was loaded from.
pub fn canonical(p: &Platform) -> anyhow::Result<String> {
    Ok(toml::to_string(&DumpPlatform::from(p))?)
}

/// Hex SHA-256 of the canonical text: which version of a table priced an entry.
pub fn fingerprint(p: &Platform) -> String {
    use sha2::{Digest, Sha256};
    // Serialising a loaded table cannot fail (every value is a string, number, bool or
    // date); an error would only leave the hash of an empty text.
    let text = canonical(p).unwrap_or_default();
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The table as TOML text.
pub fn to_toml(p: &Platform) -> anyhow::Result<String> {
    let body = canonical(p)?;
    Ok(format!(
        "# {} pricing table, as loaded by credits (from {}).\n\
         # as_of {} is derived: the oldest verification date of the numbers below.\n{body}",
        p.name, p.origin, p.as_of
    ))
}

fn date(d: NaiveDate) -> Datetime {
    use chrono::Datelike;
    Datetime {
        // Dates come from a parsed file, so they fit TOML's ranges.
        date: Some(Date {
            year: u16::try_from(d.year()).unwrap_or(0),
            month: u8::try_from(d.month()).unwrap_or(0),
            day: u8::try_from(d.day()).unwrap_or(0),
        }),
        time: None,
        offset: None,
    }
}

/// A decimal as a TOML integer when it is one, else as an exact string.
#[derive(Serialize)]
#[serde(untagged)]
enum Num {
    Int(i64),
    Text(String),
}

fn num(d: Decimal) -> Num {
    let d = d.normalize();
    if d.scale() == 0 {
        if let Ok(i) = i64::try_from(d.mantissa()) {
            return Num::Int(i);
        }
    }
    Num::Text(d.to_string())
}

#[derive(Serialize)]
#[serde(untagged)]
enum DumpAmount {
    Exact(Num),
    Range { min: Num, max: Num },
    From { min: Num },
}

fn amount(a: &Amount) -> DumpAmount {
    if a.open {
        DumpAmount::From { min: num(a.min) }
    } else if a.is_exact() {
        DumpAmount::Exact(num(a.min))
    } else {
        DumpAmount::Range {
            min: num(a.min),
            max: num(a.max),
        }
    }
}

#[derive(Serialize)]
struct DumpPlatform {
    name: String,
    id: String,
    currency: String,
    billing: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit_unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    failed_refunded: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    source: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<DumpSource>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    plan: Vec<DumpPlan>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pack: Vec<DumpPack>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    model: Vec<DumpModel>,
}

#[derive(Serialize)]
struct DumpSource {
    #[serde(skip_serializing_if = "String::is_empty")]
    id: String,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    read: Option<Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grade: Option<&'static str>,
}

/// `source` and `verified` of an item: `verified` only when it is not what the sources
/// (or the file's `as_of`) would give anyway.
#[derive(Serialize, Default)]
struct DumpProvenance {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    source: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verified: Option<Datetime>,
}

fn provenance(prov: &Provenance, declared_as_of: Option<NaiveDate>) -> DumpProvenance {
    let default = Provenance::newest_source_date(&prov.sources).or(declared_as_of);
    DumpProvenance {
        source: prov.sources.iter().map(|s| s.id.clone()).collect(),
        verified: prov.verified.filter(|v| Some(*v) != default).map(date),
    }
}

#[derive(Serialize, Default)]
struct DumpLifecycle {
    #[serde(skip_serializing_if = "Option::is_none")]
    deprecated: Option<Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    shutdown: Option<Datetime>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    replaced_by: Vec<String>,
}

fn lifecycle(l: &Lifecycle) -> DumpLifecycle {
    DumpLifecycle {
        deprecated: l.deprecated.map(date),
        shutdown: l.shutdown.map(date),
        replaced_by: l.replaced_by.clone(),
    }
}

#[derive(Serialize)]
struct DumpAllow {
    rule: &'static str,
    reason: String,
}

fn allow(a: &[Allow]) -> Vec<DumpAllow> {
    a.iter()
        .map(|a| DumpAllow {
            rule: a.rule.as_str(),
            reason: a.reason.clone(),
        })
        .collect()
}

/// What a plan and a model both carry besides their numbers.
#[derive(Serialize)]
struct DumpMeta {
    #[serde(flatten)]
    provenance: DumpProvenance,
    #[serde(flatten)]
    lifecycle: DumpLifecycle,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    allow: Vec<DumpAllow>,
}

fn meta(
    prov: &Provenance,
    declared_as_of: Option<NaiveDate>,
    l: &Lifecycle,
    notes: &[String],
    a: &[Allow],
) -> DumpMeta {
    DumpMeta {
        provenance: provenance(prov, declared_as_of),
        lifecycle: lifecycle(l),
        notes: notes.to_vec(),
        allow: allow(a),
    }
}

#[derive(Serialize)]
struct DumpPlan {
    name: String,
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    price: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    annual_price: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credits: Option<Num>,
    grant: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rollover: Option<bool>,
    #[serde(flatten)]
    meta: DumpMeta,
    #[serde(skip_serializing_if = "Option::is_none")]
    promotion: Option<DumpPromotion>,
}

#[derive(Serialize)]
struct DumpPromotion {
    #[serde(skip_serializing_if = "Option::is_none")]
    first_period_price: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_period_bonus_percent: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bonus_cap: Option<Num>,
    #[serde(flatten)]
    provenance: DumpProvenance,
}

#[derive(Serialize)]
struct DumpPack {
    name: String,
    id: String,
    price: Num,
    credits: Num,
    #[serde(skip_serializing_if = "Option::is_none")]
    bonus: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires_after_days: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    never_expires: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_plan: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    any_amount: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trial: Option<bool>,
    #[serde(flatten)]
    provenance: DumpProvenance,
}

#[derive(Serialize, Default)]
struct DumpRate {
    #[serde(skip_serializing_if = "Option::is_none")]
    credits: Option<DumpAmount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    per_second: Option<DumpAmount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    durations: Option<Vec<Num>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    per_input: Option<DumpPerInput>,
    #[serde(skip_serializing_if = "Option::is_none")]
    buckets: Option<Vec<DumpBucket>>,
}

#[derive(Serialize)]
struct DumpPerInput {
    credits: DumpAmount,
    per: Num,
    unit: &'static str,
}

#[derive(Serialize)]
struct DumpBucket {
    seconds: Num,
    credits: DumpAmount,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_plan: Option<String>,
}

#[derive(Serialize)]
struct DumpModel {
    name: String,
    id: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_plan: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    included_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audio: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resolutions: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_refs: Option<u32>,
    #[serde(flatten)]
    meta: DumpMeta,
    #[serde(flatten)]
    rate: DumpRate,
    #[serde(skip_serializing_if = "Option::is_none")]
    extra: Option<DumpExtras>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    before: Vec<DumpEarlier>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    variant: Vec<DumpVariant>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    download_names: Vec<DumpDownloadName>,
}

/// `[[model.before]]` / `[[model.variant.before]]`: an earlier rate and the day it ended.
#[derive(Serialize)]
struct DumpEarlier {
    until: Datetime,
    #[serde(flatten)]
    rate: DumpRate,
    #[serde(flatten)]
    provenance: DumpProvenance,
}

#[derive(Serialize)]
struct DumpDownloadName {
    pattern: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    source: Vec<String>,
}

#[derive(Serialize)]
struct DumpExtras {
    #[serde(skip_serializing_if = "Option::is_none")]
    audio: Option<DumpAmount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    per_ref: Option<DumpAmount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    upscale: Option<DumpAmount>,
}

#[derive(Serialize)]
struct DumpVariant {
    #[serde(skip_serializing_if = "Option::is_none")]
    mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resolution: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audio: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_plan: Option<String>,
    #[serde(flatten)]
    provenance: DumpProvenance,
    #[serde(flatten)]
    rate: DumpRate,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    before: Vec<DumpEarlier>,
}

impl From<&Platform> for DumpPlatform {
    fn from(p: &Platform) -> Self {
        let declared = p.declared_as_of;
        let plan_id = |tier: Option<usize>| tier.map(|t| p.plan_name_id(t));
        let rate = |r: &Rate| -> DumpRate {
            match r {
                Rate::Flat(a) => DumpRate {
                    credits: Some(amount(a)),
                    ..DumpRate::default()
                },
                Rate::PerSecond { rate, durations } => DumpRate {
                    per_second: Some(amount(rate)),
                    durations: (!durations.is_empty())
                        .then(|| durations.iter().map(|d| num(*d)).collect()),
                    ..DumpRate::default()
                },
                Rate::PerInput { credits, per, unit } => DumpRate {
                    per_input: Some(DumpPerInput {
                        credits: amount(credits),
                        per: num(*per),
                        unit: unit.as_str(),
                    }),
                    ..DumpRate::default()
                },
                Rate::Buckets(buckets) => DumpRate {
                    buckets: Some(
                        buckets
                            .iter()
                            .map(|b| DumpBucket {
                                seconds: num(b.seconds),
                                credits: amount(&b.credits),
                                min_plan: plan_id(b.min_plan),
                            })
                            .collect(),
                    ),
                    ..DumpRate::default()
                },
            }
        };
        // A variant's earlier rates; their sources are written when not the variant's.
        let before = |v: &Variant| -> Vec<DumpEarlier> {
            v.before
                .iter()
                .map(|e| DumpEarlier {
                    until: date(e.until),
                    rate: rate(&e.rate),
                    provenance: if e.provenance == v.provenance {
                        DumpProvenance::default()
                    } else {
                        provenance(&e.provenance, declared)
                    },
                })
                .collect()
        };
        let mut sources: Vec<DumpSource> = Vec::new();
        for s in &p.sources {
            if !s.id.is_empty() && sources.iter().any(|d| d.id == s.id) {
                continue;
            }
            sources.push(DumpSource {
                id: s.id.clone(),
                title: s.title.clone(),
                url: s.url.clone(),
                date: s.date.map(date),
                read: s.read.map(date),
                grade: s.grade.map(Grade::as_str),
            });
        }
        DumpPlatform {
            name: p.name.clone(),
            id: p.id.clone(),
            currency: p.currency.clone(),
            billing: match p.billing {
                Billing::Credits => "credits",
                Billing::Money => "money",
            },
            credit_unit: p.credit_unit.clone(),
            as_of: declared.map(date),
            failed_refunded: p.failed_refunded,
            source: p.facts.sources.iter().map(|s| s.id.clone()).collect(),
            notes: p.notes.clone(),
            sources,
            plan: p
                .plans
                .iter()
                .map(|plan| DumpPlan {
                    name: plan.name.clone(),
                    id: plan.id.clone(),
                    price: plan.price.map(num),
                    annual_price: plan.annual_price.map(num),
                    credits: plan.credits.map(num),
                    grant: plan.grant.key(),
                    rollover: plan.rollover,
                    meta: meta(
                        &plan.provenance,
                        declared,
                        &plan.lifecycle,
                        &plan.notes,
                        &plan.allow,
                    ),
                    promotion: plan.promotion.as_ref().map(|pr| DumpPromotion {
                        first_period_price: pr.first_period_price.map(num),
                        first_period_bonus_percent: pr.bonus_percent.map(num),
                        bonus_cap: pr.bonus_cap.map(num),
                        provenance: if pr.provenance == plan.provenance {
                            DumpProvenance::default()
                        } else {
                            provenance(&pr.provenance, declared)
                        },
                    }),
                })
                .collect(),
            pack: p
                .packs
                .iter()
                .map(|pack| DumpPack {
                    name: pack.name.clone(),
                    id: pack.id.clone(),
                    price: num(pack.price),
                    credits: num(pack.credits),
                    bonus: (!pack.bonus.is_zero()).then(|| num(pack.bonus)),
                    expires_after_days: match pack.expiry {
                        Expiry::AfterDays(d) => Some(d),
                        _ => None,
                    },
                    never_expires: (pack.expiry == Expiry::Never).then_some(true),
                    min_plan: plan_id(pack.min_plan),
                    any_amount: pack.any_amount.then_some(true),
                    trial: pack.trial.then_some(true),
                    provenance: provenance(&pack.provenance, declared),
                })
                .collect(),
            model: p
                .models
                .iter()
                .map(|m| {
                    // A rate written on the model itself is one variant with no selectors.
                    let direct = match m.variants.as_slice() {
                        [v] if v.mode.is_none()
                            && v.resolution.is_none()
                            && v.audio.is_none()
                            && v.min_plan.is_none()
                            && v.provenance == m.provenance =>
                        {
                            Some(v)
                        }
                        _ => None,
                    };
                    let all_named =
                        !m.variants.is_empty() && m.variants.iter().all(|v| v.resolution.is_some());
                    DumpModel {
                        name: m.name.clone(),
                        id: m.id.clone(),
                        kind: m.kind.as_str(),
                        min_plan: plan_id(m.min_plan),
                        included_from: plan_id(m.included_from),
                        audio: m.audio_included.then_some("included"),
                        // Written when the file gave the list (complete without every
                        // variant naming a resolution), so it loads back the same.
                        resolutions: (m.resolutions_complete && !all_named)
                            .then(|| m.resolutions.clone()),
                        max_refs: m.max_refs,
                        meta: meta(&m.provenance, declared, &m.lifecycle, &m.notes, &m.allow),
                        rate: direct.map(|v| rate(&v.rate)).unwrap_or_default(),
                        before: direct.map(before).unwrap_or_default(),
                        extra: (m.extra != Extras::default()).then(|| DumpExtras {
                            audio: m.extra.audio.as_ref().map(amount),
                            per_ref: m.extra.per_ref.as_ref().map(amount),
                            upscale: m.extra.upscale.as_ref().map(amount),
                        }),
                        variant: if direct.is_some() {
                            Vec::new()
                        } else {
                            m.variants
                                .iter()
                                .map(|v| DumpVariant {
                                    mode: v.mode.clone(),
                                    resolution: v.resolution.clone(),
                                    audio: v.audio,
                                    min_plan: plan_id(v.min_plan),
                                    provenance: if v.provenance == m.provenance {
                                        DumpProvenance::default()
                                    } else {
                                        provenance(&v.provenance, declared)
                                    },
                                    rate: rate(&v.rate),
                                    before: before(v),
                                })
                                .collect()
                        },
                        download_names: m
                            .download_names
                            .iter()
                            .map(|d| DumpDownloadName {
                                pattern: d.pattern.clone(),
                                source: d.sources.iter().map(|s| s.id.clone()).collect(),
                            })
                            .collect(),
                    }
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::catalog::Catalog;
    use crate::pricing::schema::parse_platform;

    /// The table with every origin set to one value, to compare tables read from
    /// different places.
    fn without_origins(mut p: Platform) -> Platform {
        let o = Origin::Builtin("x".into());
        p.origin = o.clone();
        p.facts.origin = o.clone();
        for plan in &mut p.plans {
            plan.provenance.origin = o.clone();
            if let Some(pr) = &mut plan.promotion {
                pr.provenance.origin = o.clone();
            }
        }
        for pack in &mut p.packs {
            pack.provenance.origin = o.clone();
        }
        for m in &mut p.models {
            m.provenance.origin = o.clone();
            for v in &mut m.variants {
                v.provenance.origin = o.clone();
                for e in &mut v.before {
                    e.provenance.origin = o.clone();
                }
            }
        }
        p
    }

    #[test]
    fn every_shipped_table_dumps_to_toml_that_loads_back_the_same() {
        for p in Catalog::builtin().platforms() {
            let text = to_toml(p).unwrap();
            let back = parse_platform(&text, Origin::Builtin("dump".into()))
                .unwrap_or_else(|e| panic!("{}: {e}\n{text}", p.id));
            assert_eq!(
                without_origins(back),
                without_origins(p.clone()),
                "{}",
                p.id
            );
        }
    }

    #[test]
    fn earlier_rates_dump_and_load_back_the_same() {
        let text = r#"
name = "P"
billing = "money"
sources = [
  { id = "now", title = "Now", date = 2026-06-01, grade = "official" },
  { id = "then", title = "Then", date = 2026-03-01, grade = "third-party" },
]
[[model]]
name = "direct"
per_second = 0.1
source = "now"
[[model.before]]
until = 2026-01-01
credits = 2
[[model.before]]
until = 2026-04-07
per_second = 0.15
durations = [4, 8]
source = "then"
[[model]]
name = "variants"
source = "now"
[[model.variant]]
resolution = "720p"
per_second = 0.1
[[model.variant.before]]
until = 2026-04-07
buckets = [{ seconds = 5, credits = 1 }]
source = "then"
verified = 2026-03-15
[[model.variant]]
resolution = "1080p"
per_second = 0.12
"#;
        let p = parse_platform(text, Origin::Builtin("t".into())).unwrap();
        let dumped = to_toml(&p).unwrap();
        assert!(dumped.contains("[[model.before]]"), "{dumped}");
        assert!(dumped.contains("[[model.variant.before]]"), "{dumped}");
        let back = parse_platform(&dumped, Origin::Builtin("dump".into()))
            .unwrap_or_else(|e| panic!("{e}\n{dumped}"));
        assert_eq!(without_origins(back), without_origins(p));
    }
}
