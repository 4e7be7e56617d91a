//! `credits report` and `credits refunds`: what projects, clients and platforms cost.
//!
//! Aggregation runs in SQL (see `store::report`); this module names the columns and
//! renders them. Money is the sum of the known values; entries with unknown money are
//! counted and said, never added as 0.
//!
//! `per credit` is the price per credit really paid: the known money ÷ the credits it paid
//! for (issue 4). Credits of different platforms are different units and are never added
//! (issue 7): a row (or the total) that spans platforms shows its credits per platform
//! (JSON: `credits` null, `credits_by_platform` beside it). Budgets, when set, follow the
//! table with what is used and left: those the filters concern (`budgets::concerns`).
//!
//! Each entry records the pricing table that priced it (schema 4): when some were priced with
//! a table other than the platform's current one, a line per such platform says which, and
//! `--json` lists every table in `priced_with`.
//!
//! `--chart` draws the rows as bars over the report's time key instead of the table
//! (`ops::chart` makes the series, `views::chart` draws them); the notes after it are the
//! table's, and `--json` adds the chart's numbers under `chart`.
//!
//! `--html FILE` writes a cost sheet instead (`ops::sheet` has its numbers, `views::sheet`
//! lays them out): a flag of `report` rather than a command of its own, because a sheet is
//! a report of the same filters, for a reader outside.

use super::Context;
use crate::cli::{ChartMeasure, ReportArgs};
use crate::error::fail_with_help;
use crate::render;
use crate::views;
use crate::views::chart::{ChartView, Style};
use crate::views::columns::{self, ViewColumn};
use crate::views::report::{RefundView, ReportView};
use anyhow::Result;
use credits_app::ops::billed::{self, CostChoice, CostFigure};
use credits_app::ops::budgets;
use credits_app::ops::chart;
use credits_app::ops::reports::{self, Line, PlatformCredits, PricedWith};
use credits_core::money;
use credits_store::{GroupKey, ReportRow};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::Write;

/// `50 runway + 20 kling`: credits of several platforms, side by side, never added.
fn per_platform_text(
    by: &BTreeMap<String, PlatformCredits>,
    pick: fn(&PlatformCredits) -> Decimal,
) -> String {
    let parts: Vec<String> = by
        .iter()
        .filter(|(_, c)| !pick(c).is_zero())
        .map(|(p, c)| format!("{} {p}", money::fmt_credits(pick(c))))
        .collect();
    if parts.is_empty() {
        "0".to_string()
    } else {
        parts.join(" + ")
    }
}

fn cost_text(row: &ReportRow) -> String {
    let currency = row.currency.as_deref().unwrap_or("USD");
    match (&row.currency, row.unpriced) {
        (None, 0) => money::fmt_money(row.cost, currency),
        (None, n) => format!("unknown ({} unpriced)", money::fmt_credits(n.into())),
        (Some(_), 0) => money::fmt_money(row.cost, currency),
        (Some(_), n) => format!(
            "{} + {} unpriced",
            money::fmt_money(row.cost, currency),
            money::fmt_credits(n.into())
        ),
    }
}

fn per_text(value: Option<rust_decimal::Decimal>, row: &ReportRow) -> String {
    match value {
        Some(v) if row.unpriced == 0 => {
            money::fmt_money(v, row.currency.as_deref().unwrap_or("USD"))
        }
        Some(v) => format!(
            "≥ {}",
            money::fmt_money(v, row.currency.as_deref().unwrap_or("USD"))
        ),
        None => "-".to_string(),
    }
}

fn n_entries(n: u64) -> String {
    money::fmt_count(n, "entry", "entries")
}

/// One line per platform whose entries were priced (some of them) with a table other than
/// the current one: `priced with: runway table of 2026-05-04 (a1b2c3d4) for 12 entries;
/// current runway table 2026-11-21 (9f8e7d6c)`. Nothing when every table is current.
fn priced_with_lines(
    catalog: &credits_core::pricing::catalog::Catalog,
    all: &[PricedWith],
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut platforms: Vec<&str> = all.iter().map(|p| p.table.platform.as_str()).collect();
    platforms.dedup();
    for platform in platforms {
        let here: Vec<&PricedWith> = all
            .iter()
            .filter(|p| p.table.platform == platform)
            .collect();
        let older: Vec<String> = here
            .iter()
            .filter(|p| !p.current)
            .map(|p| {
                format!(
                    "{} for {}",
                    render::table_text(&p.table),
                    n_entries(p.entries)
                )
            })
            .collect();
        if older.is_empty() {
            continue;
        }
        let current = match (catalog.stamp(platform), here.iter().find(|p| p.current)) {
            (Some(t), Some(p)) => format!(
                "current {platform} table {} for {}",
                render::table_text(t),
                n_entries(p.entries)
            ),
            (Some(t), None) => format!("current {platform} table {}", render::table_text(t)),
            (None, _) => format!("{platform} is no longer in the tables"),
        };
        lines.push(format!(
            "priced with: {platform} table{} of {}; {current}",
            if older.len() == 1 { "" } else { "s" },
            older.join(" and ")
        ));
    }
    lines
}

/// A row of the report's table or CSV: a group, or the total, with its billed money when
/// a platform reported some (`import --from`).
struct ReportLine<'a> {
    line: &'a Line,
    total: bool,
    figure: Option<&'a CostFigure>,
}

/// The cost cell: the money `--cost` chose, saying which it is where billed money exists
/// (`$0.60 billed`, `$0.50 est.`); without billed money, the estimate as always.
fn chosen_cost_text(r: &ReportLine, choice: Option<CostChoice>) -> String {
    let row = &r.line.row;
    let estimated = cost_text(row);
    let currency = |f: &CostFigure| {
        f.currency
            .clone()
            .or_else(|| row.currency.clone())
            .unwrap_or_else(|| "USD".into())
    };
    match (choice.unwrap_or_default(), r.figure) {
        (CostChoice::Estimated, Some(f)) if f.billed.is_some() => format!("{estimated} est."),
        (CostChoice::Estimated, _) if choice.is_some() => format!("{estimated} est."),
        (CostChoice::Estimated, _) => estimated,
        (CostChoice::Billed, Some(f)) => match f.billed {
            Some(b) => format!("{} billed", money::fmt_money(b, &currency(f))),
            None => "not billed".into(),
        },
        (CostChoice::Billed, None) => "not billed".into(),
        (CostChoice::Best, Some(f)) => {
            let kind = match (f.best_has_billed, f.best_has_estimated) {
                (true, true) => "billed + est.",
                (true, false) => "billed",
                _ => "est.",
            };
            let unpriced = if f.best_has_estimated && row.unpriced > 0 {
                format!(" + {} unpriced", money::fmt_credits(row.unpriced.into()))
            } else {
                String::new()
            };
            format!(
                "{}{unpriced} {kind}",
                money::fmt_money(f.best, &currency(f))
            )
        }
        (CostChoice::Best, None) => format!("{estimated} est."),
    }
}

/// The cost the CSV holds under `--cost`, exact.
fn chosen_cost_csv(r: &ReportLine, choice: Option<CostChoice>) -> String {
    match (choice.unwrap_or_default(), r.figure) {
        (CostChoice::Billed, Some(f)) => f
            .billed
            .map(|b| b.normalize().to_string())
            .unwrap_or_default(),
        (CostChoice::Billed, None) => String::new(),
        (CostChoice::Best, Some(f)) => f.best.normalize().to_string(),
        _ => r.line.row.cost.normalize().to_string(),
    }
}

/// The report's columns, declared once: the table's and the CSV's, for the group keys `keys`.
/// The table shows what people read (`$0.29`, `140 kling + 207 runway`); the CSV the exact
/// values, with `currency` and `unpriced` beside the cost, and `cost_per_credit` last.
///
/// What a row is read for stays at any width (issue 22, item 5): the group (cut), clips,
/// cost, and refunded and owed when any line has some (`lines`); the rest give way, the
/// least read first, the credits last.
fn report_columns<'c, 'r>(
    keys: &'c [GroupKey],
    choice: Option<CostChoice>,
    lines: &[ReportLine<'r>],
) -> Vec<ViewColumn<'c, ReportLine<'r>>> {
    let any = |pick: fn(&ReportRow) -> Decimal| lines.iter().any(|r| !pick(&r.line.row).is_zero());
    // Essential when it has something to say; else the first to go.
    let when_any = |header: &'static str, some: bool, rank: u8| {
        if some {
            render::Column::essential(header)
        } else {
            render::Column::optional(header, rank)
        }
    };
    let refunded = when_any("refunded", any(|r| r.credits_refunded), 1);
    let owed = when_any("owed", any(|r| r.credits_owed), 1);
    let mut columns: Vec<ViewColumn<ReportLine>> = keys
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let header = key.to_string();
            ViewColumn::new(
                render::Column::shrinkable(&header, 5, 12),
                move |r: &ReportLine| match (r.total, r.line.row.keys.get(i)) {
                    (true, _) if i == 0 => "total".to_string(),
                    (true, _) => String::new(),
                    (false, k) => k.cloned().flatten().unwrap_or_else(|| "(none)".into()),
                },
            )
            // Project names and tags are the user's text: never a formula in a spreadsheet.
            .csv(header, move |r: &ReportLine| {
                if r.total {
                    return "TOTAL".to_string();
                }
                let k = r.line.row.keys.get(i).cloned().flatten();
                credits_app::exchange::formula::neutralise(k.unwrap_or_default().into())
                    .into_owned()
            })
        })
        .collect();
    if keys.is_empty() {
        // The total's label, in the table only.
        columns.push(ViewColumn::new(
            render::Column::shrinkable("", 5, 12),
            |r: &ReportLine| {
                if r.total {
                    "total".into()
                } else {
                    String::new()
                }
            },
        ));
    }
    // Credits of several platforms are not one number: the table shows them side by side,
    // the CSV leaves the cell empty.
    let credits_text = |r: &ReportLine, v: Decimal, pick: fn(&PlatformCredits) -> Decimal| {
        if r.line.single_unit() {
            money::fmt_credits(v)
        } else {
            per_platform_text(&r.line.by_platform, pick)
        }
    };
    let credits_csv = |r: &ReportLine, v: Decimal| {
        if r.line.single_unit() {
            v.normalize().to_string()
        } else {
            String::new()
        }
    };
    let exact = |v: Option<Decimal>| v.map(|d| d.normalize().to_string()).unwrap_or_default();
    columns.extend([
        ViewColumn::new(render::Column::essential("clips"), |r: &ReportLine| {
            money::fmt_credits(Decimal::from(r.line.row.clips))
        })
        .csv("clips", |r: &ReportLine| r.line.row.clips.to_string()),
        ViewColumn::new(render::Column::optional("seconds", 8), |r: &ReportLine| {
            money::fmt_credits(r.line.row.seconds)
        })
        .csv("seconds", |r: &ReportLine| {
            r.line.row.seconds.normalize().to_string()
        }),
        // The last to go, hidden whole: the cost is what a report is read for.
        ViewColumn::new(
            render::Column::optional("credits", 9),
            move |r: &ReportLine| credits_text(r, r.line.row.credits, |c| c.credits),
        )
        .csv("credits", move |r: &ReportLine| {
            credits_csv(r, r.line.row.credits)
        }),
        ViewColumn::new(refunded, move |r: &ReportLine| {
            credits_text(r, r.line.row.credits_refunded, |c| c.refunded)
        })
        .csv("credits_refunded", move |r: &ReportLine| {
            credits_csv(r, r.line.row.credits_refunded)
        }),
        ViewColumn::new(owed, move |r: &ReportLine| {
            credits_text(r, r.line.row.credits_owed, |c| c.owed)
        })
        .csv("credits_owed", move |r: &ReportLine| {
            credits_csv(r, r.line.row.credits_owed)
        }),
        ViewColumn::new(render::Column::essential("cost"), move |r: &ReportLine| {
            chosen_cost_text(r, choice)
        })
        .csv("cost", move |r: &ReportLine| chosen_cost_csv(r, choice)),
        ViewColumn::csv_only("currency", |r: &ReportLine| {
            r.line.row.currency.clone().unwrap_or_default()
        }),
        ViewColumn::csv_only("unpriced", |r: &ReportLine| r.line.row.unpriced.to_string()),
        // Unpriced entries are out of both sides, so this is exact, not a floor.
        ViewColumn::new(
            render::Column::optional("per credit", 2),
            |r: &ReportLine| {
                let row = &r.line.row;
                row.cost_per_credit().map_or_else(
                    || "-".to_string(),
                    |v| money::fmt_money(v, row.currency.as_deref().unwrap_or("USD")),
                )
            },
        ),
        ViewColumn::new(
            render::Column::optional("per second", 7),
            |r: &ReportLine| per_text(r.line.row.cost_per_second(), &r.line.row),
        )
        .csv("cost_per_second", move |r: &ReportLine| {
            exact(r.line.row.cost_per_second())
        }),
        ViewColumn::new(
            render::Column::optional("per kept second", 1),
            |r: &ReportLine| per_text(r.line.row.cost_per_kept_second(), &r.line.row),
        )
        .csv("cost_per_kept_second", move |r: &ReportLine| {
            exact(r.line.row.cost_per_kept_second())
        }),
        // The CSV has the price per credit last (the table, after the cost).
        ViewColumn::csv_only("cost_per_credit", move |r: &ReportLine| {
            exact(r.line.row.cost_per_credit())
        }),
    ]);
    if choice.is_some() {
        // Which money the cost is, per record: only asked for, so CSVs read by scripts keep
        // their columns.
        columns.push(ViewColumn::csv_only("cost_kind", move |r: &ReportLine| {
            match (choice.unwrap_or_default(), r.figure) {
                (CostChoice::Estimated, _) | (CostChoice::Best, None) => "estimated",
                (CostChoice::Billed, _) => "billed",
                (CostChoice::Best, Some(f)) => match (f.best_has_billed, f.best_has_estimated) {
                    (true, true) => "billed+estimated",
                    (true, false) => "billed",
                    _ => "estimated",
                },
            }
            .to_string()
        }));
    }
    columns
}

/// `report --html FILE`: the cost sheet of the filtered entries, written whole and private.
fn sheet(
    ctx: &Context,
    args: &ReportArgs,
    path: &std::path::Path,
    out: &mut dyn Write,
) -> Result<i32> {
    let session = &ctx.session;
    let filter = args.filter.filter(session)?;
    let billing = credits_app::ops::sheet::Billing {
        markup: args.markup,
        rate: args.rate.clone(),
    };
    let sheet = credits_app::ops::sheet::sheet(session, &filter, billing)?;
    // What the sheet covers, as the user typed it.
    let f = &args.filter;
    let mut scope: Vec<(String, String)> = Vec::new();
    let mut add = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            scope.push((k.to_string(), v));
        }
    };
    add("project", f.project.clone());
    for (k, v) in &f.tags {
        add(k, Some(v.clone()));
    }
    add("platform", f.platform.clone());
    add("model", f.model.clone());
    add("status", f.status.map(|s| s.to_string()));
    add("user", f.user.clone());
    // The period as dates a client can read (`7d` or `yesterday` mean nothing in a file
    // read next week), with what was typed beside it when that differs.
    // An end at midnight is the day before, whole (`--until DATE` takes in that day).
    let shown = |typed: &String, at: Option<chrono::DateTime<chrono::Utc>>, end: bool| match at {
        Some(at) => {
            let date = if at.time() == chrono::NaiveTime::MIN {
                let day = if end {
                    at - chrono::Duration::days(1)
                } else {
                    at
                };
                day.format("%Y-%m-%d").to_string()
            } else {
                at.format("%Y-%m-%d %H:%M UTC").to_string()
            };
            if &date == typed {
                date
            } else {
                format!("{date} ({typed})")
            }
        }
        None => typed.clone(),
    };
    let since = f.since.as_ref().map(|a| shown(a, filter.since, false));
    let until = f.until.as_ref().map(|b| shown(b, filter.until, true));
    let period = match (since, until) {
        (Some(a), Some(b)) => Some(format!("{a} to {b}")),
        (Some(a), None) => Some(format!("from {a}")),
        (None, Some(b)) => Some(format!("up to {b}")),
        (None, None) => None,
    };
    add("period", period);
    if scope.is_empty() {
        scope.push(("scope".into(), "every entry in the log".into()));
    }
    let made = format!(
        "Made by credits {} on {} from the generations logged. Amounts are rounded for display only.",
        env!("CARGO_PKG_VERSION"),
        session.now.format("%Y-%m-%d %H:%M UTC")
    );
    let html = views::sheet::html(&sheet, &scope, &made)?;
    // `--html -`: the page on standard output, for a pipe (`… | mail`), as `export` does.
    if path.as_os_str() == "-" {
        out.write_all(html.as_bytes())?;
        return Ok(0);
    }
    credits_app::ops::sheet::write(path, &html)?;
    let total = &sheet.total.row;
    let known = total.currency.is_some() || total.unpriced == 0;
    let billed = if known {
        Some(sheet.billing.billed(total.cost)?)
    } else {
        None
    };
    if ctx.json {
        let view = views::sheet::WrittenView {
            path: path.display().to_string(),
            entries: sheet.entries.len(),
            cost: known.then_some(views::Dec(total.cost)),
            currency: sheet.currency.as_deref(),
            unpriced: total.unpriced,
            billed: billed.map(views::Dec),
            billed_currency: sheet.billed_currency(),
        };
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    let billed_text = match billed {
        Some(b) if sheet.billing.changes() => format!(
            ", billed {}",
            money::fmt_money(b, sheet.billed_currency().unwrap_or("USD"))
        ),
        _ => String::new(),
    };
    let cost_text = if known {
        money::fmt_money(total.cost, sheet.currency.as_deref().unwrap_or("USD"))
    } else {
        "unknown".into()
    };
    proseln!(
        out,
        "wrote {}: {}, cost {cost_text}{billed_text}{}",
        path.display(),
        money::fmt_count(sheet.entries.len() as u64, "generation", "generations"),
        if total.unpriced > 0 {
            format!(
                " ({} of unknown money)",
                money::fmt_count(total.unpriced, "entry", "entries")
            )
        } else {
            String::new()
        }
    )?;
    Ok(0)
}

/// The chart of a report by `keys`, which must hold exactly one time key.
fn chart(
    keys: &[GroupKey],
    rows: &[Line],
    measure: ChartMeasure,
    top: u8,
) -> Result<credits_app::ops::chart::Chart> {
    let times: Vec<String> = keys
        .iter()
        .filter(|k| matches!(k, GroupKey::Day | GroupKey::Week | GroupKey::Month))
        .map(ToString::to_string)
        .collect();
    match times.as_slice() {
        [_] => {}
        [] => {
            return Err(fail_with_help(
                "--chart draws spend over time: it needs --by day, --by week or --by month",
                "e.g. credits report --by month --chart, or --by project --by week --chart",
            ))
        }
        _ => {
            return Err(fail_with_help(
                format!(
                    "--chart draws one time axis, and --by names {}",
                    times.join(" and ")
                ),
                "keep one of --by day, --by week and --by month",
            ))
        }
    }
    let measure = match measure {
        ChartMeasure::Money => chart::Measure::Money,
        ChartMeasure::Credits => chart::Measure::Credits,
    };
    chart::chart(keys, rows, measure, usize::from(top))
}

pub fn report(ctx: &Context, args: &ReportArgs, out: &mut dyn Write) -> Result<i32> {
    let keys: Vec<GroupKey> = args
        .by
        .iter()
        .map(|k| {
            k.parse::<GroupKey>().map_err(|e| {
                fail_with_help(
                    e.to_string(),
                    "e.g. --by project --by month, or --by tag:client",
                )
            })
        })
        .collect::<Result<_>>()?;
    let session = &ctx.session;
    if let Some(path) = &args.html {
        return sheet(ctx, args, path, out);
    }
    let store = session.store_for_reading()?;
    let filter = args.filter.filter(session)?;
    let report = reports::report(&store, &filter, &keys)?;
    let choice = args
        .cost
        .as_deref()
        .map(str::parse::<CostChoice>)
        .transpose()?;
    if matches!(choice, Some(CostChoice::Billed | CostChoice::Best))
        && !billed::report_can_show_billed(&filter, &keys)
    {
        return Err(billed::billed_report_refused());
    }
    // Billed money in several currencies has no single column: `--cost billed|best` is
    // refused with its help; the estimate (plain `report`) is shown alone, split by
    // currency as always.
    let costs = match billed::report_costs(&store, &filter, &keys) {
        Ok(c) => c,
        Err(e) => match e.downcast_ref::<billed::MixedCurrencies>() {
            Some(m) if matches!(choice, Some(CostChoice::Billed | CostChoice::Best)) => {
                return Err(billed::mixed_currencies_refused(m));
            }
            Some(_) => None,
            None => return Err(e),
        },
    };
    let figure_of = |line: &Line| costs.as_ref().and_then(|c| c.rows.get(&line.row.keys));
    let total_figure = costs.as_ref().map(|c| &c.total);
    let priced_with = reports::priced_with(&session.catalog, &report.tables);
    let (rows, total) = (report.rows, Some(report.total));
    let unpriced_platforms = report.unpriced_platforms;
    // Only the budgets the filters concern (`budgets::concerns`).
    let budgets = budgets::uses_concerning(session, &store, &filter)?;
    let warn = credits_app::config::budget_warn()?;

    let chart = match args.chart {
        Some(measure) => Some(chart(&keys, &rows, measure, args.top)?),
        None => None,
    };
    if ctx.json {
        let mut view = ReportView::new(&keys, &rows, total.as_ref(), &priced_with, &budgets, &warn);
        view.chart = chart.as_ref().map(ChartView::new);
        if costs.is_some() || choice.is_some() {
            view.rows = view
                .rows
                .into_iter()
                .zip(&rows)
                .map(|(v, line)| v.with_costs(choice, figure_of(line)))
                .collect();
            view.total = view.total.map(|t| t.with_costs(choice, total_figure));
        }
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    if args.csv {
        // No TOTAL record unless asked: a pivot table over the rows would count it twice.
        let lines: Vec<ReportLine> = rows
            .iter()
            .map(|line| ReportLine {
                line,
                total: false,
                figure: figure_of(line),
            })
            .chain(
                total
                    .iter()
                    // With no --by the total is the only row: the data, not a sum of rows.
                    .filter(|_| args.total || keys.is_empty())
                    .map(|line| ReportLine {
                        line,
                        total: true,
                        figure: total_figure,
                    }),
            )
            .collect();
        columns::write_csv(&report_columns(&keys, choice, &lines), &lines, &mut *out)?;
        return Ok(0);
    }
    let Some(total) = total.filter(|t| t.row.entries > 0) else {
        proseln!(out, "no entries")?;
        if !budgets.is_empty() {
            proseln!(out)?;
            out.write_all(views::budgets::budgets_table(&budgets, &warn).as_bytes())?;
        }
        return Ok(0);
    };
    let lines: Vec<ReportLine> = rows
        .iter()
        .map(|line| ReportLine {
            line,
            total: false,
            figure: figure_of(line),
        })
        .chain([ReportLine {
            line: &total,
            total: true,
            figure: total_figure,
        }])
        .collect();
    match &chart {
        Some(chart) => {
            let style = Style {
                unicode: !args.ascii && render::unicode_locale(),
                colour: render::colour_wanted(),
            };
            render::set_colour(style.colour);
            // Unknown width (piped, no COLUMNS): the width of most terminals.
            let width = render::output_width().unwrap_or(80);
            let drawn = views::chart::draw(chart, style, width);
            out.write_all(drawn.text.as_bytes())?;
            // Never an empty chart without a word: say why there are no bars.
            if let Some(needs) = drawn.needs {
                eproseln!(
                    "note: no room for bars at {width} columns (the periods and amounts take \
                     it all; bars need {needs}): widen the terminal or COLUMNS, or drop --chart \
                     for the table"
                );
            }
        }
        None => out
            .write_all(columns::table(&report_columns(&keys, choice, &lines), &lines).as_bytes())?,
    }
    // Only where the total holds billed money: under the estimate (plain `report`,
    // `--cost estimated`) it is in no figure shown.
    if let Some(c) = costs
        .as_ref()
        .filter(|c| !c.billed_without_entries.is_zero())
        .filter(|_| matches!(choice, Some(CostChoice::Billed | CostChoice::Best)))
    {
        let currency = c.total.currency.as_deref().unwrap_or("USD");
        proseln!(
            out,
            "billed {} on models and days with no entry: in the total's billed money, in no \
             row (`credits reconcile` lists them)",
            money::fmt_money(c.billed_without_entries, currency)
        )?;
    }
    if total.row.unpriced > 0 {
        let has = if total.row.unpriced == 1 {
            "has"
        } else {
            "have"
        };
        // `account set` is advice only for a platform in the tables with no account yet: an
        // account already set, or a platform the tables do not know, is not helped by it.
        let mut no_account = Vec::new();
        for p in &unpriced_platforms {
            if session.catalog.platform(p).is_ok() && store.account(p)?.is_none() {
                no_account.push(p.as_str());
            }
        }
        let advice = match no_account.as_slice() {
            [] => String::new(),
            [one] => {
                format!(" (no account set for {one}: `credits account set {one} --plan PLAN`)")
            }
            _ => format!(
                " (no account set for {}: `credits account set PLATFORM --plan PLAN`)",
                no_account.join(", ")
            ),
        };
        proseln!(
            out,
            "{} {has} unknown money: costs shown are the known part{advice}",
            money::fmt_count(total.row.unpriced, "entry", "entries")
        )?;
    }
    for line in priced_with_lines(&session.catalog, &priced_with) {
        proseln!(out, "{line}")?;
    }
    if !budgets.is_empty() {
        proseln!(out)?;
        out.write_all(views::budgets::budgets_table(&budgets, &warn).as_bytes())?;
    }
    Ok(0)
}

/// Money owed per platform: the known money of its failed entries, with how many are unknown.
fn money_owed(
    store: &credits_store::Store,
    platform: &str,
) -> Result<(Option<credits_core::records::Money>, u64)> {
    // The report's sums of the platform's failed entries, one row per currency when they
    // mix: the first currency is the total, entries in another count as unknown.
    let rows = store.report(
        &credits_core::records::Filter {
            platform: Some(platform.to_string()),
            status: Some(credits_core::records::Status::Failed),
            ..credits_core::records::Filter::default()
        },
        &[],
    )?;
    let mut sum: Option<credits_core::records::Money> = None;
    let mut unknown = 0;
    for row in rows {
        unknown += row.unpriced;
        match (row.currency, &sum) {
            (Some(currency), None) => {
                sum = Some(credits_core::records::Money {
                    amount: row.cost,
                    currency,
                })
            }
            (Some(_), Some(_)) => unknown += row.entries - row.unpriced,
            (None, _) => {}
        }
    }
    Ok((sum, unknown))
}

pub fn refunds(ctx: &Context, out: &mut dyn Write) -> Result<i32> {
    let store = ctx.session.store_for_reading()?;
    let owed = store.refunds_owed()?;
    let mut rows = Vec::new();
    for o in &owed {
        let (money_sum, unknown) = money_owed(&store, &o.platform)?;
        rows.push((o, money_sum, unknown));
    }
    if ctx.json {
        let view: Vec<RefundView> = rows
            .iter()
            .map(|(o, m, unknown)| RefundView::new(o, m.as_ref(), *unknown))
            .collect();
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    if owed.is_empty() {
        proseln!(out, "no failed generations waiting for a refund")?;
        return Ok(0);
    }
    let table_rows = rows
        .iter()
        .map(|(o, m, unknown)| {
            let money_text = match (m, unknown) {
                (Some(m), 0) => money::fmt_money(m.amount, &m.currency),
                (Some(m), n) => format!(
                    "{} + {} unpriced",
                    money::fmt_money(m.amount, &m.currency),
                    money::fmt_credits((*n).into())
                ),
                (None, _) => "unknown".to_string(),
            };
            vec![
                o.platform.clone(),
                money::fmt_credits(o.entries.into()),
                money::fmt_credits(o.credits),
                money_text,
            ]
        })
        .collect();
    out.write_all(
        render::table(
            &[
                render::Column::essential("platform"),
                render::Column::optional("failed entries", 1),
                render::Column::essential("credits owed"),
                render::Column::essential("money owed"),
            ],
            table_rows,
        )
        .as_bytes(),
    )?;
    proseln!(out, "mark one refunded with `credits refund ID` once the platform pays it back (ids: `credits history --status failed`)")?;
    Ok(0)
}
