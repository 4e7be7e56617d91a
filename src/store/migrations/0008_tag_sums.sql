-- Schema 8 (issue 12): `tag_day`, the report's sums per tag (key and value) and local day,
-- beside `entry_day` (0006_speed.sql), so `report --by tag:KEY` and a `--tag KEY=VALUE` filter
-- read sums instead of every entry. An entry with two tags is in two keys' rows; within one
-- key, in one value's. The entries without a key's tag are `entry_day` less that key's rows
-- (`src/store/report.rs` nets them). Kept by triggers on `entry_tag` (a tag added, removed or
-- changed moves its entry's contribution) and on `entry` (a change or removal moves it for each
-- of its tags); `import` pauses the tag insert trigger and sums its days in one pass.
CREATE TABLE tag_day (
    key             TEXT    NOT NULL,
    value           TEXT    NOT NULL,
    day             TEXT    NOT NULL,
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
    seconds_hi      INTEGER NOT NULL,
    seconds_lo      INTEGER NOT NULL,
    credits_hi      INTEGER NOT NULL,
    credits_lo      INTEGER NOT NULL,
    cost_hi         INTEGER NOT NULL,
    cost_lo         INTEGER NOT NULL,
    unpriced        INTEGER NOT NULL,
    priced_hi       INTEGER NOT NULL,
    priced_lo       INTEGER NOT NULL,
    PRIMARY KEY (key, value, day, utc_offset_min, platform, model, project, status, kept,
                 currency, price_table)
) STRICT, WITHOUT ROWID;

INSERT INTO tag_day
    SELECT t.key, t.value, date(e.at, e.utc_offset_min || ' minutes'), e.utc_offset_min,
           e.platform, e.model, coalesce(e.project, ''), e.status, e.kept,
           coalesce(e.currency, ''), coalesce(e.price_table, 0), count(*), sum(e.count),
           coalesce(sum(e.duration_ms * e.count / 1000000000), 0),
           coalesce(sum(e.duration_ms * e.count % 1000000000), 0),
           sum(e.credits_milli / 1000000000), sum(e.credits_milli % 1000000000),
           coalesce(sum(e.cost_micro / 1000000000), 0),
           coalesce(sum(e.cost_micro % 1000000000), 0),
           sum(e.cost_micro IS NULL),
           coalesce(sum(CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli / 1000000000 END), 0),
           coalesce(sum(CASE WHEN e.cost_micro IS NOT NULL THEN e.credits_milli % 1000000000 END), 0)
    FROM entry_tag t JOIN entry e ON e.id = t.entry_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11;

-- A tag added: its entry counts under it.
CREATE TRIGGER tag_day_tag_insert AFTER INSERT ON entry_tag BEGIN
    INSERT INTO tag_day
    SELECT NEW.key, NEW.value,
           date(e.at, e.utc_offset_min || ' minutes'),
           e.utc_offset_min,
           e.platform,
           e.model,
           coalesce(e.project, ''),
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

-- A tag removed from an entry that stays. (When the entry itself goes, the cascade removes
-- its tags after it: it is not found here, and `tag_day_entry_delete` took it out first.)
CREATE TRIGGER tag_day_tag_delete AFTER DELETE ON entry_tag BEGIN
    INSERT INTO tag_day
    SELECT OLD.key, OLD.value,
           date(e.at, e.utc_offset_min || ' minutes'),
           e.utc_offset_min,
           e.platform,
           e.model,
           coalesce(e.project, ''),
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
    DELETE FROM tag_day WHERE key = OLD.key AND value = OLD.value AND entries = 0;
END;

-- A tag's value changed (`edit --tag K=V` on a key the entry has).
CREATE TRIGGER tag_day_tag_update AFTER UPDATE OF entry_id, key, value ON entry_tag BEGIN
    INSERT INTO tag_day
    SELECT OLD.key, OLD.value,
           date(e.at, e.utc_offset_min || ' minutes'),
           e.utc_offset_min,
           e.platform,
           e.model,
           coalesce(e.project, ''),
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
    DELETE FROM tag_day WHERE key = OLD.key AND value = OLD.value AND entries = 0;
    INSERT INTO tag_day
    SELECT NEW.key, NEW.value,
           date(e.at, e.utc_offset_min || ' minutes'),
           e.utc_offset_min,
           e.platform,
           e.model,
           coalesce(e.project, ''),
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
CREATE TRIGGER tag_day_entry_update AFTER UPDATE OF at, utc_offset_min, platform, model,
    project, status, kept, currency, price_table, count, duration_ms, credits_milli,
    cost_micro ON entry BEGIN
    INSERT INTO tag_day
    SELECT t.key, t.value,
           date(OLD.at, OLD.utc_offset_min || ' minutes'),
           OLD.utc_offset_min,
           OLD.platform,
           OLD.model,
           coalesce(OLD.project, ''),
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
      AND key IN (SELECT key FROM entry_tag WHERE entry_id = OLD.id);
    INSERT INTO tag_day
    SELECT t.key, t.value,
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
    SELECT t.key, t.value,
           date(OLD.at, OLD.utc_offset_min || ' minutes'),
           OLD.utc_offset_min,
           OLD.platform,
           OLD.model,
           coalesce(OLD.project, ''),
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
      AND key IN (SELECT key FROM entry_tag WHERE entry_id = OLD.id);
END;
