//! Every shipped seed table against its seed, row by row, through the binary
//! (issue 2, "Done when": "every shipped seed table against its seed's numbers, row by
//! row; seed 003's examples (96 and 1,320)"), plus spot checks of the real platforms
//! against their public sources (each table's `source` fields).

mod common;

use common::{credits, decimal, Run, Sandbox};
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// `credits --json estimate PLATFORM MODEL EXTRA…`, which must succeed.
fn estimate(platform: &str, model: &str, extra: &[&str]) -> Run {
    let mut args = vec!["--json", "estimate", platform, model];
    args.extend_from_slice(extra);
    let run = credits(&args);
    run.success();
    run
}

/// `credits --json pricing show PLATFORM`, which must succeed.
fn show(platform: &str) -> Run {
    let run = credits(&["--json", "pricing", "show", platform]);
    run.success();
    run
}

/// The plan object named `id` in a `pricing show` JSON.
fn plan<'a>(run: &Run, json: &'a Value, id: &str) -> &'a Value {
    json["plans"]
        .as_array()
        .and_then(|plans| plans.iter().find(|p| p["plan"] == id))
        .unwrap_or_else(|| run.fail(format!("plan `{id}` in pricing show"), "absent"))
}

// ---- seed 000: MakeClipAI ----

/// Seed 000's table: model, duration (none for per-clip models), credits, minimum plan.
const MAKECLIPAI_SEED: &[(&str, Option<&str>, &str, &str)] = &[
    ("pika-basic", None, "40", "Free"),
    ("pika-effects", None, "80", "Free"),
    ("kling-ai", Some("5"), "70", "Free"),
    ("kling-ai", Some("10"), "140", "Free"),
    ("seedance-2.0", Some("5"), "100", "Free"),
    ("kling-ai", Some("30"), "420", "Pro"),
    ("kling-ai", Some("60"), "840", "Max"),
    ("sora-2", Some("10"), "200", "Pro"),
    ("sora-2", Some("15"), "300", "Pro"),
    ("seedance-2.0", Some("15"), "250", "Pro"),
];

#[test]
fn makeclipai_every_seed_row_has_its_credits_and_minimum_plan() {
    for &(model, duration, credits_expected, min_plan) in MAKECLIPAI_SEED {
        let extra: Vec<&str> = duration.map_or(vec![], |d| vec!["--duration", d]);
        let run = estimate("makeclipai", model, &extra);
        run.json_eq("/credits", json!(credits_expected));
        if min_plan == "Free" {
            // The lowest plan gates nothing: the tool says "none" (null) or "Free", and
            // the free tier allows it.
            let min = run.json_at("/min_plan");
            run.check(
                min.is_null() || min == "Free",
                "min_plan null or \"Free\" for a Free row",
            );
            run.json_eq("/free_tier_allows", json!(true));
        } else {
            run.json_eq("/min_plan", json!(min_plan));
            run.json_eq("/free_tier_allows", json!(false));
        }
        if let Some(d) = duration {
            // Each seed row is an exact length: nothing is rounded up.
            run.json_eq("/seconds", json!(d));
            run.json_eq("/billed_seconds", Value::Null);
        }
    }
}

#[test]
fn makeclipai_plans_are_free_pro_max_in_that_order_with_no_invented_prices() {
    let run = show("makeclipai");
    let json = run.json();
    let plans: Vec<&Value> = json["plans"].as_array().unwrap().iter().collect();
    let names: Vec<&str> = plans.iter().map(|p| p["name"].as_str().unwrap()).collect();
    run.check_eq(
        "plan names in tier order",
        vec!["Free", "Pro", "Max"],
        names,
    );
    run.check_eq("Free's price", &json!("0"), &plans[0]["price"]);
    for p in &plans[1..] {
        // Seed 000 gives no prices: the table must not invent one.
        run.check_eq("a paid plan's price (unknown)", &Value::Null, &p["price"]);
        run.check_eq(
            "a paid plan's price per credit",
            &Value::Null,
            &p["price_per_credit"],
        );
    }
}

#[test]
fn makeclipai_pricing_show_lists_the_seed_rows() {
    let run = credits(&["pricing", "show", "makeclipai"]);
    run.success()
        .stdout_has("40 credits each")
        .stdout_has("80 credits each")
        .stdout_has("5 s: 70 · 10 s: 140 · 30 s: 420 (Pro+) · 60 s: 840 (Max+)")
        .stdout_has("5 s: 100 · 15 s: 250 (Pro+)")
        .stdout_has("10 s: 200 · 15 s: 300");
    let sora = run.line("sora-2");
    run.check(
        sora.split_whitespace().any(|w| w == "Pro"),
        "sora-2's row naming min plan Pro",
    );
}

// ---- seed 003: VideoDraft AI ----

#[test]
fn videodraft_image_rows() {
    for (model, credits_expected) in [
        ("flux-schnell", "5"),
        ("flux-kontext-pro", "5"),
        ("flux-1.1-pro", "5"),
        ("gpt-image-1", "10"),
        ("imagen-4", "10"),
    ] {
        estimate("videodraft", model, &[]).json_eq("/credits", json!(credits_expected));
    }
    let run = show("videodraft");
    let json = run.json();
    for id in [
        "flux-schnell",
        "flux-kontext-pro",
        "flux-1.1-pro",
        "gpt-image-1",
        "imagen-4",
    ] {
        let model = json["models"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["model"] == id)
            .unwrap_or_else(|| run.fail(format!("model {id}"), "absent"));
        run.check_eq(&format!("{id}'s kind"), &json!("image"), &model["kind"]);
    }
}

#[test]
fn videodraft_video_rows() {
    for (model, duration, credits_expected) in [
        ("luma-ray-flash", "5", "30"),
        ("luma-ray-2", "5", "90"),
        ("kling-v2.1", "5", "25"),
        ("google-veo2", "5", "300"),
        ("google-veo2", "8", "400"),
    ] {
        estimate("videodraft", model, &["--duration", duration])
            .json_eq("/credits", json!(credits_expected));
    }
    // "Variable" duration in the seed: one price per generation.
    estimate("videodraft", "google-veo3", &[]).json_eq("/credits", json!("600"));
    estimate("videodraft", "google-veo3-fast", &[]).json_eq("/credits", json!("320"));
}

#[test]
fn videodraft_speech_rows_are_one_credit_per_100_characters_rounded_up() {
    for (chars, credits_expected) in [("100", "1"), ("600", "6"), ("601", "7"), ("2000", "20")] {
        estimate("videodraft", "google-text-to-speech", &["--chars", chars])
            .json_eq("/credits", json!(credits_expected));
    }
    estimate("videodraft", "silent-audio-generation", &[]).json_eq("/credits", json!("0"));
}

#[test]
fn videodraft_speech_is_unlimited_on_visionary_and_studio_and_images_on_studio() {
    // Seed 003: "Visionary and Studio plans include unlimited speech generation!"
    for plan in ["visionary", "studio"] {
        estimate(
            "videodraft",
            "google-text-to-speech",
            &["--chars", "600", "--plan", plan],
        )
        .json_eq("/credits", json!("0"));
    }
    estimate(
        "videodraft",
        "google-text-to-speech",
        &["--chars", "600", "--plan", "pro"],
    )
    .json_eq("/credits", json!("6"));
    // Studio: "Plus unlimited speech & images!"
    estimate("videodraft", "flux-schnell", &["--plan", "studio"]).json_eq("/credits", json!("0"));
    estimate("videodraft", "flux-schnell", &["--plan", "visionary"])
        .json_eq("/credits", json!("5"));
}

#[test]
fn videodraft_other_operation_rows() {
    // "Script Generation (GPT-4) 5-20": a range, not a number.
    estimate("videodraft", "script-generation", &[])
        .json_eq("/credits", Value::Null)
        .json_eq("/min_credits", json!("5"))
        .json_eq("/max_credits", json!("20"));
    estimate("videodraft", "scene-enhancement", &[]).json_eq("/credits", json!("5"));
    estimate("videodraft", "ai-agent-consultations", &[])
        .json_eq("/credits", Value::Null)
        .json_eq("/min_credits", json!("5"))
        .json_eq("/max_credits", json!("10"));
    // The text shows the range as such.
    credits(&["estimate", "videodraft", "script-generation"])
        .success()
        .stdout_has("5–20");
}

#[test]
fn videodraft_plans_have_the_seed_monthly_credits() {
    let run = show("videodraft");
    let json = run.json();
    let names: Vec<&str> = json["plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    run.check_eq(
        "plans in tier order",
        vec!["Starter", "Pro", "Visionary", "Studio"],
        names,
    );
    for (id, credits_expected) in [
        ("starter", "200"),
        ("pro", "2500"),
        ("visionary", "7500"),
        ("studio", "30000"),
    ] {
        let p = plan(&run, &json, id);
        run.check_eq(
            &format!("{id}'s credits"),
            &json!(credits_expected),
            &p["credits"],
        );
        // "Credits reset … and do not roll over."
        run.check_eq(&format!("{id}'s rollover"), &json!(false), &p["rollover"]);
    }
    run.check_eq(
        "Starter (Free) is free",
        &json!("0"),
        &plan(&run, &json, "starter")["price"],
    );
    // The text table shows them with separators.
    credits(&["pricing", "show", "videodraft"])
        .success()
        .stdout_has("30,000")
        .stdout_has("7,500")
        .stdout_has("2,500");
}

#[test]
fn videodraft_plans_buy_what_the_seed_says() {
    // Seed 003's allocations: Starter ~40 basic images; Pro ~500 basic images, ~4 Veo3;
    // Visionary ~1,500 basic images, ~12 Veo3; Studio ~50 Veo3.
    for (model, plan, clips) in [
        ("flux-schnell", "starter", "40"),
        ("flux-schnell", "pro", "500"),
        ("flux-schnell", "visionary", "1500"),
        ("google-veo3", "pro", "4"),
        ("google-veo3", "visionary", "12"),
        ("google-veo3", "studio", "50"),
    ] {
        estimate("videodraft", model, &["--plan", plan])
            .json_eq("/clips_per_period", json!(clips))
            .json_eq("/period", json!("month"));
    }
}

// ---- seed 003's two worked examples ----

/// Runs a shipped example shot list with `--json` and checks the total against the
/// seed and against the sum of its lines.
fn check_example(file: &str, total: &str, lines: &[(&str, &str)]) {
    let path = format!("{}/examples/{file}", env!("CARGO_MANIFEST_DIR"));
    let run = credits(&["--json", "estimate", "--shots", &path]);
    run.success().json_eq("/total/credits", json!(total));
    let json = run.json();
    let got: Vec<(String, String)> = json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["name"].as_str().unwrap_or("").to_string(),
                l["credits"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect();
    let want: Vec<(String, String)> = lines
        .iter()
        .map(|(n, c)| (n.to_string(), c.to_string()))
        .collect();
    run.check_eq("lines (name, credits)", want, got);
    let sum: Decimal = json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| decimal(&l["credits"]).unwrap_or_else(|| run.fail("line credits", "none")))
        .sum();
    run.check_eq(
        "total = sum of the lines",
        decimal(&json["total"]["credits"]),
        Some(sum),
    );
}

#[test]
fn seed_003_example_1_marketing_video_is_96_credits() {
    check_example(
        "marketing-60s.toml",
        "96",
        &[
            ("Script generation", "10"),
            ("6 images (Flux Pro)", "30"),
            ("2 video clips (Kling)", "50"),
            ("Voiceover (600 chars)", "6"),
        ],
    );
}

#[test]
fn seed_003_example_2_educational_video_is_1320_credits() {
    check_example(
        "educational-3min.toml",
        "1320",
        &[
            ("Script generation", "20"),
            ("8 images (Flux Schnell)", "40"),
            ("4 images (Imagen-4)", "40"),
            ("4 video clips (Veo2)", "1200"),
            ("Voiceover (2000 chars)", "20"),
        ],
    );
}

#[test]
fn seed_003_examples_print_their_totals_in_the_table() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let run = credits(&[
        "estimate",
        "--shots",
        &format!("{dir}/examples/marketing-60s.toml"),
    ]);
    run.success();
    let total = run.line("total");
    run.check(total.contains("96"), "the total row showing 96");
    let run = credits(&[
        "estimate",
        "--shots",
        &format!("{dir}/examples/educational-3min.toml"),
    ]);
    run.success();
    let total = run.line("total");
    run.check(total.contains("1,320"), "the total row showing 1,320");
}

// ---- seed 004: ModelPix ----

#[test]
fn modelpix_rows() {
    // "Simple image operations start at three credits, standard image generations cost
    // seven credits".
    // "Start at three credits": an open range, from 3.
    estimate("modelpix", "simple-image-operation", &[])
        .json_eq("/credits", Value::Null)
        .json_eq("/min_credits", json!("3"))
        .json_eq("/max_credits", Value::Null);
    estimate("modelpix", "standard-image-generation", &[]).json_eq("/credits", json!("7"));
    // "Avatar Video … at 2 credits/sec".
    estimate("modelpix", "avatar-video", &["--duration", "10"]).json_eq("/credits", json!("20"));
    estimate("modelpix", "avatar-video", &["--duration", "7"]).json_eq("/credits", json!("14"));
    // "video tools range from two to twenty-three credits per second".
    estimate("modelpix", "video", &["--duration", "10"])
        .json_eq("/credits", Value::Null)
        .json_eq("/min_credits", json!("20"))
        .json_eq("/max_credits", json!("230"));
}

#[test]
fn modelpix_shows_per_second_rates_and_states_no_plan_numbers() {
    let run = show("modelpix");
    let json = run.json();
    run.check_eq(
        "ModelPix plans (none with numbers)",
        &json!([]),
        &json["plans"],
    );
    let text = credits(&["pricing", "show", "modelpix"]);
    text.success()
        .stdout_has("3 credits each")
        .stdout_has("7 credits each")
        .stdout_has("2 credits/s")
        .stdout_has("2–23 credits/s")
        // Seed 004: "no expiration dates on purchased credits".
        .stdout_has("never expire");
}

// ---- real platforms, from their public pricing pages ----

#[test]
fn runway_gen_4_is_12_credits_a_second_on_standard_at_0_024() {
    estimate("runway", "gen-4", &["--duration", "10"])
        .json_eq("/credits", json!("120"))
        .json_eq("/plan", json!("Standard"))
        .json_decimal_eq("/price_per_credit", "0.024")
        .json_decimal_eq("/cost_per_clip", "2.88")
        .json_decimal_eq("/cost_per_second", "0.288");
    estimate("runway", "gen-4", &["--duration", "5"]).json_eq("/credits", json!("60"));
    estimate("runway", "gen-4-turbo", &["--duration", "5"]).json_eq("/credits", json!("25"));
    estimate("runway", "gen-4-turbo", &["--duration", "10"]).json_eq("/credits", json!("50"));
}

#[test]
fn runway_annual_billing_is_yearly_price_over_twelve_months_of_credits() {
    // $144 / (12 × 625) = $0.0192.
    estimate(
        "runway",
        "gen-4",
        &["--duration", "10", "--billing", "annual"],
    )
    .json_eq("/billing", json!("annual"))
    .json_decimal_eq("/price_per_credit", "0.0192")
    .json_decimal_eq("/cost_per_clip", "2.304");
}

#[test]
fn runway_plans_match_the_facts() {
    let run = show("runway");
    let json = run.json();
    let standard = plan(&run, &json, "standard");
    for (field, value) in [
        ("price", "15"),
        ("annual_price", "144"),
        ("credits", "625"),
        ("price_per_credit", "0.024"),
        ("annual_price_per_credit", "0.0192"),
    ] {
        run.check_eq(
            &format!("Standard's {field}"),
            Some(value.parse::<Decimal>().unwrap()),
            decimal(&standard[field]),
        );
    }
    let free = plan(&run, &json, "free");
    run.check_eq("Free's credits", &json!("125"), &free["credits"]);
    run.check_eq("Free's grant", &json!("once"), &free["grant"]);
    for (id, credits_expected) in [("pro", "2250"), ("unlimited", "2250")] {
        run.check_eq(
            &format!("{id}'s credits"),
            &json!(credits_expected),
            &plan(&run, &json, id)["credits"],
        );
    }
}

#[test]
fn openai_sora_2_at_720p_for_8_seconds_was_80_cents_and_is_shut_down() {
    // Shut down on 2026-09-24 (OpenAI's model page): refused today, with the date …
    credits(&[
        "estimate",
        "openai",
        "sora-2",
        "--resolution",
        "720p",
        "--duration",
        "8",
    ])
    .error()
    .stderr_has("sora-2 on openai was shut down on 2026-09-24");
    // … and a generation made before then is still priced from the table.
    let sandbox = Sandbox::with_db();
    sandbox
        .run(&[
            "--json",
            "log",
            "openai",
            "sora-2",
            "--resolution",
            "720p",
            "--duration",
            "8",
            "--at",
            "2026-09-01",
        ])
        .success()
        .json_eq("/credits", json!("0"))
        .json_eq("/currency", json!("USD"))
        .json_decimal_eq("/cost", "0.80");
}

#[test]
fn google_veo_3_was_40_cents_a_second_until_its_shutdown() {
    // Shut down on the Gemini API on 2026-06-30: refused today, priced when logged before.
    credits(&[
        "estimate",
        "google",
        "veo-3.0-generate-001",
        "--duration",
        "8",
    ])
    .error()
    .stderr_has("shut down on 2026-06-30");
    let sandbox = Sandbox::with_db();
    sandbox
        .run(&[
            "--json",
            "log",
            "google",
            "veo-3.0-generate-001",
            "--duration",
            "8",
            "--at",
            "2026-06-01",
        ])
        .success()
        .json_decimal_eq("/cost", "3.2");
}

#[test]
fn google_veo_3_1_fast_is_refused_after_its_shutdown_and_priced_at_the_cut_rate_before() {
    // Issue 21: $0.12/s at 1080p after the cut of 2026-04-07; shut down 2026-10-22.
    credits(&[
        "estimate",
        "google",
        "veo-3.1-fast",
        "--duration",
        "10",
        "--resolution",
        "1080p",
    ])
    .error()
    .stderr_has("shut down on 2026-10-22")
    .stderr_has("gemini-omni-1.1-flash");
    let sandbox = Sandbox::with_db();
    sandbox
        .run(&[
            "--json",
            "log",
            "google",
            "veo-3.1-fast",
            "--duration",
            "10",
            "--resolution",
            "1080p",
            "--at",
            "2026-09-01",
        ])
        .success()
        .json_decimal_eq("/cost", "1.2");
}

#[test]
fn google_veo_3_1_fast_logged_before_the_cut_is_priced_at_the_rate_of_then() {
    // Issue 21: $0.15/s at 1080p (and $0.35 at 4K) before the cut of 2026-04-07, $0.12 after;
    // the table's `[[model.variant.before]]` says so, and `log --at` prices by the entry's day.
    let sandbox = Sandbox::with_db();
    let log = |at: &str, resolution: &str| {
        sandbox.run(&[
            "--json",
            "log",
            "google",
            "veo-3.1-fast",
            "--duration",
            "10",
            "--resolution",
            resolution,
            "--at",
            at,
        ])
    };
    log("2026-03-01", "1080p")
        .success()
        .json_decimal_eq("/cost", "1.5")
        .stderr_has("priced at the rate before 2026-04-07");
    log("2026-04-06", "4k")
        .success()
        .json_decimal_eq("/cost", "3.5");
    // The cut's own day has the new rate.
    log("2026-04-07", "1080p")
        .success()
        .json_decimal_eq("/cost", "1.2")
        .stderr_lacks("priced at the rate before");
    log("2026-09-01", "1080p")
        .success()
        .json_decimal_eq("/cost", "1.2");
    // `reprice` prices each entry as of its own day: nothing changes.
    sandbox
        .run(&["--json", "reprice"])
        .success()
        .json_eq("/examined", json!(4))
        .json_eq("/changed", json!([]));
}

#[test]
fn kling_plans_and_packs_match_the_facts() {
    let run = show("kling");
    let json = run.json();
    for (id, price, annual, credits_expected) in [
        ("standard", "8.80", "79.20", "660"),
        ("pro", "32.56", "293.04", "3000"),
        ("premier", "80.96", "728.64", "8000"),
        ("ultra", "159.99", "1429.99", "26000"),
    ] {
        let p = plan(&run, &json, id);
        for (field, value) in [
            ("price", price),
            ("annual_price", annual),
            ("credits", credits_expected),
        ] {
            run.check_eq(
                &format!("{id}'s {field}"),
                Some(value.parse::<Decimal>().unwrap()),
                decimal(&p[field]),
            );
        }
    }
    // Pro: $32.56 / 3,000 credits monthly; $293.04 / 36,000 annually = $0.00814.
    let pro = plan(&run, &json, "pro");
    run.check(
        decimal(&pro["price_per_credit"])
            .is_some_and(|d| d.round_dp(10) == "0.0108533333".parse::<Decimal>().unwrap()),
        "Pro's price per credit 32.56 / 3000 = 0.010853…",
    );
    run.check_eq(
        "Pro's annual price per credit",
        Some("0.00814".parse::<Decimal>().unwrap()),
        decimal(&pro["annual_price_per_credit"]),
    );
    // Free ("Basic"): 66 credits a day.
    let free = plan(&run, &json, "free");
    run.check_eq("Free's credits", &json!("66"), &free["credits"]);
    // $50 → 3,300 + 200 bonus, expires after 2 years.
    let pack = json["packs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["price"] == "50")
        .unwrap_or_else(|| run.fail("a $50 pack", "absent"));
    run.check_eq("$50 pack credits", &json!("3300"), &pack["credits"]);
    run.check_eq("$50 pack bonus", &json!("200"), &pack["bonus"]);
    run.check_eq(
        "$50 pack expiry (2 years)",
        &json!(730),
        &pack["expires_after_days"],
    );
    // And the first-month promotion is shown.
    credits(&["pricing", "show", "kling"])
        .success()
        .stdout_has("$6.99")
        .stdout_has("$32.56")
        .stdout_has("3,000");
}

#[test]
fn higgsfield_soul_is_a_quarter_credit() {
    estimate("higgsfield", "soul", &[]).json_eq("/credits", json!("0.25"));
    estimate("higgsfield", "soul", &["--count", "3"]).json_eq("/credits", json!("0.75"));
}
