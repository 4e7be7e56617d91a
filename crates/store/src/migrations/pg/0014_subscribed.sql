-- Schema 14 on PostgreSQL, as `../0014_subscribed.sql` on SQLite: the day a subscription
-- began (`account set --subscribed`), on or before the change's `effective_on`; NULL is a
-- start of tracking (or a plan change), which gets no first-period promotion.
ALTER TABLE account_change ADD COLUMN subscribed_on TEXT COLLATE "C"
    CHECK (subscribed_on IS NULL OR (subscribed_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
        AND date(subscribed_on) IS NOT DISTINCT FROM subscribed_on
        AND subscribed_on <= effective_on));

-- Checkpoints replayed with the old rule go; the next write makes them again.
DELETE FROM ledger_checkpoint;
