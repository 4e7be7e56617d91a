-- Schema 9 (issue 12): `tag_day`, the report's sums per tag (key and value), local day,
-- platform, status, kept and currency, beside `entry_day` (0006_speed.sql), so
-- `report --by tag:KEY` and a `--tag KEY=VALUE` filter read sums instead of joining every
-- entry to its tags (seconds at a million entries). An entry with two tags is in two keys'
-- rows; within one key, in one value's. The entries without a key's tag are `entry_day` less
-- that key's rows (`src/store/report.rs` nets them per day, platform, status, kept and
-- currency: the columns both tables share). Model, project and price table are left out on
-- purpose: with them the table holds nearly a row per tagged entry and reads no faster than
-- the entries; a report that groups or filters by them reads the entries.
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
    PRIMARY KEY (key, value, day, utc_offset_min, platform, status, kept, currency)
) STRICT, WITHOUT ROWID;

INSERT INTO tag_day
    SELECT t.key, t.value, date(e.at, e.utc_offset_min || ' minutes'), e.utc_offset_min,
           e.platform, e.status, e.kept, coalesce(e.currency, ''), count(*), sum(e.count),
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
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

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
      AND (key, value, day, utc_offset_min, platform, status, kept, currency) IN
        (SELECT OLD.key, OLD.value, date(e.at, e.utc_offset_min || ' minutes'), e.utc_offset_min, e.platform, e.status, e.kept, coalesce(e.currency, '')
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
      AND (key, value, day, utc_offset_min, platform, status, kept, currency) IN
        (SELECT OLD.key, OLD.value, date(e.at, e.utc_offset_min || ' minutes'), e.utc_offset_min, e.platform, e.status, e.kept, coalesce(e.currency, '')
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
    kept, currency, count, duration_ms, credits_milli, cost_micro ON entry BEGIN
    INSERT INTO tag_day
    SELECT t.key,
           t.value,
           date(OLD.at, OLD.utc_offset_min || ' minutes'),
           OLD.utc_offset_min,
           OLD.platform,
           OLD.status,
           OLD.kept,
           coalesce(OLD.currency, ''),
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
      AND (key, value, day, utc_offset_min, platform, status, kept, currency) IN
        (SELECT t.key, t.value, date(OLD.at, OLD.utc_offset_min || ' minutes'), OLD.utc_offset_min, OLD.platform, OLD.status, OLD.kept, coalesce(OLD.currency, '')
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
      AND (key, value, day, utc_offset_min, platform, status, kept, currency) IN
        (SELECT t.key, t.value, date(OLD.at, OLD.utc_offset_min || ' minutes'), OLD.utc_offset_min, OLD.platform, OLD.status, OLD.kept, coalesce(OLD.currency, '')
         FROM entry_tag t WHERE t.entry_id = OLD.id);
END;
