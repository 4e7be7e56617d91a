//! The credit ledger (issue 4): grants in, spends out, the state as of a time.
//!
//! Pure: no database, no clock, no files. [`compute`] takes every grant (subscription
//! periods, packs, bonuses, positive adjustments) and every spend (logged generations,
//! negative adjustments) of one platform and replays them in time order up to `as_of`.
//! `subscription` turns a plan history into grants; `build` turns stored records into
//! grants and spends; `resume` continues a replay from a checkpoint (the state at an
//! earlier time), so that only the spends after it are replayed.
//!
//! The rules (docs/guide.md, "Balances and budgets"):
//! - **Order of events** at the same instant: expiries, then arrivals, then spends, then
//!   refunds. A grant that expires at `t` is gone at `t`; one that arrives at `t` can pay for
//!   a spend at `t`; a spend refunded at its own time is spent, then returned.
//! - **Spending order**: the credits that expire soonest go first; credits that never expire
//!   (or whose expiry is unknown) go last; ties go to the earlier grant, then the one listed
//!   first. So a month's plan credits are spent before a pack that lasts two years.
//! - **Deficit**: a spend larger than what is available takes the balance below zero (the
//!   platform charged it; the ledger was missing something). The part beyond the balance is
//!   a deficit. Credits that arrive while the balance is negative (a grant, or a refund to a
//!   live grant) pay the deficit off first, in spending order, and the spends that made the
//!   deficit are then counted as paid from those credits.
//! - **Refunds** return each part of a spend to the grant it came from. Credits returned to
//!   a grant that has expired by the refund are lost (counted as expired, and said); a part
//!   that was still a deficit simply shrinks the deficit.
//! - **Money**: a spend's money value is the sum over its parts of credits × that grant's
//!   price per credit; it is unknown if any part is unpriced or still a deficit.
//! - **The sum check**: granted − spent + refunded − expired = available, always (expired
//!   includes credits lost on refund).

// The operators of Decimal, i128 Ratio and chrono panic on overflow; every operation in
// this module must be checked, so that no input (a flag, a pricing file) can panic.
#![deny(clippy::arithmetic_side_effects)]

pub mod build;
pub mod pace;
pub mod resume;
pub mod subscription;

use resume::Base;

use crate::money::{self, Ratio};
use anyhow::{anyhow, bail, Result};
use chrono::{DateTime, Utc};
use num_traits::{CheckedAdd, Zero};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, VecDeque};

/// Where credits came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// A subscription period's credits.
    Subscription,
    /// A purchased pack (top-up), bonus credits of the pack included.
    Pack,
    /// A plan promotion's first-period bonus.
    Bonus,
    /// A correction: signup bonus, daily reward, credits from support.
    Adjustment,
}

impl Source {
    pub const ALL: [Source; 4] = [
        Source::Subscription,
        Source::Pack,
        Source::Bonus,
        Source::Adjustment,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Source::Subscription => "subscription",
            Source::Pack => "pack",
            Source::Bonus => "bonus",
            Source::Adjustment => "adjustment",
        }
    }
}

/// When a grant's credits expire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expires {
    At(DateTime<Utc>),
    Never,
    /// The table does not say: spent last, like credits that never expire.
    Unknown,
}

impl Expires {
    pub fn at(&self) -> Option<DateTime<Utc>> {
        match self {
            Expires::At(t) => Some(*t),
            _ => None,
        }
    }
}

/// Credits that arrive.
#[derive(Clone, Debug, PartialEq)]
pub struct Grant {
    /// Stable and unique within a ledger, e.g. `topup:3`, `sub:2026-11-01`.
    pub id: String,
    pub source: Source,
    /// For people: `Pro, 2026-11-01 period`, `10 USD pack (top-up #3)`.
    pub label: String,
    pub credits: Decimal,
    pub at: DateTime<Utc>,
    pub expires: Expires,
    /// Money per credit; `None` when unknown (never guessed as 0).
    pub price_per_credit: Option<Ratio>,
}

/// Credits that go: a logged generation, or a negative adjustment (`entry_id: None`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spend {
    pub entry_id: Option<i64>,
    pub label: String,
    pub at: DateTime<Utc>,
    pub credits: Decimal,
    /// When the credits came back (a refunded generation); clamped to `at` if earlier.
    pub refunded_at: Option<DateTime<Utc>>,
}

/// Part of a spend: credits taken from one grant, or (`grant: None`) beyond the balance.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// Index into [`Ledger::grants`]; `None` is deficit not (yet) paid off.
    pub grant: Option<usize>,
    pub credits: Decimal,
}

/// What happened to a spend's credits when it was refunded.
#[derive(Clone, Debug, PartialEq)]
pub struct Refund {
    pub at: DateTime<Utc>,
    /// Back in the balance (to live grants, or cancelling deficit).
    pub returned: Decimal,
    /// Returned to grants that had expired by then: gone.
    pub lost: Decimal,
}

/// A spend as of the ledger's time.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SpendState {
    /// Whether the spend happened by `as_of` (a later one has no allocation yet).
    pub happened: bool,
    pub allocation: Vec<Part>,
    pub refund: Option<Refund>,
}

/// A grant as of the ledger's time. `credits − consumed + returned − expired = remaining`.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct GrantState {
    pub arrived: bool,
    pub remaining: Decimal,
    pub consumed: Decimal,
    pub returned: Decimal,
    /// Lost at expiry, plus refunds that came back after it.
    pub expired: Decimal,
    pub has_expired: bool,
}

/// The sums the ledger must balance.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Totals {
    pub granted: Decimal,
    pub spent: Decimal,
    pub refunded: Decimal,
    pub expired: Decimal,
    /// Negative when spends went past zero.
    pub available: Decimal,
    /// Credits spent beyond the balance and not paid off (≥ 0).
    pub deficit: Decimal,
}

impl Totals {
    /// granted − spent + refunded − expired, which must equal `available`.
    pub fn sum(&self) -> Result<Decimal> {
        let plus = money::add(self.granted, self.refunded)?;
        let minus = money::add(self.spent, self.expired)?;
        sub(plus, minus)
    }
}

/// The state of one platform's credits as of a time.
#[derive(Clone, Debug)]
pub struct Ledger {
    pub grants: Vec<Grant>,
    pub grant_states: Vec<GrantState>,
    pub spends: Vec<Spend>,
    pub spend_states: Vec<SpendState>,
    pub totals: Totals,
    /// The time the ledger was computed as of.
    pub as_of: DateTime<Utc>,
    /// What a checkpoint summarised (`None` for a full replay): its settled totals count
    /// in `totals` and `lost_on_refund`, and `spends[..head]` came from it.
    pub base: Option<Base>,
}

fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_sub(b)
        .ok_or_else(|| anyhow!("amount out of range: {a} − {b}"))
}

/// The event kinds, in the order they apply at the same instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Expire,
    Arrive,
    Spend,
    Refund,
}

/// Spending order of a live grant: soonest expiry first (never/unknown last), then the
/// earlier grant, then the one listed first.
type LiveKey = (u8, DateTime<Utc>, DateTime<Utc>, usize);

fn live_key(g: &Grant, index: usize) -> LiveKey {
    match g.expires {
        Expires::At(t) => (0, t, g.at, index),
        Expires::Never | Expires::Unknown => (1, DateTime::<Utc>::MAX_UTC, g.at, index),
    }
}

/// Replays `grants` and `spends` up to and including `as_of`.
pub(crate) fn compute(
    grants: Vec<Grant>,
    spends: Vec<Spend>,
    as_of: DateTime<Utc>,
) -> Result<Ledger> {
    check_inputs(&grants, &spends)?;
    let mut events: Vec<Event> = Vec::new();
    for (i, g) in grants.iter().enumerate() {
        if g.at <= as_of {
            events.push((g.at, Kind::Arrive, i));
            if let Expires::At(t) = g.expires {
                if t <= as_of {
                    events.push((t, Kind::Expire, i));
                }
            }
        }
    }
    spend_events(&spends, 0, as_of, &mut events);
    let start = Start {
        g: vec![GrantState::default(); grants.len()],
        s: vec![SpendState::default(); spends.len()],
        live: BTreeSet::new(),
        deficit: VecDeque::new(),
        owed: vec![Decimal::ZERO; spends.len()],
    };
    finish(grants, spends, start, events, as_of, None)
}

/// An event: when, what, and the index of its grant or spend.
type Event = (DateTime<Utc>, Kind, usize);

fn check_inputs(grants: &[Grant], spends: &[Spend]) -> Result<()> {
    for g in grants {
        if g.credits.is_sign_negative() && !g.credits.is_zero() {
            bail!("grant {} has negative credits", g.id);
        }
        if let Expires::At(t) = g.expires {
            if t <= g.at {
                bail!("grant {} expires ({t}) before it arrives ({})", g.id, g.at);
            }
        }
    }
    for s in spends {
        if s.credits.is_sign_negative() && !s.credits.is_zero() {
            bail!("spend `{}` has negative credits", s.label);
        }
    }
    Ok(())
}

/// The spend and refund events of `spends[from..]` up to `as_of`.
fn spend_events(spends: &[Spend], from: usize, as_of: DateTime<Utc>, events: &mut Vec<Event>) {
    for (i, s) in spends.iter().enumerate().skip(from) {
        if s.at <= as_of {
            events.push((s.at, Kind::Spend, i));
            if let Some(r) = s.refunded_at {
                let r = r.max(s.at);
                if r <= as_of {
                    events.push((r, Kind::Refund, i));
                }
            }
        }
    }
}

/// The replay's state before its first event: empty for a full replay, restored from a
/// checkpoint when resuming.
struct Start {
    g: Vec<GrantState>,
    s: Vec<SpendState>,
    live: BTreeSet<LiveKey>,
    deficit: VecDeque<usize>,
    owed: Vec<Decimal>,
}

/// Replays `events` from `start` and sums the result (plus what `base` settled earlier).
fn finish(
    grants: Vec<Grant>,
    spends: Vec<Spend>,
    start: Start,
    mut events: Vec<Event>,
    as_of: DateTime<Utc>,
    base: Option<Base>,
) -> Result<Ledger> {
    events.sort();

    let mut state = Replay {
        grants: &grants,
        spends: &spends,
        g: start.g,
        s: start.s,
        live: start.live,
        deficit: start.deficit,
        owed: start.owed,
    };
    for (t, kind, i) in events {
        match kind {
            Kind::Expire => state.expire(i)?,
            Kind::Arrive => state.arrive(i)?,
            Kind::Refund => state.refund(i, t)?,
            Kind::Spend => state.spend(i)?,
        }
    }

    let mut totals = Totals::default();
    if let Some(b) = &base {
        // Spends the checkpoint summarised: no longer in `spends`, still in the sums.
        totals.spent = b.settled.spent;
        totals.refunded = b.settled.refunded;
    }
    for (g, st) in grants.iter().zip(&state.g) {
        if st.arrived {
            totals.granted = money::add(totals.granted, g.credits)?;
            totals.expired = money::add(totals.expired, st.expired)?;
            totals.available = money::add(totals.available, st.remaining)?;
        }
    }
    for (s, st) in spends.iter().zip(&state.s) {
        if st.happened {
            totals.spent = money::add(totals.spent, s.credits)?;
        }
        if let Some(r) = &st.refund {
            totals.refunded = money::add(totals.refunded, money::add(r.returned, r.lost)?)?;
        }
    }
    for owed in &state.owed {
        totals.deficit = money::add(totals.deficit, *owed)?;
    }
    totals.available = sub(totals.available, totals.deficit)?;
    if totals.sum()? != totals.available {
        bail!(
            "the ledger does not balance: {} granted − {} spent + {} refunded − {} expired ≠ {} available",
            totals.granted,
            totals.spent,
            totals.refunded,
            totals.expired,
            totals.available
        );
    }
    let (grant_states, spend_states) = (state.g, state.s);
    Ok(Ledger {
        grants,
        grant_states,
        spends,
        spend_states,
        totals,
        as_of,
        base,
    })
}

/// The replay's working state.
struct Replay<'a> {
    grants: &'a [Grant],
    spends: &'a [Spend],
    g: Vec<GrantState>,
    s: Vec<SpendState>,
    /// Grants that have arrived, have not expired and have credits left.
    live: BTreeSet<LiveKey>,
    /// Spends with a part beyond the balance, oldest first (some may be settled already).
    deficit: VecDeque<usize>,
    /// Per spend, the credits beyond the balance not yet paid off.
    owed: Vec<Decimal>,
}

impl Replay<'_> {
    fn arrive(&mut self, i: usize) -> Result<()> {
        let st = &mut self.g[i];
        st.arrived = true;
        st.remaining = self.grants[i].credits;
        if !st.remaining.is_zero() {
            self.live.insert(live_key(&self.grants[i], i));
        }
        self.settle()
    }

    fn expire(&mut self, i: usize) -> Result<()> {
        let st = &mut self.g[i];
        st.has_expired = true;
        st.expired = money::add(st.expired, st.remaining)?;
        st.remaining = Decimal::ZERO;
        self.live.remove(&live_key(&self.grants[i], i));
        Ok(())
    }

    /// Takes up to `want` credits from the first live grant; returns (grant, taken).
    fn take(&mut self, want: Decimal) -> Result<Option<(usize, Decimal)>> {
        let Some(&key) = self.live.first() else {
            return Ok(None);
        };
        let i = key.3;
        let st = &mut self.g[i];
        let taken = want.min(st.remaining);
        st.remaining = sub(st.remaining, taken)?;
        st.consumed = money::add(st.consumed, taken)?;
        if st.remaining.is_zero() {
            self.live.remove(&key);
        }
        Ok(Some((i, taken)))
    }

    fn spend(&mut self, i: usize) -> Result<()> {
        self.s[i].happened = true;
        let mut need = self.spends[i].credits;
        while !need.is_zero() {
            let Some((g, taken)) = self.take(need)? else {
                break;
            };
            add_part(&mut self.s[i].allocation, Some(g), taken)?;
            need = sub(need, taken)?;
        }
        if !need.is_zero() {
            add_part(&mut self.s[i].allocation, None, need)?;
            self.owed[i] = need;
            self.deficit.push_back(i);
        }
        Ok(())
    }

    fn refund(&mut self, i: usize, at: DateTime<Utc>) -> Result<()> {
        let mut returned = Decimal::ZERO;
        let mut lost = Decimal::ZERO;
        for part in self.s[i].allocation.clone() {
            match part.grant {
                Some(g) => {
                    let st = &mut self.g[g];
                    st.returned = money::add(st.returned, part.credits)?;
                    if st.has_expired {
                        st.expired = money::add(st.expired, part.credits)?;
                        lost = money::add(lost, part.credits)?;
                    } else {
                        st.remaining = money::add(st.remaining, part.credits)?;
                        self.live.insert(live_key(&self.grants[g], g));
                        returned = money::add(returned, part.credits)?;
                    }
                }
                None => {
                    // Still owed: the refund cancels it (`settle` skips it from now on).
                    self.owed[i] = Decimal::ZERO;
                    returned = money::add(returned, part.credits)?;
                }
            }
        }
        self.s[i].refund = Some(Refund { at, returned, lost });
        self.settle()
    }

    /// Pays the deficit off from live grants, oldest deficit first.
    fn settle(&mut self) -> Result<()> {
        while let Some(&s) = self.deficit.front() {
            let owed = self.owed[s];
            if owed.is_zero() {
                self.deficit.pop_front();
                continue;
            }
            let Some((g, taken)) = self.take(owed)? else {
                break;
            };
            let allocation = &mut self.s[s].allocation;
            add_part(allocation, Some(g), taken)?;
            if let Some(pos) = allocation.iter().position(|p| p.grant.is_none()) {
                allocation[pos].credits = sub(allocation[pos].credits, taken)?;
                if allocation[pos].credits.is_zero() {
                    allocation.remove(pos);
                }
            }
            self.owed[s] = sub(owed, taken)?;
        }
        Ok(())
    }
}

fn add_part(allocation: &mut Vec<Part>, grant: Option<usize>, credits: Decimal) -> Result<()> {
    match allocation.iter_mut().find(|p| p.grant == grant) {
        Some(p) => p.credits = money::add(p.credits, credits)?,
        None => allocation.push(Part { grant, credits }),
    }
    Ok(())
}

/// Credits expiring next: when, and how many (every grant expiring at that instant).
#[derive(Clone, Debug, PartialEq)]
pub struct NextExpiry {
    pub at: DateTime<Utc>,
    pub credits: Decimal,
    /// Indexes of the grants that expire then.
    pub grants: Vec<usize>,
}

impl Ledger {
    /// Credits left per source (the deficit is not in any source).
    pub fn available_by_source(&self) -> Result<Vec<(Source, Decimal)>> {
        let mut out: Vec<(Source, Decimal)> =
            Source::ALL.iter().map(|s| (*s, Decimal::ZERO)).collect();
        for (g, st) in self.grants.iter().zip(&self.grant_states) {
            if let Some(slot) = out.iter_mut().find(|(s, _)| *s == g.source) {
                slot.1 = money::add(slot.1, st.remaining)?;
            }
        }
        Ok(out)
    }

    /// Indexes of the grants with credits left, in spending order.
    pub fn live_grants(&self) -> Vec<usize> {
        let mut keys: Vec<LiveKey> = self
            .grants
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.grant_states[*i].remaining.is_zero())
            .map(|(i, g)| live_key(g, i))
            .collect();
        keys.sort();
        keys.into_iter().map(|k| k.3).collect()
    }

    /// The soonest expiry among credits still available.
    pub fn next_expiry(&self) -> Result<Option<NextExpiry>> {
        let mut next: Option<NextExpiry> = None;
        for i in self.live_grants() {
            let Some(at) = self.grants[i].expires.at() else {
                continue;
            };
            let credits = self.grant_states[i].remaining;
            match &mut next {
                Some(n) if n.at == at => {
                    n.credits = money::add(n.credits, credits)?;
                    n.grants.push(i);
                }
                Some(n) if n.at < at => {}
                _ => {
                    next = Some(NextExpiry {
                        at,
                        credits,
                        grants: vec![i],
                    })
                }
            }
        }
        Ok(next)
    }

    /// The money value of spend `i`: Σ credits × price per credit of the grant each part
    /// came from. `None` when any part is beyond the balance or from an unpriced grant.
    pub fn spend_money(&self, i: usize) -> Result<Option<Ratio>> {
        let mut total = Ratio::zero();
        for part in &self.spend_states[i].allocation {
            let Some(g) = part.grant else {
                return Ok(None);
            };
            let Some(price) = &self.grants[g].price_per_credit else {
                return Ok(None);
            };
            let value = money::rmul(&money::ratio(part.credits), price)?;
            total = total
                .checked_add(&value)
                .ok_or_else(|| anyhow!("amount out of range"))?;
        }
        Ok(Some(total))
    }

    /// Credits of spend `i` that went beyond the balance and are still owed (0 once
    /// refunded).
    pub fn spend_deficit(&self, i: usize) -> Decimal {
        if self.spend_states[i].refund.is_some() {
            return Decimal::ZERO;
        }
        // `add_part` merges parts by grant, so there is at most one deficit part: no sum
        // (whose `+` could panic) is needed.
        self.spend_states[i]
            .allocation
            .iter()
            .find(|p| p.grant.is_none())
            .map_or(Decimal::ZERO, |p| p.credits)
    }

    /// Credits lost because refunds came back after their grants had expired (those of
    /// spends a checkpoint summarised included).
    pub fn lost_on_refund(&self) -> Result<Decimal> {
        let mut lost = self.base.as_ref().map_or(Decimal::ZERO, |b| b.settled.lost);
        for st in &self.spend_states {
            if let Some(r) = &st.refund {
                lost = money::add(lost, r.lost)?;
            }
        }
        Ok(lost)
    }
}

#[cfg(test)]
mod tests;
