//! Output: tables for people, JSON for scripts.
//!
//! Tables fit the terminal and use light borders on a terminal; piped, they are plain
//! space-aligned columns with no borders and no styling. Bold headers only on a terminal
//! and never when `NO_COLOR` is set. JSON carries decimals as exact strings.

use crate::money::{self, Amount, MoneyRange};
use comfy_table::{presets, Attribute, Cell, ContentArrangement, Table};
use serde_json::{Map, Value};
use std::io::IsTerminal;

/// Whether stdout is a terminal (decides borders and width).
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A table with a header row, rendered for the current stdout.
pub fn table(headers: &[&str], rows: Vec<Vec<String>>) -> String {
    let terminal = stdout_is_terminal();
    let mut table = Table::new();
    if terminal {
        table
            .load_preset(presets::UTF8_HORIZONTAL_ONLY)
            .set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        table
            .load_preset(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Disabled);
    }
    let bold = terminal && color_allowed();
    table.set_header(headers.iter().map(|h| {
        let cell = Cell::new(h);
        if bold {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    for row in rows {
        table.add_row(row);
    }
    let mut text = table.to_string();
    if !terminal {
        // Plain output: no trailing spaces on any line.
        text = text
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n");
    }
    text.push('\n');
    text
}

/// Two columns of label and value, for one result.
pub fn key_values(rows: Vec<(&str, String)>) -> String {
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (key, value) in rows {
        out.push_str(&format!("{key:<width$}  {value}\n"));
    }
    out
}

/// Money for a table cell, or `unknown`.
pub fn money_cell(value: Option<&MoneyRange>, currency: &str) -> String {
    match value {
        Some(v) => money::fmt_money_amount(&v.to_amount(), currency),
        None => "unknown".to_string(),
    }
}

/// Credits for a table cell, or `unknown`.
pub fn credits_cell(value: Option<&Amount>) -> String {
    match value {
        Some(v) => money::fmt_credits_amount(v),
        None => "unknown".to_string(),
    }
}

/// A decimal as an exact JSON string.
pub fn json_decimal(value: rust_decimal::Decimal) -> Value {
    Value::String(value.normalize().to_string())
}

/// Puts an amount in a JSON object: `name` when exact; `name: null` with `min_name` and
/// `max_name` while a range is open (`max_name: null` when its upper end is unknown);
/// `name: null` when unknown.
pub fn put_amount(map: &mut Map<String, Value>, name: &str, value: Option<Amount>) {
    match value {
        Some(v) if v.is_exact() => {
            map.insert(name.to_string(), json_decimal(v.min));
        }
        Some(v) => {
            map.insert(name.to_string(), Value::Null);
            map.insert(format!("min_{name}"), json_decimal(v.min));
            map.insert(
                format!("max_{name}"),
                if v.open {
                    Value::Null
                } else {
                    json_decimal(v.max)
                },
            );
        }
        None => {
            map.insert(name.to_string(), Value::Null);
        }
    }
}

/// [`put_amount`] for money held as exact fractions.
pub fn put_money(map: &mut Map<String, Value>, name: &str, value: Option<&MoneyRange>) {
    put_amount(map, name, value.map(MoneyRange::to_amount));
}

/// The table that priced an entry, for `--json`: `{"as_of", "sha256"}`, or null when none is
/// recorded.
pub fn priced_with_json(table: Option<&crate::records::TableStamp>) -> Value {
    match table {
        Some(t) => serde_json::json!({"as_of": t.as_of.to_string(), "sha256": t.sha256}),
        None => Value::Null,
    }
}

/// A table in a line of text: its date and the first 8 digits of its hash, `2026-05-04
/// (a1b2c3d4)`, enough to tell two tables of one date apart.
pub fn table_text(t: &crate::records::TableStamp) -> String {
    format!("{} ({})", t.as_of, t.sha256.get(..8).unwrap_or(&t.sha256))
}

/// Pretty JSON with a trailing newline.
pub fn json(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".to_string());
    text.push('\n');
    text
}

// ----------------------------------------------------------------------------------------------
// Budgets: shown by `budget list`, `report` and `balance` alike.

use crate::ops::budgets::BudgetUse;
use crate::records::Budget;
use rust_decimal::Decimal;

/// A budget's limit, use or remainder in its unit.
pub fn budget_amount(b: &Budget, value: Decimal) -> String {
    crate::ops::budgets::amount_text(b, value)
}

/// Notes that qualify a budget's figures.
fn budget_caveats(u: &BudgetUse) -> Vec<String> {
    let mut notes = Vec::new();
    if u.unpriced > 0 {
        notes.push(format!(
            "{} of {}'s entries have unknown money and are not counted",
            u.unpriced, u.budget.project
        ));
    }
    if u.other_currency {
        notes.push(format!(
            "{}'s entries in other currencies are not counted",
            u.budget.project
        ));
    }
    if u.used.is_none() {
        notes.push(format!(
            "{}'s credits are on {} platforms, which are different units: give the budget a \
             platform (`credits budget set {} AMOUNT --credits --platform P`)",
            u.budget.project, u.platforms, u.budget.project
        ));
    }
    notes
}

/// The budgets as a table, with their notes.
pub fn budgets_table(uses: &[BudgetUse]) -> String {
    let rows = uses
        .iter()
        .map(|u| {
            let b = &u.budget;
            vec![
                b.project.clone(),
                u.period.clone(),
                budget_amount(b, b.amount),
                u.used
                    .map_or_else(|| "unknown".to_string(), |v| budget_amount(b, v)),
                match u.left {
                    Some(left) if u.exceeded => format!("over by {}", budget_amount(b, -left)),
                    Some(left) => budget_amount(b, left),
                    None => "unknown".to_string(),
                },
                match (u.exceeded, u.used) {
                    (true, _) => "EXCEEDED",
                    (false, Some(_)) => "ok",
                    (false, None) => "unknown",
                }
                .to_string(),
            ]
        })
        .collect();
    let mut text = table(
        &["budget", "period", "limit", "used", "left", "status"],
        rows,
    );
    for u in uses {
        for note in budget_caveats(u) {
            text.push_str(&format!("note: {note}\n"));
        }
    }
    text
}

/// The budgets as JSON.
pub fn budgets_json(uses: &[BudgetUse]) -> Value {
    Value::Array(
        uses.iter()
            .map(|u| {
                serde_json::json!({
                    "project": u.budget.project,
                    "unit": u.budget.unit.as_str(),
                    "platform": u.budget.platform,
                    "currency": u.budget.currency,
                    "period": u.budget.period.as_str(),
                    "current_period": u.period,
                    "amount": json_decimal(u.budget.amount),
                    "used": u.used.map(json_decimal),
                    "left": u.left.map(json_decimal),
                    "exceeded": u.exceeded,
                    "unpriced": u.unpriced,
                    "notes": budget_caveats(u),
                })
            })
            .collect(),
    )
}
