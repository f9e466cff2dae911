-- CreateTable
CREATE TABLE "subaccount" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "sub_acct" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "account_level" SMALLINT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "frozen_functions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "can_transfer_out" BOOLEAN NOT NULL,
    "main_acct" TEXT,
    "exchange_created_at" TIMESTAMPTZ(3) NOT NULL,
    "customer_id" UUID,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_synced_at" TIMESTAMPTZ(3) NOT NULL,
    "removed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subaccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subaccount_fee_rate" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "subaccount_id" UUID NOT NULL,
    "type" SMALLINT NOT NULL,
    "maker" DECIMAL(20,10) NOT NULL,
    "taker" DECIMAL(20,10) NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subaccount_fee_rate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "subaccount_brand_id_created_at_id_idx" ON "subaccount"("brand_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "subaccount_brand_id_last_synced_at_idx" ON "subaccount"("brand_id", "last_synced_at");

-- CreateIndex
CREATE INDEX "subaccount_customer_id_idx" ON "subaccount"("customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "subaccount_brand_id_sub_acct_key" ON "subaccount"("brand_id", "sub_acct");

-- CreateIndex
CREATE INDEX "subaccount_fee_rate_brand_id_idx" ON "subaccount_fee_rate"("brand_id");

-- CreateIndex
CREATE UNIQUE INDEX "subaccount_fee_rate_subaccount_id_type_key" ON "subaccount_fee_rate"("subaccount_id", "type");

-- AddForeignKey
ALTER TABLE "subaccount" ADD CONSTRAINT "subaccount_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subaccount_fee_rate" ADD CONSTRAINT "subaccount_fee_rate_subaccount_id_fkey" FOREIGN KEY ("subaccount_id") REFERENCES "subaccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;
