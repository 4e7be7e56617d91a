//! `report` and `refunds_owed`: aggregates computed by SQL `GROUP BY`, never in Rust, so a
//! report over a million entries costs about what the equivalent hand-written SQL costs.
//!
//! What each sum counts (issue 3):
//! - `clips`: `count` summed over every entry, whatever its status;
//! - `seconds`: duration × count over `ok` entries; `kept_seconds`: the same, kept only;
//! - `credits`: charged, every status; `credits_refunded`: refunded entries;
//!   `credits_owed`: failed entries not refunded yet;
//! - `cost`: known money of `ok` and `failed` entries (a refund means it cost nothing);
//!   `unpriced`: how many of those have no known cost, so a total is never silently short;
//! - `credits_priced`: credits of the entries counted in `cost`, so `cost ÷ credits_priced`
//!   is the price per credit really paid (issue 4), meaningful within one platform
//!   (`platforms` says how many a group spans).
//!
//! Days, ISO weeks and months are in the offset the user had when each entry was logged.
//!
//! `Store::spent` is a report's `credits - credits_refunded` over the same rows, summed alone:
//! the pace of spending (`balance`, `status`) needs only that, and a report's twenty sums
//! cost most of its time at a million entries.

use crate::sums::{self, SUMS};
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use crate::db::Db;
use crate::db::Value;
use anyhow::{anyhow, bail, Result};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::entries::where_clause;

use super::Store;
use credits_core::records::{Filter, RefundsOwed, TableStamp};

/// What a report groups by.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GroupKey {
    Project,
    Platform,
    Model,
    /// `YYYY-MM-DD`, local.
    Day,
    /// ISO week `YYYY-Www`, local.
    Week,
    /// `YYYY-MM`, local.
    Month,
    /// The value of one tag key; entries without that tag group under `None`.
    Tag(String),
    /// Who logged the entry (`logged_by`, schema 10); `None` when unknown. The sums do not
    /// hold it: a report by user reads the entries.
    User,
    /// The id of the `price_table` that priced the entry (schema 4), as text; `None` when
    /// none is recorded. Not a `--by` key: `ops::reports` groups by it in the same scan to
    /// say which tables a report's entries were priced with, then folds it away.
    PriceTable,
}

impl fmt::Display for GroupKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GroupKey::Project => f.write_str("project"),
            GroupKey::Platform => f.write_str("platform"),
            GroupKey::Model => f.write_str("model"),
            GroupKey::Day => f.write_str("day"),
            GroupKey::Week => f.write_str("week"),
            GroupKey::Month => f.write_str("month"),
            GroupKey::Tag(key) => write!(f, "tag:{key}"),
            GroupKey::User => f.write_str("user"),
            GroupKey::PriceTable => f.write_str("price_table"),
        }
    }
}

impl FromStr for GroupKey {
    type Err = anyhow::Error;
    /// The `--by` spelling: `project`, `platform`, `model`, `day`, `week`, `month`, `user`,
    /// `tag:KEY`.
    fn from_str(s: &str) -> Result<GroupKey> {
        Ok(match s {
            "project" => GroupKey::Project,
            "platform" => GroupKey::Platform,
            "model" => GroupKey::Model,
            "day" => GroupKey::Day,
            "week" => GroupKey::Week,
            "month" => GroupKey::Month,
            "user" => GroupKey::User,
            _ => match s.strip_prefix("tag:") {
                Some(key) if !key.is_empty() => GroupKey::Tag(key.to_string()),
                _ => bail!(
                    "cannot group by `{s}` (expected project, platform, model, day, week, \
                     month, user or tag:KEY)"
                ),
            },
        })
    }
}

/// One group of a report. `keys` follow the order of the requested group keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRow {
    pub keys: Vec<Option<String>>,
    /// Entries in the group.
    pub entries: u64,
    pub clips: u64,
    pub seconds: Decimal,
    pub kept_seconds: Decimal,
    pub credits: Decimal,
    pub credits_refunded: Decimal,
    pub credits_owed: Decimal,
    /// Sum of the known costs, in `currency`.
    pub cost: Decimal,
    /// Entries counted in `cost` whose cost is unknown.
    pub unpriced: u64,
    /// Credits of the entries whose cost is in `cost`.
    pub credits_priced: Decimal,
    /// How many platforms the group's entries are on.
    pub platforms: u64,
    /// `None` when no entry of the group has a known cost.
    pub currency: Option<String>,
}

impl ReportRow {
    /// Known cost per second of output; `None` without output or known cost. Unrounded: the
    /// caller rounds for display.
    pub fn cost_per_second(&self) -> Option<Decimal> {
        self.per(self.seconds)
    }

    /// Known cost per second of output that was kept: what reruns and discarded variations
    /// really cost.
    pub fn cost_per_kept_second(&self) -> Option<Decimal> {
        self.per(self.kept_seconds)
    }

    /// The price per credit paid: known cost ÷ the credits it paid for. `None` across
    /// platforms (their credits are different currencies) or without priced credits.
    pub fn cost_per_credit(&self) -> Option<Decimal> {
        self.currency.as_ref()?;
        if self.platforms != 1 || self.credits_priced.is_zero() {
            return None;
        }
        self.cost.checked_div(self.credits_priced)
    }

    fn per(&self, seconds: Decimal) -> Option<Decimal> {
        self.currency.as_ref()?;
        self.cost.checked_div(seconds)
    }
}

impl GroupKey {
    /// The SQL expression of this key over partial sums `p` (`entry_day` rows); `None` for
    /// a tag, which they do not hold.
    fn day_expr(&self) -> Option<String> {
        Some(match self {
            GroupKey::Project => "nullif(p.project, '')".into(),
            GroupKey::Platform => "p.platform".into(),
            GroupKey::Model => "p.model".into(),
            GroupKey::Day => "p.day".into(),
            GroupKey::Week => "strftime('%G-W%V', p.day)".into(),
            GroupKey::Month => "substr(p.day, 1, 7)".into(),
            GroupKey::Tag(_) | GroupKey::User => return None,
            GroupKey::PriceTable => "CAST(nullif(p.price_table, 0) AS TEXT)".into(),
        })
    }

    /// The SQL expression of this key over `entry e`; a tag key joins `entry_tag` as `alias`.
    fn expr(&self, alias: &str) -> String {
        // `at` is UTC; shifting by the stored offset gives the user's local calendar.
        const LOCAL: &str = "e.at, e.utc_offset_min || ' minutes'";
        match self {
            GroupKey::Project => "e.project".into(),
            GroupKey::Platform => "e.platform".into(),
            GroupKey::Model => "e.model".into(),
            GroupKey::Day => format!("date({LOCAL})"),
            GroupKey::Week => format!("strftime('%G-W%V', {LOCAL})"),
            GroupKey::Month => format!("strftime('%Y-%m', {LOCAL})"),
            GroupKey::Tag(_) => format!("{alias}.value"),
            GroupKey::User => "e.logged_by".into(),
            GroupKey::PriceTable => "CAST(e.price_table AS TEXT)".into(),
        }
    }
}

/// The aggregates, in order. A sum of stored amounts is split in two, `sum(v / 1e9)` and
/// `sum(v % 1e9)` ([`split_sum`] adds them back in Rust): every stored amount is at most
/// 10^18 units (`store::units::MAX_STORED`), so each part adds at most 10^9 per row and
/// neither can overflow SQLite's 64-bit `sum()` below 9.2 billion entries, whatever the
/// amounts; a plain `sum()` would after 9 entries of the largest size. Exact (no `total()`).
const AGGREGATES: &str = "count(*), \
    sum(e.count), \
    sum(CASE WHEN e.status = 'ok' THEN e.duration_ms * e.count END / 1000000000), \
    sum(CASE WHEN e.status = 'ok' THEN e.duration_ms * e.count END % 1000000000), \
    sum(CASE WHEN e.status = 'ok' AND e.kept = 1 THEN e.duration_ms * e.count END / 1000000000), \
    sum(CASE WHEN e.status = 'ok' AND e.kept = 1 THEN e.duration_ms * e.count END % 1000000000), \
    sum(e.credits_milli / 1000000000), \
    sum(e.credits_milli % 1000000000), \
    sum(CASE WHEN e.status = 'refunded' THEN e.credits_milli END / 1000000000), \
    sum(CASE WHEN e.status = 'refunded' THEN e.credits_milli END % 1000000000), \
    sum(CASE WHEN e.status = 'failed' THEN e.credits_milli END / 1000000000), \
    sum(CASE WHEN e.status = 'failed' THEN e.credits_milli END % 1000000000), \
    sum(CASE WHEN e.status <> 'refunded' THEN e.cost_micro END / 1000000000), \
    sum(CASE WHEN e.status <> 'refunded' THEN e.cost_micro END % 1000000000), \
    sum(CASE WHEN e.status <> 'refunded' AND e.cost_micro IS NULL THEN 1 ELSE 0 END), \
    min(CASE WHEN e.status <> 'refunded' THEN e.currency END), \
    max(CASE WHEN e.status <> 'refunded' THEN e.currency END), \
    sum(CASE WHEN e.status <> 'refunded' AND e.cost_micro IS NOT NULL THEN e.credits_milli END \
        / 1000000000), \
    sum(CASE WHEN e.status <> 'refunded' AND e.cost_micro IS NOT NULL THEN e.credits_milli END \
        % 1000000000), \
    count(DISTINCT e.platform)";

/// The divisor of a split sum (see [`AGGREGATES`]).
const SPLIT: i128 = 1_000_000_000;

/// A split sum's two parts added back exactly, as a decimal with `scale` places (3 for
/// milli-units, 6 for micro-units). Both parts come from 64-bit sums, so the total fits in
/// an i128; a Decimal holds it below 7.9 × 10^28 units, far beyond any log.
fn split_sum(high: Option<i64>, low: Option<i64>, scale: u32) -> Result<Decimal> {
    let total = i128::from(high.unwrap_or(0))
        .checked_mul(SPLIT)
        .and_then(|h| h.checked_add(i128::from(low.unwrap_or(0))))
        .ok_or_else(|| anyhow!("a total in the database is out of range"))?;
    Decimal::try_from_i128_with_scale(total, scale)
        .map(|d| d.normalize())
        .map_err(|_| anyhow!("a total in the database is out of range"))
}

impl Store {
    /// Aggregates the entries matching `filter`, one row per distinct combination of `by`
    /// (sorted by the keys). With `by` empty: the totals, as one row. Costs in different
    /// currencies are never added: if a group mixes currencies, every group is split by
    /// currency as well.
    pub fn report(&self, filter: &Filter, by: &[GroupKey]) -> Result<Vec<ReportRow>> {
        report_in(&self.conn, filter, by)
    }

    /// The credits charged less the credits refunded of the entries matching `filter`: a
    /// report's `credits - credits_refunded` over them all, summed alone. The pace of
    /// spending (`balance`, `status`) reads two windows of it, and the twenty sums of a
    /// report (one ephemeral index for its platforms) cost most of their time.
    pub fn spent(&self, filter: &Filter) -> Result<Decimal> {
        spent_in(&self.conn, filter)
    }
}

impl super::Tx<'_> {
    /// [`Store::report`] inside the transaction (`log` checks budgets in the one it writes).
    pub fn report(&self, filter: &Filter, by: &[GroupKey]) -> Result<Vec<ReportRow>> {
        report_in(self.conn, filter, by)
    }
}

fn report_in(conn: &Db, filter: &Filter, by: &[GroupKey]) -> Result<Vec<ReportRow>> {
    let query = |by_currency| from_sums(conn, filter, by, by_currency);
    let rows = query(false)?;
    if rows.iter().any(|(_, mixed)| *mixed) {
        let rows = query(true)?;
        return Ok(rows.into_iter().map(|(row, _)| row).collect());
    }
    Ok(rows.into_iter().map(|(row, _)| row).collect())
}

/// A report read both ways, from the entries and from the sums (tests of the migration).
#[cfg(test)]
pub(crate) fn both_ways(
    conn: &Db,
    filter: &Filter,
    by: &[GroupKey],
) -> (Vec<ReportRow>, Vec<ReportRow>) {
    let rows = |r: Vec<(ReportRow, bool)>| r.into_iter().map(|(row, _)| row).collect();
    (
        rows(report_query(conn, filter, by, false).unwrap()),
        rows(from_sums(conn, filter, by, false).unwrap()),
    )
}

/// A report from the sums when they can answer it, else from the entries.
fn from_sums(
    conn: &Db,
    filter: &Filter,
    by: &[GroupKey],
    by_currency: bool,
) -> Result<Vec<(ReportRow, bool)>> {
    if !days_can_answer(filter, by) {
        return report_query(conn, filter, by, by_currency);
    }
    match tag_plan(filter, by) {
        TagPlan::NoTag => days_query(conn, filter, by, by_currency),
        TagPlan::Key { key, value } => {
            tag_days_query(conn, filter, by, by_currency, &key, value.as_deref())
        }
        TagPlan::Entries => report_query(conn, filter, by, by_currency),
    }
}

/// What the tags of a report ask of the sums: none; one key (grouped by, or filtered to one
/// value, or both) with nothing else `tag_day` lacks; or more (two keys, a project or model,
/// a grouping by them): read the entries.
#[derive(Debug, Clone, PartialEq, Eq)]
enum TagPlan {
    NoTag,
    Key { key: String, value: Option<String> },
    Entries,
}

fn tag_plan(filter: &Filter, by: &[GroupKey]) -> TagPlan {
    let grouped: Vec<&String> = by
        .iter()
        .filter_map(|k| match k {
            GroupKey::Tag(key) => Some(key),
            _ => None,
        })
        .collect();
    let plan = match (filter.tags.as_slice(), grouped.as_slice()) {
        ([], []) => return TagPlan::NoTag,
        ([], [key]) => TagPlan::Key {
            key: (*key).clone(),
            value: None,
        },
        ([(key, value)], []) => TagPlan::Key {
            key: key.clone(),
            value: Some(value.clone()),
        },
        ([(key, value)], [by_key]) if key == *by_key => TagPlan::Key {
            key: key.clone(),
            value: Some(value.clone()),
        },
        _ => return TagPlan::Entries,
    };
    // `tag_day` has no model or project (0009_tag_sums.sql says why).
    let narrow = by.iter().all(|k| {
        matches!(
            k,
            GroupKey::Tag(_)
                | GroupKey::Platform
                | GroupKey::PriceTable
                | GroupKey::Day
                | GroupKey::Week
                | GroupKey::Month
        )
    });
    if narrow && filter.project.is_none() && filter.model.is_none() {
        plan
    } else {
        TagPlan::Entries
    }
}

/// The columns `entry_day` and `tag_day` share, as `e`, under the tag value `value`, every
/// sum multiplied by `sign` (`""` or `"-"`); of `entry_month` and `tag_month` when `months`
/// (their first day, offset 0: neither is read when months answer).
fn tag_day_columns(value: &str, sign: &str, months: bool) -> String {
    let (day, offset) = if months {
        ("e.month || '-01'", "0")
    } else {
        ("e.day", "e.utc_offset_min")
    };
    let mut columns = vec![
        format!("{value} AS value"),
        format!("{day} AS day"),
        format!("{offset} AS utc_offset_min"),
        "e.platform AS platform".to_string(),
        "e.status AS status".to_string(),
        "e.kept AS kept".to_string(),
        "e.currency AS currency".to_string(),
        "e.price_table AS price_table".to_string(),
    ];
    columns.extend(
        SUMS.iter()
            .map(|s| format!("{sign}e.{c} AS {c}", c = s.column)),
    );
    columns.join(", ")
}

/// One entry as a `tag_day` row of its own, but its day (the cut's [`Cut::day`] goes
/// first) and its value of the key (read by the caller).
static ENTRY_AS_TAG_DAY: LazyLock<String> = LazyLock::new(|| {
    format!(
        "e.utc_offset_min, e.platform, e.status, \
         e.kept, coalesce(e.currency, ''), coalesce(e.price_table, 0), {}",
        *sums::OF_ENTRY
    )
});

/// A report with one tag key from the sums (schema 9's `tag_day`, or `tag_month` for whole
/// months): filtered to one value,
/// the rows of that key and value; grouped by the key, each value's rows, and the entries
/// without the tag as `entry_day` less the key's rows. Netted rows are summed per group,
/// value, status, kept, currency and platform first, and those netting to no entry dropped,
/// so the currencies and platforms a group shows are those of entries it really has. A
/// window's cut days are read from the entries, as in [`days_query`].
fn tag_days_query(
    conn: &Db,
    filter: &Filter,
    by: &[GroupKey],
    by_currency: bool,
    key: &str,
    value: Option<&str>,
) -> Result<Vec<(ReportRow, bool)>> {
    // Platform and status, the filters left (see `tag_plan`), are columns of both tables.
    let plain = Filter {
        since: None,
        until: None,
        tags: Vec::new(),
        ..filter.clone()
    };
    let w = where_clause(&plain);
    let and = |sql: &str| {
        if sql.is_empty() {
            " WHERE ".to_string()
        } else {
            format!("{sql} AND ")
        }
    };
    let low = filter
        .since
        .map(|t| super::entries::encode_bound(&t))
        .unwrap_or_else(|| "0001-01-01T00:00:00Z".into());
    let high = filter
        .until
        .map(|t| super::entries::encode_bound(&t))
        .unwrap_or_else(|| OPEN_END.into());
    let windowed = filter.since.is_some() || filter.until.is_some();
    // Whole months are enough unless the report groups by day or week.
    let by_month = !by
        .iter()
        .any(|k| matches!(k, GroupKey::Day | GroupKey::Week));
    let bounds = || inside_params(&low, &high);
    // Which sums answer, as in `days_query`: (monthly?, the rows, their parameters). In a
    // window, the months wholly inside it, then the days inside but not in those months;
    // the entries of the days it cuts come after.
    let spans: Vec<(bool, String, Vec<Value>)> = match (windowed, by_month) {
        (false, months) => vec![(months, "1 = 1".to_string(), Vec::new())],
        (true, false) => vec![(
            false,
            day_rows_inside("e.day", "e.utc_offset_min"),
            bounds(),
        )],
        (true, true) => match whole_months(&low, &high) {
            None => vec![(
                false,
                day_rows_inside("e.day", "e.utc_offset_min"),
                bounds(),
            )],
            Some((first, last)) => {
                let months = || vec![Value::Text(first.clone()), Value::Text(last.clone())];
                vec![
                    (true, "e.month BETWEEN ? AND ?".to_string(), months()),
                    (
                        false,
                        format!(
                            "NOT (substr(e.day, 1, 7) BETWEEN ? AND ?) AND {}",
                            day_rows_inside("e.day", "e.utc_offset_min")
                        ),
                        [months(), bounds()].concat(),
                    ),
                ]
            }
        },
    };
    let mut parts: Vec<String> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    let value_test = if value.is_some() {
        " AND e.value = ?"
    } else {
        ""
    };
    for (months, rows, rows_params) in &spans {
        let (tags_table, days_table) = if *months {
            ("tag_month", "entry_month")
        } else {
            ("tag_day", "entry_day")
        };
        // The key's rows (one value's when filtered), each under its value.
        parts.push(format!(
            "SELECT {} FROM {tags_table} e{}e.key = ?{value_test} AND {rows}",
            tag_day_columns("e.value", "", *months),
            and(&w.sql)
        ));
        params.extend(w.params.clone());
        params.push(Value::Text(key.to_string()));
        if let Some(v) = value {
            params.push(Value::Text(v.to_string()));
        }
        params.extend(rows_params.clone());
        if value.is_none() {
            // The entries without the tag: every entry, less those with it.
            parts.push(format!(
                "SELECT {} FROM {days_table} e{}{rows}",
                tag_day_columns("NULL", "", *months),
                and(&w.sql)
            ));
            params.extend(w.params.clone());
            params.extend(rows_params.clone());
            parts.push(format!(
                "SELECT {} FROM {tags_table} e{}e.key = ? AND {rows}",
                tag_day_columns("NULL", "-", *months),
                and(&w.sql)
            ));
            params.extend(w.params.clone());
            params.push(Value::Text(key.to_string()));
            params.extend(rows_params.clone());
        }
    }
    if windowed {
        // The entries of the days the window cuts, each with its value of the key (those
        // without it, or with another value when filtered to one, are left out or NULL).
        let tagged = Filter {
            since: None,
            until: None,
            ..filter.clone()
        };
        let tw = where_clause(&tagged);
        for cut in cut_days(conn, &w, filter, &low, &high)? {
            parts.push(format!(
                "SELECT (SELECT t.value FROM entry_tag t WHERE t.entry_id = e.id AND t.key = ?), \
                 {}, {} FROM entry e{}{}",
                cut.day,
                *ENTRY_AS_TAG_DAY,
                and(&tw.sql),
                cut.cond
            ));
            params.push(Value::Text(key.to_string()));
            params.extend(cut.day_params);
            params.extend(tw.params.clone());
            params.extend(cut.cond_params);
        }
    }
    // Per group, value, status, kept, currency and platform: what nets to no entry goes.
    let mut inner_keys: Vec<String> = Vec::new();
    let mut outer_keys: Vec<String> = Vec::new();
    for (i, k) in by.iter().enumerate() {
        match k {
            GroupKey::Tag(_) => outer_keys.push("p.value".into()),
            other => {
                let Some(expr) = other.day_expr() else {
                    return report_query(conn, filter, by, by_currency);
                };
                inner_keys.push(format!("{expr} AS k{i}"));
                outer_keys.push(format!("p.k{i}"));
            }
        }
    }
    if by_currency {
        outer_keys.push("nullif(p.currency, '')".into());
    }
    let mut inner_select = inner_keys.clone();
    inner_select.extend(
        [
            "p.value AS value",
            "p.status AS status",
            "p.kept AS kept",
            "p.currency AS currency",
            "p.platform AS platform",
        ]
        .map(String::from),
    );
    inner_select.extend(
        SUMS.iter()
            .map(|s| format!("sum(p.{c}) AS {c}", c = s.column)),
    );
    let inner_group: Vec<String> = (1..=inner_keys.len() + 5).map(|i| i.to_string()).collect();
    let inner = format!(
        "SELECT {} FROM ({}) p GROUP BY {} HAVING sum(p.entries) <> 0",
        inner_select.join(", "),
        parts.join(" UNION ALL "),
        inner_group.join(", ")
    );
    let mut select = outer_keys.clone();
    select.push(AGGREGATES_OF_DAYS.to_string());
    let mut sql = format!("SELECT {} FROM ({inner}) p", select.join(", "));
    group_and_order(&mut sql, outer_keys.len());
    read_rows(conn, &sql, params, by, by_currency)
}

/// Whether the daily sums (`entry_day`, and `tag_day` for tags: [`tag_plan`]) can answer:
/// not for the newest N entries, not worth it for a window of three days or less, and not
/// by or for a user, whom the sums do not hold (`0010_who.sql`: who logged an entry is a
/// fact of the entry, not a sum; a per-user sum would double every sum table's rows).
fn days_can_answer(filter: &Filter, by: &[GroupKey]) -> bool {
    let short = match (filter.since, filter.until) {
        (Some(s), Some(u)) => u.signed_duration_since(s) <= chrono::Duration::days(3),
        _ => false,
    };
    filter.limit.is_none() && !short && filter.user.is_none() && !by.contains(&GroupKey::User)
}

/// The aggregates of [`AGGREGATES`] over partial sums (`entry_day` rows, and entries put in
/// the same shape by [`ENTRY_AS_DAY`]), in the same order, so rows read back alike.
const AGGREGATES_OF_DAYS: &str = "sum(p.entries), \
    sum(p.clips), \
    sum(CASE WHEN p.status = 'ok' THEN p.seconds_hi END), \
    sum(CASE WHEN p.status = 'ok' THEN p.seconds_lo END), \
    sum(CASE WHEN p.status = 'ok' AND p.kept = 1 THEN p.seconds_hi END), \
    sum(CASE WHEN p.status = 'ok' AND p.kept = 1 THEN p.seconds_lo END), \
    sum(p.credits_hi), \
    sum(p.credits_lo), \
    sum(CASE WHEN p.status = 'refunded' THEN p.credits_hi END), \
    sum(CASE WHEN p.status = 'refunded' THEN p.credits_lo END), \
    sum(CASE WHEN p.status = 'failed' THEN p.credits_hi END), \
    sum(CASE WHEN p.status = 'failed' THEN p.credits_lo END), \
    sum(CASE WHEN p.status <> 'refunded' THEN p.cost_hi END), \
    sum(CASE WHEN p.status <> 'refunded' THEN p.cost_lo END), \
    sum(CASE WHEN p.status <> 'refunded' THEN p.unpriced END), \
    min(CASE WHEN p.status <> 'refunded' THEN nullif(p.currency, '') END), \
    max(CASE WHEN p.status <> 'refunded' THEN nullif(p.currency, '') END), \
    sum(CASE WHEN p.status <> 'refunded' THEN p.priced_hi END), \
    sum(CASE WHEN p.status <> 'refunded' THEN p.priced_lo END), \
    count(DISTINCT p.platform)";

/// The columns of an `entry_day` row.
static DAY_COLUMNS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "e.day, e.utc_offset_min, e.platform, e.model, e.project, e.status, e.kept, \
         e.currency, e.price_table, {}",
        sums::columns_of("e")
    )
});

/// One entry as an `entry_day` row of its own (see `0006_speed.sql`), but its day: a cut's
/// [`Cut::day`] goes first.
static ENTRY_AS_DAY: LazyLock<String> = LazyLock::new(|| {
    format!(
        "e.utc_offset_min, e.platform, e.model, \
         coalesce(e.project, ''), e.status, e.kept, coalesce(e.currency, ''), \
         coalesce(e.price_table, 0), {}",
        *sums::OF_ENTRY
    )
});

/// The columns of an `entry_month` row as an `entry_day` row (its first day, offset 0;
/// neither is read when months answer).
static MONTH_COLUMNS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "e.month || '-01' AS day, 0 AS utc_offset_min, e.platform, e.model, e.project, \
         e.status, e.kept, e.currency, e.price_table, {}",
        sums::columns_of("e")
    )
});

/// The entries of the local days one bound of a window cuts, as an `entry e` read: `day`,
/// the SQL of the entry's local day (first of the row, as `entry_day` has it), and `cond`,
/// the condition on the entry, each with its parameters.
struct Cut {
    day: String,
    day_params: Vec<Value>,
    cond: String,
    cond_params: Vec<Value>,
}

/// The entries of the local days a window `[low, high)` cuts (`filter`'s `since` and
/// `until`, in stored form). A bound cuts, at each UTC offset, the one local day around it
/// (unless it falls on that offset's midnight), so the cut entries of an offset are a range
/// of `at` (from the bound to the offset's next midnight, or from its last midnight to the
/// bound) on one known day: read by the `at` index with no date arithmetic per entry (which
/// cost most of `status` at a million entries: a cut day is ~2,700 entries in the bench).
/// The offsets are those of the daily sums (`w`, the filter without its window, over
/// `entry_day e`) on the day each offset's cut day would be: a superset of the entries'
/// when `w` filters less than the entries' filter does. A window of more than three days
/// (the sums answer no shorter one) cuts no day twice; should one bound cut the day the
/// other cuts, the `since` read alone covers it.
fn cut_days(
    conn: &Db,
    w: &super::entries::Where,
    filter: &Filter,
    low: &str,
    high: &str,
) -> Result<Vec<Cut>> {
    use chrono::{Duration, NaiveDate, NaiveDateTime};
    let parse = |s: &str| {
        NaiveDateTime::parse_from_str(s, super::entries::AT_FORMAT)
            .map_err(|_| anyhow!("bad window bound `{s}`"))
    };
    let (low_t, high_t) = (parse(low)?, parse(high)?);
    let out_of_range = || anyhow!("a window bound is out of range");
    // The local day at offset `o` minutes around UTC time `t`, and its first midnight in UTC.
    let around = |t: NaiveDateTime, o: i64| -> Result<(NaiveDate, NaiveDateTime)> {
        let shift = Duration::minutes(o);
        let day = t.checked_add_signed(shift).ok_or_else(out_of_range)?.date();
        let midnight = day
            .and_time(chrono::NaiveTime::MIN)
            .checked_sub_signed(shift)
            .ok_or_else(out_of_range)?;
        Ok((day, midnight))
    };
    // The (day, offset) pairs the sums hold within a day of `t`'s UTC date.
    let near = |t: NaiveDateTime| -> Result<std::collections::HashSet<(String, i64)>> {
        let one = Duration::days(1);
        let (from, to) = (
            t.date().checked_sub_signed(one).ok_or_else(out_of_range)?,
            t.date().checked_add_signed(one).ok_or_else(out_of_range)?,
        );
        let and = if w.sql.is_empty() { " WHERE " } else { " AND " };
        let sql = format!(
            "SELECT DISTINCT e.day, e.utc_offset_min FROM entry_day e{}{and}e.day >= ? \
             AND e.day <= ?",
            w.sql
        );
        let mut params = w.params.clone();
        params.push(Value::Text(from.format("%Y-%m-%d").to_string()));
        params.push(Value::Text(to.format("%Y-%m-%d").to_string()));
        Ok(conn
            .query_map(&sql, params, |r| Ok((r.get(0)?, r.get(1)?)))?
            .into_iter()
            .collect())
    };
    let text = |t: NaiveDateTime| Value::Text(t.format(super::entries::AT_FORMAT).to_string());
    let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    // Per bound: (offset, day, from, to) of each offset's cut entries.
    let mut reads: Vec<Vec<(i64, String, NaiveDateTime, NaiveDateTime)>> = Vec::new();
    let mut since_days = std::collections::HashSet::new();
    if filter.since.is_some() {
        let mut read = Vec::new();
        let mut offsets: Vec<(String, i64)> = near(low_t)?.into_iter().collect();
        offsets.sort();
        for (day, o) in offsets {
            let (local, midnight) = around(low_t, o)?;
            if date(local) != day || midnight == low_t {
                continue;
            }
            let next = midnight
                .checked_add_signed(Duration::days(1))
                .ok_or_else(out_of_range)?;
            since_days.insert((day.clone(), o));
            read.push((o, day, low_t, next.min(high_t)));
        }
        reads.push(read);
    }
    if filter.until.is_some() {
        let mut read = Vec::new();
        let mut offsets: Vec<(String, i64)> = near(high_t)?.into_iter().collect();
        offsets.sort();
        for (day, o) in offsets {
            let (local, midnight) = around(high_t, o)?;
            if date(local) != day || midnight == high_t || since_days.contains(&(day.clone(), o)) {
                continue;
            }
            read.push((o, day, midnight.max(low_t), high_t));
        }
        reads.push(read);
    }
    Ok(reads
        .into_iter()
        .filter(|read| !read.is_empty())
        .map(|read| {
            // One scan of the bound's range, each entry kept by its offset's part of it.
            let from = read.iter().map(|r| r.2).min().unwrap_or(low_t);
            let to = read.iter().map(|r| r.3).max().unwrap_or(low_t);
            let mut day = "CASE e.utc_offset_min".to_string();
            let mut day_params = Vec::new();
            let mut parts = Vec::new();
            let mut cond_params = vec![text(from), text(to)];
            for (o, d, from, to) in read {
                day.push_str(" WHEN ? THEN CAST(? AS TEXT)");
                day_params.extend([Value::Int(o), Value::Text(d)]);
                parts.push("(e.utc_offset_min = ? AND e.at >= ? AND e.at < ?)");
                cond_params.extend([Value::Int(o), text(from), text(to)]);
            }
            day.push_str(" END");
            Cut {
                day,
                day_params,
                cond: format!("e.at >= ? AND e.at < ? AND ({})", parts.join(" OR ")),
                cond_params,
            }
        })
        .collect())
}

/// The first and last local months (`YYYY-MM`) wholly inside `[low, high)` (UTC bounds in
/// the stored form) whatever their entries' offsets (each less than a day): a day's margin
/// either side. `None` when no month is.
fn whole_months(low: &str, high: &str) -> Option<(String, String)> {
    use chrono::{Datelike, Months, NaiveDateTime};
    let parse = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%SZ").ok();
    let (low, high) = (parse(low)?, parse(high)?);
    let one_day = chrono::Duration::days(1);
    // The first month whose first midnight, less a day, is at or after `low`.
    let earliest = low.checked_add_signed(one_day)?;
    let mut first = earliest.date().with_day(1)?;
    if first.and_time(chrono::NaiveTime::MIN) < earliest {
        first = first.checked_add_months(Months::new(1))?;
    }
    // The last month whose next month's first midnight, plus a day, is at or before `high`.
    let latest = high.checked_sub_signed(one_day)?;
    let last = latest
        .date()
        .with_day(1)?
        .checked_sub_months(Months::new(1))?;
    let month = |d: chrono::NaiveDate| format!("{:04}-{:02}", d.year(), d.month());
    (first <= last).then(|| (month(first), month(last)))
}

/// [`day_inside`] for a table's rows, with [`inside_params`]: text comparisons first. A day
/// inside is within a day of the bounds' dates, whatever its offset (less than a day), and a
/// day two days or more inside both dates is wholly inside whatever its offset: the date
/// arithmetic runs only on the rows of the few days near a bound (run on every day of a
/// window it cost `status` a fifth of its time at a million entries).
fn day_rows_inside(day: &str, offset: &str) -> String {
    format!(
        "{day} >= ? AND {day} <= ? AND ({day} >= ? AND {day} <= ? OR {})",
        day_inside(day, offset)
    )
}

/// The parameters of [`day_rows_inside`]: the day before `low`'s date and the day after
/// `high`'s, the days two after and two before them, then the bounds. A bound that does not
/// read as a stored time leaves every day to the date arithmetic.
fn inside_params(low: &str, high: &str) -> Vec<Value> {
    let date = |b: &str| NaiveDate::parse_from_str(b.get(..10).unwrap_or(""), "%Y-%m-%d").ok();
    let shift = |d: Option<NaiveDate>, days: i64, or: &str| {
        d.and_then(|d| d.checked_add_signed(chrono::Duration::days(days)))
            .filter(|d| (0..=9999).contains(&chrono::Datelike::year(d)))
            .map_or_else(|| or.to_string(), |d| d.format("%Y-%m-%d").to_string())
    };
    let (first, last) = (date(low), date(high));
    [
        shift(first, -1, "0000-01-01"),
        shift(last, 1, "9999-12-31"),
        shift(first.filter(|_| last.is_some()), 2, "9999-12-31"),
        shift(last.filter(|_| first.is_some()), -2, "0000-01-01"),
        low.to_string(),
        high.to_string(),
    ]
    .into_iter()
    .map(Value::Text)
    .collect()
}

/// Whether the local day `{day}` at offset `{offset}` lies wholly in `[?, ?)` (UTC bounds).
fn day_inside(day: &str, offset: &str) -> String {
    format!(
        "strftime('%Y-%m-%dT%H:%M:%SZ', {day}, (-{offset}) || ' minutes') >= ? \
         AND strftime('%Y-%m-%dT%H:%M:%SZ', {day}, '+1 day', (-{offset}) || ' minutes') <= ?"
    )
}

/// A report read from the daily sums ([`day_rows`]).
fn days_query(
    conn: &Db,
    filter: &Filter,
    by: &[GroupKey],
    by_currency: bool,
) -> Result<Vec<(ReportRow, bool)>> {
    let Some(mut keys) = by
        .iter()
        .map(GroupKey::day_expr)
        .collect::<Option<Vec<_>>>()
    else {
        return report_query(conn, filter, by, by_currency);
    };
    if by_currency {
        keys.push("nullif(p.currency, '')".into());
    }
    // Whole months are enough unless the report groups by day or week.
    let by_month = !by
        .iter()
        .any(|k| matches!(k, GroupKey::Day | GroupKey::Week));
    let (rows, params) = day_rows(conn, filter, by_month)?;
    let mut select = keys.clone();
    select.push(AGGREGATES_OF_DAYS.to_string());
    let mut sql = format!("SELECT {} FROM ({rows}) p", select.join(", "));
    group_and_order(&mut sql, keys.len());
    read_rows(conn, &sql, params, by, by_currency)
}

/// The partial sums that add up to the entries matching `filter` (but its tags, which
/// [`tag_days_query`] answers), as one `UNION ALL` of rows shaped as `entry_day`'s, and its
/// parameters; of whole months where they answer (`by_month`: not for a report by day or
/// week). A time window is answered by the months and days wholly inside it (`entry_month`,
/// `entry_day`) plus the entries of the days it cuts (from `entry`, by the `at` index: see
/// [`cut_days`]).
fn day_rows(conn: &Db, filter: &Filter, by_month: bool) -> Result<(String, Vec<Value>)> {
    let plain = Filter {
        since: None,
        until: None,
        ..filter.clone()
    };
    let w = where_clause(&plain);
    let and = |sql: &str| {
        if sql.is_empty() {
            " WHERE ".to_string()
        } else {
            format!("{sql} AND ")
        }
    };
    let mut params: Vec<Value> = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    let (since, until) = (
        filter.since.map(|t| super::entries::encode_bound(&t)),
        filter.until.map(|t| super::entries::encode_bound(&t)),
    );
    if since.is_none() && until.is_none() {
        let table = if by_month { "entry_month" } else { "entry_day" };
        let columns: &str = if by_month {
            &MONTH_COLUMNS
        } else {
            &DAY_COLUMNS
        };
        parts.push(format!("SELECT {columns} FROM {table} e{}", w.sql));
        params.extend(w.params.clone());
    } else {
        let low = since
            .clone()
            .unwrap_or_else(|| "0001-01-01T00:00:00Z".into());
        let high = until.clone().unwrap_or_else(|| OPEN_END.into());
        // Months wholly inside (by a day's margin, whatever the offsets), then the days
        // inside but not in those months, then the entries of the days cut.
        let months = whole_months(&low, &high).filter(|_| by_month);
        let mut not_in_months = String::new();
        if let Some((first, last)) = &months {
            parts.push(format!(
                "SELECT {} FROM entry_month e{}e.month BETWEEN ? AND ?",
                *MONTH_COLUMNS,
                and(&w.sql)
            ));
            params.extend(w.params.clone());
            params.push(Value::Text(first.clone()));
            params.push(Value::Text(last.clone()));
            not_in_months = "NOT (substr(e.day, 1, 7) BETWEEN ? AND ?) AND ".to_string();
        }
        parts.push(format!(
            "SELECT {} FROM entry_day e{}{not_in_months}{}",
            *DAY_COLUMNS,
            and(&w.sql),
            day_rows_inside("e.day", "e.utc_offset_min")
        ));
        params.extend(w.params.clone());
        if let Some((first, last)) = &months {
            params.push(Value::Text(first.clone()));
            params.push(Value::Text(last.clone()));
        }
        params.extend(inside_params(&low, &high));
        // The entries of the days cut by each bound.
        for cut in cut_days(conn, &w, filter, &low, &high)? {
            parts.push(format!(
                "SELECT {}, {} FROM entry e{}{}",
                cut.day,
                *ENTRY_AS_DAY,
                and(&w.sql),
                cut.cond
            ));
            params.extend(cut.day_params);
            params.extend(w.params.clone());
            params.extend(cut.cond_params);
        }
    }
    Ok((parts.join(" UNION ALL "), params))
}

/// [`Store::spent`] on a connection.
fn spent_in(conn: &Db, filter: &Filter) -> Result<Decimal> {
    let out_of_range = || anyhow!("a total in the database is out of range");
    if !days_can_answer(filter, &[]) || tag_plan(filter, &[]) != TagPlan::NoTag {
        let mut spent = Decimal::ZERO;
        for row in report_in(conn, filter, &[])? {
            spent = row
                .credits
                .checked_sub(row.credits_refunded)
                .and_then(|net| spent.checked_add(net))
                .ok_or_else(out_of_range)?;
        }
        return Ok(spent);
    }
    let (rows, params) = day_rows(conn, filter, true)?;
    let sql = format!(
        "SELECT sum(p.credits_hi), sum(p.credits_lo), \
         sum(CASE WHEN p.status = 'refunded' THEN p.credits_hi END), \
         sum(CASE WHEN p.status = 'refunded' THEN p.credits_lo END) FROM ({rows}) p"
    );
    let (charged, refunded) = conn.query_row(&sql, params, |r| {
        Ok((
            split_sum(r.get(0)?, r.get(1)?, 3)?,
            split_sum(r.get(2)?, r.get(3)?, 3)?,
        ))
    })?;
    charged.checked_sub(refunded).ok_or_else(out_of_range)
}

/// Runs the report SQL; each row comes with whether its group mixes currencies.
fn report_query(
    conn: &Db,
    filter: &Filter,
    by: &[GroupKey],
    by_currency: bool,
) -> Result<Vec<(ReportRow, bool)>> {
    let w = where_clause(filter);
    let mut params: Vec<Value> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut joins = String::new();
    let mut join_params: Vec<Value> = Vec::new();
    for (i, key) in by.iter().enumerate() {
        let alias = format!("g{i}");
        if let GroupKey::Tag(tag) = key {
            joins.push_str(&format!(
                " LEFT JOIN entry_tag {alias} ON {alias}.entry_id = e.id AND {alias}.key = ?"
            ));
            join_params.push(Value::Text(tag.clone()));
        }
        keys.push(key.expr(&alias));
    }
    if by_currency {
        keys.push("e.currency".into());
    }
    // With a limit, aggregate over the newest N; otherwise scan `entry` directly so
    // SQLite can use the filter's indexes.
    let from = match filter.limit {
        None => {
            params.extend(join_params);
            params.extend(w.params);
            format!("entry e{joins}{}", w.sql)
        }
        Some(n) => {
            params.extend(w.params);
            params.push(Value::Int(n.min(i64::MAX as u64) as i64));
            params.extend(join_params);
            format!(
                "(SELECT * FROM entry e{} ORDER BY e.at DESC, e.id DESC LIMIT ?) e{joins}",
                w.sql
            )
        }
    };
    let mut select = keys.clone();
    select.push(AGGREGATES.to_string());
    let mut sql = format!("SELECT {} FROM {from}", select.join(", "));
    group_and_order(&mut sql, keys.len());
    read_rows(conn, &sql, params, by, by_currency)
}

/// Groups and sorts a report query by its first `keys` columns (the group keys).
fn group_and_order(sql: &mut String, keys: usize) {
    if keys > 0 {
        let positions: Vec<String> = (1..=keys).map(|i| i.to_string()).collect();
        // NULL (no project, no tag) first, as SQLite sorts it; PostgreSQL would put it last.
        let order: Vec<String> = positions
            .iter()
            .map(|p| format!("{p} NULLS FIRST"))
            .collect();
        sql.push_str(&format!(
            " GROUP BY {} ORDER BY {}",
            positions.join(", "),
            order.join(", ")
        ));
    }
}

/// The upper bound of a report without `--until`: past every entry (they stop at 2100), and a
/// day short of the year 10000, so that `date(bound, '+1 day')` is a real date on both
/// backends (SQLite's is NULL past 9999, PostgreSQL's the text `10000-01-01`, which sorts
/// before every date).
const OPEN_END: &str = "9999-12-30T00:00:00Z";

/// Reads a report query's rows: the group keys, then the aggregates in [`AGGREGATES`] order.
fn read_rows(
    conn: &Db,
    sql: &str,
    params: Vec<Value>,
    by: &[GroupKey],
    by_currency: bool,
) -> Result<Vec<(ReportRow, bool)>> {
    let n = by.len() + usize::from(by_currency);
    let mut out = Vec::new();
    conn.for_each(sql, params, |row| {
        let int = |i: usize| -> Result<i64> {
            let v: Option<i64> = row.get(n + i)?;
            Ok(v.unwrap_or(0))
        };
        let count = |i: usize| -> Result<u64> {
            u64::try_from(int(i)?).map_err(|_| anyhow!("negative count in the database"))
        };
        let group: Vec<Option<String>> = (0..by.len())
            .map(|i| row.get(i))
            .collect::<Result<_, _>>()?;
        let split = |i: usize, scale: u32| -> Result<Decimal> {
            split_sum(row.get(n + i)?, row.get(n + i + 1)?, scale)
        };
        let low: Option<String> = row.get(n + 15)?;
        let high: Option<String> = row.get(n + 16)?;
        let mixed = low != high;
        let currency = if by_currency { row.get(by.len())? } else { low };
        out.push((
            ReportRow {
                keys: group,
                entries: count(0)?,
                clips: count(1)?,
                seconds: split(2, 3)?,
                kept_seconds: split(4, 3)?,
                credits: split(6, 3)?,
                credits_refunded: split(8, 3)?,
                credits_owed: split(10, 3)?,
                cost: split(12, 6)?,
                unpriced: count(14)?,
                credits_priced: split(17, 3)?,
                platforms: count(19)?,
                currency,
            },
            mixed,
        ));
        Ok(())
    })?;
    Ok(out)
}

impl Store {
    /// Every recorded price table by its id (`GroupKey::PriceTable`): a handful of rows.
    pub fn price_tables(&self) -> Result<Vec<(i64, TableStamp)>> {
        let mut out = Vec::new();
        self.conn.for_each(
            "SELECT id, platform, as_of, sha256 FROM price_table ORDER BY id",
            (),
            |row| {
                let as_of: String = row.get(2)?;
                out.push((
                    row.get(0)?,
                    TableStamp {
                        platform: row.get(1)?,
                        as_of: NaiveDate::parse_from_str(&as_of, "%Y-%m-%d")
                            .map_err(|_| anyhow!("bad table date `{as_of}` in the database"))?,
                        sha256: row.get(3)?,
                    },
                ));
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// Failed generations with no refund yet, per platform: the credits each platform owes.
    pub fn refunds_owed(&self) -> Result<Vec<RefundsOwed>> {
        // From the daily sums: a few thousand rows, not every failed entry.
        let mut out = Vec::new();
        self.conn.for_each(
            "SELECT platform, sum(entries), sum(credits_hi), sum(credits_lo) FROM entry_day \
             WHERE status = 'failed' GROUP BY platform ORDER BY platform",
            (),
            |r| {
                out.push(RefundsOwed {
                    platform: r.get(0)?,
                    entries: r.get::<i64>(1)? as u64,
                    credits: split_sum(r.get(2)?, r.get(3)?, 3)?,
                });
                Ok(())
            },
        )?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entries::at;
    #[allow(unused_imports)]
    use credits_core::records::{Filter, NewEntry, Request};
    use credits_core::records::{Money, Status};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn entry(project: &str, when: &str, credits: &str, cost: Option<&str>) -> NewEntry {
        NewEntry {
            at: at(when),
            platform: "runway".into(),
            model: "gen4".into(),
            request: Request {
                duration: Some(d("5")),
                count: 1,
                ..Request::default()
            },
            credits: d(credits),
            cost: cost.map(|c| Money {
                amount: d(c),
                currency: "USD".into(),
            }),
            pricing: "test".into(),
            project: Some(project.into()),
            ..NewEntry::default()
        }
    }

    #[test]
    fn sums_are_exact() {
        let mut store = Store::open_for_tests();
        for (credits, cost) in [("0.1", "0.1"), ("0.2", "0.2")] {
            store
                .insert_entry(&entry("p", "2026-05-04T10:00:00Z", credits, Some(cost)))
                .unwrap();
        }
        let totals = store.report(&Filter::default(), &[]).unwrap();
        assert_eq!(totals.len(), 1);
        assert_eq!(totals[0].credits, d("0.3"));
        assert_eq!(totals[0].cost, d("0.3"));
        assert_eq!(totals[0].currency.as_deref(), Some("USD"));
        assert_eq!(totals[0].cost_per_second(), Some(d("0.03")));
    }

    #[test]
    fn statuses_count_where_the_issue_says() {
        let mut store = Store::open_for_tests();
        let ok = entry("p", "2026-05-04T10:00:00Z", "10", Some("1"));
        let mut discarded = entry("p", "2026-05-04T10:00:00Z", "10", Some("1"));
        discarded.kept = false;
        discarded.request.count = 2;
        let failed = entry("p", "2026-05-04T10:00:00Z", "20", Some("2"));
        let refunded = entry("p", "2026-05-04T10:00:00Z", "40", Some("4"));
        let unpriced = entry("p", "2026-05-04T10:00:00Z", "80", None);
        store.insert_entry(&ok).unwrap();
        store.insert_entry(&discarded).unwrap();
        let f = store.insert_entry(&failed).unwrap();
        let r = store.insert_entry(&refunded).unwrap();
        store.insert_entry(&unpriced).unwrap();
        store.set_status(f, Status::Failed).unwrap();
        store.set_status(r, Status::Refunded).unwrap();
        let row = &store.report(&Filter::default(), &[]).unwrap()[0];
        assert_eq!(row.entries, 5);
        assert_eq!(row.clips, 6);
        // ok (5) + discarded (2 × 5) + unpriced ok (5); failed and refunded made nothing.
        assert_eq!(row.seconds, d("20"));
        assert_eq!(row.kept_seconds, d("10"));
        assert_eq!(row.credits, d("160"));
        assert_eq!(row.credits_refunded, d("40"));
        assert_eq!(row.credits_owed, d("20"));
        // ok + discarded + failed; the refund cost nothing; one cost is unknown.
        assert_eq!(row.cost, d("4"));
        assert_eq!(row.unpriced, 1);
        assert_eq!(row.cost_per_kept_second(), Some(d("0.4")));

        let owed = store.refunds_owed().unwrap();
        assert_eq!(
            owed,
            vec![RefundsOwed {
                platform: "runway".into(),
                entries: 1,
                credits: d("20"),
            }]
        );
    }

    #[test]
    fn grouping_by_project_local_month_and_tag() {
        let mut store = Store::open_for_tests();
        // 23:30 on 30 April in New York is already May in UTC: the local month is April.
        let mut late = entry("ad", "2026-04-30T23:30:00-04:00", "1", Some("1"));
        late.tags = vec![("client".into(), "acme".into())];
        store.insert_entry(&late).unwrap();
        let mut may = entry("ad", "2026-05-02T10:00:00+02:00", "2", Some("2"));
        may.tags = vec![("client".into(), "acme".into())];
        store.insert_entry(&may).unwrap();
        store
            .insert_entry(&entry("trailer", "2026-05-03T10:00:00Z", "4", Some("4")))
            .unwrap();

        let rows = store
            .report(&Filter::default(), &[GroupKey::Project, GroupKey::Month])
            .unwrap();
        let got: Vec<(Vec<Option<String>>, Decimal)> =
            rows.into_iter().map(|r| (r.keys, r.credits)).collect();
        let k = |a: &str, b: &str| vec![Some(a.to_string()), Some(b.to_string())];
        assert_eq!(
            got,
            vec![
                (k("ad", "2026-04"), d("1")),
                (k("ad", "2026-05"), d("2")),
                (k("trailer", "2026-05"), d("4")),
            ]
        );

        let rows = store
            .report(&Filter::default(), &[GroupKey::Tag("client".into())])
            .unwrap();
        let got: Vec<(Vec<Option<String>>, Decimal)> =
            rows.into_iter().map(|r| (r.keys, r.credits)).collect();
        assert_eq!(
            got,
            vec![
                (vec![None], d("4")),
                (vec![Some("acme".to_string())], d("3"))
            ]
        );

        let days = store.report(&Filter::default(), &[GroupKey::Day]).unwrap();
        assert_eq!(days[0].keys, vec![Some("2026-04-30".to_string())]);
        let weeks = store.report(&Filter::default(), &[GroupKey::Week]).unwrap();
        assert_eq!(weeks[0].keys, vec![Some("2026-W18".to_string())]);

        // Filters apply to reports too, limit included.
        let ad = store
            .report(
                &Filter {
                    project: Some("ad".into()),
                    ..Filter::default()
                },
                &[],
            )
            .unwrap();
        assert_eq!(ad[0].credits, d("3"));
        let newest = store
            .report(
                &Filter {
                    limit: Some(1),
                    ..Filter::default()
                },
                &[GroupKey::Tag("client".into())],
            )
            .unwrap();
        assert_eq!(newest.len(), 1);
        assert_eq!(newest[0].credits, d("4"));
    }

    #[test]
    fn an_empty_log_has_zero_totals_and_no_groups() {
        let store = Store::open_for_tests();
        let totals = store.report(&Filter::default(), &[]).unwrap();
        assert_eq!(totals.len(), 1);
        assert_eq!(totals[0].credits, Decimal::ZERO);
        assert_eq!(totals[0].currency, None);
        assert_eq!(totals[0].cost_per_second(), None);
        assert!(store
            .report(&Filter::default(), &[GroupKey::Project])
            .unwrap()
            .is_empty());
    }

    #[test]
    fn currencies_are_never_added_together() {
        let mut store = Store::open_for_tests();
        store
            .insert_entry(&entry("p", "2026-05-04T10:00:00Z", "1", Some("1")))
            .unwrap();
        let mut eur = entry("p", "2026-05-04T10:00:00Z", "2", Some("2"));
        eur.cost.as_mut().unwrap().currency = "EUR".into();
        store.insert_entry(&eur).unwrap();
        let rows = store
            .report(&Filter::default(), &[GroupKey::Project])
            .unwrap();
        let got: Vec<(Option<String>, Decimal)> =
            rows.into_iter().map(|r| (r.currency, r.cost)).collect();
        assert_eq!(
            got,
            vec![(Some("EUR".into()), d("2")), (Some("USD".into()), d("1"))]
        );
    }

    #[test]
    fn the_price_per_credit_paid_is_per_platform_and_leaves_unknown_money_out() {
        let mut store = Store::open_for_tests();
        // 100 credits for $1, 300 for $1.50, 50 unpriced, 40 refunded: $2.50 ÷ 400.
        for (credits, cost) in [("100", Some("1")), ("300", Some("1.5")), ("50", None)] {
            store
                .insert_entry(&entry("p", "2026-05-04T10:00:00Z", credits, cost))
                .unwrap();
        }
        let r = store
            .insert_entry(&entry("p", "2026-05-04T10:00:00Z", "40", Some("9")))
            .unwrap();
        store.set_status(r, Status::Refunded).unwrap();
        let row = &store.report(&Filter::default(), &[]).unwrap()[0];
        assert_eq!(row.credits_priced, d("400"));
        assert_eq!(row.platforms, 1);
        assert_eq!(row.cost_per_credit(), Some(d("0.00625")));
        // Across platforms credits do not add up: no price per credit.
        let mut kling = entry("p", "2026-05-04T10:00:00Z", "10", Some("1"));
        kling.platform = "kling".into();
        store.insert_entry(&kling).unwrap();
        let rows = store.report(&Filter::default(), &[]).unwrap();
        assert_eq!(rows[0].platforms, 2);
        assert_eq!(rows[0].cost_per_credit(), None);
        let by_platform = store
            .report(&Filter::default(), &[GroupKey::Platform])
            .unwrap();
        assert_eq!(by_platform[0].cost_per_credit(), Some(d("0.1")));
    }

    #[test]
    fn group_keys_parse_from_their_names() {
        for key in [
            GroupKey::Project,
            GroupKey::Platform,
            GroupKey::Model,
            GroupKey::Day,
            GroupKey::Week,
            GroupKey::Month,
            GroupKey::Tag("client".into()),
        ] {
            assert_eq!(key.to_string().parse::<GroupKey>().unwrap(), key);
        }
        assert!("tag:".parse::<GroupKey>().is_err());
        assert!("year".parse::<GroupKey>().is_err());
    }

    /// A deterministic log over two months: offsets either side of UTC, every status, kept
    /// and discarded, priced in two currencies and unpriced, with and without a project.
    fn varied_log(store: &mut Store) {
        let mut x: u64 = 2026;
        let mut next = |n: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % n
        };
        let offsets = ["+01:00", "-05:00", "+13:45", "-11:30", "Z"];
        for i in 0..600 {
            // About four months from 2026-03-01, every ~5 hours.
            let minutes = i * 290 + next(60);
            let local = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
                + chrono::Duration::minutes(minutes as i64);
            let when = format!(
                "{}{}",
                local.format("%Y-%m-%dT%H:%M:%S"),
                offsets[next(5) as usize]
            );
            let cost = match next(4) {
                0 => None,
                1 => Some(Money {
                    amount: d("0.35"),
                    currency: "EUR".into(),
                }),
                _ => Some(Money {
                    amount: d("1.25"),
                    currency: "USD".into(),
                }),
            };
            let mut e = entry(["a", "b", "c"][next(3) as usize], &when, "12.5", None);
            e.cost = cost;
            e.project = (next(5) != 0).then(|| e.project.clone().unwrap());
            e.platform = ["runway", "kling"][next(2) as usize].into();
            e.model = ["gen4", "turbo"][next(2) as usize].into();
            e.request.count = 1 + next(3) as u32;
            e.status = [Status::Ok, Status::Ok, Status::Failed, Status::Refunded][next(4) as usize];
            e.kept = next(4) != 0;
            // Two tables per platform, or none (unpriced, or logged before schema 4).
            e.table = match next(3) {
                0 => None,
                n => Some(TableStamp {
                    platform: e.platform.clone(),
                    as_of: chrono::NaiveDate::from_ymd_opt(2026, 1, n as u32).unwrap(),
                    sha256: format!("{n:064x}"),
                }),
            };
            // Most entries name a client; some also a kind of shot.
            if let Some(client) = ["acme", "bolt", "cobalt"].get(next(4) as usize) {
                e.tags.push(("client".into(), client.to_string()));
            }
            if next(3) == 0 {
                e.tags.push(("kind".into(), "b-roll".into()));
            }
            store.insert_entry(&e).unwrap();
        }
    }

    /// A bound on the midnight of every offset the log has around it cuts no local day:
    /// nothing is read entry by entry. Elsewhere the entries of the offsets whose day it
    /// cuts are.
    #[test]
    fn a_bound_on_midnight_at_every_offset_reads_no_entry() {
        let mut store = Store::open_for_tests();
        for when in [
            "2026-03-09T22:00:00+01:00",
            "2026-03-10T01:00:00+01:00",
            "2026-03-10T13:00:00+01:00",
            "2026-03-11T09:00:00+01:00",
        ] {
            store.insert_entry(&entry("a", when, "1", None)).unwrap();
        }
        let offsets_read = |store: &Store, since: &str| -> Vec<Value> {
            let since = at(since).with_timezone(&chrono::Utc);
            let filter = Filter {
                since: Some(since),
                ..Filter::default()
            };
            let low = super::super::entries::encode_bound(&since);
            let w = where_clause(&Filter::default());
            cut_days(&store.conn, &w, &filter, &low, OPEN_END)
                .unwrap()
                .into_iter()
                .flat_map(|cut| cut.day_params.into_iter().step_by(2))
                .collect()
        };
        assert_eq!(offsets_read(&store, "2026-03-10T00:00:00+01:00"), vec![]);
        assert_eq!(
            offsets_read(&store, "2026-03-10T12:00:00+01:00"),
            vec![Value::Int(60)]
        );
        // An entry at -05:00 on the local day the bound cuts at that offset.
        store
            .insert_entry(&entry("a", "2026-03-09T20:00:00-05:00", "1", None))
            .unwrap();
        assert_eq!(
            offsets_read(&store, "2026-03-10T00:00:00+01:00"),
            vec![Value::Int(-300)]
        );
    }

    /// A month is wholly inside a window when every local time in it, at any offset, is.
    #[test]
    fn whole_months_keep_a_days_margin_for_offsets() {
        let months = |low: &str, high: &str| whole_months(low, high);
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        // June 1st at +13:45 is still May 31st in UTC: June is not inside.
        assert_eq!(
            months("2026-06-01T00:00:00Z", "9999-12-31T23:59:59Z"),
            pair("2026-07", "9999-11")
        );
        assert_eq!(
            months("2026-05-31T00:00:00Z", "2026-08-02T00:00:00Z"),
            pair("2026-06", "2026-07")
        );
        // July 31st at -11:30 ends on August 1st at 11:30 UTC.
        assert_eq!(
            months("2026-05-31T00:00:00Z", "2026-08-01T23:59:59Z"),
            pair("2026-06", "2026-06")
        );
        assert_eq!(months("2026-06-10T00:00:00Z", "2026-07-05T00:00:00Z"), None);
        assert_eq!(
            months("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"),
            pair("0001-02", "9999-11")
        );
        assert_eq!(months("not a time", "9999-12-31T23:59:59Z"), None);
    }

    /// The daily sums answer every report exactly as a scan of the entries does, windows that
    /// cut local days included.
    #[test]
    fn the_daily_sums_answer_as_the_entries_do() {
        let mut store = Store::open_for_tests();
        varied_log(&mut store);
        let t = |s: &str| at(s).with_timezone(&chrono::Utc);
        let windows = [
            (None, None),
            (Some(t("2026-03-10T00:00:00+01:00")), None),
            (None, Some(t("2026-03-20T13:17:00Z"))),
            (
                Some(t("2026-03-05T07:00:00-05:00")),
                Some(t("2026-04-01T00:00:00+01:00")),
            ),
            (
                Some(t("2026-03-12T00:00:00Z")),
                Some(t("2026-03-16T00:00:01Z")),
            ),
            // Bounds on midnights of some of the log's offsets and not of the others.
            (
                Some(t("2026-03-20T00:00:00-05:00")),
                Some(t("2026-04-15T00:00:00+13:45")),
            ),
            (Some(t("2026-04-02T11:30:00Z")), None),
            // Whole months inside, and months cut at each end.
            (
                Some(t("2026-02-20T00:00:00Z")),
                Some(t("2026-06-10T00:00:00Z")),
            ),
            (
                Some(t("2026-03-31T23:30:00-05:00")),
                Some(t("2026-06-01T00:00:00+01:00")),
            ),
        ];
        let groupings: Vec<Vec<GroupKey>> = vec![
            vec![],
            vec![GroupKey::Project],
            vec![GroupKey::Platform, GroupKey::Month],
            vec![GroupKey::Model, GroupKey::Week],
            vec![GroupKey::Day],
            vec![GroupKey::PriceTable],
            vec![GroupKey::Tag("client".into())],
            vec![GroupKey::Tag("client".into()), GroupKey::Month],
            vec![
                GroupKey::Platform,
                GroupKey::Tag("kind".into()),
                GroupKey::Week,
            ],
            vec![GroupKey::Tag("client".into()), GroupKey::Day],
            // What `report --by tag:client` asks of the store.
            vec![
                GroupKey::Tag("client".into()),
                GroupKey::Platform,
                GroupKey::PriceTable,
            ],
            // Read from the entries: `tag_day` has no project.
            vec![GroupKey::Project, GroupKey::Tag("client".into())],
        ];
        let acme = || vec![("client".to_string(), "acme".to_string())];
        let mut compared = 0;
        let mut from_tag_sums = 0;
        for (since, until) in windows {
            for project in [None, Some("a".to_string())] {
                for (status, platform, tags) in [
                    (None, None, vec![]),
                    (Some(Status::Failed), None, vec![]),
                    (None, None, acme()),
                    (Some(Status::Ok), Some("kling".to_string()), acme()),
                ] {
                    let filter = Filter {
                        since,
                        until,
                        project: project.clone(),
                        platform,
                        status,
                        tags,
                        ..Filter::default()
                    };
                    // The pace's read: a report's credits less credits refunded.
                    let scanned = report_query(&store.conn, &filter, &[], false).unwrap();
                    let net: Decimal = scanned
                        .iter()
                        .map(|(r, _)| r.credits - r.credits_refunded)
                        .sum();
                    assert_eq!(spent_in(&store.conn, &filter).unwrap(), net, "{filter:?}");
                    for by in &groupings {
                        if matches!(tag_plan(&filter, by), TagPlan::Key { .. })
                            && days_can_answer(&filter, by)
                        {
                            from_tag_sums += 1;
                        }
                        for by_currency in [false, true] {
                            let scanned =
                                report_query(&store.conn, &filter, by, by_currency).unwrap();
                            let summed = from_sums(&store.conn, &filter, by, by_currency).unwrap();
                            assert_eq!(scanned, summed, "{filter:?} by {by:?}");
                            compared += scanned.len();
                        }
                    }
                }
            }
        }
        assert!(
            compared > 500,
            "the log is too small to compare: {compared} rows"
        );
        assert!(from_tag_sums > 50, "{from_tag_sums} reports from tag sums");
        // Removing and changing entries keeps the sums in step (the triggers).
        store
            .conn
            .execute("DELETE FROM entry WHERE id % 7 = 0", ())
            .unwrap();
        store
            .conn
            .execute("UPDATE entry SET status = 'refunded' WHERE id % 5 = 0", ())
            .unwrap();
        // Tags changed, removed and added, and entries moved in time, keep the tag sums in
        // step too.
        store
            .conn
            .execute_batch(
                "UPDATE entry_tag SET value = 'dune' WHERE entry_id % 3 = 0 AND key = 'client'; \
                 DELETE FROM entry_tag WHERE entry_id % 4 = 0 AND key = 'kind'; \
                 INSERT INTO entry_tag (entry_id, key, value) \
                     SELECT id, 'kind', 'hero' FROM entry WHERE id % 11 = 0 \
                     ON CONFLICT (entry_id, key) DO NOTHING; \
                 UPDATE entry SET at = strftime('%Y-%m-%dT%H:%M:%SZ', at, '+20 hours'), \
                     kept = 1 - kept WHERE id % 13 = 0;",
            )
            .unwrap();
        for filter in [
            Filter::default(),
            Filter {
                tags: acme(),
                ..Filter::default()
            },
        ] {
            for by in [
                vec![GroupKey::Project, GroupKey::Day],
                vec![GroupKey::Project, GroupKey::Month],
                vec![GroupKey::Tag("client".into()), GroupKey::Month],
                vec![GroupKey::Tag("kind".into()), GroupKey::Day],
                vec![],
            ] {
                assert_eq!(
                    report_query(&store.conn, &filter, &by, true).unwrap(),
                    from_sums(&store.conn, &filter, &by, true).unwrap(),
                    "{filter:?} by {by:?}"
                );
            }
        }
    }
}
