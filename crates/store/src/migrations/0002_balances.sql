-- 0002: balances (issue 4).
--
-- Why this shape:
-- * The ledger is computed, not stored: subscription grants follow from the plan history, and
--   balances from grants and spends replayed in time order (src/ledger). So only the facts are
--   stored here, each once: plan changes, top-ups, adjustments, budgets, and when a refund
--   came back. A stored balance could disagree with its own history; a computed one cannot.
-- * `account_change` is the plan history: the plan in effect on a platform from
--   `effective_on` (a date) on. One change per platform and date, so setting a plan twice on
--   one day corrects it. The `account` table of 0001 stays as the current plan (the latest
--   change), which `log` reads to price entries the way it always has; changes recorded by
--   0001 with a start date become the first history rows, those without one stay current
--   plans with no balance until a start is given.
-- * `topup` keeps what was bought, the bonus apart from the credits, the price paid, and the
--   expiry the pricing table gave at the time (`never`, a time, or `unknown`), so a later
--   table edit does not move old expiries.
-- * `adjustment` is signed (never 0): positive ones are grants, negative ones spends.
-- * `budget` is one limit per project and unit: money (micro-units of `currency`) or credits
--   (milli-credits), per calendar month or in total.
-- * `entry.refunded_at` is when a refunded entry's credits came back (UTC, the `at` form);
--   NULL for every other status. Entries refunded before this migration, or imported, have
--   NULL there too: the ledger counts them as refunded at their own time.
-- Credits are INTEGER milli-credits, money INTEGER micro-units and times UTC text in the
-- fixed form of `entry.at`, as in 0001. STRICT and CHECK keep hand edits honest.

CREATE TABLE account_change (
    platform      TEXT    NOT NULL CHECK (platform <> ''),
    plan          TEXT    NOT NULL CHECK (plan <> ''),
    billing       TEXT    NOT NULL DEFAULT 'monthly' CHECK (billing IN ('monthly', 'annual')),
    effective_on  TEXT    NOT NULL CHECK (date(effective_on) IS effective_on),
    renews_on     INTEGER CHECK (renews_on BETWEEN 1 AND 31),
    PRIMARY KEY (platform, effective_on)
) STRICT, WITHOUT ROWID;

INSERT INTO account_change (platform, plan, billing, effective_on, renews_on)
    SELECT platform, plan, billing, since, renews_on FROM account WHERE since IS NOT NULL;

CREATE TABLE topup (
    id             INTEGER PRIMARY KEY,
    platform       TEXT    NOT NULL CHECK (platform <> ''),
    -- The pack's id in the pricing table; NULL for `--credits N --price X`.
    pack           TEXT    CHECK (pack <> ''),
    credits_milli  INTEGER NOT NULL CHECK (credits_milli > 0),
    bonus_milli    INTEGER NOT NULL DEFAULT 0 CHECK (bonus_milli >= 0),
    price_micro    INTEGER NOT NULL CHECK (price_micro >= 0),
    currency       TEXT    NOT NULL CHECK (currency <> ''),
    at             TEXT    NOT NULL CHECK (at GLOB
        '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
    expiry         TEXT    NOT NULL CHECK (expiry IN ('never', 'at', 'unknown')),
    expires_at     TEXT    CHECK (expires_at GLOB
        '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
    CHECK ((expiry = 'at') = (expires_at IS NOT NULL)),
    CHECK (expires_at > at)
) STRICT;

CREATE TABLE adjustment (
    id             INTEGER PRIMARY KEY,
    platform       TEXT    NOT NULL CHECK (platform <> ''),
    credits_milli  INTEGER NOT NULL CHECK (credits_milli <> 0),
    note           TEXT    NOT NULL CHECK (note <> ''),
    at             TEXT    NOT NULL CHECK (at GLOB
        '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z')
) STRICT;

CREATE TABLE budget (
    project       TEXT    NOT NULL CHECK (project <> ''),
    unit          TEXT    NOT NULL CHECK (unit IN ('money', 'credits')),
    amount_micro  INTEGER CHECK (amount_micro > 0),
    amount_milli  INTEGER CHECK (amount_milli > 0),
    currency      TEXT    CHECK (currency <> ''),
    period        TEXT    NOT NULL CHECK (period IN ('month', 'total')),
    PRIMARY KEY (project, unit),
    CHECK ((unit = 'money') = (amount_micro IS NOT NULL AND currency IS NOT NULL)),
    CHECK ((unit = 'credits') = (amount_milli IS NOT NULL AND currency IS NULL))
) STRICT, WITHOUT ROWID;

ALTER TABLE entry ADD COLUMN refunded_at TEXT CHECK (refunded_at IS NULL OR (refunded_at GLOB
    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'
    AND status = 'refunded'));

-- No new index on `entry`: the ledger reads all of a platform's entries, which is most of a
-- personal log, and every index slows `import` (0001's reasoning). `topup` and `adjustment`
-- stay small: a few rows a month.
