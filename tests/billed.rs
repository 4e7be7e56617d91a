//! What the platforms really billed (issue 23) through the binary: `credits import --from`
//! with a file in each platform's documented shape (made here), imported twice, with an
//! entry logged by hand first; and `credits reconcile` on a log with a charged failure, an
//! unlogged generation and a price change, against amounts computed by hand below.
//!
//! Prices from the shipped tables: Replicate's flux-schnell $0.003 an image and flux-dev
//! $0.025; OpenAI's sora-2 $0.10 a second at 720p; fal's Ovi $0.20 a video and Wan 2.5 $0.05
//! a second; Runway's API gen4_turbo 5 credits a second.

mod common;

use common::{decimal, entry_count, ok, Sandbox};
use serde_json::{json, Value};

fn entries(sandbox: &Sandbox) -> Vec<Value> {
    ok(sandbox, &["history", "--json"])
        .json()
        .as_array()
        .expect("history --json is a list")
        .clone()
}

fn by_model<'a>(list: &'a [Value], model: &str) -> Vec<&'a Value> {
    list.iter().filter(|e| e["model"] == model).collect()
}

const REPLICATE: &str = r#"{"next": null, "previous": null, "results": [
  {"id": "rep-ok", "model": "black-forest-labs/flux-schnell", "version": "abc", "status": "succeeded",
   "source": "api", "created_at": "2026-11-20T10:00:00.512Z", "started_at": "2026-11-20T10:00:01Z",
   "completed_at": "2026-11-20T10:00:03Z", "metrics": {"predict_time": 1.93}, "urls": {}},
  {"id": "rep-failed", "model": "black-forest-labs/flux-dev", "status": "failed", "source": "web",
   "created_at": "2026-11-20T11:00:00Z", "metrics": {}},
  {"id": "rep-canceled", "model": "someone/house-model", "status": "canceled", "source": "api",
   "created_at": "2026-11-20T12:00:00Z", "metrics": {"predict_time": 4.5}},
  {"id": "rep-running", "model": "black-forest-labs/flux-dev", "status": "processing", "source": "api",
   "created_at": "2026-11-20T12:30:00Z"}
]}"#;

#[test]
fn replicate_predictions_import_once_and_enrich_what_was_logged() {
    let sandbox = Sandbox::with_db();
    // Logged by hand 10 minutes after Replicate's created_at: the same generation.
    ok(
        &sandbox,
        &[
            "log",
            "replicate",
            "flux-dev",
            "--at",
            "2026-11-20T11:10:00Z",
        ],
    );
    let file = sandbox.write("predictions.json", REPLICATE);
    let file = file.to_str().unwrap();
    let run = ok(&sandbox, &["import", "--from", "replicate", file, "--json"]);
    run.json_eq("/added", json!(2))
        .json_eq("/enriched", json!(1))
        .json_eq("/skipped", json!(1))
        .json_eq("/already_present", json!(0));
    let items = run.json_at("/items");
    let item = |id: &str| {
        items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["reference"] == id)
            .unwrap_or_else(|| panic!("{id} in {items}"))
            .clone()
    };
    assert_eq!(item("rep-failed")["action"], "enriched");
    assert_eq!(item("rep-failed")["matched_by"], "time");
    // flux-dev is an official model, billed per output: a failure with none is not charged.
    assert_eq!(
        item("rep-failed")["status_changed"],
        json!(["ok", "refunded"])
    );
    assert_eq!(item("rep-canceled")["status"], "failed");
    assert_eq!(item("rep-running")["action"], "skipped");
    // Replicate's list has no cost: billed is unknown, never 0.
    assert_eq!(item("rep-ok")["billed"], Value::Null);

    let list = entries(&sandbox);
    assert_eq!(list.len(), 3, "1 logged + 2 added: {list:#?}");
    let dev = by_model(&list, "flux-dev");
    assert_eq!(
        dev.len(),
        1,
        "the hand-logged entry was enriched, not doubled"
    );
    assert_eq!(dev[0]["status"], "refunded");
    let schnell = by_model(&list, "flux-schnell");
    assert_eq!(schnell[0]["status"], "ok");
    assert_eq!(schnell[0]["cost"], "0.003");
    assert_eq!(schnell[0]["at"], "2026-11-20T10:00:00+00:00");
    let house = by_model(&list, "someone/house-model");
    assert_eq!(house.len(), 1, "{list:#?}");
    assert_eq!(house[0]["status"], "failed");
    assert_eq!(
        house[0]["cost"],
        Value::Null,
        "a model not in the tables is not priced at 0"
    );

    let again = ok(&sandbox, &["import", "--from", "replicate", file, "--json"]);
    again
        .json_eq("/added", json!(0))
        .json_eq("/enriched", json!(0))
        .json_eq("/already_present", json!(3));
    assert_eq!(entry_count(&sandbox.db()), 3);

    // The text says per item what happened and how it was matched.
    let text = ok(&sandbox, &["import", "--from", "replicate", file]);
    text.stdout_has("3 already in the log, 1 skipped")
        .stdout_has("rep-running")
        .stdout_has("still processing");
}

#[test]
fn openai_videos_and_costs_import_once() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "log",
            "openai",
            "sora-2",
            "--duration",
            "8",
            "--at",
            "2026-09-01T10:20:00Z",
        ],
    );
    // One file, a list of two pages: the videos and the costs.
    let file = sandbox.write(
        "openai.json",
        r#"[
  {"object": "list", "has_more": false, "data": [
    {"id": "video_a", "object": "video", "created_at": 1788257400, "completed_at": 1788257500,
     "model": "sora-2", "seconds": "8", "size": "1280x720", "status": "completed", "error": null},
    {"id": "video_b", "object": "video", "created_at": 1788264000, "model": "sora-2",
     "seconds": "4", "size": "720x1280", "status": "failed",
     "error": {"code": "moderation_blocked", "message": "blocked"}},
    {"id": "video_c", "object": "video", "created_at": 1788265000, "model": "sora-2",
     "seconds": "4", "size": "720x1280", "status": "in_progress"}
  ]},
  {"object": "page", "has_more": false, "next_page": null, "data": [
    {"object": "bucket", "start_time": 1788220800, "end_time": 1788307200, "results": [
      {"object": "organization.costs.result", "amount": {"value": 1.2000, "currency": "usd"},
       "line_item": "sora-2, video", "project_id": null},
      {"object": "organization.costs.result", "amount": {"value": -0.50, "currency": "usd"},
       "line_item": "promotional credit", "project_id": null}]}
  ]}
]"#,
    );
    let file = file.to_str().unwrap();
    // 1788257400 is 2026-09-01T10:10:00Z: 10 minutes before the hand-logged entry.
    let run = ok(&sandbox, &["import", "--from", "openai", file, "--json"]);
    run.json_eq("/added", json!(1))
        .json_eq("/enriched", json!(1))
        .json_eq("/lines_added", json!(1))
        .json_eq("/skipped", json!(2));
    let items = run.json_at("/items");
    let line = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["action"] == "line_added")
        .unwrap();
    assert_eq!(line["billed"], "1.2");
    assert_eq!(line["billed_currency"], "USD");
    assert_eq!(line["model"], "sora-2");
    let credit = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["model"] == "promotional credit")
        .unwrap();
    assert_eq!(credit["action"], "skipped", "a credit is not a charge");

    let list = entries(&sandbox);
    assert_eq!(list.len(), 2, "{list:#?}");
    let failed: Vec<_> = list.iter().filter(|e| e["status"] == "failed").collect();
    assert_eq!(failed.len(), 1);
    // 4 s of sora-2 at $0.10/s, priced by the table as `log` would.
    assert_eq!(failed[0]["cost"], "0.4");
    assert_eq!(failed[0]["resolution"], "720p");

    ok(&sandbox, &["import", "--from", "openai", file, "--json"])
        .json_eq("/added", json!(0))
        .json_eq("/lines_added", json!(0))
        .json_eq("/already_present", json!(3));
    assert_eq!(entry_count(&sandbox.db()), 2);
}

const FAL: &str = r#"{"time_series": [
  {"bucket": "2026-11-18T00:00:00Z", "results": [
    {"endpoint_id": "fal-ai/ovi", "unit": "video", "quantity": 2, "unit_price": 0.20, "cost": 0.40,
     "currency": "USD", "auth_method": "key"},
    {"endpoint_id": "fal-ai/ovi", "unit": "video", "quantity": 1, "unit_price": 0.20, "cost": 0.20,
     "currency": "USD", "auth_method": "web"}]},
  {"bucket": "2026-11-19T00:00:00Z", "results": [
    {"endpoint_id": "fal-ai/wan-2.5", "unit": "video_second", "quantity": 10, "unit_price": 0.06,
     "cost": 0.60, "currency": "USD", "auth_method": "key"}]},
  {"bucket": "2026-11-20T00:00:00Z", "results": [
    {"endpoint_id": "fal-ai/ovi", "unit": "video", "quantity": 1, "unit_price": 0.20, "cost": 0.20,
     "currency": "USD", "auth_method": "key"},
    {"endpoint_id": "fal-ai/new-thing/v1", "unit": "image", "quantity": 3, "unit_price": 0.01,
     "cost": 0.03, "currency": "USD", "auth_method": "key"}]}
], "next_cursor": null, "has_more": false}"#;

#[test]
fn fal_usage_becomes_billed_lines_never_entries() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &["log", "fal", "ovi", "--at", "2026-11-18T10:00:00Z"],
    );
    let file = sandbox.write("usage.json", FAL);
    let file = file.to_str().unwrap();
    let run = ok(&sandbox, &["import", "--from", "fal", file, "--json"]);
    // Ovi on the 18th: two auth methods, one line of $0.60 for 3 videos.
    run.json_eq("/lines_added", json!(4))
        .json_eq("/added", json!(0));
    let items = run.json_at("/items");
    let ovi18 = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["reference"] == "ovi 2026-11-18 video")
        .unwrap_or_else(|| panic!("{items}"));
    assert_eq!(ovi18["billed"], "0.6");
    let unknown = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["model"] == "fal-ai/new-thing/v1")
        .unwrap();
    assert_eq!(unknown["known_model"], false);
    assert_eq!(
        entry_count(&sandbox.db()),
        1,
        "usage lines are not generations"
    );

    ok(&sandbox, &["import", "--from", "fal", file, "--json"])
        .json_eq("/lines_added", json!(0))
        .json_eq("/lines_replaced", json!(0))
        .json_eq("/already_present", json!(4));

    // fal still counting the 20th: a later download of that day replaces it.
    let later = sandbox.write(
        "later.json",
        &FAL.replace("\"cost\": 0.03", "\"cost\": 0.05"),
    );
    ok(
        &sandbox,
        &["import", "--from", "fal", later.to_str().unwrap(), "--json"],
    )
    .json_eq("/lines_replaced", json!(1))
    .json_eq("/already_present", json!(3));
    assert_eq!(entry_count(&sandbox.db()), 1);
}

#[test]
fn runway_usage_is_credits_per_model_and_day() {
    let sandbox = Sandbox::with_db();
    let file = sandbox.write(
        "runway.json",
        r#"{"results": [
  {"date": "2026-11-19", "usedCredits": [{"model": "gen4_turbo", "amount": 50},
                                          {"model": "gen4_aleph", "amount": 150}]},
  {"date": "2026-11-20", "usedCredits": [{"model": "gen4_turbo", "amount": 25}]}
], "models": ["gen4_turbo", "gen4_aleph"]}"#,
    );
    let file = file.to_str().unwrap();
    let run = ok(&sandbox, &["import", "--from", "runway", file, "--json"]);
    run.json_eq("/lines_added", json!(3))
        .json_eq("/platform", json!("runway-api"));
    let credits: Vec<String> = run
        .json_at("/items")
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "{} {}",
                i["reference"].as_str().unwrap(),
                i["billed_credits"]
            )
        })
        .collect();
    assert_eq!(
        credits,
        [
            "gen4_aleph 2026-11-19 \"150\"",
            "gen4_turbo 2026-11-19 \"50\"",
            "gen4_turbo 2026-11-20 \"25\"",
        ]
    );
    ok(&sandbox, &["import", "--from", "runway", file, "--json"])
        .json_eq("/already_present", json!(3));

    // The organization's balance is not its usage: refused, saying which to download.
    let org = sandbox.write(
        "org.json",
        r#"{"creditBalance": 1310, "tier": {"maxMonthlyCreditSpend": 10000, "models": {}},
            "usage": {"models": {}}}"#,
    );
    let run = sandbox.run(&["import", "--from", "runway", org.to_str().unwrap()]);
    run.error()
        .stderr_has("org.json")
        .stderr_has("/v1/organization/usage");
}

/// Found by a new-user trial: in a log of Runway API usage only, `balance runway` (the web
/// plan) said "no plan … for runway" and never named `runway-api`, where the usage is.
#[test]
fn balance_of_the_web_plan_names_the_api_the_usage_is_in() {
    let sandbox = Sandbox::with_db();
    let file = sandbox.write(
        "runway.json",
        r#"{"results": [{"date": "2026-11-19", "usedCredits": [{"model": "gen4_turbo", "amount": 50}]}]}"#,
    );
    ok(
        &sandbox,
        &["import", "--from", "runway", file.to_str().unwrap()],
    );
    for args in [
        &["balance", "runway"][..],
        &["balance", "runway", "--expect", "805"][..],
    ] {
        sandbox
            .run(args)
            .error()
            .stderr_has("no plan")
            .stderr_has("help: your log has runway-api usage")
            .stderr_has("`credits balance runway-api`");
    }
    // Nothing of the API in the log: the plain advice, no runway-api.
    let other = Sandbox::with_db();
    ok(&other, &["log", "fal", "ovi"]);
    other
        .run(&["balance", "runway"])
        .error()
        .stderr_has("help: `credits account set runway")
        .stderr_lacks("runway-api");
    // The same pair for Kling: a logged kling-api entry.
    ok(&other, &["log", "kling-api", "kling-v3", "--duration", "5"]);
    other
        .run(&["balance", "kling"])
        .error()
        .stderr_has("`credits balance kling-api`");
}

/// Kling's `GET /account/costs` with two packs: pk-1, the table's trial pack of 1,000 units
/// ($98), bought and usable from 2026-11-05 00:00 UTC (1793836800000 ms) until 2027-11-05
/// 00:00 (1825372800000), 640.5 units left; pk-2, 2,000 units, a size the tables do not sell.
const KLING: &str = r#"{"code": 0, "message": "SUCCEED", "request_id": "r1", "data": {"code": 0, "msg": "",
  "resource_pack_subscribe_infos": [
    {"resource_pack_name": "Video pack 1000", "resource_pack_id": "pk-1",
     "resource_pack_type": "decreasing_total", "total_quantity": 1000.0, "remaining_quantity": 640.5,
     "purchase_time": 1793836800000, "effective_time": 1793836800000,
     "invalid_time": 1825372800000, "status": "online"},
    {"resource_pack_name": "Odd pack", "resource_pack_id": "pk-2",
     "total_quantity": 2000, "remaining_quantity": 2000,
     "purchase_time": 1793836800000, "effective_time": 1793836800000,
     "invalid_time": 1825372800000, "status": "online"}]}}"#;

#[test]
fn kling_resource_packs_become_top_ups_with_their_real_validity() {
    let sandbox = Sandbox::with_db();
    let file = sandbox.write("kling.json", KLING);
    let path = file.to_str().unwrap();
    let run = ok(&sandbox, &["import", "--from", "kling", path, "--json"]);
    run.json_eq("/topups_added", json!(1))
        .json_eq("/skipped", json!(1))
        // Both packs are online and valid on 2026-11-21: 640.5 + 2,000 units left, the 2,000
        // in the pack the tables do not sell (not recorded).
        .json_eq("/units_left", json!("2640.5"))
        .json_eq("/units_left_unrecorded", json!("2000"));
    let items = run.json_at("/items");
    let item = |id: &str| {
        items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["reference"] == json!(id))
            .unwrap_or_else(|| run.fail(format!("item {id}"), &items))
            .clone()
    };
    run.check_eq("pk-1", json!("topup_added"), item("pk-1")["action"].clone())
        .check_eq(
            "priced as",
            json!("Trial 1,000 units ($98.00)"),
            item("pk-1")["priced_as"].clone(),
        );
    let odd = item("pk-2")["reason"].as_str().unwrap().to_string();
    run.check(
        odd.contains("the tables sell no 2000-unit pack")
            && odd.contains("credits topup kling-api --credits 2000 --price PRICE"),
        "the pack of an unknown size is said, with the command that records it",
    );

    // The top-up: 1,000 units at $98, from its effective time, expiring at Kling's
    // invalid_time (a year on), not the table's 30 days.
    let list = ok(&sandbox, &["topup", "list", "--json"]);
    list.json_eq("/0/platform", json!("kling-api"))
        .json_eq("/0/credits", json!("1000"))
        .json_eq("/0/price", json!("98"));
    let listed = list.json_at("/0");
    run.check(
        listed.to_string().contains("2027-11-05"),
        "expires on Kling's invalid_time, 2027-11-05",
    );
    ok(&sandbox, &["balance", "kling-api"])
        .stdout_has("1,000 credits")
        .stdout_has("2027-11-05");

    // Again: nothing added.
    ok(&sandbox, &["import", "--from", "kling", path, "--json"])
        .json_eq("/topups_added", json!(0))
        .json_eq("/already_present", json!(1));
    let again = ok(&sandbox, &["topup", "list", "--json"]);
    again.check_eq("top-ups", 1, again.json().as_array().unwrap().len());

    // A generation on the API draws on the pack, priced at what the pack cost: 3 units of a
    // kling-v3 5 s clip × $0.098 = $0.294.
    ok(
        &sandbox,
        &["log", "kling-api", "kling-v3", "--duration", "5", "--json"],
    )
    .json_eq("/credits", json!("3"))
    .json_eq("/cost", json!("0.294"));
    // Priced from the pack bought, estimate does not say the cheapest pack priced it.
    ok(
        &sandbox,
        &["estimate", "kling-api", "kling-v3", "--duration", "5"],
    )
    .stdout_has("$0.098")
    .stdout_lacks("no plans:")
    .stderr_lacks("no plans:");
    // The text says what the packs have left and how to check it.
    ok(&sandbox, &["import", "--from", "kling", path])
        .stdout_has("The packs usable now have 2,640.5 units left")
        // Only the recorded pack's 640.5 are the ledger's to check.
        .stdout_has("credits balance kling-api --expect 640.5 --at WHEN")
        .stdout_has("2,000 in packs not recorded");
}

#[test]
fn a_bad_document_writes_nothing_and_names_the_file() {
    let sandbox = Sandbox::with_db();
    ok(&sandbox, &["log", "fal", "ovi"]);
    let bad = sandbox.write("cut.json", &FAL[..FAL.len() / 2]);
    sandbox
        .run(&["import", "--from", "fal", bad.to_str().unwrap()])
        .error()
        .stderr_has("cut.json")
        .stderr_has("not JSON");
    // A cost that is not a number: the whole file is refused, not half of it.
    let wrong = sandbox.write(
        "wrong.json",
        &FAL.replace("\"cost\": 0.03", "\"cost\": \"n/a\""),
    );
    sandbox
        .run(&["import", "--from", "fal", wrong.to_str().unwrap()])
        .error()
        .stderr_has("wrong.json")
        .stderr_has("cost");
    ok(&sandbox, &["reconcile"]).stdout_has("Nothing billed");
    sandbox
        .run(&["import", "--from", "luma", "x.json"])
        .usage_error();
}

/// The fal log of [`reconcile_lists_each_kind_of_drift`]: by hand,
/// - 18th: Ovi ×3 logged (2 ok + 1 failed) at $0.20 = $0.60; fal billed $0.60 (3 videos), so
///   the failure was charged;
/// - 19th: Wan 2.5, 10 s at the table's $0.05/s = $0.50, billed $0.60 (fal's price went to
///   $0.06/s): +$0.10; and one Ovi logged ($0.20) that fal billed nothing for;
/// - 20th: Ovi billed $0.20 and the unknown endpoint $0.03, nothing logged.
///
/// Totals: estimated 0.60 + 0.50 + 0.20 = $1.30; billed 0.60 + 0.60 + 0.20 + 0.03 = $1.43;
/// difference +$0.13.
fn fal_log_with_its_usage() -> Sandbox {
    let sandbox = Sandbox::with_db();
    for at in ["2026-11-18T10:00:00Z", "2026-11-18T11:00:00Z"] {
        ok(&sandbox, &["log", "fal", "ovi", "--at", at]);
    }
    ok(
        &sandbox,
        &[
            "log",
            "fal",
            "ovi",
            "--at",
            "2026-11-18T12:00:00Z",
            "--failed",
        ],
    );
    ok(
        &sandbox,
        &[
            "log",
            "fal",
            "wan-2.5",
            "--duration",
            "10",
            "--at",
            "2026-11-19T10:00:00Z",
        ],
    );
    ok(
        &sandbox,
        &["log", "fal", "ovi", "--at", "2026-11-19T15:00:00Z"],
    );
    let file = sandbox.write("usage.json", FAL);
    ok(
        &sandbox,
        &["import", "--from", "fal", file.to_str().unwrap()],
    );
    sandbox
}

#[test]
fn reconcile_lists_each_kind_of_drift() {
    let sandbox = fal_log_with_its_usage();
    let run = ok(&sandbox, &["reconcile", "--json"]);
    run.json_eq("/totals/0/platform", json!("fal"))
        .json_decimal_eq("/totals/0/estimated", "1.30")
        .json_decimal_eq("/totals/0/billed", "1.43")
        .json_decimal_eq("/totals/0/difference", "0.13");
    run.json_eq("/largest_differences/0/model", json!("wan-2.5"))
        .json_eq("/largest_differences/0/day", json!("2026-11-19"))
        .json_decimal_eq("/largest_differences/0/estimated", "0.50")
        .json_decimal_eq("/largest_differences/0/billed", "0.60")
        .json_decimal_eq("/largest_differences/0/difference", "0.10");
    assert_eq!(
        run.json_at("/largest_differences")
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let unlogged: Vec<String> = run
        .json_at("/billed_not_logged")
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {} {}", d["day"], d["model"], d["billed"]))
        .collect();
    assert_eq!(
        unlogged,
        [
            "\"2026-11-20\" \"fal-ai/new-thing/v1\" \"0.03\"",
            "\"2026-11-20\" \"ovi\" \"0.2\"",
        ]
    );
    run.json_eq("/logged_not_billed/0/model", json!("ovi"))
        .json_eq("/logged_not_billed/0/day", json!("2026-11-19"))
        .json_decimal_eq("/logged_not_billed/0/estimated", "0.20");
    run.json_eq("/failures_charged/0/entry_id", json!(3))
        .json_decimal_eq("/failures_charged/0/estimated", "0.20");
    assert_eq!(
        run.json_at("/failures_charged").as_array().unwrap().len(),
        1
    );

    let text = ok(&sandbox, &["reconcile", "fal"]);
    for heading in [
        "Totals",
        "Largest differences",
        "Billed but never logged",
        "Logged but never billed",
        "Failures charged",
    ] {
        text.stdout_has(heading);
    }
    text.stdout_has("+$0.13").stdout_has("+$0.10");

    // From the 19th on, the 18th's lines and its charged failure are out of the period.
    let since = ok(&sandbox, &["reconcile", "--since", "2026-11-19", "--json"]);
    since
        .json_decimal_eq("/totals/0/estimated", "0.70")
        .json_decimal_eq("/totals/0/billed", "0.83");
    assert_eq!(since.json_at("/failures_charged"), json!([]));
}

/// `report --cost` on the log of [`fal_log_with_its_usage`], by model. Billed: Ovi $0.60
/// (18th) + $0.20 (20th) = $0.80, Wan 2.5 $0.60; the unknown endpoint's $0.03 is in no row;
/// total $1.43. Best: Ovi billed $0.60 + estimated $0.20 (19th, not billed) + billed $0.20 =
/// $1.00; total $1.00 + $0.60 + $0.03 = $1.63.
#[test]
fn report_cost_chooses_billed_estimated_or_best_and_says_which() {
    let sandbox = fal_log_with_its_usage();
    let row = |run: &common::Run, model: &str| {
        run.json_at("/rows")
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["model"] == model)
            .unwrap_or_else(|| panic!("{model}"))
            .clone()
    };
    let billed = ok(
        &sandbox,
        &["report", "--by", "model", "--cost", "billed", "--json"],
    );
    assert_eq!(row(&billed, "ovi")["cost"], "0.8");
    assert_eq!(row(&billed, "ovi")["estimated"], "0.8");
    assert_eq!(row(&billed, "ovi")["cost_kind"], "billed");
    assert_eq!(row(&billed, "wan-2.5")["cost"], "0.6");
    billed.json_decimal_eq("/total/cost", "1.43");

    let best = ok(
        &sandbox,
        &["report", "--by", "model", "--cost", "best", "--json"],
    );
    assert_eq!(row(&best, "ovi")["cost"], "1");
    assert_eq!(row(&best, "ovi")["cost_kind"], "billed+estimated");
    assert_eq!(row(&best, "wan-2.5")["cost_kind"], "billed");
    best.json_decimal_eq("/total/cost", "1.63");

    // The default is the estimate, as always, now saying so beside the billed amount.
    let plain = ok(&sandbox, &["report", "--json"]);
    plain
        .json_decimal_eq("/total/cost", "1.30")
        .json_eq("/total/cost_kind", json!("estimated"))
        .json_decimal_eq("/total/billed", "1.43");
    ok(&sandbox, &["report", "--by", "model", "--cost", "best"])
        .stdout_has("$1.00 billed + est.")
        .stdout_has("$0.60 billed")
        .stdout_has("$0.03 on models and days with no entry");
    ok(&sandbox, &["report", "--by", "model", "--cost", "billed"])
        .stdout_has("$0.03 on models and days with no entry");
    // The estimate's total holds no billed money: the footnote is not said under it (found
    // by a new-user trial).
    ok(&sandbox, &["report", "--by", "model"])
        .stdout_has("$0.80 est.")
        .stdout_lacks("no entry");
    ok(&sandbox, &["report", "--cost", "estimated"]).stdout_lacks("no entry");

    // Billed lines know no project: refused, saying what works.
    sandbox
        .run(&["report", "--by", "project", "--cost", "billed"])
        .error()
        .stderr_has("per platform, model and day");

    // A log with nothing billed reads as it always did.
    let other = Sandbox::with_db();
    ok(&other, &["log", "fal", "ovi"]);
    let run = ok(&other, &["report", "--json"]);
    assert!(run.json_at("/total").get("cost_kind").is_none());
}

/// The same imports, reconcile and report on a PostgreSQL ledger answer as on SQLite (the
/// store's tests run the tables on both; this runs the workflows).
#[test]
fn the_same_on_postgresql() {
    let Some(server) = credits_testpg::server() else {
        return;
    };
    let sqlite = Sandbox::with_db();
    let mut postgres = Sandbox::new();
    postgres.env(
        "CREDITS_DB",
        &format!("{}?sslmode=disable", server.fresh_database()),
    );
    for sandbox in [&sqlite, &postgres] {
        sandbox.write("predictions.json", REPLICATE);
        sandbox.write("usage.json", FAL);
    }
    let steps: [&[&str]; 9] = [
        &[
            "log",
            "replicate",
            "flux-dev",
            "--at",
            "2026-11-20T11:10:00Z",
        ],
        &[
            "log",
            "fal",
            "ovi",
            "--at",
            "2026-11-18T10:00:00Z",
            "--failed",
        ],
        &[
            "import",
            "--from",
            "replicate",
            "predictions.json",
            "--json",
        ],
        &[
            "import",
            "--from",
            "replicate",
            "predictions.json",
            "--json",
        ],
        &["import", "--from", "fal", "usage.json", "--json"],
        &["import", "--from", "fal", "usage.json", "--json"],
        &["reconcile", "--json"],
        &["report", "--by", "model", "--cost", "best", "--json"],
        &["history", "--json"],
    ];
    for args in steps {
        let (a, b) = (sqlite.run(args), postgres.run(args));
        assert_eq!(
            (a.code, &a.stdout),
            (b.code, &b.stdout),
            "`credits {}` on SQLite, then on PostgreSQL (stderr: {} / {})",
            args.join(" "),
            a.stderr,
            b.stderr
        );
        a.success();
    }
}

/// `reconcile` on a platform that lists generations (Replicate): an entry inside the span
/// the list covers that it does not list is "logged but never billed"; one before the span
/// is not judged; the generations the import added are "billed but never logged"; failed
/// predictions matched or added are failures charged (Replicate bills failed runs).
#[test]
fn reconcile_a_list_of_generations() {
    let sandbox = Sandbox::with_db();
    // Entry 1: rep-failed's (matched by time); 2: 40 minutes from rep-ok, outside the window;
    // 3: ten days before the list begins.
    ok(
        &sandbox,
        &[
            "log",
            "replicate",
            "flux-dev",
            "--at",
            "2026-11-20T11:10:00Z",
        ],
    );
    ok(
        &sandbox,
        &[
            "log",
            "replicate",
            "flux-schnell",
            "--at",
            "2026-11-20T10:40:00Z",
        ],
    );
    ok(
        &sandbox,
        &[
            "log",
            "replicate",
            "flux-schnell",
            "--at",
            "2026-11-10T10:00:00Z",
        ],
    );
    let file = sandbox.write("predictions.json", REPLICATE);
    ok(
        &sandbox,
        &["import", "--from", "replicate", file.to_str().unwrap()],
    );
    let run = ok(&sandbox, &["reconcile", "replicate", "--json"]);
    assert_eq!(
        run.json_at("/totals"),
        json!([]),
        "no billed money to total"
    );
    let unlisted = run.json_at("/logged_not_billed");
    assert_eq!(unlisted.as_array().unwrap().len(), 1, "{unlisted}");
    run.json_eq("/logged_not_billed/0/model", json!("flux-schnell"))
        .json_eq("/logged_not_billed/0/day", json!("2026-11-20"))
        .json_eq("/logged_not_billed/0/logged", json!(1))
        .json_decimal_eq("/logged_not_billed/0/estimated", "0.003");
    let added: Vec<String> = run
        .json_at("/generations_not_logged")
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            format!(
                "{} {}",
                g["reference"].as_str().unwrap(),
                g["status"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(added, ["rep-ok ok", "rep-canceled failed"]);
    let charged: Vec<String> = run
        .json_at("/failures_charged")
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["model"].as_str().unwrap(),
                f["evidence"].as_str().unwrap()
            )
        })
        .collect();
    // Only the time-billed run that ran (predict_time > 0) is charged; flux-dev's failure,
    // an official model's with no output, is not (found by a new-user trial).
    assert_eq!(charged, ["someone/house-model listed_failed"]);
}

#[test]
fn replicate_charges_a_failure_only_for_the_time_a_time_billed_model_ran() {
    let sandbox = Sandbox::with_db();
    let file = sandbox.write(
        "predictions.json",
        r#"{"next": null, "results": [
  {"id": "r-official-ran", "model": "black-forest-labs/flux-schnell", "status": "failed",
   "created_at": "2026-11-20T10:00:00Z", "metrics": {"predict_time": 2.5}},
  {"id": "r-house-ran", "model": "someone/house-model", "status": "failed",
   "created_at": "2026-11-20T11:00:00Z", "metrics": {"predict_time": 3.1}},
  {"id": "r-house-never", "model": "someone/house-model", "status": "canceled",
   "created_at": "2026-11-20T12:00:00Z", "metrics": {}},
  {"id": "r-house-zero", "model": "someone/house-model", "status": "failed",
   "created_at": "2026-11-20T13:00:00Z", "metrics": {"predict_time": 0}}]}"#,
    );
    let run = ok(
        &sandbox,
        &[
            "import",
            "--from",
            "replicate",
            file.to_str().unwrap(),
            "--json",
        ],
    );
    let item = |id: &str| {
        run.json_at("/items")
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["reference"] == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    assert_eq!(item("r-official-ran")["status"], "refunded");
    assert_eq!(item("r-house-ran")["status"], "failed");
    assert_eq!(item("r-house-never")["status"], "refunded");
    assert_eq!(item("r-house-zero")["status"], "refunded");
    let charged = ok(&sandbox, &["reconcile", "replicate", "--json"]).json_at("/failures_charged");
    let ids: Vec<_> = charged
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["entry_id"].clone())
        .collect();
    assert_eq!(ids, [item("r-house-ran")["entry_id"].clone()], "{charged}");
}

/// `reconcile --json` (or any view) with each `entry_id` replaced by what a user knows the
/// entry by, its platform, model and time from `history --json`: ids differ between logs, so
/// a copy is the same when each id names the same generation.
fn by_entry(sandbox: &Sandbox, view: Value) -> Value {
    let names: std::collections::HashMap<i64, String> = entries(sandbox)
        .iter()
        .map(|e| {
            (
                e["id"].as_i64().unwrap(),
                format!("{} {} {}", e["platform"], e["model"], e["at"]),
            )
        })
        .collect();
    fn walk(v: Value, names: &std::collections::HashMap<i64, String>) -> Value {
        match v {
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| {
                        let v = match (k.as_str(), v.as_i64()) {
                            ("entry_id", Some(id)) => json!(names
                                .get(&id)
                                .unwrap_or_else(|| panic!("entry {id} is in the log"))),
                            _ => walk(v, names),
                        };
                        (k, v)
                    })
                    .collect(),
            ),
            Value::Array(items) => {
                Value::Array(items.into_iter().map(|v| walk(v, names)).collect())
            }
            other => other,
        }
    }
    walk(view, &names)
}

/// What a copy of a billed log must answer as the original does.
fn billed_views(sandbox: &Sandbox) -> Vec<Value> {
    let reads: [&[&str]; 4] = [
        &["reconcile", "--json"],
        &["reconcile", "replicate", "--json"],
        &["report", "--by", "model", "--cost", "billed", "--json"],
        &["report", "--by", "day", "--cost", "best", "--json"],
    ];
    reads
        .iter()
        .map(|args| by_entry(sandbox, ok(sandbox, args).json()))
        .collect()
}

/// The log of [`fal_log_with_its_usage`] with Replicate's predictions imported over an
/// entry logged by hand (rep-failed, matched by time to entry 6) and two made by the import.
fn billed_log() -> Sandbox {
    let sandbox = fal_log_with_its_usage();
    ok(
        &sandbox,
        &[
            "log",
            "replicate",
            "flux-dev",
            "--at",
            "2026-11-20T11:10:00Z",
        ],
    );
    let file = sandbox.write("predictions.json", REPLICATE);
    ok(
        &sandbox,
        &["import", "--from", "replicate", file.to_str().unwrap()],
    );
    sandbox
}

#[test]
fn billed_records_travel_with_a_json_export_once() {
    let original = billed_log();
    let expected = billed_views(&original);
    // The canceled run of a time-billed model that ran is charged; the hand-logged entry is
    // linked to the failed run of an official model, which Replicate does not charge, so it
    // is not listed there (a lost link would list it as logged but never billed instead).
    let charged = &expected[1]["failures_charged"];
    let listed = |entry: &str| {
        charged
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["entry_id"] == entry)
    };
    assert!(
        listed("\"replicate\" \"someone/house-model\" \"2026-11-20T12:00:00+00:00\""),
        "{charged}"
    );
    assert!(
        !listed("\"replicate\" \"flux-dev\" \"2026-11-20T11:10:00+00:00\""),
        "{charged}"
    );
    ok(
        &original,
        &["export", "--format", "json", "--output", "all.json"],
    );
    let file = original.path().join("all.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    // Three generations (one enriched, two made), four fal lines.
    assert_eq!(doc["billed"].as_array().map(Vec::len), Some(3), "{doc}");
    assert_eq!(
        doc["billed_lines"].as_array().map(Vec::len),
        Some(4),
        "{doc}"
    );
    let failed = doc["billed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["ref"] == "rep-failed")
        .unwrap();
    assert_eq!(failed["matched"], "time");
    assert!(
        failed["entry_key"].as_str().unwrap().starts_with("log:"),
        "the entry is named by its dedup key, not its id: {failed}"
    );
    let file = file.to_str().unwrap();

    let fresh = Sandbox::with_db();
    ok(&fresh, &["import", file, "--json"])
        .json_eq("/added", json!(8))
        .json_eq("/records", json!(7))
        .json_eq("/records_added", json!(7));
    assert_eq!(billed_views(&fresh), expected, "after export and import");
    // The copy exports as the original does.
    assert_eq!(
        ok(&fresh, &["export", "--format", "json"]).stdout,
        ok(&original, &["export", "--format", "json"]).stdout
    );

    // Twice, and back into the log it came from: nothing new, each record named.
    for sandbox in [&fresh, &original] {
        let again = ok(sandbox, &["import", file, "--json"]);
        again
            .json_eq("/added", json!(0))
            .json_eq("/records_added", json!(0))
            .json_eq("/records_skipped/already_in_log/count", json!(7));
        let named = again.json_at("/records_skipped/already_in_log/first");
        assert!(
            named
                .as_array()
                .unwrap()
                .contains(&json!("billed line fal ovi 2026-11-18 video")),
            "{named}"
        );
        ok(sandbox, &["import", file]).stdout_has(
            "billed replicate rep-canceled (someone/house-model, 2026-11-20 12:00 UTC)",
        );
    }
    assert_eq!(billed_views(&fresh), expected, "after importing twice");
    assert_eq!(billed_views(&original), expected, "the original, unchanged");

    // `db copy` is an export and an import: the same.
    let copy = fresh.path().join("copy.db").display().to_string();
    let from = original.db().display().to_string();
    ok(
        &original,
        &["db", "copy", "--from", &from, "--to", &copy, "--json"],
    )
    .json_eq("/records_added", json!(7));
    let mut copied = Sandbox::new();
    copied.env("CREDITS_DB", &copy);
    assert_eq!(billed_views(&copied), expected, "after db copy");

    // A log with nothing billed exports as before: no billed sections.
    let plain = Sandbox::with_db();
    ok(&plain, &["log", "fal", "ovi"]);
    ok(&plain, &["export", "--format", "json"])
        .stdout_lacks("\"billed\"")
        .stdout_lacks("\"billed_lines\"");
}

/// A fal day's line in euros for Ovi on the 18th (the log's own lines are in dollars).
const FAL_EUR: &str = r#"{"time_series": [
  {"bucket": "2026-11-18T00:00:00Z", "results": [
    {"endpoint_id": "fal-ai/ovi", "unit": "video", "quantity": 3, "unit_price": 0.20, "cost": 0.60,
     "currency": "EUR", "auth_method": "key"}]}
], "next_cursor": null, "has_more": false}"#;

/// Found by a new-user trial: a line in euros replaced the dollars of the same day, then the
/// report added the two under `€`, and reconcile refused with no help.
#[test]
fn a_line_in_another_currency_is_kept_apart_never_added() {
    let sandbox = fal_log_with_its_usage();
    let eur = sandbox.write("eur.json", FAL_EUR);
    ok(
        &sandbox,
        &["import", "--from", "fal", eur.to_str().unwrap(), "--json"],
    )
    .json_eq("/lines_added", json!(1))
    .json_eq("/lines_replaced", json!(0));

    // The dollars compared as before; the euros listed apart, never added to them.
    let run = ok(&sandbox, &["reconcile", "--json"]);
    run.json_decimal_eq("/totals/0/billed", "1.43")
        .json_eq("/totals/0/unit", json!("USD"))
        .json_eq("/not_compared/0/unit", json!("EUR"))
        .json_decimal_eq("/not_compared/0/billed", "0.60")
        .json_eq("/not_compared/0/estimated_in", json!("USD"));
    ok(&sandbox, &["reconcile"])
        .stdout_has("Not compared")
        .stdout_has("+$0.13");

    // No single column for money in two currencies: refused with a help, never relabelled.
    sandbox
        .run(&["report", "--by", "model", "--cost", "best"])
        .error()
        .stderr_has("EUR and USD")
        .stderr_has("help:")
        .stdout_lacks("€");
    // The plain report shows the log's estimate, in dollars only.
    ok(&sandbox, &["report", "--by", "model"])
        .stdout_lacks("€")
        .stdout_lacks("billed");
}

#[test]
fn a_log_billed_only_in_another_currency_is_not_compared() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &["log", "fal", "ovi", "--at", "2026-11-18T10:00:00Z"],
    );
    let eur = sandbox.write("eur.json", FAL_EUR);
    ok(
        &sandbox,
        &["import", "--from", "fal", eur.to_str().unwrap()],
    );
    let run = ok(&sandbox, &["reconcile", "--json"]);
    run.json_eq("/totals", json!([]))
        .json_eq("/not_compared/0/unit", json!("EUR"));
    ok(&sandbox, &["reconcile"])
        .stdout_has("Not compared")
        .stdout_lacks("€0.00")
        .stdout_lacks("unpriced");
}

/// Found by a new-user trial: Sora's high-resolution size read as `1024p` (no table has it)
/// and left unpriced with a raw CLI error as its note; a Replicate Veo with no duration
/// added at an unknown cost with advice to "pass --duration", and the import not saying so.
#[test]
fn an_import_says_what_it_left_unpriced_and_maps_sora_sizes() {
    let sandbox = Sandbox::with_db();
    let openai = sandbox.write(
        "videos.json",
        r#"{"object": "list", "has_more": false, "data": [
    {"id": "video_wide", "object": "video", "created_at": 1788257400, "model": "sora-2-pro",
     "seconds": "8", "size": "1792x1024", "status": "completed", "error": null},
    {"id": "video_tall", "object": "video", "created_at": 1788258400, "model": "sora-2-pro",
     "seconds": "4", "size": "1024x1792", "status": "completed", "error": null}]}"#,
    );
    let run = ok(
        &sandbox,
        &["import", "--from", "openai", openai.to_str().unwrap()],
    );
    run.stdout_lacks("unpriced");
    let list = entries(&sandbox);
    let pro = by_model(&list, "sora-2-pro");
    assert_eq!(pro.len(), 2, "{list:#?}");
    for e in &pro {
        assert_eq!(e["resolution"], "1080p", "{e:#}");
        assert_ne!(e["cost"], Value::Null, "priced by the table: {e:#}");
    }

    let replicate = sandbox.write(
        "predictions.json",
        r#"{"next": null, "results": [
  {"id": "rep-veo", "model": "google/veo-3.1-fast", "status": "succeeded",
   "created_at": "2026-11-20T10:00:00Z", "input": {"prompt": "a fox"}, "metrics": {}},
  {"id": "rep-veo-8", "model": "google/veo-3.1-fast", "status": "succeeded",
   "created_at": "2026-11-21T10:00:00Z", "input": {"duration": 8}, "metrics": {}}]}"#,
    );
    let run = ok(
        &sandbox,
        &["import", "--from", "replicate", replicate.to_str().unwrap()],
    );
    run.stdout_has("1 generation left unpriced")
        .stdout_has("rep-veo veo-3.1-fast: ")
        .stdout_has("duration")
        .stdout_lacks("--duration");
    let json = ok(
        &sandbox,
        &[
            "import",
            "--from",
            "replicate",
            replicate.to_str().unwrap(),
            "--json",
        ],
    );
    json.json_eq("/added", json!(0));
    let list = entries(&sandbox);
    let veo = by_model(&list, "veo-3.1-fast");
    assert_eq!(veo.len(), 2, "{list:#?}");
    let unpriced: Vec<_> = veo.iter().filter(|e| e["cost"].is_null()).collect();
    assert_eq!(
        unpriced.len(),
        1,
        "the one with its duration is priced: {veo:#?}"
    );
    let note = unpriced[0]["note"].as_str().unwrap_or_default();
    assert!(note.contains("not priced"), "{note}");
    for raw in ["error:", "help:", "--duration", "\n"] {
        assert!(!note.contains(raw), "{raw:?} in the note {note:?}");
    }
}

/// Found by a new-user trial: after `import --from runway`, a balance check blamed
/// "generations … not logged" without saying the imported usage shows those credits used.
#[test]
fn a_balance_check_says_the_imported_usage_covers_the_gap() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "topup",
            "runway-api",
            "--credits",
            "1000",
            "--price",
            "10",
            "--never-expires",
            "--at",
            "2026-11-01",
        ],
    );
    let file = sandbox.write(
        "runway.json",
        r#"{"results": [
  {"date": "2026-11-19", "usedCredits": [{"model": "gen4_turbo", "amount": 50},
                                          {"model": "gen4_aleph", "amount": 120}]},
  {"date": "2026-11-20", "usedCredits": [{"model": "gen4_turbo", "amount": 25}]}]}"#,
    );
    ok(
        &sandbox,
        &["import", "--from", "runway", file.to_str().unwrap()],
    );
    // 1,000 bought, 195 used as the usage shows, none of it logged: the platform shows 805.
    let run = sandbox.run(&["balance", "runway-api", "--expect", "805"]);
    run.code(3)
        .stdout_has("the platform's usage since the account started")
        .stdout_has("shows 195 credits used that no entry records (exactly the difference)")
        .stdout_has("log them or import them");
    let json = sandbox.run(&["balance", "runway-api", "--expect", "805", "--json"]);
    json.code(3);
    assert_eq!(
        decimal(&json.json_at("/billed_unlogged")),
        decimal(&json!("195"))
    );

    // What is logged of those days is not counted twice: the 195 less a clip logged on the
    // 20th, at the table's credits.
    ok(
        &sandbox,
        &[
            "log",
            "runway-api",
            "gen4_turbo",
            "--duration",
            "5",
            "--at",
            "2026-11-20T10:00:00Z",
        ],
    );
    let logged = decimal(&entries(&sandbox)[0]["credits"]).unwrap();
    assert!(logged > rust_decimal::Decimal::ZERO && logged < rust_decimal::Decimal::from(195));
    let left = rust_decimal::Decimal::from(195) - logged;
    let run = sandbox.run(&["balance", "runway-api", "--expect", "805"]);
    run.code(3).stdout_has(&format!(
        "shows {} credits used that no entry records",
        left.normalize()
    ));
}

/// Found by a trial of issue 23: `history` showed the table's estimate only, with no sign of
/// what the platform reported. Now each entry with the platform's record shows it beside the
/// estimate (`estimate` and `billed`, so each amount says which it is), and `--json` gives it
/// as exact decimal strings with its source.
#[test]
fn history_shows_what_was_billed_beside_the_estimate() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "log",
            "replicate",
            "flux-dev",
            "--at",
            "2026-11-20T11:10:00Z",
        ],
    );
    // Not billed by any import: its cell says there is no record.
    ok(
        &sandbox,
        &["log", "fal", "ovi", "--at", "2026-11-21T09:00:00Z"],
    );
    let file = sandbox.write("predictions.json", REPLICATE);
    ok(
        &sandbox,
        &["import", "--from", "replicate", file.to_str().unwrap()],
    );
    let list = entries(&sandbox);
    let dev = by_model(&list, "flux-dev")[0];
    // Replicate's list has no cost: the record is there, its amount unknown (never 0).
    assert_eq!(
        dev["billed"],
        json!({"amount": null, "currency": null, "credits": null, "matched": "time",
               "reference": "rep-failed", "source": "replicate-predictions"})
    );
    assert_eq!(by_model(&list, "ovi")[0]["billed"], Value::Null);
    let mut cmd = sandbox.command(&["history"]);
    cmd.env("COLUMNS", "80");
    let text = sandbox.finished(&["history"], cmd.output().unwrap());
    text.success();
    let header = text.stdout.lines().next().unwrap().to_string();
    let words: Vec<&str> = header.split_whitespace().collect();
    assert!(
        words.contains(&"estimate") && words.contains(&"billed") && !words.contains(&"cost"),
        "{header}"
    );
    let row = |model: &str| {
        text.stdout
            .lines()
            .find(|l| l.split_whitespace().any(|w| w == model))
            .unwrap_or_else(|| panic!("{model} in {}", text.stdout))
            .split_whitespace()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert!(
        row("flux-dev").contains(&"unknown".to_string()),
        "{}",
        text.stdout
    );
    assert!(row("ovi").contains(&"-".to_string()), "{}", text.stdout);

    // A record with an amount (here an export's, edited as a platform that reports one
    // would have it) shows it: exact in `--json`, by the display rule in the table.
    ok(
        &sandbox,
        &["export", "--format", "json", "--output", "all.json"],
    );
    let path = sandbox.path().join("all.json");
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for b in doc["billed"].as_array_mut().unwrap() {
        if b["ref"] == "rep-ok" {
            b["amount"] = json!("0.0031");
            b["currency"] = json!("USD");
        }
    }
    std::fs::write(&path, doc.to_string()).unwrap();
    let fresh = Sandbox::with_db();
    ok(&fresh, &["import", path.to_str().unwrap()]);
    let schnell = by_model(&entries(&fresh), "flux-schnell")[0].clone();
    assert_eq!(schnell["cost"], "0.003", "the estimate stays the table's");
    assert_eq!(schnell["billed"]["amount"], "0.0031");
    assert_eq!(schnell["billed"]["currency"], "USD");
    assert_eq!(schnell["billed"]["source"], "replicate-predictions");
    assert_eq!(schnell["billed"]["matched"], "created");
    let mut cmd = fresh.command(&["history"]);
    cmd.env("COLUMNS", "120");
    let wide = fresh.finished(&["history"], cmd.output().unwrap());
    wide.success();
    let line = wide
        .stdout
        .lines()
        .find(|l| l.contains("flux-schnell"))
        .unwrap();
    let cells: Vec<&str> = line.split_whitespace().collect();
    assert!(
        cells.contains(&"$0.003") && cells.contains(&"$0.0031"),
        "{}",
        wide.stdout
    );

    // A log with nothing billed looks as it did: a `cost` column, no `billed`.
    let plain = Sandbox::with_db();
    ok(&plain, &["log", "fal", "ovi"]);
    ok(&plain, &["history"])
        .stdout_has("cost")
        .stdout_lacks("billed")
        .stdout_lacks("estimate");
}

/// Found by a trial of issue 23: a Replicate prediction's `input.generate_audio` (Veo, Kling:
/// audio priced apart) was not read, so a clip made with sound was priced as silent. Read,
/// it prices the entry as the table prices audio: the shipped Veo 3.1 Fast has a price
/// without audio only, so one with audio is left unpriced (said), never priced as silent;
/// with a table that has both, each is priced by its own.
#[test]
fn replicate_generate_audio_prices_the_entry_with_or_without_audio() {
    const VEO: &str = r#"{"next": null, "previous": null, "results": [
  {"id": "veo-quiet", "model": "google/veo-3.1-fast", "version": "v1", "status": "succeeded",
   "source": "api", "created_at": "2026-11-20T10:00:00Z", "completed_at": "2026-11-20T10:01:00Z",
   "input": {"prompt": "a fox at dawn", "duration": 8, "generate_audio": false},
   "metrics": {"predict_time": 40.2}, "urls": {}},
  {"id": "veo-sound", "model": "google/veo-3.1-fast", "version": "v1", "status": "succeeded",
   "source": "api", "created_at": "2026-11-21T10:00:00Z", "completed_at": "2026-11-21T10:01:00Z",
   "input": {"prompt": "a fox at dawn", "duration": 8, "generate_audio": true},
   "metrics": {"predict_time": 41.0}, "urls": {}}
]}"#;
    let audio_of = |sandbox: &Sandbox| -> Vec<(Value, Value, Value)> {
        let mut list: Vec<(Value, Value, Value)> = entries(sandbox)
            .iter()
            .map(|e| (e["at"].clone(), e["audio"].clone(), e["cost"].clone()))
            .collect();
        list.sort_by_key(|(at, _, _)| at.to_string());
        list
    };

    let shipped = Sandbox::with_db();
    let file = shipped.write("predictions.json", VEO);
    let run = ok(
        &shipped,
        &["import", "--from", "replicate", file.to_str().unwrap()],
    );
    run.stdout_has("1 generation left unpriced")
        .stdout_has("veo-sound veo-3.1-fast: ")
        .stdout_has("no price for audio");
    // 8 s at $0.10 a second without audio; with audio, unknown (never the silent price).
    assert_eq!(
        audio_of(&shipped),
        [
            (
                json!("2026-11-20T10:00:00+00:00"),
                json!(false),
                json!("0.8")
            ),
            (json!("2026-11-21T10:00:00+00:00"), json!(true), Value::Null),
        ]
    );

    // A table with a price for each: $0.15 a second with audio (the user's patch).
    let patched = Sandbox::with_db();
    patched.write(
        ".config/credits/pricing/replicate.toml",
        "name = \"Replicate\"\ncurrency = \"USD\"\nbilling = \"money\"\nas_of = 2026-11-21\n\
         [[model]]\nname = \"veo-3.1-fast\"\n\
         [[model.variant]]\naudio = false\nper_second = 0.10\n\
         [[model.variant]]\naudio = true\nper_second = 0.15\n",
    );
    let file = patched.write("predictions.json", VEO);
    ok(
        &patched,
        &["import", "--from", "replicate", file.to_str().unwrap()],
    )
    .stdout_lacks("unpriced");
    assert_eq!(
        audio_of(&patched),
        [
            (
                json!("2026-11-20T10:00:00+00:00"),
                json!(false),
                json!("0.8")
            ),
            (
                json!("2026-11-21T10:00:00+00:00"),
                json!(true),
                json!("1.2")
            ),
        ]
    );
    ok(&patched, &["history"]).stdout_has("8 s, audio");
}

/// A Kling pack list of the given packs: (id, name, total, left, effective ms, invalid ms).
fn kling_packs(packs: &[(&str, &str, &str, &str, i64, i64)]) -> String {
    let items: Vec<String> = packs
        .iter()
        .map(|(id, name, total, left, from, until)| {
            format!(
                r#"{{"resource_pack_name": {}, "resource_pack_id": "{id}",
                     "total_quantity": {total}, "remaining_quantity": {left},
                     "purchase_time": {from}, "effective_time": {from},
                     "invalid_time": {until}, "status": "online"}}"#,
                serde_json::to_string(name).unwrap()
            )
        })
        .collect();
    format!(
        r#"{{"code": 0, "message": "SUCCEED", "data": {{"resource_pack_subscribe_infos": [{}]}}}}"#,
        items.join(",")
    )
}

/// 2026-11-01 10:00 UTC and 180 days on (2027-04-30 10:00), in ms.
const NOV_1_10H: i64 = 1_793_527_200_000;
const APR_30_10H: i64 = 1_809_079_200_000;

#[test]
fn two_kling_packs_of_the_same_contents_are_two_top_ups() {
    // Two 5,000-unit packs of one order: only their ids differ.
    let sandbox = Sandbox::with_db();
    let file = sandbox.write(
        "kling.json",
        &kling_packs(&[
            ("rp-1", "5000 units", "5000", "5000", NOV_1_10H, APR_30_10H),
            ("rp-2", "5000 units", "5000", "5000", NOV_1_10H, APR_30_10H),
        ]),
    );
    let path = file.to_str().unwrap();
    ok(&sandbox, &["import", "--from", "kling", path, "--json"]).json_eq("/topups_added", json!(2));
    ok(&sandbox, &["import", "--from", "kling", path, "--json"])
        .json_eq("/topups_added", json!(0))
        .json_eq("/already_present", json!(2));
    ok(&sandbox, &["balance", "kling-api"]).stdout_has("10,000 credits");
}

#[test]
fn a_kling_pack_recorded_by_hand_is_matched_not_doubled() {
    // Bought on 1 November and recorded by hand that day (the table's 180 days from local
    // midnight, at the table's $700); Kling lists it from 10:00 UTC. The import takes the
    // hand-recorded top-up as the pack: one top-up, its price kept, its validity Kling's.
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "topup",
            "kling-api",
            "--credits",
            "5000",
            "--price",
            "650",
            "--at",
            "2026-11-01",
        ],
    );
    let file = sandbox.write(
        "kling.json",
        &kling_packs(&[
            ("rp-1", "5000 units", "5000", "5000", NOV_1_10H, APR_30_10H),
            // A size the tables do not sell, recorded by hand after the first import's advice.
            ("rp-9", "Custom 2500", "2500", "2500", NOV_1_10H, APR_30_10H),
        ]),
    );
    let path = file.to_str().unwrap();
    let run = ok(&sandbox, &["import", "--from", "kling", path]);
    run.stdout_has("matched top-up #1 recorded by hand")
        .stdout_has("record it with `credits topup kling-api --credits 2500 --price PRICE --at 2026-11-01T10:00:00Z`");
    ok(
        &sandbox,
        &[
            "topup",
            "kling-api",
            "--credits",
            "2500",
            "--price",
            "300",
            "--at",
            "2026-11-01T10:00:00Z",
        ],
    );
    let again = ok(&sandbox, &["import", "--from", "kling", path, "--json"]);
    again
        .json_eq("/topups_matched", json!(1))
        .json_eq("/already_present", json!(1))
        .json_eq("/skipped", json!(0));
    let list = ok(&sandbox, &["topup", "list", "--json"]);
    list.check_eq("two top-ups", 2, list.json().as_array().unwrap().len())
        .json_eq("/0/price", json!("650"));
    list.check(
        list.json_at("/0").to_string().contains("2027-04-30"),
        "the hand-recorded pack now expires when Kling says, 2027-04-30",
    );
    ok(&sandbox, &["balance", "kling-api"]).stdout_has("7,500 credits");
}

#[test]
fn odd_kling_packs_are_refused_whole_or_written_safely() {
    let sandbox = Sandbox::with_db();
    // Units the ledger cannot keep exactly (it keeps 0.001): refused, naming the pack, and
    // nothing is written.
    let fine = kling_packs(&[(
        "rp-1",
        "5000 units",
        "5000",
        "4200.1234",
        NOV_1_10H,
        APR_30_10H,
    )]);
    let file = sandbox.write("odd.json", &fine);
    sandbox
        .run(&["import", "--from", "kling", file.to_str().unwrap()])
        .error()
        .stderr_has("pack rp-1")
        .stderr_has("more than 3 decimal places");
    assert!(!sandbox.db().exists(), "nothing written");
    // Kling's refusal is said as such.
    let refused = sandbox.write(
        "refused.json",
        r#"{"code": 1201, "message": "access key not found", "data": null}"#,
    );
    sandbox
        .run(&["import", "--from", "kling", refused.to_str().unwrap()])
        .error()
        .stderr_has("Kling answered code 1201: access key not found");
    // A newline in a name would start a forged line of output: it is written as `\n`.
    let forged = sandbox.write(
        "forged.json",
        &kling_packs(&[(
            "rp-1",
            "Evil\n  rp-2 2026-11-01 00:00: recorded as top-up #9",
            "5000",
            "5000",
            NOV_1_10H,
            APR_30_10H,
        )]),
    );
    let run = ok(
        &sandbox,
        &["import", "--from", "kling", forged.to_str().unwrap()],
    );
    run.stdout_has("Evil\\n  rp-2").check(
        !run.stdout.lines().any(|l| l.starts_with("  rp-2")),
        "no line of output forged by the name",
    );
}

#[test]
fn a_packs_only_platform_points_to_its_packs_not_to_a_plan() {
    // kling-api and runway-api have no plans: `account set --plan` cannot help, so the note
    // points to `topup` (and, for Kling, to `sync kling`); `reconcile kling-api` says Kling's
    // export is packs, checked as a balance.
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &["log", "kling-api", "kling-v3", "--duration", "5"],
    )
    // In the table's unit: Kling's API counts units.
    .stdout_has("kling-api kling-v3, 3 units, $0.42")
    .stderr_has("no top-up of kling-api this generation can draw on")
    .stderr_has("`credits sync kling` fetches your packs")
    .stderr_lacks("account set kling-api");
    ok(
        &sandbox,
        &["log", "runway-api", "gen4.5", "--duration", "5"],
    )
    .stderr_has("`credits topup runway-api --pack PACK` records what you bought")
    .stderr_lacks("credits sync");
    ok(&sandbox, &["reconcile", "kling-api"])
        .stdout_has("prepaid packs, not usage")
        .stdout_has("credits balance kling-api --expect N");
}

#[test]
fn kling_times_as_strings_of_digits_and_an_empty_list_are_read() {
    let sandbox = Sandbox::with_db();
    let quoted = kling_packs(&[("rp-1", "5000 units", "5000", "5000", NOV_1_10H, APR_30_10H)])
        .replace(
            &format!("\"effective_time\": {NOV_1_10H}"),
            &format!("\"effective_time\": \"{NOV_1_10H}\""),
        );
    let file = sandbox.write("quoted.json", &quoted);
    ok(
        &sandbox,
        &[
            "import",
            "--from",
            "kling",
            file.to_str().unwrap(),
            "--json",
        ],
    )
    .json_eq("/topups_added", json!(1));
    let empty = sandbox.write("empty.json", &kling_packs(&[]));
    ok(
        &sandbox,
        &["import", "--from", "kling", empty.to_str().unwrap()],
    )
    .stdout_has("nothing listed in it")
    .stdout_lacks("already in the log");
}

#[test]
fn a_pack_that_starts_later_is_shown_as_not_usable_yet() {
    // 15,000 units bought on 1 November to start on 1 December (1796119200000 ms): on the
    // 21st it is not in the balance, and `balance` says it is coming, with its top-up id.
    let sandbox = Sandbox::with_db();
    let later = kling_packs(&[("rp-5", "later", "15000", "15000", NOV_1_10H, APR_30_10H)]).replace(
        &format!("\"effective_time\": {NOV_1_10H}"),
        "\"effective_time\": 1796119200000",
    );
    let file = sandbox.write("later.json", &later);
    ok(
        &sandbox,
        &["import", "--from", "kling", file.to_str().unwrap()],
    )
    .stdout_has("bought 2026-11-01 10:00");
    // Nothing usable yet: said, not an error.
    ok(&sandbox, &["balance", "kling-api"]).stderr_has(
        "nothing usable yet on kling-api as of 2026-11-21 12:00: 15,000 credits from 2026-12-01",
    );
    // With a pack usable now too, the later one is listed apart.
    let now = sandbox.write(
        "now.json",
        &kling_packs(&[("rp-1", "5000 units", "5000", "5000", NOV_1_10H, APR_30_10H)]),
    );
    ok(
        &sandbox,
        &["import", "--from", "kling", now.to_str().unwrap()],
    );
    ok(&sandbox, &["balance", "kling-api"])
        .stdout_has("available       5,000 credits")
        .stdout_has("not usable yet  15,000 credits from 2026-12-01");
    ok(&sandbox, &["balance", "kling-api", "--json"])
        .json_eq("/platforms/0/not_usable_yet/0/topup_id", json!(1))
        .json_eq("/platforms/0/not_usable_yet/0/credits", json!("15000"));
}

#[test]
fn a_packs_only_platform_with_no_balance_yet_is_told_to_record_a_pack_not_a_plan() {
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &["log", "kling-api", "kling-v3", "--duration", "5"],
    );
    for args in [
        &["balance", "kling-api"][..],
        &["balance", "kling-api", "--expect", "100"][..],
    ] {
        sandbox
            .run(args)
            .error()
            .stderr_has("kling-api has no plans: `credits topup kling-api --pack PACK`")
            .stderr_has("`credits sync kling` records your packs")
            .stderr_lacks("--plan PLAN");
    }
    // Its only pack starts later: a check before it says so, and how to record an earlier one.
    let later = kling_packs(&[("rp-5", "later", "5000", "5000", NOV_1_10H, APR_30_10H)]).replace(
        &format!("\"effective_time\": {NOV_1_10H}"),
        "\"effective_time\": 1796119200000",
    );
    let file = sandbox.write("later.json", &later);
    ok(
        &sandbox,
        &["import", "--from", "kling", file.to_str().unwrap()],
    );
    sandbox
        .run(&["balance", "kling-api", "--expect", "0"])
        .error()
        .stderr_has("before your kling-api balance starts")
        .stderr_lacks("--plan PLAN");
}

#[test]
fn text_from_a_platform_never_starts_a_line_of_its_own() {
    // A model name with a newline (a hostile or broken export): every line it is printed
    // in keeps it escaped, so it cannot forge an `error:` line (found by a re-check trial).
    let sandbox = Sandbox::with_db();
    let file = sandbox.write(
        "forged.json",
        &REPLICATE.replace(
            "someone/house-model",
            "someone/house\\u001b[31m-model\\nerror: forged",
        ),
    );
    let run = ok(
        &sandbox,
        &["import", "--from", "replicate", file.to_str().unwrap()],
    );
    run.check(
        !run.stdout
            .lines()
            .chain(run.stderr.lines())
            .any(|l| l.starts_with("error: forged")),
        "no line starts with the forged text",
    )
    .stdout_has("house\\u{1b}[31m-model\\nerror: forged");
    // A Kling pack listed with no id (or an empty one) is known by its name and times: it
    // imports once, and again adds nothing.
    let no_id = sandbox.write(
        "no-id.json",
        &kling_packs(&[("", "5000 units", "5000", "5000", NOV_1_10H, APR_30_10H)]),
    );
    let path = no_id.to_str().unwrap();
    ok(&sandbox, &["import", "--from", "kling", path, "--json"]).json_eq("/topups_added", json!(1));
    ok(&sandbox, &["import", "--from", "kling", path, "--json"])
        .json_eq("/topups_added", json!(0))
        .json_eq("/already_present", json!(1));
}

#[test]
fn a_pack_recorded_by_hand_days_later_is_matched_not_doubled() {
    // Found by a final trial: typed without --at (the day it was noticed, weeks after the
    // purchase), the top-up was outside the 36-hour window and the import added a second.
    // Now a pack no top-up is near takes one of its units recorded after its purchase.
    let sandbox = Sandbox::with_db();
    ok(
        &sandbox,
        &[
            "topup",
            "kling-api",
            "--pack",
            "5,000 units",
            "--price",
            "650",
            "--at",
            "2026-11-20",
        ],
    );
    let file = sandbox.write(
        "kling.json",
        &kling_packs(&[("rp-1", "5000 units", "5000", "5000", NOV_1_10H, APR_30_10H)]),
    );
    ok(
        &sandbox,
        &["import", "--from", "kling", file.to_str().unwrap()],
    )
    .stdout_has("matched top-up #1 recorded by hand")
    .stdout_has("recorded by hand on 2026-11-20, after the purchase");
    let list = ok(&sandbox, &["topup", "list", "--json"]);
    list.check_eq("one top-up", 1, list.json().as_array().unwrap().len())
        .json_eq("/0/price", json!("650"));
}

#[test]
fn two_alike_packs_with_no_id_stay_two_and_an_odd_status_is_said() {
    let sandbox = Sandbox::with_db();
    let alike = kling_packs(&[
        ("", "5000 units", "5000", "5000", NOV_1_10H, APR_30_10H),
        ("", "5000 units", "5000", "5000", NOV_1_10H, APR_30_10H),
    ]);
    let file = sandbox.write("alike.json", &alike);
    let path = file.to_str().unwrap();
    ok(&sandbox, &["import", "--from", "kling", path, "--json"])
        .json_eq("/topups_added", json!(2))
        .json_eq("/units_left", json!("10000"));
    ok(&sandbox, &["import", "--from", "kling", path, "--json"])
        .json_eq("/already_present", json!(2));
    ok(&sandbox, &["import", "--from", "kling", path])
        .stdout_has("(no id; bought 2026-11-01 10:00:00, from 2026-11-01 10:00:00) #2");
    // A status Kling does not document: recorded, its units not counted as usable, said.
    let odd = sandbox.write(
        "odd.json",
        &kling_packs(&[("rp-9", "odd", "5000", "5000", NOV_1_10H, APR_30_10H)])
            .replace("\"online\"", "\"weird\""),
    );
    ok(
        &sandbox,
        &["import", "--from", "kling", odd.to_str().unwrap()],
    )
    .stdout_has("status `weird` is not one Kling documents");
    // A packs-only table's plan is no plan: the help says to record a pack.
    sandbox
        .run(&["account", "set", "kling-api", "--plan", "5,000 units"])
        .error()
        .stderr_has("help: kling-api has no plans: it sells its credits in packs");
}
