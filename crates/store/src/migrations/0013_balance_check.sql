-- Schema 13: balance assertions (issue 23, "Balance assertions"). `credits balance PLATFORM
-- --expect N [--at TIME]` records what the platform showed at a time beside what the ledger
-- said then, matched or not, so `balance` and `history` can say "last checked: matched on
-- DATE" and a later drift is measured from the last match. A fact of its own (what the user
-- read off the platform), not derived: nothing else can rebuild it.
--   at             when the platform showed the balance (whole seconds, UTC);
--   expected_milli what it showed (credits × 1000, never negative);
--   ledger_milli   the ledger's balance at `at` when the check was made (signed: a ledger
--                  can be below zero); matched is expected_milli = ledger_milli;
--   checked_at     when the check was made; logged_by, machine as on an adjustment.
CREATE TABLE balance_check (
    id             INTEGER PRIMARY KEY,
    platform       TEXT    NOT NULL CHECK (platform <> ''),
    at             TEXT    NOT NULL CHECK (at GLOB
        '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
    expected_milli INTEGER NOT NULL CHECK (expected_milli >= 0),
    ledger_milli   INTEGER NOT NULL,
    checked_at     TEXT    NOT NULL CHECK (checked_at GLOB
        '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
    logged_by      TEXT    CHECK (logged_by <> ''),
    machine        TEXT    CHECK (machine <> '')
) STRICT;

-- The last check and the last match of a platform: its checks by time.
CREATE INDEX balance_check_platform_at ON balance_check (platform, at);
