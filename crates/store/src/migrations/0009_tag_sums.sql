-- Schema 9 (issue 12): `tag_day`, the report's sums per tag (key and value), local day,
-- platform, status, kept, currency and price table, beside `entry_day` (0006_speed.sql), so
-- `report --by tag:KEY` and a `--tag KEY=VALUE` filter read sums instead of joining every
-- entry to its tags (seconds at a million entries). An entry with two tags is in two keys'
-- rows; within one key, in one value's. The entries without a key's tag are `entry_day` less
-- that key's rows (`src/store/report.rs` nets them per day, platform, status, kept,
-- currency and price table: the columns both tables share). Model and project are left out
-- on purpose: with them the table holds nearly a row per tagged entry and reads no faster
-- than the entries; a report that groups or filters by them reads the entries. (The price
-- table stays: every report counts its entries per table, and a platform has few.)
--
-- `tag_month` (below) rolls `tag_day` up by month, as `entry_month` rolls up `entry_day`.
--
-- Kept by triggers on `entry_tag` (a tag added, removed or changed moves its entry's
-- contribution) and on `entry` (a change or removal moves it under each of its tags); a row
-- that nets to no entry is deleted. A bulk import pauses the tag insert trigger and adds its
-- new rows' sums once at the end (`src/store/summary.rs`), as it does for `entry_day`.
CREATE TABLE tag_day (
    key             TEXT    NOT NULL,
    value           TEXT    NOT NULL,
    day             TEXT    NOT NULL,
    utc_offset_min  INTEGER NOT NULL,
    platform        TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    kept            INTEGER NOT NULL,
    currency        TEXT    NOT NULL,
    price_table     INTEGER NOT NULL,
    entries         INTEGER NOT NULL,
    clips           INTEGER NOT NULL,
    seconds_hi      INTEGER NOT NULL,
    seconds_lo      INTEGER NOT NULL,
    credits_hi      INTEGER NOT NULL,
    credits_lo      INTEGER NOT NULL,
    cost_hi         INTEGER NOT NULL,
    cost_lo         INTEGER NOT NULL,
    unpriced        INTEGER NOT NULL,
    priced_hi       INTEGER NOT NULL,
    priced_lo       INTEGER NOT NULL,
    PRIMARY KEY (key, value, day, utc_offset_min, platform, status, kept, currency,
                 price_table)
) STRICT, WITHOUT ROWID;

INSERT INTO tag_day
    SELECT t.key, t.value, date(e.at, e.utc_offset_min || ' minutes'), e.utc_offset_min,
           e.platform, e.status, e.kept, coalesce(e.currency, ''), coalesce(e.price_table, 0),
           count(*), sum(e.count),
           coalesce(sum(e.duration_ms * e.count / 1000000000), 0),
           coalesce(sum(e.duration_ms * e.count % 1000000000), 0),
           sum(e.credits_milli / 1000000000), sum(e.credits_milli % 1000000000),
           coalesce(sum(e.cost_micro / 1000000000), 0),
           coalesce(sum(e.cost_micro % 1000000000), 0),
           sum(e.cost_micro IS NULL),
           coalesce(sum(CASE WHEN e.cost_micro IS NOT NULL
                    THEN e.credits_milli / 1000000000 END), 0),
           coalesce(sum(CASE WHEN e.cost_micro IS NOT NULL
                    THEN e.credits_milli % 1000000000 END), 0)
    FROM entry_tag t JOIN entry e ON e.id = t.entry_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

-- A tag added: its entry counts under it.
CREATE TRIGGER tag_day_tag_insert AFTER INSERT ON entry_tag BEGIN
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
           e.cost_micro IS NULL,
           CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli / 1000000000 ELSE 0 END,
           CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli % 1000000000 ELSE 0 END
    FROM entry e WHERE e.id = NEW.entry_id
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

-- A tag removed from an entry that stays. (When the entry itself goes,
-- `tag_day_entry_delete` took it out first; the cascade removes its tags after it,
-- and it is not found here.)
CREATE TRIGGER tag_day_tag_delete AFTER DELETE ON entry_tag BEGIN
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
           -(e.cost_micro IS NULL),
           -(CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli / 1000000000 ELSE 0 END),
           -(CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli % 1000000000 ELSE 0 END)
    FROM entry e WHERE e.id = OLD.entry_id
    ON CONFLICT DO UPDATE SET
        entries = entries + excluded.entries, clips = clips + excluded.clips,
        seconds_hi = seconds_hi + excluded.seconds_hi,
        seconds_lo = seconds_lo + excluded.seconds_lo,
        credits_hi = credits_hi + excluded.credits_hi,
        credits_lo = credits_lo + excluded.credits_lo,
        cost_hi = cost_hi + excluded.cost_hi, cost_lo = cost_lo + excluded.cost_lo,
        unpriced = unpriced + excluded.unpriced,
        priced_hi = priced_hi + excluded.priced_hi, priced_lo = priced_lo + excluded.priced_lo;
    DELETE FROM tag_day WHERE entries = 0
      AND (key, value, day, utc_offset_min, platform, status, kept, currency,
           price_table) IN
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
END;

-- A tag's value changed (`edit --tag K=V` on a key the entry has).
CREATE TRIGGER tag_day_tag_update AFTER UPDATE OF entry_id, key, value ON entry_tag BEGIN
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
           -(e.cost_micro IS NULL),
           -(CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli / 1000000000 ELSE 0 END),
           -(CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli % 1000000000 ELSE 0 END)
    FROM entry e WHERE e.id = OLD.entry_id
    ON CONFLICT DO UPDATE SET
        entries = entries + excluded.entries, clips = clips + excluded.clips,
        seconds_hi = seconds_hi + excluded.seconds_hi,
        seconds_lo = seconds_lo + excluded.seconds_lo,
        credits_hi = credits_hi + excluded.credits_hi,
        credits_lo = credits_lo + excluded.credits_lo,
        cost_hi = cost_hi + excluded.cost_hi, cost_lo = cost_lo + excluded.cost_lo,
        unpriced = unpriced + excluded.unpriced,
        priced_hi = priced_hi + excluded.priced_hi, priced_lo = priced_lo + excluded.priced_lo;
    DELETE FROM tag_day WHERE entries = 0
      AND (key, value, day, utc_offset_min, platform, status, kept, currency,
           price_table) IN
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
           e.cost_micro IS NULL,
           CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli / 1000000000 ELSE 0 END,
           CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli % 1000000000 ELSE 0 END
    FROM entry e WHERE e.id = NEW.entry_id
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

-- An entry changed: under each of its tags, the old row out and the new one in.
CREATE TRIGGER tag_day_entry_update AFTER UPDATE OF at, utc_offset_min, platform, status,
    kept, currency, price_table, count, duration_ms, credits_milli, cost_micro ON entry
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
           -(OLD.cost_micro IS NULL),
           -(CASE WHEN OLD.cost_micro IS NOT NULL THEN OLD.credits_milli / 1000000000 ELSE 0 END),
           -(CASE WHEN OLD.cost_micro IS NOT NULL THEN OLD.credits_milli % 1000000000 ELSE 0 END)
    FROM entry_tag t WHERE t.entry_id = OLD.id
    ON CONFLICT DO UPDATE SET
        entries = entries + excluded.entries, clips = clips + excluded.clips,
        seconds_hi = seconds_hi + excluded.seconds_hi,
        seconds_lo = seconds_lo + excluded.seconds_lo,
        credits_hi = credits_hi + excluded.credits_hi,
        credits_lo = credits_lo + excluded.credits_lo,
        cost_hi = cost_hi + excluded.cost_hi, cost_lo = cost_lo + excluded.cost_lo,
        unpriced = unpriced + excluded.unpriced,
        priced_hi = priced_hi + excluded.priced_hi, priced_lo = priced_lo + excluded.priced_lo;
    DELETE FROM tag_day WHERE entries = 0
      AND (key, value, day, utc_offset_min, platform, status, kept, currency,
           price_table) IN
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
           NEW.cost_micro IS NULL,
           CASE WHEN NEW.cost_micro IS NOT NULL THEN NEW.credits_milli / 1000000000 ELSE 0 END,
           CASE WHEN NEW.cost_micro IS NOT NULL THEN NEW.credits_milli % 1000000000 ELSE 0 END
    FROM entry_tag t WHERE t.entry_id = NEW.id
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

-- An entry removed: out of each of its tags, before the cascade removes them.
CREATE TRIGGER tag_day_entry_delete BEFORE DELETE ON entry BEGIN
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
           -(OLD.cost_micro IS NULL),
           -(CASE WHEN OLD.cost_micro IS NOT NULL THEN OLD.credits_milli / 1000000000 ELSE 0 END),
           -(CASE WHEN OLD.cost_micro IS NOT NULL THEN OLD.credits_milli % 1000000000 ELSE 0 END)
    FROM entry_tag t WHERE t.entry_id = OLD.id
    ON CONFLICT DO UPDATE SET
        entries = entries + excluded.entries, clips = clips + excluded.clips,
        seconds_hi = seconds_hi + excluded.seconds_hi,
        seconds_lo = seconds_lo + excluded.seconds_lo,
        credits_hi = credits_hi + excluded.credits_hi,
        credits_lo = credits_lo + excluded.credits_lo,
        cost_hi = cost_hi + excluded.cost_hi, cost_lo = cost_lo + excluded.cost_lo,
        unpriced = unpriced + excluded.unpriced,
        priced_hi = priced_hi + excluded.priced_hi, priced_lo = priced_lo + excluded.priced_lo;
    DELETE FROM tag_day WHERE entries = 0
      AND (key, value, day, utc_offset_min, platform, status, kept, currency,
           price_table) IN
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
END;

-- `tag_month`: `tag_day` rolled up by local month (no offset, no day), as `entry_month` rolls
-- up `entry_day` (0006_speed.sql), so `report --by tag:KEY` over whole months reads a row per
-- month and group. Kept by triggers on `tag_day` itself: every change to a day row (a trigger
-- above, or an import's sums) moves its month by the difference.
CREATE TABLE tag_month (
    key          TEXT    NOT NULL,
    value        TEXT    NOT NULL,
    month        TEXT    NOT NULL,  -- YYYY-MM, local
    platform     TEXT    NOT NULL,
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
    PRIMARY KEY (key, value, month, platform, status, kept, currency, price_table)
) STRICT, WITHOUT ROWID;

INSERT INTO tag_month
    SELECT key, value, substr(day, 1, 7), platform, status, kept, currency, price_table,
           sum(entries), sum(clips), sum(seconds_hi), sum(seconds_lo), sum(credits_hi),
           sum(credits_lo), sum(cost_hi), sum(cost_lo), sum(unpriced), sum(priced_hi),
           sum(priced_lo)
    FROM tag_day
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

CREATE TRIGGER tag_month_insert AFTER INSERT ON tag_day BEGIN
    INSERT INTO tag_month VALUES (
        NEW.key, NEW.value, substr(NEW.day, 1, 7), NEW.platform, NEW.status, NEW.kept,
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
CREATE TRIGGER tag_month_update AFTER UPDATE ON tag_day BEGIN
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
    WHERE key = OLD.key AND value = OLD.value AND month = substr(OLD.day, 1, 7)
      AND platform = OLD.platform AND status = OLD.status AND kept = OLD.kept
      AND currency = OLD.currency AND price_table = OLD.price_table;
    DELETE FROM tag_month
    WHERE entries = 0 AND key = OLD.key AND value = OLD.value AND month = substr(OLD.day, 1, 7)
      AND platform = OLD.platform AND status = OLD.status AND kept = OLD.kept
      AND currency = OLD.currency AND price_table = OLD.price_table;
END;

CREATE TRIGGER tag_month_delete AFTER DELETE ON tag_day BEGIN
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
    WHERE key = OLD.key AND value = OLD.value AND month = substr(OLD.day, 1, 7)
      AND platform = OLD.platform AND status = OLD.status AND kept = OLD.kept
      AND currency = OLD.currency AND price_table = OLD.price_table;
    DELETE FROM tag_month
    WHERE entries = 0 AND key = OLD.key AND value = OLD.value AND month = substr(OLD.day, 1, 7)
      AND platform = OLD.platform AND status = OLD.status AND kept = OLD.kept
      AND currency = OLD.currency AND price_table = OLD.price_table;
END;
