//! `credits sync` through the binary (issue 23, "Fetch it directly"): against a server on
//! 127.0.0.1 that the test starts, replaying the documented shapes: two pages, a 429 with
//! Retry-After and then success (everything imported once), a 401 (a clear error naming the
//! variable to set), a body cut short (a clear error, nothing written); and no key in any
//! output.

mod common;

use common::{Run, Sandbox};
use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// One scripted answer. `{BASE}` in the body is the server's own address.
struct Reply {
    status: u16,
    headers: Vec<(&'static str, &'static str)>,
    body: String,
    /// Announce more bytes than are sent, then close: a response cut short.
    cut_short: bool,
}

fn ok(body: &str) -> Reply {
    Reply {
        status: 200,
        headers: vec![],
        body: body.to_string(),
        cut_short: false,
    }
}

/// A server answering one connection per reply, in order, then gone; it keeps each request
/// (request line, headers, body) as text.
struct Server {
    base: String,
    requests: Arc<Mutex<Vec<String>>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start(replies: Vec<Reply>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
        let base = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&requests);
        let own = base.clone();
        let thread = std::thread::spawn(move || {
            for reply in replies {
                let Ok((mut stream, _)) = listener.accept() else {
                    return;
                };
                kept.lock().unwrap().push(read_request(&mut stream));
                let body = reply.body.replace("{BASE}", &own);
                let length = body.len() + if reply.cut_short { 200 } else { 0 };
                let mut head = format!(
                    "HTTP/1.1 {} X\r\nContent-Type: application/json\r\nConnection: close\r\n\
                     Content-Length: {length}\r\n",
                    reply.status
                );
                for (name, value) in &reply.headers {
                    head.push_str(&format!("{name}: {value}\r\n"));
                }
                head.push_str("\r\n");
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(body.as_bytes());
                let _ = stream.flush();
            }
        });
        Server {
            base,
            requests,
            thread: Some(thread),
        }
    }

    /// The requests received so far (waits for the server to have answered them all).
    fn requests(mut self) -> Vec<String> {
        if let Some(t) = self.thread.take() {
            t.join().expect("the server thread");
        }
        self.requests.lock().unwrap().clone()
    }
}

/// A request's text: up to the blank line, then the body its Content-Length says.
fn read_request(stream: &mut std::net::TcpStream) -> String {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = stream.read(&mut buf).unwrap_or(0);
        if n == 0 {
            break;
        }
        data.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&data).to_string();
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case("content-length")
                        .then(|| v.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if data.len() >= end + 4 + length {
                break;
            }
        }
    }
    String::from_utf8_lossy(&data).to_string()
}

const TOKEN: &str = "r8_s3cr3t-token-value";

fn sandbox(server: &Server) -> Sandbox {
    let mut s = Sandbox::new();
    s.env("CREDITS_SYNC_BASE_URL", &server.base);
    s.env("REPLICATE_API_TOKEN", TOKEN);
    s
}

/// No output of the run holds the key (or any part of it long enough to matter).
fn no_key(run: &Run, key: &str) {
    run.check(
        !run.stdout.contains(key) && !run.stderr.contains(key),
        "no key in the output",
    );
}

/// A Replicate predictions page (newest first), `next` the page after it or null.
fn predictions(items: &[(&str, &str, &str)], next: Option<&str>) -> String {
    let results: Vec<String> = items
        .iter()
        .map(|(id, created, status)| {
            format!(
                r#"{{"id": "{id}", "model": "black-forest-labs/flux-schnell",
                    "version": "5599ed30", "status": "{status}", "source": "api",
                    "created_at": "{created}", "started_at": "{created}",
                    "completed_at": "{created}", "metrics": {{"predict_time": 1.25}},
                    "urls": {{"get": "https://api.replicate.com/v1/predictions/{id}"}}}}"#
            )
        })
        .collect();
    format!(
        r#"{{"previous": null, "next": {}, "results": [{}]}}"#,
        next.map_or("null".to_string(), |n| format!("\"{n}\"")),
        results.join(",")
    )
}

fn entries(s: &Sandbox) -> Vec<Value> {
    let run = s.run(&["history", "--json"]);
    run.success();
    run.json().as_array().cloned().unwrap_or_default()
}

#[test]
fn two_pages_and_a_rate_limit_are_imported_once() {
    let page1 = predictions(
        &[
            ("p3", "2026-11-20T10:00:00Z", "succeeded"),
            ("p2", "2026-11-19T10:00:00Z", "failed"),
        ],
        Some("{BASE}/v1/predictions?cursor=cD0y"),
    );
    let page2 = predictions(&[("p1", "2026-11-18T10:00:00Z", "succeeded")], None);
    let server = Server::start(vec![
        ok(&page1),
        Reply {
            status: 429,
            headers: vec![("Retry-After", "1")],
            body: r#"{"detail": "Request was throttled."}"#.into(),
            cut_short: false,
        },
        ok(&page2),
    ]);
    let s = sandbox(&server);
    let run = s.run(&["sync", "replicate", "--since", "2026-11-01"]);
    run.success()
        .stdout_has("fetched 2 pages from http://127.0.0.1")
        .stdout_has("3 requests, 1 retried after a rate limit")
        .stdout_has("3 generations added");
    no_key(&run, TOKEN);
    let requests = server.requests();
    run.check_eq("requests made", 3, requests.len());
    for r in &requests {
        run.check(
            r.contains(&format!("Bearer {TOKEN}")),
            "the token sent in the Authorization header",
        );
    }
    run.check(
        requests[0].starts_with("GET /v1/predictions HTTP/1.1"),
        "the first page is the list itself",
    );
    // The page after the 429 is the same request again: the `next` URL.
    for r in &requests[1..] {
        run.check(
            r.starts_with("GET /v1/predictions?cursor=cD0y HTTP/1.1"),
            "the next page by its `next` URL",
        );
    }
    let logged = entries(&s);
    let mut ids: Vec<(String, String)> = logged
        .iter()
        .map(|e| {
            (
                e["model"].as_str().unwrap_or_default().to_string(),
                e["status"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    ids.sort();
    run.check_eq(
        "the entries: one per prediction, the failed one refunded (flux-schnell, an \
         official model billed per output, charges nothing for a failure)",
        vec![
            ("flux-schnell".to_string(), "ok".to_string()),
            ("flux-schnell".to_string(), "ok".to_string()),
            ("flux-schnell".to_string(), "refunded".to_string()),
        ],
        ids,
    );

    // Again, the same two pages: nothing is added twice.
    let server = Server::start(vec![ok(&page1), ok(&page2)]);
    let mut s = s;
    s.env("CREDITS_SYNC_BASE_URL", &server.base);
    s.run(&["sync", "replicate", "--since", "2026-11-01"])
        .success()
        .stdout_has("3 already in the log");
    server.requests();
    run.check_eq("entries after syncing twice", 3, entries(&s).len());
}

#[test]
fn a_refused_key_names_the_variable_and_shows_no_key() {
    // A server that echoes the token back in its error must not put it on the terminal.
    let server = Server::start(vec![Reply {
        status: 401,
        headers: vec![],
        body: format!(r#"{{"detail": "Invalid token: {TOKEN}"}}"#),
        cut_short: false,
    }]);
    let s = sandbox(&server);
    let run = s.run(&["sync", "replicate"]);
    run.error()
        .stderr_has("Replicate refused the key in REPLICATE_API_TOKEN (HTTP 401)")
        .stderr_has("help: set REPLICATE_API_TOKEN");
    no_key(&run, TOKEN);
    server.requests();
    s.run(&["history"]).success().stdout_has("no entries");

    // Another status with the token in its body: said, the token redacted.
    let server = Server::start(vec![Reply {
        status: 500,
        headers: vec![],
        body: format!(r#"{{"detail": "upstream saw Bearer {TOKEN}"}}"#),
        cut_short: false,
    }]);
    let mut s = s;
    s.env("CREDITS_SYNC_BASE_URL", &server.base);
    let run = s.run(&["sync", "replicate"]);
    run.error()
        .stderr_has("Replicate answered HTTP 500")
        .stderr_has("[redacted]");
    no_key(&run, TOKEN);
    server.requests();

    // The token where the message's excerpt of the body ends (300 characters): hidden whole,
    // not cut in two with its first half shown (a new-user trial found that).
    let server = Server::start(vec![Reply {
        status: 500,
        headers: vec![],
        body: format!("{} key={TOKEN}", "x".repeat(285)),
        cut_short: false,
    }]);
    s.env("CREDITS_SYNC_BASE_URL", &server.base);
    let run = s.run(&["sync", "replicate"]);
    run.error().stderr_has("Replicate answered HTTP 500");
    no_key(&run, &TOKEN[..TOKEN.len() / 2]);
    server.requests();

    // No key at all: the variable to set, and no request made.
    let mut bare = Sandbox::new();
    bare.env("CREDITS_SYNC_BASE_URL", "http://127.0.0.1:9");
    bare.run(&["sync", "kling"])
        .error()
        .stderr_has("KLING_ACCESS_KEY is not set");
}

#[test]
fn a_page_cut_short_is_an_error_and_nothing_is_written() {
    let page1 = predictions(
        &[("p2", "2026-11-19T10:00:00Z", "succeeded")],
        Some("{BASE}/v1/predictions?cursor=cD0y"),
    );
    let page2 = predictions(&[("p1", "2026-11-18T10:00:00Z", "succeeded")], None);
    let server = Server::start(vec![
        ok(&page1),
        Reply {
            status: 200,
            headers: vec![],
            body: page2[..page2.len() / 2].to_string(),
            cut_short: true,
        },
    ]);
    let s = sandbox(&server);
    let run = s.run(&["sync", "replicate", "--since", "2026-11-01"]);
    run.error()
        .stderr_has("cut short")
        .stderr_has("nothing was imported");
    no_key(&run, TOKEN);
    server.requests();
    // Not even the first page's prediction: all or nothing.
    s.run(&["history"]).success().stdout_has("no entries");
}

#[test]
fn the_other_platforms_are_asked_as_documented() {
    // fal: two pages by cursor, the admin key as `Key …`.
    let fal_page = |cursor: Option<&str>, day: &str| {
        format!(
            r#"{{"time_series": [{{"bucket": "{day}T00:00:00Z", "results": [{{
                "endpoint_id": "fal-ai/veo3", "unit": "video_second", "quantity": 8,
                "unit_price": 0.75, "cost": 6, "currency": "USD", "auth_method": "key"}}]}}],
                "next_cursor": {}, "has_more": {}}}"#,
            cursor.map_or("null".to_string(), |c| format!("\"{c}\"")),
            cursor.is_some()
        )
    };
    let server = Server::start(vec![
        ok(&fal_page(Some("Mg=="), "2026-11-19")),
        ok(&fal_page(None, "2026-11-20")),
    ]);
    let mut s = Sandbox::new();
    s.env("CREDITS_SYNC_BASE_URL", &server.base);
    s.env("FAL_KEY", "fal-admin-key-123");
    let run = s.run(&["sync", "fal", "--since", "2026-11-15"]);
    run.success().stdout_has("2 billed lines added");
    no_key(&run, "fal-admin-key-123");
    let requests = server.requests();
    run.check(
        requests[0].starts_with(
            "GET /v1/models/usage?start=2026-11-15&end=2026-11-22&timeframe=day&expand=time_series HTTP",
        ),
        "fal's usage for the days asked",
    )
    .check(
        requests[1].contains("&cursor=Mg%3D%3D HTTP"),
        "the second page by its cursor",
    )
    .check(
        requests[0].contains("Key fal-admin-key-123"),
        "the admin key as `Key …`",
    );

    // OpenAI: the costs, the next page by `next_page` while `has_more`.
    let costs = |day: i64, next: Option<&str>| {
        format!(
            r#"{{"object": "page", "data": [{{"object": "bucket", "start_time": {day},
                "end_time": {}, "results": [{{"object": "organization.costs.result",
                "amount": {{"value": 1.5, "currency": "usd"}}, "line_item": "sora-2, input",
                "project_id": null}}]}}], "has_more": {}, "next_page": {}}}"#,
            day + 86_400,
            next.is_some(),
            next.map_or("null".to_string(), |n| format!("\"{n}\""))
        )
    };
    let server = Server::start(vec![
        ok(&costs(1_795_132_800, Some("page_AAA"))),
        ok(&costs(1_795_219_200, None)),
    ]);
    s.env("CREDITS_SYNC_BASE_URL", &server.base);
    s.env("OPENAI_ADMIN_KEY", "sk-admin-openai");
    let run = s.run(&["sync", "openai", "--since", "2026-11-20"]);
    run.success().stdout_has("2 billed lines added");
    no_key(&run, "sk-admin-openai");
    let requests = server.requests();
    // 2026-11-20T00:00:00Z is 1,795,132,800 s.
    run.check(
        requests[0].starts_with(
            "GET /v1/organization/costs?start_time=1795132800&bucket_width=1d&group_by=line_item&limit=30 HTTP",
        ),
        "OpenAI's costs from the day asked",
    )
    .check(
        requests[1].contains("&page=page_AAA HTTP"),
        "the second page by next_page",
    );

    // Runway: a POST of the date range, with the API version.
    let server = Server::start(vec![ok(
        r#"{"results": [{"date": "2026-11-20", "usedCredits": [{"model": "gen4_turbo", "amount": 50}]}],
            "models": ["gen4_turbo"]}"#,
    )]);
    s.env("CREDITS_SYNC_BASE_URL", &server.base);
    s.env("RUNWAYML_API_SECRET", "key_runway_secret");
    let run = s.run(&["sync", "runway", "--since", "2026-11-01"]);
    run.success();
    no_key(&run, "key_runway_secret");
    let requests = server.requests();
    let r = &requests[0];
    run.check(
        r.starts_with("POST /v1/organization/usage HTTP"),
        "Runway's usage is a POST",
    )
    .check(
        r.to_ascii_lowercase()
            .contains("x-runway-version: 2024-11-06"),
        "the API version header",
    )
    .check(
        r.ends_with(r#"{"startDate":"2026-11-01","beforeDate":"2026-11-22"}"#),
        "the range asked",
    );

    // Kling: a JWT from the two keys, neither key shown.
    let server = Server::start(vec![ok(
        r#"{"code": 0, "message": "SUCCEED", "request_id": "r1", "data": {"code": 0, "msg": "",
            "resource_pack_subscribe_infos": []}}"#,
    )]);
    s.env("CREDITS_SYNC_BASE_URL", &server.base);
    s.env("KLING_ACCESS_KEY", "ak-kling-access");
    s.env("KLING_SECRET_KEY", "sk-kling-secret");
    let run = s.run(&["sync", "kling", "--since", "2026-11-01"]);
    run.success();
    no_key(&run, "sk-kling-secret");
    no_key(&run, "ak-kling-access");
    let requests = server.requests();
    let auth = requests[0]
        .lines()
        .find_map(|l| {
            l.strip_prefix("authorization: Bearer ")
                .or_else(|| l.strip_prefix("Authorization: Bearer "))
        })
        .unwrap_or_default()
        .to_string();
    run.check(
        auth.split('.').count() == 3 && auth.starts_with("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."),
        "a JWT signed HS256",
    )
    .check(!auth.contains("sk-kling-secret"), "the secret key not sent")
    .check(
        // A year back (2025-11-21 12:00 UTC, in ms) whatever --since says: every pack
        // still usable must be listed, their units left being the balance checked.
        requests[0].starts_with("GET /account/costs?start_time=1763726400000&end_time="),
        "the resource packs of the last year, in ms",
    );

    // Plain HTTP to another machine is refused before anything is sent.
    s.env("CREDITS_SYNC_BASE_URL", "http://api.example.com");
    s.run(&["sync", "fal"])
        .error()
        .stderr_has("refusing plain http:// to another machine");
}

#[test]
fn sync_kling_records_its_packs_and_checks_the_units_they_have_left() {
    // One pack: the table's 5,000 units ($700), usable from 2026-11-05 00:00 UTC until
    // 2027-05-04 00:00 (1809388800000 ms), 4,988 units left. The ledger knows of one 5 s
    // kling-v3 clip (3 units) logged after the sync: 4,997 left; the platform says 4,988, so
    // 9 units were used that the log does not have.
    let mut s = Sandbox::with_db();
    let pack = r#"{"code": 0, "message": "SUCCEED", "request_id": "r1", "data": {"code": 0, "msg": "",
        "resource_pack_subscribe_infos": [
        {"resource_pack_name": "5000 units", "resource_pack_id": 9012,
         "total_quantity": 5000, "remaining_quantity": 4988,
         "purchase_time": 1793836800000, "effective_time": 1793836800000,
         "invalid_time": 1809388800000, "status": "online"}]}}"#;
    let server = Server::start(vec![ok(pack), ok(pack), ok(pack)]);
    s.env("CREDITS_SYNC_BASE_URL", &server.base);
    s.env("KLING_ACCESS_KEY", "ak-kling-access");
    s.env("KLING_SECRET_KEY", "sk-kling-secret");
    let run = s.run(&["sync", "kling"]);
    run.success()
        .stdout_has("1 pack as a top-up recorded")
        .stdout_has("priced as the tables' pack 5,000 units ($700.00)")
        .stdout_has("platform shows  4,988 credits")
        .stdout_has("ledger          5,000 credits");
    common::ok(&s, &["log", "kling-api", "kling-v3", "--duration", "5"]);
    let again = s.run(&["sync", "kling"]);
    again
        .success()
        .stdout_has("since 2025-11-21 12:00 UTC")
        .stdout_has("1 already in the log")
        .stdout_lacks("recorded as a top-up")
        .stdout_has("ledger          4,997 credits")
        .stdout_has("difference      9 credits fewer on the platform");
    // --json: the import and the check in one document.
    let json = s.run(&["sync", "kling", "--json"]);
    json.success()
        .json_eq("/balance_check/expected", serde_json::json!("4988"))
        .json_eq("/balance_check/ledger", serde_json::json!("4997"))
        .json_eq("/balance_check/matched", serde_json::json!(false))
        .json_eq("/units_left", serde_json::json!("4988"));
    // The checks are kept: `balance` shows the last one.
    common::ok(&s, &["balance", "kling-api"])
        .stdout_has("last checked   differed on 2026-11-21: 9 credits fewer on the platform");
    let topups = common::ok(&s, &["topup", "list", "--json"]);
    topups
        .check_eq("one top-up", 1, topups.json().as_array().unwrap().len())
        .json_eq("/0/credits", serde_json::json!("5000"));
}

#[test]
fn sync_kling_says_the_units_of_a_pack_it_could_not_record() {
    // The table's 5,000 units (4,988 left) and a 2,500-unit pack the tables do not sell (all
    // left): the platform shows 7,488, but only the recorded pack's 4,988 are checked
    // against the ledger's 5,000 (12 used, not logged); the 2,500 are said apart, never an
    // `adjust` (found by a re-check trial: it suggested adding units that do not exist).
    let mut s = Sandbox::with_db();
    let packs = r#"{"code": 0, "message": "SUCCEED", "request_id": "r1", "data": {"code": 0, "msg": "",
        "resource_pack_subscribe_infos": [
        {"resource_pack_name": "5000 units", "resource_pack_id": 9012,
         "total_quantity": 5000, "remaining_quantity": 4988,
         "purchase_time": 1793836800000, "effective_time": 1793836800000,
         "invalid_time": 1809388800000, "status": "online"},
        {"resource_pack_name": "Custom", "resource_pack_id": 9013,
         "total_quantity": 2500, "remaining_quantity": 2500,
         "purchase_time": 1793836800000, "effective_time": 1793836800000,
         "invalid_time": 1809388800000, "status": "online"}]}}"#;
    let server = Server::start(vec![ok(packs)]);
    s.env("CREDITS_SYNC_BASE_URL", &server.base);
    s.env("KLING_ACCESS_KEY", "ak");
    s.env("KLING_SECRET_KEY", "sk");
    s.run(&["sync", "kling"])
        .success()
        .stdout_has("platform shows  4,988 credits")
        .stdout_has("ledger          5,000 credits")
        .stdout_has("credits adjust kling-api -12")
        .stdout_has("2,500 more units are in packs not recorded above");
}

#[test]
fn a_kling_refusal_with_line_breaks_is_said_on_one_line() {
    let mut s = Sandbox::with_db();
    let server = Server::start(vec![ok(
        r#"{"code": 1002, "message": "bad\u001b[2J key\r\nerror: fake", "data": null}"#,
    )]);
    s.env("CREDITS_SYNC_BASE_URL", &server.base);
    s.env("KLING_ACCESS_KEY", "ak");
    s.env("KLING_SECRET_KEY", "sk");
    let run = s.run(&["sync", "kling"]);
    run.error().stderr_has("Kling answered code 1002").check(
        !run.stderr.lines().any(|l| l.starts_with("error: fake")),
        "the platform's text forged no line",
    );
}
