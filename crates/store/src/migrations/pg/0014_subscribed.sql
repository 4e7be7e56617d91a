-- Schema 14 on PostgreSQL, as `../0014_subscribed.sql` on SQLite: the day a subscription
-- began (`account set --subscribed`), on or before the change's `effective_on`; NULL is a
-- start of tracking (or a plan change), which gets no first-period promotion.
ALTER TABLE account_change ADD COLUMN subscribed_on TEXT COLLATE "C"
    CHECK (subscribed_on IS NULL OR (subscribed_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
        AND date(subscribed_on) IS NOT DISTINCT FROM subscribed_on
        AND subscribed_on <= effective_on));

-- Checkpoints replayed with the old rule go; the `refresh_checkpoints` task has the
-- application make them again right after this migration, as on SQLite.
DELETE FROM ledger_checkpoint;
ALTER TABLE maintenance DROP CONSTRAINT maintenance_task_check;
ALTER TABLE maintenance ADD CONSTRAINT maintenance_task_check
    CHECK (task IN ('canonical_names', 'fill_who', 'refresh_checkpoints'));
INSERT INTO maintenance (task) VALUES ('refresh_checkpoints');
