//! Exact amounts of credits and money, and the one rule for showing them.
//!
//! Every computation uses `rust_decimal::Decimal` with checked arithmetic; nothing here
//! is ever a binary float. An [`Amount`] is either exact or a closed range (a cost that is
//! not known in advance, like "script generation: 5–20 credits"); ranges carry through
//! sums and products so a shot list's total is a range while any line is open.
//!
//! Rounding happens only in [`fmt_money`] and [`fmt_credits`], at display:
//! - money shows its currency's minor units ([`minor_units`], ISO 4217: 2 for the dollar's
//!   cents, 0 for the yen and the won, 3 for the dinars): an amount of 10 minor units or more
//!   (in absolute value: $0.10, ¥10) shows that many decimals, rounded half away from zero;
//! - a smaller non-zero amount shows 2 significant digits (so $0.0133 is `$0.013` and
//!   ¥3.456 `3.5 JPY`, never `$0.00` or `3 JPY`), with at least the minor units' decimals;
//! - credits show every digit they have (they are exact), with thousands separators.
//!
//! `--json` never rounds: it carries the full decimal as a string.

// The operators of Decimal, i128 Ratio and chrono panic on overflow; every operation in
// this module must be checked, so that no input (a flag, a pricing file) can panic.
#![deny(clippy::arithmetic_side_effects)]

use anyhow::{anyhow, Result};
use rust_decimal::prelude::*;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// An exact value, a closed range `min..=max`, or an open range ("from `min`": `open`, the
/// upper end unknown and `max` only the most that is known) of credits or money.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    pub min: Decimal,
    pub max: Decimal,
    /// The upper end is unknown: the source gives a floor ("start at three credits").
    pub open: bool,
}

impl Amount {
    pub const ZERO: Amount = Amount {
        min: Decimal::ZERO,
        max: Decimal::ZERO,
        open: false,
    };

    pub fn exact(value: Decimal) -> Amount {
        Amount {
            min: value,
            max: value,
            open: false,
        }
    }

    /// A range; `min` and `max` are put in order.
    pub fn range(a: Decimal, b: Decimal) -> Amount {
        Amount {
            min: a.min(b),
            max: a.max(b),
            open: false,
        }
    }

    /// At least `min`, the upper end unknown.
    pub fn from(min: Decimal) -> Amount {
        Amount {
            min,
            max: min,
            open: true,
        }
    }

    pub fn is_exact(&self) -> bool {
        self.min == self.max && !self.open
    }

    /// The value when exact, `None` while a range is open.
    pub fn exact_value(&self) -> Option<Decimal> {
        self.is_exact().then_some(self.min)
    }

    pub fn checked_add(&self, other: &Amount) -> Result<Amount> {
        Ok(Amount {
            min: add(self.min, other.min)?,
            max: add(self.max, other.max)?,
            open: self.open || other.open,
        })
    }

    /// Multiplies by a non-negative factor.
    pub fn checked_mul(&self, factor: Decimal) -> Result<Amount> {
        Ok(Amount {
            open: self.open,
            ..Amount::range(mul(self.min, factor)?, mul(self.max, factor)?)
        })
    }

    /// Divides by a positive divisor.
    pub fn checked_div(&self, divisor: Decimal) -> Result<Amount> {
        Ok(Amount {
            open: self.open,
            ..Amount::range(div(self.min, divisor)?, div(self.max, divisor)?)
        })
    }

    pub fn normalize(&self) -> Amount {
        Amount {
            min: self.min.normalize(),
            max: self.max.normalize(),
            open: self.open,
        }
    }
}

/// Checked addition with an error a user can read instead of a panic.
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b)
        .ok_or_else(|| anyhow!("amount too large: {a} + {b}"))
}

/// Checked multiplication.
pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_mul(b)
        .ok_or_else(|| anyhow!("amount too large: {a} × {b}"))
}

/// Checked division; dividing by zero is an error, not a panic.
pub fn div(a: Decimal, b: Decimal) -> Result<Decimal> {
    if b.is_zero() {
        return Err(anyhow!("division by zero: {a} ÷ 0"));
    }
    a.checked_div(b)
        .ok_or_else(|| anyhow!("amount out of range: {a} ÷ {b}"))
}

/// The display symbol for a currency code: `$` for USD, else the code after the number.
fn currency_affixes(currency: &str) -> (&'static str, String) {
    match currency {
        "USD" => ("$", String::new()),
        "EUR" => ("€", String::new()),
        "GBP" => ("£", String::new()),
        other => ("", format!(" {other}")),
    }
}

/// The decimals a currency's minor unit has (ISO 4217): 0 for the currencies with no minor
/// unit in use (the yen, the won, …), 3 for the dinars and rials divided in thousandths, 4
/// for the two units of account that have them, and 2, the cent, for every other code (the
/// tables' USD, EUR, GBP, and any code the user types).
pub fn minor_units(currency: &str) -> u32 {
    match currency.to_ascii_uppercase().as_str() {
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX"
        | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        "CLF" | "UYW" => 4,
        _ => 2,
    }
}

/// Rounds money of `currency` for display by the rule in this module's docs.
pub fn round_money(value: Decimal, currency: &str) -> Decimal {
    let minor = minor_units(currency);
    let abs = value.abs();
    if abs.is_zero() || abs >= Decimal::new(10, minor) {
        return value.round_dp_with_strategy(minor, RoundingStrategy::MidpointAwayFromZero);
    }
    // Two significant digits: the decimals that reach one past the first non-zero digit.
    // `probe` is below 1 whenever it is multiplied, so it stays below 10 (no overflow), and
    // the loop ends by the 28 decimals a Decimal holds; checked all the same.
    let mut scale = 1u32;
    let mut probe = abs;
    while probe < Decimal::ONE && scale < 28 {
        let (Some(next_probe), Some(next_scale)) =
            (probe.checked_mul(Decimal::TEN), scale.checked_add(1))
        else {
            break;
        };
        probe = next_probe;
        scale = next_scale;
    }
    value.round_dp_with_strategy(scale.max(minor), RoundingStrategy::MidpointAwayFromZero)
}

/// `text`, a plain decimal, with at least `decimals` digits after the point.
fn pad_decimals(mut text: String, decimals: u32) -> String {
    let have = text.split_once('.').map_or(0, |(_, f)| f.len());
    let want = usize::try_from(decimals).unwrap_or(0);
    if have < want {
        if have == 0 {
            text.push('.');
        }
        text.extend(std::iter::repeat_n('0', want.saturating_sub(have)));
    }
    text
}

/// A currency code (`USD`, `EUR`): ASCII letters and digits, at most 16 (no space, no
/// control character, nothing a terminal would act on). The flags and import share it.
pub fn check_currency(text: &str) -> std::result::Result<(), String> {
    let ok =
        !text.is_empty() && text.len() <= 16 && text.chars().all(|c| c.is_ascii_alphanumeric());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{}` is not a currency code: use letters such as USD or EUR",
            text.escape_debug()
        ))
    }
}

/// Formats money for people, e.g. `$1,234.50`, `$0.013`, `1,235 JPY`.
pub fn fmt_money(value: Decimal, currency: &str) -> String {
    let rounded = round_money(value, currency);
    // Keep the minor units' decimals: "$0.50", not "$0.5".
    let text = pad_decimals(rounded.normalize().abs().to_string(), minor_units(currency));
    let (prefix, suffix) = currency_affixes(currency);
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{prefix}{}{suffix}", group_thousands(&text))
}

/// Formats money with every digit of `value` (at least the currency's minor units), not
/// rounded: for a factor in a line of arithmetic, where the rounded value would not give the
/// result shown.
pub fn fmt_money_digits(value: Decimal, currency: &str) -> String {
    let text = pad_decimals(value.normalize().abs().to_string(), minor_units(currency));
    let (prefix, suffix) = currency_affixes(currency);
    let sign = if value.is_sign_negative() && !value.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{prefix}{}{suffix}", group_thousands(&text))
}

/// Formats an amount of money, exact or a range: `$0.39`, `$0.10–$0.40`, `from $0.39`.
pub fn fmt_money_amount(value: &Amount, currency: &str) -> String {
    if value.open {
        format!("from {}", fmt_money(value.min, currency))
    } else if value.is_exact() {
        fmt_money(value.min, currency)
    } else {
        format!(
            "{}–{}",
            fmt_money(value.min, currency),
            fmt_money(value.max, currency)
        )
    }
}

/// Formats credits exactly, with thousands separators: `1,320`, `0.25`.
pub fn fmt_credits(value: Decimal) -> String {
    let text = value.normalize().to_string();
    match text.strip_prefix('-') {
        Some(rest) => format!("-{}", group_thousands(rest)),
        None => group_thousands(&text),
    }
}

/// A count of things for people, grouped like credits, the noun agreeing with it:
/// `1 entry`, `2 entries`, `235,226 entries` (`one` and `many` are the two forms).
pub fn fmt_count(n: impl Into<Decimal>, one: &str, many: &str) -> String {
    let n: Decimal = n.into();
    let noun = if n == Decimal::ONE { one } else { many };
    format!("{} {noun}", fmt_credits(n))
}

/// Formats an amount of credits, exact or a range: `96`, `5–20`, `from 3`.
pub fn fmt_credits_amount(value: &Amount) -> String {
    if value.open {
        format!("from {}", fmt_credits(value.min))
    } else if value.is_exact() {
        fmt_credits(value.min)
    } else {
        format!("{}–{}", fmt_credits(value.min), fmt_credits(value.max))
    }
}

/// Inserts `,` every three digits of the integer part of a plain decimal string.
fn group_thousands(text: &str) -> String {
    let (int, frac) = match text.find('.') {
        Some(dot) => (&text[..dot], &text[dot..]),
        None => (text, ""),
    };
    // Only a capacity hint: saturating is harmless.
    let mut out = String::with_capacity(text.len().saturating_add(int.len() / 3));
    // Digits still to come after this one, counted down (no subtraction that can wrap).
    let mut left = int.chars().count();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && left % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
        left = left.saturating_sub(1);
    }
    out.push_str(frac);
    out
}

/// Parses a decimal typed by a user (a flag or a file): plain digits with an optional
/// fraction, no exponent, no thousands separators.
pub fn parse_decimal(text: &str) -> Result<Decimal> {
    let trimmed = text.trim();
    Decimal::from_str_exact(trimmed).map_err(|_| anyhow!(not_a_decimal(text)))
}

/// Why `text` is not a decimal: a number too long for one (more than 28 digits) says so
/// rather than that it is not a number.
fn not_a_decimal(text: &str) -> String {
    let t = text.trim();
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !all_digits(int) || !all_digits(frac) {
        return format!("`{text}` is not a decimal number");
    }
    if int.trim_start_matches('0').len() >= 29 {
        format!("`{text}` is too large (numbers have at most 28 digits)")
    } else {
        format!("`{text}` has too many digits (numbers have at most 28)")
    }
}

/// A decimal that must not be negative (credits, prices, durations).
pub fn parse_non_negative(text: &str) -> Result<Decimal> {
    let value = parse_decimal(text)?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(anyhow!("`{text}` is negative"));
    }
    Ok(value)
}

/// Serde helper: reads a decimal from a TOML integer, float or string, exactly.
///
/// A TOML float reaches us as an `f64`; Rust prints an `f64` as the shortest text that
/// reads back to the same value, which is the literal the user wrote whenever it has at
/// most 15 significant digits, so `0.084` stays exactly `0.084`.
pub(crate) fn deserialize_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(DecimalVisitor)
}

pub(crate) struct DecimalVisitor;

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number or a decimal string")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        if !v.is_finite() {
            return Err(E::custom(format!("{v} is not a finite number")));
        }
        let text = format!("{v}");
        Decimal::from_str_exact(&text)
            .or_else(|_| Decimal::from_scientific(&text))
            .map_err(|_| E::custom(format!("{v} cannot be read as an exact decimal")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        Decimal::from_str_exact(v.trim()).map_err(|_| E::custom(not_a_decimal(v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_too_long_for_a_decimal_says_so() {
        let err = |t: &str| parse_decimal(t).unwrap_err().to_string();
        assert_eq!(
            err("12345678901234567890123456789012"),
            "`12345678901234567890123456789012` is too large (numbers have at most 28 digits)"
        );
        assert!(err("0.00000000000000000000000000000001").contains("too many digits"));
        assert!(err("12abc").contains("is not a decimal number"));
        assert!(err("1e5").contains("is not a decimal number"));
    }

    /// Test shorthand: an exact decimal from its text.
    fn dec(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    #[test]
    fn money_rounds_to_cents_at_ten_cents_and_above() {
        assert_eq!(fmt_money(dec("0.5"), "USD"), "$0.50");
        assert_eq!(fmt_money(dec("1.2"), "USD"), "$1.20");
        assert_eq!(fmt_money(dec("0.125"), "USD"), "$0.13");
        assert_eq!(fmt_money(dec("1234.5"), "USD"), "$1,234.50");
        assert_eq!(fmt_money(dec("30"), "USD"), "$30.00");
    }

    #[test]
    fn small_money_never_shows_as_zero() {
        assert_eq!(fmt_money(dec("0.01"), "USD"), "$0.01");
        assert_eq!(fmt_money(dec("0.0133333333"), "USD"), "$0.013");
        assert_eq!(fmt_money(dec("0.003"), "USD"), "$0.003");
        assert_eq!(fmt_money(dec("0.000048"), "USD"), "$0.000048");
        assert_eq!(fmt_money(dec("0.024"), "USD"), "$0.024");
        assert_eq!(fmt_money(dec("0"), "USD"), "$0.00");
    }

    #[test]
    fn other_currencies_show_their_code() {
        assert_eq!(fmt_money(dec("12"), "CHF"), "12.00 CHF");
        assert_eq!(fmt_money(dec("-3.5"), "USD"), "-$3.50");
    }

    #[test]
    fn money_shows_its_currency_s_minor_units() {
        // No minor unit: whole yen and won from 10 up, rounded half away from zero.
        assert_eq!(fmt_money(dec("12"), "JPY"), "12 JPY");
        assert_eq!(fmt_money(dec("1234.5"), "JPY"), "1,235 JPY");
        assert_eq!(fmt_money(dec("-19.5"), "KRW"), "-20 KRW");
        assert_eq!(fmt_money(dec("0"), "JPY"), "0 JPY");
        // Below 10 of them, two significant digits, never 0.
        assert_eq!(fmt_money(dec("3.456"), "JPY"), "3.5 JPY");
        assert_eq!(fmt_money(dec("0.42"), "KRW"), "0.42 KRW");
        // Thousandths.
        assert_eq!(fmt_money(dec("1.2"), "KWD"), "1.200 KWD");
        assert_eq!(fmt_money(dec("0.0123"), "KWD"), "0.012 KWD");
        // The cent, as before, for every other code, in any case.
        assert_eq!(fmt_money(dec("12"), "jpy"), "12 jpy");
        assert_eq!(fmt_money(dec("12"), "XYZ"), "12.00 XYZ");
        assert_eq!(fmt_money_digits(dec("150"), "JPY"), "150 JPY");
        assert_eq!(fmt_money_digits(dec("0.125"), "USD"), "$0.125");
        assert_eq!(fmt_money_digits(dec("3"), "KWD"), "3.000 KWD");
    }

    #[test]
    fn credits_are_exact_with_separators() {
        assert_eq!(fmt_credits(dec("1320")), "1,320");
        assert_eq!(fmt_credits(dec("0.25")), "0.25");
        assert_eq!(fmt_credits(dec("79200.000")), "79,200");
        assert_eq!(
            fmt_credits_amount(&Amount::range(dec("20"), dec("5"))),
            "5–20"
        );
    }

    #[test]
    fn ranges_carry_through_sums() {
        let a = Amount::range(dec("5"), dec("20"));
        let b = Amount::exact(dec("30"));
        let sum = a.checked_add(&b).unwrap();
        assert_eq!(sum, Amount::range(dec("35"), dec("50")));
        assert_eq!(
            sum.checked_mul(dec("2")).unwrap(),
            Amount::range(dec("70"), dec("100"))
        );
    }

    #[test]
    fn parse_rejects_floats_in_disguise() {
        assert!(parse_decimal("1e3").is_err());
        assert!(parse_decimal("abc").is_err());
        assert!(parse_non_negative("-1").is_err());
        assert_eq!(parse_decimal(" 0.084 ").unwrap(), dec("0.084"));
    }

    #[test]
    fn rounding_the_smallest_and_largest_money_does_not_panic() {
        assert_eq!(
            fmt_money(dec("0.0000000000000000000000000001"), "USD"),
            "$0.0000000000000000000000000001"
        );
        assert_eq!(
            fmt_money(dec("-0.0000000000000000000000000001"), "USD"),
            "-$0.0000000000000000000000000001"
        );
        assert_eq!(
            fmt_money(Decimal::MAX, "USD"),
            "$79,228,162,514,264,337,593,543,950,335.00"
        );
        assert_eq!(round_money(Decimal::MIN, "USD"), Decimal::MIN);
        assert_eq!(round_money(Decimal::MIN, "JPY"), Decimal::MIN);
        assert_eq!(
            fmt_money(dec("0.0000000000000000000000000001"), "JPY"),
            "0.0000000000000000000000000001 JPY"
        );
        assert_eq!(
            fmt_credits(Decimal::MIN),
            "-79,228,162,514,264,337,593,543,950,335"
        );
        assert_eq!(fmt_credits(dec("100")), "100");
        assert_eq!(fmt_credits(dec("1000")), "1,000");
    }

    #[test]
    fn fractions_of_absurd_sizes_still_show() {
        let huge = Ratio::new(i128::MAX, 1);
        assert_eq!(to_decimal(&huge), Decimal::MAX);
        assert_eq!(to_decimal(&Ratio::new(i128::MIN + 1, 1)), Decimal::MIN);
        assert_eq!(to_decimal(&Ratio::new(1, i128::MAX)), Decimal::ZERO);
        assert!(rmul(&huge, &huge).is_err());
        assert!(rdiv(&huge, &Ratio::new(1, i128::MAX)).is_err());
        assert!(rdiv(&huge, &Ratio::from_integer(0)).is_err());
        let range = MoneyRange::exact(huge);
        assert!(range.checked_add(&range).is_err());
        assert!(range.checked_mul(&huge).is_err());
        assert!(range.checked_div(&Ratio::from_integer(0)).is_err());
    }

    #[test]
    fn a_count_is_grouped_and_its_noun_agrees() {
        assert_eq!(fmt_count(1u64, "entry", "entries"), "1 entry");
        assert_eq!(fmt_count(0u64, "entry", "entries"), "0 entries");
        assert_eq!(fmt_count(235_226u64, "entry", "entries"), "235,226 entries");
        assert_eq!(fmt_count(dec("1.5"), "clip", "clips"), "1.5 clips");
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        assert!(mul(Decimal::MAX, dec("2")).is_err());
        assert!(div(dec("1"), dec("0")).is_err());
    }
}

/// An exact fraction, used for money in quotes: a price per credit like $8.80 ÷ 660 has no
/// exact decimal, and "cost per second × seconds = cost per clip" must hold exactly. Values
/// become decimals only when shown ([`to_decimal`]).
pub type Ratio = num_rational::Ratio<i128>;

/// A decimal as an exact fraction.
pub fn ratio(value: Decimal) -> Ratio {
    Ratio::new(value.mantissa(), 10i128.pow(value.scale()))
}

/// A fraction for an error message: its decimal value (shortened if it must be).
fn fmt_ratio(value: &Ratio) -> String {
    to_decimal(value).normalize().to_string()
}

/// A fraction as a decimal for output: exact when it terminates within 28 digits, else
/// rounded to the 28 significant digits a `Decimal` holds.
pub fn to_decimal(value: &Ratio) -> Decimal {
    // A Decimal holds 96 bits; a fraction of absurd inputs can be wider. Then both parts
    // are shortened by powers of ten (a display-time rounding) until they fit.
    let (mut numer, mut denom) = (*value.numer(), *value.denom());
    loop {
        match (
            Decimal::try_from_i128_with_scale(numer, 0),
            Decimal::try_from_i128_with_scale(denom, 0),
        ) {
            (Ok(n), Ok(d)) if !d.is_zero() => {
                return n
                    .checked_div(d)
                    .unwrap_or(if n.is_sign_negative() {
                        Decimal::MIN
                    } else {
                        Decimal::MAX
                    })
                    .normalize();
            }
            _ if denom / 10 == 0 => {
                return if numer < 0 {
                    Decimal::MIN
                } else {
                    Decimal::MAX
                }
            }
            _ => {
                numer /= 10;
                denom /= 10;
            }
        }
    }
}

/// `a ÷ b` on fractions, with an error instead of a panic on overflow or zero.
pub fn rdiv(a: &Ratio, b: &Ratio) -> Result<Ratio> {
    use num_traits::CheckedDiv;
    a.checked_div(b)
        .ok_or_else(|| anyhow!("amount out of range (or a division by zero)"))
}

/// `a × b` on fractions, with an error instead of a panic on overflow.
pub fn rmul(a: &Ratio, b: &Ratio) -> Result<Ratio> {
    use num_traits::CheckedMul;
    a.checked_mul(b)
        .ok_or_else(|| anyhow!("amount out of range"))
}

/// An exact money value or range, as fractions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoneyRange {
    pub min: Ratio,
    pub max: Ratio,
    /// The upper end is unknown (see [`Amount::open`]).
    pub open: bool,
}

impl MoneyRange {
    pub fn exact(value: Ratio) -> MoneyRange {
        MoneyRange {
            min: value,
            max: value,
            open: false,
        }
    }

    /// A credit (or money) amount as money, at 1:1.
    pub fn from_amount(amount: &Amount) -> MoneyRange {
        MoneyRange {
            min: ratio(amount.min),
            max: ratio(amount.max),
            open: amount.open,
        }
    }

    pub fn checked_mul(&self, factor: &Ratio) -> Result<MoneyRange> {
        use num_traits::CheckedMul;
        let min = self.min.checked_mul(factor);
        let max = self.max.checked_mul(factor);
        match (min, max) {
            (Some(a), Some(b)) => Ok(MoneyRange {
                min: a.min(b),
                max: a.max(b),
                open: self.open,
            }),
            _ => Err(anyhow!(
                "amount too large: {} × {}",
                fmt_ratio(&self.max),
                fmt_ratio(factor)
            )),
        }
    }

    pub fn checked_div(&self, divisor: &Ratio) -> Result<MoneyRange> {
        if *divisor.numer() == 0 {
            return Err(anyhow!("division by zero"));
        }
        self.checked_mul(&divisor.recip())
    }

    pub fn checked_add(&self, other: &MoneyRange) -> Result<MoneyRange> {
        use num_traits::CheckedAdd;
        match (
            self.min.checked_add(&other.min),
            self.max.checked_add(&other.max),
        ) {
            (Some(min), Some(max)) => Ok(MoneyRange {
                min,
                max,
                open: self.open || other.open,
            }),
            _ => Err(anyhow!(
                "amount too large: {} + {}",
                fmt_ratio(&self.max),
                fmt_ratio(&other.max)
            )),
        }
    }

    /// The range as decimals, for output.
    // By reference: callers map `Option<&MoneyRange>` through it.
    #[allow(clippy::wrong_self_convention)]
    pub fn to_amount(&self) -> Amount {
        Amount {
            open: self.open,
            ..Amount::range(to_decimal(&self.min), to_decimal(&self.max))
        }
    }
}
