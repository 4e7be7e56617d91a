-- Schema 14: when a subscription began, apart from when tracking began (issue 22, item 4).
-- `account set --since DATE` is the day the plan's credits are tracked from; a first-period
-- promotion ("new users") belongs to a subscription that began then, which only the user
-- knows: `subscribed_on` is the day they said it began (`--subscribed`), on or before
-- `effective_on`; NULL, as for every change recorded before, is a start of tracking (or a
-- plan change) and gets no promotion.
ALTER TABLE account_change ADD COLUMN subscribed_on TEXT
    CHECK (subscribed_on IS NULL OR (date(subscribed_on) IS subscribed_on
                                     AND subscribed_on <= effective_on));

-- The ledger's checkpoints were replayed with the old rule (a promotion for every account's
-- first period): derived data. They go, and the `refresh_checkpoints` maintenance task has the
-- application make them again right after this migration (`ops::Session`): left to the next
-- write, every read-only `balance` or `status` until then would replay the whole log.
DELETE FROM ledger_checkpoint;

CREATE TABLE maintenance_new (
    task  TEXT PRIMARY KEY
          CHECK (task IN ('canonical_names', 'fill_who', 'refresh_checkpoints'))
) STRICT;
INSERT INTO maintenance_new (task) SELECT task FROM maintenance;
DROP TABLE maintenance;
ALTER TABLE maintenance_new RENAME TO maintenance;
INSERT INTO maintenance (task) VALUES ('refresh_checkpoints');
