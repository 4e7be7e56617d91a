//! Dates and times the user types: `--at`, `--since`, `--until`.
//!
//! Strict: RFC 3339 (`2026-11-21T09:30:00+01:00`), a calendar date (`2026-11-21`, the
//! start of that day in the user's offset), or, for filters, a relative span back from
//! now (`7d`, `2w`, `3m`: days, weeks, 30-day months). Anything else is an error naming
//! the value.

use crate::error::fail_with_help;
use anyhow::Result;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};

const FORMATS_HELP: &str = "use RFC 3339 (2026-11-21T09:30:00Z) or a date (2026-11-21)";

/// The start of a calendar day in `offset`.
fn start_of_day(date: NaiveDate, offset: &FixedOffset) -> DateTime<FixedOffset> {
    let midnight = date.and_hms_opt(0, 0, 0).expect("midnight exists");
    offset
        .from_local_datetime(&midnight)
        .single()
        .expect("a fixed offset has no gaps")
}

/// A point in time: RFC 3339 or a date (its start, in the offset of `now`).
pub fn parse_time(text: &str, now: &DateTime<FixedOffset>) -> Result<DateTime<FixedOffset>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t);
    }
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        if text.len() == 10 {
            return Ok(start_of_day(d, now.offset()));
        }
    }
    Err(fail_with_help(
        format!("`{text}` is not a date or time"),
        FORMATS_HELP,
    ))
}

/// A relative span like `7d`, `2w`, `3m`.
fn parse_relative(text: &str) -> Option<Duration> {
    let (number, unit) = text.split_at(text.len().checked_sub(1)?);
    let n: i64 = number.parse().ok().filter(|n| *n >= 0)?;
    match unit {
        "d" => Duration::try_days(n),
        "w" => Duration::try_weeks(n),
        "m" => Duration::try_days(n.checked_mul(30)?),
        _ => None,
    }
}

/// `--since`: from this time on.
pub fn parse_since(text: &str, now: &DateTime<FixedOffset>) -> Result<DateTime<Utc>> {
    if let Some(span) = parse_relative(text.trim()) {
        return Ok((*now - span).with_timezone(&Utc));
    }
    parse_time(text, now)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| bad_filter(text))
}

/// `--until`: before this time; a date includes its whole day.
pub fn parse_until(text: &str, now: &DateTime<FixedOffset>) -> Result<DateTime<Utc>> {
    let trimmed = text.trim();
    if let Some(span) = parse_relative(trimmed) {
        return Ok((*now - span).with_timezone(&Utc));
    }
    if let Ok(d) = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
        if trimmed.len() == 10 {
            let next = d.succ_opt().ok_or_else(|| bad_filter(text))?;
            return Ok(start_of_day(next, now.offset()).with_timezone(&Utc));
        }
    }
    parse_time(text, now)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| bad_filter(text))
}

fn bad_filter(text: &str) -> anyhow::Error {
    fail_with_help(
        format!("`{text}` is not a date, time or span"),
        "use 2026-11-21, RFC 3339 (2026-11-21T09:30:00Z), or a span back from now: 7d, 2w, 3m",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-21T12:00:00+01:00").unwrap()
    }

    #[test]
    fn dates_are_days_in_the_users_offset() {
        let t = parse_time("2026-11-01", &now()).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-01T00:00:00+01:00");
        let until = parse_until("2026-11-01", &now()).unwrap();
        assert_eq!(until.to_rfc3339(), "2026-11-01T23:00:00+00:00");
    }

    #[test]
    fn relative_spans_count_back_from_now() {
        let since = parse_since("7d", &now()).unwrap();
        assert_eq!(since.to_rfc3339(), "2026-11-14T11:00:00+00:00");
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [
            "yesterday",
            "2026-13-01",
            "21/11/2026",
            "7x",
            "-3d",
            "2026-11-1",
        ] {
            assert!(parse_since(bad, &now()).is_err(), "{bad}");
        }
    }
}
