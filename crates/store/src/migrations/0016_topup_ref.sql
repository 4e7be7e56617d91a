-- Schema 16: the platform's own id of a purchase it lists (issue 23, item 5: Kling's
-- resource packs imported as top-ups). Two packs of one order have the same contents, so
-- only the platform's id tells them apart, and an import again must find the top-up it made.
-- A table beside `topup` rather than a column of it: only imported top-ups have one, and the
-- top-up itself stays what the user can type.
--   topup_id  the top-up (removed with it);
--   platform  the top-up's platform, so one platform's ids are unique among themselves;
--   ref       the platform's id of the purchase (Kling's `resource_pack_id`).
CREATE TABLE topup_ref (
    topup_id INTEGER PRIMARY KEY REFERENCES topup (id) ON DELETE CASCADE,
    platform TEXT    NOT NULL CHECK (platform <> ''),
    ref      TEXT    NOT NULL CHECK (ref <> ''),
    UNIQUE (platform, ref)
) STRICT;
