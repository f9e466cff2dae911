-- CreateEnum
CREATE TYPE "BonusCampaignType" AS ENUM ('registration', 'first_deposit', 'airdrop', 'manual');

-- CreateEnum
CREATE TYPE "BonusAmountRule" AS ENUM ('fixed', 'percent_of_deposit');

-- CreateEnum
CREATE TYPE "BonusCampaignStatus" AS ENUM ('draft', 'pending_approval', 'active', 'paused', 'ended');

-- CreateEnum
CREATE TYPE "BonusGrantStatus" AS ENUM ('pending_approval', 'applied', 'rejected', 'closed');

-- CreateEnum
CREATE TYPE "BonusBatchStatus" AS ENUM ('pending_approval', 'applied', 'rejected');

-- AlterTable
ALTER TABLE "brand" ADD COLUMN     "bonus_approval_threshold" DECIMAL(36,18);

-- CreateTable
CREATE TABLE "bonus_campaign" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "type" "BonusCampaignType" NOT NULL,
    "amount_rule" "BonusAmountRule" NOT NULL,
    "fixed_amount" DECIMAL(36,18),
    "percent" DECIMAL(9,4),
    "cap_amount" DECIMAL(36,18),
    "currency" TEXT NOT NULL,
    "withdrawable" BOOLEAN NOT NULL DEFAULT false,
    "eligible_group_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "eligible_countries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "min_kyc_level" SMALLINT NOT NULL DEFAULT 0,
    "budget" DECIMAL(36,18) NOT NULL,
    "granted" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "released" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "expired" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "revoked" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "validity_days" INTEGER,
    "status" "BonusCampaignStatus" NOT NULL DEFAULT 'draft',
    "requested_by_id" UUID,
    "approved_by_id" UUID,
    "approved_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bonus_campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bonus_grant" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "campaign_id" UUID,
    "batch_id" UUID,
    "customer_id" UUID NOT NULL,
    "trading_account_id" UUID NOT NULL,
    "amount" DECIMAL(36,18) NOT NULL,
    "currency" TEXT NOT NULL,
    "withdrawable" BOOLEAN NOT NULL,
    "remaining" DECIMAL(36,18) NOT NULL,
    "released" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "expired" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "revoked" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "shortfall" DECIMAL(36,18) NOT NULL DEFAULT 0,
    "status" "BonusGrantStatus" NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "expires_at" TIMESTAMPTZ(3),
    "requested_by_id" UUID,
    "approved_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "reject_reason" TEXT,
    "applied_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bonus_grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bonus_grant_batch" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "campaign_id" UUID,
    "file_name" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL,
    "total_amount" DECIMAL(36,18) NOT NULL,
    "status" "BonusBatchStatus" NOT NULL,
    "requested_by_id" UUID,
    "approved_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "reject_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bonus_grant_batch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bonus_campaign_brand_id_status_created_at_idx" ON "bonus_campaign"("brand_id", "status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "bonus_campaign_brand_id_name_key" ON "bonus_campaign"("brand_id", "name");

-- CreateIndex
CREATE INDEX "bonus_grant_campaign_id_created_at_idx" ON "bonus_grant"("campaign_id", "created_at");

-- CreateIndex
CREATE INDEX "bonus_grant_customer_id_created_at_idx" ON "bonus_grant"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "bonus_grant_brand_id_status_created_at_idx" ON "bonus_grant"("brand_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "bonus_grant_status_expires_at_idx" ON "bonus_grant"("status", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "bonus_grant_brand_id_idempotency_key_key" ON "bonus_grant"("brand_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "bonus_grant_batch_brand_id_file_sha256_idx" ON "bonus_grant_batch"("brand_id", "file_sha256");

-- CreateIndex
CREATE INDEX "bonus_grant_batch_brand_id_created_at_idx" ON "bonus_grant_batch"("brand_id", "created_at");

-- AddForeignKey
ALTER TABLE "bonus_grant" ADD CONSTRAINT "bonus_grant_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "bonus_campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bonus_grant" ADD CONSTRAINT "bonus_grant_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "bonus_grant_batch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bonus_grant" ADD CONSTRAINT "bonus_grant_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bonus_grant" ADD CONSTRAINT "bonus_grant_trading_account_id_fkey" FOREIGN KEY ("trading_account_id") REFERENCES "trading_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bonus_grant_batch" ADD CONSTRAINT "bonus_grant_batch_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "bonus_campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;
