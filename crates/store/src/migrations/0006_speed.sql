-- Schema 6 (issue 12): what lets every command cost about the same on a million entries as
-- on a thousand. Nothing here is a fact of its own: each table can be rebuilt from `entry`
-- and the balance records, and is kept in step with them in the same transaction.
--
-- 1. Indexes for the filters `history`, `export`, budgets and the ledger read: a project's
--    or a platform's entries, newest or oldest first, without scanning the others.
CREATE INDEX entry_project_at ON entry (project, at);
CREATE INDEX entry_platform_at ON entry (platform, at);

-- 2. `entry_day`: the report's sums per local day and everything a report groups or filters
--    by except tags, so `report`, `refunds` and budgets read a few thousand rows instead of
--    every entry. Sums are split like the report's (`src/store/report.rs`, AGGREGATES): each
--    `_hi` column adds value / 10^9 and each `_lo` value % 10^9 of every entry, so no sum can
--    overflow. NULL project, currency and price table are stored as '', '' and 0 so the key
--    is unique (SQLite treats NULLs in a key as distinct).
CREATE TABLE entry_day (
    day             TEXT    NOT NULL,  -- the entry's local date, YYYY-MM-DD
    utc_offset_min  INTEGER NOT NULL,
    platform        TEXT    NOT NULL,
    model           TEXT    NOT NULL,
    project         TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    kept            INTEGER NOT NULL,
    currency        TEXT    NOT NULL,
    price_table     INTEGER NOT NULL,
    entries         INTEGER NOT NULL,
    clips           INTEGER NOT NULL,
    seconds_hi      INTEGER NOT NULL,  -- duration_ms × count
    seconds_lo      INTEGER NOT NULL,
    credits_hi      INTEGER NOT NULL,  -- credits_milli
    credits_lo      INTEGER NOT NULL,
    cost_hi         INTEGER NOT NULL,  -- cost_micro
    cost_lo         INTEGER NOT NULL,
    unpriced        INTEGER NOT NULL,  -- entries without a cost
    priced_hi       INTEGER NOT NULL,  -- credits_milli of entries with a cost
    priced_lo       INTEGER NOT NULL,
    PRIMARY KEY (day, utc_offset_min, platform, model, project, status, kept, currency,
                 price_table)
) STRICT, WITHOUT ROWID;

INSERT INTO entry_day
    SELECT date(at, utc_offset_min || ' minutes'), utc_offset_min, platform, model,
           coalesce(project, ''), status, kept, coalesce(currency, ''),
           coalesce(price_table, 0), count(*), sum(count),
           coalesce(sum(duration_ms * count / 1000000000), 0),
           coalesce(sum(duration_ms * count % 1000000000), 0),
           sum(credits_milli / 1000000000), sum(credits_milli % 1000000000),
           coalesce(sum(cost_micro / 1000000000), 0),
           coalesce(sum(cost_micro % 1000000000), 0),
           sum(cost_micro IS NULL),
           coalesce(sum(CASE WHEN cost_micro IS NOT NULL THEN credits_milli / 1000000000 END), 0),
           coalesce(sum(CASE WHEN cost_micro IS NOT NULL THEN credits_milli % 1000000000 END), 0)
    FROM entry
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

-- Kept in step by triggers, so no write path (log, import, edit, status, reprice, rm) can
-- forget it. `import` drops and re-creates them around a bulk insert in its transaction and
-- rebuilds the days it touched (`store::batch`), since a trigger per row would slow it.
CREATE TRIGGER entry_day_insert AFTER INSERT ON entry BEGIN
    INSERT INTO entry_day VALUES (
        date(NEW.at, NEW.utc_offset_min || ' minutes'), NEW.utc_offset_min, NEW.platform,
        NEW.model, coalesce(NEW.project, ''), NEW.status, NEW.kept, coalesce(NEW.currency, ''),
        coalesce(NEW.price_table, 0), 1, NEW.count,
        coalesce(NEW.duration_ms * NEW.count / 1000000000, 0),
        coalesce(NEW.duration_ms * NEW.count % 1000000000, 0),
        NEW.credits_milli / 1000000000, NEW.credits_milli % 1000000000,
        coalesce(NEW.cost_micro / 1000000000, 0), coalesce(NEW.cost_micro % 1000000000, 0),
        NEW.cost_micro IS NULL,
        CASE WHEN NEW.cost_micro IS NOT NULL THEN NEW.credits_milli / 1000000000 ELSE 0 END,
        CASE WHEN NEW.cost_micro IS NOT NULL THEN NEW.credits_milli % 1000000000 ELSE 0 END)
    ON CONFLICT DO UPDATE SET
        entries = entries + 1, clips = clips + excluded.clips,
        seconds_hi = seconds_hi + excluded.seconds_hi,
        seconds_lo = seconds_lo + excluded.seconds_lo,
        credits_hi = credits_hi + excluded.credits_hi,
        credits_lo = credits_lo + excluded.credits_lo,
        cost_hi = cost_hi + excluded.cost_hi, cost_lo = cost_lo + excluded.cost_lo,
        unpriced = unpriced + excluded.unpriced,
        priced_hi = priced_hi + excluded.priced_hi, priced_lo = priced_lo + excluded.priced_lo;
END;

CREATE TRIGGER entry_day_delete AFTER DELETE ON entry BEGIN
    UPDATE entry_day SET
        entries = entries - 1, clips = clips - OLD.count,
        seconds_hi = seconds_hi - coalesce(OLD.duration_ms * OLD.count / 1000000000, 0),
        seconds_lo = seconds_lo - coalesce(OLD.duration_ms * OLD.count % 1000000000, 0),
        credits_hi = credits_hi - OLD.credits_milli / 1000000000,
        credits_lo = credits_lo - OLD.credits_milli % 1000000000,
        cost_hi = cost_hi - coalesce(OLD.cost_micro / 1000000000, 0),
        cost_lo = cost_lo - coalesce(OLD.cost_micro % 1000000000, 0),
        unpriced = unpriced - (OLD.cost_micro IS NULL),
        priced_hi = priced_hi - CASE WHEN OLD.cost_micro IS NOT NULL
            THEN OLD.credits_milli / 1000000000 ELSE 0 END,
        priced_lo = priced_lo - CASE WHEN OLD.cost_micro IS NOT NULL
            THEN OLD.credits_milli % 1000000000 ELSE 0 END
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
END;

-- An update is the old row taken out and the new one put in; only the columns a sum or key
-- reads fire it (a note or a tag edit does not).
CREATE TRIGGER entry_day_update AFTER UPDATE OF at, utc_offset_min, platform, model, project,
    status, kept, currency, price_table, count, duration_ms, credits_milli, cost_micro
    ON entry BEGIN
    UPDATE entry_day SET
        entries = entries - 1, clips = clips - OLD.count,
        seconds_hi = seconds_hi - coalesce(OLD.duration_ms * OLD.count / 1000000000, 0),
        seconds_lo = seconds_lo - coalesce(OLD.duration_ms * OLD.count % 1000000000, 0),
        credits_hi = credits_hi - OLD.credits_milli / 1000000000,
        credits_lo = credits_lo - OLD.credits_milli % 1000000000,
        cost_hi = cost_hi - coalesce(OLD.cost_micro / 1000000000, 0),
        cost_lo = cost_lo - coalesce(OLD.cost_micro % 1000000000, 0),
        unpriced = unpriced - (OLD.cost_micro IS NULL),
        priced_hi = priced_hi - CASE WHEN OLD.cost_micro IS NOT NULL
            THEN OLD.credits_milli / 1000000000 ELSE 0 END,
        priced_lo = priced_lo - CASE WHEN OLD.cost_micro IS NOT NULL
            THEN OLD.credits_milli % 1000000000 ELSE 0 END
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
        date(NEW.at, NEW.utc_offset_min || ' minutes'), NEW.utc_offset_min, NEW.platform,
        NEW.model, coalesce(NEW.project, ''), NEW.status, NEW.kept, coalesce(NEW.currency, ''),
        coalesce(NEW.price_table, 0), 1, NEW.count,
        coalesce(NEW.duration_ms * NEW.count / 1000000000, 0),
        coalesce(NEW.duration_ms * NEW.count % 1000000000, 0),
        NEW.credits_milli / 1000000000, NEW.credits_milli % 1000000000,
        coalesce(NEW.cost_micro / 1000000000, 0), coalesce(NEW.cost_micro % 1000000000, 0),
        NEW.cost_micro IS NULL,
        CASE WHEN NEW.cost_micro IS NOT NULL THEN NEW.credits_milli / 1000000000 ELSE 0 END,
        CASE WHEN NEW.cost_micro IS NOT NULL THEN NEW.credits_milli % 1000000000 ELSE 0 END)
    ON CONFLICT DO UPDATE SET
        entries = entries + 1, clips = clips + excluded.clips,
        seconds_hi = seconds_hi + excluded.seconds_hi,
        seconds_lo = seconds_lo + excluded.seconds_lo,
        credits_hi = credits_hi + excluded.credits_hi,
        credits_lo = credits_lo + excluded.credits_lo,
        cost_hi = cost_hi + excluded.cost_hi, cost_lo = cost_lo + excluded.cost_lo,
        unpriced = unpriced + excluded.unpriced,
        priced_hi = priced_hi + excluded.priced_hi, priced_lo = priced_lo + excluded.priced_lo;
END;

-- 3. `ledger_checkpoint`: a platform's balance replayed up to `at` (`crate::ledger::resume`,
--    JSON), so `log`, `estimate` and `balance` replay only the entries after it. A write to
--    an entry dated at or before a checkpoint deletes that checkpoint (and the later ones)
--    here, in the writing transaction; changes to plans, top-ups and adjustments are caught
--    when a checkpoint is read (it names the grants it was made with).
CREATE TABLE ledger_checkpoint (
    platform  TEXT NOT NULL,
    at        TEXT NOT NULL CHECK (at GLOB
        '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
    state     TEXT NOT NULL,
    PRIMARY KEY (platform, at)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER entry_checkpoint_insert AFTER INSERT ON entry BEGIN
    DELETE FROM ledger_checkpoint WHERE platform = NEW.platform AND at >= NEW.at;
END;

CREATE TRIGGER entry_checkpoint_update AFTER UPDATE OF at, platform, credits_milli, status,
    refunded_at ON entry BEGIN
    DELETE FROM ledger_checkpoint WHERE platform = OLD.platform AND at >= OLD.at;
    DELETE FROM ledger_checkpoint WHERE platform = NEW.platform AND at >= NEW.at;
END;

CREATE TRIGGER entry_checkpoint_delete AFTER DELETE ON entry BEGIN
    DELETE FROM ledger_checkpoint WHERE platform = OLD.platform AND at >= OLD.at;
END;

-- 4. `entry_month`: `entry_day` rolled up by local month (no offset, no day), so a report
--    over whole months (the usual `--by project --by month`) reads a row per month and
--    group instead of one per day. Kept by triggers on `entry_day` itself: every change to a
--    day row (a trigger above, or an import's rebuild of its days) moves its month by the
--    difference.
CREATE TABLE entry_month (
    month        TEXT    NOT NULL,  -- YYYY-MM, local
    platform     TEXT    NOT NULL,
    model        TEXT    NOT NULL,
    project      TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    kept         INTEGER NOT NULL,
    currency     TEXT    NOT NULL,
    price_table  INTEGER NOT NULL,
    entries      INTEGER NOT NULL,
    clips        INTEGER NOT NULL,
    seconds_hi   INTEGER NOT NULL,
    seconds_lo   INTEGER NOT NULL,
    credits_hi   INTEGER NOT NULL,
    credits_lo   INTEGER NOT NULL,
    cost_hi      INTEGER NOT NULL,
    cost_lo      INTEGER NOT NULL,
    unpriced     INTEGER NOT NULL,
    priced_hi    INTEGER NOT NULL,
    priced_lo    INTEGER NOT NULL,
    PRIMARY KEY (month, platform, model, project, status, kept, currency, price_table)
) STRICT, WITHOUT ROWID;

INSERT INTO entry_month
    SELECT substr(day, 1, 7), platform, model, project, status, kept, currency, price_table,
           sum(entries), sum(clips), sum(seconds_hi), sum(seconds_lo), sum(credits_hi),
           sum(credits_lo), sum(cost_hi), sum(cost_lo), sum(unpriced), sum(priced_hi),
           sum(priced_lo)
    FROM entry_day
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

CREATE TRIGGER entry_month_insert AFTER INSERT ON entry_day BEGIN
    INSERT INTO entry_month VALUES (
        substr(NEW.day, 1, 7), NEW.platform, NEW.model, NEW.project, NEW.status, NEW.kept,
        NEW.currency, NEW.price_table, NEW.entries, NEW.clips, NEW.seconds_hi,
        NEW.seconds_lo, NEW.credits_hi, NEW.credits_lo, NEW.cost_hi, NEW.cost_lo,
        NEW.unpriced, NEW.priced_hi, NEW.priced_lo)
    ON CONFLICT DO UPDATE SET
        entries = entries + excluded.entries, clips = clips + excluded.clips,
        seconds_hi = seconds_hi + excluded.seconds_hi,
        seconds_lo = seconds_lo + excluded.seconds_lo,
        credits_hi = credits_hi + excluded.credits_hi,
        credits_lo = credits_lo + excluded.credits_lo,
        cost_hi = cost_hi + excluded.cost_hi, cost_lo = cost_lo + excluded.cost_lo,
        unpriced = unpriced + excluded.unpriced,
        priced_hi = priced_hi + excluded.priced_hi, priced_lo = priced_lo + excluded.priced_lo;
END;

-- A day row's key never changes (the triggers above update only its sums).
CREATE TRIGGER entry_month_update AFTER UPDATE ON entry_day BEGIN
    UPDATE entry_month SET
        entries = entries + NEW.entries - OLD.entries, clips = clips + NEW.clips - OLD.clips,
        seconds_hi = seconds_hi + NEW.seconds_hi - OLD.seconds_hi,
        seconds_lo = seconds_lo + NEW.seconds_lo - OLD.seconds_lo,
        credits_hi = credits_hi + NEW.credits_hi - OLD.credits_hi,
        credits_lo = credits_lo + NEW.credits_lo - OLD.credits_lo,
        cost_hi = cost_hi + NEW.cost_hi - OLD.cost_hi,
        cost_lo = cost_lo + NEW.cost_lo - OLD.cost_lo,
        unpriced = unpriced + NEW.unpriced - OLD.unpriced,
        priced_hi = priced_hi + NEW.priced_hi - OLD.priced_hi,
        priced_lo = priced_lo + NEW.priced_lo - OLD.priced_lo
    WHERE month = substr(OLD.day, 1, 7) AND platform = OLD.platform AND model = OLD.model
      AND project = OLD.project AND status = OLD.status AND kept = OLD.kept
      AND currency = OLD.currency AND price_table = OLD.price_table;
    DELETE FROM entry_month
    WHERE entries = 0 AND month = substr(OLD.day, 1, 7) AND platform = OLD.platform
      AND model = OLD.model AND project = OLD.project AND status = OLD.status
      AND kept = OLD.kept AND currency = OLD.currency AND price_table = OLD.price_table;
END;

CREATE TRIGGER entry_month_delete AFTER DELETE ON entry_day BEGIN
    UPDATE entry_month SET
        entries = entries - OLD.entries, clips = clips - OLD.clips,
        seconds_hi = seconds_hi - OLD.seconds_hi, seconds_lo = seconds_lo - OLD.seconds_lo,
        credits_hi = credits_hi - OLD.credits_hi, credits_lo = credits_lo - OLD.credits_lo,
        cost_hi = cost_hi - OLD.cost_hi, cost_lo = cost_lo - OLD.cost_lo,
        unpriced = unpriced - OLD.unpriced,
        priced_hi = priced_hi - OLD.priced_hi, priced_lo = priced_lo - OLD.priced_lo
    WHERE month = substr(OLD.day, 1, 7) AND platform = OLD.platform AND model = OLD.model
      AND project = OLD.project AND status = OLD.status AND kept = OLD.kept
      AND currency = OLD.currency AND price_table = OLD.price_table;
    DELETE FROM entry_month
    WHERE entries = 0 AND month = substr(OLD.day, 1, 7) AND platform = OLD.platform
      AND model = OLD.model AND project = OLD.project AND status = OLD.status
      AND kept = OLD.kept AND currency = OLD.currency AND price_table = OLD.price_table;
END;
