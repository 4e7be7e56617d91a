//! Tables that fit (issue "Terminal craft", part 1): at any width a table never splits a word
//! or a number; it hides its least useful columns (or cuts free text with `…`) and says which
//! in one line; `--wide` shows all; an unknown width prints the table whole.
//!
//! Held at the binary: every table line fits `COLUMNS`, and every money and credit value of
//! the command's `--json` appears whole in its (essential) column.

mod common;

use common::{ok, Run, Sandbox};
use serde_json::Value;

const WIDTHS: [usize; 3] = [60, 80, 120];

/// A log across two projects, a failed entry (owed a refund) and a runway account.
fn logged() -> Sandbox {
    let sandbox = Sandbox::with_db();
    common::account_set(&sandbox, "runway", "standard", "2026-11-01");
    for args in [
        &["--duration", "10", "--project", "client launch video"][..],
        &[
            "--duration",
            "5",
            "--project",
            "b-roll",
            "--note",
            "a long note",
        ],
        &[
            "--duration",
            "5",
            "--project",
            "client launch video",
            "--failed",
        ],
        &[
            "--duration",
            "10",
            "--project",
            "b-roll",
            "--tag",
            "client=acme",
        ],
    ] {
        let mut all = vec!["log", "runway", "gen-4"];
        all.extend(args);
        ok(&sandbox, &all);
    }
    sandbox
}

/// `credits ARGS` at `width` (`COLUMNS`), or with no `COLUMNS` (piped: unknown width).
fn at(sandbox: &Sandbox, width: Option<usize>, args: &[&str]) -> Run {
    let mut cmd = sandbox.command(args);
    match width {
        Some(w) => cmd.env("COLUMNS", w.to_string()),
        None => cmd.env_remove("COLUMNS"),
    };
    let run = sandbox.finished(args, cmd.output().expect("run credits"));
    run.success();
    run
}

/// The lines of tables (a piped table line starts with a space) and of the hidden-columns note.
fn table_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut in_note = false;
    for line in text.lines() {
        if line.starts_with("(hidden") || line.starts_with("(shortened") {
            in_note = true;
        }
        if in_note || line.starts_with(' ') {
            out.push(line);
        }
        // The note may wrap: "…; --wide shows" / "all)".
        if line.ends_with("all)") {
            in_note = false;
        }
    }
    out
}

fn assert_fits(run: &Run, width: usize) {
    let lines = table_lines(&run.stdout);
    run.check(!lines.is_empty(), "a table");
    for line in lines {
        let n = line.chars().count();
        // Wrapped prose goes on indented, like a piped table row: a URL alone on its line
        // cannot fit (see `assert_every_line_fits`).
        if n > width && line.trim().contains(' ') {
            run.fail(format!("lines of at most {width} chars"), (n, line));
        }
    }
}

/// The columns each "hidden" note names, one list per note.
fn hidden(text: &str) -> Vec<Vec<String>> {
    // A wrapped note continues on lines indented by two.
    let joined = text
        .lines()
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join(" ");
    joined
        .split("(hidden to fit ")
        .skip(1)
        .map(|rest| {
            let rest = &rest[..rest.find("; --wide shows all)").expect("note ends")];
            let names = rest.split_once(": ").expect("names").1;
            names.split(", ").map(String::from).collect()
        })
        .collect()
}

/// The tables of a text whose header has these columns (in order; hidden ones absent): one
/// map of header to cell per row, cells cut at the header's columns.
fn tables(text: &str, headers: &[&str]) -> Vec<Vec<Vec<(String, String)>>> {
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(starts) = header_starts(&lines[i], headers) else {
            i += 1;
            continue;
        };
        let mut rows = Vec::new();
        i += 1;
        while i < lines.len() && lines[i].first() == Some(&' ') {
            let line = &lines[i];
            let row = starts
                .iter()
                .enumerate()
                .map(|(k, (name, start))| {
                    let end = starts.get(k + 1).map_or(line.len(), |(_, s)| *s);
                    let cell: String = line
                        .get(*start..end.min(line.len()))
                        .unwrap_or(&[])
                        .iter()
                        .collect();
                    (name.to_string(), cell.trim().to_string())
                })
                .collect();
            rows.push(row);
            i += 1;
        }
        out.push(rows);
    }
    out
}

/// Where each shown header starts in a header line (it must start with the first header;
/// an empty first header is a column of labels, `report`'s `total`, before the second).
fn header_starts(line: &[char], headers: &[&str]) -> Option<Vec<(String, usize)>> {
    let text: String = line.iter().collect();
    let mut found = Vec::new();
    if headers[0].is_empty() {
        if !text.starts_with("  ") || !text.trim_start().starts_with(headers[1]) {
            return None;
        }
        found.push((String::new(), 1));
    } else if !text.starts_with(&format!(" {}", headers[0])) {
        return None;
    }
    let mut from = 1;
    for name in headers.iter().filter(|h| !h.is_empty()) {
        let name_chars: Vec<char> = name.chars().collect();
        let pos = (from..line.len()).find(|&p| {
            line[p..].starts_with(&name_chars)
                && (p == 1 || line[p - 2..p] == [' ', ' '])
                && (p + name_chars.len() == line.len()
                    || line[p + name_chars.len()..].starts_with(&[' ', ' ']))
        });
        if let Some(p) = pos {
            found.push((name.to_string(), p));
            from = p + name_chars.len();
        }
    }
    (found.len() >= 2).then_some(found)
}

fn cell<'a>(row: &'a [(String, String)], name: &str) -> Option<&'a str> {
    row.iter().find(|(h, _)| h == name).map(|(_, c)| c.as_str())
}

/// Credits as the tables show them: exact, with thousands separators.
fn credits_text(text: &str) -> String {
    let (int, frac) = text.split_at(text.find('.').unwrap_or(text.len()));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    grouped + frac
}

/// The JSON amount `name` of `object` as `(min, max)` decimal strings: exact (both the same),
/// a range (`min_name`, `max_name`, the max null when open), or `None` when unknown.
fn amount(object: &Value, name: &str) -> Option<(String, Option<String>)> {
    match &object[name] {
        Value::String(v) => Some((v.clone(), Some(v.clone()))),
        _ => object[format!("min_{name}")].as_str().map(|min| {
            (
                min.to_string(),
                object[format!("max_{name}")].as_str().map(String::from),
            )
        }),
    }
}

/// The parts of a shown amount: `$0.10–$0.40` → [`$0.10`, `$0.40`], `from 3` → [`3`].
fn shown_parts(shown: &str) -> Vec<&str> {
    shown
        .strip_prefix("from ")
        .unwrap_or(shown)
        .split('–')
        .collect()
}

/// A money cell shows the JSON amount whole: `$` and every digit, within half its last digit.
fn assert_money(run: &Run, shown: &str, object: &Value, name: &str) {
    let Some((min, max)) = amount(object, name) else {
        run.check(
            ["unknown", "-"].contains(&shown),
            &format!("unknown money shown as such: {shown}"),
        );
        return;
    };
    let parts = shown_parts(shown);
    let expected: Vec<String> = [Some(min), max].into_iter().flatten().collect();
    let expected = if expected.len() == 2 && expected[0] == expected[1] {
        &expected[..1]
    } else {
        &expected[..]
    };
    run.check_eq(
        &format!("money parts of {shown}"),
        expected.len(),
        parts.len(),
    );
    for (part, exact) in parts.iter().zip(expected) {
        let exact: f64 = exact.parse().unwrap();
        let digits = part
            .strip_prefix('$')
            .unwrap_or_else(|| run.fail("a money cell", shown));
        let digits = digits.split('/').next().unwrap().replace(',', "");
        run.check(
            digits.contains('.') && digits.chars().all(|c| c.is_ascii_digit() || c == '.'),
            &format!("a whole amount: {shown}"),
        );
        let decimals = digits.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
        let value: f64 = digits.parse().unwrap();
        let half = 0.5 * 10f64.powi(-decimals);
        if (value - exact).abs() >= half + 1e-12 {
            run.fail(format!("{exact} whole"), shown);
        }
    }
}

/// A credits cell shows the JSON amount exactly.
fn assert_credits(run: &Run, shown: &str, object: &Value, name: &str) {
    let expected = match amount(object, name) {
        None => {
            run.check(["unknown", "-"].contains(&shown), "unknown credits");
            return;
        }
        Some((min, Some(max))) if min == max => credits_text(&min),
        Some((min, Some(max))) => format!("{}–{}", credits_text(&min), credits_text(&max)),
        Some((min, None)) => format!("from {}", credits_text(&min)),
    };
    run.check_eq("credits shown whole", expected.as_str(), shown);
}

#[test]
fn compare_fits_and_keeps_credits_and_the_price_per_second_whole() {
    let sandbox = Sandbox::new();
    let json = ok(&sandbox, &["compare", "--json"]).json();
    let quotes = json.as_array().unwrap();
    let headers = [
        "#",
        "platform",
        "model",
        "credits",
        "plan",
        "$/credit",
        "per clip",
        "per second",
        "free tier",
    ];
    for width in WIDTHS {
        let run = at(&sandbox, Some(width), &["compare"]);
        assert_fits(&run, width);
        let rows = &tables(&run.stdout, &headers)[0];
        run.check_eq("one row per quote", quotes.len(), rows.len());
        // Issue 22, item 5: the platform ids give way (cut) before a model's variant is.
        let cut = |name: &str| rows.iter().any(|r| cell(r, name).unwrap().ends_with('…'));
        run.check(
            !cut("model") || cut("platform"),
            "no model cut while the platform ids are whole",
        );
        if width >= 80 {
            run.check(!cut("model"), "every model whole from 80 columns");
        }
        for (row, q) in rows.iter().zip(quotes) {
            let platform = cell(row, "platform").unwrap();
            let id = q["platform"].as_str().unwrap();
            if platform != id {
                let kept = platform
                    .strip_suffix('…')
                    .unwrap_or_else(|| run.fail(id, platform));
                run.check(id.starts_with(kept), &format!("{platform} cut from {id}"));
            }
            // The credits give way at 60 (hidden whole, never cut).
            if let Some(credits) = cell(row, "credits") {
                assert_credits(&run, credits, q, "credits");
            } else {
                run.check(width < 80, "credits shown from 80 columns");
            }
            assert_money(&run, cell(row, "per second").unwrap(), q, "cost_per_second");
        }
    }
}

#[test]
fn report_by_project_fits_with_credits_and_cost_whole() {
    let sandbox = logged();
    let json = ok(&sandbox, &["report", "--by", "project", "--json"]).json();
    let mut expected: Vec<&Value> = json["rows"].as_array().unwrap().iter().collect();
    expected.push(&json["total"]);
    let headers = [
        "project",
        "clips",
        "seconds",
        "credits",
        "refunded",
        "owed",
        "cost",
        "per credit",
        "per second",
        "per kept second",
    ];
    for width in WIDTHS {
        let run = at(&sandbox, Some(width), &["report", "--by", "project"]);
        assert_fits(&run, width);
        let rows = &tables(&run.stdout, &headers)[0];
        run.check_eq("rows and total", expected.len(), rows.len());
        for (row, r) in rows.iter().zip(&expected) {
            assert_credits(&run, cell(row, "credits").unwrap(), r, "credits");
            assert_money(&run, cell(row, "cost").unwrap(), r, "cost");
        }
    }
    // The project names are whole at 120 and cut with `…` (never wrapped) when the columns
    // a row is read for leave no room: two group keys at 60.
    at(&sandbox, Some(120), &["report", "--by", "project"]).stdout_has("client launch video");
    at(
        &sandbox,
        Some(60),
        &["report", "--by", "project", "--by", "month"],
    )
    .stdout_has("client laun…")
    .stdout_lacks("client launch video");
}

#[test]
fn history_fits_with_what_a_row_is_read_for_and_numbers_whole() {
    // Issue 22: at 80 columns `history` once hid time and status, so failed entries could not
    // be told apart. The id, time, model, status and cost stay at every width; the credits
    // give way at 60 (hidden whole, never cut).
    let sandbox = logged();
    // Long model names, two alike up to their last part, and a refunded one: at 60 they were
    // once cut (`pika-2.5-tur…`, `extended-vid…`) while the time kept ` +00:00`.
    for args in [
        &["pika", "pika-2.5-turbo", "--duration", "5"][..],
        &["pika", "pika-2.5-pro", "--duration", "5", "--failed"],
        &["pika", "extended-video"],
    ] {
        let mut all = vec!["log"];
        all.extend(args);
        ok(&sandbox, &all);
    }
    let failed = ok(&sandbox, &["history", "--json", "--limit", "2"]).json()[1]["id"].to_string();
    ok(&sandbox, &["refund", &failed]);
    let json = ok(&sandbox, &["history", "--json"]).json();
    let entries = json.as_array().unwrap();
    let headers = [
        "id", "time", "platform", "model", "request", "credits", "cost", "project", "tags",
        "status",
    ];
    for width in WIDTHS {
        let run = at(&sandbox, Some(width), &["history"]);
        assert_fits(&run, width);
        let rows = &tables(&run.stdout, &headers)[0];
        run.check_eq("one row per entry", entries.len(), rows.len());
        for (row, e) in rows.iter().zip(entries) {
            run.check_eq("id", e["id"].to_string().as_str(), cell(row, "id").unwrap());
            for essential in ["time", "model", "status"] {
                run.check(cell(row, essential).is_some(), essential);
            }
            run.check_eq(
                "the model whole",
                e["model"].as_str().unwrap(),
                cell(row, "model").unwrap(),
            );
            let status = cell(row, "status").unwrap();
            run.check(
                status.starts_with(e["status"].as_str().unwrap()),
                "the entry's status",
            );
            if width >= 80 {
                assert_credits(&run, cell(row, "credits").unwrap(), e, "credits");
            } else if let Some(credits) = cell(row, "credits") {
                assert_credits(&run, credits, e, "credits");
            }
            assert_money(&run, cell(row, "cost").unwrap(), e, "cost");
        }
    }
}

#[test]
fn history_with_billed_entries_fits_with_the_estimate_whole() {
    // Issue 23: entries the platform reported show `billed` beside the cost, then headed
    // `estimate`. The estimate stays at every width; billed, an amount, is hidden whole or
    // shown whole (after the credits, before the model is cut).
    let sandbox = logged();
    let file = sandbox.write(
        "predictions.json",
        r#"{"next": null, "results": [
  {"id": "rep-ok", "model": "black-forest-labs/flux-schnell", "status": "succeeded",
   "created_at": "2026-11-20T10:00:00Z", "metrics": {"predict_time": 1.9}}]}"#,
    );
    ok(
        &sandbox,
        &["import", "--from", "replicate", file.to_str().unwrap()],
    );
    let json = ok(&sandbox, &["history", "--json"]).json();
    let entries = json.as_array().unwrap();
    let headers = [
        "id", "time", "platform", "model", "request", "credits", "estimate", "billed", "project",
        "tags", "status",
    ];
    for width in WIDTHS {
        let run = at(&sandbox, Some(width), &["history"]);
        assert_fits(&run, width);
        let rows = &tables(&run.stdout, &headers)[0];
        run.check_eq("one row per entry", entries.len(), rows.len());
        for (row, e) in rows.iter().zip(entries) {
            assert_money(&run, cell(row, "estimate").unwrap(), e, "cost");
            if width >= 80 {
                run.check(cell(row, "billed").is_some(), "billed shown at 80");
            }
            if let Some(billed) = cell(row, "billed") {
                let expected = if e["billed"].is_null() {
                    "-"
                } else {
                    "unknown"
                };
                run.check_eq("billed", expected, billed);
            }
        }
    }
}

#[test]
fn refunds_fit_with_credits_and_money_owed_whole() {
    let sandbox = logged();
    let json = ok(&sandbox, &["refunds", "--json"]).json();
    let owed = json.as_array().unwrap();
    let headers = ["platform", "failed entries", "credits owed", "money owed"];
    for width in WIDTHS {
        let run = at(&sandbox, Some(width), &["refunds"]);
        assert_fits(&run, width);
        let rows = &tables(&run.stdout, &headers)[0];
        run.check_eq("one row per platform", owed.len(), rows.len());
        for (row, o) in rows.iter().zip(owed) {
            assert_credits(&run, cell(row, "credits owed").unwrap(), o, "credits_owed");
            assert_money(&run, cell(row, "money owed").unwrap(), o, "money_owed");
        }
    }
}

#[test]
fn balance_fits_with_credits_left_whole() {
    let sandbox = logged();
    let json = ok(&sandbox, &["balance", "--json"]).json();
    let grants: Vec<&Value> = json["platforms"][0]["grants"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["remaining"].as_str() != Some("0"))
        .collect();
    let headers = ["grant", "source", "left", "expires", "per credit"];
    for width in WIDTHS {
        let run = at(&sandbox, Some(width), &["balance"]);
        assert_fits(&run, width);
        // The label and value lines above the table wrap at spaces too.
        for line in run.stdout.lines() {
            run.check(line.chars().count() <= width, &format!("fits: {line}"));
        }
        let rows = &tables(&run.stdout, &headers)[0];
        run.check_eq("one row per live grant", grants.len(), rows.len());
        for (row, g) in rows.iter().zip(&grants) {
            assert_credits(&run, cell(row, "left").unwrap(), g, "remaining");
        }
        run.stdout_has(&format!(
            "{} credits",
            credits_text(json["platforms"][0]["available"].as_str().unwrap())
        ));
    }
}

#[test]
fn pricing_show_fits_with_prices_and_credits_whole() {
    let sandbox = Sandbox::new();
    let json = ok(&sandbox, &["pricing", "show", "runway", "--json"]).json();
    let plans = json["plans"].as_array().unwrap();
    let packs = json["packs"].as_array().unwrap();
    let plan_headers = [
        "plan",
        "monthly",
        "yearly",
        "credits",
        "$/credit",
        "$/credit annual",
        "rollover",
        "source",
    ];
    let pack_headers = [
        "pack", "price", "credits", "bonus", "$/credit", "expires", "sold to", "source",
    ];
    for width in WIDTHS {
        let run = at(&sandbox, Some(width), &["pricing", "show", "runway"]);
        assert_fits(&run, width);
        let rows = &tables(&run.stdout, &plan_headers)[0];
        run.check_eq("one row per plan", plans.len(), rows.len());
        for (row, p) in rows.iter().zip(plans) {
            assert_money(&run, cell(row, "monthly").unwrap(), p, "price");
            let credits = cell(row, "credits").unwrap();
            run.check(
                credits.starts_with(&format!(
                    "{} / ",
                    credits_text(p["credits"].as_str().unwrap())
                )),
                &format!("plan credits whole: {credits}"),
            );
        }
        let rows = &tables(&run.stdout, &pack_headers)[0];
        run.check_eq("one row per pack", packs.len(), rows.len());
        for (row, k) in rows.iter().zip(packs) {
            assert_money(&run, cell(row, "price").unwrap(), k, "price");
            assert_credits(&run, cell(row, "credits").unwrap(), k, "credits");
        }
    }
}

#[test]
fn plans_fit_with_the_monthly_cost_whole() {
    let sandbox = Sandbox::new();
    let usage = ["plans", "--usage", "10x video 10s, 20x image"];
    let json = ok(&sandbox, &[&usage[..], &["--json"]].concat()).json();
    let options = json["options"].as_array().unwrap();
    let headers = [
        "#",
        "platform",
        "buy",
        "a month",
        "credits used / got",
        "left over",
        "per kept",
        "models",
        "cannot make",
    ];
    for width in WIDTHS {
        let run = at(&sandbox, Some(width), &usage);
        assert_fits(&run, width);
        let all = tables(&run.stdout, &headers);
        run.check_eq("both tables", 2, all.len());
        let mut seen = 0;
        for row in all.iter().flatten() {
            let rank: u64 = cell(row, "#").unwrap().parse().unwrap();
            let o = options
                .iter()
                .find(|o| o["rank"].as_u64() == Some(rank))
                .unwrap();
            run.check_eq("platform", o["platform"].as_str(), cell(row, "platform"));
            assert_money(&run, cell(row, "a month").unwrap(), o, "cost_per_month");
            seen += 1;
        }
        run.check_eq("every option listed", options.len(), seen);
    }
}

#[test]
fn the_hidden_line_names_exactly_the_hidden_columns_and_wide_shows_all() {
    let sandbox = logged();
    let headers = [
        "id", "time", "platform", "model", "request", "credits", "cost", "project", "tags",
        "status",
    ];
    let run = at(&sandbox, Some(60), &["history"]);
    let rows = &tables(&run.stdout, &headers)[0];
    let shown: Vec<&str> = rows[0].iter().map(|(h, _)| h.as_str()).collect();
    let missing: Vec<String> = headers
        .iter()
        .filter(|h| !shown.contains(h))
        .map(|h| h.to_string())
        .collect();
    run.check(!missing.is_empty(), "something hidden at 60");
    run.check_eq(
        "the note names the hidden columns",
        vec![missing],
        hidden(&run.stdout),
    );

    let wide = at(&sandbox, Some(60), &["history", "--wide"]);
    wide.stdout_lacks("hidden to fit")
        .stdout_lacks("…")
        .stdout_has("client launch video")
        .stdout_has("client=acme");
    let rows = &tables(&wide.stdout, &headers)[0];
    let shown: Vec<&str> = rows[0].iter().map(|(h, _)| h.as_str()).collect();
    wide.check_eq("every column", headers.to_vec(), shown);
    // --wide is global: it goes before the command too.
    at(&sandbox, Some(60), &["--wide", "compare"]).stdout_has("free tier");
}

#[test]
fn an_unknown_width_prints_every_table_whole() {
    let sandbox = logged();
    for args in [
        &["compare"][..],
        &["report", "--by", "project"],
        &["history"],
        &["pricing", "show", "runway"],
        &["plans", "--usage", "10x video 10s, 20x image"],
    ] {
        let run = at(&sandbox, None, args);
        run.stdout_lacks("hidden to fit")
            .stdout_lacks("shortened to fit")
            .stdout_lacks("…");
        // One line per row: the report has its two projects and the total, nothing wrapped.
        if args[0] == "report" {
            let rows = &tables(&run.stdout, &["project", "clips"])[0];
            run.check_eq("rows", 3, rows.len());
            run.stdout_has("client launch video");
        }
    }
    // The same as --wide.
    let piped = at(&sandbox, None, &["history"]);
    let wide = at(&sandbox, Some(60), &["history", "--wide"]);
    piped.check_eq("piped is whole", &wide.stdout, &piped.stdout);
    // A COLUMNS that is not a positive number is ignored.
    let mut cmd = sandbox.command(&["history"]);
    cmd.env("COLUMNS", "0");
    let zero = sandbox.finished(&["history"], cmd.output().unwrap());
    zero.check_eq("COLUMNS=0 is unknown", &piped.stdout, &zero.stdout);
}

#[test]
fn a_terminal_of_80_columns_gets_a_table_that_fits() {
    // `script` runs the binary on a pseudo-terminal: borders, and the terminal's width.
    let sandbox = Sandbox::new();
    let probe = std::process::Command::new("script")
        .arg("--version")
        .output();
    if probe.is_err() {
        eprintln!("skipped: no `script` (util-linux) to make a pseudo-terminal");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_credits");
    let base = sandbox.command(&[]);
    for (size, args) in [("80", "compare"), ("60", "compare")] {
        let mut cmd = std::process::Command::new("script");
        cmd.env_clear()
            .current_dir(sandbox.path())
            .env("PATH", "/usr/bin:/bin")
            .args([
                "-qec",
                &format!("stty cols {size} rows 40; '{bin}' {args} 2>/dev/null"),
                "/dev/null",
            ]);
        for (k, v) in base.get_envs() {
            if let Some(v) = v {
                cmd.env(k, v);
            }
        }
        cmd.env_remove("COLUMNS");
        let output = cmd.output().expect("run script");
        let run = sandbox.finished(&[args], output);
        run.success();
        let width: usize = size.parse().unwrap();
        let text = run.stdout.replace('\r', "");
        run.check(text.contains('─'), "borders on a terminal");
        for line in text.lines() {
            if line.chars().count() > width && !line.starts_with('*') && !line.contains("model(s)")
            {
                run.fail(format!("lines of at most {width} chars"), line);
            }
        }
        // The note may wrap at a space (the next line indented).
        run.check(
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains("--wide shows all"),
            "the hidden note",
        );
    }
}

#[test]
fn global_options_have_their_own_heading_and_an_env_value_is_not_a_usage_requirement() {
    let mut sandbox = Sandbox::with_db();
    sandbox.env("CREDITS_PRICING_DIR", "/nonexistent");
    let help = ok(&sandbox, &["log", "--help"]);
    let text = &help.stdout;
    let own = text.find("--duration").expect("log's own options");
    let global = text
        .find("Global options:")
        .expect("a Global options heading");
    help.check(own < global, "the command's own options first");
    for flag in ["--json", "--wide", "--pricing-dir <DIR>", "--db <PATH|URL>"] {
        help.check(
            text[global..].contains(flag),
            &format!("{flag} under Global options"),
        );
    }
    help.stdout_has("Usage: credits log [OPTIONS] <PLATFORM> <MODEL>");
    let missing = sandbox.run(&["log"]);
    missing
        .usage_error()
        .stderr_has("Usage: credits log <PLATFORM> <MODEL>")
        .stderr_lacks("--db")
        .stderr_lacks("--pricing-dir");
}

/// Every line of `text` fits `width`, but a line that is one word longer than the width (a
/// URL, a path): a word is never split, so that line cannot be made to fit.
fn assert_every_line_fits(run: &Run, text: &str, width: usize) {
    for line in text.lines() {
        let n = line.chars().count();
        let one_word = !line.trim().contains(' ');
        if n > width && !one_word {
            run.fail(format!("every line of at most {width} chars"), (n, line));
        }
    }
}

#[test]
fn prose_around_the_tables_fits_the_width_too() {
    let sandbox = logged();
    ok(
        &sandbox,
        &["budget", "set", "client launch video", "100", "--money"],
    );
    let commands: [&[&str]; 9] = [
        &["report"],
        &["report", "--by", "project", "--by", "platform"],
        &["history"],
        &["refunds"],
        &["balance"],
        &["pricing", "show", "runway"],
        // Long notes, and sources with long URLs.
        &["pricing", "show", "kling"],
        &["budget", "list"],
        &["account", "list"],
    ];
    for width in WIDTHS {
        for args in commands {
            let run = at(&sandbox, Some(width), args);
            assert_every_line_fits(&run, &run.stdout, width);
            assert_every_line_fits(&run, &run.stderr, width);
        }
    }
    // Wrapped, not cut: the words of pricing show's notes are all there at 60.
    let whole = at(&sandbox, None, &["pricing", "show", "kling"]);
    let narrow = at(&sandbox, Some(60), &["pricing", "show", "kling"]);
    let notes = |text: &str| -> Vec<String> {
        let from = text.find("\nNotes\n").expect("notes");
        text[from..].split_whitespace().map(String::from).collect()
    };
    narrow.check_eq(
        "the same words",
        notes(&whole.stdout),
        notes(&narrow.stdout),
    );
    narrow.check(
        whole.stdout.lines().any(|l| l.chars().count() > 60),
        "kling's notes are longer than 60 unwrapped",
    );
}

/// How an essential column's cell may show when the width is short: whole, or cut with `…`
/// at its end (free text), or in its middle keeping the file name (a path).
#[derive(Clone, Copy, PartialEq)]
enum Shows {
    Whole,
    Cut,
    Path,
    /// A time without its offset (`2026-11-21 12:00`), or its year too (`11-21 12:00`).
    Time,
}

use Shows::{Cut, Path, Time, Whole};

/// One table of a command's output: its headers (all, in order), which of them are essential
/// and how they may show, and which table of the output it is (`pricing show` has three).
struct TableCase {
    args: Vec<String>,
    headers: Vec<&'static str>,
    essential: Vec<(&'static str, Shows)>,
    index: usize,
}

fn case(
    args: &[&str],
    headers: &[&'static str],
    essential: &[(&'static str, Shows)],
    index: usize,
) -> TableCase {
    TableCase {
        args: args.iter().map(|a| a.to_string()).collect(),
        headers: headers.to_vec(),
        essential: essential.to_vec(),
        index,
    }
}

/// Whether `narrow` is `whole` as `shows` allows at a short width.
fn shows_as(shows: Shows, whole: &str, narrow: &str) -> bool {
    if narrow == whole {
        return true;
    }
    match shows {
        Whole => false,
        Cut => narrow
            .strip_suffix('…')
            .is_some_and(|kept| !kept.is_empty() && whole.starts_with(kept.trim_end())),
        Path => narrow.split_once('…').is_some_and(|(head, tail)| {
            let name = whole.rsplit('/').next().unwrap_or(whole);
            whole.starts_with(head)
                && whole.ends_with(tail)
                // The file name, which tells two rows apart, is never cut.
                && tail.ends_with(name)
        }),
        Time => whole.rsplit_once(' ').is_some_and(|(day_time, offset)| {
            offset.starts_with(['+', '-'])
                && (narrow == day_time || day_time.get(5..) == Some(narrow))
        }),
    }
}

/// The table of `c` at `width`: every line fits, every essential column is there, and each of
/// its cells shows the whole table's value (cut only as `shows` allows).
fn check_case(sandbox: &Sandbox, c: &TableCase, width: usize) {
    let args: Vec<&str> = c.args.iter().map(String::as_str).collect();
    let whole = at(sandbox, None, &args);
    let run = at(sandbox, Some(width), &args);
    assert_fits(&run, width);
    let pick = |text: &str| tables(text, &c.headers).get(c.index).cloned();
    let whole_rows = pick(&whole.stdout).unwrap_or_else(|| whole.fail("the table", "none"));
    let rows = pick(&run.stdout).unwrap_or_else(|| run.fail("the table", "none"));
    run.check(!rows.is_empty(), "rows");
    run.check_eq("rows at any width", whole_rows.len(), rows.len());
    for (row, full) in rows.iter().zip(&whole_rows) {
        for (name, shows) in &c.essential {
            let Some(narrow) = cell(row, name) else {
                run.fail(
                    format!("the essential column `{name}` at {width}"),
                    "hidden",
                );
            };
            let whole_cell = cell(full, name).unwrap();
            run.check(
                !whole_cell.is_empty() || narrow.is_empty(),
                &format!("`{name}` as in the whole table"),
            );
            if !shows_as(*shows, whole_cell, narrow) {
                run.fail(
                    format!("`{name}` at {width}: {whole_cell:?} (or as it may be cut)"),
                    narrow,
                );
            }
        }
    }
}

#[test]
fn every_table_keeps_the_columns_a_row_is_read_for_at_60_80_and_120() {
    // Issue 22, item 5: each command's table keeps its essential columns, whole (numbers are
    // never cut; free text and paths only as said), at every width, and fits it.
    let sandbox = logged();
    let clips = sandbox
        .path()
        .join("clips")
        .join("client launch video")
        .join("teaser takes from the second day");
    common::media::write_mp4(&clips.join("take-1.mp4"), 1280, 720, 5040, false);
    common::media::write_mp4(&clips.join("take-2.mp4"), 1280, 720, 9800, false);
    // Long file names in folders mapped as the README's `[scan]` example does: at 80 columns
    // the names once showed as `…o-shot-final-take.mp4` while "identified by" kept its 36.
    let ad = sandbox.path().join("clips").join("spring-ad");
    common::media::write_mp4(&ad.join("hero-shot-final-take.mp4"), 1280, 720, 6000, false);
    common::media::write_mp4(&ad.join("wide-shot-final-take.mp4"), 1280, 720, 7000, false);
    let teaser = sandbox.path().join("clips").join("teaser");
    common::media::write_mp4(&teaser.join("t1-first-light.mp4"), 1280, 720, 4000, false);
    sandbox.write(
        ".config/credits/config.toml",
        "[scan]\n\"~/clips/spring-ad\" = { platform = \"runway\", model = \"gen-4\" }\n\
         \"~/clips/teaser\" = { platform = \"runway\", model = \"gen-4-turbo\" }\n\
         \"~/clips/teaser/pro\" = { mode = \"pro\" }\n",
    );
    let clips_dir = sandbox.path().join("clips").display().to_string();
    // A refunded entry (refunded and owed both non-zero), a top-up, an adjustment, a budget
    // and a second account.
    ok(
        &sandbox,
        &["log", "runway", "gen-4", "--duration", "5", "--failed"],
    );
    ok(&sandbox, &["refund", "5"]);
    ok(
        &sandbox,
        &["topup", "runway", "--credits", "500", "--price", "10"],
    );
    ok(
        &sandbox,
        &[
            "adjust",
            "runway",
            "25",
            "--note",
            "signup bonus from support",
        ],
    );
    ok(
        &sandbox,
        &["budget", "set", "client launch video", "100", "--money"],
    );
    ok(
        &sandbox,
        &[
            "account",
            "set",
            "kling",
            "--plan",
            "standard",
            "--subscribed",
            "2026-11-06",
        ],
    );
    sandbox.write(
        "shots.toml",
        "platform = \"runway\"\n[[shot]]\nname = \"opening shot of the client launch video\"\n\
         model = \"gen-4\"\nduration = 10\ncount = 3\n[[shot]]\nname = \"b-roll\"\n\
         model = \"gen-4-turbo\"\nduration = 5\n",
    );
    sandbox.write(
        "tables/newco.toml",
        "name = \"NewCo\"\nas_of = 2026-11-20\n[[model]]\nname = \"Clip\"\ncredits = 9\n",
    );

    let report_headers = |key: &'static str| {
        vec![
            key,
            "clips",
            "seconds",
            "credits",
            "refunded",
            "owed",
            "cost",
            "per credit",
            "per second",
            "per kept second",
        ]
    };
    let mut cases = vec![
        case(
            &["history"],
            &[
                "id", "time", "platform", "model", "request", "credits", "cost", "project", "tags",
                "status",
            ],
            &[
                ("id", Whole),
                ("time", Time),
                ("model", Whole),
                ("status", Whole),
                ("cost", Whole),
            ],
            0,
        ),
        case(
            &["refunds"],
            &["platform", "failed entries", "credits owed", "money owed"],
            &[
                ("platform", Whole),
                ("credits owed", Whole),
                ("money owed", Whole),
            ],
            0,
        ),
        case(
            &["compare"],
            &[
                "#",
                "platform",
                "model",
                "secs",
                "credits",
                "plan",
                "$/credit",
                "per clip",
                "per second",
                "free tier",
            ],
            &[
                ("#", Whole),
                ("platform", Cut),
                ("model", Cut),
                ("per second", Whole),
            ],
            0,
        ),
        case(
            &["estimate", "--shots", "shots.toml"],
            &["shot", "count", "credits", "cost"],
            &[("shot", Cut), ("credits", Whole), ("cost", Whole)],
            0,
        ),
        case(
            &["balance", "runway"],
            &["grant", "source", "left", "expires", "per credit"],
            &[("grant", Cut), ("left", Whole), ("expires", Whole)],
            0,
        ),
        case(
            &["plans", "--usage", "10x video 10s, 20x image"],
            &[
                "#",
                "platform",
                "buy",
                "a month",
                "credits used / got",
                "left over",
                "per kept",
                "models",
                "cannot make",
            ],
            &[
                ("#", Whole),
                ("platform", Whole),
                ("buy", Cut),
                ("a month", Whole),
            ],
            0,
        ),
        case(
            &[
                "scan",
                &clips_dir,
                "--platform",
                "runway",
                "--model",
                "gen-4",
                "--dry-run",
            ],
            &[
                "file",
                "platform",
                "model",
                "seconds",
                "resolution",
                "credits",
                "cost",
                "identified by",
                "result",
            ],
            &[("file", Path), ("seconds", Whole), ("result", Whole)],
            0,
        ),
        case(
            &["scan", &clips_dir, "--dry-run"],
            &[
                "file",
                "platform",
                "model",
                "seconds",
                "resolution",
                "credits",
                "cost",
                "identified by",
                "result",
            ],
            &[("file", Path), ("seconds", Whole), ("result", Whole)],
            0,
        ),
        case(
            &["account", "list"],
            &[
                "platform",
                "plan",
                "billing",
                "from",
                "start",
                "renews on",
                "you pay",
            ],
            &[
                ("platform", Whole),
                ("plan", Cut),
                ("from", Whole),
                ("start", Cut),
            ],
            0,
        ),
        case(
            &["topup", "list"],
            &[
                "id", "platform", "bought", "pack", "credits", "price", "expires", "left",
            ],
            &[
                ("id", Whole),
                ("platform", Whole),
                ("bought", Whole),
                ("credits", Whole),
                ("expires", Whole),
                ("left", Whole),
            ],
            0,
        ),
        case(
            &["adjust", "list"],
            &["id", "platform", "at", "credits", "left", "note"],
            &[
                ("id", Whole),
                ("platform", Whole),
                ("at", Whole),
                ("credits", Whole),
                ("left", Whole),
                ("note", Cut),
            ],
            0,
        ),
        case(
            &["budget", "list"],
            &[
                "budget",
                "period",
                "limit",
                "used",
                "used %",
                "at month end",
                "left",
                "status",
            ],
            &[
                ("budget", Cut),
                ("limit", Whole),
                ("used", Whole),
                ("status", Whole),
            ],
            0,
        ),
        case(
            &["pricing", "list"],
            &["platform", "as of", "billed in", "plans", "models", "from"],
            &[("platform", Whole)],
            0,
        ),
        case(
            &["pricing", "show", "runway"],
            &[
                "plan",
                "monthly",
                "yearly",
                "credits",
                "$/credit",
                "$/credit annual",
                "rollover",
                "source",
            ],
            &[("plan", Cut), ("monthly", Whole), ("credits", Whole)],
            0,
        ),
        case(
            &["pricing", "show", "runway"],
            &[
                "pack", "price", "credits", "bonus", "$/credit", "expires", "sold to", "source",
            ],
            &[("pack", Cut), ("price", Whole), ("credits", Whole)],
            0,
        ),
        case(
            &["pricing", "show", "runway"],
            &["model", "kind", "variant", "rate", "min plan", "source"],
            &[("model", Whole), ("rate", Whole)],
            0,
        ),
        case(
            &["pricing", "status"],
            &["platform", "source", "as of"],
            &[("platform", Whole), ("source", Cut), ("as of", Whole)],
            0,
        ),
        case(
            &["pricing", "status", "--stale"],
            &[
                "platform",
                "model",
                "newest source",
                "days",
                "grade",
                "lifecycle",
            ],
            &[
                ("platform", Whole),
                ("model", Cut),
                ("newest source", Whole),
                ("days", Whole),
            ],
            0,
        ),
        case(
            &["pricing", "bundle", "tables", "-o", "bundle.json"],
            &["file", "platform", "as of"],
            &[("file", Path), ("platform", Whole), ("as of", Whole)],
            0,
        ),
    ];
    // The report of no --by: a `total` row under an empty header.
    let mut no_key = report_headers("");
    no_key.retain(|h| !h.is_empty());
    no_key.insert(0, "");
    cases.push(TableCase {
        args: vec!["report".into()],
        headers: no_key,
        essential: vec![
            ("", Whole),
            ("clips", Whole),
            ("refunded", Whole),
            ("owed", Whole),
            ("cost", Whole),
        ],
        index: 0,
    });
    // The second table of `plans` (the options that cannot make all of it).
    cases.push(case(
        &["plans", "--usage", "10x video 10s, 20x image"],
        &[
            "#",
            "platform",
            "buy",
            "a month",
            "credits used / got",
            "left over",
            "per kept",
            "models",
            "cannot make",
        ],
        &[
            ("#", Whole),
            ("platform", Whole),
            ("buy", Cut),
            ("a month", Whole),
        ],
        1,
    ));
    for key in [
        "project",
        "platform",
        "model",
        "day",
        "week",
        "month",
        "tag:client",
        "user",
    ] {
        cases.push(TableCase {
            args: vec!["report".into(), "--by".into(), key.into()],
            headers: report_headers(key),
            essential: vec![
                (key, Cut),
                ("clips", Whole),
                ("refunded", Whole),
                ("owed", Whole),
                ("cost", Whole),
            ],
            index: 0,
        });
    }
    // Two keys: the narrowest report.
    cases.push(TableCase {
        args: ["report", "--by", "project", "--by", "tag:client"]
            .map(String::from)
            .to_vec(),
        headers: {
            let mut h = report_headers("project");
            h.insert(1, "tag:client");
            h
        },
        essential: vec![
            ("project", Cut),
            ("tag:client", Cut),
            ("clips", Whole),
            ("refunded", Whole),
            ("owed", Whole),
            ("cost", Whole),
        ],
        index: 0,
    });
    for c in &cases {
        for width in WIDTHS {
            check_case(&sandbox, c, width);
        }
    }
    // Installing the bundle last (it adds a platform to every table above).
    let update = case(
        &["pricing", "update", "--from", "bundle.json"],
        &["platform", "file", "as of", "versus built-in"],
        &[("platform", Whole), ("file", Path), ("as of", Whole)],
        0,
    );
    for width in WIDTHS {
        check_case(&sandbox, &update, width);
    }
}

#[test]
fn topup_and_adjustment_lists_fit_with_credits_left_whole() {
    // Found by a trial of issue 23: `topup list` at 60 columns was 65 wide. A top-up's times
    // are dates (with their year); credits and what is left stay whole.
    let sandbox = Sandbox::with_db();
    for args in [
        &[
            "topup",
            "kling-api",
            "--pack",
            "15,000 units",
            "--at",
            "2026-11-01 10:00",
        ][..],
        &[
            "topup",
            "kling-api",
            "--pack",
            "5,000 units",
            "--at",
            "2026-11-02 10:00",
        ][..],
        &[
            "topup",
            "runway",
            "--credits",
            "12500",
            "--price",
            "125",
            "--at",
            "2026-11-03",
        ][..],
        &[
            "adjust",
            "runway",
            "250",
            "--note",
            "a long note about a support refund",
            "--at",
            "2026-11-04 09:30",
        ][..],
    ] {
        ok(&sandbox, args);
    }
    for width in WIDTHS {
        let run = at(&sandbox, Some(width), &["topup", "list"]);
        assert_fits(&run, width);
        // Dates keep their year at any width (an expiry a year on is not read as this year).
        run.stdout_has("15,000")
            .stdout_has("12,500")
            .stdout_has("2027-04-30");
        let run = at(&sandbox, Some(width), &["adjust", "list"]);
        assert_fits(&run, width);
        run.stdout_has("+250");
    }
}
