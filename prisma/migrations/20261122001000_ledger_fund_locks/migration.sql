-- CreateEnum
CREATE TYPE "TradingAccountType" AS ENUM ('spot', 'margin', 'futures', 'swap', 'options');

-- CreateEnum
CREATE TYPE "TradingAccountStatus" AS ENUM ('active', 'frozen', 'closed');

-- CreateEnum
CREATE TYPE "LedgerBucket" AS ENUM ('cash', 'bonus_withdrawable', 'bonus_non_withdrawable', 'system');

-- CreateEnum
CREATE TYPE "FundLockDirection" AS ENUM ('transfer_in', 'transfer_out', 'both');

-- CreateEnum
CREATE TYPE "FundLockSource" AS ENUM ('manual', 'risk_rule');

-- CreateTable
CREATE TABLE "trading_account" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "type" "TradingAccountType" NOT NULL,
    "currency" TEXT NOT NULL,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "status" "TradingAccountStatus" NOT NULL DEFAULT 'active',
    "cash" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "bonus_withdrawable" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "bonus_non_withdrawable" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trading_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_account" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "trading_account_id" UUID,
    "bucket" "LedgerBucket" NOT NULL,
    "system_code" TEXT,
    "currency" TEXT NOT NULL,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "balance" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_journal" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "reference_type" TEXT,
    "reference_id" TEXT,
    "idempotency_key" TEXT,
    "memo" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_journal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_line" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "journal_id" UUID NOT NULL,
    "ledger_account_id" UUID NOT NULL,
    "amount" DECIMAL(36,18) NOT NULL,
    "balance_after" DECIMAL(36,18) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fund_lock" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "trading_account_id" UUID NOT NULL,
    "direction" "FundLockDirection" NOT NULL,
    "reason" TEXT NOT NULL,
    "source" "FundLockSource" NOT NULL DEFAULT 'manual',
    "risk_rule_id" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" TEXT,
    "end_note" TEXT,
    "ended_by_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "fund_lock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "trading_account_brand_id_created_at_id_idx" ON "trading_account"("brand_id", "created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "trading_account_customer_id_type_currency_demo_key" ON "trading_account"("customer_id", "type", "currency", "demo");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_account_trading_account_id_bucket_key" ON "ledger_account"("trading_account_id", "bucket");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_account_brand_id_system_code_currency_demo_key" ON "ledger_account"("brand_id", "system_code", "currency", "demo");

-- CreateIndex
CREATE INDEX "ledger_journal_brand_id_created_at_id_idx" ON "ledger_journal"("brand_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "ledger_journal_reference_type_reference_id_idx" ON "ledger_journal"("reference_type", "reference_id");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_journal_brand_id_idempotency_key_key" ON "ledger_journal"("brand_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "ledger_line_ledger_account_id_created_at_id_idx" ON "ledger_line"("ledger_account_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "ledger_line_journal_id_idx" ON "ledger_line"("journal_id");

-- CreateIndex
CREATE INDEX "fund_lock_trading_account_id_ended_at_idx" ON "fund_lock"("trading_account_id", "ended_at");

-- CreateIndex
CREATE INDEX "fund_lock_brand_id_created_at_id_idx" ON "fund_lock"("brand_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "fund_lock_ended_at_expires_at_idx" ON "fund_lock"("ended_at", "expires_at");

-- AddForeignKey
ALTER TABLE "trading_account" ADD CONSTRAINT "trading_account_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_account" ADD CONSTRAINT "ledger_account_trading_account_id_fkey" FOREIGN KEY ("trading_account_id") REFERENCES "trading_account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_line" ADD CONSTRAINT "ledger_line_journal_id_fkey" FOREIGN KEY ("journal_id") REFERENCES "ledger_journal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_line" ADD CONSTRAINT "ledger_line_ledger_account_id_fkey" FOREIGN KEY ("ledger_account_id") REFERENCES "ledger_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fund_lock" ADD CONSTRAINT "fund_lock_trading_account_id_fkey" FOREIGN KEY ("trading_account_id") REFERENCES "trading_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A customer's money never goes below zero, whatever path writes it (system accounts may: they are the
-- brand's side of every entry). The services refuse first with a clear message; this is the backstop.
-- (A trigger, not a CHECK constraint: Prisma's WASM schema engine cannot diff CHECK constraints.)
CREATE FUNCTION "ledger_refuse_negative"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'ledger_account' THEN
    IF NEW."bucket" <> 'system' AND NEW."balance" < 0 THEN
      RAISE EXCEPTION 'ledger account % would go below zero (%)', NEW."id", NEW."balance" USING ERRCODE = 'check_violation';
    END IF;
  ELSIF NEW."cash" < 0 OR NEW."bonus_withdrawable" < 0 OR NEW."bonus_non_withdrawable" < 0 THEN
    RAISE EXCEPTION 'trading account % would go below zero', NEW."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "ledger_account_non_negative" BEFORE INSERT OR UPDATE ON "ledger_account" FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_negative"();
CREATE TRIGGER "trading_account_non_negative" BEFORE INSERT OR UPDATE ON "trading_account" FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_negative"();
