//! The one place that reads the clock.
//!
//! `CREDITS_NOW` (an RFC 3339 time) stands in for the clock, so tests can walk dated
//! scenarios (stale-table notes, month-by-month balances) without waiting.

use anyhow::Result;
use chrono::{DateTime, FixedOffset, Local};
use credits_core::error::fail_with_help;

/// The current time, with the user's UTC offset.
pub fn now() -> Result<DateTime<FixedOffset>> {
    match std::env::var("CREDITS_NOW") {
        Ok(text) if !text.is_empty() => DateTime::parse_from_rfc3339(&text).map_err(|_| {
            fail_with_help(
                format!("CREDITS_NOW=`{text}` is not an RFC 3339 time"),
                "e.g. CREDITS_NOW=2026-11-21T09:00:00Z, or unset it to use the clock",
            )
        }),
        _ => Ok(Local::now().fixed_offset()),
    }
}
