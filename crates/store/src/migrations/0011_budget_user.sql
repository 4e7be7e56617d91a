-- Schema 11: budgets per user (issue 20, "Who did it": "budgets can be per user"). On a
-- studio's shared ledger a budget may count one person's entries only: `logged_by` names
-- whose (the entries' `logged_by`, schema 10); '' counts everyone's, as every budget did
-- before. Part of the key, so a project can have one budget for the team and one per person.
-- SQLite cannot change a primary key in place: the table is made again, rows kept.
CREATE TABLE budget_new (
    project       TEXT    NOT NULL CHECK (project <> ''),
    unit          TEXT    NOT NULL CHECK (unit IN ('money', 'credits')),
    platform      TEXT    NOT NULL DEFAULT '' CHECK (unit = 'credits' OR platform = ''),
    amount_micro  INTEGER CHECK (amount_micro > 0),
    amount_milli  INTEGER CHECK (amount_milli > 0),
    currency      TEXT    CHECK (currency <> ''),
    period        TEXT    NOT NULL CHECK (period IN ('month', 'total')),
    logged_by     TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (project, unit, platform, logged_by),
    CHECK ((unit = 'money') = (amount_micro IS NOT NULL AND currency IS NOT NULL)),
    CHECK ((unit = 'credits') = (amount_milli IS NOT NULL AND currency IS NULL))
) STRICT, WITHOUT ROWID;

INSERT INTO budget_new (project, unit, platform, amount_micro, amount_milli, currency, period)
    SELECT project, unit, platform, amount_micro, amount_milli, currency, period FROM budget;

DROP TABLE budget;
ALTER TABLE budget_new RENAME TO budget;
