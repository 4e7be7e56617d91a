//! `pricing validate --strict`: every number sourced and dated, and the sanity rules a
//! real price list keeps (or names, with its reason, the one it breaks).
//!
//! These checks go beyond "the file can be used" (that is `schema`): they are what the
//! shipped tables must pass, run by `cargo test` over every one of them. Staleness is not
//! checked here: a test must not start failing as time passes.

// Every operation on a number from a file must be checked (see `schema`).
#![deny(clippy::arithmetic_side_effects)]

use super::schema::Problem;
use super::*;

/// Every strict problem of a validated platform, each naming its place and field.
pub fn problems(p: &Platform) -> Vec<Problem> {
    let mut found = Found::default();
    let place = format!("platform {}", p.id);
    if let Some(date) = p.declared_as_of {
        found.add(
            format!("{place}, field as_of"),
            format!("as_of = {date} is derived from the numbers' verification dates; remove it"),
        );
    }
    for (i, s) in p.sources.iter().enumerate() {
        let here = format!("{place}, source {}", i.saturating_add(1));
        if s.id.is_empty() {
            found.add(
                format!("{here}, field id"),
                "a source needs an `id` to be cited",
            );
        }
        if s.grade.is_none() {
            found.add(
                format!("{here}, field grade"),
                "a source needs a `grade`: official, third-party, reseller or seed",
            );
        }
        if s.dated().is_none() {
            found.add(
                format!("{here}, field date"),
                "a source needs its own `date`, or `read` (when an undated page was read)",
            );
        }
    }
    if p.failed_refunded.is_some() && p.facts.sources.is_empty() {
        found.add(
            format!("{place}, field source"),
            "`failed_refunded` is stated without a `source`",
        );
    }
    for plan in &p.plans {
        let here = format!("{place}, plan {}", plan.id);
        found.sourced(&here, &plan.provenance);
        if let Some(promo) = &plan.promotion {
            found.sourced(&format!("{here}, promotion"), &promo.provenance);
        }
    }
    for pack in &p.packs {
        found.sourced(&format!("{place}, pack {}", pack.id), &pack.provenance);
    }
    for model in &p.models {
        let here = format!("{place}, model {}", model.id);
        found.sourced(&here, &model.provenance);
        for (i, v) in model.variants.iter().enumerate() {
            if v.provenance != model.provenance {
                found.sourced(
                    &format!("{here}, variant {}", i.saturating_add(1)),
                    &v.provenance,
                );
            }
        }
        // An earlier rate is a number of its own: the sources of today's rate do not show
        // what it cost before, so it cites its own.
        let direct = matches!(model.variants.as_slice(),
            [v] if v.mode.is_none() && v.resolution.is_none() && v.audio.is_none());
        for (i, v) in model.variants.iter().enumerate() {
            for (j, e) in v.before.iter().enumerate() {
                let place = if direct {
                    format!("{here}, earlier rate {}", j.saturating_add(1))
                } else {
                    format!(
                        "{here}, variant {}, earlier rate {}",
                        i.saturating_add(1),
                        j.saturating_add(1)
                    )
                };
                if e.provenance == v.provenance {
                    found.add(
                        format!("{place}, field source"),
                        format!(
                            "the rate before {} rests on the sources of today's rate: cite the page that shows the earlier price",
                            e.until
                        ),
                    );
                } else {
                    found.sourced(&place, &e.provenance);
                }
            }
        }
        found.variant_rules(&here, model);
        // A download name says which model made a file: it needs a source showing that the
        // platform names its downloads so, like any number.
        for (i, d) in model.download_names.iter().enumerate() {
            if d.sources.is_empty() {
                found.add(
                    format!(
                        "{here}, download name {}, field source",
                        i.saturating_add(1)
                    ),
                    format!(
                        "pattern `{}` has no `source` showing the platform names its downloads so",
                        d.pattern.escape_debug()
                    ),
                );
            }
        }
    }
    found.tier_rules(&place, &p.plans);
    found.problems
}

#[derive(Default)]
struct Found {
    problems: Vec<Problem>,
}

impl Found {
    fn add(&mut self, place: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            place: place.into(),
            message: message.into(),
        });
    }

    /// An item's numbers cite a source, have a date, and rest on more than a reseller.
    fn sourced(&mut self, here: &str, prov: &Provenance) {
        if prov.sources.is_empty() {
            self.add(
                format!("{here}, field source"),
                "no source: list the page in the file's `sources = [{ id = \"…\", title = \"…\", url = \"…\", date = …, grade = \"official\" }]` and cite it here with `source = \"id\"`",
            );
            return;
        }
        if prov.verified.is_none() {
            self.add(
                format!("{here}, field verified"),
                "no date: its sources have no `date` or `read`; give `verified`",
            );
        }
        if prov.grade() == Some(Grade::Reseller) {
            self.add(
                format!("{here}, field source"),
                "rests only on a reseller's page: a reseller's price belongs on the reseller's own table",
            );
        }
    }

    fn tier_rules(&mut self, place: &str, plans: &[Plan]) {
        for (i, plan) in plans.iter().enumerate() {
            let here = format!("{place}, plan {}", plan.id);
            let lower = plans.get(..i).unwrap_or_default();
            if !allows(&plan.allow, Rule::TierPrice) {
                if let Some(price) = plan.price {
                    if let Some(other) = lower.iter().find(|q| q.price.is_some_and(|p| p > price)) {
                        self.add(
                            format!("{here}, field price"),
                            format!(
                                "costs less than the lower plan {} (rule tier-price; add `allow` with the reason if real)",
                                other.id
                            ),
                        );
                    }
                }
                if let Some(price) = plan.annual_price {
                    if let Some(other) = lower
                        .iter()
                        .find(|q| q.annual_price.is_some_and(|p| p > price))
                    {
                        self.add(
                            format!("{here}, field annual_price"),
                            format!(
                                "costs less than the lower plan {} (rule tier-price; add `allow` with the reason if real)",
                                other.id
                            ),
                        );
                    }
                }
            }
            if !allows(&plan.allow, Rule::TierCredits) {
                if let Some(credits) = plan.credits {
                    let fewer = lower
                        .iter()
                        .find(|q| q.grant == plan.grant && q.credits.is_some_and(|c| c > credits));
                    if let Some(other) = fewer {
                        self.add(
                            format!("{here}, field credits"),
                            format!(
                                "grants fewer credits than the lower plan {} (rule tier-credits; add `allow` with the reason if real)",
                                other.id
                            ),
                        );
                    }
                }
            }
            if let (Some(monthly), Some(annual)) = (plan.price, plan.annual_price) {
                let twelve = monthly.checked_mul(Decimal::from(12));
                if twelve.is_some_and(|t| annual > t) && !allows(&plan.allow, Rule::Annual) {
                    self.add(
                        format!("{here}, field annual_price"),
                        format!(
                            "{annual} a year is more than 12 × {monthly} a month (rule annual; add `allow` with the reason if real)"
                        ),
                    );
                }
            }
        }
    }

    /// Audio, a higher resolution and pro mode never cost less than without, comparing
    /// variants that differ in that one selector only.
    fn variant_rules(&mut self, here: &str, model: &Model) {
        for (i, a) in model.variants.iter().enumerate() {
            for b in model.variants.iter().skip(i.saturating_add(1)) {
                let same_mode = a.mode == b.mode;
                let same_res = a.resolution == b.resolution;
                let same_audio = a.audio == b.audio;
                let pair = if same_mode && same_res && !same_audio {
                    match (a.audio, b.audio) {
                        (Some(true), Some(false)) => Some((Rule::Audio, a, b)),
                        (Some(false), Some(true)) => Some((Rule::Audio, b, a)),
                        _ => None,
                    }
                } else if same_mode && same_audio && !same_res {
                    ordered(Rule::Resolution, a, b, |v| {
                        v.resolution.as_deref().and_then(resolution_rank)
                    })
                } else if same_res && same_audio && !same_mode {
                    ordered(Rule::Mode, a, b, |v| v.mode.as_deref().and_then(mode_rank))
                } else {
                    None
                };
                let Some((rule, higher, lower)) = pair else {
                    continue;
                };
                if allows(&model.allow, rule) {
                    continue;
                }
                if let Some(how) = cheaper(&higher.rate, &lower.rate) {
                    self.add(
                        format!("{here}, field variant"),
                        format!(
                            "{} costs less than {} ({how}; rule {}; add `allow` with the reason if real)",
                            selectors(higher),
                            selectors(lower),
                            rule.as_str()
                        ),
                    );
                }
            }
        }
    }
}

/// `(rule, higher, lower)` by a rank, when both variants have one.
fn ordered<'a>(
    rule: Rule,
    a: &'a Variant,
    b: &'a Variant,
    rank: impl Fn(&Variant) -> Option<u32>,
) -> Option<(Rule, &'a Variant, &'a Variant)> {
    match (rank(a), rank(b)) {
        (Some(x), Some(y)) if x > y => Some((rule, a, b)),
        (Some(x), Some(y)) if x < y => Some((rule, b, a)),
        _ => None,
    }
}

/// The height a resolution label stands for: `720p` → 720, `4k` → 2160 (`Nk` ≈ N × 540).
pub(crate) fn resolution_rank(label: &str) -> Option<u32> {
    let label = label.to_ascii_lowercase();
    if let Some(n) = label.strip_suffix('p') {
        return n.parse().ok();
    }
    if let Some(n) = label.strip_suffix('k') {
        return n.parse::<u32>().ok().and_then(|n| n.checked_mul(540));
    }
    None
}

fn mode_rank(mode: &str) -> Option<u32> {
    match mode {
        "std" | "standard" => Some(0),
        "pro" | "professional" => Some(1),
        _ => None,
    }
}

fn selectors(v: &Variant) -> String {
    let mut parts = Vec::new();
    if let Some(m) = &v.mode {
        parts.push(format!("mode {m}"));
    }
    if let Some(r) = &v.resolution {
        parts.push(r.clone());
    }
    match v.audio {
        Some(true) => parts.push("with audio".into()),
        Some(false) => parts.push("without audio".into()),
        None => {}
    }
    if parts.is_empty() {
        "the default".into()
    } else {
        parts.join(", ")
    }
}

/// How `higher` is surely cheaper than `lower` (its most below the other's least), when
/// the two are written the same way; `None` otherwise.
fn cheaper(higher: &Rate, lower: &Rate) -> Option<String> {
    match (higher, lower) {
        (Rate::Flat(h), Rate::Flat(l)) => {
            (h.max < l.min && !h.open).then(|| format!("{} < {}", h.max, l.min))
        }
        (Rate::PerSecond { rate: h, .. }, Rate::PerSecond { rate: l, .. }) => {
            (h.max < l.min && !h.open).then(|| format!("{}/s < {}/s", h.max, l.min))
        }
        (Rate::Buckets(hs), Rate::Buckets(ls)) => hs.iter().find_map(|h| {
            let l = ls.iter().find(|l| l.seconds == h.seconds)?;
            (h.credits.max < l.credits.min && !h.credits.open).then(|| {
                format!(
                    "{} < {} at {} s",
                    h.credits.max,
                    l.credits.min,
                    h.seconds.normalize()
                )
            })
        }),
        (
            Rate::PerInput {
                credits: h,
                per: hp,
                ..
            },
            Rate::PerInput {
                credits: l,
                per: lp,
                ..
            },
        ) => {
            // h/hp < l/lp ⇔ h × lp < l × hp (both `per` are positive).
            let left = h.max.checked_mul(*lp)?;
            let right = l.min.checked_mul(*hp)?;
            (left < right && !h.open).then(|| "a lower rate per input".to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::catalog::Catalog;
    use crate::pricing::schema::parse_platform;

    fn strict(text: &str) -> Vec<String> {
        let p = parse_platform(text, Origin::Builtin("t.toml".into())).unwrap();
        problems(&p).iter().map(|p| p.to_string()).collect()
    }

    const SOURCES: &str = r#"
name = "T"
sources = [
  { id = "own", title = "T pricing page", url = "https://t.example/pricing", date = 2026-10-01, grade = "official" },
  { id = "blog", title = "A blog", read = 2026-11-01, grade = "third-party" },
  { id = "shop", title = "A reseller", date = 2026-11-05, grade = "reseller" },
]
"#;

    #[test]
    fn every_shipped_table_passes_strict_validation() {
        let catalog = Catalog::builtin();
        let mut all = Vec::new();
        for p in catalog.platforms() {
            all.extend(problems(p).iter().map(|x| x.to_string()));
        }
        assert!(all.is_empty(), "{}", all.join("\n"));
    }

    #[test]
    fn unsourced_and_reseller_only_numbers_are_listed() {
        let found = strict(&format!(
            "{SOURCES}as_of = 2026-01-01\n[[model]]\nname = \"a\"\ncredits = 1\n[[model]]\nname = \"b\"\ncredits = 1\nsource = \"shop\"\n[[model]]\nname = \"c\"\ncredits = 1\nsource = [\"shop\", \"blog\"]\n"
        ));
        let text = found.join("\n");
        assert!(
            text.contains("field as_of: as_of = 2026-01-01 is derived"),
            "{text}"
        );
        assert!(text.contains("model a, field source: no source"), "{text}");
        assert!(
            text.contains("model b, field source: rests only on a reseller"),
            "{text}"
        );
        assert!(!text.contains("model c"), "{text}");
    }

    #[test]
    fn as_of_is_the_oldest_verification_date() {
        let p = parse_platform(
            &format!("{SOURCES}[[model]]\nname = \"a\"\ncredits = 1\nsource = \"own\"\n[[model]]\nname = \"b\"\ncredits = 2\nsource = [\"own\", \"blog\"]\n[[model]]\nname = \"c\"\ncredits = 2\nsource = \"blog\"\nverified = 2026-11-20\n"),
            Origin::Builtin("t.toml".into()),
        )
        .unwrap();
        // a: 2026-10-01 (own), b: newest of its sources 2026-11-01, c: verified 2026-11-20.
        assert_eq!(p.as_of.to_string(), "2026-10-01");
        assert_eq!(
            p.models[1].provenance.verified.unwrap().to_string(),
            "2026-11-01"
        );
        assert_eq!(p.models[1].provenance.grade(), Some(Grade::Official));
        assert!(p.models[2].provenance.only_third_party());
    }

    #[test]
    fn sanity_rules_catch_cheaper_higher_tiers_and_options_unless_allowed() {
        let found = strict(&format!(
            r#"{SOURCES}
[[plan]]
name = "Basic"
price = 10
annual_price = 200
credits = 1000
source = "own"
[[plan]]
name = "Pro"
price = 8
credits = 500
source = "own"
[[plan]]
name = "Max"
price = 5
credits = 5000
source = "own"
allow = [{{ rule = "tier-price", reason = "a launch discount" }}]
[[model]]
name = "v"
source = "own"
[[model.variant]]
resolution = "720p"
audio = false
per_second = 10
[[model.variant]]
resolution = "720p"
audio = true
per_second = 8
[[model.variant]]
resolution = "4k"
audio = false
per_second = 9
[[model.variant]]
mode = "pro"
resolution = "720p"
audio = false
per_second = 12
"#
        ));
        let text = found.join("\n");
        assert!(
            text.contains("plan basic, field annual_price: 200 a year is more than 12 × 10"),
            "{text}"
        );
        assert!(
            text.contains("plan pro, field price: costs less than the lower plan basic"),
            "{text}"
        );
        assert!(
            text.contains(
                "plan pro, field credits: grants fewer credits than the lower plan basic"
            ),
            "{text}"
        );
        assert!(!text.contains("plan max"), "allowed: {text}");
        assert!(
            text.contains("720p, with audio costs less than 720p, without audio"),
            "{text}"
        );
        assert!(
            text.contains("4k, without audio costs less than 720p, without audio"),
            "{text}"
        );
        // Mode pro vs the unnamed mode: not comparable, so not flagged.
        assert_eq!(found.len(), 5, "{text}");
    }

    #[test]
    fn resolution_labels_rank_by_height() {
        assert!(resolution_rank("4k") > resolution_rank("1080p"));
        assert!(resolution_rank("1080P") > resolution_rank("768p"));
        assert!(resolution_rank("2k") > resolution_rank("1k"));
        assert_eq!(resolution_rank("square"), None);
    }

    #[test]
    fn every_earlier_rate_cites_a_source_of_its_own() {
        let text = strict(&format!(
            "{SOURCES}billing = \"money\"\n[[model]]\nname = \"a\"\nper_second = 0.1\nsource = \"own\"\n\
             [[model.before]]\nuntil = 2026-04-07\nper_second = 0.15\n\
             [[model.before]]\nuntil = 2026-05-07\nper_second = 0.12\nsource = \"shop\"\n\
             [[model]]\nname = \"b\"\nsource = \"own\"\n\
             [[model.variant]]\nresolution = \"720p\"\nper_second = 0.1\n\
             [[model.variant.before]]\nuntil = 2026-04-07\nper_second = 0.15\nsource = \"blog\"\n"
        ))
        .join("\n");
        assert!(
            text.contains("model a, earlier rate 1, field source: the rate before 2026-04-07 rests on the sources of today's rate"),
            "{text}"
        );
        assert!(
            text.contains("model a, earlier rate 2, field source: rests only on a reseller"),
            "{text}"
        );
        assert!(!text.contains("model b"), "{text}");
    }
}
