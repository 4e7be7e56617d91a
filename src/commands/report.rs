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
//! table with what is used and left.
//!
//! Each entry records the pricing table that priced it (schema 4): when some were priced with
//! a table other than the platform's current one, a line per such platform says which, and
//! `--json` lists every table in `priced_with`.

use super::Context;
use crate::cli::ReportArgs;
use crate::error::fail_with_help;
use crate::render;
use anyhow::Result;
use credits_app::ops::budgets;
use credits_app::ops::reports::{self, Line, PlatformCredits, PricedWith};
use credits_core::money;
use credits_store::{GroupKey, ReportRow};
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};
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

fn row_json(keys: &[GroupKey], line: &Line) -> Value {
    let row = &line.row;
    let mut map = Map::new();
    for (key, value) in keys.iter().zip(&row.keys) {
        map.insert(key.to_string(), json!(value));
    }
    map.insert("entries".into(), json!(row.entries));
    map.insert("clips".into(), json!(row.clips));
    map.insert("seconds".into(), render::json_decimal(row.seconds));
    map.insert(
        "kept_seconds".into(),
        render::json_decimal(row.kept_seconds),
    );
    // Credits of several platforms are not one number.
    let single = line.single_unit();
    let credits = |v: Decimal| {
        if single {
            render::json_decimal(v)
        } else {
            Value::Null
        }
    };
    map.insert("credits".into(), credits(row.credits));
    map.insert("credits_refunded".into(), credits(row.credits_refunded));
    map.insert("credits_owed".into(), credits(row.credits_owed));
    let mut per = Map::new();
    for (platform, c) in &line.by_platform {
        per.insert(
            platform.clone(),
            json!({
                "credits": render::json_decimal(c.credits),
                "credits_refunded": render::json_decimal(c.refunded),
                "credits_owed": render::json_decimal(c.owed),
            }),
        );
    }
    map.insert("credits_by_platform".into(), Value::Object(per));
    // Cost is the sum of known money; `unpriced` counts the entries it leaves out.
    let known = row.currency.is_some() || row.unpriced == 0;
    map.insert(
        "cost".into(),
        if known {
            render::json_decimal(row.cost)
        } else {
            Value::Null
        },
    );
    map.insert("currency".into(), json!(row.currency));
    map.insert("unpriced".into(), json!(row.unpriced));
    map.insert(
        "cost_per_second".into(),
        json!(row.cost_per_second().map(|d| d.normalize().to_string())),
    );
    map.insert(
        "cost_per_kept_second".into(),
        json!(row
            .cost_per_kept_second()
            .map(|d| d.normalize().to_string())),
    );
    map.insert(
        "cost_per_credit".into(),
        json!(row.cost_per_credit().map(|d| d.normalize().to_string())),
    );
    Value::Object(map)
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

fn priced_with_json(all: &[PricedWith]) -> Value {
    Value::Array(
        all.iter()
            .map(|p| {
                json!({
                    "platform": p.table.platform,
                    "as_of": p.table.as_of.to_string(),
                    "sha256": p.table.sha256,
                    "entries": p.entries,
                    "current": p.current,
                })
            })
            .collect(),
    )
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
    let store = session.store_for_reading()?;
    let filter = args.filter.filter(session)?;
    let report = reports::report(&store, &filter, &keys)?;
    let priced_with = reports::priced_with(&session.catalog, &report.tables);
    let (rows, total) = (report.rows, Some(report.total));
    let unpriced_platforms = report.unpriced_platforms;
    let budgets = budgets::uses(session, &store)?;

    if ctx.json {
        let value = json!({
            "by": keys.iter().map(|k| k.to_string()).collect::<Vec<_>>(),
            "rows": rows.iter().map(|r| row_json(&keys, r)).collect::<Vec<_>>(),
            "total": total.as_ref().map(|t| row_json(&[], t)),
            "priced_with": priced_with_json(&priced_with),
            "budgets": render::budgets_json(&budgets),
        });
        out.write_all(render::json(&value).as_bytes())?;
        return Ok(0);
    }
    let mut headers: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
    if headers.is_empty() {
        headers.push(String::new());
    }
    let columns = [
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
    let to_cells = |line: &Line| -> Vec<String> {
        let row = &line.row;
        let credits = |v: Decimal, pick: fn(&PlatformCredits) -> Decimal| {
            if line.single_unit() {
                money::fmt_credits(v)
            } else {
                per_platform_text(&line.by_platform, pick)
            }
        };
        vec![
            money::fmt_credits(Decimal::from(row.clips)),
            money::fmt_credits(row.seconds),
            credits(row.credits, |c| c.credits),
            credits(row.credits_refunded, |c| c.refunded),
            credits(row.credits_owed, |c| c.owed),
            cost_text(row),
            // Unpriced entries are out of both sides, so this is exact, not a floor.
            row.cost_per_credit().map_or_else(
                || "-".to_string(),
                |v| money::fmt_money(v, row.currency.as_deref().unwrap_or("USD")),
            ),
            per_text(row.cost_per_second(), row),
            per_text(row.cost_per_kept_second(), row),
        ]
    };
    if args.csv {
        let mut w = csv::Writer::from_writer(&mut *out);
        let mut header: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        header.extend(
            [
                "clips",
                "seconds",
                "credits",
                "credits_refunded",
                "credits_owed",
                "cost",
                "currency",
                "unpriced",
                "cost_per_second",
                "cost_per_kept_second",
                "cost_per_credit",
            ]
            .map(String::from),
        );
        w.write_record(&header)?;
        // No TOTAL record unless asked: a pivot table over the rows would count it twice.
        let all = rows.iter().map(|l| (l.row.keys.clone(), l)).chain(
            total
                .iter()
                // With no --by the total is the only row: the data, not a sum of rows.
                .filter(|_| args.total || keys.is_empty())
                .map(|t| (keys.iter().map(|_| Some("TOTAL".to_string())).collect(), t)),
        );
        for (key_values, line) in all {
            let r = &line.row;
            // Project names and tags are the user's text: never a formula in a spreadsheet.
            let mut record: Vec<String> = key_values
                .into_iter()
                .map(|k| {
                    credits_app::exchange::formula::neutralise(k.unwrap_or_default().into())
                        .into_owned()
                })
                .collect();
            // Credits of several platforms are not one number: left empty.
            let credits = |v: Decimal| {
                if line.single_unit() {
                    v.normalize().to_string()
                } else {
                    String::new()
                }
            };
            record.extend([
                r.clips.to_string(),
                r.seconds.normalize().to_string(),
                credits(r.credits),
                credits(r.credits_refunded),
                credits(r.credits_owed),
                r.cost.normalize().to_string(),
                r.currency.clone().unwrap_or_default(),
                r.unpriced.to_string(),
                r.cost_per_second()
                    .map(|d| d.normalize().to_string())
                    .unwrap_or_default(),
                r.cost_per_kept_second()
                    .map(|d| d.normalize().to_string())
                    .unwrap_or_default(),
                r.cost_per_credit()
                    .map(|d| d.normalize().to_string())
                    .unwrap_or_default(),
            ]);
            w.write_record(&record)?;
        }
        w.flush()?;
        return Ok(0);
    }
    let Some(total) = total.filter(|t| t.row.entries > 0) else {
        proseln!(out, "no entries")?;
        if !budgets.is_empty() {
            proseln!(out)?;
            out.write_all(render::budgets_table(&budgets).as_bytes())?;
        }
        return Ok(0);
    };
    let mut table_rows = Vec::new();
    for row in &rows {
        let mut cells: Vec<String> = row
            .row
            .keys
            .iter()
            .map(|k| k.clone().unwrap_or_else(|| "(none)".into()))
            .collect();
        cells.extend(to_cells(row));
        table_rows.push(cells);
    }
    let mut total_cells = vec!["total".to_string()];
    total_cells.extend((1..headers.len()).map(|_| String::new()));
    total_cells.extend(to_cells(&total));
    table_rows.push(total_cells);
    // The keys, credits and cost stay; the rest give way, the least read first.
    let mut all_columns: Vec<render::Column> = headers
        .iter()
        .map(|h| render::Column::shrinkable(h, 5, 12))
        .collect();
    all_columns.extend([
        render::Column::optional("clips", 6),
        render::Column::optional("seconds", 8),
        render::Column::essential("credits"),
        render::Column::optional("refunded", 3),
        render::Column::optional("owed", 4),
        render::Column::essential("cost"),
        render::Column::optional("per credit", 2),
        render::Column::optional("per second", 7),
        render::Column::optional("per kept second", 1),
    ]);
    debug_assert_eq!(all_columns.len(), headers.len() + columns.len());
    out.write_all(render::table(&all_columns, table_rows).as_bytes())?;
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
        out.write_all(render::budgets_table(&budgets).as_bytes())?;
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
        let rows: Vec<Value> = rows
            .iter()
            .map(|(o, m, unknown)| {
                json!({
                    "platform": o.platform,
                    "entries": o.entries,
                    "credits_owed": render::json_decimal(o.credits),
                    "money_owed": m.as_ref().map(|m| render::json_decimal(m.amount)),
                    "currency": m.as_ref().map(|m| m.currency.clone()),
                    "unpriced": unknown,
                })
            })
            .collect();
        out.write_all(render::json(&Value::Array(rows)).as_bytes())?;
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
