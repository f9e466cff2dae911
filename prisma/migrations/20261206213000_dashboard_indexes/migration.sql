-- Indexes behind the dashboard tiles and charts: each tile reads a brand's slice, never the whole table.
-- CreateIndex
CREATE INDEX "bonus_grant_brand_id_status_expires_at_idx" ON "bonus_grant"("brand_id", "status", "expires_at");

-- CreateIndex
CREATE INDEX "customer_brand_id_status_status_changed_at_idx" ON "customer"("brand_id", "status", "status_changed_at");

-- CreateIndex
CREATE INDEX "fund_lock_brand_id_ended_at_expires_at_idx" ON "fund_lock"("brand_id", "ended_at", "expires_at");

-- CreateIndex
CREATE INDEX "kyc_application_brand_id_decided_at_idx" ON "kyc_application"("brand_id", "decided_at");

