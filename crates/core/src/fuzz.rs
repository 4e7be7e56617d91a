//! The fuzz harness: property tests that feed generated input to everything a user's file
//! or flag reaches — the pricing loader (then the cost math over whatever it accepted), the
//! import parsers, the date and duration parsers and the `--usage` grammar — and require that
//! none panics (a panic fails the case; proptest shrinks it to a small reproduction, which
//! then becomes a regression test below).
//!
//! `cargo test` runs a bounded number of cases per target (64, a few seconds). A long run:
//! `FUZZ_CASES=200000 cargo test --release --workspace fuzz -- --nocapture` (docs/fuzzing.md).
//! The generators are public behind the `fuzzing` feature, so the application's import
//! parsers (`credits_app::exchange`) are fuzzed with the same inputs.

#[cfg(test)]
use crate::cost::Request;
#[cfg(test)]
use crate::cost::{self, BillingPeriod, PricingChoice};
#[cfg(test)]
use crate::pricing::{schema, Origin};
#[cfg(test)]
use chrono::DateTime;
use proptest::prelude::*;
#[cfg(test)]
use rust_decimal::Decimal;

/// Cases per target: `FUZZ_CASES`, else 64 (bounded for `cargo test`).
pub fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

pub fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // Failures are reported, not saved beside the sources.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Numbers as a pricing file or a flag may write them: ordinary, zero, negative, Decimal's
/// extremes, its smallest step, too many digits, exponents, junk.
pub fn number() -> BoxedStrategy<String> {
    // Mostly ordinary (so that many files load and the cost math runs on them), often an
    // extreme a file may legally hold, sometimes junk the loader must refuse.
    let ordinary = prop_oneof![
        (1u32..100_000).prop_map(|n| n.to_string()),
        (0u32..10_000, 1u32..1000).prop_map(|(a, b)| format!("{a}.{b:03}")),
    ];
    let extreme = prop_oneof![
        Just("0".to_string()),
        Just("79228162514264337593543950335".to_string()),
        Just("\"79228162514264337593543950335\"".to_string()),
        Just("0.0000000000000000000000000001".to_string()),
        Just("\"0.0000000000000000000000000001\"".to_string()),
        Just("\"12\"".to_string()),
    ];
    let junk = prop_oneof![
        Just("-1".to_string()),
        Just("-79228162514264337593543950335".to_string()),
        Just("99999999999999999999999999999999".to_string()),
        Just("1e30".to_string()),
        Just("\"\"".to_string()),
        Just("nan".to_string()),
        Just("inf".to_string()),
    ];
    prop_oneof![24 => ordinary, 4 => extreme, 1 => junk].boxed()
}

/// A model's rate in one of the forms the schema knows, with random numbers.
#[cfg(test)]
fn rate() -> BoxedStrategy<String> {
    prop_oneof![
        number().prop_map(|n| format!("credits = {n}")),
        (number(), number()).prop_map(|(a, b)| format!("credits = {{ min = {a}, max = {b} }}")),
        number().prop_map(|n| format!("credits = {{ min = {n} }}")),
        number().prop_map(|n| format!("per_second = {n}")),
        (number(), number()).prop_map(|(n, d)| format!("per_second = {n}\ndurations = [{d}, 10]")),
        (number(), number(), number(), number()).prop_map(|(s1, c1, s2, c2)| format!(
            "buckets = [{{ seconds = {s1}, credits = {c1} }}, {{ seconds = {s2}, credits = {c2} }}]"
        )),
        (number(), number()).prop_map(|(c, p)| format!(
            "per_input = {{ credits = {c}, per = {p}, unit = \"chars\" }}"
        )),
    ]
    .boxed()
}

/// A whole pricing file: plans (with promotions), packs, models (with variants and
/// surcharges), billed in credits or money; some keys random, some missing.
#[cfg(test)]
fn pricing_file() -> impl Strategy<Value = String> {
    let plan = (number(), number(), number(), number(), any::<bool>()).prop_map(
        |(price, annual, credits, bonus, daily)| {
            format!(
                "[[plan]]\nname = \"P#\"\nprice = {price}\nannual_price = {annual}\ncredits = {credits}\n{}[plan.promotion]\nfirst_period_bonus_percent = {bonus}\nbonus_cap = {credits}\n",
                if daily { "grant = \"daily\"\n" } else { "" }
            )
        },
    );
    let pack = (number(), number(), number(), any::<bool>()).prop_map(
        |(price, credits, bonus, any_amount)| {
            format!(
                "[[pack]]\nname = \"K#\"\nprice = {price}\ncredits = {credits}\nbonus = {bonus}\nany_amount = {any_amount}\n"
            )
        },
    );
    let model = (rate(), rate(), number(), number(), any::<bool>()).prop_map(
        |(rate, other, audio, refs, variants)| {
            // A rate on the model, or one per variant (not both: the schema refuses that).
            let body = if variants {
                format!(
                    "[[model.variant]]\nresolution = \"720p\"\n{rate}\n[[model.variant]]\nresolution = \"1080p\"\naudio = true\n{other}\n"
                )
            } else {
                format!("{rate}\n")
            };
            format!(
                "[[model]]\nname = \"M#\"\nextra = {{ audio = {audio}, per_ref = {refs} }}\n{body}"
            )
        },
    );
    (
        any::<bool>(),
        prop::collection::vec(plan, 0..3),
        prop::collection::vec(pack, 0..3),
        prop::collection::vec(model, 1..3),
    )
        .prop_map(|(money, plans, packs, models)| {
            // Each item its own name (`P#` → `P0`, `P1`): a clash is not what is fuzzed.
            let named = |items: Vec<String>| -> String {
                items
                    .iter()
                    .enumerate()
                    .map(|(i, t)| t.replacen('#', &i.to_string(), 1))
                    .collect()
            };
            // A money-billed platform has no credit plans or packs.
            let (billing, plans, packs) = if money {
                ("billing = \"money\"\n", String::new(), String::new())
            } else {
                ("", named(plans), named(packs))
            };
            format!(
                "name = \"Fuzz\"\nas_of = 2026-11-01\n{billing}{plans}{packs}{}",
                named(models)
            )
        })
}

/// A request as flags could make it.
#[cfg(test)]
fn request() -> impl Strategy<Value = Request> {
    (
        prop::option::of(number()),
        any::<bool>(),
        0u32..5,
        prop::option::of(any::<u64>()),
        1u32..1000,
    )
        .prop_map(|(duration, audio, refs, chars, count)| Request {
            duration: duration.and_then(|d| d.parse::<Decimal>().ok()),
            resolution: Some("1080p".into()).filter(|_| audio),
            audio,
            refs,
            chars,
            count,
            ..Request::default()
        })
}

/// Text a user or a file could give: printable, control characters, separators, quotes.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,24}",
        "[\\x00-\\x1f\\x7f=+@'\",;\\-]{0,8}",
        "\\PC{0,12}",
    ]
}

/// A date or time as people (and spreadsheets) type them, near-valid and not.
pub fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..10_000, 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (1960u32..2200, 1u32..13, 1u32..29, 0u32..25, 0u32..61)
            .prop_map(|(y, m, d, h, mi)| { format!("{y}-{m:02}-{d:02} {h:02}:{mi:02}") }),
        (0u64..100_000).prop_map(|n| format!("{n}d")),
        (0u64..u64::MAX).prop_map(|n| format!("{n}w")),
        Just("today".to_string()),
        Just("yesterday".to_string()),
        text(),
    ]
}

#[cfg(test)]
proptest! {
    #![proptest_config(config())]

    /// Whatever a pricing file says, loading it either fails with problems or yields a
    /// table every price, quote and dump of which works without a panic.
    #[test]
    fn pricing_loader_and_cost_math_never_panic(file in pricing_file(), req in request()) {
        if let Ok(platform) = schema::parse_platform(&file, Origin::Builtin("fuzz".into())) {
            for plan in &platform.plans {
                let _ = cost::plan_price_per_credit(plan, BillingPeriod::Monthly);
                let _ = cost::plan_price_per_credit(plan, BillingPeriod::Annual);
                let _ = cost::promotion_note(plan, &platform.currency);
            }
            for model in &platform.models {
                for billing in [BillingPeriod::Monthly, BillingPeriod::Annual] {
                    let choice = PricingChoice { billing, ..PricingChoice::default() };
                    let _ = cost::quote(&platform, model, &req, &choice);
                }
            }
            let _ = crate::pricing::dump::to_toml(&platform);
            let _ = crate::pricing::strict::problems(&platform);
            let usage = crate::usage::Usage {
                items: crate::usage::parse("3x M0 5s, 2x video").unwrap_or_default(),
                retry_percent: Decimal::from(30),
                round_together: vec![vec![0, 1]],
                item_retries: Vec::new(),
            };
            let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
            let _ = crate::advice::advise(&[&platform], &usage, day);
        }
    }

    /// Dates, spans and durations as typed: parsed or refused, never a panic; a date that
    /// parses comes back as the same day.
    #[test]
    fn dates_and_durations_never_panic(t in date_text(), secs in prop_oneof![number(), text()]) {
        let now = DateTime::parse_from_rfc3339("2026-11-21T12:00:00+01:00").unwrap();
        let _ = crate::dates::parse_since(&t, &now);
        let _ = crate::dates::parse_until(&t, &now);
        let _ = crate::dates::parse_import_time(&t, *now.offset());
        if let Ok(parsed) = crate::dates::parse_time(&t, &now) {
            if t.len() == 10 && t.as_bytes().get(4) == Some(&b'-') {
                prop_assert_eq!(parsed.date_naive().format("%Y-%m-%d").to_string(), t.clone());
            }
        }
        let _ = crate::dates::parse_seconds(&secs);
    }

    /// The `--usage` grammar: parsed or refused with a message, never a panic.
    #[test]
    fn usage_grammar_never_panics(text in prop_oneof![
        text(),
        (number(), text(), number()).prop_map(|(n, m, s)| format!("{n}x {m} {s}s, video 10s 1080p audio")),
    ]) {
        if let Ok(items) = crate::usage::parse(&text) {
            let all: Vec<usize> = (0..items.len()).collect();
            let usage = crate::usage::Usage {
                items,
                retry_percent: Decimal::from(1000),
                round_together: vec![all],
                item_retries: Vec::new(),
            };
            let _ = usage.generations();
        }
    }
}
