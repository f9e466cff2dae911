-- CreateIndex
CREATE INDEX "dma_sub_daily_brand_id_day_idx" ON "dma_sub_daily"("brand_id", "day");
