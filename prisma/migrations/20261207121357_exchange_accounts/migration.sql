-- CreateEnum
CREATE TYPE "ExchangeAccountKind" AS ENUM ('trading', 'funding');

-- CreateEnum
CREATE TYPE "ExchangeDataKind" AS ENUM ('balances', 'positions', 'orders', 'fills', 'bills');

-- CreateTable
CREATE TABLE "exchange_balance" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "subaccount_id" UUID NOT NULL,
    "account" "ExchangeAccountKind" NOT NULL,
    "ccy" TEXT NOT NULL,
    "total" DECIMAL(36,18) NOT NULL,
    "available" DECIMAL(36,18),
    "frozen" DECIMAL(36,18),
    "upl" DECIMAL(36,18),
    "value_usdt" DECIMAL(36,18),
    "exchange_updated_at" TIMESTAMPTZ(3),
    "synced_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "exchange_balance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exchange_position" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "subaccount_id" UUID NOT NULL,
    "pos_id" TEXT NOT NULL,
    "inst_type" TEXT NOT NULL,
    "inst_id" TEXT NOT NULL,
    "pos_side" TEXT NOT NULL,
    "mgn_mode" TEXT NOT NULL,
    "pos" DECIMAL(36,18) NOT NULL,
    "avg_px" DECIMAL(36,18),
    "mark_px" DECIMAL(36,18),
    "upl" DECIMAL(36,18),
    "upl_ratio" DECIMAL(36,18),
    "lever" TEXT NOT NULL DEFAULT '',
    "liq_px" DECIMAL(36,18),
    "mgn_ratio" DECIMAL(36,18),
    "imr" DECIMAL(36,18),
    "notional_usd" DECIMAL(36,18),
    "exposure_usd" DECIMAL(36,18) NOT NULL,
    "ccy" TEXT NOT NULL DEFAULT '',
    "exchange_created_at" TIMESTAMPTZ(3) NOT NULL,
    "exchange_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "exchange_position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exchange_open_order" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "subaccount_id" UUID NOT NULL,
    "ord_id" TEXT NOT NULL,
    "cl_ord_id" TEXT NOT NULL DEFAULT '',
    "inst_type" TEXT NOT NULL,
    "inst_id" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "pos_side" TEXT NOT NULL DEFAULT '',
    "ord_type" TEXT NOT NULL,
    "td_mode" TEXT NOT NULL DEFAULT '',
    "px" DECIMAL(36,18),
    "sz" DECIMAL(36,18) NOT NULL,
    "acc_fill_sz" DECIMAL(36,18) NOT NULL,
    "avg_px" DECIMAL(36,18),
    "state" TEXT NOT NULL,
    "lever" TEXT NOT NULL DEFAULT '',
    "reduce_only" BOOLEAN NOT NULL DEFAULT false,
    "exchange_created_at" TIMESTAMPTZ(3) NOT NULL,
    "exchange_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "exchange_open_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exchange_fill" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "subaccount_id" UUID NOT NULL,
    "bill_id" TEXT NOT NULL,
    "trade_id" TEXT NOT NULL,
    "ord_id" TEXT NOT NULL,
    "cl_ord_id" TEXT NOT NULL DEFAULT '',
    "inst_type" TEXT NOT NULL,
    "inst_id" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "pos_side" TEXT NOT NULL DEFAULT '',
    "fill_px" DECIMAL(36,18) NOT NULL,
    "fill_sz" DECIMAL(36,18) NOT NULL,
    "exec_type" TEXT NOT NULL,
    "fee" DECIMAL(36,18) NOT NULL,
    "fee_ccy" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exchange_fill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exchange_bill" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "subaccount_id" UUID NOT NULL,
    "bill_id" TEXT NOT NULL,
    "inst_type" TEXT NOT NULL DEFAULT '',
    "inst_id" TEXT NOT NULL DEFAULT '',
    "ccy" TEXT NOT NULL,
    "bal_chg" DECIMAL(36,18) NOT NULL,
    "bal" DECIMAL(36,18) NOT NULL,
    "type" TEXT NOT NULL,
    "sub_type" TEXT NOT NULL DEFAULT '',
    "sz" DECIMAL(36,18),
    "px" DECIMAL(36,18),
    "pnl" DECIMAL(36,18),
    "fee" DECIMAL(36,18),
    "ord_id" TEXT NOT NULL DEFAULT '',
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exchange_bill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exchange_sync_state" (
    "subaccount_id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "fills_cursor" TEXT,
    "bills_cursor" TEXT,
    "no_key_reason" TEXT,
    "last_run_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "exchange_sync_state_pkey" PRIMARY KEY ("subaccount_id")
);

-- CreateTable
CREATE TABLE "exchange_sync_kind_state" (
    "subaccount_id" UUID NOT NULL,
    "kind" "ExchangeDataKind" NOT NULL,
    "brand_id" UUID NOT NULL,
    "last_success_at" TIMESTAMPTZ(3),
    "last_failure_at" TIMESTAMPTZ(3),
    "error_code" TEXT,
    "error_message" TEXT,

    CONSTRAINT "exchange_sync_kind_state_pkey" PRIMARY KEY ("subaccount_id","kind")
);

-- CreateIndex
CREATE INDEX "exchange_balance_brand_id_ccy_idx" ON "exchange_balance"("brand_id", "ccy");

-- CreateIndex
CREATE UNIQUE INDEX "exchange_balance_subaccount_id_account_ccy_key" ON "exchange_balance"("subaccount_id", "account", "ccy");

-- CreateIndex
CREATE INDEX "exchange_position_brand_id_exposure_usd_id_idx" ON "exchange_position"("brand_id", "exposure_usd" DESC, "id");

-- CreateIndex
CREATE INDEX "exchange_position_brand_id_inst_id_idx" ON "exchange_position"("brand_id", "inst_id");

-- CreateIndex
CREATE UNIQUE INDEX "exchange_position_subaccount_id_pos_id_key" ON "exchange_position"("subaccount_id", "pos_id");

-- CreateIndex
CREATE INDEX "exchange_open_order_brand_id_exchange_created_at_id_idx" ON "exchange_open_order"("brand_id", "exchange_created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "exchange_open_order_brand_id_inst_id_idx" ON "exchange_open_order"("brand_id", "inst_id");

-- CreateIndex
CREATE UNIQUE INDEX "exchange_open_order_subaccount_id_ord_id_key" ON "exchange_open_order"("subaccount_id", "ord_id");

-- CreateIndex
CREATE INDEX "exchange_fill_subaccount_id_ts_id_idx" ON "exchange_fill"("subaccount_id", "ts" DESC, "id");

-- CreateIndex
CREATE INDEX "exchange_fill_brand_id_ts_idx" ON "exchange_fill"("brand_id", "ts");

-- CreateIndex
CREATE UNIQUE INDEX "exchange_fill_subaccount_id_bill_id_key" ON "exchange_fill"("subaccount_id", "bill_id");

-- CreateIndex
CREATE INDEX "exchange_bill_subaccount_id_ts_id_idx" ON "exchange_bill"("subaccount_id", "ts" DESC, "id");

-- CreateIndex
CREATE INDEX "exchange_bill_brand_id_ts_idx" ON "exchange_bill"("brand_id", "ts");

-- CreateIndex
CREATE UNIQUE INDEX "exchange_bill_subaccount_id_bill_id_key" ON "exchange_bill"("subaccount_id", "bill_id");

-- CreateIndex
CREATE INDEX "exchange_sync_state_brand_id_idx" ON "exchange_sync_state"("brand_id");

-- AddForeignKey
ALTER TABLE "exchange_balance" ADD CONSTRAINT "exchange_balance_subaccount_id_fkey" FOREIGN KEY ("subaccount_id") REFERENCES "subaccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_position" ADD CONSTRAINT "exchange_position_subaccount_id_fkey" FOREIGN KEY ("subaccount_id") REFERENCES "subaccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_open_order" ADD CONSTRAINT "exchange_open_order_subaccount_id_fkey" FOREIGN KEY ("subaccount_id") REFERENCES "subaccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_fill" ADD CONSTRAINT "exchange_fill_subaccount_id_fkey" FOREIGN KEY ("subaccount_id") REFERENCES "subaccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_bill" ADD CONSTRAINT "exchange_bill_subaccount_id_fkey" FOREIGN KEY ("subaccount_id") REFERENCES "subaccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_sync_state" ADD CONSTRAINT "exchange_sync_state_subaccount_id_fkey" FOREIGN KEY ("subaccount_id") REFERENCES "subaccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_sync_kind_state" ADD CONSTRAINT "exchange_sync_kind_state_subaccount_id_fkey" FOREIGN KEY ("subaccount_id") REFERENCES "exchange_sync_state"("subaccount_id") ON DELETE CASCADE ON UPDATE CASCADE;
