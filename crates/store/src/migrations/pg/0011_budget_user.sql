-- Schema 11 on PostgreSQL, as `../0011_budget_user.sql` on SQLite: budgets per user.
-- `logged_by` names whose entries a budget counts ('' everyone's) and joins the key.
ALTER TABLE budget ADD COLUMN logged_by TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE budget DROP CONSTRAINT budget_pkey;
ALTER TABLE budget ADD PRIMARY KEY (project, unit, platform, logged_by);
