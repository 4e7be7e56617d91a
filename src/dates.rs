//! Dates and times the user types: `--at`, `--since`, `--until`.
//!
//! Strict: RFC 3339 (`2026-11-21T09:30:00+01:00`), a calendar date (`2026-11-21`, the
//! start of that day in the user's offset), or, for filters, a relative span back from
//! now (`7d`, `2w`, `3m`: days, weeks, 30-day months). Anything else is an error naming
//! the value. Import files are read with the laxer [`parse_import_time`].

// The operators of Decimal, i128 Ratio and chrono panic on overflow; every operation in
// this module must be checked, so that no input (a flag, a pricing file) can panic.
#![deny(clippy::arithmetic_side_effects)]

use crate::error::fail_with_help;
use anyhow::Result;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

const FORMATS_HELP: &str = "use RFC 3339 (2026-11-21T09:30:00Z) or a date (2026-11-21)";

/// The start of a calendar day in `offset`; `None` when that instant is outside the
/// range chrono can hold (a date at its very ends, shifted by the offset).
fn start_of_day(date: NaiveDate, offset: &FixedOffset) -> Option<DateTime<FixedOffset>> {
    let midnight = date.and_hms_opt(0, 0, 0)?;
    offset.from_local_datetime(&midnight).single()
}

/// A point in time: RFC 3339 or a date (its start, in the offset of `now`).
pub fn parse_time(text: &str, now: &DateTime<FixedOffset>) -> Result<DateTime<FixedOffset>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t);
    }
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        if text.len() == 10 {
            if let Some(t) = start_of_day(d, now.offset()) {
                return Ok(t);
            }
        }
    }
    Err(fail_with_help(
        format!("`{text}` is not a date or time"),
        FORMATS_HELP,
    ))
}

/// A time in an import file (`credits import`), laxer than the flags because spreadsheets
/// write times their own way: RFC 3339, or a date or a date and time without offset
/// (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]`, `T` or a space between) read in `offset`, the
/// user's. The caller trims. Kept apart from [`parse_time`] so the flags stay strict while
/// files imported before keep importing (their rows' dedup keys depend on the time read).
pub fn parse_import_time(text: &str, offset: FixedOffset) -> Result<DateTime<FixedOffset>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t);
    }
    let naive = [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    });
    naive
        .and_then(|n| offset.from_local_datetime(&n).single())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "`{text}` is not a time (use RFC 3339 such as 2026-05-04T10:00:00+02:00, or YYYY-MM-DD)"
            )
        })
}

/// A relative span like `7d`, `2w`, `3m`.
fn parse_relative(text: &str) -> Option<Duration> {
    // By the last character, not byte: `split_at(len - 1)` panicked on `7é`.
    let unit = text.chars().next_back()?;
    let number = text.strip_suffix(unit)?;
    let n: i64 = number.parse().ok().filter(|n| *n >= 0)?;
    match unit {
        'd' => Duration::try_days(n),
        'w' => Duration::try_weeks(n),
        'm' => Duration::try_days(n.checked_mul(30)?),
        _ => None,
    }
}

/// A relative span back from `now`: `None` when `text` is not written as one; an error
/// when it is but reaches before the earliest time chrono holds (`100000000d`, where
/// `now - span` would panic) or does not fit a `Duration` at all (`99999999999999999d`).
fn span_back(text: &str, now: &DateTime<FixedOffset>) -> Option<Result<DateTime<Utc>>> {
    let trimmed = text.trim();
    let written_as_span = trimmed
        .strip_suffix(['d', 'w', 'm'])
        .map(|n| n.strip_prefix('+').unwrap_or(n))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if !written_as_span {
        return None;
    }
    let back = parse_relative(trimmed).and_then(|span| now.checked_sub_signed(span));
    Some(back.map(|t| t.with_timezone(&Utc)).ok_or_else(|| {
        fail_with_help(
            format!("`{trimmed}` reaches back too far"),
            "use a shorter span (like 7d, 2w, 3m) or a date like 2026-11-21",
        )
    }))
}

/// `--since`: from this time on.
pub fn parse_since(text: &str, now: &DateTime<FixedOffset>) -> Result<DateTime<Utc>> {
    if let Some(back) = span_back(text, now) {
        return back;
    }
    parse_time(text, now)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| bad_filter(text))
}

/// `--until`: before this time; a date includes its whole day.
pub fn parse_until(text: &str, now: &DateTime<FixedOffset>) -> Result<DateTime<Utc>> {
    let trimmed = text.trim();
    if let Some(back) = span_back(text, now) {
        return back;
    }
    if let Ok(d) = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
        if trimmed.len() == 10 {
            let next = d
                .succ_opt()
                .and_then(|next| start_of_day(next, now.offset()))
                .ok_or_else(|| bad_filter(text))?;
            return Ok(next.with_timezone(&Utc));
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
            "7é",
            "é",
            "",
            "d",
            "+d",
        ] {
            assert!(parse_since(bad, &now()).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_span_beyond_chronos_range_is_an_error_not_a_panic() {
        // 100000000 days is a valid chrono Duration, but now minus it is before year
        // -262143; the others do not fit a Duration at all.
        for huge in [
            "100000000d",
            "99999999999999999d",
            "9223372036854775807d",
            "9223372036854775807w",
            "9223372036854775807m",
            "15250284452471m",
            "100000000w",
        ] {
            for parse in [parse_since, parse_until] {
                let err = parse(huge, &now()).unwrap_err();
                let text = crate::error::render(&err);
                assert!(text.starts_with("error: `"), "{huge}: {text}");
                assert!(text.contains("help: "), "{huge}: {text}");
            }
        }
        for huge in [
            "100000000d",
            "99999999999999999d",
            "99999999999999999999999w",
        ] {
            let err = crate::error::render(&parse_until(huge, &now()).unwrap_err());
            assert!(err.contains("reaches back too far"), "{err}");
        }
        // The largest span that still fits works.
        assert!(parse_since("36500d", &now()).is_ok());
    }
}
