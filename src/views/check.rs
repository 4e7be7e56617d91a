//! The text of a balance check, what `balance PLATFORM --expect N` and `sync kling` print:
//! the platform's figure against the ledger's, the drift since the last match, its likely
//! causes and the `credits adjust` that would reconcile it (`--json`: `balance::CheckView`).

use crate::{render, views};
use chrono::{DateTime, Utc};
use credits_app::ops::checks::{self, Checked};
use credits_app::ops::ledger::{self as ledgers, Buys};
use credits_app::ops::notes::fmt_time as fmt_local;
use credits_app::ops::Session;
use credits_core::money;
use credits_core::pricing::Kind;
use rust_decimal::{Decimal, RoundingStrategy};

/// A ledger time for people, in the user's offset.
pub fn fmt_time(session: &Session, t: DateTime<Utc>) -> String {
    fmt_local(&ledgers::local(session, t))
}

/// `1.75 Gen-4 5 s clips (60 credits each, your most-logged model here)`: `count` of the
/// most-logged model's usual request.
pub fn clips_text(b: &Buys, count: Decimal) -> String {
    let (one, many) = match (b.kind, b.seconds) {
        (Kind::Video | Kind::Audio, Some(_)) => ("clip", "clips"),
        (Kind::Image, _) => ("image", "images"),
        _ => ("generation", "generations"),
    };
    let name = match (b.kind, b.seconds) {
        (Kind::Video | Kind::Audio, Some(s)) => format!("{} {} s", b.model_name, s.normalize()),
        _ => b.model_name.clone(),
    };
    let what = money::fmt_count(count, &format!("{name} {one}"), &format!("{name} {many}"));
    format!(
        "{what} ({} credits each{}, your most-logged model here)",
        money::fmt_credits(b.each),
        if b.ranged { " at most" } else { "" }
    )
}

/// A day in the user's offset.
fn day(session: &Session, t: DateTime<Utc>) -> String {
    ledgers::local(session, t).date_naive().to_string()
}

/// A signed change of credits: `+12`, `−60`, `0`.
fn signed(d: Decimal) -> String {
    if d.is_zero() {
        "0".to_string()
    } else if d.is_sign_negative() {
        format!("−{}", money::fmt_credits(d.abs()))
    } else {
        format!("+{}", money::fmt_credits(d))
    }
}

/// `3 entries (30 credits; ids 4, 7, 9)`, the ids cut after a few.
fn entries_text(e: &checks::Entries) -> String {
    const SHOWN: usize = 5;
    let mut ids: Vec<String> = e.ids.iter().take(SHOWN).map(i64::to_string).collect();
    if e.ids.len() > SHOWN {
        ids.push("…".into());
    }
    format!(
        "{} ({} credits; {} {})",
        money::fmt_count(e.ids.len() as u64, "entry", "entries"),
        money::fmt_credits(e.credits),
        if e.ids.len() == 1 { "id" } else { "ids" },
        ids.join(", ")
    )
}

/// The `credits adjust` that makes the ledger say what the platform showed, at the check's
/// time, ready to paste (the note has no character a shell would read).
pub fn adjust_command(session: &Session, c: &Checked) -> String {
    let at = ledgers::local(session, c.check.at).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    format!(
        "credits adjust {} {} --note \"balance check: {} showed {} credits\" --at {at}",
        c.check.platform,
        c.difference().normalize(),
        c.check.platform,
        c.check.expected.normalize()
    )
}

/// Where a difference likely comes from, most likely first, from the entries since the last
/// match: a set of entries whose credits are exactly the difference goes first, and says so.
fn causes(session: &Session, c: &Checked) -> Vec<String> {
    let id = &c.check.platform;
    let since = c.last_match.as_ref().map_or_else(
        || "since the account started (it was never matched)".to_string(),
        |m| format!("since the last match ({})", day(session, m.at)),
    );
    let difference = c.difference();
    let exactly = |e: &checks::Entries| {
        if !e.ids.is_empty() && e.credits == difference.abs() {
            " (exactly the difference)"
        } else {
            ""
        }
    };
    // (exact, text): the exact ones first, the order below otherwise.
    let mut causes: Vec<(bool, String)> = Vec::new();
    if difference.is_sign_negative() {
        // The difference in the usual clips, as many as it is, parts too: 105 credits of
        // 60-credit clips are 1.75 of them, not "about 1" (the whole clips the balance buys
        // are `buys`' business). Exact when two decimals hold it, else rounded and said so;
        // a ranged price counts at its most, so then it is at least that many (cut down).
        let about = c
            .buys
            .as_ref()
            .and_then(|b| {
                let clips = money::div(difference.abs(), b.each).ok()?;
                let (shown, how) = if b.ranged {
                    let cut = clips.round_dp_with_strategy(2, RoundingStrategy::ToZero);
                    (cut, "at least ")
                } else {
                    let shown = clips.round_dp(2);
                    (shown, if shown == clips { "" } else { "about " })
                };
                (!shown.is_zero()).then(|| format!(", that is {how}{}", clips_text(b, shown)))
            })
            .unwrap_or_default();
        // The platform's own usage, imported, names the generations missing from the log.
        if let Some(n) = c.billed_unlogged {
            causes.push((
                n == difference.abs(),
                format!(
                    "the platform's usage {since} shows {} credits used that no entry records{}: \
                     log them or import them",
                    money::fmt_credits(n),
                    if n == difference.abs() {
                        " (exactly the difference)"
                    } else {
                        ""
                    }
                ),
            ));
        }
        causes.push((
            false,
            format!(
                "generations made {since} but not logged: {} credits of them{about}; `credits \
                 log` or `credits scan` records them",
                money::fmt_credits(difference.abs())
            ),
        ));
        if !c.refunded.ids.is_empty() {
            causes.push((
                !exactly(&c.refunded).is_empty(),
                format!(
                    "a refund the platform did not make: {} marked refunded {since}{}; \
                     `credits fail ID --force` undoes one",
                    entries_text(&c.refunded),
                    exactly(&c.refunded)
                ),
            ));
        }
        if !c.logged.ids.is_empty() {
            causes.push((
                false,
                format!(
                    "a price that changed: the platform charged more than the table for what \
                     was logged {since}: {}",
                    entries_text(&c.logged)
                ),
            ));
        }
    } else {
        causes.push((
            false,
            format!(
                "a top-up, bonus or reward not recorded {since}: `credits topup {id} …` records \
                 a purchase, `credits adjust` a gift"
            ),
        ));
        if !c.failed.ids.is_empty() {
            causes.push((
                !exactly(&c.failed).is_empty(),
                format!(
                    "a refund not recorded: {} failed {since} and not marked refunded{}; \
                     `credits refund ID` if the platform gave the credits back",
                    entries_text(&c.failed),
                    exactly(&c.failed)
                ),
            ));
        }
        if !c.logged.ids.is_empty() {
            // Exactly the difference only when no failure already is (the same entries).
            let exact = if causes.iter().any(|(exact, _)| *exact) {
                ""
            } else {
                exactly(&c.logged)
            };
            causes.push((
                !exact.is_empty(),
                format!(
                    "an entry logged that the platform did not charge (logged twice, or a \
                     generation that never ran), among what was logged {since}: {}{exact}",
                    entries_text(&c.logged),
                ),
            ));
        }
    }
    // A stable sort: the exact ones first, each group in the order above.
    causes.sort_by_key(|(exact, _)| !exact);
    causes.into_iter().map(|(_, text)| text).collect()
}

pub fn check_text(session: &Session, c: &Checked) -> String {
    let k = &c.check;
    let mut rows: Vec<(&str, String)> = vec![
        (
            "platform shows",
            format!("{} credits", money::fmt_credits(k.expected)),
        ),
        (
            "ledger",
            format!("{} credits", money::fmt_credits(k.ledger)),
        ),
    ];
    let difference = c.difference();
    if difference.is_zero() {
        rows.push(("result", "matched; kept as the last check".to_string()));
    } else {
        rows.push(("difference", views::balance::difference_text(difference)));
    }
    if let (Some(m), Some(then)) = (&c.last_match, c.ledger_at_last_match) {
        rows.push((
            if difference.is_zero() {
                "previous match"
            } else {
                "last match"
            },
            format!(
                "{} at {} credits",
                fmt_time(session, m.at),
                money::fmt_credits(m.expected)
            ),
        ));
        if !difference.is_zero() {
            rows.push((
                "since then",
                format!(
                    "the platform {}, the ledger {}",
                    signed(k.expected - m.expected),
                    signed(k.ledger - then)
                ),
            ));
        }
        if then != m.ledger {
            rows.push((
                "before it",
                format!(
                    "the ledger now says {} credits at the last match, where it matched at {}: \
                     something dated before it was recorded or changed since",
                    money::fmt_credits(then),
                    money::fmt_credits(m.ledger)
                ),
            ));
        }
    }
    let mut text = format!("{} · checked at {}\n", k.platform, fmt_time(session, k.at));
    text.push_str(&render::key_values(rows));
    if difference.is_zero() {
        return text;
    }
    text.push_str(&render::paragraph("likely causes:\n"));
    for cause in causes(session, c) {
        text.push_str(&render::paragraph(&format!("  - {cause}\n")));
    }
    text.push_str(&render::paragraph(
        "if the platform is right and none of these applies, this records the difference:\n",
    ));
    // Not wrapped: a command to copy whole.
    text.push_str(&format!("  {}\n", adjust_command(session, c)));
    text
}
