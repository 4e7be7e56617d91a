//! Exact storage units: credits and durations as integer thousandths, money as integer
//! millionths.
//!
//! The database stores integers so that `SUM` in SQL is exact (STYLE.md, Money). The API speaks
//! `rust_decimal::Decimal`; this module is the only place that converts between the two.
//!
//! The one storage rounding: money is rounded half-to-even to 6 decimal places (micro-units) at
//! the moment it is snapshotted into an entry. Credits and durations are never rounded: a value
//! with more than 3 decimal places is refused with an error naming it.
//!
//! The limit that holds for sums: every amount stored is at most [`MAX_STORED`]
//! (10^12 credits, seconds or units of money), so one row adds at most 10^15 milli-units or
//! 10^18 micro-units (duration × count: at most 10^12 ms × 10^6, also 10^18) to a sum. The
//! report sums each column in two parts, the quotient and the remainder by 10^9
//! (`store::report`, `split_sum`), each at most 10^9 per row: both fit in SQLite's 64-bit
//! `sum()` for any log of fewer than 9.2 billion entries (terabytes), and Rust adds them
//! exactly. So no number of accepted entries can make `report` or `budget check` overflow.

use anyhow::{bail, Result};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use credits_core::error::UserError;

const MILLI: i64 = 1_000;
const MICRO: i64 = 1_000_000;

/// The most any one stored amount may be: credits of an entry, a top-up or a budget, money
/// of an entry or a purchase, seconds of a generation. See the module comment for why.
pub(crate) const MAX_STORED: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// The error for an amount above [`MAX_STORED`], naming the value and the limit.
fn above_limit(what: &str, value: Decimal) -> anyhow::Error {
    UserError::with_help(
        format!(
            "{what} {value} is above the most the log holds for one amount, {}",
            credits_core::money::fmt_credits(MAX_STORED)
        ),
        "amounts are capped so that totals over the whole log stay exact: check the value",
    )
    .into()
}

/// Credits to milli-credits. `what` names the value in errors ("credits", "duration").
pub fn to_milli(value: Decimal, what: &str) -> Result<i64> {
    if value.is_sign_negative() && !value.is_zero() {
        bail!("{what} {value} is negative");
    }
    if value > MAX_STORED {
        return Err(above_limit(what, value));
    }
    let scaled = value
        .checked_mul(Decimal::from(MILLI))
        .ok_or_else(|| above_limit(what, value))?;
    if !scaled.fract().is_zero() {
        bail!("{what} {value} has more than 3 decimal places");
    }
    scaled.to_i64().ok_or_else(|| above_limit(what, value))
}

/// Milli-units back to a decimal, without trailing zeros (`1500` → `1.5`).
pub(crate) fn from_milli(value: i64) -> Decimal {
    Decimal::new(value, 3).normalize()
}

/// Money to micro-units, rounding half-to-even to 6 decimal places: the one storage rounding.
pub fn to_micro(value: Decimal, what: &str) -> Result<i64> {
    if value.is_sign_negative() && !value.is_zero() {
        bail!("{what} {value} is negative");
    }
    let rounded = value.round_dp_with_strategy(6, RoundingStrategy::MidpointNearestEven);
    if rounded > MAX_STORED {
        return Err(above_limit(what, value));
    }
    rounded
        .checked_mul(Decimal::from(MICRO))
        .and_then(|m| m.to_i64())
        .ok_or_else(|| above_limit(what, value))
}

/// Money as it will be stored: rounded by [`to_micro`]'s rule (for comparing a new price with
/// a stored one).
pub fn round_money(value: Decimal) -> Result<Decimal> {
    Ok(from_micro(to_micro(value, "money")?))
}

/// Micro-units back to a decimal, without trailing zeros.
pub(crate) fn from_micro(value: i64) -> Decimal {
    Decimal::new(value, 6).normalize()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn credits_keep_three_places_exactly() {
        assert_eq!(to_milli(d("0.1"), "credits").unwrap(), 100);
        assert_eq!(to_milli(d("12.345"), "credits").unwrap(), 12_345);
        // Trailing zeros beyond the third place are not extra precision.
        assert_eq!(to_milli(d("1.2000"), "credits").unwrap(), 1_200);
        assert_eq!(from_milli(1_500).to_string(), "1.5");
    }

    #[test]
    fn credits_with_four_places_are_refused_by_value() {
        let err = to_milli(d("0.0001"), "credits").unwrap_err().to_string();
        assert!(
            err.contains("0.0001") && err.contains("3 decimal places"),
            "{err}"
        );
        assert!(to_milli(d("-1"), "credits").is_err());
        assert!(to_milli(Decimal::MAX, "credits").is_err());
    }

    #[test]
    fn money_rounds_half_to_even_once() {
        assert_eq!(to_micro(d("0.0000005"), "cost").unwrap(), 0);
        assert_eq!(to_micro(d("0.0000015"), "cost").unwrap(), 2);
        assert_eq!(to_micro(d("0.0000025"), "cost").unwrap(), 2);
        assert_eq!(to_micro(d("1.234567"), "cost").unwrap(), 1_234_567);
        assert_eq!(from_micro(84_000).to_string(), "0.084");
        assert!(to_micro(Decimal::MAX, "cost").is_err());
    }

    #[test]
    fn the_limit_is_accepted_and_one_more_is_refused_by_value() {
        assert_eq!(MAX_STORED, d("1000000000000"));
        assert_eq!(
            to_milli(MAX_STORED, "credits").unwrap(),
            1_000_000_000_000_000
        );
        assert_eq!(
            to_micro(MAX_STORED, "cost").unwrap(),
            1_000_000_000_000_000_000
        );
        for err in [
            to_milli(d("1000000000000.001"), "credits").unwrap_err(),
            to_micro(d("1000000000000.000001"), "cost").unwrap_err(),
        ] {
            let err = err.to_string();
            assert!(err.contains("1,000,000,000,000"), "{err}");
        }
        let err = to_milli(d("5000000000000000"), "credits")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "credits 5000000000000000 is above the most the log holds for one amount, \
             1,000,000,000,000"
        );
        // Half a micro-unit above the limit rounds to it.
        assert!(to_micro(d("1000000000000.0000004"), "cost").is_ok());
    }
}
