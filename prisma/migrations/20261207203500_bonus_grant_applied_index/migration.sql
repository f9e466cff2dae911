-- CreateIndex
CREATE INDEX "bonus_grant_brand_id_applied_at_idx" ON "bonus_grant"("brand_id", "applied_at");

