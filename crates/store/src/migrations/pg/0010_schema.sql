-- PostgreSQL schema of a credits ledger at schema version 10 (issue 20), in one migration.
--
-- What this is: the schema the SQLite migrations `../0001_init.sql` … `../0010_who.sql` arrive
-- at, written once for PostgreSQL 15+. A PostgreSQL ledger has no history to migrate (no
-- PostgreSQL database older than schema 10 exists), so it starts here; a later schema change is
-- a new file beside this one (`0011_….sql`), as on SQLite. The store runs this file on an empty
-- database in one transaction that also inserts the marker row, `(1, 'credits', 10)`, into
-- `credits_schema`; this file inserts no row at all: a new ledger has no entries, so neither
-- the `canonical_names` task of 0003 nor the `fill_who` task of 0010 is due (the
-- `maintenance` table is kept, with 0010's CHECK, for tasks of later migrations).
--
-- So that the store shares its SQL text between both backends, everything a query names is
-- the same as on SQLite: tables, columns in the same order (`INSERT INTO entry_day SELECT …`
-- and `SELECT *` are positional), keys, foreign keys with their ON DELETE actions, CHECKs and
-- indexes (partial ones included), the triggers that keep the sums, and the SQLite functions
-- the queries call (`date`, `strftime`, `json_array`, `json_group_array`, below).
--
-- How SQLite's forms became PostgreSQL's:
-- * Every INTEGER is BIGINT (the store reads every integer as i64), 0/1 flags included (no
--   BOOLEAN: the shared SQL says `kept = 1`). `id INTEGER PRIMARY KEY` (the rowid) is an
--   identity column; a row inserted with an explicit id does not move its sequence, so whoever
--   does that (a copy between databases) must `setval` it after. BLOB is BYTEA.
-- * Every TEXT column is COLLATE "C": SQLite compares text byte by byte (BINARY), and so does
--   "C", whatever the database's default collation is; so ORDER BY, GROUP BY, min/max and
--   range scans on `at` give the same order and rows on both backends (a locale collation would
--   sort 'alpha' before 'Zeta', and ignore punctuation at first).
-- * GLOB becomes an anchored `~` regular expression; `date(x) IS x` becomes `IS NOT DISTINCT
--   FROM`; STRICT and WITHOUT ROWID go (PostgreSQL columns are always strictly typed).
-- * A trigger is a plpgsql function and a `CREATE TRIGGER … FOR EACH ROW`, with the same name,
--   timing, events and `UPDATE OF` columns. `ON CONFLICT DO UPDATE` names its conflict columns
--   and the row it adds to (`entries = entry_day.entries + excluded.entries`); a boolean used
--   as an integer (`cost_micro IS NULL` summed) is `CASE WHEN … THEN 1 ELSE 0 END`. Integer `/`
--   and `%` of non-negative BIGINTs are the same as SQLite's.
-- * Bulk import (`store::batch`): SQLite drops the three per-row insert triggers
--   `entry_day_insert`, `entry_checkpoint_insert` and `tag_day_tag_insert` inside the import's
--   transaction and re-sums afterwards (`store::summary`). Dropping a trigger here would take
--   an ACCESS EXCLUSIVE lock on `entry` that blocks every reader until commit, so instead
--   these three triggers are skipped while `credits.bulk` is 'on' (`SET LOCAL credits.bulk
--   = 'on'` in the import's transaction; it ends with it): by a WHEN clause, so no plpgsql
--   call is made per row (10% of an import's time), and in the functions too. Every
--   other trigger keeps firing, as on SQLite: the month roll-ups follow the import's rebuild of
--   `entry_day` and its `tag_day` upserts, and updates and deletes stay summed.

-- The schema marker (PostgreSQL has no `user_version` / `application_id`): one row, written by
-- the store with the migration, `(1, 'credits', 10)`.
CREATE TABLE credits_schema (
    one          BIGINT PRIMARY KEY DEFAULT 1 CHECK (one = 1),
    application  TEXT   NOT NULL CHECK (application = 'credits'),
    version      BIGINT NOT NULL
);

-- SQLite's date and time functions, for the forms the store's SQL uses, so the same text runs
-- on both backends:
--   date(t [, m1 [, m2]])          -> 'YYYY-MM-DD'
--   strftime(f, t [, m1 [, m2]])   -> t formatted by f, one of the formats listed in
--                                     credits_strftime_pattern ('%Y-%m', '%G-W%V', …)
-- `t` is 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM:SS[.fff]Z' (the stored form of `at`); a modifier
-- is a signed number of seconds, minutes, hours or days ('90 minutes', '-60 minutes',
-- '+1 day', '+20 hours'), applied in order. NULL in, NULL out.
-- Differences from SQLite, none of which the store meets: input that is not a date or time
-- (or a day past the month's end, '2026-02-30') is an error here instead of NULL; a
-- modifier is read as a PostgreSQL interval, so 'start of month', 'weekday 1', 'localtime'
-- are errors and '+1 month' adds a calendar month the PostgreSQL way (Jan 31 + 1 month is
-- Feb 28, SQLite says Mar 3); a format other than those below raises an error.
-- Why STABLE and not IMMUTABLE: PostgreSQL inlines a one-expression SQL function into the
-- query (no call per row) only if the body is no more volatile than the function, and the
-- built-ins that read and write dates from text (`::timestamp`, `::interval`, `to_char`) are
-- STABLE. Written with IMMUTABLE built-ins only (make_timestamp, date_part, lpad), a date's
-- three fields each repeat the whole computation and the function costs ~3.5x as much
-- (1M rows: 2.9 s against 0.8 s, measured on PostgreSQL 15); nothing needs IMMUTABLE (no
-- index or generated column uses them). Each parameter is used once, so a call inlines
-- whatever its arguments are. SQL-standard bodies (RETURN) are bound when created, so they
-- do not depend on the search_path when run (a pg_dump restore checks the CHECKs below with
-- an empty one).
-- One argument and an untyped literal: `date('2026-01-02T03:04:05Z')` is NOT this function but
-- PostgreSQL's cast to its own date type (a one-argument call named like a type, of an untyped
-- literal, is taken as a cast before any function is looked at): it gives a value of type
-- date, and `text_column = date('…')` then fails (no text = date operator). Every other
-- one-argument call is this function: a text column or expression, a text parameter, an
-- untyped parameter (`date($1)` as a client prepares it). For a literal write
-- `date(CAST('…' AS TEXT))`, or give a modifier: `date('…', '+0 days')`. The store's SQL
-- only calls date() on columns and parameters.
CREATE FUNCTION date(t text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN to_char(t::timestamp, 'YYYY-MM-DD');

CREATE FUNCTION date(t text, m1 text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN to_char(t::timestamp + m1::interval, 'YYYY-MM-DD');

CREATE FUNCTION date(t text, m1 text, m2 text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN to_char(t::timestamp + m1::interval + m2::interval, 'YYYY-MM-DD');

-- The to_char pattern of a strftime format, for the formats the store uses (and a few more);
-- any other raises an error, at planning when the format is a constant (it always is in the
-- store's SQL: the CASE then folds to the one pattern).
CREATE FUNCTION credits_strftime_unsupported(f text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RAISE EXCEPTION 'strftime format % is not supported on PostgreSQL', quote_literal(f)
        USING HINT = 'add it to credits_strftime_pattern (store migrations, pg/)';
END
$$;

CREATE FUNCTION credits_strftime_pattern(f text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE f
        WHEN '%Y-%m-%d' THEN 'YYYY-MM-DD'
        WHEN '%Y-%m' THEN 'YYYY-MM'
        WHEN '%G-W%V' THEN 'IYYY-"W"IW'
        WHEN '%Y-%m-%dT%H:%M:%SZ' THEN 'YYYY-MM-DD"T"HH24:MI:SS"Z"'
        WHEN '%Y-%m-%d %H:%M:%S' THEN 'YYYY-MM-DD HH24:MI:SS'
        WHEN '%H:%M:%S' THEN 'HH24:MI:SS'
        WHEN '%Y' THEN 'YYYY'
        WHEN '%m' THEN 'MM'
        WHEN '%d' THEN 'DD'
        ELSE credits_strftime_unsupported(f)
    END;

CREATE FUNCTION strftime(f text, t text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN to_char(t::timestamp, credits_strftime_pattern(f));

CREATE FUNCTION strftime(f text, t text, m1 text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN to_char(t::timestamp + m1::interval, credits_strftime_pattern(f));

CREATE FUNCTION strftime(f text, t text, m1 text, m2 text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN to_char(t::timestamp + m1::interval + m2::interval, credits_strftime_pattern(f));

-- SQLite's JSON functions as `entries.rs` uses them, giving the same text:
-- `(SELECT json_group_array(json_array(t.key, t.value)) FROM entry_tag t WHERE …)` is
-- '[["k","v"],["k2","v2"]]', or '[]' for no rows (never NULL). `json_array` gives json so that
-- `json_group_array` embeds it as JSON, as SQLite does with its JSON subtype; the aggregate
-- gives text (the store reads a String). PostgreSQL 16 parses `json_array(…)` as its own
-- SQL/JSON constructor, which gives '["k", "v"]' (json, with a space): the aggregate takes
-- that too, so the text differs only in that space.
CREATE FUNCTION json_array(a text, b text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN ('[' || coalesce(to_json(a)::text, 'null') || ','
                || coalesce(to_json(b)::text, 'null') || ']')::json;

CREATE FUNCTION credits_json_group_array_final(items json[]) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN '[' || array_to_string(items, ',', 'null') || ']';

CREATE AGGREGATE json_group_array(json) (
    SFUNC = array_append,
    STYPE = json[],
    INITCOND = '{}',
    FINALFUNC = credits_json_group_array_final
);

-- 0004: a pricing table an entry was priced with (before `entry`, which references it).
CREATE TABLE price_table (
    id        BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    platform  TEXT COLLATE "C" NOT NULL CHECK (platform <> ''),
    -- SQLite: `date(as_of) IS as_of`. Here a malformed date fails the regular expression;
    -- one that only looks like a date ('2026-02-30') is rejected by date() with an error.
    as_of     TEXT COLLATE "C" NOT NULL
        CHECK (as_of ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND date(as_of) IS NOT DISTINCT FROM as_of),
    -- SQLite: `sha256 NOT GLOB '*[^0-9a-f]*'`.
    sha256    TEXT COLLATE "C" NOT NULL CHECK (length(sha256) = 64 AND sha256 !~ '[^0-9a-f]'),
    UNIQUE (platform, sha256)
);

-- 0001 `entry`, with the columns later migrations added in their order: `refunded_at`
-- (0002), `upscale` and `price_source` (0003), `price_table` (0004), `logged_by` and
-- `machine` (0010).
CREATE TABLE entry (
    id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    -- SQLite: at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'
    at              TEXT COLLATE "C" NOT NULL
        CHECK (at ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z$'),
    utc_offset_min  BIGINT NOT NULL DEFAULT 0 CHECK (utc_offset_min BETWEEN -1439 AND 1439),
    platform        TEXT COLLATE "C" NOT NULL CHECK (platform <> ''),
    model           TEXT COLLATE "C" NOT NULL CHECK (model <> ''),
    duration_ms     BIGINT CHECK (duration_ms BETWEEN 0 AND 1000000000000),
    resolution      TEXT COLLATE "C",
    audio           BIGINT CHECK (audio IN (0, 1)),
    refs            BIGINT CHECK (refs >= 0),
    mode            TEXT COLLATE "C",
    chars           BIGINT CHECK (chars >= 0),
    count           BIGINT NOT NULL DEFAULT 1 CHECK (count BETWEEN 1 AND 1000000),
    credits_milli   BIGINT NOT NULL CHECK (credits_milli >= 0),
    cost_micro      BIGINT CHECK (cost_micro >= 0),
    currency        TEXT COLLATE "C" CHECK (currency <> ''),
    pricing         TEXT COLLATE "C" NOT NULL CHECK (pricing <> ''),
    project         TEXT COLLATE "C",
    note            TEXT COLLATE "C",
    status          TEXT COLLATE "C" NOT NULL DEFAULT 'ok'
        CHECK (status IN ('ok', 'failed', 'refunded')),
    kept            BIGINT NOT NULL DEFAULT 1 CHECK (kept IN (0, 1)),
    dedup_key       TEXT COLLATE "C" NOT NULL UNIQUE CHECK (dedup_key <> ''),
    refunded_at     TEXT COLLATE "C",
    upscale         BIGINT NOT NULL DEFAULT 0 CHECK (upscale IN (0, 1)),
    price_source    TEXT COLLATE "C" CHECK (price_source IN ('account', 'plan', 'cheapest_plan',
        'user', 'money_billed', 'balance', 'unpriced')),
    price_table     BIGINT REFERENCES price_table (id),
    logged_by       TEXT COLLATE "C" CHECK (logged_by <> ''),
    machine         TEXT COLLATE "C" CHECK (machine <> ''),
    CHECK ((cost_micro IS NULL) = (currency IS NULL)),
    -- 0002's column CHECK on `refunded_at`, which also reads `status`: a table CHECK here.
    CHECK (refunded_at IS NULL OR (refunded_at
        ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z$'
        AND status = 'refunded'))
);

CREATE INDEX entry_at ON entry (at);
CREATE INDEX entry_failed ON entry (platform) WHERE status = 'failed';
CREATE INDEX entry_project_at ON entry (project, at);
CREATE INDEX entry_platform_at ON entry (platform, at);

CREATE TABLE entry_tag (
    entry_id  BIGINT NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    key       TEXT COLLATE "C" NOT NULL CHECK (key <> ''),
    value     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (entry_id, key)
);

-- 0001 `account`, with 0005's `price_micro` and `credits_milli`.
CREATE TABLE account (
    platform       TEXT COLLATE "C" PRIMARY KEY CHECK (platform <> ''),
    plan           TEXT COLLATE "C" NOT NULL CHECK (plan <> ''),
    billing        TEXT COLLATE "C" NOT NULL DEFAULT 'monthly'
        CHECK (billing IN ('monthly', 'annual')),
    -- SQLite: `since IS NULL OR date(since) IS since` (see `price_table.as_of`).
    since          TEXT COLLATE "C" CHECK (since IS NULL OR (since ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
        AND date(since) IS NOT DISTINCT FROM since)),
    renews_on      BIGINT CHECK (renews_on BETWEEN 1 AND 31),
    price_micro    BIGINT CHECK (price_micro IS NULL OR price_micro >= 0),
    credits_milli  BIGINT CHECK (credits_milli IS NULL OR credits_milli > 0)
);

-- 0002 `account_change`, with 0005's and 0010's columns.
CREATE TABLE account_change (
    platform       TEXT COLLATE "C" NOT NULL CHECK (platform <> ''),
    plan           TEXT COLLATE "C" NOT NULL CHECK (plan <> ''),
    billing        TEXT COLLATE "C" NOT NULL DEFAULT 'monthly'
        CHECK (billing IN ('monthly', 'annual')),
    -- SQLite: `date(effective_on) IS effective_on` (see `price_table.as_of`).
    effective_on   TEXT COLLATE "C" NOT NULL CHECK (effective_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
        AND date(effective_on) IS NOT DISTINCT FROM effective_on),
    renews_on      BIGINT CHECK (renews_on BETWEEN 1 AND 31),
    price_micro    BIGINT CHECK (price_micro IS NULL OR price_micro >= 0),
    credits_milli  BIGINT CHECK (credits_milli IS NULL OR credits_milli > 0),
    logged_by      TEXT COLLATE "C" CHECK (logged_by <> ''),
    machine        TEXT COLLATE "C" CHECK (machine <> ''),
    PRIMARY KEY (platform, effective_on)
);

-- 0002 `topup`, with 0010's columns.
CREATE TABLE topup (
    id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    platform       TEXT COLLATE "C" NOT NULL CHECK (platform <> ''),
    pack           TEXT COLLATE "C" CHECK (pack <> ''),
    credits_milli  BIGINT NOT NULL CHECK (credits_milli > 0),
    bonus_milli    BIGINT NOT NULL DEFAULT 0 CHECK (bonus_milli >= 0),
    price_micro    BIGINT NOT NULL CHECK (price_micro >= 0),
    currency       TEXT COLLATE "C" NOT NULL CHECK (currency <> ''),
    at             TEXT COLLATE "C" NOT NULL
        CHECK (at ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z$'),
    expiry         TEXT COLLATE "C" NOT NULL CHECK (expiry IN ('never', 'at', 'unknown')),
    expires_at     TEXT COLLATE "C"
        CHECK (expires_at ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z$'),
    logged_by      TEXT COLLATE "C" CHECK (logged_by <> ''),
    machine        TEXT COLLATE "C" CHECK (machine <> ''),
    CHECK ((expiry = 'at') = (expires_at IS NOT NULL)),
    CHECK (expires_at > at)
);

-- 0002 `adjustment`, with 0010's columns.
CREATE TABLE adjustment (
    id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    platform       TEXT COLLATE "C" NOT NULL CHECK (platform <> ''),
    credits_milli  BIGINT NOT NULL CHECK (credits_milli <> 0),
    note           TEXT COLLATE "C" NOT NULL CHECK (note <> ''),
    at             TEXT COLLATE "C" NOT NULL
        CHECK (at ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z$'),
    logged_by      TEXT COLLATE "C" CHECK (logged_by <> ''),
    machine        TEXT COLLATE "C" CHECK (machine <> '')
);

-- `budget` as 0003 replaced it (with `platform`).
CREATE TABLE budget (
    project       TEXT COLLATE "C" NOT NULL CHECK (project <> ''),
    unit          TEXT COLLATE "C" NOT NULL CHECK (unit IN ('money', 'credits')),
    platform      TEXT COLLATE "C" NOT NULL DEFAULT '' CHECK (unit = 'credits' OR platform = ''),
    amount_micro  BIGINT CHECK (amount_micro > 0),
    amount_milli  BIGINT CHECK (amount_milli > 0),
    currency      TEXT COLLATE "C" CHECK (currency <> ''),
    period        TEXT COLLATE "C" NOT NULL CHECK (period IN ('month', 'total')),
    PRIMARY KEY (project, unit, platform),
    CHECK ((unit = 'money') = (amount_micro IS NOT NULL AND currency IS NOT NULL)),
    CHECK ((unit = 'credits') = (amount_milli IS NOT NULL AND currency IS NULL))
);

-- `maintenance` as 0010 replaced it; empty (see the top of this file).
CREATE TABLE maintenance (
    task  TEXT COLLATE "C" PRIMARY KEY CHECK (task IN ('canonical_names', 'fill_who'))
);

-- 0007 `entry_file`, with 0008's `size`, `modified_ns` and index.
CREATE TABLE entry_file (
    entry_id       BIGINT PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
    sha256         BYTEA  NOT NULL UNIQUE CHECK (length(sha256) = 32),
    path           TEXT COLLATE "C" NOT NULL CHECK (path <> ''),
    identified_by  TEXT COLLATE "C" NOT NULL,
    size           BIGINT CHECK (size >= 0),
    modified_ns    BIGINT
);

CREATE INDEX entry_file_path ON entry_file (path);

-- The sums of 0006 (`entry_day`, `entry_month`, `ledger_checkpoint`) and 0009 (`tag_day`,
-- `tag_month`): see those files for what each holds and why.
CREATE TABLE entry_day (
    day             TEXT COLLATE "C" NOT NULL,
    utc_offset_min  BIGINT NOT NULL,
    platform        TEXT COLLATE "C" NOT NULL,
    model           TEXT COLLATE "C" NOT NULL,
    project         TEXT COLLATE "C" NOT NULL,
    status          TEXT COLLATE "C" NOT NULL,
    kept            BIGINT NOT NULL,
    currency        TEXT COLLATE "C" NOT NULL,
    price_table     BIGINT NOT NULL,
    entries         BIGINT NOT NULL,
    clips           BIGINT NOT NULL,
    seconds_hi      BIGINT NOT NULL,
    seconds_lo      BIGINT NOT NULL,
    credits_hi      BIGINT NOT NULL,
    credits_lo      BIGINT NOT NULL,
    cost_hi         BIGINT NOT NULL,
    cost_lo         BIGINT NOT NULL,
    unpriced        BIGINT NOT NULL,
    priced_hi       BIGINT NOT NULL,
    priced_lo       BIGINT NOT NULL,
    PRIMARY KEY (day, utc_offset_min, platform, model, project, status, kept, currency,
                 price_table)
);

CREATE TABLE ledger_checkpoint (
    platform  TEXT COLLATE "C" NOT NULL,
    at        TEXT COLLATE "C" NOT NULL
        CHECK (at ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z$'),
    state     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (platform, at)
);

CREATE TABLE entry_month (
    month        TEXT COLLATE "C" NOT NULL,
    platform     TEXT COLLATE "C" NOT NULL,
    model        TEXT COLLATE "C" NOT NULL,
    project      TEXT COLLATE "C" NOT NULL,
    status       TEXT COLLATE "C" NOT NULL,
    kept         BIGINT NOT NULL,
    currency     TEXT COLLATE "C" NOT NULL,
    price_table  BIGINT NOT NULL,
    entries      BIGINT NOT NULL,
    clips        BIGINT NOT NULL,
    seconds_hi   BIGINT NOT NULL,
    seconds_lo   BIGINT NOT NULL,
    credits_hi   BIGINT NOT NULL,
    credits_lo   BIGINT NOT NULL,
    cost_hi      BIGINT NOT NULL,
    cost_lo      BIGINT NOT NULL,
    unpriced     BIGINT NOT NULL,
    priced_hi    BIGINT NOT NULL,
    priced_lo    BIGINT NOT NULL,
    PRIMARY KEY (month, platform, model, project, status, kept, currency, price_table)
);

CREATE TABLE tag_day (
    key             TEXT COLLATE "C" NOT NULL,
    value           TEXT COLLATE "C" NOT NULL,
    day             TEXT COLLATE "C" NOT NULL,
    utc_offset_min  BIGINT NOT NULL,
    platform        TEXT COLLATE "C" NOT NULL,
    status          TEXT COLLATE "C" NOT NULL,
    kept            BIGINT NOT NULL,
    currency        TEXT COLLATE "C" NOT NULL,
    price_table     BIGINT NOT NULL,
    entries         BIGINT NOT NULL,
    clips           BIGINT NOT NULL,
    seconds_hi      BIGINT NOT NULL,
    seconds_lo      BIGINT NOT NULL,
    credits_hi      BIGINT NOT NULL,
    credits_lo      BIGINT NOT NULL,
    cost_hi         BIGINT NOT NULL,
    cost_lo         BIGINT NOT NULL,
    unpriced        BIGINT NOT NULL,
    priced_hi       BIGINT NOT NULL,
    priced_lo       BIGINT NOT NULL,
    PRIMARY KEY (key, value, day, utc_offset_min, platform, status, kept, currency,
                 price_table)
);

CREATE TABLE tag_month (
    key          TEXT COLLATE "C" NOT NULL,
    value        TEXT COLLATE "C" NOT NULL,
    month        TEXT COLLATE "C" NOT NULL,
    platform     TEXT COLLATE "C" NOT NULL,
    status       TEXT COLLATE "C" NOT NULL,
    kept         BIGINT NOT NULL,
    currency     TEXT COLLATE "C" NOT NULL,
    price_table  BIGINT NOT NULL,
    entries      BIGINT NOT NULL,
    clips        BIGINT NOT NULL,
    seconds_hi   BIGINT NOT NULL,
    seconds_lo   BIGINT NOT NULL,
    credits_hi   BIGINT NOT NULL,
    credits_lo   BIGINT NOT NULL,
    cost_hi      BIGINT NOT NULL,
    cost_lo      BIGINT NOT NULL,
    unpriced     BIGINT NOT NULL,
    priced_hi    BIGINT NOT NULL,
    priced_lo    BIGINT NOT NULL,
    PRIMARY KEY (key, value, month, platform, status, kept, currency, price_table)
);

-- Sums kept in step by triggers, as 0006 and 0009 keep them (same names, timing, events
-- and `UPDATE OF` columns), so no write path can forget them. PostgreSQL runs a statement's
-- AFTER ROW triggers when the statement ends rather than after each row; these read only
-- OLD, NEW and rows the statement leaves as they are, so the sums come out the same.
-- Cost: one logged entry is a few upserts (~0.1 ms). Many rows written in ONE transaction
-- with the triggers on update the same sum rows again and again, and each update leaves a
-- row version the transaction must step over (SQLite has none): 100k inserts in one
-- statement took 119 s here against 1.6 s under `credits.bulk` plus a rebuild; so a large
-- write (import, copy, a reprice of every entry) goes the bulk way.

-- `entry_day` (0006). Paused by a bulk import: see the top of this file.
CREATE FUNCTION entry_day_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Paused by a bulk import (`SET LOCAL credits.bulk = 'on'`), which sums its rows once
    -- at the end, as `store::summary` does on SQLite by dropping this trigger.
    IF current_setting('credits.bulk', true) = 'on' THEN
        RETURN NULL;
    END IF;
    INSERT INTO entry_day VALUES (
        date(NEW.at, NEW.utc_offset_min || ' minutes'),
        NEW.utc_offset_min,
        NEW.platform,
        NEW.model,
        coalesce(NEW.project, ''),
        NEW.status,
        NEW.kept,
        coalesce(NEW.currency, ''),
        coalesce(NEW.price_table, 0),
        1,
        NEW.count,
        coalesce(NEW.duration_ms * NEW.count / 1000000000, 0),
        coalesce(NEW.duration_ms * NEW.count % 1000000000, 0),
        NEW.credits_milli / 1000000000,
        NEW.credits_milli % 1000000000,
        coalesce(NEW.cost_micro / 1000000000, 0),
        coalesce(NEW.cost_micro % 1000000000, 0),
        CASE WHEN NEW.cost_micro IS NULL THEN 1 ELSE 0 END,
        CASE WHEN NEW.cost_micro IS NOT NULL THEN NEW.credits_milli / 1000000000 ELSE 0 END,
        CASE WHEN NEW.cost_micro IS NOT NULL THEN NEW.credits_milli % 1000000000 ELSE 0 END)
    ON CONFLICT (day, utc_offset_min, platform, model, project, status, kept, currency, price_table)
    DO UPDATE SET
        entries = entry_day.entries + 1,
        clips = entry_day.clips + excluded.clips,
        seconds_hi = entry_day.seconds_hi + excluded.seconds_hi,
        seconds_lo = entry_day.seconds_lo + excluded.seconds_lo,
        credits_hi = entry_day.credits_hi + excluded.credits_hi,
        credits_lo = entry_day.credits_lo + excluded.credits_lo,
        cost_hi = entry_day.cost_hi + excluded.cost_hi,
        cost_lo = entry_day.cost_lo + excluded.cost_lo,
        unpriced = entry_day.unpriced + excluded.unpriced,
        priced_hi = entry_day.priced_hi + excluded.priced_hi,
        priced_lo = entry_day.priced_lo + excluded.priced_lo;
    RETURN NULL;
END
$$;

CREATE TRIGGER entry_day_insert AFTER INSERT ON entry
    FOR EACH ROW WHEN (current_setting('credits.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION entry_day_insert();
CREATE FUNCTION entry_day_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE entry_day SET
        entries = entries - 1,
        clips = clips - OLD.count,
        seconds_hi = seconds_hi - coalesce(OLD.duration_ms * OLD.count / 1000000000, 0),
        seconds_lo = seconds_lo - coalesce(OLD.duration_ms * OLD.count % 1000000000, 0),
        credits_hi = credits_hi - OLD.credits_milli / 1000000000,
        credits_lo = credits_lo - OLD.credits_milli % 1000000000,
        cost_hi = cost_hi - coalesce(OLD.cost_micro / 1000000000, 0),
        cost_lo = cost_lo - coalesce(OLD.cost_micro % 1000000000, 0),
        unpriced = unpriced - CASE WHEN OLD.cost_micro IS NULL THEN 1 ELSE 0 END,
        priced_hi = priced_hi - CASE WHEN OLD.cost_micro IS NOT NULL THEN OLD.credits_milli / 1000000000 ELSE 0 END,
        priced_lo = priced_lo - CASE WHEN OLD.cost_micro IS NOT NULL THEN OLD.credits_milli % 1000000000 ELSE 0 END
    WHERE day = date(OLD.at, OLD.utc_offset_min || ' minutes')
      AND utc_offset_min = OLD.utc_offset_min AND platform = OLD.platform
      AND model = OLD.model AND project = coalesce(OLD.project, '') AND status = OLD.status
      AND kept = OLD.kept AND currency = coalesce(OLD.currency, '')
      AND price_table = coalesce(OLD.price_table, 0);
    DELETE FROM entry_day
    WHERE entries = 0 AND day = date(OLD.at, OLD.utc_offset_min || ' minutes')
      AND utc_offset_min = OLD.utc_offset_min AND platform = OLD.platform
      AND model = OLD.model AND project = coalesce(OLD.project, '') AND status = OLD.status
      AND kept = OLD.kept AND currency = coalesce(OLD.currency, '')
      AND price_table = coalesce(OLD.price_table, 0);
    RETURN NULL;
END
$$;

CREATE TRIGGER entry_day_delete AFTER DELETE ON entry
    FOR EACH ROW EXECUTE FUNCTION entry_day_delete();

-- An update is the old row taken out and the new one put in; only the columns a sum or key
-- reads fire it (a note or a tag edit does not).
CREATE FUNCTION entry_day_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE entry_day SET
        entries = entries - 1,
        clips = clips - OLD.count,
        seconds_hi = seconds_hi - coalesce(OLD.duration_ms * OLD.count / 1000000000, 0),
        seconds_lo = seconds_lo - coalesce(OLD.duration_ms * OLD.count % 1000000000, 0),
        credits_hi = credits_hi - OLD.credits_milli / 1000000000,
        credits_lo = credits_lo - OLD.credits_milli % 1000000000,
        cost_hi = cost_hi - coalesce(OLD.cost_micro / 1000000000, 0),
        cost_lo = cost_lo - coalesce(OLD.cost_micro % 1000000000, 0),
        unpriced = unpriced - CASE WHEN OLD.cost_micro IS NULL THEN 1 ELSE 0 END,
        priced_hi = priced_hi - CASE WHEN OLD.cost_micro IS NOT NULL THEN OLD.credits_milli / 1000000000 ELSE 0 END,
        priced_lo = priced_lo - CASE WHEN OLD.cost_micro IS NOT NULL THEN OLD.credits_milli % 1000000000 ELSE 0 END
    WHERE day = date(OLD.at, OLD.utc_offset_min || ' minutes')
      AND utc_offset_min = OLD.utc_offset_min AND platform = OLD.platform
      AND model = OLD.model AND project = coalesce(OLD.project, '') AND status = OLD.status
      AND kept = OLD.kept AND currency = coalesce(OLD.currency, '')
      AND price_table = coalesce(OLD.price_table, 0);
    DELETE FROM entry_day
    WHERE entries = 0 AND day = date(OLD.at, OLD.utc_offset_min || ' minutes')
      AND utc_offset_min = OLD.utc_offset_min AND platform = OLD.platform
      AND model = OLD.model AND project = coalesce(OLD.project, '') AND status = OLD.status
      AND kept = OLD.kept AND currency = coalesce(OLD.currency, '')
      AND price_table = coalesce(OLD.price_table, 0);
    INSERT INTO entry_day VALUES (
        date(NEW.at, NEW.utc_offset_min || ' minutes'),
        NEW.utc_offset_min,
        NEW.platform,
        NEW.model,
        coalesce(NEW.project, ''),
        NEW.status,
        NEW.kept,
        coalesce(NEW.currency, ''),
        coalesce(NEW.price_table, 0),
        1,
        NEW.count,
        coalesce(NEW.duration_ms * NEW.count / 1000000000, 0),
        coalesce(NEW.duration_ms * NEW.count % 1000000000, 0),
        NEW.credits_milli / 1000000000,
        NEW.credits_milli % 1000000000,
        coalesce(NEW.cost_micro / 1000000000, 0),
        coalesce(NEW.cost_micro % 1000000000, 0),
        CASE WHEN NEW.cost_micro IS NULL THEN 1 ELSE 0 END,
        CASE WHEN NEW.cost_micro IS NOT NULL THEN NEW.credits_milli / 1000000000 ELSE 0 END,
        CASE WHEN NEW.cost_micro IS NOT NULL THEN NEW.credits_milli % 1000000000 ELSE 0 END)
    ON CONFLICT (day, utc_offset_min, platform, model, project, status, kept, currency, price_table)
    DO UPDATE SET
        entries = entry_day.entries + 1,
        clips = entry_day.clips + excluded.clips,
        seconds_hi = entry_day.seconds_hi + excluded.seconds_hi,
        seconds_lo = entry_day.seconds_lo + excluded.seconds_lo,
        credits_hi = entry_day.credits_hi + excluded.credits_hi,
        credits_lo = entry_day.credits_lo + excluded.credits_lo,
        cost_hi = entry_day.cost_hi + excluded.cost_hi,
        cost_lo = entry_day.cost_lo + excluded.cost_lo,
        unpriced = entry_day.unpriced + excluded.unpriced,
        priced_hi = entry_day.priced_hi + excluded.priced_hi,
        priced_lo = entry_day.priced_lo + excluded.priced_lo;
    RETURN NULL;
END
$$;

CREATE TRIGGER entry_day_update AFTER UPDATE OF at, utc_offset_min, platform, model, project,
    status, kept, currency, price_table, count, duration_ms, credits_milli, cost_micro
    ON entry
    FOR EACH ROW EXECUTE FUNCTION entry_day_update();

-- `ledger_checkpoint` (0006): a write to an entry dated at or before a checkpoint deletes it
-- and the later ones. The insert trigger is paused by a bulk import (the import deletes the
-- checkpoints from its earliest entry per platform at its end).
CREATE FUNCTION entry_checkpoint_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Paused by a bulk import (`SET LOCAL credits.bulk = 'on'`), which sums its rows once
    -- at the end, as `store::summary` does on SQLite by dropping this trigger.
    IF current_setting('credits.bulk', true) = 'on' THEN
        RETURN NULL;
    END IF;
    DELETE FROM ledger_checkpoint WHERE platform = NEW.platform AND at >= NEW.at;
    RETURN NULL;
END
$$;

CREATE TRIGGER entry_checkpoint_insert AFTER INSERT ON entry
    FOR EACH ROW WHEN (current_setting('credits.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION entry_checkpoint_insert();
CREATE FUNCTION entry_checkpoint_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ledger_checkpoint WHERE platform = OLD.platform AND at >= OLD.at;
    DELETE FROM ledger_checkpoint WHERE platform = NEW.platform AND at >= NEW.at;
    RETURN NULL;
END
$$;

CREATE TRIGGER entry_checkpoint_update AFTER UPDATE OF at, platform, credits_milli, status, refunded_at
    ON entry
    FOR EACH ROW EXECUTE FUNCTION entry_checkpoint_update();
CREATE FUNCTION entry_checkpoint_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ledger_checkpoint WHERE platform = OLD.platform AND at >= OLD.at;
    RETURN NULL;
END
$$;

CREATE TRIGGER entry_checkpoint_delete AFTER DELETE ON entry
    FOR EACH ROW EXECUTE FUNCTION entry_checkpoint_delete();

-- `entry_month` (0006): kept by triggers on `entry_day` itself, so every change to a day row
-- (a trigger above, or an import's rebuild of its days) moves its month by the difference.
-- Never paused. An upsert that finds its row fires the UPDATE trigger, as on SQLite.
CREATE FUNCTION entry_month_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO entry_month VALUES (
        substr(NEW.day, 1, 7), NEW.platform, NEW.model, NEW.project, NEW.status, NEW.kept,
        NEW.currency, NEW.price_table, NEW.entries, NEW.clips, NEW.seconds_hi, NEW.seconds_lo,
        NEW.credits_hi, NEW.credits_lo, NEW.cost_hi, NEW.cost_lo, NEW.unpriced, NEW.priced_hi,
        NEW.priced_lo)
    ON CONFLICT (month, platform, model, project, status, kept, currency, price_table)
    DO UPDATE SET
        entries = entry_month.entries + excluded.entries,
        clips = entry_month.clips + excluded.clips,
        seconds_hi = entry_month.seconds_hi + excluded.seconds_hi,
        seconds_lo = entry_month.seconds_lo + excluded.seconds_lo,
        credits_hi = entry_month.credits_hi + excluded.credits_hi,
        credits_lo = entry_month.credits_lo + excluded.credits_lo,
        cost_hi = entry_month.cost_hi + excluded.cost_hi,
        cost_lo = entry_month.cost_lo + excluded.cost_lo,
        unpriced = entry_month.unpriced + excluded.unpriced,
        priced_hi = entry_month.priced_hi + excluded.priced_hi,
        priced_lo = entry_month.priced_lo + excluded.priced_lo;
    RETURN NULL;
END
$$;

CREATE TRIGGER entry_month_insert AFTER INSERT ON entry_day
    FOR EACH ROW EXECUTE FUNCTION entry_month_insert();

-- A day row's key never changes (the triggers above update only its sums).
CREATE FUNCTION entry_month_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE entry_month SET
        entries = entries + NEW.entries - OLD.entries,
        clips = clips + NEW.clips - OLD.clips,
        seconds_hi = seconds_hi + NEW.seconds_hi - OLD.seconds_hi,
        seconds_lo = seconds_lo + NEW.seconds_lo - OLD.seconds_lo,
        credits_hi = credits_hi + NEW.credits_hi - OLD.credits_hi,
        credits_lo = credits_lo + NEW.credits_lo - OLD.credits_lo,
        cost_hi = cost_hi + NEW.cost_hi - OLD.cost_hi,
        cost_lo = cost_lo + NEW.cost_lo - OLD.cost_lo,
        unpriced = unpriced + NEW.unpriced - OLD.unpriced,
        priced_hi = priced_hi + NEW.priced_hi - OLD.priced_hi,
        priced_lo = priced_lo + NEW.priced_lo - OLD.priced_lo
    WHERE month = substr(OLD.day, 1, 7)
      AND platform = OLD.platform
      AND model = OLD.model
      AND project = OLD.project
      AND status = OLD.status
      AND kept = OLD.kept
      AND currency = OLD.currency
      AND price_table = OLD.price_table;
    DELETE FROM entry_month
    WHERE entries = 0 AND month = substr(OLD.day, 1, 7)
      AND platform = OLD.platform
      AND model = OLD.model
      AND project = OLD.project
      AND status = OLD.status
      AND kept = OLD.kept
      AND currency = OLD.currency
      AND price_table = OLD.price_table;
    RETURN NULL;
END
$$;

CREATE TRIGGER entry_month_update AFTER UPDATE ON entry_day
    FOR EACH ROW EXECUTE FUNCTION entry_month_update();
CREATE FUNCTION entry_month_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE entry_month SET
        entries = entries - OLD.entries,
        clips = clips - OLD.clips,
        seconds_hi = seconds_hi - OLD.seconds_hi,
        seconds_lo = seconds_lo - OLD.seconds_lo,
        credits_hi = credits_hi - OLD.credits_hi,
        credits_lo = credits_lo - OLD.credits_lo,
        cost_hi = cost_hi - OLD.cost_hi,
        cost_lo = cost_lo - OLD.cost_lo,
        unpriced = unpriced - OLD.unpriced,
        priced_hi = priced_hi - OLD.priced_hi,
        priced_lo = priced_lo - OLD.priced_lo
    WHERE month = substr(OLD.day, 1, 7)
      AND platform = OLD.platform
      AND model = OLD.model
      AND project = OLD.project
      AND status = OLD.status
      AND kept = OLD.kept
      AND currency = OLD.currency
      AND price_table = OLD.price_table;
    DELETE FROM entry_month
    WHERE entries = 0 AND month = substr(OLD.day, 1, 7)
      AND platform = OLD.platform
      AND model = OLD.model
      AND project = OLD.project
      AND status = OLD.status
      AND kept = OLD.kept
      AND currency = OLD.currency
      AND price_table = OLD.price_table;
    RETURN NULL;
END
$$;

CREATE TRIGGER entry_month_delete AFTER DELETE ON entry_day
    FOR EACH ROW EXECUTE FUNCTION entry_month_delete();

-- `tag_day` (0009). A tag added: its entry counts under it. Paused by a bulk import, which
-- adds its new tags' sums once at the end.
CREATE FUNCTION tag_day_tag_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Paused by a bulk import (`SET LOCAL credits.bulk = 'on'`), which sums its rows once
    -- at the end, as `store::summary` does on SQLite by dropping this trigger.
    IF current_setting('credits.bulk', true) = 'on' THEN
        RETURN NULL;
    END IF;
    INSERT INTO tag_day
    SELECT NEW.key,
           NEW.value,
           date(e.at, e.utc_offset_min || ' minutes'),
           e.utc_offset_min,
           e.platform,
           e.status,
           e.kept,
           coalesce(e.currency, ''),
           coalesce(e.price_table, 0),
           1,
           e.count,
           coalesce(e.duration_ms * e.count / 1000000000, 0),
           coalesce(e.duration_ms * e.count % 1000000000, 0),
           e.credits_milli / 1000000000,
           e.credits_milli % 1000000000,
           coalesce(e.cost_micro / 1000000000, 0),
           coalesce(e.cost_micro % 1000000000, 0),
           CASE WHEN e.cost_micro IS NULL THEN 1 ELSE 0 END,
           CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli / 1000000000 ELSE 0 END,
           CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli % 1000000000 ELSE 0 END
    FROM entry e WHERE e.id = NEW.entry_id
    ON CONFLICT (key, value, day, utc_offset_min, platform, status, kept, currency, price_table)
    DO UPDATE SET
        entries = tag_day.entries + excluded.entries,
        clips = tag_day.clips + excluded.clips,
        seconds_hi = tag_day.seconds_hi + excluded.seconds_hi,
        seconds_lo = tag_day.seconds_lo + excluded.seconds_lo,
        credits_hi = tag_day.credits_hi + excluded.credits_hi,
        credits_lo = tag_day.credits_lo + excluded.credits_lo,
        cost_hi = tag_day.cost_hi + excluded.cost_hi,
        cost_lo = tag_day.cost_lo + excluded.cost_lo,
        unpriced = tag_day.unpriced + excluded.unpriced,
        priced_hi = tag_day.priced_hi + excluded.priced_hi,
        priced_lo = tag_day.priced_lo + excluded.priced_lo;
    RETURN NULL;
END
$$;

CREATE TRIGGER tag_day_tag_insert AFTER INSERT ON entry_tag
    FOR EACH ROW WHEN (current_setting('credits.bulk', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION tag_day_tag_insert();

-- A tag removed from an entry that stays. (When the entry itself goes, `tag_day_entry_delete`
-- took it out first; the cascade removes its tags after it, and it is not found here.)
CREATE FUNCTION tag_day_tag_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tag_day
    SELECT OLD.key,
           OLD.value,
           date(e.at, e.utc_offset_min || ' minutes'),
           e.utc_offset_min,
           e.platform,
           e.status,
           e.kept,
           coalesce(e.currency, ''),
           coalesce(e.price_table, 0),
           -(1),
           -(e.count),
           -(coalesce(e.duration_ms * e.count / 1000000000, 0)),
           -(coalesce(e.duration_ms * e.count % 1000000000, 0)),
           -(e.credits_milli / 1000000000),
           -(e.credits_milli % 1000000000),
           -(coalesce(e.cost_micro / 1000000000, 0)),
           -(coalesce(e.cost_micro % 1000000000, 0)),
           -(CASE WHEN e.cost_micro IS NULL THEN 1 ELSE 0 END),
           -(CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli / 1000000000 ELSE 0 END),
           -(CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli % 1000000000 ELSE 0 END)
    FROM entry e WHERE e.id = OLD.entry_id
    ON CONFLICT (key, value, day, utc_offset_min, platform, status, kept, currency, price_table)
    DO UPDATE SET
        entries = tag_day.entries + excluded.entries,
        clips = tag_day.clips + excluded.clips,
        seconds_hi = tag_day.seconds_hi + excluded.seconds_hi,
        seconds_lo = tag_day.seconds_lo + excluded.seconds_lo,
        credits_hi = tag_day.credits_hi + excluded.credits_hi,
        credits_lo = tag_day.credits_lo + excluded.credits_lo,
        cost_hi = tag_day.cost_hi + excluded.cost_hi,
        cost_lo = tag_day.cost_lo + excluded.cost_lo,
        unpriced = tag_day.unpriced + excluded.unpriced,
        priced_hi = tag_day.priced_hi + excluded.priced_hi,
        priced_lo = tag_day.priced_lo + excluded.priced_lo;
    DELETE FROM tag_day WHERE entries = 0
      AND (key, value, day, utc_offset_min, platform, status, kept, currency, price_table) IN
        (SELECT OLD.key,
                OLD.value,
                date(e.at, e.utc_offset_min || ' minutes'),
                e.utc_offset_min,
                e.platform,
                e.status,
                e.kept,
                coalesce(e.currency, ''),
                coalesce(e.price_table, 0)
         FROM entry e WHERE e.id = OLD.entry_id);
    RETURN NULL;
END
$$;

CREATE TRIGGER tag_day_tag_delete AFTER DELETE ON entry_tag
    FOR EACH ROW EXECUTE FUNCTION tag_day_tag_delete();

-- A tag's value changed (`edit --tag K=V` on a key the entry has).
CREATE FUNCTION tag_day_tag_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tag_day
    SELECT OLD.key,
           OLD.value,
           date(e.at, e.utc_offset_min || ' minutes'),
           e.utc_offset_min,
           e.platform,
           e.status,
           e.kept,
           coalesce(e.currency, ''),
           coalesce(e.price_table, 0),
           -(1),
           -(e.count),
           -(coalesce(e.duration_ms * e.count / 1000000000, 0)),
           -(coalesce(e.duration_ms * e.count % 1000000000, 0)),
           -(e.credits_milli / 1000000000),
           -(e.credits_milli % 1000000000),
           -(coalesce(e.cost_micro / 1000000000, 0)),
           -(coalesce(e.cost_micro % 1000000000, 0)),
           -(CASE WHEN e.cost_micro IS NULL THEN 1 ELSE 0 END),
           -(CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli / 1000000000 ELSE 0 END),
           -(CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli % 1000000000 ELSE 0 END)
    FROM entry e WHERE e.id = OLD.entry_id
    ON CONFLICT (key, value, day, utc_offset_min, platform, status, kept, currency, price_table)
    DO UPDATE SET
        entries = tag_day.entries + excluded.entries,
        clips = tag_day.clips + excluded.clips,
        seconds_hi = tag_day.seconds_hi + excluded.seconds_hi,
        seconds_lo = tag_day.seconds_lo + excluded.seconds_lo,
        credits_hi = tag_day.credits_hi + excluded.credits_hi,
        credits_lo = tag_day.credits_lo + excluded.credits_lo,
        cost_hi = tag_day.cost_hi + excluded.cost_hi,
        cost_lo = tag_day.cost_lo + excluded.cost_lo,
        unpriced = tag_day.unpriced + excluded.unpriced,
        priced_hi = tag_day.priced_hi + excluded.priced_hi,
        priced_lo = tag_day.priced_lo + excluded.priced_lo;
    DELETE FROM tag_day WHERE entries = 0
      AND (key, value, day, utc_offset_min, platform, status, kept, currency, price_table) IN
        (SELECT OLD.key,
                OLD.value,
                date(e.at, e.utc_offset_min || ' minutes'),
                e.utc_offset_min,
                e.platform,
                e.status,
                e.kept,
                coalesce(e.currency, ''),
                coalesce(e.price_table, 0)
         FROM entry e WHERE e.id = OLD.entry_id);
    INSERT INTO tag_day
    SELECT NEW.key,
           NEW.value,
           date(e.at, e.utc_offset_min || ' minutes'),
           e.utc_offset_min,
           e.platform,
           e.status,
           e.kept,
           coalesce(e.currency, ''),
           coalesce(e.price_table, 0),
           1,
           e.count,
           coalesce(e.duration_ms * e.count / 1000000000, 0),
           coalesce(e.duration_ms * e.count % 1000000000, 0),
           e.credits_milli / 1000000000,
           e.credits_milli % 1000000000,
           coalesce(e.cost_micro / 1000000000, 0),
           coalesce(e.cost_micro % 1000000000, 0),
           CASE WHEN e.cost_micro IS NULL THEN 1 ELSE 0 END,
           CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli / 1000000000 ELSE 0 END,
           CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli % 1000000000 ELSE 0 END
    FROM entry e WHERE e.id = NEW.entry_id
    ON CONFLICT (key, value, day, utc_offset_min, platform, status, kept, currency, price_table)
    DO UPDATE SET
        entries = tag_day.entries + excluded.entries,
        clips = tag_day.clips + excluded.clips,
        seconds_hi = tag_day.seconds_hi + excluded.seconds_hi,
        seconds_lo = tag_day.seconds_lo + excluded.seconds_lo,
        credits_hi = tag_day.credits_hi + excluded.credits_hi,
        credits_lo = tag_day.credits_lo + excluded.credits_lo,
        cost_hi = tag_day.cost_hi + excluded.cost_hi,
        cost_lo = tag_day.cost_lo + excluded.cost_lo,
        unpriced = tag_day.unpriced + excluded.unpriced,
        priced_hi = tag_day.priced_hi + excluded.priced_hi,
        priced_lo = tag_day.priced_lo + excluded.priced_lo;
    RETURN NULL;
END
$$;

CREATE TRIGGER tag_day_tag_update AFTER UPDATE OF entry_id, key, value ON entry_tag
    FOR EACH ROW EXECUTE FUNCTION tag_day_tag_update();

-- An entry changed: under each of its tags, the old row out and the new one in.
CREATE FUNCTION tag_day_entry_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tag_day
    SELECT t.key,
           t.value,
           date(OLD.at, OLD.utc_offset_min || ' minutes'),
           OLD.utc_offset_min,
           OLD.platform,
           OLD.status,
           OLD.kept,
           coalesce(OLD.currency, ''),
           coalesce(OLD.price_table, 0),
           -(1),
           -(OLD.count),
           -(coalesce(OLD.duration_ms * OLD.count / 1000000000, 0)),
           -(coalesce(OLD.duration_ms * OLD.count % 1000000000, 0)),
           -(OLD.credits_milli / 1000000000),
           -(OLD.credits_milli % 1000000000),
           -(coalesce(OLD.cost_micro / 1000000000, 0)),
           -(coalesce(OLD.cost_micro % 1000000000, 0)),
           -(CASE WHEN OLD.cost_micro IS NULL THEN 1 ELSE 0 END),
           -(CASE WHEN OLD.cost_micro IS NOT NULL THEN OLD.credits_milli / 1000000000 ELSE 0 END),
           -(CASE WHEN OLD.cost_micro IS NOT NULL THEN OLD.credits_milli % 1000000000 ELSE 0 END)
    FROM entry_tag t WHERE t.entry_id = OLD.id
    ON CONFLICT (key, value, day, utc_offset_min, platform, status, kept, currency, price_table)
    DO UPDATE SET
        entries = tag_day.entries + excluded.entries,
        clips = tag_day.clips + excluded.clips,
        seconds_hi = tag_day.seconds_hi + excluded.seconds_hi,
        seconds_lo = tag_day.seconds_lo + excluded.seconds_lo,
        credits_hi = tag_day.credits_hi + excluded.credits_hi,
        credits_lo = tag_day.credits_lo + excluded.credits_lo,
        cost_hi = tag_day.cost_hi + excluded.cost_hi,
        cost_lo = tag_day.cost_lo + excluded.cost_lo,
        unpriced = tag_day.unpriced + excluded.unpriced,
        priced_hi = tag_day.priced_hi + excluded.priced_hi,
        priced_lo = tag_day.priced_lo + excluded.priced_lo;
    DELETE FROM tag_day WHERE entries = 0
      AND (key, value, day, utc_offset_min, platform, status, kept, currency, price_table) IN
        (SELECT t.key,
                t.value,
                date(OLD.at, OLD.utc_offset_min || ' minutes'),
                OLD.utc_offset_min,
                OLD.platform,
                OLD.status,
                OLD.kept,
                coalesce(OLD.currency, ''),
                coalesce(OLD.price_table, 0)
         FROM entry_tag t WHERE t.entry_id = OLD.id);
    INSERT INTO tag_day
    SELECT t.key,
           t.value,
           date(NEW.at, NEW.utc_offset_min || ' minutes'),
           NEW.utc_offset_min,
           NEW.platform,
           NEW.status,
           NEW.kept,
           coalesce(NEW.currency, ''),
           coalesce(NEW.price_table, 0),
           1,
           NEW.count,
           coalesce(NEW.duration_ms * NEW.count / 1000000000, 0),
           coalesce(NEW.duration_ms * NEW.count % 1000000000, 0),
           NEW.credits_milli / 1000000000,
           NEW.credits_milli % 1000000000,
           coalesce(NEW.cost_micro / 1000000000, 0),
           coalesce(NEW.cost_micro % 1000000000, 0),
           CASE WHEN NEW.cost_micro IS NULL THEN 1 ELSE 0 END,
           CASE WHEN NEW.cost_micro IS NOT NULL THEN NEW.credits_milli / 1000000000 ELSE 0 END,
           CASE WHEN NEW.cost_micro IS NOT NULL THEN NEW.credits_milli % 1000000000 ELSE 0 END
    FROM entry_tag t WHERE t.entry_id = NEW.id
    ON CONFLICT (key, value, day, utc_offset_min, platform, status, kept, currency, price_table)
    DO UPDATE SET
        entries = tag_day.entries + excluded.entries,
        clips = tag_day.clips + excluded.clips,
        seconds_hi = tag_day.seconds_hi + excluded.seconds_hi,
        seconds_lo = tag_day.seconds_lo + excluded.seconds_lo,
        credits_hi = tag_day.credits_hi + excluded.credits_hi,
        credits_lo = tag_day.credits_lo + excluded.credits_lo,
        cost_hi = tag_day.cost_hi + excluded.cost_hi,
        cost_lo = tag_day.cost_lo + excluded.cost_lo,
        unpriced = tag_day.unpriced + excluded.unpriced,
        priced_hi = tag_day.priced_hi + excluded.priced_hi,
        priced_lo = tag_day.priced_lo + excluded.priced_lo;
    RETURN NULL;
END
$$;

CREATE TRIGGER tag_day_entry_update AFTER UPDATE OF at, utc_offset_min, platform, status,
    kept, currency, price_table, count, duration_ms, credits_milli, cost_micro ON entry
    FOR EACH ROW EXECUTE FUNCTION tag_day_entry_update();

-- An entry removed: out of each of its tags, before the cascade removes them (PostgreSQL's
-- ON DELETE CASCADE runs after the row is deleted, so BEFORE still sees them). It returns
-- OLD, which lets the delete go ahead.
CREATE FUNCTION tag_day_entry_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tag_day
    SELECT t.key,
           t.value,
           date(OLD.at, OLD.utc_offset_min || ' minutes'),
           OLD.utc_offset_min,
           OLD.platform,
           OLD.status,
           OLD.kept,
           coalesce(OLD.currency, ''),
           coalesce(OLD.price_table, 0),
           -(1),
           -(OLD.count),
           -(coalesce(OLD.duration_ms * OLD.count / 1000000000, 0)),
           -(coalesce(OLD.duration_ms * OLD.count % 1000000000, 0)),
           -(OLD.credits_milli / 1000000000),
           -(OLD.credits_milli % 1000000000),
           -(coalesce(OLD.cost_micro / 1000000000, 0)),
           -(coalesce(OLD.cost_micro % 1000000000, 0)),
           -(CASE WHEN OLD.cost_micro IS NULL THEN 1 ELSE 0 END),
           -(CASE WHEN OLD.cost_micro IS NOT NULL THEN OLD.credits_milli / 1000000000 ELSE 0 END),
           -(CASE WHEN OLD.cost_micro IS NOT NULL THEN OLD.credits_milli % 1000000000 ELSE 0 END)
    FROM entry_tag t WHERE t.entry_id = OLD.id
    ON CONFLICT (key, value, day, utc_offset_min, platform, status, kept, currency, price_table)
    DO UPDATE SET
        entries = tag_day.entries + excluded.entries,
        clips = tag_day.clips + excluded.clips,
        seconds_hi = tag_day.seconds_hi + excluded.seconds_hi,
        seconds_lo = tag_day.seconds_lo + excluded.seconds_lo,
        credits_hi = tag_day.credits_hi + excluded.credits_hi,
        credits_lo = tag_day.credits_lo + excluded.credits_lo,
        cost_hi = tag_day.cost_hi + excluded.cost_hi,
        cost_lo = tag_day.cost_lo + excluded.cost_lo,
        unpriced = tag_day.unpriced + excluded.unpriced,
        priced_hi = tag_day.priced_hi + excluded.priced_hi,
        priced_lo = tag_day.priced_lo + excluded.priced_lo;
    DELETE FROM tag_day WHERE entries = 0
      AND (key, value, day, utc_offset_min, platform, status, kept, currency, price_table) IN
        (SELECT t.key,
                t.value,
                date(OLD.at, OLD.utc_offset_min || ' minutes'),
                OLD.utc_offset_min,
                OLD.platform,
                OLD.status,
                OLD.kept,
                coalesce(OLD.currency, ''),
                coalesce(OLD.price_table, 0)
         FROM entry_tag t WHERE t.entry_id = OLD.id);
    RETURN OLD;
END
$$;

CREATE TRIGGER tag_day_entry_delete BEFORE DELETE ON entry
    FOR EACH ROW EXECUTE FUNCTION tag_day_entry_delete();

-- `tag_month` (0009): `tag_day` rolled up by month, kept by triggers on `tag_day` as
-- `entry_month` is on `entry_day`. Never paused.
CREATE FUNCTION tag_month_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tag_month VALUES (
        NEW.key, NEW.value, substr(NEW.day, 1, 7), NEW.platform, NEW.status, NEW.kept,
        NEW.currency, NEW.price_table, NEW.entries, NEW.clips, NEW.seconds_hi, NEW.seconds_lo,
        NEW.credits_hi, NEW.credits_lo, NEW.cost_hi, NEW.cost_lo, NEW.unpriced, NEW.priced_hi,
        NEW.priced_lo)
    ON CONFLICT (key, value, month, platform, status, kept, currency, price_table)
    DO UPDATE SET
        entries = tag_month.entries + excluded.entries,
        clips = tag_month.clips + excluded.clips,
        seconds_hi = tag_month.seconds_hi + excluded.seconds_hi,
        seconds_lo = tag_month.seconds_lo + excluded.seconds_lo,
        credits_hi = tag_month.credits_hi + excluded.credits_hi,
        credits_lo = tag_month.credits_lo + excluded.credits_lo,
        cost_hi = tag_month.cost_hi + excluded.cost_hi,
        cost_lo = tag_month.cost_lo + excluded.cost_lo,
        unpriced = tag_month.unpriced + excluded.unpriced,
        priced_hi = tag_month.priced_hi + excluded.priced_hi,
        priced_lo = tag_month.priced_lo + excluded.priced_lo;
    RETURN NULL;
END
$$;

CREATE TRIGGER tag_month_insert AFTER INSERT ON tag_day
    FOR EACH ROW EXECUTE FUNCTION tag_month_insert();

-- A day row's key never changes (the triggers above update only its sums).
CREATE FUNCTION tag_month_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tag_month SET
        entries = entries + NEW.entries - OLD.entries,
        clips = clips + NEW.clips - OLD.clips,
        seconds_hi = seconds_hi + NEW.seconds_hi - OLD.seconds_hi,
        seconds_lo = seconds_lo + NEW.seconds_lo - OLD.seconds_lo,
        credits_hi = credits_hi + NEW.credits_hi - OLD.credits_hi,
        credits_lo = credits_lo + NEW.credits_lo - OLD.credits_lo,
        cost_hi = cost_hi + NEW.cost_hi - OLD.cost_hi,
        cost_lo = cost_lo + NEW.cost_lo - OLD.cost_lo,
        unpriced = unpriced + NEW.unpriced - OLD.unpriced,
        priced_hi = priced_hi + NEW.priced_hi - OLD.priced_hi,
        priced_lo = priced_lo + NEW.priced_lo - OLD.priced_lo
    WHERE key = OLD.key
      AND value = OLD.value
      AND month = substr(OLD.day, 1, 7)
      AND platform = OLD.platform
      AND status = OLD.status
      AND kept = OLD.kept
      AND currency = OLD.currency
      AND price_table = OLD.price_table;
    DELETE FROM tag_month
    WHERE entries = 0 AND key = OLD.key
      AND value = OLD.value
      AND month = substr(OLD.day, 1, 7)
      AND platform = OLD.platform
      AND status = OLD.status
      AND kept = OLD.kept
      AND currency = OLD.currency
      AND price_table = OLD.price_table;
    RETURN NULL;
END
$$;

CREATE TRIGGER tag_month_update AFTER UPDATE ON tag_day
    FOR EACH ROW EXECUTE FUNCTION tag_month_update();
CREATE FUNCTION tag_month_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tag_month SET
        entries = entries - OLD.entries,
        clips = clips - OLD.clips,
        seconds_hi = seconds_hi - OLD.seconds_hi,
        seconds_lo = seconds_lo - OLD.seconds_lo,
        credits_hi = credits_hi - OLD.credits_hi,
        credits_lo = credits_lo - OLD.credits_lo,
        cost_hi = cost_hi - OLD.cost_hi,
        cost_lo = cost_lo - OLD.cost_lo,
        unpriced = unpriced - OLD.unpriced,
        priced_hi = priced_hi - OLD.priced_hi,
        priced_lo = priced_lo - OLD.priced_lo
    WHERE key = OLD.key
      AND value = OLD.value
      AND month = substr(OLD.day, 1, 7)
      AND platform = OLD.platform
      AND status = OLD.status
      AND kept = OLD.kept
      AND currency = OLD.currency
      AND price_table = OLD.price_table;
    DELETE FROM tag_month
    WHERE entries = 0 AND key = OLD.key
      AND value = OLD.value
      AND month = substr(OLD.day, 1, 7)
      AND platform = OLD.platform
      AND status = OLD.status
      AND kept = OLD.kept
      AND currency = OLD.currency
      AND price_table = OLD.price_table;
    RETURN NULL;
END
$$;

CREATE TRIGGER tag_month_delete AFTER DELETE ON tag_day
    FOR EACH ROW EXECUTE FUNCTION tag_month_delete();
