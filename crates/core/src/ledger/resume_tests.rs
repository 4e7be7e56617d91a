//! Checkpoints: resuming from one equals replaying everything, on generated histories
//! (proptest) and on the cases that must be refused or detected as stale.
//!
//! `cargo test` runs 256 generated cases per property; a long run:
//! `RESUME_CASES=2000 cargo test --lib ledger::resume`.

// Test arithmetic on small generated numbers: an overflow here is a test bug, not input.
#![allow(clippy::arithmetic_side_effects)]

use super::super::{compute, Expires, Grant, Ledger, Source, Spend};
use super::*;
use crate::money::Ratio;
use chrono::Duration;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("RESUME_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-01T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// `m` minutes after the start of the generated histories.
fn min(m: i64) -> DateTime<Utc> {
    t0() + Duration::minutes(m)
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn grant(id: &str, credits: &str, at: i64, expires: Expires) -> Grant {
    Grant {
        id: id.into(),
        source: Source::Pack,
        label: id.into(),
        credits: d(credits),
        at: min(at),
        expires,
        price_per_credit: Some(Ratio::new(1, 10)),
    }
}

fn spend(id: Option<i64>, at: i64, credits: &str, refund: Option<i64>) -> Spend {
    Spend {
        entry_id: id,
        label: id.map_or("adjustment".to_string(), |i| format!("entry #{i}")),
        at: min(at),
        credits: d(credits),
        refunded_at: refund.map(min),
    }
}

/// A generated history: grants (in list order, not time order) and spends (time order).
#[derive(Clone, Debug)]
struct History {
    grants: Vec<Grant>,
    spends: Vec<Spend>,
}

fn a_grant() -> impl Strategy<Value = (u8, u8, i64, u8, i64, bool, u8)> {
    (
        0u8..4,   // source
        0u8..12,  // credits bucket
        0i64..90, // arrives
        0u8..4,   // expiry: at (twice as likely), never, unknown
        1i64..60, // lasts
        any::<bool>(),
        1u8..20, // price: 1 / this
    )
}

fn a_spend() -> impl Strategy<Value = (i64, u16, u8, i64, u8)> {
    (
        0i64..100, // at: few distinct minutes, so that ties happen
        0u16..400, // credits
        0u8..6,    // 0: not refunded... see below
        -5i64..60, // refund delay (negative: clamped to the spend's time)
        0u8..8,    // 0: a negative adjustment
    )
}

fn history() -> impl Strategy<Value = History> {
    (
        proptest::collection::vec(a_grant(), 0..7),
        proptest::collection::vec(a_spend(), 0..30),
    )
        .prop_map(|(gs, ss)| {
            let grants = gs
                .into_iter()
                .enumerate()
                .map(|(i, (source, bucket, at, kind, lasts, priced, price))| {
                    // Zero-credit grants, small ones that deficits outrun, big ones that
                    // settle them; some with decimals.
                    let credits = match bucket {
                        0 | 1 => Decimal::ZERO,
                        2 => Decimal::new(255, 1),
                        3..=6 => Decimal::from(100),
                        7..=9 => Decimal::from(500),
                        _ => Decimal::from(3000),
                    };
                    Grant {
                        id: format!("g{i}"),
                        source: Source::ALL[usize::from(source)],
                        label: format!("grant {i}"),
                        credits,
                        at: min(at),
                        expires: match kind {
                            0 | 1 => Expires::At(min(at + lasts)),
                            2 => Expires::Never,
                            _ => Expires::Unknown,
                        },
                        price_per_credit: priced.then(|| Ratio::new(1, i128::from(price))),
                    }
                })
                .collect();
            let mut spends: Vec<Spend> = ss
                .into_iter()
                .enumerate()
                .map(|(i, (at, credits, refund, delay, kind))| {
                    let entry = kind != 0;
                    let id = i64::try_from(i).unwrap() + 1;
                    Spend {
                        entry_id: entry.then_some(id),
                        label: if entry {
                            format!("entry #{id}")
                        } else {
                            format!("adjustment #{id}")
                        },
                        at: min(at),
                        credits: Decimal::new(i64::from(credits), u32::from(credits % 3 == 0)),
                        // Adjustments are never refunded in the store; the pure ledger
                        // allows it, so some are.
                        refunded_at: (refund < 2 || (refund == 2 && !entry))
                            .then(|| min(at + delay)),
                    }
                })
                .collect();
            // Time order, as `build` gives (the sort is stable: ties keep their order).
            spends.sort_by_key(|s| s.at);
            History { grants, spends }
        })
}

/// The spends made by `at`: all, those without an entry, and those after.
fn split(spends: &[Spend], at: DateTime<Utc>) -> (Vec<Spend>, Vec<Spend>, Vec<Spend>) {
    let upto: Vec<Spend> = spends.iter().filter(|s| s.at <= at).cloned().collect();
    let adjustments = upto
        .iter()
        .filter(|s| s.entry_id.is_none())
        .cloned()
        .collect();
    let after = spends.iter().filter(|s| s.at > at).cloned().collect();
    (upto, adjustments, after)
}

fn checkpoint_of(h: &History, at: DateTime<Utc>) -> Checkpoint {
    let (upto, _, _) = split(&h.spends, at);
    compute(h.grants.clone(), upto, at)
        .unwrap()
        .checkpoint(at)
        .unwrap()
}

/// Far after every generated time: `resume` keeps every spend after the checkpoint.
const EVER: DateTime<Utc> = DateTime::<Utc>::MAX_UTC;

/// The ledger as of `as_of` resumed from `cp`, with the spends after it made by `to`.
fn resume(
    cp: &Checkpoint,
    h: &History,
    to: DateTime<Utc>,
    as_of: DateTime<Utc>,
    extra: Option<Spend>,
) -> Ledger {
    let (_, adjustments, after) = split(&h.spends, cp.at);
    let after: Vec<Spend> = after
        .into_iter()
        .filter(|s| s.at <= to)
        .chain(extra)
        .collect();
    match compute_from(cp, h.grants.clone(), adjustments, after, as_of).unwrap() {
        Resumed::Ledger(l) => *l,
        Resumed::Stale(why) => panic!("stale: {why}"),
    }
}

/// Pairs (index in `full`, index in `resumed`) of the spends both keep: those carried by a
/// checkpoint at `at`, then those after it (and an extra spend, last in both).
fn pairs(full: &Ledger, resumed: &Ledger, at: DateTime<Utc>) -> Vec<(usize, usize)> {
    let head = resumed.base.as_ref().unwrap().head;
    let carried_full = full
        .spends
        .iter()
        .enumerate()
        .filter(|(_, s)| s.at <= at && s.refunded_at.is_some_and(|r| r.max(s.at) > at))
        .map(|(i, _)| i);
    let carried_resumed = (0..head).filter(|&i| resumed.spends[i].label != LUMP_LABEL);
    let mut out: Vec<(usize, usize)> = carried_full.zip(carried_resumed).collect();
    let upto = full.spends.iter().filter(|s| s.at <= at).count();
    assert_eq!(full.spends.len() - upto, resumed.spends.len() - head);
    out.extend((upto..full.spends.len()).zip(head..resumed.spends.len()));
    out
}

fn assert_same(full: &Ledger, resumed: &Ledger, at: DateTime<Utc>) {
    assert_eq!(full.totals, resumed.totals, "totals");
    assert_eq!(full.grant_states, resumed.grant_states, "grant states");
    assert_eq!(
        full.available_by_source().unwrap(),
        resumed.available_by_source().unwrap()
    );
    assert_eq!(full.next_expiry().unwrap(), resumed.next_expiry().unwrap());
    assert_eq!(full.live_grants(), resumed.live_grants());
    assert_eq!(
        full.lost_on_refund().unwrap(),
        resumed.lost_on_refund().unwrap()
    );
    let carried = full
        .spends
        .iter()
        .filter(|s| s.at <= at && s.refunded_at.is_some_and(|r| r.max(s.at) > at))
        .count();
    let pairs = pairs(full, resumed, at);
    assert_eq!(
        pairs.len(),
        carried + full.spends.iter().filter(|s| s.at > at).count()
    );
    for (f, r) in pairs {
        assert_eq!(full.spends[f], resumed.spends[r], "spend {f}");
        // The grant list is the same, so allocations by index are allocations by grant id.
        assert_eq!(full.spend_states[f], resumed.spend_states[r], "spend {f}");
        assert_eq!(
            full.spend_money(f).unwrap(),
            resumed.spend_money(r).unwrap()
        );
        assert_eq!(full.spend_deficit(f), resumed.spend_deficit(r));
    }
}

fn extra_spend(at: DateTime<Utc>, credits: u16) -> Spend {
    Spend {
        entry_id: None,
        label: "this generation".into(),
        at,
        credits: Decimal::from(credits),
        refunded_at: None,
    }
}

proptest! {
    #![proptest_config(config())]

    /// Replaying everything as of `as_of` equals resuming, from the checkpoint of the
    /// ledger as of T, with the spends after T (and an extra spend at `as_of`, last).
    #[test]
    fn resuming_from_a_checkpoint_equals_replaying_everything(
        h in history(),
        at in 0i64..110,
        later in prop_oneof![Just(0i64), 0i64..50],
        extra in proptest::option::of(0u16..300),
    ) {
        let (at, as_of) = (min(at), min(at + later));
        let cp = checkpoint_of(&h, at);
        let json = serde_json::to_string(&cp).unwrap();
        prop_assert_eq!(&serde_json::from_str::<Checkpoint>(&json).unwrap(), &cp);

        // An extra spend at the checkpoint's own time cannot be resumed: it would go
        // among the events already replayed at that instant.
        let extra = extra.map(|c| extra_spend(as_of, c));
        if extra.is_some() && as_of == at {
            let (_, adjustments, after) = split(&h.spends, at);
            let after = after.into_iter().chain(extra).collect();
            let r = compute_from(&cp, h.grants.clone(), adjustments, after, as_of).unwrap();
            prop_assert!(matches!(r, Resumed::Stale(_)));
            return Ok(());
        }
        let all: Vec<Spend> = h.spends.iter().cloned().chain(extra.clone()).collect();
        let full = compute(h.grants.clone(), all, as_of).unwrap();
        let resumed = resume(&cp, &h, EVER, as_of, extra);
        assert_same(&full, &resumed, at);
    }

    /// A checkpoint at T2 made by resuming from one at T1 is the one made by replaying
    /// everything up to T2; and resuming from it still equals replaying everything.
    #[test]
    fn a_checkpoint_made_from_a_checkpoint_equals_one_made_by_replaying_everything(
        h in history(),
        first in 0i64..100,
        gap in prop_oneof![Just(0i64), 0i64..40],
        later in 0i64..40,
    ) {
        let (t1, t2, as_of) = (min(first), min(first + gap), min(first + gap + later));
        let cp1 = checkpoint_of(&h, t1);
        let chained = resume(&cp1, &h, t2, t2, None).checkpoint(t2).unwrap();
        prop_assert_eq!(&chained, &checkpoint_of(&h, t2));
        let full = compute(h.grants.clone(), h.spends.clone(), as_of).unwrap();
        assert_same(&full, &resume(&chained, &h, EVER, as_of, None), t2);
    }
}

/// A pack, spent, refunded after T, and a month that expires after T.
fn small() -> History {
    History {
        grants: vec![
            grant("month", "1000", 0, Expires::At(min(100))),
            grant("pack", "500", 10, Expires::Never),
        ],
        spends: vec![
            spend(None, 5, "100", None),
            spend(Some(1), 20, "1200.5", Some(60)),
            spend(Some(2), 30, "50", None),
            spend(Some(3), 70, "10", None),
        ],
    }
}

fn stale(cp: &Checkpoint, grants: Vec<Grant>, adjustments: Vec<Spend>) -> bool {
    let r = compute_from(cp, grants, adjustments, Vec::new(), cp.at).unwrap();
    matches!(r, Resumed::Stale(_))
}

#[test]
fn a_checkpoint_keeps_what_resuming_needs() {
    let h = small();
    let cp = checkpoint_of(&h, min(40));
    assert_eq!(cp.grants.len(), 2);
    assert_eq!(cp.grants[0].state.consumed, d("1000"));
    // Entry 1 is refunded after T: carried, with its parts by grant id.
    let Head::Carried(c) = &cp.head[0] else {
        panic!("{:?}", cp.head);
    };
    assert_eq!(c.spend.entry_id, Some(1));
    assert_eq!(
        c.allocation,
        vec![
            CheckPart {
                grant: Some("month".into()),
                credits: d("900")
            },
            CheckPart {
                grant: Some("pack".into()),
                credits: d("300.5")
            }
        ]
    );
    assert_eq!(cp.head.len(), 1);
    // The adjustment and entry 2 are in the sums only.
    assert_eq!(cp.settled.spent, d("150"));
    assert_eq!(
        cp.settled,
        Settled {
            spent: d("150"),
            refunded: Decimal::ZERO,
            lost: Decimal::ZERO
        }
    );
}

#[test]
fn a_changed_grant_or_adjustment_makes_the_checkpoint_stale() {
    let h = small();
    let cp = checkpoint_of(&h, min(40));
    let adjustments = vec![spend(None, 5, "100", None)];
    assert!(!stale(&cp, h.grants.clone(), adjustments.clone()));

    let mut more = h.grants.clone();
    more[1].credits = d("501");
    assert!(stale(&cp, more, adjustments.clone()), "changed credits");
    let mut moved = h.grants.clone();
    moved[0].expires = Expires::At(min(101));
    assert!(stale(&cp, moved, adjustments.clone()), "changed expiry");
    assert!(
        stale(&cp, h.grants[..1].to_vec(), adjustments.clone()),
        "removed grant"
    );
    let mut added = h.grants.clone();
    added.push(grant("bonus", "10", 39, Expires::Never));
    assert!(stale(&cp, added, adjustments.clone()), "added grant");
    let mut twice = h.grants.clone();
    twice.push(grant("pack", "10", 50, Expires::Never));
    assert!(stale(&cp, twice, adjustments.clone()), "duplicated id");
    // A grant after T is news, not a change.
    let mut later = h.grants.clone();
    later.push(grant("bonus", "10", 41, Expires::Never));
    assert!(!stale(&cp, later, adjustments.clone()));

    assert!(
        stale(&cp, h.grants.clone(), vec![spend(None, 5, "101", None)]),
        "changed adjustment"
    );
    assert!(
        stale(&cp, h.grants.clone(), Vec::new()),
        "removed adjustment"
    );

    let before = compute_from(
        &cp,
        h.grants.clone(),
        adjustments.clone(),
        Vec::new(),
        min(39),
    );
    assert!(
        matches!(before.unwrap(), Resumed::Stale(_)),
        "as of before T"
    );
    let at_t = vec![spend(Some(9), 40, "1", None)];
    let r = compute_from(&cp, h.grants.clone(), adjustments.clone(), at_t, min(50));
    assert!(matches!(r.unwrap(), Resumed::Stale(_)), "a spend at T");
    // An entry passed as an adjustment is the caller's mistake.
    let entry = vec![spend(Some(1), 5, "100", None)];
    assert!(compute_from(&cp, h.grants.clone(), entry, Vec::new(), min(50)).is_err());
}

#[test]
fn only_a_ledger_as_of_the_checkpoint_without_later_spends_gives_one() {
    let h = small();
    let l = compute(h.grants.clone(), h.spends.clone(), min(80)).unwrap();
    assert!(l.checkpoint(min(80)).is_ok());
    assert!(l.checkpoint(min(79)).is_err(), "as of another time");
    let l = compute(h.grants.clone(), h.spends.clone(), min(40)).unwrap();
    assert!(l.checkpoint(min(40)).is_err(), "spends after T");
    let mut unordered = h.spends.clone();
    unordered.swap(0, 1);
    let l = compute(h.grants.clone(), unordered, min(80)).unwrap();
    assert!(l.checkpoint(min(80)).is_err(), "not in time order");
}

#[test]
fn a_checkpoint_survives_json_exactly() {
    let h = small();
    let cp = checkpoint_of(&h, min(40));
    let json = serde_json::to_string(&cp).unwrap();
    // Decimals as exact strings, not floats.
    assert!(json.contains("\"300.5\""), "{json}");
    let back: Checkpoint = serde_json::from_str(&json).unwrap();
    assert_eq!(back, cp);
    let full = compute(h.grants.clone(), h.spends.clone(), min(90)).unwrap();
    assert_same(&full, &resume(&back, &h, EVER, min(90), None), min(40));
}

#[test]
fn a_ledger_in_deep_deficit_gives_a_small_checkpoint() {
    let mut h = History {
        grants: vec![
            grant("month", "100", 0, Expires::At(min(1000))),
            grant("pack", "20000", 50, Expires::Never),
        ],
        spends: (0..10_000)
            .map(|i| {
                let mut s = spend(Some(i + 1), 1, "1", None);
                s.at = min(1) + Duration::milliseconds(i);
                s
            })
            .collect(),
    };
    // One refunded after T, in the middle of the deficit: it splits the lump in two.
    h.spends[5000].refunded_at = Some(min(60));
    let cp = checkpoint_of(&h, min(40));
    assert_eq!(cp.head.len(), 3, "{:?}", &cp.head);
    let owed: Vec<Decimal> = cp
        .head
        .iter()
        .map(|item| match item {
            Head::Lump { owed, .. } => *owed,
            Head::Carried(c) => c.owed,
        })
        .collect();
    assert_eq!(owed, vec![d("4900"), d("1"), d("4999")]);
    assert!(serde_json::to_string(&cp).unwrap().len() < 2000);
    // The pack pays the deficit off; the refund after it goes back to the pack.
    let full = compute(h.grants.clone(), h.spends.clone(), min(70)).unwrap();
    let resumed = resume(&cp, &h, EVER, min(70), None);
    assert_same(&full, &resumed, min(40));
    assert_eq!(resumed.spends.len(), 3);
    assert_eq!(resumed.totals.deficit, Decimal::ZERO);
    assert_eq!(resumed.totals.available, d("10101"));
}
