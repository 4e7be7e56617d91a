//! Which plan the user is on with each platform (`credits account set/list`), used to price
//! the money value of a logged generation.

use crate::db::{params, Db, Row};
use anyhow::{Context, Result};
use chrono::NaiveDate;

use super::Store;
use credits_core::records::{Account, BillingPeriod};

const SELECT_ACCOUNT: &str =
    "SELECT platform, plan, billing, since, renews_on, price_micro, credits_milli FROM account";

fn read_account(row: &Row<'_>) -> Result<Account> {
    let billing: String = row.get("billing")?;
    let since: Option<String> = row.get("since")?;
    Ok(Account {
        platform: row.get("platform")?,
        plan: row.get("plan")?,
        billing: billing.parse::<BillingPeriod>()?,
        since: since
            .map(|s| {
                NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                    .with_context(|| format!("bad date `{s}` in the account table"))
            })
            .transpose()?,
        renews_on: row.get("renews_on")?,
        terms: super::balances::read_terms(row)?,
    })
}

fn accounts_in(conn: &Db) -> Result<Vec<Account>> {
    conn.query_map(
        &format!("{SELECT_ACCOUNT} ORDER BY platform"),
        (),
        read_account,
    )
}

impl super::Tx<'_> {
    /// Every recorded account, by platform.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        accounts_in(self.conn)
    }

    /// Records `account` unless the platform already has one (`import` restoring a state:
    /// the plan history it brought, or the database's own, decides the current plan).
    /// Returns whether it was recorded.
    pub fn insert_account_if_absent(&self, account: &Account) -> Result<bool> {
        let n = self
            .conn
            .execute(
                "INSERT INTO account (platform, plan, billing, since, renews_on) \
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (platform) DO NOTHING",
                params![
                    account.platform,
                    account.plan,
                    account.billing.as_str(),
                    account.since.map(|d| d.format("%Y-%m-%d").to_string()),
                    account.renews_on,
                ],
            )
            .with_context(|| format!("cannot record the account for {}", account.platform))?;
        Ok(n > 0)
    }
}

impl Store {
    /// Records (or replaces) the plan the user is on with `account.platform`. The commands set
    /// plans through the plan history (`Tx::set_account_change`); this is for the tests.
    #[cfg(test)]
    pub fn set_account(&mut self, account: &Account) -> Result<()> {
        self.write(|w| {
            w.conn
                .execute(
                    "INSERT INTO account (platform, plan, billing, since, renews_on) \
             VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (platform) DO UPDATE SET plan = excluded.plan, \
             billing = excluded.billing, since = excluded.since, renews_on = excluded.renews_on",
                    params![
                        account.platform,
                        account.plan,
                        account.billing.as_str(),
                        account.since.map(|d| d.format("%Y-%m-%d").to_string()),
                        account.renews_on,
                    ],
                )
                .with_context(|| format!("cannot record the account for {}", account.platform))?;
            Ok(())
        })
    }

    /// Every recorded account, by platform.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        accounts_in(&self.conn)
    }

    /// The account for one platform, if recorded.
    pub fn account(&self, platform: &str) -> Result<Option<Account>> {
        self.conn.query_opt(
            &format!("{SELECT_ACCOUNT} WHERE platform = ?1"),
            [platform],
            read_account,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_are_recorded_and_replaced() {
        let mut store = Store::open_for_tests();
        assert_eq!(store.account("runway").unwrap(), None);
        let mut runway = Account {
            platform: "runway".into(),
            plan: "standard".into(),
            billing: BillingPeriod::Monthly,
            since: None,
            renews_on: None,
            terms: Default::default(),
        };
        store.set_account(&runway).unwrap();
        runway.plan = "pro".into();
        runway.billing = BillingPeriod::Annual;
        runway.since = NaiveDate::from_ymd_opt(2026, 1, 15);
        runway.renews_on = Some(15);
        store.set_account(&runway).unwrap();
        let kling = Account {
            platform: "kling".into(),
            plan: "standard".into(),
            billing: BillingPeriod::Monthly,
            since: None,
            renews_on: None,
            terms: Default::default(),
        };
        store.set_account(&kling).unwrap();
        assert_eq!(store.account("runway").unwrap(), Some(runway.clone()));
        assert_eq!(store.accounts().unwrap(), vec![kling, runway.clone()]);

        runway.renews_on = Some(32);
        assert!(store.set_account(&runway).is_err());
    }
}
