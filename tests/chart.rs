//! `report --chart` (issue 24, item 1): spend over time as bars that fit the width, ASCII
//! with `--ascii` or a locale without UTF-8, no colour code with `NO_COLOR` (the harness sets
//! it), bars as long as the hand-computed amounts say, unknown money said as unknown, and
//! the numbers behind the chart in `--json`.

mod common;

use common::{ok, Run, Sandbox};
use serde_json::{json, Value};

/// Runway standard ($0.024 a credit): a 10 s Gen-4 clip is 120 credits, $2.88; 5 s is 60
/// credits, $1.44. September $2.88 + $1.44 = $4.32, October $2.88, November $2.88 × 2 =
/// $5.76.
fn logged() -> Sandbox {
    let sandbox = Sandbox::with_db();
    common::account_set(&sandbox, "runway", "standard", "2026-09-01");
    for (at, project, seconds) in [
        ("2026-09-05", "alpha", "10"),
        ("2026-09-20", "beta", "5"),
        ("2026-10-02", "alpha", "10"),
        ("2026-11-03", "gamma", "10"),
        ("2026-11-10", "alpha", "10"),
    ] {
        ok(
            &sandbox,
            &[
                "log",
                "runway",
                "gen-4",
                "--duration",
                seconds,
                "--project",
                project,
                "--at",
                at,
            ],
        );
    }
    sandbox
}

/// `credits ARGS` with `COLUMNS` and the locale `lang` (none when `None`).
fn at(sandbox: &Sandbox, width: usize, lang: Option<&str>, args: &[&str]) -> Run {
    let mut cmd = sandbox.command(args);
    cmd.env("COLUMNS", width.to_string());
    if let Some(lang) = lang {
        cmd.env("LANG", lang);
    }
    let run = sandbox.finished(args, cmd.output().expect("run credits"));
    run.success();
    run
}

#[test]
fn the_chart_fits_60_80_and_120_columns() {
    let sandbox = logged();
    for width in [60, 80, 120] {
        for args in [
            &["report", "--by", "month", "--chart"][..],
            &["report", "--by", "project", "--by", "month", "--chart"],
            &["report", "--by", "month", "--chart", "--ascii"],
            &[
                "report", "--by", "project", "--by", "week", "--chart", "credits",
            ],
        ] {
            let run = at(&sandbox, width, Some("C.UTF-8"), args);
            for line in run.stdout.lines() {
                let n = line.chars().count();
                run.check(n <= width, &format!("a line of {n} > {width}: {line:?}"));
            }
        }
    }
}

#[test]
fn ascii_and_no_color_print_no_escape_and_no_byte_above_ascii() {
    let sandbox = logged();
    // --ascii in a UTF-8 locale, and no flag in a locale without UTF-8 (LANG=C, or none).
    for (lang, ascii) in [(Some("C.UTF-8"), true), (Some("C"), false), (None, false)] {
        let mut args = vec!["report", "--by", "project", "--by", "month", "--chart"];
        if ascii {
            args.push("--ascii");
        }
        let run = at(&sandbox, 80, lang, &args);
        run.check(run.stdout.contains('#'), "bars drawn with #");
        run.check(
            run.stdout.bytes().all(|b| b.is_ascii() && b != 0x1b),
            "only ASCII, no escape byte",
        );
    }
    // A UTF-8 locale without --ascii: block characters (still no colour: NO_COLOR is set and
    // the output is not a terminal).
    let run = at(
        &sandbox,
        80,
        Some("en_US.UTF-8"),
        &["report", "--by", "month", "--chart"],
    );
    run.check(run.stdout.contains('█'), "block characters");
    run.check(!run.stdout.contains('\u{1b}'), "no escape byte");
}

/// How many `#` the line of `period` has.
fn bar(run: &Run, period: &str) -> usize {
    let line = run.line(period);
    line.chars().filter(|c| *c == '#').count()
}

#[test]
fn bars_are_as_long_as_the_amounts_say() {
    let sandbox = logged();
    // 80 columns: period 7 + 2 + bar + 2 + amount 5 ("$4.32"): a bar column of 64 cells,
    // filled by November's $5.76. September $4.32 × 64 ÷ $5.76 = 48; October $2.88: 32.
    let run = at(&sandbox, 80, None, &["report", "--by", "month", "--chart"]);
    run.check_eq("November", 64, bar(&run, "2026-11"));
    run.check_eq("September", 48, bar(&run, "2026-09"));
    run.check_eq("October", 32, bar(&run, "2026-10"));
    run.stdout_has("$4.32")
        .stdout_has("$2.88")
        .stdout_has("$5.76");

    // By project, the largest first: alpha (3 × $2.88 = $8.64), gamma ($2.88), beta ($1.44).
    // September stacks alpha's $2.88 (32 cells: 2.88 × 64 ÷ 5.76) and beta's $1.44 (running
    // sum $4.32: 48, so 16 more).
    let run = at(
        &sandbox,
        80,
        None,
        &["report", "--by", "project", "--by", "month", "--chart"],
    );
    run.stdout_has("# alpha  = gamma  * beta");
    let september = run.line("2026-09");
    run.check(
        september.contains(&format!("  {}{} ", "#".repeat(32), "*".repeat(16))),
        "September: 32 # then 16 *",
    );
    // --top 1: alpha, and the two others as "other" (2).
    let run = at(
        &sandbox,
        80,
        None,
        &[
            "report", "--by", "project", "--by", "month", "--chart", "--top", "1",
        ],
    );
    run.stdout_has("# alpha  . other (2)");
    let november = run.line("2026-11");
    run.check(
        november.contains(&format!("  {}{} ", "#".repeat(32), ".".repeat(32))),
        "November: alpha 32, other 32",
    );
}

#[test]
fn unknown_money_is_said_not_drawn() {
    let sandbox = logged();
    // Not in the tables: 5 credits, money unknown, in December only.
    ok(
        &sandbox,
        &[
            "log",
            "acme",
            "vid",
            "--credits",
            "5",
            "--at",
            "2026-11-20",
            "--project",
            "x",
        ],
    );
    ok(
        &sandbox,
        &[
            "log",
            "acme",
            "vid",
            "--credits",
            "5",
            "--at",
            "2026-08-20",
            "--project",
            "x",
        ],
    );
    let run = at(&sandbox, 80, None, &["report", "--by", "month", "--chart"]);
    let august = run.line("2026-08");
    run.check(
        august.ends_with("unknown (1 unpriced)"),
        "August is unknown",
    );
    run.check(!august.contains('#'), "August has no bar");
    run.check(
        run.line("2026-11").ends_with("$5.76 + 1 unpriced"),
        "November's known part and its unknown entry",
    );
    let run = ok(&sandbox, &["report", "--by", "month", "--chart", "--json"]);
    run.json_eq("/chart/periods/0", json!("2026-08"))
        .json_eq("/chart/sections/0/totals/0/amount", json!(null))
        .json_eq("/chart/sections/0/totals/0/unpriced", json!(1))
        .json_eq("/chart/sections/0/totals/1/amount", json!("4.32"))
        .json_eq("/chart/sections/0/totals/3/amount", json!("5.76"))
        .json_eq("/chart/sections/0/totals/3/unpriced", json!(1))
        // The report's own rows are still there.
        .json_eq("/rows/0/month", json!("2026-08"));
}

#[test]
fn credits_are_charted_per_platform_never_added() {
    let sandbox = logged();
    ok(
        &sandbox,
        &["log", "acme", "vid", "--credits", "5", "--at", "2026-10-20"],
    );
    let run = ok(
        &sandbox,
        &["report", "--by", "month", "--chart", "credits", "--json"],
    );
    run.json_eq("/chart/measure", json!("credits"))
        .json_eq("/chart/sections/0/platform", json!("acme"))
        .json_eq("/chart/sections/0/totals/1/amount", json!("5"))
        .json_eq("/chart/sections/1/platform", json!("runway"))
        .json_eq("/chart/sections/1/totals/0/amount", json!("180"))
        .json_eq("/chart/sections/1/totals/1/amount", json!("120"));
    let run = at(
        &sandbox,
        80,
        None,
        &["report", "--by", "month", "--chart", "credits"],
    );
    run.stdout_has("acme credits by month")
        .stdout_has("runway credits by month");
    // A refunded clip gives its credits back: October's runway bar is what was spent,
    // 120 + 60 charged − 60 refunded (the money chart and the pace count the same).
    let out = ok(
        &sandbox,
        &[
            "log",
            "runway",
            "gen-4",
            "--duration",
            "5",
            "--failed",
            "--at",
            "2026-10-05",
        ],
    );
    let id = out
        .stdout
        .split('#')
        .nth(1)
        .and_then(|t| t.split(|c: char| !c.is_ascii_digit()).next())
        .expect("the logged id")
        .to_string();
    ok(&sandbox, &["refund", &id]);
    ok(
        &sandbox,
        &["report", "--by", "month", "--chart", "credits", "--json"],
    )
    .json_eq("/chart/sections/1/totals/1/amount", json!("120"));
}

#[test]
fn a_chart_needs_one_time_key() {
    let sandbox = logged();
    sandbox
        .run(&["report", "--by", "project", "--chart"])
        .error()
        .stderr_has("--by day, --by week or --by month");
    sandbox
        .run(&["report", "--by", "day", "--by", "month", "--chart"])
        .error()
        .stderr_has("day and month");
    sandbox
        .run(&["report", "--by", "month", "--ascii"])
        .usage_error()
        .stderr_has("--chart");
}

/// The budgets under a chart (or a table) are those its filters concern (issue 24 trial:
/// `--platform kling` listed a runway credits budget): a platform filter keeps the
/// platform's credits budgets and the budgets of no platform (money counts every platform
/// of its project); a project filter keeps the project's. `--json` lists the same.
#[test]
fn budgets_under_the_chart_are_those_the_filters_concern() {
    let sandbox = logged();
    ok(
        &sandbox,
        &[
            "log",
            "kling",
            "clip",
            "--credits",
            "50",
            "--project",
            "beta",
            "--at",
            "2026-11-04",
        ],
    );
    for args in [
        &["budget", "set", "alpha", "20", "--money"][..],
        &[
            "budget",
            "set",
            "alpha",
            "1000",
            "--credits",
            "--platform",
            "runway",
        ],
        &[
            "budget",
            "set",
            "beta",
            "500",
            "--credits",
            "--platform",
            "kling",
        ],
    ] {
        ok(&sandbox, args);
    }
    let budget_lines = |run: &Run| -> Vec<String> {
        let text = run.stdout.split("\n budget ").nth(1).unwrap_or_default();
        text.lines().skip(1).map(|l| l.trim().to_string()).collect()
    };
    let chart = ["report", "--by", "month", "--chart", "--ascii"];
    // No filter: all three.
    let run = at(&sandbox, 120, None, &chart);
    run.check_eq("budgets", 3, budget_lines(&run).len());
    // --platform kling: the kling budget and alpha's money budget, not runway's credits.
    let run = at(
        &sandbox,
        120,
        None,
        &[&chart[..], &["--platform", "kling"]].concat(),
    );
    let lines = budget_lines(&run);
    run.check_eq("budgets", 2, lines.len());
    run.check(
        lines.iter().any(|l| l.contains("500 kling credits")),
        "the kling budget",
    )
    .check(
        lines
            .iter()
            .any(|l| l.starts_with("alpha") && l.contains("$20.00")),
        "alpha's money budget",
    )
    .stdout_lacks("runway credits");
    // --project beta: beta's only; the plain table the same.
    for args in [
        &[&chart[..], &["--project", "beta"]].concat(),
        &["report", "--by", "month", "--project", "beta"][..].to_vec(),
    ] {
        let run = at(&sandbox, 120, None, args);
        let lines = budget_lines(&run);
        run.check_eq("budgets", 1, lines.len());
        run.check(lines[0].starts_with("beta"), "beta's budget");
    }
    let run = ok(
        &sandbox,
        &["report", "--by", "month", "--platform", "runway", "--json"],
    );
    let budgets = run.json_at("/budgets");
    let platforms: Vec<Value> = budgets
        .as_array()
        .expect("budgets")
        .iter()
        .map(|b| b["platform"].clone())
        .collect();
    run.check_eq(
        "budgets' platforms",
        vec![json!("runway"), json!(null)],
        platforms,
    );
}

/// A narrow terminal (issue 24 trial: at 30 columns a chart with long amounts drew no bar
/// and said nothing): the long amounts give way to their known part (`$5.76...`,
/// `unknown...`) so the bars stay, every line within the width; when even that leaves no
/// room, a `note:` says why there are no bars. Never an empty chart without a word.
#[test]
fn a_narrow_chart_keeps_its_bars_or_says_why_not() {
    let sandbox = logged();
    // Money unknown on Nov 20 (a platform not in the tables): its day says "unknown (1
    // unpriced)", November "$5.76 + 1 unpriced", the longest amounts.
    ok(
        &sandbox,
        &[
            "log",
            "acme",
            "vid",
            "--credits",
            "5",
            "--at",
            "2026-11-20",
            "--project",
            "x",
        ],
    );
    let charts = [
        &["report", "--by", "day", "--chart", "--ascii"][..],
        &["report", "--by", "month", "--chart", "--ascii"],
        &[
            "report", "--by", "project", "--by", "week", "--chart", "--ascii",
        ],
    ];
    for width in [30, 40, 60, 80] {
        for args in charts {
            let run = at(&sandbox, width, None, args);
            run.stderr_lacks("no room for bars");
            let mut periods = 0;
            for line in run.stdout.lines() {
                let n = line.chars().count();
                run.check(n <= width, &format!("a line of {n} > {width}: {line:?}"));
                // A period whose money is partly known has its bar.
                if line.starts_with("2026-") && line.contains('$') && !line.contains("$0.00") {
                    periods += 1;
                    run.check(
                        line.contains(['#', '=', '*', '+']),
                        &format!("a bar on {line:?}"),
                    );
                }
            }
            run.check(periods > 0, "periods with money");
        }
    }
    // 30 columns by day: the day of unknown money is said short, November's known part
    // stays whole.
    let run = at(&sandbox, 30, None, charts[0]);
    run.check(
        run.line("2026-11-20").ends_with("unknown..."),
        "the unknown day, short",
    );
    let run = at(&sandbox, 30, None, charts[1]);
    run.check(
        run.line("2026-11").ends_with("$5.76..."),
        "November's known part",
    );
    // At 40 the whole amount fits beside a bar.
    let run = at(&sandbox, 40, None, charts[1]);
    run.check(
        run.line("2026-11").ends_with("$5.76 + 1 unpriced"),
        "November whole",
    );
    // 20 columns: a day, its shortest amount and a bar of 4 need 10 + 2 + 4 + 2 + 10 = 28;
    // no bars, and the note says so.
    let run = at(&sandbox, 20, None, charts[0]);
    // The note is wrapped to the 20 columns.
    let said = run.stderr.split_whitespace().collect::<Vec<_>>().join(" ");
    run.check(
        said.contains("note: no room for bars at 20 columns") && said.contains("bars need 28"),
        "the note says why there are no bars",
    );
    run.check(!run.stdout.contains('#'), "no bars");
}
