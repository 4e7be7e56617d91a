-- Schema 12 on PostgreSQL, as `../0012_billed.sql` on SQLite (see it for why): what the
-- platforms really billed, per generation (`billed`) and per model and day (`billed_line`).
CREATE TABLE billed (
    platform       TEXT COLLATE "C" NOT NULL CHECK (platform <> ''),
    ref            TEXT COLLATE "C" NOT NULL CHECK (ref <> ''),
    entry_id       BIGINT REFERENCES entry (id) ON DELETE SET NULL,
    source         TEXT COLLATE "C" NOT NULL CHECK (source <> ''),
    model          TEXT COLLATE "C" NOT NULL CHECK (model <> ''),
    at             TEXT COLLATE "C" NOT NULL,
    status         TEXT COLLATE "C" NOT NULL CHECK (status IN ('ok', 'failed', 'refunded')),
    amount_micro   BIGINT CHECK (amount_micro >= 0),
    currency       TEXT COLLATE "C" CHECK (currency <> ''),
    credits_milli  BIGINT CHECK (credits_milli >= 0),
    matched        TEXT COLLATE "C" NOT NULL CHECK (matched IN ('created', 'id', 'time')),
    PRIMARY KEY (platform, ref),
    CHECK ((amount_micro IS NULL) = (currency IS NULL))
);

CREATE INDEX billed_entry ON billed (entry_id);

CREATE TABLE billed_line (
    platform       TEXT COLLATE "C" NOT NULL CHECK (platform <> ''),
    model          TEXT COLLATE "C" NOT NULL CHECK (model <> ''),
    day            TEXT COLLATE "C" NOT NULL CHECK (day ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
    unit           TEXT COLLATE "C" NOT NULL DEFAULT '',
    quantity_milli BIGINT CHECK (quantity_milli >= 0),
    amount_micro   BIGINT CHECK (amount_micro >= 0),
    currency       TEXT COLLATE "C" CHECK (currency <> ''),
    credits_milli  BIGINT CHECK (credits_milli >= 0),
    source         TEXT COLLATE "C" NOT NULL CHECK (source <> ''),
    PRIMARY KEY (platform, model, day, unit),
    CHECK ((amount_micro IS NULL) = (currency IS NULL)),
    CHECK (amount_micro IS NOT NULL OR credits_milli IS NOT NULL)
);
