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
/// `max_name` while a range is open; `name: null` when unknown.
pub fn put_amount(map: &mut Map<String, Value>, name: &str, value: Option<Amount>) {
    match value {
        Some(v) if v.is_exact() => {
            map.insert(name.to_string(), json_decimal(v.min));
        }
        Some(v) => {
            map.insert(name.to_string(), Value::Null);
            map.insert(format!("min_{name}"), json_decimal(v.min));
            map.insert(format!("max_{name}"), json_decimal(v.max));
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

/// Pretty JSON with a trailing newline.
pub fn json(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".to_string());
    text.push('\n');
    text
}
