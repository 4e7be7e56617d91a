//! `credits plans`: "which plan should I buy?" A month of work (typed, a shot list, or the
//! log) priced as every plan, plan and packs, packs alone and pay-per-use option of every
//! platform that makes it, cheapest a month first (`credits_core::advice`).

use super::Context;
use crate::cli::{OptionKindArg, PlansArgs};
use crate::render;
use crate::views::{self, plans::PlansView};
use anyhow::Result;
use credits_app::ops::advice::{self as read, LogUsage};
use credits_core::advice::{self, Advice, Combination, OptionKind, Purchase, Share, Why};
use credits_core::money::{self, MoneyRange, Ratio};
use credits_core::records::Account;
use credits_core::usage::{self, Usage};
use rust_decimal::Decimal;
use std::io::Write;

/// Where the usage came from, for the header and `--json`.
struct Sources {
    log: Option<LogUsage>,
    /// The retry rate was typed (`--retries`), not measured.
    retries_typed: bool,
    /// The log's shares of the month by platform, as indexes into the usage's items.
    shares: Vec<Share>,
}

/// A ranked line: one option on one platform, or one option per platform.
#[derive(Clone, Copy)]
enum Row<'a> {
    One(&'a Purchase),
    Combo(&'a Combination),
}

impl Row<'_> {
    fn covers_all(&self) -> bool {
        match self {
            Row::One(o) => o.covers_all(),
            Row::Combo(_) => true,
        }
    }

    fn platforms(&self) -> Vec<&Purchase> {
        match self {
            Row::One(o) => vec![*o],
            Row::Combo(c) => c.parts.iter().collect(),
        }
    }
}

/// The options ranked, with the combination (if any) at its place among the options that
/// make all of it: cheapest first, a tie to the combination.
fn rows<'a>(advice: &'a Advice, combination: Option<&'a Combination>) -> Vec<Row<'a>> {
    let mut rows: Vec<Row> = advice.options.iter().map(Row::One).collect();
    if let Some(c) = combination {
        let at = advice
            .options
            .iter()
            .take_while(|o| {
                o.covers_all()
                    && (o.currency.as_str(), o.monthly.min) < (c.currency.as_str(), c.monthly.min)
            })
            .count();
        rows.insert(at, Row::Combo(c));
    }
    rows
}

/// One platform's share of the month: what the log charged there, and what the month
/// priced here uses (the cheapest option there that makes all of the share).
struct Gap {
    platform: String,
    /// Credits (money on a money-billed platform) charged in the log's window.
    charged: Decimal,
    /// `charged` scaled to 30 days, as the month is.
    charged_month: Decimal,
    /// What the month priced here uses there; `None` when no option there makes the share.
    priced: Option<Decimal>,
    /// `(priced − charged_month) × 100 ÷ charged_month`.
    percent: Option<Decimal>,
    unit: String,
}

/// Each platform's share priced on its own platform, beside what the log charged there.
fn gaps(
    platforms: &[&credits_core::pricing::Platform],
    usage: &Usage,
    sources: &Sources,
    today: chrono::NaiveDate,
) -> Result<Vec<Gap>> {
    let Some(log) = &sources.log else {
        return Ok(Vec::new());
    };
    let mut gaps = Vec::new();
    for share in &sources.shares {
        let part = advice::combine(platforms, usage, std::slice::from_ref(share), today)?
            .ok()
            .and_then(|c| c.parts.into_iter().next());
        let priced = match &part {
            Some(o) => Some(match o.credits_needed {
                Some(needed) => needed.max,
                None => o
                    .items
                    .iter()
                    .try_fold(Decimal::ZERO, |sum, c| money::add(sum, c.total.max))?,
            }),
            None => None,
        };
        let charged = log
            .charged
            .iter()
            .find(|(p, _)| *p == share.0)
            .map_or(Decimal::ZERO, |(_, c)| *c);
        let month = Decimal::from(30);
        let charged_month = if log.days == month {
            charged
        } else {
            money::div(money::mul(charged, month)?, log.days)?
        };
        let percent = match priced {
            Some(p) if !charged_month.is_zero() => Some(money::div(
                money::mul(
                    p.checked_sub(charged_month).unwrap_or_default(),
                    Decimal::ONE_HUNDRED,
                )?,
                charged_month,
            )?),
            _ => None,
        };
        let unit = platforms
            .iter()
            .find(|p| p.id == share.0)
            .map_or("credits", |p| {
                if p.billing == credits_core::pricing::Billing::Money {
                    p.currency.as_str()
                } else {
                    p.credit_word()
                }
            })
            .to_string();
        gaps.push(Gap {
            platform: share.0.clone(),
            charged,
            charged_month,
            priced,
            percent,
            unit,
        });
    }
    Ok(gaps)
}

pub fn run(ctx: &Context, args: &PlansArgs, out: &mut dyn Write) -> Result<i32> {
    let session = &ctx.session;
    let platforms: Vec<&credits_core::pricing::Platform> = if args.platforms.is_empty() {
        session.catalog.platforms().collect()
    } else {
        args.platforms
            .iter()
            .map(|p| session.catalog.platform(p))
            .collect::<Result<Vec<_>>>()?
    };
    let (usage, sources) = read_usage(ctx, args, &platforms)?;
    let today = session.now.date_naive();
    let mut advice = advice::advise(&platforms, &usage, today)?;
    // Your plan is priced before the filters: `--billing annual` is how you ask whether to
    // switch, and the answer needs what you pay now.
    let every_option = advice.options.clone();
    let gaps = gaps(&platforms, &usage, &sources, today)?;
    // Work logged on several platforms: one option per platform, each making its share,
    // when every item of the month is in a share; then an option of one platform is listed
    // only where it makes all of it.
    let in_shares: usize = sources.shares.iter().map(|(_, i)| i.len()).sum();
    let combination = if sources.shares.len() > 1 && in_shares == usage.items.len() {
        advice::combine(&platforms, &usage, &sources.shares, today)?.ok()
    } else {
        None
    };
    if combination.is_some() {
        advice.options.retain(Purchase::covers_all);
    }
    advice.options.retain(|o| {
        args.kind.is_none_or(|k| {
            o.kind
                == match k {
                    OptionKindArg::Plan => OptionKind::Plan,
                    OptionKindArg::Packs => OptionKind::Packs,
                    OptionKindArg::PerUse => OptionKind::PerUse,
                }
        }) && args
            .billing
            .is_none_or(|b| o.plan.as_ref().is_none_or(|p| p.billing == b))
    });
    let mut accounts = yours(
        &session.catalog,
        &read::accounts(session)?,
        &advice,
        &every_option,
    );
    let filtered = every_option.len().saturating_sub(advice.options.len());
    // What was left out, as far as the filters ask about it.
    advice.left_out.retain(|l| {
        let kind_ok = match args.kind {
            None => true,
            Some(OptionKindArg::Plan) => l.plan.is_some(),
            Some(OptionKindArg::Packs) => l.plan.is_none(),
            Some(OptionKindArg::PerUse) => false,
        };
        let billing_ok = args
            .billing
            .is_none_or(|b| l.plan.as_ref().is_none_or(|(_, billing)| *billing == b));
        kind_ok && billing_ok
    });
    let ranked = rows(&advice, combination.as_ref());
    if let Some(at) = ranked.iter().position(|r| matches!(r, Row::Combo(_))) {
        for y in &mut accounts {
            y.rank = y.rank.map(|r| if r >= at { r + 1 } else { r });
            if at == 0 {
                // #1 is the combination: the saving is against it.
                y.saving = y
                    .option
                    .as_ref()
                    .zip(combination.as_ref())
                    .filter(|(mine, c)| mine.covers_all() && mine.currency == c.currency)
                    .and_then(|(mine, c)| {
                        num_traits::CheckedSub::checked_sub(&mine.monthly.min, &c.monthly.min)
                    });
            }
        }
    }
    let shown = args
        .top
        .map_or(ranked.len(), |n| usize::try_from(n).unwrap_or(usize::MAX));

    // Only the tables whose options are shown can mislead by their age.
    let listed: Vec<_> = platforms
        .iter()
        .copied()
        .filter(|p| {
            ranked
                .iter()
                .take(shown)
                .any(|r| r.platforms().iter().any(|o| o.platform == p.id))
        })
        .collect();
    ctx.say(&ctx.stale(listed).into_iter().collect::<Vec<_>>());
    if ctx.json {
        let view = to_view(&usage, &sources, &advice, &ranked, shown, &accounts, &gaps)?;
        out.write_all(views::json(&view).as_bytes())?;
        return Ok(0);
    }
    let view = View {
        session,
        shown,
        explain: args.explain,
        any_model: args.any_model,
        filtered,
        ranked: &ranked,
        gaps: &gaps,
    };
    // Tables already fit the width; the prose around them is wrapped to it too.
    let text = text(&usage, &sources, &advice, &accounts, &view)?;
    out.write_all(render::paragraph(&text).as_bytes())?;
    Ok(0)
}

fn read_usage(
    ctx: &Context,
    args: &PlansArgs,
    platforms: &[&credits_core::pricing::Platform],
) -> Result<(Usage, Sources)> {
    let mut items = Vec::new();
    for text in &args.usage {
        items.extend(usage::parse(text)?);
    }
    if let Some(path) = &args.shots {
        items.extend(read::usage_from_shots(path, args.times)?);
    }
    read::check_models(&ctx.session.catalog, &items)?;
    let mut shares: Vec<Share>;
    let log = if args.from_log {
        let only: Vec<String> = if args.platforms.is_empty() {
            Vec::new()
        } else {
            platforms.iter().map(|p| p.id.clone()).collect()
        };
        let log = read::usage_from_log(&ctx.session, args.since.as_deref(), &only)?;
        // The log's items follow the typed ones.
        let offset = items.len();
        shares = log
            .shares
            .iter()
            .map(|(p, indexes)| (p.clone(), indexes.iter().map(|i| i + offset).collect()))
            .collect();
        items.extend(log.items.iter().cloned());
        Some(log)
    } else {
        // Typed items that each name their platform, on more than one: a share per
        // platform, so the month can be made by combining them, as a log's can.
        shares = typed_shares(&ctx.session.catalog, &items);
        None
    };
    if args.any_model {
        items = read::any_model(&ctx.session.catalog, items);
        // `--any-model` lets any platform make an item: no share is tied to one.
        shares.clear();
    }
    let retry_percent = match (args.retries, &log) {
        (Some(typed), _) => usage::check_retries(typed)?,
        (None, Some(log)) => log.retry_percent,
        (None, None) => Decimal::ZERO,
    };
    Ok((
        Usage {
            // The log's items at their own measured rates, unless --retries says one rate;
            // typed items (before them) take the one rate.
            item_retries: match (&log, args.retries) {
                (Some(log), None) => std::iter::repeat_n(None, items.len() - log.items.len())
                    .chain(log.item_retries.iter().copied().map(Some))
                    .collect(),
                _ => Vec::new(),
            },
            items,
            retry_percent,
            round_together: shares.iter().map(|(_, i)| i.clone()).collect(),
        },
        Sources {
            log,
            retries_typed: args.retries.is_some(),
            shares,
        },
    ))
}

/// The items grouped by the platform each names (`runway/gen-4`), in the order met, when
/// every item names one and there are two platforms or more; else none.
fn typed_shares(
    catalog: &credits_core::pricing::catalog::Catalog,
    items: &[usage::Item],
) -> Vec<Share> {
    let mut shares: Vec<Share> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let usage::Target::Model {
            platform: Some(typed),
            ..
        } = &item.target
        else {
            return Vec::new();
        };
        let id = catalog
            .platform(typed)
            .map(|p| p.id.clone())
            .unwrap_or_else(|_| typed.clone());
        match shares.iter_mut().find(|(p, _)| *p == id) {
            Some((_, indexes)) => indexes.push(i),
            None => shares.push((id, vec![i])),
        }
    }
    if shares.len() > 1 {
        shares
    } else {
        Vec::new()
    }
}

/// An account's plan as priced for this usage, or why it cannot make it.
struct Yours {
    account: Account,
    /// The plan's display name (`Standard`), or its id when no table has it.
    plan_name: String,
    /// The option of the account's plan and billing (before any filter).
    option: Option<Purchase>,
    /// Its place among the options listed.
    rank: Option<usize>,
    left_out: Option<String>,
    /// What the cheapest listed option saves a month against it (both make all of it, in
    /// one currency).
    saving: Option<Ratio>,
}

fn yours(
    catalog: &credits_core::pricing::catalog::Catalog,
    accounts: &[Account],
    advice: &Advice,
    every_option: &[Purchase],
) -> Vec<Yours> {
    let best = advice.options.first().filter(|o| o.covers_all());
    let is_mine = |account: &Account, o: &Purchase| {
        o.platform == account.platform
            && o.plan.as_ref().is_some_and(|p| {
                credits_core::slug::matches(&account.plan, &p.id, &p.name)
                    && p.billing == account.billing
            })
    };
    accounts
        .iter()
        .filter_map(|account| {
            let option = every_option.iter().find(|o| is_mine(account, o)).cloned();
            let rank = advice.options.iter().position(|o| is_mine(account, o));
            let mut left_out = advice
                .left_out
                .iter()
                .find(|l| {
                    l.platform == account.platform
                        && l.plan.as_ref().is_some_and(|(id, billing)| {
                            credits_core::slug::matches(&account.plan, id, id)
                                && *billing == account.billing
                        })
                })
                .map(|l| l.detail.clone());
            if option.is_none() && left_out.is_none() {
                if !advice.make_none.contains(&account.platform) {
                    // A platform not asked about (--platform) says nothing.
                    return None;
                }
                left_out = Some(format!("{} makes none of it", account.platform));
            }
            let saving = option
                .as_ref()
                .filter(|o| o.covers_all())
                .zip(best)
                .filter(|(mine, best)| mine.currency == best.currency)
                .and_then(|(mine, best)| {
                    num_traits::CheckedSub::checked_sub(&mine.monthly.min, &best.monthly.min)
                });
            let plan_name = catalog
                .platform(&account.platform)
                .ok()
                .and_then(|p| p.plan(&account.plan).ok())
                .map_or_else(|| account.plan.clone(), |p| p.name.clone());
            Some(Yours {
                account: account.clone(),
                plan_name,
                option,
                rank,
                left_out,
                saving,
            })
        })
        .collect()
}

/// A window's end for people, in the user's offset (`2026-10-22 12:00`).
fn fmt_time(t: &chrono::DateTime<chrono::Utc>, session: &credits_app::ops::Session) -> String {
    credits_app::ops::notes::fmt_time(&credits_app::ops::ledger::local(session, *t))
}

fn money_text(value: &MoneyRange, currency: &str) -> String {
    render::money_cell(Some(value), currency)
}

fn ratio_money(value: &Ratio, currency: &str) -> String {
    money::fmt_money(money::to_decimal(value), currency)
}

fn usage_line(usage: &Usage) -> Result<String> {
    let mut parts = Vec::new();
    for (item, generations) in usage.items.iter().zip(usage.generations()?) {
        let mut part = format!("{} × {}", kept_text(item.kept), item.label());
        if generations != item.kept {
            part.push_str(&format!(
                " ({} generations)",
                money::fmt_credits(generations)
            ));
        }
        parts.push(part);
    }
    Ok(parts.join(", "))
}

/// A retry rate for people: one decimal (a measured rate is a long quotient).
fn percent_text(value: Decimal) -> String {
    value
        .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

fn retries_line(usage: &Usage, sources: &Sources) -> String {
    let rate = percent_text(usage.retry_percent);
    match (&sources.log, sources.retries_typed) {
        (Some(log), false) => format!(
            "Retries {rate}% over the whole log, each item at its own model's measured rate (--explain shows them): {} kept, {} discarded, {} failed and not refunded ({} refunded, not counted)",
            money::fmt_credits(log.kept),
            money::fmt_credits(log.discarded),
            money::fmt_credits(log.failed),
            money::fmt_credits(log.refunded),
        ),
        (Some(_), true) => format!("Retries {rate}% (--retries) on every item; generations rounded up once, on each platform's month total"),
        (None, true) => format!("Retries {rate}% (--retries), rounded up to whole generations per item"),
        (None, false) => "No retries counted: pass --retries PCT (reruns and failed generations multiply the bill)".to_string(),
    }
}

fn credits_used(o: &Purchase) -> String {
    match (&o.credits_needed, o.credits_bought) {
        (Some(needed), Some(bought)) => format!(
            "{} / {}",
            money::fmt_credits_amount(needed),
            money::fmt_credits(bought)
        ),
        _ => "-".to_string(),
    }
}

fn leftover_text(o: &Purchase) -> String {
    match (&o.leftover, &o.leftover_fate) {
        (Some(left), _) if left.max.is_zero() => "0".to_string(),
        (Some(left), Some(fate)) => format!("{}, {fate}", money::fmt_credits_amount(left)),
        (Some(left), None) => money::fmt_credits_amount(left),
        (None, _) => "-".to_string(),
    }
}

/// The models used, with the variant when the table has several (`pixverse-v6 (360p)`):
/// a kind or a request that leaves the resolution open is priced at a default.
fn models_text(o: &Purchase) -> String {
    let mut names: Vec<String> = Vec::new();
    for item in &o.items {
        let name = if item.variant.is_empty() {
            item.model.clone()
        } else {
            format!("{} ({})", item.model, item.variant)
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

fn per_kept_text(o: &Purchase) -> String {
    match (&o.per_kept_second, &o.per_kept_output) {
        (Some(s), _) => format!("{}/s", money_text(s, &o.currency)),
        (None, Some(each)) => format!("{}/output", money_text(each, &o.currency)),
        (None, None) => "-".to_string(),
    }
}

/// The ranked options as a table; options that make only part of the month say which
/// items they cannot make. A combination is one row, its platforms joined.
fn options_table(options: &[(usize, Row)], usage: &Usage) -> String {
    let partial = options.iter().any(|(_, o)| !o.covers_all());
    let rows = options
        .iter()
        .map(|(rank, row)| {
            let o = match row {
                Row::One(o) => *o,
                Row::Combo(c) => {
                    let models: Vec<String> = c.parts.iter().map(models_text).collect();
                    let mut cells = vec![
                        format!("{}", rank + 1),
                        c.platforms(),
                        c.describe(),
                        money_text(&c.monthly, &c.currency),
                        "(by platform below)".to_string(),
                        "-".to_string(),
                        match (&c.per_kept_second, &c.per_kept_output) {
                            (Some(s), _) => format!("{}/s", money_text(s, &c.currency)),
                            (None, Some(each)) => {
                                format!("{}/output", money_text(each, &c.currency))
                            }
                            (None, None) => "-".to_string(),
                        },
                        models.join(", "),
                    ];
                    if partial {
                        cells.push(String::new());
                    }
                    return cells;
                }
            };
            let mut row = vec![
                format!("{}", rank + 1),
                o.platform.clone(),
                o.describe(),
                money_text(&o.monthly, &o.currency),
                credits_used(o),
                leftover_text(o),
                per_kept_text(o),
                models_text(o),
            ];
            if partial {
                let missing: Vec<String> = o
                    .missing
                    .iter()
                    .filter_map(|(i, _)| usage.items.get(*i).map(|u| u.label()))
                    .collect();
                row.push(missing.join("; "));
            }
            row
        })
        .collect();
    let mut columns = vec![
        render::Column::essential("#"),
        render::Column::essential("platform"),
        render::Column::shrinkable("buy", 3, 14),
        render::Column::essential("a month"),
        render::Column::optional("credits used / got", 4),
        render::Column::optional("left over", 2),
        render::Column::optional("per kept", 5),
        render::Column::optional("models", 1),
    ];
    if partial {
        // What a partial option cannot make matters more than how it makes the rest.
        columns.push(render::Column::shrinkable("cannot make", 6, 14));
    }
    render::table(&columns, rows)
}

/// How the text is shown: what the flags asked, and what they filtered out.
struct View<'a> {
    session: &'a credits_app::ops::Session,
    shown: usize,
    explain: bool,
    any_model: bool,
    /// Options `--kind` or `--billing` removed.
    filtered: usize,
    ranked: &'a [Row<'a>],
    gaps: &'a [Gap],
}

/// `+2.4%`, `−1.9%`, `0%`: a gap to one decimal.
fn signed_percent(value: Decimal) -> String {
    let text = percent_text(value.abs());
    if value > Decimal::ZERO && text != "0" {
        format!("+{text}%")
    } else if value < Decimal::ZERO && text != "0" {
        format!("−{text}%")
    } else {
        "0%".to_string()
    }
}

/// What the log charged on each platform beside what the month priced here uses there.
fn gaps_line(gaps: &[Gap], days: Decimal) -> String {
    let scaled = days != Decimal::from(30);
    let parts: Vec<String> = gaps
        .iter()
        .map(|g| {
            let charged = if scaled {
                format!(
                    "{} {} charged in {} days ({} a month)",
                    money::fmt_credits(g.charged),
                    g.unit,
                    days.round_dp(1).normalize(),
                    money::fmt_credits(g.charged_month.round_dp(1))
                )
            } else {
                format!("{} {} charged", money::fmt_credits(g.charged), g.unit)
            };
            match (g.priced, g.percent) {
                (Some(p), Some(pct)) => format!(
                    "{} {charged}, {} priced ({})",
                    g.platform,
                    money::fmt_credits(p),
                    signed_percent(pct)
                ),
                (Some(p), None) => {
                    format!("{} {charged}, {} priced", g.platform, money::fmt_credits(p))
                }
                (None, _) => format!("{} {charged}, no option there makes its share", g.platform),
            }
        })
        .collect();
    format!(
        "The log against this month, by platform: {}.\n",
        parts.join("; ")
    )
}

/// The parts of a combination, one line each.
fn breakdown_text(rank: usize, c: &Combination) -> String {
    let mut out = format!("#{} by platform, each making its share:\n", rank + 1);
    for o in &c.parts {
        let mut line = format!(
            "  {}: {}, {} a month",
            o.platform,
            o.describe(),
            money_text(&o.monthly, &o.currency)
        );
        if o.credits_needed.is_some() {
            line.push_str(&format!(
                "; {} {} used of {}; left over {}",
                credits_used(o).split(" / ").next().unwrap_or_default(),
                o.credit_word,
                o.credits_bought
                    .map_or_else(|| "-".to_string(), money::fmt_credits),
                leftover_text(o)
            ));
        }
        line.push('\n');
        out.push_str(&line);
    }
    out
}

fn text(
    usage: &Usage,
    sources: &Sources,
    advice: &Advice,
    accounts: &[Yours],
    view: &View,
) -> Result<String> {
    let (session, shown, explain) = (view.session, view.shown, view.explain);
    let mut out = String::new();
    out.push_str(&format!("A month: {}\n", usage_line(usage)?));
    if let Some(log) = &sources.log {
        out.push_str(&format!(
            "From the log, {} to {} ({} days{}).\n",
            fmt_time(&log.since, session),
            fmt_time(&log.until, session),
            log.days.round_dp(1).normalize(),
            if log.days == Decimal::from(30) {
                ""
            } else {
                ", scaled to 30"
            }
        ));
    }
    out.push_str(&format!("{}.\n", retries_line(usage, sources)));
    if let Some(log) = &sources.log {
        if !view.gaps.is_empty() {
            out.push_str(&gaps_line(view.gaps, log.days));
        }
    }
    if view.any_model {
        out.push_str(
            "With --any-model each item is made by the cheapest model of its kind, whatever its quality: drop it to compare like with like.\n",
        );
    }

    let ranked: Vec<(usize, Row)> = view
        .ranked
        .iter()
        .copied()
        .enumerate()
        .take(shown)
        .collect();
    let (all, part): (Vec<_>, Vec<_>) = ranked.into_iter().partition(|(_, o)| o.covers_all());
    if view.ranked.is_empty() {
        if view.filtered > 0 {
            out.push_str(&format!(
                "\nNo option to rank: --kind or --billing filtered out the {} there are.\n",
                view.filtered
            ));
        } else if advice.left_out.is_empty() {
            out.push_str("\nNo platform in the tables can make this month's work.\n");
        } else {
            out.push_str(
                "\nNo option to rank: every one that makes this month's work is left out (below).\n",
            );
        }
    }
    if !all.is_empty() {
        out.push_str("\nMakes all of it, cheapest a month first:\n");
        out.push_str(&options_table(&all, usage));
        for (rank, row) in &all {
            if let Row::Combo(c) = row {
                out.push_str(&breakdown_text(*rank, c));
            }
        }
    } else if !view.ranked.is_empty() {
        out.push_str("\nNo platform makes all of it.\n");
    }
    if !part.is_empty() {
        out.push_str(
            "\nMakes only part of it, cheapest a month first (the last column says what not):\n",
        );
        out.push_str(&options_table(&part, usage));
    }
    let hidden = view.ranked.len().saturating_sub(shown);
    if hidden > 0 {
        let options = if hidden == 1 { "option" } else { "options" };
        out.push_str(&format!(
            "({hidden} more {options}; drop --top to see them)\n"
        ));
    }
    for y in accounts {
        out.push_str(&yours_line(y));
    }
    if explain {
        match view.ranked.first() {
            Some(Row::One(top)) => out.push_str(&explain_text(top, usage)?),
            Some(Row::Combo(c)) => {
                for part in &c.parts {
                    out.push_str(&explain_text(part, usage)?);
                }
            }
            None => {}
        }
    }
    out.push_str(&left_out_text(advice));
    if !advice.cannot.is_empty() {
        let list: Vec<String> = advice
            .cannot
            .iter()
            .map(|(platform, why)| format!("{platform}: {why}"))
            .collect();
        out.push_str(&format!("Cannot make it: {}.\n", list.join("; ")));
    }
    let mut dates: Vec<String> = Vec::new();
    for o in view.ranked.iter().take(shown).flat_map(Row::platforms) {
        let d = format!("{} {}", o.platform, o.as_of);
        if !dates.contains(&d) {
            dates.push(d);
        }
    }
    if !dates.is_empty() {
        out.push_str(&format!(
            "Tables as of: {}. Annual plans are the yearly price ÷ 12; a daily grant counts 30 days; first-month offers are left out.\n",
            dates.join(", ")
        ));
    }
    Ok(out)
}

fn yours_line(y: &Yours) -> String {
    let a = &y.account;
    let plan = &y.plan_name;
    let head = format!(
        "\nYour plan: {} {plan} ({})",
        a.platform,
        a.billing.as_str()
    );
    let Some(o) = &y.option else {
        return match &y.left_out {
            Some(why) => format!("{head}: cannot make this month's work: {why}.\n"),
            None => String::new(),
        };
    };
    let place = match y.rank {
        Some(rank) => format!("#{}", rank + 1),
        None => "not among the options listed".to_string(),
    };
    // The packs it needs are news; the plan's name was just said.
    let packs: Vec<String> = o.packs.iter().map(advice::PackBuy::describe).collect();
    let with = if packs.is_empty() {
        String::new()
    } else {
        format!(" with {}", packs.join(" and "))
    };
    let mut line = format!(
        "{head}: {} a month for this{with} ({place}).",
        money_text(&o.monthly, &o.currency),
    );
    match &y.saving {
        Some(s) if *s > Ratio::from_integer(0) => line.push_str(&format!(
            " The cheapest option listed (#1) saves {} a month.",
            ratio_money(s, &o.currency)
        )),
        Some(_) => line.push_str(" It is the cheapest option."),
        None => {}
    }
    line.push('\n');
    line
}

fn left_out_text(advice: &Advice) -> String {
    let mut out = String::new();
    let groups = [
        (Why::BelowMinimumPlan, "below a model's minimum plan"),
        (
            Why::TooFewCredits,
            "too few credits and no pack sold to them",
        ),
        (Why::GrantsOnce, "granting credits once, not monthly"),
        (
            Why::UnknownPrice,
            "whose price or credits the tables do not give",
        ),
        (Why::ShutDown, "shut down"),
    ];
    let mut lines = Vec::new();
    for (why, words) in groups {
        // A gated plan says which model needs more: the reason the user can act on.
        let left: Vec<String> = advice
            .left_out
            .iter()
            .filter(|l| l.why == why)
            .map(|l| match why {
                Why::BelowMinimumPlan => format!("{} {}: {}", l.platform, l.option, l.detail),
                _ => format!("{} {}", l.platform, l.option),
            })
            .collect();
        if left.is_empty() {
            continue;
        }
        // Named up to 8; "and 1 more" would hide a name as long as saying it.
        const NAMED: usize = 8;
        let named = if left.len() == NAMED + 1 {
            NAMED + 1
        } else {
            NAMED
        };
        let mut names = left
            .iter()
            .take(named)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if left.len() > named {
            names.push_str(&format!(", and {} more", left.len() - named));
        }
        let plural = if left.len() == 1 { "option" } else { "options" };
        lines.push(format!("{} {plural} {words} ({names})", left.len()));
    }
    if !lines.is_empty() {
        out.push_str(&format!("\nLeft out: {}.\n", lines.join("; ")));
    }
    out
}

/// Money as the table has it, unrounded (`$0.125`): the working multiplies these.
fn exact_money(value: &credits_core::money::Amount, currency: &str) -> String {
    let one = |v: Decimal| {
        if money::round_money(v, currency) == v {
            money::fmt_money(v, currency)
        } else {
            money::fmt_money_digits(v, currency)
        }
    };
    if value.open {
        format!("from {}", one(value.min))
    } else if value.is_exact() {
        one(value.min)
    } else {
        format!("{}–{}", one(value.min), one(value.max))
    }
}

/// A kept count for people: whole, or to one decimal when the log's window was scaled.
fn kept_text(kept: Decimal) -> String {
    money::fmt_credits(
        kept.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
    )
}

/// Exact generations for people, to three decimals at most, and the sign that says so: `=`,
/// or `≈` when cut (a measured rate is a long quotient).
fn exact_text(value: Decimal) -> (&'static str, String) {
    let short =
        value.round_dp_with_strategy(3, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let sign = if short == value { "=" } else { "≈" };
    (sign, short.normalize().to_string())
}

/// One line per group of the option's items rounded together (the log's month of one
/// platform): their exact generations, summed, rounded up once; the whole generations go to
/// each item and those left one each to the largest remainders (`Usage::generations`).
fn rounded_once_text(o: &Purchase, usage: &Usage) -> Result<String> {
    let mut out = String::new();
    let mut done: Vec<&[usize]> = Vec::new();
    for item in &o.items {
        let Some(group) = usage.rounded_with(item.item) else {
            continue;
        };
        if done.contains(&group) {
            continue;
        }
        done.push(group);
        let mut exact = Vec::new();
        let mut total = Decimal::ZERO;
        let mut floors = Decimal::ZERO;
        let mut sign = "=";
        for &i in group {
            let value = usage.exact(i)?;
            total += value;
            floors += value.trunc();
            let (s, shown) = exact_text(value);
            if s != "=" {
                sign = s;
            }
            exact.push(shown);
        }
        let (s, total_shown) = exact_text(total);
        if s != "=" {
            sign = s;
        }
        let whole = usage::round_up_whole(total);
        let left = (whole - floors).max(Decimal::ZERO);
        let share = if left.is_zero() {
            "each item its whole generations".to_string()
        } else {
            format!(
                "each item its whole generations, and {} more, one each to the largest remainders",
                left.normalize()
            )
        };
        out.push_str(&format!(
            "  retries rounded once, on the month's total: {} {sign} {total_shown} → {} generations ({share})\n",
            exact.join(" + "),
            whole.normalize(),
        ));
    }
    Ok(out)
}

/// The working of one option, line by line, so its total can be redone by hand.
fn explain_text(o: &Purchase, usage: &Usage) -> Result<String> {
    let c = &o.currency;
    let unit = &o.credit_word;
    let mut out = format!("\nHow #1 ({} {}) adds up:\n", o.platform, o.describe());
    for item in &o.items {
        let Some(u) = usage.items.get(item.item) else {
            continue;
        };
        let each = if o.kind == OptionKind::PerUse {
            exact_money(&item.each, c)
        } else {
            format!("{} {unit}", money::fmt_credits_amount(&item.each))
        };
        let total = if o.kind == OptionKind::PerUse {
            exact_money(&item.total, c)
        } else {
            format!("{} {unit}", money::fmt_credits_amount(&item.total))
        };
        let variant = if item.variant.is_empty() {
            String::new()
        } else {
            format!(" ({})", item.variant)
        };
        let included = if item.included {
            ", included in the plan"
        } else {
            ""
        };
        let billed = match (item.billed_seconds, u.request.duration) {
            (Some(b), Some(asked)) if b != asked => format!(" (billed as {} s)", b.normalize()),
            _ => String::new(),
        };
        // What is computed (issue 22, trial C): the item's own rate and its exact
        // generations; a lone item is rounded up on its own, the log's items once, on their
        // platform's month total (a line below adds it up).
        let exact = usage.exact(item.item)?;
        let (sign, exact_shown) = exact_text(exact);
        let rounding = if usage.rounded_with(item.item).is_some() {
            "; rounded with the month, below".to_string()
        } else if exact != item.generations {
            format!(", rounded up to {}", item.generations.normalize())
        } else {
            String::new()
        };
        out.push_str(&format!(
            "  {}: {}{variant}{billed}, {each} each{included} × {} ({} kept + {}% retries {sign} {exact_shown}{rounding}) = {total}\n",
            u.label(),
            item.model,
            if item.generations == Decimal::ONE {
                "1 generation".to_string()
            } else {
                format!("{} generations", item.generations.normalize())
            },
            kept_text(u.kept),
            percent_text(usage.retries_of(item.item)),
        ));
        for note in &item.notes {
            out.push_str(&format!("    note: {note}\n"));
        }
    }
    out.push_str(&rounded_once_text(o, usage)?);
    if let (Some(needed), Some(bought)) = (&o.credits_needed, o.credits_bought) {
        out.push_str(&format!(
            "  needed: {} {unit} a month\n",
            money::fmt_credits_amount(needed)
        ));
        if let Some(p) = &o.plan {
            let price = match p.billing {
                credits_core::cost::BillingPeriod::Monthly => {
                    format!("{} a month", money::fmt_money(p.billed, c))
                }
                credits_core::cost::BillingPeriod::Annual => format!(
                    "{} a year ÷ 12 = {} a month",
                    money::fmt_money(p.billed, c),
                    money::rdiv(&money::ratio(p.billed), &Ratio::from_integer(12))
                        .map_or_else(|_| "?".into(), |m| ratio_money(&m, c))
                ),
            };
            out.push_str(&format!(
                "  {} ({}): {} {unit} a month for {price}\n",
                p.name,
                p.billing.as_str(),
                money::fmt_credits(p.credits)
            ));
        }
        for pack in o.packs.iter().filter(|k| k.any_amount) {
            out.push_str(&format!(
                "  + {} {unit} of {} at {} a credit = {}\n",
                money::fmt_credits(pack.credits),
                pack.name,
                money::div(pack.price, pack.credits)
                    .map_or_else(|_| "?".into(), |m| money::fmt_money(m, c)),
                money::fmt_money(pack.price, c),
            ));
        }
        for pack in o.packs.iter().filter(|k| !k.any_amount) {
            out.push_str(&format!(
                "  + {} × {} ({} {unit} for {} each) = {} {unit} for {}\n",
                pack.count.normalize(),
                pack.name,
                money::fmt_credits(pack.credits),
                money::fmt_money(pack.price, c),
                money::mul(pack.count, pack.credits)
                    .map_or_else(|_| "?".into(), money::fmt_credits),
                money::mul(pack.count, pack.price)
                    .map_or_else(|_| "?".into(), |m| money::fmt_money(m, c)),
            ));
        }
        out.push_str(&format!(
            "  got {} {unit}; left over {}\n",
            money::fmt_credits(bought),
            leftover_text(o)
        ));
    }
    out.push_str(&format!("  total: {} a month", money_text(&o.monthly, c)));
    if let Some(s) = &o.per_kept_second {
        out.push_str(&format!("; {} per kept second", money_text(s, c)));
    } else if let Some(each) = &o.per_kept_output {
        out.push_str(&format!("; {} per kept output", money_text(each, c)));
    }
    out.push_str(" (money rounded once, here)\n");
    for note in &o.notes {
        out.push_str(&format!("  note: {note}\n"));
    }
    Ok(out)
}

fn to_view<'a>(
    usage: &'a Usage,
    sources: &'a Sources,
    advice: &'a Advice,
    ranked: &[Row<'a>],
    shown: usize,
    accounts: &'a [Yours],
    gaps: &[Gap],
) -> Result<PlansView<'a>> {
    let mut usage_view =
        views::plans::UsageView::new(usage, sources.log.as_ref(), sources.retries_typed)?;
    if let Some(log) = usage_view.log.as_mut() {
        log.by_platform = gaps
            .iter()
            .map(|g| views::plans::LogPlatformView {
                platform: g.platform.clone(),
                charged: views::Dec(g.charged),
                charged_per_month: views::Dec(g.charged_month),
                priced_per_month: views::dec(g.priced),
                gap_percent: views::dec(g.percent),
                unit: g.unit.clone(),
            })
            .collect();
    }
    let yours = accounts
        .iter()
        .map(|y| views::plans::YourPlanView {
            platform: &y.account.platform,
            plan: &y.account.plan,
            billing: y.account.billing.as_str(),
            rank: y.rank.map(|r| r + 1),
            cost_per_month: y
                .option
                .as_ref()
                .and_then(|o| views::plans::per_month(&o.monthly)),
            saving_per_month: views::ratio(y.saving.as_ref()),
            left_out: y.left_out.as_deref(),
        })
        .collect();
    let mut options = Vec::new();
    let mut combination = None;
    for (i, row) in ranked.iter().enumerate().take(shown) {
        match row {
            Row::One(o) => options.push(views::plans::OptionView::new(i + 1, o, usage)),
            Row::Combo(c) => {
                combination = Some(views::plans::CombinationView::new(i + 1, c, usage));
            }
        }
    }
    Ok(PlansView::new(
        usage_view,
        advice,
        options,
        combination,
        ranked.len().saturating_sub(shown),
        yours,
    ))
}
