//! Dates, times and durations the user types: `--at`, `--since`, `--until`, `--as-of`,
//! `--duration`.
//!
//! A time is RFC 3339 (`2026-11-21T09:30:00+01:00`); a date and time without offset
//! (`2026-11-21 09:30`, `2026-11-21T09:30:00`), read in the user's offset (that of now); a
//! calendar date (`2026-11-21`, `today`, `yesterday`: the start of that day); or a span back
//! from now (`7d`, `2w`, `3m`: days, weeks, 30-day months). Anything else is an error naming
//! the value, with the accepted forms. A time more than a day ahead of now is refused by
//! [`check_not_future`] unless the command's override flag is given. Import files are read
//! with [`parse_import_time`]. A duration is seconds (`10`, `2.5`, `10s`, `2.5s`) or
//! humantime's unit form (`1m30s`, `90s`, `1h`), kept as an exact decimal.

// The operators of Decimal, i128 Ratio and chrono panic on overflow; every operation in
// this module must be checked, so that no input (a flag, a pricing file) can panic.
#![deny(clippy::arithmetic_side_effects)]

use crate::error::{fail_with_help, ErrorKind, UserError};
use anyhow::Result;
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use rust_decimal::Decimal;

/// The forms a time flag takes, for `help:` lines.
pub(crate) const TIME_FORMS: &str = "use RFC 3339 (2026-11-21T09:30:00Z), a local date and time \
     (2026-11-21 09:30, 2026-11-21T09:30:00), a date (2026-11-21, today, yesterday), \
     or a span back from now (3d, 2w, 3m)";

/// The forms a duration flag takes, for error messages.
pub(crate) const DURATION_FORMS: &str =
    "use seconds (10, 2.5, 10s, 2.5s) or minutes and seconds (1m30s, 90s, 2m)";

/// The first and last years a date may fall in, anywhere (flags, filters, import): a time
/// before 1970 or after 2100 is a typo (`0000-01-01`, `20266-01-01`), not a generation.
pub(crate) const FIRST_YEAR: i32 = 1970;
pub(crate) const LAST_YEAR: i32 = 2100;

/// Refuses a time whose date (in its own offset) is before [`FIRST_YEAR`] or after
/// [`LAST_YEAR`], naming the value as written and the limit.
pub(crate) fn check_range<Tz: TimeZone>(text: &str, at: &DateTime<Tz>) -> Result<()> {
    let year = at.naive_local().date().year();
    check_year(text, year)
}

fn check_year(text: &str, year: i32) -> Result<()> {
    let text = text.trim();
    let message = if year < FIRST_YEAR {
        format!("`{text}` is before {FIRST_YEAR}-01-01, the earliest date credits accepts")
    } else if year > LAST_YEAR {
        format!("`{text}` is after {LAST_YEAR}-12-31, the latest date credits accepts")
    } else {
        return Ok(());
    };
    Err(UserError::with_help(message, "check the year")
        .kind(ErrorKind::DateOutOfRange {
            typed: text.to_string(),
            year,
            first_year: FIRST_YEAR,
            last_year: LAST_YEAR,
        })
        .into())
}

/// Whether `text` is written `YYYY-MM-DD`, optionally followed by `T` or a space and
/// `HH:MM` or `HH:MM:SS`, every field with all its digits (chrono alone reads `2026-11-2`).
fn padded(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r)
            .is_some_and(|s| !s.is_empty() && s.iter().all(u8::is_ascii_digit))
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let date = digits(0..4) && at(4, b'-') && digits(5..7) && at(7, b'-') && digits(8..10);
    if !date {
        return false;
    }
    match b.len() {
        10 => true,
        16 | 19 => {
            let time = (at(10, b'T') || at(10, b' ')) && digits(11..13) && at(13, b':');
            let minutes = digits(14..16);
            let seconds = b.len() == 16 || (at(16, b':') && digits(17..19));
            time && minutes && seconds
        }
        _ => false,
    }
}

/// How far ahead of now a typed time may be without the override flag (clocks, time zones).
const FUTURE_SLACK_HOURS: i64 = 24;

/// The start of a calendar day in `offset`; `None` when that instant is outside the
/// range chrono can hold (a date at its very ends, shifted by the offset).
fn start_of_day(date: NaiveDate, offset: &FixedOffset) -> Option<DateTime<FixedOffset>> {
    let midnight = date.and_hms_opt(0, 0, 0)?;
    offset.from_local_datetime(&midnight).single()
}

/// A calendar day as typed: `YYYY-MM-DD`, `today` or `yesterday` (in the offset of `now`).
/// `None` when `text` is not written as one.
pub fn parse_day(text: &str, now: &DateTime<FixedOffset>) -> Option<NaiveDate> {
    let text = text.trim();
    match text.to_ascii_lowercase().as_str() {
        "today" => return Some(now.date_naive()),
        "yesterday" => return now.date_naive().pred_opt(),
        _ => {}
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|d| text.len() == 10 && padded(text) && check_year(text, d.year()).is_ok())
}

/// A date and time with no offset (`YYYY-MM-DD HH:MM[:SS]`, `T` or a space between).
fn parse_naive_time(text: &str) -> Option<NaiveDateTime> {
    if !padded(text) {
        return None;
    }
    [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
}

/// A point in time, in any of the forms of [`TIME_FORMS`] (a date is its start, a local
/// time is read in the offset of `now`, a span counts back from `now`).
/// A time before 1970 or after 2100 is refused, naming the limit ([`check_range`]).
pub fn parse_time(text: &str, now: &DateTime<FixedOffset>) -> Result<DateTime<FixedOffset>> {
    let t = match parse_any_time(text, now) {
        Some(t) => t?,
        None if span_back(text.trim().trim_start_matches('-'), now).is_some() => {
            return Err(negative_span(text))
        }
        None => {
            return Err(fail_with_help(
                format!("`{text}` is not a date or time"),
                TIME_FORMS,
            ))
        }
    };
    check_range(text, &t)?;
    Ok(t)
}

/// [`parse_time`] before the range check: `None` when `text` is written in none of the
/// forms; a span reaching too far back is an error.
fn parse_any_time(
    text: &str,
    now: &DateTime<FixedOffset>,
) -> Option<Result<DateTime<FixedOffset>>> {
    let trimmed = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(trimmed) {
        return Some(Ok(t));
    }
    if let Some(t) =
        parse_naive_time(trimmed).and_then(|n| now.offset().from_local_datetime(&n).single())
    {
        return Some(Ok(t));
    }
    let day = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
        .ok()
        .filter(|_| padded(trimmed) && trimmed.len() == 10)
        .or_else(|| parse_day(trimmed, now));
    if let Some(t) = day.and_then(|d| start_of_day(d, now.offset())) {
        return Some(Ok(t));
    }
    span_back(trimmed, now).map(|back| back.map(|t| t.with_timezone(now.offset())))
}

/// Refuses a time more than a day ahead of `now` (a mistyped year, a wrong month), naming
/// the value as typed and `override_flag`, the flag that accepts it anyway.
pub(crate) fn check_not_future(
    text: &str,
    at: &DateTime<FixedOffset>,
    now: &DateTime<FixedOffset>,
    override_flag: &str,
) -> Result<()> {
    let limit = Duration::try_hours(FUTURE_SLACK_HOURS).and_then(|d| now.checked_add_signed(d));
    match limit {
        Some(limit) if *at <= limit => Ok(()),
        _ => Err(fail_with_help(
            format!(
                "`{}` is in the future ({})",
                text.trim(),
                at.format("%Y-%m-%d %H:%M %:z")
            ),
            format!(
                "check the date (now is {}); if it is right, add {override_flag}",
                now.format("%Y-%m-%d %H:%M %:z")
            ),
        )),
    }
}

/// [`parse_time`], then [`check_not_future`] unless `allow_future`.
pub fn parse_past_time(
    text: &str,
    now: &DateTime<FixedOffset>,
    allow_future: bool,
    override_flag: &str,
) -> Result<DateTime<FixedOffset>> {
    let at = parse_time(text, now)?;
    if !allow_future {
        check_not_future(text, &at, now, override_flag)?;
    }
    Ok(at)
}

/// A duration in seconds, exactly: a plain decimal (`10`, `2.5`; its sign is left to the
/// caller's checks), a decimal with `s` (`2.5s`), or humantime's units (`1m30s`, `90s`,
/// `1h 2m`). The error is the message a clap value parser shows, with the accepted forms.
pub fn parse_seconds(text: &str) -> Result<Decimal, String> {
    let trimmed = text.trim();
    let plain = trimmed
        .strip_suffix(['s', 'S'])
        .filter(|n| !n.ends_with(|c: char| c.is_ascii_alphabetic()))
        .unwrap_or(trimmed)
        .trim_end();
    if let Ok(d) = Decimal::from_str_exact(plain) {
        return Ok(d);
    }
    if too_many_digits(plain) {
        return Err(format!(
            "`{text}` is too large: numbers have at most 28 digits\nhelp: {DURATION_FORMS}"
        ));
    }
    let refused = || format!("`{text}` is not a duration\nhelp: {DURATION_FORMS}");
    if !trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(refused());
    }
    let span = humantime::parse_duration(trimmed).map_err(|_| refused())?;
    // Whole nanoseconds, so exact; a span too long for a Decimal is refused.
    let nanos = i128::try_from(span.as_nanos()).map_err(|_| refused())?;
    Decimal::try_from_i128_with_scale(nanos, 9)
        .map(|d| d.normalize())
        .map_err(|_| refused())
}

/// Whether `text` is written as a plain decimal number (digits, at most one `.`, an optional
/// sign) with more digits than a [`Decimal`] holds (28): "too large", not "not a number".
pub fn too_many_digits(text: &str) -> bool {
    let digits = text.trim().trim_start_matches(['+', '-']);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    !whole.is_empty()
        && all_digits(whole)
        && all_digits(fraction)
        && whole
            .trim_start_matches('0')
            .len()
            .saturating_add(fraction.len())
            > 28
}

/// A time in an import file (`credits import`), laxer than the flags because spreadsheets
/// write times their own way: RFC 3339, or a date or a date and time without offset
/// (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]`, `T` or a space between) read in `offset`, the
/// user's. The caller trims. Kept apart from [`parse_time`] so the flags stay strict while
/// files imported before keep importing (their rows' dedup keys depend on the time read).
pub fn parse_import_time(text: &str, offset: FixedOffset) -> Result<DateTime<FixedOffset>> {
    let t = import_time(text, offset)?;
    check_range(text, &t)?;
    Ok(t)
}

fn import_time(text: &str, offset: FixedOffset) -> Result<DateTime<FixedOffset>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t);
    }
    let naive = parse_naive_time(text).or_else(|| {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .filter(|_| text.len() == 10 && padded(text))
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    });
    naive
        .and_then(|n| offset.from_local_datetime(&n).single())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "`{text}` is not a time (use RFC 3339 such as 2026-05-04T10:00:00+02:00, or \
                 YYYY-MM-DD with two-digit months and days)"
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
    if text.trim().starts_with('-') {
        return Err(negative_span(text));
    }
    let t = parse_any_time(text, now).ok_or_else(|| bad_filter(text))??;
    check_range(text, &t)?;
    Ok(t.with_timezone(&Utc))
}

/// `--since -3d`: a span counts back already.
fn negative_span(text: &str) -> anyhow::Error {
    let text = text.trim();
    fail_with_help(
        format!("`{text}` is not a date, time or span: a span has no sign"),
        format!(
            "a span already counts back from now: write `{}`",
            text.trim_start_matches('-')
        ),
    )
}

/// `--until`: before this time; a date includes its whole day.
pub fn parse_until(text: &str, now: &DateTime<FixedOffset>) -> Result<DateTime<Utc>> {
    let trimmed = text.trim();
    if trimmed.starts_with('-') {
        return Err(negative_span(text));
    }
    if span_back(text, now).is_none() {
        if let Some(d) = parse_day(trimmed, now) {
            let next = d
                .succ_opt()
                .and_then(|next| start_of_day(next, now.offset()))
                .ok_or_else(|| bad_filter(text))?;
            return Ok(next.with_timezone(&Utc));
        }
    }
    let t = parse_any_time(text, now).ok_or_else(|| bad_filter(text))??;
    check_range(text, &t)?;
    Ok(t.with_timezone(&Utc))
}

fn bad_filter(text: &str) -> anyhow::Error {
    fail_with_help(format!("`{text}` is not a date, time or span"), TIME_FORMS)
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
            "yesterdays",
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
                let text = crate::error::describe(&err);
                assert!(text.starts_with("error: `"), "{huge}: {text}");
                assert!(text.contains("help: "), "{huge}: {text}");
            }
        }
        for huge in [
            "100000000d",
            "99999999999999999d",
            "99999999999999999999999w",
        ] {
            let err = crate::error::describe(&parse_until(huge, &now()).unwrap_err());
            assert!(err.contains("reaches back too far"), "{err}");
        }
        // A span back to 1970 works; one back before 1970 names the limit.
        assert!(parse_since("20000d", &now()).is_ok());
        let err = crate::error::describe(&parse_since("36500d", &now()).unwrap_err());
        assert!(err.contains("before 1970-01-01"), "{err}");
    }

    #[test]
    fn times_as_people_type_them() {
        let n = now();
        for (typed, want) in [
            ("2026-11-15T15:00:00Z", "2026-11-15T15:00:00+00:00"),
            ("2026-11-15 15:00", "2026-11-15T15:00:00+01:00"),
            ("2026-11-15T15:00", "2026-11-15T15:00:00+01:00"),
            ("2026-11-15 15:00:30", "2026-11-15T15:00:30+01:00"),
            (" 2026-11-15 ", "2026-11-15T00:00:00+01:00"),
            ("today", "2026-11-21T00:00:00+01:00"),
            ("Yesterday", "2026-11-20T00:00:00+01:00"),
            ("3d", "2026-11-18T12:00:00+01:00"),
            ("2w", "2026-11-07T12:00:00+01:00"),
        ] {
            assert_eq!(parse_time(typed, &n).unwrap().to_rfc3339(), want, "{typed}");
        }
        let until = parse_until("yesterday", &n).unwrap();
        assert_eq!(until.to_rfc3339(), "2026-11-20T23:00:00+00:00");
        for bad in ["2026-11-15 25:00", "15:00", "2026-11-15T", "tomorrow", "3x"] {
            let err = crate::error::describe(&parse_time(bad, &n).unwrap_err());
            assert!(err.contains(&format!("`{bad}`")), "{err}");
            assert!(err.contains("help: use RFC 3339"), "{err}");
        }
    }

    #[test]
    fn a_time_more_than_a_day_ahead_is_refused_unless_allowed() {
        let n = now();
        assert!(parse_past_time("2026-11-22 11:00", &n, false, "--force").is_ok());
        let err = parse_past_time("2030-01-01", &n, false, "--force").unwrap_err();
        let text = crate::error::describe(&err);
        assert!(
            text.starts_with("error: `2030-01-01` is in the future"),
            "{text}"
        );
        assert!(text.contains("add --force"), "{text}");
        assert!(parse_past_time("2030-01-01", &n, true, "--force").is_ok());
        // The very end of chrono's range is refused, not a panic.
        assert!(parse_past_time("+262142-12-31T00:00:00Z", &n, false, "--force").is_err());
    }

    #[test]
    fn durations_are_exact_seconds() {
        for (typed, want) in [
            ("10", "10"),
            ("2.5", "2.5"),
            ("10s", "10"),
            ("2.5s", "2.5"),
            ("90s", "90"),
            ("1m30s", "90"),
            ("1m 30s", "90"),
            ("2m", "120"),
            ("1.5m", "90"),
            ("1h", "3600"),
            ("1.5", "1.5"),
            ("-3", "-3"),
            ("0", "0"),
        ] {
            assert_eq!(parse_seconds(typed).unwrap().to_string(), want, "{typed}");
        }
        for bad in [
            "",
            "s",
            "ten",
            "10x",
            "-1m",
            "m30s",
            "99999999999999999999y",
            "é",
        ] {
            let err = parse_seconds(bad).unwrap_err();
            assert!(err.contains(&format!("`{bad}` is not a duration")), "{err}");
            assert!(err.contains("help: use seconds"), "{err}");
        }
    }
}
