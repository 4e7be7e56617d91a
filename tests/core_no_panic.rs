//! "No panic on any input" for the pricing commands (issue 2), held at the binary.
//!
//! The pure core denies `clippy::arithmetic_side_effects`; these runs feed the commands
//! that use it the extremes a user can type or write in a pricing file: Decimal's
//! largest value, its smallest step (1e-28), negatives, empty strings, `u32::MAX` /
//! `u64::MAX` counts, and tables whose values sit at (or beyond) the schema's limits.
//! Every run already fails on a panic (see `common`); where the input is refused the
//! run must say so with an `error:` line.

mod common;

use common::{credits, Run, Sandbox};

/// Decimal's largest value.
const MAX: &str = "79228162514264337593543950335";
/// Decimal's smallest positive step.
const TINY: &str = "0.0000000000000000000000000001";
const U32_MAX: &str = "4294967295";
const U64_MAX: &str = "18446744073709551615";

/// Neither a panic (checked by the harness) nor a crash by signal; an `error:` line
/// whenever the command did not succeed (after any `warning:` about skipped files).
#[track_caller]
fn settled(run: &Run) -> &Run {
    run.check(
        run.code != 101 && run.code >= 0,
        "an exit code, not a panic",
    );
    if run.code != 0 {
        run.check(
            run.stderr.lines().any(|l| l.starts_with("error:")),
            "an `error:` line on stderr when the command fails",
        );
    }
    run
}

/// One model of each rate form in the shipped tables.
const MODELS: [(&str, &str); 6] = [
    ("runway", "aleph"),                     // per second, credits
    ("videodraft", "kling-v2.1"),            // buckets
    ("videodraft", "google-veo2"),           // buckets, two lengths
    ("videodraft", "google-text-to-speech"), // per input
    ("videodraft", "script-generation"),     // a range
    ("openai", "sora-2"),                    // money-billed
];

#[test]
fn estimate_survives_extreme_flags_on_every_rate_form() {
    let flag_sets: [&[&str]; 14] = [
        &["--duration", MAX],
        &["--duration", TINY],
        &["--duration", "-1"],
        &["--duration", ""],
        &["--count", U32_MAX],
        &["--count", U32_MAX, "--duration", MAX],
        &["--chars", U64_MAX],
        &["--chars", U64_MAX, "--count", U32_MAX],
        &["--refs", U32_MAX],
        &["--refs", U32_MAX, "--count", U32_MAX],
        &["--price-per-credit", MAX, "--count", U32_MAX],
        &["--price-per-credit", TINY],
        &["--price-per-credit", "-1"],
        &["--plan", ""],
    ];
    let sandbox = Sandbox::new();
    for (platform, model) in MODELS {
        for flags in flag_sets {
            let mut args = vec!["estimate", platform, model];
            args.extend_from_slice(flags);
            settled(&sandbox.run(&args));
            args.insert(0, "--json");
            settled(&sandbox.run(&args));
        }
    }
}

#[test]
fn absurd_estimates_are_refused_with_an_error() {
    credits(&["estimate", "runway", "aleph", "--duration", MAX])
        .error()
        .stderr_has("too large");
    credits(&[
        "estimate",
        "runway",
        "aleph",
        "--duration",
        "1000000000000",
        "--count",
        U32_MAX,
        "--price-per-credit",
        MAX,
    ])
    .error();
    credits(&["estimate", "runway", "aleph", "--duration", "-1"]).error();
    // A count beyond u32 is clap's usage error, not a panic.
    credits(&["estimate", "runway", "aleph", "--count", U64_MAX]).usage_error();
    credits(&["estimate", "runway", "aleph", "--count", "-1"]).usage_error();
}

#[test]
fn calc_survives_extreme_values() {
    let values = [MAX, TINY, "-1", "", "0"];
    for price in values {
        for plan_credits in values {
            for clip in [MAX, TINY] {
                let run = credits(&[
                    "calc",
                    "--plan-price",
                    price,
                    "--plan-credits",
                    plan_credits,
                    "--clip-credits",
                    clip,
                    "--seconds",
                    TINY,
                ]);
                settled(&run);
            }
        }
    }
    credits(&[
        "calc",
        "--plan-price",
        MAX,
        "--plan-credits",
        TINY,
        "--clip-credits",
        MAX,
    ])
    .error()
    .stderr_has("too large")
    .stderr_has("help:");
}

#[test]
fn compare_survives_extreme_values() {
    let sandbox = Sandbox::new();
    for kind in ["video", "image", "audio", "text", "other"] {
        for duration in [MAX, TINY, "-1", ""] {
            settled(&sandbox.run(&["compare", "--kind", kind, "--duration", duration]));
            settled(&sandbox.run(&[
                "--json",
                "compare",
                "--kind",
                kind,
                "--duration",
                duration,
                "--billing",
                "annual",
            ]));
        }
    }
    settled(&sandbox.run(&["compare", "--max-plan", ""]));
    settled(&sandbox.run(&["compare", "--platform", ""]));
}

/// A table whose values are at the schema's limits: valid, but the math on them is near
/// the top of a Decimal.
const AT_THE_LIMITS: &str = r#"
name = "Limits"
as_of = 2026-11-01
[[plan]]
name = "Free"
price = 0
credits = 1000000000000000
[[plan]]
name = "Pro"
price = 1000000000000000
annual_price = 1000000000000000
credits = 1000000000000000
grant = "daily"
promotion = { first_period_bonus_percent = 10000, first_period_price = "0.0000000000000000000000000001" }
[[plan]]
name = "Tiny"
price = "0.0000000000000000000000000001"
credits = "0.0000000000000000000000000001"
[[pack]]
name = "Big"
price = "0.0000000000000000000000000001"
credits = 1000000000000000
bonus = 1000000000000000
[[model]]
name = "Per Second"
per_second = 1000000000000000
extra = { audio = 1000000000000000, per_ref = 1000000000000000, upscale = 1000000000000000 }
[[model]]
name = "Tts"
kind = "audio"
per_input = { credits = 1000000000000000, per = 0.000001, unit = "chars" }
[[model]]
name = "Clips"
buckets = [{ seconds = "0.0000000000000000000000000001", credits = 1 }, { seconds = 1000000000000000, credits = 1000000000000000 }]
[[model]]
name = "Range"
credits = { min = 0, max = 1000000000000000 }
"#;

/// The same table with values past the limits: refused, each naming its field.
fn beyond_the_limits() -> String {
    format!(
        r#"
name = "Beyond"
as_of = 2026-11-01
[[plan]]
name = "Pro"
price = 10
credits = "{MAX}"
promotion = {{ first_period_bonus_percent = "{MAX}", bonus_cap = "{MAX}" }}
[[plan]]
name = "Max"
price = 10
credits = 1000
promotion = {{ first_period_bonus_percent = "{MAX}" }}
[[pack]]
name = "Big"
price = 1
credits = "{MAX}"
bonus = 5
[[model]]
name = "Tts"
kind = "audio"
per_input = {{ credits = 1, per = "{TINY}", unit = "chars" }}
[[model]]
name = "Per Second"
per_second = "{MAX}"
"#
    )
}

#[test]
fn a_table_at_the_limits_is_valid_and_every_command_on_it_settles() {
    let sandbox = Sandbox::new();
    sandbox.write(".config/credits/pricing/limits.toml", AT_THE_LIMITS);
    assert!(sandbox.user_pricing_dir().join("limits.toml").is_file());
    settled(&sandbox.run(&["pricing", "validate", ".config/credits/pricing/limits.toml"]))
        .success();
    settled(&sandbox.run(&["pricing", "show", "limits"])).success();
    settled(&sandbox.run(&["--json", "pricing", "show", "limits"])).success();
    settled(&sandbox.run(&["pricing", "list"])).success();

    let models = ["per-second", "tts", "clips", "range"];
    let flag_sets: [&[&str]; 10] = [
        &[],
        &["--duration", MAX],
        &["--duration", TINY],
        &["--count", U32_MAX],
        &["--chars", U64_MAX],
        &["--chars", "1000"],
        &["--refs", U32_MAX, "--audio", "--upscale", "--duration", "1"],
        &["--plan", "pro", "--duration", "1"],
        &["--plan", "pro", "--billing", "annual", "--duration", "1"],
        &["--plan", "tiny", "--count", U32_MAX, "--duration", "1"],
    ];
    for model in models {
        for flags in flag_sets {
            let mut args = vec!["estimate", "limits", model];
            args.extend_from_slice(flags);
            settled(&sandbox.run(&args));
        }
    }
    for duration in ["1", MAX, TINY] {
        settled(&sandbox.run(&["compare", "--platform", "limits", "--duration", duration]));
        settled(&sandbox.run(&[
            "compare",
            "--kind",
            "audio",
            "--platform",
            "limits",
            "--duration",
            duration,
        ]));
    }
    // 18,446,744,073,709,551,615 characters in blocks of a millionth at 1e15 credits a
    // block does not fit a Decimal: said, not a panic.
    sandbox
        .run(&["estimate", "limits", "tts", "--chars", U64_MAX])
        .error()
        .stderr_has("too large");
}

#[test]
fn a_table_beyond_the_limits_is_refused_naming_each_field() {
    let sandbox = Sandbox::new();
    let path = sandbox.write(".config/credits/pricing/beyond.toml", &beyond_the_limits());
    let path = path.to_str().unwrap();
    let run = sandbox.run(&["pricing", "validate", path]);
    settled(&run).code(1);
    for field in [
        "plan pro, field credits",
        "plan pro, field promotion.first_period_bonus_percent",
        "plan pro, field promotion.bonus_cap",
        "plan max, field promotion.first_period_bonus_percent",
        "pack big, field credits",
        "model tts, field per_input.per",
        "model per-second, field per_second",
    ] {
        let both = format!("{}{}", run.stdout, run.stderr);
        run.check(both.contains(field), &format!("a problem naming `{field}`"));
    }
    for field in [
        "model per-second, field per_second",
        "pack big, field credits",
    ] {
        let count = run.stdout.matches(field).count() + run.stderr.matches(field).count();
        run.check_eq(&format!("problems naming `{field}`"), 1, count);
    }
    // `--json` reports the problems as data, with exit 1 and no `error:` line.
    let json = sandbox.run(&["--json", "pricing", "validate", path]);
    json.code(1);
    json.check(
        json.json_at("/0/ok") == serde_json::Value::Bool(false),
        "the file reported not ok",
    );
    // The broken file is skipped with a warning; the platform is then unknown.
    settled(&sandbox.run(&["pricing", "show", "beyond"]))
        .code(1)
        .stderr_has("warning: skipped pricing file")
        .stderr_has("error: unknown platform `beyond`");
    settled(&sandbox.run(&["estimate", "beyond", "tts", "--chars", "1000"]))
        .code(1)
        .stderr_has("error: unknown platform `beyond`");
    settled(&sandbox.run(&["compare"])).success();
    settled(&sandbox.run(&["pricing", "list"]));
}

#[test]
fn pricing_validate_and_show_survive_odd_arguments() {
    let sandbox = Sandbox::new();
    sandbox.write("empty.toml", "");
    sandbox.write("just-name.toml", "name = \"\"\nas_of = 2026-01-01\n");
    for file in ["empty.toml", "just-name.toml", "missing.toml", ""] {
        settled(&sandbox.run(&["pricing", "validate", file]));
    }
    for platform in ["", " ", "runway ", MAX] {
        settled(&sandbox.run(&["pricing", "show", platform]));
    }
}

#[test]
fn date_filters_far_out_of_range_are_errors() {
    let sandbox = Sandbox::with_db();
    for span in ["100000000d", "99999999999999999d", "9223372036854775807w"] {
        for flag in ["--since", "--until"] {
            settled(&sandbox.run(&["history", flag, span]))
                .code(1)
                .stderr_has("reaches back too far")
                .stderr_has("help:");
        }
    }
    // A multi-byte last character once panicked while looking for the unit.
    for odd in ["7é", "é", "", "2026-13-01", MAX] {
        settled(&sandbox.run(&["history", "--since", odd])).code(1);
        settled(&sandbox.run(&["report", "--until", odd])).code(1);
    }
}

#[test]
fn plans_survives_extreme_months() {
    let sandbox = Sandbox::new();
    let usages = [
        format!("{MAX}x video 10s"),
        format!("{U64_MAX}x gen-4 10s"),
        format!("5x video {MAX}s"),
        format!("5x video {TINY}s"),
        format!("1x image refs={U32_MAX}"),
        format!("{U32_MAX}x image, {U32_MAX}x video 5s audio 4k mode=pro"),
        "1x audio".to_string(),
        "1x text".to_string(),
    ];
    for usage in &usages {
        for retries in ["0", "1000", TINY] {
            let args = [
                "plans",
                "--usage",
                usage,
                "--retries",
                retries,
                "--top",
                "3",
            ];
            settled(&sandbox.run(&args));
            let mut json = vec!["--json"];
            json.extend_from_slice(&args);
            settled(&sandbox.run(&json));
        }
    }
    for retries in [MAX, "-1", "1001", ""] {
        let run = sandbox.run(&["plans", "--usage", "1x video", "--retries", retries]);
        settled(&run);
        run.check(run.code != 0, "an absurd --retries is refused");
    }
}
