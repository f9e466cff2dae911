-- CreateTable
CREATE TABLE "emergency_stop" (
    "id" UUID NOT NULL,
    "brand_id" UUID,
    "reason" TEXT NOT NULL,
    "cancel_orders" BOOLEAN NOT NULL DEFAULT false,
    "triggered_by_id" UUID NOT NULL,
    "triggered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reset_by_id" UUID,
    "reset_at" TIMESTAMPTZ(3),
    "reset_reason" TEXT,

    CONSTRAINT "emergency_stop_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "emergency_stop_brand_id_triggered_at_idx" ON "emergency_stop"("brand_id", "triggered_at" DESC);

-- At most one active stop per scope (the global one has no brand); also what every guard check reads.
CREATE UNIQUE INDEX "emergency_stop_active_key" ON "emergency_stop" ("brand_id") NULLS NOT DISTINCT WHERE "reset_at" IS NULL;
