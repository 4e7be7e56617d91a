//! The ledger's rules on month-by-month scenarios built in memory, with exact balances.

use super::*;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn t(s: &str) -> DateTime<Utc> {
    let text = if s.len() == 10 {
        format!("{s}T00:00:00Z")
    } else {
        s.to_string()
    };
    DateTime::parse_from_rfc3339(&text)
        .unwrap()
        .with_timezone(&Utc)
}

fn grant(id: &str, source: Source, credits: &str, at: &str, expires: Expires) -> Grant {
    Grant {
        id: id.into(),
        source,
        label: id.into(),
        credits: d(credits),
        at: t(at),
        expires,
        price_per_credit: None,
    }
}

fn priced(mut g: Grant, per_credit: Ratio) -> Grant {
    g.price_per_credit = Some(per_credit);
    g
}

fn month(id: &str, credits: &str, from: &str, to: &str) -> Grant {
    grant(id, Source::Subscription, credits, from, Expires::At(t(to)))
}

fn spend(id: i64, at: &str, credits: &str) -> Spend {
    Spend {
        entry_id: Some(id),
        label: format!("entry #{id}"),
        at: t(at),
        credits: d(credits),
        refunded_at: None,
    }
}

fn refunded(mut s: Spend, at: &str) -> Spend {
    s.refunded_at = Some(t(at));
    s
}

fn available(grants: &[Grant], spends: &[Spend], as_of: &str) -> Decimal {
    compute(grants.to_vec(), spends.to_vec(), t(as_of))
        .unwrap()
        .totals
        .available
}

/// Parts of spend `i` as (grant id or "deficit", credits).
fn parts(l: &Ledger, i: usize) -> Vec<(String, Decimal)> {
    l.spend_states[i]
        .allocation
        .iter()
        .map(|p| {
            (
                p.grant
                    .map_or("deficit".to_string(), |g| l.grants[g].id.clone()),
                p.credits,
            )
        })
        .collect()
}

#[test]
fn a_no_rollover_plan_resets_every_month() {
    let grants = [
        month("nov", "3000", "2026-11-01", "2026-12-01"),
        month("dec", "3000", "2026-12-01", "2027-01-01"),
        month("jan", "3000", "2027-01-01", "2027-02-01"),
    ];
    let spends = [
        spend(1, "2026-11-10T10:00:00Z", "1000"),
        spend(2, "2026-12-05T10:00:00Z", "2900"),
    ];
    // November: 3,000 − 1,000.
    assert_eq!(
        available(&grants, &spends, "2026-11-30T23:59:59Z"),
        d("2000")
    );
    // 1 December: the 2,000 left expire, 3,000 new arrive.
    let dec1 = compute(grants.to_vec(), spends.to_vec(), t("2026-12-01")).unwrap();
    assert_eq!(dec1.totals.available, d("3000"));
    assert_eq!(dec1.totals.expired, d("2000"));
    assert_eq!(dec1.grant_states[0].expired, d("2000"));
    // December: 3,000 − 2,900; January resets to 3,000 with 100 more expired.
    assert_eq!(
        available(&grants, &spends, "2026-12-31T12:00:00Z"),
        d("100")
    );
    let jan = compute(grants.to_vec(), spends.to_vec(), t("2027-01-15")).unwrap();
    assert_eq!(jan.totals.available, d("3000"));
    assert_eq!(jan.totals.expired, d("2100"));
    assert_eq!(jan.totals.granted, d("9000"));
    assert_eq!(jan.totals.sum().unwrap(), jan.totals.available);
    let next = jan.next_expiry().unwrap().unwrap();
    assert_eq!((next.at, next.credits), (t("2027-02-01"), d("3000")));
}

#[test]
fn a_never_expiring_pack_beside_a_two_year_pack() {
    let grants = [
        grant(
            "forever",
            Source::Pack,
            "1000",
            "2026-11-01",
            Expires::Never,
        ),
        grant(
            "two-years",
            Source::Pack,
            "500",
            "2026-11-01",
            Expires::At(t("2028-10-31")),
        ),
    ];
    let spends = [spend(1, "2026-12-01T09:00:00Z", "300")];
    let before = compute(grants.to_vec(), spends.to_vec(), t("2028-10-30")).unwrap();
    // The 2-year pack is spent first though the other was bought at the same time.
    assert_eq!(parts(&before, 0), vec![("two-years".into(), d("300"))]);
    assert_eq!(before.grant_states[0].remaining, d("1000"));
    assert_eq!(before.grant_states[1].remaining, d("200"));
    assert_eq!(before.totals.available, d("1200"));
    let next = before.next_expiry().unwrap().unwrap();
    assert_eq!((next.at, next.credits), (t("2028-10-31"), d("200")));
    // Month by month nothing changes until the two years are up.
    for as_of in ["2027-01-01", "2027-11-01", "2028-06-01"] {
        assert_eq!(available(&grants, &spends, as_of), d("1200"), "{as_of}");
    }
    let after = compute(grants.to_vec(), spends.to_vec(), t("2028-10-31")).unwrap();
    assert_eq!(after.totals.available, d("1000"));
    assert_eq!(after.totals.expired, d("200"));
    assert_eq!(after.next_expiry().unwrap(), None);
    // Ten years on, the never-expiring pack is still there.
    assert_eq!(available(&grants, &spends, "2036-11-01"), d("1000"));
}

#[test]
fn credits_expiring_soonest_are_spent_first() {
    let grants = [
        grant("pack", Source::Pack, "1000", "2026-10-20", Expires::Never),
        month("nov", "600", "2026-11-01", "2026-12-01"),
        grant(
            "promo",
            Source::Bonus,
            "100",
            "2026-11-01",
            Expires::At(t("2026-11-15")),
        ),
    ];
    let spends = [
        spend(1, "2026-11-02T10:00:00Z", "50"),
        spend(2, "2026-11-03T10:00:00Z", "500"),
        spend(3, "2026-11-04T10:00:00Z", "300"),
    ];
    let l = compute(grants.to_vec(), spends.to_vec(), t("2026-11-20")).unwrap();
    // The bonus (expires 15 Nov) first, then the month (1 Dec), then the pack (never).
    assert_eq!(parts(&l, 0), vec![("promo".into(), d("50"))]);
    assert_eq!(
        parts(&l, 1),
        vec![("promo".into(), d("50")), ("nov".into(), d("450"))]
    );
    assert_eq!(
        parts(&l, 2),
        vec![("nov".into(), d("150")), ("pack".into(), d("150"))]
    );
    assert_eq!(l.totals.available, d("850"));
    let by_source = l.available_by_source().unwrap();
    assert_eq!(
        by_source,
        vec![
            (Source::Subscription, d("0")),
            (Source::Pack, d("850")),
            (Source::Bonus, d("0")),
            (Source::Adjustment, d("0")),
        ]
    );
    assert_eq!(l.live_grants(), vec![0]);
}

#[test]
fn ties_in_expiry_go_to_the_earlier_grant_then_the_first_listed() {
    let grants = [
        grant("later", Source::Pack, "100", "2026-11-05", Expires::Never),
        grant(
            "sub",
            Source::Subscription,
            "100",
            "2026-11-01",
            Expires::Never,
        ),
        grant("pack", Source::Pack, "100", "2026-11-01", Expires::Never),
    ];
    let spends = [spend(1, "2026-11-06", "150")];
    let l = compute(grants.to_vec(), spends.to_vec(), t("2026-11-06")).unwrap();
    assert_eq!(
        parts(&l, 0),
        vec![("sub".into(), d("100")), ("pack".into(), d("50"))]
    );
}

#[test]
fn a_refund_returns_credits_to_the_grant_they_came_from() {
    let grants = [
        month("nov", "100", "2026-11-01", "2026-12-01"),
        grant("pack", Source::Pack, "500", "2026-11-01", Expires::Never),
    ];
    // 150: 100 from November, 50 from the pack; refunded on the 20th.
    let spends = [refunded(
        spend(1, "2026-11-10T10:00:00Z", "150"),
        "2026-11-20T10:00:00Z",
    )];
    let before = compute(grants.to_vec(), spends.to_vec(), t("2026-11-15")).unwrap();
    assert_eq!(before.totals.available, d("450"));
    assert_eq!(before.spend_states[0].refund, None);
    let after = compute(grants.to_vec(), spends.to_vec(), t("2026-11-21")).unwrap();
    assert_eq!(after.grant_states[0].remaining, d("100"));
    assert_eq!(after.grant_states[1].remaining, d("500"));
    assert_eq!(after.totals.available, d("600"));
    assert_eq!(
        after.spend_states[0].refund,
        Some(Refund {
            at: t("2026-11-20T10:00:00Z"),
            returned: d("150"),
            lost: d("0"),
        })
    );
    // Back in November's grant, those 100 still expire on 1 December.
    assert_eq!(available(&grants, &spends, "2026-12-01"), d("500"));
}

#[test]
fn a_refund_after_its_grant_expired_is_lost_and_said() {
    let grants = [
        month("nov", "100", "2026-11-01", "2026-12-01"),
        month("dec", "100", "2026-12-01", "2027-01-01"),
        grant("pack", Source::Pack, "500", "2026-11-01", Expires::Never),
    ];
    // Spent in November, refunded in December: November's 80 are gone, the pack's 20 back.
    let spends = [refunded(
        spend(1, "2026-11-30T10:00:00Z", "120"),
        "2026-12-02T10:00:00Z",
    )];
    let l = compute(grants.to_vec(), spends.to_vec(), t("2026-12-03")).unwrap();
    assert_eq!(
        parts(&l, 0),
        vec![("nov".into(), d("100")), ("pack".into(), d("20"))]
    );
    let refund = l.spend_states[0].refund.clone().unwrap();
    assert_eq!((refund.returned, refund.lost), (d("20"), d("100")));
    assert_eq!(l.lost_on_refund().unwrap(), d("100"));
    assert_eq!(l.grant_states[0].expired, d("100"));
    assert_eq!(l.totals.available, d("600"));
    assert_eq!(l.totals.refunded, d("120"));
    assert_eq!(l.totals.expired, d("100"));
    assert_eq!(l.totals.sum().unwrap(), d("600"));
}

#[test]
fn spending_past_zero_goes_negative_and_the_next_grant_pays_it_off() {
    let grants = [
        priced(
            month("nov", "100", "2026-11-01", "2026-12-01"),
            Ratio::new(1, 100),
        ),
        priced(
            grant("pack", Source::Pack, "1000", "2026-11-20", Expires::Never),
            Ratio::new(1, 200),
        ),
    ];
    let spends = [spend(1, "2026-11-10T10:00:00Z", "160")];
    let short = compute(grants.to_vec(), spends.to_vec(), t("2026-11-15")).unwrap();
    assert_eq!(short.totals.available, d("-60"));
    assert_eq!(short.totals.deficit, d("60"));
    assert_eq!(
        parts(&short, 0),
        vec![("nov".into(), d("100")), ("deficit".into(), d("60"))]
    );
    assert_eq!(
        short.spend_money(0).unwrap(),
        None,
        "a deficit part has no price"
    );
    assert_eq!(short.spend_deficit(0), d("60"));
    assert_eq!(short.totals.sum().unwrap(), d("-60"));

    // The pack arrives: it covers the 60 first.
    let paid = compute(grants.to_vec(), spends.to_vec(), t("2026-11-21")).unwrap();
    assert_eq!(paid.totals.available, d("940"));
    assert_eq!(paid.totals.deficit, d("0"));
    assert_eq!(
        parts(&paid, 0),
        vec![("nov".into(), d("100")), ("pack".into(), d("60"))]
    );
    // 100 × $0.01 + 60 × $0.005 = $1.30.
    assert_eq!(paid.spend_money(0).unwrap(), Some(Ratio::new(13, 10)));
}

#[test]
fn refunding_a_spend_still_in_deficit_cancels_the_deficit() {
    let grants = [month("nov", "100", "2026-11-01", "2026-12-01")];
    let spends = [
        spend(1, "2026-11-10", "80"),
        refunded(spend(2, "2026-11-11", "50"), "2026-11-12"),
    ];
    let l = compute(grants.to_vec(), spends.to_vec(), t("2026-11-13")).unwrap();
    assert_eq!(l.totals.available, d("20"));
    assert_eq!(l.totals.deficit, d("0"));
    assert_eq!(l.spend_deficit(1), d("0"));
    // A refund that returns credits while another spend is in deficit pays it off.
    let spends = [
        refunded(spend(1, "2026-11-10", "80"), "2026-11-12"),
        spend(2, "2026-11-11", "50"),
    ];
    let l = compute(grants.to_vec(), spends.to_vec(), t("2026-11-13")).unwrap();
    assert_eq!(l.totals.available, d("50"));
    assert_eq!(parts(&l, 1), vec![("nov".into(), d("50"))]);
}

#[test]
fn money_follows_the_grant_each_credit_came_from() {
    // Plan credits at $0.01, pack credits at $0.005 (a better rate).
    let grants = [
        priced(
            month("nov", "100", "2026-11-01", "2026-12-01"),
            Ratio::new(1, 100),
        ),
        priced(
            grant("pack", Source::Pack, "1000", "2026-11-01", Expires::Never),
            Ratio::new(1, 200),
        ),
        grant(
            "gift",
            Source::Adjustment,
            "10",
            "2026-11-01",
            Expires::Never,
        ),
    ];
    let spends = [
        spend(1, "2026-11-02", "100"),
        spend(2, "2026-11-03", "100"),
        spend(3, "2026-11-04", "1000"),
    ];
    let l = compute(grants.to_vec(), spends.to_vec(), t("2026-11-05")).unwrap();
    assert_eq!(l.spend_money(0).unwrap(), Some(Ratio::from_integer(1)));
    assert_eq!(l.spend_money(1).unwrap(), Some(Ratio::new(1, 2)));
    // 900 from the pack and 10 unpriced from the gift, 90 beyond: unknown.
    assert_eq!(l.spend_money(2).unwrap(), None);
    assert_eq!(l.totals.available, d("-90"));
}

#[test]
fn the_ledger_always_balances() {
    let grants = [
        month("nov", "300", "2026-11-01", "2026-12-01"),
        month("dec", "300", "2026-12-01", "2027-01-01"),
        grant(
            "pack",
            Source::Pack,
            "200",
            "2026-11-15",
            Expires::At(t("2026-12-15")),
        ),
        grant(
            "adj",
            Source::Adjustment,
            "25",
            "2026-11-16",
            Expires::Never,
        ),
    ];
    let spends = [
        spend(1, "2026-11-02", "120"),
        refunded(spend(2, "2026-11-20", "400"), "2026-12-20"),
        spend(3, "2026-12-02", "700"),
        Spend {
            entry_id: None,
            label: "correction".into(),
            at: t("2026-12-03"),
            credits: d("5"),
            refunded_at: None,
        },
    ];
    for day in 0..75 {
        let as_of = t("2026-10-31") + chrono::Duration::days(day);
        let l = compute(grants.to_vec(), spends.to_vec(), as_of).unwrap();
        let by_source: Decimal = l.available_by_source().unwrap().iter().map(|s| s.1).sum();
        let remaining: Decimal = l.grant_states.iter().map(|g| g.remaining).sum();
        assert_eq!(l.totals.sum().unwrap(), l.totals.available, "{as_of}");
        assert_eq!(by_source - l.totals.deficit, l.totals.available, "{as_of}");
        assert_eq!(remaining, by_source, "{as_of}");
        for (g, st) in l.grants.iter().zip(&l.grant_states) {
            if st.arrived {
                assert_eq!(
                    g.credits - st.consumed + st.returned - st.expired,
                    st.remaining,
                    "{} on {as_of}",
                    g.id
                );
            }
        }
    }
}

#[test]
fn bad_inputs_are_errors_not_panics() {
    let backwards = grant(
        "x",
        Source::Pack,
        "1",
        "2026-11-02",
        Expires::At(t("2026-11-01")),
    );
    assert!(compute(vec![backwards], vec![], t("2026-12-01")).is_err());
    let negative = spend(1, "2026-11-01", "-1");
    assert!(compute(vec![], vec![negative], t("2026-12-01")).is_err());
    // A refund recorded before its spend counts at the spend.
    let early = refunded(spend(1, "2026-11-05", "10"), "2026-11-01");
    let l = compute(vec![], vec![early], t("2026-11-06")).unwrap();
    assert_eq!(l.totals.available, d("0"));
}
