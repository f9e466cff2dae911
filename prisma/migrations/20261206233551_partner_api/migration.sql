-- CreateEnum
CREATE TYPE "PartnerIdempotencyState" AS ENUM ('in_flight', 'done');

-- AlterEnum
ALTER TYPE "FundLockSource" ADD VALUE 'partner_api';

-- CreateTable
CREATE TABLE "partner_key" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "access_key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "secret_enc" TEXT NOT NULL,
    "scopes" TEXT[],
    "ip_allowlist" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "rate_limit_per_second" INTEGER,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_id" UUID,
    "retires_at" TIMESTAMPTZ(3),
    "replaced_by_id" UUID,
    "last_used_at" TIMESTAMPTZ(3),
    "last_used_ip" TEXT,
    "request_count" BIGINT NOT NULL DEFAULT 0,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "partner_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partner_idempotency_key" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "partner_key_id" UUID NOT NULL,
    "request_hash" TEXT NOT NULL,
    "state" "PartnerIdempotencyState" NOT NULL DEFAULT 'in_flight',
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "response_status" INTEGER,
    "response_body" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partner_idempotency_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "partner_key_access_key_key" ON "partner_key"("access_key");

-- CreateIndex
CREATE INDEX "partner_key_brand_id_created_at_id_idx" ON "partner_key"("brand_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "partner_idempotency_key_created_at_idx" ON "partner_idempotency_key"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "partner_idempotency_key_brand_id_key_key" ON "partner_idempotency_key"("brand_id", "key");
