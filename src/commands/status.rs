//! `credits status`: one line for a shell prompt, tmux or a status bar — each platform's
//! balance and the days it lasts at the 14-day pace, each monthly budget's use — under 80
//! characters. What it shows comes from `[status]` in the config file. Fast at any size of
//! log: balances through the ledger's checkpoints and budgets through the sums, as `balance`.

use super::Context;
use crate::views::status::{self, StatusBudgetView, StatusPlatformView, StatusView};
use crate::views::{self, balance::two_places, Dec};
use anyhow::{Context as _, Result};
use credits_app::ops::budgets::{self, BudgetUse};
use credits_app::ops::ledger as ledgers;
use credits_app::ops::{pace, resolve};
use credits_core::money;
use credits_core::records::{BudgetPeriod, BudgetUnit};
use std::io::Write;

/// Money without `.00` when whole (`$182`, `$181.50`): the line is short.
fn short_money(value: rust_decimal::Decimal, currency: &str) -> String {
    money::fmt_money(value, currency).replace(".00", "")
}

/// A budget's use as the line shows it: `spring-ad $182/$250`, `ad 800/1,050 cr`.
fn budget_part(u: &BudgetUse) -> Vec<String> {
    let b = &u.budget;
    let amount = |v| match (&b.unit, &b.currency) {
        (BudgetUnit::Money, Some(c)) => short_money(v, c),
        _ => money::fmt_credits(v),
    };
    let used = u.used.map_or_else(|| "?".to_string(), amount);
    let unit = if b.unit == BudgetUnit::Credits {
        " cr"
    } else {
        ""
    };
    let over = if u.exceeded { " over" } else { "" };
    vec![format!(
        "{} {used}/{}{unit}{over}",
        b.project,
        amount(b.amount)
    )]
}

/// The config file as messages name it.
fn config_name() -> String {
    credits_app::config::path().map_or_else(|| "config.toml".into(), |p| p.display().to_string())
}

pub fn run(ctx: &Context, out: &mut dyn Write) -> Result<i32> {
    let session = &ctx.session;
    let config = credits_app::config::status()?;
    let warn = credits_app::config::budget_warn()?;
    let store = session.store_for_reading()?;
    let now = session.now_utc();
    let ids: Vec<String> = match &config.platforms {
        Some(names) => names
            .iter()
            .map(|n| {
                resolve::credit_platform(&session.catalog, n)
                    .map(|p| p.id.clone())
                    .with_context(|| format!("{}: [status] platforms", config_name()))
            })
            .collect::<Result<_>>()?,
        None => store.ledger_platforms()?,
    };
    let mut platforms = Vec::new();
    let mut platform_parts = Vec::new();
    for id in &ids {
        let Ok(platform) = session.catalog.platform(id) else {
            continue;
        };
        let records = ledgers::records(&store, id)?;
        if ledgers::start(session, &records)?.is_none_or(|start| now < start) {
            continue;
        }
        let Some(built) = ledgers::build(session, &store, platform, &records, now, None)? else {
            continue;
        };
        let p = pace::of(session, &store, id, &built)?;
        let available = built.ledger.totals.available;
        let runs_out = p.projection.runs_out;
        let days_left = runs_out.map(|t| (t - now).num_days().max(0));
        let mut parts = vec![format!("{id} {} cr", money::fmt_credits(available))];
        if let Some(d) = days_left {
            parts.push(format!("{d} d left"));
        }
        platform_parts.push(parts);
        platforms.push(StatusPlatformView {
            platform: id.clone(),
            available: Dec(available),
            per_day: Dec(two_places(p.recent.per_day)),
            runs_out: runs_out.map(|t| t.to_rfc3339()),
            days_left,
        });
    }
    let all_uses = budgets::uses(session, &store)?;
    // A budget the config names that the log does not have would leave the line silently
    // short: say so (on stderr, as notes are; the line itself stays one line).
    if let Some(names) = &config.budgets {
        for name in names {
            if !all_uses.iter().any(|u| &u.budget.project == name) {
                eproseln!(
                    "note: {}: [status] budgets names `{}`, which has no budget \
                     (`credits budget list` shows them)",
                    config_name(),
                    crate::render::safe_line(name)
                );
            }
        }
    }
    let uses: Vec<BudgetUse> = all_uses
        .into_iter()
        .filter(|u| match &config.budgets {
            Some(names) => names.contains(&u.budget.project),
            None => u.budget.period == BudgetPeriod::Month,
        })
        .collect();
    let budget_parts: Vec<Vec<String>> = uses.iter().map(budget_part).collect();
    let format = config
        .format
        .as_deref()
        .unwrap_or("{platforms} · {budgets}");
    let line = status::line(format, &platform_parts, &budget_parts);
    if ctx.json {
        let view = StatusView {
            as_of: now.to_rfc3339(),
            // The line is made to be shown as it is (a prompt, a status bar reads it straight
            // from the JSON): escaped like the text, so a name cannot put an escape sequence
            // there. The names in `platforms` and `budgets` stay as they are, as data.
            line: crate::render::safe_line(&line),
            platforms,
            budgets: uses
                .iter()
                .map(|u| StatusBudgetView::new(u, &warn))
                .collect(),
        };
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    writeln!(out, "{line}")?;
    Ok(0)
}
