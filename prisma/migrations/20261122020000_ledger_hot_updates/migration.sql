-- Balances are updated in place on every posting. Room on each page lets PostgreSQL update a row without
-- touching its indexes (a HOT update: the balance columns are not indexed), which a bulk bonus batch does
-- hundreds of thousands of times.
ALTER TABLE "trading_account" SET (fillfactor = 85);
ALTER TABLE "ledger_account" SET (fillfactor = 85);

-- The non-negative backstop as a WHEN condition: PostgreSQL evaluates it itself and calls the function only
-- for a row that would break the rule, instead of a PL/pgSQL call for every row written.
DROP TRIGGER "ledger_account_non_negative" ON "ledger_account";
DROP TRIGGER "trading_account_non_negative" ON "trading_account";
CREATE TRIGGER "ledger_account_non_negative" BEFORE INSERT OR UPDATE ON "ledger_account"
  FOR EACH ROW WHEN (NEW."bucket" <> 'system' AND NEW."balance" < 0) EXECUTE FUNCTION "ledger_refuse_negative"();
CREATE TRIGGER "trading_account_non_negative" BEFORE INSERT OR UPDATE ON "trading_account"
  FOR EACH ROW WHEN (NEW."cash" < 0 OR NEW."bonus_withdrawable" < 0 OR NEW."bonus_non_withdrawable" < 0)
  EXECUTE FUNCTION "ledger_refuse_negative"();
