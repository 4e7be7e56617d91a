-- Schema 7: the file an entry was logged from (`credits scan`, issue 13). One row per entry
-- that came from a file: the SHA-256 of its bytes (unique, so scanning the same file again,
-- a copy or a renamed file adds nothing, even after a scan killed half-way), the path it was
-- found at, and how its platform and model were identified. Removing the entry removes the
-- row (ON DELETE CASCADE; the store turns foreign keys on), so the file can be scanned again.
CREATE TABLE entry_file (
    entry_id       INTEGER PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
    sha256         BLOB    NOT NULL UNIQUE CHECK (length(sha256) = 32),
    path           TEXT    NOT NULL CHECK (path <> ''),
    identified_by  TEXT    NOT NULL
) STRICT;
