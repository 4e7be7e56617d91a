//! The JSON form: the whole state.
//!
//! ```text
//! {"format": "credits", "version": 1,
//! "accounts": [...], "account_changes": [...], "topups": [...], "adjustments": [...],
//! "budgets": [...], "balance_checks": [...], "billed": [...], "billed_lines": [...],
//! "entries": [
//! {...one entry per line...}
//! ]}
//! ```
//!
//! Decimals are strings, times RFC 3339 (UTC, except an entry's `at`, which keeps the offset
//! it was logged in), dates `YYYY-MM-DD`. The entries are streamed both ways: written one at
//! a time, and read one element at a time by a serde visitor, never as a whole document. A
//! bare array of entries (the JSON export before the state was added) still reads.
//!
//! `balance_checks`, `billed` and `billed_lines` (schemas 12 and 13) are written only when
//! the log has some, so a log without them exports exactly as before and an older credits
//! still reads the file. A `billed` record names its entry by the entry's dedup key
//! (`entry_key`), never by id: ids differ between logs, and the import links the record to
//! whichever entry carries that key in the target.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::rc::Rc;
use std::str::FromStr;

use anyhow::{anyhow, bail, Result};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rust_decimal::Decimal;
use serde::de::{self, DeserializeSeed, Deserializer as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::{build_row, col, parse_tags, ExportRow, Item, ReadOptions, State, COLUMNS};
use credits_core::records::{
    Account, AccountChange, Adjustment, BalanceCheck, Budget, Entry, Money, PlanTerms, Topup,
    TopupExpiry, Who,
};
use credits_store::{to_micro, to_milli, Billed, BilledLine, Matched};

/// `"format"` of a state file.
const FORMAT_NAME: &str = "credits";
/// `"version"` of the state layout this build writes and reads.
const VERSION: u32 = 1;

// ----------------------------------------------------------------------------------------------
// The state records as they appear in the file

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountRecord {
    platform: String,
    plan: String,
    billing: String,
    since: Option<String>,
    renews_on: Option<u8>,
    /// What the user pays (schema 5); absent in older files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    price: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    credits: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeRecord {
    platform: String,
    plan: String,
    billing: String,
    effective_on: String,
    renews_on: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    price: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    credits: Option<String>,
    /// The day the subscription began, when the user said (schema 14); absent in older
    /// files, and for a start of tracking or a plan change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subscribed_on: Option<String>,
    /// Who recorded it, where (schema 10); absent in older files, and when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    logged_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    machine: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopupRecord {
    platform: String,
    pack: Option<String>,
    credits: String,
    bonus: String,
    price: String,
    currency: String,
    at: String,
    /// `never`, `unknown`, or an RFC 3339 time.
    expiry: String,
    /// Who recorded it, where (schema 10); absent in older files, and when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    logged_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    machine: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AdjustmentRecord {
    platform: String,
    credits: String,
    note: String,
    at: String,
    /// Who recorded it, where (schema 10); absent in older files, and when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    logged_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    machine: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BalanceCheckRecord {
    platform: String,
    at: String,
    expected: String,
    ledger: String,
    checked_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    logged_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    machine: Option<String>,
}

/// One generation as a platform billed it (`credits import --from`, schema 12).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BilledRecord {
    platform: String,
    /// The platform's own id of the generation.
    #[serde(rename = "ref")]
    reference: String,
    /// The dedup key of the entry it created or enriched; absent once that entry was
    /// removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    entry_key: Option<String>,
    source: String,
    model: String,
    at: String,
    status: String,
    /// Money the platform reported, with its currency; both absent when it did not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    credits: Option<String>,
    /// How it found its entry: `created`, `id` or `time`.
    matched: String,
}

/// What one model cost on one UTC day, as a platform billed it (schema 12).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BilledLineRecord {
    platform: String,
    model: String,
    day: String,
    /// The platform's unit; empty when it gives none.
    unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quantity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    credits: Option<String>,
    source: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BudgetRecord {
    project: String,
    unit: String,
    amount: String,
    currency: Option<String>,
    platform: Option<String>,
    period: String,
    /// Whose entries it counts (schema 11); absent: everyone's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    user: Option<String>,
}

fn time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn parse_time(s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| anyhow!("`{s}` is not an RFC 3339 time"))
}

fn parse_day(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| anyhow!("`{s}` is not a YYYY-MM-DD date"))
}

/// Who recorded a state record, as the file says: an empty name is unknown.
fn who(logged_by: Option<String>, machine: Option<String>) -> Who {
    let known = |n: Option<String>| n.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    Who {
        logged_by: known(logged_by),
        machine: known(machine),
    }
}

fn parse_decimal(s: &str) -> Result<Decimal> {
    Decimal::from_str(s).map_err(|_| anyhow!("`{s}` is not a number"))
}

impl From<&Account> for AccountRecord {
    fn from(a: &Account) -> AccountRecord {
        AccountRecord {
            platform: a.platform.clone(),
            plan: a.plan.clone(),
            billing: a.billing.as_str().to_string(),
            since: a.since.map(day),
            renews_on: a.renews_on,
            price: a.terms.price.map(|p| p.to_string()),
            credits: a.terms.credits.map(|c| c.to_string()),
        }
    }
}

/// The `price` and `credits` of an account or plan change record.
fn terms(price: Option<&str>, credits: Option<&str>) -> Result<PlanTerms> {
    Ok(PlanTerms {
        price: price.map(parse_decimal).transpose()?,
        credits: credits.map(parse_decimal).transpose()?,
    })
}

impl AccountRecord {
    fn into_record(self) -> Result<Account> {
        Ok(Account {
            platform: self.platform,
            plan: self.plan,
            billing: self.billing.parse()?,
            since: self.since.as_deref().map(parse_day).transpose()?,
            renews_on: self.renews_on,
            terms: terms(self.price.as_deref(), self.credits.as_deref())?,
        })
    }
}

impl From<&AccountChange> for ChangeRecord {
    fn from(c: &AccountChange) -> ChangeRecord {
        ChangeRecord {
            platform: c.platform.clone(),
            plan: c.plan.clone(),
            billing: c.billing.as_str().to_string(),
            effective_on: day(c.effective_on),
            renews_on: c.renews_on,
            price: c.terms.price.map(|p| p.to_string()),
            credits: c.terms.credits.map(|c| c.to_string()),
            subscribed_on: c.subscribed_on.map(day),
            logged_by: c.who.logged_by.clone(),
            machine: c.who.machine.clone(),
        }
    }
}

impl ChangeRecord {
    fn into_record(self) -> Result<AccountChange> {
        Ok(AccountChange {
            platform: self.platform,
            plan: self.plan,
            billing: self.billing.parse()?,
            effective_on: parse_day(&self.effective_on)?,
            renews_on: self.renews_on,
            terms: terms(self.price.as_deref(), self.credits.as_deref())?,
            subscribed_on: self.subscribed_on.as_deref().map(parse_day).transpose()?,
            who: who(self.logged_by, self.machine),
        })
    }
}

impl From<&Topup> for TopupRecord {
    fn from(t: &Topup) -> TopupRecord {
        TopupRecord {
            platform: t.platform.clone(),
            pack: t.pack.clone(),
            credits: t.credits.to_string(),
            bonus: t.bonus.to_string(),
            price: t.price.to_string(),
            currency: t.currency.clone(),
            at: time(&t.at),
            expiry: match t.expiry {
                TopupExpiry::Never => "never".to_string(),
                TopupExpiry::Unknown => "unknown".to_string(),
                TopupExpiry::At(e) => time(&e),
            },
            logged_by: t.who.logged_by.clone(),
            machine: t.who.machine.clone(),
        }
    }
}

impl TopupRecord {
    fn into_record(self) -> Result<Topup> {
        Ok(Topup {
            id: 0,
            platform: self.platform,
            pack: self.pack,
            credits: parse_decimal(&self.credits)?,
            bonus: parse_decimal(&self.bonus)?,
            price: parse_decimal(&self.price)?,
            currency: self.currency,
            at: parse_time(&self.at)?,
            expiry: match self.expiry.as_str() {
                "never" => TopupExpiry::Never,
                "unknown" => TopupExpiry::Unknown,
                t => TopupExpiry::At(parse_time(t)?),
            },
            who: who(self.logged_by, self.machine),
        })
    }
}

impl From<&Adjustment> for AdjustmentRecord {
    fn from(a: &Adjustment) -> AdjustmentRecord {
        AdjustmentRecord {
            platform: a.platform.clone(),
            credits: a.credits.to_string(),
            note: a.note.clone(),
            at: time(&a.at),
            logged_by: a.who.logged_by.clone(),
            machine: a.who.machine.clone(),
        }
    }
}

impl AdjustmentRecord {
    fn into_record(self) -> Result<Adjustment> {
        Ok(Adjustment {
            id: 0,
            platform: self.platform,
            credits: parse_decimal(&self.credits)?,
            note: self.note,
            at: parse_time(&self.at)?,
            who: who(self.logged_by, self.machine),
        })
    }
}

impl From<&BalanceCheck> for BalanceCheckRecord {
    fn from(c: &BalanceCheck) -> BalanceCheckRecord {
        BalanceCheckRecord {
            platform: c.platform.clone(),
            at: time(&c.at),
            expected: c.expected.to_string(),
            ledger: c.ledger.to_string(),
            checked_at: time(&c.checked_at),
            logged_by: c.who.logged_by.clone(),
            machine: c.who.machine.clone(),
        }
    }
}

impl BalanceCheckRecord {
    fn into_record(self) -> Result<BalanceCheck> {
        Ok(BalanceCheck {
            id: 0,
            platform: self.platform,
            at: parse_time(&self.at)?,
            expected: parse_decimal(&self.expected)?,
            ledger: parse_decimal(&self.ledger)?,
            checked_at: parse_time(&self.checked_at)?,
            who: who(self.logged_by, self.machine),
        })
    }
}

/// A billed amount as the file says it: a number and its currency, both or neither; stored
/// to the micro-unit, so more places than that are refused here, naming the record.
fn billed_money(amount: Option<&str>, currency: Option<String>) -> Result<Option<Money>> {
    match (amount, currency) {
        (None, None) => Ok(None),
        (Some(a), Some(currency)) if !currency.trim().is_empty() => {
            let amount = parse_decimal(a)?;
            to_micro(amount, "amount")?;
            Ok(Some(Money { amount, currency }))
        }
        _ => bail!("`amount` and `currency` are given together or not at all"),
    }
}

/// Billed credits or a quantity: stored to the thousandth, so more places are refused here.
fn billed_milli(value: Option<&str>, what: &str) -> Result<Option<Decimal>> {
    value
        .map(|v| {
            let d = parse_decimal(v)?;
            to_milli(d, what)?;
            Ok(d)
        })
        .transpose()
}

impl BilledRecord {
    fn new(b: &Billed, entry_key: Option<&str>) -> BilledRecord {
        BilledRecord {
            platform: b.platform.clone(),
            reference: b.reference.clone(),
            entry_key: entry_key.map(str::to_string),
            source: b.source.clone(),
            model: b.model.clone(),
            at: time(&b.at),
            status: b.status.as_str().to_string(),
            amount: b.amount.as_ref().map(|m| m.amount.to_string()),
            currency: b.amount.as_ref().map(|m| m.currency.clone()),
            credits: b.credits.map(|c| c.to_string()),
            matched: b.matched.as_str().to_string(),
        }
    }

    fn into_record(self) -> Result<(Billed, Option<String>)> {
        if self.platform.trim().is_empty() || self.reference.trim().is_empty() {
            bail!("`platform` and `ref` must not be empty");
        }
        let billed = Billed {
            platform: self.platform,
            reference: self.reference,
            entry_id: None,
            source: self.source,
            model: self.model,
            at: parse_time(&self.at)?,
            status: self.status.parse()?,
            amount: billed_money(self.amount.as_deref(), self.currency)?,
            credits: billed_milli(self.credits.as_deref(), "credits")?,
            matched: Matched::parse(&self.matched)?,
        };
        let key = self.entry_key.filter(|k| !k.is_empty());
        Ok((billed, key))
    }
}

impl From<&BilledLine> for BilledLineRecord {
    fn from(l: &BilledLine) -> BilledLineRecord {
        BilledLineRecord {
            platform: l.platform.clone(),
            model: l.model.clone(),
            day: day(l.day),
            unit: l.unit.clone(),
            quantity: l.quantity.map(|q| q.to_string()),
            amount: l.amount.as_ref().map(|m| m.amount.to_string()),
            currency: l.amount.as_ref().map(|m| m.currency.clone()),
            credits: l.credits.map(|c| c.to_string()),
            source: l.source.clone(),
        }
    }
}

impl BilledLineRecord {
    fn into_record(self) -> Result<BilledLine> {
        if self.platform.trim().is_empty() || self.model.trim().is_empty() {
            bail!("`platform` and `model` must not be empty");
        }
        Ok(BilledLine {
            platform: self.platform,
            model: self.model,
            day: parse_day(&self.day)?,
            unit: self.unit,
            quantity: billed_milli(self.quantity.as_deref(), "quantity")?,
            amount: billed_money(self.amount.as_deref(), self.currency)?,
            credits: billed_milli(self.credits.as_deref(), "credits")?,
            source: self.source,
        })
    }
}

impl From<&Budget> for BudgetRecord {
    fn from(b: &Budget) -> BudgetRecord {
        BudgetRecord {
            project: b.project.clone(),
            unit: b.unit.as_str().to_string(),
            amount: b.amount.to_string(),
            currency: b.currency.clone(),
            platform: b.platform.clone(),
            period: b.period.as_str().to_string(),
            user: b.user.clone(),
        }
    }
}

impl BudgetRecord {
    fn into_record(self) -> Result<Budget> {
        Ok(Budget {
            project: self.project,
            unit: self.unit.parse()?,
            amount: parse_decimal(&self.amount)?,
            currency: self.currency,
            platform: self.platform,
            period: self.period.parse()?,
            user: self.user.filter(|u| !u.is_empty()),
        })
    }
}

// ----------------------------------------------------------------------------------------------
// Writing

/// Writes the state, then the entries one per line.
pub struct Writer<W: Write> {
    out: BufWriter<W>,
    entries: u64,
}

impl<W: Write> Writer<W> {
    pub(super) fn begin(out: W, state: &State) -> Result<Writer<W>> {
        let mut out = BufWriter::new(out);
        writeln!(
            out,
            "{{\"format\": \"{FORMAT_NAME}\", \"version\": {VERSION},"
        )?;
        fn section<W: Write, R: Serialize>(out: &mut W, name: &str, rows: &[R]) -> Result<()> {
            write!(out, "\"{name}\": ")?;
            serde_json::to_writer(&mut *out, rows)?;
            out.write_all(b",\n")?;
            Ok(())
        }
        let accounts: Vec<AccountRecord> = state.accounts.iter().map(Into::into).collect();
        section(&mut out, "accounts", &accounts)?;
        let changes: Vec<ChangeRecord> = state.account_changes.iter().map(Into::into).collect();
        section(&mut out, "account_changes", &changes)?;
        let topups: Vec<TopupRecord> = state.topups.iter().map(Into::into).collect();
        section(&mut out, "topups", &topups)?;
        let adjustments: Vec<AdjustmentRecord> = state.adjustments.iter().map(Into::into).collect();
        section(&mut out, "adjustments", &adjustments)?;
        let budgets: Vec<BudgetRecord> = state.budgets.iter().map(Into::into).collect();
        section(&mut out, "budgets", &budgets)?;
        // Only when there are some: a log never checked exports as it did before schema 13,
        // which an older credits still reads.
        if !state.balance_checks.is_empty() {
            let checks: Vec<BalanceCheckRecord> =
                state.balance_checks.iter().map(Into::into).collect();
            section(&mut out, "balance_checks", &checks)?;
        }
        // The same for what the platforms billed (schema 12).
        if !state.billed.is_empty() {
            let billed: Vec<BilledRecord> = state
                .billed
                .iter()
                .map(|(b, key)| BilledRecord::new(b, key.as_deref()))
                .collect();
            section(&mut out, "billed", &billed)?;
        }
        if !state.billed_lines.is_empty() {
            let lines: Vec<BilledLineRecord> = state.billed_lines.iter().map(Into::into).collect();
            section(&mut out, "billed_lines", &lines)?;
        }
        out.write_all(b"\"entries\": [")?;
        Ok(Writer { out, entries: 0 })
    }

    pub(super) fn entry(&mut self, e: &Entry) -> Result<()> {
        // One object per line: readable, and import errors can name the line.
        self.out
            .write_all(if self.entries == 0 { b"\n" } else { b",\n" })?;
        let tags: BTreeMap<&str, &str> = e
            .tags
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        serde_json::to_writer(&mut self.out, &ExportRow::new(e, tags))?;
        self.entries += 1;
        Ok(())
    }

    pub(super) fn finish(mut self) -> Result<u64> {
        self.out.write_all(if self.entries == 0 {
            b"]}\n"
        } else {
            b"\n]}\n"
        })?;
        self.out.flush()?;
        Ok(self.entries)
    }
}

// ----------------------------------------------------------------------------------------------
// Reading

/// Counts lines as serde_json pulls them, so an error can name its line.
struct Counting<R> {
    inner: R,
    line: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let lines = buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        self.line.set(self.line.get() + lines);
        Ok(n)
    }
}

/// A JSON value of an entry object: text, true/false, null, or the tags object. Numbers
/// become their text here, so a decimal is parsed exactly by the same code as in CSV.
enum JsonField {
    Null,
    Text(String),
    Tags(Vec<(String, String)>),
}

impl<'de> Deserialize<'de> for JsonField {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<JsonField, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = JsonField;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, number, boolean, null, or an object of tags")
            }
            fn visit_unit<E>(self) -> Result<JsonField, E> {
                Ok(JsonField::Null)
            }
            fn visit_none<E>(self) -> Result<JsonField, E> {
                Ok(JsonField::Null)
            }
            fn visit_str<E>(self, v: &str) -> Result<JsonField, E> {
                Ok(JsonField::Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<JsonField, E> {
                Ok(JsonField::Text(v))
            }
            fn visit_bool<E>(self, v: bool) -> Result<JsonField, E> {
                Ok(JsonField::Text(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<JsonField, E> {
                Ok(JsonField::Text(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<JsonField, E> {
                Ok(JsonField::Text(v.to_string()))
            }
            // A JSON number with a fraction has already become a binary float; its shortest
            // decimal form is what the user wrote for any sensible value. Exports use strings.
            // A number beyond 2^53 (or beyond u64, where serde_json falls back to a float),
            // or one of more than 15 significant digits, may have lost digits already: refused
            // (written in quotes it is read exactly), never stored changed.
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<JsonField, E> {
                let text = v.to_string();
                let significant = text
                    .replace(['-', '.'], "")
                    .trim_start_matches('0')
                    .trim_end_matches('0')
                    .len();
                if v.abs() >= 9_007_199_254_740_992.0 {
                    return Err(E::custom(
                        "a number too large to be read exactly from JSON: write it in quotes \
                         (numbers have at most 28 digits)",
                    ));
                }
                if significant > 15 {
                    return Err(E::custom(
                        "a number of more than 15 significant digits is not read exactly from \
                         JSON: write it in quotes",
                    ));
                }
                Ok(JsonField::Text(text))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonField, A::Error> {
                let mut tags = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, JsonField>()? {
                    match v {
                        JsonField::Text(v) => tags.push((k, v)),
                        _ => return Err(de::Error::custom(format!("tag `{k}` is not text"))),
                    }
                }
                Ok(JsonField::Tags(tags))
            }
        }
        d.deserialize_any(V)
    }
}

/// One entry object, fields in file order with the line each field's key is on (so an error
/// points at the bad value, not the end of the object). Hand-written: serde's derive would
/// need the fields' final types, and the text of each value is needed for exact decimals and
/// the dedup fingerprint.
struct JsonObject(Vec<(String, JsonField, u64)>);

/// Reads a [`JsonObject`], noting the line of each key from the line counter.
struct ObjectSeed(Rc<Cell<u64>>);

impl<'de> DeserializeSeed<'de> for ObjectSeed {
    type Value = JsonObject;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<JsonObject, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ObjectSeed {
    type Value = JsonObject;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonObject, A::Error> {
        let mut fields = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            // The key has just been read to its closing quote: this is its line.
            let line = self.0.get();
            let value = map.next_value::<JsonField>()?;
            fields.push((key, value, line));
        }
        Ok(JsonObject(fields))
    }
}

/// What the walk over the document shares: the caller's callback, the current line, and the
/// error that stopped the walk, kept whole (serde can only carry a message).
struct Walk<'a> {
    opts: &'a ReadOptions,
    line: Rc<Cell<u64>>,
    on: &'a mut dyn FnMut(Item) -> Result<()>,
    failure: Option<anyhow::Error>,
}

impl Walk<'_> {
    /// Runs `f`; on error keeps it and stops serde with a placeholder message.
    fn call<E: de::Error>(&mut self, f: impl FnOnce(&mut Self) -> Result<()>) -> Result<(), E> {
        match f(self) {
            Ok(()) => Ok(()),
            Err(e) => {
                self.failure = Some(e);
                Err(E::custom("import stopped"))
            }
        }
    }

    fn entry(&mut self, obj: JsonObject) -> Result<()> {
        let source = &self.opts.source;
        let line = self.line.get();
        let mut values: [Option<String>; COLUMNS.len()] = Default::default();
        // The line of each field given (the object's last line for one not given).
        let mut lines = [line; COLUMNS.len()];
        let mut tags = None;
        for (name, value, line) in obj.0 {
            let Some(c) = COLUMNS.iter().position(|c| *c == name) else {
                bail!(
                    "{source}: line {line}: unknown field `{name}` (known: {})",
                    COLUMNS.join(", ")
                );
            };
            lines[c] = line;
            match value {
                JsonField::Null => {}
                JsonField::Text(t) if c == col::TAGS => {
                    tags = Some(
                        parse_tags(&t)
                            .map_err(|e| anyhow!("{source}: line {line}, field `tags`: {e}"))?,
                    )
                }
                JsonField::Text(t) => values[c] = Some(t),
                JsonField::Tags(t) if c == col::TAGS => tags = Some(t),
                JsonField::Tags(_) => {
                    bail!("{source}: line {line}, field `{name}`: expected a value, not an object")
                }
            }
        }
        // Spaces around a value are padding, taken off as in CSV; a tab or carriage return
        // is the value's (JSON says exactly what it holds, and an export of a project that
        // starts with one must come back whole).
        let get = |c: usize| -> Option<&str> {
            let v = values[c].as_deref()?;
            let v = if c == col::NOTE {
                v
            } else {
                v.trim_matches(' ')
            };
            (!v.is_empty()).then_some(v)
        };
        let locate = |c: usize| format!("{source}: line {}, field `{}`", lines[c], COLUMNS[c]);
        let space_padded = |c: usize, v: &str| {
            c != col::NOTE && !v.trim_matches(' ').is_empty() && v.trim_matches(' ') != v
        };
        let mut trimmed: Vec<usize> = (0..COLUMNS.len())
            .filter(|&c| values[c].as_deref().is_some_and(|v| space_padded(c, v)))
            .collect();
        let padded_tag = |s: &str| super::is_padded(col::TAGS, s);
        if tags.as_ref().is_some_and(|t: &Vec<(String, String)>| {
            t.iter().any(|(k, v)| padded_tag(k) || padded_tag(v))
        }) {
            trimmed.push(col::TAGS);
        }
        let tags = tags.map(|t: Vec<(String, String)>| {
            t.into_iter()
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                .collect()
        });
        let mut row = build_row(&get, tags, line, self.opts, &locate)?;
        row.trimmed = trimmed;
        (self.on)(Item::Entry(row))
    }

    /// One state section, converted record by record; errors name the section and record.
    fn section<R>(
        &mut self,
        name: &str,
        rows: Vec<R>,
        convert: impl Fn(R) -> Result<State>,
    ) -> Result<()> {
        let mut state = State::default();
        for (i, row) in rows.into_iter().enumerate() {
            let one = convert(row).map_err(|e| {
                anyhow!(
                    "{}: line {}, `{name}` record {}: {e}",
                    self.opts.source,
                    self.line.get(),
                    i + 1
                )
            })?;
            state.accounts.extend(one.accounts);
            state.account_changes.extend(one.account_changes);
            state.topups.extend(one.topups);
            state.adjustments.extend(one.adjustments);
            state.budgets.extend(one.budgets);
            state.balance_checks.extend(one.balance_checks);
            state.billed.extend(one.billed);
            state.billed_lines.extend(one.billed_lines);
        }
        (self.on)(Item::State(state))
    }
}

/// The entries array, element by element.
struct Entries<'w, 'a>(&'w mut Walk<'a>);

impl<'de> Visitor<'de> for Entries<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of entries")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(obj) = seq.next_element_seed(ObjectSeed(Rc::clone(&self.0.line)))? {
            self.0.call(|w| w.entry(obj))?;
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Entries<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

/// The document: the state object, or a bare array of entries.
struct Document<'w, 'a>(&'w mut Walk<'a>);

impl<'de> Visitor<'de> for Document<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a credits export (an object with \"format\": \"credits\") or an array of entries",
        )
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Entries(self.0).visit_seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let walk = self.0;
        let mut format_seen = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => {
                    let name: String = map.next_value()?;
                    if name != FORMAT_NAME {
                        return Err(de::Error::custom(format!(
                            "`format` is `{name}`, not `{FORMAT_NAME}`"
                        )));
                    }
                    format_seen = true;
                }
                "version" => {
                    let version: u32 = map.next_value()?;
                    if version != VERSION {
                        return Err(de::Error::custom(format!(
                            "version {version} of the export format is not known to this \
                             build (it reads version {VERSION}); update credits"
                        )));
                    }
                }
                "entries" => map.next_value_seed(Entries(&mut *walk))?,
                "accounts" => {
                    let rows: Vec<AccountRecord> = map.next_value()?;
                    walk.call(|w| {
                        w.section("accounts", rows, |r| {
                            Ok(State {
                                accounts: vec![r.into_record()?],
                                ..State::default()
                            })
                        })
                    })?;
                }
                "account_changes" => {
                    let rows: Vec<ChangeRecord> = map.next_value()?;
                    walk.call(|w| {
                        w.section("account_changes", rows, |r| {
                            Ok(State {
                                account_changes: vec![r.into_record()?],
                                ..State::default()
                            })
                        })
                    })?;
                }
                "topups" => {
                    let rows: Vec<TopupRecord> = map.next_value()?;
                    walk.call(|w| {
                        w.section("topups", rows, |r| {
                            Ok(State {
                                topups: vec![r.into_record()?],
                                ..State::default()
                            })
                        })
                    })?;
                }
                "adjustments" => {
                    let rows: Vec<AdjustmentRecord> = map.next_value()?;
                    walk.call(|w| {
                        w.section("adjustments", rows, |r| {
                            Ok(State {
                                adjustments: vec![r.into_record()?],
                                ..State::default()
                            })
                        })
                    })?;
                }
                "budgets" => {
                    let rows: Vec<BudgetRecord> = map.next_value()?;
                    walk.call(|w| {
                        w.section("budgets", rows, |r| {
                            Ok(State {
                                budgets: vec![r.into_record()?],
                                ..State::default()
                            })
                        })
                    })?;
                }
                "balance_checks" => {
                    let rows: Vec<BalanceCheckRecord> = map.next_value()?;
                    walk.call(|w| {
                        w.section("balance_checks", rows, |r| {
                            Ok(State {
                                balance_checks: vec![r.into_record()?],
                                ..State::default()
                            })
                        })
                    })?;
                }
                "billed" => {
                    let rows: Vec<BilledRecord> = map.next_value()?;
                    walk.call(|w| {
                        w.section("billed", rows, |r| {
                            Ok(State {
                                billed: vec![r.into_record()?],
                                ..State::default()
                            })
                        })
                    })?;
                }
                "billed_lines" => {
                    let rows: Vec<BilledLineRecord> = map.next_value()?;
                    walk.call(|w| {
                        w.section("billed_lines", rows, |r| {
                            Ok(State {
                                billed_lines: vec![r.into_record()?],
                                ..State::default()
                            })
                        })
                    })?;
                }
                other => {
                    return Err(de::Error::custom(format!(
                        "unknown field `{other}` (known: format, version, accounts, \
                         account_changes, topups, adjustments, budgets, balance_checks, billed, \
                         billed_lines, entries)"
                    )))
                }
            }
        }
        if !format_seen {
            return Err(de::Error::custom(
                "not a credits export: the object has no \"format\": \"credits\"",
            ));
        }
        Ok(())
    }
}

/// Reads a JSON export (or a bare array of entries) one item at a time.
pub(super) fn read(
    input: impl Read,
    opts: &ReadOptions,
    on: &mut dyn FnMut(Item) -> Result<()>,
) -> Result<()> {
    let line = Rc::new(Cell::new(1u64));
    let mut inner = BufReader::new(input);
    // A UTF-8 byte order mark (Windows editors write one) is skipped, as CSV import does.
    if inner.fill_buf()?.starts_with(b"\xef\xbb\xbf") {
        inner.consume(3);
    }
    let reader = Counting {
        inner,
        line: Rc::clone(&line),
    };
    let mut walk = Walk {
        opts,
        line: Rc::clone(&line),
        on,
        failure: None,
    };
    let mut de = serde_json::Deserializer::from_reader(reader);
    let walked = (&mut de).deserialize_any(Document(&mut walk));
    if let Some(e) = walk.failure {
        return Err(e);
    }
    let source = &opts.source;
    walked.map_err(|e| anyhow!("{source}: {e}"))?;
    de.end().map_err(|e| anyhow!("{source}: {e}"))?;
    Ok(())
}
