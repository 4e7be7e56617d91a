-- 0004: entries remember their prices (issue: "Entries remember their prices").
--
-- Why this shape:
-- * Each entry records which pricing table priced it: the platform's table date (`as_of`) and
--   the SHA-256 of the table as loaded (`credits pricing show PLATFORM --json` gives both), so
--   `report` can say what entries were priced with and `reprice` what changed since. A user
--   file that patches a shipped table changes the hash, not always the date.
-- * Normalised: a table is one `price_table` row, and an entry holds its integer id, so a
--   million entries cost an integer each, not 64 characters of hash. One row per platform and
--   hash; the store finds or creates it in the transaction that writes the entry.
-- * `entry.price_table` is NULL for an entry that was not priced by a table (unpriced, or a
--   platform or model not in the tables) and for every entry logged before schema 4: nothing
--   says which table priced those, so nothing is made up. `credits reprice` gives them the
--   current one.
-- * No index on `entry.price_table`: reports read it in the scan they already make, and every
--   index slows `import` (0001's reasoning). Rows of `price_table` are never deleted: a handful
--   per platform and year.
-- STRICT and CHECK keep hand edits honest, as in 0001.

CREATE TABLE price_table (
    id        INTEGER PRIMARY KEY,
    platform  TEXT    NOT NULL CHECK (platform <> ''),
    as_of     TEXT    NOT NULL CHECK (date(as_of) IS as_of),
    sha256    TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    UNIQUE (platform, sha256)
) STRICT;

ALTER TABLE entry ADD COLUMN price_table INTEGER REFERENCES price_table (id);
