-- CreateTable
CREATE TABLE "risk_snooze" (
    "id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "limit_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancelled_by_id" UUID,

    CONSTRAINT "risk_snooze_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "risk_snooze_brand_id_customer_id_until_idx" ON "risk_snooze"("brand_id", "customer_id", "until");

-- AddForeignKey
ALTER TABLE "risk_snooze" ADD CONSTRAINT "risk_snooze_limit_id_fkey" FOREIGN KEY ("limit_id") REFERENCES "risk_limit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

