//! Shot lists: a TOML file of `[[shot]]` tables priced line by line, with a total.
//!
//! ```toml
//! platform = "videodraft"          # default for every shot
//! [[shot]]
//! name = "Script"
//! model = "script-generation"
//! credits = 10                     # pins a ranged operation's actual cost (per generation)
//! [[shot]]
//! model = "kling-v2.1"
//! count = 2
//! ```
//! Ranges carry through to a min–max total. Credits of different platforms are different
//! currencies, so the credit total is given only when every line is on one platform.

// The operators of Decimal, i128 Ratio and chrono panic on overflow; every operation in
// this module must be checked, so that no input (a flag, a pricing file) can panic.
#![deny(clippy::arithmetic_side_effects)]

use crate::cost::{self, PricingChoice, Quote, Request};
use crate::error::fail_with_help;
use crate::money::{Amount, MoneyRange};
use crate::pricing::catalog::Catalog;
use anyhow::{Context as _, Result};
use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShotList {
    pub platform: Option<String>,
    #[serde(default)]
    pub shot: Vec<toml::Spanned<Shot>>,
}

/// One line of a shot list: the request options named as `estimate`'s flags.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shot {
    pub name: Option<String>,
    pub platform: Option<String>,
    pub model: String,
    #[serde(default, deserialize_with = "optional_decimal")]
    pub duration: Option<Decimal>,
    pub resolution: Option<String>,
    #[serde(default)]
    pub audio: bool,
    #[serde(default)]
    pub refs: u32,
    pub mode: Option<String>,
    pub chars: Option<u64>,
    pub count: Option<u32>,
    #[serde(default)]
    pub upscale: bool,
    /// Pinned credits per generation.
    #[serde(default, deserialize_with = "optional_decimal")]
    pub credits: Option<Decimal>,
}

fn optional_decimal<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    crate::money::deserialize_decimal(d).map(Some)
}

/// Parses a shot list's text (the application reads the file: `credits_app::shot_lists`).
pub fn parse(text: &str) -> Result<ShotList, String> {
    let list: ShotList = toml::from_str(text).map_err(|e| e.to_string().trim_end().to_string())?;
    if list.shot.is_empty() {
        return Err("no [[shot]] tables".to_string());
    }
    Ok(list)
}

/// One priced line.
#[derive(Debug)]
pub struct PricedLine {
    /// 1-based line of the file where the shot starts.
    pub line: usize,
    pub name: Option<String>,
    pub quote: Quote,
}

/// A priced shot list.
#[derive(Debug)]
pub struct Priced {
    pub lines: Vec<PricedLine>,
    /// Credits of every line, when all are on one credit-billed platform.
    pub total_credits: Option<Amount>,
    /// Money of every line, when every line has a known price in one currency.
    pub total_cost: Option<MoneyRange>,
    pub currency: String,
    pub notes: Vec<String>,
}

/// As [`price`], with the file's text for line numbers in errors.
pub fn price_with_text(
    catalog: &Catalog,
    list: &ShotList,
    text: Option<&str>,
    default_platform: Option<&str>,
    choice: &PricingChoice,
) -> Result<Priced> {
    let mut lines = Vec::new();
    for (index, spanned) in list.shot.iter().enumerate() {
        // 1-based numbers for people. `index` and a count of newlines are below
        // `usize::MAX`, so saturating never changes them; `get` because `text` is the
        // caller's and need not be the text that was parsed.
        let number = index.saturating_add(1);
        let line = text
            .and_then(|t| t.get(..spanned.span().start))
            .map_or(number, |before| {
                before.matches('\n').count().saturating_add(1)
            });
        let shot = spanned.get_ref();
        let here = format!("shot {number} at line {line}");
        let platform_name = shot
            .platform
            .as_deref()
            .or(list.platform.as_deref())
            .or(default_platform)
            .ok_or_else(|| {
                fail_with_help(
                    format!("{here} names no platform"),
                    "add `platform = \"…\"` at the top of the file or in the shot",
                )
            })?;
        let platform = catalog
            .platform(platform_name)
            .with_context(|| here.clone())?;
        let model = platform.model(&shot.model).with_context(|| here.clone())?;
        let request = Request {
            duration: shot.duration,
            resolution: shot.resolution.clone(),
            audio: shot.audio,
            refs: shot.refs,
            mode: shot.mode.clone(),
            chars: shot.chars,
            count: shot.count.unwrap_or(1),
            upscale: shot.upscale,
            pinned_credits: shot.credits,
            // A plan made now: priced at today's rates.
            on: None,
        }
        .normalized()
        .with_context(|| here.clone())?;
        let mut line_choice = choice.clone();
        // A --plan names a plan on one platform; on others it cannot apply.
        if let Some(plan) = &choice.plan {
            if platform.plan(plan).is_err() {
                line_choice.plan = None;
            }
        }
        let quote =
            cost::quote(platform, model, &request, &line_choice).with_context(|| here.clone())?;
        lines.push(PricedLine {
            line,
            name: shot.name.clone(),
            quote,
        });
    }
    total(lines)
}

fn total(lines: Vec<PricedLine>) -> Result<Priced> {
    let mut notes = Vec::new();
    let mut credit_platforms: Vec<&str> = lines
        .iter()
        .filter(|l| l.quote.credits.is_some())
        .map(|l| l.quote.platform.as_str())
        .collect();
    credit_platforms.dedup();
    credit_platforms.sort();
    credit_platforms.dedup();
    let total_credits =
        if credit_platforms.len() == 1 && lines.iter().all(|l| l.quote.credits.is_some()) {
            let mut sum = Amount::ZERO;
            for l in &lines {
                sum = sum.checked_add(l.quote.credits.as_ref().expect("checked above"))?;
            }
            Some(sum)
        } else {
            if credit_platforms.len() > 1 {
                notes.push(format!(
                    "no credit total: credits of different platforms ({}) do not add up",
                    credit_platforms.join(", ")
                ));
            }
            None
        };
    let currency = lines
        .first()
        .map_or("USD".to_string(), |l| l.quote.currency.clone());
    let unpriced = lines
        .iter()
        .filter(|l| l.quote.cost_total.is_none())
        .count();
    let mixed_currency = lines.iter().any(|l| l.quote.currency != currency);
    let total_cost = if unpriced == 0 && !mixed_currency {
        let mut sum = MoneyRange::exact(crate::money::Ratio::from_integer(0));
        for l in &lines {
            sum = sum.checked_add(l.quote.cost_total.as_ref().expect("checked above"))?;
        }
        Some(sum)
    } else {
        if unpriced > 0 {
            notes.push(format!(
                "money total unknown: {unpriced} line(s) have no known price"
            ));
        }
        if mixed_currency {
            notes.push("money total unknown: lines are in different currencies".to_string());
        }
        None
    };
    Ok(Priced {
        lines,
        total_credits,
        total_cost,
        currency,
        notes,
    })
}
