-- CreateTable
CREATE TABLE "subaccount_api_key" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "subaccount_id" UUID NOT NULL,
    "api_key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "perms" TEXT[],
    "ips" TEXT[],
    "secret_key_enc" TEXT,
    "passphrase_enc" TEXT,
    "exchange_created_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" UUID,
    "last_revealed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subaccount_api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deposit_address" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "subaccount_id" UUID NOT NULL,
    "ccy" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "addr" TEXT NOT NULL,
    "memo" TEXT,
    "tag" TEXT,
    "pmt_id" TEXT,
    "comment" TEXT,
    "receiving_account" TEXT NOT NULL,
    "selected" BOOLEAN NOT NULL DEFAULT false,
    "exchange_created_at" TIMESTAMPTZ(3),
    "synced_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deposit_address_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deposit" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "dep_id" TEXT NOT NULL,
    "sub_acct" TEXT NOT NULL,
    "subaccount_id" UUID,
    "ccy" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "amount" DECIMAL(36,18) NOT NULL,
    "from_account" TEXT NOT NULL DEFAULT '',
    "area_code_from" TEXT,
    "to_address" TEXT NOT NULL DEFAULT '',
    "tx_id" TEXT NOT NULL DEFAULT '',
    "state" SMALLINT NOT NULL,
    "confirmations" INTEGER,
    "exchange_ts" TIMESTAMPTZ(3) NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deposit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deposit_sync_state" (
    "brand_id" UUID NOT NULL,
    "cursor_ts" TIMESTAMPTZ(3),
    "last_completed_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deposit_sync_state_pkey" PRIMARY KEY ("brand_id")
);

-- CreateIndex
CREATE INDEX "subaccount_api_key_subaccount_id_idx" ON "subaccount_api_key"("subaccount_id");

-- CreateIndex
CREATE INDEX "subaccount_api_key_brand_id_created_at_id_idx" ON "subaccount_api_key"("brand_id", "created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "subaccount_api_key_brand_id_api_key_key" ON "subaccount_api_key"("brand_id", "api_key");

-- CreateIndex
CREATE INDEX "deposit_address_brand_id_idx" ON "deposit_address"("brand_id");

-- CreateIndex
CREATE UNIQUE INDEX "deposit_address_subaccount_id_ccy_chain_addr_key" ON "deposit_address"("subaccount_id", "ccy", "chain", "addr");

-- CreateIndex
CREATE INDEX "deposit_brand_id_exchange_ts_id_idx" ON "deposit"("brand_id", "exchange_ts", "id");

-- CreateIndex
CREATE INDEX "deposit_brand_id_ccy_exchange_ts_idx" ON "deposit"("brand_id", "ccy", "exchange_ts");

-- CreateIndex
CREATE INDEX "deposit_brand_id_state_exchange_ts_idx" ON "deposit"("brand_id", "state", "exchange_ts");

-- CreateIndex
CREATE INDEX "deposit_subaccount_id_exchange_ts_idx" ON "deposit"("subaccount_id", "exchange_ts");

-- CreateIndex
CREATE UNIQUE INDEX "deposit_brand_id_dep_id_key" ON "deposit"("brand_id", "dep_id");

-- AddForeignKey
ALTER TABLE "subaccount_api_key" ADD CONSTRAINT "subaccount_api_key_subaccount_id_fkey" FOREIGN KEY ("subaccount_id") REFERENCES "subaccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deposit_address" ADD CONSTRAINT "deposit_address_subaccount_id_fkey" FOREIGN KEY ("subaccount_id") REFERENCES "subaccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deposit" ADD CONSTRAINT "deposit_subaccount_id_fkey" FOREIGN KEY ("subaccount_id") REFERENCES "subaccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;
