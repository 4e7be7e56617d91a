//! The balance records (issue 4, schema 0002): plan history, top-ups, adjustments, budgets,
//! and what the ledger reads of the entries.
//!
//! Reads are free functions over a `Connection`, so they serve both [`Store`] and a
//! [`Tx`]: a command that must read before it writes (refuse an adjustment that would
//! take the balance below zero; snapshot an entry's money from the ledger) does both inside
//! one `BEGIN IMMEDIATE` transaction through [`Store::write`], so nothing another process
//! writes in between can make the check stale, and an error leaves nothing half-written.

use crate::db::{params, Db, Row};
use anyhow::{anyhow, bail, Context, Result};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use rust_decimal::Decimal;

use super::entries::{
    check_who, edit_in, format_at, get_in, insert_entry_in, remove_in, set_price_in, set_status_in,
    AT_FORMAT,
};
use super::units::{from_micro, from_milli, to_micro, to_milli};
use super::{Store, Tx};
use credits_core::records::{
    AccountChange, Adjustment, BillingPeriod, Budget, BudgetPeriod, BudgetUnit, Entry, EntryEdit,
    LedgerRecords, Money, NewEntry, PlanTerms, PriceSource, SpendRow, Status, TableStamp, Topup,
    TopupExpiry, Who,
};

pub(crate) fn decode_utc(text: &str) -> Result<DateTime<Utc>> {
    Ok(NaiveDateTime::parse_from_str(text, AT_FORMAT)
        .with_context(|| format!("bad time `{text}` in the database"))?
        .and_utc())
}

fn decode_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .with_context(|| format!("bad date `{text}` in the database"))
}

/// Whole seconds, the precision of every stored time.
pub(crate) fn whole_seconds(t: &DateTime<Utc>) -> DateTime<Utc> {
    use chrono::SubsecRound;
    t.trunc_subsecs(0)
}

pub(crate) fn signed_milli(value: Decimal, what: &str) -> Result<i64> {
    let milli = to_milli(value.abs(), what)?;
    Ok(if value.is_sign_negative() {
        -milli
    } else {
        milli
    })
}

fn read_change(row: &Row<'_>) -> Result<AccountChange> {
    let billing: String = row.get("billing")?;
    let on: String = row.get("effective_on")?;
    Ok(AccountChange {
        platform: row.get("platform")?,
        plan: row.get("plan")?,
        billing: billing.parse::<BillingPeriod>()?,
        effective_on: decode_date(&on)?,
        renews_on: row.get("renews_on")?,
        terms: read_terms(row)?,
        subscribed_on: row
            .get::<Option<String>>("subscribed_on")?
            .as_deref()
            .map(decode_date)
            .transpose()?,
        who: read_who(row)?,
    })
}

/// The `logged_by` and `machine` columns of a plan change, top-up or adjustment (schema 10).
pub(crate) fn read_who(row: &Row<'_>) -> Result<Who> {
    Ok(Who {
        logged_by: row.get("logged_by")?,
        machine: row.get("machine")?,
    })
}

/// The `price_micro` and `credits_milli` columns of an account or plan change.
pub(super) fn read_terms(row: &Row<'_>) -> Result<PlanTerms> {
    let price: Option<i64> = row.get("price_micro")?;
    let credits: Option<i64> = row.get("credits_milli")?;
    Ok(PlanTerms {
        price: price.map(from_micro),
        credits: credits.map(from_milli),
    })
}

/// `terms` as column values.
fn terms_columns(terms: &PlanTerms) -> Result<(Option<i64>, Option<i64>)> {
    Ok((
        terms.price.map(|p| to_micro(p, "price")).transpose()?,
        terms.credits.map(|c| to_milli(c, "credits")).transpose()?,
    ))
}

fn read_topup(row: &Row<'_>) -> Result<Topup> {
    let at: String = row.get("at")?;
    let expiry: String = row.get("expiry")?;
    let expires_at: Option<String> = row.get("expires_at")?;
    Ok(Topup {
        id: row.get("id")?,
        platform: row.get("platform")?,
        pack: row.get("pack")?,
        credits: from_milli(row.get("credits_milli")?),
        bonus: from_milli(row.get("bonus_milli")?),
        price: from_micro(row.get("price_micro")?),
        currency: row.get("currency")?,
        at: decode_utc(&at)?,
        expiry: match (expiry.as_str(), expires_at) {
            ("never", None) => TopupExpiry::Never,
            ("unknown", None) => TopupExpiry::Unknown,
            ("at", Some(t)) => TopupExpiry::At(decode_utc(&t)?),
            (other, _) => bail!("bad top-up expiry `{other}` in the database"),
        },
        who: read_who(row)?,
    })
}

fn read_adjustment(row: &Row<'_>) -> Result<Adjustment> {
    let milli: i64 = row.get("credits_milli")?;
    let at: String = row.get("at")?;
    let credits = from_milli(
        milli
            .checked_abs()
            .ok_or_else(|| anyhow!("bad adjustment"))?,
    );
    Ok(Adjustment {
        id: row.get("id")?,
        platform: row.get("platform")?,
        credits: if milli < 0 { -credits } else { credits },
        note: row.get("note")?,
        at: decode_utc(&at)?,
        who: read_who(row)?,
    })
}

fn read_budget(row: &Row<'_>) -> Result<Budget> {
    let unit: BudgetUnit = row.get::<String>("unit")?.parse()?;
    let period: BudgetPeriod = row.get::<String>("period")?.parse()?;
    let amount = match unit {
        BudgetUnit::Money => from_micro(row.get("amount_micro")?),
        BudgetUnit::Credits => from_milli(row.get("amount_milli")?),
    };
    let platform: String = row.get("platform")?;
    Ok(Budget {
        project: row.get("project")?,
        unit,
        amount,
        currency: row.get("currency")?,
        platform: Some(platform).filter(|p| !p.is_empty()),
        period,
        user: Some(row.get::<String>("logged_by")?).filter(|u| !u.is_empty()),
    })
}

/// Collects query rows through a fallible reader.
fn collect<T>(
    conn: &Db,
    sql: &str,
    params: impl crate::db::Params,
    read: impl Fn(&Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    conn.query_map(sql, params, read)
}

const SELECT_CHANGE: &str = "SELECT platform, plan, billing, effective_on, renews_on, \
    price_micro, credits_milli, logged_by, machine, subscribed_on FROM account_change";
const SELECT_TOPUP: &str = "SELECT id, platform, pack, credits_milli, bonus_milli, price_micro, \
    currency, at, expiry, expires_at, logged_by, machine FROM topup";
const SELECT_ADJUSTMENT: &str = "SELECT id, platform, credits_milli, note, at, logged_by, machine \
    FROM adjustment";
const SELECT_BUDGET: &str =
    "SELECT project, unit, platform, amount_micro, amount_milli, currency, period, logged_by \
     FROM budget";

fn changes(conn: &Db, platform: Option<&str>) -> Result<Vec<AccountChange>> {
    match platform {
        Some(p) => collect(
            conn,
            &format!("{SELECT_CHANGE} WHERE platform = ?1 ORDER BY effective_on"),
            [p],
            read_change,
        ),
        None => collect(
            conn,
            &format!("{SELECT_CHANGE} ORDER BY platform, effective_on"),
            (),
            read_change,
        ),
    }
}

/// A platform's plan history, top-ups and adjustments, with its entries from `spends_from`
/// on (`None`: no entries). The caller gives the ledger's start (`ledger::build::start` of
/// the same facts), so entries before it, which the ledger ignores, are never read: `log`
/// stays fast on a million-entry log.
pub fn records(
    conn: &Db,
    platform: &str,
    spends_from: impl FnOnce(&LedgerRecords) -> Result<Option<DateTime<Utc>>>,
) -> Result<LedgerRecords> {
    let mut records = LedgerRecords {
        changes: changes(conn, Some(platform))?,
        topups: collect(
            conn,
            &format!("{SELECT_TOPUP} WHERE platform = ?1 ORDER BY at, id"),
            [platform],
            read_topup,
        )?,
        adjustments: collect(
            conn,
            &format!("{SELECT_ADJUSTMENT} WHERE platform = ?1 ORDER BY at, id"),
            [platform],
            read_adjustment,
        )?,
        spends: Vec::new(),
    };
    if let Some(from) = spends_from(&records)? {
        records.spends = collect(
            conn,
            "SELECT id, at, credits_milli, status, refunded_at FROM entry \
             WHERE platform = ?1 AND at >= ?2 ORDER BY at, id",
            params![platform, format_at(&whole_seconds(&from))],
            |row| {
                let at: String = row.get("at")?;
                let status: String = row.get("status")?;
                let refunded_at: Option<String> = row.get("refunded_at")?;
                Ok(SpendRow {
                    entry_id: row.get("id")?,
                    at: decode_utc(&at)?,
                    credits: from_milli(row.get("credits_milli")?),
                    status: status.parse::<Status>()?,
                    refunded_at: refunded_at.as_deref().map(decode_utc).transpose()?,
                })
            },
        )?;
    }
    Ok(records)
}

/// The plan, renewal day and billing of the most recent change become the `account` row
/// (the current plan), so `log` keeps pricing with it.
fn sync_account(conn: &Db, platform: &str) -> Result<()> {
    let latest = conn
        .query_opt(
            &format!("{SELECT_CHANGE} WHERE platform = ?1 ORDER BY effective_on DESC LIMIT 1"),
            [platform],
            |r| Ok(read_change(r)),
        )?
        .transpose()?;
    match latest {
        Some(c) => {
            let (price, credits) = terms_columns(&c.terms)?;
            conn.execute(
                "INSERT INTO account (platform, plan, billing, since, renews_on, price_micro, \
                 credits_milli) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
                 ON CONFLICT (platform) DO UPDATE SET plan = excluded.plan, \
                 billing = excluded.billing, since = excluded.since, \
                 renews_on = excluded.renews_on, price_micro = excluded.price_micro, \
                 credits_milli = excluded.credits_milli",
                params![
                    c.platform,
                    c.plan,
                    c.billing.as_str(),
                    c.effective_on.format("%Y-%m-%d").to_string(),
                    c.renews_on,
                    price,
                    credits,
                ],
            )?;
        }
        None => {
            conn.execute("DELETE FROM account WHERE platform = ?1", [platform])?;
        }
    }
    Ok(())
}

impl Tx<'_> {
    /// Logs one generation and returns its id. With `dedup_key: None` a unique key is made up.
    pub fn insert_entry(&self, entry: &NewEntry) -> Result<i64> {
        insert_entry_in(self.conn, entry)
    }

    /// One entry by id, or `None`.
    pub fn get(&self, id: i64) -> Result<Option<Entry>> {
        get_in(self.conn, id)
    }

    /// Sets an entry's status and refund time; `false` if there is no such entry.
    pub fn set_status(
        &self,
        id: i64,
        status: Status,
        refunded_at: Option<DateTime<Utc>>,
    ) -> Result<bool> {
        set_status_in(self.conn, id, status, refunded_at)
    }

    /// Replaces an entry's money, how it was priced and the table that priced it (`None`:
    /// none did); `false` if there is no such entry.
    pub fn set_price(
        &self,
        id: i64,
        cost: Option<&Money>,
        pricing: &str,
        source: PriceSource,
        table: Option<&TableStamp>,
    ) -> Result<bool> {
        set_price_in(self.conn, id, cost, pricing, source, table)
    }

    /// Changes project, tags, note or kept; `false` if there is no such entry.
    pub fn edit(&self, id: i64, edit: &EntryEdit) -> Result<bool> {
        edit_in(self.conn, id, edit)
    }

    /// Deletes an entry and returns what it was.
    pub fn remove(&self, id: i64) -> Result<Option<Entry>> {
        remove_in(self.conn, id)
    }

    /// Sets (or replaces) the budget of a project in one unit (and, for credits, platform).
    pub fn set_budget(&self, b: &Budget) -> Result<()> {
        let (micro, milli) = match b.unit {
            BudgetUnit::Money => (Some(to_micro(b.amount, "budget")?), None),
            BudgetUnit::Credits => (None, Some(to_milli(b.amount, "budget")?)),
        };
        // Above 0 as typed but 0 once rounded to what is stored: say so, not "above 0".
        if micro == Some(0) {
            bail!(
                "a money budget of {} is below the smallest amount kept (0.000001)",
                b.amount.normalize()
            );
        }
        if milli == Some(0) {
            bail!(
                "a credits budget of {} is below the smallest amount kept (0.001 credits)",
                b.amount.normalize()
            );
        }
        self.conn
            .execute(
                "INSERT INTO budget (project, unit, platform, amount_micro, amount_milli, \
                 currency, period, logged_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
                 ON CONFLICT (project, unit, platform, logged_by) DO UPDATE SET \
                 amount_micro = excluded.amount_micro, amount_milli = excluded.amount_milli, \
                 currency = excluded.currency, period = excluded.period",
                params![
                    b.project,
                    b.unit.as_str(),
                    b.platform.as_deref().unwrap_or(""),
                    micro,
                    milli,
                    b.currency,
                    b.period.as_str(),
                    b.user.as_deref().unwrap_or("")
                ],
            )
            .with_context(|| format!("cannot record the budget of {}", b.project))?;
        Ok(())
    }

    /// Records a plan change, replacing one on the same date, and makes the latest change
    /// the current plan. Returns the change it replaced, if any.
    pub fn set_account_change(&self, change: &AccountChange) -> Result<Option<AccountChange>> {
        if let Some(d) = change.renews_on {
            if !(1..=31).contains(&d) {
                bail!("renewal day {d} is not between 1 and 31");
            }
        }
        let on = change.effective_on.format("%Y-%m-%d").to_string();
        let replaced = self
            .conn
            .query_opt(
                &format!("{SELECT_CHANGE} WHERE platform = ?1 AND effective_on = ?2"),
                params![change.platform, on],
                |r| Ok(read_change(r)),
            )?
            .transpose()?;
        let (price, credits) = terms_columns(&change.terms)?;
        check_who(&change.who)?;
        // The table's CHECK as an error that names the dates, so no SQL text reaches the user.
        if let Some(began) = change.subscribed_on {
            if began > change.effective_on {
                bail!(
                    "the {} subscription cannot begin on {began}, after the plan takes effect \
                     on {}",
                    change.platform,
                    change.effective_on
                );
            }
        }
        let subscribed_on = change
            .subscribed_on
            .map(|d| d.format("%Y-%m-%d").to_string());
        self.conn
            .execute(
                "INSERT INTO account_change (platform, plan, billing, effective_on, renews_on, \
                 price_micro, credits_milli, logged_by, machine, subscribed_on) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
                 ON CONFLICT (platform, effective_on) DO UPDATE SET plan = excluded.plan, \
                 billing = excluded.billing, renews_on = excluded.renews_on, \
                 price_micro = excluded.price_micro, credits_milli = excluded.credits_milli, \
                 logged_by = excluded.logged_by, machine = excluded.machine, \
                 subscribed_on = excluded.subscribed_on",
                params![
                    change.platform,
                    change.plan,
                    change.billing.as_str(),
                    on,
                    change.renews_on,
                    price,
                    credits,
                    change.who.logged_by,
                    change.who.machine,
                    subscribed_on,
                ],
            )
            .with_context(|| format!("cannot record the plan for {}", change.platform))?;
        sync_account(self.conn, &change.platform)?;
        Ok(replaced)
    }

    /// Records a top-up and returns its id.
    pub fn insert_topup(&self, t: &Topup) -> Result<i64> {
        let at = whole_seconds(&t.at);
        // The table's CHECKs (times of four-digit years, an expiry after the purchase) as
        // errors that name the value, so no SQLite text reaches the user.
        if !(0..=9999).contains(&at.year()) {
            bail!("the top-up time {} is out of range", t.at);
        }
        let (expiry, expires_at) = match t.expiry {
            TopupExpiry::Never => ("never", None),
            TopupExpiry::Unknown => ("unknown", None),
            TopupExpiry::At(e) => {
                let e = whole_seconds(&e);
                if e <= at {
                    bail!(
                        "the top-up on {} expires at {} (UTC), not after it was bought at {}",
                        t.platform,
                        format_at(&e),
                        format_at(&at)
                    );
                }
                if e.year() > 9999 {
                    bail!(
                        "the top-up on {} would expire in the year {}: past 9999, the last \
                         the log holds (--never-expires says it never expires)",
                        t.platform,
                        e.year()
                    );
                }
                ("at", Some(format_at(&e)))
            }
        };
        check_who(&t.who)?;
        self.conn
            .query_row(
                "INSERT INTO topup (platform, pack, credits_milli, bonus_milli, price_micro, \
                 currency, at, expiry, expires_at, logged_by, machine) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
                params![
                    t.platform,
                    t.pack,
                    to_milli(t.credits, "credits")?,
                    to_milli(t.bonus, "bonus credits")?,
                    to_micro(t.price, "price")?,
                    t.currency,
                    format_at(&at),
                    expiry,
                    expires_at,
                    t.who.logged_by,
                    t.who.machine,
                ],
                |r| r.get(0),
            )
            .with_context(|| format!("cannot record the top-up on {}", t.platform))
    }

    /// Top-up `id`, if there is one.
    pub fn topup(&self, id: i64) -> Result<Option<Topup>> {
        topup_in(self.conn, id)
    }

    /// Adjustment `id`, if there is one.
    pub fn adjustment(&self, id: i64) -> Result<Option<Adjustment>> {
        adjustment_in(self.conn, id)
    }

    /// Deletes top-up `id` and returns what it was (`None`: no such top-up).
    pub fn remove_topup(&self, id: i64) -> Result<Option<Topup>> {
        let Some(topup) = topup_in(self.conn, id)? else {
            return Ok(None);
        };
        self.conn
            .execute("DELETE FROM topup WHERE id = ?1", [id])
            .with_context(|| format!("cannot remove top-up #{id}"))?;
        Ok(Some(topup))
    }

    /// The top-up recorded for a purchase the platform lists as `reference` (its own id:
    /// Kling's `resource_pack_id`), if any.
    pub fn topup_by_ref(&self, platform: &str, reference: &str) -> Result<Option<Topup>> {
        Ok(collect(
            self.conn,
            &format!(
                "{SELECT_TOPUP} WHERE id = (SELECT topup_id FROM topup_ref \
                 WHERE platform = ?1 AND ref = ?2)"
            ),
            params![platform, reference],
            read_topup,
        )?
        .pop())
    }

    /// The top-ups of `platform` that no platform's id is linked to (recorded by hand, or
    /// imported before schema 16), by time.
    pub fn unreferenced_topups(&self, platform: &str) -> Result<Vec<Topup>> {
        collect(
            self.conn,
            &format!(
                "{SELECT_TOPUP} WHERE platform = ?1 \
                 AND id NOT IN (SELECT topup_id FROM topup_ref) ORDER BY at, id"
            ),
            [platform],
            read_topup,
        )
    }

    /// Links top-up `id` to the platform's own id of the purchase.
    pub fn set_topup_ref(&self, id: i64, platform: &str, reference: &str) -> Result<()> {
        if reference.is_empty() {
            bail!("top-up #{id}: the platform's id of the purchase is empty");
        }
        self.conn
            .execute(
                "INSERT INTO topup_ref (topup_id, platform, ref) VALUES (?1, ?2, ?3)",
                params![id, platform, reference],
            )
            .with_context(|| format!("cannot link top-up #{id} to {platform}'s {reference}"))?;
        Ok(())
    }

    /// Sets when top-up `id`'s credits became usable and when they expire: the platform's
    /// own validity of a purchase recorded by hand with the table's.
    pub fn set_topup_validity(
        &self,
        id: i64,
        at: DateTime<Utc>,
        expires: DateTime<Utc>,
    ) -> Result<()> {
        let (at, expires) = (whole_seconds(&at), whole_seconds(&expires));
        if expires <= at || !(0..=9999).contains(&at.year()) || expires.year() > 9999 {
            bail!(
                "top-up #{id}: usable from {} until {} is not a validity",
                format_at(&at),
                format_at(&expires)
            );
        }
        self.conn
            .execute(
                "UPDATE topup SET at = ?2, expiry = 'at', expires_at = ?3 WHERE id = ?1",
                params![id, format_at(&at), format_at(&expires)],
            )
            .with_context(|| format!("cannot set top-up #{id}'s validity"))?;
        Ok(())
    }

    /// Deletes adjustment `id` and returns what it was (`None`: no such adjustment).
    pub fn remove_adjustment(&self, id: i64) -> Result<Option<Adjustment>> {
        let Some(adjustment) = adjustment_in(self.conn, id)? else {
            return Ok(None);
        };
        self.conn
            .execute("DELETE FROM adjustment WHERE id = ?1", [id])
            .with_context(|| format!("cannot remove adjustment #{id}"))?;
        Ok(Some(adjustment))
    }

    /// Deletes the plan change of `platform` on `on` (its key) and makes the latest change
    /// left the current plan (none left: no account). Returns what it was.
    pub fn remove_account_change(
        &self,
        platform: &str,
        on: NaiveDate,
    ) -> Result<Option<AccountChange>> {
        let on = on.format("%Y-%m-%d").to_string();
        let removed = self
            .conn
            .query_opt(
                &format!("{SELECT_CHANGE} WHERE platform = ?1 AND effective_on = ?2"),
                params![platform, on],
                |r| Ok(read_change(r)),
            )?
            .transpose()?;
        if removed.is_none() {
            return Ok(None);
        }
        self.conn
            .execute(
                "DELETE FROM account_change WHERE platform = ?1 AND effective_on = ?2",
                params![platform, on],
            )
            .with_context(|| format!("cannot remove the {platform} plan change of {on}"))?;
        sync_account(self.conn, platform)?;
        Ok(removed)
    }

    /// Every plan change, by platform, oldest first.
    pub fn account_changes(&self) -> Result<Vec<AccountChange>> {
        changes(self.conn, None)
    }

    /// Every top-up, by time, then id.
    pub fn topups(&self) -> Result<Vec<Topup>> {
        collect(
            self.conn,
            &format!("{SELECT_TOPUP} ORDER BY at, id"),
            (),
            read_topup,
        )
    }

    /// Every adjustment, by time, then id.
    pub fn adjustments(&self) -> Result<Vec<Adjustment>> {
        collect(
            self.conn,
            &format!("{SELECT_ADJUSTMENT} ORDER BY at, id"),
            (),
            read_adjustment,
        )
    }

    /// Every budget, by project, unit and platform.
    pub fn budgets(&self) -> Result<Vec<Budget>> {
        collect(
            self.conn,
            &format!("{SELECT_BUDGET} ORDER BY project, unit, platform, logged_by"),
            (),
            read_budget,
        )
    }

    /// Whether the query finds a row.
    fn exists(&self, sql: &str, params: impl crate::db::Params) -> Result<bool> {
        Ok(self.conn.query_opt(sql, params, |_| Ok(()))?.is_some())
    }

    /// Records a plan change unless its platform already has one on that date (its primary
    /// key); unlike [`Tx::set_account_change`] it never replaces. Returns whether it was
    /// recorded.
    pub fn insert_account_change_if_absent(&self, change: &AccountChange) -> Result<bool> {
        let on = change.effective_on.format("%Y-%m-%d").to_string();
        let exists = self.exists(
            "SELECT 1 FROM account_change WHERE platform = ?1 AND effective_on = ?2",
            params![change.platform, on],
        )?;
        if exists {
            return Ok(false);
        }
        self.set_account_change(change)?;
        Ok(true)
    }

    /// Records a budget unless the project already has one in its unit and platform (its
    /// primary key). Returns whether it was recorded.
    pub fn insert_budget_if_absent(&self, b: &Budget) -> Result<bool> {
        let exists = self.exists(
            "SELECT 1 FROM budget WHERE project = ?1 AND unit = ?2 AND platform = ?3 \
             AND logged_by = ?4",
            params![
                b.project,
                b.unit.as_str(),
                b.platform.as_deref().unwrap_or(""),
                b.user.as_deref().unwrap_or("")
            ],
        )?;
        if exists {
            return Ok(false);
        }
        self.set_budget(b)?;
        Ok(true)
    }

    /// Records a top-up unless one with all the same fields is there: top-ups have no
    /// natural key, and `import` must not add one twice. Returns whether it was recorded.
    pub fn insert_topup_if_absent(&self, t: &Topup) -> Result<bool> {
        let (expiry, expires_at) = match t.expiry {
            TopupExpiry::Never => ("never", None),
            TopupExpiry::Unknown => ("unknown", None),
            TopupExpiry::At(e) => ("at", Some(format_at(&whole_seconds(&e)))),
        };
        let exists = self.exists(
            "SELECT 1 FROM topup WHERE platform = ?1 AND pack IS NOT DISTINCT FROM ?2 AND credits_milli = ?3 \
                 AND bonus_milli = ?4 AND price_micro = ?5 AND currency = ?6 AND at = ?7 \
                 AND expiry = ?8 AND expires_at IS NOT DISTINCT FROM ?9",
            params![
                t.platform,
                t.pack,
                to_milli(t.credits, "credits")?,
                to_milli(t.bonus, "bonus credits")?,
                to_micro(t.price, "price")?,
                t.currency,
                format_at(&whole_seconds(&t.at)),
                expiry,
                expires_at,
            ],
        )?;
        if exists {
            return Ok(false);
        }
        self.insert_topup(t)?;
        Ok(true)
    }

    /// Records an adjustment unless one with all the same fields is there (see
    /// [`Tx::insert_topup_if_absent`]). Returns whether it was recorded.
    pub fn insert_adjustment_if_absent(&self, a: &Adjustment) -> Result<bool> {
        let exists = self.exists(
            "SELECT 1 FROM adjustment WHERE platform = ?1 AND credits_milli = ?2 \
                 AND note = ?3 AND at = ?4",
            params![
                a.platform,
                signed_milli(a.credits, "credits")?,
                a.note,
                format_at(&whole_seconds(&a.at)),
            ],
        )?;
        if exists {
            return Ok(false);
        }
        self.insert_adjustment(a)?;
        Ok(true)
    }

    /// Records an adjustment and returns its id.
    pub fn insert_adjustment(&self, a: &Adjustment) -> Result<i64> {
        check_who(&a.who)?;
        self.conn
            .query_row(
                "INSERT INTO adjustment (platform, credits_milli, note, at, logged_by, machine) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                params![
                    a.platform,
                    signed_milli(a.credits, "credits")?,
                    a.note,
                    format_at(&whole_seconds(&a.at)),
                    a.who.logged_by,
                    a.who.machine,
                ],
                |r| r.get(0),
            )
            .with_context(|| format!("cannot record the adjustment on {}", a.platform))
    }
}

/// Top-up `id`, if there is one.
fn topup_in(conn: &Db, id: i64) -> Result<Option<Topup>> {
    Ok(collect(
        conn,
        &format!("{SELECT_TOPUP} WHERE id = ?1"),
        [id],
        read_topup,
    )?
    .pop())
}

/// Adjustment `id`, if there is one.
fn adjustment_in(conn: &Db, id: i64) -> Result<Option<Adjustment>> {
    Ok(collect(
        conn,
        &format!("{SELECT_ADJUSTMENT} WHERE id = ?1"),
        [id],
        read_adjustment,
    )?
    .pop())
}

impl Store {
    /// Everything stored about one platform's balance: its plan history, top-ups and
    /// adjustments, and its entries from the time `spends_from` gives for those facts on.
    pub fn ledger_records(
        &self,
        platform: &str,
        spends_from: impl FnOnce(&LedgerRecords) -> Result<Option<DateTime<Utc>>>,
    ) -> Result<LedgerRecords> {
        records(&self.conn, platform, spends_from)
    }

    /// Platforms with a plan history, a top-up or an adjustment, by id.
    pub fn ledger_platforms(&self) -> Result<Vec<String>> {
        collect(
            &self.conn,
            "SELECT platform FROM account_change UNION SELECT platform FROM topup \
             UNION SELECT platform FROM adjustment ORDER BY 1",
            (),
            |r| r.get(0),
        )
    }

    /// Top-ups, for one platform or all, by platform, time, then id.
    pub fn topups(&self, platform: Option<&str>) -> Result<Vec<Topup>> {
        collect(
            &self.conn,
            &format!("{SELECT_TOPUP} WHERE CAST(?1 AS TEXT) IS NULL OR platform = ?1 ORDER BY platform, at, id"),
            [platform],
            read_topup,
        )
    }

    /// Adjustments, for one platform or all, by platform, time, then id.
    pub fn adjustments(&self, platform: Option<&str>) -> Result<Vec<Adjustment>> {
        collect(
            &self.conn,
            &format!(
                "{SELECT_ADJUSTMENT} WHERE CAST(?1 AS TEXT) IS NULL OR platform = ?1 ORDER BY platform, at, id"
            ),
            [platform],
            read_adjustment,
        )
    }

    /// Plan changes, for one platform or all, oldest first.
    pub fn account_changes(&self, platform: Option<&str>) -> Result<Vec<AccountChange>> {
        changes(&self.conn, platform)
    }

    /// Sets (or replaces) the budget of a project in one unit (and, for credits, platform).
    pub fn set_budget(&mut self, b: &Budget) -> Result<()> {
        self.write(|w| w.set_budget(b))
    }

    /// Every budget, by project and unit.
    pub fn budgets(&self) -> Result<Vec<Budget>> {
        collect(
            &self.conn,
            &format!("{SELECT_BUDGET} ORDER BY project, unit, platform, logged_by"),
            (),
            read_budget,
        )
    }

    /// Removes a project's budgets (one unit, or both; a credits budget of one platform, or
    /// all); returns how many were removed.
    pub fn remove_budget(
        &mut self,
        project: &str,
        unit: Option<BudgetUnit>,
        platform: Option<&str>,
        user: Option<&str>,
    ) -> Result<usize> {
        self.write(|w| {
            w.conn.execute(
                "DELETE FROM budget WHERE project = ?1 AND (CAST(?2 AS TEXT) IS NULL OR unit = ?2) \
                 AND (CAST(?3 AS TEXT) IS NULL OR platform = ?3) \
                 AND (CAST(?4 AS TEXT) IS NULL OR logged_by = ?4)",
                params![project, unit.map(BudgetUnit::as_str), platform, user],
            )
        })
    }

    /// The request a user makes most on a platform: the most-logged model, and its most
    /// common shape (duration, resolution, mode, audio), among the newest
    /// [`USUAL_FROM_NEWEST`] entries there (what the user does now, read in the same time
    /// on any size of log). Ties go to the most recent.
    pub fn most_logged(&self, platform: &str) -> Result<Option<LoggedShape>> {
        let row = self.conn.query_opt(
            "WITH recent AS (SELECT model, duration_ms, resolution, mode, audio, at \
                 FROM entry WHERE platform = ?1 ORDER BY at DESC LIMIT ?2) \
                 SELECT model, duration_ms, resolution, mode, audio FROM recent \
                 WHERE model = (SELECT model FROM recent \
                 GROUP BY model ORDER BY count(*) DESC, max(at) DESC LIMIT 1) \
                 GROUP BY model, duration_ms, resolution, mode, audio \
                 ORDER BY count(*) DESC, max(at) DESC LIMIT 1",
            params![platform, USUAL_FROM_NEWEST],
            |r| {
                Ok((
                    r.get::<String>(0)?,
                    r.get::<Option<i64>>(1)?,
                    r.get::<Option<String>>(2)?,
                    r.get::<Option<String>>(3)?,
                    r.get::<Option<bool>>(4)?,
                ))
            },
        )?;
        Ok(row.map(|(model, ms, resolution, mode, audio)| LoggedShape {
            model,
            duration: ms.map(from_milli),
            resolution,
            mode,
            audio: audio.unwrap_or(false),
        }))
    }
}

/// How many of a platform's newest entries [`Store::most_logged`] reads.
pub(crate) const USUAL_FROM_NEWEST: i64 = 1000;

/// The shape of a request as logged (see [`Store::most_logged`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedShape {
    pub model: String,
    pub duration: Option<Decimal>,
    pub resolution: Option<String>,
    pub mode: Option<String>,
    pub audio: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entries::at;
    use credits_core::records::Account;
    #[allow(unused_imports)]
    use credits_core::records::{Filter, NewEntry, Request};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        at(s).with_timezone(&Utc)
    }

    fn change(plan: &str, on: &str) -> AccountChange {
        AccountChange {
            who: Default::default(),
            platform: "kling".into(),
            plan: plan.into(),
            billing: BillingPeriod::Monthly,
            effective_on: NaiveDate::parse_from_str(on, "%Y-%m-%d").unwrap(),
            renews_on: None,
            terms: Default::default(),
            subscribed_on: None,
        }
    }

    #[test]
    fn the_day_a_subscription_began_reads_back_and_is_never_after_the_change() {
        let mut store = Store::open_for_tests();
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let mut began = change("standard", "2026-11-06");
        began.subscribed_on = Some(date("2026-10-20"));
        store.write(|w| w.set_account_change(&began)).unwrap();
        assert_eq!(store.account_changes(Some("kling")).unwrap(), vec![began]);
        // Corrected on the same date to a start of tracking: the day goes.
        store
            .write(|w| w.set_account_change(&change("standard", "2026-11-06")))
            .unwrap();
        assert_eq!(
            store.account_changes(Some("kling")).unwrap()[0].subscribed_on,
            None
        );
        let mut late = change("pro", "2026-12-01");
        late.subscribed_on = Some(date("2026-12-02"));
        let err = store
            .write(|w| w.set_account_change(&late))
            .unwrap_err()
            .to_string();
        assert!(err.contains("cannot begin on 2026-12-02"), "{err}");
        assert_eq!(store.account_changes(None).unwrap().len(), 1);
    }

    #[test]
    fn plan_changes_keep_history_and_the_current_plan() {
        let mut store = Store::open_for_tests();
        store
            .write(|w| w.set_account_change(&change("standard", "2026-11-01")))
            .unwrap();
        let replaced = store
            .write(|w| w.set_account_change(&change("pro", "2026-11-15")))
            .unwrap();
        assert_eq!(replaced, None);
        // The same date again corrects that change.
        let replaced = store
            .write(|w| w.set_account_change(&change("premier", "2026-11-15")))
            .unwrap();
        assert_eq!(replaced.unwrap().plan, "pro");
        let history = store.account_changes(Some("kling")).unwrap();
        let plans: Vec<&str> = history.iter().map(|c| c.plan.as_str()).collect();
        assert_eq!(plans, ["standard", "premier"]);
        let current = store.account("kling").unwrap().unwrap();
        assert_eq!(current.plan, "premier");
        assert_eq!(current.since, NaiveDate::from_ymd_opt(2026, 11, 15));
        // An earlier change does not replace the current plan.
        store
            .write(|w| w.set_account_change(&change("free", "2026-10-01")))
            .unwrap();
        assert_eq!(store.account("kling").unwrap().unwrap().plan, "premier");
        let mut bad = change("pro", "2026-12-01");
        bad.renews_on = Some(32);
        assert!(store.write(|w| w.set_account_change(&bad)).is_err());
        assert_eq!(store.account_changes(None).unwrap().len(), 3);
    }

    #[test]
    fn topups_adjustments_and_spends_read_back_exactly() {
        let mut store = Store::open_for_tests();
        let topup = Topup {
            who: Default::default(),
            id: 0,
            platform: "kling".into(),
            pack: Some("50-usd-pack".into()),
            credits: d("3300"),
            bonus: d("200"),
            price: d("50"),
            currency: "USD".into(),
            at: utc("2026-11-02T10:00:00.5Z"),
            expiry: TopupExpiry::At(utc("2028-11-01T10:00:00Z")),
        };
        let custom = Topup {
            pack: None,
            expiry: TopupExpiry::Unknown,
            at: utc("2026-11-03T10:00:00Z"),
            ..topup.clone()
        };
        let minus = Adjustment {
            who: Default::default(),
            id: 0,
            platform: "kling".into(),
            credits: d("-12.5"),
            note: "support correction".into(),
            at: utc("2026-11-04T10:00:00Z"),
        };
        let (t1, t2, a1) = store
            .write(|w| {
                Ok((
                    w.insert_topup(&topup)?,
                    w.insert_topup(&custom)?,
                    w.insert_adjustment(&minus)?,
                ))
            })
            .unwrap();
        let mut entry = NewEntry {
            at: at("2026-11-05T10:00:00+01:00"),
            platform: "kling".into(),
            model: "kling-v2-6".into(),
            credits: d("35"),
            ..NewEntry::default()
        };
        let e1 = store.insert_entry(&entry).unwrap();
        entry.platform = "runway".into();
        store.insert_entry(&entry).unwrap();
        store
            .set_status_at(e1, Status::Refunded, Some(utc("2026-11-06T08:00:00Z")))
            .unwrap();

        let r = store.test_records("kling").unwrap();
        assert_eq!(r.topups[0].id, t1);
        assert_eq!(r.topups[0].at, utc("2026-11-02T10:00:00Z"), "whole seconds");
        assert_eq!(
            (r.topups[0].credits, r.topups[0].bonus, r.topups[0].price),
            (d("3300"), d("200"), d("50"))
        );
        assert_eq!(r.topups[1].id, t2);
        assert_eq!(r.topups[1].expiry, TopupExpiry::Unknown);
        assert_eq!(r.adjustments[0].id, a1);
        assert_eq!(r.adjustments[0].credits, d("-12.5"));
        assert_eq!(
            r.spends,
            vec![SpendRow {
                entry_id: e1,
                at: utc("2026-11-05T09:00:00Z"),
                credits: d("35"),
                status: Status::Refunded,
                refunded_at: Some(utc("2026-11-06T08:00:00Z")),
            }]
        );
        assert!(r.has_ledger());
        assert_eq!(store.ledger_platforms().unwrap(), ["kling"]);
        assert!(!store.test_records("runway").unwrap().has_ledger());

        // Back to failed clears the refund time.
        store.set_status_at(e1, Status::Failed, None).unwrap();
        assert_eq!(
            store.test_records("kling").unwrap().spends[0].refunded_at,
            None
        );
    }

    #[test]
    fn a_platform_id_links_one_top_up_and_goes_with_it() {
        let mut store = Store::open_for_tests();
        let topup = Topup {
            who: Default::default(),
            id: 0,
            platform: "kling-api".into(),
            pack: None,
            credits: d("5000"),
            bonus: d("0"),
            price: d("700"),
            currency: "USD".into(),
            at: utc("2026-11-01T00:00:00Z"),
            expiry: TopupExpiry::Unknown,
        };
        let (a, b) = store
            .write(|w| Ok((w.insert_topup(&topup)?, w.insert_topup(&topup)?)))
            .unwrap();
        store
            .write(|w| w.set_topup_ref(a, "kling-api", "rp-1"))
            .unwrap();
        // One platform's id links one top-up only (its own transaction: on PostgreSQL a
        // failed statement ends the transaction it is in).
        assert!(store
            .write(|w| w.set_topup_ref(b, "kling-api", "rp-1"))
            .is_err());
        store
            .write(|w| {
                assert_eq!(w.topup_by_ref("kling-api", "rp-1")?.map(|t| t.id), Some(a));
                assert_eq!(w.topup_by_ref("kling", "rp-1")?.map(|t| t.id), None);
                let free: Vec<i64> = w
                    .unreferenced_topups("kling-api")?
                    .iter()
                    .map(|t| t.id)
                    .collect();
                assert_eq!(free, vec![b]);
                w.set_topup_validity(a, utc("2026-11-01T10:00:00Z"), utc("2027-04-30T10:00:00Z"))?;
                assert!(w
                    .set_topup_validity(a, utc("2026-11-02T00:00:00Z"), utc("2026-11-01T00:00:00Z"))
                    .is_err());
                Ok(())
            })
            .unwrap();
        let read = store
            .write(|w| w.topup_by_ref("kling-api", "rp-1"))
            .unwrap()
            .unwrap();
        assert_eq!(read.at, utc("2026-11-01T10:00:00Z"));
        assert_eq!(read.expiry, TopupExpiry::At(utc("2027-04-30T10:00:00Z")));
        // Removing the top-up removes its link: the id is free for the next import.
        store.write(|w| w.remove_topup(a)).unwrap();
        assert!(store
            .write(|w| w.topup_by_ref("kling-api", "rp-1"))
            .unwrap()
            .is_none());
    }

    #[test]
    fn topups_adjustments_and_plan_changes_are_removed_by_their_keys() {
        let mut store = Store::open_for_tests();
        store
            .write(|w| w.set_account_change(&change("standard", "2026-11-01")))
            .unwrap();
        store
            .write(|w| w.set_account_change(&change("pro", "2026-11-15")))
            .unwrap();
        let topup = Topup {
            id: 0,
            platform: "kling".into(),
            pack: None,
            credits: d("100"),
            bonus: d("0"),
            price: d("1"),
            currency: "USD".into(),
            at: utc("2026-11-02T10:00:00Z"),
            expiry: TopupExpiry::Never,
            who: Default::default(),
        };
        let gift = Adjustment {
            id: 0,
            platform: "kling".into(),
            credits: d("5"),
            note: "gift".into(),
            at: utc("2026-11-04T10:00:00Z"),
            who: Default::default(),
        };
        let (t1, t2, a1) = store
            .write(|w| {
                Ok((
                    w.insert_topup(&topup)?,
                    w.insert_topup(&topup)?,
                    w.insert_adjustment(&gift)?,
                ))
            })
            .unwrap();
        assert_eq!(store.topups(Some("kling")).unwrap().len(), 2);
        assert!(store.topups(Some("runway")).unwrap().is_empty());
        assert_eq!(store.adjustments(None).unwrap()[0].id, a1);

        let removed = store.write(|w| w.remove_topup(t2)).unwrap().unwrap();
        assert_eq!((removed.id, removed.credits), (t2, d("100")));
        assert_eq!(store.write(|w| w.remove_topup(t2)).unwrap(), None);
        let left: Vec<i64> = store.topups(None).unwrap().iter().map(|t| t.id).collect();
        assert_eq!(left, [t1]);

        assert_eq!(
            store
                .write(|w| w.remove_adjustment(a1))
                .unwrap()
                .unwrap()
                .note,
            "gift"
        );
        assert!(store.adjustments(None).unwrap().is_empty());

        // Removing the latest plan change makes the one before it the current plan; removing
        // the last one leaves no account.
        let on = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let pro = store
            .write(|w| w.remove_account_change("kling", on("2026-11-15")))
            .unwrap();
        assert_eq!(pro.unwrap().plan, "pro");
        assert_eq!(store.account("kling").unwrap().unwrap().plan, "standard");
        assert_eq!(
            store
                .write(|w| w.remove_account_change("kling", on("2026-11-15")))
                .unwrap(),
            None
        );
        store
            .write(|w| w.remove_account_change("kling", on("2026-11-01")))
            .unwrap()
            .unwrap();
        assert_eq!(store.account("kling").unwrap(), None);
        assert!(store.account_changes(None).unwrap().is_empty());
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let mut store = Store::open_for_tests();
        let result: Result<()> = store.write(|w| {
            w.insert_adjustment(&Adjustment {
                who: Default::default(),
                id: 0,
                platform: "kling".into(),
                credits: d("10"),
                note: "gift".into(),
                at: utc("2026-11-04T10:00:00Z"),
            })?;
            bail!("refused after the insert")
        });
        assert!(result.is_err());
        assert!(!store.test_records("kling").unwrap().has_ledger());
        // Zero credits and an empty note are refused by the schema.
        let zero = Adjustment {
            who: Default::default(),
            id: 0,
            platform: "kling".into(),
            credits: d("0"),
            note: "x".into(),
            at: utc("2026-11-04T10:00:00Z"),
        };
        assert!(store.write(|w| w.insert_adjustment(&zero)).is_err());
    }

    #[test]
    fn budgets_are_set_replaced_listed_and_removed() {
        let mut store = Store::open_for_tests();
        let money = Budget {
            project: "ad".into(),
            unit: BudgetUnit::Money,
            amount: d("50"),
            currency: Some("USD".into()),
            platform: None,
            period: BudgetPeriod::Month,
            user: None,
        };
        let credits = Budget {
            project: "ad".into(),
            unit: BudgetUnit::Credits,
            amount: d("2000.5"),
            currency: None,
            platform: Some("runway".into()),
            period: BudgetPeriod::Total,
            user: None,
        };
        store.set_budget(&money).unwrap();
        store.set_budget(&credits).unwrap();
        let mut more = money.clone();
        more.amount = d("75");
        store.set_budget(&more).unwrap();
        // One person's budget beside the team's: another key, not a replacement.
        let anns = Budget {
            user: Some("ann".into()),
            ..money.clone()
        };
        store.set_budget(&anns).unwrap();
        assert_eq!(store.budgets().unwrap(), vec![credits.clone(), more, anns]);
        assert_eq!(
            store.remove_budget("ad", None, None, Some("ann")).unwrap(),
            1
        );
        let mut zero = credits.clone();
        zero.amount = d("0");
        assert!(store.set_budget(&zero).is_err());
        assert_eq!(
            store
                .remove_budget("ad", Some(BudgetUnit::Money), None, None)
                .unwrap(),
            1
        );
        assert_eq!(store.remove_budget("ad", None, None, None).unwrap(), 1);
        assert!(store.budgets().unwrap().is_empty());
    }

    #[test]
    fn the_most_logged_model_and_its_usual_shape() {
        let mut store = Store::open_for_tests();
        assert_eq!(store.most_logged("runway").unwrap(), None);
        for (model, secs) in [
            ("gen-4", "10"),
            ("gen-4", "10"),
            ("gen-4", "5"),
            ("aleph", "5"),
        ] {
            store
                .insert_entry(&NewEntry {
                    at: at("2026-11-05T10:00:00Z"),
                    platform: "runway".into(),
                    model: model.into(),
                    request: Request {
                        duration: Some(d(secs)),
                        audio: false,
                        count: 1,
                        ..Request::default()
                    },
                    credits: d("1"),
                    ..NewEntry::default()
                })
                .unwrap();
        }
        let shape = store.most_logged("runway").unwrap().unwrap();
        assert_eq!(shape.model, "gen-4");
        assert_eq!(shape.duration, Some(d("10")));
        assert_eq!(store.entries(&Filter::default()).unwrap().len(), 4);
    }

    #[test]
    fn schema_1_accounts_with_a_start_become_history() {
        // A database written by schema 1, with two accounts, one with a start date.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch(include_str!("migrations/0001_init.sql"))
                .unwrap();
            conn.pragma_update(
                None,
                "application_id",
                super::super::migrate::APPLICATION_ID,
            )
            .unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            conn.execute_batch(
                "INSERT INTO account VALUES ('kling', 'pro', 'annual', '2026-10-05', 5);
                 INSERT INTO account VALUES ('runway', 'standard', 'monthly', NULL, NULL);
                 INSERT INTO entry (at, platform, model, credits_milli, pricing, status, \
                 dedup_key) VALUES ('2026-10-06T10:00:00Z', 'kling', 'x', 1000, 'p', \
                 'refunded', 'k1');",
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let history = store.account_changes(None).unwrap();
        assert_eq!(
            history,
            vec![AccountChange {
                who: Default::default(),
                platform: "kling".into(),
                plan: "pro".into(),
                billing: BillingPeriod::Annual,
                effective_on: NaiveDate::from_ymd_opt(2026, 10, 5).unwrap(),
                renews_on: Some(5),
                terms: Default::default(),
                subscribed_on: None,
            }]
        );
        let runway: Account = store.account("runway").unwrap().unwrap();
        assert_eq!(runway.plan, "standard");
        // Refunded before refund times were kept: no time, counted at the entry's own.
        assert_eq!(
            store.test_records("kling").unwrap().spends[0].refunded_at,
            None
        );
    }
}
