//! Tasks a migration leaves for the application (schema 3, `maintenance` table): work that
//! needs the pricing tables, which SQL cannot read. `ops::Session` runs each pending task
//! right after opening, in one transaction that also marks it done.

use crate::db::params;
use anyhow::{bail, Result};

use super::{Store, Tx};
use credits_core::records::Who;

/// A pending task, as named in the `maintenance` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// Entries imported by schema 1 and 2 kept platform and model names as typed; they
    /// become the tables' canonical ids.
    CanonicalNames,
    /// Entries, plan changes, top-ups and adjustments recorded before schema 10 get the local
    /// user and host ([`Tx::fill_who`]): they were recorded here.
    FillWho,
    /// The ledger's checkpoints, dropped by schema 14 (replayed under the old promotion rule),
    /// made again: without them every balance replays the whole log until the next write.
    RefreshCheckpoints,
}

impl Task {
    fn as_str(self) -> &'static str {
        match self {
            Task::CanonicalNames => "canonical_names",
            Task::FillWho => "fill_who",
            Task::RefreshCheckpoints => "refresh_checkpoints",
        }
    }
}

impl Store {
    /// Whether the database holds no record at all (a file a failed command may take back).
    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM entry) + (SELECT count(*) FROM account) \
             + (SELECT count(*) FROM account_change) + (SELECT count(*) FROM topup) \
             + (SELECT count(*) FROM adjustment) + (SELECT count(*) FROM budget)",
            (),
            |r| r.get(0),
        )?;
        Ok(n == 0)
    }

    /// The tasks a migration left to do.
    pub fn pending_tasks(&self) -> Result<Vec<Task>> {
        let names = self
            .conn
            .query_map("SELECT task FROM maintenance", (), |r| r.get::<String>(0))?;
        let mut tasks = Vec::new();
        for name in names {
            match name.as_str() {
                "canonical_names" => tasks.push(Task::CanonicalNames),
                "fill_who" => tasks.push(Task::FillWho),
                "refresh_checkpoints" => tasks.push(Task::RefreshCheckpoints),
                other => bail!("unknown maintenance task `{other}` in the database"),
            }
        }
        Ok(tasks)
    }
}

impl Tx<'_> {
    /// Marks a task done.
    pub fn finish_task(&self, task: Task) -> Result<()> {
        self.conn
            .execute("DELETE FROM maintenance WHERE task = ?1", [task.as_str()])?;
        Ok(())
    }

    /// Gives every entry, plan change, top-up and adjustment whose user or machine is unknown
    /// `who`'s (an unknown part of `who` leaves the column NULL). Returns how many rows
    /// changed. Run once, by the `fill_who` task, on the rows recorded before schema 10.
    pub fn fill_who(&self, who: &Who) -> Result<u64> {
        let mut n = 0;
        for table in ["entry", "account_change", "topup", "adjustment"] {
            n += self.conn.execute(
                &format!(
                    "UPDATE {table} SET logged_by = coalesce(logged_by, ?1), \
                     machine = coalesce(machine, ?2) \
                     WHERE (logged_by IS NULL AND ?1 IS NOT NULL) \
                        OR (machine IS NULL AND ?2 IS NOT NULL)"
                ),
                params![who.logged_by, who.machine],
            )?;
        }
        Ok(n as u64)
    }

    /// Every distinct (platform, model) of the entries, with how many entries have it.
    pub fn entry_names(&self) -> Result<Vec<(String, String, u64)>> {
        self.conn.query_map(
            "SELECT platform, model, count(*) FROM entry GROUP BY platform, model ORDER BY 1, 2",
            (),
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
    }

    /// Gives a credits budget without a platform (schema 2) its project's platform, when the
    /// project's entries are now all on one (after the renames above, `Runway` and `runway`
    /// are one platform). Returns how many budgets were given one.
    pub fn assign_budget_platforms(&self) -> Result<u64> {
        let n = self.conn.execute(
            "UPDATE OR IGNORE budget SET platform = \
                 (SELECT min(platform) FROM entry WHERE project = budget.project) \
             WHERE unit = 'credits' AND platform = '' \
               AND (SELECT count(DISTINCT platform) FROM entry \
                    WHERE project = budget.project) = 1",
            (),
        )?;
        Ok(n as u64)
    }

    /// Renames the entries on `(platform, model)` and the credits budgets on `platform`;
    /// returns how many entries changed.
    pub fn rename(&self, from: (&str, &str), to: (&str, &str)) -> Result<u64> {
        let n = self.conn.execute(
            "UPDATE entry SET platform = ?3, model = ?4 WHERE platform = ?1 AND model = ?2",
            params![from.0, from.1, to.0, to.1],
        )?;
        if from.0 != to.0 {
            self.conn.execute(
                "UPDATE OR IGNORE budget SET platform = ?2 WHERE platform = ?1",
                params![from.0, to.0],
            )?;
        }
        Ok(n as u64)
    }
}
