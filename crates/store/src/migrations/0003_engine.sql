-- 0003: one engine behind every command (issue 7).
--
-- Why:
-- * `entry.price_source`: see below.
-- * `entry.upscale`: an entry's request is the same request `estimate` prices, so everything
--   that request holds is kept; `credits reprice` can then price it again exactly.
-- * `budget.platform`: credits of different platforms are different units and are never
--   added, so a credits budget names the platform whose credits it counts. Money budgets have
--   '' there. A credits budget from schema 2 gets its project's platform when the project's
--   entries are all on one platform; otherwise it keeps '' and `budget list` asks for one.
-- * `maintenance`: work that needs the pricing tables, which SQL cannot read, and so runs in
--   the application right after opening (`ops::Session`), in one transaction that also
--   deletes the task row. `canonical_names`: schema 1 and 2 `import` stored platform and
--   model names as typed (`Runway`, `Gen-4 Turbo`); they become the tables' ids.

ALTER TABLE entry ADD COLUMN upscale INTEGER NOT NULL DEFAULT 0 CHECK (upscale IN (0, 1));

-- Where an entry's money came from, so `credits reprice` keeps the prices the user chose
-- (`--plan`, `--price-per-credit`) and re-prices the rest. NULL: logged before schema 3.
ALTER TABLE entry ADD COLUMN price_source TEXT CHECK (price_source IN ('account', 'plan',
    'cheapest_plan', 'user', 'money_billed', 'balance', 'unpriced'));

CREATE TABLE budget_new (
    project       TEXT    NOT NULL CHECK (project <> ''),
    unit          TEXT    NOT NULL CHECK (unit IN ('money', 'credits')),
    platform      TEXT    NOT NULL DEFAULT '' CHECK (unit = 'credits' OR platform = ''),
    amount_micro  INTEGER CHECK (amount_micro > 0),
    amount_milli  INTEGER CHECK (amount_milli > 0),
    currency      TEXT    CHECK (currency <> ''),
    period        TEXT    NOT NULL CHECK (period IN ('month', 'total')),
    PRIMARY KEY (project, unit, platform),
    CHECK ((unit = 'money') = (amount_micro IS NOT NULL AND currency IS NOT NULL)),
    CHECK ((unit = 'credits') = (amount_milli IS NOT NULL AND currency IS NULL))
) STRICT, WITHOUT ROWID;

INSERT INTO budget_new (project, unit, platform, amount_micro, amount_milli, currency, period)
    SELECT b.project, b.unit,
           CASE WHEN b.unit = 'credits'
                 AND (SELECT count(DISTINCT platform) FROM entry WHERE project = b.project) = 1
                THEN (SELECT min(platform) FROM entry WHERE project = b.project)
                ELSE '' END,
           b.amount_micro, b.amount_milli, b.currency, b.period
    FROM budget b;

DROP TABLE budget;
ALTER TABLE budget_new RENAME TO budget;

CREATE TABLE maintenance (
    task  TEXT PRIMARY KEY CHECK (task IN ('canonical_names'))
) STRICT;

INSERT INTO maintenance (task) VALUES ('canonical_names');
