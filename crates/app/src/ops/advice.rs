//! What `credits plans` reads besides the tables: the month of work the user's log shows
//! (kept outputs and the retry rate it measures), a shot list's, and the accounts whose
//! plan the advice is compared with.

use super::Session;
use anyhow::Result;
use chrono::{DateTime, Utc};
use credits_core::advice::Share;
use credits_core::error::{fail, fail_with_help};
use credits_core::money;
use credits_core::pricing::catalog::Catalog;
use credits_core::records::{Account, Filter, Status};
use credits_core::usage::{Item, Target};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::Path;

/// A month of work read from the log, with what the window held.
#[derive(Clone, Debug)]
pub struct LogUsage {
    pub items: Vec<Item>,
    pub since: DateTime<Utc>,
    pub until: DateTime<Utc>,
    /// Days in the window; counts are scaled by 30 ÷ days (generations are rounded up).
    pub days: Decimal,
    /// Outputs in the window (each entry's count): kept, discarded reruns, failed and not
    /// refunded, refunded.
    pub kept: Decimal,
    pub discarded: Decimal,
    pub failed: Decimal,
    pub refunded: Decimal,
    /// Extra charged generations per 100 kept: (discarded + failed) × 100 ÷ kept.
    pub retry_percent: Decimal,
    /// Each item's own rate, in `items` order: the reruns and failures of its model and
    /// request shape per 100 of its kept outputs, plus its platform's share of the retries
    /// of shapes it kept nothing of. Priced with these, the month is what the log charged.
    pub item_retries: Vec<Decimal>,
    /// Each platform's share of the month: the items (indexes into `items`) made there.
    pub shares: Vec<Share>,
    /// What the log says each platform charged in the window (entries kept, discarded and
    /// failed; refunded ones charged nothing), by platform id, in the platform's unit.
    pub charged: Vec<(String, Decimal)>,
}

/// The default window of `--from-log`.
pub(crate) const DEFAULT_WINDOW: &str = "30d";

/// What the log shows was made in the window `since` (default the last 30 days) up to now,
/// on `platforms` (canonical ids; empty: all), scaled to a month (not rounded: generations
/// are, once per platform's share). An item is one model on one platform at one length,
/// effective resolution, sound and mode: an entry logged without a resolution and one
/// stating the model's default (`scan` states it) are the same item.
pub fn usage_from_log(
    session: &Session,
    since: Option<&str>,
    platforms: &[String],
) -> Result<LogUsage> {
    let since_text = since.unwrap_or(DEFAULT_WINDOW);
    let since = credits_core::dates::parse_since(since_text, &session.now)?;
    let until = session.now_utc();
    if since >= until {
        return Err(fail_with_help(
            format!("--since `{since_text}` is not in the past"),
            "read a window that has passed, e.g. --since 30d",
        ));
    }
    let seconds = Decimal::from(until.signed_duration_since(since).num_seconds());
    let days = money::div(seconds, Decimal::from(86_400))?;
    let Some(store) = session.existing_store()? else {
        return Err(no_log(
            &super::ledger::local(session, since)
                .date_naive()
                .to_string(),
        ));
    };
    // No upper bound: an entry logged this very second (`at` = now) belongs to the month.
    let filter = Filter {
        since: Some(since),
        // One platform: only its entries are read (the `platform, at` index).
        platform: match platforms {
            [one] => Some(one.clone()),
            _ => None,
        },
        ..Filter::default()
    };
    // (platform, model, request shape) → kept outputs; the rest counted for the rate.
    let mut groups: BTreeMap<(String, String, String), Item> = BTreeMap::new();
    // The same key → reruns, failures and refunds are counted apart, since a shape may have
    // retries and no kept output.
    let mut retries: BTreeMap<(String, String, String), Decimal> = BTreeMap::new();
    let mut charged: BTreeMap<String, Decimal> = BTreeMap::new();
    let (mut kept, mut discarded, mut failed, mut refunded) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    // Streamed, not collected: a busy month is tens of thousands of entries.
    store.for_each_entry(&filter, credits_store::Order::NewestFirst, |entry| {
        // `--platform`: the month made there, not on the other platforms.
        if !platforms.is_empty() && !platforms.contains(&entry.platform) {
            return Ok(());
        }
        let count = Decimal::from(entry.request.count.max(1));
        if entry.status != Status::Refunded {
            let total = charged.entry(entry.platform.clone()).or_default();
            *total = money::add(*total, entry.credits)?;
        }
        let add = |total: &mut Decimal| money::add(*total, count).map(|t| *total = t);
        match entry.status {
            Status::Ok if entry.kept => add(&mut kept)?,
            Status::Ok => add(&mut discarded)?,
            Status::Failed => add(&mut failed)?,
            Status::Refunded => add(&mut refunded)?,
        }
        // A rerun (discarded) or a failure charged: a retry of its item. A refund charged
        // nothing and is left out, as in the measured rate.
        let retry = entry.status == Status::Failed || (entry.status == Status::Ok && !entry.kept);
        let kept_output = entry.status == Status::Ok && entry.kept;
        if !kept_output && !retry {
            return Ok(());
        }
        let mut request = credits_core::cost::Request {
            count: 1,
            pinned_credits: None,
            ..entry.request.clone()
        };
        // The model's default resolution stated is the same request as none stated.
        let default = session
            .catalog
            .platform(&entry.platform)
            .ok()
            .and_then(|p| p.model(&entry.model).ok())
            .and_then(|m| m.default_resolution());
        if request.resolution.is_some() && request.resolution.as_deref() == default {
            request.resolution = None;
        }
        let shape = format!("{request:?}");
        if retry {
            let n = retries
                .entry((entry.platform.clone(), entry.model.clone(), shape))
                .or_default();
            *n = money::add(*n, count)?;
            return Ok(());
        }
        let item = groups
            .entry((entry.platform.clone(), entry.model.clone(), shape))
            .or_insert_with(|| Item {
                // Any platform with this model may make it (sora-2 in an app and on an
                // API); --any-model widens it to any model of the kind.
                target: Target::Model {
                    platform: None,
                    model: entry.model.clone(),
                },
                request,
                kept: Decimal::ZERO,
            });
        item.kept = money::add(item.kept, count)?;
        Ok(())
    })?;
    if kept.is_zero() {
        return Err(no_log(
            &super::ledger::local(session, since)
                .date_naive()
                .to_string(),
        ));
    }
    let month = Decimal::from(30);
    // Retries of a shape with no kept output, by platform: shared over its items by kept.
    let mut orphans: BTreeMap<String, Decimal> = BTreeMap::new();
    let mut platform_kept: BTreeMap<String, Decimal> = BTreeMap::new();
    for (key, n) in &retries {
        if !groups.contains_key(key) {
            let o = orphans.entry(key.0.clone()).or_default();
            *o = money::add(*o, *n)?;
        }
    }
    for ((platform, _, _), item) in &groups {
        let k = platform_kept.entry(platform.clone()).or_default();
        *k = money::add(*k, item.kept)?;
    }
    let mut items = Vec::new();
    let mut item_retries = Vec::new();
    let mut shares: Vec<Share> = Vec::new();
    for (key, mut item) in groups {
        let own = retries.get(&key).copied().unwrap_or_default();
        let platform = key.0;
        let shared = match (orphans.get(&platform), platform_kept.get(&platform)) {
            (Some(o), Some(k)) if !k.is_zero() => money::div(*o, *k)?,
            _ => Decimal::ZERO,
        };
        // (own retries ÷ kept + the platform's orphans per kept output) × 100.
        let rate = money::add(money::div(own, item.kept)?, shared)?;
        item_retries.push(money::mul(rate, Decimal::ONE_HUNDRED)?.normalize());
        if days != month {
            item.kept = money::div(money::mul(item.kept, month)?, days)?;
        }
        match shares.last_mut() {
            Some((last, indexes)) if *last == platform => indexes.push(items.len()),
            _ => shares.push((platform, vec![items.len()])),
        }
        items.push(item);
    }
    let extra = money::add(discarded, failed)?;
    // Kept as the exact quotient (28 digits): shown rounded, applied as measured.
    let retry_percent = money::div(money::mul(extra, Decimal::ONE_HUNDRED)?, kept)?.normalize();
    Ok(LogUsage {
        items,
        since,
        until,
        days,
        kept,
        discarded,
        failed,
        refunded,
        retry_percent,
        item_retries,
        shares,
        charged: charged.into_iter().collect(),
    })
}

fn no_log(since: &str) -> anyhow::Error {
    fail_with_help(
        format!("the log has no kept generations since {since}"),
        "log what you make with `credits log`, pass a longer --since, or give --usage",
    )
}

/// A shot list made `times` a month: each shot is an item of its model.
pub fn usage_from_shots(path: &Path, times: u32) -> Result<Vec<Item>> {
    let (list, _) = crate::shot_lists::read(path)?;
    let mut items = Vec::new();
    for shot in list.shot {
        let shot = shot.into_inner();
        let request = credits_core::cost::Request {
            duration: shot.duration,
            resolution: shot.resolution,
            audio: shot.audio,
            refs: shot.refs,
            mode: shot.mode,
            chars: shot.chars,
            count: 1,
            upscale: shot.upscale,
            pinned_credits: shot.credits,
            // A plan for the months ahead: today's rates.
            on: None,
        }
        .normalized()?;
        let kept = Decimal::from(shot.count.unwrap_or(1).max(1))
            .checked_mul(Decimal::from(times))
            .ok_or_else(|| fail("--times is too large"))?;
        if kept.is_zero() {
            return Err(fail_with_help(
                "--times must be at least 1",
                "e.g. --times 4",
            ));
        }
        items.push(Item {
            target: Target::Model {
                platform: shot.platform.or_else(|| list.platform.clone()),
                model: shot.model,
            },
            request,
            kept,
        });
    }
    Ok(items)
}

/// Each named model's item made by any model of its kind (`--any-model`): the kind comes
/// from the table that has the model; an unknown model stays as it is.
pub fn any_model(catalog: &Catalog, items: Vec<Item>) -> Vec<Item> {
    items
        .into_iter()
        .map(|mut item| {
            if let Target::Model { platform, model } = &item.target {
                let kind = catalog
                    .platforms()
                    .filter(|p| {
                        platform
                            .as_deref()
                            .is_none_or(|typed| credits_core::slug::matches(typed, &p.id, &p.name))
                    })
                    .find_map(|p| p.model(model).ok().map(|m| m.kind));
                if let Some(kind) = kind {
                    item.target = Target::Kind(kind);
                }
            }
            item
        })
        .collect()
}

/// Refuses an item naming a platform or model no table has, with the tables' suggestions
/// (a typo would otherwise read as "no platform makes it").
pub fn check_models(catalog: &Catalog, items: &[Item]) -> Result<()> {
    for item in items {
        let Target::Model { platform, model } = &item.target else {
            continue;
        };
        match platform {
            Some(p) => {
                catalog.platform(p)?.model(model)?;
            }
            None => {
                if catalog.platforms().any(|p| p.model(model).is_ok()) {
                    continue;
                }
                let mut ids: Vec<&str> = catalog
                    .platforms()
                    .flat_map(|p| p.models.iter().map(|m| m.id.as_str()))
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                return Err(fail_with_help(
                    format!("no pricing table has a model `{model}`"),
                    credits_core::slug::did_you_mean(model, "models", ids.iter().copied()),
                ));
            }
        }
    }
    Ok(())
}

/// The accounts recorded, without creating a database.
pub fn accounts(session: &Session) -> Result<Vec<Account>> {
    match session.existing_store()? {
        Some(store) => store.accounts(),
        None => Ok(Vec::new()),
    }
}
