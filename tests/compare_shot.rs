//! `compare` says what it compares (issue "Terminal craft", part 5): a stated standard shot
//! (10 s, seed 002's) when no `--duration` is given, the seconds each row prices, the models
//! that cannot make the shot in one line with why, a resolution a table does not state
//! marked in the text table, and `--audio` keeping models whose output always has sound.

mod common;

use common::{credits, Run};

/// The row of a model in `compare`'s text table (piped: plain space-separated columns).
fn row(run: &Run, platform: &str, model: &str) -> String {
    run.stdout
        .lines()
        .find(|l| {
            // Markers (`*`, `†`) come before the name, as their own word.
            let cells: Vec<&str> = l
                .split_whitespace()
                .filter(|c| !c.chars().all(|ch| ch == '*' || ch == '†'))
                .collect();
            cells.get(1) == Some(&platform) && cells.get(2) == Some(&model)
        })
        .unwrap_or_else(|| run.fail(format!("a row for {platform} {model}"), "none"))
        .to_string()
}

#[test]
fn without_a_duration_the_standard_shot_is_named_and_every_row_prices_10_s() {
    let run = credits(&[
        "compare",
        "--platform",
        "runway",
        "--platform",
        "makeclipai",
    ]);
    run.success()
        .stdout_has("Comparing a 10 s video (the standard shot; --duration to change it):");
    // Gen-4 at 12 credits/s: 120 credits for 10 s, $2.88 on Standard ($0.024 a credit).
    let gen4 = row(&run, "runway", "gen-4");
    run.check(
        gen4.split_whitespace().filter(|c| *c != "†").nth(3) == Some("10"),
        "gen-4 prices 10 seconds",
    );
    run.check(
        gen4.contains(" 120 ") && gen4.contains("$2.88"),
        "120 credits, $2.88",
    );
    // MakeClipAI's Seedance has 5 s and 15 s buckets: a 10 s shot is billed as 15 s.
    let seedance = row(&run, "makeclipai", "seedance-2.0");
    run.check(
        seedance.contains("15 ↑"),
        "the bucket that covers 10 s, marked",
    );
    run.stdout_has("↑ billed at the shortest length the model makes that covers the shot");
    // Its 5 s-only Kling is said, not dropped silently.
    let asked = credits(&["compare", "--platform", "videodraft"]);
    asked
        .success()
        .stdout_has("cannot make this shot")
        .stdout_has("longest 5 s")
        .stdout_has("videodraft/kling-v2.1");
}

#[test]
fn a_given_duration_is_named_too_and_json_is_unchanged_in_shape() {
    credits(&["compare", "--duration", "5", "--platform", "runway"])
        .success()
        .stdout_has("Comparing a 5 s video:")
        .stdout_lacks("standard shot");
    let json = credits(&["--json", "compare", "--platform", "runway"]);
    json.success();
    let rows = json.json();
    json.check(rows.is_array(), "an array of quotes, as before");
    json.check(
        rows.as_array()
            .unwrap()
            .iter()
            .all(|q| q["seconds"] == serde_json::json!("10")),
        "every quote prices the 10 s standard shot",
    );
}

#[test]
fn a_per_clip_price_with_no_length_is_not_ranked_per_second() {
    // fal's Ovi is $0.20 a clip with no length in its table: $0.02 a "second" of a 10 s
    // shot would be invented. It is listed unranked with `?` seconds and unknown per second.
    let run = credits(&["compare", "--platform", "fal"]);
    run.success();
    let ovi = row(&run, "fal", "ovi");
    run.check(ovi.trim_start().starts_with('-'), "ovi is not ranked");
    run.check(ovi.contains(" ? "), "its seconds are unknown");
    run.check(ovi.contains("unknown"), "its cost per second is unknown");
    run.stdout_has("priced per clip with no length in the table");
}

#[test]
fn a_resolution_the_table_does_not_state_is_marked_in_the_text() {
    // Runway's table gives no resolutions for Gen-4.5: asked for 1080p, it is priced at its
    // base rate and marked †; fal's pixverse-v6 has a 1080p variant and is not marked.
    let run = credits(&[
        "compare",
        "--resolution",
        "1080p",
        "--platform",
        "runway",
        "--platform",
        "fal",
    ]);
    run.success();
    run.check(
        row(&run, "runway", "gen-4.5").contains('†'),
        "gen-4.5 marked †",
    );
    let pixverse = run
        .stdout
        .lines()
        .find(|l| l.contains("pixverse-v6 (1080p"))
        .unwrap_or_else(|| run.fail("pixverse-v6 at 1080p", "none"))
        .to_string();
    run.check(!pixverse.contains('†'), "a stated resolution is not marked");
    run.stdout_has("† the table does not say the model makes 1080p");
}

#[test]
fn audio_keeps_models_whose_output_always_has_sound() {
    // VideoDraft's Google Veo3 always generates sound (`audio = "included"`): --audio keeps
    // it; Runway's Gen-4 has no price for sound and is said to be unable. (Google's own Veo
    // models, also `audio = "included"`, have all shut down on the Gemini API.)
    let run = credits(&[
        "compare",
        "--audio",
        "--platform",
        "videodraft",
        "--platform",
        "runway",
    ]);
    run.success()
        .stdout_has("Comparing a 10 s video, with sound")
        .stdout_has("google-veo3 ")
        .stdout_has("no price for audio")
        .stdout_has("runway/gen-4");
}

#[test]
fn a_max_plan_no_platform_sells_says_so() {
    // It used to say "try a shorter --duration".
    credits(&["compare", "--max-plan", "nosuchplan"])
        .error()
        .stderr_has("no platform has a plan named `nosuchplan`")
        .stderr_lacks("shorter --duration");
}

#[test]
fn a_platform_selling_credits_only_in_packs_is_priced_by_its_pack() {
    // Runway's API has no plans and sells API credits at $0.01 each: gen4_turbo, 5 credits a
    // second, is 50 credits for the 10 s shot, $0.50, $0.05 a second (as `plans` prices it);
    // it used to be "unknown", ranked last.
    let run = credits(&["--json", "compare", "--platform", "runway-api"]);
    run.success();
    let rows = run.json();
    let turbo = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["model"] == serde_json::json!("gen4_turbo"))
        .unwrap_or_else(|| run.fail("gen4_turbo in the comparison", &rows))
        .clone();
    run.check_eq(
        "plan",
        &serde_json::json!("pack API credit"),
        &turbo["plan"],
    );
    run.check_eq("cost", &serde_json::json!("0.5"), &turbo["cost"]);
    run.check_eq(
        "cost per second",
        &serde_json::json!("0.05"),
        &turbo["cost_per_second"],
    );
    credits(&["compare", "--platform", "runway-api"])
        .success()
        .stdout_lacks("unknown money");
}
