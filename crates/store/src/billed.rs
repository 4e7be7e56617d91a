//! What the platforms really billed (issue 23), schema 12: table `billed`, one generation as
//! the platform reported it, beside the entry it created or enriched; and `billed_line`, an
//! aggregate the platform reported per model and UTC day (never a generation).
//!
//! Amounts are the platform's own, stored in the same fixed units as an entry's (money to the
//! micro-unit, credits to the milli-credit) and `None` when the platform did not say: an
//! unknown billed amount is never 0. A generation is known by the platform's own id (the
//! table's key), so importing the same list twice adds nothing; a line by its platform,
//! model, day and unit, and a day imported again replaces its line.

use super::Tx;
use crate::db::{params, Row};
use crate::entries::{format_at, AT_FORMAT};
use crate::units::{from_micro, from_milli, to_micro, to_milli};
use anyhow::{bail, Context, Result};
use chrono::{DateTime, NaiveDate, NaiveDateTime, SubsecRound, Utc};
use credits_core::records::{Money, Status};
use rust_decimal::Decimal;

/// How an imported generation found its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matched {
    /// No entry was logged for it: the import made one.
    Created,
    /// An entry carried the platform's id (its dedup key).
    Id,
    /// An entry of the same platform and model, logged close enough in time.
    Time,
}

impl Matched {
    pub fn as_str(self) -> &'static str {
        match self {
            Matched::Created => "created",
            Matched::Id => "id",
            Matched::Time => "time",
        }
    }

    /// The inverse of [`Matched::as_str`] (the table, and a JSON export, hold the text).
    pub fn parse(text: &str) -> Result<Matched> {
        Ok(match text {
            "created" => Matched::Created,
            "id" => Matched::Id,
            "time" => Matched::Time,
            other => bail!("bad match `{other}` (known: created, id, time)"),
        })
    }
}

/// One generation as the platform reported it.
#[derive(Debug, Clone, PartialEq)]
pub struct Billed {
    /// The credits platform id (`replicate`, `openai`).
    pub platform: String,
    /// The platform's own id of the generation.
    pub reference: String,
    /// The entry it created or enriched; `None` once that entry was removed.
    pub entry_id: Option<i64>,
    /// Which export it came from (`replicate-predictions`, `openai-videos`).
    pub source: String,
    /// The model as the platform named it.
    pub model: String,
    pub at: DateTime<Utc>,
    pub status: Status,
    /// Money the platform reported; `None` when it did not say.
    pub amount: Option<Money>,
    /// Credits the platform reported; `None` when it did not say.
    pub credits: Option<Decimal>,
    pub matched: Matched,
}

/// What one model cost on one UTC day, in one unit, as the platform reported it.
#[derive(Debug, Clone, PartialEq)]
pub struct BilledLine {
    pub platform: String,
    /// The credits model id when the tables know it, else the platform's own name.
    pub model: String,
    pub day: NaiveDate,
    /// The platform's unit (`video_second`, `image`), '' when it gives none.
    pub unit: String,
    pub quantity: Option<Decimal>,
    pub amount: Option<Money>,
    pub credits: Option<Decimal>,
    /// Which export it came from (`fal-usage`, `runway-usage`, `openai-costs`).
    pub source: String,
}

/// What writing a line did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineWrite {
    Added,
    /// The same line was there.
    Unchanged,
    /// The day was there with other numbers: the platform's latest replaced them.
    Replaced,
}

const BILLED_COLUMNS: &str = "platform, ref, entry_id, source, model, at, status, amount_micro, \
     currency, credits_milli, matched";

const LINE_COLUMNS: &str =
    "platform, model, day, unit, quantity_milli, amount_micro, currency, credits_milli, source";

fn money(micro: Option<i64>, currency: Option<String>) -> Option<Money> {
    match (micro, currency) {
        (Some(m), Some(currency)) => Some(Money {
            amount: from_micro(m),
            currency,
        }),
        _ => None,
    }
}

fn billed_row(r: &Row<'_>) -> Result<Billed> {
    let at: String = r.get("at")?;
    Ok(Billed {
        platform: r.get("platform")?,
        reference: r.get("ref")?,
        entry_id: r.get("entry_id")?,
        source: r.get("source")?,
        model: r.get("model")?,
        at: NaiveDateTime::parse_from_str(&at, AT_FORMAT)
            .with_context(|| format!("bad time `{at}` in the billed table"))?
            .and_utc(),
        status: r.get::<String>("status")?.parse()?,
        amount: money(r.get("amount_micro")?, r.get("currency")?),
        credits: r.get::<Option<i64>>("credits_milli")?.map(from_milli),
        matched: Matched::parse(&r.get::<String>("matched")?)?,
    })
}

fn line_row(r: &Row<'_>) -> Result<BilledLine> {
    let day: String = r.get("day")?;
    Ok(BilledLine {
        platform: r.get("platform")?,
        model: r.get("model")?,
        day: NaiveDate::parse_from_str(&day, "%Y-%m-%d")
            .with_context(|| format!("bad day `{day}` in the billed lines"))?,
        unit: r.get("unit")?,
        quantity: r.get::<Option<i64>>("quantity_milli")?.map(from_milli),
        // A line of credits only has the empty currency (schema 15: a key column).
        amount: money(
            r.get("amount_micro")?,
            r.get::<String>("currency")
                .map(|c| Some(c).filter(|c| !c.is_empty()))?,
        ),
        credits: r.get::<Option<i64>>("credits_milli")?.map(from_milli),
        source: r.get("source")?,
    })
}

fn micro_of(m: &Option<Money>) -> Result<(Option<i64>, Option<String>)> {
    Ok(match m {
        Some(m) => (
            Some(to_micro(m.amount, "billed amount")?),
            Some(m.currency.clone()),
        ),
        None => (None, None),
    })
}

fn milli_of(c: Option<Decimal>, what: &str) -> Result<Option<i64>> {
    c.map(|c| to_milli(c, what)).transpose()
}

/// A quantity the platform gave to more than 3 decimal places is kept to 3 (it is shown,
/// never summed into money).
fn quantity_milli(q: Option<Decimal>) -> Result<Option<i64>> {
    milli_of(q.map(|q| q.round_dp(3)), "quantity")
}

impl Tx<'_> {
    /// The generation the platform knows as `reference`, if it was imported.
    pub fn billed(&self, platform: &str, reference: &str) -> Result<Option<Billed>> {
        self.conn.query_opt(
            &format!("SELECT {BILLED_COLUMNS} FROM billed WHERE platform = ?1 AND ref = ?2"),
            params![platform, reference],
            billed_row,
        )
    }

    /// Whether an entry already has the platform's record of it (so a second generation is
    /// never matched to it by time).
    pub fn entry_is_billed(&self, entry_id: i64) -> Result<bool> {
        Ok(self
            .conn
            .query_opt(
                "SELECT 1 FROM billed WHERE entry_id = ?1",
                params![entry_id],
                |_| Ok(()),
            )?
            .is_some())
    }

    /// The platform's record of each entry of `ids` that has one (`history` shows it beside
    /// the estimate); an entry with two (never made by an import, which links one) shows the
    /// earliest.
    pub fn billed_of_entries(&self, ids: &[i64]) -> Result<std::collections::HashMap<i64, Billed>> {
        let mut out = std::collections::HashMap::new();
        for id in ids {
            let found = self.conn.query_map(
                &format!(
                    "SELECT {BILLED_COLUMNS} FROM billed WHERE entry_id = ?1 \
                     ORDER BY at, platform, ref"
                ),
                params![id],
                billed_row,
            )?;
            if let Some(b) = found.into_iter().next() {
                out.insert(*id, b);
            }
        }
        Ok(out)
    }

    /// The entry whose dedup key is `key`, if any.
    pub fn entry_id_by_dedup_key(&self, key: &str) -> Result<Option<i64>> {
        self.conn.query_opt(
            "SELECT id FROM entry WHERE dedup_key = ?1",
            params![key],
            |r| r.get(0),
        )
    }

    /// Records a generation as the platform reported it.
    pub fn insert_billed(&self, b: &Billed) -> Result<()> {
        let (micro, currency) = micro_of(&b.amount)?;
        self.conn
            .execute(
                &format!(
                    "INSERT INTO billed ({BILLED_COLUMNS}) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                ),
                params![
                    b.platform,
                    b.reference,
                    b.entry_id,
                    b.source,
                    b.model,
                    format_at(&b.at.trunc_subsecs(0)),
                    b.status.as_str(),
                    micro,
                    currency,
                    milli_of(b.credits, "billed credits")?,
                    b.matched.as_str(),
                ],
            )
            .with_context(|| {
                format!(
                    "cannot record {} generation {} as billed",
                    b.platform, b.reference
                )
            })?;
        Ok(())
    }

    /// Writes a line, replacing the same platform, model, day, unit and currency if it was
    /// there: a line in another currency is kept beside it, never in its place.
    pub fn put_billed_line(&self, l: &BilledLine) -> Result<LineWrite> {
        let (micro, currency) = micro_of(&l.amount)?;
        let key_currency = currency.clone().unwrap_or_default();
        let credits = milli_of(l.credits, "billed credits")?;
        let quantity = quantity_milli(l.quantity)?;
        let day = l.day.format("%Y-%m-%d").to_string();
        let old = self.conn.query_opt(
            &format!(
                "SELECT {LINE_COLUMNS} FROM billed_line \
                 WHERE platform = ?1 AND model = ?2 AND day = ?3 AND unit = ?4 \
                 AND currency = ?5"
            ),
            params![l.platform, l.model, day, l.unit, key_currency],
            line_row,
        )?;
        let mut stored = l.clone();
        stored.amount = money(micro, currency.clone());
        stored.credits = credits.map(from_milli);
        stored.quantity = quantity.map(from_milli);
        if old.as_ref() == Some(&stored) {
            return Ok(LineWrite::Unchanged);
        }
        self.conn
            .execute(
                &format!(
                    "INSERT INTO billed_line ({LINE_COLUMNS}) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
                     ON CONFLICT (platform, model, day, unit, currency) DO UPDATE SET \
                     quantity_milli = excluded.quantity_milli, \
                     amount_micro = excluded.amount_micro, \
                     credits_milli = excluded.credits_milli, source = excluded.source"
                ),
                params![
                    l.platform,
                    l.model,
                    day,
                    l.unit,
                    quantity,
                    micro,
                    key_currency,
                    credits,
                    l.source,
                ],
            )
            .with_context(|| {
                format!(
                    "cannot record the {} billed line of {} on {day}",
                    l.platform, l.model
                )
            })?;
        Ok(if old.is_some() {
            LineWrite::Replaced
        } else {
            LineWrite::Added
        })
    }

    /// Every billed generation, oldest first, with the dedup key of its entry (`None` when
    /// it has none any more), for `export`: ids differ between logs, keys do not.
    pub fn billed_with_entry_keys(&self) -> Result<Vec<(Billed, Option<String>)>> {
        let columns: Vec<String> = BILLED_COLUMNS
            .split(", ")
            .map(|c| format!("b.{}", c.trim()))
            .collect();
        self.conn.query_map(
            &format!(
                "SELECT {}, e.dedup_key AS entry_key FROM billed b \
                 LEFT JOIN entry e ON e.id = b.entry_id ORDER BY b.at, b.platform, b.ref",
                columns.join(", ")
            ),
            params![],
            |r| Ok((billed_row(r)?, r.get("entry_key")?)),
        )
    }

    /// Writes a line unless one of the same platform, model, day, unit and currency is there
    /// (an import of an export: the log's own line is kept); returns whether it was written.
    pub fn insert_billed_line_if_absent(&self, l: &BilledLine) -> Result<bool> {
        let (_, currency) = micro_of(&l.amount)?;
        let exists = self
            .conn
            .query_opt(
                "SELECT 1 FROM billed_line \
                 WHERE platform = ?1 AND model = ?2 AND day = ?3 AND unit = ?4 \
                 AND currency = ?5",
                params![
                    l.platform,
                    l.model,
                    l.day.format("%Y-%m-%d").to_string(),
                    l.unit,
                    currency.unwrap_or_default()
                ],
                |_| Ok(()),
            )?
            .is_some();
        if exists {
            return Ok(false);
        }
        self.put_billed_line(l)?;
        Ok(true)
    }

    /// The billed generations, oldest first, of one platform (or all) from a day on.
    pub fn billed_generations(
        &self,
        platform: Option<&str>,
        since: Option<NaiveDate>,
    ) -> Result<Vec<Billed>> {
        let since = since.map(|d| d.format("%Y-%m-%dT00:00:00Z").to_string());
        self.conn.query_map(
            &format!(
                "SELECT {BILLED_COLUMNS} FROM billed \
                 WHERE (CAST(?1 AS TEXT) IS NULL OR platform = ?1) \
                 AND (CAST(?2 AS TEXT) IS NULL OR at >= ?2) \
                 ORDER BY at, platform, ref"
            ),
            params![platform, since],
            billed_row,
        )
    }

    /// The billed lines, oldest day first, of one platform (or all) from a day on.
    pub fn billed_lines(
        &self,
        platform: Option<&str>,
        since: Option<NaiveDate>,
    ) -> Result<Vec<BilledLine>> {
        let since = since.map(|d| d.format("%Y-%m-%d").to_string());
        self.conn.query_map(
            &format!(
                "SELECT {LINE_COLUMNS} FROM billed_line \
                 WHERE (CAST(?1 AS TEXT) IS NULL OR platform = ?1) \
                 AND (CAST(?2 AS TEXT) IS NULL OR day >= ?2) \
                 ORDER BY day, platform, model, unit, currency"
            ),
            params![platform, since],
            line_row,
        )
    }
}

impl crate::Store {
    /// [`Tx::billed_lines`] outside a transaction (`report` reads without one).
    pub fn billed_lines(
        &self,
        platform: Option<&str>,
        since: Option<NaiveDate>,
    ) -> Result<Vec<BilledLine>> {
        Tx { conn: &self.conn }.billed_lines(platform, since)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use std::str::FromStr;

    fn usd(text: &str) -> Option<Money> {
        Some(Money {
            amount: Decimal::from_str(text).unwrap(),
            currency: "USD".into(),
        })
    }

    #[test]
    fn a_line_is_added_then_unchanged_then_replaced() {
        let mut store = Store::open_for_tests();
        let mut line = BilledLine {
            platform: "fal".into(),
            model: "veo-3".into(),
            day: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            unit: "video_second".into(),
            quantity: Some(Decimal::from(16)),
            amount: usd("6.4"),
            credits: None,
            source: "fal-usage".into(),
        };
        let writes = store
            .write(|tx| {
                let a = tx.put_billed_line(&line)?;
                let b = tx.put_billed_line(&line)?;
                line.amount = usd("7.2");
                let c = tx.put_billed_line(&line)?;
                Ok((a, b, c, tx.billed_lines(Some("fal"), None)?))
            })
            .unwrap();
        assert_eq!(
            (writes.0, writes.1, writes.2),
            (LineWrite::Added, LineWrite::Unchanged, LineWrite::Replaced)
        );
        assert_eq!(writes.3, vec![line]);
    }

    #[test]
    fn an_export_reads_each_generation_with_its_entry_key_and_a_line_is_added_once() {
        let mut store = Store::open_for_tests();
        let id = store
            .insert_entry(&credits_core::records::NewEntry {
                at: DateTime::parse_from_rfc3339("2026-11-20T11:10:00+01:00").unwrap(),
                platform: "replicate".into(),
                model: "flux-dev".into(),
                dedup_key: Some("log:abc".into()),
                ..Default::default()
            })
            .unwrap();
        let billed = |reference: &str, entry_id: Option<i64>, at: &str| Billed {
            platform: "replicate".into(),
            reference: reference.into(),
            entry_id,
            source: "replicate-predictions".into(),
            model: "black-forest-labs/flux-dev".into(),
            at: DateTime::parse_from_rfc3339(at).unwrap().to_utc(),
            status: Status::Failed,
            amount: usd("0.025"),
            credits: None,
            matched: Matched::Time,
        };
        let linked = billed("b", Some(id), "2026-11-20T11:00:00Z");
        let unlinked = billed("a", None, "2026-11-20T12:00:00Z");
        let line = BilledLine {
            platform: "fal".into(),
            model: "ovi".into(),
            day: NaiveDate::from_ymd_opt(2026, 11, 18).unwrap(),
            unit: "video".into(),
            quantity: Some(Decimal::from(3)),
            amount: usd("0.6"),
            credits: None,
            source: "fal-usage".into(),
        };
        let mut other = line.clone();
        other.amount = usd("0.8");
        let (listed, first, again, differing, of_entries) = store
            .write(|tx| {
                tx.insert_billed(&unlinked)?;
                tx.insert_billed(&linked)?;
                Ok((
                    tx.billed_with_entry_keys()?,
                    tx.insert_billed_line_if_absent(&line)?,
                    tx.insert_billed_line_if_absent(&line)?,
                    tx.insert_billed_line_if_absent(&other)?,
                    tx.billed_of_entries(&[id, id + 1])?,
                ))
            })
            .unwrap();
        // `history`: the entry's record, and nothing for an entry with none.
        assert_eq!(
            of_entries.into_iter().collect::<Vec<_>>(),
            vec![(id, linked.clone())]
        );
        // Oldest first; the entry by its key (the same column names as the entry's own
        // platform, model and time must not be taken from the entry).
        assert_eq!(
            listed,
            vec![(linked, Some("log:abc".to_string())), (unlinked, None)]
        );
        assert_eq!((first, again, differing), (true, false, false));
        // The log's own line is kept.
        assert_eq!(store.billed_lines(None, None).unwrap(), vec![line]);
    }

    #[test]
    fn a_line_in_another_currency_is_kept_beside_not_in_place() {
        let mut store = Store::open_for_tests();
        let usd_line = BilledLine {
            platform: "fal".into(),
            model: "ovi".into(),
            day: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            unit: "video_second".into(),
            quantity: None,
            amount: usd("3.2"),
            credits: None,
            source: "fal-usage".into(),
        };
        let mut eur_line = usd_line.clone();
        eur_line.amount = Some(Money {
            amount: Decimal::from_str("0.6").unwrap(),
            currency: "EUR".into(),
        });
        let (a, b, lines) = store
            .write(|tx| {
                let a = tx.put_billed_line(&usd_line)?;
                let b = tx.put_billed_line(&eur_line)?;
                Ok((a, b, tx.billed_lines(Some("fal"), None)?))
            })
            .unwrap();
        assert_eq!((a, b), (LineWrite::Added, LineWrite::Added));
        assert_eq!(lines, vec![eur_line, usd_line]);
    }

    #[test]
    fn a_generation_is_kept_with_an_unknown_amount_and_found_by_its_id() {
        let mut store = Store::open_for_tests();
        let b = Billed {
            platform: "replicate".into(),
            reference: "abc123".into(),
            entry_id: None,
            source: "replicate-predictions".into(),
            model: "black-forest-labs/flux-schnell".into(),
            at: DateTime::parse_from_rfc3339("2026-11-20T10:00:00Z")
                .unwrap()
                .to_utc(),
            status: Status::Failed,
            amount: None,
            credits: None,
            matched: Matched::Created,
        };
        let found = store
            .write(|tx| {
                tx.insert_billed(&b)?;
                tx.billed("replicate", "abc123")
            })
            .unwrap();
        assert_eq!(found, Some(b.clone()));
        assert!(
            store.write(|tx| tx.insert_billed(&b)).is_err(),
            "the platform's id is the key: the same id twice is refused"
        );
        let all = store
            .read(|tx| tx.billed_generations(Some("replicate"), None))
            .unwrap();
        assert_eq!(all, vec![b]);
    }
}
