//! The generation log's workflows: log an entry, change its status, edit, remove, and price
//! entries again (`reprice`). Each write and the reads behind it are one transaction.
//!
//! Status changes are explicit (issue 7):
//! - `fail`: ok → failed; a refunded entry is refused unless forced (the refund is undone);
//! - `refund`: failed → refunded at a time (default now); an ok entry (it succeeded: most
//!   likely a mistyped id) is refused unless forced; refunding again keeps the first refund
//!   time, so the ledger does not move;
//! - `edit --status`: any status, any refund time: how a wrong `fail` or refund is undone.

use super::notes::Note;
use super::pricing::{self, PriceRequest, PriceSource, Priced};
use super::{budgets, ledger, Session};
use anyhow::Result;
use chrono::{DateTime, FixedOffset, Utc};
use credits_core::error::{fail, fail_with_help};
use credits_core::money;
use credits_core::records::{Entry, EntryEdit, Filter, Money, NewEntry, Status, TableStamp};
use credits_store::Store;
use std::collections::BTreeMap;

/// A generation to log.
#[derive(Debug, Clone, Default)]
pub struct LogRequest {
    pub price: PriceRequest,
    pub project: Option<String>,
    pub tags: Vec<(String, String)>,
    pub note: Option<String>,
    pub failed: bool,
    pub discarded: bool,
    /// Refuse (exit 3) an entry that would take a budget of its project over its amount.
    pub strict_budget: bool,
}

/// A logged generation: the entry as stored (money rounded once to the micro-unit) and how
/// it was priced.
#[derive(Debug, Clone)]
pub struct Logged {
    pub entry: Entry,
    pub priced: Priced,
    /// The project's budgets this entry took past a `budget_warn` share or over.
    pub budgets: Vec<budgets::Crossing>,
}

/// Logs a generation, priced in the user's context (`pricing::in_context`).
pub fn log(session: &Session, req: &LogRequest) -> Result<Logged> {
    // Everything that can reject the request is checked before the database is opened, so
    // a rejected `log` creates and changes nothing.
    pricing::by_plan(session, &[], &req.price)?;
    let mut store = session.store()?;
    let (id, priced, crossed) = store.write(|tx| log_in(session, tx, req))?;
    let entry = store
        .get(id)?
        .ok_or_else(|| fail(format!("entry {id} vanished after it was logged")))?;
    Ok(Logged {
        entry,
        priced,
        budgets: crossed,
    })
}

/// Logs a generation inside the caller's transaction (`log`, and `scan`, which writes the
/// entry's file in the same transaction): priced in context, budgets checked, inserted.
/// Returns the new entry's id, how it was priced and the budgets it crossed.
pub(crate) fn log_in(
    session: &Session,
    tx: &credits_store::Tx<'_>,
    req: &LogRequest,
) -> Result<(i64, Priced, Vec<budgets::Crossing>)> {
    let at = req.price.at.unwrap_or(session.now);
    let mut priced = pricing::in_context(session, tx, &req.price)?;
    // What was recorded is said; how well sourced the table is was for choosing.
    priced.notes.retain(|n| !n.is_for_choosing());
    // The budgets are read in the transaction that writes, so a strict refusal and the
    // entry it would have allowed cannot disagree.
    let before = match &req.project {
        Some(project) => budgets::uses_of(session, tx, Some(project))?,
        None => Vec::new(),
    };
    let entry = NewEntry {
        at,
        platform: priced.platform.clone(),
        model: priced.model.clone(),
        request: priced.request_as_priced(&req.price.request),
        credits: priced.credits,
        cost: priced.cost.clone(),
        pricing: priced.pricing.clone(),
        price_source: Some(priced.source),
        table: priced.table.clone(),
        project: req.project.clone(),
        tags: req.tags.clone(),
        note: req.note.clone(),
        status: if req.failed {
            Status::Failed
        } else {
            Status::Ok
        },
        refunded_at: None,
        kept: !req.discarded,
        dedup_key: None,
        who: session.who()?,
    };
    let crossed = budgets::crossings(&before, &entry)?;
    if req.strict_budget {
        if let Some(over) = crossed.iter().find(|c| c.level == budgets::Level::Exceeded) {
            return Err(budgets::refusal(over));
        }
    }
    let id = tx.insert_entry(&entry)?;
    refresh_checkpoints(session, tx, &entry.platform)?;
    Ok((id, priced, crossed))
}

/// The error for an id that is not in the log.
pub(crate) fn no_such_entry(id: i64) -> anyhow::Error {
    fail_with_help(
        format!("no entry with id {id}"),
        "`credits history` lists the ids",
    )
}

/// The database holding entry `id`; a missing database holds no entries (and is not made).
fn store_with_entries(session: &Session, id: i64) -> Result<Store> {
    session.existing_store()?.ok_or_else(|| no_such_entry(id))
}

/// What the user asked to do with an entry's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusAction {
    /// `credits fail ID [--force]`.
    Fail { force: bool },
    /// `credits refund ID [--at T] [--force]`: `force` refunds an entry marked ok.
    Refund {
        at: Option<DateTime<FixedOffset>>,
        force: bool,
    },
    /// `credits edit ID --status S [--at T]`.
    Set {
        status: Status,
        at: Option<DateTime<FixedOffset>>,
    },
}

/// Where a refund's credits went in the platform's balance.
#[derive(Debug, Clone, PartialEq)]
pub struct RefundEffect {
    pub platform: String,
    pub returned: rust_decimal::Decimal,
    /// Credits that came back after their grant had expired, and when.
    pub lost: rust_decimal::Decimal,
    pub at: DateTime<FixedOffset>,
}

/// The outcome of a status change.
#[derive(Debug, Clone)]
pub struct StatusChanged {
    pub before: Entry,
    pub after: Entry,
    /// `false`: the entry already had that status (and refund time): nothing was written.
    pub changed: bool,
    pub refund: Option<RefundEffect>,
}

/// Changes an entry's status by the rules in the module docs.
pub fn change_status(session: &Session, id: i64, action: StatusAction) -> Result<StatusChanged> {
    let mut store = store_with_entries(session, id)?;
    let (before, after, changed) = store.write(|tx| {
        let before = tx.get(id)?.ok_or_else(|| no_such_entry(id))?;
        let entry_at = before.at.with_timezone(&Utc);
        // A refund cannot come back before the generation ran: a time given before it is an
        // error; the default, now, is never before it.
        let given = match action {
            StatusAction::Refund { at, .. } => at,
            StatusAction::Set {
                status: Status::Refunded,
                at,
            } => at,
            _ => None,
        };
        if let Some(at) = given.filter(|at| at.with_timezone(&Utc) < entry_at) {
            return Err(fail_with_help(
                format!(
                    "a refund at {} would come before #{id} ran ({})",
                    at.format("%Y-%m-%d %H:%M %:z"),
                    before.at.format("%Y-%m-%d %H:%M %:z")
                ),
                format!(
                    "give --at the time the credits came back, after {}, or leave it out (now)",
                    before.at.format("%Y-%m-%d %H:%M %:z")
                ),
            ));
        }
        let refund_time = |at: Option<DateTime<FixedOffset>>| {
            at.unwrap_or(session.now).with_timezone(&Utc).max(entry_at)
        };
        let (status, refunded_at) = match action {
            StatusAction::Fail { force } => {
                if before.status == Status::Refunded && !force {
                    return Err(fail_with_help(
                        format!("#{id} was refunded: marking it failed would undo the refund"),
                        format!(
                            "`credits fail {id} --force` does that (undone by `credits refund \
                             {id}`); `credits edit {id} --status ok` if it did not fail at all"
                        ),
                    ));
                }
                (Status::Failed, None)
            }
            StatusAction::Refund { at, force } => match before.status {
                // Refunding again keeps the first refund time: the ledger does not move.
                Status::Refunded => (Status::Refunded, before.refunded_at),
                // A generation that succeeded is rarely refunded: most likely a mistyped id.
                Status::Ok if !force => {
                    return Err(fail_with_help(
                        format!(
                            "#{id} ({} {}, {}) is marked ok: refunding it would return {} \
                             credits for a generation that succeeded",
                            before.platform,
                            before.model,
                            before.at.format("%Y-%m-%d %H:%M"),
                            money::fmt_credits(before.credits)
                        ),
                        format!(
                            "check the id (`credits history`); if it failed and was refunded, \
                             `credits refund {id} --force` (undone by `credits edit {id} --status \
                             ok`)"
                        ),
                    ));
                }
                Status::Ok | Status::Failed => (Status::Refunded, Some(refund_time(at))),
            },
            StatusAction::Set { status, at } => match status {
                Status::Refunded => match (at, before.status) {
                    (None, Status::Refunded) => (status, before.refunded_at),
                    (at, _) => (status, Some(refund_time(at))),
                },
                Status::Ok | Status::Failed => {
                    if at.is_some() {
                        return Err(fail_with_help(
                            "--at is the time of a refund",
                            format!("`credits edit {id} --status refunded --at TIME`"),
                        ));
                    }
                    (status, None)
                }
            },
        };
        let unchanged = status == before.status
            && refunded_at.map(|t| t.timestamp()) == before.refunded_at.map(|t| t.timestamp());
        if !unchanged {
            tx.set_status(id, status, refunded_at)?;
        }
        let after = tx.get(id)?.ok_or_else(|| no_such_entry(id))?;
        refresh_checkpoints(session, tx, &before.platform)?;
        Ok((before, after, !unchanged))
    })?;
    let refund = if changed && after.status == Status::Refunded {
        refund_effect(session, &store, &after)?
    } else {
        None
    };
    Ok(StatusChanged {
        before,
        after,
        changed,
        refund,
    })
}

/// Where a refunded entry's credits went in its platform's balance.
fn refund_effect(session: &Session, store: &Store, entry: &Entry) -> Result<Option<RefundEffect>> {
    let Ok(p) = session.catalog.platform(&entry.platform) else {
        return Ok(None);
    };
    let records = ledger::records(store, &p.id)?;
    let when = entry.refunded_at.unwrap_or(entry.at.with_timezone(&Utc));
    let entry_at = entry.at.with_timezone(&Utc);
    let Some(built) =
        ledger::build_keeping(session, store, p, &records, when, None, Some(entry_at))?
    else {
        return Ok(None);
    };
    let Some(i) = built.entry_ids.iter().position(|e| *e == Some(entry.id)) else {
        return Ok(None);
    };
    Ok(built
        .ledger
        .spend_states
        .get(i)
        .and_then(|s| s.refund.as_ref())
        .map(|r| RefundEffect {
            platform: p.id.clone(),
            returned: r.returned,
            lost: r.lost,
            at: ledger::local(session, r.at),
        }))
}

/// Changes an entry's project, tags, note or kept flag.
pub fn edit(session: &Session, id: i64, edit: &EntryEdit) -> Result<Entry> {
    if *edit == EntryEdit::default() {
        return Err(fail_with_help(
            "nothing to change",
            "pass --project, --tag, --untag, --note, --kept, --discarded or --status",
        ));
    }
    let mut store = store_with_entries(session, id)?;
    store.write(|tx| {
        let before = tx.get(id)?.ok_or_else(|| no_such_entry(id))?;
        if !tx.edit(id, edit)? {
            return Err(no_such_entry(id));
        }
        let after = tx.get(id)?.ok_or_else(|| no_such_entry(id))?;
        if (before.at, before.status) != (after.at, after.status) {
            refresh_checkpoints(session, tx, &after.platform)?;
        }
        Ok(after)
    })
}

/// Deletes an entry and returns what it was.
pub fn remove(session: &Session, id: i64) -> Result<Entry> {
    let mut store = store_with_entries(session, id)?;
    store.write(|tx| {
        let removed = tx.remove(id)?.ok_or_else(|| no_such_entry(id))?;
        refresh_checkpoints(session, tx, &removed.platform)?;
        Ok(removed)
    })
}

/// After a write to a platform's entries: its checkpoints brought up to date (the write's
/// triggers deleted the ones it made wrong). Platforms not in the tables have none.
pub(crate) fn refresh_checkpoints(
    session: &Session,
    tx: &credits_store::Tx<'_>,
    platform: &str,
) -> Result<()> {
    match session.catalog.platform(platform) {
        Ok(p) => ledger::refresh_checkpoints(session, tx, p),
        Err(_) => Ok(()),
    }
}

/// One entry's money before and after `reprice`.
#[derive(Debug, Clone, PartialEq)]
pub struct Repriced {
    pub id: i64,
    pub platform: String,
    pub model: String,
    pub before: Option<Money>,
    pub after: Option<Money>,
    pub pricing_before: String,
    pub pricing_after: String,
    /// The table that priced it before and after (`None`: none recorded, or none priced it).
    pub table_before: Option<TableStamp>,
    pub table_after: Option<TableStamp>,
    pub notes: Vec<Note>,
}

/// A new price for an entry: money, how it was priced, notes.
type NewPrice = (Option<Money>, String, Vec<Note>);

/// Entries of one platform priced with one table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableUse {
    pub table: TableStamp,
    pub entries: u64,
}

/// Entries of one platform that `reprice` moved (or, dry, would move) from older tables to
/// the current one.
#[derive(Debug, Clone, PartialEq)]
pub struct TablesReplaced {
    pub platform: String,
    /// The older tables, oldest date first, with how many entries each priced.
    pub older: Vec<TableUse>,
    /// Entries with no recorded table (logged before schema 4).
    pub unrecorded: u64,
    pub current: TableStamp,
}

/// What `reprice` did (or, dry, would do).
#[derive(Debug, Clone, Default)]
pub struct RepriceOutcome {
    /// Entries whose money or pricing changed.
    pub changed: Vec<Repriced>,
    /// Entries looked at.
    pub examined: u64,
    /// Entries kept because the user chose their price (`--plan`, `--price-per-credit`).
    pub kept_by_choice: u64,
    /// Entries kept because they were billed in money by a platform whose table now counts
    /// credits (`kling-api` became units): they hold no credits to price again, and their
    /// money was the table's price then.
    pub kept_billed_in_money: u64,
    /// Per platform, entries priced again with the current table that were priced with
    /// another one (or none recorded), whether or not their money changed.
    pub tables: Vec<TablesReplaced>,
    /// Entries whose money and pricing stayed, written only to record the current table.
    pub restamped: u64,
    pub written: bool,
}

impl RepriceOutcome {
    /// Counts one entry priced with `before` that is now priced with `current`.
    fn table_replaced(&mut self, before: Option<&TableStamp>, current: &TableStamp) {
        let i = match self
            .tables
            .iter()
            .position(|t| t.platform == current.platform)
        {
            Some(i) => i,
            None => {
                self.tables.push(TablesReplaced {
                    platform: current.platform.clone(),
                    older: Vec::new(),
                    unrecorded: 0,
                    current: current.clone(),
                });
                self.tables.len() - 1
            }
        };
        let t = &mut self.tables[i];
        match before {
            None => t.unrecorded += 1,
            Some(b) => match t.older.iter_mut().find(|u| u.table == *b) {
                Some(u) => u.entries += 1,
                None => t.older.push(TableUse {
                    table: b.clone(),
                    entries: 1,
                }),
            },
        }
    }
}

/// Prices the entries matching `filter` again from today's tables, account and ledger (after
/// recording the top-up that paid for them, setting an account, or fixing a table). Credits
/// stay as logged (they are what the platform charged); money, how it was priced and the
/// table that priced it change. Prices the user chose (`--plan`, `--price-per-credit`) are
/// kept, with the table they recorded. `dry_run` writes nothing.
///
/// Every entry is priced again, not only those priced with an older table: an account set or
/// a top-up recorded since changes what an entry cost under the same table.
pub fn reprice(session: &Session, filter: &Filter, dry_run: bool) -> Result<RepriceOutcome> {
    let Some(mut store) = session.existing_store()? else {
        return Ok(RepriceOutcome::default());
    };
    let outcome = store.write(|tx| {
        let mut out = RepriceOutcome::default();
        let entries = tx.entries_matching(filter)?;
        let accounts = tx.accounts()?;
        // One ledger replay per platform prices all of its entries.
        let mut by_ledger: BTreeMap<String, BTreeMap<i64, NewPrice>> = BTreeMap::new();
        for e in &entries {
            if by_ledger.contains_key(&e.platform) {
                continue;
            }
            let mut priced = BTreeMap::new();
            if let Ok(p) = session.catalog.platform(&e.platform) {
                if p.billing == credits_core::pricing::Billing::Credits {
                    let records = ledger::records(tx, &p.id)?;
                    for lp in pricing::ledger_money(session, tx, p, &records)? {
                        let money = lp.money.map(|v| Money {
                            amount: money::to_decimal(&v),
                            currency: p.currency.clone(),
                        });
                        let notes = lp.why.map(Note::MoneyUnknown).into_iter().collect();
                        priced.insert(lp.entry_id, (money, lp.pricing, notes));
                    }
                }
            }
            by_ledger.insert(e.platform.clone(), priced);
        }
        for e in &entries {
            out.examined += 1;
            if e.price_source.is_some_and(|s| s.chosen_by_user()) {
                out.kept_by_choice += 1;
                continue;
            }
            // Logged as money on a platform that now bills credits: its credits were never
            // recorded (0), so pricing them again would make its money $0.
            let now_in_credits = session
                .catalog
                .platform(&e.platform)
                .is_ok_and(|p| p.billing == credits_core::pricing::Billing::Credits);
            if e.price_source == Some(PriceSource::MoneyBilled) && now_in_credits {
                out.kept_billed_in_money += 1;
                continue;
            }
            let from_ledger = by_ledger
                .get(&e.platform)
                .and_then(|m| m.get(&e.id))
                .cloned();
            let (cost, pricing, source, notes, table) = match from_ledger {
                Some((cost, pricing, notes)) => (
                    cost,
                    pricing,
                    PriceSource::Balance,
                    notes,
                    session.catalog.stamp(&e.platform).cloned(),
                ),
                None => {
                    let req = PriceRequest {
                        platform: e.platform.clone(),
                        model: e.model.clone(),
                        request: e.request.clone(),
                        credits: Some(e.credits),
                        // Priced as of when it ran: the rate in force that day.
                        at: Some(e.at),
                        ..PriceRequest::default()
                    };
                    match pricing::by_plan(session, &accounts, &req) {
                        Ok(p) => (p.cost, p.pricing, p.source, p.notes, p.table),
                        // A model no table knows any more keeps its money.
                        Err(_) => continue,
                    }
                }
            };
            // Stored money has 6 decimals: compare what would be stored.
            let cost = cost
                .map(|m| -> Result<Money> {
                    Ok(Money {
                        amount: credits_store::round_money(m.amount)?,
                        currency: m.currency,
                    })
                })
                .transpose()?;
            if let Some(current) = table.as_ref().filter(|t| e.table.as_ref() != Some(t)) {
                out.table_replaced(e.table.as_ref(), current);
            }
            let same_price = cost == e.cost && pricing == e.pricing;
            if same_price && table == e.table {
                continue;
            }
            if !dry_run {
                tx.set_price(e.id, cost.as_ref(), &pricing, source, table.as_ref())?;
            }
            if same_price {
                out.restamped += 1;
                continue;
            }
            out.changed.push(Repriced {
                id: e.id,
                platform: e.platform.clone(),
                model: e.model.clone(),
                before: e.cost.clone(),
                after: cost,
                pricing_before: e.pricing.clone(),
                pricing_after: pricing,
                table_before: e.table.clone(),
                table_after: table,
                notes,
            });
        }
        for t in &mut out.tables {
            t.older.sort_by(|a, b| {
                (a.table.as_of, &a.table.sha256).cmp(&(b.table.as_of, &b.table.sha256))
            });
        }
        out.tables.sort_by(|a, b| a.platform.cmp(&b.platform));
        out.written = !dry_run && (!out.changed.is_empty() || out.restamped > 0);
        Ok(out)
    })?;
    Ok(outcome)
}
