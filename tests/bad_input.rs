//! Bad input through the binary (issue 2, "Bad input"): usage errors exit 2; other
//! errors print `error: …` and exit 1; messages name what is wrong and what would be
//! right; nothing panics (the harness fails any run whose stderr says "panicked").

mod common;

use common::{credits, Sandbox};

// ---- usage errors: clap's exit 2 ----

#[test]
fn an_unknown_flag_is_a_usage_error() {
    credits(&["estimate", "runway", "gen-4", "--bogus"])
        .usage_error()
        .stderr_has("--bogus");
}

#[test]
fn a_missing_model_is_a_usage_error_naming_it() {
    credits(&["estimate", "runway"])
        .usage_error()
        .stderr_has("<MODEL>")
        .stderr_has("Usage:");
}

#[test]
fn a_missing_required_calc_flag_is_a_usage_error() {
    credits(&["calc", "--plan-price", "30", "--clip-credits", "50"])
        .usage_error()
        .stderr_has("--plan-credits");
}

#[test]
fn an_unknown_subcommand_and_a_bad_enum_value_are_usage_errors() {
    credits(&["estimat"]).usage_error();
    credits(&["compare", "--kind", "sculpture"])
        .usage_error()
        .stderr_has("sculpture");
    credits(&["estimate", "runway", "gen-4", "--billing", "weekly"])
        .usage_error()
        .stderr_has("weekly");
}

#[test]
fn a_duration_that_is_not_a_number_is_a_usage_error_saying_so() {
    credits(&["estimate", "runway", "gen-4", "--duration", "ten"])
        .usage_error()
        .stderr_has("`ten` is not a duration")
        .stderr_has("help: use seconds");
}

#[test]
fn credits_typed_as_a_positional_get_the_command_that_was_meant() {
    // A trial of issue 23: `credits topup runway 1000` said only "the subcommand '1000'
    // cannot be used with '<PLATFORM>'". The help line is the command to type instead, the
    // user's own numbers and options in it; nothing is recorded.
    let sandbox = Sandbox::with_db();
    for (args, help) in [
        (
            &["topup", "runway", "1000"][..],
            "help: credits topup runway --credits 1000 --price X (or --pack NAME: \
             `credits pricing show runway` lists the packs)",
        ),
        (
            &["topup", "runway", "1000", "10"],
            "help: credits topup runway --credits 1000 --price 10 (",
        ),
        (
            &[
                "topup",
                "runway",
                "1000",
                "--price",
                "10",
                "--at",
                "2026-11-20 10:00",
            ],
            "help: credits topup runway --credits 1000 --price 10 --at \"2026-11-20 10:00\" (",
        ),
        (
            &["topup", "runway", "starter"],
            "help: credits topup runway --pack starter\n",
        ),
        (
            &["adjust", "runway", "25", "signup", "bonus"],
            "help: credits adjust runway 25 --note \"signup bonus\"\n",
        ),
        (
            &[
                "--json",
                "adjust",
                "runway",
                "-50",
                "support",
                "--at",
                "yesterday",
            ],
            "help: credits adjust runway -50 --note support --at yesterday\n",
        ),
    ] {
        let run = sandbox.run(args);
        run.usage_error()
            .stderr_has("of `credits ")
            .stderr_lacks("subcommand")
            .stderr_has(help);
        let usage = format!(
            "Usage: credits {} ",
            args.iter().find(|a| !a.starts_with('-')).unwrap()
        );
        run.stderr_has(&usage);
    }
    assert!(!sandbox.db().exists(), "nothing was recorded");
    // The commands' own subcommands and the right forms are untouched.
    sandbox.run(&["topup", "list"]).success();
    sandbox.run(&["adjust", "list"]).success();
    sandbox
        .run(&["topup", "runway", "--credits", "1000", "--price", "10"])
        .success();
}

#[test]
fn a_negative_or_zero_count_gets_one_message_however_it_is_typed() {
    // Issue 22: `--count -2` once said "unexpected argument '-2' … use '-- -2'", `--count=-2`
    // "not in 0..=4294967295", and `--count 0` a third thing.
    for args in [
        ["--count", "-2"],
        ["--count=-2", "--upscale"],
        ["--count", "0"],
    ] {
        let mut all = vec!["estimate", "runway", "gen-4", "--duration", "5"];
        all.extend(args.iter().filter(|a| **a != "--upscale"));
        credits(&all)
            .usage_error()
            .stderr_has("for '--count <N>': must be at least 1, got ")
            .stderr_lacks("'-- -2'");
    }
    credits(&["plans", "--usage", "3x video 5s", "--top", "-1"])
        .usage_error()
        .stderr_has("must be at least 1, got -1");
    credits(&[
        "log",
        "runway",
        "gen-4",
        "--duration",
        "5",
        "--credits",
        "-50",
    ])
    .usage_error()
    .stderr_has("`-50` is negative")
    .stderr_lacks("-5'");
}

#[test]
fn a_bare_number_is_a_resolution_in_p_and_an_impossible_one_is_refused() {
    let with = |res: &str| {
        credits(&[
            "--json",
            "estimate",
            "fal",
            "pixverse-v6",
            "--duration",
            "5",
            "--resolution",
            res,
        ])
    };
    let bare = with("1080");
    let named = with("1080p");
    // Read as 1080p, and said (issue 22, item 7); a resolution given whole is not remarked.
    bare.success()
        .stderr_has("note: --resolution 1080 read as 1080p");
    named.stderr_lacks("read as");
    assert_eq!(bare.json_at("/cost"), named.json_at("/cost"));
    assert_eq!(bare.json_at("/variant"), named.json_at("/variant"));
    assert_eq!(named.json_at("/variant"), "1080p, no audio");
    with("99999p")
        .usage_error()
        .stderr_has("`99999p` is not a resolution")
        .stderr_has("1024x1024");
}

#[test]
fn help_and_version_exit_0() {
    credits(&["--help"]).success().stdout_has("estimate");
    credits(&["--version"]).success().stdout_has("credits ");
}

// ---- unknown names: exit 1 with a suggestion ----

#[test]
fn an_unknown_platform_suggests_the_close_id() {
    credits(&["estimate", "runwai", "gen-4"])
        .error()
        .stderr_has("unknown platform `runwai`")
        .stderr_has("help: did you mean `runway`");
    credits(&["pricing", "show", "makeclip"])
        .error()
        .stderr_has("help: did you mean `makeclipai`");
    credits(&["compare", "--platform", "opneai"])
        .error()
        .stderr_has("help: did you mean `openai`");
}

#[test]
fn an_unknown_model_suggests_the_close_id() {
    credits(&["estimate", "runway", "gen4", "--duration", "5"])
        .error()
        .stderr_has("unknown model `gen4`")
        .stderr_has("help: did you mean `gen-4`");
    credits(&["estimate", "videodraft", "flux-schnel"])
        .error()
        .stderr_has("help: did you mean `flux-schnell`");
}

#[test]
fn an_unknown_plan_lists_the_plans() {
    credits(&[
        "estimate",
        "runway",
        "gen-4",
        "--duration",
        "5",
        "--plan",
        "gold",
    ])
    .error()
    .stderr_has("unknown plan `gold`")
    .stderr_has("standard");
}

#[test]
fn an_unknown_model_on_a_platform_without_models_says_there_are_none() {
    // The shipped `kling` table has plans and packs but no models.
    let run = credits(&["estimate", "kling", "standard"]);
    run.error().stderr_has("unknown model `standard` on kling");
    run.check(
        !run.stderr.contains("known models: \n"),
        "a help line that is not an empty list",
    );
}

// ---- requests a model cannot serve ----

#[test]
fn a_negative_duration_is_a_clear_error() {
    credits(&["estimate", "runway", "gen-4", "--duration", "-5"])
        .error()
        .stderr_has("duration must be above 0 seconds, got -5");
    credits(&["estimate", "runway", "gen-4", "--duration", "0"])
        .error()
        .stderr_has("duration must be above 0 seconds");
    credits(&["compare", "--duration", "-5"])
        .error()
        .stderr_has("duration must be above 0 seconds");
}

#[test]
fn a_duration_past_the_largest_bucket_says_what_the_model_offers() {
    credits(&["estimate", "makeclipai", "kling-ai", "--duration", "61"])
        .error()
        .stderr_has("kling-ai cannot make 61 s")
        .stderr_has("5 s, 10 s, 30 s, 60 s");
    credits(&["estimate", "runway", "gen-4", "--duration", "11"])
        .error()
        .stderr_has("5 s, 10 s");
}

#[test]
fn a_resolution_the_model_lacks_says_what_it_offers() {
    let sandbox = common::Sandbox::new();
    common::keep_sora_2(&sandbox);
    let credits = |args: &[&str]| sandbox.run(args);
    credits(&[
        "estimate",
        "openai",
        "sora-2",
        "--duration",
        "8",
        "--resolution",
        "1080p",
    ])
    .error()
    .stderr_has("sora-2 does not offer 1080p")
    .stderr_has("sora-2 offers 720p");
    credits(&[
        "estimate",
        "openai",
        "sora-2-pro",
        "--duration",
        "8",
        "--resolution",
        "4k",
    ])
    .error()
    .stderr_has("720p")
    .stderr_has("1080p");
}

#[test]
fn a_per_second_or_per_character_model_without_its_input_says_what_to_pass() {
    credits(&["estimate", "runway", "aleph"])
        .error()
        .stderr_has("--duration");
    credits(&["estimate", "videodraft", "google-text-to-speech"])
        .error()
        .stderr_has("--chars");
}

#[test]
fn a_shot_nothing_can_make_is_an_error_not_an_empty_table() {
    // OpenAI's video models offer 4, 8 and 12 s.
    credits(&["compare", "--platform", "openai", "--duration", "13"])
        .error()
        .stderr_has("no model in the tables can make a 13 s video")
        .stderr_has("help:");
}

#[test]
fn a_zero_count_or_plan_credits_is_an_error() {
    credits(&[
        "estimate",
        "runway",
        "gen-4",
        "--duration",
        "5",
        "--count",
        "0",
    ])
    // A usage error like `--count -2` (exit 2), since issue 22: one message for both.
    .usage_error()
    .stderr_has("must be at least 1, got 0");
    credits(&[
        "calc",
        "--plan-price",
        "30",
        "--plan-credits",
        "0",
        "--clip-credits",
        "50",
    ])
    .error()
    .stderr_has("--plan-credits must be above 0");
    credits(&[
        "calc",
        "--plan-price",
        "30",
        "--plan-credits",
        "3000",
        "--clip-credits",
        "50",
        "--seconds",
        "0",
    ])
    .error()
    .stderr_has("--seconds must be above 0");
}

#[test]
fn a_negative_price_says_it_must_not_be_negative() {
    let run = credits(&[
        "calc",
        "--plan-price",
        "-30",
        "--plan-credits",
        "3000",
        "--clip-credits",
        "50",
    ]);
    run.check(run.code != 0, "a non-zero exit");
    run.stderr_has("-30").stderr_has("negative");
    let run = credits(&[
        "estimate",
        "runway",
        "gen-4",
        "--duration",
        "5",
        "--price-per-credit",
        "-1",
    ]);
    run.check(run.code != 0, "a non-zero exit");
    run.stderr_has("negative");
}

// ---- pricing files ----

#[test]
fn malformed_pricing_toml_names_file_line_and_column() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "syntax.toml",
        "name = \"Syntax\"\nas_of = 2026-11-01\n[[model]]\nname = \"X\"\ncredits = = 5\n",
    );
    sandbox
        .run(&["pricing", "validate", "syntax.toml"])
        .code(1)
        .stderr_has("syntax.toml")
        .stderr_has("line 5, column 11");
}

#[test]
fn a_rate_of_the_wrong_type_names_line_and_column() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "types.toml",
        "name = \"Types\"\nas_of = 2026-11-01\n\n[[model]]\nname = \"X\"\ncredits = true\n",
    );
    sandbox
        .run(&["pricing", "validate", "types.toml"])
        .code(1)
        .stderr_has("types.toml")
        .stderr_has("line 6");
}

/// Writes `body` after a valid header and validates it, expecting exit 1 and stderr
/// naming each of `expected`.
fn invalid(body: &str, expected: &[&str]) {
    let sandbox = Sandbox::new();
    sandbox.write(
        "t.toml",
        &format!("name = \"Test Clips\"\nas_of = 2026-11-01\n{body}"),
    );
    let run = sandbox.run(&["pricing", "validate", "t.toml"]);
    run.code(1).stderr_has("t.toml");
    for needle in expected {
        run.stderr_has(needle);
    }
    run.stdout_lacks("ok:");
}

#[test]
fn negative_credits_name_platform_model_and_field() {
    invalid(
        "[[model]]\nname = \"Clip\"\ncredits = -5\n",
        &["platform test-clips, model clip, field credits", "negative"],
    );
    invalid(
        "[[model]]\nname = \"Clip\"\nbuckets = [{ seconds = 5, credits = -70 }]\n",
        &["platform test-clips, model clip", "negative"],
    );
    invalid(
        "[[model]]\nname = \"Clip\"\nper_second = -2\n",
        &[
            "platform test-clips, model clip, field per_second",
            "negative",
        ],
    );
}

#[test]
fn a_min_plan_that_names_no_plan_names_platform_model_and_field() {
    invalid(
        "[[plan]]\nname = \"Free\"\nprice = 0\n[[model]]\nname = \"Clip\"\nmin_plan = \"Platinum\"\ncredits = 5\n",
        &[
            "platform test-clips, model clip, field min_plan",
            "`Platinum` names no plan",
        ],
    );
}

#[test]
fn overlapping_buckets_name_platform_model_and_field() {
    invalid(
        "[[model]]\nname = \"Clip\"\nbuckets = [{ seconds = 5, credits = 10 }, { seconds = 5, credits = 20 }]\n",
        &["platform test-clips, model clip, field buckets", "overlap"],
    );
}

#[test]
fn a_model_with_no_rate_names_platform_model_and_field() {
    invalid(
        "[[model]]\nname = \"Clip\"\n",
        &["platform test-clips, model clip, field rate", "no rate"],
    );
}

#[test]
fn a_per_input_rate_with_no_unit_is_reported() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "t.toml",
        "name = \"Test Clips\"\nas_of = 2026-11-01\n[[model]]\nname = \"Voice\"\nper_input = { credits = 1, per = 100 }\n",
    );
    sandbox
        .run(&["pricing", "validate", "t.toml"])
        .code(1)
        .stderr_has("t.toml")
        .stderr_has("unit");
}

#[test]
fn validating_a_missing_file_is_an_error_naming_it() {
    credits(&["pricing", "validate", "nowhere.toml"])
        .error()
        .stderr_has("nowhere.toml");
}

// ---- shot lists ----

#[test]
fn a_malformed_shot_list_names_the_file_and_line() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "shots.toml",
        "platform = \"videodraft\"\n[[shot]]\nmodel = \"flux-schnell\"\ncount = \"x\"\n",
    );
    sandbox
        .run(&["estimate", "--shots", "shots.toml"])
        .error()
        .stderr_has("shots.toml")
        .stderr_has("line 4");
    sandbox.write(
        "unknown-key.toml",
        "platform = \"videodraft\"\n[[shot]]\nmodel = \"flux-schnell\"\ncolour = \"red\"\n",
    );
    sandbox
        .run(&["estimate", "--shots", "unknown-key.toml"])
        .error()
        .stderr_has("unknown-key.toml")
        .stderr_has("line 4")
        .stderr_has("colour");
}

#[test]
fn a_bad_shot_names_the_file_and_the_line_of_the_shot() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "shots.toml",
        "platform = \"videodraft\"\n[[shot]]\nmodel = \"flux-schnell\"\n\n[[shot]]\nmodel = \"flux-schnel\"\n",
    );
    sandbox
        .run(&["estimate", "--shots", "shots.toml"])
        .error()
        .stderr_has("shots.toml")
        .stderr_has("line 5")
        .stderr_has("did you mean `flux-schnell`");
    sandbox.write("noplatform.toml", "[[shot]]\nmodel = \"kling-v2.1\"\n");
    sandbox
        .run(&["estimate", "--shots", "noplatform.toml"])
        .error()
        .stderr_has("noplatform.toml")
        .stderr_has("names no platform");
    sandbox.write("empty.toml", "platform = \"videodraft\"\n");
    sandbox
        .run(&["estimate", "--shots", "empty.toml"])
        .error()
        .stderr_has("no [[shot]] tables");
}

#[test]
fn a_missing_shot_list_is_an_error_naming_it() {
    credits(&["estimate", "--shots", "nowhere.toml"])
        .error()
        .stderr_has("nowhere.toml");
}

// ---- extreme numbers: an error, never a panic ----

#[test]
fn huge_numbers_are_an_error_not_a_panic() {
    credits(&[
        "estimate",
        "runway",
        "aleph",
        "--duration",
        "79228162514264337593543950335",
    ])
    .error()
    .stderr_has("too large");
    // A huge character count still works exactly.
    credits(&[
        "--json",
        "estimate",
        "videodraft",
        "google-text-to-speech",
        "--chars",
        "18446744073709551615",
    ])
    .success();
}

#[test]
fn a_tiny_duration_does_not_panic() {
    let run = credits(&[
        "estimate",
        "runway",
        "aleph",
        "--duration",
        "0.0000000000000000000000000001",
    ]);
    run.check(run.code == 0 || run.code == 1, "exit 0 or 1");
}

#[test]
fn calc_with_large_amounts_does_not_panic() {
    let run = credits(&[
        "calc",
        "--plan-price",
        "1000000000000000000000",
        "--plan-credits",
        "3",
        "--clip-credits",
        "1000000000000000000",
        "--seconds",
        "7",
    ]);
    run.check(run.code == 0 || run.code == 1, "exit 0 or 1");
}

#[test]
fn calc_with_a_tiny_cost_per_second_does_not_panic() {
    // Whole numbers only: $1 for 99,999,999,999,999,999 credits, one-credit clips of
    // 99,999,999,999,999 s.
    let run = credits(&[
        "calc",
        "--plan-price",
        "1",
        "--plan-credits",
        "99999999999999999",
        "--clip-credits",
        "1",
        "--seconds",
        "99999999999999",
    ]);
    run.check(run.code == 0 || run.code == 1, "exit 0 or 1");
}

#[test]
fn a_bad_clock_override_is_an_error_not_a_panic() {
    let mut sandbox = Sandbox::new();
    sandbox.env("CREDITS_NOW", "yesterday");
    sandbox
        .run(&["estimate", "runway", "gen-4", "--duration", "5"])
        .error()
        .stderr_has("CREDITS_NOW");
}
