//! Checkpoints against a full replay, through the workflows users run: logs (many of them
//! back-dated), refunds, removals, top-ups, adjustments and plan changes in random order,
//! with a checkpoint every 3 entries. After every write, the balance read from the newest
//! checkpoint that fits must be the balance replayed from every entry.

use super::*;
use crate::ops::entries::{self, LogRequest, StatusAction};
use crate::ops::pricing::PriceRequest;
use crate::ops::{balances, Session};
use chrono::{FixedOffset, NaiveDate, TimeZone};
use credits_core::cost::Request;
use credits_core::pricing::catalog::Catalog;
use credits_core::records::{
    AccountChange, Adjustment, BillingPeriod, PlanTerms, Topup, TopupExpiry,
};
use proptest::prelude::*;
use tempfile::TempDir;

/// One write, at a time counted in hours from 2026-01-01T00:00Z.
#[derive(Clone, Debug)]
enum Op {
    Log {
        hours: u32,
        credits: u32,
    },
    Refund {
        pick: usize,
        later: u32,
    },
    Remove {
        pick: usize,
    },
    Topup {
        hours: u32,
        credits: u32,
        expires: bool,
    },
    Adjust {
        hours: u32,
        credits: i32,
    },
    Plan {
        day: u32,
        pro: bool,
    },
    /// `topup rm`, `adjust rm` or `account rm` (forced) of one recorded.
    Undo {
        pick: usize,
        kind: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => (0u32..1500, 1u32..400).prop_map(|(hours, credits)| Op::Log { hours, credits }),
        2 => (0usize..100, 0u32..300).prop_map(|(pick, later)| Op::Refund { pick, later }),
        1 => (0usize..100).prop_map(|pick| Op::Remove { pick }),
        1 => (0u32..1500, 50u32..3000, any::<bool>())
            .prop_map(|(hours, credits, expires)| Op::Topup { hours, credits, expires }),
        1 => (0u32..1500, -300i32..300)
            .prop_filter("an adjustment is never 0", |(_, c)| *c != 0)
            .prop_map(|(hours, credits)| Op::Adjust { hours, credits }),
        1 => (0u32..60, any::<bool>()).prop_map(|(day, pro)| Op::Plan { day, pro }),
        1 => (0usize..100, 0u8..3).prop_map(|(pick, kind)| Op::Undo { pick, kind }),
    ]
}

fn time(hours: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap() + Duration::hours(i64::from(hours))
}

/// A session whose clock reads `now` (the writes' "now" moves on as the history goes).
fn session(dir: &TempDir, now: DateTime<Utc>) -> Session {
    let offset = FixedOffset::east_opt(3600).unwrap();
    Session::new(
        Catalog::builtin(),
        now.with_timezone(&offset),
        Some(dir.path().join("credits.db")),
    )
}

/// Runs one write; refusals (a refund before its entry, a time before the account) are
/// part of the history too: they must change nothing.
fn apply(dir: &TempDir, now: DateTime<Utc>, op: &Op, ids: &mut Vec<i64>) {
    let s = session(dir, now);
    let offset = s.offset();
    let runway = s.catalog.platform("runway").unwrap().clone();
    match op {
        Op::Log { hours, credits } => {
            let at = time(*hours).min(now).with_timezone(&offset);
            let req = LogRequest {
                price: PriceRequest {
                    platform: "runway".into(),
                    model: "gen-4".into(),
                    request: Request {
                        duration: Some(5.into()),
                        count: 1,
                        ..Request::default()
                    },
                    credits: Some((*credits).into()),
                    at: Some(at),
                    ..PriceRequest::default()
                },
                ..LogRequest::default()
            };
            if let Ok(logged) = entries::log(&s, &req) {
                ids.push(logged.entry.id);
            }
        }
        Op::Refund { pick, later } => {
            if let Some(id) = ids.get(pick % ids.len().max(1)) {
                let store = s.store().unwrap();
                if let Some(e) = store.get(*id).unwrap() {
                    let at = (e.at.with_timezone(&Utc) + Duration::hours(i64::from(*later)))
                        .min(now)
                        .with_timezone(&offset);
                    let _ = entries::change_status(
                        &s,
                        *id,
                        StatusAction::Refund {
                            at: Some(at),
                            force: true,
                        },
                    );
                }
            }
        }
        Op::Remove { pick } => {
            if !ids.is_empty() {
                let id = ids.remove(pick % ids.len());
                let _ = entries::remove(&s, id);
            }
        }
        Op::Topup {
            hours,
            credits,
            expires,
        } => {
            let at = time(*hours).min(now);
            let topup = Topup {
                who: Default::default(),
                id: 0,
                platform: "runway".into(),
                pack: None,
                credits: (*credits).into(),
                bonus: 0.into(),
                price: 10.into(),
                currency: "USD".into(),
                at,
                expiry: if *expires {
                    TopupExpiry::At(at + Duration::days(20))
                } else {
                    TopupExpiry::Never
                },
            };
            let _ = balances::record_topup(&s, &runway, &topup);
        }
        Op::Adjust { hours, credits } => {
            let adjustment = Adjustment {
                who: Default::default(),
                id: 0,
                platform: "runway".into(),
                credits: (*credits).into(),
                note: "test".into(),
                at: time(*hours).min(now),
            };
            let _ = balances::record_adjustment(&s, &runway, &adjustment, true);
        }
        Op::Plan { day, pro } => {
            let change = AccountChange {
                who: Default::default(),
                platform: "runway".into(),
                plan: if *pro { "pro" } else { "standard" }.into(),
                billing: BillingPeriod::Monthly,
                effective_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                    + Duration::days(i64::from(*day)),
                renews_on: None,
                terms: PlanTerms::default(),
                // Some changes are said to begin a subscription, so a replay from a
                // checkpoint meets first-period promotions too.
                subscribed_on: (*day % 3 == 0).then(|| {
                    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(i64::from(*day))
                }),
            };
            let _ = balances::set_plan(&s, &change);
        }
        Op::Undo { pick, kind } => {
            let Some(store) = s.existing_store().unwrap() else {
                return;
            };
            match kind {
                0 => {
                    let all = store.topups(None).unwrap();
                    if let Some(t) = all.get(pick % all.len().max(1)) {
                        let _ = balances::remove_topup(&s, t.id, true);
                    }
                }
                1 => {
                    let all = store.adjustments(None).unwrap();
                    if let Some(a) = all.get(pick % all.len().max(1)) {
                        let _ = balances::remove_adjustment(&s, a.id, true);
                    }
                }
                _ => {
                    let all = store.account_changes(None).unwrap();
                    if let Some(c) = all.get(pick % all.len().max(1)) {
                        let _ = balances::remove_plan_change(&s, "runway", c.effective_on, true);
                    }
                }
            }
        }
    }
}

/// The balance as of `as_of` with a spend of 7 credits at that time, read as the commands
/// read it (from a checkpoint when one fits) and replayed from every entry; they must agree.
/// Returns whether a checkpoint was used.
fn agree(dir: &TempDir, now: DateTime<Utc>, as_of: DateTime<Utc>) -> bool {
    let s = session(dir, now);
    let Ok(store) = s.existing_store() else {
        return false;
    };
    let Some(store) = store else { return false };
    let runway = s.catalog.platform("runway").unwrap();
    let records = records(&store, "runway").unwrap();
    let extra = || {
        Some(Spend {
            entry_id: None,
            label: "extra".into(),
            at: as_of,
            credits: 7.into(),
            refunded_at: None,
        })
    };
    let quick = build(&s, &store, runway, &records, as_of, extra()).unwrap();
    let mut all = records.clone();
    if let Some(start) = build::start(&records, &s.offset()).unwrap() {
        all.spends = store.ledger_spends("runway", start, None, None).unwrap();
    }
    let full = build::build(Some(runway), &all, &s.offset(), as_of, extra()).unwrap();
    match (quick, full) {
        (None, None) => false,
        (Some(q), Some(f)) => {
            let (q, f) = (&q.ledger, &f.ledger);
            assert_eq!(q.totals, f.totals, "as of {as_of}");
            assert_eq!(
                q.available_by_source().unwrap(),
                f.available_by_source().unwrap()
            );
            assert_eq!(q.next_expiry().unwrap(), f.next_expiry().unwrap());
            assert_eq!(q.lost_on_refund().unwrap(), f.lost_on_refund().unwrap());
            let (qi, fi) = (q.spends.len() - 1, f.spends.len() - 1);
            assert_eq!(q.spend_money(qi).unwrap(), f.spend_money(fi).unwrap());
            assert_eq!(q.spend_deficit(qi), f.spend_deficit(fi));
            q.base.is_some()
        }
        (q, f) => panic!(
            "one has a ledger, the other not: {:?} {:?}",
            q.is_some(),
            f.is_some()
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("CHECKPOINT_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(12),
        ..ProptestConfig::default()
    })]

    /// The property of issue 12: random histories with back-dated writes, checked after
    /// every write, as of now and as of an earlier time.
    #[test]
    fn a_checkpointed_balance_equals_a_full_replay(
        ops in prop::collection::vec(op(), 10..45),
        back in 0u32..900,
    ) {
        let dir = TempDir::new().unwrap();
        let mut ids = Vec::new();
        for (i, op) in ops.iter().enumerate() {
            // "now" moves on 40 hours a write, so most logs are back-dated some way.
            let now = time(100 + 40 * i as u32);
            apply(&dir, now, op, &mut ids);
            agree(&dir, now, now);
            agree(&dir, now, now - Duration::hours(i64::from(back)));
        }
    }
}

/// Checkpoints are made and used: a year of logs reads back only the entries since the
/// newest checkpoint, and a back-dated log deletes the ones after it in its own write.
#[test]
fn a_balance_reads_only_the_entries_since_the_newest_checkpoint() {
    let dir = TempDir::new().unwrap();
    let mut ids = Vec::new();
    let plan = Op::Plan { day: 0, pro: true };
    apply(&dir, time(10), &plan, &mut ids);
    for i in 0..40 {
        let op = Op::Log {
            hours: 24 * i,
            credits: 10,
        };
        apply(&dir, time(24 * i + 2), &op, &mut ids);
    }
    let now = time(24 * 40);
    assert!(agree(&dir, now, now), "the newest checkpoint was not used");
    let s = session(&dir, now);
    let store = s.existing_store().unwrap().unwrap();
    let records = records(&store, "runway").unwrap();
    let runway = s.catalog.platform("runway").unwrap();
    let built = build(&s, &store, runway, &records, now, None)
        .unwrap()
        .unwrap();
    assert!(
        built.ledger.spends.len() <= CHECKPOINT_EVERY as usize + 1,
        "{} spends replayed",
        built.ledger.spends.len()
    );
    let newest = |store: &Store| {
        store
            .ledger_checkpoints("runway", DateTime::<Utc>::MAX_UTC, None, 1)
            .unwrap()
            .pop()
            .map(|(at, _)| at)
    };
    let before = newest(&store).unwrap();
    assert!(before > time(24 * 30), "checkpoints stop at {before}");
    // A log dated 20 days ago: the checkpoints after it go, new ones are made from the one
    // before it, and the balance still agrees with a full replay.
    let back = Op::Log {
        hours: 24 * 20 + 5,
        credits: 100,
    };
    apply(&dir, now, &back, &mut ids);
    assert!(agree(&dir, now, now));
    assert!(agree(&dir, now, time(24 * 25)));
}
