//! Stored records of one platform → the ledger's grants and spends. Pure: the records are
//! plain data read by `store`; the pricing table says what a plan grants.
//!
//! - The ledger starts at the account's start (its first plan change, at midnight in the
//!   user's offset); with no plan, at the first top-up or adjustment. Generations logged
//!   before the start are history, not spends from this balance.
//! - Top-ups are `Pack` grants (bonus credits included) at price ÷ (credits + bonus).
//! - Positive adjustments are `Adjustment` grants that never expire and cost nothing;
//!   negative ones are spends.
//! - Every logged generation is a spend (failed ones too: the platform charged them); a
//!   refunded one comes back at its refund time, or at its own time when that was not
//!   recorded (refunded before schema 2, or imported).

use super::subscription::{self, PlanChange, Renewal};
use super::{compute, Expires, Grant, Ledger, Source, Spend};
use crate::cost::BillingPeriod;
use crate::money::{self, ratio};
use crate::pricing::Platform;
use crate::store::{Billing, LedgerRecords, Status, TopupExpiry};
use anyhow::Result;
use chrono::{DateTime, FixedOffset, Utc};

/// A platform's ledger as of a time, with what the subscription says comes next.
#[derive(Clone, Debug)]
pub struct Built {
    pub ledger: Ledger,
    pub start: DateTime<Utc>,
    pub next_renewal: Option<Renewal>,
    pub notes: Vec<String>,
    /// The entry ids of `ledger.spends`, in order (`None` for adjustments and the extra spend).
    pub entry_ids: Vec<Option<i64>>,
}

/// Where the platform's ledger starts, if it has one.
pub fn start(records: &LedgerRecords, offset: &FixedOffset) -> Result<Option<DateTime<Utc>>> {
    if let Some(first) = records.changes.iter().map(|c| c.effective_on).min() {
        return Ok(Some(subscription::midnight(first, offset)?));
    }
    let topups = records.topups.iter().map(|t| t.at);
    let adjustments = records.adjustments.iter().map(|a| a.at);
    Ok(topups.chain(adjustments).min())
}

pub fn billing_period(billing: Billing) -> BillingPeriod {
    match billing {
        Billing::Monthly => BillingPeriod::Monthly,
        Billing::Annual => BillingPeriod::Annual,
    }
}

/// The ledger of `records` as of `as_of`; `None` when the platform has no ledger (no plan,
/// top-up or adjustment). `extra` is a spend not yet stored (the generation being logged),
/// replayed after everything at its time; it is the last of `ledger.spends`.
pub fn build(
    platform: Option<&Platform>,
    records: &LedgerRecords,
    offset: &FixedOffset,
    as_of: DateTime<Utc>,
    extra: Option<Spend>,
) -> Result<Option<Built>> {
    let Some(start) = start(records, offset)? else {
        return Ok(None);
    };
    let mut notes = Vec::new();
    let mut grants: Vec<Grant> = Vec::new();
    let mut next_renewal = None;

    if !records.changes.is_empty() {
        match platform {
            Some(p) => {
                let changes: Vec<PlanChange> = records
                    .changes
                    .iter()
                    .map(|c| PlanChange {
                        plan: p.plan(&c.plan).ok(),
                        plan_id: c.plan.clone(),
                        billing: billing_period(c.billing),
                        effective_on: c.effective_on,
                        renews_on: c.renews_on.map(u32::from),
                    })
                    .collect();
                let sub = subscription::grants(&changes, offset, as_of)?;
                grants.extend(sub.grants);
                next_renewal = sub.next_renewal;
                notes.extend(sub.notes);
            }
            None => notes.push(
                "no pricing table for this platform: the subscription's credits are unknown"
                    .to_string(),
            ),
        }
    }

    for t in &records.topups {
        let credits = money::add(t.credits, t.bonus)?;
        let name = match &t.pack {
            Some(id) => platform
                .and_then(|p| p.pack(id).ok())
                .map_or_else(|| id.clone(), |pack| pack.name.clone()),
            None => "credits".to_string(),
        };
        grants.push(Grant {
            id: format!("topup:{}", t.id),
            source: Source::Pack,
            label: format!("{name} (top-up #{})", t.id),
            credits,
            at: t.at,
            expires: match t.expiry {
                TopupExpiry::Never => Expires::Never,
                TopupExpiry::At(at) => Expires::At(at),
                TopupExpiry::Unknown => Expires::Unknown,
            },
            price_per_credit: Some(money::rdiv(&ratio(t.price), &ratio(credits))?),
        });
    }

    let mut spends: Vec<(DateTime<Utc>, u8, i64, Spend)> = Vec::new();
    for a in &records.adjustments {
        if a.credits.is_sign_positive() {
            grants.push(Grant {
                id: format!("adj:{}", a.id),
                source: Source::Adjustment,
                label: format!("adjustment #{}: {}", a.id, a.note),
                credits: a.credits,
                at: a.at,
                expires: Expires::Never,
                price_per_credit: Some(money::Ratio::from_integer(0)),
            });
        } else {
            spends.push((
                a.at,
                1,
                a.id,
                Spend {
                    entry_id: None,
                    label: format!("adjustment #{}: {}", a.id, a.note),
                    at: a.at,
                    credits: -a.credits,
                    refunded_at: None,
                },
            ));
        }
    }
    for e in records.spends.iter().filter(|e| e.at >= start) {
        let refunded_at = match e.status {
            Status::Refunded => Some(e.refunded_at.unwrap_or(e.at)),
            Status::Ok | Status::Failed => None,
        };
        spends.push((
            e.at,
            0,
            e.entry_id,
            Spend {
                entry_id: Some(e.entry_id),
                label: format!("entry #{}", e.entry_id),
                at: e.at,
                credits: e.credits,
                refunded_at,
            },
        ));
    }
    spends.sort_by_key(|s| (s.0, s.1, s.2));
    let mut entry_ids: Vec<Option<i64>> = spends.iter().map(|s| s.3.entry_id).collect();
    let mut spends: Vec<Spend> = spends.into_iter().map(|s| s.3).collect();
    if let Some(extra) = extra {
        // Last in the list: `compute` replays by time, then list position, so it comes
        // after everything already recorded at its time.
        spends.push(extra);
        entry_ids.push(None);
    }
    let ledger = compute(grants, spends, as_of)?;
    Ok(Some(Built {
        ledger,
        start,
        next_renewal,
        notes,
        entry_ids,
    }))
}
