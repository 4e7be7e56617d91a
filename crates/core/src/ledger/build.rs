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

use super::resume::{compute_from, Checkpoint, Resumed};
use super::subscription::{self, PlanChange, Renewal};
use super::{compute, Expires, Grant, Ledger, Source, Spend};
use crate::money::{self, ratio};
use crate::pricing::Platform;
use crate::records::{LedgerRecords, Status, TopupExpiry};
use anyhow::{bail, Result};
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
    let Some(inputs) = inputs(platform, records, offset, as_of, None)? else {
        return Ok(None);
    };
    full(inputs, as_of, extra).map(Some)
}

/// The ledger of `inputs` replayed from the start.
fn full(inputs: Inputs, as_of: DateTime<Utc>, extra: Option<Spend>) -> Result<Built> {
    let mut entry_ids = inputs.entry_ids;
    let mut spends = inputs.spends;
    if let Some(extra) = extra {
        // Last in the list: `compute` replays by time, then list position, so it comes
        // after everything already recorded at its time.
        spends.push(extra);
        entry_ids.push(None);
    }
    let ledger = compute(inputs.grants, spends, as_of)?;
    Ok(Built {
        ledger,
        start: inputs.start,
        next_renewal: inputs.next_renewal,
        notes: inputs.notes,
        entry_ids,
    })
}

/// The outcome of using a checkpoint: done, or the checkpoint does not fit (why), and the
/// caller reads every record and calls [`build`] (or [`checkpoint_at`] without one).
#[derive(Clone, Debug)]
pub enum Resume<T> {
    Done(T),
    Stale(String),
}

/// [`build`], continuing from `checkpoint` when there is one: then `records.spends` holds
/// only the entries after the checkpoint (the others are in it), the other records all.
/// The ledger's spends start with the checkpoint's carried spends and lumps (entry ids
/// `None` for lumps). Stale when the checkpoint does not fit the records, or `extra` is not
/// after it.
pub fn build_from(
    platform: Option<&Platform>,
    records: &LedgerRecords,
    offset: &FixedOffset,
    as_of: DateTime<Utc>,
    extra: Option<Spend>,
    checkpoint: Option<&Checkpoint>,
) -> Result<Resume<Option<Built>>> {
    build_upto(platform, records, offset, as_of, extra, checkpoint, None)
}

/// [`build_from`], leaving out the spends (entries and negative adjustments) after `upto`.
fn build_upto(
    platform: Option<&Platform>,
    records: &LedgerRecords,
    offset: &FixedOffset,
    as_of: DateTime<Utc>,
    extra: Option<Spend>,
    checkpoint: Option<&Checkpoint>,
    upto: Option<DateTime<Utc>>,
) -> Result<Resume<Option<Built>>> {
    let Some(inputs) = inputs(platform, records, offset, as_of, upto)? else {
        return Ok(match checkpoint {
            None => Resume::Done(None),
            // No ledger at all now (its plan, top-ups and adjustments are gone).
            Some(_) => Resume::Stale("the platform has no ledger".to_string()),
        });
    };
    let Some(cp) = checkpoint else {
        return Ok(Resume::Done(Some(full(inputs, as_of, extra)?)));
    };
    if cp.context != context(inputs.start) {
        return Ok(Resume::Stale("the ledger's start moved".to_string()));
    }
    let mut adjustments = Vec::new();
    let mut after = Vec::new();
    for s in inputs.spends {
        if s.at > cp.at {
            after.push(s);
        } else if s.entry_id.is_none() {
            adjustments.push(s);
        } else {
            bail!(
                "{} is in the checkpoint at {}: it must not be read again",
                s.label,
                cp.at
            );
        }
    }
    let has_extra = extra.is_some();
    after.extend(extra);
    let ledger = match compute_from(cp, inputs.grants, adjustments, after, as_of)? {
        Resumed::Ledger(l) => *l,
        Resumed::Stale(why) => return Ok(Resume::Stale(why)),
    };
    let mut entry_ids: Vec<Option<i64>> = ledger.spends.iter().map(|s| s.entry_id).collect();
    if has_extra {
        if let Some(last) = entry_ids.last_mut() {
            *last = None;
        }
    }
    Ok(Resume::Done(Some(Built {
        ledger,
        start: inputs.start,
        next_renewal: inputs.next_renewal,
        notes: inputs.notes,
        entry_ids,
    })))
}

/// The checkpoint of the platform's ledger at `at` (`None`: the platform has no ledger).
/// `records.spends` holds the entries made by `at` (later ones are left out); with
/// `previous` (an earlier checkpoint), only those after it. Stale when `previous` does not fit: read every entry
/// by `at` and call again without it.
pub fn checkpoint_at(
    platform: Option<&Platform>,
    records: &LedgerRecords,
    offset: &FixedOffset,
    at: DateTime<Utc>,
    previous: Option<&Checkpoint>,
) -> Result<Resume<Option<Checkpoint>>> {
    if let Some(p) = previous {
        if p.at > at {
            return Ok(Resume::Stale(format!(
                "the previous checkpoint is after {at}"
            )));
        }
    }
    let built = match build_upto(platform, records, offset, at, None, previous, Some(at))? {
        Resume::Done(Some(b)) => b,
        Resume::Done(None) => return Ok(Resume::Done(None)),
        Resume::Stale(why) => return Ok(Resume::Stale(why)),
    };
    let mut cp = built.ledger.checkpoint(at)?;
    cp.context = context(built.start);
    Ok(Resume::Done(Some(cp)))
}

/// What a checkpoint made here depends on beyond its grants and adjustments: the start,
/// which decides the entries that are spends (one moved without changing a grant when the
/// platform has no pricing table).
fn context(start: DateTime<Utc>) -> String {
    format!("start {}", start.to_rfc3339())
}

/// A platform's grants and stored spends (in replay order), before any extra spend.
struct Inputs {
    start: DateTime<Utc>,
    grants: Vec<Grant>,
    spends: Vec<Spend>,
    entry_ids: Vec<Option<i64>>,
    next_renewal: Option<Renewal>,
    notes: Vec<String>,
}

fn inputs(
    platform: Option<&Platform>,
    records: &LedgerRecords,
    offset: &FixedOffset,
    as_of: DateTime<Utc>,
    upto: Option<DateTime<Utc>>,
) -> Result<Option<Inputs>> {
    // A spend after `upto` is left out (a checkpoint at `upto` is made without it).
    let kept = |at: DateTime<Utc>| upto.is_none_or(|u| at <= u);
    let Some(start) = start(records, offset)? else {
        return Ok(None);
    };
    let mut notes = Vec::new();
    let mut grants: Vec<Grant> = Vec::new();
    let mut next_renewal = None;

    if !records.changes.is_empty() {
        match platform {
            Some(p) => {
                // Each change's plan as the user pays for it (`account set --price`).
                let plans: Vec<Option<crate::pricing::Plan>> = records
                    .changes
                    .iter()
                    .map(|c| {
                        p.plan(&c.plan)
                            .ok()
                            .map(|pl| pl.with_terms(c.billing, c.terms.price, c.terms.credits))
                    })
                    .collect();
                let changes: Vec<PlanChange> = records
                    .changes
                    .iter()
                    .zip(&plans)
                    .map(|(c, plan)| PlanChange {
                        plan: plan.as_ref(),
                        plan_id: c.plan.clone(),
                        billing: c.billing,
                        effective_on: c.effective_on,
                        renews_on: c.renews_on.map(u32::from),
                        subscribed_on: c.subscribed_on,
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
        let label = match &t.pack {
            Some(id) => {
                let name = platform
                    .and_then(|p| p.pack(id).ok())
                    .map_or_else(|| id.clone(), |pack| pack.name.clone());
                format!("{name} (top-up #{})", t.id)
            }
            None => format!("top-up #{}", t.id),
        };
        grants.push(Grant {
            id: format!("topup:{}", t.id),
            source: Source::Pack,
            label,
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
        } else if kept(a.at) {
            spends.push((
                a.at,
                1,
                a.id,
                Spend {
                    entry_id: None,
                    label: format!("adjustment #{}: {}", a.id, a.note),
                    at: a.at,
                    // A negative adjustment spends its magnitude (`abs` cannot overflow:
                    // a Decimal keeps its sign apart from its digits).
                    credits: a.credits.abs(),
                    refunded_at: None,
                },
            ));
        }
    }
    for e in records
        .spends
        .iter()
        .filter(|e| e.at >= start && kept(e.at))
    {
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
    let entry_ids: Vec<Option<i64>> = spends.iter().map(|s| s.3.entry_id).collect();
    let spends: Vec<Spend> = spends.into_iter().map(|s| s.3).collect();
    Ok(Some(Inputs {
        start,
        grants,
        spends,
        entry_ids,
        next_renewal,
        notes,
    }))
}

#[cfg(test)]
mod tests {
    use super::super::resume::{Head, LUMP_LABEL};
    use super::*;
    use crate::money::Ratio;
    use crate::records::{AccountChange, Adjustment, BillingPeriod, SpendRow, Topup};
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn utc0() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    fn topup(id: i64, at: &str) -> Topup {
        Topup {
            who: Default::default(),
            id,
            platform: "kling".into(),
            pack: Some("50-usd-pack".into()),
            credits: d("3300"),
            bonus: d("200"),
            price: d("50"),
            currency: "USD".into(),
            at: t(at),
            expiry: TopupExpiry::Never,
        }
    }

    fn entry(id: i64, at: &str, credits: &str, status: Status) -> SpendRow {
        SpendRow {
            entry_id: id,
            at: t(at),
            credits: d(credits),
            status,
            refunded_at: None,
        }
    }

    #[test]
    fn the_start_is_the_first_plan_change_else_the_first_record() {
        let mut r = LedgerRecords::default();
        assert_eq!(start(&r, &utc0()).unwrap(), None);
        r.topups.push(topup(1, "2026-11-05T10:00:00Z"));
        r.adjustments.push(Adjustment {
            who: Default::default(),
            id: 1,
            platform: "kling".into(),
            credits: d("10"),
            note: "signup".into(),
            at: t("2026-11-03T10:00:00Z"),
        });
        assert_eq!(start(&r, &utc0()).unwrap(), Some(t("2026-11-03T10:00:00Z")));
        r.changes.push(AccountChange {
            who: Default::default(),
            platform: "kling".into(),
            plan: "standard".into(),
            billing: BillingPeriod::Monthly,
            effective_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            renews_on: None,
            terms: Default::default(),
            subscribed_on: None,
        });
        assert_eq!(start(&r, &utc0()).unwrap(), Some(t("2026-11-01T00:00:00Z")));
    }

    #[test]
    fn records_become_grants_and_spends() {
        let r = LedgerRecords {
            topups: vec![topup(1, "2026-11-01T10:00:00Z")],
            adjustments: vec![
                Adjustment {
                    who: Default::default(),
                    id: 1,
                    platform: "kling".into(),
                    credits: d("-100"),
                    note: "correction".into(),
                    at: t("2026-11-02T10:00:00Z"),
                },
                Adjustment {
                    who: Default::default(),
                    id: 2,
                    platform: "kling".into(),
                    credits: d("66"),
                    note: "daily reward".into(),
                    at: t("2026-11-02T11:00:00Z"),
                },
            ],
            spends: vec![
                // Before the start (the first top-up): history, not a spend.
                entry(1, "2026-10-30T10:00:00Z", "500", Status::Ok),
                entry(2, "2026-11-03T10:00:00Z", "400", Status::Failed),
                // Refunded with no time kept: back at its own time.
                entry(3, "2026-11-04T10:00:00Z", "1000", Status::Refunded),
            ],
            ..LedgerRecords::default()
        };
        let built = build(None, &r, &utc0(), t("2026-11-10T00:00:00Z"), None)
            .unwrap()
            .unwrap();
        let l = &built.ledger;
        // 3,300 + 200 bonus at $50: $1/70 a credit.
        assert_eq!(l.grants[0].credits, d("3500"));
        assert_eq!(l.grants[0].price_per_credit, Some(Ratio::new(1, 70)));
        assert_eq!(l.grants[0].label, "50-usd-pack (top-up #1)");
        assert_eq!(l.grants[1].source, Source::Adjustment);
        assert_eq!(l.grants[1].price_per_credit, Some(Ratio::from_integer(0)));
        assert_eq!(built.entry_ids, vec![None, Some(2), Some(3)]);
        assert_eq!(l.spends[0].credits, d("100"));
        // 3,500 + 66 − 100 − 400 (failed: still charged); the refund nets to 0.
        assert_eq!(l.totals.available, d("3066"));
        assert_eq!(l.totals.refunded, d("1000"));
    }

    #[test]
    fn an_extra_spend_comes_after_everything_at_its_time() {
        let r = LedgerRecords {
            topups: vec![topup(1, "2026-11-01T10:00:00Z")],
            spends: vec![entry(1, "2026-11-03T10:00:00Z", "3400", Status::Ok)],
            ..LedgerRecords::default()
        };
        let extra = Spend {
            entry_id: None,
            label: "this generation".into(),
            at: t("2026-11-03T10:00:00Z"),
            credits: d("150"),
            refunded_at: None,
        };
        let built = build(None, &r, &utc0(), t("2026-11-03T10:00:00Z"), Some(extra))
            .unwrap()
            .unwrap();
        let l = &built.ledger;
        assert_eq!(l.spends.len(), 2);
        assert_eq!(l.spend_deficit(1), d("50"), "the logged entry went first");
        assert_eq!(l.totals.available, d("-50"));
    }

    /// Records with a deficit, a refund after the checkpoint and adjustments on both sides.
    fn history() -> LedgerRecords {
        let adjustment = |id: i64, credits: &str, at: &str| Adjustment {
            who: Default::default(),
            id,
            platform: "kling".into(),
            credits: d(credits),
            note: format!("note {id}"),
            at: t(at),
        };
        let mut refunded = entry(3, "2026-11-04T10:00:00Z", "900", Status::Refunded);
        refunded.refunded_at = Some(t("2026-11-12T10:00:00Z"));
        LedgerRecords {
            topups: vec![
                topup(1, "2026-11-01T10:00:00Z"),
                topup(2, "2026-11-15T10:00:00Z"),
            ],
            adjustments: vec![
                adjustment(1, "-100", "2026-11-02T10:00:00Z"),
                adjustment(2, "66", "2026-11-03T10:00:00Z"),
                adjustment(3, "-10", "2026-11-16T10:00:00Z"),
            ],
            spends: vec![
                entry(1, "2026-11-03T10:00:00Z", "2000", Status::Ok),
                entry(2, "2026-11-04T10:00:00Z", "400", Status::Failed),
                refunded,
                entry(4, "2026-11-05T10:00:00Z", "1000", Status::Ok),
                entry(5, "2026-11-11T10:00:00Z", "300", Status::Ok),
                entry(6, "2026-11-16T10:00:00Z", "50", Status::Refunded),
            ],
            ..LedgerRecords::default()
        }
    }

    /// `records` with only the entries in `(after, upto]`.
    fn entries(records: &LedgerRecords, after: &str, upto: &str) -> LedgerRecords {
        let mut r = records.clone();
        r.spends.retain(|e| e.at > t(after) && e.at <= t(upto));
        r
    }

    fn made(r: Resume<Option<Checkpoint>>) -> Checkpoint {
        match r {
            Resume::Done(Some(cp)) => cp,
            other => panic!("{other:?}"),
        }
    }

    const BEGIN: &str = "2000-01-01T00:00:00Z";
    const END: &str = "2100-01-01T00:00:00Z";

    #[test]
    fn building_from_a_checkpoint_equals_building_from_every_record() {
        let r = history();
        let (at, as_of) = ("2026-11-10T00:00:00Z", t("2026-11-20T00:00:00Z"));
        let extra = Spend {
            entry_id: None,
            label: "this generation".into(),
            at: as_of,
            credits: d("5000"),
            refunded_at: None,
        };
        let full = build(None, &r, &utc0(), as_of, Some(extra.clone()))
            .unwrap()
            .unwrap();
        let cp = made(checkpoint_at(None, &entries(&r, BEGIN, at), &utc0(), t(at), None).unwrap());
        let after = entries(&r, at, END);
        let Resume::Done(Some(resumed)) =
            build_from(None, &after, &utc0(), as_of, Some(extra), Some(&cp)).unwrap()
        else {
            panic!("stale");
        };
        let (l, f) = (&resumed.ledger, &full.ledger);
        assert_eq!(l.totals, f.totals);
        assert_eq!(l.grant_states, f.grant_states);
        assert_eq!(l.lost_on_refund().unwrap(), f.lost_on_refund().unwrap());
        // Entry 3 is carried (refunded after T); entries 1, 2 and 4 and adjustment 1 are in
        // the sums, and what they owe (834) in a lump; then the spends after T by time
        // (an entry before an adjustment at the same time), then the extra spend.
        assert_eq!(
            resumed.entry_ids,
            vec![Some(3), None, Some(5), Some(6), None, None]
        );
        assert_eq!(l.spends[1].label, LUMP_LABEL);
        assert!(matches!(cp.head[1], Head::Lump { owed, .. } if owed == d("834")));
        // Top-up 2 paid it off after T.
        assert_eq!(l.spend_deficit(1), Decimal::ZERO);
        let n = f.spends.len();
        for k in 1..=4 {
            let (i, j) = (n - k, l.spends.len() - k);
            assert_eq!(full.entry_ids[i], resumed.entry_ids[j]);
            assert_eq!(f.spend_states[i], l.spend_states[j]);
        }

        // A checkpoint made from this one is the one made from every record.
        let later = "2026-11-18T00:00:00Z";
        let chained = checkpoint_at(None, &entries(&r, at, later), &utc0(), t(later), Some(&cp));
        let direct = checkpoint_at(None, &entries(&r, BEGIN, later), &utc0(), t(later), None);
        assert_eq!(made(chained.unwrap()), made(direct.unwrap()));

        // No checkpoint: `build`.
        let Resume::Done(Some(plain)) = build_from(None, &r, &utc0(), as_of, None, None).unwrap()
        else {
            panic!("no ledger");
        };
        assert_eq!(
            plain.entry_ids,
            build(None, &r, &utc0(), as_of, None)
                .unwrap()
                .unwrap()
                .entry_ids
        );
    }

    #[test]
    fn a_checkpoint_that_no_longer_fits_the_records_is_stale() {
        let r = history();
        let (at, as_of) = ("2026-11-10T00:00:00Z", t("2026-11-20T00:00:00Z"));
        let cp = made(checkpoint_at(None, &entries(&r, BEGIN, at), &utc0(), t(at), None).unwrap());
        let stale = |records: &LedgerRecords| {
            let after = entries(records, at, END);
            let r = build_from(None, &after, &utc0(), as_of, None, Some(&cp)).unwrap();
            matches!(r, Resume::Stale(_))
        };
        assert!(!stale(&r));
        let mut changed = r.clone();
        changed.adjustments[0].credits = d("-101");
        assert!(stale(&changed), "a negative adjustment changed");
        let mut changed = r.clone();
        changed.topups[0].credits = d("3301");
        assert!(stale(&changed), "a top-up changed");
        let mut changed = r.clone();
        changed.topups.remove(0);
        assert!(stale(&changed), "a top-up removed");
        // A plan with no pricing table grants nothing, but moves the start.
        let mut changed = r.clone();
        changed.changes.push(AccountChange {
            who: Default::default(),
            platform: "kling".into(),
            plan: "standard".into(),
            billing: BillingPeriod::Monthly,
            effective_on: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            renews_on: None,
            terms: Default::default(),
            subscribed_on: None,
        });
        assert!(stale(&changed), "the start moved");
        // An extra spend by the checkpoint's time cannot be resumed.
        let extra = Spend {
            entry_id: None,
            label: "backdated".into(),
            at: t("2026-11-09T00:00:00Z"),
            credits: d("1"),
            refunded_at: None,
        };
        let after = entries(&r, at, END);
        let res = build_from(None, &after, &utc0(), as_of, Some(extra), Some(&cp)).unwrap();
        assert!(matches!(res, Resume::Stale(_)));
        // Entries the checkpoint holds must not be passed again.
        assert!(build_from(None, &r, &utc0(), as_of, None, Some(&cp)).is_err());
    }
}
