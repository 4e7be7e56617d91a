//! Ledger checkpoints (issue 12): the replay's state at an instant T, so that a ledger of
//! a million spends can be computed by replaying only the spends after T.
//!
//! Pure, like the rest of the ledger: storing checkpoints and deciding when one is out of
//! date because a stored spend changed is the store's business. What a checkpoint can check
//! itself, it does: [`compute_from`] says [`Resumed::Stale`] when the grants up to T, or the
//! spends without an entry (negative adjustments) up to T, are not the ones it was made
//! from; the caller then replays everything.
//!
//! What a checkpoint keeps, and why that is enough to continue exactly:
//! - every grant that arrived by T, with its state (the spending order, `live`, follows
//!   from the states: a grant is live when it arrived, has not expired and has credits left);
//! - the spends made by T whose refund comes after T ("carried"), whole, with their
//!   allocation (by grant id) and what they still owe: their refund must return each part;
//! - the deficit queue, in order, with runs of owing spends that are not carried merged
//!   into one amount ("lump"): paying the deficit off takes credits from the live grants in
//!   spending order whatever the run is cut into, so only the amounts before each carried
//!   spend matter. Which old spend a later grant paid off is lost; `reprice` replays fully;
//! - the sums of the spends it no longer keeps (spent, refunded, lost on refund);
//! - a digest of the spends without an entry up to T, which it summarised.

// Same rule as the ledger: every operation checked, no input can panic.
#![deny(clippy::arithmetic_side_effects)]

use super::{
    check_inputs, finish, live_key, spend_events, Event, Expires, Grant, GrantState, Kind, Ledger,
    Part, Spend, SpendState, Start,
};
use crate::money;
use anyhow::{anyhow, bail, Result};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap, VecDeque};

/// The label of a lump: owing spends from before a checkpoint, merged.
pub(crate) const LUMP_LABEL: &str = "earlier credits beyond the balance";

/// Sums of the spends a checkpoint no longer keeps (every spend by its time that is not
/// carried). Zero for a full replay.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Settled {
    /// Credits spent.
    pub spent: Decimal,
    /// Credits refunded: returned plus lost.
    pub refunded: Decimal,
    /// Credits refunded to grants that had expired by then.
    pub lost: Decimal,
}

/// What a resumed ledger took from its checkpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct Base {
    /// The checkpoint's time.
    pub at: DateTime<Utc>,
    pub settled: Settled,
    /// The spends without an entry up to `at` (validated against the checkpoint's digest),
    /// kept so that a later checkpoint made from this ledger can digest them again.
    pub adjustments: Vec<Spend>,
    /// `ledger.spends[..head]` are the checkpoint's carried spends and lumps.
    pub head: usize,
}

/// A grant that had arrived by the checkpoint: its identity (checked on resuming) and state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GrantCheck {
    pub id: String,
    pub credits: Decimal,
    pub at: DateTime<Utc>,
    pub expires: Expires,
    pub state: GrantState,
}

/// Part of a carried spend, by grant id (indexes may shift when grants are added later).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckPart {
    /// `None` is the deficit.
    pub grant: Option<String>,
    pub credits: Decimal,
}

/// A spend made by the checkpoint whose refund comes after it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Carried {
    pub spend: Spend,
    pub allocation: Vec<CheckPart>,
    /// Credits beyond the balance not yet paid off.
    pub owed: Decimal,
}

/// The spends by the checkpoint that still matter, in replay order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Head {
    Carried(Carried),
    /// Owing spends that are not carried, merged: `at` is the last one's time (so that the
    /// resumed spends stay in time order), `owed` their sum (> 0).
    Lump {
        at: DateTime<Utc>,
        owed: Decimal,
    },
}

/// The state of a ledger computed as of `at`, to continue from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub at: DateTime<Utc>,
    /// The grants with `at <= self.at`, in the order of the grant list.
    pub grants: Vec<GrantCheck>,
    pub head: Vec<Head>,
    pub settled: Settled,
    /// SHA-256 (hex) of the spends without an entry up to `at`, in order.
    pub adjustments: String,
    /// Set and compared by the caller (`build`: the ledger's start), opaque here.
    pub context: String,
}

/// The result of [`compute_from`].
#[derive(Clone, Debug)]
pub(crate) enum Resumed {
    Ledger(Box<Ledger>),
    /// The checkpoint does not fit the inputs (why): replay everything instead.
    Stale(String),
}

/// SHA-256 of `spends` (hex): what a checkpoint remembers of the spends without an entry.
fn digest(spends: &[Spend]) -> Result<String> {
    let json = serde_json::to_vec(spends)?;
    Ok(format!("{:x}", Sha256::digest(&json)))
}

/// The first grant id listed twice, if any.
fn duplicate_id(grants: &[Grant]) -> Option<&str> {
    let mut seen = std::collections::HashSet::new();
    grants
        .iter()
        .map(|g| g.id.as_str())
        .find(|id| !seen.insert(*id))
}

impl Ledger {
    /// The checkpoint of this ledger at `at`. Only a ledger computed as of `at`, whose spends
    /// are all stored ones made by `at` (no extra spend) in time order, can give one.
    pub fn checkpoint(&self, at: DateTime<Utc>) -> Result<Checkpoint> {
        if self.as_of != at {
            bail!(
                "a checkpoint at {at} needs a ledger as of that time, not {}",
                self.as_of
            );
        }
        if let Some(s) = self.spends.iter().find(|s| s.at > at) {
            bail!(
                "spend `{}` at {} is after the checkpoint ({at})",
                s.label,
                s.at
            );
        }
        // Resuming puts the spends after T after those before: that is the full replay's
        // order only if the list is in time order (as `build` makes it).
        if self.spends.windows(2).any(|w| w[0].at > w[1].at) {
            bail!("the spends are not in time order");
        }
        if let Some(id) = duplicate_id(&self.grants) {
            bail!("grant id {id} is listed twice");
        }
        let grants = self
            .grants
            .iter()
            .zip(&self.grant_states)
            .filter(|(g, _)| g.at <= at)
            .map(|(g, st)| GrantCheck {
                id: g.id.clone(),
                credits: g.credits,
                at: g.at,
                expires: g.expires,
                state: st.clone(),
            })
            .collect();

        let (mut settled, mut adjustments, head_len) = match &self.base {
            Some(b) => (b.settled.clone(), b.adjustments.clone(), b.head),
            None => (Settled::default(), Vec::new(), 0),
        };
        let mut head: Vec<Head> = Vec::new();
        for (i, (s, st)) in self.spends.iter().zip(&self.spend_states).enumerate() {
            // Every spend here happened (at <= at == as_of); lumps spend 0.
            let owed = self.spend_deficit(i);
            let carried = s.refunded_at.is_some_and(|r| r.max(s.at) > at);
            if carried {
                let allocation = st
                    .allocation
                    .iter()
                    .map(|p| CheckPart {
                        grant: p.grant.map(|g| self.grants[g].id.clone()),
                        credits: p.credits,
                    })
                    .collect();
                head.push(Head::Carried(Carried {
                    spend: s.clone(),
                    allocation,
                    owed,
                }));
            } else {
                settled.spent = money::add(settled.spent, s.credits)?;
                if let Some(r) = &st.refund {
                    settled.refunded =
                        money::add(settled.refunded, money::add(r.returned, r.lost)?)?;
                    settled.lost = money::add(settled.lost, r.lost)?;
                }
                if !owed.is_zero() {
                    match head.last_mut() {
                        Some(Head::Lump {
                            at: last,
                            owed: sum,
                        }) => {
                            *last = s.at;
                            *sum = money::add(*sum, owed)?;
                        }
                        _ => head.push(Head::Lump { at: s.at, owed }),
                    }
                }
            }
            // The head's carried spends are in `base.adjustments` already, lumps never were.
            if i >= head_len && s.entry_id.is_none() {
                adjustments.push(s.clone());
            }
        }
        Ok(Checkpoint {
            at,
            grants,
            head,
            settled,
            adjustments: digest(&adjustments)?,
            context: String::new(),
        })
    }
}

/// The ledger as of `as_of`, continuing from `checkpoint`: `grants` is the full grant list,
/// `adjustments` every spend without an entry made by the checkpoint (in order; they are
/// checked against it, not replayed), `spends_after` every spend after the checkpoint (in
/// time order; an extra spend last). The ledger's spends are the checkpoint's carried
/// spends and lumps, then `spends_after`.
///
/// [`Resumed::Stale`] when the checkpoint does not fit: replay everything with `compute`.
pub(crate) fn compute_from(
    checkpoint: &Checkpoint,
    grants: Vec<Grant>,
    adjustments: Vec<Spend>,
    spends_after: Vec<Spend>,
    as_of: DateTime<Utc>,
) -> Result<Resumed> {
    let cp = checkpoint;
    check_inputs(&grants, &spends_after)?;
    if let Some(a) = adjustments
        .iter()
        .find(|a| a.at > cp.at || a.entry_id.is_some())
    {
        bail!(
            "`{}` is not a spend without an entry made by the checkpoint ({})",
            a.label,
            cp.at
        );
    }
    let stale = |why: String| Ok(Resumed::Stale(why));
    if as_of < cp.at {
        return stale(format!("the checkpoint ({}) is after {as_of}", cp.at));
    }
    if let Some(id) = duplicate_id(&grants) {
        return stale(format!("grant id {id} is listed twice"));
    }
    let before: Vec<usize> = (0..grants.len())
        .filter(|&i| grants[i].at <= cp.at)
        .collect();
    if before.len() != cp.grants.len() {
        return stale(format!(
            "{} grants by the checkpoint, it has {}",
            before.len(),
            cp.grants.len()
        ));
    }
    for (&i, c) in before.iter().zip(&cp.grants) {
        let g = &grants[i];
        if g.id != c.id || g.credits != c.credits || g.at != c.at || g.expires != c.expires {
            return stale(format!("grant {} is not the checkpoint's {}", g.id, c.id));
        }
    }
    if digest(&adjustments)? != cp.adjustments {
        return stale("the adjustments by the checkpoint changed".to_string());
    }
    if let Some(s) = spends_after.iter().find(|s| s.at <= cp.at) {
        // It would have to be replayed among the checkpoint's events at its time.
        return stale(format!("spend `{}` is not after the checkpoint", s.label));
    }

    let index: HashMap<&str, usize> = grants
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.as_str(), i))
        .collect();
    let mut g = vec![GrantState::default(); grants.len()];
    let mut live = BTreeSet::new();
    for (&i, c) in before.iter().zip(&cp.grants) {
        let st = &c.state;
        // credits − consumed + returned − expired = remaining, or the state was not a replay's.
        let balance = money::add(c.credits, st.returned)?;
        let gone = money::add(st.consumed, st.expired)?;
        if !st.arrived || super::sub(balance, gone)? != st.remaining {
            bail!("the checkpoint's state of grant {} does not balance", c.id);
        }
        // The replay keeps exactly these live (arrive, expire, take and refund all keep it so).
        if !st.has_expired && !st.remaining.is_zero() {
            live.insert(live_key(&grants[i], i));
        }
        g[i] = st.clone();
    }

    let mut spends: Vec<Spend> = Vec::new();
    let mut s: Vec<SpendState> = Vec::new();
    let mut owed: Vec<Decimal> = Vec::new();
    let mut deficit = VecDeque::new();
    for item in &cp.head {
        let (spend, state, due) = match item {
            Head::Carried(c) => {
                let allocation = c
                    .allocation
                    .iter()
                    .map(|p| {
                        let grant = match &p.grant {
                            Some(id) => Some(*index.get(id.as_str()).ok_or_else(|| {
                                anyhow!("the checkpoint refers to an unknown grant {id}")
                            })?),
                            None => None,
                        };
                        Ok(Part {
                            grant,
                            credits: p.credits,
                        })
                    })
                    .collect::<Result<Vec<Part>>>()?;
                if c.spend
                    .refunded_at
                    .is_none_or(|r| r.max(c.spend.at) <= cp.at)
                {
                    bail!(
                        "the checkpoint carries `{}`, not refunded after it",
                        c.spend.label
                    );
                }
                let state = SpendState {
                    happened: true,
                    allocation,
                    refund: None,
                };
                (c.spend.clone(), state, c.owed)
            }
            Head::Lump { at, owed } => {
                let spend = Spend {
                    entry_id: None,
                    label: LUMP_LABEL.to_string(),
                    at: *at,
                    credits: Decimal::ZERO,
                    refunded_at: None,
                };
                let state = SpendState {
                    happened: true,
                    allocation: vec![Part {
                        grant: None,
                        credits: *owed,
                    }],
                    refund: None,
                };
                (spend, state, *owed)
            }
        };
        if !due.is_zero() {
            deficit.push_back(spends.len());
        }
        spends.push(spend);
        s.push(state);
        owed.push(due);
    }
    let head = spends.len();
    spends.extend(spends_after);
    s.resize(spends.len(), SpendState::default());
    owed.resize(spends.len(), Decimal::ZERO);

    let mut events: Vec<Event> = Vec::new();
    for (i, gr) in grants.iter().enumerate() {
        let expiry = gr.expires.at().filter(|&t| t <= as_of);
        if gr.at <= cp.at {
            // Arrived already; expired already if by the checkpoint.
            if let Some(t) = expiry.filter(|&t| t > cp.at) {
                events.push((t, Kind::Expire, i));
            }
        } else if gr.at <= as_of {
            events.push((gr.at, Kind::Arrive, i));
            if let Some(t) = expiry {
                events.push((t, Kind::Expire, i));
            }
        }
    }
    for (i, sp) in spends.iter().enumerate().take(head) {
        // Carried spends happened; only their refund (after the checkpoint) is left.
        if let Some(r) = sp.refunded_at.map(|r| r.max(sp.at)).filter(|&r| r <= as_of) {
            events.push((r, Kind::Refund, i));
        }
    }
    spend_events(&spends, head, as_of, &mut events);

    let start = Start {
        g,
        s,
        live,
        deficit,
        owed,
    };
    let base = Base {
        at: cp.at,
        settled: cp.settled.clone(),
        adjustments,
        head,
    };
    let ledger = finish(grants, spends, start, events, as_of, Some(base))?;
    Ok(Resumed::Ledger(Box::new(ledger)))
}

#[cfg(test)]
#[path = "resume_tests.rs"]
mod tests;
