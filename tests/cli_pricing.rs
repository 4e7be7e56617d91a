//! Each command of issue 2 through the binary: `calc`, `estimate`, `compare` and
//! `pricing list | show | dirs | validate`, user pricing files, id matching and the
//! stale-table note.

mod common;

use common::{credits, decimal, Run, Sandbox};
use rust_decimal::Decimal;
use serde_json::{json, Value};

// ---- calc: seed 002's spreadsheet ----

const CALC: &[&str] = &[
    "calc",
    "--plan-price",
    "30",
    "--plan-credits",
    "3000",
    "--clip-credits",
    "50",
    "--seconds",
    "5",
];

#[test]
fn calc_gives_seed_002s_numbers_in_text() {
    let run = credits(CALC);
    run.success();
    let per_credit = run.line("price per credit");
    run.check(
        per_credit.contains("$0.01 "),
        "price per credit $0.01 ($30.00 ÷ 3,000 credits)",
    );
    run.check(per_credit.contains("3,000"), "the 3,000 credits shown");
    run.check(
        run.line("cost per clip").contains("$0.50 "),
        "cost per clip $0.50",
    );
    run.check(
        run.line("cost per second").contains("$0.10 "),
        "cost per second $0.10",
    );
}

#[test]
fn calc_json_carries_exact_decimal_strings() {
    let mut args = vec!["--json"];
    args.extend_from_slice(CALC);
    credits(&args)
        .success()
        .json_eq("/price_per_credit", json!("0.01"))
        .json_eq("/cost_per_clip", json!("0.5"))
        .json_eq("/cost_per_second", json!("0.1"))
        .json_eq("/currency", json!("USD"));
}

#[test]
fn calc_without_seconds_has_no_cost_per_second() {
    let run = credits(&[
        "--json",
        "calc",
        "--plan-price",
        "30",
        "--plan-credits",
        "3000",
        "--clip-credits",
        "50",
    ]);
    run.success()
        .json_eq("/cost_per_clip", json!("0.5"))
        .json_eq("/cost_per_second", Value::Null);
}

#[test]
fn calc_keeps_full_precision_in_json_and_never_shows_zero_for_a_small_price() {
    // $10 / 3,000 credits = 0.00333…: the text must not say $0.00.
    let run = credits(&[
        "calc",
        "--plan-price",
        "10",
        "--plan-credits",
        "3000",
        "--clip-credits",
        "1",
    ]);
    run.success().stdout_lacks("$0.00 ").stdout_has("$0.0033");
    let run = credits(&[
        "--json",
        "calc",
        "--plan-price",
        "10",
        "--plan-credits",
        "3000",
        "--clip-credits",
        "1",
    ]);
    run.success();
    let ppc = run.json_at("/price_per_credit");
    run.check(
        ppc.as_str()
            .is_some_and(|s| s.starts_with("0.003333333333")),
        "price_per_credit in full precision (0.003333333333…)",
    );
}

// ---- estimate ----

#[test]
fn estimate_without_plan_uses_the_cheapest_paid_plan_that_allows_it() {
    // Runway Gen-4 needs Standard; Standard ($15) is the cheapest paid plan.
    credits(&["--json", "estimate", "runway", "gen-4", "--duration", "10"])
        .success()
        .json_eq("/plan", json!("Standard"))
        .json_eq("/price_source", json!("cheapest_plan"))
        .json_eq("/min_plan", json!("Standard"))
        .json_eq("/allowed", json!(true))
        .json_eq("/free_tier_allows", json!(false))
        .json_eq("/clips_per_period", json!("5"))
        .json_eq("/period", json!("month"));
    let run = credits(&["estimate", "runway", "gen-4", "--duration", "10"]);
    run.success()
        .stdout_has("cheapest paid plan that allows it")
        .stdout_has("does not allow it");
    run.check_eq(
        "the plan buys line",
        "plan buys         5 of these per month on Standard".to_string(),
        run.line("plan buys"),
    );
}

#[test]
fn estimate_with_a_plan_says_whether_it_meets_the_minimum() {
    credits(&[
        "--json",
        "estimate",
        "runway",
        "gen-4",
        "--duration",
        "10",
        "--plan",
        "pro",
    ])
    .success()
    .json_eq("/plan", json!("Pro"))
    .json_eq("/price_source", json!("plan"))
    .json_eq("/allowed", json!(true))
    .json_decimal_eq("/price_per_credit", "0.01555555555555555555555555556");
    credits(&[
        "--json",
        "estimate",
        "makeclipai",
        "kling-ai",
        "--duration",
        "30",
        "--plan",
        "free",
    ])
    .success()
    .json_eq("/plan", json!("Free"))
    .json_eq("/min_plan", json!("Pro"))
    .json_eq("/allowed", json!(false))
    .json_eq("/free_tier_allows", json!(false));
    credits(&[
        "estimate",
        "makeclipai",
        "kling-ai",
        "--duration",
        "30",
        "--plan",
        "free",
    ])
    .success()
    .stdout_has("Free does NOT allow it");
    credits(&[
        "--json",
        "estimate",
        "makeclipai",
        "kling-ai",
        "--duration",
        "60",
        "--plan",
        "max",
    ])
    .success()
    .json_eq("/min_plan", json!("Max"))
    .json_eq("/allowed", json!(true));
}

#[test]
fn estimate_on_a_plan_that_does_not_allow_it_does_not_say_what_it_buys() {
    // Runway Free has "No Gen-4 Video", yet the estimate says "plan buys 1 of these in
    // all on Free".
    let run = credits(&[
        "--json",
        "estimate",
        "runway",
        "gen-4",
        "--duration",
        "10",
        "--plan",
        "free",
    ]);
    run.success()
        .json_eq("/allowed", json!(false))
        .json_eq("/clips_per_period", Value::Null);
}

#[test]
fn estimate_annual_billing_uses_the_yearly_price() {
    credits(&[
        "--json",
        "estimate",
        "runway",
        "gen-4-turbo",
        "--duration",
        "10",
        "--billing",
        "annual",
    ])
    .success()
    .json_eq("/billing", json!("annual"))
    .json_eq("/plan", json!("Standard"))
    .json_decimal_eq("/price_per_credit", "0.0192")
    .json_decimal_eq("/cost_per_clip", "0.96");
}

#[test]
fn estimate_price_per_credit_prices_a_table_without_prices() {
    let run = credits(&[
        "--json",
        "estimate",
        "makeclipai",
        "pika-basic",
        "--price-per-credit",
        "0.01",
    ]);
    run.success()
        .json_eq("/price_source", json!("user"))
        .json_eq("/price_per_credit", json!("0.01"))
        .json_eq("/cost_per_clip", json!("0.4"))
        .json_eq("/money_unknown", Value::Null);
    credits(&[
        "estimate",
        "makeclipai",
        "pika-basic",
        "--price-per-credit",
        "0.01",
    ])
    .success()
    .stdout_has("your --price-per-credit")
    .stdout_has("$0.40");
}

#[test]
fn estimate_rounds_up_to_the_next_bucket_and_says_so() {
    // 8 s on Kling AI (5 s / 10 s buckets) bills the 10 s bucket: 140 credits;
    // cost per second uses the 8 s asked for: 140 × 0.01 / 8 = 0.175.
    let run = credits(&[
        "--json",
        "estimate",
        "makeclipai",
        "kling-ai",
        "--duration",
        "8",
        "--price-per-credit",
        "0.01",
    ]);
    run.success()
        .json_eq("/credits", json!("140"))
        .json_eq("/seconds", json!("8"))
        .json_eq("/billed_seconds", json!("10"))
        .json_decimal_eq("/cost_per_clip", "1.4")
        .json_decimal_eq("/cost_per_second", "0.175");
    let notes = run.json_at("/notes");
    run.check(
        notes
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap_or("").contains("billed as 10 s")),
        "a note that 10 s are billed",
    );
    credits(&["estimate", "makeclipai", "kling-ai", "--duration", "8"])
        .success()
        .stdout_has("billed as 10 s for 8 s of video; cost per second uses the 8 s");
}

#[test]
fn estimate_on_a_money_billed_platform_has_no_credits_and_a_currency() {
    let sandbox = Sandbox::new();
    common::keep_sora_2(&sandbox);
    let credits = |args: &[&str]| sandbox.run(args);
    credits(&["--json", "estimate", "openai", "sora-2", "--duration", "12"])
        .success()
        .json_eq("/credits", Value::Null)
        .json_eq("/currency", json!("USD"))
        .json_eq("/price_source", json!("money_billed"))
        .json_decimal_eq("/cost_per_clip", "1.2");
    credits(&["estimate", "openai", "sora-2", "--duration", "12"])
        .success()
        .stdout_has("none: billed in money")
        .stdout_has("$1.20")
        .stdout_lacks("minimum plan");
}

#[test]
fn estimate_with_unknown_money_says_unknown_never_zero() {
    let run = credits(&["estimate", "makeclipai", "sora-2", "--duration", "15"]);
    run.success().stdout_lacks("$0.00");
    for label in ["price per credit", "cost per clip", "cost per second"] {
        let line = run.line(label);
        run.check(line.ends_with("unknown"), &format!("{label} … unknown"));
    }
    run.stdout_has("money unknown:")
        .stdout_has("--price-per-credit");
    let run = credits(&[
        "--json",
        "estimate",
        "makeclipai",
        "sora-2",
        "--duration",
        "15",
    ]);
    run.success()
        .json_eq("/credits", json!("300"))
        .json_eq("/price_per_credit", Value::Null)
        .json_eq("/cost_per_clip", Value::Null)
        .json_eq("/cost_per_second", Value::Null);
    run.check(
        run.json_at("/money_unknown").is_string(),
        "money_unknown saying why",
    );
}

#[test]
fn estimate_of_a_tiny_amount_never_prints_zero() {
    let run = credits(&[
        "estimate",
        "makeclipai",
        "pika-basic",
        "--price-per-credit",
        "0.00001",
    ]);
    run.success().stdout_lacks("$0.00 ").stdout_has("$0.0004");
}

#[test]
fn estimate_count_multiplies_credits_and_cost() {
    credits(&[
        "--json",
        "estimate",
        "runway",
        "gen-4",
        "--duration",
        "5",
        "--count",
        "3",
    ])
    .success()
    .json_eq("/count", json!(3))
    .json_eq("/credits", json!("180"))
    .json_decimal_eq("/cost_per_clip", "1.44")
    .json_decimal_eq("/cost", "4.32");
}

#[test]
fn estimate_shots_applies_the_plan_to_every_line_and_sums_money() {
    let path = format!("{}/examples/marketing-60s.toml", env!("CARGO_MANIFEST_DIR"));
    let run = credits(&[
        "--json",
        "estimate",
        "--shots",
        &path,
        "--price-per-credit",
        "0.01",
    ]);
    run.success()
        .json_eq("/total/credits", json!("96"))
        .json_decimal_eq("/total/cost", "0.96");
    let json = run.json();
    let sum: Decimal = json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| decimal(&l["cost"]).unwrap())
        .sum();
    run.check_eq(
        "total cost = sum of the lines",
        decimal(&json["total"]["cost"]),
        Some(sum),
    );
}

#[test]
fn estimate_shots_with_an_open_range_gives_a_min_max_total() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "shots.toml",
        "platform = \"videodraft\"\n\n[[shot]]\nmodel = \"script-generation\"\n\n[[shot]]\nmodel = \"flux-schnell\"\ncount = 2\n",
    );
    let run = sandbox.run(&["--json", "estimate", "--shots", "shots.toml"]);
    run.success()
        .json_eq("/total/credits", Value::Null)
        .json_eq("/total/min_credits", json!("15"))
        .json_eq("/total/max_credits", json!("30"));
    sandbox
        .run(&["estimate", "--shots", "shots.toml"])
        .success()
        .stdout_has("15–30");
}

// ---- compare ----

/// `credits --json compare ARGS…` as a list of rows.
fn compare(args: &[&str]) -> (Run, Vec<Value>) {
    compare_in(&Sandbox::new(), args)
}

fn compare_in(sandbox: &Sandbox, args: &[&str]) -> (Run, Vec<Value>) {
    let mut all = vec!["--json", "compare"];
    all.extend_from_slice(args);
    let run = sandbox.run(&all);
    run.success();
    let rows = run
        .json()
        .as_array()
        .cloned()
        .unwrap_or_else(|| run.fail("a JSON array", "something else"));
    (run, rows)
}

fn key(row: &Value) -> String {
    format!(
        "{} {}",
        row["platform"].as_str().unwrap(),
        row["model"].as_str().unwrap()
    )
}

/// Known money first in non-decreasing order of `field`, then every unknown one.
fn check_ranked(run: &Run, rows: &[Value], field: &str) {
    let values: Vec<Option<Decimal>> = rows
        .iter()
        .map(|r| decimal(&r[field]).or_else(|| decimal(&r[format!("min_{field}")])))
        .collect();
    let known = values.iter().take_while(|v| v.is_some()).count();
    run.check(
        values[known..].iter().all(Option::is_none),
        &format!("every row with unknown {field} after all known ones"),
    );
    let known: Vec<Decimal> = values[..known].iter().map(|v| v.unwrap()).collect();
    for pair in known.windows(2) {
        if pair[0] > pair[1] {
            run.fail(
                format!("{field} non-decreasing"),
                format!("{} before {}", pair[0], pair[1]),
            );
        }
    }
}

#[test]
fn compare_ranks_by_cost_per_second_with_unknown_money_last() {
    // 720p: Runway's Gen-4 makes 720p only, so it is left out at 1080p.
    let (run, rows) = compare(&["--duration", "10", "--resolution", "720p"]);
    check_ranked(&run, &rows, "cost_per_second");
    let keys: Vec<String> = rows.iter().map(key).collect();
    for expected in ["runway gen-4", "runway-api wan3", "makeclipai kling-ai"] {
        run.check(
            keys.iter().any(|k| k == expected),
            &format!("{expected} in the comparison"),
        );
    }
    // Runway Gen-4 10 s on Standard: 120 credits, $2.88, $0.288/s.
    let gen4 = rows.iter().find(|r| key(r) == "runway gen-4").unwrap();
    run.check_eq("gen-4 credits", &json!("120"), &gen4["credits"]);
    run.check_eq("gen-4 plan", &json!("Standard"), &gen4["plan"]);
    run.check_eq(
        "gen-4 cost per second",
        decimal(&json!("0.288")),
        decimal(&gen4["cost_per_second"]),
    );
}

#[test]
fn compare_table_numbers_known_rows_and_explains_unknown_ones() {
    let run = credits(&["compare", "--duration", "10", "--resolution", "1080p"]);
    run.success().stdout_has("with unknown money listed last");
    // After the line that names the shot.
    let header = run
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with('#'))
        .unwrap_or("");
    for column in [
        "platform",
        "model",
        "credits",
        "plan",
        "per clip",
        "per second",
        "free tier",
    ] {
        run.check(header.contains(column), &format!("a `{column}` column"));
    }
    let first = run.stdout.lines().nth(2).unwrap_or("").trim_start();
    run.check(first.starts_with("1 "), "the first row ranked 1");
    let last = run
        .stdout
        .lines()
        .rfind(|l| l.trim_start().starts_with('-'))
        .unwrap_or("");
    run.check(
        last.contains("unknown"),
        "the last rows unranked with unknown money",
    );
}

#[test]
fn compare_1080p_leaves_out_a_720p_only_model() {
    let sandbox = Sandbox::new();
    common::keep_sora_2(&sandbox);
    let compare = |args: &[&str]| compare_in(&sandbox, args);
    let (run, rows) = compare(&["--duration", "8", "--resolution", "1080p"]);
    let keys: Vec<String> = rows.iter().map(key).collect();
    run.check(
        !keys.iter().any(|k| k == "openai sora-2"),
        "openai sora-2 (720p only) left out at 1080p",
    );
    run.check(
        keys.iter().any(|k| k == "openai sora-2-pro"),
        "openai sora-2-pro (has 1080p) kept",
    );
    let (run, rows) = compare(&["--duration", "8", "--resolution", "720p"]);
    run.check(
        rows.iter().any(|r| key(r) == "openai sora-2"),
        "openai sora-2 kept at 720p",
    );
}

#[test]
fn compare_platform_filter_keeps_only_those_platforms() {
    let (run, rows) = compare(&[
        "--duration",
        "10",
        "--platform",
        "runway",
        "--platform",
        "OpenAI",
    ]);
    run.check(!rows.is_empty(), "some rows");
    for row in &rows {
        let platform = row["platform"].as_str().unwrap();
        run.check(
            platform == "runway" || platform == "openai",
            "only runway and openai rows",
        );
    }
    check_ranked(&run, &rows, "cost_per_second");
}

#[test]
fn compare_kind_image_ranks_images_per_item() {
    let (run, rows) = compare(&["--kind", "image"]);
    check_ranked(&run, &rows, "cost_per_clip");
    let keys: Vec<String> = rows.iter().map(key).collect();
    run.check(
        keys.iter().any(|k| k == "videodraft flux-schnell"),
        "videodraft flux-schnell among images",
    );
    run.check(
        !keys.iter().any(|k| k == "runway gen-4"),
        "no video model among images",
    );
    let first = &rows[0];
    run.check_eq(
        "cheapest image (replicate flux-schnell $0.003)",
        "replicate flux-schnell".to_string(),
        key(first),
    );
    credits(&["compare", "--kind", "image"])
        .success()
        .stdout_has("per item");
}

#[test]
fn compare_max_plan_keeps_only_what_that_plan_allows() {
    let (run, rows) = compare(&["--duration", "10", "--max-plan", "free"]);
    let keys: Vec<String> = rows.iter().map(key).collect();
    // Gen-4 needs Standard; Sora 2 on MakeClipAI needs Pro.
    run.check(!keys.iter().any(|k| k == "runway gen-4"), "no runway gen-4");
    run.check(
        !keys.iter().any(|k| k == "makeclipai sora-2"),
        "no makeclipai sora-2",
    );
    run.check(
        keys.iter().any(|k| k == "runway gen-4-turbo"),
        "runway gen-4-turbo (free tier allows it)",
    );
    for row in &rows {
        if row["free_tier_allows"] == json!(false) {
            run.fail("only rows a free tier allows", key(row));
        }
    }
    let (run, rows) = compare(&["--duration", "10", "--max-plan", "standard"]);
    let gen4 = rows.iter().find(|r| key(r) == "runway gen-4");
    run.check(gen4.is_some(), "runway gen-4 allowed on Standard");
    run.check_eq("the plan used", &json!("Standard"), &gen4.unwrap()["plan"]);
}

#[test]
fn compare_annual_billing_lowers_runway() {
    let (run, rows) = compare(&[
        "--duration",
        "10",
        "--platform",
        "runway",
        "--billing",
        "annual",
    ]);
    let gen4 = rows.iter().find(|r| key(r) == "runway gen-4").unwrap();
    run.check_eq(
        "annual price per credit",
        decimal(&json!("0.0192")),
        decimal(&gen4["price_per_credit"]),
    );
}

// ---- pricing list / show / dirs / validate ----

#[test]
fn pricing_list_shows_every_shipped_platform() {
    let run = credits(&["--json", "pricing", "list"]);
    run.success();
    let ids: Vec<String> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["platform"].as_str().unwrap().to_string())
        .collect();
    for id in [
        "makeclipai",
        "videodraft",
        "modelpix",
        "runway",
        "kling",
        "openai",
        "google",
    ] {
        run.check(ids.iter().any(|i| i == id), &format!("{id} listed"));
    }
    let run = credits(&["pricing", "list"]);
    run.success();
    let runway = run.line("runway");
    run.check(
        runway.contains("2026-11-21") && runway.contains("Free, Standard, Pro, Unlimited"),
        "runway's as_of and plans",
    );
}

#[test]
fn pricing_show_gives_plans_with_price_per_credit_and_models_with_min_plans() {
    let run = credits(&["pricing", "show", "runway"]);
    run.success();
    let standard = run.line("Standard");
    run.check(
        standard.contains("$15.00") && standard.contains("625") && standard.contains("$0.024"),
        "Standard $15.00, 625 credits, $0.024 per credit",
    );
    let gen4 = run.line("gen-4 ");
    run.check(
        gen4.contains("12 credits/s") && gen4.contains("Standard"),
        "gen-4 at 12 credits/s from Standard",
    );
}

#[test]
fn pricing_dirs_names_the_user_dir_and_the_loaded_files() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["pricing", "dirs"]);
    run.success()
        .stdout_has(&sandbox.user_pricing_dir().display().to_string())
        .stdout_has("makeclipai");
    let mut sandbox = Sandbox::new();
    let extra = sandbox.path().join("extra");
    sandbox.write("extra/mine.toml", MINI_MAKECLIPAI);
    sandbox.env("CREDITS_PRICING_DIR", extra.to_str().unwrap());
    let run = sandbox.run(&["pricing", "dirs"]);
    run.success()
        .stdout_has(&extra.display().to_string())
        .stdout_has("replaced by");
}

const VALID: &str = r#"name = "ExampleClips"
as_of = 2026-11-01
[[plan]]
name = "Free"
price = 0
credits = 50
grant = "daily"
[[plan]]
name = "Creator"
price = 20
credits = 2000
[[model]]
name = "Clip Fast"
buckets = [{ seconds = 5, credits = 20 }, { seconds = 10, credits = 40 }]
"#;

#[test]
fn pricing_validate_accepts_a_good_file() {
    let sandbox = Sandbox::new();
    sandbox.write("good.toml", VALID);
    sandbox
        .run(&["pricing", "validate", "good.toml"])
        .success()
        .stdout_has("ok: good.toml")
        .stdout_has("exampleclips");
}

#[test]
fn pricing_validate_accepts_every_shipped_table() {
    let dir = format!("{}/pricing", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".toml"))
        .collect();
    files.sort();
    let mut args = vec!["pricing", "validate"];
    args.extend(files.iter().map(String::as_str));
    let run = credits(&args);
    run.success();
    run.check_eq(
        "one ok line per shipped file",
        files.len(),
        run.stdout.lines().filter(|l| l.starts_with("ok: ")).count(),
    );
}

#[test]
fn pricing_validate_lists_every_problem_in_a_file() {
    let sandbox = Sandbox::new();
    sandbox.write("bad.toml", SEVERAL_PROBLEMS);
    let run = sandbox.run(&["pricing", "validate", "bad.toml"]);
    run.code(1).stderr_has("bad.toml");
    for expected in [
        "platform broken-clips, plan free, field credits",
        "platform broken-clips, model clip-one, field min_plan",
        "platform broken-clips, model clip-one, field credits",
        "platform broken-clips, model clip-two, field buckets",
        "platform broken-clips, model clip-three, field rate",
    ] {
        run.stderr_has(expected);
    }
    let run = sandbox.run(&["--json", "pricing", "validate", "bad.toml"]);
    run.code(1).json_eq("/0/ok", json!(false));
    run.check_eq(
        "problems listed",
        5,
        run.json_at("/0/problems").as_array().unwrap().len(),
    );
}

/// Several problems of issue 2's kinds in one file.
pub const SEVERAL_PROBLEMS: &str = r#"name = "Broken Clips"
as_of = 2026-11-01

[[plan]]
name = "Free"
price = 0
credits = -10

[[model]]
name = "Clip One"
min_plan = "Platinum"
credits = -5

[[model]]
name = "Clip Two"
buckets = [{ seconds = 5, credits = 10 }, { seconds = 5, credits = 20 }]

[[model]]
name = "Clip Three"
"#;

#[test]
fn pricing_validate_checks_each_file_and_fails_if_any_is_bad() {
    let sandbox = Sandbox::new();
    sandbox.write("good.toml", VALID);
    sandbox.write("bad.toml", SEVERAL_PROBLEMS);
    sandbox
        .run(&["pricing", "validate", "good.toml", "bad.toml"])
        .code(1)
        .stdout_has("ok: good.toml")
        .stderr_has("error: bad.toml");
}

// ---- user pricing files ----

const MINI_MAKECLIPAI: &str = r#"name = "MakeClipAI"
replace = true
as_of = 2026-11-01
[[plan]]
name = "Solo"
price = 10
credits = 1000
[[model]]
name = "Only Model"
credits = 7
"#;

#[test]
fn a_user_file_with_a_shipped_id_and_replace_true_replaces_that_platform_whole() {
    let mut sandbox = Sandbox::new();
    let dir = sandbox.path().join("mine");
    sandbox.write("mine/makeclipai.toml", MINI_MAKECLIPAI);
    sandbox.env("CREDITS_PRICING_DIR", dir.to_str().unwrap());
    sandbox
        .run(&["--json", "estimate", "makeclipai", "only-model"])
        .success()
        .json_eq("/credits", json!("7"))
        .json_eq("/plan", json!("Solo"))
        .json_eq("/cost_per_clip", json!("0.07"));
    // Whole: the shipped models are gone.
    sandbox
        .run(&["estimate", "makeclipai", "kling-ai"])
        .error()
        .stderr_has("unknown model `kling-ai`");
    sandbox
        .run(&["pricing", "show", "makeclipai"])
        .success()
        .stdout_has(&dir.join("makeclipai.toml").display().to_string())
        .stdout_lacks("pika-basic");
}

#[test]
fn a_file_in_the_user_config_dir_is_loaded_and_pricing_dir_wins_over_it() {
    let mut sandbox = Sandbox::new();
    let config = sandbox.user_pricing_dir();
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("makeclipai.toml"), MINI_MAKECLIPAI).unwrap();
    sandbox
        .run(&["--json", "estimate", "makeclipai", "only-model"])
        .success()
        .json_eq("/credits", json!("7"));
    let extra = sandbox.path().join("extra");
    sandbox.write(
        "extra/makeclipai.toml",
        &MINI_MAKECLIPAI.replace("credits = 7", "credits = 9"),
    );
    sandbox.env("CREDITS_PRICING_DIR", extra.to_str().unwrap());
    sandbox
        .run(&["--json", "estimate", "makeclipai", "only-model"])
        .success()
        .json_eq("/credits", json!("9"));
    // And --pricing-dir does the same as the variable.
    let sandbox = Sandbox::new();
    sandbox.write("flagdir/makeclipai.toml", MINI_MAKECLIPAI);
    sandbox
        .run(&[
            "--pricing-dir",
            "flagdir",
            "--json",
            "estimate",
            "makeclipai",
            "only-model",
        ])
        .success()
        .json_eq("/credits", json!("7"));
}

#[test]
fn a_broken_user_file_is_reported_with_file_and_line_and_everything_else_works() {
    let mut sandbox = Sandbox::new();
    let dir = sandbox.path().join("mine");
    sandbox.write(
        "mine/broken.toml",
        "name = \"Broken\"\nas_of = 2026-11-01\n[[model]\nname = \"X\"\n",
    );
    sandbox.write("mine/extra.toml", VALID);
    sandbox.env("CREDITS_PRICING_DIR", dir.to_str().unwrap());
    let run = sandbox.run(&["--json", "estimate", "videodraft", "flux-schnell"]);
    run.success()
        .stderr_has("warning:")
        .stderr_has(&dir.join("broken.toml").display().to_string())
        .stderr_has("line 3")
        .json_eq("/credits", json!("5"));
    // The user's other file keeps working too.
    sandbox
        .run(&[
            "--json",
            "estimate",
            "exampleclips",
            "clip-fast",
            "--duration",
            "10",
        ])
        .success()
        .json_eq("/credits", json!("40"))
        .json_eq("/plan", json!("Creator"))
        .json_decimal_eq("/price_per_credit", "0.01");
}

#[test]
fn a_user_file_with_wrong_values_is_skipped_naming_platform_model_and_field() {
    let mut sandbox = Sandbox::new();
    let dir = sandbox.path().join("mine");
    sandbox.write("mine/bad.toml", SEVERAL_PROBLEMS);
    sandbox.env("CREDITS_PRICING_DIR", dir.to_str().unwrap());
    let run = sandbox.run(&["--json", "estimate", "runway", "gen-4", "--duration", "5"]);
    run.success()
        .stderr_has("bad.toml")
        .stderr_has("model clip-one, field min_plan")
        .json_eq("/credits", json!("60"));
    sandbox
        .run(&["estimate", "broken-clips", "clip-one"])
        .code(1)
        .stderr_has("error: unknown platform `broken-clips`");
}

// ---- ids ----

#[test]
fn ids_match_case_insensitively_and_by_display_name() {
    for (platform, model) in [
        ("makeclipai", "kling-ai"),
        ("MakeClipAI", "Kling AI"),
        ("MAKECLIPAI", "KLING-AI"),
    ] {
        credits(&["--json", "estimate", platform, model, "--duration", "5"])
            .success()
            .json_eq("/platform", json!("makeclipai"))
            .json_eq("/model", json!("kling-ai"))
            .json_eq("/credits", json!("70"));
    }
    credits(&[
        "--json",
        "estimate",
        "VideoDraft AI",
        "Script Generation (GPT-4)",
    ])
    .success()
    .json_eq("/model", json!("script-generation"));
    credits(&["--json", "estimate", "videodraft", "Seedance 2.0"])
        .error()
        .stderr_has("unknown model");
    credits(&["--json", "estimate", "makeclipai", "Seedance 2.0"])
        .success()
        .json_eq("/model", json!("seedance-2.0"));
    credits(&["--json", "pricing", "show", "Kling AI"])
        .success()
        .json_eq("/platform", json!("kling"));
    credits(&[
        "--json", "estimate", "runway", "gen-4", "--plan", "STANDARD",
    ])
    .success()
    .json_eq("/plan", json!("Standard"));
}

// ---- stale tables ----

#[test]
fn a_table_older_than_90_days_gets_a_note_on_stderr_with_its_date() {
    // CREDITS_NOW is 2026-11-21; kling-api's oldest number (Avatar, inference.sh, "August
    // 2026") was verified on 2026-08-01.
    let run = credits(&["estimate", "kling-api", "kling-v3", "--duration", "5"]);
    run.success()
        .stderr_has("note:")
        .stderr_has("kling-api (2026-08-01)")
        .stdout_lacks("2026-08-01");
    // A table of today is quiet.
    credits(&["estimate", "makeclipai", "kling-ai"])
        .success()
        .stderr_lacks("note:");
    // The note follows the clock: on 2026-08-20 kling-api's table is fresh.
    let mut sandbox = Sandbox::new();
    sandbox.env("CREDITS_NOW", "2026-08-20T00:00:00Z");
    sandbox
        .run(&["estimate", "kling-api", "kling-v3", "--duration", "5"])
        .success()
        .stderr_lacks("prices older");
}

#[test]
fn the_stale_note_starts_after_exactly_90_days() {
    let mut sandbox = Sandbox::new();
    let dir = sandbox.path().join("mine");
    // 2026-08-23 is 90 days before 2026-11-21; 2026-08-22 is 91.
    sandbox.write(
        "mine/ninety.toml",
        "name = \"Ninety\"\nas_of = 2026-08-23\n[[model]]\nname = \"M\"\ncredits = 1\n",
    );
    sandbox.write(
        "mine/ninetyone.toml",
        "name = \"Ninety One\"\nas_of = 2026-08-22\n[[model]]\nname = \"M\"\ncredits = 1\n",
    );
    sandbox.env("CREDITS_PRICING_DIR", dir.to_str().unwrap());
    sandbox
        .run(&["estimate", "ninety", "m"])
        .success()
        .stderr_lacks("prices older");
    sandbox
        .run(&["estimate", "ninety-one", "m"])
        .success()
        .stderr_has("ninety-one (2026-08-22)");
}

#[test]
fn json_output_keeps_stdout_clean_of_notes() {
    let run = credits(&[
        "--json",
        "estimate",
        "kling-api",
        "kling-v3",
        "--duration",
        "5",
    ]);
    run.success().stderr_has("note:");
    run.json();
}

#[test]
fn piped_output_is_plain_with_no_borders_colour_or_trailing_spaces() {
    for args in [
        &["compare", "--duration", "10"][..],
        &["pricing", "show", "runway"][..],
        &["pricing", "list"][..],
        &["estimate", "runway", "gen-4", "--duration", "10"][..],
    ] {
        let run = credits(args);
        run.success()
            .stdout_lacks("\u{1b}[")
            .stdout_lacks("─")
            .stdout_lacks("│");
        run.check(
            run.stdout.lines().all(|l| l == l.trim_end()),
            "no trailing spaces on any line",
        );
    }
}
