//! The ranking on small tables written here (every number hand-checkable), and a property
//! test over random months of work on the shipped tables.

// Test arithmetic on small hand-made numbers: an overflow here is a test bug, not input.
#![allow(clippy::arithmetic_side_effects)]

use super::*;
use crate::pricing::catalog::Catalog;
use crate::pricing::{schema, Origin};
use crate::usage;
use proptest::prelude::*;

/// Basic $10 for 100 credits, Plus $25 for 400 (annual $240), Max $60 for 1,200; packs of
/// 50 for $6 (from Plus) and 500 for $50 (anyone); `clip` 10 credits, `hd` 30 from Plus.
const STUDIO: &str = r#"
name = "Studio"
as_of = 2026-11-01
[[plan]]
name = "Basic"
price = 10
credits = 100
rollover = false
[[plan]]
name = "Plus"
price = 25
annual_price = 240
credits = 400
rollover = true
[[plan]]
name = "Max"
price = 60
credits = 1200
[[pack]]
name = "Small"
price = 6
credits = 50
min_plan = "Plus"
never_expires = true
[[pack]]
name = "Big"
price = 50
credits = 500
expires_after_days = 30
[[model]]
name = "clip"
credits = 10
[[model]]
name = "hd"
credits = 30
min_plan = "Plus"
"#;

/// A money-billed platform: `clip` at $0.50 each.
const API: &str = r#"
name = "Api"
as_of = 2026-11-01
billing = "money"
[[model]]
name = "clip"
credits = 0.5
"#;

fn table(text: &str) -> Platform {
    schema::parse_platform(text, Origin::Builtin("test".into())).unwrap()
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn month(text: &str, retries: u32) -> Usage {
    Usage {
        items: usage::parse(text).unwrap(),
        retry_percent: Decimal::from(retries),
        ..Usage::default()
    }
}

fn dollars(r: &MoneyRange) -> Decimal {
    money::to_decimal(&r.min)
}

fn find<'a>(advice: &'a Advice, platform: &str, buy: &str) -> &'a Purchase {
    advice
        .options
        .iter()
        .find(|o| o.platform == platform && o.describe() == buy)
        .unwrap_or_else(|| {
            let all: Vec<String> = advice.options.iter().map(|o| o.describe()).collect();
            panic!("no option `{buy}` on {platform} among {all:?}")
        })
}

#[test]
fn a_plan_that_covers_the_month_needs_no_pack() {
    let studio = table(STUDIO);
    // 8 clips × 10 = 80 credits: Basic's 100 cover it, $10.
    let advice = advise(&[&studio], &month("8x clip", 0), day()).unwrap();
    let top = &advice.options[0];
    assert_eq!(top.describe(), "Basic (monthly)");
    assert_eq!(dollars(&top.monthly), Decimal::from(10));
    assert_eq!(top.leftover.unwrap().min, Decimal::from(20));
    assert_eq!(top.leftover_fate.as_deref(), Some("lost at renewal"));
}

#[test]
fn packs_fill_the_gap_and_the_cheapest_mix_wins() {
    let studio = table(STUDIO);
    // 45 clips = 450 credits. Basic (100) + Big 500 = $60; Plus (400) + 1 Small = $31;
    // Plus annual ($20) + 1 Small = $26; Max $60.
    let advice = advise(&[&studio], &month("45x clip", 0), day()).unwrap();
    assert_eq!(advice.options[0].describe(), "Plus (annual) + 1 × Small");
    assert_eq!(dollars(&advice.options[0].monthly), Decimal::from(26));
    assert_eq!(
        dollars(&find(&advice, "studio", "Plus (monthly) + 1 × Small").monthly),
        Decimal::from(31)
    );
    // Basic may not buy Small (from Plus): 350 short → one Big.
    let basic = find(&advice, "studio", "Basic (monthly) + 1 × Big");
    assert_eq!(dollars(&basic.monthly), Decimal::from(60));
    assert_eq!(
        basic.leftover_fate.as_deref(),
        Some("expires after 30 days")
    );
    // Leftover is the packs': 100 + 500 - 450.
    assert_eq!(basic.leftover.unwrap().min, Decimal::from(150));
}

#[test]
fn two_pack_sizes_mix_when_that_is_cheaper() {
    let studio = table(STUDIO);
    // 100 clips = 1,000 credits on Plus: 600 short. 12 Small = $72; 2 Big = $100;
    // 1 Big + 2 Small = $62 (the mix).
    let advice = advise(&[&studio], &month("100x clip", 0), day()).unwrap();
    let plus = find(&advice, "studio", "Plus (monthly) + 1 × Big + 2 × Small");
    assert_eq!(dollars(&plus.monthly), Decimal::from(87));
}

#[test]
fn a_model_gated_above_a_plan_leaves_that_plan_out() {
    let studio = table(STUDIO);
    let advice = advise(&[&studio], &month("2x hd", 0), day()).unwrap();
    assert!(advice
        .options
        .iter()
        .all(|o| o.plan.as_ref().unwrap().tier >= 1));
    let basic = advice
        .left_out
        .iter()
        .find(|l| l.option == "Basic (monthly)")
        .unwrap();
    assert_eq!(basic.why, Why::BelowMinimumPlan);
    assert_eq!(basic.detail, "hd needs Plus or above");
    // Packs alone (Big has no plan named) cannot make hd either.
    assert!(advice.left_out.iter().any(|l| l.option == "packs only"));
}

#[test]
fn pay_per_use_beats_plans_for_a_small_month() {
    let (studio, api) = (table(STUDIO), table(API));
    // 3 clips: $1.50 on the API, $10 on Basic.
    let advice = advise(&[&studio, &api], &month("3x clip", 0), day()).unwrap();
    assert_eq!(advice.options[0].kind, OptionKind::PerUse);
    assert_eq!(dollars(&advice.options[0].monthly), Decimal::new(15, 1));
}

#[test]
fn retries_add_generations_before_pricing() {
    let api = table(API);
    // 10 kept × 1.25 = 12.5 → 13 generations × $0.50 = $6.50; per kept output $0.65.
    let advice = advise(&[&api], &month("10x clip", 25), day()).unwrap();
    let top = &advice.options[0];
    assert_eq!(top.items[0].generations, Decimal::from(13));
    assert_eq!(dollars(&top.monthly), Decimal::new(65, 1));
    assert_eq!(
        money::to_decimal(&top.per_kept_output.unwrap().min),
        Decimal::new(65, 2)
    );
}

#[test]
fn a_month_no_platform_makes_whole_ranks_partial_options_last() {
    let (studio, api) = (table(STUDIO), table(API));
    // hd is only on Studio: the API makes part of the month.
    let advice = advise(&[&studio, &api], &month("1x clip, 1x hd", 0), day()).unwrap();
    let first_partial = advice.options.iter().position(|o| !o.covers_all());
    let last_whole = advice.options.iter().rposition(|o| o.covers_all());
    assert!(first_partial.unwrap() > last_whole.unwrap());
    let partial = &advice.options[first_partial.unwrap()];
    assert_eq!(partial.platform, "api");
    assert_eq!(partial.missing.len(), 1);
}

#[test]
fn pack_search_finds_the_cheapest_cover() {
    let pack = |price: i64, credits: i64| Pack {
        id: format!("p{credits}"),
        name: format!("p{credits}"),
        price: Decimal::from(price),
        credits: Decimal::from(credits),
        bonus: Decimal::ZERO,
        expiry: Expiry::Never,
        min_plan: None,
        any_amount: false,
        trial: false,
        provenance: Default::default(),
    };
    let (small, big) = (pack(6, 50), pack(50, 500));
    let buy = cheapest_packs(&[&small, &big], Decimal::from(600)).unwrap();
    let total: Decimal = buy.iter().map(|b| b.count * b.price).sum();
    assert_eq!(total, Decimal::from(62));
    // Exactly one pack when one covers it.
    let one = cheapest_packs(&[&small, &big], Decimal::from(1)).unwrap();
    assert_eq!((one.len(), one[0].count), (1, Decimal::ONE));
    assert!(cheapest_packs(&[], Decimal::from(1)).is_none());
}

/// A random month of the kinds and models the shipped tables sell.
fn any_month() -> impl Strategy<Value = Usage> {
    let item = (
        1u32..60,
        prop::sample::select(vec![
            "video 5s",
            "video 10s",
            "image",
            "gen-4 10s",
            "gen-4-turbo 5s",
            "frames",
            "runway-api/gen4_turbo 10s",
            "sora-2 8s",
        ]),
    )
        .prop_map(|(n, what)| format!("{n}x {what}"));
    (prop::collection::vec(item, 1..4), 0u32..80).prop_map(|(items, retries)| Usage {
        items: usage::parse(&items.join(", ")).unwrap(),
        retry_percent: Decimal::from(retries),
        ..Usage::default()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Ranked costs never go down within "makes all of it" and within "makes part", and
    /// every credit option buys at least the most its items can use.
    #[test]
    fn ranked_costs_rise_and_every_option_covers_its_items(usage in any_month()) {
        let catalog = Catalog::builtin();
        let platforms: Vec<&Platform> = catalog.platforms().collect();
        let advice = advise(&platforms, &usage, day()).unwrap();
        for pair in advice.options.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.covers_all() == b.covers_all() && a.currency == b.currency {
                prop_assert!(a.monthly.min <= b.monthly.min, "{} then {}", a.describe(), b.describe());
            }
            prop_assert!(a.covers_all() || !b.covers_all(), "a partial option ranked above a whole one");
        }
        for o in &advice.options {
            if let (Some(needed), Some(got)) = (o.credits_needed, o.credits_bought) {
                prop_assert!(got >= needed.max, "{} {}: {} < {}", o.platform, o.describe(), got, needed.max);
            }
            // Every generation of every covered item is counted.
            let generations = usage.generations().unwrap();
            for cost in &o.items {
                prop_assert_eq!(cost.generations, generations[cost.item]);
                prop_assert_eq!(cost.total.max, cost.each.max * cost.generations);
            }
            prop_assert_eq!(o.items.len() + o.missing.len(), usage.items.len());
        }
    }
}

#[test]
fn a_combination_makes_each_platforms_share_on_its_own_platform() {
    // Runway: 10 × gen-4 10 s, 4 × gen-4 5 s, 1 × aleph 5 s; Pika: 10 × pika-2.5-pro 5 s,
    // 12 × pika-2.5-turbo 5 s, 2 × extended-video 10 s; 5 extra of 39 kept (12.82…%).
    // Runway, rounded once: 10 × 44/39 = 11.28, 4 → 4.51, 1 → 1.13: 16.92 → 17; floors
    // 11 + 4 + 1, the one left to 4.51: 11 × 120 + 5 × 60 + 1 × 75 = 1,695 credits:
    // Standard annual $12 + 1,070 credits at $0.01 = $22.70.
    // Pika: 11.28, 13.54, 2.26: 27.08 → 28; floors 26, the two left to 13.54 and 11.28:
    // 12 × 20 + 14 × 10 + 2 × 80 = 540 credits: Standard annual, 700 credits, $8.
    let catalog = Catalog::builtin();
    let platforms: Vec<&Platform> = ["runway", "pika"]
        .iter()
        .map(|p| catalog.platform(p).unwrap())
        .collect();
    let usage = Usage {
        items: usage::parse(
            "10x gen-4 10s, 4x gen-4 5s, 1x aleph 5s, 10x pika-2.5-pro 5s, 12x pika-2.5-turbo 5s, 2x extended-video 10s",
        )
        .unwrap(),
        retry_percent: Decimal::from(500) / Decimal::from(39),
        round_together: vec![vec![0, 1, 2], vec![3, 4, 5]],
        item_retries: Vec::new(),
    };
    let shares = vec![
        ("runway".to_string(), vec![0, 1, 2]),
        ("pika".to_string(), vec![3, 4, 5]),
    ];
    let combo = combine(&platforms, &usage, &shares, day())
        .unwrap()
        .unwrap();
    assert_eq!(combo.platforms(), "runway + pika");
    let [runway, pika] = &combo.parts[..] else {
        panic!("two parts: {combo:?}");
    };
    assert_eq!(runway.credits_needed.unwrap().max, Decimal::from(1695));
    assert_eq!(dollars(&runway.monthly), Decimal::new(2270, 2));
    assert_eq!(pika.credits_needed.unwrap().max, Decimal::from(540));
    assert_eq!(dollars(&pika.monthly), Decimal::from(8));
    assert_eq!(dollars(&combo.monthly), Decimal::new(3070, 2));
    // The parts name the whole usage's items.
    let items: Vec<usize> = pika.items.iter().map(|c| c.item).collect();
    assert_eq!(items, vec![3, 4, 5]);
    // No single platform makes all of it.
    let advice = advise(&platforms, &usage, day()).unwrap();
    assert!(advice.options.iter().all(|o| !o.covers_all()));
    // A platform not asked about makes no combination.
    let only_runway = [platforms[0]];
    assert!(combine(&only_runway, &usage, &shares, day())
        .unwrap()
        .is_err());
}
