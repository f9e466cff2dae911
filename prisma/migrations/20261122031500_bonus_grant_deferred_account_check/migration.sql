-- A bonus batch claims its grants' idempotency keys first (the order every grant path follows: key, then
-- campaign, then accounts, so two of them never deadlock) and only then locks and credits the accounts.
-- Checked at commit, each grant's trading-account reference meets a row the transaction already holds,
-- instead of taking a share lock on 100,000 account rows one by one in the middle of the insert.
ALTER TABLE "bonus_grant" ALTER CONSTRAINT "bonus_grant_trading_account_id_fkey" DEFERRABLE INITIALLY DEFERRED;
