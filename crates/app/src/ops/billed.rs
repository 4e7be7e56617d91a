//! What the platforms really billed (issue 23): `credits import --from PLATFORM FILE`, and
//! `credits sync`, which fetches the same documents over HTTPS and hands them here.
//!
//! [`import_billed`] reads the platform's own API responses (the shapes of its public docs)
//! and keeps what the platform reported beside the table's estimate, never in place of it:
//! - **per generation** (Replicate's predictions, OpenAI's `/v1/videos`): each generation is
//!   matched to the entry logged for it, by the platform's id (an entry whose dedup key is
//!   `billed:PLATFORM:ID`) or by the same model within [`MATCH_WINDOW_MINUTES`] of its time,
//!   and enriched (its billed record, its status if the platform says it failed); an
//!   unmatched one becomes a new entry priced by the tables like `log`. Its record is keyed
//!   by the platform's id, so the same list imported twice adds nothing.
//! - **aggregates** (fal's usage buckets, Runway's daily credits per model, OpenAI's daily
//!   costs): kept as billed lines per platform, model and day. They are not generations, so
//!   no entry is ever made from one; a day imported again takes the platform's latest word.
//!
//! Numbers are read from the JSON text exactly (never through a binary float): documents
//! are text, parsed here into [`Json`], whose numbers keep their digits. Statuses: failed
//! and canceled are `failed` (charged until the platform refunds), except a Replicate run
//! the platform does not charge: an official model's (billed per output) or one with no
//! `metrics.predict_time`, which is `refunded` (see [`read_replicate`]). fal, the other
//! platform documented not to charge some failures, reports only aggregates. A generation still running is skipped, to be imported once it has finished.
//! A model the tables do not know is kept under the platform's own name, with a note, and
//! never priced at 0.

use super::entries::refresh_checkpoints;
use super::pricing::{self, PriceRequest};
use super::resolve;
use super::Session;
use anyhow::{anyhow, bail, Context, Result};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use credits_core::error::fail_with_help;
use credits_core::pricing::catalog::Catalog;
use credits_core::records::{
    Money, NewEntry, PriceSource, Request, Status, Topup, TopupExpiry, Who,
};
use credits_core::text::one_line;
use credits_store::{Billed, BilledLine, LineWrite, Matched};
use rust_decimal::Decimal;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// How far apart an entry logged by hand (or by `scan`) and the platform's record of the
/// same generation may be to be taken as one: logging happens after the download, and
/// `scan` dates a clip by its file, so both lag the platform's `created_at` by minutes.
pub const MATCH_WINDOW_MINUTES: i64 = 30;

/// A platform whose billing export `credits import --from` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BilledSource {
    Fal,
    Replicate,
    Openai,
    Runway,
    Kling,
}

impl BilledSource {
    /// Whether its export lists prepaid packs, imported as top-ups (Kling).
    pub fn sells_packs(self) -> bool {
        self == BilledSource::Kling
    }

    /// The source whose export lists `platform`'s prepaid packs (`kling-api`: Kling), if any.
    pub fn packs_of(platform: &str) -> Option<BilledSource> {
        BilledSource::ALL
            .into_iter()
            .find(|s| s.sells_packs() && s.platform() == platform)
    }

    pub const ALL: [BilledSource; 5] = [
        BilledSource::Fal,
        BilledSource::Replicate,
        BilledSource::Openai,
        BilledSource::Runway,
        BilledSource::Kling,
    ];

    /// The name `--from` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            BilledSource::Fal => "fal",
            BilledSource::Replicate => "replicate",
            BilledSource::Openai => "openai",
            BilledSource::Runway => "runway",
            BilledSource::Kling => "kling",
        }
    }

    /// The platform of the tables whose entries it bills: the API platforms, not the web
    /// apps (Runway's and Kling's exports are their APIs').
    pub fn platform(self) -> &'static str {
        match self {
            BilledSource::Fal => "fal",
            BilledSource::Replicate => "replicate",
            BilledSource::Openai => "openai",
            BilledSource::Runway => "runway-api",
            BilledSource::Kling => "kling-api",
        }
    }
}

impl fmt::Display for BilledSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for BilledSource {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<BilledSource> {
        let lower = s.trim().to_ascii_lowercase();
        BilledSource::ALL
            .into_iter()
            .find(|b| b.as_str() == lower || b.platform() == lower)
            .ok_or_else(|| {
                fail_with_help(
                    format!("`{s}` is not a platform whose billing can be imported"),
                    "--from takes fal, replicate, openai, runway or kling",
                )
            })
    }
}

/// What one item of a platform's document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BilledKind {
    /// One generation (a prediction, a video).
    Generation,
    /// What one model cost on one day.
    Line,
    /// A prepaid resource pack (Kling).
    Pack,
}

/// What the import did with one item.
#[derive(Debug, Clone, PartialEq)]
pub enum BilledAction {
    /// No entry was logged for it: one was made.
    Added { entry_id: i64 },
    /// The entry logged for it now carries the platform's record; `status` is set when the
    /// platform's status replaced the entry's.
    Enriched {
        entry_id: i64,
        by: Matched,
        status: Option<(Status, Status)>,
    },
    /// A billed line kept (new).
    LineAdded,
    /// A day imported before, now with the platform's newer numbers.
    LineReplaced,
    /// A prepaid pack recorded as a top-up of the platform's balance, priced as the tables'
    /// pack of that size: `pack` is that pack's name and price; `said` what the platform
    /// listed (left, validity).
    TopupAdded {
        topup_id: i64,
        pack: String,
        said: String,
    },
    /// A top-up recorded by hand taken as this pack: linked to it, its validity now the
    /// platform's (its price stays what was typed).
    TopupMatched { topup_id: i64, said: String },
    /// Imported before, unchanged: nothing added.
    AlreadyThere,
    /// Not imported, and why.
    Skipped(String),
}

/// One item of the documents and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct BilledItem {
    pub kind: BilledKind,
    /// The platform's id of a generation; `MODEL DAY [UNIT]` of a line; a pack's id.
    pub reference: String,
    /// The model as stored: the tables' id when they know it, else the platform's name.
    pub model: String,
    /// Whether the tables know the model.
    pub known_model: bool,
    /// When it ran (a line: the start of its day, UTC).
    pub at: DateTime<Utc>,
    pub status: Option<Status>,
    /// What the platform said it billed; `None` when it did not say.
    pub billed: Option<Money>,
    pub billed_credits: Option<Decimal>,
    pub action: BilledAction,
    /// Why the entry an import added was left unpriced (its cost unknown, never 0), as a
    /// sentence; `None` when it was priced or no entry was added.
    pub unpriced: Option<String>,
}

/// What [`import_billed`] did, item by item.
#[derive(Debug, Clone, PartialEq)]
pub struct BilledImport {
    pub source: BilledSource,
    /// The platform in the tables (`fal`, `runway-api`).
    pub platform: String,
    pub items: Vec<BilledItem>,
    /// What the platform's packs had left, summed over those usable now (Kling's
    /// `remaining_quantity` of packs `online` and within their validity), when it listed any:
    /// the balance the platform shows, for `balance --expect` (`sync` checks it itself).
    pub units_left: Option<Decimal>,
    /// Of `units_left`, what is in packs this import did not record (a size the tables do not
    /// sell): the ledger cannot have them until they are recorded by hand.
    pub units_left_unrecorded: Decimal,
}

impl BilledImport {
    /// How many items took each action: added, enriched, lines added or replaced, already
    /// there, skipped.
    pub fn counts(&self) -> BilledCounts {
        let mut c = BilledCounts::default();
        for item in &self.items {
            match item.action {
                BilledAction::Added { .. } => c.added += 1,
                BilledAction::Enriched { .. } => c.enriched += 1,
                BilledAction::LineAdded => c.lines_added += 1,
                BilledAction::LineReplaced => c.lines_replaced += 1,
                BilledAction::TopupAdded { .. } => c.topups_added += 1,
                BilledAction::TopupMatched { .. } => c.topups_matched += 1,
                BilledAction::AlreadyThere => c.already += 1,
                BilledAction::Skipped(_) => c.skipped += 1,
            }
        }
        c
    }
}

/// The counts of [`BilledImport::counts`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BilledCounts {
    pub added: usize,
    pub enriched: usize,
    pub lines_added: usize,
    pub lines_replaced: usize,
    /// Prepaid packs recorded as top-ups (Kling).
    pub topups_added: usize,
    /// Prepaid packs taken as top-ups recorded by hand.
    pub topups_matched: usize,
    pub already: usize,
    pub skipped: usize,
}

/// Imports what a platform reported it billed. `documents` are the API's response bodies as
/// text, one per page (`sync`), or one file's text (`import --from`); a document that is a
/// JSON array is taken as that many pages. Everything is written in one transaction: a
/// document that cannot be read writes nothing.
pub fn import_billed(
    session: &Session,
    source: BilledSource,
    documents: &[String],
) -> Result<BilledImport> {
    let mut pages = Vec::new();
    for (i, text) in documents.iter().enumerate() {
        let doc = Json::parse(text).with_context(|| {
            format!(
                "{source} document {} of {} is not JSON",
                i + 1,
                documents.len()
            )
        })?;
        match doc {
            Json::Arr(items) => pages.extend(items),
            other => pages.push(other),
        }
    }
    // Read everything before the database is touched: a bad document changes nothing.
    let mut parsed = Parsed::default();
    for (i, page) in pages.iter().enumerate() {
        read_page(&session.catalog, source, page, &mut parsed)
            .with_context(|| format!("{source} page {} of {}", i + 1, pages.len()))?;
    }
    let platform = source.platform().to_string();
    let units_left = parsed.units_left(session.now_utc());
    if parsed.generations.is_empty() && parsed.lines.is_empty() && parsed.packs.is_empty() {
        // Nothing to record (a list of running generations): no database is made or opened.
        return Ok(BilledImport {
            source,
            platform,
            items: parsed.skipped,
            units_left,
            units_left_unrecorded: Decimal::ZERO,
        });
    }
    let who = session.who()?;
    let mut store = session.store()?;
    let now = session.now_utc();
    let (items, units_left_unrecorded) = store.write(|tx| {
        let mut items = parsed.skipped;
        let mut created = false;
        let mut unrecorded = Decimal::ZERO;
        if !parsed.packs.is_empty() {
            let records = super::ledger::records(tx, &platform)?;
            let start =
                super::ledger::start(session, &records)?.filter(|_| !records.changes.is_empty());
            let mut later = Vec::new();
            for pass in [PackPass::Near, PackPass::Late] {
                let packs = match pass {
                    PackPass::Near => std::mem::take(&mut parsed.packs),
                    PackPass::Late => std::mem::take(&mut later),
                };
                for pack in packs {
                    let usable = pack.usable_left(now);
                    match import_pack(tx, &platform, start, &who, pack, pass)? {
                        Ok((item, changed)) => {
                            if matches!(item.action, BilledAction::Skipped(_)) {
                                unrecorded = unrecorded.checked_add(usable).unwrap_or(unrecorded);
                            }
                            created |= changed;
                            items.push(item);
                        }
                        Err(pack) => later.push(pack),
                    }
                }
            }
        }
        for g in parsed.generations {
            let (item, made) = import_generation(session, tx, source, g)?;
            created |= made;
            items.push(item);
        }
        for line in merge_lines(parsed.lines)? {
            items.push(import_line(tx, line)?);
        }
        if created {
            refresh_checkpoints(session, tx, &platform)?;
        }
        Ok((items, unrecorded))
    })?;
    Ok(BilledImport {
        source,
        platform,
        items,
        units_left,
        units_left_unrecorded,
    })
}

/// A generation as the platform reported it, before it is matched.
#[derive(Debug, Clone)]
struct Generation {
    reference: String,
    /// The platform's name for the model.
    platform_model: String,
    model: String,
    known: bool,
    at: DateTime<Utc>,
    status: Status,
    request: Request,
    billed: Option<Money>,
    export: &'static str,
}

/// A line before lines of the same platform, model, day and unit are summed.
#[derive(Debug, Clone)]
struct Line {
    line: BilledLine,
    known: bool,
}

/// A prepaid pack as the platform listed it, and the top-up it is recorded as.
#[derive(Debug, Clone)]
struct PackRead {
    item: BilledItem,
    /// The platform's id of the pack.
    reference: String,
    /// Its units (bonus included), and when it was bought.
    total: Decimal,
    bought: DateTime<Utc>,
    /// Usable from, and expiring at.
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    /// The top-up when the tables sell a pack of that size (priced as it), with that pack's
    /// name and price; `None`: a size the tables do not sell, recorded only by matching a
    /// top-up recorded by hand.
    topup: Option<(Topup, String)>,
    /// What the platform listed: left, validity.
    said: String,
    /// Units left, and the pack's status (`online`, `expired`, `runOut`).
    left: Decimal,
    status: String,
}

impl PackRead {
    /// What it has left that can be used at `now`: its units left when it is online and
    /// within its validity, else none.
    fn usable_left(&self, now: DateTime<Utc>) -> Decimal {
        if self.status == "online" && self.from <= now && now < self.until {
            self.left
        } else {
            Decimal::ZERO
        }
    }
}

/// How far a top-up recorded by hand may be from the time the platform gives a pack (its
/// purchase or its start) to be taken as that pack: typed as a date, it is a local midnight,
/// so up to a day and a half from a UTC time on the same day.
const PACK_MATCH_WINDOW_HOURS: i64 = 36;

/// Records one pack, in two passes over a document's packs so that a top-up recorded by hand
/// near a pack's time is taken by that pack before any other may take it late:
/// - [`PackPass::Near`]: the top-up linked to its id already (nothing to do); a pack before
///   the balance's start (said); a top-up of its units recorded by hand (or imported before
///   schema 16) within [`PACK_MATCH_WINDOW_HOURS`] of its purchase or start, now linked and
///   given its real validity. Else the pack is handed back for the second pass.
/// - [`PackPass::Late`]: a top-up of its units recorded by hand any time after its purchase
///   (one typed the day it was noticed, without `--at`), linked the same way; else a new
///   top-up when the tables sell a pack of that size; else said with the command that
///   records it.
///
/// Returns the item and whether the balance changed, or the pack for the next pass.
fn import_pack(
    tx: &credits_store::Tx<'_>,
    platform: &str,
    start: Option<DateTime<Utc>>,
    who: &Who,
    pack: PackRead,
    pass: PackPass,
) -> Result<Result<(BilledItem, bool), PackRead>> {
    let window = chrono::Duration::hours(PACK_MATCH_WINDOW_HOURS);
    if pass == PackPass::Near {
        let mut item = pack.item.clone();
        if tx.topup_by_ref(platform, &pack.reference)?.is_some() {
            item.action = BilledAction::AlreadyThere;
            return Ok(Ok((item, false)));
        }
        if let Some(s) = start.filter(|s| pack.from < *s) {
            // A pack before the account's recorded start is outside its balance: `account
            // set` starts it, and a top-up before it would not count.
            item.action = BilledAction::Skipped(format!(
                "{}; valid from {}, before the balance's start ({}, `credits account list`): \
                 not recorded",
                pack.said,
                pack.from.format("%Y-%m-%d %H:%M"),
                s.format("%Y-%m-%d %H:%M")
            ));
            return Ok(Ok((item, false)));
        }
    }
    let matches = |t: &Topup| {
        let near = (t.at - pack.from).abs() <= window || (t.at - pack.bought).abs() <= window;
        let after = t.at >= pack.bought - window;
        t.credits.checked_add(t.bonus) == Some(pack.total)
            && match pass {
                PackPass::Near => near,
                PackPass::Late => after,
            }
    };
    let by_hand = tx
        .unreferenced_topups(platform)?
        .into_iter()
        .find(|t| matches(t));
    if let Some(t) = by_hand {
        tx.set_topup_ref(t.id, platform, &pack.reference)?;
        tx.set_topup_validity(t.id, pack.from, pack.until)?;
        let mut item = pack.item;
        item.action = BilledAction::TopupMatched {
            topup_id: t.id,
            said: match pass {
                PackPass::Near => pack.said,
                PackPass::Late => format!(
                    "{}; recorded by hand on {}, after the purchase",
                    pack.said,
                    t.at.format("%Y-%m-%d")
                ),
            },
        };
        return Ok(Ok((item, true)));
    }
    if pass == PackPass::Near {
        return Ok(Err(pack));
    }
    let mut item = pack.item;
    match pack.topup {
        Some((topup, table_pack)) => {
            let id = tx.insert_topup(&Topup {
                who: who.clone(),
                ..topup
            })?;
            tx.set_topup_ref(id, platform, &pack.reference)?;
            item.action = BilledAction::TopupAdded {
                topup_id: id,
                pack: table_pack,
                said: pack.said,
            };
            Ok(Ok((item, true)))
        }
        None => {
            item.action = BilledAction::Skipped(format!(
                "{}; not recorded: the tables sell no {}-unit pack, so its price is unknown \
                 (record it with `credits topup {platform} --credits {} --price PRICE --at {}`; \
                 the next import links it to this pack)",
                pack.said,
                pack.total.normalize(),
                pack.total.normalize(),
                pack.from.format("%Y-%m-%dT%H:%M:%SZ")
            ));
            Ok(Ok((item, false)))
        }
    }
}

/// The two passes of [`import_pack`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PackPass {
    Near,
    Late,
}

#[derive(Default)]
struct Parsed {
    generations: Vec<Generation>,
    lines: Vec<Line>,
    packs: Vec<PackRead>,
    /// Packs listed with no id, by the key they are known by: how many so far.
    unnamed: BTreeMap<String, usize>,
    skipped: Vec<BilledItem>,
}

impl Parsed {
    /// What the packs usable at `now` have left, when any pack was listed.
    fn units_left(&self, now: DateTime<Utc>) -> Option<Decimal> {
        if self.packs.is_empty() {
            return None;
        }
        let mut sum = Decimal::ZERO;
        for pack in &self.packs {
            sum = sum.checked_add(pack.usable_left(now))?;
        }
        Some(sum)
    }
}

fn read_page(catalog: &Catalog, source: BilledSource, page: &Json, out: &mut Parsed) -> Result<()> {
    match source {
        BilledSource::Fal => read_fal(catalog, page, out),
        BilledSource::Replicate => read_replicate(catalog, page, out),
        BilledSource::Openai => read_openai(catalog, page, out),
        BilledSource::Runway => read_runway(catalog, page, out),
        BilledSource::Kling => read_kling(catalog, page, out),
    }
}

/// The tables' id of a model the platform names, or the platform's own name. Tried in turn:
/// the whole name, its last path segment (`owner/name`), the segments after the first
/// (`fal-ai/veo3` → `veo3`), each compared with the tables' ids and names ignoring case and
/// punctuation (`veo3` is `veo-3`).
fn model_of(catalog: &Catalog, platform: &str, name: &str) -> (String, bool) {
    let Ok(p) = catalog.platform(platform) else {
        return (name.to_string(), false);
    };
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let segments: Vec<&str> = name.split('/').filter(|s| !s.is_empty()).collect();
    let mut candidates = vec![name.to_string()];
    if let Some(last) = segments.last() {
        candidates.push((*last).to_string());
    }
    if segments.len() > 1 {
        candidates.push(segments[1..].join("-"));
        candidates.push(segments[1].to_string());
    }
    for c in &candidates {
        if let Ok(m) = p.model(c) {
            return (m.id.clone(), true);
        }
        let sq = squash(c);
        if let Some(m) = p
            .models
            .iter()
            .find(|m| !sq.is_empty() && (squash(&m.id) == sq || squash(&m.name) == sq))
        {
            return (m.id.clone(), true);
        }
    }
    (name.to_string(), false)
}

fn skipped(
    kind: BilledKind,
    reference: String,
    model: String,
    at: DateTime<Utc>,
    why: impl Into<String>,
) -> BilledItem {
    BilledItem {
        kind,
        reference,
        model,
        known_model: false,
        at,
        status: None,
        billed: None,
        billed_credits: None,
        action: BilledAction::Skipped(why.into()),
        unpriced: None,
    }
}

/// fal's `GET /v1/models/usage`: `time_series[].bucket` and its `results[]` (`endpoint_id`,
/// `unit`, `quantity`, `unit_price`, `cost`, `currency`).
fn read_fal(catalog: &Catalog, page: &Json, out: &mut Parsed) -> Result<()> {
    let series = page.field("time_series")?.array("time_series")?;
    for bucket in series {
        let day = day_of(bucket.field("bucket")?)?;
        for r in bucket.field("results")?.array("results")? {
            let endpoint = r.text_field("endpoint_id")?;
            let (model, known) = model_of(catalog, "fal", &endpoint);
            let currency = r
                .opt("currency")
                .map(|c| c.text("currency"))
                .transpose()?
                .unwrap_or_else(|| "USD".to_string())
                .to_ascii_uppercase();
            out.lines.push(Line {
                line: BilledLine {
                    platform: "fal".into(),
                    model,
                    day,
                    unit: r
                        .opt("unit")
                        .map(|u| u.text("unit"))
                        .transpose()?
                        .unwrap_or_default(),
                    quantity: r
                        .opt("quantity")
                        .map(|q| q.decimal("quantity"))
                        .transpose()?,
                    amount: Some(Money {
                        amount: r.field("cost")?.decimal("cost")?,
                        currency,
                    }),
                    credits: None,
                    source: "fal-usage".into(),
                },
                known,
            });
        }
    }
    Ok(())
}

/// Replicate's `GET /v1/predictions`: `results[]` (`id`, `model`, `status`, `created_at`,
/// `metrics.predict_time`). No cost: Replicate bills time-billed models by the second of
/// hardware and official models per output, and says neither in the list.
fn read_replicate(catalog: &Catalog, page: &Json, out: &mut Parsed) -> Result<()> {
    for p in page.field("results")?.array("results")? {
        let id = p.text_field("id")?;
        let name = p.text_field("model")?;
        let at = time_of(p.field("created_at")?)?;
        let status = p.text_field("status")?;
        let (model, known) = model_of(catalog, "replicate", &name);
        let predict_time = p
            .opt("metrics")
            .and_then(|m| m.opt("predict_time"))
            .and_then(|t| t.decimal("predict_time").ok());
        let status = match status.as_str() {
            "succeeded" => Status::Ok,
            // Replicate bills a time-billed model (a community model on its hardware) for
            // the time a failed or canceled run took, known by `metrics.predict_time`; an
            // official model (the tables' models, billed per output) charges nothing for a
            // failure with no output, nor does a run that never ran. Not charged is, in the
            // ledger, refunded: a failure that costs nothing.
            "failed" | "canceled" if !known && predict_time.is_some_and(|t| t > Decimal::ZERO) => {
                Status::Failed
            }
            "failed" | "canceled" => Status::Refunded,
            "starting" | "processing" => {
                out.skipped.push(skipped(
                    BilledKind::Generation,
                    id,
                    name,
                    at,
                    format!("still {status}: import it again once it has finished"),
                ));
                continue;
            }
            other => bail!("prediction {id}: unknown status `{other}`"),
        };
        out.generations.push(Generation {
            reference: id,
            platform_model: name,
            model,
            known,
            at,
            status,
            request: Request {
                count: 1,
                // Video models take their length as `input.duration` (seconds); a
                // per-second price needs it. Anything else there is left out, not guessed.
                duration: p
                    .opt("input")
                    .and_then(|i| i.opt("duration"))
                    .and_then(|d| d.decimal("duration").ok()),
                // Veo and Kling on Replicate take `input.generate_audio` (true or false), and
                // their tables price audio apart: read as `--audio` is, so the entry is priced
                // with or without it (a price with audio the tables lack leaves the entry
                // unpriced, said). Absent, or not a boolean, it is left out: without audio.
                audio: matches!(
                    p.opt("input").and_then(|i| i.opt("generate_audio")),
                    Some(Json::Bool(true))
                ),
                ..Request::default()
            },
            billed: None,
            export: "replicate-predictions",
        });
    }
    Ok(())
}

/// OpenAI: a page of `GET /v1/videos` (`data[]` of `object: "video"`) or of
/// `GET /v1/organization/costs` (`data[]` of `object: "bucket"`, each with `start_time` and
/// `results[].amount {value, currency}`, `line_item`). The usage pages (images, requests)
/// carry no money: their buckets are skipped, said per bucket.
fn read_openai(catalog: &Catalog, page: &Json, out: &mut Parsed) -> Result<()> {
    for item in page.field("data")?.array("data")? {
        match item.text_field("object")?.as_str() {
            "video" => {
                let id = item.text_field("id")?;
                let name = item.text_field("model")?;
                let at = time_of(item.field("created_at")?)?;
                let status = item.text_field("status")?;
                let status = match status.as_str() {
                    "completed" => Status::Ok,
                    "failed" => Status::Failed,
                    "queued" | "in_progress" => {
                        out.skipped.push(skipped(
                            BilledKind::Generation,
                            id,
                            name,
                            at,
                            format!("still {status}: import it again once it has finished"),
                        ));
                        continue;
                    }
                    other => bail!("video {id}: unknown status `{other}`"),
                };
                let duration = item
                    .opt("seconds")
                    .map(|s| s.decimal("seconds"))
                    .transpose()?;
                let resolution = item
                    .opt("size")
                    .map(|s| s.text("size"))
                    .transpose()?
                    .and_then(|s| resolution_of(&s));
                let (model, known) = model_of(catalog, "openai", &name);
                out.generations.push(Generation {
                    reference: id,
                    platform_model: name,
                    model,
                    known,
                    at,
                    status,
                    request: Request {
                        count: 1,
                        duration,
                        resolution,
                        ..Request::default()
                    },
                    billed: None,
                    export: "openai-videos",
                });
            }
            "bucket" => {
                let day = day_of(item.field("start_time")?)?;
                for r in item.field("results")?.array("results")? {
                    let kind = r.text_field("object")?;
                    if kind != "organization.costs.result" {
                        out.skipped.push(skipped(
                            BilledKind::Line,
                            format!("{kind} {day}"),
                            String::new(),
                            start_of(day),
                            "usage without money: import the costs list for what was billed",
                        ));
                        continue;
                    }
                    let amount = r.field("amount")?;
                    let line_item = r
                        .opt("line_item")
                        .map(|l| l.text("line_item"))
                        .transpose()?;
                    // Grouped by line item, each names its model first ("sora-2, …");
                    // ungrouped, the day's whole cost is one line.
                    let (model, known) = match &line_item {
                        Some(l) => {
                            let first = l.split(',').next().unwrap_or(l).trim();
                            match model_of(catalog, "openai", first) {
                                (m, true) => (m, true),
                                _ => (l.clone(), false),
                            }
                        }
                        None => ("(all)".to_string(), false),
                    };
                    let value = amount.field("value")?.signed_decimal("amount.value")?;
                    if value.is_sign_negative() && !value.is_zero() {
                        out.skipped.push(skipped(
                            BilledKind::Line,
                            format!("{model} {day}"),
                            model,
                            start_of(day),
                            format!(
                                "a negative amount ({}): a credit on the invoice, not a charge",
                                value.normalize()
                            ),
                        ));
                        continue;
                    }
                    out.lines.push(Line {
                        line: BilledLine {
                            platform: "openai".into(),
                            model,
                            day,
                            unit: String::new(),
                            quantity: None,
                            amount: Some(Money {
                                amount: value,
                                currency: amount.text_field("currency")?.to_ascii_uppercase(),
                            }),
                            credits: None,
                            source: "openai-costs".into(),
                        },
                        known,
                    });
                }
            }
            other => bail!("an item of `object: {other}`, not a video or a costs bucket"),
        }
    }
    Ok(())
}

/// `1280x720` → `720p`: the tables name resolutions by their short side.
fn resolution_of(size: &str) -> Option<String> {
    let (w, h) = size.split_once('x')?;
    let (w, h): (u32, u32) = (w.trim().parse().ok()?, h.trim().parse().ok()?);
    // Sora's high-resolution sizes, 1792x1024 and 1024x1792, are what pricing/openai.toml
    // calls "1080p" (its selector for the larger size); by their short side they would be
    // "1024p", a resolution no table has.
    if (w.max(h), w.min(h)) == (1792, 1024) {
        return Some("1080p".into());
    }
    Some(format!("{}p", w.min(h)))
}

/// Runway's `POST /v1/organization/usage`: `results[]` of `date` and `usedCredits[]`
/// (`model`, `amount`). Credits, $0.01 each. A `GET /v1/organization` body (its balance) is
/// for `credits balance`, not an import: refused with that said.
fn read_runway(catalog: &Catalog, page: &Json, out: &mut Parsed) -> Result<()> {
    if page.opt("results").is_none() && page.opt("creditBalance").is_some() {
        bail!(
            "this is Runway's organization (its balance), not its usage: download \
             POST /v1/organization/usage instead"
        );
    }
    for day in page.field("results")?.array("results")? {
        let date = day_of(day.field("date")?)?;
        for used in day.field("usedCredits")?.array("usedCredits")? {
            let name = used.text_field("model")?;
            let (model, known) = model_of(catalog, "runway-api", &name);
            out.lines.push(Line {
                line: BilledLine {
                    platform: "runway-api".into(),
                    model,
                    day: date,
                    unit: String::new(),
                    quantity: None,
                    amount: None,
                    credits: Some(used.field("amount")?.decimal("amount")?),
                    source: "runway-usage".into(),
                },
                known,
            });
        }
    }
    Ok(())
}

/// Kling's `GET /account/costs`: `data.resource_pack_subscribe_infos[]` (`total_quantity`,
/// `remaining_quantity`, `purchase_time`, `effective_time`, `invalid_time` in ms, `status`).
/// A pack is a top-up of `kling-api`'s balance of units, usable from `effective_time` and
/// expiring at `invalid_time` (its real validity, not the table's "180 days"). Kling does
/// not say what was paid: a pack of a size the tables sell is priced as that pack (a trial
/// pack too); another size is said and left for `credits topup`, since a top-up needs a
/// price. What each pack has left is kept for the balance the platform shows.
fn read_kling(catalog: &Catalog, page: &Json, out: &mut Parsed) -> Result<()> {
    let platform = catalog.platform(BilledSource::Kling.platform())?;
    // Kling answers some refusals with a code of its own and no data (as `sync` says too).
    if let Some(code) = page.opt("code") {
        let code = code.text("code")?;
        if code != "0" {
            let message = match page.opt("message") {
                Some(m) => one_line(&m.text("message")?),
                None => "no message".into(),
            };
            bail!("Kling answered code {code}: {message} (a refusal, not a list of packs)");
        }
    }
    let data = page.field("data")?;
    for pack in data
        .field("resource_pack_subscribe_infos")?
        .array("resource_pack_subscribe_infos")?
    {
        let name = one_line(&pack.text_field("resource_pack_name")?);
        let id = match pack.opt("resource_pack_id") {
            Some(v) => v.text("resource_pack_id")?,
            None => String::new(),
        };
        // A pack listed with no id is known by its name and times, and, for two such packs
        // alike in one list (two of one order), by its place among them: the same list
        // imported again gives the same keys.
        let id = if id.trim().is_empty() {
            let time = |key: &str| {
                pack.opt(key)
                    .and_then(|v| time_of(v).ok())
                    .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
                    .unwrap_or_else(|| "?".into())
            };
            let key = format!(
                "{name} (no id; bought {}, from {})",
                time("purchase_time"),
                time("effective_time")
            );
            let seen = out.unnamed.entry(key.clone()).or_insert(0);
            *seen += 1;
            if *seen > 1 {
                format!("{key} #{seen}")
            } else {
                key
            }
        } else {
            id
        };
        let read =
            read_kling_pack(platform, pack, &id, &name).with_context(|| format!("pack {id}"))?;
        out.packs.push(read);
    }
    Ok(())
}

fn read_kling_pack(
    platform: &credits_core::pricing::Platform,
    pack: &Json,
    id: &str,
    name: &str,
) -> Result<PackRead> {
    let bought = time_of(pack.field("purchase_time")?)?;
    let total = pack.field("total_quantity")?.decimal("total_quantity")?;
    let left = pack
        .field("remaining_quantity")?
        .decimal("remaining_quantity")?;
    if total <= Decimal::ZERO || left < Decimal::ZERO || left > total {
        bail!(
            "{} of {} left is not a pack's balance",
            left.normalize(),
            total.normalize()
        );
    }
    // The ledger keeps credits to the thousandth (a stored amount is an integer of them).
    for (what, v) in [("total_quantity", total), ("remaining_quantity", left)] {
        if v.normalize().scale() > 3 {
            bail!(
                "{what} {} has more than 3 decimal places (credits are kept to 0.001)",
                v.normalize()
            );
        }
    }
    let from = time_of(pack.field("effective_time")?)?;
    let until = time_of(pack.field("invalid_time")?)?;
    if until <= from {
        bail!("invalid_time is not after effective_time");
    }
    let status = match pack.opt("status") {
        Some(s) => one_line(&s.text("status")?),
        None => "unknown".into(),
    };
    let waiting = if from > bought {
        format!(", bought {}", bought.format("%Y-%m-%d %H:%M"))
    } else {
        String::new()
    };
    // Only `online` units are counted as usable: say so of a status Kling does not document.
    let odd = if ["online", "expired", "runOut"].contains(&status.as_str()) {
        String::new()
    } else {
        format!(
            "; status `{status}` is not one Kling documents (online, expired, runOut): its units \
             are not counted as usable"
        )
    };
    let said = format!(
        "{name} ({status}): {} of {} units left, valid {} to {} (UTC){waiting}{odd}",
        credits_core::money::fmt_credits(left),
        credits_core::money::fmt_credits(total),
        from.format("%Y-%m-%d %H:%M"),
        until.format("%Y-%m-%d %H:%M")
    );
    // The tables' pack of that size (credits with bonus); a trial pack counts, being what
    // one bought.
    let topup = platform
        .packs
        .iter()
        .find(|k| k.total_credits() == Some(total))
        .map(|table| {
            (
                Topup {
                    id: 0,
                    platform: platform.id.clone(),
                    pack: Some(table.id.clone()),
                    credits: table.credits,
                    bonus: table.bonus,
                    price: table.price,
                    currency: platform.currency.clone(),
                    at: from,
                    expiry: TopupExpiry::At(until),
                    who: Who::default(),
                },
                format!(
                    "{} ({})",
                    table.name,
                    credits_core::money::fmt_money(table.price, &platform.currency)
                ),
            )
        });
    // The action is set when it is written. Nothing on it is "billed": Kling lists units,
    // not what it charged for them.
    let mut item = skipped(
        BilledKind::Pack,
        id.to_string(),
        name.to_string(),
        bought,
        "",
    );
    item.known_model = true;
    Ok(PackRead {
        item,
        reference: id.to_string(),
        total,
        bought,
        from,
        until,
        topup,
        said,
        left,
        status,
    })
}

/// Sums lines of the same platform, model, day and unit (fal gives one per auth method;
/// two names the tables take as one model).
fn merge_lines(lines: Vec<Line>) -> Result<Vec<Line>> {
    let mut merged: BTreeMap<(String, NaiveDate, String), Line> = BTreeMap::new();
    for l in lines {
        let key = (l.line.model.clone(), l.line.day, l.line.unit.clone());
        match merged.get_mut(&key) {
            None => {
                merged.insert(key, l);
            }
            Some(m) => {
                let add = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
                    (Some(a), Some(b)) => a.checked_add(b).map(Some),
                    (a, b) => Some(a.or(b)),
                };
                m.line.quantity = add(m.line.quantity, l.line.quantity)
                    .ok_or_else(|| anyhow!("a quantity too large"))?;
                m.line.credits = add(m.line.credits, l.line.credits)
                    .ok_or_else(|| anyhow!("credits too large"))?;
                m.line.amount = match (m.line.amount.take(), l.line.amount) {
                    (Some(a), Some(b)) if a.currency == b.currency => Some(Money {
                        amount: a
                            .amount
                            .checked_add(b.amount)
                            .ok_or_else(|| anyhow!("an amount too large"))?,
                        currency: a.currency,
                    }),
                    (Some(a), Some(b)) => bail!(
                        "{} on {} is billed in both {} and {}",
                        key.0,
                        key.1,
                        a.currency,
                        b.currency
                    ),
                    (a, b) => a.or(b),
                };
            }
        }
    }
    Ok(merged.into_values().collect())
}

fn start_of(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

fn import_line(tx: &credits_store::Tx<'_>, l: Line) -> Result<BilledItem> {
    let line = l.line;
    let write = tx.put_billed_line(&line)?;
    let reference = if line.unit.is_empty() {
        format!("{} {}", line.model, line.day)
    } else {
        format!("{} {} {}", line.model, line.day, line.unit)
    };
    Ok(BilledItem {
        kind: BilledKind::Line,
        reference,
        model: line.model.clone(),
        known_model: l.known,
        at: start_of(line.day),
        status: None,
        billed: line.amount.clone(),
        billed_credits: line.credits,
        action: match write {
            LineWrite::Added => BilledAction::LineAdded,
            LineWrite::Replaced => BilledAction::LineReplaced,
            LineWrite::Unchanged => BilledAction::AlreadyThere,
        },
        unpriced: None,
    })
}

/// The dedup key of an entry made from a platform's generation.
pub fn dedup_key(platform: &str, reference: &str) -> String {
    format!("billed:{platform}:{reference}")
}

/// Matches, enriches or makes the entry of one generation. Returns the item and whether an
/// entry was made.
fn import_generation(
    session: &Session,
    tx: &credits_store::Tx<'_>,
    source: BilledSource,
    g: Generation,
) -> Result<(BilledItem, bool)> {
    let platform = source.platform();
    let mut item = BilledItem {
        kind: BilledKind::Generation,
        reference: g.reference.clone(),
        model: g.model.clone(),
        known_model: g.known,
        at: g.at,
        status: Some(g.status),
        billed: g.billed.clone(),
        billed_credits: None,
        action: BilledAction::AlreadyThere,
        unpriced: None,
    };
    if tx.billed(platform, &g.reference)?.is_some() {
        return Ok((item, false));
    }
    let key = dedup_key(platform, &g.reference);
    let found = match tx.entry_id_by_dedup_key(&key)? {
        Some(id) => Some((id, Matched::Id)),
        None => near_entry(tx, platform, &g)?.map(|id| (id, Matched::Time)),
    };
    let (entry_id, matched, made) = match found {
        Some((id, by)) => {
            let entry = tx
                .get(id)?
                .ok_or_else(|| anyhow!("entry {id} vanished during the import"))?;
            // The platform's word on a failure wins over a hand-logged `ok`; a failure the
            // user already marked (or refunded) stays as they said.
            let status = if g.status != Status::Ok && entry.status == Status::Ok {
                // Not charged: nothing ever left, so "refunded" as the run ended, or as the
                // entry was logged when that was later (a refund never precedes its entry:
                // an export with one would not import again).
                let refunded_at = (g.status == Status::Refunded)
                    .then_some(g.at.max(entry.at.with_timezone(&chrono::Utc)));
                tx.set_status(id, g.status, refunded_at)?;
                Some((Status::Ok, g.status))
            } else {
                None
            };
            item.action = BilledAction::Enriched {
                entry_id: id,
                by,
                status,
            };
            (id, by, false)
        }
        None => {
            let (entry, unpriced) = new_entry(session, tx, &g, platform)?;
            let id = tx.insert_entry(&entry)?;
            item.unpriced = unpriced;
            item.action = BilledAction::Added { entry_id: id };
            (id, Matched::Created, true)
        }
    };
    tx.insert_billed(&Billed {
        platform: platform.to_string(),
        reference: g.reference.clone(),
        entry_id: Some(entry_id),
        source: g.export.to_string(),
        model: g.platform_model.clone(),
        at: g.at,
        status: g.status,
        amount: g.billed.clone(),
        credits: None,
        matched,
    })?;
    Ok((item, made))
}

/// The closest entry of the same platform and model within the window that no platform
/// record has claimed yet.
fn near_entry(tx: &credits_store::Tx<'_>, platform: &str, g: &Generation) -> Result<Option<i64>> {
    let window = chrono::Duration::minutes(MATCH_WINDOW_MINUTES);
    let filter = credits_core::records::Filter {
        platform: Some(platform.to_string()),
        model: Some(g.model.clone()),
        since: g.at.checked_sub_signed(window),
        until: g
            .at
            .checked_add_signed(window)
            .and_then(|t| t.checked_add_signed(chrono::Duration::seconds(1))),
        ..Default::default()
    };
    let mut best: Option<(i64, i64)> = None;
    for e in tx.entries_matching(&filter)? {
        if tx.entry_is_billed(e.id)? {
            continue;
        }
        let gap = (e.at.to_utc() - g.at).num_seconds().abs();
        if best.is_none_or(|(_, b)| gap < b) {
            best = Some((e.id, gap));
        }
    }
    Ok(best.map(|(id, _)| id))
}

/// The entry for a generation nobody logged: priced by the tables as `log` would, or
/// unpriced (money unknown, never 0) when the tables cannot price it.
fn new_entry(
    session: &Session,
    tx: &credits_store::Tx<'_>,
    g: &Generation,
    platform: &str,
) -> Result<(NewEntry, Option<String>)> {
    let at = g.at.with_timezone(&session.offset());
    let mut entry = NewEntry {
        at,
        platform: platform.to_string(),
        model: g.model.clone(),
        request: g.request.clone(),
        status: g.status,
        dedup_key: Some(dedup_key(platform, &g.reference)),
        refunded_at: (g.status == Status::Refunded).then_some(g.at),
        who: session.who()?,
        note: None,
        ..NewEntry::default()
    };
    let req = PriceRequest {
        platform: platform.to_string(),
        model: g.model.clone(),
        request: g.request.clone(),
        at: Some(at),
        ..PriceRequest::default()
    };
    let mut unpriced = None;
    match g.known.then(|| pricing::in_context(session, tx, &req)) {
        Some(Ok(priced)) => {
            entry.request = priced.request_as_priced(&g.request);
            entry.credits = priced.credits;
            entry.cost = priced.cost.clone();
            entry.pricing = priced.pricing.clone();
            entry.price_source = Some(priced.source);
            entry.table = priced.table.clone();
        }
        Some(Err(why)) => {
            let reason = unpriced_reason(&why);
            entry.price_source = Some(PriceSource::Unpriced);
            entry.note = Some(format!("imported from {}; not priced: {reason}", g.export));
            unpriced = Some(reason);
        }
        None => {
            // The tables do not know it: kept under the platform's own name, unpriced.
            entry.model = resolve::model_id(&session.catalog, Some(platform), &g.model);
            entry.price_source = Some(PriceSource::Unpriced);
            entry.note = Some(format!(
                "imported from {}: `{}` is not in the tables, so its cost is unknown",
                g.export, g.platform_model
            ));
            unpriced = Some(format!("`{}` is not in the tables", g.platform_model));
        }
    }
    Ok((entry, unpriced))
}

/// Why the tables could not price an imported generation, as a sentence for its note and
/// the import's output: the error's message and causes, without the `error:`/`help:`
/// prefixes of the terminal and without the `help:` advice, which names `log`'s flags (an
/// import has none to pass; the platform's record is all there is).
fn unpriced_reason(why: &anyhow::Error) -> String {
    why.chain()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join(": ")
}

/// A time: RFC 3339 text, or seconds (or, above 10^11, milliseconds) since 1970.
fn time_of(v: &Json) -> Result<DateTime<Utc>> {
    match v {
        // Milliseconds or seconds sent as a string of digits, as some exports do.
        Json::Str(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            time_of(&Json::Num(s.clone()))
        }
        Json::Str(s) => DateTime::parse_from_rfc3339(s)
            .map(|t| t.to_utc())
            .map_err(|_| {
                anyhow!(
                    "`{s}` is not a time (RFC 3339, e.g. 2026-11-20T10:00:00Z, or seconds or \
                 milliseconds since 1970)"
                )
            }),
        Json::Num(n) => {
            let n: i64 = n
                .parse()
                .map_err(|_| anyhow!("`{n}` is not a time in whole seconds or milliseconds"))?;
            let t = if n.abs() >= 100_000_000_000 {
                Utc.timestamp_millis_opt(n).single()
            } else {
                Utc.timestamp_opt(n, 0).single()
            };
            t.ok_or_else(|| anyhow!("the time {n} is out of range"))
        }
        other => bail!("{} is not a time", other.kind()),
    }
}

/// A day: `YYYY-MM-DD`, or the date an RFC 3339 time is written with (the platform's day,
/// in the offset it wrote), or a time in seconds since 1970 (its UTC day).
fn day_of(v: &Json) -> Result<NaiveDate> {
    if let Json::Str(s) = v {
        let head = s.get(..10).unwrap_or(s);
        if let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d") {
            return Ok(d);
        }
    }
    Ok(time_of(v)?.date_naive())
}

/// A JSON value whose numbers keep their text, so amounts are read exactly
/// (`rust_decimal` from the digits), never through a binary float.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number as written.
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// Parses JSON text. Each value is first taken as raw text (serde_json's `RawValue`),
    /// so a number is never converted before its digits are kept.
    pub fn parse(text: &str) -> Result<Json> {
        let raw: Box<RawValue> = serde_json::from_str(text)?;
        Json::from_raw(&raw, 0)
    }

    fn from_raw(raw: &RawValue, depth: usize) -> Result<Json> {
        if depth > 64 {
            bail!("nested more than 64 levels deep");
        }
        let text = raw.get().trim();
        Ok(match text.as_bytes().first() {
            Some(b'{') => {
                let map = object_entries(text)?;
                let mut out = Vec::with_capacity(map.len());
                for (k, v) in map {
                    out.push((k, Json::from_raw(&v, depth + 1)?));
                }
                Json::Obj(out)
            }
            Some(b'[') => {
                let items: Vec<Box<RawValue>> = serde_json::from_str(text)?;
                let mut out = Vec::with_capacity(items.len());
                for v in items {
                    out.push(Json::from_raw(&v, depth + 1)?);
                }
                Json::Arr(out)
            }
            Some(b'"') => Json::Str(serde_json::from_str(text)?),
            Some(b't') | Some(b'f') => Json::Bool(serde_json::from_str(text)?),
            Some(b'n') => Json::Null,
            Some(_) => Json::Num(text.to_string()),
            None => bail!("an empty value"),
        })
    }

    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true/false",
            Json::Num(_) => "a number",
            Json::Str(_) => "text",
            Json::Arr(_) => "a list",
            Json::Obj(_) => "an object",
        }
    }

    /// A field of an object; `None` when absent or null.
    pub fn opt(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v)
                .filter(|v| **v != Json::Null),
            _ => None,
        }
    }

    fn field(&self, name: &str) -> Result<&Json> {
        match self {
            Json::Obj(_) => self
                .opt(name)
                .ok_or_else(|| anyhow!("no `{name}` where the platform's format has one")),
            other => bail!(
                "{} where an object with `{name}` was expected",
                other.kind()
            ),
        }
    }

    fn array(&self, name: &str) -> Result<&[Json]> {
        match self {
            Json::Arr(items) => Ok(items),
            other => bail!("`{name}` is {}, not a list", other.kind()),
        }
    }

    fn text(&self, name: &str) -> Result<String> {
        match self {
            // On one line: a platform's text is printed (a model's name, a pack's).
            Json::Str(s) => Ok(one_line(s)),
            // Ids are sometimes numbers (Kling's pack ids): their text is the id.
            Json::Num(n) => Ok(n.clone()),
            other => bail!("`{name}` is {}, not text", other.kind()),
        }
    }

    fn text_field(&self, name: &str) -> Result<String> {
        self.field(name)?.text(name)
    }

    /// An exact decimal from a number's digits (or from text holding one), at least 0.
    fn decimal(&self, name: &str) -> Result<Decimal> {
        let d = self.signed_decimal(name)?;
        if d.is_sign_negative() && !d.is_zero() {
            bail!("`{name}` {} is negative", d.normalize());
        }
        Ok(d)
    }

    /// An exact decimal from a number's digits (or from text holding one), of any sign.
    fn signed_decimal(&self, name: &str) -> Result<Decimal> {
        let text = match self {
            Json::Num(n) => n.as_str(),
            Json::Str(s) => s.trim(),
            other => bail!("`{name}` is {}, not a number", other.kind()),
        };
        Decimal::from_str(text)
            .or_else(|_| Decimal::from_scientific(text))
            .map_err(|_| anyhow!("`{name}` {text} is not a number this tool can hold exactly"))
    }
}

/// An object's fields in order, each value as raw text.
fn object_entries(text: &str) -> serde_json::Result<Vec<(String, Box<RawValue>)>> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Vec<(String, Box<RawValue>)>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some((k, v)) = map.next_entry::<String, Box<RawValue>>()? {
                out.push((k, v));
            }
            Ok(out)
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    serde::de::Deserializer::deserialize_map(&mut de, V)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_digits() {
        let j = Json::parse(r#"{"cost": 0.1000000000000000055511151231257827, "n": 3}"#).unwrap();
        assert_eq!(
            j.field("cost")
                .unwrap()
                .decimal("cost")
                .unwrap()
                .to_string(),
            "0.1000000000000000055511151231"
        );
        assert_eq!(
            j.field("n").unwrap().decimal("n").unwrap(),
            Decimal::from(3)
        );
        let j = Json::parse(r#"[{"a": 1.10}, {"a": "2.20"}]"#).unwrap();
        let Json::Arr(items) = j else { panic!() };
        assert_eq!(
            items[0]
                .field("a")
                .unwrap()
                .decimal("a")
                .unwrap()
                .to_string(),
            "1.10"
        );
        assert_eq!(
            items[1]
                .field("a")
                .unwrap()
                .decimal("a")
                .unwrap()
                .to_string(),
            "2.20"
        );
    }

    #[test]
    fn bad_json_and_bad_numbers_are_errors() {
        assert!(Json::parse("{").is_err());
        let j = Json::parse(r#"{"cost": -1, "big": 1e400}"#).unwrap();
        assert!(j.field("cost").unwrap().decimal("cost").is_err());
        assert!(j.field("big").unwrap().decimal("big").is_err());
    }

    #[test]
    fn sources_parse_by_name_or_platform() {
        assert_eq!(
            "Runway".parse::<BilledSource>().unwrap(),
            BilledSource::Runway
        );
        assert_eq!(
            "kling-api".parse::<BilledSource>().unwrap(),
            BilledSource::Kling
        );
        assert!("luma".parse::<BilledSource>().is_err());
    }

    /// Every platform's reader on documents of its shape with fuzzed values, and on junk:
    /// read or refused with an error, never a panic.
    mod fuzz {
        use super::*;
        use credits_core::fuzz::{config, date_text, number, text};
        use proptest::prelude::*;

        fn q(s: &str) -> String {
            serde_json::to_string(s).unwrap()
        }

        proptest! {
            #![proptest_config(config())]

            #[test]
            fn billing_documents_never_panic(
                a in text(), b in text(), n in number(), m in number(), day in date_text(),
                junk in text(), status in prop_oneof![
                    Just("succeeded".to_string()), Just("failed".to_string()),
                    Just("completed".to_string()), text()],
            ) {
                let docs = [
                    format!(r#"{{"time_series": [{{"bucket": {}, "results": [{{"endpoint_id": {},
                        "unit": {}, "quantity": {n}, "cost": {m}, "currency": {}}}]}}]}}"#,
                        q(&day), q(&a), q(&b), q(&junk)),
                    format!(r#"{{"results": [{{"id": {}, "model": {}, "status": {}, "created_at": {}}}]}}"#,
                        q(&a), q(&b), q(&status), q(&day)),
                    format!(r#"{{"data": [{{"object": "video", "id": {}, "model": {}, "status": {},
                        "created_at": {n}, "seconds": {m}, "size": {}}},
                        {{"object": "bucket", "start_time": {n}, "results": [{{
                        "object": "organization.costs.result", "amount": {{"value": {m},
                        "currency": {}}}, "line_item": {}}}]}}]}}"#,
                        q(&a), q(&b), q(&status), q(&junk), q(&junk), q(&a)),
                    format!(r#"{{"results": [{{"date": {}, "usedCredits": [{{"model": {}, "amount": {n}}}]}}]}}"#,
                        q(&day), q(&a)),
                    format!(r#"{{"data": {{"resource_pack_subscribe_infos": [{{"resource_pack_name": {},
                        "total_quantity": {n}, "remaining_quantity": {m}, "purchase_time": {n},
                        "effective_time": {n}, "invalid_time": {m}, "status": {}}}]}}}}"#,
                        q(&a), q(&b)),
                    junk.clone(),
                ];
                let catalog = Catalog::builtin();
                for source in BilledSource::ALL {
                    for doc in &docs {
                        if let Ok(json) = Json::parse(doc) {
                            let mut out = Parsed::default();
                            if read_page(&catalog, source, &json, &mut out).is_ok() {
                                let _ = merge_lines(out.lines);
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn sizes_become_resolutions() {
        assert_eq!(resolution_of("1280x720").as_deref(), Some("720p"));
        assert_eq!(resolution_of("720x1280").as_deref(), Some("720p"));
        assert_eq!(resolution_of("big"), None);
        assert_eq!(resolution_of("1792x1024").as_deref(), Some("1080p"));
        assert_eq!(resolution_of("1024x1792").as_deref(), Some("1080p"));
    }
}

// ---- the drift: `credits reconcile` ----

/// What a day's amounts are counted in: a currency, or the platform's credits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DriftUnit {
    Money(String),
    Credits,
}

/// One platform, model and UTC day: what the log estimated against what was billed.
#[derive(Debug, Clone, PartialEq)]
pub struct DayDrift {
    pub platform: String,
    pub model: String,
    pub day: NaiveDate,
    pub unit: DriftUnit,
    /// Entries logged (any status; refunded ones add nothing to the estimate).
    pub logged: usize,
    /// The tables' estimate of the logged entries; `None` when one of them is unpriced
    /// (unknown, never counted as 0) or nothing was logged.
    pub estimated: Option<Decimal>,
    /// Logged entries whose money is unknown.
    pub unpriced: usize,
    /// What the platform billed; `None` when it reported nothing for that day and model.
    pub billed: Option<Decimal>,
}

impl DayDrift {
    /// Billed minus estimated, when both are known: above 0, the platform charged more.
    pub fn difference(&self) -> Option<Decimal> {
        self.billed?.checked_sub(self.estimated?)
    }
}

/// A platform's totals over the period, in one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct DriftTotal {
    pub platform: String,
    pub unit: DriftUnit,
    /// The estimate of the entries logged on the days and models the platform billed or
    /// should have (its billed period); unpriced entries are counted apart.
    pub estimated: Decimal,
    pub unpriced: usize,
    pub billed: Decimal,
    /// The first and last day the platform's billing covers.
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DriftTotal {
    pub fn difference(&self) -> Option<Decimal> {
        self.billed.checked_sub(self.estimated)
    }
}

/// A failed entry the platform charged for.
#[derive(Debug, Clone, PartialEq)]
pub struct ChargedFailure {
    pub entry_id: i64,
    pub platform: String,
    pub model: String,
    pub at: DateTime<Utc>,
    pub unit: DriftUnit,
    /// Its estimate (`None`: unpriced).
    pub estimated: Option<Decimal>,
    /// How the charge is known.
    pub evidence: FailureEvidence,
}

/// How a failure is known to have been charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureEvidence {
    /// The platform billed its model and day at least the estimate of everything logged,
    /// the failure included.
    DayBilledInFull,
    /// The platform lists it as failed and bills the time a failed run took (Replicate).
    ListedFailed,
}

/// `credits reconcile`: estimated against billed, under the headings the user reads.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reconciliation {
    pub totals: Vec<DriftTotal>,
    /// The days and models billed and logged whose amounts differ, largest first.
    pub largest: Vec<DayDrift>,
    /// Billed days and models with nothing logged.
    pub billed_not_logged: Vec<DayDrift>,
    /// Generations the platform listed that nobody had logged (the import made their entries).
    pub generations_not_logged: Vec<Billed>,
    /// Logged days and models, inside the platform's billed period, that it billed nothing
    /// for; for platforms that list generations, entries it did not list.
    pub logged_not_billed: Vec<DayDrift>,
    pub failures_charged: Vec<ChargedFailure>,
    /// Billed lines in another unit than the log's estimate of their platform (a day billed
    /// in EUR where the tables price in USD): never added to nor compared with the others.
    pub not_compared: Vec<NotCompared>,
}

/// A billed line left out of the comparison, and the unit its platform is estimated in.
#[derive(Debug, Clone, PartialEq)]
pub struct NotCompared {
    pub line: BilledLine,
    pub estimated_in: DriftUnit,
}

/// How many of the largest differences are listed.
pub const LARGEST_SHOWN: usize = 10;

/// Sets what the log estimated against what the platforms billed, per platform, model and
/// UTC day, from `since` on (`platform`: one platform, as typed or as `--from` names it).
pub fn reconcile(
    session: &Session,
    platform: Option<&str>,
    since: Option<NaiveDate>,
) -> Result<Reconciliation> {
    let platform = platform.map(|p| match p.parse::<BilledSource>() {
        Ok(s) => s.platform().to_string(),
        Err(_) => resolve::platform_id(&session.catalog, p),
    });
    let Some(mut store) = session.existing_store()? else {
        return Ok(Reconciliation::default());
    };
    store.read(|tx| {
        let lines = tx.billed_lines(platform.as_deref(), since)?;
        let generations = tx.billed_generations(platform.as_deref(), since)?;
        let mut platforms: Vec<String> = lines
            .iter()
            .map(|l| l.platform.clone())
            .chain(generations.iter().map(|g| g.platform.clone()))
            .collect();
        platforms.sort();
        platforms.dedup();
        let mut out = Reconciliation::default();
        for p in platforms {
            let mine: Vec<&BilledLine> = lines.iter().filter(|l| l.platform == p).collect();
            let gens: Vec<&Billed> = generations.iter().filter(|g| g.platform == p).collect();
            reconcile_platform(session, tx, &p, &mine, &gens, &mut out)?;
        }
        out.largest.sort_by(|a, b| {
            let d = |x: &DayDrift| x.difference().map(|d| d.abs()).unwrap_or_default();
            d(b).cmp(&d(a))
                .then(a.day.cmp(&b.day))
                .then(a.model.cmp(&b.model))
        });
        out.largest.truncate(LARGEST_SHOWN);
        Ok(out)
    })
}

fn reconcile_platform(
    session: &Session,
    tx: &credits_store::Tx<'_>,
    platform: &str,
    lines: &[&BilledLine],
    gens: &[&Billed],
    out: &mut Reconciliation,
) -> Result<()> {
    let table = session.catalog.platform(platform).ok();
    let credits_platform =
        table.is_some_and(|t| t.billing == credits_core::pricing::Billing::Credits);
    let unit_of = |l: &BilledLine| match &l.amount {
        Some(m) => DriftUnit::Money(m.currency.clone()),
        None => DriftUnit::Credits,
    };
    // The unit the log estimates the platform in (its table's credits or currency): only
    // billed lines in that unit are set against the estimate. Amounts in two currencies are
    // never added nor compared; a line in another one is listed apart.
    let unit = if credits_platform {
        DriftUnit::Credits
    } else if let Some(t) = table {
        DriftUnit::Money(t.currency.clone())
    } else {
        match lines.first() {
            Some(l) => unit_of(l),
            None => DriftUnit::Money("USD".into()),
        }
    };
    let (lines, apart): (Vec<&BilledLine>, Vec<&BilledLine>) =
        lines
            .iter()
            .partition(|l| match (&unit, &l.amount, l.credits) {
                (DriftUnit::Money(c), Some(m), _) => *c == m.currency,
                (DriftUnit::Credits, _, Some(_)) => true,
                _ => false,
            });
    out.not_compared
        .extend(apart.into_iter().map(|l| NotCompared {
            line: l.clone(),
            estimated_in: unit.clone(),
        }));
    let lines = &lines[..];
    let days = lines
        .iter()
        .map(|l| l.day)
        .chain(gens.iter().map(|g| g.at.date_naive()));
    let (Some(from), Some(to)) = (days.clone().min(), days.max()) else {
        return Ok(());
    };
    // Lines cover whole days. A list of generations covers the span it lists (a page of the
    // newest 100 ends mid-day): from its first to its last, give or take the match window.
    let window = chrono::Duration::minutes(MATCH_WINDOW_MINUTES);
    let (since, until) = if lines.is_empty() {
        let first = gens.iter().map(|g| g.at).min();
        let last = gens.iter().map(|g| g.at).max();
        (
            first.and_then(|t| t.checked_sub_signed(window)),
            last.and_then(|t| t.checked_add_signed(window)),
        )
    } else {
        (Some(start_of(from)), to.succ_opt().map(start_of))
    };
    let entries = tx.entries_matching(&credits_core::records::Filter {
        platform: Some(platform.to_string()),
        since,
        until,
        ..Default::default()
    })?;
    let mut groups: BTreeMap<(String, NaiveDate), DayDrift> = BTreeMap::new();
    let group = |groups: &mut BTreeMap<(String, NaiveDate), DayDrift>, model: &str, day| {
        groups
            .entry((model.to_string(), day))
            .or_insert_with(|| DayDrift {
                platform: platform.to_string(),
                model: model.to_string(),
                day,
                unit: unit.clone(),
                logged: 0,
                estimated: Some(Decimal::ZERO),
                unpriced: 0,
                billed: None,
            })
            .clone()
    };
    for l in lines {
        let mut g = group(&mut groups, &l.model, l.day);
        let amount = match (&unit, &l.amount, l.credits) {
            (DriftUnit::Money(_), Some(m), _) => m.amount,
            (DriftUnit::Credits, _, Some(c)) => c,
            // Set apart above.
            _ => continue,
        };
        g.billed = Some(
            g.billed
                .unwrap_or_default()
                .checked_add(amount)
                .ok_or_else(|| anyhow!("billed amounts too large to add"))?,
        );
        groups.insert((l.model.clone(), l.day), g);
    }
    let per_generation: std::collections::BTreeSet<i64> =
        gens.iter().filter_map(|g| g.entry_id).collect();
    let mut not_listed: BTreeMap<(String, NaiveDate), DayDrift> = BTreeMap::new();
    let estimate_of = |e: &credits_core::records::Entry| -> Option<Decimal> {
        if e.status == Status::Refunded {
            return Some(Decimal::ZERO);
        }
        match &unit {
            DriftUnit::Credits => Some(e.credits),
            DriftUnit::Money(c) => e
                .cost
                .as_ref()
                .filter(|m| m.currency == *c)
                .map(|m| m.amount),
        }
    };
    let mut total = DriftTotal {
        platform: platform.to_string(),
        unit: unit.clone(),
        estimated: Decimal::ZERO,
        unpriced: 0,
        billed: Decimal::ZERO,
        from,
        to,
    };
    for e in &entries {
        let day = e.at.to_utc().date_naive();
        let est = estimate_of(e);
        let add = |g: &mut DayDrift| {
            g.logged += 1;
            match est {
                Some(v) => g.estimated = g.estimated.and_then(|t| t.checked_add(v)),
                None => {
                    g.unpriced += 1;
                    g.estimated = None;
                }
            }
        };
        if !lines.is_empty() {
            // The known part of the estimate; the unpriced are counted apart.
            total.estimated = total
                .estimated
                .checked_add(est.unwrap_or_default())
                .ok_or_else(|| anyhow!("estimates too large to add"))?;
            let mut g = group(&mut groups, &e.model, day);
            add(&mut g);
            groups.insert((e.model.clone(), day), g);
        } else if !per_generation.contains(&e.id) {
            let mut g = group(&mut not_listed, &e.model, day);
            add(&mut g);
            not_listed.insert((e.model.clone(), day), g);
        }
    }
    for g in groups.values() {
        total.unpriced += g.unpriced;
        total.billed += g.billed.unwrap_or_default();
        match (g.logged, g.billed) {
            (0, Some(_)) => out.billed_not_logged.push(g.clone()),
            (_, None) => out.logged_not_billed.push(g.clone()),
            _ => {
                if g.difference().is_some_and(|d| !d.is_zero()) {
                    out.largest.push(g.clone());
                }
            }
        }
    }
    // Failures the bill includes: the day's model billed at least everything logged.
    for e in &entries {
        if e.status != Status::Failed {
            continue;
        }
        let day = e.at.to_utc().date_naive();
        let billed_in_full = groups
            .get(&(e.model.clone(), day))
            .is_some_and(|g| matches!((g.billed, g.estimated), (Some(b), Some(est)) if b >= est));
        let listed_failed = gens.iter().any(|g| {
            g.entry_id == Some(e.id) && g.status == Status::Failed && platform == "replicate"
        });
        let evidence = if billed_in_full {
            FailureEvidence::DayBilledInFull
        } else if listed_failed {
            FailureEvidence::ListedFailed
        } else {
            continue;
        };
        out.failures_charged.push(ChargedFailure {
            entry_id: e.id,
            platform: platform.to_string(),
            model: e.model.clone(),
            at: e.at.to_utc(),
            unit: unit.clone(),
            estimated: estimate_of(e),
            evidence,
        });
    }
    if !lines.is_empty() {
        out.totals.push(total);
    }
    out.logged_not_billed.extend(not_listed.into_values());
    out.generations_not_logged.extend(
        gens.iter()
            .filter(|g| g.matched == Matched::Created)
            .map(|g| (*g).clone()),
    );
    Ok(())
}

// ---- the web plan and its API, apart ----

/// The API platform beside a web app's plan, when the log has usage of it: `runway` (the
/// web plan) and `runway-api` (what `import --from runway` and `sync runway` record) are
/// two balances, and so are `kling` and `kling-api`. `None` for any other platform, or when
/// the log has neither billed lines nor entries of the API.
pub fn api_beside(store: &credits_store::Store, platform: &str) -> Result<Option<&'static str>> {
    let api = match platform {
        "runway" => "runway-api",
        "kling" => "kling-api",
        _ => return Ok(None),
    };
    let billed = !store.billed_lines(Some(api), None)?.is_empty();
    let logged = !store
        .entries(&credits_core::records::Filter {
            platform: Some(api.to_string()),
            limit: Some(1),
            ..Default::default()
        })?
        .is_empty();
    Ok((billed || logged).then_some(api))
}

/// The `help:` sentence naming the API platform of [`api_beside`].
pub fn api_beside_help(platform: &str, api: &str) -> String {
    format!(
        "your log has {api} usage ({platform}'s API, where `import --from {platform}` and \
         `sync {platform}` record it), a balance apart from the {platform} web plan: \
         `credits balance {api}`"
    )
}

// ---- `report --cost estimated|billed|best` ----

/// Which money `report` shows: the tables' estimate (the default, what it always showed),
/// what the platforms billed, or the best known (billed where a platform reported the model
/// and day, the estimate elsewhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CostChoice {
    #[default]
    Estimated,
    Billed,
    Best,
}

impl FromStr for CostChoice {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<CostChoice> {
        Ok(match s {
            "estimated" => CostChoice::Estimated,
            "billed" => CostChoice::Billed,
            "best" => CostChoice::Best,
            other => bail!("`{other}` is not estimated, billed or best"),
        })
    }
}

/// One report row's money, both ways.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CostFigure {
    /// What the platforms billed for the row's models and days; `None`: nothing reported.
    pub billed: Option<Decimal>,
    /// Billed where reported, the tables' known estimate elsewhere.
    pub best: Decimal,
    /// Whether `best` holds billed money, estimated money, or both.
    pub best_has_billed: bool,
    pub best_has_estimated: bool,
    /// The currency of `billed` and `best` (the report's own when nothing was billed).
    pub currency: Option<String>,
}

/// The money of a report's rows both ways, by the rows' keys.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportCosts {
    pub rows: BTreeMap<Vec<Option<String>>, CostFigure>,
    pub total: CostFigure,
    /// Billed on models and days the report has no entry of (in the total, in no row):
    /// `reconcile` lists them.
    pub billed_without_entries: Decimal,
}

/// The keys billed lines can be grouped by: what a line knows (its platform, model, day).
fn billed_key(
    key: &credits_store::GroupKey,
    platform: &str,
    model: &str,
    day: NaiveDate,
) -> Option<String> {
    use credits_store::GroupKey as K;
    match key {
        K::Platform => Some(platform.to_string()),
        K::Model => Some(model.to_string()),
        K::Day => Some(day.format("%Y-%m-%d").to_string()),
        K::Week => Some(day.format("%G-W%V").to_string()),
        K::Month => Some(day.format("%Y-%m").to_string()),
        _ => None,
    }
}

/// Whether billed money can be set beside a report of `keys` under `filter`: billed lines
/// know a platform, a model and a day, nothing of projects, tags, users or statuses.
pub fn report_can_show_billed(
    filter: &credits_core::records::Filter,
    keys: &[credits_store::GroupKey],
) -> bool {
    use credits_store::GroupKey as K;
    keys.iter()
        .all(|k| matches!(k, K::Platform | K::Model | K::Day | K::Week | K::Month))
        && filter.project.is_none()
        && filter.tags.is_empty()
        && filter.status.is_none()
        && filter.user.is_none()
        && filter.limit.is_none()
}

/// Why `report_costs` has no single billed or best column: the report's billed and estimated
/// money is in these currencies (sorted), which are never added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MixedCurrencies(pub Vec<String>);

impl fmt::Display for MixedCurrencies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the billed and estimated money of this report is in {}, and amounts in \
             different currencies are never added",
            self.0.join(" and ")
        )
    }
}

impl std::error::Error for MixedCurrencies {}

/// The refusal of `--cost billed|best` over money in several currencies.
pub fn mixed_currencies_refused(m: &MixedCurrencies) -> anyhow::Error {
    fail_with_help(
        m.to_string(),
        "report one currency at a time: --platform NAME (and --since/--until around a day \
         billed in another currency), or --cost estimated for the log's estimates, split by \
         currency; `credits reconcile` lists the lines billed in another currency",
    )
}

/// The refusal of `--cost billed|best` with keys or filters billed lines do not know.
pub fn billed_report_refused() -> anyhow::Error {
    fail_with_help(
        "what the platforms billed is known per platform, model and day only",
        "with --cost billed or best, group by platform, model, day, week or month, and filter \
         by --platform, --model, --since or --until",
    )
}

/// Each report row's money as billed and as best known, for a report of `keys` under
/// `filter`; `None` when the rows are of something billed lines do not know
/// ([`report_can_show_billed`]) or nothing billed falls in the report. Days are those the
/// platform reported (UTC for fal's and OpenAI's buckets, Runway's dates), set against the
/// days of the entries in the user's offset. Credits billed (Runway's) are not money and stay
/// out: the report's credits column is the log's.
pub fn report_costs(
    store: &credits_store::Store,
    filter: &credits_core::records::Filter,
    keys: &[credits_store::GroupKey],
) -> Result<Option<ReportCosts>> {
    use credits_store::GroupKey as K;
    if !report_can_show_billed(filter, keys) {
        return Ok(None);
    }
    let since = filter.since.map(|t| t.date_naive());
    let until = filter.until;
    let lines: Vec<BilledLine> = store
        .billed_lines(filter.platform.as_deref(), since)?
        .into_iter()
        .filter(|l| l.amount.is_some())
        .filter(|l| filter.model.as_ref().is_none_or(|m| *m == l.model))
        .filter(|l| until.is_none_or(|u| start_of(l.day) < u))
        .collect();
    if lines.is_empty() {
        return Ok(None);
    }
    // The estimate per platform, model and day, from the same sums the report reads.
    let cells = store.report(filter, &[K::Platform, K::Model, K::Day])?;
    let mut billed: BTreeMap<(String, String, NaiveDate), Money> = BTreeMap::new();
    for l in &lines {
        let Some(m) = &l.amount else { continue };
        let cell = billed
            .entry((l.platform.clone(), l.model.clone(), l.day))
            .or_insert_with(|| Money {
                amount: Decimal::ZERO,
                currency: m.currency.clone(),
            });
        if cell.currency != m.currency {
            return Err(MixedCurrencies(vec![cell.currency.clone(), m.currency.clone()]).into());
        }
        cell.amount = credits_core::money::add(cell.amount, m.amount)?;
    }
    // Amounts in two currencies are never added nor relabelled: a report whose billed and
    // estimated money is in more than one currency has no single best or billed column.
    let mut currencies: std::collections::BTreeSet<&str> =
        billed.values().map(|m| m.currency.as_str()).collect();
    currencies.extend(cells.iter().filter_map(|c| c.currency.as_deref()));
    if currencies.len() > 1 {
        return Err(MixedCurrencies(currencies.into_iter().map(String::from).collect()).into());
    }
    let mut out = ReportCosts::default();
    let add = |f: &mut CostFigure,
               amount: Decimal,
               is_billed: bool,
               currency: Option<&String>|
     -> Result<()> {
        f.best = credits_core::money::add(f.best, amount)?;
        if is_billed {
            f.billed = Some(credits_core::money::add(
                f.billed.unwrap_or_default(),
                amount,
            )?);
            f.best_has_billed = true;
        } else {
            f.best_has_estimated = true;
        }
        if f.currency.is_none() {
            f.currency = currency.cloned();
        }
        Ok(())
    };
    let mut seen = std::collections::BTreeSet::new();
    for c in &cells {
        let (Some(Some(platform)), Some(Some(model)), Some(Some(day))) =
            (c.keys.first(), c.keys.get(1), c.keys.get(2))
        else {
            continue;
        };
        let Ok(day) = NaiveDate::parse_from_str(day, "%Y-%m-%d") else {
            continue;
        };
        let row_keys: Vec<Option<String>> = keys
            .iter()
            .map(|k| billed_key(k, platform, model, day))
            .collect();
        let cell_key = (platform.clone(), model.clone(), day);
        let (amount, is_billed, currency) = match billed.get(&cell_key) {
            // A day and model billed once, however many currencies its entries split into.
            Some(m) if seen.insert(cell_key.clone()) => (m.amount, true, Some(&m.currency)),
            Some(_) => continue,
            None => (c.cost, false, c.currency.as_ref()),
        };
        if !keys.is_empty() {
            add(
                out.rows.entry(row_keys).or_default(),
                amount,
                is_billed,
                currency,
            )?;
        }
        add(&mut out.total, amount, is_billed, currency)?;
    }
    // A model and day billed with nothing logged: in its row when the report has one (the
    // model's row of `--by model`), else in the total only.
    for (key, m) in &billed {
        if seen.contains(key) {
            continue;
        }
        let row_keys: Vec<Option<String>> = keys
            .iter()
            .map(|k| billed_key(k, &key.0, &key.1, key.2))
            .collect();
        match out.rows.get_mut(&row_keys).filter(|_| !keys.is_empty()) {
            Some(row) => add(row, m.amount, true, Some(&m.currency))?,
            None => {
                out.billed_without_entries =
                    credits_core::money::add(out.billed_without_entries, m.amount)?
            }
        }
        add(&mut out.total, m.amount, true, Some(&m.currency))?;
    }
    Ok(Some(out))
}
