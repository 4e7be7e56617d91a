//! Balance assertions (issue 23, schema 13): what a platform showed at a time, kept beside what
//! the ledger said then, matched or not. `balance --expect` writes one; `balance` and
//! `history` read the last check and the last match of a platform.

use crate::balances::{decode_utc, read_who, signed_milli, whole_seconds};
use crate::db::{params, Db, Row};
use crate::entries::{check_who, format_at};
use crate::units::from_milli;
use crate::{Store, Tx};
use anyhow::{anyhow, Context, Result};
use chrono::{DateTime, Utc};
use credits_core::records::BalanceCheck;

const SELECT_CHECK: &str = "SELECT id, platform, at, expected_milli, ledger_milli, checked_at, \
    logged_by, machine FROM balance_check";

fn signed(milli: i64) -> Result<rust_decimal::Decimal> {
    let credits = from_milli(
        milli
            .checked_abs()
            .ok_or_else(|| anyhow!("bad balance check"))?,
    );
    Ok(if milli < 0 { -credits } else { credits })
}

fn read_check(row: &Row<'_>) -> Result<BalanceCheck> {
    let at: String = row.get("at")?;
    let checked_at: String = row.get("checked_at")?;
    Ok(BalanceCheck {
        id: row.get("id")?,
        platform: row.get("platform")?,
        at: decode_utc(&at)?,
        expected: signed(row.get("expected_milli")?)?,
        ledger: signed(row.get("ledger_milli")?)?,
        checked_at: decode_utc(&checked_at)?,
        who: read_who(row)?,
    })
}

/// The checks of one platform, or of all, by platform, time, then id.
fn checks_in(conn: &Db, platform: Option<&str>) -> Result<Vec<BalanceCheck>> {
    conn.query_map(
        &format!(
            "{SELECT_CHECK} WHERE CAST(?1 AS TEXT) IS NULL OR platform = ?1 \
             ORDER BY platform, at, id"
        ),
        [platform],
        read_check,
    )
}

/// The newest check of `platform` at or before `until` (any, or only a match), by time then
/// id: the one a later check is measured from.
fn last_in(
    conn: &Db,
    platform: &str,
    until: Option<DateTime<Utc>>,
    matched_only: bool,
) -> Result<Option<BalanceCheck>> {
    let until = until.map(|t| format_at(&whole_seconds(&t)));
    Ok(conn
        .query_map(
            &format!(
                "{SELECT_CHECK} WHERE platform = ?1 \
                 AND (CAST(?2 AS TEXT) IS NULL OR at <= ?2) \
                 AND (?3 = 0 OR expected_milli = ledger_milli) \
                 ORDER BY at DESC, id DESC LIMIT 1"
            ),
            params![platform, until, i64::from(matched_only)],
            read_check,
        )?
        .pop())
}

impl Tx<'_> {
    /// Records a balance check and returns its id. Times are kept to the whole second.
    pub fn insert_balance_check(&self, c: &BalanceCheck) -> Result<i64> {
        check_who(&c.who)?;
        self.conn
            .query_row(
                "INSERT INTO balance_check (platform, at, expected_milli, ledger_milli, \
                 checked_at, logged_by, machine) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
                 RETURNING id",
                params![
                    c.platform,
                    format_at(&whole_seconds(&c.at)),
                    signed_milli(c.expected, "the credits expected")?,
                    signed_milli(c.ledger, "the ledger's balance")?,
                    format_at(&whole_seconds(&c.checked_at)),
                    c.who.logged_by,
                    c.who.machine,
                ],
                |r| r.get(0),
            )
            .with_context(|| format!("cannot record the balance check on {}", c.platform))
    }

    /// The newest check of `platform` at or before `until` (`None`: any time); only a match
    /// when `matched_only`.
    pub fn last_balance_check(
        &self,
        platform: &str,
        until: Option<DateTime<Utc>>,
        matched_only: bool,
    ) -> Result<Option<BalanceCheck>> {
        last_in(self.conn, platform, until, matched_only)
    }

    /// Every balance check, by platform, time, then id (for `export`).
    pub fn balance_checks(&self) -> Result<Vec<BalanceCheck>> {
        checks_in(self.conn, None)
    }

    /// Records a check unless one with all the same fields is there (an import of an export,
    /// twice); returns whether it was recorded.
    pub fn insert_balance_check_if_absent(&self, c: &BalanceCheck) -> Result<bool> {
        let exists = self
            .conn
            .query_opt(
                "SELECT 1 FROM balance_check WHERE platform = ?1 AND at = ?2 \
                 AND expected_milli = ?3 AND ledger_milli = ?4 AND checked_at = ?5",
                params![
                    c.platform,
                    format_at(&whole_seconds(&c.at)),
                    signed_milli(c.expected, "the credits expected")?,
                    signed_milli(c.ledger, "the ledger's balance")?,
                    format_at(&whole_seconds(&c.checked_at)),
                ],
                |_| Ok(()),
            )?
            .is_some();
        if exists {
            return Ok(false);
        }
        self.insert_balance_check(c)?;
        Ok(true)
    }
}

impl Store {
    /// The balance checks of one platform or all, by platform, time, then id.
    pub fn balance_checks(&self, platform: Option<&str>) -> Result<Vec<BalanceCheck>> {
        checks_in(&self.conn, platform)
    }

    /// The newest check of `platform` at or before `until` (`None`: any time); only a match
    /// when `matched_only`.
    pub fn last_balance_check(
        &self,
        platform: &str,
        until: Option<DateTime<Utc>>,
        matched_only: bool,
    ) -> Result<Option<BalanceCheck>> {
        last_in(&self.conn, platform, until, matched_only)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn check(at: &str, expected: &str, ledger: &str) -> BalanceCheck {
        BalanceCheck {
            id: 0,
            platform: "runway".into(),
            at: utc(at),
            expected: expected.parse::<Decimal>().unwrap(),
            ledger: ledger.parse::<Decimal>().unwrap(),
            checked_at: utc("2026-12-05T09:00:00.7Z"),
            who: credits_core::records::Who {
                logged_by: Some("ann".into()),
                machine: None,
            },
        }
    }

    #[test]
    fn checks_read_back_exactly_and_the_last_match_is_found_by_time() {
        let mut store = Store::open_for_tests();
        let first = check("2026-12-01T10:00:00.9Z", "1310", "1310");
        let drift = check("2026-12-05T10:00:00Z", "1250", "1310.5");
        let below = check("2026-12-03T10:00:00Z", "0", "-12.25");
        let ids = store
            .write(|w| {
                Ok([
                    w.insert_balance_check(&drift)?,
                    w.insert_balance_check(&first)?,
                    w.insert_balance_check(&below)?,
                ])
            })
            .unwrap();
        let all = store.balance_checks(Some("runway")).unwrap();
        let got: Vec<(i64, String, String, bool)> = all
            .iter()
            .map(|c| {
                (
                    c.id,
                    c.expected.to_string(),
                    c.ledger.to_string(),
                    c.matched(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (ids[1], "1310".into(), "1310".into(), true),
                (ids[2], "0".into(), "-12.25".into(), false),
                (ids[0], "1250".into(), "1310.5".into(), false),
            ]
        );
        // Kept to the whole second, with who made it.
        assert_eq!(all[0].at, utc("2026-12-01T10:00:00Z"));
        assert_eq!(all[0].checked_at, utc("2026-12-05T09:00:00Z"));
        assert_eq!(all[0].who.logged_by.as_deref(), Some("ann"));
        assert!(store.balance_checks(Some("kling")).unwrap().is_empty());

        let last = store.last_balance_check("runway", None, false).unwrap();
        assert_eq!(last.map(|c| c.id), Some(ids[0]));
        let matched = store.last_balance_check("runway", None, true).unwrap();
        assert_eq!(matched.map(|c| c.id), Some(ids[1]));
        let before = store
            .last_balance_check("runway", Some(utc("2026-12-04T00:00:00Z")), false)
            .unwrap();
        assert_eq!(before.map(|c| c.id), Some(ids[2]));
        let none = store
            .last_balance_check("runway", Some(utc("2026-11-30T00:00:00Z")), true)
            .unwrap();
        assert_eq!(none, None);

        // What a platform shows is never below zero.
        let negative = check("2026-12-06T10:00:00Z", "-1", "0");
        assert!(store.write(|w| w.insert_balance_check(&negative)).is_err());
    }
}
