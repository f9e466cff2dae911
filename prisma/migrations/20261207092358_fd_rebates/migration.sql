-- CreateTable
CREATE TABLE "fd_rebate" (
    "brand_id" UUID NOT NULL,
    "ord_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "broker_code" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "inst_id" TEXT NOT NULL,
    "inst_family" TEXT NOT NULL,
    "spot_trade_amt" DECIMAL(36,18) NOT NULL,
    "derivative_trade_amt" DECIMAL(36,18) NOT NULL,
    "fee" DECIMAL(36,18) NOT NULL,
    "net_fee" DECIMAL(36,18) NOT NULL,
    "settlement_fee" DECIMAL(36,18) NOT NULL,
    "broker_rebate" DECIMAL(36,18) NOT NULL,
    "sub_broker_rebate" DECIMAL(36,18) NOT NULL,
    "user_rebate" DECIMAL(36,18) NOT NULL,
    "affiliated" BOOLEAN NOT NULL,
    "last_fill_at" TIMESTAMPTZ(3) NOT NULL,
    "file_id" UUID NOT NULL,
    "customer_id" UUID,

    CONSTRAINT "fd_rebate_pkey" PRIMARY KEY ("brand_id","ord_id","day")
);

-- CreateTable
CREATE TABLE "fd_rebate_daily" (
    "id" BIGSERIAL NOT NULL,
    "brand_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "inst_id" TEXT NOT NULL,
    "inst_family" TEXT NOT NULL,
    "affiliated" BOOLEAN NOT NULL,
    "customer_id" UUID,
    "orders" INTEGER NOT NULL,
    "spot_trade_amt" DECIMAL(36,18) NOT NULL,
    "derivative_trade_amt" DECIMAL(36,18) NOT NULL,
    "fee" DECIMAL(36,18) NOT NULL,
    "net_fee" DECIMAL(36,18) NOT NULL,
    "settlement_fee" DECIMAL(36,18) NOT NULL,
    "broker_rebate" DECIMAL(36,18) NOT NULL,
    "sub_broker_rebate" DECIMAL(36,18) NOT NULL,
    "user_rebate" DECIMAL(36,18) NOT NULL,

    CONSTRAINT "fd_rebate_daily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fd_order_link" (
    "brand_id" UUID NOT NULL,
    "ord_id" TEXT NOT NULL,
    "customer_id" UUID NOT NULL,
    "partner_key_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attributed_at" TIMESTAMPTZ(3),

    CONSTRAINT "fd_order_link_pkey" PRIMARY KEY ("brand_id","ord_id")
);

-- CreateIndex
CREATE INDEX "fd_rebate_brand_id_day_idx" ON "fd_rebate"("brand_id", "day");

-- CreateIndex
CREATE INDEX "fd_rebate_brand_id_customer_id_day_idx" ON "fd_rebate"("brand_id", "customer_id", "day");

-- CreateIndex
CREATE INDEX "fd_rebate_daily_brand_id_customer_id_day_idx" ON "fd_rebate_daily"("brand_id", "customer_id", "day");

-- CreateIndex
CREATE UNIQUE INDEX "fd_rebate_daily_brand_id_day_inst_id_affiliated_customer_id_key" ON "fd_rebate_daily"("brand_id", "day", "inst_id", "affiliated", "customer_id") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "fd_order_link_customer_id_idx" ON "fd_order_link"("customer_id");

-- Links whose rows have not been given their customer yet: the rebate-files job reads only these.
CREATE INDEX "fd_order_link_pending_idx" ON "fd_order_link" ("brand_id", "created_at") WHERE "attributed_at" IS NULL;

-- Rows not attributed to a customer yet, by order id (a link arriving later finds them).
CREATE INDEX "fd_rebate_unmatched_idx" ON "fd_rebate" ("brand_id", "ord_id") WHERE "customer_id" IS NULL;
