-- Schema 15: a billed day's line in another currency is kept beside the other one, never in
-- its place (a new-user trial of issue 23: a fal line in EUR replaced the USD line of the
-- same model and day, and the report then added the two under one sign). The currency joins
-- the key; a line of credits only (Runway's) has the empty currency, since a key column
-- cannot be NULL.
CREATE TABLE billed_line_new (
    platform       TEXT    NOT NULL CHECK (platform <> ''),
    model          TEXT    NOT NULL CHECK (model <> ''),
    day            TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    unit           TEXT    NOT NULL DEFAULT '',
    quantity_milli INTEGER CHECK (quantity_milli >= 0),
    amount_micro   INTEGER CHECK (amount_micro >= 0),
    currency       TEXT    NOT NULL DEFAULT '',
    credits_milli  INTEGER CHECK (credits_milli >= 0),
    source         TEXT    NOT NULL CHECK (source <> ''),
    PRIMARY KEY (platform, model, day, unit, currency),
    CHECK ((amount_micro IS NULL) = (currency = '')),
    CHECK (amount_micro IS NOT NULL OR credits_milli IS NOT NULL)
) STRICT, WITHOUT ROWID;

INSERT INTO billed_line_new
    SELECT platform, model, day, unit, quantity_milli, amount_micro, coalesce(currency, ''),
           credits_milli, source
    FROM billed_line;
DROP TABLE billed_line;
ALTER TABLE billed_line_new RENAME TO billed_line;
