-- Schema 10: who recorded each fact, and on which machine (issue 20, "Who did it"). Once a
-- ledger is shared (several people, several machines) "who spent this?" has to be answered
-- by the log itself. Every entry, plan change, top-up and adjustment gets `logged_by` (the
-- user: `--user`, `CREDITS_USER`, the config file's `user`, else the login name) and
-- `machine` (the host name). Both are nullable: NULL is unknown (a row imported from a file
-- that did not say), never a made-up name. Neither is part of any dedup key or sum.
--
-- The rows already in the log were recorded here, by this computer's user: they get the local
-- user and host. SQL cannot know them, so the `fill_who` maintenance task (schema 3's
-- `maintenance` table, whose CHECK is widened here) asks the application to fill them in
-- right after this migration, in one transaction (`store::maintenance`, `ops::Session`).
-- A log with no rows has nothing to fill and gets no task.
ALTER TABLE entry ADD COLUMN logged_by TEXT CHECK (logged_by <> '');
ALTER TABLE entry ADD COLUMN machine TEXT CHECK (machine <> '');
ALTER TABLE account_change ADD COLUMN logged_by TEXT CHECK (logged_by <> '');
ALTER TABLE account_change ADD COLUMN machine TEXT CHECK (machine <> '');
ALTER TABLE topup ADD COLUMN logged_by TEXT CHECK (logged_by <> '');
ALTER TABLE topup ADD COLUMN machine TEXT CHECK (machine <> '');
ALTER TABLE adjustment ADD COLUMN logged_by TEXT CHECK (logged_by <> '');
ALTER TABLE adjustment ADD COLUMN machine TEXT CHECK (machine <> '');

CREATE TABLE maintenance_new (
    task  TEXT PRIMARY KEY CHECK (task IN ('canonical_names', 'fill_who'))
) STRICT;
INSERT INTO maintenance_new (task) SELECT task FROM maintenance;
DROP TABLE maintenance;
ALTER TABLE maintenance_new RENAME TO maintenance;

INSERT INTO maintenance (task)
    SELECT 'fill_who'
    WHERE EXISTS (SELECT 1 FROM entry) OR EXISTS (SELECT 1 FROM account_change)
       OR EXISTS (SELECT 1 FROM topup) OR EXISTS (SELECT 1 FROM adjustment);
