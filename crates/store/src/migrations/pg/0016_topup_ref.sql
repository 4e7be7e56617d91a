-- Schema 16 on PostgreSQL, as `../0016_topup_ref.sql` on SQLite: the platform's own id of a
-- purchase it lists (Kling's resource packs imported as top-ups).
CREATE TABLE topup_ref (
    topup_id BIGINT PRIMARY KEY REFERENCES topup (id) ON DELETE CASCADE,
    platform TEXT COLLATE "C" NOT NULL CHECK (platform <> ''),
    ref      TEXT COLLATE "C" NOT NULL CHECK (ref <> ''),
    UNIQUE (platform, ref)
);
