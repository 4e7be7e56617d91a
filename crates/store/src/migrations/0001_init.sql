-- 0001: the generation log (issue 3).
--
-- Why this shape:
-- * One `entry` row per generation the user ran, so `history`, `report` and `refunds` are plain
--   queries over one table and `SUM` stays exact: credits are INTEGER milli-credits
--   (credits x 1000) and money is INTEGER micro-units of `currency` (x 1 000 000). Money is
--   snapshotted at log time so later price changes never rewrite history; NULL means "unknown",
--   never 0.
-- * `at` is UTC text in one fixed RFC 3339 form (`YYYY-MM-DDTHH:MM:SSZ`) so text order is time
--   order; `utc_offset_min` keeps the user's offset at log time so days and months are reported
--   in the user's local calendar.
-- * `dedup_key` makes `import` idempotent: every entry has one, unique in the database.
-- * Tags live in their own table (one value per key per entry) so they can be filtered and
--   grouped by in SQL.
-- * `account` records the plan the user is on per platform. A later migration adds the balance
--   ledger (grants, top-ups, budgets) as tables that reference `account(platform)`; nothing
--   here needs to change for that.
-- STRICT tables and CHECK constraints keep hand edits with the stock sqlite3 honest.

CREATE TABLE entry (
    id              INTEGER PRIMARY KEY,
    at              TEXT    NOT NULL CHECK (at GLOB
        '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
    utc_offset_min  INTEGER NOT NULL DEFAULT 0 CHECK (utc_offset_min BETWEEN -1439 AND 1439),
    platform        TEXT    NOT NULL CHECK (platform <> ''),
    model           TEXT    NOT NULL CHECK (model <> ''),
    -- The request, as given to `estimate`; NULL where the option was not given.
    duration_ms     INTEGER CHECK (duration_ms BETWEEN 0 AND 1000000000000),
    resolution      TEXT,
    audio           INTEGER CHECK (audio IN (0, 1)),
    refs            INTEGER CHECK (refs >= 0),
    mode            TEXT,
    chars           INTEGER CHECK (chars >= 0),
    count           INTEGER NOT NULL DEFAULT 1 CHECK (count BETWEEN 1 AND 1000000),
    -- What was charged for the whole entry (all `count` outputs).
    credits_milli   INTEGER NOT NULL CHECK (credits_milli >= 0),
    cost_micro      INTEGER CHECK (cost_micro >= 0),
    currency        TEXT    CHECK (currency <> ''),
    -- How the money was priced, e.g. 'account plan Pro, monthly' or 'unpriced'.
    pricing         TEXT    NOT NULL CHECK (pricing <> ''),
    project         TEXT,
    note            TEXT,
    -- 'failed': charged, refund not yet seen; 'refunded': failed and credits returned.
    status          TEXT    NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'failed', 'refunded')),
    -- 0 for a rerun or variation that was not used (`--discarded`).
    kept            INTEGER NOT NULL DEFAULT 1 CHECK (kept IN (0, 1)),
    dedup_key       TEXT    NOT NULL UNIQUE CHECK (dedup_key <> ''),
    CHECK ((cost_micro IS NULL) = (currency IS NULL))
) STRICT;

-- Few indexes on purpose: each one slows every insert, and `import` of a million rows must
-- stay close to the stock sqlite3 `.import`. Reports read every matching row anyway, and a
-- personal log scans fast, so project/platform/model filters go without one.
-- `history` shows the newest first, optionally within a date range; a chronological log (and
-- every export, written oldest first) appends to the end of this index cheaply.
CREATE INDEX entry_at ON entry (at);
-- `credits refunds` reads only failed entries, which are few.
CREATE INDEX entry_failed ON entry (platform) WHERE status = 'failed';

CREATE TABLE entry_tag (
    entry_id  INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    key       TEXT    NOT NULL CHECK (key <> ''),
    value     TEXT    NOT NULL,
    PRIMARY KEY (entry_id, key)
) STRICT, WITHOUT ROWID;

-- `--tag K=V` filters and `--by tag:K` grouping look tags up by (entry_id, key): the
-- primary key serves both, so no other index.

CREATE TABLE account (
    platform   TEXT    PRIMARY KEY CHECK (platform <> ''),
    plan       TEXT    NOT NULL CHECK (plan <> ''),
    billing    TEXT    NOT NULL DEFAULT 'monthly' CHECK (billing IN ('monthly', 'annual')),
    since      TEXT    CHECK (since IS NULL OR date(since) IS since),
    renews_on  INTEGER CHECK (renews_on BETWEEN 1 AND 31)
) STRICT;
