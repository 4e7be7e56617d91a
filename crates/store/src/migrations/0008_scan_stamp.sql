-- Schema 8: what a scanned file looked like when it was logged, its size in bytes and its
-- modification time (nanoseconds since 1970, UTC), so a later scan knows the file it was
-- logged from, at the same path, without reading its bytes again (a library of videos is
-- gigabytes: hashing it all on every scan took a second a gigabyte). NULL for files logged
-- before schema 8 and for times before 1970: those are hashed, and their row then gets the
-- stamp. A copy or a renamed file is still found by its hash.
ALTER TABLE entry_file ADD COLUMN size INTEGER CHECK (size >= 0);
ALTER TABLE entry_file ADD COLUMN modified_ns INTEGER;
CREATE INDEX entry_file_path ON entry_file (path);
