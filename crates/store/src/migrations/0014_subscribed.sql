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
-- first period): derived data, made again by the next write.
DELETE FROM ledger_checkpoint;
