-- CreateEnum
CREATE TYPE "RiskScope" AS ENUM ('brand', 'group', 'customer');

-- CreateEnum
CREATE TYPE "RiskSeverity" AS ENUM ('low', 'medium', 'high');

-- CreateEnum
CREATE TYPE "RiskEventStatus" AS ENUM ('open', 'acknowledged', 'resolved');

-- AlterTable
ALTER TABLE "withdrawal" ADD COLUMN     "risk_event_id" UUID;

-- CreateTable
CREATE TABLE "risk_limit" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "scope" "RiskScope" NOT NULL,
    "scope_id" UUID,
    "kind" TEXT NOT NULL,
    "threshold" DECIMAL(36,18) NOT NULL,
    "window_minutes" INTEGER NOT NULL,
    "severity" "RiskSeverity" NOT NULL,
    "actions" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" UUID,
    "updated_by_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "risk_limit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_event" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "limit_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" "RiskSeverity" NOT NULL,
    "window_key" TEXT NOT NULL,
    "numbers" JSONB NOT NULL,
    "actions" JSONB NOT NULL,
    "status" "RiskEventStatus" NOT NULL DEFAULT 'open',
    "acknowledged_by_id" UUID,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_note" TEXT,
    "resolved_by_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "risk_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "risk_limit_brand_id_kind_enabled_idx" ON "risk_limit"("brand_id", "kind", "enabled");

-- CreateIndex
CREATE INDEX "risk_limit_brand_id_created_at_idx" ON "risk_limit"("brand_id", "created_at");

-- CreateIndex
CREATE INDEX "risk_event_brand_id_created_at_id_idx" ON "risk_event"("brand_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "risk_event_brand_id_status_created_at_idx" ON "risk_event"("brand_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "risk_event_brand_id_customer_id_created_at_idx" ON "risk_event"("brand_id", "customer_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "risk_event_limit_id_customer_id_window_key_key" ON "risk_event"("limit_id", "customer_id", "window_key");

-- AddForeignKey
ALTER TABLE "risk_event" ADD CONSTRAINT "risk_event_limit_id_fkey" FOREIGN KEY ("limit_id") REFERENCES "risk_limit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
