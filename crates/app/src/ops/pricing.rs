//! A generation priced in the user's context: the one function behind `estimate`, `log`,
//! `import` and `reprice`, so an estimate is a dry run of the log entry it predicts.
//!
//! Money is priced, first match wins:
//! - `--price-per-credit`, or `--plan` (with `--billing`): as the user says;
//! - on a platform with a balance (a plan with a start date, a top-up or an adjustment) that
//!   has started by the generation's time: from the ledger, replayed at that time after
//!   everything already logged: the real price of the credits it consumes (a pack bought at a
//!   better rate lowers it);
//! - with an account: the account's plan and billing;
//! - otherwise: the cheapest paid plan that allows the request (as `estimate` always did),
//!   said in a note.
//!
//! Unknown money stays unknown, never 0, with the reason as a [`Note`].

use super::notes::{MoneyUnknown, Note};
use super::resolve::{self, Generation};
use super::{ledger, Session};
use anyhow::Result;
use chrono::{DateTime, FixedOffset, Utc};
use credits_core::cost::{self, BillingPeriod, PricingChoice, Quote, Request};
use credits_core::error::fail_with_help;
use credits_core::ledger::{Ledger, Spend};
use credits_core::money::{self, MoneyRange, Ratio};
use credits_core::pricing::catalog::TableStamp;
use credits_core::pricing::{Billing, Platform};
pub use credits_core::records::PriceSource;
use credits_core::records::{Account, LedgerRecords, Money};
use credits_store::{LedgerRead, Tx};
use rust_decimal::Decimal;

/// How the user can still record an unknown platform or model (differs for `import`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnpricedHint {
    #[default]
    CreditsFlag,
    CreditsColumn,
}

impl UnpricedHint {
    fn text(self) -> &'static str {
        match self {
            UnpricedHint::CreditsFlag => "or pass --credits N to log it unpriced",
            UnpricedHint::CreditsColumn => {
                "or give the row a `credits` value to import it unpriced"
            }
        }
    }
}

/// A generation to price, as the user described it.
#[derive(Debug, Clone, Default)]
pub struct PriceRequest {
    /// As typed; resolved to canonical ids here.
    pub platform: String,
    pub model: String,
    pub request: Request,
    /// Credits the platform really charged (`--credits`), for the whole entry.
    pub credits: Option<Decimal>,
    /// `--plan`: price with this plan instead of the account's.
    pub plan: Option<String>,
    /// `--billing`; `None`: the account's, else monthly.
    pub billing: Option<BillingPeriod>,
    /// `--price-per-credit`.
    pub price_per_credit: Option<Decimal>,
    /// When it runs (or ran): the balance is read as of then.
    pub at: Option<DateTime<FixedOffset>>,
    pub unpriced_hint: UnpricedHint,
    /// `estimate`: a ranged cost ("5–20 credits") is priced at its most instead of refused.
    pub allow_range: bool,
}

impl PriceRequest {
    /// Whether the user chose the price (so neither the ledger nor the account applies).
    fn overridden(&self) -> bool {
        self.plan.is_some() || self.price_per_credit.is_some()
    }
}

/// What a generation uses of a platform's balance.
#[derive(Debug, Clone, PartialEq)]
pub struct BalanceUse {
    pub platform: String,
    pub needed: Decimal,
    /// Available just before it (at its time).
    pub before: Decimal,
    pub after: Decimal,
}

/// A priced generation.
#[derive(Debug, Clone)]
pub struct Priced {
    /// Canonical ids.
    pub platform: String,
    pub model: String,
    /// Credits for the whole entry (0 on money-billed platforms).
    pub credits: Decimal,
    pub cost: Option<Money>,
    /// How the money was priced, stored with the entry.
    pub pricing: String,
    pub source: PriceSource,
    /// The table's quote, when the platform and model are in the tables.
    pub quote: Option<Quote>,
    /// The table that priced it (date and hash), when the platform is in the tables.
    pub table: Option<TableStamp>,
    /// What it uses of the balance, when the platform has one by then.
    pub balance: Option<BalanceUse>,
    pub notes: Vec<Note>,
}

impl Priced {
    /// The request as it was priced: without a duration, the table priced the shortest
    /// length it offers (and said so in a note), so that length is what the entry made, and
    /// reports count its seconds.
    pub fn request_as_priced(&self, request: &Request) -> Request {
        let mut request = request.clone();
        if request.duration.is_none() {
            request.duration = self.quote.as_ref().and_then(|q| q.charge.seconds);
        }
        request
    }
}

/// Prices a generation from the tables and the user's account, without the ledger (what
/// `import` does per row, where replaying the ledger for each of a million rows would not
/// do). Unless the user gives the credits (`--credits`, which also lets an unknown platform
/// or model be logged, unpriced), the table must know the model.
pub(crate) fn by_plan(
    session: &Session,
    accounts: &[Account],
    req: &PriceRequest,
) -> Result<Priced> {
    let (platform, model) = match resolve::generation(&session.catalog, &req.platform, &req.model) {
        Generation::Known { platform, model } => (platform, model),
        Generation::Unknown {
            platform,
            model,
            why,
        } => return unknown_generation(req, platform, model, why),
    };
    let day = req.at.unwrap_or(session.now).date_naive();
    if model.lifecycle.is_shut_down(day) {
        return Err(shut_down(platform, model));
    }
    // Priced at the rate in force that day: a rate that changed since prices an earlier
    // generation as it was then (`[[model.before]]`).
    let request = Request {
        pinned_credits: None,
        on: Some(day),
        ..req.request.clone()
    };
    let account = accounts.iter().find(|a| a.platform == platform.id);
    let mut choice = PricingChoice {
        price_per_credit: req.price_per_credit,
        billing: req.billing.unwrap_or_default(),
        plan: req.plan.clone(),
    };
    let mut source = None;
    // The account's plan as the user pays for it (`account set --price/--credits`): the
    // table with that plan's price and credits replaced, for this quote only.
    let mut with_terms = None;
    if req.plan.is_none() {
        if let Some(acc) = account {
            choice.plan = Some(acc.plan.clone());
            choice.billing = req.billing.unwrap_or(acc.billing);
            source = Some(PriceSource::Account);
            if !acc.terms.is_empty() && choice.billing == acc.billing {
                let mut patched = platform.clone();
                for plan in patched.plans.iter_mut().filter(|p| p.id == acc.plan) {
                    *plan = plan.with_terms(acc.billing, acc.terms.price, acc.terms.credits);
                }
                with_terms = Some(patched);
            }
        }
    }
    let mut quote = cost::quote(
        with_terms.as_ref().unwrap_or(platform),
        model,
        &request,
        &choice,
    )?;
    let credits = match (req.credits, quote.credits) {
        (Some(c), _) => c,
        (None, Some(amount)) if req.allow_range => amount.max,
        (None, Some(amount)) => amount.exact_value().ok_or_else(|| {
            fail_with_help(
                format!(
                    "{} costs {} credits: the exact amount is known only after it runs",
                    model.id,
                    money::fmt_credits_amount(&amount)
                ),
                "pass --credits N with what the platform charged",
            )
        })?,
        // Money-billed platforms use no credits at all.
        (None, None) => Decimal::ZERO,
    };
    // A money range ("from $3") is not a price to record: unknown until it runs.
    let money_range = quote
        .cost_total
        .as_ref()
        .map(|m| m.to_amount())
        .filter(|a| platform.billing == Billing::Money && !a.is_exact() && !req.allow_range);
    let cost = match (platform.billing, &quote.price_per_credit) {
        (Billing::Money, _) if money_range.is_some() => None,
        (Billing::Money, _) => quote.cost_total.map(|m| m.to_amount().min),
        (Billing::Credits, Some(ppc)) => Some(money::to_decimal(&money::rmul(
            &money::ratio(credits),
            ppc,
        )?)),
        (Billing::Credits, None) => None,
    };
    let source = match (&quote.price_source, source) {
        (Some(cost::PriceSource::MoneyBilled), _) => PriceSource::MoneyBilled,
        (Some(cost::PriceSource::User), _) => PriceSource::User,
        (_, _) if cost.is_none() => PriceSource::Unpriced,
        (Some(cost::PriceSource::ChosenPlan), Some(s)) => s,
        (Some(cost::PriceSource::ChosenPlan), None) => PriceSource::Plan,
        (Some(cost::PriceSource::CheapestPlan), _) => PriceSource::CheapestPlan,
        // Stored as the cheapest way the table sells credits: the stored names predate packs
        // (a CHECK on the entry table keeps them), and `describe` says it was a pack.
        (Some(cost::PriceSource::Pack), _) => PriceSource::CheapestPlan,
        (None, _) => PriceSource::Unpriced,
    };
    if let (Some(acc), Some(_)) = (
        account.filter(|_| with_terms.is_some()),
        &quote.price_per_credit,
    ) {
        let mut what = Vec::new();
        if let Some(p) = acc.terms.price {
            let per = match acc.billing {
                BillingPeriod::Monthly => "a month",
                BillingPeriod::Annual => "a year",
            };
            what.push(format!("{} {per}", money::fmt_money(p, &platform.currency)));
        }
        if let Some(c) = acc.terms.credits {
            what.push(format!("{} credits", money::fmt_credits(c)));
        }
        let plan = quote.plan.clone().unwrap_or_else(|| acc.plan.clone());
        // With the table's notes: `estimate` shows them and `log` says them.
        quote.notes.push(format!(
            "priced with what you pay for {plan}: {} (`credits account set --price`)",
            what.join(" for ")
        ));
    }
    // The table's own notes ("no duration given: priced as the shortest length, 5 s").
    let mut notes: Vec<Note> = quote.notes.iter().cloned().map(Note::Table).collect();
    if model.lifecycle.is_deprecated(day) {
        if let Some(lifecycle) = model.lifecycle.describe() {
            notes.push(Note::Deprecated {
                platform: platform.id.clone(),
                model: model.id.clone(),
                lifecycle,
            });
        }
    }
    let prov = &quote.charge.provenance;
    if prov.unvouched() {
        notes.push(Note::Unvouched {
            platform: platform.id.clone(),
            model: model.id.clone(),
            sources: prov.sources.iter().map(|s| s.title.clone()).collect(),
        });
    }
    if account.is_none() && req.plan.is_none() && platform.billing == Billing::Credits {
        notes.push(Note::NoAccount {
            platform: platform.id.clone(),
            priced_with: quote
                .plan
                .clone()
                .filter(|_| quote.price_per_credit.is_some()),
            packs_only: platform.plans.is_empty().then(|| {
                super::billed::BilledSource::packs_of(&platform.id).map(|s| s.as_str().to_string())
            }),
        });
    }
    if let Some(range) = money_range {
        notes.push(Note::MoneyUnknown(MoneyUnknown::Quote(format!(
            "the table gives {} for {}: the exact amount is known only after it runs",
            money::fmt_money_amount(&range, &platform.currency),
            model.id
        ))));
    }
    if let Some(why) = &quote.unknown_money {
        if req.price_per_credit.is_none() {
            notes.push(Note::MoneyUnknown(MoneyUnknown::Quote(why.clone())));
        }
    }
    if quote.allowed == Some(false) {
        notes.push(Note::NeedsPlan {
            model: model.id.clone(),
            min_plan: quote.min_plan.clone(),
            plan: quote.plan.clone(),
        });
    }
    Ok(Priced {
        platform: platform.id.clone(),
        model: model.id.clone(),
        credits,
        cost: cost.map(|amount| Money {
            amount,
            currency: platform.currency.clone(),
        }),
        pricing: describe(platform, &quote, &source),
        source,
        table: session.catalog.stamp(&platform.id).cloned(),
        quote: Some(quote),
        balance: None,
        notes,
    })
}

/// The error for a model used on or after its shutdown: when, what replaces it, and that
/// a past generation can still be logged with its date.
fn shut_down(platform: &Platform, model: &credits_core::pricing::Model) -> anyhow::Error {
    let l = &model.lifecycle;
    let when = l.shutdown.map(|d| d.to_string()).unwrap_or_default();
    // Successors in the table can be priced at once; others are only named.
    let (known, elsewhere): (Vec<&String>, Vec<&String>) = l
        .replaced_by
        .iter()
        .partition(|r| platform.model(r).is_ok());
    let mut instead = String::new();
    if !known.is_empty() {
        let names: Vec<&str> = known.iter().map(|s| s.as_str()).collect();
        instead.push_str(&format!("use {} instead; ", names.join(" or ")));
    }
    if !elsewhere.is_empty() {
        let names: Vec<&str> = elsewhere.iter().map(|s| s.as_str()).collect();
        let successors = if names.len() == 1 {
            "successor"
        } else {
            "successors"
        };
        instead.push_str(&format!(
            "{} named its {successors} {} (not in the table); ",
            platform.name,
            names.join(" and ")
        ));
    }
    fail_with_help(
        format!("{} on {} was shut down on {when}", model.id, platform.id),
        format!(
            "{instead}to record a generation made before then: `credits log {} {} --at DATE` with a date before {when}",
            platform.id, model.id
        ),
    )
}

/// An unknown platform or model: logged with the user's credits, or refused with the lookup's
/// suggestion and how to log it anyway.
fn unknown_generation(
    req: &PriceRequest,
    platform: String,
    model: String,
    why: anyhow::Error,
) -> Result<Priced> {
    let Some(credits) = req.credits else {
        let (message, help) = match why.downcast_ref::<credits_core::error::UserError>() {
            Some(u) => (u.message.clone(), u.help.clone()),
            None => (why.to_string(), None),
        };
        let unpriced = req.unpriced_hint.text();
        return Err(fail_with_help(
            message,
            match help {
                Some(h) => format!("{h} {unpriced}"),
                None => unpriced.to_string(),
            },
        ));
    };
    let cost = req
        .price_per_credit
        .map(|p| money::mul(credits, p))
        .transpose()?;
    Ok(Priced {
        notes: vec![Note::NotInTables {
            platform: platform.clone(),
            model: model.clone(),
            credits,
            money_known: cost.is_some(),
        }],
        platform,
        model,
        credits,
        cost: cost.map(|amount| Money {
            amount,
            currency: "USD".to_string(),
        }),
        pricing: if req.price_per_credit.is_some() {
            "--price-per-credit"
        } else {
            "unpriced"
        }
        .to_string(),
        source: if req.price_per_credit.is_some() {
            PriceSource::User
        } else {
            PriceSource::Unpriced
        },
        quote: None,
        table: None,
        balance: None,
    })
}

/// The stored description of how an entry was priced.
fn describe(platform: &Platform, quote: &Quote, source: &PriceSource) -> String {
    let billing = quote.billing.as_str();
    match (source, &quote.plan) {
        (PriceSource::MoneyBilled, _) => "money-billed".to_string(),
        (PriceSource::CheapestPlan, Some(pack))
            if quote.price_source == Some(cost::PriceSource::Pack) =>
        {
            format!("cheapest {pack} (no plans)")
        }
        (PriceSource::User, _) => "--price-per-credit".to_string(),
        (PriceSource::Account, Some(plan)) => format!("account plan {plan}, {billing}"),
        (PriceSource::Plan, Some(plan)) => format!("plan {plan}, {billing}"),
        (PriceSource::CheapestPlan, Some(plan)) => {
            format!("cheapest paid plan {plan}, {billing}")
        }
        _ => format!("unpriced: no known {} plan price", platform.id),
    }
}

/// Prices a generation in the user's whole context, as `log` records it: [`by_plan`], then
/// the platform's balance at the generation's time (see the module docs). `estimate` calls
/// this too, so it predicts exactly what `log` would store.
pub(crate) fn in_context(session: &Session, tx: &Tx<'_>, req: &PriceRequest) -> Result<Priced> {
    let accounts = tx.accounts()?;
    let mut priced = by_plan(session, &accounts, req)?;
    let Some(platform) = session
        .catalog
        .platform(&priced.platform)
        .ok()
        .filter(|p| p.billing == Billing::Credits && priced.quote.is_some())
    else {
        return Ok(priced);
    };
    let records = ledger::records(tx, &platform.id)?;
    with_balance(session, tx, platform, &records, req, &mut priced)?;
    Ok(priced)
}

/// Adds the balance to a priced generation: what it uses of it, and (unless the user chose
/// the price) its money from the ledger.
fn with_balance(
    session: &Session,
    src: &impl LedgerRead,
    platform: &Platform,
    records: &LedgerRecords,
    req: &PriceRequest,
    priced: &mut Priced,
) -> Result<()> {
    let at = req.at.unwrap_or(session.now).with_timezone(&Utc);
    let Some(start) = ledger::start(session, records)? else {
        return Ok(());
    };
    if at < start {
        priced.notes.push(Note::BeforeBalanceStart {
            platform: platform.id.clone(),
            start: ledger::local(session, start),
        });
        return Ok(());
    }
    let spend = Spend {
        entry_id: None,
        label: "this generation".into(),
        at,
        credits: priced.credits,
        refunded_at: None,
    };
    let Some(built) = ledger::build(session, src, platform, records, at, Some(spend))? else {
        return Ok(());
    };
    let l = &built.ledger;
    let i = l.spends.len().saturating_sub(1);
    let after = l.totals.available;
    priced.balance = Some(BalanceUse {
        platform: platform.id.clone(),
        needed: priced.credits,
        before: money::add(after, priced.credits)?,
        after,
    });
    let ranged = priced
        .quote
        .as_ref()
        .and_then(|q| q.credits)
        .is_some_and(|c| !c.is_exact() && req.credits.is_none());
    if req.overridden() || ranged {
        return Ok(());
    }
    let value = l.spend_money(i)?;
    priced.cost = value.as_ref().map(|v| Money {
        amount: money::to_decimal(v),
        currency: platform.currency.clone(),
    });
    priced.pricing = describe_allocation(l, i);
    priced.source = PriceSource::Balance;
    // The plan-based notes no longer apply: the ledger priced it, at the packs bought, not
    // the cheapest to buy (dropped from the quote too, which `estimate` prints).
    if let Some(q) = priced.quote.as_mut() {
        q.notes.retain(|t| !t.starts_with(cost::PACK_NOTE_START));
    }
    priced.notes.retain(|n| match n {
        Note::MoneyUnknown(_) | Note::NoAccount { .. } => false,
        Note::Table(t) => !t.starts_with(cost::PACK_NOTE_START),
        _ => true,
    });
    if value.is_none() {
        priced
            .notes
            .push(Note::MoneyUnknown(why_unknown(l, i, &platform.id)));
    }
    Ok(())
}

/// How an entry priced from the ledger was priced, stored with it.
fn describe_allocation(l: &Ledger, i: usize) -> String {
    let Some(state) = l.spend_states.get(i) else {
        return "balance".to_string();
    };
    let label = |p: &credits_core::ledger::Part| match p.grant.and_then(|g| l.grants.get(g)) {
        Some(g) => g.label.clone(),
        None => "beyond the balance".to_string(),
    };
    match state.allocation.as_slice() {
        [] => "balance: no credits".to_string(),
        [one] => format!("balance: {}", label(one)),
        many => {
            let texts: Vec<String> = many
                .iter()
                .map(|p| format!("{} from {}", money::fmt_credits(p.credits), label(p)))
                .collect();
            format!("balance: {}", texts.join(" + "))
        }
    }
}

/// Why an entry priced from the ledger has unknown money.
fn why_unknown(l: &Ledger, i: usize, platform: &str) -> MoneyUnknown {
    let beyond = l.spend_deficit(i);
    if !beyond.is_zero() {
        return MoneyUnknown::BeyondBalance {
            platform: platform.to_string(),
            credits: beyond,
        };
    }
    let labels = l
        .spend_states
        .get(i)
        .map(|s| {
            s.allocation
                .iter()
                .filter_map(|p| p.grant.and_then(|g| l.grants.get(g)))
                .filter(|g| g.price_per_credit.is_none())
                .map(|g| g.label.clone())
                .collect()
        })
        .unwrap_or_default();
    MoneyUnknown::UnpricedGrants(labels)
}

/// What the ledger says one stored entry's credits cost.
pub(crate) struct LedgerPrice {
    pub entry_id: i64,
    /// `None`: unknown, for `why`.
    pub money: Option<Ratio>,
    /// How it was priced (the grants it drew on).
    pub pricing: String,
    pub why: Option<MoneyUnknown>,
}

/// The money of every stored entry of a platform as the ledger prices it now (`reprice`):
/// one replay for all of them.
pub(crate) fn ledger_money(
    session: &Session,
    src: &impl LedgerRead,
    platform: &Platform,
    records: &LedgerRecords,
) -> Result<Vec<LedgerPrice>> {
    let Some(built) =
        ledger::build_every_entry(session, src, platform, records, session.now_utc())?
    else {
        return Ok(Vec::new());
    };
    let l = &built.ledger;
    let mut out = Vec::new();
    for (i, id) in built.entry_ids.iter().enumerate() {
        let Some(id) = id else { continue };
        let value = l.spend_money(i)?;
        out.push(LedgerPrice {
            entry_id: *id,
            why: value.is_none().then(|| why_unknown(l, i, &platform.id)),
            money: value,
            pricing: describe_allocation(l, i),
        });
    }
    Ok(out)
}

/// A quote with its money replaced by what the ledger says the credits cost (`estimate` on a
/// platform with a balance), so per clip and per second follow from the same money.
pub(crate) fn quote_with_cost(quote: &Quote, cost: &Money) -> Result<Quote> {
    let total = money::ratio(cost.amount);
    let mut q = quote.clone();
    q.cost_total = Some(MoneyRange::exact(total));
    let count = Ratio::from_integer(i128::from(q.charge.count.max(1)));
    let per_clip = money::rdiv(&total, &count)?;
    q.cost_per_clip = Some(MoneyRange::exact(per_clip));
    q.cost_per_second = match q.charge.seconds {
        Some(s) if !s.is_zero() => {
            Some(MoneyRange::exact(money::rdiv(&per_clip, &money::ratio(s))?))
        }
        _ => None,
    };
    q.price_per_credit = match q.credits.and_then(|c| c.exact_value()) {
        Some(c) if !c.is_zero() => Some(money::rdiv(&total, &money::ratio(c))?),
        _ => q.price_per_credit,
    };
    q.unknown_money = None;
    Ok(q)
}

/// What `needed` credits would use of a platform's balance now (a shot list's total); `None`
/// without a database or a balance that has started. Never creates a database.
pub fn balance_now(
    session: &Session,
    platform: &Platform,
    needed: Decimal,
) -> Result<Option<BalanceUse>> {
    let Some(store) = session.existing_store()? else {
        return Ok(None);
    };
    let records = ledger::records(&store, &platform.id)?;
    let now = session.now_utc();
    match ledger::start(session, &records)? {
        Some(start) if start <= now => {}
        _ => return Ok(None),
    }
    let Some(built) = ledger::build(session, &store, platform, &records, now, None)? else {
        return Ok(None);
    };
    let before = built.ledger.totals.available;
    Ok(Some(BalanceUse {
        platform: platform.id.clone(),
        needed,
        before,
        after: before
            .checked_sub(needed)
            .ok_or_else(|| credits_core::error::fail("credits out of range"))?,
    }))
}

/// An estimate: the table's quote priced as `log` would price it now, and what it would use
/// of the balance. The database is only read (and not made when there is none); one that
/// cannot be read costs the balance, with a note, never the estimate.
pub struct Estimate {
    pub quote: Quote,
    pub source: PriceSource,
    /// How `log` would describe the price (for a balance: the grants it draws on).
    pub pricing: String,
    pub balance: Option<BalanceUse>,
    pub notes: Vec<Note>,
}

pub fn estimate(session: &Session, req: &PriceRequest) -> Result<Estimate> {
    let mut notes = Vec::new();
    let priced = match session.existing_store() {
        Ok(Some(mut store)) => match store.read(|tx| in_context(session, tx, req)) {
            Ok(p) => p,
            Err(e) if e.downcast_ref::<credits_core::error::UserError>().is_some() => {
                return Err(e)
            }
            Err(e) => {
                notes.push(Note::BalanceNotChecked(format!("{e:#}")));
                by_plan(session, &[], req)?
            }
        },
        Ok(None) => by_plan(session, &[], req)?,
        Err(e) => {
            notes.push(Note::BalanceNotChecked(format!("{e:#}")));
            by_plan(session, &[], req)?
        }
    };
    let Some(mut quote) = priced.quote else {
        return Err(credits_core::error::fail("no table prices this model"));
    };
    if priced.source == PriceSource::Balance {
        match &priced.cost {
            Some(cost) => quote = quote_with_cost(&quote, cost)?,
            None => {
                quote.cost_total = None;
                quote.cost_per_clip = None;
                quote.cost_per_second = None;
                quote.price_per_credit = None;
                quote.unknown_money = priced.notes.iter().find_map(|n| match n {
                    Note::MoneyUnknown(why) => Some(why.reason()),
                    _ => None,
                });
            }
        }
    }
    if let Some(b) = &priced.balance {
        if b.needed > b.before {
            notes.push(Note::BeyondBalance {
                platform: b.platform.clone(),
                needed: b.needed,
                before: b.before,
                after: b.after,
                logged: false,
            });
        }
    }
    notes.extend(priced.notes.into_iter().filter(|n| {
        matches!(
            n,
            Note::BeforeBalanceStart { .. } | Note::Unvouched { .. } | Note::Deprecated { .. }
        )
    }));
    Ok(Estimate {
        quote,
        source: priced.source,
        pricing: priced.pricing,
        balance: priced.balance,
        notes,
    })
}
