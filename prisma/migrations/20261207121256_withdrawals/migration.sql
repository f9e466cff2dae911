-- CreateEnum
CREATE TYPE "WithdrawalState" AS ENUM ('pending_approval', 'rejected', 'queued', 'sending', 'sent', 'completed', 'failed', 'cancelled', 'refused');

-- CreateTable
CREATE TABLE "withdrawal" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "subaccount_id" UUID NOT NULL,
    "ccy" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "amount" DECIMAL(36,18) NOT NULL,
    "fee" DECIMAL(36,18),
    "value_usdt" DECIMAL(36,18) NOT NULL,
    "address" TEXT NOT NULL,
    "tag" TEXT NOT NULL DEFAULT '',
    "address_book_id" UUID,
    "state" "WithdrawalState" NOT NULL,
    "okx_state" TEXT,
    "client_id" TEXT NOT NULL,
    "wd_id" TEXT,
    "tx_id" TEXT,
    "requested_by_id" UUID,
    "partner_key_id" UUID,
    "idempotency_key" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "approved_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "cancelled_by_id" UUID,
    "cancel_reason" TEXT,
    "failure_key" TEXT,
    "failure_detail" TEXT,
    "send_attempts" INTEGER NOT NULL DEFAULT 0,
    "sent_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "last_checked_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "withdrawal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "withdrawal_address" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "ccy" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "tag" TEXT NOT NULL DEFAULT '',
    "label" TEXT NOT NULL DEFAULT '',
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usable_from" TIMESTAMPTZ(3) NOT NULL,
    "added_by_id" UUID,
    "removed_at" TIMESTAMPTZ(3),
    "removed_by_id" UUID,

    CONSTRAINT "withdrawal_address_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "withdrawal_settings" (
    "brand_id" UUID NOT NULL,
    "per_withdrawal_limit" DECIMAL(36,18),
    "daily_limit" DECIMAL(36,18),
    "approval_threshold" DECIMAL(36,18),
    "cooling_off_hours" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "withdrawal_settings_pkey" PRIMARY KEY ("brand_id")
);

-- CreateIndex
CREATE INDEX "withdrawal_brand_id_created_at_id_idx" ON "withdrawal"("brand_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "withdrawal_brand_id_state_created_at_idx" ON "withdrawal"("brand_id", "state", "created_at");

-- CreateIndex
CREATE INDEX "withdrawal_customer_id_created_at_idx" ON "withdrawal"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "withdrawal_subaccount_id_state_idx" ON "withdrawal"("subaccount_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "withdrawal_brand_id_client_id_key" ON "withdrawal"("brand_id", "client_id");

-- CreateIndex
CREATE UNIQUE INDEX "withdrawal_brand_id_idempotency_key_key" ON "withdrawal"("brand_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "withdrawal_address_customer_id_ccy_chain_idx" ON "withdrawal_address"("customer_id", "ccy", "chain");

-- CreateIndex
CREATE INDEX "withdrawal_address_brand_id_added_at_idx" ON "withdrawal_address"("brand_id", "added_at");

-- AddForeignKey
ALTER TABLE "withdrawal" ADD CONSTRAINT "withdrawal_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "withdrawal" ADD CONSTRAINT "withdrawal_subaccount_id_fkey" FOREIGN KEY ("subaccount_id") REFERENCES "subaccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "withdrawal_address" ADD CONSTRAINT "withdrawal_address_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One live entry per address in a customer's book (a removed one may be added again, cooling off anew).
CREATE UNIQUE INDEX "withdrawal_address_live_key" ON "withdrawal_address" ("customer_id", "chain", "address", "tag") WHERE "removed_at" IS NULL;
