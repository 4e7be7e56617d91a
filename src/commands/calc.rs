//! `credits calc`: seed 002's spreadsheet, with numbers the user types.

use super::Context;
use crate::cli::CalcArgs;
use crate::cost;
use crate::money::{self, Ratio};
use crate::render;
use anyhow::Result;
use serde_json::json;
use std::io::Write;

pub fn run(ctx: &Context, args: &CalcArgs, out: &mut dyn Write) -> Result<i32> {
    let result = cost::calc(
        args.plan_price,
        args.plan_credits,
        args.clip_credits,
        args.seconds,
    )?;
    let show = |r: &Ratio| money::fmt_money(money::to_decimal(r), &args.currency);
    let exact = |r: &Ratio| render::json_decimal(money::to_decimal(r));
    if ctx.json {
        let value = json!({
            "currency": args.currency,
            "plan_price": render::json_decimal(args.plan_price),
            "plan_credits": render::json_decimal(args.plan_credits),
            "credits": render::json_decimal(args.clip_credits),
            "seconds": args.seconds.map(render::json_decimal),
            "price_per_credit": exact(&result.price_per_credit),
            "cost_per_clip": exact(&result.cost_per_clip),
            "cost_per_second": result.cost_per_second.as_ref().map(exact),
        });
        out.write_all(render::json(&value).as_bytes())?;
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
                show(&result.price_per_credit)
            ),
        ),
    ];
    if let (Some(per_second), Some(seconds)) = (&result.cost_per_second, args.seconds) {
        rows.push((
            "cost per second",
            format!(
                "{}  ({} ÷ {} s)",
                show(per_second),
                show(&result.cost_per_clip),
                seconds.normalize()
            ),
        ));
    }
    out.write_all(render::key_values(rows).as_bytes())?;
    Ok(0)
}
