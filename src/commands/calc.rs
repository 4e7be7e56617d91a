//! `credits calc`: seed 002's spreadsheet, with numbers the user types.

use super::Context;
use crate::cli::CalcArgs;
use crate::render;
use crate::views::{self, calc::CalcView, Dec};
use anyhow::Result;
use credits_core::cost;
use credits_core::money::{self, Ratio};
use rust_decimal::{Decimal, RoundingStrategy};
use std::io::Write;

/// The price per credit as the factor of `K credits × $P = $T`.
///
/// The total is the exact product rounded once, by the display rule; the price per credit
/// shown on its own line is rounded by the same rule (`$0.013` for $12 ÷ 900). Written as
/// the factor, that rounded price would make a false line: 70 × $0.013 is $0.91, not the
/// $0.93 shown. So the factor shows the price's exact decimal when it ends within 12
/// significant digits (`$0.0125`), else its first digits and `…` (`$0.01333…`): at least 4,
/// and as many more as make K × the digits shown round to the total shown, so a user who
/// checks the line with a calculator gets the total.
fn factor_text(per_credit: &Ratio, credits: Decimal, total: &str, currency: &str) -> String {
    operand_text(per_credit, currency, |cut| {
        credits
            .checked_mul(cut)
            .is_some_and(|product| money::fmt_money(product, currency) == total)
    })
}

/// The clip's cost as the dividend of `$C ÷ S s = $P`, by [`factor_text`]'s rule: the rounded
/// cost ($0.47) ÷ 5 s would read $0.094, not the $0.093 shown; `$0.4666… ÷ 5 s` reads true.
fn dividend_text(cost: &Ratio, seconds: Decimal, per_second: &str, currency: &str) -> String {
    operand_text(cost, currency, |cut| {
        cut.checked_div(seconds)
            .is_some_and(|q| money::fmt_money(q, currency) == per_second)
    })
}

/// `value` as an operand: its exact decimal when it ends within 12 significant digits, else
/// its first digits (at least 4, or as many more as make the line read true) and `…`.
fn operand_text(value: &Ratio, currency: &str, reads_true: impl Fn(Decimal) -> bool) -> String {
    let exact = money::to_decimal(value);
    for digits in 1..=12 {
        let Some(cut) = exact.round_sf_with_strategy(digits, RoundingStrategy::ToZero) else {
            break;
        };
        if money::ratio(cut) == *value {
            return money::fmt_money_digits(cut, currency);
        }
        if digits >= 4 && reads_true(cut) {
            return format!("{}…", money::fmt_money_digits(cut, currency));
        }
    }
    format!("{}…", money::fmt_money_digits(exact, currency))
}

pub fn run(ctx: &Context, args: &CalcArgs, out: &mut dyn Write) -> Result<i32> {
    let result = cost::calc(
        args.plan_price,
        args.plan_credits,
        args.clip_credits,
        args.seconds,
    )?;
    let show = |r: &Ratio| money::fmt_money(money::to_decimal(r), &args.currency);
    let exact = |r: &Ratio| Dec(money::to_decimal(r));
    if ctx.json {
        let view = CalcView {
            currency: &args.currency,
            plan_price: Dec(args.plan_price),
            plan_credits: Dec(args.plan_credits),
            credits: Dec(args.clip_credits),
            seconds: args.seconds.map(Dec),
            price_per_credit: exact(&result.price_per_credit),
            cost_per_clip: exact(&result.cost_per_clip),
            cost_per_second: result.cost_per_second.as_ref().map(exact),
        };
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    let mut rows = vec![
        (
            "price per credit",
            format!(
                "{}  ({} ÷ {} credits)",
                show(&result.price_per_credit),
                money::fmt_money(args.plan_price, &args.currency),
                money::fmt_credits(args.plan_credits)
            ),
        ),
        (
            "cost per clip",
            format!(
                "{}  ({} credits × {})",
                show(&result.cost_per_clip),
                money::fmt_credits(args.clip_credits),
                factor_text(
                    &result.price_per_credit,
                    args.clip_credits,
                    &show(&result.cost_per_clip),
                    &args.currency
                )
            ),
        ),
    ];
    if let (Some(per_second), Some(seconds)) = (&result.cost_per_second, args.seconds) {
        rows.push((
            "cost per second",
            format!(
                "{}  ({} ÷ {} s)",
                show(per_second),
                dividend_text(
                    &result.cost_per_clip,
                    seconds,
                    &show(per_second),
                    &args.currency
                ),
                seconds.normalize()
            ),
        ));
    }
    out.write_all(render::key_values(rows).as_bytes())?;
    Ok(0)
}
