-- Schema 15 for PostgreSQL: the currency joins a billed line's key (see the SQLite file of
-- the same number); the empty currency for a line of credits only.
CREATE TABLE billed_line_new (
    platform       TEXT COLLATE "C" NOT NULL CHECK (platform <> ''),
    model          TEXT COLLATE "C" NOT NULL CHECK (model <> ''),
    day            TEXT COLLATE "C" NOT NULL CHECK (day ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
    unit           TEXT COLLATE "C" NOT NULL DEFAULT '',
    quantity_milli BIGINT CHECK (quantity_milli >= 0),
    amount_micro   BIGINT CHECK (amount_micro >= 0),
    currency       TEXT COLLATE "C" NOT NULL DEFAULT '',
    credits_milli  BIGINT CHECK (credits_milli >= 0),
    source         TEXT COLLATE "C" NOT NULL CHECK (source <> ''),
    PRIMARY KEY (platform, model, day, unit, currency),
    CHECK ((amount_micro IS NULL) = (currency = '')),
    CHECK (amount_micro IS NOT NULL OR credits_milli IS NOT NULL)
);

INSERT INTO billed_line_new
    SELECT platform, model, day, unit, quantity_milli, amount_micro, coalesce(currency, ''),
           credits_milli, source
    FROM billed_line;
DROP TABLE billed_line;
ALTER TABLE billed_line_new RENAME TO billed_line;
ALTER TABLE billed_line RENAME CONSTRAINT billed_line_new_pkey TO billed_line_pkey;
