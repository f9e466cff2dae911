-- CreateEnum
CREATE TYPE "RebateReconciliationStatus" AS ENUM ('different', 'matched', 'incomplete');

-- CreateEnum
CREATE TYPE "RebateReconciliationRunState" AS ENUM ('pending', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "rebate_file_day" (
    "file_id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "rows" INTEGER NOT NULL,
    "amount" DECIMAL(36,18) NOT NULL,
    "fee" DECIMAL(36,18) NOT NULL,

    CONSTRAINT "rebate_file_day_pkey" PRIMARY KEY ("file_id","day")
);

-- CreateTable
CREATE TABLE "rebate_reconciliation" (
    "brand_id" UUID NOT NULL,
    "kind" "RebateFileKind" NOT NULL,
    "day" DATE NOT NULL,
    "status" "RebateReconciliationStatus" NOT NULL,
    "file_id" UUID,
    "file_trades" INTEGER,
    "file_amount" DECIMAL(36,18),
    "file_fee" DECIMAL(36,18),
    "files_agree" BOOLEAN NOT NULL DEFAULT true,
    "imported_trades" INTEGER NOT NULL,
    "imported_amount" DECIMAL(36,18) NOT NULL,
    "imported_fee" DECIMAL(36,18) NOT NULL,
    "exchange_volume" DECIMAL(36,18),
    "exchange_commission" DECIMAL(36,18),
    "trades_difference" INTEGER,
    "amount_difference" DECIMAL(36,18),
    "fee_difference" DECIMAL(36,18),
    "exchange_difference" DECIMAL(36,18),
    "checked_at" TIMESTAMPTZ(3) NOT NULL,
    "run_id" UUID,

    CONSTRAINT "rebate_reconciliation_pkey" PRIMARY KEY ("brand_id","kind","day")
);

-- CreateTable
CREATE TABLE "rebate_reconciliation_run" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "kind" "RebateFileKind" NOT NULL,
    "from_day" DATE NOT NULL,
    "to_day" DATE NOT NULL,
    "trigger" TEXT NOT NULL,
    "state" "RebateReconciliationRunState" NOT NULL DEFAULT 'pending',
    "requested_by_id" UUID,
    "file_id" UUID,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_check_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" TIMESTAMPTZ(3),
    "exchange" TEXT,
    "days" INTEGER,
    "differences" INTEGER,
    "error_key" TEXT,
    "error_detail" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "rebate_reconciliation_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rebate_file_day_brand_id_day_idx" ON "rebate_file_day"("brand_id", "day");

-- CreateIndex
CREATE INDEX "rebate_reconciliation_brand_id_kind_status_day_idx" ON "rebate_reconciliation"("brand_id", "kind", "status", "day");

-- CreateIndex
CREATE INDEX "rebate_reconciliation_run_state_next_check_at_idx" ON "rebate_reconciliation_run"("state", "next_check_at");

-- CreateIndex
CREATE INDEX "rebate_reconciliation_run_brand_id_state_created_at_idx" ON "rebate_reconciliation_run"("brand_id", "state", "created_at");

