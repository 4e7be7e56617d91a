//! The sums reports read, declared once: the columns `entry_day`, `entry_month`, `tag_day`
//! and `tag_month` hold beside their keys, and how one entry adds to each.
//!
//! Every SQL text that lists them (the reads in `report.rs`, the upsert of an import in
//! `summary.rs`) is made from [`SUMS`]; the triggers that keep them on every other write are
//! SQL in the migrations (a released migration never changes), and a test below checks each
//! trigger that writes a sum table against this declaration. Adding a summed column is one
//! entry here, its arm in `summary::entry_sums`, and a migration (table column and triggers).
//!
//! Amounts are split at 10^9 (`_hi` = value / 10^9, `_lo` = value % 10^9) so that no 64-bit
//! `sum()` can overflow (`report.rs`, `split_sum`).

use std::sync::LazyLock;

/// One summed column.
pub(crate) struct Sum {
    /// The column's name in every sum table.
    pub column: &'static str,
    /// What one entry (`entry e`) adds to it, as SQL over the entry's row.
    pub of_entry: &'static str,
}

/// The summed columns, in the order the tables hold them.
pub(crate) const SUMS: [Sum; 11] = [
    Sum {
        column: "entries",
        of_entry: "1",
    },
    Sum {
        column: "clips",
        of_entry: "e.count",
    },
    Sum {
        column: "seconds_hi",
        of_entry: "coalesce(e.duration_ms * e.count / 1000000000, 0)",
    },
    Sum {
        column: "seconds_lo",
        of_entry: "coalesce(e.duration_ms * e.count % 1000000000, 0)",
    },
    Sum {
        column: "credits_hi",
        of_entry: "e.credits_milli / 1000000000",
    },
    Sum {
        column: "credits_lo",
        of_entry: "e.credits_milli % 1000000000",
    },
    Sum {
        column: "cost_hi",
        of_entry: "coalesce(e.cost_micro / 1000000000, 0)",
    },
    Sum {
        column: "cost_lo",
        of_entry: "coalesce(e.cost_micro % 1000000000, 0)",
    },
    Sum {
        column: "unpriced",
        of_entry: "CASE WHEN e.cost_micro IS NULL THEN 1 ELSE 0 END",
    },
    Sum {
        column: "priced_hi",
        of_entry: "CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli / 1000000000 ELSE 0 END",
    },
    Sum {
        column: "priced_lo",
        of_entry: "CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli % 1000000000 ELSE 0 END",
    },
];

/// The summed columns of a row aliased `alias`: `e.entries, e.clips, …`.
pub(crate) fn columns_of(alias: &str) -> String {
    SUMS.iter()
        .map(|s| format!("{alias}.{}", s.column))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What one entry `e` adds to each sum, in column order.
pub(crate) static OF_ENTRY: LazyLock<String> = LazyLock::new(|| {
    SUMS.iter()
        .map(|s| s.of_entry)
        .collect::<Vec<_>>()
        .join(", ")
});

/// The `SET` list of an upsert into `table` that adds the new row's sums to the existing
/// ones. The existing row's column is named with its table: PostgreSQL finds a bare name
/// ambiguous beside `excluded`.
pub(crate) fn add_excluded(table: &str) -> String {
    SUMS.iter()
        .map(|s| format!("{c} = {table}.{c} + excluded.{c}", c = s.column))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    /// The columns of a table, in order.
    fn table_columns(store: &Store, table: &str) -> Vec<String> {
        let sql = match store.backend() {
            crate::Backend::Sqlite => "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
            crate::Backend::Postgres => {
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_name = ?1 AND table_schema = current_schema() \
                 ORDER BY ordinal_position"
            }
        };
        store.conn.query_map(sql, [table], |r| r.get(0)).unwrap()
    }

    #[test]
    fn every_sum_table_holds_the_declared_sums_after_its_keys() {
        let store = Store::open_for_tests();
        let declared: Vec<String> = SUMS.iter().map(|s| s.column.to_string()).collect();
        for table in ["entry_day", "entry_month", "tag_day", "tag_month"] {
            let columns = table_columns(&store, table);
            assert!(columns.len() > declared.len(), "{table}: {columns:?}");
            let tail = &columns[columns.len() - declared.len()..];
            assert_eq!(tail, declared.as_slice(), "{table}");
        }
    }

    #[test]
    fn every_trigger_that_writes_a_sum_table_keeps_every_declared_sum() {
        // SQLite's trigger texts; PostgreSQL's triggers are checked by what they do (the
        // sums after writes, in report.rs and summary.rs).
        if crate::testing_postgres() {
            return;
        }
        let store = Store::open_for_tests();
        let mut stmt = store
            .conn
            .sqlite()
            .unwrap()
            .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            .unwrap();
        let triggers: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let writes_sums = |sql: &str| {
            ["entry_day", "entry_month", "tag_day", "tag_month"]
                .iter()
                .any(|t| {
                    sql.contains(&format!("INSERT INTO {t}"))
                        || sql.contains(&format!("UPDATE {t}"))
                })
        };
        let checked: Vec<&(String, String)> = triggers
            .iter()
            .filter(|(_, sql)| writes_sums(sql))
            .collect();
        assert!(
            checked.len() >= 6,
            "found the sum triggers: {}",
            checked.len()
        );
        let mut missing = Vec::new();
        for (name, sql) in checked {
            for s in &SUMS {
                if !sql.contains(s.column) {
                    missing.push(format!("{name} does not keep {}", s.column));
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    #[test]
    fn the_import_sums_of_an_entry_are_the_declared_sums_of_it() {
        // The Rust arm of each sum (`summary::entry_sums`) against its SQL (`of_entry`), on
        // amounts past the split so both halves are exercised.
        let store = Store::open_for_tests();
        let cases = [
            (
                3_i64,
                Some(1_500_000_000_i64),
                2_345_000_000_123_i64,
                Some(7_000_000_001_i64),
            ),
            (1, None, 0, None),
            (2, Some(999), 1_000_000_000, None),
        ];
        for (count, duration_ms, credits_milli, cost_micro) in cases {
            let sql = format!(
                "SELECT {} FROM (SELECT CAST(?1 AS BIGINT) AS count, \
                 CAST(?2 AS BIGINT) AS duration_ms, CAST(?3 AS BIGINT) AS credits_milli, \
                 CAST(?4 AS BIGINT) AS cost_micro) e",
                *OF_ENTRY
            );
            let from_sql: Vec<i64> = store
                .conn
                .query_row(
                    &sql,
                    crate::db::params![count, duration_ms, credits_milli, cost_micro],
                    |r| (0..SUMS.len()).map(|i| r.get::<i64>(i)).collect(),
                )
                .unwrap();
            let from_rust =
                crate::summary::entry_sums(count, duration_ms, credits_milli, cost_micro);
            assert_eq!(
                from_sql,
                from_rust.to_vec(),
                "{count} {duration_ms:?} {credits_milli} {cost_micro:?}"
            );
        }
    }
}
