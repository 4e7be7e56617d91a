-- Schema 12: what the platforms really billed (issue 23), beside the table's estimate.
--
-- `billed`: one generation as the platform reported it (Replicate's predictions, OpenAI's
-- videos), keyed by the platform's own id so importing the same list twice adds nothing.
-- `entry_id` is the entry it created or enriched (NULL once that entry is removed: the
-- platform's record stays, so a removed entry is not imported again). `matched` says how:
-- 'created' (no entry was logged for it), 'id' (the entry carried the platform's id as its
-- dedup key), 'time' (same platform and model, logged within the import's window).
-- Amounts are the platform's own, NULL when it did not say (Replicate gives no cost).
CREATE TABLE billed (
    platform       TEXT    NOT NULL CHECK (platform <> ''),
    ref            TEXT    NOT NULL CHECK (ref <> ''),
    entry_id       INTEGER REFERENCES entry (id) ON DELETE SET NULL,
    source         TEXT    NOT NULL CHECK (source <> ''),
    model          TEXT    NOT NULL CHECK (model <> ''),
    at             TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('ok', 'failed', 'refunded')),
    amount_micro   INTEGER CHECK (amount_micro >= 0),
    currency       TEXT    CHECK (currency <> ''),
    credits_milli  INTEGER CHECK (credits_milli >= 0),
    matched        TEXT    NOT NULL CHECK (matched IN ('created', 'id', 'time')),
    PRIMARY KEY (platform, ref),
    CHECK ((amount_micro IS NULL) = (currency IS NULL))
) STRICT;

CREATE INDEX billed_entry ON billed (entry_id);

-- `billed_line`: an aggregate the platform reported (fal's usage buckets, Runway's daily
-- credits per model, OpenAI's daily costs): what one model cost on one UTC day, in one unit.
-- Not generations: no entry is ever made from one. A day imported again replaces its line
-- (the platform's latest word on a day it was still counting).
CREATE TABLE billed_line (
    platform       TEXT    NOT NULL CHECK (platform <> ''),
    model          TEXT    NOT NULL CHECK (model <> ''),
    day            TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    unit           TEXT    NOT NULL DEFAULT '',
    quantity_milli INTEGER CHECK (quantity_milli >= 0),
    amount_micro   INTEGER CHECK (amount_micro >= 0),
    currency       TEXT    CHECK (currency <> ''),
    credits_milli  INTEGER CHECK (credits_milli >= 0),
    source         TEXT    NOT NULL CHECK (source <> ''),
    PRIMARY KEY (platform, model, day, unit),
    CHECK ((amount_micro IS NULL) = (currency IS NULL)),
    CHECK (amount_micro IS NOT NULL OR credits_milli IS NOT NULL)
) STRICT, WITHOUT ROWID;
