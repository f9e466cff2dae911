-- CreateEnum
CREATE TYPE "RebateFileKind" AS ENUM ('dma_trades', 'fd_rebates');

-- CreateEnum
CREATE TYPE "RebateFileState" AS ENUM ('requested', 'generating', 'downloading', 'importing', 'imported', 'failed');

-- AlterTable
ALTER TABLE "brand" ADD COLUMN     "rebate_file_kinds" "RebateFileKind"[] DEFAULT ARRAY['dma_trades']::"RebateFileKind"[];

-- CreateTable
CREATE TABLE "rebate_file" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "kind" "RebateFileKind" NOT NULL,
    "begin_day" DATE NOT NULL,
    "end_day" DATE NOT NULL,
    "state" "RebateFileState" NOT NULL DEFAULT 'requested',
    "trigger" TEXT NOT NULL,
    "requested_by_id" UUID,
    "exchange_requested_at" TIMESTAMPTZ(3),
    "next_check_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "heartbeat_at" TIMESTAMPTZ(3),
    "progress_bytes" BIGINT NOT NULL DEFAULT 0,
    "storage_key" TEXT,
    "sha256" TEXT,
    "bytes" BIGINT,
    "rows_total" INTEGER,
    "rows_added" INTEGER,
    "rows_duplicate" INTEGER,
    "rows_unmatched" INTEGER,
    "rows_refused" INTEGER NOT NULL DEFAULT 0,
    "error_key" TEXT,
    "error_detail" TEXT,
    "duplicate_of_id" UUID,
    "imported_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rebate_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rebate_file_error" (
    "file_id" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "rebate_file_error_pkey" PRIMARY KEY ("file_id","line","field")
);

-- CreateTable
CREATE TABLE "dma_trade" (
    "brand_id" UUID NOT NULL,
    "trade_id" TEXT NOT NULL,
    "ord_id" TEXT NOT NULL,
    "sub_acct" TEXT NOT NULL,
    "sub_acct_level" SMALLINT NOT NULL,
    "first_lv_sub_acct" TEXT NOT NULL,
    "inst_id" TEXT NOT NULL,
    "inst_family" TEXT NOT NULL,
    "amount" DECIMAL(36,18) NOT NULL,
    "fee" DECIMAL(36,18) NOT NULL,
    "exec_type" CHAR(1) NOT NULL,
    "traded_at" TIMESTAMPTZ(3) NOT NULL,
    "day" DATE NOT NULL,
    "file_id" UUID NOT NULL,
    "subaccount_id" UUID,
    "customer_id" UUID,

    CONSTRAINT "dma_trade_pkey" PRIMARY KEY ("brand_id","trade_id","ord_id")
);

-- CreateIndex
CREATE INDEX "rebate_file_brand_id_created_at_idx" ON "rebate_file"("brand_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "rebate_file_state_next_check_at_idx" ON "rebate_file"("state", "next_check_at");

-- CreateIndex
CREATE INDEX "rebate_file_brand_id_kind_sha256_idx" ON "rebate_file"("brand_id", "kind", "sha256");

-- CreateIndex
CREATE INDEX "dma_trade_brand_id_day_idx" ON "dma_trade"("brand_id", "day");

-- CreateIndex
CREATE INDEX "dma_trade_brand_id_customer_id_day_idx" ON "dma_trade"("brand_id", "customer_id", "day");

-- AddForeignKey
ALTER TABLE "rebate_file_error" ADD CONSTRAINT "rebate_file_error_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "rebate_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One scheduled (daily) file per brand, kind and day: the worker's daily request is idempotent.
CREATE UNIQUE INDEX "rebate_file_scheduled_day_key" ON "rebate_file" ("brand_id", "kind", "begin_day") WHERE "trigger" = 'schedule';

-- Rows waiting for their sub-account to be known (re-attributed when a sync or a link brings it).
CREATE INDEX "dma_trade_unmatched_idx" ON "dma_trade" ("brand_id", "sub_acct") WHERE "customer_id" IS NULL;

-- CreateTable
CREATE TABLE "dma_trade_daily" (
    "brand_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "sub_acct" TEXT NOT NULL,
    "inst_id" TEXT NOT NULL,
    "inst_family" TEXT NOT NULL,
    "exec_type" CHAR(1) NOT NULL,
    "trades" INTEGER NOT NULL,
    "amount" DECIMAL(36,18) NOT NULL,
    "fee" DECIMAL(36,18) NOT NULL,

    CONSTRAINT "dma_trade_daily_pkey" PRIMARY KEY ("brand_id","day","sub_acct","inst_id","exec_type")
);

-- CreateIndex
CREATE INDEX "dma_trade_daily_brand_id_sub_acct_day_idx" ON "dma_trade_daily"("brand_id", "sub_acct", "day");
