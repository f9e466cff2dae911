-- AlterTable
ALTER TABLE "risk_event" ADD COLUMN     "monitor_only" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "customer_breaker" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "tripped_by_event_id" UUID,
    "tripped_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reset_at" TIMESTAMPTZ(3),
    "reset_by_id" UUID,
    "reset_reason" TEXT,

    CONSTRAINT "customer_breaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_control" (
    "scope" TEXT NOT NULL,
    "brand_id" UUID,
    "enforce" BOOLEAN NOT NULL DEFAULT true,
    "reason" TEXT NOT NULL,
    "changed_by_id" UUID NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_control_pkey" PRIMARY KEY ("scope")
);

-- CreateIndex
CREATE INDEX "customer_breaker_customer_id_reset_at_idx" ON "customer_breaker"("customer_id", "reset_at");

-- CreateIndex
CREATE INDEX "customer_breaker_brand_id_tripped_at_idx" ON "customer_breaker"("brand_id", "tripped_at");

