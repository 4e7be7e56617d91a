-- Schema 5: what the user really pays for a plan (`credits account set --price X
-- [--credits N]`), per plan change and on the current account. `price_micro` is the price
-- of one billing period (a month, or a year on annual billing) in the platform's currency;
-- `credits_milli` the credits a grant gives where the table does not say (or says
-- otherwise). NULL: the table's list price / credits.
ALTER TABLE account_change ADD COLUMN price_micro INTEGER CHECK (price_micro IS NULL OR price_micro >= 0);
ALTER TABLE account_change ADD COLUMN credits_milli INTEGER CHECK (credits_milli IS NULL OR credits_milli > 0);
ALTER TABLE account ADD COLUMN price_micro INTEGER CHECK (price_micro IS NULL OR price_micro >= 0);
ALTER TABLE account ADD COLUMN credits_milli INTEGER CHECK (credits_milli IS NULL OR credits_milli > 0);
